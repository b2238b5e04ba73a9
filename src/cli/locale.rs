//! The UI language when `--lang` is not given: the locale, `LC_ALL` then
//! `LANG` (Thai when it starts with `th`). Windows sets neither: there the
//! language Windows itself is shown in decides.

use std::ffi::OsString;

use crate::text::Lang;

/// The locale's language, or the system's where no locale is set.
pub fn locale_lang() -> Lang {
    let lc_all = std::env::var("LC_ALL").ok();
    let lang = std::env::var("LANG").ok();
    let set = |v: &Option<String>| v.as_deref().is_some_and(|s| !s.is_empty());
    if !set(&lc_all)
        && !set(&lang)
        && let Some(system) = system_lang()
    {
        return system;
    }
    Lang::from_locale(lc_all.as_deref(), lang.as_deref())
}

/// `--lang` as the command line gives it, read before clap parses it: the
/// help clap prints is already in that language. A value that is not a
/// language is clap's to report.
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut found = None;
    let mut args = args.iter().skip(1).map(|a| a.to_str().unwrap_or(""));
    while let Some(arg) = args.next() {
        let value = match arg {
            "--" => break,
            "--lang" => args.next().unwrap_or(""),
            _ => match arg.strip_prefix("--lang=") {
                Some(value) => value,
                None => continue,
            },
        };
        found = match value {
            "th" => Some(Lang::Th),
            "en" => Some(Lang::En),
            _ => found,
        };
    }
    found
}

/// The language Windows is shown in: Thai or, for any other, English.
#[cfg(windows)]
fn system_lang() -> Option<Lang> {
    // The primary language is the low 10 bits of a language id (LANG_THAI is 0x1E).
    const LANG_THAI: u16 = 0x1e;
    // SAFETY: takes nothing and only reads the user's setting.
    let id = unsafe { windows_sys::Win32::Globalization::GetUserDefaultUILanguage() };
    Some(if id & 0x3ff == LANG_THAI {
        Lang::Th
    } else {
        Lang::En
    })
}

#[cfg(not(windows))]
fn system_lang() -> Option<Lang> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_wherever_clap_would_take_it() {
        assert_eq!(
            lang_in_args(&args(&["wethi", "--lang", "th"])),
            Some(Lang::Th)
        );
        assert_eq!(
            lang_in_args(&args(&["wethi", "new", "--lang=en"])),
            Some(Lang::En)
        );
        assert_eq!(
            lang_in_args(&args(&["wethi", "--lang", "th", "list", "--lang", "en"])),
            Some(Lang::En),
            "the last one wins, as in clap"
        );
        assert_eq!(lang_in_args(&args(&["wethi", "--help"])), None);
        assert_eq!(lang_in_args(&args(&["wethi", "--lang", "fr"])), None);
        assert_eq!(lang_in_args(&args(&["wethi", "--lang"])), None);
        assert_eq!(
            lang_in_args(&args(&[
                "wethi", "new", "--title", "x", "--", "--lang", "th"
            ])),
            None,
            "after -- nothing is a flag"
        );
    }
}

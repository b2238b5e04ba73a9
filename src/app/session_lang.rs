//! The session's language as the details form shows and reads it.

use crate::text::Lang;
use crate::text::kedmanee::to_us_key;

/// How the form shows a language: `th` or `en`.
pub fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Th => "th",
        Lang::En => "en",
    }
}

/// `th`, `thai`, `ไทย` or `en`, `english`, `อังกฤษ` (any case), and the
/// codes typed with the keyboard left on the other layout (`ะ้` is `th`).
pub fn parse_lang(text: &str) -> Option<Lang> {
    let text = text.trim().to_lowercase();
    let us: String = text.chars().map(|c| to_us_key(c).unwrap_or(c)).collect();
    match (text.as_str(), us.as_str()) {
        ("th" | "thai" | "ไทย", _) | (_, "th") => Some(Lang::Th),
        ("en" | "eng" | "english" | "อังกฤษ", _) | (_, "en") => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_names_and_the_other_layout_read_back() {
        for (text, lang) in [
            ("th", Lang::Th),
            (" TH ", Lang::Th),
            ("ไทย", Lang::Th),
            ("ะ้", Lang::Th),
            ("en", Lang::En),
            ("English", Lang::En),
            ("อังกฤษ", Lang::En),
            ("ำื", Lang::En),
        ] {
            assert_eq!(parse_lang(text), Some(lang), "{text}");
        }
        for bad in ["", "lao", "t"] {
            assert_eq!(parse_lang(bad), None, "{bad}");
        }
        assert_eq!(parse_lang(lang_code(Lang::En)), Some(Lang::En));
    }
}

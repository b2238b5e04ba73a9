//! The commands on session files that start no UI: `new`, `template`,
//! `validate`, `backups`, `restore`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;

use super::{Context, Failure, screens};
use crate::i18n::cli::cli_strings;
use crate::i18n::compare::fill;
use crate::i18n::photos::photos_strings;
use crate::i18n::strings;
use crate::session::{self, Session, template};
use crate::store;
use crate::text::Lang;
use crate::text::date::format_date;
use crate::text::sanitize::for_display;

/// `wethi new`: the file is on disk before the first frame; with `no_open`
/// its path is printed instead of opening it.
pub fn new(
    ctx: &Context,
    title: Option<&str>,
    template: Option<&Path>,
    from: Option<&Path>,
    no_open: bool,
) -> Result<ExitCode, Failure> {
    let path = match from {
        Some(past) => create_from(ctx, title, past)?,
        None => create_session(ctx, title, template)?,
    };
    if no_open {
        println!("{}", path.display());
        return Ok(ExitCode::SUCCESS);
    }
    screens::edit(ctx, &path, false)
}

/// A new session from `template` (or the built-in one) in the data folder.
/// A template file's session keeps the file's language unless `--lang` is
/// given; the built-in template, written in both, takes the UI language.
pub fn create_session(
    ctx: &Context,
    title: Option<&str>,
    template: Option<&Path>,
) -> Result<PathBuf, Failure> {
    let (base, lang) = match template {
        Some(file) => {
            let base = ctx.load(file)?.session;
            let lang = ctx.lang_flag.unwrap_or(base.lang);
            (base, lang)
        }
        None => (
            template::builtin().map_err(|e| Failure::invalid(e.message(ctx.lang)))?,
            ctx.lang,
        ),
    };
    let now = session::now();
    let title = match title {
        Some(t) => t.to_owned(),
        None => default_title(now.date_naive(), lang),
    };
    let new: Session = template::instantiate(base, &title, now, lang);
    store::create_session(&ctx.data_dir()?, &new).map_err(|e| Failure::invalid(e.message(ctx.lang)))
}

/// A session continuing `past` (`new --from`), in `past`'s language.
fn create_from(ctx: &Context, title: Option<&str>, past: &Path) -> Result<PathBuf, Failure> {
    let past = ctx.load(past)?.session;
    let now = session::now();
    let title = match title {
        Some(t) => t.to_owned(),
        None => default_title(now.date_naive(), past.lang),
    };
    let new = session::followup::continue_from(&past, &title, now);
    store::create_session(&ctx.data_dir()?, &new).map_err(|e| Failure::invalid(e.message(ctx.lang)))
}

/// The title a session gets when none is given: "Workshop 13 January 2021".
pub fn default_title(date: NaiveDate, lang: Lang) -> String {
    let day = format_date(date, lang);
    fill(cli_strings(lang).default_title, &[("date", &day)])
}

/// `wethi template`: the built-in template as JSON.
pub fn print_template() -> ExitCode {
    print!("{}", template::BUILTIN_JSON);
    ExitCode::SUCCESS
}

/// `wethi validate`: a line per file; exit 0 only if all are valid.
pub fn validate(ctx: &Context, files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        match ctx.load(file) {
            Ok(loaded)
                if let Some(missing) =
                    missing_photo(&ctx.resolve(file), &loaded.session, ctx.lang) =>
            {
                all_valid = false;
                eprintln!("wethi: {missing}");
            }
            Ok(loaded) => {
                let mut line = format!("{}: {}", file.display(), strings(ctx.lang).valid);
                if loaded.newer_version {
                    line.push_str(&format!(" ({})", strings(ctx.lang).newer_version));
                }
                println!("{line}");
            }
            Err(failure) => {
                all_valid = false;
                eprintln!("wethi: {}", failure.message);
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The first photo of `session` whose image is not in its folder, as a
/// sentence naming the session, the image and the folder.
fn missing_photo(path: &Path, session: &Session, lang: Lang) -> Option<String> {
    let dir = store::photos::photos_dir(path);
    let (index, photo) = store::photos::first_missing(path, session)?;
    let shown = |p: &Path| for_display(&p.display().to_string()).into_owned();
    let sentence = fill(
        photos_strings(lang).missing,
        &[
            ("photo", &for_display(&photo.file)),
            ("index", &index.to_string()),
            ("folder", &shown(&dir)),
        ],
    );
    Some(format!("{}: {sentence}", shown(path)))
}

/// `wethi backups`: the backups kept of `file`, newest first.
pub fn backups(ctx: &Context, file: &Path) -> Result<ExitCode, Failure> {
    let listing =
        store::backups::describe_backups(&ctx.resolve(file), ctx.lang).map_err(Failure::invalid)?;
    print!("{listing}");
    Ok(ExitCode::SUCCESS)
}

/// `wethi restore`: `backup` put back in place.
pub fn restore(ctx: &Context, backup: &Path) -> Result<ExitCode, Failure> {
    let done = store::backups::restore(backup, ctx.lang).map_err(Failure::invalid)?;
    print!("{done}");
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_title_is_the_word_and_the_day_in_the_sessions_language() {
        let day = NaiveDate::from_ymd_opt(2021, 1, 13).expect("a real day");
        assert_eq!(default_title(day, Lang::En), "Workshop 13 January 2021");
        assert_eq!(default_title(day, Lang::Th), "เวที 13 มกราคม 2564");
    }
}

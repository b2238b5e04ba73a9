//! `wethi export`: a report or the news post of a session, in its language
//! unless `--lang` was given, in Thai digits with `--thai-digits`, with its
//! photos: the images read from the session's photo folder for Word and
//! HTML, linked (Markdown) or named (the post) from where the report goes.

use std::cell::Cell;
use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure};
use crate::export::{Format, Photos};
use crate::i18n::report::report_strings;
use crate::i18n::strings;
use crate::photos::stored;
use crate::store;
use crate::text::date::Digits;
use crate::text::sanitize::for_display;

/// The report to stdout, or atomically to `output` (never over the session
/// file itself), its numbers in `digits`.
pub fn export_report(
    ctx: &Context,
    file: &Path,
    format: Format,
    output: Option<&Path>,
    digits: Digits,
) -> Result<ExitCode, Failure> {
    let r = report_strings(ctx.lang);
    if format.needs_file() && output.is_none() {
        return Err(Failure::usage(r.needs_output.to_owned()));
    }
    if digits == Digits::Thai && !format.takes_thai_digits() {
        return Err(Failure::usage(r.csv_digits.to_owned()));
    }
    let path = ctx.resolve(file);
    let loaded = ctx.load(file)?;
    if loaded.newer_version {
        eprintln!("wethi: {}", strings(ctx.lang).newer_version);
    }
    let lang = ctx.lang_flag.unwrap_or(loaded.session.lang);
    let shown = |p: &Path| for_display(&p.display().to_string()).into_owned();
    // A report that would show a photo without its image is not written.
    if format.shows_images()
        && let Some(why) = stored::check(&path, &loaded.session, ctx.lang)
    {
        return Err(Failure::invalid(format!("{}: {why}", shown(&path))));
    }
    // Links go from where the report is: the output's folder, else here.
    let from = output.map_or(Path::new("."), |o| o.parent().unwrap_or(Path::new(".")));
    let image_failed = Cell::new(false);
    let mut photos = Photos::new(
        store::photos::folder_link(from, &path),
        stored::flagging_reader(&path, ctx.lang, &image_failed),
    );
    let Some(out) = output else {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        return match format.write_with(&mut w, &loaded.session, lang, digits, &mut photos) {
            // The image's error names it and says what is wrong.
            Err(e) if image_failed.get() => Err(Failure::invalid(e.to_string())),
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Failure::invalid(format!("stdout: {e}")))
            }
            _ => Ok(ExitCode::SUCCESS),
        };
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(out, &path) {
        return Err(Failure::usage(format!(
            "{}: {}",
            out.display(),
            r.would_overwrite
        )));
    }
    let mut bytes = Vec::new();
    format
        .write_with(&mut bytes, &loaded.session, lang, digits, &mut photos)
        .map_err(|e| match image_failed.get() {
            true => Failure::invalid(e.to_string()),
            false => Failure::invalid(format!("{}: {e}", out.display())),
        })?;
    store::write_atomic_shared(out, &bytes).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    Ok(ExitCode::SUCCESS)
}

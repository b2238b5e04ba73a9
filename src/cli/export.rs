//! `wethi export`: a report or the news post of a session, in its language
//! unless `--lang` was given, in Thai digits with `--thai-digits`.

use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure};
use crate::export::Format;
use crate::i18n::report::report_strings;
use crate::i18n::strings;
use crate::store;
use crate::text::date::Digits;

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
    let Some(out) = output else {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        return match format.write_with(&mut w, &loaded.session, lang, digits) {
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
        .write_with(&mut bytes, &loaded.session, lang, digits)
        .map_err(|e| Failure::invalid(format!("{}: {e}", out.display())))?;
    store::write_atomic_shared(out, &bytes).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    Ok(ExitCode::SUCCESS)
}

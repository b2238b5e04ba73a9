//! `wethi list`: the sessions in the data folder, newest first.

use std::process::ExitCode;

use super::{Context, Failure};
use crate::i18n::strings;
use crate::store;
use crate::summary;

/// A table, or JSON with `json`; files that could not be read are named on
/// stderr and skipped.
pub fn list(ctx: &Context, json: bool) -> Result<ExitCode, Failure> {
    let dir = ctx.data_dir()?;
    let (listed, broken) = store::list_sessions(&dir)
        .map_err(|e| Failure::invalid(format!("{}: {e}.", dir.display())))?;
    for e in &broken {
        eprintln!(
            "wethi: {} {}",
            strings(ctx.lang).skipped,
            e.message(ctx.lang)
        );
    }
    if json {
        println!("{}", summary::list_json(&listed));
    } else if listed.is_empty() {
        println!("{} {}", strings(ctx.lang).no_sessions, dir.display());
    } else {
        print!("{}", summary::list_table(&listed, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

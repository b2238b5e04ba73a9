//! `wethi diff` and `wethi merge`: two sessions compared, or breakout
//! groups' sessions merged into one.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, Failure};
use crate::export;
use crate::i18n::compare::{compare_strings, fill};
use crate::i18n::strings;
use crate::session::{self, Session};
use crate::store;
use crate::text::sanitize::for_display;
use crate::ui::theme::color_allowed;

/// `wethi diff`: exit 0 whether or not the sessions differ.
pub fn diff(ctx: &Context, old: &Path, new: &Path) -> Result<ExitCode, Failure> {
    let (a, b) = (ctx.load(old)?, ctx.load(new)?);
    let colour = color_allowed(std::io::stdout().is_terminal());
    let found = export::diff::diff(&a.session, &b.session, ctx.lang);
    print!("{}", export::diff::render(&found, ctx.lang, colour));
    Ok(ExitCode::SUCCESS)
}

/// `wethi merge`: checks the output path before reading anything big, and
/// writes the result atomically. A participant total every file carries is
/// the whole room's: kept, with a warning on stderr.
pub fn merge(
    ctx: &Context,
    files: &[PathBuf],
    out: &Path,
    names: Option<Vec<String>>,
    title: Option<&str>,
    force: bool,
) -> Result<ExitCode, Failure> {
    let c = compare_strings(ctx.lang);
    let out_name = for_display(&out.display().to_string()).into_owned();
    if let Some(names) = &names
        && names.len() != files.len()
    {
        let (n, f) = (names.len().to_string(), files.len().to_string());
        return Err(Failure::usage(fill(
            c.group_names_count,
            &[("names", &n), ("files", &f)],
        )));
    }
    if names.iter().flatten().any(|n| n.trim().is_empty()) {
        return Err(Failure::usage(c.group_name_empty.to_owned()));
    }
    let title = title.map(crate::app::textbox::tidy);
    if title.as_ref().is_some_and(|t| t.is_empty()) {
        return Err(Failure::usage(c.title_empty.to_owned()));
    }
    let paths: Vec<PathBuf> = files.iter().map(|f| ctx.resolve(f)).collect();
    if paths.iter().any(|p| store::output::same_file(p, out)) {
        return Err(Failure::invalid(fill(
            c.out_is_input,
            &[("file", &out_name)],
        )));
    }
    if !force && (out.exists() || out.is_symlink()) {
        return Err(Failure::invalid(fill(c.out_exists, &[("file", &out_name)])));
    }
    let mut sources = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let loaded = ctx.load(path)?;
        if loaded.newer_version {
            let file = for_display(&path.display().to_string()).into_owned();
            eprintln!("wethi: {file}: {}", strings(ctx.lang).newer_version);
        }
        let group = match &names {
            Some(names) => names[i].trim().to_owned(),
            None => group_name(&loaded.session, path, &sources),
        };
        sources.push(export::merge::Source {
            group,
            session: loaded.session,
        });
    }
    let merged = export::merge::merge(&sources, title.as_deref(), session::now())
        .ok_or_else(|| Failure::invalid(c.not_a_merge.to_owned()))?;
    copy_photos(&paths, &sources, &merged, out)
        .map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    if let Some(total) = export::merge::whole_room(&sources) {
        let total = total.to_string();
        eprintln!("wethi: {}", fill(c.whole_room, &[("total", &total)]));
    }
    store::save_session(out, &merged).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    let (n, items) = (sources.len().to_string(), merged.swot.total().to_string());
    println!(
        "{}",
        fill(
            c.merged,
            &[("n", &n), ("items", &items), ("file", &out_name)]
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// The groups' images copied into the photo folder of `out`, each under
/// the name the merged session gives it; a failure names the image and
/// takes back what was copied.
fn copy_photos(
    paths: &[PathBuf],
    sources: &[export::merge::Source],
    merged: &Session,
    out: &Path,
) -> Result<(), store::SaveError> {
    let origins = export::merge::photo_origins(sources);
    for (n, ((i, old), new)) in origins.iter().zip(&merged.photos).enumerate() {
        if let Err(e) = store::photos::copy_photos(&paths[*i], out, &[(&old.file, &new.file)]) {
            let dir = store::photos::photos_dir(out);
            for done in &merged.photos[..n] {
                let _ = std::fs::remove_file(dir.join(&done.file));
            }
            let _ = std::fs::remove_dir(&dir);
            return Err(e);
        }
    }
    Ok(())
}

/// A group's default name: its file's title (or file name), made unique
/// among the groups named so far with a number.
fn group_name(s: &Session, path: &Path, earlier: &[export::merge::Source]) -> String {
    let base = match s.title.trim() {
        "" => path
            .file_stem()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        t => t.to_owned(),
    };
    let taken = |name: &str| earlier.iter().any(|e| e.group == name);
    let mut name = base.clone();
    let mut n = 2;
    while taken(&name) {
        name = format!("{base} ({n})");
        n += 1;
    }
    name
}

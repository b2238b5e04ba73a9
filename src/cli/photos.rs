//! `wethi photos add` and `wethi photos list`: photos of the day added to a
//! session from files, and the session's photos listed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::{Context, Failure};
use crate::i18n::fill;
use crate::i18n::photos::photos_strings;
use crate::i18n::strings;
use crate::photos::{self, Processed};
use crate::room::clean::{MAX_TEXT, clean};
use crate::session::{self, Photo, Timestamp, ids::new_id};
use crate::store::{self, SessionLock, photos::write_photo};
use crate::text::Lang;
use crate::text::sanitize::for_display;

fn shown(path: &Path) -> String {
    for_display(&path.display().to_string()).into_owned()
}

/// Every image is processed before anything is written: one that is refused
/// stops the command with its name and why, and nothing is stored. The
/// session is changed under its lock, so never while another wethi edits it.
pub fn add(
    ctx: &Context,
    file: &Path,
    images: &[PathBuf],
    caption: Option<&str>,
) -> Result<ExitCode, Failure> {
    let t = photos_strings(ctx.lang);
    let mut processed = Vec::with_capacity(images.len());
    for image in images {
        let p = photos::process_file(image)
            .map_err(|e| Failure::invalid(format!("{}: {}", shown(image), e.message(ctx.lang))))?;
        processed.push(p);
    }
    let path = ctx.resolve(file);
    let lock = SessionLock::try_acquire(&path)
        .map_err(|e| Failure::invalid(format!("{}: {e}", shown(&path))))?;
    let Some(_lock) = lock else {
        return Err(Failure::invalid(fill(t.in_use, &[("file", &shown(&path))])));
    };
    let loaded = ctx.load(&path)?;
    if loaded.newer_version {
        let why = strings(ctx.lang).newer_version;
        return Err(Failure::invalid(format!("{}: {why}", shown(&path))));
    }
    let mut session = loaded.session;
    let now = session::now();
    let caption = caption.map(|c| clean(c, MAX_TEXT)).unwrap_or_default();
    let photos = store_images(&path, processed, &caption, now, ctx.lang)?;
    let written: Vec<String> = photos.iter().map(|p| p.file.clone()).collect();
    let n = photos.len();
    session.photos.extend(photos);
    session.updated_at = now;
    // As the editing screen does before its first save: a copy to go back to.
    let _ = store::backup(&path, &store::backups::stamp_now());
    if let Err(e) = store::save_session(&path, &session) {
        let dir = store::photos::photos_dir(&path);
        for name in written {
            let _ = std::fs::remove_file(dir.join(name));
        }
        let _ = std::fs::remove_dir(dir);
        return Err(Failure::invalid(e.message(ctx.lang)));
    }
    println!(
        "{}",
        fill(t.added, &[("n", &n.to_string()), ("file", &shown(&path))])
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes each image into the session's photo folder under a fresh name;
/// a failure removes those already written.
fn store_images(
    session: &Path,
    processed: Vec<Processed>,
    caption: &str,
    now: Timestamp,
    lang: Lang,
) -> Result<Vec<Photo>, Failure> {
    let mut photos: Vec<Photo> = Vec::with_capacity(processed.len());
    for p in processed {
        let id = new_id("ph");
        let file = format!("{id}.jpg");
        if let Err(e) = write_photo(session, &file, &p.jpeg) {
            let dir = store::photos::photos_dir(session);
            for done in &photos {
                let _ = std::fs::remove_file(dir.join(&done.file));
            }
            return Err(Failure::invalid(e.message(lang)));
        }
        photos.push(Photo {
            id,
            file,
            caption: caption.to_owned(),
            group: None,
            added_at: now,
            bytes: p.jpeg.len() as u64,
            width: p.width,
            height: p.height,
            extra: Default::default(),
        });
    }
    Ok(photos)
}

/// One line per photo, in report order: its number, caption and group, then
/// its file, pixels and size.
pub fn list(ctx: &Context, file: &Path) -> Result<ExitCode, Failure> {
    let loaded = ctx.load(file)?;
    let photos = &loaded.session.photos;
    if photos.is_empty() {
        println!("{}", photos_strings(ctx.lang).none);
    }
    for (i, p) in photos.iter().enumerate() {
        println!("{}. {}", i + 1, photo_line(p, ctx.lang));
    }
    Ok(ExitCode::SUCCESS)
}

/// "caption [group] — ph-1.jpg, 1600 × 1200, 245 KB", safe for a terminal.
pub fn photo_line(p: &Photo, lang: Lang) -> String {
    let caption = match p.caption.trim() {
        "" => photos_strings(lang).no_caption.to_owned(),
        c => for_display(c).into_owned(),
    };
    let group = p
        .group
        .as_deref()
        .map(|g| format!(" [{}]", for_display(g)))
        .unwrap_or_default();
    format!(
        "{caption}{group} — {}, {} × {}, {}",
        for_display(&p.file),
        p.width,
        p.height,
        photos::size_text(p.bytes)
    )
}

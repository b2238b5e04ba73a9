//! The backups kept of a session (`.backups/NAME.STAMP.json` beside it):
//! taking one when a session is opened for editing, listing them for
//! `wethi backups` and putting one back for `wethi restore`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;

use crate::i18n::safety::safety_strings;
use crate::text::Lang;
use crate::text::date::format_date;
use crate::text::sanitize::for_display;

use super::SessionLock;
use super::save::{TEMP_SUFFIX, parent_dir, write_atomic};

/// How many backups are kept per session file.
pub const BACKUPS_KEPT: usize = 10;

/// The stamp a backup's name carries: when it was taken, local time.
pub const STAMP_FORMAT: &str = "%Y%m%dT%H%M%S%3f";

/// A stamp for a backup taken now.
pub fn stamp_now() -> String {
    chrono::Local::now().format(STAMP_FORMAT).to_string()
}

/// Copies the file as it is now into `.backups/` beside it, keeping the newest
/// [`BACKUPS_KEPT`] copies of this session. Returns the backup's path.
pub fn backup(path: &Path, stamp: &str) -> io::Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let dir = parent_dir(path).join(".backups");
    super::create_private_dir(&dir)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Two openings within the same millisecond still keep two backups.
    let mut target = dir.join(format!("{stem}.{stamp}.json"));
    let mut n = 2;
    while target.exists() {
        target = dir.join(format!("{stem}.{stamp}-{n}.json"));
        n += 1;
    }
    let bytes = fs::read(path)?;
    write_atomic(&target, &bytes).map_err(|e| e.source)?;
    prune_backups(&dir, &stem)?;
    Ok(Some(target))
}

fn prune_backups(dir: &Path, stem: &str) -> io::Result<()> {
    // A backup killed halfway left `.STEM.STAMP.json.xxxxxx.tmp`.
    let hidden = format!(".{stem}.");
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name
            .strip_prefix(&hidden)
            .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
            .and_then(|rest| rest.rsplit_once(".json."))
            .is_some_and(|(stamp, random)| {
                stamp.starts_with(|c: char| c.is_ascii_digit())
                    && random.len() == 6
                    && random.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if ours && entry.file_type().is_ok_and(|t| t.is_file()) {
            let _ = fs::remove_file(entry.path());
        }
    }
    let prefix = format!("{stem}.");
    let mut ours: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.starts_with(&prefix)
                    && n.ends_with(".json")
                    && n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .collect();
    // Stamps sort by time, so the oldest come first.
    ours.sort();
    let excess = ours.len().saturating_sub(BACKUPS_KEPT);
    for old in &ours[..excess] {
        fs::remove_file(old)?;
    }
    Ok(())
}

/// One kept backup.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub path: PathBuf,
    /// When it was taken, from its name.
    pub taken: Option<NaiveDateTime>,
    /// The stamp and the uniqueness number, which order backups by age.
    order: (String, u32),
}

/// `NAME.STAMP.json` or `NAME.STAMP-N.json` → (NAME, STAMP, N).
fn split_name(file_name: &str) -> Option<(&str, &str, u32)> {
    let rest = file_name.strip_suffix(".json")?;
    let (stem, stamp) = rest.rsplit_once('.')?;
    let (stamp, n) = match stamp.split_once('-') {
        Some((s, n)) => (s, n.parse().ok()?),
        None => (stamp, 1),
    };
    stamp
        .starts_with(|c: char| c.is_ascii_digit())
        .then_some((stem, stamp, n))
}

/// The `.backups/` folder beside `session`.
pub fn backups_dir(session: &Path) -> PathBuf {
    match session.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.join(".backups"),
        _ => PathBuf::from(".backups"),
    }
}

/// The backups of `session`, newest first.
pub fn list_backups(session: &Path) -> std::io::Result<Vec<Backup>> {
    let dir = backups_dir(session);
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let entries = match fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((s, stamp, n)) = split_name(&name) else {
            continue;
        };
        if s != stem {
            continue;
        }
        out.push(Backup {
            path: entry.path(),
            taken: NaiveDateTime::parse_from_str(stamp, STAMP_FORMAT).ok(),
            order: (stamp.to_owned(), n),
        });
    }
    out.sort_by(|a, b| b.order.cmp(&a.order));
    Ok(out)
}

/// `wethi backups FILE`: one line per backup, newest first: when it was
/// taken, what it holds, where it is.
pub fn describe_backups(session: &Path, lang: Lang) -> Result<String, String> {
    let shown = for_display(&session.display().to_string()).into_owned();
    let backups = list_backups(session).map_err(|e| {
        for_display(&format!("{}: {e}.", backups_dir(session).display())).into_owned()
    })?;
    let t = safety_strings(lang);
    if backups.is_empty() {
        return Ok(format!("{} {shown}\n", t.no_backups));
    }
    let mut out = String::new();
    for b in &backups {
        let when = b.taken.map_or_else(
            || "?".to_owned(),
            |at| format!("{} {}", format_date(at.date(), lang), at.format("%H:%M:%S")),
        );
        let what = match super::load(&b.path) {
            Ok(loaded) => {
                let s = &loaded.session;
                format!(
                    "{} {} · {} {} · {} {}",
                    s.swot.total(),
                    t.items,
                    s.strategies.total(),
                    t.strategies,
                    s.actions.len(),
                    t.actions
                )
            }
            Err(e) => e.message(lang),
        };
        out.push_str(&for_display(&format!(
            "{when}  {what}  {}",
            b.path.display()
        )));
        out.push('\n');
    }
    Ok(out)
}

/// `wethi restore BACKUP`: puts the backup back in place of its session,
/// after backing up the session as it is now. Refuses while another wethi
/// has the session open (its next save would undo the restore).
pub fn restore(backup: &Path, lang: Lang) -> Result<String, String> {
    let shown = |p: &Path| for_display(&p.display().to_string()).into_owned();
    let t = safety_strings(lang);
    let name = backup
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let in_backups = backup
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|n| n == ".backups");
    let stem = match split_name(&name) {
        Some((stem, _, _)) if in_backups => stem.to_owned(),
        _ => return Err(format!("{}: {}", shown(backup), t.not_a_backup)),
    };
    // The backup must be a session itself before it replaces one.
    super::load(backup).map_err(|e| e.message(lang))?;
    let bytes = fs::read(backup).map_err(|e| format!("{}: {e}.", shown(backup)))?;
    let folder = backup
        .parent()
        .and_then(Path::parent)
        .unwrap_or(Path::new("."));
    let session = folder.join(format!("{stem}.json"));
    let _lock = match SessionLock::try_acquire(&session) {
        Ok(Some(lock)) => lock,
        Ok(None) => return Err(format!("{}: {}", shown(&session), t.in_use)),
        Err(e) => return Err(format!("{}: {e}.", shown(&session))),
    };
    let kept =
        self::backup(&session, &stamp_now()).map_err(|e| format!("{}: {e}.", shown(&session)))?;
    super::write_atomic(&session, &bytes).map_err(|e| e.message(lang))?;
    let mut out = format!("{} {} ← {}", t.restored, shown(&session), shown(backup));
    if let Some(kept) = kept {
        out.push_str(&format!("; {} {}", t.current_kept, shown(&kept)));
    }
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_killed_halfway_is_cleaned_up_by_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        fs::write(&path, "x").unwrap();
        let backups = dir.path().join(".backups");
        fs::create_dir(&backups).unwrap();
        let half = backups.join(".s.20260101T000000000.json.Qw3rTy.tmp");
        let other = backups.join(".t.20260101T000000000.json.Qw3rTy.tmp");
        fs::write(&half, "half").unwrap();
        fs::write(&other, "not ours").unwrap();
        backup(&path, "20260102T000000000").unwrap();
        assert!(!half.exists());
        assert!(other.exists());
    }

    #[test]
    fn backups_keep_the_newest_ten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        for i in 0..13 {
            fs::write(&path, format!("{i}")).unwrap();
            backup(&path, &format!("20260101T0000{i:02}")).unwrap();
        }
        let backups = dir.path().join(".backups");
        let mut names: Vec<_> = fs::read_dir(&backups)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(names[0], "s.20260101T000003.json");
        assert_eq!(
            fs::read(backups.join("s.20260101T000012.json")).unwrap(),
            b"12"
        );
    }

    #[test]
    fn backup_names_split_into_name_stamp_and_number() {
        assert_eq!(
            split_name("2021-01-13-a.20260101T000000123.json"),
            Some(("2021-01-13-a", "20260101T000000123", 1))
        );
        assert_eq!(
            split_name("s.20260101T000000123-3.json"),
            Some(("s", "20260101T000000123", 3))
        );
        assert_eq!(split_name("s.json"), None);
        assert_eq!(split_name("s.notes.json"), None);
    }

    #[test]
    fn backups_are_listed_newest_first_and_only_this_sessions() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let b = dir.path().join(".backups");
        fs::create_dir(&b).unwrap();
        for n in [
            "s.20260101T000000000.json",
            "s.20260101T000000000-2.json",
            "s.20260102T000000000.json",
            "other.20260103T000000000.json",
            "s.x.json",
        ] {
            fs::write(b.join(n), "{}").unwrap();
        }
        let names: Vec<String> = list_backups(&session)
            .unwrap()
            .iter()
            .map(|b| b.path.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "s.20260102T000000000.json",
                "s.20260101T000000000-2.json",
                "s.20260101T000000000.json"
            ]
        );
        assert!(
            list_backups(&dir.path().join("none.json"))
                .unwrap()
                .is_empty()
        );
    }
}

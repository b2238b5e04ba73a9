//! The file the editing screen edits: where it is, its lock, whether and
//! how it was saved, and what a signal leaves beside it.

use std::path::PathBuf;

use crate::app::App;
use crate::store::{self, SessionLock};
use crate::ui::SaveState;

use super::signals;

/// Everything about the file the screen edits.
pub(super) struct SessionFile {
    pub(super) path: PathBuf,
    pub(super) _lock: Option<SessionLock>,
    pub(super) backed_up: bool,
    pub(super) saved_revision: u64,
    pub(super) state: SaveState,
    /// Why this opening's backup failed: saving goes on, the header says so.
    pub(super) no_backup: Option<String>,
    /// Quitting was asked while NOT SAVED and the save-as prompt was left
    /// with Esc at this revision: `q` now quits without saving.
    pub(super) declined_at: Option<u64>,
    /// How `R` opens a room (`--port`, `--bind`).
    pub(super) room: crate::room::RoomConfig,
}

impl SessionFile {
    /// A file nobody has saved to yet, unlocked, at `path`.
    #[cfg(test)]
    pub(super) fn for_test(path: PathBuf) -> SessionFile {
        SessionFile {
            path,
            _lock: None,
            backed_up: false,
            saved_revision: 0,
            state: SaveState::Saved,
            no_backup: None,
            declined_at: None,
            room: crate::room::RoomConfig::default(),
        }
    }

    /// Saves when the app changed since the last save; a failure keeps the
    /// work in memory and is retried on the next pass of the loop.
    pub(super) fn save_if_changed(&mut self, app: &App) {
        if app.read_only().is_some() || app.revision() == self.saved_revision {
            return;
        }
        if !self.backed_up {
            // The file as it was when opened, before this opening's first
            // save. Tried once: a later copy would hold this opening's work.
            self.backed_up = true;
            if let Err(e) = store::backup(&self.path, &store::backups::stamp_now()) {
                self.no_backup = Some(e.to_string());
            }
        }
        match store::save_session(&self.path, app.session()) {
            Ok(()) => {
                self.saved_revision = app.revision();
                self.state = match &self.no_backup {
                    Some(why) => SaveState::SavedWithoutBackup(why.clone()),
                    None => SaveState::Saved,
                };
            }
            Err(e) => self.state = SaveState::NotSaved(e.source.to_string()),
        }
    }

    pub(super) fn save_as(&mut self, app: &App, target: &str) -> bool {
        let target = PathBuf::from(target);
        match store::save_session(&target, app.session()) {
            Ok(()) => {
                store::photos::copy_all(&self.path, &target, app.session());
                self.path = target;
                self.saved_revision = app.revision();
                self.state = SaveState::Saved;
                true
            }
            Err(e) => {
                self.state = SaveState::NotSaved(e.message(app.lang()));
                false
            }
        }
    }
}

/// A signal ends the program: the last change is saved if it can be, and
/// text typed but not committed is kept beside the session for the next
/// opening.
pub(super) fn keep_draft(app: &App, file: &mut SessionFile) {
    file.save_if_changed(app);
    if app.read_only().is_some() {
        return;
    }
    let mut beside = file.path.clone();
    if file.saved_revision != app.revision() {
        // The session's folder refuses (NOT SAVED): nobody is left to ask
        // where to save, so the work goes to the temporary folder.
        let rescue = signals::rescue_path(&file.path);
        if store::save_session(&rescue, app.session()).is_ok() {
            store::photos::copy_all(&file.path, &rescue, app.session());
            let t = crate::i18n::safety::safety_strings(app.lang());
            signals::set_exit_note(format!("{} {}", t.rescued, rescue.display()));
            beside = rescue;
        }
    }
    if let Some(draft) = app.draft() {
        let _ = store::draft::write_draft(&beside, &draft);
    }
}

//! The command line's work, one module per command or family of commands.
//! `main.rs` parses with [`args::Cli`] and calls these; each returns an exit
//! code, or a [`Failure`]: one sentence and the code it deserves.

pub mod across;
pub mod args;
pub mod compare;
pub mod completions;
pub mod export;
pub mod help;
pub mod list;
pub mod locale;
pub mod manual;
pub mod photos;
pub mod screens;
pub mod sessions;
pub mod show;

use std::path::{Path, PathBuf};

use crate::i18n::cli::cli_strings;
use crate::session;
use crate::store;
use crate::text::Lang;
use crate::ui::Theme;

/// A failure to report: one sentence, and the exit code it deserves.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Bad input or a failed operation: exit code 1.
    pub fn invalid(message: String) -> Self {
        Failure { message, code: 1 }
    }

    /// Arguments that cannot go together: exit code 2, as clap's own.
    pub fn usage(message: String) -> Self {
        Failure { message, code: 2 }
    }
}

/// What every command needs from the global flags.
#[derive(Clone)]
pub struct Context {
    pub lang: Lang,
    pub data_dir: Option<PathBuf>,
    pub theme: Theme,
    /// `--lang` as given on the command line (reports follow the session's
    /// language unless it was).
    pub lang_flag: Option<Lang>,
}

impl Context {
    /// The context the parsed flags give; the screens are terminals, so
    /// only NO_COLOR turns their colour off.
    pub fn new(cli: &args::Cli) -> Self {
        Context {
            lang: cli.ui_lang(),
            data_dir: cli.data_dir.clone(),
            theme: Theme::for_output(cli.theme_name(), true),
            lang_flag: cli.lang_flag(),
        }
    }

    pub fn data_dir(&self) -> Result<PathBuf, Failure> {
        self.data_dir
            .clone()
            .or_else(store::default_data_dir)
            .ok_or_else(|| Failure::invalid(cli_strings(self.lang).no_data_dir.into()))
    }

    /// A FILE argument: as given, or else a name inside the data folder.
    pub fn resolve(&self, file: &Path) -> PathBuf {
        if file.exists() || file.components().count() > 1 {
            return file.to_path_buf();
        }
        match self.data_dir() {
            Ok(dir) if dir.join(file).exists() => dir.join(file),
            _ => file.to_path_buf(),
        }
    }

    pub fn load(&self, file: &Path) -> Result<session::Loaded, Failure> {
        store::load(&self.resolve(file)).map_err(|e| Failure::invalid(e.message(self.lang)))
    }
}

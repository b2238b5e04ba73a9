//! `wethi completions SHELL`: a script that makes the shell ask wethi
//! itself what Tab completes. While completing, the shell runs
//! `WETHI_COMPLETE=SHELL wethi -- WORDS…` and wethi answers from its real
//! command line ([`answer_if_asked`], at the start of `main`): commands,
//! flags, values, and for a session FILE the files in the data folder
//! beside the paths of the current folder.
//!
//! Why wethi answers itself (clap_complete's dynamic engine) rather than a
//! script written once per shell: one piece of Rust serves bash, zsh, fish
//! and PowerShell alike, the data folder is looked up by the same rule as
//! every command uses (`--data-dir` typed on the line, `WETHI_DATA_DIR`,
//! the platform's folder), and commands added later complete without
//! anyone touching four shell languages.

use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Command;
use clap_complete::engine::ValueCompleter;
use clap_complete::env::{Bash, EnvCompleter, Fish, Powershell, Zsh};
use clap_complete::{ArgValueCompleter, CompleteEnv, CompletionCandidate, PathCompleter};

use super::args::ShellArg;
use super::{Failure, help};
use crate::store;
use crate::text::Lang;

/// The variable the scripts set when they ask (clap_complete's default,
/// `COMPLETE`, is too common a name to claim).
pub const VAR: &str = "WETHI_COMPLETE";

/// The command as the shell knows it.
const BIN: &str = "wethi";

/// The value names of the arguments that take a session file.
const SESSION_VALUES: &[&str] = &["FILE", "PAST", "OLD", "NEW"];

/// Answers the shell and ends the process when a completion script asked;
/// otherwise returns at once.
pub fn answer_if_asked(lang: Lang) {
    CompleteEnv::with_factory(move || completing(help::command(lang)))
        .var(VAR)
        .bin(BIN)
        .complete();
}

/// `wethi completions SHELL`: the script that registers wethi with the shell.
pub fn script(shell: ShellArg) -> Result<ExitCode, Failure> {
    let registration: &dyn EnvCompleter = match shell {
        ShellArg::Bash => &Bash,
        ShellArg::Zsh => &Zsh,
        ShellArg::Fish => &Fish,
        ShellArg::Powershell => &Powershell,
    };
    let mut out = Vec::new();
    registration
        .write_registration(VAR, BIN, BIN, &completer(), &mut out)
        .and_then(|()| std::io::stdout().write_all(&out))
        .map_err(|e| Failure::invalid(e.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// What the script runs to ask: `wethi` when that is how it was started
/// (found on PATH, as the shell will find it), else this program's full
/// path, so a script made with `./wethi` works from any folder.
fn completer() -> String {
    let argv0 = std::env::args_os().next().unwrap_or_else(|| BIN.into());
    if Path::new(&argv0).components().count() == 1 {
        return argv0.to_string_lossy().into_owned();
    }
    std::env::current_exe()
        .unwrap_or_else(|_| PathBuf::from(argv0))
        .to_string_lossy()
        .into_owned()
}

/// `cmd` with every session FILE completing from the data folder too.
pub fn completing(cmd: Command) -> Command {
    let cmd = cmd.mut_args(|arg| {
        let session = arg
            .get_value_names()
            .is_some_and(|names| names.iter().any(|n| SESSION_VALUES.contains(&n.as_str())));
        if session {
            arg.add(ArgValueCompleter::new(session_files))
        } else {
            arg
        }
    });
    help::each_subcommand(cmd, |sub, _| completing(sub))
}

/// Paths from the current folder, then the session files of the data
/// folder that start with what was typed.
fn session_files(current: &OsStr) -> Vec<CompletionCandidate> {
    let mut out = PathCompleter::any().complete(current);
    let typed = current.to_string_lossy();
    if typed.contains(std::path::is_separator) {
        return out;
    }
    let Some(dir) = data_dir(&std::env::args_os().collect::<Vec<_>>()) else {
        return out;
    };
    let files = store::listing::session_files(&dir).unwrap_or_default();
    let names = files
        .iter()
        .filter_map(|p| p.file_name()?.to_str())
        .filter(|n| n.starts_with(&*typed));
    for name in names {
        if !out.iter().any(|c| c.get_value() == OsStr::new(&name)) {
            out.push(CompletionCandidate::new(name));
        }
    }
    out
}

/// The data folder the line being completed will use: `--data-dir` typed
/// on it (the shell passes the line's words after `--`), else
/// `WETHI_DATA_DIR`, else the platform's folder.
fn data_dir(args: &[OsString]) -> Option<PathBuf> {
    let words = args.iter().skip_while(|a| *a != "--").skip(1);
    let mut typed = None;
    let mut words = words.map(|w| w.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--data-dir" {
            typed = words.next();
        } else if let Some(value) = word.strip_prefix("--data-dir=") {
            typed = Some(value.to_owned());
        }
    }
    if let Some(dir) = typed {
        return Some(home_expanded(&dir));
    }
    std::env::var_os("WETHI_DATA_DIR")
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or_else(store::default_data_dir)
}

/// `~/x` as the shell would run it: the words arrive as typed.
fn home_expanded(dir: &str) -> PathBuf {
    match dir.strip_prefix("~/") {
        Some(rest) => directories::BaseDirs::new()
            .map_or_else(|| PathBuf::from(dir), |b| b.home_dir().join(rest)),
        None => PathBuf::from(dir),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_data_folder_typed_on_the_line_is_the_one_completed_from() {
        let line = words(&["wethi", "--", "wethi", "--data-dir", "/x/y", "open", ""]);
        assert_eq!(data_dir(&line), Some(PathBuf::from("/x/y")));
        let line = words(&["wethi", "--", "wethi", "open", "--data-dir=/z", ""]);
        assert_eq!(data_dir(&line), Some(PathBuf::from("/z")));
        // The words before `--` are the completer's own, not the line's.
        let line = words(&["/bin/wethi", "--data-dir", "/no", "--", "wethi", "open"]);
        assert_ne!(data_dir(&line), Some(PathBuf::from("/no")));
    }

    #[test]
    fn every_session_file_argument_completes_from_the_data_folder() {
        let cmd = completing(help::command(Lang::En));
        let mut session_args = Vec::new();
        for sub in cmd.get_subcommands() {
            for arg in sub.get_arguments() {
                if arg.get::<ArgValueCompleter>().is_some() {
                    session_args.push(format!("{} {}", sub.get_name(), arg.get_id()));
                }
            }
        }
        for want in [
            "open file",
            "view file",
            "show file",
            "export file",
            "diff old",
            "diff new",
            "merge files",
            "validate files",
            "backups file",
            "new from",
            "new template",
        ] {
            assert!(
                session_args.iter().any(|a| a == want),
                "{want}: {session_args:?}"
            );
        }
        assert!(!session_args.iter().any(|a| a == "merge out"));
    }
}

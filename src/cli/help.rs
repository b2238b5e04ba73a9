//! The command line in the UI language: clap's [`Command`] for wethi with
//! every word of its help taken from `i18n/help.rs`, and the parse that
//! uses it. `--lang` is read before clap parses, so `wethi --lang th
//! --help` is already Thai.

use std::ffi::OsString;

use clap::{Arg, Command, CommandFactory, FromArgMatches};

use super::args::Cli;
use super::locale::{lang_in_args, locale_lang};
use crate::i18n::fill;
use crate::i18n::help::{HelpStrings, Words, command_help, help_strings};
use crate::text::Lang;

/// The name of the top command, the start of every command's path.
const TOP: &str = "wethi";

/// Parses the process's arguments, printing help, version and usage
/// errors in the UI language (clap's own error sentences stay English).
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    // Most runs parse cleanly, and putting the help into words costs more
    // than parsing: the words are needed only to print help or an error.
    let parsed = Cli::command().try_get_matches_from(&args);
    if let Ok(cli) = parsed.and_then(|m| Cli::from_arg_matches(&m)) {
        return cli;
    }
    let matches = command(ui_lang(&args)).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// The UI language the command line `args` asks for: `--lang`, else the locale.
pub fn ui_lang(args: &[OsString]) -> Lang {
    lang_in_args(args).unwrap_or_else(locale_lang)
}

/// wethi's command line, its help in `lang`.
pub fn command(lang: Lang) -> Command {
    let words = help_strings(lang);
    // Put into words before clap builds it: built, it would have decided
    // already that the English help of `export --format`'s values needs a
    // long form of `--help`. Lines wrap at the terminal's width, at most 100.
    let mut cmd = localize(Cli::command().max_term_width(100), words, lang, TOP);
    cmd.build();
    // Building added clap's own `--help`, `--version` and `help` command.
    clap_words(cmd, words)
}

fn localize(cmd: Command, words: &HelpStrings, lang: Lang, path: &str) -> Command {
    let usage = cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}{}{} {{usage}}\n\n{{all-args}}{{after-help}}",
        usage.render(),
        words.usage,
        usage.render_reset()
    );
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(words.commands);
    if let Some(help) = command_help(path) {
        cmd = cmd.about(help.about.get(lang));
    }
    if path == TOP {
        cmd = cmd.after_help(words.home_screen);
    }
    cmd = cmd.mut_args(|arg| localize_arg(arg, words, lang, path));
    each_subcommand(cmd, |sub, name| {
        localize(sub, words, lang, &format!("{path} {name}"))
    })
}

/// clap's own flags and `help` command, which building adds.
fn clap_words(cmd: Command, words: &HelpStrings) -> Command {
    let cmd = cmd.mut_args(|arg| {
        let help = match arg.get_id().as_str() {
            "help" => words.help,
            "version" => words.version,
            _ => return arg,
        };
        arg.help(help).help_heading(words.options)
    });
    each_subcommand(cmd, |sub, name| match name {
        "help" => sub
            .about(words.help_command)
            .mut_args(|arg| arg.help(words.help_command_arg)),
        _ => clap_words(sub, words),
    })
}

/// `cmd` with `f` applied to each of its subcommands (and its name).
pub(super) fn each_subcommand(cmd: Command, f: impl Fn(Command, &str) -> Command) -> Command {
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    names.iter().fold(cmd, |cmd, name| {
        cmd.mut_subcommand(name, |sub| f(sub, name))
    })
}

/// One flag or value: its help, then what clap would append in English
/// (default, possible values, environment variable), in `lang`.
fn localize_arg(arg: Arg, words: &HelpStrings, lang: Lang, path: &str) -> Arg {
    let mut text = arg_help(path, arg.get_id().as_str(), arg.is_global_set())
        .map(|w| w.get(lang).to_owned())
        .unwrap_or_default();
    for extra in spec_values(&arg, words) {
        text.push(' ');
        text.push_str(&extra);
    }
    let heading = if arg.is_positional() {
        words.arguments
    } else {
        words.options
    };
    let arg = arg.help(text).help_heading(heading).hide_env(true);
    // clap allows hiding these only where there is a value to say them of.
    match arg.get_action().takes_values() {
        true => arg.hide_default_value(true).hide_possible_values(true),
        false => arg,
    }
}

/// The help of argument `id` of the command at `path`; a global flag's is
/// the top command's.
fn arg_help(path: &str, id: &str, global: bool) -> Option<&'static Words> {
    let owner = if global { TOP } else { path };
    command_help(owner)?
        .args
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, w)| w)
}

/// `[default: …]`, `[possible values: …]`, `[env: …]` in the help's language.
fn spec_values(arg: &Arg, words: &HelpStrings) -> Vec<String> {
    let mut out = Vec::new();
    // A flag that takes no value has a default (false) and values (true,
    // false) nobody types.
    if !arg.get_action().takes_values() {
        return out;
    }
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        out.push(fill(
            words.default_value,
            &[("value", &defaults.join(", "))],
        ));
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_owned())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        out.push(fill(
            words.possible_values,
            &[("values", &values.join(", "))],
        ));
    }
    if let Some(name) = arg.get_env().filter(|_| !arg.is_hide_env_set()) {
        out.push(fill(words.env, &[("name", &name.to_string_lossy())]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::help::COMMANDS;

    /// What `wethi PATH… --help` prints in `lang`.
    fn rendered_help(lang: Lang, path: &[&str]) -> String {
        let mut cmd = command(lang);
        for name in path {
            match cmd.find_subcommand(name) {
                Some(sub) => cmd = sub.clone(),
                None => return String::new(),
            }
        }
        // As wide as when printed to a pipe, whatever terminal runs the tests.
        cmd.term_width(100).render_help().to_string()
    }

    /// `(path, command)` for every command below `cmd`, `cmd` included;
    /// clap's own `help` command is left out (its words are `HelpStrings`).
    fn walk(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        out.push((path.to_owned(), cmd.clone()));
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            walk(sub, &format!("{path} {}", sub.get_name()), out);
        }
    }

    fn every_command() -> Vec<(String, Command)> {
        let mut cmd = Cli::command();
        cmd.build();
        let mut out = Vec::new();
        walk(&cmd, TOP, &mut out);
        out
    }

    /// The arguments `path` owns: not clap's `--help`/`--version`, and a
    /// global flag only on the top command.
    fn own_args(path: &str, cmd: &Command) -> Vec<String> {
        cmd.get_arguments()
            .filter(|a| !matches!(a.get_id().as_str(), "help" | "version"))
            .filter(|a| path == TOP || !a.is_global_set())
            .map(|a| a.get_id().as_str().to_owned())
            .collect()
    }

    /// Every command and every argument of the real command line has its
    /// help in both languages: a command added later cannot slip through.
    #[test]
    fn every_command_and_argument_has_thai_and_english_help() {
        let mut missing = Vec::new();
        for (path, cmd) in every_command() {
            let Some(help) = command_help(&path) else {
                let args = own_args(&path, &cmd)
                    .iter()
                    .map(|a| format!("\n        (\"{a}\", Words {{ th: \"…\", en: \"…\" }}),"))
                    .collect::<String>();
                let args = match args.is_empty() {
                    true => String::new(),
                    false => format!("{args}\n    "),
                };
                missing.push(format!(
                    "`{path}` has no help. Add to COMMANDS in src/i18n/help.rs, in the \
                     order of `wethi --help`:\n\
                     CommandHelp {{\n    path: \"{path}\",\n    \
                     about: Words {{ th: \"…\", en: \"…\" }},\n    args: &[{args}],\n}},"
                ));
                continue;
            };
            for (lang, text) in [("Thai", help.about.th), ("English", help.about.en)] {
                if text.trim().is_empty() {
                    missing.push(format!(
                        "`{path}`: its {lang} `about` in src/i18n/help.rs is empty"
                    ));
                }
            }
            for id in own_args(&path, &cmd) {
                match help.args.iter().find(|(name, _)| *name == id) {
                    None => missing.push(format!(
                        "`{path}` has no help for its argument `{id}`. Add to the `args` of \
                         `{path}` in src/i18n/help.rs:\n    \
                         (\"{id}\", Words {{ th: \"…\", en: \"…\" }}),"
                    )),
                    Some((_, w)) if w.th.trim().is_empty() || w.en.trim().is_empty() => missing
                        .push(format!(
                            "`{path}`: the help of `{id}` has an empty language"
                        )),
                    Some(_) => {}
                }
            }
        }
        assert!(
            missing.is_empty(),
            "Every command and argument needs its help in Thai and English \
             (docs/ARCHITECTURE.md, \"A new command\"):\n\n{}",
            missing.join("\n\n")
        );
    }

    /// An entry for a command or argument that no longer exists is help
    /// nobody sees: it goes with the command.
    #[test]
    fn every_help_entry_belongs_to_a_command_that_exists() {
        let commands = every_command();
        for help in COMMANDS {
            let Some((_, cmd)) = commands.iter().find(|(p, _)| p == help.path) else {
                panic!(
                    "src/i18n/help.rs has help for `{}`, which is no command",
                    help.path
                );
            };
            let args = own_args(help.path, cmd);
            for (id, _) in help.args {
                assert!(
                    args.iter().any(|a| a == id),
                    "src/i18n/help.rs: `{}` has no argument `{id}` (its arguments: {args:?})",
                    help.path
                );
            }
        }
    }

    /// No word clap writes by itself is left in English in the Thai help.
    #[test]
    fn thai_help_has_no_english_of_clap_and_no_empty_line_of_help() {
        for (path, _) in every_command() {
            let words: Vec<&str> = path.split(' ').skip(1).collect();
            let text = rendered_help(Lang::Th, &words);
            for english in [
                "Usage",
                "Options:",
                "Arguments:",
                "Commands:",
                "Print help",
                "Print version",
                "[default:",
                "[possible values:",
                "[env:",
            ] {
                assert!(
                    !text.contains(english),
                    "`{path} --help` in Thai says {english:?}:\n{text}"
                );
            }
            assert!(text.contains("วิธีใช้:"), "{text}");
            assert!(text.contains(&path), "`{path} --help` names it:\n{text}");
        }
    }

    #[test]
    fn the_english_help_reads_as_clap_writes_it() {
        let text = rendered_help(Lang::En, &[]);
        for want in [
            "Usage: wethi [OPTIONS] [COMMAND]",
            "Commands:",
            "Options:",
            "-h, --help",
            "Print help",
            "[default: dark]",
            "[possible values: dark, light, high-contrast]",
            "[env: WETHI_DATA_DIR]",
            "Without a command, wethi opens the home screen",
        ] {
            assert!(text.contains(want), "{want:?} in:\n{text}");
        }
        let open = rendered_help(Lang::En, &["open"]);
        assert!(open.contains("Arguments:\n  <FILE>"), "{open}");
    }
}

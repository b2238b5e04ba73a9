//! What the command line accepts: clap's description of wethi's flags and
//! commands. The help texts stay in English, as clap prints them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::text::Lang;
use crate::ui::ThemeName;

#[derive(Parser)]
#[command(
    name = "wethi",
    version,
    about = "เวที — a terminal board for facilitated workshops: agenda, guidance, live SWOT, saved as JSON",
    after_help = "Without a command, wethi opens the home screen: the sessions in the data folder."
)]
pub struct Cli {
    /// The folder that holds session files [default: the platform data folder + /sessions]
    #[arg(long, global = true, env = "WETHI_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The UI language [default: Thai when LANG/LC_ALL starts with "th", else English]
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    /// Colours: dark, or light / high-contrast for projectors in bright rooms
    #[arg(long, global = true, value_enum, default_value = "dark")]
    pub theme: ThemeArg,

    /// Without a command: the home screen (the sessions in the data folder)
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ThemeArg {
    Dark,
    Light,
    HighContrast,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum LangArg {
    Th,
    En,
}

#[derive(Subcommand)]
pub enum Command {
    /// Start a new session from the built-in template (or FILE)
    New {
        /// The session's title
        #[arg(long)]
        title: Option<String>,
        /// A session file to use as the template instead of the built-in one
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// A past session to continue: its details and structure, and its open
        /// action items to follow up
        #[arg(long, value_name = "PAST", conflicts_with = "template")]
        from: Option<PathBuf>,
        /// Write the file and print its path; start no UI
        #[arg(long)]
        no_open: bool,
    },
    /// Edit a session
    Open {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Open room mode at once: phones on this network send items
        #[arg(long)]
        room: bool,
        /// The room's port (default: 8080 or the next free one)
        #[arg(long, value_name = "N", requires = "room")]
        port: Option<u16>,
        /// The address the room listens on (default: every interface)
        #[arg(long, value_name = "ADDR", requires = "room")]
        bind: Option<std::net::IpAddr>,
    },
    /// Review a session read-only
    View {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Print the built-in template as JSON
    Template,
    /// Check files against the session format; exit 0 only if all are valid
    Validate {
        /// Session files: paths, or file names in the data folder
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// The sessions in the data folder, newest first
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// The backups kept of a session, newest first
    Backups {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Put a backup back in place (the current file is backed up first)
    Restore {
        /// A backup: a file in the .backups/ folder beside a session
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
    /// The whole session as text (a git textconv driver too)
    Show {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print the SWOT board as the UI draws it
        #[arg(long)]
        board: bool,
        /// Width in columns, of the text or the board [default: the terminal's width, or 100]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: Option<u16>,
    },
    /// What appeared, disappeared or changed between two sessions
    Diff {
        /// The earlier session file
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later session file
        #[arg(value_name = "NEW")]
        new: PathBuf,
    },
    /// Merge breakout-group sessions into one
    Merge {
        /// Session files, one per group (at least two)
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The merged session's file (never one of the inputs)
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: PathBuf,
        /// The groups' names, one per file, comma-separated [default: each file's title]
        #[arg(long, value_delimiter = ',', value_name = "N1,N2,...")]
        group_names: Option<Vec<String>>,
        /// The merged session's title [default: "Merged from groups: " and their names]
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// Overwrite OUT if it already exists
        #[arg(long)]
        force: bool,
    },
    /// Photos of the day: add images to a session, or list them
    Photos {
        #[command(subcommand)]
        command: PhotosCommand,
    },
    /// A report of a session, in its language unless --lang is given
    Export {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The report's format
        #[arg(long, value_enum)]
        format: export::Format,
        /// Write the report to OUT (whole or not at all) instead of stdout
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum PhotosCommand {
    /// Add images (JPEG, PNG or WebP, at most 15 MB each) to a session: each is
    /// stored upright, at most 1600 px on its long edge, without any metadata
    /// (no GPS). One bad image stores nothing.
    Add {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The images to add, in order
        #[arg(required = true, value_name = "IMAGE")]
        images: Vec<PathBuf>,
        /// The caption printed under each of them
        #[arg(long, value_name = "TEXT")]
        caption: Option<String>,
    },
    /// The session's photos, in report order
    List {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

impl Cli {
    /// `--lang` as given, if it was.
    pub fn lang_flag(&self) -> Option<Lang> {
        self.lang.map(|l| match l {
            LangArg::Th => Lang::Th,
            LangArg::En => Lang::En,
        })
    }

    /// The UI language: `--lang`, else the locale (`LC_ALL`, then `LANG`).
    pub fn ui_lang(&self) -> Lang {
        self.lang_flag().unwrap_or_else(|| {
            Lang::from_locale(
                std::env::var("LC_ALL").ok().as_deref(),
                std::env::var("LANG").ok().as_deref(),
            )
        })
    }

    pub fn theme_name(&self) -> ThemeName {
        match self.theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        }
    }
}

//! What the command line accepts: clap's description of wethi's flags and
//! commands. Their help, in Thai and English, is in `i18n/help.rs`, one
//! entry per command (`cli/help.rs` puts it in place and checks every
//! command and flag has one).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::text::Lang;
use crate::ui::ThemeName;

#[derive(Parser)]
#[command(name = "wethi", version)]
pub struct Cli {
    #[arg(long, global = true, env = "WETHI_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,

    #[arg(long, global = true, value_enum, default_value = "dark")]
    pub theme: ThemeArg,

    // Without a command: the home screen (the sessions in the data folder).
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

#[derive(Clone, Copy, ValueEnum)]
pub enum ShellArg {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Subcommand)]
pub enum Command {
    New {
        #[arg(long)]
        title: Option<String>,
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        #[arg(long, value_name = "PAST", conflicts_with = "template")]
        from: Option<PathBuf>,
        #[arg(long)]
        no_open: bool,
    },
    Open {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        room: bool,
        #[arg(long, value_name = "N", requires = "room")]
        port: Option<u16>,
        #[arg(long, value_name = "ADDR", requires = "room")]
        bind: Option<std::net::IpAddr>,
    },
    View {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    Template,
    Validate {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
    Backups {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    Restore {
        #[arg(value_name = "BACKUP")]
        backup: PathBuf,
    },
    Show {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long)]
        board: bool,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: Option<u16>,
    },
    Diff {
        #[arg(value_name = "OLD")]
        old: PathBuf,
        #[arg(value_name = "NEW")]
        new: PathBuf,
    },
    Merge {
        #[arg(required = true, num_args = 2.., value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        out: PathBuf,
        #[arg(long, value_delimiter = ',', value_name = "N1,N2,...")]
        group_names: Option<Vec<String>>,
        #[arg(long, value_name = "T")]
        title: Option<String>,
        #[arg(long)]
        force: bool,
    },
    Photos {
        #[command(subcommand)]
        command: PhotosCommand,
    },
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_enum)]
        format: export::Format,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
        #[arg(long)]
        thai_digits: bool,
    },
    Search {
        #[arg(value_name = "QUERY")]
        query: String,
        #[arg(long)]
        json: bool,
    },
    Actions {
        #[arg(long)]
        overdue: bool,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[arg(long)]
        all: bool,
        #[arg(long, conflicts_with = "format")]
        json: bool,
        #[arg(long, value_enum)]
        format: Option<crate::cli::across::ActionsFormat>,
    },
    Insights {
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
        #[arg(long, value_name = "DATE")]
        until: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: export::insights::InsightsFormat,
        #[arg(short = 'o', long = "output", value_name = "OUT")]
        output: Option<PathBuf>,
    },
    Completions {
        #[arg(value_enum)]
        shell: ShellArg,
    },
    Man,
}

#[derive(Subcommand)]
pub enum PhotosCommand {
    Add {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(required = true, value_name = "IMAGE")]
        images: Vec<PathBuf>,
        #[arg(long, value_name = "TEXT")]
        caption: Option<String>,
    },
    List {
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

    /// The UI language: `--lang`, else the locale (`cli/locale.rs`).
    pub fn ui_lang(&self) -> Lang {
        self.lang_flag().unwrap_or_else(super::locale::locale_lang)
    }

    pub fn theme_name(&self) -> ThemeName {
        match self.theme {
            ThemeArg::Dark => ThemeName::Dark,
            ThemeArg::Light => ThemeName::Light,
            ThemeArg::HighContrast => ThemeName::HighContrast,
        }
    }
}

//! The command line: parse, dispatch, turn errors into one sentence and an exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use wethi::i18n::strings;
use wethi::session::{self, Session, template};
use wethi::store;
use wethi::summary;
use wethi::text::Lang;
use wethi::tui;
use wethi::ui::board_print;
use wethi::ui::{Theme, ThemeName};

#[derive(Parser)]
#[command(
    name = "wethi",
    version,
    about = "เวที — a terminal board for facilitated workshops: agenda, guidance, live SWOT, saved as JSON",
    after_help = "Without a command, wethi opens the home screen: the sessions in the data folder."
)]
struct Cli {
    /// The folder that holds session files [default: the platform data folder + /sessions]
    #[arg(long, global = true, env = "WETHI_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,

    /// The UI language [default: Thai when LANG/LC_ALL starts with "th", else English]
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,

    /// Colours: dark, or light / high-contrast for projectors in bright rooms
    #[arg(long, global = true, value_enum, default_value = "dark")]
    theme: ThemeArg,

    /// Without a command: the home screen (the sessions in the data folder)
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Dark,
    Light,
    HighContrast,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Th,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Start a new session from the built-in template (or FILE)
    New {
        /// The session's title
        #[arg(long)]
        title: Option<String>,
        /// A session file to use as the template instead of the built-in one
        #[arg(long, value_name = "FILE")]
        template: Option<PathBuf>,
        /// Write the file and print its path; start no UI
        #[arg(long)]
        no_open: bool,
    },
    /// Edit a session
    Open {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
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
    /// A text summary of a session
    Show {
        /// A session file: a path, or a file name in the data folder
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Print the SWOT board as the UI draws it
        #[arg(long)]
        board: bool,
        /// The board's width in columns [default: the terminal's width, or 100]
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1000))]
        width: Option<u16>,
    },
}

/// A failure to report: one sentence, and the exit code it deserves.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    fn invalid(message: String) -> Self {
        Failure { message, code: 1 }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = match cli.lang {
        Some(LangArg::Th) => Lang::Th,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_locale(
            std::env::var("LC_ALL").ok().as_deref(),
            std::env::var("LANG").ok().as_deref(),
        ),
    };
    let theme_name = match cli.theme {
        ThemeArg::Dark => ThemeName::Dark,
        ThemeArg::Light => ThemeName::Light,
        ThemeArg::HighContrast => ThemeName::HighContrast,
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let ctx = Context {
        lang,
        data_dir: cli.data_dir,
        theme: Theme::new(theme_name, !no_color),
    };
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("wethi: {}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}

struct Context {
    lang: Lang,
    data_dir: Option<PathBuf>,
    theme: Theme,
}

impl Context {
    fn data_dir(&self) -> Result<PathBuf, Failure> {
        self.data_dir
            .clone()
            .or_else(store::default_data_dir)
            .ok_or_else(|| {
                Failure::invalid(match self.lang {
                    Lang::En => {
                        "no data folder could be found for this user: pass --data-dir DIR.".into()
                    }
                    Lang::Th => "หาโฟลเดอร์ข้อมูลของผู้ใช้นี้ไม่พบ: โปรดระบุ --data-dir DIR".into(),
                })
            })
    }

    /// A FILE argument: as given, or else a name inside the data folder.
    fn resolve(&self, file: &Path) -> PathBuf {
        if file.exists() || file.components().count() > 1 {
            return file.to_path_buf();
        }
        match self.data_dir() {
            Ok(dir) if dir.join(file).exists() => dir.join(file),
            _ => file.to_path_buf(),
        }
    }

    fn load(&self, file: &Path) -> Result<session::Loaded, Failure> {
        store::load(&self.resolve(file)).map_err(|e| Failure::invalid(e.message(self.lang)))
    }
}

fn run(ctx: &Context, command: Option<Command>) -> Result<ExitCode, Failure> {
    let Some(command) = command else {
        return home(ctx);
    };
    match command {
        Command::New {
            title,
            template,
            no_open,
        } => {
            // The file is on disk before the first frame.
            let path = create_session(ctx, title.as_deref(), template.as_deref())?;
            if no_open {
                println!("{}", path.display());
                return Ok(ExitCode::SUCCESS);
            }
            edit(ctx, &path, false)
        }
        Command::Open { file } => edit(ctx, &ctx.resolve(&file), false),
        Command::View { file } => edit(ctx, &ctx.resolve(&file), true),
        Command::Template => {
            print!("{}", template::BUILTIN_JSON);
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { files } => Ok(validate(ctx, &files)),
        Command::List { json } => list(ctx, json),
        Command::Show { file, board, width } => {
            let loaded = ctx.load(&file)?;
            if board {
                print_board(&loaded.session, ctx.lang, width);
            } else {
                print!("{}", summary::summary(&loaded.session, ctx.lang));
            }
            if loaded.newer_version {
                eprintln!("wethi: {}", strings(ctx.lang).newer_version);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The home screen: the session browser on the data folder.
fn home(ctx: &Context) -> Result<ExitCode, Failure> {
    let dir = ctx.data_dir()?;
    let new_session = |lang: Lang| {
        let lang_ctx = Context {
            lang,
            data_dir: Some(dir.clone()),
            theme: ctx.theme,
        };
        create_session(&lang_ctx, None, None).map_err(|f| f.message)
    };
    tui::run_home(&dir, ctx.lang, ctx.theme, new_session)
        .map_err(|e| Failure::invalid(format!("{}: {e}", dir.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The editing screen on `path` (read-only with `viewing`).
fn edit(ctx: &Context, path: &Path, viewing: bool) -> Result<ExitCode, Failure> {
    let loaded = store::load(path).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    let opening = tui::Opening {
        path: path.to_path_buf(),
        loaded,
        lang: ctx.lang,
        theme: ctx.theme,
        viewing,
    };
    tui::run(opening).map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// Colour only on a terminal, and never with NO_COLOR.
fn print_board(session: &Session, lang: Lang, width: Option<u16>) {
    let terminal = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let width = width
        .or_else(|| {
            terminal
                .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        })
        .unwrap_or(100);
    let theme = Theme::new(ThemeName::Dark, terminal && !no_color);
    // Rows are written as they are laid out; a reader that stops early
    // (`| head`) ends the output, which is not an error.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = board_print::write_board(&session.swot, lang, width, theme, &mut out)
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("wethi: {e}");
    }
}

fn create_session(
    ctx: &Context,
    title: Option<&str>,
    template: Option<&Path>,
) -> Result<PathBuf, Failure> {
    let base = match template {
        Some(file) => ctx.load(file)?.session,
        None => template::builtin().map_err(|e| Failure::invalid(e.message(ctx.lang)))?,
    };
    let now = session::now();
    let title = match title {
        Some(t) => t.to_owned(),
        None => summary::default_title(now.date_naive(), ctx.lang),
    };
    let new: Session = template::instantiate(base, &title, now, ctx.lang);
    store::create_session(&ctx.data_dir()?, &new).map_err(|e| Failure::invalid(e.message(ctx.lang)))
}

fn validate(ctx: &Context, files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        match ctx.load(file) {
            Ok(loaded) => {
                let mut line = format!("{}: {}", file.display(), strings(ctx.lang).valid);
                if loaded.newer_version {
                    line.push_str(&format!(" ({})", strings(ctx.lang).newer_version));
                }
                println!("{line}");
            }
            Err(failure) => {
                all_valid = false;
                eprintln!("wethi: {}", failure.message);
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn list(ctx: &Context, json: bool) -> Result<ExitCode, Failure> {
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

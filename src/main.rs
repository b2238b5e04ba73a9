//! The command line: parse, dispatch, turn errors into one sentence and an exit code.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use wethi::export;
use wethi::i18n::compare::{compare_strings, fill};
use wethi::i18n::strings;
use wethi::session::{self, Session, template};
use wethi::store;
use wethi::summary;
use wethi::text::Lang;
use wethi::text::sanitize::for_display;
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
        /// Overwrite OUT if it already exists
        #[arg(long)]
        force: bool,
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
        lang_flag: cli.lang.map(|l| match l {
            LangArg::Th => Lang::Th,
            LangArg::En => Lang::En,
        }),
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
    /// `--lang` as given on the command line (reports follow the session's
    /// language unless it was).
    lang_flag: Option<Lang>,
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
            from,
            no_open,
        } => {
            // The file is on disk before the first frame.
            let path = match from {
                Some(past) => create_from(ctx, title.as_deref(), &past)?,
                None => create_session(ctx, title.as_deref(), template.as_deref())?,
            };
            if no_open {
                println!("{}", path.display());
                return Ok(ExitCode::SUCCESS);
            }
            edit(ctx, &path, false)
        }
        Command::Open {
            file,
            room,
            port,
            bind,
        } => {
            let room = room.then(|| wethi::room::RoomConfig {
                bind: bind.unwrap_or(std::net::IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED)),
                port,
                ..Default::default()
            });
            edit_in_room(ctx, &ctx.resolve(&file), false, room)
        }
        Command::View { file } => edit(ctx, &ctx.resolve(&file), true),
        Command::Template => {
            print!("{}", template::BUILTIN_JSON);
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { files } => Ok(validate(ctx, &files)),
        Command::Backups { file } => {
            let listing = store::backups::describe_backups(&ctx.resolve(&file), ctx.lang)
                .map_err(Failure::invalid)?;
            print!("{listing}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { backup } => {
            let done = store::backups::restore(&backup, ctx.lang).map_err(Failure::invalid)?;
            print!("{done}");
            Ok(ExitCode::SUCCESS)
        }
        Command::List { json } => list(ctx, json),
        Command::Show { file, board, width } => {
            let loaded = ctx.load(&file)?;
            if board {
                print_board(&loaded.session, ctx.lang, width);
            } else {
                print_text(&loaded.session, ctx.lang, width)?;
            }
            if loaded.newer_version {
                eprintln!("wethi: {}", strings(ctx.lang).newer_version);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Diff { old, new } => diff(ctx, &old, &new),
        Command::Merge {
            files,
            out,
            group_names,
            force,
        } => merge(ctx, &files, &out, group_names, force),
        Command::Export {
            file,
            format,
            output,
        } => export_report(ctx, &file, format, output.as_deref()),
    }
}

/// The home screen: the session browser on the data folder.
fn home(ctx: &Context) -> Result<ExitCode, Failure> {
    let dir = ctx.data_dir()?;
    let new_session = |lang: Lang, title: &str| {
        let lang_ctx = Context {
            lang,
            data_dir: Some(dir.clone()),
            theme: ctx.theme,
            lang_flag: ctx.lang_flag,
        };
        let title = Some(title).filter(|t| !t.trim().is_empty());
        create_session(&lang_ctx, title, None).map_err(|f| f.message)
    };
    tui::run_home(&dir, ctx.lang, ctx.theme, new_session)
        .map_err(|e| Failure::invalid(format!("{}: {e}", dir.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The editing screen on `path` (read-only with `viewing`).
fn edit(ctx: &Context, path: &Path, viewing: bool) -> Result<ExitCode, Failure> {
    edit_in_room(ctx, path, viewing, None)
}

/// The editing screen, with a room opened at once when `room` is given.
fn edit_in_room(
    ctx: &Context,
    path: &Path,
    viewing: bool,
    room: Option<wethi::room::RoomConfig>,
) -> Result<ExitCode, Failure> {
    // The lock first, then the file: what is read is what this wethi alone writes over.
    let opened =
        store::open_session(path, viewing).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    let opening = tui::Opening {
        path: path.to_path_buf(),
        opened,
        lang: ctx.lang,
        theme: ctx.theme,
        room,
    };
    tui::run(opening).map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// The whole session as text, written as it is laid out; bold headings only
/// on a terminal and never with NO_COLOR. A closed pipe (`| head`) is no error.
fn print_text(session: &Session, lang: Lang, width: Option<u16>) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let width = width
        .or_else(|| {
            terminal
                .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        })
        .unwrap_or(100);
    let report = export::report::build(session, lang);
    let style = export::text::TextStyle {
        width: usize::from(width),
        bold: terminal && !no_color,
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    match export::text::write_text(&mut out, &report, style) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::invalid(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// `wethi export`: the report to stdout, or atomically to OUT (never over
/// the session file itself).
fn export_report(
    ctx: &Context,
    file: &Path,
    format: export::Format,
    output: Option<&Path>,
) -> Result<ExitCode, Failure> {
    let r = wethi::i18n::report::report_strings(ctx.lang);
    let usage = |message: String| Failure { message, code: 2 };
    if format.needs_file() && output.is_none() {
        return Err(usage(r.needs_output.to_owned()));
    }
    let path = ctx.resolve(file);
    let loaded = ctx.load(file)?;
    if loaded.newer_version {
        eprintln!("wethi: {}", strings(ctx.lang).newer_version);
    }
    let lang = ctx.lang_flag.unwrap_or(loaded.session.lang);
    let Some(out) = output else {
        let stdout = std::io::stdout();
        let mut w = std::io::BufWriter::new(stdout.lock());
        return match format.write(&mut w, &loaded.session, lang) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(Failure::invalid(format!("stdout: {e}")))
            }
            _ => Ok(ExitCode::SUCCESS),
        };
    };
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same(out, &path) {
        return Err(usage(format!("{}: {}", out.display(), r.would_overwrite)));
    }
    let mut bytes = Vec::new();
    format
        .write(&mut bytes, &loaded.session, lang)
        .map_err(|e| Failure::invalid(format!("{}: {e}", out.display())))?;
    store::write_atomic(out, &bytes).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
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

/// A session continuing `past` (`new --from`), in `past`'s language.
fn create_from(ctx: &Context, title: Option<&str>, past: &Path) -> Result<PathBuf, Failure> {
    let past = ctx.load(past)?.session;
    let now = session::now();
    let title = match title {
        Some(t) => t.to_owned(),
        None => summary::default_title(now.date_naive(), past.lang),
    };
    let new = session::followup::continue_from(&past, &title, now);
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

/// `wethi diff`: exit 0 whether or not the sessions differ.
fn diff(ctx: &Context, old: &Path, new: &Path) -> Result<ExitCode, Failure> {
    let (a, b) = (ctx.load(old)?, ctx.load(new)?);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let colour = std::io::stdout().is_terminal() && !no_color;
    let found = export::diff::diff(&a.session, &b.session, ctx.lang);
    print!("{}", export::diff::render(&found, ctx.lang, colour));
    Ok(ExitCode::SUCCESS)
}

/// `wethi merge`: checks the output path before reading anything big, and
/// writes the result atomically.
fn merge(
    ctx: &Context,
    files: &[PathBuf],
    out: &Path,
    names: Option<Vec<String>>,
    force: bool,
) -> Result<ExitCode, Failure> {
    let c = compare_strings(ctx.lang);
    let out_name = for_display(&out.display().to_string()).into_owned();
    if let Some(names) = &names
        && names.len() != files.len()
    {
        let (n, f) = (names.len().to_string(), files.len().to_string());
        return Err(Failure {
            message: fill(c.group_names_count, &[("names", &n), ("files", &f)]),
            code: 2,
        });
    }
    if names.iter().flatten().any(|n| n.trim().is_empty()) {
        return Err(Failure {
            message: c.group_name_empty.to_owned(),
            code: 2,
        });
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
    let merged = export::merge::merge(&sources, session::now())
        .ok_or_else(|| Failure::invalid(c.not_a_merge.to_owned()))?;
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

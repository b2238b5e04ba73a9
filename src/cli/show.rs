//! `wethi show`: the whole session as text, or the SWOT board as the UI
//! draws it. Both are written as they are laid out; a reader that stops
//! early (`| head`) ends the output, which is not an error.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure};
use crate::export;
use crate::i18n::details::details_strings;
use crate::i18n::strings;
use crate::session::Session;
use crate::text::Lang;
use crate::ui::board_print;
use crate::ui::theme::{Theme, ThemeName, color_allowed};

pub fn show(
    ctx: &Context,
    file: &Path,
    board: bool,
    width: Option<u16>,
) -> Result<ExitCode, Failure> {
    let loaded = ctx.load(file)?;
    // The session's own language (so `git diff` through the textconv reads
    // as the session does), unless --lang was given.
    let lang = ctx.lang_flag.unwrap_or(loaded.session.lang);
    if board {
        print_board(&loaded.session, lang, width);
    } else {
        print_text(&loaded.session, lang, width)?;
    }
    if loaded.newer_version {
        eprintln!("wethi: {}", strings(ctx.lang).newer_version);
    }
    Ok(ExitCode::SUCCESS)
}

/// `width` as given, else the terminal's when stdout is one, else 100.
fn output_width(width: Option<u16>, terminal: bool) -> u16 {
    width
        .or_else(|| {
            terminal
                .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
                .flatten()
        })
        .unwrap_or(100)
}

/// The whole session as text; bold headings only where colour is allowed.
fn print_text(session: &Session, lang: Lang, width: Option<u16>) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let mut report = export::report::build(session, lang);
    let facts = further_details(session, lang);
    if !facts.is_empty() {
        report.sections.push(export::report::Section {
            heading: details_strings(lang).show_heading,
            level: 1,
            body: export::report::Body::Fields(facts),
        });
    }
    let style = export::text::TextStyle {
        width: usize::from(output_width(width, terminal)),
        bold: color_allowed(terminal),
    };
    let mut out = std::io::BufWriter::new(stdout.lock());
    match export::text::write_text(&mut out, &report, style) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::invalid(format!("stdout: {e}")))
        }
        _ => Ok(()),
    }
}

/// The facts `show` prints after the report, so that `git diff` through the
/// textconv shows a change to any of them: the ones the report itself does
/// not print (it prints the project, the time, who presided, who ran it and
/// with whom, and the objective; the news post's own lines are left). Empty
/// ones are left out.
fn further_details(session: &Session, lang: Lang) -> Vec<export::report::Field> {
    let d = details_strings(lang);
    let m = &session.meta;
    [
        (d.headline, &m.headline),
        (d.tagline, &m.tagline),
        (d.credit, &m.credit),
    ]
    .into_iter()
    .filter_map(|(label, value)| {
        let value = value.trim();
        (!value.is_empty()).then(|| export::report::Field {
            label,
            value: value.to_owned(),
        })
    })
    .collect()
}

/// The board, in colour only where colour is allowed.
fn print_board(session: &Session, lang: Lang, width: Option<u16>) {
    let terminal = std::io::stdout().is_terminal();
    let width = output_width(width, terminal);
    let theme = Theme::for_output(ThemeName::Dark, terminal);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if let Err(e) = board_print::write_board(&session.swot, lang, width, theme, &mut out)
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("wethi: {e}");
    }
}

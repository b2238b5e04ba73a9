//! What leaves the app for other readers: the session as text, reports
//! (Markdown, HTML, Word, CSV), and the comparison and merging of sessions.
//! Reads sessions; knows nothing of terminals or of where files live.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod narrative;
pub mod report;
pub mod text;

use std::io::{self, Write};

use report::Report;

/// A report format of `wethi export`. Each is one arm in [`Format::write`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark)
    Md,
    /// One self-contained HTML file, printable on A4
    Html,
    /// A Word document (needs -o)
    Docx,
}

impl Format {
    /// Whether the format is binary, so never written to a terminal or pipe.
    pub fn needs_file(self) -> bool {
        matches!(self, Format::Docx)
    }

    pub fn write(self, w: &mut impl Write, report: &Report<'_>) -> io::Result<()> {
        match self {
            Format::Md => markdown::write_markdown(w, report),
            Format::Html => html::write_html(w, report),
            Format::Docx => docx::write_docx(w, report),
        }
    }
}

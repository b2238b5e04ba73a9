//! What leaves the app for other readers: the session as text, reports
//! (Markdown, HTML, Word, CSV), and the comparison and merging of sessions.
//! Reads sessions; knows nothing of terminals or of where files live.

pub mod csv;
pub mod diff;
pub mod docx;
pub mod html;
pub mod insights;
pub mod markdown;
pub mod matching;
pub mod merge;
pub mod narrative;
pub mod post;
pub mod report;
pub mod text;

use std::io::{self, Write};

use crate::session::Session;
use crate::text::Lang;
use crate::text::date::Digits;

/// A report format of `wethi export`. Each is one arm in [`Format::write`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Markdown (CommonMark)
    Md,
    /// One self-contained HTML file, printable on A4
    Html,
    /// A Word document (needs -o)
    Docx,
    /// One row per entry, for spreadsheets (UTF-8 with BOM)
    Csv,
    /// The news post (ข่าวประชาสัมพันธ์): plain text for Facebook or LINE
    Post,
}

impl Format {
    /// Every format, in the order the home screen offers them.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Html,
        Format::Docx,
        Format::Csv,
        Format::Post,
    ];

    /// Whether the format is binary, so never written to a terminal or pipe.
    pub fn needs_file(self) -> bool {
        matches!(self, Format::Docx)
    }

    /// The file name extension of the format: a post is text, named so
    /// that it sits apart from other text beside the session.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Docx => "docx",
            Format::Csv => "csv",
            Format::Post => "post.txt",
        }
    }

    /// Whether numbers can be written in Thai digits: CSV is data for
    /// spreadsheets, which count only in Arabic digits.
    pub fn takes_thai_digits(self) -> bool {
        !matches!(self, Format::Csv)
    }

    /// Writes `session` in this format, its headings in `lang`.
    pub fn write(self, w: &mut impl Write, session: &Session, lang: Lang) -> io::Result<()> {
        self.write_with(w, session, lang, Digits::Arabic)
    }

    /// Writes `session` in this format, its headings in `lang` and its
    /// numbers in `digits` (CSV keeps Arabic digits whatever is asked).
    pub fn write_with(
        self,
        w: &mut impl Write,
        session: &Session,
        lang: Lang,
        digits: Digits,
    ) -> io::Result<()> {
        let report = || report::build_with(session, lang, digits);
        match self {
            Format::Md => markdown::write_markdown(w, &report()),
            Format::Html => html::write_html(w, &report()),
            Format::Docx => docx::write_docx(w, &report()),
            Format::Csv => csv::write(session, lang, w).map_err(io::Error::other),
            Format::Post => post::write_post(w, session, lang, digits),
        }
    }
}

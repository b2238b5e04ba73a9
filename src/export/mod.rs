//! What leaves the app for other readers: the session as text, reports
//! (Markdown, HTML, Word, CSV), and the comparison and merging of sessions.
//! Reads sessions; knows nothing of terminals or of where files live: the
//! photos' images come from the caller ([`photos::Photos`]).

pub mod csv;
pub mod diff;
pub mod docx;
pub mod html;
pub mod insights;
pub mod markdown;
pub mod matching;
pub mod merge;
pub mod narrative;
pub mod photos;
pub mod post;
pub mod report;
pub mod text;

use std::io::{self, Write};

use crate::session::Session;
use crate::text::Lang;
use crate::text::date::Digits;

pub use photos::Photos;

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

    /// Writes `session` in this format, its headings in `lang`: for a
    /// session without photos (its photos' images are not read, and the
    /// Word and HTML reports of a session with photos fail).
    pub fn write(self, w: &mut impl Write, session: &Session, lang: Lang) -> io::Result<()> {
        self.write_with(w, session, lang, Digits::Arabic, &mut Photos::none())
    }

    /// Writes `session` in this format, its headings in `lang`, its
    /// numbers in `digits` (CSV keeps Arabic digits whatever is asked) and
    /// its photos from `photos`: the Word and HTML reports embed their
    /// images, Markdown links them and the post lists them.
    pub fn write_with(
        self,
        w: &mut impl Write,
        session: &Session,
        lang: Lang,
        digits: Digits,
        photos: &mut Photos<'_>,
    ) -> io::Result<()> {
        let report = || report::build_with(session, lang, digits);
        match self {
            Format::Md => markdown::write_markdown(w, &report(), photos),
            Format::Html => html::write_html(w, &report(), photos),
            Format::Docx => docx::write_docx(w, &report(), photos),
            Format::Csv => csv::write(session, lang, w).map_err(io::Error::other),
            Format::Post => post::write_post(w, session, lang, digits, photos),
        }
    }

    /// Whether the format shows the photos' images (embedded or linked), so
    /// a missing image stops it. The post only names the files; CSV leaves
    /// the photos out.
    pub fn shows_images(self) -> bool {
        matches!(self, Format::Md | Format::Html | Format::Docx)
    }

    /// Whether the bytes depend on the folder the report is written into
    /// (Markdown links its photos from there, the post names them so).
    pub fn links_from_folder(self) -> bool {
        matches!(self, Format::Md | Format::Post)
    }
}

//! The report as a Word document for a Thai office to edit and file:
//! `wethi export --format docx -o FILE`.
//!
//! A4, government margins (left 3 cm, right 2 cm), TH Sarabun New 16 pt in
//! every font slot a run has: Thai falls into the complex-script one
//! (`w:cs`, sized by `w:szCs`), so setting only the Latin font would leave
//! Thai in Word's fallback. Headings are the same font, bold, a little larger.
//!
//! The page number is a PAGE field centred at the top from page 2 on
//! (`- 2 -`; the first page has a header of its own, empty). With Thai
//! digits the section's page numbers are `thaiNumbers` (`w:pgNumType`), the
//! format Word's own "Page Number Format" sets, so Word shows `- ๒ -`.
//! LibreOffice does not know Word's Thai number formats: with this one it
//! prints Arabic digits, where a field's `\* ThaiArabic` switch would make
//! it print Thai letters (`- ข -`).
//!
//! docx-rs writes the small fixed parts (styles, settings, fonts, headers,
//! content types, relationships) and the page setup; the document's
//! properties (`docProps/core.xml`: title, author, dates, which docx-rs
//! leaves "unknown" and 1970) and the body of `word/document.xml` are
//! written here, the body as a stream (`body.rs`, `xml.rs`),
//! the same XML docx-rs would write: docx-rs keeps about 3 KB of tree per
//! paragraph, which for a session of 10,000 items is most of the time and
//! memory of the export.
//!
//! The photos of the day end the document, two a row (`body.rs`). Their
//! images go into the package as `word/media/photoN.jpeg`, read from the
//! caller one at a time and stored as they are (a JPEG does not deflate),
//! each named by a relationship `rIdPhotoN` added to docx-rs's
//! `word/_rels/document.xml.rels`; docx-rs's content types already
//! declare `.jpeg` as `image/jpeg`.

mod body;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tree;
mod xml;

use std::borrow::Cow;
use std::io::{self, Cursor, Read, Write};

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin, Paragraph, Run,
    RunFonts,
};

use crate::text::date::Digits;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

use super::photos::Photos;
use super::report::Report;

pub const FONT: &str = "TH Sarabun New";
/// Sizes are in half-points.
const BODY: usize = 32;
const HEADING: usize = 36;
const TITLE: usize = 40;
/// A4 in twentieths of a point, and the width left between the margins.
const A4_WIDTH: u32 = 11906;
const A4_HEIGHT: u32 = 16838;
const TEXT_WIDTH: usize = 11906 - 1701 - 1134;

/// The dots to sign on, as many as keep the block's first line on one line
/// beside its indent: English words around them are wider than Thai ones.
fn signature_dots(lang: crate::text::Lang) -> usize {
    match lang {
        crate::text::Lang::Th => 32,
        crate::text::Lang::En => 20,
    }
}

/// The largest a photo is drawn, in EMU (360,000 to the centimetre): 7.4 cm
/// wide fills half the text width within a cell's margins; 10 cm high
/// keeps two rows of upright photos with their captions on a page.
const PHOTO_MAX: (u64, u64) = (2_664_000, 3_600_000);

/// The relationship that names the `n`th photo's image (from 1).
fn photo_rel(n: usize) -> String {
    format!("rIdPhoto{n}")
}

/// The `n`th photo's image in the package.
fn photo_part(n: usize) -> String {
    format!("word/media/photo{n}.jpeg")
}

const DOCUMENT: &str = "word/document.xml";
const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
const CORE: &str = "docProps/core.xml";

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

fn header_run(text: &str) -> Run {
    Run::new().fonts(fonts()).size(BODY).add_text(text)
}

/// The page number as Thai offices write it, centred at the top: `- 2 -`
/// (the digits are the section's, [`page_format`]).
fn page_number(digits: Digits) -> Header {
    let field = Run::new()
        .fonts(fonts())
        .size(BODY)
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text(digits.num(2))
        .add_field_char(FieldCharType::End, false);
    Header::new().add_paragraph(
        Paragraph::new()
            // The body's paragraphs are numbered from 2 on (`xml.rs`).
            .id(xml::para_id(1))
            .align(AlignmentType::Center)
            .add_run(header_run("- "))
            .add_run(field)
            .add_run(header_run(" -")),
    )
}

/// Everything but the body: A4, margins, default font and size, headers.
/// The first page's header is empty, so numbering shows from page 2 on.
fn skeleton(digits: Digits) -> Docx {
    Docx::new()
        .page_size(A4_WIDTH, A4_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(1418)
                .bottom(1134)
                .left(1701)
                .right(1134)
                .header(709)
                .footer(709),
        )
        .default_fonts(fonts())
        .default_size(BODY)
        .header(page_number(digits))
        .first_header(Header::new())
}

/// The document's properties as Word and LibreOffice show them: its title,
/// who wrote it (the organiser, else the facilitator), its language, when
/// the session was made and last changed.
fn core_properties(report: &Report<'_>) -> String {
    let when = |t: &crate::session::Timestamp| {
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%dT%H:%M:%SZ")
            .to_string()
    };
    let author = report.author.map(xml::escaped).unwrap_or_default();
    let language = match report.lang {
        crate::text::Lang::Th => "th-TH",
        crate::text::Lang::En => "en-GB",
    };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><dc:language>{language}</dc:language>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>"#,
            r#"<cp:revision>1</cp:revision></cp:coreProperties>"#
        ),
        title = xml::escaped(&report.digits.apply(report.title)),
        author = author,
        language = language,
        created = when(&report.created),
        modified = when(&report.modified),
    )
}

/// The section properties docx-rs wrote, with the page numbers' format:
/// Thai digits are `thaiNumbers`, placed where the schema has it (after the
/// margins, before the columns). docx-rs cannot write the format itself.
fn page_format(section: &str, digits: Digits) -> Cow<'_, str> {
    match (digits, section.find("<w:cols ")) {
        (Digits::Thai, Some(at)) => Cow::Owned(format!(
            "{}<w:pgNumType w:fmt=\"thaiNumbers\" />{}",
            &section[..at],
            &section[at..]
        )),
        _ => Cow::Borrowed(section),
    }
}

/// The options of a part written anew in place of `part`: its mode and
/// time, as a raw copy keeps them.
fn kept_options<R: std::io::Read + ?Sized>(part: &zip::read::ZipFile<'_, R>) -> SimpleFileOptions {
    SimpleFileOptions::default()
        .unix_permissions(part.unix_mode().unwrap_or(0o755))
        .last_modified_time(part.last_modified().unwrap_or_default())
}

fn zip_error(e: zip::result::ZipError) -> io::Error {
    match e {
        zip::result::ZipError::Io(e) => e,
        e => io::Error::other(e.to_string()),
    }
}

/// docx-rs's relationships of the document with one more per photo.
fn with_photo_rels(rels: &str, photos: usize) -> io::Result<String> {
    let end = rels
        .rfind("</Relationships>")
        .ok_or_else(|| io::Error::other("docx-rs wrote relationships without their end"))?;
    let mut out = String::with_capacity(rels.len() + photos * 160);
    out.push_str(&rels[..end]);
    for n in 1..=photos {
        out.push_str(&format!(
            concat!(
                r#"<Relationship Id="{}" "#,
                r#"Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" "#,
                r#"Target="media/photo{}.jpeg" />"#
            ),
            photo_rel(n),
            n
        ));
    }
    out.push_str(&rels[end..]);
    Ok(out)
}

/// Writes `report` as a .docx file to `w`, its photos' images read from
/// `photos` one at a time as they go into the package.
pub fn write_docx<W: Write>(
    w: &mut W,
    report: &Report<'_>,
    photos: &mut Photos<'_>,
) -> io::Result<()> {
    let mut parts = Cursor::new(Vec::new());
    skeleton(report.digits)
        .pack(&mut parts)
        .map_err(zip_error)?;
    let mut parts = ZipArchive::new(parts).map_err(zip_error)?;
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..parts.len() {
        let part = parts.by_index_raw(i).map_err(zip_error)?;
        if part.is_dir() {
            // As docx-rs adds them: a raw copy would lose the folder's mode.
            let name = part.name().to_owned();
            drop(part);
            out.add_directory(name, SimpleFileOptions::default())
                .map_err(zip_error)?;
            continue;
        }
        if part.name() == CORE {
            let options = kept_options(&part);
            drop(part);
            out.start_file(CORE, options).map_err(zip_error)?;
            out.write_all(core_properties(report).as_bytes())?;
            continue;
        }
        if part.name() == DOCUMENT_RELS && !report.photos.is_empty() {
            let options = kept_options(&part);
            let mut rels = String::new();
            let mut part = part;
            part.read_to_string(&mut rels)?;
            drop(part);
            out.start_file(DOCUMENT_RELS, options).map_err(zip_error)?;
            out.write_all(with_photo_rels(&rels, report.photos.len())?.as_bytes())?;
            continue;
        }
        if part.name() != DOCUMENT {
            out.raw_copy_file(part).map_err(zip_error)?;
            continue;
        }
        let options = kept_options(&part).compression_method(CompressionMethod::Stored);
        let mut empty = String::new();
        let mut part = part;
        part.read_to_string(&mut empty)?;
        // docx-rs's document with no body: its opening (namespaces) and its
        // section properties (page size, margins, headers) frame ours.
        let (open, close) = split_body(&empty).ok_or_else(|| {
            io::Error::other("docx-rs wrote a word/document.xml without <w:body>")
        })?;
        out.start_file(DOCUMENT, options).map_err(zip_error)?;
        out.write_all(open.as_bytes())?;
        body::write(&mut out, report)?;
        out.write_all(page_format(close, report.digits).as_bytes())?;
    }
    for (i, photo) in report.photos.iter().enumerate() {
        let jpeg = photos.read(photo.file)?;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Stored)
            .unix_permissions(0o644);
        out.start_file(photo_part(i + 1), options)
            .map_err(zip_error)?;
        out.write_all(&jpeg)?;
    }
    let bytes = out.finish().map_err(zip_error)?.into_inner();
    w.write_all(&bytes)?;
    w.flush()
}

/// The document up to and including `<w:body>`, and from the section
/// properties on.
fn split_body(xml: &str) -> Option<(&str, &str)> {
    let open = xml.find("<w:body>")? + "<w:body>".len();
    let close = xml[open..].find("<w:sectPr").map(|at| open + at)?;
    Some((&xml[..open], &xml[close..]))
}

//! WordprocessingML paragraphs, runs and tables written as they come,
//! byte for byte as docx-rs writes them (element order, attribute order,
//! `" />"` closings, escaping), so the document reads the same in Word and
//! LibreOffice as when docx-rs built it.

use std::io::{self, Write};

use crate::text::date::Digits;
use crate::text::printed::marks;
use crate::text::sanitize::for_display;

/// A line may end here (U+200B ZERO WIDTH SPACE).
const ZWSP: &str = "\u{200B}";
/// No line may end here (U+2060 WORD JOINER).
const WORD_JOINER: &str = "\u{2060}";

use super::{FONT, TEXT_WIDTH};

/// Bytes gathered before they go on to the archive: the archive's writer
/// checksums each write, so a few large writes beat many small ones.
const CHUNK: usize = 64 * 1024;

/// docx-rs's paragraph id: eight hex digits.
pub fn para_id(n: u32) -> String {
    format!("{n:08x}")
}

/// How a paragraph sits: alignment, indents, spacing, outline level.
#[derive(Default, Clone, Copy)]
pub struct Props {
    pub center: bool,
    /// Left indent; `None` with a first-line indent writes `w:left="0"`.
    pub left: Option<u32>,
    pub first_line: Option<u32>,
    pub hanging: Option<u32>,
    /// Space before and after, in twentieths of a point.
    pub spacing: Option<(u32, u32)>,
    pub outline: Option<usize>,
    pub keep_next: bool,
}

impl Props {
    pub fn indent(left: u32) -> Props {
        Props {
            left: Some(left),
            ..Props::default()
        }
    }
}

/// `text` as it is shown (control characters dropped), Thai marked for
/// Word's and LibreOffice's line breakers: U+200B (zero width space) where
/// a line may end, U+2060 (word joiner) where they would end one and must
/// not (ขับ⁠เคลื่อน). Both are invisible.
pub fn marked(text: &str) -> String {
    let text = for_display(text);
    let m = marks(&text);
    if m.breaks.is_empty() && m.joins.is_empty() {
        return text.into_owned();
    }
    let mut places: Vec<(usize, &str)> = m.breaks.iter().map(|&b| (b, ZWSP)).collect();
    places.extend(m.joins.iter().map(|&j| (j, WORD_JOINER)));
    places.sort_unstable();
    let mut out = String::with_capacity(text.len() + places.len() * 3);
    let mut from = 0;
    for (at, mark) in places {
        out.push_str(&text[from..at]);
        out.push_str(mark);
        from = at;
    }
    out.push_str(&text[from..]);
    out
}

pub struct Xml<W: Write> {
    out: W,
    buf: Vec<u8>,
    /// The next paragraph's id; the page-number header has 1.
    next_id: u32,
    /// The digits numbers in the text are written in.
    digits: Digits,
}

impl<W: Write> Xml<W> {
    pub fn new(out: W, digits: Digits) -> Xml<W> {
        Xml {
            out,
            buf: Vec::with_capacity(CHUNK + 4096),
            next_id: 2,
            digits,
        }
    }

    fn s(&mut self, s: &str) {
        self.buf.extend_from_slice(s.as_bytes());
    }

    fn num(&mut self, n: impl std::fmt::Display) {
        // Writing into a Vec cannot fail.
        let _ = write!(self.buf, "{n}");
    }

    fn spill(&mut self) -> io::Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<()> {
        self.out.write_all(&self.buf)?;
        self.buf.clear();
        Ok(())
    }

    /// Text made safe for XML (control characters dropped, markup
    /// escaped), its numbers in the document's digits, Thai marked for line
    /// breakers ([`marked`]).
    fn text(&mut self, text: &str) {
        let text = marked(&self.digits.apply(text));
        push_escaped(&mut self.buf, &text);
    }

    pub fn open_para(&mut self, p: Props) -> io::Result<()> {
        self.spill()?;
        let id = self.next_id;
        self.next_id += 1;
        self.s("<w:p w14:paraId=\"");
        let _ = write!(self.buf, "{id:08x}");
        self.s("\"><w:pPr><w:rPr />");
        if p.center {
            self.s("<w:jc w:val=\"center\" />");
        }
        if p.left.is_some() || p.first_line.is_some() || p.hanging.is_some() {
            self.s("<w:ind w:left=\"");
            self.num(p.left.unwrap_or(0));
            self.s("\" w:right=\"0\"");
            if let Some(f) = p.first_line {
                self.s(" w:firstLine=\"");
                self.num(f);
                self.s("\"");
            }
            if let Some(h) = p.hanging {
                self.s(" w:hanging=\"");
                self.num(h);
                self.s("\"");
            }
            self.s(" />");
        }
        if let Some((before, after)) = p.spacing {
            self.s("<w:spacing w:before=\"");
            self.num(before);
            self.s("\" w:after=\"");
            self.num(after);
            self.s("\" />");
        }
        if let Some(level) = p.outline {
            self.s("<w:outlineLvl w:val=\"");
            self.num(level);
            self.s("\" />");
        }
        if p.keep_next {
            self.s("<w:keepNext />");
        }
        self.s("</w:pPr>");
        Ok(())
    }

    pub fn close_para(&mut self) {
        self.s("</w:p>");
    }

    /// A run of `text` in `size` half-points, its lines split by breaks.
    pub fn run(&mut self, text: &str, size: usize, bold: bool) {
        self.open_run(size, bold);
        self.lines(text);
        self.s("</w:r>");
    }

    /// A run of `lead` (a list's number), a tab to where the text hangs,
    /// and `text`: one run, so a long list stays small.
    pub fn led_run(&mut self, lead: &str, text: &str, size: usize) {
        self.open_run(size, false);
        self.s("<w:t xml:space=\"preserve\">");
        self.text(lead);
        self.s("</w:t><w:tab />");
        self.lines(text);
        self.s("</w:r>");
    }

    /// `text`'s lines as text elements, split by breaks.
    fn lines(&mut self, text: &str) {
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.s("<w:br w:type=\"textWrapping\" />");
            }
            self.s("<w:t xml:space=\"preserve\">");
            self.text(line.trim_end_matches('\r'));
            self.s("</w:t>");
        }
    }

    /// A run's opening and its properties.
    fn open_run(&mut self, size: usize, bold: bool) {
        self.s("<w:r><w:rPr><w:sz w:val=\"");
        self.num(size);
        self.s("\" /><w:szCs w:val=\"");
        self.num(size);
        self.s("\" />");
        if bold {
            self.s("<w:b /><w:bCs />");
        }
        self.s("<w:rFonts w:ascii=\"");
        self.s(FONT);
        self.s("\" w:hAnsi=\"");
        self.s(FONT);
        self.s("\" w:cs=\"");
        self.s(FONT);
        self.s("\" w:eastAsia=\"");
        self.s(FONT);
        self.s("\" /></w:rPr>");
    }

    /// An empty paragraph one point high (its line exactly so, its mark
    /// 1 pt): what must follow a table that ends the document takes no
    /// page of its own when the table fills the last one.
    pub fn tiny_para(&mut self) -> io::Result<()> {
        self.spill()?;
        let id = self.next_id;
        self.next_id += 1;
        let _ = write!(
            self.buf,
            concat!(
                "<w:p w14:paraId=\"{:08x}\"><w:pPr>",
                "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\" />",
                "<w:rPr><w:sz w:val=\"2\" /><w:szCs w:val=\"2\" /></w:rPr></w:pPr></w:p>"
            ),
            id
        );
        Ok(())
    }

    /// A run that starts a new page.
    pub fn page_break(&mut self) {
        self.s("<w:r><w:br w:type=\"page\" /></w:r>");
    }

    /// A run of one picture in line with the text, `cx` × `cy` EMU (360,000
    /// to the centimetre): the image of relationship `rel`, the `n`th
    /// drawing of the document, described by `descr` for screen readers.
    pub fn picture(&mut self, n: usize, rel: &str, (cx, cy): (u64, u64), descr: &str) {
        self.s("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">");
        self.s("<wp:extent cx=\"");
        self.num(cx);
        self.s("\" cy=\"");
        self.num(cy);
        self.s("\" /><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:docPr id=\"");
        self.num(n);
        self.s("\" name=\"photo");
        self.num(n);
        self.s("\" descr=\"");
        push_escaped(
            &mut self.buf,
            &for_display(&descr.replace(['\n', '\r'], " ")),
        );
        self.s(concat!(
            "\" /><wp:cNvGraphicFramePr><a:graphicFrameLocks ",
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\" />",
            "</wp:cNvGraphicFramePr>",
            "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\">",
            "<a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">",
            "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">",
            "<pic:nvPicPr><pic:cNvPr id=\"0\" name=\"photo"
        ));
        self.num(n);
        self.s(concat!(
            "\" /><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\" />",
            "</pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\""
        ));
        self.s(rel);
        self.s(concat!(
            "\" /><a:stretch><a:fillRect /></a:stretch></pic:blipFill>",
            "<pic:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\""
        ));
        self.num(cx);
        self.s("\" cy=\"");
        self.num(cy);
        self.s(concat!(
            "\" /></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom></pic:spPr>",
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        ));
    }

    /// A paragraph of one run.
    pub fn para(&mut self, p: Props, text: &str, size: usize, bold: bool) -> io::Result<()> {
        self.open_para(p)?;
        self.run(text, size, bold);
        self.close_para();
        Ok(())
    }

    /// A table across the text width, single borders, its columns `pcts`
    /// of the width.
    pub fn open_table(&mut self, pcts: &[usize]) -> io::Result<()> {
        self.spill()?;
        self.s("<w:tbl><w:tblPr><w:tblW w:w=\"");
        self.num(TEXT_WIDTH);
        self.s("\" w:type=\"dxa\" /><w:jc w:val=\"left\" /><w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            self.s("<w:");
            self.s(side);
            self.s(" w:val=\"single\" w:sz=\"2\" w:space=\"0\" w:color=\"000000\" />");
        }
        self.s("</w:tblBorders></w:tblPr>");
        self.grid(pcts);
        Ok(())
    }

    /// A table across the text width without borders, its columns `pcts`
    /// of the width: the photos' grid.
    pub fn open_plain_table(&mut self, pcts: &[usize]) -> io::Result<()> {
        self.spill()?;
        self.s("<w:tbl><w:tblPr><w:tblW w:w=\"");
        self.num(TEXT_WIDTH);
        self.s("\" w:type=\"dxa\" /><w:jc w:val=\"center\" /></w:tblPr>");
        self.grid(pcts);
        Ok(())
    }

    /// A table's columns, `pcts` of the text width.
    fn grid(&mut self, pcts: &[usize]) {
        self.s("<w:tblGrid>");
        for p in pcts {
            self.s("<w:gridCol w:w=\"");
            self.num(cell_width(*p));
            self.s("\" w:type=\"dxa\" />");
        }
        self.s("</w:tblGrid>");
    }

    pub fn close_table(&mut self) {
        self.s("</w:tbl>");
    }

    /// A row that is never split across pages.
    pub fn open_row(&mut self) {
        self.s("<w:tr><w:trPr><w:cantSplit /></w:trPr>");
    }

    /// A table's header row: never split, and repeated at the top of every
    /// page the table runs on to.
    pub fn open_header_row(&mut self) {
        self.s("<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr>");
    }

    pub fn close_row(&mut self) {
        self.s("</w:tr>");
    }

    /// A cell, `width_pct` of the text width if given, shaded `fill`.
    pub fn open_cell(&mut self, width_pct: Option<usize>, fill: Option<&str>) {
        if width_pct.is_none() && fill.is_none() {
            self.s("<w:tc><w:tcPr />");
            return;
        }
        self.s("<w:tc><w:tcPr>");
        if let Some(p) = width_pct {
            self.s("<w:tcW w:w=\"");
            self.num(cell_width(p));
            self.s("\" w:type=\"dxa\" />");
        }
        if let Some(f) = fill {
            self.s("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"");
            self.s(f);
            self.s("\" />");
        }
        self.s("</w:tcPr>");
    }

    pub fn close_cell(&mut self) {
        self.s("</w:tc>");
    }
}

/// `text` with XML's markup characters escaped, as docx-rs escapes them;
/// carriage returns dropped.
fn push_escaped(out: &mut Vec<u8>, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'', '\r']) {
        out.extend_from_slice(&rest.as_bytes()[..at]);
        let escaped = match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&apos;",
            _ => "",
        };
        out.extend_from_slice(escaped.as_bytes());
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest.as_bytes());
}

/// `text` made safe for an XML element of the package (control characters
/// dropped, markup escaped).
pub fn escaped(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    push_escaped(&mut out, &for_display(text));
    String::from_utf8(out).unwrap_or_default()
}

pub fn cell_width(pct: usize) -> usize {
    TEXT_WIDTH * pct / 100
}

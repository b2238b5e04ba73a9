//! The line filler behind [`super::wrap`]: a paragraph's clusters laid
//! out on lines at the break opportunities of `segment`, the LSTM model
//! asked only about breaks a line ends at. A word wider than the line is
//! cut where known words inside it meet, then between syllables, and only
//! a syllable wider than the line elsewhere (see [`Cut`]).

use std::ops::Range;
use std::rc::Rc;

use super::super::segment::LineBreaks;
use super::super::simple::{self, simple_width};
use super::super::syllable::{may_cut, may_end_line};
use super::super::width::{cluster_width, clusters};
use super::paragraphs;

#[derive(Clone, Copy)]
struct Cluster {
    start: usize,
    end: usize,
    width: usize,
    blank: bool,
}

fn paragraph_clusters(text: &str, range: &Range<usize>) -> Vec<Cluster> {
    let base = range.start;
    let paragraph = &text[range.clone()];
    let measure = if simple::is_simple(paragraph) {
        simple_width
    } else {
        cluster_width
    };
    clusters(paragraph)
        .map(|(at, g)| Cluster {
            start: base + at,
            end: base + at + g.len(),
            width: measure(g),
            blank: g.chars().all(char::is_whitespace),
        })
        .collect()
}

/// No candidate break: the end of the paragraph.
const END: usize = usize::MAX;

/// Where a new segment may start: (index into `cs`, index of the candidate
/// break in `breaks`), ending with `(cs.len(), END)`; and the weak breaks
/// (byte offsets in the text), kept for words wider than the line.
/// Candidates already refuted are left out. Segmenter breaks that fall
/// inside a grapheme cluster are ignored: the segmenter proposes them on
/// unusual sequences (ำ after a space or an ideograph, a Thai mark on a
/// flag), and honouring them would split a cluster.
fn segment_ends(
    paragraph: &str,
    base: usize,
    cs: &[Cluster],
    breaks: &LineBreaks,
    weak: &mut Vec<usize>,
) -> Vec<(usize, usize)> {
    let mut ends = Vec::new();
    let mut k = 0;
    for (i, &brk) in breaks.candidates().iter().enumerate() {
        if !breaks.possible(i) {
            continue;
        }
        let at = base + brk;
        while k < cs.len() && cs[k].start < at {
            k += 1;
        }
        if k < cs.len() && cs[k].start == at && !starts_with_no_break_before(&paragraph[brk..]) {
            if breaks.weak(i) {
                weak.push(at);
            } else {
                ends.push((k, i));
            }
        }
    }
    ends.push((cs.len(), END));
    ends
}

/// How far [`Wrapper::place`] may cut a piece wider than the line: between
/// syllables, then where only the core rules hold a syllable together
/// ([`may_cut`]), then between clusters.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    Syllables,
    Core,
    Clusters,
    Never,
}

/// ๆ (repeat) and ฯ (abbreviation) belong to the word before them even
/// across a space (ต่าง ๆ, คณะทำงานฯ); UAX #14 allows a break there, but Thai
/// typography never starts a line with either.
fn starts_with_no_break_before(rest: &str) -> bool {
    rest.starts_with(['\u{0E46}', '\u{0E2F}'])
}

#[derive(Clone, Copy)]
pub(super) struct Line {
    start: usize,
    end: usize,
    cols: usize,
}

pub(super) struct Wrapper {
    pub(super) width: usize,
    pub(super) lines: Vec<Range<usize>>,
    pub(super) line: Option<Line>,
    /// Columns of the spaces after the line's last word: they only count if
    /// another word joins the line, otherwise they vanish at the break.
    pub(super) pending_space: usize,
    /// Lay out a paragraph that fits in one go (off only to test that the
    /// shortcut agrees with the full fill).
    pub(super) shortcut: bool,
    /// Keep each paragraph's breaks for the next wrap of the same text.
    pub(super) remember: bool,
    /// Settle every break before filling (on only to test that asking the
    /// LSTM model lazily gives the same lines).
    pub(super) eager: bool,
    /// The candidate break the current segment starts at.
    pub(super) boundary: Option<usize>,
    /// The candidate breaks lines were ended at in this fill.
    pub(super) used: Vec<usize>,
    /// The paragraph's breaks inside known words (byte offsets in the
    /// text), for a word wider than the line.
    pub(super) weak: Vec<usize>,
}

impl Wrapper {
    pub(super) fn new(width: usize) -> Self {
        Wrapper {
            width,
            lines: Vec::new(),
            line: None,
            pending_space: 0,
            shortcut: true,
            remember: true,
            eager: false,
            boundary: None,
            used: Vec::new(),
            weak: Vec::new(),
        }
    }

    /// The lines of every paragraph of `text`.
    pub(super) fn wrap(mut self, text: &str) -> Vec<Range<usize>> {
        for paragraph in paragraphs(text) {
            self.paragraph(text, paragraph);
        }
        self.lines
    }

    fn paragraph(&mut self, text: &str, range: Range<usize>) {
        if self.shortcut && self.simple_fits_whole(text, &range) {
            return;
        }
        let cs = paragraph_clusters(text, &range);
        if self.shortcut && self.fits_whole(&cs) {
            return;
        }
        let paragraph = &text[range.clone()];
        let breaks = if self.remember {
            super::super::segment::line_breaks(paragraph)
        } else {
            Rc::new(LineBreaks::new(paragraph))
        };
        if self.eager {
            breaks.all(paragraph);
        }
        let mark = self.lines.len();
        // A break the dictionary model is unsure of matters only where a
        // line ends at it (elsewhere the two words it would part share the
        // line either way): fill with every candidate, ask the LSTM model
        // about the breaks lines ended at, and fill again without any it
        // refutes. Most texts never need the LSTM model at all.
        loop {
            self.fill(text, &range, &cs, &breaks);
            let mut refuted = false;
            for &i in &self.used {
                refuted |= !breaks.kept(paragraph, i);
            }
            self.used.clear();
            if !refuted {
                break;
            }
            self.lines.truncate(mark);
            self.line = None;
            self.pending_space = 0;
        }
        match self.line.take() {
            Some(line) => self.lines.push(line.start..line.end),
            None => self.lines.push(range.start..range.start),
        }
        self.pending_space = 0;
    }

    /// Fills the paragraph's segments into lines, recording in `used` the
    /// candidate breaks lines end at.
    fn fill(&mut self, text: &str, range: &Range<usize>, cs: &[Cluster], breaks: &LineBreaks) {
        let mut first = 0;
        self.boundary = None;
        let (paragraph, base) = (&text[range.clone()], range.start);
        let mut weak = std::mem::take(&mut self.weak);
        weak.clear();
        let ends = segment_ends(paragraph, base, cs, breaks, &mut weak);
        self.weak = weak;
        for (end, next) in ends {
            if end > first {
                self.segment(text, &cs[first..end]);
            }
            first = end;
            self.boundary = Some(next);
        }
    }

    /// [`Self::fits_whole`] for ASCII and Thai without listing clusters:
    /// there a blank cluster is a run of plain spaces (unless a Thai mark
    /// joins the last space) and a line's columns are its characters'.
    fn simple_fits_whole(&mut self, text: &str, range: &Range<usize>) -> bool {
        let paragraph = &text[range.clone()];
        let trimmed = paragraph.trim_matches(' ');
        if trimmed.is_empty() || !simple::is_simple(trimmed) || simple::starts_with_mark(trimmed) {
            return false;
        }
        if simple_width(trimmed) > self.width {
            return false;
        }
        let start = range.start + (paragraph.len() - paragraph.trim_start_matches(' ').len());
        self.lines.push(start..start + trimmed.len());
        true
    }

    /// A paragraph that fits on one line needs no break opportunities at
    /// all: the line is the paragraph less its outer spaces, as the greedy
    /// fill would make it. This spares the Thai segmenters (the slow part)
    /// for most entries.
    fn fits_whole(&mut self, cs: &[Cluster]) -> bool {
        let Some(first) = cs.iter().position(|c| !c.blank) else {
            return false;
        };
        let last = cs.iter().rposition(|c| !c.blank).unwrap_or(first);
        let cols: usize = cs[first..=last].iter().map(|c| c.width).sum();
        if cols > self.width || cs[first..=last].iter().any(|c| c.width > self.width) {
            return false;
        }
        self.lines.push(cs[first].start..cs[last].end);
        true
    }

    fn segment(&mut self, text: &str, seg: &[Cluster]) {
        // Spaces in front of a word are spaces between words (or the
        // paragraph's indent), never part of the word.
        let lead = seg.iter().take_while(|c| c.blank).count();
        if lead > 0 && lead < seg.len() {
            self.segment(text, &seg[..lead]);
            self.segment_word(text, &seg[lead..]);
            return;
        }
        self.segment_word(text, seg);
    }

    fn segment_word(&mut self, text: &str, seg: &[Cluster]) {
        let word_len = seg.len() - seg.iter().rev().take_while(|c| c.blank).count();
        let (word, spaces) = seg.split_at(word_len);
        let space_cols: usize = spaces.iter().map(|c| c.width).sum();
        if word.is_empty() {
            // Spaces with no word before them (a paragraph's indent) are
            // dropped like spaces at a break: panes align entries flush left.
            if self.line.is_some() {
                self.pending_space += space_cols;
            }
            return;
        }
        self.word(text, word);
        self.pending_space = space_cols;
    }

    fn word(&mut self, text: &str, word: &[Cluster]) {
        let cols: usize = word.iter().map(|c| c.width).sum();
        let (Some(first), Some(last)) = (word.first(), word.last()) else {
            return;
        };
        let (start, end) = (first.start, last.end);
        if let Some(line) = self.line.as_mut()
            && line.cols + self.pending_space + cols <= self.width
        {
            line.end = end;
            line.cols += self.pending_space + cols;
            return;
        }
        if cols > self.width && self.first_part_fits(word) {
            // The line goes on into the word: it ends inside it.
            self.cut_word(text, word);
            return;
        }
        if self.line.is_some()
            && let Some(at) = self.boundary.take()
        {
            self.used.push(at);
        }
        self.finish_line();
        if cols <= self.width {
            self.line = Some(Line { start, end, cols });
        } else {
            self.cut_word(text, word);
        }
    }

    /// Whether the part of `word` before its first weak break still fits
    /// on the current line.
    fn first_part_fits(&self, word: &[Cluster]) -> bool {
        let Some(line) = self.line else {
            return false;
        };
        let mut cols = line.cols + self.pending_space;
        for (k, c) in word.iter().enumerate() {
            if k > 0 && self.weak.binary_search(&c.start).is_ok() {
                return true;
            }
            cols += c.width;
            if cols > self.width {
                return false;
            }
        }
        false
    }

    /// Lays out a word wider than the line: its parts between the known
    /// words in it fill lines as whole pieces where they fit; the last
    /// piece stays open so the next word can still join it.
    fn cut_word(&mut self, text: &str, word: &[Cluster]) {
        let mut first = 0;
        for k in 1..=word.len() {
            if k == word.len() || self.weak.binary_search(&word[k].start).is_ok() {
                self.place(text, &word[first..k], Cut::Syllables);
                first = k;
            }
        }
    }

    /// Puts `piece` on the current line if it fits, else on a new line;
    /// one wider than the line is cut as `cut` allows, and placed piece
    /// by piece.
    fn place(&mut self, text: &str, piece: &[Cluster], cut: Cut) {
        let (Some(first), Some(last)) = (piece.first(), piece.last()) else {
            return;
        };
        let cols: usize = piece.iter().map(|c| c.width).sum();
        if let Some(line) = self.line.as_mut()
            && line.cols + self.pending_space + cols <= self.width
        {
            line.end = last.end;
            line.cols += self.pending_space + cols;
            self.pending_space = 0;
            return;
        }
        if cols <= self.width || cut == Cut::Never {
            self.finish_line();
            self.line = Some(Line {
                start: first.start,
                end: last.end,
                cols,
            });
            return;
        }
        let (inner, may): (Cut, fn(&str, usize) -> bool) = match cut {
            Cut::Syllables => (Cut::Core, may_end_line),
            Cut::Core => (Cut::Clusters, may_cut),
            _ => (Cut::Never, |_, _| true),
        };
        let mut from = 0;
        for k in 1..=piece.len() {
            if k == piece.len() || may(text, piece[k].start) {
                self.place(text, &piece[from..k], inner);
                from = k;
            }
        }
    }

    fn finish_line(&mut self) {
        if let Some(line) = self.line.take() {
            self.lines.push(line.start..line.end);
        }
        self.pending_space = 0;
    }
}

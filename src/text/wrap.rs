//! Word wrapping that understands Thai.
//!
//! Thai is written without spaces between words, so break opportunities come
//! from `icu_segmenter` (see `segment`) rather than from spaces alone.
//! Lines are byte ranges into the caller's text so that styling and cursor
//! code can map screen positions back to the source without copying.
//!
//! Callers that draw user text should sanitise each `'\n'`-separated
//! paragraph with [`crate::text::sanitize::for_display`] and wrap the
//! sanitised text: control characters change width when they become
//! pictures, so wrapping the raw text would misjudge the columns.

use std::ops::Range;
use std::rc::Rc;

use super::segment::LineBreaks;
use super::simple::{self, simple_width};
use super::width::{cluster_width, clusters};

mod cache;

pub use cache::{WRAP_CACHE_BOUND, WrapCache};

/// Wraps `text` into lines no wider than `width` columns (0 counts as 1).
///
/// Returns one byte range per line, in order. Lines break at line-break
/// opportunities (spaces, and Thai word boundaries both ICU models agree on),
/// the spaces at a break are left out of both lines, a word longer than a
/// line is cut between grapheme clusters, and `'\n'` (or `"\r\n"`) always
/// ends a line, so consecutive newlines give empty lines. An empty text is
/// one empty line.
///
/// Other mandatory breaks of UAX #14 (a lone CR, VT, FF, NEL, U+2028,
/// U+2029) are only break opportunities here: the text model's lines are
/// `'\n'`-separated, and sanitised text shows the C0 ones as pictures.
///
/// No range ever splits a grapheme cluster. The one case where a line is
/// wider than `width` is a single cluster that is wider on its own (a
/// two-column emoji at width 1): it gets a line to itself and callers clip it.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    Wrapper::new(width.max(1)).wrap(text)
}

/// The same lines as [`wrap`], for a text wrapped once (printing a
/// session): its break opportunities are not remembered for next time.
pub fn wrap_once(text: &str, width: usize) -> Vec<Range<usize>> {
    let once = Wrapper {
        remember: false,
        ..Wrapper::new(width.max(1))
    };
    once.wrap(text)
}

/// Paragraph ranges between newlines; a CR right before LF belongs to the
/// newline so that `"\r\n"` text does not leave a stray CR at line ends.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let ends = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let content_end = if text[start..end].ends_with('\r') && end < text.len() {
            end - 1
        } else {
            end
        };
        let range = start..content_end;
        start = end + 1;
        range
    })
}

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
/// break in `breaks`), ending with `(cs.len(), END)`. Candidates already
/// refuted are left out. Segmenter breaks that fall inside a grapheme
/// cluster are ignored: the segmenter proposes them on unusual sequences (ำ
/// after a space or an ideograph, a Thai mark on a flag), and honouring them
/// would split a cluster.
fn segment_ends(
    paragraph: &str,
    base: usize,
    cs: &[Cluster],
    breaks: &LineBreaks,
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
            ends.push((k, i));
        }
    }
    ends.push((cs.len(), END));
    ends
}

/// ๆ (repeat) and ฯ (abbreviation) belong to the word before them even
/// across a space (ต่าง ๆ, คณะทำงานฯ); UAX #14 allows a break there, but Thai
/// typography never starts a line with either.
fn starts_with_no_break_before(rest: &str) -> bool {
    rest.starts_with(['\u{0E46}', '\u{0E2F}'])
}

#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    cols: usize,
}

struct Wrapper {
    width: usize,
    lines: Vec<Range<usize>>,
    line: Option<Line>,
    /// Columns of the spaces after the line's last word: they only count if
    /// another word joins the line, otherwise they vanish at the break.
    pending_space: usize,
    /// Lay out a paragraph that fits in one go (off only to test that the
    /// shortcut agrees with the full fill).
    shortcut: bool,
    /// Keep each paragraph's breaks for the next wrap of the same text.
    remember: bool,
    /// Settle every break before filling (on only to test that asking the
    /// LSTM model lazily gives the same lines).
    eager: bool,
    /// The candidate break the current segment starts at.
    boundary: Option<usize>,
    /// The candidate breaks lines were ended at in this fill.
    used: Vec<usize>,
}

impl Wrapper {
    fn new(width: usize) -> Self {
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
        }
    }

    /// The lines of every paragraph of `text`.
    fn wrap(mut self, text: &str) -> Vec<Range<usize>> {
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
            super::segment::line_breaks(paragraph)
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
            self.fill(paragraph, range.start, &cs, &breaks);
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
    fn fill(&mut self, paragraph: &str, base: usize, cs: &[Cluster], breaks: &LineBreaks) {
        let mut first = 0;
        self.boundary = None;
        for (end, next) in segment_ends(paragraph, base, cs, breaks) {
            if end > first {
                self.segment(&cs[first..end]);
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

    fn segment(&mut self, seg: &[Cluster]) {
        // Spaces in front of a word are spaces between words (or the
        // paragraph's indent), never part of the word.
        let lead = seg.iter().take_while(|c| c.blank).count();
        if lead > 0 && lead < seg.len() {
            self.segment(&seg[..lead]);
            self.segment_word(&seg[lead..]);
            return;
        }
        self.segment_word(seg);
    }

    fn segment_word(&mut self, seg: &[Cluster]) {
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
        self.word(word);
        self.pending_space = space_cols;
    }

    fn word(&mut self, word: &[Cluster]) {
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
        if self.line.is_some()
            && let Some(at) = self.boundary.take()
        {
            self.used.push(at);
        }
        self.finish_line();
        if cols <= self.width {
            self.line = Some(Line { start, end, cols });
        } else {
            self.cut_word(word);
        }
    }

    /// Fills lines cluster by cluster; the last piece stays open so the next
    /// word can still join it.
    fn cut_word(&mut self, word: &[Cluster]) {
        for c in word {
            match self.line.as_mut() {
                Some(line) if line.cols + c.width <= self.width => {
                    line.end = c.end;
                    line.cols += c.width;
                }
                _ => {
                    self.finish_line();
                    self.line = Some(Line {
                        start: c.start,
                        end: c.end,
                        cols: c.width,
                    });
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_one_line_shortcut_agrees_with_the_full_fill(
            text in "[ ก-๛a-z\\u{1F600}\\n]{0,40}",
            width in 1usize..60,
        ) {
            let full = Wrapper {
                shortcut: false,
                ..Wrapper::new(width)
            };
            proptest::prop_assert_eq!(wrap(&text, width), full.wrap(&text));
        }

        #[test]
        fn asking_the_lstm_model_lazily_gives_the_same_lines(
            text in "[ ก-๛a-z.\\-0-9\u{1F600}\n]{0,60}",
            width in 1usize..30,
        ) {
            let eager = Wrapper {
                eager: true,
                remember: false,
                ..Wrapper::new(width)
            }
            .wrap(&text);
            proptest::prop_assert_eq!(wrap_once(&text, width), eager.clone());
            proptest::prop_assert_eq!(wrap(&text, width), eager);
        }
    }

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), vec![0..0]);
    }

    #[test]
    fn newlines_force_breaks() {
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(lines("a\r\nb\n", 10), ["a", "b", ""]);
    }

    #[test]
    fn spaces_at_breaks_are_dropped() {
        assert_eq!(lines("hello big world", 9), ["hello big", "world"]);
        assert_eq!(lines("hello    world", 5), ["hello", "world"]);
        assert_eq!(lines("  indented", 20), ["indented"]);
        assert_eq!(lines("   ", 2), [""]);
    }

    #[test]
    fn long_words_break_between_clusters() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("ที่นี่ที่นี่", 3), ["ที่นี่ที่", "นี่"]);
    }

    #[test]
    fn zero_width_counts_as_one() {
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }

    // Expected lines below were checked by hand: every break falls between
    // two Thai words. The dictionary does split some compounds into their
    // (real) parts, e.g. ขับ|เคลื่อน, ส่ง|เสริม, and at width 12 G3 gives
    // "…การทุจริตมิ" | "ชอบ…", splitting มิชอบ; those are not used here.

    #[test]
    fn thai_s3_clause_breaks_between_words() {
        let s3 = "สร้างความรู้ความเข้าใจในแนวทางการสนับสนุนแผนพัฒนาชุมชนและแผนพัฒนาตำบลที่สามารถแก้ไขปัญหาความต้องการของประชาชนได้";
        assert_eq!(
            lines(s3, 20),
            [
                "สร้างความรู้ความเข้าใจใน",
                "แนวทางการสนับสนุนแผน",
                "พัฒนาชุมชนและแผนพัฒนา",
                "ตำบลที่สามารถแก้ไขปัญหา",
                "ความต้องการของประชาชน",
                "ได้",
            ]
        );
    }

    #[test]
    fn thai_project_title_breaks_between_words() {
        let title = "โครงการประชุมเชิงปฏิบัติการสร้างความรู้ความเข้าใจเครือข่ายคณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับจังหวัด";
        assert_eq!(
            lines(title, 12),
            [
                "โครงการประชุม",
                "เชิงปฏิบัติการ",
                "สร้างความรู้",
                "ความเข้าใจ",
                "เครือข่ายคณะ",
                "กรรมการบริหาร",
                "ศูนย์ประสานงาน",
                "องค์การชุมชน",
                "ระดับจังหวัด",
            ]
        );
    }

    #[test]
    fn thai_g4_and_closing_break_between_words() {
        let g4 = "สนับสนุนกิจกรรมส่งเสริมการดำเนินงานตามปรัชญาของเศรษฐกิจพอเพียง";
        assert_eq!(
            lines(g4, 20),
            [
                "สนับสนุนกิจกรรมส่งเสริม",
                "การดำเนินงานตามปรัชญา",
                "ของเศรษฐกิจพอเพียง"
            ]
        );
        let closing = "ที่จะร่วมขับเคลื่อนงานพัฒนาชุมชนในพื้นที่ได้อย่างมีประสิทธิภาพและประสิทธิผลต่อไป";
        assert_eq!(
            lines(closing, 20),
            [
                "ที่จะร่วมขับเคลื่อนงานพัฒนา",
                "ชุมชนในพื้นที่ได้อย่างมี",
                "ประสิทธิภาพและประสิทธิผล",
                "ต่อไป",
            ]
        );
    }

    #[test]
    fn thai_village_plan() {
        let plan = "การจัดทำแผนหมู่บ้าน";
        assert_eq!(lines(plan, 8), ["การจัดทำ", "แผนหมู่บ้าน"]);
        assert_eq!(lines(plan, 12), ["การจัดทำแผน", "หมู่บ้าน"]);
        assert_eq!(lines(plan, 15), [plan]);
    }

    #[test]
    fn thai_with_spaces_g1_and_g3() {
        let g1 = "การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ตามห้วงเวลา";
        assert_eq!(
            lines(g1, 12),
            [
                "การจัดทำแผน",
                "หมู่บ้าน แผน",
                "ชุมชน แผนตำบล",
                "แผนอำเภอ ตาม",
                "ห้วงเวลา"
            ]
        );
        let g3 = "ร่วมเวทีประชาคม สนับสนุนกิจกรรมการมีส่วนร่วมของประชาชนต่าง ๆ เช่น การป้องกันแก้ไขปัญหายาเสพติด แก้ไขความขัดแย้งในชุมชน การป้องกันปราบปรามการทุจริตมิชอบ กิจกรรมสาธารณประโยชน์ เป็นต้น";
        assert_eq!(
            lines(g3, 20),
            [
                "ร่วมเวทีประชาคม สนับสนุน",
                "กิจกรรมการมีส่วนร่วมของ",
                "ประชาชนต่าง ๆ เช่น การ",
                "ป้องกันแก้ไขปัญหายาเสพติด",
                "แก้ไขความขัดแย้งในชุมชน",
                "การป้องกันปราบปรามการ",
                "ทุจริตมิชอบ กิจกรรม",
                "สาธารณประโยชน์ เป็นต้น",
            ]
        );
    }

    #[test]
    fn repeat_and_abbreviation_marks_never_start_a_line() {
        assert_eq!(lines("ประชาชนต่าง ๆ", 7), ["ประชาชน", "ต่าง ๆ"]);
        let review = "ทบทวนบทบาทหน้าที่แลกเปลี่ยนประสบการณ์ในการขับเคลื่อนงานหรือภารกิจที่สำคัญของคณะทำงานฯ";
        assert_eq!(
            lines(review, 12),
            [
                "ทบทวนบทบาท",
                "หน้าที่แลกเปลี่ยน",
                "ประสบการณ์ใน",
                "การขับเคลื่อน",
                "งานหรือภารกิจที่",
                "สำคัญของคณะ",
                "ทำงานฯ",
            ]
        );
    }

    #[test]
    fn overwide_cluster_sits_alone() {
        assert_eq!(lines("a👍b", 1), ["a", "👍", "b"]);
        assert_eq!(lines("日本語", 1), ["日", "本", "語"]);
    }
}

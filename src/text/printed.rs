//! Where a printed line may end, for a program that lays our text out
//! itself: a browser printing the HTML report, Word or LibreOffice the Word
//! report. Their own Thai line breakers split words a reader knows
//! (ขับ|เคลื่อน, ช่อง|ทาง); [`marks`] says, for one line of text, where a
//! line may end, which stretches must stay whole and where inside them a
//! breaker would otherwise end a line, so a writer can mark them in its
//! format.

use std::ops::Range;

use super::segment::LineBreaks;
use super::simple::joins_previous;
use super::syllable::thai_letter;
use super::width::str_width;

/// A known word wider than this many columns may part inside (where its
/// own known words meet): about the narrowest printed column, a SWOT
/// quadrant of the HTML report or a table cell of the Word report.
pub const NARROWEST_PRINTED_LINE: usize = 24;

/// What a writer marks in one line of text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// Places inside Thai (no space there) where a line may end.
    pub breaks: Vec<usize>,
    /// Stretches of Thai, between those places, that must stay on one
    /// line; only those of two clusters or more.
    pub holds: Vec<Range<usize>>,
    /// Places inside the holds where another program's breaker would end a
    /// line: where ICU's dictionary model proposes a break we do not take.
    pub joins: Vec<usize>,
}

/// The marks of `line`, one line of a text (no `'\n'`), as it is shown
/// (sanitised). A line without Thai has none.
pub fn marks(line: &str) -> Marks {
    if !line.chars().any(thai_letter) {
        return Marks::default();
    }
    // A report's texts are each laid out once: nothing to remember. Where
    // the dictionary model is unsure (an unknown word, an abbreviation)
    // the text is kept whole rather than ask the LSTM model of every text.
    let lb = LineBreaks::new(line);
    let ends = line_ends(line, &lb);
    let candidates = lb.candidates();
    let mut m = Marks {
        breaks: Vec::with_capacity(ends.len()),
        holds: Vec::with_capacity(ends.len() + 2),
        joins: Vec::with_capacity(candidates.len().saturating_sub(ends.len()) + lb.refused().len()),
    };
    // Where another program's breaker would end a line (see `joins`),
    // ascending: every candidate break, and those refused for splitting a
    // syllable. The two never share a place.
    let mut breakers = Merged::new(candidates, lb.refused());
    let mut ends = ends.iter().copied().peekable();
    for run in thai_runs(line) {
        while ends.next_if(|&b| b <= run.start).is_some() {}
        let mut from = run.start;
        loop {
            let end = match ends.next_if(|&b| b < run.end) {
                Some(b) => {
                    m.breaks.push(b);
                    b
                }
                None => run.end,
            };
            // Inside a piece: LibreOffice's breaker is ICU's dictionary
            // model, so it would end a line where that model proposes a
            // break we do not take (ขับ|เคลื่อน, ก|ลุ่ม), and nowhere else.
            let before = m.joins.len();
            while let Some(at) = breakers.next_below(end) {
                if at > from && line[at..].starts_with(starts_cluster) {
                    m.joins.push(at);
                }
            }
            if m.joins.len() > before || two_clusters(&line[from..end]) {
                m.holds.push(from..end);
            }
            if end == run.end {
                break;
            }
            from = end;
        }
    }
    m
}

/// Where a printed `line` (broken as `lb`) may end inside Thai and out:
/// the breaks that need no model asked, and, in a stretch between them
/// wider than any printed line, the weak breaks (inside known words) too.
fn line_ends(line: &str, lb: &LineBreaks) -> Vec<usize> {
    let candidates = lb.candidates();
    let mut ends = Vec::with_capacity(candidates.len());
    // The weak breaks since the last sure one, at `start`.
    let mut weak: Vec<usize> = Vec::new();
    let mut start = 0;
    for (i, &b) in candidates.iter().enumerate() {
        if lb.weak(i) {
            weak.push(b);
        } else if lb.is_sure(i) {
            keep_if_wide(&line[start..b], &mut weak, &mut ends);
            ends.push(b);
            start = b;
        }
    }
    keep_if_wide(&line[start..], &mut weak, &mut ends);
    ends
}

/// Moves the weak breaks of `stretch` (between two sure breaks) to `ends`
/// if it is wider than any printed line; else drops them.
fn keep_if_wide(stretch: &str, weak: &mut Vec<usize>, ends: &mut Vec<usize>) {
    if !weak.is_empty() && str_width(stretch) > NARROWEST_PRINTED_LINE {
        ends.append(weak);
    }
    weak.clear();
}

/// Two sorted lists with nothing in common, walked as one.
struct Merged<'a> {
    a: &'a [usize],
    b: &'a [usize],
}

impl<'a> Merged<'a> {
    fn new(a: &'a [usize], b: &'a [usize]) -> Self {
        Merged { a, b }
    }

    /// The next place, if it lies below `end`.
    fn next_below(&mut self, end: usize) -> Option<usize> {
        let next = match (self.a.first(), self.b.first()) {
            (Some(&x), Some(&y)) => x.min(y),
            (Some(&x), None) => x,
            (None, Some(&y)) => y,
            (None, None) => return None,
        };
        if next >= end {
            return None;
        }
        for list in [&mut self.a, &mut self.b] {
            if list.first() == Some(&next) {
                *list = &list[1..];
            }
        }
        Some(next)
    }
}

/// Whether `piece`, Thai letters, holds two grapheme clusters or more: a
/// cluster is a letter and the marks after it.
fn two_clusters(piece: &str) -> bool {
    piece.chars().skip(1).any(|c| !joins_previous(c))
}

/// A consonant or leading vowel: a cluster starts with it, so a mark put
/// before it sits between clusters.
fn starts_cluster(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E2E}' | '\u{0E40}'..='\u{0E44}')
}

/// The runs of Thai letters of `line`.
fn thai_runs(line: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (at, c) in line.char_indices() {
        if !thai_letter(c) {
            continue;
        }
        let end = at + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == at => run.end = end,
            _ => runs.push(at..end),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::simple::Clusters;

    /// [`marks`] as it was first written (letter by letter, each looked up
    /// in the breaks), to check the faster walk against.
    /// The marks of `line`, one line of a text (no `'\n'`), as it is shown
    /// (sanitised). A line without Thai has none.
    fn marks_as_before(line: &str) -> Marks {
        let mut m = Marks::default();
        if !line.chars().any(thai_letter) {
            return m;
        }
        // A report's texts are each laid out once: nothing to remember. Where
        // the dictionary model is unsure (an unknown word, an abbreviation)
        // the text is kept whole rather than ask the LSTM model of every text.
        let lb = LineBreaks::new(line);
        let mut ends: Vec<usize> = lb.sure();
        let weak: Vec<usize> = (0..lb.candidates().len())
            .filter(|&i| lb.weak(i))
            .map(|i| lb.candidates()[i])
            .collect();
        // A known word wider than any printed line may part where its own
        // words meet.
        let mut extra = Vec::new();
        let mut measured = usize::MAX;
        for &b in &weak {
            // The stretch between breaks that holds this weak break.
            let k = ends.partition_point(|&e| e <= b);
            let start = k.checked_sub(1).map_or(0, |k| ends[k]);
            let end = ends.get(k).copied().unwrap_or(line.len());
            if start != measured && str_width(&line[start..end]) > NARROWEST_PRINTED_LINE {
                extra.extend(weak.iter().copied().filter(|w| (start..end).contains(w)));
            }
            measured = start;
        }
        if !extra.is_empty() {
            ends.extend(extra);
            ends.sort_unstable();
            ends.dedup();
        }
        let mut letters: Vec<char> = Vec::new();
        let mut offsets: Vec<usize> = Vec::new();
        for run in thai_runs(line) {
            letters.clear();
            offsets.clear();
            for (at, c) in line[run.clone()].char_indices() {
                letters.push(c);
                offsets.push(run.start + at);
            }
            offsets.push(run.end);
            let first = m.breaks.len();
            m.breaks.extend(
                ends.iter()
                    .copied()
                    .filter(|&b| run.start < b && b < run.end),
            );
            let mut from = 0;
            let cuts: Vec<usize> = m.breaks[first..]
                .iter()
                .filter_map(|b| offsets.binary_search(b).ok())
                .chain([letters.len()])
                .collect();
            for end in cuts {
                // Inside a piece: LibreOffice's breaker is ICU's dictionary
                // model, so it would end a line where that model proposes a
                // break we do not take (ขับ|เคลื่อน, ก|ลุ่ม), and nowhere else.
                let inside = (from + 1..end).filter(|&i| {
                    let at = offsets[i];
                    starts_cluster(letters[i])
                        && (lb.candidates().binary_search(&at).is_ok()
                            || lb.refused().binary_search(&at).is_ok())
                });
                let before = m.joins.len();
                m.joins.extend(inside.map(|i| offsets[i]));
                let clusters = Clusters::new(&line[offsets[from]..offsets[end]])
                    .nth(1)
                    .is_some();
                if clusters || m.joins.len() > before {
                    m.holds.push(offsets[from]..offsets[end]);
                }
                from = end;
            }
        }
        m
    }

    /// Lines of Thai words (some wider than any printed line), unknown
    /// words, abbreviations, Latin, digits and spaces.
    fn line() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let words = prop::sample::select(vec![
            "ขับเคลื่อน",
            "ส่งเสริม",
            "ผู้อำนวยการกลุ่มงาน",
            "ช่องทาง",
            "มีส่วนร่วม",
            "อุบลราชธานี",
            "กฎมณเฑียรบาลว่าด้วยการสืบราชสันตติวงศ์",
            "ตลอดจนทบทวน",
            "โควิด",
            "จปฐ.",
            " ",
            "ฯ",
            " ๆ",
            "TPMAP",
            "2ค",
            "การก",
            "ลุ่ม",
            "เศรษฐกิจพอเพียง",
        ]);
        let piece = prop_oneof![words.prop_map(str::to_owned), "[ ก-๛a-z.\\-0-9]{0,12}"];
        prop::collection::vec(piece, 0..10).prop_map(|p| p.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]
        #[test]
        fn marks_are_what_they_were(line in line()) {
            proptest::prop_assert_eq!(marks(&line), marks_as_before(&line));
        }
    }

    fn pieces(line: &str) -> Vec<&str> {
        marks(line).holds.into_iter().map(|r| &line[r]).collect()
    }

    #[test]
    fn known_words_are_held_whole_and_parted_between() {
        let line = "ร่วมขับเคลื่อนงานพัฒนาชุมชน ส่งเสริมการมีส่วนร่วม รวบรวมช่องทางติดต่อ";
        let held = pieces(line);
        for word in ["ขับเคลื่อน", "ส่งเสริม", "ช่องทาง", "มีส่วนร่วม"]
        {
            assert!(held.iter().any(|h| h.contains(word)), "{word} in {held:?}");
        }
        let m = marks(line);
        assert!(m.breaks.contains(&"ร่วม".len()));
        // Nothing may end between ขับ and เคลื่อน, and a breaker would.
        let inside = "ร่วมขับ".len();
        assert!(!m.breaks.contains(&inside));
        assert!(m.joins.contains(&inside));
        // Every join lies inside a hold; every break between two.
        assert!(
            m.joins
                .iter()
                .all(|j| m.holds.iter().any(|h| h.start < *j && *j < h.end))
        );
    }

    #[test]
    fn lines_without_thai_have_no_marks() {
        assert_eq!(marks("Prepare village plans, 2021"), Marks::default());
        assert_eq!(marks(""), Marks::default());
    }

    #[test]
    fn a_known_word_wider_than_any_printed_line_parts_between_its_words() {
        let line = "กฎมณเฑียรบาลว่าด้วยการสืบราชสันตติวงศ์";
        assert!(str_width(line) > NARROWEST_PRINTED_LINE);
        assert!(!marks(line).breaks.is_empty(), "{:?}", marks(line));
    }
}

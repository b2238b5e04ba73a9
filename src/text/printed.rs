//! Where a printed line may end, for a program that lays our text out
//! itself: a browser printing the HTML report, Word or LibreOffice the Word
//! report. Their own Thai line breakers split words a reader knows
//! (ขับ|เคลื่อน, ช่อง|ทาง); [`marks`] says, for one line of text, where a
//! line may end, which stretches must stay whole and where inside them a
//! breaker would otherwise end a line, so a writer can mark them in its
//! format.

use std::ops::Range;

use super::segment::{dictionary_breaks, line_breaks};
use super::simple::Clusters;
use super::syllable::{may_end_line, thai_letter};
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
    /// Places inside the holds where another program's breaker might end
    /// a line: between syllables, or where ICU's dictionary model proposes.
    pub joins: Vec<usize>,
}

/// The marks of `line`, one line of a text (no `'\n'`), as it is shown
/// (sanitised). A line without Thai has none.
pub fn marks(line: &str) -> Marks {
    let mut m = Marks::default();
    if !line.chars().any(thai_letter) {
        return m;
    }
    let lb = line_breaks(line);
    let mut ends: Vec<usize> = lb.all(line);
    let weak: Vec<usize> = (0..lb.candidates().len())
        .filter(|&i| lb.weak(i))
        .map(|i| lb.candidates()[i])
        .collect();
    // A known word wider than any printed line may part where its own
    // words meet.
    let mut extra = Vec::new();
    for w in ends
        .windows(2)
        .map(|w| w[0]..w[1])
        .chain(first_piece(&ends))
    {
        if str_width(&line[w.clone()]) > NARROWEST_PRINTED_LINE {
            extra.extend(weak.iter().copied().filter(|b| w.contains(b)));
        }
    }
    ends.extend(extra);
    ends.sort_unstable();
    let proposed = dictionary_breaks(line);
    for run in thai_runs(line) {
        let inner: Vec<usize> = ends
            .iter()
            .copied()
            .filter(|&b| run.start < b && b < run.end)
            .collect();
        let mut from = run.start;
        for end in inner.iter().copied().chain([run.end]) {
            let piece = from..end;
            let clusters: Vec<usize> = Clusters::new(&line[piece.clone()])
                .map(|(at, _)| piece.start + at)
                .skip(1)
                .collect();
            if !clusters.is_empty() {
                m.joins.extend(
                    clusters.into_iter().filter(|&at| {
                        may_end_line(line, at) || proposed.binary_search(&at).is_ok()
                    }),
                );
                m.holds.push(piece);
            }
            from = end;
        }
        m.breaks.extend(inner);
    }
    m
}

/// The piece from the line's start to its first break, if any break.
fn first_piece(ends: &[usize]) -> Option<Range<usize>> {
    ends.first().map(|&e| 0..e)
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

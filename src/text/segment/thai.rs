//! What the Thai of a text says about a proposed break: whether it splits
//! a syllable ([`crate::text::syllable`]) or a word a reader knows
//! ([`crate::text::words`]), and where two known words meet.

use std::ops::Range;

use crate::text::syllable::{may_end_before, thai_letter};
use crate::text::words::{letter_byte, prefixes};

/// What a break at one place would do to the Thai around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It splits a syllable: never.
    Splits,
    /// It falls inside a known word: only where that word alone is wider
    /// than the line.
    InsideWord,
    /// Nothing Thai stands against it.
    Free,
}

/// One run of Thai letters and what is known of it.
struct Run {
    letters: Vec<char>,
    /// Byte offsets in the text: where each letter starts, then the end.
    offsets: Vec<usize>,
    /// Per letter: the dictionary's break before it splits a syllable.
    splits: Vec<bool>,
    /// Per letter: it lies inside a known word (a break before it splits
    /// the word).
    inside: Vec<bool>,
    /// Letters before which one known word ends and another begins.
    junctions: Vec<usize>,
}

/// The runs of Thai letters of one text.
pub struct ThaiText {
    runs: Vec<Run>,
}

impl ThaiText {
    /// The Thai of `s`, judged against `proposed`, the dictionary model's
    /// breaks (ascending byte offsets).
    pub fn new(s: &str, proposed: &[usize]) -> ThaiText {
        let mut runs = Vec::new();
        let mut chars = s.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !thai_letter(c) {
                continue;
            }
            let mut letters = vec![c];
            let mut offsets = vec![start];
            while let Some(&(at, c)) = chars.peek() {
                if !thai_letter(c) {
                    break;
                }
                letters.push(c);
                offsets.push(at);
                chars.next();
            }
            let end = chars.peek().map_or(s.len(), |&(at, _)| at);
            offsets.push(end);
            let from = proposed.partition_point(|&b| b <= start);
            let to = proposed.partition_point(|&b| b < end);
            let inner: Vec<usize> = proposed[from..to]
                .iter()
                .filter_map(|b| offsets.binary_search(b).ok())
                .collect();
            runs.push(Run::new(letters, offsets, &inner));
        }
        ThaiText { runs }
    }

    /// The run holding byte `at` strictly inside it, and the letter `at`
    /// starts.
    fn locate(&self, at: usize) -> Option<(&Run, usize)> {
        let k = self.runs.partition_point(|r| r.offsets[0] < at);
        let run = self.runs.get(k.checked_sub(1)?)?;
        let letter = run.offsets.binary_search(&at).ok()?;
        (letter + 1 < run.offsets.len()).then_some((run, letter))
    }

    /// What a break at byte `at` would do.
    pub fn verdict(&self, at: usize) -> Verdict {
        match self.locate(at) {
            Some((run, i)) if run.splits[i] || !may_end_before(&run.letters, i) => Verdict::Splits,
            Some((run, i)) if run.inside[i] => Verdict::InsideWord,
            _ => Verdict::Free,
        }
    }

    /// Byte offsets where one known word ends and another begins, with no
    /// known word across, next to a break of the dictionary's that splits
    /// a syllable: ผู้อำนวยการ|กลุ่มงาน, where it proposes การก|ลุ่ม.
    pub fn junctions(&self) -> impl Iterator<Item = usize> + '_ {
        self.runs
            .iter()
            .flat_map(|r| r.junctions.iter().map(|&i| r.offsets[i]))
    }
}

impl Run {
    /// `proposed`: the letters the dictionary proposes a break before.
    fn new(letters: Vec<char>, offsets: Vec<usize>, proposed: &[usize]) -> Run {
        let n = letters.len();
        let ok = |i: usize| may_end_before(&letters, i);
        // Where a known word may start or end: the run's ends, the
        // dictionary's breaks, and, around a break of its that splits a
        // syllable, the syllable boundaries either side (its parse is
        // wrong there, so the words it missed may begin and end there).
        let mut aligned = vec![false; n + 1];
        aligned[0] = true;
        aligned[n] = true;
        let mut splits = vec![false; n];
        let mut repaired = Vec::new();
        for &i in proposed {
            if ok(i) {
                aligned[i] = true;
                continue;
            }
            splits[i] = true;
            let before = (1..i).rev().find(|&j| ok(j)).unwrap_or(0);
            let after = (i + 1..n).find(|&j| ok(j)).unwrap_or(n);
            for j in [before, after] {
                if !aligned[j] {
                    aligned[j] = true;
                    repaired.push(j);
                }
            }
        }
        let bytes: Vec<u8> = letters
            .iter()
            .map(|&c| letter_byte(c).unwrap_or(0))
            .collect();
        // Known words between aligned places, by start. A word that starts
        // or ends elsewhere is another reading than the dictionary's
        // (โครง|การประชุม for โครงการ|ประชุม) and says nothing.
        let mut words: Vec<Range<usize>> = Vec::new();
        for start in (0..n).filter(|&j| aligned[j]) {
            prefixes(&bytes[start..], |len| {
                if aligned[start + len] {
                    words.push(start..start + len);
                }
            });
        }
        let mut inside = vec![false; n];
        let mut starts = vec![false; n + 1];
        let mut ends = vec![false; n + 1];
        // Letters below `marked` are settled: a later word starts no
        // earlier, so what lies inside it below `marked` is marked.
        let mut marked = 0;
        for w in &words {
            starts[w.start] = true;
            ends[w.end] = true;
            let from = (w.start + 1).max(marked);
            if from < w.end {
                inside[from..w.end].fill(true);
            }
            marked = marked.max(w.end);
        }
        repaired.sort_unstable();
        let junctions = repaired
            .into_iter()
            .filter(|&i| 0 < i && i < n && starts[i] && ends[i] && !inside[i])
            .collect();
        Run {
            letters,
            offsets,
            splits,
            inside,
            junctions,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, before: &str) -> usize {
        s.find(before).map_or(usize::MAX, |i| i + before.len())
    }

    fn thai(s: &str) -> ThaiText {
        let proposed: Vec<usize> = super::super::LINE_DICTIONARY.segment_str(s).collect();
        ThaiText::new(s, &proposed)
    }

    #[test]
    fn the_dictionary_s_cut_in_a_cluster_is_refused() {
        let s = "ผู้อำนวยการกลุ่มงาน";
        let t = thai(s);
        assert_eq!(t.verdict(at(s, "การก")), Verdict::Splits);
        assert_eq!(t.verdict(at(s, "ผู้อำนวย")), Verdict::InsideWord);
        assert_eq!(t.verdict(at(s, "ผู้")), Verdict::InsideWord);
        assert_eq!(t.verdict(at(s, "ผู้อำนวยการ")), Verdict::Free);
        assert!(t.junctions().any(|j| j == at(s, "ผู้อำนวยการ")));
    }

    #[test]
    fn everyday_words_are_inside_words() {
        for (s, cut) in [
            ("ร่วมขับเคลื่อนงาน", "ร่วมขับ"),
            ("จัดเวทีแลกเปลี่ยนถึง", "จัดเวทีแลก"),
            ("ครัวเรือนยากจน", "ครัว"),
            ("ภาคีเครือข่ายสำคัญ", "ภาคีเครือ"),
            ("ตามปรัชญาของเศรษฐกิจพอเพียง", "ตามปรัชญาของเศรษฐกิจพอ"),
            ("แก้ไขความขัดแย้งในชุมชน", "แก้ไขความขัด"),
        ] {
            assert_eq!(thai(s).verdict(at(s, cut)), Verdict::InsideWord, "{s}");
        }
    }

    #[test]
    fn breaks_outside_thai_are_free() {
        let s = "ศอช. ok ครัวเรือน";
        let t = thai(s);
        assert_eq!(t.verdict(0), Verdict::Free);
        assert_eq!(t.verdict(at(s, "ศอช. ")), Verdict::Free);
        assert_eq!(t.verdict(at(s, "ศอ")), Verdict::Splits);
        assert_eq!(t.verdict(s.len()), Verdict::Free);
    }
}

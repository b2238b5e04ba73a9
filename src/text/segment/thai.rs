//! What the Thai of a text says about a proposed break: whether it splits
//! a syllable ([`crate::text::syllable`]) or a word a reader knows
//! ([`crate::text::words`]), and where two known words meet.

use crate::text::syllable::{may_cut_before, may_end_before, thai_letter};
use crate::text::words::prefixes;

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

/// Per letter: the dictionary's break before it splits a syllable.
const SPLITS: u8 = 1;
/// Per letter: it lies inside a known word.
const INSIDE: u8 = 2;
/// Per letter: a known word may start (or end) before it.
const ALIGNED: u8 = 4;
/// Per letter: a known word starts at it.
const STARTS: u8 = 8;
/// Per letter: a known word ends before it.
const ENDS: u8 = 16;
/// Per letter: it starts a run of Thai letters.
const RUN_START: u8 = 32;

/// The Thai letters of one text and what is known of each, in one pass
/// and three buffers (this runs for every text that wraps).
pub struct ThaiText {
    /// Per letter, in text order: its byte offset.
    at: Vec<usize>,
    flags: Vec<u8>,
    /// Byte offsets where one known word ends and another begins.
    junctions: Vec<usize>,
}

impl ThaiText {
    /// The Thai of `s`, judged against `proposed`, the dictionary model's
    /// breaks (ascending byte offsets).
    pub fn new(s: &str, proposed: &[usize]) -> ThaiText {
        // A Thai letter is three bytes.
        let room = s.len() / 3 + 1;
        let mut t = ThaiText {
            at: Vec::with_capacity(room),
            flags: Vec::with_capacity(room),
            junctions: Vec::new(),
        };
        let mut letters: Vec<char> = Vec::with_capacity(room);
        let mut previous_end = usize::MAX;
        for (at, c) in s.char_indices() {
            if thai_letter(c) {
                t.flags.push(if at == previous_end { 0 } else { RUN_START });
                t.at.push(at);
                letters.push(c);
                previous_end = at + c.len_utf8();
            }
        }
        let mut proposed = proposed.iter().copied().peekable();
        // Buffers every run reuses: most texts have a few runs.
        let mut inner = Vec::new();
        let mut repaired = Vec::new();
        let mut start = 0;
        while start < letters.len() {
            let end = (start + 1..letters.len())
                .find(|&i| t.flags[i] & RUN_START != 0)
                .unwrap_or(letters.len());
            let run_end = t.at[end - 1] + letters[end - 1].len_utf8();
            // The dictionary's breaks strictly inside the run, as letters.
            inner.clear();
            let mut k = start;
            while let Some(b) = proposed.next_if(|&b| b < run_end) {
                while k < end && t.at[k] < b {
                    k += 1;
                }
                if k > start && k < end && t.at[k] == b {
                    inner.push(k - start);
                }
            }
            // A run the dictionary proposes no break in has nothing to
            // judge: no break of its lies inside a word or splits a syllable.
            if !inner.is_empty() {
                t.judge_run(&letters[start..end], start, &inner, &mut repaired);
            }
            start = end;
        }
        t
    }

    /// Judges the run `letters`, whose first letter is letter `base` of
    /// the text; `proposed`: the letters (in the run) the dictionary
    /// proposes a break before; `repaired`: a buffer.
    fn judge_run(
        &mut self,
        letters: &[char],
        base: usize,
        proposed: &[usize],
        repaired: &mut Vec<usize>,
    ) {
        let n = letters.len();
        let ok = |i: usize| may_end_before(letters, i);
        let flags = &mut self.flags[base..base + n];
        // Where a known word may start or end: the run's ends, the
        // dictionary's breaks, and, around a break of its that splits a
        // syllable, the syllable boundaries either side (its parse is
        // wrong there, so the words it missed may begin and end there).
        flags[0] |= ALIGNED;
        repaired.clear();
        for &i in proposed {
            if ok(i) {
                flags[i] |= ALIGNED;
                continue;
            }
            flags[i] |= SPLITS;
            // Refused only by the cautious rules (a run of bare consonants,
            // จน|ทบทวน), the dictionary's word still ends here: ตลอดจน
            // counts. Refused by the core (การก|ลุ่ม), its reading is wrong.
            if may_cut_before(letters, i) {
                flags[i] |= ALIGNED;
            }
            let before = (1..i).rev().find(|&j| ok(j)).unwrap_or(0);
            let after = (i + 1..n).find(|&j| ok(j)).unwrap_or(n);
            for j in [before, after] {
                if j < n && flags[j] & ALIGNED == 0 {
                    flags[j] |= ALIGNED;
                    repaired.push(j);
                }
            }
        }
        let aligned = |flags: &[u8], i: usize| i == n || flags[i] & ALIGNED != 0;
        // Known words between aligned places, by start. A word that starts
        // or ends elsewhere is another reading than the dictionary's
        // (โครง|การประชุม for โครงการ|ประชุม) and says nothing. Letters
        // below `marked` are settled: a later word starts no earlier, so
        // what lies inside it below `marked` is marked.
        let mut marked = 0;
        for start in 0..n {
            if flags[start] & ALIGNED == 0 {
                continue;
            }
            prefixes(&letters[start..], |len| {
                let end = start + len;
                if !aligned(flags, end) {
                    return;
                }
                flags[start] |= STARTS;
                if end < n {
                    flags[end] |= ENDS;
                }
                let from = (start + 1).max(marked);
                if from < end {
                    for f in &mut flags[from..end] {
                        *f |= INSIDE;
                    }
                }
                marked = marked.max(end);
            });
        }
        repaired.sort_unstable();
        for &j in repaired.iter() {
            let f = flags[j];
            if j > 0 && f & (STARTS | ENDS) == STARTS | ENDS && f & INSIDE == 0 {
                self.junctions.push(self.at[base + j]);
            }
        }
    }

    /// What a break at byte `at` would do.
    pub fn verdict(&self, at: usize) -> Verdict {
        let Ok(i) = self.at.binary_search(&at) else {
            return Verdict::Free;
        };
        let f = self.flags[i];
        if f & RUN_START != 0 {
            Verdict::Free
        } else if f & SPLITS != 0 {
            Verdict::Splits
        } else if f & INSIDE != 0 {
            Verdict::InsideWord
        } else {
            Verdict::Free
        }
    }

    /// Byte offsets where one known word ends and another begins, with no
    /// known word across, next to a break of the dictionary's that splits
    /// a syllable: ผู้อำนวยการ|กลุ่มงาน, where it proposes การก|ลุ่ม.
    pub fn junctions(&self) -> impl Iterator<Item = usize> + '_ {
        self.junctions.iter().copied()
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
    fn a_word_ending_where_only_the_cautious_rules_refuse_still_counts() {
        // The dictionary proposes ตลอด|จน|ทบทวน; จน|ทบทวน is refused (a run
        // of bare consonants), yet ตลอดจน is still a word there.
        let s = "ในปัจจุบัน ตลอดจนทบทวนบทบาทหน้าที่";
        assert_eq!(thai(s).verdict(at(s, "ตลอด")), Verdict::InsideWord);
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

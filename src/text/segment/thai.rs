//! What the Thai of a text says about a proposed break: whether it splits
//! a syllable ([`crate::text::syllable`]) or a word a reader knows
//! ([`crate::text::words`]), and where two known words meet.

use crate::text::syllable::{may_cut_before, may_end_before, thai_letter};
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

/// The buffers one text's analysis fills, kept from text to text so that
/// judging a text allocates nothing once they have grown (this runs for
/// every text that wraps and every text a report prints).
#[derive(Default)]
pub struct Buffers {
    /// Per letter, in text order: its byte offset.
    at: Vec<usize>,
    flags: Vec<u8>,
    letters: Vec<char>,
    /// Per letter: as the word list spells it ([`crate::text::words`]).
    codes: Vec<u8>,
    /// Per proposed break: what it would do.
    verdicts: Vec<Verdict>,
    /// Byte offsets where one known word ends and another begins.
    junctions: Vec<usize>,
    /// Per run: the letters the dictionary proposes a break before.
    inner: Vec<usize>,
    /// Per run: the places taken as word ends around a refused break.
    repaired: Vec<usize>,
}

/// The Thai letters of one text and what is known of each, in one pass.
pub struct ThaiText<'a> {
    b: &'a mut Buffers,
}

impl<'a> ThaiText<'a> {
    /// The Thai of `s`, judged against `proposed`, the dictionary model's
    /// breaks (ascending byte offsets), in `buffers`.
    pub fn new(s: &str, proposed: &[usize], buffers: &'a mut Buffers) -> ThaiText<'a> {
        let Buffers {
            at,
            flags,
            letters,
            codes,
            verdicts,
            junctions,
            inner,
            repaired,
        } = &mut *buffers;
        at.clear();
        flags.clear();
        letters.clear();
        codes.clear();
        junctions.clear();
        verdicts.clear();
        // A break at no letter, or where a run of letters starts, is free.
        verdicts.resize(proposed.len(), Verdict::Free);
        let mut previous_end = usize::MAX;
        for (i, c) in s.char_indices() {
            if thai_letter(c) {
                flags.push(if i == previous_end { 0 } else { RUN_START });
                at.push(i);
                letters.push(c);
                codes.push(letter_byte(c).unwrap_or(0));
                previous_end = i + c.len_utf8();
            }
        }
        let mut proposed = proposed.iter().copied().enumerate().peekable();
        let mut start = 0;
        while start < letters.len() {
            let end = (start + 1..letters.len())
                .find(|&i| flags[i] & RUN_START != 0)
                .unwrap_or(letters.len());
            let run_end = at[end - 1] + letters[end - 1].len_utf8();
            // The dictionary's breaks strictly inside the run: (index in
            // `proposed`, letter in the run).
            inner.clear();
            let mut k = start;
            while let Some((p, b)) = proposed.next_if(|&(_, b)| b < run_end) {
                while k < end && at[k] < b {
                    k += 1;
                }
                if k > start && k < end && at[k] == b {
                    inner.push(p);
                    inner.push(k - start);
                }
            }
            // A run the dictionary proposes no break in has nothing to
            // judge: no break of its lies inside a word or splits a syllable.
            if !inner.is_empty() {
                let run = Run {
                    letters: &letters[start..end],
                    codes: &codes[start..end],
                    at: &at[start..end],
                };
                let flags = &mut flags[start..end];
                judge_run(&run, flags, inner, repaired, junctions);
                for pair in inner.chunks_exact(2) {
                    verdicts[pair[0]] = verdict_of(flags[pair[1]]);
                }
            }
            start = end;
        }
        ThaiText { b: buffers }
    }

    /// What a break at byte `at` would do.
    #[cfg(test)]
    pub fn verdict(&self, at: usize) -> Verdict {
        match self.b.at.binary_search(&at) {
            Ok(i) => verdict_of(self.b.flags[i]),
            Err(_) => Verdict::Free,
        }
    }

    /// Per proposed break, in order: what it would do.
    pub fn verdicts(&self) -> &[Verdict] {
        &self.b.verdicts
    }

    /// Byte offsets where one known word ends and another begins, with no
    /// known word across, next to a break of the dictionary's that splits
    /// a syllable: ผู้อำนวยการ|กลุ่มงาน, where it proposes การก|ลุ่ม. A
    /// break there is free: no word lies across it, and it splits no
    /// syllable.
    pub fn junctions(&self) -> impl Iterator<Item = usize> + '_ {
        self.b.junctions.iter().copied()
    }
}

/// One run of Thai letters: the letters, their codes in the word list and
/// their byte offsets in the text.
struct Run<'a> {
    letters: &'a [char],
    codes: &'a [u8],
    at: &'a [usize],
}

/// What a break before a letter flagged `f` would do.
fn verdict_of(f: u8) -> Verdict {
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

/// Judges `run`, flagging each letter in `flags`; `inner`: pairs of (a
/// proposed break, the letter in the run it is before); `repaired`: a
/// buffer; known words' junctions go to `junctions`.
fn judge_run(
    run: &Run,
    flags: &mut [u8],
    inner: &[usize],
    repaired: &mut Vec<usize>,
    junctions: &mut Vec<usize>,
) {
    let letters = run.letters;
    let n = letters.len();
    let ok = |i: usize| may_end_before(letters, i);
    // Where a known word may start or end: the run's ends, the
    // dictionary's breaks, and, around a break of its that splits a
    // syllable, the syllable boundaries either side (its parse is
    // wrong there, so the words it missed may begin and end there).
    flags[0] |= ALIGNED;
    repaired.clear();
    for &i in inner.iter().skip(1).step_by(2) {
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
        prefixes(&run.codes[start..], |len| {
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
            junctions.push(run.at[j]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str, before: &str) -> usize {
        s.find(before).map_or(usize::MAX, |i| i + before.len())
    }

    /// The verdict of a break at `at` in `s`, and the junctions of `s`.
    fn thai(s: &str, at: usize) -> (Verdict, Vec<usize>) {
        let proposed: Vec<usize> = super::super::LINE_DICTIONARY.segment_str(s).collect();
        let mut buffers = Buffers::default();
        let t = ThaiText::new(s, &proposed, &mut buffers);
        (t.verdict(at), t.junctions().collect())
    }

    fn verdict(s: &str, at: usize) -> Verdict {
        thai(s, at).0
    }

    #[test]
    fn the_dictionary_s_cut_in_a_cluster_is_refused() {
        let s = "ผู้อำนวยการกลุ่มงาน";
        assert_eq!(verdict(s, at(s, "การก")), Verdict::Splits);
        assert_eq!(verdict(s, at(s, "ผู้อำนวย")), Verdict::InsideWord);
        assert_eq!(verdict(s, at(s, "ผู้")), Verdict::InsideWord);
        let (free, junctions) = thai(s, at(s, "ผู้อำนวยการ"));
        assert_eq!(free, Verdict::Free);
        assert!(junctions.contains(&at(s, "ผู้อำนวยการ")));
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
            assert_eq!(verdict(s, at(s, cut)), Verdict::InsideWord, "{s}");
        }
    }

    #[test]
    fn a_word_ending_where_only_the_cautious_rules_refuse_still_counts() {
        // The dictionary proposes ตลอด|จน|ทบทวน; จน|ทบทวน is refused (a run
        // of bare consonants), yet ตลอดจน is still a word there.
        let s = "ในปัจจุบัน ตลอดจนทบทวนบทบาทหน้าที่";
        assert_eq!(verdict(s, at(s, "ตลอด")), Verdict::InsideWord);
    }

    #[test]
    fn breaks_outside_thai_are_free() {
        let s = "ศอช. ok ครัวเรือน";
        assert_eq!(verdict(s, 0), Verdict::Free);
        assert_eq!(verdict(s, at(s, "ศอช. ")), Verdict::Free);
        assert_eq!(verdict(s, at(s, "ศอ")), Verdict::Splits);
        assert_eq!(verdict(s, s.len()), Verdict::Free);
    }
}

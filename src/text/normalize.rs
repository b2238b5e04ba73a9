//! Treating common Thai spelling variants as the same text.
//!
//! Thai marks stack on a consonant, so several typing orders render alike:
//! tone before vowel, ํ + า instead of ำ, a mark struck twice. Search,
//! duplicate detection and merging must see through these, and the text box
//! tidies them when an entry is committed.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{canonical_combining_class, is_combining_mark};

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';

/// Text in the form used for comparison: NFC, then [`normalize_marks`].
pub fn normalize(s: &str) -> String {
    let nfc: String = s.nfc().collect();
    normalize_marks(&nfc)
}

/// Only the Thai fixes, leaving everything else exactly as typed:
/// ํา becomes ำ, the marks on each consonant are put in the canonical order
/// (vowel above or below, then tone, then ์ or ํ), a mark repeated straight
/// away counts once, and a tone typed after ำ moves before it (นำ้ → น้ำ).
pub fn normalize_marks(s: &str) -> String {
    let mut chars = decompose_sara_am(s);
    move_tones_before_sara_am(&mut chars);
    sort_mark_runs(&mut chars);
    compose_sara_am(&chars)
}

/// Lower-cased, whitespace-collapsed [`normalize`], for matching search
/// queries and spotting duplicates.
pub fn search_key(s: &str) -> String {
    normalize(s)
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether [`normalize`] leaves `marks` (the marks after one Thai letter)
/// as they are: Thai marks only, in canonical order, none twice, and no ํ
/// (which may be half of a ำ). Lets a caller skip the general path for the
/// Thai that is already well typed, which is nearly all of it.
pub(crate) fn thai_marks_in_order(marks: &str) -> bool {
    let mut last = None;
    for c in marks.chars() {
        if !is_thai_mark(c) || c == NIKHAHIT {
            return false;
        }
        let order = mark_order(c);
        if last.is_some_and(|l| l >= order) {
            return false;
        }
        last = Some(order);
    }
    true
}

/// The order a mark takes among the marks on one consonant, or `None` for
/// anything that is not a Thai combining mark.
fn mark_rank(c: char) -> Option<u8> {
    match c {
        '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}' => Some(0),
        '\u{0E48}'..='\u{0E4B}' => Some(1),
        '\u{0E4C}'..='\u{0E4E}' => Some(2),
        _ => None,
    }
}

fn is_tone(c: char) -> bool {
    mark_rank(c) == Some(1)
}

fn is_thai_mark(c: char) -> bool {
    mark_rank(c).is_some()
}

/// Position in the canonical order. The combining class breaks ties so the
/// result stays in NFC: ฺ (class 9) before ุ ู (103) before the tones (107).
fn mark_order(c: char) -> (u8, u8) {
    (mark_rank(c).unwrap_or(3), canonical_combining_class(c))
}

/// Length of the run of combining marks starting `chars`, and whether all
/// of them are Thai. Runs that mix in another script's marks keep the order
/// NFC gave them: moving Thai marks past, say, an acute accent could undo
/// NFC's own ordering and make the result depend on how often it is applied.
fn mark_run(chars: &[char]) -> (usize, bool) {
    let len = chars.iter().take_while(|&&c| is_combining_mark(c)).count();
    (len, chars[..len].iter().all(|&c| is_thai_mark(c)))
}

fn thai_run_ends_at(chars: &[char], end: usize) -> bool {
    chars[..end]
        .iter()
        .rev()
        .take_while(|&&c| is_combining_mark(c))
        .all(|&c| is_thai_mark(c))
}

/// ำ is spelled out as ํ + า so that its ํ takes part in the ordering and a
/// ํา typed by hand meets the same rules.
fn decompose_sara_am(s: &str) -> Vec<char> {
    let mut chars = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c == SARA_AM {
            chars.extend([NIKHAHIT, SARA_AA]);
        } else {
            chars.push(c);
        }
    }
    chars
}

/// A tone after the า of ำ belongs on the consonant, before the ํ; other
/// marks typed there stay where they are.
fn move_tones_before_sara_am(chars: &mut [char]) {
    let mut i = 1;
    while i < chars.len() {
        if chars[i - 1] == NIKHAHIT && chars[i] == SARA_AA {
            let (after, thai_after) = mark_run(&chars[i + 1..]);
            let end = i + 1 + after;
            if thai_after && thai_run_ends_at(chars, i - 1) {
                chars[i - 1..end].sort_by_key(|&c| sara_am_order(c));
            }
            i = end;
        }
        i += 1;
    }
}

fn sara_am_order(c: char) -> u8 {
    match c {
        c if is_tone(c) => 0,
        NIKHAHIT | SARA_AA => 1,
        _ => 2,
    }
}

/// Puts each all-Thai run of marks in canonical order and drops repeats.
fn sort_mark_runs(chars: &mut Vec<char>) {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let (len, thai) = mark_run(&chars[i..]);
        if len == 0 {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut run = chars[i..i + len].to_vec();
        if thai {
            run.sort_by_key(|&c| mark_order(c));
            run.dedup();
        }
        out.append(&mut run);
        i += len;
    }
    *chars = out;
}

fn compose_sara_am(chars: &[char]) -> String {
    let mut out = String::with_capacity(chars.len() * 3);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == NIKHAHIT && chars.get(i + 1) == Some(&SARA_AA) {
            out.push(SARA_AM);
            i += 2;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nikhahit_plus_sara_aa_is_sara_am() {
        assert_eq!(normalize("ท\u{0E4D}\u{0E32}"), "ทำ");
        assert_eq!(normalize("จัดท\u{0E4D}\u{0E32}แผน"), "จัดทำแผน");
        assert_eq!(normalize("น\u{0E49}\u{0E4D}\u{0E32}"), "น้ำ");
    }

    #[test]
    fn tone_before_vowel_is_reordered() {
        // ที่ typed as ท + ่ + ี.
        assert_eq!(normalize("ท\u{0E48}\u{0E35}"), "ที่");
        assert_eq!(normalize("ก\u{0E49}\u{0E34}น"), "กิ้น");
        assert_eq!(normalize("ห\u{0E48}\u{0E39}"), "หู่");
        assert_eq!(normalize("ท\u{0E4C}\u{0E31}"), "ทั์");
    }

    #[test]
    fn tone_after_sara_am_moves_before_it() {
        assert_eq!(normalize("น\u{0E33}\u{0E49}"), "น้ำ");
        assert_eq!(normalize("น\u{0E4D}\u{0E49}\u{0E32}"), "น้ำ");
    }

    #[test]
    fn only_tones_leave_the_sara_am() {
        assert_eq!(
            normalize("\u{0E33}\u{0E4C}\u{0E48}"),
            "\u{0E48}\u{0E33}\u{0E4C}"
        );
        let once = normalize("น\u{0E33}\u{0E4C}\u{0E49}");
        assert_eq!(normalize(&once), once);
    }

    #[test]
    fn marks_mixed_with_other_scripts_keep_nfc_order() {
        let once = normalize("\u{0301}\u{0E4C}\u{0E48}");
        assert_eq!(normalize(&once), once);
        assert_eq!(
            normalize("ก\u{0E38}\u{0E4C}\u{0E3A}"),
            "ก\u{0E3A}\u{0E38}\u{0E4C}"
        );
    }

    #[test]
    fn doubled_mark_counts_once() {
        assert_eq!(normalize("ที่\u{0E48}"), "ที่");
        assert_eq!(normalize("ที\u{0E35}่"), "ที่");
    }

    #[test]
    fn well_formed_thai_is_unchanged() {
        for s in ["ที่", "การจัดทำแผนหมู่บ้าน", "น้ำ", "กิ้น", "พัฒนาการจังหวัด", "ศักดิ์"]
        {
            assert_eq!(normalize(s), s);
        }
    }

    #[test]
    fn nfc_composes_latin() {
        assert_eq!(normalize("cafe\u{0301}"), "café");
        assert_eq!(normalize("cafe\u{0301}"), normalize("café"));
    }

    #[test]
    fn normalize_marks_keeps_other_text() {
        assert_eq!(
            normalize_marks("cafe\u{0301} ท\u{0E48}\u{0E35}"),
            "cafe\u{0301} ที่"
        );
    }

    #[test]
    fn search_key_folds_case_and_spaces() {
        assert_eq!(search_key("  TPMAP   ข้อมูล\tหมู่บ้าน "), "tpmap ข้อมูล หมู่บ้าน");
        assert_eq!(search_key("น\u{0E4D}\u{0E49}\u{0E32}"), search_key("น้ำ"));
    }
}

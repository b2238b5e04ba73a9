//! Cursor movement and deletion in a text box.
//!
//! Cursor positions are byte offsets on grapheme-cluster boundaries, so the
//! cursor can never stand between a Thai consonant and its marks (inside ที่).
//! Every function accepts any offset, even past the end or inside a UTF-8
//! sequence, and clamps it, because offsets may come from stale state.

use unicode_segmentation::UnicodeSegmentation;

/// Dictionary-based for the same reason as the line segmenter in `wrap`: the
/// LSTM model cuts inside Thai words on the workshop texts.
/// Cluster boundaries of `s`, including 0 and `s.len()`.
fn boundaries(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    s.grapheme_indices(true)
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
}

/// Largest char boundary at or below `at`, clamped to the string.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The largest cluster boundary at or below `at`; offsets past the end give
/// `s.len()`.
pub fn snap_to_cluster(s: &str, at: usize) -> usize {
    if at >= s.len() {
        return s.len();
    }
    boundaries(s).take_while(|&b| b <= at).last().unwrap_or(0)
}

/// The smallest cluster boundary at or above `at`.
fn ceil_to_cluster(s: &str, at: usize) -> usize {
    boundaries(s).find(|&b| b >= at).unwrap_or(s.len())
}

/// The cluster boundary before `at` (0 at the start); an offset past the
/// end counts as the end.
pub fn prev_cluster(s: &str, at: usize) -> usize {
    let at = at.min(s.len());
    boundaries(s).take_while(|&b| b < at).last().unwrap_or(0)
}

/// The cluster boundary after `at` (`s.len()` at the end).
pub fn next_cluster(s: &str, at: usize) -> usize {
    boundaries(s).find(|&b| b > at).unwrap_or(s.len())
}

/// Byte ranges of the words in `s` (letters or numbers, Thai words included),
/// widened to whole clusters so a word edge is always a cursor position.
fn words(s: &str) -> Vec<(usize, usize)> {
    super::segment::word_spans(s)
        .into_iter()
        .map(|(start, end)| (snap_to_cluster(s, start), ceil_to_cluster(s, end)))
        .collect()
}

/// Ctrl-→: the end of the word the cursor is in, or of the next word,
/// skipping spaces and punctuation; the end of the text when no word follows.
pub fn next_word(s: &str, at: usize) -> usize {
    let at = snap_to_cluster(s, at);
    words(s)
        .into_iter()
        .map(|(_, end)| end)
        .find(|&end| end > at)
        .unwrap_or(s.len())
}

/// Ctrl-←: the start of the word the cursor is in, or of the previous word,
/// skipping spaces and punctuation; 0 when no word precedes.
pub fn prev_word(s: &str, at: usize) -> usize {
    let at = snap_to_cluster(s, at);
    words(s)
        .into_iter()
        .map(|(start, _)| start)
        .rfind(|&start| start < at)
        .unwrap_or(0)
}

/// Backspace: removes exactly one code point before `at`, because Thai
/// typists fix the last mark they typed (ที่ becomes ที), not the whole
/// cluster. Returns the new cursor, snapped to a cluster boundary since the
/// remaining characters may now form a different cluster.
pub fn delete_code_point_before(s: &mut String, at: usize) -> usize {
    let at = floor_char_boundary(s, at);
    let Some(c) = s[..at].chars().next_back() else {
        return 0;
    };
    let start = at - c.len_utf8();
    s.replace_range(start..at, "");
    snap_to_cluster(s, start)
}

/// Delete: removes the whole cluster after the cursor (all of ที่).
pub fn delete_cluster_after(s: &mut String, at: usize) {
    let at = snap_to_cluster(s, at);
    let end = next_cluster(s, at);
    s.replace_range(at..end, "");
}

#[cfg(test)]
mod tests {
    use super::*;

    const VILLAGE_PLAN: &str = "การจัดทำแผนหมู่บ้าน";

    #[test]
    fn arrows_step_over_whole_clusters() {
        let s = "ที่นี่";
        assert_eq!(next_cluster(s, 0), 9);
        assert_eq!(next_cluster(s, 9), 18);
        assert_eq!(next_cluster(s, 18), 18);
        assert_eq!(prev_cluster(s, 18), 9);
        assert_eq!(prev_cluster(s, 9), 0);
        assert_eq!(prev_cluster(s, 0), 0);
        assert_eq!(next_cluster("กำ", 0), 6);
    }

    #[test]
    fn never_inside_thi() {
        let s = "ที่";
        for at in 0..=12 {
            let snapped = snap_to_cluster(s, at);
            assert!(snapped == 0 || snapped == 9, "{at} -> {snapped}");
            assert!(matches!(next_cluster(s, at), 9));
            assert_eq!(prev_cluster(s, at), 0);
        }
    }

    #[test]
    fn snapping_clamps_bad_offsets() {
        assert_eq!(snap_to_cluster("", 5), 0);
        assert_eq!(snap_to_cluster("ก", 1), 0);
        assert_eq!(snap_to_cluster("กข", 4), 3);
        assert_eq!(snap_to_cluster("กข", 99), 6);
    }

    #[test]
    fn backspace_removes_only_the_last_mark() {
        let mut s = String::from("ที่");
        assert_eq!(delete_code_point_before(&mut s, 9), 6);
        assert_eq!(s, "ที");
        assert_eq!(delete_code_point_before(&mut s, 6), 3);
        assert_eq!(s, "ท");
        assert_eq!(delete_code_point_before(&mut s, 3), 0);
        assert_eq!(s, "");
        assert_eq!(delete_code_point_before(&mut s, 0), 0);
    }

    #[test]
    fn backspace_resnaps_when_clusters_merge() {
        // Two flags 🇦🇨 🇦: removing 🇨 fuses the remaining indicators.
        let mut s = String::from("\u{1F1E6}\u{1F1E8}\u{1F1E6}");
        assert_eq!(delete_code_point_before(&mut s, 8), 0);
        assert_eq!(s, "\u{1F1E6}\u{1F1E6}");
    }

    #[test]
    fn backspace_inside_a_char_clamps() {
        let mut s = String::from("กข");
        assert_eq!(delete_code_point_before(&mut s, 4), 0);
        assert_eq!(s, "ข");
    }

    #[test]
    fn delete_removes_the_whole_cluster() {
        let mut s = String::from("ที่นี่");
        delete_cluster_after(&mut s, 0);
        assert_eq!(s, "นี่");
        delete_cluster_after(&mut s, 9);
        assert_eq!(s, "นี่");
        delete_cluster_after(&mut s, 4);
        assert_eq!(s, "");
    }

    #[test]
    fn ctrl_right_stops_at_thai_word_ends() {
        let mut stops = Vec::new();
        let mut at = 0;
        while at < VILLAGE_PLAN.len() {
            at = next_word(VILLAGE_PLAN, at);
            stops.push(&VILLAGE_PLAN[..at]);
        }
        assert_eq!(stops, ["การ", "การจัดทำ", "การจัดทำแผน", "การจัดทำแผนหมู่บ้าน"]);
    }

    #[test]
    fn ctrl_left_stops_at_thai_word_starts() {
        let mut stops = Vec::new();
        let mut at = VILLAGE_PLAN.len();
        while at > 0 {
            at = prev_word(VILLAGE_PLAN, at);
            stops.push(&VILLAGE_PLAN[at..]);
        }
        assert_eq!(stops, ["หมู่บ้าน", "แผนหมู่บ้าน", "จัดทำแผนหมู่บ้าน", VILLAGE_PLAN]);
    }

    #[test]
    fn word_moves_skip_spaces_and_punctuation() {
        let s = "แผนชุมชน, แผนตำบล";
        let comma = s.find(',').unwrap_or_default();
        assert_eq!(next_word(s, comma), s.len() - "ตำบล".len());
        assert_eq!(prev_word(s, comma + 2), s.find("ชุมชน").unwrap_or_default());
        assert_eq!(next_word("hello, world", 5), 12);
        assert_eq!(prev_word("hello, world", 7), 0);
        assert_eq!(next_word("  ", 0), 2);
        assert_eq!(prev_word("  ", 2), 0);
    }
}

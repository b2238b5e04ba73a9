//! Making a phone's text fit to go on the board: the same rules as any
//! other text (sanitised, Thai marks normalised), on one line, trimmed and
//! capped in length.

use unicode_segmentation::UnicodeSegmentation;

use crate::text::normalize::normalize;
use crate::text::sanitize::for_display;

/// Longest item text kept, in grapheme clusters.
pub const MAX_TEXT: usize = 280;
/// Longest group name kept, in grapheme clusters.
pub const MAX_GROUP: usize = 40;

/// `raw` as it may reach the inbox: line breaks and tabs become spaces
/// (a board item is one line), then NFC and Thai mark order, then every
/// remaining control or bidi character made visible or removed, whitespace
/// collapsed and trimmed, and at most `max` grapheme clusters kept.
pub fn clean(raw: &str, max: usize) -> String {
    let flat: String = raw
        .chars()
        .map(|c| match c {
            '\r' | '\n' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => ' ',
            c => c,
        })
        .collect();
    let shown = for_display(&normalize(&flat)).into_owned();
    let words: Vec<&str> = shown.split_whitespace().collect();
    let joined = words.join(" ");
    let mut out = String::with_capacity(joined.len());
    for g in joined.graphemes(true).take(max) {
        out.push_str(g);
    }
    // Cutting may leave a space at the end.
    let kept = out.trim_end().len();
    out.truncate(kept);
    out
}

/// `raw` [`clean`]ed, or `None` when nothing the sender typed would show:
/// blank text, or control characters only. Cleaning keeps a control as its
/// picture (ESC as ␛), which shows something nobody typed.
pub fn clean_visible(raw: &str, max: usize) -> Option<String> {
    let typed: String = raw.chars().filter(|c| !c.is_control()).collect();
    if clean(&typed, max).is_empty() {
        return None;
    }
    Some(clean(raw, max))
}

/// A group name: cleaned like text, `None` when nothing visible is left.
pub fn clean_group(raw: &str) -> Option<String> {
    clean_visible(raw, MAX_GROUP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn lines_join_and_space_collapses() {
        assert_eq!(clean("  ถนน\r\nชำรุด\t\tมาก  ", MAX_TEXT), "ถนน ชำรุด มาก");
    }

    #[test]
    fn escapes_are_made_visible() {
        assert_eq!(clean("\u{1b}[31mแดง", MAX_TEXT), "␛[31mแดง");
        assert_eq!(clean("a\u{202E}b", MAX_TEXT), "ab");
    }

    #[test]
    fn thai_marks_are_normalised() {
        // Tone typed after ำ moves before it.
        assert_eq!(clean("นำ\u{0E49}", MAX_TEXT), "น\u{0E49}ำ");
    }

    #[test]
    fn length_is_capped_on_a_cluster_boundary() {
        let long = "ที่".repeat(400);
        let out = clean(&long, MAX_TEXT);
        assert_eq!(out.graphemes(true).count(), MAX_TEXT);
        assert!(out.graphemes(true).all(|g| g == "ที่"));
    }

    #[test]
    fn text_of_controls_only_shows_nothing() {
        for raw in [
            "",
            " \r\n ",
            "\u{1b}",
            "\u{1b}\u{7}\u{85}",
            "\u{200b}\u{202e}\u{1b}",
        ] {
            assert_eq!(clean_visible(raw, MAX_TEXT), None, "{raw:?}");
        }
        assert_eq!(
            clean_visible("\u{1b}[31mแดง", MAX_TEXT).as_deref(),
            Some("␛[31mแดง")
        );
        // A picture typed as itself is text like any other.
        assert_eq!(clean_visible("␛", MAX_TEXT).as_deref(), Some("␛"));
    }

    #[test]
    fn empty_group_is_none() {
        assert_eq!(clean_group("   \n"), None);
        assert_eq!(clean_group("\u{1b}"), None);
        assert_eq!(clean_group(" กลุ่ม 1 ").as_deref(), Some("กลุ่ม 1"));
    }

    proptest! {
        /// Nothing a phone sends reaches the inbox raw: no control
        /// character (so no escape sequence), no bidi control, no line break,
        /// and cleaning again changes nothing.
        #[test]
        fn no_control_survives(raw in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f\u{202a}-\u{202e}\u{2066}-\u{2069}\u{0e00}-\u{0e7f} a]{0,60}") {
            let out = clean(&raw, MAX_TEXT);
            prop_assert!(!out.chars().any(|c| c.is_control()), "{out:?}");
            prop_assert!(!out.chars().any(crate::text::sanitize::is_bidi_control), "{out:?}");
            let separators = out.contains(['\u{2028}', '\u{2029}']);
            prop_assert!(!separators);
            prop_assert_eq!(out.trim(), out.as_str());
            let again = for_display(&out).into_owned();
            prop_assert_eq!(again, out);
        }
    }
}

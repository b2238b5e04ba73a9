//! The text box's state: a string and a cursor, edited one [`TextEdit`] at a
//! time.
//!
//! The cursor is a byte offset that always sits on a grapheme-cluster
//! boundary, so it can never stand inside ที่. Every edit snaps it back onto
//! a boundary, because inserting or deleting a mark can merge or split
//! clusters around it. Nothing here panics, whatever the edit sequence.

use crate::text::normalize::normalize_marks;

use crate::text::cursor::{
    delete_cluster_after, delete_code_point_before, next_cluster, next_word, prev_cluster,
    prev_word, snap_to_cluster,
};

/// What is being typed into an entry, with its cursor.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TextBox {
    text: String,
    /// Byte offset, always on a grapheme-cluster boundary.
    cursor: usize,
}

/// One editing step, already decoded from a key or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextEdit {
    /// A typed character; control characters are ignored.
    Insert(char),
    /// A bracketed paste, inserted whole (see [`clean_paste`]).
    Paste(String),
    /// Removes one code point before the cursor (ที่ becomes ที).
    Backspace,
    /// Removes the whole cluster after the cursor (all of ที่).
    Delete,
    Left,
    Right,
    /// Start of the current line.
    Home,
    /// End of the current line.
    End,
    WordLeft,
    WordRight,
    /// A line break, in a paragraph field (the details form's objective).
    Newline,
}

impl TextBox {
    /// A box holding `initial` with the cursor at its end.
    pub fn new(initial: &str) -> Self {
        TextBox {
            text: initial.to_owned(),
            cursor: initial.len(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Byte offset of the cursor in [`Self::text`], on a cluster boundary.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Applies one edit; never panics, and leaves the cursor on a cluster
    /// boundary.
    pub fn apply(&mut self, edit: TextEdit) {
        let at = snap_to_cluster(&self.text, self.cursor);
        self.cursor = match edit {
            TextEdit::Insert(c) if c.is_control() => at,
            TextEdit::Newline => {
                self.text.insert(at, '\n');
                ceil_to_cluster(&self.text, at + 1)
            }
            TextEdit::Insert(c) => {
                self.text.insert(at, c);
                ceil_to_cluster(&self.text, at + c.len_utf8())
            }
            TextEdit::Paste(pasted) => {
                let clean = clean_paste(&pasted);
                self.text.insert_str(at, &clean);
                ceil_to_cluster(&self.text, at + clean.len())
            }
            TextEdit::Backspace => delete_code_point_before(&mut self.text, at),
            TextEdit::Delete => {
                delete_cluster_after(&mut self.text, at);
                at
            }
            TextEdit::Left => prev_cluster(&self.text, at),
            TextEdit::Right => next_cluster(&self.text, at),
            TextEdit::Home => self.text[..at].rfind('\n').map_or(0, |i| i + 1),
            TextEdit::End => self.text[at..]
                .find('\n')
                .map_or(self.text.len(), |i| at + i),
            TextEdit::WordLeft => prev_word(&self.text, at),
            TextEdit::WordRight => next_word(&self.text, at),
        };
        // A no-op for most edits; after Delete or Home/End next to "\r\n"
        // (possible in text loaded from a file) it moves off a split cluster.
        self.cursor = snap_to_cluster(&self.text, self.cursor);
    }

    /// True when nothing visible was typed: only whitespace, controls and
    /// invisible format characters (zero-width space, joiners, bidi marks).
    pub fn is_blank(&self) -> bool {
        is_blank(&self.text)
    }
}

/// What a facilitator typed, as it is stored: marks in canonical order,
/// no surrounding whitespace.
pub fn tidy(text: &str) -> String {
    normalize_marks(text.trim())
}

/// Text that shows nothing: whitespace, controls and invisible format
/// characters only. Such text never becomes an entry.
pub fn is_blank(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_whitespace() || c.is_control() || is_invisible_format(c))
}

/// A paste as it goes into the text: line ends become `'\n'` (from "\r\n"
/// and a lone "\r"), a tab becomes a space, and other control characters
/// (C0, DEL and C1) are dropped, so an ESC in a paste can never reach the
/// stored text. Everything else, marks and emoji included, is kept.
pub fn clean_paste(pasted: &str) -> String {
    let mut out = String::with_capacity(pasted.len());
    let mut chars = pasted.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push('\n');
            }
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The smallest cluster boundary at or above `at`: after an insertion the
/// cursor goes after what was typed, even when it fused with the next cluster.
fn ceil_to_cluster(s: &str, at: usize) -> usize {
    let floor = snap_to_cluster(s, at);
    if floor >= at {
        floor
    } else {
        next_cluster(s, floor)
    }
}

fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}'
        | '\u{034F}'
        | '\u{180E}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    const VILLAGE_PLAN: &str = "การจัดทำแผนหมู่บ้าน";

    fn typed(s: &str) -> TextBox {
        let mut tb = TextBox::default();
        for c in s.chars() {
            tb.apply(TextEdit::Insert(c));
        }
        tb
    }

    fn at(text: &str, cursor: usize) -> TextBox {
        TextBox {
            text: text.to_owned(),
            cursor,
        }
    }

    /// The text before the cursor after each of `edit` until it stops moving.
    fn stops(mut tb: TextBox, edit: TextEdit) -> Vec<String> {
        let mut out = Vec::new();
        loop {
            let before = tb.cursor();
            tb.apply(edit.clone());
            if tb.cursor() == before {
                return out;
            }
            out.push(tb.text()[..tb.cursor()].to_owned());
        }
    }

    fn is_cluster_boundary(s: &str, at: usize) -> bool {
        at == s.len() || s.grapheme_indices(true).any(|(i, _)| i == at)
    }

    #[test]
    fn new_puts_the_cursor_at_the_end() {
        let tb = TextBox::new("ที่นี่");
        assert_eq!(tb.text(), "ที่นี่");
        assert_eq!(tb.cursor(), "ที่นี่".len());
        assert_eq!(TextBox::new("").cursor(), 0);
    }

    #[test]
    fn typing_thai_char_by_char() {
        let tb = typed("ประชุม");
        assert_eq!(tb.text(), "ประชุม");
        assert_eq!(tb.cursor(), "ประชุม".len());
    }

    #[test]
    fn typing_marks_builds_one_cluster() {
        let mut tb = TextBox::default();
        tb.apply(TextEdit::Insert('ท'));
        assert_eq!(tb.cursor(), 3);
        tb.apply(TextEdit::Insert('\u{0E35}'));
        assert_eq!(tb.cursor(), 6);
        tb.apply(TextEdit::Insert('\u{0E48}'));
        assert_eq!((tb.text(), tb.cursor()), ("ที่", 9));
    }

    #[test]
    fn typing_in_the_middle() {
        let mut tb = at("ที่ทำ", 9);
        tb.apply(TextEdit::Insert('ก'));
        assert_eq!((tb.text(), tb.cursor()), ("ที่กทำ", 12));
        // A mark typed at a boundary joins the cluster before it.
        let mut tb = at("กข", 3);
        tb.apply(TextEdit::Insert('\u{0E48}'));
        assert_eq!((tb.text(), tb.cursor()), ("ก่ข", 6));
    }

    #[test]
    fn insertion_that_fuses_with_the_next_cluster_goes_after_it() {
        // A base typed before an orphan mark takes the mark.
        let mut tb = at("\u{0E48}", 0);
        tb.apply(TextEdit::Insert('ก'));
        assert_eq!((tb.text(), tb.cursor()), ("ก\u{0E48}", 6));
    }

    #[test]
    fn control_characters_are_not_typed() {
        for c in ['\u{1b}', '\n', '\r', '\t', '\0', '\u{7f}', '\u{9b}'] {
            let mut tb = TextBox::new("ab");
            tb.apply(TextEdit::Insert(c));
            assert_eq!((tb.text(), tb.cursor()), ("ab", 2), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn arrows_stop_only_at_cluster_boundaries() {
        let right = stops(at("ที่ทำ", 0), TextEdit::Right);
        // ทำ is one cluster too: ำ is a spacing vowel of its consonant.
        assert_eq!(right, ["ที่", "ที่ทำ"]);
        let left = stops(TextBox::new("ที่ทำ"), TextEdit::Left);
        assert_eq!(left, ["ที่", ""]);
        let right = stops(at("กที่x", 0), TextEdit::Right);
        assert_eq!(right, ["ก", "กที่", "กที่x"]);
    }

    #[test]
    fn backspace_removes_one_code_point() {
        let mut tb = TextBox::new("ที่");
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("ที", 6));
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("ท", 3));
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("", 0));
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("", 0));
    }

    #[test]
    fn backspace_in_the_middle_keeps_the_rest() {
        let mut tb = at("ที่ทำ", 9);
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("ทีทำ", 6));
        let mut tb = at("ที่ทำ", 0);
        tb.apply(TextEdit::Backspace);
        assert_eq!((tb.text(), tb.cursor()), ("ที่ทำ", 0));
    }

    #[test]
    fn delete_removes_the_cluster_after() {
        let mut tb = at("ที่ทำ", 0);
        tb.apply(TextEdit::Delete);
        assert_eq!((tb.text(), tb.cursor()), ("ทำ", 0));
        tb.apply(TextEdit::Delete);
        assert_eq!((tb.text(), tb.cursor()), ("", 0));
        tb.apply(TextEdit::Delete);
        assert_eq!((tb.text(), tb.cursor()), ("", 0));
        let mut tb = TextBox::new("ที่");
        tb.apply(TextEdit::Delete);
        assert_eq!((tb.text(), tb.cursor()), ("ที่", 9));
    }

    #[test]
    fn home_and_end_on_one_line() {
        let mut tb = at("แผนชุมชน", 9);
        tb.apply(TextEdit::Home);
        assert_eq!(tb.cursor(), 0);
        tb.apply(TextEdit::End);
        assert_eq!(tb.cursor(), "แผนชุมชน".len());
    }

    #[test]
    fn home_and_end_stay_on_the_current_line() {
        let text = "แผน\nชุมชน\nตำบล";
        let second = text.find("ชุมชน").unwrap_or_default();
        let mut tb = at(text, second + 6);
        tb.apply(TextEdit::Home);
        assert_eq!(tb.cursor(), second);
        tb.apply(TextEdit::End);
        assert_eq!(tb.cursor(), second + "ชุมชน".len());
        tb.apply(TextEdit::End);
        assert_eq!(tb.cursor(), second + "ชุมชน".len());
        let mut tb = at(text, 0);
        tb.apply(TextEdit::End);
        assert_eq!(tb.cursor(), "แผน".len());
        let mut tb = TextBox::new(text);
        tb.apply(TextEdit::Home);
        assert_eq!(tb.cursor(), text.len() - "ตำบล".len());
    }

    #[test]
    fn end_before_a_crlf_does_not_split_it() {
        let mut tb = at("ab\r\ncd", 0);
        tb.apply(TextEdit::End);
        assert_eq!(tb.cursor(), 2);
    }

    #[test]
    fn word_moves_stop_at_thai_words() {
        // Only boundaries both Thai models agree on: จัดทำ and หมู่บ้าน stay
        // whole; no stop falls inside a word.
        let right = stops(at(VILLAGE_PLAN, 0), TextEdit::WordRight);
        assert_eq!(right, ["การ", "การจัดทำ", "การจัดทำแผน", VILLAGE_PLAN]);
        let left = stops(TextBox::new(VILLAGE_PLAN), TextEdit::WordLeft);
        let starts: Vec<&str> = left
            .iter()
            .map(|before| &VILLAGE_PLAN[before.len()..])
            .collect();
        assert_eq!(starts, ["หมู่บ้าน", "แผนหมู่บ้าน", "จัดทำแผนหมู่บ้าน", VILLAGE_PLAN]);
    }

    #[test]
    fn paste_arrives_whole_with_line_ends_normalised() {
        let mut tb = TextBox::default();
        tb.apply(TextEdit::Paste("a\r\nb".into()));
        assert_eq!((tb.text(), tb.cursor()), ("a\nb", 3));
        let mut tb = TextBox::default();
        tb.apply(TextEdit::Paste("a\rb\r\r\nc\n".into()));
        assert_eq!(tb.text(), "a\nb\n\nc\n");
    }

    #[test]
    fn paste_drops_controls_and_turns_tabs_into_spaces() {
        let mut tb = TextBox::new("ก");
        tb.apply(TextEdit::Paste("\u{1b}[31mแดง\tx\u{7f}\u{9b}\0".into()));
        assert_eq!(tb.text(), "ก[31mแดง x");
        assert_eq!(tb.cursor(), tb.text().len());
    }

    #[test]
    fn paste_in_the_middle_keeps_marks_and_emoji() {
        let mut tb = at("ที่ทำ", 9);
        tb.apply(TextEdit::Paste("👨\u{200D}👩 นี่".into()));
        assert_eq!(tb.text(), "ที่👨\u{200D}👩 นี่ทำ");
        assert_eq!(&tb.text()[..tb.cursor()], "ที่👨\u{200D}👩 นี่");
    }

    #[test]
    fn every_edit_on_an_empty_box_is_harmless() {
        let edits = [
            TextEdit::Backspace,
            TextEdit::Delete,
            TextEdit::Left,
            TextEdit::Right,
            TextEdit::Home,
            TextEdit::End,
            TextEdit::WordLeft,
            TextEdit::WordRight,
            TextEdit::Paste(String::new()),
            TextEdit::Paste("\u{1b}\u{7}".into()),
            TextEdit::Insert('\u{1b}'),
        ];
        for edit in edits {
            let mut tb = TextBox::default();
            tb.apply(edit.clone());
            assert_eq!(tb, TextBox::default(), "{edit:?}");
        }
    }

    #[test]
    fn stale_cursor_is_clamped() {
        let mut tb = at("ที่", 100);
        tb.apply(TextEdit::Left);
        assert_eq!(tb.cursor(), 0);
        let mut tb = at("ที่", 4);
        tb.apply(TextEdit::Insert('ก'));
        assert_eq!((tb.text(), tb.cursor()), ("กที่", 3));
    }

    #[test]
    fn blankness() {
        assert!(TextBox::default().is_blank());
        assert!(TextBox::new(" \n\t\u{3000}").is_blank());
        assert!(TextBox::new("\u{200B}\u{200F}\u{FEFF}").is_blank());
        assert!(!TextBox::new(" ก ").is_blank());
        assert!(!TextBox::new("\u{0E48}").is_blank());
    }

    /// Thai consonants, vowels and marks, Latin with a combining accent,
    /// wide and emoji clusters (joiner, skin tone, flags), Hangul jamo,
    /// invisible formats, bidi controls and C0/C1 controls.
    const POOL: &str = "กทนมเแาำ\u{0E31}\u{0E34}\u{0E35}\u{0E38}\u{0E47}\u{0E48}\u{0E49}\u{0E4C}\u{0E4D}ๆฯ aé\u{0301}日👍👨\u{1F3FD}\u{200D}\u{FE0F}\u{1F1E6}\u{1F1E8}\u{200B}\u{200F}\u{202E}\u{1b}\n\r\t\0\u{7f}\u{85}\u{9b}\u{1100}\u{1161}\u{11A8}";

    fn any_char() -> impl Strategy<Value = char> {
        prop::sample::select(POOL.chars().collect::<Vec<_>>())
    }

    fn any_edit() -> impl Strategy<Value = TextEdit> {
        prop_oneof![
            4 => any_char().prop_map(TextEdit::Insert),
            1 => prop::collection::vec(any_char(), 0..12)
                .prop_map(|cs| TextEdit::Paste(cs.into_iter().collect())),
            8 => crate::app::tests::support::cursor_edits(),
        ]
    }

    proptest! {
        #[test]
        fn any_edit_sequence_keeps_the_cursor_on_a_boundary(
            initial in prop::collection::vec(any_char(), 0..8),
            start in 0usize..40,
            edits in prop::collection::vec(any_edit(), 0..40),
        ) {
            let initial: String = initial.into_iter().collect();
            // Even a stale cursor that is off any boundary must be survived.
            let mut tb = TextBox { text: initial, cursor: start };
            for edit in edits {
                let typed = matches!(
                    edit,
                    TextEdit::Insert(_) | TextEdit::Paste(_) | TextEdit::Newline
                );
                let before = tb.text.clone();
                tb.apply(edit);
                prop_assert!(tb.cursor() <= tb.text().len());
                prop_assert!(
                    is_cluster_boundary(tb.text(), tb.cursor()),
                    "cursor {} inside a cluster of {:?}", tb.cursor(), tb.text()
                );
                // Typing never brings in a control other than the newlines of a paste.
                if typed {
                    let new_controls = |s: &str| {
                        s.chars().filter(|&c| c.is_control() && c != '\n').count()
                    };
                    prop_assert!(new_controls(tb.text()) <= new_controls(&before));
                }
            }
        }
    }
}

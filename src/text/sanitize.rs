//! Making untrusted text safe and legible on a terminal.
//!
//! Session files and pastes can carry control characters (an ESC would let
//! text drive the terminal), bidi overrides (which reorder what is shown
//! versus what is stored) and combining marks with nothing to sit on (a Thai
//! tone mark at the start of an entry would draw over the border cell).

use std::borrow::Cow;

use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Shown for a C1 control (U+0080–U+009F). They have no Control Picture of
/// their own; U+FFFD says "something unprintable was here" and is one
/// column wide in every terminal.
pub const C1_REPLACEMENT: char = '\u{FFFD}';

/// The base given to a combining mark that has none, as Unicode's own charts
/// and Thai textbooks show a lone mark.
pub const DOTTED_CIRCLE: char = '\u{25CC}';

/// `s` with every control character made visible, bidi controls removed and
/// a dotted circle put under each combining mark that has no base.
///
/// C0 controls become their Control Pictures (ESC shows as ␛, tab as ␉,
/// newline as ␊, so split on `'\n'` first if lines should break), DEL becomes
/// ␡ and C1 controls become [`C1_REPLACEMENT`]. A mark has no base when its
/// grapheme cluster starts with it (at the start of the text, after a control
/// or after a removed bidi control) or when it sits on a whitespace
/// character. Returns the input borrowed when nothing needed changing.
pub fn for_display(s: &str) -> Cow<'_, str> {
    if plainly_displayable(s) {
        return Cow::Borrowed(s);
    }
    fix_clusters(s)
}

/// [`for_display`] cluster by cluster.
fn fix_clusters(s: &str) -> Cow<'_, str> {
    let mut out: Option<String> = None;
    for (at, g) in s.grapheme_indices(true) {
        match (fix_cluster(g), out.as_mut()) {
            (Some(fixed), Some(buf)) => buf.push_str(&fixed),
            (Some(fixed), None) => out = Some(format!("{}{fixed}", &s[..at])),
            (None, Some(buf)) => buf.push_str(g),
            (None, None) => {}
        }
    }
    match out {
        Some(fixed) => Cow::Owned(fixed),
        None => Cow::Borrowed(s),
    }
}

/// Text that needs no fixing, found without walking its clusters (the
/// common case, and `show --board` of a large session sanitises every
/// item): printable ASCII, Thai, and the punctuation the reports write
/// between them (· • – — … and curly quotes), each Thai mark right after a
/// Thai character, so that no cluster starts with a mark or draws nothing.
fn plainly_displayable(s: &str) -> bool {
    let thai = |c: char| matches!(c, '\u{0E01}'..='\u{0E3A}' | '\u{0E3F}'..='\u{0E5B}');
    let thai_mark =
        |c: char| matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
    let mut prev = None;
    for c in s.chars() {
        let fine = match c {
            ' '..='~' | '·' | '•' | '–' | '—' | '…' | '‘' | '’' | '“' | '”' => {
                true
            }
            c if thai_mark(c) => prev.is_some_and(thai),
            c => thai(c),
        };
        if !fine {
            return false;
        }
        prev = Some(c);
    }
    true
}

/// The displayable form of one cluster, or `None` when it is fine as is.
fn fix_cluster(g: &str) -> Option<String> {
    let needs_base = orphan_mark_at(g);
    // A cluster that draws nothing (a zero-width space, a stray joiner) is
    // dropped by the terminal layer; dropping it here too keeps the clusters
    // we lay out the same as the cells drawn, so neighbours that join once it
    // is gone (👍 ZWJ ZWSP 👍) are measured joined.
    if needs_base.is_none()
        && unicode_width::UnicodeWidthStr::width(g) == 0
        && !g.contains(is_control_like)
    {
        return Some(String::new());
    }
    let clean = g.chars().all(|c| display_char(c) == Some(c));
    if clean && needs_base.is_none() {
        return None;
    }
    let mut fixed = String::with_capacity(g.len() + 3);
    for (i, c) in g.char_indices() {
        if needs_base == Some(i) {
            fixed.push(DOTTED_CIRCLE);
        }
        fixed.extend(display_char(c));
    }
    Some(fixed)
}

/// Byte offset in the cluster of a combining mark that has no base.
fn orphan_mark_at(g: &str) -> Option<usize> {
    let mut chars = g.char_indices();
    let (_, first) = chars.next()?;
    if is_visible_mark(first) {
        return Some(0);
    }
    match chars.next() {
        Some((i, second)) if first.is_whitespace() && is_visible_mark(second) => Some(i),
        _ => None,
    }
}

/// General category M, except the invisible selectors (a variation
/// selector or grapheme joiner on its own draws nothing, and a dotted circle
/// would show something that is not there) and the few spacing marks that
/// never join a cluster (a circle could not hold them, and sanitising again
/// would add another).
fn is_visible_mark(c: char) -> bool {
    is_combining_mark(c) && !is_invisible_selector(c) && joins_dotted_circle(c)
}

fn joins_dotted_circle(c: char) -> bool {
    let mut pair = String::with_capacity(8);
    pair.push(DOTTED_CIRCLE);
    pair.push(c);
    pair.graphemes(true).nth(1).is_none()
}

fn is_invisible_selector(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'
            | '\u{180B}'..='\u{180D}'
            | '\u{180F}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

/// Characters that become a visible picture rather than vanish.
fn is_control_like(c: char) -> bool {
    c.is_control()
}

/// What one character becomes on screen; `None` removes it.
fn display_char(c: char) -> Option<char> {
    match c {
        '\u{00}'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some(C1_REPLACEMENT),
        // Line and paragraph separators would break a drawn line like a newline.
        '\u{2028}' | '\u{2029}' => Some('\u{2424}'),
        c if is_bidi_control(c) => None,
        c => Some(c),
    }
}

/// Embeddings, overrides, isolates and the directional marks (Unicode's
/// Bidi_Control set, which includes the Arabic letter mark U+061C): all of
/// them can make stored text read differently from how it is shown.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Appends `s` to `out` safe inside HTML text and double-quoted attributes:
/// the reports and the room's page share it.
pub fn push_html_escaped(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The shortcut only passes text the full walk leaves alone.
        #[test]
        fn plain_text_needs_no_fixing(s in "[a ~กีั่ำเฯ\u{0E4E}\u{0E3A}\n\u{200B}·•–—…‘’“”]{0,12}") {
            if plainly_displayable(&s) {
                prop_assert!(matches!(fix_clusters(&s), Cow::Borrowed(_)));
            }
        }
    }

    #[test]
    fn marks_without_a_thai_base_take_the_long_way() {
        assert!(plainly_displayable("ที่ประชุม 2 ครั้ง"));
        assert!(plainly_displayable("• ขาดงบ (จุดอ่อน W1 · 9 คะแนน) — “ก” …"));
        for s in ["่ก", "a่", " ั", "ก\n", "ก\u{200B}", "•่"] {
            assert!(!plainly_displayable(s), "{s:?}");
        }
    }

    fn shown(s: &str) -> String {
        for_display(s).into_owned()
    }

    #[test]
    fn every_c0_control_becomes_its_picture() {
        for code in 0u32..0x20 {
            let c = char::from_u32(code).unwrap_or_default();
            let picture = char::from_u32(0x2400 + code).unwrap_or_default();
            assert_eq!(shown(&c.to_string()), picture.to_string(), "U+{code:04X}");
        }
        assert_eq!(shown("\u{1b}"), "␛");
        assert_eq!(shown("\t"), "␉");
        assert_eq!(shown("\n"), "␊");
        assert_eq!(shown("a\r\nb"), "a␍␊b");
    }

    #[test]
    fn escape_sequences_are_inert() {
        assert_eq!(shown("\x1b[31mred"), "␛[31mred");
    }

    #[test]
    fn del_and_c1() {
        assert_eq!(shown("a\u{7F}b"), "a␡b");
        assert_eq!(shown("a\u{9B}31m"), "a\u{FFFD}31m");
        assert_eq!(shown("\u{85}"), "\u{FFFD}");
    }

    #[test]
    fn bidi_controls_are_removed() {
        let controls = [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ];
        for c in controls {
            assert_eq!(shown(&format!("ab{c}cd")), "abcd", "U+{:04X}", c as u32);
        }
        assert_eq!(shown("\u{202E}txt.exe"), "txt.exe");
    }

    #[test]
    fn orphan_thai_marks_get_a_dotted_circle() {
        assert_eq!(shown("\u{0E48}"), "◌\u{0E48}");
        assert_eq!(shown("\u{0E34}\u{0E48}ก"), "◌\u{0E34}\u{0E48}ก");
        assert_eq!(shown("ก \u{0E49}"), "ก \u{25CC}\u{0E49}");
        assert_eq!(shown("\u{1b}\u{0E31}"), "␛◌\u{0E31}");
        assert_eq!(shown("ก\u{200F}\u{0E38}"), "ก◌\u{0E38}");
        for mark in ['\u{0E31}', '\u{0E34}', '\u{0E3A}', '\u{0E47}', '\u{0E4E}'] {
            assert_eq!(shown(&mark.to_string()), format!("◌{mark}"));
        }
    }

    #[test]
    fn latin_combining_mark_alone_gets_a_circle() {
        assert_eq!(shown("\u{0301}e"), "◌\u{0301}e");
    }

    #[test]
    fn marks_that_never_join_a_cluster_get_no_circle() {
        // U+1062 is a spacing mark outside the grapheme Extend/SpacingMark sets.
        assert_eq!(shown("\u{1062}"), "\u{1062}");
    }

    #[test]
    fn normal_text_is_borrowed() {
        for s in ["ที่", "กำ", "การจัดทำแผนหมู่บ้าน", "café", "", "plain text"]
        {
            assert!(matches!(for_display(s), Cow::Borrowed(_)), "{s}");
        }
    }

    #[test]
    fn emoji_joiners_and_selectors_are_left_alone() {
        for s in [
            "👨\u{200D}👩\u{200D}👧",
            "❤\u{FE0F}",
            "👍🏽",
            "1\u{FE0F}\u{20E3}",
        ] {
            assert!(matches!(for_display(s), Cow::Borrowed(_)), "{s}");
        }
        // A lone selector draws nothing, so it is dropped like the terminal drops it.
        assert_eq!(shown("\u{FE0F}"), "");
        assert_eq!(shown("a\u{200B}b"), "ab");
        assert_eq!(shown("👍\u{200D}\u{200B}👍"), "👍\u{200D}👍");
    }
}

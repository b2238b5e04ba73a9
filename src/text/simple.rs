//! Grapheme clusters of printable ASCII and Thai without the general
//! grapheme walk.
//!
//! Almost every text in a session is Thai and ASCII. Between those
//! characters UAX #29 breaks everywhere except before a Thai mark (the
//! vowels and tone marks above and below, and SARA AM, which join the
//! character before them): no control characters, no prepended or
//! conjoining letters, no emoji. So a cluster is one character and the marks
//! after it, and its width is the sum of its characters' widths. Printing a
//! session walks every text's clusters; this walk costs a fraction of
//! `unicode_segmentation`'s. Other text takes the general walk.

use unicode_segmentation::{GraphemeIndices, UnicodeSegmentation};

/// Printable ASCII, or an assigned Thai character.
fn simple_char(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{0E01}'..='\u{0E3A}' | '\u{0E3F}'..='\u{0E5B}')
}

/// Whether every character of `s` is printable ASCII or Thai.
pub fn is_simple(s: &str) -> bool {
    s.chars().all(simple_char)
}

/// A Thai mark: grapheme break property Extend, or SpacingMark (SARA AM).
pub fn joins_previous(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Whether `s` starts with a Thai mark, which would join a space before it.
pub fn starts_with_mark(s: &str) -> bool {
    s.starts_with(joins_previous)
}

/// Extended grapheme clusters of `s` with their byte offsets, as
/// `s.grapheme_indices(true)` gives them.
pub enum Clusters<'a> {
    Simple { s: &'a str, at: usize },
    General(GraphemeIndices<'a>),
}

impl<'a> Clusters<'a> {
    pub fn new(s: &'a str) -> Self {
        if is_simple(s) {
            Clusters::Simple { s, at: 0 }
        } else {
            Clusters::General(s.grapheme_indices(true))
        }
    }
}

impl<'a> Iterator for Clusters<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Clusters::General(g) => g.next(),
            Clusters::Simple { s, at } => {
                let start = *at;
                let mut chars = s.get(start..)?.char_indices();
                let (_, first) = chars.next()?;
                let mut end = start + first.len_utf8();
                for (i, c) in chars {
                    if !joins_previous(c) {
                        break;
                    }
                    end = start + i + c.len_utf8();
                }
                *at = end;
                s.get(start..end).map(|g| (start, g))
            }
        }
    }
}

/// Columns of a cluster (or a line) of simple characters.
pub fn simple_width(g: &str) -> usize {
    g.chars().map(simple_char_width).sum()
}

/// Columns of one simple character, as `unicode-width` gives them without
/// looking them up: the Thai vowels and marks written above or below take
/// none (SARA AM, a spacing vowel, takes one), every other simple
/// character one.
fn simple_char_width(c: char) -> usize {
    usize::from(!matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::cluster_width;
    use unicode_width::UnicodeWidthChar;

    proptest::proptest! {
        #[test]
        fn clusters_are_the_grapheme_walks(s in "[ -~ก-๛\\u{0E3B}\\u{0E5C}\\u{00E9}\\u{0301}\\n\\r\\u{1F600}]{0,24}") {
            let fast: Vec<(usize, &str)> = Clusters::new(&s).collect();
            let walked: Vec<(usize, &str)> = s.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(fast, walked);
        }

        #[test]
        fn simple_clusters_measure_as_unicode_width(s in "[ -~ก-๛]{0,24}") {
            for (_, g) in Clusters::new(&s) {
                proptest::prop_assert_eq!(simple_width(g), cluster_width(g), "{:?}", g);
            }
        }
    }

    #[test]
    fn every_simple_character_is_as_wide_as_unicode_width_says() {
        let simple = (' '..='~')
            .chain('\u{0E01}'..='\u{0E3A}')
            .chain('\u{0E3F}'..='\u{0E5B}');
        for c in simple {
            assert!(simple_char(c), "{c:?}");
            assert_eq!(simple_char_width(c), c.width().unwrap_or(0), "{c:?}");
        }
    }

    #[test]
    fn thai_marks_join_the_character_before() {
        let cs: Vec<&str> = Clusters::new("กำที่ ั").map(|(_, g)| g).collect();
        assert_eq!(cs, ["กำ", "ที่", " ั"]);
        assert!(matches!(Clusters::new("กำ"), Clusters::Simple { .. }));
        assert!(matches!(Clusters::new("ก\n"), Clusters::General(_)));
    }
}

//! Display width, measured per extended grapheme cluster.
//!
//! ratatui's `Buffer` places one cluster per cell run and gives it
//! `UnicodeWidthStr::width(cluster)` columns, so measuring the same way keeps
//! our layout in step with what actually lands on screen. Summing per cluster
//! (rather than measuring the whole string at once) matters: a few
//! cross-cluster ligature rules in `unicode-width` would otherwise make a line
//! look narrower than the cells it really occupies.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Columns one grapheme cluster occupies on a terminal.
pub fn cluster_width(g: &str) -> usize {
    UnicodeWidthStr::width(g)
}

/// Columns a whole string occupies, cluster by cluster.
pub fn str_width(s: &str) -> usize {
    if super::simple::is_simple(s) {
        return super::simple::simple_width(s);
    }
    s.graphemes(true).map(cluster_width).sum()
}

/// Every extended grapheme cluster with its byte offset in `s`.
pub fn clusters(s: &str) -> impl Iterator<Item = (usize, &str)> {
    super::simple::Clusters::new(s)
}

/// The longest prefix of whole clusters that fits in `width` columns.
pub fn truncate_to_width(s: &str, width: usize) -> &str {
    let mut used = 0;
    for (at, g) in clusters(s) {
        used += cluster_width(g);
        if used > width {
            return &s[..at];
        }
    }
    s
}

/// `text` cut to `width` columns, ending in "…" when cut.
pub fn shorten(text: &str, width: usize) -> String {
    if str_width(text) <= width {
        return text.to_owned();
    }
    format!("{}…", truncate_to_width(text, width.saturating_sub(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sara_am_joins_its_consonant() {
        let cs: Vec<_> = clusters("กำ").collect();
        assert_eq!(cs, vec![(0, "กำ")]);
        assert_eq!(cluster_width("กำ"), 2);
        assert_eq!(str_width("กำ"), 2);
    }

    #[test]
    fn thai_marks_take_no_column() {
        assert_eq!(str_width("ที่"), 1);
        // 14 clusters; ำ is a spacing vowel, so ทำ takes two columns.
        assert_eq!(str_width("การจัดทำแผนหมู่บ้าน"), 15);
        assert_eq!(clusters("ที่นี่").count(), 2);
    }

    #[test]
    fn wide_and_emoji_clusters() {
        assert_eq!(str_width("日本"), 4);
        assert_eq!(cluster_width("👍"), 2);
        let family = "👨\u{200D}👩\u{200D}👧";
        assert_eq!(clusters(family).count(), 1);
        assert_eq!(cluster_width(family), 2);
    }

    #[test]
    fn truncation_keeps_whole_clusters() {
        assert_eq!(truncate_to_width("ที่นี่", 1), "ที่");
        assert_eq!(truncate_to_width("ที่นี่", 0), "");
        assert_eq!(truncate_to_width("กำลัง", 2), "กำ");
        assert_eq!(truncate_to_width("a日b", 2), "a");
        assert_eq!(truncate_to_width("a日b", 3), "a日");
        assert_eq!(truncate_to_width("abc", 10), "abc");
        assert_eq!(truncate_to_width("", 3), "");
    }
}

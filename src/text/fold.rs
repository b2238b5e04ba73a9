//! Forgiving search: text folded so that what a reader takes for the same
//! words is the same string, and the way back from a match in the folded
//! text to the exact text it came from, for highlighting.
//!
//! Folding is [`normalize`](super::normalize::normalize) (`ํา` = `ำ`, Thai
//! marks in one order, NFC), lower case, and no spacing at all: Thai writes
//! no spaces between words, so "ขาด งบประมาณ" and "ขาดงบประมาณ" are the
//! same phrase. Zero-width spaces and soft hyphens count as spacing.
//!
//! The text is folded piece by piece: a piece is one letter and the marks
//! on it (with a ำ, or the า after a ํ, which belong to the same syllable).
//! Normalising never moves anything across pieces, so each folded byte
//! knows the piece of the original it came from, and a match maps back to
//! whole pieces: a highlight never splits a cluster, and a match must start
//! and end on piece boundaries (the query ที does not find ที่).

use std::ops::Range;

use super::normalize::{normalize, thai_marks_in_order};

const NIKHAHIT: char = '\u{0E4D}';
const SARA_AA: char = '\u{0E32}';
const SARA_AM: char = '\u{0E33}';

/// The folded form of `text`, appended to `out` (which is not cleared).
pub fn fold_into(text: &str, out: &mut String) {
    let mut scratch = String::new();
    for_each_piece(text, &mut scratch, |_, folded| out.push_str(folded));
}

/// The folded form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// A text folded, with the map from each folded byte back to the piece of
/// the original it came from.
#[derive(Debug, Clone)]
pub struct Folded {
    key: String,
    /// For each byte of `key`, the index into `pieces`.
    piece_of: Vec<u32>,
    /// Byte ranges of the original that folded to something.
    pieces: Vec<Range<usize>>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut key = String::with_capacity(original.len());
        let mut piece_of = Vec::with_capacity(original.len());
        let mut pieces = Vec::new();
        let mut scratch = String::new();
        for_each_piece(original, &mut scratch, |range, folded| {
            key.push_str(folded);
            piece_of.resize(key.len(), pieces.len() as u32);
            pieces.push(range);
        });
        Folded {
            key,
            piece_of,
            pieces,
        }
    }

    /// The folded text.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Every place `query` (already folded) occurs, as byte ranges of the
    /// original text, in order and apart. A match must begin and end where
    /// pieces do.
    pub fn find_all(&self, query: &str) -> Vec<Range<usize>> {
        let mut found: Vec<Range<usize>> = Vec::new();
        if query.is_empty() {
            return found;
        }
        let mut from = 0;
        while let Some(at) = self.key[from..].find(query) {
            let (start, end) = (from + at, from + at + query.len());
            if self.starts_piece(start) && self.ends_piece(end) {
                let range = self.pieces[self.piece_of[start] as usize].start
                    ..self.pieces[self.piece_of[end - 1] as usize].end;
                match found.last_mut() {
                    Some(last) if last.end >= range.start => last.end = range.end,
                    _ => found.push(range),
                }
                from = end;
            } else {
                // The next character of the folded text, not the next byte.
                from = start + self.key[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        found
    }

    fn starts_piece(&self, at: usize) -> bool {
        at == 0 || self.piece_of[at] != self.piece_of[at - 1]
    }

    fn ends_piece(&self, at: usize) -> bool {
        at == self.key.len() || self.piece_of[at] != self.piece_of[at - 1]
    }
}

/// Calls `f` with each piece of `text` (its byte range) and what it folds
/// to, skipping pieces that fold to nothing (spacing).
fn for_each_piece(text: &str, scratch: &mut String, mut f: impl FnMut(Range<usize>, &str)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < text.len() {
        let b = bytes[start];
        if b.is_ascii() {
            // No ASCII letter takes a combining mark in practice, but one
            // may follow (e + ́): then the general path below folds both.
            let next = start + 1;
            if next == text.len() || bytes[next].is_ascii() {
                if !char::from(b).is_whitespace() {
                    let lower = [b.to_ascii_lowercase()];
                    f(start..next, std::str::from_utf8(&lower).unwrap_or_default());
                }
                start = next;
                continue;
            }
        }
        let end = piece_end(text, start);
        let piece = &text[start..end];
        scratch.clear();
        fold_piece(piece, scratch);
        if !scratch.is_empty() {
            f(start..end, scratch);
        }
        start = end;
    }
}

/// Where the piece starting at `start` ends: after the letter, the marks on
/// it, a ำ and the า of a ํา.
fn piece_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices();
    let mut prev = chars.next().map(|(_, c)| c);
    for (i, c) in chars {
        let joins = c == SARA_AM
            || (c == SARA_AA && prev == Some(NIKHAHIT))
            || unicode_normalization::char::is_combining_mark(c);
        if !joins {
            return start + i;
        }
        prev = Some(c);
    }
    text.len()
}

/// Folds one piece: a Thai letter whose marks are already in order is
/// itself; anything else goes through `normalize`.
fn fold_piece(piece: &str, out: &mut String) {
    let mut chars = piece.chars();
    if let Some(first) = chars.next()
        && is_thai_letter(first)
        && thai_marks_in_order(chars.as_str())
    {
        out.push_str(piece);
        return;
    }
    for c in normalize(piece).chars() {
        if is_spacing(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            // Σ lowers to σ or ς by its place in a word; a piece does not know.
            out.push(if lower == 'ς' { 'σ' } else { lower });
        }
    }
}

/// A Thai character that takes no part in normalising: not a mark, not ำ.
fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E30}' | '\u{0E32}' | '\u{0E3F}'..='\u{0E46}' | '\u{0E4F}'..='\u{0E5B}')
}

fn is_spacing(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn highlighted(text: &str, query: &str) -> Vec<String> {
        Folded::new(text)
            .find_all(&fold(query))
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn spacing_case_and_sara_am_do_not_count() {
        assert_eq!(fold("ขาด งบประมาณ"), "ขาดงบประมาณ");
        assert_eq!(fold("  TPMAP\tข้อมูล\u{200B}หมู่บ้าน "), "tpmapข้อมูลหมู่บ้าน");
        assert_eq!(fold("ท\u{0E4D}\u{0E32}งาน"), fold("ทำงาน"));
        assert_eq!(fold("น\u{0E33}\u{0E49}"), "น้ำ");
        assert_eq!(fold("ท\u{0E48}\u{0E35}"), "ที่");
        assert_eq!(fold("ΟΔΟΣ"), fold("οδος"));
    }

    #[test]
    fn the_fast_path_folds_as_normalize_does() {
        for s in [
            "การจัดทำแผนหมู่บ้าน",
            "ที่ดิน",
            "น้ำท่วม",
            "ศักดิ์ศรี",
            "Café au lait",
            "ๆ ฯ ๑๒",
        ] {
            let slow: String = normalize(s)
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(s), slow, "{s}");
        }
    }

    #[test]
    fn a_match_maps_back_to_exactly_the_text_it_came_from() {
        assert_eq!(
            highlighted("พบว่าขาดงบประมาณมาก", "ขาด งบประมาณ"),
            ["ขาดงบประมาณ"]
        );
        assert_eq!(highlighted("ขาด งบประมาณ", "ขาดงบ"), ["ขาด งบ"]);
        // ทํา typed as ท + ํ + า is found by ทำ, and highlighted whole.
        assert_eq!(
            highlighted("การจัดท\u{0E4D}\u{0E32}แผน", "จัดทำ"),
            ["จัดท\u{0E4D}\u{0E32}"]
        );
        assert_eq!(
            highlighted("Good Roads, good ROADS", "good roads"),
            ["Good Roads", "good ROADS"]
        );
    }

    #[test]
    fn a_match_never_ends_inside_a_syllable() {
        assert!(highlighted("ที่ดิน", "ที").is_empty());
        assert_eq!(highlighted("ทีที่ที", "ที"), ["ที", "ที"]);
        assert_eq!(highlighted("ที่ดิน", "ที่"), ["ที่"]);
    }

    #[test]
    fn matches_side_by_side_are_one_highlight() {
        assert_eq!(highlighted("นานา", "นา"), ["นานา"]);
        assert!(highlighted("anything", "").is_empty());
    }
}

//! "Nearly the same" for short entries such as SWOT items, Thai-aware: the
//! same item typed in another session with a space, a `ํา`, a misspelt
//! letter or a word changed is still the same item.
//!
//! Two texts are compared by their [folded](super::fold) form cut into
//! grapheme clusters (so a Thai syllable's marks stay with it): the set of
//! pairs of neighbouring clusters of each. They are nearly the same when
//! the Dice coefficient of the two sets, 2·|A∩B| / (|A|+|B|), is at least
//! [`NEAR`], and, because a short entry can turn into its opposite by one
//! word or one number, when both or neither say ไม่ (or "not", "no") and
//! they carry the same numbers. So ขาดงบประมาณ and ขาดงบประมาน (0.9) are
//! one item; ถนนดี and ถนนไม่ดี (0.5, and a ไม่) or หมู่ 5 and หมู่ 6 are not.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use super::date::thai_digits_to_ascii;
use super::fold::fold;
use super::normalize::search_key;
use super::width::clusters;

/// The least Dice coefficient of two entries that are nearly the same.
pub const NEAR: f64 = NEAR_PARTS.0 as f64 / NEAR_PARTS.1 as f64;

/// [`NEAR`] as a fraction, so that comparisons are exact: 4/5.
const NEAR_PARTS: (usize, usize) = (4, 5);

/// What the comparison looks at in one text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    key: String,
    /// Hashes of the pairs of neighbouring clusters, sorted, each once.
    grams: Vec<u64>,
    numbers: Vec<String>,
    negated: bool,
}

impl Shape {
    pub fn new(text: &str) -> Self {
        let key = fold(text);
        Shape::of_folded(text, key)
    }

    /// The shape of `text` whose folded form is `key` (already made).
    pub fn of_folded(text: &str, key: String) -> Self {
        let cuts: Vec<usize> = clusters(&key)
            .map(|(at, _)| at)
            .chain([key.len()])
            .collect();
        let mut grams: Vec<u64> = match cuts.len() {
            0 | 1 => Vec::new(),
            2 => vec![hash(&key)],
            _ => cuts.windows(3).map(|w| hash(&key[w[0]..w[2]])).collect(),
        };
        grams.sort_unstable();
        grams.dedup();
        let ascii = thai_digits_to_ascii(&key);
        let numbers = ascii
            .split(|c: char| !c.is_ascii_digit())
            .filter(|n| !n.is_empty())
            .map(|n| n.trim_start_matches('0').to_owned())
            .collect();
        let negated = key.contains("ไม่")
            || search_key(text)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| matches!(w, "not" | "no" | "non" | "without"));
        Shape {
            key,
            grams,
            numbers,
            negated,
        }
    }

    /// The folded text.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// The cluster pairs, as sorted hashes, each once.
    pub fn grams(&self) -> &[u64] {
        &self.grams
    }

    /// What two shapes must share to be near at all: their numbers and
    /// whether they say ไม่, as one hash (an index of shapes can be kept
    /// per class, so items that differ only in a number are never compared).
    pub fn class(&self) -> u64 {
        let mut h = DefaultHasher::new();
        (&self.numbers, self.negated).hash(&mut h);
        h.finish()
    }

    /// The Dice coefficient of the two texts' cluster pairs (1 for the same
    /// folded text).
    pub fn similarity(&self, other: &Shape) -> f64 {
        if self.key == other.key {
            return 1.0;
        }
        let total = self.grams.len() + other.grams.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * shared(&self.grams, &other.grams) as f64 / total as f64
    }

    /// 2·shared / total ≥ NEAR, in whole numbers.
    fn reaches_near(&self, other: &Shape) -> bool {
        let total = self.grams.len() + other.grams.len();
        let (num, den) = NEAR_PARTS;
        total > 0 && 2 * shared(&self.grams, &other.grams) * den >= num * total
    }

    /// Whether the two are the same entry typed another way.
    pub fn near(&self, other: &Shape) -> bool {
        self.key == other.key
            || (self.negated == other.negated
                && self.numbers == other.numbers
                && self.reaches_near(other))
    }
}

/// The least number of cluster pairs a text of `len` pairs must share with
/// another for the two to be [`NEAR`]: a text shares at most all of the
/// other's, so 2s/(len+s) ≥ NEAR, s ≥ NEAR·len/(2−NEAR).
pub fn least_shared(len: usize) -> usize {
    let (num, den) = NEAR_PARTS;
    (num * len).div_ceil(2 * den - num)
}

/// How many values two sorted, deduplicated lists have in common.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: &str, b: &str) -> bool {
        Shape::new(a).near(&Shape::new(b))
    }

    #[test]
    fn one_item_typed_three_ways_is_one_item() {
        let ways = [
            "ขาดงบประมาณในการพัฒนา",
            "ขาด งบประมาณ ในการพัฒนา",
            "ขาดงบประมาณสำหรับการพัฒนา",
        ];
        for a in ways {
            for b in ways {
                assert!(near(a, b), "{a} ~ {b}");
            }
        }
        assert!(near("ขาดงบประมาณ", "ขาดงบประมาน"));
        assert!(near("ผู้นำชุมชนเข้มแข็ง", "ผู้น\u{0E4D}\u{0E32}ชุมชน เข้มแข็ง"));
        assert!(near(
            "Strong Community Leaders",
            "strong community leaders."
        ));
    }

    #[test]
    fn opposites_and_other_numbers_are_other_items() {
        assert!(!near("ถนนดี", "ถนนไม่ดี"));
        assert!(!near("มีงบประมาณเพียงพอ", "ไม่มีงบประมาณเพียงพอ"));
        assert!(!near("ซ่อมถนนหมู่ 5 บ้านนาคำ", "ซ่อมถนนหมู่ 6 บ้านนาคำ"));
        assert!(near("ซ่อมถนนหมู่ ๕ บ้านนาคำ", "ซ่อมถนนหมู่ 5 บ้านนาคำ"));
        assert!(!near("roads are good", "roads are not good"));
        assert!(!near("น้ำท่วม", "น้ำแล้ง"));
        assert!(!near("ขาดงบประมาณ", "ขาดงบประมาณในการพัฒนาอาชีพของกลุ่มสตรี"));
    }

    #[test]
    fn similarity_is_dice_over_cluster_pairs() {
        let a = Shape::new("ขาดงบประมาณ");
        let b = Shape::new("ขาดงบประมาน");
        // 10 pairs each, 9 shared.
        assert_eq!((a.grams().len(), b.grams().len()), (10, 10));
        assert!((a.similarity(&b) - 0.9).abs() < 1e-9);
        assert_eq!(Shape::new("ก").grams().len(), 1);
        assert_eq!(Shape::new("  ").similarity(&Shape::new("x")), 0.0);
        assert_eq!(Shape::new("").similarity(&Shape::new("")), 1.0);
    }

    #[test]
    fn least_shared_is_what_near_needs() {
        for len in 1..50 {
            let s = least_shared(len);
            // Sharing s with a text of s pairs reaches NEAR; s - 1 never does.
            assert!(2.0 * s as f64 / (len + s) as f64 >= NEAR - 1e-9, "{len}");
            if s > 0 {
                let t = s - 1;
                assert!((2.0 * t as f64 / (len + t) as f64) < NEAR, "{len}");
            }
        }
    }
}

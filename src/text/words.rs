//! The Thai words a reader knows, looked up from any letter of a text.
//!
//! The list is PyThaiNLP's (CC0 1.0), with Thailand's provinces, built by
//! `scripts/thai_words.py` into `thai_words.bin`: one byte per letter
//! (its code point less 0x0E00), words sorted and front coded. It is read
//! once, the first time a Thai text is wrapped, into a trie whose children
//! lie side by side, so a lookup walks a few short arrays.

use std::sync::LazyLock;

static LIST: &[u8] = include_bytes!("thai_words.bin");

static TRIE: LazyLock<Trie> = LazyLock::new(|| Trie::build(&Words::unpack(LIST)));

/// A Thai letter as the list spells it, or `None` for anything else.
fn letter_byte(c: char) -> Option<u8> {
    let b = u32::from(c).checked_sub(0x0E00)?;
    (0x01..=0x4E).contains(&b).then_some(b as u8)
}

/// The words of the front-coded list, in order, in one buffer.
struct Words {
    letters: Vec<u8>,
    /// Where each word starts in `letters`, and `letters.len()` last.
    starts: Vec<u32>,
}

impl Words {
    fn unpack(list: &[u8]) -> Words {
        let mut w = Words {
            letters: Vec::with_capacity(list.len() * 2),
            starts: Vec::with_capacity(64 * 1024),
        };
        for &b in list {
            if b >= 0x80 {
                // The new word begins with the first letters of the last.
                let previous = w.starts.last().map_or(0, |&s| s as usize);
                let shared = usize::from(b - 0x80).min(w.letters.len() - previous);
                w.starts
                    .push(u32::try_from(w.letters.len()).unwrap_or(u32::MAX));
                w.letters.extend_from_within(previous..previous + shared);
            } else {
                w.letters.push(b);
            }
        }
        w.starts
            .push(u32::try_from(w.letters.len()).unwrap_or(u32::MAX));
        w
    }

    fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn get(&self, i: usize) -> &[u8] {
        &self.letters[self.starts[i] as usize..self.starts[i + 1] as usize]
    }
}

struct Trie {
    /// Per node: the index of its first child (children are consecutive),
    /// and whether a word ends there.
    first: Vec<u32>,
    count: Vec<u8>,
    end: Vec<bool>,
    /// Per node: the letter on the edge into it.
    label: Vec<u8>,
    /// The root's child per letter byte, `u32::MAX` for none.
    root: [u32; 0x80],
}

impl Trie {
    /// The trie of `words`, sorted, built level by level so that every
    /// node's children are consecutive.
    fn build(words: &Words) -> Trie {
        let mut t = Trie {
            first: vec![0],
            count: vec![0],
            end: vec![false],
            label: vec![0],
            root: [u32::MAX; 0x80],
        };
        // (node, words[lo..hi] share the node's prefix of `depth` letters)
        let mut level = vec![(0usize, 0usize, words.len(), 0usize)];
        while !level.is_empty() {
            let mut next = Vec::new();
            for (node, lo, hi, depth) in level {
                let mut i = lo;
                // Sorted: a word that ends here comes first.
                while i < hi && words.get(i).len() == depth {
                    t.end[node] = true;
                    i += 1;
                }
                t.first[node] = u32::try_from(t.label.len()).unwrap_or(u32::MAX);
                let mut children = 0u8;
                while i < hi {
                    let letter = words.get(i)[depth];
                    let mut j = i + 1;
                    while j < hi && words.get(j)[depth] == letter {
                        j += 1;
                    }
                    let child = t.label.len();
                    t.first.push(0);
                    t.count.push(0);
                    t.end.push(false);
                    t.label.push(letter);
                    if node == 0 {
                        t.root[usize::from(letter & 0x7F)] = child as u32;
                    }
                    next.push((child, i, j, depth + 1));
                    children = children.saturating_add(1);
                    i = j;
                }
                t.count[node] = children;
            }
            level = next;
        }
        t
    }

    fn child(&self, node: usize, letter: u8) -> Option<usize> {
        if node == 0 {
            let child = *self.root.get(usize::from(letter))?;
            return (child != u32::MAX).then_some(child as usize);
        }
        let first = self.first[node] as usize;
        let labels = self
            .label
            .get(first..first + usize::from(self.count[node]))?;
        labels.iter().position(|&l| l == letter).map(|k| first + k)
    }
}

/// Calls `found(n)` for every known word that is the first `n` letters of
/// `letters`, shortest first.
pub fn prefixes(letters: &[char], mut found: impl FnMut(usize)) {
    let trie = &*TRIE;
    let mut node = 0;
    for (n, &c) in letters.iter().enumerate() {
        let Some(letter) = letter_byte(c) else {
            return;
        };
        match trie.child(node, letter) {
            Some(child) => node = child,
            None => return,
        }
        if trie.end[node] {
            found(n + 1);
        }
    }
}

/// Whether `word` is on the list.
pub fn known(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let mut whole = false;
    prefixes(&letters, |n| whole |= n == letters.len());
    whole
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everyday_words_and_provinces_are_known() {
        for w in [
            "เจ้าหน้าที่",
            "ขับเคลื่อน",
            "แลกเปลี่ยน",
            "ครัวเรือน",
            "เครือข่าย",
            "ผู้อำนวยการ",
            "เศรษฐกิจพอเพียง",
            "ขัดแย้ง",
            "ส่งเสริม",
            "ช่องทาง",
            "มีส่วนร่วม",
            "ผู้เข้าร่วม",
            "อุบลราชธานี",
            "ศรีสะเกษ",
            "กลุ่ม",
        ] {
            assert!(known(w), "{w}");
        }
        for w in ["ผู้อำนวย", "กลุ่มงานส่ง", "abc", "", "ก"]
        {
            assert!(!known(w), "{w}");
        }
    }

    #[test]
    fn the_list_unpacks_to_sorted_thai_words() {
        let words = Words::unpack(LIST);
        assert!(words.len() > 50_000, "{}", words.len());
        assert!((1..words.len()).all(|i| words.get(i - 1) < words.get(i)));
        assert!((0..words.len()).all(|i| {
            let w = words.get(i);
            w.len() >= 2 && w.iter().all(|&b| (1..=0x4E).contains(&b))
        }));
    }

    #[test]
    fn prefixes_are_found_shortest_first() {
        let letters: Vec<char> = "ผู้อำนวยการกลุ่ม".chars().collect();
        let mut ends = Vec::new();
        prefixes(&letters, |n| ends.push(n));
        assert_eq!(ends.last(), Some(&"ผู้อำนวยการ".chars().count()));
        assert!(ends.windows(2).all(|w| w[0] < w[1]));
    }
}

//! The Thai words a reader knows, looked up from any letter of a text.
//!
//! The list is PyThaiNLP's (CC0 1.0), with Thailand's provinces, built by
//! `scripts/thai_words.py` into `thai_words.bin`: the words' trie as a
//! double array, searched where it lies. Nothing is read or built at start;
//! a step from one letter to the next reads one slot.

static TRIE: &[u8] = include_bytes!("thai_words.bin");

/// A Thai letter as the list spells it (its code point less 0x0E00), or
/// `None` for anything else.
pub fn letter_byte(c: char) -> Option<u8> {
    let b = u32::from(c).checked_sub(0x0E00)?;
    (0x01..=0x4E).contains(&b).then_some(b as u8)
}

/// Slot bits 0-6: the letter on the edge into the node.
const LABEL: u32 = 0x7F;
/// Slot bit 7: a word ends at the node.
const ENDS: u32 = 0x80;

/// Slot `i` of the double array (see `scripts/thai_words.py`): the node's
/// letter and end in the low byte, its children's base above; `None` past
/// the end.
fn slot(i: usize) -> Option<u32> {
    let bytes = TRIE.get(i.checked_mul(4)?..)?.first_chunk::<4>()?;
    Some(u32::from_le_bytes(*bytes))
}

/// The node reached from the node `node` by `letter`. No two nodes share
/// a base, so a slot holding `letter` at base + `letter` is that node's
/// child.
fn step(node: u32, letter: u8) -> Option<u32> {
    let child = slot((node >> 8) as usize + usize::from(letter))?;
    (child & LABEL == u32::from(letter)).then_some(child)
}

/// Calls `found(n)` for every known word that is the first `n` letters of
/// `codes` (letters as the list spells them: code point less 0x0E00),
/// shortest first.
pub fn prefixes(codes: &[u8], mut found: impl FnMut(usize)) {
    let Some(mut node) = slot(0) else {
        return;
    };
    for (n, &code) in codes.iter().enumerate() {
        // 0 is no letter: the label of a slot in no use.
        if !(0x01..=0x4E).contains(&code) {
            return;
        }
        let Some(child) = step(node, code) else {
            return;
        };
        node = child;
        if node & ENDS != 0 {
            found(n + 1);
        }
    }
}

/// Whether `word` is on the list.
#[cfg(test)]
fn known(word: &str) -> bool {
    let codes: Vec<u8> = word.chars().map(|c| letter_byte(c).unwrap_or(0)).collect();
    let mut whole = false;
    prefixes(&codes, |n| whole |= n == codes.len());
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

    /// Every word of the trie, walked depth first, letter by letter.
    fn all_words() -> &'static [Vec<u8>] {
        static WORDS: std::sync::LazyLock<Vec<Vec<u8>>> = std::sync::LazyLock::new(|| {
            let mut words = Vec::new();
            let mut stack = vec![(slot(0).unwrap_or(0), Vec::new())];
            while let Some((node, word)) = stack.pop() {
                if node & ENDS != 0 {
                    words.push(word.clone());
                }
                // Pushed last letter first, so popped in order.
                for letter in (0x01..=0x4E).rev() {
                    if let Some(child) = step(node, letter) {
                        let mut longer = word.clone();
                        longer.push(letter);
                        stack.push((child, longer));
                    }
                }
            }
            words
        });
        &WORDS
    }

    #[test]
    fn the_trie_holds_sorted_thai_words() {
        let words = all_words();
        assert!(words.len() > 50_000, "{}", words.len());
        assert!(words.windows(2).all(|w| w[0] < w[1]));
        assert!(
            words
                .iter()
                .all(|w| w.len() >= 2 && w.iter().all(|&b| (1..=0x4E).contains(&b)))
        );
        // Every slot in use is a node reached by the walk: the nodes are the
        // words' letters less those each shares with the word before.
        let nodes: usize = words
            .iter()
            .zip(std::iter::once(&Vec::new()).chain(words))
            .map(|(w, before)| w.len() - w.iter().zip(before).take_while(|(a, b)| a == b).count())
            .sum();
        let used = (1..TRIE.len() / 4).filter(|&i| slot(i).is_some_and(|v| v & LABEL != 0));
        assert_eq!(used.count(), nodes);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn prefixes_are_the_listed_words_the_text_starts_with(
            picks in proptest::collection::vec(0usize..100_000, 1..4),
            tail in "[ก-ฮะ-ฺเ-๎]{0,6}",
        ) {
            let words = all_words();
            let mut codes: Vec<u8> = picks
                .iter()
                .flat_map(|&k| words[k % words.len()].iter().copied())
                .collect();
            codes.extend(tail.chars().map(|c| letter_byte(c).unwrap_or(0)));
            let mut found = Vec::new();
            prefixes(&codes, |n| found.push(n));
            let listed = |n: usize| !codes[..n].contains(&0) && words.binary_search(&codes[..n].to_vec()).is_ok();
            let expected: Vec<usize> = (1..=codes.len()).filter(|&n| listed(n)).collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn prefixes_are_found_shortest_first() {
        let codes: Vec<u8> = "ผู้อำนวยการกลุ่ม".chars().filter_map(letter_byte).collect();
        let mut ends = Vec::new();
        prefixes(&codes, |n| ends.push(n));
        assert_eq!(ends.last(), Some(&"ผู้อำนวยการ".chars().count()));
        assert!(ends.windows(2).all(|w| w[0] < w[1]));
    }
}

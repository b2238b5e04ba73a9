//! Pairing the entries of two lists that are "the same entry": by id first,
//! then by normalised text, so an entry retyped with `ํา` for `ำ`, or copied
//! into another file under a new id, is still recognised. Used by `diff`
//! (old ↔ new) and by `merge` (duplicates across groups).

use std::collections::{HashMap, VecDeque};

use crate::text::normalize::search_key;

/// The text form two entries must share to be the same entry: Thai marks
/// normalised (`ํา` = `ำ`), case and runs of spaces ignored.
pub fn text_key(text: &str) -> String {
    search_key(text)
}

/// Which entries of `old` and `new` are the same entry, and which are only
/// on one side. Indices are positions in the lists given.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pairing {
    /// `(old index, new index)`, in the order of `old`.
    pub pairs: Vec<(usize, usize)>,
    /// Old entries with no partner, in order.
    pub removed: Vec<usize>,
    /// New entries with no partner, in order.
    pub added: Vec<usize>,
}

/// Pairs `old` with `new` in passes, one per key function: the first pass
/// pairs entries whose first key is equal, the next pass pairs what is left
/// by the second key, and so on. An empty key never pairs, and each entry
/// pairs at most once; among equal keys the earliest entries pair first.
pub fn pair_up<T>(old: &[T], new: &[T], keys: &[&dyn Fn(&T) -> String]) -> Pairing {
    let mut old_free: Vec<bool> = vec![true; old.len()];
    let mut new_free: Vec<bool> = vec![true; new.len()];
    let mut pairs = Vec::new();
    for key in keys {
        let mut waiting: HashMap<String, VecDeque<usize>> = HashMap::new();
        for (j, entry) in new.iter().enumerate() {
            if new_free[j] {
                let k = key(entry);
                if !k.is_empty() {
                    waiting.entry(k).or_default().push_back(j);
                }
            }
        }
        for (i, entry) in old.iter().enumerate() {
            if !old_free[i] {
                continue;
            }
            let k = key(entry);
            if k.is_empty() {
                continue;
            }
            if let Some(j) = waiting.get_mut(&k).and_then(VecDeque::pop_front) {
                old_free[i] = false;
                new_free[j] = false;
                pairs.push((i, j));
            }
        }
    }
    pairs.sort_unstable();
    Pairing {
        pairs,
        removed: (0..old.len()).filter(|&i| old_free[i]).collect(),
        added: (0..new.len()).filter(|&j| new_free[j]).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct E {
        id: &'static str,
        text: &'static str,
    }

    fn e(id: &'static str, text: &'static str) -> E {
        E { id, text }
    }

    fn by_id_then_text(old: &[E], new: &[E]) -> Pairing {
        let id = |x: &E| x.id.to_owned();
        let text = |x: &E| text_key(x.text);
        pair_up(old, new, &[&id, &text])
    }

    #[test]
    fn ids_pair_first_even_when_the_text_changed() {
        let old = [e("a", "หนึ่ง"), e("b", "สอง")];
        let new = [e("b", "สองใหม่"), e("a", "หนึ่ง")];
        let p = by_id_then_text(&old, &new);
        assert_eq!(p.pairs, vec![(0, 1), (1, 0)]);
        assert!(p.removed.is_empty() && p.added.is_empty());
    }

    #[test]
    fn text_pairs_what_ids_left_over_seeing_through_sara_am() {
        // ทํางาน typed with nikhahit + sara aa, and with sara am.
        let old = [e("x1", "ท\u{0E4D}\u{0E32}งานเป็นทีม")];
        let new = [e("y1", "ท\u{0E33}งานเป็นทีม")];
        let p = by_id_then_text(&old, &new);
        assert_eq!(p.pairs, vec![(0, 0)]);
    }

    #[test]
    fn text_matching_ignores_case_and_spacing() {
        let old = [e("x", "Good  Roads")];
        let new = [e("y", " good roads ")];
        assert_eq!(by_id_then_text(&old, &new).pairs, vec![(0, 0)]);
    }

    #[test]
    fn an_id_match_is_not_taken_again_by_text() {
        // New "b" has old a's text, but old a already paired with new a by id.
        let old = [e("a", "same"), e("c", "other")];
        let new = [e("a", "changed"), e("b", "same")];
        let p = by_id_then_text(&old, &new);
        assert_eq!(p.pairs, vec![(0, 0)]);
        assert_eq!(p.removed, vec![1]);
        assert_eq!(p.added, vec![1]);
    }

    #[test]
    fn duplicates_pair_one_to_one_in_order() {
        let old = [e("1", "dup"), e("2", "dup")];
        let new = [e("3", "dup")];
        let p = by_id_then_text(&old, &new);
        assert_eq!(p.pairs, vec![(0, 0)]);
        assert_eq!(p.removed, vec![1]);
    }

    #[test]
    fn empty_keys_never_pair() {
        let old = [e("", "")];
        let new = [e("", "")];
        let p = by_id_then_text(&old, &new);
        assert!(p.pairs.is_empty());
        assert_eq!((p.removed.len(), p.added.len()), (1, 1));
    }

    #[test]
    fn empty_lists() {
        let none: [E; 0] = [];
        assert_eq!(by_id_then_text(&none, &none), Pairing::default());
    }
}

//! Grouping one quadrant's items of many sessions into the items that are
//! the same, or nearly the same (`text/similar.rs`).
//!
//! Items with the same folded text are one group at once. The groups are
//! then taken most widespread first: each joins the cluster whose first
//! group (its representative) it is nearest to, if it is near one, or
//! starts a cluster of its own. Comparing only with representatives keeps
//! a chain of small changes from pulling far-apart items together.
//!
//! Comparing every group with every cluster would be quadratic in the
//! items of a province's year; instead a group is compared only with the
//! clusters that share one of the rarest cluster pairs of its text (prefix
//! filtering: two sets that share at least `least_shared` values must share
//! one among the first `len − least_shared + 1` of each, in any one order
//! of the values), and only within its class (the same numbers, the same
//! ไม่ or none): items that differ only in a number never meet.

use std::collections::{HashMap, HashSet};

use crate::session::Place;
use crate::text::similar::{Shape, least_shared};

use super::Digest;

/// One item of one session.
#[derive(Debug, Clone, Copy)]
pub struct Occurrence<'f> {
    pub session: &'f Digest,
    pub place: Place,
    pub text: &'f str,
    pub key: &'f str,
    pub votes: u32,
}

/// The occurrences of what counts as one item.
pub type Cluster<'f> = Vec<Occurrence<'f>>;

/// Groups `items`; clusters come out in the order they were started
/// (most widespread first).
pub fn cluster<'f>(items: Vec<Occurrence<'f>>) -> Vec<Cluster<'f>> {
    let mut groups = exact_groups(items);
    groups.sort_by_cached_key(|g| {
        let sessions: HashSet<*const Digest> = g.iter().map(|o| o.session as *const _).collect();
        (
            std::cmp::Reverse(sessions.len()),
            std::cmp::Reverse(g.len()),
            g[0].key.to_owned(),
        )
    });
    let shapes: Vec<Shape> = groups
        .iter()
        .map(|g| Shape::of_folded(g[0].text, g[0].key.to_owned()))
        .collect();
    let rarity = rarity(&shapes);
    let mut clusters: Vec<Cluster> = Vec::new();
    // The representative of each cluster, by index into `shapes`.
    let mut heads: Vec<usize> = Vec::new();
    // A class and a cluster pair of a representative's prefix → the clusters having them.
    let mut index: HashMap<(u64, u64), Vec<usize>> = HashMap::new();
    for (g, group) in groups.into_iter().enumerate() {
        let class = shapes[g].class();
        let prefix: Vec<(u64, u64)> = prefix(&shapes[g], &rarity)
            .into_iter()
            .map(|gram| (class, gram))
            .collect();
        let mut seen = HashSet::new();
        let nearest = prefix
            .iter()
            .filter_map(|gram| index.get(gram))
            .flatten()
            .filter(|&&c| seen.insert(c))
            .filter(|&&c| shapes[heads[c]].near(&shapes[g]))
            .max_by(|&&a, &&b| {
                let (sa, sb) = (
                    shapes[heads[a]].similarity(&shapes[g]),
                    shapes[heads[b]].similarity(&shapes[g]),
                );
                // The earliest cluster among equals.
                sa.total_cmp(&sb).then(b.cmp(&a))
            })
            .copied();
        match nearest {
            Some(c) => clusters[c].extend(group),
            None => {
                for gram in prefix {
                    index.entry(gram).or_default().push(clusters.len());
                }
                heads.push(g);
                clusters.push(group);
            }
        }
    }
    clusters
}

/// Items with the same folded text, in the order they first appear.
fn exact_groups(items: Vec<Occurrence<'_>>) -> Vec<Vec<Occurrence<'_>>> {
    let mut at: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<Vec<Occurrence>> = Vec::new();
    for item in items {
        if item.key.is_empty() {
            continue;
        }
        match at.get(item.key) {
            Some(&g) => groups[g].push(item),
            None => {
                at.insert(item.key, groups.len());
                groups.push(vec![item]);
            }
        }
    }
    groups
}

/// How many shapes have each cluster pair: the rarest come first in a prefix.
fn rarity(shapes: &[Shape]) -> HashMap<u64, usize> {
    let mut count = HashMap::new();
    for shape in shapes {
        for &gram in shape.grams() {
            *count.entry(gram).or_insert(0) += 1;
        }
    }
    count
}

/// The rarest cluster pairs of `shape`, as many as a near shape must share one of.
fn prefix(shape: &Shape, rarity: &HashMap<u64, usize>) -> Vec<u64> {
    let mut grams = shape.grams().to_vec();
    grams.sort_by_key(|g| (rarity.get(g).copied().unwrap_or(0), *g));
    let len = grams.len();
    grams.truncate(len + 1 - least_shared(len).max(1));
    grams
}

#[cfg(test)]
mod tests {
    use super::super::tests::{digest, session};
    use super::*;
    use crate::session::Quadrant;
    use crate::text::fold::fold;

    #[test]
    fn three_typings_are_one_item_and_other_items_stay_apart() {
        let texts = [
            "ขาดงบประมาณในการพัฒนา",
            "ขาด งบประมาณ ในการพัฒนา",
            "ขาดงบประมาณสำหรับการพัฒนา",
            "ถนนชำรุด",
            "ถนนช\u{0E4D}\u{0E32}รุด",
            "น้ำท่วม",
            "ขาดงบประมาณ",
        ];
        let sessions: Vec<Digest> = (0..texts.len())
            .map(|i| digest(&session(&format!("s{i}"), "t", "2024-01-01", "")))
            .collect();
        let keys: Vec<String> = texts.iter().map(|t| fold(t)).collect();
        let items = texts
            .iter()
            .enumerate()
            .map(|(i, text)| Occurrence {
                session: &sessions[i],
                place: Place::Swot(Quadrant::Weaknesses, 0),
                text,
                key: &keys[i],
                votes: 1,
            })
            .collect();
        let clusters = cluster(items);
        let shown: Vec<Vec<&str>> = clusters
            .iter()
            .map(|c| c.iter().map(|o| o.text).collect())
            .collect();
        assert_eq!(shown.len(), 4, "{shown:?}");
        assert!(
            shown.contains(&vec![texts[0], texts[1], texts[2]]),
            "{shown:?}"
        );
        assert!(shown.contains(&vec![texts[3], texts[4]]), "{shown:?}");
        assert!(shown.contains(&vec![texts[5]]) && shown.contains(&vec![texts[6]]));
    }

    #[test]
    fn the_prefix_is_long_enough_for_any_near_shape() {
        let shape = Shape::new("ขาดงบประมาณ");
        let rarity = rarity(std::slice::from_ref(&shape));
        // 10 pairs, a near one shares at least 7: 4 of them must be looked at.
        assert_eq!(prefix(&shape, &rarity).len(), 4);
    }
}

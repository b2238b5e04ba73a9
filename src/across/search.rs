//! `wethi search` and the home screen's `/`: every text of every session
//! that holds the query, forgiving as `diff` is (`text/fold.rs`: `ํา` = `ำ`,
//! case and spacing do not count), with where in the original text each
//! match lies.

use std::ops::Range;

use crate::session::Place;
use crate::text::fold::{Folded, fold};

use super::{Digest, Said};

/// A query, folded. Nothing to look for when it folds to nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    pub fn new(text: &str) -> Option<Query> {
        Some(Query(fold(text))).filter(|q| !q.0.is_empty())
    }

    /// Where the query lies in `said`'s text (byte ranges), if it does.
    pub fn find(&self, said: &Said) -> Option<Vec<Range<usize>>> {
        // The folded text was made when the session was read: most texts
        // are turned away here without folding anything again.
        if !said.key.contains(&self.0) {
            return None;
        }
        Some(Folded::new(&said.text).find_all(&self.0)).filter(|r| !r.is_empty())
    }
}

/// One text that holds the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'f> {
    pub place: Place,
    pub text: &'f str,
    /// Byte ranges of `text` to highlight, in order, apart.
    pub ranges: Vec<Range<usize>>,
}

/// Every text of `session` holding the query, in the session's order.
pub fn hits<'f>(session: &'f Digest, query: &Query) -> Vec<Hit<'f>> {
    session
        .said
        .iter()
        .filter_map(|said| {
            query.find(said).map(|ranges| Hit {
                place: said.place,
                text: &said.text,
                ranges,
            })
        })
        .collect()
}

/// The sessions that hold the query, in the order given, each with its hits.
pub fn search<'f>(sessions: &'f [Digest], query: &Query) -> Vec<(&'f Digest, Vec<Hit<'f>>)> {
    sessions
        .iter()
        .map(|d| (d, hits(d, query)))
        .filter(|(_, hits)| !hits.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{digest, session};
    use super::*;
    use crate::session::Quadrant;

    #[test]
    fn finds_an_item_typed_another_way_and_marks_exactly_the_match() {
        let mut s = session("s1", "เวทีหนึ่ง", "2024-03-01", "");
        s.swot.weaknesses[0].text = "ชุมชนยังขาดงบประมาณ และบุคลากร".into();
        s.actions[0].text = "ของบประมาณเพิ่ม".into();
        let d = digest(&s);
        let q = Query::new("ขาด งบประมาณ").expect("a query");
        let found = hits(&d, &q);
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(hit.place, Place::Swot(Quadrant::Weaknesses, 0));
        let marked: Vec<&str> = hit.ranges.iter().map(|r| &hit.text[r.clone()]).collect();
        assert_eq!(marked, ["ขาดงบประมาณ"]);
        let q = Query::new("งบประมาณ").expect("a query");
        let places: Vec<Place> = hits(&d, &q).iter().map(|h| h.place).collect();
        assert!(
            places.contains(&Place::Swot(Quadrant::Weaknesses, 0)),
            "{places:?}"
        );
        assert!(places.contains(&Place::Action(0)), "{places:?}");
    }

    #[test]
    fn titles_and_details_are_searched_and_an_empty_query_is_none() {
        let s = session("s1", "เวที ตำบลนาคำ", "2024-03-01", "อำเภอเมือง");
        let d = digest(&s);
        let q = Query::new("ตำบล นาคำ").expect("a query");
        assert_eq!(hits(&d, &q)[0].place, Place::Title);
        let q = Query::new("อำเภอเมือง").expect("a query");
        assert!(
            hits(&d, &q)
                .iter()
                .any(|h| matches!(h.place, Place::Detail(_)))
        );
        assert_eq!(Query::new("  \u{200B} "), None);
        let none = search(std::slice::from_ref(&d), &Query::new("zzz").expect("q"));
        assert!(none.is_empty());
    }
}

//! `wethi insights` and the home screen's overview: over the sessions of a
//! period, the SWOT items that recur (the same or nearly the same item in
//! two sessions or more, `recurring.rs`), the open and overdue actions by
//! owner, and the sessions per month.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::session::{Place, Quadrant};
use crate::text::Lang;
use crate::text::fold::fold;
use crate::text::normalize::normalize;

use super::Digest;
use super::actions::{Tracked, tracked};
use super::recurring::{Occurrence, cluster};

/// An item that came back in several sessions.
#[derive(Debug, Clone)]
pub struct Recurring<'f> {
    /// How it was written most often (the earliest of equals).
    pub text: &'f str,
    /// The other ways it was written, each once, in order of first use.
    pub variants: Vec<&'f str>,
    /// Every time it was said, oldest first.
    pub occurrences: Vec<Occurrence<'f>>,
    pub sessions: usize,
    pub votes: u64,
    pub first: NaiveDate,
    pub last: NaiveDate,
    /// Where the sessions took place, each once, oldest first.
    pub places: Vec<&'f str>,
}

impl<'f> Recurring<'f> {
    /// The latest session that has it, and where in that session.
    pub fn latest(&self) -> Option<(&'f Digest, Place)> {
        self.occurrences.last().map(|o| (o.session, o.place))
    }
}

/// The actions one owner still has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerLoad {
    /// As it was written most often (runs of spaces as one); empty for
    /// actions without an owner.
    pub owner: String,
    pub open: usize,
    pub overdue: usize,
}

/// One month of the period and how many sessions it had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Month {
    pub year: i32,
    pub month: u32,
    pub sessions: usize,
}

#[derive(Debug, Clone)]
pub struct Insights<'f> {
    /// The sessions of the period, oldest first.
    pub sessions: Vec<&'f Digest>,
    /// Per quadrant, in board order: the items of two sessions or more,
    /// most sessions first, then most votes.
    pub recurring: [Vec<Recurring<'f>>; 4],
    /// Owners with open actions, most overdue first, then most open.
    pub owners: Vec<OwnerLoad>,
    /// Every month from the first session's to the last's.
    pub months: Vec<Month>,
    /// The open actions, overdue first (`actions::tracked`).
    pub open: Vec<Tracked<'f>>,
}

impl<'f> Insights<'f> {
    /// Everything above for `sessions` (any order); `today` decides what is overdue.
    pub fn new(sessions: &[&'f Digest], today: NaiveDate) -> Self {
        let mut in_time = sessions.to_vec();
        in_time.sort_by_key(|d| (d.day(), d.listed.updated_at));
        let open: Vec<Tracked> = tracked(&in_time, today)
            .into_iter()
            .filter(Tracked::is_open)
            .collect();
        Insights {
            recurring: Quadrant::ALL.map(|q| recurring_in(&in_time, q)),
            owners: owners(&open),
            months: months(&in_time),
            open,
            sessions: in_time,
        }
    }

    /// The language most sessions are in (`tie` when as many are in each).
    pub fn lang(&self, tie: Lang) -> Lang {
        let thai = self.sessions.iter().filter(|d| d.lang == Lang::Th).count();
        let other = self.sessions.len() - thai;
        match thai.cmp(&other) {
            std::cmp::Ordering::Greater => Lang::Th,
            std::cmp::Ordering::Less => Lang::En,
            std::cmp::Ordering::Equal => tie,
        }
    }

    /// The first and last day of the period's sessions.
    pub fn span(&self) -> Option<(NaiveDate, NaiveDate)> {
        Some((self.sessions.first()?.day(), self.sessions.last()?.day()))
    }

    pub fn overdue(&self) -> usize {
        self.open.iter().filter(|t| t.overdue).count()
    }
}

fn recurring_in<'f>(in_time: &[&'f Digest], q: Quadrant) -> Vec<Recurring<'f>> {
    let items = in_time
        .iter()
        .flat_map(|d| {
            d.said.iter().filter_map(move |s| match s.place {
                Place::Swot(quadrant, _) if quadrant == q => Some(Occurrence {
                    session: d,
                    place: s.place,
                    text: &s.text,
                    key: &s.key,
                    votes: s.votes,
                }),
                _ => None,
            })
        })
        .collect();
    let mut found: Vec<Recurring> = cluster(items).into_iter().filter_map(recurring).collect();
    found.sort_by(|a, b| {
        (b.sessions, b.votes, a.first)
            .cmp(&(a.sessions, a.votes, b.first))
            .then_with(|| a.text.cmp(b.text))
    });
    found
}

/// A cluster as an item that recurs; `None` when it was said in one session only.
fn recurring(mut occurrences: Vec<Occurrence<'_>>) -> Option<Recurring<'_>> {
    occurrences.sort_by_key(|o| (o.session.day(), o.session.listed.updated_at));
    let sessions: HashSet<*const Digest> =
        occurrences.iter().map(|o| o.session as *const _).collect();
    if sessions.len() < 2 {
        return None;
    }
    // A way of writing it is its text normalised: ทํา and ทำ look alike and
    // are one way, shown as the well-formed one.
    let mut ways: Vec<(String, &str, HashSet<*const Digest>)> = Vec::new();
    for o in &occurrences {
        let norm = normalize(o.text.trim());
        match ways.iter_mut().find(|(n, _, _)| *n == norm) {
            Some((n, shown, seen)) => {
                seen.insert(o.session as *const _);
                if *shown != n.as_str() && o.text == n.as_str() {
                    *shown = o.text;
                }
            }
            None => ways.push((norm, o.text, HashSet::from([o.session as *const _]))),
        }
    }
    let most = ways
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, _, seen))| (seen.len(), std::cmp::Reverse(*i)))
        .map_or(0, |(i, _)| i);
    let text = ways[most].1;
    let mut places: Vec<&str> = Vec::new();
    for o in &occurrences {
        if !places.contains(&o.session.place_name.as_str()) {
            places.push(&o.session.place_name);
        }
    }
    Some(Recurring {
        text,
        variants: ways
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != most)
            .map(|(_, (_, shown, _))| *shown)
            .collect(),
        sessions: sessions.len(),
        votes: occurrences.iter().map(|o| u64::from(o.votes)).sum(),
        first: occurrences.first()?.session.day(),
        last: occurrences.last()?.session.day(),
        places,
        occurrences,
    })
}

/// Open actions by owner; owners written another way (`text/fold.rs`) are one.
fn owners(open: &[Tracked<'_>]) -> Vec<OwnerLoad> {
    let mut by_key: HashMap<String, (Vec<String>, usize, usize)> = HashMap::new();
    for t in open {
        let entry = by_key.entry(fold(&t.task.owner)).or_default();
        let tidy: Vec<&str> = t.task.owner.split_whitespace().collect();
        entry.0.push(tidy.join(" "));
        entry.1 += 1;
        entry.2 += usize::from(t.overdue);
    }
    let mut loads: Vec<OwnerLoad> = by_key
        .into_values()
        .map(|(names, open, overdue)| OwnerLoad {
            owner: most_common(&names).to_owned(),
            open,
            overdue,
        })
        .collect();
    loads.sort_by(|a, b| {
        (b.overdue, b.open)
            .cmp(&(a.overdue, a.open))
            .then_with(|| a.owner.cmp(&b.owner))
    });
    loads
}

fn most_common(names: &[String]) -> &str {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for name in names {
        let name = name.as_str();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, c))| (*c, std::cmp::Reverse(*i)))
        .map_or("", |(_, (n, _))| n)
}

fn months(in_time: &[&Digest]) -> Vec<Month> {
    let (Some(first), Some(last)) = (in_time.first(), in_time.last()) else {
        return Vec::new();
    };
    let index = |d: NaiveDate| d.year() * 12 + d.month0() as i32;
    let (from, to) = (index(first.day()), index(last.day()));
    let mut counts = vec![0usize; (to - from + 1) as usize];
    for d in in_time {
        counts[(index(d.day()) - from) as usize] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(i, sessions)| {
            let n = from + i as i32;
            Month {
                year: n.div_euclid(12),
                month: n.rem_euclid(12) as u32 + 1,
                sessions,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::{digest, session};
    use super::*;

    #[test]
    fn an_item_of_three_sessions_typed_three_ways_recurs_once_with_its_counts() {
        let ways = ["ขาดงบประมาณ", "ขาด งบประมาณ", "ขาดงบประมาน"];
        let dates = ["2024-01-10", "2024-03-05", "2024-02-20"];
        let districts = ["อำเภอเมือง", "อำเภอวารินชำราบ", "อำเภอเดชอุดม"];
        let digests: Vec<Digest> = (0..3)
            .map(|i| {
                let mut s = session(&format!("s{i}"), "t", dates[i], districts[i]);
                s.swot.weaknesses[0].text = ways[i].into();
                s.swot.weaknesses[0].votes = i as u32 + 1;
                digest(&s)
            })
            .collect();
        let refs: Vec<&Digest> = digests.iter().collect();
        let insights = Insights::new(&refs, "2024-06-01".parse().expect("a date"));
        let weak = &insights.recurring[Quadrant::Weaknesses.index()];
        let budget = weak
            .iter()
            .find(|r| r.text == "ขาดงบประมาณ")
            .expect("the budget recurs");
        assert_eq!((budget.sessions, budget.votes), (3, 6));
        assert_eq!(budget.first.to_string(), "2024-01-10");
        assert_eq!(budget.last.to_string(), "2024-03-05");
        assert_eq!(
            budget.places,
            ["อำเภอเมือง", "อำเภอเดชอุดม", "อำเภอวารินชำราบ"]
        );
        assert_eq!(budget.variants, ["ขาดงบประมาน", "ขาด งบประมาณ"]);
        assert_eq!(
            budget.latest().map(|(d, _)| d.listed.id.as_str()),
            Some("s1")
        );
        // Every other example item is in all three sessions, written alike.
        assert!(weak.iter().all(|r| r.sessions == 3));

        let months: Vec<(u32, usize)> = insights
            .months
            .iter()
            .map(|m| (m.month, m.sessions))
            .collect();
        assert_eq!(months, [(1, 1), (2, 1), (3, 1)]);
        // Each session left a-2 open, due 2021: three open, overdue actions of one owner.
        assert_eq!(insights.open.len(), 3);
        assert_eq!(insights.owners.len(), 1);
        assert_eq!(
            (insights.owners[0].open, insights.owners[0].overdue),
            (3, 3)
        );
        assert_eq!(insights.lang(Lang::En), Lang::Th);
    }

    #[test]
    fn months_run_across_years_and_count_empty_ones() {
        let digests: Vec<Digest> = ["2023-11-30", "2024-02-01", "2024-02-29"]
            .iter()
            .enumerate()
            .map(|(i, d)| digest(&session(&format!("s{i}"), "t", d, "")))
            .collect();
        let refs: Vec<&Digest> = digests.iter().collect();
        let m: Vec<(i32, u32, usize)> = months(&refs)
            .iter()
            .map(|m| (m.year, m.month, m.sessions))
            .collect();
        assert_eq!(
            m,
            [(2023, 11, 1), (2023, 12, 0), (2024, 1, 0), (2024, 2, 2)]
        );
    }
}

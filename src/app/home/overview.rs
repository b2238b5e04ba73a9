//! The home screen's overview of the folder (`o`): the insights of every
//! session (`across/insights.rs`) and the actions still open, as rows the
//! screen draws and the keys walk. A recurring item or an open action opens
//! the session that has the latest word on it, at that entry.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::across::Digest;
use crate::across::insights::Insights;
use crate::session::{FollowUpStatus, Place, Quadrant};

/// Where a row leads: a session and the entry in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub path: PathBuf,
    pub place: Place,
    pub title: String,
    pub day: NaiveDate,
}

/// The sections of the overview, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Recurring(Quadrant),
    OpenActions { open: usize, overdue: usize },
    Owners,
    Months,
}

/// One line of the overview; words are the drawing's (`ui/home_overview.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// How many sessions, over which days, and how many files were skipped.
    Summary {
        sessions: usize,
        span: Option<(NaiveDate, NaiveDate)>,
        skipped: usize,
    },
    Heading(Section),
    /// The section has nothing to show.
    Nothing(Section),
    Recurring {
        quadrant: Quadrant,
        text: String,
        sessions: usize,
        votes: u64,
        first: NaiveDate,
        last: NaiveDate,
        target: Target,
    },
    Action {
        text: String,
        owner: String,
        due: Option<NaiveDate>,
        overdue: bool,
        status: FollowUpStatus,
        target: Target,
    },
    Owner {
        owner: String,
        open: usize,
        overdue: usize,
    },
    Month {
        year: i32,
        month: u32,
        sessions: usize,
        /// The most sessions of any month, for the length of its bar.
        most: usize,
    },
}

impl Row {
    /// Whether ↑ ↓ stop at this row: every line of content, so that the
    /// owners and months below a long list of actions can be reached too.
    pub fn selectable(&self) -> bool {
        match self {
            Row::Recurring { .. } | Row::Action { .. } | Row::Owner { .. } | Row::Month { .. } => {
                true
            }
            Row::Summary { .. } | Row::Heading(_) | Row::Nothing(_) => false,
        }
    }

    /// Where Enter on this row leads, if anywhere.
    pub fn target(&self) -> Option<&Target> {
        match self {
            Row::Recurring { target, .. } | Row::Action { target, .. } => Some(target),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overview {
    rows: Vec<Row>,
    /// Index into `rows`, always a selectable row (when there is one).
    selected: usize,
}

impl Overview {
    /// The overview of `sessions` (newest first or any order), with
    /// `skipped` files that failed to load; `today` decides what is overdue.
    pub fn new(sessions: &[Digest], skipped: usize, today: NaiveDate) -> Self {
        let refs: Vec<&Digest> = sessions.iter().collect();
        let insights = Insights::new(&refs, today);
        let target = |d: &Digest, place: Place| Target {
            path: d.path().to_path_buf(),
            place,
            title: d.title().to_owned(),
            day: d.day(),
        };
        let mut rows = vec![Row::Summary {
            sessions: insights.sessions.len(),
            span: insights.span(),
            skipped,
        }];
        for q in Quadrant::ALL {
            let section = Section::Recurring(q);
            rows.push(Row::Heading(section));
            let items = &insights.recurring[q.index()];
            if items.is_empty() {
                rows.push(Row::Nothing(section));
            }
            for r in items {
                let Some((d, place)) = r.latest() else {
                    continue;
                };
                rows.push(Row::Recurring {
                    quadrant: q,
                    text: r.text.to_owned(),
                    sessions: r.sessions,
                    votes: r.votes,
                    first: r.first,
                    last: r.last,
                    target: target(d, place),
                });
            }
        }
        let open = Section::OpenActions {
            open: insights.open.len(),
            overdue: insights.overdue(),
        };
        rows.push(Row::Heading(open));
        if insights.open.is_empty() {
            rows.push(Row::Nothing(open));
        }
        for t in &insights.open {
            rows.push(Row::Action {
                text: t.task.text.clone(),
                owner: t
                    .task
                    .owner
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                due: t.task.due,
                overdue: t.overdue,
                status: t.task.status,
                target: target(t.latest, t.task.place),
            });
        }
        rows.push(Row::Heading(Section::Owners));
        if insights.owners.is_empty() {
            rows.push(Row::Nothing(Section::Owners));
        }
        for o in &insights.owners {
            rows.push(Row::Owner {
                owner: o.owner.clone(),
                open: o.open,
                overdue: o.overdue,
            });
        }
        rows.push(Row::Heading(Section::Months));
        let most = insights
            .months
            .iter()
            .map(|m| m.sessions)
            .max()
            .unwrap_or(0);
        for m in &insights.months {
            rows.push(Row::Month {
                year: m.year,
                month: m.month,
                sessions: m.sessions,
                most,
            });
        }
        let selected = rows.iter().position(Row::selectable).unwrap_or(0);
        Overview { rows, selected }
    }

    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// Index into [`Overview::rows`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The selected row's target.
    pub fn target(&self) -> Option<&Target> {
        self.rows.get(self.selected).and_then(Row::target)
    }

    /// Moves to the next (or previous) row that leads somewhere; stays at
    /// the last (or first) one.
    pub fn step(&mut self, down: bool) {
        let next = if down {
            (self.selected + 1..self.rows.len()).find(|&i| self.rows[i].target().is_some())
        } else {
            (0..self.selected)
                .rev()
                .find(|&i| self.rows[i].target().is_some())
        };
        if let Some(i) = next {
            self.selected = i;
        }
    }

    /// Selects row `index` if it is selectable.
    pub fn select(&mut self, index: usize) {
        if self.rows.get(index).is_some_and(Row::selectable) {
            self.selected = index;
        }
    }

    /// Whether more than one row is selectable (so ↑ ↓ do something).
    pub fn can_step(&self) -> bool {
        self.rows.iter().filter(|r| r.selectable()).count() > 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::across::tests::{digest, session};

    #[test]
    fn rows_lead_to_the_latest_session_at_the_entry_and_the_keys_skip_the_rest() {
        let digests: Vec<Digest> = ["2024-01-10", "2024-02-10"]
            .iter()
            .enumerate()
            .map(|(i, d)| digest(&session(&format!("s{i}"), &format!("t{i}"), d, "")))
            .collect();
        let mut o = Overview::new(&digests, 1, "2024-06-01".parse().expect("a date"));
        assert!(matches!(
            o.rows()[0],
            Row::Summary {
                sessions: 2,
                skipped: 1,
                ..
            }
        ));
        let open = Section::OpenActions {
            open: 2,
            overdue: 2,
        };
        assert!(o.rows().contains(&Row::Heading(open)));
        assert_eq!(
            o.rows()[1],
            Row::Heading(Section::Recurring(Quadrant::Strengths))
        );
        // Every example item recurs; the first leads to the later session's S1.
        let first = o.target().expect("a target").clone();
        assert_eq!(
            (first.title.as_str(), first.place),
            ("t1", Place::Swot(Quadrant::Strengths, 0))
        );
        assert_eq!(o.selected(), 2);
        o.step(false);
        assert_eq!(o.selected(), 2, "nothing above leads anywhere");
        for _ in 0..100 {
            o.step(true);
        }
        let last = o.target().expect("a target");
        // The last selectable row is the last open action (a-2 of each session).
        assert_eq!(last.place, Place::Action(1));
        assert!(matches!(
            o.rows()[o.selected()],
            Row::Action { overdue: true, .. }
        ));
        assert!(o.rows().iter().any(|r| matches!(
            r,
            Row::Month {
                sessions: 1,
                most: 1,
                ..
            }
        )));
        assert!(o.can_step());
    }
}

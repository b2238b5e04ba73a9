//! The diff's sections about what the workshop produced: SWOT items,
//! strategies, actions, follow-ups and photos.

use std::collections::{HashMap, HashSet};

use crate::i18n::photos::photos_strings;
use crate::session::{
    Action, FollowUp, FollowUpStatus, Photo, Quadrant, Session, Strategy, SwotItem, TowsPair,
};

use super::super::matching::{Pairing, pair_up, text_key};
use super::{Mark, Out, by_id_then_text, show};

/// Every SWOT item with its quadrant, in board order.
pub fn flat_swot(s: &Session) -> Vec<(Quadrant, &SwotItem)> {
    Quadrant::ALL
        .iter()
        .flat_map(|q| s.swot.items(*q).iter().map(move |item| (*q, item)))
        .collect()
}

/// The SWOT items of both sessions and how they pair, for the strategies'
/// links.
pub(super) struct SwotPairing<'a> {
    old: Vec<(Quadrant, &'a SwotItem)>,
    new: Vec<(Quadrant, &'a SwotItem)>,
    pairing: Pairing,
}

impl SwotPairing<'_> {
    /// The new id of each old item that is still there.
    fn old_to_new(&self) -> HashMap<&str, &str> {
        self.pairing
            .pairs
            .iter()
            .map(|&(i, j)| (self.old[i].1.id.as_str(), self.new[j].1.id.as_str()))
            .collect()
    }
}

/// Pairs by id, then by text in the same quadrant, then by text anywhere
/// (an item moved to another quadrant).
pub(super) fn swot<'a>(out: &mut Out, old: &'a Session, new: &'a Session) -> SwotPairing<'a> {
    let (o, n) = (flat_swot(old), flat_swot(new));
    type Entry<'x> = (Quadrant, &'x SwotItem);
    let id = |e: &Entry| e.1.id.clone();
    let in_quadrant = |e: &Entry| {
        let key = text_key(&e.1.text);
        if key.is_empty() {
            key
        } else {
            format!("{}{key}", e.0.letter())
        }
    };
    let anywhere = |e: &Entry| text_key(&e.1.text);
    let pairing = pair_up(&o, &n, &[&id, &in_quadrant, &anywhere]);
    let t = out.t;
    for &(i, j) in &pairing.pairs {
        let ((qa, a), (qb, b)) = (o[i], n[j]);
        let mut what = Vec::new();
        if qa != qb {
            what.push(format!("{} {}", out.c.moved_from, t.quadrant(qa)));
        }
        if text_key(&a.text) != text_key(&b.text) {
            what.push(format!("{} {}", out.c.text_was, out.value(&a.text)));
        }
        if a.votes != b.votes {
            what.push(format!("{} {} → {}", t.votes, a.votes, b.votes));
        }
        if !what.is_empty() {
            let line = format!(
                "{}: {} ({})",
                t.quadrant(qb),
                out.value(&b.text),
                what.join("; ")
            );
            out.push(Mark::Changed, line);
        }
    }
    out.added_and_removed(&pairing, &o, &n, |out, &(q, item)| item_line(out, q, item));
    SwotPairing {
        old: o,
        new: n,
        pairing,
    }
}

fn item_line(out: &Out, q: Quadrant, item: &SwotItem) -> String {
    let mut line = format!("{}: {}", out.t.quadrant(q), out.value(&item.text));
    if item.votes > 0 {
        line.push_str(&format!(" ({} {})", out.t.votes, item.votes));
    }
    line
}

/// A strategy's links as board numbers (S1, O2) in its own session.
fn link_numbers(s: &Session, links: &[String]) -> String {
    links
        .iter()
        .map(|id| s.board_number(id).unwrap_or_else(|| show(id)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every strategy with its pair, in board order.
pub fn flat_strategies(s: &Session) -> Vec<(TowsPair, &Strategy)> {
    TowsPair::ALL
        .iter()
        .flat_map(|p| s.strategies.items(*p).iter().map(move |x| (*p, x)))
        .collect()
}

pub(super) fn strategies(out: &mut Out, old: &Session, new: &Session, swot: &SwotPairing) {
    type Entry<'x> = (TowsPair, &'x Strategy);
    let (o, n) = (flat_strategies(old), flat_strategies(new));
    let id = |e: &Entry| e.1.id.clone();
    let in_pair = |e: &Entry| {
        let key = text_key(&e.1.text);
        if key.is_empty() {
            key
        } else {
            format!("{}{key}", e.0.code())
        }
    };
    let anywhere = |e: &Entry| text_key(&e.1.text);
    let p = pair_up(&o, &n, &[&id, &in_pair, &anywhere]);
    let moved = swot.old_to_new();
    let t = out.t;
    for &(i, j) in &p.pairs {
        let ((pa, a), (pb, b)) = (o[i], n[j]);
        let mut what = Vec::new();
        if pa != pb {
            what.push(format!("{} {}", out.c.moved_from, pa.code()));
        }
        if text_key(&a.text) != text_key(&b.text) {
            what.push(format!("{} {}", out.c.text_was, out.value(&a.text)));
        }
        // Links are the same when every old link's item is, in the new
        // session, one of the new links.
        let was: HashSet<&str> = a
            .links
            .iter()
            .map(|l| moved.get(l.as_str()).copied().unwrap_or(""))
            .collect();
        let now: HashSet<&str> = b.links.iter().map(String::as_str).collect();
        if was != now {
            what.push(format!(
                "{} {} → {}",
                out.c.links,
                out.value(&link_numbers(old, &a.links)),
                out.value(&link_numbers(new, &b.links))
            ));
        }
        if !what.is_empty() {
            let line = format!(
                "{}: {} ({})",
                t.tows(pb),
                out.value(&b.text),
                what.join("; ")
            );
            out.push(Mark::Changed, line);
        }
    }
    out.added_and_removed(&p, &o, &n, |out, &(pair, s)| {
        format!("{}: {}", t.tows(pair), out.value(&s.text))
    });
}

pub(super) fn actions(out: &mut Out, old: &[Action], new: &[Action]) {
    let p = by_id_then_text(old, new, |a| &a.id, |a| a.text.clone());
    let t = out.t;
    for &(i, j) in &p.pairs {
        let (a, b) = (&old[i], &new[j]);
        let mut what = Vec::new();
        if text_key(&a.text) != text_key(&b.text) {
            what.push(format!("{} {}", out.c.text_was, out.value(&a.text)));
        }
        if a.owner.trim() != b.owner.trim() {
            what.push(format!(
                "{} {} → {}",
                t.owner,
                out.value(&a.owner),
                out.value(&b.owner)
            ));
        }
        if a.due != b.due {
            let (da, db) = (out.date(a.due), out.date(b.due));
            what.push(format!("{} {} → {}", t.due, out.value(&da), out.value(&db)));
        }
        if a.done != b.done {
            what.push(format!("{} → {}", out.done(a.done), out.done(b.done)));
        }
        if !what.is_empty() {
            let line = format!("{} ({})", out.value(&b.text), what.join("; "));
            out.push(Mark::Changed, line);
        }
    }
    out.added_and_removed(&p, old, new, action_line);
}

fn status(out: &Out, s: FollowUpStatus) -> &'static str {
    match s {
        FollowUpStatus::Open => out.c.not_done,
        FollowUpStatus::Done => out.c.done,
        FollowUpStatus::Carried => out.c.carried,
        FollowUpStatus::Dropped => out.c.dropped,
    }
}

/// The past session's actions brought in for follow-up: what became of each.
pub(super) fn followups(out: &mut Out, old: &[FollowUp], new: &[FollowUp]) {
    let p = by_id_then_text(old, new, |f| &f.id, |f| f.text.clone());
    for &(i, j) in &p.pairs {
        let (a, b) = (&old[i], &new[j]);
        if a.status != b.status {
            let line = format!(
                "{} ({} → {})",
                out.value(&b.text),
                status(out, a.status),
                status(out, b.status)
            );
            out.push(Mark::Changed, line);
        }
    }
    for &j in &p.added {
        let line = format!(
            "{} ({})",
            out.value(&new[j].text),
            status(out, new[j].status)
        );
        out.push(Mark::Added, line);
    }
    for &i in &p.removed {
        let line = out.value(&old[i].text);
        out.push(Mark::Removed, line);
    }
}

fn action_line(out: &Out, a: &Action) -> String {
    let mut line = out.value(&a.text);
    let mut what = Vec::new();
    if !a.owner.trim().is_empty() {
        what.push(format!("{} {}", out.t.owner, show(&a.owner)));
    }
    if a.due.is_some() {
        what.push(format!("{} {}", out.t.due, out.date(a.due)));
    }
    what.push(out.done(a.done).to_owned());
    line.push_str(&format!(" ({})", what.join("; ")));
    line
}

/// "caption (ph-1.jpg)": a photo is named by its caption and its file.
fn photo_line(out: &Out, p: &Photo) -> String {
    let caption = match p.caption.trim() {
        "" => photos_strings(out.lang).no_caption.to_owned(),
        c => show(c),
    };
    format!("{caption} ({})", show(&p.file))
}

/// Photos paired by id, then by file: added, removed, with a new caption,
/// or in another place of the report.
pub(super) fn photos(out: &mut Out, old: &[Photo], new: &[Photo]) {
    let p = pair_up(
        old,
        new,
        &[&|x: &Photo| x.id.clone(), &|x: &Photo| x.file.clone()],
    );
    for &(i, j) in &p.pairs {
        let (a, b) = (&old[i], &new[j]);
        let mut what = Vec::new();
        if a.caption.trim() != b.caption.trim() {
            what.push(format!("{} {}", out.c.text_was, out.value(&a.caption)));
        }
        if i != j {
            what.push(format!("{} {} → {}", out.c.place, i + 1, j + 1));
        }
        if !what.is_empty() {
            let line = format!("{} ({})", photo_line(out, b), what.join("; "));
            out.push(Mark::Changed, line);
        }
    }
    out.added_and_removed(&p, old, new, photo_line);
}

//! The diff's sections about the session itself and its plan: the
//! details, the stages and the guidance.

use crate::i18n::details::details_strings;
use crate::session::{Meta, Session};
use crate::text::clock::format_span;

use super::{Mark, Out, by_id_then_text, notes};

/// Every detail and fact of the session. Both sides are taken apart field
/// by field, so a new field in `Meta` does not compile until it is here.
pub(super) fn details(out: &mut Out, old: &Session, new: &Session) {
    let t = out.t;
    let d = details_strings(out.lang);
    let facts = |m: &Meta| {
        let Meta {
            date,
            venue,
            district,
            province,
            organiser,
            facilitator,
            participants,
            project,
            objective,
            time,
            presided_by,
            facilitator_position,
            team,
            headline,
            tagline,
            credit,
            extra: _,
        } = m;
        let total = participants
            .total
            .map(|n| n.to_string())
            .unwrap_or_default();
        let groups = participants
            .groups
            .iter()
            .map(|g| match g.count {
                Some(n) => format!("{} {n}", g.label.trim()),
                None => g.label.trim().to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        let time = time
            .as_ref()
            .map(|t| format_span(t.start, t.end))
            .unwrap_or_default();
        let (presider, position) = presided_by
            .as_ref()
            .map_or((String::new(), String::new()), |p| {
                (p.name.clone(), p.position.clone())
            });
        [
            (d.project, project.clone()),
            (d.objective, objective.clone()),
            (t.date, out.date(*date)),
            (d.time, time),
            (t.venue, venue.clone()),
            (t.district, district.clone()),
            (t.province, province.clone()),
            (t.organiser, organiser.clone()),
            (d.presided_by, presider),
            (d.presided_position, position),
            (t.facilitator, facilitator.clone()),
            (d.facilitator_position, facilitator_position.clone()),
            (d.team, team.clone()),
            (d.headline, headline.clone()),
            (d.tagline, tagline.clone()),
            (d.credit, credit.clone()),
            (t.participants, total),
            (out.c.participant_groups, groups),
        ]
    };
    let (before, after) = (facts(&old.meta), facts(&new.meta));
    out.field(t.title, &old.title, &new.title);
    for ((label, a), (_, b)) in before.into_iter().zip(after) {
        out.field(label, &a, &b);
    }
}

pub(super) fn stages(out: &mut Out, old: &Session, new: &Session) {
    let lang = out.lang;
    let (o, n) = (&old.stages, &new.stages);
    let p = by_id_then_text(o, n, |s| &s.id, |s| s.title.get(lang).to_owned());
    for &(i, j) in &p.pairs {
        let (a, b) = (&o[i], &n[j]);
        let title = out.value(b.title.get(lang));
        if a.done != b.done {
            let line = format!("{title}: {} → {}", out.done(a.done), out.done(b.done));
            out.push(Mark::Changed, line);
        }
        let (ma, mb) = (a.elapsed_seconds / 60, b.elapsed_seconds / 60);
        if ma != mb {
            let line = format!("{title}: {} {ma} → {mb} {}", out.t.spent, out.t.minutes);
            out.push(Mark::Changed, line);
        }
        if a.timebox_minutes != b.timebox_minutes {
            let line = format!(
                "{title}: {} {} → {} {}",
                out.t.timebox, a.timebox_minutes, b.timebox_minutes, out.t.minutes
            );
            out.push(Mark::Changed, line);
        }
        notes(out, &title, &a.notes, &b.notes);
    }
    out.added_and_removed(&p, o, n, |out, st| out.value(st.title.get(lang)));
}

pub(super) fn guidance(out: &mut Out, old: &Session, new: &Session) {
    let lang = out.lang;
    let (o, n) = (&old.guidance, &new.guidance);
    let p = by_id_then_text(o, n, |g| &g.id, |g| g.title.get(lang).to_owned());
    for &(i, j) in &p.pairs {
        let (a, b) = (&o[i], &n[j]);
        let title = out.value(b.title.get(lang));
        let items = by_id_then_text(&a.items, &b.items, |x| &x.id, |x| x.label.get(lang).into());
        for &(x, y) in &items.pairs {
            let (ia, ib) = (&a.items[x], &b.items[y]);
            if ia.discussed != ib.discussed {
                let flag = |d: bool| {
                    if d {
                        out.t.discussed
                    } else {
                        out.c.not_discussed
                    }
                };
                let line = format!(
                    "{title}: {}: {} → {}",
                    out.value(ib.label.get(lang)),
                    flag(ia.discussed),
                    flag(ib.discussed)
                );
                out.push(Mark::Changed, line);
            }
        }
        notes(out, &title, &a.notes, &b.notes);
    }
    out.added_and_removed(&p, o, n, |out, g| out.value(g.title.get(lang)));
}

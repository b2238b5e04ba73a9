//! The diff's sections about the session itself and its plan: the
//! details, the stages and the guidance.

use crate::session::Session;

use super::{Mark, Out, by_id_then_text, notes};

pub(super) fn details(out: &mut Out, old: &Session, new: &Session) {
    let t = out.t;
    let (a, b) = (&old.meta, &new.meta);
    out.field(t.title, &old.title, &new.title);
    let (da, db) = (out.date(a.date), out.date(b.date));
    out.field(t.date, &da, &db);
    for (label, x, y) in [
        (t.venue, &a.venue, &b.venue),
        (t.district, &a.district, &b.district),
        (t.province, &a.province, &b.province),
        (t.organiser, &a.organiser, &b.organiser),
        (t.facilitator, &a.facilitator, &b.facilitator),
    ] {
        out.field(label, x, y);
    }
    let total = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
    out.field(
        t.participants,
        &total(a.participants.total),
        &total(b.participants.total),
    );
    let groups = |s: &Session| {
        s.meta
            .participants
            .groups
            .iter()
            .map(|g| match g.count {
                Some(n) => format!("{} {n}", g.label.trim()),
                None => g.label.trim().to_owned(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.field(out.c.participant_groups, &groups(old), &groups(new));
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

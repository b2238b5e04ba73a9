//! `wethi merge`: the sessions of breakout groups made into one.
//!
//! What the merged session holds, and the choices made:
//! - a fresh id, the title given (`--title`) or else one saying it is a merge
//!   (in the first file's language), the first file's details and facts
//!   (project, objective, who presided …), language and unknown fields;
//! - the first file's agenda and guidance structure, matched by id: a stage's
//!   time spent is the sum over the files (a running timer counts up to the
//!   moment of merging; no timer runs in the result), it is done if it is done
//!   in any file, and a guidance sub-item is discussed if it was in any file.
//!   Stages and points only later files have are added at the end. Their notes
//!   are kept, each tagged with its group;
//! - every SWOT item, tagged with its group; items of one quadrant whose text
//!   is equal after normalising (`ํา` = `ำ`, case, spaces) are kept once, the
//!   first text seen, with the votes added and the groups listed ("กลุ่ม 1,
//!   กลุ่ม 2");
//! - every strategy, recommendation, action and closing note, tagged, with
//!   strategy links pointing at the merged items (a link to an item missing
//!   from its own file is dropped); follow-ups of the same past action once;
//! - every photo, tagged with its group, under a file name unique in the
//!   merged session's photo folder (the caller copies the images: see
//!   [`photo_origins`]);
//! - participants: when every file carries the same total, each group was
//!   given the whole room's numbers, so the total is kept, not added (the
//!   command says so), and groups of the same label are kept once. Otherwise
//!   they are added up: totals summed; groups of the same label merged with
//!   their counts summed, and a group per file that lists none;
//! - ids kept where they are still unique, fresh ones otherwise.
//!
//! An entry that already names a group (a merged file merged again) keeps it.

use std::collections::{HashMap, HashSet};

use crate::i18n::compare::compare_strings;
use crate::session::ids::new_id;
use crate::session::{
    Action, ClosingNotes, FORMAT, FollowUp, GuidanceItem, GuidancePoint, Meta, ParticipantGroup,
    Participants, Photo, Quadrant, Session, Stage, Strategies, Strategy, Swot, SwotItem, Timestamp,
    TowsPair, VERSION,
};

use super::matching::text_key;

mod tags;

use tags::{Ids, add_groups, tag, tagged_notes};

/// One file to merge and the name of its group.
#[derive(Debug, Clone)]
pub struct Source {
    pub group: String,
    pub session: Session,
}

/// Merges `sources` in order under `title` (else one naming the groups);
/// `None` when there are none. `now` stamps the result and ends any running
/// timer.
pub fn merge(sources: &[Source], title: Option<&str>, now: Timestamp) -> Option<Session> {
    let first = &sources.first()?.session;
    let mut ids = Ids::default();
    let names: Vec<&str> = sources.iter().map(|s| s.group.as_str()).collect();
    let title = match title {
        Some(t) => t.to_owned(),
        None => format!(
            "{}: {}",
            compare_strings(first.lang).merged_title,
            names.join(", ")
        ),
    };
    let (stages, guidance) = structure(sources, now, &mut ids);
    let (swot, id_maps) = swot(sources, &mut ids);
    let mut merged = Session {
        format: FORMAT.to_owned(),
        version: VERSION,
        id: ids.claim(&new_id("session"), "session"),
        title,
        created_at: now,
        updated_at: now,
        lang: first.lang,
        meta: meta(sources),
        stages,
        guidance,
        swot,
        strategies: strategies(sources, &id_maps, &mut ids),
        recommendations: Vec::new(),
        actions: Vec::new(),
        followups: followups(sources, &mut ids),
        notes: ClosingNotes {
            role_review: Vec::new(),
            experience_exchange: Vec::new(),
            extra: first.notes.extra.clone(),
        },
        photos: Vec::new(),
        extra: first.extra.clone(),
    };
    merged.photos = photos(sources, &mut ids);
    for source in sources {
        let (s, g) = (&source.session, source.group.as_str());
        let notes = &mut merged.notes;
        merged
            .recommendations
            .extend(tagged_notes(&s.recommendations, g, &mut ids));
        notes
            .role_review
            .extend(tagged_notes(&s.notes.role_review, g, &mut ids));
        notes
            .experience_exchange
            .extend(tagged_notes(&s.notes.experience_exchange, g, &mut ids));
        merged.actions.extend(s.actions.iter().map(|a| Action {
            id: ids.claim(&a.id, "a"),
            group: tag(&a.group, g),
            ..a.clone()
        }));
    }
    Some(merged)
}

/// Every photo of `sources` with the index of the source it is from, in
/// the order of the merged session's `photos`: its `k`-th photo is a copy of
/// the `k`-th one here, whose image the caller copies under the new name.
pub fn photo_origins(sources: &[Source]) -> Vec<(usize, &Photo)> {
    sources
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.session.photos.iter().map(move |p| (i, p)))
        .collect()
}

fn photos(sources: &[Source], ids: &mut Ids) -> Vec<Photo> {
    let mut files: HashSet<String> = HashSet::new();
    photo_origins(sources)
        .into_iter()
        .map(|(i, p)| Photo {
            id: ids.claim(&p.id, "ph"),
            file: free_file_name(&p.file, &mut files),
            group: tag(&p.group, &sources[i].group),
            ..p.clone()
        })
        .collect()
}

/// `name` itself when no photo took it yet, else `stem-2.ext`, `stem-3.ext` …
fn free_file_name(name: &str, taken: &mut HashSet<String>) -> String {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let mut candidate = name.to_owned();
    let mut n = 2;
    while !taken.insert(candidate.clone()) {
        candidate = if ext.is_empty() {
            format!("{stem}-{n}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        n += 1;
    }
    candidate
}

/// Seconds a stage's timer has run, counting a running timer up to `now`.
fn spent(stage: &Stage, now: Timestamp) -> u64 {
    let running = stage
        .running_since
        .map_or(0, |since| (now - since).num_seconds().max(0).unsigned_abs());
    stage.elapsed_seconds.saturating_add(running)
}

/// The agenda and guidance: the first file's, then what only later files have.
fn structure(
    sources: &[Source],
    now: Timestamp,
    ids: &mut Ids,
) -> (Vec<Stage>, Vec<GuidancePoint>) {
    let mut stages: Vec<Stage> = Vec::new();
    let mut guidance: Vec<GuidancePoint> = Vec::new();
    // Source id → position in the result (ids may have been renamed).
    let mut stage_at: HashMap<String, usize> = HashMap::new();
    let mut point_at: HashMap<String, usize> = HashMap::new();
    let mut item_at: HashMap<(usize, String), usize> = HashMap::new();
    for source in sources {
        let g = source.group.as_str();
        for stage in &source.session.stages {
            let i = *stage_at.entry(stage.id.clone()).or_insert_with(|| {
                stages.push(Stage {
                    id: ids.claim(&stage.id, "stage"),
                    elapsed_seconds: 0,
                    running_since: None,
                    done: false,
                    notes: Vec::new(),
                    ..stage.clone()
                });
                stages.len() - 1
            });
            let target = &mut stages[i];
            target.elapsed_seconds = target.elapsed_seconds.saturating_add(spent(stage, now));
            target.done |= stage.done;
            target.notes.extend(tagged_notes(&stage.notes, g, ids));
        }
        for point in &source.session.guidance {
            let i = *point_at.entry(point.id.clone()).or_insert_with(|| {
                guidance.push(GuidancePoint {
                    id: ids.claim(&point.id, "g"),
                    items: Vec::new(),
                    notes: Vec::new(),
                    ..point.clone()
                });
                guidance.len() - 1
            });
            let target = &mut guidance[i];
            for item in &point.items {
                let key = (i, item.id.clone());
                match item_at.get(&key) {
                    Some(&k) => target.items[k].discussed |= item.discussed,
                    None => {
                        item_at.insert(key, target.items.len());
                        target.items.push(GuidanceItem {
                            id: ids.claim(&item.id, "gi"),
                            ..item.clone()
                        });
                    }
                }
            }
            target.notes.extend(tagged_notes(&point.notes, g, ids));
        }
    }
    (stages, guidance)
}

/// Old id → merged id, per source.
type IdMap = HashMap<String, String>;

fn swot(sources: &[Source], ids: &mut Ids) -> (Swot, Vec<IdMap>) {
    let first = &sources[0].session;
    let mut swot = Swot {
        extra: first.swot.extra.clone(),
        ..Swot::default()
    };
    let mut at: HashMap<(Quadrant, String), usize> = HashMap::new();
    let mut maps = Vec::new();
    for source in sources {
        let mut map = IdMap::new();
        for q in Quadrant::ALL {
            for item in source.session.swot.items(q) {
                let key = (q, text_key(&item.text));
                let list = swot.items_mut(q);
                let merged_id = match at.get(&key) {
                    Some(&i) => {
                        let into = &mut list[i];
                        into.votes = into.votes.saturating_add(item.votes);
                        into.created_at = into.created_at.min(item.created_at);
                        into.updated_at = into.updated_at.max(item.updated_at);
                        if let Some(g) = tag(&item.group, &source.group) {
                            add_groups(&mut into.group, &g);
                        }
                        into.id.clone()
                    }
                    None => {
                        let new = SwotItem {
                            id: ids.claim(&item.id, "sw"),
                            group: tag(&item.group, &source.group),
                            ..item.clone()
                        };
                        at.insert(key, list.len());
                        let id = new.id.clone();
                        list.push(new);
                        id
                    }
                };
                map.insert(item.id.clone(), merged_id);
            }
        }
        maps.push(map);
    }
    (swot, maps)
}

fn strategies(sources: &[Source], maps: &[IdMap], ids: &mut Ids) -> Strategies {
    let mut out = Strategies {
        extra: sources[0].session.strategies.extra.clone(),
        ..Strategies::default()
    };
    for (source, map) in sources.iter().zip(maps) {
        for p in TowsPair::ALL {
            for s in source.session.strategies.items(p) {
                let mut links: Vec<String> = Vec::new();
                for id in s.links.iter().filter_map(|l| map.get(l)) {
                    if !links.contains(id) {
                        links.push(id.clone());
                    }
                }
                out.items_mut(p).push(Strategy {
                    id: ids.claim(&s.id, "tw"),
                    links,
                    group: tag(&s.group, &source.group),
                    ..s.clone()
                });
            }
        }
    }
    out
}

/// Groups made `--from` the same past session carry the same open actions:
/// each is kept once, as the first file has it.
fn followups(sources: &[Source], ids: &mut Ids) -> Vec<FollowUp> {
    let mut seen: HashSet<(String, String)> = HashSet::new();
    let mut out = Vec::new();
    for source in sources {
        for f in &source.session.followups {
            if seen.insert((f.from_session.clone(), text_key(&f.text))) {
                out.push(FollowUp {
                    id: ids.claim(&f.id, "f"),
                    ..f.clone()
                });
            }
        }
    }
    out
}

/// The first file's details and facts, with the participants of all.
fn meta(sources: &[Source]) -> Meta {
    let first = sources[0].session.meta.clone();
    // Every field named, so a new one in `Meta` must be decided on here.
    Meta {
        date: first.date,
        venue: first.venue,
        district: first.district,
        province: first.province,
        organiser: first.organiser,
        facilitator: first.facilitator,
        participants: participants(sources),
        project: first.project,
        objective: first.objective,
        time: first.time,
        presided_by: first.presided_by,
        facilitator_position: first.facilitator_position,
        team: first.team,
        headline: first.headline,
        tagline: first.tagline,
        credit: first.credit,
        extra: first.extra,
    }
}

/// The participant total every file carries, when they all carry the same
/// one: each group's file was given the whole room's number, which adding
/// up would count again for every group.
pub fn whole_room(sources: &[Source]) -> Option<u32> {
    let (first, rest) = sources.split_first()?;
    let total = first.session.meta.participants.total?;
    rest.iter()
        .all(|s| s.session.meta.participants.total == Some(total))
        .then_some(total)
}

fn participants(sources: &[Source]) -> Participants {
    let first = &sources[0].session.meta.participants;
    let room = whole_room(sources);
    let total = room.or_else(|| {
        let totals: Vec<u32> = sources
            .iter()
            .filter_map(|s| s.session.meta.participants.total)
            .collect();
        (!totals.is_empty()).then(|| totals.iter().fold(0u32, |a, b| a.saturating_add(*b)))
    });
    let mut groups: Vec<ParticipantGroup> = Vec::new();
    for source in sources {
        let p = &source.session.meta.participants;
        if p.groups.is_empty() {
            // In the whole room no file's total is its group's own.
            if room.is_none() {
                groups.push(ParticipantGroup {
                    label: source.group.clone(),
                    count: p.total,
                    extra: Default::default(),
                });
            }
            continue;
        }
        for g in &p.groups {
            let key = text_key(&g.label);
            match groups.iter_mut().find(|x| text_key(&x.label) == key) {
                // The whole room's groups are the same people in every file.
                Some(x) if room.is_some() => x.count = x.count.max(g.count),
                Some(x) => {
                    x.count = match (x.count, g.count) {
                        (Some(a), Some(b)) => Some(a.saturating_add(b)),
                        (a, b) => a.or(b),
                    }
                }
                None => groups.push(g.clone()),
            }
        }
    }
    Participants {
        total,
        groups,
        extra: first.extra.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Note;
    use crate::session::template::{builtin, instantiate};
    use crate::text::Lang;

    fn ts(s: &str) -> Timestamp {
        chrono::DateTime::parse_from_rfc3339(s).expect("timestamp")
    }

    fn item(id: &str, text: &str, votes: u32) -> SwotItem {
        SwotItem {
            votes,
            ..SwotItem::new(id, text, ts("2021-01-13T09:00:00+07:00"))
        }
    }

    fn session(title: &str) -> Session {
        let base = builtin().expect("built-in template");
        instantiate(base, title, ts("2021-01-13T08:00:00+07:00"), Lang::Th)
    }

    fn merge_all(sources: &[Source], now: Timestamp) -> Option<Session> {
        merge(sources, None, now)
    }

    fn source(group: &str, session: Session) -> Source {
        Source {
            group: group.into(),
            session,
        }
    }

    #[test]
    fn sara_am_variants_in_one_quadrant_merge_with_votes_added() {
        let mut a = session("A");
        a.swot
            .strengths
            .push(item("a1", "ท\u{0E4D}\u{0E32}งานเป็นทีม", 2));
        let mut b = session("B");
        b.swot.strengths.push(item("b1", "ท\u{0E33}งานเป็นทีม", 3));
        // The same text in another quadrant is another item.
        b.swot.threats.push(item("b2", "ท\u{0E33}งานเป็นทีม", 1));
        let now = ts("2021-01-13T17:00:00+07:00");
        let m = merge_all(&[source("กลุ่ม 1", a), source("กลุ่ม 2", b)], now).expect("merged");
        assert_eq!(m.swot.strengths.len(), 1);
        assert_eq!(m.swot.strengths[0].votes, 5);
        assert_eq!(m.swot.strengths[0].group.as_deref(), Some("กลุ่ม 1, กลุ่ม 2"));
        assert_eq!(m.swot.threats.len(), 1);
        assert_eq!(m.swot.threats[0].group.as_deref(), Some("กลุ่ม 2"));
    }

    #[test]
    fn links_follow_the_merged_items_and_clashing_ids_are_renamed() {
        let mut a = session("A");
        a.swot.strengths.push(item("s", "ถนนดี", 1));
        a.swot.opportunities.push(item("o", "งบจังหวัด", 1));
        let mut b = session("B");
        // Same ids as in A but other texts: B's items must get new ids.
        b.swot.strengths.push(item("s", "คนเข้มแข็ง", 1));
        b.swot.opportunities.push(item("o2", "งบจังหวัด", 4));
        b.strategies.so.push(Strategy {
            id: "tw".into(),
            text: "ใช้คนเข้มแข็งขอรับงบ".into(),
            links: vec!["s".into(), "o2".into(), "gone".into()],
            group: None,
            extra: Default::default(),
        });
        let now = ts("2021-01-13T17:00:00+07:00");
        let m = merge_all(&[source("A", a), source("B", b)], now).expect("merged");
        let strong = &m.swot.strengths[1];
        assert_eq!(strong.text, "คนเข้มแข็ง");
        assert_ne!(strong.id, "s");
        let so = &m.strategies.so[0];
        assert_eq!(so.links, vec![strong.id.clone(), "o".to_owned()]);
        assert_eq!(so.group.as_deref(), Some("B"));
    }

    #[test]
    fn stages_sum_time_and_are_done_if_done_anywhere_with_notes_tagged() {
        let mut a = session("A");
        let mut b = session("B");
        a.stages[0].elapsed_seconds = 600;
        b.stages[0].elapsed_seconds = 300;
        b.stages[0].done = true;
        // B's timer still runs: it counts up to the moment of merging.
        b.stages[1].running_since = Some(ts("2021-01-13T16:50:00+07:00"));
        let note = |id: &str, text: &str| Note {
            id: id.into(),
            text: text.into(),
            created_at: ts("2021-01-13T10:00:00+07:00"),
            group: None,
            extra: Default::default(),
        };
        a.stages[0].notes.push(note("n1", "บันทึก ก"));
        b.stages[0].notes.push(note("n1", "บันทึก ข"));
        a.guidance[0].items[0].discussed = false;
        b.guidance[0].items[0].discussed = true;
        let now = ts("2021-01-13T17:00:00+07:00");
        let m = merge_all(&[source("A", a), source("B", b)], now).expect("merged");
        assert_eq!(m.stages[0].elapsed_seconds, 900);
        assert!(m.stages[0].done);
        assert_eq!(m.stages[1].elapsed_seconds, 600);
        assert!(m.stages.iter().all(|s| s.running_since.is_none()));
        let notes: Vec<_> = m.stages[0]
            .notes
            .iter()
            .map(|n| (n.text.as_str(), n.group.as_deref()))
            .collect();
        assert_eq!(notes, vec![("บันทึก ก", Some("A")), ("บันทึก ข", Some("B"))]);
        assert_ne!(m.stages[0].notes[0].id, m.stages[0].notes[1].id);
        assert!(m.guidance[0].items[0].discussed);
        assert_eq!(m.stages.len(), session("x").stages.len());
    }

    #[test]
    fn participants_are_added_up() {
        let mut a = session("A");
        let mut b = session("B");
        a.meta.participants.total = Some(10);
        b.meta.participants.total = Some(12);
        a.meta.participants.groups.clear();
        b.meta.participants.groups.clear();
        let now = ts("2021-01-13T17:00:00+07:00");
        let m = merge_all(&[source("A", a.clone()), source("B", b.clone())], now).expect("merged");
        assert_eq!(m.meta.participants.total, Some(22));
        let groups: Vec<_> = m
            .meta
            .participants
            .groups
            .iter()
            .map(|g| (g.label.as_str(), g.count))
            .collect();
        assert_eq!(groups, vec![("A", Some(10)), ("B", Some(12))]);
        // Groups of the same label add their counts.
        for (s, n) in [(&mut a, 3), (&mut b, 4)] {
            s.meta.participants.groups.push(ParticipantGroup {
                label: "อสม.".into(),
                count: Some(n),
                extra: Default::default(),
            });
        }
        let m = merge_all(&[source("A", a), source("B", b)], now).expect("merged");
        assert_eq!(m.meta.participants.groups.len(), 1);
        assert_eq!(m.meta.participants.groups[0].count, Some(7));
    }

    #[test]
    fn a_merged_file_merged_again_keeps_its_groups() {
        let mut a = session("A");
        a.swot.strengths.push(SwotItem {
            group: Some("กลุ่ม 1, กลุ่ม 2".into()),
            ..item("x", "ดี", 1)
        });
        let mut b = session("B");
        b.swot.strengths.push(item("y", "ดี", 1));
        let now = ts("2021-01-13T17:00:00+07:00");
        let m = merge_all(&[source("รวม", a), source("กลุ่ม 3", b)], now).expect("merged");
        assert_eq!(
            m.swot.strengths[0].group.as_deref(),
            Some("กลุ่ม 1, กลุ่ม 2, กลุ่ม 3")
        );
    }

    #[test]
    fn nothing_to_merge_gives_nothing() {
        assert!(merge_all(&[], ts("2021-01-13T17:00:00+07:00")).is_none());
    }

    #[test]
    fn the_whole_room_in_every_file_is_kept_not_added() {
        let example = || crate::session::template::example().expect("the example");
        let (a, b, c) = (example(), example(), example());
        let now = ts("2021-01-13T17:00:00+07:00");
        let sources = [source("1", a), source("2", b), source("3", c)];
        assert_eq!(whole_room(&sources), Some(55));
        let m = merge(&sources, Some("เวทีใหญ่"), now).expect("merged");
        assert_eq!(m.title, "เวทีใหญ่");
        assert_eq!(m.meta.participants, sources[0].session.meta.participants);
        // The facts come from the first file.
        let first = &sources[0].session.meta;
        assert_eq!(m.meta.objective, first.objective);
        assert_eq!(m.meta.presided_by, first.presided_by);
        assert_eq!(m.meta.credit, first.credit);
        // One file with another total: the groups' own numbers, added.
        let mut other = example();
        other.meta.participants.total = Some(12);
        let sources = [source("1", example()), source("2", other)];
        assert_eq!(whole_room(&sources), None);
        let m = merge_all(&sources, now).expect("merged");
        assert_eq!(m.meta.participants.total, Some(67));
        assert!(m.title.contains("1, 2"));
    }
}

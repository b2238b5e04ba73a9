//! The opening paragraph of a report, in the register of a Thai office's
//! activity report and press release (docs/REPORTS.md): who assigned whom,
//! with their positions, to run which project, for whom, when, at what time
//! and where, how many took part, and why.
//!
//! It is built of pieces (`i18n/report.rs`), each filled and joined in
//! order. A title is never glued to a verb: a project's name ("โครงการ…",
//! "การ…") follows "ดำเนิน" as it is, anything else as an activity
//! ("ดำเนินกิจกรรมติดตามผล"), so a title that is itself a verb still reads.

use crate::i18n::fill;
use crate::i18n::report::{ReportStrings, report_strings};
use crate::session::Session;
use crate::text::Lang;
use crate::text::date::{format_date, format_time};

use super::report::{and_list, trimmed};

/// Thai names that are already nouns a verb can take: the rest are named
/// as an activity ("กิจกรรม…").
const THAI_NOUN_NAMES: [&str; 3] = [PROJECT, "กิจกรรม", "การ"];

/// How a project's name opens.
const PROJECT: &str = "โครงการ";

/// `piece` after `out`: an English piece that opens with a comma after one
/// that closed with a comma keeps just one.
fn push(out: &mut String, piece: &str) {
    let piece = if out.ends_with(',') {
        piece.strip_prefix(',').unwrap_or(piece)
    } else {
        piece
    };
    out.push_str(piece);
}

/// Ends a sentence: a dangling comma goes first.
fn end_sentence(out: &mut String, r: &ReportStrings) {
    while out.ends_with(',') {
        out.pop();
    }
    out.push_str(r.sentence_end);
}

/// A person by name, with the position beside it when there is one:
/// "นายคมกริช ชินชนะ พัฒนาการจังหวัดอุบลราชธานี"; in running English text
/// the position is set off by commas ("Mr X, Officer,"), in a field not.
pub fn person(name: &str, position: &str, lang: Lang, running: bool) -> Option<String> {
    let name = trimmed(name)?;
    let Some(position) = trimmed(position) else {
        return Some(name.to_owned());
    };
    let r = report_strings(lang);
    let text = fill(r.person, &[("name", name), ("position", position)]);
    Some(if running {
        text
    } else {
        text.trim_end_matches(',').to_owned()
    })
}

/// The venue, district and province: by spaces in Thai, by commas in English.
pub fn place(s: &Session, lang: Lang) -> Option<String> {
    let m = &s.meta;
    let parts: Vec<&str> = [&m.venue, &m.district, &m.province]
        .into_iter()
        .filter_map(|p| trimmed(p))
        .collect();
    (!parts.is_empty()).then(|| parts.join(report_strings(lang).sep))
}

/// The groups with their counts: "A B และC จำนวน 5 คน" / "A, B and C (5)".
pub fn groups(s: &Session, lang: Lang) -> Option<String> {
    let r = report_strings(lang);
    let parts: Vec<String> = s
        .meta
        .participants
        .groups
        .iter()
        .filter_map(|g| {
            let label = trimmed(&g.label)?;
            Some(match g.count {
                Some(n) => fill(r.group_count, &[("label", label), ("n", &n.to_string())]),
                None => label.to_owned(),
            })
        })
        .collect();
    (!parts.is_empty()).then(|| and_list(&parts, lang))
}

/// What ran, as the object of "ดำเนิน" / "run": the project's full name,
/// else the title.
pub fn name(s: &Session, lang: Lang) -> String {
    let r = report_strings(lang);
    let Some(name) = trimmed(&s.meta.project).or_else(|| trimmed(&s.title)) else {
        return r.unnamed.to_owned();
    };
    let template = if THAI_NOUN_NAMES.iter().any(|p| name.starts_with(p)) {
        r.project_name
    } else {
        r.activity_name
    };
    fill(template, &[("name", name)])
}

/// Whether what ran is a project by its name ("โครงการ…"), which a
/// later sentence may then call "โครงการฯ".
pub fn is_project(s: &Session) -> bool {
    trimmed(&s.meta.project)
        .or_else(|| trimmed(&s.title))
        .is_some_and(|name| name.starts_with(PROJECT))
}

/// Who ran the workshop and what: "{presider} มอบหมายให้ {facilitator}
/// พร้อมด้วย {team} ดำเนิน{name}"; the organiser when nobody is named.
pub fn who_ran(s: &Session, lang: Lang) -> String {
    let r = report_strings(lang);
    let m = &s.meta;
    let presider = m
        .presided_by
        .as_ref()
        .and_then(|p| person(&p.name, &p.position, lang, true));
    let facilitator = person(&m.facilitator, &m.facilitator_position, lang, true);
    let organiser = trimmed(&m.organiser).unwrap_or(r.the_organisers);
    let name = name(s, lang);
    let mut out = String::new();
    let run = match (&presider, &facilitator) {
        (Some(p), Some(f)) => {
            out.push_str(&fill(r.assigned, &[("presider", p), ("facilitator", f)]));
            r.to_run
        }
        (None, Some(f)) => {
            out.push_str(f);
            r.ran
        }
        (_, None) => {
            out.push_str(organiser);
            r.ran
        }
    };
    if let Some(team) = trimmed(&m.team) {
        push(&mut out, &fill(r.with_team, &[("team", team)]));
    }
    push(&mut out, &fill(run, &[("name", &name)]));
    if let (Some(p), None) = (&presider, &facilitator) {
        push(&mut out, &fill(r.presided_over, &[("presider", p)]));
    }
    capitalise(out.trim_start())
}

/// The objective as it follows "เพื่อ" / "to": "เพื่อสร้าง…" → "สร้าง…",
/// "To build …." → "build …". A Thai objective in an English report loses
/// its "เพื่อ" too, which is the "to" before it.
pub fn objective(s: &Session, lang: Lang) -> Option<String> {
    let o = trimmed(&s.meta.objective)?;
    let o = o.strip_prefix("เพื่อ").map_or(o, str::trim_start);
    Some(match lang {
        Lang::Th => o.to_owned(),
        Lang::En => {
            let o = o.trim_end_matches('.');
            let o = o
                .strip_prefix("To ")
                .or_else(|| o.strip_prefix("to "))
                .unwrap_or(o);
            lower_first(o)
        }
    })
}

/// English objective after "to": "Build knowledge" → "build knowledge",
/// an acronym ("TPMAP …") left as it is.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The paragraph, one line (no newlines: user text's own newlines become spaces).
pub fn paragraph(s: &Session, lang: Lang) -> String {
    let r = report_strings(lang);
    let m = &s.meta;
    let mut out = who_ran(s, lang);
    if let Some(g) = groups(s, lang) {
        push(&mut out, &fill(r.for_whom, &[("groups", &g)]));
    }
    if let Some(d) = m.date {
        push(&mut out, &fill(r.on, &[("date", &format_date(d, lang))]));
    }
    if let Some(t) = &m.time {
        let time = format_time(t.start, t.end, lang);
        push(&mut out, &fill(r.at_time, &[("time", &time)]));
    }
    if let Some(p) = place(s, lang) {
        push(&mut out, &fill(r.at, &[("place", &p)]));
    }
    end_sentence(&mut out, r);
    if let Some(n) = m.participants.total {
        push(&mut out, &fill(r.took_part, &[("n", &n.to_string())]));
    }
    if let Some(o) = objective(s, lang) {
        push(&mut out, &fill(r.aiming, &[("objective", &o)]));
    }
    out.trim().replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Person;

    fn example() -> Session {
        crate::session::template::example().expect("the example parses")
    }

    /// The example holds the seed press release's facts in Thai; a time
    /// of day is added (the seed gives none). The English session is the
    /// same facts rendered in English (tests/fixtures/seed-facts-en.json).
    fn seed(lang: Lang) -> Session {
        let mut s = example();
        match lang {
            Lang::Th => {
                s.meta.time = Some(
                    serde_json::from_str(r#"{"start": "08:30", "end": "16:30"}"#)
                        .expect("a time of day"),
                );
            }
            Lang::En => {
                let facts: serde_json::Value =
                    serde_json::from_str(include_str!("../../tests/fixtures/seed-facts-en.json"))
                        .expect("the fixture is JSON");
                s.lang = lang;
                s.meta = serde_json::from_value(facts["meta"].clone()).expect("the fixture's meta");
            }
        }
        s
    }

    #[test]
    fn thai_paragraph_is_in_the_register_of_the_seed() {
        let p = paragraph(&seed(Lang::Th), Lang::Th);
        assert_eq!(
            p,
            "นายคมกริช ชินชนะ พัฒนาการจังหวัดอุบลราชธานี มอบหมายให้ นางกนกอร โพธิ์สิงห์ \
             ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน พร้อมด้วย \
             นักวิชาการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี \
             ดำเนินโครงการประชุมเชิงปฏิบัติการสร้างความรู้ความเข้าใจเครือข่ายคณะกรรมการบริหาร\
             ศูนย์ประสานงานองค์การชุมชนระดับจังหวัด (ศอช.จ.) จังหวัดอุบลราชธานี \
             ให้แก่คณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับจังหวัด (ศอช.จ.) \
             เจ้าหน้าที่พัฒนาชุมชนผู้รับผิดชอบงานอำเภอละ 1 คน และภาคีเครือข่ายพัฒนาร่วม จำนวน 5 คน \
             เมื่อวันที่ 13 มกราคม 2564 เวลา 08.30–16.30 น. \
             ณ โรงแรมรีเจ้นท์ พาเลซ อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี \
             มีผู้เข้าร่วมทั้งสิ้น 55 คน \
             โดยมีวัตถุประสงค์เพื่อสร้างความรู้ความเข้าใจแก่คณะกรรมการบริหาร\
             ศูนย์ประสานงานองค์การชุมชนระดับจังหวัด (ศอช.จ.) ในการขับเคลื่อนแผนพัฒนาตำบล"
        );
        assert!(!p.contains(','), "no Latin commas in Thai: {p}");
    }

    #[test]
    fn english_paragraph_reads_as_english() {
        let p = paragraph(&seed(Lang::En), Lang::En);
        assert_eq!(
            p,
            "Mr Khomkrit Chinchana, Ubon Ratchathani Provincial Community Development Officer, \
             assigned Mrs Kanok-on Phosing, Director of the Community Development Promotion \
             Group, together with technical officers and staff of the Ubon Ratchathani \
             Provincial Community Development Office, to run “Workshop to build the knowledge \
             and understanding of the network of the Executive Committee of the Provincial \
             Community Organization Coordination Centre (ศอช.จ.), Ubon Ratchathani Province” \
             for members of the ศอช.จ. Executive Committee, community development officials, \
             one per district and the development partner network (5) on 13 January 2021, \
             08:30–16:30, at Regent Palace Hotel, Mueang Ubon Ratchathani District, Ubon \
             Ratchathani Province. 55 people took part. The objective was to build the \
             knowledge and understanding of the Provincial Community Organization \
             Coordination Centre (ศอช.จ.) Executive Committee in driving tambon development plans."
        );
    }

    #[test]
    fn the_objective_says_to_once_in_either_language() {
        let s = example();
        let th = paragraph(&s, Lang::Th);
        assert!(
            th.ends_with(
                "โดยมีวัตถุประสงค์เพื่อสร้างความรู้ความเข้าใจแก่คณะกรรมการบริหาร\
                          ศูนย์ประสานงานองค์การชุมชนระดับจังหวัด (ศอช.จ.) ในการขับเคลื่อนแผนพัฒนาตำบล"
            ),
            "{th}"
        );
        let en = paragraph(&s, Lang::En);
        assert!(
            en.contains("The objective was to สร้างความรู้ความเข้าใจแก่"),
            "{en}"
        );
        assert!(!th.contains("เพื่อเพื่อ") && !en.contains("to เพื่อ"));
    }

    #[test]
    fn a_title_that_is_a_verb_still_reads() {
        let mut s = example();
        s.meta = Default::default();
        s.meta.organiser = "สำนักงานพัฒนาชุมชนอำเภอ".into();
        s.title = "ติดตามผล".into();
        let p = paragraph(&s, Lang::Th);
        assert_eq!(p, "สำนักงานพัฒนาชุมชนอำเภอ ดำเนินกิจกรรมติดตามผล");
        assert!(!p.contains("จัดติดตามผล"), "{p}");
        s.title = "การประชุมประจำเดือน".into();
        assert_eq!(
            paragraph(&s, Lang::Th),
            "สำนักงานพัฒนาชุมชนอำเภอ ดำเนินการประชุมประจำเดือน"
        );
        s.title = "Follow up".into();
        s.meta.organiser.clear();
        assert_eq!(paragraph(&s, Lang::En), "The organisers ran “Follow up”.");
    }

    #[test]
    fn whoever_is_named_is_the_subject() {
        let mut s = seed(Lang::Th);
        s.meta.team.clear();
        s.meta.facilitator.clear();
        let p = who_ran(&s, Lang::Th);
        assert!(
            p.starts_with("สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ดำเนินโครงการ")
                && p.ends_with("โดยมี นายคมกริช ชินชนะ พัฒนาการจังหวัดอุบลราชธานี เป็นประธาน"),
            "{p}"
        );
        s.meta.presided_by = None;
        s.meta.facilitator = "นางกนกอร โพธิ์สิงห์".into();
        s.meta.facilitator_position.clear();
        assert!(who_ran(&s, Lang::Th).starts_with("นางกนกอร โพธิ์สิงห์ ดำเนินโครงการ"));
        let mut en = seed(Lang::En);
        en.meta.facilitator_position.clear();
        en.meta.presided_by = Some(Person {
            name: "Mr Khomkrit Chinchana".into(),
            ..Default::default()
        });
        assert!(
            who_ran(&en, Lang::En).starts_with(
                "Mr Khomkrit Chinchana assigned Mrs Kanok-on Phosing, together with technical"
            ),
            "{}",
            who_ran(&en, Lang::En)
        );
    }

    #[test]
    fn a_bare_session_still_gets_a_sentence() {
        let mut s = example();
        s.meta = Default::default();
        s.title.clear();
        assert_eq!(paragraph(&s, Lang::En), "The organisers ran this workshop.");
        assert_eq!(paragraph(&s, Lang::Th), "ดำเนินกิจกรรมนี้");
    }
}

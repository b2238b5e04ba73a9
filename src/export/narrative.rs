//! The opening paragraph of a report, in running prose like a Thai office's
//! activity report: when and where, who ran what, how many took part and
//! who they were, and why.

use crate::i18n::report::report_strings;
use crate::i18n::strings;
use crate::session::Session;
use crate::text::Lang;
use crate::text::date::format_date;

use super::report::objective;

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// Group labels with their counts: "A, B และ C 5 คน" / "A, B and C (5)".
fn groups(s: &Session, lang: Lang) -> Option<String> {
    let people = strings(lang).people;
    let parts: Vec<String> = s
        .meta
        .participants
        .groups
        .iter()
        .filter_map(|g| {
            let label = non_empty(&g.label)?;
            Some(match (g.count, lang) {
                (Some(n), Lang::Th) => format!("{label} จำนวน {n} {people}"),
                (Some(n), Lang::En) => format!("{label} ({n})"),
                (None, _) => label.to_owned(),
            })
        })
        .collect();
    let (last, rest) = parts.split_last()?;
    if rest.is_empty() {
        return Some(last.clone());
    }
    let and = match lang {
        Lang::Th => " และ",
        Lang::En => " and ",
    };
    let sep = match lang {
        Lang::Th => " ",
        Lang::En => ", ",
    };
    Some(format!("{}{and}{last}", rest.join(sep)))
}

/// English objective after "to": "Build knowledge" → "build knowledge".
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            a.to_lowercase().chain(s.chars().skip(1)).collect()
        }
        _ => s.to_owned(),
    }
}

/// The paragraph, one line (no newlines: user text's own newlines become spaces).
pub fn paragraph(s: &Session, lang: Lang) -> String {
    let r = report_strings(lang);
    let m = &s.meta;
    let title = non_empty(&s.title).unwrap_or(r.this_workshop);
    let place: Vec<&str> = [&m.venue, &m.district, &m.province]
        .into_iter()
        .filter_map(|p| non_empty(p))
        .collect();
    let date = m.date.map(|d| format_date(d, lang));
    let organiser = non_empty(&m.organiser);
    let groups = groups(s, lang);
    let objective = non_empty(objective(s, lang)).filter(|o| *o != title);
    let text = match lang {
        Lang::Th => {
            let mut parts: Vec<String> = Vec::new();
            if let Some(d) = date {
                parts.push(format!("{} {d}", r.on));
            }
            if !place.is_empty() {
                parts.push(format!("{} {}", r.at, place.join(" ")));
            }
            parts.extend(organiser.map(str::to_owned));
            parts.push(format!("{}{title}", r.held));
            if let Some(n) = m.participants.total {
                parts.push(format!("{} {n} {}", r.took_part, strings(lang).people));
            }
            if let Some(g) = groups {
                parts.push(format!("{} {g}", r.made_up_of));
            }
            if let Some(o) = objective {
                let o = o.strip_prefix("เพื่อ").unwrap_or(o);
                parts.push(format!("{}{o}", r.aiming));
            }
            parts.join(" ")
        }
        Lang::En => {
            let mut first = String::new();
            if let Some(d) = date {
                first.push_str(&format!("{} {d}, ", r.on));
            }
            if !place.is_empty() {
                first.push_str(&format!("{} {}, ", r.at, place.join(", ")));
            }
            first.push_str(organiser.unwrap_or(r.the_organisers));
            first.push_str(&format!(" {} {title}.", r.held));
            let mut sentences = vec![capitalise(&first)];
            match (m.participants.total, groups) {
                (Some(n), Some(g)) => {
                    sentences.push(format!("{n} {}, {} {g}.", r.took_part, r.made_up_of))
                }
                (Some(n), None) => sentences.push(format!("{n} {}.", r.took_part)),
                (None, Some(g)) => sentences.push(format!("{}: {g}.", strings(lang).participants)),
                (None, None) => {}
            }
            if let Some(o) = objective {
                let o = o.trim_end_matches('.');
                sentences.push(format!("{} {}.", r.aiming, lower_first(o)));
            }
            sentences.join(" ")
        }
    };
    text.replace(['\n', '\r'], " ")
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Session {
        crate::session::template::example().expect("the example parses")
    }

    #[test]
    fn thai_paragraph_reads_like_the_activity_report() {
        let p = paragraph(&example(), Lang::Th);
        assert!(
            p.starts_with("เมื่อวันที่ 13 มกราคม 2564 ณ โรงแรมรีเจ้นท์ พาเลซ"),
            "{p}"
        );
        assert!(p.contains("สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี ได้จัดประชุม"), "{p}");
        assert!(p.contains("มีผู้เข้าร่วมจำนวน 55 คน"), "{p}");
        assert!(p.contains("และภาคีเครือข่ายพัฒนาร่วม จำนวน 5 คน"), "{p}");
        assert!(p.contains("โดยมีวัตถุประสงค์เพื่อสร้างความรู้ความเข้าใจ"), "{p}");
        assert!(!p.contains('\n'));
    }

    #[test]
    fn english_paragraph_has_the_same_facts() {
        let p = paragraph(&example(), Lang::En);
        assert!(
            p.starts_with("On 13 January 2021, at โรงแรมรีเจ้นท์ พาเลซ"),
            "{p}"
        );
        assert!(p.contains("55 people took part, made up of"), "{p}");
        assert!(p.contains("The objective was to build knowledge"), "{p}");
    }

    #[test]
    fn a_bare_session_still_gets_a_sentence() {
        let mut s = example();
        s.meta = Default::default();
        s.stages.clear();
        let p = paragraph(&s, Lang::En);
        assert!(p.starts_with("The organisers held ประชุม"), "{p}");
        let p = paragraph(&s, Lang::Th);
        assert!(p.starts_with("ได้จัดประชุม"), "{p}");
    }
}

//! Everything said in a session, as places and texts: the title and the
//! details, the stages' and guidance's notes, the SWOT items, strategies,
//! recommendations, action items, follow-ups, closing notes and the photos'
//! captions. What the
//! template ships (stage and guidance texts, sub-item labels) is not what
//! was said, and is left out. Searching and the overview of a folder
//! (`across/`) read sessions through this.

use super::model::{Note, Quadrant, Session, TowsPair};

/// Where one text sits in a session: enough to show it again (the app opens
/// a session at a place).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Title,
    Detail(DetailField),
    StageNote {
        stage: usize,
        note: usize,
    },
    GuidanceNote {
        point: usize,
        note: usize,
    },
    Swot(Quadrant, usize),
    Strategy(TowsPair, usize),
    Recommendation(usize),
    Action(usize),
    FollowUp(usize),
    RoleReview(usize),
    ExperienceExchange(usize),
    /// A photo's caption.
    Photo(usize),
}

/// The free-text fields of the details form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DetailField {
    Venue,
    District,
    Province,
    Organiser,
    Facilitator,
    Project,
    Objective,
    PresidedBy,
    Team,
    Headline,
    Tagline,
    Credit,
}

impl Place {
    /// Where the text is in the file, as `validate` names a field:
    /// `swot.weaknesses[0].text`, `meta.venue`, `title`.
    pub fn path(self) -> String {
        match self {
            Place::Title => "title".into(),
            Place::Detail(DetailField::PresidedBy) => "meta.presided_by.name".into(),
            Place::Detail(field) => format!("meta.{}", field.key()),
            Place::StageNote { stage, note } => format!("stages[{stage}].notes[{note}].text"),
            Place::GuidanceNote { point, note } => format!("guidance[{point}].notes[{note}].text"),
            Place::Swot(q, i) => format!("swot.{}[{i}].text", q.key()),
            Place::Strategy(p, i) => format!("strategies.{}[{i}].text", p.code().to_lowercase()),
            Place::Recommendation(i) => format!("recommendations[{i}].text"),
            Place::Action(i) => format!("actions[{i}].text"),
            Place::FollowUp(i) => format!("followups[{i}].text"),
            Place::RoleReview(i) => format!("notes.role_review[{i}].text"),
            Place::ExperienceExchange(i) => format!("notes.experience_exchange[{i}].text"),
            Place::Photo(i) => format!("photos[{i}].caption"),
        }
    }
}

impl DetailField {
    /// The field's name in `meta`.
    fn key(self) -> &'static str {
        match self {
            DetailField::Venue => "venue",
            DetailField::District => "district",
            DetailField::Province => "province",
            DetailField::Organiser => "organiser",
            DetailField::Facilitator => "facilitator",
            DetailField::Project => "project",
            DetailField::Objective => "objective",
            DetailField::PresidedBy => "presided_by",
            DetailField::Team => "team",
            DetailField::Headline => "headline",
            DetailField::Tagline => "tagline",
            DetailField::Credit => "credit",
        }
    }
}

/// Every text of `session` that people wrote, with its place, in the
/// order the session shows them. Empty texts are left out.
pub fn texts(s: &Session) -> Vec<(Place, &str)> {
    let mut out = Vec::new();
    out.push((Place::Title, s.title.as_str()));
    let m = &s.meta;
    let presided = m.presided_by.as_ref().map_or("", |p| p.name.as_str());
    for (field, text) in [
        (DetailField::Venue, &m.venue[..]),
        (DetailField::District, &m.district),
        (DetailField::Province, &m.province),
        (DetailField::Organiser, &m.organiser),
        (DetailField::Facilitator, &m.facilitator),
        (DetailField::Project, &m.project),
        (DetailField::Objective, &m.objective),
        (DetailField::PresidedBy, presided),
        (DetailField::Team, &m.team),
        (DetailField::Headline, &m.headline),
        (DetailField::Tagline, &m.tagline),
        (DetailField::Credit, &m.credit),
    ] {
        out.push((Place::Detail(field), text));
    }
    for (stage, st) in s.stages.iter().enumerate() {
        notes(&mut out, &st.notes, |note| Place::StageNote { stage, note });
    }
    for (point, p) in s.guidance.iter().enumerate() {
        notes(&mut out, &p.notes, |note| Place::GuidanceNote {
            point,
            note,
        });
    }
    for q in Quadrant::ALL {
        for (i, item) in s.swot.items(q).iter().enumerate() {
            out.push((Place::Swot(q, i), &item.text));
        }
    }
    for p in TowsPair::ALL {
        for (i, st) in s.strategies.items(p).iter().enumerate() {
            out.push((Place::Strategy(p, i), &st.text));
        }
    }
    notes(&mut out, &s.recommendations, Place::Recommendation);
    for (i, a) in s.actions.iter().enumerate() {
        out.push((Place::Action(i), &a.text));
    }
    for (i, f) in s.followups.iter().enumerate() {
        out.push((Place::FollowUp(i), &f.text));
    }
    notes(&mut out, &s.notes.role_review, Place::RoleReview);
    notes(
        &mut out,
        &s.notes.experience_exchange,
        Place::ExperienceExchange,
    );
    for (i, p) in s.photos.iter().enumerate() {
        out.push((Place::Photo(i), &p.caption));
    }
    out.retain(|(_, text)| !text.trim().is_empty());
    out
}

fn notes<'s>(out: &mut Vec<(Place, &'s str)>, notes: &'s [Note], place: impl Fn(usize) -> Place) {
    for (i, n) in notes.iter().enumerate() {
        out.push((place(i), &n.text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_says_its_title_details_items_and_actions_and_no_template_text() {
        let bytes = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");
        let s = super::super::parse(std::path::Path::new("example"), bytes)
            .expect("the example loads")
            .session;
        let all = texts(&s);
        assert_eq!(all[0], (Place::Title, s.title.as_str()));
        assert!(all.contains(&(Place::Detail(DetailField::Venue), "โรงแรมรีเจ้นท์ พาเลซ")));
        assert!(all.contains(&(
            Place::Swot(Quadrant::Threats, 0),
            &s.swot.threats[0].text[..]
        )));
        assert!(all.contains(&(Place::Action(1), &s.actions[1].text[..])));
        let stage_text = s.stages[0].text.th.as_str();
        assert!(all.iter().all(|(_, t)| *t != stage_text));
        assert!(all.iter().all(|(_, t)| !t.trim().is_empty()));
        // Each place names its field in the file.
        let json: serde_json::Value = serde_json::from_slice(bytes).expect("JSON");
        for (place, text) in &all {
            let pointer = format!(
                "/{}",
                place.path().replace(['.', '['], "/").replace(']', "")
            );
            assert_eq!(
                json.pointer(&pointer).and_then(|v| v.as_str()),
                Some(*text),
                "{pointer}"
            );
        }
    }

    #[test]
    fn photos_say_their_captions_and_a_photo_without_one_says_nothing() {
        let mut s = crate::session::template::example().expect("the example");
        for (i, caption) in ["ป้ายนิทรรศการ", " "].into_iter().enumerate()
        {
            s.photos.push(crate::session::Photo {
                id: format!("ph-{i}"),
                file: format!("ph-{i}.jpg"),
                caption: caption.into(),
                group: None,
                added_at: s.created_at,
                bytes: 1,
                width: 4,
                height: 3,
                extra: Default::default(),
            });
        }
        let all = texts(&s);
        assert_eq!(all.last(), Some(&(Place::Photo(0), "ป้ายนิทรรศการ")));
        assert!(!all.iter().any(|(p, _)| *p == Place::Photo(1)));
        assert_eq!(Place::Photo(0).path(), "photos[0].caption");
    }
}

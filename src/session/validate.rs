//! What a session must mean, beyond its shape: every id present and used
//! once, every strategy link pointing at a SWOT item that exists, a version
//! of at least 1, a time of day that ends after it starts, and a name for
//! whoever is said to have presided.
//!
//! Ids are unique across the whole session, not per kind: links, undo and
//! merging find an entry by its id alone, and the kind prefixes (`sw-`,
//! `st-` …) are a convention a hand-edited file need not keep.

use std::collections::HashMap;

use super::model::{Meta, Note, Session, TimeOfDay, TowsPair};
use crate::text::clock::hh_mm;

/// What is wrong, and at which field path (`swot.strengths[2].id`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub what: Meaning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    EmptyId,
    /// The id was used before, at `first` (a field path).
    DuplicateId {
        id: String,
        first: String,
    },
    /// A strategy links to an id no SWOT item has.
    MissingLink {
        id: String,
    },
    VersionZero,
    /// `meta.time` ends at or before its start (both `HH:MM`).
    EndNotAfterStart {
        start: String,
        end: String,
    },
    /// `meta.presided_by` names no one.
    NoName,
    /// A photo's file is not a plain file name (a path, a hidden name, a
    /// character outside `A-Z a-z 0-9 . _ -`).
    PhotoFileName {
        file: String,
    },
}

/// Whether `name` may name a photo's image in the session's photo folder:
/// a plain ASCII name of at most 100 bytes that cannot climb out of the
/// folder nor hide in it (`../x`, `/etc/passwd`, `.x` are refused).
pub fn is_photo_file_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && name.len() <= 100
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The first thing wrong with `s`'s meaning: the version, the details,
/// then ids and links in file order.
pub fn check(s: &Session) -> Result<(), Invalid> {
    if s.version == 0 {
        return Err(Invalid {
            path: "version".into(),
            what: Meaning::VersionZero,
        });
    }
    details(&s.meta)?;
    let ids = all_ids(s);
    let mut seen: HashMap<&str, &str> = HashMap::with_capacity(ids.len());
    for (path, id) in &ids {
        if id.is_empty() {
            return Err(Invalid {
                path: path.clone(),
                what: Meaning::EmptyId,
            });
        }
        if let Some(first) = seen.insert(id, path) {
            return Err(Invalid {
                path: path.clone(),
                what: Meaning::DuplicateId {
                    id: (*id).to_owned(),
                    first: first.to_owned(),
                },
            });
        }
    }
    for pair in TowsPair::ALL {
        let key = pair.code().to_lowercase();
        for (i, strategy) in s.strategies.items(pair).iter().enumerate() {
            for (j, link) in strategy.links.iter().enumerate() {
                if s.swot.find(link).is_none() {
                    return Err(Invalid {
                        path: format!("strategies.{key}[{i}].links[{j}]"),
                        what: Meaning::MissingLink { id: link.clone() },
                    });
                }
            }
        }
    }
    for (i, photo) in s.photos.iter().enumerate() {
        if !is_photo_file_name(&photo.file) {
            return Err(Invalid {
                path: format!("photos[{i}].file"),
                what: Meaning::PhotoFileName {
                    file: photo.file.clone(),
                },
            });
        }
    }
    Ok(())
}

fn details(m: &Meta) -> Result<(), Invalid> {
    if let Some(TimeOfDay {
        start,
        end: Some(end),
        ..
    }) = &m.time
        && end <= start
    {
        return Err(Invalid {
            path: "meta.time.end".into(),
            what: Meaning::EndNotAfterStart {
                start: hh_mm(*start),
                end: hh_mm(*end),
            },
        });
    }
    if m.presided_by
        .as_ref()
        .is_some_and(|p| p.name.trim().is_empty())
    {
        return Err(Invalid {
            path: "meta.presided_by.name".into(),
            what: Meaning::NoName,
        });
    }
    Ok(())
}

/// Every id in the session with its field path, in file order.
fn all_ids(s: &Session) -> Vec<(String, &str)> {
    fn notes<'a>(out: &mut Vec<(String, &'a str)>, at: &str, list: &'a [Note]) {
        for (i, n) in list.iter().enumerate() {
            out.push((format!("{at}[{i}].id"), n.id.as_str()));
        }
    }
    let mut out = vec![("id".to_owned(), s.id.as_str())];
    for (i, stage) in s.stages.iter().enumerate() {
        out.push((format!("stages[{i}].id"), &stage.id));
        notes(&mut out, &format!("stages[{i}].notes"), &stage.notes);
    }
    for (i, point) in s.guidance.iter().enumerate() {
        out.push((format!("guidance[{i}].id"), &point.id));
        for (j, item) in point.items.iter().enumerate() {
            out.push((format!("guidance[{i}].items[{j}].id"), &item.id));
        }
        notes(&mut out, &format!("guidance[{i}].notes"), &point.notes);
    }
    for (name, items) in [
        ("strengths", &s.swot.strengths),
        ("weaknesses", &s.swot.weaknesses),
        ("opportunities", &s.swot.opportunities),
        ("threats", &s.swot.threats),
    ] {
        for (i, item) in items.iter().enumerate() {
            out.push((format!("swot.{name}[{i}].id"), &item.id));
        }
    }
    for pair in TowsPair::ALL {
        let key = pair.code().to_lowercase();
        for (i, st) in s.strategies.items(pair).iter().enumerate() {
            out.push((format!("strategies.{key}[{i}].id"), &st.id));
        }
    }
    notes(&mut out, "recommendations", &s.recommendations);
    for (i, a) in s.actions.iter().enumerate() {
        out.push((format!("actions[{i}].id"), &a.id));
    }
    for (i, f) in s.followups.iter().enumerate() {
        out.push((format!("followups[{i}].id"), &f.id));
    }
    notes(&mut out, "notes.role_review", &s.notes.role_review);
    notes(
        &mut out,
        "notes.experience_exchange",
        &s.notes.experience_exchange,
    );
    for (i, p) in s.photos.iter().enumerate() {
        out.push((format!("photos[{i}].id"), &p.id));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::{Problem, parse};

    const EXAMPLE: &str = include_str!("../../sessions/examples/ubon-2021-01-13.json");
    const TEMPLATE: &str = include_str!("../../sessions/templates/cdd-provincial-workshop.json");

    fn problem(text: &str) -> Problem {
        parse(std::path::Path::new("x.json"), text.as_bytes())
            .unwrap_err()
            .problem
    }

    /// The example with the first `from` replaced by `to`.
    fn example_with(from: &str, to: &str) -> String {
        assert!(EXAMPLE.contains(from), "{from}");
        EXAMPLE.replacen(from, to, 1)
    }

    #[test]
    fn the_example_and_the_template_mean_something() {
        for text in [EXAMPLE, TEMPLATE] {
            let s = parse(std::path::Path::new("x.json"), text.as_bytes())
                .unwrap()
                .session;
            assert_eq!(check(&s), Ok(()));
        }
    }

    #[test]
    fn an_empty_id_is_rejected_where_it_is() {
        let s = parse(std::path::Path::new("x.json"), EXAMPLE.as_bytes())
            .unwrap()
            .session;
        let id = s.swot.threats[0].id.clone();
        let text = example_with(&format!("\"id\": \"{id}\""), "\"id\": \"\"");
        match problem(&text) {
            Problem::Meaning {
                path, line, what, ..
            } => {
                assert_eq!(path, "swot.threats[0].id");
                assert_eq!(what, Meaning::EmptyId);
                let want = text
                    .lines()
                    .position(|l| l.contains("\"id\": \"\""))
                    .unwrap()
                    + 1;
                assert_eq!(line, want);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_version_of_zero_is_rejected() {
        let text = example_with("\"version\": 1", "\"version\": 0");
        assert!(matches!(
            problem(&text),
            Problem::Meaning {
                what: Meaning::VersionZero,
                line: 3,
                ..
            }
        ));
    }

    #[test]
    fn a_link_to_nothing_is_rejected() {
        let mut s = parse(std::path::Path::new("x.json"), EXAMPLE.as_bytes())
            .unwrap()
            .session;
        s.strategies.so[0].links.push("sw-nowhere".into());
        let err = check(&s).unwrap_err();
        assert_eq!(
            err.path,
            format!(
                "strategies.so[0].links[{}]",
                s.strategies.so[0].links.len() - 1
            )
        );
        assert_eq!(
            err.what,
            Meaning::MissingLink {
                id: "sw-nowhere".into()
            }
        );
    }

    #[test]
    fn an_id_used_twice_names_both_places() {
        let mut s = parse(std::path::Path::new("x.json"), EXAMPLE.as_bytes())
            .unwrap()
            .session;
        s.actions[0].id = s.stages[1].id.clone();
        let err = check(&s).unwrap_err();
        assert_eq!(err.path, "actions[0].id");
        assert_eq!(
            err.what,
            Meaning::DuplicateId {
                id: s.stages[1].id.clone(),
                first: "stages[1].id".into()
            }
        );
    }

    #[test]
    fn a_photo_must_name_a_plain_file_and_have_its_own_id() {
        let mut s = parse(std::path::Path::new("x.json"), EXAMPLE.as_bytes())
            .unwrap()
            .session;
        let photo = |id: &str, file: &str| crate::session::Photo {
            id: id.into(),
            file: file.into(),
            caption: String::new(),
            group: None,
            added_at: s.created_at,
            bytes: 1,
            width: 1,
            height: 1,
            extra: Default::default(),
        };
        s.photos = vec![photo("ph-1", "ph-1.jpg")];
        assert_eq!(check(&s), Ok(()));
        for bad in [
            "../x.jpg",
            "/etc/passwd",
            ".hidden.jpg",
            "a/b.jpg",
            "a\\b",
            "",
            "ภาพ.jpg",
        ] {
            s.photos = vec![photo("ph-1", bad)];
            let err = check(&s).unwrap_err();
            assert_eq!(err.path, "photos[0].file", "{bad}");
        }
        assert!(!is_photo_file_name(&"a".repeat(101)));
        s.photos = vec![photo("ph-1", "a.jpg"), photo("ph-1", "b.jpg")];
        assert_eq!(check(&s).unwrap_err().path, "photos[1].id");
    }

    #[test]
    fn a_time_that_ends_before_it_starts_and_a_nameless_presider_are_rejected() {
        let with_time = example_with(
            "\"credit\"",
            "\"time\": {\"start\": \"13:00\", \"end\": \"09:00\"},\n    \"credit\"",
        );
        match problem(&with_time) {
            Problem::Meaning { path, what, .. } => {
                assert_eq!(path, "meta.time.end");
                assert_eq!(
                    what,
                    Meaning::EndNotAfterStart {
                        start: "13:00".into(),
                        end: "09:00".into()
                    }
                );
            }
            other => panic!("{other:?}"),
        }
        let nameless = example_with("\"name\": \"นายคมกริช ชินชนะ\"", "\"name\": \" \"");
        assert!(matches!(
            problem(&nameless),
            Problem::Meaning { path, what: Meaning::NoName, .. } if path == "meta.presided_by.name"
        ));
    }
}

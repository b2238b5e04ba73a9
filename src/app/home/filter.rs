//! The home screen's filter (`/`): sessions found by their title, venue or
//! date as typed, or by anything said in them (`across/search.rs`), with
//! how many of their texts matched and where Enter opens them.

use crate::across::search::Query;
use crate::session::Place;
use crate::text::normalize::search_key;

use super::{Home, HomeRequest};

/// A session the filter lets through: its index in the listing, and how
/// many of its texts hold the filter (the first of them past its title
/// and details, where Enter opens it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shown {
    pub index: usize,
    pub matched: usize,
    pub first: Option<Place>,
}

impl Home {
    /// Works out again which sessions the filter lets through: by title,
    /// venue or date as typed, or by any text said in them (`across/search.rs`).
    pub(super) fn refilter(&mut self) {
        let text = self.filter.text();
        let key = search_key(text);
        let query = Query::new(text);
        let contents = (self.contents.len() == self.sessions.len()).then_some(&self.contents);
        self.shown = self
            .sessions
            .iter()
            .enumerate()
            .filter_map(|(index, l)| {
                let mut shown = Shown {
                    index,
                    matched: 0,
                    first: None,
                };
                let (Some(query), false) = (&query, key.is_empty()) else {
                    return Some(shown);
                };
                let heading = search_key(&l.title).contains(&key)
                    || search_key(&l.venue).contains(&key)
                    || l.date
                        .is_some_and(|d| d.format("%Y-%m-%d").to_string().contains(&key));
                for said in contents.map_or(&[][..], |c| &c[index].said) {
                    if query.find(said).is_some() {
                        shown.matched += 1;
                        if shown.first.is_none()
                            && !matches!(said.place, Place::Title | Place::Detail(_))
                        {
                            shown.first = Some(said.place);
                        }
                    }
                }
                (heading || shown.matched > 0).then_some(shown)
            })
            .collect();
    }

    /// Opening (or viewing) the selected session: at the first entry the
    /// filter found in it, if it found one past the title and details.
    pub(super) fn open_selected(&self, viewing: bool) -> Option<HomeRequest> {
        let shown = self.shown.get(self.selected)?;
        let path = self.sessions.get(shown.index)?.path.clone();
        Some(match shown.first {
            Some(place) => HomeRequest::OpenAt {
                path,
                place,
                viewing,
            },
            None if viewing => HomeRequest::View(path),
            None => HomeRequest::Open(path),
        })
    }
}

#[cfg(test)]
pub(super) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::across::Folder;
    use crate::app::TextEdit;
    use crate::app::home::HomeAction;
    use crate::text::Lang;

    fn typed(h: &mut Home, text: &str) {
        for c in text.chars() {
            h.update(HomeAction::Text(TextEdit::Insert(c)));
        }
    }

    pub(in crate::app::home) fn folder_home() -> Home {
        use crate::across::tests::{digest, session};
        let mut a = session("s1", "เวทีหนึ่ง", "2024-01-10", "");
        a.swot.threats[0].text = "ภัยแล้งซ้ำซาก".into();
        a.notes.role_review[0].text = "ภัยแล้ง ทำให้ขาดน้ำ".into();
        let b = session("s2", "เวทีสอง", "2024-02-10", "");
        let mut h = Home::new(Vec::new(), Lang::Th);
        h.reload_folder(Folder::new(vec![digest(&a), digest(&b)], Vec::new()));
        h
    }

    #[test]
    fn the_filter_finds_sessions_by_what_was_said_and_enter_opens_at_the_first_match() {
        let mut h = folder_home();
        assert_eq!(h.visible().len(), 2);
        h.update(HomeAction::StartFilter);
        typed(&mut h, "ภัย แล้ง");
        let titles: Vec<&str> = h.visible().iter().map(|l| l.title.as_str()).collect();
        assert_eq!(titles, ["เวทีหนึ่ง"]);
        assert_eq!(h.shown()[0].matched, 2);
        h.update(HomeAction::Commit);
        let place = Place::Swot(crate::session::Quadrant::Threats, 0);
        assert_eq!(
            h.update(HomeAction::Open),
            Some(HomeRequest::OpenAt {
                path: PathBuf::from("s1.json"),
                place,
                viewing: false
            })
        );
        // A title found as typed opens the session as it opens.
        h.update(HomeAction::Back);
        h.update(HomeAction::StartFilter);
        typed(&mut h, "เวทีสอง");
        h.update(HomeAction::Commit);
        assert_eq!(
            h.update(HomeAction::ViewOnly),
            Some(HomeRequest::View(PathBuf::from("s2.json")))
        );
    }
}

//! The home screen as state: the sessions of the data folder, newest first,
//! a filter, and what the facilitator asked for. Pure, like `App`: the loop
//! lists the folder, opens files and moves them to the trash.

use crate::session::Listed;
use crate::text::Lang;
use crate::text::normalize::search_key;

use super::{TextBox, TextEdit};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeAction {
    Up,
    Down,
    /// `/`: type to filter by title, venue or date.
    StartFilter,
    Text(TextEdit),
    /// `Enter` while filtering keeps the filter and returns to the list.
    Commit,
    /// `Esc`: leave the filter (and clear it), or close help.
    Back,
    Open,
    ViewOnly,
    New,
    Trash,
    ToggleHelp,
    SwitchLang,
    Quit,
}

/// What the home screen asks the loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeRequest {
    Open(std::path::PathBuf),
    View(std::path::PathBuf),
    New,
    Trash(std::path::PathBuf),
}

#[derive(Debug, Clone)]
pub struct Home {
    pub sessions: Vec<Listed>,
    pub lang: Lang,
    pub filter: TextBox,
    pub filtering: bool,
    pub help: bool,
    /// Index into [`Home::visible`].
    pub selected: usize,
    pub request: Option<HomeRequest>,
    pub quit: bool,
    /// One line for the footer: the last thing done, or why it failed.
    pub message: Option<String>,
}

impl Home {
    pub fn new(sessions: Vec<Listed>, lang: Lang) -> Self {
        Home {
            sessions,
            lang,
            filter: TextBox::default(),
            filtering: false,
            help: false,
            selected: 0,
            request: None,
            quit: false,
            message: None,
        }
    }

    /// The sessions the filter lets through, in list order.
    pub fn visible(&self) -> Vec<&Listed> {
        let key = search_key(self.filter.text());
        self.sessions
            .iter()
            .filter(|l| {
                key.is_empty()
                    || search_key(&l.title).contains(&key)
                    || search_key(&l.venue).contains(&key)
                    || l.date
                        .is_some_and(|d| d.format("%Y-%m-%d").to_string().contains(&key))
            })
            .collect()
    }

    /// A fresh listing (after a session was closed or trashed); the selection stays in range.
    pub fn reload(&mut self, sessions: Vec<Listed>) {
        self.sessions = sessions;
        self.clamp();
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    fn selected_path(&self) -> Option<std::path::PathBuf> {
        self.visible().get(self.selected).map(|l| l.path.clone())
    }

    pub fn update(&mut self, action: HomeAction) {
        self.message = None;
        if self.help {
            match action {
                HomeAction::ToggleHelp | HomeAction::Back => self.help = false,
                HomeAction::Quit => self.quit = true,
                _ => {}
            }
            return;
        }
        if self.filtering {
            match action {
                HomeAction::Text(edit) => {
                    self.filter.apply(edit);
                    self.selected = 0;
                }
                HomeAction::Commit => self.filtering = false,
                HomeAction::Back => {
                    self.filtering = false;
                    self.filter = TextBox::default();
                }
                HomeAction::Up | HomeAction::Down => self.step(action == HomeAction::Down),
                _ => {}
            }
            self.clamp();
            return;
        }
        match action {
            HomeAction::Up => self.step(false),
            HomeAction::Down => self.step(true),
            HomeAction::StartFilter => self.filtering = true,
            HomeAction::Back => self.filter = TextBox::default(),
            HomeAction::Open | HomeAction::Commit => {
                self.request = self.selected_path().map(HomeRequest::Open)
            }
            HomeAction::ViewOnly => self.request = self.selected_path().map(HomeRequest::View),
            HomeAction::New => self.request = Some(HomeRequest::New),
            HomeAction::Trash => self.request = self.selected_path().map(HomeRequest::Trash),
            HomeAction::ToggleHelp => self.help = true,
            HomeAction::SwitchLang => self.lang = self.lang.other(),
            HomeAction::Quit => self.quit = true,
            HomeAction::Text(_) => {}
        }
        self.clamp();
    }

    fn step(&mut self, down: bool) {
        let len = self.visible().len();
        self.selected = if down {
            (self.selected + 1).min(len.saturating_sub(1))
        } else {
            self.selected.saturating_sub(1)
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn listed(title: &str, venue: &str) -> Listed {
        Listed {
            path: PathBuf::from(format!("{title}.json")),
            id: title.into(),
            title: title.into(),
            date: chrono::NaiveDate::from_ymd_opt(2021, 1, 13),
            venue: venue.into(),
            updated_at: crate::session::now(),
            counts: [0; 4],
        }
    }

    fn home() -> Home {
        Home::new(
            vec![
                listed("เวทีอุบล", "โรงแรมรีเจ้นท์"),
                listed("Workshop", "Hall"),
                listed("ประชุม ศอช.", "อำเภอ"),
            ],
            Lang::Th,
        )
    }

    #[test]
    fn enter_opens_and_v_views_the_selected_session() {
        let mut h = home();
        h.update(HomeAction::Down);
        h.update(HomeAction::Open);
        assert_eq!(
            h.request,
            Some(HomeRequest::Open(PathBuf::from("Workshop.json")))
        );
        h.update(HomeAction::ViewOnly);
        assert_eq!(
            h.request,
            Some(HomeRequest::View(PathBuf::from("Workshop.json")))
        );
        h.update(HomeAction::Down);
        h.update(HomeAction::Down);
        h.update(HomeAction::Trash);
        assert_eq!(
            h.request,
            Some(HomeRequest::Trash(PathBuf::from("ประชุม ศอช..json")))
        );
    }

    #[test]
    fn the_filter_matches_thai_title_and_venue_and_esc_clears_it() {
        let mut h = home();
        h.update(HomeAction::StartFilter);
        for c in "รีเจ้นท์".chars() {
            h.update(HomeAction::Text(TextEdit::Insert(c)));
        }
        assert_eq!(h.visible().len(), 1);
        h.update(HomeAction::Commit);
        h.update(HomeAction::Open);
        assert_eq!(
            h.request,
            Some(HomeRequest::Open(PathBuf::from("เวทีอุบล.json")))
        );
        h.update(HomeAction::Back);
        assert_eq!(h.visible().len(), 3);
    }

    #[test]
    fn an_empty_list_asks_for_nothing_but_new() {
        let mut h = Home::new(Vec::new(), Lang::En);
        for a in [
            HomeAction::Up,
            HomeAction::Down,
            HomeAction::Open,
            HomeAction::ViewOnly,
            HomeAction::Trash,
        ] {
            h.update(a);
        }
        assert_eq!(h.request, None);
        h.update(HomeAction::New);
        assert_eq!(h.request, Some(HomeRequest::New));
    }
}

//! The home screen as state: the sessions of the data folder, newest first,
//! a filter, and what the facilitator asked for. Pure, like `App`: the loop
//! lists the folder, opens files and moves them to the trash.

use crate::across::{Digest, Folder};
use crate::session::{Listed, LoadError, Place};
use crate::text::Lang;

use super::{TextBox, TextEdit};

mod filter;
pub mod overview;
mod update;

pub use filter::Shown;
pub use overview::Overview;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeAction {
    Up,
    Down,
    /// `/`: type to filter by title, venue, date or what was said.
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
    /// `u`: bring back the session last moved to the trash.
    Restore,
    /// `e` on the welcome: open the built-in example.
    Example,
    /// `x`: export the selected session (asks for the format first).
    Export,
    /// The format chosen while asked.
    ExportAs(crate::export::Format),
    /// `o`: the overview of the folder (again, or Esc, to leave it).
    Overview,
}

/// A question the home screen is asking; it takes the keys until answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomePrompt {
    /// `n`: the new session's title (Enter creates, Esc creates nothing).
    NewTitle(TextBox),
    /// `D`: move this session (path, title) to the trash? (y / n)
    Trash(std::path::PathBuf, String),
    /// `x`: export this session (path, title) in which format? `choice`
    /// indexes `Format::ALL` for ↑↓ Enter.
    Export {
        path: std::path::PathBuf,
        title: String,
        choice: usize,
    },
}

/// What the home screen asks the loop to do: [`Home::update`] returns it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HomeRequest {
    /// `q`: leave the home screen.
    Quit,
    Open(std::path::PathBuf),
    View(std::path::PathBuf),
    /// A new session with this title (blank: the default title).
    New(String),
    Trash(std::path::PathBuf),
    /// Move `trashed` back to `to`.
    Restore {
        trashed: std::path::PathBuf,
        to: std::path::PathBuf,
    },
    /// Copy the built-in example into the folder and open it.
    Example,
    /// Write the session's report in `format` beside it.
    Export {
        path: std::path::PathBuf,
        format: crate::export::Format,
    },
    /// Open (or view) a session at one of its entries.
    OpenAt {
        path: std::path::PathBuf,
        place: Place,
        viewing: bool,
    },
    /// `o`: show the overview; the loop knows what day it is
    /// ([`Home::show_overview`]).
    Overview,
}

#[derive(Debug, Clone)]
pub struct Home {
    pub(super) sessions: Vec<Listed>,
    pub(super) lang: Lang,
    pub(super) filter: TextBox,
    pub(super) filtering: bool,
    pub(super) help: bool,
    /// Index into [`Home::visible`].
    pub(super) selected: usize,
    /// One line for the footer: the last thing done, or why it failed.
    pub(super) message: Option<String>,
    /// A question being asked (title of a new session, trash or not).
    pub(super) prompt: Option<HomePrompt>,
    /// Files of the folder that failed to load, each with its reason.
    pub(super) broken: Vec<LoadError>,
    /// The last session moved to the trash: (where it was, where it is).
    pub(super) last_trashed: Option<(std::path::PathBuf, std::path::PathBuf)>,
    /// What was said in each session of `sessions` (same order), when the
    /// loop read it: the filter searches it and the overview sums it up.
    pub(super) contents: Vec<Digest>,
    /// The sessions the filter lets through (kept as the filter changes).
    pub(super) shown: Vec<Shown>,
    pub(super) overview: Option<Overview>,
}

impl Home {
    pub fn new(sessions: Vec<Listed>, lang: Lang) -> Self {
        let mut home = Home {
            sessions,
            lang,
            filter: TextBox::default(),
            filtering: false,
            help: false,
            selected: 0,
            message: None,
            prompt: None,
            broken: Vec::new(),
            last_trashed: None,
            contents: Vec::new(),
            shown: Vec::new(),
            overview: None,
        };
        home.refilter();
        home
    }

    pub fn sessions(&self) -> &[Listed] {
        &self.sessions
    }

    /// The language of the screen.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn filter(&self) -> &TextBox {
        &self.filter
    }

    /// Whether keys go to the filter.
    pub fn filtering(&self) -> bool {
        self.filtering
    }

    pub fn help(&self) -> bool {
        self.help
    }

    /// Index into [`Home::visible`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The footer's line: the last thing done, or why it failed.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    pub fn prompt(&self) -> Option<&HomePrompt> {
        self.prompt.as_ref()
    }

    /// Files of the folder that failed to load, each with its reason.
    pub fn broken(&self) -> &[LoadError] {
        &self.broken
    }

    /// The last session moved to the trash: (where it was, where it is).
    pub fn last_trashed(&self) -> Option<&(std::path::PathBuf, std::path::PathBuf)> {
        self.last_trashed.as_ref()
    }

    /// What the loop says after carrying out a request.
    pub fn say(&mut self, message: Option<String>) {
        self.message = message;
    }

    /// The screen's language, as the facilitator left it in a session.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The loop moved the session at `from` to the trash, at `to`: `u`
    /// brings it back.
    pub fn trashed(&mut self, from: std::path::PathBuf, to: std::path::PathBuf) {
        self.last_trashed = Some((from, to));
    }

    /// The last trashed session is back: nothing is left for `u`.
    pub fn restored(&mut self) {
        self.last_trashed = None;
    }

    /// The sessions the filter lets through, in list order.
    pub fn visible(&self) -> Vec<&Listed> {
        self.shown.iter().map(|s| &self.sessions[s.index]).collect()
    }

    /// The sessions the filter lets through, with what matched in each.
    pub fn shown(&self) -> &[Shown] {
        &self.shown
    }

    /// The overview, while it is shown.
    pub fn overview(&self) -> Option<&Overview> {
        self.overview.as_ref()
    }

    /// Shows the overview of the folder as it is on `today`; shown
    /// already (back from a session it opened), it is made again from the
    /// folder as it is now, the same row selected.
    pub fn show_overview(&mut self, today: chrono::NaiveDate) {
        let mut fresh = Overview::new(&self.contents, self.broken.len(), today);
        if let Some(old) = &self.overview {
            fresh.select(old.selected());
        }
        self.overview = Some(fresh);
    }

    /// A fresh listing (after a session was closed or trashed) with the
    /// files that failed to load and what was said in each session, so the
    /// filter finds sessions by their contents and the overview can be
    /// shown; the selection stays in range.
    pub fn reload_folder(&mut self, folder: Folder) {
        self.sessions = folder.listed();
        self.broken = folder.broken;
        self.contents = folder.sessions;
        self.refilter();
        self.clamp();
    }

    fn clamp(&mut self) {
        self.selected = self.selected.min(self.visible().len().saturating_sub(1));
    }

    /// No session in the folder: the screen welcomes instead of listing
    /// (files that failed to load are still listed below).
    pub fn is_welcome(&self) -> bool {
        self.sessions.is_empty()
    }

    /// Whether `action` does something on the screen as it is now (the
    /// footer offers only those).
    pub fn offers(&self, action: &HomeAction) -> bool {
        if let Some(o) = &self.overview {
            return match action {
                HomeAction::Open | HomeAction::ViewOnly => o.target().is_some(),
                HomeAction::Up | HomeAction::Down => o.can_step(),
                _ => true,
            };
        }
        let selected = !self.shown.is_empty();
        match action {
            HomeAction::Open | HomeAction::ViewOnly | HomeAction::Trash => selected,
            HomeAction::Export => selected,
            HomeAction::Up | HomeAction::Down => self.visible().len() > 1,
            HomeAction::StartFilter => !self.sessions.is_empty(),
            HomeAction::Back => !self.filter.text().is_empty(),
            HomeAction::Restore => self.last_trashed.is_some(),
            HomeAction::Example => self.is_welcome(),
            HomeAction::Overview => !self.contents.is_empty(),
            _ => true,
        }
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
            updated_at: chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00")
                .expect("a date"),
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
        assert_eq!(
            h.update(HomeAction::Open),
            Some(HomeRequest::Open(PathBuf::from("Workshop.json")))
        );
        assert_eq!(
            h.update(HomeAction::ViewOnly),
            Some(HomeRequest::View(PathBuf::from("Workshop.json")))
        );
        h.update(HomeAction::Down);
        h.update(HomeAction::Down);
        h.update(HomeAction::Trash);
        assert_eq!(
            h.update(HomeAction::Commit),
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
        assert_eq!(
            h.update(HomeAction::Open),
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
            assert_eq!(h.update(a), None);
        }
        h.update(HomeAction::New);
        assert_eq!(
            h.update(HomeAction::Commit),
            Some(HomeRequest::New(String::new()))
        );
    }

    fn typed(h: &mut Home, text: &str) {
        for c in text.chars() {
            h.update(HomeAction::Text(TextEdit::Insert(c)));
        }
    }

    #[test]
    fn n_asks_for_the_title_first_and_esc_creates_nothing() {
        let mut h = home();
        assert_eq!(
            h.update(HomeAction::New),
            None,
            "nothing is created before the title"
        );
        // Typed letters are the title, not commands (ร is i, ป is x).
        typed(&mut h, "เวทีร่วมป");
        assert_eq!((h.update(HomeAction::Back), h.prompt.clone()), (None, None));
        h.update(HomeAction::New);
        typed(&mut h, " เวทีตำบล ");
        h.update(HomeAction::Text(TextEdit::Paste("หนองขอน".into())));
        assert_eq!(
            h.update(HomeAction::Commit),
            Some(HomeRequest::New("เวทีตำบล หนองขอน".into()))
        );
    }

    #[test]
    fn d_asks_before_trashing_and_u_brings_the_last_one_back() {
        let mut h = home();
        assert_eq!(
            h.update(HomeAction::Trash),
            None,
            "nothing moves before the answer"
        );
        assert!(matches!(h.prompt, Some(HomePrompt::Trash(..))));
        assert_eq!((h.update(HomeAction::Back), h.prompt.clone()), (None, None));
        h.update(HomeAction::Trash);
        let trashed = PathBuf::from(".trash/เวทีอุบล.json");
        assert_eq!(
            h.update(HomeAction::Commit),
            Some(HomeRequest::Trash(PathBuf::from("เวทีอุบล.json")))
        );
        assert_eq!(h.update(HomeAction::Restore), None);
        assert!(h.message.is_some(), "says there is nothing to bring back");
        h.last_trashed = Some((PathBuf::from("เวทีอุบล.json"), trashed.clone()));
        assert_eq!(
            h.update(HomeAction::Restore),
            Some(HomeRequest::Restore {
                trashed,
                to: PathBuf::from("เวทีอุบล.json")
            })
        );
    }

    #[test]
    fn o_asks_for_the_overview_whose_rows_open_a_session_at_an_entry() {
        let mut h = home();
        assert!(
            !h.offers(&HomeAction::Overview),
            "nothing read, nothing to sum up"
        );
        let mut h2 = super::filter::tests::folder_home();
        assert_eq!(h2.update(HomeAction::Overview), Some(HomeRequest::Overview));
        h2.show_overview("2024-06-01".parse().expect("a date"));
        h2.update(HomeAction::Down);
        let Some(HomeRequest::OpenAt { path, viewing, .. }) = h2.update(HomeAction::ViewOnly)
        else {
            panic!("v views the row's session");
        };
        assert_eq!((path, viewing), (PathBuf::from("s2.json"), true));
        h2.update(HomeAction::Back);
        assert!(h2.overview().is_none());
        h.update(HomeAction::Overview);
        assert!(h.overview().is_none());
    }

    #[test]
    fn the_example_opens_only_from_the_welcome() {
        let mut h = home();
        assert_eq!(h.update(HomeAction::Example), None);
        let mut h = Home::new(Vec::new(), Lang::Th);
        assert!(h.is_welcome());
        assert!(!h.offers(&HomeAction::Open) && h.offers(&HomeAction::Example));
        assert_eq!(h.update(HomeAction::Example), Some(HomeRequest::Example));
    }
}

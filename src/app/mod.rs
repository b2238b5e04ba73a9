//! The facilitator's screen as state: what is open, what is selected, and
//! `update`, the one place that changes it. No terminal, no files: every
//! action is a pure step that tests can drive.

pub mod action;
mod actions_details_update;
mod agenda_update;
mod draft;
mod effect;
mod followup_update;
pub mod form;
pub mod history;
pub mod home;
mod home_export;
mod labels;
mod list_changes;
pub mod paste;
pub mod room;
mod selection;
pub mod session_lang;
pub mod summary_scroll;
mod swot_update;
#[cfg(test)]
mod tests;
pub mod textbox;
mod tows_update;
mod undo;
mod update;
pub use agenda_update::seconds_between;

pub use action::{Action, Target};
pub use draft::DraftError;
pub use effect::Effect;
pub use form::{Field, FieldKind, Form, FormError, FormKind};
pub use history::{Edit, Entry, History, ListId};
pub use textbox::{TextBox, TextEdit};

use crate::session::ids::IdSource;
use crate::session::{Quadrant, Session, TowsPair};
use crate::text::Lang;

/// The views, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Agenda,
    Guidance,
    Swot,
    Strategies,
    Actions,
    Photos,
    Summary,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Agenda,
        View::Guidance,
        View::Swot,
        View::Strategies,
        View::Actions,
        View::Photos,
        View::Summary,
    ];

    fn step(self, forward: bool) -> View {
        let i = View::ALL.iter().position(|v| *v == self).unwrap_or(0);
        let n = View::ALL.len();
        View::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

/// What the keys currently go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Normal,
    Help,
    Editing(Editor),
    /// `m` was pressed on the SWOT board: the next key names the target pane.
    PendingMove,
    /// The link picker of one strategy; `cursor` indexes [`link_candidates`].
    LinkPicker {
        pair: TowsPair,
        index: usize,
        cursor: usize,
    },
    Form(Form),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editor {
    pub target: EditTarget,
    pub text: TextBox,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    Add(ListId),
    Edit(ListId, usize),
    /// Saving failed and the facilitator is quitting: where to save instead.
    SaveAs,
    /// `e` in the inbox: the waiting submission at this index.
    Inbox(usize),
}

impl EditTarget {
    pub fn list(self) -> Option<ListId> {
        match self {
            EditTarget::Add(l) | EditTarget::Edit(l, _) => Some(l),
            EditTarget::SaveAs | EditTarget::Inbox(_) => None,
        }
    }
}

/// Why changes are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    /// Another wethi has the file open.
    Locked,
    /// The file comes from a newer wethi.
    NewerVersion,
    /// Opened with `wethi view`.
    Viewing,
    /// The folder cannot be written to (the lock file could not be made).
    CannotWrite,
}

/// A one-line message for the status area, shown until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    ReadOnly(ReadOnly),
    NothingToUndo,
    NothingToRedo,
    Undone,
    Redone,
    NothingSelected,
    TemplateText,
    /// Text typed before a signal ended the last run is back in its box.
    DraftRestored,
    /// `R` in a read-only session.
    RoomReadOnly,
    /// `y` on the summary: the news post went to the clipboard, and to the
    /// file named here beside the session (`Err`: why it could not be saved).
    PostShared(Result<String, String>),
}

/// The agenda: stages on the left, the selected stage's notes on the right.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AgendaState {
    pub stage: usize,
    pub note: Option<usize>,
    pub notes_focused: bool,
}

/// The guidance checklist: `row` indexes [`guidance_rows`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GuidanceState {
    pub row: usize,
    pub note: Option<usize>,
    pub notes_focused: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SwotState {
    pub focus: Quadrant,
    pub selected: [Option<usize>; 4],
    pub zoom: bool,
}

impl Default for SwotState {
    fn default() -> Self {
        SwotState {
            focus: Quadrant::Strengths,
            selected: [None; 4],
            zoom: false,
        }
    }
}

/// The strategies view: the focused TOWS pane and each pane's selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrategiesState {
    pub focus: TowsPair,
    pub selected: [Option<usize>; 4],
}

impl Default for StrategiesState {
    fn default() -> Self {
        StrategiesState {
            focus: TowsPair::SO,
            selected: [None; 4],
        }
    }
}

/// The lists of the actions view, left to right (closing notes hold two).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActionsPane {
    #[default]
    Recommendations,
    Actions,
    RoleReview,
    ExperienceExchange,
    /// Shown only when the session has follow-ups (or the pane has focus).
    FollowUps,
}

impl ActionsPane {
    /// Indexes the per-pane state; the follow-ups came last.
    pub const ALL: [ActionsPane; 5] = [
        ActionsPane::Recommendations,
        ActionsPane::Actions,
        ActionsPane::RoleReview,
        ActionsPane::ExperienceExchange,
        ActionsPane::FollowUps,
    ];

    /// Left to right as drawn (the follow-ups sit above the action items).
    pub const LEFT_TO_RIGHT: [ActionsPane; 5] = [
        ActionsPane::Recommendations,
        ActionsPane::FollowUps,
        ActionsPane::Actions,
        ActionsPane::RoleReview,
        ActionsPane::ExperienceExchange,
    ];

    /// Its place in [`ActionsPane::ALL`], which lists the variants as declared.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The pane that shows `list`, if the actions view shows it.
    pub fn of(list: ListId) -> Option<ActionsPane> {
        ActionsPane::ALL.into_iter().find(|p| p.list() == list)
    }

    pub fn list(self) -> ListId {
        match self {
            ActionsPane::Recommendations => ListId::Recommendations,
            ActionsPane::Actions => ListId::Actions,
            ActionsPane::RoleReview => ListId::RoleReview,
            ActionsPane::ExperienceExchange => ListId::ExperienceExchange,
            ActionsPane::FollowUps => ListId::FollowUps,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActionsState {
    pub focus: ActionsPane,
    pub selected: [Option<usize>; 5],
}

/// The photos view: the selected photo.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PhotosState {
    pub selected: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct App {
    session: Session,
    lang: Lang,
    view: View,
    mode: Mode,
    read_only: Option<ReadOnly>,
    agenda: AgendaState,
    guidance: GuidanceState,
    swot: SwotState,
    strategies: StrategiesState,
    actions: ActionsState,
    photos: PhotosState,
    history: History,
    /// Bumped by every change to the session: the loop saves when it moves.
    revision: u64,
    notice: Option<Notice>,
    /// How far the summary is scrolled, and how far it can be.
    summary: summary_scroll::SummaryScroll,
    /// Room mode: the inbox, voting, and the open room's address.
    room: room::RoomState,
    /// Where the ids of new entries come from (random unless a test counts).
    ids: IdSource,
}

impl App {
    pub fn new(session: Session, lang: Lang, read_only: Option<ReadOnly>) -> Self {
        let mut app = App {
            session,
            lang,
            view: View::Agenda,
            mode: Mode::Normal,
            read_only,
            agenda: AgendaState::default(),
            guidance: GuidanceState::default(),
            swot: SwotState::default(),
            strategies: StrategiesState::default(),
            actions: ActionsState::default(),
            photos: PhotosState::default(),
            history: History::default(),
            revision: 0,
            notice: read_only.map(Notice::ReadOnly),
            summary: Default::default(),
            room: Default::default(),
            ids: IdSource::Random,
        };
        app.agenda.note = first(app.session.stages.first().map_or(0, |s| s.notes.len()));
        app.guidance.note = first(app.session.guidance.first().map_or(0, |p| p.notes.len()));
        for q in Quadrant::ALL {
            app.swot.selected[q.index()] = first(app.session.swot.items(q).len());
        }
        for p in TowsPair::ALL {
            app.strategies.selected[p.index()] = first(app.session.strategies.items(p).len());
        }
        for pane in ActionsPane::ALL {
            app.actions.selected[pane.index()] =
                first(history::list_len(&app.session, pane.list()));
        }
        app.photos.selected = first(app.session.photos.len());
        app
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The language of the screen (not of the session's reports).
    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn view(&self) -> View {
        self.view
    }

    /// What the keys go to: the lists, a text box, a form, help, …
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// Why changes are refused, if they are.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.read_only
    }

    pub fn agenda(&self) -> AgendaState {
        self.agenda
    }

    pub fn guidance(&self) -> GuidanceState {
        self.guidance
    }

    pub fn swot(&self) -> SwotState {
        self.swot
    }

    pub fn strategies(&self) -> StrategiesState {
        self.strategies
    }

    pub fn actions(&self) -> ActionsState {
        self.actions
    }

    pub fn photos(&self) -> PhotosState {
        self.photos
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Bumped by every change to the session: the loop saves when it moves.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The one-line message of the status area, until the next key.
    pub fn notice(&self) -> Option<&Notice> {
        self.notice.as_ref()
    }

    /// The loop carried out `y`: the post is on its way to the clipboard,
    /// and saved where `saved` says (or not, and why).
    pub fn post_shared(&mut self, saved: Result<String, String>) {
        self.notice = Some(Notice::PostShared(saved));
    }

    pub fn summary(&self) -> &summary_scroll::SummaryScroll {
        &self.summary
    }

    pub fn room(&self) -> &room::RoomState {
        &self.room
    }

    /// Clears the one-line notice (the next key does it too).
    pub fn dismiss_notice(&mut self) {
        self.notice = None;
    }

    /// Shows `view`, as Tab would, with every selection as it was.
    pub fn show_view(&mut self, view: View) {
        self.view = view;
    }

    /// The same app drawing new ids from `ids` (tests pass a counting one).
    pub fn with_ids(mut self, ids: IdSource) -> Self {
        self.ids = ids;
        self
    }

    /// Saving failed and the facilitator wants to quit: ask where to save.
    pub fn ask_save_as(&mut self, suggestion: &str) {
        self.mode = Mode::Editing(Editor {
            target: EditTarget::SaveAs,
            text: TextBox::new(suggestion),
        });
    }

    /// The stage whose timer runs, if any.
    pub fn running_stage(&self) -> Option<usize> {
        self.session
            .stages
            .iter()
            .position(|s| s.running_since.is_some())
    }
}

/// The selection of a list of `len` entries when it is shown first: its
/// first entry, or nothing when it is empty.
fn first(len: usize) -> Option<usize> {
    (len > 0).then_some(0)
}

/// The SWOT items the picker of strategy `index` of `pair` lists: its two
/// source quadrants' items in board order, then any item it links that has
/// since moved elsewhere, so that every link can still be removed.
pub fn link_candidates(s: &Session, pair: TowsPair, index: usize) -> Vec<(Quadrant, usize)> {
    let mut candidates: Vec<(Quadrant, usize)> = pair
        .sources()
        .into_iter()
        .flat_map(|q| (0..s.swot.items(q).len()).map(move |i| (q, i)))
        .collect();
    let links = s
        .strategies
        .items(pair)
        .get(index)
        .map(|st| st.links.as_slice())
        .unwrap_or_default();
    for id in links {
        if let Some(found) = s.swot.find(id).filter(|(q, _)| !pair.sources().contains(q)) {
            candidates.push(found);
        }
    }
    candidates
}

/// The guidance checklist flattened: each point, then its sub-items.
pub fn guidance_rows(s: &Session) -> Vec<(usize, Option<usize>)> {
    s.guidance
        .iter()
        .enumerate()
        .flat_map(|(p, point)| {
            std::iter::once((p, None)).chain((0..point.items.len()).map(move |i| (p, Some(i))))
        })
        .collect()
}

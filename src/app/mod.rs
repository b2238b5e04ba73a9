//! The facilitator's screen as state: what is open, what is selected, and
//! `update`, the one place that changes it. No terminal, no files: every
//! action is a pure step that tests can drive.

pub mod action;
pub mod edits;
pub mod textbox;
mod update;
pub use update::seconds_between;

pub use action::Action;
pub use edits::{Edit, Entry, History, ListId};
pub use textbox::{TextBox, TextEdit};

use crate::session::{Quadrant, Session};
use crate::text::Lang;

/// The views, in Tab order (product.md §3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Agenda,
    Guidance,
    Swot,
    Summary,
}

impl View {
    pub const ALL: [View; 4] = [View::Agenda, View::Guidance, View::Swot, View::Summary];

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
}

impl EditTarget {
    pub fn list(self) -> Option<ListId> {
        match self {
            EditTarget::Add(l) | EditTarget::Edit(l, _) => Some(l),
            EditTarget::SaveAs => None,
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
}

/// A one-line message for the status area, shown until the next key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    ReadOnly(ReadOnly),
    NothingToUndo,
    NothingToRedo,
    Undone,
    Redone,
    NothingSelected,
    TemplateText,
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

#[derive(Debug, Clone)]
pub struct App {
    pub session: Session,
    pub lang: Lang,
    pub view: View,
    pub mode: Mode,
    pub read_only: Option<ReadOnly>,
    pub agenda: AgendaState,
    pub guidance: GuidanceState,
    pub swot: SwotState,
    pub history: History,
    /// Bumped by every change to the session: the loop saves when it moves.
    pub revision: u64,
    pub notice: Option<Notice>,
    pub quit: bool,
    /// A path typed into the save-as prompt, for the loop to save to.
    pub save_as: Option<String>,
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
            history: History::default(),
            revision: 0,
            notice: read_only.map(Notice::ReadOnly),
            quit: false,
            save_as: None,
        };
        for q in Quadrant::ALL {
            app.swot.selected[q.index()] = (!app.session.swot.items(q).is_empty()).then_some(0);
        }
        app
    }

    /// Saving failed and the facilitator wants to quit: ask where to save.
    pub fn ask_save_as(&mut self, suggestion: &str) {
        self.quit = false;
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

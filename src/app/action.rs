//! What a key (or a click) asks for, in the workshop's own words.
//! Keys are mapped to these in one place (`crate::input`).

use crate::session::{FollowUpStatus, Quadrant, TowsPair};

use super::textbox::TextEdit;

/// What a click can land on: a pane (no index) or an entry in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Swot(Quadrant, Option<usize>),
    Strategy(TowsPair, Option<usize>),
    ActionsList(super::ActionsPane, Option<usize>),
    /// The photos list, or a photo in it.
    Photo(Option<usize>),
    Stage(usize),
    StageNote(usize),
    GuidanceRow(usize),
    GuidanceNote(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    NextView,
    PrevView,
    ToggleHelp,
    /// `Esc`: close an overlay, cancel a pending move.
    Back,
    Quit,
    Undo,
    Redo,
    SwitchLang,
    /// `↑` / `↓` in the focused list.
    Up,
    Down,
    /// Open the text box to add to the focused list.
    Add,
    /// Open the text box on the selected entry.
    Edit,
    Delete,
    MoveUp,
    MoveDown,
    /// `←` / `→`: the pane or column to the left / right.
    FocusLeft,
    FocusRight,
    FocusQuadrant(Quadrant),
    /// `m`: the next key picks the pane the selected item moves to.
    StartMove,
    MoveTo(Quadrant),
    Vote(i32),
    Zoom,
    /// `Space` in the agenda: start or pause the selected stage's timer.
    ToggleTimer,
    /// `x` in the agenda: mark the selected stage done (again: not done).
    ToggleDone,
    /// `c` / `r` / `o` on a follow-up: carried on, dropped, open again
    /// (`x` marks it done); the status it already has means open again.
    MarkFollowUp(FollowUpStatus),
    /// `Space` in the guidance: toggle "discussed" on the selected sub-item.
    ToggleDiscussed,
    /// `+` / `-` in the agenda: the selected stage's timebox, in minutes.
    Timebox(i32),
    /// `1`–`4` in the strategies view.
    FocusPair(TowsPair),
    /// `l` in the strategies view: the selected strategy's link picker.
    OpenLinks,
    /// `Space` in the link picker.
    ToggleLink,
    /// `i` anywhere: the session details form.
    OpenDetails,
    /// `Tab` / `Shift-Tab` in a form.
    NextField,
    PrevField,
    /// A mouse click on an entry or a pane.
    Select(Target),
    /// Keys while the text box is open.
    Text(TextEdit),
    Commit,
    /// The clock moved on (redraws the running timer; changes nothing saved).
    Tick,
    /// A bracketed paste: into the open text box or form field, or, on a
    /// list, added to it (one entry per line).
    Paste(String),
    /// Characters that arrived together in command mode (typing without
    /// `a`, an input method, an unbracketed paste): the text box for adding
    /// to the focused list opens holding them, instead of running them.
    TypeBurst(String),
    /// PgUp / PgDn in the summary: a screenful up (-1) or down (1).
    ScrollPage(i32),
    /// Home / End in the summary: its top (`false`) or its end (`true`).
    ScrollEdge(bool),
    /// `y` on the summary: the news post to the clipboard and beside the session.
    SharePost,
    /// What the open room's server sent.
    Room(crate::room::RoomEvent),
    /// `R`: open the room (or show its QR code again).
    OpenRoom,
    /// `x` in a room overlay: close the room (the port closes).
    StopRoom,
    /// `I`: the room's inbox.
    Inbox,
    /// In the inbox: accept the selected submission as it is, edit it
    /// first, reject it, accept everything waiting.
    InboxAccept,
    InboxEdit,
    InboxReject,
    InboxAcceptAll,
    ToggleAutoAccept,
    ToggleVoting,
}

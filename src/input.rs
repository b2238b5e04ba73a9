//! Keys to actions, in one table: the same table drives the key handling,
//! the footer and the help overlay, so they cannot drift apart.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::home::{Home, HomeAction, HomePrompt};
use crate::app::room::RoomOverlay;
use crate::app::{Action, App, Mode, TextEdit, View};
use crate::session::{FollowUpStatus, Quadrant, TowsPair};
use crate::text::Lang;
use crate::text::kedmanee::to_us_key;

/// A key as the table knows it, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Up,
    Down,
    Left,
    Right,
    ShiftUp,
    ShiftDown,
    PageUp,
    PageDown,
    CtrlLeft,
    CtrlRight,
    Tab,
    BackTab,
    Enter,
    Esc,
    Backspace,
    Delete,
    Home,
    End,
    F(u8),
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Everywhere,
    In(View),
}

pub struct Binding<A: 'static = Action> {
    pub keys: &'static [Key],
    pub scope: Scope,
    pub action: A,
    /// Thai and English labels for the footer and help.
    pub th: &'static str,
    pub en: &'static str,
    /// Shown in the footer (the rest only in help).
    pub footer: bool,
}

impl<A> Binding<A> {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Th => self.th,
            Lang::En => self.en,
        }
    }
}

use Key::*;
use Scope::*;

const fn b<A>(
    keys: &'static [Key],
    scope: Scope,
    action: A,
    th: &'static str,
    en: &'static str,
    footer: bool,
) -> Binding<A> {
    Binding {
        keys,
        scope,
        action,
        th,
        en,
        footer,
    }
}

/// Every command-mode key (product.md §4). View bindings come first so
/// they win over the ones that apply everywhere.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    b(&[Char('s')], In(View::Swot), Action::FocusQuadrant(Quadrant::Strengths), "จุดแข็ง", "strengths", false),
    b(&[Char('w')], In(View::Swot), Action::FocusQuadrant(Quadrant::Weaknesses), "จุดอ่อน", "weaknesses", false),
    b(&[Char('o')], In(View::Swot), Action::FocusQuadrant(Quadrant::Opportunities), "โอกาส", "opportunities", false),
    b(&[Char('t')], In(View::Swot), Action::FocusQuadrant(Quadrant::Threats), "อุปสรรค", "threats", false),
    b(&[Left, Char('h')], In(View::Swot), Action::FocusLeft, "ช่องซ้าย", "pane left", false),
    b(&[Right, Char('l')], In(View::Swot), Action::FocusRight, "ช่องขวา", "pane right", false),
    b(&[Char('m')], In(View::Swot), Action::StartMove, "ย้ายไปช่อง", "move to pane", true),
    b(&[Char('+'), Char('=')], In(View::Swot), Action::Vote(1), "เพิ่มคะแนน", "vote", true),
    b(&[Char('-')], In(View::Swot), Action::Vote(-1), "ลดคะแนน", "unvote", false),
    b(&[Char('z')], In(View::Swot), Action::Zoom, "ขยายช่อง", "zoom", true),
    b(&[Char('1')], In(View::Strategies), Action::FocusPair(TowsPair::SO), "SO เชิงรุก", "SO aggressive", false),
    b(&[Char('2')], In(View::Strategies), Action::FocusPair(TowsPair::WO), "WO เชิงแก้ไข", "WO corrective", false),
    b(&[Char('3')], In(View::Strategies), Action::FocusPair(TowsPair::ST), "ST เชิงป้องกัน", "ST defensive", false),
    b(&[Char('4')], In(View::Strategies), Action::FocusPair(TowsPair::WT), "WT เชิงรับ", "WT retrenchment", false),
    b(&[Left], In(View::Strategies), Action::FocusLeft, "ช่องซ้าย", "pane left", false),
    b(&[Right], In(View::Strategies), Action::FocusRight, "ช่องขวา", "pane right", false),
    b(&[Char('l')], In(View::Strategies), Action::OpenLinks, "เชื่อมโยง SWOT", "link SWOT items", true),
    b(&[Left, Char('h')], In(View::Actions), Action::FocusLeft, "ช่องซ้าย", "pane left", false),
    b(&[Right, Char('l')], In(View::Actions), Action::FocusRight, "ช่องขวา", "pane right", false),
    b(&[Char('x')], In(View::Actions), Action::ToggleDone, "เสร็จแล้ว", "done", true),
    b(&[Char('c')], In(View::Actions), Action::MarkFollowUp(FollowUpStatus::Carried), "ทำต่อ", "carry on", true),
    b(&[Char('r')], In(View::Actions), Action::MarkFollowUp(FollowUpStatus::Dropped), "ยกเลิก", "drop", true),
    b(&[Char('o')], In(View::Actions), Action::MarkFollowUp(FollowUpStatus::Open), "รอติดตาม", "reopen", false),
    b(&[Left, Char('h')], In(View::Agenda), Action::FocusLeft, "ขั้นตอน", "stages", false),
    b(&[Right, Char('l')], In(View::Agenda), Action::FocusRight, "บันทึก", "notes", false),
    b(&[Char(' ')], In(View::Agenda), Action::ToggleTimer, "จับเวลา", "timer", true),
    b(&[Char('x')], In(View::Agenda), Action::ToggleDone, "เสร็จแล้ว", "done", true),
    b(&[Char('+'), Char('=')], In(View::Agenda), Action::Timebox(5), "เพิ่มเวลา 5 นาที", "timebox +5 min", false),
    b(&[Char('-')], In(View::Agenda), Action::Timebox(-5), "ลดเวลา 5 นาที", "timebox −5 min", false),
    b(&[Left, Char('h')], In(View::Guidance), Action::FocusLeft, "รายการ", "checklist", false),
    b(&[Right, Char('l')], In(View::Guidance), Action::FocusRight, "บันทึก", "notes", false),
    b(&[Char(' ')], In(View::Guidance), Action::ToggleDiscussed, "หารือแล้ว", "discussed", true),
    b(&[Down, Char('j')], In(View::Summary), Action::Down, "เลื่อนลง", "scroll", true),
    b(&[Up, Char('k')], In(View::Summary), Action::Up, "เลื่อนขึ้น", "scroll up", true),
    b(&[PageDown], In(View::Summary), Action::ScrollPage(1), "เลื่อนลงหนึ่งหน้าจอ", "page down", false),
    b(&[PageUp], In(View::Summary), Action::ScrollPage(-1), "เลื่อนขึ้นหนึ่งหน้าจอ", "page up", false),
    b(&[Home], In(View::Summary), Action::ScrollEdge(false), "บนสุด", "top", false),
    b(&[End], In(View::Summary), Action::ScrollEdge(true), "ล่างสุด", "end", false),
    b(&[Tab], Everywhere, Action::NextView, "หน้าถัดไป", "next view", true),
    b(&[BackTab], Everywhere, Action::PrevView, "หน้าก่อน", "previous view", false),
    b(&[Char('a')], Everywhere, Action::Add, "เพิ่ม", "add", true),
    b(&[Enter, Char('e')], Everywhere, Action::Edit, "แก้ไข", "edit", true),
    b(&[Char('d'), Delete], Everywhere, Action::Delete, "ลบ", "delete", true),
    b(&[Up, Char('k')], Everywhere, Action::Up, "ขึ้น", "up", false),
    b(&[Down, Char('j')], Everywhere, Action::Down, "ลง", "down", false),
    b(&[ShiftUp, Char('K')], Everywhere, Action::MoveUp, "เลื่อนขึ้น", "move up", false),
    b(&[ShiftDown, Char('J')], Everywhere, Action::MoveDown, "เลื่อนลง", "move down", false),
    b(&[Char('i')], Everywhere, Action::OpenDetails, "ข้อมูลเวที", "details", false),
    b(&[Char('R')], Everywhere, Action::OpenRoom, "เปิดห้องรับความเห็น", "room mode", false),
    b(&[Char('I')], Everywhere, Action::Inbox, "กล่องรับความเห็น", "inbox", false),
    b(&[Char('u')], Everywhere, Action::Undo, "เลิกทำ", "undo", true),
    b(&[Ctrl('r')], Everywhere, Action::Redo, "ทำซ้ำ", "redo", false),
    b(&[F(2)], Everywhere, Action::SwitchLang, "English", "ภาษาไทย", true),
    b(&[Char('?')], Everywhere, Action::ToggleHelp, "ช่วยเหลือ", "help", true),
    b(&[Esc], Everywhere, Action::Back, "ปิด", "close", false),
    b(&[Char('q'), Ctrl('c')], Everywhere, Action::Quit, "ออก", "quit", true),
];

/// The keys over the room's QR code.
#[rustfmt::skip]
pub static ROOM_QR_BINDINGS: &[Binding] = &[
    b(&[Char('I')], Everywhere, Action::Inbox, "กล่องรับความเห็น", "inbox", true),
    b(&[Char('x')], Everywhere, Action::StopRoom, "ปิดห้อง", "stop the room", true),
    b(&[Esc], Everywhere, Action::Back, "ซ่อน", "hide", true),
    b(&[Char('q'), Ctrl('c')], Everywhere, Action::Quit, "ออก", "quit", true),
];

/// The room inbox's keys.
#[rustfmt::skip]
pub static INBOX_BINDINGS: &[Binding] = &[
    b(&[Enter], Everywhere, Action::InboxAccept, "รับขึ้นกระดาน", "accept", true),
    b(&[Char('e')], Everywhere, Action::InboxEdit, "แก้แล้วรับ", "edit, accept", true),
    b(&[Char('d'), Delete], Everywhere, Action::InboxReject, "ไม่รับ", "reject", true),
    b(&[Char('A')], Everywhere, Action::InboxAcceptAll, "รับทั้งหมด", "accept all", true),
    b(&[Char('o')], Everywhere, Action::ToggleAutoAccept, "รับอัตโนมัติ", "auto-accept", true),
    b(&[Char('v')], Everywhere, Action::ToggleVoting, "เปิด/ปิดโหวต", "voting on/off", true),
    b(&[Char('R')], Everywhere, Action::OpenRoom, "คิวอาร์โค้ด", "QR code", true),
    b(&[Char('x')], Everywhere, Action::StopRoom, "ปิดห้อง", "stop the room", false),
    b(&[Up, Char('k')], Everywhere, Action::Up, "ขึ้น", "up", false),
    b(&[Down, Char('j')], Everywhere, Action::Down, "ลง", "down", false),
    b(&[Char('u')], Everywhere, Action::Undo, "เลิกทำ", "undo", false),
    b(&[Esc], Everywhere, Action::Back, "ปิด", "close", true),
    b(&[Char('q'), Ctrl('c')], Everywhere, Action::Quit, "ออก", "quit", true),
];

/// The keys of a room overlay.
pub fn room_bindings(overlay: RoomOverlay) -> &'static [Binding] {
    match overlay {
        RoomOverlay::Qr => ROOM_QR_BINDINGS,
        RoomOverlay::Inbox => INBOX_BINDINGS,
    }
}

/// The home screen's keys.
#[rustfmt::skip]
pub static HOME_BINDINGS: &[Binding<HomeAction>] = &[
    b(&[Enter], Everywhere, HomeAction::Open, "เปิด", "open", true),
    b(&[Char('v')], Everywhere, HomeAction::ViewOnly, "ดูอย่างเดียว", "view", true),
    b(&[Char('n')], Everywhere, HomeAction::New, "เวทีใหม่", "new", true),
    b(&[Char('/')], Everywhere, HomeAction::StartFilter, "ค้นหา", "filter", true),
    b(&[Char('D')], Everywhere, HomeAction::Trash, "ย้ายไปถังขยะ", "to trash", true),
    b(&[Char('x')], Everywhere, HomeAction::Export, "ส่งออกรายงาน", "export", true),
    b(&[Char('u')], Everywhere, HomeAction::Restore, "นำกลับจากถังขยะ", "undo trash", true),
    b(&[Char('e')], Everywhere, HomeAction::Example, "เปิดตัวอย่าง", "open the example", true),
    b(&[Up, Char('k')], Everywhere, HomeAction::Up, "ขึ้น", "up", false),
    b(&[Down, Char('j')], Everywhere, HomeAction::Down, "ลง", "down", false),
    b(&[F(2)], Everywhere, HomeAction::SwitchLang, "English", "ภาษาไทย", true),
    b(&[Char('?')], Everywhere, HomeAction::ToggleHelp, "ช่วยเหลือ", "help", true),
    b(&[Esc], Everywhere, HomeAction::Back, "ล้างคำค้น", "clear filter", false),
    b(&[Char('q'), Ctrl('c')], Everywhere, HomeAction::Quit, "ออก", "quit", true),
];

/// The action a key asks for on the home screen.
pub fn home_action_for(home: &Home, key: Key) -> Option<HomeAction> {
    match &home.prompt() {
        Some(HomePrompt::Trash(..)) => {
            return match layout_independent(key) {
                Char('y') | Enter => Some(HomeAction::Commit),
                Char('n') | Esc => Some(HomeAction::Back),
                Ctrl('c') => Some(HomeAction::Quit),
                _ => None,
            };
        }
        Some(HomePrompt::Export { .. }) => return export_format_action(key),
        Some(HomePrompt::NewTitle(_)) => {
            return match key {
                Enter => Some(HomeAction::Commit),
                Esc => Some(HomeAction::Back),
                Ctrl('c') => Some(HomeAction::Quit),
                other => match text_action(other)? {
                    Action::Text(edit) => Some(HomeAction::Text(edit)),
                    _ => None,
                },
            };
        }
        None => {}
    }
    if home.filtering() {
        return match key {
            Up => Some(HomeAction::Up),
            Down => Some(HomeAction::Down),
            Enter => Some(HomeAction::Commit),
            Esc => Some(HomeAction::Back),
            Ctrl('c') => Some(HomeAction::Quit),
            other => match text_action(other)? {
                Action::Text(edit) => Some(HomeAction::Text(edit)),
                _ => None,
            },
        };
    }
    find_binding(|| HOME_BINDINGS.iter(), key).map(|b| b.action.clone())
}

/// A key while the home screen asks for the export format: on either layout.
fn export_format_action(key: Key) -> Option<HomeAction> {
    use crate::export::Format;
    Some(match layout_independent(key) {
        Char('m') => HomeAction::ExportAs(Format::Md),
        Char('h') => HomeAction::ExportAs(Format::Html),
        Char('w') => HomeAction::ExportAs(Format::Docx),
        Char('c') => HomeAction::ExportAs(Format::Csv),
        Up | Char('k') => HomeAction::Up,
        Down | Char('j') => HomeAction::Down,
        Enter => HomeAction::Commit,
        Esc => HomeAction::Back,
        Ctrl('c') => HomeAction::Quit,
        _ => return None,
    })
}

/// The binding `key` means, on either layout: the key itself (a Thai
/// character read as its US key), else, for an ASCII character the Thai
/// layout types (`/` on the `2` key), the key that types it there.
fn find_binding<A, I: Iterator<Item = &'static Binding<A>>>(
    bindings: impl Fn() -> I,
    key: Key,
) -> Option<&'static Binding<A>> {
    let direct = layout_independent(key);
    let found = bindings().find(|b| b.keys.contains(&direct));
    found.or_else(|| match key {
        Char(c) => {
            let us = Char(crate::text::kedmanee::us_key_typing_ascii(c)?);
            bindings().find(|b| b.keys.contains(&us))
        }
        _ => None,
    })
}

/// The bindings that apply in `view`, in table order, each action once.
pub fn bindings_for(view: View) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.scope == Everywhere || b.scope == In(view))
        .filter(move |b| !shadowed(b, view))
        .filter(move |b| !(view == View::Summary && edits_a_list(&b.action)))
}

/// The keys that change a list: the summary has none, so they are not
/// its keys (neither in its footer nor in its help).
fn edits_a_list(action: &Action) -> bool {
    matches!(
        action,
        Action::Add | Action::Edit | Action::Delete | Action::MoveUp | Action::MoveDown
    )
}

/// An everywhere-binding whose every key a view binding takes over.
fn shadowed(binding: &Binding, view: View) -> bool {
    binding.scope == Everywhere
        && binding.keys.iter().all(|k| {
            BINDINGS
                .iter()
                .any(|o| o.scope == In(view) && o.keys.contains(k))
        })
}

/// A terminal key event as a [`Key`]; `None` for releases and keys we do not use.
pub fn key_of(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let shift = event.modifiers.contains(KeyModifiers::SHIFT);
    Some(match event.code {
        KeyCode::Char(c) if ctrl => Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(c) => Char(c),
        KeyCode::Up if shift => ShiftUp,
        KeyCode::Down if shift => ShiftDown,
        KeyCode::Left if ctrl => CtrlLeft,
        KeyCode::Right if ctrl => CtrlRight,
        KeyCode::Up => Up,
        KeyCode::Down => Down,
        KeyCode::Left => Left,
        KeyCode::Right => Right,
        KeyCode::Tab if shift => BackTab,
        KeyCode::Tab => Tab,
        KeyCode::BackTab => BackTab,
        KeyCode::Enter => Enter,
        KeyCode::Esc => Esc,
        KeyCode::Backspace => Backspace,
        KeyCode::Delete => Delete,
        KeyCode::Home => Home,
        KeyCode::End => End,
        KeyCode::PageUp => PageUp,
        KeyCode::PageDown => PageDown,
        KeyCode::F(n) => F(n),
        _ => return None,
    })
}

/// A Thai Kedmanee character means the US key in the same position, so
/// commands work whichever layout is active.
fn layout_independent(key: Key) -> Key {
    match key {
        Char(c) => Char(to_us_key(c).unwrap_or(c)),
        other => other,
    }
}

/// The action a key asks for in the app's current mode.
pub fn action_for(app: &App, key: Key) -> Option<Action> {
    match app.mode() {
        Mode::Editing(_) => text_action(key),
        Mode::PendingMove => Some(match layout_independent(key) {
            Char('s') => Action::MoveTo(Quadrant::Strengths),
            Char('w') => Action::MoveTo(Quadrant::Weaknesses),
            Char('o') => Action::MoveTo(Quadrant::Opportunities),
            Char('t') => Action::MoveTo(Quadrant::Threats),
            _ => Action::Back,
        }),
        Mode::LinkPicker { .. } => match layout_independent(key) {
            Up | Char('k') => Some(Action::Up),
            Down | Char('j') => Some(Action::Down),
            Char(' ') => Some(Action::ToggleLink),
            Enter => Some(Action::Commit),
            Esc | Char('l') => Some(Action::Back),
            Ctrl('c') => Some(Action::Quit),
            _ => None,
        },
        Mode::Form(_) => match key {
            Tab | Down => Some(Action::NextField),
            BackTab | Up => Some(Action::PrevField),
            other => text_action(other),
        },
        Mode::Normal if app.room().overlay().is_some() => {
            let table = room_bindings(app.room().overlay()?);
            find_binding(|| table.iter(), key).map(|b| b.action.clone())
        }
        Mode::Help | Mode::Normal => {
            find_binding(|| bindings_for(app.view()), key).map(|b| b.action.clone())
        }
    }
}

/// Keys while the text box is open: everything types, except the editing keys.
fn text_action(key: Key) -> Option<Action> {
    Some(match key {
        Char(c) => Action::Text(TextEdit::Insert(c)),
        Enter => Action::Commit,
        Esc | Ctrl('c') => Action::Back,
        Backspace => Action::Text(TextEdit::Backspace),
        Delete => Action::Text(TextEdit::Delete),
        Left => Action::Text(TextEdit::Left),
        Right => Action::Text(TextEdit::Right),
        Home | Ctrl('a') => Action::Text(TextEdit::Home),
        End | Ctrl('e') => Action::Text(TextEdit::End),
        CtrlLeft => Action::Text(TextEdit::WordLeft),
        CtrlRight => Action::Text(TextEdit::WordRight),
        _ => return None,
    })
}

/// How a key is written in the footer and help.
pub fn key_name(key: Key) -> String {
    match key {
        Char(' ') => "Space".into(),
        Char(c) => c.to_string(),
        Ctrl(c) => format!("Ctrl-{c}"),
        Up => "↑".into(),
        Down => "↓".into(),
        Left => "←".into(),
        Right => "→".into(),
        ShiftUp => "Shift-↑".into(),
        ShiftDown => "Shift-↓".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        CtrlLeft => "Ctrl-←".into(),
        CtrlRight => "Ctrl-→".into(),
        Tab => "Tab".into(),
        BackTab => "Shift-Tab".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Backspace => "Backspace".into(),
        Delete => "Delete".into(),
        Home => "Home".into(),
        End => "End".into(),
        F(n) => format!("F{n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::template::builtin;

    fn app(view: View) -> App {
        let mut app = App::new(builtin().unwrap(), Lang::En, None);
        app.show_view(view);
        app
    }

    #[test]
    fn thai_layout_keys_mean_the_same_commands() {
        let a = app(View::Swot);
        assert_eq!(action_for(&a, Char('ฟ')), Some(Action::Add));
        assert_eq!(action_for(&a, Char('ๆ')), Some(Action::Quit));
        assert_eq!(action_for(&a, Char('ฦ')), Some(Action::ToggleHelp));
        assert_eq!(
            action_for(&a, Char('ห')),
            Some(Action::FocusQuadrant(Quadrant::Strengths))
        );
        assert_eq!(
            action_for(&a, Char('ะ')),
            Some(Action::FocusQuadrant(Quadrant::Threats))
        );
    }

    #[test]
    fn follow_up_keys_work_on_both_layouts() {
        let a = app(View::Actions);
        for (us, th, status) in [
            ('c', 'แ', FollowUpStatus::Carried),
            ('r', 'พ', FollowUpStatus::Dropped),
            ('o', 'น', FollowUpStatus::Open),
        ] {
            let want = Some(Action::MarkFollowUp(status));
            assert_eq!(action_for(&a, Char(us)), want);
            assert_eq!(action_for(&a, Char(th)), want);
        }
        assert_eq!(action_for(&a, Char('ป')), Some(Action::ToggleDone));
        assert_eq!(action_for(&app(View::Swot), Char('c')), None);
    }

    #[test]
    fn view_keys_win_over_everywhere_keys() {
        assert_eq!(action_for(&app(View::Swot), Left), Some(Action::FocusLeft));
        assert_eq!(
            action_for(&app(View::Agenda), Char(' ')),
            Some(Action::ToggleTimer)
        );
        assert_eq!(
            action_for(&app(View::Guidance), Char(' ')),
            Some(Action::ToggleDiscussed)
        );
        assert_eq!(action_for(&app(View::Summary), Char(' ')), None);
    }

    #[test]
    fn every_binding_has_both_labels_and_no_key_is_bound_twice_in_a_view() {
        for view in View::ALL {
            let mut seen = std::collections::HashSet::new();
            for b in bindings_for(view) {
                assert!(!b.th.is_empty() && !b.en.is_empty());
                for k in b.keys {
                    assert!(seen.insert(*k), "{k:?} is bound twice in {view:?}");
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        for b in HOME_BINDINGS {
            assert!(!b.th.is_empty() && !b.en.is_empty());
            for k in b.keys {
                assert!(seen.insert(*k), "{k:?} is bound twice on the home screen");
            }
        }
    }

    /// What each key types on the two layouts: the US key, and on
    /// Kedmanee the character in its position.
    fn typed(key: Key) -> Vec<Key> {
        match key {
            Char(c) => std::iter::once(Char(c))
                .chain(crate::text::kedmanee::thai_of(c).map(Char))
                .collect(),
            other => vec![other],
        }
    }

    #[test]
    fn every_binding_of_every_view_works_on_both_layouts_without_colliding() {
        for view in View::ALL {
            let a = app(view);
            let mut owner = std::collections::HashMap::new();
            for b in bindings_for(view) {
                for key in b.keys.iter().flat_map(|k| typed(*k)) {
                    assert_eq!(
                        action_for(&a, key),
                        Some(b.action.clone()),
                        "{key:?} in {view:?} should mean {}",
                        b.en
                    );
                    if let Some(other) = owner.insert(key, b.action.clone()) {
                        assert_eq!(other, b.action, "{key:?} collides in {view:?}");
                    }
                }
            }
        }
        let home = Home::new(Vec::new(), Lang::En);
        let mut owner = std::collections::HashMap::new();
        for b in HOME_BINDINGS {
            for key in b.keys.iter().flat_map(|k| typed(*k)) {
                assert_eq!(
                    home_action_for(&home, key),
                    Some(b.action.clone()),
                    "{key:?}"
                );
                if let Some(other) = owner.insert(key, b.action.clone()) {
                    assert_eq!(other, b.action, "{key:?} collides on the home screen");
                }
            }
        }
    }

    #[test]
    fn export_format_keys_work_on_both_layouts() {
        use crate::export::Format;
        let listed = crate::session::Listed {
            path: "a.json".into(),
            id: "a".into(),
            title: String::new(),
            date: None,
            venue: String::new(),
            updated_at: chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00")
                .expect("a date"),
            counts: [0; 4],
        };
        let mut home = Home::new(vec![listed], Lang::Th);
        home.update(HomeAction::Export);
        assert!(matches!(home.prompt(), Some(HomePrompt::Export { .. })));
        for (us, format) in [
            ('m', Format::Md),
            ('h', Format::Html),
            ('w', Format::Docx),
            ('c', Format::Csv),
        ] {
            for key in typed(Char(us)) {
                assert_eq!(
                    home_action_for(&home, key),
                    Some(HomeAction::ExportAs(format)),
                    "{key:?}"
                );
            }
        }
        assert_eq!(home_action_for(&home, Esc), Some(HomeAction::Back));
        assert_eq!(home_action_for(&home, Enter), Some(HomeAction::Commit));
        assert_eq!(home_action_for(&home, Char('q')), None, "q is no format");
        assert_eq!(
            home_action_for(&Home::new(Vec::new(), Lang::Th), Char('ป')),
            Some(HomeAction::Export)
        );
    }

    #[test]
    fn room_overlay_keys_work_on_both_layouts_without_colliding() {
        for overlay in [RoomOverlay::Qr, RoomOverlay::Inbox] {
            let mut a = app(View::Swot);
            let open = match overlay {
                RoomOverlay::Qr => Action::OpenRoom,
                RoomOverlay::Inbox => Action::Inbox,
            };
            a.update(open, crate::session::now());
            assert_eq!(a.room().overlay(), Some(overlay));
            let mut owner = std::collections::HashMap::new();
            for b in room_bindings(overlay) {
                for key in b.keys.iter().flat_map(|k| typed(*k)) {
                    assert_eq!(action_for(&a, key), Some(b.action.clone()), "{key:?}");
                    if let Some(other) = owner.insert(key, b.action.clone()) {
                        assert_eq!(other, b.action, "{key:?} collides in {overlay:?}");
                    }
                }
            }
        }
        let a = app(View::Agenda);
        assert_eq!(action_for(&a, Char('ฑ')), Some(Action::OpenRoom));
        assert_eq!(action_for(&a, Char('ณ')), Some(Action::Inbox));
    }

    #[test]
    fn strategies_digits_work_on_the_thai_layout() {
        let a = app(View::Strategies);
        for (typed, pair) in [
            ('ๅ', TowsPair::SO),
            ('/', TowsPair::WO),
            ('-', TowsPair::ST),
            ('ภ', TowsPair::WT),
        ] {
            assert_eq!(action_for(&a, Char(typed)), Some(Action::FocusPair(pair)));
        }
        // Where `-` has a meaning of its own, it keeps it.
        assert_eq!(
            action_for(&app(View::Swot), Char('-')),
            Some(Action::Vote(-1))
        );
    }
}

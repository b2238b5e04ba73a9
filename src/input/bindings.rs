//! The key table: every key the app knows, where it applies, the action it
//! asks for, and its labels in Thai and English. Lookups, the footer and
//! help read it through `input.rs`.

use crate::app::home::HomeAction;
use crate::app::room::RoomOverlay;
use crate::app::{Action, View};
use crate::session::{FollowUpStatus, Quadrant, TowsPair};
use crate::text::Lang;

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
    /// Enter with Alt held (terminals send ESC CR).
    AltEnter,
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

/// Every command-mode key (adding one: docs/ARCHITECTURE.md, "Where a change
/// goes"). View bindings come first so they win over the ones that apply
/// everywhere.
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
    b(&[Char('y')], In(View::Summary), Action::SharePost, "คัดลอกข่าวประชาสัมพันธ์", "copy the news post", true),
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
    b(&[Enter], Everywhere, Action::InboxAccept, "รับ", "accept", true),
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
    b(&[Char('o')], Everywhere, HomeAction::Overview, "ภาพรวมทุกเวที", "overview", true),
    b(&[Up, Char('k')], Everywhere, HomeAction::Up, "ขึ้น", "up", false),
    b(&[Down, Char('j')], Everywhere, HomeAction::Down, "ลง", "down", false),
    b(&[F(2)], Everywhere, HomeAction::SwitchLang, "English", "ภาษาไทย", true),
    b(&[Char('?')], Everywhere, HomeAction::ToggleHelp, "ช่วยเหลือ", "help", true),
    b(&[Esc], Everywhere, HomeAction::Back, "ล้างคำค้น", "clear filter", false),
    b(&[Char('q'), Ctrl('c')], Everywhere, HomeAction::Quit, "ออก", "quit", true),
];

/// The keys of the home screen's overview of the folder.
#[rustfmt::skip]
pub static OVERVIEW_BINDINGS: &[Binding<HomeAction>] = &[
    b(&[Enter], Everywhere, HomeAction::Open, "เปิดที่รายการนี้", "open at this entry", true),
    b(&[Char('v')], Everywhere, HomeAction::ViewOnly, "ดูอย่างเดียว", "view", true),
    b(&[Up, Char('k')], Everywhere, HomeAction::Up, "ขึ้น", "up", false),
    b(&[Down, Char('j')], Everywhere, HomeAction::Down, "ลง", "down", false),
    b(&[Esc, Char('o')], Everywhere, HomeAction::Back, "กลับรายชื่อเวที", "back to the list", true),
    b(&[F(2)], Everywhere, HomeAction::SwitchLang, "English", "ภาษาไทย", true),
    b(&[Char('?')], Everywhere, HomeAction::ToggleHelp, "ช่วยเหลือ", "help", true),
    b(&[Char('q'), Ctrl('c')], Everywhere, HomeAction::Quit, "ออก", "quit", true),
];

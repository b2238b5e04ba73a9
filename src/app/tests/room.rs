//! Room mode's actions in `update`: submissions, the inbox, votes.

use super::support::*;
use crate::app::room::RoomOverlay;
use crate::room::{RoomEvent, Submission};

/// The built-in template on the SWOT board: every pane empty.
fn template_app() -> App {
    let mut app = App::new(template::builtin().unwrap(), Lang::Th, None)
        .with_ids(crate::session::ids::IdSource::counting());
    app.view = View::Swot;
    app
}

fn submit(app: &mut App, q: Quadrant, text: &str, group: &str) {
    let s = Submission::new(q, text, group, now()).unwrap();
    app.update(Action::Room(RoomEvent::Submitted(s)), now());
}

#[test]
fn a_submission_waits_in_the_inbox_and_changes_nothing_saved() {
    let mut a = template_app();
    submit(&mut a, Quadrant::Threats, "ภัยแล้ง", "กลุ่ม 2");
    assert_eq!(a.room.inbox.len(), 1);
    assert_eq!(a.revision, 0);
    assert!(pane(&a, Quadrant::Threats).is_empty());
}

#[test]
fn enter_in_the_inbox_puts_the_item_on_the_board_tagged_and_undoable() {
    let mut a = template_app();
    submit(&mut a, Quadrant::Threats, "ภัยแล้ง", "กลุ่ม 2");
    submit(&mut a, Quadrant::Strengths, "ผู้นำเข้มแข็ง", "");
    a.update(Action::Inbox, now());
    assert_eq!(a.room.overlay, Some(RoomOverlay::Inbox));
    a.update(Action::InboxAccept, now());
    let item = &a.session.swot.threats[0];
    assert_eq!(item.text, "ภัยแล้ง");
    assert_eq!(item.group.as_deref(), Some("กลุ่ม 2"));
    assert_eq!(a.room.inbox.len(), 1);
    assert!(a.revision > 0);
    a.update(Action::Undo, now());
    assert!(pane(&a, Quadrant::Threats).is_empty());
    a.update(Action::Redo, now());
    assert_eq!(pane(&a, Quadrant::Threats), ["ภัยแล้ง"]);
}

#[test]
fn edit_then_accept_takes_the_edited_text() {
    let mut a = template_app();
    submit(&mut a, Quadrant::Opportunities, "ตลาดออนไลน", "");
    a.update(Action::Inbox, now());
    a.update(Action::InboxEdit, now());
    assert!(matches!(&a.mode, Mode::Editing(e) if e.target == EditTarget::Inbox(0)));
    a.update(Action::Text(TextEdit::Insert('์')), now());
    a.update(Action::Commit, now());
    assert_eq!(pane(&a, Quadrant::Opportunities), ["ตลาดออนไลน์"]);
    assert!(a.room.inbox.is_empty());
    assert_eq!(a.room.overlay, Some(RoomOverlay::Inbox));
}

#[test]
fn reject_drops_and_accept_all_takes_everything_in_one_step() {
    let mut a = template_app();
    for (q, text) in [
        (Quadrant::Strengths, "หนึ่ง"),
        (Quadrant::Weaknesses, "สอง"),
        (Quadrant::Strengths, "สาม"),
    ] {
        submit(&mut a, q, text, "");
    }
    a.update(Action::Inbox, now());
    a.update(Action::Down, now());
    a.update(Action::InboxReject, now());
    assert_eq!(a.room.inbox.len(), 2);
    assert_eq!(a.revision, 0, "rejecting changes nothing saved");
    a.update(Action::InboxAcceptAll, now());
    assert_eq!(pane(&a, Quadrant::Strengths), ["หนึ่ง", "สาม"]);
    assert!(a.room.inbox.is_empty());
    a.update(Action::Undo, now());
    assert!(pane(&a, Quadrant::Strengths).is_empty());
}

#[test]
fn auto_accept_puts_submissions_straight_on_the_board() {
    let mut a = template_app();
    a.update(Action::Inbox, now());
    a.update(Action::ToggleAutoAccept, now());
    a.update(Action::Back, now());
    assert_eq!(a.room.overlay, None);
    submit(&mut a, Quadrant::Weaknesses, "งบน้อย", "กลุ่ม 1");
    assert!(a.room.inbox.is_empty());
    assert_eq!(pane(&a, Quadrant::Weaknesses), ["งบน้อย"]);
    assert_eq!(a.session.swot.weaknesses[0].group.as_deref(), Some("กลุ่ม 1"));
}

#[test]
fn a_vote_adds_one_undoably_and_a_gone_item_is_ignored() {
    let mut a = template_app();
    a.update(Action::Inbox, now());
    a.update(Action::ToggleAutoAccept, now());
    submit(&mut a, Quadrant::Threats, "ภัยแล้ง", "");
    let id = a.session.swot.threats[0].id.clone();
    let before = a.revision;
    a.update(Action::Room(RoomEvent::Vote { item_id: id }), now());
    assert_eq!(a.session.swot.threats[0].votes, 1);
    assert!(a.revision > before);
    let at = a.revision;
    a.update(
        Action::Room(RoomEvent::Vote {
            item_id: "sw-gone".into(),
        }),
        now(),
    );
    assert_eq!(a.revision, at);
    a.update(Action::Undo, now());
    assert_eq!(a.session.swot.threats[0].votes, 0);
}

#[test]
fn r_asks_to_open_the_room_and_x_to_stop_it() {
    let mut a = template_app();
    assert_eq!(a.update(Action::OpenRoom, now()), Effect::OpenRoom);
    assert_eq!(a.room.overlay, Some(RoomOverlay::Qr));
    a.room.opened("http://127.0.0.1:1/r/x/".into(), None);
    a.update(Action::Back, now());
    assert_eq!(a.room.overlay, None);
    assert_eq!(
        a.update(Action::OpenRoom, now()),
        Effect::None,
        "an open room is shown again, not reopened"
    );
    assert_eq!(a.update(Action::StopRoom, now()), Effect::StopRoom);
    assert_eq!(a.room.overlay, None);
}

#[test]
fn a_read_only_session_opens_no_room_and_accepts_nothing() {
    let mut a = App::new(
        template::builtin().unwrap(),
        Lang::En,
        Some(ReadOnly::Viewing),
    )
    .with_ids(crate::session::ids::IdSource::counting());
    assert_eq!(a.update(Action::OpenRoom, now()), Effect::None);
    assert_eq!(a.room.overlay, None);
    assert_eq!(a.notice, Some(Notice::RoomReadOnly));
    let s = Submission::new(Quadrant::Threats, "x", "", now()).unwrap();
    a.room.inbox = crate::room::Inbox::new(vec![s]);
    a.update(Action::Inbox, now());
    a.update(Action::InboxAccept, now());
    a.update(Action::InboxAcceptAll, now());
    assert_eq!(a.room.inbox.len(), 1);
    assert_eq!(a.revision, 0);
}

#[test]
fn the_qr_code_is_kept_while_the_room_is_open_and_goes_when_it_closes() {
    let mut a = template_app();
    let qr = crate::room::qr::encode("HTTP://127.0.0.1:1/R/X/").ok();
    assert!(qr.is_some());
    a.room_opened("HTTP://127.0.0.1:1/R/X/".into(), qr.clone());
    assert_eq!(a.room().qr(), qr.as_ref());
    a.room_closed(None);
    assert_eq!(a.room().qr(), None);
}

fn send_photo(app: &mut App, caption: &str, group: &str) {
    let p = crate::room::inbox::PhotoSubmission::new(
        format!("rm-{}.jpg", app.room.inbox.len()),
        caption,
        group,
        now(),
        150_000,
        (1600, 1200),
    );
    app.update(Action::Room(RoomEvent::Photo(p)), now());
}

fn captions(app: &App) -> Vec<&str> {
    app.session
        .photos
        .iter()
        .map(|p| p.caption.as_str())
        .collect()
}

#[test]
fn a_photo_waits_after_the_items_and_enter_e_and_d_handle_it_undoably() {
    let mut a = template_app();
    send_photo(&mut a, "ฟลิปชาร์ต", "กลุ่ม 1");
    submit(&mut a, Quadrant::Threats, "ภัยแล้ง", "");
    send_photo(&mut a, "", "");
    send_photo(&mut a, "ลบ", "");
    assert_eq!((a.room.inbox.len(), a.revision), (4, 0));
    a.update(Action::Inbox, now());
    // The item is first; then the photos, oldest first.
    a.update(Action::Down, now());
    a.update(Action::InboxAccept, now());
    assert_eq!(captions(&a), ["ฟลิปชาร์ต"]);
    assert_eq!(a.session.photos[0].group.as_deref(), Some("กลุ่ม 1"));
    assert_eq!(a.session.photos[0].file, "rm-0.jpg");
    a.update(Action::InboxEdit, now());
    assert!(matches!(&a.mode, Mode::Editing(e) if e.text.text().is_empty()));
    for c in "ประธาน".chars() {
        a.update(Action::Text(TextEdit::Insert(c)), now());
    }
    a.update(Action::Commit, now());
    assert_eq!(captions(&a), ["ฟลิปชาร์ต", "ประธาน"]);
    a.update(Action::InboxReject, now());
    assert_eq!(a.room.inbox.len(), 1, "only the item waits");
    assert_eq!(captions(&a), ["ฟลิปชาร์ต", "ประธาน"]);
    a.update(Action::Undo, now());
    assert_eq!(captions(&a), ["ฟลิปชาร์ต"]);
    a.update(Action::Back, now());
    a.update(Action::Undo, now());
    assert!(a.session.photos.is_empty());
    assert_eq!(a.view, View::Photos, "undo shows where the photo was");
}

#[test]
fn auto_accept_and_accept_all_take_photos_too() {
    let mut a = template_app();
    send_photo(&mut a, "a", "");
    submit(&mut a, Quadrant::Strengths, "ผู้นำ", "");
    a.update(Action::Inbox, now());
    a.update(Action::InboxAcceptAll, now());
    assert_eq!(captions(&a), ["a"]);
    assert_eq!(pane(&a, Quadrant::Strengths), ["ผู้นำ"]);
    a.update(Action::ToggleAutoAccept, now());
    send_photo(&mut a, "b", "");
    assert_eq!(captions(&a), ["a", "b"]);
    assert!(a.room.inbox.is_empty());
    a.update(Action::Undo, now());
    assert_eq!(captions(&a), ["a"]);
}

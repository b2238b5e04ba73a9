//! What a facilitator trips over in the room: ticks during a pending move,
//! bursts of typed text, pastes into forms, the session language, the
//! summary's scrolling and the keys the footer offers.

use super::support::*;

#[test]
fn idle_ticks_do_not_cancel_a_pending_move() {
    let mut a = app_in(View::Swot);
    let moved = a.session.swot.strengths[0].text.clone();
    go(&mut a, Action::StartMove);
    for s in 1..=3 {
        a.update(Action::Tick, later(s));
    }
    assert_eq!(a.mode, Mode::PendingMove);
    go(&mut a, Action::MoveTo(Quadrant::Opportunities));
    let opportunities = &a.session.swot.opportunities;
    assert_eq!(opportunities.last().map(|i| &i.text), Some(&moved));
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn a_burst_opens_the_text_box_of_the_focused_list_holding_it() {
    let mut a = app_in(View::Swot);
    let before = a.session.clone();
    go(&mut a, Action::FocusQuadrant(Quadrant::Threats));
    go(&mut a, Action::TypeBurst("ฝนแล้ง".into()));
    assert_eq!(a.session, before, "nothing ran as a command");
    match &a.mode {
        Mode::Editing(e) => {
            assert_eq!(e.target, EditTarget::Add(ListId::Swot(Quadrant::Threats)));
            assert_eq!(e.text.text(), "ฝนแล้ง");
        }
        other => panic!("expected the text box, got {other:?}"),
    }
    go(&mut a, Action::Commit);
    assert_eq!(
        a.session.swot.threats.last().map(|i| i.text.as_str()),
        Some("ฝนแล้ง")
    );
}

#[test]
fn a_burst_on_the_action_items_opens_the_form_and_in_the_summary_does_nothing() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::TypeBurst("ซ่อมฝาย".into()));
    match &a.mode {
        Mode::Form(f) => assert_eq!(f.value(FieldKind::Text), "ซ่อมฝาย"),
        other => panic!("expected the action form, got {other:?}"),
    }
    let mut a = app_in(View::Summary);
    let before = a.session.clone();
    go(&mut a, Action::TypeBurst("กกก".into()));
    assert_eq!((a.mode.clone(), a.session.clone()), (Mode::Normal, before));
}

#[test]
fn a_paste_goes_into_the_focused_form_field_on_one_line() {
    let mut a = app_in(View::Swot);
    let venue = format!("{}ศาลา กลางบ้าน", a.session.meta.venue);
    go(&mut a, Action::OpenDetails);
    tab_to(&mut a, FieldKind::Venue);
    go(&mut a, Action::Paste("ศาลา\r\n\r\nกลางบ้าน  \n".into()));
    let Mode::Form(form) = &a.mode else {
        panic!("the form stays open")
    };
    assert_eq!(form.value(FieldKind::Venue), venue);
    go(&mut a, Action::Commit);
    assert_eq!(a.session.meta.venue, venue);
}

#[test]
fn a_paste_of_lines_on_the_action_items_adds_one_action_per_line_as_one_step() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    let before = a.session.actions.len();
    go(
        &mut a,
        Action::Paste("ซ่อมฝาย\n\n  ทำบัญชีครัวเรือน \r\n".into()),
    );
    let texts: Vec<&str> = a.session.actions[before..]
        .iter()
        .map(|x| x.text.as_str())
        .collect();
    assert_eq!(texts, ["ซ่อมฝาย", "ทำบัญชีครัวเรือน"]);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.actions.selected[1], Some(before + 1));
    go(&mut a, Action::Undo);
    assert_eq!(a.session.actions.len(), before);
}

#[test]
fn a_paste_on_a_list_still_adds_one_entry_per_line() {
    let mut a = app_in(View::Swot);
    let before = a.session.swot.strengths.len();
    go(&mut a, Action::Paste("หนึ่ง\nสอง".into()));
    assert_eq!(a.session.swot.strengths.len(), before + 2);
}

fn lang_field(a: &mut App, text: &str) {
    go(a, Action::OpenDetails);
    tab_to(a, FieldKind::Lang);
    for _ in 0..10 {
        go(a, Action::Text(TextEdit::Backspace));
    }
    go(a, Action::Paste(text.into()));
    go(a, Action::Commit);
}

#[test]
fn the_details_form_changes_the_session_language_and_undo_brings_it_back() {
    let mut a = app_in(View::Agenda);
    assert_eq!(a.session.lang, Lang::Th);
    lang_field(&mut a, "en");
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session.lang, Lang::En);
    assert_eq!(a.lang, Lang::Th, "the UI language is another matter");
    go(&mut a, Action::Undo);
    assert_eq!(a.session.lang, Lang::Th);
    go(&mut a, Action::Redo);
    assert_eq!(a.session.lang, Lang::En);
}

#[test]
fn a_language_that_is_not_thai_or_english_keeps_the_form_open() {
    let mut a = app_in(View::Agenda);
    lang_field(&mut a, "lao");
    let Mode::Form(form) = &a.mode else {
        panic!("the form stays open")
    };
    assert_eq!(form.error, Some(FormError::Lang));
    assert_eq!(form.fields[form.focus].kind, FieldKind::Lang);
    assert_eq!(a.session.lang, Lang::Th);
}

#[test]
fn a_tick_changes_no_mode_whatever_is_half_done() {
    let mut modes = Vec::new();
    let mut a = app_in(View::Swot);
    go(&mut a, Action::StartMove);
    modes.push(a.clone());
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Add);
    go(&mut a, Action::Text(TextEdit::Insert('ก')));
    modes.push(a.clone());
    let mut a = app_in(View::Strategies);
    go(&mut a, Action::OpenLinks);
    modes.push(a.clone());
    let mut a = app_in(View::Actions);
    go(&mut a, Action::OpenDetails);
    modes.push(a.clone());
    let mut a = app_in(View::Agenda);
    go(&mut a, Action::ToggleHelp);
    modes.push(a);
    for mut a in modes {
        let before = a.mode.clone();
        assert_ne!(before, Mode::Normal);
        a.update(Action::Tick, later(1));
        assert_eq!(a.mode, before);
    }
}

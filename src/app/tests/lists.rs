//! Adding, editing, deleting and reordering entries with the text box.

use super::support::*;

#[test]
fn add_in_the_agenda_goes_to_the_selected_stages_notes() {
    let mut a = app();
    go(&mut a, Action::Down);
    go(&mut a, Action::Add);
    assert_eq!(
        editor(&a).target,
        EditTarget::Add(ListId::StageNotes(1)),
        "a with the stages focused adds to the stage's notes"
    );
    assert_eq!(editor(&a).text.text(), "");
    type_text(&mut a, "ที่ประชุมรับทราบ");
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    let notes = &a.session.stages[1].notes;
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[1].text, "ที่ประชุมรับทราบ");
    assert_eq!(notes[1].created_at, now());
    assert!(!notes[1].id.is_empty());
    assert_eq!(a.agenda.stage, 1);
    assert!(a.agenda.notes_focused, "the new note is shown focused");
    assert_eq!(a.agenda.note, Some(1), "the new note is selected");
    assert_eq!(a.revision, 1);
    assert_eq!(a.session.updated_at, now());
    // Nothing else moved.
    let mut expected = example();
    expected.stages[1].notes.push(notes[1].clone());
    expected.updated_at = now();
    assert_eq!(a.session, expected);
}

#[test]
fn add_in_the_guidance_goes_to_the_selected_points_notes() {
    let mut a = app_in(View::Guidance);
    // A sub-item row of G3: the note goes to G3.
    a.guidance.row = row_of(&a, 2, Some(1));
    go(&mut a, Action::Add);
    assert_eq!(editor(&a).target, EditTarget::Add(ListId::GuidanceNotes(2)));
    type_text(&mut a, "จัดเวทีทุกตำบล");
    go(&mut a, Action::Commit);
    assert_eq!(note_texts(&a.session.guidance[2].notes), ["จัดเวทีทุกตำบล"]);
    assert!(a.guidance.notes_focused);
    assert_eq!(a.guidance.note, Some(0));
    assert_eq!(a.selected_point(), Some(2));
    assert_eq!(a.revision, 1);
}

#[test]
fn add_on_the_board_goes_to_the_focused_pane_and_selects_it() {
    for q in Quadrant::ALL {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::FocusQuadrant(q));
        go(&mut a, Action::Add);
        assert_eq!(editor(&a).target, EditTarget::Add(ListId::Swot(q)));
        type_text(&mut a, "ชุมชนเข้มแข็ง");
        go(&mut a, Action::Commit);
        let items = a.session.swot.items(q);
        assert_eq!(items.len(), 4, "{q:?}");
        let new = &items[3];
        assert_eq!(new.text, "ชุมชนเข้มแข็ง");
        assert_eq!(new.votes, 0);
        assert_eq!((new.created_at, new.updated_at), (now(), now()));
        assert_eq!(new.group, None);
        assert!(new.id.starts_with("sw"), "{}", new.id);
        assert_eq!(a.swot.focus, q);
        assert_eq!(a.swot.selected[q.index()], Some(3));
        for other in Quadrant::ALL.into_iter().filter(|o| *o != q) {
            assert_eq!(a.session.swot.items(other), example().swot.items(other));
        }
    }
}

#[test]
fn new_items_get_distinct_ids() {
    let mut a = app_in(View::Swot);
    add(&mut a, "หนึ่ง");
    add(&mut a, "หนึ่ง");
    let items = a.session.swot.items(S);
    assert_ne!(items[3].id, items[4].id);
    assert!(
        example().swot.items(S).iter().all(|i| i.id != items[3].id),
        "a new id is not one already in the session"
    );
}

#[test]
fn add_in_the_summary_opens_nothing() {
    let mut a = app_in(View::Summary);
    go(&mut a, Action::Add);
    assert_eq!(a.mode, Mode::Normal);
}

#[test]
fn committing_blank_text_adds_nothing() {
    for blank in ["", "   ", " \n\n \t", "\u{3000}"] {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::Add);
        go(&mut a, Action::Text(TextEdit::Paste(blank.into())));
        go(&mut a, Action::Commit);
        assert_eq!(a.mode, Mode::Normal);
        assert_eq!(a.session, example(), "{blank:?}");
        assert_eq!(a.revision, 0);
        assert!(!a.history.can_undo());
    }
}

#[test]
fn committing_only_invisible_characters_adds_nothing() {
    // A zero-width space or a joiner alone is blank to the eye (see
    // TextBox::is_blank): it must not become an entry nobody can see.
    for blank in ["\u{200B}", " \u{FEFF} ", "\u{200D}\u{2060}"] {
        let mut a = app_in(View::Swot);
        go(&mut a, Action::Add);
        go(&mut a, Action::Text(TextEdit::Paste(blank.into())));
        go(&mut a, Action::Commit);
        assert_eq!(pane(&a, S).len(), 3, "{blank:?} became an entry");
        assert_eq!(a.revision, 0);
    }
}

#[test]
fn esc_in_the_text_box_cancels_and_changes_nothing() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Down);
    let before = observe(&a);
    go(&mut a, Action::Add);
    type_text(&mut a, "ยังไม่บันทึก");
    go(&mut a, Action::Back);
    assert_eq!(observe(&a), before);
    go(&mut a, Action::Edit);
    go(&mut a, Action::Text(TextEdit::Paste("เปลี่ยน".into())));
    go(&mut a, Action::Back);
    assert_eq!(observe(&a), before);
}

#[test]
fn other_keys_while_typing_leave_the_text_box_open() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Add);
    type_text(&mut a, "กำลังพิมพ์");
    let before = observe(&a);
    for action in [
        Action::NextView,
        Action::Quit,
        Action::Undo,
        Action::Delete,
        Action::Vote(1),
        Action::ToggleHelp,
        Action::FocusQuadrant(T),
        Action::Select(Target::Swot(O, Some(1))),
        Action::Tick,
    ] {
        go(&mut a, action.clone());
        assert_eq!(observe(&a), before, "{action:?} while typing");
    }
    go(&mut a, Action::Commit);
    assert_eq!(pane(&a, S)[3], "กำลังพิมพ์");
}

#[test]
fn pasting_several_lines_adds_one_entry_per_non_empty_line() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(O));
    go(&mut a, Action::Add);
    go(
        &mut a,
        Action::Text(TextEdit::Paste(
            "งบกองทุนหมู่บ้าน\r\n\r\n   \n  ภาคเอกชนสนใจ  \nสื่อออนไลน์\n".into(),
        )),
    );
    go(&mut a, Action::Commit);
    let items = pane(&a, O);
    assert_eq!(items[3..], ["งบกองทุนหมู่บ้าน", "ภาคเอกชนสนใจ", "สื่อออนไลน์"]);
    assert_eq!(
        a.swot.selected[O.index()],
        Some(5),
        "the last one is selected"
    );
    assert_eq!(a.revision, 1, "one paste is one change");
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example(), "and one undo takes it all back");
}

#[test]
fn pasting_lines_into_the_notes_adds_them_in_order() {
    let mut a = app_in(View::Guidance);
    go(&mut a, Action::Add);
    type_text(&mut a, "ก่อน");
    go(&mut a, Action::Text(TextEdit::Paste("หนึ่ง\nสอง".into())));
    go(&mut a, Action::Commit);
    assert_eq!(
        note_texts(&a.session.guidance[0].notes)[1..],
        ["ก่อนหนึ่ง", "สอง"]
    );
    assert_eq!(a.guidance.note, Some(2));
}

#[test]
fn typed_thai_marks_are_normalised_on_commit() {
    let mut a = app_in(View::Swot);
    // ที่ typed tone first: ท ่ ี, and น้ำ typed as น ำ ้.
    add(
        &mut a,
        "ท\u{0E48}\u{0E35}นี\u{0E48} น\u{0E33}\u{0E49} ท\u{0E4D}\u{0E32}",
    );
    assert_eq!(pane(&a, S)[3], "ที่นี่ น้ำ ทำ");
    assert_eq!(
        pane(&a, S)[3],
        crate::text::normalize::normalize_marks(&pane(&a, S)[3])
    );
}

#[test]
fn edit_opens_the_selected_entry_and_commit_changes_its_text() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(W));
    go(&mut a, Action::Down);
    go(&mut a, Action::Edit);
    let old = example().swot.weaknesses[1].clone();
    let e = editor(&a);
    assert_eq!(e.target, EditTarget::Edit(ListId::Swot(W), 1));
    assert_eq!(e.text.text(), old.text);
    assert_eq!(
        e.text.cursor(),
        old.text.len(),
        "the cursor starts at the end"
    );
    go(&mut a, Action::Text(TextEdit::Paste(" (แก้ไข)".into())));
    go(&mut a, Action::Commit);
    let new = &a.session.swot.weaknesses[1];
    assert_eq!(new.text, format!("{} (แก้ไข)", old.text));
    assert_eq!(new.updated_at, now());
    assert_ne!(old.updated_at, now());
    assert_eq!(
        (&new.id, new.votes, new.created_at, &new.group),
        (&old.id, old.votes, old.created_at, &old.group)
    );
    assert_eq!(a.swot.selected[W.index()], Some(1));
    assert_eq!(a.revision, 1);
}

#[test]
fn edit_a_note_in_the_agenda_and_the_guidance() {
    let mut a = app();
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Edit]);
    assert_eq!(
        editor(&a).target,
        EditTarget::Edit(ListId::StageNotes(0), 0)
    );
    go(&mut a, Action::Text(TextEdit::Paste("!".into())));
    go(&mut a, Action::Commit);
    let old = &example().stages[0].notes[0];
    let new = &a.session.stages[0].notes[0];
    assert_eq!(new.text, format!("{}!", old.text));
    assert_eq!((&new.id, new.created_at), (&old.id, old.created_at));

    let mut a = app_in(View::Guidance);
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Edit]);
    assert_eq!(
        editor(&a).target,
        EditTarget::Edit(ListId::GuidanceNotes(0), 0)
    );
    go(&mut a, Action::Text(TextEdit::Paste("!".into())));
    go(&mut a, Action::Commit);
    assert_eq!(
        a.session.guidance[0].notes[0].text,
        format!("{}!", example().guidance[0].notes[0].text)
    );
}

#[test]
fn edit_without_a_change_or_to_blank_changes_nothing() {
    let mut a = app_in(View::Swot);
    go_all(&mut a, [Action::Edit, Action::Commit]);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
    go(&mut a, Action::Edit);
    for _ in 0..200 {
        go(&mut a, Action::Text(TextEdit::Backspace));
    }
    assert_eq!(editor(&a).text.text(), "");
    go(&mut a, Action::Commit);
    assert_eq!(a.session, example(), "emptying an entry does not delete it");
    assert_eq!(a.revision, 0);
}

#[test]
fn edit_joins_pasted_lines() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Edit);
    go(&mut a, Action::Text(TextEdit::Home));
    go(&mut a, Action::Text(TextEdit::Paste("ก\nข\n".into())));
    go(&mut a, Action::Commit);
    assert_eq!(pane(&a, S).len(), 3);
    assert_eq!(
        pane(&a, S)[0],
        format!("ก ข {}", example().swot.strengths[0].text)
    );
}

#[test]
fn edit_on_template_text_or_nothing_says_why() {
    let mut a = app();
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::TemplateText));
    assert_eq!(a.mode, Mode::Normal);

    let mut a = app_in(View::Guidance);
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::TemplateText));

    let mut a =
        App::new(fresh(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    go(&mut a, Action::Edit);
    assert_eq!(a.notice, Some(Notice::NothingSelected));
    assert_eq!(a.mode, Mode::Normal);
    // The notice lasts until the next key.
    go(&mut a, Action::Down);
    assert_eq!(a.notice, None);
}

#[test]
fn delete_removes_the_selected_item_and_the_selection_clamps() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::Down);
    go(&mut a, Action::Delete);
    let ex = example();
    assert_eq!(
        pane(&a, S),
        [
            ex.swot.strengths[0].text.clone(),
            ex.swot.strengths[2].text.clone()
        ]
    );
    assert_eq!(a.swot.selected[0], Some(1), "the next item takes its place");
    go(&mut a, Action::Delete);
    assert_eq!(
        a.swot.selected[0],
        Some(0),
        "deleting the last selects the new last"
    );
    go(&mut a, Action::Delete);
    assert!(pane(&a, S).is_empty());
    assert_eq!(a.swot.selected[0], None);
    assert_eq!(a.revision, 3);
    go(&mut a, Action::Delete);
    assert_eq!(a.revision, 3, "nothing left to delete");
    assert_eq!(a.session.swot.weaknesses, ex.swot.weaknesses);
}

#[test]
fn delete_a_note() {
    let mut a = app();
    go_all(&mut a, [Action::FocusRight, Action::Down, Action::Delete]);
    assert!(a.session.stages[0].notes.is_empty());
    assert_eq!(a.agenda.note, None);
    assert_eq!(a.revision, 1);
}

#[test]
fn delete_never_touches_stages_or_guidance() {
    for view in [View::Agenda, View::Guidance, View::Summary] {
        let mut a = app_in(view);
        go(&mut a, Action::Delete);
        assert_eq!(a.session, example(), "{view:?}");
        assert_eq!(a.revision, 0);
    }
}

#[test]
fn move_up_and_down_reorder_and_the_selection_follows() {
    let ex = example();
    let names: Vec<String> = texts(&ex.swot.threats)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusQuadrant(T));
    go(&mut a, Action::MoveDown);
    assert_eq!(
        pane(&a, T),
        [names[1].as_str(), names[0].as_str(), names[2].as_str()]
    );
    assert_eq!(a.swot.selected[T.index()], Some(1));
    go(&mut a, Action::MoveDown);
    assert_eq!(
        pane(&a, T),
        [names[1].as_str(), names[2].as_str(), names[0].as_str()]
    );
    assert_eq!(a.swot.selected[T.index()], Some(2));
    let rev = a.revision;
    go(&mut a, Action::MoveDown);
    assert_eq!(a.revision, rev, "already last");
    go_all(&mut a, [Action::MoveUp, Action::MoveUp]);
    assert_eq!(pane(&a, T), names);
    assert_eq!(a.swot.selected[T.index()], Some(0));
    go(&mut a, Action::MoveUp);
    assert_eq!(a.revision, rev + 2, "already first");
    // The moved item itself is unchanged (a reorder is no edit of the item).
    assert_eq!(a.session.swot.threats, ex.swot.threats);
}

#[test]
fn move_up_and_down_reorder_notes() {
    let mut a = app();
    add(&mut a, "สอง");
    go(&mut a, Action::MoveUp);
    assert_eq!(note_texts(&a.session.stages[0].notes)[0], "สอง");
    assert_eq!(a.agenda.note, Some(0));
}

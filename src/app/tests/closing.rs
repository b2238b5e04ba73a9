//! The closing half: timeboxes, TOWS strategies and their links, actions, forms.

use super::support::*;

#[test]
fn plus_and_minus_in_the_agenda_change_the_timebox_with_a_floor_of_one_minute() {
    let mut a = app();
    go(&mut a, Action::Timebox(5));
    assert_eq!(a.session.stages[0].timebox_minutes, 65);
    go(&mut a, Action::Timebox(-5));
    go(&mut a, Action::Timebox(-5));
    assert_eq!(a.session.stages[0].timebox_minutes, 55);
    assert_eq!(a.revision, 3);
    go(&mut a, Action::Timebox(-1000));
    assert_eq!(a.session.stages[0].timebox_minutes, 1);
    let rev = a.revision;
    go(&mut a, Action::Timebox(-5));
    assert_eq!(a.session.stages[0].timebox_minutes, 1);
    assert_eq!(a.revision, rev, "already at the floor");
    goto(&mut a, View::Summary);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Agenda, "undo shows the stage");
    for _ in 0..3 {
        go(&mut a, Action::Undo);
    }
    assert_eq!(a.session, example());
    for view in [View::Guidance, View::Swot, View::Strategies, View::Actions] {
        let mut a = app_in(view);
        go(&mut a, Action::Timebox(5));
        assert_eq!(a.session, example(), "{view:?}");
    }
}

#[test]
fn one_to_four_and_left_right_focus_the_tows_panes() {
    let mut a = app_in(View::Strategies);
    assert_eq!(a.strategies.focus, TowsPair::SO);
    assert_eq!(a.strategies.selected, [Some(0); 4]);
    for p in [TowsPair::WT, TowsPair::ST, TowsPair::WO, TowsPair::SO] {
        go(&mut a, Action::FocusPair(p));
        assert_eq!(a.strategies.focus, p);
    }
    let cases = [
        (TowsPair::SO, true, TowsPair::WO),
        (TowsPair::WO, true, TowsPair::WO),
        (TowsPair::WO, false, TowsPair::SO),
        (TowsPair::SO, false, TowsPair::SO),
        (TowsPair::ST, true, TowsPair::WT),
        (TowsPair::WT, true, TowsPair::WT),
        (TowsPair::WT, false, TowsPair::ST),
        (TowsPair::ST, false, TowsPair::ST),
    ];
    for (from, right, to) in cases {
        go(&mut a, Action::FocusPair(from));
        go_sideways(&mut a, right);
        assert_eq!(a.strategies.focus, to, "{from:?} right={right}");
    }
    let mut a = app_in(View::Swot);
    go(&mut a, Action::FocusPair(TowsPair::WT));
    assert_eq!(
        a.strategies.focus,
        TowsPair::SO,
        "1-4 only in the strategies"
    );
}

#[test]
fn a_strategy_is_added_to_the_focused_pane_without_links() {
    let mut a = app_in(View::Strategies);
    go(&mut a, Action::FocusPair(TowsPair::ST));
    add(&mut a, "ใช้เครือข่ายรับมือโควิด");
    let st = &a.session.strategies.st;
    assert_eq!(st.len(), 2);
    assert_eq!(st[1].text, "ใช้เครือข่ายรับมือโควิด");
    assert!(st[1].links.is_empty());
    assert!(st[1].id.starts_with("tw"), "{}", st[1].id);
    assert_eq!(a.strategies.selected[TowsPair::ST.index()], Some(1));
    assert_eq!(a.strategies.focus, TowsPair::ST);
    // Edit, move and delete work on strategies like on any list.
    go(&mut a, Action::MoveUp);
    assert_eq!(a.session.strategies.st[0].text, "ใช้เครือข่ายรับมือโควิด");
    go(&mut a, Action::Delete);
    assert_eq!(a.session.strategies.st, example().strategies.st);
}

#[test]
fn l_opens_the_link_picker_and_space_toggles_links() {
    let ex = example();
    let mut a = app_in(View::Strategies);
    go(&mut a, Action::OpenLinks);
    assert_eq!(
        a.mode,
        Mode::LinkPicker {
            pair: TowsPair::SO,
            index: 0,
            cursor: 0
        }
    );
    // SO draws on S1 S2 S3 then O1 O2 O3; SO1 already links S1 and O1.
    assert_eq!(
        link_candidates(&a.session, TowsPair::SO, 0),
        [(S, 0), (S, 1), (S, 2), (O, 0), (O, 1), (O, 2)]
    );
    go(&mut a, Action::ToggleLink);
    assert_eq!(a.session.strategies.so[0].links, ["sw-o1"], "S1 unlinked");
    go(&mut a, Action::Down);
    go(&mut a, Action::ToggleLink);
    assert_eq!(a.session.strategies.so[0].links, ["sw-o1", "sw-s2"]);
    assert_eq!(a.revision, 2);
    for _ in 0..10 {
        go(&mut a, Action::Down);
    }
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 5, .. }));
    for _ in 0..10 {
        go(&mut a, Action::Up);
    }
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 0, .. }));
    // Other keys leave the picker open and change nothing.
    let before = observe(&a);
    go_all(
        &mut a,
        [
            Action::Delete,
            Action::NextView,
            Action::Add,
            Action::Vote(1),
        ],
    );
    assert_eq!(observe(&a), before);
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    for close in [Action::Back, Action::Edit] {
        go(&mut a, Action::OpenLinks);
        go(&mut a, close);
        assert_eq!(a.mode, Mode::Normal);
    }
    go(&mut a, Action::OpenLinks);
    assert_eq!(go(&mut a, Action::Quit), Effect::Quit);
    go_all(&mut a, [Action::Back, Action::Undo, Action::Undo]);
    assert_eq!(a.session, ex);
    assert_eq!(
        a.view,
        View::Strategies,
        "undo of a link shows the strategy"
    );
}

#[test]
fn l_on_an_empty_pane_says_nothing_is_selected() {
    let mut a =
        App::new(fresh(), Lang::En, None).with_ids(crate::session::ids::IdSource::counting());
    goto(&mut a, View::Strategies);
    go(&mut a, Action::OpenLinks);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.notice, Some(Notice::NothingSelected));
    // A strategy with no SWOT items to link: the picker opens empty.
    add(&mut a, "กลยุทธ์");
    go(&mut a, Action::OpenLinks);
    assert!(matches!(a.mode, Mode::LinkPicker { cursor: 0, .. }));
    go_all(&mut a, [Action::Down, Action::ToggleLink, Action::Up]);
    assert!(a.session.strategies.so[0].links.is_empty());
    assert_eq!(a.revision, 1);
}

#[test]
fn deleting_a_swot_item_removes_its_links_and_undo_brings_both_back() {
    let ex = example();
    let mut a = app_in(View::Swot);
    // S1 (sw-s1) is linked by SO1.
    go(&mut a, Action::Delete);
    assert!(
        a.session.strategies.so[0]
            .links
            .iter()
            .all(|l| l != "sw-s1")
    );
    assert_eq!(a.revision, 1, "one change");
    goto(&mut a, View::Agenda);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, ex);
    // The facilitator deleted a SWOT item: undo shows it on the board.
    assert_eq!(a.view, View::Swot);
    assert_eq!(a.swot.focus, S);
    assert_eq!(a.swot.selected[S.index()], Some(0));
    go(&mut a, Action::Redo);
    assert_eq!(a.view, View::Swot);
    assert_eq!(pane(&a, S).len(), 2);
}

#[test]
fn left_right_walk_the_actions_view_lists() {
    let mut a = app_in(View::Actions);
    assert_eq!(a.actions.focus, ActionsPane::Recommendations);
    // The example has no follow-ups: their pane has nothing selected.
    assert_eq!(
        a.actions.selected,
        [Some(0), Some(0), Some(0), Some(0), None]
    );
    let mut seen = Vec::new();
    for _ in 0..4 {
        go(&mut a, Action::FocusRight);
        seen.push(a.actions.focus);
    }
    assert_eq!(
        seen,
        [
            ActionsPane::Actions,
            ActionsPane::RoleReview,
            ActionsPane::ExperienceExchange,
            ActionsPane::ExperienceExchange
        ]
    );
    for _ in 0..4 {
        go(&mut a, Action::FocusLeft);
    }
    assert_eq!(a.actions.focus, ActionsPane::Recommendations);
}

#[test]
fn recommendations_and_closing_notes_are_added_with_the_text_box() {
    let mut a = app_in(View::Actions);
    add(&mut a, "ควรติดตามผลทุกไตรมาส");
    assert_eq!(a.session.recommendations.len(), 3);
    assert_eq!(a.session.recommendations[2].text, "ควรติดตามผลทุกไตรมาส");
    assert_eq!(a.actions.selected[0], Some(2));
    go_all(&mut a, [Action::FocusRight, Action::FocusRight]);
    add(&mut a, "บทบาทชัดเจนขึ้น");
    assert_eq!(note_texts(&a.session.notes.role_review)[1], "บทบาทชัดเจนขึ้น");
    assert_eq!(a.actions.focus, ActionsPane::RoleReview);
    assert_eq!(a.actions.selected[ActionsPane::RoleReview.index()], Some(1));
}

fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(f) => f,
        other => panic!("expected a form, mode is {other:?}"),
    }
}

#[test]
fn an_action_item_is_added_with_a_form() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::Add);
    assert_eq!(form(&a).kind, FormKind::Action(None));
    type_text(&mut a, "ส่งรายงาน");
    go(&mut a, Action::NextField);
    type_text(&mut a, "เลขานุการ");
    go(&mut a, Action::NextField);
    // Thai digits and the Buddhist era.
    type_text(&mut a, "๕/๒/๒๕๖๔");
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    let new = a.session.actions.last().unwrap();
    assert_eq!(new.text, "ส่งรายงาน");
    assert_eq!(new.owner, "เลขานุการ");
    assert_eq!(
        new.due,
        Some(chrono::NaiveDate::from_ymd_opt(2021, 2, 5).unwrap())
    );
    assert!(!new.done);
    assert_eq!(a.actions.selected[ActionsPane::Actions.index()], Some(2));
    assert_eq!(a.revision, 1);
}

#[test]
fn the_action_form_keeps_bad_input_open_with_a_message() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::Add);
    go(&mut a, Action::NextField);
    type_text(&mut a, "ใคร");
    go(&mut a, Action::Commit);
    assert_eq!(form(&a).error, Some(FormError::TextRequired));
    assert_eq!(form(&a).focus, 0, "the cursor goes to the missing text");
    type_text(&mut a, "งาน");
    go_all(
        &mut a,
        [
            Action::PrevField,
            Action::Text(TextEdit::Paste("31/2/2564".into())),
        ],
    );
    assert_eq!(form(&a).focus, 2, "Shift-Tab from the first field wraps");
    go(&mut a, Action::Commit);
    assert!(matches!(form(&a).error, Some(FormError::Date(_))));
    assert_eq!(form(&a).focus, 2);
    assert_eq!(a.session, example());
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session, example());
    assert_eq!(a.revision, 0);
}

#[test]
fn x_in_the_actions_view_toggles_an_action_items_done() {
    let mut a = app_in(View::Actions);
    go(&mut a, Action::ToggleDone);
    assert_eq!(a.session, example(), "a recommendation has no done mark");
    go(&mut a, Action::FocusRight);
    go(&mut a, Action::ToggleDone);
    assert!(!a.session.actions[0].done);
    go(&mut a, Action::Down);
    go(&mut a, Action::ToggleDone);
    assert!(a.session.actions[1].done);
    assert_eq!(a.revision, 2);
    goto(&mut a, View::Swot);
    go_all(&mut a, [Action::Undo, Action::Undo]);
    assert_eq!(a.view, View::Actions);
    assert_eq!(a.session, example());
}

#[test]
fn i_opens_the_details_form_and_enter_saves_it_as_one_change() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::OpenDetails);
    let f = form(&a);
    assert_eq!(f.kind, FormKind::Details);
    assert_eq!(f.value(FieldKind::Title), example().title);
    assert_eq!(
        f.value(FieldKind::Date),
        "13/1/2564",
        "Buddhist era in Thai"
    );
    let fields = f.fields.len();
    for _ in 0..fields {
        go(&mut a, Action::NextField);
    }
    assert_eq!(form(&a).focus, 0, "Tab wraps round the fields");
    go(&mut a, Action::Text(TextEdit::Paste(" ครั้งที่ 2".into())));
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session.title, format!("{} ครั้งที่ 2", example().title));
    assert_eq!(
        a.session.meta,
        example().meta,
        "the rest read back unchanged"
    );
    assert_eq!(a.revision, 1);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example());
    // Saving it unchanged is no change.
    go_all(&mut a, [Action::OpenDetails, Action::Commit]);
    assert_eq!(a.revision, 2);
    assert_eq!(a.session, example());
}

#[test]
fn the_details_form_refuses_a_bad_date() {
    let mut a = app();
    go(&mut a, Action::OpenDetails);
    tab_to(&mut a, FieldKind::Date);
    clear_field(&mut a);
    type_text(&mut a, "พรุ่งนี้");
    tab_to(&mut a, FieldKind::Venue);
    go(&mut a, Action::Commit);
    assert!(matches!(form(&a).error, Some(FormError::Date(_))));
    assert_eq!(form(&a).fields[form(&a).focus].kind, FieldKind::Date);
    go(&mut a, Action::Back);
    assert_eq!(a.session, example());
}

#[test]
fn the_details_form_saves_a_group_label_that_holds_a_colon() {
    // Labels are free text (they come from files and merges); a colon in
    // one is no count, so opening the form and pressing Enter must work.
    let mut s = example();
    s.meta.participants.groups[0].label = "ผู้แทนอำเภอ: เมือง".into();
    s.meta.participants.groups[0].count = None;
    let mut a =
        App::new(s.clone(), Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    go_all(&mut a, [Action::OpenDetails, Action::Commit]);
    assert_eq!(a.mode, Mode::Normal, "{:?}", form_error(&a));
    assert_eq!(a.session, s, "nothing was edited");
    assert_eq!(a.revision, 0);
}

#[test]
fn the_details_form_edits_the_facts_and_undo_takes_them_back_as_one_step() {
    let mut a = app_in(View::Summary);
    go(&mut a, Action::OpenDetails);
    // The objective is a paragraph: Alt-Enter starts a second line in it.
    tab_to(&mut a, FieldKind::Objective);
    clear_field(&mut a);
    type_text(&mut a, "เพื่อทบทวนบทบาท  ");
    go(&mut a, Action::Text(TextEdit::Newline));
    type_text(&mut a, "และวางแผนปีต่อไป");
    // A line break in a one-line field is refused.
    tab_to(&mut a, FieldKind::Time);
    go(&mut a, Action::Text(TextEdit::Newline));
    type_text(&mut a, "๘.๓๐ - ๑๖.๓๐ น.");
    tab_to(&mut a, FieldKind::PresidedPosition);
    clear_field(&mut a);
    type_text(&mut a, "รองผู้ว่าราชการจังหวัด");
    tab_to(&mut a, FieldKind::Credit);
    clear_field(&mut a);
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal, "{:?}", form_error(&a));
    let m = &a.session.meta;
    assert_eq!(m.objective, "เพื่อทบทวนบทบาท\nและวางแผนปีต่อไป");
    let time = m.time.as_ref().expect("a time of day");
    let hm = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!((time.start, time.end), (hm(8, 30), Some(hm(16, 30))));
    let presided = m.presided_by.as_ref().expect("who presided");
    assert_eq!(presided.name, "นายคมกริช ชินชนะ");
    assert_eq!(presided.position, "รองผู้ว่าราชการจังหวัด");
    assert_eq!(m.credit, "", "an emptied field is left out of the file");
    assert_eq!(m.headline, example().meta.headline);
    assert_eq!(a.revision, 1);
    // The form shows what it saved, and reads it back unchanged.
    go(&mut a, Action::OpenDetails);
    assert_eq!(form(&a).value(FieldKind::Time), "08:30–16:30");
    go(&mut a, Action::Commit);
    assert_eq!(a.revision, 1);
    go(&mut a, Action::Undo);
    assert_eq!(a.session, example());
}

#[test]
fn the_details_form_refuses_a_wrong_time_and_a_position_without_a_name() {
    let mut a = app();
    go(&mut a, Action::OpenDetails);
    tab_to(&mut a, FieldKind::Time);
    type_text(&mut a, "8.30-25.00");
    tab_to(&mut a, FieldKind::Title);
    go(&mut a, Action::Commit);
    assert!(matches!(form(&a).error, Some(FormError::Time(_))));
    assert_eq!(form(&a).focused().map(|f| f.kind), Some(FieldKind::Time));
    clear_field(&mut a);
    tab_to(&mut a, FieldKind::PresidedBy);
    clear_field(&mut a);
    go(&mut a, Action::Commit);
    assert_eq!(form(&a).error, Some(FormError::PresidedNeedsName));
    assert_eq!(
        form(&a).focused().map(|f| f.kind),
        Some(FieldKind::PresidedBy)
    );
    // With the position emptied too, nobody presided.
    tab_to(&mut a, FieldKind::PresidedPosition);
    clear_field(&mut a);
    go(&mut a, Action::Commit);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.session.meta.presided_by, None);
}

fn form_error(app: &App) -> Option<FormError> {
    match &app.mode {
        Mode::Form(f) => f.error.clone(),
        _ => None,
    }
}

#[test]
fn read_only_refuses_the_newer_changes_too() {
    let cases: Vec<(View, Vec<Action>, Action)> = vec![
        (View::Agenda, vec![], Action::Timebox(5)),
        (View::Agenda, vec![], Action::OpenDetails),
        (View::Strategies, vec![], Action::Add),
        (View::Strategies, vec![], Action::OpenLinks),
        (View::Strategies, vec![], Action::Delete),
        (View::Actions, vec![], Action::Add),
        (View::Actions, vec![Action::FocusRight], Action::Add),
        (View::Actions, vec![Action::FocusRight], Action::ToggleDone),
        (View::Actions, vec![Action::FocusRight], Action::Edit),
    ];
    for (view, setup, action) in cases {
        assert_read_only_refuses(view, &setup, &action);
    }
}
#[test]
fn a_link_to_an_item_moved_out_of_the_source_quadrants_can_still_be_removed() {
    use crate::app::link_candidates;
    let now = chrono::DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap();
    let mut a = App::new(crate::session::template::builtin().unwrap(), Lang::En, None)
        .with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Swot;
    for action in [
        Action::FocusQuadrant(Quadrant::Strengths),
        Action::Add,
        Action::Text(TextEdit::Insert('S')),
        Action::Commit,
    ] {
        a.update(action, now);
    }
    a.view = View::Strategies;
    for action in [
        Action::Add,
        Action::Text(TextEdit::Insert('X')),
        Action::Commit,
        Action::OpenLinks,
        Action::ToggleLink,
        Action::Commit,
    ] {
        a.update(action, now);
    }
    let id = a.session.swot.strengths[0].id.clone();
    assert_eq!(a.session.strategies.so[0].links, std::slice::from_ref(&id));
    // The strength moves to the weaknesses: SO does not draw on them.
    a.view = View::Swot;
    a.update(Action::StartMove, now);
    a.update(Action::MoveTo(Quadrant::Weaknesses), now);
    assert_eq!(
        link_candidates(&a.session, TowsPair::SO, 0),
        [(Quadrant::Weaknesses, 0)]
    );
    a.view = View::Strategies;
    for action in [Action::OpenLinks, Action::ToggleLink, Action::Commit] {
        a.update(action, now);
    }
    assert!(a.session.strategies.so[0].links.is_empty());
}

/// The example with three photos: captions "ป้าย", "" and "เวที".
fn with_photos() -> App {
    let mut s = example();
    for (i, caption) in ["ป้าย", "", "เวที"].into_iter().enumerate() {
        s.photos.push(session::Photo {
            id: format!("ph-{i}"),
            file: format!("ph-{i}.jpg"),
            caption: caption.into(),
            group: None,
            added_at: now(),
            bytes: 1000,
            width: 1600,
            height: 1200,
            extra: Default::default(),
        });
    }
    let mut a = App::new(s, Lang::Th, None).with_ids(crate::session::ids::IdSource::counting());
    a.view = View::Photos;
    a
}

fn files(a: &App) -> Vec<&str> {
    a.session.photos.iter().map(|p| p.file.as_str()).collect()
}

#[test]
fn photos_get_a_caption_move_and_are_deleted_undoably() {
    let mut a = with_photos();
    let before = a.session.clone();
    assert_eq!(a.photos().selected, Some(0));
    assert!(!a.offers(&Action::Add), "photos come from files and phones");
    go(&mut a, Action::Down);
    go(&mut a, Action::Edit);
    assert_eq!(editor(&a).text.text(), "");
    type_text(&mut a, "ประธานเปิดงาน");
    go(&mut a, Action::Commit);
    assert_eq!(a.session.photos[1].caption, "ประธานเปิดงาน");
    go(&mut a, Action::MoveUp);
    assert_eq!(files(&a), ["ph-1.jpg", "ph-0.jpg", "ph-2.jpg"]);
    assert_eq!(a.photos().selected, Some(0));
    go(&mut a, Action::Delete);
    assert_eq!(files(&a), ["ph-0.jpg", "ph-2.jpg"]);
    goto(&mut a, View::Swot);
    go(&mut a, Action::Undo);
    assert_eq!(a.view, View::Photos, "undo shows the photo back");
    assert_eq!(files(&a), ["ph-1.jpg", "ph-0.jpg", "ph-2.jpg"]);
    assert_eq!(a.photos().selected, Some(0));
    go_all(&mut a, [Action::Undo, Action::Undo]);
    assert_eq!(a.session, before);
    go(&mut a, Action::Select(Target::Photo(Some(2))));
    assert_eq!(a.photos().selected, Some(2));
    go(&mut a, Action::Delete);
    go(&mut a, Action::Delete);
    go(&mut a, Action::Delete);
    assert!(a.session.photos.is_empty());
    assert_eq!(a.photos().selected, None);
    assert_selections_valid(&a);
}

#[test]
fn a_caption_found_elsewhere_opens_the_photos_view_at_its_photo() {
    let mut a = with_photos();
    a.view = View::Swot;
    a.show_entry(crate::session::Place::Photo(2));
    assert_eq!(
        (a.view(), a.focused_list()),
        (View::Photos, Some((ListId::Photos, Some(2))))
    );
    // Gone since: the last one.
    a.show_entry(crate::session::Place::Photo(9));
    assert_eq!(a.photos().selected, Some(2));
    assert_selections_valid(&a);
}

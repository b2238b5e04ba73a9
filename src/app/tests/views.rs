//! Tab through the views, help, quit, save as and the language.

use super::support::*;

#[test]
fn tab_cycles_the_views_in_order_and_back() {
    let mut a = app();
    assert_eq!(a.view, View::Agenda);
    // Agenda, Guidance, SWOT, Strategies, Actions, Photos, Summary.
    let order = [
        View::Guidance,
        View::Swot,
        View::Strategies,
        View::Actions,
        View::Photos,
        View::Summary,
        View::Agenda,
        View::Guidance,
    ];
    let mut seen = Vec::new();
    for _ in 0..order.len() {
        go(&mut a, Action::NextView);
        seen.push(a.view);
    }
    assert_eq!(seen, order);
    let mut back = Vec::new();
    for _ in 0..order.len() {
        go(&mut a, Action::PrevView);
        back.push(a.view);
    }
    assert_eq!(
        back,
        [
            View::Agenda,
            View::Summary,
            View::Photos,
            View::Actions,
            View::Strategies,
            View::Swot,
            View::Guidance,
            View::Agenda
        ]
    );
    assert_eq!(a.revision, 0);
    assert_eq!(a.session, example());
}

#[test]
fn help_opens_with_question_mark_and_closes_with_it_or_esc() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::ToggleHelp);
    assert_eq!(a.mode, Mode::Help);
    go(&mut a, Action::ToggleHelp);
    assert_eq!(a.mode, Mode::Normal);
    go(&mut a, Action::ToggleHelp);
    go(&mut a, Action::Back);
    assert_eq!(a.mode, Mode::Normal);
    assert_eq!(a.view, View::Swot);
}

#[test]
fn keys_under_the_help_overlay_do_nothing() {
    let mut a = app_in(View::Swot);
    go(&mut a, Action::ToggleHelp);
    let before = observe(&a);
    for action in [
        Action::NextView,
        Action::Delete,
        Action::Add,
        Action::Vote(1),
        Action::Down,
        Action::FocusRight,
        Action::Zoom,
        Action::Undo,
        Action::SwitchLang,
        Action::Commit,
        Action::Text(TextEdit::Insert('ก')),
    ] {
        go(&mut a, action.clone());
        assert_eq!(observe(&a), before, "{action:?} under the help overlay");
    }
}

#[test]
fn the_save_as_prompt_hands_the_typed_path_to_the_loop() {
    let mut a = app();
    a.ask_save_as("/tmp/ubon.json");
    go(&mut a, Action::Text(TextEdit::Insert('x')));
    assert_eq!(
        go(&mut a, Action::Commit),
        Effect::SaveAs("/tmp/ubon.jsonx".into())
    );
    assert_eq!(a.mode, Mode::Normal);
    a.ask_save_as("/tmp/ubon.json");
    assert_eq!(go(&mut a, Action::Back), Effect::None, "Esc saves nowhere");
}

#[test]
fn quit_asks_the_loop_to_quit_and_changes_nothing_else() {
    for view in View::ALL {
        let mut a = app_in(view);
        assert_eq!(go(&mut a, Action::Quit), Effect::Quit);
        assert_eq!(a.session, example());
        assert_eq!(a.revision, 0);
    }
    let mut a = app();
    go(&mut a, Action::ToggleHelp);
    assert_eq!(
        go(&mut a, Action::Quit),
        Effect::Quit,
        "q quits from the help overlay too"
    );
}

#[test]
fn f2_switches_the_ui_language_and_back() {
    let mut a = app_in(View::Guidance);
    go(&mut a, Action::SwitchLang);
    assert_eq!(a.lang, Lang::En);
    go(&mut a, Action::SwitchLang);
    assert_eq!(a.lang, Lang::Th);
    assert_eq!(a.view, View::Guidance);
    assert_eq!(a.revision, 0, "the UI language is not part of the session");
    assert_eq!(a.session, example());
}

#[test]
fn y_on_the_summary_asks_the_loop_to_share_the_post_and_changes_nothing() {
    for view in [View::Agenda, View::Swot, View::Actions] {
        let mut a = app_in(view);
        assert_eq!(go(&mut a, Action::SharePost), Effect::None, "{view:?}");
        assert!(!a.offers(&Action::SharePost), "{view:?}");
    }
    let mut a = read_only_app(View::Summary);
    let before = a.revision();
    assert!(
        a.offers(&Action::SharePost),
        "a read-only session has a post too"
    );
    assert_eq!(go(&mut a, Action::SharePost), Effect::SharePost);
    assert_eq!(a.revision(), before, "nothing to save");
    a.post_shared(Ok("ubon.post.txt".into()));
    let said = a.notice().map(|n| n.label(Lang::En).into_owned());
    assert_eq!(
        said.as_deref(),
        Some("News post copied (if the terminal allows) and saved: ubon.post.txt")
    );
    go(&mut a, Action::Down);
    assert_eq!(a.notice(), None, "until the next key");
}

#[test]
fn an_entry_found_elsewhere_opens_in_its_view_focused_and_selected() {
    use crate::session::Place;
    let mut a = app();
    a.show_entry(Place::Swot(T, 2));
    assert_eq!(
        (a.view(), a.focused_list()),
        (View::Swot, Some((ListId::Swot(T), Some(2))))
    );
    a.show_entry(Place::Strategy(TowsPair::WT, 0));
    assert_eq!(
        a.focused_list(),
        Some((ListId::Strategies(TowsPair::WT), Some(0)))
    );
    a.show_entry(Place::Action(1));
    assert_eq!(
        (a.view(), a.focused_list()),
        (View::Actions, Some((ListId::Actions, Some(1))))
    );
    a.show_entry(Place::RoleReview(0));
    assert_eq!(a.actions().focus, ActionsPane::RoleReview);
    a.show_entry(Place::StageNote { stage: 2, note: 0 });
    assert_eq!(a.focused_list(), Some((ListId::StageNotes(2), Some(0))));
    a.show_entry(Place::GuidanceNote { point: 1, note: 0 });
    assert_eq!(a.view(), View::Guidance);
    assert_eq!(a.focused_list(), Some((ListId::GuidanceNotes(1), Some(0))));
    // An index past the end selects the last entry; a missing stage shows the agenda.
    a.show_entry(Place::Swot(S, 99));
    assert_eq!(a.focused_list(), Some((ListId::Swot(S), Some(2))));
    a.show_entry(Place::StageNote { stage: 99, note: 0 });
    assert_eq!(a.view(), View::Agenda);
    a.show_entry(Place::Title);
    assert!(matches!(a.mode(), Mode::Form(_)), "the details form");
}

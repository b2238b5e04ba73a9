//! The facilitator's screen drawn into a `TestBackend`: every view in Thai
//! and English at two sizes, the overlays, the text box cursor, the header's
//! timer and save state, read-only, and every terminal size from 1×1 up.
//!
//! Screens are snapshotted with insta (plain theme, rows joined with '\n')
//! and the facts that matter are asserted directly, so a snapshot update
//! cannot quietly accept a screen in the wrong language.

mod common;

use chrono::Duration;
use common::screen::{EXAMPLE, example, now};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Position;
use ratatui::style::Color;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;
use wethi::app::{Action, App, FieldKind, Mode, ReadOnly, TextEdit, View};
use wethi::i18n::strings;
use wethi::session::{self, Quadrant, SwotItem, TowsPair};
use wethi::text::Lang;
use wethi::ui::print::to_lines;
use wethi::ui::{self, MIN_HEIGHT, MIN_WIDTH, SaveState, Status, Theme, ThemeName, UiState};

fn app(view: View, lang: Lang) -> App {
    let mut app = App::new(example(), lang, None);
    app.show_view(view);
    app
}

fn go(app: &mut App, action: Action) {
    app.update(action, now());
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        go(app, Action::Text(TextEdit::Insert(c)));
    }
}

fn lang_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Th => "th",
        Lang::En => "en",
    }
}

fn view_name(view: View) -> &'static str {
    match view {
        View::Agenda => "agenda",
        View::Guidance => "guidance",
        View::Swot => "swot",
        View::Strategies => "strategies",
        View::Actions => "actions",
        View::Photos => "photos",
        View::Summary => "summary",
    }
}

/// A drawn frame: its rows as text and where the terminal cursor is.
struct Screen {
    terminal: Terminal<TestBackend>,
}

impl Screen {
    fn lines(&self) -> Vec<String> {
        to_lines(self.terminal.backend().buffer(), false)
    }

    fn text(&self) -> String {
        self.lines().join("\n")
    }

    fn header(&self) -> String {
        self.lines().first().cloned().unwrap_or_default()
    }

    fn footer(&self) -> String {
        self.lines().last().cloned().unwrap_or_default()
    }

    fn cursor(&mut self) -> Position {
        self.terminal.get_cursor_position().unwrap()
    }

    fn symbol(&self, x: u16, y: u16) -> String {
        self.terminal.backend().buffer()[(x, y)].symbol().to_owned()
    }
}

fn draw_with(app: &App, save: &SaveState, theme: Theme, width: u16, height: u16) -> Screen {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let status = Status {
        save,
        now: now(),
        theme,
    };
    let mut state = UiState::default();
    // Twice, like the event loop: the second frame starts from the scroll
    // positions the first one left.
    for _ in 0..2 {
        terminal
            .draw(|f| ui::draw(f, app, &status, &mut state))
            .unwrap();
    }
    Screen { terminal }
}

fn draw(app: &App, width: u16, height: u16) -> Screen {
    draw_with(app, &SaveState::Saved, Theme::plain(), width, height)
}

/// Text with all whitespace removed, to find wrapped text on a screen.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first `n` grapheme clusters of `s`.
fn prefix(s: &str, n: usize) -> String {
    s.graphemes(true).take(n).collect()
}

fn assert_shows(screen: &Screen, what: &str, context: &str) {
    let text = screen.text();
    assert!(
        text.contains(what),
        "{context}: {what:?} is not on the screen:\n{text}"
    );
}

fn assert_hides(screen: &Screen, what: &str, context: &str) {
    let text = screen.text();
    assert!(
        !text.contains(what),
        "{context}: {what:?} should not be on the screen:\n{text}"
    );
}

/// Whether `word` occurs in the example session's own text (titles and
/// items are shown whatever the UI language).
fn in_session_text(word: &str) -> bool {
    std::str::from_utf8(EXAMPLE).unwrap().contains(word)
}

/// The start of `s` that no wrap can split: its first word, at most `n`
/// clusters of it.
fn head(s: &str, n: usize) -> String {
    prefix(s.split_whitespace().next().unwrap_or(""), n)
}

/// UI words of the other language that must not appear (session text is
/// Thai either way, so only labels are checked).
fn foreign_labels(lang: Lang) -> Vec<&'static str> {
    let other = strings(lang.other());
    let labels = vec![
        other.strengths,
        other.weaknesses,
        other.opportunities,
        other.threats,
        other.stages,
        other.recommendations,
        other.saved,
    ];
    labels.into_iter().filter(|w| !in_session_text(w)).collect()
}

// --- every view -------------------------------------------------------------

#[test]
fn every_view_in_thai_and_english_at_two_sizes() {
    let ex = example();
    for view in View::ALL {
        for lang in [Lang::Th, Lang::En] {
            for (w, h) in [(80, 24), (160, 48)] {
                let app = app(view, lang);
                let screen = draw(&app, w, h);
                let ctx = format!("{view:?} {lang:?} {w}x{h}");
                let t = strings(lang);
                insta::assert_snapshot!(
                    format!("{}_{}_{w}x{h}", view_name(view), lang_name(lang)),
                    screen.text()
                );
                let header = screen.header();
                assert!(header.contains("เวที"), "{ctx}: header {header:?}");
                if w >= 160 {
                    // At 80 columns see the_header_names_the_view_at_80_columns.
                    assert!(
                        header.contains(view.label(t)),
                        "{ctx}: the header names the view: {header:?}"
                    );
                }
                assert!(
                    header.contains(&format!("✓ {}", t.saved)),
                    "{ctx}: the header says saved: {header:?}"
                );
                let footer = screen.footer();
                let add = format!(
                    "a {}",
                    if lang == Lang::Th {
                        "เพิ่ม"
                    } else {
                        "add"
                    }
                );
                let next = format!(
                    "Tab {}",
                    if lang == Lang::Th {
                        "หน้าถัดไป"
                    } else {
                        "next view"
                    }
                );
                assert!(footer.contains(&next), "{ctx}: footer {footer:?}");
                // The summary has no list to add to, photos come from files
                // and phones: their footers do not offer `a`.
                if w >= 160 && view != View::Summary && view != View::Photos {
                    assert!(footer.contains(&add), "{ctx}: footer {footer:?}");
                }
                for word in foreign_labels(lang) {
                    assert_hides(&screen, word, &ctx);
                }
                match view {
                    View::Agenda => {
                        for stage in &ex.stages {
                            assert_shows(&screen, &head(stage.title.get(lang), 4), &ctx);
                        }
                        assert_shows(&screen, t.stages, &ctx);
                        // The selected stage's notes.
                        assert_shows(&screen, t.notes, &ctx);
                        assert_shows(&screen, &head(&ex.stages[0].notes[0].text, 4), &ctx);
                    }
                    View::Guidance => {
                        // The whole checklist (22 rows) fits at 48 rows; at 24
                        // it scrolls with the selection on G1.
                        let points = if h >= 48 { ex.guidance.len() } else { 1 };
                        for point in &ex.guidance[..points] {
                            assert_shows(&screen, &point.id, &ctx);
                        }
                        assert_shows(&screen, &head(ex.guidance[0].title.get(lang), 4), &ctx);
                        assert_shows(&screen, "☑", &ctx);
                        assert_shows(&screen, t.guidance_notes, &ctx);
                    }
                    View::Swot => {
                        for q in Quadrant::ALL {
                            assert_shows(&screen, t.quadrant(q), &ctx);
                            assert_shows(&screen, &head(&ex.swot.items(q)[0].text, 4), &ctx);
                        }
                    }
                    View::Strategies => {
                        for p in TowsPair::ALL {
                            assert_shows(&screen, t.tows(p), &ctx);
                        }
                        // Each strategy shows the board numbers it links.
                        assert_shows(&screen, "→", &ctx);
                        if w >= 160 {
                            assert_shows(&screen, "→ S1 · O1", &ctx);
                            assert_shows(&screen, "→ W2 · W3 · O2", &ctx);
                        }
                    }
                    View::Actions => {
                        assert_shows(&screen, t.recommendations, &ctx);
                        assert_shows(&screen, t.actions, &ctx);
                        assert_shows(&screen, &head(&ex.recommendations[0].text, 4), &ctx);
                    }
                    View::Photos => {
                        assert_shows(&screen, t.photos, &ctx);
                        let how = wethi::i18n::photos::photos_strings(lang).how_to_add;
                        assert_shows(&screen, &head(how, 6), &ctx);
                        assert_hides(&screen, &add, &ctx);
                    }
                    View::Summary => {
                        assert_shows(&screen, t.top_voted, &ctx);
                        for q in Quadrant::ALL {
                            assert_shows(&screen, t.quadrant(q), &ctx);
                        }
                    }
                }
            }
        }
    }
}

/// The text of every reverse-video cell (the selection mark), row by row.
fn reversed_text(screen: &Screen) -> String {
    let buf = screen.terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(ratatui::style::Modifier::REVERSED) {
                out.push_str(cell.symbol());
            }
        }
    }
    squeeze(&out)
}

#[test]
fn the_selected_item_is_marked_and_visible_in_every_pane() {
    // 80×14 leaves each pane fewer rows than its three wrapped items need,
    // so the last one is only on screen if the pane scrolled to it.
    for q in Quadrant::ALL {
        let mut app = app(View::Swot, Lang::En);
        go(&mut app, Action::FocusQuadrant(q));
        go(&mut app, Action::Down);
        go(&mut app, Action::Down);
        let screen = draw(&app, 80, 14);
        let ex = example();
        let items = ex.swot.items(q);
        let marked = reversed_text(&screen);
        assert!(
            marked.contains(&squeeze(&head(&items[2].text, 4))),
            "{q:?}: the third item is not the marked one: {marked:?}\n{}",
            screen.text()
        );
        for other in &items[..2] {
            assert!(
                !marked.contains(&squeeze(&head(&other.text, 4))),
                "{q:?}: {:?} is marked too",
                other.text
            );
        }
    }
}

#[test]
fn the_focused_pane_is_marked_without_colour() {
    // Plain theme: the mark must not depend on colour.
    for (q, key) in [
        (Quadrant::Strengths, 's'),
        (Quadrant::Weaknesses, 'w'),
        (Quadrant::Opportunities, 'o'),
        (Quadrant::Threats, 't'),
    ] {
        let mut app = app(View::Swot, Lang::Th);
        go(&mut app, Action::FocusQuadrant(q));
        let screen = draw(&app, 80, 24);
        let text = screen.text();
        assert!(text.contains(&format!("▶ [{key}]")), "{q:?}:\n{text}");
        assert_eq!(text.matches('▶').count(), 1, "{q:?}:\n{text}");
    }
    for (p, key) in [(TowsPair::SO, '1'), (TowsPair::WT, '4')] {
        let mut app = app(View::Strategies, Lang::En);
        go(&mut app, Action::FocusPair(p));
        let text = draw(&app, 80, 24).text();
        assert!(text.contains(&format!("▶ [{key}]")), "{p:?}:\n{text}");
        assert_eq!(text.matches('▶').count(), 1, "{p:?}:\n{text}");
    }
    let mut app = app(View::Actions, Lang::En);
    go(&mut app, Action::FocusRight);
    let text = draw(&app, 80, 24).text();
    assert!(
        text.contains(&format!("▶ {}", strings(Lang::En).actions)),
        "{text}"
    );
    assert_eq!(text.matches('▶').count(), 1, "{text}");
}

#[test]
fn the_selected_item_deep_in_a_long_pane_is_scrolled_into_view() {
    let mut s = example();
    let template = s.swot.strengths[0].clone();
    s.swot.strengths = (0..40)
        .map(|i| SwotItem {
            id: format!("sw-long-{i}"),
            text: format!("ข้อที่ {i} การจัดทำแผนหมู่บ้าน"),
            ..template.clone()
        })
        .collect();
    let mut app = App::new(s, Lang::Th, None);
    app.show_view(View::Swot);
    for _ in 0..37 {
        go(&mut app, Action::Down);
    }
    let screen = draw(&app, 80, 24);
    assert_shows(&screen, "ข้อที่ 37", "selected");
    assert_hides(&screen, "ข้อที่ 0 ", "scrolled past");
    insta::assert_snapshot!("swot_scrolled_th_80x24", screen.text());
}

#[test]
fn the_zoomed_pane_fills_the_body() {
    for lang in [Lang::Th, Lang::En] {
        let mut app = app(View::Swot, lang);
        go(&mut app, Action::FocusQuadrant(Quadrant::Threats));
        go(&mut app, Action::Zoom);
        let screen = draw(&app, 80, 24);
        let t = strings(lang);
        let ctx = format!("zoom {lang:?}");
        insta::assert_snapshot!(
            format!("swot_zoom_{}_80x24", lang_name(lang)),
            screen.text()
        );
        assert_shows(&screen, t.threats, &ctx);
        for q in [
            Quadrant::Strengths,
            Quadrant::Weaknesses,
            Quadrant::Opportunities,
        ] {
            assert_hides(&screen, t.quadrant(q), &ctx);
        }
        for item in &example().swot.threats {
            assert_shows(&screen, &head(&item.text, 4), &ctx);
        }
    }
}

/// Every label the help overlay of `view` should list.
fn help_labels(view: View, lang: Lang) -> Vec<&'static str> {
    wethi::input::bindings_for(view)
        .map(|b| b.label(lang))
        .collect()
}

#[test]
fn the_help_overlay_lists_the_keys_in_the_ui_language() {
    for lang in [Lang::Th, Lang::En] {
        for view in View::ALL {
            let mut app = app(view, lang);
            go(&mut app, Action::ToggleHelp);
            let screen = draw(&app, 160, 48);
            let t = strings(lang);
            let ctx = format!("help {view:?} {lang:?}");
            if matches!(view, View::Swot | View::Agenda) {
                insta::assert_snapshot!(
                    format!("help_{}_{}_160x48", view_name(view), lang_name(lang)),
                    screen.text()
                );
            }
            assert_shows(
                &screen,
                &format!("{} · {}", t.help_title, view.label(t)),
                &ctx,
            );
            assert_shows(&screen, t.help_close, &ctx);
            assert_shows(&screen, "Shift-Tab", &ctx);
            assert_shows(&screen, "Ctrl-r", &ctx);
            for label in help_labels(view, lang) {
                assert_shows(&screen, label, &ctx);
            }
            for other in help_labels(view, lang.other()) {
                // "English" / "ภาษาไทย" name the other language on purpose.
                if !matches!(other, "English" | "ภาษาไทย")
                    && !help_labels(view, lang).contains(&other)
                    && !in_session_text(other)
                {
                    assert_hides(&screen, other, &ctx);
                }
            }
        }
    }
}

#[test]
fn the_help_overlay_lists_every_key_on_an_80x24_terminal() {
    // Help lists every key of the current screen; 80×24 is
    // the terminal a projector setup most often gets.
    let help = |view: View, lang: Lang| {
        let mut app = app(view, lang);
        go(&mut app, Action::ToggleHelp);
        draw(&app, 80, 24)
    };
    for lang in [Lang::Th, Lang::En] {
        insta::assert_snapshot!(
            format!("help_swot_{}_80x24", lang_name(lang)),
            help(View::Swot, lang).text()
        );
    }
    for lang in [Lang::Th, Lang::En] {
        for view in View::ALL {
            let screen = help(view, lang);
            let ctx = format!("help {view:?} {lang:?} at 80x24");
            for label in help_labels(view, lang) {
                assert_shows(&screen, label, &ctx);
            }
        }
    }
}

// --- the text box -------------------------------------------------------------

#[test]
fn the_cursor_sits_inside_thai_text_after_moving_left() {
    const TYPED: &str = "การจัดทำแผนหมู่บ้าน";
    for (lefts, before) in [
        (0, TYPED),
        (3, "การจัดทำแผนหมู่"),
        (8, "การจัดทำ"),
        (9, "การจัด"),
        (11, "การ"),
        (13, "ก"),
        (20, ""),
    ] {
        for lang in [Lang::Th, Lang::En] {
            let mut app = app(View::Swot, lang);
            go(&mut app, Action::Add);
            type_text(&mut app, TYPED);
            for _ in 0..lefts {
                go(&mut app, Action::Text(TextEdit::Left));
            }
            let mut screen = draw(&app, 80, 24);
            let ctx = format!("{lefts} lefts, {lang:?}");
            // Border, one column of padding, then the text before the cursor.
            let expected_x = 2 + u16::try_from(before.width()).unwrap();
            let cursor = screen.cursor();
            assert_eq!(cursor.x, expected_x, "{ctx}");
            // A one-line box (3 rows) sits above the footer.
            assert_eq!(cursor.y, 24 - 1 - 2, "{ctx}");
            let rest = &TYPED[before.len()..];
            if let Some(next) = rest.graphemes(true).next() {
                assert!(
                    screen
                        .symbol(cursor.x, cursor.y)
                        .starts_with(next.chars().next().unwrap()),
                    "{ctx}: the cursor is on {next:?}, the cell holds {:?}",
                    screen.symbol(cursor.x, cursor.y)
                );
            }
            let box_row = &screen.lines()[usize::from(cursor.y)];
            assert!(box_row.contains(TYPED), "{ctx}: {box_row:?}");
            if lefts == 3 {
                insta::assert_snapshot!(
                    format!("textbox_thai_{}_80x24", lang_name(lang)),
                    screen.text()
                );
                let title = &screen.lines()[usize::from(cursor.y) - 1];
                let t = strings(lang);
                assert!(
                    title.contains(&format!("{} {}", t.add_to, t.strengths)),
                    "{ctx}: box title {title:?}"
                );
                let keys = match lang {
                    Lang::Th => "Enter บันทึก",
                    Lang::En => "Enter saves",
                };
                assert!(screen.footer().contains(keys), "{ctx}: {}", screen.footer());
            }
        }
    }
}

#[test]
fn the_cursor_follows_typing_in_every_view() {
    for view in [
        View::Agenda,
        View::Guidance,
        View::Swot,
        View::Strategies,
        View::Actions,
    ] {
        let mut app = app(view, Lang::Th);
        go(&mut app, Action::Add);
        type_text(&mut app, "ที่นี่ น้ำ");
        let mut screen = draw(&app, 80, 24);
        let cursor = screen.cursor();
        assert_eq!(
            cursor.x,
            2 + u16::try_from("ที่นี่ น้ำ".width()).unwrap(),
            "{view:?}"
        );
    }
}

// --- header ---------------------------------------------------------------------

#[test]
fn the_header_shows_the_running_stage_timer() {
    let running = |lang: Lang| {
        let mut s = example();
        s.stages[3].elapsed_seconds = 0;
        s.stages[3].running_since = Some(now() - Duration::minutes(5));
        let mut app = App::new(s, lang, None);
        app.show_view(View::Swot);
        app
    };
    for lang in [Lang::Th, Lang::En] {
        let screen = draw(&running(lang), 160, 48);
        let header = screen.header();
        assert!(
            header.contains("⏱ S4 05:00 / 2:00:00"),
            "{lang:?}: {header:?}"
        );
        insta::assert_snapshot!(format!("header_timer_{}_160x48", lang_name(lang)), header);
    }
    // On 80 columns too: the timer is what the room watches.
    for lang in [Lang::Th, Lang::En] {
        let header = draw(&running(lang), 80, 24).header();
        assert!(
            header.contains("05:00"),
            "{lang:?} at 80 columns: {header:?}"
        );
    }
}

#[test]
fn the_header_names_the_view_at_80_columns() {
    for lang in [Lang::Th, Lang::En] {
        for view in View::ALL {
            let header = draw(&app(view, lang), 80, 24).header();
            assert!(
                header.contains(view.label(strings(lang))),
                "{view:?} {lang:?}: {header:?}"
            );
        }
    }
}

#[test]
fn the_timer_turns_amber_then_red() {
    let theme = Theme::new(ThemeName::Dark, true);
    let cases = [
        // (elapsed minutes of a 120-minute S4, colour of the timer)
        (30, None),
        (110, Some(Color::Rgb(255, 176, 0))),
        (125, Some(Color::Red)),
    ];
    for (minutes, colour) in cases {
        let mut s = example();
        s.stages[3].elapsed_seconds = minutes * 60;
        s.stages[3].running_since = Some(now());
        let app = App::new(s, Lang::En, None);
        let screen = draw_with(&app, &SaveState::Saved, theme, 160, 24);
        let header = screen.header();
        let at = header.find("⏱").expect("a timer in the header");
        let x = u16::try_from(header[..at].width()).unwrap();
        let cell = &screen.terminal.backend().buffer()[(x, 0)];
        let fg = cell.style().fg;
        match colour {
            Some(c) => assert_eq!(fg, Some(c), "{minutes} min: {header:?}"),
            None => assert!(
                fg != Some(Color::Red) && fg != Some(Color::Rgb(255, 176, 0)),
                "{minutes} min: {fg:?}"
            ),
        }
    }
}

#[test]
fn not_saved_shows_the_reason() {
    for lang in [Lang::Th, Lang::En] {
        let app = app(View::Swot, lang);
        let save = SaveState::NotSaved("disk full".into());
        let screen = draw_with(&app, &save, Theme::plain(), 80, 24);
        let header = screen.header();
        let t = strings(lang);
        assert!(
            header.contains(&format!("✗ {}: disk full", t.not_saved)),
            "{lang:?}: {header:?}"
        );
        assert!(!header.contains(t.saved) || lang == Lang::Th, "{header:?}");
        insta::assert_snapshot!(
            format!("not_saved_{}_80x24", lang_name(lang)),
            screen.text()
        );
    }
    // A reason is text from the system: controls in it show as symbols.
    let app = app(View::Agenda, Lang::En);
    let save = SaveState::NotSaved("disk\u{1b}[2Jfull".into());
    let screen = draw_with(&app, &save, Theme::plain(), 80, 24);
    assert!(
        screen.header().contains("disk␛[2Jfull"),
        "{}",
        screen.header()
    );
}

#[test]
fn a_read_only_session_says_so_and_why() {
    for lang in [Lang::Th, Lang::En] {
        let mut app = App::new(example(), lang, Some(ReadOnly::Locked));
        app.show_view(View::Swot);
        let t = strings(lang);
        let screen = draw(&app, 80, 24);
        insta::assert_snapshot!(
            format!("read_only_{}_80x24", lang_name(lang)),
            screen.text()
        );
        assert!(screen.header().contains(t.read_only), "{}", screen.header());
        assert!(!screen.header().contains(t.saved) || lang == Lang::Th);
        assert!(
            screen.footer().contains(&prefix(t.locked, 20)),
            "{lang:?}: {}",
            screen.footer()
        );
        // A refused change says why again.
        go(&mut app, Action::Down);
        go(&mut app, Action::Delete);
        let screen = draw(&app, 80, 24);
        assert!(screen.footer().contains(&prefix(t.locked, 20)));
        assert_eq!(app.session(), &example());
    }
}

// --- other overlays -----------------------------------------------------------

#[test]
fn the_move_prompt_link_picker_and_forms_draw() {
    for lang in [Lang::Th, Lang::En] {
        let t = strings(lang);
        let l = lang_name(lang);

        let mut a = app(View::Swot, lang);
        go(&mut a, Action::StartMove);
        let screen = draw(&a, 80, 24);
        assert!(screen.footer().contains(&prefix(t.move_prompt, 12)));

        let mut a = app(View::Strategies, lang);
        go(&mut a, Action::OpenLinks);
        assert!(matches!(a.mode(), Mode::LinkPicker { .. }));
        let screen = draw(&a, 80, 24);
        insta::assert_snapshot!(format!("links_{l}_80x24"), screen.text());
        assert_shows(&screen, t.links_title, "link picker");

        let mut a = app(View::Actions, lang);
        go(&mut a, Action::FocusRight);
        go(&mut a, Action::Add);
        type_text(&mut a, "ส่งรายงาน");
        let screen = draw(&a, 80, 24);
        insta::assert_snapshot!(format!("action_form_{l}_80x24"), screen.text());
        assert_shows(&screen, "ส่งรายงาน", "action form");

        let mut a = app(View::Agenda, lang);
        go(&mut a, Action::OpenDetails);
        let screen = draw(&a, 80, 24);
        insta::assert_snapshot!(format!("details_form_{l}_80x24"), screen.text());
        assert_shows(&screen, "13/1/", "details form");

        // A second line in the objective: the paragraph wraps at Thai word
        // boundaries and the footer says how to start a line.
        tab_to(&mut a, FieldKind::Objective);
        go(&mut a, Action::Text(TextEdit::Newline));
        type_text(&mut a, "และทบทวนบทบาท");
        let screen = draw(&a, 80, 24);
        insta::assert_snapshot!(format!("details_form_objective_{l}_80x24"), screen.text());
        assert_shows(&screen, "และทบทวนบทบาท", "the objective's second line");
        assert_shows(&screen, "Alt-Enter", "the footer");

        // The last field: the form scrolls, with a mark for what is above.
        tab_to(&mut a, FieldKind::NewGroup);
        let screen = draw(&a, 80, 24);
        insta::assert_snapshot!(format!("details_form_end_{l}_80x24"), screen.text());
        assert_shows(&screen, "▲", "the scroll mark");
        assert_shows(&screen, "ภาคีเครือข่ายพัฒนาร่วม: 5", "the last group");
    }
}

/// Tab in the open form until the field of `kind` has the cursor.
fn tab_to(a: &mut App, kind: FieldKind) {
    for _ in 0..64 {
        match a.mode() {
            Mode::Form(f) if f.focused().is_some_and(|f| f.kind == kind) => return,
            Mode::Form(_) => go(a, Action::NextField),
            other => panic!("no form is open: {other:?}"),
        }
    }
    panic!("the form has no {kind:?} field");
}

// --- hostile text ---------------------------------------------------------------

#[test]
fn control_characters_in_the_session_never_reach_the_terminal() {
    let mut s = example();
    s.title = "เวที\u{1b}]0;pwned\u{7}".into();
    s.swot.strengths[0].text = "\u{1b}[31mแดง\u{202e}ซ้าย\u{0}".into();
    s.stages[0].notes[0].text = "บันทึก\r\nสอง\u{9b}".into();
    s.strategies.so[0].text = "\u{1b}[2J".into();
    for view in View::ALL {
        let mut app = App::new(s.clone(), Lang::Th, None);
        app.show_view(view);
        let screen = draw(&app, 120, 30);
        let buf = screen.terminal.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell
                    .symbol()
                    .chars()
                    .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{view:?}: raw control in {:?}",
                cell.symbol()
            );
        }
        if view == View::Swot {
            assert_shows(&screen, "␛[31mแดง", "swot");
        }
    }
}

// --- every size -------------------------------------------------------------------

/// The app in each view with each overlay that view can show.
fn every_state() -> Vec<(String, App)> {
    let mut out = Vec::new();
    for view in View::ALL {
        for lang in [Lang::Th, Lang::En] {
            let base = app(view, lang);
            out.push((format!("{view:?} {lang:?}"), base.clone()));
            let mut help = base.clone();
            go(&mut help, Action::ToggleHelp);
            out.push((format!("{view:?} {lang:?} help"), help));
            let mut typing = base.clone();
            go(&mut typing, Action::Add);
            typing.update(
                Action::Text(TextEdit::Paste(
                    "การจัดทำแผนหมู่บ้าน ทำ ที่ 👍🏽 \u{1b}\nบรรทัดสอง".repeat(3),
                )),
                now(),
            );
            go(&mut typing, Action::Text(TextEdit::Left));
            out.push((format!("{view:?} {lang:?} typing"), typing));
            let mut details = base.clone();
            go(&mut details, Action::OpenDetails);
            out.push((format!("{view:?} {lang:?} details"), details));
            let mut notes = base.clone();
            go(&mut notes, Action::FocusRight);
            go(&mut notes, Action::Down);
            out.push((format!("{view:?} {lang:?} right"), notes));
        }
    }
    let mut zoom = app(View::Swot, Lang::Th);
    go(&mut zoom, Action::Zoom);
    out.push(("zoom".into(), zoom.clone()));
    go(&mut zoom, Action::StartMove);
    out.push(("zoom and move".into(), zoom));
    let mut links = app(View::Strategies, Lang::Th);
    go(&mut links, Action::OpenLinks);
    out.push(("links".into(), links));
    let mut form = app(View::Actions, Lang::En);
    go(&mut form, Action::FocusRight);
    go(&mut form, Action::Add);
    out.push(("action form".into(), form));
    let mut s = example();
    s.stages[0].running_since = Some(now() - Duration::hours(30));
    let running = App::new(s, Lang::Th, None);
    out.push(("running".into(), running));
    let mut empty = App::new(
        session::template::builtin().unwrap(),
        Lang::Th,
        Some(ReadOnly::Viewing),
    );
    for view in View::ALL {
        empty.show_view(view);
        out.push((format!("template {view:?}"), empty.clone()));
    }
    out
}

#[test]
fn every_size_from_1x1_up_draws_every_view_and_overlay() {
    let widths = [1, 2, 5, 10, 29, 30, 31, 50, 80, 120, 200];
    let heights = [1, 2, 3, 7, 8, 9, 24, 60];
    let save = SaveState::NotSaved("read-only folder".into());
    for (name, app) in every_state() {
        for w in widths {
            for h in heights {
                let screen = draw_with(&app, &save, Theme::new(ThemeName::Light, true), w, h);
                let text = screen.text();
                let too_small = strings(app.lang()).too_small;
                if w < MIN_WIDTH || h < MIN_HEIGHT {
                    let shown = squeeze(&text);
                    assert!(
                        !shown.is_empty() && squeeze(too_small).starts_with(&shown),
                        "{name} {w}x{h}: expected the too-small message, got:\n{text}"
                    );
                } else {
                    assert!(
                        !text.contains(too_small),
                        "{name} {w}x{h}: too small at a usable size"
                    );
                    if w >= 80 {
                        assert!(
                            screen.header().contains("เวที"),
                            "{name} {w}x{h}: {}",
                            screen.header()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn the_too_small_message_is_in_the_ui_language() {
    for lang in [Lang::Th, Lang::En] {
        let screen = draw(&app(View::Swot, lang), 29, 8);
        assert_eq!(
            squeeze(&screen.text()),
            squeeze(strings(lang).too_small),
            "{lang:?}"
        );
        insta::assert_snapshot!(format!("too_small_{}_29x8", lang_name(lang)), screen.text());
        let screen = draw(&app(View::Swot, lang), 80, 7);
        assert_eq!(squeeze(&screen.text()), squeeze(strings(lang).too_small));
    }
}

/// The example with two photos, the second from a group's phone.
fn with_photos(lang: Lang) -> App {
    let mut s = example();
    let photo = |id: &str, caption: &str, group: Option<&str>| session::Photo {
        id: id.into(),
        file: format!("{id}.jpg"),
        caption: caption.into(),
        group: group.map(str::to_owned),
        added_at: now(),
        bytes: 245_760,
        width: 1600,
        height: 1200,
        extra: Default::default(),
    };
    s.photos = vec![
        photo(
            "ph-1",
            "ผู้ว่าราชการจังหวัดอุบลราชธานีกล่าวเปิดเวทีประชาคมระดับจังหวัด ณ ห้องประชุมโรงแรมรีเจ้นท์",
            None,
        ),
        photo("ph-2", "", Some("กลุ่ม 2")),
    ];
    let mut app = App::new(s, lang, None);
    app.show_view(View::Photos);
    app
}

#[test]
fn the_photos_view_lists_captions_and_groups_and_details_the_selected_one() {
    for lang in [Lang::Th, Lang::En] {
        let mut app = with_photos(lang);
        let ph = wethi::i18n::photos::photos_strings(lang);
        for (w, h) in [(80, 24), (120, 30)] {
            let screen = draw(&app, w, h);
            let ctx = format!("{lang:?} {w}x{h}");
            insta::assert_snapshot!(
                format!("photos_listed_{}_{w}x{h}", lang_name(lang)),
                screen.text()
            );
            assert_shows(&screen, "ph-1.jpg", &ctx);
            assert_shows(&screen, "1600 × 1200 · 240 KB", &ctx);
            assert_shows(&screen, ph.no_caption, &ctx);
            // A tag keeps its words together with a no-break space.
            assert_shows(&screen, "[กลุ่ม\u{a0}2]", &ctx);
        }
        go(&mut app, Action::Down);
        let screen = draw(&app, 80, 24);
        assert_shows(&screen, "ph-2.jpg", "the second photo's details");
        assert_shows(&screen, &format!("{}: กลุ่ม 2", ph.group), "its group");
        go(&mut app, Action::Edit);
        let screen = draw(&app, 80, 24);
        assert_shows(
            &screen,
            ph.edit_caption,
            "the box says it edits the caption",
        );
        // The summary says how many photos the report ends with.
        let mut app = with_photos(lang);
        app.show_view(View::Summary);
        let screen = draw(&app, 160, 48);
        assert_shows(
            &screen,
            &format!("{} (2)", strings(lang).photos),
            "the count",
        );
    }
}

//! The header (title, date, view, running timer, save state) and the footer
//! (the keys of this screen, or a notice).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};

use crate::app::{App, EditTarget, Editor, ListId, Mode, seconds_between};
use crate::i18n::strings;
use crate::input::{Binding, bindings_for, key_name};
use crate::session::Stage;
use crate::text::Lang;
use crate::text::date::format_date;
use crate::text::sanitize::for_display;
use crate::text::width::{shorten, str_width};

use super::layout::clock;
use super::{SaveState, Status};

pub fn header(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let t = strings(app.lang());
    let theme = &status.theme;
    let bar = theme.base().add_modifier(Modifier::REVERSED);
    buf.set_style(area, bar);
    let (save_text, save_style) = match (&app.read_only(), status.save) {
        // Read-only because the folder refuses writes: the OS says why.
        (Some(crate::app::ReadOnly::CannotWrite), SaveState::NotSaved(why)) => {
            let room = usize::from(area.width / 2).saturating_sub(str_width(t.read_only) + 6);
            (
                format!(" │ {}: {} ", t.read_only, shorten(&for_display(why), room)),
                bar.add_modifier(Modifier::BOLD),
            )
        }
        (Some(_), _) => (
            format!(" │ {} ", t.read_only),
            bar.add_modifier(Modifier::BOLD),
        ),
        (None, SaveState::Saved) => (format!(" │ ✓ {} ", t.saved), bar),
        (None, SaveState::SavedWithoutBackup(why)) => {
            let no_backup = crate::i18n::safety::safety_strings(app.lang()).no_backup;
            let room = usize::from(area.width / 2).saturating_sub(str_width(no_backup) + 12);
            (
                format!(
                    " │ ✓ {} · {no_backup}: {} ",
                    t.saved,
                    shorten(&for_display(why), room)
                ),
                theme.warning().add_modifier(Modifier::REVERSED),
            )
        }
        (None, SaveState::NotSaved(why)) => {
            // The reason may be long (a path); the title and view come first.
            let room = usize::from(area.width / 2).saturating_sub(str_width(t.not_saved) + 6);
            let reason = shorten(&for_display(why), room);
            (
                format!(" │ ✗ {}: {reason} ", t.not_saved),
                theme.error().add_modifier(Modifier::REVERSED),
            )
        }
    };
    // The view, timer and save state always show; the date when there is
    // room; the title takes what is left and is cut with "…".
    let mut tail = Vec::new();
    let date = app
        .session()
        .meta
        .date
        .map(|d| Span::styled(format!(" │ {}", format_date(d, app.lang())), bar));
    tail.push(Span::styled(
        format!(" │ {}", app.view().label(t)),
        bar.add_modifier(Modifier::BOLD),
    ));
    if let Some(note) = super::room::header_note(app) {
        tail.push(Span::styled(note, bar.add_modifier(Modifier::BOLD)));
    }
    if let Some(i) = app.running_stage() {
        let stage = &app.session().stages[i];
        tail.push(Span::styled(" │ ", bar));
        tail.push(Span::styled(
            format!("⏱ {} {}", stage.id, timer_text(stage, status)),
            timer_style(stage, status, bar),
        ));
    }
    let width = |spans: &[Span]| spans.iter().map(|s| str_width(&s.content)).sum::<usize>();
    let lead = " เวที │ ";
    let room = usize::from(area.width)
        .saturating_sub(str_width(&save_text) + str_width(lead) + width(&tail));
    if let Some(date) = date.filter(|d| str_width(&d.content) + 12 <= room) {
        tail.insert(0, date);
    }
    let room = usize::from(area.width)
        .saturating_sub(str_width(&save_text) + str_width(lead) + width(&tail));
    let title = if app.session().title.trim().is_empty() {
        t.untitled.to_owned()
    } else {
        for_display(&app.session().title).replace('\n', " ")
    };
    let mut spans = vec![Span::styled(
        format!("{lead}{}", shorten(&title, room)),
        bar.add_modifier(Modifier::BOLD),
    )];
    spans.extend(tail);
    let save_width = str_width(&save_text) as u16;
    let left_width = area.width.saturating_sub(save_width);
    buf.set_line(area.x, area.y, &Line::from(spans), left_width);
    buf.set_stringn(
        area.right().saturating_sub(save_width),
        area.y,
        &save_text,
        usize::from(save_width),
        save_style,
    );
}

/// Seconds a stage has run, counting a running timer up to now.
pub fn spent_seconds(stage: &Stage, status: &Status) -> u64 {
    // Numbers from a file may be huge: saturate rather than wrap or panic.
    stage.elapsed_seconds.saturating_add(
        stage
            .running_since
            .map_or(0, |since| seconds_between(since, status.now)),
    )
}

fn timer_text(stage: &Stage, status: &Status) -> String {
    format!(
        "{} / {}",
        clock(spent_seconds(stage, status)),
        clock(u64::from(stage.timebox_minutes) * 60)
    )
}

/// Amber in the last 10% of the timebox, red when over.
fn timer_style(stage: &Stage, status: &Status, bar: Style) -> Style {
    let spent = spent_seconds(stage, status);
    let budget = u64::from(stage.timebox_minutes) * 60;
    if budget > 0 && spent > budget {
        status.theme.error().add_modifier(Modifier::REVERSED)
    } else if budget > 0 && spent.saturating_mul(10) >= budget.saturating_mul(9) {
        status.theme.warning().add_modifier(Modifier::REVERSED)
    } else {
        bar.add_modifier(Modifier::BOLD)
    }
}

pub fn footer(app: &App, status: &Status, area: Rect, buf: &mut Buffer) {
    let t = strings(app.lang());
    let theme = &status.theme;
    if let Some(notice) = app.notice() {
        buf.set_stringn(
            area.x,
            area.y,
            format!(" {}", notice.label(app.lang())),
            usize::from(area.width),
            theme.warning(),
        );
        return;
    }
    let text = match app.mode() {
        Mode::Editing(_) => format!(" {}", t.text_box_keys),
        Mode::PendingMove => format!(" {}", t.move_prompt),
        Mode::Help => format!(" {}", t.help_close),
        Mode::LinkPicker { .. } => format!(" {}", t.links_keys),
        Mode::Form(form) => format!(" {}", super::form::keys(app, form)),
        Mode::Normal if app.room().overlay().is_some() => keys_line(
            app.room()
                .overlay()
                .map(crate::input::room_bindings)
                .unwrap_or_default()
                .iter(),
            app.lang(),
            area.width,
        ),
        Mode::Normal => keys_line(
            bindings_for(app.view()).filter(|b| app.offers(&b.action)),
            app.lang(),
            area.width,
        ),
    };
    buf.set_stringn(
        area.x,
        area.y,
        text,
        usize::from(area.width),
        theme.dim().add_modifier(Modifier::BOLD),
    );
}

/// The footer's key hints: whole entries only, as many as fit, since a key
/// without its label helps nobody. The table's last two footer keys (help
/// and quit, in both key tables) always show, at the end.
pub fn keys_line<A: 'static>(
    bindings: impl Iterator<Item = &'static Binding<A>>,
    lang: Lang,
    width: u16,
) -> String {
    let entries: Vec<String> = bindings
        .filter(|b| b.footer)
        .map(|b| {
            format!(
                "{} {}",
                b.keys.first().map_or_else(String::new, |k| key_name(*k)),
                b.label(lang)
            )
        })
        .collect();
    let (rest, last) = entries.split_at(entries.len().saturating_sub(2));
    let tail = last.join(" · ");
    let room = usize::from(width).saturating_sub(str_width(&tail) + 4);
    let mut head = String::new();
    for entry in rest {
        let sep = if head.is_empty() { "" } else { " · " };
        if str_width(&head) + str_width(sep) + str_width(entry) > room {
            break;
        }
        head.push_str(sep);
        head.push_str(entry);
    }
    if head.is_empty() {
        format!(" {tail}")
    } else {
        format!(" {head} · {tail}")
    }
}

/// "Add to Strengths" / "แก้ไขใน บันทึก".
pub fn editor_title(app: &App, editor: &Editor) -> String {
    let t = strings(app.lang());
    let verb = match editor.target {
        EditTarget::Edit(ListId::Photos, _) => {
            let edit = crate::i18n::photos::photos_strings(app.lang()).edit_caption;
            return format!(" {edit} ");
        }
        EditTarget::Add(_) => t.add_to,
        EditTarget::Edit(..) => t.edit_in,
        EditTarget::SaveAs => {
            return format!(
                " {} ",
                crate::i18n::safety::safety_strings(app.lang()).unsaved_quit
            );
        }
        EditTarget::Inbox(_) => {
            return format!(
                " {} ",
                crate::i18n::room::room_strings(app.lang()).edit_submission
            );
        }
    };
    let Some(list) = editor.target.list() else {
        return String::new();
    };
    let list = match list {
        ListId::Swot(q) => t.quadrant(q).to_owned(),
        ListId::StageNotes(i) => format!(
            "{} · {}",
            t.notes,
            app.session()
                .stages
                .get(i)
                .map_or("", |s| s.title.get(app.lang()))
        ),
        ListId::GuidanceNotes(i) => format!(
            "{} · {}",
            t.notes,
            app.session()
                .guidance
                .get(i)
                .map_or("", |g| g.title.get(app.lang()))
        ),
        ListId::Strategies(p) => t.tows(p).to_owned(),
        ListId::Recommendations => t.recommendations.to_owned(),
        ListId::Actions => t.actions.to_owned(),
        ListId::RoleReview | ListId::ExperienceExchange => t.notes.to_owned(),
        ListId::FollowUps => crate::i18n::followup::followup_strings(app.lang())
            .followups
            .to_owned(),
        ListId::Photos => crate::i18n::photos::photos_strings(app.lang())
            .caption
            .to_owned(),
    };
    for_display(&format!(" {verb} {list} ")).into_owned()
}

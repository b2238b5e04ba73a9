//! What a facilitator trips over in the room: ticks during a pending move,
//! bursts of typed text, pastes into forms, the session language, the
//! summary's scrolling and the keys the footer offers.

use std::path::Path;

use chrono::{DateTime, Duration};

use super::*;
use crate::session::{self, Quadrant, Session, Timestamp};
use crate::text::Lang;

const EXAMPLE: &[u8] = include_bytes!("../../sessions/examples/ubon-2021-01-13.json");

fn now() -> Timestamp {
    DateTime::parse_from_rfc3339("2021-01-13T09:00:00+07:00").unwrap()
}

fn later(seconds: i64) -> Timestamp {
    now() + Duration::seconds(seconds)
}

fn example() -> Session {
    session::parse(Path::new("ubon-2021-01-13.json"), EXAMPLE)
        .unwrap()
        .session
}

fn app_in(view: View) -> App {
    let mut a = App::new(example(), Lang::Th, None);
    a.view = view;
    a
}

fn go(app: &mut App, action: Action) {
    app.update(action, now());
}

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

//! Bursts: printable characters that were already waiting together in the
//! input queue. A person pressing command keys sends them one at a time;
//! several at once come from typing text (the facilitator forgot `a`), an
//! input method or a paste the terminal did not bracket. The event loop
//! turns such a run into text instead of a string of commands.

use ratatui::crossterm::event::KeyCode;
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind, KeyModifiers};

/// The queue, read: runs of typed characters, and everything else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chunk {
    /// Two or more printable characters that arrived together.
    Burst(String),
    Event(Event),
}

/// The character a key press types, if it is printable text.
fn typed(event: &Event) -> Option<char> {
    match event {
        Event::Key(KeyEvent {
            code: KeyCode::Char(c),
            modifiers,
            kind: KeyEventKind::Press | KeyEventKind::Repeat,
            ..
        }) if (*modifiers - KeyModifiers::SHIFT).is_empty() && !c.is_control() => Some(*c),
        _ => None,
    }
}

fn is_release(event: &Event) -> bool {
    matches!(event, Event::Key(k) if k.kind == KeyEventKind::Release)
}

/// One character over and over is a key held down (`j` to scroll, `+` to
/// vote), not text, even when a slow moment let the repeats pile up.
fn one_key_held(text: &str) -> bool {
    let mut chars = text.chars();
    chars.next().is_some_and(|first| chars.all(|c| c == first))
}

/// Groups what was read from the queue at once: each run of at least two
/// typed characters becomes one [`Chunk::Burst`] (unless it is one key
/// held down); a lone character and every other event stay as they are.
/// Key releases are dropped.
pub fn group(events: Vec<Event>) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut run: Vec<Event> = Vec::new();
    let flush = |run: &mut Vec<Event>, chunks: &mut Vec<Chunk>| {
        let text: String = run.iter().filter_map(typed).collect();
        if run.len() >= 2 && !one_key_held(&text) {
            chunks.push(Chunk::Burst(text));
        } else {
            chunks.extend(run.drain(..).map(Chunk::Event));
        }
        run.clear();
    };
    for event in events.into_iter().filter(|e| !is_release(e)) {
        if typed(&event).is_some() {
            run.push(event);
        } else {
            flush(&mut run, &mut chunks);
            chunks.push(Chunk::Event(event));
        }
    }
    flush(&mut run, &mut chunks);
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn keys(text: &str) -> Vec<Event> {
        text.chars().map(key).collect()
    }

    #[test]
    fn one_key_press_stays_a_command() {
        assert_eq!(group(keys("ก")), vec![Chunk::Event(key('ก'))]);
        assert_eq!(group(keys("m")), vec![Chunk::Event(key('m'))]);
    }

    #[test]
    fn thai_typed_together_is_one_burst_of_text() {
        assert_eq!(
            group(keys("กลุ่มแม่บ้าน ทอผ้า")),
            vec![Chunk::Burst("กลุ่มแม่บ้าน ทอผ้า".into())]
        );
        let shifted = Event::Key(KeyEvent::new(KeyCode::Char('A'), KeyModifiers::SHIFT));
        assert_eq!(
            group(vec![shifted, key('b')]),
            vec![Chunk::Burst("Ab".into())]
        );
    }

    #[test]
    fn other_events_split_runs_and_keep_their_place() {
        let enter = Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
        let ctrl_r = Event::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::CONTROL));
        let mut events = keys("ab");
        events.push(enter.clone());
        events.push(key('x'));
        events.push(ctrl_r.clone());
        events.extend(keys("ไก่"));
        assert_eq!(
            group(events),
            vec![
                Chunk::Burst("ab".into()),
                Chunk::Event(enter),
                Chunk::Event(key('x')),
                Chunk::Event(ctrl_r),
                Chunk::Burst("ไก่".into()),
            ]
        );
    }

    #[test]
    fn a_held_key_is_not_text() {
        assert_eq!(
            group(keys("jjjj")),
            keys("jjjj")
                .into_iter()
                .map(Chunk::Event)
                .collect::<Vec<_>>()
        );
        assert_eq!(group(keys("jjk")), vec![Chunk::Burst("jjk".into())]);
    }

    #[test]
    fn releases_are_dropped_and_do_not_split_a_run() {
        let mut release = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        let events = vec![key('a'), Event::Key(release), key('b')];
        assert_eq!(group(events), vec![Chunk::Burst("ab".into())]);
    }
}

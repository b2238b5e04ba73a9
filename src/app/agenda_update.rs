//! The agenda's and guidance's own changes: stage timers, done marks,
//! timeboxes and the "discussed" checklist.

use crate::session::{Stage, Timestamp};

use super::history::{Edit, StageState};
use super::{App, guidance_rows};

impl App {
    pub(super) fn toggle_timer(&mut self, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let mut edits = Vec::new();
        if stage.running_since.is_some() {
            edits.push(pause(index, stage, now));
        } else {
            // One stage runs at a time: starting one pauses the other.
            if let Some(other) = self.running_stage() {
                edits.push(pause(other, &self.session.stages[other], now));
            }
            let old = StageState::of(stage);
            let new = StageState {
                running_since: Some(now),
                ..old.clone()
            };
            edits.push(Edit::Stage { index, old, new });
        }
        self.change(edits, now);
    }

    pub(super) fn toggle_done(&mut self, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let old = StageState::of(stage);
        let mut new = old.clone();
        new.done = !old.done;
        if let Some(since) = old.running_since.filter(|_| new.done) {
            new.elapsed_seconds = new
                .elapsed_seconds
                .saturating_add(seconds_between(since, now));
            new.running_since = None;
        }
        self.change(vec![Edit::Stage { index, old, new }], now);
    }

    pub(super) fn toggle_discussed(&mut self, now: Timestamp) {
        let rows = guidance_rows(&self.session);
        let Some(&(point, Some(item))) = rows.get(self.guidance.row) else {
            return;
        };
        let Some(current) = self.session.guidance[point]
            .items
            .get(item)
            .map(|i| i.discussed)
        else {
            return;
        };
        self.change(
            vec![Edit::Discussed {
                point,
                item,
                value: !current,
            }],
            now,
        );
    }

    pub(super) fn change_timebox(&mut self, delta: i32, now: Timestamp) {
        let index = self.agenda.stage;
        let Some(stage) = self.session.stages.get(index) else {
            return;
        };
        let old = StageState::of(stage);
        let minutes = old.timebox_minutes.saturating_add_signed(delta).max(1);
        if minutes != old.timebox_minutes {
            let new = StageState {
                timebox_minutes: minutes,
                ..old.clone()
            };
            self.change(vec![Edit::Stage { index, old, new }], now);
        }
    }
}

fn pause(index: usize, stage: &Stage, now: Timestamp) -> Edit {
    let old = StageState::of(stage);
    let mut new = old.clone();
    if let Some(since) = old.running_since {
        new.elapsed_seconds = new
            .elapsed_seconds
            .saturating_add(seconds_between(since, now));
        new.running_since = None;
    }
    Edit::Stage { index, old, new }
}

/// Whole seconds from `since` to `now`; a clock that went backwards counts 0.
pub fn seconds_between(since: Timestamp, now: Timestamp) -> u64 {
    u64::try_from((now - since).num_seconds()).unwrap_or(0)
}

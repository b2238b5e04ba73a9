//! `App::update`, one action at a time: every action on the example session
//! (and on an empty one for the edges), then random action sequences that
//! must never panic and must undo back to the start. One file per topic;
//! `support` holds what they share.

mod agenda;
mod board;
mod closing;
mod in_the_room;
mod lists;
mod moving;
mod random;
mod read_only;
mod room;
pub(super) mod support;
mod undo;
mod views;

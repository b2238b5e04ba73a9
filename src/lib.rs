//! wethi (เวที): a terminal workshop board for facilitators.
//!
//! Imports point one way: `main` → `cli` → (`ui`, `app`, `store`, `export`) → `session` → `text`.

pub mod app;
pub mod burst;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod input;
pub mod room;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;

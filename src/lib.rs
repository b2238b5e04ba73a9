//! wethi (เวที): a terminal workshop board for facilitators.
//!
//! Imports point one way, down these layers (lowest first): `text` →
//! `session` → `i18n` → `store` → `photos` → `across` → `export` → `room` → `app` →
//! `input` →
//! `ui` → `burst` → `tui` → `cli`, and the binary (`main.rs`) on top.
//! `layers.rs` lists them and its test fails on an import that points up;
//! `docs/ARCHITECTURE.md` says what each layer holds.

pub mod across;
pub mod app;
pub mod burst;
pub mod cli;
pub mod export;
pub mod i18n;
pub mod input;
#[cfg(test)]
mod layers;
pub mod photos;
pub mod room;
pub mod session;
pub mod store;
pub mod text;
pub mod tui;
pub mod ui;

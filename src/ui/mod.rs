//! Drawing: one file per view and overlay. Reads the app, changes nothing.

pub mod board;
pub mod print;
pub mod theme;

pub use theme::{Theme, ThemeName};

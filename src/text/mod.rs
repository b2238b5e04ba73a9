//! Thai-aware text: width, wrapping, cursor movement, sanitising, normalising,
//! Kedmanee keys, dates and times of day. Knows nothing of ratatui or sessions.

pub mod clock;
pub mod cursor;
pub mod date;
pub mod fold;
pub mod halves;
pub mod kedmanee;
pub mod lang;
pub mod normalize;
pub mod printed;
pub mod sanitize;
pub mod segment;
pub mod similar;
pub mod simple;
pub mod syllable;
pub mod width;
pub mod words;
pub mod wrap;

pub use lang::Lang;

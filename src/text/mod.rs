//! Thai-aware text: width, wrapping, cursor movement, sanitising, normalising,
//! Kedmanee keys and dates. Knows nothing of ratatui or sessions.

pub mod cursor;
pub mod date;
pub mod kedmanee;
pub mod lang;
pub mod normalize;
pub mod printed;
pub mod sanitize;
pub mod segment;
pub mod simple;
pub mod syllable;
pub mod width;
pub mod words;
pub mod wrap;

pub use lang::Lang;

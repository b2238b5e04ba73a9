//! What leaves the app for other readers: the session as text, reports
//! (Markdown, HTML, Word, CSV), and the comparison and merging of sessions.
//! Reads sessions; knows nothing of terminals or of where files live.

pub mod csv;
pub mod diff;
pub mod matching;
pub mod merge;

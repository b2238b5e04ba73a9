//! What leaves the app for other readers: the session as text, reports
//! (Markdown, HTML, Word, CSV), and the comparison and merging of sessions.
//! Reads sessions; knows nothing of terminals or of where files live.

pub mod narrative;
pub mod report;
pub mod text;

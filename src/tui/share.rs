//! Carries out `y` on the summary: the news post goes to the clipboard
//! through the terminal (OSC 52: Windows Terminal, iTerm2, kitty, WezTerm,
//! tmux with `set-clipboard on`) and into `NAME.post.txt` beside the
//! session, never over an earlier one; the notice says where.

use std::borrow::Cow;
use std::io;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use crate::app::App;
use crate::export::{Format, Photos};
use crate::store::photos::folder_link;
use crate::store::report_file;
use crate::text::date::Digits;

/// The sequence that asks the terminal to put `text` on the clipboard.
pub(super) fn osc52(text: &str) -> Vec<u8> {
    let mut out = b"\x1b]52;c;".to_vec();
    out.extend_from_slice(STANDARD.encode(text).as_bytes());
    out.push(0x07);
    out
}

/// Sends the post of the app's session (in the session's language) as
/// OSC 52 through `send` (to the terminal) and writes it beside `session`,
/// or in the temporary folder when the session's folder refuses. What
/// happened is the app's notice. Only a terminal that cannot be written
/// is an error.
pub(super) fn share_post(
    send: &mut impl FnMut(&[u8]) -> io::Result<()>,
    app: &mut App,
    session: &Path,
) -> io::Result<()> {
    let s = app.session();
    // Its photos are named from the folder the post is saved in.
    let post_in = |dir: &Path| {
        let photos = Photos::links(folder_link(dir, session));
        crate::export::post::post(s, s.lang, Digits::Arabic, &photos)
    };
    let beside = session.parent().unwrap_or(Path::new("."));
    send(&osc52(&post_in(beside)))?;
    let temp = std::env::temp_dir();
    let mut render = |dir: &Path| Ok(Cow::Owned(post_in(dir).into_bytes()));
    let saved =
        report_file::write_report_with(session, Format::Post.extension(), &mut render, &[&temp])
            // Beside the session its name says where; elsewhere the whole path.
            .map(|w| match (w.beside, w.path.file_name()) {
                (true, Some(name)) => name.to_string_lossy().into_owned(),
                _ => w.path.display().to_string(),
            })
            .map_err(|e| e.message(app.lang()));
    app.post_shared(saved);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Notice;

    #[test]
    fn osc52_carries_the_text_in_base64() {
        let seq = osc52("ข่าว");
        assert!(seq.starts_with(b"\x1b]52;c;") && seq.ends_with(b"\x07"));
        let body = &seq[7..seq.len() - 1];
        let decoded = STANDARD.decode(body).expect("base64");
        assert_eq!(String::from_utf8(decoded).expect("UTF-8"), "ข่าว");
    }

    #[test]
    fn the_post_goes_to_the_terminal_and_beside_the_session_never_over_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("ubon.json");
        let example = crate::session::template::example().expect("the example");
        let mut app = App::new(example, crate::text::Lang::En, None);
        let mut sent = Vec::new();
        let mut send = |bytes: &[u8]| {
            sent.extend_from_slice(bytes);
            Ok(())
        };
        share_post(&mut send, &mut app, &session).expect("shared");
        let first = dir.path().join("ubon.post.txt");
        assert_eq!(
            sent,
            osc52(&std::fs::read_to_string(&first).expect("saved"))
        );
        assert_eq!(
            app.notice(),
            Some(&Notice::PostShared(Ok("ubon.post.txt".into())))
        );
        share_post(&mut |_: &[u8]| Ok(()), &mut app, &session).expect("shared");
        assert!(dir.path().join("ubon (2).post.txt").exists(), "a new name");
    }

    #[test]
    fn the_post_names_the_photos_from_beside_the_session() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("ubon.json");
        let mut example = crate::session::template::example().expect("the example");
        example.photos.push(crate::session::Photo {
            id: "ph-1".into(),
            file: "ph-1.jpg".into(),
            caption: "The plenary".into(),
            group: None,
            added_at: example.created_at,
            bytes: 1,
            width: 4,
            height: 3,
            extra: Default::default(),
        });
        let mut app = App::new(example, crate::text::Lang::En, None);
        share_post(&mut |_: &[u8]| Ok(()), &mut app, &session).expect("shared");
        let post = std::fs::read_to_string(dir.path().join("ubon.post.txt")).expect("saved");
        assert!(
            post.ends_with("\n1) ubon.photos/ph-1.jpg (The plenary)\n"),
            "{post}"
        );
    }
}

//! The commands that open the terminal UI: the home screen, `open`, `view`.

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::process::ExitCode;

use super::{Context, Failure, sessions};
use crate::room::RoomConfig;
use crate::store;
use crate::text::Lang;
use crate::tui;

/// The home screen: the session browser on the data folder.
pub fn home(ctx: &Context) -> Result<ExitCode, Failure> {
    let dir = ctx.data_dir()?;
    let new_session = |lang: Lang, title: &str| {
        let lang_ctx = Context {
            lang,
            data_dir: Some(dir.clone()),
            ..ctx.clone()
        };
        let title = Some(title).filter(|t| !t.trim().is_empty());
        sessions::create_session(&lang_ctx, title, None).map_err(|f| f.message)
    };
    tui::run_home(&dir, ctx.lang, ctx.theme, new_session)
        .map_err(|e| Failure::invalid(format!("{}: {e}", dir.display())))?;
    Ok(ExitCode::SUCCESS)
}

/// `wethi open`: the editing screen, with a room opened at once when `room`
/// (on `bind`, every interface by default, and `port`).
pub fn open(
    ctx: &Context,
    file: &Path,
    room: bool,
    port: Option<u16>,
    bind: Option<IpAddr>,
) -> Result<ExitCode, Failure> {
    let room = room.then(|| RoomConfig {
        bind: bind.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        port,
        ..Default::default()
    });
    edit_in_room(ctx, &ctx.resolve(file), false, room)
}

/// The editing screen on `path` (read-only with `viewing`).
pub fn edit(ctx: &Context, path: &Path, viewing: bool) -> Result<ExitCode, Failure> {
    edit_in_room(ctx, path, viewing, None)
}

/// The editing screen, with a room opened at once when `room` is given.
fn edit_in_room(
    ctx: &Context,
    path: &Path,
    viewing: bool,
    room: Option<RoomConfig>,
) -> Result<ExitCode, Failure> {
    // The lock first, then the file: what is read is what this wethi alone writes over.
    let opened =
        store::open_session(path, viewing).map_err(|e| Failure::invalid(e.message(ctx.lang)))?;
    let opening = tui::Opening {
        path: path.to_path_buf(),
        opened,
        lang: ctx.lang,
        theme: ctx.theme,
        room,
        at: None,
    };
    tui::run(opening).map_err(|e| Failure::invalid(format!("{}: {e}", path.display())))?;
    Ok(ExitCode::SUCCESS)
}

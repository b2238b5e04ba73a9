//! End to end, the safety of the facilitator's work (README: threat model): a
//! signal from outside gives the terminal back and keeps the typed text as
//! a draft the next opening offers; quitting while NOT SAVED can quit
//! without saving; a folder that cannot be written opens read-only; a
//! symlinked session stays a link.
//!
//! Unix only: they drive wethi through a Unix pseudo-terminal.
#![cfg(unix)]

mod common;
#[path = "e2e/harness.rs"]
mod harness;

use std::fs;
use std::path::{Path, PathBuf};

use harness::{ENTER, ESC, Sandbox, Tui, assert_terminal_restored, read_json, squeeze};

fn draft_of(session: &Path) -> PathBuf {
    let name = session.file_name().unwrap().to_string_lossy();
    session.with_file_name(format!(".{name}.draft"))
}

fn strengths(path: &Path) -> Vec<String> {
    harness::quadrant(&read_json(path), "strengths")
        .into_iter()
        .map(|(t, _)| t)
        .collect()
}

/// On the SWOT board, opens the add box of Strengths and types `text`
/// without committing it.
fn type_uncommitted(tui: &mut Tui, text: &str) {
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    // Strengths has the focus already: a second letter sent at once
    // would arrive with the first, as a burst of text.
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send(text);
    tui.wait_text(text);
}

/// The process ended by itself with 0, raw mode is off, and the terminal
/// was given back: alternate screen left, mouse and paste off, cursor shown.
fn assert_clean_exit(tui: &mut Tui, what: &str) {
    assert_eq!(tui.wait_exit(), 0, "{what}: wethi exits cleanly");
    if let Some(raw) = tui.raw_mode() {
        assert!(!raw, "{what}: raw mode is turned off");
    }
    let raw = tui.raw_output();
    assert_terminal_restored(&raw);
    let text = String::from_utf8_lossy(&raw);
    let left = text
        .rfind("\x1b[?1049l")
        .expect("left the alternate screen");
    let shown = text.rfind("\x1b[?25h").expect("the cursor is shown");
    let hidden = text.rfind("\x1b[?25l").unwrap_or(0);
    assert!(
        shown > hidden,
        "{what}: the cursor is shown after it was last hidden"
    );
    assert!(left > 0);
}

fn signal(tui: &Tui, sig: libc::c_int) {
    let pid = libc::pid_t::try_from(tui.pid()).unwrap();
    // SAFETY: kill only sends a signal to our own child process.
    let rc = unsafe { libc::kill(pid, sig) };
    assert_eq!(rc, 0, "the signal was sent");
}

#[test]
fn a_signal_mid_typing_restores_the_terminal_and_keeps_a_draft_offered_next_time() {
    for (sig, name) in [
        (libc::SIGTERM, "SIGTERM"),
        (libc::SIGHUP, "SIGHUP"),
        (libc::SIGINT, "SIGINT"),
    ] {
        let text = format!("ยังไม่ได้กด Enter {name}");
        let sb = Sandbox::new();
        let (mut tui, file) = sb.start_new(name, 80, 24);
        type_uncommitted(&mut tui, &text);
        signal(&tui, sig);
        assert_clean_exit(&mut tui, name);
        drop(tui);

        // The draft is beside the session, hidden and private; the session
        // holds nothing uncommitted.
        let draft = draft_of(&file);
        let kept = fs::read_to_string(&draft)
            .unwrap_or_else(|e| panic!("{name}: no draft at {}: {e}", draft.display()));
        assert!(kept.contains(&text), "{name}: {kept}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&draft).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600, "{name}");
        }
        assert!(strengths(&file).is_empty(), "{name}: nothing was committed");

        // The next opening puts it back into the box it came from.
        let mut tui = sb.spawn_file("open", &file, 80, 24);
        tui.wait_texts(&["Add to Strengths", &text, "put back"]);
        assert!(
            !draft.exists(),
            "{name}: the draft is back in memory, not on disk"
        );
        tui.send(ENTER);
        tui.wait_for("the add box to close", |s| !s.contains("Add to"));
        harness::wait_for_file(&file, "the restored text", |j| {
            let texts = harness::quadrant(j, "strengths");
            if texts.iter().any(|(t, _)| *t == text) {
                Ok(())
            } else {
                Err(format!("strengths are {texts:?}"))
            }
        });
        tui.send("q");
        assert_clean_exit(&mut tui, name);
    }
}

#[test]
fn a_signal_on_the_home_screen_restores_the_terminal() {
    let sb = Sandbox::new();
    let mut tui = sb.spawn("C.UTF-8", &["--lang", "en"], 80, 24);
    tui.wait_text("Sessions");
    signal(&tui, libc::SIGTERM);
    assert_clean_exit(&mut tui, "home");
}

/// Takes the data folder away and adds an item, so the header says NOT SAVED.
fn make_unsaved(sb: &Sandbox, tui: &mut Tui, text: &str) {
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    fs::remove_dir_all(&sb.data).expect("the data folder can be removed");
    // Strengths has the focus already: a second letter sent at once
    // would arrive with the first, as a burst of text.
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send(text);
    tui.wait_text(text);
    tui.send(ENTER);
    tui.wait_region("NOT SAVED in the header", (0, 0, 1, 80), |h| {
        h.contains("NOT SAVED")
    });
}

#[test]
fn quitting_while_not_saved_offers_quitting_without_saving() {
    let sb = Sandbox::new();
    let (mut tui, _file) = sb.start_new("Unsaved", 100, 24);
    make_unsaved(&sb, &mut tui, "หายไปก็ได้");
    tui.send("q");
    tui.wait_texts(&["Cannot save", "Esc then q"]);
    // Esc goes back to the work, which is still on screen…
    tui.send(ESC);
    tui.wait_for("the prompt to close", |s| !s.contains("Cannot save"));
    tui.wait_text("หายไปก็ได้");
    assert!(!tui.has_exited());
    // …and q now quits without saving, instead of asking again.
    tui.send("q");
    assert_clean_exit(&mut tui, "quit without saving");
    assert!(!sb.data.exists(), "nothing was written anywhere");
}

#[test]
fn after_esc_a_new_change_asks_again_before_quitting() {
    let sb = Sandbox::new();
    let (mut tui, _file) = sb.start_new("Unsaved", 100, 24);
    make_unsaved(&sb, &mut tui, "ข้อแรก");
    tui.send("q");
    tui.wait_text("Cannot save");
    tui.send(ESC);
    tui.wait_for("the prompt to close", |s| !s.contains("Cannot save"));
    // More work after declining: quitting asks again.
    tui.send("+");
    tui.wait_text("+1");
    tui.send("q");
    tui.wait_text("Cannot save");
    assert!(
        !tui.has_exited(),
        "new unsaved work is not dropped silently"
    );
    let target = sb.home().join("tmp").join("rescued.json");
    // Replace the suggestion with our own path.
    tui.send(&"\x7f".repeat(300));
    tui.send(&target.display().to_string());
    tui.send(ENTER);
    assert_clean_exit(&mut tui, "save as");
    let json = read_json(&target);
    assert_eq!(
        harness::quadrant(&json, "strengths"),
        [("ข้อแรก".to_owned(), 1)]
    );
}

#[test]
fn a_folder_that_cannot_be_written_opens_read_only_with_the_reason() {
    let sb = Sandbox::new();
    let file = PathBuf::from(
        sb.run(&["new", "--no-open", "--title", "Locked out"])
            .trim(),
    );
    let before = fs::read(&file).unwrap();
    // Tests run as root, where permission bits stop nothing: a folder in
    // the lock file's place makes the lock impossible to take instead.
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    fs::create_dir(file.with_file_name(format!(".{name}.lock"))).unwrap();
    let mut tui = sb.spawn_file("open", &file, 100, 24);
    tui.wait_texts(&["read-only", "cannot be written"]);
    // The header gives the system's reason (a folder is in the lock's place).
    tui.wait_region("the reason in the header", (0, 0, 1, 100), |h| {
        h.contains("read-only:") && h.to_lowercase().contains("directory")
    });
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    // A paste tries to add (not a typed letter: with the `q` behind it, it
    // would arrive as one burst of text).
    tui.send(&harness::paste("ข้อใหม่"));
    tui.send("q");
    assert_clean_exit(&mut tui, "read-only");
    assert_eq!(fs::read(&file).unwrap(), before, "nothing was written");
}

#[cfg(unix)]
#[test]
fn a_symlinked_session_stays_a_link_and_leftover_temporaries_go() {
    let sb = Sandbox::new();
    let file = PathBuf::from(sb.run(&["new", "--no-open", "--title", "Linked"]).trim());
    let synced = sb.home().join("synced");
    fs::create_dir(&synced).unwrap();
    let real = synced.join("real.json");
    fs::rename(&file, &real).unwrap();
    std::os::unix::fs::symlink(&real, &file).unwrap();
    // A save killed halfway left its temporary file beside the target.
    let leftover = synced.join(".real.json.Zx81qP.tmp");
    fs::write(&leftover, "half a save").unwrap();

    let mut tui = sb.spawn_file("open", &file, 80, 24);
    tui.wait_text("Stages");
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    // Strengths has the focus already: a second letter sent at once
    // would arrive with the first, as a burst of text.
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send("ผ่านลิงก์");
    tui.wait_text("ผ่านลิงก์");
    tui.send(ENTER);
    harness::wait_for_file(&real, "the item in the target", |j| {
        let texts = harness::quadrant(j, "strengths");
        if texts.len() == 1 {
            Ok(())
        } else {
            Err(format!("{texts:?}"))
        }
    });
    tui.send("q");
    assert_clean_exit(&mut tui, "symlink");
    assert!(
        fs::symlink_metadata(&file)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(strengths(&file), ["ผ่านลิงก์"]);
    assert!(
        !leftover.exists(),
        "the leftover temporary file was removed"
    );
    let names: Vec<String> = fs::read_dir(&synced)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file is left: {names:?}"
    );
}

#[test]
fn when_the_backup_fails_the_header_says_so_and_saving_goes_on() {
    let sb = Sandbox::new();
    let file = PathBuf::from(sb.run(&["new", "--no-open", "--title", "No backup"]).trim());
    // A plain file where the `.backups/` folder would go.
    fs::write(sb.data.join(".backups"), "in the way").unwrap();
    let mut tui = sb.spawn_file("open", &file, 100, 24);
    tui.wait_text("Stages");
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    // Strengths has the focus already: a second letter sent at once
    // would arrive with the first, as a burst of text.
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send("บันทึกได้แม้ไม่มีสำรอง");
    tui.send(ENTER);
    tui.wait_region("no backup in the header", (0, 0, 1, 100), |h| {
        h.contains("saved") && h.contains("no backup")
    });
    assert_eq!(strengths(&file), ["บันทึกได้แม้ไม่มีสำรอง"]);
    tui.send("q");
    assert_clean_exit(&mut tui, "no backup");
}

/// The terminal window closes: the pty's master side goes away, as when a
/// tmux window or a terminal emulator is closed. Driven without the
/// harness, whose reader thread would keep the master open, and without a
/// pty writer, whose drop types a newline (an Enter) on the way out.
#[cfg(unix)]
#[test]
fn closing_the_terminal_window_ends_wethi_and_keeps_a_draft() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::time::{Duration, Instant};

    let sb = Sandbox::new();
    let file = PathBuf::from(sb.run(&["new", "--no-open", "--title", "Window"]).trim());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_wethi"));
    cmd.args(["--lang", "en", "open"]);
    cmd.arg(&file);
    cmd.env_clear();
    let home = sb.home().display().to_string();
    for (k, v) in [
        ("HOME", home.as_str()),
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C.UTF-8"),
        ("TERM", "xterm-256color"),
        ("PATH", "/usr/bin:/bin"),
    ] {
        cmd.env(k, v);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let fd = pair.master.as_raw_fd().unwrap();
    let mut seen = Vec::new();
    let wait_for = |want: &str, seen: &mut Vec<u8>| {
        let start = Instant::now();
        let nz = |n| std::num::NonZeroU16::new(n).unwrap();
        let mut screen = vt100::Parser::new(nz(24), nz(80), 0);
        loop {
            let mut p = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: a valid pollfd; the buffer outlives the read.
            if unsafe { libc::poll(&mut p, 1, 50) } > 0 {
                let mut buf = [0u8; 8192];
                let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
                if n > 0 {
                    seen.extend_from_slice(&buf[..n as usize]);
                }
            }
            screen.process(seen);
            if screen.screen().contents().contains(want) {
                return;
            }
            assert!(
                start.elapsed() < harness::TIMEOUT,
                "timed out waiting for {want:?}:\n{}",
                screen.screen().contents()
            );
        }
    };
    let send = |keys: &str| {
        // SAFETY: writes the bytes of a live string to the open master.
        let n = unsafe { libc::write(fd, keys.as_ptr().cast(), keys.len()) };
        assert_eq!(n, keys.len() as isize);
    };
    wait_for("Stages", &mut seen);
    send("\t");
    wait_for("G1", &mut seen);
    send("\t");
    wait_for("Strengths", &mut seen);
    send("a");
    wait_for("Add to Strengths", &mut seen);
    send("window closed");
    wait_for("window closed", &mut seen);

    // The window closes.
    drop(pair.master);
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > harness::TIMEOUT {
            let _ = child.kill();
            panic!("wethi is still running after its terminal closed");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let kept = fs::read_to_string(draft_of(&file)).expect("a draft beside the session");
    assert!(kept.contains("window closed"), "{kept}");
    assert!(strengths(&file).is_empty(), "nothing uncommitted was saved");
}

#[test]
fn a_session_file_replaced_by_a_folder_shows_not_saved_and_saving_resumes() {
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Folder", 100, 24);
    tui.tab_to_swot();
    tui.wait_text("[s] Strengths");
    // Something puts a folder (with a file in it) where the session was.
    let moved = sb.home().join("moved.json");
    fs::rename(&file, &moved).unwrap();
    fs::create_dir(&file).unwrap();
    fs::write(file.join("keep.txt"), "keep").unwrap();
    // Strengths has the focus already: a second letter sent at once
    // would arrive with the first, as a burst of text.
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send("ยังอยู่ในหน่วยความจำ");
    tui.send(ENTER);
    let header = tui.wait_region("NOT SAVED in the header", (0, 0, 1, 100), |h| {
        h.contains("NOT SAVED")
    });
    assert!(
        header.contains("NOT SAVED:"),
        "the reason follows: {header}"
    );
    tui.wait_text("ยังอยู่ในหน่วยความจำ");
    assert_eq!(fs::read_to_string(file.join("keep.txt")).unwrap(), "keep");
    // The folder goes away: the next pass of the loop saves without a key.
    fs::remove_dir_all(&file).unwrap();
    tui.wait_region("saved in the header", (0, 0, 1, 100), |h| {
        h.contains("✓ saved")
    });
    assert_eq!(strengths(&file), ["ยังอยู่ในหน่วยความจำ"]);
    tui.send("q");
    assert_clean_exit(&mut tui, "folder");
}

#[test]
fn a_signal_while_not_saved_saves_the_work_to_the_temporary_folder() {
    let sb = Sandbox::new();
    let (mut tui, file) = sb.start_new("Rescue", 100, 24);
    make_unsaved(&sb, &mut tui, "ต้องไม่หาย");
    tui.send("a");
    tui.wait_text("Add to Strengths");
    tui.send("ยังพิมพ์อยู่");
    tui.wait_text("ยังพิมพ์อยู่");
    signal(&tui, libc::SIGTERM);
    assert_eq!(tui.wait_exit(), 0);
    let rescued = sb.home().join("tmp").join(file.file_name().unwrap());
    assert_eq!(strengths(&rescued), ["ต้องไม่หาย"], "the committed work");
    let kept = fs::read_to_string(draft_of(&rescued)).expect("the draft beside it");
    assert!(kept.contains("ยังพิมพ์อยู่"), "{kept}");
    // The way back is printed once the terminal is given back.
    let raw = String::from_utf8_lossy(&tui.raw_output()).into_owned();
    let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
    assert!(
        squeeze(&raw[left..]).contains(&squeeze(&rescued.display().to_string())),
        "the path of the rescued work is printed after the screen closes"
    );
}

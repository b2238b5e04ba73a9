//! A pseudo-terminal harness for the end-to-end tests: `wethi` runs in a
//! real pty, a reader thread feeds everything it prints into a vt100 screen
//! (and keeps the raw bytes), and the tests type keys and poll the screen or
//! the saved file. Nothing here sleeps for a fixed time: every wait polls for
//! what it expects, with a generous timeout for busy CI machines.

// Each test uses a different subset of these helpers.
#![allow(dead_code)]

use std::fs;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use serde_json::Value;
use tempfile::TempDir;

/// How long any one wait may take before the test fails.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How often the screen (or a file) is looked at while waiting.
const POLL: Duration = Duration::from_millis(10);

pub const ENTER: &str = "\r";
pub const ESC: &str = "\x1b";
pub const TAB: &str = "\t";
pub const SHIFT_TAB: &str = "\x1b[Z";
pub const UP: &str = "\x1b[A";
pub const DOWN: &str = "\x1b[B";
pub const RIGHT: &str = "\x1b[C";
pub const LEFT: &str = "\x1b[D";
pub const F2: &str = "\x1bOQ";
pub const CTRL_R: &str = "\x12";

/// A bracketed paste of `text`, as a terminal sends it.
pub fn paste(text: &str) -> String {
    format!("\x1b[200~{text}\x1b[201~")
}

/// Text with every kind of whitespace removed: Thai has no spaces between
/// words, and the terminal may give a mark a cell of its own, so comparing
/// without spaces is the robust way to find a Thai phrase on screen.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A temporary home folder and data folder for one test.
pub struct Sandbox {
    pub home: TempDir,
    pub data: PathBuf,
}

impl Sandbox {
    pub fn new() -> Self {
        let home = tempfile::tempdir().expect("a temporary home folder");
        let data = home.path().join("data");
        fs::create_dir_all(&data).expect("the data folder can be made");
        fs::create_dir_all(home.path().join("tmp")).expect("a temporary folder can be made");
        Sandbox { home, data }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The environment every run gets: nothing inherited but what is set here.
    fn env(&self, locale: &str) -> Vec<(String, String)> {
        let home = self.home().display().to_string();
        vec![
            ("HOME".into(), home.clone()),
            ("XDG_DATA_HOME".into(), format!("{home}/xdg-data")),
            ("XDG_CONFIG_HOME".into(), format!("{home}/xdg-config")),
            ("LANG".into(), locale.into()),
            ("LC_ALL".into(), locale.into()),
            ("TERM".into(), "xterm-256color".into()),
            ("PATH".into(), "/usr/bin:/bin".into()),
            ("TMPDIR".into(), format!("{home}/tmp")),
        ]
    }

    /// `wethi --data-dir DATA ARGS…` in a pty of `cols`×`rows`.
    pub fn spawn(&self, locale: &str, args: &[&str], cols: u16, rows: u16) -> Tui {
        let mut all = vec!["--data-dir".to_owned(), self.data.display().to_string()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        Tui::spawn(&all, &self.env(locale), self.home(), cols, rows)
    }

    /// [`Sandbox::spawn`] with `extra` variables added to the environment.
    pub fn spawn_with_env(
        &self,
        locale: &str,
        extra: &[(&str, &str)],
        args: &[&str],
        cols: u16,
        rows: u16,
    ) -> Tui {
        let mut all = vec!["--data-dir".to_owned(), self.data.display().to_string()];
        all.extend(args.iter().map(|a| (*a).to_owned()));
        let mut env = self.env(locale);
        env.extend(
            extra
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
        );
        Tui::spawn(&all, &env, self.home(), cols, rows)
    }

    /// `wethi --lang en new --title TITLE` in a C.UTF-8 pty of `cols`×`rows`.
    pub fn spawn_new(&self, title: &str, cols: u16, rows: u16) -> Tui {
        self.spawn(
            "C.UTF-8",
            &["--lang", "en", "new", "--title", title],
            cols,
            rows,
        )
    }

    /// [`Sandbox::spawn_new`], once the agenda shows its stages; with the
    /// one session file it saves to.
    pub fn start_new(&self, title: &str, cols: u16, rows: u16) -> (Tui, PathBuf) {
        let mut tui = self.spawn_new(title, cols, rows);
        tui.wait_text("Stages");
        (tui, self.wait_single_session())
    }

    /// `wethi --lang en COMMAND FILE` (`open` or `view`) in a C.UTF-8 pty
    /// of `cols`×`rows`.
    pub fn spawn_file(&self, command: &str, file: &Path, cols: u16, rows: u16) -> Tui {
        let path = file.display().to_string();
        self.spawn("C.UTF-8", &["--lang", "en", command, &path], cols, rows)
    }

    /// `wethi --data-dir DATA ARGS…` without a terminal; returns stdout.
    pub fn run(&self, args: &[&str]) -> String {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_wethi"))
            .arg("--data-dir")
            .arg(&self.data)
            .args(args)
            .env_clear()
            .envs(self.env("C.UTF-8"))
            .current_dir(self.home())
            .output()
            .expect("wethi runs");
        assert!(
            out.status.success(),
            "wethi {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// The session files in the data folder (not locks, temporaries or backups).
    pub fn session_files(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(&self.data)
            .expect("the data folder is readable")
            .map(|e| e.expect("a readable entry").path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        files.sort();
        files
    }

    /// The one session file in the data folder, waiting for it to appear.
    pub fn wait_single_session(&self) -> PathBuf {
        let start = Instant::now();
        loop {
            let files = self.session_files();
            match files.len() {
                1 => return files[0].clone(),
                0 if start.elapsed() < TIMEOUT => std::thread::sleep(POLL),
                _ => panic!(
                    "expected exactly one session file in {}, found {files:?}",
                    self.data.display()
                ),
            }
        }
    }
}

/// The session file as JSON; panics with the text when it is not JSON.
pub fn read_json(path: &Path) -> Value {
    let text = fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} is not readable: {e}", path.display()));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{} is not valid JSON ({e}):\n{text}", path.display()))
}

/// Polls the saved file until `check` passes (returns `Ok`), or fails the
/// test with the last reason and the file's content.
pub fn wait_for_file<T>(
    path: &Path,
    what: &str,
    mut check: impl FnMut(&Value) -> Result<T, String>,
) -> T {
    let start = Instant::now();
    loop {
        let last = match fs::read_to_string(path) {
            Ok(text) => match serde_json::from_str::<Value>(&text) {
                Ok(json) => match check(&json) {
                    Ok(found) => return found,
                    Err(why) => why,
                },
                Err(e) => format!("not valid JSON: {e}"),
            },
            Err(e) => format!("not readable: {e}"),
        };
        if start.elapsed() > TIMEOUT {
            panic!(
                "timed out after {TIMEOUT:?} waiting for {} to hold {what}: {last}\n{}",
                path.display(),
                fs::read_to_string(path).unwrap_or_default()
            );
        }
        std::thread::sleep(POLL);
    }
}

/// The texts and votes of one SWOT quadrant of a saved session.
pub fn quadrant(json: &Value, name: &str) -> Vec<(String, u64)> {
    json["swot"][name]
        .as_array()
        .unwrap_or_else(|| panic!("swot.{name} is not a list"))
        .iter()
        .map(|item| {
            (
                item["text"].as_str().unwrap_or_default().to_owned(),
                item["votes"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// The texts of a list of notes.
pub fn note_texts(notes: &Value) -> Vec<String> {
    notes
        .as_array()
        .map(|list| {
            list.iter()
                .map(|n| n["text"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// One `wethi` in a pseudo-terminal.
pub struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    reader_done: Arc<AtomicBool>,
    reader: Option<JoinHandle<()>>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    exited: Option<portable_pty::ExitStatus>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a terminal size is at least 1×1")
}

impl Tui {
    fn spawn(args: &[String], env: &[(String, String)], cwd: &Path, cols: u16, rows: u16) -> Tui {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty can be opened");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_wethi"));
        cmd.args(args);
        cmd.env_clear();
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(cwd);
        let child = pair.slave.spawn_command(cmd).expect("wethi starts");
        // Only the child holds the terminal side now, so reading ends when it exits.
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(rows), nz(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let reader_done = Arc::new(AtomicBool::new(false));
        let mut reader = pair.master.try_clone_reader().expect("a pty reader");
        let thread = {
            let (parser, raw, done) = (parser.clone(), raw.clone(), reader_done.clone());
            std::thread::spawn(move || {
                let mut buf = [0u8; 16 * 1024];
                loop {
                    match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => {
                            raw.lock().unwrap().extend_from_slice(&buf[..n]);
                            parser.lock().unwrap().process(&buf[..n]);
                        }
                    }
                }
                done.store(true, Ordering::SeqCst);
            })
        };
        let writer = pair.master.take_writer().expect("a pty writer");
        Tui {
            parser,
            raw,
            reader_done,
            reader: Some(thread),
            writer,
            master: pair.master,
            child,
            exited: None,
        }
    }

    /// Types `keys` (raw bytes, as a terminal sends them).
    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .and_then(|()| self.writer.flush())
            .expect("keys reach the pty");
    }

    /// From the agenda: Tab to the guidance (waiting for G1), Tab again to
    /// the SWOT board.
    pub fn tab_to_swot(&mut self) {
        self.send(TAB);
        self.wait_text("G1");
        self.send(TAB);
        // Wait for the whole board: a caller that reads which pane has focus
        // before the board is drawn would send a focus key it does not need,
        // and that key and the next could arrive together as a burst of text.
        self.wait_for("the SWOT board", |s| {
            ["[s]", "[w]", "[o]", "[t]"].iter().all(|p| s.contains(p))
        });
    }

    fn parser(&self) -> MutexGuard<'_, vt100::Parser> {
        self.parser.lock().unwrap()
    }

    /// The whole screen as text, one line per row.
    pub fn screen(&self) -> String {
        self.parser().screen().contents()
    }

    /// The text of a rectangle of the screen, one line per row.
    pub fn region(&self, top: u16, left: u16, height: u16, width: u16) -> String {
        let parser = self.parser();
        let rows: Vec<String> = parser
            .screen()
            .rows(left, width)
            .skip(usize::from(top))
            .take(usize::from(height))
            .collect();
        rows.join("\n")
    }

    /// One row of the screen.
    pub fn row(&self, row: u16) -> String {
        let parser = self.parser();
        let (_, cols) = parser.screen().size();
        parser
            .screen()
            .rows(0, cols.get())
            .nth(usize::from(row))
            .unwrap_or_default()
    }

    pub fn size(&self) -> (u16, u16) {
        let (rows, cols) = self.parser().screen().size();
        (rows.get(), cols.get())
    }

    /// Polls the screen until `pred` holds; returns the screen then.
    pub fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > TIMEOUT {
                let exited = self.child.try_wait().ok().flatten();
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; process exit: {exited:?}; \
                     the screen:\n{screen}"
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the screen, without whitespace, contains `text` (also
    /// without whitespace).
    pub fn wait_text(&mut self, text: &str) -> String {
        let want = squeeze(text);
        self.wait_for(&format!("{text:?} on screen"), |s| {
            squeeze(s).contains(&want)
        })
    }

    /// Waits until the whole screen holds every one of `texts` (whitespace ignored).
    pub fn wait_texts(&mut self, texts: &[&str]) -> String {
        let want: Vec<String> = texts.iter().map(|t| squeeze(t)).collect();
        self.wait_for(&format!("{texts:?} on screen"), |s| {
            let s = squeeze(s);
            want.iter().all(|w| s.contains(w))
        })
    }

    /// Waits until a rectangle of the screen satisfies `pred`.
    pub fn wait_region(
        &mut self,
        what: &str,
        (top, left, height, width): (u16, u16, u16, u16),
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let start = Instant::now();
        loop {
            let text = self.region(top, left, height, width);
            if pred(&text) {
                return text;
            }
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the region:\n{text}\n\
                     the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Resizes the terminal, as a user dragging the window does.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        // The screen model first, so what arrives after the resize lands on it.
        self.parser().screen_mut().set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty can be resized");
    }

    /// Whether the terminal is in raw mode (no line editing, no echo), as
    /// the kernel sees it. `None` where that cannot be asked.
    pub fn raw_mode(&self) -> Option<bool> {
        #[cfg(target_os = "linux")]
        {
            const ICANON: u32 = 0o2;
            const ECHO: u32 = 0o10;
            let flags = u64::from(self.master.get_termios()?.local_flags.bits());
            let cooked = u64::from(ICANON | ECHO);
            Some(flags & cooked == 0)
        }
        #[cfg(not(target_os = "linux"))]
        {
            None
        }
    }

    /// Waits for the process to end; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = &self.exited {
                break status.clone();
            }
            match self.child.try_wait().expect("the child can be waited for") {
                Some(status) => {
                    self.exited = Some(status.clone());
                    break status;
                }
                None if start.elapsed() > TIMEOUT => panic!(
                    "wethi did not exit within {TIMEOUT:?}; the screen:\n{}",
                    self.screen()
                ),
                None => std::thread::sleep(POLL),
            }
        };
        // Everything the program printed before exiting is read by now.
        while !self.reader_done.load(Ordering::SeqCst) && start.elapsed() < TIMEOUT {
            std::thread::sleep(POLL);
        }
        if let Some(t) = self.reader.take().filter(|t| t.is_finished()) {
            t.join().expect("the reader thread ends cleanly");
        }
        status.exit_code()
    }

    /// Ends the process abruptly (SIGHUP, then SIGKILL), as a closed
    /// terminal window or a crash would: no destructors run.
    pub fn kill(&mut self) {
        self.child.kill().expect("the child can be signalled");
        let status = self.child.wait().expect("the child can be waited for");
        self.exited = Some(status);
    }

    /// The process id, to send it a signal as `kill` or a closing
    /// terminal window would.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("the child has a process id")
    }

    /// Whether the process has ended already (without waiting).
    pub fn has_exited(&mut self) -> bool {
        if self.exited.is_none() {
            self.exited = self.child.try_wait().expect("the child can be polled");
        }
        self.exited.is_some()
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw_output(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        // A failed test must not leave its own wethi running.
        if !self.has_exited() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The bytes without CSI escape sequences (`ESC [ params final`).
fn strip_csi(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == 0x1b && bytes.get(i + 1) == Some(&b'[') {
            i += 2;
            while i < bytes.len() && !(0x40..=0x7e).contains(&bytes[i]) {
                i += 1;
            }
            i += 1;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The terminal was given back: after the last frame the program left the
/// alternate screen and turned off bracketed paste and every mouse mode it
/// turned on, and printed nothing after leaving the alternate screen but
/// escape sequences (such as showing the cursor).
pub fn assert_terminal_restored(raw: &[u8]) {
    let show = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let tail = &raw[raw.len().saturating_sub(300)..];
    for (on, off) in [
        ("\x1b[?1049h", "\x1b[?1049l"),
        ("\x1b[?2004h", "\x1b[?2004l"),
        ("\x1b[?1000h", "\x1b[?1000l"),
        ("\x1b[?1002h", "\x1b[?1002l"),
        ("\x1b[?1003h", "\x1b[?1003l"),
        ("\x1b[?1006h", "\x1b[?1006l"),
    ] {
        let enabled = rfind(raw, on.as_bytes())
            .unwrap_or_else(|| panic!("the program never sent {on:?}; tail: {:?}", show(tail)));
        let disabled = rfind(raw, off.as_bytes()).unwrap_or_else(|| {
            panic!(
                "the program never sent {off:?} on exit; tail: {:?}",
                show(tail)
            )
        });
        assert!(
            disabled > enabled,
            "{off:?} is not sent after the last {on:?}; tail: {:?}",
            show(tail)
        );
    }
    let left = rfind(raw, b"\x1b[?1049l").expect("checked above");
    let after = strip_csi(&raw[left + "\x1b[?1049l".len()..]);
    assert!(
        after.iter().all(|b| b.is_ascii_whitespace()),
        "the program printed after leaving the alternate screen: {:?}",
        show(&after)
    );
    // The restoring sequences come after the last drawing, at the very end.
    let mouse_off = rfind(raw, b"\x1b[?1000l").expect("checked above");
    let paste_off = rfind(raw, b"\x1b[?2004l").expect("checked above");
    for (name, at) in [("mouse", mouse_off), ("paste", paste_off)] {
        let rest = strip_csi(&raw[at..]);
        assert!(
            rest.iter().all(|b| b.is_ascii_whitespace()),
            "text was drawn after turning {name} off: {:?}",
            show(&rest)
        );
    }
}

impl Tui {
    /// The text of a row's bold cells from column `from` on, whitespace
    /// squeezed out: what a view draws in bold is what has the focus.
    pub fn bold_text(&self, row: u16, from: u16) -> String {
        let parser = self.parser();
        let (_, cols) = parser.screen().size();
        let text: String = (from..cols.get())
            .filter_map(|col| parser.screen().cell(row, col))
            .filter(|cell| cell.bold())
            .map(|cell| cell.contents().to_owned())
            .collect();
        squeeze(&text)
    }

    /// Where the terminal's cursor is: (row, column).
    pub fn cursor(&self) -> (u16, u16) {
        self.parser().screen().cursor_position()
    }

    /// Polls until `pred` holds of the terminal (its screen, cursor, cells).
    pub fn wait_until(&mut self, what: &str, pred: impl Fn(&Tui) -> bool) {
        let start = Instant::now();
        while !pred(self) {
            if start.elapsed() > TIMEOUT {
                panic!(
                    "timed out after {TIMEOUT:?} waiting for {what}; the screen:\n{}",
                    self.screen()
                );
            }
            std::thread::sleep(POLL);
        }
    }

    /// Whether the open form's field labelled `label` has the focus: its
    /// label is the one drawn in bold inside the form's double border.
    pub fn focused_field(&self, label: &str) -> bool {
        let want = squeeze(label);
        let (rows, cols) = self.size();
        (0..rows).any(|r| {
            (0..cols)
                .find(|&c| self.cell(r, c) == "║")
                .is_some_and(|c| self.bold_text(r, c + 1).starts_with(&want))
        })
    }

    /// Tabs through the open form to the field labelled `label`, as a
    /// facilitator would: a test names the field, never counts Tabs.
    pub fn tab_to_field(&mut self, label: &str) {
        for _ in 0..40 {
            if self.focused_field(label) {
                return;
            }
            let before = (self.cursor(), self.screen());
            self.send(TAB);
            // The cursor goes with the focus to the next field's row, or the
            // form scrolls under a cursor that stays on its row.
            self.wait_until("the focus to move", |t| (t.cursor(), t.screen()) != before);
        }
        panic!("no field labelled {label:?} in:\n{}", self.screen());
    }

    /// The text of one cell (a character and the marks stored with it).
    pub fn cell(&self, row: u16, col: u16) -> String {
        self.parser()
            .screen()
            .cell(row, col)
            .map(|c| c.contents().to_owned())
            .unwrap_or_default()
    }
}

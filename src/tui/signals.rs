//! Being asked to end from outside: SIGTERM, SIGHUP (the terminal window
//! closed) and SIGINT on Unix (`signals/unix.rs`); on Windows the console's
//! own events, Ctrl-Break, the window closing, logging off
//! (`signals/windows.rs`). A handler only records which arrived; the event
//! loop, which wakes at least every tick, notices it, keeps the typed text
//! as a draft, gives the terminal back and ends normally. (Ctrl-C typed at
//! the keyboard is a key in raw mode, not a signal, on both.)

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// What asked the program to end, 0 for nothing: the signal's number on
/// Unix; on Windows the number of the Unix signal the console event stands
/// for (`signals/windows.rs`).
static RECEIVED: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Installs the handlers once per process. Failing to install them is no
/// reason to refuse to run: the program then ends as it did before.
pub fn install() {
    let mut first = false;
    let flag = RECEIVED.get_or_init(|| {
        first = true;
        Arc::new(AtomicUsize::new(0))
    });
    if first {
        os::install(flag);
    }
}

/// A line to print once the terminal is given back (where rescued work went).
static EXIT_NOTE: Mutex<Option<String>> = Mutex::new(None);

pub fn set_exit_note(note: String) {
    if let Ok(mut slot) = EXIT_NOTE.lock() {
        *slot = Some(note);
    }
}

pub fn take_exit_note() -> Option<String> {
    EXIT_NOTE.lock().ok().and_then(|mut slot| slot.take())
}

/// A file in the temporary folder, named like `session`, that does not
/// exist yet: where work that cannot be saved in place goes when a signal
/// ends the program.
pub fn rescue_path(session: &Path) -> PathBuf {
    let dir = std::env::temp_dir();
    let stem = session
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let mut candidate = dir.join(format!("{stem}.json"));
    let mut n = 2;
    while candidate.exists() || candidate.is_symlink() {
        candidate = dir.join(format!("{stem}-{n}.json"));
        n += 1;
    }
    candidate
}

/// Records `signal` as what asked the program to end, unless something
/// already did.
fn record(signal: usize) {
    if let Some(flag) = RECEIVED.get() {
        let _ = flag.compare_exchange(0, signal, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// The signal that asked the program to end, if one did.
pub fn received() -> Option<i32> {
    let n = RECEIVED.get()?.load(Ordering::SeqCst);
    (n != 0).then(|| i32::try_from(n).unwrap_or(i32::MAX))
}

/// Waits up to `timeout` for a terminal event, like crossterm's `poll`,
/// but returns at once, with no event, once the program was asked to end.
/// On Unix a terminal that has hung up is never handed to crossterm
/// (`signals/unix.rs`).
pub fn poll(timeout: Duration) -> io::Result<bool> {
    os::poll(timeout)
}

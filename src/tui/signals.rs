//! SIGTERM, SIGHUP (the terminal window closed) and SIGINT sent from
//! outside: a handler only records which arrived; the event loop, which
//! wakes at least every tick, notices it, keeps the typed text as a draft,
//! gives the terminal back and ends normally. (Ctrl-C typed at the
//! keyboard is a key in raw mode, not a signal.)

use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use ratatui::crossterm::event;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

/// The number of the last signal received, 0 for none.
static RECEIVED: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// Installs the handlers once per process. Failing to install them is no
/// reason to refuse to run: the program then ends as it did before.
pub fn install() {
    RECEIVED.get_or_init(|| {
        let flag = Arc::new(AtomicUsize::new(0));
        for signal in [SIGTERM, SIGHUP, SIGINT] {
            // The value stored is the signal's own number (all positive).
            let _ = signal_hook::flag::register_usize(signal, flag.clone(), signal as usize);
        }
        flag
    });
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

/// The terminal went away (its window closed) without a signal saying so:
/// treated as the SIGHUP it stands for.
pub fn note_hangup() {
    if let Some(flag) = RECEIVED.get() {
        let _ = flag.compare_exchange(0, SIGHUP as usize, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// The signal that asked the program to end, if one did.
pub fn received() -> Option<i32> {
    let n = RECEIVED.get()?.load(Ordering::SeqCst);
    (n != 0).then(|| i32::try_from(n).unwrap_or(SIGTERM))
}

/// Waits up to `timeout` for a terminal event, like crossterm's `poll`,
/// but never hands crossterm a terminal that has hung up: crossterm 0.29
/// reads a closed terminal in an endless loop (each read returns 0 bytes),
/// so a closed window would leave wethi spinning forever. A hangup found
/// here counts as SIGHUP, and the loop ends as for one.
pub fn poll(timeout: Duration) -> io::Result<bool> {
    use std::io::IsTerminal;
    // Asked once: every key passes here twice, and the answer never changes.
    static STDIN_IS_TERMINAL: OnceLock<bool> = OnceLock::new();
    if !*STDIN_IS_TERMINAL.get_or_init(|| io::stdin().is_terminal()) {
        // crossterm reads /dev/tty then, not standard input.
        return event::poll(timeout);
    }
    // After SIGHUP the terminal may be gone even before poll reports it:
    // crossterm must not read it then, and the loop ends on the signal.
    if received().is_some() || hung_up(Duration::ZERO)? {
        return Ok(false);
    }
    // Events crossterm has read already but not handed out come first.
    if event::poll(Duration::ZERO)? {
        return Ok(true);
    }
    // Wakes on input, a hangup, a signal (a resize among them) or the timeout.
    // A signal interrupts the wait, and the window closing sends SIGHUP.
    if hung_up(timeout)? || received().is_some() {
        return Ok(false);
    }
    event::poll(Duration::ZERO)
}

/// Waits up to `timeout` on standard input; true (and the hangup noted)
/// when the terminal is gone.
fn hung_up(timeout: Duration) -> io::Result<bool> {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one valid pollfd, and its count, for the duration of the call.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    if n < 0 {
        let e = io::Error::last_os_error();
        return match e.kind() {
            io::ErrorKind::Interrupted => Ok(false),
            _ => Err(e),
        };
    }
    let gone = fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
    if gone {
        note_hangup();
    }
    Ok(gone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signal_is_recorded_not_fatal() {
        install();
        assert_eq!(received(), None);
        signal_hook::low_level::raise(SIGHUP).unwrap();
        assert_eq!(received(), Some(SIGHUP));
    }
}

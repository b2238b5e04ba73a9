//! Unix: SIGTERM, SIGHUP and SIGINT recorded by signal-hook, and a closed
//! terminal noticed before crossterm is asked to read it.

use std::io;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use ratatui::crossterm::event;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use super::{received, record};

pub(super) fn install(flag: &Arc<AtomicUsize>) {
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        // The value stored is the signal's own number (all positive).
        let _ = signal_hook::flag::register_usize(signal, flag.clone(), signal as usize);
    }
}

/// The terminal went away (its window closed) without a signal saying so:
/// treated as the SIGHUP it stands for.
fn note_hangup() {
    record(SIGHUP as usize);
}

/// Never hands crossterm a terminal that has hung up: crossterm 0.29
/// reads a closed terminal in an endless loop (each read returns 0 bytes),
/// so a closed window would leave wethi spinning forever. A hangup found
/// here counts as SIGHUP, and the loop ends as for one.
pub(super) fn poll(timeout: Duration) -> io::Result<bool> {
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
#[cfg(target_os = "linux")]
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
        return interrupted_or(io::Error::last_os_error());
    }
    let gone = fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0;
    if gone {
        note_hangup();
    }
    Ok(gone)
}

/// Waits up to `timeout` on standard input; true (and the hangup noted)
/// when the terminal is gone.
///
/// macOS's poll(2) does not support terminals (it answers POLLNVAL at
/// once), so here the wait is select(2), which reports a closed terminal
/// as readable: readable with nothing to read (raw mode returns every byte
/// as it comes) is a hangup.
#[cfg(not(target_os = "linux"))]
fn hung_up(timeout: Duration) -> io::Result<bool> {
    let fd = libc::STDIN_FILENO;
    // SAFETY: an fd_set is plain data; FD_ZERO and FD_SET fill it in, and
    // standard input is below FD_SETSIZE.
    let mut readable: libc::fd_set = unsafe { std::mem::zeroed() };
    unsafe {
        libc::FD_ZERO(&mut readable);
        libc::FD_SET(fd, &mut readable);
    }
    let mut wait = libc::timeval {
        tv_sec: libc::time_t::try_from(timeout.as_secs()).unwrap_or(libc::time_t::MAX),
        tv_usec: libc::suseconds_t::try_from(timeout.subsec_micros()).unwrap_or(0),
    };
    // SAFETY: the set and the time live through the call; the other sets may be null.
    let n = unsafe {
        libc::select(
            fd + 1,
            &mut readable,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            &mut wait,
        )
    };
    if n < 0 {
        return interrupted_or(io::Error::last_os_error());
    }
    if n == 0 {
        return Ok(false);
    }
    let mut waiting: libc::c_int = 0;
    // SAFETY: FIONREAD writes one c_int, the number of bytes waiting.
    let asked = unsafe { libc::ioctl(fd, libc::FIONREAD, &mut waiting) };
    let gone = asked != 0 || waiting == 0;
    if gone {
        note_hangup();
    }
    Ok(gone)
}

/// A wait a signal interrupted found nothing; any other error is one.
fn interrupted_or(e: io::Error) -> io::Result<bool> {
    match e.kind() {
        io::ErrorKind::Interrupted => Ok(false),
        _ => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::super::install;
    use super::*;

    #[test]
    fn a_signal_is_recorded_not_fatal() {
        install();
        assert_eq!(received(), None);
        signal_hook::low_level::raise(SIGHUP).unwrap();
        assert_eq!(received(), Some(SIGHUP));
    }
}

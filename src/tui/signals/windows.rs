//! Windows: the console's events stand for Unix's signals. Ctrl-Break ends
//! the program as SIGTERM does, Ctrl-C outside raw mode as SIGINT; the
//! console window closing, logging off and shutting down as SIGHUP.
//! crossterm reads the console itself, so no closed terminal needs
//! watching: Windows ends the process soon after the window closes.

use std::io;
use std::sync::Arc;
use std::sync::atomic::AtomicUsize;
use std::time::Duration;

use ratatui::crossterm::event;
use windows_sys::Win32::Foundation::{FALSE, TRUE};
use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};
use windows_sys::core::BOOL;

use super::{received, record};

/// Unix's numbers for what each console event means, so `received` reads
/// the same on every system.
const SIGHUP: usize = 1;
const SIGINT: usize = 2;
const SIGTERM: usize = 15;

pub(super) fn install(_flag: &Arc<AtomicUsize>) {
    // SAFETY: registers a handler function that lives as long as the program.
    unsafe {
        SetConsoleCtrlHandler(Some(on_console_event), TRUE);
    }
}

/// Runs on a thread of its own that Windows starts for each event.
unsafe extern "system" fn on_console_event(event: u32) -> BOOL {
    let signal = match event {
        CTRL_C_EVENT => SIGINT,
        CTRL_BREAK_EVENT => SIGTERM,
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => SIGHUP,
        _ => return FALSE,
    };
    record(signal);
    if signal == SIGHUP {
        // Windows ends the process as soon as this returns (or 5 seconds
        // after the window closed). Waiting here gives the loop, which
        // wakes every half second, the time to keep the typed text as a
        // draft and end the program itself.
        std::thread::sleep(Duration::from_secs(10));
    }
    TRUE
}

/// crossterm's own wait, after a look at the flag.
pub(super) fn poll(timeout: Duration) -> io::Result<bool> {
    if received().is_some() {
        return Ok(false);
    }
    event::poll(timeout)
}

#[cfg(test)]
mod tests {
    use super::super::install;
    use super::*;

    #[test]
    fn ctrl_break_is_recorded_as_sigterm_not_fatal() {
        install();
        assert_eq!(received(), None);
        // SAFETY: called as Windows calls it; Ctrl-Break only records itself.
        assert_eq!(unsafe { on_console_event(CTRL_BREAK_EVENT) }, TRUE);
        assert_eq!(received(), Some(15));
        // An event it has no meaning for goes on to the next handler.
        assert_eq!(unsafe { on_console_event(99) }, FALSE);
    }
}

//! SIGTERM, SIGHUP (the terminal window closed) and SIGINT sent from
//! outside: a handler only records which arrived; the event loop, which
//! wakes at least every tick, notices it, keeps the typed text as a draft,
//! gives the terminal back and ends normally. (Ctrl-C typed at the
//! keyboard is a key in raw mode, not a signal.)

use std::sync::Arc;
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

/// The signal that asked the program to end, if one did.
pub fn received() -> Option<i32> {
    let n = RECEIVED.get()?.load(Ordering::SeqCst);
    (n != 0).then(|| i32::try_from(n).unwrap_or(SIGTERM))
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

//! Per-key latency in a real pseudo-terminal (README: Performance).
//!
//! Starts each program in a 200×60 pty, waits for its screen to settle,
//! opens its text box, then types characters one at a time (Thai and
//! Latin): each is written to the pty, the time until the first byte of
//! output comes back is recorded, and the output is drained until the
//! program is quiet before the next key. Prints the median and 90th
//! percentile in ms per key and the mean bytes sent per typed character.
//!
//! With no program given it measures, interleaved round by round so the
//! shared machine's load falls on all of them alike: `wethi open` of a
//! 12-item and of a 10,000-item session (`benches/big_session.py`), and
//! vim on a 10,000-line file.
//!
//! ```sh
//! cargo build --release && cargo run --release --example pty_keys -- --rounds 5
//! cargo run --release --example pty_keys -- --wethi /another/build/of/wethi
//! cargo run --release --example pty_keys -- --setup 'i' -- /usr/bin/vim --clean a.txt
//! ```

#[cfg(unix)]
mod unix;

fn main() {
    #[cfg(unix)]
    unix::main();
    #[cfg(not(unix))]
    eprintln!("pty_keys measures in a Unix pseudo-terminal: run it on Linux or macOS.");
}

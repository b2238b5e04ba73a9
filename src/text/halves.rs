//! Work on many texts split in two, the second half on a second thread when
//! there are enough texts to pay for it: wrapping a large board's Thai for
//! printing is where `show --board` spends its time.

/// Below this many texts, a second thread costs more than it saves.
pub const TWO_THREADS_FROM: usize = 512;

/// Whether work on `count` texts takes a second thread.
fn two_threads(count: usize) -> bool {
    count >= TWO_THREADS_FROM
}

/// `work(false)` (the first half) and `work(true)` (the second), the
/// second on a second thread when [`two_threads`]`(count)`, `count` being
/// how many texts the work covers. A thread that could not finish (the
/// work cannot panic on any text, but if it did) leaves its half to this
/// one.
pub fn halves<T: Send>(count: usize, work: impl Fn(bool) -> T + Sync) -> (T, T) {
    if !two_threads(count) {
        return (work(false), work(true));
    }
    std::thread::scope(|scope| {
        let second = scope.spawn(|| work(true));
        let first = work(false);
        let second = second.join().unwrap_or_else(|_| work(true));
        (first, second)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_halves_are_done_on_one_thread_or_two() {
        for count in [0, TWO_THREADS_FROM - 1, TWO_THREADS_FROM, 10_000] {
            let here = std::thread::current().id();
            let (first, second) = halves(count, |second| (second, std::thread::current().id()));
            assert_eq!((first.0, second.0), (false, true));
            assert_eq!(first.1, here);
            assert_eq!(second.1 != here, two_threads(count), "{count}");
        }
    }
}

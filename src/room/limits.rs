//! Per-phone limits: how often a phone may send, and how many votes it has.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

/// Most keys remembered at once; past it the oldest quiet ones are
/// forgotten, so a flood of made-up cookies cannot grow memory without end.
const MAX_KEYS: usize = 10_000;

/// At most `max` events per key in any `window`.
pub struct RateLimiter {
    max: usize,
    window: Duration,
    hits: HashMap<String, VecDeque<Instant>>,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> Self {
        RateLimiter {
            max,
            window,
            hits: HashMap::new(),
        }
    }

    /// Counts an event for every key in `keys` and says whether all of them
    /// were still under the limit; nothing is counted when one is over.
    pub fn allow(&mut self, keys: &[(&str, usize)], now: Instant) -> bool {
        for (key, factor) in keys {
            if let Some(hits) = self.hits.get_mut(*key) {
                while hits
                    .front()
                    .is_some_and(|&t| now.duration_since(t) >= self.window)
                {
                    hits.pop_front();
                }
                if hits.len() >= self.max * factor {
                    return false;
                }
            }
        }
        if self.hits.len() + keys.len() > MAX_KEYS {
            self.forget_quiet(now);
        }
        for (key, _) in keys {
            self.hits
                .entry((*key).to_owned())
                .or_default()
                .push_back(now);
        }
        true
    }

    fn forget_quiet(&mut self, now: Instant) {
        let window = self.window;
        self.hits
            .retain(|_, hits| hits.back().is_some_and(|&t| now.duration_since(t) < window));
        if self.hits.len() >= MAX_KEYS {
            // Everyone is active: start over rather than refuse everyone.
            self.hits.clear();
        }
    }
}

/// Votes cast per phone in the current round.
#[derive(Default)]
pub struct VoteBook {
    round: u32,
    used: HashMap<String, u32>,
}

impl VoteBook {
    /// Votes `phone` has left in `round` with `limit` each.
    pub fn left(&mut self, phone: &str, round: u32, limit: u32) -> u32 {
        self.start(round);
        limit.saturating_sub(self.used.get(phone).copied().unwrap_or(0))
    }

    /// Spends one of `phone`'s votes; `None` when it has none left.
    /// Returns the votes left afterwards.
    pub fn spend(&mut self, phone: &str, round: u32, limit: u32) -> Option<u32> {
        let left = self.left(phone, round, limit);
        if left == 0 {
            return None;
        }
        if self.used.len() >= MAX_KEYS && !self.used.contains_key(phone) {
            return None;
        }
        *self.used.entry(phone.to_owned()).or_default() += 1;
        Some(left - 1)
    }

    fn start(&mut self, round: u32) {
        if round != self.round {
            self.round = round;
            self.used.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limit_per_window() {
        let mut r = RateLimiter::new(3, Duration::from_secs(60));
        let t = Instant::now();
        for _ in 0..3 {
            assert!(r.allow(&[("a", 1)], t));
        }
        assert!(!r.allow(&[("a", 1)], t));
        assert!(r.allow(&[("b", 1)], t));
        assert!(r.allow(&[("a", 1)], t + Duration::from_secs(60)));
    }

    #[test]
    fn a_wider_key_has_a_wider_limit() {
        let mut r = RateLimiter::new(2, Duration::from_secs(60));
        let t = Instant::now();
        // Two phones behind one address: each its own 2, the address 4.
        assert!(r.allow(&[("ip|p1", 1), ("ip", 2)], t));
        assert!(r.allow(&[("ip|p1", 1), ("ip", 2)], t));
        assert!(!r.allow(&[("ip|p1", 1), ("ip", 2)], t));
        assert!(r.allow(&[("ip|p2", 1), ("ip", 2)], t));
        assert!(r.allow(&[("ip|p2", 1), ("ip", 2)], t));
        assert!(!r.allow(&[("ip|p3", 1), ("ip", 2)], t));
    }

    #[test]
    fn many_keys_stay_bounded() {
        let mut r = RateLimiter::new(1, Duration::from_secs(60));
        let t = Instant::now();
        for i in 0..(MAX_KEYS + 10) {
            assert!(r.allow(&[(format!("k{i}").as_str(), 1)], t));
        }
        assert!(r.hits.len() <= MAX_KEYS);
    }

    #[test]
    fn votes_per_phone_and_round() {
        let mut v = VoteBook::default();
        assert_eq!(v.spend("p", 0, 2), Some(1));
        assert_eq!(v.spend("p", 0, 2), Some(0));
        assert_eq!(v.spend("p", 0, 2), None);
        assert_eq!(v.spend("q", 0, 2), Some(1));
        assert_eq!(v.left("p", 1, 2), 2);
    }
}

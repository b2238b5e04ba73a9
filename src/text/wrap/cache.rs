//! The wrap cache drawing code keeps: lines per (text, width), and each
//! text as it is drawn, so unchanged text is not segmented again every frame.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::wrap;
use crate::text::sanitize::for_display;

/// How many (text, width) results a default [`WrapCache`] keeps before it
/// starts over; enough for every entry of a large session at a few widths.
pub const WRAP_CACHE_BOUND: usize = 4096;

type Lines = Rc<[Range<usize>]>;

/// The results for one text, one per width it was wrapped at (few: a pane
/// and perhaps its zoomed form).
type ByWidth = Vec<(usize, Lines)>;

/// Remembers wrapped lines per (text, width) so that drawing code, which only
/// holds `&self`, does not re-segment unchanged text on every frame.
///
/// When it holds more than its bound it is emptied rather than pruned: a
/// redraw refills it with what is on screen, and clearing costs nothing.
#[derive(Debug)]
pub struct WrapCache {
    entries: RefCell<HashMap<Box<str>, ByWidth>>,
    /// Raw text → its sanitised form, so drawing does not re-sanitise
    /// every visible entry on every frame.
    shown: RefCell<HashMap<Box<str>, Rc<str>>>,
    count: Cell<usize>,
    bound: usize,
}

impl WrapCache {
    pub fn new() -> Self {
        Self::with_bound(WRAP_CACHE_BOUND)
    }

    /// A cache that starts over once it holds more than `bound` results.
    pub fn with_bound(bound: usize) -> Self {
        WrapCache {
            entries: RefCell::new(HashMap::new()),
            shown: RefCell::new(HashMap::new()),
            count: Cell::new(0),
            bound,
        }
    }

    /// The same lines as [`wrap`]`(text, width)`, computed once per pair.
    pub fn lines(&self, text: &str, width: usize) -> Rc<[Range<usize>]> {
        if let Some(hit) = self.lookup(text, width) {
            return hit;
        }
        let lines: Lines = wrap(text, width).into();
        self.store(text, width, Rc::clone(&lines));
        lines
    }

    /// `raw` as it is drawn ([`for_display`]), remembered per text.
    pub fn shown(&self, raw: &str) -> Rc<str> {
        if let Some(hit) = self
            .shown
            .try_borrow()
            .ok()
            .and_then(|m| m.get(raw).cloned())
        {
            return hit;
        }
        let shown: Rc<str> = for_display(raw).into();
        if let Ok(mut m) = self.shown.try_borrow_mut() {
            if m.len() >= self.bound {
                m.clear();
            }
            m.insert(raw.into(), Rc::clone(&shown));
        }
        shown
    }

    /// Number of cached (text, width) results.
    pub fn len(&self) -> usize {
        self.count.get()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lookup(&self, text: &str, width: usize) -> Option<Lines> {
        let entries = self.entries.try_borrow().ok()?;
        let per_width = entries.get(text)?;
        per_width
            .iter()
            .find(|(w, _)| *w == width)
            .map(|(_, lines)| Rc::clone(lines))
    }

    /// Skips caching instead of panicking if the map is somehow borrowed.
    fn store(&self, text: &str, width: usize, lines: Lines) {
        let Ok(mut entries) = self.entries.try_borrow_mut() else {
            return;
        };
        if self.count.get() >= self.bound {
            entries.clear();
            self.count.set(0);
        }
        entries.entry(text.into()).or_default().push((width, lines));
        self.count.set(self.count.get() + 1);
    }
}

impl Default for WrapCache {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_returns_the_same_lines() {
        let cache = WrapCache::new();
        let text = "การจัดทำแผนหมู่บ้าน แผนชุมชน";
        let first = cache.lines(text, 12);
        assert_eq!(&*first, wrap(text, 12).as_slice());
        assert!(Rc::ptr_eq(&first, &cache.lines(text, 12)));
        assert_eq!(&*cache.lines(text, 30), wrap(text, 30).as_slice());
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn cache_starts_over_past_its_bound() {
        let cache = WrapCache::with_bound(3);
        for w in 1..=3 {
            cache.lines("abc def", w);
        }
        assert_eq!(cache.len(), 3);
        cache.lines("abc def", 4);
        assert_eq!(cache.len(), 1);
        assert_eq!(&*cache.lines("abc def", 1), wrap("abc def", 1).as_slice());
    }
}

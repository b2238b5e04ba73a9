//! The JSON text of a session file, read for what a parsed `Value` forgets:
//! where a field sits (line and column, for error messages) and keys given
//! twice in one object (serde_json would silently keep the last one).
//!
//! Both work on text serde_json has already accepted as JSON, so the
//! scanner can be small; it never recurses, so no nesting depth can
//! overflow the stack.

use std::borrow::Cow;
use std::collections::HashSet;

/// One step of a field path as `serde_path_to_error` prints it
/// (`swot.strengths[0].votes`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, mut rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key.to_owned()));
        }
        while let Some((n, after)) = rest.split_once(']') {
            match n.parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => return out,
            }
            rest = after.strip_prefix('[').unwrap_or(after);
        }
    }
    out
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Scanner<'a> {
    fn ws(&mut self) {
        while self.i < self.b.len() && self.b[self.i].is_ascii_whitespace() {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    /// At an opening quote: the string's raw text (without quotes), and
    /// the scanner after the closing quote.
    fn raw_string(&mut self) -> Option<&'a [u8]> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.i + 1;
        let mut j = start;
        loop {
            // Most of a session's bytes are inside strings.
            j += memchr::memchr2(b'"', b'\\', self.b.get(j..)?)?;
            if self.b[j] == b'"' {
                self.i = j + 1;
                return Some(&self.b[start..j]);
            }
            j += 2;
        }
    }

    /// Skips one whole value, however deeply nested, without recursion.
    fn skip_value(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            self.ws();
            match self.peek()? {
                b'"' => {
                    self.raw_string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.i += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b',' | b':' => self.i += 1,
                _ => {
                    while self.peek().is_some_and(|c| {
                        !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace()
                    }) {
                        self.i += 1;
                    }
                }
            }
            if depth == 0 {
                // A scalar or a closed container: the value is over unless
                // we are still between a key and its value.
                self.ws();
                if self.peek() != Some(b':') {
                    return Some(());
                }
            }
        }
    }

    /// Inside an object at `{`: moves to the value of `key`.
    fn enter_key(&mut self, key: &str) -> Option<()> {
        self.ws();
        if self.peek()? != b'{' {
            return None;
        }
        self.i += 1;
        loop {
            self.ws();
            let raw = self.raw_string()?;
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            self.ws();
            if decode(raw) == key {
                return Some(());
            }
            self.skip_value()?;
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                _ => return None,
            }
        }
    }

    /// Inside an array at `[`: moves to element `n`.
    fn enter_index(&mut self, n: usize) -> Option<()> {
        self.ws();
        if self.peek()? != b'[' {
            return None;
        }
        self.i += 1;
        for _ in 0..n {
            self.ws();
            self.skip_value()?;
            self.ws();
            match self.peek()? {
                b',' => self.i += 1,
                _ => return None,
            }
        }
        self.ws();
        (self.peek()? != b']').then_some(())
    }
}

/// A key as text; escapes are rare in keys, so most keys are borrowed.
fn decode(raw: &[u8]) -> Cow<'_, str> {
    if !raw.contains(&b'\\') {
        return String::from_utf8_lossy(raw);
    }
    let quoted = format!("\"{}\"", String::from_utf8_lossy(raw));
    serde_json::from_str::<String>(&quoted)
        .map(Cow::Owned)
        .unwrap_or_else(|_| Cow::Owned(String::from_utf8_lossy(raw).into_owned()))
}

/// 1-based line and column (in characters, as editors count) of the value
/// at `path` in `text`; as deep as the path can be followed.
pub fn locate(text: &str, path: &str) -> (usize, usize) {
    let mut s = Scanner {
        b: text.as_bytes(),
        i: 0,
    };
    s.ws();
    let mut found = s.i;
    for step in steps(path) {
        let ok = match &step {
            Step::Key(k) => s.enter_key(k),
            Step::Index(n) => s.enter_index(*n),
        };
        if ok.is_none() {
            break;
        }
        s.ws();
        found = s.i;
    }
    line_column(text, found)
}

/// 1-based line and character column of byte offset `at`.
pub fn line_column(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[start..].chars().count() + 1)
}

/// A key written twice in one object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateKey {
    pub key: String,
    pub line: usize,
    pub column: usize,
}

/// Up to this many keys, an object's keys are compared one by one; past
/// it, a hash set takes over (a session's objects have a handful of keys,
/// a hostile file may hold an object of a million).
const FEW_KEYS: usize = 16;

/// An open container while [`duplicate_key`] scans.
enum Open<'a> {
    Array,
    /// An object whose keys so far are `keys[start..]` of the scan, and,
    /// once it has more than [`FEW_KEYS`], in `set` too.
    Object {
        start: usize,
        set: Option<HashSet<Cow<'a, str>>>,
    },
}

/// The first key that appears twice in the same object, if any.
pub fn duplicate_key(text: &str) -> Option<DuplicateKey> {
    let b = text.as_bytes();
    let mut s = Scanner { b, i: 0 };
    let mut open: Vec<Open<'_>> = Vec::new();
    // The keys of every open object, innermost last: one list for all,
    // so an object costs no allocation of its own.
    let mut keys: Vec<Cow<'_, str>> = Vec::new();
    let mut expect_key = false;
    while s.i < b.len() {
        match b[s.i] {
            b'{' => {
                open.push(Open::Object {
                    start: keys.len(),
                    set: None,
                });
                expect_key = true;
                s.i += 1;
            }
            b'[' => {
                open.push(Open::Array);
                expect_key = false;
                s.i += 1;
            }
            b'}' | b']' => {
                if let Some(Open::Object { start, .. }) = open.pop() {
                    keys.truncate(start);
                }
                expect_key = false;
                s.i += 1;
            }
            b',' => {
                expect_key = matches!(open.last(), Some(Open::Object { .. }));
                s.i += 1;
            }
            b'"' => {
                let at = s.i;
                let raw = s.raw_string()?;
                if expect_key && let Some(Open::Object { start, set }) = open.last_mut() {
                    let key = decode(raw);
                    let mine = &keys[*start..];
                    let seen = match set {
                        Some(set) => !set.insert(key.clone()),
                        None if mine.len() < FEW_KEYS => mine.contains(&key),
                        None => {
                            let mut all: HashSet<Cow<'_, str>> = mine.iter().cloned().collect();
                            let seen = !all.insert(key.clone());
                            *set = Some(all);
                            seen
                        }
                    };
                    if seen {
                        let (line, column) = line_column(text, at);
                        return Some(DuplicateKey {
                            key: key.into_owned(),
                            line,
                            column,
                        });
                    }
                    keys.push(key);
                }
                expect_key = false;
            }
            // Spaces, numbers, literals: on to what matters.
            _ => {
                let rest = &b[s.i..];
                s.i += rest
                    .iter()
                    .position(|c| matches!(c, b'{' | b'}' | b'[' | b']' | b',' | b'"'))
                    .unwrap_or(rest.len());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": {\"x\": [1, {\"y\": \"ข\"}, 3]},\n  \"b\\u0061\": [ [], {\"k\": \"}\\\"\"} , \"ค\" ]\n}";

    #[test]
    fn paths_are_split_into_keys_and_indexes() {
        assert_eq!(
            steps("swot.strengths[10].votes"),
            vec![
                Step::Key("swot".into()),
                Step::Key("strengths".into()),
                Step::Index(10),
                Step::Key("votes".into())
            ]
        );
        assert_eq!(steps("."), vec![]);
        assert_eq!(
            steps("a[1][2]"),
            vec![Step::Key("a".into()), Step::Index(1), Step::Index(2)]
        );
    }

    #[test]
    fn a_path_is_found_at_its_line_and_character_column() {
        assert_eq!(locate(DOC, "a"), (2, 8));
        assert_eq!(locate(DOC, "a.x[1].y"), (2, 24));
        assert_eq!(locate(DOC, "a.x[2]"), (2, 30));
        // An escaped key, strings holding brackets and quotes.
        assert_eq!(locate(DOC, "ba[2]"), (3, 35));
        // As far as it goes: `a.x[9]` does not exist, `a.x` does.
        assert_eq!(locate(DOC, "a.x[9]"), locate(DOC, "a.x"));
        assert_eq!(locate(DOC, "."), (1, 1));
    }

    #[test]
    fn keys_given_twice_are_found_and_others_are_not() {
        assert_eq!(duplicate_key(DOC), None);
        assert_eq!(
            duplicate_key("{\"a\": {\"a\": 1}, \"b\": [{\"a\": 1}, {\"a\": 2}]}"),
            None
        );
        // A value that equals a key is not a key.
        assert_eq!(duplicate_key("{\"a\": \"a\", \"b\": \"a\"}"), None);
        let d =
            duplicate_key("{\n  \"id\": 1,\n  \"x\": {\"id\": 2},\n  \"\\u0069d\": 3\n}").unwrap();
        assert_eq!((d.key.as_str(), d.line, d.column), ("id", 4, 3));
    }

    #[test]
    fn keys_twice_are_found_in_objects_of_any_size() {
        let object = |n: usize, again: Option<usize>| {
            let mut keys: Vec<String> = (0..n)
                .map(|i| format!("\"k{i}\": {{\"k{i}\": 1}}"))
                .collect();
            keys.extend(again.map(|i| format!("\"k{i}\": 2")));
            format!("{{{}}}", keys.join(", "))
        };
        for n in [1, FEW_KEYS - 1, FEW_KEYS, FEW_KEYS + 1, 200] {
            assert_eq!(duplicate_key(&object(n, None)), None, "{n}");
            for i in [0, n / 2, n - 1] {
                let d = duplicate_key(&object(n, Some(i))).expect("found");
                assert_eq!(d.key, format!("k{i}"), "{n}");
            }
        }
        // An inner object's keys are forgotten when it closes.
        assert_eq!(
            duplicate_key("{\"a\": {\"b\": 1}, \"b\": [\"a\"], \"c\": 1}"),
            None
        );
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(duplicate_key(&deep), None);
        assert_eq!(locate(&deep, "[0][0][0]"), (1, 4));
    }
}

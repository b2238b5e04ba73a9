//! Property tests for the Thai-aware text module: wrapping, cursor movement,
//! sanitising and normalising must hold up on any text a user could paste.

mod common;

use common::thai::thai_rule;
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use wethi::text::cursor::{
    delete_cluster_after, delete_code_point_before, next_cluster, next_word, prev_cluster,
    prev_word, snap_to_cluster,
};
use wethi::text::fold::{Folded, fold};
use wethi::text::normalize::{normalize, search_key};
use wethi::text::sanitize::{for_display, is_bidi_control};
use wethi::text::width::str_width;
use wethi::text::wrap::{WrapCache, wrap};

/// Pieces chosen to hit the hard cases: stacked Thai marks, ำ, ZWJ emoji,
/// marks with no base, controls, bidi controls, spaces and newlines.
const ATOMS: &[&str] = &[
    "ก",
    "ท",
    "น",
    "ห",
    "ม",
    "ป",
    "ที่",
    "ที",
    "่",
    "่่",
    "ิ",
    "ั",
    "ุ",
    "ู",
    "็",
    "์",
    "ํ",
    "ำ",
    "ํา",
    "น้ำ",
    "กำ",
    "การ",
    "จัดทำ",
    "แผน",
    "หมู่บ้าน",
    "ประสิทธิภาพ",
    "ๆ",
    "ฯ",
    "๕",
    " ",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{A0}",
    "\u{3000}",
    "a",
    "Z",
    "word",
    "é",
    "e\u{301}",
    "\u{301}",
    "\u{20E3}",
    "日",
    "本",
    "👍",
    "👍🏽",
    "❤\u{FE0F}",
    "\u{FE0F}",
    "\u{200D}",
    "👨\u{200D}👩\u{200D}👧",
    "🇹🇭",
    "\u{1F1E6}",
    "\x1b",
    "\x1b[31m",
    "\x00",
    "\x7f",
    "\u{85}",
    "\u{9b}",
    "\u{202E}",
    "\u{2067}",
    "\u{200E}",
    "\u{200B}",
    "\u{2028}",
    "-",
    ",",
    ".",
    "(",
];

/// Words that start with a letter (no mark), typed well or not.
const WORDS: &[&str] = &[
    "ขาด",
    "งบประมาณ",
    "จัดท\u{0E4D}\u{0E32}",
    "จัดทำ",
    "แผน",
    "ที่",
    "ที",
    "น้ำ",
    "น\u{0E33}\u{0E49}",
    "Roads",
    "roads",
    "café",
    "cafe\u{301}",
    "๕",
    "หมู่",
    "5",
];

fn atom() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(ATOMS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

fn mixed_text() -> impl Strategy<Value = String> {
    prop::collection::vec(atom(), 0..48).prop_map(|parts| parts.concat())
}

fn boundaries(s: &str) -> Vec<usize> {
    s.grapheme_indices(true)
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect()
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_control_or_bidi(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn thai_digits_change_digits_only_and_read_back(text in mixed_text()) {
        use wethi::text::date::{ascii_to_thai_digits, thai_digits_to_ascii};
        let thai = ascii_to_thai_digits(&text);
        prop_assert!(!thai.chars().any(|c| c.is_ascii_digit()), "{thai:?}");
        prop_assert_eq!(thai.chars().count(), text.chars().count());
        prop_assert_eq!(thai_digits_to_ascii(&thai), thai_digits_to_ascii(&text));
        for (a, b) in text.chars().zip(thai.chars()) {
            prop_assert!(a == b || a.is_ascii_digit(), "{a:?} became {b:?}");
        }
    }

    #[test]
    fn wrapped_lines_fit_or_hold_one_overwide_cluster(text in mixed_text(), width in 1usize..=200) {
        for r in wrap(&text, width) {
            let line = &text[r];
            let single_cluster = line.graphemes(true).count() == 1;
            prop_assert!(
                str_width(line) <= width || single_cluster,
                "line {line:?} is {} wide at width {width}", str_width(line)
            );
        }
    }

    #[test]
    fn wrapped_lines_never_split_a_cluster(text in mixed_text(), width in 1usize..=200) {
        let bounds = boundaries(&text);
        let lines = wrap(&text, width);
        prop_assert!(!lines.is_empty());
        let mut previous_end = 0;
        for r in lines {
            prop_assert!(r.start <= r.end && previous_end <= r.start, "{r:?} after {previous_end}");
            prop_assert!(bounds.binary_search(&r.start).is_ok(), "start {} splits a cluster", r.start);
            prop_assert!(bounds.binary_search(&r.end).is_ok(), "end {} splits a cluster", r.end);
            previous_end = r.end;
        }
    }

    #[test]
    fn wrapping_keeps_everything_but_whitespace(text in mixed_text(), width in 1usize..=200) {
        let joined: String = wrap(&text, width).into_iter().map(|r| &text[r]).collect();
        prop_assert_eq!(without_whitespace(&joined), without_whitespace(&text));
    }

    #[test]
    fn wrapping_narrow_widths(text in mixed_text(), width in 0usize..=3) {
        let joined: String = wrap(&text, width).into_iter().map(|r| &text[r]).collect();
        prop_assert_eq!(without_whitespace(&joined), without_whitespace(&text));
    }

    #[test]
    fn newlines_give_at_least_one_line_each(text in mixed_text(), width in 1usize..=200) {
        let newlines = text.matches('\n').count();
        prop_assert!(wrap(&text, width).len() > newlines);
    }

    #[test]
    fn cache_agrees_with_wrap(text in mixed_text(), width in 0usize..=200) {
        let cache = WrapCache::new();
        let expected = wrap(&text, width);
        prop_assert_eq!(&*cache.lines(&text, width), expected.as_slice());
        prop_assert_eq!(&*cache.lines(&text, width), expected.as_slice());
    }

    #[test]
    fn cursor_moves_land_on_boundaries(text in mixed_text(), at in 0usize..300) {
        let bounds = boundaries(&text);
        let on_boundary = |p: usize| bounds.binary_search(&p).is_ok();
        let snapped = snap_to_cluster(&text, at);
        prop_assert!(on_boundary(snapped) && snapped <= at);
        for (name, p) in [
            ("prev_cluster", prev_cluster(&text, at)),
            ("next_cluster", next_cluster(&text, at)),
            ("prev_word", prev_word(&text, at)),
            ("next_word", next_word(&text, at)),
        ] {
            prop_assert!(on_boundary(p), "{name} gave {p}");
        }
        let here = snapped;
        prop_assert!(next_cluster(&text, here) > here || here == text.len());
        prop_assert!(prev_cluster(&text, here) < here || here == 0);
        prop_assert!(next_word(&text, here) > here || here == text.len());
        prop_assert!(prev_word(&text, here) < here || here == 0);
    }

    #[test]
    fn backspace_removes_one_code_point(text in mixed_text(), at in 0usize..300) {
        let mut edited = text.clone();
        let cursor = delete_code_point_before(&mut edited, at);
        prop_assert!(cursor <= edited.len());
        prop_assert!(boundaries(&edited).binary_search(&cursor).is_ok());
        let removed = text.chars().count() - edited.chars().count();
        let at_start = snap_char(&text, at) == 0;
        prop_assert_eq!(removed, if at_start { 0 } else { 1 });
    }

    #[test]
    fn delete_removes_one_whole_cluster(text in mixed_text(), at in 0usize..300) {
        let mut edited = text.clone();
        delete_cluster_after(&mut edited, at);
        let here = snap_to_cluster(&text, at);
        let end = next_cluster(&text, here);
        prop_assert_eq!(format!("{}{}", &text[..here], &text[end..]), edited);
    }

    #[test]
    fn sanitised_text_has_no_controls(text in mixed_text()) {
        let shown = for_display(&text);
        prop_assert!(!shown.chars().any(is_control_or_bidi), "{shown:?}");
    }

    #[test]
    fn sanitised_text_has_no_baseless_marks(text in mixed_text()) {
        let shown = for_display(&text);
        prop_assert_eq!(for_display(&shown), shown.clone(), "sanitising twice changed it");
        for g in shown.graphemes(true) {
            let first = g.chars().next().unwrap_or(' ');
            let thai_mark = matches!(first, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}');
            prop_assert!(!thai_mark, "cluster {g:?} starts with a mark");
        }
    }

    #[test]
    fn clean_text_is_borrowed(text in "[ก-ฮa-z ]{0,40}") {
        prop_assert!(matches!(for_display(&text), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn a_highlight_is_exactly_text_that_folds_to_the_query(
        text in mixed_text(),
        from in 0usize..200,
        len in 1usize..12,
        spaced in any::<bool>(),
    ) {
        // The query: a piece of the text, typed with spaces between its
        // characters (or not) and its ำ spelt ํา.
        let start = snap_char(&text, from % (text.len() + 1));
        let end = snap_char(&text, start + len);
        let piece = text[start..end].replace('\u{0E33}', "\u{0E4D}\u{0E32}");
        let typed: String = if spaced {
            piece.chars().flat_map(|c| [c, ' ']).collect()
        } else {
            piece
        };
        let query = fold(&typed);
        let folded = Folded::new(&text);
        prop_assert_eq!(folded.key(), fold(&text));
        let mut last_end = 0;
        for range in folded.find_all(&query) {
            prop_assert!(range.start >= last_end && range.start < range.end);
            last_end = range.end;
            // Whole matches side by side: the highlight folds to the query, once or more.
            let marked = fold(&text[range]);
            prop_assert!(!marked.is_empty() && marked.len().is_multiple_of(query.len()));
            prop_assert_eq!(marked.replace(query.as_str(), ""), "");
        }
    }

    #[test]
    fn whole_words_are_found_however_they_are_spaced(
        words in prop::collection::vec(prop::sample::select(WORDS), 1..12),
        from in 0usize..12,
        count in 1usize..4,
    ) {
        let text = words.join(" ");
        let from = from % words.len();
        let wanted = &words[from..(from + count).min(words.len())];
        let query = fold(&wanted.concat());
        let found = Folded::new(&text).find_all(&query);
        prop_assert!(!found.is_empty(), "{:?} in {:?}", wanted, text);
    }

    #[test]
    fn normalising_is_idempotent(text in mixed_text()) {
        let once = normalize(&text);
        prop_assert_eq!(normalize(&once), once.clone());
        let key = search_key(&text);
        prop_assert_eq!(search_key(&key), key);
    }
}

fn snap_char(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Thai as it comes: random letters, marks in odd places, and whole words
/// and syllables with clusters, finals, silent letters and leading vowels.
fn thai_text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "กลุ่ม",
        "การ",
        "ผู้อำนวย",
        "เครือข่าย",
        "ของ",
        "โพธิ์",
        "สิงห์",
        "จันทร์",
        "พันธุ์",
        "ประ",
        "หลาย",
        "อย่าง",
        "เกลือ",
        "เพลง",
        "แผน",
        "ใน",
        "ไกล่",
        "เขา",
        "ขับเคลื่อน",
        "ครัวเรือน",
        "ส่งเสริม",
        "ช่องทาง",
        "กรรม",
        "สนุก",
        "ศอช.",
        "ๆ",
        "ฯ",
        " ",
        "จ.",
        "55",
        "ok",
    ];
    let piece = prop_oneof![
        3 => prop::char::range('\u{0E01}', '\u{0E4E}').prop_map(String::from),
        2 => prop::sample::select(PIECES).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The wrapper's own cut of last resort is this rule, and everything
    /// the rule forbids, the wrapper's full rules forbid too.
    #[test]
    fn the_syllable_rules_agree_with_the_written_rule(text in thai_text()) {
        for (at, _) in text.char_indices().skip(1) {
            let rule = thai_rule::may_break(&text, at);
            prop_assert_eq!(wethi::text::syllable::may_cut(&text, at), rule, "{} at {}", text, at);
            prop_assert!(rule || !wethi::text::syllable::may_end_line(&text, at), "{} at {}", text, at);
        }
    }

    /// At every width, every line ends between syllables, except inside a
    /// syllable wider than the line by itself.
    #[test]
    fn wrapped_thai_never_splits_a_syllable(text in thai_text()) {
        let widest = str_width(&text) + 1;
        // The places a line may end: between clusters, where the rule allows.
        let ends: Vec<usize> = boundaries(&text)
            .into_iter()
            .filter(|&i| thai_rule::may_break(&text, i))
            .collect();
        for width in 1..=widest {
            let lines = wrap(&text, width);
            for pair in lines.windows(2) {
                let at = pair[1].start;
                if text[pair[0].end..at].contains('\n') || thai_rule::may_break(&text, at) {
                    continue;
                }
                let k = ends.partition_point(|&e| e < at);
                let from = k.checked_sub(1).map_or(0, |k| ends[k]);
                let to = ends.get(k).copied().unwrap_or(text.len());
                prop_assert!(
                    str_width(&text[from..to]) > width,
                    "{:?} split inside {:?} at width {}", text, &text[from..to], width
                );
            }
        }
    }
}

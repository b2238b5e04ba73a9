//! Thai word and line boundaries that both of ICU's Thai models agree on.
//!
//! The dictionary model splits unknown words and abbreviations into pieces
//! (สถานการณ์|โค|วิด, จป|ฐ., and even ผลก|า|รป|ระ|ชุม); the LSTM model cuts
//! inside long words (ระเบียบกระทรว|ง). Where both place a boundary it is
//! almost always a real one, so only those are used: a line breaks less
//! often, but only between words.
//!
//! Neither model is trusted with the Thai itself (`thai`): a break that
//! splits a syllable is dropped, whoever proposed it (the dictionary cuts
//! ผู้อำนวยการกลุ่ม as การก|ลุ่ม), one inside a known word (ขับ|เคลื่อน) is
//! kept only for when that word is wider than the line, and where two
//! known words meet a break is added (การ|กลุ่ม).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::rc::Rc;
use std::sync::LazyLock;
use std::thread::LocalKey;

use icu_segmenter::options::{LineBreakOptions, WordBreakInvariantOptions};
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed, WordSegmenter, WordSegmenterBorrowed};

mod thai;

use thai::{ThaiText, Verdict as ThaiVerdict};

static LINE_DICTIONARY: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_dictionary(LineBreakOptions::default()));
static LINE_LSTM: LazyLock<LineSegmenterBorrowed<'static>> =
    LazyLock::new(|| LineSegmenter::new_lstm(LineBreakOptions::default()));
static WORD_DICTIONARY: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_dictionary(WordBreakInvariantOptions::default()));
static WORD_LSTM: LazyLock<WordSegmenterBorrowed<'static>> =
    LazyLock::new(|| WordSegmenter::new_lstm(WordBreakInvariantOptions::default()));

/// Only Thai (and Lao) runs go through the models; elsewhere the two agree.
fn has_thai(s: &str) -> bool {
    s.chars().any(|c| ('\u{0E00}'..='\u{0EFF}').contains(&c))
}

/// How many texts' breaks are remembered before starting over.
const MEMO_BOUND: usize = 4096;

thread_local! {
    /// Breaks do not depend on the width, and the LSTM model is slow (about
    /// a quarter of a millisecond for an item): each text is segmented once,
    /// and a resize only re-fits lines.
    static LINE_MEMO: Memo<Rc<LineBreaks>> = RefCell::new(HashMap::new());
    /// The LSTM model's breaks per unsure span (offsets in the span). The
    /// same unknown words and abbreviations (จปฐ., โควิด, a village's
    /// name) come back in item after item.
    static SPAN_MEMO: Memo<Rc<[usize]>> = RefCell::new(HashMap::new());
}

type Memo<T> = RefCell<HashMap<Box<str>, T>>;

/// What `memo` holds for `key`, or else `make()`, then remembered; a memo
/// that holds [`MEMO_BOUND`] entries starts over.
fn remembered<T: Clone>(
    memo: &'static LocalKey<Memo<T>>,
    key: &str,
    make: impl FnOnce() -> T,
) -> T {
    if let Some(hit) = memo.with(|m| m.try_borrow().ok().and_then(|m| m.get(key).cloned())) {
        return hit;
    }
    let value = make();
    memo.with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            if m.len() >= MEMO_BOUND {
                m.clear();
            }
            m.insert(key.into(), value.clone());
        }
    });
    value
}

/// The LSTM model's breaks in `span` (offsets in it, 0 first), remembered.
fn lstm_breaks(span: &str) -> Rc<[usize]> {
    remembered(&SPAN_MEMO, span, || LINE_LSTM.segment_str(span).collect())
}

/// Line-break opportunities of `s`, remembered per text (see [`LineBreaks`]).
pub fn line_breaks(s: &str) -> Rc<LineBreaks> {
    remembered(&LINE_MEMO, s, || Rc::new(LineBreaks::new(s)))
}

/// No unsure span: the dictionary model's break stands.
const SURE: u32 = u32::MAX;
/// Inside a known word: a break only for a word wider than the line.
const INSIDE_WORD: u32 = u32::MAX - 1;

/// The line-break opportunities of one text. Every break is one of the
/// dictionary model's, or one where two known Thai words meet, and none
/// splits a Thai syllable. Where the dictionary is unsure (see
/// [`unsure_segments`]) a break is kept only if the LSTM model, asked about
/// the unsure span alone, agrees. The LSTM model is asked lazily, span by
/// span, when a caller needs to know about a break there: a line filler
/// only needs the breaks it ends lines at, so most spans are never asked.
/// A break inside a known word is weak ([`LineBreaks::weak`]): for a word
/// wider than the line only.
#[derive(Debug)]
pub struct LineBreaks {
    /// The candidate breaks after 0, ascending, `s.len()` last.
    at: Vec<usize>,
    /// Per break: [`SURE`], [`INSIDE_WORD`], or the unsure span (index into
    /// `spans`) it is inside; empty when every break is sure.
    span_of: Vec<u32>,
    spans: Vec<Range<usize>>,
    /// Per span, once asked: the LSTM model's breaks in it (byte offsets in
    /// the whole text).
    verdicts: RefCell<Vec<Option<Verdict>>>,
    /// The dictionary's breaks left out for splitting a syllable.
    refused: Vec<usize>,
}

/// The LSTM model's breaks in one unsure span, as offsets in the whole text.
type Verdict = Box<[usize]>;

/// What one text's analysis needs for a while and then not, kept per
/// thread from text to text: segmenting a text allocates only what it
/// returns.
#[derive(Default)]
struct Scratch {
    /// The dictionary model's breaks, 0 first.
    dictionary: Vec<usize>,
    /// Per dictionary segment: its Thai clusters, counted up to [`ENOUGH`].
    sizes: Vec<u8>,
    unsure: Vec<bool>,
    thai: thai::Buffers,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

impl LineBreaks {
    /// Segments `s` with the dictionary model and judges its breaks
    /// against the Thai; the LSTM model waits.
    pub fn new(s: &str) -> Self {
        let in_scratch = SCRATCH.try_with(|scratch| {
            scratch
                .try_borrow_mut()
                .ok()
                .map(|mut scratch| Self::new_in(s, &mut scratch))
        });
        in_scratch
            .ok()
            .flatten()
            .unwrap_or_else(|| Self::new_in(s, &mut Scratch::default()))
    }

    fn new_in(s: &str, scratch: &mut Scratch) -> Self {
        let Scratch {
            dictionary,
            sizes,
            unsure,
            thai,
        } = scratch;
        dictionary.clear();
        dictionary.extend(LINE_DICTIONARY.segment_str(s));
        if !has_thai(s) {
            return LineBreaks {
                at: dictionary.get(1..).unwrap_or_default().to_vec(),
                span_of: Vec::new(),
                spans: Vec::new(),
                verdicts: RefCell::default(),
                refused: Vec::new(),
            };
        }
        let (span_of_break, spans) = unsure_spans(s, dictionary, sizes, unsure);
        let thai = ThaiText::new(s, dictionary, thai);
        let verdicts = thai.verdicts();
        // The dictionary's breaks after 0 and the junctions of known
        // words, in order; a junction is sure whatever the dictionary says.
        let mut junctions = thai.junctions().peekable();
        let mut at = Vec::with_capacity(dictionary.len() + 4);
        // Left empty while every break is sure (most texts): a break past
        // its end is sure.
        let mut span_of: Vec<u32> = Vec::new();
        let mut refused = Vec::new();
        let mut push = |b: usize, verdict: ThaiVerdict, span: u32| {
            let kind = match verdict {
                ThaiVerdict::Splits => return refused.push(b),
                ThaiVerdict::InsideWord => INSIDE_WORD,
                ThaiVerdict::Free => span,
            };
            if kind != SURE && span_of.len() < at.len() {
                span_of.resize(at.len(), SURE);
            }
            at.push(b);
            if !span_of.is_empty() || kind != SURE {
                span_of.push(kind);
            }
        };
        for (k, &b) in dictionary.iter().enumerate().skip(1) {
            while let Some(j) = junctions.next_if(|&j| j < b) {
                push(j, ThaiVerdict::Free, SURE);
            }
            let joins = junctions.next_if_eq(&b).is_some();
            let span = match span_of_break.get(k - 1) {
                Some(&span) if !joins => span,
                _ => SURE,
            };
            let verdict = verdicts.get(k).copied().unwrap_or(ThaiVerdict::Free);
            push(b, verdict, span);
        }
        for j in junctions {
            push(j, ThaiVerdict::Free, SURE);
        }
        LineBreaks {
            at,
            verdicts: RefCell::new(vec![None; spans.len()]),
            span_of,
            spans,
            refused,
        }
    }

    /// The dictionary model's breaks left out for splitting a syllable:
    /// where a program that uses the same model (LibreOffice) would break.
    pub fn refused(&self) -> &[usize] {
        &self.refused
    }

    /// The candidate breaks (byte offsets), a superset of the real ones.
    pub fn candidates(&self) -> &[usize] {
        &self.at
    }

    /// Whether candidate `i` may still be a break: false only once the
    /// LSTM model has been asked and disagreed.
    pub fn possible(&self, i: usize) -> bool {
        let Some(&span) = self.span_of.get(i) else {
            return true;
        };
        if span == SURE || span == INSIDE_WORD {
            return true;
        }
        let Ok(verdicts) = self.verdicts.try_borrow() else {
            return true;
        };
        match verdicts.get(span as usize) {
            Some(Some(lstm)) => lstm.binary_search(&self.at[i]).is_ok(),
            _ => true,
        }
    }

    /// Whether candidate `i` is a break, asking the LSTM model about its
    /// span if nobody has yet. `s` is the text these breaks are of.
    pub fn kept(&self, s: &str, i: usize) -> bool {
        let span = match self.span_of.get(i) {
            Some(&span) if span != SURE && span != INSIDE_WORD => span as usize,
            _ => return true,
        };
        let Ok(mut verdicts) = self.verdicts.try_borrow_mut() else {
            return true;
        };
        let (Some(range), Some(slot)) = (self.spans.get(span), verdicts.get_mut(span)) else {
            return true;
        };
        let lstm = slot.get_or_insert_with(|| {
            let start = range.start;
            s.get(range.clone()).map_or_else(Default::default, |text| {
                lstm_breaks(text).iter().map(|b| start + b).collect()
            })
        });
        lstm.binary_search(&self.at[i]).is_ok()
    }

    /// Whether candidate `i` lies inside a known word: a break only where
    /// that word is wider than the line.
    pub fn weak(&self, i: usize) -> bool {
        self.span_of.get(i) == Some(&INSIDE_WORD)
    }

    /// Whether candidate `i` needs no model asked: neither weak nor in an
    /// unsure span. A text laid out by another program keeps its unsure
    /// spans (unknown words, abbreviations) whole rather than pay for the
    /// LSTM model on every text.
    pub fn is_sure(&self, i: usize) -> bool {
        self.span_of.get(i).is_none_or(|&k| k == SURE)
    }

    /// The breaks that need no model asked (byte offsets, ascending): see
    /// [`LineBreaks::is_sure`].
    #[cfg(test)]
    pub fn sure(&self) -> Vec<usize> {
        (0..self.at.len())
            .filter(|&i| self.is_sure(i))
            .map(|i| self.at[i])
            .collect()
    }

    /// Every break of `s` that is not weak (byte offsets, ascending), the
    /// LSTM model asked about every unsure span.
    pub fn all(&self, s: &str) -> Vec<usize> {
        (0..self.at.len())
            .filter(|&i| !self.weak(i) && self.kept(s, i))
            .map(|i| self.at[i])
            .collect()
    }
}

/// Per dictionary break after 0 (break k at `dictionary[k + 1]`): the
/// unsure span it lies inside, or [`SURE`] (empty when all are); and the
/// spans. Break k lies between segments k and k + 1; a maximal run of
/// unsure segments is one span. `sizes` and `unsure` are buffers.
fn unsure_spans(
    s: &str,
    dictionary: &[usize],
    sizes: &mut Vec<u8>,
    unsure: &mut Vec<bool>,
) -> (Vec<u32>, Vec<Range<usize>>) {
    unsure_segments(s, dictionary, sizes, unsure);
    let mut span_of = Vec::new();
    let mut spans = Vec::new();
    for k in 1..unsure.len() {
        if !(unsure[k - 1] && unsure[k]) {
            continue;
        }
        if span_of.is_empty() {
            span_of.resize(dictionary.len().saturating_sub(1), SURE);
        }
        if k == 1 || !unsure[k - 2] {
            let end = (k..unsure.len())
                .find(|&j| !unsure[j])
                .map_or(s.len(), |j| dictionary[j]);
            spans.push(dictionary[k - 1]..end);
        }
        span_of[k - 1] = u32::try_from(spans.len() - 1).unwrap_or(SURE);
    }
    (span_of, spans)
}

/// Segments are told apart by their Thai clusters up to this many: a
/// short piece has 1 or 2, a piece beside one up to 3.
const ENOUGH: usize = 4;

/// Fills `unsure` with which of the dictionary's segments (between
/// consecutive `ends`) it may have got wrong; `sizes` is a buffer. Where
/// it does not know a word (โควิด, จปฐ., and oddly ผลการประชุม) it falls
/// back to pieces of a syllable or two: two short pieces in a row, with
/// one segment of context on each side, are handed to the LSTM model.
/// Everywhere else the dictionary is right, and about fifty times faster.
fn unsure_segments(s: &str, ends: &[usize], sizes: &mut Vec<u8>, unsure: &mut Vec<bool>) {
    let simple = super::simple::is_simple(s);
    sizes.clear();
    sizes.extend(ends.windows(2).map(|w| {
        let segment = &s[w[0]..w[1]];
        let simple = simple || super::simple::is_simple(segment);
        // At most ENOUGH, so it fits.
        thai_clusters(segment, simple, ENOUGH) as u8
    }));
    let short = |i: usize| (1..=2).contains(&sizes[i]);
    // A neighbour of three clusters or fewer may be a cut-off piece too
    // (ผลก|า|รป|ระ|ชุม); a longer one is a word the dictionary knows.
    let piece = |i: usize| (1..=3).contains(&sizes[i]);
    let n = sizes.len();
    unsure.clear();
    unsure.resize(n, false);
    for i in 1..n {
        if short(i - 1) && short(i) {
            unsure[i - 1] = true;
            unsure[i] = true;
            if i >= 2 && piece(i - 2) {
                unsure[i - 2] = true;
            }
            if i + 1 < n && piece(i + 1) {
                unsure[i + 1] = true;
            }
        }
    }
}

/// Grapheme clusters of Thai letters in `segment`, counted up to `most`;
/// `simple`: it is all printable ASCII and Thai ([`super::simple`]).
fn thai_clusters(segment: &str, simple: bool, most: usize) -> usize {
    use super::simple::{Clusters, joins_previous};
    let thai = |c: char| ('\u{0E00}'..='\u{0EFF}').contains(&c);
    if !simple {
        return Clusters::new(segment)
            .filter(|(_, g)| g.chars().any(thai))
            .take(most)
            .count();
    }
    // Printable ASCII and Thai: a cluster is a character and the Thai
    // marks after it (see `simple`), so it holds Thai when its first
    // character is Thai or a mark follows; counted without the walk.
    let mut count = 0;
    let mut chars = segment.chars().peekable();
    let mut first = true;
    while let Some(c) = chars.next() {
        let marked = chars.peek().is_some_and(|&n| joins_previous(n));
        if first || !joins_previous(c) {
            count += usize::from(thai(c) || marked);
            if count >= most {
                return most;
            }
            while chars.next_if(|&n| joins_previous(n)).is_some() {}
        }
        first = false;
    }
    count
}

/// The words of `s` as byte spans, without the spaces and punctuation between them.
pub fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let mut iter = WORD_DICTIONARY.segment_str(s);
    let Some(mut start) = iter.next() else {
        return Vec::new();
    };
    while let Some(end) = iter.next() {
        segments.push((start, end, iter.is_word_like()));
        start = end;
    }
    if has_thai(s) {
        let lstm: HashSet<usize> = WORD_LSTM.segment_str(s).collect();
        segments = merge_unconfirmed(segments, &lstm);
    }
    segments
        .into_iter()
        .filter(|(_, _, word)| *word)
        .map(|(a, b, _)| (a, b))
        .collect()
}

/// Joins neighbouring segments whose shared boundary the other model does not confirm.
fn merge_unconfirmed(
    segments: Vec<(usize, usize, bool)>,
    confirmed: &HashSet<usize>,
) -> Vec<(usize, usize, bool)> {
    let mut merged: Vec<(usize, usize, bool)> = Vec::with_capacity(segments.len());
    for (start, end, word) in segments {
        match merged.last_mut() {
            Some(last) if !confirmed.contains(&start) => {
                last.1 = end;
                last.2 |= word;
            }
            _ => merged.push((start, end, word)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn pieces(s: &str, ends: &[usize]) -> Vec<String> {
        let mut prev = 0;
        ends.iter()
            .map(|&e| {
                let piece = s[prev..e].to_owned();
                prev = e;
                piece
            })
            .collect()
    }

    fn breaks(s: &str) -> Vec<usize> {
        line_breaks(s).all(s)
    }

    /// The breaks as they were computed before the LSTM model was asked
    /// lazily: every unsure span segmented at once; then judged against the
    /// Thai, with the junctions of known words added.
    fn eager_breaks(s: &str) -> Vec<usize> {
        let dictionary: Vec<usize> = LINE_DICTIONARY.segment_str(s).collect();
        if !has_thai(s) {
            return dictionary.into_iter().skip(1).collect();
        }
        let mut unsure = Vec::new();
        unsure_segments(s, &dictionary, &mut Vec::new(), &mut unsure);
        let mut confirmed_breaks = HashSet::new();
        let mut confirmed: HashSet<usize> = HashSet::new();
        for (k, &at) in dictionary.iter().enumerate().skip(1) {
            let inside = k < unsure.len() && unsure[k - 1] && unsure[k];
            if inside && (k == 1 || !unsure[k - 2]) {
                let start = dictionary[k - 1];
                let end = dictionary[k..]
                    .iter()
                    .zip(&unsure[k..])
                    .find(|(_, sure)| !**sure)
                    .map_or(s.len(), |(&end, _)| end);
                confirmed = LINE_LSTM
                    .segment_str(&s[start..end])
                    .map(|b| start + b)
                    .collect();
            }
            if !inside || confirmed.contains(&at) {
                confirmed_breaks.insert(at);
            }
        }
        let mut buffers = thai::Buffers::default();
        let thai = ThaiText::new(s, &dictionary, &mut buffers);
        let junctions: HashSet<usize> = thai.junctions().collect();
        let mut breaks: Vec<usize> = confirmed_breaks
            .union(&junctions)
            .copied()
            .filter(|&b| thai.verdict(b) == ThaiVerdict::Free)
            .collect();
        breaks.sort_unstable();
        breaks
    }

    proptest::proptest! {
        #[test]
        fn asking_span_by_span_gives_the_same_breaks(
            s in "[ ก-๛a-z.\\-0-9\u{1F600}]{0,40}",
            order in proptest::collection::vec(0usize..64, 0..8),
        ) {
            let lazy = LineBreaks::new(&s);
            // Some candidates asked about first, in any order.
            for i in order {
                if i < lazy.candidates().len() {
                    let kept = lazy.kept(&s, i);
                    proptest::prop_assert_eq!(kept, lazy.possible(i));
                }
            }
            proptest::prop_assert_eq!(lazy.all(&s), eager_breaks(&s));
        }

        #[test]
        fn thai_clusters_counts_as_the_grapheme_walk(s in "[ -~ก-๛\u{0E3B}\u{0E5C}\u{00E9}\u{0301}\n\r]{0,24}") {
            let walked = s
                .graphemes(true)
                .filter(|g| g.chars().any(|c| ('\u{0E00}'..='\u{0EFF}').contains(&c)))
                .count();
            let simple = super::super::simple::is_simple(&s);
            proptest::prop_assert_eq!(thai_clusters(&s, simple, usize::MAX), walked);
            proptest::prop_assert_eq!(thai_clusters(&s, simple, ENOUGH), walked.min(ENOUGH));
        }
    }

    #[test]
    fn the_example_texts_break_as_before() {
        let session = include_str!("../../sessions/examples/ubon-2021-01-13.json");
        for text in session.split('"').filter(|t| has_thai(t)) {
            assert_eq!(breaks(text), eager_breaks(text), "{text}");
        }
    }

    #[test]
    fn common_words_stay_whole() {
        let s = "สรุปผลการประชุม";
        assert!(
            !breaks(s)
                .iter()
                .any(|&b| b > "สรุปผล".len() && b < s.len() && b != "สรุปผลการ".len())
        );
        let s = "สถานการณ์โควิด-19";
        assert_eq!(pieces(s, &breaks(s)), ["สถานการณ์", "โควิด-19"]);
    }

    #[test]
    fn abbreviations_stay_whole() {
        let s = "ข้อมูล จปฐ. และ กชช.2ค";
        assert_eq!(pieces(s, &breaks(s)), ["ข้อมูล ", "จปฐ. ", "และ ", "กชช.2ค"]);
    }

    #[test]
    fn words_are_found_in_a_thai_run() {
        let s = "การจัดทำแผนหมู่บ้าน";
        let words: Vec<&str> = word_spans(s).iter().map(|&(a, b)| &s[a..b]).collect();
        assert_eq!(words, ["การ", "จัดทำ", "แผน", "หมู่บ้าน"]);
    }

    #[test]
    fn long_words_the_lstm_cuts_stay_whole() {
        let s = "ระเบียบกระทรวงมหาดไทย";
        assert!(
            !breaks(s)
                .iter()
                .any(|&b| b > 0 && b < "ระเบียบกระทรวง".len() && b != "ระเบียบ".len())
        );
    }

    #[test]
    fn the_lstm_model_only_sees_what_the_dictionary_is_unsure_of() {
        let unsure = |s: &str| {
            let ends: Vec<usize> = LINE_DICTIONARY.segment_str(s).collect();
            let mut unsure = Vec::new();
            unsure_segments(s, &ends, &mut Vec::new(), &mut unsure);
            unsure
        };
        let known = "คณะกรรมการมีประสบการณ์ทำงานในพื้นที่";
        assert!(unsure(known).iter().all(|u| !u));
        // สถานการณ์|โค|วิด-19 |ทำให้|…: the two pieces of โควิด and the
        // short segment after them; สถานการณ์ is a known word.
        let s = "สถานการณ์โควิด-19 ทำให้จัดเวทีประชาคมได้ยาก";
        let flags = unsure(s);
        assert_eq!(flags[..4], [false, true, true, true], "{flags:?}");
        assert_eq!(flags.iter().filter(|u| **u).count(), 3, "{flags:?}");
    }

    #[test]
    fn latin_text_is_untouched() {
        let s = "Prepare village plans";
        assert_eq!(pieces(s, &breaks(s)), ["Prepare ", "village ", "plans"]);
    }
}

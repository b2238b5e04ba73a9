//! Word wrapping that understands Thai.
//!
//! Thai is written without spaces between words, so break opportunities come
//! from `icu_segmenter` (see `segment`) rather than from spaces alone.
//! Lines are byte ranges into the caller's text so that styling and cursor
//! code can map screen positions back to the source without copying.
//!
//! Callers that draw user text should sanitise each `'\n'`-separated
//! paragraph with [`crate::text::sanitize::for_display`] and wrap the
//! sanitised text: control characters change width when they become
//! pictures, so wrapping the raw text would misjudge the columns.

use std::ops::Range;

mod cache;
mod fill;

use fill::Wrapper;

pub use cache::{WRAP_CACHE_BOUND, WrapCache};

/// Wraps `text` into lines no wider than `width` columns (0 counts as 1).
///
/// Returns one byte range per line, in order. Lines break at line-break
/// opportunities (spaces, and Thai word boundaries both ICU models agree on),
/// the spaces at a break are left out of both lines, a word longer than a
/// line is cut between grapheme clusters, and `'\n'` (or `"\r\n"`) always
/// ends a line, so consecutive newlines give empty lines. An empty text is
/// one empty line.
///
/// Other mandatory breaks of UAX #14 (a lone CR, VT, FF, NEL, U+2028,
/// U+2029) are only break opportunities here: the text model's lines are
/// `'\n'`-separated, and sanitised text shows the C0 ones as pictures.
///
/// No range ever splits a grapheme cluster. The one case where a line is
/// wider than `width` is a single cluster that is wider on its own (a
/// two-column emoji at width 1): it gets a line to itself and callers clip it.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    Wrapper::new(width.max(1)).wrap(text)
}

/// The same lines as [`wrap`], for a text wrapped once (printing a
/// session): its break opportunities are not remembered for next time.
pub fn wrap_once(text: &str, width: usize) -> Vec<Range<usize>> {
    let once = Wrapper {
        remember: false,
        ..Wrapper::new(width.max(1))
    };
    once.wrap(text)
}

/// Paragraph ranges between newlines; a CR right before LF belongs to the
/// newline so that `"\r\n"` text does not leave a stray CR at line ends.
fn paragraphs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    let ends = text
        .match_indices('\n')
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()));
    ends.map(move |end| {
        let content_end = if text[start..end].ends_with('\r') && end < text.len() {
            end - 1
        } else {
            end
        };
        let range = start..content_end;
        start = end + 1;
        range
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_one_line_shortcut_agrees_with_the_full_fill(
            text in "[ ก-๛a-z\\u{1F600}\\n]{0,40}",
            width in 1usize..60,
        ) {
            let full = Wrapper {
                shortcut: false,
                ..Wrapper::new(width)
            };
            proptest::prop_assert_eq!(wrap(&text, width), full.wrap(&text));
        }

        #[test]
        fn asking_the_lstm_model_lazily_gives_the_same_lines(
            text in "[ ก-๛a-z.\\-0-9\u{1F600}\n]{0,60}",
            width in 1usize..30,
        ) {
            let eager = Wrapper {
                eager: true,
                remember: false,
                ..Wrapper::new(width)
            }
            .wrap(&text);
            proptest::prop_assert_eq!(wrap_once(&text, width), eager.clone());
            proptest::prop_assert_eq!(wrap(&text, width), eager);
        }
    }

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(wrap("", 10), vec![0..0]);
    }

    #[test]
    fn newlines_force_breaks() {
        assert_eq!(lines("a\nb", 10), ["a", "b"]);
        assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(lines("a\r\nb\n", 10), ["a", "b", ""]);
    }

    #[test]
    fn spaces_at_breaks_are_dropped() {
        assert_eq!(lines("hello big world", 9), ["hello big", "world"]);
        assert_eq!(lines("hello    world", 5), ["hello", "world"]);
        assert_eq!(lines("  indented", 20), ["indented"]);
        assert_eq!(lines("   ", 2), [""]);
    }

    #[test]
    fn long_words_break_between_clusters() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        // ที่นี่ is a known word: kept whole while it fits.
        assert_eq!(lines("ที่นี่ที่นี่", 3), ["ที่นี่", "ที่นี่"]);
        assert_eq!(lines("ที่นี่ที่นี่", 1), ["ที่", "นี่", "ที่", "นี่"]);
    }

    #[test]
    fn zero_width_counts_as_one() {
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }

    // Expected lines below were checked by hand: every break falls between
    // two Thai words, and a word on the list (ความรู้ความเข้าใจ,
    // มีประสิทธิภาพ, การป้องกัน, คณะกรรมการ) parts only where it is wider
    // than the line.

    #[test]
    fn thai_s3_clause_breaks_between_words() {
        let s3 = "สร้างความรู้ความเข้าใจในแนวทางการสนับสนุนแผนพัฒนาชุมชนและแผนพัฒนาตำบลที่สามารถแก้ไขปัญหาความต้องการของประชาชนได้";
        assert_eq!(
            lines(s3, 20),
            [
                "สร้างความรู้ความเข้าใจใน",
                "แนวทางการสนับสนุนแผน",
                "พัฒนาชุมชนและแผนพัฒนา",
                "ตำบลที่สามารถแก้ไขปัญหา",
                "ความต้องการของประชาชน",
                "ได้",
            ]
        );
    }

    #[test]
    fn thai_project_title_breaks_between_words() {
        let title = "โครงการประชุมเชิงปฏิบัติการสร้างความรู้ความเข้าใจเครือข่ายคณะกรรมการบริหารศูนย์ประสานงานองค์การชุมชนระดับจังหวัด";
        assert_eq!(
            lines(title, 12),
            [
                "โครงการประชุม",
                "เชิงปฏิบัติการ",
                "สร้างความรู้",
                "ความเข้าใจ",
                "เครือข่าย",
                "คณะกรรมการ",
                "บริหาร",
                "ศูนย์ประสานงาน",
                "องค์การชุมชน",
                "ระดับจังหวัด",
            ]
        );
    }

    #[test]
    fn thai_g4_and_closing_break_between_words() {
        let g4 = "สนับสนุนกิจกรรมส่งเสริมการดำเนินงานตามปรัชญาของเศรษฐกิจพอเพียง";
        assert_eq!(
            lines(g4, 20),
            [
                "สนับสนุนกิจกรรมส่งเสริม",
                "การดำเนินงานตามปรัชญา",
                "ของเศรษฐกิจพอเพียง"
            ]
        );
        let closing = "ที่จะร่วมขับเคลื่อนงานพัฒนาชุมชนในพื้นที่ได้อย่างมีประสิทธิภาพและประสิทธิผลต่อไป";
        assert_eq!(
            lines(closing, 20),
            [
                "ที่จะร่วมขับเคลื่อนงานพัฒนา",
                "ชุมชนในพื้นที่ได้อย่าง",
                "มีประสิทธิภาพและ",
                "ประสิทธิผลต่อไป",
            ]
        );
    }

    #[test]
    fn thai_village_plan() {
        let plan = "การจัดทำแผนหมู่บ้าน";
        assert_eq!(lines(plan, 8), ["การจัดทำ", "แผนหมู่บ้าน"]);
        assert_eq!(lines(plan, 12), ["การจัดทำแผน", "หมู่บ้าน"]);
        assert_eq!(lines(plan, 15), [plan]);
    }

    #[test]
    fn thai_with_spaces_g1_and_g3() {
        let g1 = "การจัดทำแผนหมู่บ้าน แผนชุมชน แผนตำบล แผนอำเภอ ตามห้วงเวลา";
        assert_eq!(
            lines(g1, 12),
            [
                "การจัดทำแผน",
                "หมู่บ้าน แผน",
                "ชุมชน แผนตำบล",
                "แผนอำเภอ ตาม",
                "ห้วงเวลา"
            ]
        );
        let g3 = "ร่วมเวทีประชาคม สนับสนุนกิจกรรมการมีส่วนร่วมของประชาชนต่าง ๆ เช่น การป้องกันแก้ไขปัญหายาเสพติด แก้ไขความขัดแย้งในชุมชน การป้องกันปราบปรามการทุจริตมิชอบ กิจกรรมสาธารณประโยชน์ เป็นต้น";
        assert_eq!(
            lines(g3, 20),
            [
                "ร่วมเวทีประชาคม สนับสนุน",
                "กิจกรรมการมีส่วนร่วมของ",
                "ประชาชนต่าง ๆ เช่น",
                "การป้องกันแก้ไขปัญหา",
                "ยาเสพติด แก้ไข",
                "ความขัดแย้งในชุมชน",
                "การป้องกันปราบปรามการ",
                "ทุจริตมิชอบ กิจกรรม",
                "สาธารณประโยชน์ เป็นต้น",
            ]
        );
    }

    #[test]
    fn repeat_and_abbreviation_marks_never_start_a_line() {
        assert_eq!(lines("ประชาชนต่าง ๆ", 7), ["ประชาชน", "ต่าง ๆ"]);
        let review = "ทบทวนบทบาทหน้าที่แลกเปลี่ยนประสบการณ์ในการขับเคลื่อนงานหรือภารกิจที่สำคัญของคณะทำงานฯ";
        assert_eq!(
            lines(review, 12),
            [
                "ทบทวนบทบาท",
                "หน้าที่แลกเปลี่ยน",
                "ประสบการณ์ใน",
                "การขับเคลื่อน",
                "งานหรือภารกิจที่",
                "สำคัญของคณะ",
                "ทำงานฯ",
            ]
        );
    }

    #[test]
    fn overwide_cluster_sits_alone() {
        assert_eq!(lines("a👍b", 1), ["a", "👍", "b"]);
        assert_eq!(lines("日本語", 1), ["日", "本", "語"]);
    }
}

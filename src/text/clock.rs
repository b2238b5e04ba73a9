//! Times of day as people type them into the details form: `08:30`, `8.30`,
//! `๘.๓๐`, `8.30 น.`, and a span `08:30–16:30` (`8.30-16.30`, `8.30 ถึง
//! 16.30 น.`). Files hold them as `HH:MM` only (`session/model.rs`).

use std::fmt;

use chrono::{NaiveTime, Timelike};

use super::Lang;
use super::date::{quote, thai_digits_to_ascii};

/// When a workshop started and, if known, ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: NaiveTime,
    pub end: Option<NaiveTime>,
}

/// Why a time field was refused. Each variant keeps the input as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeError {
    /// Not a time of day we read: the piece that is wrong (Thai digits
    /// shown as 0–9).
    Unrecognised(String),
    /// The end is not after the start: both as written in the file.
    EndNotAfterStart { start: String, end: String },
}

/// Words that join a start to an end, longest first so "ถึง" is not read
/// as anything else.
const JOINS: [&str; 5] = ["ถึง", " to ", "–", "—", "-"];

/// The span typed in `s`; `Ok(None)` when `s` is blank (no time known).
pub fn parse_span(s: &str) -> Result<Option<Span>, TimeError> {
    let ascii = thai_digits_to_ascii(s.trim());
    if ascii.is_empty() {
        return Ok(None);
    }
    let (start, end) = match JOINS.iter().find_map(|j| ascii.split_once(j)) {
        Some((a, b)) => (a, Some(b)),
        None => (ascii.as_ref(), None),
    };
    if end.is_some_and(|e| e.trim().is_empty()) {
        return Err(TimeError::Unrecognised(ascii.into_owned()));
    }
    let start = parse_time(start)?;
    let end = end.map(parse_time).transpose()?;
    if let Some(end) = end
        && end <= start
    {
        return Err(TimeError::EndNotAfterStart {
            start: hh_mm(start),
            end: hh_mm(end),
        });
    }
    Ok(Some(Span { start, end }))
}

/// One time of day: `8`, `8.30`, `08:30`, with or without `น.` after it.
fn parse_time(piece: &str) -> Result<NaiveTime, TimeError> {
    let wrong = || TimeError::Unrecognised(piece.trim().to_owned());
    let bare = piece
        .trim()
        .trim_end_matches("นาฬิกา")
        .trim_end_matches("น.")
        .trim_end_matches('น')
        .trim_end();
    let (h, m) = match bare.split_once([':', '.']) {
        Some((h, m)) if m.len() == 2 => (h, m),
        Some(_) => return Err(wrong()),
        None => (bare, "00"),
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return Err(wrong());
    }
    let (h, m) = (
        h.parse().map_err(|_| wrong())?,
        m.parse().map_err(|_| wrong())?,
    );
    NaiveTime::from_hms_opt(h, m, 0).ok_or_else(wrong)
}

/// `08:30`: the file's form, and the form's.
pub fn hh_mm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// `08:30–16:30`, or `08:30` when the end is not known.
pub fn format_span(start: NaiveTime, end: Option<NaiveTime>) -> String {
    match end {
        Some(end) => format!("{}–{}", hh_mm(start), hh_mm(end)),
        None => hh_mm(start),
    }
}

impl TimeError {
    /// One sentence for the form, in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unrecognised(s), Lang::En) => format!(
                "“{}” is not a time of day: type hours and minutes, like 08:30, 8.30 or ๘.๓๐, \
                 and the end after a dash: 08:30–16:30.",
                quote(s)
            ),
            (Self::Unrecognised(s), Lang::Th) => format!(
                "“{}” ไม่ใช่เวลา กรุณาพิมพ์ชั่วโมงและนาที เช่น 08:30 หรือ 8.30 หรือ ๘.๓๐ \
                 และใส่เวลาเลิกหลังขีด เช่น 08:30–16:30",
                quote(s)
            ),
            (Self::EndNotAfterStart { start, end }, Lang::En) => {
                format!("The end ({end}) is not after the start ({start}): check the times.")
            }
            (Self::EndNotAfterStart { start, end }, Lang::Th) => {
                format!("เวลาเลิก ({end}) ต้องหลังเวลาเริ่ม ({start}) กรุณาตรวจเวลาอีกครั้ง")
            }
        }
    }
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for TimeError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("a time")
    }

    fn span(s: &str) -> (NaiveTime, Option<NaiveTime>) {
        let got = parse_span(s).expect(s).expect(s);
        (got.start, got.end)
    }

    #[test]
    fn the_ways_officers_write_a_time_are_read() {
        for s in [
            "08:30",
            "8.30",
            "๘.๓๐",
            "8:30 น.",
            " 08.30น ",
            "๐๘:๓๐ นาฬิกา",
        ] {
            assert_eq!(span(s), (t(8, 30), None), "{s}");
        }
        assert_eq!(span("9"), (t(9, 0), None));
        for s in [
            "08:30–16:30",
            "8.30-16.30",
            "8.30 - 16.30 น.",
            "๘.๓๐ ถึง ๑๖.๓๐ น.",
            "8:30 to 16:30",
            "08:30—16:30",
        ] {
            assert_eq!(span(s), (t(8, 30), Some(t(16, 30))), "{s}");
        }
        assert_eq!(parse_span("   "), Ok(None));
    }

    #[test]
    fn a_wrong_time_says_which_part_and_how_to_write_it() {
        for (s, part) in [
            ("25.00", "25.00"),
            ("8.3", "8.3"),
            ("8.30-16.75", "16.75"),
            ("noon", "noon"),
            ("8:30:00", "8:30:00"),
            ("08:30–", "08:30–"),
        ] {
            assert_eq!(
                parse_span(s),
                Err(TimeError::Unrecognised(part.into())),
                "{s}"
            );
        }
        let e = parse_span("๑๖.๓๐-๘.๓๐").unwrap_err();
        assert_eq!(
            e,
            TimeError::EndNotAfterStart {
                start: "16:30".into(),
                end: "08:30".into()
            }
        );
        assert!(e.message(Lang::Th).contains("เวลาเลิก (08:30)"));
        assert!(
            TimeError::Unrecognised("noon".into())
                .message(Lang::En)
                .contains("08:30–16:30")
        );
    }

    #[test]
    fn a_span_is_written_as_the_form_reads_it_back() {
        assert_eq!(format_span(t(8, 5), Some(t(16, 30))), "08:05–16:30");
        assert_eq!(format_span(t(13, 0), None), "13:00");
        let back = parse_span(&format_span(t(8, 5), Some(t(16, 30)))).unwrap();
        assert_eq!(
            back,
            Some(Span {
                start: t(8, 5),
                end: Some(t(16, 30))
            })
        );
    }
}

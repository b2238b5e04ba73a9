//! Dates and numbers as Thai users write them.
//!
//! Thai dates use the Buddhist era (B.E. = C.E. + 543) and Thai month names,
//! and Thai keyboards put digits ๐–๙ on Shift, so input may mix both digit
//! sets. Errors carry the input so their message can quote it back.

use std::borrow::Cow;
use std::fmt;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

use super::Lang;
use super::sanitize::for_display;
use super::width::truncate_to_width;

/// Years above this are read as Buddhist era: no workshop is dated after
/// C.E. 2400, and B.E. 2400 was C.E. 1857.
const BE_THRESHOLD: i32 = 2400;
const BE_OFFSET: i32 = 543;

const TH_MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

const TH_MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_index(d: NaiveDate) -> usize {
    d.month0() as usize % 12
}

/// "13 มกราคม 2564" (Buddhist era) or "13 January 2021".
pub fn format_date(d: NaiveDate, lang: Lang) -> String {
    let m = month_index(d);
    match lang {
        Lang::Th => format!("{} {} {}", d.day(), TH_MONTHS[m], d.year() + BE_OFFSET),
        Lang::En => format!("{} {} {}", d.day(), EN_MONTHS[m], d.year()),
    }
}

/// "13 ม.ค. 64" (two-digit Buddhist era year) or "13 Jan 2021".
pub fn format_date_short(d: NaiveDate, lang: Lang) -> String {
    format!(
        "{} {}",
        d.day(),
        format_month_short(d.year(), d.month(), lang)
    )
}

/// A time of day as a Thai office writes it, `08.30 น.` (a period, then
/// น. for นาฬิกา), or `08:30`; with an end, `08.30–16.30 น.` / `08:30–16:30`.
pub fn format_time(start: NaiveTime, end: Option<NaiveTime>, lang: Lang) -> String {
    let (sep, suffix) = match lang {
        Lang::Th => ('.', " น."),
        Lang::En => (':', ""),
    };
    let hm = |t: NaiveTime| format!("{:02}{sep}{:02}", t.hour(), t.minute());
    match end {
        Some(end) => format!("{}–{}{suffix}", hm(start), hm(end)),
        None => format!("{}{suffix}", hm(start)),
    }
}

/// Which digits numbers are written in: Arabic (0–9), or Thai (๐–๙) as
/// official documents are encouraged to use (`wethi export --thai-digits`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Digits {
    #[default]
    Arabic,
    Thai,
}

impl Digits {
    /// `s` with its digits in this set; borrowed when nothing changes.
    pub fn apply(self, s: &str) -> Cow<'_, str> {
        match self {
            Digits::Arabic => Cow::Borrowed(s),
            Digits::Thai => ascii_to_thai_digits(s),
        }
    }

    /// A number in this set of digits.
    pub fn num(self, n: impl fmt::Display) -> String {
        let s = n.to_string();
        match self.apply(&s) {
            Cow::Borrowed(_) => s,
            Cow::Owned(thai) => thai,
        }
    }
}

/// Digits 0–9 replaced by ๐–๙; borrowed when there are none.
pub fn ascii_to_thai_digits(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32('๐' as u32 + d).unwrap_or(c),
                _ => c,
            })
            .collect(),
    )
}

/// A month: "ม.ค. 67" (two-digit Buddhist era year) or "Jan 2021".
pub fn format_month_short(year: i32, month: u32, lang: Lang) -> String {
    let m = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Th => format!(
            "{} {:02}",
            TH_MONTHS_SHORT[m],
            (year + BE_OFFSET).rem_euclid(100)
        ),
        Lang::En => format!("{} {year}", &EN_MONTHS[m][..3]),
    }
}

/// Thai digits ๐–๙ replaced by 0–9; borrowed when there are none.
pub fn thai_digits_to_ascii(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_thai_digit) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().map(thai_digit_to_ascii).collect())
}

fn is_thai_digit(c: char) -> bool {
    ('๐'..='๙').contains(&c)
}

fn thai_digit_to_ascii(c: char) -> char {
    if is_thai_digit(c) {
        char::from_u32(c as u32 - '๐' as u32 + '0' as u32).unwrap_or(c)
    } else {
        c
    }
}

/// Why a number field was refused. Each variant keeps the input as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseNumberError {
    Empty,
    Negative(String),
    NotANumber(String),
    TooLarge(String),
}

/// A whole number of at most `u32::MAX`, in ASCII or Thai digits (๕๕ = 55),
/// surrounding whitespace ignored.
pub fn parse_number(s: &str) -> Result<u32, ParseNumberError> {
    let trimmed = s.trim();
    let digits = thai_digits_to_ascii(trimmed);
    if digits.is_empty() {
        return Err(ParseNumberError::Empty);
    }
    if digits.starts_with('-')
        && digits.len() > 1
        && digits[1..].bytes().all(|b| b.is_ascii_digit())
    {
        return Err(ParseNumberError::Negative(trimmed.to_owned()));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseNumberError::NotANumber(trimmed.to_owned()));
    }
    digits
        .parse()
        .map_err(|_| ParseNumberError::TooLarge(trimmed.to_owned()))
}

impl ParseNumberError {
    /// One sentence for the status line, in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::En) => "No number given: type digits, like 55 or ๕๕.".into(),
            (Self::Empty, Lang::Th) => "ยังไม่ได้ใส่ตัวเลข กรุณาพิมพ์ตัวเลข เช่น 55 หรือ ๕๕".into(),
            (Self::Negative(s), Lang::En) => {
                format!("“{}” is negative: type a number of zero or more.", quote(s))
            }
            (Self::Negative(s), Lang::Th) => {
                format!("“{}” ติดลบ กรุณาใส่ตัวเลขตั้งแต่ 0 ขึ้นไป", quote(s))
            }
            (Self::NotANumber(s), Lang::En) => format!(
                "“{}” is not a whole number: type digits only, like 55 or ๕๕.",
                quote(s)
            ),
            (Self::NotANumber(s), Lang::Th) => format!(
                "“{}” ไม่ใช่จำนวนเต็ม กรุณาพิมพ์เฉพาะตัวเลข เช่น 55 หรือ ๕๕",
                quote(s)
            ),
            (Self::TooLarge(s), Lang::En) => {
                format!(
                    "“{}” is too large: the most allowed is {}.",
                    quote(s),
                    u32::MAX
                )
            }
            (Self::TooLarge(s), Lang::Th) => {
                format!("“{}” มากเกินไป ใส่ได้ไม่เกิน {}", quote(s), u32::MAX)
            }
        }
    }
}

impl fmt::Display for ParseNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for ParseNumberError {}

/// Why a date field was refused. Each variant keeps the input as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not in a form we read (`YYYY-MM-DD` or `D/M/YYYY`).
    Unrecognised(String),
    /// In a form we read, but no such day exists (31/2/2564).
    NoSuchDay(String),
}

/// A date written `YYYY-MM-DD` or `D/M/YYYY` (`DD/MM/YYYY` too), with ASCII
/// or Thai digits; a year above 2400 is Buddhist era.
pub fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Err(DateError::Empty);
    }
    let ascii = thai_digits_to_ascii(trimmed);
    let (year, month, day) = split_iso(&ascii)
        .or_else(|| split_dmy(&ascii))
        .ok_or_else(|| DateError::Unrecognised(trimmed.to_owned()))?;
    let year = if year > BE_THRESHOLD {
        year - BE_OFFSET
    } else {
        year
    };
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(trimmed.to_owned()))
}

/// `YYYY-MM-DD` as (year, month, day).
fn split_iso(s: &str) -> Option<(i32, u32, u32)> {
    let [y, m, d] = three_fields(s, '-')?;
    Some((field(y, 4, 4)?, field(m, 1, 2)?, field(d, 1, 2)?))
}

/// `D/M/YYYY` as (year, month, day).
fn split_dmy(s: &str) -> Option<(i32, u32, u32)> {
    let [d, m, y] = three_fields(s, '/')?;
    Some((field(y, 4, 4)?, field(m, 1, 2)?, field(d, 1, 2)?))
}

fn three_fields(s: &str, sep: char) -> Option<[&str; 3]> {
    let mut parts = s.split(sep);
    let fields = [parts.next()?, parts.next()?, parts.next()?];
    parts.next().is_none().then_some(fields)
}

/// An all-digit field of `min..=max` digits; the length cap also rules out
/// overflow.
fn field<T: std::str::FromStr>(s: &str, min: usize, max: usize) -> Option<T> {
    let ok = (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if ok { s.parse().ok() } else { None }
}

const FORMS_EN: &str = "use YYYY-MM-DD or D/M/YYYY (a year above 2400 is Buddhist era).";
const FORMS_TH: &str = "ให้ใช้รูปแบบ ปปปป-ดด-วว หรือ ว/ด/ปปปป (ปีที่มากกว่า 2400 ถือเป็น พ.ศ.)";

impl DateError {
    /// One sentence for the status line, in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Empty, Lang::En) => format!("No date given: {FORMS_EN}"),
            (Self::Empty, Lang::Th) => format!("ยังไม่ได้ใส่วันที่ {FORMS_TH}"),
            (Self::Unrecognised(s), Lang::En) => {
                format!("“{}” is not a date: {FORMS_EN}", quote(s))
            }
            (Self::Unrecognised(s), Lang::Th) => {
                format!("“{}” ไม่ใช่วันที่ {FORMS_TH}", quote(s))
            }
            (Self::NoSuchDay(s), Lang::En) => {
                format!("“{}” is not a real date: {FORMS_EN}", quote(s))
            }
            (Self::NoSuchDay(s), Lang::Th) => {
                format!("“{}” ไม่มีวันนี้อยู่จริง {FORMS_TH}", quote(s))
            }
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DateError {}

/// Columns of typed input echoed in a message before it is cut short.
const QUOTE_WIDTH: usize = 30;

/// User input made safe to echo: controls shown, long input shortened so the
/// message still fits a status line.
pub(crate) fn quote(s: &str) -> String {
    let shown = for_display(s);
    let cut = truncate_to_width(&shown, QUOTE_WIDTH);
    if cut.len() < shown.len() {
        format!("{cut}…")
    } else {
        shown.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn long_dates_in_both_languages() {
        let d = ymd(2021, 1, 13);
        assert_eq!(format_date(d, Lang::Th), "13 มกราคม 2564");
        assert_eq!(format_date(d, Lang::En), "13 January 2021");
        assert_eq!(format_date(ymd(2019, 6, 11), Lang::Th), "11 มิถุนายน 2562");
        assert_eq!(format_date(ymd(2008, 2, 28), Lang::Th), "28 กุมภาพันธ์ 2551");
        assert_eq!(format_date(ymd(2020, 12, 1), Lang::En), "1 December 2020");
    }

    #[test]
    fn short_dates_in_both_languages() {
        let d = ymd(2021, 1, 13);
        assert_eq!(format_date_short(d, Lang::Th), "13 ม.ค. 64");
        assert_eq!(format_date_short(d, Lang::En), "13 Jan 2021");
        assert_eq!(format_date_short(ymd(2008, 2, 28), Lang::Th), "28 ก.พ. 51");
        assert_eq!(format_date_short(ymd(2019, 6, 11), Lang::Th), "11 มิ.ย. 62");
        assert_eq!(format_date_short(ymd(1957, 5, 4), Lang::Th), "4 พ.ค. 00");
        assert_eq!(format_date_short(ymd(2021, 9, 30), Lang::En), "30 Sep 2021");
        assert_eq!(format_month_short(2024, 1, Lang::Th), "ม.ค. 67");
        assert_eq!(format_month_short(2024, 12, Lang::En), "Dec 2024");
    }

    #[test]
    fn every_month_has_names() {
        for m in 1..=12 {
            let d = ymd(2021, m, 1);
            assert!(!format_date(d, Lang::Th).contains("  "));
            assert_eq!(format_date(d, Lang::En).split(' ').count(), 3);
        }
        assert_eq!(format_date_short(ymd(2021, 12, 5), Lang::Th), "5 ธ.ค. 64");
    }

    #[test]
    fn times_of_day_in_both_languages() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
        assert_eq!(
            format_time(t(8, 30), Some(t(16, 30)), Lang::Th),
            "08.30–16.30 น."
        );
        assert_eq!(
            format_time(t(8, 30), Some(t(16, 30)), Lang::En),
            "08:30–16:30"
        );
        assert_eq!(format_time(t(13, 0), None, Lang::Th), "13.00 น.");
        assert_eq!(format_time(t(9, 5), None, Lang::En), "09:05");
    }

    #[test]
    fn dates_and_numbers_in_thai_digits() {
        let d = ymd(2021, 1, 13);
        assert_eq!(
            Digits::Thai.apply(&format_date(d, Lang::Th)),
            "๑๓ มกราคม ๒๕๖๔"
        );
        assert_eq!(
            Digits::Thai.apply(&format_date_short(ymd(2021, 1, 29), Lang::Th)),
            "๒๙ ม.ค. ๖๔"
        );
        assert_eq!(Digits::Thai.num(2), "๒");
        assert_eq!(Digits::Thai.num(1234567890), "๑๒๓๔๕๖๗๘๙๐");
        assert_eq!(Digits::Arabic.num(2), "2");
        assert_eq!(Digits::Thai.apply("พ.ศ. 2551 กชช.2ค"), "พ.ศ. ๒๕๕๑ กชช.๒ค");
        assert!(matches!(Digits::Thai.apply("ไม่มีตัวเลข"), Cow::Borrowed(_)));
        assert!(matches!(Digits::Arabic.apply("55"), Cow::Borrowed(_)));
        // Only ASCII digits change: other scripts' digits stay as typed.
        assert_eq!(ascii_to_thai_digits("٣ ๓ 3"), "٣ ๓ ๓");
        assert_eq!(
            thai_digits_to_ascii(&ascii_to_thai_digits("0123456789")),
            "0123456789"
        );
    }

    #[test]
    fn thai_digits() {
        assert_eq!(thai_digits_to_ascii("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
        assert_eq!(thai_digits_to_ascii("พ.ศ. ๒๕๕๑"), "พ.ศ. 2551");
        assert!(matches!(thai_digits_to_ascii("2551"), Cow::Borrowed(_)));
    }

    #[test]
    fn numbers() {
        assert_eq!(parse_number("55"), Ok(55));
        assert_eq!(parse_number(" ๕๕ "), Ok(55));
        assert_eq!(parse_number("๑5"), Ok(15));
        assert_eq!(parse_number("0"), Ok(0));
        assert_eq!(parse_number("4294967295"), Ok(u32::MAX));
        assert_eq!(parse_number(""), Err(ParseNumberError::Empty));
        assert_eq!(parse_number("  "), Err(ParseNumberError::Empty));
        assert_eq!(
            parse_number("-5"),
            Err(ParseNumberError::Negative("-5".into()))
        );
        assert_eq!(
            parse_number("+5"),
            Err(ParseNumberError::NotANumber("+5".into()))
        );
        assert_eq!(
            parse_number("5 5"),
            Err(ParseNumberError::NotANumber("5 5".into()))
        );
        assert_eq!(
            parse_number("abc"),
            Err(ParseNumberError::NotANumber("abc".into()))
        );
        assert_eq!(
            parse_number("-"),
            Err(ParseNumberError::NotANumber("-".into()))
        );
        assert_eq!(
            parse_number("4294967296"),
            Err(ParseNumberError::TooLarge("4294967296".into()))
        );
    }

    #[test]
    fn number_messages() {
        let e = ParseNumberError::NotANumber("abc".into());
        assert_eq!(
            e.to_string(),
            "“abc” is not a whole number: type digits only, like 55 or ๕๕."
        );
        assert!(e.message(Lang::Th).contains("ไม่ใช่จำนวนเต็ม"));
    }

    #[test]
    fn dates_parse_in_every_form() {
        let want = Ok(ymd(2021, 2, 15));
        for s in [
            "2021-02-15",
            "2021-2-15",
            "2564-02-15",
            "15/2/2564",
            "15/02/2021",
            "๑๕/๒/๒๕๖๔",
            "๒๐๒๑-๐๒-๑๕",
            "  15/2/2564 ",
            "1๕/2/256๔",
        ] {
            assert_eq!(parse_date(s), want, "{s}");
        }
        assert_eq!(parse_date("13/1/2564"), Ok(ymd(2021, 1, 13)));
        assert_eq!(parse_date("2400-01-01"), Ok(ymd(2400, 1, 1)));
        assert_eq!(parse_date("2401-01-01"), Ok(ymd(1858, 1, 1)));
        assert_eq!(parse_date("29/2/2563"), Ok(ymd(2020, 2, 29)));
    }

    #[test]
    fn bad_dates_are_refused() {
        assert_eq!(
            parse_date("31/2/2564"),
            Err(DateError::NoSuchDay("31/2/2564".into()))
        );
        assert_eq!(
            parse_date("2021-13-01"),
            Err(DateError::NoSuchDay("2021-13-01".into()))
        );
        assert_eq!(
            parse_date("29/2/2564"),
            Err(DateError::NoSuchDay("29/2/2564".into()))
        );
        assert_eq!(
            parse_date("0/1/2564"),
            Err(DateError::NoSuchDay("0/1/2564".into()))
        );
        assert_eq!(
            parse_date("tomorrow"),
            Err(DateError::Unrecognised("tomorrow".into()))
        );
        assert_eq!(parse_date(""), Err(DateError::Empty));
        for s in [
            "15/2/64",
            "2021-02",
            "2021/02/15",
            "15-2-2564",
            "1/2/3/2564",
            "-1/2/2564",
            "15/2/+564",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::Unrecognised(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn date_messages() {
        let e = DateError::NoSuchDay("31/2/2564".into());
        assert_eq!(
            e.to_string(),
            "“31/2/2564” is not a real date: use YYYY-MM-DD or D/M/YYYY (a year above 2400 is Buddhist era)."
        );
        assert!(e.message(Lang::Th).starts_with("“31/2/2564” ไม่มีวันนี้อยู่จริง"));
        assert!(
            DateError::Empty
                .message(Lang::En)
                .starts_with("No date given")
        );
    }

    #[test]
    fn messages_quote_input_safely() {
        let e = DateError::Unrecognised("\x1b[2J".into());
        assert!(e.to_string().starts_with("“␛[2J”"));
        let long = "x".repeat(100);
        let msg = DateError::Unrecognised(long).to_string();
        assert!(msg.starts_with(&format!("“{}…”", "x".repeat(30))));
    }
}

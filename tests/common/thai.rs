//! Thai line breaks as a reader sees them: the rule a syllable is held
//! together by (written out apart from `wethi::text::syllable`), the
//! everyday words no line may split, the seed press release, and a check of
//! printed lines against them.

use std::collections::HashSet;

use serde_json::{Value, json};

/// Everyday words of a Thai workshop that no printed line may split, and why
/// a split reads wrong.
pub const EVERYDAY: &[(&str, &str)] = &[
    ("เจ้าหน้าที่", "officer; เจ้า|หน้าที่ reads as 'lord' and 'duty'"),
    (
        "ขับเคลื่อน",
        "to drive forward; ขับ|เคลื่อน reads as 'drive' and 'move'",
    ),
    (
        "แลกเปลี่ยน",
        "to exchange; the halves mean 'swap' and 'change'",
    ),
    (
        "ครัวเรือน",
        "household; ครัว|เรือน reads as 'kitchen' and 'house'",
    ),
    ("เครือข่าย", "network; เครือ|ข่าย reads as 'vine' and 'net'"),
    (
        "ผู้อำนวยการ",
        "director, a title; ผู้อำนวย|การ leaves การ ('the act of') alone",
    ),
    (
        "เศรษฐกิจพอเพียง",
        "sufficiency economy, the name of a royal philosophy",
    ),
    ("ขัดแย้ง", "conflict; ขัด|แย้ง reads as 'rub' and 'argue'"),
    ("ส่งเสริม", "to promote; ส่ง|เสริม reads as 'send' and 'add'"),
    ("ช่องทาง", "channel; ช่อง|ทาง reads as 'slot' and 'way'"),
    ("มีส่วนร่วม", "to take part, one set phrase"),
    ("ผู้เข้าร่วม", "participant; ผู้เข้า|ร่วม leaves 'one who enters'"),
    ("อุบลราชธานี", "a province's name: a name is never split"),
    ("ประสิทธิภาพ", "efficiency, one word"),
    ("ประชาสัมพันธ์", "public relations, one word"),
    ("วัตถุประสงค์", "objective, one word"),
];

/// The seed press release (tests/fixtures), paragraph by paragraph.
pub fn seed_paragraphs() -> Vec<String> {
    include_str!("../fixtures/seed-press-release.txt")
        .lines()
        .map(str::trim)
        .filter(|l| l.chars().count() > 30)
        .map(str::to_owned)
        .collect()
}

/// The item: the seed's sentence about the director, whose กลุ่ม
/// the dictionary model cut as ก|ลุ่ม.
const DIRECTOR: &str = "นางกนกอร โพธิ์สิงห์ ผู้อำนวยการกลุ่มงานส่งเสริมการพัฒนาชุมชน พร้อมด้วย นักวิชาการและเจ้าหน้าที่สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี";

/// The example session with the seed press release's paragraphs and the
/// director's sentence as SWOT items (no votes), dealt over the panes; and
/// every text in it, for reading the printed lines back.
pub fn seed_session() -> (Value, Vec<String>) {
    let mut texts = seed_paragraphs();
    texts.insert(0, DIRECTOR.to_owned());
    let mut session: Value =
        serde_json::from_str(&std::fs::read_to_string(super::example_path()).expect("example"))
            .expect("JSON");
    let mut panes: [Vec<Value>; 4] = Default::default();
    for (i, t) in texts.iter().enumerate() {
        panes[i % 4].push(super::swot_item(&format!("sw-seed{i}"), t));
    }
    let [s, w, o, t] = panes;
    session["swot"] = json!({"strengths": s, "weaknesses": w, "opportunities": o, "threats": t});
    session["strategies"] = json!({"so": [], "st": [], "wo": [], "wt": []});
    texts.extend(strings_of(&session));
    (session, texts)
}

/// Every string value in `v`.
fn strings_of(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(strings_of).collect(),
        Value::Object(o) => o.values().flat_map(strings_of).collect(),
        _ => Vec::new(),
    }
}

/// How many places `printed` (a program's output, lines of text in whatever
/// layout) breaks one of `texts` with no space, and the problems there: a
/// break inside a syllable or inside an everyday word. Two consecutive printed lines are
/// one text broken in two when the end of the first and all of the second
/// run on in one of `texts` with nothing between them; a break at a space
/// is a break between words. `content` takes a printed line's layout away
/// (borders, numbers, vote counts): the text, or nothing.
pub fn bad_breaks(
    printed: &[&str],
    texts: &[String],
    content: impl Fn(&str) -> &str,
) -> (usize, Vec<String>) {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut checked = 0;
    for pair in printed.windows(2) {
        let (line, next) = (content(pair[0]).trim_end(), content(pair[1]).trim());
        // A line of marks alone is pdftotext's, not the printer's: it puts a
        // tone mark set high over a vowel (the ้ of สิ้น) on a line of its own.
        if line.is_empty() || next.is_empty() || next.chars().all(thai_rule::is_mark) {
            continue;
        }
        // The longest end of `line` that `next` continues in some text,
        // straight on (a break to check) or after a space.
        let found = line.char_indices().find_map(|(i, _)| {
            let end = &line[i..];
            let joined = format!("{end}{next}");
            let spaced = format!("{end} {next}");
            texts.iter().find_map(|t| match t.find(&joined) {
                Some(o) => Some(Some((t, o + end.len()))),
                None => t.contains(&spaced).then_some(None),
            })
        });
        let Some(Some((text, at))) = found else {
            continue;
        };
        if !seen.insert((text.as_ptr(), at)) {
            continue;
        }
        checked += 1;
        let around = format!("{}|{}", tail(&text[..at], 12), head(&text[at..], 12));
        if !thai_rule::may_break(text, at) {
            problems.push(format!("a syllable split: {around}"));
        }
        for (word, _) in EVERYDAY {
            for (start, _) in text.match_indices(word) {
                if start < at && at < start + word.len() {
                    problems.push(format!("{word} split: {around}"));
                }
            }
        }
    }
    (checked, problems)
}

fn tail(s: &str, n: usize) -> &str {
    let k = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    &s[k..]
}

fn head(s: &str, n: usize) -> &str {
    let k = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..k]
}

/// The rule a Thai syllable is held together by, written out here on its
/// own, apart from `wethi::text::syllable`, to check the wrapper against
/// (docs/THAI.md, "Syllables"): a leading vowel stays with the consonant
/// after it; vowel signs, tone marks and the marks after a consonant stay
/// with it; a silent letter stays with its syllable; a consonant cluster is
/// not split; and a final consonant after a vowel sign or tone mark stays
/// with its syllable unless that syllable never takes one (ใ ไ เ-า).
pub mod thai_rule {
    const LEADING: &str = "\u{0E40}\u{0E41}\u{0E42}\u{0E43}\u{0E44}";
    /// ะ ั า ำ ิ ี ึ ื ุ ู ฺ ๅ ็ ่ ้ ๊ ๋ ํ ๎
    const SIGNS: &str = "\u{0E30}\u{0E31}\u{0E32}\u{0E33}\u{0E34}\u{0E35}\u{0E36}\u{0E37}\
                         \u{0E38}\u{0E39}\u{0E3A}\u{0E45}\u{0E47}\u{0E48}\u{0E49}\u{0E4A}\
                         \u{0E4B}\u{0E4D}\u{0E4E}";
    /// ั า ิ ี ึ ื ุ ู ็ ่ ้ ๊ ๋: a consonant after them with no vowel of
    /// its own is a final.
    const BEFORE_FINAL: &str = "\u{0E31}\u{0E32}\u{0E34}\u{0E35}\u{0E36}\u{0E37}\u{0E38}\
                                \u{0E39}\u{0E47}\u{0E48}\u{0E49}\u{0E4A}\u{0E4B}";
    const THANTHAKHAT: char = '\u{0E4C}';
    const CLUSTERS: &[&str] = &[
        "กร", "กล", "กว", "ขร", "ขล", "ขว", "คร", "คล", "คว", "ตร", "ปร", "ปล", "พร", "พล", "ผล",
        "บร", "บล", "ดร", "ฟร", "ฟล", "ทร", "จร", "ซร", "ศร", "สร", "หง", "หญ", "หน", "หม", "หย",
        "หร", "หล", "หว", "อย",
    ];

    fn consonant(c: Option<char>) -> bool {
        c.is_some_and(|c| ('ก'..='ฮ').contains(&c))
    }

    fn one_of(c: Option<char>, set: &str) -> bool {
        c.is_some_and(|c| set.contains(c))
    }

    /// A vowel sign, tone mark or other mark that stays with the letter
    /// before it: no printed line starts with one.
    pub fn is_mark(c: char) -> bool {
        stays_with_previous(Some(c))
    }

    fn stays_with_previous(c: Option<char>) -> bool {
        one_of(c, SIGNS) || one_of(c, "\u{0E4C}\u{0E46}\u{0E2F}")
    }

    fn thai_letter(c: char) -> bool {
        let c = Some(c);
        consonant(c) || one_of(c, LEADING) || stays_with_previous(c)
    }

    fn pair(a: Option<char>, b: Option<char>) -> bool {
        match (a, b) {
            (Some(a), Some(b)) => CLUSTERS.contains(&format!("{a}{b}").as_str()),
            _ => false,
        }
    }

    /// Whether a line may end at byte `at` of `s` without splitting a
    /// syllable by this rule.
    pub fn may_break(s: &str, at: usize) -> bool {
        // back[0] is the letter before the break, ahead[0] the one after.
        let back: Vec<char> = s[..at]
            .chars()
            .rev()
            .take_while(|&c| thai_letter(c))
            .take(8)
            .collect();
        let ahead: Vec<char> = s[at..]
            .chars()
            .take_while(|&c| thai_letter(c))
            .take(4)
            .collect();
        let b = |i: usize| back.get(i).copied();
        let f = |i: usize| ahead.get(i).copied();
        if b(0).is_none() || f(0).is_none() {
            return true;
        }
        if stays_with_previous(f(0)) || one_of(b(0), LEADING) {
            return false;
        }
        let silent = consonant(f(0))
            && (f(1) == Some(THANTHAKHAT)
                || (one_of(f(1), "\u{0E34}\u{0E38}") || consonant(f(1)))
                    && f(2) == Some(THANTHAKHAT));
        if silent {
            return false;
        }
        let under_leading =
            one_of(b(1), LEADING) || consonant(b(1)) && pair(b(1), b(0)) && one_of(b(2), LEADING);
        let tones = "\u{0E48}\u{0E49}\u{0E4A}\u{0E4B}";
        // ใ and ไ take no other vowel: a vowel sign after the second
        // consonant (past a tone mark) is a new syllable's.
        let holds = if one_of(b(1), "\u{0E43}\u{0E44}") {
            let vowel = if one_of(f(1), tones) { f(2) } else { f(1) };
            let own_vowel = one_of(vowel, SIGNS) && !one_of(vowel, tones);
            !own_vowel
        } else {
            one_of(f(1), SIGNS) || under_leading
        };
        if consonant(b(0)) && pair(b(0), f(0)) && holds {
            return false;
        }
        let no_vowel = consonant(f(0)) && !one_of(f(1), SIGNS) && !one_of(f(1), "อว");
        let starts_cluster = pair(f(0), f(1)) && one_of(f(2), SIGNS);
        if no_vowel && !starts_cluster && one_of(b(0), BEFORE_FINAL) {
            // The syllable's leading vowel: past the signs, its consonant
            // (and the first of a cluster).
            let mut k = 0;
            while one_of(b(k), SIGNS) {
                k += 1;
            }
            if consonant(b(k + 1)) && pair(b(k + 1), b(k)) {
                k += 1;
            }
            let open = consonant(b(k))
                && (one_of(b(k + 1), "\u{0E43}\u{0E44}")
                    || b(k + 1) == Some('\u{0E40}') && b(0) == Some('\u{0E32}'));
            return open;
        }
        true
    }
}

//! Where a line may end inside Thai text without splitting a syllable.
//!
//! ICU's dictionary model sometimes proposes a break inside a syllable: in
//! ผู้อำนวยการกลุ่มงาน it finds the word การก (a grammatical case) and cuts
//! กลุ่ม as ก|ลุ่ม. Every break the wrapper uses passes [`may_end_line`]
//! first, so no model and no word list can split a syllable. The rules
//! (docs/THAI.md, "Syllables") look only at the letters next to the break:
//!
//! 1. Vowel signs, tone marks and the marks after a consonant (ะ ั า ำ ิ ี ึ ื
//!    ุ ู ฺ ๅ ็ ่ ้ ๊ ๋ ์ ํ ๎), and ๆ ฯ, stay with the letter before them.
//! 2. A leading vowel (เ แ โ ใ ไ) stays with the consonant after it.
//! 3. A silent letter (a consonant under ์, with ิ or ุ before ์, or two
//!    consonants before ์: จันทร์, พันธุ์, ศาสตร์) stays with its syllable.
//! 4. A consonant cluster (กร กล กว ขร ขล ขว คร คล คว ตร ปร ปล พร พล ผล บร
//!    บล ดร ฟร ฟล ทร จร ซร ศร สร, ห before ง ญ น ม ย ร ล ว, อย) is not
//!    split when its second letter carries a vowel (ก|ลุ่ม, ป|ระ, ห|ลาย)
//!    or its first carries a leading vowel (เก|ลือ, เพ|ลง, ไก|ล); after ใ
//!    or ไ a second letter with a vowel sign starts anew (ใจ|ระเบียบ).
//! 5. A final consonant stays with its syllable: a consonant that carries
//!    no vowel of its own (neither a sign nor a vowel letter, as ข in ของ)
//!    and does not start a cluster that does, after a
//!    vowel sign or tone mark (กา|ร, เป็|น), after a consonant under a
//!    leading vowel (แผ|น) or after a vowel letter (ขอ|ง, เมือ|ง, ด้ว|ย),
//!    unless that syllable never takes one (ใ ไ, เ-า, ะ, ำ).
//! 6. Between two consonants that carry no vowel sign, where the first is
//!    not a final, the second is the first's final (ค|น, กร|รม).
//!
//! A break next to anything but a Thai letter (a space, a digit, Latin) is
//! free: there is no syllable to split.

/// Consonants ก to ฮ (ฤ and ฦ count as consonants).
fn consonant(c: char) -> bool {
    ('\u{0E01}'..='\u{0E2E}').contains(&c)
}

/// เ แ โ ใ ไ, written before the consonant they follow in speech.
fn leading(c: char) -> bool {
    ('\u{0E40}'..='\u{0E44}').contains(&c)
}

/// Vowel signs and marks written after (above, below) a consonant, not
/// counting ์.
fn sign(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}' | '\u{0E47}'..='\u{0E4B}' | '\u{0E4D}' | '\u{0E4E}')
}

const THANTHAKHAT: char = '\u{0E4C}';

/// Anything rule 1 keeps with the letter before it.
fn follows(c: char) -> bool {
    sign(c) || matches!(c, THANTHAKHAT | '\u{0E46}' | '\u{0E2F}')
}

/// The letters the rules look at; digits and symbols are not among them.
fn letter(c: char) -> bool {
    consonant(c) || leading(c) || follows(c)
}

/// Signs after which a consonant that carries no vowel is a final.
fn takes_final(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E32}' | '\u{0E34}'..='\u{0E39}' | '\u{0E47}'..='\u{0E4B}')
}

/// The consonant clusters of rule 4.
fn cluster(first: char, second: char) -> bool {
    match first {
        'ก' | 'ข' | 'ค' => matches!(second, 'ร' | 'ล' | 'ว'),
        'ป' | 'พ' | 'บ' | 'ฟ' => matches!(second, 'ร' | 'ล'),
        'ผ' => second == 'ล',
        'ต' | 'ด' | 'ท' | 'จ' | 'ซ' | 'ศ' | 'ส' => second == 'ร',
        'ห' => matches!(second, 'ง' | 'ญ' | 'น' | 'ม' | 'ย' | 'ร' | 'ล' | 'ว'),
        'อ' => second == 'ย',
        _ => false,
    }
}

/// The letters around one position of a run of Thai letters: `at(0)` is
/// the letter just after it, `at(-1)` the one just before; '\0' past the
/// run.
struct Window<'a> {
    run: &'a [char],
    pivot: usize,
}

impl Window<'_> {
    /// The letter at `i`: 0 is the first after the position, -1 the last
    /// before it.
    fn at(&self, i: isize) -> char {
        self.pivot
            .checked_add_signed(i)
            .and_then(|k| self.run.get(k))
            .copied()
            .unwrap_or('\0')
    }

    /// Consonant `i` carries a vowel sign or mark.
    fn voiced(&self, i: isize) -> bool {
        consonant(self.at(i)) && sign(self.at(i + 1))
    }

    /// Consonant `i` starts a silent group (rule 3).
    fn silent(&self, i: isize) -> bool {
        let next = self.at(i + 1);
        consonant(self.at(i))
            && (next == THANTHAKHAT
                || (matches!(next, '\u{0E34}' | '\u{0E38}') || consonant(next))
                    && self.at(i + 2) == THANTHAKHAT)
    }

    /// Consonant `i` carries no vowel (no sign, no vowel letter: ข of ของ
    /// carries one) and is not silent.
    fn bare(&self, i: isize) -> bool {
        consonant(self.at(i))
            && !sign(self.at(i + 1))
            && !self.silent(i)
            && !self.vowel_letter(i + 1)
    }

    /// Consonant `i` and the next form a cluster whose second letter
    /// carries a vowel.
    fn cluster_onset(&self, i: isize) -> bool {
        consonant(self.at(i)) && cluster(self.at(i), self.at(i + 1)) && self.voiced(i + 1)
    }

    /// Consonant `i` is under a leading vowel, alone or as the second letter
    /// of a cluster.
    fn under_leading(&self, i: isize) -> bool {
        consonant(self.at(i))
            && (leading(self.at(i - 1))
                || consonant(self.at(i - 1))
                    && cluster(self.at(i - 1), self.at(i))
                    && leading(self.at(i - 2)))
    }

    /// The leading vowel of the syllable whose last letter is `i`, if any.
    fn leading_of(&self, i: isize) -> Option<char> {
        let mut k = i;
        if matches!(self.at(k), 'อ' | 'ว' | 'ย') && sign(self.at(k - 1)) {
            k -= 1;
        }
        while sign(self.at(k)) {
            k -= 1;
        }
        if !consonant(self.at(k)) {
            return None;
        }
        if consonant(self.at(k - 1)) && cluster(self.at(k - 1), self.at(k)) {
            k -= 1;
        }
        Some(self.at(k - 1)).filter(|&c| leading(c))
    }

    /// อ, ว or ย at `i` spells (part of) the vowel: ขอ, สวน, ก่อน, ด้วย,
    /// เมือง, เรียน, ตัว, ชั่ว.
    fn vowel_letter(&self, i: isize) -> bool {
        let c = self.at(i);
        // A tone mark sits between the vowel letter and what it follows.
        let toned = matches!(self.at(i - 1), '\u{0E48}'..='\u{0E4B}');
        let before = if toned { i - 2 } else { i - 1 };
        match (c, self.at(before)) {
            ('อ', '\u{0E37}') | ('ว', '\u{0E31}') => true,
            ('ย', '\u{0E35}') => self.leading_of(i) == Some('เ'),
            ('อ' | 'ว', onset) => consonant(onset) && !self.under_leading(before),
            _ => false,
        }
    }

    /// The consonants either side of the position, a cluster, are one
    /// syllable's (rule 4): the second carries a vowel, or the first a
    /// leading vowel. After ใ or ไ, which take no other vowel, a second
    /// letter with a vowel sign of its own (past a tone mark) starts a new
    /// syllable: ใจ|ระเบียบ, ใจ|ร้าย, but ไค|ร่ stays.
    fn holds_cluster(&self) -> bool {
        if matches!(self.at(-2), 'ใ' | 'ไ') {
            let k = if matches!(self.at(1), '\u{0E48}'..='\u{0E4B}') {
                2
            } else {
                1
            };
            let own_vowel = sign(self.at(k)) && !matches!(self.at(k), '\u{0E48}'..='\u{0E4B}');
            return !own_vowel;
        }
        self.voiced(0) || self.under_leading(-1)
    }

    /// The syllable ending with letter `i` never takes a final: it is
    /// spelt with ใ or ไ, or is เ-า.
    fn open(&self, i: isize) -> bool {
        match self.leading_of(i) {
            Some('ใ' | 'ไ') => true,
            Some('เ') => self.at(i) == 'า',
            _ => false,
        }
    }

    /// A consonant carrying no vowel after letter `i` would be its
    /// syllable's final.
    fn wants_final(&self, i: isize) -> bool {
        let c = self.at(i);
        (takes_final(c) || self.under_leading(i) || self.vowel_letter(i)) && !self.open(i)
    }

    /// Consonant `i` is the final of the syllable before it.
    fn is_final(&self, i: isize) -> bool {
        consonant(self.at(i)) && self.wants_final(i - 1)
    }
}

/// Whether a line may end at byte `at` of `s` (a char boundary) without
/// splitting a Thai syllable; see the module's rules.
pub fn may_end_line(s: &str, at: usize) -> bool {
    around(s, at, |w| judge(w, Rules::All))
}

/// Whether a word wider than the line may be cut at byte `at` when no
/// place [`may_end_line`] allows is left: rules 1 to 4, and rule 5 after a
/// vowel sign or tone mark only. What the other rules keep whole (กรรม,
/// แผน, ของ) may part here, but never a leading vowel, a mark, a silent
/// letter, a cluster or a final after a vowel sign from its syllable.
pub fn may_cut(s: &str, at: usize) -> bool {
    around(s, at, |w| judge(w, Rules::Core))
}

/// Whether a line may end before letter `i` of `run`, a run of Thai
/// letters (as [`thai_letter`] tells them) between other characters.
pub fn may_end_before(run: &[char], i: usize) -> bool {
    judge(&Window { run, pivot: i }, Rules::All)
}

/// [`may_cut`] before letter `i` of `run`, a run of Thai letters.
pub fn may_cut_before(run: &[char], i: usize) -> bool {
    judge(&Window { run, pivot: i }, Rules::Core)
}

/// A letter the rules look at; runs of them are judged as a whole.
pub fn thai_letter(c: char) -> bool {
    letter(c)
}

/// `judge` applied to the letters around byte `at` of `s`.
fn around(s: &str, at: usize, judge: impl Fn(&Window) -> bool) -> bool {
    let (Some(head), Some(tail)) = (s.get(..at), s.get(at..)) else {
        return true;
    };
    // The rules look at most 7 letters back and 3 ahead.
    let mut letters = ['\0'; 12];
    let mut pivot = 0;
    for c in head.chars().rev().take(8).take_while(|&c| letter(c)) {
        letters[pivot] = c;
        pivot += 1;
    }
    letters[..pivot].reverse();
    let mut end = pivot;
    for c in tail.chars().take(4).take_while(|&c| letter(c)) {
        letters[end] = c;
        end += 1;
    }
    judge(&Window {
        run: &letters[..end],
        pivot,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rules {
    All,
    Core,
}

fn judge(w: &Window, rules: Rules) -> bool {
    let (a, b) = (w.at(-1), w.at(0));
    if !letter(a) || !letter(b) {
        return true;
    }
    if follows(b) || leading(a) || w.silent(0) {
        return false;
    }
    if consonant(a) && consonant(b) && cluster(a, b) && w.holds_cluster() {
        return false;
    }
    if rules == Rules::Core {
        let unvoiced = consonant(b) && !sign(w.at(1)) && !matches!(w.at(1), 'อ' | 'ว');
        let final_after_sign = unvoiced && !w.cluster_onset(0) && takes_final(a) && !w.open(-1);
        return !final_after_sign;
    }
    if w.bare(0) && !w.cluster_onset(0) {
        if w.wants_final(-1) {
            return false;
        }
        if consonant(a) && !w.under_leading(-1) && !w.is_final(-1) && !w.vowel_letter(-1) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `s` with `|` at every place a line may end between two letters.
    fn marked(s: &str) -> String {
        let mut out = String::new();
        for (i, c) in s.char_indices() {
            if i > 0 && may_end_line(s, i) {
                out.push('|');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn a_cluster_is_never_split() {
        // The case: ICU's dictionary cuts การก|ลุ่ม.
        let s = "ผู้อำนวยการกลุ่มงาน";
        let at = "ผู้อำนวยการก".len();
        assert!(!may_end_line(s, at));
        assert!(may_end_line(s, "ผู้อำนวยการ".len()));
        assert!(!may_end_line("ประชุม", "ป".len()));
        assert!(!may_end_line("หลาย", "ห".len()));
        assert!(!may_end_line("อย่าง", "อ".len()));
        assert!(!may_end_line("เกลือ", "เก".len()));
        assert!(!may_end_line("เพลง", "เพ".len()));
        assert!(!may_end_line("ไคร่", "ไค".len()));
        assert!(may_end_line("เข้าใจระเบียบ", "เข้าใจ".len()));
        assert!(may_end_line("ใจร้าย", "ใจ".len()));
    }

    #[test]
    fn syllables_of_everyday_words() {
        assert_eq!(marked("ส่งเสริม"), "ส่ง|เสริม");
        assert_eq!(marked("ขับเคลื่อน"), "ขับ|เคลื่อน");
        assert_eq!(marked("ครัวเรือน"), "ครัว|เรือน");
        assert_eq!(marked("เครือข่าย"), "เครือ|ข่าย");
        assert_eq!(marked("กลุ่มงาน"), "กลุ่ม|งาน");
        assert_eq!(marked("แผนชุมชน"), "แผน|ชุม|ชน");
        assert_eq!(marked("เจ้าหน้าที่"), "เจ้า|หน้า|ที่");
        assert_eq!(marked("ในการด้วย"), "ใน|การ|ด้วย");
        assert_eq!(marked("ของเมืองเรียน"), "ของ|เมือง|เรียน");
        assert_eq!(marked("โพธิ์สิงห์"), "โพธิ์|สิงห์");
        assert_eq!(marked("จันทร์พันธุ์"), "จันทร์|พันธุ์");
        assert_eq!(marked("สนุก"), "ส|นุก");
        assert_eq!(marked("กรรม"), "กรรม");
        assert_eq!(marked("คนที่"), "คน|ที่");
        assert_eq!(marked("ให้คน"), "ให้|คน");
        assert_eq!(marked("เขาไป"), "เขา|ไป");
        assert_eq!(marked("อำนวยการ"), "อำ|นวย|การ");
        assert_eq!(marked("ศอช"), "ศอช");
    }

    #[test]
    fn finals_stay_with_their_syllable() {
        for (s, at) in [
            ("การ", "กา"),
            ("เป็น", "เป็"),
            ("แผน", "แผ"),
            ("ของ", "ขอ"),
            ("เมือง", "เมือ"),
            ("ด้วย", "ด้ว"),
            ("คน", "ค"),
        ] {
            assert!(!may_end_line(s, at.len()), "{s} at {at}");
        }
    }

    #[test]
    fn marks_never_start_a_line() {
        for s in ["กา", "กำ", "ก่", "ก์", "กๆ", "กฯ"] {
            assert!(!may_end_line(s, 'ก'.len_utf8()), "{s}");
        }
        // After a space a mark has no syllable to stay with.
        assert!(may_end_line("a า", 2));
        assert!(may_end_line("a ก", 2));
        assert!(may_end_line("ก1", 'ก'.len_utf8()));
    }
}

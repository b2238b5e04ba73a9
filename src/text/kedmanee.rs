//! Command keys that work whichever keyboard layout is active.
//!
//! Thai facilitators flip between the English and Thai layouts all day; with
//! the Thai Kedmanee layout on, the physical `a` key sends ฟ. In command mode
//! a Thai character is read as the US-QWERTY key in the same position
//! (the Thai standard TIS 820-2538).

/// Every (US key, Thai character) pair of the layout, unshifted and shifted
/// alike. Some Thai-layout keys send ASCII punctuation; those pairs are kept
/// for completeness but never consulted, because the US meaning of an ASCII
/// character wins.
pub const KEDMANEE: [(char, char); 94] = [
    ('`', '_'),
    ('~', '%'),
    ('1', 'ๅ'),
    ('!', '+'),
    ('2', '/'),
    ('@', '๑'),
    ('3', '-'),
    ('#', '๒'),
    ('4', 'ภ'),
    ('$', '๓'),
    ('5', 'ถ'),
    ('%', '๔'),
    ('6', '\u{0E38}'),
    ('^', '\u{0E39}'),
    ('7', '\u{0E36}'),
    ('&', '฿'),
    ('8', 'ค'),
    ('*', '๕'),
    ('9', 'ต'),
    ('(', '๖'),
    ('0', 'จ'),
    (')', '๗'),
    ('-', 'ข'),
    ('_', '๘'),
    ('=', 'ช'),
    ('+', '๙'),
    ('q', 'ๆ'),
    ('Q', '๐'),
    ('w', 'ไ'),
    ('W', '"'),
    ('e', 'ำ'),
    ('E', 'ฎ'),
    ('r', 'พ'),
    ('R', 'ฑ'),
    ('t', 'ะ'),
    ('T', 'ธ'),
    ('y', '\u{0E31}'),
    ('Y', '\u{0E4D}'),
    ('u', '\u{0E35}'),
    ('U', '\u{0E4A}'),
    ('i', 'ร'),
    ('I', 'ณ'),
    ('o', 'น'),
    ('O', 'ฯ'),
    ('p', 'ย'),
    ('P', 'ญ'),
    ('[', 'บ'),
    ('{', 'ฐ'),
    (']', 'ล'),
    ('}', ','),
    ('\\', 'ฃ'),
    ('|', 'ฅ'),
    ('a', 'ฟ'),
    ('A', 'ฤ'),
    ('s', 'ห'),
    ('S', 'ฆ'),
    ('d', 'ก'),
    ('D', 'ฏ'),
    ('f', 'ด'),
    ('F', 'โ'),
    ('g', 'เ'),
    ('G', 'ฌ'),
    ('h', '\u{0E49}'),
    ('H', '\u{0E47}'),
    ('j', '\u{0E48}'),
    ('J', '\u{0E4B}'),
    ('k', 'า'),
    ('K', 'ษ'),
    ('l', 'ส'),
    ('L', 'ศ'),
    (';', 'ว'),
    (':', 'ซ'),
    ('\'', 'ง'),
    ('"', '.'),
    ('z', 'ผ'),
    ('Z', '('),
    ('x', 'ป'),
    ('X', ')'),
    ('c', 'แ'),
    ('C', 'ฉ'),
    ('v', 'อ'),
    ('V', 'ฮ'),
    ('b', '\u{0E34}'),
    ('B', '\u{0E3A}'),
    ('n', '\u{0E37}'),
    ('N', '\u{0E4C}'),
    ('m', 'ท'),
    ('M', '?'),
    (',', 'ม'),
    ('<', 'ฒ'),
    ('.', 'ใ'),
    ('>', 'ฬ'),
    ('/', 'ฝ'),
    ('?', 'ฦ'),
];

/// The US-QWERTY key in the same position as Thai character `c`.
///
/// ASCII characters give `None`: they already mean their US key, and that
/// meaning wins where the Thai layout also produces them (Thai `3` sends `-`).
pub fn to_us_key(c: char) -> Option<char> {
    if c.is_ascii() {
        return None;
    }
    KEDMANEE
        .iter()
        .find(|&&(_, thai)| thai == c)
        .map(|&(us, _)| us)
}

/// The Thai character the US key `us` types on the Kedmanee layout.
pub fn thai_of(us: char) -> Option<char> {
    KEDMANEE
        .iter()
        .find(|&&(key, _)| key == us)
        .map(|&(_, thai)| thai)
}

/// The US key that types the ASCII character `c` on the Kedmanee layout
/// (the `2` key types `/`, the `3` key `-`): the second meaning of `c`,
/// for a view that binds that key but not `c` itself.
pub fn us_key_typing_ascii(c: char) -> Option<char> {
    if !c.is_ascii() {
        return None;
    }
    KEDMANEE
        .iter()
        .find(|&&(_, thai)| thai == c)
        .map(|&(us, _)| us)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_has_every_key_of_both_rows() {
        // 47 keys in the reference table, each unshifted and shifted.
        assert_eq!(KEDMANEE.len(), 47 * 2);
        let us: HashSet<char> = KEDMANEE.iter().map(|&(us, _)| us).collect();
        assert_eq!(us.len(), KEDMANEE.len(), "a US key appears twice");
        assert!(KEDMANEE.iter().all(|&(us, _)| us.is_ascii_graphic()));
    }

    #[test]
    fn thai_characters_map_back_uniquely() {
        let thai: Vec<char> = KEDMANEE
            .iter()
            .map(|&(_, th)| th)
            .filter(|c| !c.is_ascii())
            .collect();
        let unique: HashSet<char> = thai.iter().copied().collect();
        assert_eq!(unique.len(), thai.len(), "a Thai character appears twice");
        assert_eq!(thai.len(), 94 - 11);
        for &(us, th) in KEDMANEE.iter().filter(|(_, th)| !th.is_ascii()) {
            assert_eq!(to_us_key(th), Some(us), "{th}");
        }
    }

    #[test]
    fn ascii_keeps_its_us_meaning() {
        for c in [
            '-', '/', '_', '+', '"', '.', ',', '(', ')', '?', '%', 'a', 'q', ' ',
        ] {
            assert_eq!(to_us_key(c), None, "{c}");
        }
        assert_eq!(to_us_key('日'), None);
    }

    #[test]
    fn unshifted_row_spot_checks() {
        let expected = [
            ('ๅ', '1'),
            ('ภ', '4'),
            ('ถ', '5'),
            ('\u{0E38}', '6'),
            ('\u{0E36}', '7'),
            ('ค', '8'),
            ('ต', '9'),
            ('จ', '0'),
            ('ข', '-'),
            ('ช', '='),
            ('ๆ', 'q'),
            ('ไ', 'w'),
            ('ำ', 'e'),
            ('พ', 'r'),
            ('ะ', 't'),
            ('\u{0E31}', 'y'),
            ('\u{0E35}', 'u'),
            ('ร', 'i'),
            ('น', 'o'),
            ('ย', 'p'),
            ('บ', '['),
            ('ล', ']'),
            ('ฃ', '\\'),
            ('ฟ', 'a'),
            ('ห', 's'),
            ('ก', 'd'),
            ('ด', 'f'),
            ('เ', 'g'),
            ('\u{0E49}', 'h'),
            ('\u{0E48}', 'j'),
            ('า', 'k'),
            ('ส', 'l'),
            ('ว', ';'),
            ('ง', '\''),
            ('ผ', 'z'),
            ('ป', 'x'),
            ('แ', 'c'),
            ('อ', 'v'),
            ('\u{0E34}', 'b'),
            ('\u{0E37}', 'n'),
            ('ท', 'm'),
            ('ม', ','),
            ('ใ', '.'),
            ('ฝ', '/'),
        ];
        for (th, us) in expected {
            assert_eq!(to_us_key(th), Some(us), "{th}");
        }
    }

    #[test]
    fn shifted_row_spot_checks() {
        let expected = [
            ('๑', '@'),
            ('๒', '#'),
            ('๓', '$'),
            ('๔', '%'),
            ('\u{0E39}', '^'),
            ('฿', '&'),
            ('๕', '*'),
            ('๖', '('),
            ('๗', ')'),
            ('๘', '_'),
            ('๙', '+'),
            ('๐', 'Q'),
            ('ฎ', 'E'),
            ('ฑ', 'R'),
            ('ธ', 'T'),
            ('\u{0E4D}', 'Y'),
            ('\u{0E4A}', 'U'),
            ('ณ', 'I'),
            ('ฯ', 'O'),
            ('ญ', 'P'),
            ('ฐ', '{'),
            ('ฅ', '|'),
            ('ฤ', 'A'),
            ('ฆ', 'S'),
            ('ฏ', 'D'),
            ('โ', 'F'),
            ('ฌ', 'G'),
            ('\u{0E47}', 'H'),
            ('\u{0E4B}', 'J'),
            ('ษ', 'K'),
            ('ศ', 'L'),
            ('ซ', ':'),
            ('ฉ', 'C'),
            ('ฮ', 'V'),
            ('\u{0E3A}', 'B'),
            ('\u{0E4C}', 'N'),
            ('ฒ', '<'),
            ('ฬ', '>'),
            ('ฦ', '?'),
        ];
        for (th, us) in expected {
            assert_eq!(to_us_key(th), Some(us), "{th}");
        }
    }

    #[test]
    fn ascii_sending_keys_are_listed() {
        let ascii: Vec<(char, char)> = KEDMANEE
            .iter()
            .copied()
            .filter(|(_, th)| th.is_ascii())
            .collect();
        assert_eq!(
            ascii,
            [
                ('`', '_'),
                ('~', '%'),
                ('!', '+'),
                ('2', '/'),
                ('3', '-'),
                ('W', '"'),
                ('}', ','),
                ('"', '.'),
                ('Z', '('),
                ('X', ')'),
                ('M', '?'),
            ]
        );
    }
}

//! The room's secret: 128 random bits in every address, so only people who
//! can see the wall (the QR code) can reach the page.

use std::io;

/// A 128-bit secret from the operating system's generator.
#[derive(Clone, PartialEq, Eq)]
pub struct Token {
    text: String,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Kept out of logs and panic messages.
        f.write_str("Token(…)")
    }
}

/// Crockford's base 32: digits and capitals, without I, L, O and U. Every
/// character is one of the QR code's alphanumeric mode, whose 5.5 bits a
/// character make the room's code a size smaller than bytes would, and
/// someone typing the address off the wall cannot mistake 0 for O or 1 for
/// I or L (both are read as the digit).
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

impl Token {
    pub fn random() -> io::Result<Token> {
        Ok(Token {
            text: base32(&random_bytes::<16>()?),
        })
    }

    /// The token as it appears in the address: 26 capitals and digits.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `candidate` is this token as a person might type it: in
    /// either case, with O for 0 and I or L for 1. Compared in time that does
    /// not depend on where the two first differ (the length is not secret).
    pub fn matches(&self, candidate: &str) -> bool {
        let (a, b) = (self.text.as_bytes(), candidate.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let diff = a
            .iter()
            .zip(b)
            .fold(0u8, |acc, (x, y)| acc | (x ^ read_as(*y)));
        std::hint::black_box(diff) == 0
    }
}

/// The character of the token a typed byte stands for.
fn read_as(typed: u8) -> u8 {
    match typed.to_ascii_uppercase() {
        b'O' => b'0',
        b'I' | b'L' => b'1',
        c => c,
    }
}

pub fn random_bytes<const N: usize>() -> io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes)
}

/// Unpadded Crockford base 32, most significant bits first.
fn base32(bytes: &[u8]) -> String {
    let mut out = String::with_capacity((bytes.len() * 8).div_ceil(5));
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in bytes {
        acc = (acc << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(CROCKFORD[((acc >> bits) & 31) as usize] as char);
        }
    }
    if bits > 0 {
        out.push(CROCKFORD[((acc << (5 - bits)) & 31) as usize] as char);
    }
    out
}

/// A random id for one phone, kept in its cookie: 64 bits in hex.
pub fn phone_id() -> io::Result<String> {
    let bytes = random_bytes::<8>()?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `s` looks like an id [`phone_id`] made.
pub fn is_phone_id(s: &str) -> bool {
    s.len() == 16 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Characters of a token: 128 bits at 5 a character.
    const TOKEN_LEN: usize = 26;

    #[test]
    fn tokens_are_26_capitals_and_digits_and_differ() {
        let a = Token::random().unwrap();
        let b = Token::random().unwrap();
        assert_eq!(a.as_str().len(), TOKEN_LEN);
        assert!(a.as_str().bytes().all(|c| CROCKFORD.contains(&c)));
        assert_ne!(a, b);
    }

    #[test]
    fn base32_is_crockfords() {
        assert_eq!(base32(b""), "");
        assert_eq!(base32(b"f"), "CR");
        assert_eq!(base32(b"foobar"), "CSQPYRK1E8");
        assert_eq!(base32(&[0xff; 16]), format!("{}W", "Z".repeat(25)));
        assert_eq!(base32(&[0; 16]).len(), TOKEN_LEN);
    }

    #[test]
    fn matching_needs_the_whole_token_in_any_case() {
        let t = Token {
            text: "01ABCDEFGHJKMNPQRSTVWXYZ23".into(),
        };
        assert!(t.matches(t.as_str()));
        assert!(t.matches("01abcdefghjkmnpqrstvwxyz23"));
        assert!(t.matches("OlABCDEFGHJKMNPQRSTVWXYZ23"));
        assert!(t.matches("OIABCDEFGHJKMNPQRSTVWXYZ23"));
        assert!(!t.matches(""));
        assert!(!t.matches(&t.as_str()[..25]));
        assert!(!t.matches("01ABCDEFGHJKMNPQRSTVWXYZ24"));
        assert!(!t.matches("01ABCDEFGHJKMNPQRSTVWXYZ2\u{e01}"));
        assert!(!format!("{t:?}").contains(t.as_str()));
    }

    #[test]
    fn phone_ids() {
        let id = phone_id().unwrap();
        assert!(is_phone_id(&id));
        assert!(!is_phone_id("xyz"));
        assert!(!is_phone_id("0123456789abcdeg"));
    }
}

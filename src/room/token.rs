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

const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

impl Token {
    pub fn random() -> io::Result<Token> {
        Ok(Token {
            text: base64url(&random_bytes::<16>()?),
        })
    }

    /// The token as it appears in the address (22 URL-safe characters: a
    /// shorter address makes a smaller, easier-to-scan QR code than hex).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `candidate` is this token, in time that does not depend on
    /// where the two first differ (the length is not secret).
    pub fn matches(&self, candidate: &str) -> bool {
        let (a, b) = (self.text.as_bytes(), candidate.as_bytes());
        if a.len() != b.len() {
            return false;
        }
        let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
        std::hint::black_box(diff) == 0
    }
}

pub fn random_bytes<const N: usize>() -> io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| io::Error::other(e.to_string()))?;
    Ok(bytes)
}

/// Unpadded base64url.
fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(URL_SAFE[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
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

    #[test]
    fn tokens_are_22_url_safe_characters_and_differ() {
        let a = Token::random().unwrap();
        let b = Token::random().unwrap();
        assert_eq!(a.as_str().len(), 22);
        assert!(a.as_str().bytes().all(|c| URL_SAFE.contains(&c)));
        assert_ne!(a, b);
    }

    #[test]
    fn base64url_matches_the_standard() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn matching_needs_the_whole_token() {
        let t = Token::random().unwrap();
        assert!(t.matches(t.as_str()));
        assert!(!t.matches(""));
        assert!(!t.matches(&t.as_str()[..21]));
        let mut wrong = t.as_str().to_owned();
        let last = if wrong.ends_with('A') { "B" } else { "A" };
        wrong.replace_range(21.., last);
        assert!(!t.matches(&wrong));
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

//! The little of HTTP's text formats the page needs: form bodies, cookies
//! and percent-encoding. Any bytes in, never a panic.

/// The value of `name` in an `application/x-www-form-urlencoded` body;
/// the first one wins. Invalid UTF-8 becomes U+FFFD.
pub fn field(body: &[u8], name: &str) -> Option<String> {
    body.split(|&b| b == b'&').find_map(|pair| {
        let mut parts = pair.splitn(2, |&b| b == b'=');
        let key = decode(parts.next()?);
        (key == name).then(|| decode(parts.next().unwrap_or_default()))
    })
}

/// Percent-decoding with `+` as a space.
pub fn decode(bytes: &[u8]) -> String {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() && hex_pair(bytes[i + 1], bytes[i + 2]).is_some() => {
                out.extend(hex_pair(bytes[i + 1], bytes[i + 2]));
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_pair(hi: u8, lo: u8) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(hi)? * 16 + digit(lo)?) as u8)
}

/// Percent-encodes everything but unreserved characters, so any text can
/// sit in a cookie value.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        (key.trim() == name).then_some(value.trim())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fields_decode() {
        let body = b"q=s&text=%E0%B8%96%E0%B8%99%E0%B8%99+%E0%B8%94%E0%B8%B5&group=";
        assert_eq!(field(body, "q").as_deref(), Some("s"));
        assert_eq!(field(body, "text").as_deref(), Some("ถนน ดี"));
        assert_eq!(field(body, "group").as_deref(), Some(""));
        assert_eq!(field(body, "missing"), None);
        assert_eq!(field(b"text", "text").as_deref(), Some(""));
    }

    #[test]
    fn bad_escapes_stay_as_typed() {
        assert_eq!(decode(b"100%"), "100%");
        assert_eq!(decode(b"%zz%4"), "%zz%4");
        assert_eq!(decode(b"%ff"), "\u{FFFD}");
    }

    #[test]
    fn cookies() {
        let h = "a=1; wethi_phone=abc ; wethi_group=%E0%B8%81";
        assert_eq!(cookie(h, "wethi_phone"), Some("abc"));
        assert_eq!(decode(cookie(h, "wethi_group").unwrap().as_bytes()), "ก");
        assert_eq!(cookie(h, "b"), None);
    }

    proptest! {
        #[test]
        fn encode_round_trips(s in "\\PC*") {
            prop_assert_eq!(decode(encode(&s).as_bytes()), s);
        }

        #[test]
        fn any_bytes_parse(body in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = field(&body, "text");
        }
    }
}

//! `application/x-www-form-urlencoded` encoding, byte for byte as the WHATWG URL standard and
//! browsers' `URLSearchParams` write it: UTF-8, `*-._` and alphanumerics kept, space as `+`.

use crate::escape::{entry, push_escaped};

pub fn encode_pairs<'a, I>(pairs: I) -> String
where
    I: IntoIterator<Item = (&'a str, &'a str)>,
    I::IntoIter: Clone,
{
    let pairs = pairs.into_iter();
    // At most three bytes for each byte given, plus the separators: one allocation.
    let mut out = Vec::with_capacity(pairs.clone().map(|(name, value)| 3 * (name.len() + value.len()) + 2).sum());
    for (i, (name, value)) in pairs.enumerate() {
        if i > 0 {
            out.push(b'&');
        }
        push_escaped(name.as_bytes(), &ENCODED, &mut out);
        out.push(b'=');
        push_escaped(value.as_bytes(), &ENCODED, &mut out);
    }
    // Only ASCII was written: every byte ≥ 0x80 went out as %XX.
    String::from_utf8(out).unwrap_or_default()
}

/// Each byte's encoding: alphanumerics and `*-._` are themselves, space is `+`, every other byte `%XX`.
const ENCODED: [[u8; 4]; 256] = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut table = [[0u8; 4]; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => entry(&[byte]),
            b' ' => entry(b"+"),
            _ => entry(&[b'%', HEX[b >> 4], HEX[b & 15]]),
        };
        b += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_url_search_params() {
        // new URLSearchParams([["a b","1+1=2&x"],["名","%~'"]]).toString()
        assert_eq!(encode_pairs([("a b", "1+1=2&x"), ("名", "%~'")]), "a+b=1%2B1%3D2%26x&%E5%90%8D=%25%7E%27");
        assert_eq!(encode_pairs([("k", "*-._")]), "k=*-._");
        assert_eq!(encode_pairs(std::iter::empty()), "");
    }
}

//! `application/x-www-form-urlencoded` encoding, byte for byte as the WHATWG URL standard and
//! browsers' `URLSearchParams` write it: UTF-8, `*-._` and alphanumerics kept, space as `+`.

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
        encode_component(name, &mut out);
        out.push(b'=');
        encode_component(value, &mut out);
    }
    // Only ASCII was written: every byte ≥ 0x80 went out as %XX.
    String::from_utf8(out).unwrap_or_default()
}

/// Each byte's encoding as four bytes: the encoded bytes, then their count (1 or 3) last.
/// Alphanumerics and `*-._` are themselves, space is `+`, every other byte `%XX`.
const ENCODED: [[u8; 4]; 256] = {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut table = [[0u8; 4]; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => [byte, 0, 0, 1],
            b' ' => [b'+', 0, 0, 1],
            _ => [b'%', HEX[b >> 4], HEX[b & 15], 3],
        };
        b += 1;
    }
    table
};

/// Sixteen bytes at a time into a small buffer: each byte's four table bytes stored at once, the
/// buffer's end moved on by the encoding's length (no branch per byte), then one copy out.
fn encode_component(text: &str, out: &mut Vec<u8>) {
    // Sixteen bytes fill at most 48; the mask keeps every store provably inside (no bounds check).
    let mut buffer = [0u8; 64 + 4];
    for chunk in text.as_bytes().chunks(16) {
        let mut end = 0;
        for &b in chunk {
            let encoded = ENCODED[usize::from(b)];
            let at = end & 63;
            buffer[at..at + 4].copy_from_slice(&encoded);
            end = at + usize::from(encoded[3]);
        }
        out.extend_from_slice(&buffer[..end & 63]);
    }
}

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

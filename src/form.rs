//! `application/x-www-form-urlencoded` encoding, byte for byte as the WHATWG URL standard and
//! browsers' `URLSearchParams` write it: UTF-8, `*-._` and alphanumerics kept, space as `+`.

pub fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = Vec::new();
    for (i, (name, value)) in pairs.into_iter().enumerate() {
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

/// Bytes written as themselves; every other byte but space is percent-encoded.
const KEEP: [bool; 256] = {
    let mut keep = [false; 256];
    let mut b = 0;
    while b < 256 {
        keep[b] = matches!(b as u8, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_');
        b += 1;
    }
    keep
};

fn encode_component(text: &str, out: &mut Vec<u8>) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    out.reserve(text.len());
    for &b in text.as_bytes() {
        if KEEP[usize::from(b)] {
            out.push(b);
        } else if b == b' ' {
            out.push(b'+');
        } else {
            out.extend_from_slice(&[b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]]);
        }
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

//! `application/x-www-form-urlencoded` encoding, byte for byte as the WHATWG URL standard and
//! browsers' `URLSearchParams` write it: UTF-8, `*-._` and alphanumerics kept, space as `+`.

pub fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    for (i, (name, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_component(name, &mut out);
        out.push('=');
        encode_component(value, &mut out);
    }
    out
}

fn encode_component(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in text.as_bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(char::from(b)),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
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

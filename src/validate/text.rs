//! Text checks the tables and the providers' rules share: decimal text, e-mail, URL, codes.

/// A float as people write it (`1000`, `0.5`), through serde_json's shortest formatting: core's
/// `{f64}` formatting would add its own float printer to the wasm for a few messages.
pub fn number_text(x: f64) -> String {
    let text = serde_json::Number::from_f64(x).map_or_else(|| "NaN".to_string(), |n| n.to_string());
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// The value of a number written as JSON writes it (`1.5e3`) or as decimal text with leading zeros
/// (`007.50`, see `is_decimal_text`); `None` for anything else. Read by serde_json's number reader:
/// core's float parser would add about 2 KB to the wasm for the same result.
pub fn decimal_value(text: &str) -> Option<f64> {
    if let Ok(n) = text.parse::<serde_json::Number>() {
        return n.as_f64();
    }
    if !is_decimal_text(text, true) {
        return None;
    }
    let (sign, digits) = text.strip_prefix('-').map_or(("", text), |d| ("-", d));
    let significant = digits.trim_start_matches('0');
    let digits = if significant.is_empty() || significant.starts_with('.') {
        &digits[digits.len() - significant.len() - 1..]
    } else {
        significant
    };
    format!("{sign}{digits}").parse::<serde_json::Number>().ok()?.as_f64()
}

/// Decimal places of a number's text, exponent included (`1.5e-3` has 4).
pub fn decimal_places(text: &str) -> u32 {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], text[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (text, 0),
    };
    let fraction = mantissa.split_once('.').map_or(0, |(_, f)| f.trim_end_matches('0').len() as i64);
    (fraction - exponent).max(0) as u32
}

/// `123`, `12.50`, and with `signed` also `-1.5`; no exponent, no spaces, no leading `+`.
pub fn is_decimal_text(text: &str, signed: bool) -> bool {
    let unsigned = if signed { text.strip_prefix('-').unwrap_or(text) } else { text };
    let (int, frac) = match unsigned.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (unsigned, None),
    };
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// Names joined by ", " for a message. (One plain loop: `[T]::join` is compiled once per item
/// type, and `str::find(&str)` brings a Two-Way searcher; in wasm each costs kilobytes.)
pub fn comma_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item);
    }
    out
}

/// Where `needle` (not empty) first occurs in `text`, by a plain scan (short needles, short texts).
pub fn find_text(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes().windows(needle.len().max(1)).position(|w| w == needle.as_bytes())
}

pub fn is_upper_letters(text: &str, len: usize) -> bool {
    text.len() == len && text.bytes().all(|b| b.is_ascii_uppercase())
}

pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|label| !label.is_empty() && !label.contains('@'))
}

pub fn is_http_url(text: &str) -> bool {
    let rest = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split(['/', '?', '#']).next().unwrap_or("");
        // Visible ASCII is neither whitespace nor control: only other text needs decoding.
        let clean =
            text.bytes().all(|b| b.is_ascii_graphic()) || !text.chars().any(|c| c.is_whitespace() || c.is_control());
        !host.is_empty() && clean
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_places_reads_exponents() {
        assert_eq!(decimal_places("0.175"), 3);
        assert_eq!(decimal_places("1.2500"), 2);
        assert_eq!(decimal_places("1e-7"), 7);
        assert_eq!(decimal_places("1.5e2"), 0);
        assert_eq!(decimal_places("12"), 0);
    }

    #[test]
    fn decimal_text_is_strict() {
        for ok in ["0", "1000", "12.50"] {
            assert!(is_decimal_text(ok, false), "{ok}");
        }
        for bad in ["", "1.", ".5", "1e3", " 1", "+1", "-1", "1,000", "１"] {
            assert!(!is_decimal_text(bad, false), "{bad}");
        }
        assert!(is_decimal_text("-1.5", true));
    }

    #[test]
    fn decimal_values() {
        for (text, value) in [
            ("12.50", Some(12.5)),
            ("007", Some(7.0)),
            ("-00.5", Some(-0.5)),
            ("0", Some(0.0)),
            ("1.5e3", Some(1500.0)),
        ] {
            assert_eq!(decimal_value(text), value, "{text}");
        }
        for text in ["", "1.", ".5", "+1", "inf", "1,5", " 1"] {
            assert_eq!(decimal_value(text), None, "{text}");
        }
    }

    #[test]
    fn lists_and_searches() {
        assert_eq!(comma_list(["a", "b", "c"]), "a, b, c");
        assert_eq!(comma_list([]), "");
        assert_eq!(find_text("参考号 X 已存在", "已存在"), Some("参考号 X ".len()));
        assert_eq!(find_text("abc", "abcd"), None);
    }

    #[test]
    fn emails_and_urls() {
        assert!(is_email("xxx@alibaba.com"));
        for bad in ["xxx", "@a.com", "a@b", "a b@c.com", "a@b..com"] {
            assert!(!is_email(bad), "{bad}");
        }
        for ok in ["http://cdn.xxx.com/xxx/xxx", "https://例子.中国/图片.png"] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in ["cdn.xxx.com", "ftp://x.com", "https://", "https:// x", "https://x/\u{3000}", "https://x/\u{85}"] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}

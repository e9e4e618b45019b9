//! Decimal digits: written without `core::fmt` (the hot paths, TOP's timestamp and issue paths,
//! write small numbers, and the formatter cost more than the rest of that work), and compared with
//! what a JavaScript number holds (JavaScript itself is asked: Rust's exact float reading would add
//! its tables, about 15 KB gzipped, to the wasm).

/// Appends `value` in decimal, zero-padded to at least `width` digits (at most 20, all a `u64` has).
pub fn push_decimal(out: &mut String, value: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut used = 0;
    let mut rest = value;
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (rest % 10) as u8;
        used += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    let shown = used.max(width).min(digits.len());
    out.extend(digits.iter().skip(digits.len() - shown).map(|&d| char::from(d)));
}

/// Whether a JSON number, as written, is not the value a JavaScript number reading it holds:
/// `js_number` says what JavaScript makes of the text (`String(Number(text))`), and is asked only
/// where that can differ — past 15 significant digits or outside the normal range of a double;
/// within them every decimal reads back as written (DBL_DIG). `Some` of JavaScript's text where
/// it differs (`12.345678901234567891` → `12.345678901234567`), `None` where it holds (`1.10`,
/// `0.30000000000000004`, a double's own shortest digits).
pub fn rounded_by_a_double(text: &str, js_number: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    let written = significant(text);
    if written.2.len() <= 15 && (-306..=309).contains(&written.1) {
        return None;
    }
    let read = js_number(text)?;
    (significant(&read) != written).then_some(read)
}

/// A decimal number's value as its sign, power of ten and significant digits (`0.d₁d₂… × 10^p`),
/// so two spellings of one value compare equal (`1.10`, `11e-1`). Zero is one value, whatever its
/// sign. Reads JSON's number grammar and JavaScript's (`1.5e+21`).
fn significant(text: &str) -> (bool, i64, Vec<u8>) {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let end = bytes.iter().position(|b| matches!(b, b'e' | b'E')).unwrap_or(bytes.len());
    let mantissa = bytes.get(usize::from(negative)..end).unwrap_or_default();
    let exponent = text.get(end + 1..).map_or(0, |e| e.trim_start_matches('+').parse::<i64>().unwrap_or(0));
    let point = mantissa.iter().position(|&b| b == b'.').unwrap_or(mantissa.len());
    let digits: Vec<u8> = mantissa.iter().copied().filter(|&b| b != b'.').collect();
    let leading = digits.iter().take_while(|&&b| b == b'0').count();
    let trailing = digits.iter().rev().take_while(|&&b| b == b'0').count();
    if leading == digits.len() {
        return (false, 0, Vec::new());
    }
    let power = (point as i64 - leading as i64).saturating_add(exponent);
    (negative, power, digits[leading..digits.len() - trailing].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_padded_to_width() {
        let written = |value, width| {
            let mut out = String::from("x");
            push_decimal(&mut out, value, width);
            out
        };
        assert_eq!(written(0, 1), "x0");
        assert_eq!(written(7, 4), "x0007");
        assert_eq!(written(1070, 2), "x1070");
        assert_eq!(written(u64::MAX, 1), format!("x{}", u64::MAX));
    }

    #[test]
    fn javascript_is_asked_only_where_a_double_may_not_hold_the_number() {
        let asked = std::cell::RefCell::new(Vec::new());
        let js = |text: &str| {
            asked.borrow_mut().push(text.to_string());
            text.parse::<f64>().ok().map(|v| v.to_string())
        };
        for text in ["0", "-0", "123456789012345", "1.23456789012345e300", "1e-306", "0.1", "1.10"] {
            assert_eq!(rounded_by_a_double(text, &js), None, "{text}");
        }
        assert!(asked.borrow().is_empty(), "{:?}", asked.borrow());
        assert_eq!(rounded_by_a_double("1234567890123456", &js), None);
        assert_eq!(rounded_by_a_double("1e-320", &js), None, "a subnormal it holds");
        assert_eq!(rounded_by_a_double("12345678901234567891", &js).as_deref(), Some("12345678901234567000"));
        assert_eq!(rounded_by_a_double("2e-324", &js).as_deref(), Some("0"));
        assert_eq!(asked.borrow().len(), 4);
        // JavaScript writes exponents with a sign: the comparison reads them.
        assert_eq!(rounded_by_a_double("1.2345678901234568e21", &|_| Some("1.2345678901234568e+21".into())), None);
    }
}

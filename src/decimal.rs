//! Decimal digits written without `core::fmt`: the hot paths (TOP's timestamp, issue paths) write
//! small numbers, and the formatter cost more than the rest of that work.

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
}

//! Bytes taken eight at a time in a `u64` (little-endian): equal texts, UTF-16 lengths, and the
//! classic has-zero-byte and has-byte-less-than word tests. Those return the word with the high
//! bit set in bytes that match; the lowest set bit is always the first matching byte (bits above
//! it may misfire, so only the lowest one, or whether any is set, may be used).

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bytes equal to `byte`.
pub fn bytes_equal(word: u64, byte: u8) -> u64 {
    let x = word ^ (ONES * u64::from(byte));
    x.wrapping_sub(ONES) & !x & HIGH
}

/// Bytes below `limit` (at most 0x80).
pub fn bytes_below(word: u64, limit: u8) -> u64 {
    word.wrapping_sub(ONES * u64::from(limit)) & !word & HIGH
}

/// The eight bytes at `at` as a word; `None` past the end.
pub fn word_at(bytes: &[u8], at: usize) -> Option<u64> {
    bytes.get(at..at + 8)?.try_into().ok().map(u64::from_le_bytes)
}

/// `a == b`, eight bytes at a time (wasm's `memcmp` goes byte by byte).
pub fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let word = |c: &[u8]| c.try_into().map_or(0, u64::from_ne_bytes);
    let (a_words, b_words) = (a.chunks_exact(8), b.chunks_exact(8));
    a.len() == b.len()
        && a_words.remainder() == b_words.remainder()
        && a_words.zip(b_words).all(|(x, y)| word(x) == word(y))
}

/// The length of `text` in UTF-16 units (JS string length): a unit per character, two for those
/// written in four UTF-8 bytes. Counted eight bytes at a time: bytes less continuation bytes
/// (`10xxxxxx`) plus four-byte leads (`11110xxx`).
pub fn utf16_length(text: &str) -> u32 {
    let count = |w: u64| {
        let continuation = w & !(w << 1) & HIGH;
        let four_byte_lead = w & (w << 1) & (w << 2) & (w << 3) & !(w << 4) & HIGH;
        four_byte_lead.count_ones() as i64 - continuation.count_ones() as i64
    };
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut units = bytes.len() as i64;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        units += count(u64::from_le_bytes(word));
    }
    let mut word = [0; 8];
    word[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    units += count(u64::from_le_bytes(word));
    units as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_matching_byte() {
        let word = |b: &[u8; 8]| u64::from_le_bytes(*b);
        let first = |found: u64| (found != 0).then(|| found.trailing_zeros() / 8);
        assert_eq!(first(bytes_equal(word(b"ab\"cd\"ef"), b'"')), Some(2));
        assert_eq!(first(bytes_equal(word(b"abcdefgh"), b'"')), None);
        assert_eq!(first(bytes_below(word(b"abc\x1fe\x00gh"), 0x20)), Some(3));
        assert_eq!(first(bytes_below(word(b"\x20\x7f\x80\xffABCD"), 0x20)), None);
        assert_eq!(first(bytes_equal(word(b"\x01\x00\xef\xbf\xbe\xef\x00\x00"), 0xEF)), Some(2));
        assert_eq!(word_at(b"0123456789", 2), Some(word(b"23456789")));
        assert_eq!(word_at(b"0123456789", 3), None);
    }

    #[test]
    fn counts_utf16_units_as_js_does() {
        for text in ["", "a", "12345678", "123456789", "名前", "a😀b", "😀😀😀😀", "é\u{10FFFF}x\u{7FF}\u{800}\u{FFFF}"]
        {
            assert_eq!(utf16_length(text) as usize, text.encode_utf16().count(), "{text}");
        }
    }

    #[test]
    fn compares_whole_words_and_the_rest() {
        let text = "0123456789abcdefXYZ";
        for cut in 0..text.len() {
            let mut other = text.as_bytes().to_vec();
            other[cut] ^= 1;
            assert!(!same_bytes(text.as_bytes(), &other), "{cut}");
        }
        assert!(same_bytes(text.as_bytes(), text.to_string().as_bytes()));
        // Whole words alike and no remainder: only the lengths tell them apart.
        assert!(!same_bytes(&text.as_bytes()[..16], &text.as_bytes()[..8]));
    }
}

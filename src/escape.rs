//! Escaping through a byte table, shared by the form encoding and the SOAP envelope: each byte
//! has its replacement stored in an entry of `N` bytes, the replacement first and its length last.

/// Appends `text` to `out` with every byte replaced by its table entry. Sixteen bytes at a time
/// into a small buffer: each entry stored whole (no branch per byte), the buffer's end moved on by
/// the entry's length, then one copy out. A byte's replacement is at most `N - 1` bytes.
pub fn push_escaped<const N: usize>(text: &[u8], table: &[[u8; N]; 256], out: &mut Vec<u8>) {
    // Sixteen bytes fill at most 16 × (N - 1) < 256 for the tables here; the mask keeps every
    // store provably inside the buffer (no bounds check, no panic).
    let mut buffer = [0u8; 256 + 8];
    for chunk in text.chunks(16) {
        let mut end = 0;
        for &b in chunk {
            let entry = &table[usize::from(b)];
            let at = end & 255;
            if let Some(slot) = buffer.get_mut(at..at + N) {
                slot.copy_from_slice(entry);
            }
            end = at + usize::from(entry[N - 1]);
        }
        out.extend_from_slice(&buffer[..end & 255]);
    }
}

/// An entry of `N` bytes: `replacement`, then its length in the last byte.
pub const fn entry<const N: usize>(replacement: &[u8]) -> [u8; N] {
    let mut entry = [0u8; N];
    let mut i = 0;
    while i < replacement.len() {
        entry[i] = replacement[i];
        i += 1;
    }
    entry[N - 1] = replacement.len() as u8;
    entry
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_each_byte_across_chunk_ends() {
        let mut table = [[0u8; 4]; 256];
        for (b, e) in table.iter_mut().enumerate() {
            *e = entry(&[b as u8]);
        }
        table[usize::from(b'x')] = entry(b"<x>");
        let text = "ax".repeat(20) + "名";
        let mut out = Vec::new();
        push_escaped(text.as_bytes(), &table, &mut out);
        assert_eq!(String::from_utf8(out).ok(), Some("a<x>".repeat(20) + "名"));
    }
}

//! "Did you mean …?" for misspelt field and option names.

/// The candidate closest to `name` by edit distance (ASCII case-insensitive: field and option
/// names are ASCII), when it is close enough
/// to be a plausible typo: at most a third of the name's length, and at least one edit.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = name.chars().count();
    let budget = (length / 3).max(1);
    let lower = name.to_ascii_lowercase();
    candidates
        .iter()
        // The distance is at least the difference in length: a name far longer than every
        // candidate (a megabyte of it, say) is passed over without a table of its length.
        .filter(|c| c.chars().count().abs_diff(length) <= budget)
        .map(|c| (edit_distance(&lower, &c.to_ascii_lowercase()), *c))
        .filter(|(d, _)| *d <= budget)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: Levenshtein plus transposition of neighbours.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    let at = |i: usize, j: usize| i * width + j;
    for i in 0..=a.len() {
        d[at(i, 0)] = i;
    }
    for j in 0..=b.len() {
        d[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[at(i - 1, j)] + 1).min(d[at(i, j - 1)] + 1).min(d[at(i - 1, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[at(i - 2, j - 2)] + 1);
            }
            d[at(i, j)] = best;
        }
    }
    d[at(a.len(), b.len())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = &["buyer_email", "buyer_fax", "remark"];
        assert_eq!(closest("buyer_emial", names), Some("buyer_email"));
        assert_eq!(closest("BUYER_EMAIL", names), Some("buyer_email"));
        assert_eq!(closest("remarks", names), Some("remark"));
        assert_eq!(closest("shipping", names), None);
        // Far longer than every name: passed over by its length alone, no table made.
        assert_eq!(closest(&"x".repeat(1 << 20), names), None);
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(edit_distance("ab", "ba"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}

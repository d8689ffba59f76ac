//! The compact encodings of the index: lists of numbers as strings of base-64 digits, and the
//! file names of the term shards.
//!
//! A number is written in groups of five bits, the lowest first, each group one character of
//! [`DIGITS`] whose value is the group plus 32 when more groups follow: 0–31 take one
//! character, up to 1023 two. A list of record ids is written as the differences between
//! consecutive ids (the first id as it is), so common words cost about a character a record.

/// The 64 digits, safe in JSON strings and URLs.
pub const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const MORE: u32 = 32;

fn digit_value(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some(u32::from(c - b'A')),
        b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Appends `n` to `out`.
pub fn push_number(out: &mut Vec<u8>, mut n: u32) {
    loop {
        let group = n & 31;
        n >>= 5;
        if n == 0 {
            out.push(DIGITS[group as usize]);
            return;
        }
        out.push(DIGITS[(group | MORE) as usize]);
    }
}

/// The numbers of an encoded string, or `None` if it is not one.
pub fn read_numbers(text: &[u8]) -> Option<Vec<u32>> {
    let mut numbers = Vec::new();
    let mut value = 0u32;
    let mut shift = 0;
    for &c in text {
        let digit = digit_value(c)?;
        value |= (digit & 31).checked_shl(shift)?;
        if digit & MORE == 0 {
            numbers.push(value);
            value = 0;
            shift = 0;
        } else {
            shift += 5;
        }
    }
    (shift == 0).then_some(numbers)
}

/// A sorted list of record ids, as differences.
pub fn encode_ids(ids: &[u32]) -> String {
    let mut out = Vec::with_capacity(ids.len() * 2);
    let mut previous = 0;
    for &id in ids {
        push_number(&mut out, id - previous);
        previous = id;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// The record ids of [`encode_ids`].
pub fn decode_ids(text: &str) -> Option<Vec<u32>> {
    let mut previous = 0u32;
    read_numbers(text.as_bytes())?
        .into_iter()
        .map(|delta| {
            previous = previous.checked_add(delta)?;
            Some(previous)
        })
        .collect()
}

/// Postings: (record id, score) pairs in order of id, each as the id's difference from the
/// one before and the score.
pub fn decode_postings(text: &str) -> Option<Vec<(u32, u32)>> {
    let numbers = read_numbers(text.as_bytes())?;
    if numbers.len() % 2 != 0 {
        return None;
    }
    let mut previous = 0u32;
    numbers
        .chunks(2)
        .map(|pair| {
            previous = previous.checked_add(pair[0])?;
            Some((previous, pair[1]))
        })
        .collect()
}

/// The file name (without `.json`) of the shard of terms starting with `key`: ASCII letters
/// and digits as they are, any other character as `_` and four hex digits (`-` and six
/// beyond the Basic Multilingual Plane), so that "мя" is `_043c_044f`.
pub fn shard_file(key: &str) -> String {
    let mut name = String::with_capacity(key.len() * 3);
    for c in key.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if (c as u32) <= 0xFFFF {
            name.push_str(&format!("_{:04x}", c as u32));
        } else {
            name.push_str(&format!("-{:06x}", c as u32));
        }
    }
    name
}

/// The key of the shard that holds `term`: the longest key that starts it, as the client
/// (`static/search-index.js`) looks terms up.
pub fn shard_key<'k>(keys: &[&'k str], term: &str) -> Option<&'k str> {
    keys.iter()
        .copied()
        .filter(|k| term.starts_with(k))
        .max_by_key(|k| k.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_in_the_shard_of_its_longest_key() {
        let keys = ["m", "mi", "mia", "z"];
        assert_eq!(shard_key(&keys, "miasnikov"), Some("mia"));
        assert_eq!(shard_key(&keys, "mo"), Some("m"));
        assert_eq!(shard_key(&keys, "lenin"), None);
    }

    #[test]
    fn numbers_round_trip() {
        let numbers = [0, 1, 31, 32, 1023, 1024, 65_535, 1 << 20, u32::MAX];
        let mut out = Vec::new();
        for &n in &numbers {
            push_number(&mut out, n);
        }
        assert_eq!(read_numbers(&out).unwrap(), numbers);
        assert_eq!(&out[..4], b"ABfg", "0, 1, 31, then 32 in two digits");
        assert_eq!(read_numbers(b"g"), None, "a number cut short");
        assert_eq!(read_numbers(b"A!"), None);
    }

    #[test]
    fn ids_round_trip() {
        let ids = [0, 3, 4, 40, 1000, 1001, 250_000];
        let text = encode_ids(&ids);
        assert_eq!(decode_ids(&text).unwrap(), ids);
        assert_eq!(&text[..3], "ADB", "differences: 0, 3, 1");
    }

    #[test]
    fn shard_files_are_plain_ascii() {
        assert_eq!(shard_file("mi"), "mi");
        assert_eq!(shard_file("мя"), "_043c_044f");
        assert_eq!(shard_file("1𝔸"), "1-01d538");
    }
}

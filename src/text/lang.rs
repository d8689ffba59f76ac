//! The language of a text, as far as the build needs it: whether it is Russian (Cyrillic),
//! and which runs of it are.

pub fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Whether `text` holds a Cyrillic letter: U+0400–U+04FF are exactly the characters whose
/// UTF-8 starts with a byte from 0xD0 to 0xD3, so the bytes are read without decoding them.
pub fn has_cyrillic(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, 0xD0..=0xD3))
}

/// The text cut into runs, each marked Russian or not. A Russian run goes from its first
/// Cyrillic letter to its last one before a Latin letter.
pub fn russian_runs(text: &str) -> Vec<(&str, bool)> {
    let mut runs = Vec::new();
    let mut plain_start = 0;
    let mut russian: Option<(usize, usize)> = None;
    for (i, c) in text.char_indices() {
        if is_cyrillic(c) {
            let start = russian.map_or(i, |(s, _)| s);
            russian = Some((start, i + c.len_utf8()));
        } else if c.is_alphabetic()
            && let Some((start, end)) = russian.take()
        {
            if start > plain_start {
                runs.push((&text[plain_start..start], false));
            }
            runs.push((&text[start..end], true));
            plain_start = end;
        }
    }
    if let Some((start, end)) = russian {
        if start > plain_start {
            runs.push((&text[plain_start..start], false));
        }
        runs.push((&text[start..end], true));
        plain_start = end;
    }
    if plain_start < text.len() {
        runs.push((&text[plain_start..], false));
    }
    runs
}

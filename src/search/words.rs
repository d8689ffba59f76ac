//! Words as the search index and its client see them. The same rules are written twice,
//! here and in `static/search-index.js`, and `tests/fixtures/search-words.json` holds the
//! examples both must agree on:
//!
//! - a word is a run of letters and digits (Unicode's Alphabetic and Number); anything else
//!   separates words, so "Dubinsky-Mukhadze" is `dubinsky` `mukhadze` and "Il'ich" is `il`
//!   `ich`;
//! - combining accents (U+0300–U+036F, Russian stress marks among them), the soft hyphen and
//!   the zero-width (non-)joiner are dropped without separating: "Мя́сников" is `мясников`;
//! - each character is lowercased on its own (Unicode's full mapping, no context), then the
//!   Latin letters with diacritics are folded to plain ones ([`FOLDS`]), `ё` to `е` and the
//!   final `ς` to `σ`.

use std::sync::OnceLock;

/// The folds applied after lowercasing: every character of the first string becomes the
/// second. `static/search-index.js` holds the same table (a test compares them).
pub const FOLDS: &[(&str, &str)] = &[
    ("àáâãäåāăąǎǟǡǻȁȃȧ", "a"),
    ("çćĉċč", "c"),
    ("ďđð", "d"),
    ("èéêëēĕėęěȅȇȩ", "e"),
    ("ĝğġģǧǵ", "g"),
    ("ĥħȟ", "h"),
    ("ìíîïĩīĭįıǐȉȋ", "i"),
    ("ĵǰ", "j"),
    ("ķǩ", "k"),
    ("ĺļľŀł", "l"),
    ("ñńņňŉǹ", "n"),
    ("òóôõöøōŏőǒǫǭǿȍȏȫȭȯȱ", "o"),
    ("ŕŗřȑȓ", "r"),
    ("śŝşšșſ", "s"),
    ("ţťŧț", "t"),
    ("ùúûüũūŭůűųǔǖǘǚǜȕȗ", "u"),
    ("ŵ", "w"),
    ("ýÿŷȳ", "y"),
    ("źżžƶ", "z"),
    ("ß", "ss"),
    ("æǣǽ", "ae"),
    ("œ", "oe"),
    ("ĳ", "ij"),
    ("þ", "th"),
    ("ё", "е"),
    ("ς", "σ"),
];

/// The lowest character [`FOLDS`] changes, and the table's span from it.
const FOLD_START: u32 = 0xDF;
const FOLD_SPAN: usize = 0x460 - 0xDF;

fn fold_table() -> &'static [Option<&'static str>; FOLD_SPAN] {
    static TABLE: OnceLock<[Option<&'static str>; FOLD_SPAN]> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [None; FOLD_SPAN];
        for (from, to) in FOLDS {
            for c in from.chars() {
                table[(c as u32 - FOLD_START) as usize] = Some(*to);
            }
        }
        table
    })
}

/// Dropped inside a word without separating it.
fn is_ignored(c: char) -> bool {
    matches!(
        c,
        '\u{300}'..='\u{36F}' | '\u{AD}' | '\u{200C}' | '\u{200D}'
    )
}

/// Appends the lowercased, folded form of a letter or digit to `word`.
fn push_normal(c: char, word: &mut String, table: &[Option<&'static str>; FOLD_SPAN]) {
    for lower in c.to_lowercase() {
        if is_ignored(lower) {
            continue;
        }
        let folded = (lower as u32)
            .checked_sub(FOLD_START)
            .and_then(|i| table.get(i as usize))
            .copied()
            .flatten();
        match folded {
            Some(plain) => word.push_str(plain),
            None => word.push(lower),
        }
    }
}

const SEPARATOR: u8 = 0;
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const HIGH: u8 = 4;

/// What each byte is: an ASCII separator, a lower-case letter or digit, an upper-case
/// letter, or part of a longer character.
static ASCII: [u8; 256] = {
    let mut table = [SEPARATOR; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte >= 0x80 {
            HIGH
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else if byte.is_ascii_alphanumeric() {
            LOWER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

/// Calls `f` with each word of `text`, normalised, in order. `word` is the buffer the words
/// are built in (kept between calls, so that indexing allocates nothing per word); a word
/// of ASCII lower-case letters and digits is passed as it stands in `text`.
pub fn for_each_word(text: &str, word: &mut String, mut f: impl FnMut(&str)) {
    let table = fold_table();
    let bytes = text.as_bytes();
    word.clear();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && word.is_empty() {
            // Between words, or at the start of one: a run of ASCII is taken whole.
            if ASCII[b as usize] == SEPARATOR {
                i += 1;
                continue;
            }
            let start = i;
            let mut seen = 0;
            while i < bytes.len() && ASCII[bytes[i] as usize] & (LOWER | UPPER) != 0 {
                seen |= ASCII[bytes[i] as usize];
                i += 1;
            }
            if seen & UPPER != 0 || (i < bytes.len() && bytes[i] >= 0x80) {
                word.push_str(&text[start..i]);
                word.make_ascii_lowercase();
            } else {
                f(&text[start..i]);
            }
            continue;
        }
        if b < 0x80 {
            i += 1;
            if b.is_ascii_alphanumeric() {
                word.push(b.to_ascii_lowercase() as char);
            } else {
                f(word);
                word.clear();
            }
            continue;
        }
        // A multi-byte character: `i` is on a boundary, since ASCII bytes are whole
        // characters and every other character is stepped over whole.
        let c = text[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if let Some(lower) = cyrillic_lower(c) {
            word.push(lower);
        } else if is_ignored(c) {
            continue;
        } else if is_punctuation(c) {
            if !word.is_empty() {
                f(word);
                word.clear();
            }
        } else if c.is_alphanumeric() {
            push_normal(c, word, table);
        } else if !word.is_empty() {
            f(word);
            word.clear();
        }
    }
    if !word.is_empty() {
        f(word);
        word.clear();
    }
}

/// Dashes, quotation marks, the ellipsis and the rest of Unicode's General Punctuation
/// block, the common separators after ASCII: none is a letter or digit.
fn is_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

/// The normal form of a letter of the basic Cyrillic block (U+0400–U+045F), the common case
/// after ASCII, without the tables: what [`push_normal`] gives.
fn cyrillic_lower(c: char) -> Option<char> {
    let code = c as u32;
    let lower = match code {
        0x401 | 0x451 => 'е',
        0x400..=0x40F => char::from_u32(code + 0x50)?,
        0x410..=0x42F => char::from_u32(code + 0x20)?,
        0x430..=0x45F => c,
        _ => return None,
    };
    Some(lower)
}

/// The words of `text`, normalised.
pub fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for_each_word(text, &mut String::new(), |w| found.push(w.to_string()));
    found
}

/// [`FOLDS`] as the JavaScript source `static/search-index.js` holds.
pub fn folds_as_javascript() -> String {
    let pairs: Vec<String> = FOLDS
        .iter()
        .map(|(from, to)| format!("['{from}', '{to}']"))
        .collect();
    format!("const FOLDS = [{}];", pairs.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples `static/search-index.js` is tested against too (tests/browser).
    const SHARED: &str = include_str!("../../tests/fixtures/search-words.json");

    #[test]
    fn the_shared_examples_hold() {
        let examples: Vec<(String, Vec<String>)> = serde_json::from_str(SHARED).unwrap();
        assert!(examples.len() > 10);
        for (text, expected) in examples {
            assert_eq!(words(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_client_folds_alike() {
        let script = include_str!("../../static/search-index.js");
        assert!(
            script.contains(&folds_as_javascript()),
            "static/search-index.js must hold:\n{}",
            folds_as_javascript()
        );
    }

    #[test]
    fn cyrillic_takes_a_short_cut_to_the_same_words() {
        let table = fold_table();
        for code in 0x400..=0x45F {
            let c = char::from_u32(code).unwrap();
            let mut slow = String::new();
            push_normal(c, &mut slow, table);
            assert!(c.is_alphanumeric());
            assert_eq!(cyrillic_lower(c).map(String::from), Some(slow), "{c}");
        }
    }

    #[test]
    fn general_punctuation_only_separates() {
        for code in 0x2000..=0x206F {
            let c = char::from_u32(code).unwrap();
            assert!(is_ignored(c) || !c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn ascii_words_are_lowercased_wherever_they_end() {
        assert_eq!(words("ABC"), ["abc"]);
        assert_eq!(words("abc"), ["abc"]);
        assert_eq!(words("Abc’s déjà-vu"), ["abc", "s", "deja", "vu"]);
        assert_eq!(words("ABCдеф"), ["abcдеф"]);
        assert_eq!(words("naïve"), ["naive"]);
    }

    #[test]
    fn the_table_covers_every_fold() {
        for (from, _) in FOLDS {
            for c in from.chars() {
                assert!((c as u32) >= FOLD_START && (c as u32) < FOLD_START + FOLD_SPAN as u32);
                assert_eq!(c.to_lowercase().next(), Some(c), "{c} is lower case");
            }
        }
    }
}

//! Stems, so that a query finds the forms of its words: "oppositions" finds "opposition",
//! "Мясникова" finds "Мясников". Snowball's algorithms (the `rust-stemmers` crate): a word
//! with Cyrillic letters by the Russian one, a word of Latin letters by the English one
//! (Porter 2), any other as it is. The reader's browser stems the query with this same file,
//! compiled to WebAssembly (`tools/stemmer-wasm`, which includes it): the rule must not
//! depend on anything else of annals.

use std::borrow::Cow;

use rust_stemmers::{Algorithm, Stemmer};

/// Longer words (no word of a language, but OCR runs and the like) are left as they are, on
/// both sides: the browser's stemmer works in a buffer of this size.
pub const MAX_STEMMED_BYTES: usize = 256;

/// The stem of `word`, a word as `words` normalises it (lowercase, accents folded).
pub fn stem(word: &str) -> Cow<'_, str> {
    if word.len() > MAX_STEMMED_BYTES {
        return Cow::Borrowed(word);
    }
    if word.chars().any(|c| ('\u{400}'..='\u{4FF}').contains(&c)) {
        // Twice: the Russian algorithm reads a surname's "-ов" as an ending, so that
        // "Мясникова" stems to "мясников" and "Мясников" to "мясник"; stemmed again, both
        // are "мясник".
        let russian = Stemmer::create(Algorithm::Russian);
        Cow::Owned(russian.stem(&russian.stem(word)).into_owned())
    } else if word.chars().any(|c| c.is_ascii_alphabetic()) && word.is_ascii() {
        Stemmer::create(Algorithm::English).stem(word)
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_forms_of_a_word_share_its_stem() {
        assert_eq!(stem("oppositions"), stem("opposition"));
        assert_eq!(stem("expelled"), stem("expel"));
        assert_eq!(stem("мясникова"), stem("мясников"));
        assert_eq!(stem("мясниковым"), stem("мясников"));
        assert_eq!(stem("ленина"), stem("ленин"));
        assert_eq!(stem("1921"), "1921");
        assert_eq!(stem("lenin"), "lenin");
        let long = "y".repeat(MAX_STEMMED_BYTES + 1);
        assert_eq!(stem(&long), long);
    }

    /// The examples the browser's stemmer is tested against too (tests/browser).
    #[test]
    fn the_shared_examples_stem_as_listed() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/search-stems.json"
        );
        let examples: Vec<(String, String)> =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert!(examples.len() > 60);
        for (word, expected) in examples {
            assert_eq!(stem(&word), expected, "{word}");
        }
    }
}

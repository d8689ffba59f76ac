//! Finding many names in a text word by word. Each name is cut into tokens (words, and the
//! single characters between them) and filed in a trie of tokens; the text is read token
//! by token from each place a word starts, following the trie as far as it goes. The cost
//! grows with the text, not with the registry: a collection of ten thousand people whose
//! names share first words ("Ivan", "Vladimir") reads as fast as one of a hundred.

use std::ops::Range;

use rustc_hash::FxHashMap;

const ROOT: u32 = 0;
const NO_NAME: u32 = u32::MAX;

/// The names as a trie of tokens.
pub struct NameLookup {
    /// Every token of every name, numbered.
    tokens: FxHashMap<Box<str>, u32>,
    /// The trie's edges: (node, token) → node.
    edges: FxHashMap<(u32, u32), u32>,
    /// For each node, the name that ends there, or `NO_NAME`.
    ends: Vec<u32>,
    /// Whether some name starts with this byte: most words of a text (those in lower case)
    /// are passed over without being hashed.
    first_bytes: [bool; 256],
}

/// Where the text names `names[name]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameAt {
    pub name: usize,
    pub range: Range<usize>,
}

impl NameLookup {
    pub fn new(names: &[String]) -> Self {
        let mut lookup = NameLookup {
            tokens: FxHashMap::default(),
            edges: FxHashMap::default(),
            ends: vec![NO_NAME],
            first_bytes: [false; 256],
        };
        for (index, name) in names.iter().enumerate() {
            lookup.insert(name, index as u32);
        }
        lookup
    }

    fn insert(&mut self, name: &str, index: u32) {
        if first_word(name).is_none() {
            return;
        }
        self.first_bytes[name.as_bytes()[0] as usize] = true;
        let mut node = ROOT;
        let mut at = 0;
        while at < name.len() {
            let token = token_at(name, at);
            let next_token = self.tokens.len() as u32;
            let token_id = *self
                .tokens
                .entry(name[token.clone()].into())
                .or_insert(next_token);
            let next_node = self.ends.len() as u32;
            node = *self.edges.entry((node, token_id)).or_insert(next_node);
            if node == next_node {
                self.ends.push(NO_NAME);
            }
            at = token.end;
        }
        // Two names spelled alike: the first keeps the place.
        if self.ends[node as usize] == NO_NAME {
            self.ends[node as usize] = index;
        }
    }

    /// The names in `text`, left to right, not overlapping, whole words only: at each word,
    /// the longest name that starts there and ends at the end of a word.
    pub fn find(&self, text: &str) -> Vec<NameAt> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(word) = next_word(text, at) {
            at = word.end;
            if !self.first_bytes[text.as_bytes()[word.start] as usize] {
                continue;
            }
            let start = word.start;
            if let Some((name, end)) = self.longest_at(text, word) {
                found.push(NameAt {
                    name: name as usize,
                    range: start..end,
                });
                at = end;
            }
        }
        found
    }

    /// The longest name starting with `first` (a word of `text`) and ending at the end of
    /// a word, and where it ends.
    fn longest_at(&self, text: &str, first: Range<usize>) -> Option<(u32, usize)> {
        let mut node = ROOT;
        let mut token = first;
        let mut longest = None;
        loop {
            let next = self
                .tokens
                .get(&text[token.clone()])
                .and_then(|id| self.edges.get(&(node, *id)));
            let Some(&next) = next else {
                return longest;
            };
            node = next;
            let name = self.ends[node as usize];
            if name != NO_NAME && !starts_with_word_char(&text[token.end..]) {
                longest = Some((name, token.end));
            }
            if token.end == text.len() {
                return longest;
            }
            token = token_at(text, token.end);
        }
    }
}

/// A word is a run of letters and digits; a name starting with anything else (a quotation
/// mark, a bracket) starts with a one-character word of its own.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn starts_with_word_char(text: &str) -> bool {
    text.chars().next().is_some_and(is_word_char)
}

/// The first word of `text` at or after byte `from` that does not continue a word before
/// it: letters and digits, or a single other character that is not white space.
fn next_word(text: &str, from: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let mut i = from;
    let mut after_word_char = from > 0 && ends_with_word_char(&text[..from]);
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        if is_word_char(c) {
            if !after_word_char {
                return Some(i..word_end(text, i + len));
            }
            after_word_char = true;
        } else {
            if !c.is_whitespace() && !after_word_char {
                return Some(i..i + len);
            }
            after_word_char = false;
        }
        i += len;
    }
    None
}

/// Whether a name can be found at all: it starts with a word or a sign, not a space.
fn first_word(name: &str) -> Option<char> {
    name.chars().next().filter(|c| !c.is_whitespace())
}

/// The token at byte `i`: the word starting there, or the one character there.
fn token_at(text: &str, i: usize) -> Range<usize> {
    let (c, len) = char_at(text, i);
    if is_word_char(c) {
        i..word_end(text, i + len)
    } else {
        i..i + len
    }
}

fn word_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            break;
        }
        i += len;
    }
    i
}

fn ends_with_word_char(text: &str) -> bool {
    text.chars().next_back().is_some_and(is_word_char)
}

/// The character at byte `i` and its length; ASCII, most of any text, without decoding.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (char, usize) {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        return (byte as char, 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(names: &[&str], text: &str) -> Vec<String> {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let lookup = NameLookup::new(&names);
        lookup
            .find(text)
            .into_iter()
            .map(|f| text[f.range].to_string())
            .collect()
    }

    #[test]
    fn the_longest_name_that_ends_a_word_wins() {
        let names = ["Workers' Opposition", "Workers", "Opposition"];
        assert_eq!(
            found(
                &names,
                "the Workers' Opposition and the Opposition's workers"
            ),
            ["Workers' Opposition", "Opposition"]
        );
        // The longest ends inside a word: the shorter name that ends a word is found.
        assert_eq!(found(&names, "Workers' Oppositionists"), ["Workers"]);
    }

    #[test]
    fn names_are_whole_words_in_any_script() {
        let names = ["Lenin", "Мясников", "10th Congress"];
        assert_eq!(
            found(
                &names,
                "Leninism, Lenin's, Lenin. «Мясников» the 10th Congress"
            ),
            ["Lenin", "Lenin", "Мясников", "10th Congress"]
        );
        assert!(found(&names, "ALenin aМясников 110th Congress").is_empty());
    }

    #[test]
    fn names_starting_with_a_sign_are_found() {
        let names = ["«Правда»", "(b)"];
        assert_eq!(found(&names, "в «Правда» RKP (b)."), ["«Правда»", "(b)"]);
        assert!(found(&names, "RKP(b)").is_empty());
    }

    #[test]
    fn matches_do_not_overlap() {
        let names = ["G. T. Miasnikov", "Miasnikov G. T.", "T. Miasnikov"];
        assert_eq!(
            found(&names, "G. T. Miasnikov G. T. Miasnikov"),
            ["G. T. Miasnikov", "G. T. Miasnikov"]
        );
    }
}

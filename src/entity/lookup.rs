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
    /// Every token of every name.
    tokens: FxHashMap<Box<str>, Token>,
    /// The trie's edges below its root: (node, token) → node. In a large registry this
    /// table is large, and only words that start a name reach it.
    edges: FxHashMap<(u32, u32), u32>,
    /// For each node, the name that ends there, or `NO_NAME`.
    ends: Vec<u32>,
    /// Whether some name starts with this byte, and with this pair of bytes (a bit for each
    /// of the 65,536 pairs): most words of a text are passed over without being hashed.
    first_bytes: [bool; 256],
    first_pairs: Vec<u64>,
}

#[derive(Debug, Clone, Copy)]
struct Token {
    id: u32,
    /// The node for a name that starts with this token, or `NO_NODE`: the first step from
    /// the root, taken at every word that may start a name, is looked up in the small table
    /// of tokens and not in the large one of edges.
    from_root: u32,
}

const NO_NODE: u32 = u32::MAX;

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
            first_pairs: vec![0; 1 << 10],
        };
        for (index, name) in names.iter().enumerate() {
            lookup.insert(name, index as u32);
        }
        lookup
    }

    fn insert(&mut self, name: &str, index: u32) {
        if name.is_empty() || name.starts_with(char::is_whitespace) {
            return;
        }
        self.first_bytes[name.as_bytes()[0] as usize] = true;
        match pair_at(name.as_bytes(), 0) {
            Some(pair) => self.first_pairs[pair / 64] |= 1 << (pair % 64),
            // A name of one byte follows no pair: every pair may start a name.
            None => self.first_pairs.fill(u64::MAX),
        }
        let mut node = ROOT;
        let mut at = 0;
        while at < name.len() {
            let token = token_at(name, at);
            let word = &name[token.clone()];
            // Most tokens are filed already (first names, "Congress"): looked up by their
            // text before a key of their own is made.
            if !self.tokens.contains_key(word) {
                let id = self.tokens.len() as u32;
                let token = Token {
                    id,
                    from_root: NO_NODE,
                };
                self.tokens.insert(word.into(), token);
            }
            let entry = self.tokens.get_mut(word).expect("filed above");
            let next_node = self.ends.len() as u32;
            node = if node == ROOT {
                if entry.from_root == NO_NODE {
                    entry.from_root = next_node;
                }
                entry.from_root
            } else {
                *self.edges.entry((node, entry.id)).or_insert(next_node)
            };
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
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        // Only the bytes some name starts with are looked at; no byte inside a UTF-8
        // character is one, so each is where a character starts.
        while let Some(skip) = bytes[i..]
            .iter()
            .position(|&b| self.first_bytes[b as usize])
        {
            i += skip;
            if !word_char_before(text, i)
                && self.may_start_name(bytes, i)
                && let Some((name, end)) = self.longest_at(text, token_at(text, i))
            {
                found.push(NameAt {
                    name: name as usize,
                    range: i..end,
                });
                i = end;
                continue;
            }
            // No name starts inside a word either (a letter or digit comes before each of
            // its places): the rest of the word is passed over. The glossary's lower-case
            // terms put most letters among the first bytes, and this keeps the search to
            // about one stop a word instead of one every other byte.
            i = word_end(text, i).max(i + 1);
        }
        found
    }

    /// Whether some name starts with the two bytes at `i` (or the one, at the end).
    fn may_start_name(&self, bytes: &[u8], i: usize) -> bool {
        pair_at(bytes, i).is_none_or(|pair| self.first_pairs[pair / 64] & (1 << (pair % 64)) != 0)
    }

    /// The longest name starting with `first` (a word of `text`) and ending at the end of
    /// a word, and where it ends.
    fn longest_at(&self, text: &str, first: Range<usize>) -> Option<(u32, usize)> {
        let mut node = ROOT;
        let mut token = first;
        let mut longest = None;
        loop {
            let next = self.tokens.get(&text[token.clone()]).and_then(|t| {
                if node == ROOT {
                    (t.from_root != NO_NODE).then_some(t.from_root)
                } else {
                    self.edges.get(&(node, t.id)).copied()
                }
            });
            let Some(next) = next else {
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

/// What a character is to a name: part of a word (a letter or digit), white space, or a
/// sign (a token of its own: a quotation mark, a bracket, a full stop).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Word,
    Space,
    Sign,
}

const ASCII_CLASSES: [Class; 128] = {
    let mut classes = [Class::Sign; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            classes[b] = Class::Word;
        } else if c.is_ascii_whitespace() || c == 0x0B {
            classes[b] = Class::Space;
        }
        b += 1;
    }
    classes
};

fn class_of(c: char) -> Class {
    if c.is_alphanumeric() {
        Class::Word
    } else if c.is_whitespace() {
        Class::Space
    } else {
        Class::Sign
    }
}

/// The class of the character at byte `i` and its length. ASCII, most of any text, the
/// accented Latin and the Russian letters, and the dashes and quotation marks of
/// U+2000–U+206F are told without Unicode's tables.
#[inline(always)]
fn class_at(text: &str, i: usize) -> (Class, usize) {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        return (ASCII_CLASSES[byte as usize], 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    let class = match c {
        'À'..='ÿ' if c != '×' && c != '÷' => Class::Word,
        '\u{0400}'..='\u{0481}' => Class::Word,
        '\u{2000}'..='\u{206F}' if !c.is_whitespace() => Class::Sign,
        _ => class_of(c),
    };
    (class, c.len_utf8())
}

fn starts_with_word_char(text: &str) -> bool {
    !text.is_empty() && class_at(text, 0).0 == Class::Word
}

/// The two bytes from `i` as one number, where there are two.
fn pair_at(bytes: &[u8], i: usize) -> Option<usize> {
    Some(((*bytes.get(i)? as usize) << 8) | *bytes.get(i + 1)? as usize)
}

/// Whether the character before byte `i` is a letter or digit: no name starts after one.
fn word_char_before(text: &str, i: usize) -> bool {
    match text.as_bytes()[..i].last() {
        None => false,
        Some(&byte) if byte.is_ascii() => ASCII_CLASSES[byte as usize] == Class::Word,
        Some(_) => text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| class_of(c) == Class::Word),
    }
}

/// The token at byte `i`: the word starting there, or the one character there.
fn token_at(text: &str, i: usize) -> Range<usize> {
    match class_at(text, i) {
        (Class::Word, len) => i..word_end(text, i + len),
        (_, len) => i..i + len,
    }
}

fn word_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (class, len) = class_at(text, i);
        if class != Class::Word {
            break;
        }
        i += len;
    }
    i
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
        assert_eq!(found(&names, "éLenin ЖМясников Lenin×"), ["Lenin"]);
    }

    #[test]
    fn names_starting_with_a_sign_are_found() {
        let names = ["«Правда»", "(b)", "X"];
        assert_eq!(found(&names, "в «Правда» RKP (b)."), ["«Правда»", "(b)"]);
        assert!(found(&names, "RKP(b)").is_empty());
        assert_eq!(found(&names, "the X Congress, XX"), ["X"]);
    }

    /// The names by their definition: at every character that no letter or digit comes
    /// before, the longest name starting there.
    fn found_at_every_character(lookup: &NameLookup, text: &str) -> Vec<NameAt> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if !word_char_before(text, i)
                && let Some((name, end)) = lookup.longest_at(text, token_at(text, i))
            {
                found.push(NameAt {
                    name: name as usize,
                    range: i..end,
                });
                i = end;
                continue;
            }
            i += text[i..].chars().next().map_or(1, char::len_utf8);
        }
        found
    }

    #[test]
    fn passing_over_words_misses_no_name() {
        let texts: Vec<String> = crate::source_texts().into_iter().map(|(_, t)| t).collect();
        let words: Vec<&str> = texts.iter().flat_map(|t| t.split_whitespace()).collect();
        // Names of every shape: words and pairs of words taken from the texts as they stand
        // (signs and all) and trimmed of signs, lower-case words as the glossary has them,
        // names that start with a sign, a name of one byte.
        let mut names: Vec<String> = ["«Правда»", "(b)", "X", "the", "of the", "co", "ко"]
            .map(String::from)
            .to_vec();
        for (i, pair) in words.windows(2).enumerate().step_by(23) {
            let trimmed = pair[0].trim_matches(|c: char| !c.is_alphanumeric());
            names.push(if i % 2 == 0 { pair[0] } else { trimmed }.to_string());
            names.push(pair.join(" "));
        }
        let lookup = NameLookup::new(&names);
        let mut found = 0;
        for paragraph in texts.iter().flat_map(|t| t.split("\n\n")) {
            let by_words = lookup.find(paragraph);
            assert_eq!(by_words, found_at_every_character(&lookup, paragraph));
            found += by_words.len();
        }
        assert!(found > 10_000, "only {found} names found");
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

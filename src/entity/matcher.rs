//! Finding the entities of the registry in a text: one multi-pattern automaton (aho-corasick)
//! for every name of every entity, built once per build, longest match first, whole words
//! only. A surname shared by several people is ambiguous and resolved only by its context.

use std::collections::HashMap;
use std::path::PathBuf;

use aho_corasick::{AhoCorasick, MatchKind};
use serde::Serialize;

use super::Registry;
use super::aliases::{names, surname, transliterations};
use crate::diagnostic::Diagnostic;

/// What a matched name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    One(usize),
    /// A surname several people share: Smirnov, Kamenev, Kosior.
    Ambiguous(Vec<usize>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub target: Target,
    /// A full name or initials rather than a bare surname: it settles ambiguity around it.
    pub full: bool,
}

pub struct Matcher {
    automaton: AhoCorasick,
    patterns: Vec<(Target, bool)>,
}

/// Where an explicit alias of one entity is claimed by another.
#[derive(Debug, Clone)]
struct Claim {
    entity: usize,
    explicit: bool,
}

impl Matcher {
    /// The automaton over every name of the registry. Two entities that claim the same
    /// alias are an error naming both files.
    pub fn new(registry: &Registry) -> (Matcher, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut claims: HashMap<String, Claim> = HashMap::new();
        for (index, entity) in registry.entities.iter().enumerate() {
            let explicit: Vec<String> = std::iter::once(entity.name.clone()).chain(entity.aliases.iter().cloned()).collect();
            for name in names(entity) {
                let is_explicit = explicit.contains(&name);
                match claims.get(&name) {
                    Some(claim) if claim.entity != index && claim.explicit && is_explicit => {
                        let other = &registry.entities[claim.entity];
                        problems.push(
                            Diagnostic::error(&entity.path, format!("the name `{name}` is claimed by this {} and by {}", entity.kind.key, other.path.display()))
                                .with_help("keep the alias on one of them, or link the other explicitly: [text](person:ID)"),
                        );
                    }
                    Some(claim) if claim.explicit || !is_explicit => {}
                    _ => {
                        claims.insert(name, Claim { entity: index, explicit: is_explicit });
                    }
                }
            }
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<(Target, bool)> = Vec::new();
        for (name, claim) in &claims {
            patterns.push(name.clone());
            targets.push((Target::One(claim.entity), true));
        }
        for (name, people) in shared_surnames(registry) {
            if claims.contains_key(&name) {
                continue;
            }
            let target = if people.len() == 1 { Target::One(people[0]) } else { Target::Ambiguous(people) };
            patterns.push(name);
            targets.push((target, false));
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("the names of the registry make an automaton");
        (Matcher { automaton, patterns: targets }, problems)
    }

    /// Every name found in `text`, whole words only (so `Leninism` is no mention of Lenin,
    /// while `Lenin's` is).
    pub fn find(&self, text: &str) -> Vec<Found> {
        self.automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .map(|m| {
                let (target, full) = self.patterns[m.pattern().as_usize()].clone();
                Found { start: m.start(), end: m.end(), target, full }
            })
            .collect()
    }
}

/// Bare surnames, with their transliteration variants, and the people who bear them.
fn shared_surnames(registry: &Registry) -> HashMap<String, Vec<usize>> {
    let mut bearers: HashMap<String, Vec<usize>> = HashMap::new();
    for (index, entity) in registry.entities.iter().enumerate() {
        let Some(surname) = surname(entity) else { continue };
        for variant in transliterations(&surname) {
            if variant.chars().filter(|c| c.is_alphanumeric()).count() >= 3 {
                let list = bearers.entry(variant).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
        }
    }
    bearers
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The words around a mention, the mention highlighted by the template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub before: String,
    pub text: String,
    pub after: String,
}

/// How many words a snippet keeps on each side of the name.
const SNIPPET_WORDS: usize = 15;

/// The sentence holding `start..end` of `text`, cut to about 30 words around the name.
pub fn snippet(text: &str, start: usize, end: usize) -> Snippet {
    let sentence_start = text[..start]
        .rmatch_indices(['.', '!', '?'])
        .find(|(i, _)| text[i + 1..].starts_with(char::is_whitespace) && !is_initial(text, *i))
        .map_or(0, |(i, _)| i + 1);
    let sentence_end = text[end..]
        .match_indices(['.', '!', '?'])
        .find(|(i, _)| text[end + i + 1..].is_empty() || text[end + i + 1..].starts_with(char::is_whitespace))
        .map_or(text.len(), |(i, _)| end + i + 1);
    let before: Vec<&str> = text[sentence_start..start].split_whitespace().collect();
    let after: Vec<&str> = text[end..sentence_end].split_whitespace().collect();
    let before_cut = before.len().saturating_sub(SNIPPET_WORDS);
    let after_cut = after.len().min(SNIPPET_WORDS);
    let mut before_text = before[before_cut..].join(" ");
    if before_cut > 0 {
        before_text.insert_str(0, "… ");
    }
    if text[..start].ends_with(char::is_whitespace) && !before_text.is_empty() {
        before_text.push(' ');
    }
    let mut after_text = String::new();
    if text[end..].starts_with(char::is_whitespace) {
        after_text.push(' ');
    }
    after_text.push_str(&after[..after_cut].join(" "));
    if after_cut < after.len() {
        after_text.push_str(" …");
    }
    Snippet { before: before_text, text: text[start..end].to_string(), after: after_text }
}

/// `G. T. Miasnikov`: the full stop of an initial ends no sentence.
fn is_initial(text: &str, dot: usize) -> bool {
    let mut chars = text[..dot].chars().rev();
    matches!((chars.next(), chars.next()), (Some(c), prev) if c.is_uppercase() && !prev.is_some_and(char::is_alphanumeric))
}

/// One place where a document mentions an entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub entity: usize,
    /// The id of the paragraph (or note) on the page.
    pub anchor: String,
    pub in_note: bool,
    pub snippet: Snippet,
}

/// A surname that its context did not settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub name: String,
    pub candidates: Vec<usize>,
    pub path: PathBuf,
    pub line: usize,
}

//! Finding the entities of the registry in a text: every name of every entity filed by its
//! first word ([`NameLookup`]), built once per build, longest match first, whole words
//! only. A surname shared by several people is ambiguous and resolved only by its context.

use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::aliases::{names, surname, transliterations};
use super::lookup::NameLookup;
use super::{Entity, EntityId, EntityKind, Registry};
use crate::diagnostic::Diagnostic;
use crate::text::sentence::ends_sentence;

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
    lookup: NameLookup,
    patterns: Vec<(Target, bool)>,
    /// For each entity, the ambiguous surnames it shares (as their lists of bearers), so that a
    /// full mention of it can settle them.
    surname_groups: Vec<Vec<Vec<usize>>>,
    /// The first letters of the forenames the registry gives its people, lower case.
    forenames: FxHashSet<String>,
    /// For each entity, the words of its names before the surname, lower case (a person's
    /// forenames, patronymics and initials; nothing for other kinds).
    given_names: Vec<Vec<String>>,
    /// The heads that several groups' names share ("Opposition" for the Left and the Workers'
    /// Opposition), each with the groups whose name it heads: what "the Opposition" may
    /// stand for.
    group_heads: Vec<(String, Vec<usize>)>,
    /// For each body (a term, group or event), the peoples its entry names ("Russian" in
    /// "the Central Committee of the Russian Communist Party"): what "of the Italian …"
    /// after its name may say without naming another body.
    own_peoples: Vec<Vec<String>>,
    /// The peoples the names of the registry's events, groups and terms name: the
    /// collection's own ("the All-Russian Congress of Soviets").
    home_peoples: Vec<String>,
}

/// The heads of the names of the entities of `kind` that several of them share, each with
/// the entities whose name it heads.
fn shared_heads(registry: &Registry, kind: EntityKind) -> Vec<(String, Vec<usize>)> {
    let mut heads: Vec<(String, Vec<usize>)> = Vec::new();
    for (id, group) in registry.of_kind(kind) {
        let Some(head) = crate::entity::annotate::event_head(&group.name) else {
            continue;
        };
        match heads.iter_mut().find(|(h, _)| h == head) {
            Some((_, groups)) => groups.push(id.index()),
            None => heads.push((head.to_string(), vec![id.index()])),
        }
    }
    // A head that one group alone has is an everyday word of the texts as often as its name
    // ("the Party" is the author's party, not the KAPD); one that names a family of groups
    // (the Workers', Left, New and United Oppositions) is how the texts speak of them.
    heads.retain(|(_, groups)| groups.len() >= 2);
    heads
}

/// How many first letters tell two spellings of a forename apart: "Sergei" and "Sergey"
/// are one, "Marcel" and "March" are not.
pub const FORENAME_STEM: usize = 5;

/// A word's first letters, lower case, as forenames are compared.
pub fn forename_stem(word: &str) -> String {
    crate::text::forenames::fold(word)
        .chars()
        .take(FORENAME_STEM)
        .collect()
}

/// Where an explicit alias of one entity is claimed by another.
#[derive(Debug, Clone)]
struct Claim {
    entity: usize,
    explicit: bool,
}

/// The stems of the first words of the registry's people's names of two words or more, and
/// of the given names common in the documents of the period (`text::forenames`).
fn forenames(registry: &Registry) -> FxHashSet<String> {
    (registry.of_kind(EntityKind::Person))
        .flat_map(|(_, e)| std::iter::once(&e.name).chain(&e.aliases))
        .filter(|name| name.split_whitespace().count() > 1)
        .filter_map(|name| name.split_whitespace().next())
        .filter(|first| first.chars().count() > 2 && !first.ends_with('.'))
        .chain(crate::text::forenames::COMMON.iter().copied())
        .map(forename_stem)
        .collect()
}

/// The words before the surname in a person's name and aliases, lower case, without their
/// full stops ("g", "t" of "G. T. Miasnikov").
fn given_names(person: &Entity) -> Vec<String> {
    let mut words: Vec<String> = std::iter::once(&person.name)
        .chain(&person.aliases)
        .flat_map(|n| n.split_whitespace().rev().skip(1))
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

impl Matcher {
    /// Every name of the registry, ready to be found. Two entities of one name are an error
    /// naming both files; an alias two entities give (a father's and a son's surname) is a
    /// warning, and the context settles which is meant, as it does a shared surname.
    pub fn new(registry: &Registry) -> (Matcher, Vec<Diagnostic>) {
        let mut problems = Vec::new();
        let mut claims: FxHashMap<String, Claim> = FxHashMap::default();
        let mut shared_aliases: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        // Generating the forms of every name is most of the work, and each entity's are
        // its own: on every core.
        let all_names: Vec<Vec<String>> = registry.entities.par_iter().map(names).collect();
        for (index, (entity, names)) in registry.entities.iter().zip(all_names).enumerate() {
            // An entry linked only where a link names it (`match = "explicit"`): a term
            // that is an everyday word ("concessions"), a name that means other things.
            if entity.explicit_only {
                continue;
            }
            let explicit: Vec<String> = std::iter::once(entity.name.clone())
                .chain(entity.aliases.iter().cloned())
                .collect();
            for name in names {
                let is_explicit = explicit.contains(&name);
                match claims.get(&name) {
                    Some(claim) if claim.entity != index && claim.explicit && is_explicit => {
                        let other = &registry.entities[claim.entity];
                        let kind = entity.kind().key();
                        let problem = if name == entity.name || name == other.name {
                            Diagnostic::error(&entity.path, format!("the name `{name}` is claimed by this {kind} and by {}", other.path.display()))
                                .at_line(if name == entity.name { entity.name_line } else { entity.aliases_line })
                                .with_help(format!("keep the name on one of them, or link the other explicitly: [text]({}:{})", other.kind().key(), other.id))
                        } else {
                            let claimants = shared_aliases
                                .entry(name.clone())
                                .or_insert_with(|| vec![claim.entity]);
                            claimants.push(index);
                            Diagnostic::warning(&entity.path, format!("the alias `{name}` is given by this {kind} and by {}: the text around it settles which is meant, or it is left unlinked", other.path.display()))
                                .at_line(entity.aliases_line)
                                .with_help(format!("a full name nearby settles it; link the others explicitly: [text]({kind}:{})", entity.id))
                        };
                        problems.push(problem);
                    }
                    Some(claim) if claim.explicit || !is_explicit => {}
                    _ => {
                        claims.insert(
                            name,
                            Claim {
                                entity: index,
                                explicit: is_explicit,
                            },
                        );
                    }
                }
            }
        }
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<(Target, bool)> = Vec::new();
        let mut surname_groups: Vec<Vec<Vec<usize>>> = vec![Vec::new(); registry.entities.len()];
        for (name, claim) in &claims {
            patterns.push(name.clone());
            match shared_aliases.get(name) {
                Some(claimants) => {
                    for &claimant in claimants {
                        surname_groups[claimant].push(claimants.clone());
                    }
                    targets.push((Target::Ambiguous(claimants.clone()), false));
                }
                None => targets.push((Target::One(claim.entity), true)),
            }
        }
        for (name, people) in shared_surnames(registry) {
            if claims.contains_key(&name) {
                continue;
            }
            if people.len() > 1 {
                for &person in &people {
                    if !surname_groups[person].contains(&people) {
                        surname_groups[person].push(people.clone());
                    }
                }
            }
            let target = if people.len() == 1 {
                Target::One(people[0])
            } else {
                Target::Ambiguous(people)
            };
            patterns.push(name);
            targets.push((target, false));
        }
        let given_names = (registry.entities.iter())
            .map(|e| match e.kind() {
                EntityKind::Person => given_names(e),
                _ => Vec::new(),
            })
            .collect();
        (
            Matcher {
                lookup: NameLookup::new(&patterns),
                patterns: targets,
                surname_groups,
                forenames: forenames(registry),
                given_names,
                group_heads: shared_heads(registry, EntityKind::Group),
                own_peoples: (registry.entities.iter()).map(own_peoples).collect(),
                home_peoples: home_peoples(registry),
            },
            problems,
        )
    }

    /// Whether the body named up to `end` is another people's namesake of the entry's: "the
    /// Politburo of the Italian Communist Party", "the CC of the Polish party", where the
    /// entry names no Italians or Poles.
    fn of_another_people(&self, text: &str, end: usize, pattern: usize) -> bool {
        let Target::One(entity) = self.patterns[pattern].0 else {
            return false;
        };
        let Some(people) = people_after(&text[end..]) else {
            return false;
        };
        !(self.own_peoples[entity].iter())
            .chain(&self.home_peoples)
            .any(|own| own == people)
    }

    /// Whether `word` is a forename the registry gives some person.
    pub fn is_forename(&self, word: &str) -> bool {
        self.forenames.contains(&forename_stem(word))
    }

    /// The heads that several groups' names share, each with the groups whose name it heads.
    pub fn group_heads(&self) -> &[(String, Vec<usize>)] {
        &self.group_heads
    }

    /// The words of an entity's names before its surname, lower case.
    pub fn given_names(&self, entity: usize) -> &[String] {
        &self.given_names[entity]
    }

    /// The ambiguous surnames `entity` bears, each as the list of its bearers.
    pub fn surname_groups(&self, entity: usize) -> &[Vec<usize>] {
        &self.surname_groups[entity]
    }

    /// Every name found in `text`, whole words only (so `Leninism` is no mention of Lenin,
    /// while `Lenin's` is). A name that is part of a longer one ("the Lenin Institute"), and
    /// a name in lower case after "a" or "every" ("every new opposition"), are none; each
    /// congress of "the Eleventh and Twelfth Party Congresses" is one.
    pub fn find(&self, text: &str) -> Vec<Found> {
        let mut found: Vec<Found> = self
            .lookup
            .find(text)
            .into_iter()
            .filter(|at| !in_longer_name(text, at.range.end))
            .filter(|at| !generic_use(text, at.range.clone()))
            .filter(|at| !self.of_another_people(text, at.range.end, at.name))
            .map(|at| {
                let (target, full) = self.patterns[at.name].clone();
                Found {
                    start: at.range.start,
                    end: at.range.end,
                    target,
                    full,
                }
            })
            .collect();
        let coordinated = self.coordinated_ordinals(text);
        if !coordinated.is_empty() {
            coordinated.into_iter().for_each(|c| {
                if !found.iter().any(|f| f.start < c.end && c.start < f.end) {
                    found.push(c);
                }
            });
            found.sort_by_key(|f| f.start);
        }
        found
    }

    /// "The Tenth, Eleventh, and Twelfth Party Congresses": each ordinal names the congress
    /// the registry has under "Tenth Party Congress" and so on.
    fn coordinated_ordinals(&self, text: &str) -> Vec<Found> {
        let mut found = Vec::new();
        // Most texts name no congresses in the plural: the pattern is not run on them.
        if !text.contains("ongresses") && !text.contains("onferences") {
            return found;
        }
        for c in COORDINATED.captures_iter(text) {
            let (list, plural) = (c.get(1).expect("the list"), &c[3]);
            // "Congresses" → "Congress", "Conferences" → "Conference".
            let singular = match plural.strip_suffix("ses") {
                Some(stem) => format!("{stem}s"),
                None => plural.trim_end_matches('s').to_string(),
            };
            for word in ORDINAL_WORD.find_iter(list.as_str()) {
                if !super::aliases::is_ordinal(word.as_str()) {
                    continue;
                }
                // "Eleventh Party Congress" or "Eleventh Congress", as the registry has it.
                let whole = |name: &str| {
                    self.lookup
                        .find(name)
                        .into_iter()
                        .find(|at| at.range == (0..name.len()))
                };
                let ordinal = word.as_str();
                let Some(at) = whole(&format!("{ordinal} Party {singular}"))
                    .or_else(|| whole(&format!("{ordinal} {singular}")))
                else {
                    continue;
                };
                let (target, _) = self.patterns[at.name].clone();
                found.push(Found {
                    start: list.start() + word.start(),
                    end: list.start() + word.end(),
                    target,
                    full: true,
                });
            }
        }
        found
    }
}

static ORDINAL_WORD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"[\p{L}\d]+(?:-[\p{L}]+)?").expect("valid pattern")
});

/// Two ordinals or more, parted by commas or "and", before a plural "Congresses" or
/// "Conferences".
static COORDINATED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let ordinal = r"(?:[A-Za-z]+(?:-[A-Za-z]+)?|\d{1,2}(?:st|nd|rd|th))";
    regex::Regex::new(&format!(
        r"\b({ordinal}(?:(?:,\s*|\s+)(?:and\s+|&\s+)?{ordinal})+)\s+((?:[Pp]arty\s+)?)([Cc]ongresses|[Cc]onferences)\b"
    ))
    .expect("valid pattern")
});

/// The capitalised nouns that make a name part of a longer one: an institution, a place or
/// a thing named after someone ("the Lenin Institute", "Trotsky Street", "the Lenin
/// Levy").
const EPONYM_NOUNS: &[&str] = &[
    "Institute",
    "Museum",
    "Prize",
    "Street",
    "Square",
    "Avenue",
    "Prospect",
    "Boulevard",
    "Archive",
    "Archives",
    "Library",
    "University",
    "School",
    "Academy",
    "Miscellany",
    "Collection",
    "Levy",
    "Enrolment",
    "Enrollment",
    "Mausoleum",
    "Order",
    "Factory",
    "Works",
    "Plant",
    "Mine",
    "Station",
    "Bridge",
    "District",
    "Region",
    "Hall",
    "Memorial",
    "Fund",
    "Foundation",
    "Society",
    "Club",
    "Corps",
    "Division",
    "Regiment",
    "Brigade",
    "Battalion",
    "Hospital",
    "Theatre",
    "Theater",
    "Park",
    "Canal",
    "Dam",
    "Medal",
    "Award",
    "Papers",
    "Reader",
    "Anthology",
    "Corpus",
    "Institut",
];

/// The word for a people in " of the Italian Communist Party" right after a name.
fn people_after(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(" of the ")?;
    let (word, after) = rest.split_once(' ')?;
    (after.starts_with(char::is_uppercase) && is_a_peoples_name(word)).then_some(word)
}

/// Whether a capitalised word is a people's name by its ending: "Italian", "Georgian",
/// "Polish", "French", "Chinese", "German".
fn is_a_peoples_name(word: &str) -> bool {
    word.starts_with(char::is_uppercase)
        && word.chars().count() >= 5
        && ["ian", "ean", "ese", "ish", "an", "ch"]
            .iter()
            .any(|ending| word.ends_with(ending))
}

/// The peoples the names of a registry's events, groups, terms and places name.
fn home_peoples(registry: &Registry) -> Vec<String> {
    let names = (registry.entities.iter())
        .filter(|entity| entity.kind() != EntityKind::Person)
        .flat_map(|entity| {
            std::iter::once(entity.name.as_str())
                .chain(entity.aliases.iter().map(String::as_str))
                .chain(entity.expansion())
        });
    peoples_in(names)
}

/// The words for peoples in `texts`, each once.
fn peoples_in<'t>(texts: impl Iterator<Item = &'t str>) -> Vec<String> {
    let mut peoples: Vec<String> = texts
        .flat_map(|text| text.split(|c: char| !c.is_alphabetic()))
        .filter(|word| is_a_peoples_name(word))
        .map(str::to_string)
        .collect();
    peoples.sort();
    peoples.dedup();
    peoples
}

/// The peoples a body's entry names in its name, aliases, expansion, summary and text; none
/// for a person.
fn own_peoples(entity: &crate::entity::Entity) -> Vec<String> {
    if entity.kind() == EntityKind::Person {
        return Vec::new();
    }
    let texts = [entity.name.as_str(), entity.body.as_str()]
        .into_iter()
        .chain(entity.aliases.iter().map(String::as_str))
        .chain(entity.summary.as_deref())
        .chain(entity.expansion());
    peoples_in(texts)
}

/// Whether the name ending at `end` is followed by a noun that makes it part of a longer
/// name.
fn in_longer_name(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let next = rest
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    EPONYM_NOUNS.contains(&next)
}

/// A name of several words found in lower case ("new opposition") after a word that makes
/// it a common noun phrase ("every new opposition", "a left opposition"). A term of one
/// word ("a kulak") is a term still.
fn generic_use(text: &str, range: Range<usize>) -> bool {
    let name = &text[range.clone()];
    if !name.starts_with(char::is_lowercase) || !name.contains(' ') {
        return false;
    }
    let before = text[..range.start].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    matches!(
        word.as_str(),
        "a" | "an" | "every" | "any" | "each" | "another" | "some" | "no" | "one" | "its" | "their"
    )
}

/// Bare surnames, with their transliteration variants, and the people who bear them.
fn shared_surnames(registry: &Registry) -> FxHashMap<String, Vec<usize>> {
    let variants: Vec<Vec<String>> = registry
        .entities
        .par_iter()
        .map(|entity| {
            let mut spellings = surname(entity).map_or_else(Vec::new, |s| transliterations(&s));
            spellings.retain(|spelling| !entity.not_names.contains(spelling));
            spellings
        })
        .collect();
    let mut bearers: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (index, variants) in variants.into_iter().enumerate() {
        for variant in variants {
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

/// The words around a mention, the mention highlighted by the template. One string with
/// the name's place in it: a large collection holds hundreds of thousands of snippets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    whole: String,
    name: Range<u32>,
}

impl Snippet {
    /// The whole snippet as a reader sees it, the name included.
    pub fn as_str(&self) -> &str {
        &self.whole
    }

    pub fn before(&self) -> &str {
        &self.whole[..self.name.start as usize]
    }

    /// The name as the text spells it.
    pub fn name(&self) -> &str {
        &self.whole[self.name.start as usize..self.name.end as usize]
    }

    pub fn after(&self) -> &str {
        &self.whole[self.name.end as usize..]
    }
}

/// What templates see: `before`, `text` (the name) and `after`.
impl Serialize for Snippet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut parts = serializer.serialize_struct("Snippet", 3)?;
        parts.serialize_field("before", self.before())?;
        parts.serialize_field("text", self.name())?;
        parts.serialize_field("after", self.after())?;
        parts.end()
    }
}

/// How many bytes on each side of a name a snippet's sentence is looked for in: enough for
/// the words it keeps.
const SNIPPET_WINDOW: usize = 400;

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// How many words a snippet keeps on each side of the name.
const SNIPPET_WORDS: usize = 15;

/// Which words around a name its snippet shows, as offsets into the plain text of the
/// block the name is in. A mention keeps these and not the snippet's own string: a large
/// collection holds hundreds of thousands of mentions, and the text is kept anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SnippetSpan {
    from: u32,
    name: (u32, u32),
    to: u32,
    cut_before: bool,
    cut_after: bool,
}

impl SnippetSpan {
    /// The span of the sentence holding `start..end` of `text`, cut to about 30 words around
    /// the name.
    pub fn around(text: &str, start: usize, end: usize) -> Self {
        let end = end.min(text.len());
        // Only the words near the name can be shown, so only they are looked at: a
        // paragraph may be thousands of words long and hold dozens of mentions.
        let window_start = floor_char_boundary(text, start.saturating_sub(SNIPPET_WINDOW));
        let window_end = floor_char_boundary(text, (end + SNIPPET_WINDOW).min(text.len()));
        // From the name outwards, word by word, up to the sentence's first word (one after a
        // full stop) or one word more than is kept, which tells that the snippet is cut.
        let mut from = start;
        let mut cut_before = false;
        for (count, word) in words_back(text, window_start, start).enumerate() {
            if ends_sentence(text, &word) {
                break;
            }
            if count == SNIPPET_WORDS {
                cut_before = true;
                break;
            }
            from = word.start;
        }
        let mut to = end;
        let mut cut_after = false;
        for (count, word) in words_on(text, end, window_end).enumerate() {
            if count == SNIPPET_WORDS {
                cut_after = true;
                break;
            }
            to = word.end;
            if ends_sentence(text, &word) {
                break;
            }
        }
        SnippetSpan {
            from: from as u32,
            name: (start as u32, end as u32),
            to: to as u32,
            cut_before,
            cut_after,
        }
    }

    /// Where the name is in the block's text.
    pub fn name(&self) -> Range<usize> {
        self.name.0 as usize..self.name.1 as usize
    }

    /// The snippet as a reader sees it, its spaces made single, from the text the span was
    /// made for (any other text gives an empty snippet rather than a panic).
    pub fn snippet(&self, text: &str) -> Snippet {
        let [from, start, end, to] =
            [self.from, self.name.0, self.name.1, self.to].map(|at| at as usize);
        let (Some(before), Some(name), Some(after)) = (
            text.get(from..start),
            text.get(start..end),
            text.get(end..to),
        ) else {
            return Snippet {
                whole: String::new(),
                name: 0..0,
            };
        };
        let mut whole = String::with_capacity(to - from + 8);
        if self.cut_before {
            whole.push_str("… ");
        }
        push_collapsed(&mut whole, before);
        let name_start = whole.len();
        whole.push_str(name);
        let name_end = whole.len();
        if to == end && text[end..].starts_with(char::is_whitespace) {
            whole.push(' ');
        }
        push_collapsed(&mut whole, after);
        if self.cut_after {
            whole.push_str(" …");
        }
        Snippet {
            whole,
            name: name_start as u32..name_end as u32,
        }
    }
}

/// `text` with each run of white space as one space.
fn push_collapsed(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut copied = 0;
    while i < text.len() {
        if !may_start_space_run(bytes, i) {
            i += 1;
            continue;
        }
        let (space, len) = space_at(text, i);
        if space {
            out.push_str(&text[copied..i]);
            let mut run_end = i + len;
            while run_end < text.len() {
                let (space, len) = space_at(text, run_end);
                if !space {
                    break;
                }
                run_end += len;
            }
            out.push(' ');
            copied = run_end;
            i = run_end;
        } else {
            i += len;
        }
    }
    out.push_str(&text[copied..]);
}

/// Whether white space to collapse may start at byte `i`: most bytes start no white space
/// character, or are one space between two words, and are passed over without decoding.
/// Every white space character beyond ASCII starts with one of 0xC2, 0xE1, 0xE2 or 0xE3
/// (U+00A0, U+1680, U+2000–U+205F, U+3000), none of which is inside a character.
#[inline(always)]
fn may_start_space_run(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b' ' => bytes
            .get(i + 1)
            .is_some_and(|&next| next <= b' ' || next >= 0x80),
        b'\t' | b'\n' | b'\r' | 0x0B | 0x0C | 0xC2 | 0xE1 | 0xE2 | 0xE3 => true,
        _ => false,
    }
}

/// Whether the character at byte `i` (its first byte) is white space: ASCII bytes are
/// read as they are, which is most of any text and far quicker than decoding.
#[inline(always)]
fn space_at(text: &str, i: usize) -> (bool, usize) {
    let byte = text.as_bytes()[i];
    if byte.is_ascii() {
        return (
            matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C),
            1,
        );
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c.is_whitespace(), c.len_utf8())
}

/// The words of `text[from..to]` from `from` on, as byte ranges of `text`; a word cut by
/// `to` ends there.
fn words_on(text: &str, from: usize, to: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = from;
    std::iter::from_fn(move || {
        while i < to {
            let (space, len) = space_at(text, i);
            if !space {
                break;
            }
            i += len;
        }
        if i >= to {
            return None;
        }
        let word_start = i;
        while i < to {
            let (space, len) = space_at(text, i);
            if space {
                break;
            }
            i += len;
        }
        Some(word_start..i.min(to))
    })
}

/// The words of `text[from..to]` from `to` back, nearest first; a word cut by `from`
/// starts there.
fn words_back(text: &str, from: usize, to: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = to;
    // The start of the character before byte `i`, and whether it is white space.
    let before = move |i: usize| {
        let mut start = i - 1;
        while start > from && !text.is_char_boundary(start) {
            start -= 1;
        }
        (start, space_at(text, start).0)
    };
    std::iter::from_fn(move || {
        while i > from {
            let (start, space) = before(i);
            if !space {
                break;
            }
            i = start;
        }
        if i <= from {
            return None;
        }
        let word_end = i;
        while i > from {
            let (start, space) = before(i);
            if space {
                break;
            }
            i = start;
        }
        Some(i..word_end)
    })
}

/// One place where a document mentions an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: EntityId,
    /// The block the name is in, whose id and plain text the page keeps
    /// (`Names::block`).
    pub block: BlockRef,
    pub in_note: bool,
    /// A bare reference the context settles ("the Opposition"), not a name.
    pub implicit: bool,
    /// The name and the words shown around it, in the block's plain text.
    pub span: SnippetSpan,
}

impl Mention {
    /// Where the name starts in the block's plain text (a byte offset).
    pub fn start(&self) -> usize {
        self.span.name().start
    }
}

/// Where a page keeps the plain text of a block with mentions: a paragraph of the body
/// among the page's paragraphs (`Rendered::texts`), any other block (a note, a list item)
/// among its other blocks (`Names::blocks`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockRef {
    Paragraph(u32),
    Other(u32),
}

/// A surname that its context did not settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    pub name: String,
    pub candidates: Vec<EntityId>,
    pub path: PathBuf,
    pub line: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::test_support::{entity, registry};

    #[test]
    fn a_name_claimed_twice_is_an_error_and_an_alias_given_twice_a_warning_at_its_line() {
        let mut lenin = entity("person", "lenin", "Vladimir Ilyich Lenin", &["Lenin"]);
        (lenin.name_line, lenin.aliases_line) = (2, 3);
        let mut other = entity("person", "other", "Vladimir Ilyich Lenin", &["Lenin"]);
        (other.name_line, other.aliases_line) = (4, 6);
        let (_, problems) = Matcher::new(&registry(vec![lenin, other]));
        let mut claimed: Vec<(String, Option<usize>, bool)> = problems
            .iter()
            .map(|p| {
                (
                    p.message.split('`').nth(1).unwrap_or_default().to_string(),
                    p.line,
                    p.is_error(),
                )
            })
            .collect();
        claimed.sort();
        assert_eq!(
            claimed,
            [
                ("Lenin".to_string(), Some(6), false),
                ("Vladimir Ilyich Lenin".to_string(), Some(4), true)
            ]
        );
    }

    fn sample() -> Registry {
        let mut congress = entity(
            "event",
            "tenth-party-congress",
            "Tenth Congress of the RKP(b)",
            &["Tenth Congress of the Russian Communist Party (Bolsheviks)"],
        );
        congress.details = crate::entity::Details::Event {
            place: None,
            event_kind: Some("congress".into()),
            people: Default::default(),
        };
        registry(vec![
            entity(
                "person",
                "miasnikov",
                "Gavriil Il'ich Miasnikov",
                &["G. T. Miasnikov", "Miasnikov"],
            ),
            entity("person", "lenin", "Vladimir Ilyich Lenin", &["Lenin"]),
            entity("person", "smirnov-i-n", "Ivan Nikitich Smirnov", &[]),
            entity(
                "person",
                "smirnov-v-m",
                "Vladimir Mikhailovich Smirnov",
                &[],
            ),
            entity("group", "workers-opposition", "Workers' Opposition", &[]),
            entity(
                "group",
                "workers-group",
                "Workers' Group of the Russian Communist Party",
                &["Workers' Group", "Workers Group"],
            ),
            congress,
        ])
    }

    /// The IDs found in `text`, `?` for an ambiguous name.
    fn ids(registry: &Registry, text: &str) -> Vec<String> {
        let (matcher, problems) = Matcher::new(registry);
        assert!(problems.is_empty(), "{problems:?}");
        matcher
            .find(text)
            .into_iter()
            .map(|f| match f.target {
                Target::One(e) => registry.entities[e].id.clone(),
                Target::Ambiguous(_) => "?".to_string(),
            })
            .collect()
    }

    #[test]
    fn spellings_possessives_and_initials_find_miasnikov() {
        let registry = sample();
        for text in [
            "Myasnikov",
            "Miasnikov's letter",
            "Miasnikov’s letter",
            "G. T. Miasnikov",
            "G.T. Miasnikov",
            "Miasnikov G. T.",
            "Gavril Myasnikov",
        ] {
            assert_eq!(ids(&registry, text), ["miasnikov"], "{text}");
        }
    }

    #[test]
    fn a_shared_surname_is_ambiguous_and_initials_settle_it() {
        let registry = sample();
        assert_eq!(ids(&registry, "Smirnov spoke."), ["?"]);
        assert_eq!(ids(&registry, "I. N. Smirnov spoke."), ["smirnov-i-n"]);
        assert_eq!(ids(&registry, "Vladimir Smirnov spoke."), ["smirnov-v-m"]);
    }

    #[test]
    fn the_longest_name_wins_and_words_stay_whole() {
        let registry = sample();
        assert_eq!(
            ids(&registry, "the Workers' Opposition and the Workers’ Group"),
            ["workers-opposition", "workers-group"]
        );
        assert!(ids(&registry, "Leninism and Leninist").is_empty());
        assert_eq!(ids(&registry, "Lenin's testament"), ["lenin"]);
        // A name glued to the word before it (a table flattened by OCR) is no mention, and
        // does not hide the name that follows it.
        assert_eq!(ids(&registry, "LeaderGavril Myasnikov"), ["miasnikov"]);
    }

    #[test]
    fn congresses_under_their_ordinal_names() {
        let registry = sample();
        for text in [
            "the Tenth Party Congress",
            "the 10th Congress",
            "the X Congress",
            "the Tenth Congress of the RKP(b)",
        ] {
            assert_eq!(ids(&registry, text), ["tenth-party-congress"], "{text}");
        }
    }

    #[test]
    fn two_entities_claiming_one_alias_is_an_error_naming_both() {
        let registry = registry(vec![
            entity("person", "a", "Ann A", &["Comrade X"]),
            entity("person", "b", "Bob B", &["Comrade X"]),
        ]);
        let (_, problems) = Matcher::new(&registry);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].message.contains("content/people/a.md"),
            "{}",
            problems[0].message
        );
        assert_eq!(problems[0].path, PathBuf::from("content/people/b.md"));
    }

    #[test]
    fn long_sentences_are_cut_to_fifteen_words_a_side_with_spaces_collapsed() {
        let text =
            "a b c d e f g h i j k l m n o p q Lenin's  r\ns t u v w x y z aa bb cc dd ee ff gg.";
        let start = text.find("Lenin").unwrap();
        let s = SnippetSpan::around(text, start, start + 5).snippet(text);
        assert_eq!(
            s.as_str(),
            "… c d e f g h i j k l m n o p q Lenin's r s t u v w x y z aa bb cc dd ee …"
        );
        assert_eq!(s.name(), "Lenin");
    }

    #[test]
    fn a_span_reads_its_own_text_and_gives_nothing_for_a_shorter_one() {
        let text = "He wrote. Then Lenin answered at once.";
        let start = text.find("Lenin").unwrap();
        let span = SnippetSpan::around(text, start, start + 5);
        assert_eq!(span.name(), start..start + 5);
        assert_eq!(span.snippet(text).as_str(), "Then Lenin answered at once.");
        assert_eq!(span.snippet("He wrote.").as_str(), "");
    }

    #[test]
    fn runs_of_white_space_collapse_to_one_space() {
        let naive = |text: &str| {
            let mut out = String::new();
            let mut in_run = false;
            for c in text.chars() {
                if c.is_whitespace() {
                    if !in_run {
                        out.push(' ');
                    }
                    in_run = true;
                } else {
                    out.push(c);
                    in_run = false;
                }
            }
            out
        };
        for text in [
            "one two  three\tfour\n\nfive ",
            "  Ленин и\u{a0}Троцкий\u{2009} \u{3000}x",
            "a \u{a0}b \u{1680}c\u{205f}\u{202f}d é ё",
            " ",
            "",
        ] {
            let mut out = String::new();
            push_collapsed(&mut out, text);
            assert_eq!(out, naive(text), "{text:?}");
        }
    }

    #[test]
    fn snippets_hold_the_sentence_around_the_name() {
        let text = "First sentence. Then G. T. Miasnikov wrote to Lenin about the press. Last one.";
        let start = text.find("Lenin").unwrap();
        let s = SnippetSpan::around(text, start, start + 5).snippet(text);
        assert_eq!(
            (s.before(), s.name(), s.after()),
            (
                "Then G. T. Miasnikov wrote to ",
                "Lenin",
                " about the press."
            )
        );
    }

    #[test]
    fn snippets_run_on_past_initials_and_abbreviations() {
        let text = "Bakaev was answered by member M. F. Shkiriatov and N.V. Kuznetsov (see p. 4) at \
                    once. Next.";
        let start = text.find("Bakaev").unwrap();
        let s = SnippetSpan::around(text, start, start + 6).snippet(text);
        assert_eq!(
            s.after(),
            " was answered by member M. F. Shkiriatov and N.V. Kuznetsov (see p. 4) at once."
        );
        let text = "Сталин, И. В., Сочинения, Т. 6, С. 23 и далее.";
        let start = text.find("Сталин").unwrap();
        let s = SnippetSpan::around(text, start, start + "Сталин".len()).snippet(text);
        assert_eq!(s.after(), ", И. В., Сочинения, Т. 6, С. 23 и далее.");
    }

    #[test]
    fn snippets_end_where_the_timeline_ends_a_sentence() {
        // A sentence closed inside its quotation mark ends there, as the timeline cuts it;
        // a full stop before a lower-case word ends none.
        let text = "He called it “a forgery.” Then Bukharin wrote to Trotsky in vol. 2 of the \
                    papers. and so on.";
        let start = text.find("Bukharin").unwrap();
        let s = SnippetSpan::around(text, start, start + 8).snippet(text);
        assert_eq!(s.before(), "Then ");
        assert_eq!(
            s.after(),
            " wrote to Trotsky in vol. 2 of the papers. and so on."
        );
        let sentence = crate::text::sentences(text)
            .into_iter()
            .find(|r| r.contains(&start))
            .unwrap();
        assert_eq!(s.whole, text[sentence].trim());
    }

    #[test]
    fn names_inside_longer_names_lower_case_generic_uses_and_coordinated_congresses() {
        let lenin = entity("person", "lenin", "Vladimir Ilyich Lenin", &["Lenin"]);
        let eleventh = entity("event", "eleventh", "Eleventh Party Congress", &[]);
        let twelfth = entity("event", "twelfth", "Twelfth Party Congress", &[]);
        let new_opposition = entity("group", "new-opposition", "New Opposition", &[]);
        let (matcher, _) = Matcher::new(&registry(vec![lenin, eleventh, twelfth, new_opposition]));
        let named = |text: &str| -> Vec<String> {
            matcher
                .find(text)
                .iter()
                .map(|f| text[f.start..f.end].to_string())
                .collect()
        };
        assert_eq!(
            named("Kamenev headed the Lenin Institute, which Lenin had wanted."),
            ["Lenin"]
        );
        assert_eq!(
            named("It figured at both the Eleventh and Twelfth Party Congresses."),
            ["Eleventh", "Twelfth"]
        );
        assert_eq!(
            named("the new opposition of 1925, and every new opposition after it"),
            ["new opposition"]
        );
        // Another people's body of the same name: neither the entry nor the names of the
        // registry's bodies name Italians; they name Russians.
        let politburo = entity("term", "politburo", "Politburo", &[]);
        let congress = entity(
            "event",
            "x",
            "Tenth Congress of the Russian Communist Party",
            &[],
        );
        let (matcher, _) = Matcher::new(&registry(vec![politburo, congress]));
        let named = |text: &str| matcher.find(text).len();
        assert_eq!(
            named("a letter from the Politburo of the Italian Communist Party"),
            0
        );
        assert_eq!(named("the Politburo of the Russian Communist Party met"), 1);
        assert_eq!(named("the Politburo of the CC met"), 1);
        let twenty_second = entity("event", "xxii", "Twenty-Second Party Congress", &[]);
        let (matcher, _) = Matcher::new(&registry(vec![twenty_second]));
        let found = matcher.find("after the Twentieth and Twenty-Second Party Congresses");
        assert_eq!(found.len(), 1, "{found:?}");
    }
}

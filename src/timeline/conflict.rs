//! Where the sources disagree on a date: the statements of the documents that report an
//! event of the registry, and the dates they give it. A statement reports an event when it
//! says the act its `kind` names ("expelled" for an expulsion, "arrested" for an arrest) a few
//! words from the event's name or, for a personal act (an expulsion, an arrest, a founding, a
//! killing), from the name of one of its few people; and within two years of the registry's
//! date (further off, it is another time the same thing happened). Where one of them gives a
//! date that cannot be the registry's ("1921" against "20 February 1922"), the event's entry
//! shows every account side by side, and `annals check --conflicts` lists it.

use std::ops::Range;

use crate::entity::matcher::{Matcher, Target};
use crate::entity::{EntityId, EntityKind, Registry};

use super::{Entry, EntryKind};

/// How far from the registry's date (in years) a statement may still report the same event.
const SAME_EVENT_YEARS: i32 = 2;

/// How far (in bytes) the act may stand from the name: "Miasnikov was formally expelled".
const NEAR: usize = 40;

/// An event with more people than this is a collective act ("the Declaration of the
/// Forty-Six"): a statement reports it only by its name, not by naming one of them.
const FEW_PEOPLE: usize = 6;

/// Acts done to or by a person, which a statement naming the person near the act reports.
const PERSONAL_ACTS: &[&str] = &["expulsion", "arrest", "founding", "killing", "death"];

/// An event whose sources give dates that cannot all be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub event: EntityId,
    /// The event's own entry, by index into the timeline.
    pub entry: usize,
    /// The statements that report it, in date order: those that agree with the registry's
    /// date and those that do not.
    pub accounts: Vec<usize>,
}

impl Conflict {
    /// Whether the statement `account` gives a date the registry's cannot be.
    pub fn differs(&self, entries: &[Entry], account: usize) -> bool {
        !entries[account]
            .date
            .may_coincide(&entries[self.entry].date)
    }
}

/// The words that say an event of `kind` happened: whole words, or beginnings of words where
/// they end in `*`.
fn act_words(kind: &str) -> &'static [&'static str] {
    match kind {
        "expulsion" => &["expel*", "expuls*"],
        "arrest" => &["arrest*", "detain*", "imprison*"],
        "founding" => &[
            "found",
            "founded",
            "founding",
            "organiz*",
            "organis*",
            "formed",
            "establish*",
            "created",
        ],
        "killing" => &["kill*", "murder*", "shot", "execut*", "assassin*"],
        "congress" | "conference" | "comintern-congress" | "meeting" | "plenum" => &[
            "met",
            "opened",
            "convened",
            "held",
            "took place",
            "assembled",
        ],
        "publication" | "manifesto" => &["publish*", "appeared", "printed", "issued"],
        "declaration" | "letter" => &[
            "sent",
            "signed",
            "submitted",
            "addressed",
            "wrote",
            "written",
        ],
        "uprising" => &["rose", "revolt*", "rising", "uprising", "rebel*", "mutin*"],
        "treaty" => &["signed", "concluded"],
        "decree" | "policy" | "resolution" => {
            &["adopted", "decreed", "introduced", "inaugurated", "passed"]
        }
        "death" => &["died", "death"],
        _ => &[],
    }
}

/// Where `text` has one of `words` (a `*` at the end: a word that begins so), in any case.
fn act_places(text: &str, words: &[&str]) -> Vec<Range<usize>> {
    // ASCII case only: the words are English, and the offsets stay those of `text`.
    let lower = text.to_ascii_lowercase();
    let is_word_char = |c: char| c.is_alphanumeric();
    let mut places = Vec::new();
    for word in words {
        let (stem, prefix) = match word.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (*word, false),
        };
        for (at, _) in lower.match_indices(stem) {
            let before = lower[..at].chars().next_back();
            let after = lower[at + stem.len()..].chars().next();
            if !before.is_some_and(is_word_char)
                && (prefix || !after.is_some_and(is_word_char))
                && !looks_back(&lower[..at])
            {
                places.push(at..at + stem.len());
            }
        }
    }
    places
}

/// Whether the act after `before` is a time the sentence dates something else by: "before
/// expelling Miasnikov, he had …", "after his arrest", "since its founding".
fn looks_back(before: &str) -> bool {
    const RELATIVE: &[&str] = &[
        "before", "after", "since", "until", "till", "without", "upon",
    ];
    before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|word| RELATIVE.contains(&word.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// Whether two places of a text are at most `NEAR` bytes apart.
fn near(a: &Range<usize>, b: &Range<usize>) -> bool {
    let gap = if a.start <= b.start {
        b.start.saturating_sub(a.end)
    } else {
        a.start.saturating_sub(b.end)
    };
    gap <= NEAR
}

/// The events whose accounts disagree. `slices[entity]`: the entries that are the entity or
/// name it (`by_entity`).
pub fn find(
    entries: &[Entry],
    slices: &[Vec<usize>],
    (registry, matcher): (&Registry, &Matcher),
) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        let (EntryKind::Event, Some(event), Some(year)) = (entry.kind, entry.entity, entry.year())
        else {
            continue;
        };
        let e = &registry.entities[event];
        let kind = e.event_kind().unwrap_or_default().to_lowercase();
        let words = act_words(&kind);
        if words.is_empty() {
            continue;
        }
        let mut actors = vec![event];
        if PERSONAL_ACTS.contains(&kind.as_str()) && e.people().len() <= FEW_PEOPLE {
            actors.extend(e.people().iter().filter_map(|id| registry.participant(id)));
        }
        let reports = |statement: &Entry| {
            let text = statement.excerpt.as_deref().unwrap_or_default();
            let acts = act_places(text, words);
            !acts.is_empty()
                && matcher.find(text).iter().any(|found| {
                    matches!(found.target, Target::One(i) if actors.contains(&EntityId::new(i)))
                        && acts.iter().any(|act| near(act, &(found.start..found.end)))
                })
        };
        let mut accounts: Vec<usize> = (actors.iter())
            .flat_map(|&named| slices[named].iter().copied())
            .filter(|&other| {
                let statement = &entries[other];
                statement.kind == EntryKind::Statement
                    && statement
                        .year()
                        .is_some_and(|y| (y - year).abs() <= SAME_EVENT_YEARS)
                    && !names_another_event(statement, event, registry)
                    && reports(statement)
            })
            .collect();
        accounts.sort_unstable();
        accounts.dedup();
        let conflict = Conflict {
            event,
            entry: index,
            accounts,
        };
        if conflict
            .accounts
            .iter()
            .any(|&account| conflict.differs(entries, account))
        {
            conflicts.push(conflict);
        }
    }
    conflicts
}

/// A disagreement as `annals check --conflicts` lists it: plain text and places.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The event's file in the registry, its name and its date.
    pub path: std::path::PathBuf,
    pub event: String,
    pub date: String,
    /// Each statement that reports it: the page's file, the paragraph, the date, the
    /// sentence, and whether the date cannot be the registry's.
    pub accounts: Vec<ReportedDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportedDate {
    pub path: std::path::PathBuf,
    pub anchor: String,
    pub date: String,
    pub sentence: String,
    pub differs: bool,
}

/// The conflicts as `check --conflicts` reports them.
pub fn disagreements(
    conflicts: &[Conflict],
    entries: &[Entry],
    registry: &Registry,
    content: &crate::content::Content,
) -> Vec<Disagreement> {
    conflicts
        .iter()
        .map(|conflict| {
            let event = &registry.entities[conflict.event];
            Disagreement {
                path: event.path.clone(),
                event: event.name.clone(),
                date: entries[conflict.entry].date.human(),
                accounts: (conflict.accounts.iter())
                    .filter_map(|&account| {
                        let entry = &entries[account];
                        Some(ReportedDate {
                            path: content.pages[entry.page?].path.clone(),
                            anchor: entry.anchor.clone()?,
                            date: entry.date.human(),
                            sentence: entry.excerpt.clone().unwrap_or_default(),
                            differs: conflict.differs(entries, account),
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Whether a statement names an event of the registry other than `event`: it then reports
/// that one.
fn names_another_event(statement: &Entry, event: EntityId, registry: &Registry) -> bool {
    statement
        .mentions
        .iter()
        .any(|&m| m != event && registry.entities[m].kind() == EntityKind::Event)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn says(text: &str, words: &[&str]) -> bool {
        !act_places(text, words).is_empty()
    }

    #[test]
    fn an_act_is_said_by_its_word_or_a_word_that_begins_with_its_stem() {
        assert!(says("He was expelled in 1921.", act_words("expulsion")));
        assert!(says("His Expulsion followed.", act_words("expulsion")));
        // An act the sentence dates something else by is not what it reports.
        assert!(!says(
            "Before expelling him, Lenin wrote.",
            act_words("expulsion")
        ));
        assert!(!says(
            "It was a year after his arrest.",
            act_words("arrest")
        ));
        assert!(!says("He was re-elected in 1921.", act_words("expulsion")));
        // "met" begins no word of "Kamenev's comment", and is no "method".
        assert!(!says("Kamenev's comment was sharp.", act_words("congress")));
        assert!(says("The congress met in March.", act_words("congress")));
        assert!(!says("The method was new.", act_words("congress")));
        assert_eq!(
            act_places("He was expelled.", act_words("expulsion")),
            vec![7..12]
        );
    }
}

//! The registry seeded from a book's back matter: its glossary (terms), its dates of party
//! congresses and conferences (events) and its biographical notes (people), each entry
//! written as a Markdown file in the format of `docs/registry-format.md`.
//!
//! The three sections are found by the book's table of contents (`sections`). An entry is a
//! block of the text; a page break may have cut it in two, and the halves are put together
//! again.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use anyhow::Context;
use regex::{Captures, Regex};
use serde::Serialize;

use super::blocks::{Block, normalise, split_blocks};
use super::notes::note_start;
use super::sections::{Outline, outline};
use super::shape::{ends_a_sentence, escape_line_start};
use super::{ImportedFile, front_matter};
use crate::text::lang::is_cyrillic;
use crate::text::{sentences, slugify};

pub const GLOSSARY: &str = "Glossary of Abbreviations and Terms";
pub const DATES: &str = "Dates of Party Congresses, Conferences, and Comintern Congresses";
pub const BIOGRAPHIES: &str = "Selected Biographical Notes";

/// How long a person's summary may grow, in characters, before it is cut.
const SUMMARY_LENGTH: usize = 150;

/// How the entries cite the book: `Rogovin, Was There an Alternative? 1923–1927` in the
/// front matter, `Vadim Z. Rogovin, …` in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    pub author: String,
    pub title: String,
}

impl Citation {
    fn source(&self, section: &str) -> String {
        let surname = self.author.split_whitespace().last().unwrap_or_default();
        format!("{surname}, {}, {section}", self.title)
    }

    fn source_line(&self, section: &str) -> String {
        format!("*Source: {}, {}, {section}.*", self.author, self.title)
    }
}

/// One entity of the registry: its ID (the file name), its front matter, its Markdown body,
/// and the line of the book on which its entry starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry<F> {
    pub id: String,
    pub fields: F,
    pub body: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    pub sort_name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub real_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub born_os: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub died: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub died_os: Option<String>,
    pub summary: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub title: String,
    pub date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub kind: String,
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub term: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expansion: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub original: Option<String>,
    pub source: String,
}

/// Something to tell about a line of the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub people: Vec<Entry<Person>>,
    pub events: Vec<Entry<Event>>,
    pub terms: Vec<Entry<Term>>,
    /// Text that could not be read as an entry; nothing is written for it.
    pub unparsed: Vec<Remark>,
    /// Entries read with a caveat (a date the book gives in part, an alias claimed twice).
    pub remarks: Vec<Remark>,
}

/// Reads the glossary, the dates of congresses and the biographical notes of a book.
pub fn read_back_matter(text: &str, citation: &Citation) -> Registry {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let blocks = split_blocks(text);
    let outline = outline(&blocks);
    let mut registry = Registry::default();
    if let Some(section) = find_section(&blocks, &outline, GLOSSARY, &mut registry) {
        registry.terms = read_terms(section, citation, &mut registry.unparsed);
    }
    if let Some(section) = find_section(&blocks, &outline, DATES, &mut registry) {
        registry.events = read_events(section, citation, &mut registry.unparsed);
    }
    if let Some(section) = find_section(&blocks, &outline, BIOGRAPHIES, &mut registry) {
        let (people, remarks) = read_people(section, citation, &mut registry.unparsed);
        registry.people = people;
        registry.remarks.extend(remarks);
    }
    distinct_ids(&mut registry.people, "people", &mut registry.remarks);
    distinct_ids(&mut registry.events, "events", &mut registry.remarks);
    distinct_ids(&mut registry.terms, "terms", &mut registry.remarks);
    let claims = claimed_twice(&registry);
    registry.remarks.extend(claims);
    registry
}

/// Gives each entry of a list an ID of its own: two entries the book keeps apart ("SMITH,
/// John" and "SMITH, Jim") can make one ID, and the second file would replace the first.
fn distinct_ids<F>(entries: &mut [Entry<F>], folder: &str, remarks: &mut Vec<Remark>) {
    let mut taken: HashSet<String> = entries.iter().map(|e| e.id.clone()).collect();
    let mut seen: HashSet<String> = HashSet::new();
    for entry in entries.iter_mut() {
        if seen.insert(entry.id.clone()) {
            continue;
        }
        let base = std::mem::take(&mut entry.id);
        let id = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !taken.contains(id))
            .expect("some number is free");
        remarks.push(Remark {
            line: entry.line,
            message: format!(
                "{folder}/{base} is the ID of an entry before this one: this one is written as {folder}/{id} (if the two are one, keep one of the files)"
            ),
        });
        taken.insert(id.clone());
        seen.insert(id.clone());
        entry.id = id;
    }
}

/// The blocks of a section listed in the table of contents, after its heading.
fn find_section<'a>(
    blocks: &'a [Block],
    outline: &Outline,
    title: &str,
    registry: &mut Registry,
) -> Option<&'a [Block]> {
    let found = outline
        .sections
        .iter()
        .find(|s| normalise(&s.title) == normalise(title));
    if found.is_none() {
        registry.unparsed.push(Remark {
            line: 0,
            message: format!("no section “{title}” in the table of contents"),
        });
    }
    found.map(|s| &blocks[s.heading + 1..s.end])
}

/// One entry of a list in the back matter: its paragraphs and the line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RawEntry {
    line: usize,
    paragraphs: Vec<String>,
}

impl RawEntry {
    fn text(&self) -> String {
        self.paragraphs.join(" ")
    }

    fn has_ended(&self) -> bool {
        self.paragraphs.last().is_some_and(|p| ends_a_sentence(p))
    }
}

/// Groups blocks into entries. A block opens an entry when it looks like one and the entry
/// before it has come to the end of a sentence. Otherwise a page break cut the entry before
/// it, and the block goes on with it: in the same paragraph when the cut fell in
/// mid-sentence, as a new paragraph when it fell between sentences. Blocks before the first
/// entry are reported.
fn group_entries(
    blocks: &[Block],
    opens_entry: impl Fn(&str) -> bool,
    unparsed: &mut Vec<Remark>,
) -> Vec<RawEntry> {
    let mut entries: Vec<RawEntry> = Vec::new();
    for block in blocks {
        let text = block.text();
        let opens = opens_entry(&text);
        match entries.last_mut() {
            Some(entry) if !(opens && entry.has_ended()) => continue_entry(entry, text),
            _ if opens => entries.push(RawEntry {
                line: block.line,
                paragraphs: vec![text],
            }),
            _ => unparsed.push(not_an_entry(block.line, &text)),
        }
    }
    entries
}

fn continue_entry(entry: &mut RawEntry, text: String) {
    match entry.paragraphs.last_mut() {
        Some(last) if !ends_a_sentence(last) => {
            last.push(' ');
            last.push_str(&text);
        }
        _ => entry.paragraphs.push(text),
    }
}

fn not_an_entry(line: usize, text: &str) -> Remark {
    Remark {
        line,
        message: format!("not read as an entry: “{}”", excerpt(text)),
    }
}

fn excerpt(text: &str) -> String {
    let mut short: String = text.chars().take(70).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

/// The Markdown body: the paragraphs, then a line naming the source.
fn body(paragraphs: &[String], source_line: &str) -> String {
    let mut out = String::new();
    for paragraph in paragraphs {
        let _ = write!(out, "{}\n\n", escape_line_start(paragraph));
    }
    out + source_line + "\n"
}

// ---------------------------------------------------------------------------------------
// Glossary → terms

/// `ASSR [АССР, **автономная …**]: a sub-division …`, `CC: Central Committee …`, and once
/// `VTsIK […]. In between …` with a full stop after the bracket.
static TERM_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<head>[^\[\]:]{1,50}?)(?: \[(?P<original>[^\]]+)\])?(?P<separator>[:.]) (?P<definition>.+)$")
        .expect("valid pattern")
});

fn term_entry(text: &str) -> Option<Captures<'_>> {
    TERM_ENTRY
        .captures(text)
        .filter(|c| &c["separator"] == ":" || c.name("original").is_some())
}

fn read_terms(
    blocks: &[Block],
    citation: &Citation,
    unparsed: &mut Vec<Remark>,
) -> Vec<Entry<Term>> {
    let entries = group_entries(blocks, |text| term_entry(text).is_some(), unparsed);
    entries
        .iter()
        .filter_map(|entry| {
            let term = read_term(entry, citation);
            if term.is_none() {
                unparsed.push(not_an_entry(entry.line, &entry.text()));
            }
            term
        })
        .collect()
}

fn read_term(entry: &RawEntry, citation: &Citation) -> Option<Entry<Term>> {
    let caps = term_entry(&entry.paragraphs[0])?;
    let (term, other_form) = term_and_other_form(&caps["head"]);
    let (original, english) = caps
        .name("original")
        .map_or((None, Vec::new()), |o| original_and_english(o.as_str()));
    let definition = caps["definition"].to_string();
    let expansion = expansion(&term, &english, &definition);
    let aliases = distinct_aliases(
        expansion.iter().chain(&other_form).chain(&english).cloned(),
        &term,
    );
    let mut paragraphs = entry.paragraphs.clone();
    paragraphs[0] = definition;
    Some(Entry {
        id: slugify(&term),
        body: body(&paragraphs, &citation.source_line(GLOSSARY)),
        fields: Term {
            term,
            expansion,
            aliases,
            original,
            source: citation.source(GLOSSARY),
        },
        line: entry.line,
    })
}

/// `Five-Year Plan, FYP` is a term with its abbreviation; `stagnation, time of` is the
/// glossary's inverted heading of "time of stagnation". Quotation marks around a term
/// (`“non-returner”`) are the glossary's, not the term's.
fn term_and_other_form(head: &str) -> (String, Option<String>) {
    let head = head.trim().trim_matches(['“', '”', '"']);
    match head.split_once(", ") {
        Some((term, other)) if !other.contains(' ') && starts_upper(other) => {
            (term.to_string(), Some(other.to_string()))
        }
        Some((term, qualifier)) if !starts_upper(qualifier) => {
            (format!("{qualifier} {term}"), None)
        }
        _ => (head.to_string(), None),
    }
}

/// The bracket after a term holds its original form and sometimes an English one:
/// `Молодая гвардия; Young Guard`. Latin capitals alone (`CHK`) are an original form
/// misspelled in Latin letters, not English.
fn original_and_english(bracket: &str) -> (Option<String>, Vec<String>) {
    let plain = bracket.replace("**", "");
    let (english, original): (Vec<&str>, Vec<&str>) = plain
        .split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .partition(|p| is_english(p));
    let original = (!original.is_empty()).then(|| original.join("; "));
    (original, english.into_iter().map(str::to_string).collect())
}

fn is_english(text: &str) -> bool {
    !text.chars().any(is_cyrillic) && text.chars().any(|c| c.is_ascii_lowercase())
}

fn starts_upper(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
}

/// An abbreviation has several capitals: `CC`, `RKP(b)`, `VTsIK`, `GULag`.
fn is_abbreviation(term: &str) -> bool {
    term.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// What an abbreviation stands for: the English form in its bracket, or the proper name
/// the definition opens with.
fn expansion(term: &str, english: &[String], definition: &str) -> Option<String> {
    match english.first() {
        Some(first) if is_abbreviation(term) => Some(first.clone()),
        _ => leading_name(definition),
    }
}

/// The proper name a definition opens with: `The State Planning Committee, responsible for
/// …` → `State Planning Committee`. It ends at a full stop, a semicolon, a colon, a
/// parenthesis of several words, or a comma before a word in lower case (other than "and").
fn leading_name(definition: &str) -> Option<String> {
    let text = definition
        .strip_prefix("The ")
        .or_else(|| definition.strip_prefix("the "))
        .unwrap_or(definition);
    let end = text
        .char_indices()
        .find(|&(i, c)| ends_leading_name(c, &text[i..]))
        .map_or(text.len(), |(i, _)| i);
    let name = text[..end].trim();
    is_title_case(name).then(|| name.to_string())
}

fn ends_leading_name(c: char, rest: &str) -> bool {
    match c {
        '.' | ';' | ':' => true,
        '(' => rest.split(')').next().is_some_and(|p| p.contains(' ')),
        ',' => rest[1..]
            .split_whitespace()
            .next()
            .is_some_and(|w| !starts_upper(w) && !matches!(w, "and" | "or")),
        _ => false,
    }
}

static PARENTHESIS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([^)]*\)").expect("valid pattern"));

/// Two or more words, each capitalised but for little words: `Workers' and Peasants'
/// Inspection`, `Russian Communist Party (bolshevik)`, `Main [Prison-] Camp Administration`.
fn is_title_case(name: &str) -> bool {
    let without_parentheses = PARENTHESIS.replace_all(name, "");
    let words: Vec<&str> = without_parentheses
        .split_whitespace()
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "in" | "on" | "to"))
        .collect();
    words.len() >= 2
        && words.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

/// Aliases in order, each once, none the same as the name itself, none shorter than three
/// letters (the registry's rule), none with a bracket.
fn distinct_aliases(candidates: impl IntoIterator<Item = String>, name: &str) -> Vec<String> {
    let mut aliases: Vec<String> = Vec::new();
    for alias in candidates {
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3 && alias != name && !alias.contains('[') && !aliases.contains(&alias) {
            aliases.push(alias);
        }
    }
    aliases
}

// ---------------------------------------------------------------------------------------
// Dates of congresses → events

/// `Tenth Congress of the Russian Communist Party (Bolsheviks) [RKP(b)]: 8–16 March 1921`
static EVENT_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(?P<ordinal>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?) (?P<meeting>Congress|Conference)",
        r"(?: of the (?P<party>[^\[]+?))?(?: \[(?P<bracket>[^\]]+)\])?: (?P<dates>\d.*)$"
    ))
    .expect("valid pattern")
});

/// `8–16 March 1921`, `27 March–2 April 1922`, `26 January–10 February 1934`.
static DATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<d1>\d{1,2})(?: (?P<m1>\p{L}+))?(?: (?P<y1>\d{4}))?–(?P<d2>\d{1,2}) (?P<m2>\p{L}+) (?P<y2>\d{4})$")
        .expect("valid pattern")
});

/// Who held a meeting, by the list's own headings: "Party Congresses", "Party
/// Conferences", "Congresses of the Third International (Comintern)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Organiser {
    Party,
    Comintern,
}

fn read_events(
    blocks: &[Block],
    citation: &Citation,
    unparsed: &mut Vec<Remark>,
) -> Vec<Entry<Event>> {
    let mut organiser: Option<Organiser> = None;
    // The party's full names, by the short names in brackets that stand for them later.
    let mut party_names: HashMap<String, String> = HashMap::new();
    let mut events = Vec::new();
    for block in blocks {
        let text = block.text();
        match (EVENT_ENTRY.captures(&text), organiser) {
            (Some(caps), Some(organiser)) => {
                match read_event(&caps, organiser, &mut party_names, citation, block.line) {
                    Some(event) => events.push(event),
                    None => unparsed.push(not_an_entry(block.line, &text)),
                }
            }
            (None, _) if text.contains("Comintern") => organiser = Some(Organiser::Comintern),
            (None, _) if text.starts_with("Party ") => organiser = Some(Organiser::Party),
            _ => unparsed.push(not_an_entry(block.line, &text)),
        }
    }
    events
}

/// A party's name as the list writes it, with the short forms that stand for it.
struct PartyName {
    full: String,
    /// The form for the title: the last of the bracket's short forms (`KPSS/CPSU` → `CPSU`,
    /// as the entries after it write it).
    short: String,
    other_forms: Vec<String>,
}

fn party_name(
    caps: &Captures<'_>,
    party_names: &mut HashMap<String, String>,
) -> Option<(PartyName, Option<String>)> {
    let party = caps.name("party")?.as_str().to_string();
    let bracket = caps.name("bracket").map(|b| b.as_str());
    let nickname = bracket
        .filter(|b| b.starts_with(['“', '"']))
        .map(|b| b.trim_matches(['“', '”', '"']).to_string());
    let short_forms: Vec<String> = match bracket {
        Some(b) if nickname.is_none() => b.split('/').map(str::to_string).collect(),
        _ => vec![party.clone()],
    };
    let full = party_names.get(&party).cloned().unwrap_or(party);
    for form in &short_forms {
        party_names.insert(form.clone(), full.clone());
    }
    let (short, other_forms) = short_forms.split_last()?;
    let name = PartyName {
        full,
        short: short.clone(),
        other_forms: other_forms.to_vec(),
    };
    Some((name, nickname))
}

fn read_event(
    caps: &Captures<'_>,
    organiser: Organiser,
    party_names: &mut HashMap<String, String>,
    citation: &Citation,
    line: usize,
) -> Option<Entry<Event>> {
    let ordinal = &caps["ordinal"];
    let dates = &caps["dates"];
    let (date, year) = date_range(dates)?;
    let naming = match organiser {
        Organiser::Party => party_meeting(caps, party_names)?,
        Organiser::Comintern => comintern_congress(ordinal, &caps["meeting"]),
    };
    let place = place(organiser, ordinal, year);
    let held = match place {
        Some(place) => format!("met in {place}"),
        None => "was held".to_string(),
    };
    let sentence = format!(
        "The {} {held}, {dates}: the dates are those of {}, *{}*, “{DATES}”.\n",
        naming.in_prose, citation.author, citation.title
    );
    Some(Entry {
        id: naming.id,
        body: sentence,
        fields: Event {
            aliases: distinct_aliases(naming.aliases, &naming.title),
            title: naming.title,
            date,
            place: place.map(str::to_string),
            kind: naming.kind.to_string(),
            source: citation.source(DATES),
        },
        line,
    })
}

/// How an event is named: its ID, title, other names, and the name its description uses.
struct Naming {
    id: String,
    title: String,
    aliases: Vec<String>,
    in_prose: String,
    kind: &'static str,
}

/// `Tenth Congress of the RKP(b)`, also the `Tenth Party Congress` and the `Tenth Congress
/// of the Russian Communist Party (Bolsheviks)`.
fn party_meeting(caps: &Captures<'_>, party_names: &mut HashMap<String, String>) -> Option<Naming> {
    let (ordinal, meeting) = (&caps["ordinal"], &caps["meeting"]);
    let (party, nickname) = party_name(caps, party_names)?;
    let long_title = format!("{ordinal} {meeting} of the {}", party.full);
    let mut aliases = vec![format!("{ordinal} Party {meeting}"), long_title.clone()];
    let other_forms = party.other_forms.iter();
    aliases.extend(other_forms.map(|f| format!("{ordinal} {meeting} of the {f}")));
    let in_prose = match &nickname {
        Some(n) => format!("{long_title}, the “{n}”,"),
        None => long_title,
    };
    aliases.extend(nickname);
    Some(Naming {
        id: slugify(&format!("{ordinal} party {meeting}")),
        title: format!("{ordinal} {meeting} of the {}", party.short),
        aliases,
        in_prose,
        kind: if meeting == "Congress" {
            "congress"
        } else {
            "conference"
        },
    })
}

fn comintern_congress(ordinal: &str, meeting: &str) -> Naming {
    Naming {
        id: slugify(&format!("{ordinal} comintern {meeting}")),
        title: format!("{ordinal} {meeting} of the Comintern"),
        aliases: vec![
            format!("{ordinal} Comintern {meeting}"),
            format!("{ordinal} {meeting} of the Third International"),
            format!("{ordinal} {meeting} of the Communist International"),
        ],
        in_prose: format!("{ordinal} {meeting} of the Third International (Comintern)"),
        kind: "comintern-congress",
    }
}

/// Where a meeting was held; the book's list does not say. From 1919 on, the party's
/// congresses and conferences met in Moscow, and so did the Comintern's, but for its
/// Second Congress, which opened in Petrograd and went on in Moscow.
fn place(organiser: Organiser, ordinal: &str, year: i32) -> Option<&'static str> {
    match organiser {
        Organiser::Comintern if ordinal == "Second" => Some("Petrograd and Moscow"),
        _ if year >= 1919 => Some("Moscow"),
        _ => None,
    }
}

/// `27 March–2 April 1922` → `1922-03-27/1922-04-02`, with the year it starts in.
fn date_range(text: &str) -> Option<(String, i32)> {
    let caps = DATE_RANGE.captures(text)?;
    let end_month = month_number(&caps["m2"])?;
    let end_year: i32 = caps["y2"].parse().ok()?;
    let start_month = caps
        .name("m1")
        .map_or(Some(end_month), |m| month_number(m.as_str()))?;
    let start_year = caps
        .name("y1")
        .map_or(Some(end_year), |y| y.as_str().parse().ok())?;
    let start = iso_date(start_year, start_month, caps["d1"].parse().ok()?);
    let end = iso_date(end_year, end_month, caps["d2"].parse().ok()?);
    Some((format!("{start}/{end}"), start_year))
}

fn month_number(name: &str) -> Option<u32> {
    crate::date::MONTHS
        .iter()
        .position(|m| *m == name)
        .map(|i| i as u32 + 1)
}

fn iso_date(year: i32, month: u32, day: u32) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

// ---------------------------------------------------------------------------------------
// Biographical notes → people

/// `ANTONOV-OVSEENKO, Vladimir …`, `KRUPSKAYA [Ulyanova], Nadezhda …`
static PERSON_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<surname>\p{Lu}[\p{Lu}'’-]+)(?: \[(?P<other>[^\]]+)\])?, ")
        .expect("valid pattern")
});

/// The dates in parentheses after the name: `(9 [21] March 1883–10 February 1938)`, then a
/// full stop (once a semicolon).
static LIFE_DATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.? \((?P<dates>[\d?][^)]*)\)[.;]?\s*").expect("valid pattern"));

/// Given names, a bracket and a nickname in parentheses: `Vladislav [Vladimir]`,
/// `Konstantin (Kote) Maksimovich`.
static NAME_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[[^\]]+\]|\([^)]+\)|\S+").expect("valid pattern"));

/// What a note says of a person's names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Names {
    /// In normal capitalisation: `Antonov-Ovseenko`.
    surname: String,
    given: Vec<String>,
    /// `KOSIOR, Vladislav [Vladimir] Vikentievich`: the given names with the variant.
    given_variant: Option<Vec<String>>,
    nickname: Option<String>,
    birth_name: Option<String>,
    married_name: Option<String>,
}

impl Names {
    fn full(&self) -> String {
        full_name(&self.given, &self.surname)
    }
}

fn full_name(given: &[String], surname: &str) -> String {
    given
        .iter()
        .map(String::as_str)
        .chain([surname])
        .collect::<Vec<_>>()
        .join(" ")
}

/// `V. A. Antonov-Ovseenko`
fn initialled(given: &[String], surname: &str) -> String {
    let initials = given
        .iter()
        .filter_map(|g| g.chars().next())
        .map(|c| format!("{c}. "));
    initials.collect::<String>() + surname
}

/// What a bracket in a note's head holds. The notes bracket the birth name behind a party
/// or pen name (ZINOVIEV … [Radomyslsky], GORKY, Maksim [Aleksii Maksimovich Peshkov]),
/// except in three: KRUPSKAYA [Ulyanova] brackets her married name, and MDIVANI […] [Budu]
/// and ORDZHONIKIDZE […] [Sergo] their nicknames.
fn bracketed_name(surname: &str, bracket: &str, names: &mut Names) {
    let bracket = bracket.to_string();
    match surname {
        "KRUPSKAYA" => names.married_name = Some(bracket),
        "MDIVANI" | "ORDZHONIKIDZE" => names.nickname = Some(bracket),
        _ => names.birth_name = Some(bracket),
    }
}

fn capitalised(surname: &str) -> String {
    let mut out = String::with_capacity(surname.len());
    let mut word_start = true;
    for c in surname.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = c == '-';
    }
    out
}

/// The head of a note, up to its dates: the names, and the text that follows the dates.
struct PersonHead {
    names: Names,
    dates: String,
    /// The note after its head: the text a summary is made from.
    rest: String,
}

fn person_head(text: &str) -> Option<PersonHead> {
    let start = PERSON_START.captures(text)?;
    let dates = LIFE_DATES.captures(text)?;
    let whole = dates.get(0)?;
    let raw_surname = &start["surname"];
    let mut names = Names {
        surname: capitalised(raw_surname),
        ..Default::default()
    };
    if let Some(other) = start.name("other") {
        bracketed_name(raw_surname, other.as_str(), &mut names);
    }
    let given = text.get(start.get(0)?.end()..whole.start())?;
    given_names(given, raw_surname, &mut names);
    Some(PersonHead {
        names,
        dates: dates["dates"].to_string(),
        rest: text[whole.end()..].to_string(),
    })
}

/// `Lev Borisovich [Rozenfeld]`, `Vladislav [Vladimir] Vikentievich`, `Konstantin (Kote)
/// Maksimovich`, `N. [Valerian Valerianovich Obolensky]`.
fn given_names(text: &str, raw_surname: &str, names: &mut Names) {
    let parts: Vec<&str> = NAME_PART.find_iter(text).map(|m| m.as_str()).collect();
    for (i, part) in parts.iter().enumerate() {
        if let Some(inner) = part.strip_prefix('[').and_then(|p| p.strip_suffix(']')) {
            if i + 1 < parts.len() {
                let mut variant = names.given.clone();
                variant.pop();
                variant.push(inner.to_string());
                variant.extend(parts[i + 1..].iter().map(|p| p.to_string()));
                names.given_variant = Some(variant);
            } else {
                bracketed_name(raw_surname, inner, names);
            }
        } else if let Some(inner) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
            names.nickname = Some(inner.to_string());
        } else {
            names.given.push(part.to_string());
        }
    }
    if let Some(variant) = &mut names.given_variant {
        variant.retain(|p| !p.starts_with(['(', '[']));
    }
}

/// A date and, where the book gives one beside it, its Old Style form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StyledDate {
    new_style: String,
    old_style: Option<String>,
}

impl StyledDate {
    fn plain(edtf: String) -> Self {
        StyledDate {
            new_style: edtf,
            old_style: None,
        }
    }
}

/// A date the book gives, read as far as it goes, and what was odd about it.
type DateReading = (StyledDate, Option<String>);

static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\d{4})$").expect("valid pattern"));
static DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}) (\p{L}+) (\d{4})$").expect("valid pattern"));
/// `9 [21] March 1883`: Old Style day, [New Style day], month, year.
static DAYS_IN_ONE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}) \[(\d{1,2})\] (\p{L}+) (\d{4})$").expect("valid pattern")
});
/// `22 March [4 April] 1884`
static DAYS_IN_TWO_MONTHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2}) (\p{L}+) \[(\d{1,2}) (\p{L}+)\] (\d{4})$").expect("valid pattern")
});
/// `13 [25] 1881`: the month left out.
static DAYS_WITHOUT_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,2}) \[(\d{1,2})\] (\d{4})$").expect("valid pattern"));
/// `? [no sooner than 1956]`
static NOT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\? \[no sooner than (\d{4})\]$").expect("valid pattern"));

/// Reads one date of a life. Russia kept the Julian calendar (Old Style) until February
/// 1918; the notes give such dates twice, "9 [21] March 1883": Old Style first, New Style in
/// brackets. The Old Style date is always the earlier, so the later of the two is taken as
/// New Style even where a note has them the other way round.
fn life_date(text: &str) -> Option<DateReading> {
    let text = text.trim();
    if text == "?" {
        return Some((StyledDate::plain("..".into()), None));
    }
    if let Some(c) = NOT_BEFORE.captures(text) {
        let note = format!("“{text}” read as {}/..", &c[1]);
        return Some((StyledDate::plain(format!("{}/..", &c[1])), Some(note)));
    }
    if let Some(c) = YEAR.captures(text) {
        return Some((StyledDate::plain(c[1].to_string()), None));
    }
    if let Some(c) = DAY.captures(text) {
        let date = iso_date(c[3].parse().ok()?, month_number(&c[2])?, c[1].parse().ok()?);
        return Some((StyledDate::plain(date), None));
    }
    if let Some(c) = DAYS_WITHOUT_MONTH.captures(text) {
        let note = format!("“{text}” gives no month: only the year is kept");
        return Some((StyledDate::plain(c[3].to_string()), Some(note)));
    }
    let (year, first, second) = if let Some(c) = DAYS_IN_ONE_MONTH.captures(text) {
        let month = month_number(&c[3])?;
        let (os_day, ns_day): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        // The New Style day runs into the next month: "25 [7]".
        let ns_month = if ns_day < os_day {
            month % 12 + 1
        } else {
            month
        };
        (c[4].parse().ok()?, (month, os_day), (ns_month, ns_day))
    } else {
        let c = DAYS_IN_TWO_MONTHS.captures(text)?;
        (
            c[5].parse().ok()?,
            (month_number(&c[2])?, c[1].parse().ok()?),
            (month_number(&c[4])?, c[3].parse().ok()?),
        )
    };
    Some(old_and_new_style(text, year, first, second))
}

/// Two forms of one day; the later is New Style. The calendars were 12 days apart until
/// February 1900 (Old Style) and 13 days after.
fn old_and_new_style(text: &str, year: i32, a: (u32, u32), b: (u32, u32)) -> DateReading {
    let (old, new) = if day_number(year, b) >= day_number(year, a) {
        (a, b)
    } else {
        (b, a)
    };
    let gap = day_number(year, new) - day_number(year, old);
    let expected_gap = if year < 1900 || (year == 1900 && old.0 <= 2) {
        12
    } else {
        13
    };
    let mut notes = Vec::new();
    if new == a {
        notes.push("the New Style date comes first".to_string());
    }
    if gap != expected_gap {
        notes.push(format!(
            "the two dates are {gap} days apart, not {expected_gap} (both kept as given)"
        ));
    }
    let date = StyledDate {
        new_style: iso_date(year, new.0, new.1),
        old_style: Some(iso_date(year, old.0, old.1)),
    };
    let note = (!notes.is_empty()).then(|| format!("“{text}”: {}", notes.join("; ")));
    (date, note)
}

/// Days since the start of the year, near enough to compare two days of one year.
fn day_number(year: i32, (month, day): (u32, u32)) -> i64 {
    const BEFORE: [i64; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let leap_day = i64::from(leap && month > 2);
    BEFORE[(month as usize - 1) % 12] + i64::from(day) + leap_day
}

/// `9 [21] March 1883–10 February 1938`; a place of death may follow (`…1938, Moscow`).
fn life_dates(text: &str) -> Option<(DateReading, DateReading)> {
    let (born, died) = text.split_once('–')?;
    let died = died.split(", ").next().unwrap_or(died);
    Some((life_date(born)?, life_date(died)?))
}

/// A note read as far as the names and dates; the ID waits until all surnames are known.
struct ReadNote {
    entry: RawEntry,
    head: PersonHead,
    born: DateReading,
    died: DateReading,
}

fn read_people(
    blocks: &[Block],
    citation: &Citation,
    unparsed: &mut Vec<Remark>,
) -> (Vec<Entry<Person>>, Vec<Remark>) {
    let (blocks, own_notes) = without_own_notes(blocks);
    let mut remarks: Vec<Remark> = own_notes
        .iter()
        .map(|b| Remark {
            line: b.line,
            message: format!(
                "the section's own note, not an entry: “{}”",
                excerpt(&b.text())
            ),
        })
        .collect();
    let entries = group_entries(blocks, |text| PERSON_START.is_match(text), unparsed);
    let mut notes = Vec::new();
    for entry in entries {
        match read_note(entry) {
            Ok(note) => notes.push(note),
            Err(entry) => unparsed.push(not_an_entry(entry.line, &entry.text())),
        }
    }
    let mut surnames: BTreeMap<String, usize> = BTreeMap::new();
    for note in &notes {
        *surnames.entry(note.head.names.surname.clone()).or_default() += 1;
    }
    let people = notes
        .into_iter()
        .map(|note| {
            let shared = surnames[&note.head.names.surname] > 1;
            for reading in [&note.born, &note.died] {
                if let Some(message) = &reading.1 {
                    remarks.push(Remark {
                        line: note.entry.line,
                        message: format!("{}: {message}", note.head.names.full()),
                    });
                }
            }
            person(note, shared, citation)
        })
        .collect();
    (people, remarks)
}

/// The section ends with its own note ("1. The information in these notes comes from …").
fn without_own_notes(blocks: &[Block]) -> (&[Block], &[Block]) {
    let first_note = blocks
        .iter()
        .position(|b| {
            b.lines
                .first()
                .and_then(|l| note_start(l))
                .is_some_and(|(n, _)| n == 1)
        })
        .unwrap_or(blocks.len());
    blocks.split_at(first_note)
}

fn read_note(entry: RawEntry) -> Result<ReadNote, RawEntry> {
    let Some(head) = person_head(&entry.paragraphs[0]) else {
        return Err(entry);
    };
    let Some((born, died)) = life_dates(&head.dates) else {
        return Err(entry);
    };
    Ok(ReadNote {
        entry,
        head,
        born,
        died,
    })
}

fn person(note: ReadNote, shared_surname: bool, citation: &Citation) -> Entry<Person> {
    let names = &note.head.names;
    let name = names.full();
    let summary_source = std::iter::once(note.head.rest.as_str())
        .chain(note.entry.paragraphs[1..].iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ");
    let (born, died) = (note.born.0, note.died.0);
    Entry {
        id: person_id(names, shared_surname),
        fields: Person {
            sort_name: format!("{}, {}", names.surname, names.given.join(" ")),
            aliases: person_aliases(names, shared_surname),
            real_name: names.birth_name.clone(),
            born: Some(born.new_style),
            born_os: born.old_style,
            died: Some(died.new_style),
            died_os: died.old_style,
            summary: summary(&summary_source),
            source: citation.source(BIOGRAPHIES),
            name,
        },
        body: body(&note.entry.paragraphs, &citation.source_line(BIOGRAPHIES)),
        line: note.entry.line,
    }
}

/// The surname, with the initials of the given names where several people share it:
/// `smirnov-i-n`.
fn person_id(names: &Names, shared_surname: bool) -> String {
    let surname = slugify(&names.surname);
    if !shared_surname {
        return surname;
    }
    let initials: Vec<String> = names
        .given
        .iter()
        .filter_map(|g| g.chars().next())
        .map(|c| c.to_lowercase().to_string())
        .collect();
    format!("{surname}-{}", initials.join("-"))
}

/// The surname alone (unless others share it: then it names no one), the initialled name,
/// and the names the note gives beside the main one.
fn person_aliases(names: &Names, shared_surname: bool) -> Vec<String> {
    let surname = &names.surname;
    let mut aliases = Vec::new();
    if shared_surname {
        aliases.push(names.full());
    } else {
        aliases.push(surname.clone());
    }
    aliases.push(initialled(&names.given, surname));
    if let Some(variant) = &names.given_variant {
        aliases.push(full_name(variant, surname));
        aliases.push(initialled(variant, surname));
    }
    if let Some(nickname) = &names.nickname {
        aliases.push(format!("{nickname} {surname}"));
    }
    if let Some(married) = &names.married_name {
        aliases.push(full_name(&names.given, married));
        aliases.push(initialled(&names.given, married));
    }
    // A full birth name (`Aleksii Maksimovich Peshkov`) names the person; a bare birth
    // surname (`Brilliant`, `Ilyin`) would name others too, and is kept as real_name only.
    if let Some(birth) = names.birth_name.as_ref().filter(|b| b.contains(' ')) {
        let words: Vec<String> = birth.split_whitespace().map(str::to_string).collect();
        if let Some((birth_surname, given)) = words.split_last() {
            aliases.push(birth.clone());
            aliases.push(initialled(given, birth_surname));
        }
    }
    // Where the surname names no one, the full name is the form a text would use.
    let excluded = if shared_surname {
        String::new()
    } else {
        names.full()
    };
    distinct_aliases(aliases, &excluded)
}

/// The note's first sentences, as many as fit in about 150 characters, without emphasis. A
/// sentence too long for that is cut after a clause (at a semicolon) or else after a word.
fn summary(text: &str) -> String {
    let plain = text.replace('*', "");
    let mut out = String::new();
    for sentence in sentences(&plain).into_iter().map(|r| plain[r].trim()) {
        let length = out.chars().count() + 1 + sentence.chars().count();
        if !out.is_empty() && length > SUMMARY_LENGTH {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(sentence);
    }
    if out.chars().count() > SUMMARY_LENGTH {
        let cut: String = out.chars().take(SUMMARY_LENGTH).collect();
        let end = cut.rfind("; ").or_else(|| cut.rfind(' '));
        let shortened = end.map_or(cut.as_str(), |i| &cut[..i]);
        out = format!("{}…", shortened.trim_end_matches([',', ';', ':']));
    }
    capitalise_first(&out)
}

fn capitalise_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

// ---------------------------------------------------------------------------------------
// Checks and files

/// Names and aliases claimed by two entities of the registry, and IDs used twice.
fn claimed_twice(registry: &Registry) -> Vec<Remark> {
    let mut claims: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    let mut claim = |folder: &str, entry_id: &str, line: usize, names: Vec<&String>| {
        let owner = format!("{folder}/{entry_id}");
        for name in names {
            let owners = claims.entry(name.to_lowercase()).or_default();
            if !owners.iter().any(|(o, _)| *o == owner) {
                owners.push((owner.clone(), line));
            }
        }
        let owners = claims.entry(format!("id {owner}")).or_default();
        owners.push((owner, line));
    };
    for p in &registry.people {
        claim(
            "people",
            &p.id,
            p.line,
            p.fields.aliases.iter().chain([&p.fields.name]).collect(),
        );
    }
    for e in &registry.events {
        claim(
            "events",
            &e.id,
            e.line,
            e.fields.aliases.iter().chain([&e.fields.title]).collect(),
        );
    }
    for t in &registry.terms {
        claim(
            "terms",
            &t.id,
            t.line,
            t.fields.aliases.iter().chain([&t.fields.term]).collect(),
        );
    }
    claims
        .into_iter()
        .filter(|(_, owners)| owners.len() > 1)
        .map(|(name, owners)| Remark {
            line: owners[0].1,
            message: format!(
                "“{name}” is claimed by {}",
                owners
                    .iter()
                    .map(|(o, _)| o.as_str())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        })
        .collect()
}

/// The registry's files, relative to the content folder: `people/ID.md`, `events/ID.md`,
/// `terms/ID.md`.
pub fn files(registry: &Registry) -> Vec<ImportedFile> {
    fn file<F: Serialize>(folder: &str, entry: &Entry<F>) -> ImportedFile {
        ImportedFile {
            path: format!("{folder}/{}.md", entry.id),
            markdown: front_matter(&entry.fields) + &entry.body,
        }
    }
    let people = registry.people.iter().map(|e| file("people", e));
    let events = registry.events.iter().map(|e| file("events", e));
    let terms = registry.terms.iter().map(|e| file("terms", e));
    people.chain(events).chain(terms).collect()
}

/// Writes the registry's files under `into` (the content folder). Only these files are
/// written; whatever else the folders hold is left as it is.
pub fn write(registry: &Registry, into: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for file in files(registry) {
        let path = into.join(&file.path);
        if let Some(parent) = path.parent() {
            super::create_folder(parent)?;
        }
        let markdown = with_editors_lines(&file.markdown, &path);
        std::fs::write(&path, markdown)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

/// The keys of an entry that the editor adds to what the book gives, and a new import keeps.
pub const EDITORS_KEYS: &[&str] = &["not_names", "match", "wikidata", "viaf", "gnd", "loc"];

/// `markdown` with the editor's lines (`EDITORS_KEYS`) of the entry it replaces at `path`,
/// set at the end of its front matter: "Gorki" is no name of Gorky's, whatever the book says.
fn with_editors_lines(markdown: &str, path: &Path) -> String {
    let Ok(old) = std::fs::read_to_string(path) else {
        return markdown.to_string();
    };
    let kept: Vec<&str> = old
        .lines()
        .skip(1)
        .take_while(|line| line.trim_end() != "+++")
        .filter(|line| is_editors_line(line))
        .collect();
    let Some(end) = markdown.get(4..).and_then(|rest| rest.find("\n+++")) else {
        return markdown.to_string();
    };
    let (front, rest) = markdown.split_at(4 + end + 1);
    let mut out = String::with_capacity(markdown.len() + 64);
    out.push_str(front);
    for line in kept {
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(rest);
    out
}

/// Whether a front matter line sets one of the editor's keys.
pub fn is_editors_line(line: &str) -> bool {
    EDITORS_KEYS.iter().any(|key| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='))
    })
}

impl Registry {
    /// The lines `annals import --registry` prints.
    pub fn summary(&self) -> String {
        let mut out = format!(
            "{} people, {} events, {} terms\n",
            self.people.len(),
            self.events.len(),
            self.terms.len()
        );
        for remark in &self.unparsed {
            let _ = writeln!(
                out,
                "  line {}: could not read: {}",
                remark.line, remark.message
            );
        }
        for remark in &self.remarks {
            let _ = writeln!(out, "  line {}: {}", remark.line, remark.message);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_new_import_keeps_the_editors_not_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gorky.md");
        std::fs::write(
            &path,
            "+++\nname = \"Old\"\nnot_names = [\"Gorki\"]\n+++\nOld.\n",
        )
        .unwrap();
        let fresh = "+++\nname = \"Maksim Gorky\"\n+++\nThe book's words.\n";
        assert_eq!(
            with_editors_lines(fresh, &path),
            "+++\nname = \"Maksim Gorky\"\nnot_names = [\"Gorki\"]\n+++\nThe book's words.\n"
        );
        assert_eq!(with_editors_lines(fresh, &dir.path().join("new.md")), fresh);
    }

    use super::*;

    #[test]
    fn entries_that_make_one_id_are_written_apart() {
        let entry = |id: &str, line| Entry {
            id: id.to_string(),
            fields: (),
            body: String::new(),
            line,
        };
        let mut entries = vec![
            entry("smith-j", 10),
            entry("smith-j", 20),
            entry("smith-j-2", 30),
            entry("smith-j", 40),
        ];
        let mut remarks = Vec::new();
        distinct_ids(&mut entries, "people", &mut remarks);
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["smith-j", "smith-j-3", "smith-j-2", "smith-j-4"]);
        let lines: Vec<usize> = remarks.iter().map(|r| r.line).collect();
        assert_eq!(lines, [20, 40]);
        assert!(
            remarks[0].message.contains("written as people/smith-j-3"),
            "{}",
            remarks[0].message
        );
    }

    fn date(text: &str) -> (String, Option<String>, bool) {
        let (date, note) = life_date(text).unwrap();
        (date.new_style, date.old_style, note.is_some())
    }

    #[test]
    fn reads_the_dates_of_a_life_in_both_styles() {
        let both = |ns: &str, os: &str| (ns.to_string(), Some(os.to_string()), false);
        assert_eq!(date("9 [21] March 1883"), both("1883-03-21", "1883-03-09"));
        assert_eq!(
            date("30 May [11 June] 1888"),
            both("1888-06-11", "1888-05-30")
        );
        assert_eq!(
            date("28 January [9 February] 1892"),
            both("1892-02-09", "1892-01-28")
        );
        assert_eq!(date("25 [7] April 1890"), both("1890-05-07", "1890-04-25"));
        // New Style first, and 13 days apart in the nineteenth century: read, and told.
        assert_eq!(
            date("6 April [25 March] 1887"),
            ("1887-04-06".into(), Some("1887-03-25".into()), true)
        );
        assert!(date("22 March [4 April] 1884").2);
        assert_eq!(date("10 February 1938"), ("1938-02-10".into(), None, false));
        assert_eq!(date("1887"), ("1887".into(), None, false));
        assert_eq!(date("?"), ("..".into(), None, false));
        assert_eq!(date("13 [25] 1881"), ("1881".into(), None, true));
        assert_eq!(
            date("? [no sooner than 1956]"),
            ("1956/..".into(), None, true)
        );
        assert!(life_date("spring 1920").is_none());
        let (born, died) = life_dates("6 April [25 March] 1887–1 September 1938, Moscow").unwrap();
        assert_eq!(
            (born.0.new_style, died.0.new_style),
            ("1887-04-06".into(), "1938-09-01".into())
        );
    }

    #[test]
    fn reads_date_ranges() {
        assert_eq!(
            date_range("8–16 March 1921"),
            Some(("1921-03-08/1921-03-16".into(), 1921))
        );
        assert_eq!(
            date_range("27 March–2 April 1922"),
            Some(("1922-03-27/1922-04-02".into(), 1922))
        );
        assert_eq!(
            date_range("30 December 1922–2 January 1923"),
            Some(("1922-12-30/1923-01-02".into(), 1922))
        );
        assert_eq!(date_range("March 1921"), None);
    }

    #[test]
    fn reads_the_names_in_a_note_head() {
        let head = person_head(
            "KOSIOR, Vladislav [Vladimir] Vikentievich (8 August 1891–30 March 1938). Born …",
        )
        .unwrap();
        assert_eq!(head.names.surname, "Kosior");
        assert_eq!(head.names.given, ["Vladislav", "Vikentievich"]);
        assert_eq!(
            head.names.given_variant.as_deref(),
            Some(&["Vladimir".to_string(), "Vikentievich".to_string()][..])
        );
        assert_eq!(head.rest, "Born …");
        let head =
            person_head("TSINTSADZE, Konstantin (Kote) Maksimovich (1887–24 November 1930).")
                .unwrap();
        assert_eq!(head.names.nickname.as_deref(), Some("Kote"));
        assert_eq!(head.names.full(), "Konstantin Maksimovich Tsintsadze");
        let head =
            person_head("TOMSKY [Efremov], Mikhail Pavlovich (1880–22 August 1936).").unwrap();
        assert_eq!(head.names.birth_name.as_deref(), Some("Efremov"));
        let head = person_head(
            "KRUPSKAYA [Ulyanova], Nadezhda Konstantinovna (26 February 1869–27 February 1939).",
        )
        .unwrap();
        assert_eq!(
            (head.names.birth_name, head.names.married_name.as_deref()),
            (None, Some("Ulyanova"))
        );
        let head = person_head("YEVDOKIMOV, Grigory Yeremeyevich. (1884–25 August 1936). Member …")
            .unwrap();
        assert_eq!(head.names.given, ["Grigory", "Yeremeyevich"]);
        assert_eq!(capitalised("SULTAN-GALIEV"), "Sultan-Galiev");
        assert_eq!(
            initialled(&["Ivan".into(), "Nikitich".into()], "Smirnov"),
            "I. N. Smirnov"
        );
    }

    #[test]
    fn reads_glossary_heads_and_expansions() {
        assert_eq!(
            term_and_other_form("Five-Year Plan, FYP"),
            ("Five-Year Plan".into(), Some("FYP".into()))
        );
        assert_eq!(
            term_and_other_form("stagnation, time of"),
            ("time of stagnation".into(), None)
        );
        assert_eq!(
            term_and_other_form("“non-returner”"),
            ("non-returner".into(), None)
        );
        assert_eq!(
            original_and_english("**Молодая гвардия; Young Guard**"),
            (
                Some("Молодая гвардия".into()),
                vec!["Young Guard".to_string()]
            )
        );
        assert_eq!(original_and_english("CHK"), (Some("CHK".into()), vec![]));
        let name = |definition: &str| leading_name(definition);
        assert_eq!(
            name("Central Committee (of the Communist Party)."),
            Some("Central Committee".into())
        );
        assert_eq!(
            name("The State Planning Committee, responsible for …"),
            Some("State Planning Committee".into())
        );
        assert_eq!(
            name("The Extraordinary Commission for Combating Counter-Revolution, Speculation, and Sabotage; the …"),
            Some("Extraordinary Commission for Combating Counter-Revolution, Speculation, and Sabotage".into())
        );
        assert_eq!(
            name("Russian Communist Party (bolshevik); one of"),
            Some("Russian Communist Party (bolshevik)".into())
        );
        assert_eq!(name("Central state body directing the economy."), None);
        assert_eq!(name("See: Sovnarkom."), None);
        assert_eq!(name("a measure of weight"), None);
    }

    #[test]
    fn groups_blocks_cut_by_page_breaks_into_entries() {
        let blocks = split_blocks(
            "Stray line.\n\nA: one entry cut in\n\nthe middle.\n\nB: another. Ends.\n\nA new paragraph of B.\n\nC: a third.",
        );
        let mut unparsed = Vec::new();
        let entries = group_entries(&blocks, |t| term_entry(t).is_some(), &mut unparsed);
        let paragraphs: Vec<Vec<String>> = entries.into_iter().map(|e| e.paragraphs).collect();
        assert_eq!(
            paragraphs,
            vec![
                vec!["A: one entry cut in the middle.".to_string()],
                vec!["B: another. Ends.".into(), "A new paragraph of B.".into()],
                vec!["C: a third.".into()],
            ]
        );
        assert_eq!(unparsed.len(), 1);
        assert_eq!(unparsed[0].line, 1);
    }

    #[test]
    fn summaries_are_the_first_sentences() {
        assert_eq!(
            summary(
                "Born in *Moscow*. Studied with V. Osinsky at St. Petersburg University. Arrested."
            ),
            "Born in Moscow. Studied with V. Osinsky at St. Petersburg University. Arrested."
        );
        assert_eq!(
            summary(
                "literary critic; joined RSDRP in 1906; member of the “October” group; leading collaborator in the journal *On Guard*; organizer of VAPP; author of many articles"
            ),
            "Literary critic; joined RSDRP in 1906; member of the “October” group; leading collaborator in the journal On Guard; organizer of VAPP…"
        );
        let long = "Word ".repeat(60);
        let cut = summary(&long);
        assert!(
            cut.ends_with('…') && cut.chars().count() <= SUMMARY_LENGTH + 1,
            "{cut}"
        );
    }
}

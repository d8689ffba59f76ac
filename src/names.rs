//! The names the documents give that no registry entry holds (`annals check --names`): the
//! index of an edition is judged by who is missing from it. A name is read from the text
//! alone, in any collection:
//! - a capitalised word that the collection never writes in lower case (so no "Party",
//!   "Congress" or "Soviet", which it also writes "party", "congress", "soviet");
//! - not at the start of a sentence unless the collection writes it capitalised elsewhere
//!   too, and not part of a name the registry already matches;
//! - words that follow one another (with initials, "A. A. Bogdanov") make one name, filed
//!   under its last word (the surname).
//!
//! Candidates are ranked by how often and in how many documents they stand. A name with a
//! forename or initials, or after a title ("Comrade", "General"), is guessed to be a person;
//! one mostly after "in", "at", "from" or "to", a place.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use crate::analyse::PageAnalysis;
use crate::content::{Content, PageId};
use crate::date::{MONTHS, WEEKDAYS};
use crate::entity::{EntityKind, Registry};
use crate::text::sentences;

/// A name the registry does not hold, with where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its most frequent full form.
    pub name: String,
    pub kind: &'static str,
    pub count: usize,
    pub documents: usize,
    /// Every form it is written in, with how often.
    pub forms: Vec<(String, usize)>,
    /// The first places it stands: the file, the paragraph's id, and the words around it.
    pub contexts: Vec<(PathBuf, String, String)>,
}

/// Words that are capitalised and no names: the pronoun, forms of address, a people as
/// American documents of a century capitalise it, and (besides)
/// the abbreviations a sentence does not end on ("Rev.", "Capt.": `text::sentence`), the
/// months and the days (`date::MONTHS`, `date::WEEKDAYS`).
const NO_NAMES: &[&str] = &[
    "I", "Jr", "Op", "Cit", "See", "Sir", "Lady", "Lord", "Mother", "Father", "Aunt", "Uncle",
    "Negro", "Negroes",
];

/// Words before a name that make it a person's.
const TITLES: &[&str] = &[
    "comrade",
    "comrades",
    "general",
    "colonel",
    "professor",
    "citizen",
    "mr",
    "mrs",
    "dr",
    "tsar",
    "grand",
    "duke",
    "prince",
    "count",
    "father",
    "brother",
    "sister",
    "rev",
    "hon",
    "capt",
    "captain",
    "lieut",
    "lieutenant",
    "major",
    "sir",
    "lady",
    "lord",
    "constable",
    "inspector",
    "herr",
    "doctor",
    "judge",
    "bishop",
    "baron",
    "aunt",
    "uncle",
    "cousin",
    "widow",
    "miss",
    "don",
    "doña",
    "dona",
    "padre",
    "fray",
    "señor",
    "señora",
    "señorita",
    "monsieur",
    "madame",
    "mme",
    "abbé",
    "frau",
    "signor",
    "signora",
    "tío",
    "tía",
    "mayor",
    "alderman",
    "councillor",
    "sergeant",
    "sgt",
    "corporal",
    "cpl",
    "private",
    "pte",
    "vicar",
    "rector",
    "canon",
    "nurse",
    "reverend",
    "deacon",
    "elder",
    "patrolman",
    "officer",
    "sheriff",
    "deputy",
    "commissioner",
    "agent",
    "attorney",
    "atty",
    "senator",
    "governor",
    "superintendent",
];

/// Titles that go before a given name rather than a surname: "Don Tomás", "Doña Petra",
/// "Padre Anselmo", "Aunt Hettie".
const FORENAME_TITLES: &[&str] = &[
    "don", "doña", "dona", "padre", "fray", "aunt", "uncle", "sister", "brother", "tío", "tía",
];

/// The last words of the names of places that are no one's surname: a street, a quay ("Low
/// Street", "Fish Quay").
const PLACE_HEADS: &[&str] = &[
    "Street", "Road", "Lane", "Square", "Quay", "Dock", "Docks", "Bridge", "Wharf", "Gate",
    "Avenue", "Junction", "Creek", "River", "Park", "Hill", "Terrace", "Crescent", "Valley",
    "Harbour", "Harbor", "Station", "Falls", "Grove", "Ridge", "Springs", "Ford", "Heights",
    "Island", "Mountain", "Chase", "Plain", "Moor", "Heath", "Common", "Wood", "Forest", "Copse",
    "Farm", "Camp",
];

/// The first words of places: "Port Ashby", "Fort Garry", "Mount Eden", "Lake Taupo".
/// And the saints places are named for: "San Gabriel", "Santa Cruz", "St. Jude's".
const PLACE_LEADS: &[&str] = &[
    "Port", "Fort", "Mount", "Lake", "Cape", "Point", "Glen", "Bay", "Isle", "Loch", "San",
    "Santa", "Santo", "São", "Sainte", "Sankt",
];

/// The last words of other names that are no one's surname: a building, a body, a
/// newspaper ("Henshall Line", "Saltby Mercury").
const BODY_HEADS: &[&str] = &[
    "Hall",
    "Church",
    "Chapel",
    "School",
    "College",
    "Institute",
    "University",
    "Hospital",
    "Line",
    "Company",
    "Society",
    "Union",
    "Association",
    "Council",
    "Committee",
    "Party",
    "Club",
    "Press",
    "Mercury",
    "Gazette",
    "Times",
    "Herald",
    "Chronicle",
    "Courier",
    "Post",
    "Review",
    "Journal",
    "Bulletin",
    "Field",
    "Market",
    "Palace",
    "Office",
    "Courthouse",
    "Ministry",
    "Department",
    "Commission",
    "Tribunal",
    "Regiment",
    "Militia",
    "Bank",
    "Museum",
    "Library",
    "Archives",
    "Temple",
    "Hotel",
    "Inn",
    "Exchange",
    "Works",
    "Mill",
    "Colliery",
    "Theatre",
    "Assembly",
    "Duma",
    "Soviet",
    "Fund",
    "League",
    "Legion",
    "Guild",
    "Brigade",
    "Battalion",
    "Division",
    "Corps",
    "Army",
    "Board",
    "Trust",
    "Federation",
];

/// Words before a name that make it a place.
const PLACE_WORDS: &[&str] = &["in", "at", "from", "to", "near", "of"];

/// How many contexts a candidate keeps.
const CONTEXTS: usize = 3;

/// A word of a paragraph: where it stands and what it is.
struct Word<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    sentence_start: bool,
}

/// The candidates of the source pages, most named first.
pub fn candidates(
    content: &Content,
    pages: &[PageAnalysis],
    registry: &Registry,
) -> Vec<Candidate> {
    let sources = content.sources();
    let paragraphs = || {
        sources.iter().flat_map(move |&p| {
            pages[p]
                .rendered
                .texts
                .iter()
                .enumerate()
                .map(move |(i, t)| (p, i, t))
        })
    };
    // The words the collection writes in lower case, and those it capitalises mid-sentence.
    let mut lower: HashSet<String> = HashSet::new();
    let mut capitalised_inside: HashSet<&str> = HashSet::new();
    for (_, _, paragraph) in paragraphs() {
        for word in words(&paragraph.text) {
            if word.text.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(word.text.to_string());
            } else if !word.sentence_start {
                capitalised_inside.insert(word.text);
            }
        }
    }
    struct Tally {
        forms: BTreeMap<String, usize>,
        documents: HashSet<PageId>,
        contexts: Vec<(PathBuf, String, String)>,
        person: usize,
        place: usize,
        count: usize,
        /// How often it stands alone after a title of a given name ("Doña Petra").
        after_forename_title: usize,
    }
    let mut tallies: HashMap<String, Tally> = HashMap::new();
    for (page, index, paragraph) in paragraphs() {
        let analysis = &pages[page];
        // The spans the registry's names cover in this paragraph.
        let in_paragraph = (analysis.mentions().iter())
            .filter(|m| matches!(m.block, crate::entity::matcher::BlockRef::Paragraph(i) if i as usize == index));
        let covered: Vec<(usize, usize)> = in_paragraph
            .clone()
            .map(|m| (m.start(), m.start() + m.span.name().len()))
            .collect();
        // The registry's people named here: a name listed beside them is a person's
        // ("Ordzhonikidze and Kirov", "Andreev, Dzerzhinsky, Krestinsky").
        let people: Vec<(usize, usize)> = in_paragraph
            .filter(|m| registry.entities[m.entity].kind() == EntityKind::Person)
            .map(|m| (m.start(), m.start() + m.span.name().len()))
            .collect();
        let listed_with_people = |start: usize, end: usize| {
            let joins = |between: &str| {
                let between = between.trim();
                between.is_empty() || matches!(between, "," | "and" | ", and" | "or" | ", or" | "&")
            };
            people.iter().any(|&(s, e)| {
                (e <= start && joins(&paragraph.text[e..start]))
                    || (end <= s && joins(&paragraph.text[end..s]))
            })
        };
        let words = words(&paragraph.text);
        let is_name_word = |w: &Word| {
            let first = w.text.chars().next().unwrap_or(' ');
            first.is_uppercase()
                && w.text.chars().count() >= 3
                && !w.text.chars().all(|c| c.is_uppercase())
                && !lower.contains(&w.text.to_lowercase())
                && !NO_NAMES.contains(&w.text)
                && !crate::text::sentence::ABBREVIATIONS.contains(&w.text)
                && !MONTHS.contains(&w.text)
                && !WEEKDAYS.contains(&w.text)
                && (!w.sentence_start || capitalised_inside.contains(w.text))
                && !covered.iter().any(|&(s, e)| w.start < e && s < w.end)
        };
        let mut i = 0;
        while i < words.len() {
            if !is_name_word(&words[i]) {
                i += 1;
                continue;
            }
            // The name runs on over the following name words, back over initials before it.
            let mut first = i;
            // Not an interview's "Q." or "A." opening the paragraph ("A. Doña Petra …"), but
            // "A. A. Bogdanov".
            let marks_an_answer = |at: usize| {
                words[at - 1].start == 0
                    && matches!(words[at - 1].text, "Q" | "A")
                    && !is_initial(words[at].text, &paragraph.text, words[at].end)
            };
            while first > 0
                && is_initial(words[first - 1].text, &paragraph.text, words[first - 1].end)
                && !marks_an_answer(first)
            {
                first -= 1;
            }
            let mut last = i;
            while last + 1 < words.len()
                && is_name_word(&words[last + 1])
                && paragraph.text[words[last].end..words[last + 1].start]
                    .trim()
                    .is_empty()
            {
                last += 1;
            }
            // A title is no part of the name: "Citizen Tomás Nájera", "Don Ignacio Ruiz".
            let is_title = |w: &Word| TITLES.contains(&w.text.to_lowercase().as_str());
            if is_title(&words[first]) {
                if first == last {
                    i = last + 1;
                    continue;
                }
                first += 1;
            }
            let form = paragraph.text[words[first].start..words[last].end].to_string();
            let before = first.checked_sub(1).map(|b| words[b].text.to_lowercase());
            let last_word = words[last].text;
            let place_led = last > first && PLACE_LEADS.contains(&words[first].text);
            // A surname with and without its marks is one ("Rōpata", "Ropata"); a place
            // is its whole name ("Port Ashby" is no Ashby).
            let key =
                crate::search::words::words(if place_led { &form } else { last_word }).join(" ");
            let tally = tallies.entry(key).or_insert_with(|| Tally {
                forms: BTreeMap::new(),
                documents: HashSet::new(),
                contexts: Vec::new(),
                person: 0,
                place: 0,
                count: 0,
                after_forename_title: 0,
            });
            tally.count += 1;
            if first == last
                && before
                    .as_deref()
                    .is_some_and(|b| FORENAME_TITLES.contains(&b))
            {
                tally.after_forename_title += 1;
            }
            *tally.forms.entry(form.clone()).or_default() += 1;
            tally.documents.insert(top(content, page));
            let no_surname =
                PLACE_HEADS.contains(&last_word) || BODY_HEADS.contains(&last_word) || place_led;
            if !no_surname
                && (last > first
                    || before.as_deref().is_some_and(|b| TITLES.contains(&b))
                    || listed_with_people(words[first].start, words[last].end))
            {
                tally.person += 1;
            }
            if before.as_deref().is_some_and(|b| PLACE_WORDS.contains(&b))
                || PLACE_HEADS.contains(&last_word)
                || place_led
            {
                tally.place += 1;
            }
            if tally.contexts.len() < CONTEXTS {
                let from = paragraph.text[..words[first].start]
                    .char_indices()
                    .rev()
                    .nth(40)
                    .map_or(0, |(at, _)| at);
                let to = paragraph.text[words[last].end..]
                    .char_indices()
                    .nth(40)
                    .map_or(paragraph.text.len(), |(at, _)| words[last].end + at);
                let around = paragraph.text[from..to]
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                tally.contexts.push((
                    content.pages[page].path.clone(),
                    paragraph.anchor.clone(),
                    around,
                ));
            }
            i = last + 1;
        }
    }
    merge_given_names(
        &mut tallies,
        |t| &t.forms,
        |t| t.after_forename_title > 0,
        |into, from| {
            into.count += from.count;
            into.person += from.person;
            into.place += from.place;
            into.documents.extend(from.documents);
            for (form, n) in from.forms {
                *into.forms.entry(form).or_default() += n;
            }
            for context in from.contexts {
                if into.contexts.len() < CONTEXTS {
                    into.contexts.push(context);
                }
            }
        },
    );
    let mut candidates: Vec<Candidate> = tallies
        .into_values()
        .map(|t| {
            let mut forms: Vec<(String, usize)> = t.forms.into_iter().collect();
            forms.sort_by(|a, b| {
                b.1.cmp(&a.1)
                    .then(b.0.len().cmp(&a.0.len()))
                    .then(a.0.cmp(&b.0))
            });
            let name = forms
                .iter()
                .max_by_key(|(form, n)| (form.split_whitespace().count() > 1, *n))
                .map(|(form, _)| form.clone())
                .unwrap_or_default();
            let surname = name.split_whitespace().last().unwrap_or_default();
            let kind = if is_derived_word(surname) {
                "word"
            } else if t.person > 0 && t.person >= t.place {
                "person"
            } else if t.place * 2 > t.count {
                "place"
            } else {
                "name"
            };
            Candidate {
                name,
                kind,
                count: t.count,
                documents: t.documents.len(),
                forms,
                contexts: t.contexts,
            }
        })
        .filter(|c| c.count >= 2)
        .collect();
    // By how often they stand, a person counting most (the index is judged by who is
    // missing from it), a place less, a word made from a name ("Stalinist", "Georgian")
    // least: tenths of a mention, so that the order is exact.
    let weight = |c: &Candidate| {
        let tenths = match c.kind {
            "person" => 10,
            "name" => 6,
            "place" => 3,
            _ => 1,
        };
        c.count * tenths
    };
    // People named three times or more come first: a forename, initials or a title say
    // they are people, and they are what an editor most needs to add.
    let tier = |c: &Candidate| usize::from(!(c.kind == "person" && c.count >= 3));
    candidates.sort_by(|a, b| {
        tier(a)
            .cmp(&tier(b))
            .then(weight(b).cmp(&weight(a)))
            .then(b.count.cmp(&a.count))
            .then(b.documents.cmp(&a.documents))
            .then(a.name.cmp(&b.name))
    });
    candidates
}

/// A given name that stands alone after its title ("Doña Petra", "Padre Anselmo") filed
/// with the one full name that begins with it ("Petra Alarcón"), where there is one.
fn merge_given_names<T>(
    tallies: &mut HashMap<String, T>,
    forms: impl Fn(&T) -> &BTreeMap<String, usize>,
    after_title: impl Fn(&T) -> bool,
    merge: impl Fn(&mut T, T),
) {
    let first_word = |form: &str| crate::search::words::words(form).into_iter().next();
    let given: Vec<String> = (tallies.iter())
        .filter(|(_, t)| after_title(t) && forms(t).keys().all(|f| !f.contains(' ')))
        .map(|(key, _)| key.clone())
        .collect();
    for name in given {
        let full: Vec<&String> = (tallies.iter())
            .filter(|(key, t)| {
                **key != name
                    && (forms(t).keys())
                        .any(|f| f.contains(' ') && first_word(f).as_deref() == Some(name.as_str()))
            })
            .map(|(key, _)| key)
            .collect();
        if let [only] = full.as_slice() {
            let only = (*only).clone();
            if let Some(from) = tallies.remove(&name) {
                merge(tallies.get_mut(&only).expect("a tally just found"), from);
            }
        }
    }
}

/// The candidates without those the editor's stop list (`not_names` in `site.toml`) holds:
/// a candidate goes when its name or any of its forms is on the list, in any case.
pub fn leave_out(candidates: &mut Vec<Candidate>, stop: &[String]) {
    if stop.is_empty() {
        return;
    }
    let stop: HashSet<String> = stop.iter().map(|s| s.trim().to_lowercase()).collect();
    candidates.retain(|c| {
        let listed = |name: &str| stop.contains(&name.to_lowercase());
        !listed(&c.name) && !c.forms.iter().any(|(form, _)| listed(form))
    });
}

/// A word made from a name, not a name: a doctrine or its followers ("Trotskyism",
/// "Leninist", "Menshevik"), a people or a language ("Georgian", "Chinese", "Polish").
fn is_derived_word(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ism", "isms", "ist", "ists", "ian", "ians", "ese", "ish", "ites", "ite", "ic", "ics",
        "an", "ans", "vik", "viks",
    ];
    let lower = word.to_lowercase();
    ENDINGS
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len() + 3)
}

/// The document a page belongs to (a chapter's book).
fn top(content: &Content, mut page: PageId) -> PageId {
    while let Some(parent) = content.pages[page].parent {
        page = parent;
    }
    page
}

/// An initial before a name: a capital letter and a full stop ("A." of "A. A. Bogdanov").
fn is_initial(word: &str, text: &str, end: usize) -> bool {
    word.chars().count() == 1
        && word.chars().all(char::is_uppercase)
        && text[end..].starts_with('.')
}

/// The words of a paragraph (runs of letters, with an apostrophe or hyphen inside), each with
/// whether it opens a sentence.
fn words<'t>(text: &'t str) -> Vec<Word<'t>> {
    let starts: Vec<usize> = sentences(text).into_iter().map(|s| s.start).collect();
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let push = |from: usize, to: usize, words: &mut Vec<Word<'t>>| {
        let word = text[from..to].trim_end_matches(['\'', '’', '-']);
        let word = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        if !word.is_empty() {
            // No letter or digit between the start of its sentence and it.
            let sentence = starts
                .iter()
                .rev()
                .find(|&&s| s <= from)
                .copied()
                .unwrap_or(0);
            let sentence_start = !text[sentence..from].chars().any(char::is_alphanumeric);
            words.push(Word {
                text: word,
                start: from,
                end: from + word.len(),
                sentence_start,
            });
        }
    };
    for (at, c) in text.char_indices() {
        let inside = c.is_alphabetic() || (start.is_some() && matches!(c, '\'' | '’' | '-'));
        match (inside, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                push(from, at, &mut words);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        push(from, text.len(), &mut words);
    }
    words
}

/// What `write_drafts` did: the files it wrote, and how many it left as they were.
#[derive(Debug, Default)]
pub struct Drafts {
    pub written: Vec<PathBuf>,
    pub kept: usize,
}

/// A draft registry entry for each candidate into `content` (`content/people/ID.md`, by the
/// kind guessed; a word made from a name gets none): its name, its forms as aliases, where
/// it stands as the sources to read, and `draft = true`, so that it is built only with
/// `--drafts` until the editor completes it. A file that is there is left as it is.
pub fn write_drafts(
    candidates: &[Candidate],
    content: &std::path::Path,
    root: &std::path::Path,
) -> anyhow::Result<Drafts> {
    use anyhow::Context;
    let mut drafts = Drafts::default();
    for candidate in candidates {
        let kind = match candidate.kind {
            "person" | "name" => EntityKind::Person,
            "place" => EntityKind::Place,
            _ => continue,
        };
        let surname = candidate.name.split_whitespace().last().unwrap_or_default();
        let id = crate::text::slugify(surname);
        if id.is_empty() {
            continue;
        }
        let folder = content.join(kind.folder());
        let file = folder.join(format!("{id}.md"));
        if file.exists() {
            drafts.kept += 1;
            continue;
        }
        std::fs::create_dir_all(&folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        std::fs::write(&file, draft_entry(candidate, root))
            .with_context(|| format!("cannot write {}", file.display()))?;
        drafts.written.push(file);
    }
    Ok(drafts)
}

/// The text of a draft entry.
fn draft_entry(candidate: &Candidate, root: &std::path::Path) -> String {
    let quoted = |text: &str| toml::Value::String(text.to_string()).to_string();
    // Not a given name alone ("Petra" of "Petra Alarcón"), which others bear too.
    let given = (candidate.name.split_whitespace().count() > 1)
        .then(|| candidate.name.split_whitespace().next())
        .flatten();
    let aliases: Vec<String> = (candidate.forms.iter())
        .filter(|(form, _)| Some(form.as_str()) != given)
        .map(|(form, _)| quoted(form))
        .collect();
    let mut text = format!(
        "+++\nname = {}\naliases = [{}]\ndraft = true\n+++\n",
        quoted(&candidate.name),
        aliases.join(", ")
    );
    text.push_str(&format!(
        "Named {} times in {} (found by `annals check --names`). Complete this entry from the \
         places below, check its aliases, and remove `draft = true` to publish it.\n\n",
        candidate.count,
        match candidate.documents {
            1 => "1 document".to_string(),
            n => format!("{n} documents"),
        }
    ));
    for (path, anchor, around) in &candidate.contexts {
        let shown = crate::diagnostic::display_path(root, path);
        text.push_str(&format!("- {}#{anchor}: “{around}”\n", shown.display()));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_name_after_its_title_is_filed_with_its_one_full_name() {
        let tally = |forms: &[(&str, usize)], titled: bool| {
            let forms: BTreeMap<String, usize> =
                forms.iter().map(|(f, n)| (f.to_string(), *n)).collect();
            (forms, titled)
        };
        let mut tallies: HashMap<String, (BTreeMap<String, usize>, bool)> = HashMap::from([
            ("petra".to_string(), tally(&[("Petra", 5)], true)),
            (
                "alarcón".to_string(),
                tally(&[("Petra Alarcón", 4), ("Alarcón", 1)], false),
            ),
            // Two full names begin with "Juan": neither takes it.
            ("juan".to_string(), tally(&[("Juan", 3)], true)),
            ("soto".to_string(), tally(&[("Juan Soto", 2)], false)),
            ("vela".to_string(), tally(&[("Juan Vela", 2)], false)),
            // A surname alone, after no title of a given name, is its own.
            ("lenin".to_string(), tally(&[("Lenin", 9)], false)),
            ("library".to_string(), tally(&[("Lenin Library", 2)], false)),
        ]);
        merge_given_names(
            &mut tallies,
            |t| &t.0,
            |t| t.1,
            |into, from| {
                for (form, n) in from.0 {
                    *into.0.entry(form).or_default() += n;
                }
            },
        );
        assert!(!tallies.contains_key("petra"));
        assert_eq!(tallies["alarcón"].0.get("Petra"), Some(&5));
        assert!(tallies.contains_key("juan") && tallies.contains_key("lenin"));
    }

    #[test]
    fn words_know_where_their_sentences_start() {
        let found: Vec<(&str, bool)> =
            words("The group met. Then Avtorkhanov's book came; A. A. Bogdanov wrote.")
                .iter()
                .map(|w| (w.text, w.sentence_start))
                .collect();
        assert_eq!(found[0], ("The", true));
        assert!(found.contains(&("Then", true)));
        assert!(found.contains(&("Avtorkhanov", false)));
        assert!(found.contains(&("Bogdanov", false)));
    }
}

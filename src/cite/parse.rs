//! Reading one note for the works it cites. A note is plain text with its italic spans
//! (`markdown::PlainText`); it may cite several works (`;` between them) and, in a
//! translated edition, carry the translator's version in brackets at its end:
//!
//! `Ленин, ПСС, Т. 42, С. 211 [Lenin, CW, Volume 32, p. 211].`
//!
//! The original part is read first; the bracket's citations are paired with it one by one
//! and add their titles as further keys of the same work, unless the bracket opens with
//! "Cf." (the translator points to another edition, which is not the same work).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::key;
use crate::markdown::PlainText;

/// One citation in a note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    pub cited: Cited,
    /// Volume, page, date, or the article within the work, as the note gives them.
    pub locator: String,
    /// Cited by the way: a work named in the note's commentary, or one the note points to
    /// besides ("See also", "Cf."). Filed under its work, but not what a following "Ibid."
    /// stands for.
    pub aside: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cited {
    Work(WorkRef),
    /// "Ibid.", "Там же": the work of the previous citation.
    Ibid,
    /// "Trotsky, op. cit.", "Указ. соч.": the named author's last cited work.
    OpCit {
        author: String,
    },
}

/// A work as one citation names it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WorkRef {
    /// The title as written, or the short form ("Avrich 1984") when that is all there is.
    pub title: String,
    pub translated_title: Option<String>,
    pub author: Option<String>,
    pub year: Option<String>,
    /// The folded keys under which citations of one work meet (`key`).
    pub keys: Vec<String>,
    /// Named by an author–year short form only; its title is in a bibliography or registry.
    pub short: bool,
}

/// The citations of a note, in order; a single word in lower case ("rotation", «троцкизм»)
/// is a word the note quotes, not a work it cites.
pub fn references(note: &PlainText) -> Vec<Reference> {
    let mut found = read_references(note);
    found.retain(|r| !is_quoted_word(r));
    found
}

fn is_quoted_word(reference: &Reference) -> bool {
    match &reference.cited {
        Cited::Work(work) => {
            // A phrase of a few words in lower case ("upper echelon") is as much a quotation.
            let title = work.title.trim();
            let words = title.split_whitespace().count();
            !work.short
                && (words == 1 || (words <= 3 && work.author.is_none()))
                && title
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_lowercase))
        }
        _ => false,
    }
}

fn read_references(note: &PlainText) -> Vec<Reference> {
    let whole = 0..note.text.len();
    let Some((original, translation, cf)) = split_translation(&note.text) else {
        return read_segments(note, whole).into_iter().flatten().collect();
    };
    let originals = read_segments(note, original);
    let translations = read_segments(note, translation);
    if originals.iter().all(Option::is_none) {
        return translations.into_iter().flatten().collect();
    }
    // A translation that adds other editions after its own (`[…, 1990 Russian edition, p.
    // 105; 1950 English edition, pp. 111–112]`) is paired by its first.
    if originals.len() == 1 && translations.len() > 1 {
        let first = translations.into_iter().next().flatten();
        return originals
            .into_iter()
            .flatten()
            .map(|original| merge(original, first.clone(), cf))
            .collect();
    }
    if originals.len() != translations.len() {
        return originals.into_iter().flatten().collect();
    }
    originals
        .into_iter()
        .zip(translations)
        .filter_map(|(original, translated)| Some(merge(original?, translated, cf)))
        .collect()
}

/// A bracket in running text that cites a work: it gives a page (`p. 13`, `pp. 4–5`, `С.
/// 12`) or stands for an earlier citation (`Op. cit.`, `Ibid.`), and names something beside
/// it. An editor's interpolation (`[sic]`, `[as it was]`, `[…]`) does neither.
static IN_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\[\]]{4,300})\]").expect("valid pattern"));
static LOCATOR_OR_BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bpp?\.\s*[0-9ivxlc]|\bС\.\s*\d|\bop\.\s*cit\b|\bibid\b|\bтам\s+же\b|\bуказ\.\s*соч\b")
        .expect("valid pattern")
});
/// What opens a citation in the text and is no part of it: "quoted by Avrich, …".
static IN_TEXT_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:as\s+)?(?:quoted|cited)\s+(?:by|in|from)|see(?:\s+also)?|cf\.?|after|from)\s+")
        .expect("valid pattern")
});

/// The citations in a paragraph of running text: `[quoted by Avrich, Op. Cit., p. 13]`,
/// `[Lenin, CW, Volume 36, p. 593]`. Each with the bracket's text as the source has it.
pub fn in_text(paragraph: &str) -> Vec<(String, Vec<Reference>)> {
    IN_TEXT
        .captures_iter(paragraph)
        .filter_map(|bracket| {
            let inner = bracket.get(1)?.as_str();
            let has_words = inner.chars().filter(|c| c.is_alphabetic()).count() >= 3;
            if !has_words || !LOCATOR_OR_BACK_REFERENCE.is_match(inner) {
                return None;
            }
            let cited = IN_TEXT_LEAD.replace(inner, "");
            let note = PlainText {
                text: cited.into_owned(),
                italics: Vec::new(),
            };
            let found = references(&note);
            (!found.is_empty()).then(|| (inner.to_string(), found))
        })
        .collect()
}

/// The translator's version of a citation adds its title as a key of the same work, and its
/// locator (CW volumes are not ПСС volumes) beside the original's.
fn merge(mut original: Reference, translated: Option<Reference>, cf: bool) -> Reference {
    let Some(translated) = translated else {
        return original;
    };
    if !translated.locator.is_empty() && translated.locator != original.locator {
        let cf = if cf { "cf. " } else { "" };
        original.locator = match original.locator.is_empty() {
            true => format!("[{cf}{}]", translated.locator),
            false => format!("{} [{cf}{}]", original.locator, translated.locator),
        };
    }
    // A translation that cites another kind of work than the original (the collected
    // "Works" where the original cites the newspaper *Правда*) points to another edition:
    // its keys are not the original's, or every article of the author's would join the
    // newspaper.
    let same_kind =
        |a: &WorkRef, b: &WorkRef| key::is_generic(&a.title) == key::is_generic(&b.title);
    if let (Cited::Work(work), Cited::Work(other)) = (&mut original.cited, translated.cited)
        && !cf
        && same_kind(work, &other)
    {
        for key in other.keys {
            if !work.keys.contains(&key) {
                work.keys.push(key);
            }
        }
        if !other.short && other.title != work.title {
            work.translated_title.get_or_insert(other.title);
        }
        if work.author.is_none() {
            work.author = other.author;
        }
    }
    original
}

/// The note without and within its closing bracket, when it ends with one: `(original,
/// translation, whether the translation opens with "Cf.")`.
fn split_translation(text: &str) -> Option<(Range<usize>, Range<usize>, bool)> {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || ".;,".contains(c));
    if !trimmed.ends_with(']') {
        return None;
    }
    let mut depth = 0usize;
    for (i, c) in trimmed.char_indices().rev() {
        match c {
            ']' => depth += 1,
            '[' => {
                depth -= 1;
                if depth == 0 {
                    if trimmed[..i].trim().is_empty() {
                        return None;
                    }
                    let inner = i + 1..trimmed.len() - 1;
                    let cf = text[inner.clone()].trim_start().starts_with("Cf");
                    return Some((0..i, inner, cf));
                }
            }
            _ => {}
        }
    }
    None
}

static POINTS_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:See also|See|Cf\.|См\.|Ср\.)\s*:?\s").expect("valid pattern")
});

/// The parts of `range` between top-level `;` (not inside brackets, parentheses or quotes),
/// each read as one citation.
fn read_segments(note: &PlainText, range: Range<usize>) -> Vec<Option<Reference>> {
    let text = &note.text;
    let mut segments = Vec::new();
    let mut depth = 0i32;
    let mut start = range.start;
    for (offset, c) in text[range.clone()].char_indices() {
        match c {
            '[' | '(' | '«' | '“' => depth += 1,
            ']' | ')' | '»' | '”' => depth -= 1,
            ';' if depth <= 0 => {
                segments.push(start..range.start + offset);
                start = range.start + offset + 1;
            }
            // `… in *Pravda*. See also: Stalin, *Works* …`: a sentence that points on.
            '.' if depth <= 0 && POINTS_ON.is_match(&text[range.start + offset + 1..]) => {
                segments.push(start..range.start + offset);
                start = range.start + offset + 1;
            }
            _ => {}
        }
    }
    segments.push(start..range.end);
    segments
        .into_iter()
        .filter(|s| !text[s.clone()].trim().is_empty())
        .map(|s| read_segment(note, s))
        .collect()
}

static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?i:See also|See|Cf\.|Cf|См\.|Ср\.|Цит\.\s*по|Quoted in|Quoted by|Cited by|Cited in)\s*:?\s+|In\s+)+")
        .expect("valid pattern")
});
static IBID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:ibid(?:em)?\b\.?|там\s+же\b)").expect("valid pattern"));
static OP_CIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:op\.\s*cit\b\.?|указ\.\s*соч\b\.?)").expect("valid pattern")
});
/// Lenin's works. The Russian fifth edition (ПСС, 55 volumes) and the English Collected
/// Works (CW, 45 volumes, translated from the fourth Russian edition) number their volumes
/// differently — ПСС Т. 45 is CW Volume 33 or 36 — so they are one work here and the
/// locator keeps each edition's volume and page as the note gives them.
static LENIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:Ленин|Lenin)[^;\[\]]{0,20}?(?:ПСС|\bPSS\b|\bCW\b|Полн(?:ое|\.)\s*собр(?:ание|\.)\s*соч(?:инений|\.)?|Collected Works|Сочинения|Соч\.)")
        .expect("valid pattern")
});
/// Marx and Engels: MECW and the Russian second edition (Сочинения), numbered differently.
static MARX_ENGELS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bMECW\b|(?:Маркс|Marx)[^;\[\]]{0,30}?(?:Энгельс|Engels)[^;\[\]]{0,12}?(?:Сочинения|Соч\.|Collected Works|Works)")
        .expect("valid pattern")
});
/// Wikipedia's style: `Avrich, Paul (1984). "Title". Container …`.
static AUTHOR_YEAR_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<author>[^()"“”«»\d]{2,100}?)\s*\((?P<year>[0-9]{4})\)(?:\s*\[\d{4}\])?\.\s*(?P<rest>.+)$"#)
        .expect("valid pattern")
});
/// Whether the first `(` of `segment` opens a year, `(1984)`: the author before the year
/// in [`AUTHOR_YEAR_TITLE`] holds no parenthesis, so a segment where this fails cannot match
/// it, and most do (the pattern's captures are dear to look for).
fn year_in_first_parentheses(segment: &str) -> bool {
    segment.find('(').is_some_and(|open| {
        let after = &segment.as_bytes()[open + 1..];
        after.len() >= 5 && after[..4].iter().all(u8::is_ascii_digit) && after[4] == b')'
    })
}

/// An author–year short form: `Avrich 1984, pp. 7–8`, `Pirani 2008`.
static SHORT_FORM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<who>\p{Lu}[\p{L}'’-]+(?:\s+(?:and|&|и)\s+\p{Lu}[\p{L}'’-]+)?),?\s+(?P<year>(?:1[5-9]|20)\d\d[a-z]?)(?P<rest>(?:[,:.]\s*.{0,40})?)$")
        .expect("valid pattern")
});
static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"«([^»]{3,})»|“([^”]{3,})”|"([^"]{3,})""#).expect("valid pattern")
});
static PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\bС\.|\bс\.|\bpp?\.)\s*\d[\d–\-, ]*").expect("valid pattern"));
/// Where a title written without italics or quotes ends: at the place, volume, page or year.
static PLAIN_TITLE_END: LazyLock<Regex> = LazyLock::new(|| {
    // A place is "М., 1991" or "Л., 1925": with its comma, so that an author's initial
    // ("Троцкий, Л. Д.") is no place.
    // In English, the cities where the literature was mostly published.
    Regex::new(r"(?:,\s*(?:(?:М\.-Л\.|М\.|Л\.)\s*,|С\.|с\.|Т\.|т\.|p\.|pp\.|Vol|Volume|№|(?:1[89]|20)\d\d\b|(?:Moscow|Leningrad|Petrograd|London|New York|Paris|Berlin|Oxford|Cambridge|Boston|Chicago|Princeton)\b)|\.\s+(?:Стенографический|Бюллетень|М\.))")
        .expect("valid pattern")
});
/// `Бухарин, Н. И., Title`: a surname and initials before a title (the comma after the
/// initials often left out: `Троцкий, Л. Д. Портреты революционеров`).
static AUTHOR_INITIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<author>(?:\p{Lu}\.\s*){1,3}\p{Lu}[\p{L}'’-]+,|\p{Lu}[\p{L}-]+(?:,?\s+(?:\p{Lu}\.\s*){1,3}|,\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,)(?:\s*(?:&|и|and)\s+(?:\p{Lu}\.\s*){1,3}\p{Lu}[\p{L}-]+)?),?\s*(?P<title>\p{Lu}.+)$")
        .expect("valid pattern")
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:1[5-9]|20)\d\d\b").expect("valid pattern"));

fn read_segment(note: &PlainText, range: Range<usize>) -> Option<Reference> {
    let prefix = PREFIX.find(&note.text[range.clone()]);
    let mut found = read_cited(note, range.clone(), prefix.map_or(0, |m| m.end()))?;
    let pointed_besides = prefix.is_some_and(|p| ALSO.is_match(p.as_str()));
    let in_commentary = named_in_commentary(&found, &note.text[range]);
    // A title the note's story names, with no page, issue or date, is not cited at all.
    if in_commentary && !found.locator.contains(|c: char| c.is_ascii_digit()) {
        return None;
    }
    found.aside = pointed_besides || in_commentary;
    Some(found)
}

/// "See also", "Cf.", "Ср.": the work is pointed to besides the one the note cites.
static ALSO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\balso\b|\bcf\b|ср\.|см\. также").expect("valid pattern"));

/// Whether a work without its author is named well into a sentence of the note's own
/// ("… was published on 6 December in *Pravda*"), rather than cited.
fn named_in_commentary(found: &Reference, segment: &str) -> bool {
    let Cited::Work(work) = &found.cited else {
        return false;
    };
    if work.author.is_some() || work.short || work.title.is_empty() {
        return false;
    }
    segment
        .find(work.title.as_str())
        .is_some_and(|at| segment[..at].split_whitespace().count() >= 5)
}

fn read_cited(note: &PlainText, range: Range<usize>, skip: usize) -> Option<Reference> {
    let text = &note.text;
    let range = range.start + skip..range.end;
    let segment = &text[range.clone()];
    if let Some(found) = IBID.find(segment) {
        let locator = join_around(&segment[..found.start()], &segment[found.end()..]);
        return Some(Reference {
            cited: Cited::Ibid,
            locator,
            aside: false,
        });
    }
    if let Some(found) = OP_CIT.find(segment) {
        let author = key::surname(segment[..found.start()].trim_end_matches([' ', ',']))
            .unwrap_or_default()
            .to_string();
        return Some(Reference {
            cited: Cited::OpCit { author },
            locator: clean_locator(&segment[found.end()..]),
            aside: false,
        });
    }
    collected_works(segment)
        .or_else(|| author_year_title(segment))
        .or_else(|| titled(note, range.clone()))
        .or_else(|| short_form(segment))
        .or_else(|| plain_title(segment))
}

/// Lenin's and Marx and Engels' collected works, in any edition and language.
fn collected_works(segment: &str) -> Option<Reference> {
    let (found, author, title) = match LENIN.find(segment) {
        Some(found) => (found, "Lenin, V. I.", "Collected Works"),
        None => (
            MARX_ENGELS.find(segment)?,
            "Marx, Karl; Engels, Friedrich",
            "Collected Works",
        ),
    };
    Some(Reference {
        cited: Cited::Work(WorkRef {
            title: title.to_string(),
            author: Some(author.to_string()),
            keys: key::title_keys(title, Some(author)),
            ..WorkRef::default()
        }),
        locator: clean_locator(&segment[found.end()..]),
        aside: false,
    })
}

/// `Avrich, Paul (1984). "Bolshevik Opposition to Lenin …". The Russian Review …`: the
/// title, and the short form "Avrich 1984" as a key, so that short forms find it.
fn author_year_title(segment: &str) -> Option<Reference> {
    let captures = year_in_first_parentheses(segment)
        .then(|| AUTHOR_YEAR_TITLE.captures(segment))
        .flatten();
    let (author, year, rest) = match captures {
        Some(c) => (
            Some(c["author"].trim().to_string()),
            c["year"].to_string(),
            c.name("rest")?.as_str(),
        ),
        None => {
            if !segment.trim_start().starts_with(['"', '“']) {
                return None;
            }
            let year = YEAR.find(segment)?;
            (None, year.as_str().to_string(), segment.trim_start())
        }
    };
    let title = match QUOTED
        .captures(rest)
        .filter(|c| c.get(0).unwrap().start() == 0)
    {
        Some(c) => quoted_text(&c).to_string(),
        None => rest
            .split(". ")
            .next()
            .unwrap_or(rest)
            .split(" (")
            .next()
            .unwrap_or(rest)
            .trim_end_matches('.')
            .to_string(),
    };
    let mut keys = key::title_keys(&title, author.as_deref());
    keys.extend(author.as_deref().and_then(|a| key::short_form(a, &year)));
    let locator = PAGE
        .find(rest)
        .map(|m| clean_locator(m.as_str()))
        .unwrap_or_default();
    Some(Reference {
        cited: Cited::Work(WorkRef {
            title,
            author,
            year: Some(year),
            keys,
            ..WorkRef::default()
        }),
        locator,
        aside: false,
    })
}

/// `Avrich 1984, p. 5`; not `Правда, 1927, № 3` (a periodical's year and issue).
fn short_form(segment: &str) -> Option<Reference> {
    let c = SHORT_FORM.captures(segment.trim())?;
    if c["rest"].contains('№') {
        return None;
    }
    let who = c["who"].to_string();
    let year = c["year"].to_string();
    Some(Reference {
        cited: Cited::Work(WorkRef {
            title: format!("{who} {year}"),
            keys: vec![key::fold(&format!("{who} {year}"))],
            year: Some(year[..4].to_string()),
            author: Some(who),
            short: true,
            ..WorkRef::default()
        }),
        locator: clean_locator(&c["rest"]),
        aside: false,
    })
}

/// A title in italics, or in quotes at the start of a citation or after its author (a
/// quotation in a commentary note is no title).
fn titled(note: &PlainText, range: Range<usize>) -> Option<Reference> {
    let segment = &note.text[range.clone()];
    let italic = note
        .italics
        .iter()
        .filter(|span| span.start >= range.start && span.end <= range.end)
        .map(|span| (span.clone(), note.slice(span).trim()))
        .find(|(_, title)| is_title(title));
    let quoted = QUOTED.captures(segment).and_then(|c| {
        let whole = c.get(0)?;
        let inner = c.get(1).or(c.get(2)).or(c.get(3))?;
        let before = &segment[..whole.start()];
        let cited = before.trim().is_empty() || author_before(before).is_some();
        cited.then(|| {
            let start = range.start + inner.start();
            (start..range.start + inner.end(), quoted_text(&c))
        })
    });
    let (span, title) = match (italic, quoted) {
        (Some(i), Some(q)) if q.0.start < i.0.start => q,
        (Some(i), _) => i,
        (None, Some(q)) => q,
        (None, None) => return None,
    };
    let mut title = title.trim_end_matches([',', '.', ' ']).to_string();
    let lead = lead_in(&note.text[range.start..span.start]);
    let mut author = author_before(lead).map(str::to_string);
    // `Коэн С. Бухарин. *Политическая биография*`: the title begins before its italics.
    let words_after = |c: &regex::Captures| {
        let first = c["title"].split_whitespace().next().unwrap_or("");
        first.chars().filter(|c| c.is_alphabetic()).count() > 1
    };
    let lead = lead.trim().trim_end_matches([',', ':', ' ', '«', '“', '"']);
    if let Some(c) = AUTHOR_INITIALS.captures(lead).filter(words_after) {
        // Before a comma, the title of an article in the italic periodical.
        let before_italics = note.text[range.start..span.start].trim_end();
        title = match before_italics.ends_with(',') {
            true => c["title"].trim().to_string(),
            false => format!("{} {title}", &c["title"]),
        };
        author = Some(c["author"].trim().trim_end_matches(',').to_string());
    }
    let after = note.text[span.end..range.end].trim_start_matches(['»', '”', '"']);
    Some(Reference {
        cited: Cited::Work(WorkRef {
            keys: key::title_keys(&title, author.as_deref()),
            title,
            author,
            ..WorkRef::default()
        }),
        locator: clean_locator(after),
        aside: false,
    })
}

/// `Бухарин, Н. И., Избранные произведения, М., 1988, С. 94`: a title in plain type, up to the
/// place, volume, year or page; read only where the citation gives a page.
fn plain_title(segment: &str) -> Option<Reference> {
    PAGE.find(segment)?;
    let end = PLAIN_TITLE_END
        .find(segment)
        .map_or(segment.len(), |m| m.start());
    let head = segment[..end].trim().trim_end_matches(['.', ',']);
    let (author, title) = match AUTHOR_INITIALS.captures(head) {
        Some(c) => (
            Some(c["author"].trim().trim_end_matches(',').to_string()),
            c["title"].to_string(),
        ),
        None => (None, head.to_string()),
    };
    let words = title.split_whitespace().count();
    if !is_title(&title) || words > 15 || title.len() > 160 || PAGE.is_match(&title) {
        return None;
    }
    Some(Reference {
        cited: Cited::Work(WorkRef {
            keys: key::title_keys(&title, author.as_deref()),
            title,
            author,
            ..WorkRef::default()
        }),
        locator: clean_locator(&segment[end..]),
        aside: false,
    })
}

fn quoted_text<'t>(c: &regex::Captures<'t>) -> &'t str {
    c.get(1)
        .or(c.get(2))
        .or(c.get(3))
        .map_or("", |m| m.as_str())
        .trim_end_matches([',', '.'])
}

/// A title starts with a capital letter or a digit and is more than an emphasised word.
fn is_title(text: &str) -> bool {
    let first = text.chars().next();
    text.chars().count() >= 3
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !IBID.is_match(text)
}

/// The author written before a title: `Троцкий, Л. Д., `, `Paul Avrich, ` — a few words
/// without digits, starting with a capital.
fn author_before(text: &str) -> Option<&str> {
    let author = text
        .trim()
        .trim_end_matches([',', ':', ' ', '«', '“', '"'])
        .trim_end();
    let author = author
        .strip_suffix(", in")
        .or_else(|| author.strip_suffix(" in"))
        .unwrap_or(author);
    let words = author.split_whitespace().count();
    let last = author
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    let plausible = (1..=6).contains(&words)
        && !NOT_AUTHORS.contains(&last.as_str())
        && author.len() <= 60
        && !author
            .chars()
            .any(|c| c.is_ascii_digit() || "[]()«»“”\"".contains(c))
        && author.chars().next().is_some_and(char::is_uppercase)
        && author.split_whitespace().all(|word| {
            word.chars().next().is_some_and(|c| !c.is_lowercase())
                || NAME_PARTICLES.contains(&word.to_lowercase().as_str())
        });
    plausible.then_some(author)
}

/// Words in lower case that a name or its editor's mark may hold ("Jeffries, Peter, ed.",
/// "Ludwig von Mises"); any other lower-case word is a sentence's ("By this").
const NAME_PARTICLES: &[&str] = &[
    "ed.", "eds.", "ed", "et", "al.", "and", "и", "von", "van", "de", "der", "den", "la", "le",
    "du", "di", "da", "ред.", "под",
];

/// What stands before a title after the note's own words that lead to it ("The published
/// version … (Сталин, ", "… see E. H. Carr, "): where its author would be.
fn lead_in(before: &str) -> &str {
    let after_bracket = before
        .rfind(['(', ':'])
        .map_or(before, |at| &before[at + 1..]);
    match after_bracket.rfind(" see ") {
        Some(at) => &after_bracket[at + 5..],
        None => after_bracket,
    }
}

/// Words that end no author's name: prepositions before a title quoted inside a longer one
/// ("Об «Уроках октября»", "On “The Lessons of October”"), and a collection's "Сб.".
const NOT_AUTHORS: &[&str] = &[
    "о", "об", "обо", "в", "во", "на", "к", "ко", "по", "с", "со", "из", "для", "про", "от", "on",
    "about", "of", "in", "to", "from", "for", "by", "at", "see", "sur", "de", "du", "über", "von",
    "zu", "сб.", "см.",
];

/// The rest of a citation after its work, without the punctuation around it.
fn clean_locator(text: &str) -> String {
    text.trim_start_matches(|c: char| c.is_whitespace() || ",.;:»”\")".contains(c))
        .trim_end_matches(|c: char| c.is_whitespace() || ",.;:".contains(c))
        .to_string()
}

/// The locator of an "Ibid." citation: what stands around the word ("“Letter to Stalin,”
/// 27 December 1924, *Ibid.*, p. 177" keeps the letter and the page).
fn join_around(before: &str, after: &str) -> String {
    let before = before.trim().trim_end_matches([',', '.', ' ']).to_string();
    let after = clean_locator(after);
    match (before.is_empty(), after.is_empty()) {
        (true, _) => after,
        (false, true) => before,
        (false, false) => format!("{before}, {after}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A note as Markdown would give it: `*…*` marks the italics.
    fn note(markdown: &str) -> PlainText {
        let mut plain = PlainText::default();
        let mut parts = markdown.split('*');
        plain.text.push_str(parts.next().unwrap_or(""));
        for (i, part) in parts.enumerate() {
            let start = plain.text.len();
            plain.text.push_str(part);
            if i % 2 == 0 {
                plain.italics.push(start..plain.text.len());
            }
        }
        plain
    }

    fn work(reference: &Reference) -> &WorkRef {
        match &reference.cited {
            Cited::Work(work) => work,
            other => panic!("not a work: {other:?}"),
        }
    }

    #[test]
    fn lenin_in_either_edition_is_one_work_with_both_locators() {
        let russian = references(&note(
            "Ленин, ПСС, Т. 42, С. 211 [Lenin, CW, Volume 32, “The Trade Unions,” p. 211].",
        ));
        let full = references(&note(
            "Ленин В. И. Полное собрание сочинений, Т. 45, С. 17–18.",
        ));
        let english = references(&note("Lenin, *Collected Works*, Volume 33, p. 254."));
        let pss = references(&note("Lenin, *PSS*, Volume 45, p. 476."));
        let keys: Vec<&Vec<String>> = [&russian, &full, &english, &pss]
            .iter()
            .map(|r| &work(&r[0]).keys)
            .collect();
        assert!(keys.iter().all(|k| *k == keys[0]), "{keys:?}");
        assert_eq!(
            russian[0].locator,
            "Т. 42, С. 211 [Volume 32, “The Trade Unions,” p. 211]"
        );
        assert_eq!(full[0].locator, "Т. 45, С. 17–18");
    }

    #[test]
    fn marx_and_engels_in_mecw_and_the_russian_edition() {
        let a = references(&note(
            "Маркс К., Энгельс Ф., *Сочинения*, Т. 35, С. 312 [MECW, Volume 46, p. 342].",
        ));
        let b = references(&note("MECW, Volume 49, p. 11."));
        assert_eq!(work(&a[0]).keys, work(&b[0]).keys);
        assert_eq!(work(&a[0]).title, "Collected Works");
    }

    #[test]
    fn ibid_in_either_language_keeps_its_locator() {
        for (text, locator) in [
            ("Там же, С. 261 [Ibid., p. 593].", "С. 261 [p. 593]"),
            ("Там же [Ibid.]", ""),
            ("Ibid., p. 12.", "p. 12"),
            ("*Ibid.*, p. 269.", "p. 269"),
            (
                "Там же, С. 177 [\"E. M. Yaroslavsky to I. V. Stalin,\" 27 December 1924, *Ibid.*, p. 177].",
                "С. 177 [\"E. M. Yaroslavsky to I. V. Stalin,\" 27 December 1924, p. 177]",
            ),
        ] {
            let r = references(&note(text));
            assert_eq!(r.len(), 1, "{text}");
            assert_eq!(r[0].cited, Cited::Ibid, "{text}");
            assert_eq!(r[0].locator, locator, "{text}");
        }
    }

    #[test]
    fn op_cit_names_its_author() {
        let r = references(&note("Trotsky, op. cit., p. 5."));
        assert_eq!(
            r[0].cited,
            Cited::OpCit {
                author: "Trotsky".into()
            }
        );
        assert_eq!(r[0].locator, "p. 5");
    }

    #[test]
    fn author_year_short_forms_and_the_bibliography_entry_share_a_key() {
        let short = references(&note("Avrich 1984, pp. 7–8"));
        assert!(work(&short[0]).short);
        assert_eq!(short[0].locator, "pp. 7–8");
        let entry = references(&note(
            "Avrich, Paul (1984). \u{201c}Bolshevik Opposition to Lenin: G. T. Miasnikov and the Workers' Group\u{201d}. The Russian Review. 43 (1): 1–29.",
        ));
        let entry = work(&entry[0]);
        assert_eq!(
            entry.title,
            "Bolshevik Opposition to Lenin: G. T. Miasnikov and the Workers' Group"
        );
        assert!(entry.keys.contains(&work(&short[0]).keys[0]));
        assert_eq!(
            work(&references(&note("Hebbes 2005"))[0]).keys,
            ["hebbes 2005"]
        );
    }

    #[test]
    fn italic_titles_with_their_authors_and_translations() {
        let r = references(&note(
            "Троцкий, Л. Д., *Портреты революционеров*, С. 272 [Trotsky, *Portraits of Revolutionaries*, p. 272].",
        ));
        let w = work(&r[0]);
        assert_eq!(w.title, "Портреты революционеров");
        assert_eq!(w.author.as_deref(), Some("Троцкий, Л. Д."));
        assert_eq!(
            w.translated_title.as_deref(),
            Some("Portraits of Revolutionaries")
        );
        assert!(
            w.keys
                .contains(&"trotski portraits of revolutionaries".to_string())
        );
        assert_eq!(r[0].locator, "С. 272 [p. 272]");
        let cf = references(&note(
            "Троцкий, Л. Д., *Сталин*, Т. 2, С. 238 [Cf. Trotsky, *Stalin*, p. 655].",
        ));
        assert_eq!(
            work(&cf[0]).translated_title,
            None,
            "Cf. is another edition"
        );
    }

    #[test]
    fn the_year_in_parentheses_is_looked_for_where_the_pattern_can_match() {
        let mut matched = 0;
        for (_, text) in crate::source_texts() {
            for segment in text.lines().flat_map(|line| line.split(';')) {
                if AUTHOR_YEAR_TITLE.is_match(segment) {
                    assert!(year_in_first_parentheses(segment), "{segment}");
                    matched += 1;
                }
            }
        }
        // The Wikipedia article's bibliography is written in this style.
        assert!(matched >= 3, "only {matched} segments matched");
        for (segment, expected) in [
            ("Avrich, Paul (1984). Title", true),
            ("Avrich (ed.) (1984). Title", false),
            ("Avrich (198). Title", false),
            ("Avrich (1984", false),
            ("no parentheses at all", false),
        ] {
            assert_eq!(year_in_first_parentheses(segment), expected, "{segment}");
            assert_eq!(AUTHOR_YEAR_TITLE.is_match(segment), expected, "{segment}");
        }
    }

    #[test]
    fn several_citations_in_one_note() {
        let r = references(&note(
            "*Коммунист*, 1989, № 3, С. 82; *Правда*, 12 августа 1988 [*Communist*, 1989, № 3, p. 82; *Pravda*, 12 August 1988].",
        ));
        let titles: Vec<&str> = r.iter().map(|r| work(r).title.as_str()).collect();
        assert_eq!(titles, ["Коммунист", "Правда"]);
        assert_eq!(work(&r[1]).translated_title.as_deref(), Some("Pravda"));
        assert_eq!(r[0].locator, "1989, № 3, С. 82 [1989, № 3, p. 82]");
    }

    #[test]
    fn authors_stand_before_titles_in_each_way_the_sources_write_them() {
        let cases = [
            (
                "Бажанов, Борис, Воспоминания бывшего секретаря Сталина, С. 87",
                Some("Бажанов, Борис"),
                "Воспоминания бывшего секретаря Сталина",
            ),
            (
                "Преображенский, Е. А. & Н. И. Бухарин, Пути развития: дискуссии 20-х годов, Л., 1990, С. 104",
                Some("Преображенский, Е. А. & Н. И. Бухарин"),
                "Пути развития: дискуссии 20-х годов",
            ),
            (
                "Коэн С. Бухарин. *Политическая биография, 1888–1938*, М., 1988, С. 12",
                Some("Коэн С."),
                "Бухарин. Политическая биография, 1888–1938",
            ),
            (
                "Коэн С. Большевизм и сталинизм, *Вопросы философии*, 1989, № 7, С. 47",
                Some("Коэн С."),
                "Большевизм и сталинизм",
            ),
            (
                "The published version of the speech was abridged (Сталин, *Сочинения*, Т. 9, С. 77).",
                Some("Сталин"),
                "Сочинения",
            ),
            (
                "Об «Уроках октября», М., 1925, С. 135–142",
                None,
                "Об «Уроках октября»",
            ),
        ];
        for (text, author, title) in cases {
            let r = references(&note(text));
            assert_eq!(r.len(), 1, "{text}: {r:?}");
            assert_eq!(work(&r[0]).author.as_deref(), author, "{text}");
            assert_eq!(work(&r[0]).title, title, "{text}");
        }
    }

    #[test]
    fn works_named_by_the_way_are_asides() {
        let r = references(&note(
            "The speech was published on 6 December in *Pravda*. See also: И. Сталин, *Собрание сочинений*, Т. 5, С. 354–370.",
        ));
        let read: Vec<(&str, bool)> = r
            .iter()
            .map(|r| (work(r).title.as_str(), r.aside))
            .collect();
        assert_eq!(read, [("Собрание сочинений", true)]);
        let r = references(&note(
            "Ulyanova had said so to her, as the newspaper reported (*Pravda*, 21 January 1993).",
        ));
        assert!(r[0].aside && work(&r[0]).title == "Pravda");
        let r = references(&note(
            "Бухарин, Н. И., *Избранные произведения*, М., 1988, С. 94.",
        ));
        assert!(!r[0].aside);
        // A phrase in lower case that the note quotes is no work.
        assert!(references(&note("By this “upper echelon,” Bukharin meant officials.")).is_empty());
    }

    #[test]
    fn a_translation_that_adds_other_editions_is_paired_by_its_first() {
        let r = references(&note(
            "Карр Э. *История Советской России*. Кн. 1. М., 1990, Т. 1, С. 105 [E. H. Carr, *The History of Soviet Russia*, 1990 Russian edition, Volume 1, p. 105; 1950 English edition, Volume 1, pp. 111–112].",
        ));
        assert_eq!(r.len(), 1);
        assert_eq!(
            work(&r[0]).translated_title.as_deref(),
            Some("The History of Soviet Russia")
        );
    }

    #[test]
    fn plain_titles_and_commentary() {
        let r = references(&note(
            "Бухарин, Н. И., Избранные произведения, М., 1988, С. 94 [Bukharin, Selected Works, p. 94].",
        ));
        assert_eq!(work(&r[0]).title, "Избранные произведения");
        assert_eq!(work(&r[0]).keys[0], "bukharin izbrannye proizvedeniia");
        let r = references(&note(
            "Пятнадцатая конференция ВКП(б), С. 601 [*Fifteenth Conference of the VKP(b)*, p. 601].",
        ));
        assert!(
            work(&r[0])
                .keys
                .contains(&"fifteenth conference of the vkp".to_string())
        );
        let commentary = references(&note(
            "On that day his physician noted in his diary: “Stalin visited. Discussion of suicide.”",
        ));
        assert!(commentary.is_empty(), "{commentary:?}");
    }

    #[test]
    fn citations_in_brackets_in_the_running_text_and_brackets_that_are_none() {
        let paragraph = "He wrote that the Party \"must be rebuilt\" [quoted by Avrich, Op. Cit., p. 13], and [sic] the Group [as it was] grew [Lenin, CW, Volume 36, p. 593]. […] [see Sorin, Workers' Group, pp. 4–5]";
        let found = in_text(paragraph);
        let brackets: Vec<&str> = found.iter().map(|(b, _)| b.as_str()).collect();
        assert_eq!(
            brackets,
            [
                "quoted by Avrich, Op. Cit., p. 13",
                "Lenin, CW, Volume 36, p. 593",
                "see Sorin, Workers' Group, pp. 4–5"
            ]
        );
        assert_eq!(
            found[0].1[0].cited,
            Cited::OpCit {
                author: "Avrich".into()
            }
        );
        assert!(
            matches!(&found[2].1[0].cited, Cited::Work(w) if w.title.contains("Workers' Group"))
        );
    }

    #[test]
    fn a_quoted_word_is_no_work() {
        let note = PlainText {
            text: "On the principle of “rotation” see the debate of 1923.".into(),
            italics: Vec::new(),
        };
        assert!(references(&note).is_empty(), "{:?}", references(&note));
    }

    #[test]
    fn initials_without_a_comma_after_them_still_part_author_and_title() {
        let found = plain_title("Троцкий, Л. Д. Портреты революционеров, М., 1991, С. 271–272");
        assert!(
            matches!(&found, Some(Reference { cited: Cited::Work(w), .. }) if w.title == "Портреты революционеров" && w.author.as_deref() == Some("Троцкий, Л. Д.")),
            "{found:?}"
        );
    }
}

//! Records dated by their headings and datelines: a sitting's minutes ("Monday the 16th, in
//! the forenoon", "House of Representatives — Tuesday, 10 November 1863"), annals by the
//! year, a report's date in figures, and what a record says was said or done on its day.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::{
    find_dates, has_verb, is_commentary_or_plan, is_past_tense, month_named, roman_month,
    weekday_number,
};
use crate::date::Point;

/// Whether a heading names nothing but a day and a time of it: "Monday the 16th, in the
/// forenoon", "12 March 1921, evening sitting" (not "Saltby, 27 August 1889", a place).
pub(super) fn names_only_a_day(heading: &str) -> bool {
    const OF_A_DAY: &[&str] = &[
        "the",
        "in",
        "of",
        "at",
        "on",
        "forenoon",
        "afternoon",
        "morning",
        "evening",
        "night",
        "sitting",
        "session",
        "meeting",
        "day",
        "first",
        "second",
        "third",
        "continued",
        "st",
        "d",
        "nd",
        "rd",
        "th",
        "a",
        "m",
        "p",
    ];
    let mut rest = heading.to_string();
    for found in find_dates(heading).iter().rev() {
        rest.replace_range(found.span.clone(), " ");
    }
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|word| !word.is_empty())
        .all(|word| {
            let lower = word.to_lowercase();
            OF_A_DAY.contains(&lower.as_str())
                || weekday_number(word).is_some()
                || crate::date::month_number(word).is_some()
        })
}

/// A day written in figures, as a report's or a letter's dateline writes it: "27-5-19",
/// "23/6/19", "5.VI.19", "14.5.1919" (the day first, unless only the month-first reading
/// is a date, or the text writes the month first: `month_first`); a year of two digits is
/// of the century of `reference`.
pub(super) fn numeric_day(text: &str, reference: Option<i32>, month_first: bool) -> Option<Point> {
    static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s,])([0-3]?[0-9])[-/.]([0-3]?[0-9]|[IVX]{1,4})[-/.]([0-9]{4}|[0-9]{2})\.?(?:$|[\s,.])")
            .expect("a valid pattern")
    });
    // "Dec 14/62", as soldiers dated their letters: the month's name, the day, the year.
    static NAMED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+([0-3]?[0-9])(?:st|nd|rd|th|d)?/([0-9]{2})(?:$|[\s,.])")
            .expect("a valid pattern")
    });
    if let Some(named) = NAMED.captures(text) {
        let month = month_named(&named[1])?;
        let reference = reference?;
        let year = reference - reference.rem_euclid(100) + named[3].parse::<i32>().ok()?;
        let point = Point::day(year, month, named[2].parse().ok()?);
        return point.is_valid().then_some(point);
    }
    let figures = FIGURES.captures(text)?;
    let first: u32 = figures[1].parse().ok()?;
    let (day, month) = match roman_month(&figures[2]) {
        Some(month) => (first, month),
        None => day_and_month(first, figures[2].parse().ok()?, month_first),
    };
    let year = year_in_figures(&figures[3], reference)?;
    let point = Point::day(year, month, day);
    (point.is_valid() && (1..=12).contains(&month)).then_some(point)
}

/// Which of two figures is the day and which the month: the one that cannot be a month is
/// the day; else the order the text writes ("4/5/63" is 4 May, or 5 April in an American
/// text).
fn day_and_month(first: u32, second: u32, month_first: bool) -> (u32, u32) {
    if first <= 12 && (second > 12 || month_first) {
        (second, first)
    } else {
        (first, second)
    }
}

/// A year in figures, of two digits in the century of `reference`.
fn year_in_figures(figures: &str, reference: Option<i32>) -> Option<i32> {
    match figures.len() {
        4 => figures.parse().ok(),
        _ => {
            let reference = reference?;
            Some(reference - reference.rem_euclid(100) + figures.parse::<i32>().ok()?)
        }
    }
}

/// The days a text's sentences write in figures ("On 4/15/63, a source advised …", "the
/// march of 3.12.1963"), each where it stands: three numbers with one separator, the year
/// last.
pub(super) fn days_in_figures(
    text: &str,
    reference: Option<i32>,
    month_first: bool,
) -> Vec<(Range<usize>, Point)> {
    static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
        let d = "([0-3]?[0-9])";
        let y = "([0-9]{4}|[0-9]{2})";
        Regex::new(&format!(
            r"(?:^|[\s(,])(?:{d}/{d}/{y}|{d}\.{d}\.{y}|{d}-{d}-{y})(?:$|[\s,.;:)])"
        ))
        .expect("a valid pattern")
    });
    if !has_figures_shape(text) {
        return Vec::new();
    }
    FIGURES
        .captures_iter(text)
        .filter_map(|c| {
            let group = (1..=7).step_by(3).find(|&g| c.get(g).is_some())?;
            let number = |g: usize| c[g].parse::<u32>().ok();
            let (day, month) = day_and_month(number(group)?, number(group + 1)?, month_first);
            let year = year_in_figures(&c[group + 2], reference)?;
            let point = Point::day(year, month, day);
            let span = c.get(group)?.start()..c.get(group + 2)?.end();
            ((1..=12).contains(&month) && point.is_valid()).then_some((span, point))
        })
        .collect()
}

/// Whether a text writes its days with the month first, as American texts do: more of its
/// days in figures can only be read so ("4/15/63") than only the other way ("15/4/63"),
/// or, with none either way, more of its days in words are written so ("April 15, 1963")
/// than the other way ("15 April 1963").
pub(super) fn writes_month_first<'t>(texts: impl Iterator<Item = &'t str> + Clone) -> bool {
    let texts_again = texts.clone();
    static FIGURES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b([0-3]?[0-9])[/.-]([0-3]?[0-9])[/.-](?:[0-9]{4}|[0-9]{2})\b")
            .expect("a valid pattern")
    });
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        let month = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
        Regex::new(&format!(
            r"\b(?:{month}\s+[0-3]?[0-9](?:st|nd|rd|th)?,\s+[0-9]{{4}}|([0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+[0-9]{{4}})"
        ))
        .expect("a valid pattern")
    });
    // Most pages write no day in figures, and the order matters to none of them: their
    // words are not read for it.
    let with_figures: Vec<&str> = texts.filter(|text| has_figures_shape(text)).collect();
    let (mut figures, mut any) = ((0, 0), false);
    for text in &with_figures {
        for c in FIGURES.captures_iter(text) {
            any = true;
            let (first, second): (u32, u32) =
                (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            match (first <= 12, second <= 12) {
                (true, false) => figures.0 += 1,
                (false, true) => figures.1 += 1,
                _ => {}
            }
        }
    }
    if figures != (0, 0) || !any {
        return figures.0 > figures.1;
    }
    let mut words = (0, 0);
    for text in texts_again {
        for c in WORDS.captures_iter(text) {
            match c.get(1) {
                None => words.0 += 1,
                Some(_) => words.1 += 1,
            }
        }
    }
    words.0 > words.1
}

/// Whether `text` may hold a day in figures: a digit, a separator and a digit ("4/15",
/// "3.12", "27-5"), looked for byte by byte before any pattern is run.
fn has_figures_shape(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| {
        w[0].is_ascii_digit() && matches!(w[1], b'/' | b'.' | b'-') && w[2].is_ascii_digit()
    })
}

/// The month a heading names with its year and nothing else: "May 1916", "June, 1916".
pub(super) fn month_alone(heading: &str) -> Option<Point> {
    let (month, year) = heading.trim().trim_end_matches('.').split_once(' ')?;
    let month = crate::date::month_number(month.trim_end_matches(','))?;
    let year: i32 = year.trim().parse().ok()?;
    (1000..2100)
        .contains(&year)
        .then(|| Point::month(year, month))
}

/// The year a heading ends on, when it names no other: "1. Petition to the Governor of the
/// State, 1912", "Letters from the Front, 1916". Not "From 1917 to 1930", nor "The War of
/// 1812 in the West" (a name).
pub(super) fn closing_year(heading: &str) -> Option<i32> {
    let mut years = crate::text::years(heading);
    let year = years.next().filter(|_| years.next().is_none())?;
    let head = heading.trim_end().trim_end_matches(['.', ')']);
    let before = head.strip_suffix(year.to_string().as_str())?.trim_end();
    before.ends_with([',', ':', '—', '–', '(']).then_some(year)
}

/// A heading that is a year and nothing else: "1858", "1858.".
pub(super) fn year_alone(heading: &str) -> Option<i32> {
    let year = heading.trim().trim_end_matches('.');
    let digits = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
    digits.then(|| year.parse().ok()).flatten()
}

/// Whether a heading names a body's sitting beside its day: "House of Representatives —
/// Tuesday, 10 November 1863", "Legislative Council, 3 May 1871", "Proceedings of the
/// Synod".
pub(super) fn names_a_sitting(heading: &str) -> bool {
    const SITTING: &[&str] = &[
        "house",
        "commons",
        "lords",
        "representatives",
        "assembly",
        "council",
        "senate",
        "chamber",
        "parliament",
        "congress",
        "conference",
        "committee",
        "consistory",
        "court",
        "synod",
        "vestry",
        "board",
        "meeting",
        "session",
        "sitting",
        "proceedings",
        "minutes",
        "debate",
        "debates",
        "hearing",
        "inquiry",
        "trial",
    ];
    heading
        .split(|c: char| !c.is_alphabetic())
        .any(|word| SITTING.contains(&word.to_lowercase().as_str()))
}

/// Whether a heading without a date heads a day's sitting, its date on the line below:
/// "Third Day", "Morning sitting" (not "The march", nor "Introduction").
pub(super) fn heads_a_days_sitting(heading: &str) -> bool {
    let words: Vec<String> = (heading.split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let of_a_sitting = |w: &String| matches!(w.as_str(), "day" | "sitting" | "session");
    words.iter().any(of_a_sitting) && names_only_a_day(heading)
}

/// A day as the journals of the House of Commons head it: "Jovis, 8° die Maii, 1851".
pub(super) fn latin_day(heading: &str) -> Option<Point> {
    static LATIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"^(?:Lunae|Martis|Mercurii|Jovis|Veneris|Sabbati|Solis|Dominica|Dominicae)[,.]?\s+",
            r"([1-9]|[12][0-9]|3[01])°?\s+die\s+",
            r"(Januarii|Februarii|Martii|Aprilis|Maii|Junii|Julii|Augusti|Septembris|Octobris|Novembris|Decembris)",
            r"[,.]?\s+(1[0-9]{3})\.?$",
        ))
        .expect("a valid pattern")
    });
    const MONTHS: [&str; 12] = [
        "Januarii",
        "Februarii",
        "Martii",
        "Aprilis",
        "Maii",
        "Junii",
        "Julii",
        "Augusti",
        "Septembris",
        "Octobris",
        "Novembris",
        "Decembris",
    ];
    let day = LATIN.captures(heading.trim())?;
    let month = MONTHS.iter().position(|m| *m == &day[2])? as u32 + 1;
    let point = Point::day(day[3].parse().ok()?, month, day[1].parse().ok()?);
    point.is_valid().then_some(point)
}

/// Whether a paragraph is in questions and answers, as evidence is taken down: "Was anyone
/// struck?—No one was struck.", "Q. How long had you served? A. Since 1899."
pub(super) fn is_questioned(text: &str) -> bool {
    text.contains("?—")
        || text.contains("? —")
        || ["Q.", "Q:", "A.", "A:"].iter().any(|q| text.starts_with(q))
}

/// Whether the sentence at `sentence` asks: "Q. Describe what happened …", "Were you in
/// the town?"
pub(super) fn is_question(text: &str, sentence: &Range<usize>) -> bool {
    let said = &text[sentence.clone()];
    said.starts_with("Q. ") || said.starts_with("Q: ") || said.trim_end().ends_with('?')
}

/// Whether an answer tells what happened: a verb in the past, no comment in the present.
pub(super) fn answers_in_the_past(said: &str) -> bool {
    const TOLD: &[&str] = &[
        "had", "did", "said", "saw", "told", "gave", "got", "gone", "knew", "heard", "found",
        "left", "sent", "kept", "brought", "thought", "ran", "fell",
    ];
    let mut words = said
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase);
    words.any(|w| is_past_tense(&w) || TOLD.contains(&w.as_str()))
        && !is_commentary_or_plan(said, said)
}

/// Verbs of what is said or done at a sitting: "Mr Stoop observed", "The House divided".
pub(super) const DONE_AT_A_SITTING: &[&str] = &[
    "said",
    "answered",
    "replied",
    "declared",
    "observed",
    "reported",
    "moved",
    "asked",
    "read",
    "resolved",
    "adjourned",
    "met",
    "heard",
    "showed",
    "desired",
    "proposed",
    "agreed",
    "voted",
    "stated",
    "opened",
    "presented",
    "prayed",
    "seconded",
    "elected",
    "appointed",
    "decided",
    "approved",
    "rejected",
    "explained",
    "announced",
    "submitted",
    "protested",
    "demanded",
    "withdrew",
    "accepted",
    "refused",
    "objected",
    "declined",
    "recommended",
    "ordered",
    "requested",
    "urged",
    "argued",
    "complained",
    "confirmed",
    "thanked",
    "closed",
    "laid",
    "produced",
    "considered",
    "discussed",
    "examined",
    "noted",
    "charged",
    "ruled",
    "found",
    "sentenced",
    "sustained",
    "overruled",
    "sat",
    "testified",
    "deposed",
    "sworn",
    "deliberated",
    "acquitted",
    "chair",
    "assembled",
    "reassembled",
    "convened",
    "reconvened",
    "took",
    "rose",
    "divided",
    "negatived",
    "put",
    "gave",
    "reminded",
    "carried",
    "resumed",
    "spoke",
    "added",
    "insisted",
    "denied",
    "admitted",
    "promised",
];

/// The words of a sentence up to the first comma after its verb, and before its "that",
/// "whether" and "until": "THE PRESIDENT noted" of "THE PRESIDENT noted that the witness
/// had said …", "The mayor, citizen Gaudin, reported" of "The mayor, citizen Gaudin,
/// reported that …", "the court adjourned" of "… adjourned until ten o'clock the following
/// morning".
pub(super) fn main_clause(said: &str) -> &str {
    let verb_before = |end: usize| {
        has_verb(&said[..end])
            || (said[..end].split(|c: char| !c.is_alphabetic()))
                .any(|word| DONE_AT_A_SITTING.contains(&word.to_lowercase().as_str()))
    };
    let end = (said.match_indices([',', ';', ':']))
        .map(|(at, _)| at)
        .find(|&at| verb_before(at))
        .unwrap_or(said.len());
    let clause = &said[..end];
    let clause = clause.split(" that ").next().unwrap_or(clause);
    let clause = clause.split(" whether ").next().unwrap_or(clause);
    let clause = clause.split(" adjourned to ").next().unwrap_or(clause);
    clause.split(" until ").next().unwrap_or(clause)
}

/// Whether a sentence of a sitting's record with no date of its own is of the sitting's
/// day: one whose main clause tells what was said or done there ("Mr Stoop observed that
/// …", "The meeting adjourned at five", "Met again the next morning"), not a witness's
/// answer (questions and answers run "?—"), a question, a plan or a present comment ("The
/// letter makes no mention of …").
pub(super) fn of_the_sittings_day(text: &str, sentence: Range<usize>) -> bool {
    let said = &text[sentence];
    if is_questioned(text) || said.trim_end().ends_with('?') {
        return false;
    }
    let main = main_clause(said);
    let mut words = main
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let first_person = matches!(words.clone().next(), Some("I" | "We" | "You"));
    !first_person
        && words.any(|word| DONE_AT_A_SITTING.contains(&word.to_lowercase().as_str()))
        && !is_commentary_or_plan(main, main)
        && !main.contains("tomorrow")
}

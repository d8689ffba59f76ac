//! Days written as older texts and other calendars write them: in words ("the twenty-ninth
//! of July one thousand seven hundred and eighty-nine"), in the French Republican calendar
//! ("9 Thermidor Year II"), and one day named in both the Julian and the Gregorian calendar.

use std::sync::LazyLock;

use regex::Regex;

use super::{Dating, Found, OLD_STYLE, Reading};
use crate::date::{HistoricalDate, Point};
use crate::text::numbers::{TENS, UNITS};

/// The New Style and Old Style day of a sentence that names one day in both calendars and
/// speaks of calendars ("by our calendar it was the 5th of September", "the 13th by the
/// reckoning of Dordrecht"): two of its days of which one is the other in the Julian
/// calendar.
pub(super) fn dual_dated(said: &str, placed: &[Option<Dating>]) -> Option<(Point, Point)> {
    const CALENDARS: &[&str] = &[
        "style",
        "calendar",
        "reckoning",
        "o.s.",
        "n.s.",
        "julian",
        "gregorian",
    ];
    let lower = said.to_lowercase();
    if !CALENDARS.iter().any(|word| lower.contains(word)) {
        return None;
    }
    let days: Vec<Point> = (placed.iter().flatten())
        .filter(|d| !d.date.is_range && d.date.set.is_none())
        .filter_map(|d| d.date.start.filter(|p| p.day.is_some()))
        .collect();
    days.iter().enumerate().find_map(|(at, &first)| {
        days[at + 1..].iter().find_map(|&second| {
            if first.to_new_style() == second {
                Some((second, first))
            } else if second.to_new_style() == first {
                Some((first, second))
            } else {
                None
            }
        })
    })
}

/// The months of the French Republican calendar, in order, with and without their accents.
pub(super) const REPUBLICAN_MONTHS: [&str; 12] = [
    "Vend[ée]miaire",
    "Brumaire",
    "Frimaire",
    "Niv[ôo]se",
    "Pluvi[ôo]se",
    "Vent[ôo]se",
    "Germinal",
    "Flor[ée]al",
    "Prairial",
    "Messidor",
    "Thermidor",
    "Fructidor",
];

/// The Gregorian day of 1 Vendémiaire of the Republic's years I to XIV (the calendar ran
/// from 22 September 1792 to 31 December 1805), as the decree of 1793 fixed it by the
/// equinox.
pub(super) const FIRST_OF_VENDEMIAIRE: [(i32, u32); 14] = [
    (1792, 22),
    (1793, 22),
    (1794, 22),
    (1795, 23),
    (1796, 22),
    (1797, 22),
    (1798, 22),
    (1799, 23),
    (1800, 23),
    (1801, 23),
    (1802, 23),
    (1803, 24),
    (1804, 23),
    (1805, 23),
];

/// The Gregorian day of a day of the Republican calendar (its year from I, its month from 0).
pub(super) fn republican_day(year: usize, month: usize, day: i64) -> Option<Point> {
    let &(first_year, first_day) = FIRST_OF_VENDEMIAIRE.get(year.checked_sub(1)?)?;
    let first = Point::day(first_year, 9, first_day);
    first.plus_days(month as i64 * 30 + day - 1)
}

/// The Republican year and month a heading names with its day: "Session of the 20th
/// Frimaire, Year II" is Frimaire of Year II.
pub(super) fn republican_month_named(heading: &str) -> Option<(usize, usize)> {
    let captures = REPUBLICAN_DAYS.captures(heading)?;
    captures.get(1)?;
    Some((
        republican_year(captures.get(3)?.as_str())?,
        republican_month(&captures[2])?,
    ))
}

/// A Republican year, in Roman or Arabic figures.
pub(super) fn republican_year(word: &str) -> Option<usize> {
    word.parse::<usize>()
        .ok()
        .or_else(|| crate::entity::aliases::ordinal_number(word))
}

/// The index of a Republican month (0, Vendémiaire), with or without its accents.
pub(super) fn republican_month(name: &str) -> Option<usize> {
    let folded = name.to_lowercase().replace('é', "e").replace('ô', "o");
    (REPUBLICAN_MONTHS.iter())
        .position(|m| m.replace(['[', ']', 'é', 'ô'], "").to_lowercase() == folded)
}

/// A day or a month of the Republican calendar, with its year or not.
pub(super) static REPUBLICAN_DAYS: LazyLock<Regex> = LazyLock::new(|| {
    let months = REPUBLICAN_MONTHS.join("|");
    Regex::new(&format!(
        r"(?:(?:[Tt]he )?([1-9]|[12][0-9]|30)(?:st|nd|rd|th|er)? (?:of )?)?({months})(?:,? (?:of )?(?:the )?[Yy]ear ([IVX]{{1,5}}|[1-9][0-9]?)(?-u:\b))?"
    ))
    .expect("a valid pattern")
});

/// "9 Thermidor Year II", "the 20th Frimaire, Year II of the French Republic", "Brumaire
/// Year III": the Republican calendar's days and months, in the Gregorian calendar. A day
/// without its year takes the year the paragraph names before it ("… Year II. On 13
/// Thermidor …").
pub(super) fn republican_dates(text: &str) -> Vec<Found> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[Yy]ear ([IVX]{1,5}|[1-9][0-9]?)(?-u:\b)").expect("a valid pattern")
    });
    // The months' names first, a search the regex crate makes fast (the day before them is
    // optional, and would otherwise be looked for at every "the").
    static MONTHS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&REPUBLICAN_MONTHS.join("|")).expect("a valid pattern"));
    if !MONTHS.is_match(text) || !REPUBLICAN_DAYS.is_match(text) {
        return Vec::new();
    }
    REPUBLICAN_DAYS
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let month = republican_month(&c[2])?;
            let year = match c.get(3) {
                Some(year) => republican_year(year.as_str())?,
                None => {
                    let before = YEAR.captures_iter(&text[..whole.start()]).last()?;
                    republican_year(&before[1])?
                }
            };
            let day_of = |day: i64| republican_day(year, month, day);
            let date = match c.get(1).and_then(|d| d.as_str().parse::<i64>().ok()) {
                Some(day) => HistoricalDate::single(day_of(day)?),
                // A month of the Republic runs across two of ours: its first and last day.
                None if c.get(3).is_some() => HistoricalDate::range(day_of(1)?, day_of(30)?),
                None => return None,
            };
            Some(Found {
                span: whole.range(),
                reading: Reading::Dated(Dating {
                    date,
                    old_style: false,
                }),
            })
        })
        .collect()
}

/// "The second of December", "the twenty-ninth of December, 1905, old style", "the
/// fifth day of May of nineteen hundred and fifteen", "the eighth day of the month of June
/// of the year 1913": a day in words, as older texts, memoirs and acts write it.
pub(super) fn days_in_words(text: &str) -> Vec<Found> {
    static DAYS: LazyLock<Regex> = LazyLock::new(|| {
        let ordinal = r"((?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)";
        Regex::new(&format!(
            r"(?-u:\b)[Tt]he {ordinal} (?:day )?of (?:the month of )?(January|February|March|April|May|June|July|August|September|October|November|December)(?:,? (?:of |in )?(?:the year )?(1[0-9]{{3}}|{YEAR_IN_WORDS}))?{OLD_STYLE}"
        ))
        .expect("a valid pattern")
    });
    // Each names a month: a paragraph without one is not searched for "the" and an ordinal.
    if !super::MONTH_NAMES.is_match(text) || !DAYS.is_match(text) {
        return Vec::new();
    }
    DAYS.captures_iter(text)
        .filter_map(|c| {
            let day = crate::entity::aliases::ordinal_number(c.get(1)?.as_str())? as u32;
            let month = crate::date::month_number(c.get(2)?.as_str())?;
            let old_style = c.get(4).is_some();
            let year = c.get(3).map(|y| y.as_str());
            let year = year.and_then(|y| y.parse().ok().or_else(|| year_in_words(y)));
            let reading = match year {
                Some(year) => {
                    let point = Point::day(year, month, day);
                    point.is_valid().then_some(())?;
                    Reading::Dated(Dating {
                        date: HistoricalDate::single(point),
                        old_style,
                    })
                }
                None => Reading::NoYear {
                    start: (month, day),
                    end: None,
                    old_style,
                },
            };
            Some(Found {
                span: c.get(0)?.range(),
                reading,
            })
        })
        .collect()
}

/// A year in words, as registers write it: "one thousand seven hundred and eighty-nine",
/// "seventeen hundred and ninety" (the longer words first, so that "eighty" is not "eight").
pub(super) const YEAR_IN_WORDS: &str = r"(?:one thousand|sixteen hundred|seventeen hundred|eighteen hundred|nineteen hundred)(?:[ -](?:seventeen|thirteen|fourteen|eighteen|nineteen|fifteen|sixteen|seventy|hundred|eleven|twelve|twenty|thirty|eighty|ninety|three|seven|eight|forty|fifty|sixty|four|five|nine|and|one|two|six|ten))*";

/// The number a year in words stands for.
pub(super) fn year_in_words(words: &str) -> Option<i32> {
    let (mut total, mut current) = (0, 0);
    for word in words
        .split([' ', '-'])
        .filter(|w| !w.is_empty() && *w != "and")
    {
        if let Some(value) = UNITS.iter().position(|u| *u == word) {
            current += value as i32;
        } else if let Some(tens) = TENS.iter().position(|t| !t.is_empty() && *t == word) {
            current += tens as i32 * 10;
        } else if word == "hundred" {
            current *= 100;
        } else if word == "thousand" {
            total += current * 1000;
            current = 0;
        } else {
            return None;
        }
    }
    Some(total + current).filter(|year| (1000..2100).contains(year))
}

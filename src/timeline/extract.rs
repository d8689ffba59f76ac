//! Dated statements in prose: the dates a sentence carries, read as a careful reader reads
//! them. Full dates in both orders, months, ranges, seasons and parts of a year, economic
//! years, Roman-numeral months, Old Style remarks; a day and month without a year take the
//! nearest earlier explicit year of the same section, and are not placed where there is none.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::date::{HistoricalDate, Point, YearPart};

mod calendars;
mod records;

use crate::markdown::ParagraphText;
use crate::text::sentences;
#[cfg(test)]
use calendars::year_in_words;
use calendars::{
    days_in_words, dual_dated, republican_dates, republican_day, republican_month_named,
};
use records::{
    answers_in_the_past, closing_year, days_in_figures, heads_a_days_sitting, is_question,
    is_questioned, latin_day, main_clause, month_alone, names_a_sitting, names_only_a_day,
    numeric_day, of_the_sittings_day, writes_month_first, year_alone,
};

/// A date read in a text: where it stands and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    span: Range<usize>,
    reading: Reading,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reading {
    /// A date that carries its own year.
    Dated(Dating),
    /// Day and month (or a range of them) whose year the context gives: `(month, day)`.
    NoYear {
        start: (u32, u32),
        end: Option<(u32, u32)>,
        old_style: bool,
    },
    /// "in 1921": a date only where it is the sentence's only one; "around 1930" is
    /// approximate.
    BareYear { year: i32, approximate: bool },
    /// "That winter", "the following spring", "the next year": a season or a year told from
    /// the context's. `part` is `None` for the whole year.
    Relative { part: Option<YearPart>, turn: Turn },
    /// "Yesterday", "on Thursday", "the next morning": a day told from the day a letter or
    /// a diary's entry is dated, or from the last day the narrative placed.
    RelativeDay(DayTurn),
    /// "Last year", "October last", "last winter", "Lady Day last": a time told back from
    /// the day a letter, a report or a sitting is dated.
    Back(Back),
}

/// A time told back from the day of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Back {
    /// "the present year" (0), "last year" (1), "the year before last" (2).
    Years(i32),
    /// "last December", "October last": the last such month before the writing; "June of
    /// last year": of the year so many before.
    Month { month: u32, years: Option<i32> },
    /// "last winter": the last such season ended or begun before the writing.
    Part(YearPart),
    /// "Lady Day last", "Michaelmas last": the feast's last day before the writing.
    Feast(u32, u32),
}

/// Which day a relative day means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayTurn {
    /// Days from the letter's date: "yesterday" is -1, "this morning" 0.
    FromLetter(i64),
    /// Days from the last day placed: "the next morning" is 1, "that evening" 0.
    FromLast(i64),
    /// The last such day of the week before the letter's date (Monday 0), or that day of the
    /// week before: "on Thursday", "on Monday of last week".
    Weekday { weekday: u32, last_week: bool },
    /// A day of the month alone: "on the 14th" of the month the text is at, "the 14th
    /// ultimo" of the month before a letter's, "the 2nd instant" of the letter's own.
    OfTheMonth { day: u32, months_back: Option<u32> },
    /// "The 23rd following": the first such day of the month after the day the text is at.
    Following(u32),
    /// "The following Tuesday", "the Wednesday following": the first such day of the week
    /// after the last day placed (Monday 0).
    NextWeekday(u32),
}

/// Which of a season's or a year's turns a relative time means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// "that winter", "the same year".
    Same,
    /// "the following spring": the first after the last time placed.
    Next,
    /// "the previous autumn".
    Previous,
}

/// The head of a diary's or a log's entry, and the day or days the entry is of.
struct Entry {
    head: Range<usize>,
    date: HistoricalDate,
    /// A log's entry ("4th. Bn. relieved 9th Bn. …"), every line of which is of its day.
    log: bool,
}

impl Entry {
    fn on(head: Range<usize>, day: Point) -> Entry {
        Entry {
            head,
            date: HistoricalDate::single(day),
            log: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Dating {
    date: HistoricalDate,
    old_style: bool,
}

/// A sentence that carries a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The id of its paragraph.
    pub anchor: String,
    /// The sentence, within the paragraph's text.
    pub sentence: Range<usize>,
    /// New Style.
    pub date: HistoricalDate,
    /// The Old Style date, where the source gives one.
    pub old_style: Option<HistoricalDate>,
    /// Dated by the event of the registry it tells of, not by a date of its own.
    pub at_event: bool,
}

/// How many paragraphs a year given in the text serves the days after it that name none
/// ("On 5 March"): beyond that, a year stated pages before in a retrospect ("her statement
/// of 1926") would date a later narrative, so such a day is left off the timeline rather
/// than misplaced.
const CONTEXT_PARAGRAPHS: usize = 8;

/// Words before a bare year that look away from the narrative's own time ("before 1956",
/// "a statement from 1926"): such a year gives no year to the days after it.
const LOOKING_AWAY: &[&str] = &["before", "after", "until", "till", "since", "from", "by"];

/// Reads the paragraphs of one page in order, keeping the year of the context.
#[derive(Default)]
pub struct Extractor {
    year: Option<i32>,
    /// How many paragraphs with a date have been read, and at which of them `year` was set.
    paragraphs: usize,
    year_set_at: usize,
    /// The days named with their year, and in which paragraph: "On 16 October" shortly
    /// after "the meeting of 16 (29) October 1917" is that day, whatever year the text went
    /// on to speak of in between.
    named_days: HashMap<(u32, u32), (i32, usize, bool)>,
    /// Where the paragraph being read names an event of the registry, and the event's first
    /// point in time.
    events_named: Vec<(usize, Point)>,
    /// The last day or month placed in the section.
    last: Option<Point>,
    section: Option<usize>,
    /// The document's own date (its front matter's): the year of a dateline that gives none.
    document: Option<Point>,
    /// Whether the day the text is told from is a news report's dateline, which holds for
    /// the whole report.
    under_dateline: bool,
    /// The last day a letter, an entry or a report was dated: the year of a letter dated
    /// by its day and month alone.
    last_written: Option<Point>,
    /// The day of the last diary entry read: the month an entry that names only its day is
    /// of ("Tuesday 6th" after "Monday 5th September 1661").
    last_entry: Option<Point>,
    /// The day the section is dated, when its heading or its first line dates it as a
    /// letter or a diary's entry is ("Saltby, 27 August 1889"): what "yesterday" is told
    /// from.
    written: Option<Point>,
    /// The day of an entry whose head is the line before ("Saturday 3d."): the day of the
    /// paragraph to come.
    entry_below: Option<Point>,
    /// The days of the last entry of a log in this section: what a line that opens on a
    /// time of day after it ("7.50 a.m. Lt.-Col. Thwaite killed …") is of.
    log_day: Option<HistoricalDate>,
    /// Whether the page writes its days in figures with the month first ("4/15/63"), as
    /// American texts do.
    month_first: bool,
    /// The Republican year and month (from 0, Vendémiaire) a section's heading dates it in
    /// ("Session of the 20th Frimaire, Year II"): the month its "the 18th" is of.
    republican: Option<(usize, usize)>,
    /// The New Style day before which the texts' unmarked days are Julian
    /// (`old_style_until`): they are read in the text's calendar, as its "yesterday" and
    /// "the 10th inst." are told, and placed at their New Style day at the end.
    old_style_until: Option<Point>,
    /// Whether the section is the record of its day, as a sitting's minutes or a diary's
    /// entry under a heading that is a day ("Monday the 16th, in the forenoon"): what the
    /// record says was said and done there is of that day.
    sitting: bool,
}

impl Extractor {
    /// The dated statements of a page's paragraphs. `names_entity(anchor, sentence)` says
    /// whether a sentence names a person, event or group of the registry (a bare year is
    /// read only in such a sentence); `events_named(anchor)`, where in the paragraph it names
    /// an event of the registry and the event's first day, month or year.
    pub fn page(
        paragraphs: &[ParagraphText],
        names_entity: &dyn Fn(&str, Range<usize>) -> bool,
        events_named: &dyn Fn(&str) -> Vec<(usize, Point)>,
    ) -> Vec<Statement> {
        Extractor::page_under((&[], None, None), paragraphs, names_entity, events_named)
    }

    /// The dated statements of a page whose headings (one a section, in order) are
    /// `headings`: a heading that is a day ("2. Saltby, 27 August 1889") dates its section
    /// as a letter is dated. `document` is the page's own date; `old_style_until`, the New
    /// Style day before which its unmarked days are Julian.
    pub fn page_under(
        (headings, document, old_style_until): (&[&str], Option<Point>, Option<Point>),
        paragraphs: &[ParagraphText],
        names_entity: &dyn Fn(&str, Range<usize>) -> bool,
        events_named: &dyn Fn(&str) -> Vec<(usize, Point)>,
    ) -> Vec<Statement> {
        let mut extractor = Extractor {
            document,
            old_style_until,
            month_first: writes_month_first(paragraphs.iter().map(|p| p.text.as_str())),
            ..Extractor::default()
        };
        let mut statements = Vec::new();
        let mut first_of_section = false;
        let mut sitting_dated_below = false;
        for paragraph in paragraphs {
            // A heading goes on with the narrative's year ("On 26 August" in "The
            // stoppage", after "The river in 1889"), not with its last day.
            if extractor.section != Some(paragraph.section) {
                extractor.section = Some(paragraph.section);
                let last = extractor.last.take();
                let before = if extractor.sitting {
                    extractor.written
                } else {
                    last
                };
                let heading = paragraph
                    .section
                    .checked_sub(1)
                    .and_then(|s| headings.get(s));
                // A report's dateline holds under its subheadings; a letter's date does not
                // pass to the next letter.
                extractor.republican = heading.and_then(|h| republican_month_named(h));
                // Annals by the year: "## 1858" is the year of what its section tells; so
                // is a heading's one year at its end ("1. Petition to the Governor, 1912").
                if let Some(year) = heading.and_then(|h| year_alone(h).or_else(|| closing_year(h)))
                {
                    extractor.set_year(year);
                }
                // A log by the month: "## May 1916" is the month its entries' days are of.
                let month_heading = heading.and_then(|h| month_alone(h));
                let day = heading.and_then(|h| extractor.heading_day(h));
                // "Third Day", its date on the line below: a sitting's record too.
                sitting_dated_below =
                    day.is_none() && heading.is_some_and(|h| heads_a_days_sitting(h));
                // A report's dateline and a sitting's day hold under its subheadings
                // ("Waipukeko Block" in a debate); a letter's date does not pass to the next
                // letter.
                // Not under a heading that names a time of its own ("The Freedom Bulletin,
                // Vol. 1, No. 2 — June 1963" after a meeting's minutes): a section of its own.
                let names_a_year = heading.is_some_and(|h| crate::text::years(h).next().is_some());
                let goes_on = day.is_none()
                    && !sitting_dated_below
                    && !names_a_year
                    && (extractor.under_dateline || extractor.sitting);
                if !goes_on {
                    extractor.date_the_section(day.map(|(day, _)| day));
                    extractor.under_dateline = false;
                    extractor.sitting = day.is_some_and(|(_, sitting)| sitting);
                }
                extractor.log_day = None;
                if let Some(month) = month_heading {
                    extractor.set_year(month.year);
                    extractor.last = Some(month);
                    extractor.last_entry = None;
                }
                // A sitting's minutes go on from the last: "Met again the next morning"
                // under "Tuesday the 17th" is the 17th.
                if let (Some(before), Some((day, true))) = (before, day)
                    && before.day.is_some()
                    && before.sort_key() < day.sort_key()
                {
                    extractor.last = Some(before);
                }
                first_of_section = true;
            }
            // A letter's first line may be its date: "Saltby, 27 August 1889."
            let dateline = first_of_section
                .then(|| extractor.letters_dateline(&paragraph.text))
                .flatten();
            first_of_section = false;
            if dateline.is_some() {
                extractor.date_the_section(dateline);
                extractor.sitting = sitting_dated_below;
                continue;
            }
            // A diary's entry may be headed by a line that is its day alone ("Jan. 1, 1863.",
            // "Saturday 3d."): the paragraph after it is of that day.
            if let Some(day) = extractor.entrys_head(&paragraph.text) {
                extractor.date_the_section(Some(day));
                extractor.last_entry = Some(day);
                extractor.entry_below = Some(day);
                continue;
            }
            if !is_prose(&paragraph.text) {
                continue;
            }
            let anchor = &paragraph.anchor;
            extractor.events_named = events_named(anchor);
            // The sentence a page break cut off gives its year to the text after it but
            // is no entry: "In April 1927," tells nothing.
            let cut_at = is_broken_off(&paragraph.text).then(|| paragraph.text.trim_end().len());
            for (sentence, date, old_style) in
                extractor.paragraph(&paragraph.text, &|range| names_entity(anchor, range))
            {
                if cut_at.is_some_and(|end| sentence.end >= end) {
                    continue;
                }
                let (date, old_style) = match old_style {
                    None if extractor.is_old_style(&date) => (date.to_new_style(), Some(date)),
                    marked => (date, marked),
                };
                statements.push(Statement {
                    anchor: anchor.clone(),
                    sentence,
                    date,
                    old_style,
                    at_event: false,
                });
            }
        }
        statements
    }

    /// The dated sentences of one paragraph: each with its first date (New Style, and the
    /// Old Style one where the text gives the date in the Old Style).
    pub fn paragraph(
        &mut self,
        text: &str,
        names_entity: &dyn Fn(Range<usize>) -> bool,
    ) -> Vec<(Range<usize>, HistoricalDate, Option<HistoricalDate>)> {
        let mut found = find_dates(text);
        self.paragraphs += 1;
        self.add_days_in_figures(text, &mut found);
        self.add_weekdays_of_months(text, &mut found);
        self.place_short_years(&mut found);
        give_months_their_years(text, &mut found);
        let (opened, entry) = match self.entry_below.take() {
            Some(day) => (true, Some(Entry::on(0..0, day))),
            None => self.open_dated_paragraph(text, &mut found),
        };
        if found.is_empty() && !opened && !self.sitting {
            // No sentence without a date is dated, nor does it change the context's year:
            // most paragraphs need not be cut into sentences at all.
            return Vec::new();
        }
        if self.paragraphs - self.year_set_at > CONTEXT_PARAGRAPHS {
            self.year = None;
        }
        let mut dated = Vec::new();
        let mut next = 0;
        let mut asked = None;
        for sentence in sentences(text) {
            let start = next;
            while next < found.len() && found[next].span.start < sentence.end {
                next += 1;
            }
            let read = self.sentence_as_told(text, sentence.clone(), &found[start..next]);
            let said = &text[sentence.clone()];
            if let Some((date, old_style)) = read {
                if is_question(text, &sentence) {
                    asked = Some(date.clone());
                }
                let date = self.as_said_at_the_sitting(text, sentence.clone(), date);
                dated.push((sentence, date, old_style));
            } else if let Some(date) = asked.as_ref().filter(|_| {
                is_questioned(text) && !is_question(text, &sentence) && answers_in_the_past(said)
            }) {
                // "Q. Describe what happened on the morning of 15 December. A. About nine
                // o'clock a crowd came …": an answer tells of the day it is asked about.
                dated.push((sentence, date.clone(), None));
            } else if let Some(day) = self.written.filter(|_| {
                self.sitting && entry.is_none() && of_the_sittings_day(text, sentence.clone())
            }) {
                dated.push((sentence, HistoricalDate::single(day), None));
            } else if let Some(entry) = &entry {
                // Every line of a log is of its day (not its head, "1st.", alone); in a
                // diary, its first sentence and those that name someone of the registry (not
                // "I feel low").
                // Nor the place it was written at, in capitals ("COUIN.").
                if sentence.end <= entry.head.end || !said.contains(char::is_lowercase) {
                    continue;
                }
                let first = entry.log || sentence.start <= entry.head.start;
                if of_the_entrys_day(&text[sentence.clone()], first, || {
                    names_entity(sentence.clone())
                }) {
                    dated.push((sentence, entry.date.clone(), None));
                }
            }
        }
        dated
    }

    /// What is said or done at a sitting is of its day, whatever its words date ("THE
    /// PRESIDENT noted that the witness had said on 20 January …"), and a time it names
    /// that holds the day is that day ("He said that he had served this church … until this
    /// present year").
    fn as_said_at_the_sitting(
        &self,
        text: &str,
        sentence: Range<usize>,
        date: HistoricalDate,
    ) -> HistoricalDate {
        // "The secretary reported that on Friday the agent had served a notice", "…that
        // yesterday, market day, a crowd stopped the carts": a day the report tells back to
        // from the sitting's is the day of what it reports.
        // Not where the report names a day of its own besides ("assembled the day before
        // yesterday under the law of 24 February last").
        let told_back_to = || {
            let said = &text[sentence.clone()];
            let lower = said.to_lowercase();
            const TOLD_BACK: &[&str] = &[
                "yesterday",
                "last night",
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ];
            TOLD_BACK.iter().any(|day| lower.contains(day))
                && !(find_dates(said).iter()).any(|f| {
                    matches!(
                        f.reading,
                        Reading::Dated(_) | Reading::NoYear { .. } | Reading::Back(_)
                    )
                })
        };
        match self.written {
            Some(day)
                if self.sitting
                    && !told_back_to()
                    && of_the_sittings_day(text, sentence.clone())
                    && (find_dates(main_clause(&text[sentence])).is_empty()
                        || date.start.is_some_and(|p| p.day.is_none())
                            && date.may_coincide(&HistoricalDate::single(day))) =>
            {
                HistoricalDate::single(day)
            }
            _ => date,
        }
    }

    /// A paragraph that opens on its own day: a diary's entry ("Tuesday 6th. — With Mr
    /// Thorne …"), whose sentences are of that day, or a news report's dateline, which dates
    /// what the report's "yesterday" and "tonight" are told from. The heading is no date of
    /// the first sentence's own, and is taken out of `found`. Whether the paragraph opened
    /// so, and the diary's entry, where its heading stands and its day.
    fn open_dated_paragraph(
        &mut self,
        text: &str,
        found: &mut Vec<Found>,
    ) -> (bool, Option<Entry>) {
        // Annals are not written on the day an entry opens on: its "on the 21st" is later
        // in the month, not the month before as in a letter.
        if let Some((head, time)) = self
            .annals_entry(text)
            .filter(|_| self.diary_entry(text).is_none())
        {
            self.set_year(time.year);
            self.written = None;
            self.last = Some(time).filter(|t| t.month.is_some());
            self.last_entry = self.last;
            found.retain(|f| f.span.start >= head.end);
            return (true, Some(Entry::on(head, time)));
        }
        if let Some((head, first, last)) = self.log_entry(text) {
            self.date_the_section(Some(first));
            self.last = Some(last);
            // The next entry may go back within these days ("2nd–14th. Training …", then
            // "11th. Church parade."): the month turns after the first.
            self.last_entry = Some(first);
            found.retain(|f| f.span.start >= head.end);
            let date = match first == last {
                true => HistoricalDate::single(first),
                false => HistoricalDate::range(first, last),
            };
            self.log_day = Some(date.clone());
            return (
                true,
                Some(Entry {
                    head,
                    date,
                    log: true,
                }),
            );
        }
        if let Some((head, day)) = self.diary_entry(text) {
            // The entry's "the next morning" is the morning after what the last entry told
            // (or a later day it named).
            let previous = [self.last, self.last_entry]
                .into_iter()
                .flatten()
                .max_by_key(Point::sort_key);
            self.date_the_section(Some(day));
            self.last = previous.or(Some(day));
            self.last_entry = Some(day);
            found.retain(|f| f.span.start >= head.end);
            return (true, Some(Entry::on(head, day)));
        }
        // "7.50 a.m. Lt.-Col. Thwaite killed …": the log's day goes on.
        let opens_on_time = crate::text::sentence::opens_on_time_of_day(text);
        if let Some(date) = self.log_day.clone().filter(|_| opens_on_time) {
            let head = 0..0;
            return (
                true,
                Some(Entry {
                    head,
                    date,
                    log: true,
                }),
            );
        }
        if let Some((head, day)) = self.news_dateline(text) {
            self.date_the_section(Some(day));
            self.under_dateline = true;
            self.sitting = false;
            found.retain(|f| f.span.start >= head.end);
            return (true, None);
        }
        (false, None)
    }

    /// The date of a sentence, read in a letter's or a report's time where it looks back a
    /// year: "Last year, on the night of Nov. 29, …" in a report dated 2 December 1947 is
    /// 1946, and the report goes on in its own year after it.
    fn sentence_as_told(
        &mut self,
        text: &str,
        sentence: Range<usize>,
        found: &[Found],
    ) -> Option<(HistoricalDate, Option<HistoricalDate>)> {
        let looked_back_a_year = self.written.filter(|_| {
            let said = text[sentence.clone()].to_lowercase();
            said.contains("last year") || said.contains("a year ago")
        });
        let Some(written) = looked_back_a_year else {
            return self.sentence(text, sentence, found);
        };
        let context = (self.year, self.year_set_at, self.last);
        self.set_year(written.year - 1);
        self.last = None;
        let read = self.sentence(text, sentence, found);
        (self.year, self.year_set_at, self.last) = context;
        read
    }

    /// The days the paragraph writes in figures ("On 4/15/63, a source advised …"), where
    /// no other form read them.
    fn add_days_in_figures(&self, text: &str, found: &mut Vec<Found>) {
        let reference = self.year.or(self.document.map(|d| d.year));
        let figures = days_in_figures(text, reference, self.month_first);
        if figures.is_empty() {
            return;
        }
        for (span, day) in figures {
            if !found
                .iter()
                .any(|f| f.span.start < span.end && span.start < f.span.end)
            {
                let dating = Dating {
                    date: HistoricalDate::single(day),
                    old_style: false,
                };
                found.push(Found {
                    span,
                    reading: Reading::Dated(dating),
                });
            }
        }
        found.sort_by_key(|f| f.span.start);
    }

    /// A weekday counted in its month ("the first Friday in April", "the 3rd Sunday in May",
    /// "the last Thursday of November 1963"), in the year it names, else the dated letter's
    /// or minutes', else the context's where its paragraph names a year. It stands for the
    /// month it names, which is read no more on its own.
    fn add_weekdays_of_months(&self, text: &str, found: &mut Vec<Found>) {
        static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
            let weekday = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
            let month = "(January|February|March|April|May|June|July|August|September|October|November|December)";
            Regex::new(&format!(
                r"(?-u:\b)(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+{weekday}\s+(?:in|of)\s+{month}(?:,?\s+([0-9]{{4}}))?(?-u:\b)"
            ))
            .expect("a valid pattern")
        });
        if !text.contains("day in ") && !text.contains("day of ") {
            return;
        }
        // The year of the letter or minutes it stands in, or one its paragraph names: a
        // weekday counted wrong by a year is a wrong day, where a month alone would be less
        // wrong (not the year a headnote's "died in 1991" left, in an interview of 1919).
        let named_here = crate::text::years(text).next().is_some();
        let reference = (self.written.map(|w| w.year)).or(self.year.filter(|_| named_here));
        for c in COUNTED.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            let year = (c.get(4).and_then(|y| y.as_str().parse().ok())).or(reference);
            let (Some(year), Some(weekday), Some(month)) = (
                year,
                weekday_number(&c[2]),
                crate::date::month_number(&c[3]),
            ) else {
                continue;
            };
            let Some(day) = weekday_of_month(year, month, weekday, &c[1]) else {
                continue;
            };
            found.retain(|f| !(whole.start() <= f.span.start && f.span.end <= whole.end()));
            let dating = Dating {
                date: HistoricalDate::single(day),
                old_style: false,
            };
            found.push(Found {
                span: whole.range(),
                reading: Reading::Dated(dating),
            });
        }
        found.sort_by_key(|f| f.span.start);
    }

    /// A year of two digits ("in '46") in the century of the context's year, or of the
    /// document's date; not one more than twenty years after it ("in '98" in a text of
    /// 1947 is 1898). With neither, it is not read.
    fn place_short_years(&self, found: &mut Vec<Found>) {
        let reference = self.year.or(self.document.map(|d| d.year));
        found.retain_mut(|f| match &mut f.reading {
            Reading::BareYear { year, .. } if *year < 100 => match reference {
                Some(reference) => {
                    let century = reference - reference.rem_euclid(100);
                    let placed = century + *year;
                    *year = if placed > reference + 20 {
                        placed - 100
                    } else {
                        placed
                    };
                    true
                }
                None => false,
            },
            _ => true,
        });
    }

    /// The day a news report's dateline gives, and where it stands: "OKE-ADO, Nigeria, Dec.
    /// 2 (ANP) — …", "LONDON, Tuesday, May 4, 1926 —". A dateline without its year takes
    /// the year of the document's date (the year before, when its month is later).
    fn news_dateline(&self, text: &str) -> Option<(Range<usize>, Point)> {
        static LINE: LazyLock<Regex> = LazyLock::new(|| {
            let place = r"\p{Lu}[\p{L}.'’ -]*(?:,\s*\p{Lu}[\p{L}.'’ -]*)*";
            let weekday = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
            let month = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?";
            let day = r"([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?";
            Regex::new(&format!(
                r"^{place},\s*(?:{weekday},?\s+)?{month}\s+{day}(?:,?\s+(1[0-9]{{3}}))?\.?\s*(?:\([^)]{{1,20}}\)\s*)?(?:—|–|--)\s*"
            ))
            .expect("a valid pattern")
        });
        let Some(line) = LINE.captures(text) else {
            return self.weekday_dateline(text);
        };
        let month = month_named(line.get(1)?.as_str())?;
        let day: u32 = line.get(2)?.as_str().parse().ok()?;
        // The issue's own day, where a heading gives it, before the document's.
        let issue = self.written.or(self.document);
        let year = match line.get(3).and_then(|y| y.as_str().parse().ok()) {
            Some(year) => year,
            None => match issue {
                Some(Point {
                    year,
                    month: Some(document_month),
                    ..
                }) if month > document_month => year - 1,
                Some(document) => document.year,
                None => self.year?,
            },
        };
        let point = Point::day(year, month, day);
        point.is_valid().then_some((line.get(0)?.range(), point))
    }

    /// A dateline that gives the day of the week alone ("LIBAU, Friday night.—"): the last
    /// such day on or before the day the paper is dated (its issue's heading, or the
    /// document's date).
    fn weekday_dateline(&self, text: &str) -> Option<(Range<usize>, Point)> {
        static LINE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\p{Lu}[\p{Lu}\p{Lu}.'’ -]*(?:,\s*\p{Lu}[\p{L}.'’ -]*)*,\s*(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\.?\s*(?:—|–|--)\s*",
            )
            .expect("a valid pattern")
        });
        let line = LINE.captures(text)?;
        let issue = self.written.or(self.document).filter(|p| p.day.is_some())?;
        let weekday = i64::from(weekday_number(&line[1])?);
        let back = (i64::from(self.weekday_of(issue)?) - weekday).rem_euclid(7);
        Some((line.get(0)?.range(), issue.plus_days(-back)?))
    }

    /// The time an entry of annals opens on, where it is no day a diary's would be: "1858.
    /// — …" (its year), "1860. — March. — …", "November. — …" (a month of the year the
    /// annals are at), "1859. — January 11. — …".
    fn annals_entry(&self, text: &str) -> Option<(Range<usize>, Point)> {
        static HEAD: LazyLock<Regex> = LazyLock::new(|| {
            let month = "(January|February|March|April|May|June|July|August|September|October|November|December)";
            Regex::new(&format!(
                r"^(?:(1[0-9]{{3}})\.\s*(?:—|–|--)\s*)?(?:{month}(?:\s+([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?)?\.?\s*(?:—|–|--)\s*)?"
            ))
            .expect("a valid pattern")
        });
        let head = HEAD.captures(text)?;
        let whole = head.get(0).filter(|m| !m.is_empty())?;
        let year = match head.get(1) {
            Some(year) => year.as_str().parse().ok()?,
            None => self.year?,
        };
        let point = match head.get(2) {
            None => Point::year(year),
            Some(month) => {
                let month = crate::date::month_number(month.as_str())?;
                match head.get(3).and_then(|d| d.as_str().parse().ok()) {
                    Some(day) => Point::day(year, month, day),
                    None => Point::month(year, month),
                }
            }
        };
        point.is_valid().then_some((whole.range(), point))
    }

    /// The day a diary's entry opens on, and where its heading stands: "Tuesday 6th. —",
    /// "October 10, Monday. —", "January 2nd 1662. —", "Thursday 8th December:". A day
    /// without its month is of the last month placed, or of the next when it is earlier
    /// than the last day (a diary runs forward) or its day of the week says so.
    fn diary_entry(&self, text: &str) -> Option<(Range<usize>, Point)> {
        static HEAD: LazyLock<Regex> = LazyLock::new(|| {
            let weekday = "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
            let month = "(January|February|March|April|May|June|July|August|September|October|November|December)";
            let day = r"([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?";
            Regex::new(&format!(
                r"^(?:{weekday},?\s+)?(?:{day}(?:\s+{month})?|{month}\s+{day})(?:,?\s+(1[0-9]{{3}}))?(?:,?\s+{weekday})?\.?\s*(?:—|–|--|:)\s"
            ))
            .expect("a valid pattern")
        });
        let head = HEAD.captures(text)?;
        let number = |group: usize| head.get(group).and_then(|m| m.as_str().parse::<u32>().ok());
        let day = number(2).or_else(|| number(5))?;
        let named_month = head.get(3).or_else(|| head.get(4)).map(|m| m.as_str());
        let weekday = head.get(1).or_else(|| head.get(7)).map(|m| m.as_str());
        let year = head
            .get(6)
            .and_then(|m| m.as_str().parse().ok())
            .or(self.year)?;
        let mut point = match named_month {
            Some(name) => Point::day(year, crate::date::month_number(name)?, day),
            None => {
                let last = self.last_entry.or(self.last).filter(|p| p.year == year)?;
                let month = last.month?;
                let point = Point::day(year, month, day);
                if last.day.is_some_and(|last_day| day < last_day) {
                    next_month(point)
                } else {
                    point
                }
            }
        };
        let wanted = weekday.and_then(weekday_number);
        if named_month.is_none()
            && wanted.is_some_and(|w| self.weekday_of(point) != Some(w))
            && self.weekday_of(next_month(point)) == wanted
        {
            point = next_month(point);
        }
        point.is_valid().then_some((head.get(0)?.range(), point))
    }

    /// The day or days a log's entry opens on under its month's heading, as a war diary or a
    /// ship's log writes them: "1st. COUIN. Bn. in Bde. reserve.", "5th–8th. Enemy artillery
    /// active", "Night 14/15th. Raid on …", "1.7.16. 3.40 a.m. Bn. reported in position". Its first and last day, of the month the text is
    /// at (the next, when the day is earlier than the last entry's).
    fn log_entry(&self, text: &str) -> Option<(Range<usize>, Point, Point)> {
        static HEAD: LazyLock<Regex> = LazyLock::new(|| {
            let day = r"([1-9]|[12][0-9]|3[01])";
            let suffix = "(?:st|nd|rd|th|d)";
            Regex::new(&format!(
                r"^(?:Night\s+(?:of\s+)?)?{day}(?:{suffix}(?:\s*[–-]\s*{day}{suffix})?|{suffix}?/{day}{suffix}?)\.\s+"
            ))
            .expect("a valid pattern")
        });
        // "1.7.16. 3.40 a.m. Bn. reported in position": its day in figures.
        static IN_FIGURES: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[0-3]?[0-9]\.[01]?[0-9]\.(?:[0-9]{2}|[0-9]{4})\.\s+")
                .expect("a valid pattern")
        });
        if let Some(head) = IN_FIGURES.find(text) {
            let reference = self.year.or(self.document.map(|d| d.year));
            let day = numeric_day(head.as_str().trim_end(), reference, self.month_first)?;
            return Some((head.range(), day, day));
        }
        let head = HEAD.captures(text)?;
        let number = |group: usize| head.get(group).and_then(|m| m.as_str().parse::<u32>().ok());
        let (first, last) = (number(1)?, number(2).or_else(|| number(3)));
        let month = self
            .last_entry
            .or(self.last)
            .filter(|p| p.month.is_some())?;
        let mut start = Point::day(month.year, month.month?, first);
        if self
            .last_entry
            .and_then(|p| p.day)
            .is_some_and(|before| first < before)
        {
            start = next_month(start);
        }
        let mut end = match last {
            Some(last) => Point::day(start.year, start.month?, last),
            None => start,
        };
        if end.day < start.day {
            end = next_month(end);
        }
        (start.is_valid() && end.is_valid()).then_some((head.get(0)?.range(), start, end))
    }

    /// With no year in its context, a day or a month takes the year of the event of the
    /// registry the sentence names, the year that sets it nearest the event: "On 11 January
    /// the Politburo confirmed that Lenin would report to the Congress" (April 1923) is 11
    /// January 1923.
    fn year_of_event_named(&self, text: &str, sentence: &Range<usize>, month: u32) -> Option<i32> {
        // Not an event named in an aside: "(of the sixty elected at the Twelfth Congress)".
        let (_, event) = (self.events_named.iter()).find(|(at, _)| {
            sentence.contains(at) && !in_aside(text, sentence.start, &(*at..*at))
        })?;
        // The event's own year, unless the day is more than half a year from it.
        let distance = i64::from(month) - i64::from(event.month.unwrap_or(month));
        Some(match distance {
            7.. => event.year - 1,
            ..=-7 => event.year + 1,
            _ => event.year,
        })
    }

    /// The season or year a relative time names, from the context's year and the last time
    /// placed in it: "the following spring" after October 1848 is the spring of 1849, after
    /// January 1848 the spring of 1848.
    fn relative(&self, part: Option<YearPart>, turn: Turn) -> Option<Dating> {
        let year = self.year?;
        let last_month = self.last.filter(|p| p.year == year).and_then(|p| p.month);
        let year = match (turn, part) {
            // A winter begins in December: "that winter" after January 1893 is the one
            // that began in 1892; "the following winter" after December, the next year's;
            // "the previous winter" after February, the one before last.
            (turn, Some(YearPart::Winter)) => {
                let in_its_first_months = last_month.is_some_and(|month| month <= 2);
                match turn {
                    Turn::Same if in_its_first_months => year - 1,
                    Turn::Same => year,
                    Turn::Next if last_month == Some(12) => year + 1,
                    Turn::Next => year,
                    Turn::Previous if in_its_first_months => year - 2,
                    Turn::Previous => year - 1,
                }
            }
            (Turn::Same, _) => year,
            (Turn::Next, None) => year + 1,
            (Turn::Previous, None) => year - 1,
            (Turn::Next, Some(part)) => match last_month {
                Some(month) if part.months().0 > month => year,
                _ => year + 1,
            },
            (Turn::Previous, Some(part)) => match last_month {
                Some(month) if part.months().1 < month => year,
                _ => year - 1,
            },
        };
        let date = match part {
            Some(part) => HistoricalDate::part_of_year(year, part),
            None => HistoricalDate::single(Point::year(year)),
        };
        Some(Dating {
            date,
            old_style: false,
        })
    }

    /// The day a letter's first line dates it by: a short line that is a place and a day
    /// ("Kelsborough, 12th October 1848.", "Manchester, Oct. 19." in the year of the letter
    /// before), not a sentence that tells something.
    fn letters_dateline(&self, text: &str) -> Option<Point> {
        // "American Vice Consulate, Cuernavaca, Morelos, Mexico, February 24, 1913.": an
        // office, a town, its state and country.
        if text.split_whitespace().count() > 14 {
            return None;
        }
        // "Glenmoyle, Sunday night, 12th June 1881.": the weekday is the day's own.
        let found: Vec<Found> = (find_dates(text).into_iter())
            .filter(|f| !matches!(f.reading, Reading::RelativeDay(DayTurn::Weekday { .. })))
            .collect();
        // What is not the day is a place: capitalised words ("Resident Magistrate's Office,
        // Port Ashby", "Camp near Hamilton", "Hacienda de San Gabriel", "Frankfurt am Main"),
        // and the time of day it was written.
        let place_only = |parts: &[&str]| {
            parts
                .iter()
                .flat_map(|part| part.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’'))
                .all(|word| {
                    word.is_empty()
                        || word.starts_with(char::is_uppercase)
                        || matches!(
                            word,
                            "of" | "the"
                                | "near"
                                | "upon"
                                | "under"
                                | "de"
                                | "del"
                                | "la"
                                | "las"
                                | "los"
                                | "le"
                                | "les"
                                | "du"
                                | "des"
                                | "d"
                                | "von"
                                | "van"
                                | "der"
                                | "den"
                                | "di"
                                | "da"
                                | "do"
                                | "dos"
                                | "y"
                                | "sur"
                                | "am"
                                | "an"
                                | "im"
                                | "at"
                                | "on"
                                | "in"
                                | "morning"
                                | "afternoon"
                                | "evening"
                                | "night"
                        )
                })
        };
        let [only] = found.as_slice() else {
            // "Somewhere in France, Thursday 18/5/16.", not a log's line "1.7.16. 3.40 a.m.
            // Bn. reported in position".
            let reference = self.year.or(self.document.map(|d| d.year));
            let figures = numeric_day(text, reference, self.month_first);
            return figures.filter(|_| place_only(&[text]));
        };
        let place_only = place_only(&[&text[..only.span.start], &text[only.span.end..]]);
        if !place_only {
            return None;
        }
        let day = match &only.reading {
            Reading::Dated(dating) if !dating.date.is_range && dating.date.set.is_none() => {
                dating.date.start.filter(|p| p.day.is_some())?
            }
            Reading::NoYear {
                start: (month, day),
                end: None,
                old_style: false,
            } if *day > 0 => Point::day(self.year_of_the_next(*month)?, *month, *day),
            _ => return None,
        };
        day.is_valid().then_some(day)
    }

    /// The year of a day named without it at the head of a letter or a meeting: the year of
    /// the letter or meeting before (the next, when the month comes earlier).
    fn year_of_the_next(&self, month: u32) -> Option<i32> {
        Some(match self.last_written.or(self.document) {
            Some(Point {
                year,
                month: Some(before),
                ..
            }) if month < before => year + 1,
            Some(before) => before.year,
            None => self.year?,
        })
    }

    /// The day a section's heading dates it by, and whether the section is the record of
    /// that day (a sitting's minutes, a diary's entry) rather than a letter written on it:
    /// "2. Saltby, 27 August 1889" dates a letter; "Monday the 16th, in the forenoon" (of the
    /// month of the text before or of the document's date), "12 March 1921, evening
    /// sitting", "Jovis, 8° die Maii, 1851" (as the Commons' journals head a day) head a
    /// record.
    /// Whether an unmarked `date` is Old Style: a day before the site's `old_style_until`
    /// (a month or a year is the same in both calendars, near enough).
    fn is_old_style(&self, date: &HistoricalDate) -> bool {
        let Some(until) = self.old_style_until else {
            return false;
        };
        let last = (date.set.as_ref())
            .and_then(|set| set.members.last())
            .and_then(|member| member.end.or(member.start))
            .or(date.end)
            .or(date.start);
        last.is_some_and(|day| {
            day.day.is_some() && day.to_new_style().sort_key() < until.sort_key()
        })
    }

    /// The weekday of a day of the text's calendar: a Julian day's is its New Style day's.
    fn weekday_of(&self, day: Point) -> Option<u32> {
        let new_style = day.to_new_style();
        match self.old_style_until {
            Some(until) if new_style.sort_key() < until.sort_key() => new_style.weekday(),
            _ => day.weekday(),
        }
    }

    fn heading_day(&self, heading: &str) -> Option<(Point, bool)> {
        let record = names_only_a_day(heading) || names_a_sitting(heading);
        let reference = self.year.or(self.document.map(|d| d.year));
        let in_the_texts_calendar = self.old_style_until.is_some();
        if let Some(day) = (day_written(heading, in_the_texts_calendar))
            .or_else(|| numeric_day(heading, reference, self.month_first))
        {
            return Some((day, record));
        }
        if let Some(day) = latin_day(heading) {
            return Some((day, true));
        }
        // "Adjourned meeting, May 16": in the year of the meeting before (not a chapter's
        // title, "The fourth of September").
        let found = find_dates(heading);
        if let [
            Found {
                reading:
                    Reading::NoYear {
                        start: (month, day),
                        end: None,
                        old_style: false,
                    },
                ..
            },
        ] = found.as_slice()
            && *day > 0
            && record
            && heading.contains(|c: char| c.is_ascii_digit())
        {
            let point = Point::day(self.year_of_the_next(*month)?, *month, *day);
            return point.is_valid().then_some((point, record));
        }
        // "Meeting of the Executive — 17th", "Tuesday the 17th": the day alone, of the
        // month before.
        static DAY_ALONE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"(?:^|\s)(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?,?\s+)?(?:the\s+)?([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th|d)(?:[,.;:]|\s|$)",
            )
            .expect("a valid pattern")
        });
        let alone = DAY_ALONE.captures(heading.trim())?;
        if !record {
            return None;
        }
        let day: u32 = alone.get(2)?.as_str().parse().ok()?;
        let base = [self.last, self.written, self.last_written, self.document]
            .into_iter()
            .flatten()
            .find(|p| p.month.is_some())?;
        let mut point = Point::day(base.year, base.month?, day);
        if base.day.is_some_and(|last| day < last) {
            point = next_month(point);
        }
        let wanted = alone.get(1).and_then(|w| weekday_number(w.as_str()));
        if wanted.is_some_and(|w| self.weekday_of(point) != Some(w)) {
            return None;
        }
        point.is_valid().then_some((point, true))
    }

    /// The day a line that is a day and nothing else heads a diary's entry by: "Jan. 1,
    /// 1863.", "Saturday 3d." (of the month of the entry before).
    fn entrys_head(&self, text: &str) -> Option<Point> {
        // Read for every paragraph: its words are counted no further than six.
        let short = text.split_whitespace().nth(5).is_none();
        if !short || !names_only_a_day(text) {
            return None;
        }
        self.heading_day(text.trim_end_matches('.'))
            .map(|(day, _)| day)
            .filter(|day| day.day.is_some())
    }

    /// A section dated as a letter is (or not): its day is the context's.
    fn date_the_section(&mut self, written: Option<Point>) {
        self.written = written;
        self.last_written = written.or(self.last_written);
        if let Some(day) = written {
            self.set_year(day.year);
            self.last = Some(day);
        }
    }

    /// The day a relative day means, from the letter's date or the last day placed.
    fn relative_day(&self, turn: DayTurn) -> Option<Dating> {
        let day = match turn {
            DayTurn::FromLetter(days) => self.written?.plus_days(days)?,
            DayTurn::FromLast(days) => self.last.filter(|p| p.day.is_some())?.plus_days(days)?,
            DayTurn::Weekday { weekday, last_week } => {
                let written = self.written?;
                let today = self.weekday_of(written)?;
                let back = if last_week {
                    i64::from(today) + 7 - i64::from(weekday)
                } else {
                    match (i64::from(today) - i64::from(weekday)).rem_euclid(7) {
                        0 => 7,
                        back => back,
                    }
                };
                written.plus_days(-back)?
            }
            DayTurn::OfTheMonth { day, months_back } => self.day_of_the_month(day, months_back)?,
            DayTurn::NextWeekday(weekday) => {
                let last = self.last.filter(|p| p.day.is_some())?;
                let ahead = (i64::from(weekday) - i64::from(self.weekday_of(last)?)).rem_euclid(7);
                last.plus_days(if ahead == 0 { 7 } else { ahead })?
            }
            DayTurn::Following(day) => {
                let base = self.written.or(self.last).filter(|p| p.day.is_some())?;
                let point = Point::day(base.year, base.month?, day);
                let point = if base.day.is_some_and(|today| day <= today) {
                    next_month(point)
                } else {
                    point
                };
                point.is_valid().then_some(point)?
            }
        };
        Some(Dating {
            date: HistoricalDate::single(day),
            old_style: false,
        })
    }

    /// The time a time told back from the writing means, where the text is dated as a
    /// letter, a report or a sitting is: "October last" in a letter of May 1851 is October
    /// 1850, "last December" in one of September 1661 December 1660.
    fn told_back(&self, back: Back) -> Option<Dating> {
        let written = self.written?;
        let today = (written.month?, written.day.unwrap_or(31));
        let date = match back {
            Back::Years(years) => HistoricalDate::single(Point::year(written.year - years)),
            Back::Month { month, years } => {
                let year = match years {
                    Some(years) => written.year - years,
                    None if month < today.0 => written.year,
                    None => written.year - 1,
                };
                HistoricalDate::single(Point::month(year, month))
            }
            Back::Part(part) => {
                let (_, last) = part.months();
                let year = if part == YearPart::Winter {
                    // A winter is of the year it begins in: the last one ended in the
                    // February before, or began in the December before that.
                    if today.0 > last {
                        written.year - 1
                    } else {
                        written.year - 2
                    }
                } else if last < today.0 {
                    written.year
                } else {
                    written.year - 1
                };
                HistoricalDate::part_of_year(year, part)
            }
            Back::Feast(month, day) => {
                let year = if (month, day) < today {
                    written.year
                } else {
                    written.year - 1
                };
                HistoricalDate::single(Point::day(year, month, day))
            }
        };
        Some(Dating {
            date,
            old_style: false,
        })
    }

    /// The day of a month the text names by its day alone: of the letter's month (the month
    /// before, when the day is later than the letter's, or when it says "ultimo"), or of
    /// the month the narrative is at (the next, when the day is earlier than the last one
    /// placed: a narrative runs forward).
    fn day_of_the_month(&self, day: u32, months_back: Option<u32>) -> Option<Point> {
        // "On the 18th", "the 10th of this month" in a session of Frimaire: of Frimaire.
        if let Some((year, month)) = self.republican.filter(|_| months_back.unwrap_or(0) == 0) {
            return republican_day(year, month, i64::from(day));
        }
        let (base, letter) = match (self.written, self.last) {
            // A witness at a sitting tells of the month the questions are at.
            (Some(_), Some(last))
                if self.sitting && months_back.is_none() && last.month.is_some() =>
            {
                (last, false)
            }
            (Some(written), _) => (written, true),
            (None, Some(last)) if last.month.is_some() => (last, false),
            _ => return None,
        };
        let month = base.month?;
        let shift: i32 = match months_back {
            Some(back) => -(back as i32),
            None if letter && base.day.is_some_and(|today| day > today) => -1,
            None if !letter && base.day.is_some_and(|last| day < last) => 1,
            None => 0,
        };
        let index = base.year * 12 + month as i32 - 1 + shift;
        let point = Point::day(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, day);
        point.is_valid().then_some(point)
    }

    fn set_year(&mut self, year: i32) {
        self.year = Some(year);
        self.year_set_at = self.paragraphs;
    }

    /// A pluperfect looks back from the narrative: "(In January 1924) the article noted that
    /// he had contracted influenza on 5 November" is November 1923. A day after the last one
    /// placed in the context year is read in the year before.
    fn before_last(&self, year: i32, (month, day): (u32, u32)) -> i32 {
        match self.last {
            Some(Point {
                year: last_year,
                month: Some(last_month),
                day: last_day,
            }) if last_year == year && (month, day) > (last_month, last_day.unwrap_or(31)) => {
                year - 1
            }
            _ => year,
        }
    }

    /// A narrative runs forward: "On 12 December [1922] … On 24 January" is January 1923.
    /// A day more than half a year before the last one placed in the context year is read
    /// in the year after.
    fn crossed_new_year(&self, year: i32, month: u32) -> i32 {
        match self.last {
            Some(Point {
                year: last_year,
                month: Some(last_month),
                ..
            }) if last_year == year && last_month >= month + 6 => year + 1,
            _ => year,
        }
    }

    /// Whether the date at `span` is context rather than the date of what the sentence
    /// reports: in an aside (parentheses, quotation marks, dashes), qualifying a noun, or in
    /// a clause beside the sentence's own.
    fn is_aside(&self, text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
        in_aside(text, sentence_start, span)
            || is_restated(&text[sentence_start..span.start])
            || in_dashes(text, sentence_start, span)
            || is_modifier(text, sentence_start, span)
            || in_side_clause(text, sentence_start, span)
    }

    /// The first date of a sentence with the dates coordinated with it ("in 1839, the second
    /// in 1842, and the third in April 1848"; "in 1189 or 1190"): all of them, or one of them
    /// after "or". Only dates of the sentence's own (no asides), each a few words after the
    /// one before it.
    fn coordinated(
        &self,
        text: &str,
        sentence_start: usize,
        found: &[Found],
        placed_at: &[Option<Dating>],
        (index, first): (usize, Dating),
    ) -> Dating {
        let mut members = vec![first.date.clone()];
        let mut all = true;
        let mut last = index;
        for next in index + 1..found.len() {
            let Some(joint) = coordinated_with(text, &found[last].span, &found[next].span) else {
                break;
            };
            // "…in April 1922, and in May he suffered his first stroke": a clause of its own,
            // a statement apart from the first.
            let after = text[found[next].span.end..].trim_start_matches([',', ' ']);
            let own_clause = (after.split(|c: char| !c.is_alphabetic()).next())
                .is_some_and(|w| matches!(w, "he" | "she" | "it" | "they" | "we" | "I"));
            if self.is_aside(text, sentence_start, &found[next].span) || own_clause {
                break;
            }
            let date = match (&placed_at[next], &found[next].reading) {
                (Some(dating), _) => dating.date.clone(),
                // A bare year the sentence gives as one of its dates: "and in 1896".
                (
                    None,
                    Reading::BareYear {
                        year,
                        approximate: false,
                    },
                ) => HistoricalDate::single(Point::year(*year)),
                _ => break,
            };
            all &= joint;
            members.push(date);
            last = next;
        }
        if members.len() == 1 {
            return first;
        }
        Dating {
            date: HistoricalDate::set(members, all),
            old_style: first.old_style,
        }
    }

    /// The date a sentence is placed at, if any; the context year moves on with every year
    /// the sentence states.
    fn sentence(
        &mut self,
        text: &str,
        sentence: Range<usize>,
        found: &[Found],
    ) -> Option<(HistoricalDate, Option<HistoricalDate>)> {
        let sentence_start = sentence.start;
        let found = with_meeting_months(text, sentence_start, found);
        let found = &with_coordinated_years(text, &found);
        // Whether each date is an aside, asked once: every rule below asks it.
        let asides: Vec<bool> = (found.iter())
            .map(|f| self.is_aside(text, sentence_start, &f.span))
            .collect();
        let mut first: Option<(usize, Dating)> = None;
        let mut placed_at: Vec<Option<Dating>> = Vec::with_capacity(found.len());
        // "After a mass meeting on 27 November, the Union led the women to the palace on 1
        // December 1947": a time the sentence opens on is the one before what it reports
        // when its main clause has a date of its own.
        let opener_end =
            opening_phrase_end(&text[sentence.clone()]).map(|end| sentence_start + end);
        let before_main_clause_date: Vec<bool> = (0..found.len())
            .map(|index| {
                is_when_news_came(text, &sentence, (found, &asides), index)
                    || opener_end.is_some_and(|end| {
                        found[index].span.start < end
                            && (index + 1..found.len())
                                .any(|later| found[later].span.start > end && !asides[later])
                    })
            })
            .collect();
        for (index, f) in found.iter().enumerate() {
            // A date in parentheses, brackets or quotation marks is an aside (a reference, a
            // congress's dates beside its name, a title, someone's words): it dates no
            // statement, though the text around it takes its year and its days.
            let aside = asides[index] || before_main_clause_date[index];
            // The same day again in other terms moves nothing on.
            if is_restated(&text[sentence_start..f.span.start]) {
                placed_at.push(None);
                continue;
            }
            let placed = match &f.reading {
                Reading::Dated(dating) => {
                    // A time looked back to sets no year for the days after it: "Kossuth, a
                    // fugitive since the surrender of August 1849, landed on 23 October".
                    // Nor does one in a title or in someone's words ("Fifty Years on the
                    // River, 1889–1939").
                    let clause = clause_before(text, sentence_start, &f.span);
                    // Nor one in the pluperfect: "where SNCC had staged its own Freedom Day
                    // in October 1963", in a paragraph on 1965.
                    let looked_back = is_looked_back_to(&clause)
                        || reaches_back(&clause)
                        || looks_further_back(&clause)
                        || in_quotation_marks(text, sentence_start, &f.span);
                    if let Some(year) = dating.date.end.or(dating.date.start).map(|p| p.year)
                        && !looked_back
                    {
                        self.set_year(year);
                    }
                    if let Some(Point {
                        year,
                        month: Some(month),
                        day: Some(day),
                    }) = dating.date.start
                    {
                        let named = (year, self.paragraphs, dating.old_style);
                        self.named_days.insert((month, day), named);
                    }
                    Some(dating.clone())
                }
                Reading::NoYear {
                    start,
                    end,
                    old_style,
                } => {
                    // The day named again keeps the style it was named in.
                    let (year, old_style) = match self.named_days.get(start) {
                        Some(&(year, named_at, named_old_style))
                            if self.paragraphs - named_at <= CONTEXT_PARAGRAPHS =>
                        {
                            (Some(year), *old_style || named_old_style)
                        }
                        _ => (
                            self.year
                                .map(|year| {
                                    if looks_further_back(&text[sentence.start..f.span.start]) {
                                        self.before_last(year, *start)
                                    } else {
                                        self.crossed_new_year(year, start.0)
                                    }
                                })
                                .or_else(|| self.year_of_event_named(text, &sentence, start.0)),
                            *old_style,
                        ),
                    };
                    // A letter, a report or a witness tells of days before its own: "on 15
                    // December" in a letter of April 1906 is of 1905.
                    // The text's year goes on: the letter's next "on 20 December" is read
                    // by the same rule, and a day to come ("will be held the 3rd Sunday in
                    // May") takes no year back.
                    let written = self.written;
                    let before_the_writing = |year: i32| match written {
                        Some(Point {
                            year: written_year,
                            month: Some(month),
                            day: Some(day),
                        }) => written_year == year && *start > (month, day),
                        _ => false,
                    };
                    year.and_then(|year| {
                        let told_back = before_the_writing(year);
                        let year = if told_back { year - 1 } else { year };
                        let dating = with_year(year, *start, *end, old_style)?;
                        if !told_back {
                            self.set_year(year);
                        }
                        Some(dating)
                    })
                }
                Reading::BareYear { year, .. } => {
                    // "a meeting on the quay where the Chartists had gathered in 1848": a
                    // year in a clause beside the sentence's own, or in a title, moves no
                    // narrative on.
                    if !looks_away(&text[..f.span.start])
                        && !in_side_clause(text, sentence_start, &f.span)
                        && !in_quotation_marks(text, sentence_start, &f.span)
                    {
                        self.set_year(*year);
                    }
                    None
                }
                // "scheduled to meet the following spring": a time foreseen or looked back
                // to moves no narrative on.
                Reading::Relative { part, turn } => self.relative(*part, *turn),
                Reading::RelativeDay(turn) => self.relative_day(*turn),
                Reading::Back(back) => self.told_back(*back),
            };
            if let Some(point) = placed.as_ref().and_then(|d| d.date.start) {
                self.last = point.month.is_some().then_some(point);
            }
            // "Although this year had been good, by 1 January 1928 …": a relative time
            // dates the sentence only where it names no date of its own.
            let outweighed = matches!(
                f.reading,
                Reading::Relative { .. } | Reading::RelativeDay(_) | Reading::Back(_)
            ) && found.iter().enumerate().any(|(at, other)| {
                matches!(other.reading, Reading::Dated(_) | Reading::NoYear { .. })
                    && !asides[at]
                    && !before_main_clause_date[at]
            });
            if first.is_none() && !aside && !outweighed {
                first = placed.clone().map(|dating| (index, dating));
            }
            placed_at.push(placed);
        }
        // A sentence whose dates are bare years and others, all coordinated ("presented in
        // 1839, the second in 1842, and the third in April 1848"): the set, from its first.
        let first = match (first, bare_years_first(text, sentence_start, found, self)) {
            (Some((index, dating)), Some((bare, year))) if bare < index => {
                let set = self.coordinated(text, sentence_start, found, &placed_at, (bare, year));
                if set.date.set.is_some() {
                    Some((bare, set))
                } else {
                    Some((index, dating))
                }
            }
            (None, Some((bare, year))) => {
                // "from 2 millions in 1917 to 750,000 in 1920": two bare years, one span.
                let next_year = match found.get(bare + 1).map(|f| &f.reading) {
                    Some(Reading::BareYear {
                        year,
                        approximate: false,
                    }) => Some(Dating {
                        date: HistoricalDate::single(Point::year(*year)),
                        old_style: false,
                    }),
                    _ => None,
                };
                let span = (next_year.as_ref())
                    .filter(|_| joins_as_span(text, sentence_start, found, bare))
                    .and_then(|end| spanned(&year, end));
                match span {
                    Some(span) => Some((bare, span)),
                    None => {
                        let set =
                            self.coordinated(text, sentence_start, found, &placed_at, (bare, year));
                        (set.date.set.is_some().then_some((bare, set)))
                            .or_else(|| years_of_two_clauses(text, found).map(|set| (bare, set)))
                    }
                }
            }
            (first, _) => first,
        };
        // "When he came to us last December": a time told back from the writing moves the
        // narrative no time back.
        let told_back = (first.as_ref())
            .is_some_and(|(index, _)| matches!(found[*index].reading, Reading::Back(_)));
        // "From October 1917 until his death in January 1924": two dates joined as a span;
        // "arrested in October 1881 and released in May 1882": a set of dates.
        let first = first.map(|(index, dating)| {
            if dating.date.set.is_some() {
                return dating;
            }
            match placed_at.get(index + 1).and_then(Option::as_ref) {
                Some(next) if joins_as_span(text, sentence_start, found, index) => {
                    spanned(&dating, next).unwrap_or(dating)
                }
                _ => self.coordinated(text, sentence_start, found, &placed_at, (index, dating)),
            }
        });
        // "In 1923 Miasnikov organised the Workers' Group … (expelled in 1922)": a sentence
        // opening on its year is dated by it, whatever years it names after.
        let opens_on_year = |span: &Range<usize>| {
            text[sentence_start..span.start]
                .trim()
                .eq_ignore_ascii_case("in")
        };
        // The bare year alone, where it is no aside ("a Bolshevik since 1906" dates nothing),
        // or the only one that is none ("The captain, born in 1790, sailed in 1817").
        let own: Vec<&Found> = (found.iter().zip(&asides))
            .filter(|(_, aside)| !**aside)
            .map(|(f, _)| f)
            .collect();
        let first_found = (found.first())
            .filter(|_| !asides[0])
            .or(own.first().copied().filter(|_| own.len() == 1));
        let dating = match (first, first_found) {
            (Some(dating), _) => dating,
            (
                None,
                Some(Found {
                    reading: Reading::BareYear { year, approximate },
                    span,
                }),
            ) if (found.len() == 1 || own.len() == 1 || opens_on_year(span)) => {
                let date = HistoricalDate::single(Point::year(*year));
                Dating {
                    date: if *approximate {
                        date.approximate()
                    } else {
                        date
                    },
                    old_style: false,
                }
            }
            _ => return None,
        };
        // "The Aurora left Riga on the 24th of August, for her papers are dated in the
        // Russian style; by our calendar it was the 5th of September": one day in the two
        // calendars.
        if let Some((new_style, old_style)) = dual_dated(&text[sentence.clone()], &placed_at) {
            if self.old_style_until.is_some() {
                self.last = Some(old_style);
            }
            return Some((
                HistoricalDate::single(new_style),
                Some(HistoricalDate::single(old_style)),
            ));
        }
        // A commentary in the present ("… can be seen in a letter of 31 October") or a plan
        // ("… was to be 2.4 percent in 1931–1932") reports nothing that happened at its date.
        // (Not a time the sentence opens on before its main clause's: "This morning we have
        // word that the peace was signed yesterday".)
        let date_at = (0..found.len())
            .find(|&i| !asides[i] && !before_main_clause_date[i])
            .or_else(|| (0..found.len()).find(|&i| !asides[i]))
            .map_or(sentence.end, |i| found[i].span.start);
        if is_commentary_or_plan(&text[sentence.clone()], &text[sentence_start..date_at]) {
            return None;
        }
        let mut dating = refined(dating, &text[sentence.clone()]);
        if !dating.old_style
            && (dating.date.start).is_some_and(|day| day.day.is_some())
            && says_its_day_is_old_style(&text[sentence.clone()])
        {
            dating.old_style = true;
        }
        // The narrative goes on in the time of what the sentence reports, not of a date it
        // names by the way ("a declaration made at the April 1926 Plenum, demanding Lenin's
        // letter of 18 October 1917"): the days named after it are of 1926.
        // A year alone is left to the rules above: "her statement from 1926" looks away.
        // An Old Style day goes on in a text whose days are all Old Style: its "a week
        // later" is told in the same calendar.
        // Nor does a time the sentence reaches back to ("as early as January 1964").
        let reached_back = (found.iter().zip(&asides))
            .find(|(_, aside)| !**aside)
            .is_some_and(|(f, _)| reaches_back(&clause_before(text, sentence_start, &f.span)));
        if let Some(point) = dating.date.end.or(dating.date.start)
            && point.month.is_some()
            && (!dating.old_style || self.old_style_until.is_some())
            && dating.date.set.is_none()
            && !told_back
            && !reached_back
            // A dated letter's or minutes' year is its own: a day it tells of in the year
            // before ("on 15 December", written in April) is no narrative of that year.
            && self.written.is_none_or(|written| point.year >= written.year)
        {
            self.set_year(point.year);
            self.last = Some(point);
        }
        Some(if dating.old_style {
            (dating.date.to_new_style(), Some(dating.date))
        } else {
            (dating.date, None)
        })
    }
}

/// Whether what happens at the date is foretold: "On the night of the 15th the peons will
/// have the cry of Independence", "If the rains stop in October as they should, we will
/// begin grinding": a "will" or "shall" ("I'll be seventy-six at Michaelmas", "I'm going
/// again in September" too), with no verb in the past between the sentence's opening and it,
/// nor between it and the date ("You will hear about it, some of D Coy. went over on Sunday
/// night" tells of Sunday). Not "the will of the people", nor "you will recall that …".
fn is_foretold(sentence: &str, date_at: usize) -> bool {
    let words: Vec<(usize, &str)> = (sentence
        .match_indices(|c: char| c.is_alphanumeric() || c == '\'' || c == '’'))
    .fold(Vec::new(), |mut words: Vec<(usize, &str)>, (at, c)| {
        match words.last_mut() {
            Some((start, word)) if *start + word.len() == at => {
                *word = &sentence[*start..at + c.len()];
            }
            _ => words.push((at, c)),
        }
        words
    });
    let noun_before = |i: usize| {
        i.checked_sub(1).is_some_and(|i| {
            matches!(
                words[i].1,
                "the"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "a"
                    | "free"
                    | "good"
                    | "ill"
                    | "own"
                    | "of"
                    | "at"
                    | "general"
                    | "popular"
            )
        })
    };
    let next_words = |i: usize| -> Vec<&str> { words[i + 1..].iter().map(|w| w.1).collect() };
    let modal = (0..words.len()).find(|&i| {
        let (at, word) = words[i];
        // "I'm going again in September": a present that foretells.
        let going = word == "going"
            && (i.checked_sub(1)).is_some_and(|b| {
                let before = words[b].1.replace('’', "'");
                matches!(
                    before.as_str(),
                    "am" | "are" | "is" | "i'm" | "we're" | "they're"
                )
            });
        (matches!(word, "will" | "shall")
            || word.ends_with("'ll")
            || word.ends_with("’ll")
            || going)
            && !noun_before(i)
            && !(i.checked_sub(2)).is_some_and(|i| words[i].1.eq_ignore_ascii_case("as"))
            && !(words.get(i + 1)).is_some_and(|next| matches!(next.1, "of" | "and" | "to"))
            && !in_quotation_marks(sentence, 0, &(at..at))
            && !reminds_the_reader(&next_words(i))
    });
    // Not "You will hear about it soon enough, some of D Coy. went over on Sunday night": a
    // verb in the past between the foretelling and the date tells of the date.
    modal.is_some_and(|i| {
        // What someone said will be ("reminded the ladies that Women's Day will be held on
        // 19 May") is foretold all the same: the clause the modal stands in is read.
        let at = words[i].0;
        let clause_start = sentence[..at].rfind(" that ").unwrap_or(0);
        let past_between = at < date_at && has_past_verb(&sentence[at..date_at]);
        // Nor where the date's own clause tells in the past ("we have word that the peace
        // was signed yesterday … and that Don Porfirio will resign").
        let date_at = date_at.min(sentence.len());
        let date_clause = sentence[..date_at].rfind(" that ").unwrap_or(0);
        let date_told_past = has_past_verb(&sentence[date_clause..date_at]);
        !has_past_verb(&sentence[clause_start..at]) && !past_between && !date_told_past
    })
}

/// Whether `text` holds a verb in the past: "was", "came", "reported".
fn has_past_verb(text: &str) -> bool {
    // Not `is_past_tense`'s "stood", "met", "rose": "Such a reform will bring the villages
    // back to where they stood in 1848" foretells all the same.
    const PAST: &[&str] = &[
        "was", "were", "had", "did", "came", "went", "became", "said", "wrote", "took", "gave",
        "made", "found", "began", "sent", "left", "told", "saw", "got", "brought", "held",
    ];
    // An "-ed" word before a noun is an adjective ("evicted families"); before an article,
    // a preposition or the end, a verb ("raided the Germans", "was arrested in May").
    const AFTER_A_VERB: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "him", "them", "us",
        "me", "to", "in", "on", "at", "by", "with", "from", "for", "into", "over", "out", "up",
        "down", "back", "off", "and", "that", "as", "",
    ];
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    words.iter().enumerate().any(|(at, w)| {
        let verb_ed = w.len() > 4
            && w.ends_with("ed")
            && !matches!(*w, "indeed" | "need")
            && AFTER_A_VERB.contains(&words.get(at + 1).copied().unwrap_or(""));
        PAST.contains(w) || verb_ed
    })
}

/// A month or a day told without its year, and its year said after it as a phrase of its
/// own: "that was in April, in '19", "on the 3rd of May, in the year 1920". Dated there.
fn give_months_their_years(text: &str, found: &mut Vec<Found>) {
    // "The spring of '63": a season of the year of two digits.
    for f in found.iter_mut() {
        let Reading::BareYear {
            year,
            approximate: false,
        } = f.reading
        else {
            continue;
        };
        let before = text[..f.span.start].trim_end_matches(['\'', '’']);
        let season = ["spring", "summer", "autumn", "fall", "winter"]
            .into_iter()
            .find(|season| before.ends_with(&format!("{season} of ")));
        if let Some(season) = season
            && let Some(Reading::Dated(dating)) = part(season, year)
        {
            let start = before.len() - season.len() - " of ".len();
            *f = Found {
                span: start..f.span.end,
                reading: Reading::Dated(dating),
            };
        }
    }
    let mut at = 0;
    while at + 1 < found.len() {
        let (day, year) = (&found[at], &found[at + 1]);
        let between = text.get(day.span.end..year.span.start).unwrap_or("x");
        let joined = (between.split([',', ' ', '\'', '’']))
            .all(|w| matches!(w, "" | "in" | "of" | "the" | "year"));
        let dating = match (&day.reading, &year.reading) {
            (
                Reading::NoYear {
                    start,
                    end,
                    old_style,
                },
                Reading::BareYear {
                    year,
                    approximate: false,
                },
            ) if joined && between.contains(',') => with_year(*year, *start, *end, *old_style),
            _ => None,
        };
        match dating {
            Some(dating) => {
                found[at] = Found {
                    span: day.span.start..year.span.end,
                    reading: Reading::Dated(dating),
                };
                found.remove(at + 1);
            }
            None => at += 1,
        }
    }
}

/// Whether the words after "will" remind the reader of what happened: "(you will) recall
/// that", "have seen by the papers how", in a letter's spelling "of seen … how".
fn reminds_the_reader(after: &[&str]) -> bool {
    let recalls = matches!(
        after,
        [
            "recall" | "remember" | "know" | "see" | "hear" | "learn",
            ..
        ] | [
            "have" | "of" | "a",
            "seen" | "heard" | "read" | "learned" | "learnt",
            ..
        ]
    );
    recalls && (after.iter().take(8)).any(|w| matches!(*w, "that" | "how"))
}

/// Whether a sentence says, away from its day, that the day is Old Style: "On the second
/// of December, as we then counted, …", "a communiqué dated, in the Russian style, the 29th
/// December". Not one that names the New Style too ("the 13th by the reckoning of
/// Dordrecht"), which gives both days.
fn says_its_day_is_old_style(sentence: &str) -> bool {
    const OLD: &[&str] = &[
        "old style",
        "russian style",
        "julian calendar",
        "russian calendar",
        "as we then counted",
        "as we counted then",
        "as they then counted",
        "as it was then reckoned",
    ];
    const NEW: &[&str] = &[
        "new style",
        "n.s.",
        "new reckoning",
        "gregorian",
        "our calendar",
    ];
    let lower = sentence.to_lowercase();
    OLD.iter().any(|mark| lower.contains(mark)) && !NEW.iter().any(|mark| lower.contains(mark))
}

/// A date made as precise as the sentence allows: a year that the sentence places in a
/// meeting named by its month ("In 1923 … at the June Plenum") is that month; a date "soon
/// after" or "shortly before" something is approximate.
fn refined(mut dating: Dating, sentence: &str) -> Dating {
    let year_alone = (dating.date.start)
        .filter(|p| p.month.is_none() && !dating.date.is_range && dating.date.part.is_none());
    if let Some(start) = year_alone {
        let month = sentence
            .match_indices("the ")
            .find_map(|(at, _)| named_meeting_month(&sentence[at + 4..]));
        if let Some(month) = month {
            let mut date = HistoricalDate::single(Point::month(start.year, month));
            date.qualifier = dating.date.qualifier;
            dating.date = date;
        }
    }
    // A year only: "soon after Stalin's death in 1953" may be 1954; a month keeps its month.
    let lower = sentence.to_lowercase();
    if [
        "soon after",
        "shortly after",
        "soon before",
        "shortly before",
    ]
    .iter()
    .any(|phrase| lower.contains(phrase))
        && year_alone.is_some()
        && dating.date.qualifier == crate::date::Qualifier::Exact
    {
        dating.date = dating.date.approximate();
    }
    dating
}

/// The meetings named by their month: "the June Plenum", "the October Session".
const MEETINGS: &[&str] = &[
    "Plenum",
    "plenum",
    "Conference",
    "Congress",
    "Session",
    "session",
    "Meeting",
    "Synod",
    "Diet",
];

/// The month of "June Plenum …" at the start of `text`: a month's name, then a meeting
/// named by it ("June Plenum", "April Conference"), with no year of its own after it.
fn named_meeting_month(text: &str) -> Option<u32> {
    let mut words = text.split_whitespace();
    let month = words.next()?;
    let meeting = words
        .next()?
        .trim_end_matches(|c: char| !c.is_alphanumeric());
    if !MEETINGS.contains(&meeting) {
        return None;
    }
    crate::date::month_number(month)
}

/// "The August Plenum of 1927": a year after a meeting named by its month is that month of
/// the year (and no modifier of the noun, as "the works of 1922" is).
fn with_meeting_months<'f>(
    text: &str,
    sentence_start: usize,
    found: &'f [Found],
) -> std::borrow::Cow<'f, [Found]> {
    let month_at = |f: &Found| match f.reading {
        Reading::BareYear { year, .. } => {
            meeting_month(&text[sentence_start..f.span.start]).map(|month| (year, month))
        }
        _ => None,
    };
    if !found.iter().any(|f| month_at(f).is_some()) {
        return std::borrow::Cow::Borrowed(found);
    }
    std::borrow::Cow::Owned(
        found
            .iter()
            .map(|f| match month_at(f) {
                Some((year, month)) => Found {
                    span: f.span.clone(),
                    reading: Reading::Dated(Dating {
                        date: HistoricalDate::single(Point::month(year, month)),
                        old_style: false,
                    }),
                },
                None => f.clone(),
            })
            .collect(),
    )
}

/// "In the years 1919 and 1920": two years running, joined by "and", are one span, and so are
/// "between 1845 and 1852" and "from 1865 to 1877" (the first year, after a word the
/// bare-year form may not read, is found here).
fn with_coordinated_years<'f>(text: &str, found: &'f [Found]) -> std::borrow::Cow<'f, [Found]> {
    // Most sentences have no bare year: they are taken as they are.
    if !found.iter().any(|f| joined_years(text, f).is_some()) {
        return std::borrow::Cow::Borrowed(found);
    }
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        match joined_years(text, f) {
            Some(joined) => {
                // The first year, where the bare-year form read it, is now the span's start.
                if out
                    .last()
                    .is_some_and(|last| last.span.start >= joined.span.start)
                {
                    out.pop();
                }
                out.push(joined);
            }
            None => out.push(f.clone()),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The span that the bare year `f` ends, if a year before it opens it.
fn joined_years(text: &str, f: &Found) -> Option<Found> {
    let Reading::BareYear {
        year: second,
        approximate: false,
    } = f.reading
    else {
        return None;
    };
    let (joint, before) = [" and ", " to ", " until ", " till "]
        .iter()
        .find_map(|joint| Some((*joint, text[..f.span.start].strip_suffix(joint)?)))?;
    let first_start = before.len().checked_sub(4)?;
    let first: i32 = before
        .get(first_start..)
        .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
        .filter(|_| !before[..first_start].ends_with(|c: char| c.is_alphanumeric()))?
        .parse()
        .ok()?;
    let opened = before[..first_start].trim_end().to_lowercase();
    let span_words = opened.ends_with("between") || opened.ends_with("from");
    let joined = (first + 1 == second && joint == " and ")
        || (span_words && first < second && second - first <= 100);
    joined.then(|| Found {
        span: first_start..f.span.end,
        reading: Reading::Dated(Dating {
            date: HistoricalDate::range(Point::year(first), Point::year(second)),
            old_style: false,
        }),
    })
}

/// The month of "the August Plenum of" at the end of `before`: a month's name, then a
/// capitalised word (Plenum, Conference, Theses), then "of".
fn meeting_month(before: &str) -> Option<u32> {
    let mut words = before.trim_end().strip_suffix(" of")?.rsplit(' ');
    let noun = words.next()?;
    let month = words.next()?;
    if !noun.starts_with(char::is_uppercase) {
        return None;
    }
    crate::date::month_number(month)
}

/// Whether the date `found[index]` and the next one are the two ends of one span: "from
/// October 1917 until his death in January 1924", "between the Fourteenth Congress [in
/// December 1925] and 15 November 1927".
fn joins_as_span(text: &str, sentence_start: usize, found: &[Found], index: usize) -> bool {
    let (Some(this), Some(next)) = (found.get(index), found.get(index + 1)) else {
        return false;
    };
    let between = text[this.span.end..next.span.start].to_lowercase();
    // "31 Dec. 1862 – 2 Jan. 1863"; "from December 31, 1862, to January 2, 1863", the
    // commas of the American order.
    let bare = between.trim_matches(|c: char| c == ',' || c.is_whitespace());
    if matches!(bare, "–" | "-") {
        return true;
    }
    let joint_alone = matches!(bare, "to" | "until" | "till" | "through");
    // A comma in a number ("750,000") parts nothing.
    let parted = between.char_indices().any(|(at, c)| match c {
        ',' => !(between[at + 1..]).starts_with(|d: char| d.is_ascii_digit()),
        ';' | '(' | '—' => true,
        _ => false,
    });
    if between.len() > 60 || parted && !between.contains(']') && !joint_alone {
        return false;
    }
    let before = text[sentence_start..this.span.start].to_lowercase();
    let last_words: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    let word = |w: &str| between.split_whitespace().any(|b| b == w);
    let opened_by = |w: &str, within: usize| last_words.iter().take(within).any(|b| *b == w);
    // "went from 2 millions in 1917 to 750,000 in 1920": a quantity's two times.
    let from_quantity = opened_by("from", 4)
        && word("to")
        && (last_words.iter().take(4)).any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    (opened_by("from", 2) && (word("until") || word("till") || word("to") || word("through")))
        || from_quantity
        || (opened_by("between", 6) && word("and"))
}

/// The sentence's first own date, where it is a bare year: its place among `found` and the
/// year as a date.
fn bare_years_first(
    text: &str,
    sentence_start: usize,
    found: &[Found],
    extractor: &Extractor,
) -> Option<(usize, Dating)> {
    let (index, f) = (found.iter().enumerate())
        .find(|(_, f)| !extractor.is_aside(text, sentence_start, &f.span))?;
    if looks_away(&text[..f.span.start]) {
        return None;
    }
    match f.reading {
        Reading::BareYear {
            year,
            approximate: false,
        } => Some((
            index,
            Dating {
                date: HistoricalDate::single(Point::year(year)),
                old_style: false,
            },
        )),
        _ => None,
    }
}

/// Whether the date `found[index]` is when news came of what the sentence goes on to
/// date: "This morning we have word by telegraph that the peace was signed yesterday"
/// reports the signing.
fn is_when_news_came(
    text: &str,
    sentence: &Range<usize>,
    (found, asides): (&[Found], &[bool]),
    index: usize,
) -> bool {
    const NEWS: &[&str] = &[
        "word",
        "news",
        "telegram",
        "telegraph",
        "hear",
        "heard",
        "learn",
        "learned",
        "learnt",
        "informed",
        "received",
    ];
    let date = &found[index];
    let rest = &text[date.span.end..sentence.end];
    let Some(that_at) = rest.find(" that ") else {
        return false;
    };
    let news = (rest[..that_at].split(|c: char| !c.is_alphabetic()))
        .any(|word| NEWS.contains(&word.to_lowercase().as_str()));
    let reported_at = date.span.end + that_at;
    news && (index + 1..found.len()).any(|later| {
        found[later].span.start > reported_at
            && matches!(
                found[later].reading,
                Reading::Dated(_) | Reading::RelativeDay(_) | Reading::NoYear { .. }
            )
            && !asides[later]
    })
}

/// The years of a sentence of two clauses joined by ", and", each with its year and no
/// other date: "The land passed to the estate in 1881, and the village's suit to recover it
/// was rejected in 1896" tells of both.
fn years_of_two_clauses(text: &str, found: &[Found]) -> Option<Dating> {
    let [first, second] = found else {
        return None;
    };
    let year = |f: &Found| match f.reading {
        Reading::BareYear {
            year,
            approximate: false,
        } => Some(year),
        _ => None,
    };
    let (one, other) = (year(first)?, year(second)?);
    let between = text.get(first.span.end..second.span.start)?;
    (between.contains(", and ") && one < other).then(|| Dating {
        date: HistoricalDate::set(
            vec![
                HistoricalDate::single(Point::year(one)),
                HistoricalDate::single(Point::year(other)),
            ],
            true,
        ),
        old_style: false,
    })
}

/// Whether the words before a date in its sentence put it in the pluperfect: "had
/// contracted", "had been arrested".
fn looks_further_back(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    words.windows(2).any(|pair| {
        pair[0] == "had"
            && (pair[1] == "been" || pair[1].ends_with("ed") || pair[1].ends_with("en"))
    })
}

/// Whether the date at `next` is coordinated with the one at `previous`, a few words after
/// it: `Some(true)` joined by "and" or a comma ("in 1839, the second in 1842, and the third
/// in 1848"), `Some(false)` by "or".
fn coordinated_with(text: &str, previous: &Range<usize>, next: &Range<usize>) -> Option<bool> {
    let between = text.get(previous.end..next.start)?;
    // "in 1926 more than four hundred — and in 1927, …": a date added between dashes.
    let added = [
        "— and in",
        "– and in",
        "— and on",
        "– and on",
        "— or in",
        "– or in",
    ];
    if let Some(lead) = (added.iter()).find_map(|a| between.trim_end().strip_suffix(a)) {
        let plain = lead.len() <= 60 && !lead.contains([';', ':', '(', ')', '—', '–', '.']);
        return plain.then_some(!between.contains(" or "));
    }
    if between.len() > 40 || between.contains([';', ':', '(', ')', '—', '[', ']', '.']) {
        return None;
    }
    let words: Vec<&str> = between
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // Not "until", "to", "through": a span; not "after", "before": another time.
    let other_relation = words.iter().any(|w| {
        matches!(
            *w,
            "until" | "till" | "to" | "through" | "after" | "before" | "since" | "by"
        )
    });
    if other_relation {
        None
    } else if words.contains(&"or") {
        Some(false)
    } else if words.contains(&"and") || between.trim_start().starts_with(',') {
        Some(true)
    } else {
        None
    }
}

/// One span from the start of `from` to the end of `to`, when `to` ends after `from` starts.
fn spanned(from: &Dating, to: &Dating) -> Option<Dating> {
    let start = from.date.start?;
    let end = to.date.end.or(to.date.start)?;
    (start.sort_key() < end.sort_key()).then(|| Dating {
        date: HistoricalDate::range(start, end),
        old_style: from.old_style && to.old_style,
    })
}

/// Whether a sentence comments in the present tense before its date ("… can be seen in a
/// letter of 31 October", "… is contained in his speech of October 1923", "there is one
/// more version") or gives a plan's figures ("… was to be 2.4 percent in 1931–1932", "was
/// to make Ghana an industrial nation by 1970"): it reports no act at its date. Quoted words, relative clauses ("which are far from complete"), "that is" and a
/// hedge that opens a narrative ("It seems that …") are passed over.
pub(crate) fn is_commentary_or_plan(sentence: &str, before_date: &str) -> bool {
    let whole = sentence.to_lowercase();
    // "was to be 2.4 percent"; "was to make Ghana an industrial nation by 1970", where the
    // date is the plan's ("their first act, in February 1923, was to draw up …" is no plan).
    let before_len = before_date.len();
    // "The directors hoped to open the line in the summer of 1840": an intention.
    let intended = [
        " hoped to ",
        " planned to ",
        " intended to ",
        " expected to ",
        " meant to ",
        " proposed to ",
    ]
    .iter()
    .any(|p| whole.find(p).is_some_and(|at| at < before_len));
    if intended {
        return true;
    }
    let planned = [" was to ", " were to ", " are to ", " is to ", " am to "]
        .iter()
        .any(|p| {
            whole.match_indices(p).any(|(at, _)| {
                let verb = whole[at + p.len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                verb == "be" || (at < before_len && verb != "blame")
            })
        });
    if planned {
        return true;
    }
    if is_foretold(&whole, before_len) {
        return true;
    }
    // The verb that governs the date stands before it.
    let lower = without_quotations(before_date).to_lowercase();
    let opening = lower.trim_start();
    if [
        "it seems",
        "it appears",
        "it is clear",
        "it is likely",
        "it is possible",
    ]
    .iter()
    .any(|hedge| opening.starts_with(hedge))
    {
        return false;
    }
    // "This declaration was independent of the letter he wrote on 8 October 1923": a
    // judgement of a state, whose date is the thing's it compares.
    let judged_state = lower
        .split_whitespace()
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| {
            matches!(pair[0], "was" | "were" | "is" | "are")
                && is_adjective_of_judgement(pair[1].trim_matches(|c: char| !c.is_alphabetic()))
        });
    if judged_state {
        return true;
    }
    // "We should be more impressed if it had disowned him on Sunday": what did not happen.
    let counterfactual = whole.contains(" if ")
        && [" should ", " would ", " could ", " might "]
            .iter()
            .any(|modal| whole.contains(modal))
        && whole.contains(" had ");
    if counterfactual {
        return true;
    }
    // "Abigail Adams's letter of 31 March … is now quoted in every textbook": the date in
    // the subject, and the sentence's verb in the present.
    // Not "At the beginning of the 1920s, such a course could not have seemed possible".
    // So is "The events of the riot (12 April 1893) are better documented …".
    let of_subject = !has_verb(before_date)
        && ((before_date.trim_end().strip_suffix(" of"))
            .and_then(|noun| noun.rsplit(' ').next())
            .is_some_and(|noun| !TIME_NOUNS.contains(&noun.to_lowercase().as_str()))
            || before_date.trim_end().ends_with('('));
    if of_subject
        && (whole.get(before_len..))
            .is_some_and(|rest| main_verb_is_present(&without_quotations(rest)))
    {
        return true;
    }
    // "Hollins (1987) calls him …, and she reads his caution in 1889 as …": a work cited by
    // its author and year, and what it says in the present.
    static CITED_SAYS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\b\p{Lu}[\p{L}'’-]+\s+\([12][0-9]{3}[a-z]?(?:,\s*pp?\.\s*[0-9–-]+)?\)\s+[a-z]+s\b",
        )
        .expect("a valid pattern")
    });
    if CITED_SAYS.is_match(before_date) {
        return true;
    }
    // "The Labor Temple, sold in 1958, now houses the museum", "Hollis, in a study
    // published in 1974, takes Pell at his word": the date in a phrase set off before the
    // sentence's verb, and the verb in the present.
    let set_off = (before_date.split_once(','))
        .is_some_and(|(subject, phrase)| !has_verb(subject) && !phrase.contains(','));
    if set_off
        && (whole.get(before_len..))
            .and_then(|rest| rest.split_once(','))
            .is_some_and(|(_, verb_on)| is_present_verb_after_phrase(verb_on))
    {
        return true;
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(at, word)| {
        // What a scholar says or has done now ("Danilov refers to the economists of the
        // 1920s", "the press has featured articles on the 1920s"), unless what follows is
        // what they report ("Avrich writes that on 15 February 1922 …").
        let reports_now = || {
            // Not "might have been": a conjecture about the past.
            let modal = at.checked_sub(1).is_some_and(|i| {
                matches!(
                    words[i],
                    "might" | "could" | "would" | "should" | "must" | "may"
                )
            });
            // Not "(is said) to have been killed": an infinitive.
            let perfect = matches!(*word, "has" | "have")
                && !modal
                && at.checked_sub(1).is_none_or(|i| words[i] != "to")
                && words
                    .get(at + 1)
                    .is_some_and(|next| *next == "been" || is_participle(next));
            // "members who took notes", "his claims of 1921": a noun, after a verb or a
            // determiner.
            let noun = at.checked_sub(1).is_some_and(|i| {
                matches!(
                    words[i],
                    "took"
                        | "taken"
                        | "take"
                        | "made"
                        | "kept"
                        | "the"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                        | "of"
                        | "no"
                        | "many"
                        | "some"
                        | "these"
                        | "those"
                        | "with"
                        | "in"
                )
            });
            if !perfect && (!PRESENT_REPORTING.contains(word) || noun) {
                return false;
            }
            // "As Prescott observes …, Moctezuma received Cortés on 8 November 1519".
            let framed = words[at.saturating_sub(3)..at].contains(&"as");
            let reported = (words[at + 1..].iter())
                .any(|w| matches!(*w, "that" | "how" | "why" | "when" | "whether"));
            !reported && !framed
        };
        let present = match *word {
            // Not "is said to have been killed at Zacatecas in June 1914": what is told of
            // the past.
            "is" | "are" => {
                words.get(at + 1) != Some(&"to")
                    && !matches!(
                        words.get(at + 1..at + 4),
                        Some([
                            "said"
                                | "reported"
                                | "believed"
                                | "thought"
                                | "known"
                                | "supposed"
                                | "alleged"
                                | "understood"
                                | "rumoured"
                                | "rumored",
                            "to",
                            "have"
                        ])
                    )
            }
            // A forecast ("such a policy will return the countryside to the level of
            // 1920–1921") tells of no time it happened in.
            // But "You will recall that …", "you will have seen by the papers how …" tell
            // the reader of what happened.
            // Nor "You will hear about it, some of D Coy. went over on Sunday night": a verb
            // in the past after it tells of the date.
            "will" | "shall" => {
                !reminds_the_reader(&words[at + 1..]) && !has_past_verb(&words[at + 1..].join(" "))
            }
            "can" | "does" | "seems" | "seem" => true,
            // "Many western historians date the destruction from the Tenth Congress": a
            // verb whose subject is the writers of history.
            _ if at > 0 && SCHOLARS.contains(&words[at - 1]) => {
                !is_participle(word)
                    && !word.ends_with("ly")
                    && !matches!(
                        *word,
                        "was"
                            | "were"
                            | "had"
                            | "did"
                            | "and"
                            | "or"
                            | "but"
                            | "of"
                            | "in"
                            | "on"
                            | "at"
                            | "from"
                            | "to"
                            | "with"
                            | "for"
                            | "as"
                            | "who"
                            | "which"
                            | "that"
                    )
                    && !words[at + 1..]
                        .iter()
                        .any(|w| matches!(*w, "that" | "how" | "whether"))
            }
            _ => reports_now(),
        };
        let before = at.checked_sub(1).map(|i| words[i]);
        // "as we can see", but "we will find out" foretells all the same.
        let aside = at.checked_sub(2).is_some_and(|i| words[i] == "as");
        let speaker = matches!(before, Some("we" | "i" | "you"))
            && (aside || !matches!(*word, "will" | "shall"));
        present
            && !speaker
            && !matches!(
                before,
                Some("which" | "that" | "who" | "what" | "as" | "one")
            )
    })
}

/// The writers of history, whose present is not the history's: "historians date …".
const SCHOLARS: &[&str] = &[
    "historians",
    "scholars",
    "authors",
    "researchers",
    "writers",
    "biographers",
    "critics",
    "commentators",
];

/// Verbs of what a writer says, in the present: "refers", "argues".
const PRESENT_REPORTING: &[&str] = &[
    "refers",
    "draws",
    "remembers",
    "writes",
    "notes",
    "argues",
    "describes",
    "claims",
    "suggests",
    "shows",
    "recounts",
    "observes",
    "maintains",
    "insists",
    "believes",
    "considers",
    "remarks",
    "emphasizes",
    "emphasises",
    "stresses",
    "concludes",
    "explains",
    "mentions",
    "cites",
    "quotes",
    "admits",
    "asserts",
    "contends",
    "discusses",
    "examines",
    "traces",
    "recalls",
];

/// "independent", "different", "typical": an adjective that judges rather than tells.
fn is_adjective_of_judgement(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "independent",
        "different",
        "similar",
        "typical",
        "characteristic",
        "true",
        "false",
        "clear",
        "evident",
        "obvious",
        "unlike",
        "like",
        "identical",
        "related",
        "unrelated",
        "separate",
        "distinct",
        "comparable",
        "equivalent",
        "consistent",
        "inconsistent",
    ];
    WORDS.contains(&word)
}

/// Documents, whose day is theirs: "the letter of 8 October".
const DOCUMENTS: &[&str] = &[
    "letter",
    "letters",
    "resolution",
    "resolutions",
    "declaration",
    "decree",
    "article",
    "statement",
    "telegram",
    "note",
    "notes",
    "speech",
    "report",
    "order",
    "decision",
    "memorandum",
    "circular",
    "appeal",
    "directive",
    "editorial",
    "diary",
    "entry",
];

/// Verbs that make a document on its day: "sent his letter of 8 October".
const MAKING_DOCUMENTS: &[&str] = &[
    "send",
    "sent",
    "sends",
    "wrote",
    "write",
    "writes",
    "written",
    "passed",
    "pass",
    "adopted",
    "adopt",
    "issued",
    "issue",
    "signed",
    "sign",
    "published",
    "publish",
    "delivered",
    "deliver",
    "drafted",
    "dictated",
    "presented",
    "submitted",
    "addressed",
    "received",
];

/// Nouns of time: "the night of 14 March" is that day, "the end of 1923" a time of that
/// year; "the works of 1922" are no time.
const TIME_NOUNS: &[&str] = &[
    "night",
    "nights",
    "morning",
    "evening",
    "afternoon",
    "day",
    "days",
    "week",
    "weeks",
    "dawn",
    "eve",
    "end",
    "beginning",
    "middle",
    "start",
    "course",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "first",
    "last",
    "half",
    "part",
    "months",
    "month",
    "year",
    "close",
];

/// Whether the words after a phrase set off by commas open on a verb in the present: "now
/// houses", "takes", "remembers" (not "was", "has been", nor a word that is no verb).
fn is_present_verb_after_phrase(text: &str) -> bool {
    const NOT_VERBS: &[&str] = &[
        "was",
        "his",
        "its",
        "this",
        "thus",
        "as",
        "us",
        "less",
        "unless",
        "perhaps",
        "always",
        "towards",
        "across",
        "besides",
        "whereas",
        "afterwards",
        "news",
    ];
    let word = text
        .split_whitespace()
        .find(|w| {
            !matches!(
                *w,
                "now" | "still" | "also" | "today" | "itself" | "himself"
            )
        })
        .unwrap_or_default();
    matches!(word, "is" | "are" | "remains" | "remain" | "seems")
        || (word.len() > 3
            && word.ends_with('s')
            && !word.ends_with("ss")
            && !word.ends_with("ous")
            && !NOT_VERBS.contains(&word))
}

/// Whether the first finite verb of `text` (lower-case) is in the present, and not in a
/// relative clause.
fn main_verb_is_present(text: &str) -> bool {
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let finite = words.iter().enumerate().find(|(_, w)| {
        matches!(
            **w,
            "is" | "are"
                | "remains"
                | "remain"
                | "has"
                | "have"
                | "seems"
                | "seem"
                | "was"
                | "were"
                | "had"
        )
    });
    finite.is_some_and(|(at, verb)| {
        // "which is", and "could have": no present of the sentence's own.
        let relative = at.checked_sub(1).is_some_and(|i| {
            matches!(
                words[i],
                "which" | "that" | "who" | "could" | "would" | "should" | "might" | "must"
            )
        });
        matches!(
            *verb,
            "is" | "are" | "remains" | "remain" | "has" | "have" | "seems" | "seem"
        ) && !relative
    })
}

/// The sentence with what stands in double quotation marks or guillemets left out.
fn without_quotations(sentence: &str) -> String {
    let quoted: Vec<Range<usize>> = single_quoted(sentence).collect();
    let sentence: std::borrow::Cow<str> = if quoted.is_empty() {
        sentence.into()
    } else {
        let mut kept = String::with_capacity(sentence.len());
        let mut from = 0;
        for span in quoted {
            kept.push_str(&sentence[from..span.start]);
            from = span.end;
        }
        kept.push_str(&sentence[from..]);
        kept.into()
    };
    let mut out = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    for c in sentence.chars() {
        match c {
            '“' | '«' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' => depth = if depth == 0 { 1 } else { 0 },
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The date of `sentence`, read after `context` (the text before it in its section), for a
/// sentence that names an entity of the registry: what the timeline would place it at.
pub fn sentence_date(
    context: &str,
    sentence: &str,
) -> Option<(HistoricalDate, Option<HistoricalDate>)> {
    let mut extractor = Extractor::default();
    extractor.paragraph(context, &|_| true);
    let text = sentence.trim();
    let mut dated = extractor.paragraph(text, &|_| true);
    match dated.first() {
        Some((range, _, _)) if range.start == 0 => {
            let (_, date, old_style) = dated.remove(0);
            Some((date, old_style))
        }
        _ => None,
    }
}

/// Whether the word before a bare year looks away from the narrative's time.
fn looks_away(before: &str) -> bool {
    let word = before
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    LOOKING_AWAY.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// Whether the date at `span` of `text` stands in an aside opened after `sentence_start` and
/// not closed before it: double quotation marks or guillemets (a title, someone's words), or
/// parentheses or brackets that say more than the date ("(the revolutions of 1905 and of
/// February 1917)"). Parentheses that hold the date alone date what the sentence names
/// beside them ("the Eleventh Congress (March-April 1922)", "(that was on August 10)").
/// Single quotes are passed over: ’ is an apostrophe as often as a closing quote.
/// Where a sentence's opening phrase of time ends ("After a mass meeting on 27 November,"):
/// its first comma, when it opens on "After", "Following" or "Before".
fn opening_phrase_end(sentence: &str) -> Option<usize> {
    let opens = ["After ", "Following ", "Before "]
        .iter()
        .any(|word| sentence.starts_with(word));
    opens.then(|| sentence.find(',')).flatten()
}

/// Whether a date restates the one before it in other terms: "24 August by the Russian
/// calendar, that is on 5 September by our own", "i.e. 7 November".
fn is_restated(before: &str) -> bool {
    static RESTATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:(?-u:\b)that is|(?-u:\b)i\.\s?e\.|(?-u:\b)namely|(?-u:\b)or rather),?\s*(?:on|in)?\s*(?:the\s*)?$",
        )
        .unwrap()
    });
    RESTATED.is_match(before)
}

/// Whether the date at `span` stands within quotation marks in its sentence: a title, or
/// someone's words.
fn in_quotation_marks(text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
    let mut quoted = false;
    for c in text[sentence_start..span.start].chars() {
        match c {
            '“' | '„' | '«' => quoted = true,
            '”' | '»' => quoted = false,
            '"' => quoted = !quoted,
            _ => {}
        }
    }
    quoted || in_single_quotes(&text[sentence_start..], span.start - sentence_start)
}

fn in_aside(text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
    if in_quotation_marks(text, sentence_start, span) {
        return true;
    }
    let mut opened: Vec<usize> = Vec::new();
    for (at, c) in text[sentence_start..span.start].char_indices() {
        match c {
            '(' | '[' => opened.push(sentence_start + at + 1),
            ')' | ']' => {
                opened.pop();
            }
            _ => {}
        }
    }
    let Some(&inside) = opened.last() else {
        return false;
    };
    // “On the Conditions for Admitting New Members” (March 1922): the date of a title.
    if text[..inside - 1]
        .trim_end()
        .ends_with(['”', '"', '»', '’'])
    {
        return true;
    }
    let close = text[span.end..]
        .find([')', ']'])
        .map_or(text.len(), |at| span.end + at);
    let around = format!("{} {}", &text[inside..span.start], &text[span.end..close]);
    around
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| !word.is_empty() && !DATING_WORDS.contains(&word.to_lowercase().as_str()))
}

/// The spans of `text` in single quotation marks: ‘The Third of May 1808’, 'knowledge shall
/// be sought'. An opening mark begins a word; a closing one ends a word and is not followed
/// by a letter, so that the apostrophes of "Lenin’s" and "don't" open and close nothing.
fn single_quoted(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let marks = ['‘', '’', '\''];
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let open = from + text[from..].find(marks)?;
            from = open + text[open..].chars().next()?.len_utf8();
            let before = text[..open].chars().next_back();
            let after = text[open..].chars().nth(1);
            let opens = text[open..].starts_with(['‘', '\''])
                && before.is_none_or(|c| c.is_whitespace() || "(—–[".contains(c))
                && after.is_some_and(char::is_alphanumeric);
            if !opens {
                continue;
            }
            let inner = open + text[open..].chars().next()?.len_utf8();
            let close = text[inner..].char_indices().find_map(|(at, c)| {
                let at = inner + at;
                let closes = matches!(c, '’' | '\'')
                    && text[..at]
                        .chars()
                        .next_back()
                        .is_some_and(|b| !b.is_whitespace())
                    && text[at + c.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|n| !n.is_alphanumeric());
                closes.then_some(at + c.len_utf8())
            });
            if let Some(close) = close {
                from = close;
                return Some(open..close);
            }
        }
    })
}

fn in_single_quotes(text: &str, at: usize) -> bool {
    single_quoted(text)
        .take_while(|quoted| quoted.start < at)
        .any(|quoted| quoted.contains(&at))
}

/// Whether the date at `span` stands between dashes that set a clause aside: "the journal
/// — which had complained of it in January 1918 — was closed".
fn in_dashes(text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
    let before = &text[sentence_start..span.start];
    let dashes = before.matches(" — ").count() + before.matches(" – ").count();
    let after = text[span.end..]
        .split_once(". ")
        .map_or(&text[span.end..], |(s, _)| s);
    // "in 1926 more than four hundred — and in 1927, more than a thousand — were burned": a
    // date the dashes add to the one before them is coordinated, not set aside.
    let opened = before.rfind(" — ").or_else(|| before.rfind(" – "));
    let adds_a_date = opened.is_some_and(|at| {
        let opening = before[at..]
            .trim_start_matches([' ', '—', '–'])
            .to_lowercase();
        ["and in ", "and on ", "or in ", "and by "].contains(&opening.as_str())
    });
    // "were published for the first time — in particular, the minutes of the meeting in
    // March 1917": what a dash adds as an example names things, not the time of the report.
    let gives_examples = opened.is_some_and(|at| {
        let opening = before[at..]
            .trim_start_matches([' ', '—', '–'])
            .to_lowercase();
        [
            "in particular",
            "namely",
            "including",
            "notably",
            "especially",
            "such as",
        ]
        .iter()
        .any(|w| opening.starts_with(w))
    });
    (dashes % 2 == 1 && gives_examples)
        || (dashes % 2 == 1 && (after.contains(" — ") || after.contains(" – ")) && !adds_a_date)
}

/// Whether a date qualifies a noun rather than dating what the sentence reports: "the works
/// of 1922–1923", "the 1936–1938 trials", "the 1923 opposition".
fn is_modifier(text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
    let before = text[sentence_start..span.start].trim_end();
    let last_word = |text: &str| {
        text.rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_lowercase()
    };
    // "of 1922" after a noun; "of 14 March 1921" after "the night" is a date all the same,
    // so only a year or a span of years is a modifier.
    let year_only = text[span.clone()]
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '–' | '-' | '/' | ' '));
    // "the economists of the 1920s": a decade after a noun is the noun's time too.
    let decade =
        text[span.clone()].to_lowercase().starts_with("the ") && text[span.clone()].ends_with("0s");
    // "a grant of the year 1607" too.
    let of_what = before.strip_suffix(" the year").unwrap_or(before);
    let of_noun = of_what.ends_with(" of")
        && (year_only || decade)
        && meeting_month(of_what).is_none()
        && !TIME_NOUNS.contains(&last_word(of_what.trim_end_matches(" of")).as_str());
    // "prepared a response to Trotsky's letter of 8 October": after the sentence's verb, a
    // document's day is the document's; "the resolution of 19 January 1924, which
    // condemned him" is the time of what the document did.
    let documents_day = !year_only && {
        let head = before
            .strip_suffix(" of")
            .or_else(|| before.strip_suffix(" from"))
            .or_else(|| before.strip_suffix(" dated"));
        head.is_some_and(|head| {
            let noun = last_word(head);
            let acts_after = text[span.end..]
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "which" | "that" | "when" | "in"));
            // "send his letter of 8 October", "passed the resolution of 4 March 1957": the
            // act that made the document is on its day.
            let made = (head.split_whitespace().rev().take(4))
                .any(|w| MAKING_DOCUMENTS.contains(&w.to_lowercase().as_str()));
            DOCUMENTS.contains(&noun.as_str()) && has_verb(head) && !acts_after && !made
        })
    };
    // "the 1936–1938 trials": a year between an article and a noun.
    let after = text[span.end..].trim_start();
    // An economic or fiscal year is the date itself.
    let next_word = after
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let noun_after = year_only
        && matches!(
            last_word(before).as_str(),
            "the" | "a" | "its" | "his" | "her" | "their"
        )
        && after.starts_with(char::is_lowercase)
        && !matches!(
            next_word,
            "and"
                | "to"
                | "fiscal"
                | "economic"
                | "financial"
                | "budget"
                | "budgetary"
                | "agricultural"
                | "harvest"
                | "year"
                | "season"
                | "campaign"
                | "or"
        );
    // "a Bolshevik since 1906", "works written before 1922", "after 1924": a time the
    // sentence looks back or away to, not the one it reports.
    // A sentence that opens on "After 12 July," tells what came next: the narrative's time.
    let opens_after_day = !year_only && before.eq_ignore_ascii_case("after");
    let looks_away =
        matches!(last_word(before).as_str(), "since" | "before" | "after") && !opens_after_day;
    // "a commodity deficit for 1930/31": the year a plan or a figure is for.
    let planned_for = year_only && last_word(before) == "for";
    of_noun
        || noun_after
        || looks_away
        || planned_for
        || in_reduced_relative(before, after)
        || documents_day
}

/// "He could not accept the abandonment of the principles enunciated in 1917": after the
/// sentence's verb, a participle right after a noun describes the noun, and its date is
/// the noun's, not the time of what the sentence reports. After "that" or a verb of saying
/// the noun opens a clause of its own ("reported that the strike ended in May 1849"), whose
/// verb the participle is unless another verb follows the date ("… that the principles
/// enunciated in 1917 were abandoned").
fn in_reduced_relative(before: &str, after: &str) -> bool {
    const NOT_NOUNS: &[&str] = &[
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "had",
        "has",
        "have",
        "and",
        "or",
        "but",
        "then",
        "he",
        "she",
        "it",
        "they",
        "we",
        "i",
        "you",
        "who",
        "which",
        "that",
        "also",
        "not",
        "never",
        "first",
        "later",
        "soon",
        "again",
        "once",
        "subsequently",
        "eventually",
        "finally",
        "still",
        "only",
    ];
    let words: Vec<String> = (before.rsplit(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect();
    let [preposition, participle, noun] = words.as_slice() else {
        return false;
    };
    if !matches!(preposition.as_str(), "in" | "on" | "during") || !is_participle(participle) {
        return false;
    }
    let noun_like = !NOT_NOUNS.contains(&noun.as_str())
        && !noun.ends_with("ly")
        && !is_participle(noun)
        && noun.chars().all(char::is_alphabetic);
    // A common noun after the sentence's verb, in the same clause: "the principles …
    // enunciated", not "Lenin proposed", nor "… and the army marched in 1923".
    let Some(noun_at) = before.rfind(noun.as_str()) else {
        return false;
    };
    let clause = before[..noun_at]
        .rsplit([',', ';', ':'])
        .next()
        .unwrap_or_default();
    let joins_clauses = clause.split_whitespace().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "and"
                | "but"
                | "while"
                | "when"
                | "whereas"
                | "after"
                | "before"
                | "until"
                | "as"
                | "because"
                | "though"
                | "although"
                | "so"
        )
    });
    let reported = {
        let mut back = clause.split_whitespace().rev().skip(1);
        back.next().is_some_and(|w| {
            let w = w.to_lowercase();
            w == "that" || SAYING.contains(&w.as_str())
        })
    };
    let verb_follows = || {
        (after
            .split(['.', ';', '?', '!', ','])
            .next()
            .unwrap_or_default())
        .split_whitespace()
        .any(|w| FINITE_AUXILIARIES.contains(&w))
    };
    noun_like && has_verb(clause) && !joins_clauses && (!reported || verb_follows())
}

/// Verbs after which a clause of what was said or known follows, with or without "that".
const SAYING: &[&str] = &[
    "said",
    "reported",
    "wrote",
    "noted",
    "claimed",
    "believed",
    "learned",
    "learnt",
    "knew",
    "heard",
    "announced",
    "thought",
    "stated",
    "declared",
    "insisted",
    "recalled",
    "argued",
    "told",
    "testified",
    "complained",
    "observed",
    "remarked",
];

/// The verbs that make a clause finite: "were", "had", "could".
const FINITE_AUXILIARIES: &[&str] = &[
    "was", "were", "is", "are", "had", "has", "have", "could", "would", "should", "must", "can",
    "will", "did",
];

/// The clause a date stands in, up to the date: from the last comma before it, lower-cased.
fn clause_before(text: &str, sentence_start: usize, span: &Range<usize>) -> String {
    let before = &text[sentence_start..span.start];
    before
        .rsplit(',')
        .next()
        .unwrap_or(before)
        .trim_start_matches(|c: char| c.is_whitespace() || "”\"’»".contains(c))
        .to_lowercase()
}

/// "since the first time he had observed Lenin in the spring of 1923", "a fugitive since the
/// surrender of August 1849": a time looked back to from the one the sentence reports.
fn is_looked_back_to(clause: &str) -> bool {
    let words: Vec<&str> = clause.split_whitespace().collect();
    words
        .windows(2)
        .any(|pair| pair[0] == "since" && !CAUSAL_SINCE_NEXT.contains(&pair[1]))
}

/// Whether a date is reached back to from the narrative's time: "was discussed as early as
/// January 1964" (in a paragraph on 1965), "as far back as 1958". The sentence is of that
/// time, but the narrative goes on in its own year after it.
fn reaches_back(clause: &str) -> bool {
    ["as early as ", "as far back as ", "as long ago as "]
        .iter()
        .any(|phrase| clause.trim_end().ends_with(phrase.trim_end()))
}

/// Whether a relative clause tells when the sentence's subject, an occasion, was: "The
/// Calder Junction General Strike was a sympathetic strike in the railway town, which lasted
/// from 26 May to 27 June 1919", as an encyclopedia's first sentence defines its subject.
fn tells_when_the_subject_was(before: &str, clause: &str) -> bool {
    const HAPPENING: &[&str] = &[
        "which lasted ",
        "which took place ",
        "which occurred ",
        "which began ",
        "which broke out ",
        "which ran ",
        "which was held ",
    ];
    let defines = [" was a ", " was an ", " were a ", " is a ", " is an "]
        .iter()
        .any(|copula| {
            before
                .split(',')
                .next()
                .is_some_and(|first| first.contains(copula))
        });
    defines && HAPPENING.iter().any(|opening| clause.starts_with(opening))
}

/// Whether a date stands in a clause beside the sentence's own: a relative clause ("who in
/// 1920–1921 chaired …") or what someone recalls ("Preobrazhensky recalled that when Lenin
/// in 1920 …"), which date other times than the one the sentence reports.
fn in_side_clause(text: &str, sentence_start: usize, span: &Range<usize>) -> bool {
    let before = &text[sentence_start..span.start];
    let clause = clause_before(text, sentence_start, span);
    let relative = ["who ", "which ", "whom ", "whose ", "where "]
        .iter()
        .any(|w| clause.starts_with(w))
        && !tells_when_the_subject_was(before, &clause);
    // "The only leader who never admitted the failures of 1926–1927 was Stalin": a relative
    // clause within the subject, whose main verb comes after the date.
    let main_verb_after = || {
        let rest = text[span.end..].split(['.', ';', '?', '!', ',']).next();
        rest.is_some_and(|rest| {
            (rest.split_whitespace()).any(|w| {
                matches!(
                    w,
                    "was"
                        | "were"
                        | "is"
                        | "are"
                        | "cannot"
                        | "could"
                        | "would"
                        | "should"
                        | "must"
                        | "can"
                        | "will"
                )
            })
        })
    };
    // "the differences that existed within the party in 1917 cannot be held against them":
    // a "that" with a verb of the past after it opens a relative clause (a "that" of what
    // is said opens on its subject).
    let that_relative = || {
        (clause.split_whitespace().collect::<Vec<_>>())
            .windows(2)
            .any(|pair| pair[0] == "that" && is_past_tense(pair[1]))
    };
    let relative = relative
        || ((clause.split_whitespace().skip(1)).any(|w| matches!(w, "who" | "whom" | "whose"))
            || that_relative())
            && main_verb_after();
    // "since the first time he had observed Lenin in the spring of 1923": a time looked
    // back to from the one the sentence reports.
    let clause_words: Vec<&str> = clause.split_whitespace().collect();
    let looked_back_to = is_looked_back_to(&clause);
    // "announced that an assembly would be convened in 1890": a time foreseen.
    let foreseen = clause_words.windows(2).any(|pair| {
        pair[0] == "would" && !matches!(pair[1], "later" | "eventually" | "soon" | "again")
    });
    // "…'s Mission to Ashantee, published in 1819, …", "Tubman, born into slavery around
    // 1822, escaped": a participle set off by a comma describes a noun.
    // Not the main verb after such a phrase ("The contradictions, repressed during the war,
    // resurfaced from the start of 1921"), nor a verb with no verb before it ("Kossuth, an
    // exile since 1849, arrived in December 1851"); "born", "written" are never verbs.
    let mut segments = before.rsplit(',');
    let (_, previous) = (segments.next(), segments.next());
    let earlier = before.rsplit_once(',').map_or("", |(earlier, _)| earlier);
    let opens_on_participle = |segment: &str| {
        (segment.split_whitespace().next()).is_some_and(|w| is_participle(&w.to_lowercase()))
    };
    // "Juárez, who had withdrawn to the north in 1865, re-entered the capital on 15 July
    // 1867": after a relative clause the verb is the sentence's own.
    let opens_on_relative = |segment: &str| {
        (segment.split_whitespace().next()).is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "who" | "which" | "whom" | "whose"
            )
        })
    };
    // A phrase closed by a comma before the sentence's verb ("…, published in 1935,
    // remains the most powerful rebuttal") is one; not the verb itself after a long
    // subject ("Ten thousand women, many with babies on their backs, surrounded the palace
    // yesterday, singing").
    let closed = text[span.end..]
        .find([',', '.', ';', ':', '?', '!'])
        .filter(|&at| text[span.end + at..].starts_with(','))
        .is_some_and(|at| {
            // "…, sold in 1958, now houses the museum": the verb after an adverb.
            let next = text[span.end + at + 1..]
                .split_whitespace()
                .find(|w| !matches!(*w, "now" | "still" | "then" | "also" | "later" | "soon"))
                .unwrap_or_default();
            FINITE_AUXILIARIES.contains(&next)
                || (next.len() > 4 && (next.ends_with("ed") || next.ends_with('s')))
        })
        // "Founded in March 1936 as a club …, it took its name in 1944": a phrase the
        // sentence opens on describes its subject, still to come after a comma (not
        // "Returned soldiers marched on 10 June", whose participle is the subject's own).
        || (!before.contains(',') && {
            let rest = &text[span.end..];
            let rest = rest.split_once(". ").map_or(rest, |(sentence, _)| sentence);
            rest.contains(',')
        });
    // "The declaration, presented at the July Plenum of 1926, stated:": what a document
    // says, it says when it is put forward.
    let put_forward_and_says = || {
        let put_forward = clause_words.first().is_some_and(|w| {
            matches!(
                *w,
                "presented" | "issued" | "adopted" | "signed" | "sent" | "delivered"
            )
        });
        let main_verb = (text[span.end..].split_once(',').map(|(_, rest)| rest))
            .and_then(|rest| rest.split_whitespace().next())
            .map(|w| w.trim_end_matches(|c: char| !c.is_alphabetic()));
        put_forward
            && main_verb.is_some_and(|verb| {
                matches!(
                    verb,
                    "stated"
                        | "said"
                        | "declared"
                        | "read"
                        | "proclaimed"
                        | "demanded"
                        | "announced"
                        | "warned"
                        | "argued"
                        | "called"
                )
            })
    };
    // "Recorded on 17 August 1974 in the speaker's house, by …, for …", "Born at Glasgow on
    // 5 May 1879.": a sentence that is the participle's phrase alone, no verb after it,
    // tells of that time.
    let fragment = || {
        let rest = &text[span.end..];
        let rest = rest.split_once(". ").map_or(rest, |(sentence, _)| sentence);
        !before.contains(',')
            && !(rest.split(|c: char| !c.is_alphabetic()))
                .any(|w| FINITE_AUXILIARIES.contains(&w) || is_past_tense(w))
    };
    let participle = !put_forward_and_says()
        && !fragment()
        && clause_words.first().is_some_and(|word| {
            is_participle(word)
                && !OCCASIONS_PARTICIPLES.contains(word)
                && (ONLY_PARTICIPLES.contains(word)
                    || closed
                    || (has_verb(earlier)
                        && previous
                            .is_some_and(|p| !opens_on_participle(p) && !opens_on_relative(p))))
        });
    let lower = before.to_lowercase();
    let recalled = [
        "recalled",
        "remembered",
        "recollected",
        "reminisced",
        "recalling",
        "remembering",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // "the members who had entered the Politburo between 1922 and 1924": a relative clause in
    // the pluperfect tells of a time before the one the sentence reports.
    let earlier = clause_words
        .windows(2)
        .any(|pair| matches!(pair[0], "who" | "which" | "whom") && matches!(pair[1], "had"));
    // "he recounted the history of the struggle between February and October 1917": the
    // time a history or an account tells of, not the time it was told.
    let told_of = [
        "history of",
        "story of",
        "account of",
        "chronicle of",
        "narrative of",
    ]
    .iter()
    .any(|phrase| {
        clause
            .rsplit([':', ';'])
            .next()
            .is_some_and(|c| c.contains(phrase))
    });
    // "wages stand at the same level as in the fall of 1925": a time compared with.
    let compared = clause_words
        .windows(2)
        .any(|pair| matches!(pair[0], "as" | "than") && matches!(pair[1], "in" | "on" | "during"))
        && clause.trim_end().ends_with(|c: char| c.is_alphabetic());
    // "most weeks, as the vicar told the council in February, were bad ones": the time a
    // report was made, set beside what the sentence says.
    // Not one that introduces the words it reports ("As Raskolnikov wrote in 1939 in a
    // letter to Stalin: …"): the writing is what the sentence tells.
    let introduces_words = || {
        let rest = &text[span.end..];
        rest.find(':')
            .is_some_and(|colon| !rest[..colon].contains([',', '.', ';']))
    };
    let as_reported = clause_words.first() == Some(&"as")
        && (clause_words.iter()).any(|w| SAYING.contains(w) || PRESENT_REPORTING.contains(w))
        && !introduces_words();
    relative
        || recalled
        || as_reported
        || looked_back_to
        || foreseen
        || participle
        || earlier
        || compared
        || told_of
}

/// Whether `word` is a verb in the past tense: "-ed", or one of the common irregular ones.
fn is_past_tense(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "arose", "began", "came", "grew", "held", "made", "met", "rose", "stood", "took", "was",
        "were", "went",
    ];
    (word.len() > 4 && word.ends_with("ed")) || IRREGULAR.contains(&word)
}

/// Past participles that are no past tense: a phrase they open describes a noun.
/// Participles that date the occasion the sentence tells of: "The Tenth Congress, held in
/// March 1921, banned factions" did so then ("taken" is a photograph's as often as a
/// ballot's).
const OCCASIONS_PARTICIPLES: &[&str] = &["held", "convened", "fought", "staged", "waged"];

const ONLY_PARTICIPLES: &[&str] = &[
    "born", "written", "known", "seen", "taken", "given", "chosen", "drawn", "begun", "shown",
];

/// Whether `text` has a word that is likely a finite verb: a past tense in "-ed" or a common
/// verb.
fn has_verb(text: &str) -> bool {
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "has", "have", "had", "did", "does", "owes", "comes", "came",
        "will", "would", "can", "could", "should", "might", "may", "must", "shall", "went",
        "became", "remains", "said", "wrote", "took", "gave", "made", "found", "began",
    ];
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .any(|w| VERBS.contains(&w.as_str()) || (w.len() > 4 && w.ends_with("ed")))
}

/// Whether `word` is a past participle that may open a phrase describing a noun:
/// "published", "born", "written".
fn is_participle(word: &str) -> bool {
    const IRREGULAR: &[&str] = &[
        "born", "written", "held", "made", "built", "sent", "known", "seen", "taken", "given",
        "led", "won", "lost", "brought", "fought", "kept", "left", "chosen", "drawn", "begun",
        "shown",
    ];
    const NOT_PARTICIPLES: &[&str] = &["and", "red", "bed", "need", "indeed", "seed", "speed"];
    (word.len() > 4 && word.ends_with("ed") && !NOT_PARTICIPLES.contains(&word))
        || IRREGULAR.contains(&word)
}

/// The words after a "since" that gives a reason ("since by then …", "since it was …")
/// rather than a time looked back to.
const CAUSAL_SINCE_NEXT: &[&str] = &[
    "by", "it", "he", "she", "they", "we", "i", "you", "there", "this", "that", "these", "those",
];

/// The words that may stand beside a date in parentheses that date what the sentence names.
const DATING_WORDS: &[&str] = &[
    "on",
    "in",
    "at",
    "from",
    "of",
    "that",
    "was",
    "it",
    "the",
    "to",
    "and",
    "until",
    "early",
    "late",
    "end",
    "beginning",
    "middle",
    "mid",
    "or",
    "about",
    "around",
    "c",
    "ca",
    "os",
    "ns",
];

/// A caption or a title line ("Feliks Dzerzhinsky (1877–1926)", "Leaders of the New
/// Opposition 1925–1926") ends without a sentence's closing punctuation: its dates date no
/// statement and give no year to the text after it. A paragraph broken off where the printed
/// page broke is prose all the same.
pub(crate) fn is_prose(text: &str) -> bool {
    ends_as_prose(text) || is_broken_off(text)
}

fn ends_as_prose(text: &str) -> bool {
    let text = text.trim_end();
    // A paragraph that ends on a reference in brackets ("… as he wrote. [Pravda, 12 May
    // 1923, p. 2]") is prose: the sentence before the reference says so.
    let text = match text.strip_suffix(']').and_then(|t| t.rfind('[')) {
        Some(open) if open > 0 => text[..open].trim_end(),
        _ => text,
    };
    text.trim_end_matches(['"', '”', '’', '\'', ')', '»', ']'])
        .ends_with(['.', '!', '?', '…', ':', ';'])
}

/// A paragraph cut off mid-sentence where the printed page broke: a transcription goes on
/// with the page's captions and then the rest of the sentence. It is longer than any caption
/// and holds a full sentence.
fn is_broken_off(text: &str) -> bool {
    const LONGER_THAN_CAPTIONS: usize = 30;
    !ends_as_prose(text)
        && text.split_whitespace().nth(LONGER_THAN_CAPTIONS).is_some()
        && ends_a_sentence_within(text)
}

/// Whether a full sentence ends inside `text`: a word of three lower-case letters or more,
/// a full stop, and a capital after it (an infobox's "c. 1930 (1930) Preceded" has none).
fn ends_a_sentence_within(text: &str) -> bool {
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#"\p{Ll}{3}[.!?][”"’)\]]*\s+[“"(]?\p{Lu}"#).unwrap());
    SENTENCE_END.is_match(text)
}

/// "Martov (1873–1923)": a span of years alone in parentheses is a life or a period beside a
/// name, not the date of what the sentence tells.
fn is_parenthesised_span(text: &str, span: &Range<usize>, reading: &Reading) -> bool {
    let years_only = matches!(reading, Reading::Dated(Dating { date, .. })
        if date.is_range && date.start.is_some_and(|p| p.month.is_none()));
    // "(1772–1833)", "(c. 1467–1520)".
    let opened = text[..span.start].trim_end();
    let opened = ["c.", "ca.", "circa"]
        .iter()
        .find_map(|c| opened.strip_suffix(c))
        .unwrap_or(opened);
    years_only && opened.trim_end().ends_with('(') && text[span.end..].starts_with(')')
}

/// What a span of years in parentheses dates, where it dates anything: "the Congress of
/// Vienna (1814–1815) redrew the map" is the congress's time, not a life; "Roy (1772–1833)
/// died at Stapleton" is the life's end.
fn parenthesised_span_dates(text: &str, span: &Range<usize>, reading: &Reading) -> Option<Reading> {
    const EVENTS: &[&str] = &[
        "congress",
        "conference",
        "war",
        "revolution",
        "rising",
        "uprising",
        "rebellion",
        "revolt",
        "council",
        "treaty",
        "siege",
        "crusade",
        "convention",
        "assembly",
        "diet",
        "synod",
        "commune",
        "famine",
        "strike",
        "campaign",
        "parliament",
        "reign",
    ];
    let Reading::Dated(Dating { date, .. }) = reading else {
        return None;
    };
    // The head of the name, followed only by words of the name: "the Crimean War", "the
    // Congress of Vienna"; not "the congress, Martov (1873–1923)".
    let name = text[..text[..span.start].rfind('(')?]
        .trim_end()
        .rsplit([',', ';', ':', '.', '(', ')', '—'])
        .next()
        .unwrap_or_default();
    let words: Vec<&str> = name.split_whitespace().rev().take(3).collect();
    let names_event = words.iter().enumerate().any(|(at, word)| {
        EVENTS.contains(&word.to_lowercase().as_str())
            && words[..at]
                .iter()
                .all(|w| *w == "of" || w.starts_with(char::is_uppercase))
    });
    if names_event {
        return Some(reading.clone());
    }
    let next_word = text[span.end + 1..]
        .split(|c: char| !c.is_alphabetic())
        .find(|w| !w.is_empty())?;
    let point = match next_word {
        "died" => date.end?,
        _ => return None,
    };
    Some(Reading::Dated(Dating {
        date: HistoricalDate::single(point),
        old_style: false,
    }))
}

fn with_year(
    year: i32,
    (month, day): (u32, u32),
    end: Option<(u32, u32)>,
    old_style: bool,
) -> Option<Dating> {
    // Day 0: the month alone ("In June").
    let start = if day == 0 {
        Point::month(year, month)
    } else {
        Point::day(year, month, day)
    };
    let date = match end {
        Some((end_month, end_day)) => {
            let end_year = if end_month < month { year + 1 } else { year };
            let end = match end_day {
                0 => Point::month(end_year, end_month),
                _ => Point::day(end_year, end_month, end_day),
            };
            HistoricalDate::range(start, end)
        }
        None => HistoricalDate::single(start),
    };
    valid(date).map(|date| Dating { date, old_style })
}

fn valid(date: HistoricalDate) -> Option<HistoricalDate> {
    let points_valid = [date.start, date.end].iter().flatten().all(Point::is_valid);
    let ordered = match (date.start, date.end) {
        (Some(a), Some(b)) => a.sort_key() <= b.sort_key(),
        _ => true,
    };
    (points_valid && ordered).then_some(date)
}

/// A month's name, in full or shortened with a full stop or without one, as letters and
/// American texts write it ("Jan 9 1864", "Sept 24th 1863").
const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\b|Feb\b|Mar\b|Apr\b|Jun\b|Jul\b|Aug\b|Sept?\b|Oct\b|Nov\b|Dec\b)";
/// A day of the month, with its ordinal's ending as English wrote it then and now ("3d",
/// "22d", "3rd").
const DAY: &str = r"([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th|d)?";
const YEAR: &str = r"(1[0-9][0-9][0-9]|20[0-4][0-9])";
const DASH: &str = r"\s*(?:-|–|—)\s*";
/// "11–25/OS November 1917", "25 October 1917 (O.S.)", "27 June, Old Style", "24 August by
/// the Russian calendar": the marks of a date given in the Julian calendar.
const OLD_STYLE: &str = r"(\s*/\s*OS\b|\s*\((?:O\.\s?S\.|[Oo]ld\s+[Ss]tyle)\)|,?\s+(?:O\.\s?S\.|[Oo]ld\s+[Ss]tyle\b|(?:by|in) the (?:Russian|Julian|old) (?:calendar|style|reckoning)\b))?";

/// One form of date: its pattern and how to read a match.
struct Form {
    pattern: String,
    regex: Regex,
    read: fn(&Captures) -> Option<Reading>,
}

/// The bare-year form matches the word before the year; the date is the year alone.
const BARE_YEAR_GROUP: usize = 2;

fn form(pattern: &str, read: fn(&Captures) -> Option<Reading>) -> Form {
    let pattern = pattern
        .replace("{M}", MONTH)
        .replace("{D}", DAY)
        .replace("{Y}", YEAR)
        .replace("{-}", DASH)
        .replace("{OS}", OLD_STYLE);
    // Dates are written in ASCII digits and Latin words: ASCII classes (`\b`, `\s`, `\w`)
    // read them as well, and compile in a fraction of the time of Unicode's tables, which
    // a build (and every first rebuild of `serve`) would otherwise pay for.
    Form {
        regex: RegexBuilder::new(&pattern)
            .unicode(false)
            .build()
            .expect("a valid date pattern"),
        pattern,
        read,
    }
}

/// Every form in one automaton, to find which occur in a text.
static FORM_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSetBuilder::new(FORMS.iter().map(|form| &form.pattern))
        .unicode(false)
        .build()
        .expect("valid date patterns")
});

/// The forms, longest first: where two overlap at the same place, the earlier form wins.
static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    vec![
        // between 15 September and 15 December 1920; from 18 to 19 March 1848 (the range,
        // not its last day, which the shorter forms would read alone)
        form(
            r"\b(?:[Bb]etween|[Ff]rom)\s+{D}\s+{M}\s+(?:and|to|until|till)\s+{D}\s+{M},?\s+{Y}\b",
            |c| {
                dated(
                    Point::day(year(c, 5)?, month(c, 2)?, day(c, 1)?),
                    Some(Point::day(year(c, 5)?, month(c, 4)?, day(c, 3)?)),
                    false,
                )
            },
        ),
        form(
            r"\b(?:[Bb]etween|[Ff]rom)\s+{D}\s+(?:and|to|until|till)\s+{D}\s+{M},?\s+{Y}\b",
            |c| {
                dated(
                    Point::day(year(c, 4)?, month(c, 3)?, day(c, 1)?),
                    Some(Point::day(year(c, 4)?, month(c, 3)?, day(c, 2)?)),
                    false,
                )
            },
        ),
        // from the 6th to the 8th of December 1661, between the 6th and the 8th of … (not
        // "the 3rd and the 17th of May", two days)
        form(
            r"\b(?:(?:[Bb]etween|[Ff]rom)\s+)?the\s+{D}\s+(?:and|to|until|till)\s+the\s+{D}\s+of\s+{M},?\s+{Y}\b",
            |c| {
                is_span(&c[0]).then_some(())?;
                dated(
                    Point::day(year(c, 4)?, month(c, 3)?, day(c, 1)?),
                    Some(Point::day(year(c, 4)?, month(c, 3)?, day(c, 2)?)),
                    false,
                )
            },
        ),
        // held on 16 and 17 October 1662, on the 22d, 23d and 24th of February, 1864: days
        // running; questioned on 20 and 27 January 1906: two days
        form(
            r"\b(?:the\s+)?((?:{D},?\s+(?:the\s+)?)+and\s+(?:the\s+)?{D})\s+(?:of\s+)?{M},?\s+{Y}\b",
            |c| {
                let days: Vec<u32> = (c[1].split(|ch: char| !ch.is_ascii_digit()))
                    .filter_map(|d| d.parse().ok())
                    .collect();
                days_of_a_month(&days, month(c, 4)?, year(c, 5)?)
            },
        ),
        // between March and June 1923, from March to June 1923, July and August 1923; "the
        // end of November or the beginning of December 1922" is a time within both months
        form(
            r"\b(?:(?:[Bb]etween|[Ff]rom)\s+)?{M}\s+(?:and|to|until|till|or)\s+(?:the\s+(?:beginning|start|middle|end|first\s+days|last\s+days)\s+of\s+)?{M},?\s+(?:of\s+)?{Y}\b",
            |c| {
                dated(
                    Point::month(year(c, 3)?, month(c, 1)?),
                    Some(Point::month(year(c, 3)?, month(c, 2)?)),
                    false,
                )
            },
        ),
        // 26 January–10 February 1934
        form(r"\b{D}\s+{M}{-}{D}\s+{M},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 5)?, month(c, 2)?, day(c, 1)?),
                Some(Point::day(year(c, 5)?, month(c, 4)?, day(c, 3)?)),
                false,
            )
        }),
        // January 26–February 10, 1934
        form(r"\b{M}\s+{D}{-}{M}\s+{D},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 5)?, month(c, 1)?, day(c, 2)?),
                Some(Point::day(year(c, 5)?, month(c, 3)?, day(c, 4)?)),
                false,
            )
        }),
        // the night of 14/15 May 1916: a night, the two days it spans
        form(r"\b{D}/{D}\s+{M},?\s+{Y}\b", |c| {
            (day(c, 2)? == day(c, 1)? + 1).then_some(())?;
            dated(
                Point::day(year(c, 4)?, month(c, 3)?, day(c, 1)?),
                Some(Point::day(year(c, 4)?, month(c, 3)?, day(c, 2)?)),
                false,
            )
        }),
        // 8–16 March 1921, 11–25/OS November 1917
        form(r"\b{D}{-}{D}{OS}\s+{M},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 5)?, month(c, 4)?, day(c, 1)?),
                Some(Point::day(year(c, 5)?, month(c, 4)?, day(c, 2)?)),
                c.get(3).is_some(),
            )
        }),
        // July 12-13, 1918
        form(r"\b{M}\s+{D}{-}{D},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 4)?, month(c, 1)?, day(c, 2)?),
                Some(Point::day(year(c, 4)?, month(c, 1)?, day(c, 3)?)),
                false,
            )
        }),
        // 25 October (7 November) 1917, 18–24 September (1–7 October) 1917: the Old Style
        // day or days, then the New Style ones in parentheses
        form(r"\b{D}\s+{M}\s*\(\s*{D}\s+{M}\s*\),?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 5)?, month(c, 2)?, day(c, 1)?),
                None,
                true,
            )
        }),
        form(
            r"\b{D}{-}{D}\s+{M}\s*\(\s*{D}{-}{D}\s+{M}\s*\),?\s+{Y}\b",
            |c| {
                dated(
                    Point::day(year(c, 7)?, month(c, 3)?, day(c, 1)?),
                    Some(Point::day(year(c, 7)?, month(c, 3)?, day(c, 2)?)),
                    true,
                )
            },
        ),
        // 16 (29) October 1917: the Old Style day, then the New Style one in parentheses
        form(r"\b{D}\s*\(\s*{D}\s*\)\s+{M},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 4)?, month(c, 3)?, day(c, 1)?),
                None,
                true,
            )
        }),
        // 15 October 1923, 25 October 1917 (O.S.)
        form(r"\b{D}(?:\s+of)?\s+{M},?\s+{Y}\b{OS}", |c| {
            dated(
                Point::day(year(c, 3)?, month(c, 2)?, day(c, 1)?),
                None,
                c.get(4).is_some(),
            )
        }),
        // February 15, 1922
        form(r"\b{M}\s+{D},?\s+{Y}\b{OS}", |c| {
            dated(
                Point::day(year(c, 3)?, month(c, 1)?, day(c, 2)?),
                None,
                c.get(4).is_some(),
            )
        }),
        // 8.XII.1923
        form(r"\b([1-9]|[12][0-9]|3[01])\.([IVX]{1,4})\.{Y}\b", |c| {
            dated(
                Point::day(year(c, 3)?, roman_month(&c[2])?, day(c, 1)?),
                None,
                false,
            )
        }),
        // March–April 1920
        form(r"\b{M}{-}{M},?\s+{Y}\b", |c| {
            dated(
                Point::month(year(c, 3)?, month(c, 1)?),
                Some(Point::month(year(c, 3)?, month(c, 2)?)),
                false,
            )
        }),
        // from December 1922 to March 1923
        form(
            r"\b(?:[Ff]rom|[Bb]etween)\s+{M},?\s+{Y}\s+(?:and|to|until|till|through)\s+{M},?\s+{Y}\b",
            |c| {
                dated(
                    Point::month(year(c, 2)?, month(c, 1)?),
                    Some(Point::month(year(c, 4)?, month(c, 3)?)),
                    false,
                )
            },
        ),
        // Michaelmas Day, 1849; Lady Day 1851: the feasts English and European documents
        // date by, whose day is fixed
        form(
            r"\b(Lady Day|Midsummer Day|Michaelmas|Martinmas|Candlemas|Christmas Day|New Year's Day|All Saints' Day|All Souls' Day|St\.? Patrick's Day|St\.? Stephen's Day)(?:\s+Day)?,?\s+(?:of\s+)?{Y}\b{OS}",
            |c| {
                let (month, day) = feast_day(&c[1]);
                dated(
                    Point::day(year(c, 2)?, month, day),
                    None,
                    c.get(3).is_some(),
                )
            },
        ),
        // Easter Monday, 1916; Whitsun 1850; Good Friday 1881: the feasts that move with
        // Easter, in the Gregorian calendar (not "Easter 1916" alone, which names the rising
        // of that Easter as often as the day)
        form(
            r"\b(Easter Sunday|Easter Monday|Easter Day|Good Friday|Whit Sunday|Whitsunday|Whit Monday|Whitsun|Ascension Day),?\s+(?:of\s+)?{Y}\b",
            |c| {
                let year = year(c, 2)?;
                let days_after_easter = match &c[1] {
                    "Easter Monday" => 1,
                    "Good Friday" => -2,
                    "Ascension Day" => 39,
                    "Whit Sunday" | "Whitsunday" | "Whitsun" => 49,
                    "Whit Monday" => 50,
                    _ => 0,
                };
                dated(easter(year)?.plus_days(days_after_easter)?, None, false)
            },
        ),
        // 1861, April 14; 1864, May–September; 1861, October: a chronology's year first
        form(r"\b{Y},\s+{M}\s+{D}\b", |c| {
            dated(
                Point::day(year(c, 1)?, month(c, 2)?, day(c, 3)?),
                None,
                false,
            )
        }),
        form(r"\b{Y},\s+{M}{-}{M}", |c| {
            dated(
                Point::month(year(c, 1)?, month(c, 2)?),
                Some(Point::month(year(c, 1)?, month(c, 3)?)),
                false,
            )
        }),
        form(r"\b{Y},\s+{M}", |c| {
            dated(Point::month(year(c, 1)?, month(c, 2)?), None, false)
        }),
        // May the 3d 1863
        form(r"\b{M}\s+the\s+{D},?\s+{Y}\b", |c| {
            dated(
                Point::day(year(c, 3)?, month(c, 1)?, day(c, 2)?),
                None,
                false,
            )
        }),
        // May 1918, October of 1923
        form(r"\b{M},?\s+(?:of\s+)?{Y}\b", |c| {
            dated(Point::month(year(c, 2)?, month(c, 1)?), None, false)
        }),
        // the winter of 1846–47: the winter that begins in the first year
        form(
            r"\b(?:[Tt]he\s+)?winter\s+of\s+{Y}{-}([0-9]{4}|[0-9]{2})\b",
            |c| {
                let start = year(c, 1)?;
                let end = full_year(start, &c[2]);
                (end == start + 1).then_some(())?;
                part("winter", start)
            },
        ),
        // the summer of 1918, spring 1926
        form(
            r"\b(?:[Tt]he\s+)?([Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)(?:\s+of)?\s+{Y}\b",
            |c| part(&c[1], year(c, 2)?),
        ),
        // early 1923, mid-1923, late in 1930
        form(r"\b([Ee]arly|[Mm]id-?|[Ll]ate)\s*(?:in\s+)?{Y}\b", |c| {
            part(&c[1], year(c, 2)?)
        }),
        // the end of 1923, the opening weeks of 1923, the first half of 1924
        form(
            r"\b[Tt]he\s+(?:very\s+)?(beginning|start|middle|end|close|opening\s+\w+|first\s+\w+|closing\s+\w+|last\s+\w+|final\s+\w+|second\s+half)\s+of\s+{Y}\b",
            |c| part(&c[1], year(c, 2)?),
        ),
        // 1928/1929, 1928/29: an economic year
        form(r"\b{Y}\s*/\s*([0-9]{4}|[0-9]{2})\b", |c| {
            let start = year(c, 1)?;
            (full_year(start, &c[2]) == start + 1).then_some(())?;
            economic_year(start)
        }),
        // 1926-7, 1919–21, 1917–1930
        form(r"\b{Y}{-}([0-9]{4}|[0-9]{1,2})\b", |c| {
            let start = year(c, 1)?;
            let end = full_year(start, &c[2]);
            // A life is a span too ("Roy (1772–1833) died"), which spans of page numbers
            // outrun.
            (end > start && end - start <= 110).then_some(())?;
            dated(Point::year(start), Some(Point::year(end)), false)
        }),
        // 27 October (9 November): the Old Style day and the New, the year from the context
        form(r"\b{D}\s+{M}\s*\(\s*{D}\s+{M}\s*\)", |c| {
            no_year((month(c, 2)?, day(c, 1)?), None, true)
        }),
        // between 3 and 9 May, from 3 to 9 May (the year from the context)
        form(
            r"\b(?:[Bb]etween|[Ff]rom)\s+{D}\s+(?:and|to|until|till)\s+{D}\s+{M}\b",
            |c| {
                no_year(
                    (month(c, 3)?, day(c, 1)?),
                    Some((month(c, 3)?, day(c, 2)?)),
                    false,
                )
            },
        ),
        // 21 January–5 February (the year from the context)
        form(r"\b{D}\s+{M}{-}{D}\s+{M}\b", |c| {
            no_year(
                (month(c, 2)?, day(c, 1)?),
                Some((month(c, 4)?, day(c, 3)?)),
                false,
            )
        }),
        // from the 6th to the 8th of December (the year from the context)
        form(
            r"\b(?:(?:[Bb]etween|[Ff]rom)\s+)?the\s+{D}\s+(?:and|to|until|till)\s+the\s+{D}\s+of\s+{M}\b",
            |c| {
                is_span(&c[0]).then_some(())?;
                no_year(
                    (month(c, 3)?, day(c, 1)?),
                    Some((month(c, 3)?, day(c, 2)?)),
                    false,
                )
            },
        ),
        // on 16 and 17 October: two days running
        form(r"\b{D}\s+and\s+{D}\s+{M}\b", |c| {
            (day(c, 2)? == day(c, 1)? + 1).then_some(())?;
            no_year(
                (month(c, 3)?, day(c, 1)?),
                Some((month(c, 3)?, day(c, 2)?)),
                false,
            )
        }),
        // 5–7 December
        form(r"\b{D}{-}{D}{OS}\s+{M}\b", |c| {
            no_year(
                (month(c, 4)?, day(c, 1)?),
                Some((month(c, 4)?, day(c, 2)?)),
                c.get(3).is_some(),
            )
        }),
        // the night of 25/26 March
        form(r"\b{D}/{D}\s+{M}\b", |c| {
            (day(c, 2)? == day(c, 1)? + 1).then_some(())?;
            no_year(
                (month(c, 3)?, day(c, 1)?),
                Some((month(c, 3)?, day(c, 2)?)),
                false,
            )
        }),
        // December 5–7
        form(r"\b{M}\s+{D}{-}{D}\b", |c| {
            no_year(
                (month(c, 1)?, day(c, 2)?),
                Some((month(c, 1)?, day(c, 3)?)),
                false,
            )
        }),
        // 13 November
        form(r"\b{D}(?:\s+of)?\s+{M}{OS}", |c| {
            no_year((month(c, 2)?, day(c, 1)?), None, c.get(3).is_some())
        }),
        // February 20
        form(r"\b{M}\s+{D}\b{OS}", |c| {
            no_year((month(c, 1)?, day(c, 2)?), None, c.get(3).is_some())
        }),
        // 13 February 1688/9: a day of the months that English usage before 1752 counted in
        // the year before (the year began on 25 March), in the Julian calendar
        form(r"\b{D}(?:\s+of)?\s+{M},?\s+{Y}\s*/\s*([0-9]{1,2})\b", |c| {
            let first = year(c, 3)?;
            let year = full_year(first, &c[4]);
            (year == first + 1).then_some(())?;
            dated(Point::day(year, month(c, 2)?, day(c, 1)?), None, true)
        }),
        // the 1840s
        form(r"\b[Tt]he\s+(1[0-9][0-9])0s\b", |c| {
            let date = HistoricalDate::parse(&format!("{}X", &c[1])).ok()?;
            Some(Reading::Dated(Dating {
                date,
                old_style: false,
            }))
        }),
        // in '46, since ’43: a year of two digits, whose century the context gives (read
        // as the year 46 here, and placed in its century by the extractor)
        form(
            r"\b([Ii]n|of|[Ss]ince|[Bb]y|[Uu]ntil|[Ff]rom|[Aa]fter|[Bb]efore|was|year)\s+(?:'|’)([0-9]{2})\b",
            |c| {
                Some(Reading::BareYear {
                    year: c[2].parse().ok()?,
                    approximate: false,
                })
            },
        ),
        // in 1921: a year after a word that makes it a time
        form(
            r"\b([Ii]n|of|[Bb]etween|and|or|[Ss]ince|[Bb]y|[Uu]ntil|till|[Dd]uring|[Ff]rom|[Aa]fter|[Bb]efore|[Aa]round|[Aa]bout|[Cc]irca|[Cc]a?\.|to|[Tt]hrough|year|[Ll]ord)\s+(1[0-9][0-9][0-9]|20[0-4][0-9])\b",
            |c| {
                let year = year(c, 2)?;
                let approximate = matches!(
                    &c[1].to_lowercase()[..],
                    "around" | "about" | "circa" | "c." | "ca."
                );
                Some(Reading::BareYear { year, approximate })
            },
        ),
    ]
});

/// Every date in `text`, in order, none overlapping another; none inside a reference in
/// square brackets ("[Trotsky, The Challenge (1926-27), p. 76]"), though an editor's
/// insertion ("[from 18–31 December, 1925]") is read.
fn find_dates(text: &str) -> Vec<Found> {
    let mut found = dates_in(text, &digit_windows(text));
    // "The twenty-ninth of December, 1905", "the 20th Frimaire, Year II": the day in words
    // or of the Republican calendar holds the month and year the forms in digits read.
    let mut in_words = days_in_words(text);
    in_words.extend(republican_dates(text));
    if !in_words.is_empty() {
        found.retain(|f| {
            !(in_words.iter()).any(|w| w.span.start <= f.span.start && f.span.end <= w.span.end)
        });
    }
    // "On 10 and 21 June": the first day is of the month named after the second.
    found.extend(first_days_of_pairs(text, &found));
    // "Between May and August", its year the context's: the forms look only near digits.
    let spans: Vec<Found> = (months_between(text).into_iter())
        .filter(|span| {
            !(found.iter()).any(|f| f.span.start < span.span.end && span.span.start < f.span.end)
        })
        .collect();
    found.extend(spans);
    found.sort_by_key(|f| f.span.start);
    // "The first week of July", "the week ending 8 September": seven days, not the month
    // or the day the week is named by.
    let weeks = weeks(text);
    if !weeks.is_empty() {
        found.retain(|f| {
            !(weeks.iter()).any(|w| w.span.start < f.span.end && f.span.start < w.span.end)
        });
        found.extend(weeks);
        found.sort_by_key(|f| f.span.start);
    }
    // A time told back from the writing before a month alone: "in October last".
    let mut alone = times_back(text);
    alone.extend(in_words);
    alone.extend(months_alone(text));
    alone.extend(feasts_without_year(text));
    alone.extend(relative_times(text));
    alone.extend(relative_days(text));
    if !alone.is_empty() {
        for month in alone {
            if !found
                .iter()
                .any(|f| f.span.start < month.span.end && month.span.start < f.span.end)
            {
                found.push(month);
            }
        }
        found.sort_by_key(|f| f.span.start);
    }
    (found.iter())
        .filter(|day| !describes_the_day_before(text, &found, day))
        .cloned()
        .collect()
}

/// Whether `day` is "the day after" said of the date just before it, by what happened
/// before that day: "on the 20th instant, the day after General Huerta assumed the
/// Presidency" is one day.
fn describes_the_day_before(text: &str, found: &[Found], day: &Found) -> bool {
    let said = &text[day.span.clone()];
    let follows_a_date = (found.iter()).any(|f| text.get(f.span.end..day.span.start) == Some(", "));
    let told_by_what = (text[day.span.end..].strip_prefix(' ')).is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_uppercase()) || rest.starts_with("the ")
    });
    said == "the day after" && follows_a_date && told_by_what
}

/// The first of two days of a month named together without a year ("on 10 and 21 June"),
/// where no form read it: a day of that month, which the sentence's second day is
/// coordinated with.
fn first_days_of_pairs(text: &str, found: &[Found]) -> Vec<Found> {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = r"\b{D}\s+and\s+(?:the\s+)?{D}\s+(?:of\s+)?{M}"
            .replace("{M}", MONTH)
            .replace("{D}", DAY);
        Regex::new(&pattern).expect("a valid pattern")
    });
    // Most paragraphs name no two days: the pattern is not run on them.
    if !text.contains(" and ") || !text.contains(|c: char| c.is_ascii_digit()) {
        return Vec::new();
    }
    PAIR.captures_iter(text)
        .filter_map(|c| {
            let first = c.get(1)?;
            let read = |f: &Found| f.span.start < first.end() && first.start() < f.span.end;
            // "on the 15th and 16th of December" is read as days told from the text's month.
            if found.iter().any(read) || text[..first.start()].ends_with("the ") {
                return None;
            }
            Some(Found {
                span: first.range(),
                reading: no_year((month(&c, 3)?, day(&c, 1)?), None, false)?,
            })
        })
        .collect()
}

/// Two months joined as a span with no year ("between May and August", "from March to
/// June"): the months of the year the context gives.
fn months_between(text: &str) -> Vec<Found> {
    static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
        let pattern =
            r"\b(?:[Bb]etween|[Ff]rom)\s+{M}\s+(?:and|to|until|till)\s+{M}\b".replace("{M}", MONTH);
        Regex::new(&pattern).expect("a valid pattern")
    });
    if !text.contains("etween") && !text.contains("rom") {
        return Vec::new();
    }
    BETWEEN
        .captures_iter(text)
        .filter_map(|c| {
            // Not "from May to August 1661", which the forms read with its year.
            let rest = text[c.get(0)?.end()..].trim_start_matches([',', ' ']);
            if rest.starts_with(|ch: char| ch.is_ascii_digit()) || rest.starts_with("of ") {
                return None;
            }
            Some(Found {
                span: c.get(0)?.range(),
                reading: no_year((month(&c, 1)?, 0), Some((month(&c, 2)?, 0)), false)?,
            })
        })
        .collect()
}

/// Weeks named by their place in a month ("the first week of July", "the third week of
/// August 1849", "the last week of May") or by the day they end on ("the week ending 8
/// September", "the week ending the 8th of September"): their seven days.
fn weeks(text: &str) -> Vec<Found> {
    static WEEKS: LazyLock<Regex> = LazyLock::new(|| {
        let pattern = concat!(
            r"\b(?:(first|second|third|fourth|last|1st|2nd|3rd|4th)\s+week\s+(?:of|in)\s+{M}",
            r"|week\s+ending\s+(?:(?:on\s+)?(?:the\s+)?{D}\s+(?:of\s+)?{M}|{M}\s+{D}))",
            r"(?:,?\s+(?:of\s+)?{Y})?\b",
        )
        .replace("{M}", MONTH)
        .replace("{D}", DAY)
        .replace("{Y}", YEAR);
        Regex::new(&pattern).expect("a valid pattern")
    });
    if !text.contains("week") {
        return Vec::new();
    }
    WEEKS
        .captures_iter(text)
        .filter_map(|c| {
            let year: Option<i32> = c.get(7).and_then(|y| y.as_str().parse().ok());
            // Any year will do for the days of a week within one month; a week ending early
            // in a month begins in the month before.
            let reckoned_in = year.unwrap_or(2001);
            let (first, last) = if let Some(place) = c.get(1) {
                let month = month(&c, 2)?;
                let first_day = match place.as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 8,
                    "third" | "3rd" => 15,
                    "fourth" | "4th" => 22,
                    _ => crate::date::days_in_month(reckoned_in, month) - 6,
                };
                let first = Point::day(reckoned_in, month, first_day);
                (first, first.plus_days(6)?)
            } else {
                let (day, month) = match c.get(3) {
                    Some(_) => (day(&c, 3)?, month(&c, 4)?),
                    None => (day(&c, 6)?, month(&c, 5)?),
                };
                let last = Point::day(reckoned_in, month, day);
                (last.plus_days(-6)?, last)
            };
            let reading = match year {
                Some(_) => Reading::Dated(Dating {
                    date: HistoricalDate::range(first, last),
                    old_style: false,
                }),
                None if first.year == last.year => Reading::NoYear {
                    start: (first.month?, first.day?),
                    end: Some((last.month?, last.day?)),
                    old_style: false,
                },
                None => return None,
            };
            let whole = c.get(0)?;
            Some(Found {
                span: whole.range(),
                reading,
            })
        })
        .collect()
}

/// Whether a sentence of a diary's entry with no day of its own is of the entry's day: the
/// first, and those that name someone or something of the registry, unless their main
/// clause comments or plans ("To Middelburg tomorrow"); what they report is read no further
/// ("News came that they will be sent" is news of the day).
fn of_the_entrys_day(said: &str, first: bool, names_entity: impl FnOnce() -> bool) -> bool {
    let main = said
        .split([',', ';'])
        .next()
        .and_then(|clause| clause.split(" that ").next())
        .unwrap_or(said);
    (first || names_entity()) && !is_commentary_or_plan(main, main) && !said.contains("tomorrow")
}

/// The same day of the next month.
fn next_month(point: Point) -> Point {
    match point.month {
        Some(12) => Point {
            year: point.year + 1,
            month: Some(1),
            ..point
        },
        Some(month) => Point {
            month: Some(month + 1),
            ..point
        },
        None => point,
    }
}

/// ", the 19th ultimo" after a day of the week.
static THE_NTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,? the ([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)(?: (ultimo|ult\.|instant|inst\.))?")
        .expect("a valid pattern")
});

/// The day of the week a name gives (Monday 0): in full, shortened to three letters or more
/// ("Wed", "Thurs"), or "the Sabbath", Sunday.
fn weekday_number(name: &str) -> Option<u32> {
    let name = if name == "Sabbath" { "Sunday" } else { name };
    (name.len() >= 3)
        .then(|| {
            crate::date::WEEKDAYS
                .iter()
                .position(|d| d.starts_with(name))
        })
        .flatten()
        .map(|at| at as u32)
}

/// The `nth` ("first" … "fourth", "last") day of the week `weekday` (Monday 0) in a month.
fn weekday_of_month(year: i32, month: u32, weekday: u32, nth: &str) -> Option<Point> {
    let days: Vec<Point> = (1..=31)
        .map(|day| Point::day(year, month, day))
        .filter(|p| p.is_valid() && p.weekday() == Some(weekday))
        .collect();
    let index = match nth {
        "first" | "1st" => 0,
        "second" | "2nd" => 1,
        "third" | "3rd" => 2,
        "fourth" | "4th" => 3,
        _ => days.len().checked_sub(1)?,
    };
    days.get(index).copied()
}

/// How many days "three days", "a week", "a fortnight" are.
fn days_counted(count: &str, unit: &str) -> Option<i64> {
    let count = match count.to_lowercase().as_str() {
        "a" | "one" => 1,
        word => match crate::text::numbers::UNITS.iter().position(|w| *w == word) {
            Some(value) => value as i64,
            None => word.parse().ok()?,
        },
    };
    let unit = match unit.to_lowercase().as_str() {
        "fortnight" => 14,
        unit if unit.starts_with("week") => 7,
        _ => 1,
    };
    Some(count * unit)
}

/// "Yesterday", "the next morning", "on Thursday", "on Monday of last week": days told from
/// a letter's date or from the last day placed. A day ahead ("tomorrow", "next Monday")
/// is no time past, and is not read.
fn relative_days(text: &str) -> Vec<Found> {
    static DAYS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u:\b)(?i:((?:the )?day before yesterday)|(yesterday|last night|last evening)",
            r"|(today|this day|this morning|this afternoon|this evening|tonight)",
            r"|((?:the next|the following) (?:morning|day|evening|afternoon)|next morning|the day after)",
            r"|((?:that|the same) (?:morning|day|evening|afternoon|night)|by the (?:evening|afternoon)|by nightfall))(?-u:\b)",
            r"|(?-u:\b)(?:[Oo]n|[Ll]ast) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Sabbath)(?-u:\b)( of last week)?",
            r"|(?-u:\b)(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Sabbath) (?:morning|afternoon|evening|night)(?-u:\b)",
            r"|(?-u:\b)[Oo]n the (?:(?:night|morning|evening|afternoon) of the )?([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)(?-u:\b)(?: (ultimo|ult\.|instant|inst\.))?",
            r"|(?-u:\b)the ([1-9]|[12][0-9]|3[01])(?:st|nd|rd|th) (?:following|ensuing)(?-u:\b)",
            r"|(?-u:\b)(?i:(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?) (days?|weeks?|fortnight) later)(?-u:\b)",
            r"|(?-u:\b)(?i:(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[1-9][0-9]?) (days?|weeks?|fortnight) ago)(?-u:\b)",
            r"|(?-u:\b)(?:the following|the next) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?-u:\b)",
            r"|(?-u:\b)the (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) following(?-u:\b)",
        ))
        .unwrap()
    });
    // Most paragraphs have none: a match is looked for first (a DFA, which ASCII word
    // boundaries let it use), and only then the groups (slow over a long text).
    if !DAYS.is_match(text) {
        return Vec::new();
    }
    DAYS.captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let turn = if c.get(1).is_some() {
                DayTurn::FromLetter(-2)
            } else if c.get(2).is_some() {
                DayTurn::FromLetter(-1)
            } else if c.get(3).is_some() {
                DayTurn::FromLetter(0)
            } else if c.get(4).is_some() {
                DayTurn::FromLast(1)
            } else if c.get(5).is_some() {
                DayTurn::FromLast(0)
            } else if let Some(count) = c.get(12) {
                // "Three days later", "a week later": told on from the last day placed.
                DayTurn::FromLast(days_counted(count.as_str(), c.get(13)?.as_str())?)
            } else if let Some(count) = c.get(14) {
                // "Two weeks ago today": told back from the letter's day.
                DayTurn::FromLetter(-days_counted(count.as_str(), c.get(15)?.as_str())?)
            } else if let Some(name) = c.get(16).or_else(|| c.get(17)) {
                // "The following Tuesday", "the Wednesday following": after the last day.
                DayTurn::NextWeekday(weekday_number(name.as_str())?)
            } else if let Some(day) = c.get(11) {
                DayTurn::Following(day.as_str().parse().ok()?)
            } else if let Some(day) = c.get(9) {
                // Not "on the 14th of March", which is a date of its own.
                let rest = text[whole.end()..].trim_start();
                // "on the 15th of this month": the month the text is dated in.
                // "on the 26th of last month": the month before it.
                let of_the_month = [
                    ("of this month", 0),
                    ("of the present month", 0),
                    ("of the same month", 0),
                    ("of last month", 1),
                ];
                if let Some((this, back)) = of_the_month
                    .iter()
                    .find(|(this, _)| rest.starts_with(*this))
                {
                    let end = text.len() - rest.len() + this.len();
                    return Some(Found {
                        span: whole.start()..end,
                        reading: Reading::RelativeDay(DayTurn::OfTheMonth {
                            day: day.as_str().parse().ok()?,
                            months_back: Some(*back),
                        }),
                    });
                }
                let of_a_month = rest.starts_with("of ")
                    || crate::date::MONTHS.iter().any(|m| rest.starts_with(m));
                if of_a_month {
                    return None;
                }
                if rest.starts_with("following") || rest.starts_with("ensuing") {
                    DayTurn::Following(day.as_str().parse().ok()?)
                } else {
                    DayTurn::OfTheMonth {
                        day: day.as_str().parse().ok()?,
                        months_back: c.get(10).map(|m| u32::from(m.as_str().starts_with("ult"))),
                    }
                }
            } else {
                // "On Sunday, the 19th ultimo": the day of the month says which Sunday.
                if let Some(day) = THE_NTH.captures(&text[whole.end()..]) {
                    let back = day.get(2).map(|m| u32::from(m.as_str().starts_with("ult")));
                    return Some(Found {
                        span: whole.start()..whole.end() + day.get(0)?.end(),
                        reading: Reading::RelativeDay(DayTurn::OfTheMonth {
                            day: day[1].parse().ok()?,
                            months_back: back,
                        }),
                    });
                }
                // "on Thursday", "last Monday"; "Monday morning".
                let weekday = weekday_number(c.get(6).or_else(|| c.get(8))?.as_str())?;
                // "on Monday next", "on Sunday morning next": a day to come.
                let next = text[whole.end()..].trim_start().starts_with("next");
                if next {
                    return None;
                }
                DayTurn::Weekday {
                    weekday,
                    last_week: c.get(7).is_some(),
                }
            };
            Some(Found {
                span: whole.range(),
                reading: Reading::RelativeDay(turn),
            })
        })
        .collect()
}

/// "Last year", "the year before last", "the present year", "last December", "October
/// last", "June of last year", "last winter", "Lady Day last": times a letter, a report or
/// a witness tells back from the day of writing or speaking.
fn times_back(text: &str) -> Vec<Found> {
    static BACK: LazyLock<Regex> = LazyLock::new(|| {
        let month = "(January|February|March|April|May|June|July|August|September|October|November|December)";
        Regex::new(&format!(
            concat!(
                r"(?-u:\b)(?:(?i:(last year|a year ago)|(the year before last)|((?:this |the )present year))",
                r"|{month},? (?:of )?(?i:(last year|the year before last))",
                r"|(?i:last) {month}|{month} last",
                r"|(?i:last) (spring|summer|autumn|fall|winter)",
                r"|(Lady Day|Midsummer Day|Midsummer|Michaelmas|Martinmas|Candlemas|Christmas) last)(?-u:\b)",
            ),
            month = month
        ))
        .unwrap()
    });
    // Each form says "last", "ago" or "present year".
    let tells_back = [
        "last",
        "Last",
        "LAST",
        "ago",
        "Ago",
        "AGO",
        "resent year",
        "RESENT YEAR",
    ];
    if !tells_back.iter().any(|word| text.contains(word)) {
        return Vec::new();
    }
    if !BACK.is_match(text) {
        return Vec::new();
    }
    let month = |m: regex::Match| crate::date::month_number(m.as_str());
    BACK.captures_iter(text)
        .filter_map(|c| {
            let years = |m: regex::Match| if m.as_str().len() > 10 { 2 } else { 1 };
            let back = if c.get(1).is_some() {
                Back::Years(1)
            } else if c.get(2).is_some() {
                Back::Years(2)
            } else if c.get(3).is_some() {
                Back::Years(0)
            } else if let Some(named) = c.get(4) {
                Back::Month {
                    month: month(named)?,
                    years: Some(years(c.get(5)?)),
                }
            } else if let Some(named) = c.get(6).or_else(|| c.get(7)) {
                Back::Month {
                    month: month(named)?,
                    years: None,
                }
            } else if let Some(season) = c.get(8) {
                match part(season.as_str(), 0)? {
                    Reading::Dated(dating) => Back::Part(dating.date.part?),
                    _ => return None,
                }
            } else {
                let (month, day) = feast_day(c.get(9)?.as_str());
                Back::Feast(month, day)
            };
            Some(Found {
                span: c.get(0)?.range(),
                reading: Reading::Back(back),
            })
        })
        .collect()
}

/// A feast whose day is fixed, named without its year: "on the feast of San Juan", "on
/// St John's Day", "at Michaelmas", "on Christmas Day": that day in the context's year.
fn feasts_without_year(text: &str) -> Vec<Found> {
    static FEAST: LazyLock<Regex> = LazyLock::new(|| {
        let saint = r"(?:St\.?|Saint|San|Santa|Sainte?|Sankt)\s+(John|Juan|Jean|Johannes|Peter|Pedro|Pierre|Michael|Miguel|Michel|Martin|Mart[ií]n|Patrick|Stephen|Esteban|[ÉE]tienne|Joseph|Jos[ée]|Andrew|Andr[ée]s|George|Jorge|David|James|Santiago|Lawrence|Lorenzo|Anne|Ana)";
        Regex::new(&format!(
            concat!(
                r"(?-u:\b)(?:[Oo]n|[Aa]t|[Bb]y|[Bb]efore|[Aa]fter|[Uu]ntil|[Ss]ince)\s+(?:the\s+)?",
                r"(?:(?:[Ff]east|[Dd]ay|[Ff]iesta)\s+of\s+{saint}|{saint}'?’?s?\s+Day",
                r"|(Lady Day|Midsummer Day|Michaelmas|Martinmas|Candlemas|Christmas Day|New Year's Day|All Saints' Day|All Souls' Day))(?-u:\b)",
            ),
            saint = saint
        ))
        .expect("a valid pattern")
    });
    let named = ["Day", "mas", "feast of", "Feast of", "iesta"];
    let names_a_saints_day =
        text.contains("day of ") && ["St", "San", "Sain"].iter().any(|w| text.contains(w));
    if !named.iter().any(|word| text.contains(word)) && !names_a_saints_day {
        return Vec::new();
    }
    FEAST
        .captures_iter(text)
        .filter_map(|c| {
            let (month, day) = match c.get(1).or_else(|| c.get(2)) {
                Some(saint) => saints_day(saint.as_str())?,
                None => feast_day(c.get(3)?.as_str()),
            };
            Some(Found {
                span: c.get(0)?.range(),
                reading: Reading::NoYear {
                    start: (month, day),
                    end: None,
                    old_style: false,
                },
            })
        })
        .collect()
}

/// The day of a saint whose feast documents date by, in the Latin church's calendar (St
/// John the Baptist's, the Midsummer feast, for St John).
fn saints_day(saint: &str) -> Option<(u32, u32)> {
    Some(match saint.to_lowercase().as_str() {
        "john" | "juan" | "jean" | "johannes" => (6, 24),
        "peter" | "pedro" | "pierre" => (6, 29),
        "michael" | "miguel" | "michel" => (9, 29),
        "martin" | "martín" | "martìn" => (11, 11),
        "patrick" => (3, 17),
        "stephen" | "esteban" | "etienne" | "étienne" => (12, 26),
        "joseph" | "jose" | "josé" => (3, 19),
        "andrew" | "andres" | "andrés" | "andre" | "andré" => (11, 30),
        "george" | "jorge" => (4, 23),
        "david" => (3, 1),
        "james" | "santiago" => (7, 25),
        "lawrence" | "lorenzo" => (8, 10),
        "anne" | "ana" => (7, 26),
        _ => return None,
    })
}

/// The day of a feast that English and European documents date by, whose day is fixed.
fn feast_day(feast: &str) -> (u32, u32) {
    match feast {
        "Lady Day" => (3, 25),
        "Midsummer Day" | "Midsummer" => (6, 24),
        "Michaelmas" => (9, 29),
        "Martinmas" => (11, 11),
        "Candlemas" => (2, 2),
        "Christmas Day" | "Christmas" => (12, 25),
        "New Year's Day" => (1, 1),
        "All Souls' Day" => (11, 2),
        feast if feast.ends_with("Patrick's Day") => (3, 17),
        feast if feast.ends_with("Stephen's Day") => (12, 26),
        _ => (11, 1),
    }
}

/// Easter Sunday of a year in the Gregorian calendar (the computus as Meeus gives it);
/// none before the calendar's reform of 1582.
fn easter(year: i32) -> Option<Point> {
    (year > 1582).then_some(())?;
    let (a, b, c) = (year % 19, year / 100, year % 100);
    let (d, e) = (b / 4, b % 4);
    let g = (b - (b + 8) / 25 + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Some(Point::day(
        year,
        u32::try_from(month).ok()?,
        u32::try_from(day).ok()?,
    ))
}

/// The day a heading dates its section by, as a letter's or a diary's heading does
/// ("2. Saltby, 27 August 1889", "Monday, 14 March 1853"): its only date, to the day. A day
/// given in both styles is the New Style one, or the Old `in_the_texts_calendar` (a site
/// whose unmarked days are Old Style: what the section tells is placed at the end).
fn day_written(heading: &str, in_the_texts_calendar: bool) -> Option<Point> {
    // "Monday night mass meeting, April 8, 1963": the weekday is the day's own.
    let found: Vec<Found> = (find_dates(heading).into_iter())
        .filter(|f| !matches!(f.reading, Reading::RelativeDay(DayTurn::Weekday { .. })))
        .collect();
    // "Session of the 22nd Prairial Year II (10 June 1794, old style)": the same day again
    // in parentheses is no second date.
    let in_parentheses = |f: &Found| {
        let before = &heading[..f.span.start];
        before.matches('(').count() > before.matches(')').count()
    };
    let own: Vec<&Found> = found.iter().filter(|f| !in_parentheses(f)).collect();
    let only: &Found = match (own.as_slice(), found.as_slice()) {
        ([only], _) => only,
        ([], [only]) => only,
        _ => return None,
    };
    match &only.reading {
        // "Session of 12 (25) October 1917": the section is of the day in our calendar.
        Reading::Dated(dating) if !dating.date.is_range && dating.date.set.is_none() => {
            let day = dating.date.start.filter(|p| p.day.is_some())?;
            Some(if dating.old_style && !in_the_texts_calendar {
                day.to_new_style()
            } else {
                day
            })
        }
        _ => None,
    }
}

/// "That winter", "the same year", "the following spring", "the previous autumn": times
/// told from the context's year.
fn relative_times(text: &str) -> Vec<Found> {
    static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(concat!(
            r"(?-u:\b)(?i:(that|this|the same|the following|the next|the previous|the preceding))\s+(spring|summer|autumn|fall|winter|year)(?-u:\b)",
            // "in the autumn of this year", "through the winter": a season of the year the
            // text is at
            r"|(?-u:\b)(?:([Ii]n|[Dd]uring|[Tt]hrough|[Tt]hroughout) )?the (spring|summer|autumn|fall|winter)(?: of (this|that|the same|the following|the next|the previous) year)?(?-u:\b)",
        ))
        .unwrap()
    });
    // Each form names a season or a year: a paragraph without one is not searched.
    const SEASONS: [&str; 6] = ["spring", "summer", "autumn", "fall", "winter", "year"];
    if !SEASONS.iter().any(|season| text.contains(season)) || !RELATIVE.is_match(text) {
        return Vec::new();
    }
    let turn_of = |word: &str| match word.to_lowercase().as_str() {
        "that" | "this" | "the same" => Turn::Same,
        "the following" | "the next" => Turn::Next,
        _ => Turn::Previous,
    };
    let season_of = |word: &str| match part(word, 0)? {
        Reading::Dated(dating) => dating.date.part,
        _ => None,
    };
    RELATIVE
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let (part, turn) = if let Some(word) = c.get(1) {
                let part = match &c[2] {
                    "year" => None,
                    season => Some(season_of(season)?),
                };
                (part, turn_of(word.as_str()))
            } else {
                let season = season_of(c.get(4)?.as_str())?;
                // "the winter of 1846" is a date form's; "the winter" alone, no time.
                let of_a_year = c.get(5).map(|w| turn_of(w.as_str()));
                let named_on = text[whole.end()..].starts_with(" of ");
                // "if the money were found in the spring": a season foreseen is no time.
                let clause = text[..whole.start()]
                    .rsplit([',', ';', '.'])
                    .next()
                    .unwrap_or("");
                let foreseen = clause.split_whitespace().any(|w| {
                    matches!(
                        w,
                        "if" | "unless"
                            | "would"
                            | "will"
                            | "could"
                            | "should"
                            | "shall"
                            | "may"
                            | "might"
                    )
                });
                match (of_a_year, c.get(3)) {
                    (Some(turn), _) => (Some(season), turn),
                    (None, Some(_)) if !named_on && !foreseen => (Some(season), Turn::Same),
                    _ => return None,
                }
            };
            Some(Found {
                span: whole.range(),
                reading: Reading::Relative { part, turn },
            })
        })
        .collect()
}

/// The months' names, found together (a month alone has no digit for the date forms'
/// windows to start from).
pub(super) static MONTH_NAMES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(crate::date::MONTHS).expect("the months' names")
});

/// "In June the workers rose": a month alone after "in", "during", "by" or "the end of", whose
/// year the context gives (a day or a year after it is read by the date forms).
fn months_alone(text: &str) -> Vec<Found> {
    let mut found = Vec::new();
    for at in MONTH_NAMES.find_iter(text) {
        let after = &text[at.end()..];
        if after.starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let next = after.trim_start_matches([' ', ',']);
        if next.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let before = &text[..at.start()];
        let before = (before.strip_suffix(' '))
            .or_else(|| before.strip_suffix("mid-").map(|_| "in"))
            .unwrap_or_default();
        let mut words = before.rsplit(' ');
        let (word, previous) = (words.next().unwrap_or_default(), words.next());
        // "in early November", "by the end of November": a time within the month.
        let within = match word {
            "In" | "in" | "During" | "during" | "By" | "by" | "early" | "late" => true,
            "of" => previous.is_some_and(|w| {
                matches!(
                    w,
                    "end" | "beginning" | "middle" | "start" | "close" | "days" | "weeks" | "week"
                )
            }),
            // "The October Plenum confirmed …", "At the June Plenum …": a meeting named by
            // its month, which the sentence opens on, is that month.
            "The" | "the" => {
                let starts = |w: Option<&str>| {
                    w.map(str::trim_end)
                        .is_none_or(|w| w.is_empty() || w.ends_with(['.', '!', '?', ':']))
                };
                let opens_on_it = match previous {
                    Some("At" | "During") => starts(words.next()),
                    previous => starts(previous),
                };
                let meeting = (next.split(|c: char| !c.is_alphabetic()).next())
                    .is_some_and(|w| MEETINGS.contains(&w));
                // "At the April Plenum of 1926": the year is read with the month elsewhere.
                // A year in parentheses is an aside: "the July (1926) Plenum".
                let sentence_rest = next.split(". ").next().unwrap_or(next);
                let mut depth = 0usize;
                let unbracketed: String = (sentence_rest.chars())
                    .filter(|&c| {
                        match c {
                            '(' => depth += 1,
                            ')' => depth = depth.saturating_sub(1),
                            _ => {}
                        }
                        depth == 0
                    })
                    .collect();
                // Within the meeting's own words: "Plenum of the Central Committee in 1926".
                let year_named = (unbracketed.split_whitespace().take(8)).any(|word| {
                    word.split(|c: char| !c.is_ascii_digit())
                        .any(|digits| digits.len() == 4)
                });
                opens_on_it && meeting && !year_named
            }
            _ => false,
        };
        // "in the June of that year", "the wet August of that year": the month of the year
        // the text is at.
        let of_that_year = ["of that year", "of the same year", "of this year"]
            .iter()
            .find(|words| next.starts_with(*words));
        if !within && of_that_year.is_none() {
            continue;
        }
        let end = of_that_year.map_or(at.end(), |words| {
            at.end() + (after.len() - next.len()) + words.len()
        });
        found.push(Found {
            span: at.start()..end,
            reading: Reading::NoYear {
                start: (at.pattern().as_u32() + 1, 0),
                end: None,
                old_style: false,
            },
        });
    }
    found
}

/// The dates of `text` that stand within `windows` (the whole text is one window).
fn dates_in(text: &str, windows: &[Range<usize>]) -> Vec<Found> {
    let mut candidates: Vec<(usize, usize, usize, Reading)> = Vec::new();
    for window in windows {
        read_window(text, window, &mut candidates);
    }
    if candidates.is_empty() {
        return Vec::new();
    }
    candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    let brackets = references(text);
    let mut found: Vec<Found> = Vec::new();
    for (start, end, _, reading) in candidates {
        let overlaps = found.last().is_some_and(|last| start < last.span.end);
        let in_brackets = brackets.iter().any(|b| b.contains(&start));
        let reading = if is_parenthesised_span(text, &(start..end), &reading) {
            match parenthesised_span_dates(text, &(start..end), &reading) {
                Some(reading) => reading,
                None => continue,
            }
        } else {
            reading
        };
        if !overlaps && !in_brackets && !is_number_continued(text, start, end) {
            found.push(Found {
                span: start..end,
                reading,
            });
        }
    }
    found
}

/// Every reading of a form within `window` of `text`: (start, end, the form's priority, the
/// reading), overlapping ones included. The window's end is where the text ends for the
/// patterns; its start is where they begin to look, seeing the text before it (so `\b`
/// there reads as in the whole).
fn read_window(
    text: &str,
    window: &Range<usize>,
    candidates: &mut Vec<(usize, usize, usize, Reading)>,
) {
    let haystack = &text[..window.end];
    // One pass of all the forms together tells which of them occur at all; most windows
    // hold none or one, and only those are then read with their captures.
    for priority in &FORM_SET.matches_at(haystack, window.start) {
        let form = &FORMS[priority];
        let mut at = window.start;
        while let Some(captures) = form.regex.captures_at(haystack, at) {
            // No form matches an empty text: every one has a digit.
            at = captures.get(0).expect("the whole match").end();
            let Some(reading) = (form.read)(&captures) else {
                continue;
            };
            let group = match reading {
                Reading::BareYear { .. } => BARE_YEAR_GROUP,
                _ => 0,
            };
            let span = captures.get(group).expect("the date's group");
            candidates.push((span.start(), span.end(), priority, reading));
        }
    }
}

/// How far a date reaches from its digits, in bytes other than white space: "September
/// – December, 1921" has 21 before its first digit, "12th of September (O. S.)" 19 after its
/// last. More than twice that, to spare.
const DATE_REACH: usize = 48;

/// The stretches of `text` that may hold a date: every form has a digit, and reaches no
/// further than `DATE_REACH` from it, so the patterns need not read the prose between
/// (most of a paragraph). Each stretch ends before white space or at the text's end, so
/// that `\b` at its end reads as in the whole text.
fn digit_windows(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut windows: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(u8::is_ascii_digit) {
        let first = i + skip;
        let after = first
            + bytes[first..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
        let start = reach_back(bytes, first);
        let end = reach_on(bytes, after);
        match windows.last_mut() {
            Some(last) if start <= last.end => last.end = end,
            _ => windows.push(start..end),
        }
        i = after;
    }
    windows
}

/// `DATE_REACH` bytes other than white space back from `at`, then back to where a
/// character starts (UTF-8's continuation bytes are 0b10xxxxxx).
fn reach_back(bytes: &[u8], mut at: usize) -> usize {
    let mut left = DATE_REACH;
    while at > 0 && left > 0 {
        at -= 1;
        left -= usize::from(!bytes[at].is_ascii_whitespace());
    }
    while at > 0 && bytes[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    at
}

/// `DATE_REACH` bytes other than white space on from `at`, then on to the next white space
/// (or the end).
fn reach_on(bytes: &[u8], mut at: usize) -> usize {
    let mut left = DATE_REACH;
    while at < bytes.len() && (left > 0 || !bytes[at].is_ascii_whitespace()) {
        left = left.saturating_sub(usize::from(!bytes[at].is_ascii_whitespace()));
        at += 1;
    }
    at
}

/// "1,923" or "12.5 March": digits glued to a number around them are no date.
fn is_number_continued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().rev().take(2).collect::<Vec<_>>();
    let glued_before = matches!(before.as_slice(), [',' | '.', d, ..] if d.is_ascii_digit());
    let after = text[end..].chars().take(2).collect::<Vec<_>>();
    let glued_after = matches!(after.as_slice(), [',' | '.', d, ..] if d.is_ascii_digit());
    glued_before || glued_after
}

static PAGE_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bpp?\.\s*[0-9]|\b[Vv]ol(ume)?\.?\s+[0-9]|\bCW\b").expect("a valid pattern")
});

/// Bracketed spans that cite a page or a volume.
fn references(text: &str) -> Vec<Range<usize>> {
    bracketed(text)
        .into_iter()
        .filter(|range| PAGE_REFERENCE.is_match(&text[range.clone()]))
        .collect()
}

fn bracketed(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match c {
            '[' => open = Some(i),
            ']' => {
                if let Some(start) = open.take() {
                    ranges.push(start..i);
                }
            }
            _ => {}
        }
    }
    ranges
}

fn dated(start: Point, end: Option<Point>, old_style: bool) -> Option<Reading> {
    let date = match end {
        Some(end) => HistoricalDate::range(start, end),
        None => HistoricalDate::single(start),
    };
    valid(date).map(|date| Reading::Dated(Dating { date, old_style }))
}

fn no_year(start: (u32, u32), end: Option<(u32, u32)>, old_style: bool) -> Option<Reading> {
    // A leap year, so that 29 February is read; the real year is checked when it is known.
    with_year(2000, start, end, false)?;
    Some(Reading::NoYear {
        start,
        end,
        old_style,
    })
}

/// The Soviet economic (fiscal) year ran from 1 October to 30 September until 1930:
/// "1928/1929" is October 1928–September 1929.
fn economic_year(start: i32) -> Option<Reading> {
    dated(
        Point::month(start, 10),
        Some(Point::month(start + 1, 9)),
        false,
    )
}

fn part(word: &str, year: i32) -> Option<Reading> {
    let word = word.to_lowercase();
    let first = word.split_whitespace().next().unwrap_or("");
    let part = match first {
        "spring" => YearPart::Spring,
        "summer" => YearPart::Summer,
        "autumn" | "fall" => YearPart::Autumn,
        "winter" => YearPart::Winter,
        "early" | "beginning" | "start" | "opening" | "first" => YearPart::Early,
        "mid" | "mid-" | "middle" => YearPart::Middle,
        "end" | "close" | "closing" => YearPart::End,
        "late" | "last" | "final" | "second" => YearPart::Late,
        _ => return None,
    };
    Some(Reading::Dated(Dating {
        date: HistoricalDate::part_of_year(year, part),
        old_style: false,
    }))
}

fn year(c: &Captures, group: usize) -> Option<i32> {
    c.get(group)?.as_str().parse().ok()
}

/// Whether two days joined are the ends of a span: "between … and", or "to", "until".
fn is_span(joined: &str) -> bool {
    joined.starts_with(['B', 'b']) || !joined.contains(" and ")
}

/// Days of one month named together: a span where they run on ("the 22d, 23d and 24th"),
/// each of them where they do not ("20 and 27 January").
fn days_of_a_month(days: &[u32], month: u32, year: i32) -> Option<Reading> {
    let (&first, &last) = (days.first()?, days.last()?);
    if days.windows(2).all(|pair| pair[1] == pair[0] + 1) {
        return dated(
            Point::day(year, month, first),
            Some(Point::day(year, month, last)),
            false,
        );
    }
    let days = days
        .iter()
        .map(|&d| HistoricalDate::single(Point::day(year, month, d)));
    Some(Reading::Dated(Dating {
        date: HistoricalDate::set(days.collect(), true),
        old_style: false,
    }))
}

fn day(c: &Captures, group: usize) -> Option<u32> {
    let text = c.get(group)?.as_str();
    text.trim_end_matches(char::is_alphabetic).parse().ok()
}

fn month(c: &Captures, group: usize) -> Option<u32> {
    month_named(c.get(group)?.as_str())
}

/// The month a name gives, in full or shortened ("Sept.", "Dec"): by its first three letters.
fn month_named(name: &str) -> Option<u32> {
    let prefix: String = name.chars().take(3).collect();
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    months
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

fn roman_month(text: &str) -> Option<u32> {
    let numerals = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    numerals
        .iter()
        .position(|n| *n == text)
        .map(|i| i as u32 + 1)
}

/// "1926-7" is 1926–1927, "1919-21" 1919–1921.
fn full_year(start: i32, end: &str) -> i32 {
    let value: i32 = end.parse().unwrap_or(0);
    match end.len() {
        1 => start - start % 10 + value,
        2 => start - start % 100 + value,
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(context: &str, sentence: &str) -> Option<String> {
        sentence_date(context, sentence)
            .map(|(date, old_style)| date.human_with_old_style(old_style.as_ref()))
    }

    fn read(sentence: &str) -> Option<String> {
        date_of("", sentence)
    }

    fn edtf_of(sentence: &str) -> Option<String> {
        sentence_date("", sentence).map(|(date, _)| date.edtf())
    }

    /// The dates a page's statements are placed at: its paragraphs each with its section
    /// (how many headings stand before it), under `headings`, in a document dated
    /// `document`; `names_entity`, whether every sentence names someone of the registry.
    /// Paragraphs each with its section (how many headings stand before it).
    fn paragraph_texts(paragraphs: &[(usize, &str)]) -> Vec<ParagraphText> {
        (paragraphs.iter())
            .map(|&(section, text)| ParagraphText {
                anchor: "p-1".to_string(),
                section,
                text: text.to_string(),
            })
            .collect()
    }

    fn page_dates(
        (headings, document): (&[&str], Option<Point>),
        paragraphs: &[(usize, &str)],
        names_entity: bool,
    ) -> Vec<String> {
        let paragraphs = paragraph_texts(paragraphs);
        let statements = Extractor::page_under(
            (headings, document, None),
            &paragraphs,
            &|_, _| names_entity,
            &|_| Vec::new(),
        );
        statements.iter().map(|s| s.date.edtf()).collect()
    }

    #[test]
    fn a_commentary_in_the_present_or_a_plan_dates_nothing() {
        for sentence in [
            "Such a reform will bring the villages back to where they stood in 1848.",
            "How it was done can be seen in a letter of 12 May 1924 to the Politburo.",
            "The best account is contained in his speech to the Senate in October 1911.",
            "There is a second version, printed by the paper on 10 August 1940.",
            "The Labor Temple, sold in 1958, now houses the valley's museum.",
            "Hollins (1987) calls him a leader, and she reads his caution in 1889 as wisdom.",
            "Peter Hollis, in a short study published in 1974, takes Pell at his word.",
            "Her memoir, published in Paris in 1934, remembers the spring of 1917 fondly.",
            "Output of steel in 1931 was to be twice that of the year before.",
            "The plan set aside a reserve of grain for 1930/31.",
        ] {
            assert_eq!(read(sentence), None, "{sentence}");
        }
        // A hedge opens a narrative in the past; a relative clause in the present is an aside.
        assert_eq!(
            read("It seems that the guild was still meeting in 1924.").as_deref(),
            Some("1924")
        );
        assert_eq!(
            read("In 1926, by counts which are far from complete, two hundred farms burned.")
                .as_deref(),
            Some("1926")
        );
        assert_eq!(
            read("In 1919 the council met, and its minutes are lost.").as_deref(),
            Some("1919")
        );
    }

    #[test]
    fn a_meeting_named_by_its_month_gives_the_month() {
        assert_eq!(
            read("At the April Plenum of 1929, the majority condemned him.").as_deref(),
            Some("April 1929")
        );
        assert_eq!(
            read("In 1923, the question of a monopoly was raised at the June Plenum.").as_deref(),
            Some("June 1923")
        );
        // A month named by the way is no meeting's.
        assert_eq!(
            read("In 1905, after the October strikes, the tsar gave way.").as_deref(),
            Some("1905")
        );
    }

    #[test]
    fn two_dates_joined_by_from_and_until_or_between_and_are_one_span() {
        // A quantity's two times, the comma of its number no parting.
        assert_eq!(
            edtf_of("The population of the city went from 2 millions in 1917 to 750,000 in 1920."),
            Some("1917/1920".to_string())
        );
        // In the American order, with its commas; joined by a dash.
        assert_eq!(
            edtf_of(
                "The battle was fought from December 31, 1862, to January 2, 1863, in Tennessee."
            ),
            Some("1862-12-31/1863-01-02".to_string())
        );
        assert_eq!(
            edtf_of(
                "The regiment fought at Stones River, 31 Dec. 1862 – 2 Jan. 1863, and lost heavily."
            ),
            Some("1862-12-31/1863-01-02".to_string())
        );
        assert_eq!(
            read("From May 1848 until his flight in March 1849, he edited the paper.").as_deref(),
            Some("May 1848–March 1849")
        );
        assert_eq!(
            read(
                "Between the spring congress [in April 1903] and 12 July 1904, the split deepened."
            )
            .as_deref(),
            Some("April 1903–12 July 1904")
        );
        // Joined by a clause of its own, the second date is another matter.
        assert_eq!(
            read("From 1906 he lived abroad, and in 1917, to everyone's surprise, he returned.")
                .as_deref(),
            None
        );
    }

    #[test]
    fn a_time_looked_back_to_or_soon_after_is_not_the_sentences_own() {
        assert_eq!(
            read("By then the surgeon found that, since the day he first saw her in the spring of 1911, she had recovered.")
                .as_deref(),
            None
        );
        assert_eq!(
            read("She began to write soon after her release in 1953.").as_deref(),
            Some("c. 1953")
        );
        // A "since" that gives a reason leaves the date the sentence's own.
        assert_eq!(
            read("Prices rose, since by the 1925/1926 fiscal year the old plants were restored.")
                .as_deref(),
            Some("October 1925–September 1926")
        );
    }

    #[test]
    fn coordinated_dates_are_a_set_of_all_or_one_of_them() {
        let edtf = |sentence: &str| sentence_date("", sentence).map(|(d, _)| d.edtf());
        assert_eq!(
            edtf("The mill struck in March 1834 and again in May 1835.").as_deref(),
            Some("{1834-03,1835-05}")
        );
        assert_eq!(
            edtf("The bridge was built in 1205 or 1206 by the monks.").as_deref(),
            Some("[1205,1206]")
        );
        assert_eq!(
            edtf("The first census was taken in 1801, the second in 1811, and the third in June 1821.")
                .as_deref(),
            Some("{1801,1811,1821-06}")
        );
        assert_eq!(
            read("The mill struck in March 1834 and again in May 1835.").as_deref(),
            Some("March 1834 and May 1835")
        );
        // A date after "until" or "after" is another relation, not one of a set.
        assert_eq!(
            edtf("The mill was shut in March 1834 until May 1835.").as_deref(),
            Some("1834-03")
        );
    }

    #[test]
    fn two_years_running_joined_by_and_are_one_span() {
        assert_eq!(
            read("In the years 1846 and 1847 the potato crop failed.").as_deref(),
            Some("1846–1847")
        );
        // Years apart are two times.
        assert_eq!(
            read("In 1846 and 1850 the crop failed.").as_deref(),
            Some("1846 and 1850")
        );
    }

    #[test]
    fn the_date_of_a_title_and_a_relative_clause_after_a_quotation_are_asides() {
        for sentence in [
            "The rules were set out in a circular, “On the Admission of Members” (March 1922), sent to every branch.",
            "The tariff was meant to close the “price gap,” which the minister had proposed in 1923.",
        ] {
            assert_eq!(read(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn a_month_alone_takes_the_year_of_its_context() {
        assert_eq!(
            date_of("That was in 1871.", "In May the army entered the city.").as_deref(),
            Some("May 1871")
        );
        assert_eq!(
            date_of(
                "That was in 1871.",
                "During March, the guards held the hill."
            )
            .as_deref(),
            Some("March 1871")
        );
        // "may" the verb, and a month with its day or year, are left to the other forms.
        assert_eq!(
            read("In May 1871 the army entered the city.").as_deref(),
            Some("May 1871")
        );
        assert_eq!(date_of("", "In May the army entered the city."), None);
        // A time within the month.
        let context = "Those were the events of 1848.";
        for (sentence, date) in [
            (
                "By the end of November the clubs had closed.",
                "November 1848",
            ),
            ("In early March the students marched.", "March 1848"),
            ("By mid-August the harvest was in.", "August 1848"),
            ("At the close of April the vote was taken.", "April 1848"),
            (
                "In the first days of July the troops withdrew.",
                "July 1848",
            ),
        ] {
            assert_eq!(
                date_of(context, sentence).as_deref(),
                Some(date),
                "{sentence}"
            );
        }
        // A month that names something, not a time.
        assert_eq!(
            date_of(context, "The October Manifesto was read aloud."),
            None
        );
    }

    #[test]
    fn years_of_any_century_decades_and_spans_of_years_are_read() {
        for (sentence, expected) in [
            ("The abbey was founded around 1130 by the count.", "c. 1130"),
            ("Printing came to the town c. 1480.", "c. 1480"),
            ("In the year of our Lord 1312 the bridge fell.", "1312"),
            ("In the 1880s the mills doubled their hands.", "1880s"),
            // A double year, before 1752 in England: the Julian day, placed in the New Style.
            (
                "The charter was sealed on 2 March 1701/2 at Westminster.",
                "13 March 1702 (2 March 1702 O.S.)",
            ),
            (
                "The famine lasted from 1740 to 1741 in the west.",
                "1740–1741",
            ),
            ("Between 1791 and 1804 the colony was at war.", "1791–1804"),
        ] {
            assert_eq!(read(sentence).as_deref(), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn a_foreseen_time_a_plan_and_a_participle_set_off_by_commas_are_asides() {
        for sentence in [
            "The king declared that a parliament would be called in 1641.",
            "The canal was to carry coal to the coast by 1795.",
            "What we know of the mission comes from the captain's journal, printed in 1822.",
        ] {
            assert_eq!(date_of("That was in 1640.", sentence), None, "{sentence}");
        }
        // The sentence's own date stands beside such a phrase.
        assert_eq!(
            read("The captain, born in Bristol in 1790, sailed for the coast in 1817.").as_deref(),
            Some("1817")
        );
        // A phrase that stands between the subject and its verb leaves the verb its date.
        assert_eq!(
            read("The grievances, ignored during the war, returned from the start of 1919.")
                .as_deref(),
            Some("early 1919")
        );
    }

    #[test]
    fn reads_full_dates_in_both_orders() {
        assert_eq!(
            read("On 15 October 1923 it met.").as_deref(),
            Some("15 October 1923")
        );
        assert_eq!(
            read("On February 15, 1922, it met.").as_deref(),
            Some("15 February 1922")
        );
        assert_eq!(
            read("It came on 8.XII.1923 at last.").as_deref(),
            Some("8 December 1923")
        );
        assert_eq!(
            read("In May 1918, at a conference.").as_deref(),
            Some("May 1918")
        );
    }

    #[test]
    fn reads_ranges_written_in_words() {
        for (sentence, expected) in [
            (
                "Between 15 September and 15 December 1920 the commission sat.",
                "15 September–15 December 1920",
            ),
            (
                "From 18 to 19 March 1848 the barricades stood.",
                "18–19 March 1848",
            ),
            (
                "In July and August 1923 strikes broke out.",
                "July–August 1923",
            ),
            (
                "From March to June 1923 the discussion went on.",
                "March–June 1923",
            ),
            (
                "Word reached him at the end of May or the beginning of June 1848.",
                "May–June 1848",
            ),
        ] {
            assert_eq!(read(sentence).as_deref(), Some(expected), "{sentence}");
        }
    }

    #[test]
    fn reads_ranges() {
        for (text, human) in [
            (
                "On the night of July 12-13, 1918, they came.",
                "12–13 July 1918",
            ),
            ("It sat from 8–16 March 1921 in Moscow.", "8–16 March 1921"),
            (
                "It sat 26 January–10 February 1934.",
                "26 January–10 February 1934",
            ),
            ("In March–April 1920 the party met.", "March–April 1920"),
            ("In the years 1926-7 he revised it.", "1926–1927"),
            ("Exports in 1928/1929 fell.", "October 1928–September 1929"),
        ] {
            assert_eq!(read(text).as_deref(), Some(human), "{text}");
        }
    }

    #[test]
    fn an_old_style_date_is_placed_at_its_new_style_day() {
        assert_eq!(
            read("The congress sat from 11–25/OS November 1917 – V. R.).").as_deref(),
            Some("24 November–8 December 1917 (11–25 November 1917 O.S.)")
        );
        // The sentence says so away from the day.
        assert_eq!(
            date_of(
                "In December 1905 the town rose.",
                "On the second of December, as we then counted, they went to the police office."
            )
            .as_deref(),
            Some("15 December 1905 (2 December 1905 O.S.)")
        );
        assert_eq!(
            read("A communiqué dated, in the Russian style, the 29th December 1905, was issued.")
                .as_deref(),
            Some("11 January 1906 (29 December 1905 O.S.)")
        );
    }

    #[test]
    fn seasons_and_parts_of_a_year_are_approximate() {
        assert_eq!(
            read("During the summer of 1918, he rallied.").as_deref(),
            Some("summer 1918")
        );
        assert_eq!(
            read("By the end of 1923 it was over.").as_deref(),
            Some("end of 1923")
        );
        assert_eq!(
            read("In the opening weeks of 1923 it grew.").as_deref(),
            Some("early 1923")
        );
        assert_eq!(
            read("In early 1923 it grew.").as_deref(),
            Some("early 1923")
        );
    }

    #[test]
    fn a_day_without_a_year_takes_the_year_before_it_or_stays_unplaced() {
        let context = "On February 15, 1922, the commission recommended his expulsion.";
        assert_eq!(
            date_of(
                context,
                "The Politburo, on February 20, declared him expelled."
            )
            .as_deref(),
            Some("20 February 1922")
        );
        assert_eq!(read("On 13 November, Pravda began the discussion."), None);
        let december = "On 12 December 1922, Dzerzhinsky informed Lenin.";
        assert_eq!(
            date_of(december, "On 24 January, Lenin asked Stalin.").as_deref(),
            Some("24 January 1923")
        );
    }

    /// The date of the last paragraph's first dated sentence, read after the others.
    fn date_after(paragraphs: &[&str]) -> Option<String> {
        let mut extractor = Extractor::default();
        let mut last = Vec::new();
        for paragraph in paragraphs {
            last = extractor.paragraph(paragraph, &|_| true);
        }
        let (_, date, old_style) = last.into_iter().next()?;
        Some(date.human_with_old_style(old_style.as_ref()))
    }

    #[test]
    fn a_year_in_retrospect_or_far_back_dates_no_later_day() {
        let before = "In December 1922 Lenin asked for the text.";
        let retrospect = "It was printed (for the last time before 1956) on 2 November.";
        assert_eq!(
            date_after(&[before, retrospect]).as_deref(),
            Some("2 November 1922")
        );
        let statement = "She told of it in her statement from 1926.";
        assert_eq!(
            date_after(&[before, statement, "On 5 March he wrote."]).as_deref(),
            Some("5 March 1923"),
            "December 1922 runs on into 1923"
        );
        let mut far = vec![before];
        far.extend([
            "The 1926 Plenum heard it.",
            "No date here at all.",
            "Nor here.",
        ]);
        far.extend([
            "Nor here.",
            "Nor here.",
            "Nor here.",
            "Nor here.",
            "Nor here.",
        ]);
        far.extend(["Nor here.", "On 5 March he wrote."]);
        assert_eq!(
            date_after(&far),
            None,
            "the year is too far back to date the day"
        );
    }

    #[test]
    fn a_day_named_again_is_the_day_named_before() {
        let named = "The minutes of the meeting of 16 (29) October 1917 were published.";
        let between = "In 1939 Trotsky wrote of it.";
        let again = "Thus, at a night session on 16 October, it was decided.";
        assert_eq!(
            date_after(&[named, between, again]).as_deref(),
            Some("29 October 1917 (16 October 1917 O.S.)")
        );
    }

    #[test]
    fn a_sentence_opening_on_its_year_is_dated_by_it() {
        assert_eq!(
            read("In 1923 Miasnikov organised the Workers Group, with N.V. Kuznetsov (also expelled in 1922).").as_deref(),
            Some("1923")
        );
        assert_eq!(read("He wrote of 1923 and of 1922."), None);
    }

    #[test]
    fn numbers_that_are_no_dates_are_not_read() {
        assert_eq!(read("It grew from 0.6 bottles to 4.3 per capita."), None);
        assert_eq!(read("Some 1,500 workers and 300 delegates came."), None);
        assert_eq!(
            read("See [Trotsky, The Challenge (1926-27), p. 76] on this."),
            None
        );
    }

    #[test]
    fn a_date_in_an_aside_dates_no_statement_but_one_beside_a_name_does() {
        // Parenthetical clauses, quoted titles and quoted words are asides.
        for aside in [
            "After two rounds of revolutions (in 1918–1920 and in 1923) that ended in defeat, the movement had not died out.",
            "In his article “A Response to the Inquiries of Comrades (September 1926)” Trotsky noted that the faction was splitting the party.",
            "Based on the first two revolutions (the revolutions of 1905 and of February 1917), Lenin discovered the form of a semi-state.",
            "Avtorkhanov recalls that long before, “in October 1923, Stalin countermanded the routine”, as he put it.",
        ] {
            assert_eq!(read(aside), None, "{aside}");
        }
        // Parentheses that hold a date alone date what stands beside them.
        assert_eq!(
            read("Stalin was elected after the Eleventh Party Congress (March–April 1922), in which Lenin took little part.").as_deref(),
            Some("March–April 1922")
        );
        assert_eq!(
            read("And then (that was on 10 August 1924) he asked for the newspaper.").as_deref(),
            Some("10 August 1924")
        );
        // An aside still gives the text after it its year.
        assert_eq!(
            date_of(
                "The congress (in March 1923) opened late.",
                "On 26 March, Trotsky spoke."
            )
            .as_deref(),
            Some("26 March 1923")
        );
    }

    #[test]
    fn a_paragraph_ending_on_a_reference_in_brackets_is_prose() {
        let paragraphs = [ParagraphText {
            anchor: "p-1".to_string(),
            section: 0,
            text: "On 12 May 1923 Lenin wrote to him again. [Pravda, 14 May 1923, p. 22]"
                .to_string(),
        }];
        let statements = Extractor::page(&paragraphs, &|_, _| true, &|_| Vec::new());
        assert_eq!(statements.len(), 1, "{statements:?}");
        assert_eq!(statements[0].date.human(), "12 May 1923");
    }

    /// With no year before it in its section, a day takes the year of the event of the
    /// registry that its sentence names, not of one named in an aside.
    #[test]
    fn a_day_without_a_context_takes_the_year_of_the_event_its_sentence_names() {
        let synod = Point::month(1845, 4);
        let dates = |text: &str| -> Vec<String> {
            let paragraphs = [ParagraphText {
                anchor: "p-1".to_string(),
                section: 0,
                text: text.to_string(),
            }];
            let named: Vec<(usize, Point)> = (text.match_indices("Synod"))
                .map(|(at, _)| (at, synod))
                .collect();
            let statements = Extractor::page(&paragraphs, &|_, _| true, &|_| named.clone());
            statements.iter().map(|s| s.date.human()).collect()
        };
        assert_eq!(
            dates("On 11 January the council agreed that he would speak at the Synod."),
            ["11 January 1845"]
        );
        assert!(dates("On 12 October a session (of those chosen at the Synod) met.").is_empty());
        // A day more than half a year from the event is in the year beside it.
        let text = "On 2 December the bishops met to prepare the Synod.";
        let paragraphs = [ParagraphText {
            anchor: "p-1".to_string(),
            section: 0,
            text: text.to_string(),
        }];
        let at = text.find("Synod").unwrap();
        let statements = Extractor::page(&paragraphs, &|_, _| true, &|_| vec![(at, synod)]);
        assert_eq!(statements[0].date.human(), "2 December 1844");
    }

    #[test]
    fn a_day_in_the_pluperfect_after_the_last_one_placed_is_in_the_year_before() {
        assert_eq!(
            date_of(
                "In January 1924 the paper appeared.",
                "The paper noted that he had contracted a fever on 5 November."
            )
            .as_deref(),
            Some("5 November 1923")
        );
        // In the simple past the narrative runs forward.
        assert_eq!(
            date_of(
                "In January 1924 the paper appeared.",
                "The paper's editor fell ill on 5 November."
            )
            .as_deref(),
            Some("5 November 1924")
        );
        // A day before the last one placed stays in its year.
        assert_eq!(
            date_of(
                "In May 1924 the paper appeared.",
                "The paper noted that he had contracted a fever on 5 March."
            )
            .as_deref(),
            Some("5 March 1924")
        );
    }

    #[test]
    fn captions_and_lifespans_date_nothing() {
        let paragraphs: Vec<ParagraphText> = [
            "On 15 September 1922, the plan was rejected.",
            "Feliks Dzerzhinsky (1877–1926)",
            "Later Martov (1873–1923) spoke. On 24 November, the Secretariat resolved it.",
        ]
        .iter()
        .enumerate()
        .map(|(i, text)| ParagraphText {
            anchor: format!("p-{}", i + 1),
            section: 0,
            text: text.to_string(),
        })
        .collect();
        let statements = Extractor::page(&paragraphs, &|_, _| true, &|_| Vec::new());
        let dates: Vec<(String, String)> = statements
            .iter()
            .map(|s| (s.anchor.clone(), s.date.human()))
            .collect();
        assert_eq!(
            dates,
            [
                ("p-1".to_string(), "15 September 1922".to_string()),
                ("p-3".to_string(), "24 November 1922".to_string())
            ]
        );
    }

    #[test]
    fn a_bare_year_is_read_alone_whoever_the_sentence_names() {
        let mut extractor = Extractor::default();
        let text = "Lenin spoke in 1921. The book was reissued in 1922.";
        let dated = extractor.paragraph(text, &|range| text[range].contains("Lenin"));
        let years: Vec<String> = dated.iter().map(|(_, date, _)| date.human()).collect();
        assert_eq!(years, ["1921", "1922"]);
        let two = "Lenin wrote in 1921 and Trotsky answered in 1923.";
        assert_eq!(
            extractor.paragraph(two, &|_| true)[0].1.human(),
            "1921 and 1923"
        );
        let apart = "Lenin wrote in 1921; Trotsky answered in 1923.";
        assert!(extractor.paragraph(apart, &|_| true).is_empty());
        let span = "Between 1921 and 1923 Lenin wrote to him often.";
        assert_eq!(
            extractor.paragraph(span, &|_| true)[0].1.human(),
            "1921–1923"
        );
    }

    #[test]
    fn dates_are_found_wherever_they_stand_in_a_long_paragraph() {
        let prose = "and the debate went on without a number in it ".repeat(20);
        let text = format!(
            "September – December, 1921 opened it; {prose}then on the 12th of September 1917 \
             (O. S.), {prose}in   May   1918 and lastly, on 3 March"
        );
        let found: Vec<&str> = find_dates(&text)
            .into_iter()
            .map(|f| &text[f.span])
            .collect();
        assert_eq!(
            found,
            [
                "September – December, 1921",
                "12th of September 1917 (O. S.)",
                "May   1918",
                "3 March"
            ]
        );
        // Only the stretches around the digits are read, each ending before white space.
        let windows = digit_windows(&text);
        assert_eq!(windows.len(), 3, "{windows:?}");
        assert!(windows.iter().map(|w| w.len()).sum::<usize>() < text.len() / 4);
        for window in &windows {
            assert!(window.end == text.len() || text[window.end..].starts_with(' '));
        }
    }

    /// Reading only near digits must find what reading the whole text finds: a form of
    /// date added later that reaches further from its digits than `DATE_REACH` fails here.
    #[test]
    fn the_sources_read_near_digits_give_the_dates_of_the_whole_text() {
        let mut dated = 0;
        for (name, text) in crate::source_texts() {
            for paragraph in text.split("\n\n") {
                let spans = |found: Vec<Found>| -> Vec<Range<usize>> {
                    found.into_iter().map(|f| f.span).collect()
                };
                let near_digits = spans(dates_in(paragraph, &digit_windows(paragraph)));
                let whole_text = 0..paragraph.len();
                let whole = spans(dates_in(paragraph, std::slice::from_ref(&whole_text)));
                assert_eq!(near_digits, whole, "{name}: {paragraph}");
                dated += whole.len();
            }
        }
        assert!(dated > 1000, "the sources hold {dated} dates");
    }

    #[test]
    fn dates_that_qualify_look_back_or_stand_aside_date_nothing() {
        for context in [
            "Trotsky's programmatic economic works of 1922–1923 were reprinted then.",
            "The 1936–1938 trials were still to come for them all.",
            "Among them was Miasnikov, a metalworker and a Bolshevik since 1906.",
            "The arrest struck Sultan-Galiev, who in 1920–1921 chaired the commission.",
            "Preobrazhensky recalled that when Lenin in 1920 was in the minority, he did not panic.",
            "The journal — which had complained of it in January 1918 — was closed.",
        ] {
            assert_eq!(read(context), None, "{context}");
        }
        assert_eq!(
            read("The strikes reached their peak in October of 1923.").as_deref(),
            Some("October 1923")
        );
        assert_eq!(
            read("The letters dictated from December 1922 to March 1923 were his last.").as_deref(),
            Some("December 1922–March 1923")
        );
        assert_eq!(
            read("During the 1926/1927 economic year exports fell.").as_deref(),
            Some("October 1926–September 1927")
        );
    }

    #[test]
    fn a_date_added_between_dashes_is_coordinated() {
        assert_eq!(
            read("In 1846 some two hundred farms — and in 1847, over a thousand — were burned.")
                .as_deref(),
            Some("1846 and 1847")
        );
        assert_eq!(
            read("In 1846 the farms — as in 1798 — were burned.").as_deref(),
            Some("1846")
        );
    }

    #[test]
    fn what_a_document_says_it_says_when_it_is_put_forward() {
        assert_eq!(
            read("The weavers' petition, presented to the council in May 1848, demanded a ten-hour day.")
                .as_deref(),
            Some("May 1848")
        );
        assert_eq!(
            read("The weavers' petition, presented to the council in May 1848, was lost."),
            None
        );
    }

    #[test]
    fn a_date_in_single_quotation_marks_is_an_aside() {
        assert_eq!(
            read("Courbet showed ‘The Burial of 1849’ to the jury in 1850, who hated it.")
                .as_deref(),
            Some("1850")
        );
        assert_eq!(
            read("The charter, in which the king swore that 'no tax shall be raised', was sealed in June 1215.")
                .as_deref(),
            Some("June 1215")
        );
        // Apostrophes open and close nothing.
        assert_eq!(
            read("The workers’ council’s strike began on 3 May 1926.").as_deref(),
            Some("3 May 1926")
        );
    }

    #[test]
    fn after_a_relative_clause_the_verb_is_the_sentences_own() {
        assert_eq!(
            read("Garibaldi, who had fled to New York in 1850, landed at Genoa on 4 June 1854.")
                .as_deref(),
            Some("4 June 1854")
        );
        assert_eq!(
            date_of(
                "Those were the events of 1851.",
                "Kossuth, a fugitive since the surrender of August 1849, landed on 23 October."
            )
            .as_deref(),
            Some("23 October 1851")
        );
    }

    #[test]
    fn a_span_of_years_in_parentheses_dates_an_event_or_a_death_but_not_a_life() {
        for (sentence, date) in [
            (
                "The Congress of Berlin (1878) and the Crimean War (1853–1856) changed the map.",
                Some("1853–1856"),
            ),
            ("Thomas Paine (1737–1809) died in New York.", Some("1809")),
            ("Jan Hus (c. 1370–1415) preached in Prague.", None),
            (
                "Robert Owen (1771–1858), a mill owner, founded New Lanark.",
                None,
            ),
        ] {
            assert_eq!(read(sentence).as_deref(), date, "{sentence}");
        }
    }

    #[test]
    fn days_without_a_year_between_and_in_the_old_style() {
        let context = "Those were the events of 1709.";
        assert_eq!(
            date_of(context, "Between 3 and 9 May the garrison held the bridge.").as_deref(),
            Some("3–9 May 1709")
        );
        assert_eq!(
            date_of(context, "On 27 June, Old Style, the army was destroyed.").as_deref(),
            Some("8 July 1709 (27 June 1709 O.S.)")
        );
        assert_eq!(
            read("The city fell on 25 October 1917 (Old Style).").as_deref(),
            Some("7 November 1917 (25 October 1917 O.S.)")
        );
        assert_eq!(
            date_of(
                context,
                "The brig cleared Riga on 24 August by the Russian calendar."
            )
            .as_deref(),
            Some("4 September 1709 (24 August 1709 O.S.)")
        );
        // A day restated in the other calendar is the same day.
        assert_eq!(
            date_of(
                context,
                "The brig cleared Riga on 24 August by the Russian calendar, that is on 4 \
                 September by ours, and sailed."
            )
            .as_deref(),
            Some("4 September 1709 (24 August 1709 O.S.)")
        );
    }

    /// A diary's entry opens on its day, with or without its month and year; what it tells
    /// is of that day, and its "last night" is told from it.
    #[test]
    fn a_diary_entry_is_dated_by_its_day() {
        let dates = page_dates(
            (&[], None),
            &[
                (
                    0,
                    "Monday 5th September 1853. — Began this book at my wife's urging.",
                ),
                (
                    0,
                    "Tuesday 6th. — With the minister in the afternoon, who is better.",
                ),
                (0, "October 10, Monday. — The elders met at the church."),
                (
                    0,
                    "Saturday 1st. — Home last night by the night boat. To the city tomorrow.",
                ),
            ],
            false,
        );
        // "Saturday 1st" after 10 October is of the next month (a diary runs forward), and
        // its "last night" the day before.
        assert_eq!(
            dates,
            ["1853-09-05", "1853-09-06", "1853-10-10", "1853-10-31"]
        );
    }

    /// "In '46" is of the context's century; a year that would fall long after the
    /// context is of the century before.
    #[test]
    fn a_year_of_two_digits_takes_the_contexts_century() {
        let context = "The union was founded in 1944.";
        assert_eq!(
            date_of(context, "He joined the strike in '46 with his brothers.").as_deref(),
            Some("1946")
        );
        assert_eq!(
            date_of(context, "He had fought on the barricades in ’98 as a boy.").as_deref(),
            Some("1898")
        );
        assert_eq!(read("He joined the strike in '46 with his brothers."), None);
    }

    /// A time the sentence opens on ("After …,") is the one before what it reports when the
    /// main clause has a date of its own.
    #[test]
    fn an_opening_time_gives_way_to_the_main_clauses_date() {
        assert_eq!(
            read(
                "After a mass meeting on 27 November 1947, the women marched to the palace on \
                 1 December 1947."
            )
            .as_deref(),
            Some("1 December 1947")
        );
        assert_eq!(
            read("After a mass meeting on 27 November 1947, the women marched to the palace.")
                .as_deref(),
            Some("27 November 1947")
        );
    }

    /// A day of the month alone is of the month the text is at, or the letter's.
    #[test]
    fn a_day_of_the_month_alone() {
        let context = "The riots broke out on 12 March 1848.";
        assert_eq!(
            date_of(context, "The governor proclaimed martial law on the 14th.").as_deref(),
            Some("14 March 1848")
        );
        assert_eq!(
            date_of(context, "The governor fled on the 3rd.").as_deref(),
            Some("3 April 1848")
        );
        assert_eq!(
            date_of(context, "He wrote on the 14th of May to the king.").as_deref(),
            Some("14 May 1848")
        );
        assert_eq!(
            read("After the riots of 12 March 1848, martial law came on the 14th.").as_deref(),
            Some("14 March 1848")
        );
        let letter = [
            (1, "Leeds, 9th May 1851."),
            (
                1,
                "The shareholders met on the 14th ultimo. The petition went in on the 2nd \
                 instant. The intake was reopened on the 20th, I hear.",
            ),
        ];
        assert_eq!(
            page_dates((&[], None), &letter, true),
            ["1851-04-14", "1851-05-02", "1851-04-20"]
        );
    }

    #[test]
    fn feasts_are_days_and_may_be_old_style() {
        assert_eq!(
            read("The lease ran out at Michaelmas 1849.").as_deref(),
            Some("29 September 1849")
        );
        // The feasts that move with Easter.
        assert_eq!(
            read("The rising began on Easter Monday, 1916.").as_deref(),
            Some("24 April 1916")
        );
        assert_eq!(
            read("They met at Whitsun 1850.").as_deref(),
            Some("19 May 1850")
        );
        assert_eq!(
            read("The house was searched on Good Friday 1881.").as_deref(),
            Some("15 April 1881")
        );
        assert_eq!(
            read("The branch met on St. Patrick's Day 1881.").as_deref(),
            Some("17 March 1881")
        );
        assert_eq!(
            read("The treaty was signed on Lady Day 1651, by the old reckoning.").as_deref(),
            Some("4 April 1651 (25 March 1651 O.S.)")
        );
    }

    #[test]
    fn days_running_and_ordinal_ranges() {
        assert_eq!(
            read("The consistory met on 16 and 17 October 1662.").as_deref(),
            Some("16–17 October 1662")
        );
        assert_eq!(
            read("The Classis sat from the 6th to the 8th of December 1661.").as_deref(),
            Some("6–8 December 1661")
        );
        let context = "Those were the events of 1661.";
        assert_eq!(
            date_of(
                context,
                "The Classis sat from the 6th to the 8th of December."
            )
            .as_deref(),
            Some("6–8 December 1661")
        );
    }

    /// A letter's first line dates it, by a day and month alone in the year of the letter
    /// before, or by a feast ("Michaelmas Day, 1849").
    #[test]
    fn a_letters_first_line_dates_it() {
        let paragraphs = [
            (1, "Kelsborough, 12th October 1848."),
            (1, "I was at the works yesterday."),
            (2, "Manchester, Oct. 19."),
            (2, "I showed them to our secretary on Monday."),
            (3, "Greave Clough, Michaelmas Day, 1849."),
            (3, "Weatherall came up the valley on Wednesday in a gig."),
        ];
        let dates = page_dates((&[], None), &paragraphs, true);
        // 19 October 1848 was a Thursday, 29 September 1849 a Saturday.
        assert_eq!(dates, ["1848-10-11", "1848-10-16", "1849-09-26"]);
    }

    #[test]
    fn times_told_back_from_the_writing_are_of_the_years_before_it() {
        let letter = |said: &str| {
            page_dates(
                (&[], None),
                &[(1, "Manchester, 8 May 1851."), (1, said)],
                true,
            )
        };
        assert_eq!(letter("Last year we paid five."), ["1850"]);
        assert_eq!(
            letter("It was closed in September of the year before last."),
            ["1849-09"]
        );
        assert_eq!(
            letter("In the present year the company has laid new mains."),
            ["1851"]
        );
        assert_eq!(
            letter("It was put to the proprietors in October last."),
            ["1850-10"]
        );
        assert_eq!(
            letter("He came to us last March, and we were glad of it."),
            ["1851-03"]
        );
        assert_eq!(
            letter("The rates were raised at Lady Day last."),
            ["1851-03-25"]
        );
        assert_eq!(
            letter("Last winter there were thirty-one deaths."),
            ["1850-24"]
        );
        assert_eq!(
            letter("He gave them to Mr Gale in June of last year."),
            ["1850-06"]
        );
        // With no day of writing, no time is told back from it.
        let narrative = page_dates((&[], None), &[(1, "Last year we paid five.")], true);
        assert!(narrative.is_empty());
    }

    #[test]
    fn a_sittings_record_is_of_the_day_its_heading_names() {
        let headings = [
            "Monday the 16th, in the forenoon",
            "Monday the 16th, in the afternoon",
            "Tuesday the 17th",
        ];
        let paragraphs = [
            (
                1,
                "Art. 1. The meeting was opened with prayer by the minister.",
            ),
            (
                1,
                "Mr Stoop observed that the Classis has no power over the King.",
            ),
            (1, "The letter makes no mention of the sermon."),
            (
                2,
                "He said that he had served this church since 1638, until this present year.",
            ),
            (
                3,
                "Met again at eight of the clock the next morning, all being present.",
            ),
            (
                3,
                "These minutes were read and approved on the 23rd following.",
            ),
        ];
        let document = Some(Point::day(1662, 10, 16));
        let dates = page_dates((&headings, document), &paragraphs, false);
        // 16 October 1662 was a Monday; the comment in the present is no act of the day.
        assert_eq!(
            dates,
            [
                "1662-10-16",
                "1662-10-16",
                "1662-10-16",
                "1662-10-17",
                "1662-10-23"
            ]
        );
    }

    #[test]
    fn a_day_as_the_commons_journals_head_it_dates_the_evidence_under_it() {
        let headings = ["Jovis, 8° die Maii, 1851"];
        let paragraphs = [
            (
                1,
                "The Committee understand that you oppose the Bill?—We do. The shareholders met on the 14th ultimo. I came down to Leeds on Tuesday.",
            ),
            (1, "What have you paid?—Last year we paid five."),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        // A witness's answers are no acts of the sitting: only their own times date them.
        assert_eq!(dates, ["1851-04-14", "1851-05-06", "1850"]);
    }

    #[test]
    fn days_later_are_told_from_the_last_day_placed() {
        let paragraphs = [(
            1,
            "On 1 July 1863 the armies met at Gettysburg. Three days later the town was quiet. A fortnight later the prisoners were sent north.",
        )];
        let dates = page_dates((&[], None), &paragraphs, true);
        assert_eq!(dates, ["1863-07-01", "1863-07-04", "1863-07-18"]);
    }

    #[test]
    fn two_days_apart_are_a_set_and_two_months_of_a_year_a_span() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read("He was questioned on 20 and 27 January 1906."),
            ["{1906-01-20,1906-01-27}"]
        );
        assert_eq!(
            read("The court sat on 2, 9 and 16 April 1906."),
            ["{1906-04-02,1906-04-09,1906-04-16}"]
        );
        // A year of two digits after "was": "The black year was '79" in a text of 1946.
        assert_eq!(
            sentence_date(
                "We spoke in 1946.",
                "The black year was '79, and I was nine."
            )
            .map(|(date, _)| date.edtf())
            .as_deref(),
            Some("1879")
        );
        // A month "of that year".
        assert_eq!(
            sentence_date(
                "The evictions came in March 1881.",
                "He was taken in the June of that year."
            )
            .map(|(date, _)| date.edtf())
            .as_deref(),
            Some("1881-06")
        );
        // Days that run on are a span.
        assert_eq!(
            read("The fair was held on the 22d, 23d and 24th of February, 1864."),
            ["1864-02-22/1864-02-24"]
        );
        // Without a year, from the context's.
        assert_eq!(
            sentence_date(
                "In 1661 there was a quarrel.",
                "Between May and August the complaint grew."
            )
            .map(|(date, _)| date.edtf())
            .as_deref(),
            Some("1661-05/1661-08")
        );
        let in_1919 = |text: &str| {
            sentence_date("The strike began in May 1919.", text).map(|(date, _)| date.edtf())
        };
        assert_eq!(
            in_1919("Returned soldiers marched on the City Hall on 10 and 21 June.").as_deref(),
            Some("{1919-06-10,1919-06-21}")
        );
        // A month shortened without its full stop, as letters write it.
        assert_eq!(read("He wrote to her on Sept 24th 1863."), ["1863-09-24"]);
        assert_eq!(read("They came home on Jan 9, 1864."), ["1864-01-09"]);
        assert_eq!(
            read("Between May and July of 1847 the two men visited every court."),
            ["1847-05/1847-07"]
        );
    }

    #[test]
    fn a_season_alone_is_of_the_year_the_text_is_at() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read("In 1858 the town was founded. In the autumn of this year the cattle came."),
            ["1858", "1858-23"]
        );
        assert_eq!(
            read("In 1863 the war began. Through the winter a guard was kept at the ford."),
            ["1863", "1863-24"]
        );
        // Foreseen, or a date form's ("the winter of 1846"): no season of the context.
        assert_eq!(
            read("In 1849 he wrote. It could be finished if the money were found in the spring."),
            ["1849"]
        );
    }

    #[test]
    fn one_day_named_in_both_calendars_is_one_day() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read(
                "In 1889 the Aurora left Riga on the 24th of August, for her papers are in the Russian style; by our calendar it was the 5th of September."
            ),
            ["1889-09-05"]
        );
        // Two days twelve days apart, no calendar spoken of: two days.
        assert_eq!(
            read("She arrived on 24 August 1889 and left on 5 September 1889."),
            ["{1889-08-24,1889-09-05}"]
        );
    }

    #[test]
    fn a_council_registers_sessions_in_either_calendar() {
        let headings = [
            "Session of Sunday 17 March 1793, Year II of the French Republic",
            "Session of the 22nd Prairial Year II (10 June 1794, old style)",
        ];
        let paragraphs = [
            (
                1,
                "The mayor, citizen Gaudin, reported that the men were assembled under the law of 24 February last.",
            ),
            (
                2,
                "The agent national reported that the festival was celebrated the day before yesterday.",
            ),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        // What the report tells back to from the sitting's day is of that day.
        assert_eq!(dates, ["1793-03-17", "1794-06-08"]);
        // In a session of Frimaire, "the 18th" is of Frimaire, 8 December 1793.
        let frimaire = page_dates(
            (&["Session of the 20th Frimaire, Year II"], None),
            &[(
                1,
                "The committee said that Vallière was taken to Châteauroux on the 18th.",
            )],
            false,
        );
        assert_eq!(frimaire, ["1793-12-10"]);
        let frimaire = page_dates(
            (&["Session of the 20th Frimaire, Year II"], None),
            &[(
                1,
                "Vallière was conducted to Châteauroux on the 18th of this month.",
            )],
            false,
        );
        assert_eq!(frimaire, ["1793-12-08"]);
    }

    #[test]
    fn a_registers_days_and_years_in_words_are_dates() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read(
                "On the twenty-ninth of July one thousand seven hundred and eighty-nine was buried the body of Jean Pinaud."
            ),
            ["1789-07-29"]
        );
        assert_eq!(year_in_words("seventeen hundred and ninety"), Some(1790));
        assert_eq!(
            year_in_words("one thousand eight hundred and five"),
            Some(1805)
        );
        assert_eq!(year_in_words("seven"), None);
    }

    #[test]
    fn the_republican_calendar_is_read_in_ours() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read("On 9 Thermidor Year II the Convention turned on him."),
            ["1794-07-27"]
        );
        assert_eq!(
            read("It met on the 20th Frimaire, Year II of the French Republic."),
            ["1793-12-10"]
        );
        assert_eq!(
            read("Today, the 25th Ventôse Year II, he came."),
            ["1794-03-15"]
        );
        assert_eq!(
            read("He was removed in Brumaire Year III."),
            ["1794-10-22/1794-11-20"]
        );
        assert_eq!(
            read("The news of Year II reached us only on 13 Thermidor."),
            ["1794-07-31"]
        );
    }

    /// A letter's dateline may give the time of day it was written ("Sunday night"), and a
    /// letter may remind its reader of what happened ("You will recall that …").
    #[test]
    fn a_letter_dated_at_night_and_what_it_reminds_its_reader_of() {
        let dates = page_dates(
            (&["To Martin Geraghty"], None),
            &[
                (1, "Glenmoyle, Sunday night, 12th June 1881."),
                (
                    1,
                    "Mr. Pettigrew drove to Westport on Friday with two police in the car behind him.",
                ),
            ],
            true,
        );
        assert_eq!(dates, ["1881-06-10"]);
        assert_eq!(
            edtf_of("You will recall that the bailiffs came to the valley in November 1880.")
                .as_deref(),
            Some("1880-11")
        );
        assert_eq!(
            edtf_of("You will of seen by the papers how we went up the ridge on the 25th of November 1863.")
                .as_deref(),
            Some("1863-11-25")
        );
    }

    /// A week is its seven days: by its place in the month, or by the day it ends on.
    #[test]
    fn a_week_named_by_its_month_or_its_last_day_is_its_seven_days() {
        let context = "There was cholera in the town in 1849.";
        for (sentence, days) in [
            (
                "The girls came out in the first week of July against a new system of fines.",
                "1849-07-01/1849-07-07",
            ),
            (
                "In the week ending the 8th of September there were forty-three deaths.",
                "1849-09-02/1849-09-08",
            ),
            (
                "In the week ending September 3 there were forty deaths.",
                "1849-08-28/1849-09-03",
            ),
            (
                "The strike began in the last week of February 1912.",
                "1912-02-23/1912-02-29",
            ),
        ] {
            let read = sentence_date(context, sentence).map(|(date, _)| date.edtf());
            assert_eq!(read.as_deref(), Some(days), "{sentence}");
        }
    }

    /// An encyclopedia's first sentence defines an occasion and tells when it was in a
    /// relative clause; a relative clause elsewhere dates what it describes. A phrase of an
    /// occasion "held" dates what the occasion did; the subject's own participle is no
    /// phrase set apart.
    #[test]
    fn a_relative_clause_or_participle_that_dates_an_occasion_dates_the_sentence() {
        assert_eq!(
            read("The Calder Junction General Strike was a general strike in the coal town of Calder Junction, Alberta, which lasted from 26 May to 27 June 1919.").as_deref(),
            Some("26 May–27 June 1919")
        );
        assert_eq!(
            read("The strike at the works, which lasted from 26 May to 27 June 1919, ruined him."),
            None
        );
        assert_eq!(
            read("The Tenth Congress of the party, held in March 1921, banned factions.")
                .as_deref(),
            Some("March 1921")
        );
        assert_eq!(
            read("Tubman, born into slavery around 1822, escaped to Philadelphia."),
            None
        );
        assert_eq!(
            read("Returned soldiers marched on the City Hall on 10 June 1919.").as_deref(),
            Some("10 June 1919")
        );
    }

    /// A collection whose texts write their days in the Old Style (`old_style_until`): what
    /// they tell is reckoned in their calendar, weekdays and "yesterday" included, and
    /// placed at its New Style day; a day already given in both styles is placed once.
    #[test]
    fn the_unmarked_days_of_an_old_style_collection_are_placed_in_the_new_style() {
        let place = |headings: &[&str], paragraphs: &[(usize, &str)]| -> Vec<(String, String)> {
            let paragraphs = paragraph_texts(paragraphs);
            let until = Some(Point::day(1918, 2, 14));
            Extractor::page_under((headings, None, until), &paragraphs, &|_, _| true, &|_| {
                Vec::new()
            })
            .iter()
            .map(|s| {
                let old = s
                    .old_style
                    .as_ref()
                    .map_or(String::new(), HistoricalDate::edtf);
                (s.date.edtf(), old)
            })
            .collect()
        };
        let pair = |new: &str, old: &str| (new.to_string(), old.to_string());
        assert_eq!(
            place(
                &["Session of 27 October 1917"],
                &[(
                    1,
                    "Comrade Belov reported that the guard had been replaced."
                )]
            ),
            [pair("1917-11-09", "1917-10-27")]
        );
        // Tuesday 26 September 1917 in the Julian calendar; its Saturday before is the 23rd.
        assert_eq!(
            place(
                &["Tuesday, 26 September 1917"],
                &[(
                    1,
                    "At the market on Saturday rye flour was not to be had at any price."
                )]
            ),
            [pair("1917-10-06", "1917-09-23")]
        );
        assert_eq!(
            place(
                &["Session of 12 (25) October 1917"],
                &[(1, "The strike committee met yesterday at the works.")]
            ),
            [pair("1917-10-24", "1917-10-11")]
        );
        assert_eq!(
            place(
                &[],
                &[
                    (
                        1,
                        "The news came in the first days of March 1917. On 2 March (15 March new style) Shchukin and I called a meeting in the casting shop, and that evening the first soviet of the town was elected."
                    ),
                    (
                        1,
                        "The soldiers of the regiment joined us a week later, after a long quarrel."
                    )
                ]
            ),
            [
                pair("1917-03", ""),
                pair("1917-03-15", "1917-03-02"),
                pair("1917-03-22", "1917-03-09")
            ]
        );
        // A month is the same month in both styles, near enough; after the change, a day is
        // the day it says.
        assert_eq!(
            place(
                &[],
                &[(
                    1,
                    "The paper was closed in October 1917. It opened again on 1 March 1918."
                )]
            ),
            [pair("1917-10", ""), pair("1918-03-01", "")]
        );
    }

    #[test]
    fn a_day_in_both_russian_styles_is_placed_in_the_new() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read("News of the rising on 25 October (7 November) 1917 reached the town."),
            ["1917-11-07"]
        );
        assert_eq!(
            read("The strike of 18–24 September (1–7 October) 1917 was provoked by the board."),
            ["1917-10-01/1917-10-07"]
        );
        let session = page_dates(
            (&["Session of 12 (25) October 1917"], None),
            &[(1, "Comrade Lapin reported that the strike had ended.")],
            false,
        );
        assert_eq!(session, ["1917-10-25"]);
    }

    #[test]
    fn days_in_words_are_dates() {
        let dates = page_dates(
            (&[], None),
            &[(
                1,
                "On the twenty-ninth of December, 1905, old style, six men were shot. On the second of March the troops left.",
            )],
            true,
        );
        assert_eq!(dates, ["1906-01-11", "1906-03-02"]);
        let last = page_dates(
            (&[], None),
            &[(1, "On the thirty-first of May 1906 it ended.")],
            true,
        );
        assert_eq!(last, ["1906-05-31"]);
    }

    #[test]
    fn a_papers_datelines_are_read_from_its_issue() {
        let headings = ["Saturday, 16 December 1905", "Friday, 12 January 1906"];
        let paragraphs = [
            (1, "RIGA, Dec. 15.—The constable was disarmed this morning."),
            (
                1,
                "LIBAU, Friday night.—The telegraph was cut this evening.",
            ),
            (2, "RIGA, Jan. 11.—Six men were shot this morning."),
        ];
        let document = Some(Point::day(1905, 12, 16));
        let dates = page_dates((&headings, document), &paragraphs, false);
        // The issue of Saturday 16 December: its Friday is the 15th.
        assert_eq!(dates, ["1905-12-15", "1905-12-15", "1906-01-11"]);
    }

    #[test]
    fn what_is_said_at_a_sitting_is_of_its_day_whatever_its_words_date() {
        let headings = ["Third Day"];
        let paragraphs = [
            (1, "Wednesday, 4 April 1906."),
            (
                1,
                "THE PRESIDENT noted that the witness had said on 20 January that he saw Bebris.",
            ),
            (
                1,
                "At four the court adjourned until ten o'clock the following morning.",
            ),
            (
                1,
                "Q. What happened on 15 December? A. A crowd came. On the 16th they wrote to me.",
            ),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        // A witness's days before the sitting's are of the year before.
        assert_eq!(
            dates,
            [
                "1906-04-04",
                "1906-04-04",
                "1905-12-15",
                "1905-12-15",
                "1905-12-16"
            ]
        );
    }

    #[test]
    fn an_answer_tells_of_the_day_it_is_asked_about() {
        let paragraphs = [
            (1, "In the winter of 1905 the town rose."),
            (
                1,
                "Q. Describe what happened on the morning of 15 December 1905. A. A crowd came to the police office. I do not know why.",
            ),
            (
                1,
                "Were you in the town on 18 December 1905?—No. I had gone to Talsi.",
            ),
        ];
        let dates = page_dates((&[], None), &paragraphs, false);
        // The present comment and the plain "No." are no answers in the past.
        assert_eq!(
            dates,
            [
                "1905-24",
                "1905-12-15",
                "1905-12-15",
                "1905-12-18",
                "1905-12-18"
            ]
        );
    }

    #[test]
    fn a_debates_day_holds_under_its_subheadings() {
        let headings = [
            "House of Representatives — Tuesday, 10 November 1863",
            "Waipukeko Block",
        ];
        let paragraphs = [
            (1, "The SPEAKER took the chair at half-past seven o'clock."),
            (
                2,
                "He said that the papers laid upon the table on the 3rd instant left no choice.",
            ),
            (2, "The House divided: Ayes, 19; Noes, 16."),
            (
                2,
                "Mr. PENROSE asked whether it was true that he advised it in January last.",
            ),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        assert_eq!(
            dates,
            ["1863-11-10", "1863-11-10", "1863-11-10", "1863-11-10"]
        );
    }

    #[test]
    fn annals_entries_are_of_their_year_month_or_day() {
        let headings = ["1858", "1863"];
        let paragraphs = [
            (
                1,
                "November. — Tawhai offers the block to the Government. Price arrives on the 26th.",
            ),
            (
                2,
                "1863. — April 14. — Engagement at Pukehinau. The soldiers buried on the 15th.",
            ),
            (
                2,
                "1864. — February 16. — The Commission opens. It sits until March 29.",
            ),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        assert_eq!(
            dates,
            [
                "1858-11",
                "1858-11-26",
                "1863-04-14",
                "1863-04-15",
                "1864-02-16",
                "1864-03-29"
            ]
        );
    }

    #[test]
    fn a_letter_of_an_office_dates_its_days_and_a_weekday_its_day_of_the_month() {
        let paragraphs = [
            (
                1,
                "Resident Magistrate's Office, Port Ashby, 2nd May, 1863.",
            ),
            (
                1,
                "Sir, — On Sunday, the 19th ultimo, I read the burial service. Yesterday he came.",
            ),
            (
                1,
                "On the night of the 5th the shed was burned. On the following morning it rained.",
            ),
        ];
        let dates = page_dates((&[], None), &paragraphs, false);
        assert_eq!(
            dates,
            ["1863-04-19", "1863-05-01", "1863-04-05", "1863-04-06"]
        );
    }

    #[test]
    fn a_minute_books_meetings_are_dated_by_their_headings_in_any_form() {
        let headings = [
            "Special General Meeting, held at the Labor Temple, Thursday, May 15, 1919",
            "Adjourned meeting, May 16",
            "Meeting of the Executive — 17th",
            "Report No. 11 — Calder Junction, 27-5-19",
            "Report No. 13 — Calder Junction, 5.VI.19",
        ];
        let paragraphs = [
            (
                1,
                "Meeting adjourned at 11.50 p.m., to meet again tomorrow evening.",
            ),
            (2, "Bro. Cridland in the chair."),
            (
                3,
                "Bro. Kasprowicz again urged that the strike be called at once.",
            ),
            (
                4,
                "Sir,— The general strike took effect yesterday at 11 a.m.",
            ),
            (5, "The Herald appeared yesterday as a single sheet."),
            (
                5,
                "We should be more impressed if it had disowned him on Sunday.",
            ),
        ];
        let dates = page_dates((&headings, None), &paragraphs, false);
        assert_eq!(
            dates,
            [
                "1919-05-15",
                "1919-05-16",
                "1919-05-17",
                "1919-05-26",
                "1919-06-04"
            ]
        );
        assert_eq!(
            numeric_day("23/6/19", Some(1919), false),
            Some(Point::day(1919, 6, 23))
        );
        assert_eq!(
            numeric_day("6/23/1919", None, false),
            Some(Point::day(1919, 6, 23))
        );
        assert_eq!(numeric_day("23/6/19", None, false), None);
    }

    #[test]
    fn a_soldiers_letters_and_a_home_diary_of_the_1860s() {
        let paragraphs = [
            (1, "Sunday Eve Dec 14/62"),
            (
                1,
                "I received your letter last night. Dan got a box on Thursday. We came here two weeks ago today. Last Sabbath we had a review.",
            ),
            (2, "In Camp, May the 3d 1863"),
            (2, "We left camp on the 26th of last month."),
            (3, "Jan. 1, 1863."),
            (3, "A cold New Year, and no letter."),
            (3, "Saturday 3d."),
            (3, "The paper came this evening."),
            (3, "Wed. 14th."),
            (3, "There was a meeting last evening."),
        ];
        let dates = page_dates((&[], Some(Point::year(1862))), &paragraphs, false);
        assert_eq!(
            dates,
            [
                "1862-12-13",
                "1862-12-11",
                "1862-11-30",
                "1862-12-07",
                "1863-04-26",
                "1863-01-03",
                "1863-01-13"
            ]
        );
    }

    #[test]
    fn a_chronologys_years_come_first() {
        let read = |text: &str| page_dates((&[], None), &[(1, text)], true);
        assert_eq!(
            read("1861, April 14 — News of Fort Sumter reaches the town."),
            ["1861-04-14"]
        );
        assert_eq!(
            read("1864, May–September — The Atlanta campaign."),
            ["1864-05/1864-09"]
        );
        assert_eq!(read("Spring 1863 – Camp at Murfreesboro."), ["1863-21"]);
        let following = page_dates(
            (&[], None),
            &[(
                1,
                "On Sunday, 14 April 1861, the news came. A meeting was held on the following Tuesday evening.",
            )],
            true,
        );
        assert_eq!(following, ["1861-04-14", "1861-04-16"]);
    }

    #[test]
    fn a_letters_heading_with_its_place_is_no_record_of_its_day() {
        let paragraphs = [(1, "The men said that they would not go back.")];
        let under = |heading: &str| page_dates((&[heading], None), &paragraphs, false);
        assert!(under("2. Saltby, 27 August 1889").is_empty());
        // The same words under a meeting's heading are what was said at it.
        assert_eq!(
            under("Meeting of the strikers, 27 August 1889"),
            ["1889-08-27"]
        );
    }

    /// A news report's dateline dates its "yesterday" and "tonight", in the year of the
    /// document's date when it gives none.
    /// Letters of an administrator and a consul's dispatches, translated (the sentences are
    /// of the collection written for the tests, `tests/fixtures/tlacotepec`).
    #[test]
    fn a_letters_place_may_have_particles_and_a_consul_an_office_and_a_country() {
        let letter = [
            (1, "Hacienda de San Gabriel, 12 September 1910."),
            (
                1,
                "The day before yesterday the headman came to the office with eleven men.",
            ),
            (
                2,
                "American Vice Consulate, Cuernavaca, Morelos, Mexico, February 24, 1913.",
            ),
            (
                2,
                "The colonel declared his adhesion to the new Government on the 20th \
                 instant, the day after General Huerta assumed the Presidency.",
            ),
            (3, "San Gabriel, 22 May 1911."),
            (
                3,
                "This morning we have word by telegraph that the peace was signed \
                 yesterday at Ciudad Juárez.",
            ),
            (4, "San Gabriel, 26 June 1911."),
            (
                4,
                "My esteemed patron: Your letter of the 19th reached me on Friday.",
            ),
            (
                4,
                "On the feast of San Juan the people of the village did not come to work.",
            ),
        ];
        let dates = page_dates((&["I", "II", "III", "IV"], None), &letter, true);
        assert_eq!(
            dates,
            [
                "1910-09-10",
                "1913-02-20",
                "1911-05-21",
                "1911-06-23",
                "1911-06-24"
            ]
        );
    }

    #[test]
    fn acts_dated_in_words_and_a_headings_closing_year_date_their_text() {
        let acts = [
            (
                1,
                "That on the nineteenth of February of the present year the federal forces \
                 entered our village.",
            ),
            (
                2,
                "Given at the General Headquarters in Tlaltizapán, on the fifth day of May \
                 of nineteen hundred and fifteen.",
            ),
            (
                2,
                "In the village, on the eighth day of the month of June of the year 1913, \
                 the neighbours assembled.",
            ),
        ];
        let headings = ["1. Petition to the Governor of the State, 1912", "Decrees"];
        assert_eq!(
            page_dates((&headings, None), &acts, true),
            ["1912-02-19", "1915-05-05", "1913-06-08"]
        );
        assert_eq!(closing_year("Letters from the Front, 1916"), Some(1916));
        assert_eq!(closing_year("The War of 1812 in the West"), None);
        assert_eq!(closing_year("From 1917 to 1930"), None);
    }

    #[test]
    fn what_a_sentence_foretells_is_no_entry() {
        for sentence in [
            "If the rains stop in October 1910 as they should, we will begin grinding.",
            "On the night of 15 September 1910 the peons will have the cry of Independence.",
            "I'll be seventy-six at Michaelmas 1911, and I'm the last one that saw it.",
        ] {
            assert_eq!(read(sentence), None, "{sentence}");
        }
        // What was foretold, told in the past, is of its time; so is what the past said.
        assert_eq!(
            edtf_of("In May 1911 he said the rains will come late.").as_deref(),
            Some("1911-05")
        );
        assert_eq!(
            edtf_of("Salazar is said to have been killed at Zacatecas in June 1914.").as_deref(),
            Some("1914-06")
        );
    }

    #[test]
    fn a_month_its_year_said_apart_two_clauses_years_and_a_fragment_are_dated() {
        let interview = [(
            1,
            "They killed the Jefe at Chinameca, that was in April, in '19, I was fifteen.",
        )];
        let recorded = Some(Point::day(1974, 8, 17));
        assert_eq!(
            page_dates((&["Interview"], recorded), &interview, true),
            ["1919-04"]
        );
        assert_eq!(
            edtf_of(
                "The land passed to the estate in 1881, and the village's suit to recover it \
                 was rejected by the court in 1896."
            )
            .as_deref(),
            Some("{1881,1896}")
        );
        // A thing described by its year is no time of the sentence's.
        assert_eq!(
            read(
                "The titles were read aloud, being a grant of the year 1607 and a survey of the year 1743."
            ),
            None
        );
        assert_eq!(
            edtf_of(
                "Recorded on 17 August 1974 in the courtyard of his house in San Pedro, \
                 Morelos, by María Solís, for a project on the villages of Morelos."
            )
            .as_deref(),
            Some("1974-08-17")
        );
    }

    /// Days in figures in a sentence, in the order the page writes them: an American
    /// memorandum's month first ("4/15/63" can be read no other way, so "4/5/63" is 5
    /// April), a British report's day first.
    #[test]
    fn days_in_figures_are_read_in_the_order_the_page_writes_them() {
        let memo = [
            (
                1,
                "On 4/15/63, a source who has furnished reliable information advised that a meeting was held.",
            ),
            (1, "On 4/5/63 the march began."),
        ];
        let written = Some(Point::year(1963));
        assert_eq!(
            page_dates((&["Memorandum"], written), &memo, true),
            ["1963-04-15", "1963-04-05"]
        );
        let report = [
            (1, "On 23/6/19 the strike committee met."),
            (1, "On 4/5/19 the men came out."),
        ];
        let written = Some(Point::year(1919));
        assert_eq!(
            page_dates((&["Report"], written), &report, true),
            ["1919-06-23", "1919-05-04"]
        );
        // With no day in figures that settles it, the days in words say: "April 12, 1963".
        assert!(writes_month_first(
            ["It began on April 12, 1963, and on 4/5/63 it ended."].into_iter()
        ));
        assert!(!writes_month_first(
            ["It began on 12 April 1963, and on 4/5/63 it ended."].into_iter()
        ));
    }

    /// What moves a text's year on, and what does not (sentences of the collection written
    /// for the tests, `tests/fixtures/marlow`).
    #[test]
    fn a_year_reached_back_to_or_told_before_the_writing_moves_no_narrative() {
        // A heading's weekday is its day's own; a day told back from the meeting's, or to
        // come, takes no year back for the sections after.
        let minutes = [
            (
                1,
                "Rev. Pruitt reminded the ladies that Women's Day will be held on 19 May.",
            ),
            (1, "The boycott is holding since 9 April."),
            (
                2,
                "On Friday, May 24, the merchants agreed with the League.",
            ),
        ];
        let headings = [
            "Monday night mass meeting, April 22, 1963",
            "The Freedom Bulletin, Vol. 1, No. 2 — June 1963",
        ];
        assert_eq!(
            page_dates((&headings, Some(Point::year(1963))), &minutes, true),
            // What the meeting heard is of its day; the plan is no entry.
            ["1963-04-22", "1963-05-24"]
        );
        // "As early as January 1964", and what had been done in October 1963, are looked
        // back to from 1965.
        let article = [(
            1,
            "On Monday, February 8, 1965, three hundred residents stood in line at the \
             courthouse. Selma's campaign, where SNCC had staged a Freedom Day in October \
             1963, was then at its height. The idea was discussed as early as January 1964. \
             In the week after Bloody Sunday on March 7, Pruitt led a sympathy march.",
        )];
        assert_eq!(
            page_dates(
                (&["From the counter"], Some(Point::year(2008))),
                &article,
                true
            ),
            ["1965-02-08", "1964-01", "1965-03-07"]
        );
    }

    /// A battalion's war diary (of the collection written for the tests,
    /// `tests/fixtures/hebbleton`): its days under the month's heading, each line of them.
    #[test]
    fn a_logs_entries_are_of_their_days_under_the_months_heading() {
        let diary = [
            (
                1,
                "1st. COUIN. Bn. in Bde. reserve. Working parties found for R.E.",
            ),
            (1, "5th–8th. Enemy artillery active on our front line."),
            (
                1,
                "Night 14/15th. Raid on enemy trench by 2 officers and 38 O.R. under Capt. Hollins.",
            ),
            (
                2,
                "2nd–14th. Training in the attack over a course marked out with tapes.",
            ),
            (2, "11th. Church parade."),
            (
                2,
                "28th. Orders received that the attack was postponed for 48 hours.",
            ),
            (
                3,
                "1.7.16. 3.40 a.m. Bn. reported in position in assembly trenches.",
            ),
            (
                3,
                "7.50 a.m. Lt.-Col. A. G. Thwaite killed while going forward.",
            ),
        ];
        let dates = page_dates(
            (
                &["May 1916", "June 1916", "July 1916"],
                Some(Point::year(1916)),
            ),
            &diary,
            true,
        );
        assert_eq!(
            dates,
            [
                "1916-05-01",
                "1916-05-01",
                "1916-05-05/1916-05-08",
                "1916-05-14/1916-05-15",
                "1916-06-02/1916-06-14",
                "1916-06-11",
                "1916-06-28",
                "1916-07-01",
                "1916-07-01"
            ]
        );
        // A weekday counted in its month, and a season of a year of two digits.
        assert_eq!(
            edtf_of("Thanksgiving fell on the last Thursday of November 1963.").as_deref(),
            Some("1963-11-28")
        );
        let interview = [(
            1,
            "But for us young people it started in the spring of '63.",
        )];
        let recorded = Some(Point::day(1985, 6, 14));
        assert_eq!(
            page_dates((&["Interview"], recorded), &interview, true),
            ["1963-21"]
        );
        // A night is the two days it spans.
        assert_eq!(
            edtf_of("D Company raided the German trench on the night of 14/15 May 1916.")
                .as_deref(),
            Some("1916-05-14/1916-05-15")
        );
        // A numbered list is no log: "1. Petition to the Governor" has no day's suffix.
        let listed = [(
            1,
            "1. The village asks for its lands. 2. The men are to be returned.",
        )];
        assert!(page_dates((&["May 1916"], None), &listed, true).is_empty());
    }

    #[test]
    fn a_dateline_dates_a_reports_relative_days() {
        let paragraphs = [
            (
                0,
                "OKE-ADO, Nigeria, Dec. 2 (ANP) — Ten thousand women, many of them with \
                 babies tied to their backs, surrounded the palace yesterday, singing.",
            ),
            (
                0,
                "The women went home tonight in the rain. The march began at seven o'clock \
                 Monday morning.",
            ),
            // Under a subheading, which the dateline still holds for.
            (
                1,
                "Last year, on the night of Nov. 29, they kept a vigil at the gate. On \
                 Thursday, Nov. 27, six thousand women met.",
            ),
        ];
        let published = Some(Point::day(1948, 1, 13));
        let dates = page_dates((&["The vigil"], published), &paragraphs, true);
        // 2 December 1947 was a Tuesday.
        assert_eq!(
            dates,
            [
                "1947-12-01",
                "1947-12-02",
                "1947-12-01",
                "1946-11-29",
                "1947-11-27"
            ]
        );
    }

    /// A letter's heading or first line dates it; "yesterday", "on Thursday" and "on Monday
    /// of last week" are told from that day, "the next morning" from the last day placed.
    #[test]
    fn days_told_from_a_letters_date_or_from_the_last_day() {
        let paragraphs = [
            (1, "Dear Brother,"),
            (
                1,
                "We came into the dock on Thursday. Yesterday the porters would not work.",
            ),
            (
                1,
                "On Monday of last week the men held a meeting. We are to sail on Monday.",
            ),
            (2, "Hamburg, 3 October 1889."),
            (
                2,
                "The mayor gave his award this morning, and the men will go back tomorrow.",
            ),
            (
                3,
                "On 26 August 1889 the porters struck. The next morning the trimmers joined \
                 them, and by the evening the whole river was idle.",
            ),
        ];
        // 27 August 1889 was a Tuesday.
        let headings = [
            "2. Saltby, 27 August 1889",
            "A letter from Hamburg",
            "The strike",
        ];
        let dates = page_dates((&headings, None), &paragraphs, true);
        assert_eq!(
            dates,
            [
                "1889-08-22",
                "1889-08-26",
                "1889-08-19",
                "1889-10-03",
                "1889-08-26",
                "1889-08-27"
            ]
        );
    }

    #[test]
    fn the_winter_of_two_years_is_the_winter_that_begins_in_the_first() {
        let sentence = "During the winter of 1846–47 the works employed half a million men.";
        let (date, _) = sentence_date("", sentence).expect("a date");
        assert_eq!(date.edtf(), "1846-24");
        assert_eq!(date.human(), "winter 1846–47");
    }

    /// A winter begins in December: "that winter" after a summer is the one that begins
    /// that year, after January the one that began the year before.
    #[test]
    fn that_winter_is_the_one_the_narrative_is_in_or_comes_to() {
        let edtf = |context: &str, sentence: &str| {
            sentence_date(context, sentence).map(|(date, _)| date.edtf())
        };
        let sentence = "That winter the secretary fell ill.";
        assert_eq!(
            edtf("In July 1893 the union lost half its members.", sentence).as_deref(),
            Some("1893-24")
        );
        assert_eq!(
            edtf("In January 1893 the union lost half its members.", sentence).as_deref(),
            Some("1892-24")
        );
        let previous = "The previous winter the secretary fell ill.";
        assert_eq!(
            edtf("In July 1893 the union lost half its members.", previous).as_deref(),
            Some("1892-24")
        );
        let following = "The following winter the secretary fell ill.";
        assert_eq!(
            edtf(
                "In December 1893 the union lost half its members.",
                following
            )
            .as_deref(),
            Some("1894-24")
        );
    }

    #[test]
    fn a_dated_subject_told_of_in_the_present_is_a_commentary() {
        assert_eq!(
            read(
                "Her letter of 31 March, with its plea for the vote, is now quoted in every textbook."
            ),
            None
        );
        assert_eq!(
            read("The riot of 16 August 1819, which is still remembered, was put down.").as_deref(),
            Some("16 August 1819")
        );
        assert_eq!(
            read("The events of the riot (16 August 1819) are better known than its causes."),
            None
        );
    }

    #[test]
    fn a_participle_after_a_noun_gives_the_noun_its_date() {
        assert_eq!(
            read("She never accepted the betrayal of the charter proclaimed in 1848."),
            None
        );
        // The sentence's own verb, or one of a clause joined to it, is no participle.
        assert_eq!(
            read("A change in the order that had been built occurred on 3 May 1848.").as_deref(),
            Some("3 May 1848")
        );
        assert_eq!(
            read("The clubs closed in May 1848 and the army marched in June 1848.").as_deref(),
            Some("May 1848 and June 1848")
        );
    }

    /// In the pages, a bare year is read whether or not the sentence names someone of the
    /// registry: "The protocols were published in 1957" is as datable as what Lenin did.
    #[test]
    fn a_bare_year_in_a_sentence_about_someone_or_something_is_read() {
        let text = "He began life in 1889, a native of the Urals. The plant grew in 1890.";
        let paragraphs = [ParagraphText {
            anchor: "p-1".to_string(),
            section: 0,
            text: text.to_string(),
        }];
        let statements = Extractor::page(&paragraphs, &|_, _| false, &|_| Vec::new());
        let dates: Vec<String> = statements.iter().map(|s| s.date.human()).collect();
        assert_eq!(dates, ["1889", "1890"]);
    }

    #[test]
    fn a_meeting_a_sentence_opens_on_is_its_month_of_the_context_year() {
        let context = "Those were the events of 1848.";
        for (sentence, date) in [
            (
                "The October Session closed the clubs.",
                Some("October 1848"),
            ),
            (
                "At the June Conference, the delegates walked out.",
                Some("June 1848"),
            ),
            (
                "The October Session upheld the decision of the July (1847) Session.",
                Some("October 1848"),
            ),
            // Spoken of, not opened on; and the month's year named with it.
            ("He spoke against the decision of the March Session.", None),
            ("Before the March Session the clubs met.", None),
            (
                "At the June Session of the assembly in 1847, he spoke.",
                Some("June 1847"),
            ),
        ] {
            assert_eq!(date_of(context, sentence).as_deref(), date, "{sentence}");
        }
    }

    #[test]
    fn what_a_writer_says_or_has_done_now_dates_nothing() {
        for sentence in [
            "Hobsbawm refers to the economists of the 1840s.",
            "The press has featured many articles on the famine of 1846.",
            "Historians have long debated the famine of 1846.",
        ] {
            assert_eq!(read(sentence), None, "{sentence}");
        }
        assert_eq!(
            read("Many historians date the collapse from the Congress of Vienna (1815)."),
            None
        );
        // A sentence that opens on an event is placed at it unless it foretells (the
        // timeline's `date_by_events_opened_on` asks this of the whole sentence).
        let forecast = "And at the Synod we will find out who is right.";
        assert!(is_commentary_or_plan(forecast, forecast));
        for (sentence, date) in [
            (
                "Historians agree that in May 1848 the clubs closed.",
                "May 1848",
            ),
            (
                "Hobsbawm writes that on 3 May 1848 the clubs met.",
                "3 May 1848",
            ),
            (
                "As Prescott observes, the city fell on 13 August 1521.",
                "13 August 1521",
            ),
            (
                "In them he describes how, in March 1848, he was summoned.",
                "March 1848",
            ),
            (
                "The unrest might have been eased by the reform of 4 May 1848.",
                "4 May 1848",
            ),
        ] {
            assert_eq!(read(sentence).as_deref(), Some(date), "{sentence}");
        }
    }

    #[test]
    fn an_earlier_time_in_a_relative_clause_or_a_time_compared_with_is_an_aside() {
        for sentence in [
            "He courted the deputies who had entered the assembly between 1846 and 1848.",
            "Wages stand at the same level as in the spring of 1846.",
        ] {
            assert_eq!(read(sentence), None, "{sentence}");
        }
    }

    #[test]
    fn a_documents_day_is_the_documents_unless_it_is_made_or_acts_then() {
        assert_eq!(
            read("The council drafted a reply to the mayor's letter of 8 October 1848."),
            None
        );
        for (sentence, date) in [
            (
                "Only then did he send his letter of 8 October 1848 to the council.",
                "8 October 1848",
            ),
            (
                "The blow came from the resolution of 19 January 1849, which banned the clubs.",
                "19 January 1849",
            ),
        ] {
            assert_eq!(read(sentence).as_deref(), Some(date), "{sentence}");
        }
    }

    #[test]
    fn the_time_a_history_tells_of_is_not_the_time_it_was_told() {
        assert_eq!(
            read("He recounted the history of the clubs between February and June of 1848."),
            None
        );
        assert_eq!(
            read("The chronicle of his life went on: in March 1848 he fled.").as_deref(),
            Some("March 1848")
        );
    }

    #[test]
    fn a_judgement_of_a_state_dates_nothing() {
        assert_eq!(
            read("The petition was independent of the letter he sent on 3 May 1848."),
            None
        );
    }

    #[test]
    fn examples_a_dash_adds_are_no_time_of_the_report() {
        assert_eq!(
            date_of(
                "Those were the events of 1961.",
                "Then the papers were printed in full — in particular, the minutes of the meeting in March 1917."
            ),
            None
        );
    }

    #[test]
    fn an_intention_dates_nothing() {
        assert_eq!(
            read("The company hoped to open the canal to barges in the spring of 1829."),
            None
        );
    }

    #[test]
    fn the_narrative_goes_on_in_the_time_of_what_a_sentence_reports() {
        let first = "In May 1848 the deputies demanded the charter of 14 March 1791 again.";
        assert_eq!(
            date_after(&[first, "On 2 June the assembly voted."]).as_deref(),
            Some("2 June 1848")
        );
    }

    #[test]
    fn a_sentence_opening_after_a_day_is_dated_by_it() {
        assert_eq!(
            read("After 3 June 1848, when the barricades came down, the deputies fled.").as_deref(),
            Some("3 June 1848")
        );
        assert_eq!(read("After 1849 he lived in London."), None);
    }

    #[test]
    fn a_date_in_a_relative_clause_before_the_main_verb_is_an_aside() {
        assert_eq!(
            read("The only delegate who spoke against the motion in May 1848 was a weaver."),
            None
        );
        assert_eq!(
            read("Those who joined in 1846 were expelled in March 1848.").as_deref(),
            Some("March 1848")
        );
        assert_eq!(
            read(
                "Kossuth repeated that the quarrels that arose among the exiles in 1852 \
                 could not be laid at anyone's door."
            ),
            None
        );
        assert_eq!(
            read("The reforms that passed in 1832 were soon forgotten by the voters."),
            None
        );
        // A "that" of what is said opens on its subject; the date is what it reports.
        assert_eq!(
            read("The consul reported that the strikes ended in May 1849.").as_deref(),
            Some("May 1849")
        );
        assert_eq!(
            read("The consul wrote the strike ended on 3 May 1849.").as_deref(),
            Some("3 May 1849")
        );
        assert_eq!(
            read("He insisted that the pledges given in 1848 were binding on the crown."),
            None
        );
        assert_eq!(
            read("The petition that circulated in 1839 was signed by a million.").as_deref(),
            None
        );
        // A report set beside what the sentence says, not the time it tells of.
        assert_eq!(
            read("Most weeks, as the vicar told the vestry in February 1850, were bad ones."),
            None
        );
        assert_eq!(
            read("As the strike spread in August 1889, the owners met.").as_deref(),
            Some("August 1889")
        );
        assert_eq!(
            read("As the vicar wrote in 1850 in a letter to the bishop: “The poor starve.”")
                .as_deref(),
            Some("1850")
        );
    }

    /// The narrative's year goes on under a new heading; a year in a title, or in a clause
    /// beside the sentence's own, sets none.
    #[test]
    fn the_year_of_the_narrative_goes_on_past_headings_titles_and_side_clauses() {
        let paragraphs = [
            (
                0,
                "The porters read of the London strike in August 1889, and in “Fifty Years \
                 on the River, 1889–1939” an old man remembered it.",
            ),
            (1, "On 26 August the timber porters refused the call-on."),
            (
                1,
                "On 2 September, on the quay where the Chartists had gathered in 1848, the \
                 men voted to form a union.",
            ),
            (
                1,
                "Between 3 and 9 September the committee issued relief tickets.",
            ),
        ];
        let dates = page_dates((&[], None), &paragraphs, true);
        assert_eq!(
            dates,
            [
                "1889-08",
                "1889-08-26",
                "1889-09-02",
                "1889-09-03/1889-09-09"
            ]
        );
    }

    /// A transcription carries a sentence over the page's captions: the paragraph before
    /// them is prose, and the sentence the break cut off is no entry.
    #[test]
    fn a_paragraph_broken_off_at_a_page_is_prose_and_its_cut_sentence_no_entry() {
        let broken = "On 21 May 1848 the clubs met at the Salle Valentino to choose their \
                      delegates for the coming assembly of the trades. Their debate ran late \
                      into the night, and in June 1848 the";
        let caption = "Barricades in the Faubourg Saint-Antoine, June 1848";
        assert!(is_prose(broken));
        assert!(!is_prose(caption));
        assert!(!is_prose(
            "Workers' Club Leader Louis Blanc Founded March 1848 (1848-03) Dissolved c. 1849 \
             (1849) Preceded by the Luxembourg Commission Succeeded by the Solidarité \
             républicaine Newspaper Le Populaire Ideology socialism Position left"
        ));
        let paragraphs = [broken, caption].map(|text| ParagraphText {
            anchor: "p-1".to_string(),
            section: 0,
            text: text.to_string(),
        });
        let statements = Extractor::page(&paragraphs, &|_, _| true, &|_| Vec::new());
        let dates: Vec<String> = statements.iter().map(|s| s.date.human()).collect();
        assert_eq!(dates, ["21 May 1848"]);
    }
}

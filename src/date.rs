//! Historical dates: a day, a month or a year, a range, approximate or uncertain, with
//! unknown ends; ordered for sorting, printed for readers ("8–16 March 1921"), and written in
//! front matter in EDTF (`1921-03-08/1921-03-16`, `1930~`, `1889?`, `1896/`). Parsing and
//! validation of EDTF is the `edtf` crate's; this is the thin type the site works with.

use std::cmp::Ordering;
use std::fmt;

use edtf::level_1::{Certainty, Date, Edtf, Precision};
use serde::Serialize;

/// The months' English names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week, Monday first (as [`Point::weekday`] counts them).
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A day, a month or a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Point {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl Point {
    pub fn year(year: i32) -> Point {
        Point {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u32) -> Point {
        Point {
            year,
            month: Some(month),
            day: None,
        }
    }

    pub fn day(year: i32, month: u32, day: u32) -> Point {
        Point {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Year, month, day, with what is unknown as 0: a month sorts before its days.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// In EDTF (and ISO 8601): `1921`, `1921-03`, `1921-03-08`.
    pub fn edtf(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    fn month_name(&self) -> Option<&'static str> {
        self.month.and_then(|m| MONTHS.get(m as usize - 1).copied())
    }

    /// Whether the month and day exist: no 30 February, no month 13.
    pub fn is_valid(&self) -> bool {
        match (self.month, self.day) {
            (Some(m), Some(d)) => {
                (1..=12).contains(&m) && d >= 1 && d <= days_in_month(self.year, m)
            }
            (Some(m), None) => (1..=12).contains(&m),
            (None, Some(_)) => false,
            (None, None) => true,
        }
    }

    /// The day `days` after this one (before it, when negative); `None` for a month or a
    /// year.
    pub fn plus_days(self, days: i64) -> Option<Point> {
        let number = gregorian_day_number(self.year, self.month?, self.day?) + days;
        let (year, month, day) = gregorian_from_day_number(number);
        Some(Point::day(year, month, day))
    }

    /// The day of the week, Monday 0 to Sunday 6; `None` for a month or a year.
    pub fn weekday(self) -> Option<u32> {
        let number = gregorian_day_number(self.year, self.month?, self.day?);
        Some(number.rem_euclid(7) as u32)
    }

    /// The New Style (Gregorian) day of an Old Style (Julian) one: 25 October 1917 O.S. is
    /// 7 November 1917. Russia kept the Julian calendar until 31 January 1918 (O.S.). A month
    /// or a year stays as it is.
    pub fn to_new_style(self) -> Point {
        let (Some(month), Some(day)) = (self.month, self.day) else {
            return self;
        };
        let (year, month, day) =
            gregorian_from_day_number(julian_day_number(self.year, month, day));
        Point::day(year, month, day)
    }
}

fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The Julian Day Number of a day of the Julian calendar.
fn julian_day_number(year: i32, month: u32, day: u32) -> i64 {
    let a = (14 - i64::from(month)) / 12;
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    i64::from(day) + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083
}

/// The Julian Day Number of a day of the Gregorian calendar.
fn gregorian_day_number(year: i32, month: u32, day: u32) -> i64 {
    let a = (14 - i64::from(month)) / 12;
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    i64::from(day) + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

/// How many days the New Style date's numbers stand after the Old Style one's (12 for
/// 9 and 21 March 1883), where both name a day: what a source writes as "9 [21] March".
pub fn old_style_gap(old_style: Point, new_style: Point) -> Option<i64> {
    let days = |p: Point| Some(gregorian_day_number(p.year, p.month?, p.day?));
    Some(days(new_style)? - days(old_style)?)
}

/// The day of the Gregorian calendar with a given Julian Day Number.
fn gregorian_from_day_number(number: i64) -> (i32, u32, u32) {
    let a = number + 32044;
    let b = (4 * a + 3) / 146097;
    let c = a - 146097 * b / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = 100 * b + d - 4800 + m / 10;
    (year as i32, month as u32, day as u32)
}

/// A part of a year, as historians write it when they know no closer: "the summer of 1918",
/// "early 1923", "the end of 1923". It spans months and is approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearPart {
    Spring,
    Summer,
    Autumn,
    Winter,
    Early,
    Middle,
    Late,
    /// "The end of 1923": its last quarter, narrower than "late 1923".
    End,
}

impl YearPart {
    /// The first and last month it spans. Winter begins in its year's December and ends in
    /// the next year's February (the winter of 1846 is December 1846–February 1847, as
    /// historians write of it), so its last month comes before its first.
    pub fn months(self) -> (u32, u32) {
        match self {
            YearPart::Winter => (12, 2),
            YearPart::Spring => (3, 5),
            YearPart::Summer => (6, 8),
            YearPart::Autumn => (9, 11),
            YearPart::Early => (1, 4),
            YearPart::Middle => (5, 8),
            YearPart::Late => (9, 12),
            YearPart::End => (10, 12),
        }
    }

    /// EDTF's season codes (level 1): `1918-22` is the summer of 1918.
    fn season_code(self) -> Option<u32> {
        match self {
            YearPart::Spring => Some(21),
            YearPart::Summer => Some(22),
            YearPart::Autumn => Some(23),
            YearPart::Winter => Some(24),
            _ => None,
        }
    }

    fn human(self, year: i32) -> String {
        match self {
            YearPart::Spring => format!("spring {year}"),
            YearPart::Summer => format!("summer {year}"),
            YearPart::Autumn => format!("autumn {year}"),
            YearPart::Winter => format!("winter {year}–{:02}", (year + 1).rem_euclid(100)),
            YearPart::Early => format!("early {year}"),
            YearPart::Middle => format!("mid-{year}"),
            YearPart::Late => format!("late {year}"),
            YearPart::End => format!("end of {year}"),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.day, self.month_name()) {
            (Some(day), Some(month)) => write!(f, "{day} {month} {}", self.year),
            (None, Some(month)) => write!(f, "{month} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// `~`: "c. 1930"
    Approximate,
    /// `?`: "1889?"
    Uncertain,
    /// `%`
    ApproximateUncertain,
}

/// A day as `(year, month, day)`, which orders as days do.
pub type Day = (i32, u32, u32);

/// The number of a month by its English name: `May` is 5.
pub fn month_number(name: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

/// A date as historians write them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct HistoricalDate {
    /// `None` when the start is unknown (`/1921`).
    pub start: Option<Point>,
    /// The end of a range; `None` for a single date or an unknown end.
    pub end: Option<Point>,
    pub is_range: bool,
    pub qualifier: Qualifier,
    /// A season or a part of the year, which `start` and `end` span in months.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<YearPart>,
    /// A decade or a century (EDTF `192X`, `19XX`), which `start` and `end` span in years.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<Years>,
    /// Several dates for one statement ("arrested in October 1881 and released in May
    /// 1882"); `start` and `end` are then the first's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub set: Option<DateSet>,
}

/// The dates of a set, in order: all of them (EDTF `{1881-10,1882-05}`) or one of them
/// (`[1189,1190]`: "in 1189 or 1190").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DateSet {
    pub all: bool,
    pub members: Vec<HistoricalDate>,
}

/// Years written with unspecified digits: `192X` is the 1920s, `19XX` the 1900s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Years {
    Decade,
    Century,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` {problem}")]
pub struct DateError {
    pub text: String,
    problem: &'static str,
}

const NOT_EDTF: &str = "is not a date in EDTF (write 1921, 1921-03, 1921-03-08, 1921-03-08/1921-03-16, 1930~ or 1889?)";
const ENDS_BEFORE_IT_STARTS: &str =
    "ends before it starts: write the earlier date first (1921-03-08/1921-03-16)";

/// Whether `end` is before `start`, compared as far as both are known: 1921-03 does not end
/// before 1921-03-08 starts, since the month holds the day.
fn ends_before(end: &Point, start: &Point) -> bool {
    let known = |a: Option<u32>, b: Option<u32>| a.zip(b).map(|(a, b)| a.cmp(&b));
    end.year
        .cmp(&start.year)
        .then(known(end.month, start.month).unwrap_or(std::cmp::Ordering::Equal))
        .then(known(end.day, start.day).unwrap_or(std::cmp::Ordering::Equal))
        .is_lt()
}

impl HistoricalDate {
    pub fn parse(text: &str) -> Result<HistoricalDate, DateError> {
        let error = || DateError {
            text: text.to_string(),
            problem: NOT_EDTF,
        };
        let edtf = Edtf::parse(text.trim()).map_err(|_| error())?;
        let (start, end, is_range) = match edtf {
            Edtf::Date(date) => (Some(date), None, false),
            Edtf::Interval(from, to) => (Some(from), Some(to), true),
            Edtf::IntervalFrom(from, _) => (Some(from), None, true),
            Edtf::IntervalTo(_, to) => (None, Some(to), true),
            Edtf::DateTime(_) | Edtf::YYear(_) => return Err(error()),
        };
        if let (Some(from), Some(to)) = (start, end)
            && ends_before(&point(&to), &point(&from))
        {
            return Err(DateError {
                text: text.to_string(),
                problem: ENDS_BEFORE_IT_STARTS,
            });
        }
        let qualifier = start.or(end).map_or(Qualifier::Exact, |d| qualifier(&d));
        if let (Some(date), false) = (start, is_range)
            && let Some(part) = season(&date)
        {
            return Ok(HistoricalDate::part_of_year(date.year(), part));
        }
        if let (Some(date), false) = (start, is_range)
            && let Some((years, first, last)) = decade_or_century(&date)
        {
            return Ok(HistoricalDate {
                years: Some(years),
                qualifier: qualifier_of_span(&date),
                ..HistoricalDate::range(Point::year(first), Point::year(last))
            });
        }
        Ok(HistoricalDate {
            start: start.map(|d| point(&d)),
            end: end.map(|d| point(&d)),
            is_range,
            qualifier,
            part: None,
            years: None,
            set: None,
        })
    }

    /// A season or part of a year: approximate, spanning its months.
    pub fn part_of_year(year: i32, part: YearPart) -> HistoricalDate {
        let (first, last) = part.months();
        let last_year = if last < first { year + 1 } else { year };
        HistoricalDate {
            part: Some(part),
            ..HistoricalDate::range(Point::month(year, first), Point::month(last_year, last))
                .approximate()
        }
    }

    /// A season as a text of the southern hemisphere means it: its spring is September to
    /// November, its summer December to February, its autumn March to May, its winter June
    /// to August (a span of months, not EDTF's northern season codes). Other dates are
    /// themselves.
    pub fn in_the_south(&self) -> HistoricalDate {
        let Some(year) = self.start.map(|p| p.year) else {
            return self.clone();
        };
        let (first, last) = match self.part {
            Some(YearPart::Spring) => (9, 11),
            Some(YearPart::Summer) => (12, 2),
            Some(YearPart::Autumn) => (3, 5),
            Some(YearPart::Winter) => (6, 8),
            _ => return self.clone(),
        };
        let last_year = if last < first { year + 1 } else { year };
        HistoricalDate::range(Point::month(year, first), Point::month(last_year, last))
    }

    /// The New Style date of an Old Style one (see [`Point::to_new_style`]).
    pub fn to_new_style(&self) -> HistoricalDate {
        HistoricalDate {
            start: self.start.map(Point::to_new_style),
            end: self.end.map(Point::to_new_style),
            set: self.set.as_ref().map(|set| DateSet {
                all: set.all,
                members: set
                    .members
                    .iter()
                    .map(HistoricalDate::to_new_style)
                    .collect(),
            }),
            ..self.clone()
        }
    }

    pub fn single(point: Point) -> HistoricalDate {
        HistoricalDate {
            start: Some(point),
            ..HistoricalDate::unknown()
        }
    }

    pub fn range(start: Point, end: Point) -> HistoricalDate {
        HistoricalDate {
            start: Some(start),
            end: Some(end),
            is_range: true,
            ..HistoricalDate::unknown()
        }
    }

    /// Several dates, in order: all of them (`all`) or one of them. It sorts by the first.
    pub fn set(mut members: Vec<HistoricalDate>, all: bool) -> HistoricalDate {
        members.sort();
        members.dedup();
        let mut date = match members.first() {
            Some(first) => first.clone(),
            None => return HistoricalDate::unknown(),
        };
        if members.len() > 1 {
            date.set = Some(DateSet { all, members });
        }
        date
    }

    /// A date with no known point, exact: what the other constructors start from.
    fn unknown() -> HistoricalDate {
        HistoricalDate {
            start: None,
            end: None,
            is_range: false,
            qualifier: Qualifier::Exact,
            part: None,
            years: None,
            set: None,
        }
    }

    pub fn approximate(mut self) -> HistoricalDate {
        self.qualifier = Qualifier::Approximate;
        self
    }

    /// The first and the last day the date may name, as `(year, month, day)`: "1922" spans
    /// 1 January to 31 December 1922. An approximate or uncertain date ("c. 1921") reaches a
    /// year further each way. `None` for a date with no known point.
    pub fn day_span(&self) -> Option<(Day, Day)> {
        if let Some(set) = &self.set {
            let first = set.members.first()?.day_span()?.0;
            let last = (set.members.iter().filter_map(HistoricalDate::day_span))
                .map(|(_, last)| last)
                .max()?;
            return Some((first, last));
        }
        let first = self.start.or(self.end)?;
        let last = self.end.or(self.start)?;
        let widen = i32::from(self.qualifier != Qualifier::Exact);
        let last_month = last.month.unwrap_or(12);
        Some((
            (
                first.year - widen,
                first.month.unwrap_or(1),
                first.day.unwrap_or(1),
            ),
            (
                last.year + widen,
                last_month,
                last.day
                    .unwrap_or_else(|| days_in_month(last.year, last_month)),
            ),
        ))
    }

    /// Whether the two dates may name the same day: "1922" and "20 February 1922" do, "1921"
    /// and "20 February 1922" do not. A date with no known point agrees with any.
    pub fn may_coincide(&self, other: &HistoricalDate) -> bool {
        match (self.day_span(), other.day_span()) {
            (Some((a_first, a_last)), Some((b_first, b_last))) => {
                a_first <= b_last && b_first <= a_last
            }
            _ => true,
        }
    }

    /// The first known point: what the date sorts by.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        self.start
            .or(self.end)
            .map_or((i32::MAX, 0, 0), |p| p.sort_key())
    }

    /// The date in EDTF, as front matter writes it.
    pub fn edtf(&self) -> String {
        if let Some(set) = &self.set {
            let members: Vec<String> = set.members.iter().map(HistoricalDate::edtf).collect();
            let (open, close) = if set.all { ('{', '}') } else { ('[', ']') };
            return format!("{open}{}{close}", members.join(","));
        }
        if let (Some(code), Some(start)) = (self.part.and_then(YearPart::season_code), self.start) {
            return format!("{:04}-{code}", start.year);
        }
        // 192X, 19XX: as the front matter writes them.
        if let (Some(years), Some(start)) = (self.years, self.start) {
            let digits = format!("{:04}", start.year);
            return match years {
                Years::Decade => format!("{}X", &digits[..3]),
                Years::Century => format!("{}XX", &digits[..2]),
            };
        }
        let mark = match self.qualifier {
            Qualifier::Exact => "",
            Qualifier::Approximate => "~",
            Qualifier::Uncertain => "?",
            Qualifier::ApproximateUncertain => "%",
        };
        let side = |p: Option<Point>| p.map_or(String::new(), |p| format!("{}{mark}", p.edtf()));
        if self.is_range {
            format!("{}/{}", side(self.start), side(self.end))
        } else {
            side(self.start)
        }
    }

    /// The date for readers: `8–16 March 1921`, `26 January–10 February 1934`, `c. 1930`.
    pub fn human(&self) -> String {
        if let Some(set) = &self.set {
            let members: Vec<String> = set.members.iter().map(HistoricalDate::human).collect();
            let last = members.len() - 1;
            let joint = if set.all { " and " } else { " or " };
            return format!("{}{joint}{}", members[..last].join(", "), members[last]);
        }
        if let (Some(part), Some(start)) = (self.part, self.start) {
            return part.human(start.year);
        }
        if let (Some(_), Some(start)) = (self.years, self.start) {
            let text = format!("{}s", start.year);
            return match self.qualifier {
                Qualifier::Exact => text,
                Qualifier::Approximate => format!("c. {text}"),
                Qualifier::Uncertain => format!("{text}?"),
                Qualifier::ApproximateUncertain => format!("c. {text}?"),
            };
        }
        let text = match (self.start, self.end, self.is_range) {
            (Some(start), Some(end), true) => range_text(start, end),
            (Some(start), None, true) => format!("{start}–?"),
            (None, Some(end), true) => format!("?–{end}"),
            (Some(start), _, false) => start.to_string(),
            _ => "date unknown".to_string(),
        };
        match self.qualifier {
            Qualifier::Exact => text,
            Qualifier::Approximate => format!("c. {text}"),
            Qualifier::Uncertain => format!("{text}?"),
            Qualifier::ApproximateUncertain => format!("c. {text}?"),
        }
    }

    /// A New Style date with the Old Style one the source gives beside it:
    /// `21 March 1883 (9 March 1883 O.S.)`. Russia kept the Julian calendar until February 1918.
    pub fn human_with_old_style(&self, old_style: Option<&HistoricalDate>) -> String {
        match old_style {
            Some(os) => format!("{} ({} O.S.)", self.human(), os.human()),
            None => self.human(),
        }
    }

    /// Whether the date holds (or overlaps) a day, month or year.
    pub fn contains_year(&self, year: i32) -> bool {
        let first = self.start.or(self.end).map_or(i32::MIN, |p| p.year);
        let last = self.end.or(self.start).map_or(i32::MAX, |p| p.year);
        (first..=last).contains(&year)
    }
}

/// The shortest unambiguous form: shared month and year are written once.
fn range_text(start: Point, end: Point) -> String {
    let same_year = start.year == end.year;
    match (start.day, start.month_name(), end.day, end.month_name()) {
        (Some(d1), Some(m1), Some(d2), Some(m2)) if same_year && m1 == m2 => {
            format!("{d1}–{d2} {m1} {}", start.year)
        }
        (Some(d1), Some(m1), Some(_), Some(_)) if same_year => format!("{d1} {m1}–{end}"),
        (None, Some(m1), None, Some(_)) if same_year => format!("{m1}–{end}"),
        (None, None, None, None) => format!("{}–{}", start.year, end.year),
        _ => format!("{start}–{end}"),
    }
}

fn point(date: &Date) -> Point {
    match date.precision() {
        Precision::Day(y, m, d) => Point::day(y, m, d),
        Precision::Month(y, m) | Precision::DayOfMonth(y, m) => Point::month(y, m),
        Precision::Year(y)
        | Precision::Season(y, _)
        | Precision::MonthOfYear(y)
        | Precision::DayOfYear(y) => Point::year(y),
        Precision::Decade(y) | Precision::Century(y) => Point::year(y),
    }
}

/// A decade's or century's kind and its first and last years.
fn decade_or_century(date: &Date) -> Option<(Years, i32, i32)> {
    match date.precision() {
        Precision::Decade(first) => Some((Years::Decade, first, first + 9)),
        Precision::Century(first) => Some((Years::Century, first, first + 99)),
        _ => None,
    }
}

/// A decade or century is a span of years, exact unless its date says otherwise.
fn qualifier_of_span(date: &Date) -> Qualifier {
    match date.certainty() {
        Certainty::Certain => Qualifier::Exact,
        Certainty::Uncertain => Qualifier::Uncertain,
        Certainty::Approximate => Qualifier::Approximate,
        Certainty::ApproximateUncertain => Qualifier::ApproximateUncertain,
    }
}

fn season(date: &Date) -> Option<YearPart> {
    match date.precision() {
        Precision::Season(_, season) => Some(match season {
            edtf::level_1::Season::Spring => YearPart::Spring,
            edtf::level_1::Season::Summer => YearPart::Summer,
            edtf::level_1::Season::Autumn => YearPart::Autumn,
            edtf::level_1::Season::Winter => YearPart::Winter,
        }),
        _ => None,
    }
}

fn qualifier(date: &Date) -> Qualifier {
    let vague = matches!(
        date.precision(),
        Precision::Season(..) | Precision::Decade(_) | Precision::Century(_)
    );
    match date.certainty() {
        Certainty::Certain if vague => Qualifier::Approximate,
        Certainty::Certain => Qualifier::Exact,
        Certainty::Uncertain => Qualifier::Uncertain,
        Certainty::Approximate => Qualifier::Approximate,
        Certainty::ApproximateUncertain => Qualifier::ApproximateUncertain,
    }
}

impl PartialOrd for HistoricalDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for HistoricalDate {
    fn cmp(&self, other: &Self) -> Ordering {
        let end = |d: &HistoricalDate| d.end.or(d.start).map(|p| p.sort_key());
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| end(self).cmp(&end(other)))
    }
}

impl fmt::Display for HistoricalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.human())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_season_of_the_south_is_its_own_months() {
        let autumn = HistoricalDate::part_of_year(1858, YearPart::Autumn).in_the_south();
        assert_eq!(autumn.edtf(), "1858-03/1858-05");
        let summer = HistoricalDate::part_of_year(1858, YearPart::Summer).in_the_south();
        assert_eq!(summer.edtf(), "1858-12/1859-02");
        let day = HistoricalDate::single(Point::day(1858, 4, 1));
        assert_eq!(day.in_the_south(), day);
    }

    #[test]
    fn dates_coincide_when_their_days_overlap() {
        let date = |edtf: &str| HistoricalDate::parse(edtf).unwrap();
        assert!(date("1922").may_coincide(&date("1922-02-20")));
        assert!(date("1922-02").may_coincide(&date("1922-02-20")));
        assert!(!date("1921").may_coincide(&date("1922-02-20")));
        assert!(!date("1922-03").may_coincide(&date("1922-02-20")));
        assert!(date("1923-11/1923-12").may_coincide(&date("1923-12-05")));
        assert!(!date("1923-11/1923-12").may_coincide(&date("1923-05")));
        // "c. 1921" reaches into the next year.
        assert!(date("1921~").may_coincide(&date("1922-02-20")));
    }

    #[test]
    fn a_range_that_ends_before_it_starts_is_refused() {
        for reversed in ["1921-03-16/1921-03-08", "1922/1921", "1921-04/1921-03-08"] {
            let error = HistoricalDate::parse(reversed).unwrap_err().to_string();
            assert!(
                error.contains("ends before it starts"),
                "{reversed}: {error}"
            );
        }
        for forward in [
            "1921-03-08/1921-03-16",
            "1921-03-08/1921-03",
            "1921-03/1921",
            "1921/1921",
        ] {
            assert!(HistoricalDate::parse(forward).is_ok(), "{forward}");
        }
        let error = HistoricalDate::parse("1921-02-30").unwrap_err().to_string();
        assert!(error.contains("is not a date in EDTF"), "{error}");
    }

    fn human(edtf: &str) -> String {
        HistoricalDate::parse(edtf).unwrap().human()
    }

    #[test]
    fn the_gap_between_the_calendars_is_counted_in_days() {
        let gap = |os: (i32, u32, u32), ns: (i32, u32, u32)| {
            old_style_gap(Point::day(os.0, os.1, os.2), Point::day(ns.0, ns.1, ns.2))
        };
        assert_eq!(gap((1883, 3, 9), (1883, 3, 21)), Some(12));
        assert_eq!(gap((1917, 10, 25), (1917, 11, 7)), Some(13));
        assert_eq!(gap((1900, 2, 28), (1900, 3, 13)), Some(13));
        assert_eq!(
            old_style_gap(Point::month(1917, 10), Point::day(1917, 11, 7)),
            None
        );
    }

    #[test]
    fn a_decade_and_a_century_are_written_as_such_and_span_their_years() {
        assert_eq!(human("192X"), "1920s");
        assert_eq!(human("19XX"), "1900s");
        let decade = HistoricalDate::parse("192X").unwrap();
        assert!(decade.contains_year(1929) && !decade.contains_year(1930));
        let century = HistoricalDate::parse("19XX").unwrap();
        assert!(century.contains_year(1999) && !century.contains_year(1899));
    }

    #[test]
    fn prints_dates_as_historians_write_them() {
        assert_eq!(human("1921-03-08/1921-03-16"), "8–16 March 1921");
        assert_eq!(
            human("1934-01-26/1934-02-10"),
            "26 January–10 February 1934"
        );
        assert_eq!(human("1918-07-12/1918-07-13"), "12–13 July 1918");
        assert_eq!(human("1920-03/1920-04"), "March–April 1920");
        assert_eq!(human("1928/1929"), "1928–1929");
        assert_eq!(human("1923-02"), "February 1923");
        assert_eq!(human("1930~"), "c. 1930");
        assert_eq!(human("1889?"), "1889?");
        assert_eq!(human("1896/"), "1896–?");
        assert_eq!(human("1922-02-20"), "20 February 1922");
        assert_eq!(human("1917-12/1918-01"), "December 1917–January 1918");
    }

    #[test]
    fn writes_back_the_edtf_it_read() {
        for edtf in [
            "1921-03-08/1921-03-16",
            "1930~",
            "1889?",
            "1896/",
            "1923-02",
            "1921",
        ] {
            assert_eq!(HistoricalDate::parse(edtf).unwrap().edtf(), edtf);
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        for bad in ["March 1921", "1921-02-30", "1921-13", "", "soon"] {
            assert!(HistoricalDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_by_the_first_known_day() {
        let mut dates: Vec<HistoricalDate> = [
            "1921-03-08/1921-03-16",
            "1921",
            "1921-03",
            "1918-07-12",
            "1921-03-08",
        ]
        .iter()
        .map(|d| HistoricalDate::parse(d).unwrap())
        .collect();
        dates.sort();
        let order: Vec<String> = dates.iter().map(HistoricalDate::edtf).collect();
        assert_eq!(
            order,
            [
                "1918-07-12",
                "1921",
                "1921-03",
                "1921-03-08",
                "1921-03-08/1921-03-16"
            ]
        );
    }

    #[test]
    fn parts_of_a_year_are_approximate_spans_of_months() {
        let summer = HistoricalDate::part_of_year(1918, YearPart::Summer);
        assert_eq!(summer.human(), "summer 1918");
        assert_eq!(summer.edtf(), "1918-22");
        assert_eq!(HistoricalDate::parse("1918-22").unwrap(), summer);
        assert_eq!(summer.sort_key(), (1918, 6, 0));
        let late = HistoricalDate::part_of_year(1923, YearPart::Late);
        assert_eq!(late.human(), "late 1923");
        assert_eq!(late.edtf(), "1923-09~/1923-12~");
        assert!(late > HistoricalDate::parse("1923-08-31").unwrap());
        let winter = HistoricalDate::part_of_year(1846, YearPart::Winter);
        assert_eq!(winter.human(), "winter 1846–47");
        assert_eq!(winter.edtf(), "1846-24");
        assert_eq!(winter.sort_key(), (1846, 12, 0));
    }

    #[test]
    fn old_style_days_become_new_style_days() {
        let os = |y, m, d| Point::day(y, m, d).to_new_style();
        assert_eq!(os(1917, 10, 25), Point::day(1917, 11, 7));
        assert_eq!(os(1883, 3, 9), Point::day(1883, 3, 21));
        assert_eq!(os(1917, 11, 25), Point::day(1917, 12, 8));
        assert_eq!(os(1918, 1, 31), Point::day(1918, 2, 13));
        assert_eq!(os(1899, 12, 31), Point::day(1900, 1, 12));
        assert_eq!(
            Point::month(1917, 10).to_new_style(),
            Point::month(1917, 10)
        );
    }

    #[test]
    fn only_days_that_exist_are_valid() {
        assert!(Point::day(1924, 2, 29).is_valid());
        assert!(!Point::day(1923, 2, 29).is_valid());
        assert!(!Point::day(1923, 4, 31).is_valid());
        assert!(!Point::month(1923, 13).is_valid());
        assert!(Point::year(1923).is_valid());
    }

    #[test]
    fn old_style_beside_new_style() {
        let ns = HistoricalDate::parse("1883-03-21").unwrap();
        let os = HistoricalDate::parse("1883-03-09").unwrap();
        assert_eq!(
            ns.human_with_old_style(Some(&os)),
            "21 March 1883 (9 March 1883 O.S.)"
        );
    }
}

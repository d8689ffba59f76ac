//! Historical dates: a day, a month or a year, a range, approximate or uncertain, with
//! unknown ends; ordered for sorting, printed for readers ("8–16 March 1921"), and written in
//! front matter in EDTF (`1921-03-08/1921-03-16`, `1930~`, `1889?`, `1896/`). Parsing and
//! validation of EDTF is the `edtf` crate's; this is the thin type the site works with.

use std::cmp::Ordering;
use std::fmt;

use edtf::level_1::{Certainty, Date, Edtf, Precision};
use serde::Serialize;

const MONTHS: [&str; 12] = [
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

    fn edtf(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }

    fn month_name(&self) -> Option<&'static str> {
        self.month.and_then(|m| MONTHS.get(m as usize - 1).copied())
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

/// A date as historians write them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoricalDate {
    /// `None` when the start is unknown (`/1921`).
    pub start: Option<Point>,
    /// The end of a range; `None` for a single date or an unknown end.
    pub end: Option<Point>,
    pub is_range: bool,
    pub qualifier: Qualifier,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a date in EDTF (write 1921, 1921-03, 1921-03-08, 1921-03-08/1921-03-16, 1930~ or 1889?)"
)]
pub struct DateError {
    pub text: String,
}

impl HistoricalDate {
    pub fn parse(text: &str) -> Result<HistoricalDate, DateError> {
        let error = || DateError {
            text: text.to_string(),
        };
        let edtf = Edtf::parse(text.trim()).map_err(|_| error())?;
        let (start, end, is_range) = match edtf {
            Edtf::Date(date) => (Some(date), None, false),
            Edtf::Interval(from, to) => (Some(from), Some(to), true),
            Edtf::IntervalFrom(from, _) => (Some(from), None, true),
            Edtf::IntervalTo(_, to) => (None, Some(to), true),
            Edtf::DateTime(_) | Edtf::YYear(_) => return Err(error()),
        };
        let qualifier = start.or(end).map_or(Qualifier::Exact, |d| qualifier(&d));
        Ok(HistoricalDate {
            start: start.map(|d| point(&d)),
            end: end.map(|d| point(&d)),
            is_range,
            qualifier,
        })
    }

    pub fn single(point: Point) -> HistoricalDate {
        HistoricalDate {
            start: Some(point),
            end: None,
            is_range: false,
            qualifier: Qualifier::Exact,
        }
    }

    pub fn range(start: Point, end: Point) -> HistoricalDate {
        HistoricalDate {
            start: Some(start),
            end: Some(end),
            is_range: true,
            qualifier: Qualifier::Exact,
        }
    }

    pub fn approximate(mut self) -> HistoricalDate {
        self.qualifier = Qualifier::Approximate;
        self
    }

    /// The first known point: what the date sorts by.
    pub fn sort_key(&self) -> (i32, u32, u32) {
        self.start
            .or(self.end)
            .map_or((i32::MAX, 0, 0), |p| p.sort_key())
    }

    /// The date in EDTF, as front matter writes it.
    pub fn edtf(&self) -> String {
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

    fn human(edtf: &str) -> String {
        HistoricalDate::parse(edtf).unwrap().human()
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
    fn old_style_beside_new_style() {
        let ns = HistoricalDate::parse("1883-03-21").unwrap();
        let os = HistoricalDate::parse("1883-03-09").unwrap();
        assert_eq!(
            ns.human_with_old_style(Some(&os)),
            "21 March 1883 (9 March 1883 O.S.)"
        );
    }
}

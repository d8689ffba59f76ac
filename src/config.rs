//! `site.toml`: the site's title, language and base URL.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::date::{HistoricalDate, Point};
use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex};
use crate::frontmatter::{suggest_key, toml_error};

pub const CONFIG_FILE: &str = "site.toml";

const KNOWN_KEYS: &[&str] = &[
    "title",
    "description",
    "base_url",
    "language",
    "author",
    "copyright",
    "search",
    "mentions_per_page",
    "timeline_per_entity",
    "notes",
    "unsafe_html",
    "not_names",
    "period",
    "link_implicit",
    "hemisphere",
    "old_style_until",
];

/// Enough to read through on one page; a much-named person's thousands of mentions would
/// make a page of tens of megabytes that no browser opens gladly.
pub const DEFAULT_MENTIONS_PER_PAGE: usize = 500;

/// How many of its timeline entries an entity's page shows; the timeline, narrowed to the
/// entity, shows them all.
pub const DEFAULT_TIMELINE_PER_ENTITY: usize = 200;

/// The keys of the `[notes]` table.
const NOTES_KEYS: &[&str] = &["display", "numbers"];

/// How site.toml is written, for the help of an error in it.
const SITE_TOML_HELP: &str = "site.toml is TOML: `title = \"text\"`, `mentions_per_page = 500`, \
     `search = false`, and under `[notes]`: `display = \"side\"`, `numbers = \"order\"`; the README's content format \
     lists every key";

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    pub title: String,
    pub description: String,
    pub base_url: String,
    pub language: String,
    pub author: String,
    pub copyright: String,
    /// Build the search index and the search page.
    pub search: bool,
    /// How many mentions an entity's page lists before the rest go on further pages
    /// (`/people/lenin/mentions/2/`); 0 lists them all on one page.
    pub mentions_per_page: usize,
    /// How many of its timeline entries an entity's page shows before it links to the
    /// timeline narrowed to it for the rest; 0 shows them all.
    pub timeline_per_entity: usize,
    /// How notes are read in place (`[notes]`).
    pub notes: NotesConfig,
    /// Whether raw HTML written in the Markdown passes into the pages (as in Zola; the
    /// default). `false` writes it as text, with a warning at its line: for a collection
    /// whose texts come from hands the editors do not trust.
    pub unsafe_html: bool,
    /// Words and names that `annals check --names` never lists (a ship, a newspaper, a
    /// capitalised word of the period), beside those it knows are no names.
    pub not_names: Vec<String>,
    /// The years the collection is about (`period = "1917/1930"`): the timeline folds the
    /// years outside them, so that it opens on the collection's own time.
    pub period: Option<String>,
    /// Whether a bare reference the build settles ("the Congress", "the Opposition") links
    /// to its entity's page in the text, as a name does. Off by default: it is listed on the
    /// entity's page, marked as a reference, but the reader's text links only names.
    pub link_implicit: bool,
    /// Where the collection's texts were written (`hemisphere = "south"`): what their
    /// seasons mean.
    pub hemisphere: Hemisphere,
    /// The New Style day before which the texts' days are in the Old Style (Julian) unless
    /// they say otherwise (`old_style_until = "1918-02-14"` for Russia): the timeline places
    /// them at their New Style day and shows both.
    pub old_style_until: Option<String>,
}

/// How the collection's texts reckon time, where it is not what the reader's calendar
/// assumes: the timeline reads their seasons and days by it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reckoning {
    pub hemisphere: Hemisphere,
    /// The New Style day from which the texts' unmarked days are New Style; before it they
    /// are Julian.
    pub old_style_until: Option<Point>,
}

/// `north` (the default): "the autumn of 1858" is September to November. `south`: March
/// to May, as texts of Australia, New Zealand, South Africa or the Río de la Plata mean it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Hemisphere {
    #[default]
    North,
    South,
}

/// `[notes]`: how a reader reads a note in place.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct NotesConfig {
    pub display: NotesDisplay,
    pub numbers: NoteNumbers,
}

/// `source` (the default): a note whose label is a number (`[^44]`) is shown under that
/// number, as the source numbers it, and the page's notes are listed in that order; a gap in
/// the numbering is a warning. `order`: notes are numbered 1, 2, 3 … in the order the text
/// first cites them, as Pandoc does. Notes labelled by words (`[^smith]`) are numbered in
/// order either way.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteNumbers {
    #[default]
    Source,
    Order,
}

/// `side` (the default): notes stand in the margin beside their markers on screens wide
/// enough for a margin (as in Tufte CSS), and are popovers on narrower ones. `popover`: a
/// marker shows its note over the text on hover, focus or tap, on any screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotesDisplay {
    Popover,
    #[default]
    Side,
}

impl NotesDisplay {
    pub fn as_str(self) -> &'static str {
        match self {
            NotesDisplay::Popover => "popover",
            NotesDisplay::Side => "side",
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Untitled collection".into(),
            description: String::new(),
            base_url: "/".into(),
            language: "en".into(),
            author: String::new(),
            copyright: String::new(),
            search: true,
            mentions_per_page: DEFAULT_MENTIONS_PER_PAGE,
            timeline_per_entity: DEFAULT_TIMELINE_PER_ENTITY,
            notes: NotesConfig::default(),
            unsafe_html: true,
            not_names: Vec::new(),
            period: None,
            link_implicit: false,
            hemisphere: Hemisphere::North,
            old_style_until: None,
        }
    }
}

impl Config {
    /// How the texts reckon time (`hemisphere`, `old_style_until`).
    pub fn reckoning(&self) -> Reckoning {
        Reckoning {
            hemisphere: self.hemisphere,
            old_style_until: self.old_style_until.as_deref().and_then(day_of),
        }
    }

    /// The first and last year of `period`, when it is a span of years (`1917/1930`).
    pub fn period_years(&self) -> Option<(i32, i32)> {
        let (start, end) = self.period.as_deref()?.split_once('/')?;
        let (start, end) = (start.trim().parse().ok()?, end.trim().parse().ok()?);
        (start <= end).then_some((start, end))
    }
}

/// Where the site will live: an optional origin (`https://example.org`) and a path prefix
/// (`/annals/`). Every internal link is the prefix plus the page's path, so the site works at
/// a domain's root or under any sub-path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    origin: String,
    prefix: String,
}

impl BaseUrl {
    /// Accepts `/`, `/annals`, `https://example.org`, `https://example.org/annals/`.
    pub fn parse(raw: &str) -> Result<BaseUrl, String> {
        let raw = raw.trim();
        // Every link is the base URL with a path after it: a query, a fragment or white
        // space in the base would stand in the middle of each.
        if let Some(c) = raw
            .chars()
            .find(|&c| matches!(c, '?' | '#') || c.is_whitespace())
        {
            return Err(format!(
                "`{raw}` holds {}, which every link would carry in its middle",
                match c {
                    '?' => "a query (`?`)".to_string(),
                    '#' => "a fragment (`#`)".to_string(),
                    _ => "white space".to_string(),
                }
            ));
        }
        let (origin, path) = match raw.find("://") {
            Some(scheme_end) => {
                let after = &raw[scheme_end + 3..];
                let host_end = after.find('/').unwrap_or(after.len());
                if host_end == 0 {
                    return Err(format!("`{raw}` has no host after `://`"));
                }
                (
                    raw[..scheme_end + 3 + host_end].to_string(),
                    &after[host_end..],
                )
            }
            None if raw.is_empty() || raw.starts_with('/') => (String::new(), raw),
            None => {
                return Err(format!(
                    "`{raw}` is neither a path starting with `/` nor a URL such as `https://example.org/`"
                ));
            }
        };
        let trimmed = path.trim_matches('/');
        let prefix = if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        };
        Ok(BaseUrl { origin, prefix })
    }

    /// The scheme and host the site lives at (`https://example.org`), or "" when unknown.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The path prefix every internal link starts with, `/` or `/sub/path/`.
    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The link to a site path such as `documents/avrich/` (no leading slash).
    pub fn link(&self, site_path: &str) -> String {
        format!("{}{}", self.prefix, site_path.trim_start_matches('/'))
    }

    /// The absolute URL of a site path, when the origin is known; else the link.
    pub fn permalink(&self, site_path: &str) -> String {
        format!("{}{}", self.origin, self.link(site_path))
    }
}

/// Reads `site.toml` from the site root. A missing file means the defaults.
pub fn load(root: &Path, shown_path: PathBuf, diagnostics: &mut Diagnostics) -> Config {
    let path = root.join(CONFIG_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            diagnostics.push(
                Diagnostic::warning(shown_path, "no site.toml: using the default settings")
                    .with_help("`annals init DIR` writes a site.toml to start from"),
            );
            return Config::default();
        }
        Err(e) => {
            diagnostics.push(Diagnostic::error(shown_path, format!("cannot read: {e}")));
            return Config::default();
        }
    };
    parse(&text, &shown_path, diagnostics)
}

pub fn parse(text: &str, shown_path: &Path, diagnostics: &mut Diagnostics) -> Config {
    let lines = LineIndex::new(text);
    let table: toml::Table = match toml::from_str(text) {
        Ok(table) => table,
        Err(e) => {
            diagnostics.push(toml_error(
                shown_path,
                (text, &lines, 0),
                &e,
                SITE_TOML_HELP,
            ));
            return Config::default();
        }
    };
    for key in table.keys() {
        if !KNOWN_KEYS.contains(&key.as_str()) {
            let mut d =
                Diagnostic::warning(shown_path, format!("unknown key `{key}` in site.toml"));
            if let Some(line) = crate::frontmatter::key_line(text, key) {
                d = d.at_line(line);
            }
            diagnostics.push(d.with_help(suggest_key(key, KNOWN_KEYS)));
        }
    }
    if let Some(toml::Value::Table(notes)) = table.get("notes") {
        for key in notes.keys().filter(|k| !NOTES_KEYS.contains(&k.as_str())) {
            let mut d = Diagnostic::warning(
                shown_path,
                format!("unknown key `{key}` in [notes] of site.toml"),
            );
            if let Some(line) = crate::frontmatter::key_line(text, key) {
                d = d.at_line(line);
            }
            diagnostics.push(d.with_help(suggest_key(key, NOTES_KEYS)));
        }
    }
    let config: Config = match toml::from_str(text) {
        Ok(config) => config,
        Err(e) => {
            diagnostics.push(toml_error(
                shown_path,
                (text, &lines, 0),
                &e,
                SITE_TOML_HELP,
            ));
            return Config::default();
        }
    };
    if let Some(period) = &config.period
        && config.period_years().is_none()
    {
        let mut d = Diagnostic::warning(
            shown_path,
            format!("period: `{period}` is no span of years; the timeline folds no year"),
        );
        if let Some(line) = crate::frontmatter::key_line(text, "period") {
            d = d.at_line(line);
        }
        diagnostics.push(d.with_help("write period = \"1917/1930\": the first year and the last"));
    }
    if let Some(until) = &config.old_style_until
        && day_of(until).is_none()
    {
        let mut d = Diagnostic::error(
            shown_path,
            format!("old_style_until: `{until}` is no day; the texts' days are read as written"),
        );
        if let Some(line) = crate::frontmatter::key_line(text, "old_style_until") {
            d = d.at_line(line);
        }
        diagnostics.push(d.with_help(
            "write old_style_until = \"1918-02-14\": the first New Style day of the texts' country",
        ));
    }
    if let Err(message) = BaseUrl::parse(&config.base_url) {
        let mut d = Diagnostic::error(shown_path, format!("base_url: {message}"));
        if let Some(line) = crate::frontmatter::key_line(text, "base_url") {
            d = d.at_line(line);
        }
        diagnostics.push(
            d.with_help("write base_url = \"/\" or base_url = \"https://example.org/annals/\""),
        );
    }
    config
}

/// The day `text` names in EDTF (`1918-02-14`), if it names one.
fn day_of(text: &str) -> Option<Point> {
    let date = HistoricalDate::parse(text).ok()?;
    date.start
        .filter(|p| p.day.is_some() && date.end.is_none() && date.set.is_none())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_forms() {
        let root = BaseUrl::parse("/").unwrap();
        assert_eq!(root.link("documents/a/"), "/documents/a/");
        let sub = BaseUrl::parse("https://example.org/annals").unwrap();
        assert_eq!(sub.prefix(), "/annals/");
        assert_eq!(sub.link("/documents/a/"), "/annals/documents/a/");
        assert_eq!(sub.permalink(""), "https://example.org/annals/");
        let host = BaseUrl::parse("https://example.org").unwrap();
        assert_eq!(host.permalink("a/"), "https://example.org/a/");
        assert!(BaseUrl::parse("example.org").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
        for carried in [
            "https://example.org/a?b=c",
            "/a#top",
            "https://example.org/my site/",
        ] {
            let error = BaseUrl::parse(carried).unwrap_err();
            assert!(
                error.contains("every link would carry"),
                "{carried}: {error}"
            );
        }
    }

    #[test]
    fn a_value_of_the_wrong_type_is_told_in_the_words_of_the_file() {
        let cases = [
            ("notes = 5\n", (1, "expected a table of settings")),
            ("search = \"yes\"\n", (1, "expected true or false")),
            (
                "title = \"A\"\nmentions_per_page = -1\n",
                (2, "expected a whole number, 0 or more"),
            ),
            ("title = 5\n", (1, "expected text in quotes")),
            (
                "title = [\"A\"]\n",
                (
                    1,
                    "wrong value: the value is a list, expected text in quotes",
                ),
            ),
            ("title = \"A\"\ntitle = \"B\"\n", (2, "a key set twice")),
        ];
        for (text, (line, words)) in cases {
            let mut diagnostics = Diagnostics::default();
            parse(text, Path::new("site.toml"), &mut diagnostics);
            let error = diagnostics.errors().next().expect(text);
            assert_eq!(error.line, Some(line), "{text}");
            assert!(error.message.contains(words), "{text}: {}", error.message);
            assert!(!error.message.contains("struct") && !error.message.contains("usize"));
            assert!(
                error
                    .help
                    .as_deref()
                    .unwrap()
                    .starts_with("site.toml is TOML")
            );
        }
    }

    #[test]
    fn unknown_key_warns_with_a_suggestion() {
        let mut diagnostics = Diagnostics::default();
        let config = parse(
            "title = \"A\"\nbase_rul = \"/\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.title, "A");
        let warning = diagnostics.warnings().next().unwrap();
        assert_eq!(warning.line, Some(2));
        assert!(warning.help.as_deref().unwrap().contains("base_url"));
    }

    #[test]
    fn notes_display_and_its_unknown_keys() {
        let mut diagnostics = Diagnostics::default();
        let config = parse(
            "title = \"A\"\n[notes]\ndisplay = \"side\"\ndisplya = 1\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.notes.display, NotesDisplay::Side);
        let warning = diagnostics.warnings().next().unwrap();
        assert_eq!(warning.line, Some(4));
        assert!(warning.help.as_deref().unwrap().contains("display"));
        let mut diagnostics = Diagnostics::default();
        parse(
            "[notes]\ndisplay = \"margin\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert!(diagnostics.errors().next().unwrap().line.is_some());
    }

    #[test]
    fn the_hemisphere_is_north_or_south_and_anything_else_an_error_at_its_line() {
        let mut diagnostics = Diagnostics::default();
        let config = parse(
            "hemisphere = \"south\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.hemisphere, Hemisphere::South);
        assert_eq!(diagnostics.error_count(), 0);
        assert_eq!(
            parse("", Path::new("site.toml"), &mut diagnostics).hemisphere,
            Hemisphere::North
        );
        parse(
            "title = \"A\"\nhemisphere = \"sud\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        let error = diagnostics.errors().next().unwrap();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("south"), "{}", error.message);
    }

    #[test]
    fn the_first_new_style_day_is_a_day_and_anything_else_an_error_at_its_line() {
        let mut diagnostics = Diagnostics::default();
        let config = parse(
            "old_style_until = \"1918-02-14\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(
            config.reckoning().old_style_until,
            Some(Point::day(1918, 2, 14))
        );
        assert_eq!(diagnostics.error_count(), 0);
        let config = parse(
            "title = \"A\"\nold_style_until = \"1918\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.reckoning().old_style_until, None);
        let error = diagnostics.errors().next().unwrap();
        assert_eq!(error.line, Some(2));
        assert!(error.message.contains("no day"), "{}", error.message);
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let mut diagnostics = Diagnostics::default();
        parse(
            "title = \"A\"\nlanguage = en\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        let error = diagnostics.errors().next().unwrap();
        assert_eq!(error.line, Some(2));
        assert!(error.column.is_some());
    }

    #[test]
    fn the_period_is_a_span_of_years_or_a_warning_at_its_line() {
        let mut diagnostics = Diagnostics::default();
        let config = parse(
            "title = \"A\"\nperiod = \"1917/1930\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.period_years(), Some((1917, 1930)));
        assert_eq!(diagnostics.warnings().count(), 0);
        let config = parse(
            "title = \"A\"\nperiod = \"the twenties\"\n",
            Path::new("site.toml"),
            &mut diagnostics,
        );
        assert_eq!(config.period_years(), None);
        let warnings: Vec<(Option<usize>, String)> = diagnostics
            .warnings()
            .map(|d| (d.line, d.message.clone()))
            .collect();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].0, Some(2));
    }
}

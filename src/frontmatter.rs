//! TOML front matter between `+++` lines: splitting it off, parsing it, and reporting its
//! errors at the right line of the content file.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics, LineIndex};

/// The keys a page may carry. Anything else is probably a typo and is reported.
pub const KNOWN_KEYS: &[&str] = &[
    "title",
    "slug",
    "weight",
    "draft",
    "authors",
    "date",
    "publication",
    "url",
    "translator",
    "rights",
    "summary",
    "language",
    "source_file",
    "missing_notes",
    "uncited_notes",
    "names",
    "unlinked_names",
    "timeline",
    "extra",
];

/// A page's metadata. For a source document it is the provenance of the original, shown near
/// the title as an edition would.
///
/// It is also written: `annals import` serialises it, skipping what is not set.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(default)]
pub struct FrontMatter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "one_or_many"
    )]
    pub authors: Vec<String>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "date_text"
    )]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publication: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translator: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rights: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The file of the original transcription this page was made from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Why the source lacks the texts of notes its text cites: the markers without a
    /// text are then shown to readers as missing from the source, and not warned of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing_notes: Option<String>,
    /// Whether the page's sentences are read for the timeline. Unset, a page is read unless
    /// its title says it is front or back matter (a foreword, a translator's note, an index).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeline: Option<bool>,
    /// Why the source prints notes without their markers in the text: such notes are then
    /// kept at the end of the notes, and not warned of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncited_notes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub draft: bool,
    /// Names that the registry gives to several entities unlinked because their context
    /// does not settle them: the entity each means in this document (`Smirnov =
    /// "person:smirnov-v-m"`), where a full mention nearby does not say otherwise.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub names: std::collections::BTreeMap<String, String>,
    /// Names that the source itself leaves ambiguous: left unlinked and not warned of.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unlinked_names: Vec<String>,
    /// Free-form values for custom templates.
    #[serde(skip_serializing_if = "toml::Table::is_empty")]
    pub extra: toml::Table,
}

/// A content file cut in two: the front matter's text and the Markdown body, with the line
/// each starts on so that problems in either are reported at the right line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split<'a> {
    pub front_matter: &'a str,
    /// Byte offset of the front matter in the file.
    pub front_matter_offset: usize,
    pub body: &'a str,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    Empty,
    NoOpening,
    NoClosing,
}

impl SplitError {
    /// The error as a diagnostic at the top of the file, with what to do.
    pub fn diagnostic(&self, path: &Path) -> Diagnostic {
        let (message, help) = self.message();
        Diagnostic::error(path, message).at_line(1).with_help(help)
    }

    pub fn message(&self) -> (&'static str, &'static str) {
        match self {
            SplitError::Empty => (
                "the file is empty",
                "a page needs front matter between `+++` lines, with at least a title",
            ),
            SplitError::NoOpening => (
                "the file has no front matter",
                "start the file with a line `+++`, then `title = \"…\"`, then another `+++`",
            ),
            SplitError::NoClosing => (
                "the front matter is never closed",
                "add a line `+++` after the last front-matter key",
            ),
        }
    }
}

pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text_start = text.strip_prefix('\u{feff}').map_or(0, |_| 3);
    let content = &text[text_start..];
    if content.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let first_line_end = content.find('\n').map_or(content.len(), |i| i + 1);
    if content[..first_line_end].trim_end() != "+++" {
        return Err(SplitError::NoOpening);
    }
    let fm_start = text_start + first_line_end;
    let mut offset = fm_start;
    for (line, raw_line) in (2..).zip(text[fm_start..].split_inclusive('\n')) {
        if raw_line.trim_end() == "+++" {
            let body_start = offset + raw_line.len();
            return Ok(Split {
                front_matter: &text[fm_start..offset],
                front_matter_offset: fm_start,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset += raw_line.len();
    }
    Err(SplitError::NoClosing)
}

/// A content file read and parsed: its typed front matter and its body, with where its keys
/// stand, so that later checks can point at a key's line.
#[derive(Debug, Clone)]
pub struct ContentFile<T> {
    pub front: T,
    pub body: String,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
    pub keys: KeyLines,
}

/// The lines of a file's front-matter keys.
#[derive(Debug, Clone)]
pub struct KeyLines {
    front_matter: String,
    /// 1-based line of the file on which the front matter starts.
    first_line: usize,
}

impl KeyLines {
    /// The line of the file on which `key` is set, or the front matter's first line.
    pub fn line(&self, key: &str) -> usize {
        key_line(&self.front_matter, key).map_or(self.first_line, |l| l + self.first_line - 1)
    }

    pub fn first_line(&self) -> usize {
        self.first_line
    }
}

/// Reads a content file (pages and every kind of registry entry alike): UTF-8 text, front
/// matter between `+++` lines, TOML of the type `T`. Keys outside `allowed` are warned about
/// (`subject` says whose keys: "in the front matter", "for a person"); every problem is a
/// diagnostic at `path` (the path as messages show it) and its line.
pub fn read<T: DeserializeOwned>(
    file: &Path,
    path: &Path,
    allowed: &[&str],
    subject: &str,
    diagnostics: &mut Diagnostics,
) -> Option<ContentFile<T>> {
    let text = match read_text(file, path) {
        Ok(text) => text,
        Err(problem) => {
            diagnostics.push(problem);
            return None;
        }
    };
    parse(&text, path, allowed, subject, diagnostics)
}

/// A content file's text read as [`read`] reads the file.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    allowed: &[&str],
    subject: &str,
    diagnostics: &mut Diagnostics,
) -> Option<ContentFile<T>> {
    let split = match split(text) {
        Ok(split) => split,
        Err(e) => {
            diagnostics.push(e.diagnostic(path));
            return None;
        }
    };
    let lines = LineIndex::new(text);
    let offset = split.front_matter_offset;
    let front_matter_line = lines.line(offset);
    // Parsed as a table first for the keys, then as `T`: a type error keeps its position.
    let table: toml::Table = match toml::from_str(split.front_matter) {
        Ok(table) => table,
        Err(e) => {
            diagnostics.push(toml_error(
                path,
                (text, &lines, offset),
                &e,
                FRONT_MATTER_HELP,
            ));
            return None;
        }
    };
    for key in table.keys().filter(|k| !allowed.contains(&k.as_str())) {
        let line = key_line(split.front_matter, key)
            .map_or(front_matter_line, |l| l + front_matter_line - 1);
        let mut help = suggest_key(key, allowed);
        if allowed.contains(&"extra") {
            help.push_str(" (custom values go under [extra])");
        }
        diagnostics.push(
            Diagnostic::warning(path, format!("unknown key `{key}` {subject}"))
                .at_line(line)
                .with_help(help),
        );
    }
    let front: T = match toml::from_str(split.front_matter) {
        Ok(front) => front,
        Err(e) => {
            diagnostics.push(toml_error(
                path,
                (text, &lines, offset),
                &e,
                FRONT_MATTER_HELP,
            ));
            return None;
        }
    };
    Some(ContentFile {
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
        keys: KeyLines {
            front_matter: split.front_matter.to_string(),
            first_line: front_matter_line,
        },
    })
}

/// The text of `file`, or an error at `path` (the path shown) that says what is wrong: a file
/// that cannot be read, or one that is not UTF-8, at the line and column of its first bad
/// byte.
pub fn read_text(file: &Path, path: &Path) -> Result<String, Diagnostic> {
    let bytes =
        std::fs::read(file).map_err(|e| Diagnostic::error(path, format!("cannot read: {e}")))?;
    String::from_utf8(bytes).map_err(|e| not_utf8(path, e.as_bytes(), e.utf8_error().valid_up_to()))
}

fn not_utf8(path: &Path, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let valid = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let (line, column) = LineIndex::new(valid).line_col(valid, valid.len());
    Diagnostic::error(
        path,
        format!(
            "the file is not UTF-8 text (byte 0x{:02X} is not valid here)",
            bytes[valid_up_to]
        ),
    )
    .at(line, column)
    .with_help("save the file as UTF-8 (for example: iconv -f WINDOWS-1251 -t UTF-8)")
}

/// How TOML is written, for the help of an error in front matter.
pub const FRONT_MATTER_HELP: &str =
    "front matter is TOML: `key = \"text\"`, `key = 3`, `key = [\"a\", \"b\"]`";

/// A TOML error as a diagnostic at `file:line:col`. `offset` is where the TOML text starts
/// within `file_text`; `help` says how the file is written.
pub fn toml_error(
    path: &Path,
    (file_text, lines, offset): (&str, &LineIndex, usize),
    error: &toml::de::Error,
    help: &str,
) -> Diagnostic {
    let raw = error.message().trim_end();
    let at = error.span().map(|span| offset + span.start);
    // A value of the wrong kind, or not one of a setting's choices, is well-formed TOML: it
    // is told as such.
    let message = match raw.strip_prefix("unknown variant ") {
        Some(choices) => not_a_choice(choices, at.map(|at| key_before(file_text, at))),
        None if raw.starts_with("invalid type") || raw.starts_with("invalid value") => {
            format!("wrong value: {}", in_plain_words(raw))
        }
        None => format!("invalid TOML: {}", in_plain_words(raw)),
    };
    let diagnostic = Diagnostic::error(path, message).with_help(help);
    match at {
        Some(at) => {
            let (line, col) = lines.line_col(file_text, at);
            diagnostic.at(line, col)
        }
        None => diagnostic,
    }
}

/// serde's "unknown variant `margin`, expected `popover` or `side`" (after "unknown variant
/// "), for the key `key`: "`display` must be one of `popover`, `side`; found `margin`".
fn not_a_choice(choices: &str, key: Option<&str>) -> String {
    let quoted: Vec<&str> = choices.split('`').skip(1).step_by(2).collect();
    let Some((found, expected)) = quoted.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return format!("wrong value: unknown variant {choices}");
    };
    let what = key
        .filter(|key| !key.is_empty())
        .map_or("the value".to_string(), |key| format!("`{key}`"));
    let expected: Vec<String> = expected
        .iter()
        .map(|choice| format!("`{choice}`"))
        .collect();
    format!(
        "{what} must be one of {}; found `{found}`",
        expected.join(", ")
    )
}

/// The key a value at byte `at` of a TOML text is given to: the words before the last `=`
/// on its line, after any `{` or `,` of an inline table (`notes = { display = "margin" }`).
fn key_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or(text);
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    line.rsplit_once('=').map_or("", |(key, _)| {
        let key = key.rsplit(['{', ',']).next().unwrap_or(key);
        key.trim().trim_matches('"')
    })
}

/// serde's and toml's words for Rust's types, in the words of the file's writer:
/// "expected struct NotesConfig" is "expected a table of settings".
fn in_plain_words(message: &str) -> String {
    const TYPES: &[(&str, &str)] = &[
        ("usize", "a whole number, 0 or more"),
        ("u64", "a whole number, 0 or more"),
        ("u32", "a whole number, 0 or more"),
        ("u16", "a whole number, 0 or more"),
        ("u8", "a whole number, 0 or more"),
        ("i64", "a whole number"),
        ("i32", "a whole number"),
        ("a boolean", "true or false"),
        ("a string", "text in quotes"),
        ("a sequence", "a list in brackets, [\"a\", \"b\"]"),
    ];
    /// What serde calls the value the file gave.
    const FOUND: &[(&str, &str)] = &[
        ("invalid type: sequence", "the value is a list"),
        ("invalid type: string", "the value is text"),
        ("invalid type: integer", "the value is a whole number"),
        ("invalid type: floating point", "the value is a number"),
        ("invalid type: boolean", "the value is true or false"),
        ("invalid type: map", "the value is a table"),
    ];
    if message == "duplicate key" {
        return "a key set twice (each key may be set once)".to_string();
    }
    let Some((head, expected)) = message.rsplit_once("expected ") else {
        return message.to_string();
    };
    let plain = if expected.starts_with("struct ") || expected.starts_with("map") {
        "a table of settings"
    } else {
        match TYPES.iter().find(|(rust, _)| *rust == expected) {
            Some((_, words)) => words,
            None => expected,
        }
    };
    let head = match FOUND.iter().find(|(serde, _)| head.starts_with(serde)) {
        Some((serde, words)) => format!("{words}{}", &head[serde.len()..]),
        None => head.to_string(),
    };
    format!("{head}expected {plain}")
}

/// The 1-based line within `toml_text` on which `key` is set, if it can be found.
pub fn key_line(toml_text: &str, key: &str) -> Option<usize> {
    toml_text
        .lines()
        .position(|line| {
            let line = line.trim_start();
            let assigned = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")))
                .is_some_and(|rest| rest.trim_start().starts_with('='));
            assigned || line.trim_end() == format!("[{key}]")
        })
        .map(|index| index + 1)
}

/// A `url` of the front matter when a page may link to it (relative, `http:`, `https:`,
/// `mailto:`); otherwise a warning at its line, and nothing: a `javascript:` address would
/// run the author's script in the reader's browser.
pub fn web_address(
    url: Option<String>,
    path: &Path,
    line: usize,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let url = url?;
    if crate::markdown::is_web_address(&url) {
        return Some(url);
    }
    diagnostics.push(
        Diagnostic::warning(
            path,
            format!("the `url` `{url}` is left out: it is no web address"),
        )
        .at_line(line)
        .with_help("give an http: or https: address (or mailto:)"),
    );
    None
}

/// Whether `tag` has the shape of a BCP 47 language tag: a language of two or three letters
/// (or a registered one of five to eight), then subtags of one to eight letters and digits
/// (`ru`, `en-GB`, `de-1901`, `sr-Latn-RS`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    matches!(language.len(), 2 | 3 | 5..=8)
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A `language` of the front matter when it is a language tag; otherwise a warning at its
/// line, and the site's language stands.
pub fn language_tag(
    language: Option<String>,
    path: &Path,
    line: usize,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let language = language?;
    if is_language_tag(&language) {
        return Some(language);
    }
    diagnostics.push(
        Diagnostic::warning(
            path,
            format!(
                "the `language` `{}` is no language tag",
                crate::text::shortened(&language, 40)
            ),
        )
        .at_line(line)
        .with_help(
            "give a BCP 47 tag, such as `ru`, `en-GB` or `sr-Latn`; the site's language stands",
        ),
    );
    None
}

/// "did you mean …?" for a mistyped key.
pub fn suggest_key(key: &str, known: &[&str]) -> String {
    match crate::text::nearest(key, known.iter().copied(), |_| 2) {
        Some(k) => format!("did you mean `{k}`?"),
        None => format!("known keys: {}", known.join(", ")),
    }
}

/// A text or a list of texts (`authors = "A"` or `authors = ["A", "B"]`), with an error
/// that says so rather than naming serde's types.
pub fn one_or_many<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let expected = |found: &str| {
        serde::de::Error::custom(format!(
            "expected a text or a list of texts (\"A\" or [\"A\", \"B\"]), not {found}"
        ))
    };
    match toml::Value::deserialize(d)? {
        toml::Value::String(one) => Ok(vec![one]),
        toml::Value::Array(many) => many
            .into_iter()
            .map(|item| match item {
                toml::Value::String(text) => Ok(text),
                other => Err(expected(&format!("a list holding {}", other.type_str()))),
            })
            .collect(),
        other => Err(expected(other.type_str())),
    }
}

/// A text, or a list of texts read as one, each after the one before it: "a.md; b.md".
pub(crate) fn text_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let items = one_or_many(d)?;
    Ok((!items.is_empty()).then(|| items.join("; ")))
}

/// Dates of originals are often partial ("1984", "1923-02") or uncertain, so they are kept as
/// text; a TOML date (`date = 1984-03-01`) is accepted too.
pub(crate) fn date_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = toml::Value::deserialize(d)?;
    match value {
        toml::Value::String(s) => Ok(Some(s)),
        toml::Value::Datetime(dt) => Ok(Some(dt.to_string())),
        toml::Value::Integer(year) => Ok(Some(year.to_string())),
        other => Err(serde::de::Error::custom(format!(
            "a date must be text such as \"1923-02\" or a TOML date, not {}",
            other.type_str()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_not_among_a_settings_choices_names_the_key_and_the_choices() {
        assert_eq!(
            not_a_choice("`margin`, expected `popover` or `side`", Some("display")),
            "`display` must be one of `popover`, `side`; found `margin`"
        );
        assert_eq!(
            not_a_choice("`x`, expected one of `a`, `b`, `c`", None),
            "the value must be one of `a`, `b`, `c`; found `x`"
        );
        let text = "title = \"A\"\n[notes]\n\"display\" = \"margin\"\n";
        assert_eq!(key_before(text, text.find("\"margin").unwrap()), "display");
        let inline = "notes = { display = \"margin\" }\n";
        assert_eq!(
            key_before(inline, inline.find("\"margin").unwrap()),
            "display"
        );
        assert_eq!(
            not_a_choice("`x`, there are no variants", None),
            "wrong value: unknown variant `x`, there are no variants"
        );
    }

    #[test]
    fn a_list_of_texts_given_otherwise_is_told_in_plain_words() {
        #[derive(Debug, Deserialize)]
        struct Front {
            #[serde(default, deserialize_with = "one_or_many")]
            authors: Vec<String>,
        }
        let read = |toml_text: &str| toml::from_str::<Front>(toml_text).map(|f| f.authors);
        assert_eq!(read("authors = \"A\"").unwrap(), ["A"]);
        assert_eq!(read("authors = [\"A\", \"B\"]").unwrap(), ["A", "B"]);
        for (wrong, found) in [
            ("authors = 5", "not integer"),
            ("authors = [\"A\", 3]", "a list holding integer"),
        ] {
            let message = read(wrong).unwrap_err().to_string();
            assert!(
                message.contains("expected a text or a list of texts"),
                "{message}"
            );
            assert!(message.contains(found), "{message}");
            assert!(!message.contains("enum"), "{message}");
        }
    }

    #[test]
    fn language_tags_are_told_from_other_text() {
        for tag in [
            "ru",
            "en-GB",
            "de-1901",
            "sr-Latn-RS",
            "yue",
            "x-klingon".replace("x-", "tlh-").as_str(),
        ] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for not in [
            "",
            "r",
            "russian language",
            "en_GB",
            "en-",
            "toolongsubtag-x",
            "ру",
        ] {
            assert!(!is_language_tag(not), "{not}");
        }
    }

    #[test]
    fn splits_front_matter_and_body() {
        let text = "+++\ntitle = \"A\"\n+++\nBody\n";
        let split = split(text).unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\n");
        assert_eq!(split.body, "Body\n");
        assert_eq!(split.body_line, 4);
        assert_eq!(split.front_matter_offset, 4);
    }

    #[test]
    fn reports_missing_or_unclosed_front_matter() {
        assert_eq!(split(""), Err(SplitError::Empty));
        assert_eq!(split("  \n"), Err(SplitError::Empty));
        assert_eq!(split("# Title\n"), Err(SplitError::NoOpening));
        assert_eq!(split("+++\ntitle = \"x\"\n"), Err(SplitError::NoClosing));
    }

    #[test]
    fn accepts_a_byte_order_mark_and_crlf() {
        let split = split("\u{feff}+++\r\ntitle = \"A\"\r\n+++\r\nBody").unwrap();
        assert_eq!(split.front_matter, "title = \"A\"\r\n");
        assert_eq!(split.body, "Body");
    }

    #[test]
    fn front_matter_fields() {
        let fm: FrontMatter =
            toml::from_str("title = \"T\"\nauthors = \"Paul Avrich\"\ndate = 1984-01-01\n")
                .unwrap();
        assert_eq!(fm.authors, vec!["Paul Avrich"]);
        assert_eq!(fm.date.as_deref(), Some("1984-01-01"));
        let fm: FrontMatter =
            toml::from_str("date = \"1923-02\"\nauthors = [\"A\", \"B\"]").unwrap();
        assert_eq!(fm.date.as_deref(), Some("1923-02"));
        assert_eq!(fm.authors.len(), 2);
    }

    #[test]
    fn finds_key_lines_and_suggests() {
        assert_eq!(key_line("a = 1\n  autors = []\n", "autors"), Some(2));
        assert_eq!(key_line("authors_x = 1\n", "authors"), None);
        assert_eq!(suggest_key("autors", KNOWN_KEYS), "did you mean `authors`?");
        assert!(suggest_key("zzzzzz", KNOWN_KEYS).starts_with("known keys"));
    }
}

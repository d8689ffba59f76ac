//! Editorial emendations, written in CriticMarkup's signs with three of our own:
//!
//! | written | meaning |
//! | --- | --- |
//! | `{~~Lanin~>Lenin~~}` | a correction: the source reads "Lanin", the edition "Lenin" |
//! | `{++and++}` | words the editor supplies |
//! | `{--the the--}` | words of the source the edition leaves out |
//! | `{??Perm'??}` | an uncertain reading |
//! | `{??}` | words the source has that cannot be read |
//! | `{!!recieved!!}` | the source's words kept as they stand ([sic]) |
//!
//! The page's text (what readers read, search indexes and names are found in) is the
//! edition's; the source's reading stays in the HTML for the reader to show, and every
//! emendation is listed in the page's "Corrections".
//!
//! The signs are masked before pulldown-cmark parses the body (`mask`), each by a character
//! of the same length in bytes, so that its `~~` is no strikethrough and its `--` no dash,
//! and every offset into the body still names the same line. The opening signs and `~>`
//! become rare punctuation (the New Testament editors' substitution marks, U+2E00–U+2E08;
//! Syriac's end of paragraph, U+0700), the closing signs and `{??}` private-use characters,
//! which pulldown-cmark reads as it reads letters: a quotation mark or emphasis before an
//! emendation then opens as before punctuation, and one after it closes as after a word
//! (`{~~Lanin~>Lenin~~}'s` keeps its apostrophe). `apply` turns the masks in the parsed
//! events into the emendations' HTML. A body that holds one of those characters itself is
//! not masked.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};
use serde::Serialize;

use crate::text::escape_html;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EmendationKind {
    Correction,
    Addition,
    Deletion,
    Unclear,
    Illegible,
    Sic,
}

/// One emendation of a page, listed under "Corrections" and linked from there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Emendation {
    /// Its id on the page: `em-3`.
    pub id: String,
    pub kind: EmendationKind,
    /// What the source has (a correction's first part, the words left out, the words kept).
    pub source: String,
    /// What the edition reads (a correction's second part, the words supplied or unclear).
    pub reading: String,
    /// Its line in the file.
    pub line: usize,
}

/// A sign as written and the character that masks it (of the same length in UTF-8).
struct Sign {
    written: &'static str,
    mask: char,
    role: Role,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(EmendationKind),
    Close(EmendationKind),
    /// `~>`, between a correction's two readings.
    Between,
    /// `{??}`, whole in itself.
    Illegible,
}

/// Longest first: `{??}` before `{??`.
const SIGNS: &[Sign] = &[
    sign("{??}", '\u{F0000}', Role::Illegible),
    sign("{~~", '\u{2E00}', Role::Open(EmendationKind::Correction)),
    sign("~~}", '\u{E001}', Role::Close(EmendationKind::Correction)),
    sign("{++", '\u{2E02}', Role::Open(EmendationKind::Addition)),
    sign("++}", '\u{E003}', Role::Close(EmendationKind::Addition)),
    sign("{--", '\u{2E04}', Role::Open(EmendationKind::Deletion)),
    sign("--}", '\u{E005}', Role::Close(EmendationKind::Deletion)),
    sign("{??", '\u{2E06}', Role::Open(EmendationKind::Unclear)),
    sign("??}", '\u{E007}', Role::Close(EmendationKind::Unclear)),
    sign("{!!", '\u{2E08}', Role::Open(EmendationKind::Sic)),
    sign("!!}", '\u{E009}', Role::Close(EmendationKind::Sic)),
    sign("~>", '\u{0700}', Role::Between),
];

const fn sign(written: &'static str, mask: char, role: Role) -> Sign {
    assert!(written.len() == mask.len_utf8());
    Sign {
        written,
        mask,
        role,
    }
}

fn sign_at(text: &str) -> Option<&'static Sign> {
    SIGNS.iter().find(|sign| text.starts_with(sign.written))
}

fn sign_masked_by(c: char) -> Option<&'static Sign> {
    SIGNS.iter().find(|sign| sign.mask == c)
}

/// What masking a body gives: the masked text when it has emendations, and what is wrong
/// with the signs left as written, by offset.
#[derive(Debug, Default)]
pub(super) struct Masked {
    pub(super) text: Option<String>,
    pub(super) problems: Vec<(usize, String)>,
}

/// The body with each complete emendation's signs masked. An emendation stays within its
/// paragraph, is not nested, and a correction has its `~>`; an opening sign without that
/// is left as written and reported.
pub(super) fn mask(body: &str) -> Masked {
    let mut masked = Masked::default();
    if !SIGNS[..SIGNS.len() - 1]
        .iter()
        .any(|sign| body.contains(sign.written))
    {
        return masked;
    }
    if let Some(at) = body.find(|c| sign_masked_by(c).is_some()) {
        masked.problems.push((
            at,
            "this text holds a character that annals reads emendations with (U+2E00–U+2E08, \
             U+0700, U+E001–U+E009 or U+F0000): its emendations are shown as written"
                .to_string(),
        ));
        return masked;
    }
    let mut replacements: Vec<(usize, &Sign)> = Vec::new();
    let mut at = 0;
    while let Some(found) = body[at..].find('{') {
        let start = at + found;
        at = start + 1;
        let Some(opening) = sign_at(&body[start..]) else {
            continue;
        };
        if opening.role == Role::Illegible {
            replacements.push((start, opening));
            at = start + opening.written.len();
            continue;
        }
        let Role::Open(kind) = opening.role else {
            continue;
        };
        match closed_at(body, start + opening.written.len(), kind) {
            Some(signs) => {
                at = signs
                    .last()
                    .map_or(at, |(offset, sign)| offset + sign.written.len());
                replacements.push((start, opening));
                replacements.extend(signs);
            }
            None => masked.problems.push((
                start,
                format!(
                    "`{}` opens an emendation that is not closed in its paragraph; it is shown \
                     as written",
                    opening.written
                ),
            )),
        }
    }
    if replacements.is_empty() {
        return masked;
    }
    let mut text = String::with_capacity(body.len());
    let mut copied = 0;
    for (offset, sign) in replacements {
        text.push_str(&body[copied..offset]);
        text.push(sign.mask);
        copied = offset + sign.written.len();
    }
    text.push_str(&body[copied..]);
    debug_assert_eq!(text.len(), body.len());
    masked.text = Some(text);
    masked
}

/// The signs inside an emendation of `kind` opened before `from` and its closing sign, or
/// `None` when it is not closed within its paragraph, holds another emendation, or is a
/// correction without exactly one `~>`.
fn closed_at(body: &str, from: usize, kind: EmendationKind) -> Option<Vec<(usize, &'static Sign)>> {
    let paragraph_end = body[from..]
        .find("\n\n")
        .map_or(body.len(), |end| from + end);
    let mut signs = Vec::new();
    let mut at = from;
    while at < paragraph_end {
        let Some(sign) = sign_at(&body[at..paragraph_end]) else {
            at += body[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        match sign.role {
            Role::Close(closing) if closing == kind => {
                let between = signs.len();
                let wanted = usize::from(kind == EmendationKind::Correction);
                signs.push((at, sign));
                return (between == wanted).then_some(signs);
            }
            Role::Between if kind == EmendationKind::Correction => signs.push((at, sign)),
            Role::Between => {}
            _ => return None,
        }
        at += sign.written.len();
    }
    None
}

/// Where `apply` stands: outside an emendation, or inside one.
struct Open {
    emendation: Emendation,
    /// Whether the words being read are the source's (a correction's first part, words
    /// left out), shown only when the reader asks.
    in_source: bool,
}

/// The page's emendations as they are numbered and their HTML made.
#[derive(Default)]
pub(super) struct Emender {
    pub(super) emendations: Vec<Emendation>,
    open: Option<Open>,
    in_code: bool,
}

impl Emender {
    /// One block's (or one note's) events with the masks made HTML.
    pub(super) fn apply<'a>(
        &mut self,
        events: Vec<(Event<'a>, Range<usize>)>,
        line_of: &dyn Fn(&Range<usize>) -> usize,
    ) -> Vec<(Event<'a>, Range<usize>)> {
        let mut out = Vec::with_capacity(events.len());
        for (event, range) in events {
            match event {
                Event::Start(Tag::CodeBlock(_)) => {
                    self.in_code = true;
                    out.push((event, range));
                }
                Event::End(TagEnd::CodeBlock) => {
                    self.in_code = false;
                    out.push((event, range));
                }
                Event::Text(text) if self.in_code => out.push((Event::Text(unmask(text)), range)),
                Event::Code(text) => out.push((Event::Code(unmask(text)), range)),
                Event::Html(text) => out.push((Event::Html(unmask(text)), range)),
                Event::InlineHtml(text) => out.push((Event::InlineHtml(unmask(text)), range)),
                Event::Text(text) => {
                    let line = line_of(&range);
                    for event in self.text(&text, line) {
                        out.push((event, range.clone()));
                    }
                }
                other => out.push((other, range)),
            }
        }
        out
    }

    /// A run of text split at its masks: the reading as text, the rest as HTML.
    fn text(&mut self, text: &str, line: usize) -> Vec<Event<'static>> {
        let mut events = Vec::new();
        let mut words = String::new();
        for c in text.chars() {
            match sign_masked_by(c) {
                Some(sign) if sign.role != Role::Between || self.open.is_some() => {
                    self.words(std::mem::take(&mut words), &mut events);
                    events.push(Event::InlineHtml(self.sign(sign.role, line).into()));
                }
                _ => words.push(c),
            }
        }
        self.words(words, &mut events);
        events
    }

    fn words(&mut self, words: String, events: &mut Vec<Event<'static>>) {
        if words.is_empty() {
            return;
        }
        match self.open.as_mut() {
            Some(open) if open.in_source => {
                open.emendation.source.push_str(&words);
                events.push(Event::InlineHtml(escape_html(&words).into()));
            }
            Some(open) => {
                open.emendation.reading.push_str(&words);
                events.push(Event::Text(words.into()));
            }
            None => events.push(Event::Text(words.into())),
        }
    }

    /// The HTML of one sign, and the emendation opened or closed.
    fn sign(&mut self, role: Role, line: usize) -> String {
        match role {
            Role::Open(kind) => {
                let id = format!("em-{}", self.emendations.len() + 1);
                let html = opening_html(kind, &id);
                self.open = Some(Open {
                    emendation: Emendation {
                        id,
                        kind,
                        source: String::new(),
                        reading: String::new(),
                        line,
                    },
                    in_source: matches!(
                        kind,
                        EmendationKind::Correction | EmendationKind::Deletion
                    ),
                });
                html
            }
            Role::Between => {
                if let Some(open) = self.open.as_mut() {
                    open.in_source = false;
                }
                "</del><ins class=\"emend-reading\">".to_string()
            }
            Role::Close(kind) => {
                if let Some(mut open) = self.open.take() {
                    let emendation = &mut open.emendation;
                    if kind == EmendationKind::Sic {
                        emendation.source = emendation.reading.clone();
                    }
                    for words in [&mut emendation.source, &mut emendation.reading] {
                        *words = without_note_markers(words);
                    }
                    self.emendations.push(open.emendation);
                }
                closing_html(kind).to_string()
            }
            Role::Illegible => {
                let id = format!("em-{}", self.emendations.len() + 1);
                let html =
                    format!("<span class=\"emend emend-illegible\" id=\"{id}\">[illegible]</span>");
                self.emendations.push(Emendation {
                    id,
                    kind: EmendationKind::Illegible,
                    source: String::new(),
                    reading: String::new(),
                    line,
                });
                html
            }
        }
    }
}

fn opening_html(kind: EmendationKind, id: &str) -> String {
    match kind {
        EmendationKind::Correction => format!(
            "<span class=\"emend emend-correction\" id=\"{id}\" tabindex=\"0\"><del class=\"emend-source\">"
        ),
        EmendationKind::Deletion => format!(
            "<span class=\"emend emend-deletion\" id=\"{id}\" tabindex=\"0\"><del class=\"emend-source\">"
        ),
        EmendationKind::Addition => format!("<ins class=\"emend emend-addition\" id=\"{id}\">"),
        EmendationKind::Unclear => format!("<span class=\"emend emend-unclear\" id=\"{id}\">"),
        EmendationKind::Sic => format!("<span class=\"emend emend-sic\" id=\"{id}\">"),
        EmendationKind::Illegible => String::new(),
    }
}

fn closing_html(kind: EmendationKind) -> &'static str {
    match kind {
        EmendationKind::Correction => "</ins></span>",
        EmendationKind::Deletion => "</del></span>",
        EmendationKind::Addition => "</ins>",
        EmendationKind::Unclear => "</span>",
        EmendationKind::Sic => "</span><span class=\"emend-sic-mark\"> [sic]</span>",
        EmendationKind::Illegible => "",
    }
}

/// Words as the list of corrections shows them: the marker of a note whose text the page
/// lacks, which reaches an emendation as text (`[^7]`), as "[note 7]".
fn without_note_markers(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    let mut rest = words;
    while let Some(start) = rest.find("[^") {
        let Some(end) = rest[start..].find(']') else {
            break;
        };
        out.push_str(&rest[..start]);
        out.push_str(&format!("[note {}]", &rest[start + 2..start + end]));
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    out
}

/// Text with its masks written back as the signs they stand for (in code, where signs are
/// shown as they are).
fn unmask(text: CowStr<'_>) -> CowStr<'_> {
    if !text.chars().any(|c| sign_masked_by(c).is_some()) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match sign_masked_by(c) {
            Some(sign) => out.push_str(sign.written),
            None => out.push(c),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_every_offset() {
        let body = "During {~~Lanin~>Lenin~~}'s years {++and++} {--the--} {??Perm'??} {??} {!!recieved!!}.";
        let masked = mask(body).text.unwrap();
        assert_eq!(masked.len(), body.len());
        assert!(!masked.contains("{~~") && !masked.contains("~>"));
    }

    #[test]
    fn unclosed_or_nested_signs_are_left_as_written() {
        for body in [
            "a {~~Lanin~~} without its arrow",
            "a {++word left open",
            "a {++word\n\nin two paragraphs++}",
            "a {~~x~>{++y++}~~} nested",
        ] {
            let masked = mask(body);
            assert!(!masked.problems.is_empty(), "{body}");
        }
        assert!(
            mask("an {++addition++} and {~~Lanin~~} alone")
                .text
                .is_some()
        );
    }

    #[test]
    fn text_without_signs_is_not_copied() {
        let masked = mask("Plain text with {braces} and -- dashes ~> arrows.");
        assert!(masked.text.is_none() && masked.problems.is_empty());
    }
}

//! The plain text the later stages read instead of the HTML: each paragraph's words with
//! its id and section, each note's words with its italics, each bibliography entry's.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::BodyState;

/// One paragraph of a body as plain text, for what reads the prose itself (the timeline).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParagraphText {
    /// The paragraph's id on the page: `p-12`.
    pub anchor: String,
    /// The number of headings before it: paragraphs with the same number share a section.
    pub section: usize,
    /// The text as a reader sees it; mentions' `start` offsets point into it.
    pub text: String,
}

/// Words as plain text with the spans set in italics: what the `cite` stage reads for the
/// works a note cites (italics mark titles), collected from the Markdown events where the
/// note is rendered, so nothing parses the HTML again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainText {
    pub text: String,
    /// Byte ranges of `text` in italics (`*Collected Works*`).
    pub italics: Vec<Range<usize>>,
}

impl PlainText {
    pub fn from_events<'e, 'a: 'e>(events: impl IntoIterator<Item = &'e Event<'a>>) -> Self {
        let mut plain = PlainText::default();
        let mut open: Vec<usize> = Vec::new();
        for event in events {
            match event {
                Event::Text(t) | Event::Code(t) => plain.text.push_str(t),
                Event::SoftBreak | Event::HardBreak => plain.text.push(' '),
                Event::End(TagEnd::Paragraph | TagEnd::Item) if !plain.text.is_empty() => {
                    plain.text.push(' ')
                }
                Event::Start(Tag::Emphasis) => open.push(plain.text.len()),
                Event::End(TagEnd::Emphasis) => {
                    if let Some(start) = open.pop() {
                        plain.italics.push(start..plain.text.len());
                    }
                }
                _ => {}
            }
        }
        let trimmed = plain.text.trim_end().len();
        plain.text.truncate(trimmed);
        for span in &mut plain.italics {
            span.end = span.end.min(trimmed);
        }
        plain
    }

    /// The text of one span (`&text[range]`), or "" when the range is not on a boundary.
    pub fn slice(&self, range: &Range<usize>) -> &str {
        self.text.get(range.clone()).unwrap_or("")
    }
}

/// One entry of a page's bibliography: its id (`bib-3`) and its words.
#[derive(Debug, Clone)]
pub struct BibliographyEntry {
    pub id: String,
    pub text: PlainText,
}

/// Where the `cite` stage's links for a bibliography entry go in the page's HTML: a comment
/// at the end of the entry, replaced when the page is rendered (a plain string replace; the
/// cite stage runs after every page is rendered, since grouping works needs all notes).
pub fn bibliography_slot(id: &str) -> String {
    format!("<!--annals:cite {id}-->")
}

/// Headings under which a list is read as a bibliography (compared in lower case).
pub(super) const BIBLIOGRAPHY_HEADINGS: &[&str] = &[
    "bibliography",
    "works cited",
    "references",
    "sources",
    "literature",
    "библиография",
    "литература",
    "источники",
];

impl<'s, 'r> BodyState<'s, 'r> {
    /// Records a list item of a bibliography and returns its id (`bib-1`, `bib-2`, …).
    pub(super) fn bibliography_entry(&mut self, inner: &[(Event, Range<usize>)]) -> String {
        let id = format!("bib-{}", self.bibliography.len() + 1);
        self.ids.insert(id.clone());
        self.bibliography.push(BibliographyEntry {
            id: id.clone(),
            text: PlainText::from_events(inner.iter().map(|(e, _)| e)),
        });
        id
    }

    /// The block just handled was a paragraph: its text is kept, with its id and section.
    pub(super) fn keep_paragraph_text(&mut self) {
        self.texts.push(ParagraphText {
            anchor: self.anchor.clone(),
            section: self.toc.len(),
            text: std::mem::take(&mut self.last_text),
        });
    }

    /// A list item of plain text: a block of its own, with an id (`p-4-1`) that the
    /// mentions and dated statements in it link to.
    pub(super) fn plain_item<'a>(
        &mut self,
        inner: Vec<(Event<'a>, Range<usize>)>,
        line: usize,
        line_of: &dyn Fn(&Range<usize>) -> usize,
        out: &mut Vec<Event<'a>>,
    ) {
        let id = self.item_id();
        out.push(Event::Html(format!("<li id=\"{id}\">").into()));
        let outer = std::mem::replace(&mut self.anchor, id);
        let events = self.inline(inner, true, line, line_of);
        out.extend(events);
        self.keep_paragraph_text();
        self.anchor = outer;
        out.push(Event::Html("</li>\n".into()));
    }
}

/// The block's text as a reader sees it, and where each text event starts in it.
pub fn plain_text(events: &[Event]) -> (String, Vec<Option<usize>>) {
    // Sized first: a paragraph's text is kept until the site is written.
    let length = events.iter().map(|e| plain_piece(e).len()).sum();
    let mut plain = String::with_capacity(length);
    let mut offsets = Vec::with_capacity(events.len());
    for event in events {
        offsets.push(Some(plain.len()));
        plain.push_str(plain_piece(event));
    }
    (plain, offsets)
}

/// What one event adds to the plain text: its words, a space for a break or the end of a
/// paragraph, nothing for markup.
fn plain_piece<'e>(event: &'e Event) -> &'e str {
    match event {
        Event::Text(text) | Event::Code(text) => text,
        Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => " ",
        _ => "",
    }
}

//! Ids and headings: every heading and list item gets an id no other element of the page
//! has, and the headings make the table of contents.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag};

use super::links::{DocumentLink, rebase_tag, without_refused_addresses};
use super::plain::BIBLIOGRAPHY_HEADINGS;
use super::{BodyState, TocEntry};
use crate::diagnostic::Diagnostic;
use crate::text::{escape_html, slugify};

/// Ids the page templates use themselves; headings never take them.
pub(super) const RESERVED_IDS: &[&str] = &["top", "main", "notes", "contents", "provenance"];

/// Whether `id` has the form of the ids annals gives paragraphs (`p-3`), notes (`fn-2`) and
/// note markers (`fnref-2-3`).
pub fn is_generated_id(id: &str) -> bool {
    ["p-", "fn-", "fnref-"].iter().any(|prefix| {
        id.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('-')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

impl<'s, 'r> BodyState<'s, 'r> {
    pub(super) fn heading<'a>(
        &mut self,
        level: HeadingLevel,
        explicit_id: Option<CowStr<'a>>,
        classes: Vec<CowStr<'a>>,
        inner: Vec<(Event<'a>, Range<usize>)>,
        line: usize,
        out: &mut Vec<Event<'a>>,
    ) {
        let title: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let id = match explicit_id {
            Some(id) => {
                if !self.ids.insert(id.to_string()) {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            self.path(),
                            format!("the id `{id}` is used twice on this page"),
                        )
                        .at_line(line),
                    );
                }
                id.to_string()
            }
            None => self.unique_id(&title),
        };
        let level_number = level as u8;
        if level_number == 1 {
            self.diagnostics.push(
                Diagnostic::warning(
                    self.path(),
                    format!(
                        "the heading `# {}` gives the page a second title",
                        title.trim()
                    ),
                )
                .at_line(line)
                .with_help(
                    "the page's title (front matter `title`) is its one level-1 heading: start the \
                     sections of the text at `##`",
                ),
            );
        }
        self.in_bibliography =
            BIBLIOGRAPHY_HEADINGS.contains(&title.trim().to_lowercase().as_str());
        if let Some(annotator) = self.annotator.as_mut() {
            annotator.new_section();
        }
        self.anchor = id.clone();
        self.toc.push(TocEntry {
            level: level_number,
            id: id.clone(),
            title: title.trim().to_string(),
        });
        let class_attr = if classes.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = classes.iter().map(|c| escape_html(c)).collect();
            format!(" class=\"{}\"", names.join(" "))
        };
        let id = escape_html(&id);
        out.push(Event::Html(
            format!("<h{level_number} id=\"{id}\"{class_attr}>").into(),
        ));
        let mut title_events = Vec::with_capacity(inner.len());
        for (event, range) in inner {
            match event {
                Event::FootnoteReference(label) => {
                    title_events.push(Event::InlineHtml(self.marker(&label, line).into()));
                }
                // A heading is read by no annotator: its links are judged and rebased here.
                Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    let position = (self.position_of)(&range);
                    self.refuse_address(&tag, position, false);
                    self.document_links
                        .extend(DocumentLink::of(&tag, || (position.0, Some(position.1))));
                    title_events.push(Event::Start(rebase_tag(tag, self.source.link_prefix)));
                }
                other => title_events.push(other),
            }
        }
        out.extend(without_refused_addresses(title_events));
        out.push(Event::Html(
            format!("<a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section\">#</a></h{level_number}>\n").into(),
        ));
    }

    pub(super) fn unique_id(&mut self, title: &str) -> String {
        let base = match slugify(title) {
            s if s.is_empty() => "section".to_string(),
            // A heading "P 1" must not take the id of paragraph 1 (nor "Fn 2" of note 2).
            s if is_generated_id(&s) => format!("h-{s}"),
            s => s,
        };
        // Each heading of a title takes up from the number the last one got: a page of
        // thousands of "Notes" headings would otherwise try every number before its own.
        let n = self.id_numbers.entry(base.clone()).or_insert(1);
        let mut candidate = match *n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        };
        while !self.ids.insert(candidate.clone()) {
            *n += 1;
            candidate = format!("{base}-{}", *n);
        }
        candidate
    }

    /// The id of a list item of plain text: `p-4-1`, `p-4-2` … after paragraph 4.
    pub(super) fn item_id(&mut self) -> String {
        loop {
            self.items_since_paragraph += 1;
            let id = format!("p-{}-{}", self.paragraphs, self.items_since_paragraph);
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }
}

//! The short texts of the registry (a person's biography, an event's description, a term's
//! definition, a work's note): plain HTML without the apparatus of a document page
//! (paragraph ids, note numbering), since several share one page. One pass over the text
//! gives what every stage needs of it: the HTML, the words of each block (for the search
//! index) and its `doc:` links (for the check that each leads somewhere).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::links::{DocumentLink, rebase_tag, refused_address, without_refused_addresses};
use super::options;

/// A short text, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShortText {
    pub html: String,
    /// The plain words of each block (paragraph, list item, heading, table cell, code).
    pub paragraphs: Vec<String>,
    pub document_links: Vec<DocumentLink>,
    /// A registry entry's `source` line as inline HTML ([`read_entity_text`]); its
    /// `doc:` links come first in `document_links`.
    pub source_html: Option<String>,
    /// The links whose address a page may not hold, with their line and column: written
    /// without it.
    pub refused_links: Vec<(String, usize, usize)>,
}

/// `body`, which begins on line `first_line` of its file, read; root-relative links are
/// given `link_prefix`.
pub fn read_short_text(body: &str, first_line: usize, link_prefix: &str) -> ShortText {
    let mut text = ShortText::default();
    let mut current = String::new();
    let mut events = Vec::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        match &event {
            Event::Text(words) | Event::Code(words) => current.push_str(words),
            Event::SoftBreak | Event::HardBreak => current.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::Heading(_)
                | TagEnd::TableCell
                | TagEnd::CodeBlock,
            ) => end_block(&mut current, &mut text.paragraphs),
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let at = || {
                    let line = first_line + body[..range.start].matches('\n').count();
                    let line_start = body[..range.start].rfind('\n').map_or(0, |i| i + 1);
                    let column = body[line_start..range.start].chars().count() + 1;
                    (line, column)
                };
                if let Some(url) = refused_address(tag) {
                    let (line, column) = at();
                    text.refused_links.push((url.to_string(), line, column));
                }
                text.document_links.extend(DocumentLink::of(tag, || {
                    let (line, column) = at();
                    (line, Some(column))
                }));
            }
            _ => {}
        }
        events.push(match event {
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                Event::Start(rebase_tag(tag, link_prefix))
            }
            other => other,
        });
    }
    end_block(&mut current, &mut text.paragraphs);
    text.html.reserve(body.len() * 5 / 4);
    let events = without_refused_addresses(events);
    pulldown_cmark::html::push_html(&mut text.html, events.into_iter());
    text
}

/// A registry entry's texts: its body, and its `source` (on line `source_line`) read as
/// inline Markdown, so that `[Avrich, ¶ 26](doc:avrich-1984#p-26)` links the paragraph an
/// event's account draws on. The source's links are checked with the body's, and come first.
pub fn read_entity_text(
    (body, body_line): (&str, usize),
    (source, source_line): (Option<&str>, usize),
    link_prefix: &str,
) -> ShortText {
    let mut text = read_short_text(body, body_line, link_prefix);
    if let Some(source) = source {
        let read = read_short_text(source, source_line, link_prefix);
        let html = read.html.trim();
        let inline = (html.strip_prefix("<p>"))
            .and_then(|h| h.strip_suffix("</p>"))
            .filter(|h| !h.contains("<p>"))
            .unwrap_or(html);
        text.source_html = Some(inline.to_string());
        text.document_links.splice(0..0, read.document_links);
        text.refused_links.extend(read.refused_links);
    }
    text
}

/// The words gathered since the last block's end, kept when there are any.
fn end_block(current: &mut String, paragraphs: &mut Vec<String>) {
    let words = current.trim();
    if !words.is_empty() {
        paragraphs.push(words.to_string());
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_pass_gives_the_html_the_words_of_each_block_and_the_document_links() {
        let text = read_short_text(
            "First *one*,\nwrapped.\n\n- an item\n- [a link](/people/x/)\n\nSee [the letter](doc:letter#p-2).\n",
            10,
            "/sub/",
        );
        assert_eq!(
            text.paragraphs,
            vec![
                "First one, wrapped.",
                "an item",
                "a link",
                "See the letter."
            ]
        );
        assert!(
            text.html.contains("<a href=\"/sub/people/x/\">a link</a>"),
            "{}",
            text.html
        );
        assert!(text.html.contains("<em>one</em>"));
        assert_eq!(text.document_links.len(), 1);
        assert_eq!(text.document_links[0].document, "letter");
        assert_eq!(text.document_links[0].fragment, "p-2");
        assert_eq!(text.document_links[0].line, 16);
        assert_eq!(text.document_links[0].column, Some(5));
    }
}

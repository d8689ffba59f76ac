//! Markdown to HTML for documentary pages: footnotes numbered in order of first reference
//! with back links from each note to every marker that cites it, a stable id on every heading
//! and paragraph, and syntax-highlighted code.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset,
};
use serde::Serialize;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::entity::annotate::{Annotator, BlockText, Entities, plain_text};
use crate::entity::matcher::{BlockRef, Mention, Snippet, Unresolved};
use crate::text::lang::russian_runs;
use crate::text::{escape_html, has_cyrillic, slugify};

/// Ids the page templates use themselves; headings never take them.
/// How deep list items and table cells holding blocks are rendered as the page's own blocks
/// (paragraph ids, notes, mentions); what stands deeper is passed to the HTML as it is. Each
/// level is a call of `blocks` with a copy of what the level holds: without a limit, a
/// list nested a few thousand deep would overflow the stack, and its copies grow with the
/// square of the depth.
const MAX_ITEM_DEPTH: usize = 32;

/// The scheme of a link to a document of the collection by its path under `documents/`.
const DOCUMENT_SCHEME: &str = "doc:";

const RESERVED_IDS: &[&str] = &["top", "main", "notes", "contents", "provenance"];

/// What rendering one Markdown body gives.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub notes: Vec<Note>,
    pub toc: Vec<TocEntry>,
    pub paragraphs: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// The registry's entities named on the page, in reading order (the notes last).
    pub mentions: Vec<Mention>,
    /// Surnames their context did not settle.
    pub unresolved: Vec<Unresolved>,
    /// The entries of the page's bibliography (list items under a heading such as
    /// "Bibliography" or "Works cited"), which the `cite` stage reads like notes.
    pub bibliography: Vec<BibliographyEntry>,
    /// The plain text of each paragraph of the body (not the notes), in reading order.
    pub texts: Vec<ParagraphText>,
    /// The plain text of every other block with mentions (notes, list items), for the
    /// mentions' snippets.
    pub blocks: Vec<BlockText>,
    /// The page's links to documents of the collection (`doc:PATH#ID`), which the build
    /// checks once every page is rendered.
    pub document_links: Vec<DocumentLink>,
}

/// A link written `[text](doc:PATH#ID)`: to the document at `documents/PATH/`, and to the
/// paragraph, heading or note of id `ID` on it when one is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub document: String,
    /// Empty when the link names no place on the page.
    pub fragment: String,
    /// The line of the page's file the link is on.
    pub line: usize,
}

impl DocumentLink {
    /// The link a tag holds, when it is a `doc:` link.
    fn of(tag: &Tag, line: usize) -> Option<DocumentLink> {
        let (Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = tag else {
            return None;
        };
        let (document, fragment) = document_target(dest_url.strip_prefix(DOCUMENT_SCHEME)?);
        Some(DocumentLink {
            document: document.to_string(),
            fragment: fragment.to_string(),
            line,
        })
    }

    /// The document's path in the site: `documents/PATH/`.
    pub fn site_path(&self) -> String {
        format!("documents/{}/", self.document)
    }
}

/// What follows `doc:`, as the document's path under `documents/` and the id after `#`.
fn document_target(rest: &str) -> (&str, &str) {
    let (path, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    (path.trim_matches('/'), fragment)
}

impl Rendered {
    /// The id and the plain text of a block that holds mentions ("" for a block the page
    /// does not have).
    pub fn block(&self, block: BlockRef) -> (&str, &str) {
        let found = match block {
            BlockRef::Paragraph(i) => self
                .texts
                .get(i as usize)
                .map(|t| (t.anchor.as_str(), t.text.as_str())),
            BlockRef::Other(i) => self
                .blocks
                .get(i as usize)
                .map(|b| (b.anchor.as_str(), b.text.as_str())),
        };
        found.unwrap_or(("", ""))
    }

    /// Whether the page, as its template shows it, has an element of this id: one of its
    /// blocks, one of its notes, or one the template gives every page. Read before the
    /// page's HTML is taken to be written.
    pub fn has_id(&self, id: &str) -> bool {
        RESERVED_IDS.contains(&id)
            || self.notes.iter().any(|note| note.id == id)
            || self.html.contains(&format!(" id=\"{id}\""))
    }

    /// The id of the paragraph (or note) a mention on this page is in.
    pub fn anchor(&self, mention: &Mention) -> &str {
        self.block(mention.block).0
    }

    /// The words around a mention on this page, as its entity's page shows them.
    pub fn snippet(&self, mention: &Mention) -> Snippet {
        mention.span.snippet(self.block(mention.block).1)
    }
}

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
const BIBLIOGRAPHY_HEADINGS: &[&str] = &[
    "bibliography",
    "works cited",
    "references",
    "sources",
    "literature",
    "библиография",
    "литература",
    "источники",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteStatus {
    /// Cited in the text and defined once.
    Cited,
    /// Cited in the text but its text is missing (common in OCR'd sources).
    Missing,
    /// Defined but never cited.
    Uncited,
    /// A second definition under a label already defined.
    Duplicate,
}

/// One note as the page lists it at its end.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    pub number: usize,
    pub label: String,
    pub id: String,
    pub html: String,
    /// The markers that cite this note, in reading order.
    pub backrefs: Vec<Backref>,
    pub status: NoteStatus,
    /// Line of the definition (or, for a missing note, of its first marker) in the file.
    pub line: usize,
    /// The note's words, for the `cite` stage.
    #[serde(skip)]
    pub text: PlainText,
}

/// A link from a note back to one marker that cites it: `a`, `b`, … when there are several.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Backref {
    pub id: String,
    pub label: String,
    /// A link back to a note that cites this one (`fn-N`), not to a marker in the text.
    pub from_note: bool,
}

/// Whether `id` has the form of the ids annals gives paragraphs (`p-3`), notes (`fn-2`) and
/// note markers (`fnref-2-3`).
fn is_generated_id(id: &str) -> bool {
    ["p-", "fn-", "fnref-"].iter().any(|prefix| {
        id.strip_prefix(prefix).is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .split('-')
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
    })
}

/// For each note label that notes cite, the definitions citing it (by their place in
/// `definitions`; a note citing itself aside), in the file's order. By place, not by label:
/// a second definition of a label is a note of its own and is linked back to as such.
fn notes_citing_notes<'d>(definitions: &'d [Definition]) -> HashMap<&'d str, Vec<usize>> {
    let mut citing: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, definition) in definitions.iter().enumerate() {
        for event in &definition.events {
            if let Event::FootnoteReference(label) = event {
                let cited = citing.entry(label.as_ref()).or_default();
                if label.as_ref() != definition.label && !cited.contains(&index) {
                    cited.push(index);
                }
            }
        }
    }
    citing.retain(|_, by| !by.is_empty());
    citing
}

/// Links back from a note that only other notes cite to each of them, given the
/// definitions citing it and the number of each definition.
fn backrefs_to_notes(citing: &[usize], number_of_definition: &[Option<usize>]) -> Vec<Backref> {
    citing
        .iter()
        .filter_map(|&index| number_of_definition[index])
        .enumerate()
        .map(|(i, number)| Backref {
            id: format!("fn-{number}"),
            label: backref_label(i),
            from_note: true,
        })
        .collect()
}

/// `a`…`z`, then `aa`, `ab`…: the letters of a note's back links.
fn backref_label(index: usize) -> String {
    let mut n = index;
    let mut label = Vec::new();
    loop {
        label.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    label.reverse();
    String::from_utf8(label).unwrap_or_default()
}

#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// Where a body comes from, so that problems point at the right file and line.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    pub path: &'a Path,
    /// Line of the file on which the body starts.
    pub first_line: usize,
    /// Prefix for root-relative links written in the Markdown (`/annals/`).
    pub link_prefix: &'a str,
}

/// Renders Markdown. Holds the syntax-highlighting data, loaded the first time a page has
/// a code block (most documentary sites have none, and loading costs milliseconds), and the
/// registry whose entities are found in the text.
#[derive(Default)]
pub struct MarkdownRenderer<'r> {
    syntaxes: OnceLock<(syntect::parsing::SyntaxSet, syntect::highlighting::Theme)>,
    entities: Option<Entities<'r>>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

struct Definition<'a> {
    label: String,
    line: usize,
    events: Vec<Event<'a>>,
    /// The line of each link and image in the note, in order: a note runs over many lines.
    link_lines: Vec<usize>,
}

impl<'r> MarkdownRenderer<'r> {
    /// A renderer that finds the registry's entities in the text (or none, without one).
    pub fn new(entities: Option<Entities<'r>>) -> Self {
        MarkdownRenderer {
            syntaxes: OnceLock::new(),
            entities,
        }
    }

    pub fn render(&self, body: &str, source: Source<'_>) -> Rendered {
        let lines = LineIndex::new(body);
        let line_of = |range: &Range<usize>| source.first_line + lines.line(range.start) - 1;
        let (body_events, definitions) = split_definitions(body, &line_of);

        let annotator = self
            .entities
            .map(|e| Annotator::new(e, source.link_prefix, source.path));
        let mut state = BodyState::new(source, &definitions, annotator);
        let out = self.blocks(&mut state, body_events, &line_of);
        let mut html = String::with_capacity(body.len() * 5 / 4);
        pulldown_cmark::html::push_html(&mut html, out.into_iter());
        if html.capacity() > html.len() {
            // Every page's HTML is kept until the site is written, and a page that outgrew
            // its first guess holds up to twice its size: about 80 MB at ×100. The copy costs
            // less than that memory.
            html = html.as_str().to_owned();
        }
        state.finish(definitions, html)
    }

    /// The body's block events: paragraphs get their ids and are annotated as a whole, so
    /// that a name in one sentence can settle an ambiguous one in another.
    fn blocks<'a>(
        &self,
        state: &mut BodyState<'_, 'r>,
        events: Vec<(Event<'a>, Range<usize>)>,
        line_of: &dyn Fn(&Range<usize>) -> usize,
    ) -> Vec<Event<'a>> {
        let mut out: Vec<Event> = Vec::with_capacity(events.len());
        let mut events = events.into_iter();
        while let Some((event, range)) = events.next() {
            let line = line_of(&range);
            match event {
                Event::Start(Tag::Paragraph) => {
                    let inner = collect_until_end(&mut events);
                    state.paragraphs += 1;
                    state.items_since_paragraph = 0;
                    let n = state.paragraphs;
                    state.anchor = format!("p-{n}");
                    out.push(Event::Html(format!("<p id=\"p-{n}\">").into()));
                    out.extend(state.inline(inner, true, line, line_of));
                    state.keep_paragraph_text();
                    out.push(Event::Html(
                        format!("<a class=\"anchor\" href=\"#p-{n}\" aria-label=\"Link to paragraph {n}\">¶</a></p>\n").into(),
                    ));
                }
                Event::Start(Tag::Heading {
                    level, id, classes, ..
                }) => {
                    let inner = collect_until_end(&mut events);
                    state.heading(level, id, classes, inner, line, &mut out);
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let inner = collect_until_end(&mut events);
                    out.push(Event::Html(self.code_block(&kind, &inner).into()));
                }
                Event::Start(tag @ (Tag::Item | Tag::TableCell)) => {
                    let end = tag.to_end();
                    let inner = collect_until_end(&mut events);
                    let has_blocks = inner.iter().any(|(e, _)| {
                        matches!(
                            e,
                            Event::Start(
                                Tag::Paragraph
                                    | Tag::List(_)
                                    | Tag::CodeBlock(_)
                                    | Tag::BlockQuote(_)
                                    | Tag::Heading { .. }
                            )
                        )
                    });
                    let entry = (state.in_bibliography && matches!(tag, Tag::Item))
                        .then(|| state.bibliography_entry(&inner));
                    if entry.is_none() && !has_blocks && matches!(tag, Tag::Item) {
                        state.plain_item(inner, line, line_of, &mut out);
                        continue;
                    }
                    match &entry {
                        Some(id) => out.push(Event::Html(format!("<li id=\"{id}\">").into())),
                        None => out.push(Event::Start(tag)),
                    }
                    if has_blocks && state.item_depth >= MAX_ITEM_DEPTH {
                        state.too_deep(line);
                        out.extend(inner.into_iter().map(|(event, _)| event));
                    } else if has_blocks {
                        state.item_depth += 1;
                        out.extend(self.blocks(state, inner, line_of));
                        state.item_depth -= 1;
                    } else {
                        out.extend(state.inline(inner, false, line, line_of));
                    }
                    match entry {
                        Some(id) => out.push(Event::Html(
                            format!("{}</li>\n", bibliography_slot(&id)).into(),
                        )),
                        None => out.push(Event::End(end)),
                    }
                }
                other => out.extend(state.inline(vec![(other, range)], false, line, line_of)),
            }
        }
        out
    }

    fn code_block(&self, kind: &CodeBlockKind, inner: &[(Event, Range<usize>)]) -> String {
        let code: String = inner
            .iter()
            .filter_map(|(e, _)| match e {
                Event::Text(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        let language = match kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
            CodeBlockKind::Indented => "",
        };
        if language.is_empty() {
            return format!("<pre><code>{}</code></pre>\n", escape_html(&code));
        }
        let (syntaxes, theme) = self.syntaxes.get_or_init(|| {
            let syntaxes = syntect::parsing::SyntaxSet::load_defaults_newlines();
            let mut themes = syntect::highlighting::ThemeSet::load_defaults();
            let theme = themes.themes.remove("InspiredGitHub").unwrap_or_default();
            (syntaxes, theme)
        });
        match syntaxes.find_syntax_by_token(language) {
            Some(syntax) => {
                syntect::html::highlighted_html_for_string(&code, syntaxes, syntax, theme)
                    .unwrap_or_else(|_| format!("<pre><code>{}</code></pre>\n", escape_html(&code)))
            }
            None => format!(
                "<pre><code class=\"language-{}\">{}</code></pre>\n",
                escape_html(language),
                escape_html(&code)
            ),
        }
    }
}

/// Splits the parsed events into the body and the footnote definitions (pulldown-cmark
/// emits definitions where they stand; a documentary page lists them at its end).
fn split_definitions<'a>(
    body: &'a str,
    line_of: &dyn Fn(&Range<usize>) -> usize,
) -> (Vec<(Event<'a>, Range<usize>)>, Vec<Definition<'a>>) {
    let parser = Parser::new_ext(body, options()).into_offset_iter();
    let mut body_events = Vec::new();
    let mut definitions: Vec<Definition> = Vec::new();
    let mut open: Option<Definition> = None;
    for (event, range) in TextMergeWithOffset::new(parser) {
        match (event, open.as_mut()) {
            (Event::Start(Tag::FootnoteDefinition(label)), _) => {
                open = Some(Definition {
                    label: label.to_string(),
                    line: line_of(&range),
                    events: Vec::new(),
                    link_lines: Vec::new(),
                })
            }
            (Event::End(TagEnd::FootnoteDefinition), _) => definitions.extend(open.take()),
            (event, Some(definition)) => {
                if let Event::Start(Tag::Link { .. } | Tag::Image { .. }) = event {
                    definition.link_lines.push(line_of(&range));
                }
                definition.events.push(event)
            }
            (event, None) => body_events.push((event, range)),
        }
    }
    (body_events, definitions)
}

fn collect_until_end<'a>(
    events: &mut impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut depth = 0usize;
    let mut inner = Vec::new();
    for (event, range) in events.by_ref() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        inner.push((event, range));
    }
    inner
}

/// A link or an image whose target is root-relative gets the site's path prefix.
fn rebase_tag<'a>(tag: Tag<'a>, prefix: &str) -> Tag<'a> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: rebase(dest_url, prefix),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: rebase(dest_url, prefix),
            title,
            id,
        },
        other => other,
    }
}

/// Root-relative links in the Markdown (`/documents/x/`) get the site's path prefix, and a
/// link to a document of the collection (`doc:avrich-1984#p-3`) becomes its page's path,
/// whether or not the site has a registry.
fn rebase<'a>(url: CowStr<'a>, prefix: &str) -> CowStr<'a> {
    if let Some(rest) = url.strip_prefix(DOCUMENT_SCHEME) {
        let (path, fragment) = document_target(rest);
        let hash = if fragment.is_empty() { "" } else { "#" };
        return format!("{prefix}documents/{path}/{hash}{fragment}").into();
    }
    if url.starts_with('/') && !url.starts_with("//") && prefix != "/" {
        format!("{}{}", prefix, &url[1..]).into()
    } else {
        url
    }
}

/// The bookkeeping of one page's rendering: note numbers, ids, warnings.
struct BodyState<'s, 'r> {
    source: Source<'s>,
    annotator: Option<Annotator<'r>>,
    /// The id of the block being rendered, which mentions point to.
    anchor: String,
    defined: HashSet<String>,
    /// Labels in order of first reference; the index + 1 is the note's number.
    order: Vec<String>,
    numbers: HashMap<String, usize>,
    markers: HashMap<String, Vec<String>>,
    first_marker_line: HashMap<String, usize>,
    ids: HashSet<String>,
    /// For each heading id made from a title, the number its last heading got.
    id_numbers: HashMap<String, usize>,
    toc: Vec<TocEntry>,
    paragraphs: usize,
    diagnostics: Vec<Diagnostic>,
    /// The plain text of the block `inline` handled last.
    last_text: String,
    texts: Vec<ParagraphText>,
    /// Whether the blocks being rendered stand under a bibliography heading.
    in_bibliography: bool,
    bibliography: Vec<BibliographyEntry>,
    document_links: Vec<DocumentLink>,
    /// How many list items or table cells the blocks being rendered stand in.
    item_depth: usize,
    /// List items of plain text since the last paragraph: `p-4-2` is the second after `p-4`.
    items_since_paragraph: usize,
}

impl<'s, 'r> BodyState<'s, 'r> {
    fn new(
        source: Source<'s>,
        definitions: &[Definition],
        annotator: Option<Annotator<'r>>,
    ) -> Self {
        BodyState {
            source,
            annotator,
            anchor: String::new(),
            defined: definitions.iter().map(|d| d.label.clone()).collect(),
            order: Vec::new(),
            numbers: HashMap::new(),
            markers: HashMap::new(),
            first_marker_line: HashMap::new(),
            ids: RESERVED_IDS.iter().map(|s| s.to_string()).collect(),
            id_numbers: HashMap::new(),
            toc: Vec::new(),
            paragraphs: 0,
            diagnostics: Vec::new(),
            last_text: String::new(),
            texts: Vec::new(),
            in_bibliography: false,
            bibliography: Vec::new(),
            document_links: Vec::new(),
            item_depth: 0,
            items_since_paragraph: 0,
        }
    }

    /// A list item of plain text: a block of its own, with an id (`p-4-1`) that the
    /// mentions and dated statements in it link to.
    fn plain_item<'a>(
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

    /// The id of a list item of plain text: `p-4-1`, `p-4-2` … after paragraph 4.
    fn item_id(&mut self) -> String {
        loop {
            self.items_since_paragraph += 1;
            let id = format!("p-{}-{}", self.paragraphs, self.items_since_paragraph);
            if self.ids.insert(id.clone()) {
                return id;
            }
        }
    }

    /// The block just handled was a paragraph: its text is kept, with its id and section.
    fn keep_paragraph_text(&mut self) {
        self.texts.push(ParagraphText {
            anchor: self.anchor.clone(),
            section: self.toc.len(),
            text: std::mem::take(&mut self.last_text),
        });
    }

    fn path(&self) -> PathBuf {
        self.source.path.to_path_buf()
    }

    /// Warns, once a page, of blocks nested deeper than [`MAX_ITEM_DEPTH`].
    fn too_deep(&mut self, line: usize) {
        let message = format!(
            "lists or tables are nested more than {MAX_ITEM_DEPTH} deep: what stands deeper is \
             shown as it is, without paragraph links, notes or mentions"
        );
        if self.diagnostics.iter().any(|d| d.message == message) {
            return;
        }
        self.diagnostics.push(
            Diagnostic::warning(self.path(), message)
                .at_line(line)
                .with_help("nest the list less deeply, or make its deepest levels paragraphs"),
        );
    }

    /// Inline events of one block: note markers numbered, markers of missing notes found in
    /// the text, root-relative links rebased, the registry's entities annotated. The text of
    /// a `paragraph` is kept next (`keep_paragraph_text`), the others' by the annotator.
    fn inline<'a>(
        &mut self,
        events: Vec<(Event<'a>, Range<usize>)>,
        paragraph: bool,
        line: usize,
        line_of: &dyn Fn(&Range<usize>) -> usize,
    ) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        for (event, range) in events {
            match event {
                Event::FootnoteReference(label) => {
                    let marker = self.marker(&label, line_of(&range));
                    out.push(Event::InlineHtml(marker.into()));
                }
                Event::Text(text) if text.contains("[^") => {
                    self.text_with_dangling(text, line_of(&range), &mut out)
                }
                Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    self.document_links
                        .extend(DocumentLink::of(&tag, line_of(&range)));
                    out.push(Event::Start(rebase_tag(tag, self.source.link_prefix)))
                }
                other => out.push(other),
            }
        }
        let (plain, offsets) = plain_text(&out);
        let kept_as = paragraph.then_some(self.texts.len() as u32);
        let out = match self.annotator.as_mut() {
            Some(annotator) => annotator.block_with_text(
                out,
                (&plain, &offsets),
                (&self.anchor, kept_as),
                false,
                line,
            ),
            None => out,
        };
        self.last_text = plain;
        mark_russian(out)
    }

    /// The marker for one citation of a note. The first citation of note 3 is `fnref-3`, the
    /// second `fnref-3-2`, so every marker has its own id for the note's back links.
    fn marker(&mut self, label: &str, line: usize) -> String {
        let number = match self.numbers.get(label) {
            Some(&n) => n,
            None => {
                self.order.push(label.to_string());
                let n = self.order.len();
                self.numbers.insert(label.to_string(), n);
                self.first_marker_line.insert(label.to_string(), line);
                n
            }
        };
        let ids = self.markers.entry(label.to_string()).or_default();
        let id = match ids.len() {
            0 => format!("fnref-{number}"),
            k => format!("fnref-{number}-{}", k + 1),
        };
        ids.push(id.clone());
        let missing = !self.defined.contains(label);
        let (class, aria) = if missing {
            (
                "note-ref missing",
                format!("Note {number} (its text is missing)"),
            )
        } else {
            ("note-ref", format!("Note {number}"))
        };
        format!(
            "<sup class=\"{class}\" id=\"{id}\"><a href=\"#fn-{number}\" role=\"doc-noteref\" aria-label=\"{aria}\">{number}</a></sup>"
        )
    }

    /// With GitHub-style footnotes, a reference to a label that has no definition stays
    /// text. Such markers are found here and shown as markers of a missing note.
    fn text_with_dangling<'a>(&mut self, text: CowStr<'a>, line: usize, out: &mut Vec<Event<'a>>) {
        let mut rest: &str = &text;
        let mut pieces: Vec<Event<'a>> = Vec::new();
        while let Some(start) = rest.find("[^") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(']') else { break };
            let label = &after[..end];
            if label.is_empty() || label.chars().any(char::is_whitespace) {
                pieces.push(Event::Text(rest[..start + 2].to_string().into()));
                rest = after;
                continue;
            }
            if start > 0 {
                pieces.push(Event::Text(rest[..start].to_string().into()));
            }
            pieces.push(Event::InlineHtml(self.marker(label, line).into()));
            rest = &after[end + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Event::Text(rest.to_string().into()));
        }
        out.extend(pieces);
    }

    fn heading<'a>(
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
        for (event, _) in inner {
            match event {
                Event::FootnoteReference(label) => {
                    out.push(Event::InlineHtml(self.marker(&label, line).into()));
                }
                other => out.push(other),
            }
        }
        out.push(Event::Html(
            format!("<a class=\"anchor\" href=\"#{id}\" aria-label=\"Link to this section\">#</a></h{level_number}>\n").into(),
        ));
    }

    /// Records a list item of a bibliography and returns its id (`bib-1`, `bib-2`, …).
    fn bibliography_entry(&mut self, inner: &[(Event, Range<usize>)]) -> String {
        let id = format!("bib-{}", self.bibliography.len() + 1);
        self.ids.insert(id.clone());
        self.bibliography.push(BibliographyEntry {
            id: id.clone(),
            text: PlainText::from_events(inner.iter().map(|(e, _)| e)),
        });
        id
    }

    fn unique_id(&mut self, title: &str) -> String {
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

    /// Numbers the notes and reports the problems with them: cited notes first in order of
    /// first reference, then notes nobody cites and second definitions of a label, so that
    /// nothing the source holds is dropped.
    fn finish(mut self, definitions: Vec<Definition>, html: String) -> Rendered {
        let mut by_label: HashMap<&str, &Definition> = HashMap::new();
        let mut extra: Vec<(usize, &Definition, NoteStatus)> = Vec::new();
        let cited_by_notes = notes_citing_notes(&definitions);
        for (index, definition) in definitions.iter().enumerate() {
            if by_label.contains_key(definition.label.as_str()) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        self.path(),
                        format!(
                            "a second note is defined under the label [^{}]",
                            definition.label
                        ),
                    )
                    .at_line(definition.line)
                    .with_help("give each note its own label; both are kept on the page"),
                );
                extra.push((index, definition, NoteStatus::Duplicate));
            } else {
                by_label.insert(&definition.label, definition);
                if self.numbers.contains_key(&definition.label) {
                    continue;
                }
                if cited_by_notes.contains_key(definition.label.as_str()) {
                    // "See note 12": cited from another note only, it is cited all the same.
                    extra.push((index, definition, NoteStatus::Cited));
                } else {
                    self.diagnostics.push(
                        Diagnostic::warning(
                            self.path(),
                            format!("note [^{}] is never cited in the text", definition.label),
                        )
                        .at_line(definition.line)
                        .with_help(format!(
                            "add the marker [^{}] where the note belongs, or remove the note",
                            definition.label
                        )),
                    );
                    extra.push((index, definition, NoteStatus::Uncited));
                }
            }
        }
        // The notes the body does not cite come after the ones it does, in the file's order;
        // numbered before any note is rendered, so that a note citing one links to it.
        for (offset, (_, definition, _)) in extra.iter().enumerate() {
            self.numbers
                .entry(definition.label.clone())
                .or_insert(self.order.len() + offset + 1);
        }
        // The number of each definition: its label's, or its own for a second definition.
        let mut number_of_definition: Vec<Option<usize>> = definitions
            .iter()
            .map(|definition| self.numbers.get(&definition.label).copied())
            .collect();
        for (offset, (index, _, status)) in extra.iter().enumerate() {
            if *status == NoteStatus::Duplicate {
                number_of_definition[*index] = Some(self.order.len() + offset + 1);
            }
        }
        let mut notes = Vec::with_capacity(self.order.len() + extra.len());
        let order = std::mem::take(&mut self.order);
        for (index, label) in order.iter().enumerate() {
            let number = index + 1;
            let backrefs = self
                .markers
                .remove(label)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, id)| Backref {
                    id,
                    label: backref_label(i),
                    from_note: false,
                })
                .collect();
            let note = match by_label.get(label.as_str()) {
                Some(definition) => Note {
                    number,
                    label: label.clone(),
                    id: format!("fn-{number}"),
                    html: self.note_html(definition, number),
                    backrefs,
                    status: NoteStatus::Cited,
                    line: definition.line,
                    text: PlainText::from_events(&definition.events),
                },
                None => {
                    let line = self.first_marker_line[label];
                    self.diagnostics.push(
                        Diagnostic::warning(self.path(), format!("note [^{label}] is cited but its text is missing"))
                            .at_line(line)
                            .with_help(format!("add a line `[^{label}]: …` with the note's text; the page shows the marker as a missing note")),
                    );
                    Note {
                        number,
                        label: label.clone(),
                        id: format!("fn-{number}"),
                        html: String::new(),
                        backrefs,
                        status: NoteStatus::Missing,
                        line,
                        text: PlainText::default(),
                    }
                }
            };
            notes.push(note);
        }
        for (_, definition, status) in extra {
            let number = notes.len() + 1;
            let backrefs = match status {
                NoteStatus::Cited => backrefs_to_notes(
                    &cited_by_notes[definition.label.as_str()],
                    &number_of_definition,
                ),
                _ => Vec::new(),
            };
            notes.push(Note {
                number,
                label: definition.label.clone(),
                id: format!("fn-{number}"),
                html: self.note_html(definition, number),
                backrefs,
                status,
                line: definition.line,
                text: PlainText::from_events(&definition.events),
            });
        }
        let (mentions, blocks, unresolved) = match self.annotator {
            Some(mut annotator) => {
                self.diagnostics.extend(annotator.diagnostics);
                // Every page's mentions are kept until the site is written.
                annotator.mentions.shrink_to_fit();
                (annotator.mentions, annotator.blocks, annotator.unresolved)
            }
            None => (Vec::new(), Vec::new(), Vec::new()),
        };
        Rendered {
            html,
            notes,
            toc: self.toc,
            paragraphs: self.paragraphs,
            diagnostics: self.diagnostics,
            mentions,
            unresolved,
            texts: self.texts,
            blocks,
            bibliography: self.bibliography,
            document_links: self.document_links,
        }
    }

    /// A note's own HTML. A reference inside a note to another note links to it; the
    /// entities it names are mentions "in a note".
    fn note_html(&mut self, definition: &Definition, number: usize) -> String {
        let line = definition.line;
        let mut link_lines = definition.link_lines.iter().copied();
        let events: Vec<Event> = definition
            .events
            .iter()
            .cloned()
            .map(|event| match event {
                Event::FootnoteReference(label) => match self.numbers.get(label.as_ref()) {
                    Some(n) => Event::InlineHtml(format!("<a href=\"#fn-{n}\">{n}</a>").into()),
                    None => Event::Text(format!("[^{label}]").into()),
                },
                Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    let link_line = link_lines.next().unwrap_or(line);
                    self.document_links
                        .extend(DocumentLink::of(&tag, link_line));
                    Event::Start(rebase_tag(tag, self.source.link_prefix))
                }
                other => other,
            })
            .collect();
        let events = match self.annotator.as_mut() {
            Some(annotator) => annotator.block(events, &format!("fn-{number}"), true, line),
            None => events,
        };
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, mark_russian(events).into_iter());
        html
    }
}

/// Russian passages (the notes cite Russian sources) in `<span lang="ru">`, so that screen
/// readers speak them in Russian and browsers hyphenate them right. A passage runs from its
/// first Cyrillic letter to its last one before a Latin letter.
fn mark_russian(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if has_cyrillic(t)))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    for event in events {
        match event {
            Event::Text(text) if has_cyrillic(&text) => {
                for (run, russian) in russian_runs(&text) {
                    if russian {
                        out.push(Event::InlineHtml(
                            format!("<span lang=\"ru\">{}</span>", escape_html(run)).into(),
                        ));
                    } else {
                        out.push(Event::Text(run.to_string().into()));
                    }
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The `doc:` links of a Markdown text that begins on line `first_line` of its file (a
/// registry entry's biography or description), for the check that each leads somewhere.
pub fn document_links_in(body: &str, first_line: usize) -> Vec<DocumentLink> {
    Parser::new_ext(body, options())
        .into_offset_iter()
        .filter_map(|(event, range)| match &event {
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let line = first_line + body[..range.start].matches('\n').count();
                DocumentLink::of(tag, line)
            }
            _ => None,
        })
        .collect()
}

/// Markdown to plain HTML, without the apparatus of a document page (paragraph ids, note
/// numbering): for the short texts of the registry, which several share one page.
pub fn render_plain(body: &str, link_prefix: &str) -> String {
    let events = Parser::new_ext(body, options()).map(|event| match event {
        Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
            Event::Start(rebase_tag(tag, link_prefix))
        }
        other => other,
    });
    let mut html = String::with_capacity(body.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(body: &str) -> Rendered {
        MarkdownRenderer::default().render(
            body,
            Source {
                path: Path::new("doc.md"),
                first_line: 5,
                link_prefix: "/sub/",
            },
        )
    }

    #[test]
    fn a_list_nested_thousands_deep_is_rendered_whole_with_one_warning() {
        // Each item holds two paragraphs (three lines), so that each level is rendered as
        // blocks.
        let depth = 3000;
        let body: String = (0..depth)
            .map(|level| {
                format!(
                    "{}- item {level}\n\n{}  more\n",
                    "  ".repeat(level),
                    "  ".repeat(level)
                )
            })
            .collect();
        let r = render(&body);
        assert_eq!(r.html.matches("<li>").count(), depth);
        assert!(r.html.contains("item 2999"));
        // The levels within the limit have their paragraph ids; those beyond it do not.
        assert_eq!(r.html.matches("<p id=").count(), 2 * MAX_ITEM_DEPTH);
        let warnings: Vec<&Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("nested more than"))
            .collect();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        // The first item too deep is number MAX_ITEM_DEPTH from 0, three lines an item, and
        // the body starts on line 5 of its file.
        assert_eq!(warnings[0].line, Some(5 + 3 * MAX_ITEM_DEPTH));
    }

    #[test]
    fn a_link_to_a_document_becomes_its_path_without_a_registry() {
        let r = render("See [it](doc:avrich-1984#p-3), [the book](doc:/book/) and [a](/x/).\n");
        assert!(
            r.html.contains("href=\"/sub/documents/avrich-1984/#p-3\""),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("href=\"/sub/documents/book/\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"/sub/x/\""), "{}", r.html);
        assert!(!r.html.contains("doc:"), "{}", r.html);
    }

    #[test]
    fn a_note_cited_from_another_note_only_is_linked_both_ways() {
        let r = render(
            "A[^a] and C[^c].\n\n[^a]: See note [^b].\n[^b]: The other.\n[^c]: Also [^b].\n[^d]: Alone.\n",
        );
        let notes: Vec<(usize, &str, NoteStatus)> = r
            .notes
            .iter()
            .map(|n| (n.number, n.label.as_str(), n.status))
            .collect();
        assert_eq!(
            notes,
            [
                (1, "a", NoteStatus::Cited),
                (2, "c", NoteStatus::Cited),
                (3, "b", NoteStatus::Cited),
                (4, "d", NoteStatus::Uncited)
            ]
        );
        assert!(
            r.notes[0].html.contains("<a href=\"#fn-3\">3</a>"),
            "{}",
            r.notes[0].html
        );
        assert!(
            r.notes[1].html.contains("<a href=\"#fn-3\">3</a>"),
            "{}",
            r.notes[1].html
        );
        assert!(r.notes.iter().all(|n| !n.html.contains("[^")));
        let back: Vec<&str> = r.notes[2].backrefs.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(back, ["fn-1", "fn-2"]);
        let never: Vec<&str> = r
            .diagnostics
            .iter()
            .filter(|d| d.message.contains("never cited"))
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(never, ["note [^d] is never cited in the text"]);
    }

    #[test]
    fn a_heading_never_takes_the_id_of_a_paragraph_or_a_note() {
        let r = render("First.\n\n## P 1\n\nSecond.[^a]\n\n## Fn 1\n\n## P 1 a\n\n[^a]: A note.\n");
        for id in ["id=\"h-p-1\"", "id=\"h-fn-1\"", "id=\"p-1-a\""] {
            assert!(r.html.contains(id), "{id} in {}", r.html);
        }
        assert_eq!(r.html.matches("id=\"p-1\"").count(), 1, "{}", r.html);
    }

    #[test]
    fn a_level_one_heading_is_a_second_title_and_a_warning_at_its_line() {
        let r = render("Text.\n\n# A Title Again\n\n## A section\n");
        let warnings: Vec<(Option<usize>, &str)> = r
            .diagnostics
            .iter()
            .map(|d| (d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            warnings,
            [(
                Some(7),
                "the heading `# A Title Again` gives the page a second title"
            )]
        );
    }

    #[test]
    fn notes_are_numbered_in_order_of_first_reference() {
        let r = render("B[^b] then A[^a] then B again[^b].\n\n[^a]: Note a.\n[^b]: Note b.\n");
        let numbered: Vec<(usize, &str)> = r
            .notes
            .iter()
            .map(|n| (n.number, n.label.as_str()))
            .collect();
        assert_eq!(numbered, vec![(1, "b"), (2, "a")]);
        let backrefs: Vec<(&str, &str)> = r.notes[0]
            .backrefs
            .iter()
            .map(|b| (b.id.as_str(), b.label.as_str()))
            .collect();
        assert_eq!(backrefs, vec![("fnref-1", "a"), ("fnref-1-2", "b")]);
        assert!(r.html.contains("id=\"fnref-1-2\""));
        assert!(r.notes[1].html.contains("Note a."));
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn a_marker_without_a_note_is_kept_and_reported_at_its_line() {
        let r = render("Fine.\n\nLost here.[^9] And [^not a label].\n");
        assert_eq!(r.notes.len(), 1);
        assert_eq!(r.notes[0].status, NoteStatus::Missing);
        assert!(r.html.contains("class=\"note-ref missing\""));
        assert!(
            r.html.contains("[^not a label]"),
            "text that is not a marker stays text"
        );
        assert_eq!(r.diagnostics.len(), 1);
        assert_eq!(r.diagnostics[0].line, Some(7));
    }

    #[test]
    fn uncited_and_duplicate_notes_are_listed_after_the_cited_ones() {
        let r = render("Text[^1].\n\n[^1]: One.\n[^2]: Two.\n[^1]: One again.\n");
        let statuses: Vec<NoteStatus> = r.notes.iter().map(|n| n.status).collect();
        assert_eq!(
            statuses,
            vec![
                NoteStatus::Cited,
                NoteStatus::Uncited,
                NoteStatus::Duplicate
            ]
        );
        assert_eq!(r.notes[2].number, 3);
        let lines: Vec<Option<usize>> = r.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, vec![Some(8), Some(9)]);
    }

    #[test]
    fn a_note_cited_from_a_second_definition_links_back_to_that_definition() {
        let r = render("Text[^a].\n\n[^a]: One.\n[^a]: Two, see [^b].\n[^b]: Three.\n");
        let numbers: Vec<(usize, NoteStatus)> =
            r.notes.iter().map(|n| (n.number, n.status)).collect();
        assert_eq!(
            numbers,
            vec![
                (1, NoteStatus::Cited),
                (2, NoteStatus::Duplicate),
                (3, NoteStatus::Cited)
            ]
        );
        let back: Vec<&str> = r.notes[2].backrefs.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(
            back,
            ["fn-2"],
            "note b is cited from the second note a, number 2"
        );
        assert!(r.notes[1].html.contains("href=\"#fn-3\""));
    }

    #[test]
    fn each_item_of_a_plain_list_is_a_block_with_its_own_id() {
        let r = render("Three positions:\n\n1. Trotsky.\n2. Lenin.\n\nThen.\n\n- One more.\n");
        assert!(
            r.html.contains("<li id=\"p-1-1\">Trotsky.</li>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<li id=\"p-1-2\">Lenin.</li>"),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<li id=\"p-2-1\">One more.</li>"),
            "{}",
            r.html
        );
        let blocks: Vec<(&str, &str)> = r
            .texts
            .iter()
            .map(|t| (t.anchor.as_str(), t.text.as_str()))
            .collect();
        assert_eq!(
            blocks,
            [
                ("p-1", "Three positions:"),
                ("p-1-1", "Trotsky."),
                ("p-1-2", "Lenin."),
                ("p-2", "Then."),
                ("p-2-1", "One more.")
            ]
        );
        assert!(r.has_id("p-1-2"));
        assert_eq!(r.paragraphs, 2, "items are not paragraphs");
    }

    #[test]
    fn headings_and_paragraphs_get_unique_ids() {
        let r = render("# Notes\n\nOne.\n\n## Part one\n\nTwo.\n\n## Part one\n\n## Own {#mine}\n");
        let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            vec!["notes-2", "part-one", "part-one-2", "mine"],
            "`notes` is the page's own id"
        );
        assert_eq!(r.paragraphs, 2);
        assert!(r.html.contains("<p id=\"p-2\">Two."));
        // A number taken by an explicit id is passed over, and numbering goes on after it.
        let r = render("## Same {#same-3}\n\n## Same\n\n## Same\n\n## Same\n\n## Same\n");
        let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["same-3", "same", "same-2", "same-4", "same-5"]);
    }

    #[test]
    fn each_body_paragraph_keeps_its_plain_text_id_and_section() {
        let r = render(
            "On *15 October* 1923 it met.[^1]\n\n## Later\n\nThen [it](/x/) ended.\n\n[^1]: A note of 1928/1929.\n",
        );
        let texts: Vec<(&str, usize, &str)> = r
            .texts
            .iter()
            .map(|t| (t.anchor.as_str(), t.section, t.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            [
                ("p-1", 0, "On 15 October 1923 it met."),
                ("p-2", 1, "Then it ended.")
            ],
            "no markers, no notes"
        );
    }

    #[test]
    fn root_relative_links_get_the_base_path() {
        let r = render("[a](/documents/x/) [b](https://example.org/) [c](../y/)\n");
        assert!(r.html.contains("href=\"/sub/documents/x/\""));
        assert!(r.html.contains("href=\"https://example.org/\""));
        assert!(r.html.contains("href=\"../y/\""));
    }

    #[test]
    fn code_is_highlighted_only_when_it_names_a_language() {
        let r = render("```rust\nfn main() {}\n```\n\n```\nplain <b>\n```\n");
        assert!(r.html.contains("<pre style="), "{}", r.html);
        assert!(r.html.contains("plain &lt;b&gt;"));
    }

    #[test]
    fn russian_passages_are_marked() {
        let r = render("[^1]\n\n[^1]: Ленин, ПСС [Lenin, CW].\n");
        assert!(
            r.notes[0]
                .html
                .contains("<span lang=\"ru\">Ленин, ПСС</span> [Lenin, CW]."),
            "{}",
            r.notes[0].html
        );
    }

    #[test]
    fn backref_labels_run_past_z() {
        assert_eq!(backref_label(0), "a");
        assert_eq!(backref_label(25), "z");
        assert_eq!(backref_label(26), "aa");
        assert_eq!(backref_label(27), "ab");
    }
}

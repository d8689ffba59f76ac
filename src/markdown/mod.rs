//! Markdown to HTML for documentary pages: footnotes numbered in order of first reference
//! with back links from each note to every marker that cites it, a stable id on every heading
//! and paragraph, and syntax-highlighted code. `mod.rs` walks a body's blocks and holds the
//! page's bookkeeping (`BodyState`); each concern has a module of its own: `notes` (markers,
//! definitions, numbering, back links), `ids` (headings, ids, the table of contents),
//! `links` (`doc:` links, the base path), `plain` (the plain text the later stages read:
//! paragraphs, notes, bibliography entries), `highlight` (code), `lang` (Russian runs) and
//! `annotate` (the hook that finds names as each block renders: markdown does not know what
//! they are).

mod annotate;
mod emend;
mod highlight;
mod ids;
mod lang;
mod links;
mod notes;
mod pages;
mod plain;
mod short;
#[cfg(test)]
mod tests;

pub use annotate::{BlockAnnotator, BlockPlace, EventPosition};
pub use emend::Emendation;
use ids::RESERVED_IDS;
pub use ids::is_generated_id;
use lang::mark_russian;
#[cfg(test)]
pub(crate) use links::LINKABLE_SCHEMES;
pub use links::{DocumentLink, is_linkable, is_web_address, refused_link_problem};
use links::{rebase_tag, refused_address, without_refused_addresses};
use notes::{Definition, split_definitions};
pub use notes::{KnownGaps, Note, NoteStatus};
pub use pages::{PageMarker, marker_for};
pub use plain::{BibliographyEntry, ParagraphText, PlainText, bibliography_slot, plain_text};
pub use short::{ShortText, read_entity_text, read_short_text};

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use pulldown_cmark::{CowStr, Event, Options, Tag, TagEnd};
use serde::Serialize;

pub use crate::config::NoteNumbers;
use crate::diagnostic::{Diagnostic, LineIndex, counted};

/// How deep list items and table cells holding blocks are rendered as the page's own blocks
/// (paragraph ids, notes, mentions); what stands deeper is passed to the HTML as it is. Each
/// level is a call of `blocks` with a copy of what the level holds: without a limit, a
/// list nested a few thousand deep would overflow the stack, and its copies grow with the
/// square of the depth.
const MAX_ITEM_DEPTH: usize = 32;

/// What rendering one Markdown body gives.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub notes: Vec<Note>,
    pub toc: Vec<TocEntry>,
    pub paragraphs: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// The entries of the page's bibliography (list items under a heading such as
    /// "Bibliography" or "Works cited"), which the `cite` stage reads like notes.
    pub bibliography: Vec<BibliographyEntry>,
    /// The plain text of each paragraph of the body (not the notes), in reading order.
    pub texts: Vec<ParagraphText>,
    /// The page's links to documents of the collection (`doc:PATH#ID`), which the build
    /// checks once every page is rendered.
    pub document_links: Vec<DocumentLink>,
    /// The editor's corrections, additions and the like, in the file's order.
    pub emendations: Vec<Emendation>,
    /// Where each page of the printed source begins (`[p. 45]`), in order.
    pub pages: Vec<PageMarker>,
}

impl Rendered {
    /// Whether the page, as its template shows it, has an element of this id: one of its
    /// blocks, one of its notes, or one the template gives every page. Read before the
    /// page's HTML is taken to be written.
    pub fn has_id(&self, id: &str) -> bool {
        RESERVED_IDS.contains(&id)
            || self.notes.iter().any(|note| note.id == id)
            || self.html.contains(&format!(" id=\"{id}\""))
    }
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
    pub gaps: KnownGaps,
    /// Whether raw HTML in the Markdown passes into the page; otherwise it is written as
    /// text, with a warning at its line.
    pub raw_html: bool,
    /// Whether notes show the source's numbers or are numbered in order.
    pub note_numbers: NoteNumbers,
}

impl<'a> Source<'a> {
    /// A body with nothing declared of its source, whose raw HTML passes.
    pub fn new(path: &'a Path, first_line: usize, link_prefix: &'a str) -> Self {
        Source {
            path,
            first_line,
            link_prefix,
            gaps: KnownGaps::default(),
            raw_html: true,
            note_numbers: NoteNumbers::default(),
        }
    }
}

/// Renders Markdown. Holds the syntax-highlighting data, loaded the first time a page has
/// a code block (most documentary sites have none, and loading costs milliseconds).
#[derive(Default)]
pub struct MarkdownRenderer {
    syntaxes: OnceLock<(syntect::parsing::SyntaxSet, syntect::highlighting::Theme)>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

impl MarkdownRenderer {
    /// The body rendered; `annotator`, when given, reads each block as it renders and may
    /// mark up what it finds (the registry's names).
    pub fn render(
        &self,
        body: &str,
        source: Source<'_>,
        annotator: Option<&mut dyn BlockAnnotator>,
    ) -> Rendered {
        let lines = LineIndex::new(body);
        let line_of = |range: &Range<usize>| source.first_line + lines.line(range.start) - 1;
        let position_of = |range: &Range<usize>| {
            let (line, column) = lines.line_col(body, range.start);
            (source.first_line + line - 1, column)
        };
        let masked = emend::mask(body);
        let (mut body_events, mut definitions) =
            split_definitions(masked.text.as_deref().unwrap_or(body), &line_of);
        let mut emender = emend::Emender::default();
        if masked.text.is_some() {
            body_events = emender.apply(body_events, &line_of);
            for definition in &mut definitions {
                definition.map_events(|events| emender.apply(events, &line_of));
            }
        }
        let mut refused_html = None;
        if !source.raw_html {
            refused_html = html_as_text(&mut body_events, &mut definitions);
        }

        let mut state = BodyState::new(source, &definitions, annotator, &position_of);
        state.near_definitions = notes::near_definitions(body, source.first_line);
        if let Some((count, first)) = refused_html {
            let (line, column) = position_of(&first);
            state.diagnostics.push(
                Diagnostic::warning(
                    source.path,
                    format!("raw HTML is written as text here ({})", counted(count, "place", "places")),
                )
                .at(line, column)
                .with_help("the site refuses raw HTML (`unsafe_html = false` in site.toml): write it in Markdown"),
            );
        }
        for (offset, problem) in masked.problems {
            let (line, column) = position_of(&(offset..offset));
            state.diagnostics.push(
                Diagnostic::warning(source.path, problem)
                    .at(line, column)
                    .with_help("write `{~~the source's words~>the edition's~~}`, `{++supplied++}`, `{--left out--}`, `{??uncertain??}`, `{??}` or `{!!sic!!}`, one inside a paragraph and none inside another"),
            );
        }
        let out = self.blocks(&mut state, body_events, &line_of);
        let mut html = String::with_capacity(body.len() * 5 / 4);
        pulldown_cmark::html::push_html(&mut html, out.into_iter());
        if html.capacity() > html.len() {
            // Every page's HTML is kept until the site is written, and a page that outgrew
            // its first guess holds up to twice its size; the copy costs less than that
            // memory (BENCHMARKS.md, "Memory").
            html = html.as_str().to_owned();
        }
        let mut rendered = state.finish(definitions, html);
        rendered.emendations = emender.emendations;
        rendered
    }

    /// The body's block events: paragraphs get their ids and are annotated as a whole, so
    /// that a name in one sentence can settle an ambiguous one in another.
    fn blocks<'a>(
        &self,
        state: &mut BodyState<'_, '_>,
        events: Vec<(Event<'a>, Range<usize>)>,
        line_of: &dyn Fn(&Range<usize>) -> usize,
    ) -> Vec<Event<'a>> {
        let mut out: Vec<Event> = Vec::with_capacity(events.len());
        let mut events = events.into_iter().peekable();
        while let Some((event, range)) = events.next() {
            let line = line_of(&range);
            match event {
                Event::Start(Tag::Paragraph) => {
                    let inner = collect_until_end(&mut events);
                    // A page break between paragraphs is no paragraph of its own.
                    if let [(Event::Text(text), _)] = inner.as_slice()
                        && let Some(label) = pages::whole_marker(text)
                    {
                        out.push(Event::Html(state.page_marker(label, true).into()));
                        continue;
                    }
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
                    // An item of blocks gets an id too: its own words (before a nested
                    // list or quotation) are a place that mentions can lead to.
                    let item_id = (entry.is_none() && has_blocks && matches!(tag, Tag::Item))
                        .then(|| state.item_id());
                    match (&entry, &item_id) {
                        (Some(id), _) | (None, Some(id)) => {
                            out.push(Event::Html(format!("<li id=\"{id}\">").into()))
                        }
                        (None, None) => out.push(Event::Start(tag)),
                    }
                    let outer = item_id
                        .clone()
                        .map(|id| std::mem::replace(&mut state.anchor, id));
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
                    if let Some(outer) = outer {
                        state.anchor = outer;
                    }
                    match (entry, item_id) {
                        (Some(id), _) => out.push(Event::Html(
                            format!("{}</li>\n", bibliography_slot(&id)).into(),
                        )),
                        (None, Some(_)) => out.push(Event::Html("</li>\n".into())),
                        (None, None) => out.push(Event::End(end)),
                    }
                }
                // Words outside a paragraph (a tight item's, before its nested list) are
                // read as one run, so that a name set in emphasis is found whole.
                other if is_inline(&other) => {
                    let mut run = vec![(other, range)];
                    while let Some(next) = events.next_if(|(e, _)| is_inline(e)) {
                        run.push(next);
                    }
                    out.extend(state.inline(run, false, line, line_of));
                }
                other => out.extend(state.inline(vec![(other, range)], false, line, line_of)),
            }
        }
        out
    }
}

/// The raw HTML of the body and the notes made text, shown as written: how many events
/// held some, and where the first stands.
fn html_as_text<'a>(
    body: &mut [(Event<'a>, Range<usize>)],
    definitions: &mut [Definition<'a>],
) -> Option<(usize, Range<usize>)> {
    let mut count = 0;
    let mut first: Option<Range<usize>> = None;
    let body = body.iter_mut().map(|(event, range)| (event, &*range));
    let notes = definitions
        .iter_mut()
        .flat_map(Definition::events_with_ranges);
    for (event, range) in body.chain(notes) {
        if let Event::Html(html) | Event::InlineHtml(html) = event {
            *event = Event::Text(std::mem::replace(html, CowStr::Borrowed("")));
            count += 1;
            if first.as_ref().is_none_or(|f| range.start < f.start) {
                first = Some(range.clone());
            }
        }
    }
    first.map(|first| (count, first))
}

/// Whether an event belongs inside a block (text, emphasis, a link, a note marker).
fn is_inline(event: &Event) -> bool {
    match event {
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        Event::End(end) => matches!(
            end,
            TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript
                | TagEnd::Link
                | TagEnd::Image
        ),
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineHtml(_)
        | Event::InlineMath(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::FootnoteReference(_) => true,
        _ => false,
    }
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

/// The bookkeeping of one page's rendering: note numbers, ids, warnings.
struct BodyState<'s, 'r> {
    source: Source<'s>,
    annotator: Option<&'r mut dyn BlockAnnotator>,
    /// The line and column in the file of a place in the body.
    position_of: &'s dyn Fn(&Range<usize>) -> (usize, usize),
    /// Where in the body each event of the block being annotated comes from.
    event_sources: Vec<Range<usize>>,
    /// The id of the block being rendered, which mentions point to.
    anchor: String,
    defined: HashSet<String>,
    /// Labels in order of first reference; the index + 1 is the note's number.
    order: Vec<String>,
    numbers: HashMap<String, usize>,
    markers: HashMap<String, Vec<String>>,
    first_marker_line: HashMap<String, usize>,
    /// Lines of the file that look like a note's definition but are none (`[^7] …` with no
    /// colon, `7. …`), by the label they would define: named in the help of a missing note.
    near_definitions: HashMap<String, usize>,
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
    /// The page breaks of the source met so far.
    pages: Vec<PageMarker>,
    /// List items of plain text since the last paragraph: `p-4-2` is the second after `p-4`.
    items_since_paragraph: usize,
}

impl<'s, 'r> BodyState<'s, 'r> {
    fn new(
        source: Source<'s>,
        definitions: &[Definition],
        annotator: Option<&'r mut dyn BlockAnnotator>,
        position_of: &'s dyn Fn(&Range<usize>) -> (usize, usize),
    ) -> Self {
        BodyState {
            source,
            annotator,
            position_of,
            event_sources: Vec::new(),
            anchor: String::new(),
            defined: definitions.iter().map(|d| d.label.clone()).collect(),
            order: Vec::new(),
            numbers: HashMap::new(),
            markers: HashMap::new(),
            first_marker_line: HashMap::new(),
            near_definitions: HashMap::new(),
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
            pages: Vec::new(),
        }
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
        let events = self.page_markers(events);
        let mut out = Vec::with_capacity(events.len());
        // Where in the body each event of `out` comes from, for the annotator's messages.
        // (A buffer of the page's, used again by every block.)
        let mut sources = std::mem::take(&mut self.event_sources);
        sources.clear();
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
                    let position_of = self.position_of;
                    self.refuse_address(&tag, position_of(&range), true);
                    self.document_links.extend(DocumentLink::of(&tag, || {
                        let (line, column) = position_of(&range);
                        (line, Some(column))
                    }));
                    out.push(Event::Start(rebase_tag(tag, self.source.link_prefix)))
                }
                other => out.push(other),
            }
            if self.annotator.is_some() {
                sources.resize(out.len(), range);
            }
        }
        let (plain, offsets) = plain_text(&out);
        let kept_as = paragraph.then_some(self.texts.len() as u32);
        let position_of = self.position_of;
        // Read only for an event the annotator has something to say about.
        let position = |event: usize| sources.get(event).map(position_of);
        let out = match self.annotator.as_mut() {
            Some(annotator) => annotator.block(
                out,
                (&plain, &offsets),
                BlockPlace {
                    anchor: &self.anchor,
                    paragraph: kept_as,
                    in_note: false,
                    line,
                    position: &position,
                },
            ),
            None => out,
        };
        self.event_sources = sources;
        self.last_text = plain;
        mark_russian(without_refused_addresses(out))
    }

    /// A warning at a link whose address a page may not hold (it is written without it).
    /// Where an annotator reads the block (`annotated`), it judges the links (`person:` and
    /// the like, slips in them among the rest), and this the images only.
    fn refuse_address(&mut self, tag: &Tag, (line, column): (usize, usize), annotated: bool) {
        if annotated && self.annotator.is_some() && matches!(tag, Tag::Link { .. }) {
            return;
        }
        if let Some(url) = refused_address(tag) {
            let (problem, help) = refused_link_problem(url);
            self.diagnostics.push(
                Diagnostic::warning(self.source.path, problem)
                    .at(line, column)
                    .with_help(help),
            );
        }
    }
}

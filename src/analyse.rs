//! The analyse stage: what is read of each page on its own. A page's Markdown is rendered
//! (its notes numbered, its paragraphs given ids) while the registry's annotator finds the
//! names in each block, and what the later stages need of the page alone is read at once:
//! the works its notes cite and its dated statements. [`Analyser::page`] is a function of
//! the registry and of its [`Input`] (the page's Markdown and what its front matter says of
//! it, the link prefix, whether raw HTML passes), so `serve`'s cache can keep its result
//! while none of those changes.

use std::collections::BTreeMap;

use crate::cite::PageReferences;
use crate::content::Page;
use crate::entity::Registry;
use crate::entity::annotate::{Annotator, Entities, Names};
use crate::entity::matcher::{Mention, Snippet};
use crate::markdown::{BlockAnnotator, KnownGaps, MarkdownRenderer, NoteNumbers, Rendered, Source};
use crate::timeline::{self, Entry};

/// Everything read of one page.
#[derive(Debug, Clone)]
pub struct PageAnalysis {
    pub rendered: Rendered,
    /// The registry's entities the page names, and the names left unsettled.
    pub names: Names,
    /// What its notes and bibliography cite (for `cite`, which takes it).
    pub references: PageReferences,
    /// Its dated statements (for `timeline`, which takes them); none for a page that is not
    /// a source.
    pub statements: Vec<Entry>,
}

impl PageAnalysis {
    /// The entities the page names, in reading order (the notes last).
    pub fn mentions(&self) -> &[Mention] {
        &self.names.mentions
    }

    /// The id of the paragraph (or note) a mention on this page is in.
    pub fn anchor(&self, mention: &Mention) -> &str {
        self.names.anchor(&self.rendered.texts, mention)
    }

    /// The words around a mention on this page, as its entity's page shows them.
    pub fn snippet(&self, mention: &Mention) -> Snippet {
        self.names.snippet(&self.rendered.texts, mention)
    }
}

/// Whether a source's page is read for the timeline: as its front matter says
/// (`timeline = false`), else unless its title is one of front or back matter, whose dates
/// are the edition's (a foreword's account of the author's life, a note on the translation),
/// not the history's.
fn reads_for_the_timeline(page: &Page) -> bool {
    const APART: &[&str] = &[
        "foreword",
        "preface",
        "acknowledgements",
        "acknowledgments",
        "translator's note",
        "translator’s note",
        "a note on the translation",
        "note on the translation",
        "publisher's note",
        "publisher’s note",
        "editor's note",
        "editor’s note",
        "about the author",
        "bibliography",
        "index",
        "glossary",
        "contents",
    ];
    page.front.timeline.unwrap_or_else(|| {
        let title = page.title.to_lowercase();
        let title = title.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
        !APART.iter().any(|apart| title.starts_with(apart))
    })
}

/// Everything the analysis of a page reads besides the registry: two pages of equal input
/// are read alike. What `serve`'s cache compares to tell an edited page from an unchanged
/// one.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    body: String,
    first_line: usize,
    source: bool,
    gaps: KnownGaps,
    names: BTreeMap<String, String>,
    unlinked_names: Vec<String>,
    names_line: usize,
    link_prefix: String,
    raw_html: bool,
    note_numbers: NoteNumbers,
}

impl Input {
    /// Whether `page`, read by `analyser`, has this input (compared without copying it).
    pub fn is_of(&self, page: &Page, analyser: &Analyser) -> bool {
        self.body == page.body
            && self.first_line == page.body_line
            && self.source == page.kind.is_source()
            && self.gaps == page.gaps
            && self.names == page.front.names
            && self.unlinked_names == page.front.unlinked_names
            && self.names_line == page.names_line
            && self.link_prefix == analyser.link_prefix
            && self.raw_html == analyser.raw_html
            && self.note_numbers == analyser.note_numbers
    }
}

/// What analysing a page needs of the site: the registry, its name lookup, where links go.
pub struct Analyser<'r> {
    renderer: MarkdownRenderer,
    registry: &'r Registry,
    /// `None` for a site without a registry: no names are looked for.
    entities: Option<Entities<'r>>,
    link_prefix: &'r str,
    /// Whether raw HTML in the Markdown passes into the page (`site.toml` `unsafe_html`).
    raw_html: bool,
    /// `[notes] numbers`.
    note_numbers: NoteNumbers,
}

impl<'r> Analyser<'r> {
    pub fn new(
        registry: &'r Registry,
        entities: Option<Entities<'r>>,
        link_prefix: &'r str,
    ) -> Self {
        Analyser {
            renderer: MarkdownRenderer::default(),
            registry,
            entities,
            link_prefix,
            raw_html: true,
            note_numbers: NoteNumbers::default(),
        }
    }

    /// An analyser that numbers notes as `[notes] numbers` says.
    pub fn numbering_notes(mut self, numbers: NoteNumbers) -> Self {
        self.note_numbers = numbers;
        self
    }

    /// An analyser that writes the Markdown's raw HTML as text, with a warning at its line.
    pub fn refusing_raw_html(mut self, refuse: bool) -> Self {
        self.raw_html = !refuse;
        self
    }

    /// What the analysis of `page` reads (see [`Input`]).
    pub fn input(&self, page: &Page) -> Input {
        Input {
            body: page.body.clone(),
            first_line: page.body_line,
            source: page.kind.is_source(),
            gaps: page.gaps,
            names: page.front.names.clone(),
            unlinked_names: page.front.unlinked_names.clone(),
            names_line: page.names_line,
            link_prefix: self.link_prefix.to_string(),
            raw_html: self.raw_html,
            note_numbers: self.note_numbers,
        }
    }

    /// The page read: its Markdown rendered with its names found, its citations and dated
    /// statements.
    pub fn page(&self, page: &Page) -> PageAnalysis {
        let source = Source {
            path: &page.path,
            first_line: page.body_line,
            link_prefix: self.link_prefix,
            gaps: page.gaps,
            raw_html: self.raw_html,
            note_numbers: self.note_numbers,
        };
        let mut annotator = self.entities.map(|entities| {
            Annotator::new(entities, self.link_prefix, &page.path).with_declared_names(
                &page.front.names,
                &page.front.unlinked_names,
                page.names_line,
            )
        });
        let mut rendered = self.renderer.render(
            &page.body,
            source,
            annotator.as_mut().map(|a| a as &mut dyn BlockAnnotator),
        );
        let names = match annotator {
            Some(annotator) => {
                let (names, problems) = annotator.finish();
                rendered.diagnostics.extend(problems);
                names
            }
            None => Names::default(),
        };
        PageAnalysis {
            references: PageReferences::read(&rendered),
            statements: if page.kind.is_source() && reads_for_the_timeline(page) {
                timeline::page_statements(self.registry, &rendered, &names)
            } else {
                Vec::new()
            },
            rendered,
            names,
        }
    }
}

//! The analyse stage: what is read of each page on its own. A page's Markdown is rendered
//! (its notes numbered, its paragraphs given ids) while the registry's annotator finds the
//! names in each block, and what the later stages need of the page alone is read at once:
//! the works its notes cite and its dated statements. [`Analyser::page`] is a function of
//! the registry and of its [`Input`] (the page's Markdown and what its front matter says of
//! it, the link prefix, whether raw HTML passes), so `serve`'s cache can keep its result
//! while none of those changes.

use std::collections::BTreeMap;

use crate::addresses::{Lock, PageAddresses};
use crate::cite::PageReferences;
use crate::config::Reckoning;
use crate::content::Page;
use crate::entity::annotate::{Annotator, Entities, Names};
use crate::entity::matcher::{Mention, Snippet};
use crate::entity::{EntityId, Registry};
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
    /// Its paragraphs' addresses, for the lock (`addresses`).
    pub addresses: PageAddresses,
}

impl PageAnalysis {
    /// The entities the page names, in reading order (the notes last).
    pub fn mentions(&self) -> &[Mention] {
        &self.names.mentions
    }

    /// The entities the page names: in its text and in its dated statements (before the
    /// timeline takes them).
    pub fn entities_named(&self) -> impl Iterator<Item = EntityId> + '_ {
        let mentioned = self.mentions().iter().map(|mention| mention.entity);
        let in_statements = (self.statements.iter()).flat_map(|entry| {
            entry
                .entity
                .into_iter()
                .chain(entry.mentions.iter().copied())
        });
        mentioned.chain(in_statements)
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
    link_implicit: bool,
    reckoning: Reckoning,
    opening_year: Option<i32>,
    pub(crate) addresses: Option<PageAddresses>,
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
            && self.link_implicit == analyser.link_implicit
            && self.reckoning == analyser.reckoning
            && self.opening_year == page.opening_year
            && self.addresses.as_ref() == analyser.locked(page)
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
    /// `link_implicit`: whether "the Congress" settled links as a name does.
    link_implicit: bool,
    /// `hemisphere`, `old_style_until`: what the texts' seasons and days mean.
    reckoning: Reckoning,
    /// The paragraph addresses the last build gave (`paragraphs.lock`).
    lock: Option<&'r Lock>,
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
            link_implicit: false,
            reckoning: Reckoning::default(),
            lock: None,
        }
    }

    /// An analyser that reads the texts' seasons and days as `hemisphere` and
    /// `old_style_until` in `site.toml` say.
    pub fn reckoning_time(mut self, reckoning: Reckoning) -> Self {
        self.reckoning = reckoning;
        self
    }

    /// An analyser that links the bare references it settles ("the Opposition") in the
    /// text, as `link_implicit` in `site.toml` asks.
    pub fn linking_implicit(mut self, link: bool) -> Self {
        self.link_implicit = link;
        self
    }

    /// An analyser that keeps the paragraph addresses of `lock`.
    pub fn keeping_addresses(mut self, lock: &'r Lock) -> Self {
        self.lock = Some(lock);
        self
    }

    /// The addresses the lock holds for `page`.
    fn locked(&self, page: &Page) -> Option<&PageAddresses> {
        self.lock.and_then(|lock| lock.pages.get(&page.site_path))
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
            link_implicit: self.link_implicit,
            reckoning: self.reckoning,
            opening_year: page.opening_year,
            addresses: self.locked(page).cloned(),
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
            Annotator::new(entities, self.link_prefix, &page.path)
                .linking_implicit(self.link_implicit)
                .opening_in(page.opening_year)
                .naming_most(crate::content::most_named_year(&page.body))
                .with_declared_names(
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
        let addresses = keep_addresses(&mut rendered, self.locked(page));
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
                let date = page.date.as_ref().and_then(|d| d.start);
                timeline::page_statements(self.registry, (&rendered, date), &names, self.reckoning)
            } else {
                Vec::new()
            },
            rendered,
            names,
            addresses,
        }
    }
}

/// The page's paragraphs under the addresses the lock gave them (`#p-12` stays with its
/// paragraph), new ones under new numbers, and the address of each deleted paragraph
/// leading to the one that followed it, with a note for the reader who arrives by it.
fn keep_addresses(rendered: &mut Rendered, locked: Option<&PageAddresses>) -> PageAddresses {
    let texts: Vec<&str> = rendered.texts.iter().map(|t| t.text.as_str()).collect();
    let (ids, addresses) = crate::addresses::assign(locked, &texts);
    let renumbered = ids.iter().enumerate().any(|(i, &id)| id as usize != i + 1);
    if renumbered {
        let id_of = |n: usize| ids.get(n.wrapping_sub(1)).copied();
        for text in &mut rendered.texts {
            text.anchor = renumber(&text.anchor, &id_of);
        }
        rendered.html = PARAGRAPH_ID
            .replace_all(&rendered.html, |c: &regex::Captures| {
                let n: usize = c[2].parse().unwrap_or(0);
                match id_of(n) {
                    Some(id) => format!("{}{id}{}", &c[1], &c[3]),
                    None => c[0].to_string(),
                }
            })
            .into_owned();
    }
    for gone in &addresses.gone {
        let target = format!("<p id=\"p-{}\">", gone.to);
        let note = format!(
            "<span id=\"p-{}\" class=\"gone-anchor\"><span class=\"gone-note\" role=\"note\">The paragraph this address named was removed from the text; this is the one that followed it.</span></span>",
            gone.id
        );
        if let Some(at) = rendered.html.find(&target) {
            rendered.html.insert_str(at, &note);
        }
    }
    addresses
}

/// A paragraph's id, or a list item's under it, in the page's HTML: `id="p-12"`,
/// `href="#p-12"`, `id="p-12-3"`, and the ¶ link's label.
static PARAGRAPH_ID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r##"(id="p-|href="#p-|aria-label="Link to paragraph )(\d+)((?:-\d+)?")"##)
        .expect("valid pattern")
});

/// `p-3` (or `p-3-2`) under the paragraph's kept number.
fn renumber(anchor: &str, id_of: &dyn Fn(usize) -> Option<u32>) -> String {
    let Some(rest) = anchor.strip_prefix("p-") else {
        return anchor.to_string();
    };
    let (number, item) = rest
        .split_once('-')
        .map_or((rest, None), |(n, i)| (n, Some(i)));
    match number.parse().ok().and_then(id_of) {
        Some(id) => match item {
            Some(item) => format!("p-{id}-{item}"),
            None => format!("p-{id}"),
        },
        None => anchor.to_string(),
    }
}

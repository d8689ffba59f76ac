//! The analyse stage: what is read of each page on its own. A page's Markdown is rendered
//! (its notes numbered, its paragraphs given ids, the registry's names found in it), and
//! what the later stages need of it alone is read at once: the works its notes cite and its
//! dated statements. [`Analyser::page`] is a function of the page, the registry and the
//! link prefix only, so `serve`'s cache can keep its result while none of those changes.

use crate::cite::PageReferences;
use crate::content::Page;
use crate::entity::Registry;
use crate::entity::annotate::Entities;
use crate::markdown::{MarkdownRenderer, Rendered, Source};
use crate::timeline::{self, Entry};

/// Everything read of one page.
#[derive(Debug, Clone)]
pub struct PageAnalysis {
    pub rendered: Rendered,
    /// What its notes and bibliography cite (for `cite`).
    pub references: PageReferences,
    /// Its dated statements (for `timeline`); none for a page that is not a source.
    pub statements: Vec<Entry>,
}

/// What analysing a page needs of the site: the registry, its name lookup, where links go.
pub struct Analyser<'r> {
    renderer: MarkdownRenderer<'r>,
    registry: &'r Registry,
    link_prefix: &'r str,
}

impl<'r> Analyser<'r> {
    /// `entities` is `None` for a site without a registry: no names are looked for.
    pub fn new(
        registry: &'r Registry,
        entities: Option<Entities<'r>>,
        link_prefix: &'r str,
    ) -> Self {
        Analyser {
            renderer: MarkdownRenderer::new(entities),
            registry,
            link_prefix,
        }
    }

    /// The page read: its Markdown rendered, its citations and dated statements.
    pub fn page(&self, page: &Page) -> PageAnalysis {
        let source = Source {
            path: &page.path,
            first_line: page.body_line,
            link_prefix: self.link_prefix,
        };
        let rendered = self.renderer.render(&page.body, source);
        PageAnalysis {
            references: PageReferences::read(&rendered),
            statements: if page.kind.is_source() {
                timeline::page_statements(self.registry, &rendered)
            } else {
                Vec::new()
            },
            rendered,
        }
    }
}

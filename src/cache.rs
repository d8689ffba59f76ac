//! What one build keeps for the next, so that `serve` redoes only what an edit changed: the
//! registry's name lookup (rebuilt only when the registry changes) and, for each page, what
//! the stages make of it alone — its rendered Markdown, what its notes cite, its dated
//! statements — made again only when its file, or the registry, changes. A one-off
//! `annals build` uses a cache that keeps nothing: copying the site into it would be waste.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::cite::PageReferences;
use crate::config::BaseUrl;
use crate::content::{Content, Page};
use crate::diagnostic::Diagnostic;
use crate::entity::Registry;
use crate::entity::annotate::Entities;
use crate::entity::matcher::Matcher;
use crate::markdown::{MarkdownRenderer, Rendered, Source};
use crate::render::memo::RenderMemo;
use crate::timeline::{self, Entry};

/// What the stages that read one page at a time made of every page, by page index.
#[derive(Default)]
pub struct PagesRead {
    pub rendered: Vec<Rendered>,
    /// What each page's notes and bibliography cite (for `cite`).
    pub references: Vec<PageReferences>,
    /// Each source page's dated statements (for `timeline`); none for other pages.
    pub statements: Vec<Vec<Entry>>,
}

/// What was made of one page.
#[derive(Clone)]
struct PageRead {
    rendered: Rendered,
    references: PageReferences,
    statements: Vec<Entry>,
}

#[derive(Default)]
pub struct BuildCache {
    /// Whether builds fill the cache (`serve`), or only read nothing from it (`build`).
    keep: bool,
    /// Whether the process ends with this build (`annals build`), so that its memory can be
    /// left to the system instead of freed piece by piece.
    process_ends: bool,
    matcher: Option<CachedMatcher>,
    pages: HashMap<PathBuf, CachedPage>,
    /// The rendered pages of the last good build (`serve` only).
    memo: Option<RenderMemo>,
}

struct CachedMatcher {
    registry: Registry,
    matcher: Arc<Matcher>,
    /// The names two entities both claim, found while building it.
    claims: Vec<Diagnostic>,
}

/// What was made of a page and everything it was made from.
struct CachedPage {
    body: String,
    first_line: usize,
    link_prefix: String,
    source: bool,
    read: PageRead,
}

impl CachedPage {
    fn is_for(&self, page: &Page, link_prefix: &str) -> bool {
        self.body == page.body
            && self.first_line == page.body_line
            && self.link_prefix == link_prefix
            && self.source == page.kind.is_source()
    }
}

impl BuildCache {
    /// A cache for the one build of a process that ends right after it.
    pub fn for_a_last_build() -> Self {
        BuildCache {
            process_ends: true,
            ..BuildCache::default()
        }
    }

    pub fn process_ends(&self) -> bool {
        self.process_ends
    }

    /// A cache that keeps each build's work for the next.
    pub fn for_rebuilds() -> Self {
        BuildCache {
            keep: true,
            memo: Some(RenderMemo::default()),
            ..BuildCache::default()
        }
    }

    /// The pages of the last good build, for this one to take where it would render the
    /// same (`None` for a one-off build).
    pub fn render_memo(&mut self) -> Option<&RenderMemo> {
        let memo = self.memo.as_mut()?;
        memo.begin();
        Some(memo)
    }

    /// The build's pages are all rendered: they are the ones to remember if it succeeded.
    /// How many of them were the last build's.
    pub fn pages_rendered(&mut self, succeeded: bool) -> usize {
        let Some(memo) = &mut self.memo else {
            return 0;
        };
        if succeeded {
            memo.keep_this_build();
        } else {
            memo.forget_this_build();
        }
        memo.recalled()
    }

    /// The registry's name lookup and the names claimed twice: the last build's when the
    /// registry is the same, else a new one (and every page must be rendered again).
    pub fn matcher(&mut self, registry: &Registry) -> (Arc<Matcher>, Vec<Diagnostic>) {
        if let Some(cached) = self
            .matcher
            .as_ref()
            .filter(|c| c.registry.entities == registry.entities)
        {
            return (cached.matcher.clone(), cached.claims.clone());
        }
        let (matcher, claims) = Matcher::new(registry);
        let matcher = Arc::new(matcher);
        self.pages.clear();
        if !self.keep {
            return (matcher, claims);
        }
        self.matcher = Some(CachedMatcher {
            registry: registry.clone(),
            matcher: matcher.clone(),
            claims: claims.clone(),
        });
        (matcher, claims)
    }

    /// Every page's Markdown rendered, its citations and dated statements read, on every
    /// core, reusing what the last build made of pages whose text has not changed. A
    /// one-off build lets each page's Markdown go once it is read: nothing reads it again,
    /// and the collection's whole text need not be held beside what is made of it (116 MB
    /// at ×100).
    pub fn read_pages(
        &mut self,
        content: &mut Content,
        base: &BaseUrl,
        registry: &Registry,
        entities: Option<Entities>,
    ) -> PagesRead {
        let renderer = MarkdownRenderer::new(entities);
        let keep = self.keep;
        let read: Vec<PageRead> = content
            .pages
            .par_iter_mut()
            .enumerate()
            .map(|(index, page)| match self.pages.get(&page.path) {
                Some(cached) if cached.is_for(page, base.prefix()) => {
                    let mut read = cached.read.clone();
                    // The same page may stand at another place among the pages now.
                    for statement in &mut read.statements {
                        statement.page = Some(index);
                    }
                    read
                }
                _ => {
                    let source = Source {
                        path: &page.path,
                        first_line: page.body_line,
                        link_prefix: base.prefix(),
                    };
                    let rendered = renderer.render(&page.body, source);
                    if !keep {
                        page.body = String::new();
                    }
                    PageRead {
                        references: PageReferences::read(&rendered),
                        statements: if page.kind.is_source() {
                            timeline::page_statements(registry, index, &rendered)
                        } else {
                            Vec::new()
                        },
                        rendered,
                    }
                }
            })
            .collect();
        if self.keep {
            self.pages = content
                .pages
                .iter()
                .zip(&read)
                .map(|(page, read)| {
                    let cached = CachedPage {
                        body: page.body.clone(),
                        first_line: page.body_line,
                        link_prefix: base.prefix().to_string(),
                        source: page.kind.is_source(),
                        read: read.clone(),
                    };
                    (page.path.clone(), cached)
                })
                .collect();
        }
        let mut pages = PagesRead::default();
        for read in read {
            pages.rendered.push(read.rendered);
            pages.references.push(read.references);
            pages.statements.push(read.statements);
        }
        pages
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Page, PageKind};
    use crate::entity::test_support::{entity, registry};

    fn site(bodies: &[&str]) -> Content {
        let names: Vec<String> = (0..bodies.len()).map(|i| format!("d{i}")).collect();
        let pages: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(bodies.iter().copied())
            .collect();
        named_site(&pages)
    }

    /// Documents `content/documents/NAME.md` with these bodies, in this order.
    fn named_site(pages: &[(&str, &str)]) -> Content {
        let mut content = Content::default();
        for (name, body) in pages {
            let mut page = Page::generated(
                PageKind::Document,
                &format!("documents/{name}/"),
                PathBuf::from(format!("content/documents/{name}.md")),
                name.to_uppercase(),
            );
            page.body = body.to_string();
            content.pages.push(page);
        }
        content
    }

    fn read(cache: &mut BuildCache, content: &Content, registry: &Registry) -> PagesRead {
        let base = BaseUrl::parse("/").unwrap();
        let (matcher, _) = cache.matcher(registry);
        let entities = Entities {
            registry,
            matcher: &matcher,
        };
        cache.read_pages(&mut content.clone(), &base, registry, Some(entities))
    }

    const DATED: &str = "On 12 March 1921 Lenin spoke to the congress of the revolt at Kronstadt and of the tax in kind.[^1]\n\n[^1]: Paul Avrich, *Kronstadt 1921* (Princeton, 1970), p. 3.";

    #[test]
    fn a_kept_page_keeps_its_statements_and_citations_at_its_new_place() {
        let mut cache = BuildCache::for_rebuilds();
        let people = registry(vec![entity(
            "person",
            "lenin",
            "Vladimir Lenin",
            &["Lenin"],
        )]);
        let first = read(&mut cache, &named_site(&[("speech", DATED)]), &people);
        assert_eq!(first.statements[0].len(), 1, "{:?}", first.statements);
        assert_eq!(first.statements[0][0].page, Some(0));
        assert_ne!(first.references[0], PageReferences::default());

        // A page put before it: the speech is read as it was, at its new index.
        let moved = read(
            &mut cache,
            &named_site(&[("preface", "A preface."), ("speech", DATED)]),
            &people,
        );
        assert!(moved.statements[0].is_empty());
        assert_eq!(moved.statements[1].len(), 1);
        assert_eq!(moved.statements[1][0].page, Some(1));
        assert_eq!(moved.references[1], first.references[0]);

        // Edited, it is read again.
        let edited = DATED.replace("1921", "1922");
        let again = read(
            &mut cache,
            &named_site(&[("preface", "A preface."), ("speech", &edited)]),
            &people,
        );
        let year = again.statements[1][0].date.start.map(|p| p.year);
        assert_eq!(year, Some(1922));
        assert_ne!(
            again.references[1], first.references[0],
            "*Kronstadt 1922* now"
        );
    }

    fn build(cache: &mut BuildCache, content: &Content, registry: &Registry) -> Vec<String> {
        read(cache, content, registry)
            .rendered
            .into_iter()
            .map(|r| r.html)
            .collect()
    }

    #[test]
    fn an_edited_page_and_a_changed_registry_are_rendered_again() {
        let mut cache = BuildCache::for_rebuilds();
        let lenin = entity("person", "lenin", "Vladimir Lenin", &["Lenin"]);
        let people = registry(vec![lenin.clone()]);
        let first = build(
            &mut cache,
            &site(&["Lenin wrote.", "Trotsky answered."]),
            &people,
        );
        assert!(first[0].contains("/people/lenin/"), "{}", first[0]);
        assert!(!first[1].contains("/people/"), "{}", first[1]);

        let edited = build(
            &mut cache,
            &site(&["Lenin wrote twice.", "Trotsky answered."]),
            &people,
        );
        assert!(edited[0].contains("wrote twice"), "{}", edited[0]);
        assert_eq!(edited[1], first[1]);

        let trotsky = entity("person", "trotsky", "Lev Trotsky", &["Trotsky"]);
        let more = registry(vec![lenin, trotsky]);
        let renamed = build(
            &mut cache,
            &site(&["Lenin wrote twice.", "Trotsky answered."]),
            &more,
        );
        assert!(renamed[1].contains("/people/trotsky/"), "{}", renamed[1]);
    }

    #[test]
    fn a_one_off_build_keeps_nothing() {
        let mut cache = BuildCache::default();
        let people = registry(vec![entity(
            "person",
            "lenin",
            "Vladimir Lenin",
            &["Lenin"],
        )]);
        build(&mut cache, &site(&["Lenin wrote."]), &people);
        assert!(cache.matcher.is_none() && cache.pages.is_empty());
    }
}

//! What one build keeps for the next, so that `serve` redoes only what an edit changed: the
//! registry's automaton (rebuilt only when the registry changes) and each page's rendered
//! Markdown (re-rendered only when its file, or the registry, changes). A one-off
//! `annals build` uses a cache that keeps nothing: copying the site into it would be waste.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::BaseUrl;
use crate::content::Content;
use crate::diagnostic::Diagnostic;
use crate::entity::Registry;
use crate::entity::annotate::Entities;
use crate::entity::matcher::Matcher;
use crate::markdown::{MarkdownRenderer, Rendered, Source};

#[derive(Default)]
pub struct BuildCache {
    /// Whether builds fill the cache (`serve`), or only read nothing from it (`build`).
    keep: bool,
    automaton: Option<CachedAutomaton>,
    pages: HashMap<PathBuf, CachedPage>,
}

struct CachedAutomaton {
    registry: Registry,
    matcher: Arc<Matcher>,
    /// The names two entities both claim, found while building it.
    claims: Vec<Diagnostic>,
}

/// A page's rendering and everything it was rendered from.
struct CachedPage {
    body: String,
    first_line: usize,
    link_prefix: String,
    rendered: Rendered,
}

impl BuildCache {
    /// A cache that keeps each build's work for the next.
    pub fn for_rebuilds() -> Self {
        BuildCache {
            keep: true,
            ..BuildCache::default()
        }
    }

    /// The registry's automaton and the names claimed twice: the last build's when the
    /// registry is the same, else a new one (and every page must be rendered again).
    pub fn matcher(&mut self, registry: &Registry) -> (Arc<Matcher>, Vec<Diagnostic>) {
        if let Some(cached) = self
            .automaton
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
        self.automaton = Some(CachedAutomaton {
            registry: registry.clone(),
            matcher: matcher.clone(),
            claims: claims.clone(),
        });
        (matcher, claims)
    }

    /// Every page's Markdown rendered, on every core, reusing the renderings of pages whose
    /// text has not changed since the last build.
    pub fn render_markdown(
        &mut self,
        content: &Content,
        base: &BaseUrl,
        entities: Option<Entities>,
    ) -> Vec<Rendered> {
        let renderer = MarkdownRenderer::new(entities);
        let rendered: Vec<Rendered> = content
            .pages
            .par_iter()
            .map(|page| {
                let source = Source {
                    path: &page.path,
                    first_line: page.body_line,
                    link_prefix: base.prefix(),
                };
                match self.pages.get(&page.path) {
                    Some(cached)
                        if cached.body == page.body
                            && cached.first_line == source.first_line
                            && cached.link_prefix == source.link_prefix =>
                    {
                        cached.rendered.clone()
                    }
                    _ => renderer.render(&page.body, source),
                }
            })
            .collect();
        if !self.keep {
            return rendered;
        }
        self.pages = content
            .pages
            .iter()
            .zip(&rendered)
            .map(|(page, rendered)| {
                let cached = CachedPage {
                    body: page.body.clone(),
                    first_line: page.body_line,
                    link_prefix: base.prefix().to_string(),
                    rendered: rendered.clone(),
                };
                (page.path.clone(), cached)
            })
            .collect();
        rendered
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Page, PageKind};
    use crate::entity::test_support::{entity, registry};

    fn site(bodies: &[&str]) -> Content {
        let mut content = Content::default();
        for (i, body) in bodies.iter().enumerate() {
            let mut page = Page::generated(
                PageKind::Document,
                &format!("documents/d{i}/"),
                PathBuf::from(format!("content/documents/d{i}.md")),
                format!("D{i}"),
            );
            page.body = body.to_string();
            content.pages.push(page);
        }
        content
    }

    fn build(cache: &mut BuildCache, content: &Content, registry: &Registry) -> Vec<String> {
        let base = BaseUrl::parse("/").unwrap();
        let (matcher, _) = cache.matcher(registry);
        let entities = Entities {
            registry,
            matcher: &matcher,
        };
        cache
            .render_markdown(content, &base, Some(entities))
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
        assert!(cache.automaton.is_none() && cache.pages.is_empty());
    }
}

//! What one build keeps for the next, so that `serve` redoes only what an edit changed: the
//! registry's name lookup (rebuilt only when the registry changes), what was read of each
//! page ([`PageAnalysis`], read again only when its file or the registry changes) and the
//! pages rendered by the last good build. A one-off `annals build` uses a cache that keeps
//! nothing: copying the site into it would be waste.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::analyse::{Analyser, Input, PageAnalysis};
use crate::content::{Content, Page, PageId};
use crate::diagnostic::Diagnostic;
use crate::entity::matcher::Matcher;
use crate::entity::{Entity, EntityId, Registry};
use crate::render::memo::RenderMemo;
use crate::reread::FileMemo;

#[derive(Default)]
pub struct BuildCache {
    /// Whether builds fill the cache (`serve`), or only read nothing from it (`build`).
    keep: bool,
    matcher: Option<CachedMatcher>,
    /// Whether this build's registry is the last build's (and so is its name lookup).
    registry_kept: bool,
    pages: HashMap<PathBuf, CachedPage>,
    /// The rendered pages of the last good build (`serve` only).
    memo: Option<RenderMemo>,
    /// What each content file and registry entry gave when last read.
    files_read: FilesRead,
}

/// What the last build read of each file, by kind: pages, and the registry's entries.
#[derive(Default)]
pub(crate) struct FilesRead {
    pub pages: FileMemo<Option<Page>>,
    pub entries: FileMemo<Option<Entity>>,
    pub lock: FileMemo<Option<crate::addresses::Lock>>,
}

struct CachedMatcher {
    registry: Registry,
    matcher: Arc<Matcher>,
    /// The names two entities both claim, found while building it.
    claims: Vec<Diagnostic>,
}

/// An entry as the pages are read with it: without the texts its own page shows.
fn without_texts(entity: &Entity) -> Entity {
    Entity {
        summary: None,
        source: None,
        body: String::new(),
        ..entity.clone()
    }
}

/// The pages a rebuild read again, the registry and the set of pages being the last build's.
#[derive(Debug, Clone, Default)]
pub struct ChangedPages {
    pub pages: Vec<PageId>,
    /// The entities those pages named before the edit or name after it.
    pub named: Vec<EntityId>,
}

/// What was read of a page and everything it was read from.
struct CachedPage {
    input: Input,
    analysis: PageAnalysis,
}

impl BuildCache {
    /// A cache that keeps each build's work for the next.
    pub fn for_rebuilds() -> Self {
        BuildCache {
            keep: true,
            memo: Some(RenderMemo::default()),
            files_read: FilesRead {
                pages: FileMemo::kept(),
                entries: FileMemo::kept(),
                lock: FileMemo::kept(),
            },
            ..BuildCache::default()
        }
    }

    /// What the last build read of each file, for this one to take where a file has not
    /// changed; given back with [`BuildCache::files_read_now`].
    pub(crate) fn files_read(&mut self) -> FilesRead {
        std::mem::take(&mut self.files_read)
    }

    pub(crate) fn files_read_now(&mut self, files: FilesRead) {
        self.files_read = files;
    }

    /// `paragraphs.lock` as the last build read it, where the file is as it was.
    pub(crate) fn lock_read(&mut self) -> &mut FileMemo<Option<crate::addresses::Lock>> {
        &mut self.files_read.lock
    }

    /// Whether what is read of the pages is kept for the next build (and so the pages'
    /// Markdown with it, to compare).
    pub fn keeps_pages(&self) -> bool {
        self.keep
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
    /// registry is the same, else a new one (and every page must be read again).
    pub fn matcher(&mut self, registry: &Registry) -> (Arc<Matcher>, Vec<Diagnostic>) {
        self.registry_kept = (self.matcher.as_ref())
            .is_some_and(|cached| cached.registry.entities == registry.entities);
        // An edit of an entry's summary, source or text finds no name and reads no page
        // differently: the pages need not be read again, though the entry's page changes.
        let reads_alike = |cached: &&mut CachedMatcher| {
            (cached.registry.entities.len() == registry.entities.len())
                && (cached.registry.entities.iter())
                    .zip(&registry.entities)
                    .all(|(was, is)| was == is || without_texts(was) == without_texts(is))
        };
        if let Some(cached) = self.matcher.as_mut().filter(reads_alike) {
            if !self.registry_kept {
                cached.registry = registry.clone();
            }
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

    /// What the last build read of `page`, if it read the same input (see [`Input`]).
    pub fn recall(&self, page: &Page, analyser: &Analyser) -> Option<PageAnalysis> {
        self.pages
            .get(&page.path)
            .filter(|cached| cached.input.is_of(page, analyser))
            .map(|cached| cached.analysis.clone())
    }

    /// What an edit may have changed beyond the pages edited, or `None` when it may have
    /// changed anything: the registry changed, pages came or went, or nothing is kept. Asked
    /// before [`BuildCache::remember`], with this build's `analyses` and whether each was
    /// `recalled`.
    pub fn changes(
        &self,
        content: &Content,
        (analyses, recalled): (&[PageAnalysis], &[bool]),
    ) -> Option<ChangedPages> {
        let same_pages = self.keep
            && self.registry_kept
            && self.pages.len() == content.pages.len()
            && (content.pages.iter()).all(|page| self.pages.contains_key(&page.path));
        if !same_pages {
            return None;
        }
        let pages: Vec<PageId> = (content.ids())
            .filter(|&id| !recalled[id.index()])
            .collect();
        let before = |id: PageId| &self.pages[&content.pages[id].path].analysis;
        let named = (pages.iter())
            .flat_map(|&id| {
                before(id)
                    .entities_named()
                    .chain(analyses[id.index()].entities_named())
            })
            .collect();
        Some(ChangedPages { pages, named })
    }

    /// Keeps what was read of every page (`analyses`, in the order of the pages) for the
    /// next build: what was read again, and what was `recalled` as it is kept already; a
    /// one-off build keeps nothing.
    /// The build's paragraph addresses are now the lock's: each page kept was read with the
    /// addresses it gave itself, so the next build, reading the lock, finds its reading the
    /// same (and not every page to read again after the lock is first written).
    pub fn addresses_written(&mut self) {
        for cached in self.pages.values_mut() {
            let given = &cached.analysis.addresses;
            let locked = !given.paragraphs.is_empty() || !given.gone.is_empty();
            cached.input.addresses = locked.then(|| given.clone());
        }
    }

    pub fn remember(
        &mut self,
        content: &Content,
        (analyses, recalled): (&[PageAnalysis], &[bool]),
        analyser: &Analyser,
    ) {
        if !self.keep {
            return;
        }
        let mut last = std::mem::take(&mut self.pages);
        self.pages = (content.pages.iter().zip(analyses).zip(recalled))
            .map(|((page, analysis), &recalled)| {
                let kept = last.remove(&page.path).filter(|_| recalled);
                let cached = kept.unwrap_or_else(|| CachedPage {
                    input: analyser.input(page),
                    analysis: analysis.clone(),
                });
                (page.path.clone(), cached)
            })
            .collect();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cite::PageReferences;
    use crate::content::PageKind;
    use crate::entity::annotate::Entities;
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

    /// Every page read through the cache, as the build's analyse stage reads them.
    fn read(cache: &mut BuildCache, content: &Content, registry: &Registry) -> Vec<PageAnalysis> {
        let (matcher, _) = cache.matcher(registry);
        let entities = Entities {
            registry,
            matcher: &matcher,
        };
        let analyser = Analyser::new(registry, Some(entities), "/");
        let (analyses, recalled): (Vec<PageAnalysis>, Vec<bool>) = (content.pages.iter())
            .map(|page| match cache.recall(page, &analyser) {
                Some(analysis) => (analysis, true),
                None => (analyser.page(page), false),
            })
            .unzip();
        cache.remember(content, (&analyses, &recalled), &analyser);
        analyses
    }

    /// The first build of a site without `paragraphs.lock` writes one: the pages it read are
    /// then the lock's, and the next build reads none of them again.
    #[test]
    fn pages_read_before_the_lock_is_written_are_its_pages_after() {
        let mut cache = BuildCache::for_rebuilds();
        let people = registry(Vec::new());
        let content = site(&["One paragraph.\n\nAnother.", "A third."]);
        let analyses = read(&mut cache, &content, &people);
        let lock = crate::addresses::Lock {
            pages: (content.pages.iter().zip(&analyses))
                .map(|(page, analysis)| (page.site_path.clone(), analysis.addresses.clone()))
                .collect(),
        };
        let (matcher, _) = cache.matcher(&people);
        let entities = Entities {
            registry: &people,
            matcher: &matcher,
        };
        let analyser = Analyser::new(&people, Some(entities), "/").keeping_addresses(&lock);
        let recalled = |cache: &BuildCache| {
            (content.pages.iter())
                .filter(|page| cache.recall(page, &analyser).is_some())
                .count()
        };
        assert_eq!(recalled(&cache), 0, "read without the lock");
        cache.addresses_written();
        assert_eq!(recalled(&cache), 2);
    }

    const DATED: &str = "On 12 March 1921 Lenin spoke to the congress of the revolt at Kronstadt and of the tax in kind.[^1]\n\n[^1]: Paul Avrich, *Kronstadt 1921* (Princeton, 1970), p. 3.";

    /// What its front matter says of a page is read with it: a declared gap or a name's
    /// meaning, added in `serve`, reads the page again.
    #[test]
    fn a_page_whose_declarations_change_is_read_again() {
        let mut cache = BuildCache::for_rebuilds();
        let people = registry(vec![entity(
            "person",
            "lenin",
            "Vladimir Lenin",
            &["Lenin"],
        )]);
        let mut content = named_site(&[("letter", "Lenin wrote.[^lost]")]);
        let before = read(&mut cache, &content, &people);
        assert_eq!(before[0].rendered.diagnostics.len(), 1);
        content.pages[0].gaps.missing_notes = Some(2);
        let after = read(&mut cache, &content, &people);
        assert!(
            after[0].rendered.diagnostics.is_empty(),
            "{:?}",
            after[0].rendered.diagnostics
        );
        content.pages[0].front.unlinked_names = vec!["Lenin".into()];
        assert!(
            cache
                .recall(&content.pages[0], &Analyser::new(&people, None, "/"))
                .is_none()
        );
    }

    #[test]
    fn a_kept_page_keeps_its_statements_and_citations_wherever_it_stands() {
        let mut cache = BuildCache::for_rebuilds();
        let people = registry(vec![entity(
            "person",
            "lenin",
            "Vladimir Lenin",
            &["Lenin"],
        )]);
        let first = read(&mut cache, &named_site(&[("speech", DATED)]), &people);
        assert_eq!(first[0].statements.len(), 1, "{:?}", first[0].statements);
        assert_ne!(first[0].references, PageReferences::default());

        // A page put before it: the speech is read as it was, at its new index.
        let moved = read(
            &mut cache,
            &named_site(&[("preface", "A preface."), ("speech", DATED)]),
            &people,
        );
        assert!(moved[0].statements.is_empty());
        assert_eq!(moved[1].statements, first[0].statements);
        assert_eq!(moved[1].references, first[0].references);

        // Edited, it is read again.
        let edited = DATED.replace("1921", "1922");
        let again = read(
            &mut cache,
            &named_site(&[("preface", "A preface."), ("speech", &edited)]),
            &people,
        );
        let year = again[1].statements[0].date.start.map(|p| p.year);
        assert_eq!(year, Some(1922));
        assert_ne!(
            again[1].references, first[0].references,
            "*Kronstadt 1922* now"
        );
    }

    fn build(cache: &mut BuildCache, content: &Content, registry: &Registry) -> Vec<String> {
        read(cache, content, registry)
            .into_iter()
            .map(|analysis| analysis.rendered.html)
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
    fn an_entrys_summary_edited_reads_no_page_again_and_an_alias_added_reads_them_all() {
        let mut cache = BuildCache::for_rebuilds();
        let lenin = entity("person", "lenin", "Vladimir Lenin", &["Lenin"]);
        let content = site(&["Lenin wrote.", "Ilyich answered."]);
        read(&mut cache, &content, &registry(vec![lenin.clone()]));

        let summarised = Entity {
            summary: Some("Leader of the party.".into()),
            body: "A longer text.".into(),
            ..lenin.clone()
        };
        let people = registry(vec![summarised]);
        cache.matcher(&people);
        assert!(!cache.registry_kept, "the entry's page changes");
        assert_eq!(cache.pages.len(), 2, "no page is read again");

        let named = entity("person", "lenin", "Vladimir Lenin", &["Lenin", "Ilyich"]);
        let again = read(&mut cache, &content, &registry(vec![named]));
        assert!(
            again[1].rendered.html.contains("/people/lenin/"),
            "{}",
            again[1].rendered.html
        );
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

//! The stages `build::prepare_with` runs, in order, each giving plain data to the next:
//! `load` (content, templates, registry), `analyse` (each page on its own: its Markdown,
//! names, notes, citations and dated statements; the registry's texts), `index` (what
//! needs every page: the works cited, the timeline), `render` (every kind of page at once)
//! and `publish` (feed, sitemap, robots.txt, copied files).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::{BuildOptions, KnownMissing, Summary};
use crate::analyse::{Analyser, PageAnalysis};
use crate::assets;
use crate::cache::{BuildCache, ChangedPages};
use crate::check;
use crate::cite::{self, Citations, PageReferences};
use crate::config::{BaseUrl, Config};
use crate::content::{self, Content, Page, PageId, PageKind};
use crate::data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::entity::annotate::Entities;
use crate::entity::matcher::{Matcher, Mention};
use crate::entity::{self, Registry};
use crate::markdown::{NoteStatus, Rendered, ShortText, read_entity_text};
use crate::mentions::{by_entity, source_pages};
use crate::publish;
use crate::render::entities::EntityPages;
use crate::render::memo::{RenderMemo, Shared, fingerprint_with};
use crate::render::sources::SourcesPages;
use crate::render::timeline::TimelinePage;
use crate::render::{SiteRenderer, SiteView, Templates};
use crate::search;
use crate::timeline::conflict::{Conflict, Disagreement};
use crate::timeline::{self, Entry, EntryView};
use crate::write::{OutputFile, Sink};

/// What the sources are: the content, the templates, the registry and its name lookup.
pub(super) struct Loaded {
    content: Content,
    /// `None` when they did not load (the problems are in the diagnostics).
    templates: Option<Templates>,
    registry: Registry,
    matcher: Arc<Matcher>,
}

/// What was read of each page on its own, by `PageId`, and of the registry's texts.
pub(super) struct Analysed {
    /// Each page's analysis; `index` takes its references and statements.
    pages: Vec<PageAnalysis>,
    /// Each page's HTML, read by its own page alone: taken out of what every stage reads,
    /// it is let go as soon as that page is made, rather than held while the search index
    /// and the registry's pages are made.
    bodies_html: Vec<Mutex<String>>,
    /// The registry's own texts (biographies, descriptions, definitions), each read once:
    /// their HTML, words and `doc:` links, by entity.
    registry_texts: Vec<ShortText>,
    /// In a rebuild that read only some pages again, which, and the entities they named.
    changed: Option<ChangedPages>,
}

/// What needs every page: the works cited, the timeline.
pub(super) struct Indexed {
    citations: Citations,
    /// The timeline's entries in date order, and each entity's share of them.
    entries: Vec<Entry>,
    slices: Vec<Vec<usize>>,
    /// The events whose sources give dates that cannot all be right.
    conflicts: Vec<Conflict>,
}

/// Everything the render stage reads, borrowed from the stages before it.
pub(super) struct Site<'a> {
    config: &'a Config,
    base: &'a BaseUrl,
    loaded: &'a Loaded,
    analysed: &'a Analysed,
    indexed: &'a Indexed,
    timeline: Vec<EntryView<'a>>,
    /// Each entity's mentions, for its page and for the open data.
    mentions: Vec<Vec<(PageId, &'a Mention)>>,
    /// In a rebuild after an edit of some pages' text, the entities whose pages it may have
    /// changed; `None` when it may have changed any.
    touched: Option<Vec<bool>>,
}

/// Times the stages of a build, each from the end of the one before.
pub(super) struct StageClock {
    last: Instant,
    pub(super) laps: Vec<(&'static str, Duration)>,
}

impl StageClock {
    pub(super) fn new() -> Self {
        StageClock {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    pub(super) fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }

    /// The next lap starts now (after stages timed on their own).
    pub(super) fn restart(&mut self) {
        self.last = Instant::now();
    }
}

/// The site's content, templates and registry with its name lookup (the last build's, from
/// `cache`, while the registry is unchanged): the pages and the registry are read side by
/// side. The home page and the list of documents are made when the content has none.
pub(super) fn load(
    options: &BuildOptions,
    config: &Config,
    cache: &mut BuildCache,
    diagnostics: &mut Diagnostics,
) -> Loaded {
    let shown = |p: &Path| options.shown(p);
    let mut content_problems = Diagnostics::default();
    let mut registry_problems = Diagnostics::default();
    let mut read = cache.files_read();
    let ((mut content, templates), (registry, matcher)) = rayon::join(
        || {
            let pages = (options.drafts, &mut read.pages);
            let content = content::load(&options.root, &shown, pages, &mut content_problems);
            (content, Templates::load(&options.root, &shown))
        },
        || {
            let content_dir = options.root.join(content::CONTENT_DIR);
            let entries = (options.drafts, &mut read.entries);
            let registry = entity::load(&content_dir, &shown, entries, &mut registry_problems);
            let (matcher, claims) = cache.matcher(&registry);
            registry_problems.extend(claims);
            (registry, matcher)
        },
    );
    cache.files_read_now(read);
    diagnostics.extend(content_problems);
    diagnostics.extend(registry_problems);
    add_missing_index_pages(&mut content, config, &options.root, &shown);
    diagnostics.extend(check::pages_among_generated(&content, config));
    let templates = templates
        .map_err(|problems| diagnostics.extend(problems))
        .ok();
    Loaded {
        content,
        templates,
        registry,
        matcher,
    }
}

/// Every page read on its own, on every core (the cache's reading of a page whose text has
/// not changed taken instead), and the registry's own texts; then the checks that need
/// everything read: surnames left unsettled, `doc:` links to documents or ids the
/// collection lacks.
pub(super) fn analyse(
    loaded: &mut Loaded,
    (config, base): (&Config, &BaseUrl),
    lock: &crate::addresses::Lock,
    cache: &mut BuildCache,
    diagnostics: &mut Diagnostics,
) -> Analysed {
    let entities = (!loaded.registry.is_empty()).then_some(Entities {
        registry: &loaded.registry,
        matcher: &loaded.matcher,
    });
    let analyser = Analyser::new(&loaded.registry, entities, base.prefix())
        .refusing_raw_html(!config.unsafe_html)
        .numbering_notes(config.notes.numbers)
        .linking_implicit(config.link_implicit)
        .reckoning_time(config.reckoning())
        .keeping_addresses(lock);
    let keep_bodies = cache.keeps_pages();
    let recalled = &*cache;
    let (mut pages, recalled): (Vec<PageAnalysis>, Vec<bool>) = loaded
        .content
        .pages
        .par_iter_mut()
        .map(|page| {
            let analysis = match recalled.recall(page, &analyser) {
                Some(analysis) => (analysis, true),
                None => (analyser.page(page), false),
            };
            // Nothing reads a page's Markdown again: a one-off build lets it go at once, so
            // that the collection's whole text is not held beside what is made of it.
            // `serve` keeps it, to tell an edited page from an unchanged one.
            if !keep_bodies {
                page.body = String::new();
            }
            analysis
        })
        .unzip();
    let changed = cache.changes(&loaded.content, (&pages, &recalled));
    cache.remember(&loaded.content, (&pages, &recalled), &analyser);
    let registry_texts: Vec<ShortText> = (loaded.registry.entities.par_iter())
        .map(|entity| {
            read_entity_text(
                (&entity.body, entity.body_line),
                (entity.source.as_deref(), entity.source_line),
                base.prefix(),
            )
        })
        .collect();
    for page in &pages {
        diagnostics.extend(page.rendered.diagnostics.iter().cloned());
    }
    diagnostics.extend(check::unresolved_warnings(&loaded.registry, &pages));
    diagnostics.extend(check::broken_document_links(
        &loaded.content,
        &pages,
        (&loaded.registry, &registry_texts),
    ));
    diagnostics.extend(check::refused_registry_links(
        &loaded.registry,
        &registry_texts,
    ));
    let bodies_html = pages
        .iter_mut()
        .map(|page| Mutex::new(std::mem::take(&mut page.rendered.html)))
        .collect();
    Analysed {
        pages,
        bodies_html,
        registry_texts,
        changed,
    }
}

/// The events whose sources disagree on their dates, as `check --conflicts` lists them.
pub(super) fn disagreements(loaded: &Loaded, indexed: &Indexed) -> Vec<Disagreement> {
    timeline::conflict::disagreements(
        &indexed.conflicts,
        &indexed.entries,
        &loaded.registry,
        &loaded.content,
    )
}

/// The names the analysed pages give that the registry does not hold.
pub(super) fn name_candidates(
    loaded: &Loaded,
    analysed: &Analysed,
) -> Vec<crate::names::Candidate> {
    crate::names::candidates(&loaded.content, &analysed.pages, &loaded.registry)
}

/// The works cited and the timeline: both read the analysed pages, not each other, so they
/// are made together.
pub(super) fn index(
    options: &BuildOptions,
    loaded: &Loaded,
    analysed: &mut Analysed,
    diagnostics: &mut Diagnostics,
) -> Indexed {
    let Loaded {
        content,
        registry,
        matcher,
        ..
    } = loaded;
    let references: Vec<PageReferences> = (analysed.pages.iter_mut())
        .map(|page| std::mem::take(&mut page.references))
        .collect();
    let statements: Vec<Vec<Entry>> = (analysed.pages.iter_mut())
        .map(|page| std::mem::take(&mut page.statements))
        .collect();
    let rendered: Vec<&Rendered> = analysed.pages.iter().map(|page| &page.rendered).collect();
    let mut cite_problems = Diagnostics::default();
    let (citations, (entries, slices)) = rayon::join(
        || {
            cite_works(
                options,
                content,
                (&rendered, references),
                &mut cite_problems,
            )
        },
        || {
            let entries = timeline::assemble(
                (registry, matcher, &analysed.registry_texts),
                content,
                statements,
            );
            let slices = timeline::by_entity(&entries, registry.entities.len());
            (entries, slices)
        },
    );
    diagnostics.extend(cite_problems);
    let conflicts = timeline::conflict::find(&entries, &slices, (registry, matcher));
    Indexed {
        citations,
        entries,
        slices,
        conflicts,
    }
}

impl<'a> Site<'a> {
    pub(super) fn new(
        config: &'a Config,
        base: &'a BaseUrl,
        loaded: &'a Loaded,
        analysed: &'a Analysed,
        indexed: &'a Indexed,
    ) -> Self {
        // The views borrow the entries, so they are made once the entries are (on every core).
        let timeline = timeline::views(
            (&indexed.entries, &indexed.conflicts),
            &loaded.registry,
            &loaded.content,
            base,
        );
        let mentions = by_entity(
            &source_pages(&loaded.content, &analysed.pages),
            loaded.registry.entities.len(),
        );
        let touched = (analysed.changed.as_ref())
            .map(|changed| touched_entities(changed, &loaded.registry, &indexed.entries));
        Site {
            config,
            base,
            loaded,
            analysed,
            indexed,
            timeline,
            mentions,
            touched,
        }
    }
}

/// The entities whose pages an edit of some pages' text may have changed, the registry and
/// the set of pages being the same: those the pages named before the edit or name now, in
/// their text or in a dated statement, and those of the timeline's entries that stand in
/// them (an event whose `source` links one of its paragraphs). Every event and group is
/// touched besides when the timeline's entries changed (`render::entities`).
fn touched_entities(changed: &ChangedPages, registry: &Registry, entries: &[Entry]) -> Vec<bool> {
    let mut touched = vec![false; registry.entities.len()];
    for &entity in &changed.named {
        touched[entity.index()] = true;
    }
    let in_changed = |entry: &&Entry| entry.page.is_some_and(|page| changed.pages.contains(&page));
    for entry in entries.iter().filter(in_changed) {
        for entity in entry.entity.iter().chain(&entry.mentions) {
            touched[entity.index()] = true;
        }
    }
    touched
}

/// What one stage of rendering gives: its files, or every distinct problem it met.
type Rendering = Result<Vec<OutputFile>, Vec<Diagnostic>>;
type RenderStage<'a> = &'a (dyn Fn() -> Rendering + Sync);

/// Which of the site's files a rendering makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    All,
    /// The pages readers see, first (`serve` shows them at once).
    Pages,
    /// What the pages fetch or no page shows: the search index, the open data.
    Later,
}

/// Every kind of page in `part`, rendered at once: each stage is parallel within, and
/// running them side by side keeps both cores busy through the stages that are not. `None`
/// when one of them met errors (they are in `diagnostics`). `memo` holds the last build's
/// pages, where `serve` keeps them.
pub(super) fn render(
    site: &Site,
    (part, memo): (Part, Option<&RenderMemo>),
    sink: &Sink,
    clock: &mut StageClock,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let Loaded {
        content, registry, ..
    } = site.loaded;
    let renderer = SiteRenderer {
        config: site.config,
        base: site.base,
        content,
        pages: &site.analysed.pages,
        templates: site.loaded.templates.as_ref()?,
        registry,
        timeline: &site.timeline,
        citations: &site.indexed.citations,
        sink,
        memo,
        outline: std::sync::OnceLock::new(),
    };
    let site_view = renderer.site_view();
    let timeline_page = TimelinePage {
        site: &renderer,
        entries: &site.indexed.entries,
        views: &site.timeline,
    };
    let entity_pages = EntityPages {
        site: &renderer,
        bodies: &site.analysed.registry_texts,
        timeline: &site.indexed.slices,
        mentions: &site.mentions,
        touched: site.touched.as_deref(),
        entries: &site.indexed.entries,
    };
    let search = site.config.search;
    let stages: [(&'static str, Part, RenderStage); 7] = [
        ("pages", Part::Pages, &|| {
            let changed = site.analysed.changed.as_ref();
            render_pages(
                (&renderer, &site_view),
                (&site.analysed.bodies_html, changed),
            )
        }),
        ("search page", Part::Pages, &|| match search {
            true => (renderer.render_search(&site_view))
                .map(|page| vec![OutputFile::bytes("search/index.html", page)])
                .map_err(|p| vec![p]),
            false => Ok(Vec::new()),
        }),
        // The search index reads the pages' text, not their HTML: it is one more stage.
        ("search index", Part::Later, &|| match search {
            true => search_index(&renderer, &site.analysed.registry_texts).map_err(|p| vec![p]),
            false => Ok(Vec::new()),
        }),
        ("timeline page", Part::Pages, &|| {
            timeline_page.render(&site_view).map_err(|p| vec![p])
        }),
        ("registry pages", Part::Pages, &|| {
            entity_pages.render(&site_view)
        }),
        ("sources pages", Part::Pages, &|| {
            (SourcesPages { site: &renderer }).render(&site_view)
        }),
        ("open data", Part::Later, &|| {
            data::files(
                registry,
                content,
                renderer.pages,
                &site.mentions,
                site.base,
                sink,
            )
            .map_err(|e| vec![Diagnostic::error("(open data)", format!("{e:#}"))])
        }),
    ];
    let stages: Vec<(&'static str, RenderStage)> = (stages.into_iter())
        .filter(|(_, of, _)| part == Part::All || *of == part)
        .map(|(name, _, stage)| (name, stage))
        .collect();
    run_render_stages(&stages, sink, clock, diagnostics)
}

/// Runs the rendering stages at once, hands their files to `sink` and times each.
fn run_render_stages(
    stages: &[(&'static str, RenderStage)],
    sink: &Sink,
    clock: &mut StageClock,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let results: Vec<(&'static str, Duration, Rendering)> = stages
        .par_iter()
        .map(|(name, stage)| {
            let started = Instant::now();
            let result = stage().and_then(|files| {
                sink.put_all(files).map_err(|e| {
                    vec![Diagnostic::error(
                        "(output)",
                        format!("cannot write: {e:#}"),
                    )]
                })
            });
            (*name, started.elapsed(), result)
        })
        .collect();
    clock.lap("rendering, all kinds of page at once:");
    let mut files = Vec::new();
    for (name, elapsed, result) in results {
        clock.laps.push((name, elapsed));
        match result {
            Ok(rendered) => files.extend(rendered),
            Err(problems) => diagnostics.extend(problems),
        }
    }
    (!diagnostics.has_errors()).then_some(files)
}

/// The sitemap, robots.txt and the feed (made from the files rendered, by their templates),
/// and the files copied as they are. `None` when a template fails (the problem is in
/// `diagnostics`).
pub(super) fn publish(
    options: &BuildOptions,
    site: &Site,
    rendered: &[OutputFile],
    diagnostics: &mut Diagnostics,
) -> Option<Vec<OutputFile>> {
    let content = &site.loaded.content;
    let templates = site.loaded.templates.as_ref()?;
    let mut files = Vec::new();
    for (name, context) in publish::files(site.config, site.base, content, rendered) {
        match templates.render(name, &context) {
            Ok(bytes) => files.push(OutputFile::bytes(name, bytes)),
            Err(e) => diagnostics.push(templates.diagnostic(&e, name)),
        }
    }
    files.extend(assets::files(&options.root, content, diagnostics));
    if !site.config.search {
        // The search's own files (its stemmer) go with the search.
        files.retain(|file| !file.path.starts_with("search/"));
    }
    (!diagnostics.has_errors()).then_some(files)
}

/// A site without `content/_index.md` or `content/documents/_index.md` still has a home page
/// and a list of documents.
fn add_missing_index_pages(
    content: &mut Content,
    config: &Config,
    root: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
) {
    let defaults = [
        (PageKind::Home, "", "_index.md", config.title.clone()),
        (
            PageKind::DocumentIndex,
            "documents/",
            "documents/_index.md",
            "Documents".to_string(),
        ),
    ];
    for (kind, site_path, file, title) in defaults {
        if content.find(kind).is_none() {
            content.pages.push(Page::generated(
                kind,
                site_path,
                shown(&root.join(content::CONTENT_DIR).join(file)),
                title,
            ));
        }
    }
    for page in &mut content.pages {
        if page.kind == PageKind::Home && page.front.title.is_none() {
            page.title = config.title.clone();
        }
    }
}

/// The search page and the search index of the documents, their notes and the registry.
fn search_index(
    renderer: &SiteRenderer,
    registry_texts: &[ShortText],
) -> Result<Vec<OutputFile>, Diagnostic> {
    search::index(
        search::Sources {
            content: renderer.content,
            pages: renderer.pages,
            registry: renderer.registry,
            registry_texts,
        },
        renderer.sink,
    )
    .map_err(|e| Diagnostic::error("(search index)", format!("cannot write: {e:#}")))
}

/// The `cite` stage: the registry of works, then every note read for what it cites.
fn cite_works(
    options: &BuildOptions,
    content: &Content,
    (rendered, references): (&[&Rendered], Vec<PageReferences>),
    diagnostics: &mut Diagnostics,
) -> Citations {
    let content_dir = options.root.join(content::CONTENT_DIR);
    let entries = cite::registry::load(&content_dir, &|p| options.shown(p), diagnostics);
    let mut problems = Vec::new();
    let citations = cite::analyse(content, rendered, references, &entries, &mut problems);
    diagnostics.extend(problems);
    citations
}

/// Every page of the content, each from its HTML in `bodies_html` (taken: each is made once).
fn render_pages(
    (renderer, site): (&SiteRenderer, &Shared<SiteView>),
    (bodies_html, changed): (&[Mutex<String>], Option<&ChangedPages>),
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let documents = renderer.document_summaries();
    let kept = kept_documents(renderer, site, changed);
    let pages: Vec<Result<OutputFile, Diagnostic>> = (0..renderer.content.pages.len())
        .into_par_iter()
        .map(PageId::new)
        .map(|i| {
            let path = format!("{}index.html", renderer.content.pages[i].site_path);
            let recalled = (kept.as_ref())
                .filter(|(_, changed)| !changed.pages.contains(&i))
                .and_then(|(memo, _)| memo.recall_file(&path));
            if let Some(bytes) = recalled {
                return renderer.put(OutputFile::shared(path, bytes));
            }
            let body =
                std::mem::take(&mut *bodies_html[i].lock().unwrap_or_else(|e| e.into_inner()));
            let html = renderer.render_page(i, &body, site, &documents)?;
            match renderer.memo {
                Some(memo) => {
                    let bytes = bytes::Bytes::from(html);
                    memo.remember_shared(&path, bytes.clone());
                    renderer.put(OutputFile::shared(path, bytes))
                }
                None => renderer.put(OutputFile::bytes(path, html)),
            }
        })
        .collect();
    let mut results = pages;
    results.push(
        renderer
            .render_not_found(site)
            .map(|html| OutputFile::bytes("404.html", html)),
    );
    crate::render::gather(results)
}

/// In a rebuild after an edit of some pages' text, the memo to take the other pages from:
/// when the site's outline, the citations and the registry's names are the last build's, a
/// page whose own reading is the same is the page it was.
fn kept_documents<'a>(
    renderer: &SiteRenderer<'a>,
    site: &Shared<SiteView>,
    changed: Option<&'a ChangedPages>,
) -> Option<(&'a RenderMemo, &'a ChangedPages)> {
    let memo = renderer.memo?;
    let outline = renderer.outline_pieces(site)?;
    let made_from = fingerprint_with(outline.iter().map(Vec::as_slice), renderer.citations);
    (memo.same_documents(made_from))
        .then_some(memo)
        .zip(changed)
}

/// The notes without a marker that the documents declare, by document.
fn known_uncited_notes(
    content: &Content,
    pages: &[PageAnalysis],
) -> Vec<(std::path::PathBuf, Vec<String>, String)> {
    let mut known = Vec::new();
    for (page, analysis) in content.pages.iter().zip(pages) {
        let Some(reason) = &page.front.uncited_notes else {
            continue;
        };
        let uncited: Vec<String> = (analysis.rendered.notes.iter())
            .filter(|n| n.status == NoteStatus::Uncited)
            .map(|n| n.shown.clone())
            .collect();
        if !uncited.is_empty() {
            known.push((page.path.clone(), uncited, reason.clone()));
        }
    }
    known
}

/// Every page's paragraph addresses, for `paragraphs.lock`.
pub(super) fn addresses(loaded: &Loaded, analysed: &Analysed) -> crate::addresses::Lock {
    let pages = (loaded.content.pages.iter())
        .zip(&analysed.pages)
        .filter(|(_, analysis)| {
            !analysis.addresses.paragraphs.is_empty() || !analysis.addresses.gone.is_empty()
        })
        .map(|(page, analysis)| (page.site_path.clone(), analysis.addresses.clone()))
        .collect();
    crate::addresses::Lock { pages }
}

/// The missing notes the documents declare, grouped by the reason they give.
fn known_missing_notes(content: &Content, pages: &[PageAnalysis]) -> Vec<KnownMissing> {
    let mut known: Vec<KnownMissing> = Vec::new();
    for (page, analysis) in content.pages.iter().zip(pages) {
        let Some(reason) = &page.front.missing_notes else {
            continue;
        };
        let missing = (analysis.rendered.notes.iter())
            .filter(|n| n.status == NoteStatus::Missing)
            .count();
        if missing == 0 {
            continue;
        }
        let document = (page.path.clone(), missing);
        match known.iter_mut().find(|k| &k.reason == reason) {
            Some(group) => group.documents.push(document),
            None => known.push(KnownMissing {
                reason: reason.clone(),
                documents: vec![document],
            }),
        }
    }
    known
}

/// The summary's figures: pages and files made, documents, mentions, notes.
pub(super) fn summarise(
    loaded: &Loaded,
    analysed: &Analysed,
    files: &[OutputFile],
    elapsed: Duration,
) -> Summary {
    let content = &loaded.content;
    let pages = &analysed.pages;
    let count = |kind: PageKind| content.pages.iter().filter(|p| p.kind == kind).count();
    let notes = pages.iter().flat_map(|page| &page.rendered.notes);
    Summary {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        documents: count(PageKind::Document) + count(PageKind::Collection),
        chapters: count(PageKind::Chapter),
        entities: entity::counts(&loaded.registry)
            .into_iter()
            .map(|(kind, count)| (kind.key(), kind.folder(), count))
            .collect(),
        mentions: pages.iter().map(|page| page.mentions().len()).sum(),
        files: files.len(),
        bytes: None,
        notes: notes
            .clone()
            .filter(|n| n.status != NoteStatus::Missing)
            .count(),
        missing_notes: notes.filter(|n| n.status == NoteStatus::Missing).count(),
        known_missing_notes: known_missing_notes(content, pages),
        known_uncited_notes: known_uncited_notes(content, pages),
        elapsed,
        stages: Vec::new(),
        later_stages: Vec::new(),
        unchanged_pages: 0,
    }
}

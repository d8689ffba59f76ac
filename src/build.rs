//! The build, stage by stage: load the configuration and the content, render every page's
//! Markdown, fill the templates, write the site. `annals check` runs the same stages and
//! stops before writing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cache::{BuildCache, PagesRead};
use crate::cite::{self, Citations, PageReferences};
use crate::config::{self, BaseUrl, Config};
use crate::content::{self, Content, Page, PageKind};
use crate::data;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::entity::annotate::Entities;
use crate::entity::index::by_entity;
use crate::entity::matcher::Matcher;
use crate::entity::{self, Registry};
use crate::markdown::{self, NoteStatus, Rendered, render_plain};
use crate::publish;
use crate::render::entities::{EntityPages, GLOSSARY, source_pages};
use crate::render::sources::{SOURCES_DIR, SourcesPages};
use crate::render::timeline::{TIMELINE_DIR, TimelinePage};
use crate::render::{SiteRenderer, TEMPLATES_DIR, Templates};
use crate::search;
use crate::timeline;
use crate::write::{self, Contents, OutputFile, Sink};

/// The script that shows a note in place (a popover, or a side note in the margin).
pub const NOTES_SCRIPT: &str = "notes.js";

/// The default stylesheet and scripts, used unless the site's `static/` has its own.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("search.js", include_bytes!("../static/search.js")),
    (
        "search-index.js",
        include_bytes!("../static/search-index.js"),
    ),
    ("timeline.js", include_bytes!("../static/timeline.js")),
    (NOTES_SCRIPT, include_bytes!("../static/notes.js")),
];

pub const STATIC_DIR: &str = "static";
pub const DEFAULT_OUTPUT: &str = "public";

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Where to write; `ROOT/public` when not given.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.toml.
    pub base_url: Option<String>,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.shown(&self.root.join(DEFAULT_OUTPUT)))
    }

    /// How a path under the root is shown in messages: relative to the current folder when
    /// the root is `.`, so that `content/a.md:3:7` can be clicked in a terminal.
    pub fn shown(&self, path: &Path) -> PathBuf {
        if self.root == Path::new(".") {
            path.strip_prefix(".").unwrap_or(path).to_path_buf()
        } else {
            path.to_path_buf()
        }
    }
}

/// The figures of one build, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// HTML pages written, the registry's included.
    pub pages: usize,
    pub documents: usize,
    pub chapters: usize,
    /// Entities of the registry by folder: people, events, groups, terms.
    pub entities: Vec<(&'static str, usize)>,
    pub mentions: usize,
    pub files: usize,
    pub notes: usize,
    pub missing_notes: usize,
    pub elapsed: Duration,
    /// How long each stage took, in order (`annals build --timings`).
    pub stages: Vec<(&'static str, Duration)>,
    /// Pages taken as the last build made them, nothing they show having changed (`serve`).
    pub unchanged_pages: usize,
}

/// Times the stages of a build, each from the end of the one before.
struct StageClock {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl StageClock {
    fn new() -> Self {
        StageClock {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, stage: &'static str) {
        let now = Instant::now();
        self.laps.push((stage, now - self.last));
        self.last = now;
    }

    /// The next lap starts now (after stages timed on their own).
    fn restart(&mut self) {
        self.last = Instant::now();
    }
}

/// What one stage of rendering gives: its files, or every distinct problem it met.
type Rendering = Result<Vec<OutputFile>, Vec<Diagnostic>>;
type RenderStage<'a> = &'a (dyn Fn() -> Rendering + Sync);

/// A site loaded and rendered in memory, ready to be written or checked.
pub struct Built {
    pub files: Vec<OutputFile>,
    pub summary: Summary,
}

/// Runs every stage but the writing. Problems with the content come back in `diagnostics`;
/// `None` means a stage had errors and there is nothing to write.
pub fn prepare(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Option<Built> {
    prepare_with(
        options,
        diagnostics,
        &mut BuildCache::default(),
        &Sink::Memory,
    )
}

/// [`prepare`], reusing what `cache` kept of the last build that is still valid, and
/// handing each rendered file to `sink` as soon as it is made.
pub fn prepare_with(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    cache: &mut BuildCache,
    sink: &Sink,
) -> Option<Built> {
    let started = Instant::now();
    let mut clock = StageClock::new();
    let shown = |p: &Path| options.shown(p);
    let (config, base) = settings(options, diagnostics)?;
    let (mut content, templates, registry, matcher) = load_sources(options, cache, diagnostics);
    add_missing_index_pages(&mut content, &config, &options.root, &shown);
    diagnostics.extend(pages_among_generated(&content, &config));
    let templates = match templates {
        Ok(templates) => Some(templates),
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    };
    let entities = (!registry.is_empty()).then_some(Entities {
        registry: &registry,
        matcher: &matcher,
    });
    clock.lap("load");
    let PagesRead {
        mut rendered,
        references,
        statements,
    } = cache.read_pages(&mut content, &base, &registry, entities);
    // Each page's HTML is read by its own page alone: taken out of what every stage reads,
    // it is let go as soon as that page is made (141 MB at ×100, which the search index and
    // the registry's pages would otherwise be made beside).
    for page in &rendered {
        diagnostics.extend(page.diagnostics.iter().cloned());
    }
    diagnostics.extend(unresolved_warnings(&registry, &rendered));
    diagnostics.extend(broken_document_links(&content, &rendered, &registry));
    let bodies_html: Vec<Mutex<String>> = rendered
        .iter_mut()
        .map(|r| Mutex::new(std::mem::take(&mut r.html)))
        .collect();
    clock.lap("markdown and entities");
    // Citations and the timeline both read the rendered pages, not each other: together.
    let mut cite_problems = Diagnostics::default();
    let ((citations, bodies), (entries, slices)) = rayon::join(
        || {
            (
                cite_works(
                    options,
                    &content,
                    (&rendered, references),
                    &mut cite_problems,
                ),
                render_entity_bodies(&registry, &base),
            )
        },
        || {
            let entries = timeline::assemble(&registry, &content, statements);
            let slices = timeline::by_entity(&entries, registry.entities.len());
            (entries, slices)
        },
    );
    // The views borrow the entries, so they are made once the entries are (on every core).
    let views = timeline::views(&entries, &registry, &content, &base);
    diagnostics.extend(cite_problems);
    if diagnostics.has_errors() {
        return None;
    }
    clock.lap("citations and timeline");
    let templates = templates?;
    let memo = cache.render_memo();
    let renderer = SiteRenderer {
        config: &config,
        base: &base,
        content: &content,
        rendered: &rendered,
        templates: &templates,
        registry: &registry,
        timeline: &views,
        citations: &citations,
        sink,
        memo,
    };
    let site_view = renderer.site_view();
    let timeline_page = TimelinePage {
        site: &renderer,
        entries: &entries,
        views: &views,
    };
    // Each entity's mentions, for its page and for the open data.
    let mentions = by_entity(&source_pages(&content, &rendered), registry.entities.len());
    let entity_pages = EntityPages {
        site: &renderer,
        bodies: &bodies,
        timeline: &slices,
        mentions: &mentions,
    };
    // Every kind of page is rendered at once: each stage is parallel within, and running
    // them side by side keeps both cores busy through the stages that are not.
    let stages: [(&'static str, RenderStage); 6] = [
        ("pages", &|| render_pages(&renderer, &bodies_html)),
        // The search index reads the pages' text, not their HTML: it is one more stage.
        ("search index", &|| {
            if config.search {
                search_files(&renderer).map_err(|p| vec![p])
            } else {
                Ok(Vec::new())
            }
        }),
        ("timeline page", &|| {
            timeline_page.render(&site_view).map_err(|p| vec![p])
        }),
        ("registry pages", &|| entity_pages.render(&site_view)),
        ("sources pages", &|| {
            (SourcesPages { site: &renderer }).render(&site_view)
        }),
        ("open data", &|| {
            data::files(&registry, &content, &rendered, &mentions, &base, sink)
                .map_err(|e| vec![Diagnostic::error("(open data)", format!("{e:#}"))])
        }),
    ];
    let rendered_files = render_stages(&stages, sink, &mut clock, diagnostics);
    let unchanged_pages = cache.pages_rendered(rendered_files.is_some());
    let mut files = rendered_files?;
    clock.restart();
    let published = publish::files(&config, &base, &content, &files);
    files.extend(published);
    files.extend(static_files(&options.root, &content, diagnostics));
    clock.lap("feeds, sitemap, static files");
    let mut summary = summarise(&content, &rendered, &files, started.elapsed());
    summary.entities = entity::counts(&registry).into_iter().collect();
    summary.stages = clock.laps;
    summary.unchanged_pages = unchanged_pages;
    if cache.process_ends() {
        // The system takes the memory back at once when the process ends, where freeing a
        // million allocations one by one takes a fifth of a second at ×100.
        std::mem::forget((mentions, views));
        std::mem::forget((content, rendered, registry, matcher, citations, bodies));
        std::mem::forget((entries, slices, templates));
    }
    Some(Built { files, summary })
}

/// The site's content, templates and registry with its name lookup (the last build's, from
/// `cache`, while the registry is unchanged): the pages and the registry are read side by
/// side.
fn load_sources(
    options: &BuildOptions,
    cache: &mut BuildCache,
    diagnostics: &mut Diagnostics,
) -> (
    Content,
    Result<Templates, Vec<Diagnostic>>,
    Registry,
    Arc<Matcher>,
) {
    let shown = |p: &Path| options.shown(p);
    let mut content_problems = Diagnostics::default();
    let mut registry_problems = Diagnostics::default();
    let ((content, templates), (registry, matcher)) = rayon::join(
        || {
            let content = content::load(&options.root, &shown, &mut content_problems);
            (content, Templates::load(&options.root, &shown))
        },
        || {
            let content_dir = options.root.join(content::CONTENT_DIR);
            let registry = entity::load(&content_dir, &shown, &mut registry_problems);
            let (matcher, claims) = cache.matcher(&registry);
            registry_problems.extend(claims);
            (registry, matcher)
        },
    );
    diagnostics.extend(content_problems);
    diagnostics.extend(registry_problems);
    (content, templates, registry, matcher)
}

/// Runs the rendering stages at once, hands their files to `sink` and times each; `None`
/// when one of them met errors (they are in `diagnostics`).
fn render_stages(
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

/// The site's settings from site.toml, and where it will live: its `base_url`, or
/// `--base-url` when given. `None` when the base URL is not valid (the error is in
/// `diagnostics`).
pub fn settings(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> Option<(Config, BaseUrl)> {
    let config = config::load(
        &options.root,
        options.shown(&options.root.join(config::CONFIG_FILE)),
        diagnostics,
    );
    let base_text = options
        .base_url
        .clone()
        .unwrap_or_else(|| config.base_url.clone());
    match BaseUrl::parse(&base_text) {
        Ok(base) => Some((config, base)),
        Err(message) => {
            if options.base_url.is_some() {
                diagnostics.push(Diagnostic::error("--base-url", message));
            }
            None
        }
    }
}

/// Builds the site and writes it. Errors in the content are in `diagnostics` (and the output
/// is left as it was); an `Err` is a failure to write.
pub fn build(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Option<Summary>> {
    build_with(options, diagnostics, BuildCache::default())
}

/// [`build`] for a process that ends right after it (`annals build`): its memory is left to
/// the system, not freed.
pub fn last_build(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Option<Summary>> {
    build_with(options, diagnostics, BuildCache::for_a_last_build())
}

/// The output folder is replaced whole on every build: it must neither hold the site nor
/// stand in a folder the build reads.
/// `settled` is the output's path as `write::settled` gives it.
fn refuse_output_among_sources(root: &Path, output: &Path, settled: &Path) -> anyhow::Result<()> {
    let Ok(root) = std::fs::canonicalize(root) else {
        // No site there: loading the content says so.
        return Ok(());
    };
    let refuse = |why: String| {
        anyhow::anyhow!(
            "refusing to write into {}: {why}, and the output folder is replaced whole on every build; choose an output folder of its own, such as public/",
            output.display()
        )
    };
    if root.starts_with(settled) {
        return Err(refuse(format!("it holds the site ({})", root.display())));
    }
    for source in [content::CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR] {
        if settled.starts_with(root.join(source)) {
            return Err(refuse(format!("it is in the site's {source}/ folder")));
        }
    }
    Ok(())
}

fn build_with(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    mut cache: BuildCache,
) -> anyhow::Result<Option<Summary>> {
    let started = Instant::now();
    let output = options.output_dir();
    let settled = write::settled(&output)?;
    refuse_output_among_sources(&options.root, &output, &settled)?;
    let staging = write::Staging::begin(&settled)?;
    let sink = staging.sink();
    let Some(built) = prepare_with(options, diagnostics, &mut cache, &sink) else {
        return Ok(None);
    };
    staging.finish(&built.files)?;
    let mut summary = built.summary;
    summary.elapsed = started.elapsed();
    Ok(Some(summary))
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

/// A page of `content/` in a folder that annals fills itself (`content/people.md` at
/// `/people/`) would be overwritten by the generated page, or stand among them.
fn pages_among_generated(content: &Content, config: &Config) -> Vec<Diagnostic> {
    let generated: Vec<&str> = entity::KINDS
        .iter()
        .filter(|kind| kind.own_pages)
        .map(|kind| kind.folder)
        .chain([GLOSSARY, TIMELINE_DIR, SOURCES_DIR, data::DATA_DIR])
        .chain(config.search.then_some(search::SEARCH_DIR))
        .collect();
    content
        .pages
        .iter()
        .filter_map(|page| {
            let folder = page.site_path.split('/').next()?;
            generated.contains(&folder).then(|| {
                Diagnostic::error(
                    &page.path,
                    format!(
                        "this page would be published at /{}, where annals makes its own pages ({folder}/)",
                        page.site_path
                    ),
                )
                .at_line(1)
                .with_help("rename the file, or give it another `slug`")
            })
        })
        .collect()
}

/// The search page and the search index of the documents, their notes and the registry.
fn search_files(renderer: &SiteRenderer) -> Result<Vec<OutputFile>, Diagnostic> {
    let page = renderer.render_search(&renderer.site_view())?;
    let mut files = search::index(
        search::Sources {
            content: renderer.content,
            rendered: renderer.rendered,
            registry: renderer.registry,
        },
        renderer.sink,
    )
    .map_err(|e| Diagnostic::error("(search index)", format!("cannot write: {e:#}")))?;
    files.push(OutputFile::bytes("search/index.html", page));
    Ok(files)
}

/// The `cite` stage: the registry of works, then every note read for what it cites.
fn cite_works(
    options: &BuildOptions,
    content: &Content,
    (rendered, references): (&[Rendered], Vec<PageReferences>),
    diagnostics: &mut Diagnostics,
) -> Citations {
    let content_dir = options.root.join(content::CONTENT_DIR);
    let entries = cite::registry::load(&content_dir, &|p| options.shown(p), diagnostics);
    let mut problems = Vec::new();
    let citations = cite::analyse(content, rendered, references, &entries, &mut problems);
    diagnostics.extend(problems);
    citations
}

/// The biographies and descriptions of the registry, as HTML.
fn render_entity_bodies(registry: &Registry, base: &BaseUrl) -> Vec<String> {
    registry
        .entities
        .par_iter()
        .map(|entity| render_plain(&entity.body, base.prefix()))
        .collect()
}

/// One warning for each ambiguous surname on a page: where it first stands, how often, and
/// who it could be.
fn unresolved_warnings(registry: &Registry, rendered: &[Rendered]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for page in rendered {
        let mut seen: Vec<(&str, usize, &crate::entity::matcher::Unresolved)> = Vec::new();
        for unresolved in &page.unresolved {
            match seen
                .iter_mut()
                .find(|(name, _, _)| *name == unresolved.name)
            {
                Some(entry) => entry.1 += 1,
                None => seen.push((&unresolved.name, 1, unresolved)),
            }
        }
        for (name, count, first) in seen {
            let ids: Vec<&str> = first
                .candidates
                .iter()
                .map(|&c| registry.entities[c].id.as_str())
                .collect();
            let times = if count == 1 {
                String::new()
            } else {
                format!(" ({count} times on this page)")
            };
            warnings.push(
                Diagnostic::warning(
                    &first.path,
                    format!(
                        "`{name}`{times} could be any of {}; it is not linked",
                        ids.join(", ")
                    ),
                )
                .at_line(first.line)
                .with_help(format!(
                    "name the person in full once in the section, or link it: [{name}](person:{})",
                    ids[0]
                )),
            );
        }
    }
    warnings
}

/// A warning for each `doc:` link to a document the collection does not have, or to an id
/// its page does not have.
/// The pages' links are read as they were rendered, the registry's from its entries' texts.
fn broken_document_links(
    content: &Content,
    rendered: &[Rendered],
    registry: &Registry,
) -> Vec<Diagnostic> {
    let by_path: HashMap<&str, usize> = content
        .pages
        .iter()
        .enumerate()
        .map(|(i, page)| (page.site_path.as_str(), i))
        .collect();
    let in_pages = content
        .pages
        .iter()
        .zip(rendered)
        .map(|(page, r)| (&page.path, Cow::Borrowed(&r.document_links[..])));
    let in_registry = registry
        .entities
        .iter()
        .filter(|e| e.body.contains("doc:"))
        .map(|entity| {
            let links = markdown::document_links_in(&entity.body, entity.body_line);
            (&entity.path, Cow::Owned(links))
        });
    let mut warnings = Vec::new();
    for (path, links) in in_pages.chain(in_registry) {
        for link in links.iter() {
            let (problem, help) = match by_path.get(link.site_path().as_str()) {
                None => (
                    format!(
                        "the link `doc:{}` names a document the collection does not have",
                        link.document
                    ),
                    document_link_help(content, &link.document),
                ),
                Some(&target)
                    if !link.fragment.is_empty() && !rendered[target].has_id(&link.fragment) =>
                {
                    (
                        format!(
                            "the link `doc:{}#{}` names an id its document does not have",
                            link.document, link.fragment
                        ),
                        "after `#` name a paragraph (`p-3`), a heading or a note (`fn-2`) of the \
                         document: its page shows each paragraph's id in its link"
                            .to_string(),
                    )
                }
                Some(_) => continue,
            };
            warnings.push(
                Diagnostic::warning(path, problem)
                    .at_line(link.line)
                    .with_help(help),
            );
        }
    }
    warnings
}

/// What to write instead of `doc:PATH`: the document's path in the site, which its `slug`
/// may make differ from its file's path.
fn document_link_help(content: &Content, document: &str) -> String {
    let document = document.strip_suffix(".md").unwrap_or(document);
    let file = Path::new("documents").join(format!("{document}.md"));
    match content.pages.iter().find(|page| page.path.ends_with(&file)) {
        Some(page) => format!(
            "{} lives at `doc:{}`",
            page.path.display(),
            page.site_path
                .trim_start_matches("documents/")
                .trim_end_matches('/')
        ),
        None => "a `doc:` link takes the document's path in the site after documents/ \
                 (`doc:avrich-1984`, `doc:book/chapter`), as its page's address shows it"
            .to_string(),
    }
}

/// Every page of the content, each from its HTML in `bodies_html` (taken: each is made once).
fn render_pages(
    renderer: &SiteRenderer,
    bodies_html: &[Mutex<String>],
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let site = renderer.site_view();
    let documents = renderer.document_summaries();
    let pages: Vec<Result<OutputFile, Diagnostic>> = (0..renderer.content.pages.len())
        .into_par_iter()
        .map(|i| {
            let body =
                std::mem::take(&mut *bodies_html[i].lock().unwrap_or_else(|e| e.into_inner()));
            let html = renderer.render_page(i, &body, &site, &documents)?;
            renderer.put(OutputFile::bytes(
                format!("{}index.html", renderer.content.pages[i].site_path),
                html,
            ))
        })
        .collect();
    let mut results = pages;
    results.push(
        renderer
            .render_not_found(&site)
            .map(|html| OutputFile::bytes("404.html", html)),
    );
    crate::render::gather(results)
}

/// The default stylesheet, the site's `static/` folder, and the non-Markdown files of
/// `content/` (images beside the documents), each copied as it is.
fn static_files(root: &Path, content: &Content, diagnostics: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = DEFAULT_STATIC
        .iter()
        .map(|(path, bytes)| OutputFile::bytes(*path, *bytes))
        .collect();
    let static_dir = root.join(STATIC_DIR);
    if static_dir.is_dir() {
        for entry in walkdir::WalkDir::new(&static_dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    let relative = entry
                        .path()
                        .strip_prefix(&static_dir)
                        .unwrap_or(entry.path());
                    let path = relative
                        .components()
                        .map(|c| c.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    files.retain(|f| f.path != path);
                    files.push(OutputFile {
                        path,
                        contents: Contents::Copy(entry.path().to_path_buf()),
                    });
                }
                Ok(_) => {}
                Err(e) => diagnostics.push(Diagnostic::warning(
                    static_dir.clone(),
                    format!("skipped: {e}"),
                )),
            }
        }
    }
    files.extend(content.assets.iter().map(|asset| OutputFile {
        path: asset.site_path.clone(),
        contents: Contents::Copy(asset.source.clone()),
    }));
    files
}

fn summarise(
    content: &Content,
    rendered: &[Rendered],
    files: &[OutputFile],
    elapsed: Duration,
) -> Summary {
    let count = |kind: PageKind| content.pages.iter().filter(|p| p.kind == kind).count();
    let notes = rendered.iter().flat_map(|r| &r.notes);
    Summary {
        pages: files.iter().filter(|f| f.path.ends_with(".html")).count(),
        documents: count(PageKind::Document) + count(PageKind::Collection),
        chapters: count(PageKind::Chapter),
        entities: Vec::new(),
        mentions: rendered.iter().map(|r| r.mentions.len()).sum(),
        files: files.len(),
        notes: notes
            .clone()
            .filter(|n| n.status != NoteStatus::Missing)
            .count(),
        missing_notes: notes.filter(|n| n.status == NoteStatus::Missing).count(),
        elapsed,
        stages: Vec::new(),
        unchanged_pages: 0,
    }
}

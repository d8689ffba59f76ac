//! Filling the Tera templates: the built-in defaults, overridden file by file by the site's
//! own `templates/`, and the plain view types each template receives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Serialize;
use tera::{Context, ErrorKind, Tera};

use crate::analyse::PageAnalysis;
use crate::cite::Citations;
use crate::config::{BaseUrl, Config};
use crate::content::{Content, Page, PageId, PageKind};
use crate::diagnostic::Diagnostic;
use crate::entity::{EntityId, EntityKind, Registry};
use crate::markdown::{Emendation, Note, NoteStatus, TocEntry, bibliography_slot, marker_for};
use crate::timeline::EntryView;
use crate::write::{OutputFile, Sink};
use memo::{RenderMemo, Shared, Views};

pub mod cite_this;
pub mod entities;
pub mod memo;
pub mod meta;
pub mod sources;
pub mod timeline;

/// The timeline page's filters, compiled into the binary with the stylesheet.
pub const TIMELINE_SCRIPT: &str = "timeline.js";

pub const TEMPLATES_DIR: &str = "templates";
/// Room made for a page before it is rendered: most pages fit, the rest grow as they go.
const PAGE_CAPACITY: usize = 32 * 1024;

/// The files rendered, or every distinct problem met rendering them (a broken template fails
/// every page that uses it alike: it is reported once).
pub fn gather(
    results: impl IntoIterator<Item = Result<OutputFile, Diagnostic>>,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(problem) if !problems.contains(&problem) => problems.push(problem),
            Err(_) => {}
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(problems)
    }
}

/// The default templates, compiled into the binary so a site without `templates/` builds.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("index.html", include_str!("../../templates/index.html")),
    (
        "documents.html",
        include_str!("../../templates/documents.html"),
    ),
    (
        "document.html",
        include_str!("../../templates/document.html"),
    ),
    (
        "collection.html",
        include_str!("../../templates/collection.html"),
    ),
    ("page.html", include_str!("../../templates/page.html")),
    ("404.html", include_str!("../../templates/404.html")),
    ("entity.html", include_str!("../../templates/entity.html")),
    (
        "entities.html",
        include_str!("../../templates/entities.html"),
    ),
    (
        "glossary.html",
        include_str!("../../templates/glossary.html"),
    ),
    (
        "timeline.html",
        include_str!("../../templates/timeline.html"),
    ),
    (
        "timeline-year-page.html",
        include_str!("../../templates/timeline-year-page.html"),
    ),
    (
        "partials/timeline-year.html",
        include_str!("../../templates/partials/timeline-year.html"),
    ),
    (
        "partials/timeline-entry.html",
        include_str!("../../templates/partials/timeline-entry.html"),
    ),
    (
        "partials/notes.html",
        include_str!("../../templates/partials/notes.html"),
    ),
    (
        "partials/corrections.html",
        include_str!("../../templates/partials/corrections.html"),
    ),
    (
        "partials/provenance.html",
        include_str!("../../templates/partials/provenance.html"),
    ),
    (
        "partials/cite-this.html",
        include_str!("../../templates/partials/cite-this.html"),
    ),
    (
        "partials/entities.html",
        include_str!("../../templates/partials/entities.html"),
    ),
    ("search.html", include_str!("../../templates/search.html")),
    (
        "partials/bib-links.html",
        include_str!("../../templates/partials/bib-links.html"),
    ),
    ("atom.xml", include_str!("../../templates/atom.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    ("robots.txt", include_str!("../../templates/robots.txt")),
    (
        "partials/cited-by.html",
        include_str!("../../templates/partials/cited-by.html"),
    ),
    ("sources.html", include_str!("../../templates/sources.html")),
    ("work.html", include_str!("../../templates/work.html")),
    (
        "partials/letters.html",
        include_str!("../../templates/partials/letters.html"),
    ),
];

pub struct Templates {
    tera: Tera,
    /// Where each template came from, for error messages.
    origins: BTreeMap<String, PathBuf>,
    /// Every template's name and text, hashed: a remembered page is only good while they
    /// are the same (see `memo`).
    fingerprint: u64,
}

impl Templates {
    /// The defaults with the site's own templates laid over them.
    pub fn load(
        root: &Path,
        shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    ) -> Result<Templates, Vec<Diagnostic>> {
        let mut sources: BTreeMap<String, String> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        let mut origins: BTreeMap<String, PathBuf> = DEFAULT_TEMPLATES
            .iter()
            .map(|(name, _)| {
                (
                    name.to_string(),
                    PathBuf::from(format!("(built-in) templates/{name}")),
                )
            })
            .collect();
        let mut problems = Vec::new();
        let dir = root.join(TEMPLATES_DIR);
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
                let entry = match entry {
                    Ok(entry) if entry.file_type().is_file() => entry,
                    Ok(_) => continue,
                    Err(e) => {
                        problems.push(Diagnostic::error(
                            shown(&dir),
                            format!("cannot read templates: {e}"),
                        ));
                        continue;
                    }
                };
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .unwrap_or(entry.path())
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                match crate::frontmatter::read_text(entry.path(), &shown(entry.path())) {
                    Ok(text) => {
                        sources.insert(name.clone(), text);
                        origins.insert(name, shown(entry.path()));
                    }
                    Err(problem) => problems.push(problem),
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        let templates = Templates {
            tera: Tera::new(),
            origins,
            fingerprint: memo::templates_fingerprint(
                sources
                    .iter()
                    .map(|(name, text)| (name.as_str(), text.as_str())),
            ),
        };
        match tera.add_raw_templates(sources.iter()) {
            Ok(()) => Ok(Templates { tera, ..templates }),
            Err(e) => Err(vec![templates.diagnostic(&e, "")]),
        }
    }

    /// The page's bytes. Tera writes them as they come; its `render` would check again that
    /// they are UTF-8 (they are: every piece is a `str`), a pass over every page.
    pub fn render(&self, name: &str, context: &Context) -> Result<Vec<u8>, tera::Error> {
        let mut page = Vec::with_capacity(PAGE_CAPACITY);
        self.render_to(name, context, &mut page)?;
        Ok(page)
    }

    /// Writes the page as Tera makes it: for a page too large to hold whole (the timeline).
    /// The error is Tera's: a failure to write (`ErrorKind::Io`) is the output's, any other
    /// the template's ([`Templates::diagnostic`]).
    pub fn render_to(
        &self,
        name: &str,
        context: &Context,
        out: &mut dyn std::io::Write,
    ) -> Result<(), tera::Error> {
        self.tera.render_to(name, context, out)
    }

    /// A Tera error at the template file and line it points to.
    pub fn diagnostic(&self, error: &tera::Error, rendering: &str) -> Diagnostic {
        let origin = |name: &str| {
            self.origins
                .get(name)
                .cloned()
                .unwrap_or_else(|| PathBuf::from(format!("templates/{name}")))
        };
        match error.kind() {
            ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                Diagnostic::error(
                    origin(report.filename()),
                    format!("template error: {}", report.message()),
                )
                .at(report.span().start_line, report.span().start_col + 1)
            }
            // Problems between templates name the template that has them, not a place: the
            // tag is found in its file.
            ErrorKind::MissingParent { current, parent } => {
                let path = origin(current);
                let line = line_holding(&path, &format!("\"{parent}\""));
                Diagnostic::error(path, format!("template error: {error}"))
                    .at_line(line)
                    .with_help(format!("add templates/{parent}, or extend one of the templates annals has (base.html)"))
            }
            ErrorKind::CircularExtend { tpl, .. } | ErrorKind::CircularInclude { tpl, .. } => {
                let path = origin(tpl);
                let (tag, verb) = match error.kind() {
                    ErrorKind::CircularExtend { .. } => ("extends", "extend"),
                    _ => ("include", "include"),
                };
                let line = line_holding(&path, tag);
                Diagnostic::error(path, format!("template error: {error}"))
                    .at_line(line)
                    .with_help(format!(
                        "a template cannot {verb} itself, directly or through others"
                    ))
            }
            ErrorKind::Msg(text) => match locate_report(text) {
                Some((name, line, column, message)) => {
                    Diagnostic::error(origin(name), format!("template error: {message}"))
                        .at(line, column + 1)
                }
                None => Diagnostic::error(origin(rendering), format!("template error: {text}")),
            },
            other => Diagnostic::error(origin(rendering), format!("template error: {other}")),
        }
    }
}

/// The first line of the file at `path` that holds `text`, or 1 (a built-in template, or
/// none holds it).
fn line_holding(path: &Path, text: &str) -> usize {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|source| source.lines().position(|line| line.contains(text)))
        .map_or(1, |index| index + 1)
}

/// Tera reports the problems it finds when it checks the templates together (an unknown
/// filter, a missing parent) as text: `error: MESSAGE` then ` --> NAME:LINE:COL`. The first
/// one is read back into its parts.
fn locate_report(text: &str) -> Option<(&str, usize, usize, &str)> {
    let mut lines = text.lines();
    let message = lines.next()?.trim().trim_start_matches("error:").trim();
    let place = lines.next()?.trim().strip_prefix("-->")?.trim();
    let mut parts = place.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    Some((parts.next()?, line, column, message))
}

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    pub language: String,
    pub author: String,
    pub copyright: String,
    /// The path prefix of every link: `/` or `/annals/`.
    pub base: String,
    /// The absolute URL of the home page, when `base_url` names a host.
    pub permalink: String,
    pub stylesheet: String,
    /// The link to the Atom feed of the documents.
    pub feed: String,
    /// The registry's index pages that the site has, for the navigation.
    pub registers: Vec<NavLink>,
    /// The timeline's page, when the site has dated entries.
    pub timeline: Option<String>,
    /// The list of works cited, when the notes cite any.
    pub sources: Option<String>,
    /// The search page, when the site has one (`search` of site.toml).
    pub search: Option<String>,
    /// `popover` or `side` (`[notes] display` of site.toml).
    pub notes_display: String,
    /// The script that shows notes in place.
    pub notes_script: String,
    pub cite_script: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NavLink {
    pub key: String,
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    pub title: String,
    pub url: String,
    pub authors: Vec<String>,
    pub date: Option<String>,
    pub summary: Option<String>,
    pub kind: PageKind,
    pub chapters: usize,
}

/// Everything a page template receives as `page`.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub kind: PageKind,
    pub title: String,
    pub url: String,
    pub permalink: String,
    pub source_path: String,
    pub authors: Vec<String>,
    /// The original's date, as EDTF (`1923-02-15`), and in words (`15 February 1923`) when
    /// it is a date.
    pub date: Option<String>,
    pub date_human: Option<String>,
    pub publication: Option<String>,
    pub source_url: Option<String>,
    pub translator: Option<String>,
    pub rights: Option<String>,
    pub summary: Option<String>,
    /// The page's language: its own `language`, else the site's.
    pub language: String,
    /// Its own `language` where it differs from the site's: the document's words carry it,
    /// while the page around them (the site's navigation and labels) keeps the site's.
    pub own_language: Option<String>,
    pub content: String,
    pub notes: Vec<NoteView>,
    pub missing_notes: usize,
    /// Why the source lacks them, as the front matter says (`missing_notes`).
    pub missing_notes_reason: Option<String>,
    /// The editor's corrections of the source, listed under the notes.
    pub emendations: Vec<Emendation>,
    /// The documents whose notes cite this one, with the number of notes.
    pub cited_by: Vec<entities::CountedLink>,
    pub toc: Vec<TocEntry>,
    pub breadcrumbs: Vec<Link>,
    pub collection: Option<Link>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    pub chapters: Vec<DocumentSummary>,
    /// The people, events and groups the page names, by kind.
    pub entities: Vec<EntityGroup>,
    /// JSON-LD and Open Graph.
    pub meta: meta::MachineMeta,
    /// How to cite the page, for a source's page.
    pub cite: Option<cite_this::CiteThis>,
    pub extra: toml::Table,
}

/// A note with the works it cites.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    #[serde(flatten)]
    pub note: Note,
    pub cites: Vec<CiteView>,
}

/// One work a note (or a bibliography entry) cites: its page under `/sources/`, and the
/// collection's document when the work is one.
#[derive(Debug, Clone, Serialize)]
pub struct CiteView {
    pub title: String,
    pub url: String,
    pub locator: String,
    pub ibid: bool,
    pub document: Option<Link>,
}

/// Entities of one kind, for a list on a page.
#[derive(Debug, Clone, Serialize)]
pub struct EntityGroup {
    pub kind: String,
    pub label: String,
    pub items: Vec<Link>,
}

/// The site as the templates see it.
pub struct SiteRenderer<'a> {
    pub config: &'a Config,
    pub base: &'a BaseUrl,
    pub content: &'a Content,
    /// What was read of each page: its rendered Markdown, the names it gives.
    pub pages: &'a [PageAnalysis],
    pub templates: &'a Templates,
    pub registry: &'a Registry,
    /// The timeline's entries, in date order.
    pub timeline: &'a [EntryView<'a>],
    pub citations: &'a Citations,
    /// Where each rendered file goes at once (see `write::Sink`).
    pub sink: &'a Sink,
    /// The pages of the last build, for `serve` to take again where nothing they are made
    /// from has changed.
    pub memo: Option<&'a RenderMemo>,
    /// [`SiteRenderer::outline_pieces`], once made (`OnceLock::new()` to begin with).
    pub outline: OnceLock<Option<Vec<Vec<u8>>>>,
}

impl SiteRenderer<'_> {
    /// A rendered file handed to the sink; a failure to write it fails the build.
    pub fn put(&self, file: OutputFile) -> Result<OutputFile, Diagnostic> {
        let path = file.path.clone();
        self.sink
            .put(file)
            .map_err(|e| Diagnostic::error(path, format!("cannot write the page: {e:#}")))
    }

    /// The values for a page made by `template`, to give to [`SiteRenderer::render`].
    pub fn views<'v>(&self, template: &'v str) -> Views<'v> {
        Views::new(template, self.memo.map(|_| self.templates.fingerprint))
    }

    /// The values of a page that has a title of its own and no page of the content.
    pub fn titled_views<'v>(
        &self,
        template: &'v str,
        site: &'v Shared<SiteView>,
        title: &'v str,
    ) -> Views<'v> {
        let mut views = self.views(template);
        views.add_shared("site", site);
        views.add("title", title);
        views
    }

    /// The page the views' template makes of them, or the same page from the last build.
    pub fn render(&self, views: &Views) -> Result<Vec<u8>, Diagnostic> {
        self.fill_in(views, true)
            .map_err(|e| self.templates.diagnostic(&e, views.template()))
    }

    /// A part of a page (a year of the timeline) written to `out` as
    /// [`SiteRenderer::render`] makes a page, with Tera's error as it is. Without a memo it
    /// is streamed, as it is made.
    pub fn fill_to(&self, views: &Views, out: &mut dyn std::io::Write) -> Result<(), tera::Error> {
        if self.memo.is_none() {
            return self
                .templates
                .render_to(views.template(), &views.context(), out);
        }
        let part = self.fill_in(views, false)?;
        out.write_all(&part)
            .map_err(|e| tera::Error::new(ErrorKind::Io(e.kind())))
    }

    fn fill_in(&self, views: &Views, whole_page: bool) -> Result<Vec<u8>, tera::Error> {
        let remembered = self.memo.zip(views.fingerprint());
        let recalled =
            remembered.and_then(|(memo, fingerprint)| memo.recall(fingerprint, whole_page));
        if let Some(page) = recalled {
            return Ok(page);
        }
        let page = self.templates.render(views.template(), &views.context())?;
        if let Some((memo, fingerprint)) = remembered {
            memo.remember(fingerprint, &page);
        }
        Ok(page)
    }

    pub fn site_view(&self) -> Shared<SiteView> {
        Shared::new(SiteView {
            title: self.config.title.clone(),
            description: self.config.description.clone(),
            language: self.config.language.clone(),
            author: self.config.author.clone(),
            copyright: self.config.copyright.clone(),
            base: self.base.prefix().to_string(),
            permalink: self.base.permalink(""),
            stylesheet: self.base.link("style.css"),
            feed: self.base.link(crate::publish::FEED_FILE),
            registers: EntityKind::ALL
                .into_iter()
                .filter(|&kind| self.registry.of_kind(kind).next().is_some())
                .map(|kind| {
                    let folder = kind.list_folder();
                    NavLink {
                        key: kind.key().to_string(),
                        title: kind.plural().to_string(),
                        url: self.base.link(&format!("{folder}/")),
                    }
                })
                .collect(),
            timeline: (!self.timeline.is_empty()).then(|| self.timeline_link()),
            sources: (!self.citations.works.is_empty())
                .then(|| self.base.link(&format!("{}/", sources::SOURCES_DIR))),
            search: self
                .config
                .search
                .then(|| self.base.link(&format!("{}/", crate::search::SEARCH_DIR))),
            notes_display: self.config.notes.display.as_str().to_string(),
            notes_script: self.base.link(crate::assets::NOTES_SCRIPT),
            cite_script: self.base.link(crate::assets::CITE_SCRIPT),
        })
    }

    /// The HTML of one page, by the template its kind calls for, around `body` (its
    /// Markdown's HTML).
    pub fn render_page(
        &self,
        index: PageId,
        body: &str,
        site: &Shared<SiteView>,
        documents: &[DocumentSummary],
    ) -> Result<Vec<u8>, Diagnostic> {
        let page = &self.content.pages[index];
        let template = match page.kind {
            PageKind::Home => "index.html",
            PageKind::DocumentIndex => "documents.html",
            PageKind::Document | PageKind::Chapter => "document.html",
            PageKind::Collection => "collection.html",
            PageKind::Page => "page.html",
        };
        let page_view = self.page_view(index, body)?;
        let mut views = self.views(template);
        views.add_shared("site", site);
        views.add("page", &page_view);
        // Only the lists of documents show them all; on every other page the list would
        // make rendering grow with the square of the collection.
        if matches!(
            page.kind,
            PageKind::Home | PageKind::DocumentIndex | PageKind::Page
        ) {
            views.add("documents", documents);
        }
        self.render(&views)
    }

    pub fn render_search(&self, site: &Shared<SiteView>) -> Result<Vec<u8>, Diagnostic> {
        let mut views = self.views("search.html");
        views.add_shared("site", site);
        self.render(&views)
    }

    pub fn render_not_found(&self, site: &Shared<SiteView>) -> Result<Vec<u8>, Diagnostic> {
        let mut views = self.views("404.html");
        views.add_shared("site", site);
        self.render(&views)
    }

    pub fn document_summaries(&self) -> Vec<DocumentSummary> {
        self.content
            .documents()
            .into_iter()
            .map(|i| self.summary(i))
            .collect()
    }

    fn summary(&self, index: PageId) -> DocumentSummary {
        let page = &self.content.pages[index];
        DocumentSummary {
            title: page.title.clone(),
            url: self.base.link(&page.site_path),
            authors: page.front.authors.clone(),
            date: page.front.date.clone(),
            summary: page.front.summary.clone(),
            kind: page.kind,
            chapters: page.children.len(),
        }
    }

    fn link(&self, index: PageId) -> Link {
        let page = &self.content.pages[index];
        Link {
            title: page.title.clone(),
            url: self.base.link(&page.site_path),
        }
    }

    fn page_view(&self, index: PageId, body: &str) -> Result<PageView, Diagnostic> {
        let page = &self.content.pages[index];
        let analysis = &self.pages[index];
        let rendered = &analysis.rendered;
        let (previous, next) = self.neighbours(index);
        Ok(PageView {
            kind: page.kind,
            title: page.title.clone(),
            url: self.base.link(&page.site_path),
            permalink: self.base.permalink(&page.site_path),
            source_path: page.path.display().to_string(),
            authors: page.front.authors.clone(),
            date: page.front.date.clone(),
            date_human: page.date.as_ref().map(|date| date.human()),
            publication: page.front.publication.clone(),
            source_url: page.front.url.clone(),
            translator: page.front.translator.clone(),
            rights: page.front.rights.clone(),
            summary: page.front.summary.clone(),
            language: page
                .front
                .language
                .clone()
                .unwrap_or_else(|| self.config.language.clone()),
            own_language: page
                .front
                .language
                .clone()
                .filter(|language| *language != self.config.language),
            content: self.with_bibliography_links(index, body)?,
            notes: self.note_views(index),
            cited_by: self.cited_by(index),
            missing_notes: rendered
                .notes
                .iter()
                .filter(|n| n.status == NoteStatus::Missing)
                .count(),
            missing_notes_reason: (page.front.missing_notes.as_deref())
                .map(|reason| reason.trim_end_matches('.').to_string()),
            emendations: rendered.emendations.clone(),
            toc: rendered.toc.clone(),
            breadcrumbs: self.breadcrumbs(page),
            collection: page.parent.map(|p| self.link(p)),
            previous,
            next,
            chapters: page.children.iter().map(|&c| self.summary(c)).collect(),
            entities: self.entities_named(analysis),
            meta: meta::for_page(
                page,
                &self.base.permalink(&page.site_path),
                page.parent.map(|p| {
                    let book = &self.content.pages[p];
                    (book, self.base.permalink(&book.site_path))
                }),
            ),
            cite: cite_this::for_page(
                page,
                &self.base.permalink(&page.site_path),
                page.parent.map(|p| &self.content.pages[p]),
                &self.config.title,
            ),
            extra: page.front.extra.clone(),
        })
    }

    /// The people, events and groups a page names, each kind alphabetically.
    fn entities_named(&self, analysis: &PageAnalysis) -> Vec<EntityGroup> {
        let mut named: Vec<EntityId> = analysis.mentions().iter().map(|m| m.entity).collect();
        named.sort_unstable();
        named.dedup();
        EntityKind::with_own_pages()
            .filter(|kind| kind.in_chronology())
            .filter_map(|kind| {
                let mut items: Vec<(&str, Link)> = named
                    .iter()
                    .map(|&i| &self.registry.entities[i])
                    .filter(|e| e.kind() == kind)
                    .map(|e| {
                        (
                            e.sort_name.as_str(),
                            Link {
                                title: e.name.clone(),
                                url: self.base.link(&e.site_path()),
                            },
                        )
                    })
                    .collect();
                items.sort_by_key(|(sort, _)| sort.to_lowercase());
                (!items.is_empty()).then(|| EntityGroup {
                    kind: kind.key().to_string(),
                    label: kind.plural().to_string(),
                    items: items.into_iter().map(|(_, link)| link).collect(),
                })
            })
            .collect()
    }

    /// What every page is made from besides its own values: the site's view, settings and
    /// templates, each page's place, title and front matter, and the registry's names. Made
    /// once a build (the registry's, the timeline's and the documents' pages all ask);
    /// `None` without a memo.
    pub fn outline_pieces(&self, site_view: &Shared<SiteView>) -> Option<&[Vec<u8>]> {
        self.memo?;
        let pieces = self.outline.get_or_init(|| self.outline_made(site_view));
        pieces.as_deref()
    }

    fn outline_made(&self, site_view: &Shared<SiteView>) -> Option<Vec<Vec<u8>>> {
        let registry: String = (self.registry.entities.iter())
            .map(|e| format!("{}\u{1f}{}\u{1e}", e.id, e.name))
            .collect();
        let mut pieces = vec![
            serde_json::to_vec(&site_view.view).ok()?,
            format!("{:?}", self.config).into_bytes(),
            self.templates.fingerprint.to_le_bytes().to_vec(),
            registry.into_bytes(),
        ];
        pieces.extend(self.content.pages.iter().map(|page| {
            format!(
                "{:?} {} {} {:?} {:?} {:?} {:?}",
                page.path,
                page.site_path,
                page.title,
                page.kind,
                page.front,
                page.parent,
                page.children
            )
            .into_bytes()
        }));
        Some(pieces)
    }

    /// The link to the timeline's page.
    pub fn timeline_link(&self) -> String {
        self.base.link(&format!("{}/", timeline::TIMELINE_DIR))
    }

    /// A chapter is named with its book: "Was There an Alternative? — 9. The Georgian Incident".
    pub fn page_title(&self, page: PageId) -> String {
        let pages = &self.content.pages;
        match (pages[page].kind, pages[page].parent) {
            (PageKind::Chapter, Some(parent)) => {
                format!("{} — {}", pages[parent].title, pages[page].title)
            }
            _ => pages[page].title.clone(),
        }
    }

    /// The page's notes, each with the works it cites.
    fn note_views(&self, page: PageId) -> Vec<NoteView> {
        self.pages[page]
            .rendered
            .notes
            .iter()
            .enumerate()
            .map(|(i, note)| NoteView {
                note: note.clone(),
                cites: self
                    .citations
                    .of_note(page, i)
                    .map(|c| self.cite_view(c.work, &c.locator, c.ibid))
                    .collect(),
            })
            .collect()
    }

    pub fn cite_view(&self, work: usize, locator: &str, ibid: bool) -> CiteView {
        let w = &self.citations.works[work];
        CiteView {
            title: w.title.clone(),
            url: self.base.link(&sources::work_path(w)),
            locator: locator.to_string(),
            ibid,
            document: w.document.map(|d| self.cited_place(d, locator)),
        }
    }

    /// The document a citation cites, at the page the citation names when the document
    /// marks the pages of its source ("p. 45" → `#page-45`), in itself or in one of its
    /// chapters.
    fn cited_place(&self, document: PageId, locator: &str) -> Link {
        let book = &self.content.pages[document];
        let marked = std::iter::once(document)
            .chain(book.children.iter().copied())
            .find_map(|page| {
                let marker = marker_for(&self.pages[page].rendered.pages, locator)?;
                Some((page, marker.id.clone()))
            });
        match marked {
            Some((page, id)) => {
                let link = self.link(page);
                Link {
                    url: format!("{}#{id}", link.url),
                    ..link
                }
            }
            None => self.link(document),
        }
    }

    /// The page's HTML with the links of each bibliography entry in the slot `markdown`
    /// left for them (`partials/bib-links.html`): the works an entry cites are known only
    /// once every page's notes are read, after the page's Markdown was rendered.
    fn with_bibliography_links(&self, page: PageId, html: &str) -> Result<String, Diagnostic> {
        const TEMPLATE: &str = "partials/bib-links.html";
        let entries = &self.citations.bibliography[page];
        let mut html = html.to_string();
        for entry in entries {
            let mut context = Context::new();
            context.insert("cite", &self.cite_view(entry.work, "", false));
            let links = self
                .templates
                .render(TEMPLATE, &context)
                .map_err(|e| self.templates.diagnostic(&e, TEMPLATE))?;
            let links = String::from_utf8_lossy(&links);
            let links = format!(" {}", links.trim());
            html = html.replacen(&bibliography_slot(&entry.entry), &links, 1);
        }
        Ok(html)
    }

    /// For a document: the other documents whose notes cite it, with how many notes.
    fn cited_by(&self, page: PageId) -> Vec<entities::CountedLink> {
        let top = |p: PageId| self.content.pages[p].parent.unwrap_or(p);
        let mut counts: Vec<(PageId, usize)> = Vec::new();
        let works = self
            .citations
            .works_of_page
            .get(page.index())
            .into_iter()
            .flatten()
            .map(|&w| &self.citations.works[w]);
        for (citing, _) in works.flat_map(|w| &w.cited_in) {
            let document = top(*citing);
            if document == top(page) {
                continue;
            }
            match counts.iter_mut().find(|(d, _)| *d == document) {
                Some(entry) => entry.1 += 1,
                None => counts.push((document, 1)),
            }
        }
        counts.sort_by_key(|c| std::cmp::Reverse(c.1));
        counts
            .into_iter()
            .map(|(document, count)| {
                let link = self.link(document);
                entities::CountedLink {
                    title: link.title,
                    url: link.url,
                    count,
                }
            })
            .collect()
    }

    /// Previous and next chapter within the same collection.
    fn neighbours(&self, index: PageId) -> (Option<Link>, Option<Link>) {
        let Some(parent) = self.content.pages[index].parent else {
            return (None, None);
        };
        let siblings = &self.content.pages[parent].children;
        let Some(position) = siblings.iter().position(|&i| i == index) else {
            return (None, None);
        };
        let previous = position.checked_sub(1).map(|p| self.link(siblings[p]));
        let next = siblings.get(position + 1).map(|&n| self.link(n));
        (previous, next)
    }

    /// Home › Documents › Book › Chapter (the current page last, without a link of its own).
    fn breadcrumbs(&self, page: &Page) -> Vec<Link> {
        if page.kind == PageKind::Home {
            return Vec::new();
        }
        let mut trail = vec![Link {
            title: "Home".into(),
            url: self.base.link(""),
        }];
        if page.kind.is_source() {
            let title = self
                .content
                .find(PageKind::DocumentIndex)
                .map_or("Documents".to_string(), |p| p.title.clone());
            trail.push(Link {
                title,
                url: self
                    .base
                    .link(&format!("{}/", crate::content::DOCUMENTS_DIR)),
            });
        }
        let mut ancestors = Vec::new();
        let mut parent = page.parent;
        while let Some(p) = parent {
            ancestors.push(self.link(p));
            parent = self.content.pages[p].parent;
        }
        trail.extend(ancestors.into_iter().rev());
        trail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gather_reports_a_problem_once() {
        let broken = || Err(Diagnostic::error("templates/page.html", "template error: x").at(3, 1));
        let problems = gather(vec![
            broken(),
            Ok(OutputFile::bytes("a.html", "")),
            broken(),
        ])
        .unwrap_err();
        assert_eq!(problems.len(), 1);
        let files = gather(vec![
            Ok(OutputFile::bytes("a.html", "")),
            Ok(OutputFile::bytes("b.html", "")),
        ])
        .unwrap();
        assert_eq!(files.len(), 2);
    }

    #[test]
    fn reads_the_place_of_a_validation_report() {
        let report = "error: Unknown filter `x`\n --> page.html:3:17\n  |\n";
        assert_eq!(
            locate_report(report),
            Some(("page.html", 3, 17, "Unknown filter `x`"))
        );
        assert_eq!(locate_report("no place"), None);
    }
}

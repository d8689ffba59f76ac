//! Loading `content/`: every Markdown file with its front matter, placed in the site's tree
//! (home, documents, collections and their chapters, plain pages), plus the other files
//! that are copied as they are.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::date::HistoricalDate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::entity::EntityKind;
use crate::frontmatter::{self, FrontMatter};
use crate::markdown::KnownGaps;
use crate::reread::FileMemo;
use crate::text::slugify;

pub const CONTENT_DIR: &str = "content";
pub const DOCUMENTS_DIR: &str = "documents";
const INDEX_FILE: &str = "_index.md";

/// The folder of the registry of works (`cite::registry`).
pub const WORKS_DIR: &str = "works";

/// Whether a folder of `content/` is the registry's (each kind's, and the works'): its
/// files are no pages of their own.
pub fn is_registry_folder(name: &str) -> bool {
    name == WORKS_DIR || EntityKind::ALL.iter().any(|kind| kind.folder() == name)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    /// `content/_index.md`
    Home,
    /// `content/documents/_index.md`: the list of all documents.
    DocumentIndex,
    /// A source document in a single page.
    Document,
    /// A folder of documents with an `_index.md`: a book, its pages the chapters.
    Collection,
    /// A page of a collection.
    Chapter,
    /// Any other page (`content/about.md`).
    Page,
}

impl PageKind {
    /// A page of the documents themselves (a document, a collection's front page, a
    /// chapter): what speaks of the entities, carries notes and dated statements, and is
    /// searched as text. The home page and editorial pages link to entities but are no
    /// sources.
    pub fn is_source(self) -> bool {
        matches!(
            self,
            PageKind::Document | PageKind::Collection | PageKind::Chapter
        )
    }
}

/// A warning when `file`, reached through a link, lies outside the site's folder `site`
/// (canonical): the build would publish it (`static/etc` linked to `/etc`). `serve` refuses
/// such files too.
pub fn outside_site(
    site: &Path,
    file: &Path,
    shown: impl Fn(&Path) -> PathBuf,
) -> Option<Diagnostic> {
    let real = std::fs::canonicalize(file).ok()?;
    (!real.starts_with(site)).then(|| {
        Diagnostic::warning(
            shown(file),
            format!(
                "skipped: it is a link to {}, outside the site",
                real.display()
            ),
        )
        .with_help("copy the file into the site if it belongs in it")
    })
}

/// A title longer than this is worth a warning (the longest of the bundled collection is 130).
const LONG_TITLE_BYTES: usize = 1024;

#[derive(Debug, Clone)]
pub struct Page {
    pub kind: PageKind,
    /// The path shown in messages (`content/documents/a.md`).
    pub path: PathBuf,
    /// Where the page lives in the site, without leading slash: `documents/a/`; `` for home.
    pub site_path: String,
    pub title: String,
    pub front: FrontMatter,
    /// The front matter's `date` as read (`None` when it has none, or one that is not a
    /// date: the build warns of it).
    pub date: Option<HistoricalDate>,
    /// The line of its `slug` key, when its URL comes from one rather than its file name.
    pub slug_line: Option<usize>,
    /// The gaps in its source that the front matter declares.
    pub gaps: KnownGaps,
    /// The line of its `names` (or, failing that, `unlinked_names`) key.
    pub names_line: usize,
    /// The Markdown after the front matter; empty once a one-off build has rendered it
    /// (`build` stage `analyse`).
    pub body: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
    /// The collection this page belongs to (an index into `Site::pages`).
    pub parent: Option<PageId>,
    /// A collection's chapters, in reading order.
    pub children: Vec<PageId>,
    /// The year a book's text has come to where this chapter opens: the last its chapters
    /// before name in their text (not their notes). What "the Opposition" of a chapter
    /// that names no year of its own is read in. `None` for a first chapter or a document.
    pub opening_year: Option<i32>,
    /// Used for ordering: the file name, so `02-x.md` comes after `01-y.md`.
    file_name: String,
}

impl Page {
    /// A page the site needs but the content does not have (a home page, the list of
    /// documents): no front matter, no body.
    pub fn generated(kind: PageKind, site_path: &str, path: PathBuf, title: String) -> Page {
        Page {
            kind,
            path,
            site_path: site_path.to_string(),
            title,
            front: FrontMatter::default(),
            date: None,
            slug_line: None,
            gaps: KnownGaps::default(),
            names_line: 1,
            body: String::new(),
            body_line: 1,
            parent: None,
            children: Vec::new(),
            opening_year: None,
            file_name: String::new(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Asset {
    pub source: PathBuf,
    pub site_path: String,
}

crate::id::list_id!(
    /// A page of the site, by its place in `Content::pages`: what every later stage files
    /// what it reads or makes of a page under (its analysis, its citations, its statements),
    /// so that a page's number is never taken for an entity's or a note's.
    PageId,
    "pages"
);

/// Everything read from `content/`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
}

impl Content {
    /// Every page, in the order of `pages`.
    pub fn ids(&self) -> impl DoubleEndedIterator<Item = PageId> + ExactSizeIterator + use<> {
        (0..self.pages.len()).map(PageId::new)
    }

    /// The pages with their ids.
    pub fn pages(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.pages
            .iter()
            .enumerate()
            .map(|(i, page)| (PageId::new(i), page))
    }

    /// The top-level documents and collections, in the order the site lists them.
    pub fn documents(&self) -> Vec<PageId> {
        let mut top: Vec<PageId> = self
            .ids()
            .filter(|&i| {
                let page = &self.pages[i];
                matches!(page.kind, PageKind::Document | PageKind::Collection)
                    && page.parent.is_none()
            })
            .collect();
        top.sort_by(|&a, &b| order_key(&self.pages[a]).cmp(&order_key(&self.pages[b])));
        top
    }

    /// Every page in the order a reader meets them: home, the documents (each collection
    /// followed by its chapters), then the other pages.
    pub fn reading_order(&self) -> Vec<PageId> {
        fn visit(content: &Content, page: PageId, order: &mut Vec<PageId>) {
            order.push(page);
            for &child in &content.pages[page].children {
                visit(content, child, order);
            }
        }
        let mut order = Vec::with_capacity(self.pages.len());
        for top in self.documents() {
            visit(self, top, &mut order);
        }
        let mut placed = vec![false; self.pages.len()];
        for &page in &order {
            placed[page] = true;
        }
        order.extend(self.ids().filter(|&i| !placed[i]));
        order
    }

    /// The source pages ([`PageKind::is_source`]) in reading order.
    pub fn sources(&self) -> Vec<PageId> {
        self.reading_order()
            .into_iter()
            .filter(|&page| self.pages[page].kind.is_source())
            .collect()
    }

    pub fn find(&self, kind: PageKind) -> Option<&Page> {
        self.pages.iter().find(|p| p.kind == kind)
    }
}

fn order_key(page: &Page) -> (bool, i64, &str) {
    (
        page.front.weight.is_none(),
        page.front.weight.unwrap_or(0),
        &page.file_name,
    )
}

/// `shown` turns a path under the root into the form messages show.
pub fn load(
    root: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    (drafts, read): (bool, &mut FileMemo<Option<Page>>),
    diagnostics: &mut Diagnostics,
) -> Content {
    let content_dir = root.join(CONTENT_DIR);
    let mut content = Content::default();
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(shown(&content_dir), "there is no content folder").with_help(
                "put the site's Markdown in content/, or run `annals init DIR` to start a new site",
            ),
        );
        return content;
    }
    let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let walker = walkdir::WalkDir::new(&content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !is_hidden(entry) && !is_registry_dir(&content_dir, entry.path()));
    let mut markdown = Vec::new();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                diagnostics.push(walk_error(&error, shown));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        if let Some(warning) = outside_site(&site, entry.path(), shown) {
            diagnostics.push(warning);
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(&content_dir)
            .unwrap_or(entry.path());
        if entry.path().extension().is_some_and(|ext| ext == "md") {
            markdown.push((entry.path().to_path_buf(), relative.to_path_buf()));
        } else if !is_editor_file(&entry.file_name().to_string_lossy()) {
            content.assets.push(Asset {
                source: entry.path().to_path_buf(),
                site_path: url_path(relative),
            });
        }
    }
    if markdown.is_empty() {
        // A site of no pages would replace the last one whole: most likely the wrong
        // `--root`, or a folder emptied by mistake.
        diagnostics.push(
            Diagnostic::error(shown(&content_dir), "the content folder holds no Markdown page, so the build would replace the site with an empty one")
                .with_help("add a document (content/documents/NAME.md), check --root, or run `annals init DIR` to start a new site"),
        );
        return content;
    }
    // Files are read and parsed on every core; pages and problems keep the walk's order.
    let loaded: Vec<(Option<Page>, Diagnostics)> = read.read_all(
        &markdown,
        drafts,
        |(file, _)| file.as_path(),
        |(file, relative), found| load_page(file, relative, shown, drafts, found),
    );
    let drafted = drafted_books(&markdown, &loaded);
    for ((_, relative), (page, found)) in markdown.iter().zip(loaded) {
        diagnostics.extend(found);
        if !drafted.iter().any(|book| relative.starts_with(book)) {
            content.pages.extend(page);
        }
    }
    check_unique_paths(&content.pages, diagnostics);
    link_collections(&mut content.pages);
    content
}

/// An editor's hidden, backup or autosave file (`.a.md.swp`, `a.md~`, `#a.md#`), which holds
/// a draft's text: neither a source of the site nor a file to publish.
pub fn is_editor_file(name: &str) -> bool {
    name.starts_with('.') || name.ends_with('~') || (name.starts_with('#') && name.ends_with('#'))
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
}

fn is_registry_dir(content_dir: &Path, path: &Path) -> bool {
    path.parent() == Some(content_dir)
        && path
            .file_name()
            .and_then(|name| name.to_str())
            .is_some_and(is_registry_folder)
        && path.is_dir()
}

fn walk_error(error: &walkdir::Error, shown: &(dyn Fn(&Path) -> PathBuf + Sync)) -> Diagnostic {
    let path = error.path().map(shown).unwrap_or_default();
    if let Some(ancestor) = error.loop_ancestor() {
        return Diagnostic::warning(
            path,
            format!(
                "a symbolic link loops back to {}; it is skipped",
                shown(ancestor).display()
            ),
        )
        .with_help("remove the link, or point it at a folder outside its own ancestors");
    }
    Diagnostic::error(path, format!("cannot read: {error}"))
}

fn url_path(relative: &Path) -> String {
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn load_page(
    file: &Path,
    relative: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Page> {
    let path = shown(file);
    let file = frontmatter::read::<FrontMatter>(
        file,
        &path,
        frontmatter::KNOWN_KEYS,
        "in the front matter",
        diagnostics,
    )?;
    let mut front = file.front;
    if front.draft && !drafts {
        return None;
    }
    front.url = frontmatter::web_address(front.url, &path, file.keys.line("url"), diagnostics);
    front.language = frontmatter::language_tag(
        front.language,
        &path,
        file.keys.line("language"),
        diagnostics,
    );
    // Read once here; every later stage takes the date as read.
    let date = front.date.as_deref().and_then(|date| {
        HistoricalDate::parse(without_time(date))
            .map_err(|error| {
                diagnostics.push(
                    Diagnostic::warning(&path, format!("the date {error}"))
                        .at_line(file.keys.line("date"))
                        .with_help("until then the page shows the date as written, and the feed and the sitemap leave it out"),
                )
            })
            .ok()
    });
    let (kind, site_path) = place(relative, &front, &path, diagnostics)?;
    let file_name = relative
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(title) = front.title.as_ref().filter(|t| t.len() > LONG_TITLE_BYTES) {
        diagnostics.push(
            Diagnostic::warning(
                &path,
                format!("the title is {} bytes long; a title is shown on every page that lists or cites the document", title.len()),
            )
            .at_line(file.keys.line("title"))
            .with_help("shorten it, and give the rest in `summary` or `publication`"),
        );
    }
    let title = match &front.title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        _ => {
            if kind != PageKind::Home && kind != PageKind::DocumentIndex {
                diagnostics.push(
                    Diagnostic::warning(&path, "the page has no title")
                        .at_line(2)
                        .with_help("add `title = \"…\"` to the front matter"),
                );
            }
            title_from_file_name(relative)
        }
    };
    Some(Page {
        kind,
        path,
        site_path,
        title,
        body: file.body,
        body_line: file.body_line,
        slug_line: front.slug.as_ref().map(|_| file.keys.line("slug")),
        names_line: match front.names.is_empty() {
            false => file.keys.line("names"),
            true => file.keys.line("unlinked_names"),
        },
        gaps: KnownGaps {
            missing_notes: front
                .missing_notes
                .as_ref()
                .map(|_| file.keys.line("missing_notes")),
            uncited_notes: front
                .uncited_notes
                .as_ref()
                .map(|_| file.keys.line("uncited_notes")),
        },
        front,
        date,
        parent: None,
        children: Vec::new(),
        opening_year: None,
        file_name,
    })
}

/// The folders of books (`documents/BOOK/`) whose `_index.md` is a draft: the book is a
/// draft with its chapters, which published alone would stand as documents of their own.
fn drafted_books(
    markdown: &[(PathBuf, PathBuf)],
    loaded: &[(Option<Page>, Diagnostics)],
) -> Vec<PathBuf> {
    markdown
        .iter()
        .zip(loaded)
        .filter(|((_, relative), (page, found))| {
            page.is_none()
                && !found.has_errors()
                && relative.file_name() == Some(INDEX_FILE.as_ref())
                && relative.components().count() >= 3
        })
        .filter_map(|((_, relative), _)| relative.parent().map(Path::to_path_buf))
        .collect()
}

/// A front matter's date without the time of day a TOML date-time gives it
/// (`1984-03-01T10:00:00Z`).
pub fn without_time(date: &str) -> &str {
    date.trim()
        .split_once('T')
        .map_or(date.trim(), |(day, _)| day)
}

/// Where a file goes in the site, from its place in `content/` and its `slug`.
fn place(
    relative: &Path,
    front: &FrontMatter,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<(PageKind, String)> {
    let folders: Vec<String> = relative
        .parent()
        .map(|p| {
            p.components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    let is_index = relative.file_name().is_some_and(|n| n == INDEX_FILE);
    let in_documents = folders.first().is_some_and(|f| f == DOCUMENTS_DIR);
    let mut segments: Vec<String> = folders.iter().map(|f| slugify(f)).collect();
    if !is_index {
        let stem = relative
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        segments.push(slugify(&stem));
    }
    if let Some(slug) = &front.slug {
        let clean = slugify(slug);
        if clean != *slug {
            diagnostics.push(
                Diagnostic::warning(path, format!("the slug `{slug}` is used as `{clean}`"))
                    .with_help("a slug has lower-case letters, digits and dashes"),
            );
        }
        match segments.last_mut() {
            Some(last) => *last = clean,
            None => diagnostics.push(Diagnostic::warning(
                path,
                "the home page cannot have a slug; it is ignored",
            )),
        }
    }
    if segments.iter().any(String::is_empty) {
        diagnostics.push(
            Diagnostic::error(path, "this file's name gives an empty URL segment")
                .with_help("rename it with letters or digits, or set `slug = \"…\"`"),
        );
        return None;
    }
    let kind = match (is_index, in_documents, folders.len()) {
        (true, _, 0) => PageKind::Home,
        (true, true, 1) => PageKind::DocumentIndex,
        (true, true, _) => PageKind::Collection,
        (false, true, _) => PageKind::Document,
        _ => PageKind::Page,
    };
    let site_path = if segments.is_empty() {
        String::new()
    } else {
        format!("{}/", segments.join("/"))
    };
    Some((kind, site_path))
}

fn title_from_file_name(relative: &Path) -> String {
    let stem = if relative.file_name().is_some_and(|n| n == INDEX_FILE) {
        relative.parent().and_then(Path::file_name)
    } else {
        relative.file_stem()
    };
    stem.map(|s| s.to_string_lossy().replace(['-', '_'], " "))
        .unwrap_or_default()
}

/// Two pages at one URL: told at the page whose `slug` asks for it (the later one when both
/// or neither do), naming both files and where each gets the URL from.
fn check_unique_paths(pages: &[Page], diagnostics: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Page> = HashMap::new();
    for page in pages {
        let Some(first) = seen.insert(&page.site_path, page) else {
            continue;
        };
        let (this, other) = match (first.slug_line, page.slug_line) {
            (Some(_), None) => (first, page),
            _ => (page, first),
        };
        let whence = |page: &Page| match page.slug_line {
            Some(line) => format!("by its `slug`, line {line}"),
            None => "by its file name".to_string(),
        };
        diagnostics.push(
            Diagnostic::error(
                &this.path,
                format!(
                    "this page ({}) and {} ({}) both want the URL /{}",
                    whence(this),
                    other.path.display(),
                    whence(other),
                    page.site_path
                ),
            )
            .at_line(this.slug_line.unwrap_or(1))
            .with_help("give this page another `slug`, or rename one of the files"),
        );
    }
}

/// Sets each page's collection (the nearest folder above it with an `_index.md` under
/// documents/) and each collection's chapters in order: by `weight`, then by file name.
fn link_collections(pages: &mut [Page]) {
    let collections: HashMap<String, PageId> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.kind == PageKind::Collection)
        .map(|(i, p)| (p.site_path.clone(), PageId::new(i)))
        .collect();
    for page in pages.iter_mut() {
        if !matches!(page.kind, PageKind::Document | PageKind::Collection) {
            continue;
        }
        let parent = ancestors(&page.site_path).find_map(|a| collections.get(a).copied());
        if let Some(parent) = parent {
            page.parent = Some(parent);
            if page.kind == PageKind::Document {
                page.kind = PageKind::Chapter;
            }
        }
    }
    let mut children: HashMap<PageId, Vec<PageId>> = HashMap::new();
    for (i, page) in pages.iter().enumerate() {
        if let Some(parent) = page.parent {
            children.entry(parent).or_default().push(PageId::new(i));
        }
    }
    for (parent, mut list) in children {
        list.sort_by(|&a, &b| order_key(&pages[a]).cmp(&order_key(&pages[b])));
        let mut year = None;
        for &chapter in &list {
            pages[chapter].opening_year = year;
            year = last_year_of_the_text(&pages[chapter].body).or(year);
        }
        pages[parent].children = list;
    }
}

/// The last year a page's Markdown names in its text.
fn last_year_of_the_text(body: &str) -> Option<i32> {
    text_lines(body).filter_map(crate::text::last_year).last()
}

/// The year a page's Markdown names most often in its text (the later of two as often).
pub fn most_named_year(body: &str) -> Option<i32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for line in text_lines(body) {
        for year in crate::text::years(line) {
            *counts.entry(year).or_default() += 1;
        }
    }
    (counts.into_iter())
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| year)
}

/// The lines of a page's Markdown outside its notes' definitions (`[^1]: …` and the lines
/// indented under them).
fn text_lines(body: &str) -> impl Iterator<Item = &str> {
    let mut in_note = false;
    body.lines().filter(move |line| {
        if line.starts_with("[^") {
            in_note = true;
        } else if !line.trim().is_empty() && !line.starts_with([' ', '\t']) {
            in_note = false;
        }
        !in_note
    })
}

/// `documents/book/ch/` → `documents/book/`, `documents/`.
fn ancestors(site_path: &str) -> impl Iterator<Item = &str> {
    let trimmed = site_path.trim_end_matches('/');
    trimmed
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == '/')
        .map(move |(i, _)| &site_path[..=i])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placed(relative: &str, slug: Option<&str>) -> Option<(PageKind, String)> {
        let front = FrontMatter {
            slug: slug.map(str::to_string),
            ..Default::default()
        };
        place(
            Path::new(relative),
            &front,
            Path::new(relative),
            &mut Diagnostics::default(),
        )
    }

    #[test]
    fn places_pages_by_folder() {
        assert_eq!(
            placed("_index.md", None),
            Some((PageKind::Home, String::new()))
        );
        assert_eq!(
            placed("documents/_index.md", None),
            Some((PageKind::DocumentIndex, "documents/".into()))
        );
        assert_eq!(
            placed("documents/Avrich 1984.md", None),
            Some((PageKind::Document, "documents/avrich-1984/".into()))
        );
        assert_eq!(
            placed("documents/book/_index.md", None),
            Some((PageKind::Collection, "documents/book/".into()))
        );
        assert_eq!(
            placed("documents/book/01.md", Some("one")),
            Some((PageKind::Document, "documents/book/one/".into()))
        );
        assert_eq!(
            placed("about.md", None),
            Some((PageKind::Page, "about/".into()))
        );
        assert_eq!(placed("documents/!!!.md", None), None);
    }

    #[test]
    fn a_date_that_is_none_is_warned_of_at_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("letter.md");
        let load = |date: &str| {
            let text = format!("+++\ntitle = \"A letter\"\ndate = {date}\n+++\nText.\n");
            std::fs::write(&file, text).unwrap();
            let mut diagnostics = Diagnostics::default();
            let shown = |p: &Path| p.to_path_buf();
            let page = load_page(
                &file,
                Path::new("documents/letter.md"),
                &shown,
                false,
                &mut diagnostics,
            );
            assert!(page.is_some(), "{date}: the page is still built");
            diagnostics
                .into_iter()
                .map(|d| (d.line, d.message))
                .collect::<Vec<_>>()
        };
        for bad in [
            "\"1923-02-30\"",
            "\"15/02/1923\"",
            "\"1921-03-16/1921-03-08\"",
        ] {
            let warned = load(bad);
            assert_eq!(warned.len(), 1, "{bad}: {warned:?}");
            assert_eq!(warned[0].0, Some(3), "{bad}");
            assert!(warned[0].1.starts_with("the date `"), "{warned:?}");
        }
        for good in [
            "\"1923\"",
            "\"1923-02-15\"",
            "1984-03-01",
            "1984-03-01T10:00:00Z",
        ] {
            assert_eq!(load(good), [], "{good}");
        }
    }

    #[test]
    fn a_book_that_is_a_draft_keeps_its_chapters_out() {
        let root = tempfile::tempdir().unwrap();
        let write = |relative: &str, front: &str| {
            let file = root.path().join(CONTENT_DIR).join(relative);
            std::fs::create_dir_all(file.parent().unwrap()).unwrap();
            std::fs::write(
                file,
                format!("+++\ntitle = \"{relative}\"\n{front}+++\nText.\n"),
            )
            .unwrap();
        };
        write("documents/draft-book/_index.md", "draft = true\n");
        write("documents/draft-book/01.md", "");
        write("documents/draft-book/part/02.md", "");
        write("documents/book/_index.md", "");
        write("documents/book/01.md", "");
        write("documents/letter.md", "");
        let mut diagnostics = Diagnostics::default();
        let content = load(
            root.path(),
            &|p: &Path| p.to_path_buf(),
            (false, &mut FileMemo::default()),
            &mut diagnostics,
        );
        let mut published: Vec<&str> = content.pages.iter().map(|p| p.site_path.as_str()).collect();
        published.sort();
        assert_eq!(
            published,
            ["documents/book/", "documents/book/01/", "documents/letter/"]
        );
        assert!(!diagnostics.has_errors());
    }

    #[test]
    fn ancestors_from_nearest() {
        let found: Vec<&str> = ancestors("documents/book/ch/").collect();
        assert_eq!(found, vec!["documents/book/", "documents/"]);
    }
}

//! The works cited: `/sources/` (by number of citing notes, and `/sources/by-title/`), a
//! page for each work listing every note that cites it, and `/sources/works.json`.

use serde::Serialize;

use super::entities::CountedLink;
use super::memo::Shared;
use super::memo::Views;
use super::{Link, SiteRenderer, SiteView, gather};
use crate::cite::{Place, Work, csl};
use crate::diagnostic::Diagnostic;
use crate::markdown::read_short_text;
use crate::write::OutputFile;

pub const SOURCES_DIR: &str = "sources";

/// The site path of a work's page: `sources/ID/`.
pub fn work_path(work: &Work) -> String {
    format!("{SOURCES_DIR}/{}/", work.id)
}

/// One line of the list of works.
#[derive(Debug, Clone, Serialize)]
pub struct WorkItem {
    pub id: String,
    pub title: String,
    pub translated_title: Option<String>,
    pub authors: String,
    pub year: Option<String>,
    pub url: String,
    /// How many notes cite it.
    pub count: usize,
    /// The documents whose notes cite it, with how many notes each.
    pub documents: Vec<CountedLink>,
    /// The collection's own document that is this work.
    pub document: Option<Link>,
}

/// One note citing a work, on the work's page.
#[derive(Debug, Clone, Serialize)]
pub struct CitingNote {
    /// "Note 12", or "In the text" for a citation in brackets in the running text.
    pub label: String,
    /// The note's marker in the document (or the note, when nothing cites it), or the
    /// paragraph that holds the bracket.
    pub url: String,
    pub text: String,
    pub locator: String,
    pub ibid: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CitingPage {
    pub title: String,
    pub url: String,
    pub notes: Vec<CitingNote>,
}

pub struct SourcesPages<'a> {
    pub site: &'a SiteRenderer<'a>,
}

impl SourcesPages<'_> {
    pub fn render(&self, site_view: &Shared<SiteView>) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let works = &self.site.citations.works;
        if works.is_empty() {
            return Ok(Vec::new());
        }
        let items: Vec<WorkItem> = works.iter().map(|w| self.item(w)).collect();
        let mut by_count: Vec<&WorkItem> = items.iter().collect();
        by_count.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| title_order(a, b)));
        let mut by_title: Vec<&WorkItem> = items.iter().collect();
        by_title.sort_by(|a, b| title_order(a, b));
        let notes: usize = works.iter().map(|w| w.cited_in.len()).sum();
        let mut results: Vec<Result<OutputFile, Diagnostic>> = Vec::new();
        for (path, order, list) in [
            (format!("{SOURCES_DIR}/"), "count", by_count),
            (format!("{SOURCES_DIR}/by-title/"), "title", by_title),
        ] {
            let mut views = self.views("sources.html", site_view, "Works cited");
            views.add("order", order);
            views.add("works", &list);
            views.add("notes", &notes);
            results.push(
                self.site
                    .render(&views)
                    .map(|html| OutputFile::bytes(format!("{path}index.html"), html)),
            );
        }
        for (work, item) in works.iter().zip(&items) {
            let body = read_short_text(&work.body, 1, self.site.base.prefix()).html;
            let citing = self.citing(work);
            let mut views = self.views("work.html", site_view, &work.title);
            views.add("work", item);
            views.add("body", &body);
            views.add("citing", &citing);
            results.push(
                self.site
                    .render(&views)
                    .map(|html| OutputFile::bytes(format!("{}index.html", work_path(work)), html)),
            );
        }
        let json = csl::works_json(works, &|w| self.csl_url(w));
        results.push(Ok(OutputFile::bytes(
            format!("{SOURCES_DIR}/works.json"),
            json.into_bytes(),
        )));
        gather(results)
    }

    fn views<'v>(
        &self,
        template: &'v str,
        site_view: &'v Shared<SiteView>,
        title: &'v str,
    ) -> Views<'v> {
        let mut views = self.site.titled_views(template, site_view, title);
        views.add("sources_page", &true);
        views
    }

    fn item(&self, work: &Work) -> WorkItem {
        let site = self.site;
        let mut documents: Vec<CountedLink> = Vec::new();
        for (page, _) in &work.cited_in {
            let top = site.content.pages[*page].parent.unwrap_or(*page);
            let link = site.link(top);
            match documents.iter_mut().find(|d| d.url == link.url) {
                Some(d) => d.count += 1,
                None => documents.push(CountedLink {
                    title: link.title,
                    url: link.url,
                    count: 1,
                }),
            }
        }
        WorkItem {
            id: work.id.clone(),
            title: work.title.clone(),
            translated_title: work.translated_title.clone(),
            authors: work.authors.join("; "),
            year: work.year.clone(),
            url: site.base.link(&work_path(work)),
            count: work.cited_in.len(),
            documents,
            document: work.document.map(|d| site.link(d)),
        }
    }

    /// Every note citing the work, grouped by page in reading order.
    fn citing(&self, work: &Work) -> Vec<CitingPage> {
        let site = self.site;
        let mut pages: Vec<CitingPage> = Vec::new();
        for &(page, index) in &work.cited_in {
            let citation = &site.citations.notes[page][index];
            let rendered = &site.pages[page].rendered;
            let page_url = site.base.link(&site.content.pages[page].site_path);
            let (label, target, text) = match &citation.place {
                Place::Note(note) => {
                    let note = &rendered.notes[*note];
                    // Its first marker in the text; the note itself when only other notes
                    // cite it.
                    let target = note
                        .backrefs
                        .iter()
                        .find(|b| !b.from_note)
                        .map_or(&note.id, |b| &b.id);
                    (format!("Note {}", note.shown), target, &note.text.text)
                }
                Place::Text { paragraph, bracket } => (
                    "In the text".to_string(),
                    &rendered.texts[*paragraph].anchor,
                    bracket,
                ),
            };
            let view = CitingNote {
                label,
                url: format!("{page_url}#{target}"),
                text: text.clone(),
                locator: citation.locator.clone(),
                ibid: citation.ibid,
            };
            match pages.last_mut() {
                Some(last) if last.url == page_url => {
                    if last.notes.last().is_none_or(|n| n.url != view.url) {
                        last.notes.push(view);
                    }
                }
                _ => pages.push(CitingPage {
                    title: site.page_title(page),
                    url: page_url,
                    notes: vec![view],
                }),
            }
        }
        pages
    }

    fn csl_url(&self, work: &Work) -> String {
        let base = self.site.base;
        match (work.document, &work.url) {
            (Some(page), _) => base.permalink(&self.site.content.pages[page].site_path),
            (None, Some(url)) => url.clone(),
            (None, None) => base.permalink(&work_path(work)),
        }
    }
}

fn title_order(a: &WorkItem, b: &WorkItem) -> std::cmp::Ordering {
    a.title.to_lowercase().cmp(&b.title.to_lowercase())
}

//! The timeline's page (`/timeline/`: the events and groups by year, a year navigation, the
//! filters' choices), a page for each year with all its entries (`/timeline/1921/`: the
//! statements of the documents and the births and deaths too, which the timeline's page loads
//! on demand, so that it stays small), and the exports (`timeline.json`,
//! `timeline.timelinejs.json`).

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;
use tera::Context;

use super::memo::{Shared, fingerprint_with};
use super::{SiteRenderer, SiteView};
use crate::diagnostic::Diagnostic;
use crate::entity::EntityKind;
use crate::timeline::export::{
    JSON_FILE, TIMELINEJS_FILE, write_timeline_json, write_timelinejs_json,
};
use crate::timeline::{Entry, EntryView, YearView, by_year};
use crate::write::OutputFile;
use rayon::prelude::*;

pub const TIMELINE_DIR: &str = "timeline";

const PAGE: &str = "timeline.html";
const YEAR: &str = "partials/timeline-year.html";
const YEAR_PAGE: &str = "timeline-year-page.html";

/// What `timeline.html` receives as `year_sections`, and where the years' sections go.
const YEAR_SECTIONS: &str = "\u{1}annals:year-sections\u{1}";

/// How one of the timeline's exports is written.
type Export = fn(&mut dyn Write, &str, &[Entry], &[EntryView]) -> serde_json::Result<()>;

/// One choice of a filter, with how many entries it keeps.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// The choices of one kind of entity, for an `<optgroup>`.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceGroup {
    pub label: String,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Filters {
    pub kinds: Vec<Choice>,
    pub names: Vec<ChoiceGroup>,
    pub documents: Vec<Choice>,
}

pub struct TimelinePage<'a> {
    pub site: &'a SiteRenderer<'a>,
    pub entries: &'a [Entry],
    pub views: &'a [EntryView<'a>],
}

impl TimelinePage<'_> {
    /// `/timeline/`, `timeline.json` and `timeline.timelinejs.json`; nothing for a site
    /// without dated entries.
    /// In `serve`, the last build's files where the timeline is made from the same entries,
    /// registry, pages and settings: an edit of a paragraph that states no date changes none
    /// of it.
    pub fn render(&self, site_view: &Shared<SiteView>) -> Result<Vec<OutputFile>, Diagnostic> {
        const PART: &str = "timeline";
        let memo = (self.site.memo)
            .zip(self.site.outline_pieces(site_view))
            .map(|(memo, outline)| {
                let made_from = fingerprint_with(outline.iter().map(Vec::as_slice), &self.entries);
                (memo, made_from)
            });
        if let Some(files) = memo.and_then(|(memo, made_from)| memo.recall_part(PART, made_from)) {
            return Ok(files);
        }
        let files = self.render_all(site_view)?;
        if let Some((memo, made_from)) = memo {
            memo.remember_part(PART, made_from, &files);
        }
        Ok(files)
    }

    fn render_all(&self, site_view: &Shared<SiteView>) -> Result<Vec<OutputFile>, Diagnostic> {
        if self.views.is_empty() {
            return Ok(Vec::new());
        }
        let title = format!("{} — Timeline", self.site.config.title);
        let years = by_year(self.views, self.site.config.period_years());
        let mut context = Context::new();
        context.insert_value("site", site_view.value());
        context.insert("title", "Timeline");
        context.insert("years", &years.iter().map(YearLink::of).collect::<Vec<_>>());
        context.insert("year_sections", YEAR_SECTIONS);
        context.insert("filters", &self.filters());
        context.insert("total", &self.views.len());
        context.insert("script", &self.site.base.link(super::TIMELINE_SCRIPT));
        context.insert(
            "json",
            &[
                self.site.base.link(JSON_FILE),
                self.site.base.link(TIMELINEJS_FILE),
            ],
        );
        // The page and the two exports are made side by side, each streamed to its file:
        // at scale each is tens of megabytes.
        let page = || {
            let path = format!("{TIMELINE_DIR}/index.html");
            // A template error keeps its own diagnostic (the template's file and line); the
            // sink only learns that writing stopped. A failure to write is the sink's.
            let mut template_error = None;
            let written = self.site.sink.stream(&path, |out| {
                self.write_page(&context, site_view, &years, out)
                    .map_err(|(e, template)| {
                        if !matches!(e.kind(), tera::ErrorKind::Io(_)) {
                            let problem = self.site.templates.diagnostic(&e, template);
                            template_error = Some(with_upgrade_help(problem, template));
                        }
                        anyhow::anyhow!("{e}")
                    })
            });
            match (written, template_error) {
                (_, Some(problem)) => Err(problem),
                (written, None) => {
                    written.map_err(|e| Diagnostic::error(path, format!("cannot write: {e:#}")))
                }
            }
        };
        let stream = |path: &str, write: Export| {
            self.site
                .sink
                .stream(path, |out| {
                    Ok(write(out, &title, self.entries, self.views)?)
                })
                .map_err(|e| Diagnostic::error(path, format!("cannot write: {e:#}")))
        };
        let ((page, year_pages), (json, timelinejs)) = rayon::join(
            || rayon::join(page, || self.year_pages(site_view, &years)),
            || {
                rayon::join(
                    || stream(JSON_FILE, write_timeline_json),
                    || stream(TIMELINEJS_FILE, write_timelinejs_json),
                )
            },
        );
        let mut files = vec![page?, json?, timelinejs?];
        files.extend(year_pages?);
        Ok(files)
    }

    /// The address of a year's own page.
    fn year_url(&self, year: i32) -> String {
        self.site.base.link(&year_path(year))
    }

    /// `/timeline/1921/`: every entry of the year, with links to the years beside it.
    fn year_pages(
        &self,
        site_view: &Shared<SiteView>,
        years: &[YearView],
    ) -> Result<Vec<OutputFile>, Diagnostic> {
        (0..years.len())
            .into_par_iter()
            .map(|at| {
                let year = &years[at];
                let title = year.year.to_string();
                let link = |other: Option<&YearView>| {
                    other.map(|y| YearPageLink {
                        year: y.year,
                        url: self.year_url(y.year),
                    })
                };
                let previous = link(at.checked_sub(1).map(|i| &years[i]));
                let next = link(years.get(at + 1));
                let timeline = format!(
                    "{}#{}",
                    self.site.base.link(&format!("{TIMELINE_DIR}/")),
                    year.id
                );
                let mut views = self.site.titled_views(YEAR_PAGE, site_view, &title);
                views.add("year", year);
                views.add("previous", &previous);
                views.add("next", &next);
                views.add("timeline", &timeline);
                let html = self.site.render(&views)?;
                Ok(OutputFile::bytes(
                    format!("{}index.html", year_path(year.year)),
                    html,
                ))
            })
            .collect()
    }

    /// The page `timeline.html` makes, with each year's section made on its own by
    /// `partials/timeline-year.html` where the page puts `year_sections`: one value tree
    /// of every entry would hold hundreds of megabytes at scale. The error names the
    /// template it came from.
    fn write_page(
        &self,
        context: &Context,
        site_view: &Shared<SiteView>,
        years: &[YearView],
        out: &mut dyn Write,
    ) -> Result<(), (tera::Error, &'static str)> {
        let templates = &self.site.templates;
        let mut shell = Vec::new();
        templates
            .render_to(PAGE, context, &mut shell)
            .map_err(|e| (e, PAGE))?;
        let io = |e: std::io::Error| (tera::Error::new(tera::ErrorKind::Io(e.kind())), PAGE);
        // A site's own `timeline.html` may leave the years out.
        let Some((head, tail)) = split_at_marker(&shell, YEAR_SECTIONS.as_bytes()) else {
            return out.write_all(&shell).map_err(io);
        };
        out.write_all(head).map_err(io)?;
        for year in years {
            let lead = year.lead(self.year_url(year.year));
            let mut views = self.site.views(YEAR);
            views.add_shared("site", site_view);
            views.add("year", &lead);
            self.site.fill_to(&views, out).map_err(|e| (e, YEAR))?;
        }
        out.write_all(tail).map_err(io)
    }

    fn filters(&self) -> Filters {
        let count = |filter: &str| self.views.iter().filter(|v| v.filter == filter).count();
        let kinds = [
            ("event", "Events"),
            ("group", "Groups"),
            ("statement", "Statements in the documents"),
            ("life", "Births and deaths"),
        ]
        .into_iter()
        .map(|(value, label)| Choice {
            value: value.to_string(),
            label: label.to_string(),
            count: count(value),
            // The page holds the events and groups; the rest loads when it is asked for.
            checked: value == "event" || value == "group",
        })
        .collect();
        Filters {
            kinds,
            names: self.name_choices(),
            documents: self.document_choices(),
        }
    }

    /// Every person, event and group that some entry is or names, by kind, A–Z.
    fn name_choices(&self) -> Vec<ChoiceGroup> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for view in self.views {
            for key in view.keys.split_whitespace() {
                *counts.entry(key).or_insert(0) += 1;
            }
        }
        let registry = self.site.registry;
        EntityKind::with_own_pages()
            .filter(|kind| kind.in_chronology())
            .filter_map(|kind| {
                let mut choices: Vec<(String, Choice)> = registry
                    .of_kind(kind)
                    .filter_map(|(_, e)| {
                        let value = format!("{}:{}", kind.key(), e.id);
                        let count = *counts.get(value.as_str())?;
                        Some((
                            e.sort_name.to_lowercase(),
                            Choice {
                                label: e.sort_name.clone(),
                                value,
                                count,
                                checked: false,
                            },
                        ))
                    })
                    .collect();
                choices.sort_by(|a, b| a.0.cmp(&b.0));
                (!choices.is_empty()).then(|| ChoiceGroup {
                    label: kind.plural().to_string(),
                    choices: choices.into_iter().map(|(_, c)| c).collect(),
                })
            })
            .collect()
    }

    /// The documents that statements come from, in the order of the list of documents.
    fn document_choices(&self) -> Vec<Choice> {
        let mut choices: Vec<Choice> = Vec::new();
        for document in self.views.iter().filter_map(|v| v.document.as_ref()) {
            match choices.iter_mut().find(|c| c.value == document.id) {
                Some(choice) => choice.count += 1,
                None => choices.push(Choice {
                    value: document.id.to_string(),
                    label: document.title.to_string(),
                    count: 1,
                    checked: false,
                }),
            }
        }
        let order: Vec<String> = self
            .site
            .content
            .documents()
            .into_iter()
            .map(|i| self.site.content.pages[i].title.clone())
            .collect();
        choices.sort_by_key(|c| order.iter().position(|t| *t == c.label));
        choices
    }
}

/// Where a year's own page is, under the site's root.
fn year_path(year: i32) -> String {
    format!("{TIMELINE_DIR}/{year}/")
}

/// The year before or after, on a year's page.
#[derive(Debug, Serialize)]
struct YearPageLink {
    year: i32,
    url: String,
}

/// A year in the page's navigation.
#[derive(Debug, Serialize)]
struct YearLink<'a> {
    year: i32,
    id: &'a str,
}

impl<'a> YearLink<'a> {
    fn of(year: &'a YearView) -> Self {
        YearLink {
            year: year.year,
            id: &year.id,
        }
    }
}

/// A `timeline.html` of a site's own written before the years were made one by one reads
/// `year.entries`, which `years` no longer has: the error says what to change. (Read from
/// the template's file, on this error's path only.)
fn with_upgrade_help(problem: Diagnostic, template: &str) -> Diagnostic {
    let reads_entries =
        || std::fs::read_to_string(&problem.path).is_ok_and(|text| text.contains("year.entries"));
    if template == PAGE && reads_entries() {
        problem.with_help(
            "the years' entries are no longer in `years`: put `{{ year_sections | safe }}` where \
             the years go, and a year's section in templates/partials/timeline-year.html \
             (README, Templates and styles)",
        )
    } else {
        problem
    }
}

/// What comes before and after the first `marker` in `page`.
fn split_at_marker<'p>(page: &'p [u8], marker: &[u8]) -> Option<(&'p [u8], &'p [u8])> {
    let at = page.windows(marker.len()).position(|w| w == marker)?;
    Some((&page[..at], &page[at + marker.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_is_cut_where_the_years_go_even_at_its_end() {
        let marker = YEAR_SECTIONS.as_bytes();
        let page = [b"<nav></nav>\n".as_slice(), marker, b"\n</div>"].concat();
        assert_eq!(
            split_at_marker(&page, marker),
            Some((b"<nav></nav>\n".as_slice(), b"\n</div>".as_slice()))
        );
        let at_end = [b"<nav></nav>".as_slice(), marker].concat();
        assert_eq!(
            split_at_marker(&at_end, marker),
            Some((b"<nav></nav>".as_slice(), b"".as_slice()))
        );
        assert_eq!(split_at_marker(b"<p>no years</p>", marker), None);
    }
}

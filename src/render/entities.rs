//! The registry's pages: one for each person, event and group, with every place the
//! documents mention it; the index of each kind; the glossary.

use std::ops::Range;

use serde::Serialize;

use super::memo::{RenderMemo, Shared, fingerprint_of, fingerprint_with};
use super::{Link, SiteRenderer, SiteView, gather};
use crate::content::PageId;
use crate::diagnostic::Diagnostic;
use crate::entity::matcher::{Mention, Snippet};
use crate::entity::{Entity, EntityId, EntityKind, Registry, ordered};
use crate::markdown::ShortText;
use crate::mentions::{alongside_all, source_pages};
use crate::timeline::{Entry, EntryKind, EntryView};
use crate::write::OutputFile;
use rayon::prelude::*;

pub const GLOSSARY: &str = "glossary";

/// How many entities "mentioned alongside" lists.
const ALONGSIDE: usize = 10;

#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    pub label: String,
    pub human: String,
    pub edtf: String,
    /// For `<time datetime>`, which takes a day, a month or a year: the first one known.
    pub datetime: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MentionView {
    pub url: String,
    pub in_note: bool,
    pub snippet: Snippet,
    /// How many times the paragraph names the entity: a paragraph is listed once, with the
    /// snippet of its first mention by name (of its first reference when it has none).
    pub count: usize,
    /// Whether the snippet shows a bare reference the build settled ("the Opposition"),
    /// not a name.
    pub implicit: bool,
}

/// How many mentions an entity's page shows open; past them, each page's mentions are a
/// closed group with its count.
const COLLAPSED_AFTER: usize = 30;

/// The mentions on one page of the site.
#[derive(Debug, Clone, Serialize)]
pub struct MentionGroup {
    pub title: String,
    pub url: String,
    pub mentions: Vec<MentionView>,
    /// The mentions in it, paragraphs named several times counted as often.
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountedLink {
    pub title: String,
    pub url: String,
    pub count: usize,
}

/// Where one page of an entity's mentions stands among the others, when they take more
/// than one (`mentions_per_page` in `site.toml`).
#[derive(Debug, Clone, Serialize)]
pub struct MentionPages {
    /// This page's number, from 1.
    pub current: usize,
    /// The place of its first and last mention among all of them, from 1.
    pub first: usize,
    pub last: usize,
    pub pages: Vec<PageNumber>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PageNumber {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

/// Everything the `entity.html` template receives as `entity`.
#[derive(Debug, Clone, Serialize)]
pub struct EntityView<'a> {
    pub kind: &'a str,
    pub kind_label: &'a str,
    /// Where the kind's index is: `people`, `events` …
    pub folder: &'a str,
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
    pub aliases: &'a [String],
    pub real_name: Option<&'a str>,
    pub summary: Option<&'a str>,
    /// Its `source` line, as HTML (its `doc:` links made links).
    pub source: Option<&'a str>,
    pub place: Option<&'a str>,
    pub event_kind: Option<&'a str>,
    pub expansion: Option<&'a str>,
    pub original: Option<&'a str>,
    pub region: Option<&'a str>,
    /// Its identifiers in authority files, each with its page.
    pub authorities: &'a [crate::entity::Authority],
    pub dates: Vec<DateView>,
    /// Its Markdown body, rendered (the same on every page of its mentions).
    pub body: &'a str,
    pub people: Vec<Link>,
    /// Events a person took part in; groups a person belonged to.
    pub events: Vec<Link>,
    pub groups: Vec<Link>,
    pub mention_count: usize,
    pub note_mentions: usize,
    /// How many pages of the site mention it, on every page of its mentions.
    pub document_count: usize,
    /// This page's mentions, grouped by the page of the site they are on.
    pub documents: Vec<MentionGroup>,
    /// Whether the groups are shown closed, each with its count, to be opened one by one:
    /// an entity named in many places would otherwise make a page tens of screens long.
    pub collapsed: bool,
    /// `None` when every mention is on this one page.
    pub mention_pages: Option<MentionPages>,
    pub alongside: Vec<CountedLink>,
    pub previous: Option<Link>,
    pub next: Option<Link>,
    /// JSON-LD and Open Graph.
    pub meta: super::meta::MachineMeta,
    /// Its slice of the timeline, or the first `timeline_per_entity` entries of it (on the
    /// first page of its mentions only).
    pub timeline: Vec<&'a EntryView<'a>>,
    /// How many entries of the timeline are it or name it.
    pub timeline_count: usize,
    /// The timeline narrowed to it, when `timeline` does not hold every entry.
    pub timeline_all: Option<String>,
    /// An event whose sources disagree on its date: each source's date.
    pub accounts: &'a [crate::timeline::Account<'a>],
}

/// One line of an index page.
#[derive(Debug, Clone, Serialize)]
pub struct ListItem {
    pub id: String,
    pub name: String,
    pub url: String,
    pub dates: String,
    pub summary: Option<String>,
    pub count: usize,
    pub expansion: Option<String>,
    pub original: Option<String>,
    pub body: String,
}

/// Entries under one letter (people) or one heading.
#[derive(Debug, Clone, Serialize)]
pub struct ListSection {
    pub heading: String,
    pub id: String,
    pub items: Vec<ListItem>,
}

pub struct EntityPages<'a> {
    pub site: &'a SiteRenderer<'a>,
    /// Each entity's body, rendered.
    pub bodies: &'a [ShortText],
    /// For each entity, the timeline's entries that are it or name it.
    pub timeline: &'a [Vec<usize>],
    /// For each entity, its mentions in the documents (`mentions::by_entity`).
    pub mentions: &'a [Vec<(PageId, &'a Mention)>],
    /// In a rebuild after an edit of some pages' text, the entities whose pages it may have
    /// changed (the others are taken as the last build made them); `None`: any.
    pub touched: Option<&'a [bool]>,
    /// The timeline's entries: where they changed, every event's and group's page may have
    /// (each lists the statements that report it, wherever they stand).
    pub entries: &'a [Entry],
}

impl<'a> EntityPages<'a> {
    /// Every page of the registry: entity pages, the index of each kind, the glossary.
    pub fn render(&self, site_view: &Shared<SiteView>) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let registry = self.site.registry;
        if registry.is_empty() {
            return Ok(Vec::new());
        }
        let pages = source_pages(self.site.content, self.site.pages);
        let index = self.mentions;
        let alongside = alongside_all(&pages, registry.entities.len());
        let taking_part = taking_part(registry);
        // Counted once for every page of an entity's mentions, not once per page.
        let totals: Vec<MentionTotals> = index.par_iter().map(|m| MentionTotals::of(m)).collect();
        let kept = self.kept_pages(site_view);
        let entries_changed = kept.is_some_and(|memo| {
            !memo.same_entries(fingerprint_with(std::iter::empty(), &self.entries))
        });
        let mut results: Vec<Result<OutputFile, Diagnostic>> = Vec::new();
        for kind in EntityKind::with_own_pages() {
            let ordered_ids = ordered(registry, kind);
            // A kind the registry has none of has no index either (the menu leaves it out).
            if ordered_ids.is_empty() {
                continue;
            }
            // Each page of mentions is a job of its own, so that the most-named entities'
            // many pages are shared among the threads like any others.
            let jobs: Vec<(usize, usize)> = (0..ordered_ids.len())
                .flat_map(|position| {
                    let parts = self.mention_parts(index[ordered_ids[position]].len());
                    (0..parts).map(move |part| (position, part))
                })
                .collect();
            results.par_extend(jobs.par_iter().map(|&(position, part)| {
                let entity = ordered_ids[position];
                let path = format!(
                    "{}index.html",
                    mentions_path(&registry.entities[entity], part)
                );
                let reports = matches!(
                    registry.entities[entity].kind(),
                    EntityKind::Event | EntityKind::Group
                );
                let untouched = self.touched.is_some_and(|touched| !touched[entity])
                    && !(reports && entries_changed);
                let recalled = kept
                    .filter(|_| untouched)
                    .and_then(|m| m.recall_file(&path));
                if let Some(bytes) = recalled {
                    return self.site.put(OutputFile::shared(path, bytes));
                }
                let view = self.entity_view(
                    entity,
                    (&index[entity], &totals[entity], part),
                    &alongside[entity],
                    &taking_part[entity],
                    &ordered_ids,
                    position,
                );
                let mut views = self.site.titled_views("entity.html", site_view, view.name);
                views.add("entity", &view);
                let html = self.site.render(&views)?;
                if let Some(memo) = self.site.memo {
                    memo.remember_file(&path, &html);
                }
                self.site.put(OutputFile::bytes(path, html))
            }));
            results.push(self.index_page(site_view, kind, &ordered_ids, index));
        }
        gather(results)
    }

    /// The memo to take the untouched entities' pages from, when the last build made them
    /// from the same templates, settings and pages (titles, addresses, front matter).
    fn kept_pages(&self, site_view: &Shared<SiteView>) -> Option<&'a RenderMemo> {
        let memo = self.site.memo?;
        let outline = self.site.outline_pieces(site_view)?;
        let outline = fingerprint_of(outline.iter().map(Vec::as_slice));
        (memo.same_outline(outline) && self.touched.is_some()).then_some(memo)
    }

    fn link(&self, entity: EntityId) -> Link {
        let e = &self.site.registry.entities[entity];
        Link {
            title: e.name.clone(),
            url: self.site.base.link(&e.site_path()),
        }
    }

    /// How many mentions one page lists (`0` in `site.toml`: all of them).
    fn mentions_per_page(&self) -> usize {
        no_limit_if_zero(self.site.config.mentions_per_page)
    }

    /// How many pages an entity's `count` mentions take.
    fn mention_parts(&self, count: usize) -> usize {
        count.div_ceil(self.mentions_per_page()).max(1)
    }

    /// The view of page `part` (from 0) of the entity's mentions.
    fn entity_view<'m>(
        &self,
        entity: EntityId,
        (mentions, totals, part): (&[(PageId, &'m Mention)], &MentionTotals, usize),
        alongside: &[(EntityId, usize)],
        taking_part: &[EntityId],
        ordered_ids: &[EntityId],
        position: usize,
    ) -> EntityView<'m>
    where
        'a: 'm,
    {
        let registry = self.site.registry;
        let e = &registry.entities[entity];
        let related = |kind: EntityKind| -> Vec<Link> {
            taking_part
                .iter()
                .filter(|&&other| registry.entities[other].kind() == kind)
                .map(|&other| self.link(other))
                .collect()
        };
        let is_person = e.kind() == EntityKind::Person;
        let chronological = e.kind() == EntityKind::Event;
        let people: Vec<EntityId> = e
            .people()
            .iter()
            .filter_map(|id| registry.get(EntityKind::Person, id))
            .collect();
        let own_url = self.site.base.link(&e.site_path());
        let parts = self.mention_parts(mentions.len());
        let per_page = self.mentions_per_page();
        let shown = part * per_page..(part + 1).saturating_mul(per_page).min(mentions.len());
        EntityView {
            kind: e.kind().key(),
            kind_label: e.kind().singular(),
            folder: e.kind().list_folder(),
            id: &e.id,
            name: &e.name,
            url: own_url.clone(),
            aliases: &e.aliases,
            real_name: e.real_name(),
            summary: e.summary.as_deref(),
            source: self.bodies[entity].source_html.as_deref(),
            place: e.place(),
            event_kind: e.event_kind(),
            expansion: e.expansion(),
            original: e.original(),
            region: e.region(),
            authorities: &e.authorities,
            dates: date_views(e),
            body: &self.bodies[entity].html,
            people: people.iter().map(|&i| self.link(i)).collect(),
            events: if is_person || e.kind() == EntityKind::Group {
                related(EntityKind::Event)
            } else {
                Vec::new()
            },
            groups: if is_person {
                related(EntityKind::Group)
            } else {
                (e.people().iter())
                    .filter_map(|id| registry.get(EntityKind::Group, id))
                    .map(|group| self.link(group))
                    .collect()
            },
            mention_count: mentions.len(),
            note_mentions: totals.in_notes,
            document_count: totals.documents,
            documents: self.mention_groups(&mentions[shown.clone()]),
            collapsed: shown.len() > COLLAPSED_AFTER,
            mention_pages: (parts > 1).then(|| self.mention_pages(e, part, parts, &shown)),
            alongside: alongside
                .iter()
                .copied()
                .filter(|(other, _)| registry.entities[*other].kind().own_pages())
                .take(ALONGSIDE)
                .map(|(other, count)| {
                    let link = self.link(other);
                    CountedLink {
                        title: link.title,
                        url: link.url,
                        count,
                    }
                })
                .collect(),
            previous: chronological
                .then(|| position.checked_sub(1).map(|p| self.link(ordered_ids[p])))
                .flatten(),
            next: chronological
                .then(|| ordered_ids.get(position + 1).map(|&n| self.link(n)))
                .flatten(),
            meta: super::meta::for_entity(
                e,
                &self.site.base.permalink(&e.site_path()),
                &people
                    .iter()
                    .map(|&i| registry.entities[i].name.clone())
                    .collect::<Vec<_>>(),
            ),
            timeline: if part == 0 {
                self.timeline[entity]
                    .iter()
                    .take(self.timeline_shown())
                    .map(|&i| &self.site.timeline[i])
                    .collect()
            } else {
                Vec::new()
            },
            timeline_count: self.timeline[entity].len(),
            accounts: (self.timeline[entity].iter())
                .map(|&i| &self.site.timeline[i])
                .find(|view| view.kind == EntryKind::Event && view.url == own_url)
                .map_or(&[], |view| view.accounts.as_slice()),
            timeline_all: (self.timeline[entity].len() > self.timeline_shown()).then(|| {
                let timeline = self.site.timeline_link();
                format!("{timeline}?name={}:{}", e.kind().key(), e.id)
            }),
        }
    }

    /// How many of its timeline entries an entity's page shows.
    fn timeline_shown(&self) -> usize {
        no_limit_if_zero(self.site.config.timeline_per_entity)
    }

    fn mention_pages(
        &self,
        entity: &Entity,
        part: usize,
        parts: usize,
        shown: &Range<usize>,
    ) -> MentionPages {
        let url = |part: usize| self.site.base.link(&mentions_path(entity, part));
        MentionPages {
            current: part + 1,
            first: shown.start + 1,
            last: shown.end,
            pages: (0..parts)
                .map(|p| PageNumber {
                    number: p + 1,
                    url: url(p),
                    current: p == part,
                })
                .collect(),
            previous: part.checked_sub(1).map(url),
            next: (part + 1 < parts).then(|| url(part + 1)),
        }
    }

    /// Mentions grouped by page, in the reading order of the site.
    fn mention_groups(&self, mentions: &[(PageId, &Mention)]) -> Vec<MentionGroup> {
        let mut groups: Vec<MentionGroup> = Vec::new();
        let mut last_page = None;
        for &(page, mention) in mentions {
            if last_page != Some(page) {
                last_page = Some(page);
                groups.push(MentionGroup {
                    title: self.site.page_title(page),
                    url: self
                        .site
                        .base
                        .link(&self.site.content.pages[page].site_path),
                    mentions: Vec::new(),
                    count: 0,
                });
            }
            if let Some(group) = groups.last_mut() {
                let body = &self.site.pages[page];
                let url = format!("{}#{}", group.url, body.anchor(mention));
                group.count += 1;
                match group.mentions.last_mut() {
                    Some(last) if last.url == url => {
                        last.count += 1;
                        if last.implicit && !mention.implicit {
                            last.snippet = body.snippet(mention);
                            last.implicit = false;
                        }
                    }
                    _ => group.mentions.push(MentionView {
                        url,
                        in_note: mention.in_note,
                        snippet: body.snippet(mention),
                        count: 1,
                        implicit: mention.implicit,
                    }),
                }
            }
        }
        groups
    }

    fn index_page(
        &self,
        site_view: &Shared<SiteView>,
        kind: EntityKind,
        ids: &[EntityId],
        index: &[Vec<(PageId, &Mention)>],
    ) -> Result<OutputFile, Diagnostic> {
        let registry = self.site.registry;
        let items: Vec<ListItem> = ids
            .iter()
            .map(|&i| {
                let e = &registry.entities[i];
                ListItem {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    url: self.site.base.link(&e.site_path()),
                    dates: date_views(e)
                        .iter()
                        .map(|d| d.human.clone())
                        .collect::<Vec<_>>()
                        .join(" – "),
                    summary: e.summary.clone(),
                    count: index[i].len(),
                    expansion: e.expansion().map(str::to_string),
                    original: e.original().map(str::to_string),
                    // The glossary gives each term's definition in place.
                    body: if kind == EntityKind::Term {
                        self.bodies[i].html.clone()
                    } else {
                        String::new()
                    },
                }
            })
            .collect();
        // Names alphabetically under their first letters; events and groups in the order
        // of time, in one list.
        let sections = match kind {
            EntityKind::Person | EntityKind::Term | EntityKind::Place => by_letter(
                items,
                ids.iter()
                    .map(|&i| registry.entities[i].sort_name.as_str())
                    .collect(),
            ),
            EntityKind::Event | EntityKind::Group => vec![ListSection {
                heading: String::new(),
                id: String::new(),
                items,
            }],
        };
        // Terms are listed in the glossary, with their definitions; each has its page too.
        let template = match kind {
            EntityKind::Term => "glossary.html",
            _ => "entities.html",
        };
        let folder = kind.list_folder();
        let mut views = self.site.titled_views(template, site_view, kind.plural());
        views.add("kind", kind.spec().key);
        views.add("sections", &sections);
        let html = self.site.render(&views)?;
        Ok(OutputFile::bytes(format!("{folder}/index.html"), html))
    }
}

/// For each person, the events and groups whose `people` name them; for each group, the
/// events whose `participants` name it; in registry order.
fn taking_part(registry: &Registry) -> Vec<Vec<EntityId>> {
    let mut taking_part = vec![Vec::new(); registry.entities.len()];
    for (index, entity) in registry.all() {
        for participant in entity
            .people()
            .iter()
            .filter_map(|id| registry.participant(id))
        {
            taking_part[participant].push(index);
        }
    }
    taking_part
}

/// A–Z sections by the first letter of the sort name.
fn by_letter(items: Vec<ListItem>, sort_names: Vec<&str>) -> Vec<ListSection> {
    let mut sections: Vec<ListSection> = Vec::new();
    for (item, sort) in items.into_iter().zip(sort_names) {
        let letter: String = sort
            .chars()
            .find(|c| c.is_alphanumeric())
            .map(|c| c.to_uppercase().collect())
            .unwrap_or_else(|| "#".into());
        match sections.last_mut() {
            Some(section) if section.heading == letter => section.items.push(item),
            _ => sections.push(ListSection {
                id: format!("letter-{}", crate::text::slugify(&letter)),
                heading: letter,
                items: vec![item],
            }),
        }
    }
    sections
}

fn date_views(entity: &Entity) -> Vec<DateView> {
    entity
        .dates
        .iter()
        .map(|d| DateView {
            label: date_label(d.field).to_string(),
            human: d.human.clone(),
            edtf: d.date.edtf(),
            datetime: (d.date.start.or(d.date.end))
                .map(|p| p.edtf())
                .unwrap_or_default(),
        })
        .collect()
}

fn date_label(field: &str) -> &'static str {
    match field {
        "born" => "Born",
        "died" => "Died",
        "founded" => "Founded",
        "dissolved" => "Dissolved",
        _ => "Date",
    }
}

/// The folder of page `part` (from 0) of an entity's mentions: its own page, then
/// `mentions/2/`, `mentions/3/` … under it.
fn mentions_path(entity: &Entity, part: usize) -> String {
    match part {
        0 => entity.site_path(),
        _ => format!("{}mentions/{}/", entity.site_path(), part + 1),
    }
}

/// How many runs of equal items `items` holds: the pages a list of mentions in reading
/// order is on.
/// A limit of `site.toml`, where `0` means none.
fn no_limit_if_zero(limit: usize) -> usize {
    match limit {
        0 => usize::MAX,
        limit => limit,
    }
}

/// What every page of an entity's mentions says of all of them.
struct MentionTotals {
    in_notes: usize,
    /// How many pages of the site they are on.
    documents: usize,
}

impl MentionTotals {
    fn of(mentions: &[(PageId, &Mention)]) -> Self {
        MentionTotals {
            in_notes: mentions.iter().filter(|(_, m)| m.in_note).count(),
            documents: count_runs(mentions.iter().map(|(page, _)| page)),
        }
    }
}

fn count_runs<T: PartialEq>(items: impl Iterator<Item = T>) -> usize {
    let mut runs = 0;
    let mut last = None;
    for item in items {
        if last.as_ref() != Some(&item) {
            runs += 1;
            last = Some(item);
        }
    }
    runs
}

//! The records of the index, gathered from the content, the rendered pages and the
//! registry, and the choices of the filters.

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::{
    ALIAS, BODY, CHAPTER, DOCUMENT, EVENT, GROUP, NAME, NAMED, NOTE, PAGE, PERSON, PLACE, Sources,
    TERM,
};
use crate::content::{Page, PageId, PageKind};
use crate::entity::{Entity, EntityId, EntityKind};
use crate::markdown::{NoteStatus, Rendered, ShortText};
use crate::text::shortened;

/// The most of a document's title that each of its notes' records repeats.
const NOTE_PLACE_CHARS: usize = 120;

/// One thing a result can lead to.
pub(super) struct Record<'a> {
    pub(super) kind: usize,
    /// Relative to the site's base: `people/miasnikov/`, `documents/a/#fn-3`.
    pub(super) url: String,
    pub(super) title: String,
    /// The entity's name (field NAME).
    pub(super) name: Option<&'a str>,
    /// Aliases and the like, or a page's own title (field ALIAS).
    pub(super) aliases: Vec<Cow<'a, str>>,
    /// What an excerpt is taken from: the anchor on the page (or "") and the text.
    pub(super) paragraphs: Vec<(&'a str, Cow<'a, str>)>,
    /// `paragraphs[body_from..]` are the field BODY (before: a line of aliases).
    pub(super) body_from: usize,
    /// The filters' choices the record belongs to.
    pub(super) document: Option<u32>,
    pub(super) people: Vec<u32>,
    /// The spellings of the entities the record names (field NAMED).
    pub(super) named: Vec<Arc<str>>,
}

impl Record<'_> {
    pub(super) fn texts(&self, field: usize) -> Box<dyn Iterator<Item = &str> + '_> {
        match field {
            NAME => Box::new(self.name.into_iter()),
            ALIAS => Box::new(self.aliases.iter().map(|a| a.as_ref())),
            BODY => Box::new(
                self.paragraphs[self.body_from..]
                    .iter()
                    .map(|(_, t)| t.as_ref()),
            ),
            NAMED => Box::new(self.named.iter().map(|s| &**s)),
            _ => Box::new(std::iter::empty()),
        }
    }

    pub(super) fn text_bytes(&self) -> usize {
        self.url.len()
            + self.title.len()
            + self
                .paragraphs
                .iter()
                .map(|(a, t)| a.len() + t.len() + 6)
                .sum::<usize>()
    }
}

/// The choices of the person and document filters: (value, label).
#[derive(Debug, Default, Serialize)]
pub(super) struct Choices {
    pub(super) person: Vec<(String, String)>,
    pub(super) document: Vec<(String, String)>,
}

/// Every record, numbered kind after kind, and the filters' choices.
pub(super) fn records<'a>(sources: Sources<'a>) -> (Vec<Record<'a>>, Choices) {
    let Sources {
        content,
        pages,
        registry,
        registry_texts,
    } = sources;
    let reading_order = content.reading_order();
    let source_pages = content.sources();

    // The people the documents name, by sort name, and the documents, by title.
    let mut named = vec![false; registry.entities.len()];
    for &page in &source_pages {
        for mention in pages[page].mentions() {
            named[mention.entity] = true;
        }
    }
    let mut people: Vec<EntityId> = registry
        .of_kind(EntityKind::Person)
        .map(|(i, _)| i)
        .filter(|&i| named[i])
        .collect();
    people.sort_by_cached_key(|&i| {
        let e = &registry.entities[i];
        (e.sort_name.to_lowercase(), e.id.clone())
    });
    let mut person_choice = vec![None; registry.entities.len()];
    for (choice, &entity) in people.iter().enumerate() {
        person_choice[entity] = Some(choice as u32);
    }
    let mut documents = content.documents();
    documents.sort_by_cached_key(|&p| {
        let page = &content.pages[p];
        (page.title.to_lowercase(), page.site_path.clone())
    });
    let mut document_choice = vec![None; content.pages.len()];
    for (choice, &top) in documents.iter().enumerate() {
        document_choice[top] = Some(choice as u32);
    }
    let top = |mut page: PageId| {
        while let Some(parent) = content.pages[page].parent {
            page = parent;
        }
        page
    };
    let spellings: Vec<Arc<str>> = (registry.entities.par_iter())
        .map(search_spellings)
        .collect();
    let spellings = &spellings;
    let named_in = |entities: &mut dyn Iterator<Item = EntityId>| -> Vec<Arc<str>> {
        let mut ids: Vec<EntityId> = entities.collect();
        ids.sort_unstable();
        ids.dedup();
        (ids.into_iter())
            .map(|e| Arc::clone(&spellings[e.index()]))
            .filter(|s| !s.is_empty())
            .collect()
    };
    let mut records: Vec<Record> = Vec::new();
    for (kind, entity_kind) in [
        (PERSON, EntityKind::Person),
        (EVENT, EntityKind::Event),
        (GROUP, EntityKind::Group),
        (TERM, EntityKind::Term),
        (PLACE, EntityKind::Place),
    ] {
        let entities: Vec<_> = registry.of_kind(entity_kind).collect();
        records.par_extend(
            entities
                .par_iter()
                .map(|&(id, entity)| entity_record(entity, &registry_texts[id], kind)),
        );
    }
    let page_kinds: [(usize, &[PageKind]); 3] = [
        (DOCUMENT, &[PageKind::Document, PageKind::Collection]),
        (CHAPTER, &[PageKind::Chapter]),
        (PAGE, &[PageKind::Home, PageKind::Page]),
    ];
    for (kind, page_kinds) in page_kinds {
        records.par_extend(reading_order.par_iter().filter_map(|&index| {
            let page = &content.pages[index];
            let analysis = &pages[index];
            let body = &analysis.rendered;
            if !page_kinds.contains(&page.kind) || (kind == PAGE && body.texts.is_empty()) {
                return None;
            }
            let title = match (page.kind, page.parent) {
                (PageKind::Chapter, Some(parent)) => {
                    format!("{} — {}", content.pages[parent].title, page.title)
                }
                _ => page.title.clone(),
            };
            Some(Record {
                kind,
                url: page.site_path.clone(),
                title,
                name: None,
                aliases: with_number_forms(
                    vec![Cow::Borrowed(page.title.as_str())],
                    numbered(page),
                ),
                paragraphs: page_paragraphs(body),
                body_from: 0,
                document: document_choice[top(index)],
                // The filter by person is for the documents (the other pages only link).
                people: if page.kind.is_source() {
                    people_of(&person_choice, analysis.mentions().iter().map(|m| m.entity))
                } else {
                    Vec::new()
                },
                named: named_in(
                    &mut (analysis.mentions().iter())
                        .filter(|m| !m.in_note)
                        .map(|m| m.entity),
                ),
            })
        }));
    }
    records.par_extend(source_pages.par_iter().flat_map_iter(|&index| {
        let page = &content.pages[index];
        let analysis = &pages[index];
        let body = &analysis.rendered;
        let place = match page.parent {
            Some(parent) => format!("{} — {}", content.pages[parent].title, page.title),
            None => page.title.clone(),
        };
        let document = document_choice[top(index)];
        // The names in each note (the page's mentions, by anchor).
        let mut in_notes: FxHashMap<&str, Vec<EntityId>> = FxHashMap::default();
        for mention in analysis.mentions().iter().filter(|m| m.in_note) {
            in_notes
                .entry(analysis.anchor(mention))
                .or_default()
                .push(mention.entity);
        }
        let person_choice = &person_choice;
        body.notes
            .iter()
            .filter(|n| n.status != NoteStatus::Missing && !n.text.text.is_empty())
            .map(move |note| {
                let named = in_notes.get(note.id.as_str()).into_iter().flatten();
                Record {
                    kind: NOTE,
                    url: format!("{}#{}", page.site_path, note.id),
                    title: format!(
                        "Note {} · {}",
                        note.shown,
                        shortened(&place, NOTE_PLACE_CHARS)
                    ),
                    name: None,
                    aliases: Vec::new(),
                    paragraphs: vec![("", Cow::Borrowed(note.text.text.as_str()))],
                    body_from: 0,
                    document,
                    people: people_of(person_choice, named.clone().copied()),
                    named: named_in(&mut named.copied()),
                }
            })
    }));
    let choices = Choices {
        person: people
            .iter()
            .map(|&i| {
                let e = &registry.entities[i];
                (e.id.clone(), e.name.clone())
            })
            .collect(),
        document: documents
            .iter()
            .map(|&p| {
                let page = &content.pages[p];
                (page.site_path.clone(), page.title.clone())
            })
            .collect(),
    };
    (records, choices)
}

/// `names` with, as one more, the other forms of the numbers they hold (see `numbers`).
fn with_number_forms(mut names: Vec<Cow<'_, str>>, numbered: bool) -> Vec<Cow<'_, str>> {
    let words: Vec<String> = names.iter().flat_map(|n| super::words::words(n)).collect();
    let forms = super::numbers::other_forms(&words, numbered);
    if !forms.is_empty() {
        names.push(Cow::Owned(forms.join(" ")));
    }
    names
}

/// Whether a page's title begins with its own number ("46. The Final Stage"): a chapter's
/// place in its book, not a number its text is about.
fn numbered(page: &Page) -> bool {
    let digits = page.title.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && page.title[digits..].starts_with('.')
}

/// The words a reader may type for an entity, whichever spelling a passage uses, joined by
/// spaces: for a person every word of every name it is found under (its transliterations,
/// its Cyrillic form, given names); for any other kind its one-word names ("NEP"), since
/// the words of a longer name ("Tenth Party Congress") are each too common alone.
pub(super) fn search_spellings(entity: &Entity) -> Arc<str> {
    let mut spellings: Vec<String> = Vec::new();
    for name in crate::entity::aliases::names(entity) {
        let words = super::words::words(&name);
        let fit = |w: &String| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit());
        let keep: Vec<String> = match entity.kind() {
            EntityKind::Person => words.into_iter().filter(fit).collect(),
            _ if words.len() == 1 => words.into_iter().filter(fit).collect(),
            _ => Vec::new(),
        };
        spellings.extend(keep);
    }
    spellings.sort_unstable();
    spellings.dedup();
    spellings.join(" ").into()
}

/// The choices of the person filter among the entities `named`.
fn people_of(choice: &[Option<u32>], named: impl Iterator<Item = EntityId>) -> Vec<u32> {
    let mut choices: Vec<u32> = named.filter_map(|e| choice[e]).collect();
    choices.sort_unstable();
    choices.dedup();
    choices
}

/// A page's paragraphs and headings in reading order, then its bibliography.
fn page_paragraphs(body: &Rendered) -> Vec<(&str, Cow<'_, str>)> {
    let mut paragraphs = Vec::with_capacity(body.texts.len() + body.toc.len());
    let mut headings = body.toc.iter().enumerate().peekable();
    for text in &body.texts {
        while let Some((_, heading)) = headings.next_if(|(n, _)| *n < text.section) {
            paragraphs.push((heading.id.as_str(), Cow::Borrowed(heading.title.as_str())));
        }
        paragraphs.push((text.anchor.as_str(), Cow::Borrowed(text.text.as_str())));
    }
    for (_, heading) in headings {
        paragraphs.push((heading.id.as_str(), Cow::Borrowed(heading.title.as_str())));
    }
    for entry in &body.bibliography {
        paragraphs.push((entry.id.as_str(), Cow::Borrowed(entry.text.text.as_str())));
    }
    paragraphs
}

fn entity_record<'a>(entity: &'a Entity, text: &'a ShortText, kind: usize) -> Record<'a> {
    let mut shown: Vec<&str> = entity.aliases.iter().map(String::as_str).collect();
    shown.extend(entity.real_name());
    shown.extend(entity.expansion());
    shown.extend(entity.original());
    let mut paragraphs = Vec::new();
    if !shown.is_empty() {
        let line = if kind == TERM {
            shown.join(" · ")
        } else {
            format!("Also written: {}", shown.join(", "))
        };
        paragraphs.push(("", Cow::Owned(line)));
    }
    // Indexed beside the names shown: every spelling the entity is found under in the
    // documents (transliterations, "10th Congress" for the Tenth), and its numbers' forms.
    let mut aliases: Vec<Cow<str>> = shown.iter().map(|a| Cow::Borrowed(*a)).collect();
    aliases.extend(
        (crate::entity::aliases::names(entity).into_iter())
            .filter(|name| *name != entity.name && !shown.contains(&name.as_str()))
            .map(Cow::Owned),
    );
    let aliases = with_number_forms(aliases, false);
    let body_from = paragraphs.len();
    if let Some(summary) = &entity.summary {
        paragraphs.push(("", Cow::Borrowed(summary.as_str())));
    }
    paragraphs.extend((text.paragraphs.iter()).map(|words| ("", Cow::Borrowed(words.as_str()))));
    Record {
        kind,
        url: entity.site_path(),
        title: entity.name.clone(),
        name: Some(&entity.name),
        aliases,
        paragraphs,
        body_from,
        document: None,
        people: Vec::new(),
        named: Vec::new(),
    }
}

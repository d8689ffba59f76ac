//! Open data: the registry and its index as files researchers can load — a list for each
//! kind the registry has (`/data/people.json`, `events.json`, `groups.json`,
//! `places.json`), `mentions.csv` (entity, document, paragraph, snippet) and `notes.csv`
//! (every note of every document).

use std::io::Write;

use serde::Serialize;

use crate::analyse::PageAnalysis;
use crate::config::BaseUrl;
use crate::content::{Content, Page, PageId};
use crate::entity::matcher::Mention;
use crate::entity::{Entity, EntityKind, Registry};
use crate::markdown::NoteStatus;
use crate::write::{OutputFile, Sink};

pub const DATA_DIR: &str = "data";

#[derive(Debug, Serialize)]
struct DatedValue {
    edtf: String,
    human: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    old_style: Option<String>,
}

/// One entity as open data: what its file says, where its page is, how often it is named.
#[derive(Debug, Serialize)]
struct EntityRecord<'a> {
    id: &'a str,
    name: &'a str,
    sort_name: &'a str,
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    real_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    place: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    people: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    region: Option<&'a str>,
    /// Its identifiers in authority files: `{"wikidata": "Q…", "viaf": "…"}`.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    authorities: std::collections::BTreeMap<&'static str, &'a str>,
    dates: std::collections::BTreeMap<&'static str, DatedValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    url: String,
    mentions: usize,
}

/// `index`: each entity's mentions (`mentions::by_entity`). The two tables, most of
/// the open data, are streamed to `sink` rather than made whole in memory.
pub fn files(
    registry: &Registry,
    content: &Content,
    pages: &[PageAnalysis],
    index: &[Vec<(PageId, &Mention)>],
    base: &BaseUrl,
    sink: &Sink,
) -> anyhow::Result<Vec<OutputFile>> {
    // The two tables are most of the work and independent of each other and of the lists.
    let (lists, (mentions, notes)) = rayon::join(
        || -> anyhow::Result<Vec<OutputFile>> {
            let mut files = Vec::new();
            for kind in EntityKind::with_own_pages() {
                let records: Vec<EntityRecord> = registry
                    .of_kind(kind)
                    .map(|(i, entity)| record(entity, index[i].len(), base))
                    .collect();
                // A kind the registry has none of has no list, as it has no pages.
                if records.is_empty() {
                    continue;
                }
                files.push(OutputFile::bytes(
                    format!("{DATA_DIR}/{}.json", kind.folder()),
                    serde_json::to_vec(&records)?,
                ));
            }
            Ok(files)
        },
        || {
            rayon::join(
                || {
                    sink.stream(format!("{DATA_DIR}/mentions.csv"), |out| {
                        mentions_csv(out, registry, (content, pages), index, base)
                    })
                },
                || {
                    sink.stream(format!("{DATA_DIR}/notes.csv"), |out| {
                        notes_csv(out, content, pages, base)
                    })
                },
            )
        },
    );
    let mut files = lists?;
    files.push(mentions?);
    files.push(notes?);
    Ok(files)
}

fn record<'a>(entity: &'a Entity, mentions: usize, base: &BaseUrl) -> EntityRecord<'a> {
    EntityRecord {
        id: &entity.id,
        name: &entity.name,
        sort_name: &entity.sort_name,
        aliases: &entity.aliases,
        real_name: entity.real_name(),
        kind: entity.event_kind(),
        place: entity.place(),
        people: entity.people(),
        region: entity.region(),
        authorities: (entity.authorities.iter())
            .map(|a| (a.key, a.id.as_str()))
            .collect(),
        dates: entity
            .dates
            .iter()
            .map(|d| {
                (
                    d.field,
                    DatedValue {
                        edtf: d.date.edtf(),
                        human: d.date.human(),
                        old_style: d.old_style.as_ref().map(|os| os.edtf()),
                    },
                )
            })
            .collect(),
        summary: entity.summary.as_deref(),
        url: base.permalink(&entity.site_path()),
        mentions,
    }
}

/// A page as the CSV files name it: its path in the site without the slashes
/// (`documents/avrich-1984`), short however long its title, which would be repeated on every
/// row of its notes and mentions.
fn document_id(page: &Page) -> String {
    page.site_path.trim_matches('/').to_string()
}

/// A cell a spreadsheet will not read as a formula: text beginning with `=`, `+`, `-`, `@`,
/// a tab or a carriage return gets a `'` before it, as OWASP advises for CSV exports.
fn spreadsheet_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

fn mentions_csv(
    out: &mut dyn Write,
    registry: &Registry,
    (content, pages): (&Content, &[PageAnalysis]),
    index: &[Vec<(PageId, &Mention)>],
    base: &BaseUrl,
) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "entity",
        "kind",
        "document",
        "url",
        "paragraph",
        "in_note",
        "snippet",
    ])?;
    let permalinks: Vec<String> = content
        .pages
        .iter()
        .map(|page| base.permalink(&page.site_path))
        .collect();
    let document_ids: Vec<String> = content.pages.iter().map(document_id).collect();
    for (entity, mentions) in registry.entities.iter().zip(index) {
        for (page, mention) in mentions {
            let page_body = &pages[*page];
            writer.write_record([
                entity.id.as_str(),
                entity.kind().key(),
                &document_ids[*page],
                &permalinks[*page],
                page_body.anchor(mention),
                if mention.in_note { "true" } else { "false" },
                &spreadsheet_safe(page_body.snippet(mention).as_str()),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

fn notes_csv(
    out: &mut dyn Write,
    content: &Content,
    pages: &[PageAnalysis],
    base: &BaseUrl,
) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(["document", "url", "note", "number", "status", "text"])?;
    for (page, analysis) in content.pages.iter().zip(pages) {
        if !page.kind.is_source() {
            continue;
        }
        let document = document_id(page);
        for note in &analysis.rendered.notes {
            let status = match note.status {
                NoteStatus::Cited => "cited",
                NoteStatus::Missing => "missing",
                NoteStatus::Uncited => "uncited",
                NoteStatus::Duplicate => "duplicate",
            };
            writer.write_record([
                &document,
                &base.permalink(&page.site_path),
                note.id.as_str(),
                &note.shown,
                status,
                // The note's words as the source has them, not its HTML with its tags taken
                // out (a tag's place is no space: `<span lang="ru">С</span>. 59`).
                &spreadsheet_safe(&note.text.text),
            ])?;
        }
    }
    writer.flush()?;
    Ok(())
}

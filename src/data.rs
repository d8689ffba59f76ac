//! Open data: the registry and its index as files researchers can load — `/data/people.json`,
//! `events.json`, `groups.json`, `mentions.csv` (entity, document, paragraph, snippet) and
//! `notes.csv` (every note of every document).

use std::io::Write;
use std::ops::Range;

use serde::Serialize;

use crate::config::BaseUrl;
use crate::content::Content;
use crate::entity::matcher::Mention;
use crate::entity::{Entity, Registry};
use crate::markdown::{NoteStatus, Rendered};
use crate::search::plain_text;
use crate::write::{OutputFile, Sink, write_parts_in_order};

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
    dates: std::collections::BTreeMap<&'static str, DatedValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    url: String,
    mentions: usize,
}

/// `index`: each entity's mentions (`entity::index::by_entity`). The two tables, most of
/// the open data, are streamed to `sink` rather than made whole in memory.
pub fn files(
    registry: &Registry,
    content: &Content,
    rendered: &[Rendered],
    index: &[Vec<(usize, &Mention)>],
    base: &BaseUrl,
    sink: &Sink,
) -> anyhow::Result<Vec<OutputFile>> {
    // The two tables are most of the work and independent of each other and of the lists.
    let (lists, (mentions, notes)) = rayon::join(
        || -> anyhow::Result<Vec<OutputFile>> {
            let mut files = Vec::new();
            for kind in crate::entity::KINDS.iter().filter(|k| k.own_pages) {
                let records: Vec<EntityRecord> = registry
                    .of_kind(kind)
                    .map(|(i, entity)| record(entity, index[i].len(), base))
                    .collect();
                files.push(OutputFile::bytes(
                    format!("{DATA_DIR}/{}.json", kind.folder),
                    serde_json::to_vec(&records)?,
                ));
            }
            Ok(files)
        },
        || {
            rayon::join(
                || {
                    sink.stream(format!("{DATA_DIR}/mentions.csv"), |out| {
                        mentions_csv(out, registry, (content, rendered), index, base)
                    })
                },
                || {
                    sink.stream(format!("{DATA_DIR}/notes.csv"), |out| {
                        notes_csv(out, content, rendered, base)
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
        real_name: entity.real_name.as_deref(),
        kind: entity.event_kind.as_deref(),
        place: entity.place.as_deref(),
        people: &entity.people,
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

fn mentions_csv(
    out: &mut dyn Write,
    registry: &Registry,
    (content, rendered): (&Content, &[Rendered]),
    index: &[Vec<(usize, &Mention)>],
    base: &BaseUrl,
) -> anyhow::Result<()> {
    write_row(
        out,
        [
            "entity",
            "kind",
            "document",
            "url",
            "paragraph",
            "in_note",
            "snippet",
        ],
    )?;
    let permalinks: Vec<String> = content
        .pages
        .iter()
        .map(|page| base.permalink(&page.site_path))
        .collect();
    let parts = parts_by_rows(index.iter().map(Vec::len));
    write_parts_in_order(out, parts.len(), |part| {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for entity_index in parts[part].clone() {
            let entity = &registry.entities[entity_index];
            for (page, mention) in &index[entity_index] {
                let page_body = &rendered[*page];
                writer.write_record([
                    entity.id.as_str(),
                    entity.kind.key,
                    content.pages[*page].title.as_str(),
                    &permalinks[*page],
                    page_body.anchor(mention),
                    if mention.in_note { "true" } else { "false" },
                    page_body.snippet(mention).as_str(),
                ])?;
            }
        }
        into_bytes(writer)
    })
}

fn notes_csv(
    out: &mut dyn Write,
    content: &Content,
    rendered: &[Rendered],
    base: &BaseUrl,
) -> anyhow::Result<()> {
    write_row(out, ["document", "url", "note", "number", "status", "text"])?;
    let notes_of = |page: usize| match content.pages[page].kind.is_source() {
        true => rendered[page].notes.as_slice(),
        false => &[],
    };
    let parts = parts_by_rows((0..rendered.len()).map(|page| notes_of(page).len()));
    write_parts_in_order(out, parts.len(), |part| {
        let mut writer = csv::Writer::from_writer(Vec::new());
        for page in parts[part].clone() {
            let permalink = base.permalink(&content.pages[page].site_path);
            for note in notes_of(page) {
                let status = match note.status {
                    NoteStatus::Cited => "cited",
                    NoteStatus::Missing => "missing",
                    NoteStatus::Uncited => "uncited",
                    NoteStatus::Duplicate => "duplicate",
                };
                writer.write_record([
                    content.pages[page].title.as_str(),
                    &permalink,
                    note.id.as_str(),
                    &note.number.to_string(),
                    status,
                    &plain_text(&note.html),
                ])?;
            }
        }
        into_bytes(writer)
    })
}

/// About how many rows of a table one part holds: each part is made by one thread, and a
/// few parts per thread are held at a time.
const ROWS_PER_PART: usize = 1024;

/// The items whose rows are counted by `rows`, cut into runs holding about
/// [`ROWS_PER_PART`] rows each (an item's rows are never cut apart).
fn parts_by_rows(rows: impl Iterator<Item = usize>) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let (mut start, mut held, mut items) = (0, 0, 0);
    for count in rows {
        items += 1;
        held += count;
        if held >= ROWS_PER_PART {
            parts.push(start..items);
            (start, held) = (items, 0);
        }
    }
    if start < items {
        parts.push(start..items);
    }
    parts
}

fn write_row<const N: usize>(out: &mut dyn Write, fields: [&str; N]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(fields)?;
    writer.flush()?;
    Ok(())
}

fn into_bytes(writer: csv::Writer<Vec<u8>>) -> anyhow::Result<Vec<u8>> {
    writer
        .into_inner()
        .map_err(|e| anyhow::anyhow!("cannot write a table: {}", e.error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_hold_every_item_once_in_order_and_about_as_many_rows_as_asked() {
        let rows = [750, 500, 0, 1500, 1, 1, 1, 1024, 7];
        let parts = parts_by_rows(rows.iter().copied());
        assert_eq!(parts, [0..2, 2..4, 4..8, 8..9]);
        let no_rows = parts_by_rows([0, 0].into_iter());
        assert_eq!((no_rows.len(), &no_rows[0]), (1, &(0..2)));
        assert!(parts_by_rows(std::iter::empty()).is_empty());
    }
}

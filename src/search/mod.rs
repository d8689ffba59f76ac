//! Full-text search without a server: an index of our own, built from what the build already
//! holds (each page's paragraphs, headings and notes as plain text, the names its mentions
//! resolved to, the registry), written as small JSON files under `search/index/` that
//! `static/search-index.js` reads in the reader's browser, fetching only the files a query
//! needs.
//!
//! # Records
//!
//! A record is what a result links to. They are numbered kind after kind (the order of
//! [`KINDS`]), so that a kind is a range of ids: each person, event, group and place page and each
//! glossary term (the name weighted highest, then the aliases, then the summary and text);
//! each document, collection and chapter page and the other pages with text (the title
//! weighted, then the paragraphs, headings and bibliography, each with its id on the page, so
//! that a result leads to the paragraph where the words stand); each note (`page/#fn-N`).
//! Not the lists that only repeat them (the timeline, the works cited, the A–Z lists).
//!
//! # Files
//!
//! - `meta.json`: `{"version":1,"records":N,"kinds":[["Person",0,113],…],"chunks":[0,97,…],
//!   "shards":["a","b","ch",…]}` — each kind's range of ids `[start, end)`, the first id of
//!   each record chunk, and the key of each term shard, sorted.
//! - `terms/KEY.json`: `{"term":"postings",…}`, the terms whose longest prefix among the shard
//!   keys is KEY (the file name as [`codec::shard_file`] spells it). A term is a word's stem
//!   ([`stem`]), so that a query finds the word's other forms. Keys are the first letter
//!   of the terms, then one letter more wherever a shard would pass [`SHARD_BYTES`], so the
//!   files stay small as the collection grows. The postings of a term are, for each record
//!   that holds it, the difference of its id from the one before and a score, in the
//!   digits of [`codec`]. The score is BM25's term frequency part, with a weight for each
//!   field, times 8 and rounded: the client multiplies it by the term's IDF (from the number
//!   of records and the number of postings) and adds up the words of the query.
//! - `records/N.json`: records `chunks[N]` and on, each `[url, title, [anchor, text, …]]`
//!   with its URL relative to the site's base and the text of each paragraph (the anchor is
//!   `""` where the record's own URL is the place), from which the client picks the
//!   paragraph to link to and makes the excerpt. A chunk holds up to [`CHUNK_RECORDS`]
//!   records or about [`CHUNK_BYTES`] of text.
//! - `filters.json`: the choices of the filters, `{"person":[[id, name],…],"document":
//!   [[path, title],…]}`, and `filters/person-I.json`, `filters/document-I.json`: the ids of
//!   the records of the I-th choice (a JSON string of differences, as above).
//!
//! Words are normalised and stemmed the same way here and in the client ([`words`], and
//! [`stem`] compiled to WebAssembly as `search/stem.wasm`). A record's fields are its name, its
//! aliases (every spelling it is found under, and the other forms of the numbers in them:
//! [`numbers`]), its text, and the spellings of the entities it names. The output depends on
//! the content only: the same site gives the same bytes.

pub mod codec;
mod numbers;
mod postings;
mod records;
pub mod stem;
pub mod words;

use rayon::prelude::*;
use serde::Serialize;

use crate::analyse::PageAnalysis;
use crate::content::Content;
use crate::entity::Registry;
use crate::markdown::ShortText;
use crate::write::{OutputFile, Sink};
use records::{Choices, Record};

/// Where the search page and its index live in the site.
pub const SEARCH_DIR: &str = "search";
const INDEX_DIR: &str = "search/index";
pub const FORMAT_VERSION: u32 = 1;

/// The kinds of record, in the order of their ids, as the search page names them.
pub const KINDS: [&str; 9] = [
    "Person", "Event", "Group", "Term", "Place", "Document", "Chapter", "Page", "Note",
];
const PERSON: usize = 0;
const EVENT: usize = 1;
const GROUP: usize = 2;
const TERM: usize = 3;
const PLACE: usize = 4;
const DOCUMENT: usize = 5;
const CHAPTER: usize = 6;
const PAGE: usize = 7;
const NOTE: usize = 8;

/// The fields of a record: an entity's name, its aliases (or a page's title), the text, the
/// spellings of the entities it names.
const NAME: usize = 0;
const ALIAS: usize = 1;
const BODY: usize = 2;
/// The spellings of the entities a record names, whichever its text uses: "Myasnikov" finds
/// the passages that write "Miasnikov" or "Мясников".
const NAMED: usize = 3;
const FIELDS: usize = 4;

/// A term shard is split by one more letter beyond this size.
pub const SHARD_BYTES: usize = 32 * 1024;
/// A record chunk ends after this much text, or this many records.
pub const CHUNK_BYTES: usize = 32 * 1024;
pub const CHUNK_RECORDS: usize = 256;

/// What the index is built from.
#[derive(Clone, Copy)]
pub struct Sources<'a> {
    pub content: &'a Content,
    /// What was read of each page: its paragraphs, notes and the names it gives.
    pub pages: &'a [PageAnalysis],
    /// The registry's own texts, by entity.
    pub registry_texts: &'a [ShortText],
    pub registry: &'a Registry,
}

/// The search index of the site, as files under `search/index/`.
/// The term shards and record chunks go to `sink` as they are made: at scale they are
/// hundreds of megabytes.
pub fn index(sources: Sources<'_>, sink: &Sink) -> anyhow::Result<Vec<OutputFile>> {
    let (records, choices) = records::records(sources);
    let (shards, mut files) = postings::term_files(&records, sink)?;
    let chunks = chunk_starts(&records);
    files.extend(chunk_files(&records, &chunks, sink)?);
    files.extend(filter_files(&records, &choices));
    files.push(meta_file(&records, &chunks, &shards));
    Ok(files)
}

/// The first id of each record chunk.
fn chunk_starts(records: &[Record]) -> Vec<u32> {
    let mut starts = Vec::new();
    let mut size = 0;
    let mut count = 0;
    for (id, record) in records.iter().enumerate() {
        if id == 0 || size >= CHUNK_BYTES || count >= CHUNK_RECORDS {
            starts.push(id as u32);
            size = 0;
            count = 0;
        }
        size += record.text_bytes();
        count += 1;
    }
    starts
}

fn push_json_string(json: &mut Vec<u8>, text: &str) {
    // Serialising a string into memory does not fail.
    let _ = serde_json::to_writer(&mut *json, text);
}

fn chunk_files(records: &[Record], starts: &[u32], sink: &Sink) -> anyhow::Result<Vec<OutputFile>> {
    (0..starts.len())
        .into_par_iter()
        .map(|n| {
            let start = starts[n] as usize;
            let end = starts.get(n + 1).map_or(records.len(), |&e| e as usize);
            let chunk = &records[start..end];
            let mut json =
                Vec::with_capacity(chunk.iter().map(|r| r.text_bytes() + 16).sum::<usize>());
            json.push(b'[');
            for (i, record) in chunk.iter().enumerate() {
                if i > 0 {
                    json.extend_from_slice(b",\n");
                }
                json.push(b'[');
                push_json_string(&mut json, &record.url);
                json.push(b',');
                push_json_string(&mut json, &record.title);
                json.extend_from_slice(b",[");
                for (j, (anchor, text)) in record.paragraphs.iter().enumerate() {
                    if j > 0 {
                        json.push(b',');
                    }
                    push_json_string(&mut json, anchor);
                    json.push(b',');
                    push_json_string(&mut json, text);
                }
                json.extend_from_slice(b"]]");
            }
            json.extend_from_slice(b"]\n");
            sink.put(OutputFile::bytes(
                format!("{INDEX_DIR}/records/{n}.json"),
                json,
            ))
        })
        .collect()
}

fn filter_files(records: &[Record], choices: &Choices) -> Vec<OutputFile> {
    let mut person = vec![Vec::new(); choices.person.len()];
    let mut document = vec![Vec::new(); choices.document.len()];
    for (id, record) in records.iter().enumerate() {
        for &p in &record.people {
            person[p as usize].push(id as u32);
        }
        if let Some(d) = record.document {
            document[d as usize].push(id as u32);
        }
    }
    let mut files = vec![OutputFile::bytes(
        format!("{INDEX_DIR}/filters.json"),
        serde_json::to_vec(choices).unwrap_or_default(),
    )];
    for (name, lists) in [("person", person), ("document", document)] {
        for (i, ids) in lists.iter().enumerate() {
            let mut json = Vec::new();
            push_json_string(&mut json, &codec::encode_ids(ids));
            files.push(OutputFile::bytes(
                format!("{INDEX_DIR}/filters/{name}-{i}.json"),
                json,
            ));
        }
    }
    files
}

#[derive(Serialize)]
struct Meta<'a> {
    version: u32,
    records: usize,
    kinds: Vec<(&'static str, usize, usize)>,
    chunks: &'a [u32],
    shards: &'a [String],
}

fn meta_file(records: &[Record], chunks: &[u32], shards: &[String]) -> OutputFile {
    let kinds = KINDS
        .iter()
        .enumerate()
        .map(|(kind, label)| {
            let start = records.partition_point(|r| r.kind < kind);
            let end = records.partition_point(|r| r.kind <= kind);
            (*label, start, end)
        })
        .collect();
    let meta = Meta {
        version: FORMAT_VERSION,
        records: records.len(),
        kinds,
        chunks,
        shards,
    };
    OutputFile::bytes(
        format!("{INDEX_DIR}/meta.json"),
        serde_json::to_vec(&meta).unwrap_or_default(),
    )
}

#[cfg(test)]
mod tests;

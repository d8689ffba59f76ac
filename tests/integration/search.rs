//! The search index of the bundled collection, read from the built site as the client reads
//! it: its files are there, every record leads to a page and a place on it that exist, and
//! a reference query (the client's ranking, in a few lines) finds what a reader looks for.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::common::*;
use annals::internals::{codec, words};
use serde_json::Value;

fn site() -> &'static Path {
    bundled_site()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The index of a built site, read lazily like the client does.
struct Index {
    dir: PathBuf,
    meta: Value,
}

/// A record as a chunk holds it.
#[derive(Debug)]
struct Record {
    url: String,
    title: String,
    paragraphs: Vec<(String, String)>,
}

impl Index {
    fn open(site: &Path) -> Index {
        let dir = site.join("search/index");
        let meta = read_json(&dir.join("meta.json"));
        Index { dir, meta }
    }

    fn shard_keys(&self) -> Vec<&str> {
        self.meta["shards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect()
    }

    /// The postings of `term`: its shard is the one of the longest key that starts it.
    fn postings(&self, term: &str) -> Vec<(u32, u32)> {
        let keys = self.shard_keys();
        let Some(key) = codec::shard_key(&keys, term) else {
            return Vec::new();
        };
        let shard = read_json(
            &self
                .dir
                .join(format!("terms/{}.json", codec::shard_file(key))),
        );
        shard[term]
            .as_str()
            .map(|p| codec::decode_postings(p).expect("postings decode"))
            .unwrap_or_default()
    }

    /// The ids of the records holding every word of `query`, best first: each word's
    /// postings weighted by the word's IDF, summed.
    fn query(&self, query: &str) -> Vec<u32> {
        let records = self.meta["records"].as_f64().unwrap();
        let words = words::words(query);
        let mut found: HashMap<u32, (usize, f64)> = HashMap::new();
        for word in &words {
            // The index's terms are stems, as the browser looks them up.
            let postings = self.postings(&annals::internals::stem(word));
            let df = postings.len() as f64;
            let idf = (1.0 + (records - df + 0.5) / (df + 0.5)).ln();
            for (id, score) in postings {
                let entry = found.entry(id).or_default();
                entry.0 += 1;
                entry.1 += idf * f64::from(score);
            }
        }
        let mut ranked: Vec<(u32, f64)> = found
            .into_iter()
            .filter(|(_, (n, _))| *n == words.len())
            .map(|(id, (_, score))| (id, score))
            .collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.into_iter().map(|(id, _)| id).collect()
    }

    /// Every record, in order of id.
    fn records(&self) -> Vec<Record> {
        let chunks = self.meta["chunks"].as_array().unwrap();
        let mut records = Vec::new();
        for (n, start) in chunks.iter().enumerate() {
            assert_eq!(start.as_u64().unwrap() as usize, records.len(), "chunk {n}");
            let chunk = read_json(&self.dir.join(format!("records/{n}.json")));
            for record in chunk.as_array().unwrap() {
                let flat = record[2].as_array().unwrap();
                records.push(Record {
                    url: record[0].as_str().unwrap().to_string(),
                    title: record[1].as_str().unwrap().to_string(),
                    paragraphs: flat
                        .chunks(2)
                        .map(|p| {
                            (
                                p[0].as_str().unwrap().to_string(),
                                p[1].as_str().unwrap().to_string(),
                            )
                        })
                        .collect(),
                });
            }
        }
        assert_eq!(records.len() as u64, self.meta["records"].as_u64().unwrap());
        records
    }

    fn kind_of(&self, id: u32) -> &str {
        let kinds = self.meta["kinds"].as_array().unwrap();
        kinds
            .iter()
            .find(|k| k[1].as_u64().unwrap() <= id.into() && u64::from(id) < k[2].as_u64().unwrap())
            .and_then(|k| k[0].as_str())
            .unwrap_or("")
    }
}

#[test]
fn the_index_is_written_under_search() {
    let dir = site().join("search/index");
    for file in ["meta.json", "filters.json", "records/0.json"] {
        assert!(dir.join(file).is_file(), "{file}");
    }
    let index = Index::open(site());
    let keys = index.shard_keys();
    assert!(keys.len() > 10);
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "the keys are sorted");
    for key in &keys {
        let file = dir.join(format!("terms/{}.json", codec::shard_file(key)));
        let shard = read_json(&file);
        assert!(
            shard
                .as_object()
                .unwrap()
                .keys()
                .all(|term| term.starts_with(key)),
            "{key}"
        );
    }
    assert!(!site().join("pagefind").exists());
    let kinds: Vec<&str> = index.meta["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k[0].as_str().unwrap())
        .collect();
    assert_eq!(kinds, annals::internals::SEARCH_KINDS);
}

#[test]
fn every_record_leads_to_a_page_and_a_place_on_it() {
    let index = Index::open(site());
    let mut ids_of_page: BTreeMap<String, String> = BTreeMap::new();
    let records = index.records();
    assert!(records.len() > 1000, "{}", records.len());
    for (id, record) in records.iter().enumerate() {
        let (path, fragment) = match record.url.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (record.url.as_str(), None),
        };
        assert!(path.is_empty() || path.ends_with('/'), "{}", record.url);
        let html = ids_of_page.entry(path.to_string()).or_insert_with(|| {
            std::fs::read_to_string(site().join(path).join("index.html"))
                .unwrap_or_else(|e| panic!("{}: {e}", record.url))
        });
        let anchors = fragment
            .into_iter()
            .chain(record.paragraphs.iter().map(|(a, _)| a.as_str()));
        for anchor in anchors.filter(|a| !a.is_empty()) {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{} (record {id}, {}): no #{anchor}",
                record.url,
                record.title
            );
        }
        if index.kind_of(id as u32) == "Note" {
            assert!(
                fragment.is_some_and(|f| f.starts_with("fn-")),
                "{}",
                record.url
            );
        }
    }
    let urls: Vec<&str> = records.iter().map(|r| r.url.as_str()).collect();
    for url in [
        "people/miasnikov/",
        "events/kronstadt-revolt/",
        "terms/nep/",
    ] {
        assert!(urls.contains(&url), "{url}");
    }
    for list in ["people/", "timeline/", "sources/", "search/", "documents/"] {
        assert!(!urls.contains(&list), "{list} is a list, not a record");
    }
}

#[test]
fn miasnikov_leads_to_his_page() {
    let index = Index::open(site());
    let records = index.records();
    for query in ["Miasnikov", "Мясников", "Myasnikov", "MIASNIKOV"] {
        let found = index.query(query);
        assert!(!found.is_empty(), "{query}");
        assert_eq!(
            records[found[0] as usize].url, "people/miasnikov/",
            "{query}"
        );
    }
    let found = index.query("Dubinsky-Mukhadze Ordzhonikidze");
    assert!(
        found.iter().any(|&id| {
            let record = &records[id as usize];
            record.url.contains("chapter-09-") && record.url.contains("#fn-")
        }),
        "the note of chapter 9"
    );
}

#[test]
fn the_filters_list_the_people_and_documents() {
    let dir = site().join("search/index");
    let filters = read_json(&dir.join("filters.json"));
    let people = filters["person"].as_array().unwrap();
    let at = people
        .iter()
        .position(|p| p[1] == "Gavriil Il'ich Miasnikov")
        .expect("Miasnikov is a choice");
    assert_eq!(people[at][0], "miasnikov");
    let ids = read_json(&dir.join(format!("filters/person-{at}.json")));
    let ids = codec::decode_ids(ids.as_str().unwrap()).unwrap();
    let records = Index::open(site()).records();
    assert!(!ids.is_empty());
    for id in ids {
        let url = &records[id as usize].url;
        assert!(
            ["avrich-1984", "olivier-2010", "wikipedia-workers-group"]
                .iter()
                .any(|d| url.starts_with(&format!("documents/{d}/"))),
            "{url}"
        );
    }
    let documents = filters["document"].as_array().unwrap();
    assert_eq!(documents.len(), 4, "{documents:?}");
}

#[test]
fn the_index_does_not_depend_on_the_base_or_the_build() {
    let other = tempfile::tempdir().unwrap();
    build_site(&repo_root(), other.path(), Some("/annals/"));
    let files = |root: &Path| -> BTreeMap<String, Vec<u8>> {
        let dir = root.join("search/index");
        walkdir::WalkDir::new(&dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let path = e.path().strip_prefix(&dir).unwrap().display().to_string();
                (path, std::fs::read(e.path()).unwrap())
            })
            .collect()
    };
    let here = files(site());
    let there = files(other.path());
    assert_eq!(
        here.keys().collect::<Vec<_>>(),
        there.keys().collect::<Vec<_>>()
    );
    assert!(here == there, "the same content gives the same bytes");
    let page = std::fs::read_to_string(other.path().join("search/index.html")).unwrap();
    assert!(page.contains("data-base=\"/annals/\""));
    assert!(page.contains("src=\"/annals/search.js\""));
}

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::postings::term_files;
use super::*;
use crate::write::Contents;

fn note<'a>(url: &str, title: &str, text: &'a str) -> Record<'a> {
    Record {
        kind: NOTE,
        url: url.into(),
        title: title.into(),
        name: None,
        aliases: Vec::new(),
        paragraphs: vec![("", Cow::Borrowed(text))],
        body_from: 0,
        document: Some(0),
        people: vec![0],
        named: Vec::new(),
    }
}

fn person<'a>(name: &'a str, aliases: Vec<&'a str>, body: &'a str) -> Record<'a> {
    Record {
        kind: PERSON,
        url: "people/miasnikov/".into(),
        title: name.into(),
        name: Some(name),
        paragraphs: vec![
            (
                "",
                Cow::Owned(format!("Also written: {}", aliases.join(", "))),
            ),
            ("", Cow::Borrowed(body)),
        ],
        aliases: aliases.into_iter().map(Cow::Borrowed).collect(),
        body_from: 1,
        document: None,
        people: Vec::new(),
        named: Vec::new(),
    }
}

fn chapter<'a>(title: &'a str, paragraphs: &[&'a str]) -> Record<'a> {
    Record {
        kind: CHAPTER,
        url: "documents/book/chapter-09/".into(),
        title: title.into(),
        name: None,
        aliases: vec![Cow::Borrowed(title)],
        paragraphs: paragraphs
            .iter()
            .map(|p| ("p-1", Cow::Borrowed(*p)))
            .collect(),
        body_from: 0,
        document: Some(0),
        people: vec![0],
        named: Vec::new(),
    }
}

fn sample() -> Vec<Record<'static>> {
    vec![
        person(
            "Gavriil Il'ich Miasnikov",
            vec!["Miasnikov", "Myasnikov", "Мясников"],
            "Metalworker from Motovilikha, founder of the Workers' Group.",
        ),
        chapter(
            "9. The Georgian Incident",
            &[
                "Miasnikov wrote to Lenin; Lenin answered Miasnikov at length.",
                "Ordzhonikidze struck a Georgian communist.",
            ],
        ),
        note(
            "documents/book/chapter-09/#fn-7",
            "Note 7 · The book — 9. The Georgian Incident",
            "I. Dubinsky-Mukhadze, Ordzhonikidze, Moscow, 1967, p. 224.",
        ),
    ]
}

fn choices() -> Choices {
    Choices {
        person: vec![("miasnikov".into(), "Gavriil Il'ich Miasnikov".into())],
        document: vec![("documents/book/".into(), "The book".into())],
    }
}

fn build(records: &[Record]) -> BTreeMap<String, Vec<u8>> {
    let (shards, terms) = term_files(records, &Sink::Memory).unwrap();
    let chunks = chunk_starts(records);
    let mut files = terms;
    files.extend(chunk_files(records, &chunks, &Sink::Memory).unwrap());
    files.extend(filter_files(records, &choices()));
    files.push(meta_file(records, &chunks, &shards));
    files
        .into_iter()
        .map(|f| match f.contents {
            Contents::Bytes(bytes) => (f.path, bytes),
            _ => unreachable!("the index is made in memory"),
        })
        .collect()
}

fn json(files: &BTreeMap<String, Vec<u8>>, path: &str) -> serde_json::Value {
    serde_json::from_slice(&files[&format!("{INDEX_DIR}/{path}")]).unwrap()
}

/// The postings of `term`, looked up as the client does: its stem, in the shard of the
/// longest key that starts it.
fn lookup(files: &BTreeMap<String, Vec<u8>>, term: &str) -> Vec<(u32, u32)> {
    let meta = json(files, "meta.json");
    let keys: Vec<&str> = meta["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap())
        .collect();
    let term = &*super::stem::stem(term);
    let Some(key) = codec::shard_key(&keys, term) else {
        return Vec::new();
    };
    let shard = json(files, &format!("terms/{}.json", codec::shard_file(key)));
    shard[term]
        .as_str()
        .map(|p| codec::decode_postings(p).unwrap())
        .unwrap_or_default()
}

/// The ids of the records holding every word of `query`, best first.
fn query(files: &BTreeMap<String, Vec<u8>>, query: &str) -> Vec<u32> {
    let mut totals: BTreeMap<u32, (usize, u32)> = BTreeMap::new();
    let terms = words::words(query);
    for term in &terms {
        for (id, score) in lookup(files, term) {
            let total = totals.entry(id).or_default();
            total.0 += 1;
            total.1 += score;
        }
    }
    let mut found: Vec<(u32, u32)> = totals
        .into_iter()
        .filter(|(_, (n, _))| *n == terms.len())
        .map(|(id, (_, score))| (id, score))
        .collect();
    found.sort_by_key(|&(id, score)| (std::cmp::Reverse(score), id));
    found.into_iter().map(|(id, _)| id).collect()
}

#[test]
fn the_entity_outranks_the_pages_that_name_it() {
    let records = sample();
    let files = build(&records);
    assert_eq!(query(&files, "Miasnikov"), [0, 1]);
    assert_eq!(query(&files, "Мясников"), [0], "an alias");
    assert_eq!(query(&files, "myasnikov"), [0]);
    assert_eq!(query(&files, "Motovilikha"), [0], "the biography");
}

#[test]
fn a_note_is_found_by_its_words() {
    let records = sample();
    let files = build(&records);
    assert_eq!(query(&files, "Dubinsky-Mukhadze Ordzhonikidze"), [2]);
    let mut both = query(&files, "Ordzhonikidze");
    both.sort_unstable();
    assert_eq!(both, [1, 2]);
    let chunk = json(&files, "records/0.json");
    assert_eq!(chunk[2][0], "documents/book/chapter-09/#fn-7");
    assert_eq!(chunk[2][1], "Note 7 · The book — 9. The Georgian Incident");
    assert_eq!(chunk[1][2][0], "p-1", "paragraphs come with their anchors");
}

#[test]
fn the_kinds_are_ranges_and_filters_lists() {
    let records = sample();
    let files = build(&records);
    let meta = json(&files, "meta.json");
    assert_eq!(meta["version"], FORMAT_VERSION);
    assert_eq!(meta["records"], 3);
    assert_eq!(meta["kinds"][0], serde_json::json!(["Person", 0, 1]));
    assert_eq!(meta["kinds"][4], serde_json::json!(["Place", 1, 1]));
    assert_eq!(meta["kinds"][6], serde_json::json!(["Chapter", 1, 2]));
    assert_eq!(meta["kinds"][8], serde_json::json!(["Note", 2, 3]));
    let filters = json(&files, "filters.json");
    assert_eq!(filters["person"][0][1], "Gavriil Il'ich Miasnikov");
    let ids = json(&files, "filters/person-0.json");
    assert_eq!(codec::decode_ids(ids.as_str().unwrap()).unwrap(), [1, 2]);
}

#[test]
fn postings_survive_the_blocks_they_are_built_in() {
    // Enough text for several blocks, each with "common" and some "rare".
    let filler = "filler ".repeat(40);
    let texts: Vec<String> = (0..1000)
        .map(|i| {
            let rare = if i % 7 == 0 { "rare" } else { "" };
            format!("common {rare} word{i} {filler}")
        })
        .collect();
    let records: Vec<Record> = texts
        .iter()
        .map(|t| note("documents/a/#fn-1", "Note", t))
        .collect();
    let files = rayon::ThreadPoolBuilder::new()
        .num_threads(3)
        .build()
        .unwrap()
        .install(|| build(&records));
    let ids =
        |term: &str| -> Vec<u32> { lookup(&files, term).into_iter().map(|(id, _)| id).collect() };
    assert_eq!(ids("common"), (0..1000).collect::<Vec<u32>>());
    assert_eq!(ids("rare"), (0..1000).step_by(7).collect::<Vec<u32>>());
    assert_eq!(ids("word999"), [999]);
    let keys = shard_keys(&files);
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted: {keys:?}");
}

#[test]
fn large_shards_split_by_one_more_letter() {
    let texts: Vec<String> = (0..3000).map(|i| format!("ta{i} tb{i} t")).collect();
    let records: Vec<Record> = texts
        .iter()
        .map(|t| note("documents/a/#fn-1", "Note", t))
        .collect();
    let files = build(&records);
    let keys = shard_keys(&files);
    assert!(keys.iter().any(|k| k == "t"), "{keys:?}");
    assert!(
        keys.iter().any(|k| k.starts_with("ta") && k.len() > 2),
        "{keys:?}"
    );
    assert_eq!(lookup(&files, "t").len(), 3000);
    assert_eq!(
        lookup(&files, "ta2999"),
        [(2999, lookup(&files, "ta2999")[0].1)]
    );
    for (path, bytes) in &files {
        if path.contains("/terms/") {
            assert!(bytes.len() < SHARD_BYTES * 2, "{path}: {}", bytes.len());
        }
    }
}

#[test]
fn the_same_records_give_the_same_bytes() {
    let records = sample();
    assert_eq!(build(&records), build(&records));
    let texts: Vec<String> = (0..2000)
        .map(|i| format!("alpha{} beta {i}", i % 13))
        .collect();
    let many: Vec<Record> = texts
        .iter()
        .map(|t| note("documents/a/#fn-1", "Note", t))
        .collect();
    let with = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| build(&many))
    };
    assert_eq!(with(1), with(3), "however many threads build it");
}

/// The keys of the term shards, as `meta.json` lists them.
fn shard_keys(files: &BTreeMap<String, Vec<u8>>) -> Vec<String> {
    json(files, "meta.json")["shards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k.as_str().unwrap().to_string())
        .collect()
}

/// Words that share long prefixes once split shards a letter deeper per call, deeper than
/// the stack (a 14,030- and an 18,771-letter word), and named shard files longer than a
/// file system allows (400 words of 52 Cyrillic letters).
#[test]
fn words_sharing_long_prefixes_share_a_shard_of_a_short_name() {
    let long = format!("{} {}", "y".repeat(14030), "y".repeat(18771));
    let cyrillic: Vec<String> = (0..400)
        .map(|i| {
            let tail: String = format!("{i:03}")
                .chars()
                .map(|d| char::from_u32('а' as u32 + d.to_digit(10).unwrap()).unwrap())
                .collect();
            format!("{}{tail}", "я".repeat(49))
        })
        .collect();
    let cyrillic = cyrillic.join(" ");
    let records = vec![
        note("documents/a/#fn-1", "Note", &long),
        note("documents/a/#fn-2", "Note", &cyrillic),
    ];
    let files = build(&records);
    for key in shard_keys(&files) {
        assert!(key.chars().count() <= 6, "{key}");
    }
    for path in files.keys() {
        let name = path.rsplit('/').next().unwrap();
        assert!(name.len() <= 64, "{name}");
    }
    assert_eq!(lookup(&files, &"y".repeat(18771)).len(), 1);
    let last = format!("{}гйй", "я".repeat(49));
    assert_eq!(lookup(&files, &last).len(), 1, "the 400th word is found");
}

/// A passage is found by any spelling of the entities it names, whichever it writes: the
/// spellings come from the entry (a French transliteration here, unlike the bundled texts').
#[test]
fn a_passage_is_found_by_the_spellings_of_the_entities_it_names() {
    use crate::entity::test_support::entity;
    let person = entity(
        "person",
        "tchitcherine",
        "Georgy Tchitcherine",
        &["Chicherin", "Чичерин"],
    );
    let spellings = super::records::search_spellings(&person);
    for word in ["tchitcherine", "chicherin", "чичерин", "georgy"] {
        assert!(
            spellings.split(' ').any(|w| w == word),
            "{word} in {spellings}"
        );
    }
    let event = entity("event", "genoa", "Genoa Conference", &["Genoa"]);
    assert_eq!(
        &*super::records::search_spellings(&event),
        "genoa",
        "a longer name's words are no spellings"
    );

    let mut passage = note("documents/a/#fn-1", "Note", "Tchitcherine went to Genoa.");
    passage.named = vec![spellings];
    let other = note("documents/b/#fn-1", "Note", "Nobody went.");
    let files = build(&[passage, other]);
    assert_eq!(
        lookup(&files, "chicherin").len(),
        1,
        "found by a spelling it does not write"
    );
    assert_eq!(lookup(&files, "чичерин").len(), 1);
    assert!(lookup(&files, "nobody").len() == 1 && lookup(&files, "chicherin")[0].0 == 0);
}

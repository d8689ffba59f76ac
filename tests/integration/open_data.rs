//! What machines read from the built bundled site: the open data under /data/, schema.org
//! JSON-LD and Open Graph on every page type.

use std::collections::BTreeMap;

use crate::common::*;
use annals::diagnostic::Diagnostics;
use scraper::Html;

fn json_ld(dir: &std::path::Path, path: &str) -> serde_json::Value {
    let html = Html::parse_document(&std::fs::read_to_string(dir.join(path)).unwrap());
    let script = select(&html, "script[type='application/ld+json']");
    assert_eq!(script.len(), 1, "{path}");
    serde_json::from_str(&script[0].text().collect::<String>())
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn open_data_and_structured_data_describe_the_registry() {
    let out = tempfile::tempdir().unwrap();
    let root = repo_root();
    build_site(&root, out.path(), None);

    // /data/people.json: every person of the registry, with id, name, dates and mentions,
    // the count the person's page gives.
    let registry = annals::internals::load_registry(
        &root.join("content"),
        &|p| p.to_path_buf(),
        (false, &mut Default::default()),
        &mut Diagnostics::default(),
    );
    let people: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(out.path().join("data/people.json")).unwrap())
            .unwrap();
    let in_registry: BTreeMap<String, &annals::internals::Entity> = registry
        .entities
        .iter()
        .filter(|e| e.kind().key() == "person")
        .map(|e| (e.id.clone(), e))
        .collect();
    assert_eq!(people.len(), in_registry.len());
    for person in &people {
        let id = person["id"].as_str().unwrap();
        let entity = in_registry
            .get(id)
            .unwrap_or_else(|| panic!("{id} is not in the registry"));
        assert_eq!(person["name"], entity.name.as_str());
        for dated in &entity.dates {
            assert_eq!(
                person["dates"][dated.field]["edtf"],
                dated.date.edtf().as_str(),
                "{id} {}",
                dated.field
            );
        }
        // Its page and the further pages of its mentions, if it has them.
        let listed = mentions_listed(&out.path().join(format!("people/{id}")));
        assert_eq!(
            person["mentions"].as_u64().unwrap() as usize,
            listed,
            "{id}"
        );
    }
    let lenin = people.iter().find(|p| p["id"] == "lenin").unwrap();
    assert!(lenin["mentions"].as_u64().unwrap() > 100);

    // mentions.csv and notes.csv: a header and a row per mention / note.
    let mentions = std::fs::read_to_string(out.path().join("data/mentions.csv")).unwrap();
    assert!(mentions.starts_with("entity,kind,document,url,paragraph,in_note,snippet\n"));
    let total: u64 = ["people", "events", "groups"]
        .iter()
        .flat_map(|k| {
            serde_json::from_slice::<Vec<serde_json::Value>>(
                &std::fs::read(out.path().join(format!("data/{k}.json"))).unwrap(),
            )
            .unwrap()
        })
        .map(|e| e["mentions"].as_u64().unwrap())
        .sum();
    let rows = csv_rows(&mentions);
    let term_rows = rows.iter().filter(|r| r[1] == "term").count() as u64;
    assert_eq!(rows.len() as u64, total + term_rows);
    let notes = csv_rows(&std::fs::read_to_string(out.path().join("data/notes.csv")).unwrap());
    assert_eq!(notes.iter().filter(|r| r[4] != "missing").count(), 872 + 36);
    // A note's words as the source has them: where its HTML closed a tag (`<span
    // lang="ru">С</span>. 59`), no space came in before the punctuation.
    let texts: Vec<&String> = notes.iter().map(|r| &r[5]).collect();
    assert!(
        texts.iter().any(|t| t.contains("ПСС, Т. 39, С. 59")),
        "{texts:#?}"
    );
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("С . ") || t.contains("ПСС ,"))
    );

    // JSON-LD on every page type.
    let miasnikov = json_ld(out.path(), "people/miasnikov/index.html");
    assert_eq!(miasnikov["@type"], "Person");
    assert_eq!(miasnikov["birthDate"], "1889");
    let congress = json_ld(out.path(), "events/tenth-party-congress/index.html");
    assert_eq!(
        (
            congress["@type"].as_str(),
            congress["startDate"].as_str(),
            congress["endDate"].as_str()
        ),
        (Some("Event"), Some("1921-03-08"), Some("1921-03-16"))
    );
    assert_eq!(
        json_ld(out.path(), "groups/workers-group/index.html")["@type"],
        "Organization"
    );
    let chapter = json_ld(
        out.path(),
        "documents/rogovin-1992/chapter-01-the-birth-of-the-one-party/index.html",
    );
    assert_eq!(chapter["@type"], "Chapter");
    assert_eq!(chapter["isPartOf"]["@type"], "Book");
    let article = json_ld(out.path(), "documents/avrich-1984/index.html");
    assert_eq!(
        (
            article["@type"].as_str(),
            article["author"][0]["name"].as_str()
        ),
        (Some("Article"), Some("Paul Avrich"))
    );
    let page = Html::parse_document(
        &std::fs::read_to_string(out.path().join("documents/avrich-1984/index.html")).unwrap(),
    );
    assert_eq!(
        select(&page, "meta[property='og:type']")[0]
            .value()
            .attr("content"),
        Some("article")
    );
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

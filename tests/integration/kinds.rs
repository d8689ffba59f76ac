//! A kind of entity added to a site: places in a copy of the registry fixture, found in its
//! document and given the pages, lists, menu entry, open data and search records every kind
//! with pages of its own has.

use std::path::Path;

use crate::common::*;
use scraper::Html;

const PERM: &str = r#"+++
name = "Perm"
aliases = ["Molotov"]
region = "Perm Governorate, Russia"
summary = "A city on the Kama, where Miasnikov was arrested in 1921."
+++

The city of the Motovilikha works.
"#;

const KRONSTADT: &str = r#"+++
name = "Kronstadt"
+++
"#;

const LETTER: &str = r#"+++
title = "A letter from the Urals"
+++

Miasnikov wrote from Perm in 1921, and again from Perm after the fall of Kronstadt.

## Later

The town was renamed Molotov in 1940; [the city](place:perm) kept its works.
"#;

/// The registry fixture with a folder of places and a document naming them, built.
fn built_with_places() -> (tempfile::TempDir, tempfile::TempDir) {
    let site = copy_of("registry");
    let content = site.path().join("content");
    std::fs::create_dir_all(content.join("places")).unwrap();
    std::fs::write(content.join("places/perm.md"), PERM).unwrap();
    std::fs::write(content.join("places/kronstadt.md"), KRONSTADT).unwrap();
    std::fs::write(content.join("documents/letter.md"), LETTER).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (summary, diagnostics) = build_site(site.path(), out.path(), None);
    assert!(!diagnostics.has_errors(), "{:?}", diagnostics.sorted());
    assert!(
        summary.entities.contains(&("place", "places", 2)),
        "{:?}",
        summary.entities
    );
    (site, out)
}

fn page(dir: &Path, path: &str) -> Html {
    Html::parse_document(
        &std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}")),
    )
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

#[test]
fn places_get_their_pages_lists_and_links() {
    let (_site, out) = built_with_places();
    let dir = out.path();

    let perm = page(dir, "places/perm/index.html");
    assert_eq!(texts(&perm, "h1"), vec!["Perm"]);
    assert_eq!(texts(&perm, ".collection-title a"), vec!["Place"]);
    let provenance = texts(&perm, ".provenance dd");
    assert!(
        provenance.contains(&"Perm Governorate, Russia".to_string()),
        "{provenance:?}"
    );
    // Every place in the letter that names Perm, by its name, its alias and an explicit link.
    let in_letter: Vec<_> = select(&perm, ".mentions li")
        .into_iter()
        .filter(|li| li.inner_html().contains("/documents/letter/#"))
        .collect();
    let mentions = mention_count(&in_letter);
    assert_eq!(mentions, 4, "{:?}", texts(&perm, ".mentions li"));

    let letter = page(dir, "documents/letter/index.html");
    let linked: Vec<&str> = select(&letter, "a.entity-place")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert!(linked.contains(&"/places/perm/") && linked.contains(&"/places/kronstadt/"));

    let index = page(dir, "places/index.html");
    assert_eq!(
        texts(&index, ".entity-list li > a"),
        vec!["Kronstadt", "Perm"]
    );
    assert_eq!(texts(&index, "main h2"), vec!["K", "P"], "places by letter");
    let menu: Vec<String> = texts(&index, "nav a");
    assert!(menu.contains(&"Places".to_string()), "{menu:?}");

    let data: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("data/places.json")).unwrap()).unwrap();
    let perm_record = data
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "perm")
        .unwrap();
    assert_eq!(perm_record["region"], "Perm Governorate, Russia");
    assert_eq!(perm_record["mentions"], 4);

    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("search/index/meta.json")).unwrap())
            .unwrap();
    let place_range = meta["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k[0] == "Place")
        .unwrap();
    assert_eq!(
        place_range[2].as_u64().unwrap() - place_range[1].as_u64().unwrap(),
        2,
        "two place records"
    );

    let search = page(dir, "search/index.html");
    let kinds = texts(&search, "#search-kind option");
    assert!(kinds.contains(&"Place".to_string()), "{kinds:?}");

    let report = annals::linkcheck::check_site(dir, "/").unwrap();
    assert!(report.broken.is_empty(), "{:?}", report.broken);
}

#[test]
fn a_site_without_places_has_no_place_pages_or_list() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("registry"), out.path(), None);
    assert!(!out.path().join("places").exists());
    assert!(!out.path().join("data/places.json").exists());
}

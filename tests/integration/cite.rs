//! The works cited in the bundled collection, as a reader finds them in the built site:
//! notes linking to their works and to the collection's own documents, "Cited by", Lenin's
//! works grouped across the book, and every "Ibid." of the book attributed.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::LazyLock;

use crate::common::*;
use regex::Regex;
use scraper::Html;

static SITE: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let out = tempfile::tempdir().unwrap();
    build_site(&repo_root(), out.path(), None);
    out
});

fn page(path: &str) -> Html {
    let file = SITE.path().join(path);
    Html::parse_document(&std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}")))
}

fn text(element: &scraper::ElementRef) -> String {
    element.text().collect::<String>()
}

fn hrefs(element: &scraper::ElementRef, selector: &str) -> Vec<String> {
    element
        .select(&scraper::Selector::parse(selector).unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn wikipedia_notes_citing_avrich_link_to_the_avrich_document_which_shows_cited_by() {
    let wikipedia = page("documents/wikipedia-workers-group/index.html");
    let mut citing = 0;
    for note in select(&wikipedia, "li.note") {
        if !text(&note).trim_start().starts_with("Avrich 1984") {
            continue;
        }
        citing += 1;
        let links = hrefs(&note, "a.note-document");
        assert_eq!(links, ["/documents/avrich-1984/"], "{}", text(&note));
        assert_eq!(hrefs(&note, "a.note-work"), ["/sources/avrich-1984/"]);
    }
    assert_eq!(citing, 18);
    let entry = select(&wikipedia, "li[id^='bib-']")
        .into_iter()
        .find(|li| text(li).starts_with("Avrich, Paul"))
        .expect("the Bibliography's entry for Avrich");
    assert!(hrefs(&entry, "a").contains(&"/documents/avrich-1984/".to_string()));
    // "Olivier 2009" is another work than the Olivier document (the registry says why).
    let olivier = select(&wikipedia, "li.note")
        .into_iter()
        .find(|n| text(n).trim_start().starts_with("Olivier 2009"))
        .unwrap();
    assert_eq!(hrefs(&olivier, "a.note-work"), ["/sources/olivier-2009/"]);
    assert!(hrefs(&olivier, "a.note-document").is_empty());

    let avrich = page("documents/avrich-1984/index.html");
    let cited_by: Vec<String> = select(&avrich, ".cited-by li")
        .iter()
        .map(|li| text(li).split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        cited_by,
        ["Workers' Group of the Russian Communist Party (18 citations)"]
    );
}

/// Notes naming Lenin's works in either edition, read from the book's Markdown.
static LENIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(Ленин|Lenin)[^;\]]{0,25}(ПСС|PSS|\bCW\b|Полное собрание сочинений|Collected Works)",
    )
    .unwrap()
});

#[test]
fn the_books_citations_of_lenins_works_are_one_work() {
    let book = repo_root().join("content/documents/rogovin-1992");
    let mut chapters_naming: BTreeSet<String> = BTreeSet::new();
    let mut notes_naming = 0;
    for entry in std::fs::read_dir(&book).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let naming = text
            .lines()
            .filter(|l| l.starts_with("[^") && LENIN.is_match(l))
            .count();
        if naming > 0 {
            notes_naming += naming;
            chapters_naming.insert(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    let work = page("sources/lenin-collected-works/index.html");
    let notes = select(&work, ".citing-list li").len();
    let chapters: BTreeSet<String> = select(&work, "h3.mention-document a")
        .iter()
        .map(|a| {
            let href = a.value().attr("href").unwrap();
            href.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    eprintln!(
        "Lenin's Collected Works: {notes} citing notes ({notes_naming} naming the work, the rest “Ibid.”) in {} chapters",
        chapters.len()
    );
    assert!(notes >= 60, "{notes} notes");
    assert!(notes >= notes_naming);
    // Every chapter whose notes name Lenin's works is among them: the book does so in 17
    // of its 53 sections, so no grouping could reach more.
    assert_eq!(chapters, chapters_naming);
    assert_eq!(chapters.len(), 17);
    let lenins: Vec<String> = select(&page("sources/index.html"), ".work-list .byline")
        .iter()
        .map(text)
        .filter(|byline| byline.contains("Lenin") || byline.contains("Ленин"))
        .collect();
    assert_eq!(lenins.len(), 1, "one work: {lenins:?}");
}

#[test]
fn every_ibid_of_the_book_is_attributed_to_a_work() {
    let ibid = Regex::new(r"(?i)\bibid\b|там же").unwrap();
    let book = SITE.path().join("documents/rogovin-1992");
    let mut ibids = 0;
    let mut unattributed = Vec::new();
    for entry in std::fs::read_dir(&book).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let html = page(&format!("documents/rogovin-1992/{name}/index.html"));
        for note in select(&html, "li.note") {
            let words = text(&note);
            if !ibid.is_match(&words) {
                continue;
            }
            ibids += 1;
            if hrefs(&note, "a.note-work").is_empty() {
                unattributed.push(format!("{name}: {}", words.trim()));
            }
        }
    }
    assert!(ibids >= 270, "{ibids} notes say Ibid.");
    assert!(
        unattributed.is_empty(),
        "not attributed:\n{}",
        unattributed.join("\n")
    );
}

#[test]
fn works_json_is_csl_and_every_work_has_a_page() {
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(SITE.path().join("sources/works.json")).unwrap(),
    )
    .unwrap();
    let works = json.as_array().unwrap();
    assert!(works.len() > 50);
    for work in works {
        let id = work["id"].as_str().unwrap();
        assert!(
            work["title"].is_string() && work["type"].is_string(),
            "{work}"
        );
        assert!(Path::new(&SITE.path().join("sources").join(id).join("index.html")).exists());
    }
    let avrich = works.iter().find(|w| w["id"] == "avrich-1984").unwrap();
    assert_eq!(avrich["author"][0]["family"], "Avrich");
    assert_eq!(avrich["URL"], "/documents/avrich-1984/");
}

/// Every mention of a much-named person is reachable from the pages of their mentions: the
/// paragraphs listed there, each with its count, add up to the rows of `data/mentions.csv`.
#[test]
fn every_mention_of_trotsky_is_listed_on_the_pages_of_his_mentions() {
    let csv = std::fs::read_to_string(SITE.path().join("data/mentions.csv")).unwrap();
    let in_csv = csv.lines().filter(|l| l.starts_with("trotsky,")).count();
    let listed = mentions_listed(&SITE.path().join("people/trotsky"));
    assert!(in_csv > 1000, "{in_csv}");
    assert_eq!(listed, in_csv);
}

/// A translator who cites the collected Works where the original cites the newspaper does
/// not make the two one work: Stalin's *Сочинения* is a work of its own, and *Правда* holds
/// no note that cites the *Сочинения*.
#[test]
fn stalins_works_are_not_filed_under_pravda() {
    let note_texts = |work: &str| -> Vec<String> {
        let html = page(&format!("sources/{work}/index.html"));
        select(&html, ".citing-list li p")
            .iter()
            .map(|p| text(p))
            .collect()
    };
    let works = note_texts("stalin-sochineniia");
    let citing = works.iter().filter(|n| n.contains("Сочинения")).count();
    assert!(citing >= 31, "{citing} notes cite the Сочинения by name");
    let pravda = note_texts("pravda");
    assert!(pravda.len() > 50, "{} notes cite Pravda", pravda.len());
    assert!(
        !pravda
            .iter()
            .any(|n| n.contains("Сталин, И. В., Сочинения")),
        "{:?}",
        pravda
            .iter()
            .filter(|n| n.contains("Сочинения"))
            .collect::<Vec<_>>()
    );
}

/// A congress's record is one work whatever its edition calls it ("Десятый съезд РКП(б)",
/// "Десятый съезд Российской Коммунистической партии (большевиков)"; "XIII съезд …",
/// "Тринадцатый съезд …"), while a title that only speaks of a congress is another work.
#[test]
fn each_congress_record_is_one_work() {
    let works: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(SITE.path().join("sources/works.json")).unwrap(),
    )
    .unwrap();
    let titles: Vec<&str> = works
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["title"].as_str())
        .collect();
    for (congress, forms) in [
        (
            "the Tenth Congress",
            ["Десятый съезд", "X съезд", "Tenth Congress"],
        ),
        (
            "the Thirteenth Congress",
            ["Тринадцатый съезд", "XIII съезд", "Thirteenth Congress"],
        ),
        (
            "the Fifteenth Conference",
            [
                "Пятнадцатая конференция",
                "XV Конференция",
                "Fifteenth Conference",
            ],
        ),
    ] {
        let records: Vec<&&str> = titles
            .iter()
            .filter(|t| {
                forms
                    .iter()
                    .any(|f| t.to_lowercase().starts_with(&f.to_lowercase()))
            })
            .collect();
        assert_eq!(records.len(), 1, "{congress}: {records:?}");
    }
    assert!(
        titles.iter().any(|t| t.starts_with("Задачи XII")),
        "a title about a congress stays its own work"
    );
}

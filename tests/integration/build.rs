//! Builds the fixture site and the bundled collection and checks the output as a reader's
//! browser would find it: links, fragments, notes and back links.

use std::path::Path;

use crate::common::*;
use annals::internals::CONTENT_DIR;
use annals::linkcheck;
use scraper::Html;

fn page(dir: &Path, path: &str) -> Html {
    let text = std::fs::read_to_string(dir.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    Html::parse_document(&text)
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn markdown_files(root: &Path) -> usize {
    walkdir::WalkDir::new(root.join(CONTENT_DIR))
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| {
            !e.path().components().any(|c| {
                c.as_os_str()
                    .to_str()
                    .is_some_and(annals::internals::is_registry_folder)
            })
        })
        .count()
}

fn assert_links_resolve(dir: &Path, prefix: &str) -> linkcheck::LinkReport {
    let report = linkcheck::check_site(dir, prefix).unwrap();
    let broken: Vec<String> = report
        .broken
        .iter()
        .map(|b| format!("{}: {} ({})", b.page, b.href, b.reason))
        .collect();
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(report.links > 0);
    report
}

/// How many years the built timeline has: each has its own page.
fn timeline_years(out: &Path) -> usize {
    let timeline =
        Html::parse_document(&std::fs::read_to_string(out.join("timeline/index.html")).unwrap());
    let years = select(&timeline, ".tl-year").len();
    for year in select(&timeline, ".tl-year h2") {
        let year: String = year.text().collect();
        assert!(
            out.join(format!("timeline/{year}/index.html")).exists(),
            "{year}"
        );
    }
    years
}

#[test]
fn fixture_site_builds_with_every_link_and_note_resolved() {
    let out = tempfile::tempdir().unwrap();
    let root = fixture("basic");
    let (summary, _) = build_site(&root, out.path(), None);
    // One page per Markdown file, plus the 404 and search pages and the timeline of its dated
    // prose with a page for each year; the one work its notes cite has a page, beside the list
    // of works in two orders.
    assert!(out.path().join("timeline/index.html").exists());
    let years = timeline_years(out.path());
    assert_eq!(
        summary.pages,
        markdown_files(&root) + 4 + years + 3,
        "documents/_index.md is generated"
    );
    assert_eq!(html_pages(out.path()).len(), summary.pages);
    assert_links_resolve(out.path(), "/");
    let markers: usize = html_pages(out.path())
        .iter()
        .map(|(p, html)| check_notes(p, html))
        .sum();
    assert_eq!(markers, 7);
    assert_eq!(
        std::fs::read_to_string(out.path().join("notice.txt"))
            .unwrap()
            .trim(),
        "Plain text copied as it is."
    );
    assert!(out.path().join("style.css").exists());
}

#[test]
fn notes_are_numbered_by_first_reference_with_a_back_link_per_citation() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("basic"), out.path(), None);
    let letter = page(out.path(), "documents/letter/index.html");
    let markers: Vec<(String, String)> = select(&letter, "sup.note-ref")
        .iter()
        .map(|m| {
            (
                m.value().attr("id").unwrap().to_string(),
                m.text().collect(),
            )
        })
        .collect();
    // Labelled by words, the notes are numbered in order and named by their labels.
    let expected = [
        ("fnref-once", "1"),
        ("fnref-twice", "2"),
        ("fnref-twice-2", "2"),
        ("fnref-lost", "3"),
    ];
    assert_eq!(
        markers,
        expected.map(|(a, b)| (a.to_string(), b.to_string()))
    );
    let twice = select(&letter, "li#fn-twice a.backref");
    assert_eq!(
        twice
            .iter()
            .map(|a| a.text().collect::<String>())
            .collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(
        select(&letter, "li#fn-twice p").len(),
        2,
        "the note's second paragraph is kept"
    );
    // The missing note is shown as missing, the uncited and the duplicate are kept.
    assert!(select(&letter, "sup.note-ref.missing a[href='#fn-lost']").len() == 1);
    assert!(texts(&letter, "li#fn-lost")[0].contains("missing"));
    assert!(texts(&letter, "li#fn-orphan")[0].contains("A note that nothing cites"));
    assert!(
        texts(&letter, "li#fn-once-second-5")[0].contains("A second note under the same label")
    );
}

#[test]
fn warnings_name_the_file_and_line_of_each_note_problem() {
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(&fixture("basic"), out.path(), None);
    let warnings: Vec<String> = diagnostics
        .warnings()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    let letter = fixture("basic").join("content/documents/letter.md");
    let at = |line: usize| format!("{}:{line}:", letter.display());
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with(&at(15)) && w.contains("[^lost]")),
        "{warnings:#?}"
    );
    assert!(
        warnings.iter().any(|w| w.starts_with(&at(25))
            && w.contains("[^orphan]")
            && w.contains("never cited")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.starts_with(&at(26)) && w.contains("second note")),
        "{warnings:#?}"
    );
    assert_eq!(warnings.len(), 3, "{warnings:#?}");
}

#[test]
fn paragraphs_and_headings_have_stable_ids_with_self_links() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("basic"), out.path(), None);
    let letter = page(out.path(), "documents/letter/index.html");
    let ids: Vec<&str> = select(&letter, ".document-body [id]")
        .iter()
        .filter_map(|e| e.value().attr("id"))
        .filter(|id| !id.starts_with("fnref"))
        .collect();
    assert_eq!(
        ids,
        ["p-1", "old-style-dates", "p-2", "old-style-dates-2", "p-3"]
    );
    assert_eq!(select(&letter, "p#p-2 > a.anchor[href='#p-2']").len(), 1);
    assert_eq!(
        select(
            &letter,
            "h2#old-style-dates > a.anchor[href='#old-style-dates']"
        )
        .len(),
        1
    );
}

#[test]
fn a_book_has_contents_and_chapters_link_to_their_neighbours() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("basic"), out.path(), None);
    let book = page(out.path(), "documents/book/index.html");
    assert_eq!(
        texts(&book, ".table-of-contents li a"),
        [
            "Chapter 1. The first chapter",
            "Chapter 2. The second chapter"
        ]
    );
    let first = page(out.path(), "documents/book/first/index.html");
    assert!(select(&first, "a[rel=prev]").is_empty());
    assert_eq!(
        select(&first, "a[rel=next]")[0].value().attr("href"),
        Some("/documents/book/02-second/")
    );
    let second = page(out.path(), "documents/book/02-second/index.html");
    assert_eq!(
        select(&second, "a[rel=prev]")[0].value().attr("href"),
        Some("/documents/book/first/")
    );
    assert_eq!(
        texts(&second, ".breadcrumbs li"),
        [
            "Home",
            "Documents",
            "A book in two chapters",
            "Chapter 2. The second chapter"
        ]
    );
    assert_eq!(
        texts(&book, ".provenance dd"),
        ["V. Z. Author", "F. Translator"]
    );
    // Documents are listed by weight, then by file name.
    let home = page(out.path(), "index.html");
    assert_eq!(
        texts(&home, ".document-list > li > a"),
        [
            "An article on the Workers' Group",
            "A book in two chapters",
            "A letter to the Central Committee"
        ]
    );
}

#[test]
fn the_site_works_under_a_sub_path() {
    let out = tempfile::tempdir().unwrap();
    build_site(
        &fixture("basic"),
        out.path(),
        Some("https://example.org/annals/"),
    );
    assert_links_resolve(out.path(), "/annals/");
    let article = page(out.path(), "documents/article/index.html");
    assert!(
        select(&article, "a[href='/annals/documents/letter/#p-1']").len() == 1,
        "Markdown links are rebased"
    );
    assert_eq!(
        select(&article, "link[rel=canonical]")[0]
            .value()
            .attr("href"),
        Some("https://example.org/annals/documents/article/")
    );
    let report = linkcheck::check_site(out.path(), "/").unwrap();
    assert!(
        !report.broken.is_empty(),
        "the checker must notice links that leave the base path"
    );
}

#[test]
fn bundled_collection_builds_with_every_link_and_note_resolved() {
    let out = tempfile::tempdir().unwrap();
    let root = repo_root();
    let (summary, diagnostics) = build_site(&root, out.path(), None);
    assert!(!diagnostics.has_errors());
    // Every content page, the 404 and search pages, the generated list of documents; a page for each
    // person, event and group, an index of each kind, and the glossary; the timeline.
    let entity_files = |kind: &str| {
        std::fs::read_dir(root.join("content").join(kind))
            .unwrap()
            .count()
    };
    let registry_pages = entity_files("people")
        + entity_files("events")
        + entity_files("groups")
        + entity_files("terms")
        + 4
        + 1;
    let generated = usize::from(!root.join("content/documents/_index.md").exists());
    let sources_pages = html_pages(out.path())
        .keys()
        .filter(|p| p.starts_with("sources/"))
        .count();
    assert!(sources_pages > 50, "{sources_pages} pages of works cited");
    // Lenin, Trotsky and Stalin are each named over a thousand times: 500 to a page.
    let further_mentions = html_pages(out.path())
        .keys()
        .filter(|p| p.contains("/mentions/"))
        .count();
    assert_eq!(further_mentions, 6);
    assert_eq!(
        summary.pages,
        markdown_files(&root)
            + 2
            + generated
            + registry_pages
            + sources_pages
            + further_mentions
            + timeline_years(out.path())
    );
    assert_eq!(html_pages(out.path()).len(), summary.pages);
    assert!(out.path().join("index.html").exists());
    for entry in std::fs::read_dir(root.join("content/documents")).unwrap() {
        let entry = entry.unwrap();
        let name = entry
            .file_name()
            .to_string_lossy()
            .trim_end_matches(".md")
            .to_string();
        if name != "_index" {
            assert!(
                out.path()
                    .join("documents")
                    .join(&name)
                    .join("index.html")
                    .exists(),
                "no page for {name}"
            );
        }
    }
    assert_links_resolve(out.path(), "/");
    let markers: usize = html_pages(out.path())
        .iter()
        .map(|(p, html)| check_notes(p, html))
        .sum();
    assert!(markers >= 43, "{markers} note markers");

    // The book is a collection of its 53 sections, each a page.
    let book = page(out.path(), "documents/rogovin-1992/index.html");
    let chapters = select(&book, ".table-of-contents li a");
    assert_eq!(chapters.len(), 53);
    for chapter in chapters {
        let href = chapter.value().attr("href").unwrap();
        assert!(
            out.path()
                .join(href.trim_start_matches('/'))
                .join("index.html")
                .exists(),
            "{href}"
        );
    }

    // The registry: Miasnikov is found in every document that names him (Rogovin's book
    // never does), the Tenth Congress in three documents under several names; that every
    // mention links to a paragraph or note that exists is checked with every link above.
    let documents_of = |page_path: &str| -> Vec<String> {
        let html = page(out.path(), page_path);
        let mut documents: Vec<String> = select(&html, ".mention-list a")
            .iter()
            .map(|a| {
                a.value()
                    .attr("href")
                    .unwrap()
                    .split('/')
                    .nth(2)
                    .unwrap()
                    .to_string()
            })
            .collect();
        documents.dedup();
        documents
    };
    assert_eq!(
        documents_of("people/miasnikov/index.html"),
        ["avrich-1984", "olivier-2010", "wikipedia-workers-group"]
    );
    let congress = documents_of("events/tenth-party-congress/index.html");
    for document in ["avrich-1984", "olivier-2010", "rogovin-1992"] {
        assert!(congress.contains(&document.to_string()), "{congress:?}");
    }
    let names: std::collections::BTreeSet<String> = select(
        &page(out.path(), "events/tenth-party-congress/index.html"),
        ".mention-list mark",
    )
    .iter()
    .map(|m| m.text().collect())
    .collect();
    assert!(names.len() >= 2, "{names:?}");

    // No warnings: the notes the sources lost (Avrich's and Olivier's markers whose texts
    // the transcriptions lack, chapter 9's note 7 whose marker the book lacks) are declared
    // in their front matter, and so is what each bare "Smirnov" means, or that the source
    // does not say.
    let warnings: Vec<String> = diagnostics.warnings().map(|d| d.to_string()).collect();
    assert_eq!(warnings, Vec::<String>::new());
    assert_eq!(summary.missing_notes, 58 + 23);
    let known: Vec<(String, usize)> = summary
        .known_missing_notes
        .iter()
        .map(|k| (k.reason.clone(), k.notes()))
        .collect();
    assert_eq!(known.len(), 2, "{known:?}");
    assert_eq!(known.iter().map(|k| k.1).sum::<usize>(), 81);
}

#[test]
fn the_letter_page_renders_as_recorded() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("basic"), out.path(), None);
    let letter = page(out.path(), "documents/letter/index.html");
    let body = select(&letter, ".document-body")[0].html();
    let notes = select(&letter, "section.notes")[0].html();
    insta::assert_snapshot!("letter_body", body);
    insta::assert_snapshot!("letter_notes", notes);
}

#[test]
fn a_link_to_a_document_or_place_the_collection_lacks_is_a_warning_at_its_line() {
    let (site, out, diagnostics) = build_with_file(
        "basic",
        "content/documents/links.md",
        "+++\ntitle = \"Links\"\n+++\n\n\
         The [letter](doc:letter#p-1), its [notes](doc:letter#fn-twice), a [chapter](doc:book/first/).\n\n\
         A chapter by its [file](doc:book/01-first).\n\n\
         A [lost letter](doc:no-such-letter).\n\n\
         A [place](doc:letter#p-99) the letter lacks.[^n]\n\n\
         [^n]: And in a note that runs over two lines,\n    [another](doc:gone#p-1).\n",
    );
    let file = site.path().join("content/documents/links.md");
    let warnings: Vec<(Option<usize>, String)> = diagnostics
        .warnings()
        .filter(|d| d.path == file)
        .map(|d| (d.line, d.message.clone()))
        .collect();
    let expected = [
        (
            7,
            "`doc:book/01-first` names a document the collection does not have",
        ),
        (
            9,
            "`doc:no-such-letter` names a document the collection does not have",
        ),
        (
            11,
            "`doc:letter#p-99` names an id its document does not have",
        ),
        (
            14,
            "`doc:gone` names a document the collection does not have",
        ),
    ];
    assert_eq!(warnings.len(), expected.len(), "{warnings:#?}");
    for ((line, message), (expected_line, expected_message)) in warnings.iter().zip(expected) {
        assert_eq!(*line, Some(expected_line), "{message}");
        assert!(message.contains(expected_message), "{message}");
    }
    let hint = diagnostics
        .warnings()
        .find(|d| d.message.contains("doc:book/01-first"))
        .and_then(|d| d.help.clone())
        .unwrap_or_default();
    assert!(hint.contains("lives at `doc:book/first`"), "{hint}");
    // The links the warnings pass over are the ones a reader can follow.
    let links = page(out.path(), "documents/links/index.html");
    let hrefs: Vec<String> = select(&links, "main a[href^='/documents/']")
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect();
    for href in [
        "/documents/letter/#p-1",
        "/documents/letter/#fn-twice",
        "/documents/book/first/",
    ] {
        assert!(hrefs.iter().any(|h| h == href), "{href} in {hrefs:?}");
    }
    let report = linkcheck::check_site(out.path(), "/").unwrap();
    let broken: Vec<&str> = report.broken.iter().map(|b| b.href.as_str()).collect();
    assert_eq!(
        broken,
        [
            "/documents/book/01-first/",
            "/documents/no-such-letter/",
            "/documents/letter/#p-99",
            "/documents/gone/#p-1"
        ],
        "{:#?}",
        report.broken
    );
}

#[test]
fn a_site_without_search_has_no_search_form_and_editor_backups_are_not_published() {
    let site = copy_of("basic");
    let config = site.path().join("site.toml");
    let mut settings = std::fs::read_to_string(&config).unwrap();
    settings.push_str("search = false\n");
    std::fs::write(&config, settings).unwrap();
    let documents = site.path().join("content/documents");
    std::fs::write(documents.join("letter.md~"), "a draft of the letter").unwrap();
    std::fs::write(documents.join("#letter.md#"), "an autosave of the letter").unwrap();
    std::fs::write(
        documents.join("facsimile.txt"),
        "a file beside the documents",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(site.path(), out.path(), None);
    let home = page(out.path(), "index.html");
    assert!(select(&home, "form[role=search]").is_empty());
    assert!(!out.path().join("search").exists());
    assert!(out.path().join("documents/facsimile.txt").is_file());
    assert!(!out.path().join("documents/letter.md~").exists());
    assert!(!out.path().join("documents/#letter.md#").exists());
    assert_links_resolve(out.path(), "/");
}

#[test]
fn a_note_cited_from_another_note_is_linked_both_ways_and_from_the_works_cited() {
    let (_site, out, diagnostics) = build_with_file(
        "basic",
        "content/documents/chain.md",
        "+++\ntitle = \"Chain\"\n+++\n\nThe claim.[^a]\n\n\
         [^a]: On its source see note [^b].\n[^b]: Avrich 1984, p. 7.\n",
    );
    assert!(
        !diagnostics
            .warnings()
            .any(|d| d.message.contains("never cited") && d.path.ends_with("chain.md")),
        "{diagnostics:?}"
    );
    let chain = page(out.path(), "documents/chain/index.html");
    assert_eq!(hrefs_of(&chain, "li#fn-a a[href='#fn-b']").len(), 1);
    let back = select(&chain, "li#fn-b a.backref");
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].value().attr("href"), Some("#fn-a"));
    assert!(
        back[0]
            .value()
            .attr("aria-label")
            .unwrap()
            .contains("the note that cites")
    );
    // The works cited links to the note itself, which has no marker in the text.
    let work = std::fs::read_dir(out.path().join("sources"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("index.html"))
        .find(|p| {
            p.is_file()
                && std::fs::read_to_string(p)
                    .unwrap()
                    .contains("documents/chain/")
        })
        .expect("a work page citing the chain document");
    let html = Html::parse_document(&std::fs::read_to_string(work).unwrap());
    assert!(
        hrefs_of(&html, ".citing-list a").contains(&"/documents/chain/#fn-b".to_string()),
        "{:?}",
        hrefs_of(&html, ".citing-list a")
    );
}

fn hrefs_of(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

#[test]
fn a_documents_date_is_written_out_beside_its_edtf_form() {
    let out = tempfile::tempdir().unwrap();
    build_site(&fixture("basic"), out.path(), None);
    let letter = page(out.path(), "documents/letter/index.html");
    let time = select(&letter, ".provenance time");
    assert_eq!(time[0].value().attr("datetime"), Some("1921-08"));
    assert_eq!(time[0].text().collect::<String>(), "August 1921");
}

#[test]
fn a_document_in_another_language_carries_it_and_the_page_around_it_keeps_the_sites() {
    let (_site, out, _) = build_with_file(
        "basic",
        "content/documents/pismo.md",
        "+++\ntitle = \"Письмо\"\nlanguage = \"ru\"\n+++\n\nТекст письма.[^1]\n\n[^1]: Примечание.\n",
    );
    let html = page(out.path(), "documents/pismo/index.html");
    let lang = |selector: &str| {
        select(&html, selector)[0]
            .value()
            .attr("lang")
            .map(str::to_string)
    };
    assert_eq!(lang("html").as_deref(), Some("en"));
    assert_eq!(lang("h1").as_deref(), Some("ru"));
    assert_eq!(lang(".document-body").as_deref(), Some("ru"));
    assert_eq!(lang("li#fn-1").as_deref(), Some("ru"));
    let letter = page(out.path(), "documents/letter/index.html");
    assert_eq!(select(&letter, "h1")[0].value().attr("lang"), None);
}

#[test]
fn a_document_dated_with_a_time_of_day_shows_its_day_written_out() {
    let (_site, out, diagnostics) = build_with_file(
        "basic",
        "content/documents/dated.md",
        "+++\ntitle = \"Dated\"\ndate = 1984-03-01T10:00:00Z\n+++\n\nText.\n",
    );
    assert!(!diagnostics.has_errors());
    let html = std::fs::read_to_string(out.path().join("documents/dated/index.html")).unwrap();
    let page = Html::parse_document(&html);
    let time = select(&page, ".provenance time");
    assert_eq!(time.len(), 1, "{html}");
    assert_eq!(time[0].text().collect::<String>(), "1 March 1984");
    let feed = std::fs::read_to_string(out.path().join("atom.xml")).unwrap();
    assert!(
        feed.contains("<updated>1984-03-01T00:00:00Z</updated>"),
        "{feed}"
    );
}

#[test]
fn a_doc_link_to_an_id_a_letter_or_an_accent_off_gets_the_id_suggested() {
    let (_site, _out, diagnostics) = build_with_file(
        "basic",
        "content/documents/hotel.md",
        "+++\ntitle = \"Hotel\"\n+++\n\n## The Hôtel de Ville\n\nSee [the square](doc:hotel#the-hotel-de-ville), [its hall](doc:hotel#the-hotel-de-vile) and [the paragraph](doc:hotel#p-11).\n",
    );
    let messages: Vec<String> = diagnostics
        .sorted()
        .iter()
        .map(|d| d.to_string())
        .filter(|m| m.contains("hotel.md"))
        .collect();
    assert!(
        messages.iter().any(|m| m.contains(
            "hotel.md:7:5: warning: the link `doc:hotel#the-hotel-de-ville` names an id its document does not have"
        ) && m.contains("help: did you mean `doc:hotel#the-hôtel-de-ville`?")),
        "{messages:#?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`doc:hotel#the-hotel-de-vile`")
                && m.contains("help: did you mean `doc:hotel#the-hôtel-de-ville`?")),
        "{messages:#?}"
    );
    // A numbered id a digit off is another paragraph, not the one meant: no suggestion.
    assert!(
        messages
            .iter()
            .any(|m| m.contains("`doc:hotel#p-11`") && !m.contains("did you mean")),
        "{messages:#?}"
    );
}

/// The paragraphs of a built page, by their addresses: `p-N` and the paragraph's words.
fn paragraphs_by_address(html: &Html) -> Vec<(String, String)> {
    select(html, ".document-body p[id^='p-']")
        .iter()
        .map(|p| {
            let text: String = p.text().collect();
            (
                p.value().attr("id").unwrap().to_string(),
                text.trim_end_matches('¶').trim().to_string(),
            )
        })
        .collect()
}

/// A paragraph's address stays with it: a paragraph added before it, one edited, one
/// deleted, and every address the first build published still leads where it led, or, for
/// the deleted paragraph, to the one that followed it with a note saying so.
#[test]
fn paragraph_addresses_stay_with_their_paragraphs_from_build_to_build() {
    let site = copy_of("basic");
    let file = site.path().join("content/documents/addresses.md");
    let paragraphs = [
        "Miasnikov wrote to the Central Committee in May 1921 about the press.",
        "Lenin answered him in August, and the letter was printed for the party.",
        "He was expelled from the party in February 1922 after a long debate.",
        "The group was founded in 1923 by Miasnikov and his friends.",
    ];
    let write = |body: &[&str]| {
        std::fs::write(
            &file,
            format!("+++\ntitle = \"Addresses\"\n+++\n\n{}\n", body.join("\n\n")),
        )
        .unwrap()
    };
    let build = || {
        let output = annals(&["build"], site.path());
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        page(
            site.path().join("public").as_path(),
            "documents/addresses/index.html",
        )
    };
    write(&paragraphs);
    let first = paragraphs_by_address(&build());
    assert_eq!(first.len(), 4);
    assert!(
        site.path().join("paragraphs.lock").is_file(),
        "the lock is written"
    );

    let edited = "Lenin answered him in August, and the letter was printed for the whole party.";
    write(&[
        "A paragraph added at the top.",
        paragraphs[0],
        edited,
        paragraphs[3],
    ]);
    let second = build();
    let now = paragraphs_by_address(&second);
    let text_at = |id: &str| now.iter().find(|(a, _)| a == id).map(|(_, t)| t.clone());
    // Kept, edited, and the new paragraph under a new address.
    assert_eq!(text_at(&first[0].0).as_deref(), Some(paragraphs[0]));
    assert_eq!(text_at(&first[1].0).as_deref(), Some(edited));
    assert_eq!(text_at(&first[3].0).as_deref(), Some(paragraphs[3]));
    assert_eq!(
        text_at("p-5").as_deref(),
        Some("A paragraph added at the top.")
    );
    // The deleted paragraph's address leads to the one that followed it, with a note.
    let gone = select(&second, &format!("span#{}.gone-anchor", first[2].0));
    assert_eq!(gone.len(), 1, "{}", first[2].0);
    assert!(gone[0].text().collect::<String>().contains("was removed"));
    let next = select(&second, &format!("span#{} + p", first[2].0));
    assert_eq!(next[0].value().attr("id"), Some(first[3].0.as_str()));
    // Every address of the first build is on the page.
    for (id, _) in &first {
        assert_eq!(select(&second, &format!("[id='{id}']")).len(), 1, "{id}");
    }
    // A build with nothing changed changes no address and leaves the lock as it was.
    let lock = std::fs::read_to_string(site.path().join("paragraphs.lock")).unwrap();
    let third = paragraphs_by_address(&build());
    assert_eq!(third, now);
    assert_eq!(
        std::fs::read_to_string(site.path().join("paragraphs.lock")).unwrap(),
        lock
    );
    // A lock that cannot be read (a merge's conflict marks) is a warning at its line, and is
    // left as it is for the editor to mend, not written over.
    let broken = format!("<<<<<<< ours\n{lock}");
    std::fs::write(site.path().join("paragraphs.lock"), &broken).unwrap();
    let output = annals(&["build"], site.path());
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("paragraphs.lock:1:") && said.contains("is not the lock annals writes"),
        "{said}"
    );
    assert_eq!(
        std::fs::read_to_string(site.path().join("paragraphs.lock")).unwrap(),
        broken
    );
}

#[test]
fn emendations_are_read_as_corrected_and_listed_with_the_source_s_readings() {
    let (_site, out, diagnostics) = build_with_file(
        "registry",
        "content/documents/ocr.md",
        "+++\ntitle = \"An OCR text\"\n+++\n\n\
         In {~~Lanin~>Lenin~~}'s years {++the++} party met {--met--} at {??Perm??}.\n\n\
         Words {??} lost and {!!recieved!!} as printed, and {~~Lanin was~>Lenin was\n",
    );
    let warnings: Vec<String> = (diagnostics.warnings())
        .map(|d| d.to_string())
        .filter(|w| w.contains("ocr.md"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("ocr.md:7:") && warnings[0].contains("not closed"),
        "{warnings:?}"
    );
    let html = page(out.path(), "documents/ocr/index.html");
    let correction = select(&html, ".emend-correction");
    assert_eq!(correction.len(), 1);
    assert_eq!(
        text_of(&select(&html, ".emend-correction .emend-source")[0]),
        "Lanin"
    );
    let reading = &select(&html, ".emend-correction ins a")[0];
    assert!(
        reading
            .value()
            .attr("href")
            .unwrap()
            .ends_with("/people/lenin/"),
        "the corrected name is the one linked"
    );
    let listed = select(&html, ".correction-list li a");
    assert_eq!(listed.len(), 6);
    for link in &listed {
        let id = link.value().attr("href").unwrap().trim_start_matches('#');
        assert_eq!(select(&html, &format!("[id='{id}']")).len(), 1, "{id}");
    }
    assert_eq!(text_of(&listed[0]), "Lanin corrected to Lenin");
    let lenin = page(out.path(), "people/lenin/index.html");
    let from_ocr: Vec<String> = select(&lenin, "li")
        .iter()
        .map(text_of)
        .filter(|t| t.contains("years"))
        .collect();
    assert_eq!(from_ocr.len(), 1, "{from_ocr:?}");
    assert!(
        from_ocr[0].contains("Lenin’s years the party met at Perm")
            && !from_ocr[0].contains("Lanin"),
        "{from_ocr:?}"
    );
}

fn text_of(element: &scraper::ElementRef) -> String {
    element
        .text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn page_breaks_of_the_source_are_addressable_and_a_citation_of_a_page_leads_there() {
    let site = copy_of("basic");
    let documents = site.path().join("content/documents");
    std::fs::write(
        documents.join("paged.md"),
        "+++\ntitle = \"The Paged Pamphlet\"\nauthors = [\"Ivan Petrov\"]\ndate = \"1923\"\n+++\n\n\
         The first page runs [p. 2] over the page break.\n\n[p. 3]\n\nPage three.\n",
    )
    .unwrap();
    std::fs::write(
        documents.join("citing.md"),
        "+++\ntitle = \"A citing note\"\n+++\n\nText.[^1]\n\n\
         [^1]: Petrov, I., *The Paged Pamphlet*, М., 1923, p. 3.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    build_site(site.path(), out.path(), None);
    let paged = page(out.path(), "documents/paged/index.html");
    let inline = select(&paged, "p#p-1 a.page-marker#page-2");
    assert_eq!(inline.len(), 1, "the marker stands where page 2 begins");
    assert_eq!(select(&paged, "p.page-break a.page-marker#page-3").len(), 1);
    let second = select(&paged, "p#p-2");
    assert_eq!(
        text_of(&second[0]),
        "Page three.¶",
        "a marker alone is no paragraph"
    );
    let citing = page(out.path(), "documents/citing/index.html");
    let to_document = select(&citing, "a.note-document");
    assert_eq!(
        to_document[0].value().attr("href"),
        Some("/documents/paged/#page-3")
    );
    assert_links_resolve(out.path(), "/");
}

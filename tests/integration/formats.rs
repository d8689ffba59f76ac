//! `annals import` on each format it reads, as an editor uses it: the file imported into a
//! site, the import's report checked, the site built and the page read as a reader sees it
//! (headings, lists, tables, quotations, notes linked both ways).

use std::path::{Path, PathBuf};
use std::process::Output;

use scraper::Html;

use crate::common::{annals, select, site_with_import};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// A new site with the fixture `name` imported as `content/documents/SLUG.md`: the import's
/// output, the page's Markdown, and the built page.
fn import_and_build(name: &str, slug: &str, extra: &[&str]) -> (Output, String, Html) {
    let (site, output) = site_with_import(&fixture(name), slug, extra);
    let markdown =
        std::fs::read_to_string(site.path().join(format!("content/documents/{slug}.md"))).unwrap();
    let built = annals(&["build"], site.path());
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = page(site.path(), &format!("public/documents/{slug}/index.html"));
    (output, markdown, page)
}

fn page(root: &Path, path: &str) -> Html {
    Html::parse_document(&std::fs::read_to_string(root.join(path)).unwrap())
}

fn texts(html: &Html, selector: &str) -> Vec<String> {
    select(html, selector)
        .iter()
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// Every note marker leads to its note, and every note back to each marker.
fn notes_linked_both_ways(html: &Html) -> usize {
    let markers = select(html, "sup.note-ref a");
    for marker in &markers {
        let target = marker.value().attr("href").unwrap().trim_start_matches('#');
        assert_eq!(select(html, &format!("li#{target}")).len(), 1, "{target}");
    }
    for back in select(html, ".footnote-backref, a[role=doc-backlink]") {
        let target = back.value().attr("href").unwrap().trim_start_matches('#');
        assert!(
            !select(html, &format!("[id='{target}']")).is_empty(),
            "{target}"
        );
    }
    markers.len()
}

#[test]
fn markdown_is_imported_as_it_is_written() {
    let (output, markdown, page) = import_and_build("district-report.md", "district-report", &[]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("Read as markdown: it is written in Markdown"),
        "{said}"
    );
    assert!(
        said.contains("Found: 2 headings, 3 lists, 1 tables, 1 quotations."),
        "{said}"
    );
    assert!(
        said.contains("Changed: 1 front matter of its own read, 1 wiki headings made Markdown, 1 wiki links made text, 1 <references/> lists dropped (the footnotes replace them), 1 <ref> notes made footnotes, 1 first heading dropped (the title again), 1 empty notes heading dropped."),
        "{said}"
    );
    assert!(
        said.contains("3 markers, 3 notes; 0 markers without a note, 0 notes without a marker"),
        "{said}"
    );
    assert!(!said.contains("not in the page"), "no word lost: {said}");
    // Front matter from the source's own; nothing escaped.
    assert!(
        markdown.contains("title = \"Report of the Motovilikha district committee\""),
        "{markdown}"
    );
    assert!(
        markdown.contains("authors = [\"District committee\", \"Motovilikha\"]")
            || markdown.contains("authors = [\"District committee, Motovilikha\"]"),
        "{markdown}"
    );
    for escaped in ["\\#", "\\>", "\\*"] {
        assert!(!markdown.contains(escaped), "{escaped} in {markdown}");
    }
    // As a reader sees it.
    // The document's headings, then the page's own "Notes".
    assert_eq!(
        texts(&page, "main h2"),
        ["The meeting#", "What was decided#", "Notes"]
    );
    let decisions: Vec<String> = texts(&page, "main ol > li")
        .into_iter()
        .filter(|item| item.starts_with("that "))
        .collect();
    assert_eq!(decisions.len(), 3, "{decisions:?}");
    assert!(
        decisions[2].contains("go to Perm"),
        "the wiki link is its text"
    );
    assert_eq!(select(&page, "main ul ul > li").len(), 1);
    assert_eq!(
        texts(&page, "main table td"),
        ["Foundry", "40", "22", "Rolling mill", "25", "9"]
    );
    assert!(
        texts(&page, "main blockquote")[0].starts_with("We ask only that the workers be heard")
    );
    assert!(!texts(&page, "main").concat().contains("<ref"));
    assert_eq!(notes_linked_both_ways(&page), 3);
}

#[test]
fn an_html_page_of_an_archive_is_imported_without_its_chrome() {
    let (output, markdown, page) = import_and_build("archive-page.html", "theses", &[]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("Read as html: it begins as an HTML page"),
        "{said}"
    );
    assert!(
        said.contains("Found: 2 headings, 2 lists, 1 tables, 1 quotations."),
        "{said}"
    );
    for change in [
        "words of the page around its <article> dropped (header, navigation, footer)",
        "1 relative links kept as they are (they may lead nowhere)",
        "3 notes made footnotes",
        "1 first heading made the title",
        "1 empty notes heading dropped",
    ] {
        assert!(said.contains(change), "{change} not in {said}");
    }
    assert!(
        said.contains("4 markers, 3 notes; 0 markers without a note, 0 notes without a marker"),
        "{said}"
    );
    assert!(!said.contains("not in the page"), "no word lost: {said}");
    assert!(
        markdown.contains("title = \"Theses on the Workers' Group\""),
        "{markdown}"
    );
    assert!(
        markdown.contains("authors = [\"The Workers' Group\"]")
            && markdown.contains("date = \"1923-02\""),
        "{markdown}"
    );
    for escaped in ["\\#", "\\>", "\\*"] {
        assert!(!markdown.contains(escaped), "{escaped} in {markdown}");
    }
    for gone in ["analytics", "Home", "About", "↩"] {
        assert!(!markdown.contains(gone), "{gone} in {markdown}");
    }
    assert_eq!(
        texts(&page, "main h2"),
        ["I. The situation#", "II. The demands#", "Notes"]
    );
    assert!(
        texts(&page, "main p")
            .iter()
            .any(|p| p.contains("The new economic policy has brought back"))
    );
    assert!(
        texts(&page, "main p")
            .iter()
            .any(|p| p == "Members by district¶"),
        "the table's caption"
    );
    assert!(!select(&page, "main em").is_empty());
    assert_eq!(
        texts(&page, "main ol > li ul > li"),
        ["by secret ballot", "every six months"]
    );
    assert_eq!(
        texts(&page, "main table td"),
        ["Motovilikha", "40", "Moscow", "120"]
    );
    assert_eq!(texts(&page, "main blockquote p").len(), 2);
    assert_eq!(notes_linked_both_ways(&page), 4);
    let note_texts = texts(&page, ".note-list > li");
    assert!(
        note_texts[0].starts_with("Adopted at the founding meeting."),
        "{note_texts:?}"
    );
    assert!(
        note_texts[2].starts_with("Printed in Berlin, 1924."),
        "{note_texts:?}"
    );
}

#[test]
fn a_tei_document_is_imported_with_its_header_and_notes() {
    let (output, markdown, page) = import_and_build("letter-1921.xml", "letter-1921", &[]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("Read as tei: it has a <TEI> root in TEI's namespace."),
        "{said}"
    );
    assert!(
        said.contains("Found: 2 headings, 2 lists, 1 tables, 1 quotations."),
        "{said}"
    );
    assert!(said.contains("2 <note>s made footnotes"), "{said}");
    assert!(
        said.contains("1 <choice>s read as the editor's reading"),
        "{said}"
    );
    assert!(
        said.contains("2 markers, 2 notes; 0 markers without a note, 0 notes without a marker"),
        "{said}"
    );
    assert!(
        !said.contains("not in the page"),
        "no word lost but the <sic>: {said}"
    );
    for key in [
        "title = \"A letter to the Central Committee\"",
        "authors = [\"G. T. Miasnikov\"]",
        "date = \"1921-08\"",
        "publication = \"Typescript with the author's corrections, Perm party archive.\"",
    ] {
        assert!(markdown.contains(key), "{key} in {markdown}");
    }
    assert!(
        markdown.contains("[p. 2]"),
        "the page break is kept: {markdown}"
    );
    assert_eq!(
        texts(&page, "main h2"),
        ["On the press#", "Our proposals#", "Notes"]
    );
    assert_eq!(texts(&page, "main ol > li ul > li"), ["by secret ballot"]);
    assert_eq!(texts(&page, "main table td"), ["Motovilikha", "40"]);
    assert!(texts(&page, "main blockquote")[0].starts_with("The workers must be heard"));
    assert_eq!(notes_linked_both_ways(&page), 2);
}

#[test]
fn an_encyclopedia_entry_exported_as_text_keeps_its_endnotes_and_lists() {
    let (output, markdown, page) = import_and_build(
        "encyclopedia-entry.txt",
        "workers-truth",
        &["--title", "Workers' Truth"],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("5 markers, 5 notes; 0 markers without a note, 0 notes without a marker"),
        "{said}"
    );
    assert!(
        said.contains("notes left empty in the source, kept empty: [2, 4]"),
        "{said}"
    );
    assert!(
        markdown.contains("- Workers' Group\n- Democratic Centralists"),
        "a list stays a list: {markdown}"
    );
    assert!(!markdown.contains("\\-"), "{markdown}");
    assert_eq!(notes_linked_both_ways(&page), 5);
    let notes = texts(&page, ".note-list > li");
    assert!(
        notes[0].starts_with("Avrich, P., “Bolshevik Opposition to Lenin”"),
        "{notes:?}"
    );
    assert_eq!(
        texts(&page, "main ul > li"),
        ["Workers’ Group", "Democratic Centralists"]
    );
}

#[test]
fn a_wiki_article_keeps_its_structure_and_says_what_of_the_wiki_it_dropped() {
    let (output, markdown, page) = import_and_build("wiki-article.txt", "tula-strike", &[]);
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(said.starts_with("Read as wiki"), "{said}");
    assert!(
        said.contains("4 notes; 0 markers without a note, 0 notes without a marker"),
        "{said}"
    );
    for warning in [
        "warning: line 3: an infobox (3 fields) was dropped",
        "warning: line 8: the template {{citation needed}} was dropped",
    ] {
        assert!(said.contains(warning), "{warning}: {said}");
    }
    assert!(
        said.contains("1 citation templates made text, 2 pictures made captions, 4 wiki links made text, 1 category links dropped"),
        "{said}"
    );
    assert!(!said.contains("words are not in the page"), "{said}");
    for residue in ["{{", "}}", "[[", "]]", "[edit]", "''", "\\="] {
        assert!(!markdown.contains(residue), "{residue} in {markdown}");
    }
    assert_eq!(
        texts(&page, "main h1"),
        ["Tula arms works strike of 1905"],
        "the first line is the title"
    );
    assert_eq!(
        texts(&page, "main h2, main h3")
            .iter()
            .map(|h| h.trim_end_matches('#').trim())
            .filter(|h| *h != "Notes")
            .collect::<Vec<_>>(),
        ["Background", "The committee", "Wages"]
    );
    assert_eq!(
        texts(&page, "main ol:not(.note-list) > li"),
        [
            "the eight-hour day;",
            "the return of the dismissed fitters;",
            "a committee of elected stewards in each shop."
        ]
    );
    assert_eq!(texts(&page, "main ul > li").len(), 3);
    let cells = texts(&page, "main table td");
    assert_eq!(cells[..3], ["Rifles", "95", "80"]);
    assert!(
        cells.contains(&"Work resumed after the manifesto".to_string()),
        "{cells:?}"
    );
    assert_eq!(texts(&page, "main table").len(), 2);
    let captions = texts(&page, "main p > em");
    assert!(
        captions.contains(&"The works' main gate in 1903".to_string())
            || captions.contains(&"The works’ main gate in 1903".to_string()),
        "{captions:?}"
    );
    assert!(
        captions
            .iter()
            .any(|c| c.starts_with("Strikers outside the works")),
        "{captions:?}"
    );
    assert_eq!(notes_linked_both_ways(&page), 6);
    let notes = texts(&page, ".note-list > li");
    assert!(
        notes[0]
            .starts_with("Morozov, A. The Tula Workers in 1905. Tula Regional Press, 1965, p. 44."),
        "{notes:?}"
    );
}

/// A TEI text's `<persName ref>` becomes a link to the registry's entry when the site has
/// one under that reference (its ID, or its Wikidata identifier), and stays text, with a
/// warning at its line, when none has it.
#[test]
fn tei_names_with_a_reference_the_registry_knows_are_linked_to_it() {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::create_dir_all(root.join("content/documents")).unwrap();
    std::fs::create_dir_all(root.join("content/people")).unwrap();
    std::fs::write(root.join("site.toml"), "title = \"Letters\"\n").unwrap();
    for (id, name, extra) in [
        ("varlin", "Eugène Varlin", ""),
        ("michel", "Louise Michel", "wikidata = \"Q216092\"\n"),
    ] {
        std::fs::write(
            root.join(format!("content/people/{id}.md")),
            format!("+++\nname = \"{name}\"\n{extra}+++\n"),
        )
        .unwrap();
    }
    let tei = root.join("minutes.xml");
    std::fs::write(
        &tei,
        r##"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Minutes of the committee</title></titleStmt></fileDesc></teiHeader>
<text><body>
<p>The citizen <persName ref="#varlin">Varlin</persName> read the letter of
<persName ref="https://www.wikidata.org/wiki/Q216092">the schoolmistress</persName> to
<persName ref="#ferre">Ferré</persName>.</p>
</body></text></TEI>"##,
    )
    .unwrap();
    let output = annals(
        &[
            "import",
            "minutes.xml",
            "--into",
            "content/documents/minutes",
        ],
        root,
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.contains("2 <persName>s linked to the registry"),
        "{said}"
    );
    assert!(
        said.contains("warning: line 6: <persName ref=\"#ferre\"> names no entry of the registry"),
        "{said}"
    );
    let markdown = std::fs::read_to_string(root.join("content/documents/minutes.md")).unwrap();
    assert!(
        markdown.contains("[Varlin](person:varlin)")
            && markdown.contains("[the schoolmistress](person:michel)"),
        "{markdown}"
    );
    let built = annals(&["build"], root);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let page = page(root, "public/documents/minutes/index.html");
    let links: Vec<&str> = select(&page, "main p a")
        .iter()
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("/people/"))
        .collect();
    assert_eq!(links, ["/people/varlin/", "/people/michel/"]);
}

#[test]
fn the_import_report_is_written_as_json_on_request() {
    let site = tempfile::tempdir().unwrap();
    let report = site.path().join("report.json");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args([
            "import",
            fixture("archive-page.html").to_str().unwrap(),
            "--into",
        ])
        .arg(site.path().join("theses"))
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    assert_eq!(json["format"][0], "html");
    assert_eq!(json["sections"][0]["notes"], 3);
    assert_eq!(json["sections"][0]["markers"], 4);
    let found: Vec<(String, u64)> = json["found"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f[0].as_str().unwrap().to_string(), f[1].as_u64().unwrap()))
        .collect();
    assert!(found.contains(&("tables".to_string(), 1)), "{found:?}");
    assert_eq!(json["lost_words"].as_array().unwrap().len(), 0);
}

#[test]
fn a_format_asked_for_is_the_one_read() {
    let (_site, output) = site_with_import(
        &fixture("district-report.md"),
        "report",
        &["--format", "text"],
    );
    let said = String::from_utf8_lossy(&output.stdout);
    assert!(
        said.starts_with("Read as text: it was asked for (--format)."),
        "{said}"
    );
    let refused = annals(
        &[
            "import",
            fixture("district-report.md").to_str().unwrap(),
            "--into",
            "/tmp/x",
            "--format",
            "docx",
        ],
        Path::new("."),
    );
    assert_eq!(
        refused.status.code(),
        Some(2),
        "clap refuses a format it does not know"
    );
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("[possible values: auto, text, wiki, markdown, html, tei]")
    );
}

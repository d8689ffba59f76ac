//! `annals import` on the four source texts of the bundled collection (copies kept under
//! tests/sources/) and on a transcription written for the tests.

use std::path::PathBuf;

use annals::import::registry::{Citation, Person, Registry, read_back_matter};
use annals::import::{ImportOptions, Imported, import_text};

fn source(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sources")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

const BOOK: &str = "rogovin-was-there-an-alternative-1923-1927.txt";
const BACK_MATTER: [&str; 3] = [
    "Glossary of Abbreviations and Terms",
    "Dates of Party Congresses, Conferences, and Comintern Congresses",
    "Selected Biographical Notes¹",
];

fn import_book() -> Imported {
    let options = ImportOptions {
        split_chapters: true,
        omit: BACK_MATTER.iter().map(|s| s.to_string()).collect(),
        ..Default::default()
    };
    import_text(&source(BOOK), &options)
}

/// Notes per section of the book, counted in the source: Introduction, chapters 1–49,
/// Conclusion.
const BOOK_NOTES: [usize; 51] = [
    4, 5, 12, 15, 22, 20, 12, 10, 12, 45, 35, 11, 19, 18, 12, 9, 18, 17, 10, 7, 16, 18, 8, 11, 8,
    11, 16, 15, 21, 23, 16, 13, 30, 13, 18, 7, 23, 41, 17, 21, 9, 7, 8, 19, 12, 14, 47, 16, 34, 17,
    30,
];

#[test]
fn the_book_is_cut_into_its_53_sections_with_their_notes() {
    let imported = import_book();
    let report = &imported.report;
    let sections: Vec<&annals::import::SectionReport> = report.sections.iter().skip(1).collect();
    let titles: Vec<&str> = sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(sections.len(), 53, "{titles:#?}");
    assert_eq!(
        &titles[..3],
        ["Foreword", "Note from the Translator", "Introduction"]
    );
    assert_eq!(titles[52], "Conclusion");
    assert_eq!(
        report.omitted, BACK_MATTER,
        "the back matter goes to the registry, not to pages"
    );
    let mut wrong = Vec::new();
    for (section, expected) in sections[2..].iter().zip(BOOK_NOTES) {
        // Chapter 9's note 7 lost its marker in the source; every other note resolves.
        let known_unresolved: &[u32] = if section.title.starts_with("9. ") {
            &[7]
        } else {
            &[]
        };
        if section.notes != expected
            || !section.missing_notes.is_empty()
            || section.uncited_notes != known_unresolved
        {
            wrong.push(format!(
                "{}: {} notes (expected {expected}), {} markers, markers without a note {:?}, notes without a marker {:?}",
                section.title, section.notes, section.markers, section.missing_notes, section.uncited_notes
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} sections differ:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    let markers: usize = sections.iter().map(|s| s.markers).sum();
    let notes: usize = sections.iter().map(|s| s.notes).sum();
    // The book has 872 markers and 873 notes; the last of each is the one on the heading of
    // the Selected Biographical Notes, which go to the registry, not to a page.
    assert_eq!((markers, notes), (871, 872));
}

/// The words of a text, normalised for what import may change: white space, Markdown
/// markup, note markers and the numbers that open notes in a note list, the " edit" of
/// Wikipedia's headings, and typographic quotes.
fn words(text: &str) -> Vec<String> {
    use regex::Regex;
    let patterns = [
        r"\[\^\d+\]:?",                             // Markdown footnotes
        r"\^\{[^}]*\}",                             // ^{12}, ^{[12](#)}, ^{3, 4}
        r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+",                           // superscript markers
        r"\(\s?\d{1,3}\s?\)|\[\d{1,3}\](?:\(#\))?", // (22) ( 31) [12] [12](#)
        r"(?m)^\s*(?:[-•]\s+)?\[?\d{1,3}\.?\]?(?:\(#\))?\.?\s+(?:\^\s+(?:[a-z]\s+)*)?", // note-list numbers
        r"(?m) edit$",    // Wikipedia's section links
        r"(?m)^\s*\^\s+", // a lone ^ of Wikipedia's back links
    ];
    let mut text = text.to_string();
    for pattern in patterns {
        text = Regex::new(pattern)
            .unwrap()
            .replace_all(&text, " ")
            .into_owned();
    }
    // Digits glued to punctuation after a word are markers (Perm'.29).
    let glued = Regex::new(r"([\p{L}][.,;:!?'’”)])\d{1,3}(\s|$)").unwrap();
    text = glued.replace_all(&text, "$1 $2").into_owned();
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Source words not found, in order, among the imported words (with the place each was
/// expected). A word is looked for in a window ahead, so one lost word does not hide the
/// rest.
fn missing_words(source: &[String], imported: &[String]) -> Vec<String> {
    const WINDOW: usize = 400;
    let mut missing = Vec::new();
    let mut at = 0;
    for (i, word) in source.iter().enumerate() {
        match imported[at..imported.len().min(at + WINDOW)]
            .iter()
            .position(|w| w == word)
        {
            Some(offset) => at += offset + 1,
            None => missing.push(format!(
                "{word} (source word {i}: …{}…)",
                source[i.saturating_sub(5)..(i + 5).min(source.len())].join(" ")
            )),
        }
    }
    missing
}

fn content_file(path: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("content/documents")
            .join(path),
    )
    .unwrap()
}

fn assert_faithful(source_name: &str, imported: &str, dropped_on_purpose: &[&str]) {
    let source_text = source(source_name);
    let missing = missing_words(&words(&source_text), &words(imported));
    let expected: Vec<String> = dropped_on_purpose.iter().map(|s| s.to_string()).collect();
    let missing_words: Vec<String> = missing
        .iter()
        .map(|m| m.split(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(
        missing_words,
        expected,
        "{source_name}: words lost:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_word_of_the_single_documents_is_kept_in_order() {
    assert_faithful(
        "avrich-1984-miasnikov-and-the-workers-group.txt",
        &content_file("avrich-1984.md"),
        &[],
    );
    assert_faithful(
        "olivier-2010-bolshevik-left-and-workers-power.txt",
        &content_file("olivier-2010.md"),
        &[],
    );
    // The heading "References" gives way to the page's own "Notes".
    assert_faithful(
        "wikipedia-workers-group.txt",
        &content_file("wikipedia-workers-group.md"),
        &["references"],
    );
}

#[test]
fn every_word_of_the_book_is_kept_in_order() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/documents/rogovin-1992");
    let mut chapters: Vec<(i64, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .map(|text| {
            let weight = text
                .lines()
                .find_map(|l| l.strip_prefix("weight = "))
                .map_or(0, |w| w.parse().unwrap());
            (weight, text)
        })
        .collect();
    chapters.sort();
    let imported: String = chapters
        .into_iter()
        .map(|(_, text)| text)
        .collect::<Vec<_>>()
        .join("\n");
    // Left out on purpose, and listed here: the table of contents (the site makes its own)
    // and the back matter that seeds the registry.
    let book = source(BOOK);
    let contents_start = book.find("\nContents\n").unwrap();
    let contents_end = book.find("\nForeword\n").unwrap();
    let back_matter = book
        .rfind("\nGlossary of Abbreviations and Terms\n")
        .unwrap();
    let mut kept = format!(
        "{}{}",
        &book[..contents_start],
        &book[contents_end..back_matter]
    );
    // Captions that a page break left inside a sentence are moved after the paragraph; they
    // are compared on their own.
    for section in import_book().report.sections {
        for caption in section.shape.moved_captions {
            assert!(
                imported.contains(&format!("*{caption}*")),
                "the moved caption {caption:?} is lost"
            );
            kept = kept.replacen(&caption, "", 1);
        }
    }
    let missing = missing_words(&words(&kept), &words(&imported));
    assert!(
        missing.is_empty(),
        "words lost from the book:\n{}",
        missing.join("\n")
    );
    let dropped: Vec<String> = import_book()
        .report
        .sections
        .into_iter()
        .flat_map(|s| s.shape.dropped)
        .collect();
    assert!(dropped.is_empty(), "debris dropped: {dropped:?}");
}

#[test]
fn the_single_documents_keep_their_markers_and_references() {
    let single = |name: &str| {
        import_text(&source(name), &ImportOptions::default())
            .report
            .sections
            .remove(0)
    };
    let wikipedia = single("wikipedia-workers-group.txt");
    assert_eq!((wikipedia.markers, wikipedia.notes), (43, 36));
    assert!(
        wikipedia.missing_notes.is_empty() && wikipedia.uncited_notes.is_empty(),
        "{wikipedia:?}"
    );
    let avrich = single("avrich-1984-miasnikov-and-the-workers-group.txt");
    assert_eq!((avrich.markers, avrich.notes), (55, 0));
    assert_eq!(
        avrich.repaired,
        [(29, 28)],
        "“Committee.29” where 28 is due"
    );
    let olivier = single("olivier-2010-bolshevik-left-and-workers-power.txt");
    assert_eq!((olivier.markers, olivier.notes), (23, 0));
}

/// A transcription written for this test, never seen by the importer's authors while tuning
/// it on the bundled sources: `(n)` markers, a numbered list that is not a note list, a page
/// break, and an end-note list with a note that runs on.
#[test]
fn an_unseen_transcription_imports_with_its_notes_resolved() {
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/open-letter-1923.txt");
    let (site, output) = crate::common::site_with_import(
        &fixture,
        "open-letter",
        &[
            "--title",
            "An Open Letter",
            "--authors",
            "Moscow metalworkers",
            "--date",
            "1923",
        ],
    );
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(
        printed.contains("5 markers, 5 notes; 0 markers without a note, 0 notes without a marker"),
        "{printed}"
    );
    assert!(printed.contains("1 page breaks joined"), "{printed}");

    let markdown =
        std::fs::read_to_string(site.path().join("content/documents/open-letter.md")).unwrap();
    assert!(
        markdown.contains(
            "title = \"An Open Letter\"\nauthors = [\"Moscow metalworkers\"]\ndate = \"1923\""
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("printed at the time in the district paper"),
        "the page break is joined:\n{markdown}"
    );
    assert!(
        markdown.contains("1. that the secretaries of the cells be elected"),
        "the list stays a list:\n{markdown}"
    );
    assert!(
        markdown.contains("(April 1923)"),
        "a year in parentheses is no marker"
    );
    assert!(markdown.contains("[^3]: So in the copy; the place is not named.\n\n    The district committee later denied"), "{markdown}");

    let mut diagnostics = annals::diagnostic::Diagnostics::default();
    let options = annals::build::BuildOptions {
        output: Some(site.path().join("public")),
        ..annals::build::BuildOptions::new(site.path())
    };
    let summary = annals::build::build(&options, &mut diagnostics)
        .unwrap()
        .expect("the imported site builds");
    assert_eq!((summary.notes, summary.missing_notes), (5, 0));
    assert_eq!(diagnostics.warning_count(), 0, "{:?}", diagnostics.sorted());
}

/// `scripts/import-bundled.sh` rebuilds content/documents/ exactly as it is committed.
#[cfg(unix)]
#[test]
fn the_bundled_documents_are_reproducible_from_their_sources() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let registry = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("bash")
        .arg(root.join("scripts/import-bundled.sh"))
        .env("ANNALS", env!("CARGO_BIN_EXE_annals"))
        .env("OUT", out.path())
        .env("REGISTRY_OUT", registry.path())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let committed = root.join("content/documents");
    let mut compared = 0;
    for entry in walkdir::WalkDir::new(out.path())
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
    {
        let relative = entry.path().strip_prefix(out.path()).unwrap();
        let fresh = std::fs::read_to_string(entry.path()).unwrap();
        let kept = std::fs::read_to_string(committed.join(relative)).unwrap_or_default();
        assert!(
            fresh == kept,
            "content/documents/{} differs from a fresh import: run scripts/import-bundled.sh",
            relative.display()
        );
        compared += 1;
    }
    assert_eq!(
        compared, 57,
        "3 documents and the book's index with its 53 sections"
    );
}

const CITATION: (&str, &str) = ("Vadim Z. Rogovin", "Was There an Alternative? 1923–1927");

fn read_registry() -> Registry {
    let citation = Citation {
        author: CITATION.0.into(),
        title: CITATION.1.into(),
    };
    read_back_matter(&source(BOOK), &citation)
}

fn person<'a>(registry: &'a Registry, id: &str) -> &'a Person {
    let found = registry.people.iter().find(|p| p.id == id);
    &found.unwrap_or_else(|| panic!("no person {id}")).fields
}

fn event_date<'a>(registry: &'a Registry, id: &str) -> &'a str {
    let found = registry.events.iter().find(|e| e.id == id);
    &found.unwrap_or_else(|| panic!("no event {id}")).fields.date
}

#[test]
fn the_back_matter_seeds_73_people_28_events_and_66_terms() {
    let registry = read_registry();
    assert_eq!(
        (
            registry.people.len(),
            registry.events.len(),
            registry.terms.len()
        ),
        (73, 28, 66)
    );
    assert!(registry.unparsed.is_empty(), "{:#?}", registry.unparsed);
    let claimed_twice: Vec<_> = registry
        .remarks
        .iter()
        .filter(|r| r.message.contains("claimed by"))
        .collect();
    assert!(claimed_twice.is_empty(), "{claimed_twice:#?}");

    let kinds = |kind: &str| {
        registry
            .events
            .iter()
            .filter(|e| e.fields.kind == kind)
            .count()
    };
    assert_eq!(
        (
            kinds("congress"),
            kinds("conference"),
            kinds("comintern-congress")
        ),
        (13, 8, 7)
    );
    assert_eq!(
        event_date(&registry, "tenth-party-congress"),
        "1921-03-08/1921-03-16"
    );
    assert_eq!(
        event_date(&registry, "seventeenth-party-congress"),
        "1934-01-26/1934-02-10"
    );
    assert_eq!(
        event_date(&registry, "fourth-comintern-congress"),
        "1922-11-04/1922-12-05"
    );
    let range = regex::Regex::new(r"^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$").unwrap();
    for event in &registry.events {
        assert!(
            range.is_match(&event.fields.date),
            "{}: {}",
            event.id,
            event.fields.date
        );
    }

    let antonov = person(&registry, "antonov-ovseenko");
    assert_eq!(antonov.name, "Vladimir Aleksandrovich Antonov-Ovseenko");
    assert_eq!(
        antonov.sort_name,
        "Antonov-Ovseenko, Vladimir Aleksandrovich"
    );
    assert_eq!(antonov.born.as_deref(), Some("1883-03-21"));
    assert_eq!(antonov.born_os.as_deref(), Some("1883-03-09"));
    assert_eq!(antonov.died.as_deref(), Some("1938-02-10"));
    assert!(
        antonov
            .aliases
            .contains(&"V. A. Antonov-Ovseenko".to_string())
    );
    let bubnov = person(&registry, "bubnov");
    assert_eq!(
        (bubnov.born.as_deref(), bubnov.born_os.as_deref()),
        (Some("1884-04-04"), Some("1884-03-22"))
    );
    assert_eq!(
        person(&registry, "zinoviev").real_name.as_deref(),
        Some("Radomyslsky")
    );

    let smirnovs: Vec<&str> = registry
        .people
        .iter()
        .filter(|p| p.fields.sort_name.starts_with("Smirnov,"))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(smirnovs, ["smirnov-a-p", "smirnov-i-n", "smirnov-v-m"]);
    for id in smirnovs {
        let aliases = &person(&registry, id).aliases;
        assert!(!aliases.iter().any(|a| a == "Smirnov"), "{id}: {aliases:?}");
    }
    let ivan = person(&registry, "smirnov-i-n");
    assert!(ivan.aliases.contains(&"I. N. Smirnov".to_string()));
    assert!(ivan.aliases.contains(&"Ivan Nikitich Smirnov".to_string()));

    let cc = registry.terms.iter().find(|t| t.id == "cc").unwrap();
    assert_eq!(cc.fields.expansion.as_deref(), Some("Central Committee"));
}

/// The keys docs/registry-format.md allows in each folder, and those every file must have.
fn registry_keys(folder: &str) -> (&'static [&'static str], &'static [&'static str]) {
    match folder {
        "people" => (
            &[
                "name",
                "sort_name",
                "aliases",
                "real_name",
                "born",
                "born_os",
                "died",
                "died_os",
                "summary",
                "source",
            ],
            &["name", "sort_name", "summary", "source"],
        ),
        "events" => (
            &[
                "title", "date", "aliases", "place", "kind", "people", "source",
            ],
            &["title", "date", "kind", "source"],
        ),
        "terms" => (
            &["term", "expansion", "aliases", "original", "source"],
            &["term", "source"],
        ),
        other => panic!("no registry folder {other}"),
    }
}

#[test]
fn every_registry_file_has_the_keys_of_the_format_and_no_others() {
    for file in annals::import::registry::files(&read_registry()) {
        let (folder, name) = file.path.split_once('/').unwrap();
        let id = name.strip_suffix(".md").unwrap();
        assert!(
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            file.path
        );
        let split = annals::frontmatter::split(&file.markdown).unwrap();
        let table: toml::Table =
            toml::from_str(split.front_matter).unwrap_or_else(|e| panic!("{}: {e}", file.path));
        let (allowed, required) = registry_keys(folder);
        for key in table.keys() {
            assert!(allowed.contains(&key.as_str()), "{}: key {key}", file.path);
        }
        for key in required {
            assert!(table.contains_key(*key), "{}: no {key}", file.path);
        }
        assert!(
            split.body.contains("Rogovin"),
            "{}: the body names its source",
            file.path
        );
    }
}

/// `scripts/import-bundled.sh` writes the registry's seeded entries exactly as committed,
/// and no committed entry from the book is left that a fresh import does not write.
#[cfg(unix)]
#[test]
fn the_seeded_registry_is_reproducible_from_the_book() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let documents = tempfile::tempdir().unwrap();
    let fresh = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("bash")
        .arg(root.join("scripts/import-bundled.sh"))
        .env("ANNALS", env!("CARGO_BIN_EXE_annals"))
        .env("OUT", documents.path())
        .env("REGISTRY_OUT", fresh.path())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let mut compared = 0;
    for folder in ["people", "events", "terms"] {
        for entry in std::fs::read_dir(fresh.path().join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(fresh.path()).unwrap();
            // Less the lines an editor adds to an entry, which a new import keeps.
            let kept: String = std::fs::read_to_string(root.join("content").join(relative))
                .unwrap_or_default()
                .split_inclusive('\n')
                .filter(|line| !annals::import::registry::is_editors_line(line))
                .collect();
            assert!(
                std::fs::read_to_string(&path).unwrap() == kept,
                "content/{} differs from a fresh import: run scripts/import-bundled.sh",
                relative.display()
            );
            compared += 1;
        }
        for entry in std::fs::read_dir(root.join("content").join(folder)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let seeded = text.contains("source = \"Rogovin, Was There an Alternative? 1923–1927, ");
            let name = path.file_name().unwrap();
            assert!(
                !seeded || fresh.path().join(folder).join(name).exists(),
                "{} was seeded from the book but a fresh import no longer writes it",
                path.display()
            );
        }
    }
    assert_eq!(compared, 73 + 28 + 66);
}

#[test]
fn the_registry_import_writes_only_its_own_files() {
    let content = tempfile::tempdir().unwrap();
    let people = content.path().join("people");
    std::fs::create_dir_all(&people).unwrap();
    let lenin = "+++\nname = \"Vladimir Il'ich Lenin\"\n+++\nHand-written.\n";
    std::fs::write(people.join("lenin.md"), lenin).unwrap();
    std::fs::write(people.join("bukharin.md"), "stale").unwrap();
    let book = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/sources")
        .join(BOOK);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .arg("import")
        .arg(&book)
        .args(["--registry", "--into"])
        .arg(content.path())
        .args(["--authors", CITATION.0, "--title", CITATION.1])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("73 people, 28 events, 66 terms\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("line 6959: Aleksei Ivanovich Rykov"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read_to_string(people.join("lenin.md")).unwrap(),
        lenin
    );
    let bukharin = std::fs::read_to_string(people.join("bukharin.md")).unwrap();
    assert!(bukharin.contains("born = \"1888-10-09\""), "{bukharin}");
}

#[test]
fn a_single_document_import_replaces_only_its_own_earlier_import() {
    let dir = tempfile::tempdir().unwrap();
    let documents = dir.path().join("content/documents");
    std::fs::create_dir_all(&documents).unwrap();
    let source = dir.path().join("letter.txt");
    std::fs::write(
        &source,
        "A LETTER\n\nThe text of the letter.1\n\nNotes\n\n1. Its note.\n",
    )
    .unwrap();
    let import = |into: &std::path::Path| {
        crate::common::annals(
            &[
                "import",
                source.to_str().unwrap(),
                "--into",
                into.to_str().unwrap(),
            ],
            dir.path(),
        )
    };
    let handwritten = documents.join("letter-1923.md");
    std::fs::write(
        &handwritten,
        "+++\ntitle = \"Written by hand\"\n+++\n\nMine.\n",
    )
    .unwrap();
    let still_mine = || {
        std::fs::read_to_string(&handwritten)
            .unwrap()
            .contains("Mine.")
    };
    // A dot in the slug is part of it: `letter-1923.02` is not `letter-1923`.
    let output = import(&documents.join("letter-1923.02"));
    assert!(output.status.success(), "{output:?}");
    assert!(documents.join("letter-1923.02.md").is_file());
    assert!(still_mine());
    // A page the editor wrote is never replaced; the earlier import is.
    let output = import(&documents.join("letter-1923"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("was not written by an import of this file"),
        "{stderr}"
    );
    assert!(still_mine());
    // Nor is one that names another transcription as its source (provenance an editor may
    // write by hand).
    std::fs::write(
        &handwritten,
        "+++\ntitle = \"Written by hand\"\nsource_file = \"smith.txt\"\n+++\n\nMine.\n",
    )
    .unwrap();
    let output = import(&documents.join("letter-1923"));
    assert!(!output.status.success(), "{output:?}");
    assert!(still_mine());
    let output = import(&documents.join("letter-1923.02"));
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("letter-1923.02.md"), "{stdout}");
    // A file where a folder must be made is named.
    let output = import(&source.join("letter"));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("letter.txt is a file"), "{stderr}");
}

#[test]
fn chapters_whose_titles_begin_alike_get_files_of_their_own() {
    let text = "A BOOK\n\nContents\n\n\
        Letter of the Workers' Group to the Comintern\n\n\
        Letter of the Workers' Group to the KAPD\n\n\
        Letter of the Workers' Group to the Comintern\n\nTo the Comintern.\n\n\
        Letter of the Workers' Group to the KAPD\n\nTo the KAPD.\n";
    let imported = import_text(
        text,
        &ImportOptions {
            split_chapters: true,
            ..Default::default()
        },
    );
    let paths: Vec<&str> = imported.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "_index.md",
            "letter-of-the-workers-group-to.md",
            "letter-of-the-workers-group-to-2.md"
        ]
    );
    assert!(imported.files[1].markdown.contains("To the Comintern."));
    assert!(imported.files[2].markdown.contains("To the KAPD."));
}

#[test]
fn text_that_markdown_would_misread_stays_text() {
    let text = "A DOCUMENT\n\nThe first paragraph.1\n\n~~~\n\n1921. The Tenth Congress met.2\n\n\
                The draft <Platform> was read.3\n\nNotes\n\n1. One.\n2. Two.\n3. Three.\n";
    let imported = import_text(text, &ImportOptions::default());
    let markdown = &imported.files[0].markdown;
    let html = annals::internals::MarkdownRenderer::default()
        .render(
            markdown.split("+++").nth(2).unwrap(),
            annals::internals::Source::new(std::path::Path::new("doc.md"), 1, "/"),
            None,
        )
        .html;
    assert!(!html.contains("<pre"), "{html}");
    assert!(!html.contains("<ol"), "{html}");
    assert!(html.contains("1921. The Tenth Congress"), "{html}");
    assert!(html.contains("&lt;Platform&gt;"), "{html}");
    let markers = html.matches("class=\"note-ref\"").count();
    assert_eq!(markers, 3, "{html}");
}

#[test]
fn declared_gaps_and_names_are_written_only_into_the_chapters_that_have_them() {
    let text = "A BOOK\n\nContents\n\nFirst Letter\n\nSecond Letter\n\n\
        First Letter\n\nSmirnov wrote to the committee.1\n\nHe wrote again in the spring.2\n\n\
        Notes\n\n1. Archive, file 1.\n\n\
        Second Letter\n\nNobody answered the letter.1\n\nNotes\n\n1. Archive, file 2.\n";
    let options = ImportOptions {
        split_chapters: true,
        missing_notes: Some("the second note is torn off".into()),
        uncited_notes: Some("never needed here".into()),
        names: [("Smirnov".to_string(), "person:smirnov-v-m".to_string())].into(),
        unlinked_names: vec!["Smirnov".into(), "Ivanov".into()],
        ..Default::default()
    };
    let imported = import_text(text, &options);
    assert_eq!(imported.report.markers_without_note(), 1);
    let front = |i: usize| -> toml::Table {
        let markdown = &imported.files[i].markdown;
        markdown.split("+++").nth(1).unwrap().parse().unwrap()
    };
    let first = front(1);
    assert_eq!(
        first["missing_notes"].as_str(),
        Some("the second note is torn off")
    );
    assert_eq!(
        first["names"]["Smirnov"].as_str(),
        Some("person:smirnov-v-m")
    );
    assert_eq!(
        first["unlinked_names"].as_array().unwrap(),
        &vec![toml::Value::from("Smirnov")]
    );
    assert!(
        !first.contains_key("uncited_notes"),
        "no note lacks its marker"
    );
    let second = front(2);
    for key in ["missing_notes", "uncited_notes", "names", "unlinked_names"] {
        assert!(!second.contains_key(key), "{key} in {second:?}");
    }
}

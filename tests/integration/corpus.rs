//! `annals import` on the held-out corpora (`tests/fixtures/import/corpus/`): texts of every
//! format written for the project by people who did not see the import's rules, each with
//! a key of what a faithful import keeps. Each text is imported into a site of its own and
//! built, and the built page is read: its sentences in order, its notes, its headings, no
//! escaped Markdown and none of the page around the text. The corpora were scored once
//! before the rules met them (BENCHMARKS.md, "Import"); this test keeps what they now hold.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde::Deserialize;

use crate::common::annals;

#[derive(Deserialize)]
struct Key {
    headings: Vec<String>,
    notes: usize,
    sentences: Vec<String>,
    notes_sample: Vec<String>,
    dropped: Vec<String>,
}

/// What one text's built page holds against its key.
#[derive(Default, Debug)]
struct Score {
    headings: (usize, usize),
    notes: (usize, usize),
    sentences_lost: Vec<String>,
    notes_lost: Vec<String>,
    chrome_left: Vec<String>,
    escaped: Vec<String>,
}

fn corpus_files() -> Vec<(PathBuf, Key)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/corpus");
    let mut files = Vec::new();
    let corpora = std::fs::read_dir(&root).unwrap().filter_map(Result::ok);
    for corpus in corpora.filter(|c| c.path().is_dir()) {
        for entry in std::fs::read_dir(corpus.path())
            .unwrap()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".key.json") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_string_lossy().to_string();
            let key = path.with_file_name(format!("{stem}.key.json"));
            let key: Key = serde_json::from_str(&std::fs::read_to_string(key).unwrap()).unwrap();
            files.push((path, key));
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// Text as the key compares it: quotes and dashes plain, white space single.
fn norm(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '‘' | '’' | '‚' => '\'',
            '“' | '”' | '„' => '"',
            '–' | '—' | '−' => '-',
            '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .filter(|&c| c != '\u{ad}')
        .collect();
    let plain = plain.replace('…', "...");
    let mut out = String::new();
    for word in plain.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    while out.contains("--") {
        out = out.replace("--", "-");
    }
    out
}

/// The text of an element without what annals adds to it (paragraph anchors, note markers,
/// a note's links back).
fn text_without_furniture(element: ElementRef) -> String {
    let mut text = String::new();
    for node in element.descendants() {
        let Some(t) = node.value().as_text() else {
            continue;
        };
        let furniture = node.ancestors().filter_map(ElementRef::wrap).any(|a| {
            let class = a.value().attr("class").unwrap_or_default();
            ["anchor", "note-ref", "backref", "backrefs"]
                .iter()
                .any(|c| class.split_whitespace().any(|w| w == *c))
        });
        if !furniture {
            text.push_str(t);
        }
    }
    text
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).unwrap()
}

/// Lines of the imported Markdown that open with an escaped mark (`\#`, `\>`, `\*`).
fn escaped_lines(markdown: &str) -> Vec<String> {
    let body = markdown.splitn(3, "+++").nth(2).unwrap_or(markdown);
    body.lines()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with('\\')
                && t[1..].starts_with(['#', '>', '*', '+', '-', '=', '`', '|', '_', '~'])
        })
        .map(str::to_string)
        .collect()
}

fn score(file: &Path, key: &Key) -> Score {
    let site = tempfile::tempdir().unwrap();
    let root = site.path();
    std::fs::create_dir_all(root.join("content/documents")).unwrap();
    std::fs::write(root.join("site.toml"), "title = \"Corpus\"\n").unwrap();
    let slug = "text";
    let imported = annals(
        &[
            "import",
            file.to_str().unwrap(),
            "--into",
            "content/documents/text",
        ],
        root,
    );
    assert!(
        imported.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&imported.stderr)
    );
    let markdown =
        std::fs::read_to_string(root.join(format!("content/documents/{slug}.md"))).unwrap();
    let built = annals(&["build"], root);
    assert!(
        built.status.success(),
        "{}: {}",
        file.display(),
        String::from_utf8_lossy(&built.stderr)
    );
    let html =
        std::fs::read_to_string(root.join(format!("public/documents/{slug}/index.html"))).unwrap();
    let page = Html::parse_document(&html);
    let title = page
        .select(&selector("article.document header.document-header h1"))
        .next()
        .map(|h| norm(&text_without_furniture(h)))
        .unwrap_or_default();
    let body = page
        .select(&selector("article.document div.document-body"))
        .next()
        .unwrap();
    let body_text = norm(&text_without_furniture(body));
    let headings: Vec<String> = body
        .select(&selector("h1, h2, h3, h4, h5, h6"))
        .map(|h| norm(&text_without_furniture(h)))
        .collect();
    let notes: Vec<ElementRef> = page
        .select(&selector("section.notes li.note"))
        .filter(|li| !li.value().classes().any(|c| c == "note-missing"))
        .collect();
    let with_text = notes
        .iter()
        .filter(|li| !norm(&text_without_furniture(**li)).is_empty())
        .filter(|li| li.select(&selector("a.backref")).next().is_some())
        .count();
    let notes_text = norm(
        &notes
            .iter()
            .map(|li| text_without_furniture(*li))
            .collect::<Vec<_>>()
            .join(" "),
    );
    let mut at = 0;
    let mut sentences_lost = Vec::new();
    for sentence in &key.sentences {
        match body_text[at..].find(&norm(sentence)) {
            Some(found) => at += found + norm(sentence).len(),
            None => sentences_lost.push(sentence.clone()),
        }
    }
    let visible = format!("{title} {body_text} {notes_text}");
    let kept_headings = key
        .headings
        .iter()
        .filter(|h| norm(h) == title || headings.contains(&norm(h)))
        .count();
    Score {
        headings: (kept_headings, key.headings.len()),
        notes: (with_text.min(key.notes), key.notes),
        sentences_lost,
        notes_lost: (key.notes_sample.iter())
            .filter(|s| !notes_text.contains(&norm(s)))
            .cloned()
            .collect(),
        chrome_left: (key.dropped.iter())
            .filter(|d| visible.contains(&norm(d)))
            .cloned()
            .collect(),
        escaped: escaped_lines(&markdown),
    }
}

#[test]
fn the_held_out_corpora_are_imported_whole_with_their_notes_and_headings() {
    let files = corpus_files();
    assert!(files.len() >= 25, "{} texts", files.len());
    let mut headings = (0, 0);
    let mut notes = (0, 0);
    let mut problems = Vec::new();
    for (file, key) in &files {
        let score = score(file, key);
        headings = (headings.0 + score.headings.0, headings.1 + score.headings.1);
        notes = (notes.0 + score.notes.0, notes.1 + score.notes.1);
        let name = file.file_name().unwrap().to_string_lossy();
        for (what, items) in [
            ("sentences lost or out of order", &score.sentences_lost),
            ("notes' words lost", &score.notes_lost),
            ("the page around the text left in", &score.chrome_left),
            ("escaped Markdown", &score.escaped),
        ] {
            if !items.is_empty() {
                problems.push(format!("{name}: {what}: {items:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(notes.0 * 100 >= notes.1 * 95, "notes recognised: {notes:?}");
    assert!(
        headings.0 * 100 >= headings.1 * 90,
        "headings kept: {headings:?}"
    );
}

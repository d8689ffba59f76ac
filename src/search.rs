//! Full-text search that works on any static host: Pagefind's index, built inside the build
//! from the rendered pages (no second tool for the user to install). Each note is also a
//! record of its own, so a phrase from a note leads to the note itself.

use std::collections::BTreeMap;

use anyhow::Context;
use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::config::BaseUrl;
use crate::content::{Content, PageKind};
use crate::markdown::{NoteStatus, Rendered};
use crate::write::{Contents, OutputFile};

/// Where the index lives in the site.
pub const SEARCH_DIR: &str = "pagefind";

/// A note as a search record: found by its text, leading to its place on its page.
#[derive(Debug, Clone)]
pub struct NoteRecord {
    /// The note's URL: the page's, with `#fn-N`.
    pub url: String,
    pub title: String,
    pub text: String,
    pub document: String,
}

/// The search index of the site, as files under `pagefind/`. `pages` are the rendered site;
/// their templates mark what is indexed (`data-pagefind-body`) and how it is filtered.
pub fn index(
    pages: &[OutputFile],
    notes: &[NoteRecord],
    language: &str,
    link_prefix: &str,
) -> anyhow::Result<Vec<OutputFile>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .context("cannot start the indexing runtime")?;
    runtime.block_on(build_index(pages, notes, language, link_prefix))
}

async fn build_index(
    pages: &[OutputFile],
    notes: &[NoteRecord],
    language: &str,
    link_prefix: &str,
) -> anyhow::Result<Vec<OutputFile>> {
    // One language for the whole index: the notes mix Russian into English pages, and a
    // reader searching "Мясников" should find the English page that gives that form.
    let options = PagefindServiceConfig::builder()
        .force_language(language.to_string())
        .build();
    let mut index = PagefindIndex::new(Some(options)).context("cannot set up the search index")?;
    for page in pages.iter().filter(|p| is_searchable(&p.path)) {
        let Contents::Bytes(bytes) = &page.contents else {
            continue;
        };
        let html = String::from_utf8_lossy(bytes).into_owned();
        let url = format!("{link_prefix}{}", page.path.trim_end_matches("index.html"));
        index
            .add_html_file(None, Some(url), html)
            .await
            .with_context(|| format!("cannot index {}", page.path))?;
    }
    for note in notes {
        let meta = BTreeMap::from([("title".to_string(), note.title.clone())]);
        let filters = BTreeMap::from([
            ("kind".to_string(), vec!["Note".to_string()]),
            ("document".to_string(), vec![note.document.clone()]),
        ]);
        index
            .add_custom_record(
                note.url.clone(),
                note.text.clone(),
                language.to_string(),
                Some(meta),
                Some(filters),
                None,
            )
            .await
            .with_context(|| format!("cannot index the note {}", note.url))?;
    }
    let files = index
        .get_files()
        .await
        .context("cannot build the search index")?;
    Ok(files
        .into_iter()
        .map(|file| {
            OutputFile::bytes(
                format!("{SEARCH_DIR}/{}", file.filename.to_string_lossy()),
                file.contents,
            )
        })
        .collect())
}

/// Every note of every document as a search record.
pub fn note_records(content: &Content, rendered: &[Rendered], base: &BaseUrl) -> Vec<NoteRecord> {
    let mut records = Vec::new();
    for (index, page) in content.pages.iter().enumerate() {
        if !matches!(
            page.kind,
            PageKind::Document | PageKind::Chapter | PageKind::Collection
        ) {
            continue;
        }
        let document = page.parent.map_or(&page.title, |p| &content.pages[p].title);
        let place = match page.parent {
            Some(_) => format!("{} — {}", document, page.title),
            None => page.title.clone(),
        };
        for note in rendered[index]
            .notes
            .iter()
            .filter(|n| n.status != NoteStatus::Missing)
        {
            records.push(NoteRecord {
                url: format!("{}#{}", base.link(&page.site_path), note.id),
                title: format!("Note {} · {place}", note.number),
                text: plain_text(&note.html),
                document: document.clone(),
            });
        }
    }
    records
}

/// Pages worth finding: the documents, the registry's entities and the glossary. Not the
/// lists and indexes that only repeat them (the timeline, the works cited, whose notes are
/// records of their own, the A–Z lists), nor the 404 and search pages.
fn is_searchable(path: &str) -> bool {
    const REPEATS: [&str; 7] = [
        "search/",
        "timeline/",
        "sources/",
        "people/index.html",
        "events/index.html",
        "groups/index.html",
        "documents/index.html",
    ];
    path.ends_with(".html")
        && path != "404.html"
        && !path.starts_with(SEARCH_DIR)
        && !REPEATS.iter().any(|r| path.starts_with(r))
}
/// A note's HTML as plain text, for its search record.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let decoded = text
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_lose_their_markup() {
        assert_eq!(
            plain_text("<p>Ленин, <em>ПСС</em>, Т. 42 &amp; more</p>\n"),
            "Ленин, ПСС , Т. 42 & more"
        );
    }

    #[test]
    fn indexes_pages_and_notes() {
        let page = OutputFile::bytes(
            "people/miasnikov/index.html",
            "<html lang=\"en\"><body><main data-pagefind-body><h1>Gavriil Miasnikov</h1><p>Also known as Мясников, Myasnikov.</p></main></body></html>",
        );
        let note = NoteRecord {
            url: "/documents/book/chapter-09/#fn-7".into(),
            title: "Note 7".into(),
            text: "Известия ЦК КПСС, 1990, № 9".into(),
            document: "The book".into(),
        };
        let files = index(&[page], &[note], "en", "/").unwrap();
        let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert!(names.contains(&"pagefind/pagefind.js"), "{names:?}");
        assert!(
            names.iter().any(|n| n.starts_with("pagefind/fragment/")),
            "{names:?}"
        );
    }
}

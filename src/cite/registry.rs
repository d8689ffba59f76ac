//! The optional registry of works, `content/works/ID.md`: an editor names a work, gives the
//! short forms and titles its citations use (so that they group under it), and says when
//! it is itself a document of the collection.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::frontmatter;

pub use crate::content::WORKS_DIR;

const KNOWN_KEYS: &[&str] = &[
    "title", "authors", "year", "aliases", "document", "type", "url",
];

/// One entry of `content/works/`.
#[derive(Debug, Clone, Default)]
pub struct WorkEntry {
    pub id: String,
    pub path: PathBuf,
    pub title: String,
    pub authors: Vec<String>,
    pub year: Option<String>,
    /// Titles and short forms ("Avrich 1984", "ПСС") its citations may use.
    pub aliases: Vec<String>,
    /// The slug of the collection's document that is this work, with its line for errors.
    pub document: Option<(String, usize)>,
    /// The CSL type (`book`, `article-journal`, …).
    pub csl_type: Option<String>,
    pub url: Option<String>,
    /// The editor's note, Markdown.
    pub body: String,
}

#[derive(Debug, Deserialize, Default)]
#[serde(default)]
struct Front {
    title: String,
    #[serde(deserialize_with = "frontmatter::one_or_many")]
    authors: Vec<String>,
    year: Option<toml::Value>,
    aliases: Vec<String>,
    document: Option<String>,
    #[serde(rename = "type")]
    csl_type: Option<String>,
    url: Option<String>,
}

/// Reads `content/works/*.md`; none at all is an empty registry.
pub fn load(
    content_dir: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    diagnostics: &mut Diagnostics,
) -> Vec<WorkEntry> {
    let folder = content_dir.join(WORKS_DIR);
    if !folder.is_dir() {
        return Vec::new();
    }
    walkdir::WalkDir::new(&folder)
        .max_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .filter(|e| e.file_name() != "_index.md")
        .filter_map(|e| load_entry(e.path(), &shown(e.path()), diagnostics))
        .collect()
}

fn load_entry(file: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Option<WorkEntry> {
    let parsed = frontmatter::read::<Front>(file, path, KNOWN_KEYS, "for a work", diagnostics)?;
    let frontmatter::ContentFile {
        front, body, keys, ..
    } = parsed;
    let fm_line = keys.first_line();
    let line_of = |key: &str| keys.line(key);
    if front.title.trim().is_empty() {
        diagnostics.push(
            Diagnostic::error(path, "a work needs a title")
                .at_line(fm_line)
                .with_help("add `title = \"…\"` to the front matter"),
        );
        return None;
    }
    let id = file.file_stem()?.to_string_lossy().to_string();
    Some(WorkEntry {
        id,
        path: path.to_path_buf(),
        title: front.title,
        authors: front.authors,
        year: front.year.map(|y| match y {
            toml::Value::String(s) => s,
            other => other.to_string(),
        }),
        aliases: front.aliases,
        document: front.document.map(|d| (d, line_of("document"))),
        csl_type: front.csl_type,
        url: frontmatter::web_address(front.url, path, line_of("url"), diagnostics),
        body: body.trim().to_string(),
    })
}

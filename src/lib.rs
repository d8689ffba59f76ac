//! annals: a static site generator for documentary histories.
//!
//! A build flows one way: `config` and `content` load the site, `markdown` renders each
//! page's body and notes, `render` fills the templates, `write` puts the site on disk
//! atomically, with `publish` adding the sitemap, robots.txt and the feed. `build` runs the
//! stages in order; `linkcheck` verifies a built site; `serve` previews it with live reload.

pub mod build;
pub mod cache;
pub mod cite;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod diagnostic;
pub mod entity;
pub mod frontmatter;
pub mod import;
pub mod init;
pub mod linkcheck;
pub mod markdown;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub mod text;
pub mod timeline;
pub mod write;

/// The four source texts the bundled collection was made from (`tests/sources/*.txt`), by
/// file name: real, messy prose for the unit tests that compare a fast path with a plain one.
#[cfg(test)]
pub(crate) fn source_texts() -> Vec<(String, String)> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sources");
    let mut texts: Vec<(String, String)> = std::fs::read_dir(folder)
        .expect("tests/sources")
        .map(|entry| entry.expect("an entry of tests/sources").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a source text");
            (
                path.file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned(),
                text,
            )
        })
        .collect();
    texts.sort();
    assert_eq!(texts.len(), 4, "the four source texts");
    texts
}

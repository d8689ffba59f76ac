//! annals: a static site generator for documentary histories.
//!
//! A build flows one way, stage by stage (`build` runs them): load (`config`, `content`,
//! `entity`'s registry, `render`'s templates) → analyse each page (`analyse`: `markdown`
//! with the registry's names, `cite`'s references, `timeline`'s dated statements) → index
//! the site (`cite`'s works, the `timeline`) → render every kind of page (`mentions` by
//! entity, then `render`, `search`, `data`, `publish`) → write (`write`, swapping the output in
//! whole). `linkcheck` verifies a built site; `serve` previews it with live reload;
//! `import` turns transcriptions into content. ARCHITECTURE.md says where each thing lives.
//!
//! The public API is what the command line uses: `build` (with the `cache` and `write::Sink`
//! it takes), `serve`, `init`, `import`, `linkcheck`, and the types they take and give
//! (`config`, `diagnostic`, `frontmatter`). Everything else is the crate's own.

pub mod build;
pub mod cache;
pub mod config;
pub mod diagnostic;
pub mod frontmatter;
pub mod import;
pub mod init;
pub mod linkcheck;
pub mod serve;
pub mod write;

mod addresses;
mod analyse;
mod assets;
mod check;
mod cite;
mod content;
mod data;
mod date;
mod entity;
mod id;
mod markdown;
mod mentions;
pub mod names;
#[cfg(test)]
mod properties;
mod publish;
mod render;
mod reread;
mod search;
mod text;
mod timeline;

/// What the benchmarks (`benches/pipeline.rs`, `examples/floor.rs`) and the integration
/// tests reach inside the build for: not part of the API, and free to change with it.
#[doc(hidden)]
pub mod internals {
    pub use crate::content::{CONTENT_DIR, is_registry_folder};
    pub use crate::date::HistoricalDate;
    pub use crate::entity::aliases::names;
    pub use crate::entity::annotate::{Annotator, Entities};
    pub use crate::entity::lookup::NameLookup;
    pub use crate::entity::matcher::Matcher;
    pub use crate::entity::{Entity, load as load_registry};
    pub use crate::markdown::{MarkdownRenderer, Source, options as markdown_options};
    pub use crate::search::stem::stem;
    pub use crate::search::{KINDS as SEARCH_KINDS, codec, words};
    pub use crate::timeline::extract::{Extractor, sentence_date};
}

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

/// The modules' imports, read from the source: data flows one way between the stages, so no
/// module imports another that imports it back (code under `#[cfg(test)]` aside).
#[cfg(test)]
mod layout_tests {
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::Path;

    /// Top-level module → the top-level modules its code names as `crate::NAME`.
    fn imports() -> BTreeMap<String, BTreeSet<String>> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("a file of src/");
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let first = relative.components().next().unwrap().as_os_str();
            let module = first.to_string_lossy().trim_end_matches(".rs").to_string();
            if matches!(module.as_str(), "lib" | "main") {
                continue;
            }
            let text = std::fs::read_to_string(path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            let named = graph.entry(module.clone()).or_default();
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                // `crate::{a::X, b}` names a and b.
                let names = match rest.strip_prefix('{') {
                    Some(group) => group[..group.find('}').unwrap_or(0)].split(',').collect(),
                    None => vec![rest],
                };
                for name in names {
                    let name: String = name
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect();
                    if name != module && !name.is_empty() {
                        named.insert(name);
                    }
                }
            }
        }
        graph
    }

    /// A path of imports from `from` back to `target`, if there is one.
    fn path_back(
        graph: &BTreeMap<String, BTreeSet<String>>,
        from: &str,
        target: &str,
        seen: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        for next in graph.get(from).into_iter().flatten() {
            if next == target {
                return Some(vec![from.to_string(), next.clone()]);
            }
            if seen.insert(next.clone())
                && let Some(mut rest) = path_back(graph, next, target, seen)
            {
                rest.insert(0, from.to_string());
                return Some(rest);
            }
        }
        None
    }

    #[test]
    fn no_module_imports_one_that_imports_it_back() {
        let graph = imports();
        assert!(graph.contains_key("build") && graph.contains_key("markdown"));
        let cycles: Vec<String> = graph
            .keys()
            .filter_map(|module| path_back(&graph, module, module, &mut BTreeSet::new()))
            .map(|path| path.join(" → "))
            .collect();
        assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
    }
}

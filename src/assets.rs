//! The files copied into the site as they are: annals' own stylesheet and scripts (compiled
//! into the binary), the site's `static/` folder, which may replace any of them, and the
//! files beside the documents in `content/` (images).

use std::path::Path;

use crate::content::Content;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::write::{Contents, OutputFile};

/// The script that shows a note in place (a popover, or a side note in the margin).
pub const NOTES_SCRIPT: &str = "notes.js";

/// The script that makes a source page's "Cite this" cite the paragraph in the address.
pub const CITE_SCRIPT: &str = "cite.js";

/// The default stylesheet and scripts, used unless the site's `static/` has its own.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    ("style.css", include_bytes!("../static/style.css")),
    ("search.js", include_bytes!("../static/search.js")),
    (
        "search-index.js",
        include_bytes!("../static/search-index.js"),
    ),
    ("timeline.js", include_bytes!("../static/timeline.js")),
    (NOTES_SCRIPT, include_bytes!("../static/notes.js")),
    (CITE_SCRIPT, include_bytes!("../static/cite.js")),
    // The search's stemmer for the reader's browser (scripts/build-stemmer-wasm.sh).
    (
        "search/stem.wasm",
        include_bytes!("../static/search/stem.wasm"),
    ),
];

/// The site's folder of files copied as they are.
pub const STATIC_DIR: &str = "static";

/// The default stylesheet, the site's `static/` folder, and the non-Markdown files of
/// `content/` (images beside the documents), each copied as it is.
pub fn files(root: &Path, content: &Content, diagnostics: &mut Diagnostics) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = DEFAULT_STATIC
        .iter()
        .map(|(path, bytes)| OutputFile::bytes(*path, *bytes))
        .collect();
    let static_dir = root.join(STATIC_DIR);
    if static_dir.is_dir() {
        let site = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        for entry in walkdir::WalkDir::new(&static_dir)
            .follow_links(true)
            .sort_by_file_name()
        {
            match entry {
                Ok(entry) if entry.file_type().is_file() => {
                    if let Some(warning) =
                        crate::content::outside_site(&site, entry.path(), |p| p.to_path_buf())
                    {
                        diagnostics.push(warning);
                        continue;
                    }
                    let path = site_path(entry.path(), &static_dir);
                    files.retain(|f| f.path != path);
                    files.push(OutputFile {
                        path,
                        contents: Contents::Copy(entry.path().to_path_buf()),
                    });
                }
                Ok(_) => {}
                Err(e) => diagnostics.push(Diagnostic::warning(
                    static_dir.clone(),
                    format!("skipped: {e}"),
                )),
            }
        }
    }
    files.extend(content.assets.iter().map(|asset| OutputFile {
        path: asset.site_path.clone(),
        contents: Contents::Copy(asset.source.clone()),
    }));
    files
}

/// A file's path in the site: its path under `static/`, with `/` between folders.
fn site_path(file: &Path, static_dir: &Path) -> String {
    file.strip_prefix(static_dir)
        .unwrap_or(file)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

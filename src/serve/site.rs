//! The built site as the server holds it: a map from site path to file, and the rules that
//! turn a request path into one of those paths. Only what the build produced can be served;
//! a request path is never joined to a folder on disk.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;

use crate::write::{Contents, OutputFile};

use super::live;

/// One file of the site: its bytes as built, or the file on disk it is copied from (static
/// files and images, read when asked for).
#[derive(Debug, Clone)]
pub enum Body {
    Memory {
        bytes: axum::body::Bytes,
        /// A hash of the bytes, made when the file is first asked for.
        hash: OnceLock<String>,
    },
    Disk(PathBuf),
}

#[derive(Debug, Clone)]
pub struct ServedFile {
    pub body: Body,
    pub content_type: &'static str,
}

/// One good build of the site. `generation` counts the builds, so that an open page can tell
/// whether it is out of date.
#[derive(Debug, Default)]
pub struct ServedSite {
    pub generation: u64,
    files: HashMap<String, ServedFile>,
    /// The paths whose files are the build before's, standing in until this build makes its
    /// own (the search index and the open data, made after the pages).
    stand_ins: HashSet<String>,
}

pub const NOT_FOUND_PAGE: &str = "404.html";

/// What a request path leads to.
#[derive(Debug)]
pub enum Lookup<'a> {
    File(&'a ServedFile),
    /// A folder asked for without its slash: `/documents/a` → `/documents/a/`.
    AddSlash,
    NotFound,
}

impl ServedSite {
    /// The files of a build, taken as they are: what each page is sent with (the reload
    /// script, its ETag) is added when it is asked for, so that nothing on the way from a
    /// save to the reload goes over every byte of the site.
    pub fn new(files: Vec<OutputFile>, generation: u64) -> ServedSite {
        let files = files
            .into_par_iter()
            .map(|file| {
                let content_type = content_type(&file.path);
                let body = match file.contents {
                    Contents::Bytes(bytes) => in_memory(bytes.into()),
                    Contents::Shared(bytes) => in_memory(bytes),
                    Contents::Copy(path) => Body::Disk(path),
                    // serve builds into memory (`Sink::Memory`): nothing is written ahead.
                    Contents::Written => in_memory(axum::body::Bytes::new()),
                };
                (file.path, ServedFile { body, content_type })
            })
            .collect();
        ServedSite {
            generation,
            files,
            stand_ins: HashSet::new(),
        }
    }

    /// This build's pages, and `previous`'s files wherever this build has none yet.
    pub fn standing_in(mut self, previous: &ServedSite) -> ServedSite {
        for (path, file) in &previous.files {
            if !self.files.contains_key(path) {
                self.files.insert(path.clone(), file.clone());
                self.stand_ins.insert(path.clone());
            }
        }
        self
    }

    /// The same build with the rest of its files, in place of those that stood in for them.
    pub fn completed(&self, later: Vec<OutputFile>) -> ServedSite {
        let mut files: HashMap<String, ServedFile> = (self.files.iter())
            .filter(|(path, _)| !self.stand_ins.contains(*path))
            .map(|(path, file)| (path.clone(), file.clone()))
            .collect();
        files.extend(ServedSite::new(later, self.generation).files);
        ServedSite {
            generation: self.generation,
            files,
            stand_ins: HashSet::new(),
        }
    }

    /// What is served while the site has never built: a page that only shows the errors and
    /// reloads once they are fixed.
    pub fn placeholder() -> ServedSite {
        let page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>annals: the site does not build</title></head>\n<body><p>The site does not build yet. Fix the errors shown in the terminal; this page reloads by itself.</p></body></html>\n";
        let file = OutputFile::bytes(NOT_FOUND_PAGE, page);
        ServedSite::new(vec![file], 0)
    }

    /// The site's own 404 page.
    pub fn not_found_page(&self) -> Option<&ServedFile> {
        self.files.get(NOT_FOUND_PAGE)
    }

    /// The file for a clean site path (see `site_path`): `DIR/` is `DIR/index.html`.
    pub fn lookup(&self, site_path: &str) -> Lookup<'_> {
        let is_folder = site_path.is_empty() || site_path.ends_with('/');
        let key = if is_folder {
            format!("{site_path}index.html")
        } else {
            site_path.to_string()
        };
        match self.files.get(&key) {
            Some(file) => Lookup::File(file),
            None if !is_folder && self.files.contains_key(&format!("{site_path}/index.html")) => {
                Lookup::AddSlash
            }
            None => Lookup::NotFound,
        }
    }
}

impl ServedFile {
    fn is_page(&self) -> bool {
        self.content_type.starts_with("text/html")
    }

    /// The bytes to send for a file held in memory, and their ETag, as served in build
    /// `generation`: a page with the reload script, which knows its build, so that a page's
    /// ETag is its build's too.
    pub fn sent(&self, generation: u64) -> Option<(axum::body::Bytes, String)> {
        let Body::Memory { bytes, hash } = &self.body else {
            return None;
        };
        let hash = hash.get_or_init(|| etag(bytes));
        Some(if self.is_page() {
            let page = live::inject_script(bytes, generation);
            let tag = format!("{}-{generation}\"", hash.trim_end_matches('"'));
            (page.into(), tag)
        } else {
            (bytes.clone(), hash.clone())
        })
    }
}

fn in_memory(bytes: axum::body::Bytes) -> Body {
    Body::Memory {
        bytes,
        hash: OnceLock::new(),
    }
}

/// A strong validator: a hash of the bytes, so an unchanged file keeps its ETag across
/// rebuilds.
pub fn etag(bytes: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("\"{:016x}-{:x}\"", hasher.finish(), bytes.len())
}

/// Whether an `If-None-Match` header names `etag`.
pub fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match
        .split(',')
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

/// Why a request path is refused with 400.
#[derive(Debug, PartialEq, Eq)]
pub enum BadPath {
    NotAbsolute,
    /// `%2f` or `%5c`: a slash that would not be seen as one when the path is split.
    EncodedSeparator,
    NotUtf8,
    /// `..`, `.`, an empty segment (`//`), a backslash or a NUL.
    UnsafeSegment,
}

/// The site path a request path (as sent, percent-encoded, without the query) names:
/// `/documents/a/` → `documents/a/`. Anything that could climb out of the site or name a
/// path in another way is refused rather than normalised.
pub fn site_path(request_path: &str) -> Result<String, BadPath> {
    let encoded = request_path.strip_prefix('/').ok_or(BadPath::NotAbsolute)?;
    let lower = encoded.to_ascii_lowercase();
    if lower.contains("%2f") || lower.contains("%5c") {
        return Err(BadPath::EncodedSeparator);
    }
    let decoded = percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .map_err(|_| BadPath::NotUtf8)?;
    if decoded.contains(['\\', '\0']) {
        return Err(BadPath::UnsafeSegment);
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let (last, folders) = segments
        .split_last()
        .expect("split yields one part at least");
    let unsafe_folder = folders.iter().any(|s| matches!(*s, "" | "." | ".."));
    if unsafe_folder || matches!(*last, "." | "..") {
        return Err(BadPath::UnsafeSegment);
    }
    Ok(decoded.into_owned())
}

/// The file on disk behind a copied file, if it is still inside the site's folder (a symlink
/// in `static/` may point anywhere).
pub fn inside_root(root: &Path, path: &Path) -> Option<PathBuf> {
    let real = path.canonicalize().ok()?;
    real.starts_with(root).then_some(real)
}

pub fn content_type(path: &str) -> &'static str {
    let extension = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "xml" => "application/xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths_name_site_paths() {
        assert_eq!(site_path("/").unwrap(), "");
        assert_eq!(site_path("/documents/a/").unwrap(), "documents/a/");
        assert_eq!(site_path("/style.css").unwrap(), "style.css");
        assert_eq!(
            site_path("/documents/%D0%B0/").unwrap(),
            "documents/а/",
            "percent-encoded letters are decoded"
        );
        assert_eq!(site_path("/a%20b.txt").unwrap(), "a b.txt");
    }

    #[test]
    fn paths_that_could_leave_the_site_are_refused() {
        for path in [
            "/../site.toml",
            "/%2e%2e/site.toml",
            "/%2E%2E/site.toml",
            "/.%2e/site.toml",
            "/..",
            "/a/./b",
            "//etc/passwd",
            "/a//b",
            "/..\\site.toml",
            "/documents/../../site.toml",
        ] {
            assert_eq!(site_path(path), Err(BadPath::UnsafeSegment), "{path}");
        }
        for path in ["/..%2fsite.toml", "/%5c..%5csite.toml", "/%2Fetc%2Fpasswd"] {
            assert_eq!(site_path(path), Err(BadPath::EncodedSeparator), "{path}");
        }
        assert_eq!(site_path("site.toml"), Err(BadPath::NotAbsolute));
        assert_eq!(site_path("/%ff"), Err(BadPath::NotUtf8));
        assert_eq!(
            site_path("/%252e%252e/x").unwrap(),
            "%2e%2e/x",
            "decoded once only"
        );
    }

    /// The bytes served at `path`, as built.
    fn served(site: &ServedSite, path: &str) -> Option<String> {
        let Lookup::File(file) = site.lookup(path) else {
            return None;
        };
        let Body::Memory { bytes, .. } = &file.body else {
            return None;
        };
        Some(String::from_utf8_lossy(bytes).into_owned())
    }

    #[test]
    fn the_last_builds_later_files_stand_in_until_this_builds_come() {
        let last = ServedSite::new(
            vec![
                OutputFile::bytes("index.html", "<body>old</body>"),
                OutputFile::bytes("gone/index.html", "<body>gone</body>"),
                OutputFile::bytes("search/index/meta.json", "old index"),
            ],
            1,
        );
        let pages = vec![OutputFile::bytes("index.html", "<body>new</body>")];
        let interim = ServedSite::new(pages, 2).standing_in(&last);
        assert_eq!(served(&interim, "").as_deref(), Some("<body>new</body>"));
        let index = served(&interim, "search/index/meta.json");
        assert_eq!(index.as_deref(), Some("old index"));

        let later = vec![OutputFile::bytes("search/index/meta.json", "new index")];
        let complete = interim.completed(later);
        assert_eq!(complete.generation, 2);
        let index = served(&complete, "search/index/meta.json");
        assert_eq!(index.as_deref(), Some("new index"));
        assert_eq!(served(&complete, "").as_deref(), Some("<body>new</body>"));
        // A page this build no longer makes stood in for a moment, and is gone once complete.
        assert!(served(&interim, "gone/").is_some());
        assert!(served(&complete, "gone/").is_none());
    }

    #[test]
    fn folders_are_served_by_their_index() {
        let site = ServedSite::new(
            vec![
                OutputFile::bytes("index.html", "<body>home</body>"),
                OutputFile::bytes("a/index.html", "<body>a</body>"),
                OutputFile::bytes("style.css", "p {}"),
            ],
            3,
        );
        let type_of = |path| match site.lookup(path) {
            Lookup::File(file) => file.content_type,
            Lookup::AddSlash => "add a slash",
            Lookup::NotFound => "not found",
        };
        assert_eq!(type_of(""), "text/html; charset=utf-8");
        assert_eq!(type_of("a/"), "text/html; charset=utf-8");
        assert_eq!(type_of("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(type_of("a"), "add a slash");
        assert_eq!(type_of("style.css"), "text/css; charset=utf-8");
        assert_eq!(type_of("b/"), "not found");
        assert_eq!(type_of("style.css/"), "not found");
        let Lookup::File(page) = site.lookup("a/") else {
            panic!("a page is held in memory");
        };
        let (bytes, page_tag) = page.sent(site.generation).unwrap();
        let html = String::from_utf8_lossy(&bytes);
        assert!(html.contains("EventSource"), "{html}");
        assert!(html.ends_with("</body>"), "the script goes inside the body");
        let Lookup::File(style) = site.lookup("style.css") else {
            panic!("a file is held in memory");
        };
        let (bytes, style_tag) = style.sent(site.generation).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("EventSource"));
        // A page's ETag is its build's: the script it is sent with says which build.
        let (_, next_tag) = page.sent(site.generation + 1).unwrap();
        assert_ne!(page_tag, next_tag);
        assert_eq!(style.sent(site.generation + 1).unwrap().1, style_tag);
    }

    #[test]
    fn etags_follow_the_bytes() {
        assert_eq!(etag(b"abc"), etag(b"abc"));
        assert_ne!(etag(b"abc"), etag(b"abd"));
        let tag = etag(b"abc");
        assert!(etag_matches(&tag, &tag));
        assert!(etag_matches(&format!("\"x\", W/{tag}"), &tag));
        assert!(etag_matches("*", &tag));
        assert!(!etag_matches("\"other\"", &tag));
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("style.CSS"), "text/css; charset=utf-8");
        assert_eq!(content_type("font.woff2"), "font/woff2");
        assert_eq!(content_type("atom.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("data/mentions.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("README"), "application/octet-stream");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_out_of_the_root_is_not_inside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir(&root).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::fs::write(root.join("own.txt"), "own").unwrap();
        std::os::unix::fs::symlink("../secret.txt", root.join("leak.txt")).unwrap();
        let root = root.canonicalize().unwrap();
        assert!(inside_root(&root, &root.join("own.txt")).is_some());
        assert!(inside_root(&root, &root.join("leak.txt")).is_none());
        assert!(inside_root(&root, &root.join("missing.txt")).is_none());
    }
}

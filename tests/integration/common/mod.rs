//! Shared by the integration tests: building a site into a temporary folder and reading the
//! result with a real HTML parser; a minimal HTTP client for the preview server.
#![allow(dead_code)]

pub mod http;
pub mod schema;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use annals::build::{self, BuildOptions, Summary};
use annals::diagnostic::Diagnostics;
use scraper::{Html, Selector};

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(name)
}

/// A copy of a fixture site in a temporary folder, to break at will.
pub fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(name, dir.path());
    dir
}

/// Copies a fixture site into `target`.
pub fn copy_fixture(name: &str, target: &Path) {
    let source = fixture(name);
    for entry in walkdir::WalkDir::new(&source) {
        let entry = entry.unwrap();
        let to = target.join(entry.path().strip_prefix(&source).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(entry.path(), &to).unwrap();
        }
    }
}

/// Builds the site at `root` into `output`; panics, listing the errors, if the build fails.
pub fn build_site(root: &Path, output: &Path, base_url: Option<&str>) -> (Summary, Diagnostics) {
    let options = BuildOptions {
        root: root.to_path_buf(),
        output: Some(output.to_path_buf()),
        base_url: base_url.map(str::to_string),
        drafts: false,
    };
    let mut diagnostics = Diagnostics::default();
    let summary = build::build(&options, &mut diagnostics).expect("the site is written");
    let errors: Vec<String> = diagnostics.errors().map(ToString::to_string).collect();
    let summary = summary.unwrap_or_else(|| panic!("the build failed:\n{}", errors.join("\n")));
    (summary, diagnostics)
}

/// A copy of a fixture site with one more file (`content/documents/x.md`) written into it,
/// built into a temporary folder: the site, its output and the build's diagnostics.
pub fn build_with_file(
    name: &str,
    file: &str,
    text: &str,
) -> (tempfile::TempDir, tempfile::TempDir, Diagnostics) {
    let site = copy_of(name);
    std::fs::write(site.path().join(file), text).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, diagnostics) = build_site(site.path(), out.path(), None);
    (site, out, diagnostics)
}

/// Every HTML page of a built site, by path relative to the site folder.
pub fn html_pages(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| {
            let relative = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (relative, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

pub fn select<'a>(html: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(selector).unwrap();
    html.select(&selector).collect()
}

/// The footnote contract of one page: every marker links to a note that exists, every note
/// links back to each marker that cites it and to no other, and every id is unique.
/// Returns the number of markers checked.
pub fn check_notes(page: &str, html: &str) -> usize {
    let document = Html::parse_document(html);
    let mut ids = HashSet::new();
    for element in select(&document, "[id]") {
        let id = element.value().attr("id").unwrap();
        assert!(
            ids.insert(id.to_string()),
            "{page}: the id {id} is used twice"
        );
    }
    let markers = select(&document, "sup.note-ref");
    let mut marker_ids = HashSet::new();
    for marker in &markers {
        let id = marker.value().attr("id").expect("a marker has an id");
        let link = marker
            .child_elements()
            .next()
            .expect("a marker holds a link");
        let href = link.value().attr("href").unwrap();
        let note_id = href.strip_prefix('#').unwrap();
        let notes = select(&document, &format!("li[id='{note_id}']"));
        assert_eq!(
            notes.len(),
            1,
            "{page}: marker {id} links to {href}, which is not a note"
        );
        let backs: Vec<&str> = notes[0]
            .select(&Selector::parse("a.backref").unwrap())
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            backs.contains(&format!("#{id}").as_str()),
            "{page}: note {note_id} has no back link to {id}"
        );
        marker_ids.insert(id.to_string());
    }
    for back in select(&document, "a.backref") {
        let target = back.value().attr("href").unwrap().trim_start_matches('#');
        assert!(
            marker_ids.contains(target),
            "{page}: a back link points at {target}, which is no marker"
        );
    }
    markers.len()
}

/// A new site (a `site.toml` and `content/documents/`) with `file` imported into it as
/// `content/documents/SLUG.md`, with more `args`: the site, and what the import printed
/// (it must succeed).
pub fn site_with_import(
    file: &Path,
    slug: &str,
    args: &[&str],
) -> (tempfile::TempDir, std::process::Output) {
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(site.path().join("content/documents")).unwrap();
    std::fs::write(site.path().join("site.toml"), "title = \"Imported\"\n").unwrap();
    let into = format!("content/documents/{slug}");
    let mut command = vec!["import", file.to_str().unwrap(), "--into", &into];
    command.extend_from_slice(args);
    let output = annals(&command, site.path());
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (site, output)
}

/// Runs the `annals` binary in `cwd`.
/// What a run of `annals` wrote to its standard error.
pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What a run of `annals` wrote to its standard output.
pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn annals(args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("annals runs")
}

/// The bundled collection, built once for all the tests of one test file.
pub fn bundled_site() -> &'static Path {
    static SITE: OnceLock<tempfile::TempDir> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = tempfile::tempdir().unwrap();
        build_site(&repo_root(), out.path(), None);
        out
    })
    .path()
}

/// How many mentions the `li` elements of an entity's page list: each paragraph once, with
/// its count (`data-mentions`).
pub fn mention_count(items: &[scraper::ElementRef]) -> usize {
    items
        .iter()
        .map(|li| {
            li.value()
                .attr("data-mentions")
                .unwrap()
                .parse::<usize>()
                .unwrap()
        })
        .sum()
}

/// How many mentions an entity's pages list together: its page in `folder`
/// (`people/trotsky/`) and the further pages of its mentions (`mentions/2/` …).
pub fn mentions_listed(folder: &Path) -> usize {
    let further = std::fs::read_dir(folder.join("mentions"))
        .into_iter()
        .flatten()
        .map(|entry| entry.unwrap().path().join("index.html"));
    std::iter::once(folder.join("index.html"))
        .chain(further)
        .map(|file| {
            let page = scraper::Html::parse_document(&std::fs::read_to_string(file).unwrap());
            mention_count(&select(&page, ".mention-list li"))
        })
        .sum()
}

/// The entries of a built timeline: the timeline's page holds each year's events and groups,
/// and links a year with more to its own page (`data-year-page`), which holds them all.
/// The pages, in order of years, each read with [`TIMELINE_ENTRIES`].
pub fn timeline_pages(out: &Path) -> Vec<Html> {
    let read = |path: PathBuf| {
        Html::parse_document(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
    };
    let main = read(out.join("timeline/index.html"));
    let mut pages: Vec<Html> = select(&main, ".tl-year[data-year-page]")
        .iter()
        .map(|section| {
            let url = section.value().attr("data-year-page").unwrap();
            read(out.join(url.trim_start_matches('/')).join("index.html"))
        })
        .collect();
    pages.push(main);
    pages
}

/// The entries of one of [`timeline_pages`] that are not on another.
pub const TIMELINE_ENTRIES: &str = ".tl-year:not([data-year-page]) .tl-entry";

//! `serve`'s rebuilds take again the pages of the last build that nothing they show has
//! changed. After every kind of edit, the site a rebuild makes must be byte for byte the
//! site a fresh build makes.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::copy_of;
use annals::build::{self, BuildOptions};
use annals::cache::BuildCache;
use annals::diagnostic::Diagnostics;
use annals::write::{Contents, OutputFile, Sink};

type Files = BTreeMap<String, Vec<u8>>;

fn files(built: build::Built) -> Files {
    files_of(built.files)
}

fn files_of(files: Vec<OutputFile>) -> Files {
    files
        .into_iter()
        .map(|file| {
            let bytes = match file.contents {
                Contents::Bytes(bytes) => bytes,
                Contents::Shared(bytes) => bytes.to_vec(),
                Contents::Copy(path) => std::fs::read(path).unwrap(),
                Contents::Written => panic!("{} was written, not kept", file.path),
            };
            (file.path, bytes)
        })
        .collect()
}

fn fresh_build(root: &Path) -> Files {
    let mut diagnostics = Diagnostics::default();
    let built = build::prepare(&BuildOptions::new(root), &mut diagnostics);
    files(built.expect("the site builds"))
}

/// The site as a rebuild with `cache` makes it, as `serve` does (the pages handed over
/// first, then the rest), and how many pages it took as they were.
fn rebuild(root: &Path, cache: &mut BuildCache) -> (Files, usize) {
    let mut diagnostics = Diagnostics::default();
    let mut pages = Vec::new();
    let built = build::prepare_with(
        &BuildOptions::new(root),
        &mut diagnostics,
        (cache, &Sink::Memory),
        Some(&mut |first, _, _| pages = first),
    )
    .expect("the site builds");
    assert!(pages.iter().any(|file| file.path == "index.html"));
    assert!(
        !pages
            .iter()
            .any(|file| file.path.starts_with("search/index/"))
    );
    let unchanged = built.summary.unchanged_pages;
    let mut files = files_of(pages);
    files.extend(self::files(built));
    (files, unchanged)
}

/// The paths whose bytes differ between two builds, or that only one of them has.
fn differences(rebuilt: &Files, fresh: &Files) -> Vec<String> {
    let mut paths: Vec<&String> = rebuilt.keys().chain(fresh.keys()).collect();
    paths.sort();
    paths.dedup();
    paths
        .into_iter()
        .filter(|path| rebuilt.get(*path) != fresh.get(*path))
        .cloned()
        .collect()
}

fn edit(root: &Path, file: &str, change: impl Fn(String) -> String) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, change(text)).unwrap();
}

#[test]
fn a_rebuild_makes_the_site_a_fresh_build_makes_after_every_kind_of_edit() {
    let site = copy_of("registry");
    let root = site.path();
    edit(root, "content/documents/letter.md", |_| {
        "+++\ntitle = \"A letter\"\n+++\n\nLenin answered in August 1921.\n".to_string()
    });
    let mut cache = BuildCache::for_rebuilds();
    let (first, unchanged) = rebuild(root, &mut cache);
    assert_eq!(unchanged, 0, "the first build has nothing to take again");
    assert_eq!(
        differences(&first, &fresh_build(root)),
        Vec::<String>::new()
    );
    let pages = first.keys().filter(|p| p.ends_with(".html")).count();

    let base_template =
        std::fs::read_to_string(crate::common::repo_root().join("templates/base.html"))
            .expect("the built-in base template");
    let edited_base = base_template.replacen("<head>", "<head><!-- edited -->", 1);
    type Change = Box<dyn Fn(String) -> String>;
    // What is edited, in which file, and how.
    let edits: Vec<(&str, &str, Change)> = vec![
        (
            "a paragraph added at the end of a document",
            "content/documents/report.md",
            Box::new(|t| t + "\nMiasnikov wrote to Lenin again in March 1923.\n"),
        ),
        (
            "a paragraph that names no one and states no date",
            "content/documents/report.md",
            Box::new(|t| t + "\nThe weather was cold, and the hall unheated.\n"),
        ),
        (
            "a paragraph changed in the middle of a document",
            "content/documents/report.md",
            Box::new(|t| t.replace("Smirnov spoke against it.", "Smirnov spoke for it in 1922.")),
        ),
        (
            "a name taken out of a document",
            "content/documents/report.md",
            Box::new(|t| t.replace("wrote to Lenin", "wrote to the Centre")),
        ),
        (
            "a name put into a document",
            "content/documents/letter.md",
            Box::new(|t| {
                t.replace(
                    "Lenin answered",
                    "Lenin and Vladimir Mikhailovich Smirnov answered",
                )
            }),
        ),
        (
            "a document's title",
            "content/documents/letter.md",
            Box::new(|t| t.replace("A letter", "A letter, retitled")),
        ),
        (
            "an entity's page",
            "content/people/lenin.md",
            Box::new(|t| t + "\nHe led the party until 1923.\n"),
        ),
        (
            "the site's title",
            "site.toml",
            Box::new(|t| t.replace("Registry fixture", "Another title")),
        ),
        (
            "a template every page extends",
            "templates/base.html",
            Box::new(move |_| edited_base.clone()),
        ),
    ];
    let mut unchanged_after = Vec::new();
    for (what, file, change) in &edits {
        edit(root, file, change);
        let (rebuilt, unchanged) = rebuild(root, &mut cache);
        let fresh = fresh_build(root);
        assert_eq!(
            differences(&rebuilt, &fresh),
            Vec::<String>::new(),
            "after {what}, the rebuild differs from a fresh build"
        );
        unchanged_after.push(unchanged);
    }
    // An edit to one document leaves the other document and the pages that do not show
    // what it says as they were; a new title or template changes every page.
    assert!(
        (1..pages).contains(&unchanged_after[0]),
        "after a paragraph added, {} of {pages} pages were taken as they were",
        unchanged_after[0]
    );
    assert!((1..pages).contains(&unchanged_after[1]));
    assert!(
        unchanged_after[1] > unchanged_after[0],
        "a paragraph that changes no dated statement leaves the timeline and every event's page"
    );
    assert_eq!(&unchanged_after[7..], &[0, 0]);
}

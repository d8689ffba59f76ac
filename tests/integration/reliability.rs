//! What a build leaves when it is killed at any point or runs beside another: always a
//! whole site at the output's path, the last good one or the new one, byte for byte, and a
//! next build that succeeds.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::common::{annals, copy_of};

/// Every file of a folder with its bytes, by its path inside the folder.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// The site's folder entries that builds leave beside the output, the lock aside.
fn leftovers(site: &Path) -> Vec<String> {
    std::fs::read_dir(site)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("annals-") && !name.ends_with("annals-lock"))
        .collect()
}

fn build_command(site: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_annals"));
    command
        .arg("build")
        .current_dir(site)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// The site as it is before the edit, and as the edit makes it.
fn old_and_new_sites(site: &Path) -> (BTreeMap<PathBuf, Vec<u8>>, BTreeMap<PathBuf, Vec<u8>>) {
    assert!(annals(&["build"], site).status.success());
    let old = files(&site.join("public"));
    let letter = site.join("content/documents/letter.md");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(
        &letter,
        text.replace("cites a note once", "cites one note once"),
    )
    .unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let out = scratch.path().join("public");
    let built = annals(&["build", "--output", out.to_str().unwrap()], site);
    assert!(built.status.success());
    let new = files(&out);
    assert_ne!(old, new);
    (old, new)
}

#[test]
fn a_build_killed_at_any_point_leaves_a_whole_site_and_the_next_build_succeeds() {
    let site = copy_of("basic");
    let (old, new) = old_and_new_sites(site.path());
    let public = site.path().join("public");
    // From before the first page is written to after the swap: the debug build of the
    // fixture takes some tens of milliseconds.
    let mut seen_new = false;
    for delay in (0..25).map(|i| Duration::from_millis(i * 4)) {
        let mut child = build_command(site.path()).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        child.wait().unwrap();
        let now = files(&public);
        assert!(
            now == old || now == new,
            "after a kill at {delay:?}, public/ is neither the last good site nor the new one ({} files)",
            now.len()
        );
        seen_new |= now == new;
        // Put the old site back for the next round, as a good build of the old text would.
        if now == new {
            let letter = site.path().join("content/documents/letter.md");
            let text = std::fs::read_to_string(&letter).unwrap();
            std::fs::write(
                &letter,
                text.replace("cites one note once", "cites a note once"),
            )
            .unwrap();
            assert!(annals(&["build"], site.path()).status.success());
            assert_eq!(files(&public), old);
            std::fs::write(&letter, text).unwrap();
        }
    }
    let finished = annals(&["build"], site.path());
    assert!(
        finished.status.success(),
        "{}",
        String::from_utf8_lossy(&finished.stderr)
    );
    assert_eq!(files(&public), new);
    assert!(
        leftovers(site.path()).is_empty(),
        "{:?}",
        leftovers(site.path())
    );
    // Whether any kill fell after the swap depends on the machine; the check above holds
    // for both.
    eprintln!("a kill fell after the swap: {seen_new}");
}

#[test]
fn two_builds_into_one_output_take_turns() {
    let site = copy_of("basic");
    let (_, new) = old_and_new_sites(site.path());
    let builds: Vec<_> = (0..3)
        .map(|_| build_command(site.path()).spawn().unwrap())
        .collect();
    for build in builds {
        let done = build.wait_with_output().unwrap();
        assert!(
            done.status.success(),
            "{}",
            String::from_utf8_lossy(&done.stderr)
        );
    }
    assert_eq!(files(&site.path().join("public")), new);
    assert!(
        leftovers(site.path()).is_empty(),
        "{:?}",
        leftovers(site.path())
    );
}

#[test]
fn the_last_good_site_put_aside_by_a_killed_build_is_put_back_even_by_a_failing_one() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    let public = site.path().join("public");
    let good = files(&public);
    // What a kill between the two renames of a swap leaves, where folders cannot be
    // exchanged at once: the last good site aside, nothing at the output's path.
    std::fs::rename(&public, site.path().join(".public.annals-previous")).unwrap();
    std::fs::create_dir(site.path().join(".public.annals-staging-1")).unwrap();
    let letter = site.path().join("content/documents/letter.md");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(
        &letter,
        text.replace("title = \"A letter", "title = \"A letter\n"),
    )
    .unwrap();
    let failed = annals(&["build"], site.path());
    assert_eq!(failed.status.code(), Some(1));
    let said = String::from_utf8_lossy(&failed.stderr);
    assert!(
        said.contains("An earlier build was interrupted; the last good site is back at"),
        "{said}"
    );
    assert!(said.contains("was left as it was"), "{said}");
    assert_eq!(files(&public), good);
    assert!(
        leftovers(site.path()).is_empty(),
        "{:?}",
        leftovers(site.path())
    );
}

/// The body that overflowed the stack of the search index's sharding (`annals build`
/// aborted, leaving its staging folder).
pub fn long_words_body() -> String {
    format!(
        "+++\ntitle = \"Long words\"\n+++\n\n{} {}\n",
        "y".repeat(14030),
        "y".repeat(18771)
    )
}

#[test]
fn words_of_thousands_of_letters_build() {
    let site = copy_of("basic");
    std::fs::write(
        site.path().join("content/documents/long.md"),
        long_words_body(),
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(
        site.path()
            .join("public/documents/long/index.html")
            .is_file()
    );
    assert!(leftovers(site.path()).is_empty());
}

#[test]
fn nothing_an_author_writes_runs_as_script() {
    let site = copy_of("basic");
    std::fs::write(
        site.path().join("content/documents/hostile.md"),
        "+++\ntitle = \"A title <!--<script> that opens a comment\"\n\
         url = \"javascript:alert(document.domain)\"\n+++\n\n\
         The text stays. [A link](javascript:alert(1)) and a [good one](https://example.org/).\n",
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success());
    let said = String::from_utf8_lossy(&built.stderr);
    for warning in [
        "content/documents/hostile.md:3: warning: the `url` `javascript:alert(document.domain)` is left out: it is no web address",
        "content/documents/hostile.md:6:17: warning: the link `javascript:alert(1)` is not written: a page may not link to that scheme",
    ] {
        assert!(said.contains(warning), "{warning}\nnot in:\n{said}");
    }
    let page =
        std::fs::read_to_string(site.path().join("public/documents/hostile/index.html")).unwrap();
    assert!(!page.contains("javascript:"), "{page}");
    // An HTML5 parser still sees the page's body after the JSON-LD in the head.
    let html = scraper::Html::parse_document(&page);
    let body_text: String = crate::common::select(&html, "main p")
        .iter()
        .flat_map(|p| p.text())
        .collect();
    assert!(body_text.contains("The text stays."), "{body_text}");
    assert!(page.contains("href=\"https://example.org/\""));
}

/// A long title is not repeated for every note: the output grows with the text, not with
/// the title times the notes.
#[test]
fn a_long_title_with_many_notes_keeps_the_output_bounded() {
    let site = copy_of("basic");
    let title = "A very long title ".repeat(6000);
    let mut text = format!(
        "+++\ntitle = \"{}\"\nlanguage = \"{}\"\n+++\n\n",
        title.trim(),
        "x".repeat(3000)
    );
    for n in 1..=1000 {
        text.push_str(&format!("Claim {n}.[^{n}]\n\n"));
    }
    for n in 1..=1000 {
        text.push_str(&format!("[^{n}]: Source {n}.\n"));
    }
    std::fs::write(site.path().join("content/documents/long-title.md"), &text).unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success());
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains("content/documents/long-title.md:2: warning: the title is 107999 bytes long"),
        "{said}"
    );
    assert!(
        said.contains("content/documents/long-title.md:3: warning: the `language` `xxxx"),
        "{said}"
    );
    let public = site.path().join("public");
    let size = |path: &str| -> u64 {
        walkdir::WalkDir::new(public.join(path))
            .into_iter()
            .flatten()
            .filter_map(|e| e.metadata().ok())
            .filter(|m| m.is_file())
            .map(|m| m.len())
            .sum()
    };
    assert!(
        size("data/notes.csv") < 100_000,
        "{}",
        size("data/notes.csv")
    );
    assert!(size("search") < 1_000_000, "{}", size("search"));
    let page = std::fs::read_to_string(public.join("documents/long-title/index.html")).unwrap();
    assert!(
        !page.contains("lang=\"xxx"),
        "an invalid language is not written"
    );
    assert!(size("") < 3_000_000, "the whole site: {}", size(""));
    let stdout = String::from_utf8_lossy(&built.stdout);
    assert!(
        stdout.contains(" MB) in "),
        "the summary gives the size: {stdout}"
    );
}

#[test]
fn exports_are_safe_in_spreadsheets_and_well_formed_xml() {
    let site = copy_of("basic");
    std::fs::write(
        site.path().join("content/documents/exports.md"),
        "+++\ntitle = \"Odd \u{FFFE}characters\u{FFFF} in a title\"\n+++\n\n\
         A claim.[^a] Another.[^b]\n\n[^a]: =HYPERLINK(\"http://example.org\",\"x\")\n[^b]: -2+3\n",
    )
    .unwrap();
    assert!(annals(&["build"], site.path()).status.success());
    let notes = std::fs::read_to_string(site.path().join("public/data/notes.csv")).unwrap();
    let rows: Vec<&str> = notes
        .lines()
        .filter(|l| l.starts_with("documents/exports,"))
        .collect();
    assert_eq!(rows.len(), 2, "{notes}");
    assert!(rows[0].contains(",cited,\"'=HYPERLINK("), "{}", rows[0]);
    assert!(rows[1].ends_with(",'-2+3"), "{}", rows[1]);
    let feed = std::fs::read_to_string(site.path().join("public/atom.xml")).unwrap();
    assert!(!feed.contains(['\u{FFFE}', '\u{FFFF}']));
    assert!(feed.contains("Odd characters in a title"), "{feed}");
}

#[test]
fn a_script_link_is_refused_where_the_registry_reads_the_page_too() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/documents/hostile.md"),
        "+++\ntitle = \"Hostile\"\n+++\n\nLenin [wrote](javascript:alert(1)) and ![a](data:image/png,x).\n",
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success());
    let said = String::from_utf8_lossy(&built.stderr);
    for at in [
        "hostile.md:5:7: warning: the link `javascript:alert(1)`",
        "hostile.md:5:40: warning: the link `data:image/png,x`",
    ] {
        assert_eq!(said.matches(at).count(), 1, "{at} once in:\n{said}");
    }
    let page =
        std::fs::read_to_string(site.path().join("public/documents/hostile/index.html")).unwrap();
    assert!(
        !page.contains("javascript:") && !page.contains("data:image"),
        "{page}"
    );
}

#[cfg(unix)]
#[test]
fn files_linked_from_outside_the_site_are_not_published() {
    let site = copy_of("basic");
    let elsewhere = tempfile::tempdir().unwrap();
    std::fs::write(elsewhere.path().join("passwd"), "root:x:0:0").unwrap();
    std::fs::write(
        elsewhere.path().join("secret.md"),
        "+++\ntitle = \"Secret\"\n+++\n\nNot for publishing.\n",
    )
    .unwrap();
    std::fs::create_dir_all(site.path().join("static")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), site.path().join("static/etc")).unwrap();
    std::os::unix::fs::symlink(
        elsewhere.path().join("secret.md"),
        site.path().join("content/documents/secret.md"),
    )
    .unwrap();
    // A link inside the site is the site's own.
    std::os::unix::fs::symlink(
        site.path().join("content/documents/letter.md"),
        site.path().join("content/documents/letter-again.md"),
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains("content/documents/secret.md: warning: skipped: it is a link to"),
        "{said}"
    );
    assert!(
        said.contains("static/etc/passwd: warning: skipped: it is a link to"),
        "{said}"
    );
    let public = site.path().join("public");
    assert!(!public.join("etc/passwd").exists());
    assert!(!public.join("documents/secret").exists());
    assert!(public.join("documents/letter-again/index.html").exists());
}

/// One paragraph of thousands of dated sentences: each statement names the people of its
/// own sentence. (The time it takes, linear in the sentences where it grew with their
/// square, is measured by `scripts/bench/long-paragraph.sh`, not here.)
#[test]
fn each_sentence_of_a_very_long_paragraph_names_its_own_people() {
    let site = copy_of("registry");
    let sentences: Vec<String> = (0..3000)
        .map(|i| match i % 2 {
            0 => format!("In {} Lenin wrote.", 1900 + i % 20),
            _ => format!("In {} Miasnikov answered.", 1900 + i % 20),
        })
        .collect();
    std::fs::write(
        site.path().join("content/documents/long.md"),
        format!("+++\ntitle = \"Long\"\n+++\n\n{}\n", sentences.join(" ")),
    )
    .unwrap();
    assert!(annals(&["build"], site.path()).status.success());
    let timeline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.path().join("public/timeline.json")).unwrap())
            .unwrap();
    let statements: Vec<&serde_json::Value> = timeline["entries"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "statement" && e["document"]["id"] == "long")
        .collect();
    assert_eq!(statements.len(), 3000);
    for statement in statements {
        let excerpt = statement["excerpt"].as_str().unwrap();
        let named: Vec<&str> = statement["entities"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap())
            .collect();
        let expected = if excerpt.contains("Lenin") {
            "lenin"
        } else {
            "miasnikov"
        };
        assert_eq!(named, [expected], "{excerpt}");
    }
}

#[test]
fn an_old_style_date_after_its_new_style_one_is_warned_of_and_a_century_is_written_out() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/people/swapped.md"),
        "+++\nname = \"Ivan Swapped\"\nborn = \"1883-03-09\"\nborn_os = \"1883-03-21\"\ndied = \"19XX\"\n+++\n",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/people/offbyone.md"),
        "+++\nname = \"Pyotr Offbyone\"\nborn = \"1884-04-04\"\nborn_os = \"1884-03-22\"\n+++\n",
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success());
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains("content/people/swapped.md:4: warning: `born_os` (21 March 1883) is not 10–13 days before `born` (9 March 1883): it is the Old Style of 2 April 1883"),
        "{said}"
    );
    assert!(
        !said.contains("offbyone.md"),
        "a day's slip of a source is within the bounds: {said}"
    );
    let page =
        std::fs::read_to_string(site.path().join("public/people/swapped/index.html")).unwrap();
    assert!(page.contains("1900s"), "19XX is the 1900s");
    assert!(!page.contains("c. 1900"));
}

#[test]
fn raw_html_passes_by_default_and_is_written_as_text_where_the_site_refuses_it() {
    let site = copy_of("basic");
    let document = "+++\ntitle = \"Raw\"\n+++\n\nText with <b>bold</b>.[^a]\n\n<script>alert(1)</script>\n\n[^a]: A <i>note</i>.\n";
    std::fs::write(site.path().join("content/documents/raw.md"), document).unwrap();
    assert!(annals(&["build"], site.path()).status.success());
    let page =
        || std::fs::read_to_string(site.path().join("public/documents/raw/index.html")).unwrap();
    assert!(page().contains("<b>bold</b>") && page().contains("<script>alert(1)</script>"));

    let config = site.path().join("site.toml");
    let toml = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("unsafe_html = false\n{toml}")).unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success());
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(
        said.contains(
            "content/documents/raw.md:5:11: warning: raw HTML is written as text here (5 places)"
        ),
        "{said}"
    );
    let page = page();
    assert!(
        !page.contains("<script>alert") && !page.contains("<b>bold"),
        "{page}"
    );
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && page.contains("&lt;i&gt;note"),
        "{page}"
    );
}

//! The `annals` command as a user runs it: exit codes, messages with `file:line:col`, and
//! output left untouched by a failed build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{annals, copy_of, stderr, stdout};

/// Every file of a folder with its bytes and modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().to_path_buf(),
                (
                    std::fs::read(e.path()).unwrap(),
                    e.metadata().unwrap().modified().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn broken_front_matter_fails_with_its_place_and_keeps_the_previous_output() {
    let site = copy_of("basic");
    let built = annals(&["build"], site.path());
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        // Nine pages of content, the search page, the timeline and its one year, and the list
        // of works cited in two orders with its one work.
        stdout(&built).starts_with("Built 15 pages"),
        "{}",
        stdout(&built)
    );
    let before = snapshot(&site.path().join("public"));
    assert!(before.len() > 5);

    let letter = site.path().join("content/documents/letter.md");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(
        &letter,
        text.replace("date = \"1921-08\"", "date = 1921-08-\"x\""),
    )
    .unwrap();
    let failed = annals(&["build"], site.path());
    assert_eq!(failed.status.code(), Some(1));
    let message = stderr(&failed);
    assert!(
        message.contains("content/documents/letter.md:4:"),
        "{message}"
    );
    let location = message
        .split_whitespace()
        .find(|w| w.starts_with("content/documents/letter.md:"))
        .unwrap();
    assert_eq!(
        location.trim_end_matches(':').split(':').count(),
        3,
        "PATH:LINE:COL in {message}"
    );
    assert!(message.contains("invalid TOML"), "{message}");
    assert_eq!(
        snapshot(&site.path().join("public")),
        before,
        "the failed build touched public/"
    );
}

/// The output folder is replaced whole, so a build refuses any folder of the site's sources,
/// any folder that holds the site, and any other folder that holds something but a site.
#[test]
fn an_output_among_the_sources_or_holding_other_files_is_refused() {
    let parent = tempfile::tempdir().unwrap();
    let site = parent.path().join("site");
    crate::common::copy_fixture("basic", &site);
    std::fs::write(parent.path().join("letter.txt"), "kept").unwrap();
    let before = snapshot(parent.path());
    for output in [
        "content",
        "content/documents",
        "content/new",
        "templates",
        "static/css",
        "..",
        "../../",
        "../site",
    ] {
        let built = annals(&["build", "--output", output], &site);
        let message = stderr(&built);
        assert_eq!(built.status.code(), Some(1), "--output {output}: {message}");
        assert!(
            message.contains("refusing to write into"),
            "--output {output}: {message}"
        );
        assert_eq!(
            snapshot(parent.path()),
            before,
            "--output {output} changed the files"
        );
    }
    // The folder beside the site, which holds a letter and no site.
    let built = annals(&["build", "--output", ".."], &site.join("content"));
    assert_eq!(built.status.code(), Some(1), "{}", stderr(&built));
    assert_eq!(snapshot(parent.path()), before);
    // A new folder beside the site, and the same one named the long way round, are built.
    assert!(
        annals(&["build", "--output", "../public"], &site)
            .status
            .success()
    );
    let again = annals(&["build", "--output", "../public/../public"], &site);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(parent.path().join("public/index.html").is_file());
}

/// A page of `content/` where annals makes its own pages would be overwritten by them.
#[test]
fn a_page_where_annals_makes_its_own_is_refused_with_its_file() {
    let site = copy_of("basic");
    for (file, url) in [
        ("people.md", "/people/"),
        ("timeline/notes.md", "/timeline/notes/"),
        ("about.md\nslug = \"search\"", "/search/"),
    ] {
        let (file, slug) = file.split_once('\n').unwrap_or((file, ""));
        let path = site.path().join("content").join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(
            &path,
            format!("+++\ntitle = \"Mine\"\n{slug}\n+++\nText.\n"),
        )
        .unwrap();
        let built = annals(&["build"], site.path());
        let message = stderr(&built);
        assert_eq!(built.status.code(), Some(1), "{file}: {message}");
        assert!(
            message.contains(&format!(
                "content/{file}:1: error: this page would be published at {url}"
            )),
            "{message}"
        );
        std::fs::remove_file(&path).unwrap();
    }
    assert!(annals(&["build"], site.path()).status.success());
}

/// Problems between templates (a missing parent, a loop) name the template and the line of
/// its tag.
#[test]
fn a_template_extending_a_missing_one_or_itself_is_named_with_its_line() {
    let site = copy_of("basic");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(templates.join("partials")).unwrap();
    let cases = [
        (
            "document.html",
            "{# mine #}\n{% extends \"nope.html\" %}\n",
            "templates/document.html:2: error: template error: Template 'document.html' is inheriting from 'nope.html'",
        ),
        (
            "partials/loop.html",
            "x\n{% include \"partials/loop.html\" %}\n",
            "templates/partials/loop.html:2: error: template error: Circular include",
        ),
        (
            "ring.html",
            "{# one #}\n{% extends \"ring.html\" %}\n",
            "templates/ring.html:2: error: template error: Circular extend",
        ),
    ];
    for (name, text, expected) in cases {
        std::fs::write(templates.join(name), text).unwrap();
        if name.starts_with("partials") {
            let page = "{% extends \"base.html\" %}{% block main %}{% include \"partials/loop.html\" %}{% endblock main %}\n";
            std::fs::write(templates.join("page.html"), page).unwrap();
        }
        let built = annals(&["build"], site.path());
        let message = stderr(&built);
        assert_eq!(built.status.code(), Some(1), "{message}");
        assert!(message.contains(expected), "{message}");
        assert!(message.contains("help: "), "{message}");
        std::fs::remove_file(templates.join(name)).unwrap();
    }
}

/// Pages are written into the staging folder as they are rendered: a build that fails while
/// rendering, after other pages were written, must still leave public/ as it was and take
/// its staging folder away.
#[test]
fn a_build_failing_while_rendering_keeps_the_previous_output_and_no_staging() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    let before = snapshot(&site.path().join("public"));
    let templates = site.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("document.html"),
        "{% extends \"base.html\" %}{% block main %}{{ page.no_such_field.deeper }}{% endblock main %}",
    )
    .unwrap();
    let failed = annals(&["build"], site.path());
    assert_eq!(failed.status.code(), Some(1), "{}", stdout(&failed));
    assert!(
        stderr(&failed).contains("document.html"),
        "{}",
        stderr(&failed)
    );
    assert_eq!(
        snapshot(&site.path().join("public")),
        before,
        "the failed build touched public/"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("annals-") && !name.ends_with("annals-lock"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn a_successful_build_leaves_no_stale_files() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    assert!(site.path().join("public/about/index.html").exists());
    std::fs::remove_file(site.path().join("content/about.md")).unwrap();
    assert!(annals(&["build"], site.path()).status.success());
    assert!(!site.path().join("public/about").exists());
}

#[test]
fn init_writes_a_site_that_builds() {
    let parent = tempfile::tempdir().unwrap();
    let init = annals(&["init", "new-site"], parent.path());
    assert!(init.status.success(), "{}", stderr(&init));
    assert!(
        stdout(&init).contains("annals serve --root new-site --open"),
        "{}",
        stdout(&init)
    );
    let built = annals(&["build", "--root", "new-site"], parent.path());
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        stderr(&built).is_empty(),
        "the new site builds without a warning: {}",
        stderr(&built)
    );
    // Counts agree in number with their nouns.
    assert!(
        stdout(&built).contains(
            "(1 document, 0 chapters; 1 person, 1 event; 2 notes, 0 missing; 2 mentions)"
        ) && stdout(&built).trim_end().ends_with("ms, 0 warnings."),
        "{}",
        stdout(&built)
    );
    assert!(parent.path().join("new-site/public/index.html").exists());
    // The example person and event are found in the document, and the menu leads to them.
    let person = std::fs::read_to_string(
        parent
            .path()
            .join("new-site/public/people/ada-example/index.html"),
    )
    .unwrap();
    assert!(person.contains("/documents/first-document/#p-"), "{person}");
    let event = std::fs::read_to_string(
        parent
            .path()
            .join("new-site/public/events/first-example-congress/index.html"),
    )
    .unwrap();
    assert!(event.contains("/documents/first-document/#p-"), "{event}");
    let home = std::fs::read_to_string(parent.path().join("new-site/public/index.html")).unwrap();
    for menu in ["/people/\"", "/events/\"", "/timeline/\""] {
        assert!(home.contains(menu), "{menu} in the menu: {home}");
    }
    assert!(
        parent
            .path()
            .join("new-site/public/documents/first-document/index.html")
            .exists()
    );
    assert!(parent.path().join("new-site/content/people").is_dir());
    let again = annals(&["init", "new-site"], parent.path());
    assert_eq!(
        again.status.code(),
        Some(1),
        "init refuses a folder with files"
    );
}

#[test]
fn check_writes_nothing_and_can_deny_warnings() {
    let site = copy_of("basic");
    let checked = annals(&["check"], site.path());
    assert!(checked.status.success(), "{}", stderr(&checked));
    assert!(
        stdout(&checked).contains("0 errors, 3 warnings"),
        "{}",
        stdout(&checked)
    );
    assert!(
        stderr(&checked).contains("help:"),
        "check shows the help of each warning"
    );
    assert!(!site.path().join("public").exists());
    let strict = annals(&["check", "--deny-warnings"], site.path());
    assert_eq!(strict.status.code(), Some(1));
}

/// Writes one content file into a copy of the fixture and returns what `check` says.
fn check_with(file: &str, bytes: &[u8]) -> (Option<i32>, String) {
    let site = copy_of("basic");
    let path = site.path().join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let output = annals(&["check"], site.path());
    (output.status.code(), stderr(&output))
}

#[test]
fn bad_content_gets_a_clear_message_never_a_panic() {
    let cases: &[(&str, &[u8], i32, &str)] = &[
        (
            "content/documents/latin1.md",
            b"+++\ntitle = \"x\"\n+++\nCaf\xe9\n",
            1,
            "content/documents/latin1.md:4:4: error: the file is not UTF-8",
        ),
        (
            "templates/page.html",
            b"{% extends \"base.html\" %}\n<p>Caf\xe9</p>\n",
            1,
            "templates/page.html:2:7: error: the file is not UTF-8",
        ),
        (
            "content/documents/empty.md",
            b"",
            1,
            "content/documents/empty.md:1: error: the file is empty",
        ),
        (
            "content/documents/bare.md",
            b"# Just Markdown\n",
            1,
            "content/documents/bare.md:1: error: the file has no front matter",
        ),
        (
            "content/documents/open.md",
            b"+++\ntitle = \"x\"\n",
            1,
            "error: the front matter is never closed",
        ),
        (
            "content/documents/typo.md",
            b"+++\ntitle = \"x\"\nautors = [\"A\"]\n+++\n",
            0,
            "content/documents/typo.md:3: warning: unknown key `autors` in the front matter",
        ),
        (
            "content/documents/wrong-type.md",
            b"+++\ntitle = 3\n+++\n",
            1,
            "content/documents/wrong-type.md:2:9: error: wrong value: the value is a whole number `3`, expected text in quotes",
        ),
        (
            "content/documents/dup.md",
            b"+++\ntitle = \"x\"\nslug = \"letter\"\n+++\n",
            1,
            "content/documents/dup.md:3: error: this page (by its `slug`, line 3) and content/documents/letter.md (by its file name) both want the URL /documents/letter/",
        ),
        (
            "site.toml",
            b"title = \"Basic\"\n\n[notes]\ndisplay = \"margin\"\n",
            1,
            "site.toml:4:11: error: `display` must be one of `popover`, `side`; found `margin`",
        ),
    ];
    for (file, bytes, code, expected) in cases {
        let (status, message) = check_with(file, bytes);
        assert_eq!(status, Some(*code), "{file}: {message}");
        assert!(
            message.contains(expected),
            "{file}: expected {expected:?} in:\n{message}"
        );
        assert!(!message.contains("panicked"), "{message}");
    }
}

#[test]
fn a_typo_gets_a_suggestion() {
    let (_, message) = check_with(
        "content/documents/typo.md",
        b"+++\ntitle = \"x\"\nautors = [\"A\"]\n+++\n",
    );
    assert!(message.contains("did you mean `authors`?"), "{message}");
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_reported_and_skipped() {
    let site = copy_of("basic");
    std::os::unix::fs::symlink("..", site.path().join("content/documents/loop")).unwrap();
    let output = annals(&["build"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("loops back"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_template_error_names_the_template_and_line() {
    let site = copy_of("basic");
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(site.path().join("templates/page.html"), "{% extends \"base.html\" %}\n{% block main %}\n{{ page.title | nosuchfilter }}\n{% endblock main %}\n").unwrap();
    let output = annals(&["build"], site.path());
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("templates/page.html:3:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_timeline_template_from_before_the_years_were_split_gets_help() {
    let site = copy_of("basic");
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    // The loop the built-in timeline.html had until the years' sections got a template of
    // their own.
    std::fs::write(
        site.path().join("templates/timeline.html"),
        "{% extends \"base.html\" %}\n{% block main %}\n{% for year in years %}<section id=\"{{ year.id }}\">\n{% for entry in year.entries %}{% include \"partials/timeline-entry.html\" %}{% endfor %}\n</section>{% endfor %}\n{% endblock main %}\n",
    )
    .unwrap();
    let output = annals(&["build"], site.path());
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let stderr = stderr(&output);
    assert!(stderr.contains("templates/timeline.html:4:"), "{stderr}");
    assert!(
        stderr.contains("{{ year_sections | safe }}")
            && stderr.contains("partials/timeline-year.html"),
        "{stderr}"
    );
}

#[test]
fn an_error_in_the_streamed_timeline_page_fails_the_build_and_keeps_the_last_site() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    let timeline = site.path().join("public/timeline/index.html");
    let before = std::fs::read_to_string(&timeline).unwrap();
    std::fs::create_dir_all(site.path().join("templates/partials")).unwrap();
    // In the page around the years, and in a year's section: the second comes after the
    // page has begun to be written to its file.
    let broken = [
        (
            "timeline.html",
            "{% extends \"base.html\" %}\n{% block main %}\n<h1>{{ title }}</h1>\n{{ no_such_value.field }}\n{% endblock main %}\n",
        ),
        (
            "partials/timeline-year.html",
            "<section>\n<h2>{{ year.year }}</h2>\n\n{{ year.no_such_field.x }}\n</section>\n",
        ),
    ];
    for (template, text) in broken {
        let path = site.path().join("templates").join(template);
        std::fs::write(&path, text).unwrap();
        let output = annals(&["build"], site.path());
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        // Reported as the template's error, not as a file that could not be written.
        let at = format!("templates/{template}:4:");
        assert!(
            stderr(&output)
                .lines()
                .any(|l| l.contains(&at) && !l.contains("cannot write")),
            "{}",
            stderr(&output)
        );
        // The help for a timeline.html from before the years were split is not for these.
        assert!(
            !stderr(&output).contains("{{ year_sections | safe }}"),
            "{}",
            stderr(&output)
        );
        assert_eq!(std::fs::read_to_string(&timeline).unwrap(), before);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_site_template_overrides_the_default() {
    let site = copy_of("basic");
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/page.html"),
        "{% extends \"base.html\" %}{% block main %}<h1 class=\"custom\">{{ page.title }}</h1>{% endblock main %}",
    )
    .unwrap();
    assert!(annals(&["build"], site.path()).status.success());
    let about = std::fs::read_to_string(site.path().join("public/about/index.html")).unwrap();
    assert!(about.contains("<h1 class=\"custom\">About this collection</h1>"));
}

#[test]
fn a_site_template_overrides_the_feed_robots_txt_and_the_bibliography_links() {
    let site = copy_of("basic");
    let templates = site.path().join("templates");
    std::fs::create_dir_all(templates.join("partials")).unwrap();
    std::fs::write(
        templates.join("robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("atom.xml"),
        "<feed>{% for entry in feed.entries %}<e>{{ entry.title }}</e>{% endfor %}</feed>\n",
    )
    .unwrap();
    std::fs::write(
        templates.join("partials/bib-links.html"),
        "<a class=\"mine\" href=\"{{ cite.url }}\">Cited</a>",
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/documents/with-bibliography.md"),
        "+++\ntitle = \"Read\"\n+++\n\nText.[^1]\n\n## Bibliography\n\n- Avrich, Paul. *Kronstadt 1921*. Princeton, 1970.\n\n[^1]: Avrich, *Kronstadt 1921*, p. 3.\n",
    )
    .unwrap();
    let output = annals(&["build"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let public = site.path().join("public");
    let robots = std::fs::read_to_string(public.join("robots.txt")).unwrap();
    assert_eq!(robots, "User-agent: *\nDisallow: /drafts/\n");
    let feed = std::fs::read_to_string(public.join("atom.xml")).unwrap();
    assert!(
        feed.starts_with("<feed><e>") && feed.contains("<e>Read</e>"),
        "{feed}"
    );
    let page =
        std::fs::read_to_string(public.join("documents/with-bibliography/index.html")).unwrap();
    assert!(
        page.contains(" <a class=\"mine\" href=\"/sources/"),
        "the entry's links from the site's partial:\n{page}"
    );
}

#[test]
fn a_broken_feed_template_fails_the_build_at_its_line_and_keeps_the_last_site() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/atom.xml"),
        "<feed>\n{{ feed.no_such_field }}\n</feed>\n",
    )
    .unwrap();
    let output = annals(&["build"], site.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("templates/atom.xml:2:"),
        "the template's own file and line: {}",
        stderr(&output)
    );
    let feed = std::fs::read_to_string(site.path().join("public/atom.xml")).unwrap();
    assert!(feed.contains("<feed xmlns"), "the last site's feed is kept");
}

#[test]
fn build_timings_name_each_stage() {
    let site = copy_of("basic");
    let output = annals(&["build", "--timings"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let printed = stdout(&output);
    for stage in ["load", "markdown and entities", "pages", "search index"] {
        assert!(
            printed.lines().any(|l| l
                .trim_start()
                .split_once(" ms  ")
                .is_some_and(|(_, s)| s == stage)),
            "{stage}:\n{printed}"
        );
    }
}

#[test]
fn import_refuses_to_replace_a_folder_it_did_not_write() {
    let site = copy_of("basic");
    let source = crate::common::repo_root().join("tests/fixtures/import/open-letter-1923.txt");
    // content/documents/book is a collection of the editor's: its front page names no source.
    let output = annals(
        &[
            "import",
            source.to_str().unwrap(),
            "--split",
            "chapters",
            "--into",
            "content/documents/book",
        ],
        site.path(),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output)
            .contains("exists and is not a collection written by an import of this file"),
        "{}",
        stderr(&output)
    );
    assert!(
        site.path()
            .join("content/documents/book/01-first.md")
            .exists(),
        "nothing of the editor's was removed"
    );
}

#[test]
fn serve_refuses_a_root_that_is_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("site.toml");
    std::fs::write(&file, "title = \"A\"\n").unwrap();
    let mut server = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["serve", "--root", file.to_str().unwrap(), "--port", "0"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Waited for a while only: a server that starts would run until stopped.
    let waited = std::time::Instant::now();
    while server.try_wait().unwrap().is_none() && waited.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    if server.try_wait().unwrap().is_none() {
        server.kill().unwrap();
    }
    let output = server.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is a file, not a site folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn serve_on_a_port_in_use_suggests_another_or_port_0() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let site = copy_of("basic");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
        .args(["serve", "--root"])
        .arg(site.path())
        .args(["--port", &port])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let message = stderr(&output);
    assert!(
        message.contains(&format!("error: cannot listen on 127.0.0.1:{port}: ")),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "help: another program (perhaps another `annals serve`) uses port {port}; choose another, or let the system pick a free one: annals serve --root {} --port 0",
            site.path().display()
        )),
        "{message}"
    );
}

#[test]
fn an_emptied_content_folder_is_refused_and_the_last_site_kept() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    for entry in walkdir::WalkDir::new(site.path().join("content")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            std::fs::remove_file(entry.path()).unwrap();
        }
    }
    let output = annals(&["build"], site.path());
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(
        stderr(&output).contains(
            "content: error: the content folder holds no Markdown page, so the build would replace the site with an empty one"
        ),
        "{}",
        stderr(&output)
    );
    assert!(
        site.path()
            .join("public/documents/letter/index.html")
            .exists(),
        "the last site is left as it was"
    );
}

#[test]
fn the_bundled_collection_builds_without_warnings_and_says_which_notes_its_sources_lack() {
    let out = tempfile::tempdir().unwrap();
    let output = annals(
        &["build", "--output", out.path().to_str().unwrap()],
        &crate::common::repo_root(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "no warning, no error");
    let said = stdout(&output);
    assert!(
        said.contains(
            "note: 58 notes known missing from the source, in content/documents/avrich-1984.md (58): “the OCR transcription kept the note markers but not the notes”"
        ),
        "{said}"
    );
    assert!(
        said.contains("; 908 notes, 81 missing from their sources; "),
        "{said}"
    );
    assert!(said.trim_end().ends_with(", 0 warnings."), "{said}");
    // Rogovin's chapter 9 prints note 7 without its marker: the build names it, and the page
    // keeps the book's numbers, note 7 between 6 and 8.
    assert!(
        said.contains("note: note 7 is never cited in the text of content/documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda.md"),
        "{said}"
    );
    let chapter = std::fs::read_to_string(out.path().join(
        "documents/rogovin-1992/chapter-09-the-georgian-incident-and-the-derzhimorda/index.html",
    ))
    .unwrap();
    let page = scraper::Html::parse_document(&chapter);
    let notes: Vec<(String, String)> = crate::common::select(&page, "li.note")
        .iter()
        .map(|li| {
            let attr = |name| li.value().attr(name).unwrap_or_default().to_string();
            (attr("value"), attr("id"))
        })
        .collect();
    let expected: Vec<(String, String)> = (1..=45)
        .map(|n| (n.to_string(), format!("fn-{n}")))
        .collect();
    assert_eq!(notes, expected);
    let markers: Vec<String> = crate::common::select(&page, "sup.note-ref a")
        .iter()
        .map(|a| a.text().collect())
        .collect();
    assert_eq!(markers[..8], ["1", "2", "3", "4", "5", "6", "8", "9"]);
}

/// The fixture's letter, with `key = value` added to its front matter.
fn letter_declaring(site: &Path, declaration: &str) {
    let letter = site.join("content/documents/letter.md");
    let text = std::fs::read_to_string(&letter).unwrap();
    let declared = text.replacen(
        "date = \"1921-08\"\n",
        &format!("date = \"1921-08\"\n{declaration}\n"),
        1,
    );
    std::fs::write(&letter, declared).unwrap();
}

#[test]
fn notes_a_document_declares_its_source_lacks_are_shown_as_such_and_not_warned_of() {
    let site = copy_of("basic");
    letter_declaring(
        site.path(),
        "missing_notes = \"the typescript's last page is lost.\"\nuncited_notes = \"the typist left out a marker\"",
    );
    let output = annals(&["build"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let warnings = stderr(&output);
    assert!(
        !warnings.contains("[^lost]") && !warnings.contains("[^orphan]"),
        "{warnings}"
    );
    assert!(
        warnings
            .contains("letter.md:28: warning: a second note is defined under the label [^once]"),
        "real problems stay warnings: {warnings}"
    );
    assert!(
        stdout(&output).contains(
            "note: 1 note known missing from the source, in content/documents/letter.md (1): “the typescript's last page is lost.”"
        ),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("7 notes, 1 missing from their sources"));
    let page =
        std::fs::read_to_string(site.path().join("public/documents/letter/index.html")).unwrap();
    let html = scraper::Html::parse_document(&page);
    let said: Vec<String> = crate::common::select(&html, "p.notes-missing")
        .iter()
        .map(|p| p.text().collect())
        .collect();
    assert_eq!(
        said,
        [
            "Notes cited in the text whose text is missing from the source: 1 of 5 (the typescript's last page is lost)."
        ]
    );
}

#[test]
fn a_declared_gap_the_document_does_not_have_is_a_warning_at_its_key() {
    let site = copy_of("basic");
    let article = site.path().join("content/documents/article.md");
    let text = std::fs::read_to_string(&article).unwrap();
    std::fs::write(
        &article,
        text.replacen("+++\n", "+++\nmissing_notes = \"OCR\"\n", 1),
    )
    .unwrap();
    let output = annals(&["check"], site.path());
    assert!(
        stderr(&output).contains(
            "content/documents/article.md:2: warning: `missing_notes` is declared, but every note cited in the text has its text\n  help: remove the `missing_notes` line: the page has no such gap"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_document_says_what_an_ambiguous_name_means_or_that_it_stays_unlinked() {
    let site = copy_of("registry");
    let report = site.path().join("content/documents/report.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let declare = |declaration: &str| {
        // Before the closing `+++`, where a table may stand.
        let declared = text.replacen("]\n+++\n", &format!("]\n{declaration}\n+++\n"), 1);
        std::fs::write(&report, declared).unwrap();
        annals(&["build"], site.path())
    };

    let meant = declare("names = { Smirnov = \"person:smirnov-v-m\" }");
    assert!(meant.status.success());
    assert!(
        stdout(&meant).contains(", 0 warnings."),
        "{}",
        stderr(&meant)
    );
    let page =
        std::fs::read_to_string(site.path().join("public/documents/report/index.html")).unwrap();
    assert!(
        page.contains(">Smirnov</a>") && page.contains("/people/smirnov-v-m/"),
        "the name is linked"
    );

    let unlinked = declare("unlinked_names = [\"Smirnov\"]");
    assert!(
        stdout(&unlinked).contains(", 0 warnings."),
        "{}",
        stderr(&unlinked)
    );

    let wrong = declare("[names]\nSmirnov = \"person:smirnof\"");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(
        stderr(&wrong).contains(
            "content/documents/report.md:4: error: `names` says `Smirnov` means `person:smirnof`, which is no entry of the registry"
        ),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn a_broken_link_in_a_note_is_reported_at_its_own_line_and_column() {
    let site = copy_of("registry");
    let report = site.path().join("content/documents/report.md");
    let mut text = std::fs::read_to_string(&report).unwrap();
    let first = text.lines().count() + 2;
    text.push_str("\nA claim.[^z]\n\n[^z]: Said by [Lenin](person:lennin) in\n    [a speech](poeple:lenin).\n");
    std::fs::write(&report, text).unwrap();
    let output = annals(&["check"], site.path());
    let said = stderr(&output);
    for expected in [
        format!(
            "content/documents/report.md:{}:15: error: the link `person:lennin` names no person of the registry",
            first + 2
        ),
        format!(
            "content/documents/report.md:{}:5: error: the link `poeple:lenin` has the scheme `poeple:`, which annals does not know\n  help: did you mean `person:lenin`?",
            first + 3
        ),
    ] {
        assert!(said.contains(&expected), "{expected}\nnot in:\n{said}");
    }
}

/// The names `check --names` lists, one line each (their contexts, indented, left out),
/// after its heading line.
fn names_listed(said: &str) -> Vec<&str> {
    said.lines()
        .filter(|l| !l.starts_with(' '))
        .skip(1)
        .collect()
}

/// On collections written for the test after the names check (`tests/fixtures/vilkaste`,
/// `waipukeko`, `calder`, `bellegarde`, `bellamy`, `sudimov`, `tlacotepec`, `hebbleton`,
/// `marlow`), their registries as their writers left them: the people their texts name
/// five times or more with no entry (counted by their writers, 6 to 20 times, in forms such
/// as "Herr Reinfeld", "Constable Pankratov", "the Rev. Mr. Pyne") are among the first
/// names listed, each as a person.
#[test]
fn check_names_lists_first_the_people_an_unseen_collection_names_often_without_an_entry() {
    for (fixture, people, within) in [
        (
            "vilkaste",
            &["Salna", "Reinfeld", "Zass", "Wulff", "Pankratov"][..],
            5,
        ),
        // Its names with and without their marks ("Hēnare Rōpata", "Henare Ropata"), a
        // place led by "Port" (no person Ashby).
        (
            "waipukeko",
            &["Pyne", "Puhoro", "Ropata", "Ashcroft"][..],
            6,
        ),
        // Its people by a nickname too ("Red Mike" Dunn), beside a temple, a junction and
        // an avenue that are no one's.
        (
            "calder",
            &["Dunn", "Haddow", "Lyle", "Pratt", "Kowalchuk"][..],
            6,
        ),
        // French names with and without their accents ("Lécuyer", "Lecuyer").
        (
            "bellegarde",
            &["Auclair", "Rabier", "Vallière", "Lécuyer", "Bourdais"][..],
            5,
        ),
        // People by a kinship and a forename ("Aunt Hettie"), beside falls and ridges.
        (
            "bellamy",
            &["Hollis", "Pruitt", "Hettie", "Marsh", "Stickney"][..],
            5,
        ),
        // Russian names with patronymics and initials ("Pyotr Andreevich Belov", "P. A.
        // Belov"), beside a party's members ("Menshevik") and its bodies ("Duma").
        (
            "sudimov",
            &["Belov", "Ryabov", "Kharitonova", "Dolgov", "Ostrovsky"][..],
            6,
        ),
        // Spanish names after their titles ("Don Ignacio Ruiz", "Doña Petra", "Padre
        // Anselmo"), with and without their accents, beside a hacienda named for a saint.
        (
            "tlacotepec",
            &["Ruiz", "Nájera", "Salazar", "Villegas", "Alarcón"][..],
            5,
        ),
        // A battalion's people by their ranks ("C.S.M. Illingworth", "2/Lt. Walsh", "the
        // Rev. E. J. Mossop", "Padre Mossop"), beside a camp, a plain and a fund.
        (
            "hebbleton",
            &[
                "Hollins",
                "Ackroyd",
                "Mossop",
                "Illingworth",
                "Sugden",
                "Walsh",
            ][..],
            8,
        ),
        // Names in an FBI file's capitals ("Patrolman DALE HINKLE") and in running text,
        // after offices ("Circuit Judge Harlan B. Ferris", "Reverend Pruitt").
        (
            "marlow",
            &["Pruitt", "Tubbs", "Hinkle", "Ferris", "Dobbs"][..],
            6,
        ),
    ] {
        let site = copy_of(fixture);
        let output = annals(&["check", "--names", "--limit", "40"], site.path());
        assert!(output.status.success(), "{}", stderr(&output));
        let said = stdout(&output);
        let listed = names_listed(&said);
        for surname in people {
            let at = (listed.iter()).position(|l| l.contains(surname) && l.contains("(person?)"));
            assert!(
                at.is_some_and(|at| at < within),
                "{fixture}: {surname}:\n{said}"
            );
        }
        let ashby = listed.iter().find(|l| l.contains("Ashby"));
        assert!(
            ashby.is_none_or(|l| l.starts_with("Port Ashby (place?)")),
            "{fixture}: {said}"
        );
    }
}

/// On the collections written for the tests, with their registries taken away as a new
/// editor would start: the people their texts name five times or more are among the first
/// names `check --names` lists, each as a person, and a street or a newspaper as none.
#[test]
fn check_names_lists_the_people_a_new_collection_names_often() {
    for (fixture, people) in [
        ("saltby", &["Blamire", "Draycott", "Moran"][..]),
        (
            "dordrecht",
            &[
                "Gale", "Pellham", "Thorne", "Ashby", "Ellwood", "Harwood", "Voetius", "Downing",
            ][..],
        ),
        ("oke-ado", &["Lawal", "Akande", "Bello", "Bainbridge"][..]),
    ] {
        let site = copy_of(fixture);
        let content = site.path().join("content");
        for kind in ["people", "events", "groups"] {
            std::fs::remove_dir_all(content.join(kind)).unwrap();
        }
        // A document's `[names]` says what a name means in the registry that is gone.
        for document in std::fs::read_dir(content.join("documents")).unwrap() {
            let path = document.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            if let Some((head, rest)) = text.split_once("\n[names]\n") {
                let (_, after) = rest.split_once("+++").unwrap();
                std::fs::write(&path, format!("{head}\n+++{after}")).unwrap();
            }
        }
        let output = annals(&["check", "--names", "--limit", "40"], site.path());
        assert!(output.status.success(), "{fixture}: {}", stderr(&output));
        let said = stdout(&output);
        let listed = names_listed(&said);
        for surname in people {
            assert!(
                listed
                    .iter()
                    .any(|l| l.contains(surname) && l.contains("(person?)")),
                "{fixture}: {surname} not listed as a person:\n{said}"
            );
        }
        assert!(
            !listed.iter().any(|l| l.contains("Street (person?)")),
            "{fixture}: {said}"
        );
    }
}

#[test]
fn check_names_lists_the_people_the_documents_name_and_the_registry_lacks() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/documents/unregistered.md"),
        "+++\ntitle = \"Unregistered\"\n+++\n\n\
         The Bolshevik leaders met in Moscow. A. A. Bogdanov spoke first, and Bogdanov spoke again.\n\n\
         Lenin and Kamenev answered; Bogdanov was silent. In Moscow the French delegates left.\n\n\
         Comrade Gusev wrote to Bogdanov. Gusev wrote again. The bolshevik press was silent.\n\n\
         Trotskyism was named. The Trotskyism of the day was named again by Bogdanov.\n",
    )
    .unwrap();
    let output = annals(&["check", "--names", "--limit", "3"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stdout(&output);
    let listed = names_listed(&said);
    assert_eq!(listed.len(), 3, "{said}");
    assert!(listed[0].starts_with("A. A. Bogdanov (person?): 5 times in 1 document; written Bogdanov (4), A. A. Bogdanov (1)"), "{said}");
    assert!(listed[1].starts_with("Gusev (person?): 2 times"), "{said}");
    assert!(
        said.contains("    content/documents/unregistered.md#p-1: “"),
        "{said}"
    );
    // "Bolshevik" is also written in lower case, "Trotskyism" is a word made from a name:
    // neither is listed before the people.
    assert!(
        !listed
            .iter()
            .any(|l| l.starts_with("Bolshevik") || l.starts_with("Trotskyism")),
        "{said}"
    );
    // The editor's stop list leaves a name out, by any of its forms.
    let config = site.path().join("site.toml");
    let settings = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("not_names = [\"bogdanov\"]\n{settings}")).unwrap();
    let output = annals(&["check", "--names", "--limit", "3"], site.path());
    let said = stdout(&output);
    assert!(!said.contains("Bogdanov ("), "{said}");
    assert!(said.contains("\nGusev (person?)"), "{said}");
}

#[test]
fn check_names_drafts_entries_that_are_built_only_with_drafts() {
    let site = copy_of("registry");
    std::fs::write(
        site.path().join("content/documents/unregistered.md"),
        "+++\ntitle = \"Unregistered\"\n+++\n\n\
         A. A. Bogdanov spoke first, and Bogdanov spoke again.\n\n\
         Lenin answered; Bogdanov was silent, and then Bogdanov left.\n",
    )
    .unwrap();
    let output = annals(
        &["check", "--names", "--limit", "3", "--draft", "content"],
        site.path(),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Wrote 1 draft entry under content"),
        "{}",
        stdout(&output)
    );
    let entry = std::fs::read_to_string(site.path().join("content/people/bogdanov.md")).unwrap();
    assert!(entry.contains("name = \"A. A. Bogdanov\""), "{entry}");
    assert!(entry.contains("draft = true"), "{entry}");
    assert!(entry.contains("\"Bogdanov\""), "{entry}");
    assert!(
        entry.contains("content/documents/unregistered.md#p-1"),
        "{entry}"
    );

    // A draft is checked but not published, until the editor asks for drafts.
    let output = annals(&["build"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !site
            .path()
            .join("public/people/bogdanov/index.html")
            .exists()
    );
    let page =
        std::fs::read_to_string(site.path().join("public/documents/unregistered/index.html"))
            .unwrap();
    assert!(
        !page.contains("people/bogdanov/"),
        "a draft entry is linked"
    );
    let output = annals(&["build", "--drafts"], site.path());
    assert!(output.status.success(), "{}", stderr(&output));
    let person =
        std::fs::read_to_string(site.path().join("public/people/bogdanov/index.html")).unwrap();
    assert!(person.contains("unregistered/#p-1"), "{person}");

    // A folder that cannot be written is an error that names it, and nothing else is lost.
    let output = annals(
        &[
            "check",
            "--names",
            "--limit",
            "3",
            "--draft",
            "content/documents/report.md",
        ],
        site.path(),
    );
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("error: cannot create content/documents/report.md/people"),
        "{}",
        stderr(&output)
    );

    // A second run keeps the entry the editor may have begun to complete.
    let output = annals(
        &["check", "--names", "--limit", "3", "--draft", "content"],
        site.path(),
    );
    assert!(
        stdout(&output).contains("1 file there left as it was")
            || stdout(&output).contains("left as they were"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_entrys_authority_identifiers_are_linked_and_in_its_json_ld_and_a_malformed_one_is_an_error() {
    let site = copy_of("registry");
    let lenin = site.path().join("content/people/lenin.md");
    let text = std::fs::read_to_string(&lenin).unwrap();
    std::fs::write(
        &lenin,
        text.replacen(
            "+++\n",
            "+++\nwikidata = \"Q1394\"\nviaf = \"101787139\"\n",
            1,
        ),
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let page = std::fs::read_to_string(site.path().join("public/people/lenin/index.html")).unwrap();
    assert!(
        page.contains(
            "<a href=\"https://www.wikidata.org/wiki/Q1394\" rel=\"external\">Wikidata Q1394</a>"
        ),
        "{page}"
    );
    assert!(page.contains("https://viaf.org/viaf/101787139"));
    let html = scraper::Html::parse_document(&page);
    let ld: serde_json::Value = serde_json::from_str(
        &crate::common::select(&html, "script[type='application/ld+json']")[0].inner_html(),
    )
    .unwrap();
    assert_eq!(
        ld["sameAs"],
        serde_json::json!([
            "https://www.wikidata.org/wiki/Q1394",
            "https://viaf.org/viaf/101787139"
        ])
    );
    let people: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(site.path().join("public/data/people.json")).unwrap(),
    )
    .unwrap();
    let record = people
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "lenin")
        .unwrap();
    assert_eq!(record["authorities"]["wikidata"], "Q1394");

    std::fs::write(
        &lenin,
        text.replacen("+++\n", "+++\nwikidata = \"1394\"\n", 1),
    )
    .unwrap();
    let refused = annals(&["check"], site.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("content/people/lenin.md:2: error: `wikidata` is `1394`, which is no identifier of that file"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn an_entry_matched_only_by_explicit_links_is_not_found_by_its_names() {
    let site = copy_of("registry");
    let nep = site.path().join("content/terms/nep.md");
    let text = std::fs::read_to_string(&nep).unwrap();
    std::fs::write(
        &nep,
        text.replacen("+++\n", "+++\nmatch = \"explicit\"\n", 1),
    )
    .unwrap();
    std::fs::write(
        site.path().join("content/documents/nep.md"),
        "+++\ntitle = \"NEP\"\n+++\n\nThe NEP began. Under the [new policy](term:nep) trade returned.\n",
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success(), "{}", stderr(&built));
    let page =
        std::fs::read_to_string(site.path().join("public/documents/nep/index.html")).unwrap();
    assert!(
        page.contains("The NEP began."),
        "the bare name is no mention: {page}"
    );
    assert!(
        page.contains(">new policy</a>") || page.contains(">new policy</abbr>"),
        "{page}"
    );

    std::fs::write(
        &nep,
        text.replacen("+++\n", "+++\nmatch = \"sometimes\"\n", 1),
    )
    .unwrap();
    let refused = annals(&["check"], site.path());
    assert!(
        stderr(&refused).contains("content/terms/nep.md:2: error: `match` must be one of `names`, `explicit`; found `sometimes`"),
        "{}",
        stderr(&refused)
    );
}

/// Reference managers (Zotero reads Highwire's `citation_*` tags) cite a source's page; a
/// The COinS span of a source's page, read as Zotero's COinS translator reads it: the
/// `title` of a `span.Z3988`, an OpenURL of `key=value` pairs, percent-decoded.
#[test]
fn a_sources_page_carries_coins_and_a_cite_this_in_each_format() {
    let site = copy_of("basic");
    let built = annals(
        &["build", "--base-url", "https://example.org/letters/"],
        site.path(),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let html = scraper::Html::parse_document(
        &std::fs::read_to_string(site.path().join("public/documents/letter/index.html")).unwrap(),
    );
    let spans = crate::common::select(&html, "span.Z3988");
    assert_eq!(spans.len(), 1);
    let openurl = spans[0].value().attr("title").unwrap();
    let pairs: Vec<(String, String)> = openurl
        .split('&')
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap();
            (key.to_string(), percent_decoded(value))
        })
        .collect();
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("{key} in {pairs:?}"))
    };
    assert_eq!(value("ctx_ver"), "Z39.88-2004");
    assert_eq!(value("rft_val_fmt"), "info:ofi/fmt:kev:mtx:dc");
    assert_eq!(value("rft.title"), "A letter to the Central Committee");
    assert_eq!(value("rft.creator"), "Miasnikov, G. T.");
    assert_eq!(value("rft.date"), "1921");
    assert_eq!(
        value("rft.identifier"),
        "https://example.org/letters/documents/letter/"
    );
    let format = |name: &str| {
        crate::common::select(&html, &format!("details.cite-this [data-format='{name}']"))[0]
            .text()
            .collect::<String>()
    };
    let csl: serde_json::Value = serde_json::from_str(&format("csl-json")).unwrap();
    assert_eq!(csl[0]["title"], "A letter to the Central Committee");
    assert_eq!(csl[0]["author"][0]["family"], "Miasnikov");
    assert!(format("bibtex").starts_with("@misc{miasnikov1921,"));
    assert!(format("ris").contains("\nAU  - Miasnikov, G. T.\n"));
    let chicago: String = crate::common::select(&html, "details.cite-this [data-style='chicago']")
        [0]
    .text()
    .collect();
    assert!(
        chicago.starts_with("Miasnikov, G. T. “A letter to the Central Committee.”")
            && chicago.ends_with("https://example.org/letters/documents/letter/."),
        "{chicago}"
    );
}

fn percent_decoded(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                out.push(u8::from_str_radix(&value[i + 1..i + 3], 16).unwrap());
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            byte => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// chapter is cited with its book's authors and date.
#[test]
fn a_sources_page_carries_the_tags_reference_managers_read() {
    let site = copy_of("basic");
    assert!(annals(&["build"], site.path()).status.success());
    let tags = |path: &str| -> Vec<(String, String)> {
        let html = scraper::Html::parse_document(
            &std::fs::read_to_string(site.path().join("public").join(path)).unwrap(),
        );
        crate::common::select(&html, "meta[name^='citation_']")
            .iter()
            .map(|m| {
                (
                    m.value().attr("name").unwrap().to_string(),
                    m.value().attr("content").unwrap().to_string(),
                )
            })
            .collect()
    };
    let letter = tags("documents/letter/index.html");
    assert_eq!(
        letter[0],
        (
            "citation_title".to_string(),
            "A letter to the Central Committee".to_string()
        )
    );
    assert!(
        letter.contains(&("citation_author".to_string(), "G. T. Miasnikov".to_string())),
        "{letter:?}"
    );
    assert!(
        letter.contains(&(
            "citation_publication_date".to_string(),
            "1921/08".to_string()
        )),
        "{letter:?}"
    );
    assert!(
        letter.contains(&(
            "citation_public_url".to_string(),
            "/documents/letter/".to_string()
        )),
        "{letter:?}"
    );
    let chapters: Vec<_> = std::fs::read_dir(site.path().join("public/documents/book"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .collect();
    let chapter = tags(&format!(
        "documents/book/{}/index.html",
        chapters[0].file_name().to_string_lossy()
    ));
    assert!(
        chapter
            .iter()
            .any(|(name, _)| name == "citation_book_title"),
        "{chapter:?}"
    );
    assert!(
        tags("about/index.html").is_empty(),
        "a page that is no source is not cited"
    );
}

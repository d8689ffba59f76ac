//! `annals serve` as an editor uses it: the real binary on a free port of 127.0.0.1, serving
//! a temporary copy of the fixture site, rebuilding on edits and reporting errors to the
//! open pages; what it refuses to serve; and `annals check --links` on a built site.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common::http::{self, Response};
use crate::common::{annals, copy_fixture, copy_of, fixture, select};

/// How long a change may take to be served: a functional deadline, not a benchmark.
const CHANGE_DEADLINE: Duration = Duration::from_secs(2);
/// How long the first build may take in a debug build on a busy machine.
const START_DEADLINE: Duration = Duration::from_secs(60);

/// A running `annals serve`, killed when dropped (also when a test panics).
struct Server {
    child: Child,
    address: SocketAddr,
    /// Everything it printed, stdout and stderr.
    output: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Server::start_on(root, "127.0.0.1")
    }

    fn start_on(root: &Path, bind: &str) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_annals"))
            .args(["serve", "--bind", bind, "--port", "0", "--root"])
            .arg(root)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("annals serve starts");
        let output = Arc::new(Mutex::new(String::new()));
        let (lines, first_lines) = channel();
        collect_lines(child.stdout.take().unwrap(), &output, Some(lines));
        collect_lines(child.stderr.take().unwrap(), &output, None);
        let mut server = Server {
            child,
            address: SocketAddr::from(([127, 0, 0, 1], 0)),
            output,
        };
        server.address = server.wait_for_address(&first_lines);
        server
    }

    fn wait_for_address(&self, lines: &Receiver<String>) -> SocketAddr {
        let started = Instant::now();
        while let Some(left) = START_DEADLINE.checked_sub(started.elapsed()) {
            let Ok(line) = lines.recv_timeout(left) else {
                break;
            };
            if let Some(rest) = line.strip_prefix("Serving http://") {
                let address = rest.split('/').next().unwrap();
                return address.parse().expect("a socket address");
            }
        }
        panic!("annals serve did not start:\n{}", self.log());
    }

    fn log(&self) -> String {
        self.output.lock().unwrap().clone()
    }

    fn get(&self, target: &str) -> Response {
        http::get(self.address, target).unwrap_or_else(|e| panic!("GET {target}: {e}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn collect_lines(
    stream: impl Read + Send + 'static,
    output: &Arc<Mutex<String>>,
    lines: Option<std::sync::mpsc::Sender<String>>,
) {
    let output = Arc::clone(output);
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            output.lock().unwrap().push_str(&format!("{line}\n"));
            if let Some(lines) = &lines {
                let _ = lines.send(line);
            }
        }
    });
}

/// Polls `check` until it holds or `deadline` passes.
fn eventually(deadline: Duration, mut check: impl FnMut() -> bool) -> bool {
    let started = Instant::now();
    while started.elapsed() < deadline {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(25));
    }
    check()
}

/// The Server-Sent Events stream a served page listens to, read raw.
struct Events {
    stream: std::net::TcpStream,
    received: String,
    read_up_to: usize,
}

impl Events {
    fn open(address: SocketAddr) -> Events {
        let mut stream = http::connect(address).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        write!(
            stream,
            "GET /__annals/events HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        Events {
            stream,
            received: String::new(),
            read_up_to: 0,
        }
    }

    /// The data of the next event called `name`, waiting up to `deadline` for it.
    fn next(&mut self, name: &str, deadline: Duration) -> Option<String> {
        let started = Instant::now();
        let marker = format!("event: {name}\ndata: ");
        loop {
            if let Some(at) = self.received[self.read_up_to..].find(&marker) {
                let start = self.read_up_to + at + marker.len();
                if let Some(end) = self.received[start..].find('\n') {
                    self.read_up_to = start + end;
                    return Some(self.received[start..start + end].to_string());
                }
            }
            if started.elapsed() > deadline {
                return None;
            }
            let mut buffer = [0; 4096];
            match self.stream.read(&mut buffer) {
                Ok(0) => return None,
                Ok(n) => self
                    .received
                    .push_str(&String::from_utf8_lossy(&buffer[..n])),
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                    ) => {}
                Err(e) => panic!("the event stream broke: {e}"),
            }
        }
    }
}

/// Whether the served search index has `term` (lower-case ASCII): the shard of the longest
/// key that starts it holds it.
fn searchable(server: &Server, term: &str) -> bool {
    let meta: serde_json::Value =
        serde_json::from_str(&server.get("/search/index/meta.json").text()).unwrap();
    let key = meta["shards"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .filter(|k| term.starts_with(k))
        .max_by_key(|k| k.len());
    key.is_some_and(|key| {
        let shard = server.get(&format!("/search/index/terms/{key}.json"));
        shard.status == 200 && shard.text().contains(&format!("\"{term}\":"))
    })
}

#[test]
fn serves_each_edit_and_shows_a_broken_build_over_the_last_good_site() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let page = server.get("/documents/letter/");
    assert_eq!(page.status, 200, "{}", server.log());
    assert!(
        page.text()
            .contains("The first paragraph cites a note once.")
    );
    assert!(page.text().contains("<script data-annals-live>"));

    let letter = site.path().join("content/documents/letter.md");
    let original = std::fs::read_to_string(&letter).unwrap();
    assert!(!searchable(&server, "quillwort"));
    let edited = original.replace(
        "The first paragraph cites",
        "The first paragraph, edited while served (quillwort), cites",
    );
    std::fs::write(&letter, &edited).unwrap();
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .get("/documents/letter/")
            .text()
            .contains("edited while served")),
        "the edit was not served within {CHANGE_DEADLINE:?}:\n{}",
        server.log()
    );
    // The pages are served first; the search index follows.
    assert!(
        eventually(CHANGE_DEADLINE, || searchable(&server, "quillwort")),
        "the search index is rebuilt with the site"
    );
    // The first build printed its warnings as `annals build` does; a rebuild counts them and
    // says where to read them.
    let log = server.log();
    assert!(
        log.contains(
            "content/documents/letter.md:15: warning: note [^lost] is cited but its text is missing"
        ),
        "{log}"
    );
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .log()
            .contains("warnings: `annals check` lists them.")),
        "{}",
        server.log()
    );

    let mut events = Events::open(server.address);
    let generation: u64 = events
        .next("build", CHANGE_DEADLINE)
        .expect("the stream tells the current build")
        .parse()
        .unwrap();
    let title = "title = \"A letter to the Central Committee\"";
    assert!(edited.contains(title));
    std::fs::write(
        &letter,
        edited.replace(title, "title = \"A letter to the Central Committee"),
    )
    .unwrap();
    let problems = events
        .next("problems", CHANGE_DEADLINE)
        .unwrap_or_else(|| panic!("no error was sent to the page:\n{}", server.log()));
    let problems: serde_json::Value = serde_json::from_str(&problems).unwrap();
    let problem = &problems[0];
    assert!(
        problem["file"]
            .as_str()
            .unwrap()
            .ends_with("content/documents/letter.md"),
        "{problem}"
    );
    assert_eq!(problem["line"], 2, "{problem}");
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("invalid TOML"),
        "{problem}"
    );
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .log()
            .contains("content/documents/letter.md:2:")),
        "the terminal shows the error with its place:\n{}",
        server.log()
    );
    let still = server.get("/documents/letter/");
    assert_eq!(still.status, 200);
    assert!(
        still.text().contains("edited while served"),
        "the last good site is still served"
    );
    // A page opened now gets the errors at once.
    let mut late = Events::open(server.address);
    assert!(late.next("problems", CHANGE_DEADLINE).is_some());

    std::fs::write(
        &letter,
        original.replace("cites a note once", "cites a fixed note once"),
    )
    .unwrap();
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .get("/documents/letter/")
            .text()
            .contains("cites a fixed note once")),
        "the fixed page was not served within {CHANGE_DEADLINE:?}:\n{}",
        server.log()
    );
    let next: u64 = events
        .next("build", CHANGE_DEADLINE)
        .expect("the page is told to reload")
        .parse()
        .unwrap();
    assert!(next > generation);
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .log()
            .contains(" ms after a change to content/documents/letter.md")),
        "each rebuild prints its time:\n{}",
        server.log()
    );
}

/// Each of these request targets tries to reach `site.toml` (beside `content/`), the file
/// `outside/secret.txt` beside the site's folder, or `/etc/passwd`.
const ESCAPES: &[&str] = &[
    "/../site.toml",
    "/%2e%2e/site.toml",
    "/%2E%2E/site.toml",
    "/.%2e/site.toml",
    "/..%2fsite.toml",
    "/%2e%2e%2fsite.toml",
    "/%2e%2e%2f%2e%2e%2fetc/passwd",
    "/../../../../../../etc/passwd",
    "//etc/passwd",
    "/%2fetc%2fpasswd",
    "/..\\site.toml",
    "/%5c..%5csite.toml",
    "/documents/../../site.toml",
    "/documents/%2e%2e/%2e%2e/site.toml",
    "/%252e%252e/site.toml",
    "/....//site.toml",
    "/site.toml",
    "/content/documents/letter.md",
    "http://127.0.0.1/../site.toml",
    "/leak.txt",
    "/outside/secret.txt",
    "/documents/leak.txt",
    "/%00/../site.toml",
];

#[cfg(unix)]
/// A served page as built, without the reload script (which names the build).
fn page_as_built(server: &Server, target: &str) -> String {
    let page = server.get(target);
    assert_eq!(page.status, 200, "{target}: {}", server.log());
    let text = page.text();
    text.split("<script data-annals-live>")
        .next()
        .unwrap()
        .to_string()
}

/// Whether the page at `target` shows `text` within the time a change may take.
fn comes_to_show(server: &Server, target: &str, text: &str) -> bool {
    eventually(CHANGE_DEADLINE, || {
        page_as_built(server, target).contains(text)
    })
}

/// The mentions an entity's page counts.
fn mention_count(server: &Server, target: &str) -> String {
    let page = page_as_built(server, target);
    let html = scraper::Html::parse_document(&page);
    let count = select(&html, ".mention-count")
        .first()
        .map(|p| p.text().collect());
    count.unwrap_or_default()
}

#[test]
fn an_edit_of_a_documents_text_changes_the_pages_of_the_entities_it_names_then_or_now() {
    let site = copy_of("registry");
    let other = site.path().join("content/documents/other.md");
    std::fs::write(
        &other,
        "+++\ntitle = \"Another\"\n+++\n\nThe smychka went on.\n",
    )
    .unwrap();
    let smychka = "+++\nterm = \"smychka\"\n+++\nThe bond of workers and peasants.\n";
    std::fs::write(site.path().join("content/terms/smychka.md"), smychka).unwrap();
    let server = Server::start(site.path());
    let untouched = page_as_built(&server, "/terms/smychka/");
    assert!(untouched.contains("went on"), "{untouched}");
    let lenin = mention_count(&server, "/people/lenin/");
    assert!(lenin.starts_with("3 mentions"), "{lenin}");
    let smirnov = page_as_built(&server, "/people/smirnov-v-m/");
    assert!(!smirnov.contains("spoke against it"), "{smirnov}");

    // Lenin named once less, V. M. Smirnov named where he was not: both their pages change.
    let report = site.path().join("content/documents/report.md");
    let text = std::fs::read_to_string(&report).unwrap();
    let edited = text
        .replace("wrote to Lenin", "wrote to the Centre")
        .replace(
            "Smirnov spoke against it.",
            "Vladimir Mikhailovich Smirnov spoke against it.",
        );
    std::fs::write(&report, edited).unwrap();
    assert!(
        comes_to_show(&server, "/people/smirnov-v-m/", "spoke against it"),
        "the new mention is not on Smirnov's page:\n{}",
        server.log()
    );
    let lenin = mention_count(&server, "/people/lenin/");
    assert!(lenin.starts_with("2 mentions"), "{lenin}");
    let index = page_as_built(&server, "/people/");
    assert!(index.contains("Vladimir Mikhailovich Smirnov"), "{index}");
    // The page of a term the report never names, which the edit could not change, is the
    // same page.
    assert_eq!(page_as_built(&server, "/terms/smychka/"), untouched);
    assert!(server.log().contains("as they were)"), "{}", server.log());

    // The site's title changed: every page shows it, those no edit of text could change too.
    let settings = site.path().join("site.toml");
    let retitled = std::fs::read_to_string(&settings)
        .unwrap()
        .replace("Registry fixture", "The retitled fixture");
    std::fs::write(&settings, retitled).unwrap();
    assert!(
        comes_to_show(&server, "/terms/smychka/", "The retitled fixture"),
        "{}",
        server.log()
    );
}

#[test]
fn a_site_that_never_built_says_so_and_is_served_once_fixed() {
    let site = copy_of("basic");
    let letter = site.path().join("content/documents/letter.md");
    let good = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(&letter, "+++\ntitle = \n+++\n").unwrap();
    let server = Server::start(site.path());
    assert!(
        eventually(CHANGE_DEADLINE, || server
            .log()
            .contains("serving a page that lists the errors")),
        "{}",
        server.log()
    );
    assert!(!server.log().contains("last good site"), "{}", server.log());
    assert!(
        server
            .get("/")
            .text()
            .contains("The site does not build yet")
    );
    std::fs::write(&letter, good).unwrap();
    assert!(
        eventually(CHANGE_DEADLINE * 5, || server
            .get("/documents/letter/")
            .status
            == 200),
        "{}",
        server.log()
    );
}

#[test]
fn no_request_reaches_a_file_outside_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_fixture("basic", &root);
    let outside = dir.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    let secret = "SECRET OUTSIDE THE SITE";
    std::fs::write(outside.join("secret.txt"), secret).unwrap();
    let symlink = |target: &str, link: &str| {
        std::os::unix::fs::symlink(target, root.join(link)).unwrap();
    };
    symlink("../../outside/secret.txt", "static/leak.txt");
    symlink("../../outside", "static/outside");
    symlink("../../../outside/secret.txt", "content/documents/leak.txt");
    let server = Server::start(&root);
    let mut refused = 0;
    for target in ESCAPES {
        let response = http::get(server.address, target).unwrap();
        let text = response.text();
        assert!(
            [400, 404].contains(&response.status),
            "{target}: status {}:\n{text}",
            response.status
        );
        for leak in [secret, "base_url", "root:x:0:0", "+++"] {
            assert!(!text.contains(leak), "{target} returned {leak:?}");
        }
        refused += 1;
    }
    assert!(refused >= 12);
    // The build leaves the links out, as the server would refuse them.
    for skipped in [
        "static/leak.txt",
        "static/outside/secret.txt",
        "content/documents/leak.txt",
    ] {
        assert!(
            server
                .log()
                .contains(&format!("{skipped}: warning: skipped: it is a link to")),
            "{skipped}:\n{}",
            server.log()
        );
    }
    // The site's own files are served all the same.
    assert_eq!(server.get("/notice.txt").status, 200);
}

#[test]
fn answers_2000_requests_from_32_clients_without_an_error() {
    const CLIENTS: usize = 32;
    const REQUESTS: usize = 2000;
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let targets: &[(&str, u16)] = &[
        ("/", 200),
        ("/documents/letter/", 200),
        ("/style.css", 200),
        ("/atom.xml", 200),
        ("/notice.txt", 200),
        ("/no-such-page/", 404),
    ];
    let address = server.address;
    let barrier = Arc::new(std::sync::Barrier::new(CLIENTS));
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let mut failures = Vec::new();
                let mut answered = 0;
                for n in (client..REQUESTS).step_by(CLIENTS) {
                    let (target, status) = targets[n % targets.len()];
                    match http::get(address, target) {
                        Ok(r) if r.status == status && r.is_complete() => answered += 1,
                        Ok(r) => failures.push(format!("{target}: {} {:?}", r.status, r.headers)),
                        Err(e) => failures.push(format!("{target}: {e}")),
                    }
                }
                (answered, failures)
            })
        })
        .collect();
    let mut answered = 0;
    let mut failures = Vec::new();
    for client in clients {
        let (n, f) = client.join().unwrap();
        answered += n;
        failures.extend(f);
    }
    assert!(
        failures.is_empty(),
        "{} failures: {failures:#?}",
        failures.len()
    );
    assert_eq!(answered, REQUESTS);
}

#[test]
fn content_types_head_etags_redirects_and_the_404_page() {
    let site = copy_of("basic");
    let statics = [
        ("app.js", "text/javascript; charset=utf-8"),
        ("data.json", "application/json"),
        ("logo.svg", "image/svg+xml"),
        ("pixel.png", "image/png"),
        ("font.woff2", "font/woff2"),
    ];
    for (name, _) in statics {
        std::fs::write(site.path().join("static").join(name), name).unwrap();
    }
    let server = Server::start(site.path());
    let mut expected = vec![
        ("/", "text/html; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/atom.xml", "application/xml; charset=utf-8"),
        ("/sitemap.xml", "application/xml; charset=utf-8"),
        ("/robots.txt", "text/plain; charset=utf-8"),
        ("/notice.txt", "text/plain; charset=utf-8"),
    ];
    let static_targets: Vec<(String, &str)> = statics
        .iter()
        .map(|(name, kind)| (format!("/{name}"), *kind))
        .collect();
    expected.extend(static_targets.iter().map(|(t, k)| (t.as_str(), *k)));
    for (target, content_type) in expected {
        let response = server.get(target);
        assert_eq!(response.status, 200, "{target}");
        assert_eq!(
            response.header("content-type"),
            Some(content_type),
            "{target}"
        );
        assert!(response.is_complete(), "{target}");
    }

    let page = server.get("/documents/letter/");
    let head = http::request(server.address, "HEAD", "/documents/letter/", &[]).unwrap();
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(
        head.header("content-length"),
        Some(page.body.len().to_string().as_str())
    );
    assert_eq!(head.header("etag"), page.header("etag"));

    for target in ["/documents/letter/", "/notice.txt"] {
        let etag = server.get(target).header("etag").unwrap().to_string();
        let cached =
            http::request(server.address, "GET", target, &[("If-None-Match", &etag)]).unwrap();
        assert_eq!(cached.status, 304, "{target}");
        assert!(cached.body.is_empty());
        let weak = format!("\"other\", W/{etag}");
        let cached =
            http::request(server.address, "GET", target, &[("If-None-Match", &weak)]).unwrap();
        assert_eq!(cached.status, 304, "{target}");
        let stale =
            http::request(server.address, "GET", target, &[("If-None-Match", "\"0\"")]).unwrap();
        assert_eq!(stale.status, 200, "{target}");
    }

    let missing = server.get("/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<h1>Page not found</h1>"));
    assert!(missing.text().contains("<script data-annals-live>"));

    let folder = server.get("/documents/letter?x=1");
    assert_eq!(folder.status, 307);
    assert_eq!(folder.header("location"), Some("/documents/letter/?x=1"));

    let post = http::request(server.address, "POST", "/", &[("Content-Length", "0")]).unwrap();
    assert_eq!(post.status, 405);
}

#[test]
fn listens_on_loopback_unless_told_otherwise_and_says_so() {
    let site = copy_of("basic");
    let local = Server::start(site.path());
    assert!(local.address.ip().is_loopback());
    let busy = annals(
        &["serve", "--port", &local.address.port().to_string()],
        site.path(),
    );
    assert_eq!(busy.status.code(), Some(1), "{}", described(&busy));
    assert!(
        String::from_utf8_lossy(&busy.stderr).contains("cannot listen on 127.0.0.1:"),
        "{}",
        described(&busy)
    );
    let everywhere = Server::start_on(site.path(), "0.0.0.0");
    assert!(
        eventually(CHANGE_DEADLINE, || everywhere
            .log()
            .contains("warning: serving on 0.0.0.0:")),
        "{}",
        everywhere.log()
    );
    assert!(!local.log().contains("warning: serving on"));
}

fn described(output: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

const BASE: &str = "https://example.org/annals/";

#[test]
fn a_site_built_under_a_sub_path_passes_check_links_under_that_path() {
    let out = tempfile::tempdir().unwrap();
    let root = fixture("basic");
    let public = out.path().join("public");
    let public = public.to_str().unwrap();
    let root = root.to_str().unwrap();
    let built = annals(
        &[
            "build",
            "--root",
            root,
            "--output",
            public,
            "--base-url",
            BASE,
        ],
        out.path(),
    );
    assert!(built.status.success(), "{}", described(&built));
    let checked = annals(
        &[
            "check",
            "--root",
            root,
            "--links",
            public,
            "--base-url",
            BASE,
        ],
        out.path(),
    );
    assert!(checked.status.success(), "{}", described(&checked));
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("under /annals/: 0 broken."),
        "{}",
        described(&checked)
    );
    // Checked under the root path of site.toml, every link leaves the base path.
    let at_root = annals(&["check", "--root", root, "--links", public], out.path());
    assert_eq!(at_root.status.code(), Some(1), "{}", described(&at_root));
    assert!(
        String::from_utf8_lossy(&at_root.stderr)
            .contains("index.html: /annals/style.css (no file /annals/style.css in the site)"),
        "{}",
        described(&at_root)
    );
    assert!(
        String::from_utf8_lossy(&at_root.stderr).contains(
            "hint: most broken links begin with /annals/ and lead to the site's files without it: was the site built for /annals/? Check it under that path: --base-url /annals/"
        ),
        "{}",
        described(&at_root)
    );
}

#[test]
fn check_links_reports_each_broken_link_and_fails() {
    let site = copy_of("basic");
    std::fs::write(
        site.path().join("content/broken.md"),
        "+++\ntitle = \"Broken\"\n+++\n\nSee [a page that is gone](/gone/) and [the letter](/documents/letter/#no-such-id).\n",
    )
    .unwrap();
    let built = annals(&["build"], site.path());
    assert!(built.status.success(), "{}", described(&built));
    let checked = annals(&["check", "--links"], site.path());
    assert_eq!(checked.status.code(), Some(1), "{}", described(&checked));
    let stderr = String::from_utf8_lossy(&checked.stderr);
    assert!(
        stderr.contains("public/broken/index.html: /gone/ (no file /gone/ in the site)"),
        "{}",
        described(&checked)
    );
    assert!(
        stderr.contains("public/broken/index.html: /documents/letter/#no-such-id ("),
        "{}",
        described(&checked)
    );
    assert!(String::from_utf8_lossy(&checked.stdout).contains(": 2 broken."));
    assert!(
        !stderr.contains("hint:"),
        "two broken links suggest no other base path: {stderr}"
    );
    let no_site = annals(&["check", "--links", "nowhere"], site.path());
    assert_eq!(no_site.status.code(), Some(1));
}

#[test]
fn check_links_from_outside_the_site_reads_the_site_toml_beside_the_built_folder() {
    let outside = tempfile::tempdir().unwrap();
    let site = outside.path().join("site");
    std::fs::create_dir(&site).unwrap();
    crate::common::copy_fixture("basic", &site);
    let toml = std::fs::read_to_string(site.join("site.toml")).unwrap();
    let toml = toml
        .lines()
        .filter(|line| !line.starts_with("base_url"))
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(
        site.join("site.toml"),
        format!("base_url = \"/annals/\"\n{toml}\n"),
    )
    .unwrap();
    let built = annals(&["build", "--root", "site"], outside.path());
    assert!(built.status.success(), "{}", described(&built));
    let checked = annals(&["check", "--links", "site/public"], outside.path());
    assert!(checked.status.success(), "{}", described(&checked));
    assert!(
        String::from_utf8_lossy(&checked.stdout).contains("under /annals/: 0 broken."),
        "{}",
        described(&checked)
    );
}

#[test]
fn the_built_site_has_a_sitemap_robots_and_a_feed_and_no_reload_script() {
    let out = tempfile::tempdir().unwrap();
    crate::common::build_site(&fixture("basic"), out.path(), Some(BASE));
    let read = |name: &str| std::fs::read_to_string(out.path().join(name)).unwrap();
    let sitemap = read("sitemap.xml");
    let pages = crate::common::html_pages(out.path());
    assert_eq!(
        sitemap.matches("<loc>https://example.org/annals/").count(),
        pages.len() - 2,
        "every page but the 404 and search pages:\n{sitemap}"
    );
    assert!(sitemap.contains("<loc>https://example.org/annals/documents/book/first/</loc>"));
    assert!(read("robots.txt").contains("Sitemap: https://example.org/annals/sitemap.xml\n"));
    let feed = read("atom.xml");
    assert_eq!(feed.matches("<entry>").count(), 3, "{feed}");
    assert!(feed.contains("<title>An article on the Workers&#39; Group</title>"));
    assert!(feed.contains("<id>https://example.org/annals/documents/letter/</id>"));
    assert!(feed.contains("<updated>1921-08-01T00:00:00Z</updated>"));
    assert!(feed.contains(
        "<summary>A letter whose notes are cited once, twice, never, or are missing.</summary>"
    ));
    let home = &pages["index.html"];
    assert!(home.contains(
        "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Fixture collection\" href=\"/annals/atom.xml\">"
    ));
    for (page, html) in &pages {
        assert!(!html.contains("__annals"), "{page} has the reload script");
    }
    let again = tempfile::tempdir().unwrap();
    crate::common::build_site(&fixture("basic"), again.path(), Some(BASE));
    for name in ["sitemap.xml", "robots.txt", "atom.xml"] {
        assert_eq!(
            std::fs::read(again.path().join(name)).unwrap(),
            read(name).into_bytes(),
            "{name} is the same on every build"
        );
    }
}

#[test]
fn the_warnings_of_the_build_served_are_there_on_request() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let page = server.get("/documents/letter/").text();
    assert!(
        page.contains("fetch(\"/__annals/warnings\")"),
        "the page asks for the warnings"
    );
    let response = server.get("/__annals/warnings");
    assert_eq!(response.header("content-type"), Some("application/json"));
    let warnings: serde_json::Value = serde_json::from_str(&response.text()).unwrap();
    let said: Vec<String> = warnings
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            format!(
                "{}: {}",
                w["location"].as_str().unwrap(),
                w["message"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(said.len(), 3, "{said:?}");
    // Paths from the site's folder: a page learns nothing of where the site lives.
    assert_eq!(warnings[0]["file"], "content/documents/letter.md");
    assert!(
        said[0].ends_with(
            "content/documents/letter.md:15: note [^lost] is cited but its text is missing"
        ),
        "{said:?}"
    );

    // Once the warnings are dealt with, there are none to show.
    let letter = site.path().join("content/documents/letter.md");
    let text = std::fs::read_to_string(&letter).unwrap();
    std::fs::write(
        &letter,
        text.replacen(
            "+++\n",
            "+++\nmissing_notes = \"lost\"\nuncited_notes = \"lost\"\n",
            1,
        )
        .replace("[^once]: A second", "[^other]: A second"),
    )
    .unwrap();
    assert!(
        eventually(CHANGE_DEADLINE, || server.get("/__annals/warnings").text()
            != response.text()),
        "{}",
        server.log()
    );
    assert_eq!(server.get("/__annals/warnings").text(), "[]");
}

#[test]
fn saving_words_of_thousands_of_letters_keeps_the_server_alive() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    std::fs::write(
        site.path().join("content/documents/long.md"),
        crate::reliability::long_words_body(),
    )
    .unwrap();
    assert!(
        eventually(CHANGE_DEADLINE * 5, || server
            .get("/documents/long/")
            .status
            == 200),
        "{}",
        server.log()
    );
    assert_eq!(server.get("/documents/letter/").status, 200);
}

/// Sends `raw` on a new connection and reads what comes back until the server closes it.
fn exchange_raw(address: SocketAddr, raw: &str) -> String {
    let mut stream = http::connect(address).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn a_request_for_another_host_is_refused_on_loopback() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let foreign = exchange_raw(
        server.address,
        "GET /documents/letter/ HTTP/1.1\r\nHost: rebound.example:1111\r\nConnection: close\r\n\r\n",
    );
    assert!(foreign.starts_with("HTTP/1.1 421"), "{foreign}");
    assert!(!foreign.contains("The first paragraph"), "{foreign}");
    let local = exchange_raw(
        server.address,
        &format!(
            "GET /documents/letter/ HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\n\r\n",
            server.address.port()
        ),
    );
    assert!(local.starts_with("HTTP/1.1 200"), "{local}");
}

#[test]
fn a_connection_that_sends_half_a_header_is_closed() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let mut stream = http::connect(server.address).unwrap();
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
        .unwrap();
    let started = Instant::now();
    let mut bytes = Vec::new();
    let read = stream.read_to_end(&mut bytes);
    assert!(
        read.is_ok(),
        "the server closed the connection, not the client's timeout: {read:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "closed after {:?}",
        started.elapsed()
    );
    // And a connection left idle after a request is closed too.
    let mut idle = http::connect(server.address).unwrap();
    idle.write_all(b"GET /documents/letter/ HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let mut all = Vec::new();
    assert!(idle.read_to_end(&mut all).is_ok());
    assert!(String::from_utf8_lossy(&all).starts_with("HTTP/1.1 200"));
}

#[test]
fn live_reload_streams_are_capped_and_the_site_still_answers() {
    let site = copy_of("basic");
    let server = Server::start(site.path());
    let open = |_| {
        let mut events = Events::open(server.address);
        events
            .next("build", CHANGE_DEADLINE)
            .expect("the stream is served");
        events
    };
    let streams: Vec<Events> = (0..256).map(open).collect();
    let refused = exchange_raw(
        server.address,
        "GET /__annals/events HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert!(refused.starts_with("HTTP/1.1 503"), "{refused}");
    assert_eq!(server.get("/documents/letter/").status, 200);
    drop(streams);
    // A place is free again once a page goes away.
    assert!(eventually(CHANGE_DEADLINE, || Events::open(server.address)
        .next("build", Duration::from_millis(500))
        .is_some()));
}

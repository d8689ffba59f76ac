//! `annals serve`: builds the site into memory, serves it over HTTP, rebuilds it when a
//! source changes and reloads the pages open in browsers.
//!
//! The site is never written to disk: each good build replaces the map of files the server
//! answers from (`site`), a failed one leaves it and sends its errors to the open pages
//! (`live`). A file watcher (`watch`) runs the rebuilds on a thread of its own.

mod http;
mod live;
mod site;
mod watch;

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::{Arc, PoisonError, RwLock};
use std::time::Instant;

use anyhow::Context;
use axum::Router;
use axum::body::Body as HttpBody;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::StreamExt;
use tokio::sync::broadcast;

use crate::build::{self, BuildOptions, Summary};
use crate::cache::BuildCache;
use crate::diagnostic::{Diagnostic, Diagnostics, WARNINGS_SHOWN, counted};
use crate::write::{OutputFile, Sink};
use live::{EVENTS_PATH, News, WARNINGS_PATH};
use site::{Body, Lookup, ServedFile, ServedSite};
use watch::Watcher;

pub const DEFAULT_PORT: u16 = 1111;

#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site's folder.
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in the default browser once it is built.
    pub open: bool,
    /// Shows the pages and registry entries marked `draft = true` too.
    pub drafts: bool,
    /// Prints how long each stage of each build took.
    pub timings: bool,
}

/// Builds and serves the site until the process is stopped. Content errors never end it;
/// an `Err` is a failure to listen or to watch.
pub fn serve(options: ServeOptions) -> anyhow::Result<()> {
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("cannot open the site folder {}", options.root.display()))?;
    if !root.is_dir() {
        anyhow::bail!(
            "{} is a file, not a site folder: give --root the folder that holds site.toml and content/",
            options.root.display()
        );
    }
    let listener = listen(&options)?;
    let address = listener.local_addr()?;
    let url = format!("http://{address}/");
    let build_options = BuildOptions {
        root: options.root.clone(),
        output: None,
        base_url: Some(url.clone()),
        drafts: options.drafts,
    };
    let state = Arc::new(Live::new(root.clone()));
    let watcher = Watcher::new(&root)?;
    // The name lookup and each page's Markdown are kept between builds, and redone only
    // where an edit changed them.
    let mut cache = BuildCache::for_rebuilds();
    let timings = options.timings;
    rebuild(&build_options, &state, &[], &mut cache, timings);
    warn_unless_loopback(address);
    println!("Serving {url} (watching content/, templates/, static/ and site.toml; Ctrl-C stops)");
    let rebuilding = Arc::clone(&state);
    std::thread::spawn(move || {
        rebuild_on_change(watcher, &build_options, &rebuilding, cache, timings)
    });
    if options.open {
        open_browser(&url);
    }
    answer_requests(listener, state, options.bind)
}

/// Runs the HTTP server on `listener` until the process stops.
fn answer_requests(
    listener: std::net::TcpListener,
    state: Arc<Live>,
    bind: IpAddr,
) -> anyhow::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server")?;
    runtime
        .block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            http::serve_connections(listener, router(state, bind)).await;
            anyhow::Ok(())
        })
        .context("the server stopped")
}

/// Pages that may listen for rebuilds at once: a browser keeps a connection open for each,
/// and the system gives a process some thousand.
const MAX_EVENT_STREAMS: usize = 256;

/// What the server shares between the requests and the rebuilds.
struct Live {
    /// The site's folder, canonical: files copied from disk must be inside it.
    root: PathBuf,
    site: RwLock<Arc<ServedSite>>,
    /// The errors of the last build as JSON, when it failed.
    problems: RwLock<Option<Arc<str>>>,
    /// The warnings of the build served, as JSON.
    warnings: RwLock<Arc<str>>,
    /// Places for the pages' live-reload streams, each open until its page goes away.
    event_streams: Arc<tokio::sync::Semaphore>,
    news: broadcast::Sender<News>,
}

impl Live {
    fn new(root: PathBuf) -> Live {
        Live {
            root,
            site: RwLock::new(Arc::new(ServedSite::placeholder())),
            problems: RwLock::new(None),
            warnings: RwLock::new(Arc::from("[]")),
            event_streams: Arc::new(tokio::sync::Semaphore::new(MAX_EVENT_STREAMS)),
            news: broadcast::channel(16).0,
        }
    }

    fn site(&self) -> Arc<ServedSite> {
        read(&self.site)
    }

    fn problems(&self) -> Option<Arc<str>> {
        read(&self.problems)
    }

    /// Serves a new build. The errors are cleared first: a page connecting in between sees
    /// the old build without errors, and reloads on the news that follows.
    fn publish(&self, site: ServedSite, warnings: Arc<str>) {
        let generation = site.generation;
        write(&self.problems, None);
        write(&self.warnings, warnings);
        write(&self.site, Arc::new(site));
        // No receiver (no page open) is not an error.
        let _ = self.news.send(News::Built(generation));
    }

    /// Adds what the build made after its pages (the search index, the open data) to the
    /// site served, in place of what the last build's stood in for: no news, the pages are
    /// the same.
    fn complete(&self, later: Vec<OutputFile>) {
        let site = self.site().completed(later);
        write(&self.site, Arc::new(site));
    }

    fn fail(&self, problems: Arc<str>) {
        write(&self.problems, Some(Arc::clone(&problems)));
        let _ = self.news.send(News::Failed(problems));
    }
}

/// The locks hold plain values replaced whole, so a panic elsewhere cannot leave one half
/// updated: a poisoned lock is used as it is.
fn read<T: Clone>(lock: &RwLock<T>) -> T {
    lock.read().unwrap_or_else(PoisonError::into_inner).clone()
}

fn write<T>(lock: &RwLock<T>, value: T) {
    *lock.write().unwrap_or_else(PoisonError::into_inner) = value;
}

fn rebuild_on_change(
    mut watcher: Watcher,
    options: &BuildOptions,
    live: &Live,
    mut cache: BuildCache,
    timings: bool,
) {
    while let Some(changed) = watcher.next_change() {
        // A panic is a bug in annals, not in the content; the server goes on regardless.
        let rebuilt = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rebuild(options, live, &changed, &mut cache, timings);
        }));
        if let Err(panic) = rebuilt {
            let why = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("no message");
            eprintln!("The build crashed (a bug in annals); still serving the last good site.");
            // The pages say so too, over the last good site, until a build succeeds. What
            // the build held may be half made: the next one starts from nothing.
            cache = BuildCache::for_rebuilds();
            let changed = changed
                .first()
                .map_or_else(|| options.root.clone(), Clone::clone);
            let crash = Diagnostic::error(
                changed,
                format!("the build crashed after this change ({why}); this is a bug in annals"),
            )
            .with_help("the last good site is served; undo the change, or report it with the file that caused it");
            live.fail(live::problems_json(&live.root, [crash].iter()).into());
        }
    }
}

/// Builds the site into memory and serves it, or keeps the last good one and reports the
/// errors, in the terminal and to the open pages. The pages are served as soon as they are
/// made, and the open pages reload; the search index and the open data follow, the last
/// build's standing in for them until then.
fn rebuild(
    options: &BuildOptions,
    live: &Live,
    changed: &[PathBuf],
    cache: &mut BuildCache,
    timings: bool,
) {
    let started = Instant::now();
    let mut diagnostics = Diagnostics::default();
    let cause = describe_change(changed);
    let first = changed.is_empty();
    let mut serve_pages = |files, summary: &Summary, diagnostics: &Diagnostics| {
        let previous = live.site();
        let site = ServedSite::new(files, previous.generation + 1).standing_in(&previous);
        let warnings = live::problems_json(
            &live.root,
            diagnostics.sorted().into_iter().filter(|d| !d.is_error()),
        );
        live.publish(site, warnings.into());
        report_build(summary, diagnostics, (first, &cause), started);
        if timings {
            print!("{}", summary.timings());
        }
    };
    let built = build::prepare_with(
        options,
        &mut diagnostics,
        (cache, &Sink::Memory),
        Some(&mut serve_pages),
    );
    match built {
        Some(built) => {
            // The addresses the preview shows are the ones the next build keeps.
            match built.addresses.as_ref().map(|a| a.write(&options.root)) {
                Some(Err(error)) => eprintln!(
                    "warning: cannot write {}: {error}",
                    crate::addresses::LOCK_FILE
                ),
                Some(Ok(())) => cache.addresses_written(),
                None => {}
            }
            live.complete(built.files);
            if timings {
                print!("  and then:\n{}", built.summary.later_timings());
            }
        }
        None => {
            for error in diagnostics.sorted().into_iter().filter(|d| d.is_error()) {
                eprintln!("{error}");
            }
            live.fail(live::problems_json(&live.root, diagnostics.errors()).into());
            let serving = if live.site().generation == 0 {
                "serving a page that lists the errors until they are fixed"
            } else {
                "still serving the last good site"
            };
            eprintln!(
                "The build{cause} failed with {} in {} ms; {serving}.",
                counted(diagnostics.error_count(), "error", "errors"),
                started.elapsed().as_millis()
            );
        }
    }
}

/// The line that says a build is served: how many pages, how many as they were, how long
/// from the change, and the warnings (the first build shows them as `annals build` does; a
/// rebuild counts them, and says where to read them).
fn report_build(
    summary: &Summary,
    diagnostics: &Diagnostics,
    (first, cause): (bool, &str),
    started: Instant,
) {
    let unchanged = match summary.unchanged_pages {
        0 => String::new(),
        n => format!(" ({n} as they were)"),
    };
    if first {
        diagnostics.print(Some(WARNINGS_SHOWN));
    }
    let warnings = match diagnostics.warning_count() {
        n if first || n == 0 => counted(n, "warning", "warnings"),
        n => format!(
            "{}: `annals check` lists them",
            counted(n, "warning", "warnings")
        ),
    };
    println!(
        "{} {}{unchanged} in {} ms{cause}, {warnings}.",
        if first { "Built" } else { "Rebuilt" },
        counted(summary.pages, "page", "pages"),
        started.elapsed().as_millis(),
    );
}

/// ` after a change to content/a.md`, or nothing for the first build.
fn describe_change(changed: &[PathBuf]) -> String {
    match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", one.display()),
        [first, rest @ ..] => format!(
            " after a change to {} and {} more",
            first.display(),
            rest.len()
        ),
    }
}

fn warn_unless_loopback(address: SocketAddr) {
    if !address.ip().is_loopback() {
        eprintln!(
            "warning: serving on {address}, which other machines may reach; the preview server is meant for this machine (the default, --bind 127.0.0.1)"
        );
    }
}

fn open_browser(url: &str) {
    let (program, args): (&str, &[&str]) = if cfg!(target_os = "macos") {
        ("open", &[])
    } else if cfg!(windows) {
        ("cmd", &["/C", "start", ""])
    } else {
        ("xdg-open", &[])
    };
    let mut command = std::process::Command::new(program);
    command
        .args(args)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    // Waited for on a thread of its own, so that no zombie is left behind.
    std::thread::spawn(move || {
        if let Err(e) = command.status() {
            eprintln!("warning: cannot open a browser ({program}: {e})");
        }
    });
}

fn router(live: Arc<Live>, bind: IpAddr) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(WARNINGS_PATH, get(warnings))
        .fallback(serve_file)
        .with_state(live)
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(http::AllowedHosts::for_bind(bind)),
            http::check_host,
        ))
}

/// The warnings of the build served, for the page's overlay.
async fn warnings(State(live): State<Arc<Live>>) -> impl IntoResponse {
    let json = read(&live.warnings);
    (
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        json.to_string(),
    )
}

/// The Server-Sent Events stream of a page: the current build at once (and its errors if it
/// failed), then each build as it happens.
async fn events(State(live): State<Arc<Live>>) -> Response {
    let Ok(permit) = Arc::clone(&live.event_streams).try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [(header::RETRY_AFTER, "5")],
            "Too many pages are open on this server; close some and reload.\n",
        )
            .into_response();
    };
    // Subscribe before reading the state, so that no build can fall between the two.
    let receiver = live.news.subscribe();
    let mut now = vec![News::Built(live.site().generation)];
    now.extend(live.problems().map(News::Failed));
    let later = futures_util::stream::unfold(receiver, |mut receiver| async move {
        loop {
            match receiver.recv().await {
                Ok(news) => return Some((news, receiver)),
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    // The stream holds its place among the open ones until the page goes away.
    let stream = futures_util::stream::iter(now)
        .chain(later)
        .map(move |news| {
            let _held = &permit;
            Ok::<_, Infallible>(event(news))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

fn event(news: News) -> Event {
    match news {
        News::Built(generation) => Event::default().event("build").data(generation.to_string()),
        News::Failed(problems) => Event::default().event("problems").data(&*problems),
    }
}

async fn serve_file(
    State(live): State<Arc<Live>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return (
            StatusCode::METHOD_NOT_ALLOWED,
            [(header::ALLOW, "GET, HEAD")],
        )
            .into_response();
    }
    let Ok(site_path) = site::site_path(uri.path()) else {
        return (StatusCode::BAD_REQUEST, "Bad request path.\n").into_response();
    };
    let current = live.site();
    match current.lookup(&site_path) {
        Lookup::File(file) => match respond(
            &live.root,
            (file, current.generation),
            StatusCode::OK,
            &headers,
        )
        .await
        {
            Some(response) => response,
            None => not_found(&live.root, &current).await,
        },
        Lookup::AddSlash => {
            let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
            let location = format!("{}/{query}", uri.path());
            (
                StatusCode::TEMPORARY_REDIRECT,
                [(header::LOCATION, location)],
            )
                .into_response()
        }
        Lookup::NotFound => not_found(&live.root, &current).await,
    }
}

async fn not_found(root: &Path, site: &ServedSite) -> Response {
    let page = match site.not_found_page() {
        Some(page) => {
            let served = (page, site.generation);
            respond(root, served, StatusCode::NOT_FOUND, &HeaderMap::new()).await
        }
        None => None,
    };
    page.unwrap_or_else(|| (StatusCode::NOT_FOUND, "Not found.\n").into_response())
}

/// The response for one file of the build `generation`, or `None` when a copied file is
/// gone or lies outside the site's folder.
async fn respond(
    root: &Path,
    (file, generation): (&ServedFile, u64),
    status: StatusCode,
    request: &HeaderMap,
) -> Option<Response> {
    let (bytes, etag) = match &file.body {
        Body::Memory { .. } => file.sent(generation)?,
        Body::Disk(path) => {
            let bytes = read_inside(root, path).await?;
            let etag = site::etag(&bytes);
            (bytes.into(), etag)
        }
    };
    let unchanged = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| site::etag_matches(v, &etag));
    let builder = Response::builder()
        .header(header::ETAG, &etag)
        .header(header::CACHE_CONTROL, "no-cache");
    let response = if status == StatusCode::OK && unchanged {
        builder
            .status(StatusCode::NOT_MODIFIED)
            .body(HttpBody::empty())
    } else {
        builder
            .status(status)
            .header(header::CONTENT_TYPE, file.content_type)
            .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
            .body(HttpBody::from(bytes))
    };
    Some(response.expect("valid status and headers"))
}

async fn read_inside(root: &Path, path: &Path) -> Option<Vec<u8>> {
    let (root, path) = (root.to_path_buf(), path.to_path_buf());
    tokio::task::spawn_blocking(move || {
        let Some(real) = site::inside_root(&root, &path) else {
            eprintln!(
                "warning: not serving {}: it is missing or lies outside the site's folder",
                path.display()
            );
            return None;
        };
        std::fs::read(real).ok()
    })
    .await
    .ok()
    .flatten()
}

/// The server's socket. A port another program holds is told with the way out: another
/// port, or `--port 0` for any free one.
fn listen(options: &ServeOptions) -> anyhow::Result<std::net::TcpListener> {
    std::net::TcpListener::bind((options.bind, options.port)).map_err(|e| {
        let cannot = format!("cannot listen on {}:{}: {e}", options.bind, options.port);
        if e.kind() != std::io::ErrorKind::AddrInUse {
            return anyhow::anyhow!(cannot);
        }
        anyhow::anyhow!(
            "{cannot}\n  help: another program (perhaps another `annals serve`) uses port {}; \
             choose another, or let the system pick a free one: annals serve --root {} --port 0",
            options.port,
            options.root.display()
        )
    })
}

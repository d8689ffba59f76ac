//! Checks a built site: every internal link and every `#fragment` must resolve to a file of
//! the site and an id on that page. The test suite and `annals check --links` both use it.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use scraper::{Html, Selector};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLink {
    /// The page holding the link, relative to the site folder.
    pub page: String,
    pub href: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct LinkReport {
    pub pages: usize,
    pub links: usize,
    pub broken: Vec<BrokenLink>,
    /// The base path the site seems to have been built for, when most broken links begin
    /// with one folder and lead to files of the site without it (`/sub/`).
    pub built_for: Option<String>,
}

/// What one HTML page holds that matters for links.
#[derive(Debug, Default)]
pub struct PageLinks {
    pub ids: HashSet<String>,
    pub hrefs: Vec<String>,
}

/// Reads every page of the built site in `dir`. `prefix` is the path the site is served
/// under (`/` or `/annals/`): root-relative links must start with it.
pub fn check_site(dir: &Path, prefix: &str) -> std::io::Result<LinkReport> {
    check_site_at(dir, prefix, "")
}

/// As [`check_site`], for a site whose origin is known (`https://example.org`, or ""):
/// absolute links to that origin (its canonical links, `og:url`) are checked as the site's own.
pub fn check_site_at(dir: &Path, prefix: &str, origin: &str) -> std::io::Result<LinkReport> {
    let files = site_files(dir)?;
    let pages: HashMap<String, PageLinks> = files
        .par_iter()
        .filter(|path| path.ends_with(".html"))
        .map(|path| {
            let html = std::fs::read_to_string(dir.join(path))?;
            Ok((path.clone(), page_links_at(&html, origin)))
        })
        .collect::<std::io::Result<_>>()?;
    let files: HashSet<String> = files.into_iter().collect();
    let mut report = LinkReport {
        pages: pages.len(),
        ..Default::default()
    };
    let mut names: Vec<&String> = pages.keys().collect();
    names.sort();
    for page in names {
        for href in &pages[page].hrefs {
            report.links += 1;
            if let Err(reason) = resolve(page, href, prefix, &files, &pages) {
                report.broken.push(BrokenLink {
                    page: page.clone(),
                    href: href.clone(),
                    reason,
                });
            }
        }
    }
    report.built_for = built_for(&report.broken, prefix, &files);
    Ok(report)
}

/// The base path a site checked under `prefix` seems to have been built for: the folder
/// that most of its broken root-relative links begin with (at least three, and half of
/// them), each leading to a file of the site once that folder is left out.
fn built_for(broken: &[BrokenLink], prefix: &str, files: &HashSet<String>) -> Option<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for link in broken {
        let path = link.href.split(['#', '?']).next().unwrap_or("");
        let Some((folder, inside)) = path
            .strip_prefix(prefix)
            .and_then(|rest| rest.split_once('/'))
        else {
            continue;
        };
        if !folder.is_empty() && target_file(&decode(inside), files).is_some() {
            *counts.entry(folder).or_default() += 1;
        }
    }
    let (folder, count) = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))?;
    (count >= 3 && count * 2 >= broken.len()).then(|| format!("{prefix}{folder}/"))
}

/// The ids and the internal link targets of one page.
pub fn page_links(html: &str) -> PageLinks {
    page_links_at(html, "")
}

/// The ids and the internal link targets of one page of a site at `origin` (or ""), whose
/// absolute links to that origin are internal ones, written in full.
fn page_links_at(html: &str, origin: &str) -> PageLinks {
    let document = Html::parse_document(html);
    let with_id = Selector::parse("[id]").expect("valid selector");
    let linking = Selector::parse(
        "a[href], link[href], area[href], img[src], script[src], source[src], form[action]",
    )
    .expect("valid selector");
    let ids = document
        .select(&with_id)
        .filter_map(|e| e.value().attr("id"))
        .map(str::to_string)
        .collect();
    let hrefs = document
        .select(&linking)
        .filter_map(|e| {
            let element = e.value();
            element
                .attr("href")
                .or_else(|| element.attr("src"))
                .or_else(|| element.attr("action"))
        })
        .map(|href| on_own_origin(href.trim(), origin).unwrap_or(href))
        .filter(|href| is_internal(href))
        .map(str::to_string)
        .collect();
    PageLinks { ids, hrefs }
}

/// The root-relative path of an absolute link (`https://example.org/sub/x/`) or a
/// protocol-relative one (`//example.org/sub/x/`) to the site's own origin; scheme and host
/// are compared without case.
fn on_own_origin<'h>(href: &'h str, origin: &str) -> Option<&'h str> {
    let (_, host) = origin.split_once("://")?;
    let rest = strip_prefix_ignoring_case(href, origin)
        .or_else(|| strip_prefix_ignoring_case(href.strip_prefix("//")?, host))?;
    match rest {
        "" => Some("/"),
        path if path.starts_with('/') => Some(path),
        // `https://example.org.other/`: another host.
        _ => None,
    }
}

fn strip_prefix_ignoring_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn is_internal(href: &str) -> bool {
    let href = href.trim();
    if href.starts_with("//") {
        return false;
    }
    // A scheme (`https:`, `mailto:`, `data:`) before any `/`, `?` or `#` makes a link external.
    match href.find([':', '/', '?', '#']) {
        Some(i) => href.as_bytes()[i] != b':',
        None => true,
    }
}

fn site_files(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(std::io::Error::other)?;
        if entry.file_type().is_file() {
            let relative: PathBuf = entry
                .path()
                .strip_prefix(dir)
                .unwrap_or(entry.path())
                .to_path_buf();
            let parts: Vec<_> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push(parts.join("/"));
        }
    }
    Ok(files)
}

/// Follows one link from `page`: the target file must exist, and its fragment must be an id
/// of the target page.
fn resolve(
    page: &str,
    href: &str,
    prefix: &str,
    files: &HashSet<String>,
    pages: &HashMap<String, PageLinks>,
) -> Result<(), String> {
    let without_query = |s: &str| s.split('?').next().unwrap_or("").to_string();
    let (path_part, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (without_query(path), Some(fragment)),
        None => (without_query(href), None),
    };
    let path = decode(&path_part);
    let target = if path.is_empty() {
        page.to_string()
    } else if let Some(rooted) = path.strip_prefix('/') {
        // `/sub/documents/../../x/` leaves the base path as surely as `/x/` does.
        let Some(inside) = format!("/{rooted}")
            .strip_prefix(prefix)
            .and_then(normalise)
        else {
            return Err(format!("points outside the site's base path {prefix}"));
        };
        target_file(&inside, files).ok_or_else(|| format!("no file /{inside} in the site"))?
    } else {
        let base = page.rsplit_once('/').map_or("", |(dir, _)| dir);
        let joined = normalise(&format!("{base}/{path}")).ok_or("climbs above the site's root")?;
        target_file(&joined, files).ok_or_else(|| format!("no file {joined} in the site"))?
    };
    let Some(fragment) = fragment.filter(|f| !f.is_empty()) else {
        return Ok(());
    };
    let fragment = decode(fragment);
    match pages.get(&target) {
        Some(links) if links.ids.contains(&fragment) => Ok(()),
        Some(_) => Err(format!("{target} has no id \"{fragment}\"")),
        None => Err(format!(
            "{target} is not an HTML page, so #{fragment} cannot resolve"
        )),
    }
}

/// The file a site path is served from: `a/` and `a` are `a/index.html`.
fn target_file(path: &str, files: &HashSet<String>) -> Option<String> {
    let path = path.trim_start_matches('/');
    let candidates = if path.is_empty() || path.ends_with('/') {
        vec![format!("{path}index.html")]
    } else {
        vec![path.to_string(), format!("{path}/index.html")]
    };
    candidates.into_iter().find(|c| files.contains(c))
}

fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let trailing = if path.ends_with('/') && !parts.is_empty() {
        "/"
    } else {
        ""
    };
    Some(format!("{}{trailing}", parts.join("/")))
}

fn decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> (HashSet<String>, HashMap<String, PageLinks>) {
        let files = pages.iter().map(|(p, _)| p.to_string()).collect();
        let links = pages
            .iter()
            .map(|(p, html)| (p.to_string(), page_links(html)))
            .collect();
        (files, links)
    }

    #[test]
    fn resolves_paths_and_fragments() {
        let (files, pages) = site(&[
            ("index.html", "<a href='/a/#p-1'>x</a>"),
            ("a/index.html", "<p id='p-1'>x</p><a href='../#'>home</a>"),
            ("style.css", ""),
        ]);
        assert_eq!(
            resolve("index.html", "/a/#p-1", "/", &files, &pages),
            Ok(())
        );
        assert_eq!(resolve("a/index.html", "../", "/", &files, &pages), Ok(()));
        assert_eq!(resolve("a/index.html", "#p-1", "/", &files, &pages), Ok(()));
        assert_eq!(
            resolve("index.html", "/style.css", "/", &files, &pages),
            Ok(())
        );
        assert_eq!(resolve("index.html", "/a", "/", &files, &pages), Ok(()));
        assert!(resolve("index.html", "/a/#p-2", "/", &files, &pages).is_err());
        assert!(resolve("index.html", "/b/", "/", &files, &pages).is_err());
        assert!(resolve("index.html", "../../x", "/", &files, &pages).is_err());
    }

    #[test]
    fn honours_the_base_path() {
        let (files, pages) = site(&[("index.html", ""), ("a/index.html", "<h2 id='x'></h2>")]);
        assert_eq!(
            resolve("index.html", "/annals/a/#x", "/annals/", &files, &pages),
            Ok(())
        );
        assert!(resolve("index.html", "/a/#x", "/annals/", &files, &pages).is_err());
    }

    #[test]
    fn links_to_the_sites_own_origin_and_form_actions_are_checked() {
        let links = page_links_at(
            "<link rel='canonical' href='HTTPS://Example.org/sub/a/'><a href='//example.org/sub/b/'>b</a>\
             <a href='https://example.org.evil/x'>c</a><a href='https://example.org'>d</a>\
             <form action='/search/'></form>",
            "https://example.org",
        );
        assert_eq!(links.hrefs, ["/sub/a/", "/sub/b/", "/", "/search/"]);
        let (files, pages) = site(&[("index.html", ""), ("a/index.html", "")]);
        assert_eq!(
            resolve("index.html", "/sub/a/", "/sub/", &files, &pages),
            Ok(())
        );
        assert!(resolve("index.html", "/sub/b/", "/sub/", &files, &pages).is_err());
        let outside = resolve("index.html", "/search/", "/sub/", &files, &pages);
        assert!(
            outside
                .unwrap_err()
                .contains("outside the site's base path")
        );
        let climbing = resolve("a/index.html", "/sub/a/../../x/", "/sub/", &files, &pages);
        assert!(
            climbing
                .unwrap_err()
                .contains("outside the site's base path")
        );
    }

    #[test]
    fn decodes_fragments_and_skips_external_links() {
        let links = page_links(
            "<a href='https://x.org/'>a</a><a href='mailto:a@b'>b</a><a href='#%D0%B0'>c</a><b id='а'></b>",
        );
        assert_eq!(links.hrefs, vec!["#%D0%B0"]);
        let (files, mut pages) = site(&[("index.html", "")]);
        pages.insert("index.html".into(), links);
        assert_eq!(
            resolve("index.html", "#%D0%B0", "/", &files, &pages),
            Ok(())
        );
    }
}

//! What a static host and its visitors' tools expect beside the pages: `sitemap.xml` (every
//! page), `robots.txt` (pointing at the sitemap) and an Atom feed of the documents. Each is
//! a built-in template (`templates/sitemap.xml`, `robots.txt`, `atom.xml`) that a site may
//! override; this module gives each its values.
//!
//! Everything here depends only on the content and the base URL, never on the clock, so two
//! builds of the same content give the same bytes.

use serde::Serialize;
use tera::Context;

use crate::config::{BaseUrl, Config};
use crate::content::{Content, Page};
use crate::date::{HistoricalDate, Qualifier};
use crate::write::OutputFile;

pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";
pub const FEED_FILE: &str = "atom.xml";

/// The `updated` of a feed none of whose documents has a date: fixed, so builds stay
/// reproducible.
const UNDATED: &str = "1970-01-01T00:00:00Z";

/// The Atom feed's values: texts as they are (the template escapes them), without the
/// control characters XML 1.0 forbids.
#[derive(Debug, Serialize)]
struct FeedView {
    language: String,
    title: String,
    subtitle: String,
    url: String,
    home: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

#[derive(Debug, Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    authors: Vec<String>,
    summary: Option<String>,
}

/// The sitemap, robots.txt and the feed of the site, each as the name of its template (and
/// of its file) with the values it is given. `site` is every file rendered so far.
pub fn files(
    config: &Config,
    base: &BaseUrl,
    content: &Content,
    site: &[OutputFile],
) -> Vec<(&'static str, Context)> {
    let mut sitemap = Context::new();
    sitemap.insert("urls", &sitemap_urls(base, site));
    let mut robots = Context::new();
    robots.insert("sitemap", &robots_sitemap(base));
    let mut feed = Context::new();
    feed.insert("feed", &feed_view(config, base, content));
    vec![
        (SITEMAP_FILE, sitemap),
        (ROBOTS_FILE, robots),
        (FEED_FILE, feed),
    ]
}

/// Every page of the site (not the 404 and search pages), by its address. The sitemap
/// protocol wants absolute URLs: they are, when `base_url` names a host.
fn sitemap_urls(base: &BaseUrl, site: &[OutputFile]) -> Vec<String> {
    let mut paths: Vec<&str> = site
        .iter()
        .filter_map(|f| f.path.strip_suffix("index.html"))
        .filter(|p| *p != "search/")
        .collect();
    paths.sort_unstable();
    paths.dedup();
    paths
        .into_iter()
        .map(|path| {
            // The protocol wants URLs, not IRIs: a Cyrillic slug goes as its UTF-8 bytes,
            // escaped.
            percent_encoding::utf8_percent_encode(&base.permalink(path), percent_encoding::CONTROLS)
                .to_string()
        })
        .collect()
}

/// robots.txt names the sitemap only by a full address, as its format requires: with a
/// `base_url` of a path alone the line would be wrong, so it is left out.
fn robots_sitemap(base: &BaseUrl) -> Option<String> {
    (!base.origin().is_empty()).then(|| base.permalink(SITEMAP_FILE))
}

/// An Atom feed of the documents (collections count as one document), in the order the
/// site lists them. `updated` is the document's own `date`; a document without one takes
/// the newest.
fn feed_view(config: &Config, base: &BaseUrl, content: &Content) -> FeedView {
    let documents: Vec<&Page> = content
        .documents()
        .into_iter()
        .map(|i| &content.pages[i])
        .collect();
    let newest = documents
        .iter()
        .filter_map(|page| page.date.as_ref().and_then(atom_date))
        .max()
        .unwrap_or_else(|| UNDATED.to_string());
    let home = base.permalink("");
    let author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    let entries = documents
        .into_iter()
        .map(|page| FeedEntry {
            title: xml_text(&page.title),
            url: xml_text(&base.permalink(&page.site_path)),
            updated: page
                .date
                .as_ref()
                .and_then(atom_date)
                .unwrap_or_else(|| newest.clone()),
            authors: page.front.authors.iter().map(|a| xml_text(a)).collect(),
            summary: page.front.summary.as_deref().map(xml_text),
        })
        .collect();
    FeedView {
        language: xml_text(&config.language),
        title: xml_text(&config.title),
        subtitle: xml_text(&config.description),
        url: xml_text(&base.permalink(FEED_FILE)),
        home: xml_text(&home),
        updated: newest,
        author: xml_text(author),
        entries,
    }
}

/// A document's date (`1984`, `1923-02`, `1923-02-15`, a range) as an Atom date-time at
/// midnight UTC of its first day; `None` for a date only approximate or uncertain ("1930~"),
/// or one a feed cannot write (before year 1, after 9999).
fn atom_date(date: &HistoricalDate) -> Option<String> {
    if date.qualifier != Qualifier::Exact {
        return None;
    }
    let start = date.start.filter(|p| (1..=9999).contains(&p.year))?;
    Some(format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        start.year,
        start.month.unwrap_or(1),
        start.day.unwrap_or(1)
    ))
}

/// Text without the characters XML 1.0 forbids (OCR'd sources carry control characters,
/// and U+FFFE or U+FFFF make a feed no XML at all); the template escapes the rest.
fn xml_text(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r' | ' '..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::PageKind;
    use std::path::PathBuf;

    fn document(file: &str, title: &str, date: Option<&str>) -> Page {
        let mut page = Page::generated(
            PageKind::Document,
            &format!("documents/{file}/"),
            PathBuf::from(format!("content/documents/{file}.md")),
            title.to_string(),
        );
        page.front.date = date.map(str::to_string);
        page.date = date.and_then(|d| HistoricalDate::parse(d).ok());
        page.front.authors = vec!["A. & B. <Author>".into()];
        page.front.summary = Some("Notes \u{c} on \"bread\" & peace".into());
        page
    }

    fn site() -> Content {
        let home = Page::generated(PageKind::Home, "", "content/_index.md".into(), "H".into());
        Content {
            pages: vec![
                home,
                document("a", "First <one>", Some("1921-08")),
                document("b", "Second", None),
            ],
            assets: Vec::new(),
        }
    }

    /// The three files, each rendered by its built-in template.
    fn rendered(base: &BaseUrl, content: &Content, site: &[OutputFile]) -> Vec<String> {
        let config = Config {
            title: "Letters & Papers".into(),
            ..Config::default()
        };
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.add_raw_templates([
            (SITEMAP_FILE, include_str!("../templates/sitemap.xml")),
            (ROBOTS_FILE, include_str!("../templates/robots.txt")),
            (FEED_FILE, include_str!("../templates/atom.xml")),
        ])
        .unwrap();
        files(&config, base, content, site)
            .into_iter()
            .map(|(name, context)| tera.render(name, &context).unwrap())
            .collect()
    }

    fn feed(base: &BaseUrl, content: &Content) -> String {
        rendered(base, content, &[]).remove(2)
    }

    fn sitemap(base: &BaseUrl, site: &[OutputFile]) -> String {
        rendered(base, &Content::default(), site).remove(0)
    }

    fn robots(base: &BaseUrl) -> String {
        rendered(base, &Content::default(), &[]).remove(1)
    }

    /// A front matter's date as the content stage reads it, then as the feed gives it.
    fn atom(date: &str) -> Option<String> {
        HistoricalDate::parse(crate::content::without_time(date))
            .ok()
            .as_ref()
            .and_then(atom_date)
    }

    #[test]
    fn reads_dates_of_every_precision() {
        assert_eq!(atom("1984").unwrap(), "1984-01-01T00:00:00Z");
        assert_eq!(atom("1923-02").unwrap(), "1923-02-01T00:00:00Z");
        assert_eq!(atom("1923-02-15").unwrap(), "1923-02-15T00:00:00Z");
        assert_eq!(
            atom("1984-03-01T10:00:00Z").unwrap(),
            "1984-03-01T00:00:00Z"
        );
        assert_eq!(atom("1921/1923").unwrap(), "1921-01-01T00:00:00Z");
        assert_eq!(atom("1930~"), None);
        assert_eq!(atom("c. 1921"), None);
        assert_eq!(atom("1921-8"), None);
        assert_eq!(atom("1923-02-30"), None);
        assert_eq!(atom("1921-13"), None);
    }

    #[test]
    fn the_feed_has_absolute_links_escaped_text_and_the_documents_dates() {
        let content = site();
        let base = BaseUrl::parse("https://example.org/annals/").unwrap();
        let xml = feed(&base, &content);
        assert!(xml.contains("<title>Letters &amp; Papers</title>"), "{xml}");
        assert!(xml.contains("<title>First &lt;one&gt;</title>"), "{xml}");
        assert!(
            xml.contains("<name>A. &amp; B. &lt;Author&gt;</name>"),
            "{xml}"
        );
        assert!(xml.contains("<summary>Notes  on &quot;bread&quot; &amp; peace</summary>"));
        assert!(xml.contains("<id>https://example.org/annals/documents/a/</id>"));
        assert!(xml.contains("href=\"https://example.org/annals/atom.xml\""));
        // The feed and the undated document take the newest date.
        assert_eq!(
            xml.matches("<updated>1921-08-01T00:00:00Z</updated>")
                .count(),
            3
        );
        assert_eq!(xml.matches("<entry>").count(), 2);
        assert_eq!(xml, feed(&base, &content), "reproducible");
    }

    #[test]
    fn the_sitemap_lists_every_page_and_robots_points_at_it() {
        let pages: Vec<OutputFile> = [
            "index.html",
            "documents/a/index.html",
            "documents/b/index.html",
            "search/index.html",
            "404.html",
            "style.css",
        ]
        .iter()
        .map(|p| OutputFile::bytes(*p, ""))
        .collect();
        let base = BaseUrl::parse("https://example.org/").unwrap();
        let xml = sitemap(&base, &pages);
        assert_eq!(
            xml.matches("<loc>").count(),
            3,
            "not the search and 404 pages:\n{xml}"
        );
        assert!(xml.contains("<loc>https://example.org/documents/b/</loc>"));
        assert_eq!(
            robots(&base),
            "User-agent: *\nDisallow:\n\nSitemap: https://example.org/sitemap.xml\n"
        );
        let local = BaseUrl::parse("/").unwrap();
        assert!(!robots(&local).contains("\nSitemap:"), "{}", robots(&local));
        assert!(sitemap(&local, &pages).contains("<loc>/documents/a/</loc>"));
        let cyrillic = [OutputFile::bytes("documents/кн/index.html", "")];
        assert!(sitemap(&local, &cyrillic).contains("<loc>/documents/%D0%BA%D0%BD/</loc>"));
    }
}

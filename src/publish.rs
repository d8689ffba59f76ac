//! What a static host and its visitors' tools expect beside the pages: `sitemap.xml` (every
//! page), `robots.txt` (pointing at the sitemap) and an Atom feed of the documents.
//!
//! Everything here depends only on the content and the base URL, never on the clock, so two
//! builds of the same content give the same bytes.

use crate::config::{BaseUrl, Config};
use crate::content::{Content, Page, without_time};
use crate::date::HistoricalDate;
use crate::text::escape_html;
use crate::write::OutputFile;

pub const SITEMAP_FILE: &str = "sitemap.xml";
pub const ROBOTS_FILE: &str = "robots.txt";
pub const FEED_FILE: &str = "atom.xml";

/// The `updated` of a feed none of whose documents has a date: fixed, so builds stay
/// reproducible.
const UNDATED: &str = "1970-01-01T00:00:00Z";

/// The sitemap, robots.txt and the feed of the site.
pub fn files(
    config: &Config,
    base: &BaseUrl,
    content: &Content,
    site: &[OutputFile],
) -> Vec<OutputFile> {
    vec![
        OutputFile::bytes(SITEMAP_FILE, sitemap(base, site)),
        OutputFile::bytes(ROBOTS_FILE, robots(base)),
        OutputFile::bytes(FEED_FILE, feed(config, base, content)),
    ]
}

/// Every page of the site (not the 404 and search pages), by its address. The sitemap
/// protocol wants absolute URLs: they are, when `base_url` names a host.
fn sitemap(base: &BaseUrl, site: &[OutputFile]) -> String {
    let mut paths: Vec<&str> = site
        .iter()
        .filter_map(|f| f.path.strip_suffix("index.html"))
        .filter(|p| *p != "search/")
        .collect();
    paths.sort_unstable();
    paths.dedup();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in paths {
        // The protocol wants URLs, not IRIs: a Cyrillic slug goes as its UTF-8 bytes, escaped.
        let url = percent_encoding::utf8_percent_encode(
            &base.permalink(path),
            percent_encoding::CONTROLS,
        )
        .to_string();
        xml.push_str(&format!("  <url><loc>{}</loc></url>\n", xml_text(&url)));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// robots.txt names the sitemap only by a full address, as its format requires: with a
/// `base_url` of a path alone the line would be wrong, so it is left out.
fn robots(base: &BaseUrl) -> String {
    let rules = "User-agent: *\nDisallow:\n";
    if base.origin().is_empty() {
        return format!(
            "{rules}\n# Sitemap: set base_url in site.toml to the site's full address \
             (https://…) to name the sitemap here.\n"
        );
    }
    format!("{rules}\nSitemap: {}\n", base.permalink(SITEMAP_FILE))
}

/// An Atom feed of the documents (collections count as one document), in the order the
/// site lists them. `updated` is the document's own `date`.
fn feed(config: &Config, base: &BaseUrl, content: &Content) -> String {
    let documents: Vec<&Page> = content
        .documents()
        .into_iter()
        .map(|i| &content.pages[i])
        .collect();
    let newest = documents
        .iter()
        .filter_map(|page| page.front.date.as_deref().and_then(atom_date))
        .max()
        .unwrap_or_else(|| UNDATED.to_string());
    let home = base.permalink("");
    let feed_author = if config.author.is_empty() {
        &config.title
    } else {
        &config.author
    };
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml_text(&config.language)
    );
    xml.push_str(&format!("  <title>{}</title>\n", xml_text(&config.title)));
    if !config.description.is_empty() {
        xml.push_str(&format!(
            "  <subtitle>{}</subtitle>\n",
            xml_text(&config.description)
        ));
    }
    xml.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml_text(&base.permalink(FEED_FILE))
    ));
    xml.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml_text(&home)
    ));
    xml.push_str(&format!("  <id>{}</id>\n", xml_text(&home)));
    xml.push_str(&format!("  <updated>{newest}</updated>\n"));
    xml.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml_text(feed_author)
    ));
    xml.push_str("  <generator>annals</generator>\n");
    for page in documents {
        xml.push_str(&entry(page, base, &newest));
    }
    xml.push_str("</feed>\n");
    xml
}

/// One document of the feed. A document without a date takes the feed's.
fn entry(page: &Page, base: &BaseUrl, feed_updated: &str) -> String {
    let url = xml_text(&base.permalink(&page.site_path));
    let updated = page
        .front
        .date
        .as_deref()
        .and_then(atom_date)
        .unwrap_or_else(|| feed_updated.to_string());
    let mut xml = String::from("  <entry>\n");
    xml.push_str(&format!("    <title>{}</title>\n", xml_text(&page.title)));
    xml.push_str(&format!(
        "    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"
    ));
    xml.push_str(&format!("    <id>{url}</id>\n"));
    xml.push_str(&format!("    <updated>{updated}</updated>\n"));
    for author in &page.front.authors {
        xml.push_str(&format!(
            "    <author><name>{}</name></author>\n",
            xml_text(author)
        ));
    }
    if let Some(summary) = &page.front.summary {
        xml.push_str(&format!("    <summary>{}</summary>\n", xml_text(summary)));
    }
    xml.push_str("  </entry>\n");
    xml
}

/// A front-matter date (`1984`, `1923-02`, `1923-02-15`, a TOML date-time) as an Atom
/// date-time at midnight UTC of its first day; `None` when it does not start with a year.
fn atom_date(date: &str) -> Option<String> {
    let date = date.trim();
    // Only a date that is one (not 1923-02-30) is given to feed readers.
    HistoricalDate::parse(without_time(date)).ok()?;
    let mut parts = date.get(..10.min(date.len()))?.split('-');
    let year = parts.next().filter(|y| is_number(y, 4))?;
    let mut month_day = ["01", "01"];
    for (slot, part) in month_day.iter_mut().zip(parts) {
        let part = part.get(..2).filter(|p| is_number(p, 2))?;
        *slot = part;
    }
    let [month, day] = month_day;
    Some(format!("{year}-{month}-{day}T00:00:00Z"))
}

fn is_number(text: &str, digits: usize) -> bool {
    text.len() == digits && text.bytes().all(|b| b.is_ascii_digit())
}

/// Text escaped for XML, without the control characters XML 1.0 forbids (OCR'd sources
/// carry some).
fn xml_text(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| c >= ' ' || matches!(c, '\t' | '\n' | '\r'))
        .collect();
    escape_html(&allowed)
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
        page.front.authors = vec!["A. & B. <Author>".into()];
        page.front.summary = Some("Notes \u{c} on \"bread\" & peace".into());
        page
    }

    fn site() -> (Config, Content) {
        let config = Config {
            title: "Letters & Papers".into(),
            ..Config::default()
        };
        let home = Page::generated(PageKind::Home, "", "content/_index.md".into(), "H".into());
        let content = Content {
            pages: vec![
                home,
                document("a", "First <one>", Some("1921-08")),
                document("b", "Second", None),
            ],
            assets: Vec::new(),
        };
        (config, content)
    }

    #[test]
    fn reads_dates_of_every_precision() {
        assert_eq!(atom_date("1984").unwrap(), "1984-01-01T00:00:00Z");
        assert_eq!(atom_date("1923-02").unwrap(), "1923-02-01T00:00:00Z");
        assert_eq!(atom_date("1923-02-15").unwrap(), "1923-02-15T00:00:00Z");
        assert_eq!(
            atom_date("1984-03-01T10:00:00Z").unwrap(),
            "1984-03-01T00:00:00Z"
        );
        assert_eq!(atom_date("c. 1921"), None);
        assert_eq!(atom_date("1921-8"), None);
        assert_eq!(atom_date("1923-02-30"), None);
        assert_eq!(atom_date("1921-13"), None);
    }

    #[test]
    fn the_feed_has_absolute_links_escaped_text_and_the_documents_dates() {
        let (config, content) = site();
        let base = BaseUrl::parse("https://example.org/annals/").unwrap();
        let xml = feed(&config, &base, &content);
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
        assert_eq!(xml, feed(&config, &base, &content), "reproducible");
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

//! Links: `doc:PATH#ID` to a document of the collection, and root-relative links given the
//! site's base path.

use pulldown_cmark::{CowStr, Event, Tag};

/// The scheme of a link to a document of the collection by its path under `documents/`.
pub(super) const DOCUMENT_SCHEME: &str = "doc:";

/// A link written `[text](doc:PATH#ID)`: to the document at `documents/PATH/`, and to the
/// paragraph, heading or note of id `ID` on it when one is named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub document: String,
    /// Empty when the link names no place on the page.
    pub fragment: String,
    /// The line of the page's file the link is on.
    pub line: usize,
    /// Its column there, where it is known.
    pub column: Option<usize>,
}

impl DocumentLink {
    /// The link a tag holds, when it is a `doc:` link; `at` gives its line and column (read
    /// only for such a link).
    pub(super) fn of(
        tag: &Tag,
        at: impl FnOnce() -> (usize, Option<usize>),
    ) -> Option<DocumentLink> {
        let (Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = tag else {
            return None;
        };
        let (document, fragment) = document_target(dest_url.strip_prefix(DOCUMENT_SCHEME)?);
        let (line, column) = at();
        Some(DocumentLink {
            document: document.to_string(),
            fragment: fragment.to_string(),
            line,
            column,
        })
    }

    /// The document's path in the site: `documents/PATH/`.
    pub fn site_path(&self) -> String {
        format!("documents/{}/", self.document)
    }
}

/// What follows `doc:`, as the document's path under `documents/` and the id after `#`.
pub(super) fn document_target(rest: &str) -> (&str, &str) {
    let (path, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    (path.trim_matches('/'), fragment)
}

/// The schemes a page may link to, besides addresses within the site: the web's and mail's,
/// and annals' own, which the build resolves (`doc:`, `none:`, the registry's kinds; a test
/// of `entity::kind` holds these to the kinds). Any other (`javascript:`, `data:`, `file:`)
/// could run script in the reader's browser or lead off the web.
pub const LINKABLE_SCHEMES: &[&str] = &[
    "http", "https", "mailto", "doc", "none", "person", "event", "group", "place", "term",
];

/// The scheme of `url` as a browser reads it, lowercased: tabs and line breaks dropped,
/// leading spaces and control characters skipped (`" java\tscript:"` is `javascript`).
/// `None` for a relative address.
pub fn scheme(url: &str) -> Option<String> {
    let read: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take_while(|&c| c != ':')
        .collect();
    let rest = url.contains(':');
    let mut chars = read.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (rest && valid).then(|| read.to_ascii_lowercase())
}

/// Whether a page may hold a link to `url`: a relative address, or one of
/// [`LINKABLE_SCHEMES`].
pub fn is_linkable(url: &str) -> bool {
    scheme(url).is_none_or(|s| LINKABLE_SCHEMES.contains(&s.as_str()))
}

/// Whether `url`, given in front matter, may be a page's link: relative, or on the web or
/// mail (annals' own links are written in the text, where they are resolved).
pub fn is_web_address(url: &str) -> bool {
    scheme(url).is_none_or(|s| ["http", "https", "mailto"].contains(&s.as_str()))
}

/// The address of a link or image that a page may not hold.
pub(super) fn refused_address<'t>(tag: &'t Tag) -> Option<&'t str> {
    match tag {
        Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } if !is_linkable(dest_url) => {
            Some(dest_url)
        }
        _ => None,
    }
}

/// The events with each link or image whose address is refused made harmless: a link
/// without an address (`<a>`, its text kept), an image without a source. Done last, after
/// annals' own links were resolved.
pub(super) fn without_refused_addresses(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(tag) if refused_address(tag).is_some()))
    {
        return events;
    }
    events
        .into_iter()
        .map(|event| match event {
            Event::Start(tag) if refused_address(&tag).is_some() => match tag {
                Tag::Image {
                    link_type,
                    title,
                    id,
                    ..
                } => Event::Start(Tag::Image {
                    link_type,
                    dest_url: "".into(),
                    title,
                    id,
                }),
                _ => Event::InlineHtml("<a>".into()),
            },
            other => other,
        })
        .collect()
}

/// The warning for a link whose address a page may not hold.
pub fn refused_link_problem(url: &str) -> (String, &'static str) {
    (
        format!("the link `{url}` is not written: a page may not link to that scheme"),
        "link to http:, https: or mailto: addresses, to addresses within the site, or with annals' own links (doc:, person: …); the text stays, without its link",
    )
}

/// A link or an image whose target is root-relative gets the site's path prefix.
pub(super) fn rebase_tag<'a>(tag: Tag<'a>, prefix: &str) -> Tag<'a> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Link {
            link_type,
            dest_url: rebase(dest_url, prefix),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => Tag::Image {
            link_type,
            dest_url: rebase(dest_url, prefix),
            title,
            id,
        },
        other => other,
    }
}

/// Root-relative links in the Markdown (`/documents/x/`) get the site's path prefix, and a
/// link to a document of the collection (`doc:avrich-1984#p-3`) becomes its page's path,
/// whether or not the site has a registry.
pub(super) fn rebase<'a>(url: CowStr<'a>, prefix: &str) -> CowStr<'a> {
    if let Some(rest) = url.strip_prefix(DOCUMENT_SCHEME) {
        let (path, fragment) = document_target(rest);
        let hash = if fragment.is_empty() { "" } else { "#" };
        return format!("{prefix}documents/{path}/{hash}{fragment}").into();
    }
    if url.starts_with('/') && !url.starts_with("//") && prefix != "/" {
        format!("{}{}", prefix, &url[1..]).into()
    } else {
        url
    }
}

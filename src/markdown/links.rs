//! Links: `doc:PATH#ID` to a document of the collection, and root-relative links given the
//! site's base path.

use pulldown_cmark::{CowStr, Tag};

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
    /// Its column there, where it is known (not in a note, whose events have no places).
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

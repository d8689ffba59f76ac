//! Page breaks of the printed source: `[p. 45]` where page 45 begins (`[f. 12v]` for a
//! folio), written by `annals import` from the sources that mark them (TEI's `<pb n>`, a
//! text's `--- 45 ---` lines). Each becomes a marker in the margin with an address
//! (`#page-45`), so that a citation of "p. 45" can lead to it; the words a reader reads
//! (and search) do not include it.

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::Event;
use regex::Regex;
use serde::Serialize;

use super::BodyState;

/// One page of the source, where it begins on the page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageMarker {
    /// As the source numbers it: `45`, `xiv`, `12v`.
    pub label: String,
    /// Its id on the page: `page-45`.
    pub id: String,
}

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?P<kind>p\.|page|f\.|fol\.)\s*(?P<label>[0-9]{1,5}[a-z]?|[ivxlcdm]{1,8})\]")
        .expect("valid pattern")
});

/// The label of a block that is a page marker and nothing else.
pub(super) fn whole_marker(text: &str) -> Option<&str> {
    let text = text.trim();
    let found = MARKER.captures(text)?;
    (found.get(0)?.as_str().len() == text.len())
        .then(|| found.name("label").map_or("", |m| m.as_str()))
}

impl BodyState<'_, '_> {
    /// The block's text with its page markers made HTML.
    pub(super) fn page_markers<'a>(
        &mut self,
        events: Vec<(Event<'a>, Range<usize>)>,
    ) -> Vec<(Event<'a>, Range<usize>)> {
        if !events
            .iter()
            .any(|(e, _)| matches!(e, Event::Text(t) if MARKER.is_match(t)))
        {
            return events;
        }
        let mut out = Vec::with_capacity(events.len() + 2);
        for (event, range) in events {
            let Event::Text(text) = &event else {
                out.push((event, range));
                continue;
            };
            let mut copied = 0;
            for found in MARKER.captures_iter(text) {
                let whole = found.get(0).expect("a match");
                if whole.start() > copied {
                    out.push((
                        Event::Text(text[copied..whole.start()].to_string().into()),
                        range.clone(),
                    ));
                }
                let html = self.page_marker(&found["label"], false);
                out.push((Event::InlineHtml(html.into()), range.clone()));
                copied = whole.end();
            }
            if copied == 0 {
                out.push((event, range));
            } else if copied < text.len() {
                out.push((Event::Text(text[copied..].to_string().into()), range));
            }
        }
        out
    }

    /// The HTML of the marker of a page, kept among the page's markers; `block` when it
    /// stands between paragraphs rather than inside one.
    pub(super) fn page_marker(&mut self, label: &str, block: bool) -> String {
        let mut id = format!("page-{label}");
        let mut n = 1;
        while self.ids.contains(&id) {
            n += 1;
            id = format!("page-{label}-{n}");
        }
        self.ids.insert(id.clone());
        self.pages.push(PageMarker {
            label: label.to_string(),
            id: id.clone(),
        });
        let link = format!(
            "<a class=\"page-marker\" id=\"{id}\" href=\"#{id}\" aria-label=\"Page {label} of the source begins here\">p.\u{a0}{label}</a>"
        );
        match block {
            true => format!("<p class=\"page-break\">{link}</p>\n"),
            false => link,
        }
    }
}

/// The marker that a citation's page ("p. 45", "pp. 45–47", "С. 45") leads to among a
/// document's: the page's own, or the page it falls on when the markers are sparser.
pub fn marker_for<'m>(markers: &'m [PageMarker], locator: &str) -> Option<&'m PageMarker> {
    static PAGE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\bpp?\.|\bС\.|\bс\.|\bpage)\s*(?P<page>[0-9]{1,5}|[ivxlcdm]{1,8}\b)")
            .expect("valid pattern")
    });
    let page = PAGE.captures(locator)?.name("page")?.as_str();
    if let Some(exact) = markers.iter().find(|m| m.label == page) {
        return Some(exact);
    }
    let wanted: u32 = page.parse().ok()?;
    let numbered = || {
        markers
            .iter()
            .filter_map(|m| Some((m.label.parse::<u32>().ok()?, m)))
    };
    let last = numbered().map(|(n, _)| n).max()?;
    (wanted <= last + 1)
        .then(|| {
            numbered()
                .filter(|(n, _)| *n <= wanted)
                .max_by_key(|(n, _)| *n)
        })
        .flatten()
        .map(|(_, m)| m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(labels: &[&str]) -> Vec<PageMarker> {
        labels
            .iter()
            .map(|l| PageMarker {
                label: l.to_string(),
                id: format!("page-{l}"),
            })
            .collect()
    }

    #[test]
    fn a_cited_page_finds_its_marker_or_the_page_it_falls_on() {
        let pages = markers(&["xiv", "1", "2", "5", "9"]);
        let found = |locator: &str| marker_for(&pages, locator).map(|m| m.label.as_str());
        assert_eq!(found("p. 2"), Some("2"));
        assert_eq!(found("pp. 6–8"), Some("5"));
        assert_eq!(found("Т. 2, С. 9"), Some("9"));
        assert_eq!(found("p. xiv"), Some("xiv"));
        assert_eq!(found("p. 10"), Some("9"));
        assert_eq!(found("p. 40"), None);
        assert_eq!(found("1923, № 4"), None);
    }

    #[test]
    fn a_block_of_a_marker_alone_is_known() {
        assert_eq!(whole_marker(" [p. 45] "), Some("45"));
        assert_eq!(whole_marker("[f. 12v]"), Some("12v"));
        assert_eq!(whole_marker("See [p. 45]."), None);
    }
}

//! What machines read from each page: schema.org JSON-LD (Article, Chapter, Book, Person,
//! Event, Organization) and Open Graph tags.

use serde::Serialize;
use serde_json::{Value, json};

use crate::content::{Page, PageKind};
use crate::date::Qualifier;
use crate::entity::{Entity, EntityKind};

/// Open Graph, and the JSON-LD as a string ready for a `<script>` element.
#[derive(Debug, Clone, Serialize)]
pub struct MachineMeta {
    pub og_type: &'static str,
    pub og_title: String,
    pub og_description: String,
    pub og_url: String,
    pub json_ld: String,
    /// The Highwire Press `citation_*` tags that reference managers (Zotero, Mendeley) and
    /// Google Scholar read from a source's page, to cite it.
    pub citation: Vec<CitationTag>,
}

/// One `<meta name="citation_…" content="…">`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct CitationTag {
    pub name: &'static str,
    pub content: String,
}

/// The citation tags of a source's page: its title, authors, date (as Highwire writes it,
/// `1923/02/15`), address, its book when it is a chapter, and its language.
/// A chapter's authors and date are its book's, where it gives none of its own.
fn citation_tags(page: &Page, permalink: &str, book: Option<&Page>) -> Vec<CitationTag> {
    if !page.kind.is_source() {
        return Vec::new();
    }
    let tag = |name, content: &str| CitationTag {
        name,
        content: content.to_string(),
    };
    let mut tags = vec![tag("citation_title", &page.title)];
    let authors = match (&page.front.authors, book) {
        (own, Some(book)) if own.is_empty() => &book.front.authors,
        (own, _) => own,
    };
    tags.extend(authors.iter().map(|a| tag("citation_author", a)));
    let date = page.date.as_ref().or(book.and_then(|b| b.date.as_ref()));
    if let Some(start) = date.and_then(|d| d.start) {
        let mut date = start.year.to_string();
        if let Some(month) = start.month {
            date.push_str(&format!("/{month:02}"));
            if let Some(day) = start.day {
                date.push_str(&format!("/{day:02}"));
            }
        }
        tags.push(tag("citation_publication_date", &date));
    }
    if let Some(book) = book {
        tags.push(tag("citation_book_title", &book.title));
    }
    if let Some(language) = &page.front.language {
        tags.push(tag("citation_language", language));
    }
    tags.push(tag("citation_public_url", permalink));
    tags
}

/// JSON to stand inside a `<script>` element. Escaping `</` is not enough: `<!--` followed by
/// `<script` puts an HTML parser in a state where `</script>` no longer ends the element, and
/// the rest of the page becomes script. With `<`, `>` and `&` written as JSON escapes, and
/// the line separators JavaScript once refused, no text of the author's reaches the parser
/// as markup; the JSON reads the same.
fn script_safe(value: &Value) -> String {
    let json = value.to_string();
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => safe.push_str("\\u003c"),
            '>' => safe.push_str("\\u003e"),
            '&' => safe.push_str("\\u0026"),
            '\u{2028}' => safe.push_str("\\u2028"),
            '\u{2029}' => safe.push_str("\\u2029"),
            c => safe.push(c),
        }
    }
    safe
}

fn people(names: &[String]) -> Vec<Value> {
    names
        .iter()
        .map(|n| json!({ "@type": "Person", "name": n }))
        .collect()
}

pub fn for_page(page: &Page, permalink: &str, collection: Option<(&Page, String)>) -> MachineMeta {
    let front = &page.front;
    let schema_type = match page.kind {
        PageKind::Chapter => "Chapter",
        PageKind::Collection => "Book",
        PageKind::Document => "Article",
        _ => "WebPage",
    };
    let mut ld = json!({
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": permalink,
    });
    if !front.authors.is_empty() {
        ld["author"] = Value::Array(people(&front.authors));
    }
    if let Some(date) = &front.date {
        ld["datePublished"] = json!(date);
    }
    if let Some(translator) = &front.translator {
        ld["translator"] = json!({ "@type": "Person", "name": translator });
    }
    if let Some(summary) = &front.summary {
        ld["description"] = json!(summary);
    }
    if let Some(rights) = &front.rights {
        ld["copyrightNotice"] = json!(rights);
    }
    if let Some(publication) = &front.publication {
        ld["isBasedOn"] = json!(publication);
    }
    let citation = citation_tags(page, permalink, collection.as_ref().map(|(book, _)| *book));
    if let Some((book, url)) = collection {
        ld["isPartOf"] = json!({ "@type": "Book", "name": book.title, "url": url });
    }
    MachineMeta {
        og_type: if matches!(
            page.kind,
            PageKind::Home | PageKind::DocumentIndex | PageKind::Page
        ) {
            "website"
        } else {
            "article"
        },
        og_title: page.title.clone(),
        og_description: front.summary.clone().unwrap_or_default(),
        og_url: permalink.to_string(),
        json_ld: script_safe(&ld),
        citation,
    }
}

pub fn for_entity(entity: &Entity, permalink: &str, members: &[String]) -> MachineMeta {
    // schema.org's dates are ISO 8601: a range ("1956/", born one year or the next) or an
    // approximate date ("1930~") has no such form, and is left to the page's own text.
    let date = |field: &str| {
        entity
            .date(field)
            .filter(|d| !d.date.is_range && d.date.qualifier == Qualifier::Exact)
            .and_then(|d| d.date.start)
            .map(p_edtf)
    };
    let mut ld = json!({
        "@context": "https://schema.org",
        "name": entity.name,
        "url": permalink,
    });
    match entity.kind() {
        EntityKind::Person => {
            ld["@type"] = json!("Person");
            if let Some(born) = date("born") {
                ld["birthDate"] = json!(born);
            }
            if let Some(died) = date("died") {
                ld["deathDate"] = json!(died);
            }
        }
        EntityKind::Event => {
            ld["@type"] = json!("Event");
            if let Some(d) = entity.date("date") {
                let start = d.date.start.map(|p| json!(p_edtf(p)));
                let end = d.date.end.or(d.date.start).map(|p| json!(p_edtf(p)));
                ld["startDate"] = start.unwrap_or(Value::Null);
                ld["endDate"] = end.unwrap_or(Value::Null);
            }
            if let Some(place) = entity.place() {
                ld["location"] = json!({ "@type": "Place", "name": place });
            }
        }
        EntityKind::Place => {
            ld["@type"] = json!("Place");
            if let Some(region) = entity.region() {
                ld["containedInPlace"] = json!({ "@type": "Place", "name": region });
            }
        }
        EntityKind::Term => ld["@type"] = json!("DefinedTerm"),
        EntityKind::Group => {
            ld["@type"] = json!("Organization");
            if let Some(founded) = date("founded") {
                ld["foundingDate"] = json!(founded);
            }
            if let Some(dissolved) = date("dissolved") {
                ld["dissolutionDate"] = json!(dissolved);
            }
            if !members.is_empty() {
                ld["member"] = Value::Array(people(members));
            }
        }
    }
    if !entity.aliases.is_empty() {
        ld["alternateName"] = json!(entity.aliases);
    }
    if !entity.authorities.is_empty() {
        ld["sameAs"] = json!(
            entity
                .authorities
                .iter()
                .map(|a| &a.url)
                .collect::<Vec<_>>()
        );
    }
    if let Some(summary) = &entity.summary {
        ld["description"] = json!(summary);
    }
    MachineMeta {
        og_type: if entity.kind() == EntityKind::Person {
            "profile"
        } else {
            "article"
        },
        og_title: entity.name.clone(),
        og_description: entity.summary.clone().unwrap_or_default(),
        og_url: permalink.to_string(),
        json_ld: script_safe(&ld),
        citation: Vec::new(),
    }
}

fn p_edtf(point: crate::date::Point) -> String {
    crate::date::HistoricalDate::single(point).edtf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_cannot_close_its_script() {
        let hostile = json!({"a": "</script>", "b": "<!--<script>", "c": "a & b\u{2028}"});
        let safe = script_safe(&hostile);
        assert!(!safe.contains(['<', '>', '&', '\u{2028}']), "{safe}");
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), hostile);
    }

    #[test]
    fn only_exact_single_dates_are_written_as_schema_org_dates() {
        use crate::date::HistoricalDate;
        use crate::entity::{DatedField, test_support::entity};
        let mut person = entity("person", "valentinov", "N. Valentinov", &[]);
        for (field, text) in [("born", "1879"), ("died", "1956/")] {
            let date = HistoricalDate::parse(text).unwrap();
            let human = date.human();
            person.dates.push(DatedField {
                field,
                date,
                old_style: None,
                human,
            });
        }
        let meta = for_entity(&person, "/people/valentinov/", &[]);
        let ld: Value = serde_json::from_str(&meta.json_ld).unwrap();
        assert_eq!(ld["birthDate"], "1879");
        assert!(ld.get("deathDate").is_none(), "{ld}");
    }
}

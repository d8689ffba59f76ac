//! "Cite this": how a reader cites a source's page of the edition, in the styles historians
//! use (Chicago's bibliography entry, MLA) and the formats reference managers import
//! (BibTeX, RIS, CSL-JSON), and as COinS, the OpenURL that Zotero finds in a page's
//! `<span class="Z3988">`. Each cites the edition's page (its permanent address), the
//! source's author, title and date, and the book a chapter belongs to; a paragraph's
//! citation (`#p-12`) is the page's with the paragraph added, which `static/cite.js` makes
//! in the reader's browser from the page's own.

use serde::Serialize;
use serde_json::json;

use crate::content::Page;

/// A page's citation in each style and format.
#[derive(Debug, Clone, Serialize)]
pub struct CiteThis {
    pub chicago: String,
    pub mla: String,
    /// The two styles as HTML: escaped, their titles in italics.
    pub chicago_html: String,
    pub mla_html: String,
    pub bibtex: String,
    pub ris: String,
    pub csl_json: String,
    /// The `title` of the COinS span: an OpenURL ContextObject in key–value form.
    pub coins: String,
    /// The page's address, which a paragraph's citation extends with `#p-N`.
    pub url: String,
}

/// What every style cites of a page.
struct Cited<'a> {
    title: &'a str,
    authors: Vec<(String, String)>,
    year: Option<String>,
    /// The book a chapter is in.
    book: Option<&'a str>,
    /// Where the source was published (the front matter's `publication`).
    publication: Option<&'a str>,
    /// The edition: the site.
    edition: &'a str,
    url: &'a str,
}

/// The citation of a source's page (a document, a chapter or a book); none for other pages.
pub fn for_page(page: &Page, url: &str, book: Option<&Page>, edition: &str) -> Option<CiteThis> {
    if !page.kind.is_source() {
        return None;
    }
    let authors = match (&page.front.authors, book) {
        (own, Some(book)) if own.is_empty() => &book.front.authors,
        (own, _) => own,
    };
    let date = page.date.as_ref().or(book.and_then(|b| b.date.as_ref()));
    let cited = Cited {
        title: &page.title,
        authors: authors.iter().map(|a| family_and_given(a)).collect(),
        year: date.and_then(|d| d.start).map(|s| s.year.to_string()),
        book: book.map(|b| b.title.as_str()),
        publication: page
            .front
            .publication
            .as_deref()
            .or(book.and_then(|b| b.front.publication.as_deref())),
        edition,
        url,
    };
    let (chicago, mla) = (chicago(&cited), mla(&cited));
    Some(CiteThis {
        chicago_html: styled_html(&chicago),
        mla_html: styled_html(&mla),
        chicago: chicago.replace('*', ""),
        mla: mla.replace('*', ""),
        bibtex: bibtex(&cited),
        ris: ris(&cited),
        csl_json: csl_json(&cited),
        coins: coins(&cited),
        url: url.to_string(),
    })
}

/// A style's text as HTML: escaped, each `*title*` in italics.
fn styled_html(text: &str) -> String {
    let escaped = crate::text::escape_html(text);
    let mut html = String::with_capacity(escaped.len() + 16);
    for (i, part) in escaped.split('*').enumerate() {
        if i % 2 == 1 {
            html.push_str(&format!("<i>{part}</i>"));
        } else {
            html.push_str(part);
        }
    }
    html
}

/// `("Avrich", "Paul")` from "Paul Avrich" or "Avrich, Paul"; a name of one word is all
/// family name.
fn family_and_given(name: &str) -> (String, String) {
    if let Some((family, given)) = name.split_once(',') {
        return (family.trim().to_string(), given.trim().to_string());
    }
    match name.trim().rsplit_once(' ') {
        Some((given, family)) => (family.to_string(), given.trim().to_string()),
        None => (name.trim().to_string(), String::new()),
    }
}

/// Authors as a bibliography lists them: the first inverted ("Avrich, Paul"), the others
/// not, "and" before the last.
fn listed_authors(authors: &[(String, String)]) -> String {
    let names: Vec<String> = authors
        .iter()
        .enumerate()
        .map(|(i, (family, given))| match (i, given.is_empty()) {
            (_, true) => family.clone(),
            (0, false) => format!("{family}, {given}"),
            (_, false) => format!("{given} {family}"),
        })
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
    }
}

/// A sentence's end: a stop, unless the text ends in one already.
fn stop(text: &str) -> String {
    match text.ends_with(['.', '?', '!']) {
        true => text.to_string(),
        false => format!("{text}."),
    }
}

/// Chicago's bibliography entry: `Avrich, Paul. "Title." In *Book*. 1984. Edition. URL.`
fn chicago(cited: &Cited) -> String {
    let mut parts = Vec::new();
    let authors = listed_authors(&cited.authors);
    if !authors.is_empty() {
        parts.push(stop(&authors));
    }
    parts.push(format!("“{}.”", cited.title.trim_end_matches('.')));
    if let Some(book) = cited.book {
        parts.push(format!("In *{book}*."));
    }
    if let Some(publication) = cited.publication {
        parts.push(stop(publication));
    } else if let Some(year) = &cited.year {
        parts.push(format!("{year}."));
    }
    parts.push(format!("*{}*.", cited.edition));
    parts.push(format!("{}.", cited.url));
    parts.join(" ")
}

/// MLA: `Avrich, Paul. "Title." *Book*, 1984. *Edition*, URL.`
fn mla(cited: &Cited) -> String {
    let mut parts = Vec::new();
    let authors = listed_authors(&cited.authors);
    if !authors.is_empty() {
        parts.push(stop(&authors));
    }
    parts.push(format!("“{}.”", cited.title.trim_end_matches('.')));
    let container: Vec<String> = [cited.book.map(|b| format!("*{b}*")), cited.year.clone()]
        .into_iter()
        .flatten()
        .collect();
    if !container.is_empty() {
        parts.push(format!("{}.", container.join(", ")));
    }
    parts.push(format!("*{}*, {}.", cited.edition, cited.url));
    parts.join(" ")
}

/// The BibTeX key: the first author's family name and the year, in ASCII letters.
fn bibtex_key(cited: &Cited) -> String {
    let name = cited.authors.first().map_or("source", |(family, _)| family);
    let name: String = crate::cite::key::romanised(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    let name = if name.is_empty() {
        "source".into()
    } else {
        name.to_lowercase()
    };
    format!("{name}{}", cited.year.as_deref().unwrap_or(""))
}

/// Text for a BibTeX field: its braces and backslashes escaped.
fn bibtex_text(text: &str) -> String {
    text.replace('\\', "\\textbackslash{}")
        .replace('{', "\\{")
        .replace('}', "\\}")
}

fn bibtex(cited: &Cited) -> String {
    let (kind, container) = match cited.book {
        Some(book) => ("incollection", Some(("booktitle", book))),
        None => ("misc", None),
    };
    let authors: Vec<String> = (cited.authors.iter())
        .map(|(family, given)| match given.is_empty() {
            true => family.clone(),
            false => format!("{family}, {given}"),
        })
        .collect();
    let mut fields = vec![("title", cited.title.to_string())];
    if !authors.is_empty() {
        fields.push(("author", authors.join(" and ")));
    }
    if let Some((name, value)) = container {
        fields.push((name, value.to_string()));
    }
    if let Some(year) = &cited.year {
        fields.push(("year", year.clone()));
    }
    if let Some(publication) = cited.publication {
        fields.push(("note", publication.to_string()));
    }
    fields.push(("howpublished", format!("{}, {}", cited.edition, cited.url)));
    fields.push(("url", cited.url.to_string()));
    let body: Vec<String> = fields
        .iter()
        .map(|(name, value)| format!("  {name} = {{{}}}", bibtex_text(value)))
        .collect();
    format!("@{kind}{{{},\n{}\n}}", bibtex_key(cited), body.join(",\n"))
}

fn ris(cited: &Cited) -> String {
    let mut lines = vec![format!(
        "TY  - {}",
        if cited.book.is_some() { "CHAP" } else { "ELEC" }
    )];
    lines.push(format!("TI  - {}", cited.title));
    for (family, given) in &cited.authors {
        lines.push(match given.is_empty() {
            true => format!("AU  - {family}"),
            false => format!("AU  - {family}, {given}"),
        });
    }
    if let Some(book) = cited.book {
        lines.push(format!("T2  - {book}"));
    }
    if let Some(year) = &cited.year {
        lines.push(format!("PY  - {year}"));
    }
    if let Some(publication) = cited.publication {
        lines.push(format!("N1  - {publication}"));
    }
    lines.push(format!("PB  - {}", cited.edition));
    lines.push(format!("UR  - {}", cited.url));
    lines.push("ER  - ".to_string());
    lines.join("\n")
}

fn csl_json(cited: &Cited) -> String {
    let mut item = json!({
        "id": bibtex_key(cited),
        "type": if cited.book.is_some() { "chapter" } else { "article" },
        "title": cited.title,
        "URL": cited.url,
        "publisher": cited.edition,
    });
    if !cited.authors.is_empty() {
        item["author"] = cited
            .authors
            .iter()
            .map(|(family, given)| json!({ "family": family, "given": given }))
            .collect();
    }
    if let Some(year) = cited.year.as_ref().and_then(|y| y.parse::<i64>().ok()) {
        item["issued"] = json!({ "date-parts": [[year]] });
    }
    if let Some(book) = cited.book {
        item["container-title"] = json!(book);
    }
    if let Some(publication) = cited.publication {
        item["note"] = json!(publication);
    }
    serde_json::to_string_pretty(&json!([item])).unwrap_or_default()
}

/// The OpenURL ContextObject of COinS: a chapter as a book item, anything else in Dublin
/// Core, its values percent-encoded.
fn coins(cited: &Cited) -> String {
    let mut pairs: Vec<(&str, String)> = vec![("ctx_ver", "Z39.88-2004".into())];
    match cited.book {
        Some(book) => {
            pairs.push(("rft_val_fmt", "info:ofi/fmt:kev:mtx:book".into()));
            pairs.push(("rft.genre", "bookitem".into()));
            pairs.push(("rft.atitle", cited.title.to_string()));
            pairs.push(("rft.btitle", book.to_string()));
            for (family, given) in &cited.authors {
                pairs.push(("rft.au", join_name(family, given)));
            }
            if let Some(year) = &cited.year {
                pairs.push(("rft.date", year.clone()));
            }
        }
        None => {
            pairs.push(("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc".into()));
            pairs.push(("rft.type", "Text".into()));
            pairs.push(("rft.title", cited.title.to_string()));
            for (family, given) in &cited.authors {
                pairs.push(("rft.creator", join_name(family, given)));
            }
            if let Some(year) = &cited.year {
                pairs.push(("rft.date", year.clone()));
            }
            if let Some(publication) = cited.publication {
                pairs.push(("rft.source", publication.to_string()));
            }
        }
    }
    pairs.push(("rft.identifier", cited.url.to_string()));
    pairs
        .iter()
        .map(|(key, value)| format!("{key}={}", percent_encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn join_name(family: &str, given: &str) -> String {
    match given.is_empty() {
        true => family.to_string(),
        false => format!("{family}, {given}"),
    }
}

/// Percent-encoding of an OpenURL value: everything but unreserved ASCII.
fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited() -> Cited<'static> {
        Cited {
            title: "Bolshevik Opposition to Lenin",
            authors: vec![("Avrich".into(), "Paul".into())],
            year: Some("1984".into()),
            book: None,
            publication: Some("The Russian Review, vol. 43 (1984), pp. 1–29"),
            edition: "The Bolshevik Left",
            url: "https://example.org/documents/avrich-1984/",
        }
    }

    #[test]
    fn each_style_names_author_title_date_and_address() {
        let cited = cited();
        assert_eq!(
            chicago(&cited),
            "Avrich, Paul. “Bolshevik Opposition to Lenin.” The Russian Review, vol. 43 (1984), pp. 1–29. *The Bolshevik Left*. https://example.org/documents/avrich-1984/."
        );
        assert_eq!(
            mla(&cited),
            "Avrich, Paul. “Bolshevik Opposition to Lenin.” 1984. *The Bolshevik Left*, https://example.org/documents/avrich-1984/."
        );
        assert!(bibtex(&cited).starts_with("@misc{avrich1984,\n  title = {Bolshevik Opposition to Lenin},\n  author = {Avrich, Paul},"));
        assert!(ris(&cited).contains("\nAU  - Avrich, Paul\n"));
        let csl: serde_json::Value = serde_json::from_str(&csl_json(&cited)).unwrap();
        assert_eq!(csl[0]["author"][0]["family"], "Avrich");
        assert_eq!(csl[0]["issued"]["date-parts"][0][0], 1984);
    }

    #[test]
    fn coins_is_an_openurl_of_percent_encoded_pairs() {
        let coins = coins(&cited());
        assert!(
            coins.starts_with("ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Adc&")
        );
        assert!(coins.contains("&rft.creator=Avrich%2C%20Paul&"));
        assert!(
            coins.ends_with(
                "&rft.identifier=https%3A%2F%2Fexample.org%2Fdocuments%2Favrich-1984%2F"
            )
        );
    }

    #[test]
    fn names_in_either_order_and_several_authors() {
        assert_eq!(
            family_and_given("Vadim Z. Rogovin"),
            ("Rogovin".into(), "Vadim Z.".into())
        );
        assert_eq!(
            family_and_given("Avrich, Paul"),
            ("Avrich".into(), "Paul".into())
        );
        let authors = vec![
            ("Avrich".to_string(), "Paul".to_string()),
            ("Olivier".to_string(), "Philippe".to_string()),
            ("Sorin".to_string(), String::new()),
        ];
        assert_eq!(
            listed_authors(&authors),
            "Avrich, Paul, Philippe Olivier, and Sorin"
        );
    }
}

//! Which kind of transcription a file is, read from its text: TEI P5 XML, an HTML page,
//! Markdown (Pandoc's and MultiMarkdown's among it), or plain text (OCR output, an e-book
//! conversion, a wiki page saved as text), which the text importer reads.

use std::fmt;

/// The formats `annals import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decided from the text (`detect`).
    #[default]
    Auto,
    Text,
    /// Text exported from a wiki: read as text, whose note lists include a wiki's.
    Wiki,
    Markdown,
    Html,
    Tei,
}

impl Format {
    pub const CHOICES: &[&str] = &["auto", "text", "wiki", "markdown", "html", "tei"];

    pub fn parse(name: &str) -> Option<Format> {
        Some(match name {
            "auto" => Format::Auto,
            "text" => Format::Text,
            "wiki" => Format::Wiki,
            "markdown" | "md" => Format::Markdown,
            "html" => Format::Html,
            "tei" => Format::Tei,
            _ => return None,
        })
    }
}

impl serde::Serialize for Format {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Wiki => "wiki",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Tei => "tei",
        })
    }
}

/// The format of `text` and why it was chosen, in words for the report.
pub fn detect(text: &str) -> (Format, String) {
    let head: String = text.chars().take(4000).collect::<String>().to_lowercase();
    if head.contains("<tei") || head.contains("http://www.tei-c.org/ns/1.0") {
        return (Format::Tei, "it has a <TEI> root in TEI's namespace".into());
    }
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || head.contains("<body")
    {
        return (
            Format::Html,
            "it begins as an HTML page (<!DOCTYPE html>, <html> or <body>)".into(),
        );
    }
    let tags = ["<p>", "<p ", "<div", "<h1", "<h2", "<br", "<li>"];
    let tagged = tags.iter().map(|t| head.matches(t).count()).sum::<usize>();
    if tagged >= 5 {
        return (
            Format::Html,
            format!("it is written in HTML tags ({tagged} in its first lines)"),
        );
    }
    // Links and emphasis alone are what an e-book conversion leaves in plain text too: a
    // Markdown text has a structure of Markdown's as well (headings, footnotes, quotations,
    // tables, front matter).
    let signs = markdown_signs(text);
    let structural = signs
        .iter()
        .any(|s| !matches!(*s, "[links](…)" | "*emphasis*"));
    if signs.len() >= 2 && structural {
        return (
            Format::Markdown,
            format!("it is written in Markdown ({})", signs.join(", ")),
        );
    }
    let opens = ["^ ", "== ", "{{", "{|"];
    let holds = [
        "[edit]",
        "{{",
        "[[",
        "]]",
        "From Wikipedia, the free encyclopedia",
    ];
    if text.lines().any(|l| {
        opens.iter().any(|w| l.trim_start().starts_with(w))
            || holds.iter().any(|w| l.contains(w))
            || super::wiki::is_wiki_line(l)
    }) {
        return (
            Format::Wiki,
            "it has a wiki's marks (\"^ \" notes, [edit], {{templates}}, [[links]] or == headings)"
                .into(),
        );
    }
    (
        Format::Text,
        "none of the other formats' marks is in it".into(),
    )
}

/// The kinds of Markdown markup the text holds, as the report names them.
fn markdown_signs(text: &str) -> Vec<&'static str> {
    let mut signs = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let any = |test: &dyn Fn(&str) -> bool| lines.iter().any(|l| test(l));
    if any(&|l| {
        let hashes = l.chars().take_while(|&c| c == '#').count();
        (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
    }) {
        signs.push("# headings");
    }
    if any(&|l| l.starts_with("[^") && l.contains("]:")) {
        signs.push("[^n]: footnotes");
    }
    if any(&|l| l.starts_with("> ")) {
        signs.push("> quotations");
    }
    if any(&|l| l.trim_start().starts_with("|") && l.contains("---")) {
        signs.push("| tables |");
    }
    if any(&|l| l.contains("](")) {
        signs.push("[links](…)");
    }
    if any(&|l| {
        l.contains("**") || (l.contains('*') && l.matches('*').count() >= 2 && !l.starts_with("* "))
    }) {
        signs.push("*emphasis*");
    }
    if lines.first().is_some_and(|l| *l == "---" || *l == "+++") {
        signs.push("front matter");
    }
    signs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_is_told_by_its_marks() {
        let cases = [
            (
                "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text/></TEI>",
                Format::Tei,
            ),
            (
                "<!DOCTYPE html>\n<html><body><p>A letter.</p></body></html>",
                Format::Html,
            ),
            (
                "<p>One.</p><p>Two.</p><p>Three.</p><p>Four.</p><div>Five.</div>",
                Format::Html,
            ),
            (
                "# A letter\n\nThe text cites a note.[^1]\n\n[^1]: The note.\n",
                Format::Markdown,
            ),
            ("## Background\n\n> A quotation.\n", Format::Markdown),
            (
                "A letter\n\nThe text.[1]\n\nReferences\n\n^ The note.\n",
                Format::Wiki,
            ),
            (
                "A LETTER\n\nThe text of the letter, as the OCR read it.1\n\nNotes\n\n1. A note.\n",
                Format::Text,
            ),
            (
                "An e-book's text with *emphasis* and a [12.](#) link left in it.\n",
                Format::Text,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(detect(text).0, expected, "{text}");
        }
    }
}

//! Markdown transcriptions (Pandoc's and MultiMarkdown's among them) are kept as they are
//! written: headings, lists, quotations, tables, emphasis, links and footnotes pass through
//! unescaped. What is done to them is said in the report: a front matter of their own read
//! into the page's, the leading `# Title` made the title, other first-level headings moved a
//! level down (the page's title is its one), and the residue of a wiki export (`<a
//! class="wikilink">`, `<references/>`, `<ref>` notes) made plain text or footnotes.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::frontmatter::FrontMatter;

/// A transcription made annals Markdown, with what was done to it.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    pub body: String,
    /// What the source says of itself (its own front matter, its `# Title`).
    pub front: FrontMatter,
    /// Each kind of change, and how many times it was made.
    pub changes: Vec<(String, usize)>,
    /// What was dropped or could not be read, by line of the source.
    pub warnings: Vec<(usize, String)>,
    /// The source's text whose every word the page must keep (without its own front
    /// matter's keys, its markup's names).
    pub text: String,
    /// What was dropped on purpose (and reported): its words are not looked for.
    pub dropped: Vec<String>,
    /// Footnotes with labels of their own (`<ref>` notes, lettered notes) that a wiki
    /// export's conversion found, for the page's end: `(label, text)`.
    pub footnotes: Vec<(String, String)>,
}

impl Converted {
    pub(super) fn count(&mut self, what: &str, n: usize) {
        if n == 0 {
            return;
        }
        match self.changes.iter_mut().find(|(w, _)| w == what) {
            Some(entry) => entry.1 += n,
            None => self.changes.push((what.to_string(), n)),
        }
    }
}

static WIKILINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?s)<a\s[^>]*class="[^"]*wikilink[^"]*"[^>]*>(.*?)</a>"#).unwrap()
});
static REFERENCES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<references\s*/>|<references>\s*</references>").unwrap());
static REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?s)<ref(?:\s+name="?([^">/]+)"?)?\s*>(.*?)</ref>|<ref\s+name="?([^">/]+)"?\s*/>"#,
    )
    .unwrap()
});

/// Reads a Markdown transcription.
pub fn convert(text: &str) -> Converted {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let mut converted = Converted::default();
    let (front, body, body_line) = own_front_matter(&text);
    if let Some(front) = front {
        converted.front = front;
        converted.count("front matter of its own read", 1);
    }
    converted.text = body.to_string();
    let mut body = body.to_string();
    body = super::pandoc::line_blocks(&body, &mut converted);
    body = super::pandoc::inline_notes(&body, &mut converted);
    body = super::pandoc::superscript_notes(&body, &mut converted);
    body = setext_headings(&body, &mut converted);
    body = wiki_headings(&body, &mut converted);
    let (gridless, grids) = super::tables::grids_to_pipes(&body);
    converted.count("grid tables made pipe tables", grids);
    body = gridless;
    let (residue_free, ref_notes) = wiki_residue(&body, body_line, &mut converted);
    body = title_and_headings(&residue_free, &mut converted);
    let mut body = body.trim().to_string() + "\n";
    if !ref_notes.is_empty() {
        body.push('\n');
        for (label, text) in ref_notes {
            body.push_str(&format!("[^{label}]: {text}\n"));
        }
    }
    converted.body = body;
    converted
}

/// The source's own front matter (TOML between `+++`, or YAML's simple `key: value` lines
/// between `---`), the body after it, and the body's first line.
fn own_front_matter(text: &str) -> (Option<FrontMatter>, &str, usize) {
    for fence in ["+++", "---"] {
        let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n')) else {
            continue;
        };
        let Some(end) = rest.find(&format!("\n{fence}")) else {
            continue;
        };
        let block = &rest[..end];
        let after = rest[end + fence.len() + 1..].trim_start_matches('\n');
        let line = text[..text.len() - after.len()].lines().count() + 1;
        let front = if fence == "+++" {
            toml::from_str::<FrontMatter>(block).ok()
        } else {
            Some(yaml_front(block))
        };
        return (front, after, line);
    }
    if let Some((front, rest, line)) = super::pandoc::title_block(text) {
        return (Some(front), rest, line);
    }
    multimarkdown_metadata(text).unwrap_or((None, text, 1))
}

/// Whether two titles are the same words, whatever their case and emphasis.
fn same_words(a: &str, b: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split_whitespace()
            .map(|w| w.replace(['*', '_'], "").to_lowercase())
            .collect()
    };
    words(a) == words(b)
}

/// MultiMarkdown's metadata: `Key: value` lines at the very top, up to the first empty
/// line, the first of them a key that says where the text comes from.
fn multimarkdown_metadata(text: &str) -> Option<(Option<FrontMatter>, &str, usize)> {
    let end = text.find("\n\n")?;
    let block = &text[..end];
    let first_key = block.split_once(':')?.0.trim().to_lowercase();
    let known = [
        "title", "author", "authors", "date", "source", "url", "language", "lang",
    ];
    let all_keys = block.lines().all(|line| {
        line.split_once(':').is_some_and(|(key, _)| {
            let key = key.trim();
            !key.is_empty()
                && key.split_whitespace().count() <= 3
                && key
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == ' ' || c == '_' || c == '-')
        })
    });
    if !(all_keys && known.contains(&first_key.as_str())) {
        return None;
    }
    let line = block.lines().count() + 2;
    Some((
        Some(yaml_front(block)),
        text[end..].trim_start_matches('\n'),
        line,
    ))
}

/// A Setext heading (a line underlined with `===` or `---`) written as an ATX one (`#`,
/// `##`), which the rest of the conversion reads.
fn setext_headings(body: &str, converted: &mut Converted) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut made = 0;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let under = lines.get(i + 1).map(|u| u.trim_end());
        let before_blank = i == 0 || lines[i - 1].trim().is_empty();
        let level = match under {
            Some(u) if u.len() >= 3 && u.chars().all(|c| c == '=') => Some(1),
            Some(u) if u.len() >= 3 && u.chars().all(|c| c == '-') => Some(2),
            _ => None,
        };
        let is_text = !line.trim().is_empty()
            && !line.starts_with(['#', '>', '|', '-', '*', '+', ' ', '\t'])
            && !line.starts_with("[^");
        match level {
            Some(level) if is_text && before_blank => {
                out.push(format!("{} {}", "#".repeat(level), line.trim()));
                made += 1;
                i += 2;
            }
            _ => {
                out.push(line.to_string());
                i += 1;
            }
        }
    }
    converted.count("underlined headings made # headings", made);
    let mut text = out.join("\n");
    if body.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The few keys of a YAML front matter that say where a text comes from. A list of
/// authors is YAML's (`[A, B]`, or `- A` lines under the key) or split at `;`: a comma
/// alone does not part authors ("Lowther, Margaret E.").
fn yaml_front(block: &str) -> FrontMatter {
    let mut front = FrontMatter::default();
    let mut list_key: Option<String> = None;
    for line in block.lines() {
        if let (Some(key), Some(item)) = (&list_key, line.trim().strip_prefix("- ")) {
            if key.starts_with("author") {
                front.authors.push(unquoted(item).to_string());
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim().to_lowercase();
        let value = unquoted(value.trim()).to_string();
        if value.is_empty() {
            list_key = Some(key);
            continue;
        }
        list_key = None;
        match key.as_str() {
            "title" => front.title = Some(value),
            "author" | "authors" => {
                let separators: &[char] = if value.starts_with('[') {
                    &[';', ',']
                } else {
                    &[';']
                };
                front.authors = value
                    .trim_matches(['[', ']'])
                    .split(separators)
                    .map(|a| unquoted(a.trim()).to_string())
                    .filter(|a| !a.is_empty())
                    .collect();
            }
            "date" => front.date = Some(value),
            "url" => front.url = Some(value),
            "source" if value.starts_with("http://") || value.starts_with("https://") => {
                front.url = Some(value)
            }
            "source" | "publication" | "publisher" | "journal" => front.publication = Some(value),
            "lang" | "language" => front.language = Some(value),
            "rights" | "license" => front.rights = Some(value),
            _ => {}
        }
    }
    front
}

fn unquoted(value: &str) -> &str {
    value.trim_matches(['"', '\''])
}

/// A wiki export's markup made Markdown: its links their text, its `<ref>` notes footnote
/// markers (their texts returned, to stand after the body), its `<references/>` list
/// dropped, since the footnotes replace it.
pub(super) fn wiki_residue(
    body: &str,
    first_line: usize,
    converted: &mut Converted,
) -> (String, Vec<(String, String)>) {
    let links = WIKILINK.find_iter(body).count();
    let body = WIKILINK.replace_all(body, "$1").into_owned();
    converted.count("wiki links made text", links);
    let lists = REFERENCES.find_iter(&body).count();
    let body = REFERENCES.replace_all(&body, "").into_owned();
    converted.count(
        "<references/> lists dropped (the footnotes replace them)",
        lists,
    );
    let mut notes: Vec<(String, String)> = Vec::new();
    let mut refs = 0;
    let body = REF
        .replace_all(&body, |c: &Captures| {
            refs += 1;
            let name = c
                .get(1)
                .or(c.get(3))
                .map(|m| crate::text::slugify(m.as_str()));
            match c.get(2) {
                Some(text) => {
                    let label = name.unwrap_or_else(|| format!("ref-{}", notes.len() + 1));
                    notes.push((label.clone(), text.as_str().trim().replace('\n', " ")));
                    format!("[^{label}]")
                }
                // <ref name="x"/>: the note named before.
                None => format!("[^{}]", name.unwrap_or_default()),
            }
        })
        .into_owned();
    converted.count("<ref> notes made footnotes", refs);
    for (n, line) in body.lines().enumerate() {
        if line.contains("<ref") || line.contains("{{") {
            converted.warnings.push((
                first_line + n,
                "wiki markup left as it is (an unclosed <ref> or a {{template}})".into(),
            ));
        }
    }
    (body, notes)
}

static WIKI_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)^(={2,6})\s*([^=\n]+?)\s*={2,6}\s*$").unwrap());

/// A wiki's `== Heading ==` made a Markdown heading of its level; a "Notes" or "References"
/// heading with nothing under it but the wiki's note list is dropped, since the page lists
/// its notes at its end.
fn wiki_headings(body: &str, converted: &mut Converted) -> String {
    let headings = WIKI_HEADING.find_iter(body).count();
    let body = WIKI_HEADING
        .replace_all(body, |c: &Captures| {
            format!("{} {}", "#".repeat(c[1].len()), &c[2])
        })
        .into_owned();
    converted.count("wiki headings made Markdown", headings);
    body
}

/// The first line `# Title` taken as the title; other first-level headings, if any, moved a
/// level down, and every heading under them with them.
fn title_and_headings(body: &str, converted: &mut Converted) -> String {
    let mut lines: Vec<String> = body.lines().map(str::to_string).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    if let Some(first) = first
        && let Some(heading) = lines[first].strip_prefix("# ")
    {
        let heading = heading.trim().trim_end_matches('#').trim().to_string();
        match &converted.front.title {
            None => {
                converted.front.title = Some(heading);
                lines.remove(first);
                converted.count("first heading made the title", 1);
            }
            // The title the front matter gives, repeated as the first heading.
            Some(title) if same_words(title, &heading) => {
                lines.remove(first);
                converted.count("first heading dropped (the title again)", 1);
            }
            Some(_) => {}
        }
    }
    drop_empty_notes_heading(&mut lines, converted);
    let mut in_code = false;
    let level_one = |l: &str| l.starts_with("# ");
    let has_level_one = lines.iter().any(|l| level_one(l));
    let mut moved = 0;
    for line in &mut lines {
        if line.starts_with("```") || line.starts_with("~~~") {
            in_code = !in_code;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if has_level_one && !in_code && (1..6).contains(&hashes) && line[hashes..].starts_with(' ')
        {
            line.insert(0, '#');
            moved += 1;
        }
    }
    converted.count("headings moved a level down", moved);
    lines.join("\n")
}

/// A last heading "Notes" or "References" (any level) with nothing under it: the list it
/// headed became the page's footnotes.
pub(super) fn drop_empty_notes_heading(lines: &mut Vec<String>, converted: &mut Converted) {
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    let is_notes_heading = |line: &str| {
        let text = line.trim_start_matches('#').trim().to_lowercase();
        line.starts_with('#')
            && ["notes", "references", "footnotes", "sources"].contains(&text.as_str())
    };
    if lines.last().is_some_and(|l| is_notes_heading(l)) {
        converted.dropped.extend(lines.pop());
        converted.count("empty notes heading dropped", 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_passes_through_unescaped() {
        let text = "# The Letter\n\n## Background\n\n> A quotation, *emphasised*.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nText with a note.[^4]\n\n[^4]: The note.\n";
        let converted = convert(text);
        assert_eq!(converted.front.title.as_deref(), Some("The Letter"));
        for kept in [
            "## Background",
            "> A quotation, *emphasised*.",
            "- one\n- two",
            "| 1 | 2 |",
            "[^4]: The note.",
        ] {
            assert!(
                converted.body.contains(kept),
                "{kept} in {}",
                converted.body
            );
        }
        assert!(!converted.body.contains('\\'), "{}", converted.body);
    }

    #[test]
    fn wiki_residue_is_made_markdown_and_counted() {
        let text = "Intro with <a class=\"wikilink\" href=\"/wiki/Lenin\">Lenin</a>.<ref>Avrich, p. 3.</ref> Again.<ref name=\"a\">Named note.</ref> And.<ref name=\"a\"/>\n\n== Notes ==\n<references/>\n";
        let converted = convert(text);
        let body = &converted.body;
        assert!(
            body.contains("Intro with Lenin.[^ref-1] Again.[^a] And.[^a]"),
            "{body}"
        );
        assert!(
            body.contains("[^ref-1]: Avrich, p. 3.") && body.contains("[^a]: Named note."),
            "{body}"
        );
        assert!(!body.contains("<references"), "{body}");
        let changes: Vec<&str> = converted.changes.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(
            changes,
            [
                "wiki headings made Markdown",
                "wiki links made text",
                "<references/> lists dropped (the footnotes replace them)",
                "<ref> notes made footnotes",
                "empty notes heading dropped"
            ]
        );
    }

    #[test]
    fn a_front_matter_of_its_own_is_read_and_first_level_headings_move_down() {
        let text = "---\ntitle: \"A Letter\"\nauthor: G. T. Miasnikov\ndate: 1921-08\n---\n\n# Part one\n\nText.\n\n# Part two\n\n## A section\n";
        let converted = convert(text);
        assert_eq!(converted.front.title.as_deref(), Some("A Letter"));
        assert_eq!(converted.front.authors, ["G. T. Miasnikov"]);
        assert_eq!(converted.front.date.as_deref(), Some("1921-08"));
        // Not the title: the front matter gave one. The first-level headings move down.
        assert!(
            converted.body.contains("## Part one")
                && converted.body.contains("## Part two")
                && converted.body.contains("### A section"),
            "{}",
            converted.body
        );
    }

    #[test]
    fn a_yaml_front_matter_s_authors_and_source() {
        let front = yaml_front(
            "author: \"Lowther, Margaret E.\"\nsource: \"Minute Book 2, ff. 31-38\"\nauthors:\n  - A. Smith\n  - B. Jones",
        );
        assert_eq!(
            front.authors,
            ["Lowther, Margaret E.", "A. Smith", "B. Jones"]
        );
        assert_eq!(
            front.publication.as_deref(),
            Some("Minute Book 2, ff. 31-38")
        );
        assert_eq!(front.url, None);
        let listed = yaml_front("author: [A. Smith, B. Jones]\nsource: https://example.org/x");
        assert_eq!(listed.authors, ["A. Smith", "B. Jones"]);
        assert_eq!(listed.url.as_deref(), Some("https://example.org/x"));
    }

    #[test]
    fn multimarkdown_metadata_and_underlined_headings() {
        let text = "Title:    The Journal of the *Hopewell*\nAuthor:   Nathaniel Crewe, master\nDate:     1667\n\nThe Journal of the *Hopewell*\n=============================\n\nBeing the account.\n\nIntroduction\n------------\n\nText.\n\n---\n\nAfter a rule.\n";
        let converted = convert(text);
        assert_eq!(
            converted.front.title.as_deref(),
            Some("The Journal of the *Hopewell*")
        );
        assert_eq!(converted.front.authors, ["Nathaniel Crewe, master"]);
        assert_eq!(converted.front.date.as_deref(), Some("1667"));
        assert_eq!(
            converted.body,
            "Being the account.\n\n## Introduction\n\nText.\n\n---\n\nAfter a rule.\n"
        );
    }
}

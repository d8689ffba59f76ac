//! HTML pages (a document saved from an online archive) read with a real HTML parser
//! (html5ever, through scraper) and written as annals Markdown: headings, paragraphs,
//! quotations, lists, tables, emphasis and links kept; notes in the common forms (a marker
//! `<sup><a href="#n1">1</a></sup>` or `<a href="#n1">[1]</a>` leading to an element of id
//! `n1`, or to an `<a name="n1">`, in a list or paragraph of notes) made footnotes; the page's
//! navigation, header, footer, scripts and styles dropped, and said so in the report.

use std::collections::{HashMap, HashSet};

use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

use super::collapse;
use super::markdown::Converted;

/// Elements that are the page around the document, not the document.
const CHROME: &[&str] = &[
    "script", "style", "nav", "header", "footer", "form", "noscript", "iframe", "svg", "button",
    "template", "select", "input", "menu",
];

/// Words in an element's class or id that mark it as the site's own (`site-header`,
/// `main-menu`, `breadcrumb`, `cookie-notice`), for pages that do not use `<header>`,
/// `<nav>` and `<footer>`.
const CHROME_NAMES: &[&str] = &[
    "header",
    "footer",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "sidebar",
    "banner",
    "masthead",
    "toolbar",
    "topbar",
    "skip",
    "share",
    "social",
    "advert",
    "advertisement",
    "tags",
    "pagination",
];

/// Whether an element is the page around the document: by its name (`<nav>`), or by the
/// words of its class or id (`<div class="site-header">`).
fn is_chrome(element: &scraper::node::Element) -> bool {
    if CHROME.contains(&element.name()) {
        return true;
    }
    let names = [element.attr("class"), element.attr("id")];
    names.into_iter().flatten().any(|value| {
        value
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|word| CHROME_NAMES.contains(&word.to_lowercase().as_str()))
    })
}

/// A link back from a note to its marker: Pandoc's `class="footnote-back"`, a
/// `role="doc-backlink"`, or an arrow.
fn is_back_link(element: ElementRef) -> bool {
    let value = element.value();
    let href = value.attr("href").unwrap_or_default();
    let text: String = element.text().collect();
    value.name() == "a"
        && href.starts_with('#')
        && (value.attr("role") == Some("doc-backlink")
            || value
                .attr("class")
                .is_some_and(|c| c.contains("footnote-back"))
            || matches!(text.trim(), "↩" | "↩\u{fe0e}" | "↩\u{fe0f}" | "↑" | "^"))
}

/// A note of the page: its label in the Markdown and the element that holds its text.
struct Note<'a> {
    label: String,
    block: ElementRef<'a>,
    /// For a note that is no element of its own (`<a name="1"></a>1. The text<br><br>`
    /// in a page of such lines): the nodes after its anchor that hold its text.
    run: Vec<ego_tree::NodeId>,
}

struct Reader<'a> {
    /// The notes by the id their markers lead to.
    notes: HashMap<String, usize>,
    note_list: Vec<Note<'a>>,
    /// The elements that hold notes (not read as text of the body), and the markers' links.
    note_blocks: HashSet<ego_tree::NodeId>,
    markers: HashSet<ego_tree::NodeId>,
    converted: Converted,
}

/// Reads an HTML page.
pub fn convert(text: &str) -> Converted {
    let document = Html::parse_document(text);
    let mut reader = Reader {
        notes: HashMap::new(),
        note_list: Vec::new(),
        note_blocks: HashSet::new(),
        markers: HashSet::new(),
        converted: Converted::default(),
    };
    read_head(&document, &mut reader.converted);
    let root = ["main", "article", "body"]
        .iter()
        .find_map(|name| document.select(&selector(name)).next())
        .unwrap_or_else(|| document.root_element());
    reader.converted.text = source_text(root);
    // Around an <article> or <main>: the site's header, navigation and footer.
    if let Some(body) = document.select(&selector("body")).next()
        && body.id() != root.id()
    {
        let words =
            |e: ElementRef| crate::search::words::words(&e.text().collect::<String>()).len();
        let around = words(body).saturating_sub(words(root));
        let name = root.value().name();
        reader.converted.count(
            &format!("words of the page around its <{name}> dropped (header, navigation, footer)"),
            around,
        );
    }
    reader.find_notes(&document, root);
    let mut blocks = Vec::new();
    reader.blocks(root, &mut blocks);
    let (footers, blocks): (Vec<String>, Vec<String>) =
        blocks.into_iter().partition(|b| is_page_footer(b));
    reader.converted.count(
        "page footers dropped (the page around the document)",
        footers.len(),
    );
    reader.converted.dropped.extend(footers);
    let body = blocks.join("\n\n");
    let body = reader.title_from_first_heading(body);
    // The notes' own heading, its list now the footnotes.
    let mut lines: Vec<String> = body.lines().map(str::to_string).collect();
    super::markdown::drop_empty_notes_heading(&mut lines, &mut reader.converted);
    let body = lines.join("\n");
    let notes: Vec<String> = (0..reader.note_list.len())
        .map(|i| reader.note_text(i))
        .collect();
    let mut out = body.trim().to_string() + "\n";
    if !notes.is_empty() {
        out.push('\n');
        for (note, text) in reader.note_list.iter().zip(notes) {
            out.push_str(&format!("[^{}]: {}\n", note.label, text));
        }
    }
    reader
        .converted
        .count("notes made footnotes", reader.note_list.len());
    reader.converted.body = out;
    reader.converted
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// The page's title, author and date from its head.
fn read_head(document: &Html, converted: &mut Converted) {
    let meta = |names: &[&str]| {
        names.iter().find_map(|name| {
            document
                .select(&selector(&format!("meta[name='{name}' i]")))
                .next()
                .and_then(|m| m.value().attr("content"))
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        })
    };
    converted.front.title = document
        .select(&selector("title"))
        .next()
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    if let Some(author) = meta(&["author", "dc.creator", "citation_author"]) {
        converted.front.authors = vec![author];
    }
    converted.front.date = meta(&["date", "dc.date", "citation_publication_date"]);
    for name in ["script", "style"] {
        let in_head = document.select(&selector(&format!("head {name}"))).count();
        converted.count(
            &format!("<{name}> dropped (the page around the document)"),
            in_head,
        );
    }
}

/// The words the document's text holds, for the check that none is lost: the text of the
/// elements read, the page's own chrome aside.
fn source_text(root: ElementRef) -> String {
    let mut text = String::new();
    for node in root.descendants() {
        if let Node::Text(t) = node.value()
            && !node.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| CHROME.contains(&e.name()))
            })
        {
            text.push_str(t);
            text.push(' ');
        }
    }
    text
}

/// Whether a link's text is a note marker's: a number, in brackets or not, or asterisks.
fn marker_text(text: &str) -> bool {
    let t = text.trim().trim_matches(['[', ']', '(', ')']);
    !t.is_empty() && (t.chars().all(|c| c.is_ascii_digit()) || t.chars().all(|c| c == '*'))
}

impl<'a> Reader<'a> {
    /// The markers (links to an anchor on the page, written as a number or in a `<sup>`)
    /// and the notes they lead to, labelled in the order they are first cited.
    fn find_notes(&mut self, document: &'a Html, root: ElementRef<'a>) {
        let mut targets: HashMap<String, ElementRef<'a>> = HashMap::new();
        for element in document.select(&selector("[id], a[name]")) {
            for key in [element.value().attr("id"), element.value().attr("name")]
                .into_iter()
                .flatten()
            {
                targets.entry(key.to_string()).or_insert(element);
            }
        }
        for link in root.select(&selector("a[href^='#']")) {
            let target = &link.value().attr("href").unwrap_or_default()[1..];
            let text = link.text().collect::<String>();
            let in_sup = link
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "sup"));
            if !(marker_text(&text) || in_sup) {
                continue;
            }
            let Some(&element) = targets.get(target) else {
                continue;
            };
            let block = note_block(element);
            // An empty anchor in no block of its own: the note is the run of text after it.
            let run = match block.id() == element.id() && block.text().all(|t| t.trim().is_empty())
            {
                true => note_run(element, &targets),
                false => Vec::new(),
            };
            // A link from within a note is its way back to the marker, not a marker.
            if link.ancestors().any(|a| self.note_blocks.contains(&a.id())) {
                continue;
            }
            if block.descendants().any(|d| d.id() == link.id()) {
                continue;
            }
            self.markers.insert(link.id());
            if !self.notes.contains_key(target) {
                let digits: String = text.chars().filter(char::is_ascii_digit).collect();
                let label = if digits.is_empty() || self.note_list.iter().any(|n| n.label == digits)
                {
                    format!("n{}", self.note_list.len() + 1)
                } else {
                    digits
                };
                self.notes.insert(target.to_string(), self.note_list.len());
                self.note_blocks.insert(block.id());
                self.note_blocks.extend(run.iter().copied());
                self.note_list.push(Note { label, block, run });
            }
        }
    }

    /// The Markdown blocks of an element's children.
    fn blocks(&mut self, element: ElementRef<'a>, out: &mut Vec<String>) {
        let mut inline = String::new();
        // The items of a list as Word writes one: paragraphs, each with its own number.
        let mut word_list: Vec<(bool, String)> = Vec::new();
        for child in element.children() {
            if self.note_blocks.contains(&child.id()) {
                continue;
            }
            match child.value() {
                Node::Text(t) => {
                    if !t.trim().is_empty() {
                        self.flush_word_list(&mut word_list, out);
                    }
                    inline.push_str(t)
                }
                Node::Element(e) => {
                    let child = ElementRef::wrap(child).expect("an element");
                    if self.note_blocks.contains(&child.id()) {
                        continue;
                    }
                    let chrome = is_chrome(e) || is_post_meta(child);
                    if chrome && !self.holds_notes(child) && !holds_title(child) {
                        let words = collapse(&child.text().collect::<String>());
                        self.converted.dropped.push(words);
                        let what = match CHROME.contains(&e.name()) {
                            true => format!("<{}>", e.name()),
                            false => format!("<{}> of the site's own", e.name()),
                        };
                        self.converted
                            .count(&format!("{what} dropped (the page around the document)"), 1);
                        continue;
                    }
                    if is_word_list_item(e) {
                        flush(&mut inline, out);
                        word_list.push(self.word_list_item(child));
                        continue;
                    }
                    self.flush_word_list(&mut word_list, out);
                    // `<font>` or `<center>` around headings and paragraphs, as pages made
                    // before CSS wrap them: read as the blocks it holds.
                    if !is_block(e.name()) && holds_blocks(child) {
                        flush(&mut inline, out);
                        self.blocks(child, out);
                        continue;
                    }
                    if is_block(e.name()) {
                        flush(&mut inline, out);
                        self.block(child, out);
                    } else {
                        inline.push_str(&self.inline(child));
                    }
                }
                _ => {}
            }
        }
        self.flush_word_list(&mut word_list, out);
        flush(&mut inline, out);
    }

    /// Whether an element holds a note or a marker: never dropped as chrome.
    fn holds_notes(&self, element: ElementRef) -> bool {
        element
            .descendants()
            .any(|d| self.note_blocks.contains(&d.id()) || self.markers.contains(&d.id()))
    }

    /// One paragraph of a Word list: whether its number is a number (not a bullet), and its
    /// text without it (Word writes the number in a span styled `mso-list:Ignore`).
    fn word_list_item(&mut self, paragraph: ElementRef<'a>) -> (bool, String) {
        let number: String = paragraph
            .select(&selector("span[style*='mso-list:Ignore']"))
            .next()
            .map(|span| span.text().collect())
            .unwrap_or_default();
        let number = number.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
        let text = collapse(&self.inline_children(paragraph).replace('\u{a0}', " "));
        let text = text
            .strip_prefix(number)
            .unwrap_or(&text)
            .trim()
            .to_string();
        let ordered = number
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
        (ordered, text)
    }

    fn flush_word_list(&mut self, items: &mut Vec<(bool, String)>, out: &mut Vec<String>) {
        if items.is_empty() {
            return;
        }
        let ordered = items[0].0;
        let lines: Vec<String> = items
            .iter()
            .enumerate()
            .map(|(i, (_, text))| match ordered {
                true => format!("{}. {text}", i + 1),
                false => format!("- {text}"),
            })
            .collect();
        out.push(lines.join("\n"));
        self.converted.count("Word list paragraphs made lists", 1);
        items.clear();
    }

    fn block(&mut self, element: ElementRef<'a>, out: &mut Vec<String>) {
        let name = element.value().name();
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level: usize = name[1..].parse().unwrap_or(2);
                let text = collapse(&self.inline_children(element));
                if !text.is_empty() {
                    out.push(format!("{} {text}", "#".repeat(level)));
                }
            }
            "p" => {
                let text = self.inline_children(element);
                let text = text.lines().map(str::trim).collect::<Vec<_>>().join("\n");
                if !text.trim().is_empty() {
                    out.push(text.trim().to_string());
                }
            }
            "blockquote" => {
                let mut inner = Vec::new();
                self.blocks(element, &mut inner);
                let quoted: Vec<String> = inner
                    .join("\n\n")
                    .lines()
                    .map(|l| {
                        if l.is_empty() {
                            ">".to_string()
                        } else {
                            format!("> {l}")
                        }
                    })
                    .collect();
                if !quoted.is_empty() {
                    out.push(quoted.join("\n"));
                }
            }
            "ul" | "ol" => {
                let list = self.list(element, 0);
                if !list.is_empty() {
                    out.push(list);
                }
            }
            "table" if is_layout_table(element) => self.layout_table(element, out),
            "table" => {
                if let Some(table) = self.table(element) {
                    out.push(table);
                }
            }
            "pre" => out.push(format!(
                "```\n{}\n```",
                element.text().collect::<String>().trim_end()
            )),
            "hr" => out.push("---".to_string()),
            _ => self.blocks(element, out),
        }
    }

    fn list(&mut self, list: ElementRef<'a>, depth: usize) -> String {
        let ordered = list.value().name() == "ol";
        let mut lines = Vec::new();
        let mut number = 0;
        for item in list.children().filter_map(ElementRef::wrap) {
            if item.value().name() != "li" || self.note_blocks.contains(&item.id()) {
                continue;
            }
            number += 1;
            let bullet = if ordered {
                format!("{number}. ")
            } else {
                "- ".to_string()
            };
            let indent = "   ".repeat(depth);
            let mut text = String::new();
            let mut nested = Vec::new();
            for child in item.children() {
                match ElementRef::wrap(child) {
                    Some(e) if matches!(e.value().name(), "ul" | "ol") => {
                        nested.push(self.list(e, depth + 1))
                    }
                    Some(e) if is_block(e.value().name()) => {
                        let mut inner = Vec::new();
                        self.block(e, &mut inner);
                        text.push_str(&inner.join(" "));
                        text.push(' ');
                    }
                    Some(e) => text.push_str(&self.inline(e)),
                    None => {
                        if let Node::Text(t) = child.value() {
                            text.push_str(t);
                        }
                    }
                }
            }
            lines.push(format!("{indent}{bullet}{}", collapse(&text)));
            lines.extend(nested.into_iter().filter(|n| !n.is_empty()));
        }
        lines.join("\n")
    }

    /// A table that lays out the page rather than holding data: each cell read as a part
    /// of the page, a cell of links (the site's menu) dropped.
    fn layout_table(&mut self, table: ElementRef<'a>, out: &mut Vec<String>) {
        self.converted.count("layout tables read as the page", 1);
        let cell_selector = selector("td, th");
        let cells = table.select(&cell_selector).filter(|cell| {
            // The cells of this table, not of a table within one of them.
            cell.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table")
                .is_some_and(|t| t.id() == table.id())
        });
        let cells: Vec<ElementRef<'a>> = cells.collect();
        let words =
            |cell: &ElementRef| crate::search::words::words(&cell.text().collect::<String>()).len();
        let most = cells.iter().map(words).max().unwrap_or(0);
        for cell in cells {
            // Beside the cell that holds the text, a short one is the site's banner or
            // footer, and one of links its menu.
            let short = words(&cell) < 40 && words(&cell) < most;
            if (is_menu(cell) || short) && !self.holds_notes(cell) {
                self.converted
                    .dropped
                    .push(collapse(&cell.text().collect::<String>()));
                self.converted.count(
                    "cells beside the text dropped (the site's banner, menu or footer)",
                    1,
                );
                continue;
            }
            self.blocks(cell, out);
        }
    }

    fn table(&mut self, table: ElementRef<'a>) -> Option<String> {
        let caption = table
            .select(&selector("caption"))
            .next()
            .map(|c| collapse(&self.inline_children(c)))
            .filter(|c| !c.is_empty());
        let rows: Vec<Vec<String>> = table
            .select(&selector("tr"))
            .map(|row| {
                row.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|cell| collapse(&self.inline_children(cell)).replace('|', "\\|"))
                    .collect()
            })
            .filter(|r: &Vec<String>| !r.is_empty())
            .collect();
        let width = rows.iter().map(Vec::len).max()?;
        let line = |row: &[String]| {
            let mut cells: Vec<String> = row.to_vec();
            cells.resize(width, String::new());
            format!("| {} |", cells.join(" | "))
        };
        let mut out = vec![
            line(&rows[0]),
            format!("|{}|", vec!["---"; width].join("|")),
        ];
        out.extend(rows[1..].iter().map(|r| line(r)));
        // Its caption stands above it, as a paragraph of its own.
        let table = out.join("\n");
        Some(match caption {
            Some(caption) => format!("{caption}\n\n{table}"),
            None => table,
        })
    }

    fn inline_children(&mut self, element: ElementRef<'a>) -> String {
        let mut text = String::new();
        for child in element.children() {
            match child.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(_) => {
                    text.push_str(&self.inline(ElementRef::wrap(child).expect("an element")))
                }
                _ => {}
            }
        }
        text
    }

    fn inline(&mut self, element: ElementRef<'a>) -> String {
        let name = element.value().name();
        if self.markers.contains(&element.id()) {
            let target = &element.value().attr("href").unwrap_or_default()[1..];
            let label = &self.note_list[self.notes[target]].label;
            return format!("[^{label}]");
        }
        if CHROME.contains(&name) {
            self.converted
                .dropped
                .push(collapse(&element.text().collect::<String>()));
            return String::new();
        }
        if is_back_link(element) {
            self.converted.dropped.push(element.text().collect());
            self.converted.count("links back from notes dropped", 1);
            return String::new();
        }
        let inner = self.inline_children(element);
        match name {
            "em" | "i" | "cite" => wrap_words(&inner, "*"),
            "strong" | "b" => wrap_words(&inner, "**"),
            "code" => format!("`{inner}`"),
            "br" => "\\\n".to_string(),
            // A marker's <sup> holds the marker alone.
            "sup" if inner.starts_with("[^") => inner,
            "a" => match element.value().attr("href") {
                Some(href) if !href.starts_with('#') && !inner.trim().is_empty() => {
                    if !href.contains("://") && !href.starts_with("mailto:") {
                        self.converted
                            .count("relative links kept as they are (they may lead nowhere)", 1);
                    }
                    format!("[{}]({href})", inner.trim())
                }
                _ => inner,
            },
            "img" => {
                let alt = element.value().attr("alt").unwrap_or_default();
                let src = element.value().attr("src").unwrap_or_default();
                format!("![{alt}]({src})")
            }
            _ => inner,
        }
    }

    /// A note's text, without its number and its way back to the marker.
    fn note_text(&mut self, index: usize) -> String {
        let note = &self.note_list[index];
        let block = note.block;
        let nodes: Vec<NodeRef<'a, Node>> = match note.run.is_empty() {
            true => block.children().collect(),
            false => note
                .run
                .iter()
                .filter_map(|&id| block.tree().get(id))
                .collect(),
        };
        let mut text = String::new();
        for child in nodes {
            match child.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(e) => {
                    let child = ElementRef::wrap(child).expect("an element");
                    let href = e.attr("href").unwrap_or_default();
                    let back = e.name() == "a"
                        && (href.starts_with('#') || e.attr("name").is_some())
                        && (marker_text(&child.text().collect::<String>())
                            || ["↩", "^", "↑", "back"]
                                .iter()
                                .any(|b| child.text().collect::<String>().contains(b))
                            || child.text().collect::<String>().trim().is_empty());
                    if back {
                        self.converted.dropped.push(child.text().collect());
                        continue;
                    }
                    text.push_str(&self.inline(child));
                }
                _ => {}
            }
        }
        let text = collapse(&text);
        // "1. The note", "[1] The note": the number the marker gave.
        let label = &self.note_list[index].label;
        let without_number = text
            .strip_prefix(&format!("[{label}]"))
            .or_else(|| text.strip_prefix(&format!("{label}.")))
            .or_else(|| text.strip_prefix(&format!("{label})")))
            .map(str::trim_start);
        if let Some(rest) = without_number {
            self.converted.dropped.push(label.clone());
            return rest.to_string();
        }
        text
    }

    /// The first heading, when it repeats the page's title or there is none, or is of the
    /// first level, is the title. A short paragraph before it that the page's `<title>`
    /// also holds is the site's name (`LABOUR PAMPHLETS ONLINE` in a bar above the text)
    /// and is dropped; anything else before it stays.
    fn title_from_first_heading(&mut self, body: String) -> String {
        let blocks: Vec<&str> = body.split("\n\n").collect();
        let Some(at) = blocks.iter().position(|b| b.starts_with('#')) else {
            return body;
        };
        let first = blocks[at].lines().next().unwrap_or_default();
        let hashes = first.chars().take_while(|&c| c == '#').count();
        if !first[hashes..].starts_with(' ') {
            return body;
        }
        let heading = first[hashes..].trim().to_string();
        let title = self.converted.front.title.clone().unwrap_or_default();
        // Without a `<title>`, the first heading is the title only when no other heading
        // stands at its level or above it (it is not the first of the sections).
        let alone = blocks[at + 1..].iter().all(|b| {
            let level = b.chars().take_while(|&c| c == '#').count();
            level == 0 || level > hashes
        });
        if !(title.contains(&heading) || hashes == 1 || (title.is_empty() && alone)) {
            return body;
        }
        let page_title = title.to_lowercase();
        let mut kept: Vec<&str> = Vec::new();
        for before in &blocks[..at] {
            let words = collapse(before);
            if !words.is_empty()
                && words.chars().count() < 80
                && page_title.contains(&words.to_lowercase())
            {
                self.converted.dropped.push(words);
                self.converted
                    .count("site names before the title dropped", 1);
            } else {
                kept.push(before);
            }
        }
        self.converted.front.title = Some(heading);
        self.converted.count("first heading made the title", 1);
        let rest = blocks[at][first.len()..].trim_start();
        kept.extend((!rest.is_empty()).then_some(rest));
        kept.extend(&blocks[at + 1..]);
        kept.join("\n\n").trim_start().to_string()
    }
}

/// Emphasis around the words, not the spaces beside them (`* word*` is no emphasis).
fn wrap_words(text: &str, mark: &str) -> String {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return text.to_string();
    }
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    format!("{lead}{mark}{trimmed}{mark}{tail}")
}

/// Whether an element stands as a block of its own.
/// A paragraph of a list as Word exports one (`class="MsoListParagraphCxSpFirst"` …).
fn is_word_list_item(element: &scraper::node::Element) -> bool {
    element.name() == "p"
        && element
            .attr("class")
            .is_some_and(|c| c.starts_with("MsoListParagraph"))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "aside"
            | "blockquote"
            | "ul"
            | "ol"
            | "table"
            | "pre"
            | "hr"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "figure"
            | "figcaption"
            | "dl"
            | "dd"
            | "dt"
            | "center"
            | "body"
            | "li"
    )
}

/// The text gathered so far, made a paragraph.
/// The inline text gathered so far as paragraphs: two line breaks in a row (`<br><br>`, as
/// pages written before CSS part their paragraphs) end one.
fn flush(inline: &mut String, out: &mut Vec<String>) {
    for paragraph in DOUBLE_BREAK.split(inline) {
        let text = collapse(paragraph);
        let text = text.trim_end_matches('\\').trim();
        if !text.is_empty() {
            out.push(text.to_string());
        }
    }
    inline.clear();
}

static DOUBLE_BREAK: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\\\n\s*(?:\\\n\s*)+").expect("valid pattern"));

/// A blog's line of metadata about its post (`<p class="post-meta"><time>…</time> • 7 min
/// read</p>`): the web page's, not the document's.
fn is_post_meta(element: ElementRef) -> bool {
    let class = element.value().attr("class").unwrap_or_default();
    let meta = class
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| w == "meta");
    meta && (element.select(&selector("time")).next().is_some()
        || element.text().collect::<String>().contains("min read"))
}

/// Whether an element holds the page's title (its `<h1>`): an article's own `<header>`.
fn holds_title(element: ElementRef) -> bool {
    element.select(&selector("h1")).next().is_some()
}

/// Whether an element holds block elements: headings, paragraphs, quotations, lists, tables.
fn holds_blocks(element: ElementRef) -> bool {
    let blocks = selector("h1, h2, h3, h4, h5, h6, p, blockquote, table, ul, ol, div, hr");
    element.select(&blocks).next().is_some()
}

/// The lines a site of the 1990s sets under every page: no words of the document.
const PAGE_FOOTER: &[&str] = &[
    "Best viewed",
    "Last updated",
    "Last modified",
    "Back to top",
    "Return to top",
    "Top of page",
    "You are visitor",
    "This page was last",
];

/// Whether a paragraph is the footer of the site's page.
fn is_page_footer(paragraph: &str) -> bool {
    let text = paragraph.trim_start_matches(['[', '*', '_', ' ']);
    paragraph.chars().count() < 300 && PAGE_FOOTER.iter().any(|f| text.starts_with(f))
}

/// Whether a table lays out the page: a cell of it holds headings, quotations, lists or a
/// table, several paragraphs, or hundreds of words. (Word sets each cell of a data table
/// in a paragraph of its own: one paragraph is a cell's text.)
fn is_layout_table(table: ElementRef) -> bool {
    let blocks = selector("h1, h2, h3, h4, h5, h6, blockquote, table, ul, ol");
    let paragraphs = selector("p");
    table.select(&selector("td")).any(|cell| {
        cell.select(&blocks).next().is_some()
            || cell.select(&paragraphs).count() > 1
            || crate::search::words::words(&cell.text().collect::<String>()).len() > 150
    })
}

/// A cell that is mostly links: the site's menu.
fn is_menu(cell: ElementRef) -> bool {
    let all = crate::search::words::words(&cell.text().collect::<String>()).len();
    let linked: usize = cell
        .select(&selector("a[href]"))
        .map(|a| crate::search::words::words(&a.text().collect::<String>()).len())
        .sum();
    all > 0 && linked * 3 >= all
}

/// The nodes after an empty anchor that make its note: up to the next anchor of a note,
/// a block, or two line breaks in a row.
fn note_run<'a>(
    anchor: ElementRef<'a>,
    targets: &HashMap<String, ElementRef<'a>>,
) -> Vec<ego_tree::NodeId> {
    let target_ids: HashSet<ego_tree::NodeId> = targets.values().map(|t| t.id()).collect();
    let mut run = Vec::new();
    let mut breaks = 0;
    for node in anchor.next_siblings() {
        if let Some(element) = node.value().as_element() {
            if target_ids.contains(&node.id()) || is_block(element.name()) {
                break;
            }
            if element.name() == "br" {
                breaks += 1;
                run.push(node.id());
                if breaks == 2 {
                    break;
                }
                continue;
            }
        } else if node.value().as_text().is_some_and(|t| t.trim().is_empty()) {
            run.push(node.id());
            continue;
        }
        breaks = 0;
        run.push(node.id());
    }
    run
}

/// The element that holds a note's text: the list item, paragraph or block around the
/// element the marker leads to (an `<a name>` is inside the note's paragraph).
fn note_block(target: ElementRef) -> ElementRef {
    if matches!(target.value().name(), "li" | "p" | "div" | "dd" | "aside") {
        return target;
    }
    let mut node: NodeRef<Node> = *target;
    while let Some(parent) = node.parent() {
        if let Some(element) = ElementRef::wrap(parent)
            && matches!(element.value().name(), "li" | "p" | "div" | "dd" | "aside")
        {
            return element;
        }
        node = parent;
    }
    target
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_an_archive_becomes_markdown_with_its_notes() {
        let page = r##"<!DOCTYPE html><html><head><title>A Letter to the Party — The Archive</title>
<meta name="author" content="G. Miasnikov"><script>var x = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/archive/">Archive</a></nav>
<main><h1>A Letter to the Party</h1>
<p>The first paragraph cites a note.<sup><a href="#n1" id="r1">1</a></sup> And <em>emphasis</em>.</p>
<h2>The demands</h2>
<ul><li>freedom of the press</li><li>elected <b>secretaries</b><ul><li>in every cell</li></ul></li></ul>
<blockquote><p>We ask to be heard.</p></blockquote>
<table><tr><th>Cell</th><th>Members</th></tr><tr><td>Foundry</td><td>40</td></tr></table>
<p>A second note.<a href="#n2">[2]</a> See <a href="../letters/two.html">the second letter</a>.</p>
<h2>Notes</h2>
<ol><li id="n1">Avrich, p. 3. <a href="#r1">↩</a></li></ol>
<p><a name="n2"></a>2. Pravda, 12 May 1923.</p>
</main><footer>© The Archive</footer></body></html>"##;
        let converted = convert(page);
        let body = &converted.body;
        assert_eq!(
            converted.front.title.as_deref(),
            Some("A Letter to the Party")
        );
        assert_eq!(converted.front.authors, ["G. Miasnikov"]);
        for expected in [
            "The first paragraph cites a note.[^1] And *emphasis*.",
            "## The demands",
            "- freedom of the press\n- elected **secretaries**\n   - in every cell",
            "> We ask to be heard.",
            "| Cell | Members |\n|---|---|\n| Foundry | 40 |",
            "A second note.[^2] See [the second letter](../letters/two.html).",
            "[^1]: Avrich, p. 3.",
            "[^2]: Pravda, 12 May 1923.",
        ] {
            assert!(body.contains(expected), "{expected}\nnot in:\n{body}");
        }
        for gone in ["Home", "©", "var x", "↩"] {
            assert!(!body.contains(gone), "{gone} in {body}");
        }
    }

    #[test]
    fn the_site_s_name_above_the_title_is_dropped_and_the_heading_is_the_title() {
        let page = r#"<!DOCTYPE html><html><head><title>Pamphlets Online: Why the Union (1934)</title></head>
<body><div id="top"><span>PAMPHLETS ONLINE</span></div><div><p>Issued at Halifax.</p><h1>Why the Union</h1>
<p>Fellow workers!</p></div></body></html>"#;
        let converted = convert(page);
        assert_eq!(converted.front.title.as_deref(), Some("Why the Union"));
        assert_eq!(
            converted.body.trim(),
            "Issued at Halifax.\n\nFellow workers!"
        );
        assert!(
            converted
                .changes
                .contains(&("site names before the title dropped".into(), 1))
        );
    }

    #[test]
    fn chrome_by_class_word_lists_and_pandoc_back_links() {
        let page = r##"<html><body><div class="site-header"><ul class="menu"><li>Home</li></ul></div>
<div class="breadcrumb">Home &raquo; Letters</div><div class=WordSection1><h1>Letters</h1>
<p class=MsoNormal>The committee resolved:<a href="#fn1" id="r1">1</a></p>
<p class=MsoListParagraphCxSpFirst><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp; </span></span>That a kitchen be opened.</p>
<p class=MsoListParagraphCxSpLast><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp; </span></span>That the doctor report.</p>
<ol class="footnotes"><li id="fn1"><p>A note.<a href="#r1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol>
</div><div id="cookie-notice">We use cookies.</div></body></html>"##;
        let converted = convert(page);
        assert_eq!(
            converted.body,
            "The committee resolved:[^1]\n\n1. That a kitchen be opened.\n2. That the doctor report.\n\n[^1]: A note.\n"
        );
        assert!(
            converted.changes.contains(&(
                "<div> of the site's own dropped (the page around the document)".into(),
                3
            )),
            "{:?}",
            converted.changes
        );
    }

    #[test]
    fn a_page_laid_out_in_a_table_with_br_paragraphs_and_anchored_notes() {
        let page = r##"<HTML><HEAD><TITLE>Ankobra District Report</TITLE></HEAD><BODY><TABLE><TR><TD WIDTH=160><A HREF="/">Home</A><BR><A HREF="/r">Reports</A></TD>
<TD><FONT><H3>I. GENERAL</H3>The year was steady.<A HREF="#1"><SUP>1</SUP></A><BR><BR>I took over in May.<BR><BR>
<HR><B>NOTES</B><BR><BR><A NAME="1"></A>1. The mines are not named.<BR><BR></FONT>
<CENTER><FONT SIZE=1>Best viewed with Netscape.<BR><A HREF="#top">Back to top</A></FONT></CENTER></TD></TR></TABLE></BODY></HTML>"##;
        let converted = convert(page);
        assert_eq!(
            converted.body,
            "### I. GENERAL\n\nThe year was steady.[^1]\n\nI took over in May.\n\n---\n\n**NOTES**\n\n[^1]: The mines are not named.\n"
        );
    }
}

//! TEI P5 transcriptions, read as the XML they are: the `<teiHeader>` gives the front matter
//! (title, authors, date, publication, rights); the `<text>`'s divisions, headings,
//! paragraphs, quotations, lists and tables become Markdown; `<note>`s become footnotes,
//! `<pb n>` page markers (`[p. N]`), `<hi>` and `<emph>` emphasis. A name (`<persName>`,
//! `<placeName>`, `<orgName>`) whose `ref` the site's registry knows (an entry's ID or its
//! authority identifier) becomes a link to the entry; other names, and dates, are kept as
//! their words, which the build reads as it reads any text.

use roxmltree::{Document, Node};

use super::KnownEntries;
use super::collapse;
use super::markdown::Converted;

/// Reads a TEI document; a text that is no XML is an error in the report, and an empty page.
pub fn convert(text: &str, entries: &KnownEntries) -> Converted {
    let mut converted = Converted::default();
    let document = match Document::parse(text.strip_prefix('\u{feff}').unwrap_or(text)) {
        Ok(document) => document,
        Err(error) => {
            let line = error.pos().row as usize;
            converted.warnings.push((
                line,
                format!("the XML cannot be read: {error}; nothing was imported"),
            ));
            converted.text = text.to_string();
            return converted;
        }
    };
    let root = document.root_element();
    if let Some(header) = child(root, "teiHeader") {
        read_header(header, &mut converted);
    }
    // The whole <text>: its <front> (an editor's introduction, a title page), its <body>
    // and its <back> (appendices), in order.
    let body = (root.descendants().find(|n| n.has_tag_name("text")))
        .or_else(|| root.descendants().find(|n| n.has_tag_name("body")));
    let Some(body) = body else {
        converted
            .warnings
            .push((1, "no <text> or <body>: nothing to import".into()));
        return converted;
    };
    converted.text = body
        .descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    let mut reader = Reader {
        notes: Vec::new(),
        converted,
        entries,
        unknown: Vec::new(),
    };
    let mut blocks = Vec::new();
    reader.blocks(body, 1, &mut blocks);
    let mut out = blocks.join("\n\n").trim().to_string() + "\n";
    if !reader.notes.is_empty() {
        out.push('\n');
        for (n, note) in reader.notes.iter().enumerate() {
            out.push_str(&format!("[^{}]: {note}\n", n + 1));
        }
    }
    let notes = reader.notes.len();
    reader.converted.count("<note>s made footnotes", notes);
    reader.converted.body = out;
    reader.converted
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|c| c.has_tag_name(name))
}

fn text_of(node: Node) -> String {
    collapse(
        &node
            .descendants()
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .collect::<String>(),
    )
}

/// The header's title, authors, date, source and rights.
fn read_header(header: Node, converted: &mut Converted) {
    let find = |path: &[&str]| {
        let mut node = Some(header);
        for name in path {
            node = node.and_then(|n| n.descendants().find(|d| d.has_tag_name(*name)));
        }
        node
    };
    let front = &mut converted.front;
    front.title = find(&["titleStmt", "title"])
        .map(text_of)
        .filter(|t| !t.is_empty());
    if let Some(statement) = find(&["titleStmt"]) {
        front.authors = statement
            .children()
            .filter(|c| c.has_tag_name("author"))
            .map(text_of)
            .filter(|a| !a.is_empty())
            .collect();
    }
    // The document's own date: when it was written (`<creation>`), else that of the source
    // it was transcribed from; the digital edition's date is the last resort.
    let date = find(&["profileDesc", "creation", "date"])
        .or_else(|| find(&["sourceDesc", "date"]))
        .or_else(|| find(&["publicationStmt", "date"]));
    front.date = date.and_then(|d| {
        d.attribute("when")
            .map(str::to_string)
            .or_else(|| Some(text_of(d)))
    });
    front.publication = find(&["sourceDesc", "bibl"])
        .map(text_of)
        .filter(|p| !p.is_empty());
    front.rights = find(&["availability"])
        .map(text_of)
        .filter(|r| !r.is_empty());
    converted.count("header read into the front matter", 1);
}

struct Reader<'e> {
    notes: Vec<String>,
    converted: Converted,
    entries: &'e KnownEntries,
    /// The references of names that no entry of the registry has, each once.
    unknown: Vec<String>,
}

impl Reader<'_> {
    fn blocks(&mut self, node: Node, depth: usize, out: &mut Vec<String>) {
        for child in node.children().filter(Node::is_element) {
            match child.tag_name().name() {
                "div" | "div1" | "div2" | "div3" => self.blocks(child, depth + 1, out),
                "body" | "front" | "back" | "group" => self.blocks(child, depth, out),
                "head" => {
                    let text = collapse(&self.inline(child));
                    if !text.is_empty() {
                        out.push(format!("{} {text}", "#".repeat(depth.clamp(2, 6))));
                    }
                }
                "p" | "ab" | "l" | "opener" | "closer" | "salute" | "signed" | "dateline" => {
                    let text = collapse(&self.inline(child));
                    if !text.is_empty() {
                        out.push(text);
                    }
                }
                "lg" => self.blocks(child, depth, out),
                "quote" | "cit" => {
                    let mut inner = Vec::new();
                    if child
                        .children()
                        .any(|c| c.is_element() && c.has_tag_name("p"))
                    {
                        self.blocks(child, depth, &mut inner);
                    } else {
                        inner.push(collapse(&self.inline(child)));
                    }
                    let quoted: Vec<String> = inner
                        .join("\n\n")
                        .lines()
                        .map(|l| format!("> {l}").trim_end().to_string())
                        .collect();
                    out.push(quoted.join("\n"));
                }
                "list" => out.push(self.list(child, 0)),
                "table" => out.push(self.table(child)),
                "pb" => out.push(page_marker(child)),
                "note" => {
                    // A note standing between paragraphs: a paragraph of its own.
                    out.push(collapse(&self.inline(child)));
                }
                "figure" | "gap" | "milestone" => {
                    self.converted
                        .count(&format!("<{}> left out", child.tag_name().name()), 1);
                }
                _ => {
                    let text = collapse(&self.inline(child));
                    if !text.is_empty() {
                        out.push(text);
                    }
                }
            }
        }
    }

    fn list(&mut self, list: Node, depth: usize) -> String {
        let list_node = list;
        let ordered = list
            .attribute("type")
            .is_some_and(|t| t.contains("ordered") || t.contains("numbered"));
        let mut lines = Vec::new();
        for (n, item) in list
            .children()
            .filter(|c| c.has_tag_name("item"))
            .enumerate()
        {
            let bullet = if ordered {
                format!("{}. ", n + 1)
            } else {
                "- ".to_string()
            };
            let mut text = String::new();
            // A glossary's term, in the `<label>` before its item.
            let label = item
                .prev_sibling_element()
                .filter(|l| l.has_tag_name("label"))
                .map(|l| collapse(&self.inline(l)));
            if let Some(label) = label.filter(|l| !l.is_empty()) {
                text.push_str(&format!("**{label}**: "));
            }
            let mut nested = Vec::new();
            for part in item.children() {
                if part.has_tag_name("list") {
                    nested.push(self.list(part, depth + 1));
                } else {
                    self.inline_part(part, &mut text);
                }
            }
            lines.push(format!(
                "{}{bullet}{}",
                "   ".repeat(depth),
                collapse(&text)
            ));
            lines.extend(nested);
        }
        let list = lines.join("\n");
        // The list's own heading, a paragraph above it.
        match child(list_node, "head").map(|h| collapse(&self.inline(h))) {
            Some(head) if !head.is_empty() && depth == 0 => format!("{head}\n\n{list}"),
            _ => list,
        }
    }

    fn table(&mut self, table: Node) -> String {
        let rows: Vec<Vec<String>> = table
            .children()
            .filter(|r| r.has_tag_name("row"))
            .map(|row| {
                row.children()
                    .filter(|c| c.has_tag_name("cell"))
                    .map(|c| collapse(&self.inline(c)).replace('|', "\\|"))
                    .collect()
            })
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return String::new();
        }
        let line = |row: &Vec<String>| {
            let mut cells = row.clone();
            cells.resize(width, String::new());
            format!("| {} |", cells.join(" | "))
        };
        let mut out = vec![
            line(&rows[0]),
            format!("|{}|", vec!["---"; width].join("|")),
        ];
        out.extend(rows[1..].iter().map(line));
        out.join("\n")
    }

    /// The inline Markdown of an element's content.
    fn inline(&mut self, node: Node) -> String {
        let mut out = String::new();
        for part in node.children() {
            self.inline_part(part, &mut out);
        }
        out
    }

    /// The inline Markdown of one node within a block, added to `out`.
    fn inline_part(&mut self, part: Node, out: &mut String) {
        if part.is_text() {
            out.push_str(part.text().unwrap_or_default());
            return;
        }
        if !part.is_element() {
            return;
        }
        let name = part.tag_name().name();
        let inner = || part;
        match name {
            "note" => {
                let text = collapse(&self.inline(inner()));
                self.notes.push(text);
                out.push_str(&format!("[^{}]", self.notes.len()));
            }
            "hi" => {
                let text = self.inline(part);
                let rend = part.attribute("rend").unwrap_or("italic");
                let mark = if rend.contains("bold") { "**" } else { "*" };
                out.push_str(&format!("{mark}{}{mark}", text.trim()));
            }
            "emph" | "title" | "foreign"
                if name != "foreign" || part.attribute("rend").is_some() =>
            {
                out.push_str(&format!("*{}*", self.inline(part).trim()));
            }
            // A line of the source: a line of an address or a salutation, but within prose
            // only a space (or nothing, where it cuts a word: `break="no"`).
            "lb" => {
                let in_prose = part.ancestors().any(|a| {
                    ["p", "note", "item", "cell", "head", "quote"]
                        .iter()
                        .any(|n| a.has_tag_name(*n))
                });
                match (in_prose, part.attribute("break")) {
                    (true, Some("no")) => {}
                    (true, _) => out.push(' '),
                    (false, _) => out.push_str("\\\n"),
                }
            }
            "del" => {
                let text = collapse(&self.inline(part));
                if !text.is_empty() {
                    out.push_str(&format!("~~{text}~~"));
                    self.converted.count("deletions kept struck through", 1);
                }
            }
            "pb" => out.push_str(&format!(" {} ", page_marker(part))),
            "q" | "said" => out.push_str(&format!("“{}”", self.inline(part).trim())),
            "gap" => {
                out.push_str("[…]");
                self.converted.count("<gap>s written […]", 1);
            }
            "choice" => {
                // The editor's reading: the correction, the expansion, the regular form.
                let chosen = ["corr", "expan", "reg"]
                    .iter()
                    .find_map(|n| child(part, n))
                    .or_else(|| part.children().find(Node::is_element));
                if let Some(chosen) = chosen {
                    out.push_str(&self.inline(chosen));
                    // The other readings (the source's error) are reported, not kept.
                    for other in part.children().filter(|c| c.is_element() && *c != chosen) {
                        self.converted.dropped.push(text_of(other));
                    }
                }
                self.converted
                    .count("<choice>s read as the editor's reading", 1);
            }
            "persName" | "placeName" | "orgName" | "name" => {
                let text = self.inline(part);
                out.push_str(&self.name(part, text));
            }
            "date" => {
                out.push_str(&self.inline(part));
                self.converted
                    .count("<date>s kept as their words (the timeline reads them)", 1);
            }
            "ref" | "ptr" => match part.attribute("target") {
                Some(target) if !target.starts_with('#') => {
                    out.push_str(&format!("[{}]({target})", self.inline(part).trim()))
                }
                _ => out.push_str(&self.inline(part)),
            },
            _ => out.push_str(&self.inline(part)),
        }
    }
}

impl Reader<'_> {
    /// A name with a reference (`ref="#lenin"`, `ref="https://www.wikidata.org/wiki/Q1394"`,
    /// `key="lenin"`) that the registry knows, as a link to its entry; any other, as its
    /// text, with a warning at its line when the reference names no entry.
    fn name(&mut self, part: Node, text: String) -> String {
        let tag = part.tag_name().name();
        let reference = part.attribute("ref").or(part.attribute("key"));
        let Some(reference) = reference.filter(|_| !text.trim().is_empty()) else {
            self.converted.count(&format!("<{tag}>s kept as text"), 1);
            return text;
        };
        let found = reference
            .split_whitespace()
            .flat_map(|r| {
                let bare = r.trim_start_matches('#');
                [r, bare, bare.rsplit('/').next().unwrap_or(bare)]
            })
            .find_map(|candidate| self.entries.get(candidate));
        if let Some(link) = found {
            self.converted
                .count(&format!("<{tag}>s linked to the registry"), 1);
            let (lead, words, tail) = split_space(&text);
            return format!("{lead}[{words}]({link}){tail}");
        }
        self.converted.count(&format!("<{tag}>s kept as text"), 1);
        if !self.entries.is_empty() && !self.unknown.iter().any(|u| u == reference) {
            self.unknown.push(reference.to_string());
            let line = part.document().text_pos_at(part.range().start).row as usize;
            let attribute = if part.attribute("ref").is_some() {
                "ref"
            } else {
                "key"
            };
            self.converted.warnings.push((
                line,
                format!(
                    "<{tag} {attribute}=\"{reference}\"> names no entry of the registry: kept as text (add the entry, or give it the name's wikidata or viaf id, to link it)"
                ),
            ));
        }
        text
    }
}

/// A text's leading space, its words, and its trailing space.
fn split_space(text: &str) -> (&str, &str, &str) {
    let words = text.trim();
    let lead = &text[..text.len() - text.trim_start().len()];
    let tail = &text[text.trim_end().len()..];
    (lead, words, tail)
}

/// `<pb n="14"/>`: where page 14 of the source begins.
fn page_marker(pb: Node) -> String {
    match pb.attribute("n") {
        Some(n) => format!("[p. {n}]"),
        None => "[page]".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tei_document_becomes_a_page_with_its_header_and_notes() {
        let tei = r##"<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc>
    <titleStmt><title>Letter to the Central Committee</title><author>G. T. Miasnikov</author></titleStmt>
    <publicationStmt><availability><p>Public domain.</p></availability></publicationStmt>
    <sourceDesc><bibl>Typescript, party archive, f. 17.</bibl><date when="1921-08-05">5 August 1921</date></sourceDesc>
  </fileDesc></teiHeader>
  <text><body>
    <div><head>The letter</head>
      <p>I write to you, <persName ref="#lenin">Vladimir Ilyich</persName>, about the
      <hi rend="italic">press</hi>.<note place="foot">The word is underlined.</note></p>
      <pb n="2"/>
      <p>The workers <choice><sic>demnad</sic><corr>demand</corr></choice> to be heard.</p>
      <quote><p>All power to the soviets.</p></quote>
      <list type="ordered"><item>freedom of the press</item><item>elections</item></list>
      <table><row><cell>Cell</cell><cell>Members</cell></row><row><cell>Foundry</cell><cell>40</cell></row></table>
    </div>
  </body></text>
</TEI>"##;
        let converted = convert(tei, &KnownEntries::new());
        let front = &converted.front;
        assert_eq!(
            front.title.as_deref(),
            Some("Letter to the Central Committee")
        );
        assert_eq!(front.authors, ["G. T. Miasnikov"]);
        assert_eq!(front.date.as_deref(), Some("1921-08-05"));
        assert_eq!(
            front.publication.as_deref(),
            Some("Typescript, party archive, f. 17.")
        );
        let body = &converted.body;
        for expected in [
            "## The letter",
            "I write to you, Vladimir Ilyich, about the *press*.[^1]",
            "[p. 2]",
            "The workers demand to be heard.",
            "> All power to the soviets.",
            "1. freedom of the press\n2. elections",
            "| Cell | Members |\n|---|---|\n| Foundry | 40 |",
            "[^1]: The word is underlined.",
        ] {
            assert!(body.contains(expected), "{expected}\nnot in:\n{body}");
        }
    }

    #[test]
    fn xml_that_cannot_be_read_is_said_at_its_line() {
        let converted = convert("<TEI>\n<text>\n<p>unclosed\n</TEI>", &KnownEntries::new());
        assert_eq!(converted.warnings.len(), 1);
        assert!(
            converted.warnings[0]
                .1
                .starts_with("the XML cannot be read"),
            "{:?}",
            converted.warnings
        );
    }

    #[test]
    fn a_note_inside_a_list_item_is_a_footnote_and_the_date_is_the_document_s() {
        let tei = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Minutes</title></titleStmt>
<publicationStmt><date when="2019-05-28">2019</date></publicationStmt>
<sourceDesc><p>A minute book.</p></sourceDesc></fileDesc>
<profileDesc><creation><date when="1871-03-18">18 March 1871</date></creation></profileDesc>
</teiHeader><text><body><list><item>to open a register;<note place="foot">It survives in part.</note></item>
<item>to post the resolutions.</item></list></body></text></TEI>"#;
        let converted = convert(tei, &KnownEntries::new());
        assert_eq!(converted.front.date.as_deref(), Some("1871-03-18"));
        assert!(
            converted
                .body
                .contains("- to open a register;[^1]\n- to post the resolutions."),
            "{}",
            converted.body
        );
        assert!(converted.body.contains("[^1]: It survives in part."));
    }

    #[test]
    fn the_front_and_back_of_a_text_are_kept_around_its_body() {
        let tei = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>B</title></titleStmt></fileDesc></teiHeader>
<text><front><div><head>Introduction</head><p>The editor's words.</p></div></front>
<body><div><head>The broadsheet</head><p>Citizens!</p></div></body>
<back><div><head>Appendix</head><p>A list.</p></div></back></text></TEI>"#;
        let converted = convert(tei, &KnownEntries::new());
        assert_eq!(
            converted.body,
            "## Introduction\n\nThe editor's words.\n\n## The broadsheet\n\nCitizens!\n\n## Appendix\n\nA list.\n"
        );
    }

    #[test]
    fn line_breaks_in_prose_deletions_and_a_glossary() {
        let tei = r#"<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<opener><salute>Messrs. Pattison,<lb/>Hong Kong.</salute></opener>
<p>I ship <del>twelve</del> <add>fifteen</add> chests<lb/>
of tea; the mer<lb break="no"/>chant says so.</p>
<list type="gloss"><head>Glossary</head><label>kadı</label><item>a judge</item><label>sicil</label><item>a register</item></list>
</body></text></TEI>"#;
        let converted = convert(tei, &KnownEntries::new());
        assert_eq!(
            converted.body,
            "Messrs. Pattison,\\\nHong Kong.\n\nI ship ~~twelve~~ fifteen chests of tea; the merchant says so.\n\nGlossary\n\n- **kadı**: a judge\n- **sicil**: a register\n"
        );
    }
}

//! Text exported from a wiki, made plain text that the text import reads: the wiki's own
//! markup is converted where it carries words and removed where it does not, each kind
//! counted and every removal of words a warning at its line.
//!
//! - `{{cite …}}` templates become the citation they describe; templates that only wrap
//!   words (`{{lang|ru|…}}`, `{{nowrap|…}}`) become those words; an infobox and every other
//!   template (`{{citation needed}}`, `{{reflist}}`) are removed.
//! - `[[target|text]]` links become their text; a picture (`[[File:…|thumb|caption]]`) and
//!   the leftover of one that a copy cut (`thumb|caption]]`) become its caption; category
//!   links are removed.
//! - `''italics''` and `'''bold'''` become Markdown's emphasis; `{| … |}` tables become pipe
//!   tables; `[edit]` after a heading is dropped.
//!
//! The `[n]` markers and the endnote list are the text import's to read, as in any text.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::markdown::Converted;
use super::tables;

/// Templates whose last unnamed parameter is words of the text.
const WRAPPING_TEMPLATES: &[&str] = &[
    "lang",
    "nowrap",
    "nobr",
    "small",
    "transl",
    "transliteration",
    "nihongo",
    "smallcaps",
    "sic",
    "abbr",
    "em",
    "angbr",
];

/// Reads a wiki export.
pub fn convert(text: &str) -> Converted {
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let mut converted = Converted {
        text: text.clone(),
        ..Converted::default()
    };
    let body = furniture(&text, &mut converted);
    let body = maintenance_tags(&body, &mut converted);
    let body = arrow_notes(&body, &mut converted);
    let body = jump_links(&body, &mut converted);
    back_link_letters(&body, &mut converted);
    let body = galleries(&body, &mut converted);
    let body = html_tags(&body, &mut converted);
    let body = templates(&body, &mut converted);
    let (body, ref_notes) = super::markdown::wiki_residue(&body, 1, &mut converted);
    converted.footnotes.extend(ref_notes);
    let body = lettered_notes(&body, &mut converted);
    let body = unnumbered_notes(&body, &mut converted);
    let body = external_links(&body, &mut converted);
    let body = links(&body, &mut converted);
    let body = emphasis(&body, &mut converted);
    let body = wiki_tables(&body, &mut converted);
    let body = edit_links(&body, &mut converted);
    let body = separate_blocks(&body);
    for (_, note) in &mut converted.footnotes {
        *note = ITALIC
            .replace_all(&BOLD.replace_all(note, "**$1**"), "*$1*")
            .into_owned();
        *note = LINK
            .replace_all(note, |c: &Captures| {
                let shown = c.get(2).map_or(&c[1], |t| t.as_str());
                format!("{}{}", shown.trim(), &c[3])
            })
            .into_owned();
    }
    let body = BLANK_LINES.replace_all(body.trim(), "\n\n");
    converted.body = title(&body, &mut converted);
    converted
}

static BLANK_LINES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\n(?:[ \t]*\n)+").expect("valid pattern"));

/// The 1-based line of `text` on which byte `at` stands.
fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Every `{{…}}` (nested ones within it) replaced by what it stands for.
fn templates(text: &str, converted: &mut Converted) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    while let Some(found) = text[rest..].find("{{") {
        let start = rest + found;
        out.push_str(&text[rest..start]);
        let Some(end) = template_end(text, start) else {
            converted.warnings.push((
                line_of(text, start),
                "a {{template}} that is never closed, left as it is".into(),
            ));
            out.push_str(&text[start..]);
            return out;
        };
        let inner = &text[start + 2..end - 2];
        out.push_str(&template_text(inner, line_of(text, start), converted));
        rest = end;
    }
    out.push_str(&text[rest..]);
    out
}

/// Where the template opening at `start` closes (the byte after its `}}`).
fn template_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    while i + 1 < bytes.len() {
        match &bytes[i..i + 2] {
            b"{{" => {
                depth += 1;
                i += 2;
            }
            b"}}" => {
                depth -= 1;
                i += 2;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// What one template (its text between the braces) leaves in the page.
fn template_text(inner: &str, line: usize, converted: &mut Converted) -> String {
    let parts = split_parameters(inner);
    let name = parts[0].trim().to_lowercase();
    // Its name and keys are no words of the text, whatever it leaves.
    converted.dropped.push(inner.to_string());
    let named = |key: &str| {
        parts[1..].iter().find_map(|p| {
            let (k, v) = p.split_once('=')?;
            (k.trim().eq_ignore_ascii_case(key) && !v.trim().is_empty())
                .then(|| v.trim().to_string())
        })
    };
    if name.starts_with("cite") || name == "citation" {
        converted.count("citation templates made text", 1);
        return citation(&named);
    }
    // Harvard short citations: `{{sfn|Reyes|1989|p=12}}` is a footnote "Reyes 1989, p. 12.";
    // `{{harvnb|…}}` the same words in the text around it.
    if matches!(
        name.as_str(),
        "sfn" | "sfnp" | "harvnb" | "harv" | "harvp" | "harvtxt"
    ) {
        let cited = short_citation(&parts[1..], &named);
        if name.starts_with("sfn") {
            converted.count("short citations ({{sfn}}) made footnotes", 1);
            return footnote(converted, "sfn", format!("{cited}."));
        }
        converted.count("short citations ({{harvnb}}) made text", 1);
        return cited;
    }
    if matches!(name.as_str(), "efn" | "efn-ua" | "efn-la" | "refn" | "note")
        && let Some(text) = parts[1..]
            .iter()
            .find(|p| !p.contains('='))
            .or(parts.get(1))
    {
        converted.count("explanatory notes ({{efn}}) made footnotes", 1);
        return footnote(converted, "efn", text.trim().to_string());
    }
    if matches!(
        name.as_str(),
        "quote" | "blockquote" | "cquote" | "quotation" | "quote box"
    ) && let Some(words) = named("text").or_else(|| named("quote")).or_else(|| {
        parts
            .get(1)
            .filter(|p| !p.contains('='))
            .map(|p| p.trim().to_string())
    }) {
        converted.count("quotation templates made quotations", 1);
        let source = [named("author").or(named("sign")), named("source")]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        // A quotation followed by its source as a paragraph is read as a block quotation.
        return match source.is_empty() {
            true => format!("\n\n{words}\n\n"),
            false => format!("\n\n{words}\n\n{source}\n\n"),
        };
    }
    let base = name.split(['-', ' ']).next().unwrap_or("");
    if WRAPPING_TEMPLATES.contains(&base)
        && let Some(words) = parts[1..].iter().rev().find(|p| !p.contains('='))
    {
        converted.count("templates around words made text", 1);
        return words.trim().to_string();
    }
    if name.starts_with("infobox") {
        converted.count("infoboxes dropped", 1);
        converted.warnings.push((
            line,
            format!(
                "an infobox ({} fields) was dropped: its facts are not in the page",
                parts.len() - 1
            ),
        ));
    } else {
        converted.count("templates dropped", 1);
        converted.warnings.push((
            line,
            format!("the template {{{{{}}}}} was dropped", parts[0].trim()),
        ));
    }
    String::new()
}

/// The footnote `text` under a label of its own (`sfn-1`), or under the label of the same
/// text given before: a wiki cites one page of one work under one note.
fn footnote(converted: &mut Converted, kind: &str, text: String) -> String {
    let label = match converted.footnotes.iter().find(|(_, t)| *t == text) {
        Some((label, _)) => label.clone(),
        None => {
            let n = converted
                .footnotes
                .iter()
                .filter(|(l, _)| l.starts_with(kind))
                .count()
                + 1;
            let label = format!("{kind}-{n}");
            converted.footnotes.push((label.clone(), text));
            label
        }
    };
    format!("[^{label}]")
}

/// `Reyes 1989, p. 12` from a Harvard template's unnamed parameters (the authors' surnames,
/// then the year) and its page (`p`, `pp`, `loc`).
fn short_citation(parameters: &[String], named: &dyn Fn(&str) -> Option<String>) -> String {
    let unnamed: Vec<&str> = parameters
        .iter()
        .filter(|p| !p.contains('='))
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    let (year, authors) = match unnamed.split_last() {
        Some((year, authors)) if year.chars().take(4).all(|c| c.is_ascii_digit()) => {
            (Some(*year), authors.to_vec())
        }
        _ => (None, unnamed.clone()),
    };
    let mut text = match authors.len() {
        0 | 1 => authors.join(""),
        2 => authors.join(" and "),
        _ => format!("{} et al.", authors[0]),
    };
    if let Some(year) = year {
        text.push_str(&format!(" {year}"));
    }
    let place = named("p")
        .map(|p| format!("p. {p}"))
        .or(named("pp").map(|p| format!("pp. {p}")))
        .or(named("loc"));
    if let Some(place) = place {
        text.push_str(&format!(", {place}"));
    }
    text.trim().to_string()
}

/// A template's parameters split at the `|`s that are its own (not those of a template or
/// link within it).
fn split_parameters(inner: &str) -> Vec<String> {
    let mut parts = vec![String::new()];
    let mut depth = 0i32;
    let chars: Vec<char> = inner.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let next = chars.get(i + 1).copied();
        match (c, next) {
            ('{', Some('{')) | ('[', Some('[')) => depth += 1,
            ('}', Some('}')) | (']', Some(']')) => depth -= 1,
            _ => {}
        }
        if c == '|' && depth <= 0 {
            parts.push(String::new());
        } else if let Some(last) = parts.last_mut() {
            last.push(c);
        }
    }
    parts
}

/// The citation a `{{cite …}}` template describes, as a note would write it: `Smith,
/// John. *Title*. Publisher, 1990, p. 4.`
fn citation(named: &dyn Fn(&str) -> Option<String>) -> String {
    let author = match (
        named("last").or(named("last1")),
        named("first").or(named("first1")),
    ) {
        (Some(last), Some(first)) => Some(format!("{last}, {first}")),
        (Some(last), None) => Some(last),
        _ => named("author").or(named("author1")),
    };
    let title = named("title").map(|t| format!("*{t}*"));
    let container = named("journal")
        .or(named("work"))
        .or(named("newspaper"))
        .or(named("website"));
    let place = [named("publisher"), named("year").or(named("date"))]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    let pages = named("page")
        .map(|p| format!("p. {p}"))
        .or(named("pages").map(|p| format!("pp. {p}")));
    let mut parts: Vec<String> = [author, title, container].into_iter().flatten().collect();
    let tail: Vec<String> = [(!place.is_empty()).then_some(place), pages]
        .into_iter()
        .flatten()
        .collect();
    if !tail.is_empty() {
        parts.push(tail.join(", "));
    }
    // "Morozov, A." ends its sentence already.
    let mut text = String::new();
    for part in parts {
        if !text.is_empty() {
            text.push_str(if text.ends_with('.') { " " } else { ". " });
        }
        text.push_str(&part);
    }
    if let Some(url) = named("url") {
        text.push_str(&format!(". {url}"));
    }
    if !text.is_empty() && !text.ends_with('.') {
        text.push('.');
    }
    text
}

static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:poem|blockquote|small|big|span|div|center|sup|sub|u|s|font|nowiki|onlyinclude|includeonly|noinclude|cite|abbr)\b[^>]*>|<br\s*/?>")
        .expect("valid pattern")
});

/// HTML that wikitext carries: a `<br>` is a new line, and the other tags (`<poem>`,
/// `<blockquote>`, `<small>`, `<span …>`) are dropped, their words kept.
fn html_tags(text: &str, converted: &mut Converted) -> String {
    let mut found = 0;
    let text = HTML_TAG.replace_all(text, |c: &Captures| {
        found += 1;
        converted.dropped.push(c[0].to_string());
        match c[0].to_lowercase().starts_with("<br") {
            true => "\n".to_string(),
            false => String::new(),
        }
    });
    converted.count("HTML tags dropped (their words kept)", found);
    text.into_owned()
}

static GALLERY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?is)<gallery[^>]*>(.*?)</gallery>").expect("valid pattern"));

/// A `<gallery>` of pictures: each picture's caption kept as a caption, its file's name
/// dropped.
fn galleries(text: &str, converted: &mut Converted) -> String {
    let mut found = 0;
    let mut dropped = Vec::new();
    let text = GALLERY.replace_all(text, |c: &Captures| {
        found += 1;
        let mut out = String::from("\n\n");
        for line in c[1].lines().map(str::trim).filter(|l| !l.is_empty()) {
            let (file, caption) = line.split_once('|').unwrap_or((line, ""));
            dropped.push(file.to_string());
            if !caption.trim().is_empty() {
                out.push_str(&format!("*{}*\n\n", caption.trim()));
            }
        }
        out
    });
    converted.count("galleries made captions", found);
    converted.dropped.extend(dropped);
    converted
        .dropped
        .extend(std::iter::repeat_n("gallery".to_string(), found));
    text.into_owned()
}

static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[\[([^\[\]|]*)(?:\|([^\[\]]*))?\]\](\p{L}*)").expect("valid pattern")
});
static PICTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\[\[(?:file|image|datei|файл|изображение):((?:[^\[\]]|\[\[[^\]]*\]\])*)\]\]")
        .expect("valid pattern")
});
/// What a copy leaves of a picture whose opening it cut: `thumb|A portrait, 1920]]`.
static PICTURE_LEFTOVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[^\[\n]*\|([^|\[\]\n]+)\]\][ \t]*$").expect("valid pattern")
});

/// A picture's options, which are not its caption.
fn is_picture_option(part: &str) -> bool {
    let part = part.trim().to_lowercase();
    matches!(
        part.as_str(),
        "thumb"
            | "thumbnail"
            | "frame"
            | "frameless"
            | "border"
            | "left"
            | "right"
            | "center"
            | "centre"
            | "none"
            | "upright"
    ) || part.ends_with("px")
        || part.contains('=')
}

fn links(text: &str, converted: &mut Converted) -> String {
    let mut captions = 0;
    // The pictures' file names and options, and the links' targets, are no words of the text.
    let mut dropped = Vec::new();
    let text = PICTURE.replace_all(text, |c: &Captures| {
        captions += 1;
        let parts = split_parameters(&c[1]);
        let caption = parts[1..].iter().rev().find(|p| !is_picture_option(p));
        dropped.extend(parts.iter().filter(|p| Some(*p) != caption).cloned());
        caption.map_or(String::new(), |caption| {
            format!("\n\n*{}*\n\n", caption.trim())
        })
    });
    let text = PICTURE_LEFTOVER.replace_all(&text, |c: &Captures| {
        captions += 1;
        dropped.push(c[0].to_string());
        format!("\n\n*{}*\n\n", c[1].trim())
    });
    converted.count("pictures made captions", captions);
    let mut made_text = 0;
    let mut categories = 0;
    let text = LINK.replace_all(&text, |c: &Captures| {
        let target = c[1].trim();
        if target.to_lowercase().starts_with("category:") {
            categories += 1;
            dropped.push(c[0].to_string());
            return String::new();
        }
        made_text += 1;
        let shown = c.get(2).map_or(target, |t| t.as_str().trim());
        if shown != target {
            dropped.push(target.to_string());
        }
        format!("{shown}{}", &c[3])
    });
    converted.count("wiki links made text", made_text);
    converted.count("category links dropped", categories);
    converted.dropped.extend(dropped);
    text.into_owned()
}

static BOLD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"'''(.+?)'''").expect("valid pattern"));
static ITALIC: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"''(.+?)''").expect("valid pattern"));

fn emphasis(text: &str, converted: &mut Converted) -> String {
    let bold = BOLD.find_iter(text).count();
    let text = BOLD.replace_all(text, "**$1**");
    let italic = ITALIC.find_iter(&text).count();
    let text = ITALIC.replace_all(&text, "*$1*");
    converted.count("wiki emphasis made Markdown", bold + italic);
    text.into_owned()
}

/// Each `{| … |}` made a pipe table, its caption a paragraph above it.
fn wiki_tables(text: &str, converted: &mut Converted) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(end) = lines[i]
            .trim_start()
            .starts_with("{|")
            .then(|| (i..lines.len()).find(|&j| lines[j].trim_start().starts_with("|}")))
            .flatten()
        else {
            out.push(lines[i].to_string());
            i += 1;
            continue;
        };
        let (caption, rows) = tables::wiki_rows(&lines[i..=end]);
        converted.dropped.push(lines[i..=end].join(" "));
        out.push(String::new());
        if let Some(caption) = caption {
            out.push(caption);
            out.push(String::new());
        }
        out.extend(tables::pipe_table(&rows));
        out.push(String::new());
        converted.count("wiki tables made tables", 1);
        i = end + 1;
    }
    out.join("\n")
}

static EDIT: LazyLock<Regex> = LazyLock::new(|| {
    // The edit link after a heading, in the languages of the larger wikis: `[edit]`,
    // `[modifier | modifier le code]`, `[Bearbeiten | Quelltext bearbeiten]`, `[править]`.
    Regex::new(r"(?mi)[ \t]*\[(?:edit|modifier|bearbeiten|editar|modifica|править|edytuj|bewerken|redigera|muokkaa)(?:[ \t]*\|[^\]\n]{1,40})?\][ \t]*$")
            .expect("valid pattern")
});

/// A heading copied from a wiki page ends in its `[edit]` link: it is made a wiki heading,
/// which the text import reads as one.
fn edit_links(text: &str, converted: &mut Converted) -> String {
    let edits = EDIT.find_iter(text).count();
    converted.count("[edit] links dropped", edits);
    converted
        .dropped
        .extend(std::iter::repeat_n("edit".to_string(), edits));
    text.lines()
        .map(|line| match EDIT.find(line) {
            Some(edit) if !line.trim_start().starts_with('=') => {
                format!("== {} ==", line[..edit.start()].trim())
            }
            Some(edit) => line[..edit.start()].to_string(),
            None => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the wiki prints around every article, which is no part of its text: the line
/// "From Wikipedia, the free encyclopedia" and the table of contents (a line "Contents"
/// and the numbered headings under it).
fn furniture(text: &str, converted: &mut Converted) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    if let Some(foot) = lines
        .iter()
        .position(|l| FOOTER.iter().any(|f| l.trim().starts_with(f)))
    {
        converted.count("lines of the wiki page's foot dropped", lines.len() - foot);
        converted
            .dropped
            .extend(lines.drain(foot..).map(str::to_string));
    }
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if FURNITURE.iter().any(|f| line.starts_with(f)) {
            converted.count("wiki page furniture dropped", 1);
            converted.dropped.push(line.to_string());
            i += 1;
            continue;
        }
        let entries = lines[i + 1..]
            .iter()
            .take_while(|l| CONTENTS_ENTRY.is_match(l.trim()))
            .count();
        let contents = line
            .trim_end_matches("[hide]")
            .trim_end_matches("[masquer]")
            .trim();
        if CONTENTS.contains(&contents) && entries >= 2 {
            converted.count("tables of contents dropped", 1);
            converted
                .dropped
                .extend(lines[i..=i + entries].iter().map(|l| l.to_string()));
            i += entries + 1;
            continue;
        }
        out.push(lines[i]);
        i += 1;
    }
    out.join("\n")
}

static BACK_LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^\s*(?:\d+\.\s+)?\^\s+((?:[a-z]\s+)+)").expect("valid pattern")
});

/// A wiki's note cited more than once begins with a letter for each place that cites it
/// (`^ a b c`): the text import leaves them out, and they are no words of the note.
fn back_link_letters(text: &str, converted: &mut Converted) {
    for found in BACK_LINKS.captures_iter(text) {
        converted.dropped.push(found[1].to_string());
    }
}

static JUMP_LINKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?m)\^\s*Jump up to:\s*((?:[a-z]\s+)*)").expect("valid pattern"));

/// A copied page's note cited in several places reads `^ Jump up to: a b text`: the words
/// and letters of its back links are dropped.
fn jump_links(text: &str, converted: &mut Converted) -> String {
    let mut dropped = Vec::new();
    let text = JUMP_LINKS.replace_all(text, |c: &Captures| {
        dropped.push(format!("Jump up to {}", &c[1]));
        "^ ".to_string()
    });
    converted.count("\"Jump up to\" back links dropped", dropped.len());
    converted.dropped.extend(dropped);
    text.into_owned()
}

static LETTERED_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*([a-z])\.\s+\^\s+(\S.*)$").expect("valid pattern"));

/// A wiki's explanatory notes are lettered (`[a]` in the text, `a. ^ text` in their list)
/// apart from its numbered references: each becomes a footnote labelled by its letter.
fn lettered_notes(text: &str, converted: &mut Converted) -> String {
    let mut kept = Vec::new();
    let mut letters = Vec::new();
    for line in text.lines() {
        match LETTERED_NOTE.captures(line) {
            Some(c) => {
                letters.push(c[1].to_string());
                converted
                    .footnotes
                    .push((c[1].to_string(), c[2].trim().to_string()));
            }
            None => kept.push(line),
        }
    }
    if letters.is_empty() {
        return text.to_string();
    }
    converted.count("lettered notes made footnotes", letters.len());
    let mut body = kept.join("\n");
    for letter in letters {
        body = body.replace(&format!("[{letter}]"), &format!("[^{letter}]"));
    }
    body
}

/// A copy of a wiki's note list may keep each note's `^` but not its number: the notes are
/// numbered in their order, as the page numbers them. A wiki that letters its explanatory
/// notes (`[a]` in the text) lists them first, in a run of their own under a heading: a run
/// as long as the text has letters is those notes, footnotes labelled by their letters.
fn unnumbered_notes(text: &str, converted: &mut Converted) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let is_note = |l: &str| l.starts_with("^ ");
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if !is_note(line) {
            continue;
        }
        // A run goes on over empty lines; a heading or text ends it.
        match runs.last_mut() {
            Some(run) if lines[run.1 + 1..i].iter().all(|l| l.trim().is_empty()) => run.1 = i,
            _ => runs.push((i, i)),
        }
    }
    let letters = lettered_markers(&lines, &is_note);
    let lettered_run = runs.iter().position(|&(first, last)| {
        let notes = (first..=last).filter(|&i| is_note(lines[i])).count();
        !letters.is_empty() && notes == letters.len()
    });
    let mut number = 0;
    let mut lettered = 0;
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let Some(note) = line.strip_prefix("^ ") else {
            out.push(line.to_string());
            continue;
        };
        let in_lettered = lettered_run.is_some_and(|r| (runs[r].0..=runs[r].1).contains(&i));
        if in_lettered {
            let letter = &letters[lettered];
            lettered += 1;
            converted
                .footnotes
                .push((letter.clone(), note.trim().to_string()));
        } else {
            number += 1;
            out.push(format!("{number}. ^ {note}"));
        }
    }
    converted.count("unnumbered notes numbered", number);
    converted.count("lettered notes made footnotes", lettered);
    let mut body = out.join("\n");
    if lettered > 0 {
        for letter in &letters {
            body = body.replace(&format!("[{letter}]"), &format!("[^{letter}]"));
        }
    }
    body
}

static LETTER_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([a-z])\]").expect("valid pattern"));

/// The letters of the markers `[a]`, `[b]` … in the text (not in its notes), in order.
fn lettered_markers(lines: &[&str], is_note: &dyn Fn(&str) -> bool) -> Vec<String> {
    let mut letters: Vec<String> = Vec::new();
    for line in lines.iter().filter(|l| !is_note(l)) {
        for found in LETTER_MARKER.captures_iter(line) {
            if !letters.contains(&found[1].to_string()) {
                letters.push(found[1].to_string());
            }
        }
    }
    // Letters run a, b, c …: anything else is no set of note markers.
    let in_sequence = letters
        .iter()
        .enumerate()
        .all(|(i, l)| l.as_bytes()[0] == b'a' + i as u8);
    if in_sequence { letters } else { Vec::new() }
}

static EXTERNAL_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(https?://[^\s\]]+)(?:\s+([^\]]+))?\]").expect("valid pattern")
});

/// A wiki's external link, `[https://… the words]`, made a Markdown link.
fn external_links(text: &str, converted: &mut Converted) -> String {
    let found = EXTERNAL_LINK.find_iter(text).count();
    converted.count("external links made links", found);
    EXTERNAL_LINK
        .replace_all(text, |c: &Captures| match c.get(2) {
            Some(words) => format!("[{}]({})", words.as_str().trim(), &c[1]),
            None => format!("<{}>", &c[1]),
        })
        .into_owned()
}

/// The lines a wiki prints around every article, by how they begin, in the languages of
/// the larger wikis.
const FURNITURE: &[&str] = &[
    "From Wikipedia, the free encyclopedia",
    "Retrieved from \"",
    "Categories:",
    "Hidden categories:",
    "This page was last edited",
    "Jump to navigation",
    "Un article de Wikipédia, l'encyclopédie libre",
    "Un article de Wikipédia, l’encyclopédie libre",
    "Aller à la navigation",
    "Ce document provient de",
    "Catégories :",
    "La dernière modification de cette page",
    "Aus Wikipedia, der freien Enzyklopädie",
    "Zur Navigation springen",
    "Abgerufen von",
    "Kategorien:",
    "Diese Seite wurde zuletzt",
    "Материал из Википедии",
    "Источник —",
    "Категории:",
    "De Wikipedia, la enciclopedia libre",
    "Obtenido de",
    "Categorías:",
    "Da Wikipedia, l'enciclopedia libera",
    "Categorie:",
    "aus Wikipedia, der freien Enzyklopädie",
    "Ir a la navegación",
    "Saltar a la navegación",
    "Portail de ",
];

/// The lines that open the foot of a wiki's page, after the article's last note: the page
/// from such a line on (authority data, categories, the licence, the links to the wiki's
/// own pages) is no part of the text.
const FOOTER: &[&str] = &[
    "Retrieved from \"",
    "Authority control",
    "Categories:",
    "Hidden categories:",
    "This page was last edited",
    "Ce document provient de",
    "Catégories :",
    "Normdaten",
    "Abgerufen von",
    "Kategorien:",
    "Control de autoridades",
    "Obtenido de",
    "Categorías:",
    "Esta página se editó",
    "Источник —",
    "Категории:",
];

/// The heading of a wiki's table of contents.
const CONTENTS: &[&str] = &[
    "Contents",
    "Sommaire",
    "Inhaltsverzeichnis",
    "Содержание",
    "Índice",
    "Contenido",
    "Indice",
    "Inhoud",
    "Spis treści",
];

/// A wiki's marks of a claim it doubts, which are no words of the text: `[citation needed]`.
static MAINTENANCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\[(?:[a-z][a-z ]{2,30} needed|who\?|when\?|where\?|which\?|why\?|according to whom\?|dubious[^\]\n]{0,20}|failed verification|not in citation given|non-primary source needed|réf\. nécessaire|réf\. souhaitée|Quelle fehlt|нет АИ|источник не указан \d* дней)\]")
        .expect("valid pattern")
});

/// Whether a line is one only a wiki prints: its furniture ("From Wikipedia, the free
/// encyclopedia", in any of the larger wikis' languages) or a heading with its edit link.
pub fn is_wiki_line(line: &str) -> bool {
    let line = line.trim();
    FURNITURE.iter().any(|f| line.starts_with(f)) || EDIT.is_match(line)
}

fn maintenance_tags(text: &str, converted: &mut Converted) -> String {
    let found: Vec<String> = MAINTENANCE
        .find_iter(text)
        .map(|m| m.as_str().to_string())
        .collect();
    converted.count(
        "maintenance tags ([citation needed] …) dropped",
        found.len(),
    );
    converted.dropped.extend(found);
    MAINTENANCE.replace_all(text, "").into_owned()
}

static ARROW_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^(\s*(?:\d+\.\s+)?)↑\s+((?:[a-z](?:\s+(?:et|und|и|y|e|and|,))?\s+)*)")
        .expect("valid pattern")
});

/// Other wikis open a note with `↑` where English has `^`, and join the letters of its
/// back links with a word (`↑ a et b`): written as English's, which the text import reads.
fn arrow_notes(text: &str, converted: &mut Converted) -> String {
    let mut found = 0;
    let text = ARROW_NOTE.replace_all(text, |c: &Captures| {
        found += 1;
        let letters: Vec<&str> = c[2]
            .split(|ch: char| ch.is_whitespace() || ch == ',')
            .filter(|w| w.len() == 1)
            .collect();
        match letters.is_empty() {
            true => format!("{}^ ", &c[1]),
            false => format!("{}^ {} ", &c[1], letters.join(" ")),
        }
    });
    converted.count("↑ notes read as ^ notes", found);
    text.into_owned()
}

static CONTENTS_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d+(?:\.\d+)*\s+\S").expect("valid pattern"));
static LIST_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[*#•]|-|\d{1,2}[.)])\s+\S").expect("valid pattern"));

/// A copy of a wiki page runs its headings and lists into the paragraphs beside them,
/// with no empty line between: each heading, and each run of list items, is set apart as a
/// block of its own. A heading is a wiki heading, or a short line in the form of a title
/// on its own after an empty line, with a paragraph of prose right under it.
fn separate_blocks(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 16);
    let is_item = |l: &str| LIST_ITEM.is_match(l.trim_start());
    // Under "See also" and the like, a copy keeps each link on a line of its own, without
    // its bullet: each is an item.
    let mut link_list = false;
    for (i, line) in lines.iter().enumerate() {
        if link_list && !line.trim().is_empty() && !line.trim_start().starts_with("==") {
            if is_item(line) {
                out.push(line.to_string());
            } else {
                out.push(format!("* {}", line.trim()));
            }
            continue;
        }
        link_list = false;
        let before = i.checked_sub(1).map(|b| lines[b]);
        let after = lines.get(i + 1).copied();
        let heading = line.trim_start().starts_with("==")
            || (before.is_none_or(|b| b.trim().is_empty())
                && after.is_some_and(|a| a.trim().chars().count() > 100 || is_item(a))
                && is_heading_line(line));
        if heading {
            let title = line.trim().trim_matches('=').trim();
            let level = line.trim().chars().take_while(|&c| c == '=').count().max(2);
            let marks = "=".repeat(level);
            out.extend([
                String::new(),
                format!("{marks} {title} {marks}"),
                String::new(),
            ]);
            link_list = matches!(
                title.to_lowercase().as_str(),
                "see also"
                    | "external links"
                    | "further reading"
                    | "related articles"
                    | "bibliography"
                    | "voir aussi"
                    | "articles connexes"
                    | "liens externes"
                    | "bibliographie"
                    | "siehe auch"
                    | "weblinks"
                    | "literatur"
                    | "см. также"
                    | "ссылки"
                    | "литература"
                    | "véase también"
                    | "enlaces externos"
                    | "bibliografía"
            );
            continue;
        }
        let item = is_item(line);
        if item && before.is_some_and(|b| !b.trim().is_empty() && !is_item(b)) {
            out.push(String::new());
        }
        out.push(line.to_string());
        if item && after.is_some_and(|a| !a.trim().is_empty() && !is_item(a)) {
            out.push(String::new());
        }
    }
    out.join("\n")
}

/// A short line in the form of a heading: a capital first, few words, no closing stop.
fn is_heading_line(line: &str) -> bool {
    let line = line.trim();
    let words = line.split_whitespace().count();
    (1..=8).contains(&words)
        && line.chars().count() <= 60
        && line.chars().next().is_some_and(char::is_uppercase)
        && !line.ends_with(['.', ',', ';', ':', '!', '?', ']', '|'])
        && !line.starts_with(['*', '|', '+', '{'])
}

/// A wiki page's export opens with the article's name on a line of its own: the title.
fn title(text: &str, converted: &mut Converted) -> String {
    let trimmed = text.trim_start();
    // The title's line, whether an empty line follows it or the article's first paragraph
    // does (a copy that lost the lines between them).
    let split = match trimmed.split_once('\n') {
        Some((first, rest))
            if !rest.starts_with('\n')
                && rest.lines().next().is_some_and(|l| l.chars().count() > 100) =>
        {
            Some((first, rest))
        }
        _ => trimmed.split_once("\n\n"),
    };
    let Some((first, rest)) = split else {
        return text.to_string();
    };
    let first = first.trim();
    let first = match first.strip_prefix("==") {
        Some(heading) if !first.contains('\n') => heading.trim_end_matches('=').trim(),
        _ => first,
    };
    let is_title = !first.contains('\n')
        && first.chars().count() <= 100
        && !first.starts_with(['=', '|', '*', '#', '[', '{'])
        && !first.ends_with(['.', '!', '?', ':', ';', ',']);
    if !is_title {
        return text.to_string();
    }
    converted.front.title = Some(first.to_string());
    converted.count("first line made the title", 1);
    rest.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_converted_or_dropped_and_each_drop_is_a_warning() {
        let text = "Title\n\nPetrov{{citation needed|date=May 2020}} was born.{{Infobox person\n| name = Petrov\n| born = 1881\n}} He spoke {{lang|ru|по-русски}}.";
        let converted = convert(text);
        assert_eq!(converted.body, "Petrov was born. He spoke по-русски.");
        assert_eq!(converted.front.title.as_deref(), Some("Title"));
        assert_eq!(
            converted.warnings,
            [
                (
                    3,
                    "the template {{citation needed}} was dropped".to_string()
                ),
                (
                    3,
                    "an infobox (2 fields) was dropped: its facts are not in the page".to_string()
                )
            ]
        );
        assert!(converted.dropped.iter().any(|d| d.contains("born = 1881")));
    }

    #[test]
    fn a_cite_template_becomes_the_citation_it_describes() {
        let converted = convert(
            "Title\n\n[1] {{cite book |last=Smith |first=John |title=Unions |publisher=Tula Press |year=1990 |page=4}}",
        );
        assert_eq!(
            converted.body,
            "[1] Smith, John. *Unions*. Tula Press, 1990, p. 4."
        );
    }

    #[test]
    fn links_pictures_and_their_leftovers() {
        let converted = convert(
            "Title\n\nA [[trade union|trade unionist]] of the [[Workers' Opposition]] and [[strike]]s.[[Category:Unionists]]\n\n[[File:Petrov.jpg|thumb|right|Petrov in [[Tula]], 1920]]\n\nthumb|upright|Petrov in 1930]]",
        );
        assert_eq!(
            converted.body,
            "A trade unionist of the Workers' Opposition and strikes.\n\n*Petrov in Tula, 1920*\n\n*Petrov in 1930*"
        );
        assert!(
            converted
                .changes
                .contains(&("pictures made captions".into(), 2))
        );
        assert!(
            converted
                .changes
                .contains(&("category links dropped".into(), 1))
        );
    }

    #[test]
    fn emphasis_edit_links_and_tables() {
        let converted = convert(
            "Title\n\n== Life ==[edit]\n\n'''Petrov''' wrote ''Unions''.\n\n{|\n! Year !! Post\n|-\n| 1917 || Chairman\n|}\n",
        );
        assert_eq!(
            converted.body,
            "== Life ==\n\n**Petrov** wrote *Unions*.\n\n| Year | Post |\n| --- | --- |\n| 1917 | Chairman |"
        );
    }

    #[test]
    fn a_copied_wiki_page_has_its_headings_and_lists_set_apart_and_its_furniture_dropped() {
        let text = "Agnes Berg\nFrom Wikipedia, the free encyclopedia\n\nAgnes Berg was a unionist.\n\nContents\n1 Early life\n2 Works\n\nEarly life[edit]\nShe was born in Bergen, the third of seven children of a ship's carpenter and a fish-market seller, and left school at twelve.\nThe strikers put forward two demands:\n1. the end of fines;\n2. a room for meals.\nThe strike lasted five weeks.\n\nSee also\n* Match workers\n";
        let converted = convert(text);
        assert_eq!(converted.front.title.as_deref(), Some("Agnes Berg"));
        assert_eq!(
            converted.body,
            "Agnes Berg was a unionist.\n\n== Early life ==\n\nShe was born in Bergen, the third of seven children of a ship's carpenter and a fish-market seller, and left school at twelve.\nThe strikers put forward two demands:\n\n1. the end of fines;\n2. a room for meals.\n\nThe strike lasted five weeks.\n\n== See also ==\n\n* Match workers"
        );
        assert!(
            converted
                .changes
                .contains(&("tables of contents dropped".into(), 1))
        );
        assert!(
            converted
                .changes
                .contains(&("wiki page furniture dropped".into(), 1))
        );
    }

    #[test]
    fn notes_copied_without_numbers_lettered_notes_and_back_link_words() {
        let text = "== Anna Berg ==\nFrom Wikipedia, the free encyclopedia\n\nShe taught.[a] She wrote.[1] She left.[2]\n\nNotes\n\na. ^ Marriage by lot was usual.\n\nReferences\n\n^ Jump up to: a b Vogt 1998, p. 14.\n^ Haarsma 2006, p. 33.\n\nRetrieved from \"https://example.org/w/index.php?oldid=1\"\nCategories: 1762 births";
        let converted = convert(text);
        assert_eq!(converted.front.title.as_deref(), Some("Anna Berg"));
        assert!(
            converted
                .body
                .contains("She taught.[^a] She wrote.[1] She left.[2]"),
            "{}",
            converted.body
        );
        assert!(
            converted
                .body
                .contains("1. ^ Vogt 1998, p. 14.\n2. ^ Haarsma 2006, p. 33."),
            "{}",
            converted.body
        );
        assert!(!converted.body.contains("Retrieved") && !converted.body.contains("Categories"));
        assert_eq!(
            converted.footnotes,
            [("a".to_string(), "Marriage by lot was usual.".to_string())]
        );
    }

    #[test]
    fn external_links_quotation_templates_and_see_also_lines() {
        let text = "Title\n\n{{blockquote|text=Paid to the glazier, xiiis.|author=Churchwardens' accounts|source=1644}}\n\n== See also ==\nMoravian Church\nHerrnhut\n\n* [https://example.org Parish website] and [https://example.org/x]";
        let converted = convert(text);
        assert_eq!(
            converted.body,
            "Paid to the glazier, xiiis.\n\nChurchwardens' accounts, 1644\n\n== See also ==\n\n* Moravian Church\n* Herrnhut\n\n* [Parish website](https://example.org) and <https://example.org/x>"
        );
    }
}

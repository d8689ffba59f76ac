//! `annals import`: a plain-text transcription (OCR output, an e-book conversion, a copy of
//! a web page) to annals Markdown, its notes turned into Markdown footnotes.
//!
//! The stages: the text is cut into blocks (`blocks`); a book is cut into sections by its
//! table of contents (`sections`); in each section the note list is found and the markers
//! in the text are read in sequence (`notes`); the text is shaped into paragraphs, headings
//! and quotations (`shape`); the Markdown is written with provenance front matter.

pub mod blocks;
pub mod corrections;
pub mod format;
pub mod html;
pub mod markdown;
pub mod notes;
pub mod pandoc;
pub mod registry;
pub mod sections;
pub mod shape;
pub mod tables;
pub mod tei;
pub mod wiki;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::Path;

use std::sync::LazyLock;

use anyhow::{Context, bail};

use crate::frontmatter::FrontMatter;

use blocks::{Block, split_blocks};
pub use format::Format;
use notes::{Marker, NoteList, candidates, find_note_list, sequence};
use shape::{Piece, ShapeOptions, ShapeStats, shape, to_markdown};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The provenance written into the front matter of the document (or the collection).
    pub provenance: FrontMatter,
    /// Write a collection: one page per section of the table of contents.
    pub split_chapters: bool,
    /// Sections left out (matched by title, case-insensitively), such as a glossary that
    /// belongs in the registry rather than among the pages.
    pub omit: Vec<String>,
    /// Why the source lacks the texts of some notes: written as `missing_notes` into each
    /// page that has markers without a note.
    pub missing_notes: Option<String>,
    /// Why the source prints notes without markers: written as `uncited_notes` into each
    /// page that has such notes.
    pub uncited_notes: Option<String>,
    /// What ambiguous names mean (`Smirnov` → `person:smirnov-v-m`): written as `names`
    /// into each page that has the name.
    pub names: std::collections::BTreeMap<String, String>,
    /// Names the source leaves ambiguous: written as `unlinked_names` into each page that
    /// has them.
    pub unlinked_names: Vec<String>,
    /// The transcription's format (`Auto`: read from its text).
    pub format: Format,
    /// The site's registry, as the references a TEI text may give its names by
    /// (`known_entries`): a `<persName ref>` found here becomes a link to the entry.
    pub entries: KnownEntries,
    /// The editor's corrections of the source (`--corrections`), written in as emendations.
    pub corrections: Vec<corrections::Correction>,
}

/// What a reference to an entity may be (its ID, `person:ID`, an authority file's identifier
/// or the address of its page), and the link annals writes for it (`person:ID`).
pub type KnownEntries = std::collections::BTreeMap<String, String>;

/// The registry of the site that `into` (where the import writes) lies in: the entries of
/// the nearest folder above it with a `site.toml`, or none outside a site.
pub fn site_entries(into: &Path) -> KnownEntries {
    let into = std::path::absolute(into).unwrap_or_else(|_| into.to_path_buf());
    let Some(root) = into.ancestors().find(|a| a.join("site.toml").is_file()) else {
        return KnownEntries::new();
    };
    // Problems in the registry are the build's and `check`'s to report, not the import's.
    let mut ignored = crate::diagnostic::Diagnostics::default();
    let content = root.join(crate::content::CONTENT_DIR);
    let registry = crate::entity::load(
        &content,
        &|p: &Path| p.to_path_buf(),
        (false, &mut Default::default()),
        &mut ignored,
    );
    known_entries(&registry)
}

/// The references under which the registry's entities are known.
pub fn known_entries(registry: &crate::entity::Registry) -> KnownEntries {
    let mut entries = KnownEntries::new();
    for entity in &registry.entities {
        let link = format!("{}:{}", entity.kind().key(), entity.id);
        entries.insert(entity.id.clone(), link.clone());
        for authority in &entity.authorities {
            entries.insert(authority.id.clone(), link.clone());
            entries.insert(authority.url.clone(), link.clone());
        }
        entries.insert(link.clone(), link);
    }
    entries
}

impl ImportOptions {
    /// The front matter of a page, with what the options declare of it: the gaps it has
    /// when a reason was given, and the declared names that its body uses.
    fn declared(&self, mut front: FrontMatter, report: &SectionReport, body: &str) -> FrontMatter {
        let has = |name: &str| crate::text::contains_word(body, name);
        front.names = (self.names.iter())
            .filter(|(name, _)| has(name))
            .map(|(name, link)| (name.clone(), link.clone()))
            .collect();
        front.unlinked_names = (self.unlinked_names.iter())
            .filter(|name| has(name))
            .cloned()
            .collect();
        if !report.missing_notes.is_empty() {
            front.missing_notes = self.missing_notes.clone();
        }
        if !report.uncited_notes.is_empty() {
            front.uncited_notes = self.uncited_notes.clone();
        }
        front
    }
}

/// One Markdown file to write, relative to the target folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    pub path: String,
    pub markdown: String,
}

/// What import found and did in one section.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SectionReport {
    pub title: String,
    pub paragraphs: usize,
    pub markers: usize,
    pub notes: usize,
    /// Markers with no note text.
    pub missing_notes: Vec<u32>,
    /// Notes that no marker cites.
    pub uncited_notes: Vec<u32>,
    /// Notes whose text the source leaves empty (an endnote list exported without it).
    pub empty_notes: Vec<u32>,
    /// (printed, read as)
    pub repaired: Vec<(u32, u32)>,
    pub shape: ShapeStats,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Report {
    pub sections: Vec<SectionReport>,
    pub omitted: Vec<String>,
    pub contents_dropped: usize,
    pub not_found: Vec<String>,
    /// The format read, and why it was chosen.
    pub format: Option<(Format, String)>,
    /// What the page holds, by kind: headings, lists, tables, quotations (Markdown, HTML, TEI).
    pub found: Vec<(String, usize)>,
    /// Each kind of change made to the source, and how many times.
    pub changes: Vec<(String, usize)>,
    /// What was dropped or left as it was, by line of the source.
    pub warnings: Vec<(usize, String)>,
    /// The words of the source not found in the page (`word_check`).
    pub lost_words: Vec<String>,
    /// Each correction of `--corrections` (its line, the source's words) and how many
    /// places it was made in.
    pub corrected: Vec<(usize, String, usize)>,
}

#[derive(Debug, Clone)]
pub struct Imported {
    pub files: Vec<ImportedFile>,
    pub report: Report,
}

/// Imports one transcription in its format (read from its text unless `options` say).
pub fn import(text: &str, options: &ImportOptions) -> Imported {
    let (format, why) = match options.format {
        Format::Auto => format::detect(text),
        chosen => (chosen, "it was asked for (--format)".to_string()),
    };
    let converted = match format {
        Format::Markdown => Some(markdown::convert(text)),
        Format::Html => Some(html::convert(text)),
        Format::Tei => Some(tei::convert(text, &options.entries)),
        _ => None,
    };
    let mut imported = match (format, converted) {
        (_, Some(converted)) => import_converted(converted, options),
        (Format::Wiki, None) => import_wiki(text, options),
        (_, None) => import_text(text, options),
    };
    imported.report.format = Some((format, why));
    correct(&mut imported, &options.corrections);
    imported
}

/// The editor's corrections written into every page, each counted (after the word check:
/// the source's words stay in the page, inside the emendations).
fn correct(imported: &mut Imported, corrections: &[corrections::Correction]) {
    if corrections.is_empty() {
        return;
    }
    let mut places = vec![0; corrections.len()];
    for file in &mut imported.files {
        let taken = corrections::apply(&mut file.markdown, corrections);
        for (total, n) in places.iter_mut().zip(taken) {
            *total += n;
        }
    }
    imported.report.corrected = corrections
        .iter()
        .zip(places)
        .map(|(c, n)| (c.line, c.source.clone(), n))
        .collect();
}

/// A wiki export: its wiki markup converted (`wiki`), then read as text is, its endnotes
/// with it; every word of the source checked for in the pages.
fn import_wiki(text: &str, options: &ImportOptions) -> Imported {
    let converted = wiki::convert(text);
    let mut options = options.clone();
    if options.provenance.title.is_none() {
        options.provenance.title = converted.front.title.clone();
    }
    let mut imported = import_text(&converted.body, &options);
    if let Some(page) = imported.files.first_mut()
        && !converted.footnotes.is_empty()
    {
        page.markdown = page.markdown.trim_end().to_string() + "\n\n";
        for (label, text) in &converted.footnotes {
            page.markdown.push_str(&format!("[^{label}]: {text}\n"));
        }
    }
    let pages: String = imported.files.iter().map(|f| f.markdown.as_str()).collect();
    // The notes' own heading gives way to the page's.
    let mut dropped = converted.dropped.join(" ");
    for heading in converted
        .body
        .lines()
        .filter(|l| notes::is_notes_heading_text(l))
    {
        dropped.push(' ');
        dropped.push_str(heading);
    }
    let report = &mut imported.report;
    report.found = found_in(&pages);
    report.lost_words = word_check(&converted.text, &dropped, &pages);
    report.changes = converted.changes;
    report.warnings = converted.warnings;
    imported
}

/// A transcription in a structured format, made annals Markdown (`converted`), as one page:
/// its own front matter under what the options give, its notes counted, its words checked.
fn import_converted(converted: markdown::Converted, options: &ImportOptions) -> Imported {
    let body = converted.body;
    let section = read_section(&body);
    let mut front = options.provenance.clone();
    let own = converted.front;
    front.title = front.title.or(own.title);
    if front.authors.is_empty() {
        front.authors = own.authors;
    }
    front.date = front.date.or(own.date);
    front.url = front.url.or(own.url);
    front.rights = front.rights.or(own.rights);
    front.publication = front.publication.or(own.publication);
    front.language = front.language.or(own.language);
    let markdown = front_matter(&options.declared(front, &section, &body)) + &body;
    let report = Report {
        found: found_in(&body),
        changes: converted.changes,
        warnings: converted.warnings,
        lost_words: word_check(&converted.text, &converted.dropped.join(" "), &markdown),
        sections: vec![section],
        ..Default::default()
    };
    Imported {
        files: vec![ImportedFile {
            path: "index.md".into(),
            markdown,
        }],
        report,
    }
}

/// What a page's Markdown holds of what the report counts: its paragraphs, note markers
/// and notes, markers without a note and notes nothing cites.
fn read_section(body: &str) -> SectionReport {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut section = SectionReport::default();
    let mut cited: Vec<String> = Vec::new();
    let mut defined: Vec<String> = Vec::new();
    for event in Parser::new_ext(body, crate::markdown::options()) {
        match event {
            Event::Start(Tag::Paragraph) => section.paragraphs += 1,
            Event::FootnoteReference(label) => {
                section.markers += 1;
                cited.push(label.to_string());
            }
            Event::Start(Tag::FootnoteDefinition(label)) => defined.push(label.to_string()),
            _ => {}
        }
    }
    section.notes = defined.len();
    let number = |label: &String| label.parse::<u32>().unwrap_or(0);
    section.missing_notes = (cited.iter().filter(|l| !defined.contains(l)).map(number)).collect();
    section.uncited_notes = (defined.iter().filter(|l| !cited.contains(l)).map(number)).collect();
    section
}

/// The kinds of block a page holds, counted, for the report.
fn found_in(body: &str) -> Vec<(String, usize)> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut counts = [
        ("headings", 0),
        ("lists", 0),
        ("tables", 0),
        ("quotations", 0),
    ];
    for event in Parser::new_ext(body, crate::markdown::options()) {
        let kind = match event {
            Event::Start(Tag::Heading { .. }) => 0,
            Event::Start(Tag::List(_)) => 1,
            Event::Start(Tag::Table(_)) => 2,
            Event::Start(Tag::BlockQuote(_)) => 3,
            _ => continue,
        };
        counts[kind].1 += 1;
    }
    counts.iter().map(|(k, n)| (k.to_string(), *n)).collect()
}

/// The words of the source that the page lacks (each as often as it is missing), those of
/// what was `dropped` on purpose (and reported) aside: nothing is to be lost in silence.
/// Words are compared as search compares them; markup is no word.
fn word_check(source: &str, dropped: &str, page: &str) -> Vec<String> {
    let mut have: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let page = strip_tags(page).replace(SUPERSCRIPT_DIGITS, " ");
    for word in crate::search::words::words(&page)
        .into_iter()
        .chain(crate::search::words::words(dropped))
    {
        *have.entry(word).or_default() += 1;
    }
    let mut lost = Vec::new();
    // Superscript digits are note markers, which become the page's own.
    let source = strip_tags(source).replace(SUPERSCRIPT_DIGITS, " ");
    for word in crate::search::words::words(&source) {
        match have.get_mut(&word) {
            Some(n) if *n > 0 => *n -= 1,
            _ => lost.push(word),
        }
    }
    lost
}

/// Runs of white space made one space, and a Markdown hard break (a `\\` at a line's end,
/// what a `<br>` or an `<lb/>` of an address becomes) kept.
pub(crate) fn collapse(text: &str) -> String {
    let lines: Vec<String> = text
        .split("\\\n")
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |l| l + 1);
    lines.get(first..last).unwrap_or_default().join("\\\n")
}

/// Each run of lines that `in_run` accepts, replaced by the lines `replace` makes of it, or
/// kept as it is when it makes none; with how many runs were replaced. The text's closing
/// newline is kept.
pub(crate) fn replace_line_runs(
    text: &str,
    in_run: impl Fn(&str) -> bool,
    mut replace: impl FnMut(&[&str]) -> Option<Vec<String>>,
) -> (String, usize) {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut replaced = 0;
    let mut i = 0;
    while i < lines.len() {
        let run = lines[i..].iter().take_while(|l| in_run(l)).count().max(1);
        let block = &lines[i..i + run];
        match block
            .iter()
            .all(|l| in_run(l))
            .then(|| replace(block))
            .flatten()
        {
            Some(lines) => {
                out.extend(lines);
                replaced += 1;
            }
            None => out.extend(block.iter().map(|l| l.to_string())),
        }
        i += run;
    }
    let mut joined = out.join("\n");
    if text.ends_with('\n') {
        joined.push('\n');
    }
    (joined, replaced)
}

const SUPERSCRIPT_DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// Text without its HTML or XML tags (their names and attributes are no words of the text).
fn strip_tags(text: &str) -> String {
    static TAG: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(?s)<[a-zA-Z/!?][^>]*>").expect("a valid pattern"));
    TAG.replace_all(text, " ").into_owned()
}

/// Imports one transcription of plain text.
pub fn import_text(text: &str, options: &ImportOptions) -> Imported {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = shape::mark_page_breaks(text);
    let blocks = split_blocks(&text);
    if options.split_chapters {
        import_book(&blocks, options)
    } else {
        let (body, report) = convert_section(
            &blocks,
            ShapeOptions {
                title_lines: true,
                head: true,
            },
            String::new(),
        );
        let markdown =
            front_matter(&options.declared(options.provenance.clone(), &report, &body)) + &body;
        Imported {
            files: vec![ImportedFile {
                path: "index.md".into(),
                markdown,
            }],
            report: Report {
                sections: vec![report],
                ..Default::default()
            },
        }
    }
}

fn import_book(blocks: &[Block], options: &ImportOptions) -> Imported {
    let outline = sections::outline(blocks);
    let mut report = Report {
        contents_dropped: outline.contents.len(),
        not_found: outline.not_found.clone(),
        ..Default::default()
    };
    let first_heading = outline.sections.first().map_or(blocks.len(), |s| s.heading);
    let front: Vec<Block> = (0..first_heading)
        .filter(|i| !outline.contents.contains(i))
        .map(|i| blocks[i].clone())
        .collect();
    let (front_body, front_report) = convert_section(
        &front,
        ShapeOptions {
            title_lines: false,
            head: true,
        },
        "(front)".into(),
    );
    let mut files = vec![ImportedFile {
        path: "_index.md".into(),
        markdown: front_matter(&options.declared(
            options.provenance.clone(),
            &front_report,
            &front_body,
        )) + &front_body,
    }];
    report.sections.push(front_report);
    let mut weight = 0i64;
    let mut names = std::collections::HashSet::new();
    for section in &outline.sections {
        if options
            .omit
            .iter()
            .any(|o| o.eq_ignore_ascii_case(&section.title))
        {
            report.omitted.push(section.title.clone());
            continue;
        }
        weight += 1;
        let (body, section_report) = convert_section(
            &blocks[section.heading + 1..section.end],
            ShapeOptions {
                title_lines: false,
                head: false,
            },
            section.title.clone(),
        );
        let chapter = FrontMatter {
            title: Some(section.title.clone()),
            weight: Some(weight),
            ..Default::default()
        };
        files.push(ImportedFile {
            path: format!(
                "{}.md",
                distinct_name(chapter_file_name(&section.title), &mut names)
            ),
            markdown: front_matter(&options.declared(chapter, &section_report, &body)) + &body,
        });
        report.sections.push(section_report);
    }
    Imported { files, report }
}

/// A chapter's file name: `1. The Birth of the One-Party System` → `chapter-01-the-birth-of-the-one-party`;
/// `Foreword` → `foreword`.
fn chapter_file_name(title: &str) -> String {
    let number: String = title.chars().take_while(char::is_ascii_digit).collect();
    let rest = title[number.len()..].trim_start_matches(['.', ' ']);
    let words: Vec<String> = crate::text::slugify(rest)
        .split('-')
        .take(6)
        .map(str::to_string)
        .collect();
    let slug = match words.join("-") {
        s if s.is_empty() => "section".to_string(),
        s => s,
    };
    match number.parse::<u32>() {
        Ok(n) => format!("chapter-{n:02}-{slug}"),
        Err(_) => slug,
    }
}

/// `name`, or `name-2`, `name-3` … when an earlier chapter took it: titles that share their
/// first six words would otherwise make one file of two chapters.
fn distinct_name(name: String, taken: &mut std::collections::HashSet<String>) -> String {
    let mut distinct = name.clone();
    let mut number = 1;
    while !taken.insert(distinct.clone()) {
        number += 1;
        distinct = format!("{name}-{number}");
    }
    distinct
}

/// Converts the blocks of one section: its note list, its markers, its text.
fn convert_section(
    blocks: &[Block],
    shape_options: ShapeOptions,
    title: String,
) -> (String, SectionReport) {
    let note_list = find_note_list(blocks);
    let (body_end, trailing_start) = note_list
        .as_ref()
        .map_or((blocks.len(), blocks.len()), |l| {
            (l.first_block, l.end_block)
        });
    let body = &blocks[..body_end];
    let note_count = note_list
        .as_ref()
        .map_or(0, |l| l.notes.iter().map(|n| n.number).max().unwrap_or(0));
    let (texts, markers) = replace_markers(body, note_count);

    let mut report = SectionReport {
        title,
        ..Default::default()
    };
    let pieces = shape(body, &texts, shape_options, &mut report.shape);
    let trailing = &blocks[trailing_start..];
    let trailing_texts: Vec<String> = trailing.iter().map(block_text).collect();
    let trailing_pieces: Vec<Piece> = shape(
        trailing,
        &trailing_texts,
        ShapeOptions::default(),
        &mut report.shape,
    )
    .into_iter()
    .map(|p| match p {
        Piece::Paragraph(text) if text.chars().count() < 200 => Piece::Caption(text),
        other => other,
    })
    .collect();

    let cited: BTreeSet<u32> = markers
        .iter()
        .flat_map(|m| m.numbers.iter().copied())
        .collect();
    let defined: BTreeSet<u32> = note_list
        .iter()
        .flat_map(|l| l.notes.iter().map(|n| n.number))
        .collect();
    report.paragraphs = pieces.len() + trailing_pieces.len();
    report.markers = markers.iter().map(|m| m.numbers.len()).sum();
    report.notes = defined.len();
    report.missing_notes = cited.difference(&defined).copied().collect();
    report.uncited_notes = defined.difference(&cited).copied().collect();
    report.empty_notes = note_list
        .iter()
        .flat_map(|l| &l.notes)
        .filter(|n| n.paragraphs.iter().all(|p| p.trim().is_empty()))
        .map(|n| n.number)
        .collect();
    report.repaired = markers
        .iter()
        .filter_map(|m| m.repaired_from.map(|from| (from, m.numbers[0])))
        .collect();

    let mut markdown = to_markdown(&pieces);
    if let Some(list) = &note_list {
        markdown.push_str(&definitions(list));
    }
    markdown.push_str(&to_markdown(&trailing_pieces));
    (markdown.trim_end().to_string() + "\n", report)
}

/// A block's text, its lines kept apart until shaping decides what they are.
fn block_text(block: &Block) -> String {
    block
        .lines
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Replaces the accepted markers of the body by Markdown footnote references.
fn replace_markers(body: &[Block], note_count: u32) -> (Vec<String>, Vec<Marker>) {
    let texts: Vec<String> = body.iter().map(|b| clean_inline(&block_text(b))).collect();
    let found: Vec<(usize, notes::Candidate)> = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| candidates(t).into_iter().map(move |c| (i, c)))
        .collect();
    let flat: Vec<notes::Candidate> = found.iter().map(|(_, c)| c.clone()).collect();
    let accepted = sequence(&flat, note_count);
    let mut per_block: Vec<Vec<&Marker>> = vec![Vec::new(); texts.len()];
    for (index, marker) in &accepted {
        per_block[found[*index].0].push(marker);
    }
    let replaced = texts
        .iter()
        .zip(&per_block)
        .map(|(text, markers)| {
            let mut out = String::with_capacity(text.len());
            let mut at = 0;
            for marker in markers {
                out.push_str(&text[at..marker.start]);
                for n in &marker.numbers {
                    let _ = write!(out, "[^{n}]");
                }
                at = marker.end;
            }
            out.push_str(&text[at..]);
            out
        })
        .collect();
    (replaced, accepted.into_iter().map(|(_, m)| m).collect())
}

/// E-book debris inside a line: empty anchors `[text](#)` keep their text.
fn clean_inline(text: &str) -> String {
    static ANCHOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\[([^\]\[]*)\]\(#\)").expect("valid pattern")
    });
    ANCHOR.replace_all(text, "$1").into_owned()
}

/// The note list as Markdown footnote definitions; a note's further paragraphs are indented.
fn definitions(list: &NoteList) -> String {
    let mut out = String::new();
    for note in &list.notes {
        let mut paragraphs = note.paragraphs.iter().map(|p| clean_inline(p));
        let first = paragraphs.next().unwrap_or_default();
        let _ = writeln!(
            out,
            "[^{}]: {}",
            note.number,
            shape::escape_line_start(&first)
        );
        for paragraph in paragraphs {
            let _ = writeln!(out, "\n    {}", shape::escape_line_start(&paragraph));
        }
    }
    out.push('\n');
    out
}

/// Front matter between `+++` lines, as TOML, with the fields that are not set left out.
pub(crate) fn front_matter(front: &impl serde::Serialize) -> String {
    let toml = toml::to_string(front).unwrap_or_default();
    format!("+++\n{toml}+++\n\n")
}

/// Makes `folder` and the folders above it, saying which is a file when one stands in the way
/// (`--into notes.txt/letter`).
pub(crate) fn create_folder(folder: &Path) -> anyhow::Result<()> {
    if let Some(file) = folder.ancestors().find(|a| a.is_file()) {
        bail!(
            "{} is a file, so {} cannot be made: choose another --into",
            file.display(),
            folder.display()
        );
    }
    std::fs::create_dir_all(folder).with_context(|| format!("cannot create {}", folder.display()))
}

/// The line of a page's front matter that names the transcription it was made from.
fn source_line(markdown: &str) -> Option<&str> {
    let mut lines = markdown.lines();
    if lines.next()?.trim_end() != "+++" {
        return None;
    }
    lines
        .take_while(|line| line.trim_end() != "+++")
        .find(|line| line.starts_with("source_file = "))
}

/// Whether an earlier import of the same transcription wrote this page: its front matter
/// names the same source file as the page about to replace it. A page that names none, or
/// another (`source_file` is also provenance an editor may write by hand), is the editor's
/// and is never replaced.
fn written_by_same_import(page: &Path, replacement: &str) -> bool {
    let Ok(text) = std::fs::read_to_string(page) else {
        return false;
    };
    source_line(&text).is_some_and(|line| Some(line) == source_line(replacement))
}

/// Writes the imported files: `INTO.md` for a single document, `INTO/` for a collection.
/// The previous import of the same document is replaced.
pub fn write(imported: &Imported, into: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let mut written = Vec::new();
    if let [single] = imported.files.as_slice()
        && single.path == "index.md"
    {
        // Added to the name, not set as its extension: `letter-1923.02` is no `letter-1923`
        // (and `letter.md` is `letter.md`).
        let into = match into.to_str().and_then(|s| s.strip_suffix(".md")) {
            Some(stem) => Path::new(stem),
            None => into,
        };
        let mut path = into.as_os_str().to_owned();
        path.push(".md");
        let path = std::path::PathBuf::from(path);
        if path.exists() && !written_by_same_import(&path, &single.markdown) {
            bail!(
                "{} exists and was not written by an import of this file (its front \
                     matter names no `source_file`, or another); choose another --into, or \
                     remove the file first",
                path.display()
            );
        }
        if let Some(parent) = path.parent() {
            create_folder(parent)?;
        }
        std::fs::write(&path, &single.markdown)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
        return Ok(written);
    }
    if into.exists() {
        // Import names its source in the collection's front page; a folder without that is the
        // editor's, and is never removed.
        let front_page = imported.files.iter().find(|f| f.path == "_index.md");
        let front_page = front_page.map_or("", |f| f.markdown.as_str());
        if !written_by_same_import(&into.join("_index.md"), front_page) {
            bail!(
                "{} exists and is not a collection written by an import of this file; choose \
                 another --into",
                into.display()
            );
        }
        std::fs::remove_dir_all(into)
            .with_context(|| format!("cannot replace {}", into.display()))?;
    }
    create_folder(into)?;
    for file in &imported.files {
        let path = into.join(&file.path);
        std::fs::write(&path, &file.markdown)
            .with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

impl Report {
    pub fn markers_without_note(&self) -> usize {
        self.sections.iter().map(|s| s.missing_notes.len()).sum()
    }

    pub fn notes_without_marker(&self) -> usize {
        self.sections.iter().map(|s| s.uncited_notes.len()).sum()
    }

    /// The lines `annals import` prints.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        if let Some((format, why)) = &self.format {
            let _ = writeln!(out, "Read as {format}: {why}.");
        }
        let listed = |items: &[(String, usize)]| -> String {
            let parts: Vec<String> = items
                .iter()
                .map(|(what, n)| format!("{n} {what}"))
                .collect();
            parts.join(", ")
        };
        if !self.found.is_empty() {
            let _ = writeln!(out, "Found: {}.", listed(&self.found));
        }
        if !self.changes.is_empty() {
            let _ = writeln!(out, "Changed: {}.", listed(&self.changes));
        }
        for (line, what) in &self.warnings {
            let _ = writeln!(out, "warning: line {line}: {what}");
        }
        if !self.corrected.is_empty() {
            let made = self.corrected.iter().filter(|(_, _, n)| *n > 0).count();
            let places: usize = self.corrected.iter().map(|(_, _, n)| n).sum();
            let _ = writeln!(
                out,
                "Corrected: {made} of {} corrections, in {places} places.",
                self.corrected.len()
            );
        }
        for (line, source, _) in self.corrected.iter().filter(|(_, _, n)| *n == 0) {
            let _ = writeln!(
                out,
                "warning: the correction at line {line} of the corrections file was not made: “{source}” is not in the imported text"
            );
        }
        if !self.lost_words.is_empty() {
            let shown: Vec<&str> = self
                .lost_words
                .iter()
                .take(12)
                .map(String::as_str)
                .collect();
            let _ = writeln!(
                out,
                "warning: {} of the source's words are not in the page: {}{}",
                self.lost_words.len(),
                shown.join(" "),
                if self.lost_words.len() > shown.len() {
                    " …"
                } else {
                    ""
                }
            );
        }
        let total =
            |f: &dyn Fn(&SectionReport) -> usize| self.sections.iter().map(f).sum::<usize>();
        let _ = writeln!(
            out,
            "{} section(s), {} paragraphs; {} markers, {} notes; {} markers without a note, {} notes without a marker; {} markers repaired; {} page breaks joined, {} captions moved",
            self.sections.len(),
            total(&|s| s.paragraphs),
            total(&|s| s.markers),
            total(&|s| s.notes),
            total(&|s| s.missing_notes.len()),
            total(&|s| s.uncited_notes.len()),
            total(&|s| s.repaired.len()),
            total(&|s| s.shape.joined_page_breaks),
            total(&|s| s.shape.moved_captions.len()),
        );
        for section in &self.sections {
            let mut problems = Vec::new();
            if !section.missing_notes.is_empty() && section.notes > 0 {
                problems.push(format!(
                    "markers without a note: {:?}",
                    section.missing_notes
                ));
            }
            if !section.uncited_notes.is_empty() {
                problems.push(format!(
                    "notes without a marker: {:?}",
                    section.uncited_notes
                ));
            }
            if !section.empty_notes.is_empty() {
                problems.push(format!(
                    "notes left empty in the source, kept empty: {:?}",
                    section.empty_notes
                ));
            }
            for (printed, read) in &section.repaired {
                problems.push(format!("marker {printed} read as {read}"));
            }
            match (problems.is_empty(), section.title.is_empty()) {
                (true, _) => {}
                // A single document's one section has no title of its own.
                (false, true) => {
                    let _ = writeln!(out, "  {}", problems.join("; "));
                }
                (false, false) => {
                    let _ = writeln!(out, "  {}: {}", section.title, problems.join("; "));
                }
            }
        }
        if !self.omitted.is_empty() {
            let _ = writeln!(out, "  left out: {}", self.omitted.join("; "));
        }
        for title in &self.not_found {
            let _ = writeln!(
                out,
                "  warning: the contents list \"{title}\", which was not found in the text"
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_become_page_markers_where_the_pages_begin() {
        let text = "A TITLE\n\nThe first paragraph runs on over the page to the\n\n--- 45 ---\n\n\
                    next page, where it ends.\n\nA second paragraph ends here.\n\n— 46 —\n\n\
                    A third paragraph begins.\n\n[Page 47]\n\nAnd a fourth, in 1917.\n\n1918\n";
        let imported = import_text(text, &ImportOptions::default());
        let markdown = &imported.files[0].markdown;
        assert!(
            markdown.contains("over the page to the [p. 45] next page, where it ends."),
            "{markdown}"
        );
        assert!(markdown.contains("\n\n[p. 46]\n\n"), "{markdown}");
        assert!(markdown.contains("\n\n[p. 47]\n\n"), "{markdown}");
        assert!(
            !markdown.contains("[p. 1918]"),
            "a bare number is no page: {markdown}"
        );
        assert!(
            imported.report.lost_words.is_empty(),
            "{:?}",
            imported.report.lost_words
        );
    }

    #[test]
    fn a_chapter_of_more_than_a_thousand_notes_keeps_each_one() {
        let count = 1_005;
        let mut text = String::from("A LONG CHAPTER\n\n");
        for n in 1..=count {
            text += &format!("Sentence {n} of the chapter.{n}\n\n");
        }
        text += "Notes\n\n";
        for n in 1..=count {
            text += &format!("{n}. The text of note {n}.\n");
        }
        let imported = import_text(&text, &ImportOptions::default());
        let markdown = &imported.files[0].markdown;
        for n in [999, 1000, count] {
            assert!(
                markdown.contains(&format!("Sentence {n} of the chapter.[^{n}]")),
                "marker {n}"
            );
            assert!(
                markdown.contains(&format!("\n[^{n}]: The text of note {n}.\n")),
                "note {n}"
            );
        }
    }

    #[test]
    fn chapter_file_names() {
        assert_eq!(
            chapter_file_name("1. The Birth of the One-Party System"),
            "chapter-01-the-birth-of-the-one-party"
        );
        assert_eq!(
            chapter_file_name("Note from the Translator"),
            "note-from-the-translator"
        );
        assert_eq!(chapter_file_name("“!!”"), "section");
    }
}

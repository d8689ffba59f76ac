//! From the blocks of a transcription to Markdown paragraphs: headings, lists, runs of short
//! lines, quotations with their source line, and paragraphs that a page break split in two.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::Block;

/// One piece of the Markdown body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Heading(u8, String),
    Paragraph(String),
    /// Short lines kept as they are (a title page, an infobox, an address).
    Lines(Vec<String>),
    List(Vec<String>),
    Quote(String, String),
    /// A picture's caption, set apart from the text.
    Caption(String),
    /// A numbered list's items.
    Numbered(Vec<String>),
    /// A table, as the lines of a pipe table.
    Table(Vec<String>),
}

/// What shaping did, for the import report.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ShapeStats {
    pub joined_page_breaks: usize,
    /// Captions moved out of the sentence a page break had cut.
    pub moved_captions: Vec<String>,
    pub dropped: Vec<String>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ShapeOptions {
    /// Read short title-like lines as headings (off for book chapters, whose picture
    /// captions look just like titles).
    pub title_lines: bool,
    /// Keep the short lines before the first paragraph as the head of the original.
    pub head: bool,
}

/// Shapes the body blocks of one chapter or document. The text of each block has already
/// had its note markers replaced.
pub fn shape(
    blocks: &[Block],
    texts: &[String],
    options: ShapeOptions,
    stats: &mut ShapeStats,
) -> Vec<Piece> {
    let mut pieces: Vec<Piece> = Vec::new();
    let head = if options.head {
        leading_head(blocks)
    } else {
        0
    };
    if head > 0 {
        let lines = (0..head).flat_map(|i| text_lines(&texts[i])).collect();
        pieces.push(Piece::Lines(lines));
    }
    for i in head..blocks.len() {
        let block = &blocks[i];
        let text = &texts[i];
        if is_debris(text) {
            stats.dropped.push(text.clone());
            continue;
        }
        let next_is_prose = blocks.get(i + 1).is_some_and(|b| b.text().len() > 120);
        let piece = if let Some(table) = table_lines(block) {
            Piece::Table(table)
        } else if let Some((level, title)) = wiki_heading(block) {
            Piece::Heading(level, title)
        } else if let Some(title) = text
            .strip_suffix(" edit")
            .filter(|_| block.is_single_line() && text.len() < 100)
        {
            Piece::Heading(2, title.trim().to_string())
        } else if options.title_lines && next_is_prose && is_title_line(block, text) {
            Piece::Heading(2, text.trim_start_matches('|').trim().to_string())
        } else if let Some(items) = bullet_items(text) {
            Piece::List(items)
        } else if let Some(items) = numbered_items(text) {
            Piece::Numbered(items)
        } else if is_line_run(block) {
            Piece::Lines(text_lines(text))
        } else {
            Piece::Paragraph(text.replace('\n', " "))
        };
        pieces.push(piece);
    }
    let pieces = join_page_breaks(pieces, stats);
    mark_quotations(pieces)
}

/// The text of a block line by line (for runs of short lines).
fn text_lines(text: &str) -> Vec<String> {
    text.split('\n').map(|l| l.trim().to_string()).collect()
}

/// The short lines before the first paragraph of prose: the head of the original (its title,
/// author, place of publication), kept as lines.
fn leading_head(blocks: &[Block]) -> usize {
    let first_prose = blocks.iter().position(|b| b.text().chars().count() > 120);
    match first_prose {
        Some(index)
            if index <= 6
                && blocks[..index]
                    .iter()
                    .all(|b| b.lines.iter().all(|l| l.chars().count() < 100)) =>
        {
            index
        }
        _ => 0,
    }
}

/// Left over from the conversion of an e-book or a web page, with no words of the source:
/// lone dashes, empty anchors.
fn is_debris(text: &str) -> bool {
    let trimmed = text.trim();
    trimmed
        .chars()
        .all(|c| matches!(c, '-' | '–' | '—' | '|' | '*' | '_'))
        || trimmed == "[](#)"
}

static NUMBERED_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,2}\.\s+\p{Lu}").expect("valid pattern"));

/// A short line in title case with no closing punctuation: `The Workers’ Opposition`,
/// `In Prison and in the Camps (1933 -1937)`, `1. What are the class relations in Russia?`.
fn is_title_line(block: &Block, text: &str) -> bool {
    let text = text.trim_start_matches('|').trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    if !block.is_single_line() || words.is_empty() || words.len() > 14 || text.contains(',') {
        return false;
    }
    let numbered = NUMBERED_TITLE.is_match(text);
    let last = text.chars().last().unwrap_or('.');
    if matches!(last, ';' | ':' | ',')
        || (last == '.' && !numbered && words.len() < 6)
        || (last == '?' && !numbered)
    {
        return false;
    }
    let long_words: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalised = long_words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    numbered
        || (!long_words.is_empty()
            && capitalised * 3 >= long_words.len() * 2
            && capitalised >= 1
            && last != '.')
}

fn bullet_items(text: &str) -> Option<Vec<String>> {
    let lines = text_lines(text);
    let items: Vec<String> = lines
        .iter()
        .map(|l| {
            ["•", "- ", "* ", "– "]
                .iter()
                .find_map(|bullet| l.strip_prefix(bullet))
                .map(|rest| rest.trim().to_string())
        })
        .collect::<Option<_>>()?;
    // "- " alone before a word is a list; a lone dash line is debris, handled before.
    (!items.iter().any(String::is_empty)).then_some(items)
}

/// A block that is a table: a pipe table as it is, a grid table made one.
fn table_lines(block: &Block) -> Option<Vec<String>> {
    let lines: Vec<&str> = block.lines.iter().map(String::as_str).collect();
    if super::tables::is_pipe_table(&lines) {
        return Some(lines.iter().map(|l| l.trim().to_string()).collect());
    }
    if let Some(rows) = super::tables::grid_rows(&lines) {
        return Some(super::tables::pipe_table(&rows));
    }
    if let Some(rows) = super::tables::tab_rows(&lines) {
        return Some(super::tables::pipe_table(&rows));
    }
    // A caption on the line above a table of tabs, in the same block.
    let (caption, rest) = lines.split_first()?;
    let rows = (!caption.contains('\t'))
        .then(|| super::tables::tab_rows(rest))
        .flatten()?;
    let mut table = vec![caption.trim().to_string(), String::new()];
    table.extend(super::tables::pipe_table(&rows));
    Some(table)
}

static WIKI_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(={2,6})\s*(.+?)\s*={2,6}$").expect("valid pattern"));

/// A wiki's heading on a line of its own: `== Early life ==` (level 2), `=== … ===` (3).
fn wiki_heading(block: &Block) -> Option<(u8, String)> {
    let captures = WIKI_HEADING.captures(block.lines.first()?.trim())?;
    let level = captures[1].len() as u8;
    block
        .is_single_line()
        .then(|| (level, captures[2].to_string()))
}

static NUMBERED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:\d{1,2}[.)]|#)\s+(\S.*)$").expect("valid pattern"));

/// A block of two lines or more, each a numbered item (`1. `, `2) `, a wiki's `# `).
fn numbered_items(text: &str) -> Option<Vec<String>> {
    let lines = text_lines(text);
    if lines.len() < 2 {
        return None;
    }
    lines
        .iter()
        .map(|l| NUMBERED_ITEM.captures(l).map(|c| c[1].trim().to_string()))
        .collect()
}

/// Several lines in one block, none of them long: lines that are lines in the source. Not
/// prose wrapped at a fixed width, as a transcription from scans often is.
fn is_line_run(block: &Block) -> bool {
    block.lines.len() > 1
        && block.lines.iter().all(|l| l.chars().count() < 100)
        && !is_wrapped_prose(&block.lines)
}

/// Lines of prose wrapped at about one width: every line but the last at least 50
/// characters and within a fifth of the longest, and some of them ending in mid-sentence.
fn is_wrapped_prose(lines: &[String]) -> bool {
    let Some((_, wrapped)) = lines.split_last() else {
        return false;
    };
    let widths: Vec<usize> = wrapped.iter().map(|l| l.trim().chars().count()).collect();
    let widest = widths.iter().copied().max().unwrap_or(0);
    widest >= 50
        && widths.iter().all(|&w| w >= 50 && w * 5 >= widest * 4)
        && wrapped.iter().any(|l| !ends_a_sentence(l))
}

pub(crate) fn ends_a_sentence(text: &str) -> bool {
    let trimmed = text.trim_end();
    let trimmed = strip_trailing_markers(trimmed);
    trimmed.chars().last().is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | ':' | ';' | '"' | '”' | '’' | '\'' | ')' | ']' | '»' | '…' | '*'
        )
    })
}

static TRAILING_MARKERS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\[\^\d+\])+$").expect("valid pattern"));

fn strip_trailing_markers(text: &str) -> &str {
    match TRAILING_MARKERS.find(text) {
        Some(m) => &text[..m.start()],
        None => text,
    }
}

fn starts_lower(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase)
}

fn is_caption(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('|')
        || (text.chars().count() < 90 && !ends_a_sentence(text) && !starts_lower(text))
}

/// A paragraph that a page break cut in two ends without closing punctuation; its second
/// half starts in lower case, or is prose that plainly goes on. A caption that the page break
/// left in the middle of the sentence is moved after the joined paragraph.
fn join_page_breaks(pieces: Vec<Piece>, stats: &mut ShapeStats) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut iter = pieces.into_iter().peekable();
    while let Some(piece) = iter.next() {
        let Piece::Paragraph(mut text) = piece else {
            out.push(piece);
            continue;
        };
        let mut captions = Vec::new();
        loop {
            if ends_a_sentence(&text) {
                break;
            }
            match iter.peek() {
                // `… the [p. 45] sentence goes on`: the page's marker where the page began.
                Some(Piece::Paragraph(marker)) if is_page_marker(marker) => {
                    let marker = marker.clone();
                    let mut ahead = iter.clone();
                    ahead.next();
                    match ahead.next() {
                        Some(Piece::Paragraph(next)) if continues(&text, &next) => {
                            text.push(' ');
                            text.push_str(marker.trim());
                            text.push(' ');
                            text.push_str(next.trim());
                            iter.next();
                            iter.next();
                            stats.joined_page_breaks += 1;
                        }
                        _ => break,
                    }
                }
                Some(Piece::Paragraph(next)) if continues(&text, next) => {
                    text.push(' ');
                    text.push_str(next.trim());
                    iter.next();
                    stats.joined_page_breaks += 1;
                }
                Some(Piece::Paragraph(caption)) | Some(Piece::Heading(_, caption))
                    if is_caption(caption) =>
                {
                    let caption = caption.clone();
                    let mut ahead = iter.clone();
                    ahead.next();
                    match ahead.next() {
                        Some(Piece::Paragraph(next)) if starts_lower(&next) => {
                            iter.next();
                            iter.next();
                            let caption = caption.trim_start_matches('|').trim().to_string();
                            stats.moved_captions.push(caption.clone());
                            captions.push(caption);
                            text.push(' ');
                            text.push_str(next.trim());
                            stats.joined_page_breaks += 1;
                        }
                        _ => break,
                    }
                }
                _ => break,
            }
        }
        out.push(Piece::Paragraph(text));
        out.extend(captions.into_iter().map(Piece::Caption));
    }
    out
}

/// A page break as `mark_page_breaks` wrote it: `[p. 45]` alone.
fn is_page_marker(text: &str) -> bool {
    PAGE_MARKER.is_match(text.trim())
}

static PAGE_MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\[p\. [0-9ivxlcdm]{1,8}\]$").expect("valid pattern"));

/// A text's lines that number its pages (`--- 45 ---`, `— 45 —`, `[Page 45]`, `Page 45`,
/// `[p. 45]`), each made the page marker `[p. 45]` of a block of its own, which
/// `join_page_breaks` puts back inside the sentence the page break cut. A bare number on a
/// line is left as it is: it may as well be a year or a list's.
pub fn mark_page_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.lines().any(|line| PAGE_LINE.is_match(line)) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.lines() {
        match PAGE_LINE.captures(line) {
            Some(c) => {
                let page = ["dashed", "bracketed", "titled"]
                    .iter()
                    .find_map(|name| c.name(name))
                    .map_or("", |m| m.as_str());
                out.push_str(&format!("\n[p. {page}]\n\n"));
            }
            None => {
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out.into()
}

static PAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[-–—]{1,3}\s*(?P<dashed>[0-9]{1,4})\s*[-–—]{1,3}|\[(?:[Pp]age|p\.)\s*(?P<bracketed>[0-9]{1,4})\]|(?:Page|PAGE)\s+(?P<titled>[0-9]{1,4}))\s*$",
    )
    .expect("valid pattern")
});

fn continues(text: &str, next: &str) -> bool {
    starts_lower(next)
        || (text.chars().count() > 150
            && next.chars().count() > 80
            && text
                .trim_end()
                .ends_with(|c: char| c.is_alphabetic() || c == ','))
}

static SOURCE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(quoted in |cited in |\p{Lu}[\p{L}.\s’'-]{1,40}, )").expect("valid pattern")
});

/// A quotation set as its own paragraph and followed by its source (`Lenin, The State and
/// Revolution`; `Quoted in Daniels, Documentary History p. 186`) becomes a block quotation.
/// The paragraph must be in quotation marks, or its source say "Quoted in": a paragraph
/// followed by a picture's caption ("Signing of the declaration, 1919") is no quotation.
fn mark_quotations(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let source_text = match &piece {
            Piece::Paragraph(t) | Piece::Heading(_, t) => Some(t.as_str()),
            _ => None,
        };
        let is_source = source_text.is_some_and(|t| {
            t.chars().count() <= 110
                && SOURCE_LINE.is_match(t)
                && !t.trim_end().ends_with(['.', ':', ';'])
        });
        let says_quoted = source_text.is_some_and(|t| {
            let t = t.to_lowercase();
            t.starts_with("quoted in") || t.starts_with("cited in")
        });
        match (is_source, out.last()) {
            (true, Some(Piece::Paragraph(quote)))
                if ends_a_sentence(quote)
                    && (says_quoted
                        || quote.trim_start().starts_with(['“', '"', '«', '„', '‘'])) =>
            {
                let quote = quote.clone();
                let source = match piece {
                    Piece::Paragraph(t) | Piece::Heading(_, t) => t,
                    _ => unreachable!("checked above"),
                };
                out.pop();
                out.push(Piece::Quote(quote, source));
            }
            _ => out.push(piece),
        }
    }
    out
}

/// Plain text that Markdown would read as markup at the start of a line, escaped; HTML-like
/// text (`<`) escaped anywhere.
pub fn escape_line_start(text: &str) -> String {
    let escaped = text.replace('<', "\\<");
    let fence = escaped
        .chars()
        .take_while(|&c| c == '`' || c == '~')
        .count();
    if fence >= 3 {
        // A code fence would take the rest of the page, notes and all: each of its marks is
        // escaped, so that neither a fence nor a code span nor a strikethrough is left.
        let (marks, rest) = escaped.split_at(fence);
        return marks.chars().map(|c| format!("\\{c}")).collect::<String>() + rest;
    }
    if let Some(dot) = ordered_list_mark(&escaped) {
        // "1921. The Tenth Congress" is a paragraph that opens with a year, not a list.
        return format!("{}\\{}", &escaped[..dot], &escaped[dot..]);
    }
    let rule_or_underline = escaped.starts_with(['-', '*', '_'])
        && escaped.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '));
    let starts_markup = escaped.starts_with(['#', '>', '+', '='])
        || escaped.starts_with("- ")
        || rule_or_underline
        || escaped.starts_with("* ") && !escaped[2..].contains('*');
    if starts_markup {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// Where the `.` or `)` after a number of three digits or more that opens `text` stands,
/// when it and a space (or the end) make a mark of an ordered list, as CommonMark reads one
/// (nine digits at most). A source's numbered list starts low and stays a list; a year
/// ("1921. The Tenth Congress") opens a paragraph.
fn ordered_list_mark(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = text.as_bytes().get(digits + 1).copied();
    let is_mark = (3..=9).contains(&digits)
        && matches!(text.as_bytes().get(digits), Some(b'.' | b')'))
        && after.is_none_or(|c| c == b' ' || c == b'\t');
    is_mark.then_some(digits)
}

/// The Markdown of the shaped pieces, paragraphs apart.
pub fn to_markdown(pieces: &[Piece]) -> String {
    let mut out = String::new();
    for piece in pieces {
        let text = match piece {
            Piece::Heading(level, title) => {
                format!(
                    "{} {}",
                    "#".repeat(*level as usize),
                    title.replace('<', "\\<")
                )
            }
            Piece::Paragraph(text) => escape_line_start(text),
            Piece::Lines(lines) => lines
                .iter()
                .map(|l| escape_line_start(l))
                .collect::<Vec<_>>()
                .join("\\\n"),
            Piece::List(items) => items
                .iter()
                .map(|i| format!("- {i}"))
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Quote(quote, source) => {
                format!("> {}\n>\n> — {}", escape_line_start(quote), source)
            }
            Piece::Caption(caption) => format!("*{}*", caption.trim_matches('*')),
            Piece::Numbered(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}. {}", i + 1, escape_line_start(item)))
                .collect::<Vec<_>>()
                .join("\n"),
            Piece::Table(lines) => lines.join("\n"),
        };
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::split_blocks;

    fn shaped(text: &str, title_lines: bool) -> (Vec<Piece>, ShapeStats) {
        let blocks = split_blocks(text);
        let texts: Vec<String> = blocks.iter().map(|b| b.lines.join("\n")).collect();
        let mut stats = ShapeStats::default();
        (
            shape(
                &blocks,
                &texts,
                ShapeOptions {
                    title_lines,
                    head: true,
                },
                &mut stats,
            ),
            stats,
        )
    }

    const PROSE: &str = "This paragraph of prose is long enough to count as the text of the document rather than as a line of its head: it runs on, and on, and it ends properly.";

    #[test]
    fn rejoins_a_paragraph_split_by_a_page_break() {
        let (pieces, stats) = shaped(
            &format!("{PROSE}\n\nThe process of\n\nbased upon the affirmation of rule.\n"),
            false,
        );
        assert_eq!(
            pieces[1],
            Piece::Paragraph("The process of based upon the affirmation of rule.".into())
        );
        assert_eq!(stats.joined_page_breaks, 1);
    }

    #[test]
    fn moves_a_caption_out_of_a_sentence() {
        let (pieces, stats) = shaped(
            &format!("{PROSE}\n\nHe met\n\n| Gavril Miasnikov (1889-1945)\n\nthe others.\n"),
            false,
        );
        assert_eq!(pieces[1], Piece::Paragraph("He met the others.".into()));
        assert_eq!(
            pieces[2],
            Piece::Caption("Gavril Miasnikov (1889-1945)".into())
        );
        assert_eq!(stats.moved_captions, vec!["Gavril Miasnikov (1889-1945)"]);
    }

    #[test]
    fn headings_from_web_pages_and_title_lines() {
        let (pieces, _) = shaped(
            &format!(
                "{PROSE}\n\nHistory edit\n\n{PROSE}\n\nThe Workers’ Opposition\n\n{PROSE}\n\nMiasnikov added\n\n{PROSE}\n"
            ),
            true,
        );
        assert_eq!(pieces[1], Piece::Heading(2, "History".into()));
        assert_eq!(
            pieces[3],
            Piece::Heading(2, "The Workers’ Opposition".into())
        );
        assert_eq!(pieces[5], Piece::Paragraph("Miasnikov added".into()));
    }

    #[test]
    fn a_quotation_with_its_source_line() {
        let (pieces, _) = shaped(
            &format!("{PROSE}\n\n“Workers must rule.”\n\nLenin, The State and Revolution\n"),
            false,
        );
        assert_eq!(
            pieces[1],
            Piece::Quote(
                "“Workers must rule.”".into(),
                "Lenin, The State and Revolution".into()
            )
        );
    }

    #[test]
    fn prose_wrapped_at_a_width_is_one_paragraph_and_short_lines_stay_lines() {
        let wrapped = "The workers of Motovilikha met in the spring of 1921 and heard him\n\
                       speak of freedom of the press, which he held to be the right of all\n\
                       workers.";
        let (pieces, _) = shaped(&format!("{PROSE}\n\n{wrapped}\n"), false);
        assert_eq!(
            pieces[1],
            Piece::Paragraph(wrapped.replace('\n', " ")),
            "{pieces:#?}"
        );
        let address = "To the Central Committee of the Russian Communist Party,\n\
                       Moscow, the Kremlin, in the month of May 1921.\nFrom G. Miasnikov";
        let (pieces, _) = shaped(&format!("{PROSE}\n\n{address}\n"), false);
        assert!(
            matches!(&pieces[1], Piece::Lines(lines) if lines.len() == 3),
            "{pieces:#?}"
        );
    }

    #[test]
    fn the_head_of_the_original_stays_as_lines() {
        let (pieces, _) = shaped(
            &format!("Bolshevik Opposition to Lenin:\n\nPaul Avrich\n\n{PROSE}\n"),
            true,
        );
        assert_eq!(
            pieces[0],
            Piece::Lines(vec![
                "Bolshevik Opposition to Lenin:".into(),
                "Paul Avrich".into()
            ])
        );
    }

    #[test]
    fn escapes_what_markdown_would_misread() {
        assert_eq!(escape_line_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_line_start("a <b> c"), "a \\<b> c");
        assert_eq!(escape_line_start("~~~ Part two"), "\\~\\~\\~ Part two");
        assert_eq!(escape_line_start("```"), "\\`\\`\\`");
        assert_eq!(
            escape_line_start("1921. The Tenth Congress"),
            "1921\\. The Tenth Congress"
        );
        assert_eq!(escape_line_start("2) Second"), "2) Second");
        assert_eq!(escape_line_start("120) A point"), "120\\) A point");
        assert_eq!(escape_line_start("1.5 million"), "1.5 million");
        assert_eq!(escape_line_start("---"), "\\---");
        assert_eq!(escape_line_start("-- said he"), "-- said he");
        assert_eq!(escape_line_start("*italic* text"), "*italic* text");
    }
}

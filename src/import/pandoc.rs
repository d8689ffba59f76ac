//! What Markdown writers use beyond CommonMark, made what annals reads: Pandoc's title block
//! (`% Title`), inline notes (`^[…]`) and line blocks (`| verse`), and notes written as a
//! printed book writes them, superscript numbers in the text (`¹`, `<sup>1</sup>`) with a
//! numbered list under a closing "Notes" heading.

use std::sync::LazyLock;

use regex::Regex;

use super::markdown::Converted;
use crate::frontmatter::FrontMatter;

/// Pandoc's title block: up to three lines opening with `%` at the very top, the title,
/// the authors (parted by `;`) and the date. A third line that is no date (a series, a
/// publication) is kept as the publication.
pub fn title_block(text: &str) -> Option<(FrontMatter, &str, usize)> {
    let lines: Vec<&str> = text.lines().take_while(|l| l.starts_with('%')).collect();
    if lines.is_empty() || lines.len() > 3 {
        return None;
    }
    let field = |i: usize| {
        lines
            .get(i)
            .map(|l| l.trim_start_matches('%').trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let mut front = FrontMatter {
        title: field(0),
        authors: field(1)
            .map(|a| a.split(';').map(|a| a.trim().to_string()).collect())
            .unwrap_or_default(),
        ..FrontMatter::default()
    };
    if let Some(third) = field(2) {
        let is_date = third.chars().count() <= 30 && YEAR.is_match(&third);
        match is_date {
            true => front.date = Some(third),
            false => front.publication = Some(third),
        }
    }
    let consumed: usize = lines.iter().map(|l| l.len() + 1).sum();
    let rest = text.get(consumed..).unwrap_or("").trim_start_matches('\n');
    Some((
        front,
        rest,
        text[..text.len() - rest.len()].lines().count() + 1,
    ))
}

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b1[0-9]{3}\b|\b20[0-9]{2}\b").expect("valid pattern"));

/// Pandoc's inline notes, `text.^[The note.]`, made footnotes of their own (`[^inline-1]`)
/// with their text at the page's end.
pub fn inline_notes(body: &str, converted: &mut Converted) -> String {
    let mut out = String::with_capacity(body.len());
    let mut notes: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(start) = rest.find("^[") {
        let Some(length) = bracketed_length(&rest[start + 1..]) else {
            break;
        };
        out.push_str(&rest[..start]);
        let note = &rest[start + 2..start + 1 + length];
        notes.push(note.split_whitespace().collect::<Vec<_>>().join(" "));
        out.push_str(&format!("[^inline-{}]", notes.len()));
        rest = &rest[start + 1 + length + 1..];
    }
    out.push_str(rest);
    converted.count("inline notes (^[…]) made footnotes", notes.len());
    if !notes.is_empty() {
        out = out.trim_end().to_string() + "\n\n";
        for (n, note) in notes.iter().enumerate() {
            out.push_str(&format!("[^inline-{}]: {note}\n", n + 1));
        }
    }
    out
}

/// The length up to the `]` that closes the `[` opening `text`, brackets within counted.
fn bracketed_length(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Pandoc's line blocks, `| ` lines of verse or an address, made lines with hard breaks
/// (their leading spaces kept as no-break spaces). A pipe table has a row of dashes under
/// its header and is left as it is.
pub fn line_blocks(body: &str, converted: &mut Converted) -> String {
    let (text, made) = super::replace_line_runs(
        body,
        |line| line == "|" || line.starts_with("| "),
        |block| {
            let table = block.iter().any(|l| {
                l.contains("---") && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
            });
            let all_closed = block.iter().all(|l| l.trim_end().ends_with('|'));
            if table || all_closed {
                return None;
            }
            let verse: Vec<String> = block
                .iter()
                .map(|l| {
                    let line = l.strip_prefix('|').unwrap_or(l);
                    let line = line.strip_prefix(' ').unwrap_or(line);
                    let indent = line.len() - line.trim_start().len();
                    format!("{}{}", "\u{a0}".repeat(indent), line.trim_start())
                })
                .collect();
            Some(vec![verse.join("\\\n")])
        },
    );
    converted.count("line blocks (| …) made lines", made);
    text
}

static SUPERSCRIPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+|<sup>\s*(\d{1,3})\s*</sup>|\^(\d{1,3})\^").expect("valid pattern")
});
static UNIT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d\s?[a-zA-Zµ]{1,3}$").expect("valid pattern"));
static NOTES_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:#{1,6}\s+)?(?:notes|endnotes|footnotes|references|notes and references|примечания|anmerkungen)\s*:?\s*$")
        .expect("valid pattern")
});
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,3})[.)]\s+(\S.*)$").expect("valid pattern"));

/// Notes as a printed book sets them: superscript numbers in the text, and under a closing
/// "Notes" heading a numbered list of their texts. Each marker whose number the list has
/// becomes `[^n]`, and the list the notes' definitions (a note's further paragraphs
/// indented under it, as footnotes want them). A text with footnotes of its own is left
/// as it is.
pub fn superscript_notes(body: &str, converted: &mut Converted) -> String {
    if body.lines().any(|l| l.starts_with("[^")) {
        return body.to_string();
    }
    let lines: Vec<&str> = body.lines().collect();
    let Some(heading) = lines.iter().rposition(|l| NOTES_HEADING.is_match(l.trim())) else {
        return body.to_string();
    };
    let notes = note_list(&lines[heading + 1..]);
    if notes.len() < 2 {
        return body.to_string();
    }
    let source = lines[..heading].join("\n");
    let mut found = 0;
    let mut text = String::with_capacity(source.len());
    let mut rest = 0;
    for c in SUPERSCRIPT.captures_iter(&source) {
        let whole = c.get(0).expect("the match");
        let number = c
            .get(1)
            .or(c.get(2))
            .map(|m| m.as_str().to_string())
            .unwrap_or_else(|| whole.as_str().chars().map(superscript_digit).collect());
        let is_note = number
            .parse::<usize>()
            .is_ok_and(|n| notes.iter().any(|(m, _)| *m == n));
        // "6 m²" is a square metre, not note 2.
        let is_unit = UNIT_BEFORE.is_match(&source[..whole.start()]);
        text.push_str(&source[rest..whole.start()]);
        match is_note && !is_unit {
            true => {
                found += 1;
                text.push_str(&format!("[^{number}]"));
                converted.dropped.push(whole.as_str().to_string());
            }
            false => text.push_str(whole.as_str()),
        }
        rest = whole.end();
    }
    text.push_str(&source[rest..]);
    if found == 0 {
        return body.to_string();
    }
    converted.count("superscript markers made note markers", found);
    converted.count("notes under a closing heading made footnotes", notes.len());
    converted.dropped.push(lines[heading].to_string());
    let mut out = text.trim_end().to_string() + "\n\n";
    for (n, paragraphs) in notes {
        out.push_str(&format!("[^{n}]: {}\n", paragraphs.join("\n\n    ")));
    }
    out
}

fn superscript_digit(c: char) -> char {
    match c {
        '⁰' => '0',
        '¹' => '1',
        '²' => '2',
        '³' => '3',
        c @ '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10).unwrap_or(c),
        other => other,
    }
}

/// The numbered list that follows a notes heading: each item's number and paragraphs (an
/// indented paragraph after an item is more of it).
fn note_list(lines: &[&str]) -> Vec<(usize, Vec<String>)> {
    let mut notes: Vec<(usize, Vec<String>)> = Vec::new();
    let mut blank = false;
    for line in lines {
        if line.trim().is_empty() {
            blank = true;
            continue;
        }
        if let Some(c) = NUMBERED.captures(line) {
            notes.push((c[1].parse().unwrap_or(0), vec![c[2].trim().to_string()]));
        } else if let Some((_, paragraphs)) = notes.last_mut()
            && (line.starts_with(' ') || line.starts_with('\t'))
        {
            match blank {
                true => paragraphs.push(line.trim().to_string()),
                false => {
                    let last = paragraphs.last_mut().expect("an item has a paragraph");
                    last.push(' ');
                    last.push_str(line.trim());
                }
            }
        } else {
            // Text after the list: it is no list of notes.
            return Vec::new();
        }
        blank = false;
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_block_gives_title_authors_and_a_date_or_a_publication() {
        let (front, rest, line) = title_block(
            "% The Petition\n% Haruko Okada; Ken Ito\n% Kōchi Documents, no. 14\n\nText.\n",
        )
        .unwrap();
        assert_eq!(front.title.as_deref(), Some("The Petition"));
        assert_eq!(front.authors, ["Haruko Okada", "Ken Ito"]);
        assert_eq!(
            front.publication.as_deref(),
            Some("Kōchi Documents, no. 14")
        );
        assert_eq!(rest, "Text.\n");
        assert_eq!(line, 5);
        let (front, _, _) = title_block("% A Letter\n% \n% 12 May 1876\n").unwrap();
        assert_eq!(front.date.as_deref(), Some("12 May 1876"));
        assert!(front.authors.is_empty());
    }

    #[test]
    fn inline_notes_with_brackets_inside_become_footnotes() {
        let mut converted = Converted::default();
        let body = inline_notes(
            "It lowered the value.^[A second petition [lost] of 1877.] Then.\n",
            &mut converted,
        );
        assert_eq!(
            body,
            "It lowered the value.[^inline-1] Then.\n\n[^inline-1]: A second petition [lost] of 1877.\n"
        );
    }

    #[test]
    fn a_line_block_keeps_its_lines_and_indents_and_a_table_stays() {
        let mut converted = Converted::default();
        let body = "| The chain runs up the hill,\n|     and the farmer walks.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        assert_eq!(
            line_blocks(body, &mut converted),
            "The chain runs up the hill,\\\n\u{a0}\u{a0}\u{a0}\u{a0}and the farmer walks.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        );
    }

    #[test]
    fn superscript_markers_and_a_closing_list_of_notes_become_footnotes() {
        let mut converted = Converted::default();
        let body = "He landed in 1852.¹ A claim was 8 ft by 8 (6 m²), a cause of disputes.² And<sup>3</sup>.\n\n## Notes\n\n1. The inking-over.\n2. The licence fee.\n\n   Its second paragraph.\n3. Third.\n";
        assert_eq!(
            superscript_notes(body, &mut converted),
            "He landed in 1852.[^1] A claim was 8 ft by 8 (6 m²), a cause of disputes.[^2] And[^3].\n\n[^1]: The inking-over.\n[^2]: The licence fee.\n\n    Its second paragraph.\n[^3]: Third.\n"
        );
    }
}

//! An editor's list of corrections to a transcription (`annals import --corrections
//! FILE.toml`), written into the imported Markdown as emendations, so that a new import of
//! the same source keeps them and every one is shown to readers as a correction:
//!
//! ```toml
//! # the source's words = the edition's
//! "During Lanin's years" = "During Lenin's years"
//! ```
//!
//! gives `During {~~Lanin's~>Lenin's~~} years`: the words that differ, whole, are marked;
//! the rest of the key only finds the place.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::frontmatter::toml_error;

/// One correction: the source's words (as the imported text has them) and the edition's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub source: String,
    pub reading: String,
    /// Its line in the corrections file.
    pub line: usize,
}

const HELP: &str = "write one correction a line: \"the source's words\" = \"the edition's words\"";

/// The corrections of a file, or an error at the line that is not one.
pub fn read(text: &str, path: &Path) -> Result<Vec<Correction>, Diagnostic> {
    let lines = LineIndex::new(text);
    type Spanned<T> = toml::Spanned<T>;
    let table: std::collections::BTreeMap<Spanned<String>, Spanned<toml::Value>> =
        toml::from_str(text).map_err(|e| toml_error(path, (text, &lines, 0), &e, HELP))?;
    let mut corrections = Vec::new();
    for (source, value) in table {
        let line = lines.line(source.span().start);
        let source = source.into_inner();
        let Some(reading) = value.get_ref().as_str() else {
            return Err(Diagnostic::error(
                path,
                format!("the correction of “{source}” is not text"),
            )
            .at_line(line)
            .with_help(HELP));
        };
        if source.trim().is_empty() || source == reading {
            return Err(Diagnostic::error(
                path,
                format!("“{source}” corrects nothing: its two sides are the same or empty"),
            )
            .at_line(line)
            .with_help(HELP));
        }
        corrections.push(Correction {
            reading: reading.to_string(),
            source,
            line,
        });
    }
    corrections.sort_by_key(|c| c.line);
    Ok(corrections)
}

/// Each correction written into `markdown`'s body (not its front matter) wherever its
/// source's words stand outside an emendation already made; how many places each took.
pub fn apply(markdown: &mut String, corrections: &[Correction]) -> Vec<usize> {
    let body_start = body_start(markdown);
    corrections
        .iter()
        .map(|correction| {
            let marked = emendation(&correction.source, &correction.reading);
            let taken = emendations_in(markdown);
            let places: Vec<usize> = markdown[body_start..]
                .match_indices(correction.source.as_str())
                .map(|(at, _)| body_start + at)
                .filter(|&at| {
                    let end = at + correction.source.len();
                    !taken.iter().any(|t| at < t.end && t.start < end)
                })
                .collect();
            for &at in places.iter().rev() {
                markdown.replace_range(at..at + correction.source.len(), &marked);
            }
            places.len()
        })
        .collect()
}

/// Where the body starts: after the `+++` front matter, if there is one.
fn body_start(markdown: &str) -> usize {
    let Some(rest) = markdown.strip_prefix("+++\n") else {
        return 0;
    };
    rest.find("\n+++\n").map_or(0, |end| 4 + end + 5)
}

/// The spans of the emendations `text` already holds.
fn emendations_in(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut at = 0;
    while let Some(start) = text[at..].find("{~~").map(|s| at + s) {
        let Some(end) = text[start..].find("~~}").map(|e| start + e + 3) else {
            break;
        };
        spans.push(start..end);
        at = end;
    }
    spans
}

/// The source's words as they are written corrected: what differs marked
/// `{~~source~>reading~~}`, out to the edges of the words it falls in (a letter changed
/// in "Lanin's" marks the word), what they share left around it. Words only added are
/// `{++added++}`, words only taken out `{--taken out--}`.
fn emendation(source: &str, reading: &str) -> String {
    let prefix = shared_prefix(source, reading);
    let suffix = shared_prefix_rev(&source[prefix..], &reading[prefix..]);
    let (source_end, reading_end) = (source.len() - suffix, reading.len() - suffix);
    let only_spaces = |text: &str| text.trim().is_empty();
    let spaced =
        only_spaces(&source[prefix..source_end]) && only_spaces(&reading[prefix..reading_end]);
    // Words added to the reading, or taken out of the source; a space put in or taken out,
    // or letters inside a word, are shown with the words they change.
    if (prefix == source_end || prefix == reading_end) && !spaced {
        let (sign, longer, end) = match prefix == source_end {
            true => ('+', reading, reading_end),
            false => ('-', source, source_end),
        };
        let (start, end) = word_aligned(longer, prefix, end);
        let (before, words, after) = (&longer[..start], &longer[start..end], &longer[end..]);
        let parted_before = words.starts_with(char::is_whitespace)
            || !before.ends_with(|c| is_in_word(c) && !OPENING.contains(c));
        let parted_after = words.ends_with(char::is_whitespace) || !after.starts_with(is_in_word);
        if parted_before && parted_after {
            return format!("{before}{{{sign}{sign}{words}{sign}{sign}}}{after}");
        }
    }
    let in_word_before = source[..prefix]
        .chars()
        .next_back()
        .is_some_and(|c| is_in_word(c) && !OPENING.contains(c));
    let start = match in_word_before {
        true => word_start(source, prefix),
        false => prefix,
    };
    let in_word_after = source[source_end..].starts_with(is_in_word);
    let source_end = match in_word_after {
        true => word_end(source, source_end),
        false => source_end,
    };
    let reading_end = reading.len() - (source.len() - source_end);
    format!(
        "{}{{~~{}~>{}~~}}{}",
        &source[..start],
        &source[start..source_end],
        &reading[start..reading_end],
        &source[source_end..]
    )
}

/// Punctuation that ends a word, and that opens one.
const CLOSING: &str = ",.;:!?)]»”\"[";
const OPENING: &str = "([«“\"";

/// Whether a character goes on with the word it follows: not a space, nor punctuation that
/// ends a word ("Bot'nye" is one word, "Kcisior," one and a comma).
fn is_in_word(c: char) -> bool {
    !c.is_whitespace() && !CLOSING.contains(c)
}

/// The span `start..end` of `text`, added or taken out, moved back over what repeats before
/// it until it starts a word ("that that the" less "that " is "{--that --}that the", not
/// "that th{--at th--}e"), or where it is when no place back starts one.
fn word_aligned(text: &str, start: usize, end: usize) -> (usize, usize) {
    let starts_word = |start: usize, end: usize| {
        let before = text[..start].chars().next_back();
        let first = text[start..end].chars().next();
        before.is_none_or(char::is_whitespace) && first.is_some_and(|c| !c.is_whitespace())
    };
    let (mut at, mut to) = (start, end);
    while !starts_word(at, to) {
        let (Some(before), Some(last)) = (
            text[..at].chars().next_back(),
            text[at..to].chars().next_back(),
        ) else {
            return (start, end);
        };
        if before != last {
            return (start, end);
        }
        at -= before.len_utf8();
        to -= last.len_utf8();
    }
    (at, to)
}

/// The end of the word that `at` stands in (or `at`, on a space), without the punctuation
/// after it.
fn word_end(text: &str, at: usize) -> usize {
    let end = text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |space| at + space);
    at + text[at..end]
        .trim_end_matches(|c| CLOSING.contains(c))
        .len()
}

/// The start of the word that ends at `at`, without the punctuation before it.
fn word_start(text: &str, at: usize) -> usize {
    let start = text[..at]
        .char_indices()
        .rfind(|(_, c)| c.is_whitespace())
        .map_or(0, |(space, c)| space + c.len_utf8());
    at - text[start..at]
        .trim_start_matches(|c| OPENING.contains(c))
        .len()
}

fn shared_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at)
}

fn shared_prefix_rev(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_that_differ_are_marked_whole() {
        assert_eq!(
            emendation("During Lanin's years", "During Lenin's years"),
            "During {~~Lanin's~>Lenin's~~} years"
        );
        assert_eq!(
            emendation("Party-the Democratic", "Party — the Democratic"),
            "{~~Party-the~>Party — the~~} Democratic"
        );
        assert_eq!(
            emendation("Gavriii ll'ich Miasnikov", "Gavriil Il'ich Miasnikov"),
            "{~~Gavriii ll'ich~>Gavriil Il'ich~~} Miasnikov"
        );
        assert_eq!(
            emendation("the cotigress", "the congress"),
            "the {~~cotigress~>congress~~}"
        );
        assert_eq!(emendation("Kcisior,", "Kosior,"), "{~~Kcisior~>Kosior~~},");
        assert_eq!(
            emendation("own power.\"' Such", "own power.\"[^1] Such"),
            "own power.\"{~~'~>[^1]~~} Such"
        );
        assert_eq!(
            emendation("of 1917 proletarian", "of 1917 — proletarian"),
            "of 1917 {++— ++}proletarian"
        );
        assert_eq!(
            emendation("that that the", "that the"),
            "that {--that --}the"
        );
        assert_eq!(
            emendation("Bot'nye voprosy", "Bol'nye voprosy"),
            "{~~Bot'nye~>Bol'nye~~} voprosy"
        );
        assert_eq!(emendation("the rnan", "the man"), "the {~~rnan~>man~~}");
        assert_eq!(emendation("a tou b", "a to b"), "a {~~tou~>to~~} b");
        assert_eq!(
            emendation(
                "Political\u{a0}positionFar-left",
                "Political\u{a0}position Far-left"
            ),
            "Political\u{a0}{~~positionFar-left~>position Far-left~~}"
        );
    }

    #[test]
    fn corrections_are_read_with_their_lines_and_applied_to_the_body_only() {
        let file = "# OCR\n\"Lanin's years\" = \"Lenin's years\"\n\n'cotigress' = \"congress\"\n\"a\\u00A0\\\"b\" = \"c\"\n";
        let corrections = read(file, Path::new("fix.toml")).unwrap();
        assert_eq!(
            corrections.iter().map(|c| c.line).collect::<Vec<_>>(),
            [2, 4, 5]
        );
        assert_eq!(corrections[2].source, "a\u{a0}\"b");
        let mut markdown =
            "+++\ntitle = \"cotigress\"\n+++\n\nIn Lanin's years the cotigress met; a cotigress.\n"
                .to_string();
        let taken = apply(&mut markdown, &corrections);
        assert_eq!(taken, [1, 2, 0]);
        assert!(markdown.contains("title = \"cotigress\""));
        assert!(markdown.contains(
            "In {~~Lanin's~>Lenin's~~} years the {~~cotigress~>congress~~} met; a {~~cotigress~>congress~~}."
        ), "{markdown}");
        // Applied again, nothing is marked twice.
        assert_eq!(apply(&mut markdown, &corrections[1..2]), [0]);
    }

    #[test]
    fn a_correction_that_corrects_nothing_is_an_error_at_its_line() {
        let error = read(
            "\"a\" = \"b\"\n\"same\" = \"same\"\n",
            Path::new("fix.toml"),
        )
        .unwrap_err();
        assert_eq!(error.line, Some(2));
        let error = read("\"a\" = 3\n", Path::new("fix.toml")).unwrap_err();
        assert!(error.message.contains("not text"));
        let error = read("\"a\" = \n", Path::new("fix.toml")).unwrap_err();
        assert_eq!(error.line, Some(1));
    }
}

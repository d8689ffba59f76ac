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
    let table: toml::Table =
        toml::from_str(text).map_err(|e| toml_error(path, (text, &lines, 0), &e, HELP))?;
    let line_of_key = |key: &str| {
        let quoted = [format!("\"{key}\""), format!("'{key}'")];
        text.lines()
            .position(|l| {
                quoted
                    .iter()
                    .any(|q| l.trim_start().starts_with(q.as_str()))
            })
            .map_or(1, |index| index + 1)
    };
    let mut corrections = Vec::new();
    for (source, value) in table {
        let line = line_of_key(&source);
        let Some(reading) = value.as_str() else {
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
            source,
            reading: reading.to_string(),
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

/// The source's words as they are written corrected: the whole words in which the two
/// differ marked `{~~source~>reading~~}`, what they share left around them.
fn emendation(source: &str, reading: &str) -> String {
    let prefix = shared_prefix(source, reading);
    let suffix = shared_prefix_rev(&source[prefix..], &reading[prefix..]);
    // Out to the edges of the words the difference falls in.
    let start = source[..prefix]
        .rfind(char::is_whitespace)
        .map_or(0, |space| space + 1);
    let source_end = word_end(source, source.len() - suffix);
    let taken_back = source.len() - source_end;
    let reading_end = reading.len() - taken_back;
    format!(
        "{}{{~~{}~>{}~~}}{}",
        &source[..start],
        &source[start..source_end],
        &reading[start..reading_end],
        &source[source_end..]
    )
}

/// The end of the word that `at` stands in (or `at`, on a space).
fn word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(char::is_whitespace)
        .map_or(text.len(), |space| at + space)
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
        assert_eq!(emendation("Kcisior,", "Kosior,"), "{~~Kcisior,~>Kosior,~~}");
    }

    #[test]
    fn corrections_are_read_with_their_lines_and_applied_to_the_body_only() {
        let file = "# OCR\n\"Lanin's years\" = \"Lenin's years\"\n\n'cotigress' = \"congress\"\n";
        let corrections = read(file, Path::new("fix.toml")).unwrap();
        assert_eq!(
            corrections.iter().map(|c| c.line).collect::<Vec<_>>(),
            [2, 4]
        );
        let mut markdown =
            "+++\ntitle = \"cotigress\"\n+++\n\nIn Lanin's years the cotigress met; a cotigress.\n"
                .to_string();
        let taken = apply(&mut markdown, &corrections);
        assert_eq!(taken, [1, 2]);
        assert!(markdown.contains("title = \"cotigress\""));
        assert!(markdown.contains(
            "In {~~Lanin's~>Lenin's~~} years the {~~cotigress~>congress~~} met; a {~~cotigress~>congress~~}."
        ), "{markdown}");
        // Applied again, nothing is marked twice.
        assert_eq!(apply(&mut markdown, &corrections[1..]), [0]);
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

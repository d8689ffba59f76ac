//! A plain-text transcription as blocks: runs of lines between blank lines, each with the
//! line of the source it starts on.

/// One block of the source: a paragraph, a heading, a list, a run of note lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub lines: Vec<String>,
    /// 1-based line of the source on which the block starts.
    pub line: usize,
}

impl Block {
    /// The block's lines joined as one paragraph, with the words a line's end broke made
    /// whole again: "Mias-" and "nikov" are "Miasnikov"; "so-" and "called" are "so-called"
    /// (a prefix that keeps its hyphen); "Social-" and "Democrats" are "Social-Democrats".
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in self.lines.iter().map(|l| l.trim()) {
            if out.is_empty() {
                out.push_str(line);
                continue;
            }
            let broken = out.ends_with('-')
                && out[..out.len() - 1].ends_with(char::is_alphabetic)
                && line.starts_with(char::is_alphabetic);
            if !broken {
                out.push(' ');
                out.push_str(line);
                continue;
            }
            let fragment = (out[..out.len() - 1]
                .rsplit(|c: char| !c.is_alphabetic())
                .next())
            .unwrap_or_default()
            .to_lowercase();
            let continues_lower = line.starts_with(char::is_lowercase);
            if continues_lower && !HYPHENATED_PREFIXES.contains(&fragment.as_str()) {
                out.pop();
            }
            out.push_str(line);
        }
        out
    }

    pub fn is_single_line(&self) -> bool {
        self.lines.len() == 1
    }
}

/// Words that keep their hyphen when a line's end falls after them: "so-called",
/// "well-known", "anti-party".
const HYPHENATED_PREFIXES: &[&str] = &[
    "so", "self", "well", "non", "anti", "ex", "co", "semi", "quasi", "pro", "post", "pre", "half",
    "ill", "all", "cross", "long", "short", "left", "right", "ultra", "counter",
];

/// Splits a text into blocks. Lines holding only white space (some sources use a lone
/// non-breaking space) separate blocks like empty ones.
pub fn split_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut current: Option<Block> = None;
    for (index, raw) in text.lines().enumerate() {
        let line = raw.trim_end();
        if line.trim().is_empty() {
            blocks.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(block) => block.lines.push(line.to_string()),
            None => {
                current = Some(Block {
                    lines: vec![line.to_string()],
                    line: index + 1,
                })
            }
        }
    }
    blocks.extend(current);
    blocks
}

/// Text with its markup and spacing folded away, for comparing titles and headings:
/// `[3. Guaranteeing the Rights\nof a Minority](#)` and `3. Guaranteeing the Rights of a
/// Minority` are the same.
pub fn normalise(text: &str) -> String {
    let without_anchor = text.trim().trim_start_matches('[').trim_end_matches("](#)");
    let plain: String = without_anchor
        .chars()
        .filter(|c| !matches!(c, '⁰' | '¹' | '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹'))
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            other => other,
        })
        .collect();
    plain
        .split_whitespace()
        .map(|w| w.trim_matches('*'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_broken_at_a_lines_end_is_whole_again() {
        let block = |lines: &[&str]| Block {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            line: 1,
        };
        assert_eq!(
            block(&[
                "G. T. Mias-",
                "nikov wrote to the so-",
                "called Workers' Group."
            ])
            .text(),
            "G. T. Miasnikov wrote to the so-called Workers' Group."
        );
        assert_eq!(
            block(&["the Social-", "Democrats and the anti-", "party group"]).text(),
            "the Social-Democrats and the anti-party group"
        );
        // A dash between words, and a line that ends on one, keep their spaces.
        assert_eq!(
            block(&["the year 1921 -", "a hard one"]).text(),
            "the year 1921 - a hard one"
        );
    }

    #[test]
    fn blocks_keep_their_first_line() {
        let blocks = split_blocks("Title\n\nOne\ntwo\n \u{a0}\nThree\n");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].lines, vec!["One", "two"]);
        assert_eq!(blocks[1].line, 3);
        assert_eq!(blocks[2].line, 6);
        assert_eq!(blocks[1].text(), "One two");
    }

    #[test]
    fn normalises_toc_entries() {
        assert_eq!(
            normalise("[3. Guaranteeing the Rights\nof a Minority](#)"),
            "3. guaranteeing the rights of a minority"
        );
        assert_eq!(normalise("**TROTSKYISM:**"), "trotskyism:");
        assert_eq!(
            normalise("11. Trotsky’s “Mistake”"),
            normalise("11. Trotsky's \"Mistake\"")
        );
        assert_eq!(
            normalise("Selected Biographical Notes¹"),
            "selected biographical notes"
        );
    }
}

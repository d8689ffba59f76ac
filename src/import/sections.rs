//! A book in one file, cut into its sections by its own table of contents: the entries
//! listed under "Contents" are found again, in order, as the headings of the text.

use super::blocks::{Block, normalise};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    /// Index of the heading block; the section's text follows it.
    pub heading: usize,
    /// The first block after the section.
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    /// Blocks of the table of contents (left out of the import: the site makes its own).
    pub contents: Vec<usize>,
    pub sections: Vec<Section>,
    /// Entries of the contents never found as a heading.
    pub not_found: Vec<String>,
}

/// Finds the table of contents and the sections it lists.
pub fn outline(blocks: &[Block]) -> Outline {
    let Some(contents_at) = blocks.iter().position(|b| {
        matches!(
            normalise(&b.text()).as_str(),
            "contents" | "table of contents"
        )
    }) else {
        return Outline::default();
    };
    let entries = toc_entries(blocks, contents_at);
    let body_start = entries.last().map_or(contents_at + 1, |(i, _)| i + 1);
    let mut outline = Outline::default();
    let mut search_from = body_start;
    for (block, title) in &entries {
        let wanted = normalise(title);
        match (search_from..blocks.len()).find(|&i| normalise(&blocks[i].text()) == wanted) {
            Some(heading) => {
                outline.contents.push(*block);
                outline.sections.push(Section {
                    title: clean_title(&blocks[heading].text()),
                    heading,
                    end: blocks.len(),
                });
                search_from = heading + 1;
            }
            None if is_link_entry(&blocks[*block]) => {
                outline.contents.push(*block);
                outline.not_found.push(title.clone());
            }
            None => {}
        }
    }
    outline.contents.insert(0, contents_at);
    for i in 1..outline.sections.len() {
        outline.sections[i - 1].end = outline.sections[i].heading;
    }
    outline
}

/// The blocks after "Contents" up to the first that repeats an entry (where the text begins).
fn toc_entries(blocks: &[Block], contents_at: usize) -> Vec<(usize, String)> {
    let mut entries: Vec<(usize, String)> = Vec::new();
    for (i, block) in blocks.iter().enumerate().skip(contents_at + 1) {
        let title = strip_anchor(&block.text());
        let key = normalise(&title);
        if entries.iter().any(|(_, t)| normalise(t) == key) || title.chars().count() > 160 {
            break;
        }
        entries.push((i, title));
    }
    entries
}

fn is_link_entry(block: &Block) -> bool {
    let text = block.text();
    text.starts_with('[') && text.ends_with("](#)")
}

fn strip_anchor(text: &str) -> String {
    text.trim()
        .trim_start_matches('[')
        .trim_end_matches("](#)")
        .to_string()
}

fn clean_title(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches('*')
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::split_blocks;

    #[test]
    fn sections_follow_the_contents() {
        let text = "Title\n\nContents\n\n[Foreword](#)\n\n[1. The Birth\nof a System](#)\n\n2. Plain Entry\n\n[Missing](#)\n\nForeword\n\nText.\n\n1. The Birth of a System\n\nMore.\n\n2. Plain Entry\n\nEnd.";
        let blocks = split_blocks(text);
        let outline = outline(&blocks);
        let titles: Vec<&str> = outline.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            vec!["Foreword", "1. The Birth of a System", "2. Plain Entry"]
        );
        assert_eq!(outline.not_found, vec!["Missing"]);
        assert_eq!(outline.contents, vec![1, 2, 3, 4, 5]);
        assert_eq!(outline.sections[0].end, outline.sections[1].heading);
        assert_eq!(outline.sections[2].end, blocks.len());
    }
}

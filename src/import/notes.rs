//! Note markers in the text and the note list at the end of a chapter or document.
//!
//! Sources mark notes in many ways: superscript digits glued to punctuation (`power.¹²`),
//! `^{12}`, `^{[12](#)}` and `^{3, 4}` from e-book conversions, `(22)` and `( 31)` in OCR
//! text, bare digits glued to punctuation (`Perm'.29`), `[12]` in copies of web pages. Not
//! every number is a marker, so the order decides: within a chapter markers run 1, 2, 3 …,
//! and a number that does not continue the run stays text.

use std::sync::LazyLock;

use regex::Regex;

use super::blocks::Block;

/// How far a run of markers may jump when markers were lost in the source.
const GAP: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerKind {
    /// `¹²`, `^{12}`, `^{[12](#)}`: nothing else looks like this.
    Superscript,
    /// `(22)`
    Parenthesised,
    /// `[12]`: may cite a note again (web pages number references by first citation).
    Bracketed,
    /// `Perm'.29`
    Glued,
}

/// A number in the text that may be a note marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte range of the marker in the text, including a space before it that goes too.
    pub start: usize,
    pub end: usize,
    pub numbers: Vec<u32>,
    pub kind: MarkerKind,
}

impl Candidate {
    /// Whether it may be a marker in a chapter of `notes` notes (0: not known yet). Four digits
    /// in brackets, in parentheses or glued to a word are a year far more often than a note
    /// (`(1917)`, `Oct.1917`): they count only where the note list goes past 999.
    pub fn plausible(&self, notes: u32) -> bool {
        self.kind == MarkerKind::Superscript || self.numbers[0] < 1000 || notes >= 1000
    }
}

/// A marker accepted as a note reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub start: usize,
    pub end: usize,
    pub numbers: Vec<u32>,
    /// The number the source printed, where it was read as another.
    pub repaired_from: Option<u32>,
}

/// The highest note number read: four digits, as the patterns read them.
const MAX_NOTE: u32 = 9_999;

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"\^\{\[(?P<link>\d{1,4})\]\(#\)\}",
        r"|\^\{(?P<braced>\d{1,4}(?:\s*,\s*\d{1,4})*)\}",
        r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+(?:\s?,\s?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)*)",
        r"|(?P<space1> ?)\[(?P<bracket>\d{1,4})\]",
        r"|(?P<space2> ?)\(\s?(?P<paren>\d{1,4})\s?\)",
        r"|(?P<glue>[\p{L}][.,;:!?'’”)]{1,2})(?P<bare>\d{1,4})(?P<after2>\s|$)",
    ))
    .expect("valid marker pattern")
});

/// Every number in `text` that has the form of a marker, in order.
pub fn candidates(text: &str) -> Vec<Candidate> {
    let mut found = Vec::new();
    for caps in MARKER.captures_iter(text) {
        let whole = caps.get(0).expect("a match");
        let (start, end, numbers, kind) = if let Some(m) = caps.name("link") {
            (
                whole.start(),
                whole.end(),
                vec![m.as_str().parse().unwrap_or(0)],
                MarkerKind::Superscript,
            )
        } else if let Some(m) = caps.name("braced") {
            (
                whole.start(),
                whole.end(),
                parse_list(m.as_str()),
                MarkerKind::Superscript,
            )
        } else if let Some(m) = caps.name("sup") {
            (
                whole.start(),
                whole.end(),
                parse_list(&from_superscript(m.as_str())),
                MarkerKind::Superscript,
            )
        } else if let Some(m) = caps.name("bracket") {
            // `[12](…)` is a link and `[12]: …` a link definition, not markers.
            if text[whole.end()..].starts_with(['(', ':']) {
                continue;
            }
            (
                whole.start(),
                whole.end(),
                vec![m.as_str().parse().unwrap_or(0)],
                MarkerKind::Bracketed,
            )
        } else if let Some(m) = caps.name("paren") {
            (
                whole.start(),
                whole.end(),
                vec![m.as_str().parse().unwrap_or(0)],
                MarkerKind::Parenthesised,
            )
        } else if let Some(m) = caps.name("bare") {
            (
                m.start(),
                m.end(),
                vec![m.as_str().parse().unwrap_or(0)],
                MarkerKind::Glued,
            )
        } else {
            continue;
        };
        // A number too long to read (eleven superscript digits) gives no number at all, and
        // one beyond the last a note list can hold is no marker.
        if !numbers.is_empty() && numbers.iter().all(|&n| n > 0 && n <= MAX_NOTE) {
            found.push(Candidate {
                start,
                end,
                numbers,
                kind,
            });
        }
    }
    found
}

fn parse_list(text: &str) -> Vec<u32> {
    text.split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect()
}

fn from_superscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '⁰' => '0',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            '⁴' => '4',
            '⁵' => '5',
            '⁶' => '6',
            '⁷' => '7',
            '⁸' => '8',
            '⁹' => '9',
            other => other,
        })
        .collect()
}

/// Reads the markers of one chapter from its candidates, in order. `notes` is the number of
/// notes in the chapter's note list (0 when the source has none).
///
/// A candidate that continues the run is a marker. One that breaks it is read as the
/// expected number when the next candidate confirms the run (a wrong digit in the source:
/// `²` where `³` is due); one that jumps ahead by a little is a marker after lost ones;
/// a bracketed number already seen cites its note again; anything else stays text.
pub fn sequence(candidates: &[Candidate], notes: u32) -> Vec<(usize, Marker)> {
    let mut markers = Vec::new();
    let mut last = 0u32;
    // The first candidate after this one above `last`. `last` only grows, so one passed over
    // stays passed over: the search goes on from where it stopped, never back.
    let mut ahead = 0;
    for (index, candidate) in candidates.iter().enumerate() {
        let first = candidate.numbers[0];
        let expected = last + 1;
        if !candidate.plausible(notes) {
            continue;
        }
        ahead = ahead.max(index + 1);
        while candidates
            .get(ahead)
            .is_some_and(|c| c.numbers[0] <= last || !c.plausible(notes))
        {
            ahead += 1;
        }
        let next = candidates.get(ahead).map(|c| c.numbers[0]);
        let within_list = notes == 0 || expected <= notes;
        let confirmed_by_next =
            next == Some(expected + 1) && first.abs_diff(expected) <= GAP && within_list;
        let after_lost_markers =
            first > expected && first <= expected + GAP && next.is_none_or(|n| n > first);
        let cites_again = candidate.kind == MarkerKind::Bracketed && first <= last;
        let wrong_digit = candidate.kind == MarkerKind::Superscript && first <= last && within_list;
        let (numbers, repaired_from) =
            if first == expected || (!confirmed_by_next && (after_lost_markers || cites_again)) {
                (candidate.numbers.clone(), None)
            } else if confirmed_by_next || wrong_digit {
                (vec![expected], Some(first))
            } else {
                continue;
            };
        last = last.max(*numbers.iter().max().unwrap_or(&last));
        markers.push((
            index,
            Marker {
                start: candidate.start,
                end: candidate.end,
                numbers,
                repaired_from,
            },
        ));
    }
    markers
}

/// One note of a note list, with the paragraphs it runs on into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteText {
    pub number: u32,
    pub paragraphs: Vec<String>,
    /// 1-based source line.
    pub line: usize,
}

/// The note list of a chapter: where it starts and ends among the chapter's blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteList {
    pub notes: Vec<NoteText>,
    /// The first block that belongs to the list (a "Notes" heading, or the first note).
    pub first_block: usize,
    /// The first block after the list.
    pub end_block: usize,
}

static NOTE_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*(?:[-•]\s+)?",
        r"(?:\[(?P<link>\d{1,4})\.?\]\(#\)\.?|\^\{(?P<braced>\d{1,4})\.?\}|(?P<plain>\d{1,4})\.|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)[.,]?|\[(?P<bracket>\d{1,4})\])",
        r"(?:\s+(?:\^\s+(?:[a-z]\s+)*)?(?P<text>\S.*))?\s*$",
    ))
    .expect("valid note pattern")
});

/// A line that opens a note: `12. …`, `- [12.](#) …`, `[12.](#) …`, `^{12.} …`, `[12] …`
/// (an encyclopedia's endnotes exported as text), and Wikipedia's `12. ^ a b …` (whose
/// letters are the back links of the web page). Only the bracketed form may stand without a
/// text: an endnote the export left empty, kept as such.
pub fn note_start(line: &str) -> Option<(u32, String)> {
    let caps = NOTE_START.captures(line)?;
    let (form, digits) = ["link", "braced", "plain", "sup", "bracket"]
        .iter()
        .find_map(|n| caps.name(n).map(|m| (*n, m.as_str())))?;
    let number = from_superscript(digits).parse().ok()?;
    match caps.name("text") {
        Some(text) => Some((number, text.as_str().trim().to_string())),
        None if form == "bracket" => Some((number, String::new())),
        None => None,
    }
}

/// Headings that announce a note list; they give way to the page's own "Notes".
fn is_notes_heading(block: &Block) -> bool {
    block.is_single_line() && is_notes_heading_text(&block.text())
}

/// A heading's text that announces notes: "Notes", "References:", a wiki's `== Notes ==`.
pub fn is_notes_heading_text(text: &str) -> bool {
    let text = text
        .trim()
        .trim_matches('=')
        .trim()
        .trim_end_matches(" edit")
        .trim()
        .trim_end_matches(':')
        .to_lowercase();
    matches!(
        text.as_str(),
        "notes" | "references" | "footnotes" | "endnotes" | "citations" | "notes and references"
    )
}

/// Finds the note list of a chapter: the last run of note lines numbered 1, 2, 3 … that is
/// long enough to hold the notes of the markers before it. A numbered list in the text (a
/// programme's points) is too short for that and stays text.
pub fn find_note_list(blocks: &[Block]) -> Option<NoteList> {
    let starts: Vec<(usize, usize, u32, String)> = blocks
        .iter()
        .enumerate()
        .flat_map(|(b, block)| {
            block
                .lines
                .iter()
                .enumerate()
                .filter_map(move |(l, line)| note_start(line).map(|(n, text)| (b, l, n, text)))
        })
        .collect();
    // How many candidates the blocks before each block hold, counted once.
    let mut markers_before_block = vec![0usize; blocks.len() + 1];
    for (b, block) in blocks.iter().enumerate() {
        let plausible = candidates(&block.text())
            .iter()
            .filter(|c| c.plausible(0))
            .count();
        markers_before_block[b + 1] = markers_before_block[b] + plausible;
    }
    let mut chosen = None;
    for (i, start) in starts.iter().enumerate() {
        if !opens_run(&starts, i) {
            continue;
        }
        let run: Vec<usize> = run_from(&starts[i..]).into_iter().map(|r| r + i).collect();
        let markers_before = markers_before_block[start.0];
        if markers_before > 0 && run.len() * 2 >= markers_before {
            chosen = Some((start.0, run));
        }
    }
    let (first_block, run) = chosen?;
    Some(collect_notes(blocks, first_block, &run, &starts))
}

/// The indices (into `starts`) of a run 1, 2, 3 …: a number may be skipped when the source
/// lost a note line, and a garbled number (`¹².` for `1.`) is taken when the next line
/// confirms the run.
fn run_from(starts: &[(usize, usize, u32, String)]) -> Vec<usize> {
    let mut run = vec![0];
    let mut last = 1;
    for (i, start) in starts.iter().enumerate().skip(1) {
        let confirmed_by_next = starts.get(i + 1).is_some_and(|next| next.2 == last + 2);
        if start.2 == last + 1 || start.2 == last + 2 || confirmed_by_next {
            run.push(i);
            last = if start.2 == last + 2 {
                last + 2
            } else {
                last + 1
            };
        }
    }
    run
}

/// Where a run may start: a line numbered 1, or a garbled number followed by a line 2.
fn opens_run(starts: &[(usize, usize, u32, String)], i: usize) -> bool {
    starts[i].2 == 1
        || starts
            .get(i + 1)
            .is_some_and(|next| next.2 == 2 && next.0 <= starts[i].0 + 1)
}

fn collect_notes(
    blocks: &[Block],
    first_block: usize,
    run: &[usize],
    starts: &[(usize, usize, u32, String)],
) -> NoteList {
    let run_starts: Vec<&(usize, usize, u32, String)> = run.iter().map(|&i| &starts[i]).collect();
    let last_block = run_starts.last().map_or(first_block, |s| s.0);
    let mut notes: Vec<NoteText> = Vec::new();
    let mut next = 0;
    for (b, block) in blocks
        .iter()
        .enumerate()
        .take(last_block + 1)
        .skip(first_block)
    {
        let mut new_paragraph = true;
        for (l, line) in block.lines.iter().enumerate() {
            if next < run_starts.len() && run_starts[next].0 == b && run_starts[next].1 == l {
                notes.push(NoteText {
                    number: notes.last().map_or(1, |n| {
                        if run_starts[next].2 == n.number + 2 {
                            n.number + 2
                        } else {
                            n.number + 1
                        }
                    }),
                    paragraphs: vec![run_starts[next].3.clone()],
                    line: block.line + l,
                });
                next += 1;
            } else if let Some(note) = notes.last_mut() {
                let line = line.trim();
                match (new_paragraph, note.paragraphs.last_mut()) {
                    (false, Some(paragraph)) => {
                        paragraph.push(' ');
                        paragraph.push_str(line);
                    }
                    _ => note.paragraphs.push(line.to_string()),
                }
            }
            new_paragraph = false;
        }
    }
    let heading_before = first_block > 0 && is_notes_heading(&blocks[first_block - 1]);
    NoteList {
        notes,
        first_block: if heading_before {
            first_block - 1
        } else {
            first_block
        },
        end_block: last_block + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::blocks::split_blocks;

    fn numbers(text: &str, notes: u32) -> Vec<(Vec<u32>, Option<u32>)> {
        sequence(&candidates(text), notes)
            .into_iter()
            .map(|(_, m)| (m.numbers, m.repaired_from))
            .collect()
    }

    #[test]
    fn an_endnote_list_in_brackets_is_read_with_its_empty_notes() {
        assert_eq!(
            note_start("[94] Avrich, p. 3."),
            Some((94, "Avrich, p. 3.".into()))
        );
        assert_eq!(note_start("[95]"), Some((95, String::new())));
        assert_eq!(note_start("95."), None, "a number alone is no note");
        let text = "Title\n\nThe text.[1] More text.[2] And more.[3]\n\nReferences\n\n[1] First note.\n[2]\n[3] Third note.\n";
        let list = find_note_list(&split_blocks(text)).expect("the list is found");
        let notes: Vec<(u32, Vec<String>)> = list
            .notes
            .iter()
            .map(|n| (n.number, n.paragraphs.clone()))
            .collect();
        assert_eq!(
            notes,
            [
                (1, vec!["First note.".to_string()]),
                (2, vec![String::new()]),
                (3, vec!["Third note.".to_string()])
            ]
        );
    }

    #[test]
    fn a_number_beyond_any_note_list_is_no_marker_and_breaks_nothing() {
        assert_eq!(
            numbers("a.¹ b.¹,⁴²⁹⁴⁹⁶⁷²⁹⁵ c.² d.³", 0),
            [(vec![1], None), (vec![2], None), (vec![3], None)]
        );
    }

    #[test]
    fn digits_glued_to_two_marks_of_punctuation_are_a_marker() {
        assert_eq!(
            numbers("He went to Perm'.1 Then to Kazan.2 And home.3", 0),
            [(vec![1], None), (vec![2], None), (vec![3], None)]
        );
    }

    #[test]
    fn many_numbers_that_are_no_markers_leave_the_run_whole() {
        // 20,000 candidates below the run (each used to look at every later one).
        let text = "Text.1 ".to_string() + &"(1) ".repeat(20_000) + "more.2";
        assert_eq!(numbers(&text, 0), [(vec![1], None), (vec![2], None)]);
    }

    #[test]
    fn years_in_brackets_or_glued_stay_text_and_confirm_nothing() {
        // A wrong digit (the second `2`) is read as 3 when the next marker confirms the run;
        // a year between them is no marker and does not stand in the way.
        assert_eq!(
            numbers("One.1 Two.2 Three.2 In Oct.1917 the rest. Four.4 Five.5", 5),
            [
                (vec![1], None),
                (vec![2], None),
                (vec![3], Some(2)),
                (vec![4], None),
                (vec![5], None)
            ]
        );
        let text = "Text.¹ More.² Last.³ (1917) (1918) [1919] [1920] (1921) (1922) Oct.1923 \
                    Nov.1924\n\nNotes\n\n1. One.\n2. Two.\n3. Three.";
        let list = find_note_list(&split_blocks(text)).expect("the note list");
        assert_eq!(list.notes.len(), 3);
    }

    #[test]
    fn finds_every_form_of_marker() {
        let text = "a.¹ b.^{2} c.^{[3](#)} d (4) e ( 5) f.6 g[7][8] h.^{9, 10} i.¹¹";
        let found: Vec<Vec<u32>> = candidates(text).into_iter().map(|c| c.numbers).collect();
        assert_eq!(
            found,
            vec![
                vec![1],
                vec![2],
                vec![3],
                vec![4],
                vec![5],
                vec![6],
                vec![7],
                vec![8],
                vec![9, 10],
                vec![11]
            ]
        );
    }

    #[test]
    fn a_number_too_long_to_read_is_no_marker() {
        for text in [
            "Text.¹¹¹¹¹¹¹¹¹¹¹ more",
            "(4)¹¹¹¹¹¹¹¹¹¹¹",
            "a.^{99999999999} b",
        ] {
            let found = candidates(text);
            assert!(found.iter().all(|c| !c.numbers.is_empty()), "{text}");
            // Reading the markers of what was found must not panic either.
            sequence(&found, 0);
        }
        assert_eq!(candidates("x.¹¹¹¹¹¹¹¹¹¹¹ y.¹")[0].numbers, [1]);
    }

    #[test]
    fn numbers_that_are_not_markers_stay_text() {
        let text = "In 1921 the figure was 14.7 percent; see [1998] and [February 1923], Article 12, 1928/1929, pp. 1-29 (1921).";
        assert!(
            sequence(&candidates(text), 0).is_empty(),
            "{:?}",
            candidates(text)
        );
    }

    #[test]
    fn a_wrong_digit_is_read_as_the_expected_number() {
        assert_eq!(
            numbers("a.¹ b.² c.² d.⁴", 4),
            vec![
                (vec![1], None),
                (vec![2], None),
                (vec![3], Some(2)),
                (vec![4], None)
            ]
        );
        // As in Avrich: "Committee.29" where 28 is due, then "(29)".
        assert_eq!(
            numbers("x (1) y.3 z (3) w", 0),
            vec![(vec![1], None), (vec![2], Some(3)), (vec![3], None)]
        );
    }

    #[test]
    fn lost_markers_leave_a_gap() {
        assert_eq!(numbers("(2) a (3) b (5) c (6)", 0).len(), 4);
        assert_eq!(
            numbers("a.¹ b.² c.⁴ d.⁵", 5)
                .iter()
                .map(|m| m.0[0])
                .collect::<Vec<_>>(),
            vec![1, 2, 4, 5]
        );
        assert!(
            numbers("a.⁶ b.⁸ c.⁹", 9).is_empty(),
            "a run does not start at 6"
        );
    }

    #[test]
    fn bracketed_markers_may_cite_again() {
        assert_eq!(
            numbers("a[1] b[2] c[1] d[3]", 3)
                .iter()
                .map(|m| m.0[0])
                .collect::<Vec<_>>(),
            vec![1, 2, 1, 3]
        );
    }

    #[test]
    fn note_lines_in_every_form() {
        assert_eq!(
            note_start("12. Ленин, ПСС"),
            Some((12, "Ленин, ПСС".into()))
        );
        assert_eq!(
            note_start("- [4.](#) *Известия*"),
            Some((4, "*Известия*".into()))
        );
        assert_eq!(note_start("[30.](#) Ibid."), Some((30, "Ibid.".into())));
        assert_eq!(note_start("^{7.} Там же"), Some((7, "Там же".into())));
        assert_eq!(
            note_start("  3. ^ a b Avrich 1984, p. 6"),
            Some((3, "Avrich 1984, p. 6".into()))
        );
        assert_eq!(note_start("1921. A year"), Some((1921, "A year".into())));
        assert_eq!(note_start("[7](#). Там же"), Some((7, "Там же".into())));
        assert_eq!(note_start("¹². Троцкий"), Some((12, "Троцкий".into())));
    }

    #[test]
    fn a_year_at_a_line_start_in_a_note_list_stays_in_its_note() {
        let text = "Text.¹ More.² Last.³\n\nNotes\n\n1. First note.\n\n2. Second note, of\n1921. A year that opens a line.\n\n3. Third note.";
        let list = find_note_list(&split_blocks(text)).unwrap();
        let numbers: Vec<u32> = list.notes.iter().map(|n| n.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert!(list.notes[1].paragraphs.concat().contains("1921. A year"));
    }

    #[test]
    fn finds_the_note_list_after_the_text() {
        let text = "Text.¹ More.²\n\n1. that is a list item\n\nNotes\n\n1. First note.\n\nA second paragraph of note 1.\n\n2. Second note\nruns on.\n\nA caption after the notes.";
        let blocks = split_blocks(text);
        let list = find_note_list(&blocks).unwrap();
        assert_eq!(list.notes.len(), 2);
        assert_eq!(list.first_block, 2, "the Notes heading belongs to the list");
        assert_eq!(
            list.notes[0].paragraphs,
            vec!["First note.", "A second paragraph of note 1."]
        );
        assert_eq!(list.notes[1].paragraphs, vec!["Second note runs on."]);
        assert_eq!(
            list.end_block, 6,
            "what follows the last note is not part of it"
        );
    }

    #[test]
    fn a_garbled_first_number_is_read_from_the_run() {
        let blocks = split_blocks(
            "Text.¹ More.² Last.³\n\n¹². First note.\n\n- [2.](#) Second.\n- [3.](#) Third.",
        );
        let numbers: Vec<u32> = find_note_list(&blocks)
            .unwrap()
            .notes
            .iter()
            .map(|n| n.number)
            .collect();
        assert_eq!(numbers, vec![1, 2, 3]);
    }

    #[test]
    fn a_numbered_list_in_the_text_is_no_note_list() {
        let text = "A (1) b (2) c (3) d (4) e (5) f (6).\n\n1. that they are elected;\n2. that they are recallable.\n\nMore text.";
        assert_eq!(find_note_list(&split_blocks(text)), None);
    }
}

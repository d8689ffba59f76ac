//! Notes: the markers in the text and the definitions at the end, numbered in order of
//! first reference; each note linked back to every marker (and note) that cites it; notes
//! missing, uncited or defined twice reported and kept.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, TextMergeWithOffset};
use serde::Serialize;

use super::NoteNumbers;
use super::lang::mark_russian;
use super::links::{DocumentLink, rebase_tag, without_refused_addresses};
use super::plain::{PlainText, plain_text};
use super::{BlockPlace, BodyState, Rendered, options};
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteStatus {
    /// Cited in the text and defined once.
    Cited,
    /// Cited in the text but its text is missing (common in OCR'd sources).
    Missing,
    /// Defined but never cited.
    Uncited,
    /// A second definition under a label already defined.
    Duplicate,
}

/// What a document's source is known to lack, as its front matter declares it
/// (`missing_notes`, `uncited_notes`), each with the line of its key. OCR transcriptions
/// often keep a text's note markers and lose the notes, or print a note whose marker fell
/// out; a declared gap is shown to readers and summarised, not warned of note by note.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KnownGaps {
    pub missing_notes: Option<usize>,
    pub uncited_notes: Option<usize>,
}

/// One note as the page lists it at its end.
#[derive(Debug, Clone, Serialize)]
pub struct Note {
    /// Its place in the order the text first cites the notes: its id is `fn-NUMBER`.
    pub number: usize,
    pub label: String,
    /// What readers see: the source's number (the label, when it is one, with `[notes]
    /// numbers = "source"`), else `number`.
    pub shown: String,
    pub id: String,
    pub html: String,
    /// The markers that cite this note, in reading order.
    pub backrefs: Vec<Backref>,
    pub status: NoteStatus,
    /// Line of the definition (or, for a missing note, of its first marker) in the file.
    pub line: usize,
    /// The note's words, for the `cite` stage.
    #[serde(skip)]
    pub text: PlainText,
}

/// A link from a note back to one marker that cites it: `a`, `b`, … when there are several.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Backref {
    pub id: String,
    pub label: String,
    /// A link back to a note that cites this one (`fn-N`), not to a marker in the text.
    pub from_note: bool,
}

pub(super) struct Definition<'a> {
    pub(super) label: String,
    line: usize,
    events: Vec<Event<'a>>,
    /// Where each event stands in the body: a note runs over many lines, and a problem
    /// with a link in it is reported at the link's own line and column.
    ranges: Vec<Range<usize>>,
}

impl<'a> Definition<'a> {
    /// The note's events, with where each stands, made anew by `f`.
    pub(super) fn map_events(
        &mut self,
        f: impl FnOnce(Vec<(Event<'a>, Range<usize>)>) -> Vec<(Event<'a>, Range<usize>)>,
    ) {
        let events = std::mem::take(&mut self.events).into_iter();
        let mapped = f(events.zip(std::mem::take(&mut self.ranges)).collect());
        (self.events, self.ranges) = mapped.into_iter().unzip();
    }

    /// Each event of the note with where it stands in the body.
    pub(super) fn events_with_ranges(
        &mut self,
    ) -> impl Iterator<Item = (&mut Event<'a>, &Range<usize>)> {
        self.events.iter_mut().zip(self.ranges.iter())
    }
}

/// The lines of `body` (whose first line is `first_line` of its file) that look like a note's
/// definition without being one: `[^7] The text` (the colon forgotten) and `7. The text` (a
/// note list left as a numbered list), by the label they would define; the first of each.
pub(super) fn near_definitions(body: &str, first_line: usize) -> HashMap<String, usize> {
    let mut near = HashMap::new();
    for (index, line) in body.lines().enumerate() {
        let line = line.trim_start();
        let label = if let Some(rest) = line.strip_prefix("[^") {
            rest.split_once(']')
                .filter(|(label, after)| !label.is_empty() && !after.starts_with(':'))
                .map(|(label, _)| label.to_string())
        } else {
            let digits: String = line.chars().take_while(char::is_ascii_digit).collect();
            let after = &line[digits.len()..];
            (!digits.is_empty() && (after.starts_with(". ") || after.starts_with(") ")))
                .then_some(digits)
        };
        if let Some(label) = label {
            near.entry(label).or_insert(first_line + index);
        }
    }
    near
}

/// Splits the parsed events into the body and the footnote definitions (pulldown-cmark
/// emits definitions where they stand; a documentary page lists them at its end).
pub(super) fn split_definitions<'a>(
    body: &'a str,
    line_of: &dyn Fn(&Range<usize>) -> usize,
) -> (Vec<(Event<'a>, Range<usize>)>, Vec<Definition<'a>>) {
    let parser = Parser::new_ext(body, options()).into_offset_iter();
    let mut body_events = Vec::new();
    let mut definitions: Vec<Definition> = Vec::new();
    let mut open: Option<Definition> = None;
    for (event, range) in TextMergeWithOffset::new(parser) {
        match (event, open.as_mut()) {
            (Event::Start(Tag::FootnoteDefinition(label)), _) => {
                open = Some(Definition {
                    label: label.to_string(),
                    line: line_of(&range),
                    events: Vec::new(),
                    ranges: Vec::new(),
                })
            }
            (Event::End(TagEnd::FootnoteDefinition), _) => definitions.extend(open.take()),
            (event, Some(definition)) => {
                definition.events.push(event);
                definition.ranges.push(range);
            }
            (event, None) => body_events.push((event, range)),
        }
    }
    (body_events, definitions)
}

/// For each note label that notes cite, the definitions citing it (by their place in
/// `definitions`; a note citing itself aside), in the file's order. By place, not by label:
/// a second definition of a label is a note of its own and is linked back to as such.
pub(super) fn notes_citing_notes<'d>(
    definitions: &'d [Definition],
) -> HashMap<&'d str, Vec<usize>> {
    let mut citing: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, definition) in definitions.iter().enumerate() {
        for event in &definition.events {
            if let Event::FootnoteReference(label) = event {
                let cited = citing.entry(label.as_ref()).or_default();
                if label.as_ref() != definition.label && !cited.contains(&index) {
                    cited.push(index);
                }
            }
        }
    }
    citing.retain(|_, by| !by.is_empty());
    citing
}

/// The number a note's label is, when it is one (`[^44]`), as its source numbers it.
fn source_number(label: &str) -> Option<usize> {
    let digits = !label.is_empty() && label.len() <= 6 && label.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| label.parse().ok())
        .flatten()
        .filter(|&n| n > 0)
}

/// Links back from a note that only other notes cite to each of them, given the
/// definitions citing it and the number of each definition.
pub(super) fn backrefs_to_notes(
    citing: &[usize],
    id_of_definition: &[Option<String>],
) -> Vec<Backref> {
    citing
        .iter()
        .filter_map(|&index| id_of_definition[index].clone())
        .enumerate()
        .map(|(i, id)| Backref {
            id,
            label: backref_label(i),
            from_note: true,
        })
        .collect()
}

/// `a`…`z`, then `aa`, `ab`…: the letters of a note's back links.
pub(super) fn backref_label(index: usize) -> String {
    let mut n = index;
    let mut label = Vec::new();
    loop {
        label.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    label.reverse();
    String::from_utf8(label).unwrap_or_default()
}

impl<'s, 'r> BodyState<'s, 'r> {
    /// The marker for one citation of a note. The first citation of note 3 is `fnref-3`, the
    /// second `fnref-3-2`, so every marker has its own id for the note's back links.
    pub(super) fn marker(&mut self, label: &str, line: usize) -> String {
        let number = match self.numbers.get(label) {
            Some(&n) => n,
            None => {
                self.order.push(label.to_string());
                let n = self.order.len();
                self.numbers.insert(label.to_string(), n);
                self.first_marker_line.insert(label.to_string(), line);
                n
            }
        };
        let key = self.note_key(label, number);
        let ids = self.markers.entry(label.to_string()).or_default();
        let id = match ids.len() {
            0 => format!("fnref-{key}"),
            k => format!("fnref-{key}-{}", k + 1),
        };
        ids.push(id.clone());
        let missing = !self.defined.contains(label);
        let shown = self.shown(label, number);
        let (class, aria) = if missing {
            (
                "note-ref missing",
                format!("Note {shown} (its text is missing)"),
            )
        } else {
            ("note-ref", format!("Note {shown}"))
        };
        format!(
            "<sup class=\"{class}\" id=\"{id}\"><a href=\"#fn-{key}\" role=\"doc-noteref\" aria-label=\"{aria}\">{shown}</a></sup>"
        )
    }

    /// What names the note in its id (`fn-KEY`) and its markers' (`fnref-KEY`): with notes
    /// numbered as the source numbers them, its label (so that an address stays when notes
    /// are added before it), else its number.
    pub(super) fn note_key(&self, label: &str, number: usize) -> String {
        if self.source.note_numbers == NoteNumbers::Order {
            return number.to_string();
        }
        match source_number(label) {
            Some(n) => n.to_string(),
            None => match crate::text::slugify(label) {
                slug if slug.is_empty() => number.to_string(),
                slug => slug,
            },
        }
    }

    /// What readers see of the note with this label and number: the source's number when
    /// the label is one and the site numbers notes as their sources do.
    pub(super) fn shown(&self, label: &str, number: usize) -> String {
        match source_number(label) {
            Some(n) if self.source.note_numbers == NoteNumbers::Source => n.to_string(),
            _ => number.to_string(),
        }
    }

    /// With GitHub-style footnotes, a reference to a label that has no definition stays
    /// text. Such markers are found here and shown as markers of a missing note.
    pub(super) fn text_with_dangling<'a>(
        &mut self,
        text: CowStr<'a>,
        line: usize,
        out: &mut Vec<Event<'a>>,
    ) {
        let mut rest: &str = &text;
        let mut pieces: Vec<Event<'a>> = Vec::new();
        while let Some(start) = rest.find("[^") {
            let after = &rest[start + 2..];
            let Some(end) = after.find(']') else { break };
            let label = &after[..end];
            if label.is_empty() || label.chars().any(char::is_whitespace) {
                pieces.push(Event::Text(rest[..start + 2].to_string().into()));
                rest = after;
                continue;
            }
            if start > 0 {
                pieces.push(Event::Text(rest[..start].to_string().into()));
            }
            pieces.push(Event::InlineHtml(self.marker(label, line).into()));
            rest = &after[end + 1..];
        }
        if !rest.is_empty() {
            pieces.push(Event::Text(rest.to_string().into()));
        }
        out.extend(pieces);
    }

    /// Numbers the notes and reports the problems with them: cited notes first in order of
    /// first reference, then notes nobody cites and second definitions of a label, so that
    /// nothing the source holds is dropped.
    pub(super) fn finish(mut self, definitions: Vec<Definition>, html: String) -> Rendered {
        let mut by_label: HashMap<&str, &Definition> = HashMap::new();
        let mut extra: Vec<(usize, &Definition, NoteStatus)> = Vec::new();
        let cited_by_notes = notes_citing_notes(&definitions);
        for (index, definition) in definitions.iter().enumerate() {
            if by_label.contains_key(definition.label.as_str()) {
                self.diagnostics.push(
                    Diagnostic::warning(
                        self.path(),
                        format!(
                            "a second note is defined under the label [^{}]",
                            definition.label
                        ),
                    )
                    .at_line(definition.line)
                    .with_help("give each note its own label; both are kept on the page"),
                );
                extra.push((index, definition, NoteStatus::Duplicate));
            } else {
                by_label.insert(&definition.label, definition);
                if self.numbers.contains_key(&definition.label) {
                    continue;
                }
                if cited_by_notes.contains_key(definition.label.as_str()) {
                    // "See note 12": cited from another note only, it is cited all the same.
                    extra.push((index, definition, NoteStatus::Cited));
                } else {
                    if self.source.gaps.uncited_notes.is_none() {
                        self.diagnostics.push(
                            Diagnostic::warning(
                                self.path(),
                                format!("note [^{}] is never cited in the text", definition.label),
                            )
                            .at_line(definition.line)
                            .with_help(format!(
                                "add the marker [^{}] where the note belongs, or remove the note",
                                definition.label
                            )),
                        );
                    }
                    extra.push((index, definition, NoteStatus::Uncited));
                }
            }
        }
        // The notes the body does not cite come after the ones it does, in the file's order;
        // numbered before any note is rendered, so that a note citing one links to it.
        for (offset, (_, definition, _)) in extra.iter().enumerate() {
            self.numbers
                .entry(definition.label.clone())
                .or_insert(self.order.len() + offset + 1);
        }
        // The id of each definition: its label's, or one of its own for a second definition.
        let mut id_of_definition: Vec<Option<String>> = definitions
            .iter()
            .map(|definition| {
                let number = self.numbers.get(&definition.label).copied()?;
                Some(format!("fn-{}", self.note_key(&definition.label, number)))
            })
            .collect();
        for (offset, (index, definition, status)) in extra.iter().enumerate() {
            if *status == NoteStatus::Duplicate {
                let number = self.order.len() + offset + 1;
                // Numbered in order, a note's number is its own; named by its label, the
                // second definition of a label needs a name of its own.
                let id = match self.source.note_numbers {
                    NoteNumbers::Order => format!("fn-{number}"),
                    NoteNumbers::Source => {
                        let key = self.note_key(&definition.label, number);
                        format!("fn-{key}-second-{number}")
                    }
                };
                id_of_definition[*index] = Some(id);
            }
        }
        let mut notes = Vec::with_capacity(self.order.len() + extra.len());
        let order = std::mem::take(&mut self.order);
        for (index, label) in order.iter().enumerate() {
            let number = index + 1;
            let backrefs = self
                .markers
                .remove(label)
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, id)| Backref {
                    id,
                    label: backref_label(i),
                    from_note: false,
                })
                .collect();
            let note = match by_label.get(label.as_str()) {
                Some(definition) => Note {
                    number,
                    label: label.clone(),
                    shown: self.shown(label, number),
                    id: format!("fn-{}", self.note_key(label, number)),
                    html: self
                        .note_html(definition, &format!("fn-{}", self.note_key(label, number))),
                    backrefs,
                    status: NoteStatus::Cited,
                    line: definition.line,
                    text: PlainText::from_events(&definition.events),
                },
                None => {
                    let line = self.first_marker_line[label];
                    if self.source.gaps.missing_notes.is_none() {
                        let help = match self.near_definitions.get(label.as_str()) {
                            Some(near) => format!(
                                "line {near} looks like this note's text: begin it `[^{label}]: …` (the colon makes it the note)"
                            ),
                            None => format!(
                                "add a line `[^{label}]: …` with the note's text; the page shows the marker as a missing note"
                            ),
                        };
                        self.diagnostics.push(
                            Diagnostic::warning(
                                self.path(),
                                format!("note [^{label}] is cited but its text is missing"),
                            )
                            .at_line(line)
                            .with_help(help),
                        );
                    }
                    Note {
                        number,
                        label: label.clone(),
                        shown: self.shown(label, number),
                        id: format!("fn-{}", self.note_key(label, number)),
                        html: String::new(),
                        backrefs,
                        status: NoteStatus::Missing,
                        line,
                        text: PlainText::default(),
                    }
                }
            };
            notes.push(note);
        }
        for (index, definition, status) in extra {
            let number = notes.len() + 1;
            let backrefs = match status {
                NoteStatus::Cited => backrefs_to_notes(
                    &cited_by_notes[definition.label.as_str()],
                    &id_of_definition,
                ),
                _ => Vec::new(),
            };
            let id = id_of_definition[index]
                .clone()
                .unwrap_or_else(|| format!("fn-{number}"));
            notes.push(Note {
                number,
                label: definition.label.clone(),
                shown: self.shown(&definition.label, number),
                html: self.note_html(definition, &id),
                id,
                backrefs,
                status,
                line: definition.line,
                text: PlainText::from_events(&definition.events),
            });
        }
        if self.source.note_numbers == NoteNumbers::Source {
            self.in_source_order(&mut notes);
        }
        self.report_stale_gaps(&notes);
        Rendered {
            html,
            notes,
            toc: self.toc,
            paragraphs: self.paragraphs,
            diagnostics: self.diagnostics,
            texts: self.texts,
            bibliography: self.bibliography,
            document_links: self.document_links,
            emendations: Vec::new(),
            pages: self.pages,
        }
    }

    /// Notes numbered as their source numbers them are listed in that order (a note the
    /// text never cites stands among the others, not after them), and a number that no
    /// marker and no note carries is a gap in the source's numbering: a warning, unless
    /// the page declares the notes its source lacks (`missing_notes`).
    fn in_source_order(&mut self, notes: &mut [Note]) {
        let numbers: Option<Vec<usize>> = notes.iter().map(|n| source_number(&n.label)).collect();
        let Some(numbers) = numbers else {
            return;
        };
        notes.sort_by_key(|n| source_number(&n.label));
        let (Some(&last), None) = (numbers.iter().max(), self.source.gaps.missing_notes) else {
            return;
        };
        let present: std::collections::HashSet<usize> = numbers.into_iter().collect();
        let gaps: Vec<String> = (1..=last)
            .filter(|n| !present.contains(n))
            .map(|n| n.to_string())
            .collect();
        if gaps.is_empty() {
            return;
        }
        let after = notes
            .iter()
            .find(|n| source_number(&n.label) > gaps[0].parse().ok())
            .map_or(1, |n| n.line);
        self.diagnostics.push(
            Diagnostic::warning(
                self.path(),
                format!(
                    "the notes are numbered as the source numbers them, and no marker or note has the number{} {}",
                    if gaps.len() == 1 { "" } else { "s" },
                    gaps.join(", ")
                ),
            )
            .at_line(after)
            .with_help(
                "add the note, or say why the source lacks it: `missing_notes = \"…\"` in the front matter; `[notes] numbers = \"order\"` in site.toml numbers notes 1, 2, 3 … instead",
            ),
        );
    }

    /// A declared gap that the page does not have is a stale declaration: the notes
    /// were found, or the markers added, since.
    fn report_stale_gaps(&mut self, notes: &[Note]) {
        let gaps = self.source.gaps;
        let has = |status| notes.iter().any(|n| n.status == status);
        let stale = [
            (
                gaps.missing_notes,
                NoteStatus::Missing,
                "missing_notes",
                "every note cited in the text has its text",
            ),
            (
                gaps.uncited_notes,
                NoteStatus::Uncited,
                "uncited_notes",
                "every note is cited in the text",
            ),
        ];
        for (declared, status, key, found) in stale {
            if let Some(line) = declared.filter(|_| !has(status)) {
                self.diagnostics.push(
                    Diagnostic::warning(self.path(), format!("`{key}` is declared, but {found}"))
                        .at_line(line)
                        .with_help(format!("remove the `{key}` line: the page has no such gap")),
                );
            }
        }
    }

    /// A note's own HTML. A reference inside a note to another note links to it; the
    /// entities it names are mentions "in a note".
    pub(super) fn note_html(&mut self, definition: &Definition, id: &str) -> String {
        let line = definition.line;
        let position_of = self.position_of;
        let events: Vec<Event> = (definition.events.iter().cloned())
            .zip(&definition.ranges)
            .map(|(event, range)| match event {
                Event::FootnoteReference(label) => match self.numbers.get(label.as_ref()) {
                    Some(&n) => {
                        let shown = self.shown(label.as_ref(), n);
                        let key = self.note_key(label.as_ref(), n);
                        Event::InlineHtml(format!("<a href=\"#fn-{key}\">{shown}</a>").into())
                    }
                    None => Event::Text(format!("[^{label}]").into()),
                },
                Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    self.refuse_address(&tag, position_of(range), true);
                    self.document_links.extend(DocumentLink::of(&tag, || {
                        let (line, column) = position_of(range);
                        (line, Some(column))
                    }));
                    Event::Start(rebase_tag(tag, self.source.link_prefix))
                }
                other => other,
            })
            .collect();
        let events = match self.annotator.as_mut() {
            Some(annotator) => {
                let (plain, offsets) = plain_text(&events);
                let place = BlockPlace {
                    anchor: id,
                    paragraph: None,
                    in_note: true,
                    line,
                    position: &|event| definition.ranges.get(event).map(position_of),
                };
                annotator.block(events, (&plain, &offsets), place)
            }
            None => events,
        };
        let mut html = String::new();
        let events = mark_russian(without_refused_addresses(events));
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }
}

#[cfg(test)]
mod tests {
    use super::backref_label;

    #[test]
    fn backref_labels_run_past_z() {
        assert_eq!(backref_label(0), "a");
        assert_eq!(backref_label(25), "z");
        assert_eq!(backref_label(26), "aa");
        assert_eq!(backref_label(27), "ab");
    }
}

//! The `cite` stage: the works the notes cite. Every note (and every entry of a page's
//! bibliography) is read for its citations (`parse`); "Ibid." and "Op. cit." are resolved
//! to the work they stand for; citations of one work are grouped by their keys (`key`),
//! with the editor's registry of works (`registry`) naming and merging them by hand; a work
//! that is itself a document of the collection is linked to it.
//!
//! It runs after `markdown` (it needs every page's notes) and before `render`, and gives
//! plain data: the works, and for each page the work of each note.

pub mod csl;
pub mod key;
pub mod parse;
pub mod registry;

use std::collections::HashMap;
use std::path::PathBuf;

use crate::content::{Content, DOCUMENTS_DIR, PageId, PageKind};
use crate::diagnostic::Diagnostic;
use crate::markdown::{NoteStatus, Rendered};
use crate::text::slugify;
use parse::{Cited, Reference, WorkRef};
use registry::WorkEntry;

/// What the stage gives the renderer.
#[derive(Debug, Clone, Default, Hash)]
pub struct Citations {
    pub works: Vec<Work>,
    /// For each page (indexed as `Content::pages`), its notes' citations in note order.
    pub notes: Vec<Vec<NoteCitation>>,
    /// For each page, the work of each entry of its bibliography.
    pub bibliography: Vec<Vec<BibliographyCitation>>,
    /// "Ibid." and "Op. cit." notes with no earlier citation to stand for.
    pub unattributed: Vec<Unattributed>,
    /// For each page, the works that are that page (so a document finds who cites it
    /// without a look at every work).
    pub works_of_page: Vec<Vec<usize>>,
}

#[derive(Debug, Clone, Hash)]
pub struct Work {
    /// The registry's ID, else a slug of the author and title: `/sources/ID/`.
    pub id: String,
    pub title: String,
    pub translated_title: Option<String>,
    pub authors: Vec<String>,
    pub year: Option<String>,
    /// The page of the collection that is this work.
    pub document: Option<PageId>,
    pub csl_type: String,
    pub url: Option<String>,
    /// The registry entry's Markdown body ("" without one).
    pub body: String,
    /// Every citation of it: `(page, index into Citations::notes[page])`, in reading order.
    pub cited_in: Vec<(PageId, usize)>,
}

#[derive(Debug, Clone, Hash)]
pub struct NoteCitation {
    pub place: Place,
    pub work: usize,
    pub locator: String,
    /// Cited as "Ibid." / "Там же" / "Op. cit.".
    pub ibid: bool,
}

/// Where on its page a citation stands.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    /// In a note: the index into the page's `Rendered::notes`.
    Note(usize),
    /// In brackets in the running text (`[quoted by Avrich, Op. cit., p. 13]`): the index
    /// into the page's `Rendered::texts`, and the bracket's words.
    Text { paragraph: usize, bracket: String },
}

#[derive(Debug, Clone, Hash)]
pub struct BibliographyCitation {
    /// The entry's id on its page (`bib-1`).
    pub entry: String,
    pub work: usize,
}

#[derive(Debug, Clone, Hash)]
pub struct Unattributed {
    /// The note's number as readers see it.
    pub note_number: String,
    pub path: PathBuf,
    pub line: usize,
    pub text: String,
    pub reason: String,
}

impl Citations {
    /// The citations of the page's note at `note` (an index into its notes).
    pub fn of_note(&self, page: PageId, note: usize) -> impl Iterator<Item = &NoteCitation> {
        self.notes
            .get(page.index())
            .into_iter()
            .flatten()
            .filter(move |c| c.place == Place::Note(note))
    }
}

/// What one page's notes and bibliography cite, read from their own text: the part of the
/// `cite` stage that needs no other page, so that pages are read in parallel and `serve`
/// keeps it for the pages an edit did not change.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageReferences {
    /// For each of the page's notes, what it cites (nothing for a missing note).
    notes: Vec<Vec<Reference>>,
    /// For each entry of the page's bibliography, the work it describes, if any.
    bibliography: Vec<Option<WorkRef>>,
    /// The citations in brackets in the running text, by paragraph (`Rendered::texts`).
    text: Vec<(usize, String, Vec<Reference>)>,
}

impl PageReferences {
    pub fn read(rendered: &Rendered) -> Self {
        let notes = rendered
            .notes
            .iter()
            .map(|note| match note.status {
                NoteStatus::Missing => Vec::new(),
                _ => parse::references(&note.text),
            })
            .collect();
        let bibliography = rendered
            .bibliography
            .iter()
            .map(
                |entry| match parse::references(&entry.text).into_iter().next() {
                    Some(Reference {
                        cited: Cited::Work(work),
                        ..
                    }) => Some(work),
                    _ => None,
                },
            )
            .collect();
        let text = rendered
            .texts
            .iter()
            .enumerate()
            .flat_map(|(paragraph, text)| {
                parse::in_text(&text.text)
                    .into_iter()
                    .map(move |(bracket, cites)| (paragraph, bracket, cites))
            })
            .collect();
        PageReferences {
            notes,
            bibliography,
            text,
        }
    }
}

/// Groups what every page's notes and bibliography cite: `references[page]` is what
/// [`PageReferences::read`] read of `rendered[page]`.
pub fn analyse(
    content: &Content,
    rendered: &[&Rendered],
    mut references: Vec<PageReferences>,
    entries: &[WorkEntry],
    diagnostics: &mut Vec<Diagnostic>,
) -> Citations {
    let mut reader = Reader::default();
    for page in content.reading_order() {
        let read = std::mem::take(&mut references[page]);
        reader.read_page(page, rendered[page], read, content);
    }
    let works = reader.group(entries, content, diagnostics);
    let mut citations = Citations {
        notes: vec![Vec::new(); content.pages.len()],
        bibliography: vec![Vec::new(); content.pages.len()],
        ..Citations::default()
    };
    let (mut works, work_of) = works;
    for found in &reader.found {
        let work = work_of[found.slot];
        let list = &mut citations.notes[found.page];
        // A note naming one work twice ("…, p. 3; ibid., p. 9") counts once.
        let again = list
            .iter()
            .any(|c| c.place == found.place && c.work == work);
        if !again {
            works[work].cited_in.push((found.page, list.len()));
        }
        list.push(NoteCitation {
            place: found.place.clone(),
            work,
            locator: found.locator.clone(),
            ibid: found.ibid,
        });
    }
    for (page, entry, slot) in &reader.bibliography {
        citations.bibliography[*page].push(BibliographyCitation {
            entry: entry.clone(),
            work: work_of[*slot],
        });
    }
    for unattributed in &reader.unattributed {
        diagnostics.push(
            Diagnostic::warning(
                &unattributed.path,
                format!(
                    "note {} says “{}” but {}",
                    unattributed.note_number, unattributed.text, unattributed.reason
                ),
            )
            .at_line(unattributed.line)
            .with_help("name the work in this note"),
        );
    }
    citations.works_of_page = vec![Vec::new(); content.pages.len()];
    for (index, work) in works.iter().enumerate() {
        if let Some(page) = work.document {
            citations.works_of_page[page].push(index);
        }
    }
    citations.works = works;
    citations.unattributed = reader.unattributed;
    citations
}

/// One citation found, before grouping: `slot` is its `WorkRef` in `Reader::refs`.
struct Found {
    page: PageId,
    place: Place,
    slot: usize,
    locator: String,
    ibid: bool,
}

#[derive(Default)]
struct Reader {
    refs: Vec<WorkRef>,
    found: Vec<Found>,
    bibliography: Vec<(PageId, String, usize)>,
    unattributed: Vec<Unattributed>,
}

impl Reader {
    /// A page's notes in order. "Ibid." stands for the work of the citation before it on
    /// the page; "Op. cit." for the named author's last cited work (or, unnamed, the last).
    fn read_page(
        &mut self,
        page: PageId,
        rendered: &Rendered,
        references: PageReferences,
        content: &Content,
    ) {
        // What "Ibid." stands for: the last work cited, not by the way (an aside stands in
        // only where nothing else came before).
        let mut last: Option<usize> = None;
        let mut last_aside: Option<usize> = None;
        let mut by_author: HashMap<String, usize> = HashMap::new();
        for (index, (note, cites)) in rendered.notes.iter().zip(references.notes).enumerate() {
            for Reference {
                cited,
                locator,
                aside,
            } in cites
            {
                let before = last.or(last_aside);
                let (slot, ibid) = match cited {
                    Cited::Work(work) => (Some(self.remember(work, &mut by_author)), false),
                    Cited::Ibid => (before, true),
                    Cited::OpCit { author } => {
                        (by_author.get(&key::fold(&author)).copied().or(before), true)
                    }
                };
                match slot {
                    Some(slot) => {
                        match aside {
                            true => last_aside = Some(slot),
                            false => last = Some(slot),
                        }
                        self.found.push(Found {
                            page,
                            place: Place::Note(index),
                            slot,
                            locator,
                            ibid,
                        });
                    }
                    None => self.unattributed.push(Unattributed {
                        note_number: note.shown.clone(),
                        path: content.pages[page].path.clone(),
                        line: note.line,
                        text: note.text.text.clone(),
                        reason: "no citation comes before it on the page".into(),
                    }),
                }
            }
        }
        // The running text's citations after the notes': an "Op. cit." there finds the
        // author's work wherever on the page it was last cited.
        for (paragraph, bracket, cites) in references.text {
            for Reference { cited, locator, .. } in cites {
                let (slot, ibid) = match cited {
                    Cited::Work(work) => {
                        let slot = self.remember(work, &mut by_author);
                        (Some(slot), false)
                    }
                    Cited::Ibid => (last, true),
                    Cited::OpCit { author } => {
                        (by_author.get(&key::fold(&author)).copied().or(last), true)
                    }
                };
                // One that stands for nothing before it is left as the text it is.
                if let Some(slot) = slot {
                    last = Some(slot);
                    self.found.push(Found {
                        page,
                        place: Place::Text {
                            paragraph,
                            bracket: bracket.clone(),
                        },
                        slot,
                        locator,
                        ibid,
                    });
                }
            }
        }
        for (entry, work) in rendered.bibliography.iter().zip(references.bibliography) {
            if let Some(work) = work {
                self.bibliography
                    .push((page, entry.id.clone(), self.refs.len()));
                self.refs.push(work);
            }
        }
    }

    /// A work cited, kept in a new slot, and known as its author's last cited work.
    fn remember(&mut self, work: WorkRef, by_author: &mut HashMap<String, usize>) -> usize {
        let author = work.author.as_deref().and_then(key::surname).map(key::fold);
        let slot = self.refs.len();
        self.refs.push(work);
        if let Some(author) = author {
            by_author.insert(author, slot);
        }
        slot
    }

    /// Citations that share a key are one work; so are those a registry entry claims. Gives
    /// the works in order of first citation and the work of each `WorkRef`.
    fn group(
        &self,
        entries: &[WorkEntry],
        content: &Content,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> (Vec<Work>, Vec<usize>) {
        let nodes = self.refs.len() + entries.len();
        let mut sets = DisjointSets::new(nodes);
        let mut owner: HashMap<String, usize> = HashMap::new();
        let entry_keys = entries.iter().map(entry_keys);
        let all_keys = self.refs.iter().map(|r| r.keys.clone()).chain(entry_keys);
        for (node, keys) in all_keys.enumerate() {
            for key in keys {
                match owner.get(&key) {
                    Some(&other) => sets.union(node, other),
                    None => {
                        owner.insert(key, node);
                    }
                }
            }
        }
        for (node, work) in self.refs.iter().enumerate() {
            for key in shortened_title_keys(work) {
                if let Some(&other) = owner.get(&key) {
                    sets.union(node, other);
                }
            }
        }
        let documents = DocumentKeys::new(content);
        let mut work_of_root: HashMap<usize, usize> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for slot in 0..self.refs.len() {
            let root = sets.find(slot);
            let work = *work_of_root.entry(root).or_insert_with(|| {
                members.push(Vec::new());
                members.len() - 1
            });
            members[work].push(slot);
        }
        let mut entry_of_work: HashMap<usize, usize> = HashMap::new();
        for (e, _) in entries.iter().enumerate() {
            if let Some(&work) = work_of_root.get(&sets.find(self.refs.len() + e)) {
                entry_of_work.entry(work).or_insert(e);
            }
        }
        let mut ids = IdAllocator::new(entries);
        let works = members
            .iter()
            .enumerate()
            .map(|(work, slots)| match entry_of_work.get(&work) {
                Some(&e) => work_from_entry(&entries[e], content, diagnostics),
                None => self.automatic_work(slots, &documents, &mut ids),
            })
            .collect();
        let work_of = (0..self.refs.len())
            .map(|slot| work_of_root[&sets.find(slot)])
            .collect();
        (works, work_of)
    }

    /// A work nobody registered: its title, translation and author are those most of its
    /// citations give (a newspaper's citations name many authors, so it gets none), a short
    /// form only where no citation gives a title; its document found by title or author
    /// and year.
    fn automatic_work(
        &self,
        slots: &[usize],
        documents: &DocumentKeys,
        ids: &mut IdAllocator,
    ) -> Work {
        let refs: Vec<&WorkRef> = slots.iter().map(|&s| &self.refs[s]).collect();
        let titled: Vec<&&WorkRef> = refs.iter().filter(|r| !r.short).collect();
        let title = most_common(titled.iter().map(|r| r.title.as_str()))
            .map_or(refs[0].title.clone(), |(t, _)| t.to_string());
        // Citations of its parts or volumes by their own titles: the work is named whole.
        let own = key::own_title(&title);
        let title = match titled.iter().any(|r| r.title != title) && own.len() < title.len() {
            true => own.trim_end_matches([',', '.', ':', ' ']).to_string(),
            false => title,
        };
        let translated_title =
            most_common(refs.iter().filter_map(|r| r.translated_title.as_deref()))
                .map(|(t, _)| t.to_string());
        let author = majority_author(&refs);
        let document = refs
            .iter()
            .flat_map(|r| &r.keys)
            .find_map(|k| documents.find(k));
        let surname = author.as_deref().and_then(key::surname).unwrap_or("");
        Work {
            id: ids.allocate(&format!("{surname} {title}")),
            title,
            translated_title,
            authors: author.into_iter().collect(),
            year: most_common(refs.iter().filter_map(|r| r.year.as_deref()))
                .filter(|(_, count)| count * 2 > refs.len())
                .map(|(y, _)| y.to_string()),
            document,
            csl_type: "document".into(),
            url: None,
            body: String::new(),
            cited_in: Vec::new(),
        }
    }
}

/// The keys of the shorter titles a citation's title begins with, under which another
/// citation may name the same work: "КПСС в резолюциях и решениях" for "КПСС в резолюциях и
/// решениях съездов, конференций и пленумов ЦК", Trotsky's "Дневники и письма" for his
/// "Дневники и письма, Эрмитаж (США)". With the author's name two words are enough; without
/// it, three words and twenty letters of the original title.
fn shortened_title_keys(work: &WorkRef) -> Vec<String> {
    if work.short {
        return Vec::new();
    }
    let surname = work.author.as_deref().and_then(key::surname).map(key::fold);
    let mut keys = Vec::new();
    // A translator's gloss is looser ("Questions of History" and "Questions of History of the
    // CPSU" are two journals): without an author, only the original's words count.
    let original = std::iter::once((&work.title, true));
    for (title, own) in original.chain(work.translated_title.iter().map(|t| (t, false))) {
        let title = key::title_key(title);
        let words: Vec<&str> = title.split(' ').collect();
        for k in 2..words.len() {
            let shorter = words[..k].join(" ");
            if let Some(surname) = &surname {
                keys.push(format!("{surname} {shorter}"));
            }
            if own && k >= 3 && shorter.len() >= 20 {
                keys.push(shorter);
            }
        }
    }
    keys
}

/// The author most citations name, by surname ("Avrich" and "Avrich, Paul" agree), as the
/// fullest citation writes it; none when no author has a majority.
fn majority_author(refs: &[&WorkRef]) -> Option<String> {
    let surname_of = |r: &&WorkRef| r.author.as_deref().and_then(key::surname).map(key::fold);
    let surnames: Vec<String> = refs.iter().filter_map(surname_of).collect();
    let (surname, count) = most_common(surnames.iter().map(String::as_str))?;
    if count * 2 <= refs.len() {
        return None;
    }
    let named = |r: &&&WorkRef| surname_of(r).as_deref() == Some(surname);
    let fullest = refs.iter().filter(named).find(|r| !r.short);
    fullest
        .or_else(|| refs.iter().find(named))
        .and_then(|r| r.author.clone())
}

/// The value given most often, with its count; the first of equals.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<(&'a str, usize)> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(v, _)| *v == value) {
            Some(entry) => entry.1 += 1,
            None => counts.push((value, 1)),
        }
    }
    counts
        .into_iter()
        .fold(None, |best: Option<(&str, usize)>, (v, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((v, n)),
        })
}

fn entry_keys(entry: &WorkEntry) -> Vec<String> {
    let mut keys = key::title_keys(&entry.title, None);
    for author in &entry.authors {
        keys.extend(key::title_keys(&entry.title, Some(author)));
        if let Some(year) = &entry.year {
            keys.extend(key::short_form(author, year));
        }
    }
    // An alias is a title or a short form ("Avrich 1984"): keyed as either.
    keys.extend(entry.aliases.iter().map(|a| key::fold(a)));
    keys.extend(entry.aliases.iter().map(|a| key::title_key(a)));
    keys.retain(|k| !k.is_empty());
    keys
}

fn work_from_entry(
    entry: &WorkEntry,
    content: &Content,
    diagnostics: &mut Vec<Diagnostic>,
) -> Work {
    let document = entry.document.as_ref().and_then(|(slug, line)| {
        let found = find_document(content, slug);
        if found.is_none() {
            diagnostics.push(
                Diagnostic::error(&entry.path, format!("no document `{slug}` in the collection"))
                    .at_line(*line)
                    .with_help("`document` is the slug of a page under content/documents/, such as `avrich-1984`"),
            );
        }
        found
    });
    Work {
        id: entry.id.clone(),
        title: entry.title.clone(),
        translated_title: None,
        authors: entry.authors.clone(),
        year: entry.year.clone(),
        document,
        csl_type: entry.csl_type.clone().unwrap_or_else(|| "document".into()),
        url: entry.url.clone(),
        body: entry.body.clone(),
        cited_in: Vec::new(),
    }
}

/// The page of a document or collection by its slug (`avrich-1984`) or path
/// (`rogovin-1992/chapter-09-…`).
fn find_document(content: &Content, slug: &str) -> Option<PageId> {
    let path = format!("{DOCUMENTS_DIR}/{}/", slug.trim_matches('/'));
    content
        .pages()
        .find(|(_, page)| page.site_path == path)
        .map(|(id, _)| id)
}

/// The keys under which a citation finds a document of the collection: its title, and
/// each author's surname with the year of its date ("Avrich 1984").
struct DocumentKeys(HashMap<String, PageId>);

impl DocumentKeys {
    fn new(content: &Content) -> Self {
        let mut keys = HashMap::new();
        for (index, page) in content.pages() {
            if !matches!(page.kind, PageKind::Document | PageKind::Collection) {
                continue;
            }
            let year = page
                .date
                .as_ref()
                .and_then(|d| d.start)
                .map(|start| start.year.to_string());
            for author in &page.front.authors {
                if let Some(short) = year.as_deref().and_then(|y| key::short_form(author, y)) {
                    keys.entry(short).or_insert(index);
                }
            }
            keys.entry(key::title_key(&page.title)).or_insert(index);
        }
        DocumentKeys(keys)
    }

    fn find(&self, key: &str) -> Option<PageId> {
        self.0.get(key).copied()
    }
}

/// Unique, readable IDs for automatic works: a slug of the surname and the first words of
/// the title, romanised, never one the registry has taken.
struct IdAllocator {
    taken: std::collections::HashSet<String>,
}

impl IdAllocator {
    /// Words of a title the slug keeps.
    const WORDS: usize = 8;

    fn new(entries: &[WorkEntry]) -> Self {
        let mut taken: std::collections::HashSet<String> =
            entries.iter().map(|e| e.id.clone()).collect();
        taken.insert("by-title".into());
        IdAllocator { taken }
    }

    fn allocate(&mut self, source: &str) -> String {
        // Romanised, not folded: folding reads "xiii" as a spelling of "xii".
        let romanised = key::romanised(source);
        let words: Vec<&str> = romanised.split_whitespace().take(Self::WORDS).collect();
        let base = match slugify(&words.join(" ")) {
            s if s.is_empty() => "work".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 1;
        while !self.taken.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

/// Union–find over citations and registry entries.
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(size: usize) -> Self {
        DisjointSets {
            parent: (0..size).collect(),
        }
    }

    fn find(&mut self, mut node: usize) -> usize {
        while self.parent[node] != node {
            self.parent[node] = self.parent[self.parent[node]];
            node = self.parent[node];
        }
        node
    }

    /// Joins two sets; the lower node stays the root, so a set's root is its first member.
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = (a.min(b), a.max(b));
        self.parent[high] = low;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::{MarkdownRenderer, Source};
    use std::path::Path;

    /// Reads every page's references, then groups them.
    fn analyse(
        content: &Content,
        rendered: &[Rendered],
        entries: &[WorkEntry],
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Citations {
        let references: Vec<PageReferences> = rendered.iter().map(PageReferences::read).collect();
        let rendered: Vec<&Rendered> = rendered.iter().collect();
        super::analyse(content, &rendered, references, entries, diagnostics)
    }

    fn rendered(body: &str) -> Rendered {
        MarkdownRenderer::default().render(body, Source::new(Path::new("doc.md"), 1, "/"), None)
    }

    fn one_page(body: &str) -> (Content, Vec<Rendered>) {
        let mut content = Content::default();
        content.pages.push(crate::content::Page::generated(
            PageKind::Document,
            "documents/doc/",
            PathBuf::from("doc.md"),
            "Doc".into(),
        ));
        (content, vec![rendered(body)])
    }

    fn titles_by_note(citations: &Citations) -> Vec<(usize, String, bool)> {
        citations.notes[0]
            .iter()
            .filter_map(|c| match c.place {
                Place::Note(note) => {
                    Some((note + 1, citations.works[c.work].title.clone(), c.ibid))
                }
                Place::Text { .. } => None,
            })
            .collect()
    }

    #[test]
    fn an_ibid_after_a_note_of_commentary_stands_for_the_last_work_cited() {
        // Rogovin's chapter 10, notes 15–17: the newspaper named in note 16's story is not
        // what note 17's "Там же" stands for.
        let (content, rendered) = one_page(
            "A[^1] B[^2] C[^3] D[^4]\n\n\
             [^1]: *Известия ЦК КПСС*, 1989, № 12, С. 198.\n\
             [^2]: In 1967, Fotieva recalled that while Lenin was still alive, Ulyanova had said \
             so (*Pravda*, 21 January 1993).\n\
             [^3]: Там же, С. 199.\n\
             [^4]: The speech was published on 6 December in *Pravda*. See also: И. Сталин, \
             *Собрание сочинений*, Т. 5, С. 354–370.\n",
        );
        let mut diagnostics = Vec::new();
        let citations = analyse(&content, &rendered, &[], &mut diagnostics);
        assert_eq!(
            titles_by_note(&citations),
            [
                (1, "Известия ЦК КПСС".into(), false),
                (2, "Pravda".into(), false),
                (3, "Известия ЦК КПСС".into(), true),
                (4, "Собрание сочинений".into(), false),
            ]
        );
    }

    #[test]
    fn ibid_chains_resolve_to_the_previous_work_and_op_cit_to_the_authors_last() {
        let (content, rendered) = one_page(
            "A[^1] B[^2] C[^3] D[^4] E[^5] F[^6]\n\n\
             [^1]: Trotsky, *My Life*, p. 4.\n\
             [^2]: Ibid., p. 12.\n\
             [^3]: Там же [Ibid.]\n\
             [^4]: Avrich 1984, p. 5.\n\
             [^5]: Trotsky, op. cit., p. 9.\n\
             [^6]: A note of commentary only.\n",
        );
        let mut diagnostics = Vec::new();
        let citations = analyse(&content, &rendered, &[], &mut diagnostics);
        assert_eq!(
            titles_by_note(&citations),
            [
                (1, "My Life".into(), false),
                (2, "My Life".into(), true),
                (3, "My Life".into(), true),
                (4, "Avrich 1984".into(), false),
                (5, "My Life".into(), true),
            ]
        );
        assert_eq!(citations.works[0].cited_in.len(), 4);
        assert!(diagnostics.is_empty());
    }

    #[test]
    fn an_ibid_with_nothing_before_it_is_reported_at_its_line() {
        let (content, rendered) = one_page("A[^1]\n\n[^1]: Ibid., p. 3.\n");
        let mut diagnostics = Vec::new();
        let citations = analyse(&content, &rendered, &[], &mut diagnostics);
        assert_eq!(citations.unattributed.len(), 1);
        assert_eq!(diagnostics[0].line, Some(3));
    }

    #[test]
    fn short_forms_meet_their_bibliography_entry_and_the_registry_merges_by_alias() {
        let (content, rendered) = one_page(
            "A[^1] B[^2] C[^3]\n\n\
             [^1]: Avrich 1984, p. 5\n\
             [^2]: Olivier 2009\n\
             [^3]: Ленин, ПСС, Т. 45, С. 1 [Lenin, CW, Volume 36, p. 2].\n\n\
             ## Bibliography\n\n\
             - Avrich, Paul (1984). \"Bolshevik Opposition to Lenin\". The Russian Review.\n",
        );
        let entries = vec![
            WorkEntry {
                id: "olivier-groupe-ouvrier".into(),
                title: "Le Groupe ouvrier".into(),
                aliases: vec!["Olivier 2009".into()],
                ..WorkEntry::default()
            },
            WorkEntry {
                id: "lenin-collected-works".into(),
                title: "Collected Works".into(),
                authors: vec!["V. I. Lenin".into()],
                ..WorkEntry::default()
            },
        ];
        let mut diagnostics = Vec::new();
        let citations = analyse(&content, &rendered, &entries, &mut diagnostics);
        let ids: Vec<&str> = citations.works.iter().map(|w| w.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "avrich-bolshevik-opposition-to-lenin",
                "olivier-groupe-ouvrier",
                "lenin-collected-works"
            ]
        );
        assert_eq!(citations.works[0].title, "Bolshevik Opposition to Lenin");
        assert_eq!(citations.bibliography[0][0].work, 0);
    }

    #[test]
    fn citations_in_brackets_in_the_text_are_citations_of_their_paragraph() {
        let (content, rendered) = one_page(
            "A note.[^1]\n\nThe Group \"must be rebuilt\" [quoted by Avrich, Op. cit., p. 13].\n\nIt grew [sic] fast [Lenin, CW, Volume 36, p. 593].\n\n[^1]: Avrich, P., *Bolshevik Opposition to Lenin*, 1984, p. 5.\n",
        );
        let citations = analyse(&content, &rendered, &[], &mut Vec::new());
        let places: Vec<(Place, &str, &str)> = citations.notes[0]
            .iter()
            .map(|c| {
                (
                    c.place.clone(),
                    citations.works[c.work].title.as_str(),
                    c.locator.as_str(),
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                (
                    Place::Note(0),
                    "Bolshevik Opposition to Lenin",
                    "1984, p. 5"
                ),
                (
                    Place::Text {
                        paragraph: 1,
                        bracket: "quoted by Avrich, Op. cit., p. 13".into()
                    },
                    "Bolshevik Opposition to Lenin",
                    "p. 13"
                ),
                (
                    Place::Text {
                        paragraph: 2,
                        bracket: "Lenin, CW, Volume 36, p. 593".into()
                    },
                    "Collected Works",
                    "Volume 36, p. 593"
                ),
            ]
        );
        assert_eq!(citations.works.len(), 2);
        assert_eq!(citations.works[0].cited_in.len(), 2);
    }
}

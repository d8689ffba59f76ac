//! Entities in a page's Markdown events: names found by the matcher become links (the first
//! mention of an entity in each section) and `<abbr>` (terms of the glossary); explicit
//! links `[text](person:ID)` override detection and `[text](none:)` stops it; every mention
//! is recorded with the id of its paragraph, for the entity's page. The `Annotator` is the
//! `markdown::BlockAnnotator` the analyse stage gives a page's rendering; what it found is
//! the page's `Names`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use rustc_hash::{FxHashMap, FxHashSet};

use super::matcher::{
    BlockRef, Found, Matcher, Mention, Snippet, SnippetSpan, Target, Unresolved, forename_stem,
};
use super::{EntityId, EntityKind, Registry};
use crate::diagnostic::Diagnostic;
use crate::markdown::{BlockAnnotator, BlockPlace, EventPosition, ParagraphText};
use crate::text::{escape_html, has_cyrillic, last_year, nearest};

/// The registry and its name lookup, shared by every page of a build.
#[derive(Clone, Copy)]
pub struct Entities<'r> {
    pub registry: &'r Registry,
    pub matcher: &'r Matcher,
}

/// A block other than a paragraph of the body, as plain text: its id and its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockText {
    pub anchor: String,
    pub text: String,
}

/// What the annotator found on one page: the registry's entities it names, in reading
/// order (the notes last), and the surnames their context did not settle.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub mentions: Vec<Mention>,
    /// The plain text of every block with mentions that is not a paragraph of the body (the
    /// page keeps those: `Rendered::texts`): what `BlockRef::Other` points to.
    pub blocks: Vec<BlockText>,
    pub unresolved: Vec<Unresolved>,
}

impl Names {
    /// The id and the plain text of a block that holds mentions, given the page's
    /// paragraphs ("" for a block the page does not have).
    pub fn block<'a>(
        &'a self,
        paragraphs: &'a [ParagraphText],
        block: BlockRef,
    ) -> (&'a str, &'a str) {
        let found = match block {
            BlockRef::Paragraph(i) => paragraphs
                .get(i as usize)
                .map(|t| (t.anchor.as_str(), t.text.as_str())),
            BlockRef::Other(i) => self
                .blocks
                .get(i as usize)
                .map(|b| (b.anchor.as_str(), b.text.as_str())),
        };
        found.unwrap_or(("", ""))
    }

    /// The id of the paragraph (or note) a mention on this page is in.
    pub fn anchor<'a>(&'a self, paragraphs: &'a [ParagraphText], mention: &Mention) -> &'a str {
        self.block(paragraphs, mention.block).0
    }

    /// The words around a mention on this page, as its entity's page shows them.
    pub fn snippet(&self, paragraphs: &[ParagraphText], mention: &Mention) -> Snippet {
        mention
            .span
            .snippet(self.block(paragraphs, mention.block).1)
    }
}

/// For each event, the whole text of the italics it stands in, if they are a title: in
/// notes and bibliographies `*…*` spans are the titles of works. Italics of more than a dozen
/// words, or that end a sentence, are a quotation set in italics, not a title.
fn italic_titles(events: &[Event]) -> Vec<Option<String>> {
    let mut titles: Vec<Option<String>> = vec![None; events.len()];
    let mut start: Option<usize> = None;
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(Tag::Emphasis) if start.is_none() => start = Some(i),
            Event::End(TagEnd::Emphasis) => {
                if let Some(from) = start.take() {
                    let text: String = events[from..i]
                        .iter()
                        .filter_map(|e| match e {
                            Event::Text(t) => Some(t.as_ref()),
                            _ => None,
                        })
                        .collect();
                    let words = text.split_whitespace().count();
                    let sentence = text.trim_end().ends_with(['.', '?', '!', '…']);
                    if words <= 12 && !sentence {
                        for title in &mut titles[from..i] {
                            *title = Some(text.clone());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    titles
}

/// An initial as a Latin letter, lower case: a Cyrillic one as it is transliterated
/// ("М." of "М. В. Фрунзе" is the m of Mikhail).
fn latin_initial(letter: char) -> char {
    let lower = letter.to_lowercase().next().unwrap_or(letter);
    const CYRILLIC: &str = "абвгдеёжзийклмнопрстуфхцчшщэюя";
    const LATIN: &str = "abvgdeezziiklmnoprstufkccssejy";
    match CYRILLIC.chars().position(|c| c == lower) {
        Some(at) => LATIN.chars().nth(at).unwrap_or(lower),
        None => lower,
    }
}

/// Whether two initials can stand for one name: the same letter, or letters that
/// transliterations of one Russian name begin with (Yevgeny and Evgeny, Iosif and Joseph,
/// Iurii and Yuri).
fn same_initial(a: char, b: char) -> bool {
    const ONE_SOUND: [char; 4] = ['e', 'i', 'j', 'y'];
    a == b || (ONE_SOUND.contains(&a) && ONE_SOUND.contains(&b))
}

/// "the Congress", "The Treaty": a capitalised word after "the".
static THE_HEAD: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"\b[Tt]he (\p{Lu}\p{Ll}{3,})\b").expect("valid pattern")
});

/// Capitalised words before a head that name no other event: "The Congress", "This
/// Conference".
const DETERMINERS: &[&str] = &[
    "The", "This", "That", "These", "Those", "Each", "Every", "Its",
];

/// Whether the place `at` of a block's text stands inside quotation marks.
fn in_quotation(plain: &str, at: usize) -> bool {
    let before = &plain[..at.min(plain.len())];
    before.matches('“').count() > before.matches('”').count()
}

/// The head of an event's name: the word before its "of" ("Tenth Congress of the RKP(b)",
/// "Treaty of Brest-Litovsk", "Plan de Ayala"), else its last ("Lenin's Testament"), when
/// capitalised.
pub(crate) fn event_head(name: &str) -> Option<&str> {
    const OF: &[&str] = &[" of ", " de ", " del ", " des ", " du ", " von ", " di "];
    let before = (OF.iter().filter_map(|of| name.find(of)).min()).map_or(name, |at| &name[..at]);
    let head = before.split_whitespace().last()?;
    let head = head.trim_matches(|c: char| !c.is_alphabetic());
    let mut letters = head.chars();
    let capital = letters.next().is_some_and(char::is_uppercase);
    (capital && head.chars().count() >= 4 && letters.all(char::is_lowercase)).then_some(head)
}

/// Whether a group existed in `year`: founded by then and not dissolved before it.
/// How many blocks back a group named settles "the Opposition" whatever other group of the
/// time there is: the paragraph that names it and the two after.
const NEAR_BLOCKS: usize = 2;

/// How many years a group's known life spans: `i32::MAX` where its founding or its end is
/// not known.
fn life_in_years(group: &crate::entity::Entity) -> i32 {
    let year_of = |field: &str| group.date(field).and_then(|d| d.date.start).map(|p| p.year);
    match (year_of("founded"), year_of("dissolved")) {
        (Some(founded), Some(dissolved)) => dissolved - founded,
        _ => i32::MAX,
    }
}

/// How many months of `year` a group existed in: its founding's month to its end's (a
/// date of a year alone counts from January, or to December).
fn months_in(group: &crate::entity::Entity, year: i32) -> i32 {
    let month_of = |field: &str, default: u32| {
        let point = group.date(field).and_then(|d| d.date.start)?;
        Some((point.year, point.month.unwrap_or(default)))
    };
    let (first_year, first_month) = month_of("founded", 1).unwrap_or((year, 1));
    let (last_year, last_month) = month_of("dissolved", 12).unwrap_or((year, 12));
    let first = if first_year < year {
        1
    } else {
        first_month as i32
    };
    let last = if last_year > year {
        12
    } else {
        last_month as i32
    };
    if first_year > year || last_year < year {
        return 0;
    }
    (last - first + 1).max(0)
}

fn existed_in(group: &crate::entity::Entity, year: i32) -> bool {
    let year_of = |field: &str| group.date(field).and_then(|d| d.date.start).map(|p| p.year);
    year_of("founded").is_none_or(|founded| founded <= year)
        && year_of("dissolved").is_none_or(|dissolved| year <= dissolved)
}

/// Whether "the Opposition" at `start..end` of `text` is part of a longer name: a title
/// before it ("the Bulletin of the Opposition"), a name going on after it ("the Opposition
/// Platform") or an "of" ("the Opposition of 1923").
fn in_longer_name(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start]
        .trim_end()
        .strip_suffix("the")
        .or_else(|| text[..start].trim_end().strip_suffix("The"))
        .unwrap_or("");
    let titled = before
        .trim_end()
        .strip_suffix(" of")
        .and_then(|b| b.split_whitespace().next_back())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    // "the Opposition Platform", "the Party Statutes": a name goes on.
    let after = &text[end..];
    let named_on =
        (after.strip_prefix(' ')).is_some_and(|rest| rest.starts_with(|c: char| c.is_uppercase()));
    titled || named_on || after.starts_with(" of ") || after.starts_with(char::is_alphanumeric)
}

/// Whether `at` of `text` stands in a title in quotation marks that a word for a work
/// introduces: the article “How We Should Reorganize Rabkrin (A Proposal to the Twelfth
/// Party Congress)” names the article, not the congress.
fn in_quoted_title(text: &str, at: usize) -> bool {
    const WORKS: &[&str] = &[
        "article",
        "pamphlet",
        "book",
        "essay",
        "editorial",
        "brochure",
        "entitled",
        "titled",
        "headed",
        "headline",
        "chapter",
        "poem",
        "novel",
    ];
    let before = &text[..at];
    let Some(open) = before.rfind('“') else {
        return false;
    };
    if before[open..].contains('”') {
        return false;
    }
    let introduced_by = before[..open]
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',' || c == ':')
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    WORKS.contains(&introduced_by.as_str())
}

/// The text of event `i` (a `Text` event), or "".
fn events_text<'e>(events: &'e [Event], i: usize) -> &'e str {
    match &events[i] {
        Event::Text(text) => text,
        _ => "",
    }
}

/// The schemes of explicit links.
const NO_ENTITY: &str = "none:";

pub struct Annotator<'r> {
    entities: Entities<'r>,
    prefix: String,
    path: PathBuf,
    section: usize,
    linked: FxHashSet<(usize, usize)>,
    /// The person last named in full in this section, by the surname group it settles.
    settled: FxHashMap<Vec<usize>, usize>,
    /// What it has found so far on the page.
    names: Names,
    diagnostics: Vec<Diagnostic>,
    /// For each open link, whether its end is dropped (a `none:` span).
    open_links: Vec<bool>,
    /// What the document declares its ambiguous names to mean (front matter `names`).
    declared: FxHashMap<String, usize>,
    /// The ambiguous names the document leaves unlinked (front matter `unlinked_names`).
    unlinked: FxHashSet<String>,
    /// The events named lately in the section, latest last: what "the Congress" stands for.
    recent_events: Vec<RecentEvent>,
    /// The blocks of the body read so far.
    blocks_seen: usize,
    /// The groups named on the page, latest last: what "the Opposition" may stand for.
    recent_groups: Vec<RecentGroup>,
    /// The last year the page's text has named: the time "the Opposition" is read in.
    year_seen: Option<i32>,
    /// Whether the page is an interview, a paragraph having opened on "Q.": its "A." is the
    /// answer's mark, no initial.
    interview: bool,
    /// The year the page's text names most: what "the Opposition" is read in where its
    /// paragraph names no year before it, once the text has come to a year.
    page_year: Option<i32>,
    /// Whether a bare reference settled ("the Congress") links as a name does.
    link_implicit: bool,
}

/// A group named on the page, by the head of its name ("Opposition" for "Left Opposition").
struct RecentGroup {
    head: String,
    entity: usize,
    block: usize,
}

/// An event named in a block, by the head of its name ("Congress" for "Tenth Congress of the
/// RKP(b)"); `None` for one the registry lacks ("the Ninth Congress").
struct RecentEvent {
    head: String,
    entity: Option<usize>,
    block: usize,
}

/// A name found in a block, at a place in the block's plain text and in one of its events.
struct Placed {
    event: usize,
    found: Found,
    text_start: usize,
    entity: Option<usize>,
    /// A bare reference the context settles ("the Congress"), not a name.
    implicit: bool,
}

impl Placed {
    /// A bare reference the context settled ("the Opposition"): `range` in event `event`,
    /// at `text_start` of the block's plain text.
    fn reference(event: usize, range: Range<usize>, text_start: usize, entity: usize) -> Self {
        Placed {
            event,
            found: Found {
                start: range.start,
                end: range.end,
                target: Target::One(entity),
                full: false,
            },
            text_start,
            entity: Some(entity),
            implicit: true,
        }
    }
}

impl<'r> Annotator<'r> {
    pub fn new(entities: Entities<'r>, prefix: &str, path: &Path) -> Self {
        Annotator {
            entities,
            prefix: prefix.to_string(),
            path: path.to_path_buf(),
            section: 0,
            linked: FxHashSet::default(),
            settled: FxHashMap::default(),
            names: Names::default(),
            diagnostics: Vec::new(),
            open_links: Vec::new(),
            declared: FxHashMap::default(),
            unlinked: FxHashSet::default(),
            recent_events: Vec::new(),
            blocks_seen: 0,
            recent_groups: Vec::new(),
            year_seen: None,
            interview: false,
            page_year: None,
            link_implicit: false,
        }
    }

    /// An annotator for a chapter that opens in `year`, the one its book has come to: what
    /// "the Opposition" is read in until the chapter names a year of its own.
    pub fn opening_in(mut self, year: Option<i32>) -> Self {
        self.year_seen = year;
        self
    }

    /// An annotator for a page whose text names `year` most: the time of its "the
    /// Opposition" where the paragraph names none before it (a chapter on 1926 that recalls
    /// 1923 and looks ahead to 1928 is of 1926, whatever year it named last).
    pub fn naming_most(mut self, year: Option<i32>) -> Self {
        self.page_year = year;
        self
    }

    /// An annotator that links the bare references it settles (`link_implicit`).
    pub fn linking_implicit(mut self, link: bool) -> Self {
        self.link_implicit = link;
        self
    }

    /// The meanings a document declares for its ambiguous names (`Smirnov =
    /// "person:smirnov-v-m"`) and the names it leaves unlinked; a meaning that names no
    /// entity is an error at `line`.
    pub fn with_declared_names<'n>(
        mut self,
        names: impl IntoIterator<Item = (&'n String, &'n String)>,
        unlinked: &[String],
        line: usize,
    ) -> Self {
        for (name, link) in names {
            match self.entity_of(link) {
                Some(entity) => {
                    self.declared.insert(name.clone(), entity);
                }
                None => self.diagnostics.push(
                    Diagnostic::error(
                        &self.path,
                        format!("`names` says `{name}` means `{link}`, which is no entry of the registry"),
                    )
                    .at_line(line)
                    .with_help("write the entry as a link is written: `person:ID`, `event:ID` …"),
                ),
            }
        }
        self.unlinked = unlinked.iter().cloned().collect();
        self
    }

    /// The entity a `person:ID`-style link names.
    fn entity_of(&self, link: &str) -> Option<usize> {
        let (scheme, id) = link.split_once(':')?;
        let kind = EntityKind::from_key(scheme)?;
        self.entities.registry.get(kind, id).map(|e| e.index())
    }

    /// What was found on the page, and the problems met (explicit links to no entity).
    pub fn finish(mut self) -> (Names, Vec<Diagnostic>) {
        // Every page's mentions are kept until the site is written.
        self.names.mentions.shrink_to_fit();
        (self.names, self.diagnostics)
    }
}

impl BlockAnnotator for Annotator<'_> {
    /// A heading starts a new section: its entities are linked again at first mention.
    fn new_section(&mut self) {
        self.section += 1;
        self.settled.clear();
        self.recent_events.clear();
    }

    /// Annotates one block (a paragraph, a note, a list item's text); the mentions' offsets
    /// are offsets into its plain text. A block the page keeps as a paragraph is not kept
    /// again here.
    fn block<'a>(
        &mut self,
        events: Vec<Event<'a>>,
        (plain, offsets): (&str, &[Option<usize>]),
        place: BlockPlace,
    ) -> Vec<Event<'a>> {
        let BlockPlace {
            anchor,
            paragraph,
            in_note,
            line,
            position,
        } = place;
        let block = match paragraph {
            Some(index) => BlockRef::Paragraph(index),
            None => BlockRef::Other(self.names.blocks.len() as u32),
        };
        self.interview |= plain.starts_with("Q. ") || plain.starts_with("Q: ");
        let mentions_before = self.names.mentions.len();
        let mut placed = self.find_names(&events, offsets, in_note);
        self.resolve(&mut placed, line, plain);
        if !in_note {
            self.implicit_events(&events, (plain, offsets), &mut placed);
            self.implicit_groups(&events, offsets, &mut placed);
            self.year_seen = last_year(plain).or(self.year_seen);
        }
        let mut explicit = Vec::new();
        let events = self.rewrite_links(events, (offsets, position), plain, &mut explicit, line);
        for (entity, start, end) in explicit {
            self.record(entity, block, in_note, plain, start, end);
        }
        for p in placed.iter() {
            let Some(entity) = p.entity else {
                continue;
            };
            self.names.mentions.push(Mention {
                entity: EntityId::new(entity),
                block,
                in_note,
                implicit: p.implicit,
                span: SnippetSpan::around(
                    plain,
                    p.text_start,
                    p.text_start + (p.found.end - p.found.start),
                ),
            });
        }
        if paragraph.is_none() && self.names.mentions.len() > mentions_before {
            self.names.blocks.push(BlockText {
                anchor: anchor.to_string(),
                text: plain.to_string(),
            });
        }
        self.emit(events, &placed, in_note)
    }
}

impl<'r> Annotator<'r> {
    /// Names in the text events that are not inside a link, an image's alt text (which is an
    /// attribute: a link there would be markup read aloud), code or raw HTML.
    fn find_names(
        &self,
        events: &[Event],
        offsets: &[Option<usize>],
        in_note: bool,
    ) -> Vec<Placed> {
        let mut placed = Vec::new();
        let mut in_link = 0usize;
        // In a note, italics are the titles of works; in the text they are captions and
        // emphasis, which name what they name, or titles too: a group or an event named
        // within longer italics ("Kollontai's *The Workers' Opposition*") is the work's.
        let titles = italic_titles(events);
        // A block all in italics is a caption ("*Lenin at the Tenth Party Congress*").
        let inner: Vec<&Event> = (events.iter())
            .filter(|e| {
                !matches!(
                    e,
                    Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                )
            })
            .collect();
        let caption = matches!(inner.first(), Some(Event::Start(Tag::Emphasis)))
            && matches!(inner.last(), Some(Event::End(TagEnd::Emphasis)));
        for (i, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => in_link = in_link.saturating_sub(1),
                Event::Text(text) if in_link == 0 => {
                    for found in self.entities.matcher.find(text) {
                        // A name within a title in italics (*Известия ЦК КПСС*, *The Lenin
                        // Miscellany*) names the work, not the entity; a name that is all
                        // the italics is the name, emphasised.
                        let within_title = titles[i]
                            .as_ref()
                            .is_some_and(|title| title.trim() != &text[found.start..found.end]);
                        let titled_kind = |target: &Target| match target {
                            Target::One(e) => matches!(
                                self.entities.registry.entities[*e].kind(),
                                EntityKind::Group | EntityKind::Event
                            ),
                            Target::Ambiguous(_) => false,
                        };
                        if within_title && (in_note || (!caption && titled_kind(&found.target))) {
                            continue;
                        }
                        if titled_kind(&found.target) && in_quoted_title(text, found.start) {
                            continue;
                        }
                        let entity = match &found.target {
                            Target::One(e) => Some(*e),
                            Target::Ambiguous(_) => None,
                        };
                        placed.push(Placed {
                            event: i,
                            text_start: offsets[i].unwrap_or(0) + found.start,
                            found,
                            entity,
                            implicit: false,
                        });
                    }
                }
                _ => {}
            }
        }
        placed
    }

    /// "The Congress", "the Treaty": the event named last, in this block or the two before
    /// it in the section, whose name has that head, as a reader takes it ("At the Tenth
    /// Congress … The Congress resolved"). Left alone: "the Congress of Soviets" (another
    /// body); one inside a quotation (a speaker's "the Congress" may be another); one after
    /// a congress the registry lacks was named ("the Ninth Congress"); an event's head in
    /// lower case ("the rising"), too common a word to stand for it.
    fn implicit_events(
        &mut self,
        events: &[Event],
        (plain, offsets): (&str, &[Option<usize>]),
        placed: &mut Vec<Placed>,
    ) {
        self.blocks_seen += 1;
        let block = self.blocks_seen;
        self.recent_events.retain(|r| block - r.block <= 2);
        let named = |p: &Placed| {
            let record = &self.entities.registry.entities[p.entity?];
            (record.kind() == EntityKind::Event)
                .then(|| event_head(&record.name))
                .flatten()
                .map(|head| (p.text_start, head.to_string(), p.entity))
        };
        let mut order: Vec<(usize, String, Option<usize>)> =
            placed.iter().filter_map(named).collect();
        if order.is_empty() && self.recent_events.is_empty() {
            return;
        }
        let heads: Vec<String> = (order.iter().map(|(_, h, _)| h.clone()))
            .chain(self.recent_events.iter().map(|r| r.head.clone()))
            .collect();
        let mut implicit = Vec::new();
        let mut in_link = 0usize;
        for (i, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => in_link = in_link.saturating_sub(1),
                Event::Text(text) if in_link == 0 => {
                    let base = offsets[i].unwrap_or(0);
                    let taken = |start: usize, end: usize| {
                        placed
                            .iter()
                            .any(|p| p.event == i && p.found.start < end && start < p.found.end)
                    };
                    // A congress of its own name that the registry lacks ("Ninth Party
                    // Congress"): what "the Congress" after it stands for is not known.
                    for head in &heads {
                        for (at, _) in text.match_indices(head.as_str()) {
                            let word_before = text[..at].split_whitespace().next_back();
                            let named = word_before.is_some_and(|w| {
                                w.starts_with(char::is_uppercase) && !DETERMINERS.contains(&w)
                            });
                            let whole_word =
                                !text[at + head.len()..].starts_with(char::is_alphabetic);
                            if named && whole_word && !taken(at, at + head.len()) {
                                order.push((base + at, head.clone(), None));
                            }
                        }
                    }
                    for found in THE_HEAD.captures_iter(text) {
                        let (Some(whole), Some(head)) = (found.get(0), found.get(1)) else {
                            continue;
                        };
                        let at = base + head.start();
                        if taken(whole.start(), whole.end())
                            || text[whole.end()..].starts_with(" of ")
                            || in_quotation(plain, at)
                        {
                            continue;
                        }
                        implicit.push((i, head.start(), head.end(), at));
                    }
                }
                _ => {}
            }
        }
        order.sort_by_key(|(at, _, _)| *at);
        let mut named_before = order.into_iter().peekable();
        for (event, start, end, text_start) in implicit {
            while let Some((_, head, entity)) = named_before.next_if(|(at, _, _)| *at < text_start)
            {
                self.recent_events.push(RecentEvent {
                    head,
                    entity,
                    block,
                });
            }
            let head = &events_text(events, event)[start..end];
            let latest = self.recent_events.iter().rev().find(|r| r.head == head);
            let Some(entity) = latest.and_then(|r| r.entity) else {
                continue;
            };
            placed.push(Placed::reference(event, start..end, text_start, entity));
        }
        for (_, head, entity) in named_before {
            self.recent_events.push(RecentEvent {
                head,
                entity,
                block,
            });
        }
        placed.sort_by_key(|p| (p.event, p.found.start));
    }

    /// "The Opposition", "the Group": the group whose name has that head and which existed
    /// in the year the text has come to, as a reader takes it: the one named last on the
    /// page ("the Left Opposition" named in a chapter on 1923), else the only such group of
    /// the registry that existed then (the Workers' Opposition, dissolved in 1922, is not
    /// "the Opposition" of a text that has come to 1926). Left alone: one in a longer name
    /// ("the Bulletin of the Opposition", "the Opposition of 1923"), and one that two groups
    /// of the time could be, neither named on the page.
    fn implicit_groups(
        &mut self,
        events: &[Event],
        offsets: &[Option<usize>],
        placed: &mut Vec<Placed>,
    ) {
        let registry = &self.entities.registry;
        let heads = self.entities.matcher.group_heads();
        let mut named: Vec<(usize, RecentGroup)> = placed
            .iter()
            .filter_map(|p| {
                let entity = p.entity?;
                let record = &registry.entities[entity];
                let head = (record.kind() == EntityKind::Group)
                    .then(|| event_head(&record.name))
                    .flatten()?;
                Some((
                    p.text_start,
                    RecentGroup {
                        head: head.to_string(),
                        entity,
                        block: self.blocks_seen,
                    },
                ))
            })
            .collect();
        named.sort_by_key(|(at, _)| *at);
        let mut named = named.into_iter().peekable();
        let mut found = Vec::new();
        let mut in_link = 0usize;
        for (i, event) in events.iter().enumerate() {
            match event {
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
                Event::End(TagEnd::Link | TagEnd::Image) => in_link = in_link.saturating_sub(1),
                // Most text names no group's head: the pattern is not run on it.
                Event::Text(text)
                    if in_link == 0 && heads.iter().any(|(head, _)| text.contains(head)) =>
                {
                    for head in THE_HEAD.captures_iter(text).filter_map(|c| c.get(1)) {
                        let taken = placed.iter().any(|p| {
                            p.event == i && p.found.start < head.end() && head.start() < p.found.end
                        });
                        if !taken && !in_longer_name(text, head.start(), head.end()) {
                            found.push((i, head.range()));
                        }
                    }
                }
                _ => {}
            }
        }
        for (event, range) in found {
            let text_start = offsets[event].unwrap_or(0) + range.start;
            while let Some((_, group)) = named.next_if(|(at, _)| *at < text_start) {
                self.recent_groups.push(group);
            }
            let text = events_text(events, event);
            let head = &text[range.clone()];
            // Once the text has come to a year (its own or its chapters' before): the year
            // the page names most, not the one it happened to name last.
            let year = (last_year(&text[..range.start]))
                .or(self.year_seen.and(self.page_year))
                .or(self.year_seen);
            let existed = |entity: usize| {
                year.is_none_or(|year| existed_in(&registry.entities[entity], year))
            };
            let named_last = |within: usize| {
                (self.recent_groups.iter().rev())
                    .find(|r| {
                        r.head == head && existed(r.entity) && self.blocks_seen - r.block <= within
                    })
                    .map(|r| r.entity)
            };
            let existing = || {
                let (_, groups) = heads.iter().find(|(h, _)| h == head)?;
                let year = year?;
                Some(
                    (groups.iter().copied())
                        .filter(move |&group| existed_in(&registry.entities[group], year)),
                )
            };
            let only_of_its_time = || {
                let mut existing = existing()?;
                let only = existing.next()?;
                existing.next().is_none().then_some(only)
            };
            // "the Opposition" of 1926, named pages after "the Left Opposition" of 1923 (which
            // went on), is the United Opposition of 1926–1927: the group whose known life
            // holds the year most narrowly, and of two as narrow, the one that was more of
            // that year (the United Opposition from April 1926, not the New Opposition that
            // joined it then), named on the page or not.
            let of_its_time_most_narrowly = || {
                let year = year?;
                let mut lives: Vec<(i32, i32, usize)> = existing()?
                    .map(|group| {
                        let entity = &registry.entities[group];
                        (life_in_years(entity), -months_in(entity, year), group)
                    })
                    .collect();
                lives.sort();
                match lives.as_slice() {
                    [(life, months, group), rest @ ..]
                        if *life < i32::MAX
                            && rest.first().is_none_or(|(next, next_months, _)| {
                                (next, next_months) > (life, months)
                            }) =>
                    {
                        Some(*group)
                    }
                    _ => None,
                }
            };
            let Some(entity) = named_last(NEAR_BLOCKS)
                .or_else(of_its_time_most_narrowly)
                .or_else(|| named_last(usize::MAX))
                .or_else(only_of_its_time)
            else {
                continue;
            };
            placed.push(Placed::reference(event, range, text_start, entity));
        }
        self.recent_groups.extend(named.map(|(_, group)| group));
        placed.sort_by_key(|p| (p.event, p.found.start));
    }

    /// A bare surname that several people bear is settled by a full mention of one of them in
    /// the same block or earlier in the section; otherwise it is left unresolved, not guessed.
    fn resolve(&mut self, placed: &mut [Placed], line: usize, plain: &str) {
        let full_in_block: Vec<usize> = placed
            .iter()
            .filter(|p| p.found.full)
            .filter_map(|p| p.entity)
            .collect();
        for p in placed.iter_mut() {
            match &p.found.target {
                Target::One(entity) => {
                    let name = &plain[p.text_start..p.text_start + (p.found.end - p.found.start)];
                    // A bare surname after a forename or initials the entry does not have
                    // ("Sergey Kamenev", "M. B. Mitin") is someone else of that name.
                    let given = (!name.contains(char::is_whitespace))
                        .then(|| self.contradicting_given_name(*entity, plain, p.text_start))
                        .flatten();
                    if let Some(given) = given {
                        let e = &self.entities.registry.entities[*entity];
                        self.diagnostics.push(
                            Diagnostic::warning(
                                &self.path,
                                format!("“{given} {name}” is not linked: the registry's {name} is {}", e.name),
                            )
                            .at_line(line)
                            .with_help(format!(
                                "if it is the same person, add “{given} {name}” to the aliases in {}; if another, give them an entry",
                                e.path.display()
                            )),
                        );
                        p.entity = None;
                        continue;
                    }
                    if p.found.full {
                        for group in self.entities.matcher.surname_groups(*entity) {
                            self.settled.insert(group.clone(), *entity);
                        }
                    }
                }
                Target::Ambiguous(candidates) => {
                    let in_block = candidates
                        .iter()
                        .find(|c| full_in_block.contains(c))
                        .copied();
                    let name = &plain[p.text_start..p.text_start + (p.found.end - p.found.start)];
                    p.entity = in_block
                        .or_else(|| self.settled.get(candidates).copied())
                        .or_else(|| self.declared.get(name).copied());
                    if p.entity.is_none() && !self.unlinked.contains(name) {
                        self.names.unresolved.push(Unresolved {
                            name: name.to_string(),
                            candidates: candidates.iter().map(|&c| EntityId::new(c)).collect(),
                            path: self.path.clone(),
                            line,
                        });
                    }
                }
            }
        }
    }

    /// The forename or initials before a bare surname at `start` of `plain`, when they are
    /// not the person's: initials whose first letter is not the first of the entry's given
    /// names, or a forename (one the registry gives some person) that none of the entry's
    /// names begins like.
    fn contradicting_given_name(&self, entity: usize, plain: &str, start: usize) -> Option<String> {
        let given_names = self.entities.matcher.given_names(entity);
        if given_names.is_empty() {
            return None;
        }
        let before = plain[..start].trim_end();
        // "Q. Who was the agent? / A. Pettigrew was": the answer's mark.
        if self.interview && matches!(before, "A." | "Q.") {
            return None;
        }
        // Initials: "M. B." or "M." (one letter and a full stop each; "Cf." is none).
        let initials: String = before
            .rsplit(' ')
            .take_while(|w| {
                let mut chars = w.chars();
                matches!((chars.next(), chars.next(), chars.next()), (Some(l), Some('.'), None) if l.is_uppercase())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join(" ");
        if !initials.is_empty() {
            let first = latin_initial(initials.chars().next()?);
            let agrees = (given_names.iter())
                .filter_map(|g| g.chars().next())
                .any(|g| same_initial(latin_initial(g), first));
            return (!agrees).then_some(initials);
        }
        // A forename: a capitalised word the registry knows as someone's forename.
        let word = before.rsplit(|c: char| !c.is_alphabetic()).next()?;
        // A month is no forename, though someone may bear it: "at the end of August Stalin".
        if word.chars().count() < 3
            || !word.chars().next()?.is_uppercase()
            || crate::date::MONTHS.contains(&word)
            || !self.entities.matcher.is_forename(word)
        {
            return None;
        }
        let stem = forename_stem(word);
        let agrees = given_names.iter().any(|g| forename_stem(g) == stem);
        (!agrees).then(|| word.to_string())
    }

    /// Explicit links to entities and documents get their URLs; `none:` spans lose theirs.
    fn rewrite_links<'a>(
        &mut self,
        events: Vec<Event<'a>>,
        (offsets, position): (&[Option<usize>], &EventPosition),
        plain: &str,
        explicit: &mut Vec<(usize, usize, usize)>,
        line: usize,
    ) -> Vec<Event<'a>> {
        let mut out = Vec::with_capacity(events.len());
        let mut pending: Option<(usize, usize)> = None;
        for (i, event) in events.into_iter().enumerate() {
            match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    // The link's own place in the file, or its block's line.
                    let at =
                        position(i).map_or((line, None), |(line, column)| (line, Some(column)));
                    let (tag, entity) = self.link(link_type, dest_url, title, id, at);
                    if let Some(entity) = entity {
                        pending = Some((
                            entity,
                            offsets.get(i + 1).copied().flatten().unwrap_or(plain.len()),
                        ));
                    }
                    // A dropped link leaves an empty event in its place: the names found
                    // before are placed by the events' indices.
                    out.push(tag.map_or(Event::InlineHtml(CowStr::Borrowed("")), Event::Start));
                }
                Event::End(TagEnd::Link) => {
                    if let Some((entity, start)) = pending.take() {
                        let end = offsets.get(i).copied().flatten().unwrap_or(plain.len());
                        explicit.push((entity, start, end.max(start)));
                    }
                    out.push(match self.open_links.pop().unwrap_or(false) {
                        true => Event::InlineHtml(CowStr::Borrowed("")),
                        false => Event::End(TagEnd::Link),
                    });
                }
                other => out.push(other),
            }
        }
        out
    }

    /// One link's target: `person:ID` and the like to the entity's page, `none:` to nothing
    /// (`doc:` links were made paths before, by `markdown`). An unknown ID is an error at the
    /// file and line.
    pub fn link<'a>(
        &mut self,
        link_type: LinkType,
        dest_url: CowStr<'a>,
        title: CowStr<'a>,
        id: CowStr<'a>,
        (line, column): (usize, Option<usize>),
    ) -> (Option<Tag<'a>>, Option<usize>) {
        let located = |diagnostic: Diagnostic| match column {
            Some(column) => diagnostic.at(line, column),
            None => diagnostic.at_line(line),
        };
        let tag = |url: CowStr<'a>| Tag::Link {
            link_type,
            dest_url: url,
            title: title.clone(),
            id: id.clone(),
        };
        if dest_url.as_ref() == NO_ENTITY {
            self.open_links.push(true);
            return (None, None);
        }
        self.open_links.push(false);
        let Some((scheme, entity_id)) = dest_url.split_once(':') else {
            return (Some(tag(dest_url)), None);
        };
        let Some(kind) = EntityKind::from_key(scheme) else {
            if let Some(meant) = misspelt_scheme(scheme) {
                self.diagnostics.push(
                    located(Diagnostic::error(
                        &self.path,
                        format!("the link `{dest_url}` has the scheme `{scheme}:`, which annals does not know"),
                    ))
                    .with_help(format!("did you mean `{meant}:{entity_id}`?")),
                );
            } else if !crate::markdown::is_linkable(&dest_url) {
                // Written without its address by `markdown`, which leaves the warning to
                // the annotator: a misspelt scheme of annals' own is an error above.
                let (problem, help) = crate::markdown::refused_link_problem(&dest_url);
                self.diagnostics
                    .push(located(Diagnostic::warning(&self.path, problem)).with_help(help));
            }
            return (Some(tag(dest_url.clone())), None);
        };
        match self.entities.registry.get(kind, entity_id) {
            Some(entity) => {
                let url = format!(
                    "{}{}",
                    self.prefix,
                    self.entities.registry.entities[entity].site_path()
                );
                (Some(tag(url.into())), Some(entity.index()))
            }
            None => {
                self.diagnostics.push(
                    located(Diagnostic::error(
                        &self.path,
                        format!(
                            "the link `{dest_url}` names no {} of the registry",
                            kind.key()
                        ),
                    ))
                    .with_help(match self.nearest_id(kind, entity_id) {
                        Some(near) => format!("did you mean `{}:{near}`?", kind.key()),
                        None => format!(
                            "use the name of a file in content/{}/ without .md",
                            kind.folder()
                        ),
                    }),
                );
                (Some(tag("#".into())), None)
            }
        }
    }

    /// The id of the registry's entity of `kind` nearest to `id`, when one is near enough
    /// to be a slip of the keyboard (at most a third of its letters off).
    fn nearest_id(&self, kind: EntityKind, id: &str) -> Option<&str> {
        let ids = self
            .entities
            .registry
            .of_kind(kind)
            .map(|(_, e)| e.id.as_str());
        nearest(id, ids, |near| near.chars().count().div_ceil(3))
    }

    fn record(
        &mut self,
        entity: usize,
        block: BlockRef,
        in_note: bool,
        plain: &str,
        start: usize,
        end: usize,
    ) {
        self.names.mentions.push(Mention {
            entity: EntityId::new(entity),
            block,
            in_note,
            implicit: false,
            span: SnippetSpan::around(plain, start, end),
        });
    }

    /// The events with each found name wrapped: a link at its first mention in the section
    /// (not in notes), an `<abbr>` for terms.
    fn emit<'a>(
        &mut self,
        events: Vec<Event<'a>>,
        placed: &[Placed],
        in_note: bool,
    ) -> Vec<Event<'a>> {
        if placed.is_empty() {
            return events;
        }
        let mut by_event: FxHashMap<usize, Vec<&Placed>> = FxHashMap::default();
        for p in placed {
            by_event.entry(p.event).or_default().push(p);
        }
        let mut out = Vec::with_capacity(events.len() + placed.len() * 2);
        for (i, event) in events.into_iter().enumerate() {
            match (event, by_event.get(&i)) {
                (Event::Text(text), Some(names)) => {
                    let mut at = 0;
                    for p in names {
                        if p.found.start > at {
                            out.push(Event::Text(slice(&text, at..p.found.start)));
                        }
                        let name = &text[p.found.start..p.found.end];
                        let wrapped = if p.implicit && !self.link_implicit {
                            self.reference(p.entity, name)
                        } else {
                            self.wrap(p.entity, name, in_note)
                        };
                        out.push(Event::InlineHtml(wrapped.into()));
                        at = p.found.end;
                    }
                    if at < text.len() {
                        out.push(Event::Text(slice(&text, at..text.len())));
                    }
                }
                (event, _) => out.push(event),
            }
        }
        out
    }

    /// A bare reference the context settled ("the Opposition"): not a link, since the
    /// build, not the text, says what it stands for; its title names it.
    fn reference(&self, entity: Option<usize>, name: &str) -> String {
        let title = entity.map_or("", |e| self.entities.registry.entities[e].name.as_str());
        format!(
            "<span class=\"entity-reference\" title=\"{}\">{}</span>",
            escape_html(title),
            escape_html(name)
        )
    }

    fn wrap(&mut self, entity: Option<usize>, name: &str, in_note: bool) -> String {
        // A name in Russian is marked so, as the text around it is (`markdown::mark_russian`).
        let escaped = if has_cyrillic(name) {
            format!("<span lang=\"ru\">{}</span>", escape_html(name))
        } else {
            escape_html(name)
        };
        let Some(entity) = entity else {
            return format!("<span class=\"entity-unresolved\">{escaped}</span>");
        };
        let record = &self.entities.registry.entities[entity];
        let first = !in_note && self.linked.insert((entity, self.section));
        let inner = match record.expansion() {
            Some(expansion) => format!(
                "<abbr title=\"{}\">{escaped}</abbr>",
                escape_html(expansion)
            ),
            _ => escaped,
        };
        // Every mention links to the entity's page, so that the reader (and anyone who
        // reads the page's markup) finds each place the index lists; after the first in its
        // section, quietly (`entity-again`: no underline until pointed at). Notes link none:
        // the note's own marker is the link there.
        if in_note {
            return inner;
        }
        let url = format!("{}{}", self.prefix, record.site_path());
        format!(
            "<a class=\"entity entity-{}{}\" href=\"{}\">{inner}</a>",
            record.kind().key(),
            if first { "" } else { " entity-again" },
            escape_html(&url)
        )
    }
}

/// The scheme of annals' own links (`person:`, `doc:` …) that `scheme` misspells, if it is
/// none of the web's own (`https:`, `mailto:` …) and one slip away from one (a letter off,
/// or two letters swapped), or the folder's name (`people:`) for the key (`person:`).
fn misspelt_scheme(scheme: &str) -> Option<&'static str> {
    const WEB: &[&str] = &[
        "http", "https", "mailto", "tel", "ftp", "ftps", "data", "file", "irc", "news", "sms",
        "geo", "urn", "doi", "isbn",
    ];
    let scheme = scheme.to_ascii_lowercase();
    if scheme.len() < 3
        || WEB.contains(&scheme.as_str())
        || ["doc", "none"].contains(&scheme.as_str())
    {
        return None;
    }
    let own = EntityKind::ALL
        .iter()
        .map(|kind| kind.key())
        .chain(EntityKind::ALL.iter().map(|kind| kind.folder()))
        .chain(["doc", "none"]);
    let key = nearest(&scheme, own, |_| 1)?;
    // `people:` is the folder; the link's scheme is the kind's key.
    Some(
        match EntityKind::ALL.iter().find(|kind| kind.folder() == key) {
            Some(kind) => kind.key(),
            None => key,
        },
    )
}

/// Part of a text event: borrowed from the Markdown source when the event is (most are).
fn slice<'a>(text: &CowStr<'a>, range: Range<usize>) -> CowStr<'a> {
    match text {
        CowStr::Borrowed(source) => CowStr::Borrowed(&source[range]),
        other => other[range].to_string().into(),
    }
}

#[cfg(test)]
mod tests {
    use super::{event_head, in_quoted_title, misspelt_scheme};

    #[test]
    fn an_events_head_is_the_noun_before_what_it_is_of() {
        assert_eq!(event_head("Tenth Congress of the RKP(b)"), Some("Congress"));
        assert_eq!(event_head("Plan de Ayala"), Some("Plan"));
        assert_eq!(event_head("Lenin's Testament"), Some("Testament"));
        assert_eq!(event_head("Kronstadt rising"), None);
    }

    #[test]
    fn a_name_in_a_quoted_title_of_a_work_names_the_work() {
        let text = "the pamphlet “To the Congress of Vienna” appeared; the Congress of Vienna met";
        assert!(in_quoted_title(text, text.find("Congress").unwrap()));
        assert!(!in_quoted_title(text, text.rfind("Congress").unwrap()));
        let said = "he called out, and the delegates shouted “Long live the Convention!”";
        assert!(!in_quoted_title(said, said.find("Convention").unwrap()));
        let entitled = "a leaflet entitled “The Charter of 1838”";
        assert!(in_quoted_title(entitled, entitled.find("Charter").unwrap()));
    }

    #[test]
    fn a_slip_in_annals_own_scheme_is_told_from_the_webs_schemes() {
        assert_eq!(misspelt_scheme("poeple"), Some("person"));
        assert_eq!(misspelt_scheme("people"), Some("person"));
        assert_eq!(misspelt_scheme("persn"), Some("person"));
        assert_eq!(misspelt_scheme("evnet"), Some("event"));
        assert_eq!(misspelt_scheme("grop"), Some("group"));
        assert_eq!(misspelt_scheme("dco"), Some("doc"));
        for scheme in [
            "https", "mailto", "tel", "urn", "dns", "none", "doc", "wiki", "ws",
        ] {
            assert_eq!(misspelt_scheme(scheme), None, "{scheme}");
        }
    }
}

//! The timeline: every event and group of the registry at its date, the births and deaths of
//! its people, and the dated statements of the documents' prose (`extract`), in one order;
//! `export` writes it as `timeline.json` and in TimelineJS's format.

pub mod conflict;
pub mod export;
pub mod extract;

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::config::{BaseUrl, Hemisphere, Reckoning};
use crate::content::{Content, PageId, PageKind};
use crate::date::{HistoricalDate, Point};
use crate::entity::annotate::Names;
use crate::entity::matcher::{Matcher, Mention, Target};
use crate::entity::{EntityId, EntityKind, Registry, ordered};
use crate::markdown::{Rendered, ShortText};
use conflict::Conflict;
use extract::Extractor;

/// How long a statement's excerpt may run, in words.
const EXCERPT_WORDS: usize = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EntryKind {
    Event,
    Group,
    Birth,
    Death,
    Statement,
}

impl EntryKind {
    /// The filter an entry falls under: births and deaths are "life dates".
    pub fn filter(self) -> &'static str {
        match self {
            EntryKind::Event => "event",
            EntryKind::Group => "group",
            EntryKind::Birth | EntryKind::Death => "life",
            EntryKind::Statement => "statement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Event => "Event",
            EntryKind::Group => "Group",
            EntryKind::Birth => "Born",
            EntryKind::Death => "Died",
            EntryKind::Statement => "Statement",
        }
    }
}

/// One entry of the timeline, by index into the registry and the content.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    pub kind: EntryKind,
    /// New Style.
    pub date: HistoricalDate,
    pub old_style: Option<HistoricalDate>,
    /// The entity the entry is: the event, the group, the person born or dead.
    pub entity: Option<EntityId>,
    /// The people, events and groups a statement's sentence names, in order, once each.
    pub mentions: Vec<EntityId>,
    /// Where a statement stands, or the paragraph an event's or a group's `source` links:
    /// its page and paragraph.
    pub page: Option<PageId>,
    pub anchor: Option<String>,
    pub excerpt: Option<String>,
}

impl Entry {
    /// Whether the entry is the entity or names it.
    pub fn concerns(&self, entity: EntityId) -> bool {
        self.entity == Some(entity) || self.mentions.contains(&entity)
    }

    /// The year it is filed under.
    pub fn year(&self) -> Option<i32> {
        self.date.start.or(self.date.end).map(|p| p.year)
    }
}

/// The whole timeline, in date order (at the same date: events, groups, lives, statements;
/// statements in reading order).
/// `statements[page]`: each source page's dated statements ([`page_statements`]).
/// `registry_texts[entity]`: its texts read, whose first `doc:` link to a paragraph is the
/// place an event's or a group's entry comes from.
pub fn assemble(
    (registry, matcher, registry_texts): (&Registry, &Matcher, &[ShortText]),
    content: &Content,
    mut statements: Vec<Vec<Entry>>,
) -> Vec<Entry> {
    let mut entries = registry_entries(registry, matcher);
    cite_source_paragraphs(&mut entries, registry_texts, content);
    let sources = content.sources();
    // Sized at once: the timeline is held until the site is written, and growing it by
    // doubling leaves up to half of it unused.
    entries.reserve_exact(sources.iter().map(|&page| statements[page].len()).sum());
    // In the reading order of the pages, which the sort keeps among entries of one date.
    for page in sources {
        for statement in &mut statements[page] {
            statement.page = Some(page);
        }
        entries.append(&mut statements[page]);
    }
    entries.retain(|e| e.year().is_some());
    entries.par_sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    entries
}

/// Events and groups at their dates (a group from its founding to its end), people's births
/// and deaths. An event or a group is filed under the people its entry lists and the
/// entities its summary names too: the expulsion of Miasnikov is in his chronology.
fn registry_entries(registry: &Registry, matcher: &Matcher) -> Vec<Entry> {
    let mut entries = Vec::new();
    let entry = |kind, entity, date: &HistoricalDate, old_style: Option<&HistoricalDate>| Entry {
        kind,
        date: date.clone(),
        old_style: old_style.cloned(),
        entity: Some(entity),
        mentions: participants(registry, matcher, entity),
        page: None,
        anchor: None,
        excerpt: None,
    };
    for kind in EntityKind::with_own_pages() {
        for index in ordered(registry, kind) {
            let e = &registry.entities[index];
            match kind {
                EntityKind::Event => entries.extend(
                    e.date("date")
                        .map(|d| entry(EntryKind::Event, index, &d.date, d.old_style.as_ref())),
                ),
                EntityKind::Group => entries.extend(
                    group_span(
                        e.date("founded").map(|d| &d.date),
                        e.date("dissolved").map(|d| &d.date),
                    )
                    .map(|date| entry(EntryKind::Group, index, &date, None)),
                ),
                EntityKind::Person => {
                    for (field, kind) in [("born", EntryKind::Birth), ("died", EntryKind::Death)] {
                        entries.extend(
                            e.date(field)
                                .map(|d| entry(kind, index, &d.date, d.old_style.as_ref())),
                        );
                    }
                }
                // Places have no dates of their own; terms have no page.
                EntityKind::Place | EntityKind::Term => {}
            }
        }
    }
    entries
}

/// An event's or a group's entry comes from the paragraph its `source` (or else its text)
/// links first: `[Avrich, ¶ 26](doc:avrich-1984#p-26)`.
fn cite_source_paragraphs(entries: &mut [Entry], registry_texts: &[ShortText], content: &Content) {
    if registry_texts.is_empty() {
        return;
    }
    let by_path: FxHashMap<&str, PageId> = content
        .pages()
        .map(|(id, page)| (page.site_path.as_str(), id))
        .collect();
    for entry in entries
        .iter_mut()
        .filter(|e| matches!(e.kind, EntryKind::Event | EntryKind::Group))
    {
        let Some(entity) = entry.entity else { continue };
        let cited = (registry_texts[entity].document_links.iter())
            .filter(|link| !link.fragment.is_empty())
            .find_map(|link| Some((*by_path.get(link.site_path().as_str())?, link)));
        if let Some((page, link)) = cited {
            entry.page = Some(page);
            entry.anchor = Some(link.fragment.clone());
        }
    }
}

/// The people (and an event's groups) an event or a group lists (`people`,
/// `participants`), then the entities its summary names
/// unambiguously, once each, itself aside.
fn participants(registry: &Registry, matcher: &Matcher, entity: EntityId) -> Vec<EntityId> {
    let e = &registry.entities[entity];
    let mut named: Vec<EntityId> = Vec::new();
    let listed = e.members().map_or(&[][..], |m| m.ids.as_slice());
    named.extend(listed.iter().filter_map(|id| registry.participant(id)));
    if matches!(e.kind(), EntityKind::Event | EntityKind::Group) {
        for found in matcher.find(e.summary.as_deref().unwrap_or_default()) {
            if let Target::One(index) = found.target {
                named.push(EntityId::new(index));
            }
        }
    }
    // The timeline names people, events and groups (as a statement's sentence does).
    let timeline_kinds = [EntityKind::Person, EntityKind::Event, EntityKind::Group];
    named.retain(|&n| timeline_kinds.contains(&registry.entities[n].kind()));
    let mut seen = Vec::with_capacity(named.len());
    named.retain(|&n| {
        n != entity && !seen.contains(&n) && {
            seen.push(n);
            true
        }
    });
    named
}

/// A group's life as one date: from its founding to its dissolution, or its founding alone.
fn group_span(
    founded: Option<&HistoricalDate>,
    dissolved: Option<&HistoricalDate>,
) -> Option<HistoricalDate> {
    let start = founded?;
    match dissolved.and_then(|d| d.end.or(d.start)) {
        Some(end) if start.start.is_some_and(|s| s.sort_key() <= end.sort_key()) => {
            let mut span = HistoricalDate::range(start.start?, end);
            span.qualifier = start.qualifier;
            Some(span)
        }
        _ => Some(start.clone()),
    }
}

/// The dated sentences of a page's body (not its notes); `names` are the entities the
/// page names.
pub fn page_statements(
    registry: &Registry,
    (rendered, document_date): (&Rendered, Option<Point>),
    names: &Names,
    reckoning: Reckoning,
) -> Vec<Entry> {
    let mut by_anchor: FxHashMap<&str, Vec<&Mention>> = FxHashMap::default();
    for mention in names
        .mentions
        .iter()
        .filter(|m| !m.in_note && registry.entities[m.entity].kind().in_chronology())
    {
        by_anchor
            .entry(names.anchor(&rendered.texts, mention))
            .or_default()
            .push(mention);
    }
    for mentions in by_anchor.values_mut() {
        mentions.sort_by_key(|m| m.start());
    }
    // The mentions of a sentence found by their offsets: a paragraph of thousands of
    // sentences is not read again for each one.
    let named = |anchor: &str, sentence: Range<usize>| -> Vec<EntityId> {
        let mut named: Vec<EntityId> = Vec::new();
        let mentions = by_anchor.get(anchor).map_or(&[][..], Vec::as_slice);
        let first = mentions.partition_point(|m| m.start() < sentence.start);
        for mention in mentions[first..]
            .iter()
            .take_while(|m| m.start() < sentence.end)
        {
            if !named.contains(&mention.entity) {
                named.push(mention.entity);
            }
        }
        named
    };
    // Each paragraph's text, and the next paragraph's (where a quotation may be set off).
    let texts: FxHashMap<&str, (&str, Option<&str>)> = (rendered.texts.iter().enumerate())
        .map(|(at, t)| {
            let next = rendered.texts.get(at + 1).map(|n| n.text.as_str());
            (t.anchor.as_str(), (t.text.as_str(), next))
        })
        .collect();
    let events_named = |anchor: &str| -> Vec<(usize, Point)> {
        let mentions = by_anchor.get(anchor).map_or(&[][..], Vec::as_slice);
        (mentions.iter())
            .filter_map(|m| {
                let event = &registry.entities[m.entity];
                let date = (event.kind() == EntityKind::Event)
                    .then(|| event.date("date"))
                    .flatten()?;
                Some((m.start(), date.date.start?))
            })
            .collect()
    };
    let headings: Vec<&str> = rendered.toc.iter().map(|h| h.title.as_str()).collect();
    let mut statements = Extractor::page_under(
        (&headings, document_date, reckoning.old_style_until),
        &rendered.texts,
        &|anchor, sentence| !named(anchor, sentence).is_empty(),
        &events_named,
    );
    date_by_events_opened_on(registry, rendered, &by_anchor, &mut statements);
    if statements.iter().any(|s| s.at_event) {
        let order: FxHashMap<&str, usize> = (rendered.texts.iter().enumerate())
            .map(|(at, t)| (t.anchor.as_str(), at))
            .collect();
        statements.sort_by_key(|s| (order[s.anchor.as_str()], s.sentence.start));
    }
    statements
        .into_iter()
        .map(|statement| Entry {
            kind: EntryKind::Statement,
            mentions: named(&statement.anchor, statement.sentence.clone()),
            excerpt: Some(standalone_excerpt(
                texts[statement.anchor.as_str()].0,
                statement.sentence.clone(),
                texts[statement.anchor.as_str()].1,
            )),
            // "In the autumn of 1858" in a text of New Zealand is March to May.
            date: match reckoning.hemisphere {
                Hemisphere::North => statement.date,
                Hemisphere::South => statement.date.in_the_south(),
            },
            old_style: statement.old_style,
            entity: None,
            // Its page is the place it has among the pages, set when the timeline is assembled.
            page: None,
            anchor: Some(statement.anchor),
        })
        .collect()
}

/// Whether a sentence that reads `before` up to an event's name opens on the event as the
/// time of what it tells: "At the", "During the", "Only at the", "By the".
fn opens_at(before: &str) -> bool {
    const AT_WORDS: &[&str] = &["at the", "during the", "by the", "at its", "during its"];
    const LEADING: &[&str] = &[
        "only", "already", "even", "then", "and", "but", "yet", "so", "thus",
    ];
    let before = before.trim_start_matches(|c: char| !c.is_alphanumeric());
    AT_WORDS.iter().any(|at| {
        before == *at
            || before
                .strip_suffix(at)
                .map(str::trim_end)
                .is_some_and(|lead| LEADING.contains(&lead.trim_end_matches(',')))
    })
}

/// The sentences that open on an event of the registry as the time of what they tell ("At
/// the Thirteenth Party Conference, he opposed …", "During the Kronstadt revolt …", "By the
/// Fifteenth Congress, 90 percent …"): one with no date of its own is dated by the event's
/// months (the sentence does not say on which of the event's days), and one dated by the
/// event's year alone ("Only at the Fourteenth Congress [in 1925] …") takes its months. An
/// event named further on ("a speech at the congress", "promises made at the congress",
/// "after the congress") is what the sentence speaks of, not when.
fn date_by_events_opened_on(
    registry: &Registry,
    rendered: &Rendered,
    mentions: &FxHashMap<&str, Vec<&Mention>>,
    statements: &mut Vec<extract::Statement>,
) {
    let mut found = Vec::new();
    for paragraph in rendered.texts.iter().filter(|t| extract::is_prose(&t.text)) {
        let Some(named) = mentions.get(paragraph.anchor.as_str()) else {
            continue;
        };
        // Most paragraphs name no event: they are not cut into sentences.
        let names_event = |m: &&Mention| registry.entities[m.entity].kind() == EntityKind::Event;
        if !named.iter().any(names_event) {
            continue;
        }
        for sentence in crate::text::sentence::sentences(&paragraph.text) {
            let event_date = named
                .iter()
                .filter(|m| sentence.contains(&m.start()))
                .find_map(|m| {
                    let entity = &registry.entities[m.entity];
                    let before = paragraph.text[sentence.start..m.start()].to_lowercase();
                    (entity.kind() == EntityKind::Event && opens_at(before.trim()))
                        .then(|| entity.date("date"))
                        .flatten()
                });
            let Some(months) = event_date.and_then(|d| months_of(&d.date)) else {
                continue;
            };
            // "And at the Thirteenth Congress we will find out …" foretells.
            let said = &paragraph.text[sentence.clone()];
            if extract::is_commentary_or_plan(said, said) {
                continue;
            }
            let own = statements.iter_mut().find(|s| {
                s.anchor == paragraph.anchor
                    && s.sentence.start < sentence.end
                    && sentence.start < s.sentence.end
            });
            match own {
                Some(statement) => {
                    let year_alone = statement.date.start.is_some_and(|p| p.month.is_none())
                        && !statement.date.is_range
                        && statement.date.set.is_none();
                    if year_alone
                        && statement.date.start.map(|p| p.year) == months.start.map(|p| p.year)
                    {
                        statement.date = months;
                        statement.old_style = None;
                    }
                }
                None => found.push(extract::Statement {
                    anchor: paragraph.anchor.clone(),
                    sentence,
                    date: months,
                    old_style: None,
                    at_event: true,
                }),
            }
        }
    }
    statements.extend(found);
}

/// The month or months a date falls in: 16–18 January 1924 is January 1924; 28 March–2
/// April 1922 is March–April 1922; a year stays a year.
fn months_of(date: &HistoricalDate) -> Option<HistoricalDate> {
    let start = date.start?;
    let Some(month) = start.month else {
        return Some(date.clone());
    };
    let first = Point::month(start.year, month);
    let last = date
        .end
        .and_then(|end| Some(Point::month(end.year, end.month?)))
        .unwrap_or(first);
    Some(if last == first {
        HistoricalDate::single(first)
    } else {
        HistoricalDate::range(first, last)
    })
}

/// Words that open a sentence which leans on the one before it: "It was then that …",
/// "The latter …". The excerpt takes that sentence too, so that the entry stands alone.
const LEANING_OPENERS: &[&str] = &[
    "it",
    "this",
    "these",
    "that",
    "those",
    "he",
    "she",
    "they",
    "his",
    "her",
    "its",
    "their",
    "there",
    "the latter",
    "the former",
    "such",
    "here",
];

/// The sentence at `sentence` of `paragraph` as an entry can show it on its own: with the
/// sentence before it when it opens on a pronoun ("It was then that …"), and with what
/// follows its colon (the quotation it introduces), cut after `EXCERPT_WORDS` words but
/// never inside quotation marks or brackets.
fn standalone_excerpt(paragraph: &str, sentence: Range<usize>, next: Option<&str>) -> String {
    let mut range = sentence.clone();
    let opening = paragraph[sentence.clone()].trim_start().to_lowercase();
    let leans = LEANING_OPENERS.iter().any(|opener| {
        opening
            .strip_prefix(opener)
            .is_some_and(|rest| rest.starts_with([' ', ',']))
    });
    let introduces = paragraph[sentence.clone()].trim_end().ends_with(':');
    if !leans && !introduces {
        return excerpt(&paragraph[range]);
    }
    // Only a sentence that leans on another is cut from its paragraph's others.
    let sentences = crate::text::sentence::sentences(paragraph);
    // Not a sentence so long that the excerpt would be cut before the statement's own.
    let words = |range: Range<usize>| paragraph[range].split_whitespace().count();
    if let Some(before) = (sentences.iter().rev())
        .find(|s| s.end <= sentence.start)
        .filter(|before| leans && words(before.start..sentence.end) <= EXCERPT_WORDS)
    {
        range.start = before.start;
    }
    match sentences.iter().find(|s| s.start >= sentence.end) {
        // The quotation it introduces, in the same paragraph.
        Some(following) if introduces => range.end = following.end,
        // … or set off as the next paragraph (a block quotation).
        None if introduces => {
            if let Some(quotation) = next {
                return excerpt(&format!("{} {quotation}", &paragraph[range]));
            }
        }
        _ => {}
    }
    excerpt(&paragraph[range])
}

/// The text, its spaces made single, cut after `EXCERPT_WORDS` words; a cut that would fall
/// inside quotation marks or brackets is made before they open, or, if that leaves too
/// little, after they close.
fn excerpt(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= EXCERPT_WORDS {
        return words.join(" ");
    }
    // How deep in quotation marks or brackets the text is after each word.
    let mut depth = 0i32;
    let mut depth_after = Vec::with_capacity(words.len());
    let mut opened_at: Vec<usize> = Vec::new();
    for (at, word) in words.iter().enumerate() {
        for c in word.chars() {
            match c {
                '“' | '«' | '(' | '[' => {
                    depth += 1;
                    opened_at.push(at);
                }
                '”' | '»' | ')' | ']' => {
                    depth = (depth - 1).max(0);
                    opened_at.pop();
                }
                _ => {}
            }
        }
        depth_after.push((depth, opened_at.first().copied()));
    }
    let mut cut = EXCERPT_WORDS;
    if let (1.., Some(opened)) = depth_after[cut - 1] {
        cut = if opened >= EXCERPT_WORDS / 3 {
            opened
        } else {
            (cut..words.len())
                .find(|&i| depth_after[i].0 == 0)
                .map_or(words.len(), |i| i + 1)
        };
    }
    if cut >= words.len() {
        words.join(" ")
    } else {
        format!("{} …", words[..cut].join(" "))
    }
}

/// An entity an entry links to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct EntityLink<'a> {
    /// `person`, `event`, `group`.
    pub kind: &'static str,
    pub id: &'a str,
    pub name: &'a str,
    pub url: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct DocumentLink<'a> {
    /// The document (a book, for its chapters): what the document filter selects by.
    pub id: &'a str,
    pub title: &'a str,
    /// The page: the chapter's, for a chapter.
    pub page_title: Cow<'a, str>,
    pub url: String,
}

/// One entry as pages and exports show it: plain data with its links made. It borrows
/// what the registry, the content and the entry hold (a large collection's timeline has
/// tens of thousands of entries, each shown on several pages).
#[derive(Debug, Clone, Serialize)]
pub struct EntryView<'a> {
    pub kind: EntryKind,
    /// `event`, `group`, `life`, `statement`.
    pub filter: &'static str,
    pub kind_label: &'static str,
    pub year: i32,
    /// As precisely as known, with the Old Style date beside where a source gives it.
    pub human: String,
    pub edtf: String,
    /// For `<time datetime>`: the first known day, month or year.
    pub datetime: String,
    /// The entity's name, for registry entries.
    pub title: Option<&'a str>,
    /// The entity's page, for registry entries; the paragraph, for statements.
    pub url: String,
    pub excerpt: Option<&'a str>,
    pub entities: Vec<EntityLink<'a>>,
    pub document: Option<DocumentLink<'a>>,
    /// The paragraph it stands in (a statement) or comes from (an event whose `source`
    /// links one).
    pub source_url: Option<String>,
    /// Where the sources disagree on an event's date: each statement that reports it.
    pub accounts: Vec<Account<'a>>,
    /// What the filters match: `person:miasnikov group:workers-group`.
    pub keys: String,
}

/// The entries with their links, for the page, the entity pages and the exports; an event
/// whose sources disagree shows their dates.
pub fn views<'a>(
    (entries, conflicts): (&'a [Entry], &[Conflict]),
    registry: &'a Registry,
    content: &'a Content,
    base: &BaseUrl,
) -> Vec<EntryView<'a>> {
    let disputed: FxHashMap<usize, &Conflict> = conflicts.iter().map(|c| (c.entry, c)).collect();
    let link = |index: EntityId| {
        let e = &registry.entities[index];
        EntityLink {
            kind: e.kind().key(),
            id: &e.id,
            name: &e.name,
            url: base.link(&e.site_path()),
        }
    };
    entries
        .par_iter()
        .enumerate()
        .map(|(index, entry)| {
            let subject = entry.entity.map(link);
            let entities: Vec<EntityLink> = entry.mentions.iter().map(|&m| link(m)).collect();
            let keys: Vec<String> = subject
                .iter()
                .chain(&entities)
                .map(|e| format!("{}:{}", e.kind, e.id))
                .collect();
            let document = entry.page.map(|page| document_link(content, page, base));
            let source_url = match (&document, &entry.anchor) {
                (Some(document), Some(anchor)) => Some(format!("{}#{anchor}", document.url)),
                _ => None,
            };
            let url = match (&subject, &source_url) {
                (Some(subject), _) => subject.url.clone(),
                (None, Some(source_url)) => source_url.clone(),
                _ => String::new(),
            };
            EntryView {
                kind: entry.kind,
                filter: entry.kind.filter(),
                kind_label: entry.kind.label(),
                year: entry.year().unwrap_or_default(),
                human: entry.date.human_with_old_style(entry.old_style.as_ref()),
                edtf: entry.date.edtf(),
                datetime: entry
                    .date
                    .start
                    .or(entry.date.end)
                    .map(|p| p.edtf())
                    .unwrap_or_default(),
                title: subject.as_ref().map(|s| s.name),
                url,
                excerpt: entry.excerpt.as_deref(),
                entities,
                document,
                source_url,
                accounts: disputed.get(&index).map_or_else(Vec::new, |conflict| {
                    accounts(conflict, entries, content, base)
                }),
                keys: keys.join(" "),
            }
        })
        .collect()
}

/// One source's date for an event whose sources disagree.
#[derive(Debug, Clone, Serialize)]
pub struct Account<'a> {
    /// The document (the book, for a chapter).
    pub source: &'a str,
    pub human: String,
    pub edtf: String,
    /// The paragraph that gives the date.
    pub url: String,
    pub excerpt: Option<&'a str>,
    /// Whether the date cannot be the registry's.
    pub differs: bool,
}

/// The accounts of a disputed event, in date order.
fn accounts<'a>(
    conflict: &Conflict,
    entries: &'a [Entry],
    content: &'a Content,
    base: &BaseUrl,
) -> Vec<Account<'a>> {
    (conflict.accounts.iter())
        .filter_map(|&account| {
            let entry = &entries[account];
            let document = document_link(content, entry.page?, base);
            Some(Account {
                source: document.title,
                human: entry.date.human_with_old_style(entry.old_style.as_ref()),
                edtf: entry.date.edtf(),
                url: format!("{}#{}", document.url, entry.anchor.as_deref()?),
                excerpt: entry.excerpt.as_deref(),
                differs: conflict.differs(entries, account),
            })
        })
        .collect()
}

/// The document a page belongs to (its book, for a chapter) and the page itself.
fn document_link<'a>(content: &'a Content, page: PageId, base: &BaseUrl) -> DocumentLink<'a> {
    let pages = &content.pages;
    let mut top = page;
    while let Some(parent) = pages[top].parent {
        top = parent;
    }
    let page_title = match (pages[page].kind, pages[page].parent) {
        (PageKind::Chapter, Some(parent)) => {
            Cow::Owned(format!("{} — {}", pages[parent].title, pages[page].title))
        }
        _ => Cow::Borrowed(pages[page].title.as_str()),
    };
    DocumentLink {
        id: pages[top]
            .site_path
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default(),
        title: &pages[top].title,
        page_title,
        url: base.link(&pages[page].site_path),
    }
}

/// For each entity, the entries that are it or name it, in date order.
pub fn by_entity(entries: &[Entry], entities: usize) -> Vec<Vec<usize>> {
    let mut slices = vec![Vec::new(); entities];
    for (index, entry) in entries.iter().enumerate() {
        for entity in entry.entity.iter().chain(&entry.mentions) {
            if slices[*entity].last() != Some(&index) {
                slices[*entity].push(index);
            }
        }
    }
    slices
}

/// How many events and groups a year's section of the timeline's page shows at most; the
/// rest, and the statements and the births and deaths, are on the year's own page.
pub const LEAD_PER_YEAR: usize = 40;

/// The entries of a year, for the page.
#[derive(Debug, Clone, Serialize)]
pub struct YearView<'a> {
    pub year: i32,
    pub id: String,
    pub entries: Vec<&'a EntryView<'a>>,
    /// How many entries the year has, shown or not.
    pub total: usize,
    /// Outside the collection's `period`: its entries folded.
    pub outside: bool,
    /// On the timeline's page, where a year shows its events and groups: what its own page
    /// adds.
    pub more: Option<YearMore>,
}

/// What a year's own page holds beyond the section of the timeline's page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct YearMore {
    /// The year's page.
    pub url: String,
    pub statements: usize,
    pub lives: usize,
    /// Events and groups beyond the first `LEAD_PER_YEAR`.
    pub others: usize,
    /// Every entry of the year.
    pub total: usize,
}

impl<'a> YearView<'a> {
    /// The year as the timeline's page shows it: its first events and groups, and what its
    /// own page at `url` adds (none, when it adds nothing).
    pub fn lead(&self, url: String) -> YearView<'a> {
        let curated = |e: &&&EntryView| matches!(e.kind, EntryKind::Event | EntryKind::Group);
        let entries: Vec<&EntryView> = (self.entries.iter().filter(curated))
            .take(LEAD_PER_YEAR)
            .copied()
            .collect();
        let count = |filter: &str| self.entries.iter().filter(|e| e.filter == filter).count();
        let more = YearMore {
            url,
            statements: count("statement"),
            lives: count("life"),
            others: self.entries.iter().filter(curated).count() - entries.len(),
            total: self.entries.len(),
        };
        YearView {
            year: self.year,
            id: self.id.clone(),
            total: self.total,
            outside: self.outside,
            more: (more.total > entries.len()).then_some(more),
            entries,
        }
    }
}

/// The entries year by year: the views are in date order, so each year's are one run.
pub fn by_year<'a>(views: &'a [EntryView<'a>], period: Option<(i32, i32)>) -> Vec<YearView<'a>> {
    views
        .chunk_by(|a, b| a.year == b.year)
        .map(|entries| YearView {
            year: entries[0].year,
            id: format!("y-{}", entries[0].year),
            entries: entries.iter().collect(),
            total: entries.len(),
            outside: period
                .is_some_and(|(start, end)| entries[0].year < start || entries[0].year > end),
            more: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::DatedField;
    use crate::entity::test_support::{entity, registry};

    fn dated(
        mut e: crate::entity::Entity,
        field: &'static str,
        edtf: &str,
    ) -> crate::entity::Entity {
        let date = HistoricalDate::parse(edtf).unwrap();
        e.dates.push(DatedField {
            field,
            human: date.human(),
            date,
            old_style: None,
        });
        e
    }

    #[test]
    fn registry_entries_are_placed_at_their_dates_in_order() {
        let registry = registry(vec![
            dated(
                entity("event", "tenth", "Tenth Congress", &[]),
                "date",
                "1921-03-08/1921-03-16",
            ),
            dated(
                entity("event", "brest", "Brest-Litovsk", &[]),
                "date",
                "1918-03-03",
            ),
            dated(
                dated(
                    entity("group", "wg", "Workers' Group", &[]),
                    "founded",
                    "1923-02",
                ),
                "dissolved",
                "1930~",
            ),
            dated(
                entity("person", "lenin", "V. I. Lenin", &[]),
                "born",
                "1870-04-22",
            ),
        ]);
        let (matcher, _) = Matcher::new(&registry);
        let entries = assemble((&registry, &matcher, &[]), &Content::default(), Vec::new());
        let order: Vec<(EntryKind, String)> =
            entries.iter().map(|e| (e.kind, e.date.human())).collect();
        assert_eq!(
            order,
            [
                (EntryKind::Birth, "22 April 1870".to_string()),
                (EntryKind::Event, "3 March 1918".to_string()),
                (EntryKind::Event, "8–16 March 1921".to_string()),
                (EntryKind::Group, "February 1923–1930".to_string()),
            ]
        );
        assert!(entries[3].concerns(registry.get(EntityKind::Group, "wg").unwrap()));
    }

    #[test]
    fn excerpts_are_cut_at_sixty_words_but_not_inside_a_quotation() {
        let long = vec!["word"; 70].join(" ");
        assert!(excerpt(&long).ends_with("word …"));
        assert_eq!(excerpt("A  short\nsentence."), "A short sentence.");
        let quoted = format!(
            "{} “{}” {}",
            ["said"; 40].join(" "),
            ["quoted"; 30].join(" "),
            ["after"; 10].join(" ")
        );
        let cut = excerpt(&quoted);
        assert!(cut.ends_with("said …"), "{cut}");
        assert!(!cut.contains('“'));
    }

    #[test]
    fn an_event_gives_a_sentence_its_months() {
        let date = |edtf: &str| HistoricalDate::parse(edtf).unwrap();
        assert_eq!(
            months_of(&date("1924-01-16/1924-01-18")).unwrap().human(),
            "January 1924"
        );
        assert_eq!(
            months_of(&date("1922-03-27/1922-04-02")).unwrap().human(),
            "March–April 1922"
        );
        assert_eq!(months_of(&date("1921")).unwrap().human(), "1921");
        assert!(opens_at("at the") && opens_at("only at the") && opens_at("by the"));
        assert!(!opens_at("a speech at the") && !opens_at("after the"));
    }

    #[test]
    fn an_excerpt_stands_alone() {
        let paragraph = "The council met at noon. It then voted to dissolve, on 5 May 1849. \
                         On 6 May the mayor wrote: “We are lost.” The troops came.";
        let at = |paragraph: &str, needle: &str| {
            let start = paragraph.find(needle).unwrap();
            (crate::text::sentence::sentences(paragraph).into_iter())
                .find(|s| s.contains(&start))
                .unwrap()
        };
        assert_eq!(
            standalone_excerpt(paragraph, at(paragraph, "It then voted"), None),
            "The council met at noon. It then voted to dissolve, on 5 May 1849."
        );
        assert_eq!(
            standalone_excerpt(paragraph, at(paragraph, "The troops"), None),
            "The troops came."
        );
        // Not a sentence before it so long that the excerpt would lose its own.
        let long = format!(
            "The council, {} and the rest, met. It voted on 5 May 1849.",
            ["the mayor, the aldermen, the clerks"; 12].join(", ")
        );
        assert_eq!(
            standalone_excerpt(&long, at(&long, "It voted"), None),
            "It voted on 5 May 1849."
        );
        // A sentence that ends on a colon takes the quotation set off after it.
        let introducing = "On 7 May 1849 the mayor wrote to the governor:";
        assert_eq!(
            standalone_excerpt(
                introducing,
                at(introducing, "On 7 May"),
                Some("We are lost; send no more men.")
            ),
            "On 7 May 1849 the mayor wrote to the governor: We are lost; send no more men."
        );
    }
}

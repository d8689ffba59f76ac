//! The registry: people, events, groups, terms and places, one file each under `content/`.
//! A kind is a variant of `EntityKind` with its spec as data (its folder, its fields, its
//! URL) and its own details, so one loader, one matcher and one set of templates serve them
//! all.

pub mod aliases;
pub mod annotate;
mod kind;
pub mod lookup;
pub mod matcher;

pub use kind::{COMMON_FIELDS, Details, EntityKind, Members};

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::reread::FileMemo;
use serde::{Deserialize, Serialize};

use crate::date::HistoricalDate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::frontmatter;
use crate::text::slugify;

/// The front matter of any registry file; which keys a kind allows is checked against
/// `KindSpec::fields`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RegistryFront {
    draft: bool,
    name: Option<String>,
    title: Option<String>,
    term: Option<String>,
    sort_name: Option<String>,
    real_name: Option<String>,
    aliases: Vec<String>,
    not_names: Vec<String>,
    summary: Option<String>,
    /// Its sources, as Markdown; a list is written as its items in turn.
    #[serde(deserialize_with = "crate::frontmatter::text_or_list")]
    source: Option<String>,
    place: Option<String>,
    kind: Option<String>,
    people: Vec<String>,
    /// An event's people and groups, by ID: kept with `people`.
    participants: Vec<String>,
    expansion: Option<String>,
    original: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    born: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    born_os: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    died: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    died_os: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    date: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    date_os: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    founded: Option<String>,
    #[serde(deserialize_with = "crate::frontmatter::date_text")]
    dissolved: Option<String>,
    region: Option<String>,
    /// `explicit`: found only where a link names it; `names` (the default): by its names.
    #[serde(rename = "match")]
    matching: Option<String>,
    wikidata: Option<String>,
    viaf: Option<String>,
    gnd: Option<String>,
    loc: Option<String>,
    extra: toml::Table,
}

/// The keys of the front matter that only some kinds have (`Details`).
struct DetailsFront {
    real_name: Option<String>,
    place: Option<String>,
    kind: Option<String>,
    /// People and, for an event, the groups of its `participants`.
    people: Vec<String>,
    /// Whether `people` was given (the line of a wrong ID is then its line).
    people_listed: bool,
    expansion: Option<String>,
    original: Option<String>,
    region: Option<String>,
}

/// A dated field of an entity: born, died, date, founded, dissolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DatedField {
    pub field: &'static str,
    pub date: HistoricalDate,
    pub old_style: Option<HistoricalDate>,
    /// For readers, with the Old Style date beside the New Style one.
    pub human: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub sort_name: String,
    pub aliases: Vec<String>,
    /// Spellings the generated variants would find that never name it ("Gorki", the estate,
    /// is no Gorky).
    pub not_names: Vec<String>,
    pub summary: Option<String>,
    /// Where its facts come from: inline Markdown, whose `doc:` links lead to the paragraphs
    /// it draws on.
    pub source: Option<String>,
    pub source_line: usize,
    /// What only its kind has; its kind is the kind of these.
    pub details: Details,
    pub dates: Vec<DatedField>,
    pub body: String,
    pub body_line: usize,
    /// Lines of the name's key and of `aliases`, for names claimed twice.
    pub name_line: usize,
    pub aliases_line: usize,
    pub path: PathBuf,
    /// Its identifiers in authority files (Wikidata, VIAF, GND, the Library of Congress), by
    /// the file's key, in that order.
    pub authorities: Vec<Authority>,
    /// Found only where a link names it (`match = "explicit"`), never by its names.
    pub explicit_only: bool,
    pub extra: toml::Table,
}

/// An entity's identifier in an authority file: how it joins other collections.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Authority {
    /// `wikidata`, `viaf`, `gnd`, `loc`.
    pub key: &'static str,
    pub id: String,
    /// The identifier's page: what schema.org's `sameAs` gives.
    pub url: String,
}

/// The authority files, with the shape of their identifiers and the address of their pages.
const AUTHORITY_FILES: [(&str, &str, &str, &str); 4] = [
    (
        "wikidata",
        r"^Q[1-9][0-9]*$",
        "https://www.wikidata.org/wiki/",
        "Q and digits: Q1394",
    ),
    (
        "viaf",
        r"^[1-9][0-9]{0,21}$",
        "https://viaf.org/viaf/",
        "digits: 101787139",
    ),
    (
        "gnd",
        r"^[0-9]{7,10}[0-9X]$|^[0-9]{1,8}-[0-9X]$",
        "https://d-nb.info/gnd/",
        "digits with a check digit: 118640445",
    ),
    (
        "loc",
        r"^(n|nb|nr|no|sh)[0-9]{6,10}$",
        "https://id.loc.gov/authorities/names/",
        "a prefix and digits: n79021383",
    ),
];

/// The authority identifiers of a registry file, each checked against its file's shape; a
/// malformed one is an error at its line.
fn read_authorities(
    front: &RegistryFront,
    path: &Path,
    at: &dyn Fn(&str) -> usize,
    diagnostics: &mut Diagnostics,
) -> Vec<Authority> {
    let given = [&front.wikidata, &front.viaf, &front.gnd, &front.loc];
    let mut authorities = Vec::new();
    for ((key, shape, base, example), value) in AUTHORITY_FILES.iter().zip(given) {
        let Some(id) = value.as_deref().map(str::trim) else {
            continue;
        };
        if regex::Regex::new(shape)
            .expect("a valid pattern")
            .is_match(id)
        {
            let suffix = if *key == "loc" { ".html" } else { "" };
            authorities.push(Authority {
                key,
                id: id.to_string(),
                url: format!("{base}{id}{suffix}"),
            });
        } else {
            diagnostics.push(
                Diagnostic::error(path, format!("`{key}` is `{id}`, which is no identifier of that file"))
                    .at_line(at(key))
                    .with_help(format!("write it as the file gives it ({example}), or leave it out: a wrong identifier joins the entry to someone else")),
            );
        }
    }
    authorities
}

impl Entity {
    pub fn kind(&self) -> EntityKind {
        self.details.kind()
    }

    /// `people/miasnikov/`, `terms/nep/`.
    pub fn site_path(&self) -> String {
        format!("{}/{}/", self.kind().folder(), self.id)
    }

    /// The date the entity sorts by in time: born, the event's date, founded.
    pub fn first_date(&self) -> Option<&HistoricalDate> {
        self.dates.first().map(|d| &d.date)
    }

    pub fn date(&self, field: &str) -> Option<&DatedField> {
        self.dates.iter().find(|d| d.field == field)
    }

    /// A person's birth name behind the name they are known by.
    pub fn real_name(&self) -> Option<&str> {
        match &self.details {
            Details::Person { real_name } => real_name.as_deref(),
            _ => None,
        }
    }

    /// Where an event took place.
    pub fn place(&self) -> Option<&str> {
        match &self.details {
            Details::Event { place, .. } => place.as_deref(),
            _ => None,
        }
    }

    /// What sort of event it is: congress, uprising, treaty …
    pub fn event_kind(&self) -> Option<&str> {
        match &self.details {
            Details::Event { event_kind, .. } => event_kind.as_deref(),
            _ => None,
        }
    }

    /// The people an event or a group names (and the groups an event's `participants`
    /// name), by ID (none for other kinds).
    pub fn members(&self) -> Option<&Members> {
        match &self.details {
            Details::Event { people, .. } | Details::Group { people } => Some(people),
            _ => None,
        }
    }

    pub fn people(&self) -> &[String] {
        self.members().map_or(&[], |m| &m.ids)
    }

    /// What a term stands for, and the term in the sources' language.
    pub fn expansion(&self) -> Option<&str> {
        match &self.details {
            Details::Term { expansion, .. } => expansion.as_deref(),
            _ => None,
        }
    }

    pub fn original(&self) -> Option<&str> {
        match &self.details {
            Details::Term { original, .. } => original.as_deref(),
            _ => None,
        }
    }

    /// Where a place lies.
    pub fn region(&self) -> Option<&str> {
        match &self.details {
            Details::Place { region } => region.as_deref(),
            _ => None,
        }
    }
}

crate::id::list_id!(
    /// An entity of the registry, by its place in `Registry::entities`: what a mention, a
    /// timeline entry or a list kept by entity names it by, never to be taken for a page's
    /// number.
    EntityId,
    "entities"
);

/// Every entity of the site, by kind and ID.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    by_key: HashMap<(EntityKind, String), EntityId>,
}

impl Registry {
    pub fn get(&self, kind: EntityKind, id: &str) -> Option<EntityId> {
        self.by_key.get(&(kind, id.to_string())).copied()
    }

    /// A person, or else a group, by ID: what an event's `participants` name.
    pub fn participant(&self, id: &str) -> Option<EntityId> {
        self.get(EntityKind::Person, id)
            .or_else(|| self.get(EntityKind::Group, id))
    }

    pub fn of_kind(&self, kind: EntityKind) -> impl Iterator<Item = (EntityId, &Entity)> + '_ {
        self.all().filter(move |(_, e)| e.kind() == kind)
    }

    /// Every entity with its id, in the registry's order.
    pub fn all(&self) -> impl Iterator<Item = (EntityId, &Entity)> + '_ {
        (self.entities.iter().enumerate()).map(|(i, entity)| (EntityId::new(i), entity))
    }

    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id]
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Loads `content/people`, `content/events`, `content/groups`, `content/terms`,
/// `content/places`.
pub fn load(
    content_dir: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    (drafts, read): (bool, &mut FileMemo<Option<Entity>>),
    diagnostics: &mut Diagnostics,
) -> Registry {
    let mut registry = Registry::default();
    let mut files: Vec<(EntityKind, PathBuf)> = Vec::new();
    for kind in EntityKind::ALL {
        let folder = content_dir.join(kind.folder());
        if !folder.is_dir() {
            continue;
        }
        let entries = walkdir::WalkDir::new(&folder)
            .max_depth(1)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| {
                entry.file_type().is_file()
                    && entry.path().extension().is_some_and(|e| e == "md")
                    && entry.file_name() != "_index.md"
            });
        files.extend(entries.map(|entry| (kind, entry.into_path())));
    }
    // Read and parsed on every core; entities and problems keep the files' order.
    let loaded: Vec<(Option<Entity>, Diagnostics)> = read.read_all(
        &files,
        drafts,
        |(_, file)| file.as_path(),
        |&(kind, ref file), found| load_entity(kind, file, shown, drafts, found),
    );
    for (&(kind, _), (entity, found)) in files.iter().zip(loaded) {
        diagnostics.extend(found);
        let Some(entity) = entity else { continue };
        let key = (kind, entity.id.clone());
        if let Some(&first) = registry.by_key.get(&key) {
            let other = registry.entities[first].path.display().to_string();
            diagnostics.push(
                Diagnostic::error(
                    &entity.path,
                    format!(
                        "the {} ID `{}` is already taken by {other}",
                        kind.key(),
                        entity.id
                    ),
                )
                .at_line(1)
                .with_help("rename one of the files"),
            );
            continue;
        }
        registry
            .by_key
            .insert(key, EntityId::new(registry.entities.len()));
        registry.entities.push(entity);
    }
    check_references(&registry, diagnostics);
    registry
}

fn load_entity(
    kind: EntityKind,
    file: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    drafts: bool,
    diagnostics: &mut Diagnostics,
) -> Option<Entity> {
    let path = shown(file);
    let spec = kind.spec();
    let allowed: Vec<&str> = spec.fields.iter().chain(COMMON_FIELDS).copied().collect();
    let parsed = frontmatter::read::<RegistryFront>(
        file,
        &path,
        &allowed,
        &format!("for a {}", spec.key),
        diagnostics,
    )?;
    let frontmatter::ContentFile {
        front,
        body,
        body_line,
        keys,
    } = parsed;
    // A draft (one `annals check --names --draft` wrote) is built only with `--drafts`.
    if front.draft && !drafts {
        return None;
    }
    let at = |key: &str| keys.line(key);
    let fm_line = keys.first_line();
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = slugify(&stem);
    if id != stem {
        diagnostics.push(
            Diagnostic::warning(&path, format!("the file name gives the ID `{id}`"))
                .with_help("name registry files with lower-case letters, digits and dashes"),
        );
    }
    // An event's `title` and a term's `term` may be written `name`, as the other kinds'.
    let name = match kind {
        EntityKind::Event => front.title.clone().or_else(|| front.name.clone()),
        EntityKind::Term => front.term.clone().or_else(|| front.name.clone()),
        EntityKind::Person | EntityKind::Group | EntityKind::Place => front.name.clone(),
    };
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        diagnostics.push(
            Diagnostic::error(
                &path,
                format!("this {} needs `{}`", spec.key, spec.name_field),
            )
            .at_line(fm_line)
            .with_help(format!(
                "add `{} = \"…\"` to the front matter",
                spec.name_field
            )),
        );
        return None;
    };
    let dates = read_dates(kind, &front, &path, &at, diagnostics);
    let authorities = read_authorities(&front, &path, &at, diagnostics);
    let explicit_only = match front.matching.as_deref() {
        None | Some("names") => false,
        Some("explicit") => true,
        Some(other) => {
            diagnostics.push(
                Diagnostic::error(
                    &path,
                    format!("`match` must be one of `names`, `explicit`; found `{other}`"),
                )
                .at_line(at("match"))
                .with_help(
                    "`explicit` links the entry only where a link names it: [text](term:ID)",
                ),
            );
            false
        }
    };
    // Each alias is judged once: kept to be matched, or reported and left out.
    let mut aliases = Vec::with_capacity(front.aliases.len());
    for alias in front.aliases {
        match unmatched_alias(&alias) {
            None => aliases.push(alias),
            Some(problem) => diagnostics.push(
                Diagnostic::warning(
                    &path,
                    format!("the alias `{alias}` {problem} and is not matched"),
                )
                .at_line(at("aliases"))
                .with_help(format!(
                    "link such names explicitly where they mean it: [text]({}:{id})",
                    spec.key
                )),
            ),
        }
    }
    Some(Entity {
        sort_name: front
            .sort_name
            .clone()
            .unwrap_or_else(|| default_sort_name(kind, &name)),
        id,
        name: name.trim().to_string(),
        aliases,
        not_names: front.not_names,
        authorities,
        explicit_only,
        summary: front.summary,
        source: front.source,
        details: read_details(
            kind,
            DetailsFront {
                real_name: front.real_name,
                place: front.place,
                kind: front.kind,
                people_listed: !front.people.is_empty(),
                people: front.people.into_iter().chain(front.participants).collect(),
                expansion: front.expansion,
                original: front.original,
                region: front.region,
            },
            &at,
        ),
        dates,
        body,
        body_line,
        source_line: at("source"),
        name_line: at(spec.name_field),
        aliases_line: at("aliases"),
        path,
        extra: front.extra,
    })
}

/// Words of every page that no alias can stand for: matched, each would name the entity
/// wherever the prose uses it.
const COMMON_WORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "with",
    "from",
    "that",
    "this",
    "these",
    "those",
    "was",
    "were",
    "are",
    "been",
    "has",
    "had",
    "have",
    "his",
    "her",
    "hers",
    "him",
    "its",
    "our",
    "their",
    "them",
    "they",
    "you",
    "who",
    "whom",
    "which",
    "what",
    "when",
    "where",
    "not",
    "but",
    "nor",
    "all",
    "any",
    "one",
    "two",
    "also",
    "into",
    "than",
    "then",
    "there",
    "here",
    "other",
    "only",
    "some",
    "such",
    "more",
    "most",
    "after",
    "before",
    "over",
    "about",
    "would",
    "will",
    "could",
    "should",
    "party",
    "что",
    "как",
    "это",
    "его",
    "она",
    "они",
    "так",
    "все",
    "был",
    "или",
    "для",
    "при",
    "уже",
    "где",
    "ещё",
    "партия",
];

/// Why an alias is not matched in the text, if it is not: too short to tell from other
/// words, or a word of every page.
fn unmatched_alias(alias: &str) -> Option<&'static str> {
    if alias.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
        return Some("is shorter than three letters");
    }
    COMMON_WORDS
        .contains(&alias.trim().to_lowercase().as_str())
        .then_some("is a common word")
}

/// What only its kind has, from the front matter's keys of that kind.
fn read_details(kind: EntityKind, front: DetailsFront, at: &dyn Fn(&str) -> usize) -> Details {
    let line = at(if front.people_listed {
        "people"
    } else {
        "participants"
    });
    let members = |ids: Vec<String>| Members { ids, line };
    match kind {
        EntityKind::Person => Details::Person {
            real_name: front.real_name,
        },
        EntityKind::Event => Details::Event {
            place: front.place,
            event_kind: front.kind,
            people: members(front.people),
        },
        EntityKind::Group => Details::Group {
            people: members(front.people),
        },
        EntityKind::Term => Details::Term {
            expansion: front.expansion,
            original: front.original,
        },
        EntityKind::Place => Details::Place {
            region: front.region,
        },
    }
}

/// "Vladimir Ilyich Lenin" sorts as "Lenin, Vladimir Ilyich"; other kinds by name.
fn default_sort_name(kind: EntityKind, name: &str) -> String {
    match (kind, name.rsplit_once(' ')) {
        (EntityKind::Person, Some((given, surname))) => format!("{surname}, {given}"),
        _ => name.to_string(),
    }
}

fn read_dates(
    kind: EntityKind,
    front: &RegistryFront,
    path: &Path,
    at: &dyn Fn(&str) -> usize,
    diagnostics: &mut Diagnostics,
) -> Vec<DatedField> {
    let value = |field: &str| -> Option<&String> {
        match field {
            "born" => front.born.as_ref(),
            "born_os" => front.born_os.as_ref(),
            "died" => front.died.as_ref(),
            "died_os" => front.died_os.as_ref(),
            "date" => front.date.as_ref(),
            "date_os" => front.date_os.as_ref(),
            "founded" => front.founded.as_ref(),
            "dissolved" => front.dissolved.as_ref(),
            _ => None,
        }
    };
    let mut parse = |field: &str| -> Option<HistoricalDate> {
        let text = value(field)?;
        match HistoricalDate::parse(text) {
            Ok(date) => Some(date),
            Err(e) => {
                diagnostics
                    .push(Diagnostic::error(path, format!("{field}: {e}")).at_line(at(field)));
                None
            }
        }
    };
    let mut dates = Vec::new();
    let mut disagreements = Vec::new();
    for &field in kind.spec().date_fields {
        let old_style = parse(&format!("{field}_os"));
        if let Some(date) = parse(field) {
            if let Some(os) = &old_style
                && !old_style_agrees(os, &date)
            {
                let os_field = format!("{field}_os");
                disagreements.push(
                    Diagnostic::warning(
                        path,
                        format!(
                            "`{os_field}` ({}) is not 10–13 days before `{field}` ({}): it is the Old Style of {}",
                            os.human(),
                            date.human(),
                            os.to_new_style().human()
                        ),
                    )
                    .at_line(at(&os_field))
                    .with_help("an Old Style (Julian) date falls 10–13 days before its New Style one (12 in the 19th century, 13 from 1900 to 1918); check both dates"),
                );
            }
            let human = date.human_with_old_style(old_style.as_ref());
            dates.push(DatedField {
                field,
                date,
                old_style,
                human,
            });
        }
    }
    diagnostics.extend(disagreements);
    dates
}

/// Whether an Old Style date stands 10 to 13 days before its New Style one, as the two
/// calendars stood apart from 1582 to 1918, where both give their days (a month or a year
/// alone has none to compare). Sources differ by a day at times; a gap outside these bounds
/// is a slip (the wrong month, the dates swapped).
fn old_style_agrees(old_style: &HistoricalDate, new_style: &HistoricalDate) -> bool {
    let pairs = [
        (old_style.start, new_style.start),
        (old_style.end, new_style.end),
    ];
    pairs.into_iter().all(|pair| match pair {
        (Some(os), Some(ns)) => {
            crate::date::old_style_gap(os, ns).is_none_or(|gap| (10..=13).contains(&gap))
        }
        _ => true,
    })
}

/// A `people` list may only name people of the registry; an event's `participants`,
/// people and groups.
fn check_references(registry: &Registry, diagnostics: &mut Diagnostics) {
    for entity in &registry.entities {
        let Some(members) = entity.members() else {
            continue;
        };
        let groups_too = entity.kind() == EntityKind::Event;
        for id in &members.ids {
            let found = if groups_too {
                registry.participant(id)
            } else {
                registry.get(EntityKind::Person, id)
            };
            if found.is_none() {
                let (folders, help) = if groups_too {
                    (
                        "content/people/ or content/groups/",
                        "use the ID of a file in content/people/ or content/groups/ (its name without .md)",
                    )
                } else {
                    (
                        "content/people/",
                        "use the ID of a file in content/people/ (its name without .md)",
                    )
                };
                diagnostics.push(
                    Diagnostic::error(
                        &entity.path,
                        format!("`people` names `{id}`, who is not in {folders}"),
                    )
                    .at_line(members.line)
                    .with_help(help),
                );
            }
        }
    }
}

/// The registry's entities grouped by kind, in each kind's reading order: people by sort
/// name, events by date, groups by founding, terms and places alphabetically.
pub fn ordered(registry: &Registry, kind: EntityKind) -> Vec<EntityId> {
    let mut indices: Vec<EntityId> = registry.of_kind(kind).map(|(i, _)| i).collect();
    let entities = &registry.entities;
    match kind {
        EntityKind::Event | EntityKind::Group => indices.sort_by(|&a, &b| {
            let key = |e: &Entity| {
                (
                    e.first_date().cloned().is_none(),
                    e.first_date().cloned(),
                    e.sort_name.to_lowercase(),
                )
            };
            key(&entities[a]).cmp(&key(&entities[b]))
        }),
        EntityKind::Person | EntityKind::Term | EntityKind::Place => {
            indices.sort_by_key(|&i| entities[i].sort_name.to_lowercase())
        }
    }
    indices
}

/// How many entities of each kind the registry has, in the kinds' order, for the summary
/// line (kinds it has none of left out).
pub fn counts(registry: &Registry) -> Vec<(EntityKind, usize)> {
    EntityKind::ALL
        .into_iter()
        .map(|kind| (kind, registry.of_kind(kind).count()))
        .filter(|&(_, count)| count > 0)
        .collect()
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// An entity as a registry file would give it, for tests of the matcher.
    pub fn entity(kind: &str, id: &str, name: &str, aliases: &[&str]) -> Entity {
        let kind = EntityKind::from_key(kind).expect("a kind");
        Entity {
            id: id.to_string(),
            sort_name: default_sort_name(kind, name),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            not_names: Vec::new(),
            summary: None,
            source: None,
            details: Details::empty(kind),
            dates: Vec::new(),
            body: String::new(),
            body_line: 1,
            source_line: 1,
            name_line: 1,
            aliases_line: 1,
            path: PathBuf::from(format!("content/{}/{id}.md", kind.folder())),
            authorities: Vec::new(),
            explicit_only: false,
            extra: toml::Table::new(),
        }
    }

    pub fn registry(entities: Vec<Entity>) -> Registry {
        let mut registry = Registry::default();
        for entity in entities {
            registry.by_key.insert(
                (entity.kind(), entity.id.clone()),
                EntityId::new(registry.entities.len()),
            );
            registry.entities.push(entity);
        }
        registry
    }
}

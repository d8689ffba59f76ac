//! The registry: people, events, groups and terms, one file each under `content/`. A kind
//! is data (its folder, its fields, its URL), so one loader, one matcher and one set of
//! templates serve them all.

pub mod aliases;
pub mod annotate;
pub mod lookup;
pub mod matcher;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::date::HistoricalDate;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::frontmatter;
use crate::text::slugify;

/// What distinguishes one kind of entity from another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// In explicit links: `[Miasnikov](person:miasnikov)`.
    pub key: &'static str,
    /// Under `content/`, and the URL of the kind's pages (`/people/ID/`).
    pub folder: &'static str,
    pub singular: &'static str,
    pub plural: &'static str,
    /// The front-matter key holding the entity's name.
    pub name_field: &'static str,
    /// Date fields, in order (the first is what the entity sorts by).
    pub date_fields: &'static [&'static str],
    /// Every key its front matter may have.
    pub fields: &'static [&'static str],
    /// Whether each entity has its own page (terms share the glossary).
    pub own_pages: bool,
}

const COMMON: &[&str] = &["aliases", "not_names", "summary", "source", "extra"];

pub const KINDS: [Kind; 4] = [
    Kind {
        key: "person",
        folder: "people",
        singular: "Person",
        plural: "People",
        name_field: "name",
        date_fields: &["born", "died"],
        fields: &[
            "name",
            "sort_name",
            "real_name",
            "born",
            "born_os",
            "died",
            "died_os",
        ],
        own_pages: true,
    },
    Kind {
        key: "event",
        folder: "events",
        singular: "Event",
        plural: "Events",
        name_field: "title",
        date_fields: &["date"],
        fields: &["title", "date", "date_os", "place", "kind", "people"],
        own_pages: true,
    },
    Kind {
        key: "group",
        folder: "groups",
        singular: "Group",
        plural: "Groups",
        name_field: "name",
        date_fields: &["founded", "dissolved"],
        fields: &["name", "founded", "dissolved", "people"],
        own_pages: true,
    },
    Kind {
        key: "term",
        folder: "terms",
        singular: "Term",
        plural: "Glossary",
        name_field: "term",
        date_fields: &[],
        fields: &["term", "expansion", "original"],
        own_pages: false,
    },
];

pub fn kind_by_key(key: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.key == key)
}

/// The front matter of any registry file; which keys a kind allows is checked against
/// `Kind::fields`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RegistryFront {
    name: Option<String>,
    title: Option<String>,
    term: Option<String>,
    sort_name: Option<String>,
    real_name: Option<String>,
    aliases: Vec<String>,
    not_names: Vec<String>,
    summary: Option<String>,
    source: Option<String>,
    place: Option<String>,
    kind: Option<String>,
    people: Vec<String>,
    expansion: Option<String>,
    original: Option<String>,
    born: Option<String>,
    born_os: Option<String>,
    died: Option<String>,
    died_os: Option<String>,
    date: Option<String>,
    date_os: Option<String>,
    founded: Option<String>,
    dissolved: Option<String>,
    extra: toml::Table,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    #[serde(skip)]
    pub kind: &'static Kind,
    pub id: String,
    pub name: String,
    pub sort_name: String,
    pub aliases: Vec<String>,
    /// Spellings the generated variants would find that never name it ("Gorki", the estate,
    /// is no Gorky).
    pub not_names: Vec<String>,
    pub real_name: Option<String>,
    pub summary: Option<String>,
    pub source: Option<String>,
    pub place: Option<String>,
    /// For events: congress, uprising, treaty …
    pub event_kind: Option<String>,
    pub people: Vec<String>,
    pub expansion: Option<String>,
    pub original: Option<String>,
    pub dates: Vec<DatedField>,
    pub body: String,
    #[serde(skip)]
    pub body_line: usize,
    /// Line of the `people` key, for errors in the list.
    #[serde(skip)]
    pub people_line: usize,
    /// Lines of the name's key and of `aliases`, for names claimed twice.
    #[serde(skip)]
    pub name_line: usize,
    #[serde(skip)]
    pub aliases_line: usize,
    #[serde(skip)]
    pub path: PathBuf,
    pub extra: toml::Table,
}

impl Entity {
    /// `people/miasnikov/`, or `glossary/#nep` for a term.
    pub fn site_path(&self) -> String {
        if self.kind.own_pages {
            format!("{}/{}/", self.kind.folder, self.id)
        } else {
            format!("glossary/#{}", self.id)
        }
    }

    /// The date the entity sorts by in time: born, the event's date, founded.
    pub fn first_date(&self) -> Option<&HistoricalDate> {
        self.dates.first().map(|d| &d.date)
    }

    pub fn date(&self, field: &str) -> Option<&DatedField> {
        self.dates.iter().find(|d| d.field == field)
    }
}

/// Every entity of the site, by kind and ID.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub entities: Vec<Entity>,
    by_key: HashMap<(&'static str, String), usize>,
}

impl Registry {
    pub fn get(&self, kind: &str, id: &str) -> Option<usize> {
        self.by_key
            .get(&(kind_by_key(kind).map_or("", |k| k.key), id.to_string()))
            .copied()
    }

    pub fn of_kind<'a>(&'a self, kind: &'a Kind) -> impl Iterator<Item = (usize, &'a Entity)> + 'a {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind.key == kind.key)
    }

    pub fn of_kind_key<'a>(
        &'a self,
        key: &'a str,
    ) -> impl Iterator<Item = (usize, &'a Entity)> + 'a {
        self.entities
            .iter()
            .enumerate()
            .filter(move |(_, e)| e.kind.key == key)
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// Loads `content/people`, `content/events`, `content/groups`, `content/terms`.
pub fn load(
    content_dir: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    diagnostics: &mut Diagnostics,
) -> Registry {
    let mut registry = Registry::default();
    for kind in &KINDS {
        let folder = content_dir.join(kind.folder);
        if !folder.is_dir() {
            continue;
        }
        let files: Vec<PathBuf> = walkdir::WalkDir::new(&folder)
            .max_depth(1)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|entry| {
                entry.file_type().is_file()
                    && entry.path().extension().is_some_and(|e| e == "md")
                    && entry.file_name() != "_index.md"
            })
            .map(|entry| entry.into_path())
            .collect();
        // Read and parsed on every core; entities and problems keep the files' order.
        let loaded: Vec<(Option<Entity>, Diagnostics)> = files
            .par_iter()
            .map(|file| {
                let mut found = Diagnostics::default();
                (load_entity(kind, file, shown, &mut found), found)
            })
            .collect();
        for (entity, found) in loaded {
            diagnostics.extend(found);
            let Some(entity) = entity else { continue };
            let key = (kind.key, entity.id.clone());
            if let Some(&first) = registry.by_key.get(&key) {
                let other = registry.entities[first].path.display().to_string();
                diagnostics.push(
                    Diagnostic::error(
                        &entity.path,
                        format!(
                            "the {} ID `{}` is already taken by {other}",
                            kind.key, entity.id
                        ),
                    )
                    .at_line(1)
                    .with_help("rename one of the files"),
                );
                continue;
            }
            registry.by_key.insert(key, registry.entities.len());
            registry.entities.push(entity);
        }
    }
    check_references(&registry, diagnostics);
    registry
}

fn load_entity(
    kind: &'static Kind,
    file: &Path,
    shown: &(dyn Fn(&Path) -> PathBuf + Sync),
    diagnostics: &mut Diagnostics,
) -> Option<Entity> {
    let path = shown(file);
    let allowed: Vec<&str> = kind.fields.iter().chain(COMMON).copied().collect();
    let parsed = frontmatter::read::<RegistryFront>(
        file,
        &path,
        &allowed,
        &format!("for a {}", kind.key),
        diagnostics,
    )?;
    let frontmatter::ContentFile {
        front,
        body,
        body_line,
        keys,
    } = parsed;
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
    let name = match kind.name_field {
        "title" => front.title.clone(),
        "term" => front.term.clone(),
        _ => front.name.clone(),
    };
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        diagnostics.push(
            Diagnostic::error(
                &path,
                format!("this {} needs `{}`", kind.key, kind.name_field),
            )
            .at_line(fm_line)
            .with_help(format!(
                "add `{} = \"…\"` to the front matter",
                kind.name_field
            )),
        );
        return None;
    };
    let dates = read_dates(kind, &front, &path, &at, diagnostics);
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
                    kind.key
                )),
            ),
        }
    }
    Some(Entity {
        kind,
        sort_name: front
            .sort_name
            .clone()
            .unwrap_or_else(|| default_sort_name(kind, &name)),
        id,
        name: name.trim().to_string(),
        aliases,
        not_names: front.not_names,
        real_name: front.real_name,
        summary: front.summary,
        source: front.source,
        place: front.place,
        event_kind: front.kind,
        people: front.people,
        expansion: front.expansion,
        original: front.original,
        dates,
        body,
        body_line,
        people_line: at("people"),
        name_line: at(kind.name_field),
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

/// "Vladimir Ilyich Lenin" sorts as "Lenin, Vladimir Ilyich"; events and groups by name.
fn default_sort_name(kind: &Kind, name: &str) -> String {
    match (kind.key, name.rsplit_once(' ')) {
        ("person", Some((given, surname))) => format!("{surname}, {given}"),
        _ => name.to_string(),
    }
}

fn read_dates(
    kind: &Kind,
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
    for &field in kind.date_fields {
        let old_style = parse(&format!("{field}_os"));
        if let Some(date) = parse(field) {
            let human = date.human_with_old_style(old_style.as_ref());
            dates.push(DatedField {
                field,
                date,
                old_style,
                human,
            });
        }
    }
    dates
}

/// A `people` list may only name people of the registry.
fn check_references(registry: &Registry, diagnostics: &mut Diagnostics) {
    for entity in &registry.entities {
        for id in &entity.people {
            if registry.get("person", id).is_none() {
                diagnostics.push(
                    Diagnostic::error(
                        &entity.path,
                        format!("`people` names `{id}`, who is not in content/people/"),
                    )
                    .at_line(entity.people_line)
                    .with_help("use the ID of a file in content/people/ (its name without .md)"),
                );
            }
        }
    }
}

/// The registry's entities grouped by kind, in each kind's reading order: people by sort
/// name, events by date, groups by founding, terms alphabetically.
pub fn ordered(registry: &Registry, kind: &Kind) -> Vec<usize> {
    let mut indices: Vec<usize> = registry.of_kind(kind).map(|(i, _)| i).collect();
    let entities = &registry.entities;
    match kind.key {
        "event" | "group" => indices.sort_by(|&a, &b| {
            let key = |e: &Entity| {
                (
                    e.first_date().cloned().is_none(),
                    e.first_date().cloned(),
                    e.sort_name.to_lowercase(),
                )
            };
            key(&entities[a]).cmp(&key(&entities[b]))
        }),
        _ => indices.sort_by_key(|&i| entities[i].sort_name.to_lowercase()),
    }
    indices
}

/// Count by kind, for the summary line.
pub fn counts(registry: &Registry) -> BTreeMap<&'static str, usize> {
    let mut counts = BTreeMap::new();
    for entity in &registry.entities {
        *counts.entry(entity.kind.folder).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;

    /// An entity as a registry file would give it, for tests of the matcher.
    pub fn entity(kind: &str, id: &str, name: &str, aliases: &[&str]) -> Entity {
        let kind = kind_by_key(kind).expect("a kind");
        Entity {
            kind,
            id: id.to_string(),
            sort_name: default_sort_name(kind, name),
            name: name.to_string(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            not_names: Vec::new(),
            real_name: None,
            summary: None,
            source: None,
            place: None,
            event_kind: None,
            people: Vec::new(),
            expansion: None,
            original: None,
            dates: Vec::new(),
            body: String::new(),
            body_line: 1,
            people_line: 1,
            name_line: 1,
            aliases_line: 1,
            path: PathBuf::from(format!("content/{}/{id}.md", kind.folder)),
            extra: toml::Table::new(),
        }
    }

    pub fn registry(entities: Vec<Entity>) -> Registry {
        let mut registry = Registry::default();
        for entity in entities {
            registry.by_key.insert(
                (entity.kind.key, entity.id.clone()),
                registry.entities.len(),
            );
            registry.entities.push(entity);
        }
        registry
    }
}

//! The kinds of entity and what each has of its own. A kind is a variant of `EntityKind`:
//! what differs between kinds is matched on it, so a new kind is a compile error wherever it
//! must be decided (its spec here, its details, its place on the index pages, its schema.org
//! type). ARCHITECTURE.md lists the steps.

use serde::Serialize;

/// A kind of entity of the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Event,
    Group,
    Place,
    Term,
}

/// What distinguishes one kind of entity from another, as data.
#[derive(Debug, PartialEq, Eq)]
pub struct KindSpec {
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
    /// The keys of its front matter beyond those every entity has (`COMMON_FIELDS`).
    pub fields: &'static [&'static str],
    /// Whether each entity has its own page (terms share the glossary).
    pub own_pages: bool,
}

/// The front-matter keys every kind has.
pub const COMMON_FIELDS: &[&str] = &[
    "draft",
    "aliases",
    "not_names",
    "match",
    "summary",
    "source",
    "wikidata",
    "viaf",
    "gnd",
    "loc",
    "extra",
];

const PERSON: KindSpec = KindSpec {
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
};

const EVENT: KindSpec = KindSpec {
    key: "event",
    folder: "events",
    singular: "Event",
    plural: "Events",
    name_field: "title",
    date_fields: &["date"],
    fields: &[
        "title",
        "name",
        "date",
        "date_os",
        "place",
        "kind",
        "people",
        "participants",
    ],
    own_pages: true,
};

const GROUP: KindSpec = KindSpec {
    key: "group",
    folder: "groups",
    singular: "Group",
    plural: "Groups",
    name_field: "name",
    date_fields: &["founded", "dissolved"],
    fields: &["name", "founded", "dissolved", "people"],
    own_pages: true,
};

const TERM: KindSpec = KindSpec {
    key: "term",
    folder: "terms",
    singular: "Term",
    plural: "Glossary",
    name_field: "term",
    date_fields: &[],
    fields: &["term", "name", "expansion", "original"],
    own_pages: true,
};

const PLACE: KindSpec = KindSpec {
    key: "place",
    folder: "places",
    singular: "Place",
    plural: "Places",
    name_field: "name",
    date_fields: &[],
    fields: &["name", "sort_name", "region"],
    own_pages: true,
};

impl EntityKind {
    /// Every kind, in the order the registry loads them and the site lists them.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Person,
        EntityKind::Event,
        EntityKind::Group,
        EntityKind::Place,
        EntityKind::Term,
    ];

    pub const fn spec(self) -> &'static KindSpec {
        match self {
            EntityKind::Person => &PERSON,
            EntityKind::Event => &EVENT,
            EntityKind::Group => &GROUP,
            EntityKind::Term => &TERM,
            EntityKind::Place => &PLACE,
        }
    }

    /// The kind an explicit link's scheme names: `person` in `person:miasnikov`.
    pub fn from_key(key: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The kinds with a page for each entity (all but terms, which share the glossary).
    /// Whether the documents report on the kind's entities: people, events, groups and
    /// places stand on the timeline and in its filters, date the sentences that name them,
    /// and are listed as the names a page holds; terms, which a sentence uses rather than
    /// reports on, are not.
    pub fn in_chronology(self) -> bool {
        self != EntityKind::Term
    }

    /// Where the kind's entities are listed: their folder (`people/`), or for terms the
    /// glossary, which gives each term's definition in place.
    pub fn list_folder(self) -> &'static str {
        match self {
            EntityKind::Term => "glossary",
            _ => self.folder(),
        }
    }

    pub fn with_own_pages() -> impl Iterator<Item = EntityKind> {
        EntityKind::ALL.into_iter().filter(|k| k.own_pages())
    }

    pub fn key(self) -> &'static str {
        self.spec().key
    }

    pub fn folder(self) -> &'static str {
        self.spec().folder
    }

    pub fn singular(self) -> &'static str {
        self.spec().singular
    }

    pub fn plural(self) -> &'static str {
        self.spec().plural
    }

    pub fn own_pages(self) -> bool {
        self.spec().own_pages
    }
}

/// What an entity has that only its kind has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Details {
    Person {
        /// A birth name behind a party name: "Bronstein" for Trotsky.
        real_name: Option<String>,
    },
    Event {
        place: Option<String>,
        /// Congress, uprising, treaty …
        event_kind: Option<String>,
        people: Members,
    },
    Group {
        people: Members,
    },
    Term {
        /// What an abbreviation stands for: "New Economic Policy" for NEP.
        expansion: Option<String>,
        /// The word in the sources' language: "Новая экономическая политика".
        original: Option<String>,
    },
    Place {
        /// Where it lies, in the editor's words: "Perm Governorate, Russia".
        region: Option<String>,
    },
}

/// The people of the registry an event or a group names (`people = ["miasnikov"]`), by ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Members {
    pub ids: Vec<String>,
    /// The line of the `people` key, for errors in the list.
    pub line: usize,
}

impl Details {
    pub fn kind(&self) -> EntityKind {
        match self {
            Details::Person { .. } => EntityKind::Person,
            Details::Event { .. } => EntityKind::Event,
            Details::Group { .. } => EntityKind::Group,
            Details::Term { .. } => EntityKind::Term,
            Details::Place { .. } => EntityKind::Place,
        }
    }

    /// Empty details of a kind, as a test or a generated entity starts from.
    pub fn empty(kind: EntityKind) -> Details {
        match kind {
            EntityKind::Person => Details::Person { real_name: None },
            EntityKind::Event => Details::Event {
                place: None,
                event_kind: None,
                people: Members::default(),
            },
            EntityKind::Group => Details::Group {
                people: Members::default(),
            },
            EntityKind::Term => Details::Term {
                expansion: None,
                original: None,
            },
            EntityKind::Place => Details::Place { region: None },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_may_link_to_every_kind_by_its_key() {
        for kind in EntityKind::ALL {
            assert!(
                crate::markdown::LINKABLE_SCHEMES.contains(&kind.key()),
                "{}: is missing from markdown::LINKABLE_SCHEMES",
                kind.key()
            );
        }
    }

    #[test]
    fn every_kind_has_its_own_key_and_folder_and_is_found_by_its_key() {
        for kind in EntityKind::ALL {
            assert_eq!(EntityKind::from_key(kind.key()), Some(kind));
            assert_eq!(Details::empty(kind).kind(), kind);
            let same_folder = EntityKind::ALL
                .iter()
                .filter(|k| k.folder() == kind.folder());
            assert_eq!(same_folder.count(), 1, "{kind:?}");
        }
        assert_eq!(EntityKind::from_key("people"), None);
    }
}

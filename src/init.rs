//! `annals init DIR`: a minimal new site that builds at once.

use std::path::Path;

use anyhow::{Context, bail};

use crate::entity::EntityKind;

const SITE_TOML: &str = r#"# The settings of this documentary collection.
title = "A documentary collection"
description = "Source documents with their notes."
# Where the site will live: "/" at a domain's root, or "https://example.org/collection/".
base_url = "/"
language = "en"
"#;

const HOME: &str = r#"+++
title = "A documentary collection"
+++

This collection publishes its source documents with their notes. Add documents to
`content/documents/`, one Markdown file each, or a folder with an `_index.md` for a book.
"#;

const FIRST_DOCUMENT: &str = r#"+++
title = "A first document"
authors = ["The editor"]
date = "1923-02"
publication = "Where and when the original appeared, as a full citation."
rights = "Public domain"
summary = "A sample document: replace it with a source of your collection."
+++

A source document keeps its notes as Markdown footnotes.[^1] A note cited twice gets a
back link to each place that cites it.[^1]

## A section

Every paragraph and heading gets an id, so other pages can link to it.[^2] The people and
events of the registry are found wherever the documents name them: Ada Example wrote to the
First Example Congress on 12 March 1923, and both pages list this paragraph.

[^1]: The first note, with its source.
[^2]: The second note.
"#;

const FIRST_PERSON: &str = r#"+++
name = "Ada Example"
aliases = ["A. Example"]
born = "1890"
died = "1960"
summary = "A sample person: replace her with the people of your collection."
+++

A biography, in the words of its source, naming that source.
"#;

const FIRST_EVENT: &str = r#"+++
title = "First Example Congress"
date = "1923-03-10/1923-03-14"
place = "Example City"
kind = "congress"
people = ["ada-example"]
summary = "A sample event: replace it with the events of your collection."
+++

What happened, and the sources that say so.
"#;

pub fn init(dir: &Path) -> anyhow::Result<()> {
    if dir.exists() {
        let mut entries =
            std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
        if entries.next().is_some() {
            bail!(
                "{} is not empty: `annals init` only writes into a new or empty folder",
                dir.display()
            );
        }
    }
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("documents"))
        .with_context(|| format!("cannot create {}", content.display()))?;
    for kind in EntityKind::ALL {
        std::fs::create_dir_all(content.join(kind.folder()))?;
    }
    let files = [
        (dir.join("site.toml"), SITE_TOML),
        (content.join("_index.md"), HOME),
        (
            content.join("documents").join("first-document.md"),
            FIRST_DOCUMENT,
        ),
        (content.join("people").join("ada-example.md"), FIRST_PERSON),
        (
            content.join("events").join("first-example-congress.md"),
            FIRST_EVENT,
        ),
    ];
    for (path, text) in files {
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_a_folder_with_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x"), "").unwrap();
        assert!(init(dir.path()).is_err());
    }
}

//! What the build checks of the site as a whole once every page is read, beside what each
//! stage reports of its own input: pages standing where annals makes its own, surnames
//! their context did not settle, `doc:` links to documents or ids the collection lacks.

use std::collections::HashMap;
use std::path::Path;

use crate::analyse::PageAnalysis;
use crate::config::Config;
use crate::content::{Content, PageId};
use crate::data;
use crate::diagnostic::Diagnostic;
use crate::entity::{EntityKind, Registry};
use crate::markdown::{Rendered, ShortText, is_generated_id};
use crate::render::entities::GLOSSARY;
use crate::render::sources::SOURCES_DIR;
use crate::render::timeline::TIMELINE_DIR;
use crate::search;
use crate::text::nearest;

/// A page of `content/` in a folder that annals fills itself (`content/people.md` at
/// `/people/`) would be overwritten by the generated page, or stand among them.
pub fn pages_among_generated(content: &Content, config: &Config) -> Vec<Diagnostic> {
    let generated: Vec<&str> = EntityKind::with_own_pages()
        .map(EntityKind::folder)
        .chain([GLOSSARY, TIMELINE_DIR, SOURCES_DIR, data::DATA_DIR])
        .chain(config.search.then_some(search::SEARCH_DIR))
        .collect();
    content
        .pages
        .iter()
        .filter_map(|page| {
            let folder = page.site_path.split('/').next()?;
            generated.contains(&folder).then(|| {
                Diagnostic::error(
                    &page.path,
                    format!(
                        "this page would be published at /{}, where annals makes its own pages ({folder}/)",
                        page.site_path
                    ),
                )
                .at_line(1)
                .with_help("rename the file, or give it another `slug`")
            })
        })
        .collect()
}

/// One warning for each ambiguous surname on a page: where it first stands, how often, and
/// who it could be.
pub fn unresolved_warnings(registry: &Registry, pages: &[PageAnalysis]) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for page in pages {
        let mut seen: Vec<(&str, usize, &crate::entity::matcher::Unresolved)> = Vec::new();
        for unresolved in &page.names.unresolved {
            match seen
                .iter_mut()
                .find(|(name, _, _)| *name == unresolved.name)
            {
                Some(entry) => entry.1 += 1,
                None => seen.push((&unresolved.name, 1, unresolved)),
            }
        }
        for (name, count, first) in seen {
            let ids: Vec<&str> = first
                .candidates
                .iter()
                .map(|&c| registry.entities[c].id.as_str())
                .collect();
            let times = if count == 1 {
                String::new()
            } else {
                format!(" ({count} times on this page)")
            };
            warnings.push(
                Diagnostic::warning(
                    &first.path,
                    format!(
                        "`{name}`{times} could be any of {}; it is not linked",
                        ids.join(", ")
                    ),
                )
                .at_line(first.line)
                .with_help({
                    let entity = &registry.entities[first.candidates[0]];
                    let kind = entity.kind();
                    format!(
                        "name the {} in full once in the section, or link it: [{name}]({}:{})",
                        kind.spec().singular.to_lowercase(),
                        kind.key(),
                        entity.id
                    )
                }),
            );
        }
    }
    warnings
}

/// A warning for each `doc:` link to a document the collection does not have, or to an id
/// its page does not have.
/// The pages' links are read as they were rendered, the registry's from its entries' texts.
pub fn broken_document_links(
    content: &Content,
    pages: &[PageAnalysis],
    (registry, registry_texts): (&Registry, &[ShortText]),
) -> Vec<Diagnostic> {
    let by_path: HashMap<&str, PageId> = content
        .pages()
        .map(|(id, page)| (page.site_path.as_str(), id))
        .collect();
    let in_pages = content
        .pages
        .iter()
        .zip(pages)
        .map(|(page, r)| (&page.path, &r.rendered.document_links[..]));
    let in_registry = (registry.entities.iter())
        .zip(registry_texts)
        .map(|(entity, text)| (&entity.path, &text.document_links[..]));
    let mut warnings = Vec::new();
    for (path, links) in in_pages.chain(in_registry) {
        for link in links.iter() {
            let (problem, help) = match by_path.get(link.site_path().as_str()) {
                None => (
                    format!(
                        "the link `doc:{}` names a document the collection does not have",
                        link.document
                    ),
                    document_link_help(content, &link.document),
                ),
                Some(&target)
                    if !link.fragment.is_empty()
                        && !pages[target].rendered.has_id(&link.fragment) =>
                {
                    (
                        format!(
                            "the link `doc:{}#{}` names an id its document does not have",
                            link.document, link.fragment
                        ),
                        match nearest_id(&pages[target].rendered, &link.fragment) {
                            Some(id) => format!("did you mean `doc:{}#{id}`?", link.document),
                            None => "after `#` name a paragraph (`p-3`), a heading or a note \
                                     (`fn-2`) of the document: its page shows each paragraph's \
                                     id in its link"
                                .to_string(),
                        },
                    )
                }
                Some(_) => continue,
            };
            let warning = Diagnostic::warning(path, problem).with_help(help);
            warnings.push(match link.column {
                Some(column) => warning.at(link.line, column),
                None => warning.at_line(link.line),
            });
        }
    }
    warnings
}

/// A warning for each link of a registry entry's text whose address a page may not hold
/// (a document's own are reported as its page renders).
pub fn refused_registry_links(
    registry: &Registry,
    registry_texts: &[ShortText],
) -> Vec<Diagnostic> {
    (registry.entities.iter())
        .zip(registry_texts)
        .flat_map(|(entity, text)| {
            text.refused_links.iter().map(|(url, line, column)| {
                let (problem, help) = crate::markdown::refused_link_problem(url);
                Diagnostic::warning(&entity.path, problem)
                    .at(*line, *column)
                    .with_help(help)
            })
        })
        .collect()
}

/// The id of the page's headings, paragraphs and notes nearest to `wanted`: the same but for
/// case and accents ("the-hotel-de-ville" for "the-hôtel-de-ville"), else, for a heading's
/// id, a slip of a letter or two. A numbered id (`p-40`, `fn-12`) a digit off is another
/// paragraph or note, not the one meant.
fn nearest_id<'a>(page: &'a Rendered, wanted: &str) -> Option<&'a str> {
    let ids = page
        .toc
        .iter()
        .map(|entry| entry.id.as_str())
        .chain(page.texts.iter().map(|text| text.anchor.as_str()))
        .chain(page.notes.iter().map(|note| note.id.as_str()));
    // Compared as the search index compares words: without case or Latin accents.
    let fold = |id: &str| search::words::words(id).join("-");
    let folded: Vec<(String, &str)> = ids.map(|id| (fold(id), id)).collect();
    let slips = |id: &str| match is_generated_id(wanted) {
        true => 0,
        false => 2.min(id.chars().count() / 3),
    };
    let near = nearest(&fold(wanted), folded.iter().map(|(f, _)| f.as_str()), slips)?;
    folded.iter().find(|(f, _)| f == near).map(|&(_, id)| id)
}

/// What to write instead of `doc:PATH`: the document's path in the site, which its `slug`
/// may make differ from its file's path.
fn document_link_help(content: &Content, document: &str) -> String {
    let document = document.strip_suffix(".md").unwrap_or(document);
    let file = Path::new("documents").join(format!("{document}.md"));
    match content.pages.iter().find(|page| page.path.ends_with(&file)) {
        Some(page) => format!(
            "{} lives at `doc:{}`",
            page.path.display(),
            page.site_path
                .trim_start_matches("documents/")
                .trim_end_matches('/')
        ),
        None => "a `doc:` link takes the document's path in the site after documents/ \
                 (`doc:avrich-1984`, `doc:book/chapter`), as its page's address shows it"
            .to_string(),
    }
}

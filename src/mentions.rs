//! The mentions of each entity across the site, for its page: grouped by document in
//! reading order, with the entities most often mentioned alongside.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use crate::analyse::PageAnalysis;
use crate::content::{Content, PageId};
use crate::entity::EntityId;
use crate::entity::matcher::Mention;

/// Where a page's mentions came from: the page's index and its body, whose mentions are in
/// reading order.
pub struct PageMentions<'a> {
    pub page: PageId,
    pub body: &'a PageAnalysis,
}

/// The mentions of the documents, page by page in reading order.
pub fn source_pages<'r>(content: &Content, pages: &'r [PageAnalysis]) -> Vec<PageMentions<'r>> {
    content
        .sources()
        .into_iter()
        .map(|page| PageMentions {
            page,
            body: &pages[page],
        })
        .collect()
}

/// For each entity: its mentions as (page, mention), pages in the order given.
pub fn by_entity<'a>(
    pages: &[PageMentions<'a>],
    entities: usize,
) -> Vec<Vec<(PageId, &'a Mention)>> {
    let mut index: Vec<Vec<(PageId, &Mention)>> = vec![Vec::new(); entities];
    for page in pages {
        for mention in page.body.mentions() {
            index[mention.entity].push((page.page, mention));
        }
    }
    index
}

/// For every entity, the entities mentioned in the same paragraphs, most often first: one
/// pass over the site's paragraphs, counting each pair once per paragraph.
pub fn alongside_all(pages: &[PageMentions], entities: usize) -> Vec<Vec<(EntityId, usize)>> {
    let mut counts: Vec<FxHashMap<EntityId, usize>> = vec![FxHashMap::default(); entities];
    for page in pages {
        let mut by_anchor: BTreeMap<&str, Vec<EntityId>> = BTreeMap::new();
        for mention in page.body.mentions() {
            by_anchor
                .entry(page.body.anchor(mention))
                .or_default()
                .push(mention.entity);
        }
        for mut named in by_anchor.into_values() {
            named.sort_unstable();
            named.dedup();
            for &a in &named {
                for &b in named.iter().filter(|&&b| b != a) {
                    *counts[a].entry(b).or_insert(0) += 1;
                }
            }
        }
    }
    counts
        .into_iter()
        .map(|map| {
            let mut list: Vec<(EntityId, usize)> = map.into_iter().collect();
            list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            list
        })
        .collect()
}

//! The mentions of each entity across the site, for its page: grouped by document in
//! reading order, with the entities most often mentioned alongside.

use std::collections::{BTreeMap, HashMap};

use super::matcher::Mention;

/// Where a page's mentions came from: the page's index and its mentions in reading order.
pub struct PageMentions<'a> {
    pub page: usize,
    pub mentions: &'a [Mention],
}

/// For each entity: its mentions as (page, mention), pages in the order given.
pub fn by_entity<'a>(
    pages: &[PageMentions<'a>],
    entities: usize,
) -> Vec<Vec<(usize, &'a Mention)>> {
    let mut index: Vec<Vec<(usize, &Mention)>> = vec![Vec::new(); entities];
    for page in pages {
        for mention in page.mentions {
            index[mention.entity].push((page.page, mention));
        }
    }
    index
}

/// The entities mentioned in the same paragraphs as `entity`, most often first.
pub fn alongside(pages: &[PageMentions], entity: usize) -> Vec<(usize, usize)> {
    let mut counts: HashMap<usize, usize> = HashMap::new();
    for page in pages {
        let mut by_anchor: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for mention in page.mentions {
            by_anchor
                .entry(&mention.anchor)
                .or_default()
                .push(mention.entity);
        }
        for entities in by_anchor.values().filter(|list| list.contains(&entity)) {
            let mut seen: Vec<usize> = entities.iter().copied().filter(|&e| e != entity).collect();
            seen.sort_unstable();
            seen.dedup();
            for other in seen {
                *counts.entry(other).or_insert(0) += 1;
            }
        }
    }
    let mut list: Vec<(usize, usize)> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list
}

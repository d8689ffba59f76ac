//! Paragraph addresses that stay put: `#p-12` names the same paragraph after others are
//! added, removed or edited before it, so that a citation of a paragraph (in a paper, a
//! bookmark, another site) keeps leading where it led.
//!
//! The addresses a build gives are kept in `paragraphs.lock` beside `site.toml`, with what
//! each paragraph said (a fingerprint of its words, its first and last words). The next build
//! matches the page's paragraphs to them: the same words keep their address (the longest
//! common run of fingerprints, in order); a paragraph between two kept ones that begins or
//! ends as one there did is that one, edited; a new paragraph takes a new number. An address
//! whose paragraph was deleted is kept too, leading to the paragraph that followed it, where
//! the page says that the one it named was removed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::reread::FileMemo;

/// The lock file's name, beside `site.toml`.
pub const LOCK_FILE: &str = "paragraphs.lock";

/// Every page's addresses, by the page's path in the site (`documents/avrich-1984/`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub pages: BTreeMap<String, PageAddresses>,
}

/// One page's addresses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageAddresses {
    /// The paragraphs, in order.
    pub paragraphs: Vec<Address>,
    /// The addresses of deleted paragraphs, and where each leads now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gone: Vec<Gone>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "AddressRow", from = "AddressRow")]
pub struct Address {
    /// `12` for `#p-12`.
    pub id: u32,
    /// A fingerprint of the paragraph's words (FNV-1a of its letters and digits).
    pub words: String,
    /// Its first and last words, to know it again once edited.
    pub starts: String,
    pub ends: String,
}

/// An address as the lock writes it, on a line of its own: `[12, "9f…", "first words",
/// "last words"]`.
type AddressRow = (u32, String, String, String);

impl From<Address> for AddressRow {
    fn from(a: Address) -> AddressRow {
        (a.id, a.words, a.starts, a.ends)
    }
}

impl From<AddressRow> for Address {
    fn from((id, words, starts, ends): AddressRow) -> Address {
        Address {
            id,
            words,
            starts,
            ends,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gone {
    pub id: u32,
    /// The paragraph it leads to now.
    pub to: u32,
}

impl Lock {
    /// The lock beside `site.toml`: an empty one before the first build, and `None`, with a
    /// warning, for a file that cannot be read (a merge left conflict marks in it, say). The
    /// build then gives the addresses afresh and leaves the file as it is, for the editor to
    /// mend: writing over it would lose the addresses it holds.
    /// [`Lock::read`], or the last reading of the file where its size and time are the same.
    pub fn read_through(
        root: &Path,
        memo: &mut FileMemo<Option<Lock>>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Lock> {
        let path = root.join(LOCK_FILE);
        let read = memo.read_all(&[path], false, PathBuf::as_path, |_, found| {
            Lock::read(root, found)
        });
        let (lock, found) = read.into_iter().next()?;
        diagnostics.extend(found);
        lock
    }

    pub fn read(root: &Path, diagnostics: &mut Diagnostics) -> Option<Lock> {
        let path = root.join(LOCK_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(Lock::default()),
            Err(e) => {
                diagnostics.push(Diagnostic::warning(LOCK_FILE, format!("cannot read: {e}")));
                return None;
            }
        };
        match serde_json::from_str(&text) {
            Ok(lock) => Some(lock),
            Err(e) => {
                diagnostics.push(
                    Diagnostic::warning(LOCK_FILE, format!("is not the lock annals writes: {e}"))
                        .at_line(e.line())
                        .with_help(
                            "paragraph addresses are given afresh and the file is left as it is: mend it (or take it back from version control), or delete it to start anew",
                        ),
                );
                None
            }
        }
    }

    /// Writes the lock. The build writes it only when it gave new addresses, so that a
    /// build with nothing changed leaves the file alone (and `serve`'s watcher quiet).
    pub fn write(&self, root: &Path) -> std::io::Result<()> {
        std::fs::write(root.join(LOCK_FILE), self.to_text())
    }

    /// The lock as JSON with an address to a line, so that a change to the text shows as a
    /// change to its lines.
    fn to_text(&self) -> String {
        let mut text = String::from("{\"pages\": {\n");
        let pages: Vec<String> = self
            .pages
            .iter()
            .map(|(path, page)| {
                let rows: Vec<String> = page.paragraphs.iter().map(json).collect();
                let mut entry = format!(
                    "{}: {{\"paragraphs\": [\n{}\n]",
                    json(path),
                    rows.join(",\n")
                );
                if !page.gone.is_empty() {
                    let gone: Vec<String> = page.gone.iter().map(json).collect();
                    entry.push_str(&format!(", \"gone\": [{}]", gone.join(", ")));
                }
                entry.push('}');
                entry
            })
            .collect();
        text.push_str(&pages.join(",\n"));
        text.push_str("\n}}\n");
        text
    }
}

/// The number of words taken from each end of a paragraph to know it again.
const END_WORDS: usize = 4;

/// A value of the lock as compact JSON.
fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// A word lower-cased as `str::to_lowercase` does it, borrowed where it is so already.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        word.to_lowercase().into()
    } else {
        word.into()
    }
}

/// What the lock keeps of a paragraph, without its number: a hash of its letters and
/// digits, lower case, words apart (FNV-1a), and its first and last words. Every
/// paragraph of a build is described, so no word is copied but those kept.
fn describe(text: &str) -> (String, String, String) {
    let words: Vec<&str> = (text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            feed(b" ");
        }
        feed(lower(word).as_bytes());
    }
    let joined = |words: &[&str]| words.iter().map(|w| lower(w)).collect::<Vec<_>>().join(" ");
    let starts = joined(&words[..words.len().min(END_WORDS)]);
    let ends = joined(&words[words.len().saturating_sub(END_WORDS)..]);
    (format!("{hash:016x}"), starts, ends)
}

/// The page's addresses now: the number of each of its paragraphs (given in order), and
/// what the lock keeps.
pub fn assign(locked: Option<&PageAddresses>, texts: &[&str]) -> (Vec<u32>, PageAddresses) {
    let current: Vec<(String, String, String)> = texts.iter().map(|t| describe(t)).collect();
    let old: &[Address] = locked.map_or(&[], |l| &l.paragraphs);
    let mut ids: Vec<Option<u32>> = vec![None; current.len()];
    let mut kept = vec![false; old.len()];
    for (i, j) in common_run(old, &current) {
        ids[j] = Some(old[i].id);
        kept[i] = true;
    }
    // Between two kept paragraphs, an edited one begins or ends as it did.
    let mut last_old = 0;
    for j in 0..current.len() {
        if let Some(id) = ids[j] {
            last_old = old
                .iter()
                .position(|a| a.id == id)
                .map_or(last_old, |i| i + 1);
            continue;
        }
        let next_old = (j + 1..current.len())
            .find_map(|k| ids[k])
            .and_then(|id| old.iter().position(|a| a.id == id))
            .unwrap_or(old.len());
        let (_, starts, ends) = &current[j];
        let edited = (last_old..next_old).find(|&i| {
            !kept[i]
                && ((!starts.is_empty() && old[i].starts == *starts)
                    || (!ends.is_empty() && old[i].ends == *ends))
        });
        if let Some(i) = edited {
            ids[j] = Some(old[i].id);
            kept[i] = true;
            last_old = i + 1;
        }
    }
    let gone_before: &[Gone] = locked.map_or(&[], |l| &l.gone);
    let mut next_id = old
        .iter()
        .map(|a| a.id)
        .chain(gone_before.iter().map(|g| g.id))
        .max()
        .unwrap_or(0)
        + 1;
    let ids: Vec<u32> = ids
        .into_iter()
        .map(|id| {
            id.unwrap_or_else(|| {
                next_id += 1;
                next_id - 1
            })
        })
        .collect();
    // A deleted paragraph's address leads to the kept paragraph after it (or before it, at
    // the page's end); one deleted before leads where its paragraph's address leads now.
    let mut gone: Vec<Gone> = Vec::new();
    for (i, address) in old.iter().enumerate() {
        if kept[i] {
            continue;
        }
        let after = old[i + 1..].iter().find(|a| ids.contains(&a.id));
        let before = old[..i].iter().rev().find(|a| ids.contains(&a.id));
        if let Some(to) = after.or(before).map(|a| a.id).or(ids.first().copied()) {
            gone.push(Gone { id: address.id, to });
        }
    }
    for earlier in gone_before {
        let to = match ids.contains(&earlier.to) {
            true => earlier.to,
            false => match gone.iter().find(|g| g.id == earlier.to) {
                Some(g) => g.to,
                None => match ids.first() {
                    Some(&first) => first,
                    None => continue,
                },
            },
        };
        gone.push(Gone { id: earlier.id, to });
    }
    gone.sort_by_key(|g| g.id);
    let paragraphs = ids
        .iter()
        .zip(current)
        .map(|(&id, (words, starts, ends))| Address {
            id,
            words,
            starts,
            ends,
        })
        .collect();
    (ids, PageAddresses { paragraphs, gone })
}

/// The most cells the table of the longest common run may have (4 bytes each); past it, a
/// page's changed middle is matched paragraph by paragraph instead.
const RUN_TABLE_CELLS: usize = 4_000_000;

/// The longest common run of fingerprints of the locked paragraphs and the current ones, as
/// pairs of indices in order. An edit changes a few paragraphs: the unchanged beginning and
/// end of the page are matched first, and the table is built for the middle alone.
fn common_run(old: &[Address], current: &[(String, String, String)]) -> Vec<(usize, usize)> {
    let same = |i: usize, j: usize| old[i].words == current[j].0;
    let prefix = (0..old.len().min(current.len()))
        .take_while(|&k| same(k, k))
        .count();
    let suffix = (0..old.len().min(current.len()) - prefix)
        .take_while(|&k| same(old.len() - 1 - k, current.len() - 1 - k))
        .count();
    let mut pairs: Vec<(usize, usize)> = (0..prefix).map(|k| (k, k)).collect();
    let middle_old = &old[prefix..old.len() - suffix];
    let middle_current = &current[prefix..current.len() - suffix];
    pairs.extend(
        middle_run(middle_old, middle_current)
            .into_iter()
            .map(|(i, j)| (i + prefix, j + prefix)),
    );
    pairs.extend(
        (0..suffix)
            .rev()
            .map(|k| (old.len() - 1 - k, current.len() - 1 - k)),
    );
    pairs
}

/// The longest common run of the changed middle of a page; for a middle too long for the
/// table, each paragraph matched to the first unmatched one of the same words after the
/// last match.
fn middle_run(old: &[Address], current: &[(String, String, String)]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), current.len());
    if n == 0 || m == 0 {
        return Vec::new();
    }
    if (n + 1) * (m + 1) > RUN_TABLE_CELLS {
        let mut pairs = Vec::new();
        let mut from = 0;
        for (j, (words, _, _)) in current.iter().enumerate() {
            if let Some(i) = (from..n).find(|&i| old[i].words == *words) {
                pairs.push((i, j));
                from = i + 1;
            }
        }
        return pairs;
    }
    // lengths[i][j]: the longest run of old[i..] and current[j..].
    let mut lengths = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lengths[i][j] = if old[i].words == current[j].0 {
                lengths[i + 1][j + 1] + 1
            } else {
                lengths[i + 1][j].max(lengths[i][j + 1])
            };
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old[i].words == current[j].0 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths[i + 1][j] >= lengths[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `serve` reads the lock through a memo: a lock it cannot use is said at every build
    /// while it stays so (the warning kept with the reading), and a mended one is read anew.
    #[test]
    fn a_broken_lock_read_through_the_memo_warns_at_every_build_until_mended() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(LOCK_FILE), "{ not a lock").unwrap();
        let mut memo = FileMemo::kept();
        for _ in 0..2 {
            let mut diagnostics = Diagnostics::default();
            assert_eq!(
                Lock::read_through(root.path(), &mut memo, &mut diagnostics),
                None
            );
            assert_eq!(diagnostics.warning_count(), 1, "{diagnostics:?}");
        }
        Lock::default().write(root.path()).unwrap();
        let mut diagnostics = Diagnostics::default();
        let lock = Lock::read_through(root.path(), &mut memo, &mut diagnostics);
        assert_eq!(lock, Some(Lock::default()));
        assert_eq!(diagnostics.iter().count(), 0);
    }

    const FIRST: &str = "Miasnikov wrote to the Central Committee in May 1921 about the press.";
    const SECOND: &str = "Lenin answered him in August, and the letter was printed for the party.";
    const THIRD: &str = "He was expelled from the party in February 1922 after a long debate.";
    const FOURTH: &str = "The Workers' Group was founded in 1923 by Miasnikov and his friends.";

    #[test]
    fn addresses_stay_with_their_paragraphs_through_insertions_edits_and_deletions() {
        let (ids, lock) = assign(None, &[FIRST, SECOND, THIRD, FOURTH]);
        assert_eq!(ids, [1, 2, 3, 4]);
        // A paragraph added at the top, the second edited, the third deleted.
        let edited =
            "Lenin answered him in August, and the letter was printed for the whole party.";
        let (ids, lock) = assign(
            Some(&lock),
            &["A new opening paragraph.", FIRST, edited, FOURTH],
        );
        assert_eq!(ids, [5, 1, 2, 4]);
        assert_eq!(lock.gone, [Gone { id: 3, to: 4 }]);
        // The paragraph the deleted one led to is deleted in turn: its address follows.
        let (ids, lock) = assign(Some(&lock), &["A new opening paragraph.", FIRST, edited]);
        assert_eq!(ids, [5, 1, 2]);
        assert_eq!(lock.gone, [Gone { id: 3, to: 2 }, Gone { id: 4, to: 2 }]);
        // Nothing changed: nothing moves.
        let (again, relocked) = assign(Some(&lock), &["A new opening paragraph.", FIRST, edited]);
        assert_eq!((again, &relocked), (ids, &lock));
    }
}

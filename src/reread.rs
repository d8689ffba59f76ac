//! What was read of each content file, kept by the file's size and modification time, so
//! that a rebuild in `serve` parses only the files an edit touched: at ten times the bundled
//! collection, reading and parsing the front matter of every page and registry entry again
//! took 60–75 ms of a 265 ms rebuild. A one-off build keeps nothing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;

use crate::diagnostic::Diagnostics;

/// A file as it stood when it was read: a change of size or modification time means it
/// must be read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: SystemTime,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(Stamp {
            len: metadata.len(),
            modified: metadata.modified().ok()?,
        })
    }
}

/// How close to the time it was read a file's modification time may be for the file to be
/// trusted unchanged while its stamp is: the system keeps file times to a clock tick, so a
/// file written again within the tick it was read in, at the same size, would look the same
/// (git's "racy" files). Such a file is read again until it has settled.
const RACY: Duration = Duration::from_millis(50);

/// What a file gave when it was read, and the problems found in it.
struct Remembered<T> {
    stamp: Stamp,
    /// When it was read: a file modified close to then is read again all the same.
    read_at: SystemTime,
    /// The reading's setting that changes what the file gives (`--drafts`).
    drafts: bool,
    value: T,
    found: Diagnostics,
}

/// Whether a file's reading was the last one's, or new (at the file's stamp, if it has one).
#[derive(Clone, Copy)]
enum Reading {
    Kept,
    New(Option<Stamp>),
}

/// What each file gave the last time it was read (`serve`), or nothing (a one-off build).
pub struct FileMemo<T> {
    keep: bool,
    files: HashMap<PathBuf, Remembered<T>>,
}

impl<T> Default for FileMemo<T> {
    /// A memo that keeps nothing: every file is read.
    fn default() -> Self {
        FileMemo {
            keep: false,
            files: HashMap::new(),
        }
    }
}

impl<T: Clone + Send + Sync> FileMemo<T> {
    /// A memo that keeps what each build read for the next.
    pub fn kept() -> Self {
        FileMemo {
            keep: true,
            files: HashMap::new(),
        }
    }

    /// What each of `items` gives, in their order: read by `read` on every core, or taken
    /// from the last reading of a file whose size and time have not changed since. The
    /// memo then holds the files of `items` alone.
    pub fn read_all<I: Sync>(
        &mut self,
        items: &[I],
        drafts: bool,
        path: impl Fn(&I) -> &Path + Sync,
        read: impl Fn(&I, &mut Diagnostics) -> T + Sync,
    ) -> Vec<(T, Diagnostics)> {
        let read_one = |item: &I| {
            let mut found = Diagnostics::default();
            let value = read(item, &mut found);
            (value, found)
        };
        if !self.keep {
            return items.par_iter().map(read_one).collect();
        }
        let last = &self.files;
        let read_at = SystemTime::now();
        // Each item: what it gave, and whether that was the last reading's (kept) or a new
        // reading at this stamp.
        let read: Vec<(Reading, T, Diagnostics)> = items
            .par_iter()
            .map(|item| {
                let stamp = Stamp::of(path(item));
                let kept = stamp.and_then(|stamp| {
                    let file = last.get(path(item))?;
                    let settled = stamp.modified + RACY < file.read_at;
                    (file.stamp == stamp && file.drafts == drafts && settled)
                        .then(|| (file.value.clone(), file.found.clone()))
                });
                match kept {
                    Some((value, found)) => (Reading::Kept, value, found),
                    None => {
                        let (value, found) = read_one(item);
                        (Reading::New(stamp), value, found)
                    }
                }
            })
            .collect();
        // The last readings kept move over; the new ones are copied in.
        let mut last = std::mem::take(&mut self.files);
        for (item, (reading, value, found)) in items.iter().zip(&read) {
            let path = path(item);
            let remembered = match *reading {
                Reading::Kept => last.remove(path),
                Reading::New(stamp) => stamp.map(|stamp| Remembered {
                    stamp,
                    read_at,
                    drafts,
                    value: value.clone(),
                    found: found.clone(),
                }),
            };
            if let Some(remembered) = remembered {
                self.files.insert(path.to_path_buf(), remembered);
            }
        }
        read.into_iter()
            .map(|(_, value, found)| (value, found))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Reads `files` through `memo`, counting the files actually read.
    fn read_through(memo: &mut FileMemo<String>, files: &[PathBuf]) -> (Vec<String>, usize) {
        let reads = AtomicUsize::new(0);
        let read = memo.read_all(
            files,
            false,
            |p| p.as_path(),
            |p, _| {
                reads.fetch_add(1, Ordering::Relaxed);
                std::fs::read_to_string(p).unwrap()
            },
        );
        let values = read.into_iter().map(|(value, _)| value).collect();
        (values, reads.into_inner())
    }

    /// Writes `text` to `file` with a modification time `age` seconds ago.
    fn write(file: &Path, text: &str, age: u64) {
        std::fs::write(file, text).unwrap();
        let handle = std::fs::File::options().write(true).open(file).unwrap();
        (handle.set_modified(SystemTime::now() - Duration::from_secs(age))).unwrap();
    }

    #[test]
    fn only_a_file_whose_size_or_time_changed_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let files: Vec<PathBuf> = ["a.md", "b.md"].map(|f| dir.path().join(f)).to_vec();
        write(&files[0], "first", 60);
        write(&files[1], "second", 60);
        let mut memo = FileMemo::kept();
        assert_eq!(
            read_through(&mut memo, &files),
            (vec!["first".into(), "second".into()], 2)
        );
        assert_eq!(read_through(&mut memo, &files).1, 0);
        write(&files[1], "second, longer", 30);
        assert_eq!(
            read_through(&mut memo, &files),
            (vec!["first".into(), "second, longer".into()], 1)
        );
        // A memo that keeps nothing reads every file every time.
        let mut once = FileMemo::default();
        assert_eq!(read_through(&mut once, &files).1, 2);
        assert_eq!(read_through(&mut once, &files).1, 2);
    }

    /// A file written again at the same size within the clock tick it was read in looks the
    /// same by its stamp: it is read again until its time is well before a reading.
    #[test]
    fn a_file_written_as_it_was_read_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let file = vec![dir.path().join("a.md")];
        write(&file[0], "fresh", 0);
        let mut memo = FileMemo::kept();
        read_through(&mut memo, &file);
        let stamp = std::fs::metadata(&file[0]).unwrap().modified().unwrap();
        std::fs::write(&file[0], "FRESH").unwrap();
        let handle = std::fs::File::options().write(true).open(&file[0]).unwrap();
        handle.set_modified(stamp).unwrap();
        assert_eq!(read_through(&mut memo, &file), (vec!["FRESH".into()], 1));
    }
}

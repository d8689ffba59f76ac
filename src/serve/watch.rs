//! Watching the site's sources (`content/`, `templates/`, `static/`, `site.toml`) and
//! turning the file system's events into one change per save.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use anyhow::Context;
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use crate::assets::STATIC_DIR;
use crate::config::CONFIG_FILE;
use crate::content::CONTENT_DIR;
use crate::render::TEMPLATES_DIR;

pub const WATCHED_DIRS: [&str; 3] = [CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR];

/// Events closer together than this are one change: an editor's save is often several
/// writes and renames.
const QUIET: Duration = Duration::from_millis(50);

pub struct Watcher {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    /// The folders of `WATCHED_DIRS` being watched; one created later is added then.
    watched: Vec<&'static str>,
}

impl Watcher {
    /// Starts watching the site in `root` (a canonical path, as events carry it).
    pub fn new(root: &Path) -> anyhow::Result<Watcher> {
        let (sender, events) = channel();
        let mut debouncer =
            new_debouncer(QUIET, None, sender).context("cannot watch the site's files")?;
        // The root itself, not recursively: site.toml, and the source folders appearing.
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("cannot watch {}", root.display()))?;
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            debouncer,
            events,
            watched: Vec::new(),
        };
        watcher.watch_new_folders();
        Ok(watcher)
    }

    /// Waits for the next change to the sources and returns the changed files, relative to
    /// the root. Changes that arrive while the caller was rebuilding are returned together.
    /// `None` when the watcher has stopped.
    pub fn next_change(&mut self) -> Option<Vec<PathBuf>> {
        loop {
            let mut changed = self.source_paths(self.events.recv().ok()?);
            while let Ok(more) = self.events.try_recv() {
                changed.extend(self.source_paths(more));
            }
            self.watch_again_if_replaced(&changed);
            self.watch_new_folders();
            if !changed.is_empty() {
                changed.sort();
                changed.dedup();
                return Some(changed);
            }
        }
    }

    fn source_paths(&self, result: DebounceEventResult) -> Vec<PathBuf> {
        let events = match result {
            Ok(events) => events,
            Err(errors) => {
                for error in errors {
                    eprintln!("warning: watching the files: {error}");
                }
                return Vec::new();
            }
        };
        events
            .iter()
            // Reading a file is no change (and the build itself reads every source).
            .filter(|event| !matches!(event.kind, EventKind::Access(_)))
            .flat_map(|event| &event.paths)
            .filter_map(|path| path.strip_prefix(&self.root).ok())
            .filter(|path| is_source(path))
            .map(Path::to_path_buf)
            .collect()
    }

    /// A watched folder that was itself removed or made (a checkout, a restore: `rm -rf
    /// content && cp -r backup content`) lost its watch with the folder it was on, though a
    /// folder of its name stands again: it is watched anew.
    fn watch_again_if_replaced(&mut self, changed: &[PathBuf]) {
        let replaced: Vec<&'static str> = self
            .watched
            .iter()
            .copied()
            .filter(|folder| changed.iter().any(|path| path == Path::new(folder)))
            .collect();
        for folder in replaced {
            // The watch may be gone already, with its folder: nothing to undo then.
            let _ = self.debouncer.unwatch(self.root.join(folder));
            self.watched.retain(|watched| *watched != folder);
        }
    }

    fn watch_new_folders(&mut self) {
        self.watched
            .retain(|folder| self.root.join(folder).is_dir());
        for folder in WATCHED_DIRS {
            let path = self.root.join(folder);
            if self.watched.contains(&folder) || !path.is_dir() {
                continue;
            }
            match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                Ok(()) => self.watched.push(folder),
                Err(e) => eprintln!("warning: cannot watch {}: {e}", path.display()),
            }
        }
    }
}

/// Whether a path under the root is one of the site's sources. Editors' hidden and backup
/// files (`.a.md.swp`, `a.md~`) are not.
fn is_source(relative: &Path) -> bool {
    let name = relative
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if crate::content::is_editor_file(&name) {
        return false;
    }
    let first = relative.components().next().map(|c| c.as_os_str());
    relative == Path::new(CONFIG_FILE)
        || first.is_some_and(|first| WATCHED_DIRS.iter().any(|dir| first == *dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sources_count() {
        for source in [
            "site.toml",
            "content/documents/a.md",
            "content",
            "templates/base.html",
            "static/img/a.png",
        ] {
            assert!(is_source(Path::new(source)), "{source}");
        }
        for other in [
            "public/index.html",
            "target/debug/annals",
            "content/documents/.a.md.swp",
            "content/documents/a.md~",
            "content/documents/#a.md#",
            "README.md",
            ".public.annals-staging/index.html",
        ] {
            assert!(!is_source(Path::new(other)), "{other}");
        }
    }

    #[test]
    fn a_folder_removed_and_made_again_is_watched_again() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let content = root.join("content");
        std::fs::create_dir(&content).unwrap();
        let mut watcher = Watcher::new(&root).unwrap();
        // What a checkout or a restore does: the folder goes, and one of its name comes.
        std::fs::remove_dir_all(&content).unwrap();
        std::fs::create_dir(&content).unwrap();
        std::fs::write(content.join("a.md"), "restored").unwrap();
        let changed = watcher.next_change().unwrap();
        assert!(changed.contains(&PathBuf::from("content")), "{changed:?}");
        // Let what the restore stirred up settle, then edit.
        while watcher.events.recv_timeout(QUIET * 5).is_ok() {}
        std::fs::write(content.join("a.md"), "edited").unwrap();
        // Waited for a while only: without its watch, no event would ever come.
        let mut seen = Vec::new();
        while let Ok(events) = watcher.events.recv_timeout(Duration::from_secs(3)) {
            seen.extend(watcher.source_paths(events));
            if !seen.is_empty() {
                break;
            }
        }
        assert_eq!(seen, vec![PathBuf::from("content/a.md")]);
    }

    #[test]
    fn one_save_is_one_change() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        let mut watcher = Watcher::new(&root).unwrap();
        let file = root.join("content/a.md");
        // What an editor may do on one save: write a temporary file, rename it over, touch.
        std::fs::write(root.join("content/.a.md.tmp"), "one").unwrap();
        std::fs::rename(root.join("content/.a.md.tmp"), &file).unwrap();
        std::fs::write(&file, "two").unwrap();
        let changed = watcher.next_change().unwrap();
        assert_eq!(changed, vec![PathBuf::from("content/a.md")]);
        if let Ok(more) = watcher.events.recv_timeout(QUIET * 5) {
            let again = watcher.source_paths(more);
            assert!(again.is_empty(), "a second change was reported: {again:?}");
        }
    }
}

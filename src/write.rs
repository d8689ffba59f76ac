//! Writing the built site: all or nothing. The site is written to a staging folder beside
//! the output and swapped in only when every file is written, so a failed build leaves the
//! previous output exactly as it was, and a good one leaves no stale files. Files go into
//! the staging folder as soon as they are rendered ([`Sink`]), so a large site is never
//! held in memory whole.
//!
//! A lock file beside the output (`.public.annals-lock`) lets one build at a time write it:
//! a second waits. A build killed at any point leaves a complete site at the output's path
//! (the last good one or the new one), or, between the two renames of a file system that
//! cannot exchange two folders at once, the last good one aside, which the next build puts
//! back before anything else.

use std::collections::{BTreeSet, HashSet};
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::{Context, bail};
use rayon::prelude::*;

#[derive(Debug, Clone)]
pub enum Contents {
    Bytes(Vec<u8>),
    /// Bytes the last build made, shared with `serve`'s memory of them rather than copied.
    Shared(bytes::Bytes),
    /// A file copied as it is (static assets, images in content/).
    Copy(PathBuf),
    /// Already in the staging folder, written when it was rendered: only its path is kept.
    Written,
}

/// One file of the built site, at a path relative to the output folder (`documents/a/index.html`).
#[derive(Debug, Clone)]
pub struct OutputFile {
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    pub fn bytes(path: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }

    pub fn shared(path: impl Into<String>, bytes: bytes::Bytes) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Shared(bytes),
        }
    }
}

/// Where each file of a build goes as soon as it is rendered.
pub enum Sink {
    /// Kept in memory, for `serve` to serve and `check` to count.
    Memory,
    /// Written at once into a build's staging folder.
    Folder {
        root: PathBuf,
        /// The folders made so far, so that each is made once.
        made: Mutex<HashSet<PathBuf>>,
        /// The site this build replaces, whose unchanged files are linked, not written.
        previous_site: Arc<PreviousSite>,
    },
}

impl Sink {
    /// The file as the rest of the build sees it: itself, or its path once it is written.
    pub fn put(&self, file: OutputFile) -> anyhow::Result<OutputFile> {
        let Sink::Folder {
            root,
            made,
            previous_site,
        } = self
        else {
            let mut file = file;
            if let Contents::Bytes(bytes) = &mut file.contents {
                // Kept until the build ends: without the room it was rendered in.
                bytes.shrink_to_fit();
            }
            return Ok(file);
        };
        let bytes: &[u8] = match &file.contents {
            Contents::Bytes(bytes) => bytes,
            Contents::Shared(bytes) => bytes,
            _ => return Ok(file),
        };
        let target = root.join(&file.path);
        make_folder(made, &target)?;
        previous_site
            .write_or_link(&file.path, &target, bytes)
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok(OutputFile {
            path: file.path,
            contents: Contents::Written,
        })
    }

    /// A file that `write` writes straight to its place, never whole in memory: for the
    /// largest exports (the table of every mention, the timeline's JSON).
    pub fn stream(
        &self,
        path: impl Into<String>,
        write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
    ) -> anyhow::Result<OutputFile> {
        let path = path.into();
        let Sink::Folder { root, made, .. } = self else {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            return Ok(OutputFile::bytes(path, bytes));
        };
        let target = root.join(&path);
        make_folder(made, &target)?;
        let file = replacing(&target, || File::create_new(&target))
            .with_context(|| format!("cannot create {}", target.display()))?;
        let mut out = BufWriter::with_capacity(STREAM_BUFFER, file);
        write(&mut out)
            .and_then(|()| out.flush().map_err(Into::into))
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok(OutputFile {
            path,
            contents: Contents::Written,
        })
    }

    /// [`Sink::put`] for each file.
    pub fn put_all(&self, files: Vec<OutputFile>) -> anyhow::Result<Vec<OutputFile>> {
        files.into_iter().map(|file| self.put(file)).collect()
    }
}

/// The output a build replaces. A file that would be written with the bytes it already has
/// there is hard-linked from it instead: an unchanged page keeps its file and its
/// modification time (so `rsync` and other deploy tools skip it), and the disk is not written
/// again. Where links are refused (a file system without them), files are written.
pub struct PreviousSite {
    /// `None` on a first build.
    root: Option<PathBuf>,
    links_refused: AtomicBool,
}

impl PreviousSite {
    fn of(output: &Path) -> PreviousSite {
        PreviousSite {
            root: output.is_dir().then(|| output.to_path_buf()),
            links_refused: AtomicBool::new(false),
        }
    }

    /// Puts `bytes` at `target`, the staging folder's place for `path`.
    fn write_or_link(&self, path: &str, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if let Some(root) = &self.root
            && !self.links_refused.load(Ordering::Relaxed)
        {
            let old = root.join(path);
            if holds(&old, bytes) {
                match replacing(target, || std::fs::hard_link(&old, target)) {
                    Ok(()) => return Ok(()),
                    // The file went away meanwhile: write it.
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(_) => self.links_refused.store(true, Ordering::Relaxed),
                }
            }
        }
        replacing(target, || File::create_new(target)?.write_all(bytes))
    }
}

/// Makes a new file at `target` with `make`, which fails if a file is there. One can be (two
/// files of the build at one path: a `static/robots.txt` over the generated one), and it may
/// be a link to the previous site's file, which writing in place would change: it is
/// unlinked and `make` tried again. Most files are new, and cost no more than their making.
fn replacing<T>(target: &Path, make: impl Fn() -> std::io::Result<T>) -> std::io::Result<T> {
    match make() {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(target)?;
            make()
        }
        made => made,
    }
}

/// Whether the file at `path` holds exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    // Not through a link (a link would be linked, not its file), nor a pipe (which would
    // block): only a plain file of the same length is read.
    let plain = std::fs::symlink_metadata(path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() == bytes.len() as u64);
    if !plain {
        return false;
    }
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut old = Vec::with_capacity(bytes.len());
    file.read_to_end(&mut old).is_ok() && old == bytes
}

/// How much of a streamed file is kept before it is written out.
const STREAM_BUFFER: usize = 256 * 1024;

/// Makes the folder of `target` unless an earlier file of the build made it.
fn make_folder(made: &Mutex<HashSet<PathBuf>>, target: &Path) -> anyhow::Result<()> {
    let Some(folder) = target.parent() else {
        return Ok(());
    };
    // The lock is held while the folder is made: another file of the same folder must not
    // be written before it exists.
    let mut made = made.lock().unwrap_or_else(PoisonError::into_inner);
    if !made.contains(folder) {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
        made.insert(folder.to_path_buf());
    }
    Ok(())
}

/// A build's output in the making: a staging folder beside the output, swapped in by
/// [`Staging::finish`], removed if the build stops before.
pub struct Staging {
    /// Held while the build lasts; the lock goes with the file when it is closed.
    _lock: File,
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    /// The output as it stands, whose unchanged files the new site links.
    previous_site: Arc<PreviousSite>,
    finished: bool,
}

impl Staging {
    pub fn begin(output: &Path) -> anyhow::Result<Staging> {
        let output = &settled(output)?;
        let lock = lock_output(output)?;
        let previous = sibling(output, "annals-previous")?;
        recover(output, &previous)?;
        refuse_dangerous_output(output)?;
        let staging = sibling(output, &format!("annals-staging-{}", std::process::id()))?;
        std::fs::create_dir_all(&staging)
            .with_context(|| format!("cannot create {}", staging.display()))?;
        Ok(Staging {
            _lock: lock,
            output: output.to_path_buf(),
            staging,
            previous,
            previous_site: Arc::new(PreviousSite::of(output)),
            finished: false,
        })
    }

    /// Where rendered files go: straight into the staging folder.
    pub fn sink(&self) -> Sink {
        Sink::Folder {
            root: self.staging.clone(),
            made: Mutex::new(HashSet::new()),
            previous_site: self.previous_site.clone(),
        }
    }

    /// Writes the files not written yet and puts the new site in the output's place.
    pub fn finish(mut self, files: &[OutputFile]) -> anyhow::Result<()> {
        write_all(&self.staging, files, &self.previous_site)?;
        swap_in(&self.staging, &self.output, &self.previous)?;
        self.finished = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// The bytes of every file under `folder` (links not followed).
pub fn folder_size(folder: &Path) -> u64 {
    walkdir::WalkDir::new(folder)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum()
}

/// Writes `files` as the whole content of `output`, replacing what was there.
pub fn write_site(output: &Path, files: &[OutputFile]) -> anyhow::Result<()> {
    Staging::begin(output)?.finish(files)
}

/// Takes the output's lock file, waiting (and saying so) while another build holds it.
fn lock_output(output: &Path) -> anyhow::Result<File> {
    let path = sibling(output, "annals-lock")?;
    let file = File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .with_context(|| format!("cannot open the lock file {}", path.display()))?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            eprintln!(
                "Another build is writing {}; waiting for it to finish.",
                output.display()
            );
            file.lock()
                .with_context(|| format!("cannot lock {}", path.display()))?;
        }
        Err(std::fs::TryLockError::Error(e)) => {
            return Err(e).with_context(|| format!("cannot lock {}", path.display()));
        }
    }
    Ok(file)
}

/// Puts right what an interrupted build left: the last good site put aside and never put
/// back is restored (never deleted while the output is missing), and the staging folders
/// of builds that did not finish are removed. The caller holds the lock, so no other build
/// is writing them.
fn recover(output: &Path, previous: &Path) -> anyhow::Result<()> {
    let output_there = std::fs::symlink_metadata(output).is_ok();
    if previous.exists() {
        if output_there {
            remove_tree(previous).with_context(|| {
                format!("cannot remove the leftover folder {}", previous.display())
            })?;
        } else {
            std::fs::rename(previous, output).with_context(|| {
                format!(
                    "cannot put the last good site back from {} to {}",
                    previous.display(),
                    output.display()
                )
            })?;
            eprintln!(
                "An earlier build was interrupted; the last good site is back at {}.",
                output.display()
            );
        }
    }
    let staging_prefix = sibling(output, "annals-staging")?;
    let prefix = staging_prefix
        .file_name()
        .unwrap_or_default()
        .to_string_lossy();
    let parent = output.parent().unwrap_or(Path::new("."));
    for entry in std::fs::read_dir(parent)
        .with_context(|| format!("cannot read {}", parent.display()))?
        .flatten()
    {
        if entry.file_name().to_string_lossy().starts_with(&*prefix) {
            remove_tree(&entry.path()).with_context(|| {
                format!(
                    "cannot remove the leftover folder {}",
                    entry.path().display()
                )
            })?;
        }
    }
    Ok(())
}

/// `public` → `.public.annals-staging`, on the same file system so the swap is a rename.
fn sibling(output: &Path, suffix: &str) -> anyhow::Result<PathBuf> {
    let name = output
        .file_name()
        .with_context(|| format!("the output path {} has no folder name", output.display()))?;
    Ok(output.with_file_name(format!(".{}.{suffix}", name.to_string_lossy())))
}

/// `output` with its parent folder's path resolved (`..`, links), made first if need be.
/// The output is renamed aside while the new site is put in its place, and a path such as
/// `public/../public` names a folder only while `public` is there.
pub fn settled(output: &Path) -> anyhow::Result<PathBuf> {
    let name = output.file_name().with_context(|| {
        format!(
            "refusing to write into {}: name the output folder by its own name, such as public/ or ../public",
            output.display()
        )
    })?;
    let parent = match output.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(parent)
        .and_then(|()| std::fs::canonicalize(parent))
        .map(|parent| parent.join(name))
        .with_context(|| format!("cannot make the folder {}", parent.display()))
}

/// The output folder is replaced whole: never let it be the site itself, nor any folder
/// that holds something other than a site built before (a site has its home page).
fn refuse_dangerous_output(output: &Path) -> anyhow::Result<()> {
    if output.exists() && !output.is_dir() {
        bail!(
            "the output path {} is a file, not a folder",
            output.display()
        );
    }
    let refuse = |what: &str| {
        anyhow::anyhow!(
            "refusing to write into {}: it {what}, and the output folder is replaced whole on every build; choose an output folder of its own, such as public/, or empty this one",
            output.display()
        )
    };
    for marker in ["content", "site.toml", "Cargo.toml", ".git"] {
        if output.join(marker).exists() {
            return Err(refuse(&format!("holds {marker}")));
        }
    }
    // A link is replaced by the new site, and what it links to is left alone.
    if std::fs::symlink_metadata(output).is_ok_and(|m| m.is_symlink()) {
        return Ok(());
    }
    let Ok(entries) = std::fs::read_dir(output) else {
        return Ok(());
    };
    let names: Vec<std::ffi::OsString> = entries.flatten().map(|e| e.file_name()).collect();
    if let Some(markdown) = names
        .iter()
        .find(|name| Path::new(name).extension().is_some_and(|e| e == "md"))
    {
        return Err(refuse(&format!("holds {}", markdown.to_string_lossy())));
    }
    if !names.is_empty() && !output.join("index.html").is_file() {
        return Err(refuse(
            "is not empty and holds no site built before (no index.html)",
        ));
    }
    Ok(())
}

fn write_all(
    staging: &Path,
    files: &[OutputFile],
    previous_site: &PreviousSite,
) -> anyhow::Result<()> {
    // Where two files share a path (a `static/` file over a generated one), the later one
    // wins; written side by side, either could.
    let mut seen = HashSet::new();
    let files: Vec<&OutputFile> = files
        .iter()
        .rev()
        .filter(|f| !matches!(f.contents, Contents::Written) && seen.insert(f.path.as_str()))
        .collect();
    let folders: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| staging.join(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        std::fs::create_dir_all(folder)
            .with_context(|| format!("cannot create {}", folder.display()))?;
    }
    files.par_iter().try_for_each(|file| {
        let target = staging.join(&file.path);
        match &file.contents {
            Contents::Bytes(bytes) => previous_site.write_or_link(&file.path, &target, bytes),
            Contents::Shared(bytes) => previous_site.write_or_link(&file.path, &target, bytes),
            Contents::Copy(source) => replacing(&target, || {
                // `copy` would write into a file already there: it is made to go first.
                if std::fs::symlink_metadata(&target).is_ok() {
                    return Err(std::io::ErrorKind::AlreadyExists.into());
                }
                std::fs::copy(source, &target).map(|_| ())
            }),
            Contents::Written => Ok(()),
        }
        .with_context(|| format!("cannot write {}", target.display()))
    })
}

fn swap_in(staging: &Path, output: &Path, previous: &Path) -> anyhow::Result<()> {
    let had_output = std::fs::symlink_metadata(output).is_ok();
    // One step where the system has it: the old site and the new change places, and
    // whatever stops the build, a whole site stands at the output's path.
    if had_output && exchange(staging, output).is_ok() {
        return remove_tree(staging).with_context(|| {
            format!(
                "cannot remove the previous output, left at {}",
                staging.display()
            )
        });
    }
    if had_output {
        std::fs::rename(output, previous).with_context(|| {
            format!("cannot move the previous output {} aside", output.display())
        })?;
    }
    if let Err(e) = std::fs::rename(staging, output) {
        if had_output {
            let _ = std::fs::rename(previous, output);
        }
        return Err(e)
            .with_context(|| format!("cannot move the new site into {}", output.display()));
    }
    if had_output {
        remove_tree(previous).with_context(|| {
            format!(
                "cannot remove the previous output, left at {}",
                previous.display()
            )
        })?;
    }
    Ok(())
}

/// Swaps two paths at once (Linux's `renameat2` with `RENAME_EXCHANGE`); an error where the
/// system or the file system cannot.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e))
    };
    let (a, b) = (c_path(a)?, c_path(b)?);
    // SAFETY: two NUL-terminated paths that live across the call; AT_FDCWD resolves them as
    // `rename` would.
    let done = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    match done {
        0 => Ok(()),
        _ => Err(std::io::Error::last_os_error()),
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// Removes a folder and everything in it, its top-level entries side by side: a site of a
/// few thousand documents holds tens of thousands of files, and removing them one by one is
/// a third of a second at the end of every build. A link is removed, never followed (an
/// output that was a link to a folder elsewhere leaves that folder alone).
fn remove_tree(folder: &Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(folder)?.file_type().is_symlink() {
        return std::fs::remove_file(folder);
    }
    let entries: Vec<std::fs::DirEntry> =
        std::fs::read_dir(folder)?.collect::<std::io::Result<_>>()?;
    entries.par_iter().try_for_each(|entry| {
        if entry.file_type()?.is_dir() {
            std::fs::remove_dir_all(entry.path())
        } else {
            std::fs::remove_file(entry.path())
        }
    })?;
    std::fs::remove_dir(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a build left in `dir` beside the output, the lock file aside.
    fn left_beside(dir: &Path) -> Vec<String> {
        let mut left: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| !name.ends_with(".annals-lock"))
            .collect();
        left.sort();
        left
    }

    #[test]
    fn replaces_the_whole_output() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let old = [
            OutputFile::bytes("index.html", "old"),
            OutputFile::bytes("old/index.html", "old"),
            OutputFile::bytes("old/deeper/still/index.html", "old"),
        ];
        write_site(&output, &old).unwrap();
        write_site(&output, &[OutputFile::bytes("index.html", "new")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "new"
        );
        assert!(
            !output.join("old").exists(),
            "a stale file survived the build"
        );
        assert_eq!(
            left_beside(dir.path()),
            ["public"],
            "staging folders were left behind"
        );
    }

    #[test]
    fn the_sink_writes_at_once_and_finish_writes_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::begin(&output).unwrap();
        let sink = staging.sink();
        let written = sink
            .put(OutputFile::bytes("people/a/index.html", "a"))
            .unwrap();
        assert!(matches!(written.contents, Contents::Written));
        let kept = Sink::Memory.put(OutputFile::bytes("b.html", "b")).unwrap();
        assert!(matches!(kept.contents, Contents::Bytes(_)));
        assert!(!output.exists(), "nothing is in place before finish");
        staging.finish(&[written, kept]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("people/a/index.html")).unwrap(),
            "a"
        );
        assert_eq!(std::fs::read_to_string(output.join("b.html")).unwrap(), "b");
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_file_keeps_its_file_and_a_changed_one_is_written_anew() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        // `changed` keeps its length and changes its bytes; `grown` changes its length.
        let site = |changed: &str, grown: &str| {
            vec![
                OutputFile::bytes("index.html", "home"),
                OutputFile::bytes("same/index.html", "the same page"),
                OutputFile::bytes("changed/index.html", changed.to_string()),
                OutputFile::bytes("grown/index.html", grown.to_string()),
            ]
        };
        let paths = ["same/index.html", "changed/index.html", "grown/index.html"];
        let files = || paths.map(|p| std::fs::metadata(output.join(p)).unwrap().ino());
        let read = |path: &str| std::fs::read_to_string(output.join(path)).unwrap();
        write_site(&output, &site("first", "short")).unwrap();
        let first = files();
        // Through the sink, as rendered pages go.
        let staging = Staging::begin(&output).unwrap();
        let written = staging.sink().put_all(site("other", "longer")).unwrap();
        staging.finish(&written).unwrap();
        let second = files();
        assert_eq!(second[0], first[0], "the same bytes keep their file");
        assert_ne!(second[1], first[1]);
        assert_ne!(second[2], first[2]);
        assert_eq!(read("same/index.html"), "the same page");
        assert_eq!(read("changed/index.html"), "other");
        assert_eq!(read("grown/index.html"), "longer");
        let links = std::fs::metadata(output.join("same/index.html"))
            .unwrap()
            .nlink();
        assert_eq!(links, 1, "the previous site's name for it is gone");
        // Through `finish`, as the feeds and the static files go.
        write_site(&output, &site("other", "longer")).unwrap();
        assert_eq!(files(), second);
    }

    #[cfg(unix)]
    #[test]
    fn a_file_over_a_linked_one_leaves_the_previous_site_alone() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let generated = [
            OutputFile::bytes("index.html", "home"),
            OutputFile::bytes("robots.txt", "generated"),
        ];
        write_site(&output, &generated).unwrap();
        // Another name for the previous site's file, to see whether it is written into.
        let witness = dir.path().join("witness");
        std::fs::hard_link(output.join("robots.txt"), &witness).unwrap();
        let own = dir.path().join("own-robots.txt");
        std::fs::write(&own, "the site's own").unwrap();
        let staging = Staging::begin(&output).unwrap();
        let linked = staging
            .sink()
            .put(OutputFile::bytes("robots.txt", "generated"))
            .unwrap();
        let copied = OutputFile {
            path: "robots.txt".into(),
            contents: Contents::Copy(own),
        };
        staging.finish(&[linked, copied]).unwrap();
        let read = |path: &Path| std::fs::read_to_string(path).unwrap();
        assert_eq!(read(&output.join("robots.txt")), "the site's own");
        assert_eq!(read(&witness), "generated");
    }

    #[test]
    fn of_two_files_at_one_path_the_later_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let own = dir.path().join("own-robots.txt");
        std::fs::write(&own, "the site's own").unwrap();
        let files = [
            OutputFile::bytes("robots.txt", "generated"),
            OutputFile {
                path: "robots.txt".into(),
                contents: Contents::Copy(own),
            },
        ];
        write_site(&output, &files).unwrap();
        let robots = std::fs::read_to_string(output.join("robots.txt")).unwrap();
        assert_eq!(robots, "the site's own");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_previous_site_is_not_linked_to() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let page = || {
            [
                OutputFile::bytes("index.html", "home"),
                OutputFile::bytes("page.html", "the page"),
            ]
        };
        write_site(&output, &page()).unwrap();
        let elsewhere = dir.path().join("elsewhere.html");
        std::fs::write(&elsewhere, "the page").unwrap();
        std::fs::remove_file(output.join("page.html")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, output.join("page.html")).unwrap();
        write_site(&output, &page()).unwrap();
        let written = std::fs::symlink_metadata(output.join("page.html")).unwrap();
        assert!(written.file_type().is_file(), "{written:?}");
        assert_eq!(
            std::fs::read_to_string(output.join("page.html")).unwrap(),
            "the page"
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_output_that_links_to_a_folder_elsewhere_leaves_that_folder_alone() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("keep.html"), "kept").unwrap();
        let output = dir.path().join("public");
        std::os::unix::fs::symlink(&elsewhere, &output).unwrap();
        write_site(&output, &[OutputFile::bytes("index.html", "new")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(elsewhere.join("keep.html")).unwrap(),
            "kept"
        );
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "new"
        );
    }

    #[test]
    fn a_streamed_file_is_written_in_place_or_kept_whole() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::begin(&output).unwrap();
        let write = |out: &mut dyn Write| -> anyhow::Result<()> {
            for row in 0..3 {
                writeln!(out, "row {row}")?;
            }
            Ok(())
        };
        let streamed = staging.sink().stream("data/rows.csv", write).unwrap();
        assert!(matches!(streamed.contents, Contents::Written));
        let kept = Sink::Memory.stream("rows.csv", write).unwrap();
        let Contents::Bytes(bytes) = &kept.contents else {
            panic!("a file streamed to memory is kept: {kept:?}");
        };
        assert_eq!(bytes.as_slice(), b"row 0\nrow 1\nrow 2\n");
        staging.finish(&[streamed]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("data/rows.csv")).unwrap(),
            "row 0\nrow 1\nrow 2\n"
        );
    }

    #[test]
    fn a_stream_that_fails_names_its_file_and_leaves_no_site() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        let staging = Staging::begin(&output).unwrap();
        let error = staging
            .sink()
            .stream("data/rows.csv", |out| {
                out.write_all(b"row 0\n")?;
                anyhow::bail!("the table broke off")
            })
            .unwrap_err();
        let message = format!("{error:#}");
        assert!(message.contains("data/rows.csv"), "{message}");
        assert!(message.contains("the table broke off"), "{message}");
        drop(staging);
        assert!(!output.exists());
        assert!(left_beside(dir.path()).is_empty(), "staging was left");
    }

    #[test]
    fn files_of_one_new_folder_can_be_written_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::begin(&dir.path().join("public")).unwrap();
        let sink = staging.sink();
        let files: Vec<String> = (0..2000)
            .map(|i| format!("folder-{}/deeper/file-{i}.html", i % 200))
            .collect();
        files.par_iter().for_each(|path| {
            sink.put(OutputFile::bytes(path.as_str(), "x"))
                .unwrap_or_else(|e| panic!("{path}: {e:#}"));
        });
    }

    #[test]
    fn refuses_to_replace_a_site_folder() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("content")).unwrap();
        let error = write_site(dir.path(), &[]).unwrap_err().to_string();
        assert!(error.contains("refusing"), "{error}");
        assert!(dir.path().join("content").exists());
    }

    #[test]
    fn refuses_to_replace_a_folder_that_holds_no_site() {
        let dir = tempfile::tempdir().unwrap();
        // Markdown beside a home page: the sources of a site, not a site built before.
        let documents = dir.path().join("documents");
        std::fs::create_dir(&documents).unwrap();
        std::fs::write(documents.join("avrich.md"), "kept").unwrap();
        std::fs::write(documents.join("index.html"), "kept").unwrap();
        let error = write_site(&documents, &[OutputFile::bytes("index.html", "new")])
            .unwrap_err()
            .to_string();
        assert!(error.contains("holds avrich.md"), "{error}");
        assert_eq!(
            std::fs::read_to_string(documents.join("index.html")).unwrap(),
            "kept"
        );
        let plain = dir.path().join("plain");
        std::fs::create_dir(&plain).unwrap();
        std::fs::write(plain.join("letter.txt"), "kept").unwrap();
        let error = write_site(&plain, &[]).unwrap_err().to_string();
        assert!(error.contains("no index.html"), "{error}");
        assert!(plain.join("letter.txt").exists());
        // An empty folder, or one built before, is replaced.
        let empty = dir.path().join("empty");
        std::fs::create_dir(&empty).unwrap();
        write_site(&empty, &[OutputFile::bytes("index.html", "new")]).unwrap();
        write_site(&empty, &[OutputFile::bytes("index.html", "newer")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(empty.join("index.html")).unwrap(),
            "newer"
        );
    }

    #[test]
    fn an_output_reached_through_its_own_name_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        write_site(&output, &[OutputFile::bytes("index.html", "old")]).unwrap();
        let roundabout = dir.path().join("public/../public");
        write_site(&roundabout, &[OutputFile::bytes("index.html", "new")]).unwrap();
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "new"
        );
        assert_eq!(left_beside(dir.path()), ["public"]);
    }

    #[test]
    fn a_failed_write_keeps_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("public");
        write_site(&output, &[OutputFile::bytes("index.html", "good")]).unwrap();
        let missing = OutputFile {
            path: "copy.css".into(),
            contents: Contents::Copy(dir.path().join("does-not-exist.css")),
        };
        assert!(write_site(&output, &[OutputFile::bytes("index.html", "bad"), missing]).is_err());
        assert_eq!(
            std::fs::read_to_string(output.join("index.html")).unwrap(),
            "good"
        );
    }
}

//! The build, stage by stage: load the configuration, the content and the registry; analyse
//! every page (Markdown, mentions, notes, dated statements); index the site (works cited,
//! timeline); render every kind of page (mentions filed by entity first); write the site. `annals check`
//! runs the same stages and stops before writing; `serve` runs them into memory.

mod options;
mod stages;

use std::path::Path;
use std::time::{Duration, Instant};

pub use options::{BuildOptions, DEFAULT_OUTPUT, settings};

use crate::assets::STATIC_DIR;
use crate::cache::BuildCache;

use crate::content;
use crate::diagnostic::Diagnostics;
use crate::render::TEMPLATES_DIR;
use crate::write::{self, OutputFile, Sink};
use stages::{Part, StageClock};

/// The figures of one build, for the summary line.
#[derive(Debug, Clone, Default)]
pub struct Summary {
    /// HTML pages written, the registry's included.
    pub pages: usize,
    pub documents: usize,
    pub chapters: usize,
    /// The registry's entities of each kind it has, in the kinds' order: the noun for one
    /// (`person`), for several (`people`), and how many.
    pub entities: Vec<(&'static str, &'static str, usize)>,
    pub mentions: usize,
    pub files: usize,
    /// The size of the site written, in bytes (`None` for a site kept in memory).
    pub bytes: Option<u64>,
    pub notes: usize,
    pub missing_notes: usize,
    /// The missing notes that their documents declare (`missing_notes`), by the reason
    /// given: each document with how many of its notes are missing.
    pub known_missing_notes: Vec<KnownMissing>,
    /// The notes the documents' sources print without a marker (`uncited_notes`): each
    /// document, the notes' numbers as readers see them, and the reason it gives.
    pub known_uncited_notes: Vec<(std::path::PathBuf, Vec<String>, String)>,
    pub elapsed: Duration,
    /// How long each stage took, in order (`annals build --timings`).
    pub stages: Vec<(&'static str, Duration)>,
    /// In a build that handed its pages over first, the stages after (the search index, the
    /// open data).
    pub later_stages: Vec<(&'static str, Duration)>,
    /// Pages taken as the last build made them, nothing they show having changed (`serve`).
    pub unchanged_pages: usize,
}

impl Summary {
    /// The time of each stage, a line each (`--timings`).
    pub fn timings(&self) -> String {
        timings(&self.stages)
    }

    /// The time of each stage after the pages were handed over, a line each.
    pub fn later_timings(&self) -> String {
        timings(&self.later_stages)
    }
}

fn timings(stages: &[(&'static str, Duration)]) -> String {
    (stages.iter())
        .map(|(stage, time)| format!("  {:>7.1} ms  {stage}\n", time.as_secs_f64() * 1000.0))
        .collect()
}

/// Given the pages readers see as soon as they are made, with the build's summary and
/// problems so far, before the search index and the open data are (`serve` shows them at
/// once; the build's files then hold only what came after).
pub type PagesFirst<'a> = &'a mut dyn FnMut(Vec<OutputFile>, &Summary, &Diagnostics);

/// Documents that declare, for one reason, that their sources lack some notes' texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownMissing {
    pub reason: String,
    /// Each document's file and how many of its notes are missing.
    pub documents: Vec<(std::path::PathBuf, usize)>,
}

impl KnownMissing {
    pub fn notes(&self) -> usize {
        self.documents.iter().map(|(_, n)| n).sum()
    }
}

/// A site loaded and rendered in memory, ready to be written or checked.
pub struct Built {
    /// Every file of the site; in a build that handed its pages over first
    /// ([`PagesFirst`]), the files made after them.
    pub files: Vec<OutputFile>,
    pub summary: Summary,
    /// The paragraph addresses this build gave, for `paragraphs.lock` once the site is
    /// written; `None` when they are the ones the lock holds already.
    pub addresses: Option<crate::addresses::Lock>,
}

/// Runs every stage but the writing. Problems with the content come back in `diagnostics`;
/// `None` means a stage had errors and there is nothing to write.
pub fn prepare(options: &BuildOptions, diagnostics: &mut Diagnostics) -> Option<Built> {
    prepare_with(
        options,
        diagnostics,
        (&mut BuildCache::default(), &Sink::Memory),
        None,
    )
}

/// [`prepare`], reusing what `cache` kept of the last build that is still valid, and
/// handing each rendered file to `sink` as soon as it is made; with `pages_first`, handing
/// it the pages readers see before the rest is made.
pub fn prepare_with(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    (cache, sink): (&mut BuildCache, &Sink),
    pages_first: Option<PagesFirst>,
) -> Option<Built> {
    let lifetime = Lifetime::ProcessGoesOn;
    prepare_stages(options, diagnostics, (cache, sink), lifetime, pages_first)
}

/// The names the documents give that no registry entry holds, most named first (`annals
/// check --names`): the build's reading of the pages, with nothing rendered.
pub fn name_candidates(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<crate::names::Candidate>> {
    let (config, base) = settings(options, diagnostics)?;
    let mut cache = BuildCache::default();
    let mut loaded = stages::load(options, &config, &mut cache, diagnostics);
    let lock = crate::addresses::Lock::read(&options.root, diagnostics).unwrap_or_default();
    let analysed = stages::analyse(
        &mut loaded,
        (&config, &base),
        &lock,
        &mut cache,
        diagnostics,
    );
    let mut candidates = stages::name_candidates(&loaded, &analysed);
    crate::names::leave_out(&mut candidates, &config.not_names);
    Some(candidates)
}

/// The events whose sources give them dates that cannot all be right (`annals check
/// --conflicts`): the build's reading and index of the pages, with nothing rendered.
pub fn date_conflicts(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<crate::timeline::conflict::Disagreement>> {
    let (config, base) = settings(options, diagnostics)?;
    let mut cache = BuildCache::default();
    let mut loaded = stages::load(options, &config, &mut cache, diagnostics);
    let lock = crate::addresses::Lock::read(&options.root, diagnostics).unwrap_or_default();
    let mut analysed = stages::analyse(
        &mut loaded,
        (&config, &base),
        &lock,
        &mut cache,
        diagnostics,
    );
    let indexed = stages::index(options, &loaded, &mut analysed, diagnostics);
    Some(stages::disagreements(&loaded, &indexed))
}

/// How long the build's memory is needed after it: a process that ends right after its
/// build (`annals build`) leaves it to the system, which takes it back at once, where
/// freeing a large site's million allocations one by one takes a noticeable part of the
/// build (BENCHMARKS.md, "Memory").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lifetime {
    ProcessGoesOn,
    ProcessEnds,
}

fn prepare_stages(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    (cache, sink): (&mut BuildCache, &Sink),
    lifetime: Lifetime,
    pages_first: Option<PagesFirst>,
) -> Option<Built> {
    let started = Instant::now();
    let mut clock = StageClock::new();
    let (config, base) = settings(options, diagnostics)?;
    let mut loaded = stages::load(options, &config, cache, diagnostics);
    clock.lap("load");
    let read_lock =
        crate::addresses::Lock::read_through(&options.root, cache.lock_read(), diagnostics);
    let lock = read_lock.clone().unwrap_or_default();
    let mut analysed = stages::analyse(&mut loaded, (&config, &base), &lock, cache, diagnostics);
    clock.lap("markdown and entities");
    let indexed = stages::index(options, &loaded, &mut analysed, diagnostics);
    if diagnostics.has_errors() {
        return None;
    }
    clock.lap("citations and timeline");
    let site = stages::Site::new(&config, &base, &loaded, &analysed, &indexed);
    let first_part = match pages_first {
        Some(_) => Part::Pages,
        None => Part::All,
    };
    let files = stages::render(
        &site,
        (first_part, cache.render_memo()),
        sink,
        &mut clock,
        diagnostics,
    );
    let unchanged_pages = cache.pages_rendered(files.is_some());
    let mut files = files?;
    clock.restart();
    let published = stages::publish(options, &site, &files, diagnostics)?;
    files.extend(published);
    clock.lap("feeds, sitemap, static files");
    let mut summary = stages::summarise(&loaded, &analysed, &files, started.elapsed());
    summary.stages = std::mem::take(&mut clock.laps);
    summary.unchanged_pages = unchanged_pages;
    if let Some(pages_first) = pages_first {
        pages_first(files, &summary, diagnostics);
        clock.restart();
        let later = (Part::Later, None);
        // On one thread: the pages just handed over are being served and drawn, and the
        // reload that fetches them should not wait for a core.
        let one_thread = rayon::ThreadPoolBuilder::new().num_threads(1).build();
        let render_later = |diagnostics: &mut Diagnostics, clock: &mut StageClock| {
            stages::render(&site, later, sink, clock, diagnostics)
        };
        files = match one_thread {
            Ok(pool) => pool.install(|| render_later(diagnostics, &mut clock)),
            Err(_) => render_later(diagnostics, &mut clock),
        }?;
        summary.later_stages = clock.laps;
    }
    // Written when they changed, and never over a lock that could not be read.
    let addresses = read_lock
        .is_some()
        .then(|| stages::addresses(&loaded, &analysed))
        .filter(|new| *new != lock);
    if lifetime == Lifetime::ProcessEnds {
        std::mem::forget(site);
        std::mem::forget((indexed, analysed, loaded));
    }
    Some(Built {
        files,
        summary,
        addresses,
    })
}

/// Builds the site and writes it. Errors in the content are in `diagnostics` (and the output
/// is left as it was); an `Err` is a failure to write.
pub fn build(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Option<Summary>> {
    build_with(options, diagnostics, Lifetime::ProcessGoesOn)
}

/// [`build`] for a process that ends right after it (`annals build`): its memory is left to
/// the system, not freed.
pub fn last_build(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> anyhow::Result<Option<Summary>> {
    build_with(options, diagnostics, Lifetime::ProcessEnds)
}

fn build_with(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
    lifetime: Lifetime,
) -> anyhow::Result<Option<Summary>> {
    let started = Instant::now();
    let output = options.output_dir();
    let settled = write::settled(&output)?;
    refuse_output_among_sources(&options.root, &output, &settled)?;
    let staging = write::Staging::begin(&settled)?;
    let sink = staging.sink();
    let mut cache = BuildCache::default();
    let Some(built) = prepare_stages(options, diagnostics, (&mut cache, &sink), lifetime, None)
    else {
        return Ok(None);
    };
    staging.finish(&built.files)?;
    // The addresses this build published are the ones the next build keeps.
    if let Some(addresses) = &built.addresses {
        addresses
            .write(&options.root)
            .map_err(|e| anyhow::anyhow!("cannot write {}: {e}", crate::addresses::LOCK_FILE))?;
    }
    let mut summary = built.summary;
    summary.bytes = Some(write::folder_size(&settled));
    summary.elapsed = started.elapsed();
    Ok(Some(summary))
}

/// The output folder is replaced whole on every build: it must neither hold the site nor
/// stand in a folder the build reads.
/// `settled` is the output's path as `write::settled` gives it.
fn refuse_output_among_sources(root: &Path, output: &Path, settled: &Path) -> anyhow::Result<()> {
    let Ok(root) = std::fs::canonicalize(root) else {
        // No site there: loading the content says so.
        return Ok(());
    };
    let refuse = |why: String| {
        anyhow::anyhow!(
            "refusing to write into {}: {why}, and the output folder is replaced whole on every build; choose an output folder of its own, such as public/",
            output.display()
        )
    };
    if root.starts_with(settled) {
        return Err(refuse(format!("it holds the site ({})", root.display())));
    }
    for source in [content::CONTENT_DIR, TEMPLATES_DIR, STATIC_DIR] {
        if settled.starts_with(root.join(source)) {
            return Err(refuse(format!("it is in the site's {source}/ folder")));
        }
    }
    Ok(())
}

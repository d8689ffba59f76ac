//! The `annals` command: a thin layer over the library that parses the arguments, prints
//! the diagnostics and the summary, and sets the exit code.

use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};

use annals::build::{self, BuildOptions, Summary};
use annals::diagnostic::{Diagnostics, counted};
use annals::serve::{self, ServeOptions};

// A build allocates millions of small strings (snippets, links, template values) across
// threads; mimalloc spends a fraction of glibc malloc's time on them (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "annals",
    version,
    about = "A static site generator for documentary histories"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into public/ (or --output).
    Build {
        /// The site's folder (holding site.toml and content/).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site [default: ROOT/public].
        #[arg(long)]
        output: Option<PathBuf>,
        /// Overrides base_url of site.toml, e.g. https://example.org/annals/.
        #[arg(long)]
        base_url: Option<String>,
        /// Print how long each stage of the build took.
        #[arg(long)]
        timings: bool,
        /// Build the pages and registry entries marked `draft = true` too.
        #[arg(long)]
        drafts: bool,
    },
    /// Check the content without writing anything (or, with --links, a built site's links);
    /// exits 1 on any error.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Check the links of the built site in DIR [default: ROOT/public] instead of the
        /// content: every internal link and fragment must resolve.
        #[arg(long, value_name = "DIR", num_args = 0..=1)]
        links: Option<Option<PathBuf>>,
        /// With --links: where the site lives [default: base_url of site.toml].
        #[arg(long, requires = "links")]
        base_url: Option<String>,
        /// List the names the documents give that no registry entry holds, most named first.
        #[arg(long, conflicts_with = "links")]
        names: bool,
        /// With --names: how many to list.
        #[arg(long, default_value_t = 40, requires = "names")]
        limit: usize,
        /// With --names: write a draft registry entry for each name listed into CONTENT
        /// (CONTENT/people/ID.md and the like, `draft = true`, never over a file that is
        /// there), for the editor to complete.
        #[arg(long, value_name = "CONTENT", requires = "names")]
        draft: Option<PathBuf>,
        /// List the events whose documents give them dates that cannot all be right.
        #[arg(long, conflicts_with_all = ["links", "names"])]
        conflicts: bool,
    },
    /// Build the site, serve it, rebuild on every change and reload the open pages.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The port to listen on; 0 picks a free one.
        #[arg(long, default_value_t = serve::DEFAULT_PORT)]
        port: u16,
        /// The address to listen on; the default is reachable from this machine only.
        #[arg(long, default_value = "127.0.0.1")]
        bind: IpAddr,
        /// Open the site in the default browser.
        #[arg(long)]
        open: bool,
        /// Show the pages and registry entries marked `draft = true` too.
        #[arg(long)]
        drafts: bool,
        /// Print how long each stage of each build took.
        #[arg(long)]
        timings: bool,
    },
    /// Write a minimal new site into DIR.
    Init { dir: PathBuf },
    /// Turn a plain-text transcription into annals Markdown, its notes into footnotes.
    Import(Box<ImportArgs>),
}

#[derive(clap::Args)]
struct ImportArgs {
    /// The transcription (plain text, UTF-8).
    file: PathBuf,
    /// Where to write: content/documents/SLUG (SLUG.md, or the folder SLUG/ with --split);
    /// with --registry, the content folder.
    #[arg(long)]
    into: PathBuf,
    /// Read the book's back matter (glossary, dates of congresses, biographical notes) into
    /// the registry: INTO/people, INTO/events, INTO/terms, citing the book by --authors and
    /// --title. Other files in those folders are left as they are.
    #[arg(long, conflicts_with_all = ["split", "omit"], requires_all = ["title", "authors"])]
    registry: bool,
    /// The transcription's format; `auto` reads it from the text and says which it chose
    /// and why.
    #[arg(long, default_value = "auto", value_parser = annals::import::Format::CHOICES.to_vec())]
    format: String,
    /// Also write the import's report as JSON to this file.
    #[arg(long, value_name = "FILE.json")]
    report: Option<PathBuf>,
    /// Write a collection, one page per section of the text's table of contents.
    #[arg(long, value_parser = ["chapters"])]
    split: Option<String>,
    /// Leave out a section (by its title); may be repeated.
    #[arg(long)]
    omit: Vec<String>,
    #[arg(long)]
    title: Option<String>,
    /// Authors, separated by `;`.
    #[arg(long, value_delimiter = ';')]
    authors: Vec<String>,
    #[arg(long)]
    date: Option<String>,
    #[arg(long)]
    publication: Option<String>,
    #[arg(long)]
    url: Option<String>,
    #[arg(long)]
    translator: Option<String>,
    #[arg(long)]
    rights: Option<String>,
    #[arg(long)]
    summary: Option<String>,
    #[arg(long)]
    language: Option<String>,
    /// Why the source lacks the texts of notes it cites (an OCR that kept the markers, say):
    /// written as `missing_notes` into each page with markers but no note, which the build
    /// then shows as missing from the source instead of warning of each.
    #[arg(long, value_name = "REASON")]
    missing_notes: Option<String>,
    /// Why the source prints notes whose markers are not in its text: written as
    /// `uncited_notes` into each page with such notes.
    #[arg(long, value_name = "REASON")]
    uncited_notes: Option<String>,
    /// What a name that the registry gives to several entries means in this text, where
    /// its context does not say (`--name "Smirnov=person:smirnov-v-m"`): written as `names`
    /// into each page that has it. May be repeated.
    #[arg(long = "name", value_name = "NAME=ENTRY", value_parser = name_meaning)]
    names: Vec<(String, String)>,
    /// A name the source itself leaves ambiguous: written as `unlinked_names` into each page
    /// that has it, which then keeps it unlinked without a warning. May be repeated.
    #[arg(long = "unlinked-name", value_name = "NAME")]
    unlinked_names: Vec<String>,
    /// The editor's corrections of the transcription, a TOML file of
    /// `"the source's words" = "the edition's"`: each written into the page as a correction
    /// readers see marked (`{~~Lanin's~>Lenin's~~}`).
    #[arg(long, value_name = "FILE.toml")]
    corrections: Option<PathBuf>,
}

fn name_meaning(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((name, entry)) if !name.trim().is_empty() && entry.contains(':') => {
            Ok((name.trim().to_string(), entry.trim().to_string()))
        }
        _ => Err(format!(
            "`{value}` is not NAME=ENTRY; write it as \"Smirnov=person:smirnov-v-m\""
        )),
    }
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Build {
            root,
            output,
            base_url,
            timings,
            drafts,
        } => run_build(
            BuildOptions {
                root,
                output,
                base_url,
                drafts,
            },
            timings,
        ),
        Command::Check {
            root,
            links: Some(dir),
            base_url,
            ..
        } => run_link_check(
            BuildOptions {
                base_url,
                ..BuildOptions::new(root)
            },
            dir,
        ),
        Command::Check {
            root,
            names: true,
            limit,
            draft,
            ..
        } => run_names(BuildOptions::new(root), limit, draft.as_deref()),
        Command::Check {
            root,
            conflicts: true,
            ..
        } => run_conflicts(BuildOptions::new(root)),
        Command::Check {
            root,
            deny_warnings,
            ..
        } => run_check(BuildOptions::new(root), deny_warnings),
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
            timings,
        } => match serve::serve(ServeOptions {
            root,
            bind,
            port,
            open,
            drafts,
            timings,
        }) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
        Command::Init { dir } => match annals::init::init(&dir) {
            Ok(()) => {
                println!(
                    "Created a new site in {0}. See it in the browser, rebuilt as you edit it:\n  annals serve --root {0} --open\nor write it to {0}/public/ for a static host:\n  annals build --root {0}",
                    dir.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        },
        Command::Import(args) => match run_import(*args) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => fail(&e),
        },
    }
}

fn run_import(args: ImportArgs) -> anyhow::Result<()> {
    use anyhow::Context;
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {} as UTF-8 text", args.file.display()))?;
    if args.registry {
        return import_registry(&text, &args);
    }
    let options = annals::import::ImportOptions {
        provenance: annals::frontmatter::FrontMatter {
            title: args.title,
            authors: args
                .authors
                .into_iter()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
                .collect(),
            date: args.date,
            publication: args.publication,
            url: args.url,
            translator: args.translator,
            rights: args.rights,
            summary: args.summary,
            language: args.language,
            source_file: args
                .file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned()),
            ..Default::default()
        },
        split_chapters: args.split.is_some(),
        omit: args.omit,
        missing_notes: args.missing_notes,
        uncited_notes: args.uncited_notes,
        names: args.names.into_iter().collect(),
        unlinked_names: args.unlinked_names,
        format: annals::import::Format::parse(&args.format).unwrap_or_default(),
        entries: annals::import::site_entries(&args.into),
        corrections: match &args.corrections {
            Some(path) => read_corrections(path)?,
            None => Vec::new(),
        },
    };
    let imported = annals::import::import(&text, &options);
    let written = annals::import::write(&imported, &args.into)?;
    print!("{}", imported.report.summary());
    print_gap_hints(&imported.report, &options);
    if let Some(path) = &args.report {
        let json = serde_json::to_string_pretty(&imported.report).context("the report as JSON")?;
        std::fs::write(path, json + "\n")
            .with_context(|| format!("cannot write the report to {}", path.display()))?;
    }
    match written.as_slice() {
        [one] => println!("Wrote {}.", one.display()),
        _ => println!(
            "Wrote {} under {}.",
            counted(written.len(), "file", "files"),
            args.into.display()
        ),
    }
    Ok(())
}

fn read_corrections(
    path: &std::path::Path,
) -> anyhow::Result<Vec<annals::import::corrections::Correction>> {
    use anyhow::Context;
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the corrections file {}", path.display()))?;
    annals::import::corrections::read(&text, path).map_err(|d| anyhow::anyhow!("{d}"))
}

fn import_registry(text: &str, args: &ImportArgs) -> anyhow::Result<()> {
    use annals::import::registry;
    let citation = registry::Citation {
        author: args
            .authors
            .iter()
            .map(|a| a.trim())
            .collect::<Vec<_>>()
            .join(", "),
        title: args.title.clone().unwrap_or_default(),
    };
    let registry = registry::read_back_matter(text, &citation);
    let written = registry::write(&registry, &args.into)?;
    print!("{}", registry.summary());
    println!(
        "Wrote {} under {}.",
        counted(written.len(), "file", "files"),
        args.into.display()
    );
    Ok(())
}

/// What import found of notes that the source lacks, and whether it was declared.
fn print_gap_hints(report: &annals::import::Report, options: &annals::import::ImportOptions) {
    let gaps = [
        (
            report.markers_without_note(),
            &options.missing_notes,
            "markers without a note",
            "missing-notes",
        ),
        (
            report.notes_without_marker(),
            &options.uncited_notes,
            "notes without a marker",
            "uncited-notes",
        ),
    ];
    for (found, reason, what, flag) in gaps {
        match (found, reason) {
            (0, Some(_)) => {
                println!("note: --{flag} was given, but there are no {what}; nothing was declared.")
            }
            (0, None) | (_, Some(_)) => {}
            (n, None) => println!(
                "hint: {n} {what}: if the source itself lacks them, import again with \
                 --{flag} \"WHY\" and the build shows them as such instead of warning of each."
            ),
        }
    }
}

fn run_build(options: BuildOptions, timings: bool) -> ExitCode {
    keep_freed_memory();
    let mut diagnostics = Diagnostics::default();
    let result = build::last_build(&options, &mut diagnostics);
    diagnostics.print(Some(annals::diagnostic::WARNINGS_SHOWN));
    match result {
        Ok(Some(summary)) => {
            print_known_gaps(&summary);
            println!(
                "{}",
                summary_line(&summary, &diagnostics, &options.output_dir())
            );
            if timings {
                print!("{}", summary.timings());
            }
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!(
                "Build failed with {}; {} was left as it was.",
                counted(diagnostics.error_count(), "error", "errors"),
                options.output_dir().display()
            );
            ExitCode::FAILURE
        }
        Err(e) => fail(&e),
    }
}

/// A one-off build keeps the memory it frees for what it allocates next. By default mimalloc
/// gives memory unused for a second back to the system, and a build that runs longer than
/// that has it faulted in and zeroed again by the kernel (BENCHMARKS.md, "Memory", has
/// what it cost). `serve` keeps the default, so that
/// it shrinks while it waits. `MIMALLOC_PURGE_DELAY` in the environment still decides.
fn keep_freed_memory() {
    // `mi_option_purge_delay` in mimalloc.h's `mi_option_e` (v3); libmimalloc-sys has no
    // constant for it. -1: never give memory back.
    const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
    // mimalloc reads its options from the environment as the process starts.
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: called before the build starts any thread (mimalloc's options are not
    // synchronised), with an option and value that mimalloc.h defines.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, -1) }
}

/// `annals check --conflicts`: the events the documents date differently from the registry.
fn run_conflicts(options: BuildOptions) -> ExitCode {
    let mut diagnostics = Diagnostics::default();
    let conflicts = build::date_conflicts(&options, &mut diagnostics);
    let Some(conflicts) = conflicts.filter(|_| !diagnostics.has_errors()) else {
        diagnostics.print(None);
        return ExitCode::FAILURE;
    };
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    let shown = |path: &Path| {
        annals::diagnostic::display_path(&root, path)
            .display()
            .to_string()
    };
    println!(
        "Events the documents date differently: {}.",
        conflicts.len()
    );
    for conflict in &conflicts {
        println!(
            "{}: {}, {} in the registry; the documents say:",
            shown(&conflict.path),
            conflict.event,
            conflict.date
        );
        for account in &conflict.accounts {
            println!(
                "    {}#{}: {}{}: “{}”",
                shown(&account.path),
                account.anchor,
                account.date,
                if account.differs { " (differs)" } else { "" },
                account.sentence
            );
        }
    }
    ExitCode::SUCCESS
}

/// `annals check --names`: the names no entry holds, each with its forms and first places.
fn run_names(options: BuildOptions, limit: usize, draft: Option<&Path>) -> ExitCode {
    let mut diagnostics = Diagnostics::default();
    let candidates = build::name_candidates(&options, &mut diagnostics);
    if diagnostics.has_errors() || candidates.is_none() {
        diagnostics.print(None);
        return ExitCode::FAILURE;
    }
    let candidates = candidates.unwrap_or_default();
    let root = std::fs::canonicalize(&options.root).unwrap_or_else(|_| options.root.clone());
    println!(
        "Names in the documents that no registry entry holds: {} (the first {} listed).",
        candidates.len(),
        limit.min(candidates.len())
    );
    for candidate in candidates.iter().take(limit) {
        let forms: Vec<String> = (candidate.forms.iter().take(4))
            .map(|(form, n)| format!("{form} ({n})"))
            .collect();
        println!(
            "{} ({}?): {} in {}; written {}",
            candidate.name,
            candidate.kind,
            counted(candidate.count, "time", "times"),
            counted(candidate.documents, "document", "documents"),
            forms.join(", ")
        );
        for (path, anchor, around) in &candidate.contexts {
            let shown = annals::diagnostic::display_path(&root, path);
            println!("    {}#{anchor}: “{around}”", shown.display());
        }
    }
    if let Some(content) = draft {
        let listed = &candidates[..limit.min(candidates.len())];
        match annals::names::write_drafts(listed, content, &root) {
            Ok(written) => println!(
                "Wrote {} under {} (draft = true: built only with --drafts); {} left as they were.",
                counted(written.written.len(), "draft entry", "draft entries"),
                content.display(),
                counted(written.kept, "file there", "files there")
            ),
            Err(e) => return fail(&e),
        }
    }
    ExitCode::SUCCESS
}

fn run_check(options: BuildOptions, deny_warnings: bool) -> ExitCode {
    let mut diagnostics = Diagnostics::default();
    let built = build::prepare(&options, &mut diagnostics);
    diagnostics.print(None);
    let errors = diagnostics.error_count();
    let warnings = diagnostics.warning_count();
    let found = format!(
        "{}, {}",
        counted(errors, "error", "errors"),
        counted(warnings, "warning", "warnings")
    );
    if let Some(built) = &built {
        let s = &built.summary;
        print_known_gaps(s);
        println!(
            "Checked {} ({}): {found}.",
            counted(s.pages, "page", "pages"),
            contents(s)
        );
    } else {
        println!("Check found {found}.");
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `annals check --links site/public` run from outside `site/`: the root that holds no
/// site.toml gives way to the folder the built site lies in, when that one holds it.
fn site_of_built_folder(options: BuildOptions, dir: Option<&Path>) -> BuildOptions {
    let beside = dir
        .and_then(Path::parent)
        .filter(|p| !p.as_os_str().is_empty());
    match beside {
        Some(site)
            if !options.root.join("site.toml").is_file() && site.join("site.toml").is_file() =>
        {
            BuildOptions {
                root: site.to_path_buf(),
                ..options
            }
        }
        _ => options,
    }
}

/// Checks the links of a built site under the base path the site will live at.
fn run_link_check(options: BuildOptions, dir: Option<PathBuf>) -> ExitCode {
    let options = site_of_built_folder(options, dir.as_deref());
    let dir = dir.unwrap_or_else(|| options.output_dir());
    let mut diagnostics = Diagnostics::default();
    let settings = build::settings(&options, &mut diagnostics);
    // With --base-url, the check needs nothing of site.toml: a folder without one is fine.
    if options.base_url.is_some() {
        diagnostics.retain(|d| !d.message.starts_with("no site.toml"));
    }
    diagnostics.print(None);
    let Some((_, base)) = settings else {
        return ExitCode::FAILURE;
    };
    if !dir.is_dir() {
        eprintln!(
            "error: {} is not a folder; build the site first with `annals build`",
            dir.display()
        );
        return ExitCode::FAILURE;
    }
    let report = match annals::linkcheck::check_site_at(&dir, base.prefix(), base.origin())
        .with_context(|| format!("cannot read the site in {}", dir.display()))
    {
        Ok(report) => report,
        Err(e) => return fail(&e),
    };
    for broken in &report.broken {
        eprintln!(
            "{}: {} ({})",
            dir.join(&broken.page).display(),
            broken.href,
            broken.reason
        );
    }
    println!(
        "Checked {} links on {} pages under {}: {} broken.",
        report.links,
        report.pages,
        base.prefix(),
        report.broken.len()
    );
    if let Some(path) = &report.built_for {
        eprintln!(
            "hint: most broken links begin with {path} and lead to the site's files without it: \
             was the site built for {path}? Check it under that path: --base-url {path} \
             (or the full address, https://…{path})"
        );
    }
    if report.broken.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One line for each reason documents give for the notes their sources lack
/// (`missing_notes`): not warnings, but what a reader will see on those pages.
fn print_known_gaps(summary: &Summary) {
    for known in &summary.known_missing_notes {
        const LISTED: usize = 3;
        let mut documents: Vec<String> = (known.documents.iter().take(LISTED))
            .map(|(path, n)| format!("{} ({n})", path.display()))
            .collect();
        if known.documents.len() > LISTED {
            documents.push(format!("{} more", known.documents.len() - LISTED));
        }
        println!(
            "note: {} known missing from the source, in {}: “{}”",
            counted(known.notes(), "note", "notes"),
            documents.join(", "),
            known.reason
        );
    }
    for (path, notes, reason) in &summary.known_uncited_notes {
        let (what, verb) = match notes.len() {
            1 => ("note", "is"),
            _ => ("notes", "are"),
        };
        println!(
            "note: {what} {} {verb} never cited in the text of {}: “{reason}”",
            notes.join(", "),
            path.display()
        );
    }
}

fn summary_line(summary: &Summary, diagnostics: &Diagnostics, output: &std::path::Path) -> String {
    let size = match summary.bytes {
        Some(bytes) => format!(" ({})", megabytes(bytes)),
        None => String::new(),
    };
    format!(
        "Built {} ({}) into {}{size} in {} ms, {}.",
        counted(summary.pages, "page", "pages"),
        contents(summary),
        output.display(),
        summary.elapsed.as_millis(),
        counted(diagnostics.warning_count(), "warning", "warnings")
    )
}

/// `12.3 MB`, `0.4 MB`.
fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

/// `4 documents, 53 chapters; 113 people, 48 events; 908 notes, 78 missing; 7813 mentions`
fn contents(summary: &Summary) -> String {
    let mut parts = vec![format!(
        "{}, {}",
        counted(summary.documents, "document", "documents"),
        counted(summary.chapters, "chapter", "chapters")
    )];
    if !summary.entities.is_empty() {
        let entities: Vec<String> = summary
            .entities
            .iter()
            .map(|&(one, many, n)| counted(n, one, many))
            .collect();
        parts.push(entities.join(", "));
    }
    let known: usize = summary.known_missing_notes.iter().map(|k| k.notes()).sum();
    let missing = match (summary.missing_notes, known) {
        (0, _) => "0 missing".to_string(),
        (all, known) if all == known => format!("{all} missing from their sources"),
        (all, 0) => format!("{all} missing"),
        (all, known) => format!("{all} missing, {known} of them from their sources"),
    };
    parts.push(format!(
        "{}, {missing}",
        counted(summary.notes, "note", "notes")
    ));
    if summary.mentions > 0 {
        parts.push(counted(summary.mentions, "mention", "mentions"));
    }
    parts.join("; ")
}

fn fail(error: &anyhow::Error) -> ExitCode {
    eprintln!("error: {error:#}");
    ExitCode::FAILURE
}

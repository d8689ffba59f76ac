//! Criterion benchmarks of the hot parts of a build, each reporting throughput in MB/s on
//! the bundled collection's own text: Markdown rendering with entity linking, alias
//! matching with the registry's names (and with a registry a hundred times as large), and
//! historical dates.
//!
//!     cargo bench --bench pipeline

use std::path::{Path, PathBuf};

use annals::diagnostic::Diagnostics;
use annals::internals::Matcher;
use annals::internals::NameLookup;
use annals::internals::names;
use annals::internals::{Annotator, Entities};
use annals::internals::{MarkdownRenderer, Source};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The book's chapters, as Markdown bodies.
fn chapters() -> Vec<String> {
    let dir = root().join("content/documents/rogovin-1992");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .map(|text| {
            annals::frontmatter::split(&text)
                .map(|s| s.body.to_string())
                .unwrap_or_default()
        })
        .collect()
}

fn markdown_with_entities(c: &mut Criterion) {
    let registry = annals::internals::load_registry(
        &root().join("content"),
        &|p: &Path| p.to_path_buf(),
        (false, &mut Default::default()),
        &mut Diagnostics::default(),
    );
    let (matcher, _) = Matcher::new(&registry);
    let bodies = chapters();
    let bytes: usize = bodies.iter().map(String::len).sum();
    let entities = Entities {
        registry: &registry,
        matcher: &matcher,
    };
    let renderer = MarkdownRenderer::default();
    let path = Path::new("chapter.md");
    let mut group = c.benchmark_group("markdown");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("render the book with entity linking", |b| {
        b.iter(|| {
            for body in &bodies {
                let mut annotator = Annotator::new(entities, "/", path);
                std::hint::black_box(renderer.render(
                    body,
                    Source::new(path, 1, "/"),
                    Some(&mut annotator),
                ));
                std::hint::black_box(annotator.finish());
            }
        })
    });
    let plain = MarkdownRenderer::default();
    group.bench_function("render the book without entities", |b| {
        b.iter(|| {
            for body in &bodies {
                std::hint::black_box(plain.render(body, Source::new(path, 1, "/"), None));
            }
        })
    });
    group.finish();
}

fn alias_matching(c: &mut Criterion) {
    let registry = annals::internals::load_registry(
        &root().join("content"),
        &|p: &Path| p.to_path_buf(),
        (false, &mut Default::default()),
        &mut Diagnostics::default(),
    );
    let text = chapters().join("\n");
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function(
        "file every name of the registry in the trie of words",
        |b| b.iter(|| std::hint::black_box(Matcher::new(&registry))),
    );
    let (matcher, _) = Matcher::new(&registry);
    group.bench_function("find every name in the book", |b| {
        b.iter(|| std::hint::black_box(matcher.find(&text).len()))
    });
    // The registry a hundred times over, each copy under names of its own (`Lenin 37`), as
    // `scripts/bench/scale.py` makes it: the same text should read as fast.
    let mut scaled: Vec<String> = registry.entities.iter().flat_map(names).collect();
    let own = scaled.len();
    for copy in 2..=100 {
        scaled.extend(
            scaled[..own]
                .iter()
                .map(|n| format!("{n} {copy}"))
                .collect::<Vec<_>>(),
        );
    }
    let lookup = NameLookup::new(&scaled);
    group.bench_function("find every name in the book, registry x100", |b| {
        b.iter(|| std::hint::black_box(lookup.find(&text).len()))
    });
    group.finish();
}

fn dates(c: &mut Criterion) {
    let samples = [
        "1921-03-08/1921-03-16",
        "1923-02",
        "1930~",
        "1889?",
        "1896/",
        "1883-03-21",
    ];
    let bytes: usize = samples.iter().map(|s| s.len()).sum();
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("parse and print EDTF dates", |b| {
        b.iter(|| {
            for s in samples {
                std::hint::black_box(annals::internals::HistoricalDate::parse(s).unwrap().human());
            }
        })
    });
    group.finish();
}

/// The dated statements of the book's prose: the timeline's extractor over every paragraph.
fn date_extraction(c: &mut Criterion) {
    let bodies = chapters();
    let renderer = MarkdownRenderer::default();
    let path = Path::new("chapter.md");
    let pages: Vec<_> = bodies
        .iter()
        .map(|b| renderer.render(b, Source::new(path, 1, "/"), None).texts)
        .collect();
    let bytes: usize = pages.iter().flatten().map(|p| p.text.len()).sum();
    let mut group = c.benchmark_group("dates");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("extract the dated statements of the book", |b| {
        b.iter(|| {
            let found: usize = pages
                .iter()
                .map(|p| annals::internals::Extractor::page(p, &|_, _| true, &|_| Vec::new()).len())
                .sum();
            std::hint::black_box(found)
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    markdown_with_entities,
    alias_matching,
    dates,
    date_extraction
);
criterion_main!(benches);

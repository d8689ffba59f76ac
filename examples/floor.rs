//! The floor of the benchmark: what reading, parsing, rendering and writing the same
//! Markdown costs with pulldown-cmark alone, on two threads, with nothing of annals around it
//! (no front matter, templates, notes apparatus, entities, search). annals is measured
//! against it in BENCHMARKS.md.
//!
//!     cargo run --release --example floor -- CONTENT_DIR OUTPUT_DIR

use std::path::{Path, PathBuf};

use rayon::prelude::*;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(input), Some(output)) = (args.next(), args.next()) else {
        eprintln!("usage: floor CONTENT_DIR OUTPUT_DIR");
        std::process::exit(2);
    };
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&input)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    files
        .par_iter()
        .try_for_each(|file| render(file, Path::new(&input), Path::new(&output)))?;
    println!("{} files", files.len());
    Ok(())
}

fn render(file: &Path, input: &Path, output: &Path) -> std::io::Result<()> {
    let markdown = std::fs::read_to_string(file)?;
    let parser = pulldown_cmark::Parser::new_ext(&markdown, annals::internals::markdown_options());
    let mut html = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut html, parser);
    let target = output
        .join(file.strip_prefix(input).unwrap_or(file))
        .with_extension("html");
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(target, html)
}

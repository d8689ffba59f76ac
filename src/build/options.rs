//! What a build is asked to do (`BuildOptions`) and the settings it reads first: site.toml
//! and the base URL the site will live under.

use std::path::{Path, PathBuf};

use crate::config::{self, BaseUrl, Config};
use crate::diagnostic::{Diagnostic, Diagnostics};

pub const DEFAULT_OUTPUT: &str = "public";

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Where to write; `ROOT/public` when not given.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of site.toml.
    pub base_url: Option<String>,
    /// Builds the pages and registry entries marked `draft = true` too (`--drafts`).
    pub drafts: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.shown(&self.root.join(DEFAULT_OUTPUT)))
    }

    /// How a path under the root is shown in messages: relative to the current folder when
    /// the root is `.`, so that `content/a.md:3:7` can be clicked in a terminal.
    pub fn shown(&self, path: &Path) -> PathBuf {
        if self.root == Path::new(".") {
            path.strip_prefix(".").unwrap_or(path).to_path_buf()
        } else {
            path.to_path_buf()
        }
    }
}

/// The site's settings from site.toml, and where it will live: its `base_url`, or
/// `--base-url` when given. `None` when the base URL is not valid (the error is in
/// `diagnostics`).
pub fn settings(
    options: &BuildOptions,
    diagnostics: &mut Diagnostics,
) -> Option<(Config, BaseUrl)> {
    let config = config::load(
        &options.root,
        options.shown(&options.root.join(config::CONFIG_FILE)),
        diagnostics,
    );
    let base_text = options
        .base_url
        .clone()
        .unwrap_or_else(|| config.base_url.clone());
    match BaseUrl::parse(&base_text) {
        Ok(base) => Some((config, base)),
        Err(message) => {
            if options.base_url.is_some() {
                diagnostics.push(Diagnostic::error("--base-url", message));
            }
            None
        }
    }
}

//! annals: a static site generator for documentary histories.
//!
//! A build flows one way: `config` and `content` load the site, `markdown` renders each
//! page's body and notes, `render` fills the templates, `write` puts the site on disk
//! atomically, with `publish` adding the sitemap, robots.txt and the feed. `build` runs the
//! stages in order; `linkcheck` verifies a built site; `serve` previews it with live reload.

pub mod build;
pub mod cache;
pub mod cite;
pub mod config;
pub mod content;
pub mod data;
pub mod date;
pub mod diagnostic;
pub mod entity;
pub mod frontmatter;
pub mod import;
pub mod init;
pub mod linkcheck;
pub mod markdown;
pub mod publish;
pub mod render;
pub mod search;
pub mod serve;
pub mod slug;
pub mod timeline;
pub mod write;

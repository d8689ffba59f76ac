//! The integration tests, in one test binary so that `cargo test` links the library and its
//! dependencies once: each module tests one part of annals from the outside, through its
//! library API or its command line, on the fixture sites of `tests/fixtures/` and the
//! bundled collection.

mod common;

mod browser;
mod build;
mod cite;
mod cli;
mod corpus;
mod formats;
mod import;
mod kinds;
mod open_data;
mod rebuild;
mod registry;
mod reliability;
mod search;
mod serve;
mod timeline;

#!/usr/bin/env bash
# Builds the browser's stemmer (tools/stemmer-wasm, which includes src/search/stem.rs) into
# static/search/stem.wasm. Run after a change to src/search/stem.rs or to rust-stemmers'
# version; a test compares the browser's stems with annals' own on a word list.
#
#   rustup target add wasm32-unknown-unknown     # once
#   scripts/build-stemmer-wasm.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root/tools/stemmer-wasm"
cargo build --quiet --release --target wasm32-unknown-unknown --target-dir "$root/target/stemmer-wasm"
mkdir -p "$root/static/search"
cp "$root/target/stemmer-wasm/wasm32-unknown-unknown/release/annals_stemmer_wasm.wasm" "$root/static/search/stem.wasm"
ls -l "$root/static/search/stem.wasm"

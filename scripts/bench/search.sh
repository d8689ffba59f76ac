#!/usr/bin/env bash
# annals' own search against Pagefind's on the same built site (BENCHMARKS.md): the site built
# by annals, indexed by Pagefind as well, then both searched in headless Chromium by
# scripts/bench/search-compare.mjs: how many of the queries of tests/browser/search-queries.json
# find their page in the top five, and what a reader's first query costs (time, requests,
# bytes) on a desktop CPU, on a CPU slowed four times, and on that CPU with a 4G network.
# Also printed: the time Pagefind takes to index the site, and each index's size on disk.
# Sites are made on tmpfs (/dev/shm) and removed at the end (KEEP=1 keeps them).
#
#   scripts/bench/search.sh                       # ×1 and ×100
#   SCALES=1 scripts/bench/search.sh
#   MODE=first RUNS=3 SCALES=100 scripts/bench/search.sh
#   PAGEFIND_TIMEOUT=300 scripts/bench/search.sh  # give up on Pagefind after 5 minutes
#
# MODE, RUNS, ENGINES, PROFILES and FIRST_QUERIES are passed on to search-compare.mjs (its
# comments say what they do). At ×100 (scripts/bench/scale.py: the collection 100 times over,
# about 40,000 pages and 1.2 GB of output) Pagefind is skipped if it has not indexed the site
# in PAGEFIND_TIMEOUT seconds (600); NO_PAGEFIND=1 skips it everywhere. Pagefind indexes
# each page's whole <body>, with its defaults: the site has no data-pagefind-* attributes.
#
# Needs: a release build (made here), Chromium and the browser suite's playwright-core
# (npm ci --prefix tests/browser), Pagefind (pip install pagefind-bin-extended), time
# (apt-get install time).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/dev/shm/annals-bench}
scales=${SCALES:-"1 100"}
timeout=${PAGEFIND_TIMEOUT:-600}
# Looked up from / so that a folder of that name where the script is run from is not taken
# for the package.
pagefind=${PAGEFIND:-$(cd / && python3 -c 'import pagefind_bin_extended as p; print(p.get_executable())' 2>/dev/null || true)}

(cd "$root" && cargo build --quiet --release)
annals="$root/target/release/annals"
mkdir -p "$work"

# The bytes of the files and folders named, summed.
bytes() { du -scb "$@" | tail -1 | cut -f1; }
megabytes() { awk -v b="$1" 'BEGIN { printf "%.2f MB", b / 1e6 }'; }

echo "machine: $(nproc) cores; $("$annals" --version); chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'); ${pagefind:+$("$pagefind" --version)}"
for n in $scales; do
  site="$work/search-x$n"
  rm -rf "$site" && mkdir -p "$site"
  if [ "$n" = 1 ]; then
    source="$root"
  else
    python3 "$root/scripts/bench/scale.py" "$root" "$n" "$site/scaled" >&2
    source="$site/scaled/annals"
  fi
  out="$site/public"
  "$annals" build --root "$source" --output "$out" | tail -1
  rm -rf "$site/scaled"

  # annals' index: the search folder (the search page, the stemmer, the index) and the client.
  echo "x$n annals search index: $(megabytes "$(bytes "$out/search" "$out/search-index.js")") in $(find "$out/search" -type f | wc -l) files (search/ and search-index.js; search/index/ alone $(megabytes "$(bytes "$out/search/index")"))"

  if [ -n "${NO_PAGEFIND:-}" ] || [ -z "$pagefind" ]; then
    echo "x$n pagefind: skipped${pagefind:- (not installed: pip install pagefind-bin-extended)}"
  elif /usr/bin/time -f "x$n pagefind indexing: %e s wall, %U s user, %M KB peak" -o "$site/pagefind-time" \
      timeout "$timeout" "$pagefind" --site "$out" > "$site/pagefind.log" 2>&1; then
    cat "$site/pagefind-time"
    grep -E '^ *Indexed [0-9]+ (pages|words)' "$site/pagefind.log" | sed "s/^ */x$n pagefind: /" || true
    # Pagefind's folder also holds its ready-made interfaces (pagefind-*ui*, highlight), which
    # a search through its API does not fetch.
    ui=$(find "$out/pagefind" -maxdepth 1 \( -name 'pagefind-*ui*' -o -name 'pagefind-highlight.js' \))
    echo "x$n pagefind index: $(megabytes "$(bytes "$out/pagefind")") in $(find "$out/pagefind" -type f | wc -l) files (without its interfaces $(megabytes $(( $(bytes "$out/pagefind") - $(bytes ${ui:-/dev/null}) ))))"
  else
    echo "x$n pagefind: not finished in $timeout s, skipped"
    rm -rf "$out/pagefind"
  fi

  # Scaled, each page has copies that tie with it: a copy in the top five counts too (COPIES).
  COPIES=$([ "$n" = 1 ] || echo 1) LABEL="x$n" node "$root/scripts/bench/search-compare.mjs" "$out"
  [ -n "${KEEP:-}" ] || rm -rf "$site"
done

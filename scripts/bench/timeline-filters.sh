#!/usr/bin/env bash
# The timeline's filters at 100 times the bundled collection, in headless Chromium: the
# browser suite's scale test run with TIMELINE_COPIES=100 (the suite itself runs it on ten
# copies). The load time and each filter's time from change to the next frame are printed
# and written to tests/browser/output/timeline-performance.txt.
#
#   scripts/bench/timeline-filters.sh          # needs chromium and `npm ci --prefix tests/browser`
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
(cd "$root" && cargo build --quiet --release)
cd "$root/tests/browser"
TIMELINE_COPIES=${TIMELINE_COPIES:-100} ANNALS_BIN="$root/target/release/annals" \
  node --test --test-name-pattern 'filtering works at' timeline.test.mjs
cat output/timeline-performance.txt

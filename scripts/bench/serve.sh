#!/usr/bin/env bash
# The preview server's rebuild time (BENCHMARKS.md): `annals serve` on a copy of the bundled
# collection on tmpfs, one document edited six times, the times the server prints.
#
#   scripts/bench/serve.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
site=${BENCH_DIR:-/dev/shm/annals-bench}/serve
port=${PORT:-18111}
(cd "$root" && cargo build --quiet --release)
rm -rf "$site" && mkdir -p "$site"
cp -r "$root/content" "$root/site.toml" "$site/"
log="$site.log"
"$root/target/release/annals" serve --root "$site" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 1 100); do grep -q Serving "$log" && break; sleep 0.1; done
document="$site/content/documents/avrich-1984.md"
for i in 1 2 3 4 5 6; do
  printf '\nA paragraph added by the benchmark (%s) about Miasnikov in 1923.\n' "$i" >>"$document"
  sleep 1.5
done
grep -E '^(Built|Rebuilt)' "$log"

#!/usr/bin/env bash
# One paragraph of n, 2n and 4n dated sentences that name people (the registry fixture's),
# built with hyperfine: the time should double with n, not grow four times. Sites are made
# on tmpfs (/dev/shm) where there is one.
#
#   scripts/bench/long-paragraph.sh            # n = 20000; N=5000 for a quick run
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
n=${N:-20000}
(cd "$root" && cargo build --quiet --release)
work=$(mktemp -d "$( [ -d /dev/shm ] && echo /dev/shm || echo /tmp )/annals-long-paragraph.XXXXXX")
trap 'rm -rf "$work"' EXIT
commands=()
for size in "$n" $((2 * n)) $((4 * n)); do
  site="$work/site-$size"
  cp -r "$root/tests/fixtures/registry" "$site"
  python3 - "$site/content/documents/long.md" "$size" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2])
sentences = " ".join(
    f"In {1900 + i % 30} Lenin wrote to Miasnikov about the NEP." for i in range(size)
)
with open(path, "w") as out:
    out.write('+++\ntitle = "One long paragraph"\n+++\n\n' + sentences + "\n")
PY
  commands+=("$root/target/release/annals build --root $site")
done
hyperfine --warmup 1 --runs 5 "${commands[@]}"

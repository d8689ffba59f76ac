#!/usr/bin/env bash
# The preview server's rebuild time after an edit (BENCHMARKS.md): `annals serve` on scaled
# copies of the bundled collection on tmpfs (scripts/bench/scale.py, each copy naming its
# own entities), and three kinds of edit, each made EDITS times, one after the other rebuilt:
#   paragraph  a word of one paragraph of a document changed
#   summary    a word of a person's summary in the registry changed
#   alias      an alias added to a person in the registry, then taken away
# It prints the times the server reports for each rebuild, and their median.
#
#   scripts/bench/serve.sh                   # ×1, ×10, ×100
#   SCALES="1 10" EDITS=3 scripts/bench/serve.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${BENCH_DIR:-/dev/shm/annals-bench}/serve
port=${PORT:-18111}
scales=${SCALES:-"1 10 100"}
edits=${EDITS:-6}
(cd "$root" && cargo build --quiet --release)
mkdir -p "$work"

# The number of lines that report a finished rebuild so far.
rebuilds() { grep -cE '^(Rebuilt|The build)' "$log" || true; }

# Edits a file (python's re.sub(PATTERN, REPLACEMENT)) and waits for the server to rebuild.
edit_and_wait() {
  local file=$1 pattern=$2 replacement=$3 before
  before=$(rebuilds)
  python3 - "$file" "$pattern" "$replacement" <<'PYEOF'
import pathlib, re, sys
path = pathlib.Path(sys.argv[1])
text, count = re.subn(sys.argv[2], sys.argv[3], path.read_text(encoding="utf-8"), count=1)
assert count == 1, f"{sys.argv[2]!r} is not in {path}"
path.write_text(text, encoding="utf-8")
PYEOF
  for _ in $(seq 1 1200); do
    [ "$(rebuilds)" -gt "$before" ] && break
    sleep 0.1
  done
  sleep 0.3
}

printf '%-6s %-10s %s\n' scale edit "rebuild (ms), each edit; median"
for n in $scales; do
  python3 "$root/scripts/bench/scale.py" "$root" "$n" "$work/x$n" >&2
  site="$work/x$n/annals"
  log="$work/x$n.log"
  "$root/target/release/annals" serve --root "$site" --port "$port" >"$log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null' EXIT
  for _ in $(seq 1 1200); do grep -q '^Built' "$log" && break; sleep 0.1; done
  document="$site/content/documents/avrich-1984.md"
  person="$site/content/people/miasnikov.md"
  for kind in paragraph summary alias; do
    start=$(rebuilds)
    for i in $(seq 1 "$edits"); do
      case $kind in
        paragraph) edit_and_wait "$document" 'Under (mounting|growing) pressures' "Under $([ $((i % 2)) = 1 ] && echo growing || echo mounting) pressures" ;;
        summary) edit_and_wait "$person" 'Bolshevik (from|since) 1906' "Bolshevik $([ $((i % 2)) = 1 ] && echo since || echo from) 1906" ;;
        alias)
          if [ $((i % 2)) = 1 ]; then edit_and_wait "$person" '(?m)^aliases = \[' 'aliases = ["Gavril the Benchmarked", '
          else edit_and_wait "$person" '"Gavril the Benchmarked", ' ''; fi ;;
      esac
    done
    times=$(grep -E '^(Rebuilt|The build)' "$log" | tail -n +"$((start + 1))" | grep -oE 'in [0-9]+ ms' | grep -oE '[0-9]+' | tr '\n' ' ')
    median=$(printf '%s\n' $times | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
    printf 'x%-5s %-10s %s; %s\n' "$n" "$kind" "$times" "$median"
  done
  kill $server 2>/dev/null; wait $server 2>/dev/null || true
done

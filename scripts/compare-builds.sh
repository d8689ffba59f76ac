#!/usr/bin/env bash
# Builds the same sites with two versions of annals and compares the output trees byte for
# byte: the proof that a change meant to leave the output alone (a restructuring) does.
#
#   scripts/compare-builds.sh            # HEAD~1 against the working tree
#   scripts/compare-builds.sh main       # a branch, tag or commit against the working tree
#
# Both binaries build the working tree's sites, so only the code differs: the bundled
# collection (at / and under /sub/) and the fixture sites of tests/fixtures/. Exits 1 and
# lists the files that differ when any does; KEEP=1 keeps both outputs to read the
# differences (the folder is printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-HEAD~1}
work=$(mktemp -d "${TMPDIR:-/tmp}/annals-compare.XXXXXX")
cleanup() {
  git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true
  if [ -n "${KEEP:-}" ]; then echo "outputs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

echo "== building $base and the working tree (debug builds; the output does not depend on the profile)"
git -C "$root" worktree add --quiet --detach "$work/base-src" "$base"
# One target folder for both, so the dependencies are compiled once.
(cd "$work/base-src" && CARGO_TARGET_DIR="$root/target" cargo build --quiet --bin annals)
cp "$root/target/debug/annals" "$work/annals-base"
(cd "$root" && cargo build --quiet --bin annals)
cp "$root/target/debug/annals" "$work/annals-new"

sites=("$root" "$root/tests/fixtures/basic" "$root/tests/fixtures/registry")
status=0
for site in "${sites[@]}"; do
  for base_url in "" "/sub/"; do
    name="$(basename "$site")${base_url:+-sub}"
    for version in base new; do
      args=(build --root "$site" --output "$work/$name-$version")
      [ -n "$base_url" ] && args+=(--base-url "$base_url")
      if ! "$work/annals-$version" "${args[@]}" >"$work/$name-$version.log" 2>&1; then
        echo "$name: the $version build failed:"
        tail -5 "$work/$name-$version.log"
        status=1
        continue 2
      fi
    done
    files=$(find "$work/$name-new" -type f | wc -l)
    if diff -rq "$work/$name-base" "$work/$name-new" >"$work/$name.diff"; then
      echo "$name: identical ($files files)"
    else
      echo "$name: $(wc -l <"$work/$name.diff") files differ of $files:"
      sed "s|$work/||g" "$work/$name.diff" | head -20 || true
      status=1
    fi
  done
done
exit $status

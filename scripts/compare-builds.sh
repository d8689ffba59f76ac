#!/usr/bin/env bash
# Builds the same sites with two versions of annals and compares the output trees byte for
# byte: the proof that a change meant to leave the output alone (a restructuring) does.
#
#   scripts/compare-builds.sh                # HEAD~1 against the working tree
#   scripts/compare-builds.sh main           # a branch, tag or commit against the working tree
#   scripts/compare-builds.sh A B            # commit A against commit B
#
# Each version builds its own checkout's sites (the bundled collection, whose templates/ are
# also annals' defaults, at / and under /sub/, and the fixture sites of tests/fixtures/), so
# a change to the content or the templates shows as a difference too. Exits 1 and
# lists the files that differ when any does; KEEP=1 keeps both outputs to read the
# differences (the folder is printed).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
base=${1:-HEAD~1}
new=${2:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/annals-compare.XXXXXX")
cleanup() {
  for tree in base new; do
    git -C "$root" worktree remove --force "$work/$tree-src" >/dev/null 2>&1 || true
  done
  if [ -n "${KEEP:-}" ]; then echo "outputs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Builds the binary of a commit (or of the working tree when none is given) and copies it
# to $work/annals-$1, noting its source tree in $work/$1.root. A commit is built from a fresh checkout in target/compare/, the working
# tree in its own target/: cargo judges a build up to date by the files' times, so two
# source trees sharing one target folder could be handed each other's binary.
build() {
  local name=$1 rev=$2
  if [ -z "$rev" ]; then
    (cd "$root" && cargo build --quiet --bin annals)
    cp "$root/target/debug/annals" "$work/annals-$name"
    echo "$root" >"$work/$name.root"
    return
  fi
  git -C "$root" worktree add --quiet --detach "$work/$name-src" "$rev"
  (cd "$work/$name-src" && CARGO_TARGET_DIR="$root/target/compare" cargo build --quiet --bin annals)
  cp "$root/target/compare/debug/annals" "$work/annals-$name"
  echo "$work/$name-src" >"$work/$name.root"
}

echo "== building $base and ${new:-the working tree} (debug builds; the output does not depend on the profile)"
build base "$base"
build new "$new"

status=0
for site in . tests/fixtures/basic tests/fixtures/registry; do
  for base_url in "" "/sub/"; do
    name="$(basename "$(cd "$root/$site" && pwd)")${base_url:+-sub}"
    for version in base new; do
      args=(build --root "$(cat "$work/$version.root")/$site" --output "$work/$name-$version")
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

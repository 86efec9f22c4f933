#!/usr/bin/env bash
# Issue 16's lean build: a clean release build of the binary into a target folder of its own,
# timed, and the binary's size beside the bound (half of the 28 MB the issue started from).
# Usage: bench/build.sh [REV]   (REV: another commit to build the same way, for a before/after)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
build() {
  local dir=$1 label=$2
  /usr/bin/time -f '%e' -o "$work/time" env CARGO_TARGET_DIR="$work/target-$label" cargo build -q --release --bin brief --manifest-path "$dir/Cargo.toml"
  local size
  size=$(stat -c %s "$work/target-$label/release/brief")
  printf '%-10s clean release build %6.1f s, binary %5.1f MB (bound 14 MB)\n' "$label" "$(cat "$work/time")" "$(echo "$size" | awk '{print $1/1e6}')"
}
if [ $# -gt 0 ]; then
  git worktree add -q "$work/tree" "$1"
  build "$work/tree" "$1"
fi
build "$PWD" "HEAD"

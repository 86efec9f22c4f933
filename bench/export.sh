#!/usr/bin/env bash
# Exporting a whole generated library to one Markdown file, beside the time `brief check` takes
# to load the same folder (the target: the export costs at most twice the load).
# Usage: bench/export.sh CORPUS_DIR   (make one with ../shared/tools/gen-corpus 10000 DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: bench/export.sh CORPUS_DIR}
[ -d "$corpus" ] || { echo "no folder $corpus" >&2; exit 2; }
cargo build -q --release
brief=target/release/brief
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Median wall time in ms over 5 runs after a warm-up (warm page cache).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in 1 2 3 4 5; do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

files=$(find "$corpus" -name '*.toml' | wc -l)
load=$(median_ms "$brief" check --dir "$corpus")
export_md=$(median_ms "$brief" export --all --dir "$corpus" --format md --out "$out/all.md" --force)
"$brief" export --all --dir "$corpus" --format md --out "$out/all.md" --force 2>/dev/null
size=$(du -m "$out/all.md" | cut -f1)
echo "corpus: $corpus, $files files"
printf '%-40s %8s ms\n' "brief check (load and check)" "$load"
printf '%-40s %8s ms   (%s MB written)\n' "brief export --all --format md" "$export_md" "$size"
echo "ratio: $(echo "$export_md $load" | awk '{printf "%.2f", $1/$2}')x the load (target: at most 2x)"

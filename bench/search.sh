#!/usr/bin/env bash
# Search speed on a generated library, each figure beside its peer or target:
#   1. one query over the loaded library (what a keystroke costs): p50/p95, target p95 ≤ 10 ms
#   2. keystroke to screen in the reader with a search open (ptylat.py): target p95 ≤ 16 ms
#   3. `brief search WORD` whole process vs `rg -il WORD` on the same folder: target ≤ 20×
#   4. peak memory of `brief search` vs the corpus size: target ≤ 2×
# Usage: bench/search.sh CORPUS_DIR   (make one with ../shared/tools/gen-corpus 10000 DIR)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?usage: bench/search.sh CORPUS_DIR}
[ -d "$corpus" ] || { echo "no folder $corpus" >&2; exit 2; }
ptylat=../shared/tools/ptylat.py
[ -f "$ptylat" ] || { echo "needs $ptylat (the shared tools beside this checkout)" >&2; exit 2; }

if ! command -v rg >/dev/null; then
  echo "installing ripgrep (the peer)…" >&2
  { apt-get install -y -qq ripgrep >/dev/null 2>&1 || cargo install -q ripgrep; } || { echo "cannot install ripgrep" >&2; exit 2; }
fi
if ! python3 -c 'import pyte' 2>/dev/null; then
  echo "installing pyte (for ptylat.py)…" >&2
  pip install -q pyte || { echo "cannot install pyte" >&2; exit 2; }
fi
cargo build -q --release
brief=target/release/brief
markers=(yttrium molybdenum lithium)
bytes=$(du -sb "$corpus" | cut -f1)
echo "corpus: $corpus, $(find "$corpus" -name '*.toml' | wc -l) files, $((bytes / 1000000)) MB"

echo
echo "== 1. one query over the loaded library (cargo bench --bench query)"
cargo bench -q --bench query -- "$corpus" 50 2>/dev/null

# Median wall time in ms of a command, over runs, after a warm-up run (warm page cache).
median_ms() {
  "$@" >/dev/null 2>&1 || true
  local times=()
  for _ in 1 2 3 4 5 6 7; do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 4p | awk '{printf "%.1f", $1/1000}'
}

echo
echo "== 3. brief search WORD vs rg -il WORD, whole process, median of 7 (warm cache)"
printf '%-12s %10s %10s %8s\n' word "brief ms" "rg ms" ratio
for w in "${markers[@]}"; do
  b=$(median_ms "$brief" search "$w" --dir "$corpus")
  r=$(median_ms rg -il "$w" "$corpus")
  printf '%-12s %10s %10s %7.1fx\n' "$w" "$b" "$r" "$(echo "$b $r" | awk '{print $1/$2}')"
done

echo
echo "== 4. peak memory of brief search (corpus $((bytes / 1000)) KB, limit 2x = $((2 * bytes / 1000)) KB)"
for w in "${markers[@]}"; do
  /usr/bin/time -o /tmp/brief-bench-mem -f '%M' "$brief" search "$w" --dir "$corpus" >/dev/null 2>&1 || true
  kb=$(tail -1 /tmp/brief-bench-mem)
  printf '%-12s %8s KB  (%.2fx the corpus)\n' "$w" "$kb" "$(echo "$kb $bytes" | awk '{print $1*1000/$2}')"
done

echo
echo "== 2. keystroke to screen with a search open (ptylat.py, 120x40)"
for w in "${markers[@]}"; do
  # The word is typed but its last letter; then the last letter and a backspace, in turn.
  prefix=${w%?}; last=${w: -1}
  # A large library takes seconds to load: wait until the screen has been still for 3 s.
  bench/ptylat.sh --size 120x40 --rounds 20 --startup-timeout 120 --startup-settle 3000 --setup "/$prefix" \
    --key "$last" --key $'\x7f' --quit $'\x1b\x1bq' -- "$brief" --dir "$corpus" 2>&1 | sed "s/^/$w: /"
done

#!/usr/bin/env bash
# Issue 15's figures on a generated library (default 10,000 briefings, `gen-corpus N DIR
# --seed 7`), each beside its peer measured in the same run: keystroke to screen, p50 / p95 ms
# (ptylat, 120x40), for opening the views across the library and for keys inside them, beside
# `j` in `less` over the corpus (the store issue's peer: target p95 ≤ 2× less), `j` in the
# library list, and the floor: a bare ratatui list drawing a whole new screen for each key
# (examples/keyfloor.rs), as opening a view does.
# Usage: bench/views.sh [N]   (needs ../shared/tools; installs pyte and less)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
here=$PWD
command -v less >/dev/null || apt-get install -y -qq less >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
python3 -c 'import pyte' 2>/dev/null || pip install -q pyte >/dev/null
cargo build -q --release --bin brief --example keyfloor
brief=$here/target/release/brief
floor=$here/target/release/examples/keyfloor
ptylat=$here/bench/ptylat.sh
export PTYLAT=$here/../shared/tools/ptylat.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME=$work/cache XDG_STATE_HOME=$work/state
cd "$work"
"$here/../shared/tools/gen-corpus" "$n" corpus --seed 7 >/dev/null
find corpus -name "*.toml" -exec cat {} + > all.txt
echo "corpus: $n briefings, $(du -sh corpus | cut -f1); machine: $(nproc) cores"
/usr/bin/time -o build.txt -f '%e %M' "$brief" list --dir corpus >/dev/null 2>&1 || true
build=$(tail -1 build.txt)
echo "the store's first build (brief list, no store): ${build% *} s, peak $(( ${build#* } / 1024 )) MB"
echo "rows: $("$brief" commitments --dir corpus | wc -l) commitments, $("$brief" timeline --dir corpus | wc -l) events"

# Each key's p50 / p95, as "KEY p50 / p95" lines.
keys() {
  "$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --rounds 30 "$@" 2>&1 |
    awk "/^'/ && \$(NF-5) ~ /^[0-9]+\$/ {k = \$1; for (i = 2; i <= NF - 6; i++) k = k \" \" \$i; print k \": \" \$(NF-3) \" / \" \$(NF-2)}"
}
echo
echo "== keystroke to screen, p50 / p95 ms (120x40, 30 rounds)"
echo "peer: less $(keys --key j -- less all.txt)"
echo "floor: a bare ratatui list, a new screen each key, $(keys --key j -- "$floor" screen)"
echo "library list $(keys --key j -- "$brief" --dir corpus)"
echo "-- opening a view from the library, and Esc back:"
keys --key C --key '\x1b' --key T --key '\x1b' --key R --key '\x1b' -- "$brief" --dir corpus
echo "-- in the tracker: j, k, the end (G) and the top (g), the next order (S):"
keys --setup C --key j --key k --key G --key g --key S -- "$brief" --dir corpus
echo "-- in the timeline and the reactions: j, G, g:"
keys --setup T --key j --key G --key g -- "$brief" --dir corpus
keys --setup R --key j --key G --key g -- "$brief" --dir corpus

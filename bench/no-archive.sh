#!/usr/bin/env bash
# Issue 12's promise at scale: on the 10,000-briefing corpus, which names no saved copies,
# nothing is slower than before the saved-copy work. Builds BASE (default: the commit before
# `archive = "FILE"` came in) beside this checkout and measures both in the same run:
#   - reader: spawn to the library on screen, `j` in the library, `j` in a briefing, `]`
#   - `brief check`, `brief search yttrium`, `brief list` (hyperfine), and check's peak memory
# Usage: bench/no-archive.sh [BASE]   (needs ../shared/tools; installs hyperfine and pyte)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-9d24b94^}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
python3 -c 'import pyte' 2>/dev/null || pip install -q pyte >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
revs="base $(git rev-parse --short "$base"), head $(git rev-parse --short HEAD)"
# The base builds in a target folder of its own, kept between runs.
CARGO_TARGET_DIR="$PWD/target/bench-base" cargo build -q --release --manifest-path "$work/base/Cargo.toml"
cargo build -q --release
declare -A bin=([base]="$PWD/target/bench-base/release/brief" [head]="$PWD/target/release/brief")
ptylat="$PWD/bench/ptylat.sh"
export PTYLAT="$PWD/../shared/tools/ptylat.py"
../shared/tools/gen-corpus 10000 "$work/corpus" --seed 7 >/dev/null
# Run where no config.toml is found, so both builds read the same (built-in) settings.
cd "$work"
echo "corpus: 10,000 briefings, $(du -sh "$work/corpus" | cut -f1); $revs"
echo
echo "== reader, keystroke to screen (ms, p50 / p95), and spawn to the library on screen"
for which in base head; do
  b=${bin[$which]}
  # A long settle: the loading screen stays still for a second or more, and must not count
  # as the start.
  lib=$("$ptylat" --size 120x40 --startup-timeout 60 --startup-settle 4000 --key j --rounds 30 -- "$b" --dir "$work/corpus" 2>&1 | awk '/complete/ {for (i=1;i<=NF;i++) if ($i=="complete") s=$(i+1)} /^.j. / {print $4" / "$5} END {print "start " s " ms"}')
  pane=$("$ptylat" --size 120x40 --startup-settle 4000 --startup-timeout 60 --setup '\r' --key j --key ']' --rounds 30 -- "$b" --dir "$work/corpus" 2>&1 | awk '/^.j. / {j=$4" / "$5} /^.]. / {n=$4" / "$5} END {print "pane j " j ", ] " n}')
  echo "$which: library j $(echo "$lib" | head -1), $(echo "$lib" | tail -1); $pane"
done
echo
echo "== commands (hyperfine, warm cache)"
hyperfine -N --warmup 1 --runs 5 --style basic --export-markdown "$work/cmd.md" \
  -n "base check" "${bin[base]} check --dir $work/corpus" -n "head check" "${bin[head]} check --dir $work/corpus" \
  -n "base search" "${bin[base]} search yttrium --dir $work/corpus" -n "head search" "${bin[head]} search yttrium --dir $work/corpus" \
  -n "base list" "${bin[base]} list --dir $work/corpus" -n "head list" "${bin[head]} list --dir $work/corpus" \
  -i >/dev/null
cat "$work/cmd.md"
echo
for which in base head; do
  kb=$({ /usr/bin/time -v "${bin[$which]}" check --dir "$work/corpus" 2>&1 >/dev/null || true; } | awk '/Maximum resident/ {print $6}')
  echo "$which: brief check peak $((kb / 1024)) MB"
done

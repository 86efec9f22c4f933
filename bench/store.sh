#!/usr/bin/env bash
# Issue 13's figures, each beside its peer measured in the same run, on a generated library
# (default 10,000 briefings, `gen-corpus N DIR --seed 7`):
#   1. reader, second start: spawn to the library on screen, vs `rg -il yttrium DIR`
#   2. `brief search WORD` (store up to date) vs `rg -il WORD` for yttrium, molybdenum, lithium
#   3. keystrokes, p95: `j` in the library, `j` in a pane, `]`, a letter typed into the search
#      line, vs `j` in `less` over the corpus, and the floor: `j` in a bare ratatui list, the
#      same list showing a whole new screen for each `j` (as `]` does), and a key read and
#      answered by crossterm alone (examples/keyfloor.rs)
#   4. reader peak memory, library open and one search done
#   5. the store's first build (`brief list` with no store) vs `brief check`
#   6. `brief check` vs `taplo check` (pip package `taplo`), and the floor: the toml crate
#      parsing every file with nothing checked, and toml_parser's events alone with no table
#      built (examples/parsefloor.rs)
#   7. `brief list` from the store vs from the files (`--no-cache`)
#   8. a saved file: from the rename to the reader showing it (bench/save_to_screen.py)
# Usage: bench/store.sh [N]   (needs ../shared/tools; installs ripgrep, taplo, pyte, hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
here=$PWD
command -v rg >/dev/null || apt-get install -y -qq ripgrep >/dev/null
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
command -v less >/dev/null || apt-get install -y -qq less >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
command -v taplo >/dev/null || pip install -q taplo >/dev/null
python3 -c 'import pyte' 2>/dev/null || pip install -q pyte >/dev/null
cargo build -q --release --bin brief --example keyfloor --example parsefloor
brief=$here/target/release/brief
parsefloor=$here/target/release/examples/parsefloor
floor=$here/target/release/examples/keyfloor
ptylat=$here/bench/ptylat.sh
export PTYLAT=$here/../shared/tools/ptylat.py
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# A cache folder of the run's own, and no config.toml in sight.
export XDG_CACHE_HOME=$work/cache
cd "$work"
"$here/../shared/tools/gen-corpus" "$n" corpus --seed 7 >/dev/null
find corpus -name "*.toml" -exec cat {} + > all.txt
echo "corpus: $n briefings, $(du -sh corpus | cut -f1); machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB"
mean() { hyperfine -N --warmup 2 --runs "${2:-10}" --style none --export-json m.json -i "$1" >/dev/null 2>&1; python3 -c "import json; print(round(json.load(open('m.json'))['results'][0]['mean']*1000, 1))"; }

echo
echo "== 5. the store's first build vs brief check"
/usr/bin/time -o build.txt -f '%e %M' "$brief" list --dir corpus >/dev/null 2>&1 || true
build=$(tail -1 build.txt)
check=$(mean "$brief check --dir corpus" 3)
echo "first build (brief list, no store): ${build% *} s, peak $(( ${build#* } / 1024 )) MB; brief check: $check ms"

echo
echo "== 1, 2. second runs vs rg -il (ms, mean of 10)"
printf '%-34s %9s %9s %7s\n' what brief rg ratio
for w in yttrium molybdenum lithium; do
  b=$(mean "$brief search $w --dir corpus"); r=$(mean "rg -il $w corpus")
  printf '%-34s %9s %9s %6.2fx\n' "brief search $w" "$b" "$r" "$(echo "$b $r" | awk '{print $1/$2}')"
done
start=$("$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --key j --rounds 3 -- "$brief" --dir corpus 2>&1 | grep -o 'complete [0-9.]*' | cut -d' ' -f2)
r=$(mean "rg -il yttrium corpus")
printf '%-34s %9s %9s %6.2fx\n' "reader: spawn to the library" "$start" "$r" "$(echo "$start $r" | awk '{print $1/$2}')"

echo
echo "== 3. keystroke to screen, p50 / p95 ms (ptylat, 120x40)"
lessj=$("$ptylat" --size 120x40 --key j --rounds 30 -- less all.txt 2>&1 | awk '/^.j. / {print $4" / "$5}')
libj=$("$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --key j --rounds 30 -- "$brief" --dir corpus 2>&1 | awk '/^.j. / {print $4" / "$5}')
pane=$("$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --setup '\r' --key j --key ']' --rounds 30 -- "$brief" --dir corpus 2>&1 | awk '/^.j. / {j=$4" / "$5} /^.]. / {n=$4" / "$5} END {print j" | "n}')
search=$("$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --setup '/lithiu' --key m --key '\x7f' --rounds 30 -- "$brief" --dir corpus 2>&1 | awk '/^.m. / {print $4" / "$5}')
floorj=$("$ptylat" --size 120x40 --key j --rounds 30 -- "$floor" 2>&1 | awk '/^.j. / {print $4" / "$5}')
screenj=$("$ptylat" --size 120x40 --key j --rounds 30 -- "$floor" screen 2>&1 | awk '/^.j. / {print $4" / "$5}')
rawj=$("$ptylat" --size 120x40 --key j --rounds 30 -- "$floor" raw 2>&1 | awk '/^.j. / {print $4" / "$5}')
echo "less j: $lessj; library j: $libj; pane j | ]: $pane; search letter: $search"
echo "the floor (examples/keyfloor.rs): a bare ratatui list, j: $floorj; a new screen each j: $screenj; crossterm alone, no frame: $rawj"

echo
echo "== 4. reader peak memory, library open and one search done"
# The search is typed and its first hit opened (Enter), so `q` quits and the figure is written.
"$ptylat" --size 120x40 --startup-settle 8000 --startup-timeout 120 --setup '/lithium' --setup '\r' --key j --rounds 2 -- /usr/bin/time -v -o mem.txt "$brief" --dir corpus >/dev/null 2>&1 || true
echo "peak: $(( $(awk '/Maximum resident/ {print $6}' mem.txt) / 1024 )) MB"

echo
echo "== 6. brief check vs taplo check (both cores)"
t=$(mean "taplo check corpus/*.toml" 3)
printf 'brief check %s ms, taplo check %s ms: 1/%.1f\n' "$check" "$t" "$(echo "$t $check" | awk '{print $1/$2}')"
p=$(mean "$parsefloor corpus" 3)
printf 'the floor (examples/parsefloor.rs): the toml crate parsing every file, nothing checked, %s ms: 1/%.1f of taplo\n' "$p" "$(echo "$t $p" | awk '{print $1/$2}')"
e=$(mean "$parsefloor corpus events" 3)
printf '  toml_parser events alone, no table built, no string decoded: %s ms: 1/%.1f of taplo\n' "$e" "$(echo "$t $e" | awk '{print $1/$2}')"

echo
echo "== 7. brief list: from the store vs from the files"
printf 'store %s ms, --no-cache %s ms\n' "$(mean "$brief list --dir corpus")" "$(mean "$brief --no-cache --dir corpus list" 3)"

echo
echo "== 8. a saved file, from the rename to the reader showing it (160x48)"
newest=$("$brief" list --dir corpus | awk 'NR == 2 {print $2}')
python3 "$here/bench/save_to_screen.py" "corpus/$newest.toml" 20 -- "$brief" --dir corpus

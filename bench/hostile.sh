#!/usr/bin/env bash
# Figures for the hostile cases of docs/testing.md, each beside the size of its input:
#   1. peak memory of `brief check` on large briefings (dense: one short fact a line; realistic:
#      facts of a sentence and a half), as a multiple of the file
#   2. `brief search` over one file whose every fact matches, at 16,000 and 100,000 facts
#      (the work must grow with the hits, not their square)
#   3. a file past the 16 MiB limit: refused, with the memory that costs
#   4. `brief verify` against a 15 MB saved copy cited whole by 20 claims (time and peak)
#   5. `brief check` of 100,000 references to nothing in one file, and of 10,000 files each
#      related to a missing briefing (guesses at typos are bounded, not the square of both)
# Usage: bench/hostile.sh   (writes its inputs under a temporary folder; needs /usr/bin/time)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x /usr/bin/time ] || { apt-get install -y -qq time >/dev/null 2>&1 || { echo "needs /usr/bin/time" >&2; exit 2; }; }
cargo build -q --release
brief=$PWD/target/release/brief
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A briefing of N facts of TEXT, in folder DIR.
make() {
  local dir=$1 n=$2 text=$3
  mkdir -p "$dir"
  python3 - "$dir/big.toml" "$n" "$text" <<'EOF'
import sys
path, n, text = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with open(path, "w") as f:
    f.write('title = "Big"\ndate = 2025-01-01\nsummary = "rare"\n\n[[source]]\nid = "s"\ntitle = "S"\n\n')
    for i in range(n):
        f.write(f'[[fact]]\nid = "fact-{i}"\ntext = "{text} ({i})"\ntopic = "supply"\ncites = [{{ source = "s", at = "3rd paragraph" }}]\n\n')
EOF
}

# The figures whatever the command's own status (a refused file is status 1).
peak() { { /usr/bin/time -v "$@" 2>&1 >/dev/null || true; } | awk '/Maximum resident/ {print $6}'; }
seconds() { { /usr/bin/time -f %e "$@" 2>&1 >/dev/null || true; } | tail -1; }

echo "== 1. peak memory of brief check on a large briefing"
make "$work/dense" 110000 "Rare earth fact"
make "$work/real" 50000 "China controls about 60% of rare-earth mining and about 70% of processing, and the London framework aims to restore the flow of magnets and the minerals that go into them, officials said."
for kind in dense real; do
  bytes=$(stat -c %s "$work/$kind/big.toml")
  kb=$(peak "$brief" check --dir "$work/$kind")
  awk -v b="$bytes" -v k="$kb" -v n="$kind" 'BEGIN { printf "%-6s file %5.1f MB  peak %6.1f MB  = %4.1f× the file\n", n, b/1e6, k*1024/1e6, k*1024/b }'
done

echo
echo "== 2. brief search over one file whose every fact matches"
for n in 16000 100000; do
  make "$work/s$n" "$n" "Rare earth fact"
  printf "%6d facts: %s s\n" "$n" "$(seconds "$brief" search rare --dir "$work/s$n")"
done

echo
echo "== 3. a file past the limit"
python3 -c "open('$work/huge.toml','w').write('title = \"Huge\"\ndate = 2025-01-01\nsummary = \"' + 'x' * (50 * 1024 * 1024) + '\"\n')"
mkdir -p "$work/huge" && mv "$work/huge.toml" "$work/huge/"
kb=$(peak "$brief" check --dir "$work/huge")
said=$("$brief" check --dir "$work/huge" 2>&1 | grep -o 'larger than [0-9]* MiB' | head -1 || true)
echo "50 MB briefing: refused ($said), peak $((kb / 1024)) MB"

echo
echo "== 4. brief verify against a 15 MB saved copy, cited whole by 20 claims"
mkdir -p "$work/v/lib" "$work/v/archive"
python3 - "$work/v" <<'EOF'
import random, sys
root = sys.argv[1]
random.seed(1)
words = "trade talks tariff export rare earth chip London agreed framework officials market shares index".split()
with open(f"{root}/archive/big.txt", "w") as f:
    size = 0
    while size < 15_000_000:
        p = " ".join(random.choice(words) for _ in range(80)) + ".\n\n"
        f.write(p)
        size += len(p)
with open(f"{root}/lib/b.toml", "w") as f:
    f.write('title = "Big"\ndate = 2025-06-09\nsummary = "x"\n\n[[source]]\nid = "big"\ntitle = "Big"\narchive = "big.txt"\n\n')
    for i in range(20):
        f.write(f'[[fact]]\nid = "f{i}"\ntext = "Zorblax Quentin met Yarrow Pell on {i + 100} days with {i + 7}.5% cut by {i + 900} billion."\ncites = ["big"]\n\n')
EOF
kb=$(peak "$brief" verify --dir "$work/v/lib" --archive "$work/v/archive")
echo "15 MB copy, 20 claims: $(seconds "$brief" verify --dir "$work/v/lib" --archive "$work/v/archive") s, peak $((kb / 1024)) MB"

echo
echo "== 5. brief check where guessing at mistyped ids could take the square of the work"
mkdir -p "$work/refs" "$work/related"
python3 - "$work" <<'EOF'
import sys
root = sys.argv[1]
with open(f"{root}/refs/many.toml", "w") as f:
    f.write('title = "T"\ndate = 2025-01-01\nsummary = "s"\n\n[[source]]\nid = "s"\ntitle = "S"\n\n')
    for i in range(100_000):
        f.write(f'[[commitment]]\nid = "commitment-{i}"\ntext = "t"\nparty = "US"\nstatus = "agreed"\nin_return_for = ["nothing-{i}"]\ncites = ["s"]\n\n')
for i in range(10_000):
    with open(f"{root}/related/b{i}.toml", "w") as f:
        f.write(f'title = "T{i}"\ndate = 2025-01-01\nsummary = "s"\nid = "briefing-{i:05}"\nrelated = ["elsewhere-{i:05}"]\n')
EOF
echo "one file, 100,000 references to no item: $(seconds "$brief" check --dir "$work/refs") s"
echo "10,000 files, each related to a missing briefing: $(seconds "$brief" check --dir "$work/related") s"

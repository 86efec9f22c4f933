#!/usr/bin/env bash
# Coverage-guided fuzzing of one target with libFuzzer (cargo fuzz), seeded from the project's
# fixtures and the official TOML suite beside the checkout. Needs cargo-fuzz
# (`cargo install cargo-fuzz`); runs on the stable toolchain without a sanitizer (the crate
# forbids unsafe code, so what is sought is panics, hangs and runaway memory).
# Usage: fuzz/run.sh TARGET [SECONDS]   (targets: load query config export; default 600 s)
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh load|query|config|export [SECONDS]}
seconds=${2:-600}
command -v cargo-fuzz >/dev/null || cargo install -q cargo-fuzz
seeds=corpus/$target
mkdir -p "$seeds"
copy() { for f in "$@"; do [ -f "$f" ] && cp "$f" "$seeds/$(echo "$f" | md5sum | cut -c1-16)"; done; return 0; }
case $target in
  load|export)
    copy $(find ../tests/fixtures ../briefings -name '*.toml')
    [ -d ../../shared/testdata/toml-test ] && copy $(find ../../shared/testdata/toml-test -name '*.toml' | head -2000)
    ;;
  config)
    copy ../config.toml $(find ../tests/invalid_configs -name '*.toml')
    ;;
  query)
    for q in 'lithium' '"Lancaster House"' 'kind:reaction' 'source:"econo times" -tariff' 'after:2025-01-01 before:2025-12-31' \
      'side:US party:China status:pending direction:up tag:energy' '何立峰' 'munoz' '-x' '"unclosed' 'kinds:x'; do
      printf '%s' "$q" > "$seeds/$(printf '%s' "$q" | md5sum | cut -c1-16)"
    done
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
# 10 s per input at most, 2 GB of memory: a hang or a blow-up is a finding, not a wait.
exec cargo fuzz run --sanitizer none -O "$target" "$seeds" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1

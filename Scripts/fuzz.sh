#!/usr/bin/env bash
# Builds the libFuzzer target for the reader, the engine and the fixer (Benchmarks/Sources/importlint-fuzz) with
# AddressSanitizer and runs it on a seed corpus made from fixtures/.
#
#   Scripts/fuzz.sh [SECONDS] [extra libFuzzer flags...]     e.g. Scripts/fuzz.sh 600 -jobs=1
#   Scripts/fuzz.sh --build-only
#   Scripts/fuzz.sh --run-input fuzz-out/artifacts/crash-...   (replay one input)
#
# Byte 0 of an input picks the variation (delimiter b%5, profile (b/5)%8, trickle size (b/40)%7+1); the rest
# is the file. The seeds are every fixture and Tests/fuzz-seeds/ input with a few variation bytes. Crashes, leaks and timeouts land in fuzz-out/artifacts/;
# the corpus grows in fuzz-out/corpus/. Needs Swift's clang runtime (it ships with the Linux toolchain).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/fuzz-out"
BIN_DIR="$ROOT/Benchmarks/.build-fuzz/release"

build() {
    (cd "$ROOT/Benchmarks" && swift build -c release --scratch-path .build-fuzz --product importlint-fuzz \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -g)
}

seed() {
    mkdir -p "$OUT/seeds" "$OUT/corpus" "$OUT/artifacts"
    local i=0
    while IFS= read -r -d '' f; do
        case "$f" in *.json|*.yml|*.yaml|*.md) continue ;; esac
        for v in 0 41 77 123; do   # sniffed; comma, trickle 2; tab + receptionist, trickle 2; semicolon, trickle 4
            { printf "\\$(printf '%03o' "$v")"; cat "$f"; } > "$OUT/seeds/seed-$i-$v"
        done
        i=$((i + 1))
    done < <(find "$ROOT/fixtures" "$ROOT/Tests/fuzz-seeds" -type f -print0 | sort -z)
}

case "${1:-}" in
    --build-only) build; exit 0 ;;
    --run-input) shift; build; exec "$BIN_DIR/importlint-fuzz" "$@" ;;
esac

SECONDS_TO_RUN="${1:-600}"
shift || true
build
seed
cd "$OUT"
exec "$BIN_DIR/importlint-fuzz" corpus seeds -max_total_time="$SECONDS_TO_RUN" -max_len=16384 -timeout=10 \
    -rss_limit_mb=2048 -artifact_prefix="$OUT/artifacts/" -print_final_stats=1 "$@"

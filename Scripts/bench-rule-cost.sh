#!/usr/bin/env bash
# What a rule family adds to the lint time of one file, measured by hand (never in tests).
#
#   Scripts/bench-rule-cost.sh FILE [RULES] [RUNS]
#
# Runs `importlint check FILE --format json -o /dev/null` with every rule and with `--ignore RULES`
# (default ORG, the clustering rules), alternating the two so that a machine slowing down or
# speeding up mid-run weighs on both alike, and prints each one's median and minimum wall time and
# the added fraction. Shared machines are noisy: use 15 runs or more and read the medians.
set -euo pipefail
file=${1:?usage: Scripts/bench-rule-cost.sh FILE [RULES] [RUNS]}
rules=${2:-ORG}
runs=${3:-15}
cd "$(dirname "$0")/.."
swift build -c release --product importlint >/dev/null
binary=.build/release/importlint

seconds() {
    local start end
    start=$(date +%s.%N)
    "$binary" check "$file" --format json -o /dev/null "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

with=() without=()
seconds >/dev/null; seconds --ignore "$rules" >/dev/null  # warm the page cache
for _ in $(seq "$runs"); do
    with+=("$(seconds)")
    without+=("$(seconds --ignore "$rules")")
done
python3 - "$rules" "${with[*]}" "${without[*]}" <<'PY'
import statistics, sys
rules, a, b = sys.argv[1], [float(x) for x in sys.argv[2].split()], [float(x) for x in sys.argv[3].split()]
ma, mb = statistics.median(a), statistics.median(b)
print(f"every rule         median {ma:.3f} s  min {min(a):.3f} s  ({len(a)} runs)")
print(f"--ignore {rules:<9} median {mb:.3f} s  min {min(b):.3f} s")
print(f"{rules} adds           {100 * (ma - mb) / mb:+.1f}% by medians, {100 * (min(a) - min(b)) / min(b):+.1f}% by minimums")
PY

#!/usr/bin/env bash
# Compares the phone fast path with plain libphonenumber on generated numbers, verdict by verdict
# (Tests/ImportLintCoreTests/PhoneDifferentialTests.swift; `swift test` runs it at 30,000 numbers).
# Usage: Scripts/phone-differential.sh [COUNT]   (COUNT defaults to 1,000,000). Prints the numbers compared,
# the regions they came from, the mismatches (must be 0) and the time taken.
set -euo pipefail
cd "$(dirname "$0")/.."
IMPORTLINT_PHONE_DIFFERENTIAL_COUNT="${1:-1000000}" swift test --filter PhoneDifferentialTests

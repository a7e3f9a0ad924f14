#!/bin/sh
# Proves that another package can depend on ImportLintCore by version: SwiftPM refuses a version-based
# (remote) dependency whose targets use unsafeFlags, so this clones the current commit into a temporary git
# repository, tags it, and builds and runs a throwaway package that depends on it with `from:` and lints a
# two-line file through the library. Usage: Scripts/test-as-dependency.sh (from anywhere); commit first,
# since the clone takes HEAD.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/importlint-dependency.XXXXXX")
trap 'rm -rf "$work"' EXIT

git clone --quiet "$root" "$work/importlint"
git -C "$work/importlint" tag 99.0.0

mkdir -p "$work/consumer/Sources/consumer"
cat > "$work/consumer/Package.swift" <<MANIFEST
// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "consumer",
    platforms: [.macOS(.v13)],
    dependencies: [.package(url: "file://$work/importlint", from: "99.0.0")],
    targets: [.executableTarget(name: "consumer", dependencies: [.product(name: "ImportLintCore", package: "importlint")])]
)
MANIFEST
cat > "$work/consumer/Sources/consumer/main.swift" <<'SWIFT'
import ImportLintCore

let file = InputFile.bytes(Array("Name,Primary Email\nAda , ada@example.com\n".utf8), displayPath: "people.csv")
let report = try Linter(options: LintOptions()).lint(file).report
print(report.diagnostics.map(\.rule).joined(separator: "\n"))
SWIFT

cd "$work/consumer"
swift build --quiet
output=$(swift run --skip-build consumer)
echo "$output"
case "$output" in
*surrounding-whitespace*) echo "ok: a package depending on ImportLintCore by version builds and lints" ;;
*) echo "FAIL: expected surrounding-whitespace in the consumer's output" >&2; exit 1 ;;
esac

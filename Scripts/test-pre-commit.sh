#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit framework: `pre-commit try-repo` on a scratch git
# repository must fail for a bad export and pass for a good one. Needs `pre-commit` (pip install pre-commit),
# git and a Swift toolchain.
# Usage: Scripts/test-pre-commit.sh [REPO [REF]]   (REPO defaults to this checkout, REF to its HEAD commit:
# commit first, uncommitted changes are not tested). try-repo uses a fresh temporary store each time, so each
# of the two runs builds importlint in release mode (about 2-3 minutes each on 2 cores).
set -euo pipefail
repo="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
ref="${2:-$(git -C "$repo" rev-parse HEAD)}"
command -v pre-commit >/dev/null || { echo "pre-commit not found on PATH (pip install pre-commit)" >&2; exit 77; }
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
git init -q .
git config user.email ci@example.com
git config user.name ci

run_hook() {  # $1 = label; runs the importlint hook on every file of the scratch repository
  git add -A
  set +e
  pre-commit try-repo "$repo" importlint --ref "$ref" --all-files --verbose >"$scratch/$1.log" 2>&1
  local status=$?
  set -e
  echo "$status"
}

# A good Receptionist export: passes.
printf 'First Name,Last Name,Email,SMS Phone,Location Slug,Identification\nFrank,Williams,frank@widget.com,+13125550100,chicago,100002\nAnn,Lee,ann@widget.com,+13125550101,chicago,100003\n' > good.csv
status="$(run_hook good)"
if [ "$status" != 0 ]; then
  echo "FAIL: the importlint hook rejected a good export (status $status):" >&2
  cat "$scratch/good.log" >&2
  exit 1
fi
echo "ok: good export passes"

# A bad export (duplicate identifier, neither Email nor SMS Phone): fails and names the file.
printf 'First Name,Last Name,Email,SMS Phone,Location Slug,Identification\nFrank,Williams,frank@widget.com,,chicago,100002\nFranky,Williams,,,chicago,100002\n' > bad.csv
status="$(run_hook bad)"
if [ "$status" = 0 ]; then
  echo "FAIL: the importlint hook accepted a bad export:" >&2
  cat "$scratch/bad.log" >&2
  exit 1
fi
grep -q 'bad.csv' "$scratch/bad.log" || { echo "FAIL: the hook output does not name bad.csv:" >&2; cat "$scratch/bad.log" >&2; exit 1; }
grep -q 'duplicate-identifier' "$scratch/bad.log" || { echo "FAIL: no duplicate-identifier finding:" >&2; cat "$scratch/bad.log" >&2; exit 1; }
echo "ok: bad export fails"
echo "pre-commit hooks OK"

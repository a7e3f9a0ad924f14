#!/usr/bin/env bash
# Proves .pre-commit-hooks.yaml with the real pre-commit framework, as a user's repository would use it: a
# scratch git repository whose .pre-commit-config.yaml names this checkout at REF with both hooks, installed
# as its git pre-commit hook, and real `git commit`s:
#   1. a people file and a contacts file that references it (both with a stray space), a bad export and three
#      more people files, committed together: importlint-fix rewrites the two files in that one commit,
#      importlint rejects the bad export in one call that sees all six files (require_serial: pre-commit
#      would split six files into batches of at most four on two cores) and so does not report the
#      contacts' people as unknown;
#   2. the fixed files without the bad export: the commit passes both hooks.
# Needs `pre-commit` (pip install pre-commit), git and a Swift toolchain (the hook builds importlint in release
# mode once, in a store of its own: a few minutes).
# Usage: Scripts/test-pre-commit.sh [REPO [REF]]   (REPO defaults to this checkout, REF to its HEAD commit:
# commit first, uncommitted changes are not tested). Without pre-commit it fails when CI=true and skips
# (exit 77) on a developer machine.
set -euo pipefail
repo="$(cd "${1:-$(dirname "$0")/..}" && pwd)"
ref="${2:-$(git -C "$repo" rev-parse HEAD)}"
if ! command -v pre-commit >/dev/null; then
  if [ "${CI:-}" = true ]; then
    echo "FAIL: pre-commit not found on PATH on CI (.ci/run installs it with pip)" >&2
    exit 1
  fi
  echo "SKIPPED: pre-commit hook test: pre-commit not found on PATH (pip install pre-commit)" >&2
  exit 77
fi
start=$(date +%s)
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/store"
cd "$scratch"
git init -q work
cd work
git config user.email ci@example.com
git config user.name ci
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $repo
    rev: $ref
    hooks:
      - id: importlint-fix
      - id: importlint
YAML
pre-commit install >/dev/null
fail() { echo "FAIL: $1" >&2; cat "$scratch/$2.log" >&2; exit 1; }

commit() {  # $1 = label; commits what is staged, echoes the exit status
  set +e
  git commit -q -m "$1" >"$scratch/$1.log" 2>&1
  local status=$?
  set -e
  echo "$status"
}

# 4me people with a stray space after a name, contact details of those people with a stray space after a URI,
# and a Receptionist export with a duplicate identifier and a person without Email or SMS Phone.
printf 'Primary Email\tName\tOrganization\nfrank.williams@widget.com\tFrank Williams \tWidget\nann.lee@widget.com\tAnn Lee\tWidget\n' > people.tsv
printf 'Person\tContact Protocol\tContact Label\tContact URI\nfrank.williams@widget.com\temail\tpersonal\tfrank@example.com \nann.lee@widget.com\temail\tpersonal\tann@example.com\n' > contacts.tsv
printf 'First Name,Last Name,Email,SMS Phone,Location Slug,Identification\nFrank,Williams,frank@widget.com,,chicago,100002\nFranky,Williams,,,chicago,100002\n' > bad.csv
for i in 1 2 3; do printf 'Primary Email\tName\tOrganization\nteam%s.lead@widget.com\tLee Team%s\tWidget\n' "$i" "$i" > "team-$i.tsv"; done
git add .pre-commit-config.yaml people.tsv contacts.tsv bad.csv team-1.tsv team-2.tsv team-3.tsv

status="$(commit six-files)"
[ "$status" != 0 ] || fail "a commit with a bad export and unfixed files passed" six-files
grep -q 'files were modified by this hook' "$scratch/six-files.log" || fail "importlint-fix changed nothing" six-files
changed="$(git diff --name-only | sort | tr '\n' ' ')"
case "$changed" in *contacts.tsv*people.tsv*) ;; *) fail "importlint-fix did not rewrite both files (changed: $changed)" six-files ;; esac
grep -q $'\tFrank Williams\t' people.tsv || fail "people.tsv was not trimmed" six-files
grep -q $'\tfrank@example.com$' contacts.tsv || fail "contacts.tsv was not trimmed" six-files
grep -q 'bad.csv' "$scratch/six-files.log" || fail "the importlint hook does not name bad.csv" six-files
grep -q 'duplicate-identifier' "$scratch/six-files.log" || fail "no duplicate-identifier finding for bad.csv" six-files
grep -q '6 files, ' "$scratch/six-files.log" || fail "importlint did not see the six files in one call (require_serial)" six-files
! grep -q 'unknown-person-reference' "$scratch/six-files.log" || fail "contacts.tsv did not see people.tsv (hook not run serially?)" six-files
echo "ok: one commit of six files: importlint-fix rewrote people.tsv and contacts.tsv, importlint rejected bad.csv in one call"

git rm -q --cached bad.csv && rm bad.csv
git add people.tsv contacts.tsv
status="$(commit fixed-files)"
[ "$status" = 0 ] || fail "the commit of the fixed people and contacts files failed (status $status)" fixed-files
[ "$(grep -c 'Passed' "$scratch/fixed-files.log")" = 2 ] || fail "both hooks should have passed" fixed-files
echo "ok: the fixed files commit cleanly through both hooks"
echo "pre-commit hooks OK ($(( $(date +%s) - start )) s)"

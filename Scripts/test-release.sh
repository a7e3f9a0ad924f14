#!/usr/bin/env bash
# Proves that the release artifact installs without a toolchain: builds it (Scripts/build-release.sh),
# verifies its checksum, unpacks it into a bare Debian bookworm root made with debootstrap (minbase: no Swift,
# no ICU, no libphonenumber) and, through chroot, runs the bundled example and a representative set of
# fixtures, comparing each JSON report with its golden.
# Usage: Scripts/test-release.sh [ARTIFACT.tar.gz]   (builds one when not given). Needs root (chroot) and
# debootstrap (installed with apt-get when missing). The Debian root is cached in .build-release/ (ignored by
# git; IMPORTLINT_DEBIAN_ROOT overrides it), so only the first run downloads it (about 40 MB).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(tr -d '[:space:]' < "$ROOT/VERSION")"
DEBIAN_ROOT="${IMPORTLINT_DEBIAN_ROOT:-$ROOT/.build-release/debian-bookworm}"
MIRROR="${IMPORTLINT_DEBIAN_MIRROR:-http://deb.debian.org/debian}"
fail() { echo "FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || fail "test-release needs root for chroot"
artifact="${1:-}"
if [ -z "$artifact" ]; then
  start=$(date +%s)
  artifact="$("$ROOT/Scripts/build-release.sh" "$ROOT/.build-release/dist" | tail -1)"
  echo "test-release: release build took $(( $(date +%s) - start )) s" >&2
fi
(cd "$(dirname "$artifact")" && sha256sum -c "$(basename "$artifact").sha256") || fail "checksum of $artifact does not match"
echo "test-release: artifact $(basename "$artifact"), $(du -k "$artifact" | cut -f1) KiB" >&2

if [ ! -x "$DEBIAN_ROOT/bin/sh" ]; then
  if ! command -v debootstrap >/dev/null; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y debootstrap
  fi
  rm -rf "$DEBIAN_ROOT.partial"
  debootstrap --variant=minbase bookworm "$DEBIAN_ROOT.partial" "$MIRROR" >&2
  mv "$DEBIAN_ROOT.partial" "$DEBIAN_ROOT"
fi
# The root must really be bare: nothing the binary could have borrowed from a toolchain or a -dev package.
for pattern in 'libswiftCore*' 'libFoundation*' 'libicu*' 'libphonenumber*' 'libprotobuf*' 'libabsl*'; do
  found="$(find "$DEBIAN_ROOT/usr" "$DEBIAN_ROOT/lib" -name "$pattern" 2>/dev/null | head -1)"
  [ -z "$found" ] || fail "the Debian root is not bare: $found"
done
! chroot "$DEBIAN_ROOT" sh -c 'command -v swift' >/dev/null || fail "the Debian root has swift"

# Install the artifact and a copy of the fixtures into the root.
rm -rf "$DEBIAN_ROOT/opt/importlint" "$DEBIAN_ROOT/src"
mkdir -p "$DEBIAN_ROOT/opt/importlint" "$DEBIAN_ROOT/src"
tar -xzf "$artifact" -C "$DEBIAN_ROOT/opt/importlint" --strip-components=1
cp -r "$ROOT/fixtures" "$DEBIAN_ROOT/src/fixtures"
# The Swift runtime reads its arguments from /proc/self/cmdline, so the root needs /proc as any system has.
mountpoint -q "$DEBIAN_ROOT/proc" || mount -t proc proc "$DEBIAN_ROOT/proc"
trap 'umount "$DEBIAN_ROOT/proc" 2>/dev/null || true' EXIT
in_root() { chroot "$DEBIAN_ROOT" /usr/bin/env -i PATH=/opt/importlint/bin:/usr/bin:/bin LANG=C.UTF-8 sh -c "cd /src && $1"; }

[ "$(in_root 'importlint --version')" = "$VERSION" ] || fail "importlint --version in the root is not $VERSION"

# The bundled example: exit 1 with the findings of its golden report.
set +e
in_root 'importlint check /opt/importlint/share/importlint/examples/receptionist-messy.csv' > "$DEBIAN_ROOT/src/example.txt" 2>&1
status=$?
set -e
[ "$status" = 1 ] || { cat "$DEBIAN_ROOT/src/example.txt" >&2; fail "the bundled example exited $status, expected 1"; }
for rule in duplicate-identifier email-or-sms-required organization-variants; do
  grep -q "$rule" "$DEBIAN_ROOT/src/example.txt" || { cat "$DEBIAN_ROOT/src/example.txt" >&2; fail "the bundled example does not report $rule"; }
done
echo "ok: bundled example (exit 1, known findings)"

# Fixtures whose rules use ICU, libphonenumber, encodings and clustering: each JSON report must equal its
# golden (the tool version normalized, as the goldens are rewritten only by the test suite).
folders=(examples invalid-phone invalid-email invalid-locale invalid-time-zone invalid-country legacy-encoding
         utf16-encoding byte-order-mark mojibake not-nfc confusable-characters organization-variants
         unknown-person-reference precision phone-missing-plus toolchain-samples)
normalize() { sed -E 's/("version" : )"[^"]*"/\1"VERSION"/'; }
checked=0
for folder in "${folders[@]}"; do
  for input in "$ROOT/fixtures/$folder"/*.csv "$ROOT/fixtures/$folder"/*.tsv; do
    [ -f "$input" ] || continue
    name="$(basename "$input")"
    case "$name" in *.fixed.*|evaluation*|baseline*) continue ;; esac
    golden="${input%.*}.expected.json"
    [ -f "$golden" ] || continue
    args=""   # .args files hold CLI options, one per line, paths relative to the package root
    if [ -f "${input%.*}.args" ]; then
      while read -r option value; do args="$args $option '$value'"; done < "${input%.*}.args"
    fi
    set +e
    in_root "importlint check 'fixtures/$folder/$name' --no-config --format json$args" > "$DEBIAN_ROOT/src/report.json" 2>"$DEBIAN_ROOT/src/stderr.txt"
    status=$?
    set -e
    [ "$status" -le 1 ] || { cat "$DEBIAN_ROOT/src/stderr.txt" >&2; fail "$folder/$name exited $status"; }
    if ! diff -u <(normalize < "$golden") <(normalize < "$DEBIAN_ROOT/src/report.json") >&2; then
      fail "the report of $folder/$name in the bare root differs from its golden"
    fi
    checked=$((checked + 1))
  done
done
[ "$checked" -ge 30 ] || fail "only $checked fixtures were compared"
echo "ok: $checked fixture reports match their goldens in a bare Debian root"
echo "release artifact OK"

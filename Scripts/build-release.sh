#!/usr/bin/env bash
# Builds the release artifact: dist/importlint-VERSION-linux-ARCH.tar.gz and its .sha256 file. The binary
# links the Swift runtime and Foundation statically (--static-swift-stdlib) and ICU, libphonenumber and
# libphonenumber's own dependencies (protobuf, abseil) from Debian's static libraries, so it needs nothing
# beyond glibc, libstdc++, libgcc and zlib, which every Debian or Ubuntu system has.
# Package.swift keeps linking the shared libraries (other packages depend on ImportLintCore); the static
# linking is chosen here, on the command line: a folder holding only the .a files is searched first.
# Usage: Scripts/build-release.sh [OUTDIR]   (OUTDIR defaults to dist/). Needs libicu-dev and
# libphonenumber-dev (which ship the .a files) and a Swift toolchain.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/dist}"
VERSION="$(tr -d '[:space:]' < "$ROOT/VERSION")"
ARCH="$(uname -m)"
NAME="importlint-$VERSION-linux-$ARCH"
SCRATCH="$ROOT/.build-release"
LIBDIR="/usr/lib/$ARCH-linux-gnu"

static="$SCRATCH/static-libs"
rm -rf "$static" && mkdir -p "$static"
# libphonenumber.a needs protobuf-lite and a few abseil libraries (the ones its shared library names).
static_libs=(phonenumber protobuf-lite icui18n icuuc icudata)
absl_libs=()
for lib in $(ldd "$LIBDIR/libphonenumber.so" | sed -n 's/^[[:space:]]*lib\(absl_[a-z_]*\)\.so.*/\1/p'); do
  absl_libs+=("$lib")
done
absl_libs+=(absl_strings_internal absl_int128 absl_raw_logging_internal absl_log_severity absl_spinlock_wait \
            absl_city absl_low_level_hash absl_base absl_throw_delegate)
for lib in "${static_libs[@]}" "${absl_libs[@]}"; do
  [ -f "$LIBDIR/lib$lib.a" ] || { echo "build-release: $LIBDIR/lib$lib.a missing (install the -dev package)" >&2; exit 2; }
  ln -sf "$LIBDIR/lib$lib.a" "$static/lib$lib.a"
done

# The libraries libphonenumber.a needs, after everything that uses them (archive order matters to ld).
extra=()
for lib in phonenumber protobuf-lite "${absl_libs[@]}" icui18n icuuc icudata; do
  extra+=(-Xlinker "-l$lib")
done

start=$(date +%s)
swift build -c release --package-path "$ROOT" --scratch-path "$SCRATCH" --product importlint \
  --static-swift-stdlib -Xlinker -L"$static" "${extra[@]}" -Xlinker -lstdc++ -Xlinker -lz -Xlinker -lpthread
echo "build-release: built in $(( $(date +%s) - start )) s" >&2

binary="$SCRATCH/release/importlint"
version_out="$("$binary" --version)"
[ "$version_out" = "$VERSION" ] || { echo "build-release: binary says '$version_out', VERSION says '$VERSION'" >&2; exit 1; }
# Only system libraries may remain dynamic.
unexpected="$(ldd "$binary" | awk '{print $1}' | grep -v -E '^(linux-vdso\.so|/lib64/ld-linux|libc\.so|libm\.so|libstdc\+\+\.so|libgcc_s\.so|libz\.so|libdl\.so|libpthread\.so|librt\.so|libutil\.so)' || true)"
[ -z "$unexpected" ] || { echo "build-release: unexpected shared libraries: $unexpected" >&2; exit 1; }

stage="$SCRATCH/stage/$NAME"
rm -rf "$SCRATCH/stage" && mkdir -p "$stage/bin" "$stage/share/doc/importlint" "$stage/share/importlint/examples"
cp "$binary" "$stage/bin/importlint"
# --strip-unneeded: a full strip also drops symbols the Swift runtime looks up in the executable (argument
# parsing then fails).
strip --strip-unneeded "$stage/bin/importlint"
cp "$ROOT/README.md" "$ROOT/CHANGELOG.md" "$stage/share/doc/importlint/"
cp "$ROOT"/fixtures/examples/* "$stage/share/importlint/examples/"
mkdir -p "$OUT"
tar -C "$SCRATCH/stage" --owner=0 --group=0 --numeric-owner -czf "$OUT/$NAME.tar.gz" "$NAME"
(cd "$OUT" && sha256sum "$NAME.tar.gz" > "$NAME.tar.gz.sha256")
echo "build-release: $OUT/$NAME.tar.gz ($(du -k "$OUT/$NAME.tar.gz" | cut -f1) KiB)" >&2
echo "$OUT/$NAME.tar.gz"

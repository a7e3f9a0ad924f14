#!/bin/bash
# Scripts/compare-reports.sh BINARY OUTDIR [BASEDIR]: the byte-identity check behind every speed change.
# Writes BINARY's check reports (--jobs 1 and --jobs 2) of the six generator files in $DATA
# (/tmp/importlint-bench: people and contacts 100000/1000000 .tsv, receptionist .csv, as Scripts/bench.py
# makes them) and its fix outputs and reports of four into OUTDIR, then compares them file by file with
# BASEDIR's (written the same way by an earlier build; without BASEDIR, OUTDIR becomes a base). Run by hand.
set -u
BIN=$1; OUT=$2; BASE=${3:-}; DATA=${DATA:-/tmp/importlint-bench}
mkdir -p "$OUT"
for f in people-100000.tsv people-1000000.tsv contacts-100000.tsv contacts-1000000.tsv receptionist-100000.csv receptionist-1000000.csv; do
  for j in 1 2; do
    "$BIN" check "$DATA/$f" --no-config --format json --jobs $j -o "$OUT/$f.j$j.json" >/dev/null 2>&1
    echo "$?" > "$OUT/$f.j$j.rc"
  done
done
for f in people-100000.tsv people-1000000.tsv contacts-100000.tsv receptionist-100000.csv; do
  rm -f "$OUT/fixed-$f"
  "$BIN" fix "$DATA/$f" --no-config -o "$OUT/fixed-$f" --format json > "$OUT/fix-$f.json" 2>"$OUT/fix-$f.err"
  echo "$?" > "$OUT/fix-$f.rc"
done
[ -z "$BASE" ] && { echo "base written to $OUT"; exit 0; }
# A fix report names its output file: read OUTDIR as BASEDIR there.
n=0
for x in "$BASE"/*; do
  b=$(basename "$x")
  cmp -s "$x" <(sed "s#$OUT/#$BASE/#g" "$OUT/$b") || { echo "differs: $b"; n=$((n+1)); }
done
echo "$n differences"
[ "$n" -eq 0 ]

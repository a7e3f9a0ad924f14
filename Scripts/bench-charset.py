#!/usr/bin/env python3
"""Charset detection accuracy of importlint on legacy-encoded directory exports.

For every code page and sample size (50, 300, 5,000 bytes) builds samples from realistic names, titles and
places in the languages written in that code page (Scripts/charset_samples.py), runs `importlint check
--format json` on them and prints per code page and size:
  right  - the charset importlint decodes with reads the file exactly as written (a charset that decodes
           the bytes identically counts as right),
  safe   - right and offered as a safe transcode,
and the count of wrong SAFE transcodes (a safe fix that would write wrong text), which must be 0.

Usage: Scripts/bench-charset.py [--binary .build/debug/importlint] [--per-cell 30] [--seed 1]
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from charset_samples import CODE_PAGES, CODEC_OF, sample  # noqa: E402

SIZES = [50, 300, 5000]


def verdicts(binary, paths):
    out = subprocess.run([binary, "check", "--format", "json", *paths], capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"importlint failed: {out.stderr}")
    report = json.loads(out.stdout)
    result = {}
    for f in report["files"]:
        legacy = [d for d in f["diagnostics"] if d["rule"] == "legacy-encoding"]
        safe = bool(legacy) and legacy[0]["fix"]["applicability"] == "safe"
        result[f["path"]] = (f["encoding"], safe)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=".build/debug/importlint")
    parser.add_argument("--per-cell", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    wrong_safe = []
    rows = []
    totals = {size: [0, 0, 0] for size in SIZES}
    with tempfile.TemporaryDirectory() as tmp:
        for name, codec, languages in CODE_PAGES:
            cells = []
            for size in SIZES:
                truths = {}
                for i in range(args.per_cell):
                    language = languages[i % len(languages)]
                    text, data = sample(language, codec, size, rng, quote_all=rng.random() < 0.3)
                    path = os.path.join(tmp, f"{codec}-{size}-{i}.csv")
                    with open(path, "wb") as f:
                        f.write(data)
                    truths[path] = (text, data, language)
                right = safe = 0
                for path, (encoding, is_safe) in verdicts(args.binary, list(truths)).items():
                    text, data, language = truths[path]
                    decoded = data.decode(CODEC_OF[encoding], errors="replace") if encoding in CODEC_OF else None
                    ok = decoded == text
                    right += ok
                    safe += ok and is_safe
                    if is_safe and not ok:
                        wrong_safe.append((name, size, language, encoding, text[:80]))
                cells.append((right, safe))
                totals[size][0] += right
                totals[size][1] += safe
                totals[size][2] += args.per_cell
            rows.append((name, cells))
    n = args.per_cell
    print(f"{'code page':14}" + "".join(f"{f'{s} B right/safe':>20}" for s in SIZES))
    for name, cells in rows:
        print(f"{name:14}" + "".join(f"{f'{100 * r / n:5.0f}% / {100 * s / n:3.0f}%':>20}" for r, s in cells))
    print(f"{'all':14}" + "".join(f"{f'{100 * totals[s][0] / totals[s][2]:5.1f}% / {100 * totals[s][1] / totals[s][2]:3.0f}%':>20}" for s in SIZES))
    print(f"samples per cell: {n}; wrong SAFE transcodes: {len(wrong_safe)}")
    for w in wrong_safe[:20]:
        print("  wrong safe:", w)
    return 1 if wrong_safe else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Scores the mojibake rule against ftfy on the labelled set fixtures/mojibake-eval/evaluation.tsv.

importlint lints a one-column CSV made of the set's strings (`check --select mojibake --format json`); ftfy
runs `fix_encoding` (its mojibake repair alone) on the same strings, from a virtual environment used only by
this bench (created on first run in $FTFY_VENV, default /tmp/ftfy-venv). Prints, for both side by side:
detection precision and recall, the share of damaged strings repaired exactly, and how many correct strings
a fix would rewrite (for importlint: by a SAFE fix; ftfy has no notion of safety, so every rewrite counts).

Usage: python3 Scripts/bench-mojibake.py [--binary .build/debug/importlint] [--set other.tsv] [--show-errors N]
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
EVAL = os.path.join(ROOT, "fixtures", "mojibake-eval", "evaluation.tsv")


def load(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line]


def run_importlint(binary, rows):
    """{row index: (replacement, applicability)} for the strings the mojibake rule reports."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "eval.csv")
        with open(path, "w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            writer.writerow(["Text"])
            for row in rows:
                writer.writerow([row["text"]])
        out = subprocess.run([binary, "check", "--no-config", "--select", "mojibake", "--format", "json", path],
                             capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"importlint failed ({out.returncode}): {out.stderr}")
    report = json.loads(out.stdout)
    found = {}
    for diagnostic in report["files"][0]["diagnostics"]:
        if diagnostic["rule"] != "mojibake":
            continue
        fix = diagnostic.get("fix") or {}
        found[diagnostic["record"] - 1] = (fix.get("replacement"), fix.get("applicability"))
    return found


def ftfy_python():
    venv = os.environ.get("FTFY_VENV", "/tmp/ftfy-venv")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        subprocess.run([python, "-m", "pip", "install", "-q", "ftfy"], check=True)
    return python


def run_ftfy(rows):
    """{row index: repaired text} for the strings ftfy's fix_encoding changes."""
    script = ("import sys, json, ftfy\n"
              "texts = json.load(sys.stdin)\n"
              "print(json.dumps({'version': ftfy.__version__, 'fixed': [ftfy.fix_encoding(t) for t in texts]}))\n")
    out = subprocess.run([ftfy_python(), "-c", script], input=json.dumps([r["text"] for r in rows]),
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    fixed = {i: text for i, text in enumerate(result["fixed"]) if text != rows[i]["text"]}
    return fixed, result["version"]


def score(rows, found, safe_of):
    damaged = [i for i, r in enumerate(rows) if r["label"] == "damaged"]
    clean = [i for i, r in enumerate(rows) if r["label"] == "clean"]
    tp = sum(1 for i in damaged if i in found)
    fp = sum(1 for i in clean if i in found)
    exact = sum(1 for i in damaged if i in found and found[i] == rows[i]["expected"])
    return {
        "flagged clean": fp,
        "precision": 100.0 * tp / (tp + fp) if tp + fp else 100.0,
        "recall": 100.0 * tp / len(damaged),
        "exact repair": 100.0 * exact / len(damaged),
        "safe rewrites of clean": sum(1 for i in clean if i in found and safe_of(i)),
        "safe repairs not exact": sum(1 for i in damaged if i in found and safe_of(i) and found[i] != rows[i]["expected"]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "importlint"))
    parser.add_argument("--set", default=EVAL, help="another labelled TSV with the same columns")
    parser.add_argument("--show-errors", type=int, default=0, help="list up to N misses and false alarms of each tool")
    args = parser.parse_args()
    rows = load(args.set)
    lint = run_importlint(args.binary, rows)
    lint_fixed = {i: rep for i, (rep, _) in lint.items()}
    fixed, version = run_ftfy(rows)
    ours = score(rows, lint_fixed, lambda i: lint[i][1] == "safe")
    theirs = score(rows, fixed, lambda i: True)
    clean = sum(1 for r in rows if r["label"] == "clean")
    print(f"{len(rows)} strings ({clean} clean, {len(rows) - clean} damaged) from {os.path.relpath(args.set, ROOT)}")
    print(f"{'':28}{'importlint':>12}{'ftfy ' + version:>14}")
    for key in ours:
        fmt = "{:>12.1f}" if isinstance(ours[key], float) else "{:>12d}"
        print(f"{key:28}{fmt.format(ours[key])}{fmt.format(theirs[key]):>14}")
    if args.show_errors:
        for name, result in (("importlint", lint_fixed), ("ftfy", fixed)):
            errors = [(r, result.get(i)) for i, r in enumerate(rows)
                      if (r["label"] == "clean") == (i in result) or (i in result and result[i] != r["expected"])]
            print(f"\n{name}: {len(errors)} wrong")
            for r, got in errors[:args.show_errors]:
                print(f"  {r['label']:8}{r['chain']:24}{r['text']!r} -> {got!r} (expected {r['expected']!r})")


if __name__ == "__main__":
    main()

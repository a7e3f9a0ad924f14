#!/usr/bin/env python3
"""What a rule family adds to the lint time of one file; run by hand, never in tests.

    Scripts/bench-rule-cost.py FILE [--rules ORG] [--runs 21]

Builds the release binary, then runs `importlint check FILE --format json -o /dev/null` with every rule
and with `--ignore RULES`, alternating the two so that a machine slowing down or speeding up mid-run
weighs on both alike. Prints each one's median and minimum wall time and the fraction RULES adds.
Shared machines are noisy: read the medians of 15 runs or more.
"""
import argparse
import pathlib
import statistics
import subprocess
import time

root = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("file")
parser.add_argument("--rules", default="ORG", help="codes, names or prefixes to ignore (default ORG)")
parser.add_argument("--runs", type=int, default=21)
args = parser.parse_args()

subprocess.run(["swift", "build", "-c", "release", "--product", "importlint"], cwd=root, check=True,
               stdout=subprocess.DEVNULL)
binary = root / ".build/release/importlint"


def seconds(*extra):
    start = time.perf_counter()
    subprocess.run([binary, "check", args.file, "--format", "json", "-o", "/dev/null", *extra],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


seconds(), seconds("--ignore", args.rules)  # warm the page cache
every, without = [], []
for _ in range(args.runs):
    every.append(seconds())
    without.append(seconds("--ignore", args.rules))
a, b = statistics.median(every), statistics.median(without)
print(f"every rule          median {a:.3f} s   min {min(every):.3f} s   ({args.runs} runs each)")
print(f"--ignore {args.rules:<10} median {b:.3f} s   min {min(without):.3f} s")
print(f"{args.rules} adds {100 * (a - b) / b:+.1f}% by medians, {100 * (min(every) - min(without)) / min(without):+.1f}% by minimums")

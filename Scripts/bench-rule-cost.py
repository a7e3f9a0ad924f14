#!/usr/bin/env python3
"""What a rule family adds to the lint time of one file; run by hand, never in tests.

    Scripts/bench-rule-cost.py FILE [--rules ORG] [--runs 21]

Builds the release binary, then runs `importlint check FILE --format json -o /dev/null` with every rule
and with `--ignore RULES`, alternating the two so that a machine slowing down or speeding up mid-run
weighs on both alike. Prints each one's median and minimum wall time and CPU time (user + system) and
the fraction RULES adds. Shared machines are noisy: read the medians of 15 runs or more.
"""
import argparse
import pathlib
import resource
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
    """Wall and CPU seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([binary, "check", args.file, "--format", "json", "-o", "/dev/null", *extra],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


seconds(), seconds("--ignore", args.rules)  # warm the page cache
every, without = [], []
for _ in range(args.runs):
    every.append(seconds())
    without.append(seconds("--ignore", args.rules))
print(f"{args.runs} runs each, alternating")
for i, what in enumerate(["wall", "CPU"]):
    a = [run[i] for run in every]
    b = [run[i] for run in without]
    ma, mb = statistics.median(a), statistics.median(b)
    print(f"{what:>4}: every rule median {ma:.3f} s (min {min(a):.3f}); --ignore {args.rules} median {mb:.3f} s "
          f"(min {min(b):.3f}); {args.rules} adds {100 * (ma - mb) / mb:+.1f}% by medians, "
          f"{100 * (min(a) - min(b)) / min(b):+.1f}% by minimums; ratio {ma / mb:.2f}x")

#!/usr/bin/env python3
"""importlint against `iconv -f UTF-8 -t UTF-8` (a UTF-8 check of the same bytes, the floor a linter
cannot beat) on generated export files; run by hand, never in tests.

    Scripts/bench.py [--kinds people,contacts,receptionist] [--sizes 100k,1m] [--runs 5]
                     [--binary .build-release/release/importlint] [--data /tmp/importlint-bench]
                     [--generator ../shared/bench/gen_directory_export.py] [--keep] [--before OLD_BINARY]
                     [-- EXTRA CHECK ARGS]

For every kind and size it generates the file (unless already there), then runs iconv and
`importlint check FILE --no-config --format json -o /dev/null [EXTRA]` alternately, so that a machine
slowing down or speeding up mid-run weighs on both alike, each timed by `os.wait4`. Prints the
medians of wall time, CPU time (user + system) and peak RSS of each, and importlint's as a ratio to
iconv's. With --before, an earlier build runs in the same loop too (a before/after table measured under
the same conditions). Sizes: 100k, 500k, 1m, 3m, 10m (records). Files this run generated are deleted at the end unless
--keep (the 10m people file is about 1.5 GB); files that were already there are left alone. Shared machines are noisy: CPU time is steadier than wall time.
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

root = pathlib.Path(__file__).resolve().parent.parent
SIZES = {"100k": 100_000, "500k": 500_000, "1m": 1_000_000, "3m": 3_000_000, "10m": 10_000_000}

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--kinds", default="people")
parser.add_argument("--sizes", default="100k,1m")
parser.add_argument("--runs", type=int, default=5)
parser.add_argument("--binary", default=str(root / ".build-release/release/importlint"))
parser.add_argument("--data", default="/tmp/importlint-bench")
parser.add_argument("--generator", default=str(root.parent / "shared/bench/gen_directory_export.py"))
parser.add_argument("--keep", action="store_true", help="keep the generated files")
parser.add_argument("--before", help="an earlier importlint binary, run alternately with --binary")
parser.add_argument("extra", nargs="*", help="more arguments for importlint check (after --)")
args = parser.parse_args()

binary = pathlib.Path(args.binary)
if not binary.exists():
    sys.exit(f"no binary at {binary}: swift build -c release --scratch-path .build-release")
data = pathlib.Path(args.data)
data.mkdir(parents=True, exist_ok=True)


def generate(kind, rows):
    suffix = "csv" if kind == "receptionist" else "tsv"
    path = data / f"{kind}-{rows}.{suffix}"
    if not path.exists():
        subprocess.run([sys.executable, args.generator, "--kind", kind, "--rows", str(rows), "--out", str(path)],
                       check=True, stdout=subprocess.DEVNULL)
        generated.append(path)  # only files made by this run are deleted at the end
    return path


def measure(command):
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one run, from os.wait4's resource
    usage (microseconds: /usr/bin/time's hundredths round a 100k-record iconv run to zero)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


generated = []
print(f"{'kind':<13}{'size':>6} {'what':<10}{'wall s':>8}{'CPU s':>8}{'RSS MiB':>9}{'wall×':>8}{'CPU×':>7}")
for kind in args.kinds.split(","):
    for size in args.sizes.split(","):
        path = generate(kind, SIZES[size.lower()])
        iconv = ["iconv", "-f", "UTF-8", "-t", "UTF-8", str(path)]
        check = ["check", str(path), "--no-config", "--format", "json", "-o", "/dev/null", *args.extra]
        commands = {"iconv": iconv}
        if args.before:
            commands["before"] = [args.before, *check]
        commands["importlint"] = [str(binary), *check]
        for command in commands.values():
            measure(command)  # warm the page cache
        runs = {what: [] for what in commands}
        for _ in range(args.runs):
            for what, command in commands.items():
                runs[what].append(measure(command))
        floor = [statistics.median(r[i] for r in runs["iconv"]) for i in range(3)]
        for what, samples in runs.items():
            wall, cpu, rss = (statistics.median(r[i] for r in samples) for i in range(3))
            print(f"{kind:<13}{size:>6} {what:<10}{wall:8.3f}{cpu:8.3f}{rss:9.0f}{wall / floor[0]:8.2f}{cpu / floor[1]:7.2f}")
        sys.stdout.flush()

if not args.keep:
    for path in generated:
        path.unlink(missing_ok=True)

#!/usr/bin/env python3
"""importlint against `iconv -f UTF-8 -t UTF-8` (a UTF-8 check of the same bytes, the floor a linter
cannot beat) on generated export files; run by hand, never in tests.

    Scripts/bench.py [--kinds people,contacts,receptionist] [--sizes 100k,1m] [--runs 5]
                     [--binary .build-release/release/importlint] [--data /tmp/importlint-bench]
                     [--generator ../shared/bench/gen_directory_export.py] [--keep] [--before OLD_BINARY]
                     [-- EXTRA CHECK ARGS]

For every kind and size it generates the file (unless already there), then runs iconv and
`importlint check FILE --no-config --format json -o /dev/null [EXTRA]` alternately, so that a machine
slowing down or speeding up mid-run weighs on both alike, each under `/usr/bin/time -v`. Prints the
medians of wall time, CPU time (user + system) and peak RSS of each, and importlint's as a ratio to
iconv's. With --before, an earlier build runs in the same loop too (a before/after table measured under
the same conditions). Sizes: 100k, 500k, 1m, 3m, 10m (records). Files this run generated are deleted at the end unless
--keep (the 10m people file is about 1.5 GB); files that were already there are left alone. Shared machines are noisy: CPU time is steadier than wall time.
"""
import argparse
import pathlib
import re
import statistics
import subprocess
import sys

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
    """Wall seconds, CPU seconds and peak RSS (MiB) of one run, from /usr/bin/time -v."""
    result = subprocess.run(["/usr/bin/time", "-v", *command], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    report = result.stderr

    def field(name):
        return re.search(rf"{re.escape(name)}: (.+)", report).group(1).strip()

    clock = [float(part) for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = sum(value * 60 ** i for i, value in enumerate(reversed(clock)))
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return wall, cpu, int(field("Maximum resident set size (kbytes)")) / 1024


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
            print(f"{kind:<13}{size:>6} {what:<10}{wall:8.2f}{cpu:8.2f}{rss:9.0f}{wall / floor[0]:8.2f}{cpu / floor[1]:7.2f}")
        sys.stdout.flush()

if not args.keep:
    for path in generated:
        path.unlink(missing_ok=True)

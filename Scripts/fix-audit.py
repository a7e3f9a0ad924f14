#!/usr/bin/env python3
"""An oracle for `importlint fix`, independent of importlint's code, over a corpus written by
Scripts/fix-audit-corpus.py (each file beside its FILE.truth.json).

Per file, from the input's truth, `fix --format json` and the fixed file:
  a  records: none dropped, added or reordered except by a fix the report names (empty records, regrouping)
  b  every cell no applied fix names is the input's cell as written (decoded in its true encoding)
  c  every safe fix's result equals the clean value where the export kept it, and no safe fix touches a
     cell that was already correct
  d  `fix` of the fixed file changes nothing
  e  `check` of the fixed file has no finding of a rule whose safe fix was applied to that cell
  f  unsafe fixes (`--unsafe-fixes`): right, wrong or unknowable against the clean value (rates only)
  g  errors reported on a file the truth says is clean
  r  (rates) per kind of damage, the damaged cells `check` names (by line and field)
  v  `check` passes (exit 0, no error) a file the target cannot read (truth "readable": a legacy or mixed
     encoding, UTF-16 for The Receptionist, a ';' delimiter, a '#TYPE' line before the header)

    python3 Scripts/fix-audit.py BIN CORPUS [--work DIR] [--only SUBSTRING] [--verbose]
"""
import argparse, collections, csv, io, json, os, subprocess, sys, unicodedata

TRUE_WORDS = {"1", "t", "y", "true", "yes", "on"}


def run(bin_, *args):
    p = subprocess.run([bin_, *args], capture_output=True)
    return p.returncode, p.stdout, p.stderr


def parse_output(path, delim):
    with open(path, "rb") as f:
        text = f.read().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
    return rows[0], rows[1:]


def field_index(header_in, header_out, field):
    for h in (header_out, header_in):
        if field in h:
            return h.index(field)
    return None


def fix_columns(fx, record, header_in, header_out):
    """The columns a fix names: by its field, or, in columns no profile knows (a report names no field there),
    the cells of the record that held the fix's 'before' (one such fix each)."""
    if fx.get("field"):
        c = field_index(header_in, header_out, fx["field"])
        return [] if c is None else [c]
    if record is None or "before" not in fx:
        return []
    return [c for c, v in enumerate(record["written"]) if v == fx["before"]]


def matches_truth(after, cell):
    truth, options = cell["truth"], cell["options"]
    if truth is None:
        return None
    if options and after in options:
        return True
    if truth.startswith("bool:"):
        return (after.strip().lower() in TRUE_WORDS) == (truth == "bool:true")
    if options:
        return after in options
    return unicodedata.normalize("NFC", after) == unicodedata.normalize("NFC", truth)


def expected_records(truth, file_rules):
    """The input records the output should hold, in order, given the file-level fixes applied."""
    records = truth["records"]
    expected = [i for i, r in enumerate(records) if not (r["empty"] and "empty-record" in file_rules)]
    if "ungrouped-contact-rows" in file_rules and truth["group_by"]:
        col = truth["header"].index(truth["group_by"])
        first = {}
        for i in expected:
            key = (records[i]["cells"][col]["truth"] or records[i]["written"][col]).lower()
            first.setdefault(key, len(first))
        expected.sort(key=lambda i: first[(records[i]["cells"][col]["truth"] or records[i]["written"][col]).lower()])
    return expected


def record_lines(records):
    """A fix names the physical line of its cell: a record spans one line more per line break in its cells."""
    return {r["line"] + k: i for i, r in enumerate(records) for k in range(1 + sum(c.count("\n") for c in r["written"]))}


def audit_unsafe(bin_, src, out, name, truth, report, defects, unsafe_stats):
    """f: unsafe fixes against the truth, and where only --unsafe-fixes decodes the file, the cells it decodes."""
    records, header_in, line_to_record = truth["records"], truth["header"], record_lines(truth["records"])
    uout = out + ".unsafe"
    _, ustdout, _ = run(bin_, "fix", src, "-o", uout, "--format", "json", "--no-config", "--unsafe-fixes")
    ureport = json.loads(ustdout)
    ureport = ureport["files"][0] if "files" in ureport else ureport
    if ureport.get("written") and os.path.exists(uout):
        uheader, urows = parse_output(uout, ureport["outputDelimiter"])
        applied = ureport.get("applied", [])
        # A cell several fixes change in turn is judged by the last one (an earlier one's result is not the end)
        last = {(line_to_record.get(fx.get("line")), fx.get("field")): k for k, fx in enumerate(applied)}
        for k, fx in enumerate(applied):
            if fx.get("applicability") != "unsafe":
                continue
            g = line_to_record.get(fx.get("line"))
            if last.get((g, fx.get("field"))) != k:
                unsafe_stats[(fx["rule"], "then-fixed-further")] += 1
                continue
            columns = fix_columns(fx, records[g] if g is not None else None, header_in, uheader)
            if g is None or not columns:
                unsafe_stats[(fx["rule"], "file-or-header")] += 1
                continue
            c = columns[0]
            cell = records[g]["cells"][c]
            canonical = unicodedata.normalize("NFC", fx["after"]) == unicodedata.normalize("NFC", records[g]["written"][c])
            verdict = "on-correct" if cell["defect"] is None and not canonical else "right" if cell["defect"] is None else {True: "right", False: "wrong", None: "unknowable"}[matches_truth(fx["after"], cell)]
            unsafe_stats[(fx["rule"], verdict)] += 1
            if verdict in ("wrong", "on-correct"):
                defects.append(("f", name, f"line {records[g]['line']} {fx.get('field')}: unsafe {fx['rule']} {verdict}: {fx['before']!r} -> {fx['after']!r}, truth {cell['truth']!r}"))
        if not report.get("written"):  # only --unsafe-fixes decodes this file: is every cell no fix names kept?
            named = set()
            for fx in ureport.get("applied", []):
                g = line_to_record.get(fx.get("line"))
                named.update((g, c) for c in fix_columns(fx, records[g] if g is not None else None, header_in, uheader))
            urecords = expected_records(truth, {f["rule"] for f in ureport.get("fileFixes", [])})
            kept = wrong = 0
            for g, row in zip(urecords, urows):
                for c, value in enumerate(row[:len(header_in)]):
                    if (g, c) in named:
                        continue
                    if value == records[g]["written"][c]:
                        kept += 1
                    else:
                        wrong += 1
                        if wrong <= 3:
                            defects.append(("f", name, f"line {records[g]['line']} {header_in[c]}: unsafe decoding as "
                                                       f"{ureport.get('encoding')} gives {value!r}, written {records[g]['written'][c]!r}"))
            unsafe_stats[("decoding-cells", "right")] += kept
            unsafe_stats[("decoding-cells", "wrong")] += wrong
        os.remove(uout)


def audit(bin_, corpus, name, work, counts, defects, unsafe_stats):
    truth = json.load(open(os.path.join(corpus, name + ".truth.json")))
    src = os.path.join(corpus, name)
    out = os.path.join(work, name)
    rc, stdout, stderr = run(bin_, "fix", src, "-o", out, "--format", "json", "--no-config")
    report = json.loads(stdout)["files"][0] if b'"files"' in stdout[:200] else json.loads(stdout)

    def defect(check, msg):
        counts[check] += 1
        defects.append((check, name, msg))

    records = truth["records"]
    crc, cout, _ = run(bin_, "check", src, "--format", "json", "--no-config")
    cjson = json.loads(cout)
    diagnostics = (cjson["files"][0] if "files" in cjson else cjson)["diagnostics"]
    errors = [d for d in diagnostics if d["severity"] == "error"]
    named = {(d.get("line"), d.get("field")) for d in diagnostics}
    columns = truth.get("columns", truth["header"])  # the column each header stands for, where it is misspelt
    for r in records:
        for c, cell in enumerate(r["cells"]):
            if cell["defect"] and cell["defect"] != "lost-in-encoding" and r["written"][c] != cell["truth"]:
                lines = range(r["line"], r["line"] + 1 + sum(v.count("\n") for v in r["written"]))
                column = columns[c] if c < len(columns) else None  # a cell past the header: a split row
                found = any((line, column) in named for line in lines)
                RECALL[(cell["defect"], found)] += 1
                if not found:
                    defects.append(("r", name, f"line {r['line']} {column}: {cell['defect']} {r['written'][c]!r} not reported"))
    if truth["clean"]:
        for d in errors:
            defect("g", f"error on a clean file: line {d['line']} {d['rule']}: {d['message']}")
    if truth.get("readable") is False and (crc == 0 or not errors):
        defect("v", f"the target cannot read it ({truth['codec']}, delimiter {truth['delimiter']!r}) but check exits {crc} "
                    f"with {len(errors)} errors")
    if not report.get("written"):
        counts["refused"] += 1
        if truth["clean"]:
            defect("g", f"clean file refused: {report.get('skipped') or stderr.decode()[:200]}")
        audit_unsafe(bin_, src, out, name, truth, report, defects, unsafe_stats)
        return
    counts["written"] += 1
    header_out, rows_out = parse_output(out, report["outputDelimiter"])
    header_in = truth["header"]
    file_rules = {f["rule"] for f in report.get("fileFixes", [])}
    expected = expected_records(truth, file_rules)
    line_to_record = record_lines(records)
    fixes = collections.defaultdict(list)
    for fx in report.get("applied", []):
        g = line_to_record.get(fx.get("line"))
        columns = fix_columns(fx, records[g] if g is not None else None, header_in, header_out)
        if g is None or not columns:
            if fx.get("field") not in (None, "") and g is None and fx.get("line", 0) > truth.get("header_line", 1):
                defect("a", f"applied fix on line {fx.get('line')} matches no record: {fx}")
            continue
        for c in columns:
            fixes[(g, c)].append(fx)
    # a: same records in the expected order
    if len(rows_out) != len(expected):
        defect("a", f"{len(rows_out)} records out, {len(expected)} expected (fileFixes {sorted(file_rules)})")
    for k, (g, row) in enumerate(zip(expected, rows_out)):
        rec = records[g]
        if len(row) != len(rec["written"]):
            if "ragged-row" not in {f["rule"] for fl in fixes.values() for f in fl}:
                defect("a", f"record {k + 1}: {len(row)} cells out, {len(rec['written'])} in")
            continue
        unchanged = sum(1 for c, v in enumerate(row) if v == rec["written"][c] or (g, c) in fixes)
        if unchanged < len(row) / 2:
            defect("a", f"output record {k + 1} does not look like input line {rec['line']}: {row[:3]} vs {rec['written'][:3]}")
            continue
        for c, value in enumerate(row):
            cell, written = rec["cells"][c], rec["written"][c]
            col = header_in[c] if c < len(header_in) else f"cell {c + 1}"
            applied = fixes.get((g, c))
            if not applied:
                same = value == written or (truth["codec"] == "cp1258" and value == unicodedata.normalize("NFC", written))
                if not same:
                    read_as = f" (read as {report['encoding']}, truly {truth['codec']})" if "legacy-encoding" in file_rules else ""
                    defect("b", f"line {rec['line']} {col}: {written!r} -> {value!r} with no fix named{read_as}")
                continue
            for fx in applied:
                if fx.get("applicability") != "safe":
                    continue
                if cell["defect"] is None and unicodedata.normalize("NFC", value) != unicodedata.normalize("NFC", written):
                    defect("c", f"line {rec['line']} {col}: safe {fx['rule']} on a correct cell {written!r} -> {fx['after']!r}")
                elif cell["truth"] is not None and fx is applied[-1]:
                    ok = matches_truth(value, cell)
                    if not ok:
                        defect("c", f"line {rec['line']} {col}: safe {fx['rule']} ({cell['defect']}) {written!r} -> {value!r}, truth {cell['truth']!r}")
                elif cell["truth"] is None and fx is applied[-1]:
                    counts["safe-on-unknowable"] += 1
                    defects.append(("c?", name, f"line {rec['line']} {col}: safe {fx['rule']} ({cell['defect']}) {written!r} -> {value!r}, truth lost"))
    # d: idempotence
    out2 = out + ".again"
    run(bin_, "fix", out, "-o", out2, "--no-config")
    if os.path.exists(out2):
        if open(out, "rb").read() != open(out2, "rb").read():
            defect("d", "fixing the fixed file changes it")
        os.remove(out2)
    # e: the rules whose safe fixes were applied do not fire again on those cells
    _, cout, _ = run(bin_, "check", out, "--format", "json", "--no-config")
    creport = json.loads(cout)
    diags = creport["files"][0]["diagnostics"] if "files" in creport else creport["diagnostics"]
    out_index = {g: k + 1 for k, g in enumerate(expected)}
    again = {(d.get("record"), d.get("field"), d["rule"]) for d in diags}
    for (g, c), fl in fixes.items():
        for fx in fl:
            if fx.get("applicability") == "safe" and (out_index.get(g), fx.get("field"), fx["rule"]) in again:
                defect("e", f"line {records[g]['line']} {fx.get('field')}: {fx['rule']} still reported after its safe fix -> {fx['after']!r}")
    for d in diags:  # a header of other columns has no fix: the rows after it cannot be realigned
        if d["rule"] == "repeated-header" and not d.get("fix"):
            continue
        if d["rule"] in ("invalid-utf8", "legacy-encoding", "utf16-encoding", "byte-order-mark", "powershell-type-line",
                         "repeated-header", "empty-record", "blank-line", "unsupported-delimiter"):
            defect("e", f"fixed file still has {d['rule']}: {d['message'][:120]}")
    audit_unsafe(bin_, src, out, name, truth, report, defects, unsafe_stats)


RECALL = collections.Counter()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bin")
    ap.add_argument("corpus")
    ap.add_argument("--work", default="/tmp/fix-audit-work")
    ap.add_argument("--only", default="")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    names = sorted(n for n in os.listdir(args.corpus) if not n.endswith(".truth.json") and args.only in n)
    counts, defects, unsafe_stats = collections.Counter(), [], collections.Counter()
    for name in names:
        try:
            audit(args.bin, args.corpus, name, args.work, counts, defects, unsafe_stats)
        except Exception as e:  # a crash of the oracle on one file is itself worth reading
            counts["oracle-error"] += 1
            defects.append(("!", name, repr(e)))
    for check, name, msg in defects:
        if args.verbose or check not in "fr":
            print(f"{check}\t{name}\t{msg}")
    print(f"files {len(names)}; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    for check in "abcdegv":
        print(f"check {check}: {counts[check]} defects")
    kinds = sorted({k for k, _ in RECALL})
    print("reported damage: " + ", ".join(f"{k} {RECALL[(k, True)]}/{RECALL[(k, True)] + RECALL[(k, False)]}" for k in kinds))
    rules = sorted({r for r, _ in unsafe_stats})
    for r in rules:
        print(f"unsafe {r}: " + ", ".join(f"{v} {unsafe_stats[(r, v)]}" for v in ("right", "wrong", "unknowable", "on-correct", "file-or-header", "then-fixed-further") if unsafe_stats[(r, v)]))


if __name__ == "__main__":
    main()

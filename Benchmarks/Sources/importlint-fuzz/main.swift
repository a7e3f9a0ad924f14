// libFuzzer target for the reader, the engine and the fixer. Built by Scripts/fuzz.sh with `-sanitize=fuzzer,address`;
// the top-level code at the end hands over to libFuzzer's driver (LLVMFuzzerRunDriver).
//
// Input: byte 0 chooses the variation (delimiter option, profile option, trickle size), the rest is the file.
// Invariants checked (any violation aborts, which libFuzzer reports as a crash and saves the input):
//  - lint never fails except with InputError (a one-line error of the CLI), and never crashes;
//  - every diagnostic has line >= 1 and column >= 1, a line within the input, and they come sorted;
//  - for UTF-8 input, records == records of the raw CSVReader minus the header (and a #TYPE line) minus
//    blank lines;
//  - the raw CSVReader gives the same records, cells, positions and findings whether the input arrives in
//    one piece or a few bytes at a time into a tiny buffer (the restart-on-refill logic);
//  - fix (safe fixes, or unsafe ones when bit 0 of byte 0 is set) fails only with InputError; a written file
//    has as many records as the input and is valid UTF-8 without BOM; fixing it again with the same options
//    changes nothing, byte for byte, when the first run settled.
#if canImport(Glibc)
import Glibc
#endif
import FuzzMain
import ImportLintCore

/// Hands out at most `step` bytes per read, to exercise every refill boundary of the reader.
final class TrickleSource: ByteSource {
    private let bytes: [UInt8]
    private var offset = 0
    private let step: Int

    init(_ bytes: [UInt8], step: Int) {
        self.bytes = bytes
        self.step = max(1, step)
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        let n = min(count, step, bytes.count - offset)
        if n > 0 {
            bytes.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + offset, count: n) }
            offset += n
        }
        return n
    }
}

/// Everything the reader exposes about one record, for comparing two readings.
struct RecordSnapshot: Equatable {
    var line: Int
    var endLine: Int
    var terminator: UInt8
    var cells: [[UInt8]]
    var quoted: [Bool]
    var positions: [Int]
    var invalid: [Int]
    var controls: [Int]
    var unterminated: [Int]
    var blank: Bool
}

func snapshots(_ reader: CSVReader, limit: Int = 5_000) throws -> [RecordSnapshot] {
    var out: [RecordSnapshot] = []
    while try reader.next() {
        var s = RecordSnapshot(line: reader.line, endLine: reader.endLine, terminator: reader.terminator.rawValue,
                               cells: [], quoted: [], positions: [], invalid: [], controls: [], unterminated: [],
                               blank: reader.isBlankLine)
        for i in 0..<reader.fieldCount {
            s.cells.append(Array(reader.bytes(i)))
            s.quoted.append(reader.isQuoted(i))
            let p = reader.position(ofField: i)
            check(p.line >= 1 && p.column >= 1, "cell position \(p)")
            s.positions += [p.line, p.column]
        }
        let end = reader.position(ofField: reader.fieldCount)
        s.positions += [end.line, end.column]
        for bad in reader.invalidUTF8 {
            let p = reader.position(of: bad)
            check(p.line >= 1 && p.column >= 1, "invalid UTF-8 position \(p)")
            s.invalid += [p.line, p.column] + bad.badBytes.map(Int.init)
        }
        for hit in reader.controlCharacters {
            let p = reader.position(of: hit)
            check(p.line >= 1 && p.column >= 1, "control character position \(p)")
            s.controls += [hit.field, Int(hit.scalar), p.line, p.column]
        }
        if let q = reader.unterminatedQuote {
            let p = reader.position(of: q)
            s.unterminated = [q.field, q.line, p.line, p.column]
        }
        check(reader.line >= 1 && reader.endLine >= reader.line, "record lines \(reader.line)...\(reader.endLine)")
        out.append(s)
        if out.count >= limit { break }
    }
    return out
}

@inline(never)
func check(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition {
        let message = "invariant violated: \(what())\n"
        _ = message.withCString { write(2, $0, strlen($0)) }
        abort()
    }
}

/// Physical lines of UTF-8 text as the reader counts them (LF, CR and CRLF end a line).
func physicalLines(_ b: [UInt8]) -> Int {
    var lines = 1, i = 0
    while i < b.count {
        if b[i] == 0x0A { lines += 1 } else if b[i] == 0x0D {
            if i + 1 < b.count && b[i + 1] == 0x0A { i += 1 }
            lines += 1
        }
        i += 1
    }
    return lines
}

let delimiters: [UInt8?] = [nil, 0x2C, 0x09, 0x3B, 0x7C]
/// Mostly detection from the header; an explicit profile is re-read from YAML on every lint, which costs
/// more than the rest of an execution, so only one variation in eight names one.
let profiles: [String?] = [nil, nil, nil, nil, nil, "4me-people", "4me-contacts", "receptionist"]
/// Linter.init parses the built-in profiles; one linter per variation keeps that out of each execution.
nonisolated(unsafe) var linters: [Int: Linter] = [:]

func linter(delimiter: Int, profile: Int) -> Linter {
    let key = delimiter * 16 + profile
    if let l = linters[key] { return l }
    let l = Linter(options: LintOptions(profile: profiles[profile], delimiter: delimiters[delimiter]))
    linters[key] = l
    return l
}

/// Where the fixer's temporary files go (TMPDIR, /tmp by default); each is removed after the execution.
let temporaryDirectory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"

func readAll(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { check(false, "cannot read back \(path)"); return [] }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, f) }
        if n == 0 { break }
        out.append(contentsOf: chunk[0..<n])
    }
    return out
}

/// Fixes `bytes`; nil when the fixer refused the file or rejected it as input (InputError).
func fixOnce(_ bytes: [UInt8], options: FixOptions) -> (FixReport, [UInt8]?)? {
    do {
        let outcome = try Fixer(options: options).fix(.bytes(bytes, displayPath: "fuzz.csv"),
                                                      temporaryDirectory: temporaryDirectory, name: "fuzz")
        guard let path = outcome.temporaryPath else { return (outcome.report, nil) }
        defer { AtomicFile.discard(path) }
        return (outcome.report, readAll(path))
    } catch is InputError {
        return nil
    } catch {
        check(false, "fix threw a non-input error: \(error)")
        return nil
    }
}

/// The fixer's properties: records kept, UTF-8 out, and fix(fix(x)) == fix(x).
func fuzzFix(_ bytes: [UInt8], delimiter: UInt8?, profile: String?, unsafe: Bool) {
    var options = FixOptions(lint: LintOptions(profile: profile, delimiter: delimiter))
    options.unsafeFixes = unsafe
    options.collectDetails = false
    guard let first = fixOnce(bytes, options: options), let fixed = first.1 else { return }
    let report = first.0
    let s = report.summary
    check(report.refused == nil, "a refused file was written")
    // The only records `fix` leaves out are copies of the header and SQL client lines (safe removals).
    let notRecords = RuleDescriptor.notRecords.map(\.name)
    let removedLines = report.fileFixes.filter { fix in notRecords.contains { $0 == fix.rule } }.reduce(0) { $0 + $1.count }
    check(s.recordsOut == s.recordsIn - removedLines, "fix wrote \(s.recordsOut) records of \(s.recordsIn) (\(removedLines) header copies and SQL client lines removed)")
    check(!fixed.starts(with: [0xEF, 0xBB, 0xBF]), "fixed file starts with a BOM")
    check(String(validating: fixed, as: UTF8.self) != nil, "fixed file is not UTF-8")
    guard s.converged else { return }
    var secondOptions = options
    secondOptions.lint = LintOptions(profile: report.profile, delimiter: report.outputDelimiter.utf8.first)
    guard let again = fixOnce(fixed, options: secondOptions) else {
        check(false, "the fixed file is rejected as input")
        return
    }
    let (second, refixed) = again
    check(refixed != nil, "the fixed file is refused: \(second.refused ?? "")")
    check(second.summary.recordsIn == s.recordsOut, "second fix read \(second.summary.recordsIn) records of \(s.recordsOut)")
    check(refixed == fixed, "fixing the fixed file changed it (\(second.summary.cellsChanged) cells, \(second.fileFixes.map(\.description)))")
}

func fuzzOne(_ data: UnsafeBufferPointer<UInt8>) {
    guard let config = data.first else { return }
    let bytes = Array(data.dropFirst())
    let delimiterIndex = Int(config % 5)
    let delimiterOption = delimiters[delimiterIndex]
    let profileIndex = Int((config / 5) % 8)
    let step = Int(config / 40) % 7 + 1

    // 1. The engine.
    var result: LintResult?
    do {
        result = try linter(delimiter: delimiterIndex, profile: profileIndex).lint(.bytes(bytes, displayPath: "fuzz.csv"))
    } catch is InputError {
        // A file the tool refuses (binary signature, NUL bytes, undecodable): a one-line error, exit 2.
    } catch {
        check(false, "lint threw a non-input error: \(error)")
    }

    // 2. The raw reader, in one piece and trickled into a tiny buffer: identical records.
    let delimiter = delimiterOption ?? 0x2C
    let whole = CSVReader(source: MemorySource(bytes), delimiter: delimiter)
    let trickled = CSVReader(source: TrickleSource(bytes, step: step), delimiter: delimiter, chunkSize: 1 + step % 5)
    let a = (try? snapshots(whole)) ?? []
    let b = (try? snapshots(trickled)) ?? []
    check(a == b, "reader differs with chunked input (step \(step)): \(a.count) vs \(b.count) records")
    if a.count < 5_000, let last = a.last {
        check(last.endLine <= physicalLines(bytes), "record ends on line \(last.endLine) of \(physicalLines(bytes))")
    }

    guard let result else { return }
    // 3. The fixer, on what the engine accepted.
    fuzzFix(bytes, delimiter: delimiterOption, profile: profiles[profileIndex], unsafe: config & 1 == 1)

    let report = result.report
    let lines = physicalLines(bytes)
    var previous = (0, 0)
    for d in report.diagnostics {
        check(d.line >= 1 && d.column >= 1, "\(d.code) at line \(d.line) column \(d.column)")
        if report.encoding.hasPrefix("UTF-8") {
            check(d.line <= lines, "\(d.code) at line \(d.line) of a \(lines)-line input")
        }
        check((d.line, d.column) >= previous, "diagnostics out of order at \(d.code) \(d.line):\(d.column)")
        previous = (d.line, d.column)
    }

    // 4. Records counted by the engine match the raw reader (UTF-8 input only: other encodings are transcoded).
    guard report.encoding == "UTF-8" || report.encoding == "UTF-8 with BOM" else { return }
    let body = report.encoding == "UTF-8" ? bytes : Array(bytes.dropFirst(3))
    let usedDelimiter = report.delimiter == "\t" ? UInt8(0x09) : UInt8(ascii: Unicode.Scalar(report.delimiter) ?? ",")
    let reader = CSVReader(source: MemorySource(body), delimiter: usedDelimiter)
    var total = 0, blank = 0, typeLine = 0
    var first = true
    while (try? reader.next()) == true {
        if first {
            first = false
            if reader.fieldCount >= 1, reader.bytes(0).starts(with: Array("#TYPE".utf8)) { typeLine = 1; continue }
        }
        total += 1
        if total > 1 && reader.isBlankLine && reader.unterminatedQuote == nil { blank += 1 }
    }
    let expected = max(0, total - 1 - blank)
    check(report.records == expected, "engine counted \(report.records) records, reader \(expected) (+\(typeLine) type line)")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    fuzzOne(UnsafeBufferPointer(start: data, count: size))
    return 0
}

exit(importlint_run_fuzzer(CommandLine.argc, CommandLine.unsafeArgv))

// importlint-bench: importlint's end-to-end lint and raw tokenizer against yaslab/CSV.swift and SwiftCSV.
//
//   swift run -c release importlint-bench FILE [--runs N] [--other-runs N] [--parsers LIST] [--in-process]
//   swift run -c release importlint-bench FILE --only NAME
//
// By default every parser runs in its own child process (this binary with --only NAME), so each one's peak
// memory (getrusage ru_maxrss, per process) is its own. Parser names: lint, tokenizer, csvswift, swiftcsv,
// swiftcsv-rows (SwiftCSV materializing every row; not in the default list).
import Foundation

let usage = """
usage: importlint-bench FILE [--runs N] [--other-runs N] [--parsers lint,tokenizer,csvswift,swiftcsv] [--in-process]
       importlint-bench FILE --only NAME
"""

struct Arguments {
    var path = ""
    var only: String?
    var runs = 3
    var otherRuns = 1
    var parsers = ["lint", "tokenizer", "csvswift", "swiftcsv"]
    var inProcess = false
}

func parseArguments() -> Arguments {
    var args = Arguments()
    var it = CommandLine.arguments.dropFirst().makeIterator()
    func value(_ flag: String) -> String {
        guard let v = it.next() else { fail("\(flag) needs a value\n\(usage)") }
        return v
    }
    while let a = it.next() {
        switch a {
        case "--only": args.only = value(a)
        case "--runs": args.runs = max(1, Int(value(a)) ?? 1)
        case "--other-runs": args.otherRuns = max(1, Int(value(a)) ?? 1)
        case "--parsers": args.parsers = value(a).split(separator: ",").map(String.init)
        case "--in-process": args.inProcess = true
        case "-h", "--help": print(usage); exit(0)
        default:
            if a.hasPrefix("-") || !args.path.isEmpty { fail("unexpected argument '\(a)'\n\(usage)") }
            args.path = a
        }
    }
    if args.path.isEmpty { fail(usage) }
    return args
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

func runParser(_ name: String, path: String, bytes: Int, delimiter: UInt8) throws -> Measurement {
    switch name {
    case "lint": return try ImportLintRuns.lint(path: path, bytes: bytes)
    case "tokenizer": return try ImportLintRuns.tokenizer(path: path, bytes: bytes, delimiter: delimiter)
    case "csvswift": return try CSVSwiftRun.run(path: path, bytes: bytes, delimiter: delimiter)
    case "swiftcsv": return try SwiftCSVRun.enumerate(path: path, bytes: bytes, delimiter: delimiter)
    case "swiftcsv-rows": return try SwiftCSVRun.rows(path: path, bytes: bytes, delimiter: delimiter)
    default: fail("unknown parser '\(name)' (lint, tokenizer, csvswift, swiftcsv, swiftcsv-rows)")
    }
}

/// Runs this binary with --only NAME and reads its RESULT line.
func runChild(_ name: String, path: String) throws -> Measurement {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
    if !FileManager.default.fileExists(atPath: "/proc/self/exe") {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
    }
    process.arguments = [path, "--only", name]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0,
          let line = output.split(separator: "\n").first(where: { $0.hasPrefix("RESULT\t") }),
          let m = Measurement(resultLine: line) else {
        throw BenchError("\(name): child exited with status \(process.terminationStatus): \(output)")
    }
    return m
}

func fmt(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

func report(_ name: String, _ runs: [Measurement]) {
    let walls = runs.map(\.wallSeconds), cpus = runs.map(\.cpuSeconds)
    let best = walls.min()!, med = median(walls)
    let r = runs[0]
    let mb = Double(r.bytes) / 1e6
    let rss = runs.map(\.peakRSSKiB).max()!
    let cols: [String] = [
        name.padding(toLength: 22, withPad: " ", startingAt: 0),
        String(runs.count).leftPad(4),
        fmt(best, 2).leftPad(9), fmt(med, 2).leftPad(9), fmt(cpus.min()!, 2).leftPad(8),
        fmt(mb / best).leftPad(9), fmt(mb / med).leftPad(9),
        fmt(Double(r.records) / best / 1e3, 0).leftPad(11),
        fmt(Double(rss) / 1024).leftPad(10),
        String(r.records).leftPad(9),
        String(r.fields).leftPad(9),
        String(r.checksum).leftPad(11),
    ]
    print(cols.joined(separator: " "))
    if !r.note.isEmpty { print("    \(r.note)") }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

let args = parseArguments()
guard let bytes = fileSize(args.path) else { fail("\(args.path): cannot stat") }
let delimiter = sniffDelimiter(path: args.path)

if let only = args.only {
    do {
        let m = try runParser(only, path: args.path, bytes: bytes, delimiter: delimiter)
        print(m.resultLine)
    } catch {
        fail("\(only): \(error)")
    }
    exit(0)
}

print("file: \(args.path) (\(fmt(Double(bytes) / 1e6)) MB = \(bytes) bytes), delimiter \(delimiter == 0x09 ? "tab" : "comma")")
print("mode: \(args.inProcess ? "one process (peak RSS is cumulative)" : "one child process per run (peak RSS per parser)")")
print("MB = 10^6 bytes; wall and CPU (user+sys) seconds; records count the header for the parsers, data records for lint;")
print("checksum: sum of cell byte lengths and first bytes (equal checksums = same cells), JSON size and lines for lint")
print(["parser".padding(toLength: 22, withPad: " ", startingAt: 0), "runs", "best s".leftPad(9), "median s".leftPad(9),
       "cpu s".leftPad(8), "MB/s best".leftPad(9), "MB/s med".leftPad(9), "krec/s best".leftPad(11),
       "peak MiB".leftPad(10), "records".leftPad(9), "cells".leftPad(9), "checksum".leftPad(11)].joined(separator: " "))
var results: [String: [Measurement]] = [:]
for name in args.parsers {
    let n = (name == "lint" || name == "tokenizer") ? args.runs : args.otherRuns
    var runs: [Measurement] = []
    do {
        for _ in 0..<n {
            runs.append(args.inProcess ? try runParser(name, path: args.path, bytes: bytes, delimiter: delimiter)
                                       : try runChild(name, path: args.path))
        }
    } catch {
        print("\(name): failed: \(error)")
        continue
    }
    results[name] = runs
    report(runs[0].name, runs)
}
if let tok = results["tokenizer"]?.map(\.wallSeconds).min() {
    for other in ["csvswift", "swiftcsv", "swiftcsv-rows"] {
        if let o = results[other]?.map(\.wallSeconds).min() {
            print("importlint tokenizer vs \(results[other]![0].name): \(fmt(o / tok))x faster (best wall)")
        }
    }
}

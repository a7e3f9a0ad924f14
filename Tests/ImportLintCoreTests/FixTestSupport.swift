import Foundation
import Testing
@testable import ImportLintCore

/// SplitMix64: a tiny seeded generator, so every generated file can be reproduced from its seed.
struct SeededRNG: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
    mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &self)] }
}

enum FixHarness {
    /// Fixes `bytes` and returns the outcome and the fixed bytes (nil when refused).
    static func fix(_ bytes: [UInt8], name: String, options: FixOptions) throws -> (FixOutcome, [UInt8]?) {
        let outcome = try Fixer(options: options).fix(.bytes(bytes, displayPath: name),
                                                      temporaryDirectory: NSTemporaryDirectory(), name: "test")
        guard let path = outcome.temporaryPath else { return (outcome, nil) }
        defer { AtomicFile.discard(path) }
        return (outcome, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// Lints tab-separated `bytes`, then runs one pass of its safe fixes (`FixPass`); returns the lint's
    /// report, the pass and the bytes it wrote (the written file is discarded).
    static func safePass(_ bytes: [UInt8], name: String) throws -> (report: FileReport, pass: PassResult, written: [UInt8]) {
        let input = InputFile.bytes(bytes, displayPath: name)
        let report = try Linter(options: LintOptions()).lint(input).report
        let profile = try ProfileLoader.load(try #require(report.profile))
        let settings = PassSettings(inputDelimiter: 0x09, outputDelimiter: 0x09, lineEnding: nil, allowUnsafe: false,
                                    force: false, quoting: .keep, collectDetails: false, profile: profile, round: 1)
        let pass = try FixPass(input: input, encoding: .utf8(bom: false), plan: FixPlan(diagnostics: report.diagnostics, allowUnsafe: false),
                               settings: settings).run(directory: NSTemporaryDirectory(), name: "test")
        let path = try #require(pass.outputPath)
        defer { AtomicFile.discard(path) }
        return (report, pass, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The first round as `Fixer` starts it: the lint of `input` with `options`, the plan of its fixes and
    /// the pass settings keeping the input's delimiter (`--force` with `allowUnsafe`).
    static func firstRound(_ input: InputFile, options: LintOptions, allowUnsafe: Bool, quoting: QuotingStyle = .keep) throws
        -> (lint: LintResult, plan: FixPlan, settings: PassSettings) {
        let lint = try Linter(options: options).lint(input)
        let profile = try lint.report.profile.map(ProfileLoader.load)
        let delimiter = lint.report.delimiter.utf8.first ?? 0x2C
        let settings = PassSettings(inputDelimiter: delimiter, outputDelimiter: delimiter, lineEnding: nil, allowUnsafe: allowUnsafe,
                                    force: allowUnsafe, quoting: quoting, collectDetails: true, profile: profile, round: 1)
        return (lint, FixPlan(diagnostics: lint.report.diagnostics, allowUnsafe: allowUnsafe), settings)
    }

    static func lint(_ bytes: [UInt8], name: String, options: LintOptions = LintOptions()) throws -> FileReport {
        try Linter(options: options).lint(.bytes(bytes, displayPath: name)).report
    }

    /// Every record (header first) of UTF-8 text, as the linter reads it: blank lines and a leading
    /// '#TYPE' line skipped; with `raw`, each cell as written, quotes included.
    static func records(_ bytes: [UInt8], delimiter: UInt8, raw: Bool = false) throws -> [[String]] {
        let reader = CSVReader(source: MemorySource(bytes), delimiter: delimiter)
        var rows: [[String]] = []
        var first = true
        while try reader.next() {
            if first && reader.fieldCount >= 1 && reader.bytes(0).starts(with: Array("#TYPE".utf8)) { first = false; continue }
            if !first && reader.isBlankLine && reader.unterminatedQuote == nil { continue }
            first = false
            rows.append((0..<reader.fieldCount).map { raw ? String(decoding: reader.rawCell($0), as: UTF8.self) : reader.string($0) })
        }
        return rows
    }
}

import Foundation

/// One cell fix the fixer applied: the rule that proposed it, where, and the cell before and after.
public struct AppliedFix: Codable, Sendable, Equatable {
    public var rule: String
    public var code: String?
    public var applicability: Applicability
    /// Line where the cell starts in the file the round read (round 1: the input as given).
    public var line: Int
    /// Data record (1-based), or nil for a header cell.
    public var record: Int?
    public var field: String?
    /// 0-based index of the cell in its record; internal (tests), not part of the JSON report, and nil
    /// when read back from one.
    public var fieldIndex: Int?
    public var before: String
    public var after: String
    public var round: Int

    enum CodingKeys: String, CodingKey {
        case rule, code, applicability, line, record, field, before, after, round
    }
}

/// A fix on the file as a whole (transcoding, BOM, blank lines, type line, regrouping, line endings).
public struct FileFix: Codable, Sendable, Equatable {
    public var rule: String?
    public var description: String
    /// How many lines, rows or bytes it concerned (1 for a one-off change).
    public var count: Int
    public var round: Int
}

/// A fix that was proposed but not applied, and why.
public struct SkippedFix: Codable, Sendable, Equatable {
    public var rule: String
    public var line: Int
    public var record: Int?
    public var field: String?
    /// 0-based index of the cell in its record, as `AppliedFix.fieldIndex`.
    public var fieldIndex: Int? = nil
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case rule, line, record, field, reason
    }
}

/// Counts and figures of a fix run, for the text and JSON reports.
public struct FixSummary: Codable, Sendable, Equatable {
    public var recordsIn: Int
    public var recordsOut: Int
    public var cellsChanged: Int
    public var fixesApplied: Int
    /// Applied cell fixes per rule name.
    public var fixesByRule: [String: Int]
    public var fileFixes: Int
    public var rounds: Int
    public var converged: Bool
    public var remaining: Int
    public var remainingFixable: Int
}

/// The JSON report of `importlint fix --format json` (same schemaVersion family as `check`).
public struct FixReport: Codable, Sendable {
    public var schemaVersion = 1
    public var tool = ToolInfo(name: "importlint", version: ImportLint.version)
    public var path: String
    public var output: String?
    /// True when the output was written (or, with --diff, when it would have been).
    public var written: Bool
    /// Why the file was not written (a fatal structural error without --force).
    public var refused: String?
    public var profile: String?
    public var encoding: String
    public var delimiter: String
    public var outputDelimiter: String
    public var lineEnding: String
    public var unsafeFixes: Bool
    public var applied: [AppliedFix]
    public var fileFixes: [FileFix]
    public var skipped: [SkippedFix]
    /// Diagnostics a `check` of the output still reports (lines of the output).
    public var remaining: [Diagnostic]
    public var summary: FixSummary
}

extension FixReport {
    /// Pretty-printed with sorted keys, like `check`'s JSON report: byte for byte what JSONEncoder writes
    /// (a test compares the two), written directly so that a report with hundreds of thousands of
    /// remaining diagnostics is neither slow nor held twice.
    public func render() -> String {
        PrettyJSONWriter.render { write($0) }
    }

    /// Streams the report to `sink` in pieces of about 64 KB.
    public func write(to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try PrettyJSONWriter.stream(to: sink) { write($0) }
    }

    /// Keys in JSONEncoder's sorted order; a nil optional is left out, as synthesized Codable does.
    private func write(_ w: PrettyJSONWriter) {
        w.object(0) { o in
            o.field("applied") { w in w.array(applied.count, 1) { w, i in Self.write(applied[i], w, 2) } }
            o.field("delimiter") { $0.string(delimiter) }
            o.field("encoding") { $0.string(encoding) }
            o.field("fileFixes") { w in
                w.array(fileFixes.count, 1) { w, i in
                    let f = fileFixes[i]
                    w.object(2) { o in
                        o.field("count") { $0.int(f.count) }
                        o.field("description") { $0.string(f.description) }
                        o.field("round") { $0.int(f.round) }
                        if let rule = f.rule { o.field("rule") { $0.string(rule) } }
                    }
                }
            }
            o.field("lineEnding") { $0.string(lineEnding) }
            if let output { o.field("output") { $0.string(output) } }
            o.field("outputDelimiter") { $0.string(outputDelimiter) }
            o.field("path") { $0.string(path) }
            if let profile { o.field("profile") { $0.string(profile) } }
            if let refused { o.field("refused") { $0.string(refused) } }
            o.field("remaining") { w in
                let diagnostics = DiagnosticJSON(depth: 2)
                w.array(remaining.count, 1) { w, i in diagnostics.write(remaining[i], w) }
            }
            o.field("schemaVersion") { $0.int(schemaVersion) }
            o.field("skipped") { w in
                w.array(skipped.count, 1) { w, i in
                    let f = skipped[i]
                    w.object(2) { o in
                        if let field = f.field { o.field("field") { $0.string(field) } }
                        o.field("line") { $0.int(f.line) }
                        o.field("reason") { $0.string(f.reason) }
                        if let record = f.record { o.field("record") { $0.int(record) } }
                        o.field("rule") { $0.string(f.rule) }
                    }
                }
            }
            o.field("summary") { w in Self.write(summary, w, 1) }
            o.field("tool") { w in JSONReporter.write(tool, w, 1) }
            o.field("unsafeFixes") { $0.bool(unsafeFixes) }
            o.field("written") { $0.bool(written) }
        }
    }

    private static func write(_ f: AppliedFix, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("after") { $0.string(f.after) }
            o.field("applicability") { $0.string(f.applicability.rawValue) }
            o.field("before") { $0.string(f.before) }
            if let code = f.code { o.field("code") { $0.string(code) } }
            if let field = f.field { o.field("field") { $0.string(field) } }
            o.field("line") { $0.int(f.line) }
            if let record = f.record { o.field("record") { $0.int(record) } }
            o.field("round") { $0.int(f.round) }
            o.field("rule") { $0.string(f.rule) }
        }
    }

    private static func write(_ s: FixSummary, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("cellsChanged") { $0.int(s.cellsChanged) }
            o.field("converged") { $0.bool(s.converged) }
            o.field("fileFixes") { $0.int(s.fileFixes) }
            o.field("fixesApplied") { $0.int(s.fixesApplied) }
            o.field("fixesByRule") { w in
                let rules = s.fixesByRule.keys.sorted()
                w.object(depth + 1) { o in
                    for rule in rules { o.field(rule) { $0.int(s.fixesByRule[rule]!) } }
                }
            }
            o.field("recordsIn") { $0.int(s.recordsIn) }
            o.field("recordsOut") { $0.int(s.recordsOut) }
            o.field("remaining") { $0.int(s.remaining) }
            o.field("remainingFixable") { $0.int(s.remainingFixable) }
            o.field("rounds") { $0.int(s.rounds) }
        }
    }
}

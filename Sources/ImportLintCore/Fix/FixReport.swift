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
    public var fieldIndex: Int
    public var before: String
    public var after: String
    public var round: Int
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
    public var reason: String
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
    /// Pretty-printed with sorted keys, like `check`'s JSON report.
    public func render() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}

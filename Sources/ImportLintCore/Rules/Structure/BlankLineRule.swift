extension RuleDescriptor {
    public static let blankLine = RuleDescriptor(
        code: "STR006", name: "blank-line", severity: .warning, fix: .safe,
        summary: "An empty line between records",
        explanation: "Some importers stop at the first empty line or count it as an empty record that fails validation. The fix removes the line.",
        triggeringExample: "Name\nAnn\n\nBob", cleanExample: "Name\nAnn\nBob")
}

/// An empty line between records: not a record, reported and removed by the fix.
final class BlankLineRule: RecordRule {
    static let removal = RemovedLineWording(one: "Removed 1 blank line", many: "Removed %d blank lines")

    override func blankLine(_ reader: CSVReader, sink: DiagnosticSink) {
        reader.report(.blankLine, to: sink, line: reader.line, column: 1, field: nil, record: nil,
                      message: "Blank line", fix: Fix(.safe, "Remove the line", .removeLine(Self.removal)))
    }
}

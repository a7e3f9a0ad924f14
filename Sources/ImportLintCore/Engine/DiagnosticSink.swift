/// Collects one file's diagnostics, dropping those of rules that are not selected and applying severity
/// overrides. Diagnostics arrive placed, as plain values (rules place them from the reader, see
/// `CSVReader.report`); the sink reads nothing itself.
public final class DiagnosticSink {
    public let selection: RuleSelection
    public private(set) var diagnostics: [Diagnostic] = []
    /// Text of the physical lines that diagnostics sit on, kept for carets in text reports.
    public private(set) var sourceLines: [Int: String] = [:]
    let captureSourceLines: Bool
    private var enabledCache: [String: Bool] = [:]

    public init(selection: RuleSelection, captureSourceLines: Bool = false) {
        self.selection = selection
        self.captureSourceLines = captureSourceLines
    }

    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        if let known = enabledCache[rule.code] { return known }
        let enabled = selection.isEnabled(rule)
        enabledCache[rule.code] = enabled
        return enabled
    }

    /// Whether a diagnostic on `line` should bring the line's text along, for carets in text reports.
    public func wantsSourceLine(_ line: Int) -> Bool {
        captureSourceLines && sourceLines[line] == nil && sourceLines.count < 10_000
    }

    /// Keeps `diagnostic` if its rule is selected, with its severity overridden as configured, and the
    /// text of its line if given.
    public func emit(_ diagnostic: Diagnostic, sourceLine: String? = nil) {
        guard let rule = RuleCatalog.byCode[diagnostic.code], isEnabled(rule) else { return }
        var d = diagnostic
        if let overridden = selection.overriddenSeverity(of: rule) { d.severity = overridden }
        if let sourceLine, wantsSourceLine(d.line) { sourceLines[d.line] = sourceLine }
        diagnostics.append(d)
    }

    /// A file-level finding: line 1 (or the given line), record null.
    public func file(_ rule: RuleDescriptor, line: Int = 1, column: Int = 1, field: String? = nil, message: String,
                     fix: Fix? = nil, related: [RelatedLocation] = [], values: [String] = [], fieldIndex: Int? = nil,
                     severity: Severity? = nil) {
        guard isEnabled(rule) else { return }
        emit(Diagnostic(rule: rule, severity: severity, line: line, column: column, record: nil, field: field, message: message,
                        related: related, fix: fix, fieldIndex: fieldIndex, values: values))
    }

    /// Hands over the diagnostics in reading order (rules that report at the end of the file merged into
    /// place; at one position, in the order they were reported) and empties the sink. Sorted in place:
    /// a file with hundreds of thousands of findings would otherwise hold two more copies of them.
    func takeSorted() -> [Diagnostic] {
        var all = diagnostics
        diagnostics = []
        all.sort { ($0.line, $0.column) < ($1.line, $1.column) }  // stable, as the standard library guarantees
        return all
    }
}

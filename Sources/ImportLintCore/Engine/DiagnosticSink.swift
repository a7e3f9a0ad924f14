/// Collects one file's diagnostics, dropping those of rules that are not selected and applying severity
/// overrides. Diagnostics arrive placed, as plain values (rules place them from the reader, see
/// `CSVReader.report`); the sink reads nothing itself.
public final class DiagnosticSink {
    public let selection: RuleSelection
    public private(set) var diagnostics: [Diagnostic] = []
    private var enabledCache: [String: Bool] = [:]
    /// Accepted findings (`--suppressions`), dropped before they are kept or counted.
    var isSuppressed: ((Diagnostic) -> Bool)?
    /// `--max-findings`: the findings kept instead of `diagnostics`.
    private var bounded: BoundedFindings?

    public init(selection: RuleSelection, maxFindings: Int? = nil) {
        self.selection = selection
        bounded = maxFindings.map(BoundedFindings.init)
    }

    /// Findings counted but not kept (`--max-findings`).
    var omitted: FindingTally { bounded?.omitted ?? FindingTally() }

    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        if let known = enabledCache[rule.code] { return known }
        let enabled = selection.isEnabled(rule)
        enabledCache[rule.code] = enabled
        return enabled
    }

    /// Keeps `diagnostic` if its rule is selected and it is not suppressed, with its severity overridden
    /// as configured.
    public func emit(_ diagnostic: Diagnostic) {
        guard let rule = RuleCatalog.byCode[diagnostic.code], isEnabled(rule) else { return }
        var d = diagnostic
        if let overridden = selection.overriddenSeverity(of: rule) { d.severity = overridden }
        if let isSuppressed, isSuppressed(d) { return }
        if bounded != nil { bounded!.insert(d) } else { diagnostics.append(d) }
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
        if bounded != nil { return bounded!.takeSorted() }
        var all = diagnostics
        diagnostics = []
        all.sort { ($0.line, $0.column) < ($1.line, $1.column) }  // stable, as the standard library guarantees
        return all
    }
}

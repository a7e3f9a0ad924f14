/// How rules report a finding in the record the reader is on: the position is computed here, from the
/// reader, and handed to the sink as a plain-data diagnostic.
extension CSVReader {
    /// The profile's canonical name of column `index`, or nil for unknown columns.
    public func columnName(_ index: Int) -> String? {
        index < columnNames.count ? columnNames[index] : nil
    }

    /// Reports `rule` on cell `field` of the current record (`record` nil for the header).
    public func report(_ rule: RuleDescriptor, to sink: DiagnosticSink, field: Int, record: Int?, message: String,
                       fix: Fix? = nil, related: [RelatedLocation] = [], values: [String] = [], severity: Severity? = nil) {
        keep(rule, in: sink, field: field, record: record, message: message, fix: fix, related: related, values: values,
             severity: severity)
    }

    /// `report`, returning the content the sink kept (nil when it kept nothing).
    @discardableResult
    func keep(_ rule: RuleDescriptor, in sink: DiagnosticSink, field: Int, record: Int?, message: String, fix: Fix? = nil,
              related: [RelatedLocation] = [], values: [String] = [], severity: Severity? = nil) -> Diagnostic.Content? {
        guard sink.isEnabled(rule) else { return nil }
        let position = position(ofField: field)
        return keep(rule, in: sink, line: position.line, column: position.column, field: field, record: record,
                    message: message, fix: fix, related: related, values: values, severity: severity)
    }

    /// Reports `rule` at an exact position inside the current record.
    public func report(_ rule: RuleDescriptor, to sink: DiagnosticSink, line: Int, column: Int, field: Int?, record: Int?,
                       message: String, fix: Fix? = nil, related: [RelatedLocation] = [], values: [String] = [],
                       severity: Severity? = nil) {
        keep(rule, in: sink, line: line, column: column, field: field, record: record, message: message, fix: fix,
             related: related, values: values, severity: severity)
    }

    /// `report` at an exact position, returning the content the sink kept (nil when it kept nothing).
    @discardableResult
    func keep(_ rule: RuleDescriptor, in sink: DiagnosticSink, line: Int, column: Int, field: Int?, record: Int?,
              message: String, fix: Fix? = nil, related: [RelatedLocation] = [], values: [String] = [],
              severity: Severity? = nil) -> Diagnostic.Content? {
        guard sink.isEnabled(rule) else { return nil }
        var message = message, fix = fix
        if let replacement = fix?.replacement, let field, field < fieldCount,
           FormulaGuard.creates(original: string(field), replacement: replacement) {
            message += FormulaGuard.note(replacement)
            fix = nil
        }
        return sink.keep(Diagnostic(rule: rule, severity: severity, line: line, column: column, record: record,
                             field: field.flatMap(columnName), message: message, related: related, fix: fix,
                             fieldIndex: field, values: values))
    }
}

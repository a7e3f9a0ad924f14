/// A place elsewhere that a diagnostic refers to (the first occurrence of a duplicate, a baseline line).
public struct RelatedLocation: Codable, Sendable, Equatable {
    public var line: Int
    public var path: String?
    public var message: String?

    public init(line: Int, path: String? = nil, message: String? = nil) {
        self.line = line
        self.path = path
        self.message = message
    }
}

/// A fix a rule proposes with its diagnostic: how safe it is, what it does in words, and what it does.
public struct Fix: Codable, Sendable, Equatable {
    public var applicability: Applicability
    public var description: String
    public var action: FixAction

    public init(_ applicability: Applicability, _ description: String, _ action: FixAction) {
        self.applicability = applicability
        self.description = description
        self.action = action
    }

    /// A fix that replaces the diagnostic's cell with `replacement`.
    public init(_ applicability: Applicability, _ description: String, replacement: String) {
        self.init(applicability, description, .replaceCell(replacement))
    }

    /// The new cell text; nil for fixes that act on the file as a whole (the report's `replacement`).
    public var replacement: String? {
        get { if case .replaceCell(let text) = action { text } else { nil } }
        set { if let newValue { action = .replaceCell(newValue) } }
    }

    enum CodingKeys: String, CodingKey {
        case applicability, description, replacement
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        applicability = try c.decode(Applicability.self, forKey: .applicability)
        description = try c.decode(String.self, forKey: .description)
        action = try c.decodeIfPresent(String.self, forKey: .replacement).map(FixAction.replaceCell) ?? .unrecorded
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(applicability, forKey: .applicability)
        try c.encode(description, forKey: .description)
        try c.encodeIfPresent(replacement, forKey: .replacement)
    }
}

/// One finding, placed as `reference/report-format.md` prescribes.
public struct Diagnostic: Codable, Sendable, Equatable {
    public var code: String
    public var rule: String
    public var severity: Severity
    public var line: Int
    public var column: Int
    public var record: Int?
    public var field: String?
    public var message: String
    public var related: [RelatedLocation]
    public var fix: Fix?
    /// 0-based index of the cell in its record (header cells use the header's record); internal, used by
    /// the fixer to find the cell to rewrite, and not part of the JSON report.
    public var fieldIndex: Int?
    /// Cell values quoted in `message` and `fix`, so that `--redact` can hide them.
    public var values: [String]

    public init(rule: RuleDescriptor, severity: Severity? = nil, line: Int, column: Int, record: Int?,
                field: String?, message: String, related: [RelatedLocation] = [], fix: Fix? = nil,
                fieldIndex: Int? = nil, values: [String] = []) {
        self.code = rule.code
        self.rule = rule.name
        self.severity = severity ?? rule.severity
        self.line = line
        self.column = column
        self.record = record
        self.field = field
        self.message = message
        self.related = related
        self.fix = fix
        self.fieldIndex = fieldIndex
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case code, rule, severity, line, column, record, field, message, related, fix
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        code = try c.decode(String.self, forKey: .code)
        rule = try c.decode(String.self, forKey: .rule)
        severity = try c.decode(Severity.self, forKey: .severity)
        line = try c.decode(Int.self, forKey: .line)
        column = try c.decode(Int.self, forKey: .column)
        record = try c.decodeIfPresent(Int.self, forKey: .record)
        field = try c.decodeIfPresent(String.self, forKey: .field)
        message = try c.decode(String.self, forKey: .message)
        related = try c.decodeIfPresent([RelatedLocation].self, forKey: .related) ?? []
        fix = try c.decodeIfPresent(Fix.self, forKey: .fix)
        fieldIndex = nil
        values = []
    }

    /// `record`, `field` and `fix` are written as JSON null when absent: the report contract has the keys.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(line, forKey: .line)
        try c.encode(column, forKey: .column)
        try c.encode(record, forKey: .record)
        try c.encode(field, forKey: .field)
        try c.encode(message, forKey: .message)
        try c.encode(related, forKey: .related)
        try c.encode(fix, forKey: .fix)
    }
}

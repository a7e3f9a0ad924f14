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
///
/// Held compactly, since a file can have millions of findings held for the sorted report: the position
/// inline as 32-bit numbers (24 bytes with one reference), everything else (rule, severity, field,
/// message, fix, quoted values) in a `Content` that findings with the same content share (see
/// `DiagnosticSink`). Copy-on-write: changing a shared content copies it first. A position with a number
/// that does not fit in 32 bits is kept in the content instead (`Content.widePosition`).
public struct Diagnostic: Codable, Sendable, Equatable {
    /// Where a finding is, as the public properties give it.
    struct Position: Equatable {
        var line: Int
        var column: Int
        var record: Int?
        var fieldIndex: Int?
    }

    /// A position that does not fit inline, boxed so that contents without one stay small.
    final class WidePosition: Sendable, Equatable {
        let position: Position
        init(_ position: Position) { self.position = position }
        static func == (a: WidePosition, b: WidePosition) -> Bool { a.position == b.position }
    }

    final class Content: @unchecked Sendable, Hashable {
        var code: String
        var rule: String
        var severity: Severity
        var field: String?
        var message: String
        var related: [RelatedLocation]
        var fix: Fix?
        var values: [String]
        /// The position of the one finding holding this content, when a number does not fit inline. Read for
        /// every finding made of its parts; not checked for exclusive access (a call each time): a content
        /// is only written through `uniqueContent`, while no other finding holds it.
        @exclusivity(unchecked) var widePosition: WidePosition?

        init(code: String, rule: String, severity: Severity, field: String?, message: String,
             related: [RelatedLocation], fix: Fix?, values: [String], widePosition: WidePosition? = nil) {
            self.code = code
            self.rule = rule
            self.severity = severity
            self.field = field
            self.message = message
            self.related = related
            self.fix = fix
            self.values = values
            self.widePosition = widePosition
        }

        func copy() -> Content {
            Content(code: code, rule: rule, severity: severity, field: field, message: message, related: related, fix: fix,
                    values: values, widePosition: widePosition)
        }

        /// Texts compared by their bytes (see `sameBytes`), not as String's == compares them.
        static func == (a: Content, b: Content) -> Bool {
            a === b || (a.code == b.code && a.rule == b.rule && a.severity == b.severity && sameBytes(a.field, b.field)
                && sameBytes(a.message, b.message) && sameBytes(a.related, b.related) && sameBytes(a.fix, b.fix)
                && sameBytes(a.values, b.values) && a.widePosition == b.widePosition)
        }

        /// Cheap parts only (hashing whole messages cost more than the rest of a finding): equal contents
        /// still hash equal, and the first quoted value and the message's length tell most others apart.
        func hash(into hasher: inout Hasher) {
            hasher.combine(code)
            hasher.combine(message.utf8.count)
            hasher.combine(values.first)
        }
    }

    /// The first stored property: `unretainedContent` reads it at offset 0.
    private(set) var content: Content
    /// `Self.wide` when the position is in `content.widePosition`.
    private var line32: UInt32
    private var column32: UInt32
    /// `Self.none` for nil.
    private var record32: UInt32
    private var fieldIndex32: UInt32

    private static let none = UInt32.max
    private static let wide = UInt32.max

    private mutating func uniqueContent() -> Content {
        if !isKnownUniquelyReferenced(&content) { content = content.copy() }
        return content
    }

    /// The content of the finding at `finding`, not retained: reading `content` retained and released it,
    /// atomic updates of one count, which two threads going over a report's findings (`FindingTally`)
    /// contend for when the findings share their content. Valid while the finding holds it.
    @inline(__always)
    static func unretainedContent(_ finding: UnsafePointer<Diagnostic>) -> Unmanaged<Content> {
        Unmanaged.fromOpaque(UnsafeRawPointer(finding).load(as: UnsafeRawPointer.self))
    }

    var position: Position {
        // Inlined: the report's writer reads three of its numbers for every finding, and a call returned
        // all four through memory.
        @inline(__always) get {
            if line32 == Self.wide, let wide = content.widePosition { return wide.position }
            return Position(line: Int(line32), column: Int(column32),
                            record: record32 == Self.none ? nil : Int(record32),
                            fieldIndex: fieldIndex32 == Self.none ? nil : Int(fieldIndex32))
        }
        set {
            if let narrow = Self.narrow(newValue) {
                (line32, column32, record32, fieldIndex32) = narrow
                if content.widePosition != nil { uniqueContent().widePosition = nil }
            } else {
                (line32, column32, record32, fieldIndex32) = (Self.wide, 0, Self.none, Self.none)
                uniqueContent().widePosition = WidePosition(newValue)
            }
        }
    }

    /// A position as the four 32-bit numbers kept inline; nil when one does not fit.
    @inline(__always)
    private static func narrow(_ position: Position) -> (UInt32, UInt32, UInt32, UInt32)? {
        guard let line = UInt32(exactly: position.line), line != Self.wide, let column = UInt32(exactly: position.column),
              let record = narrow(position.record), let fieldIndex = narrow(position.fieldIndex) else { return nil }
        return (line, column, record, fieldIndex)
    }

    /// An optional number as 32 bits, `Self.none` for nil; nil when it does not fit.
    @inline(__always)
    private static func narrow(_ value: Int?) -> UInt32? {
        guard let value else { return Self.none }
        guard let narrow = UInt32(exactly: value), narrow != Self.none else { return nil }
        return narrow
    }

    public var line: Int {
        get { line32 == Self.wide ? position.line : Int(line32) }
        set { position.line = newValue }
    }
    public var column: Int {
        get { line32 == Self.wide ? position.column : Int(column32) }
        set { position.column = newValue }
    }

    public var code: String {
        get { content.code }
        set { uniqueContent().code = newValue }
    }
    public var rule: String {
        get { content.rule }
        set { uniqueContent().rule = newValue }
    }
    public var severity: Severity {
        get { content.severity }
        set { uniqueContent().severity = newValue }
    }
    public var record: Int? {
        get { position.record }
        set { position.record = newValue }
    }
    public var field: String? {
        get { content.field }
        set { uniqueContent().field = newValue }
    }
    public var message: String {
        get { content.message }
        set { uniqueContent().message = newValue }
    }
    public var related: [RelatedLocation] {
        get { content.related }
        set { uniqueContent().related = newValue }
    }
    public var fix: Fix? {
        get { content.fix }
        set { uniqueContent().fix = newValue }
    }
    /// The fix's applicability, nil without a fix: read in place, where getting `fix` copies it (most of
    /// the time `fix` spent going over tens of thousands of findings).
    var fixApplicability: Applicability? { content.fix?.applicability }
    /// 0-based index of the cell in its record (header cells use the header's record); internal, used by
    /// the fixer to find the cell to rewrite, and not part of the JSON report.
    public var fieldIndex: Int? {
        get { position.fieldIndex }
        set { position.fieldIndex = newValue }
    }
    /// Cell values quoted in `message` and `fix`, so that `--redact` can hide them.
    public var values: [String] {
        get { content.values }
        set { uniqueContent().values = newValue }
    }

    public init(rule: RuleDescriptor, severity: Severity? = nil, line: Int, column: Int, record: Int?,
                field: String?, message: String, related: [RelatedLocation] = [], fix: Fix? = nil,
                fieldIndex: Int? = nil, values: [String] = []) {
        content = Content(code: rule.code, rule: rule.name, severity: severity ?? rule.severity, field: field,
                          message: message, related: related, fix: fix, values: values)
        (line32, column32, record32, fieldIndex32) = (0, 0, Self.none, Self.none)
        position = Position(line: line, column: column, record: record, fieldIndex: fieldIndex)
    }

    /// A finding made of its parts (`FindingList` keeps them apart). The narrow case is set in place, not
    /// through `position`'s setter: this runs for every finding kept, read out and handed on.
    @inline(__always)
    init(content: Content, position: Position) {
        self.content = content
        if content.widePosition == nil, let narrow = Self.narrow(position) {
            (line32, column32, record32, fieldIndex32) = narrow
        } else {
            (line32, column32, record32, fieldIndex32) = (0, 0, Self.none, Self.none)
            self.position = position
        }
    }

    /// The same finding with its content replaced by an equal one (shared with other findings).
    func sharing(_ equal: Content) -> Diagnostic {
        var d = self
        d.content = equal
        return d
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.position == b.position && a.content == b.content
    }

    enum CodingKeys: String, CodingKey {
        case code, rule, severity, line, column, record, field, message, related, fix
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        content = Content(code: try c.decode(String.self, forKey: .code), rule: try c.decode(String.self, forKey: .rule),
                          severity: try c.decode(Severity.self, forKey: .severity),
                          field: try c.decodeIfPresent(String.self, forKey: .field), message: try c.decode(String.self, forKey: .message),
                          related: try c.decodeIfPresent([RelatedLocation].self, forKey: .related) ?? [],
                          fix: try c.decodeIfPresent(Fix.self, forKey: .fix), values: [])
        (line32, column32, record32, fieldIndex32) = (0, 0, Self.none, Self.none)
        position = Position(line: try c.decode(Int.self, forKey: .line), column: try c.decode(Int.self, forKey: .column),
                            record: try c.decodeIfPresent(Int.self, forKey: .record), fieldIndex: nil)
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

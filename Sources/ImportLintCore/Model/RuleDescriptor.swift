/// The stable identity and documentation of one rule: code and name never change once released.
public struct RuleDescriptor: Sendable, Hashable {
    public let code: String
    public let name: String
    public let severity: Severity
    public let fix: FixAvailability
    public let summary: String
    public let explanation: String
    /// A small input that triggers the rule and one that does not, shown by `importlint rule NAME` and run
    /// by the tests (`RuleExample`: `\xHH` is the raw byte HH).
    public let triggeringExample: String
    public let cleanExample: String
    /// The options and companion files the examples need.
    public let exampleSetup: ExampleSetup
    /// False for a rule whose logic is not built yet: it is listed but never reports.
    public let available: Bool

    public init(code: String, name: String, severity: Severity, fix: FixAvailability = .none,
                summary: String, explanation: String, triggeringExample: String, cleanExample: String,
                exampleSetup: ExampleSetup = ExampleSetup(), available: Bool = true) {
        self.code = code
        self.name = name
        self.severity = severity
        self.fix = fix
        self.summary = summary
        self.explanation = explanation
        self.triggeringExample = triggeringExample
        self.cleanExample = cleanExample
        self.exampleSetup = exampleSetup
        self.available = available
    }

    public static func == (lhs: RuleDescriptor, rhs: RuleDescriptor) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

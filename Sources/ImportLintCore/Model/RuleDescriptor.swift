/// The stable identity and documentation of one rule: code and name never change once released.
///
/// A descriptor is copied into every finding a validator returns and every verdict it caches, so its
/// texts live in one shared box: copied field by field, the dozen strings were retained and released on
/// each copy.
public struct RuleDescriptor: Sendable, Hashable {
    public let code: String
    public let name: String
    public let severity: Severity
    public let fix: FixAvailability
    /// False for a rule whose logic is not built yet: it is listed but never reports.
    public let available: Bool
    private let documentation: Documentation

    public var summary: String { documentation.summary }
    public var explanation: String { documentation.explanation }
    /// A small input that triggers the rule and one that does not, shown by `importlint rule NAME` and run
    /// by the tests (`RuleExample`: `\xHH` is the raw byte HH).
    public var triggeringExample: String { documentation.triggeringExample }
    public var cleanExample: String { documentation.cleanExample }
    /// The options and companion files the examples need.
    public var exampleSetup: ExampleSetup { documentation.exampleSetup }

    private final class Documentation: Sendable {
        let summary: String
        let explanation: String
        let triggeringExample: String
        let cleanExample: String
        let exampleSetup: ExampleSetup

        init(summary: String, explanation: String, triggeringExample: String, cleanExample: String, exampleSetup: ExampleSetup) {
            self.summary = summary
            self.explanation = explanation
            self.triggeringExample = triggeringExample
            self.cleanExample = cleanExample
            self.exampleSetup = exampleSetup
        }
    }

    public init(code: String, name: String, severity: Severity, fix: FixAvailability = .none,
                summary: String, explanation: String, triggeringExample: String, cleanExample: String,
                exampleSetup: ExampleSetup = ExampleSetup(), available: Bool = true) {
        self.code = code
        self.name = name
        self.severity = severity
        self.fix = fix
        self.available = available
        documentation = Documentation(summary: summary, explanation: explanation, triggeringExample: triggeringExample,
                                      cleanExample: cleanExample, exampleSetup: exampleSetup)
    }

    public static func == (lhs: RuleDescriptor, rhs: RuleDescriptor) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

import Foundation

/// What a rule's examples need besides the input itself: the options and companion files that
/// `importlint check` would be given. Empty for most rules.
public struct ExampleSetup: Sendable, Hashable {
    /// The profile (`--profile`), when the header alone does not select it.
    public var profile: String?
    /// A people file (`--people`) that contact-details rows refer to.
    public var people: String?
    /// Organizations that exist in the target (`--known-organizations`), one a line.
    public var knownOrganizations: String?
    /// The previous upload (`--baseline`).
    public var baseline: String?

    public init(profile: String? = nil, people: String? = nil, knownOrganizations: String? = nil, baseline: String? = nil) {
        self.profile = profile
        self.people = people
        self.knownOrganizations = knownOrganizations
        self.baseline = baseline
    }

    /// The setup as (name, value) pairs in the order `importlint rule` prints them.
    public var fields: [(name: String, value: String)] {
        [("profile", profile), ("people", people), ("knownOrganizations", knownOrganizations), ("baseline", baseline)]
            .compactMap { name, value in value.map { (name, $0) } }
    }
}

/// Runs a rule's examples, which are real inputs: text in which `\xHH` stands for the raw byte HH (so
/// that examples can hold invalid UTF-8, a byte-order mark or UTF-16), linted as `importlint check`
/// would lint a file with the descriptor's example setup.
public enum RuleExample {
    /// The bytes of an example: UTF-8, with every `\xHH` replaced by the byte HH.
    public static func bytes(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "\\"), i + 3 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"),
               let high = hexValue(utf8[i + 2]), let low = hexValue(utf8[i + 3]) {
                out.append(high << 4 | low)
                i += 4
            } else {
                out.append(utf8[i])
                i += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The report of one example of `rule` (its triggering or clean example text).
    public static func lint(_ example: String, of rule: RuleDescriptor) throws -> FileReport {
        let setup = rule.exampleSetup
        let input = InputFile.bytes(bytes(example), displayPath: "example.csv")
        var options = LintOptions(profile: setup.profile)
        if let people = setup.people {
            let source = InputFile.bytes(bytes(people), displayPath: "people.csv")
            options.references = try ReferenceSet.resolve(for: [input], explicitSources: [source], profile: setup.profile)
        }
        options.knownOrganizations = setup.knownOrganizations.map(KnownOrganizations.parse)
        var temporary: URL?
        defer { temporary.map { try? FileManager.default.removeItem(at: $0) } }
        if let baseline = setup.baseline {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("importlint-example-\(UUID().uuidString).csv")
            try Data(bytes(baseline)).write(to: url)
            temporary = url
            options.baselinePath = url.path
            options.baselineDisplayPath = "previous.csv"
        }
        return try Linter(options: options).lint(input).report
    }
}

import ArgumentParser
import Foundation
import ImportLintCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    @Option(name: .customLong("format"), help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        switch format {
        case .json:
            let rows = RuleCatalog.all.map(RuleRow.init)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        case .text:
            for rule in RuleCatalog.all {
                let name = rule.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                let severity = rule.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                let fix = (rule.fix == .none ? "" : "fix:\(rule.fix.rawValue)").padding(toLength: 14, withPad: " ", startingAt: 0)
                let summary = rule.available ? rule.summary : "(not yet available)"
                print("\(rule.code.padding(toLength: 8, withPad: " ", startingAt: 0))\(name)\(severity)\(fix)\(summary)")
            }
        }
    }
}

struct RuleRow: Encodable {
    let code, name, severity, fixable, summary: String
    let available: Bool

    init(_ rule: RuleDescriptor) {
        code = rule.code
        name = rule.name
        severity = rule.severity.rawValue
        fixable = rule.fix.rawValue
        summary = rule.summary
        available = rule.available
    }
}

struct RuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rule", abstract: "Explain one rule, with examples.")

    @Argument(help: "Rule name or code, e.g. duplicate-identifier or ID001.")
    var rule: String

    @Option(name: .customLong("format"), help: "Output format: text, or json (the whole descriptor, for tools).")
    var format: OutputFormat = .text

    func run() throws {
        guard let r = RuleCatalog.find(rule) else {
            throw ValidationError("unknown rule '\(rule)' (see `importlint rules`)")
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(try RuleDocument(r)), as: UTF8.self))
        case .text:
            print(text(r), terminator: "")
        }
    }

    private func text(_ r: RuleDescriptor) -> String {
        var text = "\(r.code) \(r.name)\n\n\(r.summary).\n\nDefault severity: \(r.severity.rawValue). Fix: \(r.fix.rawValue).\n\n\(r.explanation)\n"
        guard r.available else { return text + "\nNot yet available: this version lists the rule but never reports it.\n" }
        let setup = r.exampleSetup
        text += "\nExamples (\\xHH is the raw byte HH)"
        if let profile = setup.profile { text += ", with --profile \(profile)" }
        text += ":\n"
        for (option, file, content) in [("--people", "people.csv", setup.people),
                                        ("--known-organizations", "known-organizations.txt", setup.knownOrganizations),
                                        ("--baseline", "previous.csv", setup.baseline)] {
            if let content { text += "\nWith \(option) \(file):\n\(indent(content))\n" }
        }
        text += "\nTriggers:\n\(indent(r.triggeringExample))\n\nDoes not trigger:\n\(indent(r.cleanExample))\n"
        return text
    }

    /// Indented lines; an example's final line break ends its last line rather than adding an empty one.
    private func indent(_ s: String) -> String {
        let text = s.hasSuffix("\n") ? String(s.dropLast()) : s
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

/// `importlint rule NAME --format json`: the whole descriptor, with the profile its examples are linted
/// with (given, else detected from the triggering example's header) and any companion files they need.
struct RuleDocument: Encodable {
    let code, name, severity, fix, summary, explanation, triggeringExample, cleanExample: String
    let profile: String?
    let people, knownOrganizations, baseline: String?
    let available: Bool

    init(_ rule: RuleDescriptor) throws {
        code = rule.code
        name = rule.name
        severity = rule.severity.rawValue
        fix = rule.fix.rawValue
        summary = rule.summary
        explanation = rule.explanation
        triggeringExample = rule.triggeringExample
        cleanExample = rule.cleanExample
        let setup = rule.exampleSetup
        profile = try setup.profile ?? (rule.available ? RuleExample.lint(rule.triggeringExample, of: rule).profile : nil)
        people = setup.people
        knownOrganizations = setup.knownOrganizations
        baseline = setup.baseline
        available = rule.available
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        for (key, value) in [(CodingKeys.code, code), (.name, name), (.severity, severity), (.fix, fix), (.summary, summary),
                             (.explanation, explanation), (.triggeringExample, triggeringExample), (.cleanExample, cleanExample)] {
            try c.encode(value, forKey: key)
        }
        try c.encode(profile, forKey: .profile)
        try c.encodeIfPresent(people, forKey: .people)
        try c.encodeIfPresent(knownOrganizations, forKey: .knownOrganizations)
        try c.encodeIfPresent(baseline, forKey: .baseline)
        try c.encode(available, forKey: .available)
    }

    enum CodingKeys: String, CodingKey {
        case code, name, severity, fix, summary, explanation, triggeringExample, cleanExample, profile, people
        case knownOrganizations, baseline, available
    }
}

import ArgumentParser
import Foundation
import ImportLintCore

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule.")

    @Option(help: "Output format: text or json.")
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

    func run() throws {
        guard let r = RuleCatalog.find(rule) else {
            throw ValidationError("unknown rule '\(rule)' (see `importlint rules`)")
        }
        var text = "\(r.code) \(r.name)\n\n\(r.summary).\n\nDefault severity: \(r.severity.rawValue). Fix: \(r.fix.rawValue).\n\n\(r.explanation)\n"
        if r.available {
            text += "\nTriggers:\n\(indent(r.triggeringExample))\n\nDoes not trigger:\n\(indent(r.cleanExample))\n"
        } else {
            text += "\nNot yet available: this version lists the rule but never reports it.\n"
        }
        print(text, terminator: "")
    }

    private func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
    }
}

import ArgumentParser
import Foundation
import ImportLintCore

/// Prints the spelling clusters of a file's clustered columns for a person to review, and can write them
/// as a mapping file that `check --mapping` and `fix --mapping` then treat as reviewed.
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Show the spelling variants of organization-like columns (Organization, Department).")

    @Argument(help: "CSV or TSV file ('-' reads standard input).")
    var file: String

    @OptionGroup var input: InputOptions

    @Option(help: "Only this column (its profile name, e.g. Organization or Department).")
    var field: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(help: "Write the clusters as a reviewed-mapping TSV (value<TAB>canonical) to this file.")
    var writeMapping: String?

    @Flag(help: "Keep the values out of what is printed (the mapping file still holds them).")
    var redact = false

    func run() throws {
        try CheckCommand.reportingErrors {
            try OverwriteGuard.check(output: writeMapping, inputs: [file] + input.settings.inputPaths, what: "mapping")
        }
        var options = try input.lintOptions(captureSourceLines: false)
        options.selection = RuleSelection(select: ["ORG"])
        // Read once: a pipe or `<(...)` would be empty for the linter's second pass.
        var clusters = try CheckCommand.reportingErrors {
            let input: InputFile = file == "-" ? try .standardInput(displayPath: "<stdin>") : try .reading(file)
            return try Linter(options: options).lint(input).report.clusters ?? []
        }
        if let field { clusters = clusters.filter { $0.field == field } }
        let mapping = ValueMapping.render(clusters)
        if redact { clusters = Redactor.redact(clusters) }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(clusters), as: UTF8.self))
        case .text:
            if clusters.isEmpty { print("No spelling variants found.") }
            for cluster in clusters {
                print("\(TerminalText.path(cluster.field)): '\(TerminalText.escape(cluster.canonical))'")
                for member in cluster.members {
                    let mark = member.value == cluster.canonical ? "=" : "←"
                    let lines = member.lines.prefix(5).map(String.init).joined(separator: ", ")
                    print("  \(mark) '\(TerminalText.escape(member.value))' ×\(member.count) (line\(member.lines.count == 1 ? "" : "s") \(lines)\(member.lines.count > 5 ? ", …" : ""))")
                }
            }
        }
        if let writeMapping {
            try Output.write(mapping, to: writeMapping)
        }
    }
}

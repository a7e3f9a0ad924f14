import ArgumentParser
import Foundation
import ImportLintCore

/// Prints the spelling clusters of a file's clustered columns for a person to review, and can write them
/// as a mapping file that `check --mapping` and `fix --mapping` then treat as reviewed.
struct ClustersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clusters",
        abstract: "Show the spelling variants of organization-like columns (Organization, Department).")

    @Argument(help: "CSV or TSV files, or folders to search for *.csv and *.tsv files.")
    var files: [String]

    @OptionGroup var input: InputOptions

    @OptionGroup var configuration: ConfigOptions

    @Option(name: .customLong("field"), help: "Only this column (its profile name, e.g. Organization or Department).")
    var field: String?

    @Option(name: .customLong("format"), help: "Output format: text or json (one list; each cluster names its file).")
    var format: OutputFormat = .text

    @Option(name: .customLong("write-mapping"), help: "Write the clusters as a reviewed-mapping TSV (value<TAB>canonical) to this file.")
    var writeMapping: String?

    @Flag(name: .customLong("redact"), help: "Keep the values out of what is printed (the mapping file still holds them).")
    var redact = false

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("no input files") }
        try input.validateJobs()
        files = try configuration.files(files, outputs: [writeMapping])
    }

    func run() throws {
        try CheckCommand.reportingErrors {
            try OverwriteGuard.check(output: writeMapping, inputs: files + input.settings.inputPaths + configuration.inputPaths(for: files), what: "mapping")
        }
        let reports = try lint()
        var unreadable = false
        for report in reports {
            for finding in report.diagnostics where finding.rule == RuleDescriptor.unreadableInput.name {
                FileHandle.standardError.write(Data("importlint: \(TerminalText.path(report.path)): \(TerminalText.escape(finding.message))\n".utf8))
                unreadable = true
            }
        }
        var listed = reports.flatMap { report in
            (report.clusters ?? []).filter { field == nil || $0.field == field }.map { FileCluster(file: report.path, cluster: $0) }
        }
        let mapping = Self.firstMappingOfEachValue(ValueMapping.render(listed.map(\.cluster)))
        if redact { listed = zip(listed, Redactor.redact(listed.map(\.cluster))).map { FileCluster(file: $0.file, cluster: $1) } }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(listed), as: UTF8.self))
        case .text:
            for report in reports {
                if reports.count > 1 { print("\(TerminalText.path(report.path)):") }
                let clusters = listed.filter { $0.file == report.path }.map(\.cluster)
                if clusters.isEmpty { print("No spelling variants found.") }
                for cluster in clusters { print(Self.text(cluster)) }
            }
        }
        if let writeMapping {
            try Output.write(mapping, to: writeMapping)
        }
        if unreadable { throw ExitCode(1) }
    }

    /// Every file's report with the organization rules only, read with the file's configuration as `check`
    /// reads it; several files at once (`--jobs`).
    private func lint() throws -> [FileReport] {
        let base = try input.lintOptions(captureSourceLines: false)
        let resolver = try configuration.resolver()
        let options = try files.map { file in
            try CheckCommand.reportingErrors {
                var options = CommandLineSettings(base: base).resolve(file: file, config: try resolver.config(forFile: file)).options
                options.selection = RuleSelection(select: ["ORG", RuleDescriptor.unreadableInput.code])
                if options.knownOrganizations == nil, let list = options.knownOrganizationsPath {
                    options.knownOrganizations = try KnownOrganizations.load(path: list)
                }
                return options
            }
        }
        let files = files
        let outcomes = ParallelMap.run(files.count, workers: input.jobs ?? ProcessInfo.processInfo.activeProcessorCount) { index in
            // Read once: a pipe or `<(...)` would be empty for the linter's second pass.
            try Linter(options: options[index]).lint(try .reading(files[index])).report
        }
        return try outcomes.map { outcome in try CheckCommand.reportingErrors { try outcome.get() } }
    }

    /// A value clustered in several files is mapped once, to its first file's canonical spelling.
    static func firstMappingOfEachValue(_ mapping: String) -> String {
        var seen: Set<Substring> = []
        return mapping.split(separator: "\n").filter { seen.insert($0.prefix { $0 != "\t" }).inserted }.map { $0 + "\n" }.joined()
    }

    private static func text(_ cluster: Cluster) -> String {
        let tie = cluster.tie == true ? " (\(Cluster.tieNote))" : ""
        var lines = ["\(TerminalText.path(cluster.field)): '\(TerminalText.escape(cluster.canonical))'\(tie)"]
        for member in cluster.members {
            let mark = member.value == cluster.canonical ? "=" : "←"
            let shown = member.lines.prefix(5).map(String.init).joined(separator: ", ")
            lines.append("  \(mark) '\(TerminalText.escape(member.value))' ×\(member.count) (line\(member.lines.count == 1 ? "" : "s") \(shown)\(member.lines.count > 5 ? ", …" : ""))")
        }
        return lines.joined(separator: "\n")
    }
}

/// A cluster in `clusters --format json`: the cluster's fields and the file it was found in.
struct FileCluster: Encodable {
    let file: String
    let cluster: Cluster

    private enum Key: String, CodingKey { case file }

    func encode(to encoder: Encoder) throws {
        try cluster.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(file, forKey: .file)
    }
}

import ArgumentParser
import Foundation
import ImportLintCore

/// Report formats of `check`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github, junit, codequality
}

/// `check` options for CI pipelines and git hooks: configuration, baseline, suppressions, standard input,
/// redaction.
struct GateOptions: ParsableArguments {
    @OptionGroup var configuration: ConfigOptions

    @Option(help: "The previous upload: report record-count-drop and removed-identifiers against it.")
    var baseline: String?

    @Option(help: "record-count-drop threshold in percent of the baseline's records (default 10, or the configuration's).")
    var baselineThreshold: String?

    @Option(help: "Accept the findings listed in this suppressions file (written by --write-suppressions).")
    var suppressions: String?

    @Option(help: "Write every current finding to this suppressions file (and accept them).")
    var writeSuppressions: String?

    @Option(help: "Name of standard input ('-') in reports, for configuration globs and profile/delimiter detection.")
    var stdinFilename: String?

    @Flag(help: "Keep cell values (emails, phone numbers, names) out of messages and reports.")
    var redact = false

    @Flag(help: "Name the configuration file each input used, after the text summary.")
    var verbose = false

    func threshold() throws -> Double? {
        guard var text = baselineThreshold?.trimmingCharacters(in: .whitespaces) else { return nil }
        if text.hasSuffix("%") { text.removeLast() }
        guard let value = Double(text), value >= 0, value <= 100 else {
            throw ValidationError("--baseline-threshold must be a percentage between 0 and 100, such as 10")
        }
        return value / 100
    }

    func existingFile(_ path: String?, _ what: String) throws -> String? {
        guard let path else { return nil }
        guard FileManager.default.fileExists(atPath: path) else { throw ValidationError("\(path): \(what) not found") }
        return path
    }
}

/// A progress line on standard error for large files, only when standard error is a terminal.
final class ProgressLine {
    private var shown = false
    let enabled = isatty(STDERR_FILENO) == 1

    func update(_ path: String, _ records: Int) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[Kimportlint: \(TerminalText.path(path)): \(records) records…".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

extension CheckCommand {
    func runGate() throws {
        if files.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        try refuseOverwritingInputs()
        let resolver = try gate.configuration.resolver()
        var base = try input.lintOptions(captureSourceLines: format == .text && !gate.redact)
        base.baselinePath = try gate.existingFile(gate.baseline, "baseline file")
        let progress = ProgressLine()
        let cwd = FileManager.default.currentDirectoryPath

        // Pipes, FIFOs and standard input are read once, into a temporary copy that every pass reads.
        var inputs: [InputFile] = []
        try Self.reportingPath {
            inputs = try files.map { path in
                path == "-" ? try .standardInput(displayPath: gate.stdinFilename ?? "<stdin>") : try .reading(path)
            }
            let sources = try people.map { try InputFile.reading($0) }
            base.references = try ReferenceSet.resolve(for: zip(files, inputs).filter { $0.0 != "-" }.map(\.1),
                                                       explicitSources: sources, profile: input.profile)
        }
        let settings = CommandLineSettings(base: base, failOn: failOn, baselineThreshold: try gate.threshold())
        var knownLists: [String: [String]] = [:]

        var results: [LintResult] = []
        var failOnByPath: [String: Severity] = [:]
        for (path, file) in zip(files, inputs) {
            let isStdin = path == "-"
            let display = isStdin ? (gate.stdinFilename ?? "<stdin>") : path
            let configKey = isStdin ? (gate.stdinFilename ?? (cwd as NSString).appendingPathComponent("-")) : path
            do {
                let config = try resolver.config(forFile: configKey)
                var (options, fileFailOn) = settings.resolve(file: configKey, config: config)
                if options.knownOrganizations == nil, let list = options.knownOrganizationsPath {
                    if knownLists[list] == nil { knownLists[list] = try KnownOrganizations.load(path: list) }
                    options.knownOrganizations = knownLists[list]
                }
                let linter = Linter(options: options)
                linter.progress = progress.update
                defer { progress.clear() }
                var result = try linter.lint(file)
                result.report.config = config.map { Self.shown($0.path, cwd: cwd) }
                results.append(result)
                failOnByPath[display] = fileFailOn
            } catch let error as InputError {
                throw ValidationError(error.description.hasPrefix(display) ? error.description : "\(display): \(error.description)")
            } catch let error as ConfigError {
                throw ValidationError(error.description)
            }
        }

        do {
            if let out = gate.writeSuppressions {
                let salt = try SuppressionSalt.loadOrCreate(for: out)
                let entries = Suppressions.entries(for: results.map(\.report), salt: salt)
                try Suppressions.write(entries, to: out)
                _ = Suppressions.apply(entries, to: &results, salt: salt)
                FileHandle.standardError.write(Data("importlint: wrote \(entries.count) suppression\(entries.count == 1 ? "" : "s") to \(TerminalText.path(out))\n".utf8))
            } else if let file = gate.suppressions {
                let (entries, salt) = try Suppressions.loadWithSalt(file)
                let (_, stale) = Suppressions.apply(entries, to: &results, salt: salt)
                for s in stale {
                    FileHandle.standardError.write(Data("importlint: warning: \(TerminalText.path(file)): suppression no longer matches: \(TerminalText.escape(s.summary))\n".utf8))
                }
            }
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
        if gate.redact { results = Redactor.redact(results) }

        let report = Report(files: results.map(\.report))
        let locator = ArtifactLocator.discover()
        switch format {
        case .json:
            // Streamed, as text is: the report of a file with many findings is large, and need not exist twice.
            try Output.stream(to: output) { write in try JSONReporter.write(report, to: write) }
        case .text:
            let toTerminal = output == nil && isatty(STDOUT_FILENO) == 1
            let color = toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
            let reporter = TextReporter(color: color, showSource: !gate.redact)
            try Output.stream(to: output) { write in
                try reporter.write(results, summary: report.summary, to: write)
                if gate.verbose { try Self.writeConfigurations(results, to: write) }
            }
        case .sarif: try Output.write(try SARIFReporter.render(report, locator: locator), to: output)
        case .github: try Output.write(GitHubReporter.render(report, locator: locator), to: output)
        case .junit: try Output.write(JUnitReporter.render(report) { failOnByPath[$0] ?? .error }, to: output)
        case .codequality: try Output.write(try CodeQualityReporter.render(report, locator: locator), to: output)
        }
        try exitForFindings(report, failOnByPath)
    }

    /// `--verbose`: which `.importlint.yml` each input used, so that a gate never changes silently.
    static func writeConfigurations(_ results: [LintResult], to write: (UnsafeRawBufferPointer) throws -> Void) throws {
        var text = ""
        for result in results {
            let config = result.report.config.map(TerminalText.escape) ?? "none"
            text += "configuration for \(TerminalText.escape(result.report.path)): \(config)\n"
        }
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// A configuration path relative to the current folder when it is under it.
    static func shown(_ path: String, cwd: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
    }

    /// Exit status 1 when a file has a finding at or above its `--fail-on` threshold.
    private func exitForFindings(_ report: Report, _ failOnByPath: [String: Severity]) throws {
        let failed = report.files.contains { file in
            let threshold = failOnByPath[file.path] ?? .error
            return file.diagnostics.contains { $0.severity >= threshold }
        }
        if failed { throw ExitCode(1) }
    }
}

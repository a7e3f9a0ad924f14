import Foundation

/// What `importlint check` is asked to do: the files, the options the command line gives explicitly, and
/// where the report goes. The command line only fills this in; `CheckRun` does the rest.
public struct CheckRequest: Sendable {
    /// Paths to lint; '-' is standard input.
    public var files: [String]
    /// The command line's lint options, before each file's configuration is merged in.
    public var base: LintOptions
    /// `--people` files whose keys contact-details `Person` cells must name; by default the call's people files.
    public var people: [String] = []
    public var failOn: Severity?
    /// `--baseline-threshold` as a fraction.
    public var baselineThreshold: Double?
    /// `--suppressions`: accept the findings this file lists.
    public var suppressions: String?
    /// `--write-suppressions`: write every current finding to this file and accept them.
    public var writeSuppressions: String?
    /// How standard input is named in reports and for configuration lookup.
    public var stdinFilename: String?
    public var redact = false
    /// `--verbose`: name each input's configuration after a text report.
    public var verbose = false
    /// A name of `Reporters.all`.
    public var format = "text"
    /// Where the report goes; nil is standard output.
    public var output: String?
    public var color = false
    /// How many files are linted at once (`--jobs`); nil: one per processor core.
    public var jobs: Int?
    /// Tests: the size from which one file is linted in two parts (`LintOptions.splitMinimumBytes`).
    public var splitMinimumBytes: Int?
    /// `--max-findings`: keep at most this many findings of the whole run; the rest are only counted.
    public var maxFindings: Int?
    /// `--quiet`: a text report holds only the summary.
    public var quiet = false
    /// `--statistics`: a text report lists the count of each rule's findings.
    public var statistics = false

    /// How many findings the run keeps in memory: none for a quiet text report, which prints only counts.
    var keptFindings: Int? {
        quiet && format == "text" && writeSuppressions == nil ? 0 : maxFindings
    }

    public init(files: [String], base: LintOptions) {
        self.files = files
        self.base = base
    }
}

/// The `check` run: lints every file with its configuration, applies suppressions and redaction, and
/// writes the report in the requested format. Usage, configuration and input errors are thrown as
/// `InputError` or `ConfigError` with a message that names the file.
public final class CheckRun {
    public let request: CheckRequest
    private let resolver: ConfigResolver
    private let settings: CommandLineSettings
    private var knownLists: [String: [String]] = [:]
    /// The inputs, pipes and standard input already copied once into temporary files.
    private let inputs: [InputFile]
    /// Called with how far a file's lint has come, for a progress line.
    public var progress: ((LintProgress) -> Void)?
    /// Called when a file's lint ends, to clear a progress line.
    public var fileDone: (() -> Void)?
    /// The process exits right after `run`: the report is left for the exit to free, which gives its
    /// memory back at once (freeing the findings of a large file one by one took milliseconds after the
    /// report was written). The command line sets it; a library caller that goes on must not.
    public var leavesReportToExit = false
    /// Notes for standard error (suppressions written, stale suppressions).
    public var note: (String) -> Void = { FileHandle.standardError.write(Data("importlint: \($0)\n".utf8)) }

    public init(_ request: CheckRequest, resolver: ConfigResolver) throws {
        if request.files.filter({ $0 == "-" }).count > 1 { throw InputError("standard input ('-') can be read only once") }
        guard Reporters.named(request.format) != nil else { throw InputError("unknown report format '\(request.format)'") }
        if request.maxFindings != nil && request.writeSuppressions != nil {
            throw InputError("--write-suppressions records every finding; it cannot be combined with --max-findings")
        }
        var base = request.base
        base.maxFindings = request.keptFindings
        if let file = request.suppressions {
            let (entries, salt) = try Suppressions.loadWithSalt(file)
            base.suppressions = SuppressionFilter(entries, salt: salt)
        }
        // Pipes, FIFOs and standard input are read once, into a temporary copy that every pass reads.
        let inputs = try request.files.map { path in
            path == "-" ? try InputFile.standardInput(displayPath: request.stdinFilename ?? "<stdin>") : try InputFile.reading(path)
        }
        // An input that cannot be read is a finding of its own (unreadable-input), not a source of keys.
        let readable = zip(request.files, inputs).filter { $0.0 != "-" && UnreadableInput.problem($0.1) == nil }.map(\.1)
        base.references = try ReferenceSet.resolve(for: readable,
                                                   explicitSources: try request.people.map { try InputFile.reading($0) }, profile: base.profile)
        self.inputs = inputs
        self.request = request
        self.resolver = resolver
        settings = CommandLineSettings(base: base, failOn: request.failOn, baselineThreshold: request.baselineThreshold)
    }

    /// How `path` is named in reports and which path its configuration is looked up for.
    private func names(_ path: String) -> (display: String, configKey: String) {
        guard path == "-" else { return (path, path) }
        let cwd = FileManager.default.currentDirectoryPath
        return (request.stdinFilename ?? "<stdin>", request.stdinFilename ?? (cwd as NSString).appendingPathComponent("-"))
    }

    /// The lint options and fail-on level of one file of the request: the command line's merged with the
    /// file's configuration.
    public func options(for path: String) throws -> (options: LintOptions, failOn: Severity) {
        let (options, failOn, _) = try configured(path)
        return (options, failOn)
    }

    /// The options, fail-on level and configuration file of one file of the request.
    private func configured(_ path: String) throws -> (options: LintOptions, failOn: Severity, config: ConfigFile?) {
        let configKey = names(path).configKey
        let config = try resolver.config(forFile: configKey)
        var (options, failOn) = settings.resolve(file: configKey, config: config)
        if options.knownOrganizations == nil, let list = options.knownOrganizationsPath {
            if knownLists[list] == nil { knownLists[list] = try KnownOrganizations.load(path: list) }
            options.knownOrganizations = knownLists[list]
        }
        return (options, failOn, config)
    }

    /// Lints every file, writes the report, and says whether a file has a finding at or above its fail-on
    /// level (exit status 1).
    public func run() throws -> Bool {
        var results: [LintResult] = []
        var failOnByPath: [String: Severity] = [:]
        let cwd = FileManager.default.currentDirectoryPath
        let configurations = try request.files.map { path in try naming(path) { try configured(path) } }
        let outcomes = lintAll(configurations.map(\.options))
        for (index, path) in request.files.enumerated() {
            var result = try naming(path) { try outcomes[index].get() }
            result.report.config = configurations[index].config.map { Self.shown($0.path, cwd: cwd) }
            results.append(result)
            failOnByPath[names(path).display] = configurations[index].failOn
        }
        try applySuppressions(&results)
        if let limit = request.keptFindings { Self.keepFirst(limit, of: &results) }
        if request.redact { results = Redactor.redact(results) }

        let threads = request.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let report = Report(files: results.map(\.report), threads: threads)
        if leavesReportToExit { UnsafeMutablePointer<Report>.allocate(capacity: 1).initialize(to: report) }
        var context = ReportContext(sources: results.map(\.source), locator: .discover(), failOnByPath: failOnByPath,
                                    color: request.color, showSource: !request.redact, redacted: request.redact)
        context.showFindings = !request.quiet
        context.statistics = request.statistics
        context.threads = threads
        let reporter = Reporters.named(request.format)!
        let target = request.output.map(OutputTarget.init) ?? .descriptor(STDOUT_FILENO, path: "standard output")
        try target.stream { write in
            try reporter.write(report, context: context, to: write)
            if request.verbose && request.format == "text" { try Self.writeConfigurations(report, to: write) }
        }
        // A CI log shows what the report file holds, in one line.
        if let output = request.output, output != "-" {
            note(TextReporter.summaryLine(report.summary) + "; report written to \(TerminalText.path(output))")
        }
        return report.files.contains { file in
            let failOn = context.failOn(file.path)
            return file.omitted.worst.map { $0 >= failOn } == true || file.diagnostics.contains { $0.severity >= failOn }
        }
    }

    /// `--max-findings` over the whole run: each file kept its own first `limit`; the run keeps the
    /// first `limit` in report order (files in order) and counts the rest as omitted.
    static func keepFirst(_ limit: Int, of results: inout [LintResult]) {
        var room = limit
        for i in results.indices {
            let kept = min(room, results[i].report.diagnostics.count)
            for d in results[i].report.diagnostics[kept...] { results[i].report.omitted.add(d) }
            results[i].report.diagnostics.removeSubrange(kept...)
            room -= kept
        }
    }

    /// Lints the inputs, several at once when there are several cores (`jobs`), and returns the outcomes in
    /// the order of the inputs. The keys that contact files check against were collected beforehand, so a
    /// file's findings never depend on another file's lint.
    private func lintAll(_ options: [LintOptions]) -> [Result<LintResult, any Error>] {
        let inputs = inputs
        let jobs = request.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let workers = min(jobs, inputs.count)
        guard workers > 1 else {
            return zip(inputs, options).map { input, options in
                var options = options
                // Files one after the other: a large one may use every job's core.
                options.threadsPerFile = jobs
                if let bytes = request.splitMinimumBytes { options.splitMinimumBytes = bytes }
                let linter = Linter(options: options)
                linter.progress = progress
                defer { fileDone?() }
                return Result { try linter.lint(input) }
            }
        }
        // No progress line: two files' counts would overwrite each other.
        return ParallelMap.run(inputs.count, workers: workers) { index in try Linter(options: options[index]).lint(inputs[index]) }
    }

    /// Runs `body`, prefixing its input error with the display name of `path`.
    private func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let display = names(path).display
        do {
            return try body()
        } catch let error as InputError {
            throw error.description.hasPrefix(display) ? error : InputError("\(display): \(error.description)")
        }
    }

    private func applySuppressions(_ results: inout [LintResult]) throws {
        if let out = request.writeSuppressions {
            let salt = try SuppressionSalt.loadOrCreate(for: out)
            let entries = Suppressions.entries(for: results.map(\.report), salt: salt)
            try Suppressions.write(entries, to: out)
            _ = Suppressions.apply(entries, to: &results, salt: salt)
            note("wrote \(entries.count) suppression\(entries.count == 1 ? "" : "s") to \(TerminalText.path(out))")
        } else if let file = request.suppressions, let filter = settings.base.suppressions {
            // Applied while linting (see `LintOptions.suppressions`); what is left is to name stale entries.
            for s in filter.stale(linted: results.map(\.report.path)) { note("warning: \(TerminalText.path(file)): suppression no longer matches: \(TerminalText.escape(s.summary))") }
        }
    }

    /// `--verbose`: which `.importlint.yml` each input used, so that a gate never changes silently.
    static func writeConfigurations(_ report: Report, to write: OutputSink) throws {
        var text = ""
        for file in report.files {
            text += "configuration for \(TerminalText.escape(file.path)): \(file.config.map(TerminalText.escape) ?? "none")\n"
        }
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// A configuration path relative to the current folder when it is under it.
    static func shown(_ path: String, cwd: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        return absolute.hasPrefix(cwd + "/") ? String(absolute.dropFirst(cwd.count + 1)) : absolute
    }
}

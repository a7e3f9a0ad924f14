import ArgumentParser
import Foundation
import ImportLintCore

enum OutputFormat: String, NamedByRawValue {
    case text, json
}

/// An option value that is an enum named by its raw values. ArgumentParser's own `allValueStrings` and
/// `allValueDescriptions` go through key paths and string interpolation, and it asks for them each time it
/// looks over a command's arguments (a dozen times in a `check`: 1.7 M instructions of its start); these
/// are the same values, made directly.
public protocol NamedByRawValue: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension NamedByRawValue {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    /// No value is described apart from its name (ArgumentParser's default compares the two and finds none).
    public static var allValueDescriptions: [String: String] { [:] }
}

/// Lint settings every command that reads import files shares: all but the delimiter, which means the
/// input's in `check` and the output's in `fix`.
struct LintSettings: ParsableArguments {
    @Option(name: .customLong("profile"), help: "Profile name (4me-people, 4me-contacts, receptionist) or path to a profile YAML file; detected from the header by default.")
    var profile: String?

    @Option(name: .customLong("input-encoding"), help: "Charset of the input (ICU name such as windows-1252); detected by default.")
    var inputEncoding: String?

    @Option(name: .customLong("default-region"), help: "Region for phone numbers without a country code (ISO 3166 alpha-2, e.g. US, NL).")
    var defaultRegion: String?

    @Option(name: .customLong("known-organizations"), help: "Organizations that exist in the target system: one name per line, or a CSV export with a Name column.")
    var knownOrganizations: String?

    @Option(name: .customLong("mapping"), help: "Reviewed value → canonical mapping (TSV 'value<TAB>canonical', as `importlint clusters --write-mapping` writes).")
    var mapping: String?

    @Option(name: .customLong("locale"), parsing: .singleValue,
            help: "A locale tag your account offers beyond the profile's documented list (repeatable; `locales:` in .importlint.yml).")
    var locales: [String] = []

    @Option(name: .customLong("select"), parsing: .singleValue, help: "Rules to use, by code, name or code prefix (repeatable or comma-separated).")
    var select: [String] = []

    @Option(name: .customLong("ignore"), parsing: .singleValue, help: "Rules to skip, by code, name or code prefix (repeatable or comma-separated).")
    var ignore: [String] = []

    func lintOptions(delimiter: String?, captureSourceLines: Bool) throws -> LintOptions {
        var delimiterByte: UInt8?
        if let delimiter {
            guard let d = LintOptions.parseDelimiter(delimiter) else {
                throw ValidationError("unknown delimiter '\(delimiter)' (use comma, tab, semicolon or pipe)")
            }
            delimiterByte = d
        }
        let selection = RuleSelection(select: Self.split(select), ignore: Self.split(ignore))
        let unknown = selection.unknownSelectors(in: RuleCatalog.all)
        if !unknown.isEmpty {
            throw ValidationError("no rule matches \(unknown.map { "'\($0)'" }.joined(separator: ", ")) (see `importlint rules`)")
        }
        if let profile { _ = try ProfileLoader.load(profile) }
        var options = LintOptions(profile: profile, delimiter: delimiterByte, inputEncoding: inputEncoding, selection: selection,
                                  defaultRegion: defaultRegion, captureSourceLines: captureSourceLines)
        options.extraLocales = Self.split(locales)
        do {
            options.knownOrganizations = try knownOrganizations.map { try KnownOrganizations.load(path: $0) }
            options.mapping = try mapping.map { try ValueMapping.load(path: $0) } ?? [:]
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
        return options
    }

    /// The files these settings read, which no output may replace.
    var inputPaths: [String?] { [profile, knownOrganizations, mapping] }

    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }
}

/// Options of the commands that lint a file as it is (`check`, `clusters`).
struct InputOptions: ParsableArguments {
    @Option(name: .customLong("delimiter"), help: "Delimiter: comma, tab, semicolon or pipe; sniffed from the header by default.")
    var delimiter: String?

    @OptionGroup var settings: LintSettings

    @Option(name: .customLong("jobs"), help: "How many files to lint at once, or cores to lint one large file with (default: one per processor core); --jobs 1 lints them one after the other, each on one core.")
    var jobs: Int?

    /// Tests: the size from which one file is linted in two parts (`LintOptions.splitMinimumBytes`).
    @Option(name: .customLong("split-min-bytes"), help: .hidden)
    var splitMinBytes: Int?

    var profile: String? { settings.profile }

    func validateJobs() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func lintOptions(captureSourceLines: Bool) throws -> LintOptions {
        try settings.lintOptions(delimiter: delimiter, captureSourceLines: captureSourceLines)
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Lint import files and report what the target system would reject or mangle.",
        discussion: """
        A folder stands for the .csv and .tsv files under it (hidden folders skipped, in name order). A missing, \
        unreadable or binary input (an Excel workbook, an image) is a finding of that file (unreadable-input); \
        the other files are still linted and reported. Several files are linted at once, one per processor \
        core (--jobs); the report lists them in the order given.
        Exit status: 0 when nothing is at or above --fail-on (or with --exit-zero), 1 when something is, 2 on usage or configuration errors.
        """
    )

    @Argument(help: "CSV or TSV files, or folders to search for *.csv and *.tsv files ('-' reads standard input).")
    var files: [String]

    @OptionGroup var input: InputOptions

    // The options for CI pipelines and git hooks (configuration, baseline, suppressions, standard input,
    // redaction) and, after `people`, those of how much a report shows are declared here, not in option
    // groups of their own: ArgumentParser reflects, decodes and looks up the conformances of every group
    // type again (about 1.5 M instructions each at a `check`'s start).
    @OptionGroup var configuration: ConfigOptions

    @Option(name: .customLong("baseline"), help: "The previous upload: report record-count-drop and removed-identifiers against it.")
    var baseline: String?

    @Option(name: .customLong("baseline-threshold"), help: "record-count-drop threshold in percent of the baseline's records (default 10, or the configuration's).")
    var baselineThreshold: String?

    @Option(name: .customLong("suppressions"), help: "Accept the findings listed in this suppressions file (written by --write-suppressions).")
    var suppressions: String?

    @Option(name: .customLong("write-suppressions"), help: "Write every current finding to this suppressions file (and accept them).")
    var writeSuppressions: String?

    @Option(name: .customLong("stdin-filename"), help: "Name of standard input ('-') in reports, for configuration globs and profile/delimiter detection.")
    var stdinFilename: String?

    @Flag(name: .customLong("redact"), help: "Keep cell values (emails, phone numbers, names) out of messages and reports.")
    var redact = false

    @Flag(name: .customLong("verbose"), help: "Name the configuration file each input used, after the text summary.")
    var verbose = false

    @Option(name: .customLong("format"), help: "Report format: text, json, sarif, github, junit, codequality, html (a page to review) or csv (for Excel).")
    var format = ReportFormat(argument: "text")!

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file ('-' or none: standard output).")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or info (default: the configuration's, else error).")
    var failOn: Severity?

    @Option(name: .customLong("people"), help: "People file whose Primary Email values contact-details Person cells must name (repeatable); by default the people files of the same call.")
    var people: [String] = []

    @Flag(name: .customLong("statistics"), help: "Count the findings of each rule (text: a list before the summary, most frequent first; JSON always has summary.rules).")
    var statistics = false

    @Flag(name: [.short, .customLong("quiet")], help: "Text report: only the summary (and --statistics), no findings.")
    var quiet = false

    @Option(name: .customLong("max-findings"), help: "Keep and report at most this many findings (the first in report order); the summary and exit status still count all.")
    var maxFindings: Int?

    @Flag(name: .customLong("exit-zero"), help: "Exit 0 even when findings are at or above --fail-on (report only); usage and configuration errors still exit 2.")
    var exitZero = false

    @Option(name: .customLong("color"), help: "Colors in the text report: auto (a terminal; NO_COLOR turns them off, FORCE_COLOR on), always or never.")
    var color: ColorMode = .auto

    mutating func validate() throws {
        if files.isEmpty { throw ValidationError("no input files") }
        if let n = maxFindings, n < 0 { throw ValidationError("--max-findings must be 0 or more") }
        try input.validateJobs()
        files = try configuration.files(files, outputs: [output, writeSuppressions])
    }

    func run() throws {
        try refuseOverwritingInputs()
        let run = try checkRun()
        let progress = ProgressLine()
        run.progress = progress.update
        run.fileDone = progress.clear
        run.leavesReportToExit = true
        if try Self.reportingErrors({ try run.run() }) && !exitZero { throw ExitCode(1) }
    }

    /// The library's check run for these arguments; the fixture tests get their lint options from it too.
    func checkRun() throws -> CheckRun {
        try Self.reportingErrors {
            let resolver = try configuration.resolver()
            var base = try input.lintOptions(captureSourceLines: format.name == "text" && !redact)
            base.baselinePath = try existingFile(baseline, "baseline file")
            var request = CheckRequest(files: files, base: base)
            request.people = people
            request.failOn = failOn
            request.baselineThreshold = try threshold()
            request.suppressions = suppressions
            request.writeSuppressions = writeSuppressions
            request.stdinFilename = stdinFilename
            request.redact = redact
            request.verbose = verbose
            request.format = format.name
            request.output = output
            request.jobs = input.jobs
            request.splitMinimumBytes = input.splitMinBytes
            request.color = color.enabled(environment: ProcessInfo.processInfo.environment,
                                          toTerminal: output == nil && isatty(STDOUT_FILENO) == 1)
            request.maxFindings = maxFindings
            request.quiet = quiet
            request.statistics = statistics
            return try CheckRun(request, resolver: resolver)
        }
    }
}

extension CheckCommand {
    /// Refuses outputs that would replace one of the inputs (exit 2).
    func refuseOverwritingInputs() throws {
        let inputs: [String?] = files + people + input.settings.inputPaths
            + [baseline, suppressions] + configuration.inputPaths(for: files + people)
        try Self.reportingErrors {
            try OverwriteGuard.check(output: output, inputs: inputs, what: "report")
            try OverwriteGuard.check(output: writeSuppressions, inputs: inputs + [output], what: "suppressions")
        }
    }

    /// Turns an input or configuration error into a usage-level failure (exit 2) with its message, which
    /// names the file.
    static func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as InputError {
            throw ValidationError(error.description)
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        }
    }
}

extension Severity: NamedByRawValue {}
extension ColorMode: NamedByRawValue {}

enum Output {
    /// Standard output, or a path (a file written atomically, a device or pipe in place).
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try OutputTarget(path).write(text)
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
    }
}

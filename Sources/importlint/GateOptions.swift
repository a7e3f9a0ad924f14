import ArgumentParser
import Foundation
import ImportLintCore

/// A report format of `check`: the name of one of the library's reporters.
struct ReportFormat: ExpressibleByArgument {
    let name: String

    init?(argument: String) {
        guard Reporters.named(argument) != nil else { return nil }
        name = argument
    }

    static var allValueStrings: [String] { Reporters.names }
    var defaultValueDescription: String { name }
}

/// `check` options for CI pipelines and git hooks: configuration, baseline, suppressions, standard input,
/// redaction.
struct GateOptions: ParsableArguments {
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

    func update(_ progress: LintProgress) {
        guard enabled else { return }
        let percent = progress.fraction.map { " (\(Int($0 * 100))%)" } ?? ""
        FileHandle.standardError.write(Data("\r\u{1B}[Kimportlint: \(TerminalText.path(progress.path)): \(progress.records) records\(percent)…".utf8))
        shown = true
    }

    func clear() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        shown = false
    }
}

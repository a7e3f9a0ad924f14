import ArgumentParser
import Foundation
import ImportLintCore

enum LineEndingOption: String, ExpressibleByArgument, CaseIterable {
    case lf, crlf
}

extension QuotingStyle: ExpressibleByArgument {}

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write normalized, fixed copies of import files (or show the changes as a diff).",
        discussion: """
        The output is UTF-8 without BOM, with trimmed NFC cells, canonical header names, no blank or '#TYPE' \
        lines, contact rows grouped per person, and every safe rule fix applied (unsafe ones too with \
        --unsafe-fixes). A cell no fix changes keeps its bytes, quotes included (--quoting minimal or all \
        re-quotes every cell). It has as many records as the input and is written to a temporary file \
        that is renamed over the target. Fixing the output again changes nothing. Several files are fixed one \
        after the other with --in-place, --diff or -o DIRECTORY (each written into DIRECTORY under its own name); \
        with --format json each gets its own JSON document, in the order given.
        Exit status: 0 when the output was written (or, with --diff, nothing would change); 1 when the \
        file has a fatal structural error (ragged row, unterminated or malformed quote, bytes that are not \
        UTF-8 without --unsafe-fixes) and was not written, or when --diff shows changes; 2 on usage, configuration or I/O \
        errors. With several files, the highest status of any file; every file is still tried.
        """
    )

    @Argument(help: "The CSV or TSV files to fix.")
    var files: [String] = []

    @Option(name: [.short, .long], help: "Write the fixed file here ('-' for standard output), or into this directory.")
    var output: String?

    @Flag(help: "Replace the input file with the fixed file.")
    var inPlace = false

    @Flag(help: "Print a unified diff of the decoded input and the fixed file instead of writing it.")
    var diff = false

    @Flag(help: "Apply unsafe fixes too (guesses such as near-miss header renames).")
    var unsafeFixes = false

    @Flag(help: "Write the output even when the file has a fatal structural error.")
    var force = false

    @Option(help: "Report format: text (a summary on stderr) or json (every applied fix and what remains).")
    var format: OutputFormat = .text

    @Option(help: "Line ending of the output: lf or crlf; the input's by default.")
    var lineEnding: LineEndingOption?

    @Option(help: "Quoting of the output: keep (as in the input), minimal (only where needed) or all (every cell).")
    var quoting: QuotingStyle = .keep

    @Option(help: "Delimiter of the output: comma, tab, semicolon or pipe; the input's by default.")
    var delimiter: String?

    @Option(help: "Delimiter of the input: comma, tab, semicolon or pipe; sniffed from the header by default.")
    var inputDelimiter: String?

    @Flag(help: "Keep cell values out of the JSON report and the diff (the fixed file itself is unchanged).")
    var redact = false

    @OptionGroup var settings: LintSettings

    @OptionGroup var configuration: ConfigOptions

    func validate() throws {
        let targets = (output != nil ? 1 : 0) + (inPlace ? 1 : 0) + (diff ? 1 : 0)
        if targets == 0 { throw ValidationError("say where the fixed file goes: -o OUTPUT, --in-place, or --diff") }
        if targets > 1 { throw ValidationError("-o, --in-place and --diff exclude each other") }
        if files.isEmpty { throw ValidationError("name the file to fix") }
        do {
            let configurations = configuration.inputPaths(for: files)
            for file in files {
                try OverwriteGuard.check(output: outputPath(for: file).flatMap { inPlace ? nil : $0 },
                                         inputs: [file] + settings.inputPaths + configurations, what: "fixed file")
                if inPlace { try OverwriteGuard.check(output: file, inputs: settings.inputPaths + configurations, what: "fixed file") }
            }
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
        guard let output, output != "-" else {
            if output == "-" && files.count > 1 {
                throw ValidationError("-o - takes one file; use -o DIRECTORY or --in-place for several")
            }
            return
        }
        if files.count > 1 && !Self.isDirectory(output) {
            throw ValidationError("\(TerminalText.path(output)) is not a directory; with several files -o names the directory to write them into")
        }
        var seen: [String: String] = [:]
        for file in files {
            let target = outputPath(for: file)!
            if AtomicFile.sameFile(target, file) {
                throw ValidationError("\(TerminalText.path(target)) is the input file; use --in-place to overwrite it")
            }
            if let other = seen[target] {
                throw ValidationError("\(TerminalText.path(other)) and \(TerminalText.path(file)) would both be written to \(TerminalText.path(target))")
            }
            seen[target] = file
        }
    }

    /// Where the fixed copy of `file` goes: the file itself, -o's file, or -o's directory under the file's
    /// name; nil for standard output and --diff.
    private func outputPath(for file: String) -> String? {
        if inPlace { return file }
        guard let output, output != "-" else { return nil }
        return Self.isDirectory(output) ? URL(fileURLWithPath: output).appendingPathComponent(
            URL(fileURLWithPath: file).lastPathComponent).path : output
    }

    private static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    func run() throws {
        var status: Int32 = 0
        for file in files {
            do {
                try fix(file)
            } catch let exit as ExitCode {
                status = max(status, exit.rawValue)
            } catch {
                // One unreadable file does not stop the others; it is reported like a usage or I/O error.
                let message = ImportLintCommand.message(for: error)
                FileHandle.standardError.write(Data("importlint: \(TerminalText.escape(message.isEmpty ? "\(error)" : message))\n".utf8))
                status = max(status, 2)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }

    private func fix(_ file: String) throws {
        let options = try fixOptions(for: file)
        let target = outputPath(for: file)
        let destination = target.map(OutputTarget.init)
        let directory = destination?.temporaryDirectory ?? FileManager.default.temporaryDirectory.path
        let name = URL(fileURLWithPath: target ?? file).lastPathComponent
        let input: InputFile
        do {
            input = file == "-" ? try .standardInput(displayPath: "<stdin>") : try .reading(file)
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
        if inPlace && input.isSpooled {
            throw ValidationError("\(TerminalText.path(file)): not a regular file; --in-place cannot replace it (use -o)")
        }
        // The plan is applied only to the content it was made from: the file is locked against another
        // importlint (--in-place), and fingerprinted before reading and again before anything is written.
        let lock: InPlaceLock?
        let planned: InputFingerprint?
        do {
            lock = inPlace ? try InPlaceLock(path: file) : nil
            planned = input.isSpooled ? nil : try InputFingerprint.of(path: file)
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
        defer { withExtendedLifetime(lock) {} }
        let unchanged = {
            if let planned, try InputFingerprint.of(path: file) != planned {
                throw InputError("\(TerminalText.path(file)): changed while it was being fixed; nothing was written (run fix again)")
            }
        }
        let outcome: FixOutcome
        do {
            outcome = try Fixer(options: options).fix(input, temporaryDirectory: directory, name: name)
            if let temporary = outcome.temporaryPath {
                do { try unchanged() } catch { AtomicFile.discard(temporary); throw error }
            }
        } catch let error as InputError {
            throw ValidationError(error.description.hasPrefix(file) ? error.description : "\(file): \(error.description)")
        }
        var report = outcome.report
        report.output = diff ? nil : (target ?? (output == "-" ? "-" : nil))
        // The report goes to stderr when stdout carries the data or the diff.
        let reportToStderr = diff || output == "-"

        guard let temporary = outcome.temporaryPath else {
            report.written = false
            try emit(report, toStderr: reportToStderr)
            let reason = report.refused ?? "nothing was written"
            FileHandle.standardError.write(Data("importlint: \(TerminalText.path(file)) not written: \(TerminalText.escape(reason)); use --force to write it anyway\n".utf8))
            throw ExitCode(1)
        }
        if let refused = report.refused {
            FileHandle.standardError.write(Data("importlint: warning: \(TerminalText.path(file)): \(TerminalText.escape(refused)); written anyway (--force)\n".utf8))
        }

        if diff {
            defer { AtomicFile.discard(temporary) }
            let old = try Fixer.decodedBytes(input, encodingOverride: settings.inputEncoding)
            let new = try Data(contentsOf: URL(fileURLWithPath: temporary))
            var text = UnifiedDiff.render(old: old, new: [UInt8](new), oldName: "a/\(file)", newName: "b/\(file)")
            if redact { text = Self.redactDiff(text) }
            FileHandle.standardOutput.write(Data(text.utf8))
            try emit(report, toStderr: true)
            if !text.isEmpty { throw ExitCode(1) }
            return
        }
        if output == "-" {
            defer { AtomicFile.discard(temporary) }
            FileHandle.standardOutput.write(try Data(contentsOf: URL(fileURLWithPath: temporary)))
            try emit(report, toStderr: true)
            return
        }
        do {
            try destination!.commit(temporary: temporary, beforeRename: unchanged)
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
        try emit(report, toStderr: reportToStderr)
    }

    /// What these arguments ask the fixer to do with `file`; the fix fixture tests get their options here too.
    func fixOptions(for file: String) throws -> FixOptions {
        var options = FixOptions(lint: try lintOptions(for: file))
        options.unsafeFixes = unsafeFixes
        options.force = force
        options.quoting = quoting
        options.collectDetails = format == .json
        if let delimiter {
            guard let d = LintOptions.parseDelimiter(delimiter) else {
                throw ValidationError("unknown delimiter '\(delimiter)' (use comma, tab, semicolon or pipe)")
            }
            options.outputDelimiter = d
        }
        options.lineEnding = lineEnding.map { $0 == .crlf ? .crlf : .lf }
        return options
    }

    /// The same reading options as `check`, the file's `.importlint.yml` included (profile, rule selection
    /// and severities, default region, known organizations), except that `--delimiter` names the output's
    /// delimiter here.
    private func lintOptions(for file: String) throws -> LintOptions {
        let base = try settings.lintOptions(delimiter: inputDelimiter, captureSourceLines: false)
        do {
            let config = try configuration.resolver().config(forFile: file)
            var options = CommandLineSettings(base: base).resolve(file: file, config: config).options
            if options.knownOrganizations == nil, let list = options.knownOrganizationsPath {
                options.knownOrganizations = try KnownOrganizations.load(path: list)
            }
            return options
        } catch let error as ConfigError {
            throw ValidationError(error.description)
        } catch let error as InputError {
            throw ValidationError(error.description)
        }
    }

    /// A diff that shows which lines change but not what they hold: every content line becomes its
    /// marker and the mask.
    static func redactDiff(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("---") || line.hasPrefix("+++") || line.hasPrefix("@@") || line.isEmpty { return String(line) }
            return String(line.prefix(1)) + Redactor.mask
        }.joined(separator: "\n")
    }

    private func emit(_ report: FixReport, toStderr: Bool) throws {
        switch format {
        case .json:
            let target = toStderr ? OutputTarget.descriptor(STDERR_FILENO, path: "standard error")
                                  : .descriptor(STDOUT_FILENO, path: "standard output")
            do {
                try target.stream { write in try (redact ? Redactor.redact(report) : report).write(to: write) }
            } catch let error as InputError {
                throw ValidationError(error.description)
            }
        case .text:
            let s = report.summary
            var line = "\(TerminalText.path(report.path)): \(s.recordsIn) records"
            if report.written {
                line += ", \(s.cellsChanged) cell\(s.cellsChanged == 1 ? "" : "s") changed (\(s.fixesApplied) fix\(s.fixesApplied == 1 ? "" : "es"))"
                line += ", \(report.fileFixes.count) file-level fix\(report.fileFixes.count == 1 ? "" : "es")"
                if let out = report.output { line += " -> \(TerminalText.escape(out))" }
            }
            line += "; \(s.remaining) diagnostic\(s.remaining == 1 ? "" : "s") remain"
            let unsafe = report.remaining.filter { $0.fix?.applicability == .unsafe }.count
            if unsafe > 0 && !report.unsafeFixes { line += " (\(unsafe) fixable with --unsafe-fixes)" }
            if !s.converged && report.written { line += "; fixes did not settle after \(s.rounds) rounds" }
            FileHandle.standardError.write(Data((line + "\n").utf8))
            for (rule, count) in s.fixesByRule.sorted(by: { $0.key < $1.key }) {
                FileHandle.standardError.write(Data("  \(rule): \(count) cell fix\(count == 1 ? "" : "es")\n".utf8))
            }
            for f in report.fileFixes {
                FileHandle.standardError.write(Data("  \(TerminalText.escape(f.description))\n".utf8))
            }
        }
    }
}

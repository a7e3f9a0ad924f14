import ArgumentParser
import Foundation
import ImportLintCore

enum LineEndingOption: String, NamedByRawValue {
    case lf, crlf
}

extension QuotingStyle: NamedByRawValue {}

struct FixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write normalized, fixed copies of import files (or show the changes as a diff).",
        discussion: """
        The output is UTF-8 without BOM, with trimmed NFC cells, canonical header names, no blank or '#TYPE' \
        lines, contact rows grouped per person, and every safe rule fix applied (unsafe ones too with \
        --unsafe-fixes). A cell no fix changes keeps its bytes, quotes included (--quoting minimal or all \
        re-quotes every cell). It has as many records as the input and is written to a temporary file \
        that is renamed over the target. Fixing the output again changes nothing. Several files are fixed side by side \
        (one per core, --jobs) with --in-place, --diff or -o DIRECTORY (each written into DIRECTORY under its own name), and written and reported in the order given; \
        with --format json each gets its own JSON document, in the order given. A folder stands for the .csv \
        and .tsv files under it (--exclude and the configuration's exclude: leave some out).
        Exit status: 0 when the output was written (or, with --diff, nothing would change); 1 when the \
        file has a fatal structural error (ragged row, unterminated or malformed quote, bytes that are not \
        UTF-8 without --unsafe-fixes) and was not written, when it is missing or not text (unreadable-input), \
        or when --diff shows changes; 2 on usage, configuration or I/O \
        errors. With several files, the highest status of any file; every file is still tried.
        """
    )

    @Argument(help: "The CSV or TSV files to fix, or folders to search for *.csv and *.tsv files.")
    var files: [String] = []

    @Option(name: [.short, .customLong("output")], help: "Write the fixed file here ('-' for standard output), or into this directory.")
    var output: String?

    @Flag(name: .customLong("in-place"), help: "Replace the input file with the fixed file.")
    var inPlace = false

    @Flag(name: .customLong("diff"), help: "Print a unified diff of the decoded input and the fixed file instead of writing it.")
    var diff = false

    @Flag(name: .customLong("unsafe-fixes"), help: "Apply unsafe fixes too (guesses such as near-miss header renames).")
    var unsafeFixes = false

    @Flag(name: .customLong("force"), help: "Write the output even when the file has a fatal structural error.")
    var force = false

    @Option(name: .customLong("format"), help: "Report format: text (a summary on stderr) or json (every applied fix and what remains).")
    var format: OutputFormat = .text

    @Option(name: .customLong("line-ending"), help: "Line ending of the output: lf or crlf; the input's by default.")
    var lineEnding: LineEndingOption?

    @Option(name: .customLong("quoting"), help: "Quoting of the output: keep (as in the input), minimal (only where needed) or all (every cell).")
    var quoting: QuotingStyle = .keep

    @Option(name: .customLong("delimiter"), help: "Delimiter of the output: comma, tab, semicolon or pipe; the input's by default.")
    var delimiter: String?

    @Option(name: .customLong("input-delimiter"), help: "Delimiter of the input: comma, tab, semicolon or pipe; sniffed from the header by default.")
    var inputDelimiter: String?

    @Flag(name: .customLong("redact"), help: "Keep cell values out of the JSON report and the diff (the fixed file itself is unchanged).")
    var redact = false

    @Option(name: .customLong("jobs"), help: "How many files to fix at once, or cores to lint one large file with (default: one per processor core); --jobs 1 fixes them one after the other, each on one core. Outputs and reports follow the order given either way.")
    var jobs: Int?

    @OptionGroup var settings: LintSettings

    @OptionGroup var configuration: ConfigOptions

    mutating func validate() throws {
        let targets = (output != nil ? 1 : 0) + (inPlace ? 1 : 0) + (diff ? 1 : 0)
        if targets == 0 { throw ValidationError("say where the fixed file goes: -o OUTPUT, --in-place, or --diff") }
        if targets > 1 { throw ValidationError("-o, --in-place and --diff exclude each other") }
        if files.isEmpty { throw ValidationError("name the file to fix") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
        files = try configuration.files(files, outputs: [output])
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
        if files.count > 1 && !FixRequest.isDirectory(output) {
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

    private func outputPath(for file: String) -> String? {
        FixRequest.outputPath(for: file, output: output, inPlace: inPlace)
    }

    func run() throws {
        let run = try fixRun()
        run.leavesFindingsToExit = true
        let status = run.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// The library's fix run for these arguments. Its lint options are `check`'s, except that
    /// `--delimiter` names the output's delimiter here.
    func fixRun() throws -> FixRun {
        try CheckCommand.reportingErrors {
            var request = FixRequest(files: files, base: try settings.lintOptions(delimiter: inputDelimiter, captureSourceLines: false))
            request.unsafeFixes = unsafeFixes
            request.force = force
            request.quoting = quoting
            if let delimiter {
                guard let d = LintOptions.parseDelimiter(delimiter) else {
                    throw ValidationError("unknown delimiter '\(delimiter)' (use comma, tab, semicolon or pipe)")
                }
                request.outputDelimiter = d
            }
            request.lineEnding = lineEnding.map { $0 == .crlf ? .crlf : .lf }
            request.format = format == .json ? .json : .text
            request.output = output
            request.inPlace = inPlace
            request.diff = diff
            request.redact = redact
            request.jobs = jobs
            return FixRun(request, resolver: try configuration.resolver())
        }
    }

    /// What these arguments ask the fixer to do with `file`; the fix fixture tests get their options here.
    func fixOptions(for file: String) throws -> FixOptions {
        try CheckCommand.reportingErrors { try fixRun().options(for: file) }
    }
}

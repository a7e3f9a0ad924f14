import Foundation

/// What `importlint fix` is asked to do: the files, the options the command line gives explicitly, and
/// where the fixed files and the report go. The command line only fills this in; `FixRun` does the rest.
public struct FixRequest: Sendable {
    public enum Format: Sendable { case text, json }

    /// Paths to fix; '-' is standard input.
    public var files: [String]
    /// The command line's lint options, before each file's configuration is merged in.
    public var base: LintOptions
    public var unsafeFixes = false
    /// `--force`: write the output even when the file has a fatal structural error.
    public var force = false
    public var quoting: QuotingStyle = .keep
    /// The output's delimiter; the input's when nil.
    public var outputDelimiter: UInt8?
    /// The output's line ending; the input's when nil.
    public var lineEnding: LineTerminator?
    /// A text summary or a JSON report per file.
    public var format = Format.text
    /// `-o`: a file, a directory to write into, or '-' for standard output.
    public var output: String?
    public var inPlace = false
    /// Print a unified diff instead of writing the fixed file.
    public var diff = false
    public var redact = false
    /// How many files are fixed at once (`--jobs`); one per processor core when nil.
    public var jobs: Int?

    public init(files: [String], base: LintOptions) {
        self.files = files
        self.base = base
    }

    /// Where the fixed copy of `file` goes: the file itself, -o's file, or -o's directory under the file's
    /// name; nil for standard output and --diff.
    public func outputPath(for file: String) -> String? {
        Self.outputPath(for: file, output: output, inPlace: inPlace)
    }

    public static func outputPath(for file: String, output: String?, inPlace: Bool) -> String? {
        if inPlace { return file }
        guard let output, output != "-" else { return nil }
        return Self.isDirectory(output) ? URL(fileURLWithPath: output).appendingPathComponent(
            URL(fileURLWithPath: file).lastPathComponent).path : output
    }

    public static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }
}

/// The `fix` run: fixes every file with its configuration, one after the other, writes each fixed file
/// (or its diff) and its report, and says the exit status. One file's failure does not stop the others.
public final class FixRun {
    public let request: FixRequest
    private let resolver: ConfigResolver
    private let settings: CommandLineSettings
    /// The process exits right after `run`: the findings of the lints are left for the exit to free, which
    /// gives their memory back at once (`CheckRun.leavesReportToExit`). The command line sets it; a library
    /// caller that goes on must not.
    public var leavesFindingsToExit = false
    /// Error lines and warnings for standard error.
    public var note: (String) -> Void = { FileHandle.standardError.write(Data("importlint: \($0)\n".utf8)) }

    public init(_ request: FixRequest, resolver: ConfigResolver) {
        self.request = request
        self.resolver = resolver
        settings = CommandLineSettings(base: request.base)
    }

    /// What the fixer is asked to do with `file`: the same reading options as `check`, the file's
    /// `.importlint.yml` included (profile, rule selection and severities, default region, known
    /// organizations), and the request's output settings.
    public func options(for file: String) throws -> FixOptions {
        let config = try resolver.config(forFile: file)
        var lint = settings.resolve(file: file, config: config).options
        if lint.knownOrganizations == nil, let list = lint.knownOrganizationsPath {
            lint.knownOrganizations = try KnownOrganizations.load(path: list)
        }
        var options = FixOptions(lint: lint)
        options.unsafeFixes = request.unsafeFixes
        options.force = request.force
        options.quoting = request.quoting
        options.collectDetails = request.format == .json
        options.outputDelimiter = request.outputDelimiter
        options.lineEnding = request.lineEnding
        return options
    }

    /// Fixes every file and returns the exit status: 0 when every output was written (or no diff shows a
    /// change), 1 when a file was not written for a fatal error, is missing or not text (unreadable-input)
    /// or its diff shows changes, 2 when a file failed on usage, configuration or I/O (its message goes to
    /// `note`); the highest of all files. The fixing itself runs on several cores (`jobs`); everything a
    /// file's fix writes or prints happens afterwards, file by file in the order given.
    public func run() -> Int32 {
        let prepared = request.files.map(prepare)
        let jobs = request.jobs ?? ProcessInfo.processInfo.activeProcessorCount
        let ready = prepared.compactMap { try? $0.get() }
        // One file, as `check` does with one: its lints may use every job's core.
        let threadsPerFile = ready.count > 1 ? 1 : jobs
        let work = ready.map { job in
            var options = job.options
            options.lint.threadsPerFile = threadsPerFile
            return (options: options, input: job.input, directory: job.directory, name: job.name)
        }
        let outcomes = ParallelMap.run(work.count, workers: jobs) { index in
            try Fixer(options: work[index].options).fix(work[index].input, temporaryDirectory: work[index].directory, name: work[index].name)
        }
        var status: Int32 = 0
        var next = 0
        for (file, preparation) in zip(request.files, prepared) {
            func unreadable(_ problem: String) {
                let rule = RuleDescriptor.unreadableInput
                note("\(TerminalText.path(file)):1:1: error: \(TerminalText.escape(problem)) [\(rule.code) \(rule.name)]")
                if request.format == .json {
                    // A tool reading one JSON document per input gets one for this input too.
                    do { try emit(unreadableReport(file, problem: problem), toStderr: request.diff || request.output == "-") } catch { status = 2 }
                }
                status = max(status, 1)
            }
            do {
                let job = try preparation.get()
                defer { next += 1 }
                status = max(status, try finish(job, outcomes[next]))
            } catch FixPreparation.unreadable(let problem) {
                unreadable(problem)
            } catch let found as NotText.Found {
                // Known only from the bytes after a plain-ASCII head, which the lint read.
                unreadable(found.description)
            } catch {
                // One unreadable file does not stop the others; it is reported like a usage or I/O error.
                let message = (error as? LocalizedError)?.errorDescription ?? String(describing: error)
                note(TerminalText.escape(message.isEmpty ? "\(error)" : message))
                status = max(status, 2)
            }
        }
        withExtendedLifetime(prepared) {}
        if leavesFindingsToExit {
            UnsafeMutablePointer<[Result<FixOutcome, any Error>]>.allocate(capacity: 1).initialize(to: outcomes)
        }
        return status
    }

    private enum FixPreparation: Error { case unreadable(String) }

    /// The fix report of an input that could not be read: nothing written, the unreadable-input finding
    /// remains.
    private func unreadableReport(_ file: String, problem: String) -> FixReport {
        let finding = Diagnostic(rule: .unreadableInput, line: 1, column: 1, record: nil, field: nil, message: problem)
        return FixReport(path: file, output: nil, written: false, refused: problem, profile: nil, encoding: UnreadableInput.encoding,
                         delimiter: "", outputDelimiter: "", lineEnding: "", unsafeFixes: request.unsafeFixes, applied: [],
                         fileFixes: [], skipped: [], remaining: [finding],
                         summary: FixSummary(recordsIn: 0, recordsOut: 0, cellsChanged: 0, fixesApplied: 0, fixesByRule: [:],
                                             fileFixes: 0, rounds: 0, converged: false, remaining: 1, remainingFixable: 0))
    }

    /// One file, read and locked, ready for the fixer.
    private struct Job {
        let file: String
        let options: FixOptions
        let target: String?
        let destination: OutputTarget?
        let directory: String
        let name: String
        let input: InputFile
        /// Held until the run ends.
        let lock: InPlaceLock?
        /// The input before it was read; its bytes are digested as the fixer's lint reads them.
        let planned: InputIdentity?
    }

    /// Reads `file`'s options and input and takes its lock. The plan is applied only to the content it was
    /// made from: the file is locked against another importlint (--in-place), its identity and times are
    /// noted before it is read, and the file is fingerprinted again before anything is written and compared
    /// with them and with the digest of the bytes the plan was made from.
    private func prepare(_ file: String) -> Result<Job, any Error> {
        Result {
            if file != "-", let problem = UnreadableInput.problem(path: file) { throw FixPreparation.unreadable(problem) }
            let options = try options(for: file)
            let target = request.outputPath(for: file)
            let destination = target.map(OutputTarget.init)
            let directory = destination?.temporaryDirectory ?? FileManager.default.temporaryDirectory.path
            let name = URL(fileURLWithPath: target ?? file).lastPathComponent
            let input = file == "-" ? try InputFile.standardInput(displayPath: "<stdin>") : try InputFile.reading(file)
            if request.inPlace && input.isSpooled {
                throw InputError("\(TerminalText.path(file)): not a regular file; --in-place cannot replace it (use -o)")
            }
            let lock = request.inPlace ? try InPlaceLock(path: file) : nil
            let planned = input.isSpooled ? nil : try InputIdentity.of(path: file)
            return Job(file: file, options: options, target: target, destination: destination, directory: directory, name: name, input: input,
                       lock: lock, planned: planned)
        }
    }

    /// Writes one fixed file (or its diff) and its report; returns 0 or 1 as `run` describes, throws for
    /// status 2.
    private func finish(_ job: Job, _ fixed: Result<FixOutcome, any Error>) throws -> Int32 {
        let file = job.file
        let named = { (error: InputError) in error.description.hasPrefix(file) ? error : InputError("\(file): \(error.description)") }
        let unchanged = {
            do {
                guard let planned = job.planned else { return }
                // A lint that read another number of bytes than the file had (it shrank or grew while it
                // was read) read another content.
                guard let read = try? fixed.get().inputRead, Int64(read.bytes) == planned.size,
                      try InputFingerprint.of(path: file, cut: read.cut) == InputFingerprint(planned, digest: read.digest) else {
                    throw InputError("\(TerminalText.path(file)): changed while it was being fixed; nothing was written (run fix again)")
                }
            } catch let error as InputError {
                throw named(error)
            }
        }
        // A file output is checked by its commit, just before the rename: checking here too read the whole
        // input once more.
        let committed = !request.diff && request.output != "-"
        let outcome: FixOutcome
        do {
            outcome = try fixed.get()
            if let temporary = outcome.temporaryPath, !committed {
                do { try unchanged() } catch { AtomicFile.discard(temporary); throw error }
            }
        } catch let error as InputError {
            throw named(error)
        }
        let target = job.target
        var report = outcome.report
        report.output = request.diff ? nil : (target ?? (request.output == "-" ? "-" : nil))
        // The report goes to stderr when stdout carries the data or the diff.
        let reportToStderr = request.diff || request.output == "-"

        guard let temporary = outcome.temporaryPath else {
            report.written = false
            try emit(report, toStderr: reportToStderr)
            let reason = report.refused ?? "nothing was written"
            note("\(TerminalText.path(file)) not written: \(TerminalText.escape(reason)); use --force to write it anyway")
            return 1
        }
        let warnForced = {
            if let refused = report.refused {
                self.note("warning: \(TerminalText.path(file)): \(TerminalText.escape(refused)); written anyway (--force)")
            }
        }

        if request.diff {
            warnForced()
            defer { AtomicFile.discard(temporary) }
            let old = try Fixer.decodedBytes(job.input, encodingOverride: request.base.inputEncoding)
            let new = try Data(contentsOf: URL(fileURLWithPath: temporary))
            var text = UnifiedDiff.render(old: old, new: [UInt8](new), oldName: "a/\(file)", newName: "b/\(file)")
            if request.redact { text = UnifiedDiff.redacted(text) }
            FileHandle.standardOutput.write(Data(text.utf8))
            try emit(report, toStderr: true)
            return text.isEmpty ? 0 : 1
        }
        if request.output == "-" {
            warnForced()
            defer { AtomicFile.discard(temporary) }
            FileHandle.standardOutput.write(try Data(contentsOf: URL(fileURLWithPath: temporary)))
            try emit(report, toStderr: true)
            return 0
        }
        try job.destination!.commit(temporary: temporary, beforeRename: unchanged)
        warnForced()
        try emit(report, toStderr: reportToStderr)
        return 0
    }

    private func emit(_ report: FixReport, toStderr: Bool) throws {
        switch request.format {
        case .json:
            let target = toStderr ? OutputTarget.descriptor(STDERR_FILENO, path: "standard error")
                                  : .descriptor(STDOUT_FILENO, path: "standard output")
            try target.stream { write in try (request.redact ? Redactor.redact(report) : report).write(to: write) }
        case .text:
            FileHandle.standardError.write(Data(FixTextReporter.render(report).utf8))
        }
    }
}

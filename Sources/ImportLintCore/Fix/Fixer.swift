import Foundation

/// Settings of `importlint fix`.
public struct FixOptions: Sendable {
    /// How to read and lint the input (profile, input delimiter and encoding, rule selection).
    public var lint: LintOptions
    /// Apply fixes marked unsafe too (guesses: near-miss header renames, control characters, phones...).
    public var unsafeFixes = false
    /// Write the output despite a fatal structural error (ragged row, unterminated quote, invalid UTF-8).
    public var force = false
    /// Delimiter of the output; the input's by default.
    public var outputDelimiter: UInt8?
    /// Line ending of the output; the input's (that of its header line) by default.
    public var lineEnding: LineTerminator?
    /// Which cells are quoted in the output (a cell that needs quotes always is).
    public var quoting: QuotingStyle = .keep
    /// Keep every applied fix with its before and after values (for the JSON report).
    public var collectDetails = true
    /// Rounds of lint + fix until nothing applicable is left (a fix can enable another).
    public var maxRounds = 4
    /// Tests: lint the output as `check` would, reusing nothing of the input's lint: no skipping of the
    /// records written unchanged (`UnchangedRecords`), no clusterings (`ClusteringMemo`), no duplicate or cluster
    /// findings handed on (`ReplayedDuplicates`).
    var relintsFromScratch = false

    public init(lint: LintOptions = LintOptions()) { self.lint = lint }
}

/// Which cells the fixer quotes; a cell holding the delimiter, a quote or a line break is always quoted.
public enum QuotingStyle: String, Sendable, CaseIterable {
    /// As in the input, so that a cell no fix changed keeps its bytes (the default).
    case keep
    /// Only where needed.
    case minimal
    /// Every cell, as PowerShell's Export-Csv writes.
    case all
}

/// The result of fixing one file: the report, and the finished temporary file to rename or discard.
public struct FixOutcome: Sendable {
    public var report: FixReport
    /// Holds the fixed content, in the directory given to `fix`; nil when the file was refused.
    public var temporaryPath: String?
    /// The digest of the bytes the plan was made from, how many there were (every byte the lint of the
    /// input read), and where that lint's later part started when it read the input on two cores.
    var inputRead: (digest: Key128, bytes: Int, cut: Int?)?
}

/// Lints, then writes the fixed file in one streaming pass, then lints the output: when that finds
/// applicable fixes again (a fix that enabled another, or two fixes of one cell that disagreed), another
/// round runs on the output, up to `maxRounds`. The last lint's diagnostics are what remains.
public final class Fixer {
    public let options: FixOptions

    public init(options: FixOptions) { self.options = options }

    public func fix(_ input: InputFile, temporaryDirectory: String, name: String = "importlint-fix") throws -> FixOutcome {
        var lintOptions = options.lint
        lintOptions.captureSourceLines = false
        lintOptions.clusterings = options.relintsFromScratch ? nil : ClusteringMemo()
        let readDigest = ReadDigest()
        lintOptions.readDigest = readDigest
        let recordMaps = RecordMaps()
        lintOptions.recordMaps = recordMaps
        var inputReport: FileReport
        let encoding: InputEncoding
        // Where the last lint cut the file it read on two cores: the pass writes it in the same parts.
        var cut: LintCut?
        do {  // scoped: the lint result must not outlive this block and hold the findings twice
            let linted = try Linter(options: lintOptions).lint(input)
            if let kind = linted.notText { throw NotText.Found(kind: kind) }
            inputReport = linted.report
            encoding = try linted.encoding ?? input.encoding(override: lintOptions.inputEncoding)
            lintOptions.sqlTextExport = linted.sqlTextExport
            cut = linted.cut
        }
        lintOptions.readDigest = nil
        lintOptions.recordMaps = nil
        // Where the input's records start: the first round's pass copies the plain ones in spans.
        var recordMap = recordMaps.result()
        let inputDelimiter = lintOptions.delimiter ?? inputReport.delimiter.utf8.first ?? 0x2C
        var outputDelimiter = options.outputDelimiter ?? inputDelimiter
        let profileName = lintOptions.profile ?? inputReport.profile
        let profile = try profileName.map(ProfileLoader.load)

        var applied: [AppliedFix] = []
        var fileFixes: [FileFix] = []
        var skipped: [SkippedFix] = []
        var appliedCount = 0
        var appliedByRule: [String: Int] = [:]
        var cellsChanged = 0
        var refused: String?
        // The input's diagnostics live in `current` only, and only until the first round has planned its
        // fixes: a file with many findings would otherwise hold them twice while its output is linted.
        var current: (input: InputFile, encoding: InputEncoding, delimiter: UInt8, diagnostics: [Diagnostic]) =
            (input, encoding, inputDelimiter, inputReport.diagnostics)
        inputReport.diagnostics = []
        var currentTemp: String?
        var lineEnding = options.lineEnding
        var changesLineEndings = options.lineEnding != nil
        var recordsOut = 0
        var rounds = 0
        var remaining: [Diagnostic] = []
        var converged = false
        // Records the last lint reported nothing on are only known when it left no finding out.
        var sawEveryFinding = inputReport.omitted.count == 0
        // What each round's pass did to lines and records, to name the input's in later rounds' fixes.
        var positions = InputPositions()

        while true {
            rounds += 1
            // A rule's re-delimiting applies unless the delimiter was given; it holds for every round. So
            // does its change of line endings unless they were given.
            var delimiterChange: FileFix?
            var lineEndingChange: FileFix?
            let pass: PassResult
            do {  // scoped: the plan's findings are freed before the output is linted (the pass carried what it reads)
                let plan = FixPlan(diagnostics: current.diagnostics, allowUnsafe: options.unsafeFixes)
                if rounds == 1 {
                    let planned = options.outputDelimiter == nil ? plan.fileActions.delimiter : nil
                    if let planned { outputDelimiter = planned.to }
                    if outputDelimiter != inputDelimiter {
                        delimiterChange = FileFix(rule: planned?.rule, description: "Changed the delimiter from \(Self.describe(inputDelimiter)) to \(Self.describe(outputDelimiter))", count: 1, round: 1)
                    }
                    if options.lineEnding == nil, let planned = plan.fileActions.lineEnding {
                        lineEnding = planned.to
                        changesLineEndings = true
                        lineEndingChange = FileFix(rule: planned.rule, description: "Changed the line endings to \(Self.name(planned.to).uppercased())", count: 1, round: 1)
                    }
                }
                let settings = PassSettings(inputDelimiter: current.delimiter, outputDelimiter: outputDelimiter,
                                            lineEnding: lineEnding, allowUnsafe: options.unsafeFixes, force: options.force, quoting: options.quoting,
                                            collectDetails: options.collectDetails, profile: profile, round: rounds,
                                            changesLineEndings: changesLineEndings)
                pass = try FixPass.run(input: current.input, encoding: current.encoding, plan: plan, settings: settings, cut: cut,
                                       map: recordMap, directory: temporaryDirectory, name: name)
            }
            recordMap = nil
            if let previous = currentTemp { AtomicFile.discard(previous) }
            currentTemp = nil
            // Waited for once the output is linted (the sync overlaps the lint), or before it is discarded.
            let finishing = pass.finishing
            if rounds == 1, let fatal = pass.fatal {
                let more = pass.fatalCount > 1 ? " (and \(pass.fatalCount - 1) more)" : ""
                refused = fatal + more
                if !options.force {
                    try? finishing?.wait()
                    if let path = pass.outputPath { AtomicFile.discard(path) }
                    remaining = current.diagnostics
                    break
                }
            }
            guard let output = pass.outputPath else { break }
            // Cells full of NUL characters (U+0000, read from UTF-16) would make the written UTF-8 look like
            // binary data, which no import reads and importlint itself refuses: not written.
            if !options.force, let problem = UnreadableInput.problem(path: output) {
                try? finishing?.wait()
                AtomicFile.discard(output)
                refused = "the written file would not read as text (\(problem)); remove the NUL characters (\(RuleDescriptor.controlCharacter.name)), or use --unsafe-fixes"
                remaining = current.diagnostics
                break
            }
            currentTemp = output
            lineEnding = pass.lineEnding
            var (passApplied, passSkipped) = (pass.applied, pass.skipped)
            positions.rename(&passApplied, &passSkipped)
            applied += passApplied
            skipped += passSkipped
            positions.add(pass.shifts)
            if let regrouped = pass.regroupShifts { positions.add(regrouped) }
            appliedCount += pass.appliedCount
            appliedByRule.merge(pass.appliedByRule, uniquingKeysWith: +)
            cellsChanged += pass.cellsChanged
            recordsOut = pass.recordsOut
            fileFixes += pass.fileFixes
            if let delimiterChange { fileFixes.append(delimiterChange) }
            if let lineEndingChange { fileFixes.append(lineEndingChange) }

            current.diagnostics = []
            var nextOptions = lintOptions
            nextOptions.inputEncoding = nil
            nextOptions.delimiter = outputDelimiter
            nextOptions.profile = profileName
            nextOptions.knownCut = pass.outputCut
            nextOptions.guessedReading = GuessedReading.guess(encoding)
            if sawEveryFinding && lintOptions.suppressions == nil && !options.relintsFromScratch {
                nextOptions.unchangedRecords = pass.unchanged
                // Replayed in the order a lint makes them only when no finding was left out or counted.
                if lintOptions.maxFindings == nil { nextOptions.replayedDuplicates = pass.replayedDuplicates }
            }
            let next = InputFile.path(output, displayPath: input.displayPath)
            var check: LintResult
            do {
                check = try Linter(options: nextOptions).lint(next)
                if nextOptions.replayedDuplicates != nil && ReplayedDuplicates.skipsRecords(check.report.diagnostics) {
                    // A fixed cell made a record the duplicate check does not see: it checks the file itself.
                    nextOptions.replayedDuplicates = nil
                    check = try Linter(options: nextOptions).lint(next)
                }
                try finishing?.wait()
            } catch {
                try? finishing?.wait()
                AtomicFile.discard(output)
                throw error
            }
            remaining = check.report.diagnostics
            cut = check.cut
            sawEveryFinding = check.report.omitted.count == 0
            if !FixPlan.hasApplicableFix(remaining, allowUnsafe: options.unsafeFixes) {
                converged = true
                break
            }
            // A round that changed nothing will not change anything the next time either.
            if rounds >= options.maxRounds || (rounds > 1 && pass.cellsChanged == 0 && pass.fileFixes.isEmpty) { break }
            current = (next, .utf8(bom: false), outputDelimiter, remaining)
        }

        let written = currentTemp != nil
        let summary = FixSummary(recordsIn: inputReport.records, recordsOut: written ? recordsOut : 0,
                                 cellsChanged: cellsChanged, fixesApplied: appliedCount, fixesByRule: appliedByRule, fileFixes: fileFixes.count,
                                 rounds: rounds, converged: converged, remaining: remaining.count,
                                 remainingFixable: Self.fixableCount(remaining))
        let report = FixReport(path: input.displayPath, output: nil, written: written, refused: refused,
                               profile: profileName, encoding: inputReport.encoding,
                               delimiter: inputReport.delimiter, outputDelimiter: DelimiterSniffer.name(outputDelimiter),
                               lineEnding: Self.name(lineEnding ?? .lf), unsafeFixes: options.unsafeFixes,
                               applied: applied, fileFixes: fileFixes, skipped: skipped, remaining: remaining,
                               summary: summary)
        return FixOutcome(report: report, temporaryPath: currentTemp, inputRead: readDigest.result)
    }

    /// Findings with a fix, counted without copying their fixes.
    private static func fixableCount(_ diagnostics: [Diagnostic]) -> Int {
        var count = 0
        for i in diagnostics.indices where diagnostics[i].fixApplicability != nil { count += 1 }
        return count
    }

    static func name(_ t: LineTerminator) -> String {
        switch t {
        case .crlf: "crlf"
        case .cr: "cr"
        case .lf, .none: "lf"
        }
    }

    static func describe(_ d: UInt8) -> String {
        switch d {
        case 0x09: "tab"
        case 0x2C: "comma"
        case 0x3B: "semicolon"
        case 0x7C: "pipe"
        default: "'\(String(UnicodeScalar(d)))'"
        }
    }
}

extension Fixer {
    /// The whole input decoded to UTF-8 (BOM removed), for `--diff`.
    public static func decodedBytes(_ input: InputFile, encodingOverride: String?) throws -> [UInt8] {
        let source = try input.openDecoded(try input.encoding(override: encodingOverride))
        var all: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: $0.count) }
            if n == 0 { break }
            all.append(contentsOf: chunk[0..<n])
        }
        return all
    }
}

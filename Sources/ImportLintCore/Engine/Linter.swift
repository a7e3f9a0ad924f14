/// The outcome of linting one file: its report section plus what text reports need for carets.
public struct LintResult: Sendable {
    public var report: FileReport
    public var sourceLines: [Int: String]
}

/// Runs every selected rule over one file in a single streaming pass.
public final class Linter {
    public let options: LintOptions
    private let builtInProfiles: [Profile]
    /// Called with the display path and the records read so far, every `progressInterval` records.
    public var progress: ((String, Int) -> Void)?
    public var progressInterval = 50_000

    public init(options: LintOptions) {
        self.options = options
        self.builtInProfiles = ProfileLoader.builtIn
    }

    public func lint(_ input: InputFile) throws -> LintResult {
        try input.naming { try lintNamed(input) }
    }

    private func lintNamed(_ input: InputFile) throws -> LintResult {
        let explicitProfile = try options.profile.map(ProfileLoader.load)
        let sink = DiagnosticSink(selection: options.selection, captureSourceLines: options.captureSourceLines)
        let encoding = try input.encoding(override: options.inputEncoding)
        reportEncoding(encoding, sink: sink)

        let reader = CSVReader(source: try input.openDecoded(encoding))
        let delimiter = try options.delimiter ?? DelimiterSniffer.sniff(reader.head(), path: input.displayPath)
        reader.setDelimiter(delimiter)
        let shell = FileReport(path: input.displayPath, profile: explicitProfile?.name, encoding: encoding.name,
                               delimiter: DelimiterSniffer.name(delimiter), records: 0, diagnostics: [], clusters: nil)

        guard try reader.next() else {
            sink.file(.emptyFile, message: "The file is empty: no header and no records")
            return finish(shell, sink: sink)
        }
        if reader.isPowerShellTypeLine {
            sink.cell(.powershellTypeLine, reader, field: 0, record: nil,
                      message: "PowerShell type line '\(reader.string(0))' above the header (Export-Csv without -NoTypeInformation); skipped",
                      fix: Fix(.safe, "Remove the line", replacement: nil))
            guard try reader.next() else {
                sink.file(.emptyFile, message: "The file has only a PowerShell type line: no header and no records")
                return finish(shell, sink: sink)
            }
        }

        let header = (0..<reader.fieldCount).map(reader.string)
        let profile = explicitProfile ?? ProfileDetector.detect(header: header, among: builtInProfiles)
        let (bindings, matches) = HeaderAnalysis.bind(header: header, profile: profile)
        let context = FileContext(input: input, profile: profile, options: options, encoding: encoding,
                                  delimiter: delimiter, header: header, bindings: bindings, headerLine: reader.line)
        sink.fieldNames = bindings.map { $0?.name }
        var rules = RuleFactory.rules(for: context)
        if let baseline = try BaselineRule(context, selection: options.selection) { rules.append(baseline) }
        for rule in rules { rule.checkHeader(reader, sink: sink) }
        HeaderAnalysis.report(context, matches: matches, reader: reader, sink: sink)

        var records = 0
        // Unretained: `rules` keeps every rule alive (see withExtendedLifetime below).
        let unretained = rules.map(Unmanaged.passUnretained)
        while try reader.next() {
            if reader.isBlankLine {
                sink.at(.blankLine, reader, line: reader.line, column: 1, field: nil, record: nil,
                        message: "Blank line", fix: Fix(.safe, "Remove the line", replacement: nil))
                continue
            }
            records += 1
            for rule in unretained { rule._withUnsafeGuaranteedRef { $0.check(reader, record: records, sink: sink) } }
            if let progress, records % progressInterval == 0 { progress(input.displayPath, records) }
        }
        withExtendedLifetime(rules) {
            for rule in rules { rule.finish(sink: sink) }
        }
        if records == 0 {
            sink.file(.emptyFile, line: context.headerLine,
                      message: "The file has a header but no records; uploading it to The Receptionist archives every contact")
        }
        var report = shell
        report.profile = profile?.name
        report.records = records
        return finish(report, sink: sink)
    }

    private func finish(_ report: FileReport, sink: DiagnosticSink) -> LintResult {
        var report = report
        report.diagnostics = sink.takeSorted()
        report.clusters = sink.clusters
        return LintResult(report: report, sourceLines: sink.sourceLines)
    }

    private func reportEncoding(_ encoding: InputEncoding, sink: DiagnosticSink) {
        switch encoding {
        case .utf8(bom: true):
            sink.file(.byteOrderMark, message: "File starts with a UTF-8 byte-order mark",
                      fix: Fix(.safe, "Remove the byte-order mark", replacement: nil))
        case .utf8(bom: false):
            break
        case .utf16(let littleEndian, let bom):
            let how = bom ? "byte-order mark" : "NUL byte pattern"
            sink.file(.utf16Encoding, message: "File is UTF-16\(littleEndian ? "LE" : "BE") (by its \(how)); decoded and linted, but most importers expect UTF-8",
                      fix: Fix(.safe, "Transcode to UTF-8", replacement: nil))
        case .legacy(let charset, let confidence, let line):
            sink.file(.legacyEncoding, line: max(1, line),
                      message: "File is not UTF-8; it looks like \(charset) (ICU confidence \(confidence)%); decoded as such and linted, but the import rejects it",
                      fix: Fix(.safe, "Transcode from \(charset) to UTF-8", replacement: nil))
        }
    }
}

/// Builds the per-file rule instances that apply to a file's columns.
enum RuleFactory {
    static func rules(for context: FileContext) -> [RecordRule] {
        var rules: [RecordRule] = [ByteLevelRule(groupField: context.profile?.groupBy.flatMap(context.index(of:))), RecordShapeRule(headerCount: context.header.count), SurroundingWhitespaceRule()]
        let values = ValueRulesRule(context)
        if values.isUseful { rules.append(values) }
        let optional: [RecordRule?] = [
            MissingValueRule(context), AtLeastOneOfRule(context), DuplicateIdentifierRule(context),
            UngroupedContactRowsRule(context), UnknownPersonReferenceRule(context), ClusterRule(context),
            EmptyCellRule(context),
        ]
        rules += optional.compactMap { $0 }
        return rules
    }
}

import Foundation

/// Compares the file with the previous upload (`--baseline`): record count and identifiers that are gone.
/// The baseline is read twice: once up front into a table of key digests (memory grows with its distinct
/// keys, not their length), and once at the end to fetch the text of the keys that were not seen again.
final class BaselineRule: RecordRule {
    private let baseline: BaselineFile
    private let displayPath: String
    private let threshold: Double
    private let target: TargetWording
    private let key: BaselineKey?
    private let countEnabled: Bool
    private let removedEnabled: Bool
    private var records = 0
    /// Baseline keys not (yet) seen in this file → their first line in the baseline.
    private var remaining: [Key128: Int32] = [:]

    /// Nil when no baseline is given or neither baseline rule is selected.
    init?(_ context: FileContext, selection: RuleSelection) throws {
        guard let path = context.options.baselinePath else { return nil }
        countEnabled = selection.isEnabled(.recordCountDrop)
        removedEnabled = selection.isEnabled(.removedIdentifiers)
        guard countEnabled || removedEnabled else { return nil }
        displayPath = context.options.baselineDisplayPath ?? path
        threshold = context.options.recordCountDropThreshold
        target = context.profile?.target ?? .neutral
        baseline = try BaselineFile(path: path, profile: context.profile)
        key = removedEnabled ? BaselineKey.choose(context: context, baseline: baseline) : nil
        let table = try baseline.scan(key: key)
        baselineRecords = table.records
        remaining = table.firstLines
    }

    private let baselineRecords: Int

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        records += 1
        guard let key, !remaining.isEmpty, let digest = key.digest(reader, columns: key.fileColumns) else { return }
        remaining.removeValue(forKey: digest)
    }

    override func finish(sink: DiagnosticSink) {
        if countEnabled && baselineRecords > 0 && Double(baselineRecords - records) > threshold * Double(baselineRecords) {
            let drop = Double(baselineRecords - records) * 100 / Double(baselineRecords)
            let consequence = target.missingRecords.map { "; \(target.name) \($0)" } ?? ""
            sink.file(.recordCountDrop,
                      message: "\(records) record\(records == 1 ? "" : "s") where the baseline \(displayPath) has \(baselineRecords): a drop of \(Self.percent(drop)), more than the \(Self.percent(threshold * 100)) threshold (truncated or filtered export?)\(consequence)",
                      related: [RelatedLocation(line: 1, path: displayPath)])
        }
        guard let key, !remaining.isEmpty else { return }
        let lines = Set(remaining.values)
        let texts = (try? baseline.values(atLines: lines, key: key)) ?? [:]
        let names = key.names.joined(separator: " + ")
        let consequence = target.missingRecord.map { "\(target.name) \($0)" } ?? "it is no longer imported"
        for line in lines.sorted() {
            let values = texts[line] ?? []
            var shown = values.isEmpty ? "on line \(line)" : values.prefix(key.keyCount).map { "'\($0)'" }.joined(separator: " + ")
            let scope = zip(key.scopeNames, values.dropFirst(key.keyCount)).filter { !$0.1.isEmpty }
            if !scope.isEmpty { shown += " (" + scope.map { "\($0.0) '\($0.1)'" }.joined(separator: ", ") + ")" }
            sink.file(.removedIdentifiers, field: key.names.first,
                      message: "\(names) \(shown) is in the baseline \(displayPath) (line \(line)) but not in this file; \(consequence)",
                      related: [RelatedLocation(line: Int(line), path: displayPath)], values: values.filter { !$0.isEmpty })
        }
    }

    static func percent(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))%" : String(format: "%.1f%%", value)
    }
}

/// The identifier both files are compared by: the profile's first key whose columns both headers have,
/// qualified by the key's scope columns when both have them.
struct BaselineKey {
    let names: [String]
    let scopeNames: [String]
    let caseInsensitive: Bool
    let fileColumns: [Int]
    let baselineColumns: [Int]
    /// How many of the columns are the key itself (the rest are scope).
    let keyCount: Int

    static func choose(context: FileContext, baseline: BaselineFile) -> BaselineKey? {
        for spec in context.profile?.identifiers ?? [] {
            guard let mine = context.indices(of: spec.columns), let theirs = baseline.indices(of: spec.columns) else { continue }
            let scope = spec.scope.filter { context.index(of: $0) != nil && baseline.index(of: $0) != nil }
            return BaselineKey(names: spec.columns, scopeNames: scope, caseInsensitive: spec.caseInsensitive,
                               fileColumns: mine + scope.compactMap(context.index(of:)),
                               baselineColumns: theirs + scope.compactMap(baseline.index(of:)),
                               keyCount: spec.columns.count)
        }
        return nil
    }

    /// The digest of the record's key, or nil when a key cell is empty (such a row identifies nothing).
    func digest(_ reader: CSVReader, columns: [Int]) -> Key128? {
        var hasher = KeyHasher()
        for (n, index) in columns.enumerated() {
            let value = reader.bytes(index).trimmedASCII()
            let isKey = n < keyCount
            if isKey && value.isEmpty { return nil }
            let fold = isKey && caseInsensitive
            if fold && !value.isASCII {
                hasher.combine(String(decoding: value, as: UTF8.self).lowercased())
            } else {
                hasher.combine(value, lowercaseASCII: fold)
            }
        }
        return hasher.finalize()
    }
}

/// The previous upload: decoded and split like the file being linted, its header bound to the same profile.
struct BaselineFile {
    let path: String
    let input: InputFile
    let encoding: InputEncoding
    let delimiter: UInt8
    let bindings: [ColumnSpec?]

    init(path: String, profile: Profile?) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw InputError("\(path): baseline file not found") }
        self.path = path
        input = .path(path)
        encoding = try input.encoding(override: nil)
        let reader = CSVReader(source: try input.openDecoded(encoding))
        delimiter = try DelimiterSniffer.sniff(reader.head(), path: path)
        reader.setDelimiter(delimiter)
        let header = try reader.readHeader()
        bindings = HeaderAnalysis.bind(header: header ?? [], profile: profile).bindings
    }

    func index(of column: String) -> Int? { bindings.firstIndex { $0?.name == column } }

    func indices(of columns: [String]) -> [Int]? {
        let found = columns.compactMap(index(of:))
        return found.count == columns.count ? found : nil
    }

    private func open() throws -> CSVReader? {
        let reader = CSVReader(source: try input.openDecoded(encoding))
        reader.setDelimiter(delimiter)
        return try reader.readHeader() == nil ? nil : reader
    }

    /// Record count and, for a key, the first baseline line of each distinct key digest.
    func scan(key: BaselineKey?) throws -> (records: Int, firstLines: [Key128: Int32]) {
        guard let reader = try open() else { return (0, [:]) }
        var records = 0
        var lines: [Key128: Int32] = [:]
        while try reader.next() {
            guard !reader.isBlankLine else { continue }
            records += 1
            if let key, let digest = key.digest(reader, columns: key.baselineColumns), lines[digest] == nil {
                lines[digest] = Int32(truncatingIfNeeded: reader.line)
            }
        }
        return (records, lines)
    }

    /// The trimmed key cells of the records that start on the given lines.
    func values(atLines lines: Set<Int32>, key: BaselineKey) throws -> [Int32: [String]] {
        guard let reader = try open() else { return [:] }
        var found: [Int32: [String]] = [:]
        while try reader.next(), found.count < lines.count {
            let line = Int32(truncatingIfNeeded: reader.line)
            guard lines.contains(line), !reader.isBlankLine else { continue }
            found[line] = key.baselineColumns.map { Whitespace.trim(reader.string($0)) }
        }
        return found
    }
}

/// Empty location slugs in a file that names several locations. The Receptionist requires Location Slug
/// for accounts with several locations (its contact import help); a file holding two different slugs
/// shows the account has several, so each row without one is rejected. A file with one slug or none says
/// nothing about the account: its empty cells are not reported. Only values that can be slugs count
/// (no placeholder, no capitals or spaces). Memory: a second slug may come after the empty rows, so the
/// first `keptRows` of them are kept until the end of the file (24 bytes each); past that many, none are
/// kept and `finish` finds them all by reading the file again, so memory does not grow with the file.
final class LocationSlugRequiredRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.missingValue] }
    static let keptRows = 1_000
    private struct EmptySlug {
        let line: Int, column: Int, record: Int
    }

    private let context: FileContext
    private let index: Int
    private let name: String
    /// The first two different slugs of the file, as written (trimmed).
    private var slugs: [[UInt8]] = []
    private var empty: [EmptySlug] = []
    /// More than `keptRows` rows had an empty slug: `empty` is let go and `finish` reads the file again.
    private var readsAgain = false
    private let target: TargetWording
    /// Rows held in memory, for tests of the memory bound.
    var rowsHeld: Int { empty.count }

    init?(_ context: FileContext) {
        guard let index = context.bindings.firstIndex(where: { $0?.kind == .locationSlug }), let spec = context.bindings[index],
              !spec.valueRequired else { return nil }
        self.context = context
        self.index = index
        name = spec.name
        target = context.profile?.target ?? .neutral
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let raw = reader.bytes(index)
        if FilledCell.isBlank(raw) {
            guard !readsAgain else { return }
            guard empty.count < Self.keptRows else {
                readsAgain = true
                empty = []
                return
            }
            let position = reader.position(ofField: index)
            empty.append(EmptySlug(line: position.line, column: position.column, record: record))
        } else if slugs.count < 2 {
            let trimmed = raw.trimmedASCII()
            // A repeat of a slug already noted (most rows of a one-location file) is settled by its bytes.
            // Otherwise only a value that can be a slug names a location: a placeholder ('N/A') names none,
            // and one with capitals or spaces ('HQ' beside 'hq') may be another spelling of a slug seen.
            guard !slugs.contains(where: { $0.elementsEqual(trimmed) }), !Placeholder.matches(trimmed, kind: .locationSlug),
                  FormatRules.checkSlug(String(decoding: trimmed, as: UTF8.self)).isEmpty else { return }
            slugs.append(Array(trimmed))
        }
    }

    private func note(_ slug: [UInt8]) {
        if slugs.count < 2 && !slugs.contains(slug) { slugs.append(slug) }
    }

    override var splitting: Splitting { .merges }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? LocationSlugRequiredRule else { return }
        later.slugs.forEach(note)
        readsAgain = readsAgain || later.readsAgain || empty.count + later.empty.count > Self.keptRows
        if readsAgain {
            empty = []
        } else {
            empty += later.empty.map { EmptySlug(line: $0.line + part.linesBefore, column: $0.column, record: $0.record + part.recordsBefore) }
        }
    }

    override func finish(sink: DiagnosticSink) {
        guard slugs.count == 2 else { return }
        let shown = slugs.map { "'\(String(decoding: $0, as: UTF8.self))'" }.joined(separator: " and ")
        let message = "\(name) is empty, but the file names several locations (\(shown)): \(target.name) requires a \(name) for accounts with several locations, so it \(target.rejectsRow)"
        func report(line: Int, column: Int, record: Int) {
            sink.emit(Diagnostic(rule: .missingValue, line: line, column: column, record: record, field: name, message: message, fieldIndex: index))
        }
        guard readsAgain else {
            for e in empty { report(line: e.line, column: e.column, record: e.record) }
            return
        }
        do {
            try context.forEachCheckedRecord { reader, record in
                guard FilledCell.isBlank(reader.bytes(index)) else { return }
                let position = reader.position(ofField: index)
                report(line: position.line, column: position.column, record: record)
            }
        } catch {
            // The file was read a moment ago; if it vanished since, the rows found before that are reported.
        }
    }
}

/// Empty location slugs in a file that names several locations. The Receptionist requires Location Slug
/// for accounts with several locations (its contact import help); a file holding two different slugs
/// shows the account has several, so each row without one is rejected. A file with one slug or none says
/// nothing about the account: its empty cells are not reported. Only values that can be slugs count
/// (no placeholder, no capitals or spaces). Memory: the empty rows are kept until the end of the file
/// (24 bytes each), since a second slug may come after them.
final class LocationSlugRequiredRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.missingValue] }
    private struct EmptySlug {
        let line: Int, column: Int, record: Int
    }

    private let index: Int
    private let name: String
    /// The first two different slugs of the file, as written (trimmed).
    private var slugs: [[UInt8]] = []
    private var empty: [EmptySlug] = []
    private let target: TargetWording

    init?(_ context: FileContext) {
        guard let index = context.bindings.firstIndex(where: { $0?.kind == .locationSlug }), let spec = context.bindings[index],
              !spec.valueRequired else { return nil }
        self.index = index
        name = spec.name
        target = context.profile?.target ?? .neutral
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let raw = reader.bytes(index)
        if FilledCell.isBlank(raw) {
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
        empty += later.empty.map { EmptySlug(line: $0.line + part.linesBefore, column: $0.column, record: $0.record + part.recordsBefore) }
    }

    override func finish(sink: DiagnosticSink) {
        guard slugs.count == 2 else { return }
        let shown = slugs.map { "'\(String(decoding: $0, as: UTF8.self))'" }.joined(separator: " and ")
        for e in empty {
            sink.emit(Diagnostic(
                rule: .missingValue, line: e.line, column: e.column, record: e.record, field: name,
                message: "\(name) is empty, but the file names several locations (\(shown)): \(target.name) requires a \(name) for accounts with several locations, so it \(target.rejectsRow)",
                fieldIndex: index))
        }
    }
}

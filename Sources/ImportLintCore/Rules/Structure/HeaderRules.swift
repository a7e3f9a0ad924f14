extension RuleDescriptor {
    public static let duplicateHeader = RuleDescriptor(
        code: "STR003", name: "duplicate-header", severity: .error,
        summary: "Two header cells name the same column",
        explanation: "When a column appears twice the import keeps only one of the two cells of every row, and which one is undefined; the other value is silently lost. Remove or rename one of the columns.",
        triggeringExample: "Name,Primary Email,Name", cleanExample: "Name,Primary Email,Job Title")
    public static let missingRequiredColumn = RuleDescriptor(
        code: "STR004", name: "missing-required-column", severity: .error,
        summary: "A column the import requires is not in the header",
        explanation: "The target system rejects every record it would create when a required column is absent (4me People needs Name and Primary Email to create a person; The Receptionist needs First Name and Last Name). A file that only updates records it identifies by a profile's update key (4me: ID, or Source + Source ID) may leave those columns out. A column present only under an alias or near miss still counts as missing, because the import does not take that header; so does a case or spacing variant where the profile says to assume exact header matching (4me); elsewhere it does not (whether the importer matches it is undocumented; unknown-column warns). Fix the header to resolve both findings.",
        triggeringExample: "Name,Organization", cleanExample: "Primary Email,Name,Organization")
    public static let unknownColumn = RuleDescriptor(
        code: "STR005", name: "unknown-column", severity: .error, fix: .sometimes,
        summary: "A header cell is not a column of the profile",
        explanation: "The vendors do not document what their imports do with a column they do not know (ignore it or reject the file); either way its values are not imported. A header that stands for a profile column only under another name or misspelled ('Organisation', 'Surname', 'Manger') is an error: the import drops that field from every record. A header that differs only in case or spacing ('primary email') is an error where the profile says to assume exact matching (4me: its documents leave it open and say to assume exact), and a warning elsewhere (The Receptionist does not document it). Under exact matching that includes a header that differs only by spaces around it ('Primary Email ', as sqlcmd pads its headers), which elsewhere is left to surrounding-whitespace. The fix renames the header: safe for a case variant or a known alias, unsafe for a near miss or an alias that does not always hold the column ('userPrincipalName' for Primary Email: a UPN is often not the mailbox; 'Title' may be a salutation; 'id' in an identity provider's export is its own object ID, not 4me's ID). The values under such a guessed alias are not judged as that column's (no slug errors for the place names under a directory's 'Location', no number or duplicate-ID errors for the object IDs under 'id', no per-row Email-or-SMS errors under Google Contacts' 'E-mail 1 - Value'): as named, the import drops them; `fix --unsafe-fixes` renames the header and the lint of the written file judges them. A near miss is a misspelling of the column, so its values are judged. A two-letter column is no near miss's target ('SID' is not 'ID'). Where an empty cell clears the field (4me People), the safe rename of a column that is empty in every record becomes unsafe at the end of the file: as named it imports nothing, renamed it would clear that field for every record the file updates. A column the profile does not have at all is a warning.",
        triggeringExample: "Primary Emial,Name", cleanExample: "Primary Email,Name")
}

/// Reports duplicate header cells and, against the profile, header cells that are not its columns and
/// required columns the header lacks.
final class HeaderColumnsRule: RecordRule {
    override var splitting: Splitting { watched.isEmpty ? .stateless : .merges }
    override var checksRecords: Bool { !watched.isEmpty }
    override var reports: [RuleDescriptor]? { [.duplicateHeader, .unknownColumn, .missingRequiredColumn] }
    private let context: FileContext
    /// Cells whose header gets a safe rename where an empty cell clears the field (4me People): renamed, a
    /// column empty in every record would blank that field for everyone the file updates, where the import
    /// ignores it as named. Watched until each has held a value, here rather than taken from empty-column's
    /// count of the same cells: the rename must not turn safe when that rule is deselected.
    private let watched: [Int]
    private var filled: Set<Int> = []
    /// The sequence numbers of those renames' findings, revised at the end for a column that stayed empty.
    private var renames: [(finding: Int, field: Int, column: String)] = []

    init(_ context: FileContext) {
        self.context = context
        guard let profile = context.profile, profile.emptyCellsOverwrite else { watched = []; return }
        watched = context.matches.indices.filter { i in
            guard context.bindings[i] != nil else { return false }
            switch context.matches[i] {
            case .spelling: return Self.renames(i, context: context)
            case .punctuation, .alias: return true
            default: return false
            }
        }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        guard filled.count < watched.count else { return }
        for i in watched where i < reader.fieldCount && !filled.contains(i) {
            if !FilledCell.isBlank(reader.bytes(i)) { filled.insert(i) }
        }
    }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? HeaderColumnsRule else { return }
        filled.formUnion(later.filled)
    }

    override func finish(sink: DiagnosticSink) {
        var revisions: [Int: (Diagnostic) -> Diagnostic?] = [:]
        for rename in renames where !filled.contains(rename.field) {
            revisions[rename.finding] = { d in
                var d = d
                d.message += "; but the column is empty in every record: as named it imports nothing, while renamed it would clear '\(rename.column)' for every record the file updates (leave the column out instead)"
                d.fix = Fix(.unsafe, "Rename the header to '\(rename.column)' (unsafe: the column is empty, and renamed it clears that field)", replacement: rename.column)
                return d
            }
        }
        sink.revise(revisions)
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) {
        var firstIndex: [String: Int] = [:]
        // A first line that reads as a record (bcp -c writes none) repeats values, not column names:
        // unknown-format says so.
        let namesColumns = context.profile != nil || HeaderAsData.evidence(context.header) == nil
        for (i, name) in context.header.enumerated() where namesColumns {
            let key = name.trimmingWhitespace().lowercased()
            // Columns without a header (a spreadsheet's padding) name no column: unknown-column says so.
            if key.isEmpty { continue }
            if let first = firstIndex[key] {
                let position = reader.position(ofField: i)
                sink.file(.duplicateHeader, line: position.line, column: position.column, field: context.bindings[i]?.name,
                          message: "Column '\(name)' appears twice (first as column \(first + 1))",
                          related: [RelatedLocation(line: context.headerLine)], values: [name], fieldIndex: i)
            } else {
                firstIndex[key] = i
            }
        }
        guard let profile = context.profile else { return }  // unknown-format reports the header as a whole
        for (i, match) in context.matches.enumerated() {
            let header = context.header[i]
            // A header bound to a column is the file's only stand-in for it: when the import does not take
            // the header, that field is lost. An unbound one repeats a column the file already has.
            let bound = context.bindings[i] != nil
            let fix: Fix?
            let message: String
            var severity = Severity.warning
            switch match {
            case .exact: continue
            case .spelling where !Self.renames(i, context: context):
                continue  // only surrounding whitespace: reported by surrounding-whitespace
            case .spelling(let c) where Self.exact(profile):
                let how = header.trimmingWhitespace() == c ? "only in the spaces around it" : "only in case or spacing"
                message = bound ? "'\(header)' differs from \(profile.name)'s column '\(c)' \(how); \(profile.target.name) does not document matching headers that way, so take it that the import drops this field from every record"
                    : "'\(header)' differs from \(profile.name)'s column '\(c)', \(whichHas(c)), only in case or spacing, and is ignored"
                fix = bound ? Fix(.safe, "Rename the header to '\(c)'", replacement: c) : nil
                if bound { severity = .error }
            case .spelling(let c):
                message = "'\(header)' differs from \(profile.name)'s column '\(c)' only in case or spacing; whether the import matches it is not documented"
                fix = bound ? Fix(.safe, "Rename the header to '\(c)'", replacement: c) : nil
            case .punctuation(let c), .alias(let c):
                message = bound ? "'\(header)' is not a \(profile.name) column, so the import drops this field from every record; it stands for '\(c)'"
                    : "'\(header)' is not a \(profile.name) column; it looks like '\(c)', \(whichHas(c)), and is ignored"
                fix = bound ? Fix(.safe, "Rename the header to '\(c)'", replacement: c) : nil
                if bound { severity = .error }
            case .guessedAlias(let c, let why):
                message = bound ? "'\(header)' is not a \(profile.name) column, so the import drops this field from every record; it may stand for '\(c)', but \(why)"
                    : "'\(header)' is not a \(profile.name) column; it may stand for '\(c)', \(whichHas(c)), and is ignored"
                fix = bound ? Fix(.unsafe, "Rename the header to '\(c)' (check that the column holds that)", replacement: c) : nil
                if bound { severity = .error }
            case .nearMiss(let c):
                message = bound ? "Unknown column '\(header)', so the import drops this field from every record; did you mean '\(c)'?"
                    : "Unknown column '\(header)'; did you mean '\(c)'? (\(takenBy(c).map { "'\($0)' already stands for it" } ?? "the file already has it"))"
                fix = bound ? Fix(.unsafe, "Rename the header to '\(c)'", replacement: c) : nil
                if bound { severity = .error }
            case .unknown where header.trimmingWhitespace().isEmpty:
                // A first column without a header is usually a program's row index (pandas' to_csv), not padding.
                let why = i == 0 ? "a program's row index, as pandas' to_csv writes, or a spreadsheet's padding"
                    : "spreadsheets pad rows with empty columns"
                message = "Column \(i + 1) has no header (\(why)); its values, if any, are not imported"
                fix = nil
            case .unknown:
                message = "Unknown column '\(header)'; not a \(profile.name) column, so its values are not imported (whether the import ignores a column it does not know or rejects the file is not documented)"
                fix = nil
            }
            let position = reader.position(ofField: i)
            let sequence = sink.accepted
            reader.report(.unknownColumn, to: sink, line: position.line, column: position.column, field: i, record: nil,
                          message: message, fix: fix, values: [header], severity: severity)
            if watched.contains(i), sink.accepted > sequence, let c = fix?.replacement { renames.append((sequence, i, c)) }
        }
        let present = { (column: String) in Self.readable(column, context: self.context) }
        let updateKey = profile.updateKeys.first { $0.allSatisfy(present) }
        guard updateKey == nil else { return }  // an update-only file may leave out what creating needs
        let why = profile.updateKeys.isEmpty ? "the import needs it in every record"
            : "the import needs it to create records (a file that only updates records it identifies by \(profile.updateKeys.map { $0.joined(separator: " + ") }.joined(separator: " or ")) may leave it out)"
        for column in profile.columns where column.required && !present(column.name) {
            let standIn = context.standIn(for: column.name).map { " ('\(context.header[$0])' stands for it: rename that header)" } ?? ""
            sink.file(.missingRequiredColumn, field: column.name,
                      message: "Required column '\(column.name)' is missing\(standIn); \(why)")
        }
    }

    /// Whether the import can see the column: its exact name (surrounding spaces aside), or a case or spacing
    /// variant, which is not known to be missing where header matching is undocumented (unknown-column
    /// warns) and is missing where the profile says to assume exact matching.
    static func readable(_ column: String, context: FileContext) -> Bool {
        let isExact = context.profile.map(exact) == true
        if context.header.contains(where: { (isExact ? $0 : $0.trimmingWhitespace()) == column }) { return true }
        guard let profile = context.profile, !exact(profile),
              let i = context.index(of: column), case .spelling = context.matches[i] else { return false }
        return true
    }

    private static func exact(_ profile: Profile) -> Bool { profile.accepts?.exactHeaders == true }

    /// Whether header cell `i`, a case or spacing variant of a column, is reported here with a rename. One
    /// that differs only by the spaces around it is left to surrounding-whitespace, except where the
    /// profile says to assume exact header matching (4me) and the cell is the file's only stand-in for the
    /// column: there the import drops the field, which is this rule's error (and surrounding-whitespace
    /// leaves the cell alone while this rule is selected).
    static func renames(_ i: Int, context: FileContext) -> Bool {
        guard case .spelling(let c) = context.matches[i] else { return false }
        guard context.header[i].trimmingWhitespace() == c else { return true }
        return context.profile.map(exact) == true && context.bindings[i] != nil
    }

    /// The header cell that took a column another cell matches, when that cell is not the column's name
    /// ('mail', which took Primary Email before 'userPrincipalName'); nil when it is.
    private func takenBy(_ column: String) -> String? {
        guard let i = context.index(of: column), context.header[i].trimmingWhitespace() != column else { return nil }
        return context.header[i]
    }

    private func whichHas(_ column: String) -> String {
        takenBy(column).map { "which '\($0)' already stands for" } ?? "which the file already has"
    }
}

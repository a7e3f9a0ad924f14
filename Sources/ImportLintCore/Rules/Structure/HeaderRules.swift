extension RuleDescriptor {
    public static let duplicateHeader = RuleDescriptor(
        code: "STR003", name: "duplicate-header", severity: .error,
        summary: "Two header cells name the same column",
        explanation: "When a column appears twice the import keeps only one of the two cells of every row, and which one is undefined; the other value is silently lost. Remove or rename one of the columns.",
        triggeringExample: "Name,Primary Email,Name", cleanExample: "Name,Primary Email,Job Title")
    public static let missingRequiredColumn = RuleDescriptor(
        code: "STR004", name: "missing-required-column", severity: .error,
        summary: "A column the import requires is not in the header",
        explanation: "The target system rejects every record when a required column is absent (4me People needs Name and Primary Email; The Receptionist needs First Name and Last Name). A column that is present under an alias or in the wrong case still counts as missing, because the import reads exact header text; fix the header to resolve both findings.",
        triggeringExample: "Name,Organization", cleanExample: "Primary Email,Name,Organization")
    public static let unknownColumn = RuleDescriptor(
        code: "STR005", name: "unknown-column", severity: .warning, fix: .sometimes,
        summary: "A header cell is not a column of the profile",
        explanation: "Import APIs match header text exactly and ignore columns they do not know, so a misspelled header ('Primary Emial', 'primary email', 'Surname') silently drops that field from every record. When the header is a case variant or a known alias of a profile column the fix renames it (safe); a near miss is suggested as an unsafe rename.",
        triggeringExample: "Primary Emial,Name", cleanExample: "Primary Email,Name")
}

/// Binds header cells to profile columns and reports duplicate, unknown and missing columns.
enum HeaderAnalysis {
    static func bind(header: [String], profile: Profile?) -> (bindings: [ColumnSpec?], matches: [HeaderMatch]) {
        guard let profile else { return (header.map { _ in nil }, header.map { _ in .unknown }) }
        let matcher = HeaderMatcher(profile: profile)
        let matches = header.map(matcher.match)
        var bindings = [ColumnSpec?](repeating: nil, count: header.count)
        var taken = Set<String>()
        // Exact names claim their column first, so 'Email' beside 'Primary Email' is not bound twice.
        for pass in 0..<2 {
            for (i, m) in matches.enumerated() {
                guard let name = m.column, bindings[i] == nil else { continue }
                let isExact: Bool = if case .exact = m { true } else { false }
                if (pass == 0) != isExact { continue }
                if taken.insert(name).inserted { bindings[i] = profile.column(named: name) }
            }
        }
        return (bindings, matches)
    }

    static func report(_ context: FileContext, matches: [HeaderMatch], reader: CSVReader, sink: DiagnosticSink) {
        var firstIndex: [String: Int] = [:]
        for (i, name) in context.header.enumerated() {
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            if let first = firstIndex[key] {
                sink.file(.duplicateHeader, column: reader.position(ofField: i).column, field: context.bindings[i]?.name,
                          message: "Column '\(name)' appears twice (first as column \(first + 1))",
                          related: [RelatedLocation(line: context.headerLine)], values: [name], fieldIndex: i)
            } else {
                firstIndex[key] = i
            }
        }
        guard let profile = context.profile else { return }
        for (i, match) in matches.enumerated() {
            let header = context.header[i]
            let bound = context.bindings[i] != nil
            let fix: Fix?
            let message: String
            switch match {
            case .exact: continue
            case .spelling(let c) where header.trimmingCharacters(in: .whitespaces) == c:
                continue  // only surrounding whitespace: reported by surrounding-whitespace
            case .spelling(let c):
                message = "'\(header)' is not the exact column name; \(profile.name) expects '\(c)'"
                fix = bound ? Fix(.safe, "Rename the header to '\(c)'", replacement: c) : nil
            case .alias(let c):
                message = "'\(header)' is not a \(profile.name) column; it looks like '\(c)' under another name"
                fix = bound ? Fix(.safe, "Rename the header to '\(c)'", replacement: c) : nil
            case .nearMiss(let c):
                message = "Unknown column '\(header)'; did you mean '\(c)'?"
                fix = bound ? Fix(.unsafe, "Rename the header to '\(c)'", replacement: c) : nil
            case .unknown:
                message = "Unknown column '\(header)'; \(profile.name) ignores it"
                fix = nil
            }
            let position = reader.position(ofField: i)
            reader.report(.unknownColumn, to: sink, line: position.line, column: position.column, field: i, record: nil,
                          message: message, fix: fix, values: [header])
        }
        for column in profile.columns where column.required {
            let exactlyPresent = context.header.contains { $0.trimmingCharacters(in: .whitespaces) == column.name }
            if exactlyPresent { continue }
            let standIn = context.index(of: column.name).map { " ('\(context.header[$0])' stands for it: rename that header)" } ?? ""
            sink.file(.missingRequiredColumn, field: column.name,
                      message: "Required column '\(column.name)' is missing\(standIn)")
        }
    }
}

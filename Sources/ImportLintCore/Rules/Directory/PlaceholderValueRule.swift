extension RuleDescriptor {
    public static let placeholderValue = RuleDescriptor(
        code: "DIR006", name: "placeholder-value", severity: .warning, fix: .unsafe,
        summary: "A placeholder standing for 'no value' (NULL, \\N, (null), N/A, -, none, (not set), TBD, unknown, #N/A, nan)",
        explanation: """
            SQL and HR feeds write NULL, N/A or '-' for a missing value (MySQL's and PostgreSQL's text \
            exports '\\N', C's printf and the shell scripts built on it '(null)'), Entra writes '(not set)', Excel \
            '#N/A', pandas 'nan' (a missing value of a column converted to text). The import does not know they mean nothing: it stores 'NULL' as the job title, overwrites \
            the person's real value with it, looks for a record named 'NULL' in a column that names one \
            (4me's Organization, Site), and rejects or misreads it in typed columns (an email, a \
            phone, a boolean). Matched case-insensitively on the trimmed cell, in every column of the \
            profile; a column that takes typed values makes it an error. So does a reference the target \
            requires to exist (4me's Organization: an organization it does not find fails the person) and a \
            matching key (4me's Source + Source ID, The Receptionist's Identification): the import matches \
            on the placeholder, so rows holding it (and the same rest of the key) are taken for one record, and \
            4me looks a person up by a Source + Source ID pair holding it instead of by Primary Email, creating a \
            new person where none has that pair; those rows are not also \
            reported as duplicate-identifier, nor clustered as an organization's spelling. A name that \
            --known-organizations lists (an organization called 'Unknown') is no placeholder in a clustered \
            column such as Organization. In a required column \
            a placeholder counts as missing and is reported by missing-value instead. Decisions: a lone '-' is \
            reported in columns that take typed values (email, phone, boolean, country...), name another record \
            (Organization, Site, Work Hours, UI Extension), hold another system's identifier (Employee ID, \
            Source ID, Identification) or are part of a matching key (Source); in free text and names \
            it is a visible dash that sources use on purpose (an empty job title, the last name of a person \
            with a single name, which The Receptionist requires, a Department). In a name column 'Null' and 'None' \
            written as names (capital, then lower case) are not reported, since both are real surnames, while \
            'NULL', 'null', 'NONE' and 'none' are; 'nan' counts only as pandas and JavaScript write it ('nan', \
            'NaN'), since 'Nan' is a given name and a Thai city. The unsafe fix empties the cell: an empty \
            cell clears the field in the target, which may not be what you want; leaving the column out \
            keeps existing values.
            """,
        triggeringExample: "Primary Email,Name,Job Title\nann@widget.com,Ann Lee,NULL\n",
        cleanExample: "Primary Email,Name,Job Title\nann@widget.com,Ann Lee,\n")
}

/// Placeholder values, tested on the trimmed cell's bytes without building a String.
enum Placeholder {
    private static let values: [[UInt8]] = ["null", "\\n", "(null)", "n/a", "-", "none", "(not set)", "tbd", "unknown", "#n/a", "nan"].map { Array($0.utf8) }
    private static let notANumber = Array("nan".utf8)
    /// The bytes of the longest placeholder, '(not set)'.
    static let maximumLength = 9

    /// Whether a placeholder can start with this byte: '-', '(', '#', '\', N, T, U in either case (the
    /// first bytes of `values`). The one list every screen for placeholders is made from.
    @inline(__always)
    static func mayStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x28, 0x23, 0x5C, 0x4E, 0x6E, 0x54, 0x74, 0x55, 0x75: true
        default: false
        }
    }

    /// The placeholders' first bytes, both cases of a letter, for the test that `mayStart` takes them all.
    static var firstBytes: Set<UInt8> {
        Set(values.flatMap { v in [v[0], v[0] >= 0x61 && v[0] <= 0x7A ? v[0] - 0x20 : v[0]] })
    }

    /// Whether a lone '-' stands for 'no value' in a column: where it takes typed values, names another
    /// record (`reference`), holds another system's identifier (`externalID`) or is part of a matching key
    /// (`key`). In free text and names it is a visible dash that sources write on purpose.
    static func takesLoneDash(kind: ValueKind, column: ColumnSpec, key: Bool) -> Bool {
        takesLoneDash(kind) || column.reference || column.externalID || key
    }

    /// Whether a lone '-' stands for 'no value' in a column of this kind, whatever its other traits.
    static func takesLoneDash(_ kind: ValueKind) -> Bool {
        kind != .text && kind != .personName && kind != .postalCode
    }

    /// True when the trimmed bytes are a placeholder in a column of this kind: a lone '-' only where
    /// `loneDash` (`takesLoneDash`); in a person-name column 'Null' and 'None' are names.
    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>, kind: ValueKind, loneDash: Bool) -> Bool {
        guard b.count >= 1, b.count <= maximumLength, mayStart(b[0]) else { return false }
        if b[0] == 0x2D { return b.count == 1 && loneDash }
        for candidate in values where candidate.count == b.count {
            var equal = true
            for k in 0..<b.count {
                let c = b[k]
                if (c >= 0x41 && c <= 0x5A ? c | 0x20 : c) != candidate[k] { equal = false; break }
            }
            if equal {
                if kind == .personName, b[0] == 0x4E, b.count == 4, b[1] >= 0x61 { return false }  // 'Null', 'None'
                // 'nan' only as pandas ('nan') and JavaScript ('NaN') write it: 'Nan' is a given name and a
                // Thai province and city, which a Site or Location may name.
                if candidate == Self.notANumber { return b[1] == 0x61 && b[0] == b[2] }
                return true
            }
        }
        return false
    }

    /// `matches` where a lone '-' is judged by the kind alone.
    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>, kind: ValueKind) -> Bool {
        matches(b, kind: kind, loneDash: takesLoneDash(kind))
    }

    static func matches(_ value: String, kind: ValueKind, loneDash: Bool) -> Bool {
        var copy = value
        return copy.withUTF8 { matches($0, kind: kind, loneDash: loneDash) }
    }

    static func matches(_ value: String, kind: ValueKind) -> Bool {
        matches(value, kind: kind, loneDash: takesLoneDash(kind))
    }

    /// The finding for a placeholder in a column that does not require a value. `typedProblem` is what
    /// the column's own validation says about the text, if it rejects it: then the finding is an error.
    /// `emptyClears`: the target documents that an empty cell clears the field (4me); otherwise what an
    /// empty cell does is not documented, and the fix says so. A column's own `when_empty` comes first. `target` names the target and what it does
    /// with a row it rejects.
    /// A column that names another record (4me's Organization, Site) has the text looked up, not stored:
    /// where the target requires the record to exist (`mustExist`) the row fails, an error; elsewhere
    /// whether a record of that name exists is for `--known-organizations` to say. A placeholder in a
    /// matching key (`key`, the key's columns: The Receptionist's Identification, 4me's Source + Source ID)
    /// is matched on: the rows holding it (and the rest of the key) are one record, an error as a
    /// duplicate key is. A key of several columns is looked up only when all are filled, and then instead of
    /// the key tried next (`nextKey`: 4me creates a person its Source + Source ID do not find, not trying
    /// the Primary Email), so a row with a placeholder there misses the record it would otherwise update.
    /// `knownListGiven`: in a clustered column (4me's Organization), whether --known-organizations was given
    /// (it did not list the value, which would then be no placeholder); nil in other columns.
    static func finding(_ value: String, column: ColumnSpec, typedProblem: ValueFinding?, emptyClears: Bool = false,
                        key: [String] = [], nextKey: [String] = [], target: TargetWording = .neutral,
                        knownListGiven: Bool? = nil) -> ValueFinding {
        let name = column.name
        // A column whose empty cell the target documents apart (4me's Organization) says so, not the rule.
        let effect = column.whenEmpty
            ?? (emptyClears ? "the import then clears \(name); leave the column out to keep existing values"
                : "what the import does with an empty \(name) is not documented")
        let fix = Fix(.unsafe, "Empty the cell (\(effect))", replacement: "")
        let message = "'\(value)' is a placeholder for 'no value'"
        if let typedProblem, typedProblem.severity ?? typedProblem.rule.severity == .error {
            return ValueFinding(.placeholderValue, message + "; as a value for \(name) it is wrong too: \(typedProblem.message)", fix: fix, severity: .error)
        }
        if column.reference && column.mustExist {
            // Only the list tells a placeholder from an organization that is really called so.
            let listed = knownListGiven.map { $0 ? " (--known-organizations does not list one)"
                : " (if one named so does exist, list it with --known-organizations: a listed name is no placeholder)" } ?? ""
            return ValueFinding(.placeholderValue, message + "; \(name) names another record, so \(target.name) looks for one named '\(value)' instead of taking the cell as empty, and \(target.rejectsRow) when it finds none\(listed)", fix: fix, severity: .error)
        }
        if column.reference {
            return ValueFinding(.placeholderValue, message + "; \(name) names another record, so the import looks for one named '\(value)' instead of taking the cell as empty", fix: fix)
        }
        if key.count == 1 {
            return ValueFinding(.placeholderValue, message + "; \(name) is a matching key, so \(target.name) takes every row holding '\(value)' there for one record (each row overwrites the one before)", fix: fix, severity: .error)
        }
        if !key.isEmpty {
            let whole = key.joined(separator: " + "), rest = key.filter { $0 != name }.joined(separator: " + ")
            let instead = nextKey.isEmpty ? "" : ", not by \(nextKey.joined(separator: " + "))"
            return ValueFinding(.placeholderValue, message + "; \(name) is part of the matching key \(whole), so \(target.name) matches on '\(value)' instead of taking the cell as empty: where \(rest) is filled too, it looks the record up by \(whole)\(instead), and creates a new one when none has that key; rows that agree on \(rest) are taken for one record", fix: fix, severity: .error)
        }
        return ValueFinding(.placeholderValue, message + "; the import stores it as \(name)'s text", fix: fix)
    }
}

extension RuleDescriptor {
    public static let scientificNotation = RuleDescriptor(
        code: "XLS001", name: "scientific-notation", severity: .error,
        summary: "Digits that Excel turned into scientific notation ('4.47712E+11'): the digits are lost",
        explanation: """
            Excel reads a long digit string (a phone number, an employee or badge ID, a PIN) as a number and, \
            in a General column, writes it back as '4.47712E+11' when the file is saved as CSV. Only the first \
            six significant digits survive; the rest are gone from the file, and no fix can bring them back. \
            Take the column from the source system again, and format it as Text in Excel (or import the CSV \
            through Data > From Text with the column set to Text) before saving. Reported in every column \
            except decimal ones.
            """,
        triggeringExample: "First Name,Last Name,SMS Phone\nAnn,Lee,4.47712E+11\n",
        cleanExample: "First Name,Last Name,SMS Phone\nAnn,Lee,+44 7712 345678\n")
}

/// Excel's scientific notation of a number: 'd[.ddddd]E+dd' (a decimal comma in European locales).
enum ScientificNotation {
    /// Columns where a long digit string belongs (identifiers, phone numbers, PINs, postal codes, free text).
    static func applies(to kind: ValueKind) -> Bool {
        kind == .text || kind == .phone || kind == .pin || kind == .integer || kind == .postalCode
    }

    /// Exact byte test on the trimmed cell.
    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n >= 4, n <= 16, b[0] >= 0x30 && b[0] <= 0x39 else { return false }
        var i = 1
        if b[i] == 0x2E || b[i] == 0x2C {
            i += 1
            let start = i
            while i < n && b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        guard i + 2 < n, b[i] | 0x20 == 0x65, b[i + 1] == 0x2B else { return false }
        i += 2
        let digits = n - i
        guard digits >= 1 && digits <= 3 else { return false }
        while i < n { guard b[i] >= 0x30 && b[i] <= 0x39 else { return false }; i += 1 }
        return true
    }

    static func finding(_ value: String, column: String) -> ValueFinding {
        let normalized = value.replacingOccurrences(of: ",", with: ".")
        let magnitude = Double(normalized).map { $0 >= 1e15 ? "" : " (it stood for a number near \(Int64($0)))" } ?? ""
        return ValueFinding(.scientificNotation,
                            "'\(value)' in \(column) is a number Excel wrote in scientific notation: the digits after the first few are lost\(magnitude); take the column from the source again and format it as Text before saving")
    }
}

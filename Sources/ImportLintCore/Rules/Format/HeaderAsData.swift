/// A header line that reads as a record: the first row of an export written without its column names
/// (`bcp ... queryout -c`, `sqlcmd -h -1`, `mysql -N`, `psql -t`, `COPY ... TO` without HEADER), which
/// the import would take for the header. Only values no column name is (an address, a phone number, a
/// GUID, a date, a number) count as evidence.
enum HeaderAsData {
    /// What the header's cells say about it ("cell 1 'ann@widget.com' is an email address"), the first
    /// `shown` of them; nil when no cell looks like data.
    static func evidence(_ header: [String], shown: Int = 2) -> String? {
        // A header of numbers alone ('1,2,3') is a spreadsheet's column numbering, not a record.
        let cells = header.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if cells.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }) { return nil }
        var found: [String] = []
        for (i, cell) in header.enumerated() {
            let value = cell.trimmingCharacters(in: .whitespaces)
            guard let kind = kind(of: value) else { continue }
            found.append("cell \(i + 1) '\(value)' is \(kind)")
            if found.count == shown { break }
        }
        return found.isEmpty ? nil : found.joined(separator: ", ")
    }

    private static func kind(of value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard !scalars.isEmpty else { return nil }
        if value.contains("@"), !value.contains(" "), EmailRule.problem(in: value) == nil { return "an email address" }
        let digits = scalars.filter { ("0"..."9").contains($0) }.count
        if scalars.allSatisfy({ ("0"..."9").contains($0) }) { return "a number" }
        if scalars.first == "+", digits >= 7, scalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) || " -().".unicodeScalars.contains($0) }) {
            return "a phone number"
        }
        if isGUID(scalars) { return "a GUID" }
        if isISODate(scalars) { return "a date" }
        return nil
    }

    /// 8-4-4-4-12 hexadecimal digits (a directory's objectId).
    private static func isGUID(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count == 36 else { return false }
        return s.indices.allSatisfy { i in
            [8, 13, 18, 23].contains(i) ? s[i] == "-" : s[i].properties.isASCIIHexDigit
        }
    }

    /// YYYY-MM-DD, optionally followed by a time.
    private static func isISODate(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 10, s[4] == "-", s[7] == "-" else { return false }
        return [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { ("0"..."9").contains(s[$0]) } && (s.count == 10 || s[10] == " " || s[10] == "T")
    }
}

import Foundation

/// Reads the `--known-organizations` file: one name per line, or a CSV/TSV export of 4me
/// organizations whose header row has a `Name` column. Blank lines and duplicates are dropped;
/// a UTF-8 byte-order mark is ignored.
public enum KnownOrganizations {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(String)
        public var description: String {
            switch self { case .unreadable(let path): "cannot read known organizations file \(path)" }
        }
    }

    /// A by-name reference split into the name and the account of `Name @account` (4me's reference to a
    /// record of another account); the account is nil without a well-formed ` @account` suffix.
    public static func splitAccount(_ reference: String) -> (name: String, account: String?) {
        guard let at = reference.range(of: " @", options: .backwards) else { return (reference, nil) }
        let account = reference[at.upperBound...]
        let name = reference[..<at.lowerBound].trimmingWhitespace()
        guard !account.isEmpty, !name.isEmpty, account.unicodeScalars.allSatisfy({
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }) else { return (reference, nil) }
        return (name, String(account))
    }

    public static func load(path: String) throws -> [String] {
        guard let data = StreamedFile.contents(atPath: path) else { throw LoadError.unreadable(path) }
        return parse(String(decoding: data, as: UTF8.self))
    }

    public static func parse(_ text: String) -> [String] {
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        let lines = body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        guard let header = lines.first else { return [] }
        let delimiter: Character? = header.contains("\t") ? "\t" : (header.contains(",") || header.contains(";") ? (header.contains(",") ? "," : ";") : nil)
        var names: [String] = []
        var seen = Set<String>()
        func add(_ raw: String) {
            let name = raw.trimmingWhitespace()
            if !name.isEmpty && seen.insert(name).inserted { names.append(name) }
        }
        if let delimiter {
            let headerFields = splitRecord(String(header), delimiter)
            if let column = headerFields.firstIndex(where: { $0.trimmingWhitespace().lowercased() == "name" }) {
                for record in records(lines.dropFirst().joined(separator: "\n"), delimiter) where column < record.count {
                    add(record[column])
                }
                return names
            }
        }
        // Plain list: every line is a name (a comma inside a name such as "Widget, Inc." is kept).
        for line in lines { add(String(line)) }
        return names
    }

    /// Splits CSV text into records, honouring double-quoted fields with embedded delimiters,
    /// doubled quotes and line breaks.
    static func records(_ text: String, _ delimiter: Character) -> [[String]] {
        var result: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text)
        chars.append("\n")
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == delimiter {
                record.append(field); field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { result.append(record) }
                record = []
            } else {
                field.append(c)
            }
            i += 1
        }
        return result
    }

    static func splitRecord(_ line: String, _ delimiter: Character) -> [String] {
        records(line, delimiter).first ?? []
    }
}

import Foundation

/// VAL015: integer and decimal columns (4me ID, Cost Per Hour).
enum NumberRule {
    static func check(_ value: String, kind: ValueKind) -> [ValueFinding] {
        let scalars = Array(value.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
        var body = scalars[...]
        if let first = body.first, first == "-" || first == "+" { body = body.dropFirst() }
        let integerOK = !body.isEmpty && body.allSatisfy(isDigit)
        if integerOK { return [] }
        if kind == .decimal {
            let parts = body.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, parts.allSatisfy({ $0.allSatisfy(isDigit) }) { return [] }
        }
        // Digits typed on another script's keyboard ('١٢٣', '１２３'; '٫' is the Arabic decimal point) are the
        // same number; whether the import reads them is not documented, as for phones and PINs.
        if let ascii = ForeignDigits.asciiForm(kind == .decimal ? value.replacingOccurrences(of: "\u{066B}", with: ".") : value),
           check(ascii, kind: kind).isEmpty {
            return [ValueFinding(.invalidNumber, "'\(value)' \(ForeignDigits.note(value, reader: "the import")); in ASCII it is '\(ascii)'",
                                 fix: Fix(.safe, "Replace with '\(ascii)'", replacement: ascii), severity: .warning)]
        }
        let noun = kind == .integer ? "a whole number" : "a number (digits with an optional '.' and decimals)"
        var message = "'\(value)' is not \(noun)"
        var fix: Fix?
        let text = String(String.UnicodeScalarView(body))
        let sign = body.startIndex == scalars.startIndex ? "" : String(scalars[0])
        if kind == .integer, let dot = text.firstIndex(of: "."), text[text.index(after: dot)...].allSatisfy({ $0 == "0" }),
           !text[..<dot].isEmpty, text[..<dot].allSatisfy(\.isASCIIDigit) {
            let whole = sign + text[..<dot]
            message += " ('.0' added by a spreadsheet?)"
            fix = Fix(.unsafe, "Replace with '\(whole)'", replacement: whole)
        } else if text.contains("E") || text.contains("e"), Double(text) != nil {
            message += " (scientific notation from a spreadsheet; digits may have been lost)"
        } else if kind == .decimal, text.filter({ $0 == "," }).count == 1, !text.contains("."),
                  let comma = text.firstIndex(of: ","), text[text.index(after: comma)...].count <= 2,
                  text.replacingOccurrences(of: ",", with: "").allSatisfy(\.isASCIIDigit) {
            let fixed = sign + text.replacingOccurrences(of: ",", with: ".")
            message += " (decimal comma)"
            fix = Fix(.unsafe, "Replace with '\(fixed)'", replacement: fixed)
        } else if let (plain, note) = ungrouped(text, kind: kind) {
            let fixed = sign + plain
            message += " (\(note))"
            fix = Fix(.unsafe, "Replace with '\(fixed)'", replacement: fixed)
        }
        return [ValueFinding(.invalidNumber, message, fix: fix)]
    }

    /// '1,234' and '1,234.50' (English grouping) or '1.234,50' (German, Dutch: dots group, a comma before the
    /// decimals) as a plain number. Only when every group after the first has three digits: in '1.234,56' or
    /// '12,34' the separators mean something else, and dropping them would change the value.
    static func ungrouped(_ text: String, kind: ValueKind) -> (String, String)? {
        for (group, point) in [(Character(","), Character(".")), (".", ",")] {
            let parts = text.split(separator: point, omittingEmptySubsequences: false)
            let groups = parts[0].split(separator: group, omittingEmptySubsequences: false)
            guard parts.count <= 2, groups.count >= 2, (1...3).contains(groups[0].count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }), groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) })
            else { continue }
            if parts.count == 1 {
                if group == "," { return (groups.joined(), "thousands separators") }
            } else if kind == .decimal, !parts[1].isEmpty, parts[1].allSatisfy(\.isASCIIDigit) {
                return (groups.joined() + "." + parts[1], group == "," ? "thousands separators" : "thousands separators and a decimal comma")
            }
        }
        return nil
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension RuleDescriptor {
    public static let invalidNumber = RuleDescriptor(
        code: "VAL015", name: "invalid-number", severity: .error, fix: .sometimes,
        summary: "An integer or decimal column holds something that is not a plain number",
        explanation: """
            4me's ID must be the record's integer id, and Cost Per Hour a plain decimal with a '.' separator. \
            Currency signs, decimal commas, thousands separators or spreadsheet artefacts such as '12.0' and \
            '1.2E+5' make the record fail, or for ID, fail to match the record it should update.
            """,
        triggeringExample: "Primary Email,Name,Cost Per Hour\nann@widget.com,Ann,\"45,50\"\n",
        cleanExample: "Primary Email,Name,Cost Per Hour\nann@widget.com,Ann,45.50\n")
}

/// TXT005: a cell that a spreadsheet would evaluate as a formula (CSV injection, OWASP).
///
/// Reported: a cell starting with '=', or with TAB/CR before =, +, -, @; a cell starting with '+' or '-'
/// that holds formula syntax ('-2+3+cmd|...', '+SUM(A1)'); a cell starting with '@' followed by formula
/// syntax ('@SUM(A1)'). Not reported (precision first): numbers ('-12.5'), phone-number shapes
/// ('+1 713 441 8299', '+44 (20) 7946-0000', with an extension: 'x12', 'ext. 12', '#12', ';ext=12') in any column, '- none -' or '-- n/a --' placeholder text,
/// plain handles ('@jdoe', '@jane.doe') and anything starting with '@' in Slack columns.
enum FormulaInjection {
    /// Characters that make a '+', '-' or '@' cell a formula rather than text.
    private static let formulaSyntax: Set<Unicode.Scalar> = ["=", "(", ")", "!", "|", "&", "^", "*", "\""]
    /// In phone columns parentheses are area-code punctuation, not a function call.
    private static let phoneFormulaSyntax: Set<Unicode.Scalar> = ["=", "!", "|", "&", "^", "*", "\""]

    static func check(_ value: String, kind: ValueKind) -> ValueFinding? {
        let scalars = Array(value.unicodeScalars)
        var start = 0
        while start < scalars.count, scalars[start] == "\t" || scalars[start] == "\r" { start += 1 }
        let ledByControl = start > 0
        guard start < scalars.count else { return nil }
        let first = scalars[start]
        guard first == "=" || first == "+" || first == "-" || first == "@" else { return nil }
        let rest = Array(scalars[(start + 1)...])

        if !ledByControl && first != "=" {
            if first == "@" && (kind == .slackHandle || kind == .email || kind == .managerEmail) { return nil }
            if first != "@" && (looksNumeric(value) || looksLikePhone(scalars)) { return nil }
            let syntax = kind == .phone ? phoneFormulaSyntax : formulaSyntax
            var formulaLike = rest.contains(where: syntax.contains)
            // An operator right after a digit or letter: '-2+3', '+A1-B1'.
            if !formulaLike, first != "@" {
                for k in 1..<max(1, rest.count) where "+-/".unicodeScalars.contains(rest[k]) {
                    let before = rest[k - 1]
                    if before.value < 0x80, before.properties.isAlphabetic || before.properties.numericType != nil,
                       k + 1 < rest.count, rest[k + 1].value < 0x80,
                       rest[k + 1].properties.isAlphabetic || rest[k + 1].properties.numericType != nil,
                       rest[0..<k].allSatisfy({ $0.value < 0x80 && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == ".") }),
                       rest[0..<k].contains(where: { $0.value < 0x80 && $0.properties.numericType != nil }) {
                        formulaLike = true
                        break
                    }
                }
            }
            if !formulaLike { return nil }
        }
        let lead = ledByControl ? "a \(scalars[0] == "\t" ? "TAB" : "carriage return") and '\(first)'" : "'\(first)'"
        // In a phone column, the number behind a lead ('=+44 20 7946 0958'), quoted as phone findings quote one.
        let number = kind == .phone && !ledByControl && first == "=" && looksLikePhone(rest)
            ? "; without it, the cell is the phone number '\(String(String.UnicodeScalarView(rest)))'" : ""
        return ValueFinding(
            .formulaInjection,
            "'\(value)' starts with \(lead): a spreadsheet opening this file evaluates it as a formula (CSV injection); remove the leading character or check where the value came from\(number)")
    }

    /// '-12', '+3.5', '-1,234.00', '1e5': only these characters, a digit, and a number once the grouping
    /// commas and spaces are dropped.
    static func looksNumeric(_ value: String) -> Bool {
        var sawDigit = false
        var compact = String.UnicodeScalarView()
        for s in value.unicodeScalars {
            switch s {
            case "0"..."9": sawDigit = true
            case "+", "-", ".", "e", "E": break
            case ",", " ": continue
            default: return false
            }
            compact.append(s)
        }
        return sawDigit && Double(String(compact)) != nil
    }

    /// A byte-level answer for the common phone cell, so that no String is made for it: '+' or '-' then
    /// only ASCII digits and the separators `looksLikePhone` accepts (' ', '+', '-', '(', ')', '.', '/'),
    /// at least 6 digits. `check` finds nothing in it (`looksLikePhone`), and no other text-hygiene check
    /// can (ASCII without letters or '?').
    static func isPlainPhoneNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, first == 0x2B || first == 0x2D else { return false }
        var digits = 0
        for b in bytes {
            switch b {
            case 0x30...0x39: digits += 1
            case 0x20, 0x2B, 0x2D, 0x28, 0x29, 0x2E, 0x2F: break
            default: return false
            }
        }
        return digits >= 6
    }

    /// Digits with the separators phone numbers use, at least 6 digits: '+1 (713) 441-8299', '+31 20 123 4567 ext. 12',
    /// '+1-212-555-0147 #22', '+1-212-555-0147;ext=22'.
    static func looksLikePhone(_ scalars: [Unicode.Scalar]) -> Bool {
        var digits = 0
        var i = 0
        var sawExtension = false
        while i < scalars.count {
            let s = scalars[i]
            if s.value >= 0x30 && s.value <= 0x39 {
                digits += 1
            } else if " +-().\u{A0}/".unicodeScalars.contains(s) {
                // separators
            } else if !sawExtension, s == "#" {
                // '+1-212-555-0147 #22'
                sawExtension = true
            } else if !sawExtension, s == ";" {
                // RFC 3966's ';ext=22', as libphonenumber writes it
                let marker = Array(";ext=".unicodeScalars)
                guard i + marker.count <= scalars.count,
                      zip(scalars[i..<(i + marker.count)], marker).allSatisfy({ $0.properties.lowercaseMapping.unicodeScalars.first == $1 })
                else { return false }
                sawExtension = true
                i += marker.count
                continue
            } else if !sawExtension, s == "x" || s == "X" || s == "e" || s == "E" {
                // 'x123', 'ext. 123', 'ext 123'
                sawExtension = true
                var k = i + 1
                let word = "xt".unicodeScalars
                var w = word.startIndex
                if s == "e" || s == "E" {
                    while w != word.endIndex, k < scalars.count, scalars[k].properties.lowercaseMapping.unicodeScalars.first == word[w] {
                        k += 1; w = word.index(after: w)
                    }
                    if w != word.endIndex { return false }
                    if k < scalars.count, scalars[k] == "." { k += 1 }
                }
                i = k
                continue
            } else {
                return false
            }
            i += 1
        }
        return digits >= 6
    }
}

extension RuleDescriptor {
    public static let formulaInjection = RuleDescriptor(
        code: "TXT005", name: "formula-injection", severity: .warning,
        summary: "A cell starts with =, +, -, @ (or TAB/CR before them) and runs as a formula in a spreadsheet",
        explanation: """
            Import files are routinely opened in Excel or LibreOffice for review before upload. A cell that \
            starts with '=', '+', '-' or '@' is evaluated there as a formula (CSV injection), which can run \
            commands or leak data, and a spreadsheet that saves the file again replaces the value with the \
            formula's result. Phone numbers in phone columns, negative numbers in numeric columns and handles \
            in Slack columns are not reported.
            """,
        triggeringExample: "Name\n=HYPERLINK(\"http://evil.example\",\"Click\")\n", cleanExample: "Name\nAnne Smith\n")
}

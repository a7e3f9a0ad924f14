/// A long cell (a 64 KB Information field, a pasted document) quoted in full would make a finding's
/// message and fix description as long as the cell, on one line of a terminal or a CI log. Messages and
/// fix descriptions quote such a value by its beginning and its length instead; the fix's replacement,
/// which the fixer writes, stays whole.
enum LongValueQuote {
    /// Values up to this many characters are quoted whole.
    static let limit = 120
    /// How many characters of a longer value are quoted.
    static let shown = 60

    /// Whether `value` is quoted shortened (cheap for the common short value).
    static func isLong(_ value: String) -> Bool {
        value.utf8.count > limit && value.count > limit
    }

    /// `value` as messages quote it: its first characters and an ellipsis.
    static func shortened(_ value: String) -> String {
        String(value.prefix(shown)) + "…"
    }

    /// `diagnostic` as reports show it: shortened when it quotes a long value.
    static func quoted(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.values.contains(where: isLong) ? shortening(diagnostic) : diagnostic
    }

    /// `diagnostic` with every long value it lists shortened in its message and fix description.
    static func shortening(_ diagnostic: Diagnostic) -> Diagnostic {
        var d = diagnostic
        for value in d.values where isLong(value) {
            let count = value.count
            func shorten(_ text: String) -> String {
                text.replacingOccurrences(of: "'\(value)'", with: "'\(shortened(value))' (\(count) characters)")
                    .replacingOccurrences(of: value, with: shortened(value))
            }
            d.message = shorten(d.message)
            if var fix = d.fix {
                fix.description = shorten(fix.description)
                d.fix = fix
            }
        }
        return d
    }
}

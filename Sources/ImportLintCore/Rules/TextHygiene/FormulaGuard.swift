/// A fix must never turn a harmless cell into one a spreadsheet runs: trimming ` =HYPERLINK(…)` or removing
/// the zero-width space of `\u{200B}=1+1` would. Such fixes are withheld, and the finding says why.
enum FormulaGuard {
    /// True when `replacement`, as the fixer would write it (trimmed, NFC), is a formula (TXT005's
    /// definition) and `original` is not.
    static func creates(original: String, replacement: String) -> Bool {
        writesFormula(replacement) && FormulaInjection.check(original, kind: .text) == nil
    }

    /// True when `replacement`, as the fixer would write it (trimmed, NFC), is a formula.
    static func writesFormula(_ replacement: String) -> Bool {
        // Plain ASCII without a trigger byte stays so when trimmed and normalized: no formula (every fix
        // of a large file passes here).
        if replacement.utf8.allSatisfy({ $0 < 0x80 && !isTrigger($0) }) { return false }
        let written = CellText.normalize(replacement)
        guard let first = written.utf8.first, isTrigger(first) else { return false }
        return FormulaInjection.check(written, kind: .text) != nil
    }

    /// The first byte of a cell that can start a formula: = + - @ TAB CR.
    @inline(__always)
    static func isTrigger(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    /// What the finding says instead of offering the fix.
    static func note(_ replacement: String) -> String {
        let written = CellText.normalize(replacement)
        return "; not fixed: '\(written)' would start with '\(written.unicodeScalars.first!)' and a spreadsheet would run it as a formula (CSV injection)"
    }
}

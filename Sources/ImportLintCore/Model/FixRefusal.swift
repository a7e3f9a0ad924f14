/// Why `importlint fix` would refuse to write a file `check` linted, told from its findings, so that `check`'s
/// summary does not promise fixes `fix` will not write (`TextReporter.fixableNote`). Each case is one of the
/// refusals of `FixPass.checkStructureClosely`, `FixPass.write` and `Fixer` (the written file's NULs).
public enum FixRefusal: Sendable, Equatable {
    /// A ragged row, an unterminated quote or a quote out of place (malformed-quote's errors): the records
    /// or a cell's text are a guess; written only with --force.
    case structure(rule: String)
    /// A code page the judge could not tell from others (`LegacyEncoding.refusal`): written once
    /// --input-encoding names the page or --unsafe-fixes accepts the guess.
    case guessedCodePage
    /// Bytes that are not UTF-8 in a UTF-8 file: decoded by --unsafe-fixes where one code page reads them,
    /// or read in the page --input-encoding names; else written as read only with --force.
    case invalidBytes
    /// Bytes that are not UTF-8 that no option repairs: values cut inside a character, or a UTF-16 file's
    /// unpaired surrogates; written as read only with --force.
    case damagedText
    /// NUL characters, which make the written file read as binary when they are many (a tenth of its first
    /// bytes): written once --unsafe-fixes replaces them (control-character), or with --force.
    case nulCharacters

    /// The rules a refusal rests on, whose findings `signs` counts.
    private static let rules: [RuleDescriptor] = [.raggedRow, .unterminatedQuote, .malformedQuote, .legacyEncoding, .invalidUTF8, .controlCharacter]

    /// How many findings of the rules a refusal rests on `tally` counts.
    static func signs(in tally: FindingTally) -> Int {
        rules.reduce(0) { $0 + (tally.byRule[$1.code]?.count ?? 0) }
    }

    /// The refusal of a file with these findings, read as `encoding` (the report's name of it), by the order
    /// `fix` checks: the file's code page, then each record's structure, then the written file.
    static func of(_ diagnostics: [Diagnostic], encoding: String = "UTF-8") -> FixRefusal? {
        var guessed = false, invalid = false, damaged = false
        var nulCells: [String: Int] = [:]
        for d in diagnostics {
            switch d.code {
            case RuleDescriptor.raggedRow.code, RuleDescriptor.unterminatedQuote.code: return .structure(rule: d.rule)
            // A quote inside an unquoted TSV cell is text (a warning, with a safe fix): `fix` writes it.
            case RuleDescriptor.malformedQuote.code where d.severity == .error: return .structure(rule: d.rule)
            case RuleDescriptor.legacyEncoding.code where d.fixApplicability == .unsafe: guessed = true
            // A value cut inside a character names its cell; other bytes (and the file-level finding, made only
            // beside them) none.
            case RuleDescriptor.invalidUTF8.code:
                if d.field != nil || encoding.uppercased().hasPrefix("UTF-16") { damaged = true } else { invalid = true }
            // Each NUL of a cell is a finding holding the cell's text: counted once per cell.
            case RuleDescriptor.controlCharacter.code where d.message.contains("U+0000"):
                nulCells["\(d.line),\(d.fieldIndex ?? -1)"] = d.values.first?.unicodeScalars.count { $0.value == 0 } ?? 1
            default: break
            }
        }
        if guessed { return .guessedCodePage }
        // A line whose only bad bytes are a cut is refused even with --unsafe-fixes.
        if damaged { return .damagedText }
        if invalid { return .invalidBytes }
        // The written file reads as binary when more than a tenth of its first bytes, at least 64, are NUL:
        // never with fewer than 7 of them.
        return nulCells.values.reduce(0, +) >= 7 ? .nulCharacters : nil
    }

    /// What it takes to have the file written.
    var remedy: String {
        switch self {
        case .structure(let rule): "unless `--force` (\(rule))"
        case .guessedCodePage: "until `--input-encoding` names its code page or `--unsafe-fixes` accepts the guess (legacy-encoding)"
        case .invalidBytes: "until `--unsafe-fixes` decodes its bytes that are not UTF-8 (where one code page reads them) or `--input-encoding` names its code page, or unless `--force` (invalid-utf8)"
        case .damagedText: "unless `--force`: its text that is not UTF-8 (a value cut inside a character, or UTF-16 damage) must be restored at its source (invalid-utf8)"
        case .nulCharacters: "if its NUL characters make the written file read as binary, until `--unsafe-fixes` replaces them (control-character) or unless `--force`"
        }
    }
}

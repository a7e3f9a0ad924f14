/// A file decoded in a code page the judge could not tell clearly from others (`LegacyEncoding.transcodeIsSafe`
/// false): every cell it read may be wrong, so no fix of a cell's text can be exact. Such fixes are offered
/// as unsafe, saying why; `fix` refuses the file without --unsafe-fixes or --input-encoding anyway
/// (`LegacyEncoding.refusal`), and the report must not promise otherwise. `fix` writes that reading as UTF-8:
/// the lints of its output are told the guess (`LintOptions.guessedReading`), so a later round's fixes stay
/// unsafe too.
enum GuessedReading {
    /// The guessed code page the text was read in: `encoding`'s, or the one an earlier round of `fix` read it in.
    static func guess(_ encoding: InputEncoding, earlier: LegacyEncoding? = nil) -> LegacyEncoding? {
        if case .legacy(let legacy) = encoding, !legacy.transcodeIsSafe { return legacy }
        return earlier
    }

    static func demoteCellFixes(_ diagnostics: inout [Diagnostic], guess: LegacyEncoding?) {
        guard let legacy = guess else { return }
        for i in diagnostics.indices where diagnostics[i].fixApplicability == .safe {
            guard var fix = diagnostics[i].fix, case .replaceCell = fix.action else { continue }
            fix.applicability = .unsafe
            fix.description += " (the cell was read as \(legacy.charset), a guess: see legacy-encoding)"
            diagnostics[i].fix = fix
        }
    }
}

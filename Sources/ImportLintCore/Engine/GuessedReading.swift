/// A file decoded in a code page the judge could not tell clearly from others (`LegacyEncoding.transcodeIsSafe`
/// false): every cell it read may be wrong, so no fix of a cell's text can be exact. Such fixes are offered
/// as unsafe, saying why; `fix` refuses the file without --unsafe-fixes or --input-encoding anyway
/// (`LegacyEncoding.refusal`), and the report must not promise otherwise.
enum GuessedReading {
    static func demoteCellFixes(_ diagnostics: inout [Diagnostic], encoding: InputEncoding) {
        guard case .legacy(let legacy) = encoding, !legacy.transcodeIsSafe else { return }
        for i in diagnostics.indices where diagnostics[i].fixApplicability == .safe {
            guard var fix = diagnostics[i].fix, case .replaceCell = fix.action else { continue }
            fix.applicability = .unsafe
            fix.description += " (the cell was read as \(legacy.charset), a guess: see legacy-encoding)"
            diagnostics[i].fix = fix
        }
    }
}

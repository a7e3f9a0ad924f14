/// Why `importlint fix` would refuse to write a file `check` linted, told from its findings, so that `check`'s
/// summary does not promise fixes `fix` will not write (`TextReporter.fixableNote`).
public enum FixRefusal: Sendable, Equatable {
    /// A ragged row or an unterminated quote: the records are a guess; written only with --force.
    case structure(rule: String)
    /// A code page the judge could not tell from others (`LegacyEncoding.refusal`): written once
    /// --input-encoding names the page or --unsafe-fixes accepts the guess.
    case guessedCodePage

    /// How many findings of the rules a refusal rests on `tally` counts.
    static func signs(in tally: FindingTally) -> Int {
        [RuleDescriptor.raggedRow, .unterminatedQuote, .legacyEncoding].reduce(0) { $0 + (tally.byRule[$1.code]?.count ?? 0) }
    }

    static func of(_ diagnostics: [Diagnostic]) -> FixRefusal? {
        var guessed = false
        for d in diagnostics {
            if d.code == RuleDescriptor.raggedRow.code || d.code == RuleDescriptor.unterminatedQuote.code { return .structure(rule: d.rule) }
            if d.code == RuleDescriptor.legacyEncoding.code && d.fixApplicability == .unsafe { guessed = true }
        }
        return guessed ? .guessedCodePage : nil
    }

    /// What it takes to have the file written.
    var remedy: String {
        switch self {
        case .structure(let rule): "unless `--force` (\(rule))"
        case .guessedCodePage: "until `--input-encoding` names its code page or `--unsafe-fixes` accepts the guess (legacy-encoding)"
        }
    }
}

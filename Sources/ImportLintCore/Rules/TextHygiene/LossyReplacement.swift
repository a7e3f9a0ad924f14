/// TXT002: a letter replaced by '?' (ASCII/ANSI export) or U+FFFD (a decoder's replacement character).
///
/// U+FFFD always means lost data. A '?' is reported only where a letter must have been: between two
/// letters ('Lef?vre', 'M??ller'), at the start of a word before a letter ('?mile'), or as a whole word of
/// two or more ('Zhang ???', a name in a script the export could not hold), and in a name column at its
/// end after a letter ('Jos?'). Sentence punctuation ('Really?', 'Why??') outside names, a question a '¿'
/// opened ('¿Qué?', outside names), a lone '?' placeholder and URL queries ('page?id=3') are left alone.
/// Outside names, two patterns of question punctuation are only a warning with a hedged message: a '?'
/// between a small letter and a capital ('What?Why', a missing space) and one opening words that another
/// '?' closes, from a capital on, in a value with a letter beyond ASCII ('?Qué?', a '¿' lost or typed so).
enum LossyReplacement {
    /// `decodedFrom`: the code page the file was read in, when it is not Unicode.
    static func check(_ value: String, kind: ValueKind, decodedFrom: LegacyEncoding? = nil) -> ValueFinding? {
        // Without a '?' or the first byte of U+FFFD (EF BF BD) nothing below can find a letter lost: one pass
        // over the bytes instead of an array of the scalars, for each of a column's distinct values.
        guard value.utf8.contains(where: { $0 == 0x3F || $0 == 0xEF }) else { return nil }
        let scalars = Array(value.unicodeScalars)
        if scalars.contains("\u{FFFD}") {
            if let legacy = decodedFrom {
                // The file cannot hold U+FFFD in a code page: the decoding put it where bytes are not a
                // character of the code page read, which is either the wrong one or damaged there.
                let reading = legacy.transcodeIsSafe ? legacy.charset : "\(legacy.charset), a guess (see legacy-encoding)"
                return ValueFinding(
                    .lossyReplacement,
                    "'\(value)' has the replacement character U+FFFD where the file has bytes that are not characters in \(reading): the file is in another code page (name it with --input-encoding) or these bytes are damaged; re-export as UTF-8")
            }
            // U+FFFD is what a decoder writes for bytes it cannot read, not what an ASCII export writes.
            return ValueFinding(
                .lossyReplacement,
                "'\(value)' has the replacement character U+FFFD where a character was lost: a program that read bytes it could not decode wrote U+FFFD in their place; re-export from the source as UTF-8")
        }
        if kind == .url || value.contains("://") || value.lowercased().hasPrefix("www.") { return nil }
        let n = scalars.count
        var i = 0
        var openQuestions = 0
        var hedged: ValueFinding?
        while i < n {
            if scalars[i] == "¿" { openQuestions += 1 }
            guard scalars[i] == "?" else { i += 1; continue }
            var j = i
            while j < n, scalars[j] == "?" { j += 1 }
            let run = j - i
            let previous: Unicode.Scalar? = i > 0 ? scalars[i - 1] : nil
            let next: Unicode.Scalar? = j < n ? scalars[j] : nil
            let previousLetter = previous.map(isLetter) ?? false
            let nextLetter = next.map(isLetter) ?? false
            let previousBoundary = previous.map { $0.properties.isWhitespace || "-('\"/".unicodeScalars.contains($0) } ?? true
            let nextBoundary = next.map { $0.properties.isWhitespace || "-)'\",/".unicodeScalars.contains($0) } ?? true
            // '¿Qué?': the '?' closes the question a '¿' opened, which no export writes for a lost letter. Not
            // in a name, which holds no question: there 'Zo¿ Jos?' is Oracle's '¿' and a '?' for lost letters.
            let closesInverted = openQuestions > 0 && !nextLetter && kind != .personName
            if closesInverted { openQuestions -= 1; i = j; continue }
            // In an email or other '=' / '&' query-like text, 'x?y=' is a query string, not a lost letter.
            let queryLike = kind != .email && kind != .managerEmail && value.contains("=")
            // A name is no sentence: a '?' ending it or one of its parts after a letter ('Jos?', 'Ng??',
            // 'Ren? Dupont', 'Jos?-Maria') lost a letter too.
            let endsName = kind == .personName && previousLetter && (next == nil || next == "-" || next!.properties.isWhitespace)
            if previousLetter && nextLetter && !queryLike
                || previousBoundary && nextLetter && !queryLike
                || run >= 2 && previousBoundary && nextBoundary
                || endsName {
                if kind != .personName, run == 1, let question = questionPunctuation(scalars, at: i, previous: previous, next: next) {
                    hedged = hedged ?? hedgedFinding(value, question, decodedFrom: decodedFrom)
                } else {
                    return questionMarkFinding(value, decodedFrom: decodedFrom)
                }
            }
            i = j
        }
        return hedged
    }

    /// What a single '?' outside a name reads as besides a lost letter, nil when nothing: after a small
    /// letter and before a capital ('What?Why', 'Is it?No'), a question whose space is missing; opening a
    /// run of words that starts with a capital and that a '?' closes, in a value with a non-ASCII letter
    /// ('?Qué?', '?Por qué?'), a question whose '¿' was lost or typed so. A small letter after the first '?'
    /// ('Oddział ?ód?', from 'Łódź') is a word that lost letters at both ends.
    private static func questionPunctuation(_ scalars: [Unicode.Scalar], at i: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?) -> String? {
        if let previous, let next, previous.properties.isLowercase, next.properties.isUppercase {
            return "a question mark whose following space is missing"
        }
        // Only beside a letter the export kept ('?Qué?'): in ASCII alone ('Sezimovo ?st?', from 'Ústí') the
        // pair is as likely two letters lost.
        if previous.map(isLetter) != true, next?.properties.isUppercase == true, scalars.contains(where: { $0.value >= 0x80 && isLetter($0) }),
           let close = scalars[(i + 1)...].firstIndex(of: "?"), isLetter(scalars[close - 1]),
           close + 1 == scalars.count || !isLetter(scalars[close + 1]),
           scalars[(i + 1)..<close].allSatisfy({ isLetter($0) || $0 == " " }) {
            // The words up to the next '?', which ends the last of them: '?Qué?', '?Por qué?'.
            return "a question written with '?' in place of '¿'"
        }
        return nil
    }

    private static func hedgedFinding(_ value: String, _ question: String, decodedFrom: LegacyEncoding?) -> ValueFinding {
        let cause = decodedFrom.map { "the file was saved in \($0.charset) or went through an encoding that could not hold it" }
            ?? "the file went through an encoding that could not hold it (Windows PowerShell 5.1 Export-Csv writes ASCII)"
        return ValueFinding(.lossyReplacement, "'\(value)' has a '?' that may stand for a letter lost because \(cause), or may be \(question); compare it with the source",
                            severity: .warning)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }

    /// The likely cause follows the file: one read in a code page was saved in it (Excel's "CSV", Set-Content),
    /// a Unicode one went through a narrower encoding on its way (Export-Csv's ASCII).
    private static func questionMarkFinding(_ value: String, decodedFrom: LegacyEncoding?) -> ValueFinding {
        let cause = decodedFrom.map { "the file was saved in \($0.charset) or went through an encoding that could not hold it (Excel's \"CSV\" and Set-Content write the machine's ANSI code page)" }
            ?? "the file went through an encoding that could not hold it (Windows PowerShell 5.1 Export-Csv writes ASCII)"
        return ValueFinding(.lossyReplacement, "'\(value)' has '?' where a letter was lost: \(cause); re-export as UTF-8")
    }
}

extension RuleDescriptor {
    public static let lossyReplacement = RuleDescriptor(
        code: "TXT002", name: "lossy-replacement", severity: .error,
        summary: "A letter was replaced by '?' or U+FFFD when the file was saved in a narrower encoding",
        explanation: """
            Windows PowerShell 5.1's Export-Csv writes ASCII by default, Excel's "CSV" and Set-Content the \
            machine's ANSI code page (no letters of another script), and such tools substitute '?' for \
            every letter the target encoding cannot hold (in a file read in a code page, the message names it); a program that decodes bytes it cannot read writes \
            the replacement character U+FFFD in their place. The letter is gone: \
            'Lefèvre' arrives as 'Lef?vre', and the import overwrites the correct name in 4me or The \
            Receptionist with the damaged one. Nothing in the file can restore it; export again as UTF-8 \
            (Export-Csv -Encoding UTF8). Question punctuation is left alone: a '?' after a letter outside \
            names ('Really?'), and one closing a question a '¿' opened ('¿Qué?', in any column). Outside names, \
            a '?' between a small letter and a capital ('What?Why') or one opening words another '?' closes in a \
            value with a non-ASCII letter ('?Qué?'; in ASCII alone, 'Sezimovo ?st?', two letters were lost) is a \
            warning that says it may be punctuation.
            """,
        triggeringExample: "Name\nAnne Lef?vre\n", cleanExample: "Name\nAnne Lefèvre\n")
}

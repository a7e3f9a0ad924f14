/// How a legacy-encoded file is described in its finding, its fix and a refused fix.
extension LegacyEncoding {
    /// The finding's message: the charset named by the user, a clear guess, or an uncertain one with
    /// the candidates it could not tell apart and how to name the right one.
    /// `consequence` ends the sentence: what the profile's target does with the file.
    public func findingMessage(consequence: String) -> String {
        guard let guess else {
            return "File is not UTF-8; decoded as \(charset) as --input-encoding says and linted\(consequence)"
        }
        let others = guess.candidates.dropFirst().prefix(3).map(\.name)
        if guess.isClear {
            let next = others.isEmpty ? "" : "; next best: \(others.joined(separator: ", "))"
            return "File is not UTF-8; it reads clearly as \(Self.describe(guess.best))\(next); decoded as such and linted\(consequence)"
        }
        let alternatives = switch guess.userDefined {
        case .inBest: ", but with user-defined characters (Unicode private use) that only the writing machine's fonts define"
        case .readBy(let other): ", but \(other) reads some of its characters as user-defined ones (a company's own characters, which only the writing machine's fonts define)"
        case nil:
            if let unjudged = guess.unjudgedCharacter {
                ", but \(unjudged.clause)"
            } else if let other = guess.fewCharactersAlsoReadBy {
                ", but it holds too few characters to tell East Asian code pages apart (\(other) reads it too)"
            } else {
                others.isEmpty ? "" : ", but \(others.joined(separator: " or ")) read it nearly as well"
            }
        }
        return "File is not UTF-8 and its code page is uncertain: it reads best as \(Self.describe(guess.best))\(alternatives); decoded as \(charset) and linted\(consequence). Name the code page with --input-encoding (e.g. --input-encoding \(charset))"
    }

    public var fixDescription: String {
        transcodeIsSafe ? "Transcode from \(charset) to UTF-8" : "Transcode from \(charset) to UTF-8 (a guess: check the result or use --input-encoding)"
    }

    /// Why `fix` without --unsafe-fixes does not transcode a guessed code page.
    var refusal: String {
        let others = guess?.candidates.dropFirst().prefix(3).map(\.name) ?? []
        let alternatives = if let unjudged = guess?.unjudgedCharacter {
            " (\(unjudged.clause))"
        } else if let other = guess?.fewCharactersAlsoReadBy {
            " (too few characters to tell it from \(other))"
        } else {
            others.isEmpty ? "" : " (\(others.joined(separator: ", ")) read it nearly as well)"
        }
        return "the file's code page is a guess: \(charset)\(alternatives) (legacy-encoding); name it with --input-encoding, or use --unsafe-fixes to transcode from \(charset)"
    }

    /// A candidate's name, with the code pages that decode the file identically.
    static func describe(_ candidate: CharsetCandidate) -> String {
        let same = candidate.charsets.dropFirst()
        guard !same.isEmpty else { return candidate.name }
        let listed = same.prefix(2).joined(separator: ", ")
        let more = same.count > 2 ? " and \(same.count - 2) more" : ""
        let verb = same.count == 1 ? "decodes" : "decode"
        return "\(candidate.name) (\(listed)\(more) \(verb) it identically)"
    }
}

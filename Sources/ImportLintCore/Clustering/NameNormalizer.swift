/// The comparison form of an organization or department name.
public struct NormalizedName: Sendable, Hashable {
    /// Identifying words in their original order: folded, countries as "#xx" (ISO alpha-2),
    /// abbreviations expanded, plurals reduced; legal suffix and department designators removed.
    public var tokens: [String]
    /// Class of the legal suffix set aside ("inc", "gmbh", "bv", ...), nil when there is none.
    public var legalForm: String?
    /// The words after folding only. Two spellings with the same surface differ only in case,
    /// spacing, punctuation, diacritics or look-alike letters, so replacing one with the other
    /// is always safe.
    public var surface: String

    /// Stage-1 key: order-insensitive, so "Widget Germany" and "Germany Widget" collide.
    public var key: String { tokens.sorted().joined(separator: " ") }
    /// Space-insensitive form: "VanArsdel" and "Van Arsdel" collide.
    public var compact: String { tokens.joined() }
}

/// Produces `NormalizedName`s. Stateless apart from the shared country table; cheap to copy.
public struct NameNormalizer: Sendable {
    public init() {}

    public func normalize(_ raw: String) -> NormalizedName {
        let words = NameTokenizer.tokens(of: FoldForKey.fold(raw))
        let surface = words.joined(separator: " ")
        var tokens = words

        // "und", "et", "y", "en" mean "and" only between two words.
        if tokens.count >= 3 {
            for i in 1..<(tokens.count - 1) where OrganizationVocabulary.connectors.contains(tokens[i]) {
                tokens[i] = "and"
            }
        }
        if tokens.count > 1, tokens[0] == "the" { tokens.removeFirst() }

        tokens = replaceCountries(tokens)
        let legalForm = stripLegalSuffixes(&tokens)

        // "Sales Dept." is the department "Sales"; "Department of Finance" is "Finance".
        if tokens.count > 1 {
            var kept: [String] = []
            var dropNextOf = false
            for t in tokens {
                if OrganizationVocabulary.departmentWords.contains(t) { dropNextOf = true; continue }
                if dropNextOf && t == "of" { dropNextOf = false; continue }
                dropNextOf = false
                kept.append(t)
            }
            if !kept.isEmpty { tokens = kept }
        }

        for i in tokens.indices where !tokens[i].hasPrefix("#") {
            var t = tokens[i]
            if let expanded = OrganizationVocabulary.abbreviations[t] { t = expanded }
            tokens[i] = Self.stem(t)
        }
        return NormalizedName(tokens: tokens, legalForm: legalForm, surface: surface)
    }

    /// Light plural folding so "Human Resource"/"Human Resources" and "Facility"/"Facilities"
    /// compare equal. ASCII words of four letters or more only; "ss", "us", "is" endings kept.
    static func stem(_ token: String) -> String {
        let u = token.utf8
        guard u.count >= 4, u.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return token }
        if token.hasSuffix("ies"), u.count >= 5 { return String(token.dropLast(3)) + "y" }
        if token.hasSuffix("s"), !token.hasSuffix("ss"), !token.hasSuffix("us"), !token.hasSuffix("is") {
            return String(token.dropLast())
        }
        return token
    }

    /// Country names (any language ICU knows, optionally after "the") anywhere, ISO codes only as
    /// the last of several words, become "#xx".
    private func replaceCountries(_ tokens: [String]) -> [String] {
        let countries = CountryNames.shared
        var out: [String] = []
        var i = 0
        while i < tokens.count {
            var start = i
            if tokens[i] == "the", i + 1 < tokens.count { start = i + 1 }
            var matched = false
            if countries.firstTokens.contains(tokens[start]) {
                var length = min(countries.longestName, tokens.count - start)
                while length >= 1 {
                    let phrase = tokens[start..<(start + length)].joined(separator: " ")
                    if let code = countries.names[phrase] {
                        out.append("#" + code)
                        i = start + length
                        matched = true
                        break
                    }
                    length -= 1
                }
            }
            if !matched {
                out.append(tokens[i])
                i += 1
            }
        }
        if out.count >= 2, let last = out.last, !last.hasPrefix("#"), let code = countries.codes[last] {
            out[out.count - 1] = "#" + code
        }
        return out
    }

    /// Removes legal suffixes from the end (looking past a final country word: "Widget Ltd UK"),
    /// keeping at least one word, and returns the class of the outermost one.
    private func stripLegalSuffixes(_ tokens: inout [String]) -> String? {
        var form: String?
        for _ in 0..<3 {
            let tail = (tokens.last?.hasPrefix("#") ?? false) ? 1 : 0
            let bodyEnd = tokens.count - tail
            guard bodyEnd >= 2, OrganizationVocabulary.legalSuffixTokens.contains(tokens[bodyEnd - 1]) else { break }
            var found = false
            for suffix in OrganizationVocabulary.legalSuffixes {
                let n = suffix.tokens.count
                guard bodyEnd - n >= 1 else { continue }
                if tokens[(bodyEnd - n)..<bodyEnd].elementsEqual(suffix.tokens) {
                    if form == nil { form = suffix.form }
                    tokens.removeSubrange((bodyEnd - n)..<bodyEnd)
                    found = true
                    break
                }
            }
            if !found { break }
        }
        return form
    }
}

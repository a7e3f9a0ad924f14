import Foundation

/// The comparison form of an organization or department name.
public struct NormalizedName: Sendable, Hashable {
    /// Identifying words in their original order: folded, countries as "#xx" (ISO alpha-2), cities
    /// as "#munich" (`CityNames`),
    /// abbreviations expanded, plurals reduced; legal suffix and department designators removed.
    public var tokens: [String]
    /// Class of the legal suffix set aside ("inc", "gmbh", "bv", ...), nil when there is none.
    public var legalForm: String?
    /// The words after folding only. Two spellings with the same surface differ only in case,
    /// spacing, punctuation, diacritics or look-alike letters, so replacing one with the other
    /// is always safe.
    public var surface: String
    /// Key of the German/Nordic transliteration ("Müller" → "Mueller", "Bjørn" → "Bjoern"), when
    /// the name has a letter that has one; folding alone gives "Muller".
    public var transliteratedKey: String?
    /// Key of the name without a legal form glued to its last word ("CONTOSOAG", "AcmeGmbH",
    /// "WIDGETN.V."), and that form's class. Used only when another spelling has that key.
    public var gluedStemKey: String?
    public var gluedForm: String?
    /// Key of the name without an appended city ("Widget N.V., Amsterdam", "Acme Inc (Paris)").
    /// Used only when another spelling has that key.
    public var branchStemKey: String?

    /// Stage-1 key: order-insensitive, so "Widget Germany" and "Germany Widget" collide.
    public var key: String { tokens.sorted().joined(separator: " ") }
    /// Space-insensitive form: "VanArsdel" and "Van Arsdel" collide.
    public var compact: String { tokens.joined() }
}

/// Produces `NormalizedName`s. Stateless apart from the shared country and city tables; cheap to copy.
public struct NameNormalizer: Sendable {
    public init() {}

    public func normalize(_ raw: String) -> NormalizedName {
        var name = normalizeWords(raw)
        // Cheap byte checks first: most values are ASCII, end in an ordinary word and append nothing.
        let bytes = raw.utf8
        if bytes.contains(where: { $0 == 0xC3 }), raw.unicodeScalars.contains(where: { Self.transliterations[$0] != nil }) {
            var spelled = String.UnicodeScalarView()
            for s in raw.unicodeScalars { if let t = Self.transliterations[s] { spelled.append(contentsOf: t.unicodeScalars) } else { spelled.append(s) } }
            name.transliteratedKey = normalizeWords(String(spelled)).key
        }
        let lastWord = bytes.reversed().drop { $0 == 0x20 }.prefix { $0 != 0x20 }
        let isUpper = { (b: UInt8) in b >= 0x41 && b <= 0x5A }, isLower = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
        // Read backwards: a capital after (before, here) a small letter, or capitals and no small letter.
        if name.legalForm == nil, lastWord.contains(where: isUpper),
           !lastWord.contains(where: isLower) || zip(lastWord, lastWord.dropFirst()).contains(where: { isUpper($0) && isLower($1) }),
           let (stem, form) = Self.gluedLegalForm(raw) {
            name.gluedStemKey = normalizeWords(stem).key
            name.gluedForm = form
        }
        // An appended city is the name's last token; the rest, without it, is the branch's stem.
        if name.tokens.count >= 2, let city = name.tokens.last, city.utf8.count > 3, city.hasPrefix("#"),
           let appended = Self.appendedPart(raw) {
            let words = NameTokenizer.tokens(of: FoldForKey.fold(String(appended)))
            if CityNames.shared.city(words[...]) == city {
                name.branchStemKey = name.tokens.dropLast().sorted().joined(separator: " ")
            }
        }
        return name
    }

    /// The conventional transliterations that folding to ASCII does not give (it drops the dots:
    /// "ü" → "u"); "ß" and "æ" already fold to "ss" and "ae". All are two UTF-8 bytes led by C3.
    static let transliterations: [Unicode.Scalar: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
        "ø": "oe", "Ø": "Oe", "å": "aa", "Å": "Aa",
    ]

    /// Legal forms as they appear glued to the last word. Only read as glued where the writing shows
    /// the boundary: a lower-case letter before a capitalised form ("AcmeGmbH", "WidgetN.V.") or a
    /// word all in capitals ("CONTOSOAG"), and at least three letters before it ("BAG" is a word).
    static let gluedForms: [(spelling: String, upper: String, form: String)] = {
        let spellings = ["GmbH", "AG", "NV", "N.V.", "BV", "B.V.", "SA", "S.A.", "SE", "Inc", "Inc.", "Ltd", "Ltd.",
                         "LLC", "PLC", "Plc", "SpA", "S.p.A.", "Srl", "S.r.l.", "SRL", "AB", "Oy", "Oyj", "KG", "SAS",
                         "S.A.S.", "SARL", "Corp", "Corp.", "LLP", "ApS", "KK", "BVBA"]
        return spellings.compactMap { spelling in
            let tokens = NameTokenizer.tokens(of: spelling.lowercased())
            guard let suffix = OrganizationVocabulary.legalSuffixes.first(where: { $0.tokens == tokens }) else { return nil }
            return (spelling, spelling.uppercased(), suffix.form)
        }.sorted { $0.spelling.count > $1.spelling.count }
    }()

    static func gluedLegalForm(_ raw: String) -> (stem: String, form: String)? {
        // Organization names are nearly all ASCII: there, Characters are bytes (CR LF, the one two-byte
        // Character, is neither a letter nor a space), so the bytes give the same answer cheaper.
        guard raw.utf8.allSatisfy({ $0 < 0x80 }) else { return characterGluedLegalForm(raw) }
        let glued = raw.utf8.withContiguousStorageIfAvailable(asciiGluedLegalForm)
            ?? Array(raw.utf8).withUnsafeBufferPointer(asciiGluedLegalForm)
        return glued.map { (String(decoding: raw.utf8.dropFirst($0.stem.lowerBound).prefix($0.stem.count), as: UTF8.self), $0.form) }
    }

    /// `gluedLegalForm` on an ASCII name's bytes: where the stem lies and the form's class.
    static func asciiGluedLegalForm(_ bytes: UnsafeBufferPointer<UInt8>) -> (stem: Range<Int>, form: String)? {
        let isBlank = { (b: UInt8) in b == 0x20 || b == 0x09 }  // `.whitespaces` in ASCII
        let isUpper = { (b: UInt8) in b >= 0x41 && b <= 0x5A }, isLower = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
        var start = 0, end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        var wordStart = end
        while wordStart > start, bytes[wordStart - 1] != 0x20 { wordStart -= 1 }
        let word = bytes[wordStart..<end]
        let allCaps = word.contains(where: { isUpper($0) || isLower($0) }) && !word.contains(where: isLower)
        guard allCaps || zip(word, word.dropFirst()).contains(where: { isLower($0) && isUpper($1) }) else { return nil }
        for (spelling, upper, form) in gluedForms {
            let n = spelling.utf8.count
            guard word.count >= n else { continue }
            let tail = word.suffix(n)
            let matched: Bool
            if tail.elementsEqual(spelling.utf8) {
                matched = (word.count > n && isLower(word[end - n - 1])) || allCaps
            } else {
                matched = allCaps && tail.elementsEqual(upper.utf8)
            }
            guard matched else { continue }
            let before = word.dropLast(n)
            guard before.count >= 3, before.suffix(3).allSatisfy({ isUpper($0) || isLower($0) }) else { return nil }
            return (start..<(end - n), form)
        }
        return nil
    }

    /// `gluedLegalForm` on Characters, for names that are not all ASCII.
    static func characterGluedLegalForm(_ raw: String) -> (stem: String, form: String)? {
        let trimmed = raw.trimmingWhitespace()
        // A String, not a Substring: its suffix tests take the standard library's fast path.
        let lastWord = String(trimmed[(trimmed.lastIndex(of: " ").map { trimmed.index(after: $0) } ?? trimmed.startIndex)...])
        let allCaps = lastWord.contains(where: \.isLetter) && !lastWord.contains(where: \.isLowercase)
        // Most names end in an ordinary word: no capital after a small letter, not all capitals.
        guard allCaps || zip(lastWord, lastWord.dropFirst()).contains(where: { $0.isLowercase && $1.isUppercase }) else { return nil }
        for (spelling, upper, form) in gluedForms {
            let matched: Bool
            if lastWord.hasSuffix(spelling) {
                let before = lastWord.dropLast(spelling.count)
                matched = (before.last?.isLowercase ?? false) || allCaps
            } else {
                matched = allCaps && lastWord.hasSuffix(upper)
            }
            guard matched else { continue }
            let before = lastWord.dropLast(spelling.count)
            guard before.count >= 3, before.suffix(3).allSatisfy(\.isLetter) else { return nil }
            return (String(trimmed.dropLast(spelling.count)), form)
        }
        return nil
    }

    /// The text after the last separator ("Widget N.V., Amsterdam", "Acme Inc - Houston",
    /// "Acme Inc (Paris)"), found on the bytes: a comma, a spaced hyphen or dash, or a final
    /// parenthesis.
    static func appendedPart(_ raw: String) -> Substring? {
        let utf8 = raw.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        guard end > utf8.startIndex else { return nil }
        let last = utf8.index(before: end)
        if utf8[last] == UInt8(ascii: ")") {
            guard let open = utf8[..<last].lastIndex(of: UInt8(ascii: "(")), open > utf8.startIndex else { return nil }
            return raw[utf8.index(after: open)..<last]
        }
        var i = last
        while i > utf8.startIndex {
            let b = utf8[i]
            let previous = utf8.index(before: i)
            if b == UInt8(ascii: ",") { return raw[utf8.index(after: i)..<end] }
            // " - ", " – " (E2 80 93), " — " (E2 80 94): i is on the space after the dash.
            if b == 0x20 {
                if utf8[previous] == UInt8(ascii: "-"), previous > utf8.startIndex, utf8[utf8.index(before: previous)] == 0x20 {
                    return raw[utf8.index(after: i)..<end]
                }
                if utf8[previous] == 0x93 || utf8[previous] == 0x94,
                   let lead = utf8.index(previous, offsetBy: -3, limitedBy: utf8.startIndex),
                   utf8[lead] == 0x20, utf8[utf8.index(after: lead)] == 0xE2 {
                    return raw[utf8.index(after: i)..<end]
                }
            }
            i = previous
        }
        return nil
    }

    /// The name's words, countries, cities and legal form, without the alternative keys.
    private func normalizeWords(_ raw: String) -> NormalizedName {
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
        if tokens.count > 1, tokens[tokens.count - 1] == "the" { tokens.removeLast() }  // "Hershey Company, The"

        tokens = replaceCountries(tokens)
        var legalForm = stripLegalSuffixes(&tokens)
        if legalForm == nil {
            for prefix in OrganizationVocabulary.legalPrefixes
            where tokens.count > prefix.tokens.count && tokens.starts(with: prefix.tokens) {
                tokens.removeFirst(prefix.tokens.count)
                legalForm = prefix.form
                break
            }
        }

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
            if countries.startsName(tokens[start]) {
                var length = min(countries.longestName, tokens.count - start)
                while length >= 1 {
                    let phrase = tokens[start..<(start + length)].joined(separator: " ")
                    if let code = countries.name(phrase) {
                        out.append("#" + code)
                        i = start + length
                        matched = true
                        break
                    }
                    length -= 1
                }
            }
            if !matched, let city = cityAt(tokens, i) {
                out.append(city.token)
                i += city.length
                matched = true
            }
            if !matched {
                out.append(tokens[i])
                i += 1
            }
        }
        if out.count >= 2, let last = out.last, !last.hasPrefix("#"), let code = countries.code(last) {
            out[out.count - 1] = "#" + code
        }
        return out
    }

    /// The longest city spelling starting at `start`, as its token and its number of words.
    private func cityAt(_ tokens: [String], _ start: Int) -> (token: String, length: Int)? {
        let cities = CityNames.shared
        guard cities.startsName(tokens[start]) else { return nil }
        var length = min(cities.longestName, tokens.count - start)
        while length >= 1 {
            if let token = cities.city(tokens[start..<(start + length)]) { return (token, length) }
            length -= 1
        }
        return nil
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

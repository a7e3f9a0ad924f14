/// Words the normalizer reads as a country that may mean something else: a country code that is also a US
/// state's or Canadian province's postal code ('Acme DE' may be Acme's Delaware entity, not Acme Germany;
/// 'Acme CA' its California one) or a Swiss canton's, German or Australian state's abbreviation ('Acme SG'
/// may be Acme St. Gallen, not Acme Singapore), an alpha-3 code that is also a common abbreviation or word ('Acme Fin',
/// 'Acme Ind', 'Acme Sur'), and a country name that is also a US state's ('Georgia'); likewise the
/// abbreviations the normalizer expands that are short for other words too ('Int': International, Internal
/// or Interior). A match to a known name that rests on such a reading is a guess, not a safe fix.
enum AmbiguousCountryReading {
    /// What else each word may mean, by folded word. Codes are read as a country only as a name's last word
    /// (`CountryNames`); US territories whose postal code is their own ISO code (PR, GU, VI...) are the same
    /// place either way and are not listed.
    static let otherMeanings: [String: String] = {
        let states = [
            "al": "Alabama", "ak": "Alaska", "az": "Arizona", "ar": "Arkansas", "ca": "California", "co": "Colorado",
            "ct": "Connecticut", "de": "Delaware", "dc": "the District of Columbia", "fl": "Florida", "ga": "Georgia",
            "hi": "Hawaii", "id": "Idaho", "il": "Illinois", "in": "Indiana", "ia": "Iowa", "ks": "Kansas",
            "ky": "Kentucky", "la": "Louisiana", "me": "Maine", "md": "Maryland", "ma": "Massachusetts",
            "mi": "Michigan", "mn": "Minnesota", "ms": "Mississippi", "mo": "Missouri", "mt": "Montana",
            "ne": "Nebraska", "nv": "Nevada", "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico",
            "ny": "New York", "nc": "North Carolina", "nd": "North Dakota", "oh": "Ohio", "ok": "Oklahoma",
            "or": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina", "sd": "South Dakota",
            "tn": "Tennessee", "tx": "Texas", "ut": "Utah", "vt": "Vermont", "va": "Virginia", "wa": "Washington",
            "wv": "West Virginia", "wi": "Wisconsin", "wy": "Wyoming",
        ].mapValues { "the postal code of the US state \($0)" }
        let provinces = [
            "ab": "Alberta", "bc": "British Columbia", "mb": "Manitoba", "nb": "New Brunswick",
            "nl": "Newfoundland and Labrador", "ns": "Nova Scotia", "nt": "the Northwest Territories", "nu": "Nunavut",
            "on": "Ontario", "pe": "Prince Edward Island", "qc": "Quebec", "sk": "Saskatchewan", "yt": "Yukon",
        ].mapValues { "the postal code of the Canadian province \($0)" }
        // Swiss cantons, German states and Australian states whose usual abbreviation is a country code.
        let cantons = [
            "ag": "Aargau", "ai": "Appenzell Innerrhoden", "ar": "Appenzell Ausserrhoden", "be": "Bern",
            "bl": "Basel-Landschaft", "bs": "Basel-Stadt", "fr": "Fribourg", "ge": "Geneva", "gl": "Glarus",
            "gr": "Graubünden", "lu": "Lucerne", "ne": "Neuchâtel", "sg": "St. Gallen", "sh": "Schaffhausen",
            "so": "Solothurn", "sz": "Schwyz", "tg": "Thurgau",
        ].mapValues { "the abbreviation of the Swiss canton \($0)" }
        let germanStates = [
            "bb": "Brandenburg", "be": "Berlin", "bw": "Baden-Württemberg", "by": "Bavaria", "mv": "Mecklenburg-Vorpommern",
            "ni": "Lower Saxony", "sh": "Schleswig-Holstein", "sl": "Saarland", "sn": "Saxony", "st": "Saxony-Anhalt",
            "th": "Thuringia",
        ].mapValues { "the abbreviation of the German state \($0)" }
        let australianStates = ["sa": "South Australia"].mapValues { "the abbreviation of the Australian state \($0)" }
        let words = [
            "fin": "an abbreviation of Finance or Financial", "ind": "an abbreviation of Industries or Industrial",
            "com": "an abbreviation of Communications or Commercial", "sur": "Spanish for 'south'",
            "georgia": "the name of a US state", "st": "short for Saint, Street or State",
        ]
        return [provinces, cantons, germanStates, australianStates, words].reduce(states) { all, more in
            all.merging(more) { a, b in "\(a), and \(b)" }
        }
    }()

    /// The abbreviations `OrganizationVocabulary.abbreviations` expands that are short for other words too,
    /// with those words.
    static let otherExpansions: [String: String] = [
        "int": "short for Internal or Interior", "ins": "short for Institute", "dist": "short for District",
        "st": "short for Street or State", "dev": "short for Devices", "tech": "short for Technical",
        "eng": "short for English", "mt": "short for Mountain or Montana", "acct": "short for Account",
    ]

    /// Why matching `value` to the known name `known` is a guess, or nil when it rests on no ambiguous
    /// reading: both read the same ambiguous words (in any order), or neither reads one.
    static func doubt(_ value: String, matchedTo known: String) -> String? {
        let ours = readings(of: value), theirs = readings(of: known)
        guard let (word, name) = unmatched(ours, theirs).map({ ($0, value) }) ?? unmatched(theirs, ours).map({ ($0, known) })
        else { return nil }
        let written = word.utf8.count == 2 && otherMeanings[word] != nil ? word.uppercased() : word.prefix(1).uppercased() + word.dropFirst()
        if let other = otherMeanings[word] {
            return "only if '\(written)' in '\(name)' stands for a country: it is also \(other)"
        }
        let expansion = OrganizationVocabulary.abbreviations[word]!
        return "only if '\(written)' in '\(name)' stands for \(expansion.prefix(1).uppercased() + expansion.dropFirst()): it is also \(otherExpansions[word]!)"
    }

    /// A word of `words` that `others` does not also read as often ('Acme Tech Dev' and 'Acme Dev Tech' read
    /// the same words), or nil.
    private static func unmatched(_ words: [String], _ others: [String]) -> String? {
        var rest = others
        for word in words {
            guard let index = rest.firstIndex(of: word) else { return word }
            rest.remove(at: index)
        }
        return nil
    }

    /// The words of `raw` that the normalizer reads as a country or expands and that may mean something else.
    static func readings(of raw: String) -> [String] {
        var tokens = NameTokenizer.tokens(of: FoldForKey.fold(raw))
        if tokens.count > 1, tokens.last == "the" { tokens.removeLast() }  // 'Acme DE, The'
        var found: [String] = []
        // A country name anywhere ('Acme Georgia'), unless part of a longer one ('South Georgia').
        for (i, t) in tokens.enumerated() where t == "georgia" && (i == 0 || tokens[i - 1] != "south") { found.append(t) }
        if tokens.count >= 2, let last = tokens.last, last != "georgia", otherMeanings[last] != nil,
           CountryNames.shared.code(last) != nil {
            found.append(last)
        }
        for (i, t) in tokens.enumerated() where otherExpansions[t] != nil {
            // As the last of several words a code is read as a country first ('Acme MT' is Malta's code).
            if i == tokens.count - 1, tokens.count >= 2, CountryNames.shared.code(t) != nil { continue }
            found.append(t)
        }
        return found
    }
}

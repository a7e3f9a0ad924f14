import CICU

/// Country names in several languages, from ICU's locale data (uloc_getDisplayCountry) rather
/// than a hand-written list, plus ISO alpha-2/alpha-3 codes and the informal names directories use.
/// "Widget Deutschland", "Widget Germany" and "Widget DE" all become the token "#de".
struct CountryNames: Sendable {
    /// `name` lines (folded, space-joined name → ISO alpha-2, lowercase) and `code` lines (alpha-2 and
    /// alpha-3, lowercase → alpha-2; read as a country only as a name's last word).
    private let table: SortedKeyTable
    private static let nameKind = 0, codeKind = 1

    static let displayLocales = ["en", "de", "fr", "nl", "es", "pt", "pl", "it", "sv", "da", "nb", "fi",
                                 "cs", "hu", "ro", "tr", "ar", "fa", "el", "ru", "uk", "he", "zh", "zh_Hant", "ja", "ko"]

    static let informal: [String: String] = [
        "usa": "us", "u s a": "us", "u s": "us", "united states of america": "us", "the united states": "us",
        "uk": "gb", "u k": "gb", "great britain": "gb", "britain": "gb", "holland": "nl",
        "czech republic": "cz", "turkey": "tr", "ivory coast": "ci", "uae": "ae",
        "united arab emirates": "ae", "south korea": "kr", "russia": "ru",
    ]

    /// Codes that are also common words or legal suffixes; never read as a country.
    static let ambiguousCodes: Set<String> = ["and", "can", "per", "arm", "mar", "pan", "sen", "nor", "lie",
                                              "dom", "cub", "tur", "aus", "bel", "col", "ita", "est"]

    /// The table shipped in `rules/tables/country-names.tsv` (computing it from ICU folds some 5,000
    /// display names through a transliterator, about 0.1 s at every start); computed when it is missing.
    static let shared = CountryNames(table: EmbeddedRules.files["tables/country-names.tsv"]) ?? CountryNames()

    /// Reads a table as `computedTable` writes it; nil unless it is well formed and in order.
    init?(table: String?) {
        guard let table, let sorted = SortedKeyTable(table, kinds: ["name", "code"]) else { return nil }
        self.table = sorted
    }

    /// The alpha-2 code (lowercase) of a folded, space-joined country name.
    func name(_ key: String) -> String? { table.value(of: key, kind: Self.nameKind) }

    /// The alpha-2 code (lowercase) of an alpha-2 or alpha-3 code.
    func code(_ key: String) -> String? { table.value(of: key, kind: Self.codeKind) }

    /// Whether some name is the word `word` or starts with it.
    func startsName(_ word: String) -> Bool { table.startsKey(word, kind: Self.nameKind) }

    /// The most words a name has.
    var longestName: Int { table.longestKey[Self.nameKind] }

    /// The ICU version a table's first line names, if any.
    static func icuVersion(ofTable table: String) -> String? {
        let prefix = "# Generated from ICU "
        guard let first = table.split(separator: "\n", maxSplits: 1).first, first.hasPrefix(prefix) else { return nil }
        let version = first.dropFirst(prefix.count).prefix { $0 != "'" }
        return version.isEmpty || !version.first!.isNumber ? nil : String(version)
    }

    /// The table computed from ICU's locale data.
    init() {
        self.init(table: Self.computedTable())!
    }

    /// The table computed from ICU's locale data, as `rules/tables/country-names.tsv` holds it; its first line
    /// names the ICU version.
    static func computedTable() -> String {
        var names: [String: String] = [:]
        var ambiguous: Set<String> = []
        var codes: [String: String] = [:]
        func add(_ raw: String, _ code: String) {
            let key = NameTokenizer.tokens(of: FoldForKey.fold(raw)).joined(separator: " ")
            guard !key.isEmpty else { return }
            if let existing = names[key], existing != code { ambiguous.insert(key) }
            names[key] = code
        }
        var buffer = [CChar](repeating: 0, count: 256)
        for index in 0..<cicu_region_count() {
            guard let cCode = cicu_region_code(index) else { continue }
            let alpha2 = String(cString: cCode)
            let code = alpha2.lowercased()
            for locale in Self.displayLocales {
                let n = cicu_region_display_name(cCode, locale, &buffer, 256)
                if n > 0 {
                    let name = String(decoding: buffer[0..<Int(n)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    if name != alpha2 { add(name, code) }
                }
            }
            codes[code] = code
            if let a3 = cicu_region_alpha3(cCode) {
                let alpha3 = String(cString: a3).lowercased()
                if !alpha3.isEmpty { codes[alpha3] = code }
            }
        }
        for (name, code) in Self.informal { add(name, code) }
        for key in ambiguous { names[key] = nil }
        for key in Self.ambiguousCodes { codes[key] = nil }
        // Only whole one-word suffixes: "de" of "S.A. de C.V." must stay Germany's code.
        for suffix in OrganizationVocabulary.legalSuffixes where suffix.tokens.count == 1 { codes[suffix.tokens[0]] = nil }
        // A two-letter word that is a whole country name in some language is still only a code.
        return SortedKeyTable.text(header: "# Generated from ICU \(ICUBridge.version)'s region display names by CountryNames (see CountryNamesTableTests); do not edit.\n",
                                   [("name", names), ("code", codes)])
    }
}

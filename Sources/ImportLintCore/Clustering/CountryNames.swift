import CICU

/// Country names in several languages, from ICU's locale data (uloc_getDisplayCountry) rather
/// than a hand-written list, plus ISO alpha-2/alpha-3 codes and the informal names directories use.
/// "Widget Deutschland", "Widget Germany" and "Widget DE" all become the token "#de".
struct CountryNames: Sendable {
    /// Folded, space-joined name → ISO alpha-2 (lowercase).
    let names: [String: String]
    /// Codes (alpha-2 and alpha-3, lowercase) → alpha-2; read as a country only as a name's last word.
    let codes: [String: String]
    /// First tokens of multi-word names, to skip most lookups quickly.
    let firstTokens: Set<String>
    let longestName: Int

    static let displayLocales = ["en", "de", "fr", "nl", "es", "pt", "pl", "it", "sv", "da", "nb", "fi",
                                 "cs", "hu", "ro", "tr", "ar", "fa", "el", "ru"]

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

    /// Parses the shipped table: `name<TAB>folded name<TAB>alpha-2` and `code<TAB>code<TAB>alpha-2` lines.
    /// It is built at the start of every run that lints (`Preload`), so it is scanned as bytes, and the
    /// names' first words are taken while each name's bytes are at hand: splitting its 3,400 lines with the
    /// standard library's `split` cost as much as clustering a file's values.
    init?(table: String?) {
        guard var text = table else { return nil }
        var names: [String: String] = [:], codes: [String: String] = [:]
        names.reserveCapacity(4096)
        codes.reserveCapacity(1024)
        var spaced = SpacedNames(capacity: 4096)
        let parsed = text.withUTF8 { bytes -> Bool in
            func field(_ from: Int, _ to: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: bytes[from..<to]) }
            func isWord(_ kind: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
                kind.elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount))
            }
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if bytes[start] == 0x23 || start == end { continue }
                var tabCount = 0, firstTab = end, secondTab = end
                for i in start..<end where bytes[i] == 0x09 {
                    tabCount += 1
                    if tabCount == 1 { firstTab = i } else { secondTab = i }
                }
                guard tabCount == 2 else { return false }
                let kind = field(start, firstTab), keyBytes = field(firstTab + 1, secondTab)
                let key = String(decoding: keyBytes, as: UTF8.self)
                let value = String(decoding: field(secondTab + 1, end), as: UTF8.self)
                if isWord(kind, "name") {
                    names[key] = value
                    spaced.add(key, bytes: keyBytes)
                } else if isWord(kind, "code") {
                    codes[key] = value
                } else {
                    return false
                }
            }
            return true
        }
        guard parsed else { return nil }
        self.init(names: names, codes: codes, spaced: spaced)
    }

    /// `spaced`: the first words of `names`, when the caller took them already.
    init(names: [String: String], codes: [String: String], spaced: SpacedNames? = nil) {
        self.names = names
        self.codes = codes
        let spaced = spaced ?? SpacedNames(names.keys)
        firstTokens = spaced.firstTokens
        longestName = spaced.longestName
    }

    /// The table as `rules/tables/country-names.tsv` holds it; its first line names the ICU version.
    var tableText: String {
        var out = "# Generated from ICU \(ICUBridge.version)'s region display names by CountryNames (see CountryNamesTableTests); do not edit.\n"
        for (name, code) in names.sorted(by: { $0.key < $1.key }) { out += "name\t\(name)\t\(code)\n" }
        for (code, alpha2) in codes.sorted(by: { $0.key < $1.key }) { out += "code\t\(code)\t\(alpha2)\n" }
        return out
    }

    /// The ICU version a table's first line names, if any.
    static func icuVersion(ofTable table: String) -> String? {
        let prefix = "# Generated from ICU "
        guard let first = table.split(separator: "\n", maxSplits: 1).first, first.hasPrefix(prefix) else { return nil }
        let version = first.dropFirst(prefix.count).prefix { $0 != "'" }
        return version.isEmpty || !version.first!.isNumber ? nil : String(version)
    }

    /// Computes the table from ICU's locale data.
    init() {
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
        self.init(names: names, codes: codes)
    }
}

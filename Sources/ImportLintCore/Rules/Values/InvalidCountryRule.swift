import Foundation

/// VAL008: ISO 3166-1 alpha-2 country codes, checked with ICU's region data.
/// Lowercase codes, alpha-3 ('FRA'), numeric ('250') and deprecated aliases ('UK') map to one territory:
/// safe fix. A country name that ICU's display names in 26 languages give exactly one code
/// (rules/tables/country-names.tsv: 'Germany', 'Deutschland', 'United Kingdom', '日本', 'Германия') gets a safe fix too,
/// unless people commonly mean something else by it ('Georgia', a US state; 'Columbia', a Canadian province
/// and a US district; 'Congo' and 'Korea', two countries each; 'Macedonia', also a Greek region). Other names
/// ('England', 'America') get an unsafe fix.
/// Codes ICU knows that ISO 3166-1 has not assigned ('IC', 'XK') are never a safe fix's target.
enum CountryRule {
    /// Folded country name → alpha-2, from ICU display names in several languages plus common aliases.
    static let namesToCode: [String: String] = {
        var map: [String: String] = [:]
        let languages = ["en", "nl", "de", "fr", "es", "pt", "it", "da", "sv", "pl"]
        for code in ICUBridge.territories {
            for language in languages {
                if let name = ICUBridge.regionName(code, in: language) {
                    let key = fold(name)
                    if map[key] == nil { map[key] = code }
                }
            }
        }
        let aliases = ["usa": "US", "u.s.a.": "US", "u.s.": "US", "united states of america": "US", "america": "US",
                       "great britain": "GB", "britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
                       "holland": "NL", "the netherlands": "NL", "czech republic": "CZ", "south korea": "KR",
                       "korea": "KR", "russia": "RU", "uae": "AE", "turkey": "TR", "ivory coast": "CI"]
        for (name, code) in aliases where map[name] == nil { map[name] = code }
        return map
    }()

    /// ISO 3166-1's own short names and the names Active Directory writes ('Korea, Republic of', 'Hong Kong
    /// S.A.R.') that ICU's display names miss, by the same key as `CountryNames` (rules/tables/country-aliases.tsv).
    static let aliasCodes: [String: String] = {
        var map: [String: String] = [:]
        for line in (try? ProfileLoader.tableLines("country-aliases")) ?? [] {
            let parts = line.split(separator: "\t")
            guard parts.count == 2 else { continue }
            map[NameTokenizer.tokens(of: FoldForKey.fold(String(parts[0]))).joined(separator: " ")] = String(parts[1])
        }
        return map
    }()

    /// Names that ICU maps to one code but that people also use for another place. 'Columbia' is Colombia
    /// only in Romanian; in an English address it is British Columbia, the District of Columbia or a city.
    /// Georgia is also the US state in Korean, Japanese, Chinese and Arabic ('조지아(주)', 'ジョージア州'); Korean
    /// '도미니카' is mostly the Dominican Republic (DO), which CLDR names '도미니카 공화국'; Arabic 'عمان' is Oman
    /// and, without its vowel marks, Amman; Chinese '尼日' is Niger, and short for Nigeria (尼日利亚).
    /// Never a safe fix, nor an unsafe one but by English's own reading (`namesToCode`: 'Georgia').
    static let practicallyAmbiguous: Set<String> = keys(["georgia", "congo", "korea", "macedonia", "virgin islands", "columbia",
                                                          "조지아", "ジョージア", "喬治亞", "乔治亚", "جورجيا", "도미니카", "عمان", "尼日"])
        .union(alsoCommonWords)

    /// CLDR names whose country is what a country column means by them, but that are also common words or
    /// another place (session 31's audit of the zh, ja, ko, uk/ru and he names): never a safe fix, an
    /// unsafe one. Chinese 黑山 (also a county of Liaoning); the garment or fabric in Japanese ジャージー,
    /// Hebrew ג׳רזי, Russian and Ukrainian джерси/джерсі and Korean 저지 (also 'prevention'); Japanese タイ
    /// ('tie', sea bream), マリ (a given name), チリ ('dust', chili), コロンビア (also Columbia, the brand and
    /// the university); Korean 오만 ('arrogance', 50,000), 수단 ('means'), 피지 ('sebum'), 부탄 and Cyrillic
    /// бутан ('butane'); Hebrew ירדן (the river, a given name), קובה (kubbeh, a dish); Russian чад ('fumes'),
    /// чили and Ukrainian чилі (chili), куба ('of a cube'), Ukrainian мали/малі ('had', 'small'), оман ('delusion').
    static let alsoCommonWords: Set<String> = keys(["黑山", "ジャージー", "タイ", "マリ", "チリ", "コロンビア", "저지", "오만", "수단",
                                                     "피지", "부탄", "ג׳רזי", "ירדן", "קובה", "джерси", "джерсі", "чад", "чили",
                                                     "чилі", "куба", "мали", "малі", "оман", "бутан"])

    private static func keys(_ names: [String]) -> Set<String> {
        Set(names.map { NameTokenizer.tokens(of: FoldForKey.fold($0)).joined(separator: " ") })
    }

    static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingWhitespace()
    }

    /// Territories of ICU's (CLDR's) region list that ISO 3166-1 has not assigned a code: exceptionally
    /// reserved codes, with the ISO 3166-1 country each place belongs to, and Kosovo's user-assigned 'XK'.
    static let unassignedByISO: [String: String?] = ["AC": "SH", "CP": "FR", "CQ": "GG", "DG": "IO", "EA": "ES",
                                                     "IC": "ES", "TA": "SH", "XK": nil]

    static func check(_ value: String, target: TargetWording) -> [ValueFinding] {
        if value.count == 2, value == value.uppercased(), let code = ICUBridge.regionAlpha2(value), code == value {
            return unassignedByISO[code].map { [unassigned(value, code: code, parent: $0, target: target)] } ?? []
        }
        if value.count <= 3, value.unicodeScalars.allSatisfy({ $0.value < 0x80 && ($0.properties.isAlphabetic || $0.properties.numericType != nil) }),
           let code = ICUBridge.regionAlpha2(value) {
            if let parent = unassignedByISO[code] { return [unassigned(value, code: code, parent: parent, target: target)] }
            let name = ICUBridge.regionName(code, in: "en") ?? code
            if value.count == 2 && value.uppercased() == code {
                return [ValueFinding(.invalidCountry, "'\(value)' is the ISO 3166-1 alpha-2 code '\(code)' (\(name)) in lowercase; whether \(target.name) matches it is not documented",
                                     fix: Fix(.safe, "Replace with '\(code)'", replacement: code), severity: .warning)]
            }
            // 'UK' was never assigned: ISO 3166 reserves it exceptionally, as the United Kingdom asked.
            let what = value.uppercased() == "UK" ? "is no ISO 3166-1 code (ISO reserves it only exceptionally, at the United Kingdom's request)"
                : value.count == 2 ? "is an old code" : (value.allSatisfy(\.isNumber) ? "is a numeric code" : "is an alpha-3 code")
            return [ValueFinding(.invalidCountry, "'\(value)' \(what); \(target.name) expects the ISO 3166-1 alpha-2 code '\(code)' (\(name)), and what it does with another value is not documented",
                                 fix: Fix(.safe, "Replace with '\(code)'", replacement: code))]
        }
        let key = NameTokenizer.tokens(of: FoldForKey.fold(value)).joined(separator: " ")
        if let code = CountryNames.shared.name(key)?.uppercased() ?? namesToCode[fold(value)], let parent = unassignedByISO[code] {
            return [unassigned(value, code: code, parent: parent, target: target)]
        }
        if !practicallyAmbiguous.contains(key), let code = CountryNames.shared.name(key)?.uppercased() ?? aliasCodes[key] {
            return [ValueFinding(.invalidCountry, "'\(value)' is a country name; \(target.name) expects the ISO 3166-1 alpha-2 code '\(code)'",
                                 fix: Fix(.safe, "Replace with '\(code)'", replacement: code))]
        }
        if let code = namesToCode[fold(value)] {
            return [ValueFinding(.invalidCountry, "'\(value)' is a country name; \(target.name) expects the ISO 3166-1 alpha-2 code '\(code)'",
                                 fix: Fix(.unsafe, "Replace with '\(code)'", replacement: code))]
        }
        if alsoCommonWords.contains(key), let code = CountryNames.shared.name(key)?.uppercased() {
            let name = ICUBridge.regionName(code, in: "en") ?? code
            return [ValueFinding(.invalidCountry, "'\(value)' is a name of \(name) ('\(code)') that also stands for something else (another place or a common word); \(target.name) expects an ISO 3166-1 alpha-2 code",
                                 fix: Fix(.unsafe, "Replace with '\(code)'", replacement: code))]
        }
        return [ValueFinding(.invalidCountry, "'\(value)' is not an ISO 3166-1 alpha-2 country code (such as 'US' or 'FR')")]
    }

    /// A place whose CLDR code `code` is not an ISO 3166-1 code. The code itself is a warning (the documents
    /// ask for ISO 3166-1 and do not say whether the target takes it); the fix to the ISO 3166-1 country the
    /// place belongs to (Canary Islands: 'ES') is a guess at what the address needs, so it is unsafe.
    private static func unassigned(_ value: String, code: String, parent: String?, target: TargetWording) -> ValueFinding {
        let place = ICUBridge.regionName(code, in: "en") ?? code
        let status = parent.map { "ISO 3166-1 counts \(place) as part of '\($0)' (\(ICUBridge.regionName($0, in: "en") ?? $0)); '\(code)' is only exceptionally reserved" }
            ?? "ISO 3166-1 has no code for \(place); '\(code)' is a user-assigned code"
        let fix = (parent ?? (value == code ? nil : code)).map { Fix(.unsafe, "Replace with '\($0)'", replacement: $0) }
        if value == code {
            return ValueFinding(.invalidCountry, "'\(value)' (\(place)) is not an ISO 3166-1 alpha-2 code, which \(target.name) expects: \(status); whether \(target.name) accepts '\(code)' is not documented",
                                fix: fix, severity: .warning)
        }
        let undocumented = parent == nil ? "; whether \(target.name) accepts '\(code)' is not documented" : ""
        return ValueFinding(.invalidCountry, "'\(value)' is not an ISO 3166-1 alpha-2 code, which \(target.name) expects: \(status)\(undocumented)", fix: fix)
    }
}

extension RuleDescriptor {
    public static let invalidCountry = RuleDescriptor(
        code: "VAL008", name: "invalid-country", severity: .error, fix: .sometimes,
        summary: "A country column holds something other than an ISO 3166-1 alpha-2 code",
        explanation: """
            4me's Address Country takes the two-letter ISO 3166-1 code ('US', 'FR'). A country name, a \
            three-letter or numeric code is not that format: an error, with a fix to the code (safe for a name \
            that CLDR's names in 26 languages, Chinese, Japanese, Korean, Russian, Ukrainian, Arabic, Persian, \
            Hebrew and Greek among them, give exactly one code). What 4me does \
            with such a value is not documented. A code in lowercase ('fr') is a warning with a safe fix: \
            whether 4me matches it is not documented.
            """,
        triggeringExample: "Person,Address Label,Address Country\nann@widget.com,home,France\n",
        cleanExample: "Person,Address Label,Address Country\nann@widget.com,home,FR\n")
}

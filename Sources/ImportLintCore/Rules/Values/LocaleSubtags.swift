/// What BCP 47 (RFC 5646) and ISO 639 say about subtags that ICU reads without knowing them: extended
/// language subtags ('zh-cmn'), ISO 639-2's bibliographic codes ('ger'), the special language codes ('zxx')
/// and the private-use region codes ('XA'). VAL003 and VAL005 word their messages by it.
enum LocaleSubtags {
    /// Extended language subtag → the primary language subtag it may follow ('cmn' → 'zh'),
    /// rules/tables/bcp47-extlangs.tsv.
    private static let extlangPrefixes: [String: String] = pairs("bcp47-extlangs")

    /// ISO 639-2/B code → (ISO 639-1 code, language name), rules/tables/iso-639-2-bibliographic.tsv.
    private static let bibliographicCodes: [String: (code: String, name: String)] = {
        var map: [String: (code: String, name: String)] = [:]
        for line in (try? ProfileLoader.tableLines("iso-639-2-bibliographic")) ?? [] {
            let parts = line.split(separator: "\t").map(String.init)
            if parts.count == 3 { map[parts[0]] = (parts[1], parts[2]) }
        }
        return map
    }()

    private static func pairs(_ table: String) -> [String: String] {
        var map: [String: String] = [:]
        for line in (try? ProfileLoader.tableLines(table)) ?? [] {
            let parts = line.split(separator: "\t").map(String.init)
            if parts.count == 2 { map[parts[0]] = parts[1] }
        }
        return map
    }

    /// An extended language subtag in a tag's second place ('zh-cmn'): `language` is the extlang, which
    /// is the canonical tag's language; `prefix` the one language it may follow; `written` what it follows;
    /// `reserved` a second extended language subtag after it ('min' of 'zh-cmn-min'), a place RFC 5646
    /// (section 2.2.2) reserves permanently, so no tag with one is valid.
    struct Extlang {
        let language: String
        let prefix: String?
        let written: String
        let reserved: String?
        var valid: Bool { prefix == written && reserved == nil }
    }

    /// The tag's three-letter second subtag, which BCP 47 reads only as an extended language subtag
    /// (a script has four letters, a region two or three digits); nil when the second subtag is other.
    static func extlang(of subtags: [Substring]) -> Extlang? {
        guard subtags.count >= 2, !isGrandfathered(subtags), isThreeLetters(subtags[1]) else { return nil }
        let extlang = subtags[1].lowercased()
        // A third three-letter subtag is no script (four letters), region (two letters or three digits) or
        // variant (five to eight characters, or a digit and three): it is a second extended language subtag.
        let reserved = subtags.count >= 3 && isThreeLetters(subtags[2]) ? subtags[2].lowercased() : nil
        return Extlang(language: extlang, prefix: extlangPrefixes[extlang], written: subtags[0].lowercased(), reserved: reserved)
    }

    private static func isThreeLetters(_ subtag: Substring) -> Bool {
        subtag.utf8.count == 3 && subtag.allSatisfy { $0.isASCII && $0.isLetter }
    }

    /// RFC 5646's grandfathered tags (section 2.2.8) whose second subtag has three letters: registered
    /// whole ('zh-min-nan' is Min Nan, canonically 'nan'), so that subtag is no extended language subtag.
    private static func isGrandfathered(_ subtags: [Substring]) -> Bool {
        switch subtags.map({ $0.lowercased() }).joined(separator: "-") {
        case "zh-min", "zh-min-nan", "no-bok", "no-nyn", "i-ami", "i-bnn", "i-hak", "i-lux", "i-pwn", "i-tao", "i-tay", "i-tsu": true
        default: false
        }
    }

    /// The ISO 639-1 code and name of an ISO 639-2/B code ('ger' → 'de', German), nil for any other.
    static func bibliographic(_ language: Substring) -> (code: String, name: String)? {
        language.utf8.count == 3 ? bibliographicCodes[language.lowercased()] : nil
    }

    /// What ISO 639's special codes stand for (the registry's Scope 'special'): none names a language.
    static func specialLanguage(_ language: Substring) -> String? {
        switch language.lowercased() {
        case "und": "BCP 47's tag for an undetermined language"
        case "zxx": "ISO 639's code for no linguistic content"
        case "mul": "ISO 639's code for multiple languages"
        case "mis": "ISO 639's code for languages it has no code for"
        default: nil
        }
    }

    /// Whether a region subtag is one BCP 47 reserves for private use: AA, QM to QZ, XA to XZ, ZZ.
    static func isPrivateUseRegion(_ region: Substring) -> Bool {
        let code = Array(region.uppercased().utf8)
        guard code.count == 2, code.allSatisfy({ $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return false }
        switch (code[0], code[1]) {
        case (UInt8(ascii: "A"), UInt8(ascii: "A")), (UInt8(ascii: "Z"), UInt8(ascii: "Z")), (UInt8(ascii: "X"), _): return true
        case (UInt8(ascii: "Q"), let second): return second >= UInt8(ascii: "M")
        default: return false
        }
    }
}

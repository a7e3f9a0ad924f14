/// A profile's locale tags, as its table (`LocaleRule.table`) and the user's `locales:` give them. A class:
/// a `ValueContext`, copied for every value validated, then retains one reference for all three.
public final class LocaleTable: Sendable {
    /// Accepted tags: documented ones, those the table takes on its own reading, and the user's.
    public let supported: Set<String>
    /// The supported tags the target documents.
    public let documented: Set<String>
    /// The languages the target translates, which the table takes without their being documented as tags.
    public let translated: Set<String>
    /// Tags documented as not accepted, with the tag to use instead (4me: 'nl-NL' → 'nl').
    public let rejected: [String: String]

    public init(supported: Set<String>, documented: Set<String>, translated: Set<String> = [], rejected: [String: String] = [:]) {
        self.supported = supported
        self.documented = documented
        self.translated = translated
        self.rejected = rejected
    }

    public static let empty = LocaleTable(supported: [], documented: [])

    /// The table with tags the user's account offers (`locales:` in .importlint.yml); a profile without a
    /// locale list gets none.
    func adding(_ extra: [String]) -> LocaleTable {
        supported.isEmpty || extra.isEmpty ? self : LocaleTable(supported: supported.union(extra), documented: documented, translated: translated, rejected: rejected)
    }
}

/// VAL003 / VAL005: locale tags. ICU decides well-formedness (BCP 47, '_' tolerated), whether the language
/// and region exist, and the canonical spelling ('en_us' → 'en-US', 'iw' → 'he').
enum LocaleRule {
    /// A locale table's lines: a tag per line (documented by the target); a tag, a tab and `translated`
    /// for a language the target translates, which the table takes as a value without it being documented
    /// as one (4me's Do Not Translate Languages); or a tag, a tab and the tag to use for a tag documented
    /// as not accepted (4me: 'nl-NL', use 'nl').
    static func table(_ lines: [String]) -> LocaleTable {
        var supported = Set<String>(), documented = Set<String>(), translated = Set<String>(), rejected: [String: String] = [:]
        for line in lines {
            let parts = line.split(separator: "\t").map { $0.trimmingWhitespace() }
            if parts.count >= 2 && parts[1] == translatedMark {
                supported.insert(parts[0])
                translated.insert(parts[0])
            } else if parts.count >= 2 {
                rejected[parts[0]] = parts[1]
            } else if let tag = parts.first {
                supported.insert(tag)
                documented.insert(tag)
            }
        }
        return LocaleTable(supported: supported, documented: documented, translated: translated, rejected: rejected)
    }

    /// Longer than any BCP 47 language subtag, so no tag can be mistaken for it.
    private static let translatedMark = "translated"

    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        // The profile's own table is authoritative, even for spellings ICU would canonicalize ('no').
        if context.locales.supported.contains(value) { return [] }
        if let use = context.locales.rejected[value] { return [rejected(value, use: use, context: context)] }
        if let tag = posixTag(value) {
            // 'en_US.UTF-8' is no tag at all; 'de_DE' is one spelled the POSIX way.
            let charset = value.contains(".") || value.contains("@")
            // A modifier other than '@euro' (a currency) names a script or variant the tag leaves out:
            // 'sr_RS@latin' is Serbian in Latin letters, 'sr-RS' Serbian in Cyrillic.
            let modifier = value.split(separator: "@", maxSplits: 1).dropFirst().first
                .map { String($0.prefix { $0 != "." }) }.flatMap { $0.lowercased() == "euro" ? nil : $0 }
            let message = modifier.map { "'\(value)' is a POSIX locale name; its language and region are the tag '\(tag)', which leaves out '@\($0)' (a script or variant)" }
                ?? "'\(value)' is a POSIX locale name; the locale tag is '\(tag)'"
            var findings = [ValueFinding(
                .invalidLocale, message,
                fix: Fix(modifier == nil ? .safe : .unsafe, "Replace with '\(tag)'", replacement: tag), severity: charset ? nil : .warning)]
            if let use = context.locales.rejected[tag] {
                findings = [rejected(value, use: use, context: context, leavingOut: modifier)]
            } else if let unsupported = unsupported(tag, shownAs: tag, context: context) {
                findings.append(unsupported)
            }
            return findings
        }
        if let placeholder = placeholderTag(value) {
            return [ValueFinding(.unsupportedLocale, "'\(value)' is \(placeholder): valid, but it names no language"
                + (documentedList(context).map { "; \($0)" } ?? "") + "; what \(context.target.name) does with it is not documented")]
        }
        let result = ICUBridge.checkLocale(value)
        guard result.wellFormed else {
            return [ValueFinding(.invalidLocale, "'\(value)' is not a locale tag (expected a BCP 47 tag such as 'en-US' or 'nl')")]
        }
        let subtags = value.split(whereSeparator: { $0 == "-" || $0 == "_" })
        let extlang = LocaleSubtags.extlang(of: subtags)
        // The extended language itself first ('en-cmn-yue': 'cmn' only after 'zh'), then a second one.
        if let extlang, extlang.prefix != extlang.written {
            return [ValueFinding(.invalidLocale, extlang.prefix.map { "'\(value)' is not a valid locale tag: '\(extlang.language)' is an extended language subtag, which BCP 47 allows only after '\($0)' ('\($0)-\(extlang.language)', canonically '\(extlang.language)')" }
                ?? "'\(value)' is not a locale tag: BCP 47 reads a three-letter second subtag as an extended language subtag ('zh-yue', 'ar-arz'), and '\(extlang.language)' is none")]
        }
        if let extlang, let reserved = extlang.reserved {
            return [ValueFinding(.invalidLocale, "'\(value)' is not a valid locale tag: BCP 47 takes one extended language subtag after the language ('\(extlang.written)-\(extlang.language)', canonically '\(extlang.language)'); a second ('\(reserved)') stands in a place RFC 5646 reserves permanently, so which language is meant is not known")]
        }
        // ICU reads 'zh-cmn' as 'cmn': the language to know is the extended one.
        let language = extlang?.language ?? String(subtags.first ?? "")
        guard result.languageKnown || registeredLanguage(language) else {
            if let first = subtags.first, let bibliographic = LocaleSubtags.bibliographic(first) {
                return bibliographicCode(value, subtags: subtags, code: bibliographic.code, name: bibliographic.name, context: context)
            }
            var message = "'\(value)' is not a locale tag: '\(language)' is no known language code"
            let names = ["english": "en", "dutch": "nl", "german": "de", "french": "fr", "spanish": "es", "portuguese": "pt",
                         "italian": "it", "danish": "da", "swedish": "sv", "finnish": "fi", "polish": "pl", "czech": "cs",
                         "turkish": "tr", "russian": "ru", "arabic": "ar", "japanese": "ja", "chinese": "zh", "korean": "ko",
                         "norwegian": "nb", "estonian": "et", "hebrew": "he", "hindi": "hi"]
            if let code = names[value.lowercased()] { message += "; '\(code)' is the code for \(value)" }
            return [ValueFinding(.invalidLocale, message)]
        }
        if let region = regionSubtag(subtags), LocaleSubtags.isPrivateUseRegion(region) {
            return [privateUseRegion(value, region: region, language: language, context: context)]
        }
        guard result.regionKnown, result.scriptKnown else {
            return [ValueFinding(.invalidLocale, "'\(value)' is not a valid locale: its region or script code is unknown")]
        }
        let canonical = result.canonical.isEmpty ? value : result.canonical
        if let use = context.locales.rejected[canonical] { return [rejected(value, use: use, context: context)] }
        var findings: [ValueFinding] = []
        if canonical != value {
            let form = extlang == nil ? "is written unusually" : "is BCP 47's extended-language form"
            findings.append(ValueFinding(
                .invalidLocale, "'\(value)' \(form); the canonical BCP 47 form is '\(canonical)'",
                fix: Fix(.safe, "Replace with '\(canonical)'", replacement: canonical), severity: .warning))
        }
        if let unsupported = unsupported(canonical, shownAs: value, context: context) { findings.append(unsupported) }
        return findings
    }

    /// Three-letter language subtags BCP 47 takes (ISO 639-3 and 639-5, rules/tables/iso-639-3.txt), which
    /// ICU, knowing only the languages it has data for, does not all know ('cmn' Mandarin).
    private static let registeredLanguages = Set((try? ProfileLoader.tableLines("iso-639-3")) ?? [])

    /// Whether `language` is a BCP 47 language subtag ICU does not know: ISO 639-3 or 639-5, or the
    /// private-use 'qaa' to 'qtz'.
    static func registeredLanguage(_ language: String) -> Bool {
        let code = language.lowercased()
        guard code.utf8.count == 3, code.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return false }
        return ("qaa"..."qtz").contains(code) || registeredLanguages.contains(code)
    }

    /// What a BCP 47 tag that names no language stands for ('und', 'zxx', 'mul', 'mis', alone or with more
    /// subtags; a private-use 'x-...' tag), which ICU does not read as a locale or reads as a language; nil
    /// for any other value.
    static func placeholderTag(_ value: String) -> String? {
        let lower = value.lowercased()
        if let first = lower.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first,
           let special = LocaleSubtags.specialLanguage(first) {
            return special
        }
        if lower.hasPrefix("x-") && lower.count > 2 && lower.dropFirst(2).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) {
            return "a BCP 47 private-use tag"
        }
        return nil
    }

    /// The region subtag of a tag's subtags (two letters, after the language, extended language and
    /// script; before any singleton that starts an extension), nil when it has none.
    private static func regionSubtag(_ subtags: [Substring]) -> Substring? {
        for subtag in subtags.dropFirst() {
            if subtag.utf8.count == 1 { return nil }
            if subtag.utf8.count == 2 { return subtag }
        }
        return nil
    }

    /// A tag with a private-use region ('en-XA', CLDR's pseudo-locale of accented English): well-formed,
    /// but no country's locale. A warning: what the target does with a tag it does not offer is not
    /// documented. The language alone is an unsafe fix when the table holds it.
    private static func privateUseRegion(_ value: String, region: Substring, language: String, context: ValueContext) -> ValueFinding {
        let code = region.uppercased()
        let cldr = ICUBridge.regionName(code, in: "en").map { " (CLDR names it '\($0)')" } ?? ""
        var message = "'\(value)' is a well-formed BCP 47 tag, but '\(code)' is a private-use region code (BCP 47 reserves AA, QM to QZ, XA to XZ and ZZ), which ISO 3166-1 assigns to no country\(cldr)"
        if let list = documentedList(context) { message += "; " + list }
        message += "; what \(context.target.name) does with it is not documented"
        // As for any regional tag: the language alone may stand for another script ('zh' is Simplified).
        let sameScript = ICUBridge.likelyScript(value) == ICUBridge.likelyScript(language)
        let fix = context.locales.supported.contains(language) && sameScript
            ? Fix(.unsafe, "Replace with '\(language)' (a guess: whether \(context.target.name) reads '\(value)' as '\(language)' is not documented)", replacement: language)
            : nil
        return ValueFinding(.unsupportedLocale, message, fix: fix)
    }

    /// An ISO 639-2/B code ('ger', 'fre-CA'): no BCP 47 subtag, so an error; the same language's ISO 639-1
    /// code is an exact mapping (ISO 639-2 pairs them), so the tag with it is a safe fix, as the POSIX
    /// spelling's is. Whether the target offers that tag is unsupported-locale's question, asked of it.
    private static func bibliographicCode(_ value: String, subtags: [Substring], code: String, name: String, context: ValueContext) -> [ValueFinding] {
        let message = "'\(value)' is not a locale tag: '\(subtags[0])' is the ISO 639-2 bibliographic code for \(name), which BCP 47 does not take: BCP 47 writes \(name) '\(code)'"
        let spelled = ([code] + subtags.dropFirst().map(String.init)).joined(separator: "-")
        let result = ICUBridge.checkLocale(spelled)
        guard result.wellFormed, result.regionKnown, result.scriptKnown, !result.canonical.isEmpty else {
            return [ValueFinding(.invalidLocale, message)]
        }
        let tag = result.canonical
        if let use = context.locales.rejected[tag] {
            return [ValueFinding(.invalidLocale, message + "; '\(tag)' is documented as not a locale of \(context.profileName): use '\(use)'",
                                 fix: Fix(.safe, "Replace with '\(use)'", replacement: use))]
        }
        var findings = [ValueFinding(.invalidLocale, tag == code ? message : message + ", so the tag is '\(tag)'",
                                     fix: Fix(.safe, "Replace with '\(tag)'", replacement: tag))]
        if let unsupported = unsupported(tag, shownAs: tag, context: context) { findings.append(unsupported) }
        return findings
    }

    /// The ISO 639-1 code of an ISO 639-2 code written alone, and what the code is, by the lookups `check`
    /// makes: the bibliographic table ('ger' → 'de', German) and ICU's canonical form of a terminology code
    /// ('deu' → 'de'). Exact: ISO 639-2 pairs each such code with one ISO 639-1 code. Nil for anything else.
    static func iso639_1(of code: String) -> (code: String, what: String)? {
        let letters = Substring(code)
        guard letters.utf8.count == 3, letters.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        if let bibliographic = LocaleSubtags.bibliographic(letters) {
            return (bibliographic.code, "the ISO 639-2 bibliographic code for \(bibliographic.name)")
        }
        let canonical = ICUBridge.checkLocale(code.lowercased()).canonical
        guard canonical.utf8.count == 2 else { return nil }
        return (canonical, "an ISO 639-2 three-letter code")
    }

    /// "4me documents 'en-US', 'fr', … and does not publish its full list", or nil without documented tags.
    private static func documentedList(_ context: ValueContext) -> String? {
        let documented = context.locales.documented.sorted()
        guard !documented.isEmpty else { return nil }
        let listed = documented.count > 8 ? ValueText.quotedList(Array(documented.prefix(8))) + "…" : ValueText.quotedList(documented)
        return "\(context.target.name) documents \(listed) and does not publish its full list"
    }

    /// 'en_US.UTF-8', 'de_DE', 'sr_RS@latin' → 'en-US', 'de-DE', 'sr-RS'; nil for anything else.
    static func posixTag(_ value: String) -> String? {
        guard value.contains("_") || value.contains(".") || value.contains("@") else { return nil }
        let base = value.prefix { $0 != "." && $0 != "@" }
        let parts = base.split(separator: "_", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              (2...3).contains(parts[0].count), parts[0].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        var tag = parts[0].lowercased()
        if parts.count == 2 {
            guard parts[1].count == 2, parts[1].allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            tag += "-" + parts[1].uppercased()
        }
        return ICUBridge.checkLocale(tag).languageKnown ? tag : nil
    }

    /// `leavingOut`: a POSIX modifier naming a script or variant ('latin'), which the replacement drops, so
    /// the replacement is a guess.
    private static func rejected(_ value: String, use: String, context: ValueContext, leavingOut modifier: String? = nil) -> ValueFinding {
        let dropped = modifier.map { "; '\(use)' leaves out '@\($0)' (a script or variant)" } ?? ""
        return ValueFinding(.unsupportedLocale,
                            "'\(value)' is documented as not a locale of \(context.profileName); use '\(use)' (the table's source says so; whether the import falls back to '\(use)' is not documented)\(dropped)",
                            fix: Fix(modifier == nil ? .safe : .unsafe, "Replace with '\(use)'", replacement: use))
    }

    /// A valid tag outside the profile's table: a warning, since the table lists what is documented and
    /// the target's full list is not published. The message says which tags are documented and how the
    /// table holds the language alone; the language alone is offered as an unsafe fix unless ICU reads
    /// it in another script ('zh' is Simplified, 'zh-TW' Traditional Chinese).
    private static func unsupported(_ tag: String, shownAs value: String, context: ValueContext) -> ValueFinding? {
        let supported = context.locales.supported
        guard !supported.isEmpty, !supported.contains(tag) else { return nil }
        let language = String(tag.split(separator: "-").first ?? "")
        let target = context.target.name
        let documented = context.locales.documented.sorted()
        var message = "'\(value)' is not in the locale table of \(context.profileName)"
        if let list = documentedList(context) { message += ": " + list }
        var fix: Fix?
        if supported.contains(language) {
            message += context.locales.documented.contains(language) ? "; '\(language)' is documented"
                : context.locales.translated.contains(language)
                ? "; '\(language)' is in the table as a language \(target) translates, not as a documented locale"
                : "; '\(language)' is added by your `locales:` (or `--locale`)"
            let script = ICUBridge.likelyScript(tag), languageScript = ICUBridge.likelyScript(language)
            if let script, let languageScript, script != languageScript {
                message += ", and it stands for the \(languageScript) script where '\(value)' stands for \(script), so it is no fix"
            } else {
                fix = Fix(.unsafe, "Replace with '\(language)' (a guess: whether \(target) reads '\(tag)' as '\(language)' is not documented)",
                          replacement: language)
            }
        }
        let sameLanguage = documented.filter { $0.hasPrefix(language + "-") }
        if !sameLanguage.isEmpty { message += "; documented for this language: \(ValueText.quotedList(sameLanguage))" }
        // A tag longer than the documented limit is no tag an account can offer (value-too-long says so).
        if let limit = context.column.maxLength, tag.count > limit {
            message += "; at \(tag.count) characters it is longer than the \(limit) \(target) takes"
        } else {
            message += "; if your account offers '\(tag)', add it under `locales:` in .importlint.yml"
        }
        return ValueFinding(.unsupportedLocale, message, fix: fix)
    }
}

extension RuleDescriptor {
    public static let invalidLocale = RuleDescriptor(
        code: "VAL003", name: "invalid-locale", severity: .error, fix: .sometimes,
        summary: "A locale column holds something that is not a BCP 47 tag, or a tag in a non-canonical spelling",
        explanation: """
            4me's Locale field takes a short BCP 47 tag ('en-US', 'nl', 'fr') and decides the language of the \
            person's interface and notifications by it (at most 5 characters). A language name ('English') or a \
            code that is no language ('xx'; ICU's languages and ISO 639-3 and 639-5, rules/tables/iso-639-3.txt) is not a tag (what the import then does with the person's language is not documented). A POSIX \
            locale name gets a safe fix to its tag ('en_US.UTF-8' → 'en-US', 'de_DE' → 'de-DE'; the tag is then \
            checked against the locale list), an unsafe one when a modifier names a script or variant the tag \
            leaves out ('sr_RS@latin' is Serbian in Latin letters, 'sr-RS' in Cyrillic); other non-canonical spellings of a valid tag are warnings with a \
            safe fix, such as BCP 47's extended-language form ('zh-cmn' → 'cmn', rules/tables/bcp47-extlangs.tsv); an \
            extended language subtag after another language ('en-cmn'), a second one after the first ('zh-cmn-min': RFC 5646 \
            reserves that place permanently, so the tag names no known language and has no fix) or one BCP 47 does not \
            register is an error. An ISO 639-2 \
            bibliographic code ('ger', 'fre', 'dut', rules/tables/iso-639-2-bibliographic.tsv) is no BCP 47 subtag: an \
            error with a safe fix to the ISO 639-1 code ISO 639-2 pairs it with ('de'), whose tag is then checked \
            against the locale list.
            """,
        triggeringExample: "Primary Email,Name,Locale\nann@widget.com,Ann,english\n",
        cleanExample: "Primary Email,Name,Locale\nann@widget.com,Ann,en-US\n")

    public static let unsupportedLocale = RuleDescriptor(
        code: "VAL005", name: "unsupported-locale", severity: .warning, fix: .sometimes,
        summary: "A locale tag documented as not a locale of the target, or one missing from the documented list",
        explanation: """
            4me does not publish its full list of locales (its enumeration endpoint is authoritative). The \
            profile's table (rules/tables/4me-locales.txt) lists what 4me documents: en-US, fr, nl, pl, pt-PT, \
            and takes the languages 4me translates (de, zh, ja...) as values too, which 4me does not document \
            as locales. A tag documented as not a 4me locale ('nl-NL': use 'nl') is a warning with a safe fix \
            to the documented tag: 4me's REST and SCIM APIs read it as 'nl', and what the import does with it is \
            not documented, so it is no error. Any other valid tag outside the table is a warning too, since the \
            account may offer it: \
            add such tags under `locales:` in .importlint.yml. The message names the documented tags; the \
            language alone ('en-GB' → 'en') is offered as an unsafe fix when the table holds it, since whether \
            the import reads a regional tag as its language is not documented (4me documents only that its \
            REST and SCIM APIs read 'nl-NL' as 'nl'), and not when ICU reads the language alone in another \
            script ('zh-TW' is Traditional Chinese, 'zh' Simplified). Valid tags ICU has no data for ('cmn', \
            Mandarin; private-use 'qaa' to 'qtz'), ISO 639's special codes ('und' undetermined, 'zxx' no \
            linguistic content, 'mul' multiple languages, 'mis' uncoded), private-use 'x-' tags and tags with a \
            private-use region (AA, QM to QZ, XA to XZ, ZZ: CLDR's pseudo-locales 'en-XA' and 'ar-XB') are warnings \
            here too: no document says 4me rejects them, though the special codes name no language and a \
            private-use region no country. A tag longer than 4me's documented 5 characters \
            ('zh-Hant', 'sr-Latn') is an error of value-too-long; this warning then says so instead of \
            suggesting `locales:`.
            """,
        triggeringExample: "Primary Email,Name,Locale\nann@widget.com,Ann,nl-NL\n",
        cleanExample: "Primary Email,Name,Locale\nann@widget.com,Ann,nl\n")
}

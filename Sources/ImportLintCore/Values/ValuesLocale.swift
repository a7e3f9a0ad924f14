/// VAL003 / VAL005: locale tags. ICU decides well-formedness (BCP 47, '_' tolerated), whether the language
/// and region exist, and the canonical spelling ('en_us' → 'en-US', 'iw' → 'he').
enum LocaleRule {
    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        // The profile's own table is authoritative, even for spellings ICU would canonicalize ('no').
        if context.supportedLocales.contains(value) { return [] }
        let result = ICUBridge.checkLocale(value)
        guard result.wellFormed else {
            return [ValueFinding(.invalidLocale, "'\(value)' is not a locale tag (expected a BCP 47 tag such as 'en-US' or 'nl')")]
        }
        guard result.languageKnown else {
            var message = "'\(value)' is not a locale tag: '\(value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")' is no known language code"
            let names = ["english": "en", "dutch": "nl", "german": "de", "french": "fr", "spanish": "es", "portuguese": "pt",
                         "italian": "it", "danish": "da", "swedish": "sv", "finnish": "fi", "polish": "pl", "czech": "cs",
                         "turkish": "tr", "russian": "ru", "arabic": "ar", "japanese": "ja", "chinese": "zh", "korean": "ko",
                         "norwegian": "nb", "estonian": "et", "hebrew": "he", "hindi": "hi"]
            if let code = names[value.lowercased()] { message += "; '\(code)' is the code for \(value)" }
            return [ValueFinding(.invalidLocale, message)]
        }
        guard result.regionKnown, result.scriptKnown else {
            return [ValueFinding(.invalidLocale, "'\(value)' is not a valid locale: its region or script code is unknown")]
        }
        var findings: [ValueFinding] = []
        let canonical = result.canonical.isEmpty ? value : result.canonical
        if canonical != value {
            findings.append(ValueFinding(
                .invalidLocale, "'\(value)' is written unusually; the canonical BCP 47 form is '\(canonical)'",
                fix: Fix(.safe, "Replace with '\(canonical)'", replacement: canonical), severity: .warning))
        }
        let supported = context.supportedLocales
        if !supported.isEmpty, !supported.contains(canonical) {
            let language = String(canonical.split(separator: "-").first ?? "")
            let sameLanguage = supported.filter { $0 == language || $0.hasPrefix(language + "-") }.sorted()
            var message = "'\(value)' is a valid locale but \(context.profileName) does not accept it"
            var fix: Fix?
            if sameLanguage.isEmpty {
                message += " (see the profile's locale table)"
            } else {
                message += "; accepted for this language: \(ValueText.quotedList(sameLanguage))"
                if supported.contains(language) {
                    fix = Fix(.unsafe, "Replace with '\(language)'", replacement: language)
                } else if sameLanguage.count == 1 {
                    fix = Fix(.unsafe, "Replace with '\(sameLanguage[0])'", replacement: sameLanguage[0])
                }
            }
            findings.append(ValueFinding(.unsupportedLocale, message, fix: fix))
        }
        return findings
    }
}

extension RuleDescriptor {
    public static let invalidLocale = RuleDescriptor(
        code: "VAL003", name: "invalid-locale", severity: .error, fix: .sometimes,
        summary: "A locale column holds something that is not a BCP 47 tag, or a tag in a non-canonical spelling",
        explanation: """
            4me's Locale field takes a short BCP 47 tag ('en-US', 'nl', 'fr') and decides the language of the \
            person's interface and notifications by it. A language name ('English'), an unknown code or a POSIX \
            spelling ('en_us') is rejected or ignored, and the person silently gets the account's default \
            language. Non-canonical spellings of a valid tag are warnings with a safe fix.
            """,
        triggeringExample: "Primary Email,Name,Locale\nann@widget.com,Ann,english\n",
        cleanExample: "Primary Email,Name,Locale\nann@widget.com,Ann,en-US\n")

    public static let unsupportedLocale = RuleDescriptor(
        code: "VAL005", name: "unsupported-locale", severity: .error, fix: .sometimes,
        summary: "A valid locale tag that the target system does not offer",
        explanation: """
            4me accepts only the locales it has translations and formats for (the profile's locale table, \
            overridable in .importlint.yml). A valid but unsupported tag such as 'en-AU' or 'pt-PT' fails the \
            record or falls back to the account default; the language-only tag is usually the right choice.
            """,
        triggeringExample: "Primary Email,Name,Locale\nann@widget.com,Ann,af\n",
        cleanExample: "Primary Email,Name,Locale\nann@widget.com,Ann,nl\n")
}

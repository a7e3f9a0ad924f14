import Foundation

/// VAL013: a value from a fixed list (`allowed`, or `allowed_by` resolved from another column), and 4me's
/// comma-separated language list.
enum EnumRule {
    /// Languages of 4me's 'Do Not Translate Languages'.
    static let languages = ["en", "nl", "de", "fr", "es", "pt", "it", "da", "fi", "sv", "pl", "cs", "tr", "ru", "ar",
                            "id", "fa", "no", "zh", "ja", "ko", "he", "hi", "ms"]

    static func check(_ value: String, allowed: [String]?, column: String, warned: [String: String] = [:]) -> [ValueFinding] {
        guard let allowed, !allowed.isEmpty, !allowed.contains(value) else { return [] }
        // Not accepted here, but documented as used (a legacy or another record type's value): say what
        // the target does with it rather than call it an error.
        if let effect = warned[value] ?? warned[value.lowercased()] {
            return [ValueFinding(.invalidEnum, "\(effect); accepted \(column) values here: \(ValueText.quotedList(allowed))",
                                 severity: .warning)]
        }
        if let match = allowed.first(where: { $0.lowercased() == value.lowercased() }) {
            // As for headers: whether the import matches a value in another case is not documented.
            return [ValueFinding(.invalidEnum, "'\(value)' differs from the accepted value '\(match)' only in case; whether the import matches it is not documented",
                                 fix: Fix(.safe, "Replace with '\(match)'", replacement: match), severity: .warning)]
        }
        var message = "'\(value)' is not an accepted \(column) here; accepted: \(ValueText.quotedList(allowed))"
        var fix: Fix?
        // 'chat_skype' for 'skype', 'mobile' for 'mobil'.
        let suffixMatches = allowed.filter { $0.lowercased().hasSuffix("_" + value.lowercased()) }
        let close = suffixMatches.count == 1 ? suffixMatches : ValueText.closest(value, in: allowed, count: 2, maxDistance: 2)
        if close.count == 1 {
            message += "; did you mean '\(close[0])'?"
            fix = Fix(.unsafe, "Replace with '\(close[0])'", replacement: close[0])
        }
        return [ValueFinding(.invalidEnum, message, fix: fix)]
    }

    static func checkLanguages(_ value: String, target: TargetWording) -> [ValueFinding] {
        let separator = value.contains(", ") ? ", " : ","
        let items = value.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingWhitespace() }
        var unknown: [String] = []
        var fixed: [String] = []
        // ISO 639-2 codes of listed languages ('ger', 'deu' → 'de'), by the locale rule's lookup; and of
        // languages the list does not hold ('tib' → 'bo'), which are no fix.
        var coded: [String] = [], codedUnlisted: [String] = []
        var recasedListed = false
        for item in items where !item.isEmpty {
            let lower = item.lowercased()
            if languages.contains(lower) {
                fixed.append(lower)
                recasedListed = recasedListed || lower != item
            } else if let iso = LocaleRule.iso639_1(of: item) {
                let says = "'\(item)' is \(iso.what)"
                if languages.contains(iso.code) {
                    coded.append(says + ", which \(target.name)'s list writes '\(iso.code)'")
                    fixed.append(iso.code)
                } else {
                    codedUnlisted.append(says + " ('\(iso.code)'), which \(target.name)'s list does not hold")
                    unknown.append(item)
                }
            } else {
                unknown.append(item)
            }
        }
        // Spacing and separators are safe to normalize; a change of case is not: the docs do not say case is ignored.
        let recased = value.contains(where: \.isUppercase)
        if !unknown.isEmpty, let separated = commaSeparated(value) {
            // 'nl;de', 'nl | de', one per line: every part is a language, only the separator is wrong.
            var message = "'\(value)' separates languages with something other than commas; \(target.name) takes them comma-separated"
            if recased { message += ". \(capitals(target))" }
            return [ValueFinding(.invalidEnum, message, fix: Fix(recased ? .unsafe : .safe, "Replace with '\(separated)'", replacement: separated))]
        }
        if !unknown.isEmpty {
            let notes = (codedUnlisted + coded).map { "; " + $0 }.joined()
            return [ValueFinding(.invalidEnum,
                                 "\(ValueText.quotedList(unknown)) \(unknown.count == 1 ? "is not a language" : "are not languages") \(target.name) can exclude from translation; accepted: \(languages.joined(separator: ", "))\(notes)")]
        }
        let normalized = fixed.joined(separator: separator)
        if !coded.isEmpty {
            // The code's language is exact, as in a locale column; a listed code in capitals makes the
            // fix unsafe, as below.
            var message = coded.joined(separator: "; ") + "; \(target.name) takes only the listed two-letter codes"
            if recasedListed { message += ". \(capitals(target))" }
            // 'ger, de' names German twice once mapped: the fix lists it once, whichever came first.
            var seen: Set<String> = []
            let listed = fixed.filter { seen.insert($0).inserted }.joined(separator: separator)
            return [ValueFinding(.invalidEnum, message, fix: Fix(recasedListed ? .unsafe : .safe, "Replace with '\(listed)'", replacement: listed))]
        }
        if normalized != value, fixed.joined(separator: ",") != value, fixed.joined(separator: ", ") != value {
            let message = recased ? "'\(value)' writes language codes in capitals. \(capitals(target))"
                : "'\(value)' should list language codes separated by commas; whether \(target.name) reads it as written is not documented"
            return [ValueFinding(.invalidEnum, message, fix: Fix(recased ? .unsafe : .safe, "Replace with '\(normalized)'", replacement: normalized),
                                 severity: .warning)]
        }
        return []
    }

    /// What the docs leave open about a language code in capitals ('EN').
    private static func capitals(_ target: TargetWording) -> String {
        "\(target.name)'s documentation lists the codes in lowercase and does not say whether it matches them in another case (the lowercase fix is unsafe)"
    }

    private static let listSeparators: Set<Character> = [";", "|", "/", " ", "\n", "\r", "\r\n"]

    /// The list with its parts separated by commas, when it is split by semicolons, pipes, slashes, spaces or
    /// line breaks instead and every part is a language code; nil otherwise.
    private static func commaSeparated(_ value: String) -> String? {
        let parts = value.split(whereSeparator: listSeparators.contains).map { $0.trimmingWhitespace() }
        guard parts.count > 1, parts.allSatisfy({ languages.contains($0.lowercased()) }) else { return nil }
        return parts.map { $0.lowercased() }.joined(separator: ",")
    }
}

extension RuleDescriptor {
    public static let invalidEnum = RuleDescriptor(
        code: "VAL013", name: "invalid-enum", severity: .error, fix: .sometimes,
        summary: "A value outside the fixed list the target field accepts",
        explanation: """
            Fields such as 4me's Contact Protocol and Contact Label (whose values depend on the protocol: an \
            email takes work or personal, a telephone work, mobile, home or fax, a chat the chat_* labels) and \
            Do Not Translate Languages accept only listed values. Anything else fails the row, and with \
            Integration true the person's other imported contact details are still replaced, so that detail is \
            lost. Values the profile lists under `warned_values` are warnings that say what happens instead: \
            4me's schema label 'emergency' (no protocol documented for it), the organization labels 'general', \
            'service_desk' and 'service_desk_fax' on a person, and the legacy label 'skype' of 4me's own sample. \
            A value that differs from a listed one only in case ('Mobile'), or a language list with other \
            spacing, is a warning with a safe fix: whether the import matches it is not documented, as for \
            headers. A language list in capitals ('EN', 'En') is a warning whose lowercase fix is unsafe: the \
            docs list the codes in lowercase and say nothing of case. An ISO 639-2 code of a listed language \
            (bibliographic 'ger', 'fre', 'dut', rules/tables/iso-639-2-bibliographic.tsv, or 'deu', 'fra') is an \
            error with a safe fix to the two-letter code ('de'), as in a locale column: ISO 639-2 pairs the codes \
            exactly (unsafe when a listed code in the cell is in capitals).
            """,
        triggeringExample: "Person,Contact Protocol,Contact Label,Contact URI\nann@widget.com,email,home,ann@home.net\n",
        cleanExample: "Person,Contact Protocol,Contact Label,Contact URI\nann@widget.com,email,personal,ann@home.net\n")
}

/// VAL009 PIN, VAL010 location slug, VAL011 Slack handle: The Receptionist's simple formats.
enum FormatRules {
    static func checkPIN(_ value: String) -> [ValueFinding] {
        let isDigits = value.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
        if isDigits, (4...6).contains(value.count) { return [] }
        if let ascii = ForeignDigits.asciiForm(value), ascii.unicodeScalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
           (4...6).contains(ascii.count) {
            return [ValueFinding(.invalidPIN, "'\(value)' is a PIN written in \(ForeignDigits.name(of: value)); whether the import reads them is not documented; in ASCII it is '\(ascii)'",
                                 fix: Fix(.safe, "Replace with '\(ascii)'", replacement: ascii), severity: .warning)]
        }
        var message = "'\(value)' is not a PIN: "
        if !isDigits {
            message += "a PIN is 4 to 6 digits and nothing else"
        } else {
            message += "it has \(value.count) digit\(value.count == 1 ? "" : "s"), a PIN has 4 to 6"
            if value.count < 4 { message += " (a spreadsheet may have dropped leading zeros)" }
        }
        return [ValueFinding(.invalidPIN, message)]
    }

    static func checkSlug(_ value: String) -> [ValueFinding] {
        // Two slugs, one per line (an export of a contact's several locations): joining them into one
        // slug would name no location.
        let lines = value.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        if lines.count > 1 {
            return [ValueFinding(.invalidLocationSlug, "'\(value)' holds \(lines.count) location slugs, one per line; a row takes one (a contact who works at several locations appears once per location, on a row of its own)")]
        }
        let hasUpper = value.unicodeScalars.contains { $0.properties.isUppercase }
        let hasSpace = value.unicodeScalars.contains { $0.properties.isWhitespace }
        guard hasUpper || hasSpace else { return [] }
        let what = [hasUpper ? "capitals" : nil, hasSpace ? "spaces" : nil].compactMap { $0 }.joined(separator: " and ")
        let slug = slugify(value)
        // The vendor says only "no capitals, no spaces": a slug in another script is kept in it, and said so.
        let unsaid = slug.utf8.allSatisfy { $0 < 0x80 } ? "" : "; whether a slug may hold letters other than ASCII is not documented"
        let fix = slug.isEmpty ? nil : Fix(.unsafe, "Replace with '\(slug)' (check it is the location's slug\(unsaid))", replacement: slug)
        return [ValueFinding(.invalidLocationSlug, "'\(value)' has \(what); a location slug is lowercase without spaces", fix: fix)]
    }

    /// 'New York Office' → 'new-york-office', 'Αθήνα' → 'αθήνα', 'München' → 'münchen': lowercased, with a
    /// dash for each run of characters other than letters, digits and '_'. Letters stay in their script,
    /// as lowercase slugs in any script pass.
    static func slugify(_ value: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        // 'İ' lowercases to 'i' and a combining dot outside Turkish: the slug takes the 'i'.
        for s in withFinalSigmas(value).replacingOccurrences(of: "\u{130}", with: "i").lowercased().unicodeScalars {
            let properties = s.properties
            if properties.generalCategory == .nonspacingMark {
                // An accent written apart stays on the letter it follows.
                if !pendingDash && !out.isEmpty { out.append(s) }
            } else if properties.isAlphabetic || properties.numericType == .decimal || s == "_" {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.append(s)
            } else {
                pendingDash = true
            }
        }
        return String(out)
    }

    /// A capital sigma ending a word written as final sigma ('ΠΕΙΡΑΙΑΣ' → 'ΠΕΙΡΑΙΑς'), as Unicode's lowercase
    /// mapping has it (Final_Sigma) and `lowercased()`, which maps each character alone, does not: the slug
    /// of 'ΠΕΙΡΑΙΑΣ' is 'πειραιας', not 'πειραιασ'.
    static func withFinalSigmas(_ value: String) -> String {
        let scalars = Array(value.unicodeScalars)
        guard scalars.contains("\u{3A3}") else { return value }
        // The nearest character in that direction that is not case-ignorable (an accent, an apostrophe) is cased.
        func casedLetter(from start: Int, by step: Int) -> Bool {
            var i = start
            while scalars.indices.contains(i) {
                if !scalars[i].properties.isCaseIgnorable { return scalars[i].properties.isCased }
                i += step
            }
            return false
        }
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            let final = s == "\u{3A3}" && casedLetter(from: i - 1, by: -1) && !casedLetter(from: i + 1, by: 1)
            out.append(final ? "\u{3C2}" : s)
        }
        return String(out)
    }

    static func checkSlack(_ value: String, target: TargetWording) -> [ValueFinding] {
        guard value.hasPrefix("@") else { return [] }
        let stripped = String(value.drop { $0 == "@" })
        return [ValueFinding(.slackHandlePrefix, "'\(value)' starts with '@'; \(target.name) expects the Slack username without it",
                             fix: stripped.isEmpty ? nil : Fix(.safe, "Replace with '\(stripped)'", replacement: stripped))]
    }
}

extension RuleDescriptor {
    public static let invalidPIN = RuleDescriptor(
        code: "VAL009", name: "invalid-pin", severity: .error, fix: .sometimes,
        summary: "A PIN that is not 4 to 6 digits",
        explanation: """
            The Receptionist's PIN lets a contact sign in at the kiosk and must be 4 to 6 digits. Other values \
            fail the contact's import; a PIN that a spreadsheet turned into '123' (leading zero dropped) no \
            longer works at the door. A PIN typed in another script's digits (Arabic-Indic '١٢٣٤', Persian, \
            fullwidth) is a warning with a safe fix to ASCII digits: whether the import reads them is not \
            documented.
            """,
        triggeringExample: "First Name,Last Name,PIN\nAnn,Lee,12a4\n", cleanExample: "First Name,Last Name,PIN\nAnn,Lee,0123\n")

    public static let invalidLocationSlug = RuleDescriptor(
        code: "VAL010", name: "invalid-location-slug", severity: .error, fix: .unsafe,
        summary: "A location slug with capitals or spaces",
        explanation: """
            The Receptionist identifies a location by its slug, which has no capitals and no spaces. A display \
            name such as 'New York Office' matches no location, so the contact is not created there (and, on an \
            account with several locations, may be archived at the one it belongs to).
            """,
        triggeringExample: "First Name,Last Name,Location Slug\nAnn,Lee,New York\n",
        cleanExample: "First Name,Last Name,Location Slug\nAnn,Lee,new-york\n")

    public static let slackHandlePrefix = RuleDescriptor(
        code: "VAL011", name: "slack-handle-prefix", severity: .warning, fix: .safe,
        summary: "A Slack username written with a leading '@'",
        explanation: """
            The Receptionist's Slack column takes the username without '@'. With it, the lookup finds no Slack \
            user and the host is not notified of visitors in Slack.
            """,
        triggeringExample: "First Name,Last Name,Slack\nAnn,Lee,@ann.lee\n",
        cleanExample: "First Name,Last Name,Slack\nAnn,Lee,ann.lee\n")
}

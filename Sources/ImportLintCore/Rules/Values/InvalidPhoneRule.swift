import Foundation

/// VAL007: phone numbers, judged by libphonenumber with the profile's default region.
///
/// Decision: a valid number is not a diagnostic merely because it is not in E.164: 4me's own import example
/// writes '+1 (713) 441 8299', and both systems store the text. A valid number written without a country
/// code is read in the profile's default region and reported as info with an unsafe E.164 fix (the region
/// is an assumption worth a look); an extension ('ext. 12') is kept after the E.164 form, which has no place
/// for it. `ValueValidation.e164` gives the fixer the E.164 form of any valid number.
/// Without a country code and without a default region a number cannot be judged at all: a warning.
/// In an SMS column (`sms: true`) a number libphonenumber classes as fixed-line, toll-free, premium-rate,
/// shared-cost, UAN or voicemail is a warning: texts never arrive; so is a number with an extension.
/// FIXED_LINE_OR_MOBILE (US, CA...) is not reported.
enum PhoneRule {
    static func check(_ value: String, context: ValueContext) -> [ValueFinding] {
        let findings = judge(value, context: context)
        // An LRM or RLM pasted inside a number ('+966\u{200E}50 123 4567') is invisible-character's finding,
        // whose fix removes it: a number valid without it is not also called 'not a phone number'.
        if !findings.isEmpty, value.unicodeScalars.contains(where: { InvisibleCharacters.isInvisible($0.value) }) {
            let visible = String(String.UnicodeScalarView(value.unicodeScalars.filter { !InvisibleCharacters.isInvisible($0.value) }))
            if judge(visible, context: context).isEmpty { return [] }
        }
        return findings
    }

    private static func isValidNumber(_ info: ICUBridge.PhoneInfo) -> Bool { info.parseError == 0 && info.isValid }

    /// '31612345678' of '31612345678.0' (or '.00', an optional '+'): at least six digits, a point, only zeros.
    static func integerPart(ofDecimal value: String) -> String? {
        let bytes = Array(value.utf8)
        guard let point = bytes.lastIndex(of: 0x2E), point + 1 < bytes.count,
              bytes[(point + 1)...].allSatisfy({ $0 == 0x30 }) else { return nil }
        let digitsStart = bytes.first == 0x2B ? 1 : 0
        guard point - digitsStart >= 6, bytes[digitsStart..<point].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return String(decoding: bytes[..<point], as: UTF8.self)
    }

    private static func judge(_ value: String, context: ValueContext) -> [ValueFinding] {
        // libphonenumber would read 'Nov-23' as keypad letters: say what happened to it instead.
        var bytes = value
        if (5...6).contains(value.utf8.count), bytes.withUTF8({ ExcelDateRule.dateDisplay($0) }) != nil {
            return [ValueFinding(.invalidPhone, "'\(value)' is not a phone number but a date as Excel shows it: take the number from the source again")]
        }
        // A number column pandas or a spreadsheet read as floats is written '31612345678.0', and libphonenumber
        // would read the trailing '0' as a digit. The digits before the point are the number as the float
        // held it, which may already have lost a leading zero or '+': a proposal, not a safe fix.
        if let number = integerPart(ofDecimal: value) {
            return [ValueFinding(.invalidPhone, "'\(value)' is a number written with a decimal part ('.0'), as pandas or a spreadsheet writes a column it read as numbers; the phone number is '\(number)', if the float kept its leading zero and '+'",
                                 fix: Fix(.unsafe, "Replace with '\(number)'", replacement: number), severity: .warning)]
        }
        let region = context.defaultRegion
        // Another script's digits or a fullwidth plus ('＋31 20 123 4567'): libphonenumber reads some of them
        // (not the small plus '﹢'), the import may store them as typed. A number valid in ASCII gets this
        // fix first, then (on the next lint) whatever else it needs.
        if let ascii = ForeignDigits.asciiForm(value), isValidNumber(ICUBridge.phone(ascii, defaultRegion: region)) {
            return [ValueFinding(.invalidPhone, "'\(value)' \(ForeignDigits.note(value, reader: context.target.name)); in ASCII it is '\(ascii)'",
                                 fix: Fix(.safe, "Replace with '\(ascii)'", replacement: ascii), severity: .warning)]
        }
        let info = ICUBridge.phone(value, defaultRegion: region)
        // Several numbers in one cell are never one valid number: asked only of a number that is not.
        if info.parseError != 0 || !info.isValid, let joined = JoinedNumbers(value) {
            return [ValueFinding(.invalidPhone, "'\(value)' holds \(joined.count) phone numbers joined by \(joined.separator), as a multi-valued directory attribute (otherTelephone, otherMobile) is exported; \(context.column.name) takes one number: keep the one meant")]
        }
        // '0044 …' is read as a national number where 00 is not the international prefix (no region, US),
        // '011 44 …' where 011 is not (no region, anywhere outside North America).
        if info.parseError == 1 && region == nil || info.countryCodeSource == 20 && !info.isValid,
           let international = InternationalPrefixNumber(value) {
            return [international.finding(target: context.target.name)]
        }
        switch info.parseError {
        case 0: break
        case 1 where region == nil:
            // Neither vendor documents a required number format (4me stores the text), so a number that
            // may be right in its own country is a warning, not an error.
            return [ValueFinding(.invalidPhone,
                                 "'\(value)' has no country code and no default region is set (`--default-region` or `default_region:` in .importlint.yml), so it cannot be checked; the import stores it as written, but it cannot be dialled from another country: write it as +<country code> <number>",
                                 severity: .warning)]
        case 1:
            return [ValueFinding(.invalidPhone, PhoneWording.invalid(value, reason: "it starts with an unknown country code"))]
        case 3, 4: return [ValueFinding(.invalidPhone, PhoneWording.invalid(value, reason: "it is too short to be one"))]
        case 5: return [ValueFinding(.invalidPhone, PhoneWording.invalid(value, reason: "it is too long to be one"))]
        default: return [ValueFinding(.invalidPhone, "'\(value)' is not a phone number")]
        }
        guard info.isValid else {
            // A number with its own country code is judged in that country, not in the default region.
            let ownCountryCode = value.trimmingWhitespace().hasPrefix("+")
            let place = PhoneWording.place(judged: info, ownCountryCode: ownCountryCode, defaultRegion: region)
            // libphonenumber reads letters as keypad digits ('1-800-FLOWERS'), so a label written after the
            // number ('(mobile)') changes its digits: say so rather than only that they are wrong.
            let letters = info.extensionDigits.isEmpty && value.unicodeScalars.contains { $0.properties.isAlphabetic }
                ? "; it holds letters, which a phone keypad turns into digits: write the number alone" : ""
            // Without a '+', a country code read from the first digits (after the default region's
            // international call prefix, or as its own country code) is the default region's reading too:
            // another country's national number ('0113 496 0000' in Leeds, '011 123 4567' in Johannesburg)
            // reads so in the US, and is judged in a country it is not from.
            if let region, !ownCountryCode, info.countryCodeSource == 5 || info.countryCodeSource == 10 {
                let country = PhoneWording.judgedPlace(info).map { " in " + $0 } ?? ""
                let judged = info.isPossible ? "in no number range known" : "not valid (it has the wrong number of digits)"
                return [ValueFinding(.invalidPhone, "'\(value)' has no '+': read in \(PhoneWording.defaultRegion(region)), its first digits are that region's international call prefix or country code, which makes it a number\(country) that is \(judged); if it is a national number of another country, write it as +<country code> <number> or set `--default-region`\(letters)", severity: .warning)]
            }
            guard info.isPossible else {
                if info.countryCodeSource == 20, let region, value.unicodeScalars.count(where: { ("0"..."9").contains($0) }) >= 6 {
                    // Read in the default region, which is an assumption: neither vendor documents how it
                    // reads a number without a country code, so a number long enough to be one somewhere
                    // (six digits: Greenland, the Faroes, Andorra) may be right in its own country.
                    return [ValueFinding(.invalidPhone, "'\(value)' has no country code and is not a valid phone number in \(PhoneWording.defaultRegion(region)): it has the wrong number of digits there; if it is from another country, write it as +<country code> <number> or set `--default-region`", severity: .warning)]
                }
                return [ValueFinding(.invalidPhone, PhoneWording.invalid(value, place: place, reason: "it has the wrong number of digits") + letters)]
            }
            if info.countryCodeSource == 20, let region {
                // As above: the default region is an assumption, and the number may be right in its own country.
                return [ValueFinding(.invalidPhone, "'\(value)' has no country code and is not a valid phone number in \(PhoneWording.defaultRegion(region)): it is in no number range known there; if it is from another country, write it as +<country code> <number> or set `--default-region`\(letters)", severity: .warning)]
            }
            // A plausible length outside every range libphonenumber's metadata knows: the metadata may
            // predate a new range, so this is a warning, not an error.
            return [ValueFinding(.invalidPhone, "'\(value)' may not be a valid phone number\(place): its length is plausible, but it is in no number range known (check the number)\(letters)",
                                 severity: .warning)]
        }
        if let labelled = LabelledNumber(value) { return [labelled.finding(column: context.column.name, target: context.target.name)] }
        var findings: [ValueFinding] = []
        if info.countryCodeSource == 20, let region {
            // An extension has no place in E.164: the replacement keeps it, or the fix would lose it.
            let international = info.e164KeepingExtension
            findings.append(ValueFinding(
                .invalidPhone,
                "'\(value)' has no country code; read in \(PhoneWording.defaultRegion(region)) it is '\(international)' (how the import reads a number without a country code is not documented)",
                fix: Fix(.unsafe, "Replace with '\(international)'", replacement: international), severity: .info))
        } else if info.countryCodeSource == 5, let region {
            // The default region's international call prefix ('011 44 …' in the US) is its dialling rule as
            // much as a national number is: the same finding, for the same reason.
            let international = info.e164KeepingExtension
            findings.append(ValueFinding(
                .invalidPhone,
                "'\(value)' starts with the international call prefix of \(PhoneWording.defaultRegion(region)), which is dialled only from there; in international form it is '\(international)' (how the import reads a call prefix is not documented)",
                fix: Fix(.unsafe, "Replace with '\(international)'", replacement: international), severity: .info))
        }
        if context.column.sms, let kind = NotMobileNumber.kind(ofType: info.type) {
            findings = [ValueFinding(
                .invalidPhone, "'\(value)' is \(kind); \(context.column.name) must reach a mobile phone for SMS",
                severity: .warning)]
        } else if context.column.sms, !info.extensionDigits.isEmpty {
            // A text message reaches a line, never an extension behind a switchboard.
            findings = [ValueFinding(
                .invalidPhone, "'\(value)' has an extension (\(info.extensionDigits)), which a text message cannot reach; \(context.column.name) must reach a mobile phone for SMS",
                severity: .warning)]
        }
        return findings
    }
}

extension RuleDescriptor {
    public static let invalidPhone = RuleDescriptor(
        code: "VAL007", name: "invalid-phone", severity: .error, fix: .sometimes,
        summary: "A phone number that libphonenumber rejects, lacks a country code, or cannot receive SMS",
        explanation: """
            The Receptionist texts visitors' hosts at the SMS Phone number and matches contacts on it; 4me shows \
            telephone contact details for callers. A number with missing or extra digits, or an unknown \
            country code, never reaches the person, and a fixed-line, toll-free, premium-rate, shared-cost or \
            universal access number in an SMS column silently drops every notification. Valid numbers in any common format are accepted. A valid number typed in \
            another script's digits (Arabic-Indic, Persian, fullwidth) or with a compatibility form of an ASCII \
            character (the fullwidth plus '＋' or the small plus '﹢', whose NFKC form is '+') is a warning with \
            a safe fix to ASCII: libphonenumber reads some of them, but whether the import does is not \
            documented. A look-alike that is no compatibility form ('➕', a minus sign '−') is not replaced. A number \
            written after 00, the international call prefix of most countries ('0044 20 7946 0958'), is a \
            warning naming its '+' form when that is valid, as an unsafe fix (00 also starts carrier prefixes); so \
            is one after 011, North America's prefix ('011 44 20 7946 0958'). Read in a default region, a number \
            written with that region's own prefix ('011 44 …' in the US) is info with its '+' form as an unsafe \
            fix, as a national number ('(425) 555-0100') is: both are dialled that way only from that region. A \
            trunk prefix in brackets after the country code ('+44 (0)20 7946 0958', a British and German habit) \
            is accepted: libphonenumber drops it, ITU-T E.123 leaves it out of the international form, and \
            neither vendor documents a number format.
            """,
        triggeringExample: "First Name,Last Name,SMS Phone\nAnn,Lee,+1 713 441 829\n",
        cleanExample: "First Name,Last Name,SMS Phone\nAnn,Lee,+1 713 441 8299\n")
}

/// Number types libphonenumber names that no text message reaches: a landline, or a service number that
/// rings one ('+1 800 FLOWERS', '+44 800 123 4567', '+44 845 …', '+44 345 …'). VOIP, personal and pager
/// numbers may take texts (they forward or are mobile services), so they are not reported.
enum NotMobileNumber {
    /// How a message names the type ("a toll-free number"); nil for a type that may receive SMS.
    static func kind(ofType type: Int32) -> String? {
        switch type {
        case 0: "a fixed-line number"
        case 3: "a toll-free number"
        case 4: "a premium-rate number"
        case 5: "a shared-cost number"
        case 9: "a universal access number (a company's non-geographic line)"
        case 10: "a voicemail access number"
        default: nil
        }
    }
}

/// A valid number after a label ('Mobile: +44 7400 123456', 'Tel. 020 7946 0958'): libphonenumber skips the
/// text before the first digit or '+', but the import stores the whole cell. An RFC 3966 'tel:' URI is no
/// label. The fix is a guess: the label may say the number is not the one the column wants ('Home:').
struct LabelledNumber {
    let value: String
    let label: String
    let number: String

    init?(_ value: String) {
        // Nearly every number starts with '+', a digit or a bracket: no label, and no string work (this
        // runs on every valid number, 400 instructions a record before).
        if let byte = value.utf8.first, byte == UInt8(ascii: "+") || byte == UInt8(ascii: "(") || (0x30...0x39).contains(byte) {
            return nil
        }
        let trimmed = value.trimmingWhitespace()
        guard let first = trimmed.unicodeScalars.first, first.properties.isAlphabetic, !Self.isTelURI(trimmed),
              let start = Self.numberStart(trimmed) else { return nil }
        self.value = value
        label = trimmed[..<start].trimmingWhitespace()
        number = String(trimmed[start...])
    }

    /// An RFC 3966 URI ('tel:+44…') names the number, not a label; 'Tel: +44…', with a space, is a label.
    private static func isTelURI(_ text: String) -> Bool {
        guard text.lowercased().hasPrefix("tel:"), let next = text.dropFirst(4).first else { return false }
        return next == "+" || next.isASCII && next.isNumber
    }

    /// Where the number begins: its '+', its first digit, or a bracket around its first digits
    /// ('Phone: (713) 441-8299' is the label 'Phone:' and the number '(713) 441-8299').
    private static func numberStart(_ text: String) -> String.Index? {
        var previous: String.Index?
        for index in text.indices {
            let c = text[index]
            if c == "+" || c.isASCII && c.isNumber {
                if let previous, text[previous] == "(" { return previous }
                return index
            }
            previous = index
        }
        return nil
    }

    func finding(column: String, target: String) -> ValueFinding {
        ValueFinding(
            .invalidPhone,
            "'\(value)' holds a label ('\(label)') before the number; \(target) stores the whole cell in \(column), label included: write the number alone, '\(number)'",
            fix: Fix(.unsafe, "Replace with '\(number)'", replacement: number), severity: .warning)
    }
}

/// A number written with 00, the international call prefix of most countries ('0044 20 7946 0958'), or 011,
/// North America's ('011 44 20 7946 0958'), that is valid with '+' for it. libphonenumber strips the prefix
/// only in a default region that dials it, so without a region, or in one that dials the other, the number
/// reads as one without a country code. The fix is a guess: 00 is also the start of carrier prefixes
/// (Korea's 001, 002), 011 Johannesburg's area code, and the import stores the text.
struct InternationalPrefixNumber {
    let value: String
    let international: String
    /// '00' or '011' (North America's, which also reads as Johannesburg's area code: a valid '+' form is
    /// asked of it too).
    let prefix: String

    init?(_ value: String) {
        let trimmed = value.trimmingWhitespace()
        if trimmed.hasPrefix("011") {
            prefix = "011"
        } else if trimmed.hasPrefix("00"), !trimmed.hasPrefix("000") {
            prefix = "00"
        } else {
            return nil
        }
        let candidate = "+" + trimmed.dropFirst(prefix.count).drop { $0 == " " || $0 == "-" || $0 == "." }
        let info = ICUBridge.phone(candidate, defaultRegion: nil)
        guard info.parseError == 0, info.isValid else { return nil }
        self.value = value
        international = candidate
    }

    func finding(target: String) -> ValueFinding {
        ValueFinding(
            .invalidPhone,
            prefix == "00"
                ? "'\(value)' starts with 00, the international call prefix of most countries (not of North America, which dials 011); with '+' for it, '\(international)' is a valid number; how \(target) reads 00 is not documented"
                : "'\(value)' starts with 011, the international call prefix of North America (the US, Canada and the other NANP countries); with '+' for it, '\(international)' is a valid number; how \(target) reads 011 is not documented",
            fix: Fix(.unsafe, "Replace with '\(international)'", replacement: international), severity: .warning)
    }
}

/// Several phone numbers in one cell, as Export-Csv writes a multi-valued attribute joined: parts split at
/// ';', '|' or a line break (at ',' too, when no part is short: ',' also dials a pause before an extension),
/// each with at least six digits.
struct JoinedNumbers {
    let count: Int
    /// As a message names it: "';'", "line breaks".
    let separator: String

    init?(_ value: String) {
        // By scalars: a quoted cell's CRLF is one Character, which a search for "\n" does not find.
        let scalars = value.unicodeScalars
        for separator: Unicode.Scalar in [";", "|", "\n", ","] where scalars.contains(separator) {
            let parts = scalars.split(separator: separator, omittingEmptySubsequences: false)
            let digits = parts.map { $0.count(where: { ("0"..."9").contains($0) }) }
            guard parts.count >= 2, digits.allSatisfy({ $0 >= (separator == "," ? 7 : 6) }) else { continue }
            count = parts.count
            self.separator = separator == "\n" ? "line breaks" : "'\(separator)'"
            return
        }
        return nil
    }
}

/// Validation of one cell value against its column's kind. The engine calls `validate` once per distinct
/// non-empty trimmed value per column and caches the verdict, so validators may use ICU and libphonenumber
/// freely.
public enum ValueValidation {
    public static func validate(_ value: String, context: ValueContext) -> [ValueFinding] {
        // A type name where the values should be says what went wrong better than 'not a valid email'; in a
        // free-text column (a Job Title) it is the only thing wrong.
        if let typeName = PowerShellTypeName.finding(value) { return [typeName] }
        var findings: [ValueFinding] = []
        switch context.kind {
        case .text, .postalCode: break
        case .email: findings += EmailRule.check(value, context: context)
        case .managerEmail: findings += EmailRule.checkManager(value, context: context)
        case .boolean: findings += BooleanRule.check(value, target: context.target)
        case .locale: findings += LocaleRule.check(value, context: context)
        case .timeZone: findings += TimeZoneRule.check(value, context: context)
        case .phone:
            guard context.checksPhones else { break }
            findings += PhoneMissingPlus.finding(value, context: context).map { [$0] } ?? PhoneRule.check(value, context: context)
        case .personName: findings += DirectoryValues.name(value, context: context)
        case .country: findings += CountryRule.check(value, target: context.target)
        case .pin: findings += FormatRules.checkPIN(value)
        case .locationSlug: findings += FormatRules.checkSlug(value)
        case .slackHandle: findings += FormatRules.checkSlack(value, target: context.target)
        case .url: findings += URLRule.check(value, context: context)
        case .enum: findings += EnumRule.check(value, allowed: context.allowed, column: context.column.name,
                                               warned: context.column.warnedValues)
        case .languageList: findings += EnumRule.checkLanguages(value, target: context.target)
        case .integer, .decimal: findings += NumberRule.check(value, kind: context.kind)
        }
        // No more bytes than the limit means no more characters: skip counting scalars.
        if let limit = context.column.maxLength, value.utf8.count > limit {
            let length = value.unicodeScalars.count
            if context.column.maxLengthInBytes {
                // "64 KB" may mean 64,000 bytes or 65,536; only a value over the larger reading is reported.
                let size = limit % 1024 == 0
                    ? "\(limit / 1024) KB, and this is more than even \(limit) bytes (\(limit / 1024) × 1024)"
                    : "\(limit) bytes"
                findings.append(ValueFinding(
                    .valueTooLong,
                    "\(context.column.name) is \(value.utf8.count) bytes long in UTF-8 (\(length) characters); \(context.target.name) documents its limit as \(size)"))
            } else if length > limit {
                findings.append(ValueFinding(
                    .valueTooLong,
                    "\(context.column.name) is \(length) characters long; \(context.target.name) accepts at most \(limit)"))
            }
        }
        return findings
    }

    /// Whether `quickAccept` can accept a value of this kind at all.
    static func hasQuickAccept(_ kind: ValueKind) -> Bool {
        kind == .email || kind == .managerEmail || kind == .personName || kind == .url
    }

    /// A byte-level answer for values that are certainly fine, so that the engine need not make a String
    /// of them: plain ASCII addresses in email columns (a million distinct ones in a people file), names
    /// that are neither a distinguished name nor a service account, and plain http(s) URLs.
    public static func quickAccept(_ bytes: UnsafeBufferPointer<UInt8>, kind: ValueKind, maxLength: Int,
                                   directory: DirectorySettings = .standard) -> Bool {
        guard bytes.count <= maxLength else { return false }
        switch kind {
        case .email, .managerEmail:
            let at = EmailRule.plainAtSignWithoutHash(bytes)
            return at >= 0 && DirectoryValues.acceptsPlainAddress(bytes, at: at, settings: directory)
        case .personName: return DirectoryValues.acceptsName(bytes, settings: directory)
        case .url: return URLRule.isPlainWebURL(bytes)
        default: return false
        }
    }

    /// `quickAccept` of an email value, with the domains the column accepted lately: the same answer,
    /// without checking a domain it has just accepted again.
    @inline(__always)
    static func quickAcceptEmail(_ bytes: UnsafeBufferPointer<UInt8>, maxLength: Int, directory: DirectorySettings,
                                 domains: RecentByteStrings) -> Bool {
        guard bytes.count <= maxLength else { return false }
        let at = EmailRule.plainLocalPartEnd(bytes)
        guard at >= 0 else { return false }
        // The '@' is a byte of the value: the domain is the (maybe empty) rest.
        let domain = UnsafeBufferPointer(start: bytes.baseAddress.unsafelyUnwrapped + (at &+ 1), count: bytes.count &- at &- 1)
        if domains.findInPair(domain) < 0 && !acceptsNewDomain(domain, of: bytes, directory: directory, domains: domains) { return false }
        return DirectoryValues.acceptsPlainLocalPart(UnsafeBufferPointer(start: bytes.baseAddress, count: at), settings: directory)
    }

    /// Whether the domain of the address `bytes`, not among those its column accepted lately, is plain and
    /// its top-level domain accepted (then remembered): out of line, so that the accept of an address with
    /// a remembered domain (nearly every one) keeps few registers to save.
    @inline(never)
    private static func acceptsNewDomain(_ domain: UnsafeBufferPointer<UInt8>, of bytes: UnsafeBufferPointer<UInt8>,
                                         directory: DirectorySettings, domains: RecentByteStrings) -> Bool {
        // The top-level domain is the domain's last label: its verdict is part of the domain's.
        guard EmailRule.isPlainDomain(domain), EmailDomains.acceptsTLD(bytes, allowed: directory.allowedTLDs) else { return false }
        domains.insertInPair(domain)
        return true
    }

    /// Whether the trimmed cell is one the screening checks own: a placeholder for 'no value', or a
    /// number in Excel's scientific notation (in columns where digits belong). Byte tests only.
    /// `placeholders` and `scientific` say which of the two checks are selected.
    /// `loneDash`: a lone '-' is a placeholder in the column (`Placeholder.takesLoneDash`).
    @inline(__always)
    static func isScreened(_ bytes: UnsafeBufferPointer<UInt8>, kind: ValueKind, loneDash: Bool, placeholders: Bool = true, scientific: Bool = true) -> Bool {
        guard let first = bytes.first, screenFirstBytes[Int(first)] else { return false }
        return (placeholders && Placeholder.matches(bytes, kind: kind, loneDash: loneDash))
            || (scientific && ScientificNotation.applies(to: kind) && ScientificNotation.matches(bytes))
    }

    /// `isScreened` where a lone '-' is judged by the kind alone.
    static func isScreened(_ bytes: UnsafeBufferPointer<UInt8>, kind: ValueKind, placeholders: Bool = true, scientific: Bool = true) -> Bool {
        isScreened(bytes, kind: kind, loneDash: Placeholder.takesLoneDash(kind), placeholders: placeholders, scientific: scientific)
    }

    /// Bytes that can start a trimmed placeholder ('-', '(', '#', '\', N, T, U in either case) or a number in
    /// scientific notation (a digit), or a space or tab before them: most cells fail this one read.
    /// `table` is `screenFirstBytes`, read by the caller once for many cells.
    @inline(__always)
    static func mayBeScreened(_ raw: UnsafeBufferPointer<UInt8>, _ table: UnsafePointer<Bool>) -> Bool {
        guard let first = raw.first else { return false }
        return table[Int(first)]
    }

    /// Bytes a trimmed placeholder can start with (`Placeholder.mayStart`).
    static let placeholderStarts = (0...255).map(UInt8.init).filter(Placeholder.mayStart)
    /// Bytes a number in scientific notation can start with.
    static let scientificStarts = Array("0123456789".utf8)
    /// Bytes a cell can have before a screened value, which is compared trimmed.
    static let screenPadding = Array(" \t".utf8)

    /// Written once at initialization, then only read.
    nonisolated(unsafe) static let screenFirstBytes: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 256)
        table.initialize(repeating: false, count: 256)
        for b in placeholderStarts + scientificStarts + screenPadding { table[Int(b)] = true }
        return UnsafePointer(table)
    }()

    /// Findings for a screened value (`isScreened` with the same selection): they replace the column's
    /// own validation, except for a value the column explicitly allows ('unknown' in a user's enum) or the
    /// known-organizations list names.
    static func validateScreened(_ value: String, context: ValueContext, placeholders: Bool = true) -> [ValueFinding] {
        let allowed = context.allowed?.contains { $0.caseInsensitiveCompare(value) == .orderedSame } ?? false || context.isKnownName(value)
        if placeholders && !allowed && Placeholder.matches(value, kind: context.kind, loneDash: context.takesLoneDash) {
            let typed = validate(value, context: context).first { ($0.severity ?? $0.rule.severity) == .error }
            return [Placeholder.finding(value, column: context.column, typedProblem: typed, emptyClears: context.emptyCellsOverwrite,
                                         key: context.matchingKey, nextKey: context.nextMatchingKey, target: context.target,
                                         knownListGiven: context.column.cluster ? context.knownNames != nil : nil)]
        }
        var copy = value
        if copy.withUTF8({ ScientificNotation.matches($0) }) && ScientificNotation.applies(to: context.kind) {
            return [ScientificNotation.finding(value, column: context.column.name)]
        }
        return validate(value, context: context)
    }

    /// The E.164 form of a valid phone number, for the fixer path (`nil` when the number is not valid).
    public static func e164(_ phone: String, defaultRegion: String?) -> String? {
        let info = ICUBridge.phone(phone, defaultRegion: defaultRegion)
        return info.parseError == 0 && info.isValid ? info.e164 : nil
    }
}

extension RuleDescriptor {
    public static let valueTooLong = RuleDescriptor(
        code: "VAL014", name: "value-too-long", severity: .error,
        summary: "A value is longer than the target field accepts (counted in Unicode characters, or in bytes where the limit is a size)",
        explanation: """
            4me validates field lengths (Name and Primary Email 128, Job Title 80, Source 30, Locale 5...). \
            A longer value makes the whole record fail to import with a validation error, and the rest of the \
            person's data is not updated either. Lengths are counted in characters, as the target system \
            counts them, not in bytes; a limit the docs give as a size (4me's Information, "64 KB") is counted \
            in bytes of UTF-8 (`max_length_in_bytes`), and only a value over 64 × 1,024 bytes is reported, \
            since "64 KB" may also mean 64,000.
            """,
        triggeringExample: "Source\nActive Directory Production Forest\n", cleanExample: "Source\nAD\n")
}

/// Small helpers shared by the value rules.
enum ValueText {
    /// Levenshtein distance on Characters, case-insensitive; stops early beyond `limit`.
    static func distance(_ a: String, _ b: String, limit: Int = 64) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `count` candidates closest to `value` (distance at most `maxDistance`, or containing it).
    static func closest(_ value: String, in candidates: [String], count: Int = 3, maxDistance: Int? = nil) -> [String] {
        let lower = value.lowercased()
        let limit = maxDistance ?? max(2, value.count / 3)
        let scored = candidates.map { c -> (String, Int) in
            let cl = c.lowercased()
            var d = distance(lower, cl, limit: limit)
            if d > limit, lower.count >= 3, cl.contains(lower) || lower.contains(cl) { d = limit }
            return (c, d)
        }
        return scored.filter { $0.1 <= limit }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(count).map(\.0)
    }

    static func quotedList(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }
}

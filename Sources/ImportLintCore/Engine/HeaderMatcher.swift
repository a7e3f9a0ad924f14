import Foundation

/// How a header cell relates to a profile's columns.
public enum HeaderMatch: Equatable, Sendable {
    /// The exact column name the target system expects.
    case exact(String)
    /// The right column in the wrong case or spacing ('primary email', 'PrimaryEmail').
    case spelling(String)
    /// The column's name with other punctuation ('Primary_Email', 'E-Mail').
    case punctuation(String)
    /// A name directory exports use for the column ('Surname' for 'Last Name').
    case alias(String)
    /// A name that often, not always, holds the column ('userPrincipalName' for 'Primary Email': a UPN is
    /// often not the mailbox), with why it may not; its rename is an unsafe fix.
    case guessedAlias(String, why: String)
    /// A near miss ('Primary Emial'); a guess, so its rename is an unsafe fix.
    case nearMiss(String)
    case unknown

    public var column: String? {
        switch self {
        case .exact(let c), .spelling(let c), .punctuation(let c), .alias(let c), .guessedAlias(let c, _), .nearMiss(let c): c
        case .unknown: nil
        }
    }

    /// The order in which header cells claim their column: the name itself, then the name spelled
    /// otherwise, then an alias, then a guess; so 'primary email' takes Primary Email before an earlier
    /// 'Email' (an alias), and an Entra export's 'mail' (an alias) before its earlier 'userPrincipalName'.
    var claimRank: Int {
        switch self {
        case .exact: 0
        case .spelling, .punctuation: 1
        case .alias: 2
        case .guessedAlias, .nearMiss: 3
        case .unknown: 4
        }
    }
}

/// Matches header text against a profile's column names and aliases.
public struct HeaderMatcher: Sendable {
    let profile: Profile
    private let bySpacing: [String: String]
    private let byLoose: [String: String]
    private let aliasByLoose: [String: String]
    private let guessedAliasByLoose: [String: (column: String, why: String)]
    /// Each column's loose name as scalars, computed once: a header of a million cells asks for each.
    private let looseColumns: [(name: String, scalars: [UInt32])]

    public init(profile: Profile) {
        self.profile = profile
        var bySpacing: [String: String] = [:]
        var byLoose: [String: String] = [:]
        var aliasByLoose: [String: String] = [:]
        var guessedAliasByLoose: [String: (column: String, why: String)] = [:]
        for column in profile.columns {
            bySpacing[Self.spacingFree(column.name)] = column.name
            byLoose[Self.loose(column.name)] = column.name
            for alias in column.aliases where aliasByLoose[Self.loose(alias)] == nil {
                aliasByLoose[Self.loose(alias)] = column.name
            }
            for (alias, why) in column.guessedAliases where guessedAliasByLoose[Self.loose(alias)] == nil {
                guessedAliasByLoose[Self.loose(alias)] = (column.name, why)
            }
        }
        self.bySpacing = bySpacing
        self.byLoose = byLoose
        self.aliasByLoose = aliasByLoose
        self.guessedAliasByLoose = guessedAliasByLoose
        self.looseColumns = profile.columns.map { ($0.name, Self.loose($0.name).unicodeScalars.map(\.value)) }
    }

    private static let builtLock = NSLock()
    nonisolated(unsafe) private static var built: [HeaderMatcher] = []

    /// `profile`'s matcher, built once per process: detecting a file's profile (every built-in one, twice),
    /// binding its header and watching for a repeated header each ask for one, and building one costs as
    /// much as matching a header's cells with it.
    static func of(_ profile: Profile) -> HeaderMatcher {
        builtLock.lock()
        defer { builtLock.unlock() }
        if let matcher = built.first(where: { $0.profile == profile }) { return matcher }
        let matcher = HeaderMatcher(profile: profile)
        built.append(matcher)
        return matcher
    }

    /// Lowercased, with spaces, underscores, hyphens and dots removed: 'Primary_Email' ~ 'primary email'.
    static func loose(_ s: String) -> String {
        if let ascii = asciiLowercased(s, dropping: { $0 == 0x20 || $0 == 0x5F || $0 == 0x2D || $0 == 0x2E || $0 == 0x09 }) {
            return ascii
        }
        return String(s.lowercased().unicodeScalars.filter { !" _-.\t".unicodeScalars.contains($0) }.map(Character.init))
    }

    /// Lowercased, without whitespace: only case and spacing set 'Primary  email' apart from 'Primary Email'.
    static func spacingFree(_ s: String) -> String {
        // ASCII's whitespace: tab, line feed, vertical tab, form feed, carriage return, space.
        if let ascii = asciiLowercased(s, dropping: { ($0 >= 0x09 && $0 <= 0x0D) || $0 == 0x20 }) { return ascii }
        return String(s.lowercased().unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// An ASCII text lowercased byte by byte without the dropped bytes, as the Unicode path above would
    /// give it; nil for other text. Every run matches each profile's names and aliases, most of them
    /// ASCII, and going through Characters made that a tenth of a small file's run.
    private static func asciiLowercased(_ s: String, dropping dropped: (UInt8) -> Bool) -> String? {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count)
        for byte in s.utf8 where !dropped(byte) { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
        return String(decoding: bytes, as: UTF8.self)
    }

    public func match(_ header: String) -> HeaderMatch {
        let found = matchText(header)
        guard case .unknown = found, let name = Self.withoutTemplateNote(header) else { return found }
        // 'First Name [Required]' is First Name, but the import does not take it under that header.
        return switch matchText(name) {
        case .exact(let c), .spelling(let c): .punctuation(c)
        case let other: other
        }
    }

    /// The notes Google Workspace's user-upload template appends to its headers ('Email Address
    /// [Required]', 'Name [READ ONLY]'), without which the header names its column.
    static let templateNotes: Set<String> = ["required", "upload only", "read only", "must be in the e.164 format"]

    /// The header without a trailing template note, or nil when it has none.
    static func withoutTemplateNote(_ header: String) -> String? {
        let text = header.trimmingWhitespace()
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["),
              templateNotes.contains(text[text.index(after: open)..<text.index(before: text.endIndex)].lowercased())
        else { return nil }
        let name = text[..<open].trimmingWhitespace()
        return name.isEmpty ? nil : name
    }

    private func matchText(_ header: String) -> HeaderMatch {
        let text = header.trimmingWhitespace()
        if profile.columns.contains(where: { $0.name == text }) {
            return text == header ? .exact(text) : .spelling(text)
        }
        if let c = bySpacing[Self.spacingFree(text)] {
            // A case variant the profile lists, as written, as a guess is one: other systems' exports name
            // their own object IDs 'id', which 4me's ID is not ('Id' stays a case variant of ID).
            if let why = profile.columns.first(where: { $0.name == c })?.guessedAliases[text] { return .guessedAlias(c, why: why) }
            return .spelling(c)
        }
        let key = Self.loose(text)
        if let c = byLoose[key] { return .punctuation(c) }
        if let c = aliasByLoose[key] { return .alias(c) }
        if let guess = guessedAliasByLoose[key] { return .guessedAlias(guess.column, why: guess.why) }
        if let c = nearestColumn(key) { return .nearMiss(c) }
        return .unknown
    }

    /// The single closest column name within a small edit distance (about one typo per five letters).
    /// A two-letter name is no typo's target: one letter more makes another system's abbreviation
    /// (Active Directory's 'SID' is no 'ID').
    func nearestColumn(_ key: String) -> String? {
        guard key.count >= 3 else { return nil }
        var best: (String, Int)?
        var tie = false
        let keyScalars = key.unicodeScalars.map(\.value)
        for column in looseColumns where column.scalars.count >= 3 {
            let limit = max(1, min(keyScalars.count, column.scalars.count) / 5)
            // bounded() gives up at once when the lengths alone differ by more than the limit.
            let d = EditDistance.bounded(keyScalars, column.scalars, bound: limit)
            guard d <= limit else { continue }
            if let b = best, d == b.1 { tie = true } else if best == nil || d < best!.1 { best = (column.name, d); tie = false }
        }
        return tie ? nil : best?.0
    }
}

/// Binds header cells to profile columns.
enum HeaderAnalysis {
    static func bind(header: [String], profile: Profile?) -> (bindings: [ColumnSpec?], matches: [HeaderMatch]) {
        guard let profile else { return (header.map { _ in nil }, header.map { _ in .unknown }) }
        let matcher = HeaderMatcher.of(profile)
        let matches = header.map(matcher.match)
        var bindings = [ColumnSpec?](repeating: nil, count: header.count)
        var taken = Set<String>()
        // Exact names claim their column first, so 'Email' beside 'Primary Email' is not bound twice; then
        // other spellings, aliases and guesses (`claimRank`), each in header order.
        for rank in 0..<4 {
            for (i, m) in matches.enumerated() where m.claimRank == rank {
                guard let name = m.column else { continue }
                if taken.insert(name).inserted { bindings[i] = profile.column(named: name) }
            }
        }
        return (bindings, matches)
    }

    /// `bindings` without the columns a header only may stand for (a guessed alias, whose rename is an
    /// unsafe fix): as named, the import drops such a column, so its values are not judged as that
    /// column's; `fix --unsafe-fixes` renames it, and the lint of the written file judges them.
    static func valueBindings(_ bindings: [ColumnSpec?], matches: [HeaderMatch]) -> [ColumnSpec?] {
        zip(bindings, matches).map { spec, match in
            if case .guessedAlias = match { return nil }
            return spec
        }
    }
}

/// What a column's cells must look like; the value rules dispatch on it.
public enum ValueKind: String, Codable, Sendable, CaseIterable {
    case text, integer, decimal, email, managerEmail = "manager-email", boolean, url, locale
    case timeZone = "time-zone", languageList = "language-list", phone, country, pin
    case locationSlug = "location-slug", slackHandle = "slack-handle", `enum`
    /// A person's name (or part of it): where a distinguished name or a service account's name leaks in.
    case personName = "person-name"
    /// A postal code, read in the country of the row's `country` column (dropped-leading-zero).
    case postalCode = "postal-code"
}

/// Allowed values of a column that depend on another column of the same row (4me's Contact Label).
public struct DependentValues: Codable, Sendable, Equatable {
    public var column: String
    public var values: [String: [String]]
}

/// The kind of a column that depends on another column of the same row (4me's Contact URI).
public struct DependentKind: Codable, Sendable, Equatable {
    public var column: String
    public var kinds: [String: ValueKind]
}

/// Values of another cell of the same row (4me's Contact Label 'skype').
public struct CellCondition: Codable, Sendable, Equatable {
    public var column: String
    public var values: [String]
}

public struct ColumnSpec: Codable, Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    /// Headers that often, not always, hold this column, each with why it may not ('Title' can be a
    /// salutation): bound like aliases, but renaming one is a guess (`guessed_aliases:`).
    public var guessedAliases: [String: String]
    /// The header must be present.
    public var required: Bool
    /// Every cell of the column must be non-empty.
    public var valueRequired: Bool
    /// The cell must be non-empty when any of these columns has a value in the same row (a 4me contact
    /// row with a Contact Protocol needs its Contact URI).
    public var valueRequiredWith: [String]
    public var kind: ValueKind
    public var maxLength: Int?
    /// `max_length` is a size in bytes of UTF-8 (a limit the target gives as '64 KB'), not a count of characters.
    public var maxLengthInBytes: Bool = false
    public var allowed: [String]?
    public var allowedBy: DependentValues?
    public var kindBy: DependentKind?
    /// Values are grouped into spelling-variant clusters (organization names, departments).
    public var cluster: Bool
    /// A phone column that must reach a mobile (SMS) number.
    public var sms: Bool
    /// What the target does with an empty cell when that is worth a warning (4me's Organization).
    public var whenEmpty: String?
    /// Values that are not accepted as such but not rejected either, each with what the target does with
    /// it: a warning, not an error (4me's organization-only and legacy contact labels).
    public var warnedValues: [String: String]
    /// The cell is not validated when another cell of the row holds one of these values.
    public var uncheckedWhen: CellCondition?
    /// A URL column that also takes a `data:` URL (4me's Picture URI).
    public var dataURL: Bool
    /// Names one record of the target by its name (4me's Organization, Site): several names, one per
    /// line, are several references.
    public var reference: Bool
    /// A reference the target requires to name a record that exists, or it fails the row (4me's
    /// Organization and Site): a placeholder there is an error (`must_exist: true`).
    public var mustExist: Bool = false
    /// A field the import does not write (timestamps the target sets itself): an empty cell changes nothing.
    public var readOnly: Bool
    /// An identifier another system holds (an HR or directory number): the text must match it exactly,
    /// so a spreadsheet tool's rewriting of it (integer-as-float) is reported.
    public var externalID: Bool

    enum CodingKeys: String, CodingKey {
        case name, aliases, required, kind, allowed, cluster, sms
        case valueRequired = "value_required", valueRequiredWith = "value_required_with", maxLength = "max_length", allowedBy = "allowed_by", kindBy = "kind_by"
        case whenEmpty = "when_empty", warnedValues = "warned_values", uncheckedWhen = "unchecked_when", dataURL = "data_url"
        case readOnly = "read_only", guessedAliases = "guessed_aliases", reference, externalID = "external_id", mustExist = "must_exist"
        case maxLengthInBytes = "max_length_in_bytes"
    }
}

// The decoders and convenience initializers of the profile types are extensions: a struct keeps its
// memberwise initializer only when its body declares none, and EmbeddedProfiles.swift builds the
// built-in profiles with it.
extension ColumnSpec {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        guessedAliases = try c.decodeIfPresent([String: String].self, forKey: .guessedAliases) ?? [:]
        required = try c.decodeIfPresent(Bool.self, forKey: .required) ?? false
        valueRequired = try c.decodeIfPresent(Bool.self, forKey: .valueRequired) ?? false
        valueRequiredWith = try c.decodeIfPresent([String].self, forKey: .valueRequiredWith) ?? []
        kind = try c.decodeIfPresent(ValueKind.self, forKey: .kind) ?? .text
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        maxLengthInBytes = try c.decodeIfPresent(Bool.self, forKey: .maxLengthInBytes) ?? false
        allowed = try c.decodeIfPresent([String].self, forKey: .allowed)
        allowedBy = try c.decodeIfPresent(DependentValues.self, forKey: .allowedBy)
        kindBy = try c.decodeIfPresent(DependentKind.self, forKey: .kindBy)
        cluster = try c.decodeIfPresent(Bool.self, forKey: .cluster) ?? false
        sms = try c.decodeIfPresent(Bool.self, forKey: .sms) ?? false
        whenEmpty = try c.decodeIfPresent(String.self, forKey: .whenEmpty)
        warnedValues = try c.decodeIfPresent([String: String].self, forKey: .warnedValues) ?? [:]
        uncheckedWhen = try c.decodeIfPresent(CellCondition.self, forKey: .uncheckedWhen)
        dataURL = try c.decodeIfPresent(Bool.self, forKey: .dataURL) ?? false
        reference = try c.decodeIfPresent(Bool.self, forKey: .reference) ?? false
        mustExist = try c.decodeIfPresent(Bool.self, forKey: .mustExist) ?? false
        readOnly = try c.decodeIfPresent(Bool.self, forKey: .readOnly) ?? false
        externalID = try c.decodeIfPresent(Bool.self, forKey: .externalID) ?? false
    }

    public init(name: String, kind: ValueKind = .text, required: Bool = false, cluster: Bool = false) {
        self.name = name
        self.aliases = []
        self.guessedAliases = [:]
        self.required = required
        self.valueRequired = required
        self.valueRequiredWith = []
        self.kind = kind
        self.cluster = cluster
        self.sms = false
        self.warnedValues = [:]
        self.dataURL = false
        self.reference = false
        self.readOnly = false
        self.externalID = false
    }
}

/// A key that identifies a record in the target system; two records with the same key are duplicates.
public struct IdentifierKey: Codable, Sendable, Equatable {
    public var columns: [String]
    public var caseInsensitive: Bool
    /// Columns under whose different values the same person may be listed again (The Receptionist's
    /// Location Slug): a repeat under another scope value is no duplicate when the profile's `same_person`
    /// columns say it is the same person.
    public var scope: [String]
    /// `compare: dialled`: values are compared as the number dialled, without the spaces, dashes, dots,
    /// parentheses and slashes that only format it; a repeat written another way is a warning, since no
    /// target documents how it compares numbers.
    public var dialled: Bool

    enum CodingKeys: String, CodingKey {
        case columns, scope, compare
        case caseInsensitive = "case_insensitive"
    }
}

extension IdentifierKey {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        columns = try c.decode([String].self, forKey: .columns)
        caseInsensitive = try c.decodeIfPresent(Bool.self, forKey: .caseInsensitive) ?? false
        scope = try c.decodeIfPresent([String].self, forKey: .scope) ?? []
        switch try c.decodeIfPresent(String.self, forKey: .compare) {
        case nil, "exact": dialled = false
        case "dialled": dialled = true
        case let other?:
            throw DecodingError.dataCorruptedError(forKey: .compare, in: c,
                                                   debugDescription: "compare is 'exact' or 'dialled', not '\(other)'")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(columns, forKey: .columns)
        try c.encode(caseInsensitive, forKey: .caseInsensitive)
        try c.encode(scope, forKey: .scope)
        try c.encode(dialled ? "dialled" : "exact", forKey: .compare)
    }
}

/// A column of this file that must name a record of another import (4me contacts → people).
public struct ReferenceSpec: Codable, Sendable, Equatable {
    public var column: String
    public var profile: String
    public var target: String
}

/// The delimiters and encodings a target reads (the profile's `accepts:` block). A list left out accepts
/// anything: a user's profile that does not say is not held to a guess.
public struct AcceptedFormats: Codable, Sendable, Equatable {
    /// Delimiter bytes, from names (`comma`, `tab`, `semicolon`, `pipe`) or the characters themselves.
    public var delimiters: [UInt8]?
    /// Encoding names as reports give them: `UTF-8`, `UTF-16LE`, `UTF-16BE`, or a legacy charset.
    public var encodings: [String]?
    /// The target documents that it reads the file's first line as the column headers, so a line above
    /// the header (PowerShell's '#TYPE ...') hides every column from it. Left out: not documented.
    public var firstLineIsHeader: Bool?
    /// Header cells are taken as matching only when written exactly as the column's name: the target's
    /// documents leave case and spacing open and say to assume exact matching (4me). Left out: a case or
    /// spacing variant is a warning, not a missing column.
    public var exactHeaders: Bool?
    /// What the target does with a line that is not UTF-8, after its name, `{line}` standing for the line's
    /// number ('aborts the import at line {line} ...'). Left out: not documented. Here, not in the
    /// `target:` wording, which every value check copies (one more string was a retain and a release a cell).
    public var invalidUTF8: String?

    enum CodingKeys: String, CodingKey {
        case delimiters, encodings, firstLineIsHeader = "first_line_is_header", exactHeaders = "exact_headers"
        case invalidUTF8 = "invalid_utf8"
    }
}

extension AcceptedFormats {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        delimiters = try c.decodeIfPresent([String].self, forKey: .delimiters).map { names in
            try names.map { name in
                guard let byte = LintOptions.parseDelimiter(name) else {
                    throw DecodingError.dataCorruptedError(forKey: .delimiters, in: c, debugDescription: "unknown delimiter '\(name)' (comma, tab, semicolon or pipe)")
                }
                return byte
            }
        }
        encodings = try c.decodeIfPresent([String].self, forKey: .encodings)
        firstLineIsHeader = try c.decodeIfPresent(Bool.self, forKey: .firstLineIsHeader)
        exactHeaders = try c.decodeIfPresent(Bool.self, forKey: .exactHeaders)
        invalidUTF8 = try c.decodeIfPresent(String.self, forKey: .invalidUTF8)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(delimiters?.map(DelimiterSniffer.name), forKey: .delimiters)
        try c.encodeIfPresent(encodings, forKey: .encodings)
        try c.encodeIfPresent(firstLineIsHeader, forKey: .firstLineIsHeader)
        try c.encodeIfPresent(exactHeaders, forKey: .exactHeaders)
        try c.encodeIfPresent(invalidUTF8, forKey: .invalidUTF8)
    }

    /// Whether the target reads an encoding (by its report name; a UTF-8 BOM is judged on its own).
    public func acceptsEncoding(_ name: String) -> Bool? {
        encodings.map { list in list.contains { $0.uppercased() == name.uppercased() } }
    }
}

/// How messages name the target system and say what it does with a defect (the profile's `target:`
/// block). A profile without one gets neutral wording: a user's profile for another system never borrows
/// a built-in target's name or behaviour.
public struct TargetWording: Codable, Sendable, Equatable {
    /// '4me', 'The Receptionist'.
    public var name: String
    /// What the target does with a row it cannot take ('fails this row').
    public var rejectsRow: String
    /// What it does with a value of a boolean column that is not a true word ('reads it as false').
    public var readsAsFalse: String
    /// What it does with a record of the previous upload that this file lacks ('archives this contact'),
    /// and with all of them ('archives every contact missing from the file'); nil when not known.
    public var missingRecord: String?
    public var missingRecords: String?
    /// What a later separate group of one record's rows does to the earlier group, when known.
    public var replacesGroup: String?

    public static let neutral = TargetWording(name: "the target system", rejectsRow: "may reject this row",
                                              readsAsFalse: "may not read it as intended")

    public init(name: String, rejectsRow: String, readsAsFalse: String, missingRecord: String? = nil,
                missingRecords: String? = nil, replacesGroup: String? = nil) {
        self.name = name
        self.rejectsRow = rejectsRow
        self.readsAsFalse = readsAsFalse
        self.missingRecord = missingRecord
        self.missingRecords = missingRecords
        self.replacesGroup = replacesGroup
    }

    enum CodingKeys: String, CodingKey {
        case name
        case rejectsRow = "rejects_row", readsAsFalse = "reads_as_false", missingRecord = "missing_record"
        case missingRecords = "missing_records", replacesGroup = "replaces_group"
    }

    /// Phrases the profile leaves out stay neutral.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        rejectsRow = try c.decodeIfPresent(String.self, forKey: .rejectsRow) ?? Self.neutral.rejectsRow
        readsAsFalse = try c.decodeIfPresent(String.self, forKey: .readsAsFalse) ?? Self.neutral.readsAsFalse
        missingRecord = try c.decodeIfPresent(String.self, forKey: .missingRecord)
        missingRecords = try c.decodeIfPresent(String.self, forKey: .missingRecords)
        replacesGroup = try c.decodeIfPresent(String.self, forKey: .replacesGroup)
    }
}

/// An import format: the columns a target system takes and what their values must be. Loaded from YAML
/// so that users describe their own target systems without code.
public struct Profile: Codable, Sendable, Equatable {
    public var name: String
    public var title: String?
    public var columns: [ColumnSpec]
    public var identifiers: [IdentifierKey]
    /// The columns of the matching keys (`identifiers`), by name.
    public var matchingKeyColumns: Set<String> { Set(identifiers.flatMap(\.columns)) }
    public var groupBy: String?
    /// The boolean column under which a `group_by` group replaces the rows imported earlier (4me contact
    /// details: Integration); without it every later group replaces them.
    public var groupReplacesWhen: String?
    /// Ways to tell that two rows are the same person, tried in order (the first whose columns are filled
    /// in both rows decides): Identification, else First Name + Last Name.
    public var samePerson: [[String]]
    public var atLeastOneOf: [[String]]
    /// Column sets that identify existing records: a file with every column of one set only updates the
    /// records it names, so it may leave out the columns `required` to create one (4me: ID, Source + Source ID).
    public var updateKeys: [[String]]
    public var references: ReferenceSpec?
    /// Delimiters and encodings the target reads; nil when the profile does not say (anything goes).
    public var accepts: AcceptedFormats?
    /// How messages name the target and its behaviour; neutral when the profile does not say.
    public var target: TargetWording
    public var defaultRegion: String?
    /// Name of a table in `rules/tables` (or a path) listing accepted locale tags.
    public var locales: String?
    /// Name of a table listing accepted time zone names (4me: Rails names).
    public var timeZones: String?
    /// An empty cell in a present column blanks the field on the matched record (4me), so a column empty
    /// on every row, or an empty part of an earlier matching key, is worth reporting.
    public var emptyCellsOverwrite: Bool

    enum CodingKeys: String, CodingKey {
        case name, title, columns, identifiers, references, locales, accepts, target
        case groupBy = "group_by", groupReplacesWhen = "group_replaces_when", atLeastOneOf = "at_least_one_of", defaultRegion = "default_region"
        case samePerson = "same_person", updateKeys = "update_keys"
        case timeZones = "time_zones"
        case emptyCellsOverwrite = "empty_cells_overwrite"
    }
}

extension Profile {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        columns = try c.decode([ColumnSpec].self, forKey: .columns)
        identifiers = try c.decodeIfPresent([IdentifierKey].self, forKey: .identifiers) ?? []
        groupBy = try c.decodeIfPresent(String.self, forKey: .groupBy)
        groupReplacesWhen = try c.decodeIfPresent(String.self, forKey: .groupReplacesWhen)
        samePerson = try c.decodeIfPresent([[String]].self, forKey: .samePerson) ?? []
        atLeastOneOf = try c.decodeIfPresent([[String]].self, forKey: .atLeastOneOf) ?? []
        updateKeys = try c.decodeIfPresent([[String]].self, forKey: .updateKeys) ?? []
        references = try c.decodeIfPresent(ReferenceSpec.self, forKey: .references)
        accepts = try c.decodeIfPresent(AcceptedFormats.self, forKey: .accepts)
        target = try c.decodeIfPresent(TargetWording.self, forKey: .target) ?? .neutral
        defaultRegion = try c.decodeIfPresent(String.self, forKey: .defaultRegion)
        locales = try c.decodeIfPresent(String.self, forKey: .locales)
        timeZones = try c.decodeIfPresent(String.self, forKey: .timeZones)
        emptyCellsOverwrite = try c.decodeIfPresent(Bool.self, forKey: .emptyCellsOverwrite) ?? false
    }

    public init(name: String, columns: [ColumnSpec]) {
        self.name = name
        self.columns = columns
        self.identifiers = []
        self.atLeastOneOf = []
        self.updateKeys = []
        self.samePerson = []
        self.target = .neutral
        self.emptyCellsOverwrite = false
    }

    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name == name } }
}

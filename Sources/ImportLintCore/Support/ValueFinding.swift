/// A verdict on one cell value, produced by a validator without knowing where the cell is; the engine
/// places it (line, column, record, field) and caches verdicts per distinct value.
public struct ValueFinding: Sendable, Equatable {
    public var rule: RuleDescriptor
    public var message: String
    public var fix: Fix?
    /// Overrides the rule's default severity (a fixable non-canonical spelling can be a warning).
    public var severity: Severity?
    /// Parts of the value the message quotes besides the value itself (a display name), for `--redact`.
    public var quoted: [String] = []

    public init(_ rule: RuleDescriptor, _ message: String, fix: Fix? = nil, severity: Severity? = nil) {
        self.rule = rule
        self.message = message
        self.fix = fix
        self.severity = severity
    }
}

/// What validators may need beyond the value: the column's spec and per-run settings.
public struct ValueContext: Sendable {
    public var column: ColumnSpec
    /// The kind in force for this cell (a `kind_by` column resolves it from another cell of the row).
    public var kind: ValueKind
    /// Allowed values in force for this cell (`allowed`, or `allowed_by` resolved from the row).
    public var allowed: [String]?
    public var defaultRegion: String?
    public var profileName: String
    /// The profile's locale table (empty when the profile has none).
    public var locales: LocaleTable
    /// Accepted time zone names of the profile (empty when the profile has none).
    public var timeZoneNames: Set<String>
    /// Names the profile's time zone table marks (a third column) as known only to the newest release of
    /// the target's time zone list: accepted, but warned about and never a safe fix's target.
    public var newestTimeZoneNames: Set<String> = []
    /// How messages name the target system (the profile's `target:` wording).
    public var target = TargetWording.neutral
    /// Service-account patterns and allowed TLDs of the run.
    public var directory: DirectorySettings
    /// Whether the target documents that an empty cell clears the field (the profile's `empty_cells_overwrite`).
    public var emptyCellsOverwrite = false
    /// The columns of the profile's first matching key (`identifiers`) that holds this column (4me's
    /// Source + Source ID); empty when none does.
    public var matchingKey: [String] = []
    /// The columns of the matching key the profile tries after `matchingKey` (4me's Primary Email after
    /// Source + Source ID); empty when none follows.
    public var nextMatchingKey: [String] = []
    /// The names `--known-organizations` lists, which a clustered column (4me's Organization) may hold;
    /// lowercased; nil without the list. A listed 'Unknown' names an organization the user says exists.
    public var knownNames: Set<String>?
    /// Whether a rule that judges phone numbers (invalid-phone, phone-missing-plus) is selected: when neither
    /// is, a phone column's values are not parsed at all (`--ignore` of them removes libphonenumber's cost).
    public var checksPhones = true

    public init(column: ColumnSpec, kind: ValueKind, allowed: [String]?, defaultRegion: String?, profileName: String,
                locales: LocaleTable = .empty, timeZoneNames: Set<String> = [], directory: DirectorySettings = .standard) {
        self.column = column
        self.kind = kind
        self.allowed = allowed
        self.defaultRegion = defaultRegion
        self.profileName = profileName
        self.locales = locales
        self.timeZoneNames = timeZoneNames
        self.directory = directory
    }

    /// Whether `value` is a name the known-organizations list gives for this column, in any case: not a
    /// placeholder then ('UNKNOWN' for a listed 'Unknown' is a spelling of it, which unknown-organization
    /// reports and fixes as it does 'ACME' for 'Acme').
    func isKnownName(_ value: String) -> Bool {
        column.cluster && knownNames?.contains(value.lowercased()) == true
    }

    /// A lone '-' is a placeholder in this cell (`Placeholder.takesLoneDash`).
    var takesLoneDash: Bool { Placeholder.takesLoneDash(kind: kind, column: column, key: !matchingKey.isEmpty) }
}

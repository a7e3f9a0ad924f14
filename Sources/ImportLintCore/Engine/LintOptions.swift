/// Settings of one lint run, from the command line and configuration.
public struct LintOptions: Sendable {
    /// A built-in profile name or a YAML path; nil detects the profile from the header.
    public var profile: String?
    public var delimiter: UInt8?
    /// An ICU charset name that overrides detection.
    public var inputEncoding: String?
    public var selection: RuleSelection
    public var defaultRegion: String?
    /// Let the result read its lines back for text reports (`LintResult.source`).
    public var captureSourceLines: Bool
    /// `--max-findings`: keep at most this many findings of the file (the rest are only counted).
    public var maxFindings: Int?
    /// `--suppressions`: findings accepted before they are kept or counted.
    public var suppressions: SuppressionFilter?
    /// Keys of records in other files that this file's `references` column must name, by profile name.
    public var references: [String: ReferenceSet] = [:]
    /// Names that exist in the target system (`--known-organizations`); nil when not given.
    public var knownOrganizations: [String]?
    /// Locale tags the account offers beyond the profile's documented list (`locales:` in .importlint.yml).
    public var extraLocales: [String] = []
    /// Reviewed value → canonical rewrites (`--mapping`).
    public var mapping: [String: String] = [:]
    /// A file of known organization names (one a line), for `unknown-organization`.
    public var knownOrganizationsPath: String?
    /// The previous upload, for `record-count-drop` and `removed-identifiers`.
    public var baselinePath: String?
    /// How the baseline is named in messages and `related` (defaults to `baselinePath`).
    public var baselineDisplayPath: String?
    /// `record-count-drop` reports a fall of more than this fraction of the baseline's records.
    public var recordCountDropThreshold: Double = 0.10
    /// Service-account patterns added to and removed from rules/tables/service-accounts.tsv.
    public var serviceAccountsAdded: [String] = []
    public var serviceAccountsRemoved: [String] = []
    /// Lowercase top-level domains accepted beyond IANA's list (`allowed-tlds`).
    public var allowedTLDs: [String] = []
    /// Threads one file may use: with two or more, a large UTF-8 file is linted in two parts at once
    /// (`SplitLint`); the report is the same either way.
    public var threadsPerFile = 1
    /// Smaller files are read in one piece: a second thread and the merge are not worth it.
    public var splitMinimumBytes = 8 << 20
    /// Larger files are read in one piece too: the later part keeps key state of its own until the merge
    /// (about 40 bytes a record), which would nearly double the peak memory of a file of ten million rows
    /// (362 MiB against 196 MiB for 1.5 GB of people); memory is to grow with distinct keys, not cores.
    public var splitMaximumBytes = 1 << 30
    /// Set by `fix` for the lint of its own output: records it wrote unchanged from records nothing was
    /// reported on, which the rules judging a record alone skip.
    var unchangedRecords: UnchangedRecords?
    /// Set by `fix` for the lint of its own output when it wrote every record on its line and number and
    /// changed cells of other columns only: the input's duplicate-identifier findings, handed on, and its
    /// cluster findings (`ReplayedClustersRule`).
    var replayedDuplicates: ReplayedDuplicates?
    /// Set by `fix` for the lints of its output when the input was a SQL client's text export
    /// (`LintResult.sqlTextExport`): the output still is one after --unsafe-fixes emptied its NULL cells, and
    /// its other escapes are still reported (`BackslashEscapeRule`).
    var sqlTextExport: SQLTextExport?
    /// Set by `fix` for the lints of its output when it read the input in a guessed code page: the text it
    /// wrote is that guess (`GuessedReading`).
    var guessedReading: LegacyEncoding?
    /// Set by `fix` for all its lints of one file: clusterings the next lint may reuse.
    var clusterings: ClusteringMemo?
    /// Set by `fix` for its lint of the input: takes every byte that lint reads (the file is then read in
    /// one piece), for the check that the input did not change before the fixed file replaces anything.
    var readDigest: ReadDigest?
    /// Set by `fix` for its lint of the input: where each record starts and which are plain (`RecordMap`).
    var recordMaps: RecordMaps?
    /// Tests: cut the file in two at the first line feed at or after this byte offset, whatever its size.
    var splitOffset: Int?
    /// Set by `fix` for the lint of its output written in two parts: where the later part's output starts
    /// and its first line. A split lint cuts there without counting the earlier part's lines (`CutLine`).
    var knownCut: LintCut?

    /// Whether a file of `size` bytes is linted on two cores (`SplitLint`).
    func splits(size: Int) -> Bool {
        threadsPerFile > 1 && size >= splitMinimumBytes && size <= splitMaximumBytes
    }

    public init(profile: String? = nil, delimiter: UInt8? = nil, inputEncoding: String? = nil,
                selection: RuleSelection = RuleSelection(), defaultRegion: String? = nil, captureSourceLines: Bool = false) {
        self.profile = profile
        self.delimiter = delimiter
        self.inputEncoding = inputEncoding
        self.selection = selection
        self.defaultRegion = defaultRegion
        self.captureSourceLines = captureSourceLines
    }

    /// Accepts ',', ';', '|', 'tab', '\t', 'comma', 'semicolon', 'pipe'.
    public static func parseDelimiter(_ text: String) -> UInt8? {
        switch text.lowercased() {
        case ",", "comma": 0x2C
        case ";", "semicolon": 0x3B
        case "\t", "\\t", "tab": 0x09
        case "|", "pipe": 0x7C
        default: nil
        }
    }
}

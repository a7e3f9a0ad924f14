/// Collects the distinct values of every clustered column (4me Organization, Receptionist Department,
/// any column a profile marks `cluster: true`), clusters them when the file ends, and reports
/// `organization-variants` and `unknown-organization` on every row holding a reported value.
///
/// While reading it keeps, per distinct value, its count and the exact place of its first
/// `keptOccurrences` rows: memory grows with distinct values, not with the file. A reported value that
/// occurs more often than that (rare: variants are usually rare spellings) is placed by reading the file
/// once more.
final class ClusterRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.organizationVariants, .unknownOrganization] }
    static let keptOccurrences = 100

    private struct Occurrence {
        var entry: Int32
        var line: Int32
        var column: Int32
        var record: Int32
    }

    /// What one clustered column gathers while the file is read. Raw buffers only: an array element or
    /// a class instance would be retained and released at every row, which costs more than the tally.
    private struct Tally {
        let fieldIndex: Int
        var spellings = ByteStringCounter()
        var kept = RawList<Occurrence>(capacity: 256)
        /// Spellings seen lately, with their entry numbers by slot: a repeated spelling (nearly every row)
        /// is counted by a short look-up and one byte comparison instead of hashing it into `spellings`.
        /// Four tables, the spelling's length (mod 4) choosing one: a people file's 960 Organization
        /// spellings missed one look-up in five in a single table, one in thirty in four. (A larger table,
        /// its size a stored value, cost the value rules' look-ups in the same table more than it spared.)
        let recent: UnsafeMutablePointer<RecentByteStrings> = {
            let tables = UnsafeMutablePointer<RecentByteStrings>.allocate(capacity: Tally.recentTables)
            tables.initialize(from: (0..<Tally.recentTables).map { _ in RecentByteStrings() }, count: Tally.recentTables)
            return tables
        }()
        /// Per table, the entry number of each slot's spelling.
        let recentEntries: UnsafeMutablePointer<Int32> = {
            let entries = UnsafeMutablePointer<Int32>.allocate(capacity: Tally.recentTables * RecentByteStrings.slotCount)
            entries.initialize(repeating: 0, count: Tally.recentTables * RecentByteStrings.slotCount)
            return entries
        }()
        private static var recentTables: Int { 4 }

        /// Counts one occurrence of `value`; returns its entry number and how often it has now been seen.
        @inline(__always)
        mutating func add(_ value: UnsafeBufferPointer<UInt8>) -> (entry: Int, occurrences: Int) {
            let table = value.count & (Self.recentTables - 1)
            let entries = recentEntries + table &* RecentByteStrings.slotCount
            let slot = recent[table].find(value)
            if slot >= 0 {
                let entry = Int(entries[slot])
                return (entry, spellings.addOccurrence(of: entry))
            }
            return addUnremembered(value, table: table)
        }

        /// `add` for a spelling not among the recent ones: out of line, so that `check`'s loop keeps its
        /// state in registers for the repeats.
        @inline(never)
        private mutating func addUnremembered(_ value: UnsafeBufferPointer<UInt8>, table: Int) -> (entry: Int, occurrences: Int) {
            let entries = recentEntries + table &* RecentByteStrings.slotCount
            let added = spellings.add(value)
            let taken = recent[table].insert(value)
            if taken >= 0 { entries[taken] = Int32(truncatingIfNeeded: added.entry) }
            return added
        }

        func deallocate() {
            spellings.deallocate()
            kept.deallocate()
            for t in 0..<Self.recentTables { recent[t].deallocate() }
            recent.deinitialize(count: Self.recentTables)
            recent.deallocate()
            recentEntries.deallocate()
        }
    }

    /// A value as the clusterer sees it: one String, maybe several byte spellings (NFC and NFD 'Zoë').
    private struct Distinct {
        let value: String
        var spellings: [Int]
        var count: Int
        var occurrences: [Occurrence]
    }

    /// What to report for one value when the file ends.
    private struct Finding {
        let rule: RuleDescriptor
        let message: String
        let fix: Fix?
        let values: [String]
    }

    private struct Column {
        let index: Int
        let name: String
        /// A lone '-' names no record here (a reference: 4me's Organization), but is text in a Department.
        let loneDash: Bool
        /// placeholder-value reports a placeholder here as an error (a record the target requires to exist,
        /// 4me's Organization): unknown-organization leaves such a cell to it.
        let placeholderIsError: Bool
    }

    private let columns: [Column]
    /// One per column, in the same order.
    private let tallies: UnsafeMutablePointer<Tally>
    private let clusterer: ValueClusterer
    private let knownListGiven: Bool
    /// The known names lowercased: a placeholder spelled as one of them, case aside, names it.
    private let knownLowercased: Set<String>
    private let context: FileContext
    /// The clusters found when the file ended.
    private var found: [Cluster] = []

    init?(_ context: FileContext) {
        columns = Self.columnsRead(context).map { index in
            let spec = context.bindings[index]!
            return Column(index: index, name: spec.name, loneDash: Placeholder.takesLoneDash(kind: spec.kind, column: spec, key: false),
                          placeholderIsError: spec.reference && spec.mustExist && context.options.selection.isEnabled(.placeholderValue))
        }
        if columns.isEmpty { return nil }
        tallies = .allocate(capacity: columns.count)
        tallies.initialize(from: columns.map { Tally(fieldIndex: $0.index) }, count: columns.count)
        clusterer = ValueClusterer(knownNames: context.options.knownOrganizations ?? [], mapping: context.options.mapping)
        knownListGiven = context.options.knownOrganizations != nil
        knownLowercased = Set((context.options.knownOrganizations ?? []).map { $0.lowercased() })
        self.context = context
    }

    /// The columns the rule clusters; empty when it does not apply to the file (no clustered column, or
    /// neither of its findings selected).
    static func columnsRead(_ context: FileContext) -> [Int] {
        let selection = context.options.selection
        guard selection.isEnabled(.organizationVariants) || selection.isEnabled(.unknownOrganization) else { return [] }
        return context.bindings.indices.filter { context.bindings[$0]?.cluster == true }
    }

    deinit {
        for t in 0..<columns.count { tallies[t].deallocate() }
        tallies.deinitialize(count: columns.count)
        tallies.deallocate()
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // An ordinary record has no cell starting or ending with a space or tab: nothing to trim.
        let untrimmed = reader.isOrdinary
        for t in 0..<columns.count {
            let field = tallies[t].fieldIndex
            let raw = reader.bytes(field)
            let value = untrimmed ? raw : raw.trimmedASCII()
            if value.isEmpty { continue }
            let (entry, seen) = tallies[t].add(value)
            if seen <= Self.keptOccurrences { keep(entry, of: t, field: field, reader, record: record) }
        }
    }

    /// Keeps the place of an occurrence of spelling `entry` in column `t`: out of line, like
    /// `Tally.addUnremembered`.
    @inline(never)
    private func keep(_ entry: Int, of t: Int, field: Int, _ reader: CSVReader, record: Int) {
        let position = reader.position(ofField: field)
        tallies[t].kept.append(Occurrence(entry: Int32(truncatingIfNeeded: entry),
                                          line: Int32(truncatingIfNeeded: position.line),
                                          column: Int32(truncatingIfNeeded: position.column),
                                          record: Int32(truncatingIfNeeded: record)))
    }

    override var splitting: Splitting { .merges }

    /// Builds the country, city and legal-form tables `finish` reads (once per process; a later caller
    /// waits for them).
    static func prepareTables() {
        _ = CountryNames.shared
        _ = CityNames.shared
        _ = OrganizationVocabulary.legalSuffixTokens
        _ = NameNormalizer.gluedForms
    }

    /// Counts the later part's spellings after this part's and keeps their rows while a spelling has
    /// fewer than `keptOccurrences`, as one pass would have.
    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? ClusterRule else { return }
        absorb(later, recordsBefore: part.recordsBefore, linesBefore: part.linesBefore)
    }

    /// `absorb` and the work of `finish` that needs no sink, on the later part's thread of a split file
    /// once both parts are read, while the first thread merges the other rules (`SplitLint.Later`).
    func absorbAndSettle(_ later: ClusterRule, recordsBefore: Int, linesBefore: Int) {
        absorb(later, recordsBefore: recordsBefore, linesBefore: linesBefore)
        settled = settle()
    }

    private func absorb(_ later: ClusterRule, recordsBefore: Int, linesBefore: Int) {
        for t in 0..<columns.count {
            let theirs = later.tallies[t]
            var entries: [(entry: Int, before: Int)] = []
            entries.reserveCapacity(theirs.spellings.count)
            for e in 0..<theirs.spellings.count {
                entries.append(tallies[t].spellings.add(theirs.spellings.bytes(of: e), times: theirs.spellings.occurrences(e)))
            }
            var seen = [Int](repeating: 0, count: entries.count)
            for i in 0..<theirs.kept.count {
                var occurrence = theirs.kept[i]
                let e = Int(occurrence.entry)
                seen[e] += 1
                guard entries[e].before + seen[e] <= Self.keptOccurrences else { continue }
                occurrence.entry = Int32(truncatingIfNeeded: entries[e].entry)
                occurrence.record += Int32(truncatingIfNeeded: recordsBefore)
                occurrence.line += Int32(truncatingIfNeeded: linesBefore)
                tallies[t].kept.append(occurrence)
            }
        }
    }

    /// The column's distinct spellings with their kept rows, canonically equivalent spellings merged.
    private func distinctValues(of column: Int) -> [Distinct] {
        let tally = tallies[column]
        var rows = [[Occurrence]](repeating: [], count: tally.spellings.count)
        for i in 0..<tally.kept.count { rows[Int(tally.kept[i].entry)].append(tally.kept[i]) }
        var slot: [String: Int] = [:]
        var merged: [Distinct] = []
        for entry in 0..<tally.spellings.count {
            let value = tally.spellings.string(entry), count = tally.spellings.occurrences(entry)
            // NFC and NFD 'Zoë' are one String to Swift and to the clusterer; the first spelling seen
            // names them (not-nfc reports the other).
            if let i = slot[value] {
                merged[i].spellings.append(entry)
                merged[i].count += count
                merged[i].occurrences += rows[entry]
            } else {
                slot[value] = merged.count
                merged.append(Distinct(value: value, spellings: [entry], count: count, occurrences: rows[entry]))
            }
        }
        return merged
    }

    /// What `finish` reports, worked out from the tallies alone: the clusters, and per column each reported
    /// value's finding with the rows to report it on, in the order they are reported.
    private struct Settled {
        var clusters: [Cluster] = []
        var columns: [(column: Int, inPlace: [(finding: Finding, rows: [Occurrence])], later: [Int: Finding])] = []
    }

    /// Worked out ahead of `finish` on another thread (`absorbAndSettle`), or nil.
    private var settled: Settled?

    override func finish(sink: DiagnosticSink) {
        let settled = settled ?? settle()
        self.settled = nil
        /// Findings whose value has rows beyond the kept ones, by column and spelling entry.
        var rescan: [(column: Int, findings: [Int: Finding])] = []
        for (t, inPlace, later) in settled.columns {
            for (finding, rows) in inPlace {
                for o in rows {
                    emit(finding, line: Int(o.line), column: Int(o.column), record: Int(o.record), field: columns[t], sink: sink)
                }
            }
            if !later.isEmpty { rescan.append((t, later)) }
        }
        if !rescan.isEmpty { placeByReadingAgain(rescan, sink: sink) }
        found = settled.clusters
    }

    private func settle() -> Settled {
        var settled = Settled()
        for (t, column) in columns.enumerated() {
            let distinct = distinctValues(of: t)
            let byValue = Dictionary(uniqueKeysWithValues: distinct.map { ($0.value, $0) })
            // A spelling whose letters were lost ('Widget ?????' from 'Widget Ελλάς') is no spelling of any
            // other name: what remains of it would join the wrong one.
            let lostLetters = Set(distinct.lazy.filter { LossyReplacement.check($0.value, kind: .text) != nil }.map(\.value))
            // A placeholder ('n/a', 'Unknown') names no organization (placeholder-value reports it): clustered,
            // 'n/a' became a variant of 'N.A.'.
            // But a known name in another case ('UNKNOWN' for a listed 'Unknown') is a spelling of it.
            let placeholders = Set(distinct.lazy.filter { Placeholder.matches($0.value, kind: .text, loneDash: column.loneDash)
                && !self.knownLowercased.contains($0.value.lowercased()) }.map(\.value))
            // Nor does a value of several lines (line-break-in-value reports it): clustered, 'Widget Inc;Widget
            // Labs' became a variant of 'Widget Inc⏎Widget Labs', with that as its fix.
            let joined = Set(distinct.lazy.filter { $0.value.unicodeScalars.contains { $0 == "\n" || $0 == "\r" } }.map(\.value))
            let values = distinct.filter { !lostLetters.contains($0.value) && !placeholders.contains($0.value) && !joined.contains($0.value) }
                .map { ($0.value, $0.count) }
            // The names clustering normalized, which the findings' wording compares again.
            var names: [String: NormalizedName] = [:]
            let clusters = context.options.clusterings?.clusters(of: values, by: clusterer, names: &names) ?? clusterer.cluster(values, names: &names)
            var canonicalOf: [String: ClusterTarget] = [:]
            for cluster in clusters {
                settled.clusters.append(cluster.reportCluster(field: column.name) { value in
                    (byValue[value]?.occurrences.prefix(Self.keptOccurrences).map { Int($0.line) }) ?? []
                })
                // The issue's rule: a canonical chosen by frequency is a guess; only the known list or a
                // reviewed mapping makes the rewrite safe.
                // A typo of a known name that is as near another known name is a pick between them: unsafe.
                let safe = cluster.source == .known || cluster.source == .mapping
                let canonicalCount = cluster.members.first { $0.value == cluster.canonical }?.count
                for member in cluster.variants {
                    let pick = cluster.source == .known && clusterer.typoMatchesSeveralKnown(member.value, target: cluster.canonical)
                    canonicalOf[member.value] = ClusterTarget(canonical: cluster.canonical, safe: safe && !pick,
                                                              tied: cluster.source == .tie && member.count == canonicalCount)
                }
            }
            var inPlace: [(finding: Finding, rows: [Occurrence])] = []
            var later: [Int: Finding] = [:]
            for value in distinct {
                guard let finding = knownListGiven ? unknownFinding(value, column: column, canonical: canonicalOf[value.value],
                                                                    lostLetters: lostLetters.contains(value.value),
                                                                    placeholder: placeholders.contains(value.value))
                                                   : variantFinding(value, column: column, target: canonicalOf[value.value], names: &names)
                else { continue }
                if value.count > value.occurrences.count {
                    for entry in value.spellings { later[entry] = finding }
                } else {
                    inPlace.append((finding, value.occurrences))
                }
            }
            settled.columns.append((t, inPlace, later))
        }
        return settled
    }

    override func reportedClusters() -> [Cluster]? { found }

    private func placeByReadingAgain(_ rescan: [(column: Int, findings: [Int: Finding])], sink: DiagnosticSink) {
        do {
            try context.forEachRecord { reader, record in
                for (t, findings) in rescan {
                    let column = columns[t]
                    let value = reader.bytes(column.index).trimmedASCII()
                    if value.isEmpty { continue }
                    guard let entry = self.tallies[t].spellings.find(value), let finding = findings[entry] else { continue }
                    let position = reader.position(ofField: column.index)
                    emit(finding, line: position.line, column: position.column, record: record, field: column, sink: sink)
                }
            }
        } catch {
            // The file was read a moment ago; if it vanished since, its first rows were still reported.
        }
    }

    /// The spelling a variant is rewritten to, whether that needs no review, and whether the choice was a
    /// tie the file cannot break.
    private struct ClusterTarget {
        var canonical: String
        var safe: Bool
        var tied: Bool
    }

    private func variantFinding(_ value: Distinct, column: Column, target: ClusterTarget?,
                                names: inout [String: NormalizedName]) -> Finding? {
        guard let target else { return nil }
        let rows = value.count == 1 ? "1 row spells" : "\(value.count) rows spell"
        // A city appended is a guess either way: 4me's own sample names organizations of their own
        // with a qualifier after a comma ('Widget North America, Information Technology').
        let message = !target.safe && clusterer.differByAppendedCity(value.value, target.canonical, names: &names)
            ? "\(column.name) '\(value.value)' and '\(target.canonical)' differ by an appended city: the same organization, or a branch with an organization of its own (\(rows) it this way)"
            : target.tied
            ? "\(column.name) '\(value.value)' and '\(target.canonical)' look like spellings of one name and are as common as each other (\(rows) it this way): the file cannot tell which one the target knows"
            : "\(column.name) '\(value.value)' is a variant of '\(target.canonical)' (\(rows) it this way)"
        return Finding(rule: .organizationVariants,
                       message: message,
                       fix: Fix(target.safe ? .safe : .unsafe, "Replace with '\(target.canonical)'", replacement: target.canonical),
                       values: [value.value, target.canonical])
    }

    /// With a known-organizations list, every value outside it is reported; its cluster's known canonical,
    /// or the single known name it is a variant of, is a safe fix, unless the match rests on reading a word
    /// as a country that may mean something else ('Acme DE': Germany or Delaware), which is a guess. In
    /// `Name @account` (an organization of another 4me account) the name is compared and the account kept.
    private func unknownFinding(_ value: Distinct, column: Column, canonical: ClusterTarget?, lostLetters: Bool, placeholder: Bool) -> Finding? {
        let (name, account) = KnownOrganizations.splitAccount(value.value)
        let match = clusterer.matchKnown(name)
        if match.isKnown { return nil }
        if lostLetters {
            return Finding(rule: .unknownOrganization,
                           message: "\(column.name) '\(value.value)' is not a known organization; letters of it were lost ('?'), so it is not matched to a known name",
                           fix: nil, values: [value.value])
        }
        // A placeholder names no organization: 'N/A' is no spelling of a known 'NA', nor 'TBD' of 'TBD Inc'.
        if placeholder {
            if column.placeholderIsError { return nil }
            return Finding(rule: .unknownOrganization,
                           message: "\(column.name) '\(value.value)' is not a known organization; it is a placeholder for 'no value' (see placeholder-value), so it is matched to no known name",
                           fix: nil, values: [value.value])
        }
        let suffix = account.map { " @" + $0 } ?? ""
        let known = account == nil ? canonical.flatMap { $0.safe ? $0.canonical : nil } ?? match.variantOf : match.variantOf
        let target = known.map { $0 + suffix }
        let countryDoubt = known.flatMap { AmbiguousCountryReading.doubt(name, matchedTo: $0) }
        let formDoubt = countryDoubt == nil ? known.flatMap { legalFormDoubt(name, known: $0) } : nil
        let doubt = countryDoubt ?? formDoubt
        let hint = target.map { t in countryDoubt.map { "; it may be a spelling of '\(t)', but \($0)" }
            ?? formDoubt.map { "; it may be '\(t)', but \($0)" } ?? "; it is a spelling of '\(t)'" }
            ?? (match.suggestions.isEmpty ? "" : "; closest known: " + match.suggestions.map { "'\($0)'" }.joined(separator: ", "))
        return Finding(rule: .unknownOrganization,
                       message: "\(column.name) '\(value.value)' is not a known organization\(hint)",
                       fix: target.map { Fix(doubt == nil ? .safe : .unsafe, "Replace with '\($0)'", replacement: $0) },
                       values: [value.value] + match.suggestions)
    }

    /// Why rewriting `name` to the known name `known` is a guess when one of them carries a legal form and the
    /// other none, unless a reviewed mapping says so: the words agree, the legal entity is not verified.
    private func legalFormDoubt(_ name: String, known: String) -> String? {
        guard context.options.mapping[name] != known else { return nil }
        let forms = clusterer.legalForms(name, known: known)
        guard forms.value != forms.known else { return nil }
        let (with, without) = forms.value ? (name, known) : (known, name)
        return "'\(with)' has a legal form and '\(without)' none: whether they name the same organization is a guess"
    }

    private func emit(_ finding: Finding, line: Int, column: Int, record: Int, field: Column, sink: DiagnosticSink) {
        var message = finding.message, fix = finding.fix
        // No fix that the fixer would write as a formula (FormulaGuard). A spelling stands for cells that
        // differ in surrounding blanks, some of them perhaps no formula, so any formula target is withheld.
        if let replacement = fix?.replacement, FormulaGuard.writesFormula(replacement) {
            message += FormulaGuard.note(replacement)
            fix = nil
        }
        sink.emit(Diagnostic(rule: finding.rule, line: line, column: column, record: record, field: field.name,
                             message: message, fix: fix, fieldIndex: field.index, values: finding.values))
    }
}

extension RuleDescriptor {
    public static let organizationVariants = RuleDescriptor(
        code: "ORG001", name: "organization-variants", severity: .warning, fix: .sometimes,
        summary: "The same organization (or department) is spelled in several ways.",
        explanation: """
        4me links a person to an organization by its exact name, and The Receptionist groups \
        contacts by department name. Directory services spell one organization many ways \
        ("Widget Germany", "WIDGET  GERMANY", "Widget Deutschland GmbH"); each spelling then \
        needs its own organization or is rejected. Values of the column are clustered after \
        folding case, accents, punctuation, '&'/'and', legal suffixes, country names and \
        abbreviations, and after allowing a small typo in a long word; names differing in a \
        country, region, number or any other word are never merged, and a spelling whose letters \
        were lost to '?' (see lossy-replacement) is never merged at all. A name with a city \
        appended ('Acme Inc - Houston') joins the name without it only when no other city is \
        appended to that name ('Acme Inc (Paris)': two branches), and is reported as the same \
        organization or a branch with one of its own, since 4me names organizations so ('Widget \
        North America, Information Technology' in its sample). Every occurrence of a \
        spelling other than the cluster's canonical one (a known organization, a reviewed \
        mapping, else the most frequent spelling) is reported. The fix is safe when the \
        canonical spelling is a known organization or comes from a reviewed mapping; a \
        canonical chosen by frequency is a guess, so its fix is unsafe (to review), even for \
        spellings that differ only in case or spacing.
        """,
        triggeringExample: "Name\tOrganization\nAda\tWidget Germany\nBob\tWIDGET  GERMANY\nCy\tWidget Deutschland\n",
        cleanExample: "Name\tOrganization\nAda\tWidget Germany\nBob\tWidget Germany\nCy\tWidget France\n")

    public static let unknownOrganization = RuleDescriptor(
        code: "ORG002", name: "unknown-organization", severity: .error, fix: .sometimes,
        summary: "The organization does not exist in the list given with --known-organizations.",
        explanation: """
        4me rejects a person whose Organization does not name an existing organization. With \
        --known-organizations FILE (one name per line, or a CSV export with a Name column), every \
        value not in that list is reported with the closest known names. A reference to another \
        account's organization, 'Name @account', is compared by its name. When the value is a \
        spelling variant of exactly one known name (same name after folding case, accents, \
        punctuation, legal suffix and country synonyms, or a one-letter typo in a long word), \
        replacing it is a safe fix; otherwise the suggestions need review. A typo that is also one \
        letter from another known name ('Widget Fiance': 'Widget Finance' or 'Widget France') is \
        matched to neither. A match that rests on reading a word as a country that may mean \
        something else: a code that is also a US state's or Canadian province's ('Acme DE' is Acme \
        Germany or Acme's Delaware entity, 'Acme CA' Canada or California), an abbreviation ('Acme Fin', \
        'Acme Ind') or a US state's name ('Georgia'), is an unsafe fix. So is a match where one name \
        carries a legal form and the other none ('Beta Ltd' or 'Beta GmbH' to a known 'Beta', or 'Beta' to \
        the only known 'Beta Ltd'): the words agree, but the fix cannot verify that they name one legal \
        entity (a group's brand, its UK company and its German one are often separate organizations, and the \
        list may hold only one of them); a legal form spelled another way ('Ltd' and 'Limited', 'B.V.' and \
        'BV') is the same form, and a reviewed mapping stays safe. A value whose letters \
        were lost to '?' ('Widget ?????', see lossy-replacement) is matched to no known name, nor is a \
        placeholder ('N/A' is no spelling of a known 'NA'; placeholder-value reports it).
        """,
        triggeringExample: "Name\tOrganization\nAda\tWidget Deutschland\nBob\tGadget Germany\n",
        cleanExample: "Name\tOrganization\nAda\tWidget Germany\n",
        exampleSetup: ExampleSetup(knownOrganizations: "Widget Germany\n"))
}

import CFieldScan

extension RuleDescriptor {
    public static let duplicateIdentifier = RuleDescriptor(
        code: "ID001", name: "duplicate-identifier", severity: .error,
        summary: "Two records have the same matching key",
        explanation: "Imports match records by key (4me People: ID, then Source + Source ID, then Primary Email compared case-insensitively; The Receptionist: Identification, Email, SMS Phone). An SMS Phone is compared as the number dialled: a repeat written with other spaces, dashes, dots or parentheses is a warning, since how The Receptionist compares numbers is not documented. Text compared case-insensitively is also compared in Unicode NFC: a repeat written in another Unicode form (accents as separate characters, as macOS writes them) is a warning, since whether the import compares text in NFC is not documented (either the rows update one record twice, or the second makes a record that looks the same). Two rows with the same key update one record twice, so the first row's values are lost. A row that repeats its first row whole (byte for byte, as when an export is appended to itself) is a warning: no value is lost, and whether the import reports the repeat is not documented. A Receptionist contact listed once per Location Slug is not a duplicate. Reported on every later occurrence, pointing at the first.",
        triggeringExample: "Primary Email,Name\nann@example.com,Ann\nANN@example.com,Ann Lee",
        cleanExample: "Primary Email,Name\nann@example.com,Ann\nbob@example.com,Bob")
}

/// One seen-key table per identifier key of the profile; keys are trimmed and optionally case-folded.
/// A key with a scope (The Receptionist's Location Slug) has a second table keyed without the scope that
/// remembers who first used it: a repeat under another scope value is excused only for the same person.
///
/// The tables hold 64-bit fingerprints, not keys: memory grows with the distinct keys, about 8 bytes each. A
/// fingerprint seen before is reported in place at once and checked against the real bytes of the first
/// row when the file ends (`DuplicateKeyVerifier`), so that a fingerprint collision is never a finding.
final class DuplicateIdentifierRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.duplicateIdentifier] }
    final class KeyState {
        let spec: IdentifierKey
        let indices: [Int]
        /// The kinds of the key's columns, which say what a placeholder ('NULL', 'N/A') looks like in each.
        let kinds: [ValueKind]
        let scope: [Int]
        /// `scope` is not empty, read at every record without touching the array.
        let scoped: Bool
        let caseInsensitive: Bool
        /// Compared as the number dialled (`compare: dialled`): formatting characters are not hashed.
        let dialled: Bool
        /// `indices` and `kinds` side by side in raw memory, for the hashing at every record: reading the
        /// arrays of this class there retained and released them.
        let parts: UnsafeMutableBufferPointer<(index: Int, kind: ValueKind)>
        /// Key (with its scope values) → line of its first row.
        let firstLine = FingerprintTable(expectedKeys: firstLayerKeys)
        /// Key alone → index into `crossScopeLine` / `crossScopePerson`, for scoped keys (empty for others).
        let crossScope: FingerprintTable
        var crossScopeLine: [UInt32] = []
        /// `Key128.noPerson` when no `same_person` columns are filled (an optional would take 24 bytes).
        var crossScopePerson: [Key128] = []
        /// Fingerprints of the records `prepare` read in one go, the first on the rule's `readLine` and the
        /// rest on the lines after: `readFound` is 0 where a key part is empty, else `readFull` holds the
        /// fingerprint with scope and `readAlone` (for a key with a scope) the one without. Apart, so that
        /// `cfs_key_fingerprints` writes its fingerprints and their flags in place.
        let readFull = UnsafeMutablePointer<UInt64>.allocate(capacity: CSVReader.batchCapacity + 1)
        let readAlone = UnsafeMutablePointer<UInt64>.allocate(capacity: CSVReader.batchCapacity + 1)
        let readFound = UnsafeMutablePointer<UInt8>.allocate(capacity: CSVReader.batchCapacity + 1)
        /// The cell of a key of one cell without scope, compared as written or case-insensitively (4me's
        /// Primary Email): the records split ahead are fingerprinted in C (`cfs_key_fingerprints`), but for
        /// the few cells it leaves to `fingerprints`.
        let plainCell: Int?

        init(spec: IdentifierKey, indices: [Int], kinds: [ValueKind], scope: [Int]) {
            self.spec = spec
            self.indices = indices
            self.kinds = kinds
            self.scope = scope
            scoped = !scope.isEmpty
            self.caseInsensitive = spec.caseInsensitive
            self.dialled = spec.dialled
            plainCell = indices.count == 1 && scope.isEmpty && !spec.dialled ? indices[0] : nil
            crossScope = FingerprintTable(expectedKeys: scope.isEmpty ? 0 : firstLayerKeys)
            parts = .allocate(capacity: indices.count)
            _ = parts.initialize(from: zip(indices, kinds).map { (index: $0, kind: $1) })
        }

        deinit {
            parts.deallocate()
            readFull.deallocate()
            readAlone.deallocate()
            readFound.deallocate()
        }

        @inline(__always)
        func setRead(_ i: Int, _ fingerprints: (full: UInt64, alone: UInt64)?) {
            guard let fingerprints else { readFound[i] = 0; return }
            (readFull[i], readAlone[i], readFound[i]) = (fingerprints.full, fingerprints.alone, 1)
        }
    }
    let keys: [KeyState]
    /// `keys` for the per-record loops, unretained (the rule holds them in `keys`): reading the array and
    /// its elements from this class retained and released both at every record.
    private let recordKeys: UnsafeMutableBufferPointer<Unmanaged<KeyState>>
    /// The `readFound` of the rule's one key when it has one, of one cell without scope (4me's Primary Email
    /// in a people file), else nil: `check` and the prefetch then read it, its `readFull` and its table
    /// from the rule, without the loop over the keys (its closure was kept out of line: ~10 instructions a
    /// record).
    private let soleFound: UnsafeMutablePointer<UInt8>?
    private let soleFull: UnsafeMutablePointer<UInt64>
    private let soleTable: FingerprintTable
    /// Column groups that identify a person, in order of preference (`same_person` of the profile).
    private let personColumns: [[Int]]
    let verifier: DuplicateKeyVerifier
    /// The input's size, to size the tables once the length of a record is known.
    private let inputBytes: Int?
    /// Where the part this rule reads starts in the decoded stream (0 unless it reads a split file's later part).
    private var partStart = 0
    /// Where it ends, when it reads only a split file's earlier part: the tables are sized for that part.
    private var partEnd: Int?
    /// Reading a split file's later part: the first row of every key seen here, which the earlier part
    /// may have had (see `DuplicateIdentifierRule+Split`).
    @exclusivity(unchecked) var firstRows: HugePageList<FirstRow>?
    /// Later part, from `amend` to `absorb`: what verifies its repeats, in reading order.
    var laterCandidates: [LaterCandidate] = []

    init?(_ context: FileContext) {
        keys = Self.keyColumns(context).map { key in
            KeyState(spec: key.spec, indices: key.indices, kinds: key.indices.map { context.bindings[$0]?.kind ?? .text }, scope: key.scope)
        }
        personColumns = Self.personColumns(context)
        if keys.isEmpty { return nil }
        recordKeys = .allocate(capacity: keys.count)
        _ = recordKeys.initialize(from: keys.map { Unmanaged.passUnretained($0) })
        soleFound = keys.count == 1 && keys[0].plainCell != nil ? keys[0].readFound : nil
        (soleFull, soleTable) = (keys[0].readFull, keys[0].firstLine)
        verifier = DuplicateKeyVerifier(context)
        inputBytes = context.input.byteCount
    }

    deinit {
        recordKeys.deallocate()
        firstRows?.deallocate()
    }

    /// The profile's identifier keys whose columns the file has: the key's cells and its scope's.
    private static func keyColumns(_ context: FileContext) -> [(spec: IdentifierKey, indices: [Int], scope: [Int])] {
        (context.profile?.identifiers ?? []).compactMap { spec in
            context.indices(of: spec.columns).map { (spec, $0, spec.scope.compactMap(context.index(of:))) }
        }
    }

    private static func personColumns(_ context: FileContext) -> [[Int]] {
        (context.profile?.samePerson ?? []).compactMap(context.indices(of:))
    }

    /// Every column whose cells the rule reads (keys, scopes, `same_person` groups); empty when the rule
    /// does not apply to the file.
    static func columnsRead(_ context: FileContext) -> [Int] {
        let keys = keyColumns(context)
        if keys.isEmpty { return [] }
        return keys.flatMap { $0.indices + $0.scope } + personColumns(context).joined()
    }

    /// Read once for the file: a lazy global's every read is a call.
    private let screenFirstBytes = ValueValidation.screenFirstBytes
    /// The lines whose fingerprints the keys' `read` holds: `readLine` up to `readEnd`.
    @exclusivity(unchecked) private var readLine = -1
    @exclusivity(unchecked) private var readEnd = -1

    /// Computes the record's fingerprints and asks for the table slots of a record `prefetchDistance` ahead,
    /// which then arrive while the rules work on the records between (a table of a million keys is far
    /// larger than the caches: waiting for the slot was most of this rule's time). The fingerprints of the
    /// records the reader has split ahead (nearly always) are computed in one go, a loop over the batch
    /// costing less than a call for each record. Made at the start of `check`: a rule of its own, run first,
    /// asked for the same slots as far ahead and cost a call and its frame more at every record.
    /// Returns the record's index in the keys' `read` fingerprints (its line less `readLine`).
    @inline(__always)
    private func prepare(_ reader: CSVReader) -> Int {
        // Read with an earlier record, which sees every record the rules see (one that skipped this, a
        // repeated header, only moves the lines on).
        let line = reader.line
        let i = line &- readLine
        if i >= 0 && line < readEnd {
            if i &+ Self.prefetchDistance < readEnd &- readLine { prefetchRead(i &+ Self.prefetchDistance) }
            return i
        }
        readAhead(reader)
        return 0
    }

    /// Records between asking for a record's slots and looking them up. Asked for a whole batch at once,
    /// the slots of 64 records came late (evicted or queued: +6% CPU at people 1M); one to eight records
    /// ahead measured alike (each record takes far longer than a slot's wait).
    private static var prefetchDistance: Int { 2 }

    /// Asks for the table slots of the keys of the record `i` records after `readLine`.
    @inline(__always)
    private func prefetchRead(_ i: Int) {
        if let soleFound {
            if soleFound[i] != 0 { soleTable.prefetch(soleFull[i]) }
            return
        }
        for key in recordKeys {
            key._withUnsafeGuaranteedRef { key in
                guard key.readFound[i] != 0 else { return }
                key.firstLine.prefetch(key.readFull[i])
                if key.scoped { key.crossScope.prefetch(key.readAlone[i]) }
            }
        }
    }

    /// Fingerprints the reader's record and those split ahead with it, and asks for the slots of the
    /// first ones.
    @inline(never)
    private func readAhead(_ reader: CSVReader) {
        let screenFirstBytes = self.screenFirstBytes
        let ahead = reader.batchedRecordsAhead
        let count = 1 &+ ahead.count
        for key in recordKeys {
            key._withUnsafeGuaranteedRef { key in
                key.setRead(0, fingerprints(reader, key, screenFirstBytes))
                if let plainCell = key.plainCell { return readPlain(ahead, plainCell, key, screenFirstBytes) }
                var i = 0
                for record in ahead {
                    i &+= 1
                    key.setRead(i, fingerprints(record, key, screenFirstBytes))
                }
            }
        }
        readLine = reader.line
        readEnd = reader.line &+ count
        for i in 0...min(Self.prefetchDistance, count &- 1) { prefetchRead(i) }
    }

    /// `readAhead` for a key of one plain cell: the fingerprints from C, but for the cells it leaves to
    /// `fingerprints` (to trim, to lowercase as Unicode, perhaps placeholders: a short cell starting as one
    /// does), whose records alone are looked at.
    @inline(__always)
    private func readPlain(_ ahead: BatchedRecords, _ cell: Int, _ key: KeyState, _ screenFirstBytes: UnsafePointer<Bool>) {
        let count = ahead.count
        cfs_key_fingerprints(ahead.bytes, ahead.bounds, ahead.records, Int64(count), Int64(cell),
                             key.caseInsensitive ? 1 : 0, screenFirstBytes, Int64(Placeholder.maximumLength), KeyFingerprint.seed, fingerprintMask,
                             key.readFull + 1, key.readFound + 1)
        var records = ahead
        var passed = 0
        for i in 0..<count where key.readFound[i &+ 1] == 0 {
            while passed < i {
                _ = records.next()
                passed &+= 1
            }
            key.setRead(i &+ 1, records.next().flatMap { fingerprints($0, key, screenFirstBytes) })
            passed &+= 1
        }
    }

    /// Fingerprint bits kept: tests keep three, so that distinct keys collide and the verification shows.
    var fingerprintMask = UInt64.max

    @inline(__always)
    private func fingerprints<Cells: RecordCells>(_ reader: Cells, _ key: KeyState, _ screenFirstBytes: UnsafePointer<Bool>) -> (full: UInt64, alone: UInt64)? {
        var hasher = KeyFingerprint()
        for part in key.parts {
            let value = reader.bytes(part.index).trimmedASCII()
            // A key with an empty part does not identify anything (4me needs both Source and Source ID);
            // nor does a placeholder ('NULL' from an SQL feed, a lone '-' in any key column), which
            // placeholder-value reports on every row: its rows are not also duplicates of one another.
            if value.isEmpty || (ValueValidation.mayBeScreened(value, screenFirstBytes)
                                 && ValueValidation.isScreened(value, kind: part.kind, loneDash: true, scientific: false)) { return nil }
            if key.dialled {
                hasher.combineDialled(value)
            } else {
                hasher.combine(value, caseInsensitive: key.caseInsensitive)
            }
        }
        let alone = hasher.value & fingerprintMask
        if key.scope.isEmpty { return (alone, alone) }
        for index in key.scope { hasher.combine(reader.bytes(index).trimmedASCII(), caseInsensitive: false) }
        return (hasher.value & fingerprintMask, alone)
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let i = prepare(reader)
        verifier.note(reader, record: record)
        if record == Self.sizingRecord || record % Self.resizingInterval == 0 { presize(reader, records: record) }
        let line = reader.line
        if let soleFound {
            guard soleFound[i] != 0 else { return }
            if let first = soleTable.valueOrInsert(soleFull[i], line) {
                report(0, first: first, otherPerson: false, alone: false, reader: reader, record: record, sink: sink)
            } else if firstRows != nil {
                recordKeys[0]._withUnsafeGuaranteedRef { inserted(0, $0, i, reader, record: record, sink: sink) }
            }
            return
        }
        // The look-up inline, the rest out of line: a call per key and its frame cost every record ~16
        // instructions (people 100k), where a new key (nearly every one) needs only the look-up.
        for k in recordKeys.indices {
            recordKeys[k]._withUnsafeGuaranteedRef { key in
                guard key.readFound[i] != 0 else { return }
                let full = key.readFull[i]
                if let first = key.firstLine.valueOrInsert(full, line) {
                    report(k, first: first, otherPerson: false, alone: false, reader: reader, record: record, sink: sink)
                } else if key.scoped || firstRows != nil {
                    inserted(k, key, i, reader, record: record, sink: sink)
                }
            }
        }
    }

    /// Key `k` of the record (at `i` in its `read` fingerprints) was new: noted for the earlier part of a
    /// split file, and looked up without its scope.
    @inline(never)
    private func inserted(_ k: Int, _ key: KeyState, _ i: Int, _ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let full = key.readFull[i]
        if firstRows != nil {
            firstRows!.append(FirstRow(fingerprint: full, line: Int32(truncatingIfNeeded: reader.line),
                                       record: Int32(truncatingIfNeeded: record),
                                       key: Int32(k), reportedBefore: Int32(truncatingIfNeeded: sink.accepted)))
        }
        if !key.scoped { return }
        let person = personDigest(reader)
        if let earlier = key.crossScope.valueOrInsert(key.readAlone[i], key.crossScopeLine.count) {
            let earlierPerson = key.crossScopePerson[earlier]
            if person == .noPerson || earlierPerson == .noPerson || person != earlierPerson {
                report(k, first: Int(key.crossScopeLine[earlier]), otherPerson: true, alone: true, reader: reader, record: record, sink: sink)
            }
        } else {
            key.crossScopeLine.append(UInt32(clamping: reader.line))
            key.crossScopePerson.append(person)
        }
    }

    override func finish(sink: DiagnosticSink) {
        // The tables go first: the verification does not read them, and its own memory would add to theirs.
        for key in keys {
            key.firstLine.removeAll()
            key.crossScope.removeAll()
            key.crossScopeLine = []
            key.crossScopePerson = []
        }
        let keys = keys
        verifier.verify(keys, sink: sink, message: { key, first, shown, otherPerson in
            Self.message(keys[key], shown: shown, first: first, otherPerson: otherPerson)
        }, writtenOtherwise: { key, first, shown, firstShown, otherPerson in
            Self.messageWrittenOtherwise(keys[key], shown: shown, firstShown: firstShown, first: first, otherPerson: otherPerson)
        })
    }

    /// After this many records the tables are sized for the whole file from the bytes a record takes,
    /// and again every `resizingInterval` records in case the estimate was short.
    private static let sizingRecord = 4096
    /// A table's first layer holds the keys seen before presizing, which then move to the presized one:
    /// made for four times as many, it stays a quarter full, so that its look-ups are short and it never
    /// overflows into a layer that could not be moved.
    private static let firstLayerKeys = 4 * sizingRecord
    private static let resizingInterval = 1 << 20
    /// Up to this many keys a table is made half full (`FingerprintTable.reserve`'s `sparse`): a new key then
    /// takes about 1.5 probes where it took about five on the way to 9/10 full (people 100k: 4.7 probes,
    /// ~55 instructions an insert), for 28 MiB a table at most. A larger file keeps 9/10, so that ten
    /// million rows stay under 200 MiB.
    private static let sparseKeys = 2_000_000

    private func presize(_ reader: CSVReader, records: Int) {
        guard let inputBytes, reader.streamOffset > partStart else { return }
        let estimate = ((partEnd ?? inputBytes) - partStart) / max(1, (reader.streamOffset - partStart) / records)
        // A little over the estimate: records later in the file may be shorter (if they are shorter still,
        // the next estimate adds a layer for the keys missing).
        let keyCount = estimate + estimate / 64
        let sparse = keyCount <= Self.sparseKeys
        for key in keys {
            key.firstLine.reserve(keyCount, sparse: sparse)
            guard !key.scope.isEmpty else { continue }
            key.crossScope.reserve(keyCount, sparse: sparse)
            // Exactly sized: an array that doubles holds its old and new storage at once.
            key.crossScopeLine.reserveCapacity(keyCount)
            key.crossScopePerson.reserveCapacity(keyCount)
        }
        // Reserved, not grown: growing copies the list, which then takes twice its size for a moment. Pages
        // never written cost no memory.
        firstRows?.reserve((estimate + estimate / 16) * keys.count)
        verifier.reserve(records: keyCount)
    }

    /// The first `same_person` column group that is filled in this row, as a digest; `Key128.noPerson` when
    /// none is.
    private func personDigest(_ reader: CSVReader) -> Key128 {
        for (group, columns) in personColumns.enumerated() {
            let values = columns.map { reader.bytes($0).trimmedASCII() }
            guard values.allSatisfy({ !$0.isEmpty }) else { continue }
            var hasher = KeyHasher()
            hasher.word(UInt64(group))
            for value in values { hasher.combine(value, caseInsensitive: true) }
            let digest = hasher.finalize()
            // The digest that would read as no person at all (a 1 in 2^128 chance) is moved aside.
            return digest == .noPerson ? Key128(a: 0, b: 1) : digest
        }
        return .noPerson
    }

    @inline(never)
    private func report(_ k: Int, first: Int, otherPerson: Bool, alone: Bool, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        guard let candidate = reportRepeat(k, first: first, otherPerson: otherPerson, alone: alone, reader: reader, record: record,
                                     sink: sink) else { return }
        verifier.candidate(candidate)
    }

    /// Reports a repeat of key `k` on the reader's record; returns what verifies it, nil when the sink
    /// did not keep it (its `diagnostic` is the sequence number it got).
    func reportRepeat(_ k: Int, first: Int, otherPerson: Bool, alone: Bool, reader: CSVReader, record: Int,
                      sink: DiagnosticSink) -> DuplicateKeyVerifier.Candidate? {
        let key = keys[k]
        let values = key.indices.map { Whitespace.trim(reader.string($0)) }
        let shown = Self.shown(values)
        let kept = sink.accepted
        reader.report(.duplicateIdentifier, to: sink, field: key.indices[0], record: record,
                      message: Self.message(key, shown: shown, first: first, otherPerson: otherPerson),
                      related: [RelatedLocation(line: first)], values: values)
        guard sink.accepted > kept else { return nil }
        return DuplicateKeyVerifier.Candidate(
            key: k, alone: alone, firstLine: first, line: reader.line, diagnostic: kept, otherPerson: otherPerson,
            bytes: DuplicateKeyVerifier.canonicalKey(reader, key, alone: alone),
            values: key.dialled || key.caseInsensitive && values.contains(where: { !$0.utf8.allSatisfy { $0 < 0x80 } }) ? values : [],
            record: DuplicateKeyVerifier.recordDigest(reader))
    }

    override var splitting: Splitting { splittingSupport }
    override func amend(_ part: LaterPart, earlier: RecordRule) throws { try amendLaterPart(part, earlier: earlier) }
    override func absorb(_ later: RecordRule, _ part: LaterPart) { absorbLaterPart(later, part) }

    override func readsEarlierPart(endingAt offset: Int) { partEnd = offset }

    override func readsLaterPart(from offset: Int) {
        partStart = offset
        firstRows = HugePageList()
    }

    /// The key's values as a message quotes them (a candidate's repeat is worded anew from its finding's).
    static func shown(_ values: [String]) -> String {
        // Appended in place: an interpolated string per value and their join cost about 2,000 instructions a finding.
        var shown = ""
        shown.reserveCapacity(values.reduce(0) { $0 + $1.utf8.count + 5 })
        for (i, value) in values.enumerated() {
            if i > 0 { shown += " + " }
            shown += "'"
            shown += value
            shown += "'"
        }
        return shown
    }

    static func message(_ key: KeyState, shown: String, first: Int, otherPerson: Bool) -> String {
        let names = key.spec.columns.joined(separator: " + ")
        let how = key.spec.caseInsensitive ? " (compared case-insensitively)" : ""
        return "\(names) \(shown) already appears on line \(first)\(how)\(scopeWording(key, otherPerson: otherPerson))"
    }

    /// A repeat written another way than on its first line (`firstShown`): a dialled key's number with other
    /// formatting, or a case-insensitive key's text in another Unicode form (NFC and decomposed). No target
    /// documents whether it compares numbers as dialled or text in NFC, so this is a warning.
    static func messageWrittenOtherwise(_ key: KeyState, shown: String, firstShown: String, first: Int, otherPerson: Bool) -> String {
        let names = key.spec.columns.joined(separator: " + ")
        let scope = scopeWording(key, otherPerson: otherPerson)
        guard !key.dialled else {
            return "\(names) \(shown) is the number on line \(first) (\(firstShown)) written another way\(scope); \(names) must be unique, and whether the import compares numbers as written or as dialled is not documented"
        }
        return "\(names) \(shown) is line \(first)'s \(firstShown) \(UnicodeFormWording.otherForm)\(scope); \(names) must be unique, and \(UnicodeFormWording.nfcUndocumented("the import")): the rows may update one record twice, or make a second record that looks the same"
    }

    private static func scopeWording(_ key: KeyState, otherPerson: Bool) -> String {
        guard !key.scope.isEmpty else { return "" }
        return otherPerson
            ? " for another person (a person listed once per \(key.spec.scope.joined(separator: " + ")) is fine; two people are not)"
            : " for the same \(key.spec.scope.joined(separator: " + "))"
    }
}

extension Key128 {
    /// A row with none of the `same_person` columns filled.
    static let noPerson = Key128(a: 0, b: 0)
}

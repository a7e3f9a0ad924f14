/// Checks the duplicates `DuplicateIdentifierRule` found by fingerprint against the real keys when the file
/// ends. Every reported repeat keeps its own key's bytes; the first row's key is read again from the input,
/// entering it at the nearest of the record offsets noted every `checkpointEvery` records (a few records
/// parsed per duplicate, not the file again). A repeat whose key differs from the first row's is a
/// fingerprint collision: it is withdrawn, or pointed at an earlier repeat that has its exact key.
final class DuplicateKeyVerifier {
    struct Candidate {
        let key: Int
        /// Found in the table of keys without their scope (a repeat for another person).
        let alone: Bool
        var firstLine: Int
        var line: Int
        /// Sequence number of the reported diagnostic in the sink (`DiagnosticSink.accepted`).
        var diagnostic: Int
        let otherPerson: Bool
        let bytes: [UInt8]
        /// A dialled key's values as written, or a case-insensitive key's that are not all ASCII (what a later
        /// repeat written otherwise quotes); empty for others.
        let values: [String]
        /// The whole record's digest (`recordDigest`): equal to the first row's, the row repeats it exactly.
        let record: Key128
    }

    /// The record's bytes as written, digested: a repeat whose record digests as its first row's is a copy of
    /// it (128 bits: `Key128`). Eight bytes a step, as the keys are (SipHash took five times as long).
    static func recordDigest(_ reader: CSVReader) -> Key128 {
        var hasher = KeyHasher()
        hasher.combine(reader.rawLine)
        return hasher.finalize()
    }

    private let context: FileContext
    @exclusivity(unchecked) private(set) var candidates: [Candidate] = []
    /// Stream offset and line of every `checkpointEvery`-th record.
    @exclusivity(unchecked) private var checkpointOffsets: [Int] = []
    @exclusivity(unchecked) private var checkpointLines: [Int32] = []
    /// A row read again is reached by parsing the records from the checkpoint before it: at every 32nd,
    /// seventeen records a row on average (the parse was half of the rereads' 70 M instructions on people
    /// 1M, all of it after the file's end). Every 16th: twelve bytes more per 16 records held (3.8 MB at 10M).
    private static let checkpointEvery = 16

    init(_ context: FileContext) { self.context = context }

    @inline(__always)
    func note(_ reader: CSVReader, record: Int) {
        guard record % Self.checkpointEvery == 1 else { return }
        checkpointOffsets.append(reader.streamOffset)
        checkpointLines.append(Int32(truncatingIfNeeded: reader.line))
    }

    /// Room for the checkpoints of `records` records in all, made once instead of by doubling (which
    /// leaves the smaller arrays behind as holes in the heap).
    func reserve(records: Int) {
        let checkpoints = records / Self.checkpointEvery + 1
        checkpointOffsets.reserveCapacity(checkpoints)
        checkpointLines.reserveCapacity(checkpoints)
    }

    func candidate(_ candidate: Candidate) {
        candidates.append(candidate)
    }

    /// Moves the noted lines on by `lines`: a split file's later part numbered its lines from its own start
    /// (`LaterPart.linesBefore`).
    func moveLines(by lines: Int) {
        guard lines != 0 else { return }
        let shift = Int32(truncatingIfNeeded: lines)
        for i in checkpointLines.indices { checkpointLines[i] &+= shift }
    }

    /// Takes the record offsets the verifier of a split file's later part noted (its candidates are
    /// renumbered by the rule, see `DuplicateIdentifierRule.absorb`).
    func absorbCheckpoints(_ later: DuplicateKeyVerifier) {
        checkpointOffsets += later.checkpointOffsets
        checkpointLines += later.checkpointLines
    }

    /// The normalized key the fingerprint was made from, each part length-prefixed: equal bytes, equal key.
    static func canonicalKey(_ reader: CSVReader, _ key: DuplicateIdentifierRule.KeyState, alone: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        // Room for every part as it is written (folding and dropping formatting keep or shorten ASCII).
        bytes.reserveCapacity(key.indices.reduce(0) { $0 + 4 + reader.bytes($1).count })
        func appendLength(_ count: Int) {
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) { bytes.append(contentsOf: $0) }
        }
        func append(_ value: UnsafeBufferPointer<UInt8>, caseInsensitive: Bool, dialled: Bool = false) {
            if dialled || (caseInsensitive && !value.isASCII) {
                let part = dialled ? value.filter { !Dialled.isFormatting($0) } : KeyFingerprint.foldedNonASCII(value)
                appendLength(part.count)
                bytes += part
            } else {
                // Written straight into the key: a part made first cost an array and a copy per part.
                appendLength(value.count)
                if caseInsensitive {
                    for byte in value { bytes.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) }
                } else {
                    bytes.append(contentsOf: value)
                }
            }
        }
        for index in key.indices { append(reader.bytes(index).trimmedASCII(), caseInsensitive: key.caseInsensitive, dialled: key.dialled) }
        if !alone { for index in key.scope { append(reader.bytes(index).trimmedASCII(), caseInsensitive: false) } }
        return bytes
    }

    /// Compares every candidate with its first row and corrects the sink; `message` words a repeat anew
    /// (key, first line, values shown, for another person), `writtenOtherwise` a dialled key's repeat
    /// whose first row wrote the number another way (the same, and that row's values shown).
    /// A repeat that copies its first row whole (`copied`) is a warning saying so: both rows give the
    /// record the same values, so none is lost, and whether the import reports the repeat is not documented.
    func verify(_ keys: [DuplicateIdentifierRule.KeyState], sink: DiagnosticSink,
                message: @escaping (Int, Int, String, Bool) -> String,
                writtenOtherwise: @escaping (Int, Int, String, String, Bool) -> String) {
        guard !candidates.isEmpty else { return }
        struct Wanted: Hashable { let line: Int; let key: Int; let alone: Bool }
        let wanted = Set(candidates.map { Wanted(line: $0.firstLine, key: $0.key, alone: $0.alone) })
        let byLine = Dictionary(grouping: wanted, by: \.line)
        let lines = byLine.keys.sorted()
        // The rows are read again in runs of lines: this runs after the whole file, while the second core is idle.
        let shared = Shared(verifier: self, keys: keys, byLine: byLine)
        let runs = runs(rereading: lines.count)
        let found = ParallelMap.ranges(of: lines.count, pieces: runs.pieces, workers: runs.threads) { range -> [Wanted: FirstKey] in
            var firstKeys: [Wanted: FirstKey] = [:]
            try shared.verifier.readRecords(atLines: lines[range]) { reader in
                for w in shared.byLine[reader.line] ?? [] {
                    let key = shared.keys[w.key]
                    firstKeys[w] = FirstKey(bytes: Self.canonicalKey(reader, key, alone: w.alone),
                                            values: key.dialled || key.caseInsensitive ? key.indices.map { Whitespace.trim(reader.string($0)) } : [],
                                            record: Self.recordDigest(reader))
                }
            }
            return firstKeys
        }
        var firstKeys: [Wanted: FirstKey] = [:]
        firstKeys.reserveCapacity(wanted.count)
        for run in found {
            // The input can no longer be read: the findings stand as reported.
            guard let runKeys = try? run.get() else { return }
            firstKeys.merge(runKeys) { first, _ in first }
        }
        // The tables every candidate enters are sized at once: growing them rehashed each (a third of
        // this loop's cost).
        var revisions: [Int: (Diagnostic) -> Diagnostic?] = [:]
        revisions.reserveCapacity(candidates.count)
        // Repeats of one first row, in reading order: a collision's own repeats point at it instead.
        var earlier: [Wanted: [Candidate]] = [:]
        earlier.reserveCapacity(wanted.count)
        // Keys some repeat gave other values than the row it points at: a later exact copy of that row
        // still loses the values written in between, so it is no copy (the import applies rows in order).
        struct Repeated: Hashable {
            let first: Wanted
            let bytes: [UInt8]
            /// The key's bytes hashed as one block (an array hashes byte by byte: most of this loop's cost).
            func hash(into hasher: inout Hasher) {
                hasher.combine(first)
                bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
            }
        }
        var varied: Set<Repeated> = []
        varied.reserveCapacity(candidates.count)
        for c in candidates {
            let w = Wanted(line: c.firstLine, key: c.key, alone: c.alone)
            defer { earlier[w, default: []].append(c) }
            let dialled = keys[c.key].dialled
            // A case-insensitive key that is not all ASCII matches its first row in NFC: the values tell
            // whether the two rows wrote it in one Unicode form.
            let formCompared = !dialled && keys[c.key].caseInsensitive && !c.values.isEmpty
            let repeated = Repeated(first: w, bytes: c.bytes)
            if let first = firstKeys[w], first.bytes == c.bytes {
                if first.record == c.record && !varied.contains(repeated) {
                    revisions[c.diagnostic] = copied { $0 }
                    continue
                }
                if first.record != c.record { varied.insert(repeated) }
                // A dialled key's first row may have written the number otherwise: only the values tell.
                if dialled || formCompared {
                    revisions[c.diagnostic] = Self.pointed(c, at: c.firstLine, firstValues: first.values, ignoringCase: formCompared,
                                                           message, writtenOtherwise)
                }
                continue
            }
            guard !c.alone, let same = earlier[w]?.first(where: { $0.bytes == c.bytes }) else {
                revisions[c.diagnostic] = { _ in nil }
                continue
            }
            let pointed = Self.pointed(c, at: same.line, firstValues: dialled || formCompared && !same.values.isEmpty ? same.values : nil,
                                       ignoringCase: formCompared, message, writtenOtherwise)
            let copies = same.record == c.record && !varied.contains(repeated)
            if same.record != c.record { varied.insert(repeated) }
            revisions[c.diagnostic] = copies ? copied(pointed) : pointed
        }
        sink.revise(revisions)
    }

    /// A first row's key as `canonicalKey` makes it and, for a dialled key, its values as written.
    private struct FirstKey {
        let bytes: [UInt8]
        let values: [String]
        let record: Key128
    }

    /// The revision of a repeat that copies its first row whole, after `pointing` it at that row: a warning,
    /// saying so.
    private func copied(_ pointing: @escaping (Diagnostic) -> Diagnostic?) -> (Diagnostic) -> Diagnostic? {
        let target = (context.profile?.target ?? .neutral).name
        return { found in
            guard var d = pointing(found) else { return nil }
            d.message += "; the whole row repeats that line (an export appended to itself, or joined twice): both rows give the record the same values, so none is lost, and whether \(target) reports the repeat is not documented"
            d.severity = .warning
            return d
        }
    }

    /// The revision pointing a verified repeat at the row on `line`; a repeat that row wrote otherwise
    /// (`firstValues` differ from its own, `ignoringCase` for a case-insensitive key) is worded so and made
    /// a warning.
    private static func pointed(_ c: Candidate, at line: Int, firstValues: [String]?, ignoringCase: Bool = false,
                                _ message: @escaping (Int, Int, String, Bool) -> String,
                                _ writtenOtherwise: @escaping (Int, Int, String, String, Bool) -> String) -> (Diagnostic) -> Diagnostic? {
        { d in
            var d = d
            let shown = DuplicateIdentifierRule.shown(d.values)
            let differs = firstValues.map { first in
                // As bytes: Swift's String equality already equates the two Unicode forms.
                ignoringCase ? d.values.map { Array($0.lowercased().utf8) } != first.map { Array($0.lowercased().utf8) } : d.values != first
            } ?? false
            if let firstValues, differs {
                d.message = writtenOtherwise(c.key, line, shown, DuplicateIdentifierRule.shown(firstValues), c.otherPerson)
                d.severity = .warning
            } else {
                d.message = message(c.key, line, shown, c.otherPerson)
            }
            d.related = [RelatedLocation(line: line)]
            return d
        }
    }

    /// What the threads reading rows again share; only read while they run.
    private struct Shared<Wanted: Hashable>: @unchecked Sendable {
        let verifier: DuplicateKeyVerifier
        let keys: [DuplicateIdentifierRule.KeyState]
        let byLine: [Int: [Wanted]]
    }

    /// In how many runs `lines` lines are read again (`readRecords`) and on how many threads: two when the
    /// file was given two threads and the runs are worth it, taking eight runs in turn. A split file's
    /// other thread is still clustering when the verification starts: with one run per thread, the run
    /// sharing its core ended last while the other thread idled (a quarter of the verification's time). A
    /// transcoded input cannot be entered at a record (`readRecords` reads it whole): one run.
    func runs(rereading lines: Int) -> (pieces: Int, threads: Int) {
        context.options.threadsPerFile > 1 && lines >= 512 && context.encoding.isUTF8 ? (8, 2) : (1, 1)
    }

    /// Calls `body` with the reader on each record that starts on one of `lines` (ascending, each once), all
    /// through one reader.
    func readRecords(atLines lines: ArraySlice<Int>, _ body: (CSVReader) -> Void) throws {
        // A line given twice would hand its record on twice, and its findings with it.
        assert(zip(lines, lines.dropFirst()).allSatisfy { $0 < $1 }, "lines must ascend, each once")
        guard let entries = try context.input.entries(context.encoding) else { return try readSequentially(Set(lines), body) }
        let columnNames = context.bindings.map { $0?.name }
        var reader: CSVReader?
        var readerCheckpoint = -1
        for line in lines {
            // The last checkpoint at or before the line.
            var lo = 0, hi = checkpointLines.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if Int(checkpointLines[mid]) <= line { lo = mid + 1 } else { hi = mid }
            }
            let checkpoint = lo - 1
            guard checkpoint >= 0 else { continue }
            if reader == nil || checkpoint != readerCheckpoint || reader!.line >= line {
                let source = entries.source(at: checkpointOffsets[checkpoint])
                let chunkSize = firstRead(from: checkpoint, to: line)
                let lineThere = Int(checkpointLines[checkpoint]), offset = checkpointOffsets[checkpoint]
                if let reader {
                    reader.reenter(source, chunkSize: chunkSize, atLine: lineThere, offset: offset)
                } else {
                    let made = CSVReader(source: source, delimiter: context.delimiter, chunkSize: chunkSize)
                    made.startNumbering(atLine: lineThere, offset: offset)
                    made.columnNames = columnNames
                    reader = made
                }
                readerCheckpoint = checkpoint
            }
            while try reader!.next() {
                if reader!.line == line { body(reader!); break }
                if reader!.line > line { break }
            }
        }
    }

    /// How many bytes a reader entering at `checkpoint` reads first to reach the end of the record on `line`:
    /// as far as that record ends if the lines up to the next checkpoint are about as long, and one line more.
    /// Every byte read is also split into records (a whole 8 KiB first read was most of the cost of reading
    /// a row again); a short guess only costs another read.
    private func firstRead(from checkpoint: Int, to line: Int) -> Int {
        guard checkpoint + 1 < checkpointOffsets.count else { return 1 << 13 }
        let bytes = checkpointOffsets[checkpoint + 1] - checkpointOffsets[checkpoint]
        let lines = max(1, Int(checkpointLines[checkpoint + 1] - checkpointLines[checkpoint]))
        let through = line - Int(checkpointLines[checkpoint]) + 2
        return max(1 << 8, bytes * through / lines)
    }

    /// For a transcoded input, which cannot be entered in the middle: one pass over all of it.
    private func readSequentially(_ lines: Set<Int>, _ body: (CSVReader) -> Void) throws {
        try context.forEachRecord { reader, _ in
            if lines.contains(reader.line) { body(reader) }
        }
    }
}

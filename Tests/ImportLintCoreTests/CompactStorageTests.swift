import Testing
@testable import ImportLintCore

/// The compact forms findings and seen keys are held in must give back exactly what was put in.
@Suite struct CompactStorageTests {
    private func finding(line: Int, column: Int = 1, record: Int? = nil, fieldIndex: Int? = nil) -> Diagnostic {
        Diagnostic(rule: .duplicateIdentifier, line: line, column: column, record: record, field: "Email",
                   message: "same", fieldIndex: fieldIndex)
    }

    @Test func aFindingIsHeldInTwentyFourBytes() {
        #expect(MemoryLayout<Diagnostic>.stride == 24)
    }

    /// `Diagnostic.unretainedContent` reads a finding's content at offset 0 (the report's counting threads
    /// skip the retain); a layout that moved it would read a wrong pointer.
    @Test func theContentIsReadWithoutRetainAtOffsetZero() {
        var found = finding(line: 3)
        let content = withUnsafePointer(to: &found) { Diagnostic.unretainedContent($0).takeUnretainedValue() }
        #expect(content === found.content)
        #expect(content.message == "same")
    }

    @Test func positionsTooLargeForThirtyTwoBitsComeBackExactly() {
        let big = Int(UInt32.max)
        for (line, column, record, fieldIndex) in [(big, 3, 7, 2), (5, big + 10, nil, nil), (5, 3, big, 0),
                                                   (5, 3, 4, big), (-1, 0, -3, -4), (1 << 40, 1 << 41, 1 << 42, nil)] {
            let d = finding(line: line, column: column, record: record, fieldIndex: fieldIndex)
            #expect(d.line == line && d.column == column && d.record == record && d.fieldIndex == fieldIndex)
        }
    }

    @Test func changingAPositionLeavesFindingsSharingItsContentAlone() {
        let small = finding(line: 2, record: 1, fieldIndex: 0)
        var moved = small.sharing(small.content)
        moved.line = Int(UInt32.max) + 1
        moved.record = nil
        #expect(moved.line == Int(UInt32.max) + 1 && moved.record == nil && moved.fieldIndex == 0)
        #expect(small.line == 2 && small.record == 1)
        moved.line = 9
        #expect(moved.line == 9 && moved.column == 1 && moved.record == nil && moved.fieldIndex == 0)
        #expect(moved != small)
        moved.line = 2
        moved.record = 1
        #expect(moved == small)
    }

    @Test func aHugePageListKeepsEveryElementAcrossItsGrowth() {
        var list = HugePageList<(Int, Int32)>()
        defer { list.deallocate() }
        // Past a first small reservation, then past one large enough to be mapped on huge pages.
        list.reserve(10)
        for i in 0..<300_000 { list.append((i * 7, Int32(truncatingIfNeeded: -i))) }
        #expect(list.count == 300_000)
        #expect((0..<list.count).allSatisfy { list[$0].0 == $0 * 7 && list[$0].1 == Int32(truncatingIfNeeded: -$0) })
        list.reserve(5)
        #expect(list.count == 300_000 && list[299_999].0 == 299_999 * 7)
    }

    @Test func theKeyTableFindsEveryKeyPastItsSizeInNewLayers() {
        let table = FingerprintTable(expectedKeys: 100)
        var rng = SeededRNG(seed: 3)
        let keys = (0..<5000).map { _ in rng.next() }
        for (i, key) in keys.enumerated() { #expect(table.valueOrInsert(key, i + 1) == nil) }
        #expect(table.count == 5000)
        for (i, key) in keys.enumerated() where table.valueOrInsert(key, 0) != i + 1 {
            Issue.record("key \(i) lost")
        }
        table.reserve(20000)
        let more = (0..<5000).map { _ in rng.next() }
        for key in more { #expect(table.valueOrInsert(key, 7) == nil) }
        #expect(table.valueOrInsert(keys[0], 0) == 1 && table.valueOrInsert(more[4999], 0) == 7)
        // 7 bytes a slot, at most 9/10 full, in the layers of the first keys and the one reserved for the rest.
        #expect(table.byteCount < (5000 * 3 + 15000) * 7 * 10 / 9 + 64 * 7 * 12)
    }

    /// The layer reserved for 20,000 keys in all takes over the keys seen before (a look-up then searches
    /// one layer) and holds the rest without another.
    @Test func theReservedLayerTakesOverTheFirstKeys() {
        let table = FingerprintTable(expectedKeys: 1000)
        var rng = SeededRNG(seed: 5)
        let keys = (0..<20000).map { _ in rng.next() }
        for i in 0..<500 { #expect(table.valueOrInsert(keys[i], i + 2) == nil) }
        table.reserve(20000)
        #expect(table.layerCount == 1)
        for i in 500..<20000 { #expect(table.valueOrInsert(keys[i], i + 2) == nil) }
        #expect(table.layerCount == 1 && table.count == 20000)
        for (i, key) in keys.enumerated() where table.valueOrInsert(key, 0) != i + 2 { Issue.record("key \(i) lost") }
        #expect(table.byteCount < 20000 * 7 * 10 / 9 + 64 * 7)
    }

    /// A sparse reservation makes the layer twice as large as its keys (so that it stays about half full),
    /// takes over the first keys as a plain one does, and finds every key.
    @Test func aSparseReservationIsHalfFull() {
        let table = FingerprintTable(expectedKeys: 1000)
        var rng = SeededRNG(seed: 6)
        let keys = (0..<20000).map { _ in rng.next() }
        for i in 0..<500 { #expect(table.valueOrInsert(keys[i], i + 2) == nil) }
        table.reserve(20000, sparse: true)
        #expect(table.layerCount == 1 && table.byteCount == (2 * 20000 + 64) * 7 + 1)
        for i in 500..<20000 { #expect(table.valueOrInsert(keys[i], i + 2) == nil) }
        #expect(table.layerCount == 1 && table.count == 20000)
        for (i, key) in keys.enumerated() where table.valueOrInsert(key, 0) != i + 2 { Issue.record("key \(i) lost") }
    }

    /// A later, larger estimate adds a layer for the keys missing only; new keys fill the earlier layer's
    /// room first.
    @Test func aLargerEstimateAddsRoomForTheKeysMissing() {
        let table = FingerprintTable(expectedKeys: 1000)
        table.reserve(10000)
        var rng = SeededRNG(seed: 8)
        let keys = (0..<11000).map { _ in rng.next() }
        for i in 0..<5000 { #expect(table.valueOrInsert(keys[i], i) == nil) }
        let before = table.byteCount
        table.reserve(11000)
        #expect(table.layerCount == 2 && table.byteCount - before < 1100 * 7 * 10 / 9 + 64 * 7)
        for i in 5000..<11000 { #expect(table.valueOrInsert(keys[i], i) == nil) }
        #expect(table.layerCount == 2)
        for (i, key) in keys.enumerated() where table.valueOrInsert(key, 0) != i { Issue.record("key \(i) lost") }
    }

    /// Keys alike in the 28 bits a slot keeps, with homes at random: some that the first layer holds apart
    /// would meet in the reserved layer, where a look-up finds only the first; such a first layer stays.
    @Test func firstKeysThatWouldMeetInTheReservedLayerStay() {
        var rng = SeededRNG(seed: 9)
        var stayed = 0
        for _ in 0..<20 {
            let table = FingerprintTable(expectedKeys: 100)
            var kept: [(key: UInt64, value: Int)] = []
            for value in 0..<60 {
                let key = rng.next() & ~0xFFF_FFFF | 0x123_4567
                if table.valueOrInsert(key, value) == nil { kept.append((key, value)) }
            }
            table.reserve(200)
            if table.layerCount == 2 { stayed += 1 }
            for (key, value) in kept { #expect(table.valueOrInsert(key, 999) == value) }
        }
        #expect(stayed > 0)
    }

    @Test func anEmptiedKeyTableStartsOver() {
        let table = FingerprintTable()
        for key: UInt64 in 1...10000 { _ = table.valueOrInsert(key &* 0x9E37_79B9_7F4A_7C15, 1) }
        table.removeAll()
        #expect(table.count == 0 && table.byteCount <= 64 * 8)
        #expect(table.valueOrInsert(0x9E37_79B9_7F4A_7C15, 2) == nil)
        #expect(table.valueOrInsert(0x9E37_79B9_7F4A_7C15, 3) == 2)
    }

    /// Findings kept nearly in order (each record's out of column order, then those of end-of-file checks)
    /// come out exactly as a stable sort by line and column puts them.
    @Test func findingsAreSortedAsAStableSortWould() {
        var rng = SeededRNG(seed: 11)
        for tailLength in [0, 5, 300, 3000] {
            let list = FindingList()
            var kept: [Diagnostic] = []
            func keep(_ d: Diagnostic) { list.append(d); kept.append(d) }
            for line in 2..<2000 {
                for _ in 0..<Int(rng.next() % 4) {
                    keep(finding(line: line, column: Int(rng.next() % 5) + 1, record: Int(rng.next() % 1000)))
                }
            }
            for _ in 0..<tailLength { keep(finding(line: Int(rng.next() % 2100) + 1, column: Int(rng.next() % 3) + 1, record: Int(rng.next() % 1000))) }
            let expected = kept.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            #expect(list.takeSorted() == expected, "tail \(tailLength)")
        }
    }

    /// Read by two threads (each half of the chunks into its half of the array), a long list hands over
    /// the findings one thread does, in order, sorted the same, wide positions and nil records included.
    @Test func findingListsReadByTwoThreadsHandOverTheSame() {
        var rng = SeededRNG(seed: 5)
        var kept: [Diagnostic] = []
        for i in 0..<150_000 {
            let wide = i % 9973 == 0
            kept.append(finding(line: wide ? Int(UInt32.max) + i : i / 3 + 2, column: Int(rng.next() % 7) + 1,
                                record: i % 5 == 0 ? nil : i / 3 + 1, fieldIndex: i % 4 == 0 ? nil : i % 11))
        }
        func list() -> FindingList {
            let list = FindingList()
            for d in kept { list.append(d) }
            return list
        }
        #expect(list().takeAll(threads: 2) == kept)
        let sorted = list().takeSorted(threads: 2)
        #expect(sorted == list().takeSorted())
        #expect(sorted == kept.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    @Test func theKeyTableClampsValuesToThirtyTwoBits() {
        let table = FingerprintTable()
        #expect(table.valueOrInsert(1, 1 << 40) == nil)
        #expect(table.valueOrInsert(1, 0) == Int(UInt32.max) - 1)
        #expect(table.valueOrInsert(0, 0) == nil)
        #expect(table.valueOrInsert(0, 5) == 0)
    }

    @Test func findingListsKeepAnyPosition() {
        let list = FindingList()
        let positions: [(Int, Int, Int?, Int?)] = [(5, 1, 4, 0), (3, 2, nil, nil), (Int.max, Int.min, Int.min, Int.max),
                                                   (Int.min, 0, Int.max, nil), (-7, -8, -9, -10), (1 << 40, 7, 1, 2)]
        let findings = positions.map { finding(line: $0.0, column: $0.1, record: $0.2, fieldIndex: $0.3) }
        for d in findings { list.append(d) }
        #expect(list.copyAll() == findings)
        #expect(list.takeAll() == findings)
    }

    /// A list whose findings are taken out one at a time writes its one chunk again (the spare), and each
    /// time hands over just the finding kept since.
    @Test func findingListsTakenOutOneAtATimeHandOverEachFinding() {
        let list = FindingList()
        for i in 0..<500 {
            let d = finding(line: 7 * i + 1, column: i % 13 + 1, record: i % 2 == 0 ? nil : i, fieldIndex: i % 5)
            list.append(d)
            #expect(list.takeSorted() == [d], "finding \(i)")
            #expect(list.count == 0)
        }
        list.append(finding(line: 3))
        list.append(finding(line: 2))
        #expect(list.takeSorted().map(\.line) == [2, 3])
    }

    /// Contents readmitted at one position, as a value's findings repeated down a column are, come out as
    /// findings readmitted one by one do, whether given as an array or as references the caller holds:
    /// with a suppression and under `--max-findings` as well.
    @Test func contentsReadmittedAtOnePositionAreTheFindingsOneByOne() {
        let contents = [finding(line: 1).content, Diagnostic(rule: .missingValue, line: 1, column: 1, record: nil, field: "Name",
                                                            message: "other").content]
        let positions = [Diagnostic.Position(line: 4, column: 9, record: 3, fieldIndex: 2),
                         Diagnostic.Position(line: 5, column: 1, record: nil, fieldIndex: nil),
                         Diagnostic.Position(line: 1 << 40, column: 2, record: 1 << 33, fieldIndex: 0)]
        func sink(maxFindings: Int?, suppressing: Bool) -> DiagnosticSink {
            let made = DiagnosticSink(selection: RuleSelection(), maxFindings: maxFindings)
            if suppressing { made.isSuppressed = { $0.line == 5 && $0.code == contents[1].code } }
            return made
        }
        let held = contents.map { Unmanaged.passRetained($0) }
        defer { for content in held { content.release() } }
        for (maxFindings, suppressing) in [(nil, false), (nil, true), (2, false), (2, true)] as [(Int?, Bool)] {
            let together = sink(maxFindings: maxFindings, suppressing: suppressing)
            let referenced = sink(maxFindings: maxFindings, suppressing: suppressing)
            let oneByOne = sink(maxFindings: maxFindings, suppressing: suppressing)
            for position in positions {
                together.readmit(contents, at: position)
                held.withUnsafeBufferPointer { referenced.readmit($0, at: position) }
                for content in contents { oneByOne.readmit(Diagnostic(content: content, position: position)) }
            }
            #expect(together.accepted == oneByOne.accepted)
            #expect(referenced.accepted == oneByOne.accepted)
            let kept = together.takeSorted()
            let expected = oneByOne.takeSorted()
            #expect(kept == expected)
            #expect(referenced.takeSorted() == expected)
            #expect(kept.count == (maxFindings ?? (suppressing ? 5 : 6)))
        }
    }

    @Test func findingListsReviseAndHandOverAcrossChunks() {
        let list = FindingList()
        let n = 120000
        for i in 0..<n { list.append(finding(line: i + 1)) }
        #expect(list.count == n)
        let lastKept = (0..<n).last { $0 % 3 != 0 }!
        list.revise { index, d in
            if index % 3 == 0 { return nil }
            var d = d
            if index == lastKept { d.column = 99 }
            return d
        }
        #expect(list.copyAll().count == list.count)
        let all = list.takeAll()
        #expect(all.count == n - (n + 2) / 3)
        #expect(all.map(\.line) == (0..<n).filter { $0 % 3 != 0 }.map { $0 + 1 })
        #expect(all.last?.column == 99)
        #expect(list.count == 0 && list.takeAll().isEmpty)
    }

    @Test func findingListsReviseInPlaceAcrossChunksOrChangeNothing() {
        let list = FindingList()
        let n = 120000
        for i in 0..<n { list.append(finding(line: i + 1, record: i % 5 == 0 ? nil : i)) }
        let picked = [0, 1, 40000, 80001, n - 1]
        func reworded(_ index: Int, _ d: Diagnostic) -> Diagnostic {
            var d = d
            d.message = "revised \(index)"
            return d
        }
        // A withdrawal or a move is refused before any finding is rewritten (`revise` rebuilds the list then).
        #expect(!list.reviseInPlace(at: picked) { index, d in index == 80001 ? nil : reworded(index, d) })
        #expect(!list.reviseInPlace(at: picked) { index, d in
            var d = reworded(index, d)
            if index == n - 1 { d.column = 2 }
            return d
        })
        #expect(list.copyAll().allSatisfy { $0.message == "same" })
        #expect(list.reviseInPlace(at: picked, reworded))
        let all = list.takeAll()
        #expect(all.map(\.line) == Array(1...n))
        #expect(all.map(\.record) == (0..<n).map { $0 % 5 == 0 ? nil : $0 })
        #expect(all.indices.filter { all[$0].message != "same" } == picked)
        #expect(picked.allSatisfy { all[$0].message == "revised \($0)" })
    }

    /// The word test gives the byte test's answer for every byte value at every place of a word, next to
    /// every neighbour that could borrow into it.
    @Test func plainRecordTestAgreesWithTheByteTestForEveryByte() {
        func byByte(_ bytes: [UInt8]) -> Bool { !bytes.contains { $0 >= 0xCC || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D } }
        for value in 0...255 {
            for neighbour: UInt8 in [0x61, 0x00, 0x01, 0x22, 0x23, 0x0B, 0x0E, 0x80, 0xCB, 0xCC, 0xFF] {
                for place in 0..<16 {
                    var bytes = [UInt8](repeating: 0x61, count: 19)
                    bytes[place] = UInt8(value)
                    bytes[place + 1] = neighbour
                    let word = bytes.withUnsafeBufferPointer(CellText.isPlainRecord)
                    #expect(word == byByte(bytes), "byte \(value) at \(place) before \(neighbour)")
                }
            }
        }
    }

    /// The fixer copies a record as read only when every cell would be written back unchanged.
    @Test func plainRecordsAreToldApartAtEveryByte() {
        func plain(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(CellText.isPlainRecord) }
        let base = "ann@example.com\tAnn Lee\tSão Paulo\tnl-NL\t1"
        #expect(plain(base) && plain("") && plain("ñ"))
        for i in 0...base.utf8.count {
            for special in ["\"", "\n", "\r", "\u{301}", "\u{20AC}", "😀"] {
                var text = base
                text.insert(contentsOf: special, at: text.utf8.index(text.startIndex, offsetBy: i))
                #expect(!plain(text), "\(special.unicodeScalars.first!.value) at \(i)")
            }
        }
    }
}

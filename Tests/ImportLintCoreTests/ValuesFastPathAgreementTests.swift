import Testing
@testable import ImportLintCore

/// The per-cell shortcuts of the value loop must answer exactly as the plain statement of the same test.
@Suite struct ValuesFastPathAgreementTests {
    private func randomBytes(_ alphabet: [UInt8], lengths: ClosedRange<Int>, _ rng: inout SystemRandomNumberGenerator) -> [UInt8] {
        (0..<Int.random(in: lengths, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
    }

    @Test func shortValueKeysAreEqualExactlyForEqualValues() {
        var rng = SystemRandomNumberGenerator()
        // Few distinct bytes and every length from 0 to 20, so that equal words and lengths meet often.
        let alphabet: [UInt8] = [0x41, 0x61, 0x20, 0x00, 0xC3]
        for _ in 0..<20_000 {
            let a = randomBytes(alphabet, lengths: 0...20, &rng), b = randomBytes(alphabet, lengths: 0...20, &rng)
            let keyA = a.withUnsafeBufferPointer { ShortValueMemo.Key($0) }
            let keyB = b.withUnsafeBufferPointer { ShortValueMemo.Key($0) }
            #expect((keyA == nil) == (a.isEmpty || a.count > 16))
            if let keyA, let keyB { #expect((keyA == keyB) == (a == b), "\(a) \(b)") }
        }
    }

    @Test func verdictCacheRecallsWhatWasRemembered() {
        var cache = VerdictCache()
        defer { cache.deallocate() }
        var rng = SystemRandomNumberGenerator()
        var expected: [[UInt8]: Bool] = [:]
        let finding = ValueFinding(.invalidBoolean, "bad")
        // Hundreds of distinct short values, more than the memo's slots, and some longer than 16 bytes.
        for _ in 0..<3000 {
            let value = randomBytes([0x31, 0x32, 0x33, 0x61], lengths: 1...20, &rng)
            let recalled = value.withUnsafeBufferPointer { cache.recall($0, qualifier: nil) }
            switch recalled {
            case .known(let findings):
                #expect(expected[value] == (findings != nil), "\(value)")
            case .unknown(let entry):
                #expect(expected[value] == nil, "\(value)")
                let bad = Bool.random(using: &rng)
                _ = cache.remember(bad ? [finding] : [], entry: entry)
                expected[value] = bad
            }
        }
    }

    @Test func emailQuickAcceptFindsTheAtSignOfPlainAddressesWithoutHash() {
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab.-@_#1Z".utf8)
        for _ in 0..<50_000 {
            let bytes = randomBytes(alphabet, lengths: 0...14, &rng)
            let at = bytes.withUnsafeBufferPointer { EmailRule.plainAtSignWithoutHash($0) }
            let plain = bytes.withUnsafeBufferPointer { EmailRule.isPlainValidASCII($0) }
            let want = plain && !bytes.contains(0x23) ? bytes.firstIndex(of: 0x40)! : -1
            #expect(at == want, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// The byte-at-a-time statement of `plainLocalPartEnd`: the '@' of a value of 5 to 254 bytes whose
    /// local part is 1 to 64 bytes of atext (without '#' unless `hash`) in single dots, not first or last.
    private func localPartEndReference(_ bytes: [UInt8], hash: Bool) -> Int {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!$%&'*+/=?^_`{|}~-".utf8).union(hash ? [0x23] : [])
        guard (5...254).contains(bytes.count), let at = bytes.firstIndex(of: 0x40), (1...64).contains(at) else { return -1 }
        let local = Array(bytes[..<at])
        guard local.first != 0x2E, local.last != 0x2E, local.allSatisfy({ atext.contains($0) || $0 == 0x2E }),
              !zip(local, local.dropFirst()).contains(where: { $0 == 0x2E && $1 == 0x2E }) else { return -1 }
        return at
    }

    @Test func emailLocalPartWordLoopAgreesWithBytewiseStatement() {
        var rng = SystemRandomNumberGenerator()
        // Letters and dots (the word loop), the bytes it leaves to the byte loop, and lengths around 8, 64 and 254.
        let common = Array("abcxyzABZ09.".utf8)
        let rare: [UInt8] = Array("@#-_+.'`{~ \"".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xA9, 0xFF]
        for _ in 0..<100_000 {
            let local = (0..<Int.random(in: 0...70, using: &rng)).map { _ in
                Int.random(in: 0..<12, using: &rng) == 0 ? rare.randomElement(using: &rng)! : common.randomElement(using: &rng)!
            }
            let tail = Int.random(in: 0..<30, using: &rng) == 0 ? [UInt8](repeating: 0x61, count: 250) : Array("@widget.com".utf8)
            let bytes = Bool.random(using: &rng) ? local + tail : local
            for hash in [false, true] {
                let got = bytes.withUnsafeBufferPointer { EmailRule.plainLocalPartEnd($0, localPart: hash ? EmailRule.localPartWithHash : EmailRule.localPartWithoutHash) }
                #expect(got == localPartEndReference(bytes, hash: hash), "\(bytes)")
            }
        }
    }

    @Test func topLevelDomainTableAgreesWithIANAList() {
        func accepts(_ tld: String) -> Bool {
            Array("ann@widget.\(tld)".utf8).withUnsafeBufferPointer { EmailDomains.acceptsTLD($0, allowed: []) }
        }
        let letters = EmailDomains.iana.filter { $0.count <= 13 && $0.utf8.allSatisfy { $0 >= 0x61 && $0 <= 0x7A } }
        #expect(letters.count > 1000)
        for tld in letters { #expect(accepts(tld) == (tld != "arpa"), "\(tld)") }
        #expect(accepts("COM"))
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let tld = String(decoding: randomBytes(Array("abcdeimnorstuz".utf8), lengths: 2...5, &rng), as: UTF8.self)
            #expect(accepts(tld) == (EmailDomains.iana.contains(tld) && tld != "arpa"), "\(tld)")
        }
    }

    @Test func plainASCIIWordTestAgreesWithBytewiseTest() {
        var rng = SystemRandomNumberGenerator()
        let interesting: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x3E, 0x3F, 0x40, 0x61, 0x7E, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in Bool.random(using: &rng) ? interesting.randomElement(using: &rng)! : 0x61 }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let plain = { (b: UInt8) in b >= 0x20 && b < 0x7F && b != 0x3F }
            let others = TextHygiene.nonPlainASCIIBytes(word)
            #expect((others == 0) == bytes.allSatisfy(plain), "\(bytes)")
            #expect(others == 0 || others.trailingZeroBitCount / 8 == bytes.firstIndex { !plain($0) }, "\(bytes)")
        }
    }

    /// The byte-at-a-time statement of `isPlainLatinText`.
    private func plainLatinReference(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, ![0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return false }
        var sequences = MojibakeSequenceTracker()
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 || b == 0x7F || b == 0x3F || sequences.add(UInt32(b)) { return false }
                i += 1
                continue
            }
            guard i + 1 < bytes.count, b >= 0xC3, b <= 0xC5 else { return false }
            let c = bytes[i + 1]
            guard c >= 0x80 && c <= 0xBF, !(b == 0xC3 && (c == 0x97 || c == 0xB7)) else { return false }
            if sequences.add(UInt32(b & 0x1F) << 6 | UInt32(c & 0x3F)) { return false }
            i += 2
        }
        return true
    }

    @Test func plainLatinShortcutAgreesWithBytewiseStatement() {
        var rng = SystemRandomNumberGenerator()
        // Long ASCII runs between Latin letters, spaces after them (the no-break-space reading of 'Ã '), and
        // the bytes the shortcut refuses.
        let pieces: [[UInt8]] = [Array("abcdefghij".utf8), Array(" ".utf8), Array("é".utf8), Array("Ã".utf8), Array("©".utf8),
                                 Array("ł".utf8), Array("Ä".utf8), [0x3F], [0x7F], [0x0B], Array("€".utf8), Array("ab".utf8)]
        for _ in 0..<30_000 {
            let bytes = (0..<Int.random(in: 1...6, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            let fast = bytes.withUnsafeBufferPointer { TextHygiene.isPlainLatinText($0) }
            #expect(fast == plainLatinReference(bytes), "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    @Test func firstByteMarksCoverEveryScreenedValueAndFormulaStart() {
        var rng = SystemRandomNumberGenerator()
        let pieces: [[UInt8]] = ["N/A", "n/a", "null", "NULL", "(null)", "Null", "None", "-", "(not set)", "#N/A", "TBD", "tbd", "Unknown",
                                 "4.47712E+11", "1,5e+3", "1E+05", "1", "0", " ", "\t", "=1", "+44", "@x", "\r", "abc", "é", "?"].map { Array($0.utf8) }
        let marks = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        defer { marks.deallocate() }
        for kind in ValueKind.allCases {
            for (hygiene, placeholders, scientific) in [(true, true, true), (false, true, false), (true, false, true), (false, false, false)] {
                let scientificHere = scientific && ScientificNotation.applies(to: kind)
                ValueRulesRule.markFirstBytes(marks, hygiene: hygiene, placeholders: placeholders, scientific: scientificHere)
                for _ in 0..<400 {
                    let bytes = (0..<Int.random(in: 1...3, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
                    let mark = marks[Int(bytes[0])]
                    let screened = bytes.withUnsafeBufferPointer {
                        ValueValidation.isScreened($0.trimmedASCII(), kind: kind, placeholders: placeholders, scientific: scientificHere)
                    }
                    let formula = bytes.withUnsafeBufferPointer { TextHygiene.startsLikeFormula($0) }
                    if screened { #expect(mark & ValueRulesRule.screenStart != 0, "\(kind) \(bytes)") }
                    #expect((mark & ValueRulesRule.formulaStart != 0) == (hygiene && formula), "\(kind) \(bytes)")
                }
            }
        }
    }

    /// Random strings of few distinct bytes and lengths from 0 to 70, so that slots and the four-byte ends
    /// collide often: `found` answers only for strings `insert` kept, and it keeps exactly those it can hold.
    private func holdsOnlyWhatWasInserted(found: (RecentByteStrings, UnsafeBufferPointer<UInt8>) -> Bool,
                                          insert: (RecentByteStrings, UnsafeBufferPointer<UInt8>) -> Void) {
        var rng = SystemRandomNumberGenerator()
        let strings = RecentByteStrings()
        defer { strings.deallocate() }
        var inserted: Set<[UInt8]> = []
        for _ in 0..<30_000 {
            let bytes = randomBytes([0x61, 0x62, 0x20], lengths: 0...70, &rng)
            if bytes.withUnsafeBufferPointer({ found(strings, $0) }) { #expect(inserted.contains(bytes), "\(bytes)") }
            if Bool.random(using: &rng) {
                bytes.withUnsafeBufferPointer { insert(strings, $0) }
                let kept = bytes.withUnsafeBufferPointer { found(strings, $0) }
                #expect(kept == (1...RecentByteStrings.maximumLength).contains(bytes.count), "\(bytes)")
                if kept { inserted.insert(bytes) }
            }
        }
    }

    @Test func recentByteStringsHoldOnlyWhatWasInserted() {
        holdsOnlyWhatWasInserted(found: { $0.contains($1) }, insert: { _ = $0.insert($1) })
    }

    @Test func recentByteStringsInPairsHoldOnlyWhatWasInsertedAndKeepTwoOfOneHome() {
        holdsOnlyWhatWasInserted(found: { $0.findInPair($1) >= 0 }, insert: { $0.insertInPair($1) })
        // Two domains of one home slot: a plain insert keeps the later one only, a pair both.
        let domains = ["adventureworks.com", "wingtip.com"].map { Array($0.utf8) }
        let single = RecentByteStrings(), pair = RecentByteStrings()
        defer { single.deallocate(); pair.deallocate() }
        for d in domains {
            _ = d.withUnsafeBufferPointer { single.insert($0) }
            d.withUnsafeBufferPointer { pair.insertInPair($0) }
        }
        #expect(!domains[0].withUnsafeBufferPointer { single.contains($0) })
        #expect(domains.allSatisfy { d in d.withUnsafeBufferPointer { pair.findInPair($0) } >= 0 })
    }

    @Test func serviceAccountMatchAgreesWithFirstMatchingPattern() {
        var rng = SystemRandomNumberGenerator()
        let accounts = ServiceAccounts(adding: ["*x", "svc-*", "Ann", "a*a", "Zq*", "b"], removing: ["Guest"])
        let pieces = ["Administrator", "ADMIN", "guest", "krbtgt", "MSOL_", "aad_", "sync_", "HealthMailbox", "SystemMailbox{", "}",
                      "sm_", "FederatedEmail.", "$", "x", "X", "svc-", "Ann", "a", " ", "é", "Lee",
                      "zQ", "Sylvie", "Denise", "b", "B"].map { Array($0.utf8) }
        for _ in 0..<30_000 {
            let bytes = (0..<Int.random(in: 0...3, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
            for inAddress in [true, false] {
                let got = bytes.withUnsafeBufferPointer { accounts.match($0, inAddress: inAddress) }
                let want = bytes.withUnsafeBufferPointer { b in
                    b.count < 2 ? nil : accounts.patterns.first { (inAddress ? $0.matchesAddresses : $0.matchesNames) && $0.matches(b) }
                }
                #expect(got == want, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    @Test func emailQuickAcceptWithDomainMemoAgreesWithoutIt() {
        var rng = SystemRandomNumberGenerator()
        let locals = ["ann", "a.b", "x", ".ann", "ann.", "a..b", "Guest", "administrator", "msol_1", "ann#ext#", "h$", "sm_x",
                      "a b", "é", "a+tag", String(repeating: "l", count: 64), String(repeating: "l", count: 65)]
        let domains = ["widget.com", "WIDGET.COM", "widget.co", "widget.c0m", "widget.invalid", "a-b.com", "-ab.com", "ab-.com",
                       "widget", "widget.", ".com", "x.y.org", "widget.local", "widget.home.arpa", "widget.arpa", "",
                       "widget.comx", "widget.xn--p1ai", String(repeating: "d", count: 63) + ".com",
                       String(repeating: "d", count: 64) + ".com", String(repeating: "d.", count: 40) + "com"]
        for allowed in [Set<String>(), ["local", "invalid"]] {
            let settings = DirectorySettings(serviceAccounts: .standard, allowedTLDs: allowed)
            let memo = RecentByteStrings()
            defer { memo.deallocate() }
            for _ in 0..<20_000 {
                // Runs of one domain, as in an export, and sometimes the domain just accepted with one byte changed.
                let text = locals.randomElement(using: &rng)! + (Int.random(in: 0..<20, using: &rng) == 0 ? "@@" : "@")
                    + domains.randomElement(using: &rng)!
                let maxLength = Bool.random(using: &rng) ? 128 : 20
                let bytes = Array(text.utf8)
                let want = bytes.withUnsafeBufferPointer { ValueValidation.quickAccept($0, kind: .email, maxLength: maxLength, directory: settings) }
                let got = bytes.withUnsafeBufferPointer {
                    ValueValidation.quickAcceptEmail($0, maxLength: maxLength, directory: settings, domains: memo)
                }
                #expect(got == want, "\(text)")
            }
        }
    }

    /// The loop settles a plain cell that a byte-level accept takes without screening, trimming or
    /// validating it: full validation must find nothing in such a value, awkward ones included.
    @Test func byteLevelAcceptsTakeOnlyValuesValidationFindsClean() throws {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["ann", "Lee", ".", "@", "widget", ".com", ".local", " ", "CN=", ",OU=x", ",DC=y", "Administrator", "svc-", "$",
                      "Guest", "#EXT#", "SMTP:", "<", ">", "N/A", "None", "é", "?", "=", "+", "-", "System.Object[]", "@{a=1}",
                      "http://", "https://", "x.org/a", "Microsoft.", "Unknown", "1.5E+10", "\t", "krbtgt", "MSOL_1"].map { Array($0.utf8) }
        var accepted = 0
        for _ in 0..<40_000 {
            // As the loop asks: of a value without surrounding spaces and tabs.
            let bytes = (0..<Int.random(in: 1...5, using: &rng)).flatMap { _ in pieces.randomElement(using: &rng)! }
                .withUnsafeBufferPointer { Array($0.trimmedASCII()) }
            for kind in [ValueKind.email, .managerEmail, .personName, .url] {
                let maxLength = Bool.random(using: &rng) ? 128 : 12
                guard bytes.withUnsafeBufferPointer({ ValueValidation.quickAccept($0, kind: kind, maxLength: maxLength) }) else { continue }
                accepted += 1
                var column = ColumnSpec(name: "Column", kind: kind)
                column.maxLength = maxLength
                let context = ValueContext(column: column, kind: kind, allowed: nil, defaultRegion: nil, profileName: "test")
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(ValueValidation.validate(text, context: context).isEmpty, "\(kind) '\(text)'")
            }
        }
        #expect(accepted > 1000)
        // The name accept took these, and powershell-type-name was never asked.
        for name in ["System.Object[]", "@{Name=Ann; Title=Analyst}"] {
            let report = try Linter(options: LintOptions()).lint(.bytes(Array("Primary Email\tName\nann@widget.com\t\(name)\n".utf8), displayPath: "people.tsv")).report
            #expect(report.diagnostics.contains { $0.code == RuleDescriptor.powershellTypeName.code }, "\(name)")
        }
    }

    /// A record's value findings are those it gets linted alone: the loop's shortcuts (first-byte marks,
    /// ASCII spans, the byte-level accepts taken before screening, the memos of clean cells (those of one
    /// or two bytes apart) and accepted domains, recalled verdicts and findings) answer as the first look at
    /// each value does, on rows of awkward values: non-ASCII, padding, placeholders, formulas, '?', service
    /// accounts, DNs, type names, long values, cells of one and two bytes.
    @Test func recordFindingsDoNotDependOnTheRecordsBefore() throws {
        var rng = SystemRandomNumberGenerator()
        let header = "Primary Email\tName\tLocale\tTime Zone\tTime Format 24h\tSource\tOrganization\tJob Title"
        let columns: [[String]] = [
            ["ann.lee@widget.com", "ann.lee@fabrikam.com", "Ann.Lee@Widget.COM", " ann@widget.com", "ann@widget.com ", "n/a", "N/A",
             "administrator@widget.com", "ann@widget.local", "ann..lee@widget.com", ".ann@widget.com", "ann@widget", "José@widget.com",
             "ann@wídget.com", "ann#EXT#@widget.onmicrosoft.com", "SMTP:ann@widget.com", "Ann Lee <ann@widget.com>", "=HYPERLINK(1)",
             "+ann@widget.com", "ann?@widget.com", "System.Object[]", "ann@widget.com,bob@widget.com", "unknown@widget.com",
             "thomas@widget.com", String(repeating: "a", count: 130) + "@widget.com", "a-b_c@x-y.co.uk", ""],
            ["Ann Lee", "Zoë Łódź", "  Ann Lee", "Ann Lee ", "N/A", "None", "CN=Lee\\, Ann,OU=Sales,DC=widget,DC=com", "Administrator",
             "svc-backup", "Guest", "=1+1", "-Ann", "@Ann", "Ann?", "Ren? Dubois", "Ã©ric", "System.Object[]", "Unknown",
             String(repeating: "N", count: 140), "Thomas", "José García", ""],
            ["en", "en-GB", "nl", "de", "xx", "EN", " en", "n/a", "=en", "é", "e", "?", "n", ""],
            ["Amsterdam", "Pacific Time (US & Canada)", "Mars/Olympus", "UTC", " UTC", "N/A", "Zürich", ""],
            ["0", "1", "true", "yes", "2", "1.0E+00", "N/A", " 1", "Y", "x", "10", "é", "-", "=", ""],
            ["Active Directory", "Active Directory Production Forest", "HR", "N/A", "-", "=cmd", "Ωmega", "Source?", "Ω", "N", "é", " ", ""],
            ["Widget Inc", "Widget Inc.", "Northwind Spain", "N/A", "Ünited", "#N/A", "+31 20 555 0100", "TBD", ""],
            ["Legal Counsel", "Kierownik Zespołu", "Team Lead", String(repeating: "x", count: 81), "Unknown", "?", "@role", ""],
        ]
        let rows = (0..<300).map { _ in columns.map { $0.randomElement(using: &rng)! }.joined(separator: "\t") }
        func findings(_ text: String) throws -> [Int: [String]] {
            let report = try Linter(options: LintOptions()).lint(.bytes(Array(text.utf8), displayPath: "people.tsv")).report
            var byRecord: [Int: [String]] = [:]
            // Findings about one cell (the value and text-hygiene rules') or one record; not those comparing records.
            for d in report.diagnostics where ["VAL", "DIR", "XLS", "TXT"].contains(where: d.code.hasPrefix) {
                byRecord[d.position.record ?? -1, default: []].append("\(d.code) \(d.position.fieldIndex ?? -1) \(d.position.column) \(d.message)")
            }
            return byRecord
        }
        let together = try findings(([header] + rows).joined(separator: "\n") + "\n")
        #expect(together.count > 100)
        for (r, row) in rows.enumerated() {
            let alone = try findings(header + "\n" + row + "\n")
            #expect((together[r + 1] ?? []).sorted() == (alone[1] ?? []).sorted(), "\(row)")
        }
    }

    /// `records` comma-separated lines of one to nine cells drawn from `cells`.
    static func randomRecords(_ records: Int, of cells: [String]) -> String {
        var rng = SystemRandomNumberGenerator()
        var text = ""
        for _ in 0..<records {
            text += (0..<Int.random(in: 1...9, using: &rng)).map { _ in cells.randomElement(using: &rng)! }.joined(separator: ",") + "\n"
        }
        return text
    }

    /// A finding's column counts the scalars of its line before the cell, eight bytes at a time.
    @Test func cellColumnsCountTheScalarsBeforeThem() throws {
        let text = Self.randomRecords(1000, of: ["plain", "", "é", "Zoë Łódź", "日本語", "😀x", "\"quoted é\"", "\"line\né ü\"",
                                                 "abcdefghijklmnop", "ñ"])
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: 4096)
        var checked = 0
        while try reader.next() {
            for index in 0..<reader.fieldCount {
                let cell = reader.origin(of: index)
                let before = UnsafeBufferPointer(start: reader.bufferBase + cell.lineStart, count: cell.rawStart - cell.lineStart)
                let want = String(decoding: before, as: UTF8.self).unicodeScalars.count + 1
                #expect(reader.position(ofField: index).column == want, "\(String(decoding: before, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked > 3000)
    }

    /// The '?' looked for once ahead of many records answers for each record as a search of the record
    /// itself: over refills of a small buffer, quoted line breaks and records with several '?' or none.
    @Test func questionMarkLookAheadAgreesWithEachRecord() throws {
        let text = Self.randomRecords(3000, of: ["plain", "", "x?y", "?", "é", "\"q?\nline\"", "abcdefghijklmnop", "no"])
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: 512)
        var records = 0, withQuestionMark = 0
        while try reader.next() {
            records += 1
            let expected = reader.rawRecordContains(0x3F)
            if expected { withQuestionMark += 1 }
            #expect(reader.rawRecordContainsQuestionMark() == expected, "record \(records)")
        }
        #expect(records == 3000)
        #expect(withQuestionMark > 500 && withQuestionMark < 2900)
    }

    /// Records of ASCII cells, accented cells, quoted cells with doubled quotes and line breaks.
    @Test func asciiSpansHoldOnlyASCIICells() throws {
        let text = Self.randomRecords(2000, of: ["plain", "", "é", "Zoë Łódź", "\"a \"\"quoted\"\" é\"", "\"line\nbreak\"",
                                                 "\"ascii \"\"q\"\"\"", "日本", "x?y", "12345678901234567"])
        let reader = CSVReader(source: MemorySource(Array(text.utf8)), chunkSize: 4096)
        var records = 0, asciiAfterAccents = 0
        while try reader.next() {
            records += 1
            let spans = RecordASCIISpans(reader)
            var seenNonASCII = false
            for index in 0..<reader.fieldCount {
                let bytes = reader.bytes(index)
                guard !bytes.isEmpty else { continue }
                let ascii = bytes.allSatisfy { $0 < 0x80 }
                let inSpans = spans.contains(reader.cells.start(index), reader.cells.end(index))
                if inSpans { #expect(ascii, "\(String(decoding: bytes, as: UTF8.self))") }
                if !ascii { seenNonASCII = true }
                if seenNonASCII && ascii && inSpans { asciiAfterAccents += 1 }
            }
        }
        #expect(records == 2000)
        #expect(asciiAfterAccents > 100, "the tail after the last non-ASCII cell counts as ASCII")
    }

    /// A column's settled length is capped at 65,535 bytes (`Plan.settledLength` is 16 bits), one below
    /// Information's limit of 65,536 bytes: cells at the cap, at the limit and past it must get the
    /// verdicts of the plain length test (only the one past the limit is too long).
    @Test func cellsAroundTheSixteenBitSettledLengthGetThePlainVerdict() throws {
        let lengths = [65_535, 65_536, 65_537]
        let rows = lengths.enumerated().map { i, n in "p\(i)@widget.com,Person \(i),\(String(repeating: "a", count: n))" }
        let text = "Primary Email,Name,Information\n" + rows.joined(separator: "\n") + "\n"
        let report = try TestSupport.lint(text).report
        let tooLong = report.diagnostics.filter { $0.rule == RuleDescriptor.valueTooLong.name }.map(\.line)
        #expect(tooLong == [4])
    }
}

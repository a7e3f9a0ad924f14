import Testing
@testable import ImportLintCore

/// duplicate-identifier keeps 64-bit fingerprints, not keys. With all but three bits of every fingerprint
/// masked away, nearly every pair of distinct keys collides: the findings must still be exactly those of
/// the full fingerprints, since each hit is checked against the first row's real key.
@Suite struct FingerprintCollisionTests {
    private func duplicates(_ text: String, profile name: String, mask: UInt64, threads: Int = 1) throws -> [Diagnostic] {
        let bytes = Array(text.utf8)
        let profile = try #require(ProfileLoader.builtIn.first { $0.name == name })
        let reader = CSVReader(source: MemorySource(bytes))
        let header = try #require(try reader.readHeader())
        let (bindings, matches) = HeaderAnalysis.bind(header: header, profile: profile)
        var options = LintOptions()
        options.threadsPerFile = threads
        let context = FileContext(input: .bytes(bytes, displayPath: "f.csv"), profile: profile, options: options,
                                  encoding: .utf8(bom: false), delimiter: 0x2C, header: header, bindings: bindings, matches: matches, headerLine: 1)
        let rule = try #require(DuplicateIdentifierRule(context))
        rule.fingerprintMask = mask
        let sink = DiagnosticSink(selection: RuleSelection())
        var record = 0
        while try reader.next() {
            record += 1
            rule.check(reader, record: record, sink: sink)
        }
        rule.finish(sink: sink)
        return sink.takeSorted()
    }

    /// `rows` people with `addresses` distinct addresses (in varying case), so that most rows repeat an earlier one.
    private func people(rows: Int = 300, addresses: UInt64 = 120) -> String {
        var rng = SeededRNG(seed: 42)
        var text = "Primary Email,Name\n"
        for i in 0..<rows {
            let n = Int(rng.next() % addresses)
            let address = i % 7 == 0 ? "Person\(n)@Example.com" : "person\(n)@example.com"
            text += "\(address),Person \(i)\n"
        }
        return text
    }

    @Test func collisionsNeverChangeThePeopleFindings() throws {
        let exact = try duplicates(people(), profile: "4me-people", mask: .max)
        #expect(exact.count > 100)
        for mask: UInt64 in [0x7, 0x1, 0] {
            let masked = try duplicates(people(), profile: "4me-people", mask: mask)
            #expect(masked == exact, "mask \(mask)")
        }
    }

    /// With two threads and enough repeated keys, the first rows are read again in two runs at once.
    @Test func collisionsNeverChangeThePeopleFindingsOnTwoThreads() throws {
        let text = people(rows: 4000, addresses: 1500)
        let exact = try duplicates(text, profile: "4me-people", mask: .max)
        #expect(Set(exact.compactMap { $0.related.first?.line }).count >= 512)
        for mask: UInt64 in [.max, 0x7, 0] {
            let masked = try duplicates(text, profile: "4me-people", mask: mask, threads: 2)
            #expect(masked == exact, "mask \(mask)")
        }
    }

    /// Keys with a scope: a collision may hide a repeat, but never reports one that is not there.
    @Test func collisionsNeverInventAReceptionistDuplicate() throws {
        var rng = SeededRNG(seed: 7)
        var text = "First Name,Last Name,Email,Location Slug,Identification\n"
        for i in 0..<200 {
            let n = Int(rng.next() % 60)
            text += "P\(n),L\(i % 3),p\(n)@example.com,site-\(rng.next() % 3),ID\(n)\n"
        }
        let exact = try duplicates(text, profile: "receptionist", mask: .max)
        #expect(!exact.isEmpty)
        for mask: UInt64 in [0x7, 0x1] {
            for finding in try duplicates(text, profile: "receptionist", mask: mask) {
                #expect(exact.contains(finding), "\(finding.line): \(finding.message)")
            }
        }
    }

    /// SMS Phone is compared as dialled: a number written with other spaces, dashes or parentheses is a
    /// warning naming the first row's writing, the same writing an error; collisions change neither.
    @Test func dialledRepeatsAreWarningsAndSurviveCollisions() throws {
        var rng = SeededRNG(seed: 11)
        let writings = ["+1415555%04d", "+1 415-555-%04d", "+1 (415) 555 %04d", "+1.415.555.%04d"]
        var text = "First Name,Last Name,SMS Phone,Location Slug\n"
        for i in 0..<300 {
            let n = Int(rng.next() % 90)
            let writing = writings[Int(rng.next() % UInt64(writings.count))]
            text += "P\(i),L,\(String(format: writing, n)),site\n"
        }
        let exact = try duplicates(text, profile: "receptionist", mask: .max)
        let warnings = exact.filter { $0.severity == .warning }
        #expect(warnings.count > 50 && exact.count - warnings.count > 20)
        #expect(warnings.allSatisfy { $0.message.contains("written another way") })
        for finding in exact where finding.severity == .error {
            #expect(!finding.message.contains("written another way"))
        }
        for mask: UInt64 in [0x7, 0x1] {
            for finding in try duplicates(text, profile: "receptionist", mask: mask) {
                #expect(exact.contains(finding), "\(finding.line): \(finding.message)")
            }
        }
    }
}

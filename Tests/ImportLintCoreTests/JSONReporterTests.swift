import Foundation
import Testing
@testable import ImportLintCore

/// The direct JSON writer must produce exactly what Foundation's JSONEncoder produces for the same report.
@Suite struct JSONReporterTests {
    static func viaEncoder(_ report: Report) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    @Test func matchesJSONEncoderOnAwkwardText() throws {
        let nasty = "q\"b\\s/\u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f}\u{85}é😀\u{2028}\"\u{301}end\\\u{301}"
        let diagnostics = [
            Diagnostic(rule: .mojibake, line: 3, column: 7, record: 2, field: nasty, message: nasty,
                       related: [RelatedLocation(line: 1, path: "a/b.csv", message: nasty), RelatedLocation(line: 9)],
                       fix: Fix(.safe, nasty, replacement: nasty), fieldIndex: 4),
            Diagnostic(rule: .byteOrderMark, line: 1, column: 1, record: nil, field: nil, message: "m",
                       fix: Fix(.unsafe, "d", .removeByteOrderMark)),
        ]
        let files = [
            FileReport(path: nasty, profile: nil, encoding: "UTF-8", delimiter: "\t", records: 0, diagnostics: [], clusters: []),
            FileReport(path: "p.tsv", profile: "4me-people", encoding: "UTF-8", delimiter: ",", records: 12,
                       diagnostics: diagnostics,
                       clusters: [Cluster(field: "Organization", canonical: nasty,
                                          members: [ClusterMember(value: nasty, count: 2, lines: [2, 5]),
                                                    ClusterMember(value: "x", count: 0, lines: []),
                                                    ClusterMember(value: "n", count: Int.min,
                                                                  lines: [-1, 0, 9, 10, 99, 100, 1_234_567_890, Int.max])])]),
            FileReport(path: "q.csv", profile: nil, encoding: "UTF-16LE", delimiter: ";", records: 1, diagnostics: [], clusters: nil),
        ]
        for report in [Report(files: files), Report(files: [])] {
            #expect(try JSONReporter.render(report) == Self.viaEncoder(report))
        }
    }

    @Test func matchesJSONEncoderOnEveryFixture() throws {
        for fixture in FixtureTests.cases.prefix(200) {
            let report = Report(files: [try FixtureTests.lint(fixture)])
            #expect(try JSONReporter.render(report) == Self.viaEncoder(report), "\(fixture.input.lastPathComponent)")
        }
    }

    /// Findings sharing their content (copied from its rendering from their second on) are written as
    /// JSONEncoder writes them: interleaved, more contents than the writer's table has slots, positions
    /// too large for 32 bits, null records, and the same content in two files at different depths.
    @Test func matchesJSONEncoderOnSharedContents() throws {
        let contents = (0..<600).map { i in
            Diagnostic(rule: .unsupportedLocale, line: 1, column: 1, record: nil, field: i % 2 == 0 ? "Locale" : nil,
                       message: "Locale '\(i % 7)\u{e9}\"' is not supported", related: i % 5 == 0 ? [RelatedLocation(line: i)] : [],
                       fix: i % 3 == 0 ? Fix(.unsafe, "Replace \(i)", replacement: "en") : nil, values: ["\(i)"])
        }
        let diagnostics = (0..<5_000).map { i in
            var d = contents[(i * 7919) % (i < 2_500 ? 600 : 3)]
            d.line = i % 11 == 0 ? Int(UInt32.max) + i : i + 2
            d.column = i % 13 + 1
            d.record = i % 4 == 0 ? nil : i + 1
            return d
        }
        #expect(Set(diagnostics.map { ObjectIdentifier($0.content) }).count < diagnostics.count / 4)
        let file = FileReport(path: "p.csv", profile: "4me-people", encoding: "UTF-8", delimiter: ",", records: 5_000,
                              diagnostics: diagnostics, clusters: nil)
        let report = Report(files: [file, file])
        #expect(try JSONReporter.render(report) == Self.viaEncoder(report))
        // On two threads (each with a table of its own), blocks of findings rendered apart.
        #expect(diagnostics.count >= 2 * ParallelArray.blockSize)
        #expect(try JSONReporter.render(report, threads: 2) == Self.viaEncoder(report))
    }

    /// Findings rendered on two threads are streamed in order, a block of them handed over whole; a
    /// failing sink fails the write without leaving the other thread waiting.
    @Test func findingsRenderedOnTwoThreadsStreamInOrder() throws {
        let count = 5 * ParallelArray.blockSize + 17
        let diagnostics = (1...count).map { i in
            Diagnostic(rule: .surroundingWhitespace, line: i + 1, column: i % 5 + 1, record: i, field: "Name",
                       message: "Name has \(i % 50) surrounding spaces", fix: Fix(.safe, "Trim", replacement: "x"),
                       fieldIndex: 2, values: [" x ", "x"])
        }
        let report = Report(files: [FileReport(path: "p.csv", profile: "4me-people", encoding: "UTF-8", delimiter: ",",
                                               records: count, diagnostics: diagnostics, clusters: nil)])
        var streamed: [UInt8] = []
        try JSONReporter.write(report, threads: 2) { streamed.append(contentsOf: $0) }
        let oneThread = try JSONReporter.render(report)
        #expect(String(decoding: streamed, as: UTF8.self) == oneThread)
        #expect(oneThread.components(separatedBy: "\"record\" :").count == count + 1)

        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try JSONReporter.write(report, threads: 2) { _ in
                calls += 1
                if calls == 3 { throw Full() }
            }
        }
        #expect(calls == 3)
    }

    /// A thread slowed down does not hold the other back: the blocks go to whichever thread is free (taking
    /// every second block, each thread rendered half the elements however slow), and the array stays the
    /// one thread's, through several turns of the ring.
    @Test func aSlowThreadLeavesItsShareToTheOther() {
        final class Shares: @unchecked Sendable {
            let lock = NSLock()
            var rendered: [Int] = []
            func maker() -> Int { lock.lock(); defer { lock.unlock() }; rendered.append(0); return rendered.count - 1 }
            func count(_ maker: Int) { lock.lock(); rendered[maker] += 1; lock.unlock() }
        }
        let shares = Shares()
        // The slow thread starts its work only once the other has begun: on a busy pool the helper thread
        // may start late, and a slow writer alone would render everything, whatever the design.
        let otherBegan = DispatchSemaphore(value: 0)
        let count = 3 * ParallelArray.ringSize * ParallelArray.blockSize + 17
        let twoThreads = PrettyJSONWriter.render { w in
            ParallelArray.write(count, 0, threads: 2, to: w) {
                let maker = shares.maker()
                var first = true
                return { w, i in
                    // The first thread to make its element writer is the slow one.
                    if maker == 0 {
                        if first { _ = otherBegan.wait(timeout: .now() + 30) }
                        usleep(100)
                    } else if first {
                        otherBegan.signal()
                    }
                    first = false
                    shares.count(maker)
                    w.int(i)
                }
            }
        }
        #expect(twoThreads == PrettyJSONWriter.render { w in w.array(count, 0) { w, i in w.int(i) } })
        #expect(shares.rendered.count == 2 && shares.rendered.reduce(0, +) == count)
        #expect(shares.rendered[0] < count / 3)
    }

    /// The summary counted on two threads, each a share of a long list of findings whose rules, severities
    /// and fixes change within and across the shares, is the one counted on one.
    @Test func summaryCountedOnTwoThreadsIsTheSame() {
        let rules: [RuleDescriptor] = [.surroundingWhitespace, .unsupportedLocale, .duplicateIdentifier]
        let count = (1 << 16) + 5
        let diagnostics = (0..<count).map { i in
            Diagnostic(rule: rules[i / 7_000 % 3], severity: i % 11 == 0 ? .info : nil, line: i + 2, column: 1, record: i + 1,
                       field: "Name", message: "m", fix: i % 3 == 0 ? Fix(.unsafe, "Trim", replacement: "x") : nil)
        }
        let file = FileReport(path: "p.csv", profile: nil, encoding: "UTF-8", delimiter: ",", records: count,
                              diagnostics: diagnostics, clusters: nil)
        let one = Report(files: [file]).summary
        #expect(Report(files: [file], threads: 2).summary == one)
        #expect(one.rules.map(\.count).reduce(0, +) == count && one.fixableUnsafe == (count + 2) / 3)
    }

    /// Streaming hands over the same bytes as rendering, across many buffer boundaries, and a failing sink
    /// fails the write.
    @Test func streamedReportEqualsRenderedReport() throws {
        let diagnostics = (1...3_000).map { i in
            Diagnostic(rule: .surroundingWhitespace, line: i + 1, column: 3, record: i, field: "Name",
                       message: "Name has \(i) surrounding spaces: \"é\(String(repeating: "x", count: i % 90))\"",
                       fix: Fix(.safe, "Trim", replacement: "x"), fieldIndex: 2, values: [" x ", "x"])
        }
        let report = Report(files: [FileReport(path: "p.csv", profile: "4me-people", encoding: "UTF-8", delimiter: ",",
                                               records: 3_000, diagnostics: diagnostics, clusters: nil)])
        var streamed: [UInt8] = []
        var pieces = 0
        try JSONReporter.write(report) { piece in
            streamed.append(contentsOf: piece)
            pieces += 1
        }
        #expect(pieces > 10)
        #expect(String(decoding: streamed, as: UTF8.self) == (try JSONReporter.render(report)))

        struct Full: Error {}
        var calls = 0
        #expect(throws: Full.self) {
            try JSONReporter.write(report) { _ in
                calls += 1
                if calls == 2 { throw Full() }
            }
        }
        #expect(calls == 2)
    }

    /// Numbers are written as `String` writes them on either side of every change in digit count.
    @Test func numbersAreWrittenExactlyAtEveryLength() {
        var values = [0, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0...18 {
            values += [power - 1, power, power + 1, -power, -(power - 1)]
            if power <= Int.max / 10 { power *= 10 }
        }
        for value in values {
            #expect(PrettyJSONWriter.render { $0.int(value) } == "\(value)\n")
        }
    }
}

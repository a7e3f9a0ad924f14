import Foundation
import Testing
@testable import ImportLintCore

/// Inputs that are not import files, or are absurdly shaped: each ends in a diagnostic (unreadable-input for
/// a file that cannot be read as text) or an InputError (the CLI's one-line error with exit 2), never a
/// crash or a hang.
@Suite struct BadInputTests {
    private func lint(_ bytes: [UInt8], path: String = "bad.csv") throws -> FileReport {
        try Linter(options: LintOptions()).lint(.bytes(bytes, displayPath: path)).report
    }

    @Test func emptyFile() throws {
        let report = try lint([])
        #expect(report.records == 0)
        #expect(report.diagnostics.map(\.code) == ["STR008"])
        #expect(report.diagnostics.first?.line == 1)
    }

    @Test func headerOnly() throws {
        let report = try lint(Array("Primary Email,Name\n".utf8))
        #expect(report.records == 0)
        #expect(report.profile == "4me-people")
        #expect(report.diagnostics.map(\.code) == ["STR008"])
    }

    /// What the unreadable-input finding of `input` says; nil when there is none.
    private func unreadable(_ input: InputFile) throws -> String? {
        let report = try Linter(options: LintOptions()).lint(input).report
        #expect(report.diagnostics.count <= 1 && report.records == 0, "\(report.diagnostics)")
        return report.diagnostics.first { $0.code == "FMT003" }?.message
    }

    @Test func pngIsRefused() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let message = try unreadable(.bytes(png + [UInt8](repeating: 0, count: 200), displayPath: "photo.csv"))
        #expect(message?.contains("PNG") == true)
    }

    @Test func zipIsRefused() throws {
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0x08, 0] + Array("[Content_Types].xml".utf8)
        let message = try unreadable(.bytes(zip, displayPath: "people.xlsx"))
        #expect(message?.contains("ZIP") == true)
    }

    @Test func directoryIsRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("importlint-dir-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try unreadable(.path(dir.path)) == "This is a folder, not a file")
    }

    /// `cat` of a UTF-8 export with accented names longer than the 64 KB the encoding sniffer reads and an
    /// Out-File (UTF-16LE) export: one unreadable-input finding, as when the mark is in the head, not an
    /// invalid-utf8 error per line of the second export; and fix refuses it the same way.
    @Test func utf16LEAppendedPastAnAccentedHeadIsUnreadable() throws {
        let head = "Primary Email,Name\r\n" + (0..<1700).map { "renee.muller\($0)@widget.com,Renée Müller\r\n" }.joined()
        let tail = "Primary Email,Name\r\nzoe@widget.com,Zoë Lefèvre\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let joined = Array(head.utf8) + [0xFF, 0xFE] + tail
        #expect(head.utf8.count > EncodingSniffer.sampleSize)
        let message = try unreadable(.bytes(joined, displayPath: "people.csv"))
        #expect(message == UnreadableInput.advice(.eightBitThenUTF16))
        #expect(throws: NotText.Found.self) { try FixHarness.fix(joined, name: "people.csv", options: FixOptions()) }
        // The same bytes in a UTF-8 line that holds no NUL after them are two invalid bytes, nothing more.
        let stray = Array(head.utf8) + [0xFF, 0xFE] + Array("x@widget.com,X\r\n".utf8)
        #expect(try lint(stray, path: "people.csv").diagnostics.map(\.rule) == ["invalid-utf8"])
    }

    @Test func missingFileIsRefused() throws {
        #expect(try unreadable(.path("/nonexistent/importlint/people.csv")) == "The file does not exist")
    }

    @Test func hundredThousandColumns() throws {
        let n = 100_000
        // Two-letter names ("aa"..."zz", repeating): distinct longer names make header matching try a
        // near-miss edit distance against every profile column for every cell, minutes in a debug build.
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let names = (0..<n).map { i in String([letters[(i / 26) % 26], letters[i % 26]]) }
        let header = names.joined(separator: ",")
        let full = (0..<n).map { "v\($0)" }.joined(separator: ",")
        let short = (0..<(n - 1)).map { "w\($0)" }.joined(separator: ",")
        let text = header + "\n" + full + "\n" + short + "\n"
        let report = try lint(Array(text.utf8))
        #expect(report.records == 2)
        let ragged = report.diagnostics.filter { $0.code == "STR001" }
        #expect(ragged.count == 1)
        // The missing cell is reported at the end of line 3, after 99,999 cells.
        #expect(ragged.first?.line == 3)
        #expect(ragged.first?.column == short.utf8.count + 1)
        // Every repeat of a name is a duplicate header.
        #expect(report.diagnostics.filter { $0.code == "STR003" }.count == n - 26 * 26)

        let reader = CSVReader(source: MemorySource(Array(text.utf8)))
        #expect(try reader.next())
        #expect(reader.fieldCount == n)
        #expect(reader.string(n - 1) == names[n - 1])
    }

    /// A zero chunk size used to double a zero capacity forever.
    @Test func zeroChunkSize() throws {
        let reader = CSVReader(source: MemorySource(Array("a,b\n1,2".utf8)), chunkSize: 0)
        #expect(try reader.next())
        #expect(reader.string(1) == "b")
        #expect(try reader.next())
        #expect(reader.string(0) == "1")
        #expect(try reader.next() == false)
    }

    @Test func fiveMegabyteField() throws {
        let size = 5_000_000
        let big = String(repeating: "x", count: size)
        // Custom Data has no length limit (Information's is 64 KB).
        let report = try lint(Array("Primary Email,Name,Organization,Custom Data\nann@example.com,Ann,IT,\(big)\nbob@example.com,Bob,IT,\n".utf8))
        #expect(report.records == 2)
        #expect(report.diagnostics.isEmpty)
        let ragged = try lint(Array("Primary Email,Name,Organization,Custom Data\nann@example.com,Ann,IT,\(big),\nbob@example.com,Bob,IT,\n".utf8))
        #expect(ragged.diagnostics.map(\.code) == ["STR001"])
        #expect(ragged.diagnostics.first?.column == "ann@example.com,Ann,IT,".count + size + 2)

        // Quoted, with doubled quotes and line breaks, larger than the reader's 1 MiB chunk.
        var cell = ""
        for i in 0..<(size / 10) { cell += i % 100 == 99 ? "ab\"\"c\nxyz" : "abcdefghij" }
        let text = "Name,Note\nAnn,\"\(cell)\"\nBob,b\n"
        let reader = CSVReader(source: MemorySource(Array(text.utf8)))
        #expect(try reader.next())
        #expect(try reader.next())
        let value = reader.string(1)
        #expect(value == cell.replacingOccurrences(of: "\"\"", with: "\""))
        #expect(reader.line == 2)
        let breaks = cell.utf8.filter { $0 == 0x0A }.count
        #expect(reader.endLine == 2 + breaks)
        #expect(try reader.next())
        #expect(reader.string(0) == "Bob")
        #expect(reader.line == 3 + breaks)
        #expect(try reader.next() == false)
    }

    /// "N of M lines are not UTF-8" counts to the last record when that one is plain and split with
    /// others, which invalid-utf8's rule is not shown (`RecordPass` hands over its line): a UTF-8 row (the
    /// file reads as UTF-8), 60 lines of Windows-1251 names, a UTF-8 row and 49 plain rows, then blank lines so that the
    /// last row is split with others.
    @Test func mostlyInvalidCountsLinesToAPlainLastRecord() throws {
        let ivan: [UInt8] = [0xC8, 0xE2, 0xE0, 0xED], petrov: [UInt8] = [0xCF, 0xE5, 0xF2, 0xF0, 0xEE, 0xE2]
        var bytes = Array("First Name,Last Name,Email\nAnna,Zoë,zoe@example.com\n".utf8)
        for i in 0..<60 { bytes += ivan + Array(",".utf8) + petrov + Array(",ivan\(i)@example.ru\n".utf8) }
        // A UTF-8 row after them: not a UTF-8 export joined to a Windows-1251 one (`MixedEncodingTests`).
        bytes += Array("Anna,Zoë,zoe2@example.com\n".utf8)
        for i in 0..<49 { bytes += Array("Anna,Lee,anna\(i)@example.com\n".utf8) }
        bytes += [UInt8](repeating: 0x0A, count: 100)
        let report = try lint(bytes)
        let summary = report.diagnostics.first { $0.code == "ENC001" && $0.record == nil }
        #expect(summary?.message.hasPrefix("60 of 112 lines are not UTF-8") == true, "\(report.diagnostics.map(\.message))")
    }
}

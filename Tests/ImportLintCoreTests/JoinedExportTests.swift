import Foundation
import Testing
@testable import ImportLintCore

/// Two exports of one target joined the ways admins join them (fixtures/joined-samples/README.md): each
/// finding says what the join did to the file.
@Suite struct JoinedExportTests {
    static let header = "\"First Name\",\"Last Name\",\"Email\",\"Identification\""
    static let first = "\"Ann\",\"Lee\",\"ann@widget.com\",\"1001\""
    static let second = "\"Zoë\",\"Lefèvre\",\"zoe@widget.com\",\"1002\""

    func diagnostics(_ bytes: [UInt8], profile: String? = nil) throws -> [Diagnostic] {
        var options = LintOptions()
        options.profile = profile
        return try Linter(options: options).lint(.bytes(bytes, displayPath: "joined.csv")).report.diagnostics
    }

    /// The first export without a final line break: its last record runs on into the next one's header,
    /// quoted or not, with the second file's byte-order mark between them or not. One ragged-row finding
    /// names the cause and the record's own last value; `fix` refuses the file saying the same.
    @Test(arguments: [
        (header + "\r\n" + first + header + "\r\n" + second + "\r\n", "1001"),
        ("First Name,Last Name,Email,Identification\nAnn,Lee,ann@widget.com,1001First Name,Last Name,Email,Identification\nZoë,Lefèvre,zoe@widget.com,1002\n", "1001"),
        ("\u{FEFF}" + header + "\r\n" + first + "\u{FEFF}" + header + "\r\n" + second + "\r\n", "1001"),
        (header + "\r\n\"Ann\",\"Lee\",\"ann@widget.com\",\"\"" + header + "\r\n", ""),
    ])
    func recordFusedWithTheNextHeaderIsNamed(_ text: String, _ recordEnd: String) throws {
        let ragged = try diagnostics(Array(text.utf8)).filter { $0.rule == "ragged-row" }
        #expect(ragged.count == 1)
        #expect(ragged.first?.line == 2)
        #expect(ragged.first?.message.contains("the header again starts inside cell 4, after '\(recordEnd)'") == true, "\(ragged)")
        let outcome = try FixHarness.fix(Array(text.utf8), name: "joined.csv", options: FixOptions()).0
        #expect(outcome.report.refused?.contains("the header again starts inside cell 4") == true)
    }

    /// A ragged record that only ends with some header names, or whose cells after the header's width are
    /// the header's but whose own last cell does not end with the first header cell, is an ordinary ragged row.
    @Test func raggedRecordNotEndingInTheHeaderIsNotFused() throws {
        let text = "Name,Primary Email,Job Title\nAnn,ann@widget.com,Clerk,Primary Email,Job Title\nBob,bob@widget.com,Clerk,Nurse,Job Title\n"
        let ragged = try diagnostics(Array(text.utf8)).filter { $0.rule == "ragged-row" }
        #expect(ragged.count == 2)
        #expect(ragged.allSatisfy { $0.message.contains("an unquoted delimiter inside a value?") }, "\(ragged)")
    }

    /// The second export's header with a column more or fewer: a repeated-header finding without a fix, and its
    /// cells are not judged as values ('Primary Email' is no email address); the rows after it stay ragged.
    @Test func headerCopyWithAColumnMoreOrFewerIsTheHeaderAgain() throws {
        let wider = "Primary Email,Name,Employee ID\nann@widget.com,Ann Lee,1001\nPrimary Email,Name,Site,Employee ID\nzoe@widget.com,Zoë Lefèvre,Paris,1101\n"
        let found = try diagnostics(Array(wider.utf8))
        #expect(found.map(\.rule) == ["repeated-header", "ragged-row"])
        #expect(found.first?.message.contains("header again with 'Site' besides") == true)
        #expect(found.first?.fix == nil)
        let narrower = "Primary Email,Name,Site,Employee ID\nann@widget.com,Ann Lee,Paris,1001\n\u{FEFF}Primary Email,Name,Employee ID\nzoe@widget.com,Zoë Lefèvre,1101\n"
        let fewer = try diagnostics(Array(narrower.utf8))
        #expect(fewer.map(\.rule) == ["repeated-header", "ragged-row"])
        #expect(fewer.first?.message.contains("header again without 'Site'") == true)
        // A ragged record with one header name and values is data.
        let data = "Primary Email,Name,Employee ID\nann@widget.com,Name,1001,x\n"
        #expect(try diagnostics(Array(data.utf8)).map(\.rule) == ["ragged-row"])
    }

    /// A UTF-8 export with a UTF-16LE one without byte-order mark appended (`bcp -w`): unreadable-input naming
    /// the line the UTF-16LE text starts on, not the whole file read as UTF-16; UTF-16 alone stays text.
    @Test func utf16LEWithoutMarkAfterEightBitTextIsUnreadable() throws {
        let utf8 = Array("Primary Email,Name\r\nann@widget.com,Ann Lée\r\n".utf8)
        let utf16 = "Primary Email,Name\r\nzoe@widget.com,Zoë Lefèvre\r\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(NotText.kind(utf8 + utf16) == .eightBitThenUTF16WithoutMark(line: 3))
        #expect(NotText.kind(utf8 + [0x0A] + utf16) == .eightBitThenUTF16WithoutMark(line: 4))
        #expect(NotText.kind(utf16) == nil, "UTF-16LE without a mark alone is text")
        let found = try diagnostics(utf8 + utf16)
        #expect(found.map(\.rule) == ["unreadable-input"])
        #expect(found.first?.message.contains("from line 3, by UTF-16LE text without a byte-order mark") == true)
        // Past the 64 KB the encoding sniffer reads: the same finding, from the first line read as UTF-16LE.
        let long = Array(("Primary Email,Name\r\n" + (0..<1700).map { "renee.muller\($0)@widget.com,Renée Müller\r\n" }.joined()).utf8)
        #expect(long.count > EncodingSniffer.sampleSize)
        let past = try diagnostics(long + utf16)
        #expect(past.map(\.rule) == ["unreadable-input"])
        #expect(past.first?.message.contains("from line 1702, by UTF-16LE text without a byte-order mark") == true, "\(past)")
        #expect(throws: NotText.Found.self) { try FixHarness.fix(long + utf16, name: "people.csv", options: FixOptions()) }
        // A NUL after a line break in 8-bit text, with none after it, is no UTF-16 text.
        #expect(NotText.kind(utf8 + [0x41, 0, 0x42, 0x43, 0x44, 0x45, 0x0A]) == nil)
    }

    /// Windows PowerShell 5.1's `>>` (Add-Content -Encoding Unicode) appends UTF-16LE without a mark to an ASCII
    /// export longer than the 64 KB the encoding sniffer reads first: a letter past ASCII in the appended text,
    /// on its first line or a later one, is no code page's (review33: "reads clearly as windows-1253" with a
    /// safe transcode 'ë' → 'λ'); nor is it when the export before it is in a code page (Set-Content).
    @Test(arguments: ["Zoë,Brontë,z0@x.com\r\n", "Zoe,Bronte,z0@x.com\r\nRené,Lefèvre,r@x.com\r\n"])
    func utf16LEWithoutMarkPastTheHeadIsNoCodePage(_ appended: String) throws {
        let utf16 = appended.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let rows = (0..<4000).map { "Ann\($0),Lée,a\($0)@x.com\r\n" }.joined()
        let ascii = Array(("First Name,Last Name,Email\r\n" + rows.replacingOccurrences(of: "é", with: "e")).utf8)
        #expect(ascii.count > EncodingSniffer.sampleSize)
        let found = try diagnostics(ascii + utf16, profile: "receptionist")
        #expect(found.map(\.rule) == ["unreadable-input"], "\(found.map(\.message))")
        #expect(found.first?.message.contains("from line 4002, by UTF-16LE text without a byte-order mark") == true)
        let windows1252 = ("First Name,Last Name,Email\r\n" + rows).unicodeScalars.map { UInt8($0.value) }
        let afterCodePage = try diagnostics(windows1252 + utf16, profile: "receptionist")
        #expect(afterCodePage.map(\.rule) == ["unreadable-input"], "\(afterCodePage.map(\.message))")
        #expect(afterCodePage.first?.message.contains("from line 4002,") == true)
    }

    /// `cat` of two Windows PowerShell `Export-Csv -Encoding UTF8` files: the second one's byte-order mark and
    /// '#TYPE' line, then its header, are two repeated-header lines with the safe removal (review33: an invisible
    /// character, a ragged row and missing values, and `fix` refused the file); the fixed file is the first
    /// export with the second one's rows.
    @Test func secondPowerShellExportWithItsMarkIsAJoin() throws {
        let type = "#TYPE System.Management.Automation.PSCustomObject\r\n"
        let header = "\"First Name\",\"Last Name\",\"Email\"\r\n"
        let text = "\u{FEFF}" + type + header + "\"Zoë\",\"Brontë\",\"z@x.com\"\r\n" + "\u{FEFF}" + type + header + "\"René\",\"Lefèvre\",\"r@x.com\"\r\n"
        let found = try diagnostics(Array(text.utf8), profile: "receptionist").filter { $0.line >= 4 }
        #expect(found.map(\.rule) == ["repeated-header", "repeated-header"], "\(found.map(\.message))")
        #expect(found.first?.message.contains("after a byte-order mark, repeated among the records: two Export-Csv -Encoding UTF8 files joined") == true)
        #expect(found.first?.message.contains("'#TYPE System.Management.Automation.PSCustomObject'") == true)
        #expect(found.allSatisfy { $0.fix?.applicability == .safe })
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "joined.csv", options: FixOptions())
        #expect(outcome.report.refused == nil)
        #expect(written.map { String(decoding: $0, as: UTF8.self) } == header + "\"Zoë\",\"Brontë\",\"z@x.com\"\r\n\"René\",\"Lefèvre\",\"r@x.com\"\r\n")
    }

    /// `copy a.csv+b.csv all.csv` ends the file with Ctrl-Z on a line of its own: one empty-record finding whose
    /// fix removes the line (not a control character, a ragged row and missing values); `fix` writes the file.
    @Test func endOfFileMarkOfCopyIsAnEmptyRecord() throws {
        let text = Self.header + "\r\n" + Self.first + "\r\n" + Self.header + "\r\n" + Self.second + "\r\n\u{1A}"
        let found = try diagnostics(Array(text.utf8))
        #expect(found.map(\.rule) == ["repeated-header", "empty-record"])
        #expect(found.last?.message.contains("only the end-of-file mark Ctrl-Z (0x1A)") == true)
        let (outcome, written) = try FixHarness.fix(Array(text.utf8), name: "joined.csv", options: FixOptions())
        #expect(outcome.report.refused == nil)
        #expect(written.map { String(decoding: $0, as: UTF8.self) } == Self.header + "\r\n" + Self.first + "\r\n" + Self.second + "\r\n")
        // Ctrl-Z in a value is a control character, as before.
        let inValue = try diagnostics(Array((Self.header + "\r\n\"Ann\u{1A}\",\"Lee\",\"ann@widget.com\",\"1001\"\r\n").utf8))
        #expect(inValue.map(\.rule) == ["control-character"])
    }

    /// An export joined with itself: each repeat copies its first row whole, a warning saying so (no value
    /// is lost); a repeat that differs in any cell stays an error.
    @Test func rowRepeatedWholeIsAWarning() throws {
        let text = Self.header + "\r\n" + Self.first + "\r\n" + Self.second + "\r\n" + Self.first + "\r\n"
            + "\"Ann\",\"Lee-Smith\",\"ann@widget.com\",\"1001\"\r\n"
        let repeats = try diagnostics(Array(text.utf8), profile: "receptionist").filter { $0.rule == "duplicate-identifier" }
        #expect(repeats.map(\.line) == [4, 4, 5, 5])
        #expect(repeats.map(\.severity) == [.warning, .warning, .error, .error])
        #expect(repeats[0].message.contains("the whole row repeats that line") && repeats[0].message.contains("The Receptionist"))
        #expect(!repeats[2].message.contains("whole row"))
    }

    /// A copy of the first row after a repeat with other values is no copy: the import applies the rows in
    /// order, so the copy overwrites the values written in between.
    @Test func copyAfterARepeatWithOtherValuesStaysAnError() throws {
        let text = Self.header + "\r\n" + Self.first + "\r\n" + "\"Ann\",\"Lee-Smith\",\"ann@widget.com\",\"1001\"\r\n"
            + Self.first + "\r\n"
        let repeats = try diagnostics(Array(text.utf8), profile: "receptionist").filter { $0.rule == "duplicate-identifier" }
        #expect(repeats.map(\.line) == [3, 3, 4, 4])
        #expect(repeats.map(\.severity) == [.error, .error, .error, .error])
        #expect(!repeats.contains { $0.message.contains("whole row") })
    }

    /// An invalid byte names what the file's target does with it: 4me aborts the import, The Receptionist
    /// reports it, a profile of another system is worded neutrally.
    @Test func invalidUTF8NamesTheFilesTarget() throws {
        let valid = (0..<5).map { "Ren\u{E9}e\($0),M\u{FC}ller,renee\($0)@widget.com\n" }.joined()
        let receptionist = Array(("First Name,Last Name,Email\n" + valid + "Zo").utf8) + [0xEB] + Array(",Lef\u{E8}vre,zoe@widget.com\n".utf8)
        let message = try diagnostics(receptionist, profile: "receptionist").first { $0.rule == "invalid-utf8" }?.message ?? ""
        #expect(message.contains("The Receptionist reports 'invalid UTF-8 byte sequence'"), "\(message)")
        #expect(!message.contains("4me"))
        let people = Array(("Primary Email,Name\n" + (0..<5).map { "renee\($0)@widget.com,Ren\u{E9}e M\u{FC}ller\n" }.joined()
                                + "zoe@widget.com,Zo").utf8) + [0xEB] + Array("\n".utf8)
        let aborted = try diagnostics(people).first { $0.rule == "invalid-utf8" }?.message ?? ""
        #expect(aborted.contains("4me aborts the import at line 7 ('Invalid byte sequence in UTF-8 on line 7')"), "\(aborted)")
        let custom = try diagnostics(people, profile: TargetWordingTests.hrProfile).first { $0.rule == "invalid-utf8" }?.message ?? ""
        #expect(custom.contains("the target system may reject the file here"), "\(custom)")
    }
}

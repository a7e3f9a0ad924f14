import Foundation
import Testing
@testable import ImportLintCore

/// Found by the eval4 audit: the fixes of a second or later round named the line and record of the file the
/// first round wrote, not of the input, once that round had left lines out, moved rows or written a
/// multi-line cell on fewer lines. Every applied and skipped fix names the input's record, its line, and
/// the cell it changed: a later round's fix starts from what the earlier round's fix of that cell gave.
@Suite struct FixRoundPositionsTests {
    /// A data record of the input as the fixer reads it: its number, its lines and the line each cell starts on.
    struct InputRecord {
        var lines: ClosedRange<Int>
        var cells: [String]
        var cellLines: [Int]
    }

    /// The input's data records by number (index 0: the header), past a preamble line; blank lines are not
    /// records.
    static func records(_ bytes: [UInt8], delimiter: UInt8) throws -> [InputRecord] {
        let reader = CSVReader(source: MemorySource(bytes), delimiter: delimiter)
        var records: [InputRecord] = []
        while try reader.next() {
            if records.isEmpty && reader.isPreambleLine { continue }
            if !records.isEmpty && reader.isBlankLine { continue }
            records.append(InputRecord(lines: reader.line...reader.endLine, cells: (0..<reader.fieldCount).map(reader.string),
                                       cellLines: (0..<reader.fieldCount).map { reader.position(ofField: $0).line }))
        }
        return records
    }

    /// Fixes `text` and checks every applied and skipped fix against the input; returns the report.
    @discardableResult
    static func expectInputPositions(_ text: String, name: String, unsafe: Bool = false) throws -> FixReport {
        let bytes = Array(text.utf8)
        var options = FixOptions()
        options.unsafeFixes = unsafe
        let (outcome, written) = try FixHarness.fix(bytes, name: name, options: options)
        #expect(written != nil)
        let report = outcome.report
        let records = try Self.records(bytes, delimiter: try #require(report.delimiter.utf8.first))
        let header = records[0].cells
        for fix in report.applied {
            let record = try #require(fix.record, "\(fix)")
            try #require(record < records.count, "\(fix)")
            let column = try #require(fix.fieldIndex)
            #expect(fix.line == records[record].cellLines[column], "\(fix.rule) round \(fix.round): line \(fix.line), record \(record)")
            #expect(header[column] == fix.field)
            if fix.round == 1 {
                #expect(records[record].cells[column] == fix.before, "\(fix.rule): record \(record)")
            } else {
                let earlier = report.applied.filter { $0.round == fix.round - 1 && $0.record == record && $0.fieldIndex == column }
                #expect(earlier.contains { $0.after == fix.before }, "\(fix.rule) round \(fix.round): record \(record) of the input")
            }
        }
        for skip in report.skipped {
            let record = try #require(skip.record, "\(skip)")
            try #require(record < records.count, "\(skip)")
            let column = try #require(header.firstIndex { $0 == skip.field })
            #expect(skip.line == records[record].cellLines[column], "\(skip.rule): line \(skip.line), record \(record)")
        }
        return report
    }

    /// The audit's reproducer (its round-2 mojibake fix comes in round 1 when read from memory), with a
    /// proxyAddresses prefix whose removal leaves mojibake for round 2: the '#TYPE' line and an empty record
    /// left out before it.
    @Test func typeLineAndEmptyRecordBeforeASecondRoundFix() throws {
        let text = "#TYPE System.Management.Automation.PSCustomObject\n\"First Name\",\"Last Name\",\"Email\"\n\"A\",\"B\",\"a@b.com\"\n\"\",\"\",\"\"\n\"C\",\"D\",\"c@b.com\"\n\"E\",\"F\",\"SMTP:José X <e@b.com>\"\n\"G\",\"H\",\"FranÃ§ois <g@b.com>\"\n\"FranÃ§ois \",\"H\",\"g2@b.com\"\n\"K\",\"L\",\"SMTP:kÃ©@b.com\"\n"
        let report = try Self.expectInputPositions(text, name: "round2.csv")
        #expect(report.applied.contains { $0.round == 2 && $0.rule == "mojibake" })
        #expect(report.fileFixes.count == 2)
    }

    /// Rows moved up to their person's first group, a blank line left out, then a mojibake fix in round 2 of
    /// moved rows and of rows after them.
    @Test func regroupedContactRowsBeforeASecondRoundFix() throws {
        let text = "Person\tContact Protocol\tContact Label\tContact URI\tIntegration\nann@widget.com\temail\twork\tann@widget.com\t1\nbob@widget.com\temail\twork\tbob@widget.com\t1\n\nann@widget.com\temail\tpersonal\tSMTP:annÃ©@home.com\t1\ncarol@widget.com\temail\twork\tSMTP:carolÃ©@widget.com\t1\nbob@widget.com\temail\tpersonal\tSMTP:bobÃ©@home.com\t1\ndave@widget.com\temail\twork\tSMTP:daveÃ©@widget.com\t1\n"
        let report = try Self.expectInputPositions(text, name: "contacts.tsv")
        #expect(report.fileFixes.contains { $0.rule == "ungrouped-contact-rows" })
        #expect(report.applied.filter { $0.round == 2 }.count == 4)
    }

    /// A two-line cell written on one line, a blank line, a repeated header and an empty record before a
    /// record whose fix comes in round 2.
    @Test func multiLineCellBlankLineAndRepeatedHeaderBeforeASecondRoundFix() throws {
        let text = "First Name,Last Name,Email,Business Title\nA,B,\"Al\n<a@b.com>\",t\n\nFirst Name,Last Name,Email,Business Title\nC,D,c@b.com,x\n,,,\nK,L,SMTP:jÃ©r@b.com,y\n"
        let report = try Self.expectInputPositions(text, name: "shifted.csv")
        #expect(report.applied.contains { $0.round == 2 })
        #expect(Set(report.fileFixes.compactMap(\.rule)).isSuperset(of: ["blank-line", "repeated-header", "empty-record"]))
    }

    /// A two-line cell written on one line, then a cell of the same record fixed in round 2: that cell
    /// starts on the record's second line of the input (the review's r2.csv; round 2 named the first).
    @Test func secondRoundFixAfterAMultiLineCellOfItsRecord() throws {
        let text = "Name,Manager,Primary Email,Organization\nAnn,\"Al\n<a@b.com>\",SMTP:jÃ©r@b.com,Acme\nBob,,SMTP:kÃ©r@b.com,Acme\n"
        let report = try Self.expectInputPositions(text, name: "r2.csv")
        let mojibake = report.applied.filter { $0.round == 2 && $0.rule == "mojibake" }
        #expect(mojibake.map(\.line) == [3, 4])
    }

    /// A cell fixed in three rounds (the proxyAddresses prefix, then mojibake, then an invisible character)
    /// after lines left out and a two-line cell written on one.
    @Test func threeRounds() throws {
        let text = "#TYPE System.Management.Automation.PSCustomObject\nFirst Name,Last Name,Email\nA,B,\"Al\n<a@b.com>\"\n\nC,D,c@b.com\n\nE,F,SMTP:e\u{200B}Ã©r@b.com\n"
        for unsafe in [false, true] {
            let report = try Self.expectInputPositions(text, name: "three.csv", unsafe: unsafe)
            #expect(report.summary.rounds == 3)
            #expect(report.applied.contains { $0.round == 3 })
        }
    }

    /// Two rounds' shifts composed, the later round's undone first. The input: a '#TYPE' line, the header,
    /// record 1 on lines 3-4, record 2 on line 5, record 3 on lines 6-7 (left out), record 4 on line 8.
    /// Round 2 writes record 1 on one line.
    @Test func shiftsOfSeveralRoundsCompose() {
        var first = LineShifts()
        first.add(lines: 1, records: 0, beforeRecord: 0, nextLine: 1)
        first.add(lines: 2, records: 1, beforeRecord: 4, nextLine: 5)
        var second = LineShifts()
        second.add(lines: 1, records: 0, beforeRecord: 2, nextLine: 3)
        var positions = InputPositions()
        positions.add(first)
        positions.add(second)
        #expect(positions.input(line: 1, record: nil) == (2, nil))
        #expect(positions.input(line: 2, record: 1) == (3, 1))
        #expect(positions.input(line: 3, record: 2) == (5, 2))
        #expect(positions.input(line: 4, record: 3) == (8, 4))
    }

    /// A record whose first cell was read on two lines and written on one, composed with a row left out
    /// before it: the cells after the collapsed one start a line further into the record as read.
    @Test func cellsOfARecordWrittenOnFewerLines() {
        var shifts = LineShifts()
        // Read: the header, record 1 on line 2 (left out), record 2 on lines 3-4, record 3 on line 5.
        shifts.add(lines: 1, records: 1, beforeRecord: 2, nextLine: 2)
        shifts.cells(ofRecord: 2, readLines: [0, 1, 1], writtenLines: [0, 0, 0])
        shifts.add(lines: 1, records: 0, beforeRecord: 3, nextLine: 3)
        #expect(shifts.read(line: 2, record: 1, field: 0) == (3, 2))
        #expect(shifts.read(line: 2, record: 1, field: 2) == (4, 2))
        #expect(shifts.read(line: 3, record: 2, field: 2) == (5, 3))
    }
}

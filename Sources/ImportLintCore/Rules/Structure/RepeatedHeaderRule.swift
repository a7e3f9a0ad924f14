extension RuleDescriptor {
    public static let repeatedHeader = RuleDescriptor(
        code: "STR010", name: "repeated-header", severity: .error, fix: .safe,
        summary: "A copy of the header row (or of the PowerShell '#TYPE' line) among the records",
        explanation: "Appending one export to another (`cat a.csv b.csv`, `Get-Content a.csv, b.csv`, two Excel 'CSV UTF-8' files, the second one's byte-order mark included) leaves the second file's header as a data record. The import reads every line after the first as a record, so it would try to import a person whose cells are the column names (Name 'Name', Primary Email 'Primary Email'); the vendors do not document whether such a row fails or is created. A record counts as a header copy when every cell equals the header's cell after trimming, ignoring case and a byte-order mark, or names the same profile column (respelled or by alias; a near miss may be a value), and at least two cells are filled: a person whose name is 'Name' is not one. A repeated '#TYPE' line is reported the same way. Its cells are not checked as values. A record whose cells are the header's in another order (spelled as in the header, case aside, or after a byte-order mark, where an appended file starts) is reported too, without a fix: the rows after it hold their values in that order, so removing the line would leave them in the wrong columns. So is a record that is the header with a column more or fewer (every header cell and others besides, or only header cells, at least two): the rows after it are ragged, holding the appended export's columns. The fix removes the line, which is safe: it holds nothing but the header again.",
        triggeringExample: "Name,Primary Email\nAnn,ann@example.com\nName,Primary Email\nBob,bob@example.com",
        cleanExample: "Name,Primary Email\nName,name@example.com")

    /// The rules `RepeatedHeaderRule` reports records under that are no records (header copies, SQL client
    /// lines, records with no value): the only records `fix` leaves out.
    public static let notRecords: [RuleDescriptor] = [.repeatedHeader, .sqlClientOutput, .emptyRecord]
}

/// Recognizes the records that are the header again (or a PowerShell `#TYPE` line, a SQL client's line:
/// `SQLClientOutput`, a record with no value: `EmptyRecord`, or a UTF-16 file's damage on a line of its
/// own: `UTF16DamageLine`) and reports them. The linter asks it before
/// the record rules and keeps them away from a record it reports, so that the copy's cells ('Primary Email'
/// is not an email address) are not reported as values too.
final class RepeatedHeaderRule {
    static let removal = RemovedLineWording(one: "Removed 1 repeated header line", many: "Removed %d repeated header lines")
    /// Why a header copy whose columns differ from the header's has no fix, and what to do instead.
    private static let shiftedRows = "No fix: removing the line would leave those rows shifted; export both files with the same columns, or convert the second one before appending it"
    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    private let header: [String]
    /// The header's cells as written, trimmed, for the columns a copy lacks.
    private let spelledHeader: [String]
    /// How many cells the header has.
    var headerWidth: Int { header.count }
    /// The folded header cells as bytes, for the check every record gets before any string is made.
    private let headerBytes: [[UInt8]]
    private let headerIsASCII: [Bool]
    /// Per column 256 flags, by byte: bit 0 when a cell starting with the byte may fold to the header cell,
    /// bit 1 when one ending with it may, bit 2 when one starting with it may name the column the header
    /// cell is bound to (by its name or an alias). The first look at each cell of every record, in a raw
    /// buffer (reading the arrays above retained and released them at every cell).
    private let edgeFlags: UnsafeMutablePointer<UInt8>
    /// By first byte, bit n when a header cell of n bytes (63: 63 or more) may start with it as written,
    /// case aside: the one look that tells a cell from any header cell, for the header in another order.
    private let anyCellShapes: UnsafeMutablePointer<UInt64>
    /// By first byte of an ordinary record's first cell (`checkOrdinary`), bit n when a record as wide as the
    /// header whose first cell has n bytes (63: 63 or more) may be one `mayBeNoRecord` lets through, and
    /// whether it may be whatever its second cell (`ordinaryFirstCellsDecide`).
    private let ordinaryFirstCells: UnsafeMutablePointer<UInt64>
    private let ordinaryFirstCellsDecide: UnsafeMutablePointer<Bool>
    /// Per column, whether an empty cell can stand where the header cell is (the header cell folds to nothing).
    private let emptyHeaderCells: UnsafeMutablePointer<Bool>
    /// Whether repeated-header is selected: asked once, not of the sink at every record.
    private let enabled: Bool
    /// Whether sql-client-output is selected (its lines are also kept from the other rules here).
    private let sqlClientOutputEnabled: Bool
    /// Whether ragged-row is selected: a ragged record is asked whether it is a row with another delimiter
    /// (`OtherDelimiterRow`), reported here under ragged-row and kept from the other rules.
    private let raggedRowEnabled: Bool
    /// Reports empty records when empty-record is selected (they are also kept from the other rules here).
    private let emptyRecord: EmptyRecord?
    /// A UTF-16 file, whose damage after the last line break is a line of its own (`UTF16DamageLine`).
    private let readsUTF16: Bool
    private let bindings: [ColumnSpec?]
    private let matcher: HeaderMatcher?
    /// Longest header cell in bytes: a longer cell (after a byte-order mark and some spaces) cannot match
    /// it by spelling, so most records are told apart without making a string.
    private let longestCell: Int

    init(_ context: FileContext) {
        header = context.header.map(Self.folded)
        spelledHeader = context.header.map(Self.spelled)
        headerBytes = header.map { Array($0.utf8) }
        headerIsASCII = headerBytes.map { $0.allSatisfy { $0 < 0x80 } }
        edgeFlags = .allocate(capacity: max(1, headerBytes.count) << 8)
        emptyHeaderCells = .allocate(capacity: max(1, headerBytes.count))
        bindings = context.bindings
        matcher = context.profile.map(HeaderMatcher.of)
        for (column, expected) in headerBytes.enumerated() {
            emptyHeaderCells[column] = expected.isEmpty
            let nameStarts = matcher == nil ? nil : bindings[column].map(Self.nameStarts)
            for byte in 0..<256 {
                let b = UInt8(byte)
                // An empty header cell is never spelled alike; one with other characters is compared as a string.
                let mayStart = !expected.isEmpty && (!headerIsASCII[column] || Self.mayFold(b, into: expected[0]))
                let mayEnd = !expected.isEmpty && (!headerIsASCII[column] || Self.mayFold(b, into: expected[expected.count - 1]))
                let mayName = nameStarts.map { Self.mayStartName(b, $0) } ?? false
                edgeFlags[column << 8 | byte] = (mayStart ? 1 : 0) | (mayEnd ? 2 : 0) | (mayName ? 4 : 0)
            }
        }
        anyCellShapes = .allocate(capacity: 256)
        anyCellShapes.initialize(repeating: 0, count: 256)
        for expected in headerBytes where !expected.isEmpty {
            // A header cell starting with a letter beyond ASCII: any lead byte (its capital may be another).
            for byte in 0..<256 where Self.lowercased(UInt8(byte)) == expected[0] || (expected[0] >= 0x80 && byte >= 0xC0) {
                anyCellShapes[byte] |= 1 << UInt64(min(expected.count, 63))
            }
        }
        longestCell = context.header.map(\.utf8.count).max() ?? 0
        enabled = context.options.selection.isEnabled(.repeatedHeader)
        sqlClientOutputEnabled = context.options.selection.isEnabled(.sqlClientOutput)
        raggedRowEnabled = context.options.selection.isEnabled(.raggedRow) && context.header.count >= 2
        emptyRecord = context.options.selection.isEnabled(.emptyRecord) ? EmptyRecord(context) : nil
        if case .utf16 = context.encoding { readsUTF16 = true } else { readsUTF16 = false }
        ordinaryFirstCells = .allocate(capacity: 256)
        ordinaryFirstCellsDecide = .allocate(capacity: 256)
        for byte in 0..<256 {
            let first = UInt8(byte)
            let decides = Self.mayStartNoRecord(first) || (Self.mayStartSeparatorHint(first) && headerBytes.count <= 2)
            ordinaryFirstCellsDecide[byte] = decides
            if decides {
                ordinaryFirstCells[byte] = .max
            } else if !enabled || headerBytes.count < 2 {
                ordinaryFirstCells[byte] = 0
            } else {
                ordinaryFirstCells[byte] = emptyHeaderCells[0] || edgeFlags[byte] & 5 != 0 ? .max : anyCellShapes[byte]
            }
        }
    }

    deinit {
        edgeFlags.deallocate()
        anyCellShapes.deallocate()
        ordinaryFirstCells.deallocate()
        ordinaryFirstCellsDecide.deallocate()
        emptyHeaderCells.deallocate()
    }

    /// Reports the reader's record when it repeats the header; true when it did (and the record is to be
    /// left to no other rule). Every record is asked: an ordinary one is told apart by the first bytes of
    /// its first two cells, without a call.
    @inline(__always)
    func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) -> Bool {
        mayBeNoRecord(reader) && checkCandidate(reader, record: record, sink: sink)
    }

    /// `check` for an ordinary record as wide as the header (`CSVReader.isOrdinary`), at least two cells:
    /// nearly every one is told apart by the first byte and length of its first cell and, for a few, of its
    /// second, in a look-up or two (`check`'s tests took ~35 instructions a record).
    @inline(__always)
    func checkOrdinary(_ reader: CSVReader, record: Int, sink: DiagnosticSink) -> Bool {
        let cells = reader.cells
        let cell = cells.bytes(0)
        if let first = cell.first {
            if ordinaryFirstCells[Int(first)] >> UInt64(min(cell.count, 63)) & 1 == 0 { return false }
            // `mayBeNoRecord` lets it through only when the second cell may stand for the header's second
            // or for any header cell.
            if !ordinaryFirstCellsDecide[Int(first)] && !mayStandForHeaderCell(cells.bytes(1), 1) && !mayBeAnyHeaderCell(cells.bytes(1)) {
                return false
            }
        }
        return check(reader, record: record, sink: sink)
    }

    /// False when the record can be none of the lines `checkCandidate` reports: its first cell starts with
    /// no byte a SQL client's line (space, dash, parenthesis), a '#TYPE' line, a 'sep=' hint or an empty
    /// record (space, tab, nothing, the end-of-file mark Ctrl-Z) starts with, and its first two cells cannot
    /// stand for the header's (`repeatsHeader` asks every cell that).
    @inline(__always)
    private func mayBeNoRecord(_ reader: CSVReader) -> Bool {
        let cell = reader.bytes(0)
        guard let first = cell.first else { return true }
        if Self.mayStartNoRecord(first) { return true }
        // A 'sep=' hint is one or two cells; a longer record starting with S (a name, a street) is asked
        // what any other is (its cells may still be a header copy's).
        if Self.mayStartSeparatorHint(first) && reader.fieldCount <= 2 { return true }
        guard reader.fieldCount == header.count else { return raggedRowEnabled }
        guard enabled, header.count >= 2 else { return false }
        if mayStandForHeaderCell(cell, 0) && mayStandForHeaderCell(reader.bytes(1), 1) { return true }
        return mayBeAnyHeaderCell(cell) && mayBeAnyHeaderCell(reader.bytes(1))
    }

    /// Whether a record whose first cell starts with `first` may be a SQL client's line, a '#TYPE' line, an
    /// empty record or damage of a UTF-16 file, whatever its cells.
    private static func mayStartNoRecord(_ first: UInt8) -> Bool {
        switch first {
        case 0x20, 0x09, 0x2D, 0x28, 0x23, UTF16Surrogates.oddByteMark, UTF16Surrogates.surrogateMark,
             byteOrderMark[0], EmptyRecord.endOfFileMark: true
        default: false
        }
    }

    private static func mayStartSeparatorHint(_ first: UInt8) -> Bool { first == 0x53 || first == 0x73 }

    private func checkCandidate(_ reader: CSVReader, record: Int, sink: DiagnosticSink) -> Bool {
        if readsUTF16, UTF16DamageLine.matches(reader) {
            UTF16DamageLine.report(reader, record: record, sink: sink)
            return true
        }
        if readsUTF16, UTF16DamageLine.holdsAppendedEightBitText(reader) {
            UTF16DamageLine.reportAppendedEightBitText(reader, record: record, sink: sink)
            return true
        }
        if let emptyRecord, EmptyRecord.isEmpty(reader) || EmptyRecord.isEndOfFileMark(reader) {
            emptyRecord.report(reader, record: record, sink: sink)
            return true
        }
        if sqlClientOutputEnabled, let what = SQLClientOutput.describe(reader, headerCount: header.count) {
            reader.report(.sqlClientOutput, to: sink, line: reader.line, column: 1, field: nil, record: record,
                          message: what, fix: Fix(.safe, "Remove the line", .removeLine(SQLClientOutput.removal)))
            return true
        }
        guard enabled else { return reportsOtherDelimiter(reader, record: record, sink: sink) }
        let what: String
        let afterMark = reader.bytes(0).starts(with: Self.byteOrderMark)
        if reader.isPowerShellTypeLine || (afterMark && Self.isTypeLineAfterMark(reader)) {
            let line = reader.string(0).drop { $0 == "\u{FEFF}" }
            what = afterMark
                ? "PowerShell type line '\(line)' after a byte-order mark, repeated among the records: two Export-Csv -Encoding UTF8 files joined (cat, copy /b), the second one's mark and type line included; the import would read it as a record"
                : "PowerShell type line '\(line)' repeated among the records (two Export-Csv files appended); the import would read it as a record"
        } else if reader.fieldCount <= 2, reader.separatorHint != nil {  // 'sep=,' is two cells
            what = "Delimiter hint '\(String(decoding: reader.rawLine, as: UTF8.self))' repeated among the records (two exports appended); the import would read it as a record"
        } else if repeatsHeader(reader) {
            let joined = afterMark ? " after a byte-order mark, where a second export starts: two exports joined (cat, copy /b)" : ", as when two exports are appended"
            what = "Record repeats the header row (\(Self.firstCells(reader)))\(joined); the import reads every line after the first as a record and would take this one for a person whose cells are the column names"
        } else if repeatsHeaderInAnotherOrder(reader) {
            let mark = reader.bytes(0).starts(with: Self.byteOrderMark) ? " after a byte-order mark" : ""
            reader.report(.repeatedHeader, to: sink, line: reader.line, column: 1, field: nil, record: record,
                          message: "Record is the header again in another column order (\(Self.firstCells(reader)))\(mark): a second export was appended whose columns come in another order, so the rows after it hold their values in that order and the import reads them into the wrong columns. \(Self.shiftedRows)")
            return true
        } else if let difference = otherColumns(reader) {
            reader.report(.repeatedHeader, to: sink, line: reader.line, column: 1, field: nil, record: record,
                          message: "Record is the header again \(difference) (\(Self.firstCells(reader))): a second export was appended whose columns differ from the first's, so the rows after it hold their values in its columns and the import reads them into the wrong ones. \(Self.shiftedRows)")
            return true
        } else {
            return reportsOtherDelimiter(reader, record: record, sink: sink)
        }
        reader.report(.repeatedHeader, to: sink, line: reader.line, column: 1, field: nil, record: record,
                      message: what, fix: Fix(.safe, "Remove the line", .removeLine(Self.removal)))
        return true
    }

    /// The first cell is a '#TYPE' line behind a byte-order mark: the second of two Export-Csv -Encoding
    /// UTF8 files joined by `cat`.
    private static func isTypeLineAfterMark(_ reader: CSVReader) -> Bool {
        reader.bytes(0).dropFirst(byteOrderMark.count).starts(with: CSVReader.typeLinePrefix)
    }

    /// Reports a ragged record that is a row of an export with another delimiter; true when it did.
    private func reportsOtherDelimiter(_ reader: CSVReader, record: Int, sink: DiagnosticSink) -> Bool {
        guard raggedRowEnabled, let other = OtherDelimiterRow.delimiter(of: reader, headerCount: header.count) else { return false }
        reader.report(.raggedRow, to: sink, line: reader.line, column: 1, field: nil, record: record,
                      message: OtherDelimiterRow.message(reader, headerCount: header.count, delimiter: other))
        return true
    }

    /// The record's first three cells, quoted, as a message names a header copy: 'Name', 'Primary Email', ...
    private static func firstCells(_ reader: CSVReader) -> String {
        let cells = (0..<min(reader.fieldCount, 3)).map { "'\(spelled(reader.string($0)))'" }
        return cells.joined(separator: ", ") + (reader.fieldCount > 3 ? ", ..." : "")
    }

    /// Every cell is another of the header's cells (folded), at least two, not all in their places
    /// (`repeatsHeader` takes those). Without a byte-order mark (which shows where an appended file starts
    /// and may pad the first cell) each cell must be a header cell as written, case aside, which its first
    /// byte and length tell before any string is made.
    private func repeatsHeaderInAnotherOrder(_ reader: CSVReader) -> Bool {
        guard reader.fieldCount == header.count, header.count >= 2 else { return false }
        if !reader.bytes(0).starts(with: Self.byteOrderMark) {
            for i in 0..<reader.fieldCount where !mayBeAnyHeaderCell(reader.bytes(i)) { return false }
        }
        var seen = Set<Int>()
        for i in 0..<reader.fieldCount {
            let cell = Self.folded(reader.string(i))
            guard !cell.isEmpty, let k = header.firstIndex(of: cell), seen.insert(k).inserted else { return false }
        }
        return true
    }

    /// How a ragged record is the header with a column more or fewer ("with 'Site' besides", "without
    /// 'Site'"): every header cell and others, or only header cells (at least two), each once, none empty.
    /// Most ragged records are told apart by their cells' first bytes and lengths.
    private func otherColumns(_ reader: CSVReader) -> String? {
        let n = reader.fieldCount
        guard n != header.count, n >= 2, header.count >= 2 else { return nil }
        let likely = (0..<n).filter { mayBeAnyHeaderCell(reader.bytes($0)) || reader.bytes($0).starts(with: Self.byteOrderMark) }
        guard likely.count >= min(n, header.count) else { return nil }
        var seen = Set<Int>()
        var others: [String] = []
        for i in 0..<n {
            let cell = Self.folded(reader.string(i))
            guard !cell.isEmpty else { return nil }
            if let k = header.firstIndex(of: cell) {
                guard seen.insert(k).inserted else { return nil }
            } else {
                others.append("'\(Self.spelled(reader.string(i)))'")
            }
        }
        if n > header.count {
            return seen.count == header.count ? "with \(others.joined(separator: ", ")) besides" : nil
        }
        guard others.isEmpty, seen.count >= 2 else { return nil }
        let missing = header.indices.filter { !seen.contains($0) }.map { "'\(spelledHeader[$0])'" }
        return "without \(missing.joined(separator: ", "))"
    }

    /// Same width, every cell the header's (by spelling, or else by the profile column it names), at least
    /// two filled. Columns are matched by profile only once one cell is spelled as in the header, so an
    /// ordinary record costs a comparison or two.
    private func repeatsHeader(_ reader: CSVReader) -> Bool {
        guard reader.fieldCount == header.count, header.count >= 2 else { return false }
        // Every cell must be the header's or name its column: the first cell of an ordinary record that can
        // be neither by its first byte ends the check, most often the first one.
        for i in 0..<header.count where !mayStandForHeaderCell(reader.bytes(i), i) { return false }
        var mayRepeat = false
        for i in 0..<header.count where mayBeSpelledAlike(reader.bytes(i), i) {
            mayRepeat = true
            break
        }
        guard mayRepeat else { return false }
        var cells: [String] = []
        var spelledAlike = 0
        for i in 0..<header.count {
            if bindings[i] == nil && reader.bytes(i).count > longestCell + 16 { return false }
            let cell = Self.folded(reader.string(i))
            if cell == header[i] {
                if !cell.isEmpty { spelledAlike += 1 }
            } else if bindings[i] == nil || cell.isEmpty {
                return false
            }
            cells.append(cell)
        }
        guard spelledAlike > 0 else { return false }
        var filled = 0
        for (i, cell) in cells.enumerated() where !cell.isEmpty {
            guard cell == header[i] || namesSameColumn(cell, i) else { return false }
            filled += 1
        }
        return filled >= 2
    }

    /// Whether cell `index` may equal the header's cell once folded (trimmed, lowercased, without a
    /// byte-order mark). Every record is asked this, so it makes no string: an ASCII cell is compared
    /// byte by byte, and a cell with other characters can only fold to an ASCII header cell when each of
    /// them is one that trimming or lowercasing can remove or make ASCII. A header cell that is not ASCII
    /// is compared as a string.
    @inline(__always)
    private func mayBeSpelledAlike(_ cell: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard let first = cell.first, let last = cell.last else { return false }
        // Behind a byte-order mark the quotes of an all-quoted export (Export-Csv -Encoding UTF8) stay
        // in the cell: only the string comparison unquotes it.
        if first == 0xEF && cell.starts(with: Self.byteOrderMark) { return Self.folded(String(decoding: cell, as: UTF8.self)) == header[index] }
        // An ASCII letter or sign at either end is where the folded cell starts or ends: most cells are
        // told apart here.
        let flags = edgeFlags + (index &<< 8)
        guard flags[Int(first)] & 1 != 0 && flags[Int(last)] & 2 != 0 else { return false }
        return isSpelledAlike(cell, index)
    }

    /// Whether the cell may be one of the header's cells as written, case aside, by its first byte and length.
    @inline(__always)
    private func mayBeAnyHeaderCell(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = cell.first else { return false }
        return anyCellShapes[Int(first)] >> UInt64(min(cell.count, 63)) & 1 != 0
    }

    /// Whether cell `index` may fold to the header cell or name the column it is bound to, by its first byte.
    @inline(__always)
    private func mayStandForHeaderCell(_ cell: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard let first = cell.first else { return emptyHeaderCells[index] }
        return emptyHeaderCells[index] || edgeFlags[index &<< 8 | Int(first)] & 5 != 0
    }

    /// The first bytes a cell naming `column` may fold to, one per way `HeaderMatcher` compares a name or
    /// alias: as lowercased, without whitespace, and loose.
    private static func nameStarts(_ column: ColumnSpec) -> Set<UInt8> {
        Set(([column.name] + column.aliases + column.guessedAliases.keys).flatMap { name in
            [name.lowercased(), HeaderMatcher.spacingFree(name), HeaderMatcher.loose(name)].compactMap(\.utf8.first)
        })
    }

    /// A cell starting with `byte` may name the column when folding may drop the byte (whitespace, the
    /// punctuation loose matching ignores, any character that is not ASCII) or lowercase it into one of
    /// the name's first bytes.
    private static func mayStartName(_ byte: UInt8, _ starts: Set<UInt8>) -> Bool {
        byte >= 0x80 || (0x09...0x0D).contains(byte) || byte == 0x20 || byte == 0x5F || byte == 0x2D || byte == 0x2E
            || starts.contains(lowercased(byte))
    }

    /// The rest of `mayBeSpelledAlike` for a cell whose ends fit the header cell.
    private func isSpelledAlike(_ cell: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard headerIsASCII[index] else { return Self.folded(String(decoding: cell, as: UTF8.self)) == header[index] }
        let expected = headerBytes[index]
        if cell.contains(where: { $0 >= 0x80 }) { return Self.onlyFoldableToASCII(cell) }
        var start = 0, end = cell.count
        while start < end, cell[start] == 0x20 || cell[start] == 0x09 { start += 1 }
        while end > start, cell[end - 1] == 0x20 || cell[end - 1] == 0x09 { end -= 1 }
        guard end - start == expected.count else { return false }
        for (offset, byte) in cell[start..<end].enumerated() where Self.lowercased(byte) != expected[offset] { return false }
        return true
    }

    @inline(__always)
    private static func mayFold(_ byte: UInt8, into expected: UInt8) -> Bool {
        byte >= 0x80 || byte == 0x20 || byte == 0x09 || lowercased(byte) == expected
    }

    @inline(__always)
    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The non-ASCII characters trimming or lowercasing may turn into nothing or ASCII: the byte-order
    /// mark, the space separators (Zs), KELVIN SIGN and LATIN CAPITAL LETTER I WITH DOT ABOVE, in UTF-8.
    private static let foldableToASCII: Set<[UInt8]> = Set(
        ([0xFEFF, 0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, 0x212A, 0x0130] + Array(0x2000...0x200A))
            .map { Array(String(Unicode.Scalar(UInt32($0))!).utf8) })

    private static func onlyFoldableToASCII(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < cell.count {
            let lead = cell[i]
            if lead < 0x80 { i += 1; continue }
            let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            guard i + length <= cell.count, foldableToASCII.contains(Array(cell[i..<i + length])) else { return false }
            i += length
        }
        return true
    }

    private func namesSameColumn(_ cell: String, _ index: Int) -> Bool {
        guard let bound = bindings[index]?.name, let matcher else { return false }
        // Spelling, punctuation or alias: a near miss ('Primary Email x') may be a value.
        let match = matcher.match(cell)
        if case .nearMiss = match { return false }
        return match.column == bound
    }

    /// The cell as compared: without a byte-order mark, trimmed, lowercased.
    static func folded(_ cell: String) -> String { spelled(cell).lowercased() }

    /// The cell as a message quotes it: without a byte-order mark, trimmed.
    private static func spelled(_ cell: String) -> String {
        withoutMark(cell).trimmingWhitespace()
    }

    /// Without a leading byte-order mark; a cell quoted behind the mark ('\u{FEFF}"Name"', which the reader
    /// keeps as written since the quote does not open the cell) without its quotes too.
    private static func withoutMark(_ cell: String) -> String {
        guard cell.hasPrefix("\u{FEFF}") else { return cell }
        let rest = String(cell.unicodeScalars.dropFirst())
        guard rest.count >= 2, rest.hasPrefix("\""), rest.hasSuffix("\"") else { return rest }
        return String(rest.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
    }
}

/// A UTF-8 character cut short at the end of a cell: a SQL client, a fixed-width export or a database column
/// that counts bytes cut the value inside a letter ('tecnolog' and the first byte of 'í'). The line is UTF-8
/// otherwise, so no code page explains the byte, and the cell's text is damaged: its end is lost.
enum CutCharacter {
    /// The cell of the current record that `bad` cuts short, or nil when `bad` is no such cut: all of the
    /// line's bad bytes are one UTF-8 character's first bytes, a cell ends right after them, and the line
    /// holds another character of more than one byte (a Windows-1252 'René' ends a cell in a lead byte too).
    static func cell(_ bad: InvalidUTF8Line, in reader: CSVReader) -> Int? {
        let bytes = bad.badBytes
        guard let lead = bytes.first, let length = sequenceLength(lead), bytes.count < length,
              bytes.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) else { return nil }
        let line = reader.rawLine
        let start = bad.firstBadOffset - reader.recordStartOffset
        let end = start + bytes.count
        guard start >= 0, end <= line.count else { return nil }
        if end < line.count && ![reader.delimiter, 0x22, 0x0D, 0x0A].contains(line[end]) { return nil }
        guard bytes.count > 1 || hasWholeSequence(line) else { return nil }
        return (0..<reader.fieldCount).last { reader.origin(of: $0).rawStart <= bad.firstBadOffset }
    }

    /// How the invalid-utf8 finding names such a cut.
    static func description(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true) }.joined(separator: " ")
        let part = bytes.count == 1 ? "the first byte" : "the first \(bytes.count) bytes"
        return "Invalid UTF-8 \(bytes.count == 1 ? "byte" : "bytes") \(hex) ending the cell: \(part) of a "
            + "\(sequenceLength(bytes[0]) ?? 0)-byte UTF-8 character whose rest is missing, so the value was cut short "
            + "inside a letter (a SQL client, a fixed-width export or a database column cut it at a byte limit) and "
            + "its end is lost; export it again without the limit"
    }

    /// Safe fixes of a cut cell's text become unsafe: the text is damaged, and a fix that edits it would
    /// pass it as repaired.
    static func demoteCellFixes(_ diagnostics: inout [Diagnostic]) {
        // Read in place, a content's rule once per run of it (as `FindingTally` counts): every report pays this.
        var cut = Set<CellKey>()
        diagnostics.withUnsafeBufferPointer { findings in
            guard let base = findings.baseAddress else { return }
            var content: UnsafeMutableRawPointer?
            var isInvalidUTF8 = false
            for i in 0..<findings.count {
                let unretained = Diagnostic.unretainedContent(base + i)
                if unretained.toOpaque() != content {
                    content = unretained.toOpaque()
                    // The length first: comparing two different names calls into the standard library.
                    isInvalidUTF8 = unretained._withUnsafeGuaranteedRef {
                        $0.rule.utf8.count == RuleDescriptor.invalidUTF8.name.utf8.count && $0.rule == RuleDescriptor.invalidUTF8.name
                    }
                }
                if isInvalidUTF8, let field = findings[i].fieldIndex { cut.insert(CellKey(record: findings[i].record, field: field)) }
            }
        }
        guard !cut.isEmpty else { return }
        for i in diagnostics.indices where diagnostics[i].fixApplicability == .safe
            && cut.contains(CellKey(record: diagnostics[i].record, field: diagnostics[i].fieldIndex)) {
            guard var fix = diagnostics[i].fix, case .replaceCell = fix.action else { continue }
            fix.applicability = .unsafe
            fix.description += " (the cell was cut short inside a character: see invalid-utf8)"
            diagnostics[i].fix = fix
        }
    }

    private struct CellKey: Hashable {
        var record: Int?
        var field: Int?
    }

    /// The length of the UTF-8 sequence `lead` starts, nil for a byte that starts none.
    static func sequenceLength(_ lead: UInt8) -> Int? {
        switch lead {
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: nil
        }
    }

    /// Whether `line` holds a whole UTF-8 sequence of more than one byte (the cut one is not whole).
    private static func hasWholeSequence(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        line.indices.contains { k in
            guard let length = sequenceLength(line[k]), k + length <= line.count else { return false }
            return line[(k + 1)..<(k + length)].allSatisfy { $0 & 0xC0 == 0x80 }
        }
    }
}

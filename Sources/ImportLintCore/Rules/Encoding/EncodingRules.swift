extension RuleDescriptor {
    public static let invalidUTF8 = RuleDescriptor(
        code: "ENC001", name: "invalid-utf8", severity: .error,
        summary: "A line holds bytes that are not valid UTF-8",
        explanation: "4me aborts the import at the first invalid byte ('Invalid byte sequence in UTF-8 on line N') and keeps the rows before it: the file is partly imported, and in a contact-details file the person on that line is left with their integration contact details deleted and only partly re-added. The Receptionist reports 'invalid UTF-8 byte sequence'. Such bytes usually come from one record pasted from a Windows-1252 source. A value cut short inside a letter at a byte limit (a SQL client's or a database column's width) ends its cell in the first bytes of a UTF-8 character: the finding names the cut, the cell's other fixes are unsafe, and no fix repairs it. A UTF-8 export and an ANSI one joined into one file get one more finding at the line where the second encoding starts. One diagnostic per line, at the first bad byte, listing every bad byte of the line. `fix --unsafe-fixes` decodes the bytes in the single-byte code page the file's invalid lines read as (the one the message names); when they read as no code page, or only as a multi-byte one, it does not repair them. In a UTF-16 file the finding is an unpaired surrogate (half of a character whose other half was lost) or a lone byte at the end (half of a code unit), which decoding writes as bytes that are not UTF-8 rather than as U+FFFD, so that it is reported where it is; no fix repairs it.",
        triggeringExample: "Name\nRenée Müller\nLef\\xE8vre\n", cleanExample: "Name\nRenée Müller\nLefèvre\n")
    public static let controlCharacter = RuleDescriptor(
        code: "ENC005", name: "control-character", severity: .warning, fix: .unsafe,
        summary: "A cell holds a control character (NUL, C0, C1, DEL, line or paragraph separator)",
        explanation: "Control characters are invisible in spreadsheets but break imports and the systems that display the value: a NUL truncates strings, a vertical tab or NEL from a multi-line AD attribute is not a line break the import understands. Line breaks are LF, CR and CRLF only. The unsafe fix replaces them with a space.",
        triggeringExample: "Name\n\"Ann\\x0BLee\"", cleanExample: "Name\nAnn Lee")
}

/// Invalid UTF-8 bytes per physical line and control characters per cell, as the reader found them; when
/// most lines are not UTF-8, one more finding names the code page they read as.
final class ByteLevelRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.invalidUTF8, .controlCharacter] }
    private let context: FileContext
    private var invalidLines = 0
    /// The first line with bytes that are not UTF-8, other than a cut character's.
    private var firstInvalidLine: Int?
    private var lines = 0
    /// A UTF-16LE export follows the UTF-8 text, past the head the encoding sniffer read (`cat` of two
    /// exports), with its byte-order mark or without: the file is unreadable-input, as when the head shows it
    /// (`NotText`), not one invalid-utf8 or control-character finding per line of the second export.
    private(set) var appendedUTF16LE: NotText.Kind?
    /// The column that groups a person's rows (4me contact details' Person), named in invalid-utf8's message.
    private let groupField: Int?
    /// Reading a split file's later part, whose lines are numbered from its own start: the findings whose
    /// message quotes their line, by index among the part's findings, with the message's text around the
    /// line (`amend` words them again with the file's line).
    private var quotedLines: [(finding: Int, head: String, tail: String)]?

    init(_ context: FileContext) {
        self.context = context
        self.groupField = context.profile?.groupBy.flatMap(context.index(of:))
    }

    override var checksSwallowedRecords: Bool { true }

    /// An ordinary record holds no invalid byte and no control character (the reader splits such records
    /// apart): only its line would be kept, and `recordsEnded` gives the last one.
    override var ignoresOrdinaryRecords: Bool { true }

    override func recordsEnded(lastLine: Int) { lines = lastLine }

    override var splitting: Splitting { .merges }

    override func readsLaterPart(from offset: Int) { quotedLines = [] }

    override func amend(_ part: LaterPart, earlier: RecordRule) throws {
        guard part.linesBefore != 0 else { return }
        for quoted in quotedLines ?? [] {
            part.revise(quoted.finding) { $0.message = invalidUTF8Message(quoted.head, line: $0.line + part.linesBefore, quoted.tail) }
        }
    }

    override func absorb(_ later: RecordRule, _ part: LaterPart) {
        guard let later = later as? ByteLevelRule else { return }
        invalidLines += later.invalidLines
        if firstInvalidLine == nil { firstInvalidLine = later.firstInvalidLine.map { $0 + part.linesBefore } }
        if appendedUTF16LE == nil, let appended = later.appendedUTF16LE {
            if case .eightBitThenUTF16WithoutMark(let line) = appended {
                appendedUTF16LE = .eightBitThenUTF16WithoutMark(line: line + part.linesBefore)
            } else {
                appendedUTF16LE = appended
            }
        }
        if later.lines > 0 { lines = later.lines + part.linesBefore }
    }

    override func checkHeader(_ reader: CSVReader, sink: DiagnosticSink) { scan(reader, record: nil, sink: sink) }

    /// The code page the file's invalid lines read as, judged once (nil when none reads as text, and in a
    /// UTF-16 file, whose invalid bytes are unpaired surrogates): the file-level finding and every line's
    /// hint name the same one.
    private lazy var reading: CharsetGuess? = (try? EncodingSniffer.readingOfInvalidLines(context.input.openRaw)) ?? nil

    override func finish(sink: DiagnosticSink) {
        guard invalidLines >= 2, let guess = reading else { return }
        let others = guess.candidates.dropFirst().prefix(2).map(\.name)
        let next = others.isEmpty ? "" : " (next best: \(others.joined(separator: ", ")))"
        if let firstInvalidLine, (try? EncodingSniffer.joinsEncodings(context.input.openRaw)) == true {
            return sink.file(.invalidUTF8, line: firstInvalidLine, message: "The file mixes encodings: it is UTF-8 up to line \(firstInvalidLine - 1) (lines with UTF-8 letters), and from line \(firstInvalidLine) on its lines with letters that are not ASCII are not UTF-8 (\(invalidLines) lines); they read as \(guess.best.name)\(next). Two exports in different encodings were probably joined (cat, copy), or records added from a \(guess.best.name) source: convert that part to UTF-8 before joining (--input-encoding would misread the UTF-8 lines)")
        }
        guard invalidLines * 2 > lines else { return }
        sink.file(.invalidUTF8, message: "\(invalidLines) of \(lines) lines are not UTF-8; they read as \(guess.best.name)\(next). If the whole file is in that code page, lint and fix it with --input-encoding \(guess.best.name); lines that are UTF-8 would then be misread")
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) { scan(reader, record: record, sink: sink) }

    @inline(__always)
    private func scan(_ reader: CSVReader, record: Int?, sink: DiagnosticSink) {
        invalidLines += reader.invalidUTF8.count
        lines = reader.line
        // Nearly every record has neither: then no loop is entered (each would retain its array).
        if !reader.invalidUTF8.isEmpty || !reader.controlCharacters.isEmpty { report(reader, record: record, sink: sink) }
    }

    @inline(never)
    private func report(_ reader: CSVReader, record: Int?, sink: DiagnosticSink) {
        if appendedUTF16LE == nil, readsEightBitText, !reader.controlCharacters.isEmpty,
           Self.isUTF16LEText(reader.rawLine, decoded: readsLegacyText) {
            appendedUTF16LE = .eightBitThenUTF16WithoutMark(line: reader.line)
        }
        for bad in reader.invalidUTF8 {
            if bad.startsUTF16LEText, appendedUTF16LE == nil, case .utf8 = context.encoding { appendedUTF16LE = .eightBitThenUTF16 }
            let position = reader.position(of: bad)
            if case .utf16 = context.encoding {
                reader.report(.invalidUTF8, to: sink, line: position.line, column: position.column, field: nil, record: record,
                              message: Self.utf16DamageMessage(bad.badBytes))
                continue
            }
            let cutCell = CutCharacter.cell(bad, in: reader)
            // A cut line is UTF-8: the file-level finding counts the lines a code page may explain.
            if cutCell != nil { invalidLines -= 1 } else if firstInvalidLine == nil { firstInvalidLine = position.line }
            let head = cutCell != nil ? CutCharacter.description(bad.badBytes) : Self.describeInvalid(bad.badBytes, reading: reading)
            var tail = ""
            if let groupField, record != nil, groupField < reader.fieldCount {
                tail = "; this can leave the integration contact details of \(reader.string(groupField)) deleted and only partly re-added"
            }
            let kept = sink.accepted
            reader.report(.invalidUTF8, to: sink, line: position.line, column: position.column, field: cutCell, record: record,
                          message: invalidUTF8Message(head, line: position.line, tail))
            if quotedLines != nil && sink.accepted > kept { quotedLines!.append((kept, head, tail)) }
        }
        for hit in reader.controlCharacters {
            let position = reader.position(of: hit)
            let value = reader.string(hit.field)
            reader.report(.controlCharacter, to: sink, line: position.line, column: position.column, field: hit.field,
                          record: record, message: "Control character \(Self.describe(hit.scalar)) in the cell",
                          fix: Fix(.unsafe, "Replace control characters with spaces", replacement: Self.withoutControls(value)),
                          values: [value])
        }
    }

    /// The file is read as 8-bit text, UTF-8 or a code page judged from its head: UTF-16LE text may follow.
    private var readsEightBitText: Bool {
        switch context.encoding {
        case .utf8, .legacy: true
        default: false
        }
    }

    private var readsLegacyText: Bool {
        if case .legacy = context.encoding { true } else { false }
    }

    /// A line of UTF-16LE text read as 8-bit text: a NUL in every other byte, in no byte between them (ASCII
    /// characters and the line's break as UTF-16 code units). `decoded`: the line was decoded from a code
    /// page into UTF-8, so its characters are counted, not its bytes ('ë' of 'Zoë' is two bytes there).
    private static func isUTF16LEText(_ line: UnsafeBufferPointer<UInt8>, decoded: Bool) -> Bool {
        var i = 0
        var firstIsNUL = false, nulsAtOdd = false
        for byte in line where !decoded || byte & 0xC0 != 0x80 {
            if i == 0 { firstIsNUL = byte == 0 }
            if i == 1 {
                nulsAtOdd = byte == 0
                if firstIsNUL == nulsAtOdd { return false }
            }
            if i >= 1 && (byte == 0) != ((i & 1 == 1) == nulsAtOdd) { return false }
            i += 1
        }
        return i >= 8
    }

    /// A line's bad bytes, and what they read as in the code page of the file's invalid lines.
    private static func describeInvalid(_ bytes: [UInt8], reading: CharsetGuess?) -> String {
        let hex = bytes.map { "0x" + String($0, radix: 16, uppercase: true).leftPadded(2) }.joined(separator: " ")
        let guess = cesu8Hint(bytes) ?? reading.map { hint(bytes, charset: $0.best.name) } ?? ""
        return "Invalid UTF-8 \(bytes.count == 1 ? "byte" : "bytes") \(hex)\(guess)"
    }

    /// An invalid line's message in a UTF-8 file: `head` names the bytes, then what the target does with
    /// the line, `tail` whose rows they can damage.
    private func invalidUTF8Message(_ head: String, line: Int, _ tail: String) -> String {
        let name = (context.profile?.target ?? .neutral).name
        let effect = context.profile?.accepts?.invalidUTF8 ?? "may reject the file here or store the line garbled"
        return head + "; \(name) " + effect.replacingOccurrences(of: "{line}", with: String(line)) + tail
    }

    /// A UTF-16 file's invalid bytes are its unpaired surrogates and a lone byte at its end, one byte each
    /// as the transcode writes them (see `UTF16Surrogates`).
    static func utf16DamageMessage(_ bytes: [UInt8]) -> String {
        let pronoun = bytes.count == 1 ? "it is no character, so no UTF-8 text can hold it, and how the import reads it" : "they are no characters, so no UTF-8 text can hold them, and how the import reads them"
        return utf16Damage(bytes) + "; \(pronoun) is not documented"
    }

    /// What a UTF-16 file's invalid bytes are (`utf16DamageMessage`, and `fix`'s refusal of the file).
    static func utf16Damage(_ bytes: [UInt8]) -> String {
        let surrogates = bytes.filter { $0 != UTF16Surrogates.oddByteMark }.count
        var parts: [String] = []
        if surrogates > 0 {
            let what = surrogates == 1 ? "An unpaired UTF-16 surrogate" : "\(surrogates) unpaired UTF-16 surrogates"
            parts.append("\(what): half of a character whose other half was lost (a value cut inside an emoji or a rare CJK character)")
        }
        if surrogates < bytes.count {
            parts.append("\(parts.isEmpty ? "A" : "and a") lone byte at the end of the file: half of a UTF-16 code unit (the file was cut short, or a tool appended a byte of 8-bit text)")
        }
        return parts.joined(separator: ", ")
    }

    static func describe(_ scalar: UInt32) -> String {
        let names: [UInt32: String] = [0: "NUL", 0x0B: "VT (vertical tab)", 0x0C: "FF (form feed)", 0x1B: "ESC",
                                       0x7F: "DEL", 0x85: "NEL (next line)", 0x2028: "LINE SEPARATOR",
                                       0x2029: "PARAGRAPH SEPARATOR"]
        let code = "U+" + String(scalar, radix: 16, uppercase: true).leftPadded(4)
        return names[scalar].map { "\(code) \($0)" } ?? code
    }

    /// Control characters become spaces; line breaks inside quoted cells are kept.
    static func withoutControls(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { u in
            let v = u.value
            let isControl = (v < 0x20 && v != 0x09 && v != 0x0A && v != 0x0D) || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
            return isControl ? " " : u
        }))
    }

    /// Bad bytes that are all UTF-16 surrogate pairs written as two 3-byte sequences each (CESU-8: Oracle's
    /// 'UTF8' character set, Java's modified UTF-8) are the characters beyond U+FFFF they encode ('𠮷', an
    /// emoji): named, where a code page's reading of them is noise.
    static func cesu8Hint(_ bytes: [UInt8]) -> String? {
        guard !bytes.isEmpty, bytes.count % 6 == 0 else { return nil }
        var characters = String.UnicodeScalarView()
        for k in stride(from: 0, to: bytes.count, by: 6) {
            let b = bytes[k..<k + 6].map(UInt32.init)
            guard b[0] == 0xED, (0xA0...0xAF).contains(b[1]), b[3] == 0xED, (0xB0...0xBF).contains(b[4]),
                  [b[2], b[5]].allSatisfy({ (0x80...0xBF).contains($0) }) else { return nil }
            let high = (b[1] & 0x0F) << 6 | b[2] & 0x3F, low = (b[4] & 0x0F) << 6 | b[5] & 0x3F
            guard let scalar = Unicode.Scalar(0x10000 + (high << 10 | low)) else { return nil }
            characters.append(scalar)
        }
        let names = characters.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: ", ")
        return " (UTF-16 surrogate pairs, each half written as a 3-byte sequence: CESU-8, as Oracle's 'UTF8' character set and Java's modified UTF-8 write characters beyond U+FFFF; in UTF-8 they are '\(String(characters))', \(names))"
    }

    /// What the bad bytes say in the code page the file's invalid lines read as. A multi-byte code page
    /// is only named: a line's bad bytes alone are not its characters (a Shift_JIS trail byte can be ASCII).
    static func hint(_ bytes: [UInt8], charset: String) -> String {
        guard !CharsetJudge.multiByteCharsets.contains(charset) else { return " (the file's invalid lines read as \(charset))" }
        let scalars = CharsetJudge.decode(bytes, charset: charset).compactMap(Unicode.Scalar.init)
        guard scalars.count == bytes.count, scalars.allSatisfy({ $0.value >= 0xA0 && $0 != "\u{FFFD}" }) else {
            return " (the file's invalid lines read as \(charset))"
        }
        return " (as \(charset): '\(String(String.UnicodeScalarView(scalars)))')"
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

extension RuleDescriptor {
    public static let legacyEncoding = RuleDescriptor(
        code: "ENC002", name: "legacy-encoding", severity: .error, fix: .sometimes,
        summary: "The file is in a legacy code page (Windows-1252, 1251, Shift_JIS, DOS 850, ...) or UTF-32, not UTF-8",
        explanation: "Windows PowerShell's Set-Content and Excel's \"CSV\" write the ANSI code page of the machine, console tools the DOS code page; 4me reads only UTF-8 or UTF-16LE and aborts the import at the first non-ASCII letter, keeping the rows before it; The Receptionist reads only UTF-8 and reports an invalid UTF-8 byte sequence (what it imports then is not documented). importlint decodes the non-ASCII lines with every code page directory exports come in (Windows 1250-1258 and 874, ISO-8859-1/2/4/5/7/9/13/15, DOS 437/720/737/775/850/852/855/857/862/866/869, Mac Roman, Mac Central European, Mac Cyrillic, KOI8-R, KOI8-U, Shift_JIS, GBK, Big5, EUC-KR), names the one whose reading is real text, decodes the file with it and lints the rest. The transcode fix is safe only when that reading wins clearly (code pages that decode the file identically count as one answer); otherwise the message names the candidates and the fix is unsafe: give the code page with --input-encoding. Windows-1258 stores Vietnamese tone marks after their letters; they are read joined to them (NFC, canonically the same text), as the transcode writes them. A UTF-32 file (by its byte-order mark) is decoded and its transcode is safe. It is an error unless the profile's `accepts: encodings:` lists the charset (then info).",
        triggeringExample: "Name,City\nRen\\xE9e Lef\\xE8vre,Z\\xFCrich\nJos\\xE9 Mu\\xF1oz,M\\xE1laga\nFran\\xE7oise B\\xE9ranger,Orl\\xE9ans\n",
        cleanExample: "Name,City\nRenée Lefèvre,Zürich\nJosé Muñoz,Málaga\nFrançoise Béranger,Orléans\n")
    public static let utf16Encoding = RuleDescriptor(
        code: "ENC003", name: "utf16-encoding", severity: .warning, fix: .safe,
        summary: "The file is UTF-16",
        explanation: "PowerShell's Out-File and '>' write UTF-16LE. The severity follows the encodings the profile's target reads (`accepts: encodings:`): 4me reads UTF-16LE (info: most other tools expect UTF-8; a warning without a byte-order mark, as bcp -w writes it, since 4me's documents do not say whether it detects UTF-16LE without one); The Receptionist reads only UTF-8 and no target documents UTF-16BE (error). A profile that does not list encodings gets a warning. The file is decoded and linted anyway; the fix transcodes to UTF-8, which is exact.",
        triggeringExample: "\\xFF\\xFEN\\x00a\\x00m\\x00e\\x00\\x0A\\x00A\\x00n\\x00n\\x00\\x0A\\x00", cleanExample: "Name\nAnn\n")
    public static let byteOrderMark = RuleDescriptor(
        code: "ENC004", name: "byte-order-mark", severity: .warning, fix: .safe,
        summary: "The file starts with a UTF-8 byte-order mark",
        explanation: "PowerShell's '-Encoding UTF8' writes a BOM. Importers that do not strip it see the first header as '\\u{FEFF}Primary Email', an unknown column, and the required column as missing. The fix removes the BOM.",
        triggeringExample: "\\xEF\\xBB\\xBFName", cleanExample: "Name")
}

/// What the file's encoding says before anything is read: a UTF-8 byte-order mark, UTF-16, UTF-32 or a
/// legacy code page; each fix makes the output plain UTF-8.
final class FileEncodingRule: RecordRule {
    private var encoding: InputEncoding = .utf8(bom: false)
    private let input: InputFile

    init(_ input: InputFile) { self.input = input }

    override func start(encoding: InputEncoding, sink: DiagnosticSink) {
        self.encoding = encoding
        // Whether importers strip a BOM is undocumented for every target: a warning whatever the profile.
        if case .utf8(bom: true) = encoding {
            sink.file(.byteOrderMark, message: "File starts with a UTF-8 byte-order mark",
                      fix: Fix(.safe, "Remove the byte-order mark", .removeByteOrderMark))
        }
    }

    /// UTF-16 and legacy charsets are judged against the encodings the profile's target reads.
    override func profileSettled(_ profile: Profile?, sink: DiagnosticSink) {
        let verdict = EncodingVerdict.judge(encoding.name, profile: profile)
        switch encoding {
        case .utf8:
            break
        case .utf16(let littleEndian, let bom):
            let how = bom ? "byte-order mark" : "NUL byte pattern"
            let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
            var verdictText = verdict.map { "; \($0.clause)" } ?? ", but most importers expect UTF-8"
            var severity = verdict?.severity
            // A target documented to read UTF-16 is not documented to detect it without a BOM (bcp -w).
            if !bom, let verdict, verdict.severity == .info {
                verdictText = "; \(profile?.target.name ?? "the target") reads \(name), but its documents do not say whether it detects \(name) without a byte-order mark"
                severity = .warning
            }
            sink.file(.utf16Encoding, message: "File is \(name) (by its \(how)); decoded and linted\(verdictText)",
                      fix: transcodeFix(from: name, littleEndian: littleEndian), severity: severity)
        case .utf32(let littleEndian, _):
            let name = littleEndian ? "UTF-32LE" : "UTF-32BE"
            let verdictText = verdict.map { "; \($0.clause)" } ?? ", but the import rejects it"
            sink.file(.legacyEncoding, message: "File is \(name) (by its byte-order mark); decoded and linted\(verdictText)",
                      fix: Fix(.safe, "Transcode from \(name) to UTF-8", .transcodeToUTF8(from: name)), severity: verdict?.severity)
        case .legacy(let legacy):
            let line = max(1, legacy.firstNonASCIILine)
            let consequence = EncodingVerdict.judge(encoding.name, profile: profile, firstBadLine: legacy.firstInvalidLine).map { "; \($0.clause)" }
                ?? ", but the import rejects it"
            sink.file(.legacyEncoding, line: line, message: legacy.findingMessage(consequence: consequence),
                      fix: Fix(legacy.transcodeIsSafe ? .safe : .unsafe, legacy.fixDescription, .transcodeToUTF8(from: legacy.charset)),
                      severity: verdict?.severity)
        }
    }

    /// Transcoding UTF-16 is exact unless the file holds an unpaired surrogate or ends in a lone byte, which
    /// no UTF-8 text can hold (reported by invalid-utf8 at its line): then writing the file is not safe.
    private func transcodeFix(from name: String, littleEndian: Bool) -> Fix {
        let damage: UTF16Surrogates.Damage?? = try? UTF16Surrogates.firstDamage(input.openRaw(), littleEndian: littleEndian, skipping: encoding.bomLength)
        guard case .some(.some(let found)) = damage else { return Fix(.safe, "Transcode to UTF-8", .transcodeToUTF8(from: name)) }
        let what = switch found {
        case .unpairedSurrogate: "an unpaired surrogate, half of a lost character,"
        case .oddByteAtEnd: "a lone byte at the end of the file, half of a UTF-16 code unit,"
        }
        return Fix(.unsafe, "Transcode to UTF-8 (line \(found.line) holds \(what) which UTF-8 cannot hold: the transcode would have to drop it or write U+FFFD)",
                   .transcodeToUTF8(from: name))
    }
}

extension RuleDescriptor {
    public static let legacyEncoding = RuleDescriptor(
        code: "ENC002", name: "legacy-encoding", severity: .error, fix: .safe,
        summary: "The file is in a legacy charset (Windows-1252, ISO-8859-1, ...), not UTF-8",
        explanation: "Windows PowerShell's Set-Content and ldifde write the ANSI code page. The import reads UTF-8 only and fails on the first accented letter. importlint names the charset ICU's detector finds, with its confidence, decodes the file with it and lints the rest; the fix transcodes to UTF-8. It is an error unless the profile's `accepts: encodings:` lists the charset (then info).",
        triggeringExample: "Name,City\nRen\\xE9e Lef\\xE8vre,Z\\xFCrich\nJos\\xE9 Mu\\xF1oz,M\\xE1laga\nFran\\xE7oise B\\xE9ranger,Orl\\xE9ans\n",
        cleanExample: "Name,City\nRenée Lefèvre,Zürich\nJosé Muñoz,Málaga\nFrançoise Béranger,Orléans\n")
    public static let utf16Encoding = RuleDescriptor(
        code: "ENC003", name: "utf16-encoding", severity: .warning, fix: .safe,
        summary: "The file is UTF-16",
        explanation: "PowerShell's Out-File and '>' write UTF-16LE. The severity follows the encodings the profile's target reads (`accepts: encodings:`): 4me reads UTF-16LE (info: most other tools expect UTF-8); The Receptionist reads only UTF-8 and no target documents UTF-16BE (error). A profile that does not list encodings gets a warning. The file is decoded and linted anyway; the fix transcodes to UTF-8, which is exact.",
        triggeringExample: "\\xFF\\xFEN\\x00a\\x00m\\x00e\\x00\\x0A\\x00A\\x00n\\x00n\\x00\\x0A\\x00", cleanExample: "Name\nAnn\n")
    public static let byteOrderMark = RuleDescriptor(
        code: "ENC004", name: "byte-order-mark", severity: .warning, fix: .safe,
        summary: "The file starts with a UTF-8 byte-order mark",
        explanation: "PowerShell's '-Encoding UTF8' writes a BOM. Importers that do not strip it see the first header as '\\u{FEFF}Primary Email', an unknown column, and the required column as missing. The fix removes the BOM.",
        triggeringExample: "\\xEF\\xBB\\xBFName", cleanExample: "Name")
}

/// What the file's encoding says before anything is read: a UTF-8 byte-order mark, UTF-16, or a legacy
/// charset; each fix makes the output plain UTF-8.
final class FileEncodingRule: RecordRule {
    private var encoding: InputEncoding = .utf8(bom: false)

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
            let verdictText = verdict.map { "; \($0.clause)" } ?? ", but most importers expect UTF-8"
            sink.file(.utf16Encoding, message: "File is \(name) (by its \(how)); decoded and linted\(verdictText)",
                      fix: Fix(.safe, "Transcode to UTF-8", .transcodeToUTF8(from: name)), severity: verdict?.severity)
        case .legacy(let charset, let confidence, let line):
            let verdictText = verdict.map { "; \($0.clause)" } ?? ", but the import rejects it"
            sink.file(.legacyEncoding, line: max(1, line),
                      message: "File is not UTF-8; it looks like \(charset) (ICU confidence \(confidence)%); decoded as such and linted\(verdictText)",
                      fix: Fix(.safe, "Transcode from \(charset) to UTF-8", .transcodeToUTF8(from: charset)), severity: verdict?.severity)
        }
    }
}

extension RuleDescriptor {
    public static let legacyEncoding = RuleDescriptor(
        code: "ENC002", name: "legacy-encoding", severity: .error, fix: .safe,
        summary: "The file is in a legacy charset (Windows-1252, ISO-8859-1, ...), not UTF-8",
        explanation: "Windows PowerShell's Set-Content and ldifde write the ANSI code page. The import reads UTF-8 only and fails on the first accented letter. importlint names the charset ICU's detector finds, with its confidence, decodes the file with it and lints the rest; the fix transcodes to UTF-8.",
        triggeringExample: "Name,City\nRen\\xE9e Lef\\xE8vre,Z\\xFCrich\nJos\\xE9 Mu\\xF1oz,M\\xE1laga\nFran\\xE7oise B\\xE9ranger,Orl\\xE9ans\n",
        cleanExample: "Name,City\nRenée Lefèvre,Zürich\nJosé Muñoz,Málaga\nFrançoise Béranger,Orléans\n")
    public static let utf16Encoding = RuleDescriptor(
        code: "ENC003", name: "utf16-encoding", severity: .warning, fix: .safe,
        summary: "The file is UTF-16",
        explanation: "PowerShell's Out-File and '>' write UTF-16LE. 4me's import endpoint accepts UTF-16LE but other targets and most tools expect UTF-8. The file is decoded and linted anyway; the fix transcodes to UTF-8.",
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
    override func start(encoding: InputEncoding, sink: DiagnosticSink) {
        switch encoding {
        case .utf8(bom: true):
            sink.file(.byteOrderMark, message: "File starts with a UTF-8 byte-order mark",
                      fix: Fix(.safe, "Remove the byte-order mark", .removeByteOrderMark))
        case .utf8(bom: false):
            break
        case .utf16(let littleEndian, let bom):
            let how = bom ? "byte-order mark" : "NUL byte pattern"
            let name = littleEndian ? "UTF-16LE" : "UTF-16BE"
            sink.file(.utf16Encoding, message: "File is \(name) (by its \(how)); decoded and linted, but most importers expect UTF-8",
                      fix: Fix(.safe, "Transcode to UTF-8", .transcodeToUTF8(from: name)))
        case .legacy(let charset, let confidence, let line):
            sink.file(.legacyEncoding, line: max(1, line),
                      message: "File is not UTF-8; it looks like \(charset) (ICU confidence \(confidence)%); decoded as such and linted, but the import rejects it",
                      fix: Fix(.safe, "Transcode from \(charset) to UTF-8", .transcodeToUTF8(from: charset)))
        }
    }
}

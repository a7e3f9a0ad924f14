import Foundation

extension RuleDescriptor {
    public static let unreadableInput = RuleDescriptor(
        code: "FMT003", name: "unreadable-input", severity: .error,
        summary: "The input is missing, cannot be read, or is not text (an Excel workbook, an image, binary data)",
        explanation: """
            A file that does not exist, cannot be opened, or is not delimited text cannot be imported, and \
            nothing else in it can be checked. It is reported as a finding of that file, so that every other \
            input of the same call is still linted and reported. The most common case is an Excel workbook \
            (.xlsx or .xls) saved under a .csv name, or exported instead of a CSV: open it in Excel and save it \
            with File > Save As > 'CSV UTF-8 (Comma delimited)'. A shell pattern that matched no file (such as \
            `exports/*.tsv` in a folder of only .csv files) reaches importlint as a missing file of that name; \
            name the folder instead and importlint finds the .csv and .tsv files in it.
            """,
        triggeringExample: "PK\\x03\\x04\\x14\\x00\\x06\\x00\\x08\\x00\\x00\\x00!\\x00[Content_Types].xml\\x00\\x00xl/workbook.xml",
        cleanExample: "Primary Email,Name\nann@widget.com,Ann Lee")
}

/// Recognizes an input that cannot be linted at all, and says what it is and what to do about it.
public enum UnreadableInput {
    /// What is wrong with the file at `path`, or nil when it can be read as text.
    public static func problem(path: String) -> String? { problem(.path(path)) }

    /// What is wrong with `input`, or nil when it can be read as text.
    static func problem(_ input: InputFile) -> String? {
        if case .path(let path) = input.storage {
            if let problem = fileProblem(path) { return problem }
            // A pipe or device is read once, by the lint (`InputFile.reading` copies it first).
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        }
        var head = [UInt8](repeating: 0, count: EncodingSniffer.sampleSize)
        do {
            let source = try input.openRaw()
            let count = try head.withUnsafeMutableBufferPointer { try EncodingSniffer.readFully(source, $0.baseAddress!, $0.count) }
            head.removeSubrange(count...)
        } catch {
            return "The file cannot be read (\(error))"
        }
        return NotText.kind(head).map(advice)
    }

    /// A path that does not exist, is a folder, or cannot be opened.
    private static func fileProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            guard errno == ENOENT else { return "The file cannot be read: \(reason)" }
            let pattern = path.contains { "*?[".contains($0) }
            return pattern
                ? "No file matches this pattern, so the shell passed it on as a file name; name the folder instead (importlint finds the .csv and .tsv files in it)"
                : "The file does not exist"
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard let directory = opendir(path) else { return "This is a folder that cannot be listed: \(String(cString: strerror(errno)))" }
            closedir(directory)
            return "This is a folder, not a file"
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return "The file cannot be read: \(String(cString: strerror(errno)))" }
        close(descriptor)
        return nil
    }

    /// The message for a file that is `kind` rather than text.
    static func advice(_ kind: NotText.Kind) -> String {
        switch kind {
        case .excelWorkbook:
            return "This is an Excel workbook (.xlsx), not CSV text, whatever its name says; open it in Excel and save it as CSV UTF-8 (File > Save As > 'CSV UTF-8 (Comma delimited)'), then lint that file"
        case .legacyOffice:
            return "This is a legacy Excel workbook (.xls) or another Office 97-2003 file, not CSV text; open it in Excel and save it as CSV UTF-8 (File > Save As > 'CSV UTF-8 (Comma delimited)')"
        case .ldif:
            return "This is LDIF (ldifde or ldapsearch output: an entry per 'dn:' line, one attribute per line, values that are not plain ASCII in base64), not CSV or TSV text; export the attributes as CSV instead (csvde, or Get-ADUser | Export-Csv)"
        case .eightBitThenUTF16:
            return "This file is 8-bit text (UTF-8 or a code page) followed by UTF-16LE text after a byte-order mark: two exports joined with cat or copy /b, one of them written by Out-File. Read in either encoding, one part is meaningless characters; convert both exports to UTF-8 before joining them"
        case .eightBitThenUTF16WithoutMark(let line):
            return "This file is 8-bit text (UTF-8 or a code page) followed, from line \(line), by UTF-16LE text without a byte-order mark: two exports joined with cat or copy /b, the second one written as UTF-16LE without a mark (bcp -w, a script writing 'Unicode'), or lines appended as UTF-16LE by `>>` or Add-Content -Encoding Unicode in Windows PowerShell 5.1. Read in either encoding, one part is meaningless characters; convert both exports to UTF-8 before joining them"
        case .openDocumentSpreadsheet:
            return "This is an OpenDocument spreadsheet (.ods), not CSV text; save it from LibreOffice as 'Text CSV' with the character set UTF-8"
        case .other(let what):
            return "This is \(what), not CSV or TSV text; an import file must be delimited text"
        case .nulBytes(let percent):
            return "This is binary data, not text: \(percent)% of its first bytes are NUL; an import file must be delimited text"
        }
    }

    /// The `encoding` of a file report whose input was not read.
    static let encoding = "unknown"

    /// The report of an input that cannot be linted: this one finding and nothing else.
    static func report(_ input: InputFile, problem: String, sink: DiagnosticSink) -> LintResult {
        sink.file(.unreadableInput, message: problem)
        var report = FileReport(path: input.displayPath, profile: nil, encoding: encoding, delimiter: "", records: 0,
                                diagnostics: sink.takeSorted(), clusters: nil)
        report.omitted = sink.omitted
        return LintResult(report: report, source: nil)
    }
}

/// Recognizes bytes that are certainly not delimited text, by their magic numbers or their NUL bytes.
public enum NotText {
    public enum Kind: Equatable, Sendable {
        case excelWorkbook, legacyOffice, openDocumentSpreadsheet, ldif, eightBitThenUTF16
        /// UTF-16LE text without a byte-order mark from this line on, after 8-bit text.
        case eightBitThenUTF16WithoutMark(line: Int)
        case other(String)
        case nulBytes(percent: Int)
    }

    /// Thrown by the encoding sniffer when bytes past the head show the file is no text (an appended
    /// UTF-16LE export): the linter reports it as `unreadable-input`, as it does a head that shows it.
    struct Found: Error, CustomStringConvertible {
        let kind: Kind
        var description: String { UnreadableInput.advice(kind) }
    }

    /// What the first bytes of a file are when they are not text; nil for text (UTF-16 without BOM included).
    public static func kind(_ head: [UInt8]) -> Kind? {
        let byteOrderMarks: [[UInt8]] = [[0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0x00, 0x00, 0xFE, 0xFF]]
        if byteOrderMarks.contains(where: { head.starts(with: $0) }) { return nil }
        if let signature = signature(head) { return signature }
        if EncodingSniffer.utf16ByNULPattern(head) != nil { return eightBitThenUTF16(head) }
        let nuls = head.filter { $0 == 0 }.count
        if nuls > 0, let joined = eightBitThenUTF16(head) { return joined }
        if head.count >= 64, nuls * 10 > head.count { return .nulBytes(percent: nuls * 100 / head.count) }
        return nil
    }

    /// Lines of 8-bit text (no NUL, a line feed) and then UTF-16LE text: a UTF-8 or code-page export with a
    /// UTF-16LE one appended, by `cat` or `copy /b`. Read in either encoding, one of the parts is meaningless
    /// characters. The UTF-16LE text starts with its byte-order mark, a NUL within two code units after it
    /// (Out-File); or, without one (`bcp -w`), right after a line feed with an ASCII character, a NUL in
    /// every other byte from there on.
    private static func eightBitThenUTF16(_ head: [UInt8]) -> Kind? {
        guard let nul = head.firstIndex(of: 0), nul >= 4, head[..<nul].contains(0x0A) else { return nil }
        if (max(2, nul - 4)..<nul).contains(where: { head[$0 - 2] == 0xFF && head[$0 - 1] == 0xFE }) { return .eightBitThenUTF16 }
        guard head[nul - 2] == 0x0A, head[nul - 1] < 0x80, EncodingSniffer.utf16ByNULPattern(Array(head[(nul - 1)...])) == true else { return nil }
        return .eightBitThenUTF16WithoutMark(line: head[..<nul].filter { $0 == 0x0A }.count + 1)
    }

    private static func signature(_ head: [UInt8]) -> Kind? {
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return zipContent(head) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return .legacyOffice }
        if isLDIF(head) { return .ldif }
        let signatures: [([UInt8], String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
            ([0x1F, 0x8B], "a gzip archive"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            ([0x47, 0x49, 0x46, 0x38], "a GIF image"), ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ]
        return signatures.first { head.starts(with: $0.0) }.map { .other($0.1) }
    }

    /// LDIF starts with its first entry's 'dn: ' (or 'dn:: ', a DN in base64), with 'version: 1' and a line
    /// break, or (ldapsearch) with '# extended LDIF'; no header cell of an export starts so.
    private static func isLDIF(_ head: [UInt8]) -> Bool {
        ["dn: ", "dn:: ", "version: 1\n", "version: 1\r\n", "# extended LDIF"].contains { head.starts(with: Array($0.utf8)) }
    }

    /// A ZIP archive, told apart by the entry names near its start: an .xlsx workbook holds `xl/`, an .ods
    /// spreadsheet starts with its `mimetype` entry, a .docx holds `word/`.
    private static func zipContent(_ head: [UInt8]) -> Kind {
        func holds(_ text: String) -> Bool {
            let needle = Array(text.utf8)
            return head.indices.contains { head[$0...].starts(with: needle) }
        }
        if holds("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") { return .openDocumentSpreadsheet }
        if holds("xl/") { return .excelWorkbook }
        if holds("word/") { return .other("a Word document (.docx)") }
        return .other("a ZIP archive (an .xlsx workbook is one too: save it as CSV UTF-8)")
    }
}

import Foundation
import Testing
@testable import ImportLintCore

/// Folders as inputs (`InputExpansion`), inputs that are not text (`NotText`, unreadable-input), and the
/// parallel lint of several files (`CheckRun` with `jobs`).
@Suite struct InputExpansionTests {
    /// exports/People.CSV, exports/b/x.tsv, exports/z.csv and files that are left out: a hidden folder, a
    /// non-CSV file, a link back to the parent folder (a loop) and a dangling link.
    static func tree() throws -> URL {
        let dir = try TestSupport.temporaryDirectory()
        let exports = dir.appendingPathComponent("exports")
        for name in ["People.CSV", "b/x.tsv", "z.csv", ".git/hidden.csv", "notes.txt"] {
            try TestSupport.write("Primary Email,Name\nann@widget.com,Ann\n", to: exports.appendingPathComponent(name))
        }
        try FileManager.default.createSymbolicLink(atPath: exports.appendingPathComponent("b/up").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: exports.appendingPathComponent("gone.csv").path, withDestinationPath: "nowhere.csv")
        return dir
    }

    static func expand(_ arguments: [String], in dir: URL, excludes: [String] = [], config: Bool = false) throws -> InputExpansion {
        let resolver = try ConfigResolver(configPath: nil, noConfig: !config, workingDirectory: dir.path)
        return try InputExpansion(arguments.map { dir.appendingPathComponent($0).path }, excludes: excludes, resolver: resolver,
                                  workingDirectory: dir.path)
    }

    static func names(_ expansion: InputExpansion, in dir: URL) -> [String] {
        expansion.files.map { String($0.dropFirst(dir.path.count + 1)) }
    }

    @Test func aFolderIsItsCSVAndTSVFilesInNameOrder() throws {
        let dir = try Self.tree()
        let expansion = try Self.expand(["exports"], in: dir)
        #expect(Self.names(expansion, in: dir) == ["exports/People.CSV", "exports/b/x.tsv", "exports/z.csv"])
        #expect(expansion.emptyFolders.isEmpty)
    }

    @Test func namedFilesKeepTheirPlaceAndAreReadOnce() throws {
        let dir = try Self.tree()
        let expansion = try Self.expand(["exports/z.csv", "exports", "missing.csv"], in: dir)
        #expect(Self.names(expansion, in: dir) == ["exports/z.csv", "exports/People.CSV", "exports/b/x.tsv", "missing.csv"],
                "a missing file is kept for the lint to report")
    }

    @Test func excludeMatchesPathOrName() throws {
        let dir = try Self.tree()
        #expect(Self.names(try Self.expand(["exports"], in: dir, excludes: ["z.csv"]), in: dir) == ["exports/People.CSV", "exports/b/x.tsv"])
        #expect(Self.names(try Self.expand(["exports"], in: dir, excludes: ["exports/b/"]), in: dir) == ["exports/People.CSV", "exports/z.csv"])
        #expect(Self.names(try Self.expand(["exports"], in: dir, excludes: ["*.CSV"]), in: dir) == ["exports/b/x.tsv", "exports/z.csv"],
                "globs are case-sensitive; the extension filter is not")
        let named = try Self.expand(["exports/z.csv"], in: dir, excludes: ["z.*"])
        #expect(named.files.isEmpty && named.excludedFiles.count == 1, "a named file is excluded too")
    }

    @Test func configurationExcludes() throws {
        let dir = try Self.tree()
        try TestSupport.write("exclude: [\"b/\", People.CSV]\n", to: dir.appendingPathComponent("exports/.importlint.yml"))
        #expect(Self.names(try Self.expand(["exports"], in: dir, config: true), in: dir) == ["exports/z.csv"])
        #expect(Self.names(try Self.expand(["exports"], in: dir), in: dir).count == 3, "--no-config reads no excludes")
        try TestSupport.write("exclude: {b: c}\n", to: dir.appendingPathComponent("exports/.importlint.yml"))
        #expect(throws: ConfigError.self) { try Self.expand(["exports"], in: dir, config: true) }
    }

    @Test func aFolderWithoutImportFilesIsAnErrorOnlyWhenNothingElseIs() throws {
        let dir = try Self.tree()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty/.git"), withIntermediateDirectories: true)
        try TestSupport.write("x\n", to: dir.appendingPathComponent("empty/.git/a.csv"))
        let alone = try Self.expand(["empty"], in: dir)
        #expect(alone.emptyFolders.count == 1)
        #expect(throws: InputError.self) { try alone.checked() }
        let beside = try Self.expand(["empty", "exports/z.csv"], in: dir)
        #expect(try beside.checked().count == 1)
    }

    @Test func notTextIsRecognized() throws {
        let fixtures = TestSupport.packageRoot.appendingPathComponent("fixtures/unreadable-input")
        let workbook = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("trigger-excel-workbook.csv")))
        #expect(NotText.kind(workbook) == .excelWorkbook)
        #expect(NotText.kind([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) == .legacyOffice)
        let ods = [0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 0, count: 26) + Array("mimetypeapplication/vnd.oasis.opendocument.spreadsheet".utf8)
        #expect(NotText.kind(ods) == .openDocumentSpreadsheet)
        #expect(NotText.kind([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) == .other("a PNG image"))
        let utf16 = Array("Primary Email,Name\nann@widget.com,Ann\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        #expect(NotText.kind(utf16) == nil, "UTF-16 without a byte-order mark is text")
        #expect(NotText.kind([0xFF, 0xFE, 0, 0] + [UInt8](repeating: 0, count: 100)) == nil, "a UTF-32 byte-order mark is text")
        #expect(NotText.kind(Array("Primary Email,Name\n".utf8)) == nil)
        #expect(UnreadableInput.advice(.excelWorkbook).contains("save it as CSV UTF-8"))
        // ldifde's and ldapsearch's LDIF: one finding for the file, not a ragged row per attribute line.
        let ldif = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("trigger-ldifde-export.csv")))
        #expect(NotText.kind(ldif) == .ldif)
        #expect(NotText.kind(Array("# extended LDIF\n#\n# LDAPv3\n".utf8)) == .ldif)
        #expect(NotText.kind(Array("dn,mail\nCN=Ann,ann@widget.com\n".utf8)) == nil, "a 'dn' column is a header cell")
        // `cat` of a UTF-8 export and an Out-File one: one finding, not the UTF-8 header read as UTF-16LE.
        let joined = [UInt8](try Data(contentsOf: fixtures.appendingPathComponent("trigger-cat-utf8-then-utf16le.csv")))
        #expect(NotText.kind(joined) == .eightBitThenUTF16)
        let utf16LE: [UInt8] = [0xFF, 0xFE] + Array("Name\r\n".utf8).flatMap { (byte: UInt8) -> [UInt8] in [byte, 0] }
        #expect(NotText.kind(utf16LE) == nil && NotText.kind(Array(utf16LE.dropFirst(2))) == nil, "UTF-16LE alone is text")
    }

    @Test func missingAndFolderInputsAreFindings() throws {
        let dir = try Self.tree()
        for (path, expected) in [("missing.csv", "does not exist"), ("exports/*.tsv", "No file matches this pattern"),
                                 ("exports", "folder")] {
            let result = try Linter(options: LintOptions()).lint(.path(dir.appendingPathComponent(path).path))
            #expect(result.report.diagnostics.map(\.rule) == ["unreadable-input"])
            #expect(result.report.diagnostics.first?.message.contains(expected) == true, "\(result.report.diagnostics)")
        }
    }

    /// Two files, the contacts file referring to the people file of the same call: linted at once and one
    /// after the other, the reports are byte for byte the same in every format.
    @Test func parallelLintReportsWhatASequentialOneDoes() throws {
        let dir = try TestSupport.temporaryDirectory()
        let people = try TestSupport.write("Primary Email\tName\nann@widget.com\tAnn Lee \nann@widget.com\tAnn\n", to: dir.appendingPathComponent("people.tsv"))
        let contacts = try TestSupport.write("Person\tContact Protocol\tContact Label\tContact URI\nann@widget.com\temail\tpersonal\tann@example.com\nbob@widget.com\temail\tpersonal\tbob@example.com\n",
                                             to: dir.appendingPathComponent("contacts.tsv"))
        let files = [contacts.path, people.path, dir.appendingPathComponent("missing.csv").path]
        for format in Reporters.names {
            var outputs: [Data] = []
            for jobs in [1, 2] {
                var request = CheckRequest(files: files, base: LintOptions(captureSourceLines: format == "text"))
                request.format = format
                request.jobs = jobs
                request.output = dir.appendingPathComponent("report-\(jobs).\(format)").path
                let failed = try CheckRun(request, resolver: try ConfigResolver(configPath: nil, noConfig: true)).run()
                #expect(failed)
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: request.output!)))
            }
            #expect(outputs[0] == outputs[1], "\(format): --jobs 1 and --jobs 2 differ")
            let text = String(decoding: outputs[0], as: UTF8.self)
            #expect(text.contains("unknown-person-reference") || text.contains("ID003"), "\(format): contacts saw the people file")
        }
    }
}

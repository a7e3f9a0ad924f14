import ImportLintCore

enum ImportLintRuns {
    /// The whole engine with every rule on, as `importlint check --format json` runs it, minus the write.
    static func lint(path: String, bytes: Int) throws -> Measurement {
        try measure("importlint-lint", bytes: bytes) {
            let linter = Linter(options: LintOptions())
            let result = try linter.lint(.path(path))
            let json = try JSONReporter.render(Report(files: [result.report]))
            var checksum = UInt64(json.utf8.count)
            for d in result.report.diagnostics { checksum &+= UInt64(d.line) }
            var byCode: [String: Int] = [:]
            for d in result.report.diagnostics { byCode[d.code, default: 0] += 1 }
            let note = "diagnostics=\(result.report.diagnostics.count) json_bytes=\(json.utf8.count) "
                + byCode.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return (result.report.records, 0, checksum, note)
        }
    }

    /// The tokenizer alone: every record, every cell's bytes touched; the header counts as a record.
    static func tokenizer(path: String, bytes: Int, delimiter: UInt8) throws -> Measurement {
        try measure("importlint-tokenizer", bytes: bytes) {
            let reader = CSVReader(source: try FileSource(path: path), delimiter: delimiter)
            var records = 0, fields = 0
            var checksum: UInt64 = 0
            while try reader.next() {
                records += 1
                let n = reader.fieldCount
                fields += n
                for i in 0..<n {
                    let cell = reader.bytes(i)
                    checksum &+= UInt64(cell.count)
                    if let first = cell.first { checksum &+= UInt64(first) }
                }
            }
            return (records, fields, checksum, "")
        }
    }
}

/// Settings of one fix round.
struct PassSettings {
    var inputDelimiter: UInt8
    var outputDelimiter: UInt8
    /// nil keeps the line ending of the input's header line.
    var lineEnding: LineTerminator?
    var allowUnsafe: Bool
    var force: Bool
    var collectDetails: Bool
    var profile: Profile?
    var regroup: Bool
    var round: Int
}

/// What one fix round did.
struct PassResult {
    var recordsIn = 0
    var recordsOut = 0
    /// The first fatal structural problem (ragged row, unterminated quote, invalid UTF-8 without
    /// --unsafe-fixes); the output is discarded unless --force.
    var fatal: String?
    var fatalCount = 0
    var applied: [AppliedFix] = []
    var appliedCount = 0
    /// Applied cell fixes per rule name (kept even when details are not collected).
    var appliedByRule: [String: Int] = [:]
    var cellsChanged = 0
    var skipped: [SkippedFix] = []
    var deferredCount = 0
    var fileFixes: [FileFix] = []
    var lineEnding: LineTerminator = .lf
    /// The finished temporary file.
    var outputPath: String?
}

/// One streaming pass: reads the decoded input record by record and writes every record re-serialized
/// (minimal quoting, trimmed, NFC, planned cell fixes applied) to a temporary file; blank lines and the
/// PowerShell type line are dropped; contact rows are regrouped at the end when a person was split.
final class FixPass {
    let input: InputFile
    let encoding: InputEncoding
    let plan: FixPlan
    let settings: PassSettings

    init(input: InputFile, encoding: InputEncoding, plan: FixPlan, settings: PassSettings) {
        self.input = input
        self.encoding = encoding
        self.plan = plan
        self.settings = settings
    }

    func run(directory: String, name: String) throws -> PassResult {
        var result = PassResult()
        let reader = CSVReader(source: try input.openDecoded(encoding), delimiter: settings.inputDelimiter)
        let out = try OutputFile.temporary(in: directory, name: name)
        var keep = false
        defer { if !keep { AtomicFile.discard(out.path) } }
        let round = settings.round

        switch encoding {
        case .utf8(bom: true):
            result.fileFixes.append(FileFix(rule: "byte-order-mark", description: "Removed the UTF-8 byte-order mark", count: 1, round: round))
        case .utf8(bom: false): break
        case .utf16(let le, _):
            result.fileFixes.append(FileFix(rule: "utf16-encoding", description: "Transcoded from \(le ? "UTF-16LE" : "UTF-16BE") to UTF-8", count: 1, round: round))
        case .utf32(let le, _):
            result.fileFixes.append(FileFix(rule: "legacy-encoding", description: "Transcoded from \(le ? "UTF-32LE" : "UTF-32BE") to UTF-8", count: 1, round: round))
        case .legacy(let legacy):
            result.fileFixes.append(FileFix(rule: "legacy-encoding", description: "Transcoded from \(legacy.charset) to UTF-8", count: 1, round: round))
        }

        guard try reader.next() else {
            try out.finish()
            keep = true
            result.outputPath = out.path
            return result
        }
        if reader.isPowerShellTypeLine {
            result.fileFixes.append(FileFix(rule: "powershell-type-line", description: "Removed the PowerShell '#TYPE' line", count: 1, round: round))
            guard try reader.next() else {
                try out.finish()
                keep = true
                result.outputPath = out.path
                return result
            }
        }

        let headerCount = reader.fieldCount
        let eol = settings.lineEnding ?? (reader.terminator == .none ? .lf : reader.terminator)
        result.lineEnding = eol
        let eolBytes = eol.bytes
        let header = (0..<headerCount).map(reader.string)
        var fieldNames = [String?](repeating: nil, count: headerCount)
        var groupIndex: Int?
        if let profile = settings.profile {
            let bindings = HeaderAnalysis.bind(header: header, profile: profile).bindings
            fieldNames = bindings.map { $0?.name }
            if settings.regroup, let column = profile.groupBy {
                groupIndex = bindings.firstIndex { $0?.name == column }
            }
        }
        let regrouper = groupIndex == nil ? nil : Regrouper()

        var row: [UInt8] = []
        row.reserveCapacity(4096)
        var cell: [UInt8] = []
        cell.reserveCapacity(256)
        let d = settings.outputDelimiter

        /// Serializes the reader's current record into `row`; returns the group key cell's key.
        func render(record: Int) throws -> Key128? {
            row.removeAll(keepingCapacity: true)
            var key: Key128?
            let n = reader.fieldCount
            let repair = settings.allowUnsafe
            for i in 0..<n {
                if i > 0 { row.append(d) }
                let raw = reader.bytes(i)
                var replacement: String?
                var appliedDiagnostics: [Int32] = []
                if let candidates = plan.candidates(record: record, field: i) {
                    let resolved = plan.resolve(original: reader.string(i), candidates: candidates)
                    replacement = resolved.replacement
                    appliedDiagnostics = resolved.applied
                    result.deferredCount += resolved.deferred.count
                    if settings.collectDetails {
                        for k in resolved.deferred {
                            let diag = plan.diagnostics[Int(k)]
                            result.skipped.append(SkippedFix(rule: diag.rule, line: diag.line, record: diag.record, field: diag.field,
                                                             reason: "another fix of the same cell was applied first; left for the next round"))
                        }
                    }
                }
                let changes: CellText.Changes
                if var text = replacement {
                    changes = text.withUTF8 { CellText.normalize($0, repairInvalid: repair, into: &cell) }
                } else {
                    changes = CellText.normalize(raw, repairInvalid: repair, into: &cell)
                }
                let changed = (replacement != nil || !changes.isEmpty) && !cell.elementsEqual(raw)
                if changed || !appliedDiagnostics.isEmpty {
                    if changed { result.cellsChanged += 1 }
                    noteApplied(record: record, field: i, raw: raw, replacement: replacement,
                                changes: changes, diagnostics: appliedDiagnostics, changed: changed)
                }
                cell.withUnsafeBufferPointer { c in
                    CellText.appendCell(c, delimiter: d, forceQuotes: n == 1 && c.isEmpty, to: &row)
                    if i == groupIndex { key = Regrouper.key(c) }
                }
            }
            return key
        }

        func noteApplied(record: Int, field: Int, raw: UnsafeBufferPointer<UInt8>, replacement: String?,
                         changes: CellText.Changes, diagnostics: [Int32], changed: Bool) {
            var synthesized: [(String, String, Applicability)] = []
            if replacement == nil && changed {
                let rules = Set(diagnostics.map { plan.diagnostics[Int($0)].rule })
                if changes.contains(.trimmed) && !rules.contains("surrounding-whitespace") { synthesized.append(("surrounding-whitespace", "TXT006", .safe)) }
                if changes.contains(.composed) && !rules.contains("not-nfc") { synthesized.append(("not-nfc", "TXT003", .safe)) }
                if changes.contains(.repaired) { synthesized.append(("invalid-utf8", "ENC001", .unsafe)) }
            }
            guard changed else { return }
            result.appliedCount += diagnostics.count + synthesized.count
            for k in diagnostics { result.appliedByRule[plan.diagnostics[Int(k)].rule, default: 0] += 1 }
            for (rule, _, _) in synthesized { result.appliedByRule[rule, default: 0] += 1 }
            guard settings.collectDetails else { return }
            let before = String(decoding: raw, as: UTF8.self)
            let after = String(decoding: cell, as: UTF8.self)
            let line = reader.position(ofField: field).line
            for k in diagnostics {
                let diag = plan.diagnostics[Int(k)]
                result.applied.append(AppliedFix(rule: diag.rule, code: diag.code, applicability: diag.fix!.applicability,
                                                 line: diag.line, record: record == 0 ? nil : record, field: diag.field,
                                                 fieldIndex: field, before: before, after: after, round: round))
            }
            for (rule, code, applicability) in synthesized {
                result.applied.append(AppliedFix(rule: rule, code: code, applicability: applicability, line: line,
                                                 record: record == 0 ? nil : record, field: fieldNames.indices.contains(field) ? fieldNames[field] : nil,
                                                 fieldIndex: field, before: before, after: after, round: round))
            }
        }

        /// Notes a fatal structural problem; false when the pass must stop.
        func structural(_ reason: String) -> Bool {
            result.fatalCount += 1
            if result.fatal == nil { result.fatal = reason }
            return settings.force
        }

        func checkStructure(record: Int?) -> Bool {
            if let open = reader.unterminatedQuote {
                let at = reader.position(of: open)
                return structural("line \(at.line): a quote opened in column \(at.column) is never closed (unterminated-quote); the rest of the file would be read into one cell")
            }
            if let record, reader.fieldCount != headerCount {
                return structural("line \(reader.line): record \(record) has \(reader.fieldCount) cells but the header has \(headerCount) (ragged-row)")
            }
            if !reader.invalidUTF8.isEmpty && !settings.allowUnsafe {
                let bad = reader.invalidUTF8[0]
                return structural("line \(bad.line): bytes that are not UTF-8 (invalid-utf8); decoding them as Windows-1252 is a guess: use --unsafe-fixes, or give the file's charset with --input-encoding")
            }
            return true
        }

        // Header.
        if case .legacy(let legacy) = encoding, !legacy.transcodeIsSafe, !settings.allowUnsafe,
           !structural(legacy.refusal) { return result }
        guard checkStructure(record: nil) else { return result }
        let key0 = try render(record: 0)
        _ = key0
        try out.write(row)
        try out.write(eolBytes)
        let headerEnd = out.offset

        var record = 0
        var blank = 0
        while try reader.next() {
            if reader.isBlankLine {
                blank += 1
                continue
            }
            record += 1
            guard checkStructure(record: record) else {
                result.recordsIn = record
                return result
            }
            let key = try render(record: record)
            regrouper?.row(key: key, offset: out.offset)
            try out.write(row)
            try out.write(eolBytes)
        }
        result.recordsIn = record
        result.recordsOut = record
        if blank > 0 {
            result.fileFixes.append(FileFix(rule: "blank-line", description: "Removed \(blank) blank line\(blank == 1 ? "" : "s")", count: blank, round: round))
        }
        try out.flush()

        if let regrouper, regrouper.movedRows > 0 {
            let target = try OutputFile.temporary(in: directory, name: name)
            var keepTarget = false
            defer { if !keepTarget { AtomicFile.discard(target.path) } }
            try regrouper.assemble(from: out, headerEnd: headerEnd, end: out.offset, into: target)
            try target.finish()
            keepTarget = true
            result.outputPath = target.path
            result.fileFixes.append(FileFix(rule: "ungrouped-contact-rows",
                                            description: "Moved \(regrouper.movedRows) row\(regrouper.movedRows == 1 ? "" : "s") (\(regrouper.movedGroups) separate group\(regrouper.movedGroups == 1 ? "" : "s")) up to each person's first group",
                                            count: regrouper.movedRows, round: round))
            try out.finish()
            return result
        }
        try out.finish()
        keep = true
        result.outputPath = out.path
        return result
    }
}

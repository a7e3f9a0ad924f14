/// The file-level fixes planned for one round, gathered from the diagnostics' actions, each with the
/// rule that asked for it (for the fix report). A new file-level action is a case of `FixAction`, a field
/// here filled in `add`, and the step of `FixPass` that carries it out.
struct FileActions {
    /// The output is UTF-8 without byte-order mark whatever the input was; what that changed, if asked.
    var encoding: FileFix?
    /// Lines (of the round's input) to leave out, with how the report words them.
    var removedLines: [Int: (rule: String, wording: RemovedLineWording)] = [:]
    /// Column whose value groups rows, when rows are to be moved up to their group.
    var regroupColumn: (index: Int, rule: String)?
    var delimiter: (to: UInt8, rule: String)?
    var lineEnding: (to: LineTerminator, rule: String)?
    /// The rule that asked to drop the empty cell a trailing delimiter adds to every record.
    var dropsTrailingEmptyCell: String?

    /// Takes in the file-level action of `diagnostic`; false when it cannot apply (no cell to group by).
    @discardableResult
    mutating func add(_ action: FixAction, of diagnostic: Diagnostic) -> Bool {
        let rule = diagnostic.rule
        switch action {
        case .replaceCell, .unrecorded:
            return false
        case .removeByteOrderMark:
            encoding = FileFix(rule: rule, description: "Removed the UTF-8 byte-order mark", count: 1, round: 0)
        case .transcodeToUTF8(let from):
            encoding = FileFix(rule: rule, description: "Transcoded from \(from) to UTF-8", count: 1, round: 0)
        case .removeLine(let wording):
            removedLines[diagnostic.line] = (rule, wording)
        case .moveRowToGroup:
            guard let index = diagnostic.fieldIndex else { return false }
            regroupColumn = (index, rule)
        case .changeDelimiter(let to):
            delimiter = (to, rule)
        case .changeLineEnding(let to):
            lineEnding = (to, rule)
        case .dropTrailingEmptyCell:
            dropsTrailingEmptyCell = rule
        }
        return true
    }

    /// Whether `action` of `diagnostic` is one a fix round can carry out.
    static func canApply(_ action: FixAction, of diagnostic: Diagnostic) -> Bool {
        var probe = FileActions()
        return probe.add(action, of: diagnostic)
    }

    /// The report of the removed lines: one entry per wording, in order of first appearance.
    func removedLinesReport(removed: [Int], round: Int) -> [FileFix] {
        var order: [String] = []
        var byWording: [String: (rule: String, wording: RemovedLineWording, count: Int)] = [:]
        for line in removed {
            guard let (rule, wording) = removedLines[line] else { continue }
            if byWording[wording.one] == nil { order.append(wording.one) }
            byWording[wording.one, default: (rule, wording, 0)].count += 1
        }
        return order.map { key in
            let entry = byWording[key]!
            return FileFix(rule: entry.rule, description: entry.wording.text(count: entry.count), count: entry.count, round: round)
        }
    }
}

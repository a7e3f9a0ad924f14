extension RuleDescriptor {
    public static let ungroupedContactRows = RuleDescriptor(
        code: "ID002", name: "ungrouped-contact-rows", severity: .error, fix: .safe,
        summary: "A person's contact rows are split into separate groups",
        explanation: "In a 4me People Contact Details import, a group of rows for a Person with Integration true replaces that person's integration contact details (Integration true). A later, separate group for the same person therefore deletes the Integration-true rows imported with the earlier group: an error. Rows with Integration false are added and never removed by imports, so a split that involves no Integration-true rows on both sides loses nothing: an info. When the file has no Integration column, what 4me does is not documented: a warning. A group whose Person matches an earlier group's only in another Unicode form (accents stored as separate characters, as macOS writes them) is at most a warning, since whether 4me compares text in Unicode NFC is not documented; it has no fix of its own (not-nfc normalizes the cell, and the split is then fixed as written). The fix moves the later rows up to the person's first group, keeping every other row in place.",
        triggeringExample: "Person,Contact Protocol,Contact Label,Contact URI,Integration\nann@x.com,email,work,ann@x.com,1\nbob@x.com,email,work,bob@x.com,1\nann@x.com,telephone,mobile,+31201234567,1",
        cleanExample: "Person,Contact Protocol,Contact Label,Contact URI,Integration\nann@x.com,email,work,ann@x.com,1\nann@x.com,telephone,mobile,+31201234567,1\nbob@x.com,email,work,bob@x.com,1")
}

/// Tracks contiguous groups of the profile's `group_by` column; every row of a group that comes after
/// another person separated it from the same person's earlier rows is reported. Its severity follows the
/// profile's `group_replaces_when` column (4me's Integration): only a replacing row after replaceable
/// rows loses data.
final class UngroupedContactRowsRule: RecordRule {
    override var reports: [RuleDescriptor]? { [.ungroupedContactRows] }
    private let index: Int
    private let column: String
    /// The `group_replaces_when` column: its name, and its index when the file has it.
    private let replacesWhen: (name: String, index: Int?)?
    /// First line of the most recent closed group of each key.
    private let lastGroupLine = KeyTable()
    /// First line of the most recent closed group of each key that held a replacing (Integration true) row.
    private let lastReplacingGroupLine = KeyTable()
    private var current: Key128?
    private var currentFirstLine = 0
    private var currentReplaces = false
    private var currentSplitFrom: Int?
    private let consequence: String
    private let targetName: String
    private var currentReplacingBefore: Int?
    /// The groups of Persons that are not all ASCII, by their text in NFC (`Key128.caseInsensitiveInNFC`):
    /// a group that matches an earlier one only in another Unicode form is reported as such (`formSplit`).
    private var lastGroupInNFC: [Key128: FormGroup] = [:]
    private var lastReplacingGroupInNFC: [Key128: FormGroup] = [:]
    private var currentInNFC: Key128?
    private var currentFormFirstLine = 0
    private var currentFormPerson = ""
    private var currentFormSplit: (from: FormGroup, replacingBefore: FormGroup?)?

    /// A group's first line and its Person as written there.
    private struct FormGroup {
        let line: Int
        let person: String
    }

    init?(_ context: FileContext) {
        guard let column = context.profile?.groupBy, let index = context.index(of: column) else { return nil }
        self.index = index
        self.column = column
        let target = context.profile?.target ?? .neutral
        targetName = target.name
        consequence = target.replacesGroup.map { "with this separate group, \(target.name) \($0)" }
            ?? "keep the rows of one \(column) together"
        replacesWhen = context.profile?.groupReplacesWhen.map { ($0, context.index(of: $0)) }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.bytes(index).trimmedASCII()
        guard !value.isEmpty else { return }
        let (key, isASCII) = Key128.caseInsensitiveNotingASCII(value)
        if key != current {
            let leftReplaces = currentReplaces
            if let current {
                lastGroupLine[current] = Int32(truncatingIfNeeded: currentFirstLine)
                if currentReplaces { lastReplacingGroupLine[current] = Int32(truncatingIfNeeded: currentFirstLine) }
            }
            current = key
            currentFirstLine = reader.line
            currentReplaces = false
            currentSplitFrom = lastGroupLine[key].map(Int.init)
            currentReplacingBefore = lastReplacingGroupLine[key].map(Int.init)
            if currentInNFC != nil || !isASCII { startGroupInNFC(reader, value, isASCII: isASCII, leftReplaces: leftReplaces) }
        }
        let replaces = replacing(reader)
        if replaces != false { currentReplaces = true }
        guard let earlier = currentSplitFrom else {
            if let split = currentFormSplit { reportFormSplit(split, reader, record: record, replaces: replaces, sink: sink) }
            return
        }
        let person = Whitespace.trim(reader.string(index))
        let effect = splitEffect(replaces: replaces, afterReplacingGroup: currentReplacingBefore != nil)
        let related = effect.atReplacingGroup ? currentReplacingBefore ?? earlier : earlier
        let tidier = effect.severity == .info ? " (grouping them is tidier)" : ""
        reader.report(.ungroupedContactRows, to: sink, field: index, record: record,
                      message: "\(column) '\(person)' already has a group of rows starting on line \(related); \(effect.clause)\(tidier)",
                      fix: Fix(.safe, "Move this row up to the person's earlier group", .moveRowToGroup),
                      related: [RelatedLocation(line: related)], values: [person], severity: effect.severity)
    }

    /// What a separate, later group of one Person does to the earlier group: the clause that says so, its
    /// severity (nil: the rule's error), and whether the finding points at the earlier group that held
    /// replacing rows rather than at the latest one.
    private func splitEffect(replaces: Bool?, afterReplacingGroup: Bool) -> (clause: String, severity: Severity?, atReplacingGroup: Bool) {
        guard let when = replacesWhen else { return (consequence, nil, false) }
        switch replaces {
        case nil:
            return ("the file has no \(when.name) column, and whether this separate group deletes the rows imported with that earlier group is not documented", .warning, false)
        case true? where afterReplacingGroup:
            return ("this separate group has \(when.name) true, so \(targetName) deletes that group's \(when.name)-true rows imported just before", nil, true)
        default:
            return ("no \(when.name)-true row of this group follows \(when.name)-true rows of an earlier one, so \(targetName) adds the rows and deletes nothing", .info, false)
        }
    }

    /// Closes the NFC view of the group just left and opens the new group's: a Person not all ASCII that has
    /// no earlier group as written but has one in NFC, other than the group just left (contiguous in NFC),
    /// is a split only if the target compares text in NFC.
    private func startGroupInNFC(_ reader: CSVReader, _ value: UnsafeBufferPointer<UInt8>, isASCII: Bool, leftReplaces: Bool) {
        let left = currentInNFC
        if let left {
            let group = FormGroup(line: currentFormFirstLine, person: currentFormPerson)
            lastGroupInNFC[left] = group
            if leftReplaces { lastReplacingGroupInNFC[left] = group }
        }
        currentFormSplit = nil
        guard !isASCII else {
            currentInNFC = nil
            return
        }
        let key = Key128.caseInsensitiveInNFC(value)
        currentInNFC = key
        currentFormFirstLine = reader.line
        currentFormPerson = Whitespace.trim(reader.string(index))
        if currentSplitFrom == nil, key != left, let earlier = lastGroupInNFC[key] {
            currentFormSplit = (earlier, lastReplacingGroupInNFC[key])
        }
    }

    /// A row of a group whose Person matches an earlier group's only in another Unicode form: worded as a
    /// split under NFC would be, at most a warning, since whether the target compares text in NFC is not
    /// documented. No fix: `not-nfc` normalizes the cell (safe), and the split then shows as written.
    private func reportFormSplit(_ split: (from: FormGroup, replacingBefore: FormGroup?), _ reader: CSVReader, record: Int,
                                 replaces: Bool?, sink: DiagnosticSink) {
        let person = Whitespace.trim(reader.string(index))
        let effect = splitEffect(replaces: replaces, afterReplacingGroup: split.replacingBefore != nil)
        let earlier = effect.atReplacingGroup ? split.replacingBefore ?? split.from : split.from
        // The rule's undocumented case follows another undocumented point here.
        let either = effect.severity == .warning ? " either" : ""
        let message = "\(column) '\(person)' is line \(earlier.line)'s '\(earlier.person)' \(UnicodeFormWording.otherForm), in a separate group; \(UnicodeFormWording.nfcUndocumented(targetName)): if it does, \(effect.clause)\(either)"
        reader.report(.ungroupedContactRows, to: sink, field: index, record: record, message: message, fix: nil,
                      related: [RelatedLocation(line: earlier.line)], values: [person], severity: effect.severity == .info ? .info : .warning)
    }

    /// Whether the row replaces the person's earlier rows: nil when the file has no such column.
    private func replacing(_ reader: CSVReader) -> Bool? {
        guard let replacesWhen else { return true }
        guard let column = replacesWhen.index else { return nil }
        return BooleanRule.isTrue(reader.bytes(column).trimmedASCII())
    }
}

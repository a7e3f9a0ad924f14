/// Collects one file's diagnostics, dropping those of rules that are not selected and applying severity
/// overrides. Diagnostics arrive placed, as plain values (rules place them from the reader, see
/// `CSVReader.report`); the sink reads nothing itself.
public final class DiagnosticSink {
    public let selection: RuleSelection
    /// The findings kept so far (without `--max-findings`).
    private let kept = FindingList()
    /// The findings kept so far, in the order they were kept.
    public var diagnostics: [Diagnostic] { kept.copyAll() }
    /// Per rule code met so far, and at the same index whether it is selected and its configured severity.
    /// A short list searched in order (codes are small strings, compared as two words) instead of a
    /// dictionary, which hashed the code two or three times for every finding; the codes are kept apart so
    /// that the search copies nothing else (a tuple holding the `RuleDescriptor` copied a dozen strings).
    @exclusivity(unchecked) private var ruleCodes: [String] = []
    /// `quotesCell`: the rule's findings quote the cell they are on, which may be a SQL NULL (`SQLNull`).
    @exclusivity(unchecked) private var ruleStates: [(enabled: Bool, severity: Severity?, quotesCell: Bool)] = []
    /// A '\N' cell was reported (placeholder-value, or missing-value in a required column), kept or carried:
    /// the file is a MySQL or PostgreSQL text export, which `BackslashEscapeRule` reads again for its other
    /// escapes. Known from the findings, so that no record is screened for it.
    @exclusivity(unchecked) private(set) var sawSQLNull = false
    /// A 'NULL' cell was reported the same way: the NULL of mysql's batch output, which `BackslashEscapeRule`
    /// then asks whether the file is such output.
    @exclusivity(unchecked) private(set) var sawNullText = false
    /// What `BackslashEscapeRule` found the file to be, for `fix`'s lints of its output (`LintResult.sqlTextExport`).
    var sqlTextExport: SQLTextExport?
    /// A '\N' cell was met where no finding quotes it (`BackslashEscapeRule`, in a column the profile
    /// does not know or with placeholder-value deselected).
    func noteSQLNull() { sawSQLNull = true }
    func noteNullText() { sawNullText = true }

    @inline(__always)
    private func noteQuotedNulls(_ diagnostic: Diagnostic) {
        if !sawSQLNull { sawSQLNull = SQLNull.isQuoted(by: diagnostic) }
        if !sawNullText { sawNullText = SQLNull.quotesText(diagnostic) }
    }
    /// Accepted findings (`--suppressions`), dropped before they are kept or counted. This and the next two
    /// are read for every finding and not checked for exclusive access (a call each time): a sink is one
    /// thread's, and nothing it calls while one is being accessed reaches back into it.
    @exclusivity(unchecked) var isSuppressed: ((Diagnostic) -> Bool)?
    /// `--max-findings`: the findings kept instead of `diagnostics`.
    @exclusivity(unchecked) private var bounded: BoundedFindings?
    /// Findings accepted so far (selected, not suppressed): the sequence number the next one gets.
    @exclusivity(unchecked) private(set) var accepted = 0

    public init(selection: RuleSelection, maxFindings: Int? = nil) {
        self.selection = selection
        bounded = maxFindings.map(BoundedFindings.init)
    }

    /// Findings counted but not kept (`--max-findings`).
    var omitted: FindingTally { bounded?.omitted ?? FindingTally() }

    public func isEnabled(_ rule: RuleDescriptor) -> Bool {
        ruleState(rule.code).enabled
    }

    @inline(__always)
    private func ruleState(_ code: String) -> (enabled: Bool, severity: Severity?, quotesCell: Bool) {
        for i in ruleCodes.indices where ruleCodes[i] == code { return ruleStates[i] }
        let rule = RuleCatalog.byCode[code]
        let state = (enabled: rule.map(selection.isEnabled) ?? false, severity: rule.flatMap(selection.overriddenSeverity(of:)),
                     quotesCell: SQLNull.mayBeQuoted(byCode: code))
        ruleCodes.append(code)
        ruleStates.append(state)
        return state
    }

    /// Keeps `diagnostic` if its rule is selected and it is not suppressed, with its severity overridden
    /// as configured.
    public func emit(_ diagnostic: Diagnostic) {
        keep(diagnostic)
    }

    /// `emit`, returning the content kept, which `readmit` can take again for an equal finding elsewhere.
    @discardableResult
    func keep(_ diagnostic: Diagnostic) -> Diagnostic.Content? {
        let state = ruleState(diagnostic.code)
        guard state.enabled else { return nil }
        if state.quotesCell && !(sawSQLNull && sawNullText) { noteQuotedNulls(diagnostic) }
        var d = diagnostic
        if let overridden = state.severity { d.severity = overridden }
        if d.values.contains(where: LongValueQuote.isLong) { d = LongValueQuote.shortening(d) }
        if let isSuppressed, isSuppressed(d) { return nil }
        accepted += 1
        if bounded != nil {
            bounded!.insert(d)
            return d.content
        }
        let kept = shared(d)
        self.kept.append(kept)
        return kept.content
    }

    /// Keeps a finding this sink, or another with this selection, accepted already (the later part of a
    /// split file, `LaterPart`; a value repeated down a column, `RecentFindings`): its rule is selected and
    /// its severity overridden; only suppressions are left to apply. It keeps its content as it is: sharing
    /// it again would cost more than the memory it saves.
    func readmit(_ diagnostic: Diagnostic) {
        if !(sawSQLNull && sawNullText) && SQLNull.mayBeQuoted(byCode: diagnostic.code) { noteQuotedNulls(diagnostic) }
        if let isSuppressed, isSuppressed(diagnostic) { return }
        accepted += 1
        if bounded != nil { bounded!.insert(diagnostic) } else { kept.append(diagnostic) }
    }

    /// `readmit` of a finding given as its parts (a carried one, `CarryTurns`), with no `Diagnostic` made of
    /// it when nothing reads one: no suppressions, no `--max-findings`, and `quotesCell` false (the caller
    /// asked `SQLNull.mayBeQuoted` of its code once for each content) or both NULLs already seen.
    @inline(__always)
    func readmit(_ content: Diagnostic.Content, at position: Diagnostic.Position, quotesCell: Bool) {
        guard isSuppressed == nil, bounded == nil, !quotesCell || (sawSQLNull && sawNullText) else {
            return readmit(Diagnostic(content: content, position: position))
        }
        accepted &+= 1
        kept.append(content, at: position)
    }

    /// `readmit` for a run of a split file's later part (`LaterPart`), each finding's record moved on by
    /// `recordsBefore` and its line by `linesBefore`; `sequence` gets each one's sequence number (`accepted` before it), nil for one
    /// suppressed. Without suppressions or `--max-findings` a finding goes to the list as its parts, with
    /// no `Diagnostic` copied and renumbered for it: the replay runs on one core once both parts are read,
    /// and that copy was half of its instructions. The '\N' cells the run's findings quote are not looked
    /// for: the later part's sink noted them as it kept the findings (`noteSQLNull`, from `LaterPart`);
    /// comparing every finding's code for it was a third of the replay.
    /// The run's findings are consumed: each moved out, or its content's reference taken over by the list.
    func readmit(consuming run: UnsafeMutableBufferPointer<Diagnostic>, recordsBefore: Int, linesBefore: Int,
                 sequence: UnsafeMutableBufferPointer<Int?>) {
        guard let base = run.baseAddress else { return }
        let asParts = isSuppressed == nil && bounded == nil
        for i in run.indices {
            let finding = base + i
            let content = Diagnostic.unretainedContent(finding)
            guard asParts, content._withUnsafeGuaranteedRef({ $0.widePosition == nil }) else {
                var d = finding.move()
                if let record = d.record { d.record = record + recordsBefore }
                d.line += linesBefore
                let before = accepted
                readmit(d)
                sequence[i] = accepted > before ? before : nil
                continue
            }
            var position = finding.pointee.position
            if let record = position.record { position.record = record &+ recordsBefore }
            position.line &+= linesBefore
            sequence[i] = accepted
            accepted &+= 1
            kept.append(taking: content, at: position)
        }
    }

    /// `readmit` for each of `contents` at one position (a cell's findings met again down a column, see
    /// `ValueRulesRule`), without making a finding of each when nothing is left to apply: this runs for
    /// most findings of a large file.
    func readmit(_ contents: [Diagnostic.Content], at position: Diagnostic.Position) {
        guard isSuppressed == nil, bounded == nil else {
            for content in contents { readmit(Diagnostic(content: content, position: position)) }
            return
        }
        accepted &+= contents.count
        contents.withUnsafeBufferPointer { for content in $0 { kept.append(content, at: position) } }
    }

    /// `readmit(_:at:)` for contents the caller holds a reference to each of (`ValueRulesRule`'s cells with
    /// findings): the list takes a reference of its own, with no array retained and released to reach them.
    func readmit(_ contents: UnsafeBufferPointer<Unmanaged<Diagnostic.Content>>, at position: Diagnostic.Position) {
        guard isSuppressed == nil, bounded == nil else {
            for content in contents { readmit(Diagnostic(content: content.takeUnretainedValue(), position: position)) }
            return
        }
        accepted &+= contents.count
        for content in contents { kept.append(taking: content.retain(), at: position) }
    }

    /// Findings with equal content (rule, field, message, fix, values), as one value repeated down a column
    /// gives, share one copy of it. Gives up, like the verdict cache, when most contents are distinct.
    private var contents = Set<Diagnostic.Content>()
    private var contentLookups = 0
    private var contentMisses = 0
    private var sharingContents = true

    private func shared(_ d: Diagnostic) -> Diagnostic {
        guard sharingContents else { return d }
        contentLookups += 1
        let (inserted, member) = contents.insert(d.content)
        guard inserted else { return d.sharing(member) }
        contentMisses += 1
        if contentLookups >= 4096 && contentMisses * 2 > contentLookups {
            sharingContents = false
            contents = []
        }
        return d
    }

    /// A file-level finding: line 1 (or the given line), record null.
    public func file(_ rule: RuleDescriptor, line: Int = 1, column: Int = 1, field: String? = nil, message: String,
                     fix: Fix? = nil, related: [RelatedLocation] = [], values: [String] = [], fieldIndex: Int? = nil,
                     severity: Severity? = nil) {
        guard isEnabled(rule) else { return }
        emit(Diagnostic(rule: rule, severity: severity, line: line, column: column, record: nil, field: field, message: message,
                        related: related, fix: fix, fieldIndex: fieldIndex, values: values))
    }

    /// Rewrites (or, returning nil, withdraws) findings kept earlier, by their sequence number (`accepted`
    /// before they were emitted): a finding reported in place during the pass that a check at the end of
    /// the file corrects. A revision keeps the finding's position. Under `--max-findings`, a finding
    /// already let go stays counted.
    func revise(_ revisions: [Int: (Diagnostic) -> Diagnostic?]) {
        guard !revisions.isEmpty else { return }
        // A reworded finding quotes its values anew.
        let revisions = revisions.mapValues { revise in { (d: Diagnostic) in revise(d).map(LongValueQuote.quoted) } }
        if bounded != nil { bounded!.revise(revisions); return }
        // Most revisions reword a finding in place; a withdrawal rebuilds the list.
        if kept.reviseInPlace(at: revisions.keys.sorted(), { index, diagnostic in revisions[index]!(diagnostic) }) { return }
        kept.revise { index, diagnostic in revisions[index].map { $0(diagnostic) } ?? diagnostic }
    }

    /// Hands over the kept diagnostics in the order they were kept (as `diagnostics` lists them) and
    /// empties the sink.
    func takeInOrder() -> FindingList.Owned { kept.takeOwned() }

    /// Hands over the diagnostics in reading order (rules that report at the end of the file merged into
    /// place; at one position, in the order they were reported) and empties the sink. Sorted in place:
    /// a file with millions of findings would otherwise hold two more copies of them. `threads`: how many
    /// may read them out (`FindingList.takeAll`).
    func takeSorted(threads: Int = 1) -> [Diagnostic] {
        if bounded != nil { return bounded!.takeSorted() }
        return kept.takeSorted(threads: threads)
    }
}

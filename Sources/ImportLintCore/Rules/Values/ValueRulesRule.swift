/// Runs the value validators on every bound column that has a kind, allowed values or a length limit,
/// and the text-hygiene checks on every cell. Verdicts are cached per column and distinct value, so ICU
/// and libphonenumber are called once per value, not once per cell; a column whose values are nearly all
/// distinct (emails) stops caching, since the table would only cost memory.
final class ValueRulesRule: RecordRule {
    /// Its caches only spare work: a verdict is the same computed or recalled.
    override var splitting: Splitting { .stateless }
    override var judgesRecordAlone: Bool { true }
    /// Only trivially copyable fields, so that reading a plan in the per-cell loop retains nothing, and as
    /// few as possible: the loop copies a plan for every cell of the file.
    private struct Plan {
        let index: Int
        /// A value is validated when it has more bytes than this: -1 for every value; a plain text column's
        /// length limit when that is its only constraint (a value with no more bytes than the limit has no
        /// more characters either); `Int.max` when the column has nothing to validate or validation is off.
        let validateAbove: Int
        /// The column's length limit, `Int.max` without one.
        let maxLength: Int
        /// The column whose value decides this one's kind or allowed values.
        let discriminator: Int?
        /// The column whose values (`unchecked_when`) exempt this cell from validation.
        let exemptBy: Int?
        let kind: ValueKind
        /// A lone '-' is a placeholder here (`Placeholder.takesLoneDash`).
        let loneDash: Bool
        /// The kind has a byte-level accept (`ValueValidation.quickAccept`).
        let quickAccepts: Bool
        /// Placeholders and Excel's scientific notation are looked for (when those rules are selected).
        let placeholders: Bool
        let scientific: Bool
        /// A placeholder here is missing-value's finding (the column requires a value).
        let placeholderIsMissing: Bool
        /// Per first byte of a cell: `formulaStart` and `screenStart` bits (a row of `firstByteMarks`).
        let firstBytes: UnsafePointer<UInt8>
        /// Per first byte of a cell: the most bytes a cell starting with it can have and be settled by the
        /// two (a row of `settledLengths`): 0 for a marked byte, else `validateAbove`, at most 65,535 (a
        /// longer cell goes the way of the cells that are not settled, whose checks reach the same verdict).
        let settledLength: UnsafePointer<UInt16>
        /// A cell's findings here depend on its bytes alone (no other cell decides its kind or exempts it),
        /// and its values repeat (no byte-level accept, which is for distinct values): `cleanCells` and
        /// `findingCells` apply.
        let remembersCells: Bool
        /// The cell's bit in `FilledCells`, to be set when an unmarked first byte (placeholders are screened,
        /// so spaces, tabs and placeholders' first bytes are marked) or `FilledCell` shows it filled; else 0.
        let filledBit: UInt64
    }

    /// The byte can start a formula (=, +, -, @, TAB, CR), when the text-hygiene checks are selected.
    static let formulaStart: UInt8 = 1
    /// The byte can start a screened value in this column: a placeholder or scientific notation (when
    /// selected and applicable to the column's kind), or whitespace before one.
    static let screenStart: UInt8 = 2
    /// Passed to `judge` with the marks: the loop asked `TextHygiene.isPlainLatinText` of the cell (its
    /// answer is `plain`), or the byte-level accept refused the cell as it is, which has nothing to trim.
    private static let latinAsked: UInt8 = 4
    private static let acceptRefused: UInt8 = 8
    /// The byte can start a .NET type name or an object's rendering (`PowerShellTypeName.mayBeCell`), in a
    /// column whose cells are not all validated (free text, or text with only a length limit): such a cell
    /// is settled only once it is not one.
    static let typeNameStart: UInt8 = 16

    /// Per-column state in raw buffers owned by the rule: reading an Array stored in a class retains and
    /// releases its storage, and this loop runs for every cell of the file.
    private let plans: UnsafeMutableBufferPointer<Plan>
    /// The last plan's cell index (-1 without plans): a record with more cells has a cell for every plan.
    private let lastPlanIndex: Int
    /// 256 marks per plan, chosen once per column so that most cells are settled by their first byte.
    private let firstByteMarks: UnsafeMutablePointer<UInt8>
    /// 256 lengths per plan (`Plan.settledLength`): one look-up and one comparison settle most cells.
    private let settledLengths: UnsafeMutablePointer<UInt16>
    private let caches: UnsafeMutableBufferPointer<VerdictCache>
    private let hygieneCaches: UnsafeMutableBufferPointer<VerdictCache>
    /// Per plan: the domains its email column accepted lately (unused in other columns).
    private let acceptedDomains: UnsafeMutableBufferPointer<RecentByteStrings>
    /// Per plan: recent cells that reported nothing, exactly as written. A cell's verdict is a function of
    /// its bytes (validation of the trimmed value, the text-hygiene checks of the cell), so a repeat of one
    /// is settled before screening, trimming and the verdict cache.
    private let cleanCells: UnsafeMutableBufferPointer<RecentByteStrings>
    /// Per plan, a bit per cell of one or two bytes (`shortCellBit`): the cell is clean. Kept instead of
    /// `cleanCells` for such cells, so that a flag or code column ('1', 'de', 'NL') is settled by one read
    /// where the memo hashed each cell; never forgets, as its bits hold every such cell.
    private let cleanShortCells: UnsafeMutablePointer<UInt64>
    /// Bytes mapped for `cleanShortCells` (0: from malloc; see `LayerMemory`).
    private let cleanShortCellsMapped: Int
    private static let shortCellWords = (0x10000 + 0x100) / 64
    /// Per plan: recent cells that reported findings, exactly as written, and per slot the contents
    /// `contentsSink` kept for them, in order: a repeat of one (a million rows with locale 'en-GB' make
    /// 230,000 in a people export) hands the sink those contents again, before screening, validation and
    /// building findings. Looked up out of line (`readmitsKnownFindings`) for a cell the clean ones missed.
    private let findingCells: UnsafeMutableBufferPointer<RecentByteStrings>
    /// The contents of each slot of `findingCells`, each holding a reference of its own: handed to the sink
    /// again, each is retained once, with no array retained and released around it (`setContents`).
    private let cellContents: UnsafeMutablePointer<UnsafeMutableBufferPointer<Unmanaged<Diagnostic.Content>>>
    /// Per plan: look-ups in `findingCells` so far, and how many found the cell. A column whose cells with
    /// findings seldom repeat (distinct bad numbers) stops looking: the look-up would cost more than it spares.
    private let findingLookups: UnsafeMutablePointer<(lookups: Int, found: Int)>
    /// Per plan: `findingCells` holds a cell, so that a column without findings is not looked up in it.
    private let holdsFindings: UnsafeMutablePointer<Bool>
    /// Per plan: the cells `judge` settled by their first byte and length and remembered in `cleanCells`,
    /// -1 once it stopped remembering them (`remembersSettled`).
    private let settledRemembered: UnsafeMutablePointer<Int>
    /// The cells of the current record found filled, for missing-value, which sees the record after this rule.
    let filledCells = FilledCells()
    /// The sink the contents in `cellContents` were kept by; another sink's findings start afresh.
    @exclusivity(unchecked) private var contentsSink: ObjectIdentifier?
    /// The columns' specs, for the validation context of a cell whose kind depends on another cell.
    private let specs: [ColumnSpec]
    /// A validation context held by an object, so that validating a value borrows it: a context read out
    /// of an array was copied, each of its fields retained and released (about 900 instructions, a tenth
    /// of a Receptionist file's, whose values are mostly distinct).
    private final class KeptContext {
        let context: ValueContext
        init(_ context: ValueContext) { self.context = context }
    }
    /// Each plan's validation context when it does not depend on another cell of the row.
    private let fixedContexts: [KeptContext]
    /// Per column whose kind or allowed values depend on another cell: the contexts made so far, by that
    /// cell's bytes ('telephone', 'email'). A handful each, so a short list compared bytewise; a contacts
    /// file would otherwise build one per Contact URI cell.
    private var dependentContexts: [[(discriminator: [UInt8], context: KeptContext)]]
    /// Caches of cells outside the profile's columns, by cell index; mutated in place in the dictionary
    /// (a copy taken out would make every store copy the cache's arrays).
    private var unboundHygiene: [Int: VerdictCache] = [:]
    /// The current record's service-account findings (a service account's row matches in several cells,
    /// names and address): reported once, after its cells. Held here so that a record without one
    /// makes and releases no array.
    @exclusivity(unchecked) private var serviceAccountCells: [(plan: Int, finding: ValueFinding)] = []
    /// The contents kept for the last cells with findings, taken again when a cell repeats one of them.
    @exclusivity(unchecked) private var recentFindings = RecentFindings()
    private let base: ValueContext
    /// The code page the file was decoded from, when not Unicode: a U+FFFD in a cell is then a byte the
    /// decoding could not map, not a letter lost before the file was written.
    private let legacyReading: LegacyEncoding?
    private let directory: DirectorySettings
    private let validation: Bool
    private let hygiene: Bool

    init(_ context: FileContext) {
        let profile = context.profile
        // Tags the user's account offers (`locales:` in .importlint.yml) extend the documented list.
        let locales = LocaleRule.table((try? profile?.locales.map(ProfileLoader.tableLines)) ?? nil ?? [])
            .adding(context.options.extraLocales)
        let zoneLines: [String] = (try? profile?.timeZones.map(ProfileLoader.tableLines)) ?? nil ?? []
        let zoneRows = TimeZoneRule.rows(zoneLines)
        let zones = Set(zoneRows.map { String($0[0]) })
        var base = ValueContext(column: ColumnSpec(name: ""), kind: .text, allowed: nil,
                                defaultRegion: context.options.defaultRegion ?? profile?.defaultRegion,
                                profileName: profile?.name ?? "", locales: locales, timeZoneNames: zones,
                                directory: DirectorySettings(options: context.options))
        base.target = profile?.target ?? .neutral
        base.emptyCellsOverwrite = profile?.emptyCellsOverwrite ?? false
        base.newestTimeZoneNames = TimeZoneRule.newestNames(zoneRows)
        base.knownNames = context.options.knownOrganizations.map { Set($0.map { $0.lowercased() }) }
        base.checksPhones = context.options.selection.isEnabled(.invalidPhone) || context.options.selection.isEnabled(.phoneMissingPlus)
        self.base = base
        if case .legacy(let legacy) = context.encoding { legacyReading = legacy } else { legacyReading = nil }
        directory = base.directory
        let bound = context.valueBindings.enumerated().compactMap { index, spec in spec.map { (index, $0) } }
        let selection = context.options.selection
        let validation = RuleCatalog.all.contains { rule in
            Self.validates(rule) && rule != .missingValue && selection.isEnabled(rule)
        }
        let missingValueReports = selection.isEnabled(.missingValue)
        let placeholders = selection.isEnabled(.placeholderValue)
        let scientific = selection.isEnabled(.scientificNotation)
        let hygiene = Self.hygieneRules.contains { selection.isEnabled($0) }
        let typeNames = validation && selection.isEnabled(.powershellTypeName)
        let marksTable = UnsafeMutablePointer<UInt8>.allocate(capacity: 256 * bound.count)
        firstByteMarks = marksTable
        let lengthsTable = UnsafeMutablePointer<UInt16>.allocate(capacity: 256 * bound.count)
        settledLengths = lengthsTable
        let keyColumns = profile?.matchingKeyColumns ?? []
        let planList = bound.enumerated().map { p, bound in
            let (index, spec) = bound
            let dependsOn = spec.kindBy?.column ?? spec.allowedBy?.column
            // A postal code's own check needs its row's country (dropped-leading-zero): here it is text.
            let textual = spec.kind == .text || spec.kind == .postalCode
            let validates = validation && (!textual || spec.maxLength != nil || spec.allowed != nil || dependsOn != nil)
            let lengthOnly = textual && spec.allowed == nil && dependsOn == nil ? spec.maxLength : nil
            let screensPlaceholders = placeholders || (missingValueReports && spec.valueRequired)
            let screensScientific = scientific && ScientificNotation.applies(to: spec.kind)
            let marks = marksTable + 256 * p, lengths = lengthsTable + 256 * p
            let validateAbove = validates ? lengthOnly ?? -1 : Int.max
            // A column validating every value asks each whether it is a type name; the others are marked.
            Self.markFirstBytes(marks, hygiene: hygiene, placeholders: screensPlaceholders, scientific: screensScientific,
                                typeNames: typeNames && validateAbove >= 0)
            for b in 0..<256 { lengths[b] = marks[b] != 0 ? 0 : UInt16(min(max(validateAbove, 0), Int(UInt16.max))) }
            return Plan(index: index, validateAbove: validateAbove, maxLength: spec.maxLength ?? Int.max,
                        discriminator: dependsOn.flatMap(context.index(of:)),
                        exemptBy: spec.uncheckedWhen.flatMap { context.index(of: $0.column) }, kind: spec.kind,
                        loneDash: Placeholder.takesLoneDash(kind: spec.kind, column: spec, key: keyColumns.contains(spec.name)),
                        quickAccepts: ValueValidation.hasQuickAccept(spec.kind),
                        placeholders: screensPlaceholders, scientific: screensScientific,
                        placeholderIsMissing: spec.valueRequired && missingValueReports, firstBytes: UnsafePointer(marks),
                        settledLength: UnsafePointer(lengths),
                        remembersCells: dependsOn == nil && spec.uncheckedWhen == nil && !ValueValidation.hasQuickAccept(spec.kind),
                        filledBit: screensPlaceholders ? FilledCells.bit(index) : 0)
        }
        specs = bound.map(\.1)
        lastPlanIndex = planList.last?.index ?? -1
        plans = .allocate(capacity: planList.count)
        _ = plans.initialize(from: planList)
        // One cache each: a VerdictCache owns raw buffers, which `initialize(repeating:)` would share.
        caches = .allocate(capacity: planList.count)
        _ = caches.initialize(from: planList.map { _ in VerdictCache() })
        hygieneCaches = .allocate(capacity: planList.count)
        _ = hygieneCaches.initialize(from: planList.map { _ in VerdictCache() })
        acceptedDomains = .allocate(capacity: planList.count)
        _ = acceptedDomains.initialize(from: planList.map { _ in RecentByteStrings() })
        cleanCells = .allocate(capacity: planList.count)
        _ = cleanCells.initialize(from: planList.map { _ in RecentByteStrings() })
        let shortCellBits = LayerMemory.allocate(Self.shortCellWords * planList.count * MemoryLayout<UInt64>.stride)
        cleanShortCells = shortCellBits.0.bindMemory(to: UInt64.self, capacity: Self.shortCellWords * planList.count)
        cleanShortCellsMapped = shortCellBits.mapped
        findingCells = .allocate(capacity: planList.count)
        _ = findingCells.initialize(from: planList.map { _ in RecentByteStrings() })
        cellContents = .allocate(capacity: planList.count * RecentByteStrings.slotCount)
        cellContents.initialize(repeating: UnsafeMutableBufferPointer(start: nil, count: 0),
                                count: planList.count * RecentByteStrings.slotCount)
        findingLookups = .allocate(capacity: planList.count)
        findingLookups.initialize(repeating: (0, 0), count: planList.count)
        holdsFindings = .allocate(capacity: planList.count)
        holdsFindings.initialize(repeating: false, count: planList.count)
        settledRemembered = .allocate(capacity: planList.count)
        settledRemembered.initialize(repeating: 0, count: planList.count)
        fixedContexts = specs.map { [base] spec in
            var c = base
            c.column = spec
            c.kind = spec.kind
            c.allowed = spec.allowed
            let keys = profile?.identifiers ?? []
            if let k = keys.firstIndex(where: { $0.columns.contains(spec.name) }) {
                c.matchingKey = keys[k].columns
                c.nextMatchingKey = k + 1 < keys.count ? keys[k + 1].columns : []
            }
            return KeptContext(c)
        }
        dependentContexts = specs.map { _ in [] }
        self.validation = validation
        self.hygiene = hygiene
    }

    /// The marks of one column: a superset of the first bytes `TextHygiene.startsLikeFormula` and
    /// `ValueValidation.isScreened` (after trimming spaces and tabs) accept, so that a cell whose first byte
    /// has no mark needs neither test.
    static func markFirstBytes(_ marks: UnsafeMutablePointer<UInt8>, hygiene: Bool, placeholders: Bool, scientific: Bool, typeNames: Bool = false) {
        marks.initialize(repeating: 0, count: 256)
        if hygiene {
            for b in 0...255 where [UInt8(b)].withUnsafeBufferPointer(TextHygiene.startsLikeFormula) { marks[b] |= formulaStart }
        }
        var screens: [UInt8] = []
        if placeholders { screens += ValueValidation.placeholderStarts }
        if scientific { screens += ValueValidation.scientificStarts }
        if !screens.isEmpty { screens += ValueValidation.screenPadding }
        for b in screens { marks[Int(b)] |= screenStart }
        if typeNames { for b in PowerShellTypeName.cellStarts { marks[Int(b)] |= typeNameStart } }
    }

    deinit {
        plans.deallocate()
        firstByteMarks.deallocate()
        settledLengths.deallocate()
        for cache in caches { cache.deallocate() }
        for cache in hygieneCaches { cache.deallocate() }
        for cache in unboundHygiene.values { cache.deallocate() }
        _ = caches.deinitialize()
        caches.deallocate()
        _ = hygieneCaches.deinitialize()
        hygieneCaches.deallocate()
        for memo in acceptedDomains { memo.deallocate() }
        _ = acceptedDomains.deinitialize()
        acceptedDomains.deallocate()
        for memo in cleanCells { memo.deallocate() }
        _ = cleanCells.deinitialize()
        cleanCells.deallocate()
        LayerMemory.deallocate(cleanShortCells, mapped: cleanShortCellsMapped)
        for memo in findingCells { memo.deallocate() }
        _ = findingCells.deinitialize()
        findingCells.deallocate()
        for i in 0..<plans.count * RecentByteStrings.slotCount { releaseContents(i) }
        cellContents.deallocate()
        findingLookups.deallocate()
        holdsFindings.deallocate()
        settledRemembered.deallocate()
    }

    /// True when some value or text-hygiene rule is selected; otherwise the rule is not run at all.
    var isUseful: Bool { validation || hygiene }

    override var reports: [RuleDescriptor]? {
        (validation ? RuleCatalog.all.filter(Self.validates) : []) + (hygiene ? Self.hygieneRules : [])
    }

    /// The rules whose findings cell validation makes: the families' rules but integer-as-float, which judges
    /// whole columns in a rule of its own (selected alone, it needs no validation).
    private static func validates(_ rule: RuleDescriptor) -> Bool {
        ["VAL", "DIR", "XLS"].contains { rule.code.hasPrefix($0) } && rule != .integerAsFloat
    }
    private static let hygieneRules: [RuleDescriptor] = [.mojibake, .lossyReplacement, .notNFC, .confusableCharacters, .invisibleCharacter, .formulaInjection, .zawgyiText, .surroundingWhitespace]

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        // Bytes that are not UTF-8 are invalid-utf8's finding; judging their U+FFFD stand-ins would report
        // the same damage twice.
        let mayHoldInvalidBytes = !reader.invalidUTF8.isEmpty
        // A '?' may be a letter the file lost: then every cell is one for the text-hygiene checks to scan.
        let hasQuestionMark = hygiene && reader.rawRecordContainsQuestionMark()
        let scanCells = hygiene && (reader.firstNonASCIIOffset != .max || hasQuestionMark)
        // A plain cell (ASCII, no '?' in the record) can interest the text-hygiene checks only by its first
        // byte (formula characters), and cannot hold bytes that are not UTF-8.
        let plainIfASCII = !hasQuestionMark
        let plainIfNot = !hygiene && !mayHoldInvalidBytes
        // Every cell is plain: an ASCII record without '?' (most records of most files). The loop is made
        // twice, for such records and for the others, so that the first needs none of the others' state.
        let filled = if plainIfASCII && reader.firstNonASCIIOffset == .max {
            checkCells(allPlain: true, .wholeRecord, plainIfASCII: true, plainIfNot: plainIfNot,
                       mayHoldInvalidBytes: mayHoldInvalidBytes, reader: reader, record: record, sink: sink)
        } else {
            checkMixedCells(plainIfASCII: plainIfASCII, plainIfNot: plainIfNot, mayHoldInvalidBytes: mayHoldInvalidBytes,
                            reader: reader, record: record, sink: sink)
        }
        filledCells.note(filled, record: record)
        if !serviceAccountCells.isEmpty { reportServiceAccount(reader: reader, record: record, sink: sink) }
        guard hygiene, reader.fieldCount > plans.count else { return }
        checkUnboundCells(scanCells: scanCells, mayHoldInvalidBytes: mayHoldInvalidBytes, reader: reader, record: record, sink: sink)
    }

    /// The record's one service-account finding, from its cells that `judge` found. Out of line, with
    /// `checkUnboundCells`.
    @inline(never)
    private func reportServiceAccount(reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let (p, finding) = ServiceAccounts.recordFinding(serviceAccountCells.map { ($0.finding, specs[$0.plan]) })
        emit([finding], reader: reader, index: plans[serviceAccountCells[p].plan].index, record: record, sink: sink)
        serviceAccountCells.removeAll(keepingCapacity: true)
    }

    /// Cells of unknown columns (and past the header) still get the text-hygiene checks. Out of line, as
    /// the rare part of `check`: inlined, it and `reportServiceAccount` left `check` too large for the
    /// compiler to inline both of its loops over the cells (the call cost a record about 80 instructions).
    @inline(never)
    private func checkUnboundCells(scanCells: Bool, mayHoldInvalidBytes: Bool, reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for index in 0..<reader.fieldCount where !plans.contains(where: { $0.index == index }) {
            let raw = reader.bytes(index)
            guard !raw.isEmpty, scanCells ? TextHygiene.needsCheck(raw) : TextHygiene.startsLikeFormula(raw),
                  !TextHygiene.isPlainLatinText(raw), !FormulaInjection.isPlainPhoneNumber(raw),
                  !(mayHoldInvalidBytes && !raw.isValidUTF8) else { continue }
            let findings: [ValueFinding]?
            switch unboundHygiene[index, default: VerdictCache()].recall(raw, qualifier: nil) {
            case .known(let known): findings = known
            case .unknown(let entry):
                let found = TextHygiene.check(String(decoding: raw, as: UTF8.self), kind: .text, decodedFrom: legacyReading)
                findings = unboundHygiene[index, default: VerdictCache()].remember(found, entry: entry)
            }
            if let findings { emit(findings, reader: reader, index: index, record: record, sink: sink) }
        }
    }

    /// `checkCells` for a record whose cells are not all plain. Out of line, so that the loop for the others
    /// is inlined into `check`: inlined too, it left `check` too large for the compiler to inline both, and
    /// it kept the loop for the common records out of line (about 60 instructions a record).
    @inline(never)
    private func checkMixedCells(plainIfASCII: Bool, plainIfNot: Bool, mayHoldInvalidBytes: Bool, reader: CSVReader, record: Int,
                                 sink: DiagnosticSink) -> UInt64 {
        checkCells(allPlain: false, RecordASCIISpans(reader), plainIfASCII: plainIfASCII, plainIfNot: plainIfNot,
                   mayHoldInvalidBytes: mayHoldInvalidBytes, reader: reader, record: record, sink: sink)
    }

    /// The loop over the record's cells, inlined into `check` for records whose cells are all plain
    /// (`allPlain`, then a constant) and into `checkMixedCells` for the others. Returns the cells it saw filled
    /// (`Plan.filledBit`) among those its first byte, length and memo did not settle: every cell of the
    /// columns that validate each value (addresses, names), where the required cells are.
    @inline(__always)
    private func checkCells(allPlain: Bool, _ asciiSpans: RecordASCIISpans, plainIfASCII: Bool, plainIfNot: Bool,
                            mayHoldInvalidBytes: Bool, reader: CSVReader, record: Int, sink: DiagnosticSink) -> UInt64 {
        var filled: UInt64 = 0
        // The record's cells, read here rather than through `reader.bytes` (which checks the index and
        // reloads the reader's bounds for each).
        let cells = reader.cells, fieldCount = reader.fieldCount
        // The plans are in column order, so those of cells past a short record's end are the last ones.
        let planCount = fieldCount > lastPlanIndex ? plans.count : plans.firstIndex { $0.index >= fieldCount } ?? plans.count
        for p in 0..<planCount {
            // Through a pointer: a copy of the plan would be made for every cell.
            let plan = plans.baseAddress.unsafelyUnwrapped + p
            let start = cells.start(plan.pointee.index), end = cells.end(plan.pointee.index)
            // An empty cell has nothing to validate or to scan.
            guard end > start else { continue }
            let raw = cells.bytes(from: start, to: end)
            let first = Int(raw.baseAddress.unsafelyUnwrapped.pointee)
            // Settled: an unmarked first byte and no more bytes than `validateAbove`, or a first byte marked only
            // as a type name's ('Senior Engineer') and no type name. The spans are looked at only for the cells
            // their answer can settle.
            let settled = raw.count <= Int(plan.pointee.settledLength[first])
            if settled && (allPlain || (asciiSpans.contains(start, end) ? plainIfASCII : plainIfNot)) { continue }
            let marks = plan.pointee.firstBytes[first]
            if marks == Self.typeNameStart && raw.count <= plan.pointee.validateAbove
                && !PowerShellTypeName.mayBeCell(raw, first: UInt8(truncatingIfNeeded: first))
                && (allPlain || (asciiSpans.contains(start, end) ? plainIfASCII : plainIfNot)) { continue }
            if plan.pointee.remembersCells && isRememberedClean(p, raw) { continue }
            let ascii = allPlain || asciiSpans.contains(start, end)
            var plain = ascii ? plainIfASCII : plainIfNot
            if marks == 0 || FilledCell.holdsPlainValue(raw) { filled |= plan.pointee.filledBit }
            // A plain cell with nothing to trim, in an address or name column, gets the byte-level accept here,
            // the verdict `judge` reaches when it takes the cell (not settled above, so it is validated):
            // with an unmarked first byte at once; with one marked only as a placeholder's ('Nadia', 'tom@…')
            // once it is not one (`judge` would find it neither screened nor starting like a formula); an
            // accented Latin name once found as plain as an ASCII one (below).
            var asked = marks
            if plan.pointee.quickAccepts && marks & Self.formulaStart == 0 && !Self.hasBlankEdge(raw) {
                // Accented Latin letters ('José García') leave a name as plain as an ASCII one, as `judge`
                // would find: found here, so that the accept takes the name without `judge`.
                if !ascii && !plain && hygiene {
                    plain = TextHygiene.isPlainLatinText(raw)
                    asked |= Self.latinAsked
                }
                if plain && (marks == 0 || !isScreened(raw, plan)) {
                    // A name's and an address's accept called here: through `quickAccepts`, which the compiler
                    // keeps out of line, each paid that function's entry and exit too.
                    let kind = plan.pointee.kind, maxLength = plan.pointee.maxLength
                    let accepted = switch kind {
                    case .personName: raw.count <= maxLength && DirectoryValues.acceptsName(raw, settings: directory)
                    case .email: ValueValidation.quickAcceptEmail(raw, maxLength: maxLength, directory: directory, domains: acceptedDomains[p])
                    default: quickAccepts(raw, kind, maxLength: maxLength, p)
                    }
                    if accepted { continue }
                    asked |= Self.acceptRefused
                }
            }
            if plan.pointee.remembersCells && holdsFindings[p]
                && readmitsKnownFindings(p, raw, reader: reader, record: record, sink: sink) { continue }
            judge(p, raw, ascii: ascii, plain: plain, marks: asked,
                  mayHoldInvalidBytes: mayHoldInvalidBytes, reader: reader, record: record, sink: sink)
        }
        return filled
    }

    /// The rest of `check` for one cell that its first byte, length and the memo of clean cells did not
    /// settle: out of line, so that the loop over the record's cells keeps its state in registers.
    @inline(never)
    private func judge(_ p: Int, _ raw: UnsafeBufferPointer<UInt8>, ascii: Bool, plain: Bool, marks: UInt8, mayHoldInvalidBytes: Bool,
                       reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let plan = plans.baseAddress.unsafelyUnwrapped + p
        // Accented Latin letters ('José', 'Zespołu') in text no hygiene rule can report on leave a cell as
        // plain as an ASCII one.
        let plain = plain || (!ascii && hygiene && marks & Self.latinAsked == 0 && TextHygiene.isPlainLatinText(raw))
        // Placeholders ('N/A') and scientific notation ('4.47712E+11') are short, and start with a marked byte.
        let screened = marks & Self.screenStart != 0 && isScreened(raw, plan)
        // A type name ('System.Object[]') in a column whose values are not all validated is validated.
        let typeName = marks & Self.typeNameStart != 0 && PowerShellTypeName.mayBeCell(raw)
        // A plain text cell within its length limit (or of a column without one) that does not start
        // like a formula has nothing to report: settled without trimming it, and remembered, so that a
        // repeat is settled in the loop ('Utrecht Service Desk' starts like the placeholder 'Unknown').
        if plain && !screened && !typeName && marks & Self.formulaStart == 0 && raw.count <= plan.pointee.validateAbove {
            if plan.pointee.remembersCells && remembersSettled(p, record: record) { rememberClean(p, raw) }
            return
        }
        let value = raw.trimmedASCII()
        if value.isEmpty || (mayHoldInvalidBytes && !ascii && !raw.isValidUTF8) { return }
        // nil, not an empty array, for the clean cells: an array would be released at every cell.
        var findings: [ValueFinding]?
        let validates = screened
            ? !(plan.pointee.placeholderIsMissing && Placeholder.matches(value, kind: plan.pointee.kind, loneDash: plan.pointee.loneDash))
            : (value.count > plan.pointee.validateAbove || typeName)
                && !(plan.pointee.quickAccepts && marks & Self.acceptRefused == 0
                     && quickAccepts(value, plan.pointee.kind, maxLength: plan.pointee.maxLength, p))
        if validates && (plan.pointee.exemptBy == nil || !isExempt(plan.pointee, p, reader)) {
            let discriminator = plan.pointee.discriminator.map { reader.bytes($0).trimmedASCII() }
            switch caches[p].recall(value, qualifier: discriminator) {
            case .known(let known):
                findings = known
            case .unknown(let entry):
                let text = String(decoding: value, as: UTF8.self)
                let found = validate(text, p, discriminator: discriminator, screened: screened, placeholders: plan.pointee.placeholders)
                findings = caches[p].remember(found, entry: entry)
            }
        }
        if hygiene && (plain ? marks & Self.formulaStart != 0 : TextHygiene.needsCheck(raw))
            && !TextHygiene.isPlainLatinText(raw) && !FormulaInjection.isPlainPhoneNumber(raw) {
            let verdicts: [ValueFinding]?
            switch hygieneCaches[p].recall(raw, qualifier: nil) {
            case .known(let known): verdicts = known
            case .unknown(let entry):
                let found = TextHygiene.check(String(decoding: raw, as: UTF8.self), kind: plan.pointee.kind, decodedFrom: legacyReading)
                verdicts = hygieneCaches[p].remember(found, entry: entry)
            }
            if let verdicts {
                let validated = findings ?? []
                findings = validated + verdicts.filter { h in !validated.contains { $0.rule == h.rule } }
            }
        }
        guard var findings else {
            if plan.pointee.remembersCells { rememberClean(p, raw) }
            return
        }
        if ServiceAccounts.reportedPerRecord(plan.pointee.kind), let i = findings.firstIndex(where: { $0.rule == .serviceAccount }) {
            serviceAccountCells.append((p, findings.remove(at: i)))
            emit(findings, reader: reader, index: plan.pointee.index, record: record, sink: sink)
            return
        }
        let contents = emit(findings, reader: reader, index: plan.pointee.index, record: record, sink: sink)
        // Findings the sink dropped (a rule not selected, a suppressed finding) are judged afresh each time.
        if plan.pointee.remembersCells, let contents, contents.count == findings.count { remember(p, raw, contents, sink: sink) }
    }

    /// Whether the cell `raw` (not empty) of plan `p` is one remembered as clean (`cleanShortCells`,
    /// `cleanCells`).
    @inline(__always)
    private func isRememberedClean(_ p: Int, _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        guard raw.count <= 2 else { return cleanCells[p].contains(raw) }
        let bit = Self.shortCellBit(raw)
        return cleanShortCells[p &* Self.shortCellWords &+ bit &>> 6] & (1 &<< UInt64(bit & 63)) != 0
    }

    /// Remembers the cell `raw` (not empty) of plan `p` as clean.
    @inline(__always)
    private func rememberClean(_ p: Int, _ raw: UnsafeBufferPointer<UInt8>) {
        guard raw.count <= 2 else { cleanCells[p].insert(raw); return }
        let bit = Self.shortCellBit(raw)
        cleanShortCells[p &* Self.shortCellWords &+ bit &>> 6] |= 1 &<< UInt64(bit & 63)
    }

    /// A cell of two bytes by its bytes, one of one byte past those (0x10000 on).
    @inline(__always)
    private static func shortCellBit(_ raw: UnsafeBufferPointer<UInt8>) -> Int {
        let p = raw.baseAddress.unsafelyUnwrapped
        return raw.count == 1 ? 0x10000 | Int(p[0]) : Int(p[0]) | Int(p[1]) &<< 8
    }

    /// Whether the cell, trimmed, is a placeholder or scientific notation that its column screens for.
    /// Both are short: a longer cell is not looked at, unless trimming shortens it (sqlcmd pads every cell
    /// to its column's width: 'NULL' and 16 spaces).
    @inline(__always)
    private func isScreened(_ raw: UnsafeBufferPointer<UInt8>, _ plan: UnsafePointer<Plan>) -> Bool {
        (raw.count <= 18 || Self.hasBlankEdge(raw) && raw.trimmedASCII().count <= 18)
            && ValueValidation.isScreened(raw.trimmedASCII(), kind: plan.pointee.kind, loneDash: plan.pointee.loneDash,
                                          placeholders: plan.pointee.placeholders, scientific: plan.pointee.scientific)
    }

    /// The cell (not empty) starts or ends with a space or a tab, which `trimmedASCII` removes: two byte
    /// tests where trimming loops from both ends.
    @inline(__always)
    private static func hasBlankEdge(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        let first = raw.baseAddress.unsafelyUnwrapped.pointee, last = raw.baseAddress.unsafelyUnwrapped[raw.count &- 1]
        return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09
    }

    /// Whether a cell of plan `p` is looked up in `findingCells`: until 4096 look-ups have found fewer
    /// than one cell in eight.
    @inline(__always)
    private func looksUpFindings(_ p: Int) -> Bool {
        let stats = findingLookups + p
        guard stats.pointee.lookups < 4096 || stats.pointee.found * 8 >= stats.pointee.lookups else { return false }
        stats.pointee.lookups += 1
        return true
    }

    /// Whether a cell of plan `p` that `judge` settled by its first byte and length is remembered among the
    /// clean cells: not once 4096 of them came in fewer than 32768 records (more than one record in eight
    /// brought one the memo did not hold), as in a column of distinct numbers ('100001', '100002'), whose
    /// cells would only be copied into the memo and seldom met again.
    @inline(__always)
    private func remembersSettled(_ p: Int, record: Int) -> Bool {
        let remembered = settledRemembered[p]
        guard remembered >= 0 else { return false }
        if remembered == 4096 && record < 32768 {
            settledRemembered[p] = -1
            return false
        }
        settledRemembered[p] = remembered &+ 1
        return true
    }

    /// Whether the cell `raw` of plan `p` (whose cells' findings depend on their bytes alone) repeats a
    /// recent cell with findings, which were then handed to the sink again: out of line, apart from the
    /// rest of `judge`, so that the cells most findings of a large file come from ('en-GB' in a million rows)
    /// cost little more than a clean repeated cell.
    @inline(never)
    private func readmitsKnownFindings(_ p: Int, _ raw: UnsafeBufferPointer<UInt8>, reader: CSVReader, record: Int,
                                       sink: DiagnosticSink) -> Bool {
        guard looksUpFindings(p) else { return false }
        let known = findingCells[p].find(raw)
        guard known >= 0 else { return false }
        findingLookups[p].found += 1
        guard contentsSink == ObjectIdentifier(sink) else { return false }
        let index = plans[p].index
        let (line, column) = reader.position(ofField: index)
        sink.readmit(UnsafeBufferPointer(cellContents[p &* RecentByteStrings.slotCount &+ known]),
                     at: Diagnostic.Position(line: line, column: column, record: record, fieldIndex: index))
        return true
    }

    /// Notes that the cell `raw` of plan `p` reported findings, for which `sink` kept `contents`.
    private func remember(_ p: Int, _ raw: UnsafeBufferPointer<UInt8>, _ contents: [Diagnostic.Content], sink: DiagnosticSink) {
        if contentsSink != ObjectIdentifier(sink) {
            for q in plans.indices {
                findingCells[q].removeAll()
                holdsFindings[q] = false
            }
            for i in 0..<plans.count * RecentByteStrings.slotCount { releaseContents(i) }
            contentsSink = ObjectIdentifier(sink)
        }
        let slot = findingCells[p].insert(raw)
        if slot >= 0 {
            setContents(p * RecentByteStrings.slotCount + slot, contents)
            holdsFindings[p] = true
        }
    }

    /// Replaces the contents of slot `i` of `cellContents` with `contents`, releasing the ones it held.
    private func setContents(_ i: Int, _ contents: [Diagnostic.Content]) {
        releaseContents(i)
        let kept = UnsafeMutableBufferPointer<Unmanaged<Diagnostic.Content>>.allocate(capacity: contents.count)
        _ = kept.initialize(from: contents.lazy.map { Unmanaged.passRetained($0) })
        cellContents[i] = kept
    }

    private func releaseContents(_ i: Int) {
        let held = cellContents[i]
        for content in held { content.release() }
        held.deallocate()
        cellContents[i] = UnsafeMutableBufferPointer(start: nil, count: 0)
    }

    /// `ValueValidation.quickAccept`; an email column's with its memo of accepted domains, a name column's
    /// inline (a cell of each in every record of a people file).
    @inline(__always)
    private func quickAccepts(_ value: UnsafeBufferPointer<UInt8>, _ kind: ValueKind, maxLength: Int, _ p: Int) -> Bool {
        switch kind {
        case .email: ValueValidation.quickAcceptEmail(value, maxLength: maxLength, directory: directory, domains: acceptedDomains[p])
        case .personName: value.count <= maxLength && DirectoryValues.acceptsName(value, settings: directory)
        default: ValueValidation.quickAccept(value, kind: kind, maxLength: maxLength, directory: directory)
        }
    }

    /// Whether another cell of the row exempts this one from validation (4me's legacy label 'skype' on a
    /// telephone row holds a Skype name, not a number).
    private func isExempt(_ plan: Plan, _ p: Int, _ reader: CSVReader) -> Bool {
        guard let column = plan.exemptBy, let condition = specs[p].uncheckedWhen else { return false }
        let value = String(decoding: reader.bytes(column).trimmedASCII(), as: UTF8.self).lowercased()
        return condition.values.contains { $0.lowercased() == value }
    }

    /// Validates the trimmed value `text` of a cell of plan `p`, in the context the cell `discriminator`
    /// gives it when the plan has one.
    private func validate(_ text: String, _ p: Int, discriminator: UnsafeBufferPointer<UInt8>?, screened: Bool,
                          placeholders: Bool) -> [ValueFinding] {
        let kept = discriminator.map { dependentContext(p, $0) } ?? fixedContexts[p]
        return Self.validate(text, context: kept.context, screened: screened, placeholders: placeholders)
    }

    /// Apart from the method above on purpose: folded into it, `kept.context` is copied again for each call
    /// (measured: Receptionist 100k 1,298.9 M → 1,429.9 M instructions).
    private static func validate(_ text: String, context: ValueContext, screened: Bool, placeholders: Bool) -> [ValueFinding] {
        screened ? ValueValidation.validateScreened(text, context: context, placeholders: placeholders)
            : ValueValidation.validate(text, context: context)
    }

    /// The context of a cell whose kind or allowed values depend on another cell of its row, kept for the
    /// first 16 discriminators.
    private func dependentContext(_ plan: Int, _ discriminator: UnsafeBufferPointer<UInt8>) -> KeptContext {
        if let made = dependentContexts[plan].first(where: { $0.discriminator.elementsEqual(discriminator) }) {
            return made.context
        }
        let made = KeptContext(makeContext(plan, discriminator))
        if dependentContexts[plan].count < 16 { dependentContexts[plan].append((Array(discriminator), made)) }
        return made
    }

    /// The context of a cell whose kind or allowed values depend on `discriminator`, another cell of its row.
    private func makeContext(_ plan: Int, _ discriminator: UnsafeBufferPointer<UInt8>) -> ValueContext {
        var c = fixedContexts[plan].context
        let spec = specs[plan]
        let key = String(decoding: discriminator, as: UTF8.self).lowercased()
        if let kindBy = spec.kindBy { c.kind = kindBy.kinds[key] ?? .text }
        if let allowedBy = spec.allowedBy {
            // Without a known discriminator the allowed set is the union: never reject a plausible value.
            c.allowed = allowedBy.values[key] ?? Array(Set(allowedBy.values.values.joined())).sorted()
        }
        return c
    }

    /// Reports `findings` at cell `index`; returns the contents the sink kept for them.
    @discardableResult
    private func emit(_ findings: [ValueFinding], reader: CSVReader, index: Int, record: Int, sink: DiagnosticSink) -> [Diagnostic.Content]? {
        guard !findings.isEmpty else { return nil }
        let raw = reader.bytes(index)
        if let contents = recentFindings.contents(findings, column: index, cell: raw, sink: sink) {
            let (line, column) = reader.position(ofField: index)
            let position = Diagnostic.Position(line: line, column: column, record: record, fieldIndex: index)
            sink.readmit(contents, at: position)
            return contents
        }
        let value = String(decoding: raw, as: UTF8.self)
        // Most cells have no surrounding whitespace: then the trimmed value is the value, not a new string.
        let trimmed = raw.trimmedASCII().count == raw.count && !Whitespace.mayEndInNoBreakSpace(raw) ? value : Whitespace.trim(value)
        var contents: [Diagnostic.Content] = []
        for f in findings {
            var values: [String] = []
            values.reserveCapacity(3 + f.quoted.count)
            values.append(value)
            values.append(trimmed)
            if let replacement = f.fix?.replacement { values.append(replacement) }
            if !f.quoted.isEmpty { values += f.quoted }
            if let kept = reader.keep(f.rule, in: sink, field: index, record: record, message: f.message, fix: f.fix,
                                      values: values, severity: f.severity) {
                contents.append(kept)
            }
        }
        // Findings the sink dropped (a rule not selected, a suppressed finding) are judged afresh each time.
        if contents.count == findings.count {
            recentFindings.remember(contents, for: findings, column: index, cell: raw, sink: sink)
        }
        return contents
    }
}

/// Verdicts per distinct value of one column (with its qualifier, the cell that decides the column's
/// kind), in a `ByteStringCounter`: one cheap hash and a byte comparison per cell, no String for a value
/// already seen. Clean values, nearly all of them, are remembered as -1 and recalled as nil, so that a
/// hit touches no array. After 4096 look-ups a column with more than half of them distinct stops caching.
/// In front of the table, the verdicts of recent short values (`ShortValueMemo`): a column of a few
/// distinct short values (locales, time zones, booleans) is recalled without hashing into the table.
///
/// Look-up and storing are two calls rather than one taking a closure, because a closure that reaches
/// the rule's state retains the rule at every cell; and the table is held directly, not through an
/// object, which would be retained at every look-up. So a copy is not independent: it shares the
/// table's raw buffers but not its arrays, and must not be used once the other has stored anything.
/// The owner keeps exactly one copy per column, mutates it in place and calls `deallocate()` once.
struct VerdictCache {
    private var values = ByteStringCounter()
    /// Per entry of `values`: the index of its findings in `stored`, or -1 when it is clean.
    private var verdicts: [Int32] = []
    private var stored: [[ValueFinding]] = []
    /// The qualifier (lowercased), the value and the qualifier's length, as one key.
    private var qualified: [UInt8] = []
    private var recent = ShortValueMemo()
    private var caching = true
    private var lookups = 0
    private var misses = 0

    static let clean: Int32 = -1

    enum Recall {
        /// The findings of a value seen before, nil when it is clean.
        case known([ValueFinding]?)
        /// Not seen (or not caching): validate, then `remember` under this entry.
        case unknown(Int?)
    }

    func deallocate() {
        if caching { values.deallocate() }
        recent.deallocate()
    }

    /// A recent short value is recalled inline, in the caller's loop: in a column of a few distinct values,
    /// nearly every cell.
    @inline(__always)
    mutating func recall(_ value: UnsafeBufferPointer<UInt8>, qualifier: UnsafeBufferPointer<UInt8>?) -> Recall {
        if caching, qualifier == nil, let short = ShortValueMemo.Key(value), let verdict = recent.verdict(short) {
            lookups += 1
            return known(verdict)
        }
        return recallFromTable(value, qualifier: qualifier)
    }

    /// `recall` past the recent short values.
    @inline(never)
    private mutating func recallFromTable(_ value: UnsafeBufferPointer<UInt8>, qualifier: UnsafeBufferPointer<UInt8>?) -> Recall {
        guard caching else { return .unknown(nil) }
        lookups += 1
        let short = qualifier == nil ? ShortValueMemo.Key(value) : nil
        let added: (entry: Int, occurrences: Int)
        if let qualifier {
            qualified.removeAll(keepingCapacity: true)
            qualified.append(contentsOf: qualifier.lazy.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 })
            qualified.append(contentsOf: value)
            withUnsafeBytes(of: UInt32(truncatingIfNeeded: qualifier.count).littleEndian) { qualified.append(contentsOf: $0) }
            added = qualified.withUnsafeBufferPointer { values.add($0) }
        } else {
            added = values.add(value)
        }
        guard added.occurrences > 1 else { return .unknown(added.entry) }
        let verdict = verdicts[added.entry]
        if let short { recent.remember(short, verdict) }
        return known(verdict)
    }

    @inline(__always)
    private func known(_ verdict: Int32) -> Recall {
        .known(verdict == Self.clean ? nil : stored[Int(verdict)])
    }

    /// Stores what validating the value of `entry` found; returns the findings, nil when there are none.
    mutating func remember(_ findings: [ValueFinding], entry: Int?) -> [ValueFinding]? {
        if let entry, caching {
            precondition(entry == verdicts.count, "remember follows the recall of a new value")
            misses += 1
            verdicts.append(findings.isEmpty ? Self.clean : Int32(stored.count))
            if !findings.isEmpty { stored.append(findings) }
            if lookups >= 4096 && misses * 2 > lookups {
                values.deallocate()
                caching = false
                verdicts = []
                stored = []
            }
        }
        return findings.isEmpty ? nil : findings
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    var isValidUTF8: Bool {
        var i = 0
        guard let p = baseAddress else { return true }
        while i < count {
            if p[i] < 0x80 { i += 1; continue }
            let length = UTF8Validation.sequenceLength(p, i, count)
            if length <= 0 { return false }
            i += length
        }
        return true
    }
}

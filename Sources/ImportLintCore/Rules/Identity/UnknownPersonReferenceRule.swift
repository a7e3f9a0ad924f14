extension RuleDescriptor {
    public static let unknownPersonReference = RuleDescriptor(
        code: "ID003", name: "unknown-person-reference", severity: .error,
        summary: "A contact-details row names a Person who is not in the people file",
        explanation: "4me imports People Contact Details only for people that exist, and the people import must finish first. A Person email that is not among the Primary Email values of the people file (given with --people, or among the files of the same call) is usually a typo or a person filtered out of the people export; the row fails unless the person already exists in 4me. A Person that matches a Primary Email only in another Unicode form (accents stored as separate characters, as macOS writes them) is a warning, since whether 4me compares text in Unicode NFC is not documented. Reported on every row holding the value.",
        triggeringExample: "Person,Contact Protocol,Contact Label,Contact URI\nan@widget.com,telephone,mobile,+31201234567\n",
        cleanExample: "Person,Contact Protocol,Contact Label,Contact URI\nann@widget.com,telephone,mobile,+31201234567\n",
        exampleSetup: ExampleSetup(people: "Primary Email,Name\nann@widget.com,Ann\n"))
}

/// Cells of the profile's `references` column whose value is not a key of the referenced import.
final class UnknownPersonReferenceRule: RecordRule {
    override var splitting: Splitting { .stateless }
    override var reports: [RuleDescriptor]? { [.unknownPersonReference] }
    private let index: Int
    private let column: String
    private let set: ReferenceSet
    private let target: TargetWording

    init?(_ context: FileContext) {
        guard let spec = context.profile?.references, let set = context.options.references[spec.profile],
              let index = context.index(of: spec.column) else { return nil }
        self.index = index
        self.column = spec.column
        self.set = set
        self.target = context.profile?.target ?? .neutral
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        let value = reader.bytes(index)
        guard !value.trimmedASCII().isEmpty, !set.contains(value) else { return }
        let person = Whitespace.trim(reader.string(index))
        if set.containsInNFC(value) {
            reader.report(.unknownPersonReference, to: sink, field: index, record: record,
                          message: "\(column) '\(person)' is in \(set.sources.joined(separator: ", ")) only \(UnicodeFormWording.otherForm); \(UnicodeFormWording.nfcUndocumented(target.name)): if not, \(target.name) \(target.rejectsRow) unless the person already exists",
                          values: [person], severity: .warning)
            return
        }
        reader.report(.unknownPersonReference, to: sink, field: index, record: record,
                      message: "\(column) '\(person)' is not in \(set.sources.joined(separator: ", ")); \(target.name) \(target.rejectsRow) unless the person already exists",
                      values: [person])
    }
}

extension RuleDescriptor {
    public static let emailOrSMSRequired = RuleDescriptor(
        code: "ID004", name: "email-or-sms-required", severity: .error,
        summary: "A Receptionist contact has neither Email nor SMS Phone",
        explanation: "The Receptionist needs at least one way to notify a contact: Email or SMS Phone. A row with both empty is rejected, and the contact cannot be matched to an existing one except by Identification.",
        triggeringExample: "First Name,Last Name,Email,SMS Phone\nAnn,Lee,,", cleanExample: "First Name,Last Name,Email,SMS Phone\nAnn,Lee,ann@example.com,")
}

/// Profiles' `at_least_one_of` groups: at least one cell of each group must be filled.
final class AtLeastOneOfRule: RecordRule {
    private let groups: [(indices: [Int], names: [String])]

    init?(_ context: FileContext) {
        groups = (context.profile?.atLeastOneOf ?? []).compactMap { names in
            let indices = names.compactMap(context.index(of:))
            return indices.isEmpty ? nil : (indices, names)
        }
        if groups.isEmpty { return nil }
    }

    override func check(_ reader: CSVReader, record: Int, sink: DiagnosticSink) {
        for (indices, names) in groups where indices.allSatisfy({ reader.bytes($0).trimmedASCII().isEmpty }) {
            reader.report(.emailOrSMSRequired, to: sink, field: indices[0], record: record,
                          message: names.count == 2 ? "\(names[0]) and \(names[1]) are both empty; one of them is required" : "\(names.joined(separator: ", ")) are all empty; at least one is required")
        }
    }
}

extension RuleDescriptor {
    public static let serviceAccount = RuleDescriptor(
        code: "DIR005", name: "service-account", severity: .warning,
        summary: "A built-in, service or system account exported as a person (krbtgt, MSOL_*, HealthMailbox*, WS01$)",
        explanation: """
            A Get-ADUser or Entra export without a filter lists the domain's built-in accounts (Administrator, \
            Guest, krbtgt, DefaultAccount, WDAGUtilityAccount), directory-sync accounts (MSOL_*, AAD_*, Sync_*), \
            Exchange system mailboxes (HealthMailbox*, SystemMailbox{...}, SM_*) and computer or managed \
            service accounts (sAMAccountNames ending in '$'). Imported, they become people who receive \
            notifications, count as users and show up in pickers. The patterns are matched against whole names \
            and against the part of an address before '@'; 'Guest' only in addresses, since it is also a \
            surname. The list is rules/tables/service-accounts.tsv; `service-accounts` in .importlint.yml adds \
            or removes patterns. Filter the export instead (for example on objectCategory=person with a mailbox).
            """,
        triggeringExample: "Primary Email,Name\nkrbtgt@widget.com,krbtgt\n",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee\n")
}

extension ServiceAccounts {
    private static let advice = "; leave service and system accounts out of the export (or adjust 'service-accounts' in .importlint.yml)"

    /// The finding for a name or local part that matches, nil otherwise.
    func finding(_ value: String, part: Substring, inAddress: Bool) -> ValueFinding? {
        guard let pattern = match(part, inAddress: inAddress) else { return nil }
        let what = pattern.wildcard ? "matches the service-account pattern '\(pattern.text)'" : "is the built-in account '\(pattern.text)'"
        return ValueFinding(.serviceAccount, "'\(value)' \(what), not a person" + Self.advice)
    }

    /// The person's own address and name cells are judged as one record (a manager's address is another
    /// account's).
    static func reportedPerRecord(_ kind: ValueKind) -> Bool { kind == .email || kind == .personName }

    /// One finding per record from the cells of a record that matched (at least one): the address's when
    /// it matched (the most telling), else the first name cell's, naming the other cells that match.
    /// Returns the index of the chosen cell and its finding.
    static func recordFinding(_ cells: [(finding: ValueFinding, column: ColumnSpec)]) -> (Int, ValueFinding) {
        let chosen = cells.firstIndex { $0.column.kind == .email } ?? 0
        var finding = cells[chosen].finding
        let others = cells.indices.filter { $0 != chosen }.map { cells[$0].column.name }
        guard !others.isEmpty, finding.message.hasSuffix(advice) else { return (chosen, finding) }
        finding.message = finding.message.dropLast(advice.count) + " (\(others.listed()) \(others.count == 1 ? "matches" : "match") too)" + advice
        return (chosen, finding)
    }
}

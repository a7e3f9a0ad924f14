extension RuleDescriptor {
    public static let displayNameAddress = RuleDescriptor(
        code: "DIR003", name: "display-name-address", severity: .error, fix: .sometimes,
        summary: "An address written with a display name ('Ann Lee <ann@widget.com>')",
        explanation: """
            Outlook, Exchange message tracking and some HR exports write addresses as 'Display Name \
            <address>' or '"Lee, Ann" <address>'. An email column takes the bare address; with the \
            display name the value is no address at all and the row is rejected, or the person is not \
            matched. The safe fix keeps exactly the address between the angle brackets when it is valid and \
            the display part holds no other address; otherwise the fix is unsafe (which address is meant?) or \
            absent (the part in brackets is not a valid address).
            """,
        triggeringExample: "Primary Email,Name\nAnn Lee <ann.lee@widget.com>,Ann Lee\n",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee\n")
}

/// 'Name <address>' and '"Last, First" <address>' in email cells.
enum DisplayNameAddress {
    /// Byte test: ends with '>'.
    static func mayBe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        b.last == 0x3E
    }

    static func finding(_ value: String) -> ValueFinding? {
        guard var finding = unquotedFinding(value) else { return nil }
        if let open = value.lastIndex(of: "<") {
            finding.quoted = [value[..<open].trimmingWhitespace(),
                              String(value[value.index(after: open)...].dropLast()).trimmingWhitespace()]
                .filter { !$0.isEmpty }
        }
        return finding
    }

    private static func unquotedFinding(_ value: String) -> ValueFinding? {
        guard value.hasSuffix(">"), let open = value.lastIndex(of: "<") else { return nil }
        let inner = value[value.index(after: open)..<value.index(before: value.endIndex)].trimmingWhitespace()
        let display = value[..<open].trimmingWhitespace()
        let what = display.isEmpty ? "is an address in angle brackets" : "holds the display name '\(display)' around the address"
        guard !inner.isEmpty, EmailRule.problem(in: inner) == nil else {
            return ValueFinding(.displayNameAddress, "'\(value)' \(what), and '\(inner)' is not a valid address either")
        }
        if display.contains("@") || display.contains("<") {
            return ValueFinding(.displayNameAddress, "'\(value)' \(what), which holds another address",
                                fix: Fix(.unsafe, "Replace with '\(inner)' (the address in angle brackets)", replacement: inner))
        }
        return ValueFinding(.displayNameAddress, "'\(value)' \(what); the column takes the address alone",
                            fix: Fix(.safe, "Replace with '\(inner)'", replacement: inner))
    }
}

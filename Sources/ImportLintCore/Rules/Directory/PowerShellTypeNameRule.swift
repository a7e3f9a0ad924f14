extension RuleDescriptor {
    public static let powershellTypeName = RuleDescriptor(
        code: "DIR008", name: "powershell-type-name", severity: .error,
        summary: "A cell holds a .NET type name ('System.Object[]') instead of values",
        explanation: "PowerShell's Export-Csv writes a property it cannot turn into text as the name of its type: a multi-valued Active Directory attribute (otherTelephone, proxyAddresses, otherMobile) as 'Microsoft.ActiveDirectory.Management.ADPropertyValueCollection', an array as 'System.Object[]' or 'System.String[]', a Microsoft Graph list as 'System.Collections.Generic.List`1[System.String]', a nested object as '@{Name=...}'. The values are lost from the file; the import would store the type name or reject the row. Export the values joined, for example Select-Object @{n='otherTelephone';e={$_.otherTelephone -join ';'}}. There is no fix: the values are not in the file.",
        triggeringExample: "Primary Email,Name\nSystem.Object[],Ann Lee",
        cleanExample: "Primary Email,Name\nann.lee@widget.com,Ann Lee")
}

/// Cells that are the text PowerShell writes for a value it cannot convert: a .NET type name or a
/// hashtable's '@{...}' rendering. Asked before a value is validated, on each distinct value of every
/// imported column (of a free-text column, only of those its first bytes let through: `ValueRulesRule`).
enum PowerShellTypeName {
    static func finding(_ value: String) -> ValueFinding? {
        // Asked of every distinct value of a validated column (a million phone numbers): a byte first.
        guard let first = value.utf8.first(where: { $0 != 0x20 && $0 != 0x09 }), first == 0x53 || first == 0x4D || first == 0x40 else { return nil }
        let text = value.trimmingWhitespace()
        let what: String
        if isTypeName(text) {
            what = "is the name of a .NET type, not a value: PowerShell's Export-Csv writes a multi-valued property that way"
        } else if isObjectRendering(text) {
            what = "is how PowerShell writes an object nested in another, not a value: Export-Csv writes a nested property that way"
        } else {
            return nil
        }
        return ValueFinding(.powershellTypeName, "'\(text)' \(what), and its values are not in the file; export them joined (Select-Object @{n='…';e={$_.… -join ';'}})")
    }

    /// 'System.Object[]', 'Microsoft.ActiveDirectory.Management.ADPropertyValueCollection',
    /// 'System.Collections.Generic.List`1[System.String]': namespaces and a type, or an array, no spaces.
    private static func isTypeName(_ text: String) -> Bool {
        guard text.hasPrefix("System.") || text.hasPrefix("Microsoft.") else { return false }
        let allowed = text.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b)
                || b == 0x2E || b == 0x5F || b == 0x60 || b == 0x5B || b == 0x5D || b == 0x2C
        }
        // 'Microsoft.com' is a (bad) address, not a type: a type has a namespace or is an array.
        return allowed && text.utf8.last != 0x2E && (text.utf8.filter { $0 == 0x2E }.count >= 2 || text.hasSuffix("[]"))
    }

    /// Byte test of a trimmed value: starts as a type name ('System.', 'Microsoft.') or an object
    /// rendering ('@{') does. Every value `finding` reports passes it.
    static func mayBe(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 2 else { return false }
        switch b[0] {
        case 0x40: return b[1] == 0x7B
        // The dot first: a name starting with 'S' or 'M' (one in six) seldom has one there.
        case 0x53: return b.count >= 7 && b[6] == 0x2E && b.starts(with: systemPrefix)
        case 0x4D: return b.count >= 10 && b[9] == 0x2E && b.starts(with: microsoftPrefix)
        default: return false
        }
    }

    /// `mayBe` of a cell as written, past the spaces and tabs before its value. The dot of 'System.' or
    /// 'Microsoft.' is read inline, which settles nearly every cell starting with 'S' or 'M' ('Senior
    /// Engineer', 'Munich'); the rest is out of line.
    @inline(__always)
    static func mayBeCell(_ raw: UnsafeBufferPointer<UInt8>, first: UInt8) -> Bool {
        let p = raw.baseAddress.unsafelyUnwrapped
        switch first {
        case 0x53: return raw.count >= 7 && p[6] == 0x2E && mayBeCell(raw)
        case 0x4D: return raw.count >= 10 && p[9] == 0x2E && mayBeCell(raw)
        default: return mayBeCell(raw)
        }
    }

    /// `mayBe` of a cell as written, past the spaces and tabs before its value.
    @inline(never)
    static func mayBeCell(_ raw: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < raw.count && (raw[start] == 0x20 || raw[start] == 0x09) { start &+= 1 }
        return mayBe(UnsafeBufferPointer(rebasing: raw[start...]))
    }

    /// The first bytes of a cell `mayBeCell` can accept.
    static let cellStarts = Array("SM@ \t".utf8)

    private static let systemPrefix = Array("System.".utf8)
    private static let microsoftPrefix = Array("Microsoft.".utf8)

    /// '@{Name=Ann; Title=Analyst}': how PowerShell writes an object inside an object.
    private static func isObjectRendering(_ text: String) -> Bool {
        text.hasPrefix("@{") && text.hasSuffix("}") && text.contains("=")
    }
}

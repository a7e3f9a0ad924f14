/// Text from an import file or the command line (cells, messages, file names) made inert for a terminal
/// or a CI log: control characters and bidi controls are shown escaped, and no printed line can start
/// like a GitHub Actions or Azure Pipelines workflow command (`::error::`, `##[set-output]`).
public enum TerminalText {
    /// `text` with every C0 control (tab and newline included), DEL, C1 control, bidi control and
    /// line/paragraph separator written as an escape: `\t`, `\n`, `\r`, `\x1b`, `\u202e`.
    public static func escape(_ text: String) -> String {
        guard mayNeedEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for u in text.unicodeScalars {
            if let escaped = escaped(u) { out += escaped } else { out.unicodeScalars.append(u) }
        }
        return out
    }

    /// How one scalar is shown, or nil when it is shown as itself.
    public static func escaped(_ u: Unicode.Scalar) -> String? {
        switch u.value {
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x00..<0x20, 0x7F...0x9F: return "\\x" + hex(u.value, digits: 2)
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029:
            return "\\u" + hex(u.value, digits: 4)
        default: return nil
        }
    }

    /// A file name escaped, with `./` in front when it would otherwise start a line as a workflow command.
    public static func path(_ path: String) -> String {
        let shown = escape(path)
        return startsLikeCommand(shown) ? "./" + shown : shown
    }

    /// A line that starts like a workflow command once leading blanks are dropped (the Actions runner
    /// trims them): `::name` or `##[`.
    public static func startsLikeCommand(_ line: some StringProtocol) -> Bool {
        let start = line.drop { $0 == " " || $0 == "\t" }
        return start.hasPrefix("::") || start.hasPrefix("##[")
    }

    /// Quick byte scan: only text holding a control byte or the lead byte of a C1 control (C2) or of a
    /// bidi/separator scalar (D8 for U+061C, E2 for U+20xx) can need escaping.
    /// Native strings (nearly all) are scanned in place, which costs a tenth of iterating the UTF-8 view.
    private static func mayNeedEscaping(_ text: String) -> Bool {
        func mayNeed(_ b: UInt8) -> Bool { b < 0x20 || b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 }
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes where mayNeed(b) { return true }
            return false
        } ?? text.utf8.contains(where: mayNeed)
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}

extension TerminalText {
    /// A message of one or more lines (argument parser usage text has several): each line escaped, and
    /// a line that would start like a workflow command prefixed with `importlint: `.
    public static func message(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let shown = escape(String(line))
            return startsLikeCommand(shown) ? "importlint: " + shown : shown
        }.joined(separator: "\n")
    }
}

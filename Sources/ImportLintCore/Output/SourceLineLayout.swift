import CICU

/// How a text report prints a source line under a finding, and where the caret goes: by display width,
/// so that the caret sits under its character in a terminal whatever the script. East Asian wide and
/// fullwidth characters take two columns, combining marks and other zero-width characters none, a tab
/// runs to the next multiple of `tabStop`, and control and bidi characters are shown escaped (`\x1b`,
/// `\u202e`) and take the width of their escape. A line wider than `maxWidth` is cut around the caret,
/// with `…` where text was left out, as rustc does.
public enum SourceLineLayout {
    public static let tabStop = 4
    public static let maxWidth = 120

    /// The line as printed and the display column (0-based) of the caret under `column` (1-based, in
    /// Unicode scalars, as reports count; past the end means just after the last character).
    public static func layout(_ line: String, column: Int) -> (shown: String, caret: Int) {
        let target = max(0, column - 1)
        // Most lines are printable ASCII and short: one column per byte, nothing to escape.
        if line.utf8.count <= maxWidth && line.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return (line, min(target, line.utf8.count))
        }
        var total = 0, caret = -1
        for (index, u) in line.unicodeScalars.enumerated() {
            if index == target { caret = total }
            total += width(u, at: total)
        }
        if caret < 0 { caret = total }
        if total <= maxWidth { return (render(line, from: 0, to: total), caret) }

        // Two columns go to the ellipses; the caret sits about a third into what is shown.
        let room = maxWidth - 2
        let low = max(0, min(caret - room / 3, total - room))
        let high = low + room
        var shown = low > 0 ? "…" : ""
        let (text, first) = window(line, from: low, to: high)
        shown += text
        if high < total { shown += "…" }
        return (shown, (low > 0 ? 1 : 0) + caret - first)
    }

    /// Columns a scalar takes when it starts at display column `at`.
    static func width(_ u: Unicode.Scalar, at: Int) -> Int {
        let v = u.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0x09 { return tabStop - at % tabStop }
        if let escaped = TerminalText.escaped(u) { return escaped.unicodeScalars.count }
        return Int(cicu_display_width(v))
    }

    /// The whole line rendered.
    private static func render(_ line: String, from: Int, to: Int) -> String {
        window(line, from: from, to: to).text
    }

    /// The characters that lie wholly between display columns `from` and `to`, rendered, and the
    /// column where the first of them starts.
    /// Built as UTF-8 bytes: appending to a String scalar by scalar cost about 400 instructions a scalar,
    /// for every line of a text report with tabs or accents.
    private static func window(_ line: String, from: Int, to: Int) -> (text: String, first: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(line.utf8.count)
        var at = 0
        var first: Int?
        for u in line.unicodeScalars {
            let w = width(u, at: at)
            defer { at += w }
            guard at >= from else { continue }
            if at + w > to { break }
            if first == nil { first = at }
            if u.value == 0x09 {
                out.append(contentsOf: repeatElement(0x20, count: w))
            } else if let escaped = TerminalText.escaped(u) {
                out.append(contentsOf: escaped.utf8)
            } else if u.isASCII {
                out.append(UInt8(truncatingIfNeeded: u.value))
            } else {
                UTF8.encode(u) { out.append($0) }
            }
        }
        return (String(decoding: out, as: UTF8.self), first ?? from)
    }
}

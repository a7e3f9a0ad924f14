/// A unified diff of two texts by lines (Myers' O(ND) algorithm), as `diff -u` prints it. Both texts are
/// held in memory: meant for reviewing fixes, not for million-row files.
public enum UnifiedDiff {
    enum Edit { case same(Int, Int), delete(Int), insert(Int) }

    /// Lines with their terminators (LF, CRLF or CR); the last may have none.
    static func lines(_ text: [UInt8]) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        let n = text.count
        while i < n {
            if text[i] == 0x0A {
                result.append(text[start...i]); i += 1; start = i
            } else if text[i] == 0x0D {
                let end = (i + 1 < n && text[i + 1] == 0x0A) ? i + 1 : i
                result.append(text[start...end]); i = end + 1; start = i
            } else {
                i += 1
            }
        }
        if start < n { result.append(text[start..<n]) }
        return result
    }

    /// The diff, or "" when the texts are equal.
    public static func render(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = lines(old), b = lines(new)
        var ids: [ArraySlice<UInt8>: Int] = [:]
        let x = a.map { line in ids[line] ?? { let id = ids.count; ids[line] = id; return id }() }
        let y = b.map { line in ids[line] ?? { let id = ids.count; ids[line] = id; return id }() }
        let edits = script(x, y)

        var out = "--- \(TerminalText.escape(oldName))\n+++ \(TerminalText.escape(newName))\n"
        // Group edits into hunks: changes with up to 2*context unchanged lines between them.
        var i = 0
        while i < edits.count {
            guard let firstChange = edits[i...].firstIndex(where: { if case .same = $0 { false } else { true } }) else { break }
            var end = firstChange
            var lastChange = firstChange
            while end < edits.count {
                if case .same = edits[end] {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            let hunkStart = max(i, firstChange - context)
            let hunkEnd = min(edits.count, lastChange + context + 1)
            var oldStart = 0, newStart = 0
            // Positions of the hunk's first line in each file.
            var oa = 0, nb = 0
            for e in edits[0..<hunkStart] {
                switch e {
                case .same: oa += 1; nb += 1
                case .delete: oa += 1
                case .insert: nb += 1
                }
            }
            oldStart = oa; newStart = nb
            var body = ""
            var oldCount = 0, newCount = 0
            for e in edits[hunkStart..<hunkEnd] {
                switch e {
                case .same(let p, _): body += show(a[p], marker: " "); oldCount += 1; newCount += 1
                case .delete(let p): body += show(a[p], marker: "-"); oldCount += 1
                case .insert(let q): body += show(b[q], marker: "+"); newCount += 1
                }
            }
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
            i = hunkEnd
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        let first = count == 0 ? start : start + 1
        return count == 1 ? "\(first)" : "\(first),\(count)"
    }

    /// The line as printed: marker, text and its terminator (LF or CRLF; a CR-only one is printed as a
    /// newline, and a missing final one is marked as `diff` does). The text is inert in a terminal or CI
    /// log: control and bidi characters other than tab are escaped, and a context line whose text would
    /// start a workflow command (the runner ignores the leading blank) has that ':' or '#' escaped.
    static func show(_ line: ArraySlice<UInt8>, marker: String) -> String {
        var bytes = Array(line)
        var end = "\n"
        if bytes.last == 0x0A {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast(); end = "\r\n" }
        } else if bytes.last == 0x0D {
            bytes.removeLast()
        } else {
            end = "\n\\ No newline at end of file\n"
        }
        var text = ""
        for u in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if u != "\t", let escaped = TerminalText.escaped(u) { text += escaped } else { text.unicodeScalars.append(u) }
        }
        if TerminalText.startsLikeCommand(marker + text), let first = text.unicodeScalars.firstIndex(where: { $0 == ":" || $0 == "#" }) {
            let scalar = text.unicodeScalars[first]
            text.unicodeScalars.replaceSubrange(first...first, with: (scalar == ":" ? "\\x3a" : "\\x23").unicodeScalars)
        }
        return marker + text + end
    }

    /// Myers' shortest edit script, after stripping the common prefix and suffix.
    static func script(_ a: [Int], _ b: [Int]) -> [Edit] {
        var prefix = 0
        while prefix < a.count && prefix < b.count && a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix && suffix < b.count - prefix && a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let a1 = Array(a[prefix..<(a.count - suffix)]), b1 = Array(b[prefix..<(b.count - suffix)])
        var edits: [Edit] = (0..<prefix).map { .same($0, $0) }
        edits += middle(a1, b1).map { e in
            switch e {
            case .same(let p, let q): .same(p + prefix, q + prefix)
            case .delete(let p): .delete(p + prefix)
            case .insert(let q): .insert(q + prefix)
            }
        }
        edits += (0..<suffix).map { .same(a.count - suffix + $0, b.count - suffix + $0) }
        return edits
    }

    private static func middle(_ a: [Int], _ b: [Int]) -> [Edit] {
        let n = a.count, m = b.count
        if n == 0 { return (0..<m).map { .insert($0) } }
        if m == 0 { return (0..<n).map { .delete($0) } }
        let maxD = n + m
        let offset = maxD + 1
        var v = [Int](repeating: 0, count: 2 * maxD + 3)
        var trace: [[Int]] = []
        search: for d in 0...maxD {
            var vd = [Int](repeating: 0, count: 2 * d + 1)
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                vd[k + d] = x
                if x >= n && y >= m {
                    trace.append(vd)
                    break search
                }
            }
            trace.append(vd)
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 1, by: -1) {
            let previous = trace[d - 1]
            let k = x - y
            func at(_ k: Int) -> Int { previous[k + d - 1] }
            let prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let prevX = at(prevK)
            let prevY = prevX - prevK
            while x > prevX && y > prevY { x -= 1; y -= 1; edits.append(.same(x, y)) }
            if x == prevX { y -= 1; edits.append(.insert(y)) } else { x -= 1; edits.append(.delete(x)) }
        }
        while x > 0 && y > 0 { x -= 1; y -= 1; edits.append(.same(x, y)) }
        return edits.reversed()
    }
}

extension UnifiedDiff {
    /// `--redact`: a diff that shows which lines change but not what they hold; every content line
    /// becomes its marker and the mask.
    public static func redacted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if line.hasPrefix("---") || line.hasPrefix("+++") || line.hasPrefix("@@") || line.isEmpty { return String(line) }
            return String(line.prefix(1)) + Redactor.mask
        }.joined(separator: "\n")
    }
}

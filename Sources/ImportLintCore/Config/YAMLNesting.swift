/// A bound on how deeply a YAML text nests, checked before the text reaches the YAML parser, which
/// recurses once per level: 10 KB of `[[[[…` or `- - - -…` would otherwise overflow the stack.
///
/// Configuration and profiles nest a few levels; the check counts flow brackets outside quotes and
/// comments, and the width of a line's leading indentation and block indicators (`- `, `? `, `: `),
/// which bounds its block nesting.
enum YAMLNesting {
    static let limit = 64

    /// The 1-based line where the nesting first goes deeper than `limit`, or nil.
    static func tooDeep(_ text: String) -> Int? {
        var flowDepth = 0
        var line = 1
        var atLineStart = true
        var leading = 0
        var quote: UInt8?
        var inComment = false
        var previous: UInt8 = 0x0A
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1
                atLineStart = true
                leading = 0
                inComment = false
                if quote == 0x27 { quote = nil }  // a single-quoted scalar never spans our config lines
                previous = byte
                continue
            }
            if atLineStart {
                if byte == 0x20 || byte == 0x09 || byte == 0x2D || byte == 0x3F || byte == 0x3A {
                    leading += 1
                    if leading > 2 * limit { return line }
                } else {
                    atLineStart = false
                }
            }
            if inComment { previous = byte; continue }
            if let q = quote {
                if byte == q && previous != 0x5C { quote = nil }
            } else {
                switch byte {
                case 0x22, 0x27: quote = byte
                case 0x23 where previous == 0x20 || previous == 0x09 || previous == 0x0A: inComment = true
                case 0x5B, 0x7B:
                    flowDepth += 1
                    if flowDepth > limit { return line }
                case 0x5D, 0x7D: flowDepth = max(0, flowDepth - 1)
                default: break
                }
            }
            previous = byte
        }
        return nil
    }
}

/// Writes a report's findings, one JSON object each, at one depth. Findings that share their content (see
/// `DiagnosticSink`: a value repeated down a column) differ only in three numbers, so a content met again
/// is rendered once into bytes, its parts then copied with the position's numbers written between them:
/// most of a finding's JSON is its message and fix, which otherwise are escaped anew for every finding.
///
/// A small table indexed by the content's address remembers the last content met in each slot and,
/// from its second finding on, its rendering: nothing is rendered twice for contents met once, and the
/// table stays small whatever the report holds. Contents are known by identity alone, which is safe while
/// the findings being written hold them.
struct DiagnosticJSON {
    private struct Slot {
        var content: ObjectIdentifier?
        /// The content's rendering, empty until the content is met a second time.
        var bytes: [UInt8] = []
        /// Where in `bytes` the column, the line and the record go.
        var cuts: [Int] = []
    }

    private let depth: Int
    private var slots = [Slot](repeating: Slot(), count: 256)

    init(depth: Int) { self.depth = depth }

    mutating func write(_ d: Diagnostic, _ w: PrettyJSONWriter) {
        let content = ObjectIdentifier(d.content)
        let address = UInt(bitPattern: content)
        let slot = Int(truncatingIfNeeded: (address >> 4) ^ (address >> 12)) & (slots.count - 1)
        guard slots[slot].content == content else {
            slots[slot] = Slot(content: content)
            Self.write(d, w, depth)
            return
        }
        if slots[slot].bytes.isEmpty {
            let depth = depth
            (slots[slot].bytes, slots[slot].cuts) = PrettyJSONWriter.piece { w, mark in
                Self.write(d.content, w, depth) { _, _ in mark() }
            }
        }
        let cuts = slots[slot].cuts
        slots[slot].bytes.withUnsafeBufferPointer { bytes in
            var start = 0
            for part in 0..<cuts.count {
                w.raw(UnsafeBufferPointer(rebasing: bytes[start..<cuts[part]]))
                Self.writePosition(part, of: d, w)
                start = cuts[part]
            }
            w.raw(UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }

    /// `d` at `depth`, rendered afresh.
    private static func write(_ d: Diagnostic, _ w: PrettyJSONWriter, _ depth: Int) {
        write(d.content, w, depth) { part, w in writePosition(part, of: d, w) }
    }

    /// Where `write(_:_:_:position:)` asks for it: the column (part 0), the line (1), the record (2).
    @inline(__always)
    private static func writePosition(_ part: Int, of d: Diagnostic, _ w: PrettyJSONWriter) {
        switch part {
        case 0: w.int(d.column)
        case 1: w.int(d.line)
        default: if let r = d.record { w.int(r) } else { w.null() }
        }
    }

    /// The finding's fields in sorted order, `position` called for each of the position's three values.
    /// Written field by field rather than through `object`'s closures, which each took a copy of the
    /// diagnostic (a retain and a release per field, on a path that runs for every finding). The layout is
    /// `object`'s: fields one level deeper than the braces.
    private static func write(_ content: Diagnostic.Content, _ w: PrettyJSONWriter, _ depth: Int,
                              position: (Int, PrettyJSONWriter) -> Void) {
        let inner = depth + 1
        w.raw("{")
        w.fieldStart(first: true, depth: inner, key: "code")
        w.string(content.code)
        w.fieldStart(first: false, depth: inner, key: "column")
        position(0, w)
        w.fieldStart(first: false, depth: inner, key: "field")
        w.optionalString(content.field)
        w.fieldStart(first: false, depth: inner, key: "fix")
        if let fix = content.fix {
            w.raw("{")
            w.fieldStart(first: true, depth: inner + 1, key: "applicability")
            w.string(fix.applicability.rawValue)
            w.fieldStart(first: false, depth: inner + 1, key: "description")
            w.string(fix.description)
            if let replacement = fix.replacement {
                w.fieldStart(first: false, depth: inner + 1, key: "replacement")
                w.string(replacement)
            }
            w.raw("\n")
            w.indent(inner)
            w.raw("}")
        } else {
            w.null()
        }
        w.fieldStart(first: false, depth: inner, key: "line")
        position(1, w)
        w.fieldStart(first: false, depth: inner, key: "message")
        w.string(content.message)
        w.fieldStart(first: false, depth: inner, key: "record")
        position(2, w)
        w.fieldStart(first: false, depth: inner, key: "related")
        let related = content.related
        w.array(related.count, inner) { w, i in
            let r = related[i]
            w.object(inner + 1) { o in
                o.field("line") { $0.int(r.line) }
                if let message = r.message { o.field("message") { $0.string(message) } }
                if let path = r.path { o.field("path") { $0.string(path) } }
            }
        }
        w.fieldStart(first: false, depth: inner, key: "rule")
        w.string(content.rule)
        w.fieldStart(first: false, depth: inner, key: "severity")
        w.string(content.severity.rawValue)
        w.raw("\n")
        w.indent(depth)
        w.raw("}")
    }
}

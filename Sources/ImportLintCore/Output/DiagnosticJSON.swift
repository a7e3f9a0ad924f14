#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report's findings, one JSON object each, at one depth. Findings that share their content (see
/// `DiagnosticSink`: a value repeated down a column) differ only in three numbers, so a content met again
/// is rendered once into bytes, its parts then copied with the position's numbers written between them:
/// most of a finding's JSON is its message and fix, which otherwise are escaped anew for every finding.
///
/// The parts and the last numbers are kept laid out as one finding (`instance`): while the numbers keep
/// their lengths (columns and lines of a few digits change length rarely), a finding is its numbers'
/// digits written over the last ones and one copy, instead of five copies with the digits between them.
///
/// A small table indexed by the content's address remembers in each slot one content's rendering, made at
/// its second finding: nothing is rendered twice for contents met once, and the table stays small whatever
/// the report holds. A content met once does not take the slot from a remembered one (people 1M has
/// 4,537 such contents among 231,855 findings of a few dozen repeated ones, and each displaced one was
/// rendered twice more when next met): it is only the slot's candidate, and takes the slot when met again.
/// Contents are known by identity alone, which is safe while the findings being written hold them.
struct DiagnosticJSON {
    private struct Slot {
        /// The content whose rendering the slot holds.
        var content: ObjectIdentifier?
        /// The last other content met in the slot, rendered afresh: it takes the slot if met next.
        var candidate: ObjectIdentifier?
        /// The content's rendering (`length` bytes, malloc'd).
        var bytes: UnsafeMutablePointer<UInt8>?
        var length = 0
        /// Where in `bytes` the column, the line and the record go.
        var cuts: (Int, Int, Int) = (0, 0, 0)
        /// The rendering with room for numbers of `lengths` in its cuts (malloc'd with `bytes`, room for the
        /// longest numbers); `lengths` (0, 0, 0) until laid out, since no number is 0 bytes long, and a
        /// null record's length -1 (it takes null's four bytes).
        var instance: UnsafeMutablePointer<UInt8>?
        var lengths: (Int, Int, Int) = (0, 0, 0)
    }

    /// The most bytes a position's three numbers take (`PrettyJSONWriter.intLength` of each).
    private static let numbersRoom = 3 * 20

    /// The slots in raw memory: copying a rendering out of an array of arrays retained and released
    /// both arrays at every finding.
    private final class Table {
        static let count = 256
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: count)

        init() { slots.initialize(repeating: Slot(), count: Self.count) }

        deinit {
            for i in 0..<Self.count {
                free(slots[i].bytes)
                free(slots[i].instance)
            }
            slots.deinitialize(count: Self.count)
            slots.deallocate()
        }
    }

    private let depth: Int
    private let table = Table()

    init(depth: Int) { self.depth = depth }

    func write(_ d: Diagnostic, _ w: PrettyJSONWriter) {
        withUnsafePointer(to: d) { write($0, w) }
    }

    /// `write` of the finding at `finding`, read in place: a report's findings are written from their
    /// array, and a copy of each retained and released its content.
    func write(_ finding: UnsafePointer<Diagnostic>, _ w: PrettyJSONWriter) {
        let content = ObjectIdentifier(finding.pointee.content)
        let address = UInt(bitPattern: content)
        let slot = table.slots + (Int(truncatingIfNeeded: (address >> 4) ^ (address >> 12)) & (Table.count - 1))
        if slot.pointee.content != content {
            guard slot.pointee.candidate == content else {
                slot.pointee.candidate = content
                Self.write(finding.pointee, w, depth)
                return
            }
            slot.pointee.content = content
            slot.pointee.candidate = nil
            free(slot.pointee.bytes)
            free(slot.pointee.instance)
            slot.pointee.lengths = (0, 0, 0)
            let depth = depth, d = finding.pointee
            let (bytes, marks) = PrettyJSONWriter.piece { w, mark in
                Self.write(d.content, w, depth) { _, _ in mark() }
            }
            guard let copy = malloc(max(bytes.count, 1))?.assumingMemoryBound(to: UInt8.self),
                  let instance = malloc(bytes.count + Self.numbersRoom)?.assumingMemoryBound(to: UInt8.self)
            else { fatalError("out of memory") }
            copy.initialize(from: bytes, count: bytes.count)
            slot.pointee.bytes = copy
            slot.pointee.instance = instance
            slot.pointee.length = bytes.count
            slot.pointee.cuts = (marks[0], marks[1], marks[2])
        }
        guard let instance = slot.pointee.instance else { return }
        let position = finding.pointee.position
        let record = position.record
        let lengths = (PrettyJSONWriter.intLength(position.column), PrettyJSONWriter.intLength(position.line),
                       record.map(PrettyJSONWriter.intLength) ?? -1)
        if lengths != slot.pointee.lengths { Self.layOut(slot, lengths) }
        let cuts = slot.pointee.cuts
        PrettyJSONWriter.putInt(position.column, length: lengths.0, at: instance + cuts.0)
        PrettyJSONWriter.putInt(position.line, length: lengths.1, at: instance + (cuts.1 &+ lengths.0))
        if let record {
            PrettyJSONWriter.putInt(record, length: lengths.2, at: instance + (cuts.2 &+ lengths.0 &+ lengths.1))
        }
        w.raw(UnsafeBufferPointer(start: instance, count: slot.pointee.length &+ lengths.0 &+ lengths.1 &+ (lengths.2 < 0 ? 4 : lengths.2)))
    }

    /// Lays out `slot`'s instance for numbers of `lengths`: the rendering's parts with room for the
    /// numbers between them (null written in the record's place when its length is -1).
    private static func layOut(_ slot: UnsafeMutablePointer<Slot>, _ lengths: (Int, Int, Int)) {
        guard let bytes = slot.pointee.bytes, let instance = slot.pointee.instance else { return }
        let cuts = slot.pointee.cuts
        var target = instance
        for (start, end, gap) in [(0, cuts.0, lengths.0), (cuts.0, cuts.1, lengths.1), (cuts.1, cuts.2, lengths.2 < 0 ? 4 : lengths.2)] {
            target.update(from: bytes + start, count: end - start)
            target += end - start + gap
        }
        if lengths.2 < 0 { (target - 4).update(from: Self.nullText.utf8Start, count: 4) }
        target.update(from: bytes + cuts.2, count: slot.pointee.length - cuts.2)
        slot.pointee.lengths = lengths
    }

    private static let nullText: StaticString = "null"

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
        writeRelated(content.related, w, inner)
        w.fieldStart(first: false, depth: inner, key: "rule")
        w.string(content.rule)
        w.fieldStart(first: false, depth: inner, key: "severity")
        w.string(content.severity.rawValue)
        w.raw("\n")
        w.indent(depth)
        w.raw("}")
    }

    /// `related` as `array` and `object` write it, field by field (their closures cost several hundred
    /// instructions a finding rendered afresh, a third of it for an empty array).
    private static func writeRelated(_ related: [RelatedLocation], _ w: PrettyJSONWriter, _ depth: Int) {
        guard !related.isEmpty else {
            w.raw("[\n\n")
            w.indent(depth)
            w.raw("]")
            return
        }
        w.raw("[")
        for i in related.indices {
            w.elementStart(first: i == 0, depth: depth + 1)
            w.raw("{")
            w.fieldStart(first: true, depth: depth + 2, key: "line")
            w.int(related[i].line)
            if let message = related[i].message {
                w.fieldStart(first: false, depth: depth + 2, key: "message")
                w.string(message)
            }
            if let path = related[i].path {
                w.fieldStart(first: false, depth: depth + 2, key: "path")
                w.string(path)
            }
            w.raw("\n")
            w.indent(depth + 1)
            w.raw("}")
        }
        w.raw("\n")
        w.indent(depth)
        w.raw("]")
    }
}

/// The machine-readable report of `reference/report-format.md`, schemaVersion 1.
///
/// Written directly rather than through Foundation's JSONEncoder, which spent about 100,000 instructions
/// per diagnostic (11% of a whole lint of the 1M-record benchmark). The output is byte for byte what
/// JSONEncoder writes with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` (a test compares the two),
/// so reports stay stable across the change.
public struct JSONReporter: Reporter {
    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        // The writer holds the sink only while it writes.
        try withoutActuallyEscaping(sink) { try Self.write(report, to: $0) }
    }

    public static func render(_ report: Report) throws -> String {
        PrettyJSONWriter.render { write(report, $0) }
    }

    /// Streams the report to `sink` in pieces of about 64 KB, so that a report of a file with hundreds of
    /// thousands of findings is never held in memory as text as well.
    public static func write(_ report: Report, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try PrettyJSONWriter.stream(to: sink) { write(report, $0) }
    }

    private static func write(_ report: Report, _ w: PrettyJSONWriter) {
        w.object(0) { o in
            o.field("files") { w in
                w.array(report.files.count, 1) { w, i in write(report.files[i], w, 2) }
            }
            o.field("schemaVersion") { $0.int(report.schemaVersion) }
            o.field("summary") { w in
                let s = report.summary
                w.object(1) { o in
                    o.field("errors") { $0.int(s.errors) }
                    o.field("files") { $0.int(s.files) }
                    o.field("fixable") { $0.int(s.fixable) }
                    o.field("fixableSafe") { $0.int(s.fixableSafe) }
                    o.field("fixableUnsafe") { $0.int(s.fixableUnsafe) }
                    o.field("infos") { $0.int(s.infos) }
                    o.field("omittedFindings") { $0.int(s.omittedFindings) }
                    o.field("records") { $0.int(s.records) }
                    o.field("rules") { w in
                        w.array(s.rules.count, 2) { w, i in
                            let r = s.rules[i]
                            w.object(3) { o in
                                o.field("code") { $0.string(r.code) }
                                o.field("count") { $0.int(r.count) }
                                o.field("rule") { $0.string(r.rule) }
                            }
                        }
                    }
                    o.field("warnings") { $0.int(s.warnings) }
                }
            }
            o.field("tool") { w in write(report.tool, w, 1) }
        }
    }

    static func write(_ tool: ToolInfo, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("name") { $0.string(tool.name) }
            o.field("version") { $0.string(tool.version) }
        }
    }

    private static func write(_ file: FileReport, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            if let clusters = file.clusters {
                o.field("clusters") { w in w.array(clusters.count, depth + 1) { w, i in write(clusters[i], w, depth + 2) } }
            }
            if let config = file.config { o.field("config") { $0.string(config) } }
            o.field("delimiter") { $0.string(file.delimiter) }
            o.field("diagnostics") { w in
                w.array(file.diagnostics.count, depth + 1) { w, i in write(file.diagnostics[i], w, depth + 2) }
            }
            o.field("encoding") { $0.string(file.encoding) }
            o.field("path") { $0.string(file.path) }
            o.field("profile") { $0.optionalString(file.profile) }
            o.field("records") { $0.int(file.records) }
        }
    }

    /// Written field by field rather than through `object`'s closures, which each took a copy of the
    /// diagnostic (a retain and a release per field, on a path that runs for every finding). The layout is
    /// `object`'s: fields one level deeper than the braces.
    static func write(_ d: Diagnostic, _ w: PrettyJSONWriter, _ depth: Int) {
        let content = d.content
        let inner = depth + 1
        w.raw("{")
        w.fieldStart(first: true, depth: inner, key: "code")
        w.string(content.code)
        w.fieldStart(first: false, depth: inner, key: "column")
        w.int(d.column)
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
        w.int(d.line)
        w.fieldStart(first: false, depth: inner, key: "message")
        w.string(content.message)
        w.fieldStart(first: false, depth: inner, key: "record")
        if let r = d.record { w.int(r) } else { w.null() }
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

    private static func write(_ c: Cluster, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("canonical") { $0.string(c.canonical) }
            o.field("field") { $0.string(c.field) }
            o.field("members") { w in
                w.array(c.members.count, depth + 1) { w, i in
                    let m = c.members[i]
                    w.object(depth + 2) { o in
                        o.field("count") { $0.int(m.count) }
                        o.field("lines") { w in w.array(m.lines.count, depth + 3) { w, j in w.int(m.lines[j]) } }
                        o.field("value") { $0.string(m.value) }
                    }
                }
            }
        }
    }
}

/// JSON text in Foundation's pretty-printed layout: two-space indentation, `"key" : value`, one element
/// per line, empty containers as an opening bracket, a blank line and the closing bracket. Callers emit
/// keys in sorted order. Appends bytes to one raw buffer: String appends cost about 150 instructions per
/// byte, and even `Array.append(contentsOf:)` about 100 per call, for pieces that are mostly a few bytes
/// long. With a sink, the buffer is handed over whenever it is full instead of growing. A class, so that
/// nested writers never copy it.
final class PrettyJSONWriter {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity = 1 << 16
    private let sink: ((UnsafeRawBufferPointer) throws -> Void)?
    /// The sink's first failure; nothing more is handed over after it, and `stream` throws it.
    private var failure: Error?

    private init(flushingTo sink: ((UnsafeRawBufferPointer) throws -> Void)? = nil) {
        self.sink = sink
        bytes = .allocate(capacity: capacity)
    }

    deinit { bytes.deallocate() }

    /// The document `body` writes, with its final newline.
    static func render(_ body: (PrettyJSONWriter) -> Void) -> String {
        let w = PrettyJSONWriter()
        body(w)
        w.append(0x0A)
        return String(decoding: UnsafeBufferPointer(start: w.bytes, count: w.count), as: UTF8.self)
    }

    /// Hands the document `body` writes, with its final newline, to `sink` piece by piece.
    static func stream(to sink: @escaping (UnsafeRawBufferPointer) throws -> Void, _ body: (PrettyJSONWriter) -> Void) throws {
        let w = PrettyJSONWriter(flushingTo: sink)
        body(w)
        w.append(0x0A)
        w.flush()
        if let failure = w.failure { throw failure }
    }

    private func flush() {
        guard let sink, failure == nil else { count = 0; return }
        do { try sink(UnsafeRawBufferPointer(start: bytes, count: count)) } catch { failure = error }
        count = 0
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity {
            if sink != nil { flush() }
            if count + n > capacity { grow(count + n) }
        }
    }

    private func grow(_ needed: Int) {
        while capacity < needed { capacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        grown.update(from: bytes, count: count)
        bytes.deallocate()
        bytes = grown
    }

    @inline(__always)
    private func append(_ byte: UInt8) {
        reserve(1)
        bytes[count] = byte
        count += 1
    }

    @inline(__always)
    private func append(_ piece: UnsafeRawBufferPointer) {
        guard let base = piece.baseAddress, !piece.isEmpty else { return }
        reserve(piece.count)
        put(base, piece.count)
    }

    /// Copies `n` bytes to the end, room reserved. Most pieces are a few bytes long, for which a call to
    /// memcpy costs more than the copy: up to 16 bytes go as two overlapping words.
    @inline(__always)
    private func put(_ source: UnsafeRawPointer, _ n: Int) {
        let target = UnsafeMutableRawPointer(bytes + count)
        if n >= 8 && n <= 16 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + (n &- 8)).storeBytes(of: (source + (n &- 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else if n < 8 {
            for i in 0..<n { target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
        } else {
            target.copyMemory(from: source, byteCount: n)
        }
        count &+= n
    }

    /// `depth` levels of indentation, room reserved.
    @inline(__always)
    private func putIndent(_ depth: Int) {
        let n = 2 &* depth
        let target = bytes + count
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var i = 0
        while i &+ 8 <= n {
            UnsafeMutableRawPointer(target + i).storeBytes(of: spaces, as: UInt64.self)
            i &+= 8
        }
        while i < n {
            target[i] = 0x20
            i &+= 1
        }
        count &+= n
    }

    /// A field's start, `,\n`, the indentation, the quoted key and ` : `, in one reservation.
    @inline(__always)
    fileprivate func fieldStart(first: Bool, depth: Int, key: StaticString) {
        let keyLength = key.utf8CodeUnitCount
        reserve(2 &+ 2 &* depth &+ keyLength &+ 5)
        if first {
            bytes[count] = 0x0A
            count &+= 1
        } else {
            bytes[count] = 0x2C
            bytes[count &+ 1] = 0x0A
            count &+= 2
        }
        putIndent(depth)
        bytes[count] = 0x22
        count &+= 1
        put(key.utf8Start, keyLength)
        put(Self.keyEnd.utf8Start, 4)
    }

    private static let keyEnd: StaticString = "\" : "

    @inline(__always)
    private func append(_ piece: UnsafeBufferPointer<UInt8>) { append(UnsafeRawBufferPointer(piece)) }

    struct ObjectWriter {
        fileprivate let writer: PrettyJSONWriter
        fileprivate let depth: Int
        fileprivate var first = true

        mutating func field(_ key: StaticString, _ value: (PrettyJSONWriter) -> Void) {
            writer.fieldStart(first: first, depth: depth + 1, key: key)
            first = false
            value(writer)
        }

        /// A key known only at run time (a dictionary's), escaped like any string.
        mutating func field(_ key: String, _ value: (PrettyJSONWriter) -> Void) {
            startField()
            writer.string(key)
            writer.raw(" : ")
            value(writer)
        }

        private mutating func startField() {
            writer.raw(first ? "\n" : ",\n")
            first = false
            writer.indent(depth + 1)
        }
    }

    func object(_ depth: Int, _ body: (inout ObjectWriter) -> Void) {
        raw("{")
        var o = ObjectWriter(writer: self, depth: depth)
        body(&o)
        raw(o.first ? "\n\n" : "\n")
        indent(depth)
        raw("}")
    }

    func array(_ count: Int, _ depth: Int, _ element: (PrettyJSONWriter, Int) -> Void) {
        raw("[")
        if count == 0 {
            raw("\n\n")
        } else {
            for i in 0..<count {
                raw(i == 0 ? "\n" : ",\n")
                indent(depth + 1)
                element(self, i)
            }
            raw("\n")
        }
        indent(depth)
        raw("]")
    }

    @inline(__always)
    func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func indent(_ depth: Int) {
        reserve(2 * depth)
        putIndent(depth)
    }

    /// Digits written straight into the buffer: a report of a large file holds about a hundred
    /// thousand line numbers, and `String(value)` allocates for each.
    func int(_ value: Int) {
        if value < 0 { append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    func null() { raw("null") }

    func bool(_ value: Bool) { if value { raw("true") } else { raw("false") } }

    func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    func string(_ value: String) {
        // Native strings (nearly all) are read in place; a copy is made only of the others.
        if value.utf8.withContiguousStorageIfAvailable({ string(utf8: $0) }) == nil {
            var copy = value
            copy.withUTF8 { string(utf8: $0) }
        }
    }

    private func string(utf8: UnsafeBufferPointer<UInt8>) {
        guard let p = utf8.baseAddress else { return raw("\"\"") }
        let n = utf8.count
        // Room for the plain case, the quotes included; an escape reserves its own.
        reserve(n &+ 2)
        bytes[count] = 0x22
        count &+= 1
        var plainStart = 0
        var i = 0
        while true {
            // Eight bytes at a time to the next byte that needs escaping: messages are long and
            // nearly always plain (byte at a time, this was an eighth of a whole lint's instructions).
            while i &+ 8 <= n {
                let mask = Self.escapeMask(UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                if mask != 0 { i &+= mask.trailingZeroBitCount >> 3; break }
                i &+= 8
            }
            // The last bytes as one word overlapping those already scanned, whose hits are shifted away
            // (none of them is one, so none lends a false hit to the bytes after it).
            if i &+ 8 > n && i < n && n >= 8 {
                let seen = UInt64(truncatingIfNeeded: (i &- (n &- 8)) &* 8)
                let mask = Self.escapeMask(UnsafeRawPointer(p + n - 8).loadUnaligned(as: UInt64.self)) >> seen
                i = mask == 0 ? n : i &+ mask.trailingZeroBitCount >> 3
            }
            while i < n && !Self.needsEscape(p[i]) { i &+= 1 }
            if i >= n { break }
            append(UnsafeBufferPointer(start: p + plainStart, count: i - plainStart))
            escape(p[i])
            i &+= 1
            plainStart = i
            // The rest, in the plain case, must still fit without a flush in between.
            reserve(n &- plainStart &+ 1)
        }
        put(p + plainStart, n &- plainStart)
        bytes[count] = 0x22
        count &+= 1
    }

    @inline(__always)
    private static func needsEscape(_ b: UInt8) -> Bool { b == 0x22 || b == 0x5C || b < 0x20 }

    /// High bit set in every byte of `w` (in memory order) that is a quote, a backslash or below 0x20. The
    /// lowest set bit is always a real hit (the borrow tricks only add false hits above a true one).
    @inline(__always)
    static func escapeMask(_ raw: UInt64) -> UInt64 {
        let w = UInt64(littleEndian: raw)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ 0x2222_2222_2222_2222
        let backslash = w ^ 0x5C5C_5C5C_5C5C_5C5C
        let control = (w &- 0x2020_2020_2020_2020) & ~w
        let hits = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
        return hits & 0x8080_8080_8080_8080
    }

    private func escape(_ b: UInt8) {
        switch b {
        case 0x22: raw("\\\"")
        case 0x5C: raw("\\\\")
        case 0x08: raw("\\b")
        case 0x09: raw("\\t")
        case 0x0A: raw("\\n")
        case 0x0C: raw("\\f")
        case 0x0D: raw("\\r")
        default:
            let hex = Array("0123456789abcdef".utf8)
            for byte in [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]] { append(byte) }
        }
    }
}

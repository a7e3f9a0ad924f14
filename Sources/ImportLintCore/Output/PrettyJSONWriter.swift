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

    /// The bytes `body` writes, with `marks` the number written at each call of `mark` (a piece rendered
    /// once and copied many times, with values written between its parts).
    static func piece(_ body: (PrettyJSONWriter, _ mark: () -> Void) -> Void) -> (bytes: [UInt8], marks: [Int]) {
        let w = PrettyJSONWriter()
        var marks: [Int] = []
        body(w) { marks.append(w.count) }
        return (Array(UnsafeBufferPointer(start: w.bytes, count: w.count)), marks)
    }

    /// Hands the document `body` writes, with its final newline unless told otherwise (a part of a larger
    /// document), to `sink` piece by piece.
    static func stream(to sink: @escaping (UnsafeRawBufferPointer) throws -> Void, finalNewline: Bool = true,
                       _ body: (PrettyJSONWriter) -> Void) throws {
        let w = PrettyJSONWriter(flushingTo: sink)
        body(w)
        if finalNewline { w.append(0x0A) }
        w.flush()
        if let failure = w.failure { throw failure }
    }

    /// A writer that keeps what it is given (a block of an array rendered on another thread, see
    /// `ParallelArray`).
    static func buffer() -> PrettyJSONWriter { PrettyJSONWriter() }

    /// Forgets what was written, keeping the room.
    func clear() { count = 0 }

    /// Appends what `other` holds; a streaming writer hands a large piece straight to its sink.
    func raw(_ other: PrettyJSONWriter) {
        let piece = UnsafeRawBufferPointer(start: other.bytes, count: other.count)
        guard sink != nil, piece.count >= capacity else { return append(piece) }
        flush()
        hand(piece)
    }

    private func flush() {
        hand(UnsafeRawBufferPointer(start: bytes, count: count))
        count = 0
    }

    private func hand(_ piece: UnsafeRawBufferPointer) {
        guard let sink, failure == nil else { return }
        do { try sink(piece) } catch { failure = error }
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
    /// memcpy costs more than the copy: up to 16 bytes go as two overlapping words, up to 128 (keys,
    /// short strings) as 16-byte blocks, the last one overlapping.
    @inline(__always)
    private func put(_ source: UnsafeRawPointer, _ n: Int) {
        let target = UnsafeMutableRawPointer(bytes + count)
        if n >= 8 && n <= 16 {
            target.storeBytes(of: source.loadUnaligned(as: UInt64.self), as: UInt64.self)
            (target + (n &- 8)).storeBytes(of: (source + (n &- 8)).loadUnaligned(as: UInt64.self), as: UInt64.self)
        } else if n < 8 {
            for i in 0..<n { target.storeBytes(of: source.load(fromByteOffset: i, as: UInt8.self), toByteOffset: i, as: UInt8.self) }
        } else if n <= 128 {
            var i = 0
            while i &+ 16 < n {
                (target + i).storeBytes(of: (source + i).loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
                i &+= 16
            }
            (target + (n &- 16)).storeBytes(of: (source + (n &- 16)).loadUnaligned(as: SIMD16<UInt8>.self), as: SIMD16<UInt8>.self)
        } else {
            target.copyMemory(from: source, byteCount: n)
        }
        count &+= n
    }

    /// `depth` levels of indentation, room reserved with `indentSlack` more: spaces go eight at a time,
    /// the last word past the indentation into that room (a byte at a time, an array element's six
    /// spaces cost more than the rest of its start).
    @inline(__always)
    private func putIndent(_ depth: Int) {
        let n = 2 &* depth
        let target = UnsafeMutableRawPointer(bytes + count)
        let spaces: UInt64 = 0x2020_2020_2020_2020
        var i = 0
        while i < n {
            (target + i).storeBytes(of: spaces, as: UInt64.self)
            i &+= 8
        }
        count &+= n
    }

    /// The room `putIndent` may write past the indentation.
    private static let indentSlack = 7

    /// A field's start, `,\n`, the indentation, the quoted key and ` : `, in one reservation.
    @inline(__always)
    func fieldStart(first: Bool, depth: Int, key: StaticString) {
        let keyLength = key.utf8CodeUnitCount
        reserve(2 &+ 2 &* depth &+ Self.indentSlack &+ keyLength &+ 5)
        putSeparator(first: first, depth: depth)
        bytes[count] = 0x22
        count &+= 1
        put(key.utf8Start, keyLength)
        put(Self.keyEnd.utf8Start, 4)
    }

    private static let keyEnd: StaticString = "\" : "

    /// An array element's start, `\n` before the first and `,\n` before the others, and the indentation,
    /// in one reservation (two appends cost about a hundred instructions an element).
    @inline(__always)
    func elementStart(first: Bool, depth: Int) {
        reserve(2 &+ 2 &* depth &+ Self.indentSlack)
        putSeparator(first: first, depth: depth)
    }

    /// `\n` before a container's first field or element, `,\n` before the others, then the indentation;
    /// room reserved.
    @inline(__always)
    private func putSeparator(first: Bool, depth: Int) {
        if first {
            bytes[count] = 0x0A
            count &+= 1
        } else {
            bytes[count] = 0x2C
            bytes[count &+ 1] = 0x0A
            count &+= 2
        }
        putIndent(depth)
    }

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
                elementStart(first: i == 0, depth: depth + 1)
                element(self, i)
            }
            raw("\n")
        }
        indent(depth)
        raw("]")
    }

    /// Bytes `piece` rendered, as they are.
    @inline(__always)
    func raw(_ bytes: UnsafeBufferPointer<UInt8>) { append(bytes) }

    @inline(__always)
    func raw(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    func indent(_ depth: Int) {
        reserve(2 * depth + Self.indentSlack)
        putIndent(depth)
    }

    /// Digits written straight into the buffer, two at a time from the end: a report of a large file
    /// holds about a million line numbers (a cluster lists every row of a variant), and `String(value)`
    /// allocates for each. The length comes from a few comparisons and each pair goes as one 16-bit
    /// store (a loop multiplying up to the length and byte stores took about 100 instructions a number).
    func int(_ value: Int) {
        reserve(Self.maxIntLength)
        putInt(value)
    }

    /// The most bytes `putInt` writes: a sign and 19 digits.
    private static let maxIntLength = 20

    /// `int`, room reserved.
    @inline(__always)
    private func putInt(_ value: Int) {
        let length = Self.intLength(value)
        Self.putInt(value, length: length, at: bytes + count)
        count &+= length
    }

    /// How many bytes `putInt` writes for `value`: its digits and a sign.
    @inline(__always)
    static func intLength(_ value: Int) -> Int {
        digitCount(UInt64(value.magnitude)) &+ (value < 0 ? 1 : 0)
    }

    /// `value` as its `length` (`intLength`) bytes at `start`, wherever that is (a remembered finding's
    /// rendering, see `DiagnosticJSON`).
    @inline(__always)
    static func putInt(_ value: Int, length: Int, at start: UnsafeMutablePointer<UInt8>) {
        if value < 0 { start.pointee = 0x2D }
        var magnitude = UInt64(value.magnitude)
        let pairs = UnsafeRawPointer(Self.digitPairs)
        var end = UnsafeMutableRawPointer(start + length)
        while magnitude >= 100 {
            let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: 100)
            magnitude = quotient
            end -= 2
            end.storeBytes(of: pairs.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: remainder) &* 2, as: UInt16.self),
                           as: UInt16.self)
        }
        if magnitude >= 10 {
            end -= 2
            end.storeBytes(of: pairs.loadUnaligned(fromByteOffset: Int(truncatingIfNeeded: magnitude) &* 2, as: UInt16.self),
                           as: UInt16.self)
        } else {
            (end - 1).storeBytes(of: 0x30 &+ UInt8(truncatingIfNeeded: magnitude), as: UInt8.self)
        }
    }

    /// How many decimal digits `value` has: comparisons, shortest for the numbers a report holds most
    /// (columns, and lines of up to seven digits).
    @inline(__always)
    static func digitCount(_ value: UInt64) -> Int {
        if value < 100_000 {
            if value < 100 { return value < 10 ? 1 : 2 }
            return value < 1_000 ? 3 : (value < 10_000 ? 4 : 5)
        }
        if value < 10_000_000 { return value < 1_000_000 ? 6 : 7 }
        var length = 8
        var power: UInt64 = 100_000_000
        while length < 20 && value >= power {
            length &+= 1
            if length < 20 { power &*= 10 }
        }
        return length
    }

    /// "00" to "99", two bytes each: a literal, so that reading it costs no lazy initialization check.
    private static var digitPairs: UnsafePointer<UInt8> {
        ("00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899" as StaticString).utf8Start
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

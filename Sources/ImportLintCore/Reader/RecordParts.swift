/// How a record's last line ended; the fixer keeps the input's style.
public enum LineTerminator: UInt8, Sendable {
    case none, lf, crlf, cr

    public var bytes: [UInt8] {
        switch self {
        case .none: []
        case .lf: [0x0A]
        case .crlf: [0x0D, 0x0A]
        case .cr: [0x0D]
        }
    }
}

/// Where one cell sits: its value bytes, and the physical line and line start of its first byte.
public struct FieldSlot: Sendable {
    /// Value bytes, in the reader's buffer or, for cells with doubled quotes, in its scratch buffer.
    var start: Int
    var end: Int
    /// Offset of the cell's first byte (its opening quote when quoted) in the reader's buffer.
    var rawStart: Int
    var line: Int
    var lineStart: Int
    public var quoted: Bool
    var inScratch: Bool
}

/// A physical line holding bytes that are not UTF-8, with every bad byte of that line.
public struct InvalidUTF8Line: Sendable {
    public var line: Int
    var lineStart: Int
    var firstBadOffset: Int
    public var badBytes: [UInt8]
}

/// The first control character of a cell.
public struct ControlCharacterHit: Sendable {
    public var field: Int
    var offset: Int
    public var scalar: UInt32
}

/// A quote that opened a cell and never closed; the rest of the file was swallowed into that cell.
public struct UnterminatedQuote: Sendable {
    public var field: Int
    public var line: Int
    var offset: Int
    var lineStart: Int
}

/// A scratch byte store whose base address only changes when it grows, between records.
struct ScratchBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    mutating func free() { base.deallocate() }

    mutating func reset() { count = 0 }

    mutating func append(_ p: UnsafePointer<UInt8>, _ n: Int) {
        if count + n > capacity {
            var newCapacity = capacity * 2
            while newCapacity < count + n { newCapacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            grown.update(from: base, count: count)
            base.deallocate()
            base = grown
            capacity = newCapacity
        }
        (base + count).update(from: p, count: n)
        count += n
    }
}

/// The current record's cell slots in a manually managed buffer. `bytes(i)` is called for every cell by
/// every rule, and reading an element of an Array stored in a class retains and releases the array's
/// storage each time (about a tenth of a whole lint, measured with callgrind). Slots are trivial values.
struct FieldBuffer {
    private(set) var base: UnsafeMutablePointer<FieldSlot>
    private(set) var count = 0
    private var capacity: Int

    init() {
        capacity = 64
        base = .allocate(capacity: capacity)
    }

    mutating func free() { base.deallocate() }

    mutating func removeAll() { count = 0 }

    var isEmpty: Bool { count == 0 }

    var last: FieldSlot? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    subscript(index: Int) -> FieldSlot { base[index] }

    mutating func append(_ slot: FieldSlot) {
        if count == capacity {
            let grown = UnsafeMutablePointer<FieldSlot>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: slot)
        count += 1
    }
}

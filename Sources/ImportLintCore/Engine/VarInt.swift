/// Non-negative numbers in seven bits a byte, and signed ones zigzag-encoded first.
enum VarInt {
    @inline(__always)
    static func write(_ value: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        var v = UInt(bitPattern: value)
        while v >= 0x80 {
            p.pointee = UInt8(truncatingIfNeeded: v) | 0x80
            p += 1
            v >>= 7
        }
        p.pointee = UInt8(v)
        p += 1
    }

    @inline(__always)
    static func writeSigned(_ value: Int, _ p: inout UnsafeMutablePointer<UInt8>) {
        write(Int(bitPattern: UInt(bitPattern: value << 1) ^ UInt(bitPattern: value >> 63)), &p)
    }

    @inline(__always)
    static func read(_ p: inout UnsafePointer<UInt8>) -> Int {
        var value: UInt = 0
        var shift: UInt = 0
        while true {
            let byte = p.pointee
            p += 1
            // Wrapping shifts: the numbers were written here, in at most ten bytes (a checked shift tested
            // its distance twice a byte).
            value |= UInt(byte & 0x7F) &<< shift
            if byte < 0x80 { break }
            shift &+= 7
        }
        return Int(bitPattern: value)
    }

    @inline(__always)
    static func readSigned(_ p: inout UnsafePointer<UInt8>) -> Int {
        let v = UInt(bitPattern: read(&p))
        return Int(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }
}

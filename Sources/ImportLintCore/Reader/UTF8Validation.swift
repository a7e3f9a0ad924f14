/// Strict UTF-8 sequence checks (Unicode Table 3-7: no overlongs, surrogates or values above U+10FFFF).
enum UTF8Validation {
    /// Length of the valid sequence starting at `i` (a non-ASCII lead byte); 0 when the input ends
    /// inside a sequence that could still be valid; or minus the length of the invalid maximal subpart.
    @inline(__always)
    static func sequenceLength(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        let b0 = p[i]
        let need: Int
        var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: need = 1
        case 0xE0: need = 2; lo = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: need = 2
        case 0xED: need = 2; hi = 0x9F
        case 0xF0: need = 3; lo = 0x90
        case 0xF1...0xF3: need = 3
        case 0xF4: need = 3; hi = 0x8F
        default: return -1
        }
        var k = 1
        while k <= need {
            if i + k >= n { return 0 }
            let b = p[i + k]
            let low = k == 1 ? lo : 0x80
            let high = k == 1 ? hi : 0xBF
            if b < low || b > high { return -k }
            k += 1
        }
        return need + 1
    }

    static func sequenceLength(_ bytes: [UInt8], _ i: Int, _ n: Int) -> Int {
        bytes.withUnsafeBufferPointer { sequenceLength($0.baseAddress!, i, n) }
    }
}

/// Windows-1258 has no Vietnamese letter with a tone mark: it stores "ễ" as "ê" and U+0303, a combining
/// mark of its own after the letter. Decoded byte for byte, every Vietnamese word would be text no keyboard
/// types (not NFC), and nearly every cell a not-nfc finding, although the file holds exactly what its writer
/// meant. So the decoded stream is composed (NFC, canonically the same text) before anything reads it:
/// the tone marks become part of their letters, as Vietnamese typed on any Unicode system stores them, and
/// as `fix`'s transcode writes them.
final class ComposingSource: ByteSource {
    private let inner: ByteSource
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    /// Decoded bytes not composed yet: from the last ASCII byte on, since a mark may still follow it.
    private var held: [UInt8] = []
    private var ready: [UInt8] = []
    private var readyStart = 0
    private var innerFinished = false

    init(_ inner: ByteSource) { self.inner = inner }

    /// Whether `charset`, by whatever name, writes the tone marks apart: Windows-1258, whose bytes 0xD2 and
    /// 0xDE are the hook above and the tilde.
    static func writesTonesApart(_ charset: String) -> Bool {
        CharsetJudge.decode([0xD2, 0xDE], charset: charset) == [0x309, 0x303]
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        while readyStart == ready.count {
            if innerFinished { return 0 }
            let n = try chunk.withUnsafeMutableBufferPointer { try inner.read(into: $0.baseAddress!, count: $0.count) }
            held += chunk[0..<n]
            let cut: Int
            if n == 0 {
                innerFinished = true
                cut = held.count
            } else {
                cut = held.lastIndex { $0 < 0x80 } ?? 0
            }
            let part = held[0..<cut]
            ready = part.withUnsafeBufferPointer { ICUBridge.nfc($0) } ?? Array(part)
            readyStart = 0
            held.removeFirst(cut)
        }
        let n = min(count, ready.count - readyStart)
        ready.withUnsafeBufferPointer { buffer.update(from: $0.baseAddress! + readyStart, count: n) }
        readyStart += n
        return n
    }
}

import Dispatch

/// A JSON array of many elements rendered by two threads, byte for byte what `PrettyJSONWriter.array`
/// writes. The elements go in blocks: a helper thread renders every second block into one of two buffers
/// of its own while the writer renders the blocks in between, and the writer takes the helper's blocks in
/// order. The report of a file with hundreds of thousands of findings is written while the other core
/// would be idle, and held as text two blocks at most.
final class ParallelArray: @unchecked Sendable {
    /// Elements per block: enough that waiting for a block is rare, few enough that a block's text stays
    /// small (about 1.3 MB of findings).
    static let blockSize = 2048

    private let count: Int
    private let depth: Int
    private let blocks: Int
    /// Makes one thread's element writer (each has state of its own, such as `DiagnosticJSON`'s table).
    private let makeElement: @Sendable () -> (PrettyJSONWriter, Int) -> Void
    private let buffers = [PrettyJSONWriter.buffer(), PrettyJSONWriter.buffer()]
    private let rendered = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
    private let taken = [DispatchSemaphore(value: 1), DispatchSemaphore(value: 1)]
    private let helperDone = DispatchSemaphore(value: 0)

    /// `array(count, depth, element)` on `w`, on two threads when `threads` allows and there are enough
    /// elements to share.
    static func write(_ count: Int, _ depth: Int, threads: Int, to w: PrettyJSONWriter,
                      element makeElement: @escaping @Sendable () -> (PrettyJSONWriter, Int) -> Void) {
        guard threads > 1, count >= 2 * blockSize else { return w.array(count, depth, makeElement()) }
        ParallelArray(count: count, depth: depth, makeElement: makeElement).write(to: w)
    }

    private init(count: Int, depth: Int, makeElement: @escaping @Sendable () -> (PrettyJSONWriter, Int) -> Void) {
        self.count = count
        self.depth = depth
        self.makeElement = makeElement
        blocks = (count + Self.blockSize - 1) / Self.blockSize
    }

    private func write(to w: PrettyJSONWriter) {
        DispatchQueue.global().async { [self] in
            let element = makeElement()
            // Odd blocks, alternately into buffer 0 and 1 (block b's buffer is b / 2 % 2).
            for block in stride(from: 1, to: blocks, by: 2) {
                let slot = block / 2 % 2
                taken[slot].wait()
                buffers[slot].clear()
                render(block, into: buffers[slot], element)
                rendered[slot].signal()
            }
            helperDone.signal()
        }
        let element = makeElement()
        w.raw("[")
        for block in 0..<blocks {
            if block % 2 == 0 {
                render(block, into: w, element)
            } else {
                let slot = block / 2 % 2
                rendered[slot].wait()
                w.raw(buffers[slot])
                taken[slot].signal()
            }
        }
        helperDone.wait()
        w.raw("\n")
        w.indent(depth)
        w.raw("]")
    }

    /// The elements of `block`, each after its separator and indentation as `array` writes them.
    private func render(_ block: Int, into w: PrettyJSONWriter, _ element: (PrettyJSONWriter, Int) -> Void) {
        for i in block * Self.blockSize..<min(count, (block + 1) * Self.blockSize) {
            w.elementStart(first: i == 0, depth: depth + 1)
            element(w, i)
        }
    }
}

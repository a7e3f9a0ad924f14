import Foundation

/// A JSON array of many elements rendered by two threads, byte for byte what `PrettyJSONWriter.array`
/// writes. The elements go in blocks that either thread takes as it comes free, each rendered into a
/// buffer of a small ring; the writer thread hands the blocks to its writer in order, rendering blocks
/// itself while the next one to write is still being rendered. Neither thread waits for the other's block
/// (taking every second block in turn, a thread slowed for a moment held the other back: a quarter of both
/// cores sat idle while a large report was written), and the report is held as text a ring of blocks at
/// most.
final class ParallelArray: @unchecked Sendable {
    /// Elements per block: many blocks, so that the threads end close together; each block's text is
    /// large enough (about 400 KB of findings) to go to the sink in one piece.
    static let blockSize = 512
    /// Blocks rendered and not yet written, at most (a few MB of text).
    static let ringSize = 8

    private let count: Int
    private let depth: Int
    private let blocks: Int
    /// Makes one thread's element writer (each has state of its own, such as `DiagnosticJSON`'s table).
    private let makeElement: @Sendable () -> (PrettyJSONWriter, Int) -> Void
    private let buffers = (0..<ringSize).map { _ in PrettyJSONWriter.buffer() }
    /// Guards `taken`, `rendered` and `written`; signalled when a block is rendered or written.
    private let state = NSCondition()
    /// Blocks handed to a thread so far, in order.
    private var taken = 0
    /// Whether the block using each ring slot is rendered and not yet written.
    private var rendered = [Bool](repeating: false, count: ringSize)
    /// Blocks written so far, in order.
    private var written = 0
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
            while let block = take() { render(block, element) }
            helperDone.signal()
        }
        let element = makeElement()
        w.raw("[")
        state.lock()
        while written < blocks {
            let slot = written % Self.ringSize
            if rendered[slot] {
                state.unlock()
                w.raw(buffers[slot])
                state.lock()
                rendered[slot] = false
                written += 1
                state.broadcast()
            } else if let block = takeLocked() {
                state.unlock()
                render(block, element)
                state.lock()
            } else {
                state.wait()
            }
        }
        state.unlock()
        helperDone.wait()
        w.raw("\n")
        w.indent(depth)
        w.raw("]")
    }

    /// The next block to render, waiting while the ring is full; nil when every block is taken.
    private func take() -> Int? {
        state.lock()
        defer { state.unlock() }
        while true {
            if taken == blocks { return nil }
            if let block = takeLocked() { return block }
            state.wait()
        }
    }

    /// The next block when the ring has room for it, `state` held.
    private func takeLocked() -> Int? {
        guard taken < blocks, taken < written + Self.ringSize else { return nil }
        taken += 1
        return taken - 1
    }

    /// Renders `block`'s elements, each after its separator and indentation as `array` writes them, into
    /// its ring slot, and marks it rendered.
    private func render(_ block: Int, _ element: (PrettyJSONWriter, Int) -> Void) {
        let buffer = buffers[block % Self.ringSize]
        buffer.clear()
        for i in block * Self.blockSize..<min(count, (block + 1) * Self.blockSize) {
            buffer.elementStart(first: i == 0, depth: depth + 1)
            element(buffer, i)
        }
        state.lock()
        rendered[block % Self.ringSize] = true
        state.broadcast()
        state.unlock()
    }
}

import Dispatch
import Foundation

/// Runs independent jobs on up to `workers` threads and hands back their outcomes in job order, so that
/// what is reported never depends on which job finished first.
public enum ParallelMap {
    public static func run<T: Sendable>(_ count: Int, workers: Int, _ body: @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
        let workers = max(1, min(workers, count))
        if workers == 1 { return (0..<count).map { index in Result { try body(index) } } }
        let slots = Slots<T>(count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = slots.claim() { slots.store(Result { try body(index) }, at: index) }
        }
        return slots.outcomes
    }

    /// `body` on `pieces` consecutive ranges of `0..<count`, nearly equal, taken in turn by `workers` threads
    /// (one per piece by default); outcomes in range order.
    static func ranges<T: Sendable>(of count: Int, pieces: Int, workers: Int? = nil,
                                    _ body: @Sendable (Range<Int>) throws -> T) -> [Result<T, any Error>] {
        run(pieces, workers: workers ?? pieces) { piece in try body(count * piece / pieces ..< count * (piece + 1) / pieces) }
    }

    /// The next job to take and the outcomes so far, behind a lock.
    private final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var stored: [Result<T, any Error>?]

        init(_ count: Int) { stored = Array(repeating: nil, count: count) }

        func claim() -> Int? {
            lock.withLock {
                guard next < stored.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        func store(_ outcome: Result<T, any Error>, at index: Int) {
            lock.withLock { stored[index] = outcome }
        }

        var outcomes: [Result<T, any Error>] { lock.withLock { stored.map { $0! } } }
    }
}

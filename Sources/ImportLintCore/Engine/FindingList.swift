/// A file's findings in the order they were kept, in chunks of a fixed size: one array growing to millions
/// of findings would, each time it grows, hold its old and its new storage at once.
struct FindingList {
    private static let chunkSize = 1 << 14
    private var chunks: [[Diagnostic]] = []
    private(set) var count = 0

    mutating func append(_ diagnostic: Diagnostic) {
        if count % Self.chunkSize == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(diagnostic)
        count += 1
    }

    /// All findings in one array, emptying the list chunk by chunk as they are moved.
    mutating func takeAll() -> [Diagnostic] {
        var all: [Diagnostic] = []
        all.reserveCapacity(count)
        for c in chunks.indices {
            all += chunks[c]
            chunks[c] = []
        }
        self = FindingList()
        return all
    }

    /// Rewrites or withdraws findings by their index in the list (`body` returns nil to withdraw).
    mutating func revise(_ body: (Int, Diagnostic) -> Diagnostic?) {
        var kept = FindingList()
        var index = 0
        for c in chunks.indices {
            for diagnostic in chunks[c] {
                if let revised = body(index, diagnostic) { kept.append(revised) }
                index += 1
            }
            chunks[c] = []
        }
        self = kept
    }
}

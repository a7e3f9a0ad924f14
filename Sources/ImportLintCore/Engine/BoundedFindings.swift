/// `--max-findings`: keeps a file's first `limit` findings in report order (by line, column, then the
/// order they were reported) however many arrive, in a max-heap on that key, and counts the ones it
/// lets go, so that memory stays at `limit` findings and the summary and exit status still see them all.
struct BoundedFindings {
    let limit: Int
    /// A max-heap on `key`: the root is the finding that goes first when a smaller one arrives.
    private var heap: [(key: Key, diagnostic: Diagnostic)] = []
    private var sequence = 0
    /// The findings let go.
    private(set) var omitted = FindingTally()

    struct Key: Comparable {
        let line: Int, column: Int, sequence: Int
        static func < (a: Key, b: Key) -> Bool { (a.line, a.column, a.sequence) < (b.line, b.column, b.sequence) }
    }

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    mutating func insert(_ d: Diagnostic) {
        let key = Key(line: d.line, column: d.column, sequence: sequence)
        sequence += 1
        if heap.count < limit {
            heap.append((key, d))
            siftUp(heap.count - 1)
        } else if let root = heap.first, key < root.key {
            omitted.add(root.diagnostic)
            heap[0] = (key, d)
            siftDown(0)
        } else {
            omitted.add(d)
        }
    }

    /// Rewrites or withdraws kept findings by their sequence number; positions do not change.
    mutating func revise(_ revisions: [Int: (Diagnostic) -> Diagnostic?]) {
        heap = heap.compactMap { entry in
            guard let revise = revisions[entry.key.sequence] else { return entry }
            return revise(entry.diagnostic).map { (entry.key, $0) }
        }
        heap.sort { $1.key < $0.key }  // descending: a valid max-heap
    }

    /// The kept findings in report order; empties the heap.
    mutating func takeSorted() -> [Diagnostic] {
        let all = heap.sorted { $0.key < $1.key }.map(\.diagnostic)
        heap = []
        return all
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].key < heap[child].key else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ index: Int) {
        var parent = index
        while true {
            var largest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < heap.count && heap[largest].key < heap[child].key {
                largest = child
            }
            guard largest != parent else { return }
            heap.swapAt(parent, largest)
            parent = largest
        }
    }
}

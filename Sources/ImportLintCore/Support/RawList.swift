/// A growable list of trivial values in manually managed memory, for the paths that run for every cell or
/// row: reading an element of an Array stored in a class retains and releases the array's storage each
/// time (about a tenth of a whole lint, measured with callgrind). Copies share the storage; the owner
/// calls `deallocate()` once. The base address changes only when the list grows.
struct RawList<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 64) {
        self.capacity = max(capacity, 1)
        base = .allocate(capacity: self.capacity)
    }

    func deallocate() { base.deallocate() }

    mutating func removeAll() { count = 0 }

    var isEmpty: Bool { count == 0 }

    var last: Element? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(_ elements: UnsafePointer<Element>, count n: Int) {
        if count + n > capacity { grow(toHold: count + n) }
        (base + count).update(from: elements, count: n)
        count += n
    }

    /// Appends `n` elements that `initialize` writes in place from the pointer it is given: one capacity
    /// check and one count update for a batch.
    @inline(__always)
    mutating func append(count n: Int, _ initialize: (UnsafeMutablePointer<Element>) -> Void) {
        if count + n > capacity { grow(toHold: count + n) }
        initialize(base + count)
        count += n
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}

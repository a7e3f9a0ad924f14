/// A list of plain values in memory that `LayerMemory` maps on huge pages once it is large. A list that
/// grows by millions of entries while a file is read (the first rows of a split file's later part, 24 bytes
/// each) took a page fault for every 4 KiB it filled: a tenth of the later part's identifier check.
///
/// A value, not a class (a class read from a rule at every record was retained and released each time):
/// its owner calls `deallocate`, once. Sendable for threads that only read it.
struct HugePageList<Element: BitwiseCopyable>: @unchecked Sendable {
    private var base: UnsafeMutablePointer<Element>?
    /// Bytes mapped (0: none, or from malloc; see `LayerMemory`).
    private var mapped = 0
    private var capacity = 0
    private(set) var count = 0

    func deallocate() {
        if let base { LayerMemory.deallocate(UnsafeMutableRawPointer(base), mapped: mapped) }
    }

    /// Room for `n` elements in all, made at once: growing by doubling would map the list again and again.
    mutating func reserve(_ n: Int) {
        guard n > capacity else { return }
        let (bytes, mapped) = LayerMemory.allocate(n * MemoryLayout<Element>.stride)
        let grown = bytes.bindMemory(to: Element.self, capacity: n)
        if let base { grown.update(from: base, count: count) }
        deallocate()
        (base, self.mapped, capacity) = (grown, mapped, n)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { reserve(max(1 << 10, capacity + capacity / 2)) }
        (base! + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    subscript(index: Int) -> Element { base![index] }
}

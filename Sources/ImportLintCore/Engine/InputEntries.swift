/// A UTF-8 input opened once and entered at many offsets of its decoded stream: re-reading a few records
/// here and there (the first rows of repeated keys) opened and closed the file for each record before.
final class InputEntries {
    enum Storage {
        case file(FileSource)
        case bytes([UInt8])
    }

    private let storage: Storage
    private let bomLength: Int

    init(_ storage: Storage, bomLength: Int) {
        self.storage = storage
        self.bomLength = bomLength
    }

    /// The decoded stream from `offset` on; sources from one `InputEntries` share its descriptor.
    func source(at offset: Int) -> ByteSource {
        switch storage {
        case .file(let file): FileEntry(file, at: bomLength + offset)
        case .bytes(let bytes): MemorySource(bytes, from: bomLength + offset)
        }
    }

    /// Reads a shared descriptor from its own offset.
    private final class FileEntry: ByteSource {
        private let file: FileSource
        private var offset: Int

        init(_ file: FileSource, at offset: Int) {
            self.file = file
            self.offset = offset
        }

        func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
            let n = try file.read(into: buffer, count: count, at: offset)
            offset += n
            return n
        }
    }
}

/// Chooses the delimiter from the header line: the candidate (tab, comma, semicolon, pipe) that occurs most often
/// outside quotes. A one-column header falls back on the file extension.
enum DelimiterSniffer {
    /// How much of a file's head is read first to sniff its delimiter (`sniff(_:path:)` with a source).
    static let shortHead = 1 << 16

    static func sniff(_ head: UnsafeBufferPointer<UInt8>, path: String) -> UInt8 {
        sniff(head, path: path, whole: true)!
    }

    /// The delimiter of the stream `open` reads from its start, sniffed in its first 64 KiB, which nearly
    /// always hold the lines `sniff` reads (up to the header's end); when they do not, in the megabyte
    /// `CSVReader.head` holds, as before. Reading and faulting in that megabyte for a header line took
    /// ~0.4 ms before either part of a split file could start.
    static func sniff(_ open: () throws -> ByteSource, path: String) throws -> UInt8 {
        try sniff(CSVReader(source: try open(), chunkSize: shortHead), chunkSize: shortHead, reopening: open, path: path)
    }

    /// The delimiter of the stream `reader` (made with `chunkSize`, nothing read yet) reads from its start,
    /// sniffed in its head; when a line `sniff` reads runs past that head, in the megabyte head of the
    /// stream `open` reads again. The reader then reads on from its start (a header peek's own reader).
    static func sniff(_ reader: CSVReader, chunkSize: Int, reopening open: () throws -> ByteSource, path: String) throws -> UInt8 {
        // The heads are the readers' buffers: each reader is kept until its head is sniffed.
        let head = try reader.head()
        if let delimiter = withExtendedLifetime(reader, { sniff(head, path: path, whole: head.count < chunkSize) }) { return delimiter }
        let long = CSVReader(source: try open())
        let longHead = try long.head()
        return withExtendedLifetime(long) { sniff(longHead, path: path) }
    }

    /// nil when a line `sniff` reads runs to the end of `head` and `head` is not the `whole` stream: the
    /// bytes after it might change the verdict.
    private static func sniff(_ head: UnsafeBufferPointer<UInt8>, path: String, whole: Bool) -> UInt8? {
        var i = 0
        let n = head.count
        // Skip a PowerShell '#TYPE ...' line, a 'sep=;' line (whose delimiter decides a one-column header), an
        // Entra template's 'version:v1.0' line (padded with empty cells when a spreadsheet saved it) and a SQL
        // client's message ('Changed database context to 'HR'.').
        var hint: UInt8?
        func skipLine() {
            while i < n && head[i] != 0x0A && head[i] != 0x0D { i += 1 }
            while i < n && (head[i] == 0x0A || head[i] == 0x0D) { i += 1 }
        }
        while true {
            let rest = UnsafeBufferPointer(rebasing: head[i...])
            let lineEnd = rest.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? rest.endIndex
            if lineEnd == rest.endIndex && !whole { return nil }
            if rest.starts(with: CSVReader.typeLinePrefix)
                || CSVReader.templateVersionLength(in: UnsafeBufferPointer(rebasing: rest[..<lineEnd])) != nil
                || SQLClientMessage(line: UnsafeBufferPointer(rebasing: rest[..<lineEnd])) != nil {
                skipLine()
            } else if let d = CSVReader.separatorHint(in: UnsafeBufferPointer(rebasing: rest[..<lineEnd])) {
                hint = d
                skipLine()
            } else {
                break
            }
        }
        var counts: [UInt8: Int] = [0x09: 0, 0x2C: 0, 0x3B: 0, 0x7C: 0]
        var quoted = false
        while i < n {
            let c = head[i]
            if c == 0x22 { quoted.toggle() } else if !quoted {
                if c == 0x0A || c == 0x0D { break }
                if counts[c] != nil { counts[c]! += 1 }
            }
            i += 1
        }
        if i == n && !whole { return nil }
        let ranked = [UInt8(0x09), 0x2C, 0x3B, 0x7C].sorted { counts[$0]! > counts[$1]! }
        if counts[ranked[0]]! > 0 { return ranked[0] }
        if let hint { return hint }
        return path.lowercased().hasSuffix(".tsv") || path.lowercased().hasSuffix(".tab") ? 0x09 : 0x2C
    }

    static func name(_ d: UInt8) -> String { String(UnicodeScalar(d)) }

    /// The delimiter as messages name it: 'comma', 'tab', 'semicolon', 'pipe'.
    static func word(_ d: UInt8) -> String {
        switch d {
        case 0x2C: "comma"
        case 0x09: "tab"
        case 0x3B: "semicolon"
        case 0x7C: "pipe"
        default: "'\(name(d))'"
        }
    }
}

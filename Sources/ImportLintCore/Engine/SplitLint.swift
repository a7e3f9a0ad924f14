import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lints one large file on two cores. The file is cut at a line feed near its middle; the later part is
/// linted on a second thread, by rules of its own, while the linter reads the earlier part; then the later
/// part's findings and rule state join the earlier part's (`LaterPart`, `RecordRule.absorb`) so that the
/// report is byte for byte the one a single pass gives.
///
/// The cut is a guess: the line feed can be inside a quoted cell. The earlier part's reader tells: it must
/// end on a record boundary on the line the later part started numbering at. When it does not, or a rule
/// cannot merge, the file is linted again in one piece (`Abandoned`): the split is only a speed-up.
enum SplitLint {
    /// The file is not linted in parts after all: lint it in one piece.
    struct Abandoned: Error {}

    /// Smaller files are read in one piece: a second thread and the merge are not worth it.
    static let minimumBytes = 32 << 20
    /// How far past the middle a line feed is looked for.
    private static let searchBytes = 1 << 20

    /// Where to cut the file: the raw byte offset just after a line feed, or nil when it is read in one
    /// piece (one thread for it, too small, not UTF-8, no line feed near the middle).
    static func cut(_ input: InputFile, encoding: InputEncoding, options: LintOptions) throws -> Int? {
        guard case .utf8 = encoding else { return nil }
        let target: Int
        if let forced = options.splitOffset {
            target = forced
        } else {
            guard options.threadsPerFile > 1, let size = input.byteCount, size >= minimumBytes else { return nil }
            target = size / 2
        }
        let bom = encoding.bomLength
        guard target > bom, let source = try input.openDecoded(encoding, at: target - 1 - bom) else { return nil }
        var chunk = [UInt8](repeating: 0, count: searchBytes)
        let n = try chunk.withUnsafeMutableBufferPointer { try EncodingSniffer.readFully(source, $0.baseAddress!, $0.count) }
        guard let lineFeed = chunk[..<n].firstIndex(of: CSVReader.lf), target + lineFeed < (input.byteCount ?? .max) else { return nil }
        return target + lineFeed
    }

    /// The line the byte at raw offset `cut` is on, counted as the reader counts (LF, CRLF and a lone CR
    /// end a line).
    static func line(at cut: Int, _ input: InputFile, encoding: InputEncoding) throws -> Int {
        let source = try input.openDecoded(encoding)
        var remaining = cut - encoding.bomLength
        var breaks = 0
        var previousCR = false
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while remaining > 0 {
            let n = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0.baseAddress!, count: min($0.count, remaining)) }
            guard n > 0 else { break }
            chunk.withUnsafeBufferPointer { bytes in
                if !previousCR, memchr(bytes.baseAddress!, Int32(CSVReader.cr), n) == nil {
                    // No CR: a plain count, which the compiler vectorizes.
                    var lineFeeds = 0
                    for byte in bytes[..<n] { lineFeeds &+= byte == CSVReader.lf ? 1 : 0 }
                    breaks += lineFeeds
                    return
                }
                // A CR ends a line; an LF does unless it follows a CR (a CRLF counts once, at its CR).
                for byte in bytes[..<n] {
                    if byte == CSVReader.cr || (byte == CSVReader.lf && !previousCR) { breaks += 1 }
                    previousCR = byte == CSVReader.cr
                }
            }
            remaining -= n
        }
        return breaks + 1
    }

    /// The later part, linted on a thread of its own.
    final class Later: @unchecked Sendable {
        let rules: [RecordRule]
        let sink: DiagnosticSink
        let cut: Int
        private let context: FileContext
        /// Set by the thread; read after `wait`.
        private(set) var records = 0
        private(set) var firstLine = 0
        /// Whether a record held a byte that is not ASCII (the earlier part may not have settled the encoding).
        private(set) var sawNonASCII = false
        private var failure: (any Error)?
        private let done = DispatchSemaphore(value: 0)

        init(cut: Int, context: FileContext) {
            self.cut = cut
            self.context = context
            rules = RuleFactory.rules(for: context)
            // Unbounded and without suppressions: the findings are reported to the file's sink later.
            sink = DiagnosticSink(selection: context.options.selection)
        }

        func start() {
            DispatchQueue.global().async { [self] in
                do { try run() } catch { failure = error }
                done.signal()
            }
        }

        /// Waits for the thread; its error, if any, is thrown here.
        func wait() throws {
            done.wait()
            if let failure { throw failure }
        }

        private func run() throws {
            let encoding = context.encoding
            firstLine = try SplitLint.line(at: cut, context.input, encoding: encoding)
            guard let source = try context.input.openDecoded(encoding, at: cut - encoding.bomLength) else { throw Abandoned() }
            let reader = CSVReader(source: source, delimiter: context.delimiter)
            reader.startNumbering(atLine: firstLine, offset: cut - encoding.bomLength)
            reader.columnNames = context.bindings.map { $0?.name }
            for rule in rules { rule.readsLaterPart(from: cut - encoding.bomLength) }
            let pass = RecordPass(rules: rules, fileRules: [BlankLineRule()], repeatedHeader: RepeatedHeaderRule(context))
            var undecided = true
            var sawNonASCII = false
            records = try pass.run(reader, sink: sink, undecided: &undecided, settle: { reader in
                guard reader.firstNonASCIIOffset != .max else { return true }
                sawNonASCII = true
                return false
            }, progress: nil, progressInterval: .max)
            self.sawNonASCII = sawNonASCII
        }
    }
}

/// A source that ends after `limit` bytes of another: the earlier part of a split file.
final class LimitedSource: ByteSource {
    private let inner: ByteSource
    private var remaining: Int

    init(_ inner: ByteSource, limit: Int) {
        self.inner = inner
        remaining = limit
    }

    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
        guard remaining > 0 else { return 0 }
        let n = try inner.read(into: buffer, count: min(count, remaining))
        remaining -= n
        return n
    }
}

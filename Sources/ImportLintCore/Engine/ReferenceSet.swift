/// The identifiers of one import (4me people's Primary Email values) that another import refers to,
/// kept as 128-bit digests so that a million people cost a few tens of megabytes.
public struct ReferenceSet: Sendable {
    public var keys: Set<Key128> = []
    /// The keys in NFC (`Key128.caseInsensitiveInNFC`) of the values that are not all ASCII.
    public var keysInNFC: Set<Key128> = []
    /// Files the keys came from, for messages.
    public var sources: [String] = []

    public init() {}

    public func contains(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.contains(.caseInsensitive(value))
    }

    /// Whether a value that `contains` does not find is a key written in another Unicode form.
    func containsInNFC(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        !value.isASCII && keysInNFC.contains(.caseInsensitiveInNFC(value))
    }

    /// Reads the `column` values of every input whose header fits `profile` (detected, or forced with
    /// `force`); inputs of another kind are skipped. Nil when no input fitted.
    public static func collect(from inputs: [InputFile], profile: Profile, column: String, force: Bool = false) throws -> ReferenceSet? {
        var set = ReferenceSet()
        let builtIns = ProfileLoader.builtIn
        for input in inputs {
            guard let (reader, header) = try HeaderPeek.open(input) else { continue }
            if !force && ProfileDetector.detect(header: header, among: builtIns)?.name != profile.name { continue }
            let (bindings, _) = HeaderAnalysis.bind(header: header, profile: profile)
            guard let index = bindings.firstIndex(where: { $0?.name == column }) else { continue }
            set.sources.append(input.displayPath)
            while try reader.next() {
                let value = reader.bytes(index).trimmedASCII()
                guard !value.isEmpty else { continue }
                let (key, isASCII) = Key128.caseInsensitiveNotingASCII(value)
                set.keys.insert(key)
                if !isASCII { set.keysInNFC.insert(.caseInsensitiveInNFC(value)) }
            }
        }
        return set.sources.isEmpty ? nil : set
    }
}

extension ReferenceSet {
    /// The reference sets the inputs need: for each profile among them that refers to another import,
    /// the keys of `explicitSources` (`--people`) or else of the inputs that are of the referenced kind.
    public static func resolve(for inputs: [InputFile], explicitSources: [InputFile], profile: String?) throws -> [String: ReferenceSet] {
        let builtIns = ProfileLoader.builtIn
        let forced = try profile.map(ProfileLoader.load)
        var specs: [ReferenceSpec] = []
        for input in inputs {
            let detected: Profile?
            if let forced {
                detected = forced
            } else {
                detected = try HeaderPeek.open(input, chunkSize: DelimiterSniffer.shortHead, headerOnly: true).flatMap { ProfileDetector.detect(header: $0.1, among: builtIns) }
            }
            if let spec = detected?.references, !specs.contains(spec) { specs.append(spec) }
        }
        var sets: [String: ReferenceSet] = [:]
        for spec in specs {
            let target = try ProfileLoader.load(spec.profile)
            let found = explicitSources.isEmpty
                ? try collect(from: inputs, profile: target, column: spec.target)
                : try collect(from: explicitSources, profile: target, column: spec.target, force: true)
            if let found { sets[spec.profile] = found }
        }
        return sets
    }
}

/// Opens an input far enough to read its header (after a PowerShell `#TYPE` line), for pre-passes.
enum HeaderPeek {
    /// `chunkSize`: the reader's first read; a peek at the header alone needs no megabyte. `headerOnly`: only
    /// the header is read, not the records after it.
    static func open(_ input: InputFile, chunkSize: Int = 1 << 20, headerOnly: Bool = false) throws -> (CSVReader, [String])? {
        try input.naming { try openNamed(input, chunkSize: chunkSize, headerOnly: headerOnly) }
    }

    private static func openNamed(_ input: InputFile, chunkSize: Int, headerOnly: Bool) throws -> (CSVReader, [String])? {
        let encoding: InputEncoding
        do {
            // The head decides unless it is plain ASCII; then the whole file's bytes do, which for a
            // plain-ASCII file means reading all of it (a tenth of a lint's CPU on people 1M). A header
            // that ends within that head reads the same in UTF-8 as in whatever the file turns out to be.
            let fromHead = headerOnly ? try input.encodingFromHead(override: nil) : nil
            if headerOnly && fromHead == nil, let peek = try read(input, .utf8(bom: false), chunkSize: chunkSize),
               peek.headerEnd <= EncodingSniffer.sampleSize {
                return (peek.reader, peek.header)
            }
            encoding = try fromHead ?? input.encoding(override: nil)
        } catch is NotText.Found {
            return nil  // no text to take keys from: its lint reports it (unreadable-input)
        }
        return try read(input, encoding, chunkSize: chunkSize).map { ($0.reader, $0.header) }
    }

    /// A reader of `input` in `encoding` that has read the header, the header, and the decoded offset just
    /// past it.
    private static func read(_ input: InputFile, _ encoding: InputEncoding, chunkSize: Int) throws
        -> (reader: CSVReader, header: [String], headerEnd: Int)? {
        let reader = CSVReader(source: try input.openDecoded(encoding), chunkSize: chunkSize)
        reader.setDelimiter(try DelimiterSniffer.sniff(reader, chunkSize: chunkSize, reopening: { try input.openDecoded(encoding) },
                                                       path: input.displayPath))
        guard let header = try reader.readHeader() else { return nil }
        return (reader, header, reader.streamOffset + reader.recordEndOffset - reader.recordStartOffset)
    }
}

/// Where a reporter hands its output, piece by piece (standard output, a file, a test's buffer).
public typealias OutputSink = (UnsafeRawBufferPointer) throws -> Void

/// What a reporter may use besides the report: everything the `check` run knows about its files and
/// where the output goes.
public struct ReportContext: Sendable {
    /// Where each file's lines are read back, in the order of `report.files` (empty when not captured).
    public var sources: [SourceText?]
    /// Makes paths repository-relative, for SARIF, GitHub annotations and code quality.
    public var locator: ArtifactLocator
    /// Each file's `--fail-on` level by path; files not listed fail on errors.
    public var failOnByPath: [String: Severity]
    /// ANSI colors in text output (`--color`; by default a terminal without NO_COLOR).
    public var color: Bool
    /// Text output prints the offending line under each diagnostic (off with `--redact`).
    public var showSource: Bool
    /// Cell values are masked (`--redact`): the HTML report then offers no organization review.
    public var redacted: Bool
    /// Text output: the findings themselves (off with `--quiet`, which keeps the summary).
    public var showFindings = true
    /// Text output: per-rule counts before the summary (`--statistics`).
    public var statistics = false
    /// How many threads a reporter may render with (`--jobs`).
    public var threads = 1

    public init(sources: [SourceText?] = [], locator: ArtifactLocator = .discover(), failOnByPath: [String: Severity] = [:],
                color: Bool = false, showSource: Bool = true, redacted: Bool = false) {
        self.sources = sources
        self.locator = locator
        self.failOnByPath = failOnByPath
        self.color = color
        self.showSource = showSource
        self.redacted = redacted
    }

    public func failOn(_ path: String) -> Severity { failOnByPath[path] ?? .error }
}

/// One output format of `check`. Reporters hold no state: what they need comes with the report and
/// context, so that a new format is one conforming type and one entry in `Reporters.all`.
public protocol Reporter: Sendable {
    func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws
}

extension Reporter {
    /// The whole output as text (tests, small reports).
    public func render(_ report: Report, context: ReportContext) throws -> String {
        var bytes: [UInt8] = []
        try write(report, context: context) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands text produced whole to the sink.
    func write(text: String, to sink: OutputSink) throws {
        var text = text
        try text.withUTF8 { try sink(UnsafeRawBufferPointer($0)) }
    }
}

/// A reporter's output gathered as bytes and handed to the sink in pieces of about 64 KiB, so that the
/// report of a file with hundreds of thousands of findings is never held whole as text. Bytes rather than
/// a String: String appends cost several times what a finding's text does.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(1 << 17) }

    mutating func put(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func put(spaces n: Int) { bytes.append(contentsOf: repeatElement(0x20, count: n)) }

    /// Hands what is gathered to the sink once it is a piece's worth; call between findings.
    mutating func flushIfLarge(to sink: OutputSink) throws {
        if bytes.count >= 1 << 16 { try flush(to: sink) }
    }

    mutating func flush(to sink: OutputSink) throws {
        try bytes.withUnsafeBytes { try sink($0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Every report format by the name `--format` takes.
public enum Reporters {
    public static let all: [(name: String, reporter: any Reporter)] = [
        ("text", TextReporter()), ("json", JSONReporter()), ("sarif", SARIFReporter()), ("github", GitHubReporter()),
        ("junit", JUnitReporter()), ("codequality", CodeQualityReporter()), ("html", HTMLReporter()), ("csv", CSVReporter()),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> (any Reporter)? {
        all.first { $0.name == name }?.reporter
    }
}

/// The machine-readable report of `reference/report-format.md`, schemaVersion 1.
///
/// Written directly rather than through Foundation's JSONEncoder, which spent about 100,000 instructions
/// per diagnostic (11% of a whole lint of the 1M-record benchmark). The output is byte for byte what
/// JSONEncoder writes with `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` (a test compares the two),
/// so reports stay stable across the change.
public struct JSONReporter: Reporter {
    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        // The writer holds the sink only while it writes.
        try withoutActuallyEscaping(sink) { try Self.write(report, threads: context.threads, to: $0) }
    }

    /// `threads`: how many threads may render the findings (`ParallelArray`); the text is the same.
    public static func render(_ report: Report, threads: Int = 1) throws -> String {
        PrettyJSONWriter.render { write(report, threads: threads, $0) }
    }

    /// Streams the report to `sink` in pieces of about 64 KB, so that a report of a file with hundreds of
    /// thousands of findings is never held in memory as text as well.
    public static func write(_ report: Report, threads: Int = 1, to sink: @escaping (UnsafeRawBufferPointer) throws -> Void) throws {
        try PrettyJSONWriter.stream(to: sink) { write(report, threads: threads, $0) }
    }

    private static func write(_ report: Report, threads: Int, _ w: PrettyJSONWriter) {
        w.object(0) { o in
            o.field("files") { w in
                w.array(report.files.count, 1) { w, i in write(report.files[i], threads: threads, w, 2) }
            }
            o.field("schemaVersion") { $0.int(report.schemaVersion) }
            o.field("summary") { w in
                let s = report.summary
                w.object(1) { o in
                    o.field("errors") { $0.int(s.errors) }
                    o.field("files") { $0.int(s.files) }
                    o.field("fixable") { $0.int(s.fixable) }
                    o.field("fixableSafe") { $0.int(s.fixableSafe) }
                    o.field("fixableUnsafe") { $0.int(s.fixableUnsafe) }
                    o.field("infos") { $0.int(s.infos) }
                    o.field("omittedFindings") { $0.int(s.omittedFindings) }
                    o.field("records") { $0.int(s.records) }
                    o.field("rules") { w in
                        w.array(s.rules.count, 2) { w, i in
                            let r = s.rules[i]
                            w.object(3) { o in
                                o.field("code") { $0.string(r.code) }
                                o.field("count") { $0.int(r.count) }
                                o.field("rule") { $0.string(r.rule) }
                            }
                        }
                    }
                    o.field("warnings") { $0.int(s.warnings) }
                }
            }
            o.field("tool") { w in write(report.tool, w, 1) }
        }
    }

    static func write(_ tool: ToolInfo, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("name") { $0.string(tool.name) }
            o.field("version") { $0.string(tool.version) }
        }
    }

    private static func write(_ file: FileReport, threads: Int, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            if let clusters = file.clusters {
                o.field("clusters") { w in w.array(clusters.count, depth + 1) { w, i in write(clusters[i], w, depth + 2) } }
            }
            if let config = file.config { o.field("config") { $0.string(config) } }
            o.field("delimiter") { $0.string(file.delimiter) }
            o.field("diagnostics") { w in
                file.diagnostics.withUnsafeBufferPointer { diagnostics in
                    let findings = Findings(base: diagnostics.baseAddress)
                    ParallelArray.write(diagnostics.count, depth + 1, threads: threads, to: w) {
                        let json = DiagnosticJSON(depth: depth + 2)
                        return { w, i in json.write(findings.base.unsafelyUnwrapped + i, w) }
                    }
                }
            }
            o.field("encoding") { $0.string(file.encoding) }
            o.field("path") { $0.string(file.path) }
            o.field("profile") { $0.optionalString(file.profile) }
            o.field("records") { $0.int(file.records) }
        }
    }

    /// A file's findings, read in place by the threads that write them while `write` holds the array.
    private struct Findings: @unchecked Sendable {
        let base: UnsafePointer<Diagnostic>?
    }

    private static func write(_ c: Cluster, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("canonical") { $0.string(c.canonical) }
            o.field("field") { $0.string(c.field) }
            o.field("members") { w in
                w.array(c.members.count, depth + 1) { w, i in
                    let m = c.members[i]
                    w.object(depth + 2) { o in
                        o.field("count") { $0.int(m.count) }
                        o.field("lines") { w in w.array(m.lines.count, depth + 3) { w, j in w.int(m.lines[j]) } }
                        o.field("value") { $0.string(m.value) }
                    }
                }
            }
            if c.tie == true { o.field("tie") { $0.bool(true) } }
        }
    }
}

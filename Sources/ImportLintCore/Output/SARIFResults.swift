import Foundation

/// A SARIF log's `results`, one per finding, written directly in the layout and key order that
/// JSONSerialization gives the rest of the log (`.prettyPrinted, .sortedKeys`: every key here sorts the
/// same bytewise and as Foundation compares them). A test compares the two on awkward text.
struct SARIFResults {
    let report: Report
    let locator: ArtifactLocator
    let ruleIndex: [String: Int]

    init(report: Report, locator: ArtifactLocator, rules: [RuleDescriptor]) {
        self.report = report
        self.locator = locator
        ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.code, $0.offset) })
    }

    /// An artifact's location: relative to `%SRCROOT%` when it lies under it, else a file URL.
    private struct Artifact {
        let uri: String
        let baseID: String?
    }

    private func artifact(_ path: String) -> Artifact {
        if let relative = locator.relative(path) {
            return Artifact(uri: relative.addingPercentEncoding(withAllowedCharacters: SARIFReporter.uriPathAllowed) ?? relative,
                            baseID: "%SRCROOT%")
        }
        return Artifact(uri: URL(fileURLWithPath: path).standardizedFileURL.absoluteString, baseID: nil)
    }

    /// The results array, its brackets at `depth`.
    func write(_ w: PrettyJSONWriter, depth: Int) {
        let total = report.files.reduce(0) { $0 + $1.diagnostics.count }
        var file = 0, next = 0
        var fileArtifact = report.files.first.map { artifact($0.path) }
        w.array(total, depth) { w, _ in
            // Elements come in order: the next finding of this file, or the first of the next with any.
            while next == report.files[file].diagnostics.count {
                file += 1
                next = 0
                fileArtifact = artifact(report.files[file].path)
            }
            let path = report.files[file].path
            write(report.files[file].diagnostics[next], path: path, artifact: fileArtifact!, w, depth + 1)
            next += 1
        }
    }

    private func write(_ d: Diagnostic, path: String, artifact: Artifact, _ w: PrettyJSONWriter, _ depth: Int) {
        w.object(depth) { o in
            o.field("level") { $0.string(SARIFReporter.level(d.severity)) }
            o.field("locations") { w in
                w.array(1, depth + 1) { w, _ in
                    w.object(depth + 2) { o in
                        o.field("physicalLocation") { w in Self.write(artifact, line: d.line, column: d.column, w, depth + 3) }
                    }
                }
            }
            o.field("message") { w in w.object(depth + 1) { o in o.field("text") { $0.string(SARIFReporter.text(d)) } } }
            o.field("partialFingerprints") { w in
                w.object(depth + 1) { o in
                    for (key, value) in SARIFReporter.fingerprint(d) { o.field(key) { $0.string(value) } }
                }
            }
            o.field("properties") { w in
                w.object(depth + 1) { o in
                    if let field = d.field { o.field("field") { $0.string(field) } }
                    if let fix = d.fix {
                        o.field("fix") { w in
                            w.object(depth + 2) { o in
                                o.field("applicability") { $0.string(fix.applicability.rawValue) }
                                o.field("description") { $0.string(fix.description) }
                                if let replacement = fix.replacement { o.field("replacement") { $0.string(replacement) } }
                            }
                        }
                    }
                    if let record = d.record { o.field("record") { $0.int(record) } }
                    o.field("rule") { $0.string(d.rule) }
                }
            }
            if !d.related.isEmpty {
                o.field("relatedLocations") { w in
                    w.array(d.related.count, depth + 1) { w, i in
                        let r = d.related[i]
                        w.object(depth + 2) { o in
                            o.field("id") { $0.int(i + 1) }
                            if let message = r.message {
                                o.field("message") { w in w.object(depth + 3) { o in o.field("text") { $0.string(message) } } }
                            }
                            o.field("physicalLocation") { w in
                                let located = r.path.map { $0 == path ? artifact : self.artifact($0) } ?? artifact
                                Self.write(located, line: r.line, column: 1, w, depth + 3)
                            }
                        }
                    }
                }
            }
            o.field("ruleId") { $0.string(d.code) }
            if let index = ruleIndex[d.code] { o.field("ruleIndex") { $0.int(index) } }
        }
    }

    private static func write(_ artifact: Artifact, line: Int, column: Int, _ w: PrettyJSONWriter, _ depth: Int) {
        let startLine = max(1, line), startColumn = max(1, column)
        w.object(depth) { o in
            o.field("artifactLocation") { w in
                w.object(depth + 1) { o in
                    o.field("uri") { $0.string(artifact.uri) }
                    if let baseID = artifact.baseID { o.field("uriBaseId") { $0.string(baseID) } }
                }
            }
            o.field("region") { w in
                w.object(depth + 1) { o in
                    o.field("endColumn") { $0.int(startColumn + 1) }
                    o.field("endLine") { $0.int(startLine) }
                    o.field("startColumn") { $0.int(startColumn) }
                    o.field("startLine") { $0.int(startLine) }
                }
            }
        }
    }
}

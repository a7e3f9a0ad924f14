import Foundation

/// GitLab Code Quality (`artifacts:reports:codequality`): a JSON array of issues with a description,
/// check name, fingerprint, severity and a repository-relative location.
public struct CodeQualityReporter: Reporter {
    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        try write(text: try Self.render(report, locator: context.locator), to: sink)
    }

    public static func render(_ report: Report, locator: ArtifactLocator) throws -> String {
        var issues: [[String: Any]] = []
        for file in report.files {
            let path = locator.display(file.path)
            for d in file.diagnostics {
                let severity = switch d.severity {
                case .error: "major"
                case .warning: "minor"
                case .info: "info"
                }
                issues.append([
                    "description": "\(d.code) \(d.rule): \(d.message)",
                    "check_name": d.rule,
                    "fingerprint": SHA256.hex("\(path)\u{1F}\(d.code)\u{1F}\(d.line)\u{1F}\(d.column)\u{1F}\(Suppressions.content(d))"),
                    "severity": severity,
                    "location": ["path": path, "lines": ["begin": d.line]],
                ])
            }
            let omitted = file.omitted.count
            if omitted > 0 {
                // GitLab lists issues only: one stands for the findings --max-findings left out.
                issues.append([
                    "description": "\(omitted) more finding\(omitted == 1 ? "" : "s") not listed (--max-findings)",
                    "check_name": "max-findings",
                    "fingerprint": SHA256.hex("\(path)\u{1F}max-findings"),
                    "severity": "info",
                    "location": ["path": path, "lines": ["begin": 1]],
                ])
            }
        }
        let data = try JSONSerialization.data(withJSONObject: issues, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

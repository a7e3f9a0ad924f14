/// JUnit XML for CI systems that show test reports (GitLab `artifacts:reports:junit`, Jenkins, Azure):
/// one test suite per file, one test case per diagnostic. Diagnostics at or above the file's fail-on level
/// are failures; the others are passing cases that carry their message in `system-out`. A file without
/// findings has one passing case, so that it shows up as checked.
public struct JUnitReporter: Reporter {
    public init() {}

    public func write(_ report: Report, context: ReportContext, to sink: OutputSink) throws {
        try write(text: Self.render(report, failOn: context.failOn(_:)), to: sink)
    }

    public static func render(_ report: Report, failOn: (String) -> Severity = { _ in .error }) -> String {
        var suites = ""
        var totalTests = 0, totalFailures = 0
        for file in report.files {
            let threshold = failOn(file.path)
            var cases = ""
            var failures = 0
            for d in file.diagnostics {
                let name = "\(d.line):\(d.column) \(d.code) \(d.rule)"
                var body = d.message
                if let field = d.field { body += "\nField: \(field)" }
                if let fix = d.fix { body += "\nFix (\(fix.applicability.rawValue)): \(fix.description)" }
                cases += "    <testcase name=\"\(attr(name))\" classname=\"\(attr(file.path))\" file=\"\(attr(file.path))\" line=\"\(d.line)\">\n"
                if d.severity >= threshold {
                    failures += 1
                    cases += "      <failure type=\"\(d.severity.rawValue)\" message=\"\(attr(d.message))\">\(text("\(file.path):\(d.line):\(d.column): \(d.severity.rawValue): \(body) [\(d.code) \(d.rule)]"))</failure>\n"
                } else {
                    cases += "      <system-out>\(text("\(d.severity.rawValue): \(body)"))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            var tests = file.diagnostics.count
            let omitted = file.omitted.count
            if omitted > 0 {
                // One case stands for the findings --max-findings left out; it fails when one of them would.
                tests += 1
                let note = "\(omitted) more finding\(omitted == 1 ? "" : "s") not listed (--max-findings)"
                cases += "    <testcase name=\"\(attr(note))\" classname=\"\(attr(file.path))\" file=\"\(attr(file.path))\">\n"
                if let worst = file.omitted.worst, worst >= threshold {
                    failures += 1
                    cases += "      <failure type=\"\(worst.rawValue)\" message=\"\(attr(note))\">\(text(note))</failure>\n"
                } else {
                    cases += "      <system-out>\(text(note))</system-out>\n"
                }
                cases += "    </testcase>\n"
            }
            if tests == 0 {
                tests = 1
                cases += "    <testcase name=\"importlint\" classname=\"\(attr(file.path))\" file=\"\(attr(file.path))\"/>\n"
            }
            totalTests += tests
            totalFailures += failures
            let properties = "    <properties>\n      <property name=\"profile\" value=\"\(attr(file.profile ?? ""))\"/>\n      <property name=\"records\" value=\"\(file.records)\"/>\n\(omitted > 0 ? "      <property name=\"omittedFindings\" value=\"\(omitted)\"/>\n" : "")    </properties>\n"
            suites += "  <testsuite name=\"\(attr(file.path))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n\(properties)\(cases)  </testsuite>\n"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"importlint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\">\n\(suites)</testsuites>\n"
    }

    /// Escaped for an attribute value; characters XML 1.0 cannot hold become U+FFFD.
    static func attr(_ s: String) -> String {
        escape(s, attribute: true)
    }

    static func text(_ s: String) -> String {
        escape(s, attribute: false)
    }

    private static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(u)
            default:
                let v = u.value
                let allowed = (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
                if allowed { out.unicodeScalars.append(u) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }
}

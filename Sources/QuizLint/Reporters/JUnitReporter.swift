import QuizKit

/// The lint format for CI test dashboards: JUnit XML with one `testsuite` per file.
///
/// Each finding, warning or error, is a failing `testcase` named `RULE at LINE:COL`; a file
/// without findings has one passing `testcase` named `no findings`. Files that have findings
/// but are missing from `report.files` get a suite too, after the others.
public enum JUnitReporter: Reporter {
    public static let name = "junit"

    public static func render(_ report: LintReport) -> String {
        let findingsByFile = Dictionary(grouping: report.findings, by: \.file)
        var files = report.files
        var listed = Set(files)  // a set, not `files.contains`: hundreds of thousands of findings may name many files
        for finding in report.findings where listed.insert(finding.file).inserted {
            files.append(finding.file)
        }
        let tests = files.reduce(0) { $0 + max(findingsByFile[$1]?.count ?? 0, 1) }

        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"quiz lint\" tests=\"\(tests)\" failures=\"\(report.findings.count)\">\n"
        for file in files {
            xml += suite(file: file, findings: findingsByFile[file] ?? [])
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func suite(file: String, findings: [Finding]) -> String {
        let name = attribute(file)
        var xml = "  <testsuite name=\"\(name)\" tests=\"\(max(findings.count, 1))\" failures=\"\(findings.count)\">\n"
        if findings.isEmpty {
            xml += "    <testcase classname=\"\(name)\" name=\"no findings\"/>\n"
        }
        for finding in findings {
            let place = "\(finding.line):\(finding.column)"
            let rule = finding.rule.rawValue
            let message = "\(finding.severity.rawValue): \(finding.message)"
            xml += "    <testcase classname=\"\(name)\" name=\"\(rule) at \(place)\">\n"
            xml += "      <failure type=\"\(rule)\" message=\"\(attribute(message))\">"
            xml += text("\(file):\(place): \(message)")
            xml += "</failure>\n"
            xml += "    </testcase>\n"
        }
        xml += "  </testsuite>\n"
        return xml
    }

    /// Escaping is shared with the HTML and JUnit score reports (`Markup`).
    private static func attribute(_ value: String) -> String { Markup.attribute(value) }

    private static func text(_ value: String) -> String { Markup.text(value) }
}

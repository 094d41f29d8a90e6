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
        for finding in report.findings where !files.contains(finding.file) {
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

    /// An attribute value: markup escaped, and tab and line feed as character references,
    /// since a parser turns them into spaces when they stand in an attribute as themselves.
    private static func attribute(_ value: String) -> String {
        escaped(value, inAttribute: true)
    }

    private static func text(_ value: String) -> String {
        escaped(value, inAttribute: false)
    }

    /// Control characters other than tab and line feed (CR included) are dropped, as are
    /// U+FFFE and U+FFFF: XML 1.0 cannot carry most of them, and the rest are noise.
    private static func escaped(_ value: String, inAttribute: Bool) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t": result += inAttribute ? "&#9;" : "\t"
            case "\n": result += inAttribute ? "&#10;" : "\n"
            case "\u{FFFE}", "\u{FFFF}": break
            case _ where scalar.properties.generalCategory == .control: break
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

import QuizKit

/// The lint format for CI test dashboards: JUnit XML with one `testsuite` per file.
///
/// Each finding, warning or error, is a failing `testcase` named `RULE at LINE:COL`; a file
/// without findings has one passing `testcase` named `no findings`. Files that have findings
/// but are missing from `report.files` get a suite too, after the others. Escaping is the
/// one the HTML and JUnit score reports share (`Markup`), written by `LintOutput.writeXML`.
public enum JUnitReporter: Reporter {
    public static let name = "junit"

    public static func render(_ report: LintReport) -> String {
        var output = LintOutput()
        write(report, to: &output)
        return output.text
    }

    /// Writes the document into `output`, handing it on after each finding; ends with `finish`.
    public static func write(_ report: LintReport, to output: inout LintOutput) {
        // Positions, not copies, of each file's findings, in report order.
        var findingsByFile: [String: [Int]] = [:]
        for (index, finding) in report.findings.enumerated() {
            findingsByFile[finding.file, default: []].append(index)
        }
        var files = report.files
        var listed = Set(files)  // a set, not `files.contains`: hundreds of thousands of findings may name many files
        for finding in report.findings where listed.insert(finding.file).inserted {
            files.append(finding.file)
        }
        let tests = files.reduce(0) { $0 + max(findingsByFile[$1]?.count ?? 0, 1) }

        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"quiz lint\" tests=\"")
        output.write(tests)
        output.write("\" failures=\"")
        output.write(report.findings.count)
        output.write("\">\n")
        for file in files {
            let indices = findingsByFile[file] ?? []
            output.write("  <testsuite name=\"")
            output.writeXML(file, inAttribute: true)
            output.write("\" tests=\"")
            output.write(max(indices.count, 1))
            output.write("\" failures=\"")
            output.write(indices.count)
            output.write("\">\n")
            if indices.isEmpty {
                output.write("    <testcase classname=\"")
                output.writeXML(file, inAttribute: true)
                output.write("\" name=\"no findings\"/>\n")
            }
            for index in indices {
                testcase(report.findings[index], to: &output)
                output.flushIfFull()
            }
            output.write("  </testsuite>\n")
        }
        output.write("</testsuites>\n")
        output.finish()
    }

    private static func testcase(_ finding: Finding, to output: inout LintOutput) {
        let rule = finding.rule.rawValue
        output.write("    <testcase classname=\"")
        output.writeXML(finding.file, inAttribute: true)
        output.write("\" name=\"")
        output.write(rule)  // rule ids are kebab-case ASCII: nothing to escape
        output.write(" at ")
        place(finding, to: &output)
        output.write("\">\n      <failure type=\"")
        output.write(rule)
        output.write("\" message=\"")
        output.write(finding.severity.rawValue)
        output.write(": ")
        output.writeXML(finding.message, inAttribute: true)
        output.write("\">")
        output.writeXML(finding.file, inAttribute: false)
        output.write(":")
        place(finding, to: &output)
        output.write(": ")
        output.write(finding.severity.rawValue)
        output.write(": ")
        output.writeXML(finding.message, inAttribute: false)
        output.write("</failure>\n    </testcase>\n")
    }

    /// `LINE:COL`.
    private static func place(_ finding: Finding, to output: inout LintOutput) {
        output.write(finding.line)
        output.write(":")
        output.write(finding.column)
    }
}

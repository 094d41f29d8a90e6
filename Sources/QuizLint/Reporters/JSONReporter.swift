import QuizKit

/// The lint format for programs: one JSON object with the findings and the counts.
///
/// Keys are sorted and the output is pretty-printed, so the same report always gives the
/// same bytes; `files` is the number of files linted, not a list. The layout is the one
/// `JSONDocument.pretty` gives (two-space indent, `" : "`, unescaped slashes), written
/// finding by finding into a `LintOutput` rather than encoded as one tree.
public enum JSONReporter: Reporter {
    public static let name = "json"

    public static func render(_ report: LintReport) -> String {
        var output = LintOutput()
        write(report, to: &output)
        return output.text
    }

    /// Writes the document into `output`, handing it on after each finding; ends with `finish`.
    public static func write(_ report: LintReport, to output: inout LintOutput) {
        output.write("{\n  \"errors\" : ")
        output.write(report.errors)
        output.write(",\n  \"files\" : ")
        output.write(report.files.count)
        output.write(",\n  \"findings\" : [\n")
        if report.findings.isEmpty {
            output.write("\n")
        }
        for (index, finding) in report.findings.enumerated() {
            output.write(index == 0 ? "    {\n      \"column\" : " : ",\n    {\n      \"column\" : ")
            output.write(finding.column)
            output.write(",\n      \"file\" : ")
            output.writeJSONString(finding.file)
            output.write(",\n      \"line\" : ")
            output.write(finding.line)
            output.write(",\n      \"message\" : ")
            output.writeJSONString(finding.message)
            output.write(",\n      \"rule\" : ")
            output.writeJSONString(finding.rule.rawValue)
            output.write(",\n      \"severity\" : ")
            output.writeJSONString(finding.severity.rawValue)
            output.write("\n    }")
            output.flushIfFull()
        }
        output.write(report.findings.isEmpty ? "  ],\n  \"warnings\" : " : "\n  ],\n  \"warnings\" : ")
        output.write(report.warnings)
        output.write("\n}\n")
        output.finish()
    }
}

import QuizKit

/// The lint format for GitHub Actions: one `::error` or `::warning` workflow command per finding.
///
/// Nothing else is printed, not even a summary, since every line of a step's output is read
/// as a possible command. Values are escaped as the Actions toolkit does: `%`, CR and LF in
/// the message; additionally `:` and `,` in the properties (`file`, `title`).
public enum GitHubReporter: Reporter {
    public static let name = "github"

    public static func render(_ report: LintReport) -> String {
        var output = LintOutput()
        write(report, to: &output)
        return output.text
    }

    /// Writes one command per finding into `output`, handing it on as it fills; ends with `finish`.
    public static func write(_ report: LintReport, to output: inout LintOutput) {
        for finding in report.findings {
            output.write(finding.severity == .error ? "::error file=" : "::warning file=")
            output.writeWorkflowValue(finding.file, property: true)
            output.write(",line=")
            output.write(finding.line)
            output.write(",col=")
            output.write(finding.column)
            output.write(",title=")
            output.writeWorkflowValue(finding.rule.rawValue, property: true)
            output.write("::")
            output.writeWorkflowValue(finding.message, property: false)
            output.write("\n")
            output.flushIfFull()
        }
        output.finish()
    }
}

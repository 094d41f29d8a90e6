import QuizKit

/// The lint format for GitHub Actions: one `::error` or `::warning` workflow command per finding.
///
/// Nothing else is printed, not even a summary, since every line of a step's output is read
/// as a possible command. Values are escaped as the Actions toolkit does: `%`, CR and LF in
/// the message; additionally `:` and `,` in the properties (`file`, `title`).
public enum GitHubReporter: Reporter {
    public static let name = "github"

    public static func render(_ report: LintReport) -> String {
        var text = ""
        for finding in report.findings {
            let command = finding.severity == .error ? "error" : "warning"
            let properties = "file=\(property(finding.file)),line=\(finding.line),col=\(finding.column),title=\(property(finding.rule.rawValue))"
            text += "::\(command) \(properties)::\(data(finding.message))\n"
        }
        return text
    }

    /// Works on Unicode scalars: as a `Character`, CR LF is one grapheme and would match neither.
    private static func data(_ text: String) -> String {
        escaped(text, extra: [:])
    }

    private static func property(_ text: String) -> String {
        escaped(text, extra: [":": "%3A", ",": "%2C"])
    }

    private static func escaped(_ text: String, extra: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "\r": result += "%0D"
            case "\n": result += "%0A"
            default:
                if let replacement = extra[scalar] {
                    result += replacement
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

import QuizKit

/// The lint format for people: one `FILE:LINE:COL: SEVERITY: MESSAGE [RULE]` line per finding,
/// then the summary line `N errors, M warnings in K files`.
///
/// Line breaks and other control characters in a path or message are shown as escapes
/// (`\n`, `\r`, `\u{1B}`), so every finding stays on one line and no message can send
/// control sequences to the terminal.
public enum TextReporter: Reporter {
    public static let name = "text"

    public static func render(_ report: LintReport) -> String {
        render(report, color: false)
    }

    /// With `color`, the place is bold, `error` red, `warning` yellow and the rule dim (ANSI escapes).
    public static func render(_ report: LintReport, color: Bool) -> String {
        var output = LintOutput()
        write(report, color: color, to: &output)
        return output.text
    }

    /// Writes the lines into `output`, handing it on as it fills; ends with `finish`.
    public static func write(_ report: LintReport, color: Bool, to output: inout LintOutput) {
        for finding in report.findings {
            output.write(line(for: finding, color: color))
            output.write("\n")
            output.flushIfFull()
        }
        output.write(summary(of: report))
        output.write("\n")
        output.finish()
    }

    /// `N errors, M warnings in K files`, singular where a count is 1; K counts the linted files.
    public static func summary(of report: LintReport) -> String {
        "\(counted(report.errors, "error")), \(counted(report.warnings, "warning")) in \(counted(report.files.count, "file"))"
    }

    static func line(for finding: Finding, color: Bool) -> String {
        let place = "\(visible(finding.file)):\(finding.line):\(finding.column)"
        let severity = finding.severity.rawValue
        let rule = "[\(finding.rule.rawValue)]"
        let message = visible(finding.message)
        guard color else { return "\(place): \(severity): \(message) \(rule)" }
        let severityStyle = finding.severity == .error ? ANSI.red : ANSI.yellow
        return "\(ANSI.bold)\(place)\(ANSI.reset): \(severityStyle)\(severity)\(ANSI.reset): \(message) \(ANSI.dim)\(rule)\(ANSI.reset)"
    }

    private static func counted(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    /// The text with every control character but tab written as a visible escape.
    static func visible(_ text: String) -> String {
        // Most paths and messages are printable ASCII: nothing to escape, no Unicode property to look up.
        if text.utf8.allSatisfy({ (0x20..<0x7F).contains($0) || $0 == 0x09 }) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result.unicodeScalars.append(scalar)
            case _ where scalar.properties.generalCategory == .control:
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private enum ANSI {
        static let bold = "\u{1B}[1m"
        static let dim = "\u{1B}[2m"
        static let red = "\u{1B}[31m"
        static let yellow = "\u{1B}[33m"
        static let reset = "\u{1B}[0m"
    }
}

import Foundation
import QuizKit

/// The lint format for programs: one JSON object with the findings and the counts.
///
/// Keys are sorted and the output is pretty-printed, so the same report always gives the
/// same bytes; `files` is the number of files linted, not a list.
public enum JSONReporter: Reporter {
    public static let name = "json"

    public static func render(_ report: LintReport) -> String {
        encoded(Document(report))
    }

    private struct Document: Encodable {
        var errors: Int
        var files: Int
        var findings: [Entry]
        var warnings: Int

        init(_ report: LintReport) {
            errors = report.errors
            files = report.files.count
            findings = report.findings.map(Entry.init)
            warnings = report.warnings
        }
    }

    /// One finding as the contract spells it, independent of how `Finding` encodes itself.
    private struct Entry: Encodable {
        var column: Int
        var file: String
        var line: Int
        var message: String
        var rule: String
        var severity: String

        init(_ finding: Finding) {
            column = finding.column
            file = finding.file
            line = finding.line
            message = finding.message
            rule = finding.rule.rawValue
            severity = finding.severity.rawValue
        }
    }

    /// Pretty-printed JSON with sorted keys and unescaped slashes, ending with a newline.
    static func encoded(_ value: some Encodable) -> String {
        do {
            return try JSONDocument.pretty(value)
        } catch {
            // Encoding fails only for non-finite floating-point numbers, which no document here holds.
            preconditionFailure("lint report could not be encoded as JSON: \(error)")
        }
    }
}

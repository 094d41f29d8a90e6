import QuizKit

/// The outcome of one lint run: what reporters print and what sets the exit code.
///
/// `findings` are already filtered by configuration and inline disables,
/// carry their configured severity, and are sorted by file, line, column.
public struct LintReport: Sendable, Equatable {
    public var findings: [Finding]
    /// The files that were linted (relative to the root, sorted), including those without findings.
    public var files: [String]

    public init(findings: [Finding], files: [String]) {
        self.findings = findings.sorted(by: Finding.sortOrder)
        self.files = files
    }

    public var errors: Int { findings.count { $0.severity == .error } }
    public var warnings: Int { findings.count { $0.severity == .warning } }

    /// Whether the run fails CI: any error, or under `strict` any finding at all.
    public func fails(strict: Bool) -> Bool { strict ? !findings.isEmpty : errors > 0 }
}

/// Turns a lint report into the text of one output format. Reporters do no I/O.
///
/// A reporter is `Sendable` so that its metatype is too, and `Reporters.all` can be a constant.
public protocol Reporter: Sendable {
    static var name: String { get }
    static func render(_ report: LintReport) -> String
}

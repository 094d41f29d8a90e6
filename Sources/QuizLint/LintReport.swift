import Foundation
import QuizKit

/// The outcome of one lint run: what reporters print and what sets the exit code.
///
/// `findings` are already filtered by configuration and inline disables,
/// carry their configured severity, and are sorted by file, line, column.
public struct LintReport: Sendable, Equatable {
    public var findings: [Finding]
    /// The files that were linted (relative to the root, sorted), including those without findings.
    public var files: [String]

    /// The folder that `findings`' and `files`' paths are relative to, as a `file:` URL, when known.
    /// SARIF names it as the base of its artifact locations; the other formats print paths only.
    public var base: URL?

    public init(findings: [Finding], files: [String], base: URL? = nil) {
        self.findings = findings.sorted(by: Finding.sortOrder)
        self.files = files
        self.base = base
    }

    /// The same report with every path rewritten to be relative to `directory`: what a CI job
    /// needs, since it runs from the repository's top while the course may sit in a subfolder.
    ///
    /// `root` is the folder the report's paths are relative to now. When `directory` is the root
    /// or one of its ancestors, paths gain the root's path below `directory` (`course/Quizzes/x.yaml`);
    /// when `directory` is inside the root, they climb out of it (`../Quizzes/x.yaml`); when the two
    /// share nothing, paths are absolute and there is no base.
    public func relative(to directory: URL, root: URL) -> LintReport {
        let from = directory.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = root.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let shared = zip(from, to).prefix { $0 == $1 }.count
        let prefix: String
        var base: URL? = directory.standardizedFileURL
        if shared == from.count {
            prefix = to[shared...].map { $0 + "/" }.joined()
        } else if shared == to.count {
            prefix = String(repeating: "../", count: from.count - shared)
        } else {
            prefix = root.standardizedFileURL.path + "/"
            base = nil
        }
        var moved = findings
        for i in moved.indices { moved[i].file = prefix + moved[i].file }
        return LintReport(findings: moved, files: files.map { prefix + $0 }, base: base)
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

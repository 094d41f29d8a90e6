import Foundation
import Testing

/// Checked-in expected output beside a test target, in its `Expected/` folder, compared byte for byte.
///
/// With `QUIZ_UPDATE_GOLDEN=1` in the environment, `check` rewrites an expected file that differs
/// from the actual output and fails, naming it, so an update run can never pass for a check; review the
/// diff and run again without the variable. Where `CI` is set the variable is refused, and files are compared.
public struct Golden: Sendable {
    public let directory: URL

    /// Expected files in the `Expected/` folder beside the test file at `filePath`.
    public init(besides filePath: String) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Expected")
    }

    /// The variable that asks `check` to rewrite expected files.
    public static let updateVariable = "QUIZ_UPDATE_GOLDEN"

    public func check(_ actual: String, matches fileName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(fileName)
        let actualBytes = Data(actual.utf8)
        if try Self.rewrite(url, shownAs: "Expected/\(fileName)", with: actualBytes, askedBy: Self.updateVariable,
                            sourceLocation: sourceLocation) {
            return
        }
        let expectedBytes = try Data(contentsOf: url)
        guard actualBytes != expectedBytes else { return }
        Issue.record(
            "output differs from Expected/\(fileName) \(Self.firstDifference(actualBytes, expectedBytes)); rerun with QUIZ_UPDATE_GOLDEN=1 to rewrite it",
            sourceLocation: sourceLocation
        )
    }

    /// When `variable` is `1` in the environment, replaces the reference file at `url` (an expected output, a
    /// screenshot) by `data` if they differ and records an issue naming it, so that the run fails and is run
    /// again without the variable; returns whether the file was taken care of that way. Where `CI` is set the
    /// variable is refused with an issue of its own: a pipeline must compare, never rewrite.
    public static func rewrite(_ url: URL, shownAs name: String, with data: Data, askedBy variable: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment,
                               sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        guard environment[variable] == "1" else { return false }
        if let ci = environment["CI"], !ci.isEmpty, ci != "false", ci != "0" {
            Issue.record("\(variable)=1 is refused where CI is set: reference files are rewritten on a developer's machine, never in a pipeline",
                         sourceLocation: sourceLocation)
            return false
        }
        guard (try? Data(contentsOf: url)) != data else { return true }
        try data.write(to: url)
        Issue.record("updated \(name) (\(url.path)); review the diff, then rerun without \(variable)",
                     sourceLocation: sourceLocation)
        return true
    }

    /// Where two outputs first part, as a line number and the two versions of that line.
    private static func firstDifference(_ actual: Data, _ expected: Data) -> String {
        let actualLines = actual.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? actualLines[index] : nil
            let want = index < expectedLines.count ? expectedLines[index] : nil
            if got != want {
                return "at line \(index + 1):\n  expected: \(shown(want))\n  actual:   \(shown(got))"
            }
        }
        return "(same lines, different bytes)"
    }

    private static func shown(_ line: Data?) -> String {
        line.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? "<end>"
    }
}

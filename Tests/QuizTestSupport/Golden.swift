import Foundation
import Testing

/// Checked-in expected output beside a test target, in its `Expected/` folder, compared byte for byte.
///
/// With `QUIZ_UPDATE_GOLDEN=1` in the environment, `check` rewrites the expected file
/// with the actual output instead of comparing; review the diff before committing it.
public struct Golden: Sendable {
    public let directory: URL

    /// Expected files in the `Expected/` folder beside the test file at `filePath`.
    public init(besides filePath: String) {
        directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Expected")
    }

    public static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["QUIZ_UPDATE_GOLDEN"] == "1"
    }

    public func check(_ actual: String, matches fileName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(fileName)
        let actualBytes = Data(actual.utf8)
        if Self.isUpdating {
            try actualBytes.write(to: url)
            return
        }
        let expectedBytes = try Data(contentsOf: url)
        guard actualBytes != expectedBytes else { return }
        Issue.record(
            "output differs from Expected/\(fileName) \(Self.firstDifference(actualBytes, expectedBytes)); rerun with QUIZ_UPDATE_GOLDEN=1 to rewrite it",
            sourceLocation: sourceLocation
        )
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

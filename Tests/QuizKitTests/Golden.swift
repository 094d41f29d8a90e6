import Foundation
import Testing

/// Checked-in expected output of the report exports beside the tests, in `Expected/`, compared byte for byte.
///
/// With `QUIZ_UPDATE_GOLDEN=1` in the environment, `check` rewrites the expected file
/// with the actual output instead of comparing; review the diff before committing it.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Expected")

    static var isUpdating: Bool {
        ProcessInfo.processInfo.environment["QUIZ_UPDATE_GOLDEN"] == "1"
    }

    static func check(_ actual: String, matches fileName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(fileName)
        let actualBytes = Data(actual.utf8)
        if isUpdating {
            try actualBytes.write(to: url)
            return
        }
        let expectedBytes = try Data(contentsOf: url)
        guard actualBytes != expectedBytes else { return }
        Issue.record(
            "output differs from Expected/\(fileName) \(firstDifference(actualBytes, expectedBytes)); rerun with QUIZ_UPDATE_GOLDEN=1 to rewrite it",
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

import Foundation
import QuizTestSupport
import Testing

/// Asking to rewrite expected files can never turn a run green, and a pipeline cannot ask at all.
@Suite struct GoldenTests {
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-golden-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        return url
    }

    /// The issues a body records, gathered from the closure that matches them.
    final class Messages: @unchecked Sendable {
        private let lock = NSLock()
        private var all: [String] = []
        func append(_ message: String) { lock.withLock { all.append(message) } }
        var list: [String] { lock.withLock { all } }
    }

    /// Runs `body`, taking the issues it records as expected, and returns its result and their messages.
    static func recorded(_ body: () throws -> Bool) rethrows -> (handled: Bool, messages: [String]) {
        let messages = Messages()
        var handled = false
        try withKnownIssue(isIntermittent: true) {
            handled = try body()
        } matching: { issue in
            messages.append(issue.comments.map(\.rawValue).joined(separator: " "))
            return true
        }
        return (handled, messages.list)
    }

    @Test func anUpdateRewritesADifferingFileAndFailsNamingIt() throws {
        let url = try Self.file("old\n")
        let outcome = try Self.recorded {
            try Golden.rewrite(url, shownAs: "Expected/x.txt", with: Data("new\n".utf8), askedBy: "QUIZ_UPDATE_GOLDEN",
                               environment: ["QUIZ_UPDATE_GOLDEN": "1"])
        }
        #expect(outcome.handled)
        #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")
        #expect(outcome.messages == ["updated Expected/x.txt (\(url.path)); review the diff, then rerun without QUIZ_UPDATE_GOLDEN"])
    }

    @Test func anUpdateLeavesAMatchingFileAndPasses() throws {
        let url = try Self.file("same\n")
        let outcome = try Self.recorded {
            try Golden.rewrite(url, shownAs: "Expected/x.txt", with: Data("same\n".utf8), askedBy: "QUIZ_UPDATE_GOLDEN",
                               environment: ["QUIZ_UPDATE_GOLDEN": "1"])
        }
        #expect(outcome.handled)
        #expect(outcome.messages.isEmpty)
    }

    @Test(arguments: ["true", "1", "yes"])
    func anUpdateIsRefusedWhereCIIsSet(_ ci: String) throws {
        let url = try Self.file("old\n")
        let outcome = try Self.recorded {
            try Golden.rewrite(url, shownAs: "docs/report.png", with: Data("new\n".utf8), askedBy: "QUIZ_UPDATE_SCREENSHOT",
                               environment: ["QUIZ_UPDATE_SCREENSHOT": "1", "CI": ci])
        }
        #expect(!outcome.handled, "the caller goes on to compare")
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.first?.hasPrefix("QUIZ_UPDATE_SCREENSHOT=1 is refused where CI is set") == true)
    }

    @Test func withoutTheVariableNothingIsWritten() throws {
        let url = try Self.file("old\n")
        let outcome = try Self.recorded {
            try Golden.rewrite(url, shownAs: "Expected/x.txt", with: Data("new\n".utf8), askedBy: "QUIZ_UPDATE_GOLDEN",
                               environment: ["QUIZ_UPDATE_GOLDEN": "0"])
        }
        #expect(!outcome.handled)
        #expect(outcome.messages.isEmpty)
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
    }
}

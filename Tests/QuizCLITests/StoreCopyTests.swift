import Foundation
import Testing

/// `quiz store copy FROM TO` on stores written by real sessions.
@Suite(.timeLimit(.minutes(2))) struct StoreCopyTests {
    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func copyingTwiceAddsNothingAndReportsGiveTheSameFigures() async throws {
        let from = try await ReportCommandTests.storeWithAttempts()
        let study = try await QuizProcess.run(["study", "websockets-sse-polling", "--store", from], stdin: "")
        #expect(study.status == 0 || study.status == 130, "\(study.stderr)")
        let to = SessionTests.store()

        let first = try await QuizProcess.run(["store", "copy", from, to])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty)
        #expect(Self.lines(first.stdout).count == 1, "one summary line: \(first.stdout)")
        #expect(first.stdout.hasPrefix("copied 2 attempts from \(from) to \(to), already there 0; study progress of "))
        #expect(!first.stdout.contains("progress of 0 "), "the section the study session showed is copied")

        let second = try await QuizProcess.run(["store", "copy", from, to])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.hasPrefix("copied 0 attempts from \(from) to \(to), already there 2;"), "\(second.stdout)")

        for arguments in [["report", "--all", "--test", "websockets-sse-polling", "--format", "csv"],
                          ["stats", "websockets-sse-polling", "--format", "json"], ["history"]] {
            let a = try await QuizProcess.run(arguments + ["--store", from])
            let b = try await QuizProcess.run(arguments + ["--store", to])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(arguments[0]) reads the same from the copy")
        }
    }

    @Test func anAttemptThatDiffersInTheTargetIsNamedAndKept() async throws {
        let from = try await ReportCommandTests.storeWithAttempts()
        let to = SessionTests.store()
        _ = try await QuizProcess.run(["store", "copy", from, to])
        // The latest attempt is answered differently in the target: the copy must not overwrite it.
        let history = try await QuizProcess.run(["report", "--format", "json", "--store", to])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let id = try #require((object["attempt"] as? [String: Any])?["id"] as? String)
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sqlite.arguments = ["sqlite3", to, "UPDATE response SET points = 0.5 WHERE attempt_id = '\(id)' AND position = 1; "
            + "INSERT OR IGNORE INTO response (attempt_id, position, response, points) VALUES ('\(id)', 1, 'A', 0.5);"]
        try sqlite.run()
        sqlite.waitUntilExit()
        try #require(sqlite.terminationStatus == 0, "sqlite3 is needed to alter the target by hand")

        let again = try await QuizProcess.run(["store", "copy", from, to])
        #expect(again.status == 0)
        #expect(Self.lines(again.stderr) == ["quiz: attempt \(id) is already in \(to) with other content; kept as it is there"])
        #expect(again.stdout.contains("already there 1, differing 1 (left as they were)"), "\(again.stdout)")
        let report = try await QuizProcess.run(["report", id, "--format", "json", "--store", to])
        let kept = try #require(try JSONSerialization.jsonObject(with: Data(report.stdout.utf8)) as? [String: Any])
        let first = try #require((kept["questions"] as? [[String: Any]])?.first)
        #expect(first["points"] as? Double == 0.5, "the target's answer is kept")
    }

    @Test func aStoreIsNeverCopiedOntoItself() async throws {
        let from = try await ReportCommandTests.storeWithAttempts()
        let before = try Data(contentsOf: URL(fileURLWithPath: from))
        let folder = URL(fileURLWithPath: from).deletingLastPathComponent()
        let link = folder.appendingPathComponent("same.sqlite")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: from)
        for target in [from, folder.path + "/./" + URL(fileURLWithPath: from).lastPathComponent, link.path] {
            let result = try await QuizProcess.run(["store", "copy", from, target])
            #expect(result.status == 2)
            #expect(result.stderr == "quiz: \(from) and \(target) are the same store; name another store to copy into\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: from)) == before)
    }

    @Test func aMissingSourceIsNamed() async throws {
        let missing = SessionTests.store()
        let result = try await QuizProcess.run(["store", "copy", missing, SessionTests.store()])
        #expect(result.status == 2)
        #expect(result.stderr == "quiz: \(missing): no such store; name an existing store file to copy from\n")
        #expect(!FileManager.default.fileExists(atPath: missing), "nothing is created where nothing was")
    }
}

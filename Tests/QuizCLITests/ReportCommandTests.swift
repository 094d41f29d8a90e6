import Foundation
import Testing

/// `quiz report`, `quiz history` and `quiz stats` on attempts made through the binary.
@Suite(.timeLimit(.minutes(2))) struct ReportCommandTests {
    /// A store with two submitted attempts of the shipped test: one all right, one all skipped.
    static func storeWithAttempts() async throws -> String {
        let store = SessionTests.store()
        let plan = SessionTests.shippedPlan(seed: 11)
        let right = plan.map(SessionTests.rightLine).joined(separator: "\n") + "\ny\n"
        let first = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "11", "--store", store], stdin: right)
        #expect(first.stdout.contains("Score 21 / 21 (100.00%) · PASSED"), "\(first.stdout.suffix(2000))")
        let second = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "12", "--store", store], stdin: "submit\ny\n")
        #expect(second.stdout.contains("Score 0 / 21 (0.00%) · FAILED"))
        return store
    }

    @Test func jsonReportOfTheLatestAttemptIsStableAndMatchesTheContract() async throws {
        let store = try await Self.storeWithAttempts()
        let a = try await QuizProcess.run(["report", "--format", "json", "--store", store])
        let b = try await QuizProcess.run(["report", "--format", "json", "--store", store])
        #expect(a.status == 0)
        #expect(a.stdout == b.stdout, "two exports of one attempt are byte-identical")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "quiz-report/1")
        let score = try #require(object["score"] as? [String: Any])
        #expect(score["percent"] as? Double == 0)
        #expect(score["passed"] as? Bool == false)
        #expect((object["questions"] as? [Any])?.count == 21)
        #expect((object["sections"] as? [Any])?.count == 7)
    }

    @Test func outputFileHoldsExactlyWhatStdoutShows() async throws {
        let store = try await Self.storeWithAttempts()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-report-\(UUID().uuidString).html")
        let toFile = try await QuizProcess.run(["report", "--format", "html", "-o", file.path, "--store", store])
        let toStdout = try await QuizProcess.run(["report", "--format", "html", "--store", store])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == toStdout.stdout)
        #expect(!toStdout.stdout.contains("<script"))
    }

    @Test func htmlReviewLinksOpenTheLessonFromWhereverTheReportIsSaved() async throws {
        let store = try await Self.storeWithAttempts()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-elsewhere-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("report.html")
        let result = try await QuizProcess.run(["report", "--format", "html", "-o", file.path, "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.contains("<h1>Practice test · WebSockets vs SSE vs Polling</h1>"))
        let hrefs = html.matches(of: /href="([^"]*)"/).map { String($0.output.1) }
        #expect(hrefs.count == 1 + 21, "the lesson, then every question of the all-skipped attempt")
        let json = try await QuizProcess.run(["report", "--format", "json", "--store", store])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let sections = Set(try #require(object["sections"] as? [[String: Any]]).compactMap { $0["id"] as? String })
        for href in hrefs {
            let url = try #require(URL(string: href))
            #expect(url.isFileURL && url.path.hasSuffix("/Lessons/websockets-sse-polling.md"), "\(href)")
            #expect(FileManager.default.fileExists(atPath: url.path), "\(href)")
        }
        #expect(Set(hrefs.dropFirst().compactMap { URL(string: $0)?.fragment }) == sections)
    }

    @Test func allAttemptsOfATestAsOneCSV() async throws {
        let store = try await Self.storeWithAttempts()
        let result = try await QuizProcess.run(["report", "--all", "--test", "websockets-sse-polling", "--format", "csv", "--store", store])
        #expect(result.status == 0)
        let rows = result.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count == 1 + 2 * 21, "a header and one row per attempt and question")
        #expect(rows[0].hasPrefix("attempt,learner,started_at,status,percent,"))
        // Each attempt records who took it: the login name of the account that ran quiz.
        #expect(rows.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false)[1] == NSUserName() })
    }

    @Test func historyListsEachAttempt() async throws {
        let store = try await Self.storeWithAttempts()
        let result = try await QuizProcess.run(["history", "--store", store])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains("21 / 21") && lines[1].contains("100.00%") && lines[1].contains("passed"))
        #expect(lines[2].contains("0 / 21") && lines[2].contains("failed") && lines[2].contains("submitted"))
    }

    @Test func statsCountsTheAttempts() async throws {
        let store = try await Self.storeWithAttempts()
        let result = try await QuizProcess.run(["stats", "websockets-sse-polling", "--format", "json", "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "quiz-stats/1")
        #expect(object["attempts"] as? Int == 2)
        #expect(object["mean_percent"] as? Double == 50)
        #expect(object["learners"] as? Int == 1, "both attempts were taken by the account running the tests")
        let text = try await QuizProcess.run(["stats", "websockets-sse-polling", "--store", store])
        #expect(text.stdout.contains("2 attempts by 1 learner · mean"))
        #expect(text.stdout.contains("Only 2 attempts by 1 learner: alpha and discrimination need about 30 attempts"))
    }

    @Test(arguments: [
        (["report", "--all"], "--all needs --test"),
        (["report", "--format", "pdf"], "pdf"),
        (["report", "nope"], "has an id starting with \"nope\""),
        (["stats", "websockets-sse-polling", "--since", "yesterday"], "YYYY-MM-DD"),
    ])
    func mistakesExitTwoWithOneLine(_ arguments: [String], _ mentions: String) async throws {
        let result = try await QuizProcess.run(arguments + ["--store", SessionTests.store()])
        #expect(result.status == 2)
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}

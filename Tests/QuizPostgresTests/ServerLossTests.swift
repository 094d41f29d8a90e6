#if PostgreSQL
import Foundation
import QuizPostgres
import QuizRecords
import StoreContract
import Testing

/// A server that goes away mid-test: what was answered before is kept, the learner gets one line,
/// and the attempt resumes once the server is back.
@Suite("PostgreSQL store: the server goes away", .enabled(if: TestServer.url != nil, TestServer.skipMessage),
       .timeLimit(.minutes(3)))
struct ServerLossTests {
    @Test("a learner's connection cut mid-test: quiz says so in one line, keeps the answers, and resume finishes the test")
    func connectionCutDuringTake() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try fixture.open()
        let (role, password) = try fixture.role("lee", in: ["quiz_learner"])
        let store = fixture.text(fixture.url(role: role, password: nil))
        let course = try Quiz.course()
        defer { try? FileManager.default.removeItem(at: course) }
        let environment = ["PGPASSWORD": password]

        let take = try Quiz.Live(["take", "demo", "--root", course.path, "--store", store, "--seed", "1"],
                                 environment: environment)
        #expect(take.wait(for: "[1/5]"))
        take.send("a")
        #expect(take.wait(for: "[2/5]"))
        take.send("b")
        #expect(take.wait(for: "[3/5]"))
        try fixture.admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\(role)'")
        take.send("a")
        let status = take.finish()
        #expect(status != 0, "\(take.text)")
        let lines = take.text.split(separator: "\n")
        #expect(lines.last?.contains("cannot reach \(fixture.url(role: role, password: nil).redacted)") == true,
                "\(take.text)")
        #expect(!take.text.contains(password))

        let attempt = try #require(try fixture.admin.strings("SELECT id FROM attempt WHERE learner = '\(role)'").first)
        #expect(try fixture.admin.strings("SELECT response FROM response WHERE attempt_id = '\(attempt)' ORDER BY position")
                == ["A", "B"])

        let resume = try Quiz.Live(["resume", "--root", course.path, "--store", store], environment: environment)
        #expect(resume.wait(for: "[3/5]"), "\(resume.text)")
        for _ in 3...5 { resume.send("a") }
        resume.send("y")
        #expect(resume.finish() == 0, "\(resume.text)")
        #expect(try fixture.admin.strings("SELECT status FROM attempt WHERE id = '\(attempt)'") == ["submitted"])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM response WHERE attempt_id = '\(attempt)'") == ["5"])
    }

    @Test("a server restarted mid-attempt: the save that met it fails as unreachable, nothing acknowledged is lost, the attempt continues",
          .timeLimit(.minutes(1)))
    func serverRestart() throws {
        let cluster = try PrivateCluster()
        defer { cluster.stop() }
        let url = try PostgresURL(cluster.url)
        let store = try PostgresStore(url: url, password: url.password)
        let attempt = StoreContract.attempt()
        try store.create(attempt, questions: StoreContract.questions(of: attempt.id))
        try store.save(StoreContract.response(attempt.id, 1))
        try store.saveClock(attemptID: attempt.id, remaining: 400, elapsed: 20)

        try cluster.restart()
        do {
            try store.save(StoreContract.response(attempt.id, 2))
            Issue.record("a save on a lost connection was taken as done")
        } catch {
            guard case .unreachable(let location, _) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(location == url.redacted)
        }

        let back = try PostgresStore(url: url, password: url.password)
        #expect(try back.latestInProgress()?.id == attempt.id)
        #expect(try back.attempt(id: attempt.id)?.remaining == 400)
        #expect(try back.responses(of: attempt.id) == [StoreContract.response(attempt.id, 1)])
        try back.save(StoreContract.response(attempt.id, 2))
        try back.finish(attemptID: attempt.id, status: .submitted, submittedAt: StoreContract.time(60), elapsed: 60,
                        remaining: 360)
        #expect(try back.responses(of: attempt.id).map(\.position) == [1, 2])
    }
}

/// A cluster of this test's own (Scripts/pg-test-cluster), so restarting it disturbs no other test.
struct PrivateCluster {
    let folder: String
    let url: String
    static let script = Quiz.packageRoot.appendingPathComponent("Scripts/pg-test-cluster").path

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-pg-\(UUID().uuidString.prefix(8))").path
        url = try Self.script(["start", folder]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func restart() throws {
        _ = try Self.script(["restart", folder])
    }

    func stop() {
        _ = try? Self.script(["stop", folder])
    }

    @discardableResult
    static func script(_ arguments: [String]) throws -> String {
        // The output goes to a file, not a pipe: the server the script starts inherits the script's
        // descriptors and would hold a pipe open, so reading to its end would wait for the server to stop.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-pg-out-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let output = try FileHandle(forWritingTo: outputURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: script)
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        try #require(process.terminationStatus == 0, "Scripts/pg-test-cluster \(arguments.joined(separator: " ")) failed")
        return try String(contentsOf: outputURL, encoding: .utf8)
    }
}
#endif

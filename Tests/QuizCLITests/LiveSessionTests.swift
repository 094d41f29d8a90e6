import Foundation
import QuizKit
import Testing

/// Sessions where the test holds the pipe open, as a program driving the CLI would:
/// a deadline that passes while nothing is written, and a process killed mid-test.
@Suite(.timeLimit(.minutes(2))) struct LiveSessionTests {
    /// A running `quiz` whose stdin stays open until closed, stdout and stderr together.
    static func live(_ arguments: [String], in directory: URL) throws -> RunningProgram {
        try QuizProcess.start(arguments, in: directory, mergingErrors: true)
    }

    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - {id: q1, section: alpha, prompt: One?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q2, section: alpha, prompt: Two?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q3, section: alpha, prompt: Three?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q4, section: alpha, prompt: Four?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q5, section: alpha, prompt: Five?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
        tests:
          - {id: practice, title: Practice, time_limit: TIME, shuffle: false}

        """

    static func root(time: String) throws -> URL {
        try QuizProcess.root(["Lessons/demo.md": "# Demo\n\n## Alpha\n\nText.\n",
                              "Quizzes/demo.yaml": bank.replacingOccurrences(of: "TIME", with: time)])
    }

    @Test func timeRunsOutWhileWaitingForInput() async throws {
        let root = try Self.root(time: "2s")
        let store = root.appendingPathComponent("store.sqlite").path
        let live = try Self.live(["take", "demo", "--store", store, "--seed", "1"], in: root)
        // Sent at once, so that it waits in the pipe for the first question even when the machine is slow to
        // show it: the clock starts with the attempt, and a busy test runner must not eat the two seconds.
        live.send("a")
        #expect(await live.wait(for: "[2/5]"))
        // Write nothing more and keep the pipe open: the deadline must end the session by itself.
        try #require(await live.waitForExit(within: 10), "the session did not end at its deadline")
        #expect(live.process.terminationStatus == 0)
        #expect(live.stdout.contains("Time is up."))
        #expect(live.stdout.contains("Score 1 / 5 (20.00%) · FAILED"), "\(live.stdout)")
    }

    @Test func killedAfterThreeAnswersAndResumed() async throws {
        let root = try Self.root(time: "10m")
        let store = root.appendingPathComponent("store.sqlite").path
        let live = try Self.live(["take", "demo", "--store", store, "--seed", "1"], in: root)
        #expect(await live.wait(for: "[1/5]"))
        for n in 2...4 {
            live.send("a")
            #expect(await live.wait(for: "[\(n)/5]"))
        }
        live.kill()
        try #require(await live.waitForExit())
        #expect(live.process.terminationReason == .uncaughtSignal)

        let resumed = try await QuizProcess.run(["resume", "--store", store], stdin: "submit\ny\n", in: root)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("[4/5]"), "resume opens at the first unanswered question")
        #expect(!resumed.stdout.contains("[1/5]"))
        #expect(resumed.stdout.contains("Submit with 2 unanswered? (y/n)"))
        #expect(resumed.stdout.contains("Score 3 / 5 (60.00%) · FAILED"), "\(resumed.stdout)")
    }

    @Test func interruptSavesAndExits130() async throws {
        let root = try Self.root(time: "10m")
        let store = root.appendingPathComponent("store.sqlite").path
        let live = try Self.live(["take", "demo", "--store", store, "--seed", "1"], in: root)
        #expect(await live.wait(for: "[1/5]"))
        live.send("a")
        #expect(await live.wait(for: "[2/5]"))
        live.interrupt()
        try #require(await live.waitForExit())
        #expect(live.process.terminationStatus == 130)
        #expect(live.stdout.contains("quiz resume"))
        let resumed = try await QuizProcess.run(["resume", "--store", store], stdin: "", in: root)
        #expect(resumed.stdout.contains("Score 1 / 5 (20.00%)"), "\(resumed.stdout)")
    }
}

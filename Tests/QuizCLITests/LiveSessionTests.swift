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

/// Every follow-up command the program prints is meant to be pasted: run it through a shell as printed.
@Suite(.timeLimit(.minutes(1))) struct PastedHintTests {
    /// Runs `line` as a shell would run it pasted, with the built `quiz` first on the PATH.
    static func paste(_ line: String, stdin: String, in directory: URL) async throws -> QuizProcess.Result {
        let bin = QuizProcess.binary.deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let program = try RunningProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: directory,
                                         environment: ["PATH": path, "NO_COLOR": "1"])
        program.writeAllThenClose(stdin)
        try await program.finish(within: QuizProcess.deadline)
        return QuizProcess.Result(stdout: program.stdout, stderr: program.stderr, status: program.process.terminationStatus)
    }

    /// The text after `marker` on the line that holds it.
    static func command(after marker: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.contains(marker) }
            .map { String($0[$0.range(of: marker)!.upperBound...]) }
    }

    @Test func theResumeHintResumesTheAttemptInTheStoreThatWasGiven() async throws {
        let root = try LiveSessionTests.root(time: "10m")
        // A store in a folder whose name the shell would split: the hint must quote it.
        let store = root.appendingPathComponent("my attempts/it's here.sqlite").path
        let taken = try await QuizProcess.run(["take", "demo", "--store", store, "--seed", "1"], stdin: "a\na\nquit\n", in: root)
        #expect(taken.status == 0, "\(taken.stderr)")
        let resume = try #require(Self.command(after: "Continue with: ", in: taken.stdout), "\(taken.stdout)")
        #expect(resume.hasPrefix("quiz resume "))
        #expect(resume.contains("--store"), "the hint carries the --store that was given: \(resume)")

        let resumed = try await Self.paste(resume, stdin: "submit\ny\n", in: root)
        #expect(resumed.status == 0, "\(resume) failed: \(resumed.stderr)")
        #expect(resumed.stdout.contains("[3/5]"), "the pasted command resumes at the first unanswered question")
        #expect(resumed.stdout.contains("Score 2 / 5 (40.00%)"), "\(resumed.stdout)")

        let export = try #require(Self.command(after: "Export: ", in: resumed.stdout), "\(resumed.stdout)")
        let exported = try await Self.paste(export, stdin: "", in: root)
        #expect(exported.status == 0, "\(export) failed: \(exported.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("Practice"))
    }

    @Test func theStudyHintsCarryTheRootAndStore() async throws {
        let root = try LiveSessionTests.root(time: "10m")
        let store = root.appendingPathComponent("store.sqlite").path
        let elsewhere = FileManager.default.temporaryDirectory
        let study = try await QuizProcess.run(["study", "demo", "--root", root.path, "--store", store], stdin: "quit\n", in: elsewhere)
        let again = try #require(Self.command(after: "Continue with: ", in: study.stdout), "\(study.stdout)\(study.stderr)")
        #expect(again == "quiz study demo --root \(root.path) --store \(store)")
        let pasted = try await Self.paste(again, stdin: "quit\n", in: elsewhere)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.hasPrefix("Section 1 of 2"), "\(pasted.stdout)")
    }
}

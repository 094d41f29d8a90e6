import Foundation
import QuizKit
import Testing

/// `quiz study`, `quiz check` and `quiz progress` through the binary, on the shipped unit.
@Suite(.timeLimit(.minutes(2))) struct StudyTests {
    @Test func studyShowsASectionThenItsQuickChecksAndResumesWhereItStopped() async throws {
        let store = SessionTests.store()
        // Read section 1, then skip each of its quick checks: the section stays open.
        let first = try await QuizProcess.run(["study", "websockets-sse-polling", "--store", store],
                                        stdin: "\nskip\nskip\nskip\nskip\nquit\n", environment: ["COLUMNS": "80"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("Section 1 of 8 · ~"), "\(first.stdout.prefix(200))")
        #expect(first.stdout.contains("What is Real-Time Communication? · 4 min read"))
        #expect(first.stdout.contains("Quick check 1 of 4"))
        #expect(first.stdout.contains("Some quick checks were skipped; this section stays open."))
        let lesson = first.stdout.components(separatedBy: "Press Enter")[0]
        #expect(!lesson.split(separator: "\n").contains { $0.count > 80 && !$0.hasPrefix("    ") }, "the lesson's prose is wrapped to the width")

        let check = try await QuizProcess.run(["check", "websockets-sse-polling#what-is-real-time-communication", "--store", store],
                                        stdin: "quit\n")
        #expect(check.status == 0)
        #expect(check.stdout.contains("What is Real-Time Communication? · 4 quick checks"))

        let progress = try await QuizProcess.run(["progress", "--store", store])
        #expect(progress.stdout.contains("WebSockets vs SSE vs Polling · 0 of 8 done"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Practice test: not taken yet (quiz take websockets-sse-polling --store \(store))"))

        let jump = try await QuizProcess.run(["study", "websockets-sse-polling", "--section", "3", "--store", store], stdin: "quit\n")
        #expect(jump.stdout.hasPrefix("Section 3 of 8 · ~"))
        #expect(jump.stdout.contains("Server-Sent Events (SSE) — Server Push"))
    }

    @Test func twoTriesThenTheAnswerAndTheSectionIsDone() async throws {
        let store = SessionTests.store()
        let root = ContentRoot.load(at: QuizProcess.packageRoot)
        let checks = root.quickChecks(lesson: "websockets-sse-polling", section: "what-is-real-time-communication")
        let items = AttemptPlan.layout(checks, root: root, seed: 5)
        #expect(items.count == 4)
        // Wrong twice, right, wrong then right, right: two of four right at the first try.
        let lines = ["", SessionTests.wrongLine(items[0]), SessionTests.wrongLine(items[0]), SessionTests.rightLine(items[1]),
                     SessionTests.wrongLine(items[2]), SessionTests.rightLine(items[2]), SessionTests.rightLine(items[3]), "", "quit"]
        let result = try await QuizProcess.run(["study", "websockets-sse-polling", "--seed", "5", "--store", store],
                                         stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Try once more.").count - 1 == 2, "\(result.stdout.suffix(2500))")
        #expect(result.stdout.components(separatedBy: "The answer: ").count - 1 == 1)
        #expect(result.stdout.components(separatedBy: "Right.").count - 1 == 3)
        #expect(result.stdout.contains("Section done · Enter to continue, or q to stop.\n> "),
                "study pauses after the last quick check, so its explanation stays on screen")
        #expect(result.stdout.contains("Section 2 of 8 · ~"), "study goes on to the next section after Enter")

        let progress = try await QuizProcess.run(["progress", "websockets-sse-polling", "--store", store])
        #expect(progress.stdout.contains("1 of 8 done"), "\(progress.stdout)")
        #expect(progress.stdout.contains("Quick checks: 2 of 4 right first time (50%)"))
        #expect(progress.stdout.contains("✓ 1. What is Real-Time Communication?"))

        let again = try await QuizProcess.run(["study", "websockets-sse-polling", "--store", store], stdin: "quit\n")
        #expect(again.stdout.hasPrefix("Section 2 of 8"), "study resumes at the first section not done")
    }

    /// The "~N min left" figure of a command's output.
    static func minutesLeft(_ output: String) -> Int? {
        guard let range = output.range(of: #"~\d+ min left"#, options: .regularExpression) else { return nil }
        return Int(output[range].dropFirst().prefix { $0.isNumber })
    }

    @Test func studyAndProgressShowTheSameMinutesLeftBeforeAndAfterThePracticeTest() async throws {
        let root = try LiveSessionTests.root(time: "10m")
        let store = SessionTests.store()
        func figures() async throws -> (progress: Int?, study: Int?) {
            let progress = try await QuizProcess.run(["progress", "--store", store], in: root)
            let study = try await QuizProcess.run(["study", "demo", "--section", "1", "--store", store], stdin: "quit\n", in: root)
            return (Self.minutesLeft(progress.stdout), Self.minutesLeft(study.stdout))
        }
        let before = try await figures()
        #expect(before.progress != nil && before.progress == before.study, "\(before)")
        #expect((before.progress ?? 0) > 10, "the 10-minute practice test is still to do")

        let taken = try await QuizProcess.run(["take", "demo", "--store", store], stdin: "a\na\na\na\na\ny\n", in: root)
        #expect(taken.stdout.contains("Score 5 / 5"), "\(taken.stdout)")
        let after = try await figures()
        #expect(after.progress != nil && after.progress == after.study, "a practice test taken counts in both: \(after)")
        #expect((after.progress ?? 99) < 10)
    }

    @Test func unknownLessonOrSectionExitsTwo() async throws {
        let a = try await QuizProcess.run(["study", "websockets", "--store", SessionTests.store()])
        #expect(a.status == 2)
        #expect(a.stderr.contains("lessons: websockets-sse-polling"), "\(a.stderr)")
        let b = try await QuizProcess.run(["check", "polling", "--store", SessionTests.store()])
        #expect(b.status == 2)
        #expect(b.stderr.contains("no section \"polling\""))
    }
}

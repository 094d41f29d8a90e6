import Foundation
import Testing

/// Inputs found by review that once stopped the program: each now gets a message or a sensible result.
@Suite(.timeLimit(.minutes(2))) struct RobustnessTests {
    static let lesson = "# Demo\n\n## Alpha\n\nText.\n"
    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - {id: pick, section: alpha, prompt: Pick?, choices: [one, two, three], shuffle: false, answer: B, explanation: E}
          - {id: name, section: alpha, type: short, prompt: Name it?, answer: ok, explanation: E}
        tests:
          - {id: t, title: T, shuffle: false}

        """

    @Test func resumingAfterAChoiceWasRemovedShowsTheQuestionAsWritten() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": Self.bank])
        let store = SessionTests.store()
        _ = try await QuizProcess.run(["take", "demo", "--seed", "5", "--store", store], stdin: "quit\n", in: root)
        try Self.bank.replacingOccurrences(of: "[one, two, three]", with: "[one, two]")
            .write(to: root.appendingPathComponent("Quizzes/demo.yaml"), atomically: true, encoding: .utf8)
        let resumed = try await QuizProcess.run(["resume", "--store", store], stdin: "b\nok\n", in: root)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("  A) one\n  B) two\n"))
        #expect(resumed.stdout.contains("Score 2 / 2"), "\(resumed.stdout)")
    }

    @Test func aHugeSeedForQuickChecks() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": Self.bank])
        let result = try await QuizProcess.run(["check", "alpha", "--seed", "18446744073709551615", "--store", SessionTests.store()],
                                         stdin: "quit\n", in: root)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func aSectionNumberInALessonWithoutSections() async throws {
        let root = try QuizProcess.root(["Lessons/empty.md": "# Empty\n\nNo sections.\n", "Quizzes/demo.yaml": Self.bank,
                                         "Lessons/demo.md": Self.lesson])
        let result = try await QuizProcess.run(["study", "empty", "--section", "1", "--store", SessionTests.store()], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("lesson empty has no section \"1\""), "\(result.stderr)")
    }

    @Test func aDurationBeyondAWeekIsAFindingNotACrash() async throws {
        let bank = Self.bank.replacingOccurrences(of: "{id: t, title: T, shuffle: false}", with: "{id: t, title: T, time_limit: 9999999999999999h}")
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": bank])
        let result = try await QuizProcess.run(["lint"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("time_limit must be a duration of at most a week"), "\(result.stdout)")
    }

    @Test func aVeryLongLineAndControlBytesAreHandled() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": Self.bank])
        let store = SessionTests.store()
        let long = String(repeating: "x", count: 300_000)
        // The run's deadline bounds the time: only a hang or a blow-up crosses it.
        let result = try await QuizProcess.run(["take", "demo", "--seed", "1", "--store", store],
                                         stdin: "b\n\(long)\nsubmit\ny\n", in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Score 1 / 2"), "\(result.stdout.suffix(500))")
        let again = try await QuizProcess.run(["take", "demo", "--seed", "1", "--store", store], stdin: "b\no\u{0}k\ny\n", in: root)
        #expect(again.stdout.contains("Score 2 / 2"), "a NUL inside an answer is dropped")
        let report = try await QuizProcess.run(["report", "--format", "json", "--store", store], in: root)
        #expect(report.stdout.contains("\"response\" : \"ok\""))
    }
}

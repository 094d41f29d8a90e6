import Foundation
import Testing

/// A question the loader cannot use is never asked, even when lint's configuration silences its rule.
@Suite(.timeLimit(.minutes(2))) struct UnusableQuestionTests {
    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - id: fine
            section: alpha
            prompt: Pick B.
            choices: [A1, B1]
            answer: B
            explanation: E
          - id: broken
            section: alpha
            prompt: Which colour?
            choices: [Red, Blue, Green, Black]
            answer: E
            explanation: E
        tests:
          - {id: t, title: T}

        """

    func course() throws -> URL {
        try QuizProcess.root([
            "Lessons/demo.md": "# Demo\n\n## Alpha\n\nText.\n",
            "Quizzes/demo.yaml": Self.bank,
            ".quizlint.yaml": "rules:\n  answer-key: off\n",
        ])
    }

    func store() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("quiz-store-\(UUID().uuidString)/quiz.sqlite").path
    }

    @Test func lintPassesButTakeRefusesTheBankNamingTheQuestion() async throws {
        let root = try course()
        let lint = try await QuizProcess.run(["lint"], in: root)
        #expect(lint.status == 0, "\(lint.stdout)")
        let take = try await QuizProcess.run(["take", "demo", "--store", store()], stdin: "a\nb\ny\n", in: root)
        #expect(take.status == 2)
        #expect(take.stdout.isEmpty, "no question is asked")
        #expect(take.stderr == "quiz: Quizzes/demo.yaml:14:13: question broken cannot be asked: answer \"E\" is not one of the 4 choices (A–D) [answer-key]; fix it and try again\n")
    }

    @Test(arguments: [["check", "demo#alpha"], ["study", "demo"]])
    func studyAndCheckRefuseItToo(_ command: [String]) async throws {
        let result = try await QuizProcess.run(command + ["--store", store()], stdin: "\nb\n", in: try course())
        #expect(result.status == 2)
        #expect(result.stderr.contains("question broken cannot be asked"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

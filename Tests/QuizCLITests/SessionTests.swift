import Foundation
import QuizKit
import Testing

/// Sessions through the built binary with piped stdin, as a learner or another program drives them.
@Suite(.timeLimit(.minutes(2))) struct SessionTests {
    static let shippedRoot = QuizProcess.packageRoot

    /// The line a learner types to answer an item right, for its layout.
    static func rightLine(_ item: SessionQuestion) -> String {
        let q = item.question
        let response: Response
        switch q.kind {
        case .single(_, let a): response = .single(a)
        case .multiple(_, let a): response = .multiple(a)
        case .truefalse(let a): response = .truefalse(a)
        case .short(let accepted):
            guard case .text(let t) = accepted.first! else { return "?" }
            return t
        case .numeric(let a, _): response = .numeric(a)
        case .order(let items): response = .order(Array(items.indices))
        case .match(let pairs): response = .match(Array(pairs.indices))
        }
        return QuestionView.asTyped(response, item)
    }

    /// A line that answers an item, but wrongly.
    static func wrongLine(_ item: SessionQuestion) -> String {
        switch item.question.kind {
        case .single(let choices, let a): return QuestionView.asTyped(.single(a == 0 ? 1 : 0), item) + (choices.isEmpty ? "" : "")
        case .multiple(let choices, let a): return QuestionView.asTyped(.multiple(Array(choices.indices).filter { !a.contains($0) }.prefix(1).map { $0 }), item)
        case .truefalse(let a): return a ? "f" : "t"
        case .short: return "=definitely not this"
        case .numeric(let a, _): return String(a + 1000)
        case .order(let items): return QuestionView.asTyped(.order(Array(items.indices.reversed())), item)
        case .match(let pairs): return QuestionView.asTyped(.match(Array(pairs.indices).map { ($0 + 1) % pairs.count }), item)
        }
    }

    static func shippedPlan(seed: UInt64) -> [SessionQuestion] {
        let root = ContentRoot.load(at: shippedRoot)
        let bank = root.bank("websockets-sse-polling")!
        return AttemptPlan.test(bank.tests[0], in: bank, root: root, seed: seed)
    }

    static func store() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("quiz-store-\(UUID().uuidString)/quiz.sqlite").path
    }

    @Test func wholePracticeTestWithAFixedSeed() async throws {
        let plan = Self.shippedPlan(seed: 42)
        #expect(plan.count == 21)
        // Right on the first 15, wrong on the next 3 (a wrong true/false, letter or number), the last 3 skipped.
        var lines = plan.prefix(15).map(Self.rightLine)
        for item in plan[15..<18] {
            lines.append(Self.wrongLine(item))
        }
        lines += ["skip", "skip", "skip", "submit", "y"]
        let result = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "42", "--store", Self.store()],
                                         stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("21 questions · 7:00 · pass mark 70% · seed 42"))
        #expect(result.stdout.contains("Score 15 / 21 (71.43%) · PASSED (pass mark 70%)"), "\(result.stdout.suffix(3000))")
        #expect(result.stdout.contains("Submit with 3 unanswered? (y/n)"))
        #expect(result.stdout.contains("Saved as attempt "))
    }

    @Test func garbageGetsAnExplanationAndTheSameQuestion() async throws {
        let plan = Self.shippedPlan(seed: 7)
        let first = plan[0]
        let garbage = first.question.type == .numeric ? "lots" : "zzz 99"
        let result = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "7", "--store", Self.store()],
                                         stdin: "\(garbage)\nquit\n")
        #expect(result.status == 0)
        let header = "[1/21] "
        let shown = result.stdout.components(separatedBy: header).count - 1
        #expect(shown == 2, "the first question is shown again after the garbage line")
        let afterGarbage = result.stdout.components(separatedBy: "> ")[1]
        #expect(afterGarbage.split(separator: "\n").first.map { !$0.hasPrefix("[1/21]") } == true, "one line of explanation first")
        #expect(result.stdout.contains("Saved. Continue with: quiz resume"))
    }

    @Test func endOfInputSubmits() async throws {
        let result = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "3", "--store", Self.store()], stdin: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains("Score 0 / 21 (0.00%) · FAILED"))
    }

    @Test func aBankWithLintErrorsIsRefused() async throws {
        let root = try QuizProcess.root([
            "Lessons/demo.md": "# Demo\n\n## Alpha\n\nText.\n",
            "Quizzes/demo.yaml": "quiz: demo\ntitle: Demo\nquestions:\n  - id: q\n    section: alpha\n    prompt: P\n    choices: [A1, B1]\n    answer: Z\n    explanation: E\ntests:\n  - {id: t, title: T}\n",
        ])
        let result = try await QuizProcess.run(["take", "demo", "--store", Self.store()], in: root)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Quizzes/demo.yaml:8:13: error:"), "\(result.stderr)")
        #expect(result.stderr.contains("lint error"))
        #expect(result.stdout.isEmpty)
    }

    @Test func anEditAfterACachedRunIsLintedAgain() async throws {
        let bank = "quiz: demo\ntitle: Demo\nquestions:\n  - id: q\n    section: alpha\n    prompt: P\n    choices: [A1, B1]\n    shuffle: false\n    answer: A\n    explanation: E\ntests:\n  - {id: t, title: T}\n"
        let root = try QuizProcess.root(["Lessons/demo.md": "# Demo\n\n## Alpha\n\nText.\n", "Quizzes/demo.yaml": bank])
        let store = Self.store()
        let first = try await QuizProcess.run(["take", "demo", "--store", store], stdin: "a\ny\n", in: root)
        #expect(first.stdout.contains("Score 1 / 1"), "\(first.stdout)\(first.stderr)")
        let again = try await QuizProcess.run(["take", "demo", "--store", store], stdin: "a\ny\n", in: root)
        #expect(again.stdout.contains("Score 1 / 1"), "a second run, from the cache, works the same")
        try bank.replacingOccurrences(of: "answer: A", with: "answer: C")
            .write(to: root.appendingPathComponent("Quizzes/demo.yaml"), atomically: true, encoding: .utf8)
        let edited = try await QuizProcess.run(["take", "demo", "--store", store], stdin: "a\ny\n", in: root)
        #expect(edited.status == 2)
        #expect(edited.stderr.contains("[answer-key]"), "\(edited.stderr)")
    }

    @Test func unknownTestExitsTwo() async throws {
        let result = try await QuizProcess.run(["take", "no-such-bank", "--store", Self.store()])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("quiz: no bank \"no-such-bank\""))
    }

    @Test func resumeWithNothingToResumeExitsTwo() async throws {
        let result = try await QuizProcess.run(["resume", "--store", Self.store()])
        #expect(result.status == 2)
        #expect(result.stderr.contains("nothing to resume"))
    }
}

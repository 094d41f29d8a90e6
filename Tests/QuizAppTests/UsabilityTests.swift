import Foundation
import QuizApp
import QuizKit
import QuizLint
import Testing

/// Whether a question can be asked is the loader's verdict: turning its lint rule off
/// changes what lint reports, never what a session asks.
@Suite(.timeLimit(.minutes(1))) struct UsabilityTests {
    /// The demo bank with a fourth question whose key names a fifth choice of four.
    static let bank = AppFixture.bank.replacingOccurrences(of: "tests:\n", with: """
          - id: q4
            section: beta
            prompt: Which colour?
            choices: [Red, Blue, Green, Black]
            answer: E
            explanation: Because.
        tests:

        """)

    static let files = [
        "Lessons/demo.md": AppFixture.lesson,
        "Quizzes/demo.yaml": bank,
        ".quizlint.yaml": "rules:\n  answer-key: off\n",
    ]

    @Test func lintIsSilentButTheQuestionStaysUnusable() throws {
        let fixture = try AppFixture(files: Self.files)
        defer { withExtendedLifetime(fixture) {} }
        let report = Linter.lint(fixture.root, configuration: Configuration.load(root: fixture.folder))
        #expect(report.errors == 0, "the author turned the rule off")
        let q4 = try #require(fixture.root.bank("demo")?.questions.first { $0.id == "q4" })
        #expect(!q4.isValid)
        #expect(q4.flaw?.rule == .answerKey)
        #expect(q4.flaw?.line == 28)
    }

    @Test func theBankIsRefusedNamingTheQuestionAndWhy() throws {
        let fixture = try AppFixture(files: Self.files)
        defer { withExtendedLifetime(fixture) {} }
        let (bank, _) = try fixture.bankAndTest()
        let (root, errors) = fixture.course.sessionRoot(cacheFolder: fixture.folder.appendingPathComponent("cache"))
        #expect(errors.isEmpty)
        #expect(root.bank("demo")?.questions.first { $0.id == "q4" }?.isValid == false)
        do {
            try fixture.course.requireUsable(bank, filesWithErrors: errors)
            Issue.record("a bank with an unusable question was accepted")
        } catch {
            guard case .unusableQuestion(let file, let question, let flaw) = error else {
                Issue.record("expected an unusable question, got \(error)")
                return
            }
            #expect(file == "Quizzes/demo.yaml")
            #expect(question == "q4")
            #expect(flaw.message == "answer \"E\" is not one of the 4 choices (A–D)")
        }
        let (lesson, _) = try Lookup.section("demo#alpha", in: root)
        #expect(throws: BankRefusal.self) { try fixture.course.requireUsable(banksOf: lesson, in: root, filesWithErrors: errors) }
    }

    @Test func aTestOfTheBankIsRefusedOnEveryRun() throws {
        let fixture = try AppFixture(files: Self.files)
        defer { withExtendedLifetime(fixture) {} }
        let cache = fixture.folder.appendingPathComponent("cache")
        for run in 1...2 {
            let refusal = #expect(throws: BankRefusal.self, "run \(run)") {
                _ = try fixture.course.testContent(bank: "demo", cacheFolder: cache)
            }
            guard case .unusableQuestion(let file, let question, let flaw) = refusal else {
                Issue.record("run \(run): expected an unusable question, got \(String(describing: refusal))")
                continue
            }
            #expect(file == "Quizzes/demo.yaml" && question == "q4" && flaw.line == 28)
        }
    }

    @Test func theUnusableQuestionIsNeverDrawnNorOfferedAsAQuickCheck() throws {
        let fixture = try AppFixture(files: Self.files)
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        let draw = TestDraw(test: test, in: bank, root: fixture.root)
        #expect(draw.pool.map(\.id) == ["q1", "q2", "q3"])
        for seed in UInt64(1)...20 {
            #expect(!AttemptPlan.test(test, in: bank, root: fixture.root, seed: seed).contains { $0.question.id == "q4" })
        }
        #expect(!fixture.root.quickChecks(lesson: "demo", section: "beta").contains { $0.question.id == "q4" })
    }

    @Test func theVerdictSurvivesTheContentCache() throws {
        let fixture = try AppFixture(files: Self.files)
        defer { withExtendedLifetime(fixture) {} }
        let cache = fixture.folder.appendingPathComponent("cache")
        _ = fixture.course.sessionRoot(cacheFolder: cache)
        let (cached, _) = fixture.course.sessionRoot(cacheFolder: cache)
        let q4 = try #require(cached.bank("demo")?.questions.first { $0.id == "q4" })
        #expect(q4.flaw?.message == "answer \"E\" is not one of the 4 choices (A–D)")
        #expect(q4.flaw?.line == 28)
    }
}

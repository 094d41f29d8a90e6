import Foundation
import QuizApp
import QuizKit
import QuizRecords
import Testing

@Suite(.timeLimit(.minutes(1))) struct CheckRunnerTests {
    func alpha(_ fixture: AppFixture) throws -> (Lesson, Section) {
        try Lookup.section("demo#alpha", in: fixture.root)
    }

    @Test func answeringEveryQuickCheckMarksTheSectionDone() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (lesson, section) = try alpha(fixture)
        let runner = CheckRunner(store: fixture.store, root: fixture.root, lesson: lesson, section: section, seed: 1)
        #expect(runner.checks.map(\.question.id) == ["q1", "q2"])
        // q1 is wrong at the first try and right at the second; q2 is right at once.
        let outcome = try runner.run(on: ScriptedTerminal(["a", "b", "true"]))
        #expect(outcome == .done)
        #expect(try fixture.store.progress(lesson: "demo").first { $0.section == "alpha" }?.isDone == true)

        let round = try #require(try fixture.store.latestAttempt(kind: .check))
        #expect(round.status == .submitted)
        #expect(round.lesson == "demo")
        let questions = try fixture.store.questions(of: round.id)
        #expect(questions.map(\.section) == ["alpha", "alpha"])
        #expect(questions.allSatisfy { !$0.presentation.isEmpty }, "the layout is saved so the round can be shown again")
        let responses = try fixture.store.responses(of: round.id)
        #expect(responses.map(\.firstTryCorrect) == [false, true])
        #expect(responses.map(\.tries) == [2, 1])
    }

    @Test func skippingLeavesTheSectionOpen() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (lesson, section) = try alpha(fixture)
        let runner = CheckRunner(store: fixture.store, root: fixture.root, lesson: lesson, section: section, seed: 1)
        #expect(try runner.run(on: ScriptedTerminal(["skip", "true"])) == .notDone)
        #expect(try fixture.store.progress(lesson: "demo").first { $0.section == "alpha" }?.isDone != true)
    }

    @Test func aSectionWithoutQuickChecksIsDoneOnceShown() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (lesson, section) = try Lookup.section("demo#beta", in: fixture.root)
        let runner = CheckRunner(store: fixture.store, root: fixture.root, lesson: lesson, section: section)
        #expect(runner.checks.isEmpty)
        try runner.markShown()
        #expect(try fixture.store.progress(lesson: "demo").first { $0.section == "beta" }?.isDone == true)
    }
}

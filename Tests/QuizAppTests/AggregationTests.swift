import Foundation
import QuizApp
import QuizKit
import QuizRecords
import Testing

/// Progress, history and item analysis, read from attempts recorded by real runs.
@Suite(.timeLimit(.minutes(1))) struct AggregationTests {
    /// Takes the demo test, answering every question with the right answer when `right`.
    func take(_ fixture: AppFixture, right: Bool, seed: UInt64) throws {
        let (bank, test) = try fixture.bankAndTest()
        var runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: seed, timed: false, store: fixture.store)
        let attempt = try #require(try fixture.store.attempt(id: runner.attempt.id))
        let items = try StoredAttempt(attempt, store: fixture.store, root: fixture.root).items
        let lines = items.map { item -> String in
            switch item.question.id {
            case "q1": right ? "b" : "a"
            case "q2": right ? "true" : "false"
            default: right ? "false" : "true"
            }
        }
        _ = try runner.run(on: ScriptedTerminal(lines + ["y"]))
    }

    @Test func progressCountsSectionsFirstTriesAndTheBestTest() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (lesson, alpha) = try Lookup.section("demo#alpha", in: fixture.root)
        let before = try LessonProgress(lesson, root: fixture.root, store: fixture.store)
        #expect(before.partsDone == 0)
        #expect(before.firstTries.isEmpty)
        #expect(before.best == nil)
        #expect(before.plan.parts == 3)

        let checks = CheckRunner(store: fixture.store, root: fixture.root, lesson: lesson, section: alpha, seed: 1)
        _ = try checks.run(on: ScriptedTerminal(["a", "b", "true"]))
        // A second round answered right at once does not change the first tries of the first round.
        _ = try checks.run(on: ScriptedTerminal(["b", "true"]))
        try take(fixture, right: false, seed: 1)
        try take(fixture, right: true, seed: 2)

        let after = try LessonProgress(lesson, root: fixture.root, store: fixture.store)
        #expect(after.done == ["alpha"])
        #expect(after.firstTries == ["q1": false, "q2": true])
        #expect(after.rightFirstTime == 1)
        #expect(after.testDone)
        #expect(after.partsDone == 2)
        #expect(after.best?.percent == 100)
    }

    @Test func historyScoresEveryTestAttemptInTheOrderStarted() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        try take(fixture, right: true, seed: 1)
        try take(fixture, right: false, seed: 2)
        let entries = try AttemptHistory.entries(bank: "demo", test: nil, store: fixture.store)
        #expect(entries.map(\.score.points) == [3, 0])
        #expect(entries.map(\.score.passed) == [true, false])
        #expect(entries.allSatisfy { $0.attempt.status.isFinished })
        #expect(try AttemptHistory.entries(bank: "other", test: nil, store: fixture.store).isEmpty)
    }

    @Test func statisticsReadEveryFinishedAttempt() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        for seed in 1...3 { try take(fixture, right: seed != 2, seed: UInt64(seed)) }
        let (bank, test) = try fixture.bankAndTest()
        let pool = TestDraw(test: test, in: bank, root: fixture.root).pool
        let report = try TestStatistics.analyse(test, in: bank, pool: pool, since: nil, store: fixture.store)
        #expect(report.attempts == 3)
        #expect(report.meanPercent.map { ($0 * 100).rounded() / 100 } == 66.67, "two right, one all wrong")
        let later = try TestStatistics.analyse(test, in: bank, pool: pool, since: Date().addingTimeInterval(3600), store: fixture.store)
        #expect(later.attempts == 0)
    }
}

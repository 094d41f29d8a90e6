import Foundation
import QuizApp
import QuizKit
import QuizRecords
import Testing

@Suite(.timeLimit(.minutes(1))) struct TestRunnerTests {
    @Test func aSubmittedTestIsRecordedWithEveryAnswerAndScored() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        var runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: 7, timed: true, store: fixture.store)
        let attempt = try #require(try fixture.store.attempt(id: runner.attempt.id))
        #expect(attempt.status == .inProgress)
        #expect(try fixture.store.questions(of: attempt.id).map(\.questionID).sorted() == ["q1", "q2", "q3"])

        // Right answers whatever the order: b for the choice, true/false by prompt are not knowable
        // here, so answer "true" everywhere: q1 rejects it and is asked again, then "b" fits it.
        let items = try StoredAttempt(attempt, store: fixture.store, root: fixture.root).items
        let lines = items.map { item -> String in
            switch item.question.id {
            case "q1": "b"
            case "q2": "true"
            default: "true"
            }
        } + ["y"]
        let terminal = ScriptedTerminal(lines)
        guard case .finished(let report) = try runner.run(on: terminal) else {
            Issue.record("the test did not finish")
            return
        }
        #expect(report.score.points == .number(2))
        #expect(report.score.max == .number(3))
        #expect(report.score.passed)
        let stored = try #require(try fixture.store.attempt(id: attempt.id))
        #expect(stored.status == .submitted)
        #expect(stored.status.isFinished)
        #expect(try fixture.store.responses(of: attempt.id).filter { $0.response != nil }.count == 3)
        #expect(stored.elapsed == 20, "three answers and the confirmation, five seconds apart")
    }

    @Test func theLearnerIsRecordedWhenTheAttemptStartsAndReportedWithIt() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        let named = try TestRunner.start(test, in: bank, root: fixture.root, seed: 7, timed: false, store: fixture.store,
                                         learner: "ana")
        let stored = try #require(try fixture.store.attempt(id: named.attempt.id))
        #expect(stored.learner == "ana")
        #expect(try StoredAttempt(stored, store: fixture.store, root: fixture.root).report.attempt.learner == "ana")
        // By default, the login name of the account running quiz.
        let running = try TestRunner.start(test, in: bank, root: fixture.root, seed: 8, timed: false, store: fixture.store)
        #expect(try fixture.store.attempt(id: running.attempt.id)?.learner == NSUserName())
    }

    @Test func reviewLinksPointAtTheLessonFileOnlyWhileItIsOnThisMachine() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        let runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: 7, timed: false, store: fixture.store)
        let stored = try #require(try fixture.store.attempt(id: runner.attempt.id))
        let file = fixture.folder.appendingPathComponent("Lessons/demo.md")

        let here = try StoredAttempt(stored, store: fixture.store, root: fixture.root).report
        #expect(here.lessons.map(\.title) == ["Demo"])
        let url = try #require(here.lessons.first?.url.flatMap(URL.init(string:)))
        #expect(url.isFileURL && url.standardizedFileURL.path == file.standardizedFileURL.path)
        #expect(Set(here.details.compactMap(\.reviewURL)) == [url.absoluteString + "#alpha", url.absoluteString + "#beta"])

        // The lesson gone from this machine (a store brought from elsewhere): named, not linked.
        try FileManager.default.removeItem(at: file)
        let elsewhere = try StoredAttempt(stored, store: fixture.store, root: fixture.root).report
        #expect(elsewhere.lessons.map(\.path) == ["Lessons/demo.md"])
        #expect(elsewhere.lessons.first?.url == nil)
        #expect(elsewhere.details.allSatisfy { $0.reviewURL == nil })
        #expect(!HTMLReport.render(elsewhere).contains("href="))
    }

    @Test func theAccountNameWinsOverTheUSERVariable() {
        // The account's own name wins over whatever $USER says.
        #expect(LoginName.current(environment: ["USER": "someone-else"]) == NSUserName())
    }

    @Test func quitKeepsTheAttemptInProgressWithItsClockAndResumeContinuesIt() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        var runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: 3, timed: true, store: fixture.store)
        let id = runner.attempt.id
        guard case .quit(let resumable) = try runner.run(on: ScriptedTerminal(["flag", "quit"])) else {
            Issue.record("quit did not end the sitting")
            return
        }
        #expect(resumable)
        let saved = try #require(try fixture.store.attempt(id: id))
        #expect(saved.status == .inProgress)
        #expect(saved.elapsed == 10)
        #expect(try fixture.store.responses(of: id).first?.flagged == true)

        let stored = try StoredAttempt(saved, store: fixture.store, root: fixture.root)
        #expect(stored.answers.first?.flagged == true)
        var resumed = TestRunner.resume(stored, root: fixture.root, store: fixture.store)
        guard case .finished = try resumed.run(on: ScriptedTerminal(["submit", "y"])) else {
            Issue.record("the resumed test did not finish")
            return
        }
        #expect(try fixture.store.attempt(id: id)?.status == .submitted)
        #expect(try fixture.store.attempt(id: id)?.elapsed == 20, "ten seconds before quitting, ten after resuming")
    }

    @Test func timeRunningOutExpiresTheAttemptWithTheFullLimitUsed() throws {
        let fixture = try AppFixture(files: [
            "Lessons/demo.md": AppFixture.lesson,
            "Quizzes/demo.yaml": AppFixture.bank.replacingOccurrences(of: "pass: \"50%\"}", with: "pass: \"50%\", time_limit: 30s}"),
        ])
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        var runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: 1, timed: true, store: fixture.store)
        let terminal = ScriptedTerminal(["skip", "skip", "skip", "skip"], step: 20)
        guard case .finished(let report) = try runner.run(on: terminal) else {
            Issue.record("the test did not end at the deadline")
            return
        }
        #expect(report.attempt.status == "expired")
        let stored = try #require(try fixture.store.attempt(id: runner.attempt.id))
        #expect(stored.status == .expired)
        #expect(stored.elapsed == 30)
    }

    @Test func ctrlCSavesTheAnswersAndLeavesTheAttemptResumable() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        var runner = try TestRunner.start(test, in: bank, root: fixture.root, seed: 5, timed: false, store: fixture.store)
        guard case .interrupted = try runner.run(on: ScriptedTerminal(["skip"], then: .interrupted)) else {
            Issue.record("Ctrl-C did not stop the sitting")
            return
        }
        #expect(try fixture.store.latestInProgress(kind: .test)?.id == runner.attempt.id)
    }

    @Test func startingAgainAbandonsTheUnfinishedSittingAndQuitSaysItCannotBeResumed() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let (bank, test) = try fixture.bankAndTest()
        var first = try TestRunner.start(test, in: bank, root: fixture.root, seed: 1, timed: false, store: fixture.store)
        _ = try TestRunner.start(test, in: bank, root: fixture.root, seed: 2, timed: false, store: fixture.store)
        guard case .quit(let resumable) = try first.run(on: ScriptedTerminal(["quit"])) else {
            Issue.record("quit did not end the sitting")
            return
        }
        #expect(!resumable)
    }
}

import Foundation
import QuizRecords
import QuizStore
import Testing

@Suite("An attempt from start to finish", .timeLimit(.minutes(1)))
struct AttemptLifecycleTests {
    @Test("create, save, change and finish an attempt, and read it all back")
    func roundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let attempt = StoreFixture.attempt()
        let questions = StoreFixture.questions(of: attempt.id)
        try store.create(attempt, questions: questions)
        #expect(try store.attempt(id: attempt.id) == attempt)
        #expect(try store.questions(of: attempt.id) == questions)

        try store.save(StoreFixture.response(attempt.id, 2, "C"))
        try store.save(StoreFixture.response(attempt.id, 1, "B"))
        var changed = StoreFixture.response(attempt.id, 2, "B")
        changed.flagged = true
        changed.tries = 2
        try store.save(changed)
        #expect(try store.responses(of: attempt.id) == [StoreFixture.response(attempt.id, 1, "B"), changed])

        let cleared = StoreFixture.response(attempt.id, 1, nil)
        try store.save(cleared)
        #expect(try store.responses(of: attempt.id).first == cleared)

        try store.saveClock(attemptID: attempt.id, remaining: 300.5, elapsed: 119.5)
        var expected = attempt
        expected.remaining = 300.5
        expected.elapsed = 119.5
        #expect(try store.attempt(id: attempt.id) == expected)

        let submitted = StoreFixture.time(372)
        try store.finish(
            attemptID: attempt.id, status: AttemptRecord.Status.submitted,
            submittedAt: submitted, elapsed: 372.4, remaining: 47.6)
        expected.status = AttemptRecord.Status.submitted
        expected.submittedAt = submitted
        expected.elapsed = 372.4
        expected.remaining = 47.6
        #expect(try store.attempt(id: attempt.id) == expected)
        #expect(try store.latestInProgress() == nil)
    }

    @Test("who took an attempt comes back from every way of reading it", arguments: ["ana", "o'brien", "日本"])
    func learnerRoundTrips(_ learner: String) throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        var attempt = StoreFixture.attempt()
        attempt.learner = learner
        try store.create(attempt, questions: StoreFixture.questions(of: attempt.id))
        let unknown = StoreFixture.attempt(startedAt: StoreFixture.time(10))
        try store.create(unknown, questions: [])
        #expect(try store.attempt(id: attempt.id)?.learner == learner)
        #expect(try store.attempts().map(\.learner) == [learner, nil])
        try store.finish(attemptID: attempt.id, status: .submitted, submittedAt: StoreFixture.time(60), elapsed: 60, remaining: 0)
        var streamed: [String?] = []
        try store.forEachAttempt(.finished(bank: attempt.bank, test: attempt.test ?? "")) { record, _, _ in streamed.append(record.learner) }
        #expect(streamed == [learner])
    }

    @Test("dates come back to the millisecond, as UTC text that sorts by time")
    func datePrecision() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let started = Date()
        let attempt = StoreFixture.attempt(startedAt: started)
        try store.create(attempt, questions: [])
        let stored = try #require(try store.attempt(id: attempt.id))
        #expect(abs(stored.startedAt.timeIntervalSince(started)) < 0.001)
    }

    @Test("clock and finish name an unknown attempt as not found")
    func unknownAttempt() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        #expect(throws: StoreError.notFound(prefix: "0123456789ab")) {
            try store.saveClock(attemptID: "0123456789ab", remaining: nil, elapsed: 1)
        }
        #expect(throws: StoreError.notFound(prefix: "0123456789ab")) {
            try store.finish(attemptID: "0123456789ab", status: .submitted, submittedAt: nil, elapsed: 1, remaining: nil)
        }
        #expect(try store.attempt(id: "0123456789ab") == nil)
    }

    @Test("a new attempt abandons the unfinished one of the same test, not of another test")
    func abandonsPrevious() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let first = StoreFixture.attempt(startedAt: StoreFixture.time(0))
        let other = StoreFixture.attempt(test: "final", startedAt: StoreFixture.time(1))
        let study = StoreFixture.attempt(kind: AttemptRecord.Kind.study, test: nil, lesson: "websockets-sse-polling",
                                         startedAt: StoreFixture.time(2))
        let second = StoreFixture.attempt(startedAt: StoreFixture.time(3))
        for attempt in [first, other, study, second] {
            try store.create(attempt, questions: StoreFixture.questions(of: attempt.id))
        }
        #expect(try store.attempt(id: first.id)?.status == AttemptRecord.Status.abandoned)
        #expect(try store.attempt(id: other.id)?.status == AttemptRecord.Status.inProgress)
        #expect(try store.attempt(id: study.id)?.status == AttemptRecord.Status.inProgress)
        #expect(try store.attempt(id: second.id)?.status == AttemptRecord.Status.inProgress)
        #expect(try store.latestInProgress()?.id == second.id)
        #expect(try store.latestInProgress(kind: AttemptRecord.Kind.study)?.id == study.id)
        #expect(try store.latestAttempt()?.id == second.id)
        #expect(try store.latestAttempt(kind: AttemptRecord.Kind.check) == nil)
    }

    @Test("attempts are listed oldest first, filtered by bank, test and kind")
    func listing() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let late = StoreFixture.attempt(test: "final", startedAt: StoreFixture.time(50))
        let early = StoreFixture.attempt(test: "practice", startedAt: StoreFixture.time(10))
        let elsewhere = StoreFixture.attempt(bank: "http-caching", startedAt: StoreFixture.time(30))
        for attempt in [late, early, elsewhere] { try store.create(attempt, questions: []) }

        #expect(try store.attempts().map(\.id) == [early.id, elsewhere.id, late.id])
        #expect(try store.attempts(bank: "websockets-sse-polling").map(\.id) == [early.id, late.id])
        #expect(try store.attempts(bank: "websockets-sse-polling", test: "final").map(\.id) == [late.id])
        #expect(try store.attempts(kind: AttemptRecord.Kind.study).isEmpty)
    }

    @Test("an id prefix finds one attempt, or says none or which ones")
    func prefixLookup() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        for id in ["abc111111111", "abc222222222", "def333333333"] {
            try store.create(StoreFixture.attempt(id: id, test: id), questions: [])
        }
        #expect(try store.attempt(matching: "d").id == "def333333333")
        #expect(try store.attempt(matching: " ABC2 ").id == "abc222222222")
        #expect(try store.attempt(matching: "abc111111111").id == "abc111111111")
        #expect(throws: StoreError.ambiguous(prefix: "abc", candidates: ["abc111111111", "abc222222222"])) {
            try store.attempt(matching: "abc")
        }
        #expect(throws: StoreError.notFound(prefix: "abd")) { try store.attempt(matching: "abd") }
        #expect(throws: StoreError.notFound(prefix: "")) { try store.attempt(matching: "") }
        #expect(throws: StoreError.notFound(prefix: "ab%")) { try store.attempt(matching: "ab%") }
    }

    @Test("new ids are 12 lowercase hex characters and differ")
    func newIDs() {
        let ids = (0..<1000).map { _ in AttemptRecord.newID() }
        #expect(ids.allSatisfy { $0.count == 12 && $0.allSatisfy { "0123456789abcdef".contains($0) } })
        #expect(Set(ids).count == ids.count)
    }

    @Test("study progress keeps the first shown and done times")
    func sectionProgress() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let lesson = "websockets-sse-polling"
        try store.markShown(lesson: lesson, section: "polling", at: StoreFixture.time(1))
        try store.markShown(lesson: lesson, section: "sse", at: StoreFixture.time(2))
        try store.markShown(lesson: lesson, section: "polling", at: StoreFixture.time(9))
        try store.markDone(lesson: lesson, section: "polling", at: StoreFixture.time(3))
        try store.markDone(lesson: lesson, section: "polling", at: StoreFixture.time(10))
        try store.markDone(lesson: lesson, section: "websockets", at: StoreFixture.time(4))
        try store.markShown(lesson: "other", section: "polling", at: StoreFixture.time(5))

        #expect(try store.progress(lesson: lesson) == [
            SectionProgressRecord(lesson: lesson, section: "polling", shownAt: StoreFixture.time(1), doneAt: StoreFixture.time(3)),
            SectionProgressRecord(lesson: lesson, section: "sse", shownAt: StoreFixture.time(2)),
            SectionProgressRecord(lesson: lesson, section: "websockets", shownAt: StoreFixture.time(4), doneAt: StoreFixture.time(4)),
        ])
        #expect(try store.progress(lesson: "nothing").isEmpty)
    }
}

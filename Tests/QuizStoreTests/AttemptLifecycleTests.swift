import Foundation
import QuizRecords
import QuizStore
import StoreContract
import Testing

@Suite("An attempt from start to finish", .timeLimit(.minutes(1)))
struct AttemptLifecycleTests {
    @Test("create, save, change and finish an attempt, and read it all back")
    func roundTrip() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.roundTrip(try fixture.open())
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
        try StoreContract.datePrecision(try fixture.open())
    }

    @Test("clock and finish name an unknown attempt as not found")
    func unknownAttempt() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.unknownAttempt(try fixture.open())
    }

    @Test("a new attempt abandons the unfinished one of the same test, not of another test")
    func abandonsPrevious() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.abandonsPrevious(try fixture.open())
    }

    @Test("attempts are listed oldest first, filtered by bank, test and kind")
    func listing() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.listing(try fixture.open())
    }

    @Test("an id prefix finds one attempt, or says none or which ones")
    func prefixLookup() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.prefixLookup(try fixture.open())
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
        try StoreContract.sectionProgress(try fixture.open())
    }

}

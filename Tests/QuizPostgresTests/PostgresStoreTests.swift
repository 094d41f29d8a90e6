#if PostgreSQL
import Foundation
import QuizPostgres
import QuizRecords
import StoreContract
import Testing

/// The store contract every `AttemptStore` passes (the same checks as the SQLite suite's), on PostgreSQL.
@Suite("PostgreSQL store: the store contract", .enabled(if: TestServer.url != nil, TestServer.skipMessage),
       .timeLimit(.minutes(2)))
struct PostgresContractTests {
    @Test("create, save, change and finish an attempt, and read it all back; the learner is the role connected")
    func roundTrip() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.roundTrip(try fixture.open(), learner: fixture.server.user)
    }

    @Test func datePrecision() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.datePrecision(try fixture.open())
    }

    @Test func unknownAttempt() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.unknownAttempt(try fixture.open())
    }

    @Test func abandonsPrevious() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.abandonsPrevious(try fixture.open())
    }

    @Test func listing() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.listing(try fixture.open())
    }

    @Test func prefixLookup() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.prefixLookup(try fixture.open())
    }

    @Test func sectionProgress() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.sectionProgress(try fixture.open())
    }

    @Test func walk() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.walk(try fixture.open())
    }

    @Test func summaries() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.summaries(try fixture.open())
    }

    @Test(arguments: StoreContract.filters)
    func keepsWhatTheFilterMatches(_ filter: AttemptFilter) throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.keepsWhatTheFilterMatches(try fixture.open(), filter)
    }

    @Test("importing the same attempts twice adds nothing; a large batch goes in whole")
    func importIsIdempotent() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let batch = (0..<3000).map { index in
            var attempt = StoreContract.attempt(startedAt: StoreContract.time(Double(index)))
            attempt.status = .submitted
            return AttemptRows(attempt: attempt, questions: StoreContract.questions(of: attempt.id, count: 21),
                               responses: (1...21).map { StoreContract.response(attempt.id, $0) })
        }
        try store.importAttempts(batch)
        try store.importAttempts(Array(batch.prefix(10)) + [batch[2999]])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM attempt") == ["3000"])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM attempt_question") == ["63000"])
        #expect(try fixture.admin.strings("SELECT count(*)::text FROM response") == ["63000"])
        let first = batch[0]
        #expect(try store.responses(of: first.attempt.id) == first.responses)
        #expect(try store.questions(of: first.attempt.id) == first.questions)
    }

    @Test("an id already taken is reported as such, so the caller can draw another")
    func takenID() throws {
        let fixture = try PostgresFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        let attempt = StoreContract.attempt()
        try store.create(attempt, questions: StoreContract.questions(of: attempt.id))
        var again = StoreContract.attempt(id: attempt.id, test: "final")
        again.title = "Another"
        #expect(throws: StoreError.idTaken(id: attempt.id)) { try store.create(again, questions: []) }
        #expect(try store.attempt(id: attempt.id)?.title == attempt.title)
    }
}
#endif

import Foundation
import GRDB
import QuizRecords
import QuizStore
import StoreContract
import Testing

/// Each ended attempt keeps a packed summary of its items in its row; `stats` and `report --all` read it.
@Suite("The summary an ended attempt keeps", .timeLimit(.minutes(1)))
struct SummaryTests {
    @Test("follows the rows however the attempt was written")
    func followsTheRows() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        try StoreContract.summaries(try fixture.open())
    }

    @Test("a summary missing or unreadable (a file edited by hand) is rebuilt from the rows for the read")
    func unreadableSummary() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let store = try fixture.open()
        var ids: [String] = []
        for minute in 0..<4 {
            var attempt = StoreFixture.attempt(startedAt: StoreFixture.time(Double(minute * 60)))
            attempt.status = .submitted
            let responses = (1...3).filter { $0 != minute }.map { StoreFixture.response(attempt.id, $0, $0 == 2 ? "A" : "B") }
            try store.importAttempts([AttemptRows(attempt: attempt, questions: StoreFixture.questions(of: attempt.id),
                                                  responses: responses)])
            ids.append(attempt.id)
        }
        let query = StatsQuery(bank: "websockets-sse-polling", test: "practice", tallied: ["q1", "q2"], pool: ["q1", "q2", "q3"])
        let intact = try store.testAggregates(query)
        let scores = Set(try store.attemptScores(query))
        #expect(intact.attempts == 4 && intact.responses.count == 2)

        let queue = try DatabaseQueue(path: fixture.url().path)
        try queue.write { db in
            try db.execute(sql: "UPDATE attempt SET items = NULL, points = NULL WHERE id = ?", arguments: [ids[0]])
            try db.execute(sql: "UPDATE attempt SET items = x'02ffff' WHERE id = ?", arguments: [ids[1]])
            try db.execute(sql: "UPDATE attempt SET items = x'0103057130' WHERE id = ?", arguments: [ids[2]])
        }
        try queue.close()
        #expect(try store.testAggregates(query) == intact)
        #expect(Set(try store.attemptScores(query)) == scores)
    }

    @Test("migration v3 writes the summary of every ended attempt of an older store, over several batches")
    func migrationFillsSummaries() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        var rows: [AttemptRows] = []
        for index in 0..<5_600 {
            var attempt = StoreFixture.attempt(startedAt: StoreFixture.time(Double(index)))
            attempt.status = index % 7 == 0 ? .inProgress : (index % 5 == 0 ? .expired : .submitted)
            let responses = (1...3).filter { ($0 + index) % 4 != 0 }
                .map { StoreFixture.response(attempt.id, $0, ($0 + index) % 3 == 0 ? "A" : "B") }
            rows.append(AttemptRows(attempt: attempt, questions: StoreFixture.questions(of: attempt.id), responses: responses))
        }
        let store = try fixture.open()
        try store.importAttempts(rows)
        let query = StatsQuery(bank: "websockets-sse-polling", test: "practice", tallied: ["q1", "q2", "q3"],
                               pool: ["q1", "q2", "q3"])
        let written = try store.testAggregates(query)
        let scores = Set(try store.attemptScores(query))

        // The store as a quiz before v3 left it: no summary columns, v3 not applied.
        let queue = try DatabaseQueue(path: fixture.url().path)
        try queue.write { db in
            for column in ["points", "max_points", "items"] { try db.execute(sql: "ALTER TABLE attempt DROP COLUMN \(column)") }
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v3'")
        }
        try queue.close()

        let reopened = try fixture.open()
        let check = try DatabaseQueue(path: fixture.url().path)
        let missing = try check.read { db in
            try Int.fetchOne(db, sql: """
                SELECT count(*) FROM attempt WHERE status IN ('submitted', 'expired') AND (items IS NULL OR points IS NULL)
                """)
        }
        try check.close()
        #expect(missing == 0)
        #expect(try reopened.testAggregates(query) == written)
        #expect(Set(try reopened.attemptScores(query)) == scores)
        #expect(written.attempts == rows.count { $0.attempt.status != .inProgress })
    }

    @Test("packed items read back as written, and cut or foreign bytes are refused")
    func packing() throws {
        let items = ScoredItems(items: [
            .init(questionID: "ws-handshake-status", points: 1, max: 1, response: "b"),
            .init(questionID: "sse-reconnect", points: 0, max: 2, response: nil),
            .init(questionID: "polling-cost", points: 0.5, max: 1, response: String(repeating: "é", count: 200)),
        ])
        let packed = items.packed
        #expect(ScoredItems(packed: packed) == items)
        for cut in 0..<packed.count {
            #expect(ScoredItems(packed: packed.prefix(cut)) == nil, "cut at \(cut)")
        }
        #expect(ScoredItems(packed: packed + [0]) == nil)
        #expect(ScoredItems(packed: Data([2] + packed.dropFirst())) == nil)
        #expect(ScoredItems(packed: Data()) == nil)
    }
}

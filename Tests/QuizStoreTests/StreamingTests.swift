import Foundation
import QuizRecords
import QuizStore
import Testing

@Suite("Walking every attempt of a test", .timeLimit(.minutes(1)))
struct StreamingTests {
    struct Stop: Error {}

    /// Attempts of `practice` at minutes 0…5 with varied statuses, plus noise around them.
    func filledStore() throws -> (StoreFixture, SQLiteStore, [AttemptRecord]) {
        let fixture = try StoreFixture()
        let store = try fixture.open()
        let statuses: [AttemptRecord.Status] = [.submitted, .expired, .abandoned, .submitted, .inProgress, .submitted]
        var made: [AttemptRecord] = []
        for (minute, status) in statuses.enumerated().reversed() {
            var attempt = StoreFixture.attempt(startedAt: StoreFixture.time(Double(minute * 60)))
            attempt.status = status
            try store.create(attempt, questions: StoreFixture.questions(of: attempt.id, count: 4))
            for position in [3, 1, 4] where minute != 3 {
                try store.save(StoreFixture.response(attempt.id, position, minute.isMultiple(of: 2) ? "B" : "A"))
            }
            made.insert(attempt, at: 0)
        }
        let other = StoreFixture.attempt(test: "final", startedAt: StoreFixture.time(30))
        try store.create(other, questions: StoreFixture.questions(of: other.id))
        try store.save(StoreFixture.response(other.id, 1))
        try store.finish(attemptID: other.id, status: .submitted, submittedAt: nil, elapsed: 1, remaining: nil)
        return (fixture, store, made)
    }

    @Test("visits submitted and expired attempts in start order, each with its responses by position")
    func visitsInOrder() throws {
        let (fixture, store, made) = try filledStore()
        defer { withExtendedLifetime(fixture) {} }
        var visited: [(AttemptRecord, [ResponseRecord])] = []
        var shown: [String: [AttemptQuestionRecord]] = [:]
        try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice") { attempt, questions, responses in
            visited.append((attempt, responses))
            shown[attempt.id] = questions
        }
        #expect(visited.map(\.0) == [made[0], made[1], made[3], made[5]])
        for (attempt, responses) in visited {
            #expect(responses == (try store.responses(of: attempt.id)).map { r -> ResponseRecord in
                var r = r
                r.answeredAt = nil  // not streamed
                return r
            })
            let stored = try store.questions(of: attempt.id).map { q -> AttemptQuestionRecord in
                var q = q
                q.presentation = ""  // not streamed: item analysis never needs it
                return q
            }
            #expect(shown[attempt.id] == stored)
            let expected = attempt.id == made[3].id ? [] : [1, 3, 4]
            #expect(responses.map(\.position) == expected)
        }
    }

    @Test("narrows by start time and status; no statuses means every status")
    func filters() throws {
        let (fixture, store, made) = try filledStore()
        defer { withExtendedLifetime(fixture) {} }
        var since: [String] = []
        try store.forEachAttempt(
            bank: "websockets-sse-polling", test: "practice", since: StoreFixture.time(60)
        ) { attempt, _, _ in since.append(attempt.id) }
        #expect(since == [made[1].id, made[3].id, made[5].id])

        var every: [String] = []
        try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice", statuses: []) { attempt, _, _ in
            every.append(attempt.id)
        }
        #expect(every == made.map(\.id))

        var none = 0
        try store.forEachAttempt(bank: "http-caching", test: "practice") { _, _, _ in none += 1 }
        #expect(none == 0)
    }

    @Test("an error thrown by the visitor ends the walk and comes back unchanged")
    func stopsOnError() throws {
        let (fixture, store, _) = try filledStore()
        defer { withExtendedLifetime(fixture) {} }
        var visits = 0
        #expect(throws: Stop.self) {
            try store.forEachAttempt(bank: "websockets-sse-polling", test: "practice") { _, _, _ in
                visits += 1
                if visits == 2 { throw Stop() }
            }
        }
        #expect(visits == 2)
    }
}

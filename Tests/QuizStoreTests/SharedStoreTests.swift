import Foundation
import QuizRecords
import QuizStore
import Testing

/// Two `AttemptStore`s on one file stand in for two `quiz` processes.
@Suite("One store file, several writers", .timeLimit(.minutes(1)))
struct SharedStoreTests {
    @Test("a response is visible to another store on the same file as soon as save returns")
    func committedAtOnce() throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let session = try fixture.open()
        let observer = try fixture.open()
        let attempt = StoreFixture.attempt()
        try session.create(attempt, questions: StoreFixture.questions(of: attempt.id))
        #expect(try observer.latestInProgress()?.id == attempt.id)

        for position in 1...3 {
            let response = StoreFixture.response(attempt.id, position)
            try session.save(response)
            #expect(try observer.responses(of: attempt.id).last == response)
        }
        try session.saveClock(attemptID: attempt.id, remaining: 100, elapsed: 320)
        #expect(try observer.attempt(id: attempt.id)?.remaining == 100)
    }

    @Test("two stores writing 200 responses each at the same time lose none")
    func concurrentWriters() async throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let count = 200
        let setup = try fixture.open()
        let attempts = [StoreFixture.attempt(test: "one"), StoreFixture.attempt(test: "two")]
        for attempt in attempts {
            try setup.create(attempt, questions: StoreFixture.questions(of: attempt.id, count: count))
        }
        let stores = [try fixture.open(), try fixture.open()]

        try await withThrowingTaskGroup(of: Void.self) { group in
            for (store, attempt) in zip(stores, attempts) {
                group.addTask {
                    for position in 1...count {
                        try store.save(StoreFixture.response(attempt.id, position, "B"))
                        try store.saveClock(attemptID: attempt.id, remaining: nil, elapsed: Double(position))
                    }
                }
            }
            try await group.waitForAll()
        }

        for attempt in attempts {
            let responses = try setup.responses(of: attempt.id)
            #expect(responses.map(\.position) == Array(1...count))
            #expect(try setup.attempt(id: attempt.id)?.elapsed == Double(count))
        }
    }

    @Test("two stores opening a brand-new file at the same time both succeed")
    func concurrentFirstUse() async throws {
        let fixture = try StoreFixture()
        defer { withExtendedLifetime(fixture) {} }
        let url = fixture.folder.appendingPathComponent("fresh/quiz.sqlite")
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let store = try SQLiteStore(url: url)
                    let attempt = StoreFixture.attempt(test: AttemptRecord.newID())
                    try store.create(attempt, questions: [])
                    return attempt.id
                }
            }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(Set(try SQLiteStore(url: url).attempts().map(\.id)) == ids)
    }
}

import Foundation
import QuizRecords
import QuizStore
import Testing

/// The store's queries keep exactly the attempts `AttemptFilter.matches` keeps: the
/// agreement every implementation of `AttemptStore` owes the commands.
@Suite struct AttemptFilterTests {
    static let filters: [AttemptFilter] = [
        AttemptFilter(),
        AttemptFilter(kind: .test),
        AttemptFilter(kind: .check, lesson: "demo"),
        AttemptFilter(bank: "demo", test: "t"),
        AttemptFilter(statuses: [.inProgress]),
        AttemptFilter(statuses: [.submitted, .expired]),
        .finished(bank: "demo", test: "t"),
        .finished(bank: "demo", test: "t", since: StoreFixture.time(120)),
        AttemptFilter(lesson: "other"),
    ]

    @Test(arguments: filters)
    func lookupsAndWalksKeepWhatTheFilterMatches(_ filter: AttemptFilter) throws {
        let fixture = try StoreFixture()
        let store = try fixture.open()
        var all: [AttemptRecord] = []
        let shapes: [(AttemptRecord.Kind, String?, String?, AttemptRecord.Status)] = [
            (.test, "t", nil, .submitted), (.test, "t", nil, .expired), (.test, "u", nil, .inProgress),
            (.check, nil, "demo", .submitted), (.check, nil, "other", .inProgress), (.study, nil, "demo", .abandoned),
        ]
        for (minute, shape) in shapes.enumerated() {
            var attempt = StoreFixture.attempt(kind: shape.0, bank: "demo", test: shape.1, lesson: shape.2,
                                               startedAt: StoreFixture.time(Double(minute * 60)))
            attempt.status = shape.3
            try store.importAttempts([AttemptRows(attempt: attempt, questions: StoreFixture.questions(of: attempt.id),
                                                  responses: [StoreFixture.response(attempt.id, 1)])])
            all.append(attempt)
        }
        let expected = all.filter(filter.matches).map(\.id)
        #expect(try store.attempts(filter).map(\.id) == expected)
        #expect(try store.latestAttempt(filter)?.id == expected.last)
        var walked: [String] = []
        try store.forEachAttempt(filter) { attempt, questions, responses in
            walked.append(attempt.id)
            #expect(questions.count == 3)
            #expect(responses.map(\.position) == [1])
        }
        #expect(walked == expected)
    }
}

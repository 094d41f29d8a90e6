#if PostgreSQL
import Foundation
import PostgresNIO
import QuizRecords

/// Item analysis and class scores summed by the server: the statements of `StatsQuery`, the
/// same text SQLite runs, in one repeatable-read transaction so that they all see the same
/// attempts while learners go on answering. Only a few rows per question cross the network.
extension PostgresStore {
    public var aggregatesOnServer: Bool { true }

    public func testAggregates(_ query: StatsQuery) throws(StoreError) -> TestAggregates {
        let p = StatsQuery.dollar
        return try transaction { () throws(StoreError) -> TestAggregates in
            _ = try runLocked("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            let head = try fetchLocked(Self.query(query.attemptsSQL(p), query.arguments)) { row in
                (try row[0].decode(Int.self), try row[1].decode(Int.self), try row[2].decode(Int?.self) ?? 0,
                 try Self.sums(row, from: 3), try Self.sums(row, from: 7))
            }.first
            let attempts = head?.0 ?? 0
            var aggregates = TestAggregates(
                attempts: attempts, learners: head?.1 ?? 0, unnamed: head?.2 ?? 0,
                percent: Self.moments(head?.3, count: attempts), total: Self.moments(head?.4, count: attempts),
                questions: [], responses: [])
            aggregates.questions = try fetchLocked(Self.query(query.questionsSQL(p), query.arguments)) { row in
                let shown = try row[1].decode(Int.self)
                return QuestionAggregates(
                    questionID: try row[0].decode(String.self), shown: shown,
                    maxSum: try row[2].decode(Double?.self) ?? 0, unanswered: try row[3].decode(Int?.self) ?? 0,
                    points: Self.moments(try Self.sums(row, from: 4), count: shown),
                    rest: Self.moments(try Self.sums(row, from: 8), count: shown),
                    pointsTimesRest: try row[12].decode(Double?.self) ?? 0)
            }
            if !query.tallied.isEmpty {
                let arguments = query.arguments + query.tallied.map { .text($0) }
                aggregates.responses = try fetchLocked(Self.query(query.responsesSQL(p), arguments)) { row in
                    ResponseCount(questionID: try row[0].decode(String.self), response: try row[1].decode(String.self),
                                  count: try row[2].decode(Int.self))
                }
            }
            if let common = query.commonQuestions(in: aggregates) {
                let arguments = query.arguments + common.map { .text($0) }
                let row = try fetchLocked(Self.query(query.commonTotalSQL(p, questions: common), arguments)) { row in
                    (try row[0].decode(Int.self), try Self.sums(row, from: 1))
                }.first
                aggregates.commonTotal = Self.moments(row?.1, count: row?.0 ?? 0)
            }
            return aggregates
        }
    }

    public func attemptScores(_ query: StatsQuery) throws(StoreError) -> [AttemptScore] {
        try fetch(Self.query(query.scoresSQL(StatsQuery.dollar), query.arguments)) { row in
            AttemptScore(attemptID: try row[0].decode(String.self), points: try row[1].decode(Double.self),
                         max: try row[2].decode(Double.self))
        }
    }

    /// The connected learner's study progress in every lesson (what `quiz store copy` carries).
    public func allProgress() throws(StoreError) -> [SectionProgressRecord] {
        try fetch("""
            SELECT lesson, section, shown_at, done_at FROM section_progress
            WHERE learner = current_user ORDER BY lesson, shown_at, recorded
            """) { row in
            SectionProgressRecord(lesson: try row[0].decode(String.self), section: try row[1].decode(String.self),
                                  shownAt: try row[2].decode(Date?.self), doneAt: try row[3].decode(Date?.self))
        }
    }

    /// One of `StatsQuery`'s statements with its arguments bound in order.
    private static func query(_ sql: String, _ arguments: [StatsQuery.Argument]) -> PostgresQuery {
        var bindings = PostgresBindings()
        for argument in arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .date(let date): bindings.append(date)
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Σ, Σ², min, max from four columns starting at `index` (NULL when no rows were summed).
    private static func sums(_ row: PostgresRandomAccessRow, from index: Int) throws -> (Double?, Double?, Double?, Double?) {
        (try row[index].decode(Double?.self), try row[index + 1].decode(Double?.self),
         try row[index + 2].decode(Double?.self), try row[index + 3].decode(Double?.self))
    }

    private static func moments(_ sums: (Double?, Double?, Double?, Double?)?, count: Int) -> TestAggregates.Moments {
        guard let sums else { return .empty }
        return .summed(count: count, sum: sums.0, squares: sums.1, min: sums.2, max: sums.3)
    }
}
#endif

import Foundation
import GRDB
import QuizRecords

/// Item analysis summed by SQLite itself: the statements of `StatsQuery`, the same text
/// PostgreSQL runs, read in one transaction so they all see the same attempts.
extension SQLiteStore {
    public func testAggregates(_ query: StatsQuery) throws(StoreError) -> TestAggregates {
        let filter = Self.bind(query.arguments)
        let p = StatsQuery.questionMark
        return try read { db in
            let row = try Row.fetchOne(db, sql: query.attemptsSQL(p), arguments: filter)
            let attempts: Int = row?[0] ?? 0
            var aggregates = TestAggregates(
                attempts: attempts, learners: row?[1] ?? 0, unnamed: row?[2] ?? 0,
                percent: Self.moments(row, count: attempts, from: 3),
                total: Self.moments(row, count: attempts, from: 7),
                questions: [], responses: [])
            aggregates.questions = try Row.fetchAll(db, sql: query.questionsSQL(p), arguments: filter).map { row in
                let shown: Int = row[1]
                return QuestionAggregates(
                    questionID: row[0], shown: shown, maxSum: row[2] ?? 0, unanswered: row[3] ?? 0,
                    points: Self.moments(row, count: shown, from: 4), rest: Self.moments(row, count: shown, from: 8),
                    pointsTimesRest: row[12] ?? 0)
            }
            if !query.tallied.isEmpty {
                let arguments = filter + StatementArguments(query.tallied)
                aggregates.responses = try Row.fetchAll(db, sql: query.responsesSQL(p), arguments: arguments).map { row in
                    ResponseCount(questionID: row[0], response: row[1], count: row[2])
                }
            }
            if let common = query.commonQuestions(in: aggregates) {
                let arguments = filter + StatementArguments(common)
                let row = try Row.fetchOne(db, sql: query.commonTotalSQL(p, questions: common), arguments: arguments)
                aggregates.commonTotal = Self.moments(row, count: row?[0] ?? 0, from: 1)
            }
            return aggregates
        }
    }

    public func attemptScores(_ query: StatsQuery) throws(StoreError) -> [AttemptScore] {
        try read { db in
            try Row.fetchAll(db, sql: query.scoresSQL(StatsQuery.questionMark), arguments: Self.bind(query.arguments)).map { row in
                AttemptScore(attemptID: row[0], points: row[1], max: row[2])
            }
        }
    }

    /// Σ, Σ², min, max from four columns starting at `index`; a column SQL left NULL (no rows) reads as empty.
    private static func moments(_ row: Row?, count: Int, from index: Int) -> TestAggregates.Moments {
        guard let row else { return .empty }
        return .summed(count: count, sum: row[index], squares: row[index + 1], min: row[index + 2], max: row[index + 3])
    }

    /// The query's arguments as this store keeps them: dates in GRDB's text form, as `started_at` is.
    static func bind(_ arguments: [StatsQuery.Argument]) -> StatementArguments {
        StatementArguments(arguments.map { argument -> (any DatabaseValueConvertible)? in
            switch argument {
            case .text(let text): text
            case .date(let date): date
            }
        })
    }
}

import Foundation
import GRDB
import QuizRecords

/// Item analysis and class scores from the summary each ended attempt keeps in its row
/// (`points`, `max_points`, `items`): one row per attempt, streamed in one read transaction into
/// `ItemSums`, instead of every response joined to its question.
extension SQLiteStore {
    public func testAggregates(_ query: StatsQuery) throws(StoreError) -> TestAggregates {
        let sql = "SELECT a.id, a.learner, a.items FROM attempt a WHERE \(query.filterSQL(StatsQuery.questionMark))"
        let arguments = Self.bind(query.arguments)
        return try read { db in
            var sums = ItemSums(tallied: query.tallied)
            try Self.forEachSummary(db, sql: sql, arguments: arguments) { row, packed in
                sums.add(learner: row[1], packed: packed)
            }
            var aggregates = sums.aggregates
            if let common = query.commonQuestions(in: aggregates) {
                var total = ItemSums.CommonTotal(questions: common)
                try Self.forEachSummary(db, sql: sql, arguments: arguments) { _, packed in
                    total.add(packed: packed)
                }
                aggregates.commonTotal = total.moments
            }
            return aggregates
        }
    }

    public func attemptScores(_ query: StatsQuery) throws(StoreError) -> [AttemptScore] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT a.id, a.points, a.max_points FROM attempt a WHERE \(query.filterSQL(StatsQuery.questionMark))
                """, arguments: Self.bind(query.arguments)
            ).map { row in
                let id: String = row[0]
                if let points: Double = row[1], let max: Double = row[2] {
                    return AttemptScore(attemptID: id, points: points, max: max)
                }
                let items = try Self.scoredItems(db, attemptID: id)
                return AttemptScore(attemptID: id, points: items.points, max: items.max)
            }
        }
    }

    /// Calls `body` with each row of `sql` (id, …, packed items in the last column) and its packed
    /// items, read in place. An attempt whose summary is missing or unreadable (a file edited by
    /// hand) has its items rebuilt from its rows for this read.
    private static func forEachSummary(
        _ db: Database, sql: String, arguments: StatementArguments,
        _ body: (Row, UnsafeRawBufferPointer) -> Bool
    ) throws {
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try cursor.next() {
            let last = row.count - 1
            let added = try row.withUnsafeData(atIndex: last) { data in
                data?.withUnsafeBytes { body(row, $0) } ?? false
            }
            if !added {
                let packed = try scoredItems(db, attemptID: row[0]).packed
                _ = packed.withUnsafeBytes { body(row, $0) }
            }
        }
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

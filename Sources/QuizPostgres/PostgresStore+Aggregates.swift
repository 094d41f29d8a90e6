#if PostgreSQL
import Foundation
import PostgresNIO
import QuizRecords

/// Item analysis and class scores summed by the server, from the summary each ended attempt keeps
/// in its row (`points`, `max_points` and the `item_*` arrays, see `PostgresSchema.v3`): one pass
/// over the attempts for their own figures, one over their items unnested, grouped by question,
/// in one repeatable-read transaction so that both see the same attempts while learners go on
/// answering. Only a few rows per question cross the network.
extension PostgresStore {
    public func testAggregates(_ query: StatsQuery) throws(StoreError) -> TestAggregates {
        let p = StatsQuery.dollar
        let filter = query.filterSQL(p)
        let listed = query.arguments.count + 1
        return try transaction { () throws(StoreError) -> TestAggregates in
            _ = try runLocked("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            // Summed by learner first, then over the learners: a grouping that runs on every core,
            // where count(DISTINCT learner) would sort a million names in one process.
            let head = try fetchLocked(Self.query("""
                SELECT sum(n)::int8, count(learner), sum(CASE WHEN learner IS NULL THEN n ELSE 0 END)::int8,
                       sum(p), sum(p2), min(pmin), max(pmax), sum(t), sum(t2), min(tmin), max(tmax)
                FROM (SELECT learner, count(*) AS n, sum(pct) AS p, sum(pct * pct) AS p2, min(pct) AS pmin, max(pct) AS pmax,
                             sum(t) AS t, sum(t * t) AS t2, min(t) AS tmin, max(t) AS tmax
                      FROM (SELECT a.learner, a.points AS t,
                                   CASE WHEN a.max_points > 0 AND a.points > 0 THEN a.points / a.max_points * 100 ELSE 0.0 END AS pct
                            FROM attempt a WHERE \(filter)) s
                      GROUP BY learner) g
                """, query.arguments)) { row in
                (try row[0].decode(Int?.self) ?? 0, try row[1].decode(Int.self), try row[2].decode(Int?.self) ?? 0,
                 try Self.sums(row, from: 3), try Self.sums(row, from: 7))
            }.first
            let attempts = head?.0 ?? 0
            var aggregates = TestAggregates(
                attempts: attempts, learners: head?.1 ?? 0, unnamed: head?.2 ?? 0,
                percent: Self.moments(head?.3, count: attempts), total: Self.moments(head?.4, count: attempts),
                questions: [], responses: [])
            // One row per question and, for the tallied ones, per response text given: the text
            // column is NULL on the row of a question's other items. One array is unnested with its
            // positions and the other three read by position: unnesting the four together zips four
            // materialised function results per attempt, a third slower over 21 million items.
            var bindings = Self.bindings(query.arguments)
            bindings.append(query.tallied)
            let rows = try fetchLocked(PostgresQuery(unsafeSQL: """
                SELECT i.q, CASE WHEN i.q = ANY(\(p(listed))) THEN i.r END, count(*), sum(i.mx),
                       sum(CASE WHEN i.r IS NULL THEN 1 ELSE 0 END),
                       sum(i.x), sum(i.x * i.x), min(i.x), max(i.x),
                       sum(i.points - i.x), sum((i.points - i.x) * (i.points - i.x)), min(i.points - i.x), max(i.points - i.x),
                       sum(i.x * (i.points - i.x))
                FROM (SELECT a.points, a.item_questions[k] AS q, x, a.item_max[k] AS mx, a.item_responses[k] AS r
                      FROM attempt a CROSS JOIN LATERAL unnest(a.item_points) WITH ORDINALITY AS u(x, k)
                      WHERE \(filter)) i
                GROUP BY 1, 2
                """, binds: bindings)) { row in
                (QuestionAggregates(
                    questionID: try row[0].decode(String.self), shown: try row[2].decode(Int.self),
                    maxSum: try row[3].decode(Double?.self) ?? 0, unanswered: try row[4].decode(Int?.self) ?? 0,
                    points: Self.moments(try Self.sums(row, from: 5), count: try row[2].decode(Int.self)),
                    rest: Self.moments(try Self.sums(row, from: 9), count: try row[2].decode(Int.self)),
                    pointsTimesRest: try row[13].decode(Double?.self) ?? 0),
                 try row[1].decode(String?.self))
            }
            var merged: [String: QuestionAggregates] = [:]
            for (part, response) in rows {
                merged[part.questionID] = merged[part.questionID].map { $0.adding(part) } ?? part
                if let response {
                    aggregates.responses.append(ResponseCount(questionID: part.questionID, response: response, count: part.shown))
                }
            }
            aggregates.questions = merged.values.sorted { $0.questionID < $1.questionID }
            aggregates.responses.sort { ($0.questionID, $0.response) < ($1.questionID, $1.response) }
            if let common = query.commonQuestions(in: aggregates) {
                var bindings = Self.bindings(query.arguments)
                bindings.append(common)
                let row = try fetchLocked(PostgresQuery(unsafeSQL: """
                    SELECT count(*), sum(c), sum(c * c), min(c), max(c)
                    FROM (SELECT (SELECT coalesce(sum(u.x), 0) FROM unnest(a.item_points) WITH ORDINALITY AS u(x, k)
                                  WHERE a.item_questions[k] = ANY(\(p(listed)))) AS c
                          FROM attempt a WHERE \(filter)) s
                    """, binds: bindings)) { row in
                    (try row[0].decode(Int.self), try Self.sums(row, from: 1))
                }.first
                aggregates.commonTotal = Self.moments(row?.1, count: row?.0 ?? 0)
            }
            return aggregates
        }
    }

    public func attemptScores(_ query: StatsQuery) throws(StoreError) -> [AttemptScore] {
        try fetch(Self.query("""
            SELECT a.id, a.points, a.max_points FROM attempt a WHERE \(query.filterSQL(StatsQuery.dollar))
            """, query.arguments)) { row in
            AttemptScore(attemptID: try row[0].decode(String.self), points: try row[1].decode(Double?.self) ?? 0,
                         max: try row[2].decode(Double?.self) ?? 0)
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

    /// A statement with `StatsQuery`'s arguments bound in order.
    private static func query(_ sql: String, _ arguments: [StatsQuery.Argument]) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings(arguments))
    }

    private static func bindings(_ arguments: [StatsQuery.Argument]) -> PostgresBindings {
        var bindings = PostgresBindings()
        for argument in arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .date(let date): bindings.append(date)
            }
        }
        return bindings
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

import Foundation

/// The SQL that aggregates one test's finished attempts for item analysis, shared by every store.
///
/// The text is plain portable SQL (CTEs, joins, GROUP BY, CASE, COALESCE; no window functions,
/// no functions of one database), so SQLite and PostgreSQL run the very same aggregation, the
/// server doing all of it. Parameters are written by the store's `placeholder` (`?` for SQLite,
/// `$1`, `$2`, … for PostgreSQL) and bound from ``arguments`` in order: each statement's
/// arguments are the filter's, then its own.
///
/// Four statements, run in one read transaction so they see the same attempts:
/// 1. ``attemptsSQL``: one row of attempt-level figures: count, learners, percent and total moments;
/// 2. ``questionsSQL``: one row per question id: shown, Σmax, unanswered, moments of its points x
///    and of the rest r = t − x, Σx·r;
/// 3. ``responsesSQL(tallied:)``: response texts counted per question, for the questions whose
///    choices are tallied (skipped when there are none);
/// 4. ``commonTotalSQL(questions:)``: totals over the questions drawn into every attempt, only
///    when ``commonQuestions(in:)`` says they are not every item (rare: a test whose every
///    attempt holds the same questions has them already as the attempt totals).
public struct StatsQuery: Sendable, Hashable {
    public var bank: String
    public var test: String
    /// Keep attempts started at or after this instant.
    public var since: Date?
    /// The questions whose responses are counted by text (single and multiple choice).
    public var tallied: [String]
    /// The questions the test can draw: Cronbach's alpha reads those drawn into every attempt.
    public var pool: [String]

    public init(bank: String, test: String, since: Date? = nil, tallied: [String] = [], pool: [String] = []) {
        self.bank = bank
        self.test = test
        self.since = since
        self.tallied = tallied
        self.pool = pool
    }

    /// A value bound to a parameter; each store converts it to its own column types.
    public enum Argument: Sendable, Hashable {
        case text(String)
        case date(Date)
    }

    /// How a store writes its n-th (1-based) parameter.
    public typealias Placeholder = @Sendable (Int) -> String

    /// SQLite's positional parameter.
    public static let questionMark: Placeholder = { _ in "?" }
    /// PostgreSQL's numbered parameter.
    public static let dollar: Placeholder = { "$\($0)" }

    /// The filter's arguments, in the order its placeholders appear.
    public var arguments: [Argument] {
        var values: [Argument] = [.text(bank), .text(test), .text(AttemptRecord.Status.submitted.rawValue),
                                  .text(AttemptRecord.Status.expired.rawValue)]
        if let since { values.append(.date(since)) }
        return values
    }

    /// The CTEs every statement starts from: `finished` (the attempts), `scored` (each with its
    /// total t, the sum of its responses' points, and its maximum m, the sum of its questions'),
    /// and `item` (each question drawn into them, with its points x, 0 when unanswered, and t).
    ///
    /// `scored` is MATERIALIZED (SQLite 3.35 and PostgreSQL 12 read the word alike) so that each
    /// attempt's sums are taken once, by ranges of the (attempt_id, position) keys, and never
    /// again for each of its questions; every other step is a join along those same keys.
    private func items(_ p: Placeholder) -> String {
        let since = since == nil ? "" : " AND a.started_at >= \(p(5))"
        return """
            WITH finished AS (
                SELECT a.id, a.learner FROM attempt a
                WHERE a.kind = 'test' AND a.bank = \(p(1)) AND a.test = \(p(2))
                  AND a.status IN (\(p(3)), \(p(4)))\(since)
            ),
            scored AS MATERIALIZED (
                SELECT f.id, f.learner,
                       (SELECT COALESCE(SUM(r.points), 0.0) FROM response r WHERE r.attempt_id = f.id) AS t,
                       (SELECT COALESCE(SUM(q.max_points), 0.0) FROM attempt_question q WHERE q.attempt_id = f.id) AS m
                FROM finished f
            ),
            item AS (
                SELECT s.id AS attempt_id, s.t, q.question_id, q.max_points,
                       COALESCE(r.points, 0.0) AS x,
                       CASE WHEN r.response IS NULL THEN 1 ELSE 0 END AS blank,
                       r.response
                FROM scored s
                JOIN attempt_question q ON q.attempt_id = s.id
                LEFT JOIN response r ON r.attempt_id = q.attempt_id AND r.position = q.position
            )
            """
    }

    /// Columns: attempts, learners, unnamed, then count, Σ, Σ², min, max of the percents, then Σ, Σ², min, max of the totals.
    public func attemptsSQL(_ p: Placeholder) -> String {
        """
        \(items(p)),
        graded AS (
            SELECT s.learner, s.t, CASE WHEN s.m > 0 AND s.t > 0 THEN s.t / s.m * 100 ELSE 0.0 END AS pct
            FROM scored s
        )
        SELECT COUNT(*), COUNT(DISTINCT learner), SUM(CASE WHEN learner IS NULL THEN 1 ELSE 0 END),
               SUM(pct), SUM(pct * pct), MIN(pct), MAX(pct),
               SUM(t), SUM(t * t), MIN(t), MAX(t)
        FROM graded
        """
    }

    /// Columns: question id, shown, Σmax, unanswered, Σx, Σx², min x, max x, Σr, Σr², min r, max r, Σx·r.
    public func questionsSQL(_ p: Placeholder) -> String {
        """
        \(items(p))
        SELECT i.question_id, COUNT(*), SUM(i.max_points), SUM(i.blank),
               SUM(i.x), SUM(i.x * i.x), MIN(i.x), MAX(i.x),
               SUM(i.t - i.x), SUM((i.t - i.x) * (i.t - i.x)), MIN(i.t - i.x), MAX(i.t - i.x),
               SUM(i.x * (i.t - i.x))
        FROM item i
        GROUP BY i.question_id
        """
    }

    /// Columns: attempt id, Σ points, Σ max; one row per attempt, also one without questions.
    public func scoresSQL(_ p: Placeholder) -> String {
        """
        \(items(p))
        SELECT s.id, s.t, s.m FROM scored s
        """
    }

    /// Columns: question id, response text, count. Arguments: the filter's, then ``tallied``.
    public func responsesSQL(_ p: Placeholder) -> String {
        let first = arguments.count + 1
        let marks = tallied.indices.map { p(first + $0) }.joined(separator: ", ")
        return """
            \(items(p))
            SELECT i.question_id, i.response, COUNT(*)
            FROM item i
            WHERE i.response IS NOT NULL AND i.question_id IN (\(marks))
            GROUP BY i.question_id, i.response
            """
    }

    /// Columns: count, Σ, Σ², min, max of each attempt's points over `questions` only.
    /// Arguments: the filter's, then `questions`.
    public func commonTotalSQL(_ p: Placeholder, questions: [String]) -> String {
        let first = arguments.count + 1
        let marks = questions.indices.map { p(first + $0) }.joined(separator: ", ")
        return """
            \(items(p)),
            common AS (
                SELECT i.attempt_id, SUM(i.x) AS t FROM item i
                WHERE i.question_id IN (\(marks))
                GROUP BY i.attempt_id
            )
            SELECT COUNT(*), SUM(t), SUM(t * t), MIN(t), MAX(t) FROM common
            """
    }

    /// The pool's questions drawn into every attempt, when Cronbach's alpha needs their own
    /// totals: nil when there are fewer than 2 of them or fewer than 2 attempts (no alpha), or
    /// when they are every item of every attempt (their totals are the attempts' totals).
    public func commonQuestions(in aggregates: TestAggregates) -> [String]? {
        guard aggregates.attempts >= 2 else { return nil }
        let pool = Set(self.pool)
        let common = aggregates.questions.filter { pool.contains($0.questionID) && $0.shown == aggregates.attempts }
        guard common.count >= 2 else { return nil }
        let items = aggregates.questions.reduce(0) { $0 + $1.shown }
        let commonItems = common.reduce(0) { $0 + $1.shown }
        return commonItems == items ? nil : common.map(\.questionID)
    }
}

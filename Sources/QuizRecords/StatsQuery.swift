import Foundation

/// Which attempts item analysis and class scores read, and the filter every store writes for them.
///
/// The sums themselves come from each attempt's packed items (``ScoredItems``), kept in its own row
/// when it ends: a database server sums them in SQL, a SQLite file streams one row per attempt into
/// ``ItemSums``. Parameters are written by the store's `placeholder` (`?` for SQLite, `$1`, `$2`, …
/// for PostgreSQL) and bound from ``arguments`` in order.
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

    /// The condition on `attempt AS a` keeping the finished attempts of the test: its parameters are ``arguments``.
    public func filterSQL(_ p: Placeholder) -> String {
        let since = since == nil ? "" : " AND a.started_at >= \(p(5))"
        return "a.kind = 'test' AND a.bank = \(p(1)) AND a.test = \(p(2)) AND a.status IN (\(p(3)), \(p(4)))\(since)"
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

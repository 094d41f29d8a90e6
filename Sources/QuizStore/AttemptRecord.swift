import Foundation
import GRDB

/// One sitting of a practice test, a study session or a quick check: a row of
/// the `attempt` table.
///
/// Its id is 12 random lowercase hex characters, so a learner can type a short
/// unique prefix of it. Dates are stored to the millisecond, in UTC.
public struct AttemptRecord: Codable, Hashable, Sendable, FetchableRecord, PersistableRecord {
    public var id: String
    /// `test`, `study` or `check` (see ``Kind``).
    public var kind: String
    public var bank: String
    /// The test id, for kind `test`.
    public var test: String?
    /// The lesson id, for kinds `study` and `check`.
    public var lesson: String?
    public var title: String
    /// The seed of the draw and shuffles, so the attempt can be rebuilt.
    public var seed: Int64
    public var startedAt: Date
    public var submittedAt: Date?
    /// The time limit in seconds; nil when untimed.
    public var timeLimit: Int?
    /// Seconds left at the last save, so a resumed attempt keeps its clock.
    public var remaining: Double?
    /// Seconds used so far.
    public var elapsed: Double
    /// `in-progress`, `submitted`, `expired` or `abandoned` (see ``Status``).
    public var status: String
    public var passMark: Double
    public var penalty: Double

    public init(
        id: String = AttemptRecord.newID(), kind: String, bank: String,
        test: String? = nil, lesson: String? = nil, title: String, seed: Int64,
        startedAt: Date, submittedAt: Date? = nil, timeLimit: Int? = nil,
        remaining: Double? = nil, elapsed: Double = 0, status: String = Status.inProgress,
        passMark: Double, penalty: Double = 0
    ) {
        self.id = id
        self.kind = kind
        self.bank = bank
        self.test = test
        self.lesson = lesson
        self.title = title
        self.seed = seed
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.timeLimit = timeLimit
        self.remaining = remaining
        self.elapsed = elapsed
        self.status = status
        self.passMark = passMark
        self.penalty = penalty
    }

    /// Decodes a row by hand, faster than the `Decodable` path, for walks over
    /// every attempt of a test.
    public init(row: Row) throws {
        typealias Columns = CodingKeys
        id = row[Columns.id]
        kind = row[Columns.kind]
        bank = row[Columns.bank]
        test = row[Columns.test]
        lesson = row[Columns.lesson]
        title = row[Columns.title]
        seed = row[Columns.seed]
        startedAt = row[Columns.startedAt]
        submittedAt = row[Columns.submittedAt]
        timeLimit = row[Columns.timeLimit]
        remaining = row[Columns.remaining]
        elapsed = row[Columns.elapsed]
        status = row[Columns.status]
        passMark = row[Columns.passMark]
        penalty = row[Columns.penalty]
    }

    /// A fresh id: 12 lowercase hex characters (48 bits) from the system's random source.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// The values of ``kind``.
    public enum Kind {
        public static let test = "test"
        public static let study = "study"
        public static let check = "check"
    }

    /// The values of ``status``, as written in reports.
    public enum Status {
        public static let inProgress = "in-progress"
        public static let submitted = "submitted"
        public static let expired = "expired"
        public static let abandoned = "abandoned"
    }

    public static let databaseTableName = "attempt"

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, kind, bank, test, lesson, title, seed
        case startedAt = "started_at"
        case submittedAt = "submitted_at"
        case timeLimit = "time_limit"
        case remaining, elapsed, status
        case passMark = "pass_mark"
        case penalty
    }
}

import Foundation

/// One sitting of a practice test, a study session or a quick check.
///
/// Its id is 12 random lowercase hex characters, so a learner can type a short
/// unique prefix of it. Dates are stored to the millisecond, in UTC.
public struct AttemptRecord: Hashable, Sendable {
    public var id: String
    public var kind: Kind
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
    public var status: Status
    public var passMark: Double
    public var penalty: Double
    /// Who took the attempt: the login name of the account that started it (a store on a
    /// database server may record its own user instead). Nil for attempts recorded before
    /// stores kept it, or when no name could be found.
    public var learner: String?

    public init(
        id: String = AttemptRecord.newID(), kind: Kind, bank: String,
        test: String? = nil, lesson: String? = nil, title: String, seed: Int64,
        startedAt: Date, submittedAt: Date? = nil, timeLimit: Int? = nil,
        remaining: Double? = nil, elapsed: Double = 0, status: Status = .inProgress,
        passMark: Double, penalty: Double = 0, learner: String? = nil
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
        self.learner = learner
    }

    /// A fresh id: 12 lowercase hex characters (48 bits) from the system's random source.
    public static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let bits = generator.next() & 0xFFFF_FFFF_FFFF
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// What kind of sitting an attempt is.
    public enum Kind: String, Sendable, CaseIterable {
        /// A practice test (`quiz take`).
        case test
        /// A study session through a lesson (`quiz study`).
        case study
        /// One round of a section's quick checks (`quiz check`, or inside `quiz study`).
        case check
    }

    /// Where an attempt stands. The raw values are what stores keep and reports write.
    public enum Status: String, Sendable, CaseIterable {
        case inProgress = "in-progress"
        case submitted
        /// Time ran out; what was answered counts.
        case expired
        /// A newer attempt of the same test started before this one finished.
        case abandoned

        /// Submitted or expired: the attempt has a score that counts.
        public var isFinished: Bool { self == .submitted || self == .expired }
    }
}

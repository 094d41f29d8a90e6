import Foundation

/// Which attempts a lookup or a walk over the store wants; a nil field matches anything.
///
/// `statuses` empty keeps every status, so the default filter matches every
/// attempt in the store; ``finished`` keeps the attempts that have a score.
public struct AttemptFilter: Hashable, Sendable {
    public var kind: AttemptRecord.Kind?
    public var bank: String?
    public var test: String?
    public var lesson: String?
    /// Keep attempts started at or after this instant.
    public var since: Date?
    public var statuses: [AttemptRecord.Status]

    public init(kind: AttemptRecord.Kind? = nil, bank: String? = nil, test: String? = nil, lesson: String? = nil,
                since: Date? = nil, statuses: [AttemptRecord.Status] = []) {
        self.kind = kind
        self.bank = bank
        self.test = test
        self.lesson = lesson
        self.since = since
        self.statuses = statuses
    }

    /// The submitted and expired attempts of one practice test: what reports and item analysis read.
    public static func finished(bank: String, test: String, since: Date? = nil) -> AttemptFilter {
        AttemptFilter(kind: .test, bank: bank, test: test, since: since, statuses: [.submitted, .expired])
    }

    /// Whether an attempt passes this filter: what every store's query must agree with.
    public func matches(_ attempt: AttemptRecord) -> Bool {
        (kind.map { $0 == attempt.kind } ?? true)
            && (bank.map { $0 == attempt.bank } ?? true)
            && (test.map { $0 == attempt.test } ?? true)
            && (lesson.map { $0 == attempt.lesson } ?? true)
            && (since.map { attempt.startedAt >= $0 } ?? true)
            && (statuses.isEmpty || statuses.contains(attempt.status))
    }
}

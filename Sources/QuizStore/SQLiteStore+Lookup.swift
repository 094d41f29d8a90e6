import Foundation
import GRDB
import QuizRecords

/// Finding attempts and what they hold. Ties in start time go to the attempt
/// recorded first, so every order here is total and repeatable.
extension SQLiteStore {
    /// At most this many candidate ids are carried by `StoreError.ambiguous`.
    static let candidateLimit = 20

    /// The attempt with exactly this id, or nil.
    public func attempt(id: String) throws(StoreError) -> AttemptRecord? {
        try read { db in try AttemptRecord.fetchOne(db, key: id) }
    }

    /// The one attempt whose id starts with `prefix` (case-insensitive, spaces trimmed).
    ///
    /// Throws `.notFound` when none does (or the prefix is empty or not hex), and
    /// `.ambiguous` with the candidate ids, in id order, when several do.
    public func attempt(matching prefix: String) throws(StoreError) -> AttemptRecord {
        let wanted = prefix.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty, wanted.allSatisfy(\.isHexDigit) else {
            throw .notFound(prefix: prefix)
        }
        let found = try read { db in
            try AttemptRecord
                .filter(AttemptRecord.Columns.id.like("\(wanted)%"))
                .order(AttemptRecord.Columns.id)
                .limit(Self.candidateLimit)
                .fetchAll(db)
        }
        switch found.count {
        case 0: throw .notFound(prefix: wanted)
        case 1: return found[0]
        default: throw .ambiguous(prefix: wanted, candidates: found.map(\.id))
        }
    }

    public func latestAttempt(_ filter: AttemptFilter) throws(StoreError) -> AttemptRecord? {
        try read { db in
            try Self.request(filter).order(AttemptRecord.Columns.startedAt.desc, Column.rowID.desc).fetchOne(db)
        }
    }

    public func attempts(_ filter: AttemptFilter) throws(StoreError) -> [AttemptRecord] {
        try read { db in
            try Self.request(filter).order(AttemptRecord.Columns.startedAt, Column.rowID).fetchAll(db)
        }
    }

    /// The questions of an attempt, by position.
    public func questions(of attemptID: String) throws(StoreError) -> [AttemptQuestionRecord] {
        try read { db in
            try AttemptQuestionRecord
                .filter(AttemptQuestionRecord.Columns.attemptID == attemptID)
                .order(AttemptQuestionRecord.Columns.position)
                .fetchAll(db)
        }
    }

    /// The saved responses of an attempt, by position (unvisited positions have none).
    public func responses(of attemptID: String) throws(StoreError) -> [ResponseRecord] {
        try read { db in
            try ResponseRecord
                .filter(ResponseRecord.Columns.attemptID == attemptID)
                .order(ResponseRecord.Columns.position)
                .fetchAll(db)
        }
    }

    /// The study progress recorded for a lesson's sections, in the order they were first shown.
    public func progress(lesson: String) throws(StoreError) -> [SectionProgressRecord] {
        typealias Columns = SectionProgressRecord.Columns
        return try read { db in
            try SectionProgressRecord
                .filter(Columns.lesson == lesson)
                .order(Columns.shownAt, Column.rowID)
                .fetchAll(db)
        }
    }

    /// The study progress of every lesson, by lesson, then in the order first shown.
    public func allProgress() throws(StoreError) -> [SectionProgressRecord] {
        typealias Columns = SectionProgressRecord.Columns
        return try read { db in
            try SectionProgressRecord.order(Columns.lesson, Columns.shownAt, Column.rowID).fetchAll(db)
        }
    }

    /// The attempts `filter` keeps, unordered.
    static func request(_ filter: AttemptFilter) -> QueryInterfaceRequest<AttemptRecord> {
        typealias Columns = AttemptRecord.Columns
        var request = AttemptRecord.all()
        if let kind = filter.kind { request = request.filter(Columns.kind == kind.rawValue) }
        if let bank = filter.bank { request = request.filter(Columns.bank == bank) }
        if let test = filter.test { request = request.filter(Columns.test == test) }
        if let lesson = filter.lesson { request = request.filter(Columns.lesson == lesson) }
        if let since = filter.since { request = request.filter(Columns.startedAt >= since) }
        if !filter.statuses.isEmpty { request = request.filter(filter.statuses.map(\.rawValue).contains(Columns.status)) }
        return request
    }
}

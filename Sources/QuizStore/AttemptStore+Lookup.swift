import Foundation
import GRDB

/// Finding attempts and what they hold. Ties in start time go to the attempt
/// recorded first, so every order here is total and repeatable.
extension AttemptStore {
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
                .filter(AttemptRecord.CodingKeys.id.like("\(wanted)%"))
                .order(AttemptRecord.CodingKeys.id)
                .limit(Self.candidateLimit)
                .fetchAll(db)
        }
        switch found.count {
        case 0: throw .notFound(prefix: wanted)
        case 1: return found[0]
        default: throw .ambiguous(prefix: wanted, candidates: found.map(\.id))
        }
    }

    /// The most recently started attempt, of `kind` when given.
    public func latestAttempt(kind: String? = nil) throws(StoreError) -> AttemptRecord? {
        try read { db in
            try Self.newestFirst(Self.filtered(kind: kind)).fetchOne(db)
        }
    }

    /// The most recently started attempt still in progress, of `kind` when given:
    /// what `quiz resume` continues.
    public func latestInProgress(kind: String? = nil) throws(StoreError) -> AttemptRecord? {
        try read { db in
            try Self.newestFirst(Self.filtered(kind: kind))
                .filter(AttemptRecord.CodingKeys.status == AttemptRecord.Status.inProgress)
                .fetchOne(db)
        }
    }

    /// Every attempt matching the given fields (nil matches anything), oldest first.
    public func attempts(
        bank: String? = nil, test: String? = nil, kind: String? = nil
    ) throws(StoreError) -> [AttemptRecord] {
        typealias Columns = AttemptRecord.CodingKeys
        return try read { db in
            var request = Self.filtered(kind: kind)
            if let bank { request = request.filter(Columns.bank == bank) }
            if let test { request = request.filter(Columns.test == test) }
            return try request.order(Columns.startedAt, Column.rowID).fetchAll(db)
        }
    }

    /// The questions of an attempt, by position.
    public func questions(of attemptID: String) throws(StoreError) -> [AttemptQuestionRecord] {
        try read { db in
            try AttemptQuestionRecord
                .filter(AttemptQuestionRecord.CodingKeys.attemptID == attemptID)
                .order(AttemptQuestionRecord.CodingKeys.position)
                .fetchAll(db)
        }
    }

    /// The saved responses of an attempt, by position (unvisited positions have none).
    public func responses(of attemptID: String) throws(StoreError) -> [ResponseRecord] {
        try read { db in
            try ResponseRecord
                .filter(ResponseRecord.CodingKeys.attemptID == attemptID)
                .order(ResponseRecord.CodingKeys.position)
                .fetchAll(db)
        }
    }

    /// The study progress recorded for a lesson's sections, in the order they were first shown.
    public func progress(lesson: String) throws(StoreError) -> [SectionProgressRecord] {
        typealias Columns = SectionProgressRecord.CodingKeys
        return try read { db in
            try SectionProgressRecord
                .filter(Columns.lesson == lesson)
                .order(Columns.shownAt, Column.rowID)
                .fetchAll(db)
        }
    }

    private static func filtered(kind: String?) -> QueryInterfaceRequest<AttemptRecord> {
        guard let kind else { return AttemptRecord.all() }
        return AttemptRecord.filter(AttemptRecord.CodingKeys.kind == kind)
    }

    private static func newestFirst(
        _ request: QueryInterfaceRequest<AttemptRecord>
    ) -> QueryInterfaceRequest<AttemptRecord> {
        request.order(AttemptRecord.CodingKeys.startedAt.desc, Column.rowID.desc)
    }
}

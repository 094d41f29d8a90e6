import Foundation
import GRDB
import QuizRecords

/// What a running session writes: each call one transaction, committed on return.
extension SQLiteStore {
    /// Records a new attempt and the questions drawn into it.
    ///
    /// In the same transaction, every other in-progress attempt of the same
    /// kind, bank, test and lesson becomes `abandoned`: starting a test again
    /// gives up the unfinished sitting of that test, and only that one.
    public func create(_ attempt: AttemptRecord, questions: [AttemptQuestionRecord]) throws(StoreError) {
        typealias Columns = AttemptRecord.Columns
        try write { db in
            try AttemptRecord
                .filter(Columns.kind == attempt.kind.rawValue)
                .filter(Columns.bank == attempt.bank)
                .filter(Columns.test == attempt.test)
                .filter(Columns.lesson == attempt.lesson)
                .filter(Columns.status == AttemptRecord.Status.inProgress.rawValue)
                .filter(Columns.id != attempt.id)
                .updateAll(db, Columns.status.set(to: AttemptRecord.Status.abandoned.rawValue))
            try attempt.insert(db)
            for question in questions {
                try question.insert(db)
            }
            if attempt.status != .inProgress { try Self.summarize(db, attemptID: attempt.id) }
        }
    }

    /// Saves the learner's response to one question, replacing any earlier one
    /// at the same attempt and position.
    public func save(_ response: ResponseRecord) throws(StoreError) {
        try write { db in
            try response.upsert(db)
            // An ended attempt's summary is rebuilt from its rows (sessions save only before the end).
            let summarized = try Bool.fetchOne(db, sql: "SELECT points IS NOT NULL FROM attempt WHERE id = ?",
                                               arguments: [response.attemptID])
            if summarized == true { try Self.summarize(db, attemptID: response.attemptID) }
        }
    }

    /// Saves the attempt's clock so a resumed attempt starts where it stopped.
    public func saveClock(attemptID: String, remaining: Double?, elapsed: Double) throws(StoreError) {
        typealias Columns = AttemptRecord.Columns
        let changed = try write { db in
            try AttemptRecord.filter(key: attemptID).updateAll(
                db, Columns.remaining.set(to: remaining), Columns.elapsed.set(to: elapsed))
        }
        if changed == 0 { throw .notFound(prefix: attemptID) }
    }

    /// Ends an attempt: `submitted`, `expired` (time ran out) or `abandoned`.
    public func finish(
        attemptID: String, status: AttemptRecord.Status, submittedAt: Date?, elapsed: Double, remaining: Double?
    ) throws(StoreError) {
        typealias Columns = AttemptRecord.Columns
        let changed = try write { db in
            let changed = try AttemptRecord.filter(key: attemptID).updateAll(
                db,
                Columns.status.set(to: status.rawValue),
                Columns.submittedAt.set(to: submittedAt),
                Columns.elapsed.set(to: elapsed),
                Columns.remaining.set(to: remaining))
            if changed > 0 { try Self.summarize(db, attemptID: attemptID) }
            return changed
        }
        if changed == 0 { throw .notFound(prefix: attemptID) }
    }

    /// Notes that a lesson section was shown; the first time is kept.
    public func markShown(lesson: String, section: String, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO section_progress (lesson, section, shown_at) VALUES (?, ?, ?)
                    ON CONFLICT (lesson, section)
                    DO UPDATE SET shown_at = coalesce(shown_at, excluded.shown_at)
                    """,
                arguments: [lesson, section, date])
        }
    }

    /// Notes that a lesson section is done (which implies shown); the first time is kept.
    public func markDone(lesson: String, section: String, at date: Date) throws(StoreError) {
        try write { db in
            try db.execute(
                sql: """
                    INSERT INTO section_progress (lesson, section, shown_at, done_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (lesson, section)
                    DO UPDATE SET shown_at = coalesce(shown_at, excluded.shown_at),
                                  done_at = coalesce(done_at, excluded.done_at)
                    """,
                arguments: [lesson, section, date, date])
        }
    }
}

extension SQLiteStore {
    /// Stores finished attempts as they are, many in one transaction: for importing a
    /// class's results or seeding a store for a benchmark. Nothing is abandoned.
    public func importAttempts(_ batch: [AttemptRows]) throws(StoreError) {
        try write { db in
            for entry in batch {
                try entry.attempt.insert(db)
                for question in entry.questions { try question.insert(db) }
                for response in entry.responses { try response.insert(db) }
                if entry.attempt.status != .inProgress {
                    try Self.summarize(db, ScoredItems(questions: entry.questions, responses: entry.responses),
                                       attemptID: entry.attempt.id)
                }
            }
        }
    }
}

extension SQLiteStore {
    /// Writes an ended attempt's total, maximum and packed items (``ScoredItems``) into its row, from
    /// its questions and responses as they are now: what item analysis and class scores read.
    static func summarize(_ db: Database, attemptID: String) throws {
        try summarize(db, scoredItems(db, attemptID: attemptID), attemptID: attemptID)
    }

    static func summarize(_ db: Database, _ items: ScoredItems, attemptID: String) throws {
        try db.execute(sql: "UPDATE attempt SET points = ?, max_points = ?, items = ? WHERE id = ?",
                       arguments: [items.points, items.max, items.packed, attemptID])
    }

    /// An attempt's items from its rows.
    static func scoredItems(_ db: Database, attemptID: String) throws -> ScoredItems {
        try scoredItems(db, from: attemptID, through: attemptID)[attemptID] ?? ScoredItems(items: [])
    }

    /// The items of every attempt whose id is from `first` through `last`, from their rows, read by
    /// ranges of their keys; an attempt without questions is absent.
    static func scoredItems(_ db: Database, from first: String, through last: String) throws -> [String: ScoredItems] {
        var questions: [String: [AttemptQuestionRecord]] = [:]
        let questionRows = try Row.fetchCursor(db, sql: """
            SELECT attempt_id, position, question_id, max_points FROM attempt_question
            WHERE attempt_id BETWEEN ? AND ? ORDER BY attempt_id, position
            """, arguments: [first, last])
        while let row = try questionRows.next() {
            let id: String = row[0]
            questions[id, default: []].append(AttemptQuestionRecord(
                attemptID: id, position: row[1], questionID: row[2], section: "", lesson: "", presentation: "",
                maxPoints: row[3]))
        }
        var responses: [String: [ResponseRecord]] = [:]
        let responseRows = try Row.fetchCursor(db, sql: """
            SELECT attempt_id, position, response, points FROM response
            WHERE attempt_id BETWEEN ? AND ? ORDER BY attempt_id, position
            """, arguments: [first, last])
        while let row = try responseRows.next() {
            let id: String = row[0]
            responses[id, default: []].append(ResponseRecord(attemptID: id, position: row[1], response: row[2], points: row[3]))
        }
        return questions.mapValues { ScoredItems(questions: $0, responses: responses[$0[0].attemptID] ?? []) }
    }
}

import GRDB
import QuizRecords

/// Every migration of the attempts database, in the one place they are registered.
///
/// Released migrations are never edited: a change to the schema is a new
/// migration ("v2", "v3", …) appended to `migrator`. A store whose
/// `grdb_migrations` table names one that is not here was written by a newer
/// quiz, and is refused rather than touched.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        migrator.registerMigration("v3", migrate: v3)
        return migrator
    }

    /// Each finished attempt's total, maximum and packed items (`ScoredItems`) in its own row, so
    /// item analysis reads one row per attempt; filled here for the attempts already finished.
    private static func v3(_ db: Database) throws {
        try db.alter(table: "attempt") { t in
            t.add(column: "points", .double)
            t.add(column: "max_points", .double)
            t.add(column: "items", .blob)
        }
        try summarizeFinished(db)
    }

    /// Writes the summary of every submitted and expired attempt, a few thousand attempts at a time
    /// in id order, their questions and responses read by ranges of their keys.
    static func summarizeFinished(_ db: Database) throws {
        var after = ""
        while true {
            let ids = try String.fetchAll(db, sql: """
                SELECT id FROM attempt WHERE id > ? AND status IN ('submitted', 'expired') ORDER BY id LIMIT 5000
                """, arguments: [after])
            guard let last = ids.last else { return }
            let items = try SQLiteStore.scoredItems(db, from: ids[0], through: last)
            for id in ids {
                try SQLiteStore.summarize(db, items[id] ?? ScoredItems(items: []), attemptID: id)
            }
            after = last
        }
    }

    /// Who took each attempt: the login name captured when it started; null for older attempts.
    private static func v2(_ db: Database) throws {
        try db.alter(table: "attempt") { t in
            t.add(column: "learner", .text)
        }
    }

    /// Attempts, the questions drawn into them, responses, and study progress.
    private static func v1(_ db: Database) throws {
        try db.create(table: "attempt") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("bank", .text).notNull()
            t.column("test", .text)
            t.column("lesson", .text)
            t.column("title", .text).notNull()
            t.column("seed", .integer).notNull()
            t.column("started_at", .datetime).notNull()
            t.column("submitted_at", .datetime)
            t.column("time_limit", .integer)
            t.column("remaining", .double)
            t.column("elapsed", .double).notNull().defaults(to: 0)
            t.column("status", .text).notNull()
            t.column("pass_mark", .double).notNull()
            t.column("penalty", .double).notNull().defaults(to: 0)
        }
        try db.create(index: "attempt_on_bank_test", on: "attempt", columns: ["bank", "test", "started_at"])
        try db.create(index: "attempt_on_status", on: "attempt", columns: ["status", "started_at"])
        try db.create(index: "attempt_on_started_at", on: "attempt", columns: ["started_at"])

        try db.create(table: "attempt_question") { t in
            t.column("attempt_id", .text).notNull()
                .references("attempt", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("question_id", .text).notNull()
            t.column("section", .text).notNull()
            t.column("lesson", .text).notNull()
            t.column("presentation", .text).notNull()
            t.column("max_points", .double).notNull()
            t.primaryKey(["attempt_id", "position"])
        }

        try db.create(table: "response") { t in
            t.column("attempt_id", .text).notNull()
                .references("attempt", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("response", .text)
            t.column("points", .double).notNull().defaults(to: 0)
            t.column("correct", .boolean)
            t.column("time_spent", .double).notNull().defaults(to: 0)
            t.column("flagged", .boolean).notNull().defaults(to: false)
            t.column("tries", .integer).notNull().defaults(to: 0)
            t.column("first_try_correct", .boolean)
            t.column("answered_at", .datetime)
            t.primaryKey(["attempt_id", "position"])
        }

        try db.create(table: "section_progress") { t in
            t.column("lesson", .text).notNull()
            t.column("section", .text).notNull()
            t.column("shown_at", .datetime)
            t.column("done_at", .datetime)
            t.primaryKey(["lesson", "section"])
        }
    }
}

import Foundation
import QuizRecords

/// `quiz store copy FROM TO`: every attempt (with its questions and responses) and all study
/// progress of one store added to another, in batches, without ever changing what TO holds.
///
/// Copying is idempotent: an attempt whose id TO already has is skipped, and reported when
/// TO's copy differs from FROM's (TO wins: nothing is overwritten). Study progress merges: a
/// section TO already has keeps its dates there, since a store keeps the first ones it saw.
public struct StoreCopy {
    /// Attempts written to TO per transaction.
    public static let batchSize = 500

    /// What a copy did.
    public struct Outcome: Equatable, Sendable {
        /// Attempts added to TO.
        public var copied = 0
        /// Attempts TO had already, the same as in FROM.
        public var alreadyThere = 0
        /// Ids of attempts TO had already, with other content than FROM's (left as TO has them).
        public var differing: [String] = []
        /// Sections of study progress read from FROM and merged into TO.
        public var progress = 0

        public init() {}
    }

    /// Copies everything in `from` into `to`. `differs` is called once per attempt TO holds
    /// with other content, as it is found.
    public static func copy(from: any AttemptStore, to: any AttemptStore,
                            differs: (String) -> Void = { _ in }) throws(StoreError) -> Outcome {
        var outcome = Outcome()
        let records = try from.attempts(AttemptFilter())
        var start = records.startIndex
        while start < records.endIndex {
            let end = min(start + batchSize, records.endIndex)
            var batch: [AttemptRows] = []
            for record in records[start..<end] {
                let rows = AttemptRows(attempt: record, questions: try from.questions(of: record.id),
                                       responses: try from.responses(of: record.id))
                guard let there = try to.attempt(id: record.id) else {
                    batch.append(rows)
                    continue
                }
                let theirs = AttemptRows(attempt: there, questions: try to.questions(of: record.id),
                                         responses: try to.responses(of: record.id))
                if theirs == rows {
                    outcome.alreadyThere += 1
                } else {
                    outcome.differing.append(record.id)
                    differs(record.id)
                }
            }
            if !batch.isEmpty { try to.importAttempts(batch) }
            outcome.copied += batch.count
            start = end
        }
        for section in try from.allProgress() {
            if let shown = section.shownAt { try to.markShown(lesson: section.lesson, section: section.section, at: shown) }
            if let done = section.doneAt { try to.markDone(lesson: section.lesson, section: section.section, at: done) }
            outcome.progress += 1
        }
        return outcome
    }
}

import QuizKit
import QuizRecords

/// Past practice-test attempts with their scores, oldest first: what `history` lists.
public enum AttemptHistory {
    public struct Entry {
        public let attempt: AttemptRecord
        public let score: TestScore
    }

    /// Every practice-test attempt (of `bank` and `test` when given), whatever its status, in one walk.
    public static func entries(bank: String?, test: String?, store: any AttemptStore) throws -> [Entry] {
        var entries: [Entry] = []
        try store.forEachAttempt(AttemptFilter(kind: .test, bank: bank, test: test)) { attempt, questions, responses in
            entries.append(Entry(attempt: attempt, score: TestScore(attempt, questions: questions, responses: responses)))
        }
        return entries
    }
}

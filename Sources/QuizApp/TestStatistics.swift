import Foundation
import QuizKit
import QuizRecords

/// Item analysis of one practice test over its submitted and expired attempts, streamed from the store.
public enum TestStatistics {
    /// Attempts handed to the analysing thread at a time.
    static let batchSize = 256

    /// Analyses every finished attempt of `test` started on or after `since`, over the questions
    /// of its draw `pool`. Memory stays bounded by the batches in flight and the names of the
    /// different learners, however many attempts there are.
    public static func analyse(_ test: PracticeTest, in bank: Bank, pool: [Question], since: Date?,
                               store: any AttemptStore) throws -> StatsReport {
        let worker = AnalysisWorker(analysis: ItemAnalysis(bank: bank.id, test: test.id, questions: pool),
                                    questions: Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        var batch: [([AttemptQuestionRecord], [ResponseRecord])] = []
        var learners: Set<String> = []
        var unnamed = 0
        try store.forEachAttempt(.finished(bank: bank.id, test: test.id, since: since)) { attempt, questions, responses in
            if let learner = attempt.learner { learners.insert(learner) } else { unnamed += 1 }
            batch.append((questions, responses))
            if batch.count == batchSize {
                worker.submit(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        worker.submit(batch)
        var report = worker.finish().result()
        report.learners = learners.isEmpty ? nil : learners.count
        report.unnamedAttempts = unnamed
        return report
    }
}

import Foundation
import QuizKit
import QuizRecords

/// Item analysis of one practice test over its submitted and expired attempts, streamed from the store.
public enum TestStatistics {
    /// Attempts handed to the analysing thread at a time.
    static let batchSize = 256

    /// Analyses every finished attempt of `test` started on or after `since`, over the questions
    /// of its draw `pool`. Memory stays bounded by the batches in flight, however many attempts there are.
    public static func analyse(_ test: PracticeTest, in bank: Bank, pool: [Question], since: Date?,
                               store: any AttemptStore) throws -> StatsReport {
        let worker = AnalysisWorker(analysis: ItemAnalysis(bank: bank.id, test: test.id, questions: pool),
                                    questions: Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        var batch: [([AttemptQuestionRecord], [ResponseRecord])] = []
        try store.forEachAttempt(.finished(bank: bank.id, test: test.id, since: since)) { _, questions, responses in
            batch.append((questions, responses))
            if batch.count == batchSize {
                worker.submit(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        worker.submit(batch)
        return worker.finish().result()
    }
}

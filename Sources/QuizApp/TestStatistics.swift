import Foundation
import QuizKit
import QuizRecords

/// Item analysis of one practice test over its submitted and expired attempts.
///
/// Each ended attempt keeps a summary of its items in its own row; the store sums those
/// (`AttemptStore.testAggregates`: a database server in SQL, a SQLite file by streaming one row per
/// attempt), so what reaches the analysis is a few rows per question however many attempts there
/// are, and only the last arithmetic is done here. ``analyseStreaming``, which walks every response
/// through `ItemAnalysis`, is the reference the sums are tested against.
public enum TestStatistics {
    /// Attempts handed to the analysing thread at a time.
    static let batchSize = 256

    /// Analyses every finished attempt of `test` started on or after `since`, over the questions
    /// of its draw `pool`, from the sums the store computes.
    public static func analyse(_ test: PracticeTest, in bank: Bank, pool: [Question], since: Date?,
                               store: any AttemptStore) throws -> StatsReport {
        let query = StatsQuery(bank: bank.id, test: test.id, since: since,
                               tallied: Self.unique(pool.filter { $0.type == .single || $0.type == .multiple }.map(\.id)),
                               pool: Self.unique(pool.map(\.id)))
        return report(from: try store.testAggregates(query), bank: bank.id, test: test.id, pool: pool)
    }

    /// The report the sums give, by the definitions of the stats contract.
    public static func report(from sums: TestAggregates, bank: String, test: String, pool: [Question]) -> StatsReport {
        let n = Double(sums.attempts)
        let rows = Dictionary(sums.questions.map { ($0.questionID, $0) }, uniquingKeysWith: { a, _ in a })
        var picks: [String: [(String, Int)]] = [:]
        for tally in sums.responses { picks[tally.questionID, default: []].append((tally.response, tally.count)) }

        var reported: Set<String> = []
        let questions = pool.map { question -> StatsReport.QuestionStats in
            // A question listed twice in the pool is analysed once, at its first place.
            let row = reported.insert(question.id).inserted ? rows[question.id] : nil
            return stats(question, row: row, picks: row == nil ? [] : picks[question.id] ?? [])
        }
        var report = StatsReport(bank: bank, test: test, attempts: sums.attempts,
                                 meanPercent: sums.attempts > 0 ? sums.percent.sum / n : nil,
                                 sdPercent: sums.attempts > 0 ? (sums.percent.squaredDeviations / n).squareRoot() : nil,
                                 alpha: alpha(sums, pool: reported),
                                 questions: questions)
        report.learners = sums.learners > 0 ? sums.learners : nil
        report.unnamedAttempts = sums.unnamed
        return report
    }

    /// One question's line: facility, discrimination (item–rest r), picks by letter as written, unanswered.
    static func stats(_ question: Question, row: QuestionAggregates?,
                      picks texts: [(String, Int)]) -> StatsReport.QuestionStats {
        var choices: [String: Int]?
        if question.type == .single || question.type == .multiple {
            var counts = Array(repeating: 0, count: question.kind.choices.count)
            for (text, count) in texts {
                switch Response(canonical: text, for: question) {
                case .single(let choice) where counts.indices.contains(choice):
                    counts[choice] += count
                case .multiple(let picked):
                    for choice in Set(picked) where counts.indices.contains(choice) { counts[choice] += count }
                default:
                    break
                }
            }
            choices = Dictionary(counts.enumerated().map { (ChoiceLetter.name($0.offset), $0.element) },
                                 uniquingKeysWith: +)
        }
        guard let row, row.shown > 0 else {
            return StatsReport.QuestionStats(id: question.id, attempts: 0, facility: nil, discrimination: nil,
                                             choices: choices, unanswered: 0)
        }
        let n = Double(row.shown)
        let meanMax = row.maxSum / n
        return StatsReport.QuestionStats(
            id: question.id, attempts: row.shown,
            facility: meanMax != 0 ? (row.points.sum / n) / meanMax : nil,
            discrimination: correlation(row),
            choices: choices, unanswered: row.unanswered)
    }

    /// Pearson r of points against the rest; nil with fewer than 2 attempts or no spread on either side.
    static func correlation(_ row: QuestionAggregates) -> Double? {
        let sxx = row.points.squaredDeviations, srr = row.rest.squaredDeviations
        guard row.shown >= 2, sxx > 0, srr > 0 else { return nil }
        let sxr = row.pointsTimesRest - row.points.sum * row.rest.sum / Double(row.shown)
        let r = sxr / (sxx * srr).squareRoot()
        guard r.isFinite else { return nil }
        return min(1, max(-1, r))
    }

    /// Cronbach's alpha over the pool's questions drawn into every attempt, population variances
    /// (the 1/n cancels); nil with fewer than 2 attempts or 2 such questions, or no spread in
    /// the total (under 1e-12 of the items' spread counts as none: only rounding makes such a value).
    static func alpha(_ sums: TestAggregates, pool: Set<String>) -> Double? {
        let common = sums.questions.filter { pool.contains($0.questionID) && $0.shown == sums.attempts }
        let k = common.count
        guard sums.attempts >= 2, k >= 2 else { return nil }
        let itemSum = common.reduce(0) { $0 + $1.points.squaredDeviations }
        let totalSum = (sums.commonTotal ?? sums.total).squaredDeviations
        guard totalSum > 0, totalSum > itemSum * 1e-12 else { return nil }
        return Double(k) / Double(k - 1) * (1 - itemSum / totalSum)
    }

    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    /// The same analysis by walking every response of every attempt through `ItemAnalysis` on a
    /// second thread: memory stays bounded by the batches in flight and the names of the different
    /// learners. Kept as the reference the stores' sums are checked against.
    public static func analyseStreaming(_ test: PracticeTest, in bank: Bank, pool: [Question], since: Date?,
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

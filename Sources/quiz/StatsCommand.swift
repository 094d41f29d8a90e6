import ArgumentParser
import Foundation
import QuizKit
import QuizStore

/// `quiz stats TEST`: item analysis over every submitted or expired attempt of a test, streamed from the store.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Item analysis for authors: facility, discrimination, Cronbach's alpha and choice counts over a test's attempts.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var common: CommonOptions

    @Argument(help: "The test: BANK/TEST, or BANK when it has one test.")
    var test: String

    @Option(name: .long, help: "text or json.")
    var format: Format = .text

    @Option(name: .long, help: "Only attempts started on or after this day (YYYY-MM-DD, UTC).")
    var since: String?

    func run() throws {
        let loading = ContentLoading(common: common)
        let root = try loading.root()
        let (bank, test) = try loading.test(self.test, in: root)
        var sinceDate: Date?
        if let since {
            let parser = DateFormatter()
            parser.dateFormat = "yyyy-MM-dd"
            parser.timeZone = TimeZone(identifier: "UTC")
            parser.locale = Locale(identifier: "en_US_POSIX")
            guard let day = parser.date(from: since) else {
                throw UserError("--since \(since): write a day as YYYY-MM-DD, e.g. 2026-11-01")
            }
            sinceDate = day
        }
        let store = try loading.store()
        let pool = TestDraw(test: test, in: bank, root: root).pool
        // Reading the store and analysing attempts run on two cores: the store hands over
        // batches of attempts, and memory stays bounded by the batches in flight.
        let worker = AnalysisWorker(analysis: ItemAnalysis(bank: bank.id, test: test.id, questions: pool),
                                    questions: Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
        do {
            var batch: [([AttemptQuestionRecord], [ResponseRecord])] = []
            try store.forEachAttempt(bank: bank.id, test: test.id, since: sinceDate) { _, questions, responses in
                batch.append((questions, responses))
                if batch.count == 256 {
                    worker.submit(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            worker.submit(batch)
        } catch let error as StoreError {
            throw UserError(error.message)
        }
        let analysis = worker.finish()
        let report = analysis.result()
        switch format {
        case .json: Terminal.write(try report.json())
        case .text: Terminal.write(StatsText.render(report, questions: pool, width: Terminal.width))
        }
    }
}

/// Turns stored attempts into item-analysis samples on a thread of its own.
final class AnalysisWorker: @unchecked Sendable {
    private var analysis: ItemAnalysis
    private let questions: [String: Question]
    private let queue = DispatchQueue(label: "quiz.stats")
    /// At most this many batches wait, so a fast reader cannot fill memory.
    private let room = DispatchSemaphore(value: 4)

    init(analysis: ItemAnalysis, questions: [String: Question]) {
        self.analysis = analysis
        self.questions = questions
    }

    func submit(_ batch: [([AttemptQuestionRecord], [ResponseRecord])]) {
        guard !batch.isEmpty else { return }
        room.wait()
        queue.async {
            for (questions, responses) in batch { self.analysis.add(self.sample(questions, responses)) }
            self.room.signal()
        }
    }

    func finish() -> ItemAnalysis {
        queue.sync { analysis }
    }

    /// One attempt as item analysis reads it. Both lists come in position order.
    private func sample(_ shown: [AttemptQuestionRecord], _ responses: [ResponseRecord]) -> AttemptSample {
        var next = 0
        var points = 0.0, max = 0.0
        let items = shown.map { q -> ItemSample in
            while next < responses.count && responses[next].position < q.position { next += 1 }
            let r = next < responses.count && responses[next].position == q.position ? responses[next] : nil
            points += r?.points ?? 0
            max += q.maxPoints
            // Item analysis counts picks of single and multiple questions only; for the
            // other types it needs to know an answer was given, not to read it.
            let response = r?.response.map { text -> Response in
                guard let question = questions[q.questionID], question.type == .single || question.type == .multiple else {
                    return .short(text)
                }
                return Response(canonical: text, for: question) ?? .short(text)
            }
            return ItemSample(questionID: q.questionID, points: r?.points ?? 0, max: q.maxPoints, response: response)
        }
        return AttemptSample(percent: max > 0 ? Swift.max(0, points / max * 100) : 0, items: items)
    }
}

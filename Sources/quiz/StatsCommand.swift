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
        let byID = Dictionary(bank.questions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var analysis = ItemAnalysis(bank: bank.id, test: test.id, questions: pool)
        do {
            try store.forEachAttempt(bank: bank.id, test: test.id, since: sinceDate) { _, questions, responses in
                var answered: [Int: ResponseRecord] = [:]
                for r in responses { answered[r.position] = r }
                var points = 0.0, max = 0.0
                let items = questions.map { q -> ItemSample in
                    let r = answered[q.position]
                    points += r?.points ?? 0
                    max += q.maxPoints
                    let response = byID[q.questionID].flatMap { question in r?.response.flatMap { Response(canonical: $0, for: question) } }
                    return ItemSample(questionID: q.questionID, points: r?.points ?? 0, max: q.maxPoints, response: response)
                }
                let percent = max > 0 ? Swift.max(0, points / max * 100) : 0
                analysis.add(AttemptSample(percent: percent, items: items))
            }
        } catch let error as StoreError {
            throw UserError(error.message)
        }
        let report = analysis.result()
        switch format {
        case .json: Terminal.write(report.json())
        case .text: Terminal.write(StatsText.render(report, questions: pool, width: Terminal.width))
        }
    }
}

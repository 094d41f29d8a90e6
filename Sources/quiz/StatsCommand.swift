import ArgumentParser
import Foundation
import QuizApp
import QuizKit

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
        let root = try common.course().load()
        let (bank, test) = try Course.test(self.test, in: root)
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
        let pool = TestDraw(test: test, in: bank, root: root).pool
        let report = try TestStatistics.analyse(test, in: bank, pool: pool, since: sinceDate, store: try common.openClassStore())
        switch format {
        case .json: Terminal.write(try report.json())
        case .text: Terminal.write(StatsText.render(report, questions: pool, width: Terminal.width))
        }
    }
}

import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizRecords

extension ReportFormat: ExpressibleByArgument {}

/// `quiz report [ATTEMPT]`: exports one attempt, or every attempt of a test, in six formats.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Export a score report: text, json, csv, markdown, html or junit (default: the latest attempt).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The attempt id; a unique prefix is enough. Default: the latest practice-test attempt.")
    var attempt: String?

    @Option(name: .long, help: "text, json, csv, markdown, html or junit.")
    var format: ReportFormat = .text

    @Option(name: [.customShort("o"), .long], help: "Write to this file instead of stdout.")
    var output: String?

    @Flag(name: .long, help: "Every submitted or expired attempt of --test, as one CSV or a JSON array.")
    var all = false

    @Option(name: .long, help: "With --all: the test (BANK/TEST, or BANK when it has one test).")
    var test: String?

    func validate() throws {
        if all {
            guard test != nil else { throw ValidationError("--all needs --test BANK/TEST") }
            guard attempt == nil else { throw ValidationError("give an attempt id or --all, not both") }
            guard format == .csv || format == .json else { throw ValidationError("--all exports csv or json") }
        } else if test != nil {
            throw ValidationError("--test goes with --all; to export one attempt, give its id")
        }
    }

    func run() throws {
        let store = try all ? common.openClassStore() : common.openStore()
        let root = try common.course().load()
        let text: String
        if all, let reference = test {
            let (bank, test) = try Course.test(reference, in: root)
            // Scores come summed by the database in one query; the rows of each attempt from the store.
            let scores = Dictionary(try store.attemptScores(StatsQuery(bank: bank.id, test: test.id)).map { ($0.attemptID, $0) },
                                    uniquingKeysWith: { a, _ in a })
            let reports = try store.attempts(.finished(bank: bank.id, test: test.id)).map { record in
                var report = try StoredAttempt(record, store: store, root: root).report
                if let score = scores[record.id] {
                    report.score = AttemptReport.Score(TestScore(points: score.points, max: score.max, passMark: record.passMark))
                }
                return report
            }
            text = try format.renderAll(reports) ?? ""
        } else {
            let record: AttemptRecord
            if let prefix = attempt {
                record = try common.attempt(matching: prefix, in: store)
            } else {
                guard let latest = try store.latestAttempt(kind: .test) else {
                    throw UserError("no practice-test attempts in \(common.storeName) yet; take a test first (quiz list shows them), or pass the --store that holds them")
                }
                record = latest
            }
            guard record.kind == .test else {
                throw UserError("attempt \(record.id) is a \(record.kind.rawValue) session; reports are for practice tests (quiz progress shows study)")
            }
            let report = try StoredAttempt(record, store: store, root: root).report
            if format == .text, output == nil, let width = Terminal.wrapWidth {
                text = TextReport.render(report, width: width)  // at a terminal, fitted to its width
            } else {
                text = try format.render(report)
            }
        }
        try Terminal.write(text, toFile: output)
    }
}

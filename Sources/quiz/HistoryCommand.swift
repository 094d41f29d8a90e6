import ArgumentParser
import Foundation
import QuizKit
import QuizMarkdown
import QuizStore

/// `quiz history`: past practice-test attempts, one line each.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List past practice-test attempts: date, test, score, percent, pass or fail, status.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Only attempts of this test (BANK/TEST or BANK).")
    var test: String?

    func run() throws {
        let store = try ContentLoading(common: common).store()
        var bank: String?, testID: String?
        if let test {
            let parts = test.split(separator: "/", maxSplits: 1).map(String.init)
            bank = parts.first
            testID = parts.count == 2 ? parts[1] : nil
        }
        let attempts = try stored { () throws(StoreError) in try store.attempts(bank: bank, test: testID, kind: AttemptRecord.Kind.test) }
        guard !attempts.isEmpty else {
            Terminal.write(test == nil ? "No attempts yet. Start one with quiz take.\n" : "No attempts of \(test!) yet.\n")
            return
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone.current
        var rows: [[String]] = [["date", "attempt", "test", "score", "percent", "result", "status"]]
        for a in attempts {
            let score = try store.score(of: a)
            let finished = a.status == AttemptRecord.Status.submitted || a.status == AttemptRecord.Status.expired
            rows.append([formatter.string(from: a.startedAt), a.id, "\(a.bank)/\(a.test ?? "")",
                         "\(Figures.number(score.points)) / \(Figures.number(score.max))", Figures.percent(score.percentRounded),
                         finished ? (score.passed ? "passed" : "failed") : "–", a.status])
        }
        Terminal.write(Table.render(rows))
    }
}

/// Columns padded to their widest cell, measured in terminal columns.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[c] + 2) }
                .joined()
        }.joined(separator: "\n") + "\n"
    }
}

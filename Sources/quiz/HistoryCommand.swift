import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizMarkdown

/// `quiz history`: past practice-test attempts, one line each.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List past practice-test attempts: date, test, score, percent, pass or fail, status.")

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: "Only attempts of this test (BANK/TEST or BANK).")
    var test: String?

    func run() throws {
        let store = try common.openStore()
        let parts = test.map { $0.split(separator: "/", maxSplits: 1).map(String.init) } ?? []
        let entries = try AttemptHistory.entries(bank: parts.first, test: parts.count == 2 ? parts[1] : nil, store: store)
        guard !entries.isEmpty else {
            Terminal.write((test.map { "No attempts of \($0) in \(common.storeName) yet.\n" } ?? "No attempts in \(common.storeName) yet. Start one with quiz take.\n"))
            return
        }
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone.current
        var rows: [[String]] = [["date", "attempt", "test", "score", "percent", "result", "status"]]
        for entry in entries {
            let a = entry.attempt, score = entry.score
            rows.append([formatter.string(from: a.startedAt), a.id, "\(a.bank)/\(a.test ?? "")",
                         "\(Figures.number(score.points)) / \(Figures.number(score.max))", Figures.percent(score.percentRounded),
                         a.status.isFinished ? (score.passed ? "passed" : "failed") : "–", a.status.rawValue])
        }
        Terminal.write(Table.render(rows, width: Terminal.wrapWidth))
    }
}

/// Columns padded to their widest cell, measured in terminal columns; when that is wider
/// than `width`, stacked instead: one block per record, a line per column (`name  value`).
enum Table {
    static func render(_ rows: [[String]], width: Int? = nil) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        if let width, widths.reduce(0, +) + 2 * (widths.count - 1) > width {
            let nameWidth = (first.map { DisplayWidth.of($0) }.max() ?? 0) + 2
            return rows.dropFirst().map { row in
                zip(first, row).flatMap { name, value in
                    TextWrap.wrap(value, width: max(1, width - nameWidth)).enumerated().map { index, line in
                        (index == 0 ? DisplayWidth.padded(name, to: nameWidth) : String(repeating: " ", count: nameWidth)) + line
                    }
                }.joined(separator: "\n") + "\n"
            }.joined(separator: "\n")
        }
        return rows.map { row in
            row.enumerated().map { c, cell in c == row.count - 1 ? cell : DisplayWidth.padded(cell, to: widths[c] + 2) }
                .joined()
        }.joined(separator: "\n") + "\n"
    }
}

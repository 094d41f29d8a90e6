import ArgumentParser
import Foundation
import QuizKit

/// `quiz list`: what the root holds.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the lessons, banks and practice tests of the content root.")

    @OptionGroup var common: CommonOptions

    func run() throws {
        let root = ContentRoot.load(at: try common.rootURL())
        var out = ""
        out += "Lessons\n"
        if root.lessons.isEmpty { out += "  (none)\n" }
        for lesson in root.lessons {
            out += "  \(lesson.id)  \(lesson.title) · \(plural(lesson.sections.count, "section")) · ~\(lesson.readingMinutes) min read\n"
        }
        out += "Banks\n"
        if root.banks.isEmpty { out += "  (none)\n" }
        for bank in root.banks {
            let checks = bank.questions.count { $0.check }
            out += "  \(bank.id)  \(bank.title) · \(plural(bank.questions.count, "question")) (\(checks) quick checks)\n"
        }
        out += "Tests\n"
        let tests = root.banks.flatMap { bank in bank.tests.map { (bank, $0) } }
        if tests.isEmpty { out += "  (none)\n" }
        for (bank, test) in tests {
            let draw = TestDraw(test: test, in: bank, root: root)
            let limit = test.timeLimit.map { " · \(TestSession.clock(Double($0)))" } ?? " · untimed"
            let name = bank.tests.count == 1 ? bank.id : "\(bank.id)/\(test.id)"
            out += "  \(name)  \(test.title) · \(plural(draw.drawCount, "question"))\(limit) · pass mark \(Figures.number(test.passMark))%\n"
        }
        Terminal.say(out)
    }
}

func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

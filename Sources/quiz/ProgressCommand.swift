import ArgumentParser
import Foundation
import QuizApp
import QuizKit

/// `quiz progress [LESSON]`: per lesson, parts done, quick-check accuracy, best test score and minutes left.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show sections done, quick-check accuracy, best practice-test score and minutes left.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "One lesson (default: every lesson).")
    var lesson: String?

    func run() throws {
        let root = try common.course().load()
        let lessons = try lesson.map { [try Lookup.lesson($0, in: root)] } ?? root.lessons
        let store = try common.openStore()
        var out = ""
        for lesson in lessons {
            out += Self.render(try LessonProgress(lesson, root: root, store: store), hint: common.hint)
        }
        Terminal.write(out.isEmpty ? "No lessons in \(root.url.path).\n" : out)
    }

    static func render(_ p: LessonProgress, hint: CommandHint) -> String {
        var out = "\(p.lesson.title) · \(p.partsDone) of \(p.plan.parts) done · ~\(p.minutesLeft) min left\n"
        let tried = p.firstTries.count
        out += tried == 0 ? "  Quick checks: none answered yet\n"
            : "  Quick checks: \(p.rightFirstTime) of \(tried) right first time (\(Int((Double(p.rightFirstTime) / Double(tried) * 100).rounded()))%)\n"
        if let (_, test) = p.plan.test, let name = p.plan.testReference {
            out += p.best.map { "  Best practice test: \(Figures.percent($0.percentRounded)) (\($0.passed ? "passed" : "not passed yet"); pass mark \(Figures.number(test.passMark))%)\n" }
                ?? "  Practice test: not taken yet (\(hint.command("take", name)))\n"
        }
        for (i, section) in p.lesson.sections.enumerated() {
            out += "  \(p.done.contains(section.id) ? "✓" : "·") \(i + 1). \(section.title)\n"
        }
        return out + "\n"
    }
}

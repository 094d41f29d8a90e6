import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizMarkdown

/// `quiz study LESSON`: reads a lesson section by section, with each section's quick checks.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study", abstract: "Read a lesson section by section and answer its quick checks; resumes where you stopped.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The lesson id (its file name without .md).")
    var lesson: String

    @Option(name: .long, help: "Start at this section (its id or its number).")
    var section: String?

    @Option(name: .long, help: "Lay out the quick checks' choices as in an earlier round with this seed.")
    var seed: UInt64?

    func run() throws {
        let course = try common.course()
        let (root, filesWithErrors) = course.sessionRoot(cacheFolder: common.storeLocation.cacheFolder)
        let lesson = try Lookup.lesson(self.lesson, in: root)
        try course.requireUsable(banksOf: lesson, in: root, filesWithErrors: filesWithErrors)
        let store = try common.openStore()
        let plan = StudyPlan(lesson: lesson, root: root)
        let done = Set(try store.progress(lesson: lesson.id).filter(\.isDone).map(\.section))
        var start: Int
        if let wanted = section {
            start = try Lookup.sectionIndex(wanted, in: lesson)
        } else if let first = lesson.sections.firstIndex(where: { !done.contains($0.id) }) {
            start = first
        } else {
            Terminal.write("Every section of \(lesson.title) is done.\n" + Self.nextStep(plan))
            return
        }
        Interrupt.install()
        let terminal = ConsoleTerminal()
        let width = Terminal.width
        var finished = done
        while start < lesson.sections.count {
            let section = lesson.sections[start]
            let left = plan.minutesLeft(notDone: lesson.sections.map(\.id).filter { !finished.contains($0) })
            Terminal.write("Section \(start + 1) of \(plan.parts) · ~\(left) min left · \(section.title) · \(section.readingMinutes) min read\n\n")
            Terminal.write(TerminalRenderer.render(section.body, width: width, color: Terminal.colorEnabled) + "\n\n")
            let runner = CheckRunner(store: store, root: root, lesson: lesson, section: section, seed: seed)
            let count = runner.checks.count
            try runner.markShown()
            Terminal.write(count == 0 ? "Press Enter to go on, or type quit.\n"
                                      : "Press Enter for the \(count) quick check\(count == 1 ? "" : "s"), or type quit.\n")
            Terminal.write("> ")
            switch terminal.nextLine(deadline: nil) {
            case .line(let line) where line.trimmingCharacters(in: .whitespaces).lowercased() == "quit":
                Terminal.write("Progress saved. Continue with: quiz study \(lesson.id)\n")
                return
            case .line: break
            case .endOfInput, .deadline:
                Terminal.write("\nProgress saved. Continue with: quiz study \(lesson.id)\n")
                return
            case .interrupted:
                throw ExitCode(130)
            }
            Terminal.write("\n")
            switch try runner.run(on: terminal) {
            case .done:
                finished.insert(section.id)
                Terminal.write("\n")
            case .notDone:
                Terminal.write("\nSome quick checks were skipped; this section stays open.\n\n")
            case .quit, .endOfInput:
                Terminal.write("\nProgress saved. Continue with: quiz study \(lesson.id)\n")
                return
            case .interrupted:
                Terminal.standardError("Interrupted; progress saved. Continue with: quiz study \(lesson.id)")
                throw ExitCode(130)
            }
            start += 1
        }
        Terminal.write("You have reached the end of \(lesson.title).\n" + Self.nextStep(plan))
    }

    /// What to do after the last section: the lesson's practice test, if a bank has one.
    static func nextStep(_ plan: StudyPlan) -> String {
        plan.testReference.map { "Take the practice test: quiz take \($0)\n" } ?? ""
    }
}

/// `quiz check SECTION-REF`: the quick checks of one section only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Answer the quick checks of one section (lesson#section, or a section id).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "lesson#section, or a section id found in one lesson.")
    var section: String

    @Option(name: .long, help: "Lay out the choices as in an earlier round with this seed.")
    var seed: UInt64?

    func run() throws {
        let course = try common.course()
        let (root, filesWithErrors) = course.sessionRoot(cacheFolder: common.storeLocation.cacheFolder)
        let (lesson, section) = try Lookup.section(self.section, in: root)
        try course.requireUsable(banksOf: lesson, in: root, filesWithErrors: filesWithErrors)
        let store = try common.openStore()
        let runner = CheckRunner(store: store, root: root, lesson: lesson, section: section, seed: seed)
        guard !runner.checks.isEmpty else {
            Terminal.write("\(section.title) has no quick checks.\n")
            return
        }
        Interrupt.install()
        Terminal.write("\(section.title) · \(runner.checks.count) quick check\(runner.checks.count == 1 ? "" : "s")\n\n")
        switch try runner.run(on: ConsoleTerminal()) {
        case .done: Terminal.write("\nSection done.\n")
        case .notDone: Terminal.write("\nSome quick checks were skipped; run this again to finish the section.\n")
        case .quit, .endOfInput: Terminal.write("\nProgress saved.\n")
        case .interrupted: throw ExitCode(130)
        }
    }
}

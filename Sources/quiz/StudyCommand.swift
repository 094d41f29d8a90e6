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
            Terminal.say("Every section of \(lesson.title) is done.\n" + Self.nextStep(plan, hint: common.hint))
            return
        }
        Interrupt.install()
        let terminal = ConsoleTerminal()
        let width = Terminal.width
        let saved = "Progress saved. Continue with: \(common.hint.command("study", lesson.id))\n"
        while start < lesson.sections.count {
            let section = lesson.sections[start]
            // Read afresh for each header, so that it shows what quiz progress would show at this moment.
            let left = try LessonProgress(lesson, root: root, store: store).minutesLeft
            Terminal.say("Section \(start + 1) of \(plan.parts) · ~\(left) min left · \(section.title)"
                + " · \(section.readingMinutes) min read\n\n")
            let body = TerminalRenderer.render(section.body, width: width, color: Terminal.colorEnabled)
            let runner = CheckRunner(store: store, root: root, lesson: lesson, section: section, seed: seed)
            let count = runner.checks.count
            guard try Self.proceed(after: Pager.show(body, on: terminal), saved: saved) else { return }
            Terminal.say("\n\n")
            try runner.markShown()
            Terminal.say(count == 0 ? "Press Enter to go on, or type quit.\n"
                                      : "Press Enter for the \(count) quick check\(count == 1 ? "" : "s"), or type quit.\n")
            Terminal.say("> ")
            guard try Self.proceed(after: terminal.nextLine(deadline: nil), saved: saved) else { return }
            Terminal.say("\n")
            let outcome = try runner.run(on: terminal)
            switch outcome {
            case .done, .notDone:
                // A pause before the next section, so the last explanation stays on screen until the learner has read it.
                var pause = outcome == .done ? "\nSection done" : "\nSome quick checks were skipped; this section stays open.\n"
                guard count > 0, start + 1 < lesson.sections.count else {
                    Terminal.say(outcome == .done ? "\n" : pause + "\n")
                    break
                }
                pause += outcome == .done ? " · Enter to continue, or q to stop.\n> " : "Enter to continue, or q to stop.\n> "
                Terminal.say(pause)
                guard try Self.proceed(after: terminal.nextLine(deadline: nil), saved: saved) else { return }
                Terminal.say("\n")
            case .quit, .endOfInput:
                Terminal.say("\n" + saved)
                return
            case .interrupted:
                Terminal.standardError("Interrupted; " + saved.dropLast().replacingOccurrences(of: "Progress saved", with: "progress saved"))
                throw ExitCode(130)
            }
            start += 1
        }
        Terminal.say("You have reached the end of \(lesson.title).\n" + Self.nextStep(plan, hint: common.hint))
    }

    /// Whether to go on after a pause: yes on an empty or any other line; no, with progress saved, on
    /// `q`, `quit` or end of input; Ctrl-C exits with 130.
    static func proceed(after outcome: LineOutcome, saved: String) throws -> Bool {
        switch outcome {
        case .line(let line) where ["q", "quit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()):
            Terminal.say(saved)
            return false
        case .line:
            return true
        case .endOfInput, .deadline:
            Terminal.say("\n" + saved)
            return false
        case .interrupted:
            Terminal.say("\n")
            Terminal.standardError("Interrupted; " + saved.dropLast().replacingOccurrences(of: "Progress saved", with: "progress saved"))
            throw ExitCode(130)
        }
    }

    /// What to do after the last section: the lesson's practice test, if a bank has one.
    static func nextStep(_ plan: StudyPlan, hint: CommandHint) -> String {
        plan.testReference.map { "Take the practice test: \(hint.command("take", $0))\n" } ?? ""
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
            Terminal.say("\(section.title) has no quick checks.\n")
            return
        }
        Interrupt.install()
        Terminal.say("\(section.title) · \(runner.checks.count) quick check\(runner.checks.count == 1 ? "" : "s")\n\n")
        switch try runner.run(on: ConsoleTerminal()) {
        case .done: Terminal.say("\nSection done.\n")
        case .notDone: Terminal.say("\nSome quick checks were skipped; run \(common.hint.command("check", "\(lesson.id)#\(section.id)")) again to finish the section.\n")
        case .quit, .endOfInput: Terminal.say("\nProgress saved.\n")
        case .interrupted: throw ExitCode(130)
        }
    }
}

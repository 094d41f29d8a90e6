import ArgumentParser
import Foundation
import QuizKit
import QuizStore

/// `quiz progress [LESSON]`: per lesson, parts done, quick-check accuracy, best test score and minutes left.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Show sections done, quick-check accuracy, best practice-test score and minutes left.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "One lesson (default: every lesson).")
    var lesson: String?

    func run() throws {
        let loading = ContentLoading(common: common)
        let root = try loading.root()
        let lessons = try lesson.map { [try Lookup.lesson($0, in: root)] } ?? root.lessons
        let store = try loading.store()
        var out = ""
        for lesson in lessons {
            out += try Self.summary(lesson, root: root, store: store)
        }
        Terminal.write(out.isEmpty ? "No lessons in \(root.url.path).\n" : out)
    }

    static func summary(_ lesson: Lesson, root: ContentRoot, store: AttemptStore) throws -> String {
        let plan = StudyPlan(lesson: lesson, root: root)
        let progress = try stored { () throws(StoreError) in try store.progress(lesson: lesson.id) }
        let done = Set(progress.filter { $0.doneAt != nil }.map(\.section))

        // Quick-check accuracy: the first try at each question, in its first round.
        var firstTries: [String: Bool] = [:]
        let rounds = try stored { () throws(StoreError) in try store.attempts(bank: nil, test: nil, kind: AttemptRecord.Kind.check) }
            .filter { $0.lesson == lesson.id }
        for round in rounds {
            let questions = try stored { () throws(StoreError) in try store.questions(of: round.id) }
            let ids = Dictionary(uniqueKeysWithValues: questions.map { ($0.position, $0.questionID) })
            for r in try stored({ () throws(StoreError) in try store.responses(of: round.id) }) {
                guard let id = ids[r.position], let first = r.firstTryCorrect, firstTries[id] == nil else { continue }
                firstTries[id] = first
            }
        }

        var best: TestScore?
        var testDone = false
        if let (bank, test) = plan.test {
            for a in try stored({ () throws(StoreError) in try store.attempts(bank: bank.id, test: test.id, kind: AttemptRecord.Kind.test) })
            where a.status == AttemptRecord.Status.submitted || a.status == AttemptRecord.Status.expired {
                let score = try store.score(of: a)
                testDone = true
                if best == nil || score.percent > best!.percent { best = score }
            }
        }
        let partsDone = done.count + (testDone ? 1 : 0)
        let notDone = lesson.sections.map(\.id).filter { !done.contains($0) }
        let left = plan.minutesLeft(notDone: notDone, testDone: testDone)
        var out = "\(lesson.title) · \(partsDone) of \(plan.parts) done · ~\(left) min left\n"
        let right = firstTries.values.count { $0 }
        out += firstTries.isEmpty ? "  Quick checks: none answered yet\n"
            : "  Quick checks: \(right) of \(firstTries.count) right first time (\(Int((Double(right) / Double(firstTries.count) * 100).rounded()))%)\n"
        if let (bank, test) = plan.test {
            let name = bank.tests.count == 1 ? bank.id : "\(bank.id)/\(test.id)"
            out += best.map { "  Best practice test: \(Figures.percent($0.percentRounded)) (\($0.passed ? "passed" : "not passed yet"); pass mark \(Figures.number(test.passMark))%)\n" }
                ?? "  Practice test: not taken yet (quiz take \(name))\n"
        }
        for (i, section) in lesson.sections.enumerated() {
            out += "  \(done.contains(section.id) ? "✓" : "·") \(i + 1). \(section.title)\n"
        }
        return out + "\n"
    }
}

import Foundation
import QuizKit
import QuizStore

/// Runs the quick checks of one section on stdin/stdout, saving every try as it is given.
struct CheckRunner {
    enum Outcome { case done, notDone, quit, endOfInput, interrupted }

    let store: AttemptStore
    let root: ContentRoot
    let lesson: Lesson
    let section: Section
    /// Replays the choice order of an earlier round; random when nil.
    var seed: UInt64?

    /// The section's quick checks, in file then bank order.
    var checks: [(bank: Bank, question: Question)] { root.quickChecks(lesson: lesson.id, section: section.id) }

    func run(reader: LineReader) throws -> Outcome {
        let checks = self.checks
        guard !checks.isEmpty else {
            try stored { () throws(StoreError) in try store.markDone(lesson: lesson.id, section: section.id) }
            return .done
        }
        let seed = self.seed ?? UInt64.random(in: 1...999_999)
        let items = AttemptPlan.layout(checks, root: root, seed: seed)
        let bank = checks[0].bank
        let attempt = AttemptRecord(kind: AttemptRecord.Kind.check, bank: bank.id, lesson: lesson.id,
                                    title: "Quick checks · \(section.title)", seed: Int64(bitPattern: seed), startedAt: Date(), passMark: 0)
        var records: [AttemptQuestionRecord] = []
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (item, entry) in zip(items, checks) {
            let presentation = (try? encoder.encode(item.presentation)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            records.append(AttemptQuestionRecord(attemptID: attempt.id, position: item.position, questionID: entry.question.id,
                                                 section: section.id, lesson: lesson.id, presentation: presentation,
                                                 maxPoints: entry.question.points))
        }
        try stored { () throws(StoreError) in try store.create(attempt, questions: records) }

        var session = QuickCheckSession(questions: items)
        var events = session.start(now: Monotonic.now)
        while true {
            var next: [SessionEvent] = []
            for event in events {
                Terminal.show(event)
                switch event {
                case .answered(let position), .flagged(let position, _):
                    let record = ResponseRecord(session.answers[position - 1], attemptID: attempt.id, position: position)
                    try stored { () throws(StoreError) in try store.save(record) }
                case .awaitLine:
                    switch reader.next() {
                    case .line(let line): next = session.receive(line, now: Monotonic.now)
                    case .endOfInput, .deadline:
                        try close(attempt, session)
                        return .endOfInput
                    case .interrupted:
                        try close(attempt, session)
                        return .interrupted
                    }
                case .ended(let end):
                    try close(attempt, session)
                    if end == .quit { return .quit }
                    return session.isComplete ? .done : .notDone
                default:
                    break
                }
            }
            events = next
        }
    }

    private func close(_ attempt: AttemptRecord, _ session: QuickCheckSession) throws {
        let elapsed = session.answers.reduce(0) { $0 + $1.timeSpent }
        try stored { () throws(StoreError) in
            try store.finish(attemptID: attempt.id, status: AttemptRecord.Status.submitted, submittedAt: Date(),
                             elapsed: TestRunner.millis(elapsed), remaining: nil)
            if session.isComplete { try store.markDone(lesson: lesson.id, section: section.id) }
        }
    }
}

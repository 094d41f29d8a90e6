import Foundation
import QuizKit
import QuizRecords

/// Runs the quick checks of one section on a terminal, recording every try as it is given.
public struct CheckRunner {
    public enum Outcome: Equatable, Sendable { case done, notDone, quit, endOfInput, interrupted }

    let store: any AttemptStore
    let root: ContentRoot
    let lesson: Lesson
    let section: Section
    /// Replays the choice order of an earlier round; random when nil.
    var seed: UInt64?
    /// The section's quick checks, in file then bank order.
    public let checks: [(bank: Bank, question: Question)]

    public init(store: any AttemptStore, root: ContentRoot, lesson: Lesson, section: Section, seed: UInt64? = nil) {
        self.store = store
        self.root = root
        self.lesson = lesson
        self.section = section
        self.seed = seed
        checks = root.quickChecks(lesson: lesson.id, section: section.id)
    }

    /// Notes that the section was shown; a section without quick checks is then done.
    public func markShown() throws(StoreError) {
        try store.markShown(lesson: lesson.id, section: section.id)
        if checks.isEmpty { try store.markDone(lesson: lesson.id, section: section.id) }
    }

    public func run(on terminal: some SessionTerminal) throws -> Outcome {
        guard !checks.isEmpty else {
            try store.markDone(lesson: lesson.id, section: section.id)
            return .done
        }
        let seed = self.seed ?? UInt64.random(in: 1...999_999)
        let items = AttemptPlan.layout(checks, root: root, seed: seed)
        let attempt = AttemptRecord(kind: .check, bank: checks[0].bank.id, lesson: lesson.id,
                                    title: "Quick checks · \(section.title)", seed: Int64(bitPattern: seed), startedAt: Date(), passMark: 0,
                                    learner: LoginName.current())
        let recorder = try AttemptRecorder.start(attempt, items: items,
                                                 places: Array(repeating: (lesson.id, section.id), count: items.count), store: store)
        var session = QuickCheckSession(questions: items)
        var events = session.start(now: terminal.now)
        while true {
            var next: [SessionEvent] = []
            for event in events {
                terminal.present(event)
                switch event {
                case .answered(let position), .flagged(let position, _):
                    try recorder.save(session.answers[position - 1], position: position)
                case .awaitLine:
                    switch terminal.nextLine(deadline: nil) {
                    case .line(let line): next = session.receive(line, now: terminal.now)
                    case .endOfInput, .deadline:
                        try close(recorder, session)
                        return .endOfInput
                    case .interrupted:
                        try close(recorder, session)
                        return .interrupted
                    }
                case .ended(let end):
                    try close(recorder, session)
                    if end == .quit { return .quit }
                    return session.isComplete ? .done : .notDone
                default:
                    break
                }
            }
            if next.isEmpty {
                try close(recorder, session)
                return session.isComplete ? .done : .notDone
            }
            events = next
        }
    }

    private func close(_ recorder: AttemptRecorder, _ session: QuickCheckSession) throws(StoreError) {
        try recorder.finish(.submitted, elapsed: session.answers.reduce(0) { $0 + $1.timeSpent }, remaining: nil)
        if session.isComplete { try store.markDone(lesson: lesson.id, section: section.id) }
    }
}

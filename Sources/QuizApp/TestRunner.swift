import Foundation
import QuizKit
import QuizRecords

/// Runs a practice test on a terminal: shows what the session shows, reads lines with
/// the deadline, and records every response, flag and clock reading as it happens.
public struct TestRunner {
    /// How the sitting ended, for the command line to word.
    public enum Outcome {
        /// Submitted or expired: the report of the finished attempt.
        case finished(AttemptReport)
        /// `quit`: saved in progress. `resumable` is false when a newer attempt of the test has started since.
        case quit(resumable: Bool)
        /// Ctrl-C: saved in progress.
        case interrupted
    }

    let store: any AttemptStore
    let root: ContentRoot
    public let attempt: AttemptRecord
    var session: TestSession
    let recorder: AttemptRecorder

    /// A new attempt of `test`: draws it with `seed`, records it (abandoning an unfinished
    /// sitting of the same test) as taken by `learner` (the login name of whoever runs quiz),
    /// and is ready to run.
    public static func start(_ test: PracticeTest, in bank: Bank, root: ContentRoot, seed: UInt64, timed: Bool,
                             store: any AttemptStore, learner: String? = LoginName.current()) throws -> TestRunner {
        try start(test, items: AttemptPlan.test(test, in: bank, root: root, seed: seed), in: bank, root: root, seed: seed,
                  timed: timed, store: store, learner: learner)
    }

    /// A new attempt of `test` from a bank read for one session (``Course/testContent(bank:cacheFolder:)``).
    public static func start(_ test: PracticeTest, from content: inout TestContent, seed: UInt64, timed: Bool,
                             store: any AttemptStore, learner: String? = LoginName.current()) throws -> TestRunner {
        let items = content.plan(test, seed: seed)
        return try start(test, items: items, in: content.bank, root: content.root, seed: seed, timed: timed,
                         store: store, learner: learner)
    }

    /// A new attempt of `test` asking `items`, drawn with `seed`.
    static func start(_ test: PracticeTest, items: [SessionQuestion], in bank: Bank, root: ContentRoot, seed: UInt64,
                      timed: Bool, store: any AttemptStore, learner: String?) throws -> TestRunner {
        guard !items.isEmpty else { throw UserError("test \(bank.id)/\(test.id) draws no questions") }
        let limit = timed ? test.timeLimit : nil
        var attempt = AttemptRecord(kind: .test, bank: bank.id, test: test.id, title: test.title,
                                    seed: Int64(bitPattern: seed), startedAt: Date(), timeLimit: limit,
                                    remaining: limit.map(Double.init), passMark: test.passMark, penalty: test.penalty,
                                    learner: learner)
        let places = items.map { item in
            let key = root.sectionKey(of: item.question, in: bank)
            return (lesson: key?.lesson ?? bank.lesson, section: key?.section ?? item.question.section)
        }
        let recorder = try AttemptRecorder.start(attempt, items: items, places: places, store: store)
        attempt.id = recorder.attemptID  // another, should the drawn id have been taken
        let settings = TestSession.Settings(title: test.title, subtitle: bank.title, seed: seed, timeLimit: limit.map(Double.init),
                                            passMark: test.passMark, penalty: test.penalty,
                                            immediateFeedback: test.feedback == .immediate)
        return TestRunner(store: store, root: root, attempt: attempt, session: TestSession(settings: settings, questions: items),
                          recorder: recorder)
    }

    /// An in-progress attempt read back from the store, with the time that was left.
    public static func resume(_ saved: StoredAttempt, root: ContentRoot, store: any AttemptStore) -> TestRunner {
        let session = TestSession(settings: saved.settings(in: root), questions: saved.items, answers: saved.answers,
                                  elapsed: saved.record.elapsed)
        return TestRunner(store: store, root: root, attempt: saved.record, session: session,
                          recorder: AttemptRecorder(store: store, attemptID: saved.record.id))
    }

    /// Runs to the end on `terminal`.
    public mutating func run(on terminal: some SessionTerminal) throws -> Outcome {
        var events = session.start(now: terminal.now)
        while true {
            var next: [SessionEvent] = []
            for event in events {
                terminal.present(event)
                switch event {
                case .answered(let position), .flagged(let position, _):
                    try save(position)
                case .awaitLine:
                    let outcome = terminal.nextLine(deadline: session.deadline)
                    let now = terminal.now
                    switch outcome {
                    case .line(let line): next = session.receive(line, now: now)
                    case .endOfInput: next = session.endOfInput(now: now)
                    case .deadline: next = session.timeUp(now: now)
                    case .interrupted:
                        session.interrupt(now: now)
                        try saveClock(now)
                        if session.questions.indices.contains(session.current) { try save(session.current + 1) }
                        return .interrupted
                    }
                    try saveClock(terminal.now)
                case .ended(let end):
                    return try finish(end, now: terminal.now)
                default:
                    break
                }
            }
            if next.isEmpty { return try finish(session.end ?? .submitted, now: terminal.now) }
            events = next
        }
    }

    private func save(_ position: Int) throws(StoreError) {
        try recorder.save(session.answers[position - 1], position: position)
    }

    private func saveClock(_ now: Double) throws(StoreError) {
        try recorder.saveClock(remaining: session.remaining(at: now), elapsed: session.elapsed(at: now))
    }

    private func finish(_ end: SessionEnd, now: Double) throws -> Outcome {
        if session.questions.indices.contains(session.current) { try save(session.current + 1) }
        switch end {
        case .quit:
            try saveClock(now)
            return .quit(resumable: try store.attempt(id: attempt.id)?.status != .abandoned)
        case .submitted, .expired, .finished:
            let elapsed = end == .expired ? (session.settings.timeLimit ?? session.elapsed(at: now)) : session.elapsed(at: now)
            try recorder.finish(end == .expired ? .expired : .submitted, elapsed: elapsed, remaining: session.remaining(at: now))
            let finished = try store.attempt(id: attempt.id) ?? attempt
            return .finished(try StoredAttempt(finished, store: store, root: root).report)
        }
    }
}

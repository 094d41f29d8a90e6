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

    let root: ContentRoot
    /// The attempt as drawn; its id is the recorder's (another, should the drawn id have been taken).
    private let drawn: AttemptRecord
    var session: TestSession
    private let recording: Recording

    /// The attempt, once recorded: waits for a recording still being written.
    public var attempt: AttemptRecord {
        var attempt = drawn
        if let id = try? recording.recorder().attemptID { attempt.id = id }
        return attempt
    }

    /// A new attempt of `test`: draws it with `seed`, records it (abandoning an unfinished
    /// sitting of the same test) as taken by `learner` (the login name of whoever runs quiz),
    /// and is ready to run.
    public static func start(_ test: PracticeTest, in bank: Bank, root: ContentRoot, seed: UInt64, timed: Bool,
                             store: any AttemptStore, learner: String? = LoginName.current()) throws -> TestRunner {
        let items = AttemptPlan.test(test, in: bank, root: root, seed: seed)
        return try start(test, items: items, in: bank, root: root, seed: seed, timed: timed, store: store, learner: learner,
                         whileShowing: false)
    }

    /// A new attempt of `test` from a bank read for one session (``Course/testContent(bank:cacheFolder:)``).
    public static func start(_ test: PracticeTest, from content: inout TestContent, seed: UInt64, timed: Bool,
                             store: any AttemptStore, learner: String? = LoginName.current()) throws -> TestRunner {
        let items = content.plan(test, seed: seed)
        return try start(test, items: items, in: content.bank, root: content.root, seed: seed, timed: timed,
                         store: store, learner: learner, whileShowing: false)
    }

    /// A new attempt of `test` for the command line: drawn while `opening` opens the store, and recorded
    /// on another thread while the first question is shown. A store its check refuses is refused here,
    /// before anything is shown; the run waits for the attempt's record before it reads the first line,
    /// so every response is saved to an attempt already stored.
    public static func start(_ test: PracticeTest, from content: inout TestContent, seed: UInt64, timed: Bool,
                             opening: StoreOpening, learner: String? = LoginName.current()) throws -> TestRunner {
        let items = content.plan(test, seed: seed)
        try opening.check()
        return try start(test, items: items, in: content.bank, root: content.root, seed: seed, timed: timed,
                         store: opening.store, learner: learner, whileShowing: true)
    }

    /// ``start(_:from:seed:timed:opening:learner:)`` for a bank read from the whole root.
    public static func start(_ test: PracticeTest, in bank: Bank, root: ContentRoot, seed: UInt64, timed: Bool,
                             opening: StoreOpening, learner: String? = LoginName.current()) throws -> TestRunner {
        let items = AttemptPlan.test(test, in: bank, root: root, seed: seed)
        try opening.check()
        return try start(test, items: items, in: bank, root: root, seed: seed, timed: timed, store: opening.store,
                         learner: learner, whileShowing: true)
    }

    /// A new attempt of `test` asking `items`, drawn with `seed`; recorded before this returns, or,
    /// `whileShowing`, on another thread.
    static func start(_ test: PracticeTest, items: [SessionQuestion], in bank: Bank, root: ContentRoot, seed: UInt64,
                      timed: Bool, store: any AttemptStore, learner: String?, whileShowing: Bool) throws -> TestRunner {
        try start(test, items: items, in: bank, root: root, seed: seed, timed: timed, store: { store }, learner: learner,
                  whileShowing: whileShowing)
    }

    static func start(_ test: PracticeTest, items: [SessionQuestion], in bank: Bank, root: ContentRoot, seed: UInt64,
                      timed: Bool, store: @escaping () throws -> any AttemptStore, learner: String?,
                      whileShowing: Bool) throws -> TestRunner {
        guard !items.isEmpty else { throw UserError("test \(bank.id)/\(test.id) draws no questions") }
        let limit = timed ? test.timeLimit : nil
        let attempt = AttemptRecord(kind: .test, bank: bank.id, test: test.id, title: test.title,
                                    seed: Int64(bitPattern: seed), startedAt: Date(), timeLimit: limit,
                                    remaining: limit.map(Double.init), passMark: test.passMark, penalty: test.penalty,
                                    learner: learner)
        let places = items.map { item in
            let key = root.sectionKey(of: item.question, in: bank)
            return (lesson: key?.lesson ?? bank.lesson, section: key?.section ?? item.question.section)
        }
        let record = { try AttemptRecorder.start(attempt, items: items, places: places, store: store()) }
        let recording = whileShowing ? Recording(inBackground: record) : Recording(result: Result(catching: record))
        if !whileShowing { _ = try recording.recorder() }
        let settings = TestSession.Settings(title: test.title, subtitle: bank.title, seed: seed, timeLimit: limit.map(Double.init),
                                            passMark: test.passMark, penalty: test.penalty,
                                            immediateFeedback: test.feedback == .immediate)
        return TestRunner(root: root, drawn: attempt, session: TestSession(settings: settings, questions: items),
                          recording: recording)
    }

    /// An in-progress attempt read back from the store, with the time that was left.
    public static func resume(_ saved: StoredAttempt, root: ContentRoot, store: any AttemptStore) -> TestRunner {
        let session = TestSession(settings: saved.settings(in: root), questions: saved.items, answers: saved.answers,
                                  elapsed: saved.record.elapsed)
        return TestRunner(root: root, drawn: saved.record, session: session,
                          recording: Recording(result: .success(AttemptRecorder(store: store, attemptID: saved.record.id))))
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
                    _ = try recording.recorder()  // the attempt is stored before a line can be answered
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

    private func save(_ position: Int) throws {
        try recording.recorder().save(session.answers[position - 1], position: position)
    }

    private func saveClock(_ now: Double) throws {
        try recording.recorder().saveClock(remaining: session.remaining(at: now), elapsed: session.elapsed(at: now))
    }

    private func finish(_ end: SessionEnd, now: Double) throws -> Outcome {
        if session.questions.indices.contains(session.current) { try save(session.current + 1) }
        switch end {
        case .quit:
            try saveClock(now)
            return .quit(resumable: try recording.recorder().store.attempt(id: attempt.id)?.status != .abandoned)
        case .submitted, .expired, .finished:
            let elapsed = end == .expired ? (session.settings.timeLimit ?? session.elapsed(at: now)) : session.elapsed(at: now)
            try recording.recorder().finish(end == .expired ? .expired : .submitted, elapsed: elapsed, remaining: session.remaining(at: now))
            let store = try recording.recorder().store
            let finished = try store.attempt(id: attempt.id) ?? attempt
            return .finished(try StoredAttempt(finished, store: store, root: root).report)
        }
    }
}

/// The attempt's record: written before the run starts, or on another thread while the first question is shown.
final class Recording: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<AttemptRecorder, any Error>?

    init(result: Result<AttemptRecorder, any Error>) {
        self.result = result
    }

    init(inBackground record: @escaping () throws -> AttemptRecorder) {
        nonisolated(unsafe) let record = record
        DispatchQueue.global(qos: .userInitiated).async(group: done) {
            self.result = Result(catching: record)
        }
    }

    /// The recorder, once the attempt is stored; throws what storing it threw.
    func recorder() throws -> AttemptRecorder {
        done.wait()
        return try result!.get()
    }
}

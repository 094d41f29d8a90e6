import Foundation
import QuizKit
import QuizStore

/// Drives a practice test on stdin/stdout: prints what the session shows, reads lines
/// with the deadline, and saves every response, flag and clock reading as it happens.
struct TestRunner {
    let store: AttemptStore
    let root: ContentRoot
    let attempt: AttemptRecord
    var session: TestSession

    /// Runs to the end. Returns the exit code (0, or 130 after SIGINT).
    mutating func run() throws -> Int32 {
        Interrupt.install()
        let reader = LineReader()
        var events = session.start(now: Monotonic.now)
        while true {
            var next: [SessionEvent] = []
            for event in events {
                Terminal.show(event)
                switch event {
                case .answered(let position), .flagged(let position, _):
                    try save(position)
                case .awaitLine:
                    let outcome = reader.next(deadline: session.deadline)
                    let now = Monotonic.now
                    switch outcome {
                    case .line(let line): next = session.receive(line, now: now)
                    case .endOfInput: next = session.endOfInput(now: now)
                    case .deadline: next = session.timeUp(now: now)
                    case .interrupted:
                        session.interrupt(now: now)
                        try saveClock()
                        if let position = session.questions.indices.contains(session.current) ? session.current + 1 : nil {
                            try save(position)
                        }
                        Terminal.write("\n")
                        Terminal.standardError("Interrupted; your answers are saved. Continue with: quiz resume \(attempt.id)")
                        return 130
                    }
                    try saveClock()
                case .ended(let end):
                    return try finish(end)
                default:
                    break
                }
            }
            if next.isEmpty { return try finish(session.end ?? .submitted) }
            events = next
        }
    }

    private func save(_ position: Int) throws {
        let record = ResponseRecord(session.answers[position - 1], attemptID: attempt.id, position: position)
        try stored { () throws(StoreError) in try store.save(record) }
    }

    private func saveClock() throws {
        let now = Monotonic.now
        try stored { () throws(StoreError) in
            try store.saveClock(attemptID: attempt.id, remaining: session.remaining(at: now).map(Self.millis),
                                elapsed: Self.millis(session.elapsed(at: now)))
        }
    }

    private mutating func finish(_ end: SessionEnd) throws -> Int32 {
        let now = Monotonic.now
        if session.questions.indices.contains(session.current) { try save(session.current + 1) }
        switch end {
        case .quit:
            try saveClock()
            let latest = try stored { () throws(StoreError) in try store.attempt(id: attempt.id) }
            if latest?.status == AttemptRecord.Status.abandoned {
                Terminal.write("Saved, but a newer attempt of this test has started since, so this one cannot be resumed.\n")
            } else {
                Terminal.write("Saved. Continue with: quiz resume \(attempt.id)\n")
            }
            return 0
        case .submitted, .expired, .finished:
            let status = end == .expired ? AttemptRecord.Status.expired : AttemptRecord.Status.submitted
            let elapsed = end == .expired ? (session.settings.timeLimit ?? session.elapsed(at: now)) : session.elapsed(at: now)
            try stored { () throws(StoreError) in
                try store.finish(attemptID: attempt.id, status: status, submittedAt: Date(),
                                 elapsed: Self.millis(elapsed), remaining: session.remaining(at: now).map(Self.millis))
            }
            guard let finished = try stored({ () throws(StoreError) in try store.attempt(id: attempt.id) }) else { return 0 }
            let report = try StoredAttempt(finished, store: store, root: root).report
            Terminal.write("\n" + TextReport.render(report, width: Terminal.width))
            Terminal.write("Saved as attempt \(attempt.id). Export: quiz report \(attempt.id) --format html -o report.html\n")
            return 0
        }
    }

    /// Times are stored to the millisecond.
    static func millis(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

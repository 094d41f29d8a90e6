import ArgumentParser
import Foundation
import QuizKit
import QuizStore

/// `quiz take TEST`: a timed practice test.
struct TakeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "Take a practice test (BANK/TEST, or BANK when it has one test).")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The test: BANK/TEST, or BANK when the bank has one test.")
    var test: String

    @Option(name: .long, help: "Replay the draw and shuffles of an earlier attempt with this seed.")
    var seed: UInt64?

    @Flag(name: .long, help: "Take the test without its time limit.")
    var noTimeLimit = false

    func run() throws {
        let loading = ContentLoading(common: common)
        let (root, filesWithErrors) = try loading.sessionRoot()
        let (bank, test) = try loading.test(self.test, in: root)
        try loading.requireLintClean(bank, filesWithErrors: filesWithErrors)
        let store = try loading.store()
        let seed = self.seed ?? UInt64.random(in: 1...999_999)
        let items = AttemptPlan.test(test, in: bank, root: root, seed: seed)
        guard !items.isEmpty else { throw UserError("test \(bank.id)/\(test.id) draws no questions") }
        let limit = noTimeLimit ? nil : test.timeLimit
        let attempt = AttemptRecord(kind: AttemptRecord.Kind.test, bank: bank.id, test: test.id, title: test.title,
                                    seed: Int64(bitPattern: seed), startedAt: Date(), timeLimit: limit,
                                    remaining: limit.map(Double.init), passMark: test.passMark, penalty: test.penalty)
        try stored { () throws(StoreError) in
            try store.create(attempt, questions: StoredAttempt.questionRecords(items, attemptID: attempt.id, bank: bank, root: root))
        }
        let settings = TestSession.Settings(title: test.title, subtitle: bank.title, seed: seed, timeLimit: limit.map(Double.init),
                                            passMark: test.passMark, penalty: test.penalty,
                                            immediateFeedback: test.feedback == .immediate)
        var runner = TestRunner(store: store, root: root, attempt: attempt, session: TestSession(settings: settings, questions: items))
        let code = try runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}

/// `quiz resume [ATTEMPT]`: continues an interrupted practice test.
struct ResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume", abstract: "Continue an interrupted practice test where it stopped, with the time that was left.")

    @OptionGroup var common: CommonOptions

    @Argument(help: "The attempt id (a unique prefix is enough). Default: the most recently started unfinished test.")
    var attempt: String?

    func run() throws {
        let loading = ContentLoading(common: common)
        let store = try loading.store()
        let record: AttemptRecord
        if let prefix = attempt {
            record = try stored { () throws(StoreError) in try store.attempt(matching: prefix) }
            guard record.status == AttemptRecord.Status.inProgress else {
                throw UserError("attempt \(record.id) is \(record.status); only an in-progress attempt can be resumed")
            }
        } else {
            guard let latest = try stored({ () throws(StoreError) in try store.latestInProgress(kind: AttemptRecord.Kind.test) }) else {
                throw UserError("nothing to resume: no practice test is in progress; start one with quiz take")
            }
            record = latest
        }
        guard record.kind == AttemptRecord.Kind.test else {
            throw UserError("attempt \(record.id) is a \(record.kind) session; continue it with quiz study or quiz check")
        }
        let (root, filesWithErrors) = try loading.sessionRoot()
        if let bank = root.bank(record.bank) { try loading.requireLintClean(bank, filesWithErrors: filesWithErrors) }
        let saved = try StoredAttempt(record, store: store, root: root)
        let bank = root.bank(record.bank)
        let settings = TestSession.Settings(title: record.title, subtitle: bank?.title ?? record.bank, seed: UInt64(bitPattern: record.seed),
                                            timeLimit: record.timeLimit.map(Double.init), passMark: record.passMark,
                                            penalty: record.penalty,
                                            immediateFeedback: bank?.test(record.test ?? "")?.feedback == .immediate)
        let session = TestSession(settings: settings, questions: saved.items, answers: saved.answers, elapsed: record.elapsed)
        var runner = TestRunner(store: store, root: root, attempt: record, session: session)
        let code = try runner.run()
        if code != 0 { throw ExitCode(code) }
    }
}

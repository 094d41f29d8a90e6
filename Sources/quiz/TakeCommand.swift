import ArgumentParser
import Foundation
import QuizApp
import QuizKit
import QuizRecords

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

    /// The command for `arguments` (without the program's name) when they are `take TEST` with only
    /// `--root DIR`, `--store PATH`, `--seed N` and `--no-time-limit`, each at most once and apart from its
    /// value: the form every suggested command has. Anything else (help, `--root=DIR`, a value starting
    /// with `-`, a mistake) is nil and goes to the argument parser, whose every message is kept; this
    /// only spares a learner's every test the parser's start-up (a third of a warm start's instructions).
    static func plain(_ arguments: [String]) -> TakeCommand? {
        guard arguments.first == "take" else { return nil }
        var test: String?, root: String?, store: String?, seed: UInt64?, noTimeLimit = false
        var words = arguments.dropFirst()
        while let word = words.popFirst() {
            switch word {
            case "--root", "--store", "--seed":
                guard let value = words.popFirst(), !value.isEmpty, !value.hasPrefix("-") else { return nil }
                switch word {
                case "--root":
                    guard root == nil else { return nil }
                    root = value
                case "--store":
                    guard store == nil else { return nil }
                    store = value
                default:
                    guard seed == nil, value.allSatisfy(\.isASCII), let number = UInt64(value) else { return nil }
                    seed = number
                }
            case "--no-time-limit":
                guard !noTimeLimit else { return nil }
                noTimeLimit = true
            default:
                guard test == nil, !word.isEmpty, !word.hasPrefix("-") else { return nil }
                test = word
            }
        }
        guard let test else { return nil }
        var common = CommonOptions()
        common.root = root
        common.store = store
        var command = TakeCommand()
        command.common = common
        command.test = test
        command.seed = seed
        command.noTimeLimit = noTimeLimit
        return command
    }

    func run() throws {
        let course = try common.course()
        let seed = seed ?? UInt64.random(in: 1...999_999)
        let location = common.storeLocation
        // The store opens on another thread while the bank is read and the test drawn; a store it
        // refuses is still refused before anything is shown.
        let opening = StoreOpening(location)
        do {
            // Only the bank taken and its lessons are read; the whole course only to word a bank it lacks.
            if var content = try course.testContent(bank: String(self.test.prefix { $0 != "/" }), cacheFolder: location.cacheFolder) {
                defer { content.waitUntilCached() }
                let (_, test) = try Course.test(self.test, in: content.root)
                var runner = try TestRunner.start(test, from: &content, seed: seed, timed: !noTimeLimit, opening: opening)
                try Self.run(&runner, hint: common.hint)
            } else {
                let (root, filesWithErrors) = course.sessionRoot(cacheFolder: location.cacheFolder)
                let (bank, test) = try Course.test(self.test, in: root)
                try course.requireUsable(bank, filesWithErrors: filesWithErrors)
                var runner = try TestRunner.start(test, in: bank, root: root, seed: seed, timed: !noTimeLimit, opening: opening)
                try Self.run(&runner, hint: common.hint)
            }
        } catch {
            opening.settle()
            throw error
        }
    }

    /// Runs a test on the terminal and words how it ended; follow-up commands are written with `hint`.
    static func run(_ runner: inout TestRunner, hint: CommandHint) throws {
        Interrupt.install()
        let outcome = try runner.run(on: ConsoleTerminal())
        let id = runner.attempt.id
        switch outcome {
        case .finished(let report):
            Terminal.write("\n" + TextReport.render(report, width: Terminal.width))
            Terminal.say("Saved as attempt \(id). Export: \(hint.command("report", id, "--format", "html", "-o", "report.html"))\n")
        case .quit(let resumable):
            Terminal.say(resumable ? "Saved. Continue with: \(hint.command("resume", id))\n"
                : "Saved, but a newer attempt of this test has started since, so this one cannot be resumed.\n")
        case .interrupted:
            Terminal.say("\n")
            Terminal.standardError("Interrupted; your answers are saved. Continue with: \(hint.command("resume", id))")
            throw ExitCode(130)
        }
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
        let location = common.storeLocation
        let store = try location.open()
        let record: AttemptRecord
        if let prefix = attempt {
            record = try common.attempt(matching: prefix, in: store)
            guard record.status == .inProgress else {
                throw UserError("attempt \(record.id) is \(record.status.rawValue); only an in-progress attempt can be resumed")
            }
        } else {
            guard let latest = try store.latestInProgress(kind: .test) else {
                throw UserError("nothing to resume: no practice test is in progress in \(common.storeName); start one with quiz take, or pass the --store that holds it")
            }
            record = latest
        }
        guard record.kind == .test else {
            throw UserError("attempt \(record.id) is a \(record.kind.rawValue) session; continue it with quiz study or quiz check")
        }
        let course = try common.course()
        let root: ContentRoot
        if var content = try course.testContent(bank: record.bank, cacheFolder: location.cacheFolder) {
            content.include(try store.questions(of: record.id).map(\.questionID))
            content.waitUntilCached()
            root = content.root
        } else {
            let (whole, filesWithErrors) = course.sessionRoot(cacheFolder: location.cacheFolder)
            if let bank = whole.bank(record.bank) { try course.requireUsable(bank, filesWithErrors: filesWithErrors) }
            root = whole
        }
        var runner = TestRunner.resume(try StoredAttempt(record, store: store, root: root), root: root, store: store)
        try TakeCommand.run(&runner, hint: common.hint)
    }
}

import Foundation
import QuizKit
import QuizLint

/// The course a command works on: its content root, read plainly for lists and
/// reports, or through the content cache for sessions, and the checks a bank
/// must pass before anyone is asked its questions.
public struct Course: Sendable {
    /// The content root folder.
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The root read afresh from its files.
    public func load() -> ContentRoot {
        ContentRoot.load(at: url)
    }

    /// The root for a session, with the bank files that have lint errors: from the content
    /// cache in `cacheFolder` when no file changed since the last run, else read, linted and cached.
    public func sessionRoot(cacheFolder: URL) -> (root: ContentRoot, filesWithErrors: Set<String>) {
        let cache = ContentCache(directory: cacheFolder, toolStamp: Self.toolStamp)
        if let hit = cache.load(root: url) { return (hit.root, hit.filesWithErrors) }
        let root = ContentRoot.load(at: url)
        let report = Linter.lint(root, configuration: Configuration.load(root: url))
        let errors = Set(report.findings.filter { $0.severity == .error }.map(\.file))
        cache.save(root, filesWithErrors: errors)
        return (root, errors)
    }

    /// This build of quiz, so a new build never trusts another build's lint verdicts.
    static let toolStamp: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: exe)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(exe)\t\(size)\t\(modified)"
    }()

    /// Throws ``BankRefusal`` when `bank`'s file has lint errors (warnings never block), or when
    /// one of its questions cannot be asked even though lint's configuration lets it pass.
    public func requireUsable(_ bank: Bank, filesWithErrors: Set<String>) throws(BankRefusal) {
        if filesWithErrors.contains(bank.file) {
            let root = ContentRoot.load(at: url)
            let report = Linter.lint(root, configuration: Configuration.load(root: url), only: [bank.file])
            if report.errors > 0 {
                throw .lintErrors(file: bank.file, errors: LintReport(findings: report.findings.filter { $0.severity == .error },
                                                                       files: [bank.file]))
            }
        }
        if let question = bank.questions.first(where: { !$0.isValid }), let flaw = question.flaw {
            throw .unusableQuestion(file: bank.file, question: question.id, flaw: flaw)
        }
    }

    /// ``requireUsable(_:filesWithErrors:)`` for every bank that holds questions of `lesson`.
    public func requireUsable(banksOf lesson: Lesson, in root: ContentRoot, filesWithErrors: Set<String>) throws(BankRefusal) {
        for bank in root.banks where bank.lesson == lesson.id
            || root.sectionKeys(of: bank).contains(where: { $0?.lesson == lesson.id }) {
            try requireUsable(bank, filesWithErrors: filesWithErrors)
        }
    }

    /// `BANK/TEST`, or `BANK` when the bank has exactly one test.
    public static func test(_ reference: String, in root: ContentRoot) throws(UserError) -> (Bank, PracticeTest) {
        let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
        guard let bankID = parts.first, let bank = root.bank(bankID) else {
            let known = root.banks.flatMap { b in b.tests.map { "\(b.id)/\($0.id)" } }
            throw UserError("no bank \"\(parts.first ?? reference)\" in \(root.url.path)"
                + (known.isEmpty ? "; it has no practice tests" : "; tests here: \(known.joined(separator: ", "))"))
        }
        if parts.count == 2 {
            guard let test = bank.test(parts[1]) else {
                throw UserError("bank \(bank.id) has no test \"\(parts[1])\"; its tests: \(bank.tests.map(\.id).joined(separator: ", "))")
            }
            return (bank, test)
        }
        switch bank.tests.count {
        case 1: return (bank, bank.tests[0])
        case 0: throw UserError("bank \(bank.id) defines no practice test; add one under tests:")
        default: throw UserError("bank \(bank.id) has \(bank.tests.count) tests; name one: \(bank.tests.map { "\(bank.id)/\($0.id)" }.joined(separator: ", "))")
        }
    }
}

/// Why a bank cannot be used for a session.
public enum BankRefusal: Error, Sendable {
    /// Its file has lint errors: only the errors, as `quiz lint` reports them.
    case lintErrors(file: String, errors: LintReport)
    /// A question cannot be asked as written (lint's configuration may have silenced the rule).
    case unusableQuestion(file: String, question: String, flaw: Question.Flaw)
}

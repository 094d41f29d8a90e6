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

    /// The bank a practice test is taken from (or an attempt of one resumed), read for the session
    /// without the rest of the course: its file and the lessons it links to, checked for what makes
    /// it unusable (``requireFresh(_:file:)``), or, when none of those files, `.quizlint.yaml` nor
    /// quiz itself changed since a run found it usable, the bank's cached index in `cacheFolder`.
    ///
    /// Nil when the root has no file for a bank named `id` (`Quizzes/ID.yaml` or `.yml`): the caller
    /// then reads the whole root, which words what is there instead.
    public func testContent(bank id: String, cacheFolder: URL) throws(BankRefusal) -> TestContent? {
        guard !id.isEmpty, !id.contains("/"), !id.hasPrefix("."),
              let file = ["yaml", "yml"].map({ "Quizzes/\(id).\($0)" })
                .first(where: { FileManager.default.fileExists(atPath: url.appendingPathComponent($0).path) }) else {
            return nil
        }
        let cache = BankCache(directory: cacheFolder, toolStamp: Self.toolStamp)
        if let cached = cache.open(file, root: url) {
            var root = ContentRoot(url: url)
            root.lessons = cached.lessons
            root.files = cached.lessons.map(\.file) + [file]
            root.banks = [cached.bank]
            return TestContent(root: root, file: file, cached: cached, saving: nil)
        }
        var root = ContentRoot.load(at: url, only: [file])
        let lessons = root.banks.first.map(ContentRoot.lessonFiles(linkedFrom:)) ?? []
        for lesson in lessons where FileManager.default.fileExists(atPath: url.appendingPathComponent(lesson).path) {
            root.add(lesson)
        }
        try requireFresh(root, file: file)
        guard let bank = root.bank(id) else { return nil }
        // Written on the other core while the test starts: the learner never waits for it.
        let saving = CacheWrite()
        let lessonsRead = root.lessons, rootURL = url
        DispatchQueue.global(qos: .utility).async(group: saving.group) {
            cache.save(bank, lessons: lessonsRead, root: rootURL, inputs: lessons + [Configuration.fileName])
        }
        return TestContent(root: root, file: file, cached: nil, saving: saving)
    }

    /// Throws ``BankRefusal`` when the bank of `file`, read into `root` with the lessons it links to, has
    /// an error its loader or its section links find (``Linter/sessionCheck(_:file:configuration:)``,
    /// with `.quizlint.yaml`'s levels; warnings never block), or a question that cannot be asked.
    /// Rules that compare the bank with the rest of the course, or judge how well it is written, are
    /// `quiz lint`'s: they never keep a learner from a test.
    public func requireFresh(_ root: ContentRoot, file: String) throws(BankRefusal) {
        let report = Linter.sessionCheck(root, file: file, configuration: Configuration.load(root: url))
        if report.errors > 0 {
            throw .lintErrors(file: file, errors: LintReport(findings: report.findings.filter { $0.severity == .error },
                                                              files: [file]))
        }
        for bank in root.banks where bank.file == file {
            if let question = bank.questions.first(where: { !$0.isValid }), let flaw = question.flaw {
                throw .unusableQuestion(file: file, question: question.id, flaw: flaw)
            }
        }
    }

    /// This build of quiz, so a new build never trusts another build's lint verdicts.
    static let toolStamp: String = {
        let resolved = realpath("/proc/self/exe", nil) ?? realpath(CommandLine.arguments[0], nil)
        defer { free(resolved) }
        let exe = resolved.map { String(cString: $0) } ?? CommandLine.arguments[0]
        return "\(exe)\t\(BankCache.stamp(URL(fileURLWithPath: exe)))"
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

/// What a practice test is drawn from: one bank, found usable, and the lessons it links to.
/// Read afresh, `root`'s bank holds every question; from the cache, only those the attempt needs,
/// read as ``plan(_:seed:)`` draws them (or ``include(_:)`` names them).
public struct TestContent: Sendable {
    /// The bank's lessons and the bank.
    public private(set) var root: ContentRoot
    /// The bank's file, relative to the root.
    public let file: String
    private var cached: CachedBank?
    private let saving: CacheWrite?

    init(root: ContentRoot, file: String, cached: CachedBank?, saving: CacheWrite?) {
        self.root = root
        self.file = file
        self.cached = cached
        self.saving = saving
    }

    /// Waits until a bank read afresh is written to the cache (at once when it came from there).
    /// A command calls it before it ends, so the next run finds the bank cached.
    public func waitUntilCached() {
        saving?.group.wait()
    }

    /// The bank, with the questions read so far.
    public var bank: Bank { root.banks[0] }

    /// Whether it came from the cache.
    public var isCached: Bool { cached != nil }

    private struct Damaged: Error {}

    /// The attempt of `test` drawn with `seed`, the same whether the bank was read afresh or from the
    /// cache; the drawn questions join `root`'s bank.
    public mutating func plan(_ test: PracticeTest, seed: UInt64) -> [SessionQuestion] {
        if let cached {
            var drawn: [Question] = []
            if let draw = cached.draw(test),
               let items = try? AttemptPlan.test(draw, root: root, seed: seed, fetch: { (positions: [Int]) throws(Damaged) in
                   guard let questions = cached.questions(at: positions) else { throw Damaged() }
                   drawn = questions
                   return questions
               }) {
                root.banks[0].questions = drawn
                return items
            }
            readAfresh()
        }
        return AttemptPlan.test(test, in: bank, root: root, seed: seed)
    }

    /// Makes sure `root`'s bank holds the questions with these ids (an attempt's, read back to resume it).
    public mutating func include(_ ids: [String]) {
        guard let cached else { return }
        if let positions = cached.positions(of: ids), let questions = cached.questions(at: positions) {
            root.banks[0].questions = questions
        } else {
            readAfresh()
        }
    }

    /// A cache file that proves damaged half way: the same files read plainly (they were found usable as they are).
    private mutating func readAfresh() {
        cached = nil
        root = ContentRoot.load(at: root.url, only: root.files)
    }
}

/// The cache file being written for a bank read afresh.
final class CacheWrite: @unchecked Sendable {
    let group = DispatchGroup()
}

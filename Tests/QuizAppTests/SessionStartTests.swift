import Foundation
import QuizApp
import QuizKit
import QuizLint
import QuizRecords
import Testing

/// A practice test reads only the bank it is drawn from and the lessons that bank links to, refuses
/// the bank for what makes it unusable, and starts the second time from the bank's cached index.
@Suite(.timeLimit(.minutes(1))) struct SessionStartTests {
    /// Files beside the demo course that a test of the demo bank must not read: a bank that is not
    /// even YAML, a bank with a lint error, and a lesson that is not UTF-8.
    static let strangers = [
        "Lessons/demo.md": AppFixture.lesson,
        "Quizzes/demo.yaml": AppFixture.bank,
        "Quizzes/broken.yaml": "quiz: broken\ntitle: [unclosed\n",
        "Quizzes/other.yaml": "quiz: other\ntitle: Other\nquestions:\n  - {id: o, section: nowhere, type: truefalse, prompt: P, answer: true}\n",
        "Lessons/latin1.md": "# Caf\u{E9}\n",
    ]

    /// The demo bank read for a test, once its cache file is written.
    static func content(_ fixture: AppFixture) throws -> TestContent {
        let content = try #require(try fixture.course.testContent(bank: "demo", cacheFolder: fixture.folder.appendingPathComponent("cache")))
        content.waitUntilCached()
        return content
    }

    @Test func onlyTheBankAndItsLessonsAreRead() throws {
        var files = Self.strangers
        let fixture = try AppFixture(files: files)
        defer { withExtendedLifetime(fixture) {} }
        try Data([0x23, 0x20, 0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: fixture.folder.appendingPathComponent("Lessons/latin1.md"))
        #expect(Linter.lint(ContentRoot.load(at: fixture.folder), configuration: Configuration()).errors > 0,
                "the course has errors elsewhere")
        let content = try Self.content(fixture)
        #expect(content.root.files == ["Lessons/demo.md", "Quizzes/demo.yaml"])
        #expect(content.bank.questions.map(\.id) == ["q1", "q2", "q3"])
        // A bank naming another lesson's section reads that lesson too.
        files["Quizzes/demo.yaml"] = AppFixture.bank.replacingOccurrences(of: "section: beta", with: "section: extra#more")
        files["Lessons/extra.md"] = "# Extra\n\n## More\n\nText.\n"
        let linked = try AppFixture(files: files)
        defer { withExtendedLifetime(linked) {} }
        #expect(try Self.content(linked).root.files == ["Lessons/demo.md", "Lessons/extra.md", "Quizzes/demo.yaml"])
    }

    @Test func aCourseWithoutTheBankLeavesTheMessageToTheWholeRoot() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        let cache = fixture.folder.appendingPathComponent("cache")
        #expect(try fixture.course.testContent(bank: "nothing", cacheFolder: cache) == nil)
        #expect(try fixture.course.testContent(bank: "../Lessons/demo", cacheFolder: cache) == nil)
    }

    /// What the loader or the bank's own links find keeps the bank from a test; each case names the rule.
    @Test(arguments: [
        ("answer: B", "answer: E", RuleID.answerKey),                        // an answer naming no choice
        ("section: beta", "section: gamma", RuleID.sectionLink),             // a section its lesson lacks
        ("pass: \"50%\"", "pass: \"50%\", penalty: 3", RuleID.invalidValue), // a broken test definition
        ("pass: \"50%\"", "pass: \"50%\", from: {sections: [gamma]}", RuleID.testSelection), // an unknown section in the pool
    ])
    func aBankWithAnErrorOfItsOwnIsRefused(_ original: String, _ edited: String, _ rule: RuleID) throws {
        let bank = AppFixture.bank.replacingOccurrences(of: original, with: edited)
        try #require(bank != AppFixture.bank)
        let fixture = try AppFixture(files: ["Lessons/demo.md": AppFixture.lesson, "Quizzes/demo.yaml": bank])
        defer { withExtendedLifetime(fixture) {} }
        for run in 1...2 {
            do {
                _ = try Self.content(fixture)
                Issue.record("run \(run): a bank with a \(rule.rawValue) error was accepted")
            } catch {
                guard case .lintErrors(let file, let report) = error as? BankRefusal else {
                    Issue.record("expected lint errors, got \(error)")
                    continue
                }
                #expect(file == "Quizzes/demo.yaml")
                #expect(report.findings.map(\.rule).contains(rule), "run \(run): \(report.findings)")
            }
        }
    }

    @Test func aBankThatIsNotYAMLIsRefusedWithWhereItBreaks() throws {
        let fixture = try AppFixture(files: ["Lessons/demo.md": AppFixture.lesson, "Quizzes/demo.yaml": "quiz: demo\ntitle: [oops\n"])
        defer { withExtendedLifetime(fixture) {} }
        let refusal = #expect(throws: BankRefusal.self) { _ = try Self.content(fixture) }
        guard case .lintErrors(_, let report) = refusal else {
            Issue.record("expected lint errors, got \(String(describing: refusal))")
            return
        }
        #expect(report.findings.map(\.rule) == [.yamlSyntax])
    }

    /// The rule changed deliberately: lint's rules about how well a bank is written, or how it sits
    /// with the rest of the course, are `quiz lint`'s business, even at level error.
    @Test func aRuleOnlyLintChecksNeverKeepsALearnerFromATest() throws {
        let fixture = try AppFixture(files: [
            "Lessons/demo.md": AppFixture.lesson,
            "Quizzes/demo.yaml": AppFixture.bank.replacingOccurrences(of: "    explanation: Because.\n", with: ""),
            ".quizlint.yaml": "rules:\n  missing-explanation: error\n",
        ])
        defer { withExtendedLifetime(fixture) {} }
        let lint = Linter.lint(fixture.root, configuration: Configuration.load(root: fixture.folder))
        #expect(lint.findings.contains { $0.rule == .missingExplanation && $0.severity == .error })
        #expect(try Self.content(fixture).bank.questions.count == 3)
    }

    @Test func aLevelTheConfigurationLowersNoLongerBlocks() throws {
        let bank = AppFixture.bank.replacingOccurrences(of: "section: beta", with: "section: gamma")
        let fixture = try AppFixture(files: ["Lessons/demo.md": AppFixture.lesson, "Quizzes/demo.yaml": bank,
                                             ".quizlint.yaml": "rules:\n  section-link: warning\n"])
        defer { withExtendedLifetime(fixture) {} }
        #expect(try Self.content(fixture).bank.id == "demo")
    }

    @Test func theSecondRunDrawsTheSameAttemptFromTheCache() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        var first = try Self.content(fixture)
        #expect(!first.isCached)
        let test = try #require(first.bank.tests.first)
        var second = try Self.content(fixture)
        #expect(second.isCached)
        #expect(second.bank.questions.isEmpty, "nothing but the index read yet")
        for seed in UInt64(1)...10 {
            let a = first.plan(test, seed: seed), b = second.plan(test, seed: seed)
            #expect(a.map(\.question) == b.map(\.question) && a.map(\.presentation) == b.map(\.presentation))
            #expect(a.map(\.sectionTitle) == b.map(\.sectionTitle) && a.map(\.review) == b.map(\.review))
        }
    }

    @Test func anEditedBankOrLessonIsReadAndCheckedAgain() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try Self.content(fixture)
        try "# Unrelated\n\n## One\n\nText.\n".write(to: fixture.folder.appendingPathComponent("Lessons/unrelated.md"),
                                                    atomically: true, encoding: .utf8)
        #expect(try Self.content(fixture).isCached, "a lesson the bank does not link to changes nothing")
        // The lesson loses the section the bank's q3 names: the cached verdict no longer holds.
        try "# Demo\n\n## Alpha\n\nAlpha text.\n".write(to: fixture.folder.appendingPathComponent("Lessons/demo.md"),
                                                       atomically: true, encoding: .utf8)
        #expect(throws: BankRefusal.self) { _ = try Self.content(fixture) }
        try AppFixture.lesson.write(to: fixture.folder.appendingPathComponent("Lessons/demo.md"), atomically: true, encoding: .utf8)
        #expect(try !Self.content(fixture).isCached)
        try AppFixture.bank.replacingOccurrences(of: "answer: B", with: "answer: C")
            .write(to: fixture.folder.appendingPathComponent("Quizzes/demo.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: BankRefusal.self) { _ = try Self.content(fixture) }
    }

    @Test func anAttemptFromTheCacheIsSubmittedAndResumedWhole() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try Self.content(fixture)
        var content = try Self.content(fixture)
        #expect(content.isCached)
        let test = try #require(content.bank.tests.first)
        var runner = try TestRunner.start(test, from: &content, seed: 4, timed: false, store: fixture.store, learner: "ada")
        guard case .quit = try runner.run(on: ScriptedTerminal(["t", "quit"])) else {
            Issue.record("expected the attempt to stop with quit")
            return
        }
        var again = try Self.content(fixture)
        #expect(again.isCached)
        again.include(try fixture.store.questions(of: runner.attempt.id).map(\.questionID))
        let saved = try StoredAttempt(try #require(try fixture.store.attempt(id: runner.attempt.id)), store: fixture.store, root: again.root)
        #expect(saved.items.map(\.question.id).sorted() == ["q1", "q2", "q3"])
        var resumed = TestRunner.resume(saved, root: again.root, store: fixture.store)
        guard case .finished(let report) = try resumed.run(on: ScriptedTerminal(["t", "t", "t", "y"])) else {
            Issue.record("expected the resumed attempt to finish")
            return
        }
        #expect(report.questions.count == 3)
        #expect(report.lessons.map(\.id) == ["demo"])
    }

    /// The command line opens the store beside the draw and records the attempt while the first question
    /// is shown: the attempt is stored before the first line is read, and every response after it.
    @Test func anAttemptRecordedWhileItsFirstQuestionIsShownIsStoredBeforeALineIsRead() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        _ = try Self.content(fixture)
        var content = try Self.content(fixture)
        let test = try #require(content.bank.tests.first)
        let location = StoreLocation(named: fixture.folder.appendingPathComponent("store/quiz.sqlite").path)
        var runner = try TestRunner.start(test, from: &content, seed: 4, timed: false, opening: StoreOpening(location), learner: "ada")
        // "a" answers a single-choice question; on a true/false one it is refused and "t" answers.
        let terminal = StoreWatchingTerminal(["a", "t", "quit"], store: fixture.store)
        guard case .quit = try runner.run(on: terminal) else {
            Issue.record("expected the attempt to stop with quit")
            return
        }
        #expect(terminal.inProgressAtFirstRead == runner.attempt.id, "stored before the first line was read")
        #expect(try fixture.store.questions(of: runner.attempt.id).count == 3)
        #expect(try !fixture.store.responses(of: runner.attempt.id).compactMap(\.response).isEmpty)
        #expect(try fixture.store.attempt(id: runner.attempt.id)?.learner == "ada")
    }

    /// A store that cannot be used is refused before anything of the test is shown, as when it was opened first.
    @Test func aRefusedStoreStopsTheTestBeforeItStarts() throws {
        let fixture = try AppFixture()
        defer { withExtendedLifetime(fixture) {} }
        var content = try Self.content(fixture)
        let test = try #require(content.bank.tests.first)
        let file = fixture.folder.appendingPathComponent("not-a-store.sqlite")
        try Data("attempts:\n  - this is not a database\n".utf8).write(to: file)
        let opening = StoreOpening(StoreLocation(named: file.path))
        #expect(throws: StoreError.self) {
            _ = try TestRunner.start(test, from: &content, seed: 4, timed: false, opening: opening, learner: "ada")
        }
        #expect(try Data(contentsOf: file) == Data("attempts:\n  - this is not a database\n".utf8), "left as it was")
    }
}

/// A scripted terminal that notes which attempt the store holds in progress when the first line is asked for.
final class StoreWatchingTerminal: SessionTerminal {
    private let script: ScriptedTerminal
    private let store: any AttemptStore
    private(set) var inProgressAtFirstRead: String?
    private var asked = false

    init(_ lines: [String], store: any AttemptStore) {
        script = ScriptedTerminal(lines)
        self.store = store
    }

    var now: Double { script.now }
    func present(_ event: SessionEvent) { script.present(event) }
    func nextLine(deadline: Double?) -> LineOutcome {
        if !asked {
            asked = true
            inProgressAtFirstRead = try? store.latestInProgress(kind: .test)?.id
        }
        return script.nextLine(deadline: deadline)
    }
}

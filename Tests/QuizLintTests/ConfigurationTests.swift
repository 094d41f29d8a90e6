import Foundation
import QuizKit
import QuizLint
import Testing

/// `.quizlint.yaml` levels and `# quizlint: disable=` comments, as an author uses them.
@Suite struct ConfigurationTests {
    static let lesson = "# Demo\n\n## Alpha\n\nText.\n"

    /// A bank whose second question has no explanation and a choice "None of the above".
    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - id: one
            section: alpha
            prompt: First?
            choices: [Red, Blue]
            answer: A
            explanation: Red.
          - id: two
            section: alpha
            prompt: Second?
            choices: [Red, None but blue, None of the above]
            answer: B

        """

    static func lint(bank: String = bank, config: String? = nil, lesson: String = lesson) throws -> LintReport {
        let fixture = try ExampleRoot(RuleExample(bank: bank, lesson: lesson, config: config))
        defer { fixture.remove() }
        return Linter.lint(ContentRoot.load(at: fixture.url), configuration: Configuration.load(root: fixture.url))
    }

    static func rules(_ report: LintReport) -> [String] {
        report.findings.map { "\($0.rule.rawValue):\($0.severity.rawValue)" }.sorted()
    }

    @Test func defaultsWithoutAConfiguration() throws {
        #expect(Self.rules(try Self.lint()) == ["all-of-the-above:warning", "missing-explanation:warning"])
    }

    @Test func aConfigurationChangesLevelsAndTurnsRulesOff() throws {
        let report = try Self.lint(config: "rules:\n  missing-explanation: off\n  all-of-the-above: error\n")
        #expect(Self.rules(report) == ["all-of-the-above:error"])
        #expect(report.fails(strict: false))
    }

    @Test func aMisspeltRuleInTheConfigurationIsReported() throws {
        let report = try Self.lint(config: "rules:\n  missing-explantion: off\n")
        let finding = try #require(report.findings.first { $0.file == ".quizlint.yaml" })
        #expect(finding.rule == .invalidValue)
        #expect(finding.line == 2 && finding.column == 3)
        #expect(finding.message.contains("did you mean \"missing-explanation\"?"))
    }

    @Test func aBadLevelIsReported() throws {
        let report = try Self.lint(config: "rules:\n  test-time: loud\n")
        #expect(report.findings.contains { $0.file == ".quizlint.yaml" && $0.rule == .invalidValue && $0.message.contains("error, warning or off") })
    }

    @Test func aCommentAtTheEndOfALineSilencesThatLine() throws {
        let bank = Self.bank.replacingOccurrences(of: "choices: [Red, None but blue, None of the above]",
                                                  with: "choices: [Red, None but blue, None of the above]  # quizlint: disable=all-of-the-above")
        #expect(Self.rules(try Self.lint(bank: bank)) == ["missing-explanation:warning"])
    }

    @Test func aCommentOnItsOwnLineSilencesTheWholeQuestionThatFollows() throws {
        let bank = Self.bank.replacingOccurrences(of: "  - id: two", with: "  # quizlint: disable=missing-explanation,all-of-the-above\n  - id: two")
        #expect(Self.rules(try Self.lint(bank: bank)).isEmpty)
    }

    @Test func disableAllSilencesEveryRuleOfThatQuestionOnly() throws {
        var bank = Self.bank.replacingOccurrences(of: "  - id: two", with: "  # quizlint: disable=all\n  - id: two")
        bank = bank.replacingOccurrences(of: "    explanation: Red.\n", with: "")
        #expect(Self.rules(try Self.lint(bank: bank)) == ["missing-explanation:warning"], "question one is still checked")
    }

    @Test func anUnknownRuleInACommentIsReported() throws {
        let bank = Self.bank.replacingOccurrences(of: "  - id: two", with: "  # quizlint: disable=no-such-rule\n  - id: two")
        let report = try Self.lint(bank: bank)
        #expect(report.findings.contains { $0.rule == .invalidValue && $0.message.contains("unknown rule \"no-such-rule\"") })
    }

    @Test func aMarkdownCommentSilencesTheHeadingAfterIt() throws {
        let lesson = "# Demo\n\n## Alpha\n\nText.\n\n<!-- quizlint: disable=section-coverage -->\n## Beta\n\nMore.\n\n## Gamma\n\nMore.\n"
        let report = try Self.lint(lesson: lesson)
        let coverage = report.findings.filter { $0.rule == .sectionCoverage }.map(\.line)
        #expect(coverage == [12], "Beta is silenced, Gamma is not")
    }

    /// A bank whose one question's key is the longest choice, 1.5 times the longest distractor.
    static let longKeyBank = """
        quiz: demo
        title: Demo
        questions:
          - id: one
            section: alpha
            prompt: First?
            choices: [Red and blue mixed, Yellow Green, Red]
            answer: A
            explanation: Purple.

        """

    @Test func aRuleTakesItsLevelAndOptionsFromOneMapping() throws {
        #expect(Self.rules(try Self.lint(bank: Self.longKeyBank)) == ["longest-choice-key:warning"])
        let raised = try Self.lint(bank: Self.longKeyBank, config: "rules:\n  longest-choice-key: {level: error, ratio: 1.2}\n")
        #expect(Self.rules(raised) == ["longest-choice-key:error"])
        let relaxed = try Self.lint(bank: Self.longKeyBank, config: "rules:\n  longest-choice-key:\n    ratio: 1.6\n")
        #expect(Self.rules(relaxed).isEmpty, "a key 1.5 times the longest distractor is under a ratio of 1.6")
    }

    @Test func aWordListReplacesTheDefaultWords() throws {
        let bank = Self.longKeyBank.replacingOccurrences(of: "[Red and blue mixed, Yellow Green, Red]", with: "[Purple, Never green, Seldom red]")
        #expect(Self.rules(try Self.lint(bank: bank)) == ["absolute-words:warning"])
        let config = "rules:\n  absolute-words:\n    words: [Seldom, rarely]\n"
        let report = try Self.lint(bank: bank, config: config)
        let finding = try #require(report.findings.first)
        #expect(report.findings.count == 1 && finding.rule == .absoluteWords)
        #expect(finding.message.contains("\"seldom\" in \"Seldom red\""))
    }

    @Test(arguments: [
        ("  longest-choice-key: {ratoi: 2}\n", RuleID.unknownKey, "has no option \"ratoi\"; its keys are level, ratio; did you mean \"ratio\"?"),
        ("  missing-explanation: {ratio: 2}\n", RuleID.unknownKey, "rule missing-explanation has no option \"ratio\"; its keys are level"),
        ("  longest-choice-key: {ratio: 0.5}\n", RuleID.invalidValue, "ratio of longest-choice-key must be a number from 1 to 10, not \"0.5\""),
        ("  key-length-bias: {share: half}\n", RuleID.invalidValue, "share of key-length-bias must be a number from 0 to 1, not \"half\""),
        ("  absolute-words: {words: always}\n", RuleID.invalidValue, "words of absolute-words must be a list of single words"),
        ("  negative-stem: {words: [not, \"but not\"]}\n", RuleID.invalidValue, "words of negative-stem must be a list of single words"),
        ("  truefalse-balance: {level: loud}\n", RuleID.invalidValue, "level of truefalse-balance must be error, warning or off, not \"loud\""),
    ])
    func aBadOptionIsReportedWhereItIsWritten(config: String, rule: RuleID, message: String) throws {
        let report = try Self.lint(bank: Self.longKeyBank, config: "rules:\n" + config)
        let finding = try #require(report.findings.first { $0.file == ".quizlint.yaml" }, "\(report.findings)")
        #expect(finding.rule == rule)
        #expect(finding.line == 2)
        #expect(finding.message.contains(message), "\(finding.message)")
        #expect(report.findings.contains { $0.rule == .longestChoiceKey && $0.severity == .warning },
                "a bad option leaves the rule at its defaults")
    }
}

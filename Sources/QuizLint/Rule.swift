import QuizKit
import QuizYAML

/// A lint rule: its description and examples, and, for rules that look
/// across questions, banks and lessons, the check itself.
///
/// Rules about a single node (syntax, keys, values, answers, counts) are
/// found by the loader while it reads a file; their `check` returns nothing.
///
/// Rules walk a bank's questions by index (`bank.questions[qi].prompt`) rather than
/// with `for q in bank.questions`, which copies every Question, a dozen references
/// retained and released, for each rule: on a large bank that cost as much as the
/// work of some rules. For the same reason they test `flaw == nil` and `kind.type`,
/// stored values, rather than `isValid` and `type`, getters of another module that
/// need a copy of the question to be called.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Findings over the whole loaded root, at their default severity.
    static func check(_ root: ContentRoot) -> [Finding]
    /// Findings with the options `.quizlint.yaml` set; only rules with options implement it.
    static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding]
}

extension Rule {
    public static func check(_ root: ContentRoot) -> [Finding] { [] }
    public static func check(_ root: ContentRoot, settings: RuleSettings) -> [Finding] { check(root) }
}

/// Every lint rule, in the order of the contract's table.
public enum RuleCatalog {
    public static let all: [any Rule.Type] = [
        YAMLSyntaxRule.self, DuplicateKeyRule.self, UnknownKeyRule.self, InvalidValueRule.self,
        MissingFieldRule.self, DuplicateIDRule.self, AnswerKeyRule.self, DuplicateChoiceRule.self,
        ChoiceCountRule.self, SectionLinkRule.self, TestSelectionRule.self, SectionCoverageRule.self,
        TestTimeRule.self, MissingExplanationRule.self, AllOfTheAboveRule.self, AnswerPositionBiasRule.self,
        LongestChoiceKeyRule.self, KeyLengthBiasRule.self, TrueFalseBalanceRule.self, AbsoluteWordsRule.self,
        NegativeStemRule.self, DuplicatePromptRule.self,
    ]

    public static func rule(_ id: RuleID) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}

extension ContentRoot {
    /// Banks that parsed, for rules that look across files.
    var usableBanks: [Bank] { banks.filter { !brokenFiles.contains($0.file) } }

    func finding(_ file: String, _ mark: Mark, _ rule: RuleID, _ message: String) -> Finding {
        Finding(file: file, line: mark.line, column: mark.column, rule: rule, message: message)
    }
}

extension RuleID {
    /// The severity the rule's description gives its findings when `.quizlint.yaml` says nothing.
    public var defaultSeverity: Severity {
        RuleCatalog.rule(self)?.description.defaultSeverity ?? .error
    }
}

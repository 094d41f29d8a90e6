/// One problem found in a content file: the unit of lint output.
///
/// `file` is relative to the content root; `line` and `column` are 1-based.
public struct Finding: Sendable, Hashable, Codable {
    public var file: String
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var rule: RuleID
    public var message: String

    /// Without a severity, a finding is an error when it makes content unusable and a warning
    /// otherwise; lint then gives it the severity its configuration sets.
    public init(file: String, line: Int, column: Int, severity: Severity? = nil, rule: RuleID, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity ?? (rule.makesContentUnusable ? .error : .warning)
        self.rule = rule
        self.message = message
    }

    /// The order lint prints findings in: file, line, column, then rule and message for a stable tie-break.
    public static func sortOrder(_ a: Finding, _ b: Finding) -> Bool {
        (a.file, a.line, a.column, a.rule.rawValue, a.message) < (b.file, b.line, b.column, b.rule.rawValue, b.message)
    }
}

public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning, error

    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// The lint rules. Their ids are part of the contract.
public enum RuleID: String, Sendable, Hashable, Codable, CaseIterable {
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case unknownKey = "unknown-key"
    case invalidValue = "invalid-value"
    case missingField = "missing-field"
    case duplicateID = "duplicate-id"
    case answerKey = "answer-key"
    case duplicateChoice = "duplicate-choice"
    case choiceCount = "choice-count"
    case sectionLink = "section-link"
    case testSelection = "test-selection"
    case sectionCoverage = "section-coverage"
    case testTime = "test-time"
    case missingExplanation = "missing-explanation"
    case allOfTheAbove = "all-of-the-above"
    case answerPositionBias = "answer-position-bias"
    case longestChoiceKey = "longest-choice-key"
    case keyLengthBias = "key-length-bias"
    case trueFalseBalance = "truefalse-balance"
    case absoluteWords = "absolute-words"
    case negativeStem = "negative-stem"
    case duplicatePrompt = "duplicate-prompt"

    /// Whether this problem, found by the loader inside a question or a test, leaves it
    /// unusable: a session never asks such a question or draws such a test. This is the
    /// loader's verdict about the content; lint configuration never changes it.
    public var makesContentUnusable: Bool {
        switch self {
        case .yamlSyntax, .duplicateKey, .unknownKey, .invalidValue, .missingField, .duplicateID, .answerKey,
             .duplicateChoice, .choiceCount, .sectionLink, .testSelection: true
        default: false
        }
    }
}

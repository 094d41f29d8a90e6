import QuizKit

/// What a lint rule finds, in words, with examples that trigger it and examples that do not.
///
/// The examples are the rule's tests. In a triggering example, each `↓`
/// marks the exact place where a finding of this rule must be reported.
public struct RuleDescription: Sendable {
    public var id: RuleID
    /// What its findings are when `.quizlint.yaml` says nothing about the rule.
    public var defaultSeverity: Severity
    public var summary: String
    public var triggering: [RuleExample]
    public var nonTriggering: [RuleExample]
    /// The thresholds `.quizlint.yaml` may set for this rule.
    public var options: [RuleOption]

    public init(id: RuleID, defaultSeverity: Severity, summary: String, options: [RuleOption] = [],
                triggering: [RuleExample], nonTriggering: [RuleExample]) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.options = options
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A small content root for one rule example: a bank, and optionally a lesson and a `.quizlint.yaml`.
///
/// Without a lesson, examples use `RuleExample.defaultLesson`, a lesson `demo` with the sections
/// `alpha` and `beta`.
public struct RuleExample: Sendable, CustomStringConvertible {
    public var files: [String: String]

    public init(bank: String, lesson: String? = nil, config: String? = nil, extra: [String: String] = [:]) {
        files = extra
        files["Quizzes/demo.yaml"] = bank
        files["Lessons/demo.md"] = lesson ?? Self.defaultLesson
        if let config { files[".quizlint.yaml"] = config }
    }

    public static let defaultLesson = """
        # Demo

        ## Alpha

        Alpha text.

        ## Beta

        Beta text.

        """

    public var description: String { files["Quizzes/demo.yaml"] ?? "" }
}

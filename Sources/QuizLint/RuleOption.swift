/// A threshold of a rule that `.quizlint.yaml` may set, with its default.
///
/// A number option carries the range it must fall in, so a configured value
/// outside it is a finding on `.quizlint.yaml` rather than a rule that silently
/// never (or always) fires.
public struct RuleOption: Sendable {
    /// A value an option takes: a number, or a list of words.
    public enum Value: Sendable, Equatable {
        case number(Double)
        case words([String])
    }

    public var name: String
    public var summary: String
    public var defaultValue: Value
    /// For a number option, the values it accepts.
    public var range: ClosedRange<Double>?

    /// A number option, such as a ratio or a minimum count.
    public static func number(_ name: String, _ defaultValue: Double, in range: ClosedRange<Double>, summary: String) -> RuleOption {
        RuleOption(name: name, summary: summary, defaultValue: .number(defaultValue), range: range)
    }

    /// A list-of-words option, matched case-insensitively as whole words.
    public static func words(_ name: String, _ defaultValue: [String], summary: String) -> RuleOption {
        RuleOption(name: name, summary: summary, defaultValue: .words(defaultValue), range: nil)
    }
}

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

/// The options one rule runs with: what `.quizlint.yaml` set, else each option's default.
public struct RuleSettings: Sendable {
    public var values: [String: RuleOption.Value]

    public init(_ values: [String: RuleOption.Value] = [:]) {
        self.values = values
    }

    /// The number an option is set to, or its default.
    public func number(_ option: RuleOption) -> Double {
        if case .number(let n) = values[option.name] ?? option.defaultValue { return n }
        if case .number(let n) = option.defaultValue { return n }
        return 0
    }

    /// The words an option is set to, or its default, in lower case.
    public func words(_ option: RuleOption) -> [String] {
        if case .words(let w) = values[option.name] ?? option.defaultValue { return w.map { $0.lowercased() } }
        if case .words(let w) = option.defaultValue { return w.map { $0.lowercased() } }
        return []
    }
}

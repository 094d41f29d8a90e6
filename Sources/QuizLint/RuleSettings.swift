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

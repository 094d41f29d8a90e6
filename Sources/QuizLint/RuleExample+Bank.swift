extension RuleExample {
    /// A bank `demo` around the given question items (YAML list items indented by two spaces).
    static func questions(_ items: String, tests: String? = nil, header: String = "") -> RuleExample {
        var text = "quiz: demo\ntitle: Demo\n\(header)questions:\n\(items)"
        if let tests { text += "tests:\n\(tests)" }
        return RuleExample(bank: text)
    }

    /// One well-formed single-choice question in section `alpha`, for examples that need a clean neighbour.
    static let plainQuestion = """
          - id: plain
            section: alpha
            prompt: Which one is first?
            choices: [First, Second]
            answer: A
            explanation: First comes first.

        """
}

import QuizKit
import QuizYAML

/// `test-selection`: a test's pool is empty or smaller than it picks, or names an unknown section.
public enum TestSelectionRule: Rule {
    public static let description = RuleDescription(
        id: .testSelection,
        defaultSeverity: .error,
        summary: "A practice test cannot be drawn: its pool is empty or smaller than it picks, a section has fewer questions than per_section, or from names an unknown section.",
        triggering: [
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                ↓pick: 5

            """),
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                ↓from: {sections: [gamma]}

            """),
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                ↓from: {difficulty: [hard]}

            """),
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                ↓pick: {per_section: 2}

            """),
        ],
        nonTriggering: [
            .questions(RuleExample.plainQuestion, tests: """
              - id: practice
                title: Practice
                pick: {per_section: 1}
                from: {sections: [alpha]}

            """),
        ])

    public static func check(_ root: ContentRoot) -> [Finding] {
        var findings: [Finding] = []
        for bank in root.usableBanks {
            for test in bank.tests {
                let fromMark = test.place.keys["from"]
                let pickMark = test.place.keys["pick"] ?? test.place.start
                let name = "test \"\(test.id)\""
                func report(_ mark: Mark, _ message: String) {
                    findings.append(root.finding(bank.file, mark, .testSelection, message))
                }
                var unknown: [String] = []
                for ref in test.pool.sections ?? [] {
                    if case .section = root.resolve(ref, lesson: bank.lesson) { continue }
                    unknown.append(ref)
                }
                if !unknown.isEmpty {
                    report(fromMark ?? test.place.start,
                           "\(name) draws from unknown section\(unknown.count == 1 ? "" : "s") \(unknown.map { "\"\($0)\"" }.joined(separator: ", ")); use section ids of the lesson")
                }
                let draw = TestDraw(test: test, in: bank, root: root)
                if draw.poolIndices.isEmpty {
                    if unknown.isEmpty {
                        report(fromMark ?? test.place.start, "\(name) has an empty pool: no question of the bank matches its from filter")
                    }
                    continue
                }
                switch test.pick {
                case .all:
                    break
                case .count(let n) where n > draw.poolIndices.count:
                    report(pickMark, "\(name) picks \(n) questions but its pool has only \(draw.poolIndices.count); lower pick or add questions")
                case .perSection(let n):
                    for group in draw.groups where group.indices.count < n {
                        let section = group.section?.section ?? bank.questions[group.indices[0]].section
                        report(pickMark, "\(name) picks \(n) per section but section \"\(section)\" has only \(group.indices.count) in the pool; lower per_section or add questions")
                    }
                default:
                    break
                }
            }
        }
        return findings
    }
}

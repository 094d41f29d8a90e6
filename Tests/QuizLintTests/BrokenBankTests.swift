import Foundation
import QuizKit
import QuizLint
import Testing

/// A bank that cannot be read gives its one syntax error and nothing that follows from its absence.
@Suite struct BrokenBankTests {
    @Test func noCoverageWarningsWhileABankCannotBeRead() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-broken-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        for folder in ["Lessons", "Quizzes"] {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("# Demo\n\n## Alpha\n\nText.\n\n## Beta\n\nMore.\n".utf8).write(to: url.appendingPathComponent("Lessons/demo.md"))
        let bank = """
            quiz: demo
            title: Demo
            questions:
              - id: one
                section: alpha
                prompt: P?
                choices: [a, b]
                  answer: A

            """
        try Data(bank.utf8).write(to: url.appendingPathComponent("Quizzes/demo.yaml"))
        let report = Linter.lint(ContentRoot.load(at: url), configuration: Configuration())
        #expect(report.findings.map(\.rule) == [.yamlSyntax], "\(report.findings)")

        // Once the bank reads, coverage is judged again: Beta has no quick check.
        try Data(bank.replacingOccurrences(of: "      answer: A", with: "    answer: A").utf8)
            .write(to: url.appendingPathComponent("Quizzes/demo.yaml"))
        let fixed = Linter.lint(ContentRoot.load(at: url), configuration: Configuration())
        #expect(fixed.findings.map(\.rule).contains(.sectionCoverage))
    }
}

import Foundation
import Testing
import QuizYAML
@testable import QuizKit

/// A YAML syntax error tells the author what to change in plain words, and keeps libyaml's text as a detail.
struct SyntaxAdviceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var yaml: String
        var advice: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "a list item indented too deep", yaml: """
            questions:
              - id: a
                choices:
                  - one
                  - text: two
                    feedback: Not two.
                    - three
            """, advice: "line 7: this `-` item is indented deeper than the list it belongs to; line it up with the `-` on line 5"),
        Case(name: "a list item indented too little", yaml: """
            questions:
              - id: a
                choices:
                  - one
                 - two
            """, advice: "line 5: this `-` item is indented less than the list it belongs to; line it up with the `-` on line 4"),
        Case(name: "a key between two columns", yaml: """
            questions:
              - id: a
                prompt: P
               answer: A
            """, advice: "line 4 starts at column 4, which lines up with nothing above it; line it up with `prompt:` on line 3 (column 5)"),
        Case(name: "a second colon in a value", yaml: "title: Polling: a history\n",
             advice: "line 1: a value holds \": \", which YAML reads as a second key; put the whole value in quotes, or write it as a block after `>-`"),
        Case(name: "an unclosed flow list", yaml: "tags: [a, b\nquiz: x\n",
             advice: "the [ list opened on line 1 is not closed; add `]` at its end, or quote an item that holds a comma, `[` or `]`"),
        Case(name: "a tab for indentation", yaml: "quiz: x\nquestions:\n\t- id: a\n",
             advice: "line 3 is indented with a tab; YAML indents with spaces only, so replace the tab with spaces"),
        Case(name: "a quote closed many lines later", yaml: """
            questions:
              - id: a
                prompt: "What is it?
                answer: A
              - id: b
                prompt: "Why?"
            """, advice: "the quoted value on line 3 is not closed on its line, so YAML reads on to line 6; close the quote on line 3"),
        Case(name: "a quote never closed", yaml: "quiz: x\ntitle: 'Polling\n",
             advice: "the quoted text that starts on line 2, column 8 is never closed; end it with the same quote mark"),
        Case(name: "a backslash in double quotes", yaml: "title: \"C:\\quiz\"\n",
             advice: "line 1: a backslash inside double quotes starts an escape; write \\\\ for a backslash, or use single quotes"),
    ]

    @Test(arguments: cases)
    func plainAdviceThenLibyamlsText(_ c: Case) throws {
        let bytes = Array(c.yaml.utf8)
        let error = try #require(Self.syntaxError(bytes))
        #expect(SyntaxAdvice.message(for: error, in: bytes) == "\(c.advice) (YAML: \(error.message))")
    }

    @Test func withoutFittingAdviceTheMessageIsLibyamlsAlone() throws {
        let bytes = Array("!e!item x\n".utf8)
        let error = try #require(Self.syntaxError(bytes))
        #expect(SyntaxAdvice.message(for: error, in: bytes) == error.message)
    }

    @Test func aBrokenBankIsOneFindingWithAdvice() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-advice-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        try Data("quiz: demo\ntitle: [Demo\n".utf8).write(to: dir.appendingPathComponent("Quizzes/demo.yaml"))
        let root = ContentRoot.load(at: dir)
        #expect(root.findings.map(\.message) == [
            "the [ list opened on line 2 is not closed; add `]` at its end, or quote an item that holds a comma, `[` or `]` (YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8))",
        ])
    }

    static func syntaxError(_ bytes: [UInt8]) -> YAMLError? {
        do {
            _ = try YAMLParser.parse(bytes)
            return nil
        } catch {
            return error
        }
    }
}

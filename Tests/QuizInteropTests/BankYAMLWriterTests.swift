import Foundation
import QuizInterop
import QuizKit
import Testing

/// The YAML the import writes reads back as the same questions, whatever the author's text holds.
@Suite struct BankYAMLWriterTests {
    static let awkward = ["yes", "- dash", "key: value", "# not a comment", "\"quoted\" and 'single'", "back\\slash",
                          "two\nlines", "tab\there", "{flow}", "[list]", "*alias", "&anchor", "!tag", "%directive",
                          "@at", "`tick`", "null", "~", "1.0", "  padded  ", "ünïcødé ✓", "bell\u{7}", "\u{2028}sep"]

    @Test func everyAwkwardStringReadsBackExactly() throws {
        var questions: [Question] = []
        for (index, text) in Self.awkward.enumerated() {
            questions.append(Question(id: "q\(index + 1)", section: "s", prompt: text,
                                      kind: .single(choices: [Choice(text, feedback: text), Choice("other")], answer: 0),
                                      explanation: text, tags: ["t"]))
        }
        questions.append(Question(id: "m", section: "s", prompt: "Match", kind: .match(pairs: [MatchPair("a: b", "c"), MatchPair("yes", "- no")])))
        questions.append(Question(id: "n", section: "s", prompt: "N", kind: .numeric(answer: -2.5, tolerance: .absolute(0.25))))
        questions.append(Question(id: "s2", section: "s", prompt: "S", kind: .short(accepted: [.text("on"), .text("a # b")])))
        questions.append(Question(id: "mu", section: "s", prompt: "M", kind: .multiple(choices: [Choice("a"), Choice("b"), Choice("c")], answers: [0, 2]),
                                  scoring: .partial))
        let yaml = BankYAMLWriter.yaml(id: "demo", title: "Demo: \"x\"", lesson: nil, questions: questions)
        let decoded = try BankFixture.decode(yaml)
        let bank = try #require(decoded.bank)
        #expect(bank.title == "Demo: \"x\"")
        #expect(bank.questions.count == questions.count)
        for (back, original) in zip(bank.questions, questions) {
            #expect(back.prompt == original.prompt)
            #expect(back.kind == original.kind)
            #expect(back.explanation == original.explanation)
            #expect(back.scoring == original.scoring)
            #expect(back.flaw == nil, "\(original.id): \(String(describing: back.flaw))")
        }
    }
}

import Foundation
import QuizInterop
import QuizKit
import Testing

/// The GIFT export: what Moodle would read back from it, and what it has to leave out.
@Suite struct GIFTWriterTests {
    private func gift(_ yaml: String) throws -> GIFTWriter {
        GIFTWriter(try #require(try BankFixture.decode(yaml).bank))
    }

    @Test(arguments: [("~", "\\~"), ("=", "\\="), ("#", "\\#"), ("{", "\\{"), ("}", "\\}"), (":", "\\:"), ("\\", "\\\\")])
    func eachReservedCharacterIsEscaped(character: String, escaped: String) {
        #expect(GIFTWriter.escaped("a\(character)b") == "a\(escaped)b")
    }

    @Test func reservedCharactersAreEscapedInTitlesPromptsAnswersAndFeedback() throws {
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - id: ratio
                section: maths
                prompt: "Is 1:2 {a} ratio?"
                choices:
                  - text: "x = y"
                    feedback: "~ not # quite"
                  - "a:b"
                answer: b
                explanation: "Use a:b"
            """)
        #expect(writer.text.contains("::ratio::[markdown]Is 1\\:2 \\{a\\} ratio?{\n"))
        #expect(writer.text.contains("\t~x \\= y#\\~ not \\# quite\n"))
        #expect(writer.text.contains("\t=a\\:b\n"))
        #expect(writer.text.contains("\t####Use a\\:b\n"))
    }

    @Test func aPromptOverSeveralLinesStaysOnOneLine() throws {
        #expect(GIFTWriter.escaped("one\ntwo") == "one\\ntwo")
    }

    @Test func orderQuestionsAndRegexAnswersAreLeftOutAndNamed() throws {
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - id: steps
                section: s
                type: order
                prompt: Order them.
                items: [one, two, three]
              - id: header
                section: s
                type: short
                prompt: Which header?
                answer: [Last-Event-ID, "/last[- ]event[- ]id/"]
              - id: plain
                section: s
                type: short
                prompt: Which port word?
                answer: [https, HTTPS]
            """)
        #expect(!writer.text.contains("steps") && !writer.text.contains("Order them"))
        #expect(!writer.text.contains("header") && !writer.text.contains("Which header"))
        #expect(writer.text.contains("::plain::[markdown]Which port word?{\n\t=https\n\t=HTTPS\n}"))
        #expect(writer.skipped.count == 2)
        #expect(writer.skipped[0].contains("question steps (order)"))
        #expect(writer.skipped[1].contains("question header (short)"))
    }

    @Test func multipleWeightsFollowTheScoring() throws {
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - id: partial
                section: s
                type: multiple
                prompt: Pick.
                choices: [a, b, c, d]
                answer: [A, B, C]
                scoring: partial
              - id: strict
                section: s
                type: multiple
                prompt: Pick.
                choices: [a, b, c]
                answer: [A, B]
            """)
        #expect(writer.text.contains("{\n\t~%33.33333%a\n\t~%33.33333%b\n\t~%33.33333%c\n\t~%-33.33333%d\n}"))
        #expect(writer.text.contains("{\n\t~%50%a\n\t~%50%b\n\t~%-100%c\n}"))
    }

    @Test func aCategoryLineStartsEachRunOfOneSection() throws {
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - {id: a, section: one, type: truefalse, prompt: A, answer: true}
              - {id: b, section: one, type: truefalse, prompt: B, answer: false}
              - {id: c, section: two, type: numeric, prompt: C, answer: 50, tolerance: "10%"}
              - {id: d, section: one, type: truefalse, prompt: D, answer: true, explanation: Yes}
            """)
        let categories = writer.text.split(separator: "\n").filter { $0.hasPrefix("$CATEGORY:") }
        #expect(categories == ["$CATEGORY: demo/one", "$CATEGORY: demo/two", "$CATEGORY: demo/one"])
        #expect(writer.text.contains("::b::[markdown]B{F}\n\n"))
        #expect(writer.text.contains("::c::[markdown]C{#50:5}\n\n"))
        #expect(writer.text.contains("::d::[markdown]D{T####Yes}\n\n"))
    }
}

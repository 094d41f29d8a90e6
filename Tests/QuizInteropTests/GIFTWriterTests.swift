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

    /// Moodle refuses an imported weight that is not one of its grade options (`question_bank::fraction_options_full`).
    @Test(arguments: 1...8)
    func keyWeightsAreGradesMoodleAccepts(keys: Int) throws {
        let options: Set<String> = ["100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
                                    "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5"]
        let letters = (0..<8).map { String(UnicodeScalar(UInt8(65 + $0))) }
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - id: many
                section: s
                type: multiple
                prompt: Pick.
                choices: [a, b, c, d, e, f, g, h]
                answer: [\(letters.prefix(keys).joined(separator: ", "))]
                scoring: partial
            """)
        let weights = Set(writer.text.split(separator: "%").enumerated().filter { $0.offset % 2 == 1 }.map {
            String($0.element.drop { $0 == "-" })
        })
        #expect(!weights.isEmpty && weights.isSubset(of: options), "\(weights)")
    }

    @Test func idAndTagsAreInTheCommentMoodleWrites() throws {
        let writer = try gift("""
            quiz: demo
            title: Demo
            questions:
              - {id: myid, section: s, type: truefalse, prompt: The answer is true., answer: true, tags: [tag1, tag2]}
            """)
        #expect(writer.text.contains("\n// [id:myid] [tag:tag1] [tag:tag2]\n::myid::"))
    }
}

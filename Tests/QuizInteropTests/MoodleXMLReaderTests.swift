import Foundation
import QuizInterop
import QuizKit
import Testing

/// `quiz import --from moodle-xml`: Moodle's own files and our export read back as questions.
@Suite struct MoodleXMLReaderTests {
    private func read(_ text: String) -> MoodleXMLReader {
        MoodleXMLReader(data: Data(text.utf8), file: "test.xml")
    }

    @Test func everyMoodleFixtureImportsOrIsRefusedWithAFinding() throws {
        guard let folder = MoodleXMLWriterTests.moodleFixtures else {
            print("skipped: ../shared/corpora/moodle_xml is absent")
            return
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(files.count == 14)
        for name in files {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let reader = MoodleXMLReader(data: data, file: name)
            #expect(!reader.entries.isEmpty || !reader.findings.isEmpty || !reader.warnings.isEmpty, "\(name)")
        }
    }

    @Test func moodlesMultichoiceTrueFalseAndShortAnswerFixturesGiveTheirQuestions() throws {
        guard let folder = MoodleXMLWriterTests.moodleFixtures else {
            print("skipped: ../shared/corpora/moodle_xml is absent")
            return
        }
        func reader(_ name: String) throws -> MoodleXMLReader {
            MoodleXMLReader(data: try Data(contentsOf: folder.appendingPathComponent(name)), file: name)
        }
        let multichoice = try reader("multichoice.xml").entries
        #expect(multichoice.count == 1)
        guard case .single(let choices, let answer)? = multichoice.first?.question.kind else {
            Issue.record("multichoice.xml did not give a single-answer question")
            return
        }
        #expect(choices.map(\.text) == ["![British Flag](@@PLUGINFILE@@/flag-uk.jpg) English", "![French flag](@@PLUGINFILE@@/flag-france.jpg) French",
                                        "![German flag](@@PLUGINFILE@@/flag-german.jpg) German", "![Denmark flag](@@PLUGINFILE@@/flag-denmark.jpg) Danish"])
        #expect(answer == 1)
        #expect(choices[1].feedback == "Yes, well done!")

        let truefalse = try reader("truefalse.xml").entries
        #expect(truefalse.count == 2)
        #expect(truefalse.allSatisfy { $0.question.type == .truefalse })

        let short = try reader("categories_reverse_order.xml")
        #expect(short.entries.map(\.question.type) == [.short])
        #expect(short.skipped["essay"] == 1)
    }

    @Test func anExternalEntityIsNeverRead() {
        let reader = read("""
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <quiz><question type="truefalse"><name><text>&e;</text></name>
            <questiontext format="html"><text>&e;</text></questiontext>
            <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
            </question></quiz>
            """)
        #expect(!reader.findings.isEmpty)
        #expect(reader.entries.isEmpty)
        #expect(!reader.findings.map(\.description).joined().contains("root:"))
    }

    @Test func anEmbeddedImageIsKeptAsALinkWithAWarning() {
        let reader = read("""
            <quiz><question type="truefalse"><name><text>Pic</text></name>
            <questiontext format="html"><text><![CDATA[<p>Is this a cat? <img src="@@PLUGINFILE@@/cat.png" alt="cat"></p>]]></text></questiontext>
            <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
            </question></quiz>
            """)
        #expect(reader.entries.first?.question.prompt == "Is this a cat? ![cat](@@PLUGINFILE@@/cat.png)")
        #expect(reader.warnings.contains { $0.contains("@@PLUGINFILE@@") && $0.contains("\"Pic\"") })
    }

    @Test func aMalformedFileIsAFindingWithItsLine() {
        let reader = read("<quiz>\n<question type=\"truefalse\">\n<name></quiz>\n")
        #expect(reader.entries.isEmpty)
        #expect(reader.findings.count == 1)
        #expect((reader.findings.first?.line ?? 0) >= 2)
    }

    @Test func theEveryTypeExportComesBackWithTheSameQuestions() throws {
        let bank = try #require(try BankFixture.decode(try BankFixture.text(of: BankFixture.everyTypeFile), stem: "every-type").bank)
        let writer = MoodleXMLWriter(bank)
        let reader = read(writer.text)
        #expect(reader.findings.isEmpty)
        // A short answer written as a regular expression has no Moodle form, so the export leaves it out.
        let original = bank.questions.filter { question in
            if case .short(let accepted) = question.kind {
                return !accepted.contains { if case .pattern = $0 { true } else { false } }
            }
            return true
        }
        #expect(reader.entries.count == original.count)
        let back = Dictionary(reader.entries.map { ($0.question.id, $0.question) }, uniquingKeysWith: { a, _ in a })
        for question in original {
            guard let got = back[question.id] else {
                Issue.record("\(question.id) did not come back")
                continue
            }
            #expect(got.type == question.type, "\(question.id)")
            #expect(got.prompt == question.prompt, "\(question.id)")
            if case .numeric(let answer, let tolerance) = question.kind, case .numeric(let back, let allowance) = got.kind {
                // Moodle holds one absolute tolerance, so a percentage comes back as its allowance.
                #expect(back == answer && allowance.allowance(for: back) == tolerance.allowance(for: answer), "\(question.id)")
            } else {
                #expect(got.kind == question.kind, "\(question.id)")
            }
            #expect(reader.entries.first { $0.question.id == question.id }?.category == question.section, "\(question.id)")
            #expect(got.kind.choices.map(\.text) == question.kind.choices.map(\.text), "\(question.id)")
            #expect(got.kind.choices.map(\.feedback) == question.kind.choices.map(\.feedback), "\(question.id)")
            #expect((got.explanation ?? "") == (question.explanation ?? "").trimmingCharacters(in: .whitespacesAndNewlines), "\(question.id)")
        }
    }
}

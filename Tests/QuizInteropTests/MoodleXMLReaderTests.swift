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

    static let trueFalse = """
        <quiz><question type="truefalse"><name><text>Sky</text></name>
        <questiontext format="html"><text>The sky is blue.</text></questiontext>
        <answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer>
        </question></quiz>
        """

    @Test func aPlainDoctypeAsHandEditedFilesCarryIsAccepted() {
        for doctype in ["<!DOCTYPE quiz>", "<!DOCTYPE  quiz >"] {
            let reader = read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- exported -->\n\(doctype)\n" + Self.trueFalse)
            #expect(reader.findings.isEmpty, "\(doctype): \(reader.findings)")
            #expect(reader.entries.map(\.question.kind) == [.truefalse(answer: true)], "\(doctype)")
        }
        // A DOCTYPE written as text inside a question is no declaration at all.
        let quoted = read("<quiz><question type=\"truefalse\"><name><text>Doc</text></name>\n"
            + "<questiontext format=\"plain_text\"><text><![CDATA[Is <!DOCTYPE html> needed? <!ENTITY x \"y\">]]></text></questiontext>\n"
            + "<answer fraction=\"100\"><text>true</text></answer><answer fraction=\"0\"><text>false</text></answer></question></quiz>")
        #expect(quoted.findings.isEmpty, "\(quoted.findings)")
        #expect(quoted.entries.first?.question.prompt == "Is <!DOCTYPE html> needed? <!ENTITY x \"y\">")
    }

    @Test func aDoctypeThatDeclaresOrFetchesIsOneFindingWithItsPlaceAndTheFix() {
        let refused = [
            "<!DOCTYPE quiz SYSTEM \"quiz.dtd\">",
            "<!DOCTYPE quiz PUBLIC \"-//X//DTD Quiz//EN\" \"http://example.org/quiz.dtd\">",
            "<!DOCTYPE quiz [<!ELEMENT quiz ANY>]>",
            "<!DOCTYPE quiz [\n<!ENTITY e SYSTEM \"file:///etc/passwd\">\n]>",
        ]
        for doctype in refused {
            let reader = read("<?xml version=\"1.0\"?>\n  \(doctype)\n" + Self.trueFalse.replacingOccurrences(of: "Sky", with: "&e;"))
            #expect(reader.entries.isEmpty, "\(doctype)")
            #expect(reader.findings.map(\.description) == ["test.xml:2:3: error: the DOCTYPE names an external DTD or declares entities, "
                + "which import refuses (they could read other files or expand without end); delete the DOCTYPE, or reduce it to <!DOCTYPE quiz>"],
                "\(doctype)")
        }
        // However long the comments before it, a DOCTYPE is still seen.
        let late = read("<!--" + String(repeating: "padding ", count: 200_000) + "-->\n<!DOCTYPE quiz SYSTEM \"q.dtd\">\n" + Self.trueFalse)
        #expect(late.entries.isEmpty)
        #expect(late.findings.map(\.line) == [2])
        let entity = read("<?xml version=\"1.0\"?>\n<!ENTITY e \"x\">\n" + Self.trueFalse)
        #expect(entity.findings.map(\.line) == [2])
        #expect(entity.findings.first?.message.contains("delete it") == true)
    }

    @Test func billionLaughsIsRefusedBeforeAnythingIsExpanded() {
        var declarations = "<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            declarations += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        let reader = read("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [\n\(declarations)]>\n"
            + Self.trueFalse.replacingOccurrences(of: "The sky is blue.", with: "&lol9;"))
        #expect(reader.entries.isEmpty)
        #expect(reader.findings.count == 1)
        #expect(reader.findings.first?.line == 2)
    }

    @Test func anUndefinedEntityUnderAPlainDoctypeIsNotExpanded() {
        let reader = read("<!DOCTYPE quiz>\n" + Self.trueFalse.replacingOccurrences(of: "Sky", with: "&e;"))
        #expect(reader.entries.isEmpty)
        #expect(reader.findings.count == 1)
        #expect(reader.findings.first?.message.contains("not well-formed") == true, "\(reader.findings)")
    }

    @Test func aUTF16FileIsAFindingNotAGuess() {
        var data = Data([0xFF, 0xFE])
        data.append(Self.trueFalse.data(using: .utf16LittleEndian)!)
        let reader = MoodleXMLReader(data: data, file: "wide.xml")
        #expect(reader.entries.isEmpty)
        #expect(reader.findings.map(\.description) == ["wide.xml:1:1: error: the file is not UTF-8 (it looks like UTF-16); save it as UTF-8, as Moodle writes it"])
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

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import QuizInterop
import QuizKit
import QuizTestSupport
import Testing

private let golden = Golden(besides: #filePath)

/// The Moodle XML export: a document Moodle's importer reads, shaped as Moodle writes its own.
@Suite struct MoodleXMLWriterTests {
    private func moodle(_ yaml: String) throws -> MoodleXMLWriter {
        MoodleXMLWriter(try #require(try BankFixture.decode(yaml).bank))
    }

    private func everyType() throws -> MoodleXMLWriter {
        MoodleXMLWriter(try #require(try BankFixture.decode(try BankFixture.text(of: BankFixture.everyTypeFile), stem: "every-type").bank))
    }

    /// Moodle's own fixtures, `../shared/corpora/moodle_xml` beside the package; nil when absent.
    static let moodleFixtures: URL? = {
        let url = BankFixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/moodle_xml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    @Test func everyTypeBankMatchesItsExpectedFile() throws {
        try golden.check(try everyType().text, matches: "every-type.moodle.xml")
    }

    #if canImport(FoundationXML)
    private func document(_ text: String) throws -> XMLDocument {
        try XMLDocument(data: Data(text.utf8), options: [])
    }

    @Test func theExportIsWellFormedAndHoldsEveryMoodleType() throws {
        let root = try #require(try document(try everyType().text).rootElement())
        #expect(root.name == "quiz")
        let types = root.elements(forName: "question").compactMap { $0.attribute(forName: "type")?.stringValue }
        #expect(Set(types) == ["category", "multichoice", "truefalse", "numerical", "ordering", "matching"])
        #expect(types.filter { $0 == "category" }.count == 5, "one per run of a section: handshake, push, handshake, reconnect, push")
        let categories = try root.nodes(forXPath: "question[@type='category']/category/text").compactMap(\.stringValue)
        #expect(categories.first == "$course$/every-type/handshake")
    }

    @Test func authorTextWithMarkupAmpersandsAndCDATAEndsSurvivesIntact() throws {
        let writer = try moodle("""
            quiz: demo
            title: Demo
            questions:
              - id: tricky
                section: "a<b & c"
                prompt: "Is <b>bold</b> & ]]> safe?"
                choices:
                  - text: "x ]]> y"
                    feedback: "1 < 2 && ]]>"
                  - "a & b"
                answer: a
                explanation: "Ends with ]]>"
                tags: ["t&<"]
            """)
        #expect(!writer.text.contains("x ]]> y"), "a CDATA section is split at ]]>")
        let root = try #require(try document(writer.text).rootElement())
        let question = try #require(try root.nodes(forXPath: "question[@type='multichoice']").first as? XMLElement)
        let prompt = try #require(try question.nodes(forXPath: "questiontext/text").first?.stringValue)
        #expect(prompt == "<p>Is &lt;b&gt;bold&lt;/b&gt; &amp; ]]&gt; safe?</p>\n", "raw HTML is shown as text, not passed through")
        let answers = try question.nodes(forXPath: "answer/text").compactMap(\.stringValue)
        #expect(answers.first?.contains("x ]]&gt; y") == true)
        #expect(try question.nodes(forXPath: "answer/feedback/text").first?.stringValue?.contains("1 &lt; 2 &amp;&amp; ]]&gt;") == true)
        #expect(try question.nodes(forXPath: "generalfeedback/text").first?.stringValue?.contains("Ends with ]]&gt;") == true)
        #expect(try question.nodes(forXPath: "tags/tag/text").first?.stringValue == "t&<")
        #expect(try root.nodes(forXPath: "question[@type='category']/category/text").first?.stringValue == "$course$/demo/a<b & c")
    }

    @Test(.enabled(if: MoodleXMLWriterTests.moodleFixtures != nil,
                   "needs Moodle's XML fixtures in ../shared/corpora/moodle_xml beside the package"))
    func elementNamesMatchMoodlesOwnExportForMultichoiceAndTruefalse() throws {
        let fixtures = try #require(Self.moodleFixtures)
        let ours = try #require(try document(try everyType().text).rootElement())
        for type in ["multichoice", "truefalse"] {
            let theirs = try #require(try document(try String(contentsOf: fixtures.appendingPathComponent("\(type).xml"), encoding: .utf8)).rootElement())
            let theirQuestion = try #require(try theirs.nodes(forXPath: "question[@type='\(type)']").first as? XMLElement)
            let ourQuestion = try #require(try ours.nodes(forXPath: "question[@type='\(type)']").first as? XMLElement)
            // idnumber and tags are written only when a question has them; Moodle's fixtures have none.
            let ourNames = Set(childNames(ourQuestion)).subtracting(["idnumber", "tags"])
            #expect(ourNames.isSubset(of: Set(childNames(theirQuestion))), "\(type): \(ourNames.subtracting(childNames(theirQuestion)))")
            for element in ["name", "questiontext", "generalfeedback", "answer"] {
                let mine = try #require(ourQuestion.elements(forName: element).first)
                let moodles = try #require(theirQuestion.elements(forName: element).first)
                #expect(Set(childNames(mine)).isSubset(of: Set(childNames(moodles)).union(["feedback"])), "\(type)/\(element)")
                #expect(mine.attributes?.map(\.name) == moodles.attributes?.map(\.name), "\(type)/\(element) attributes")
            }
        }
    }

    private func childNames(_ element: XMLElement) -> [String] {
        (element.children ?? []).compactMap { ($0 as? XMLElement)?.name }
    }
    #endif

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/xmllint"), "needs xmllint (libxml2-utils)"))
    func xmllintAcceptsTheExport() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("moodle-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: file) }
        try everyType().text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func regexShortAnswersAreLeftOutAndNamed() throws {
        let writer = try moodle("""
            quiz: demo
            title: Demo
            questions:
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
        #expect(!writer.text.contains("Which header"))
        #expect(writer.text.contains("<question type=\"shortanswer\">"))
        #expect(writer.text.contains("<idnumber>plain</idnumber>"))
        #expect(writer.text.contains("<usecase>0</usecase>"))
        #expect(writer.text.contains("<text>HTTPS</text>"))
        #expect(writer.skipped == ["Quizzes/demo.yaml: question header (short) is left out of the Moodle XML export: Moodle cannot express a regular-expression answer"])
    }

    @Test func multipleFractionsFollowTheScoringAsInTheGIFTExport() throws {
        let writer = try moodle("""
            quiz: demo
            title: Demo
            questions:
              - id: partial
                section: s
                type: multiple
                prompt: Pick.
                choices: [a, b, c, d]
                answer: [a, b, c]
                scoring: partial
              - id: strict
                section: s
                type: multiple
                prompt: Pick.
                choices: [a, b]
                answer: [a]
            """)
        #expect(writer.text.components(separatedBy: "fraction=\"33.33333\"").count - 1 == 3)
        #expect(writer.text.contains("<answer fraction=\"-33.33333\" format=\"html\">"))
        #expect(writer.text.contains("<answer fraction=\"-100\" format=\"html\">"))
        #expect(writer.text.components(separatedBy: "<single>false</single>").count - 1 == 2)
    }

    @Test func cdataSplitsEveryEndMarker() {
        #expect(MoodleXMLWriter.cdata("a]]>b]]>") == "<![CDATA[a]]]]><![CDATA[>b]]]]><![CDATA[>]]>")
    }
}

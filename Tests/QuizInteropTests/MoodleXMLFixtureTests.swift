import Foundation
import QuizInterop
import QuizKit
import Testing

/// Moodle's own XML fixtures (`../shared/corpora/moodle_xml`), read field by field: each question's
/// type, name, text, answers (the choices with positive fraction are the keys), feedback, general
/// feedback and default grade, its category, and what is left out or warned about.
///
/// What the files say that a bank has no place for, and so is checked to be absent: `<penalty>`
/// (Moodle's deduction per retry; a bank's `penalty` belongs to a test and means a wrong answer's
/// cost), `truefalse` answer feedback, the wrong answers of a short-answer question, and
/// `<hidden>`. docs/interop.md lists them.
@Suite(.enabled(if: MoodleXMLWriterTests.moodleFixtures != nil,
                "needs Moodle's XML fixtures in ../shared/corpora/moodle_xml beside the package"))
struct MoodleXMLFixtureTests {
    /// One question as the import should give it.
    struct Expected: Sendable, CustomStringConvertible {
        var name: String
        var id: String? = nil
        var category: String?
        var prompt: String
        var kind: Question.Kind
        var explanation: String? = nil
        var points: Double = 1
        var scoring: ScoringPolicy = .allOrNothing
        var shuffle = true
        var description: String { name }
    }

    /// A fixture: its questions in file order, the questions left out by type, and a piece of each warning.
    struct Fixture: Sendable, CustomStringConvertible {
        var file: String
        var questions: [Expected]
        var skipped: [String: Int] = [:]
        var warnings: [String] = []
        var description: String { file }
    }

    /// A true/false question with Moodle's test wording, as several category fixtures hold.
    static func plainTrueFalse(_ name: String, in category: String?, id: String? = nil) -> Expected {
        Expected(name: "\(name) Question", id: id, category: category, prompt: "Testing \(name) Question", kind: .truefalse(answer: true))
    }

    static let flags = [("British Flag", "flag-uk.jpg", "English"), ("French flag", "flag-france.jpg", "French"),
                        ("German flag", "flag-german.jpg", "German"), ("Denmark flag", "flag-denmark.jpg", "Danish")]
    static let aboutMoodle = "![Informations](@@PLUGINFILE@@/infos.jpg)For further information, see the "
        + "[documentation about Moodle](http://docs.moodle.org/en/About_Moodle)"

    static let fixtures: [Fixture] = [
        Fixture(file: "categories_reverse_order.xml", questions: [
            // Of its three answers only `yes` has credit; the wrong ones have no place in a short answer.
            Expected(name: "Sigma Question", category: "Sigma", prompt: "Testing Sigma Question", kind: .short(accepted: [.text("yes")])),
        ], skipped: ["essay": 1], warnings: ["categories_reverse_order.xml:14: question \"Tau Question\" (essay) left out"]),
        Fixture(file: "category_with_description.xml", questions: [plainTrueFalse("Alpha", in: "Alpha")]),
        Fixture(file: "deprecated_category.xml", questions: [plainTrueFalse("Alpha", in: "Alpha")]),
        Fixture(file: "export_category.xml", questions: [plainTrueFalse("Alpha", in: "Alpha")]),
        Fixture(file: "html_chars_in_idnumbers.xml", questions: [plainTrueFalse("Alpha", in: "Alpha", id: "T & F")]),
        Fixture(file: "nested_categories.xml", questions: [plainTrueFalse("Zeta", in: "Zeta")]),
        Fixture(file: "nested_categories_with_questions.xml", questions: [
            plainTrueFalse("Iota", in: "Iota"), plainTrueFalse("Kappa", in: "Kappa"),
            plainTrueFalse("Lambda", in: "Lambda"), plainTrueFalse("Mu", in: "Mu"),
        ], skipped: ["essay": 1], warnings: ["question \"Kappa Essay Question\" (essay) left out"]),
        Fixture(file: "old_format_file.xml", questions: [plainTrueFalse("Pi", in: "Pi"), plainTrueFalse("Rho", in: "Rho")]),
        Fixture(file: "error_invalid_grades.xml", questions: [
            // Fractions -50, 33, 33.33333, -50, 33.33333: the three positive ones are the keys, and a
            // wrong choice costing less than all is partial scoring.
            Expected(name: "Question with <strong>invalid grades</strong> : x > 1 & x < 2", category: nil,
                     prompt: "Select all prime numbers :",
                     kind: .multiple(choices: ["1", "2", "3", "4", "5"].map { Choice($0) }, answers: [1, 2, 4]),
                     scoring: .partial),
        ], warnings: ["unequal credit (33%, 33.33333%, 33.33333%)"]),
        Fixture(file: "multichoice.xml", questions: [
            Expected(name: "Greeting", category: "Multichoice",
                     prompt: "[Listen to this greeting:](@@PLUGINFILE@@/bonjour.mp3)\\\n\\\nWhat language is being spoken?",
                     kind: .single(choices: flags.enumerated().map { index, flag in
                         Choice("![\(flag.0)](@@PLUGINFILE@@/\(flag.1)) \(flag.2)",
                                feedback: index == 1 ? "Yes, well done!" : "Sorry, listen again.")
                     }, answer: 1)),
        ], warnings: ["\"Greeting\": an embedded file (@@PLUGINFILE@@) is kept as a link"]),
        Fixture(file: "truefalse.xml", questions: [
            Expected(name: "Moodle acronym (False)", category: "TrueFalse",
                     prompt: "Moodle ![Moodle logo](@@PLUGINFILE@@/logo.jpg) is an acronym for Modular Object-Oriented Dynamic Learning Education.",
                     kind: .truefalse(answer: false), explanation: aboutMoodle + "."),
            Expected(name: "Moodle acronym (True)", category: "TrueFalse",
                     prompt: "Moodle ![Moodle logo](@@PLUGINFILE@@/logo.jpg) is an acronym for Modular Object-Oriented Dynamic Learning Environment.",
                     kind: .truefalse(answer: true), explanation: aboutMoodle + "\n\n."),
        ], warnings: ["\"Moodle acronym (False)\": HTML <span> reduced to its text",
                      "\"Moodle acronym (True)\": an embedded file (@@PLUGINFILE@@) is kept as a link"]),
        Fixture(file: "sample_questions_with_old_image_tag.xml", questions: [
            Expected(name: "mcq with image", category: "Default for Test images in backup",
                     prompt: "This is a multichoice question with an image in the old \"image\" field that was used in Moodle 1.9",
                     kind: .single(choices: ["wrong answer", "another wrong answer", "right answer"].map { Choice($0) }, answer: 2)),
        ], skipped: ["cloze": 1], warnings: ["\"mcq with image\": its image moodle.png (Moodle 1.9's <image> field) is not imported",
                                             "question \"cloze question with image\" (cloze) left out"]),
        Fixture(file: "multianswer.xml", questions: [], skipped: ["cloze": 1],
                warnings: ["multianswer.xml:12: question \"cloze with images\" (cloze) left out"]),
        Fixture(file: "broken_cloze_questions.xml", questions: [], skipped: ["cloze": 5],
                warnings: ["question \"Numerical subquestion with buggy answer\" (cloze) left out"]),
    ]

    @Test func everyFixtureHasARow() throws {
        let folder = try #require(MoodleXMLWriterTests.moodleFixtures)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".xml") }
        #expect(Set(files) == Set(Self.fixtures.map(\.file)))
    }

    @Test(arguments: fixtures) func aFixtureGivesItsQuestionsFieldByField(_ fixture: Fixture) throws {
        let folder = try #require(MoodleXMLWriterTests.moodleFixtures)
        let reader = MoodleXMLReader(data: try Data(contentsOf: folder.appendingPathComponent(fixture.file)), file: fixture.file)
        #expect(reader.findings.isEmpty, "\(reader.findings)")
        #expect(reader.skipped == fixture.skipped)
        for warning in fixture.warnings {
            #expect(reader.warnings.contains { $0.contains(warning) }, "no warning with \(warning) in \(reader.warnings)")
        }
        #expect(reader.entries.map(\.title) == fixture.questions.map(\.name))
        for (entry, expected) in zip(reader.entries, fixture.questions) {
            let question = entry.question
            #expect(question.id == (expected.id ?? expected.name), "\(expected)")
            #expect(entry.category == expected.category, "\(expected)")
            #expect(question.prompt == expected.prompt, "\(expected)")
            #expect(question.kind == expected.kind, "\(expected)")
            #expect(question.kind.choices.map(\.feedback) == expected.kind.choices.map(\.feedback), "\(expected)")
            #expect(question.explanation == expected.explanation, "\(expected)")
            #expect(question.points == expected.points, "\(expected)")
            #expect(question.scoring == expected.scoring, "\(expected)")
            #expect(question.shuffle == expected.shuffle, "\(expected)")
        }
    }
}

/// Moodle's XML for the types its fixtures lack, as Moodle's own exporter writes them
/// (`question/format/xml/tests/xmlformat_test.php`): numerical, matching, ordering, and a grade and
/// shuffle that differ from the defaults.
@Suite struct MoodleXMLTypeTests {
    private func read(_ questions: String) -> MoodleXMLReader {
        MoodleXMLReader(data: Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n\(questions)\n</quiz>\n".utf8), file: "t.xml")
    }

    @Test func numericalTakesTheFullCreditAnswerAndItsTolerance() throws {
        let reader = read("""
            <question type="numerical">
              <name><text>Life</text></name>
              <questiontext format="html"><text>What is the answer?</text></questiontext>
              <generalfeedback format="html"><text>Douglas Adams.</text></generalfeedback>
              <defaultgrade>2.5000000</defaultgrade>
              <penalty>0.1000000</penalty>
              <answer fraction="100"><text>42</text><feedback format="html"><text>Well done!</text></feedback><tolerance>0.001</tolerance></answer>
              <answer fraction="0"><text>13</text><feedback format="html"><text>What were you thinking?!</text></feedback><tolerance>1</tolerance></answer>
              <answer fraction="0"><text>*</text><feedback format="html"><text>Completely wrong.</text></feedback><tolerance></tolerance></answer>
            </question>
            """)
        let question = try #require(reader.entries.first?.question)
        #expect(question.kind == .numeric(answer: 42, tolerance: .absolute(0.001)))
        #expect(question.points == 2.5)
        #expect(question.explanation == "Douglas Adams.")
        #expect(reader.warnings.contains { $0.contains("3 answers; imported the one with full credit") })
    }

    @Test func matchingOrderingAndChoiceSettingsComeAcross() throws {
        let reader = read("""
            <question type="matching">
              <name><text>Capitals</text></name>
              <questiontext format="html"><text><![CDATA[<p>Match them.</p>]]></text></questiontext>
              <defaultgrade>3</defaultgrade>
              <shuffleanswers>true</shuffleanswers>
              <subquestion format="html"><text><![CDATA[<p>France</p>]]></text><answer><text>Paris</text></answer></subquestion>
              <subquestion format="html"><text><![CDATA[<p>Italy</p>]]></text><answer><text>Rome</text></answer></subquestion>
              <subquestion format="html"><text></text><answer><text>Berlin</text></answer></subquestion>
            </question>
            <question type="ordering">
              <name><text>Steps</text></name>
              <questiontext format="html"><text>Order them.</text></questiontext>
              <gradingtype>ABSOLUTE_POSITION</gradingtype>
              <answer fraction="2" format="html"><text>Second</text></answer>
              <answer fraction="1" format="html"><text>First</text></answer>
              <answer fraction="3" format="html"><text>Third</text></answer>
            </question>
            <question type="ordering">
              <name><text>Relative</text></name>
              <questiontext format="html"><text>Order these.</text></questiontext>
              <gradingtype>RELATIVE_NEXT_EXCLUDE_LAST</gradingtype>
              <answer fraction="1" format="html"><text>A</text></answer>
              <answer fraction="2" format="html"><text>B</text></answer>
            </question>
            <question type="multichoice">
              <name><text>Fixed</text></name>
              <questiontext format="html"><text>Which?</text></questiontext>
              <single>true</single>
              <shuffleanswers>0</shuffleanswers>
              <answer fraction="100"><text>Yes</text></answer>
              <answer fraction="0"><text>No</text></answer>
            </question>
            """)
        let questions = reader.entries.map(\.question)
        #expect(questions.map(\.id) == ["Capitals", "Steps", "Relative", "Fixed"])
        // A distractor (`<subquestion>` with no text) has no place in a bank's pairs.
        #expect(questions[0].kind == .match(pairs: [MatchPair("France", "Paris"), MatchPair("Italy", "Rome")]))
        #expect(questions[0].points == 3)
        #expect(questions[1].kind == .order(items: [Item("First"), Item("Second"), Item("Third")]))
        #expect(questions[1].scoring == .partial)
        #expect(questions[2].scoring == .partial)
        #expect(reader.warnings.contains { $0.contains("\"Relative\": graded RELATIVE_NEXT_EXCLUDE_LAST in Moodle") })
        #expect(questions[3].shuffle == false)
    }
}

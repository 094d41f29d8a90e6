import QuizKit
import QuizMarkdown

/// A bank as Moodle XML, for `quiz export --format moodle-xml`.
///
/// One `<quiz>` document laid out as Moodle's own XML export (`question/format/xml/format.php`):
/// a `<question type="category">` (`$course$/bank/section`) before each run of questions of one
/// section, then each question with its id as name and id number, its prompt, choices and feedback
/// rendered as XHTML (raw HTML shown as text), its points as default grade and its tags. Order
/// questions become `ordering` questions. Short answers written as regular expressions have no
/// Moodle form; those questions are left out and named in `skipped`.
public struct MoodleXMLWriter: Sendable {
    /// The XML document.
    public let text: String
    /// One line per question left out, naming it and saying why.
    public let skipped: [String]

    public init(_ bank: Bank) {
        var xml = XMLTextWriter()
        var skipped: [String] = []
        var section: String?
        xml.start("quiz")
        for question in bank.questions {
            if case .short(let accepted) = question.kind,
               accepted.contains(where: { if case .pattern = $0 { true } else { false } }) {
                skipped.append("\(bank.file): question \(question.id) (short) is left out of the Moodle XML export: "
                    + "Moodle cannot express a regular-expression answer")
                continue
            }
            if question.section != section {
                section = question.section
                xml.start("question", [("type", "category")])
                xml.start("category")
                xml.element("text", value: "$course$/\(bank.id)/\(question.section)")
                xml.close()
                xml.close()
            }
            Self.write(question, to: &xml)
        }
        xml.close()
        text = xml.text
        self.skipped = skipped
    }

    /// `value` as one or more CDATA sections: a `]]>` in it is split between two sections,
    /// and characters XML cannot carry are dropped.
    public static func cdata(_ value: String) -> String {
        XMLTextWriter.cdata(value)
    }

    /// Moodle's name for the question type.
    static func moodleType(_ kind: Question.Kind) -> String {
        switch kind {
        case .single, .multiple: "multichoice"
        case .truefalse: "truefalse"
        case .short: "shortanswer"
        case .numeric: "numerical"
        case .order: "ordering"
        case .match: "matching"
        }
    }

    static func write(_ question: Question, to xml: inout XMLTextWriter) {
        xml.comment("question: \(question.id)")
        xml.start("question", [("type", moodleType(question.kind))])
        xml.start("name")
        xml.element("text", value: question.id)
        xml.close()
        html("questiontext", XHTMLRenderer.render(question.prompt), to: &xml)
        html("generalfeedback", question.explanation.map { XHTMLRenderer.render($0) } ?? "", to: &xml)
        xml.element("defaultgrade", value: decimal(question.points))
        // Moodle's own default: a third of the mark off per retry in interactive mode.
        xml.element("penalty", value: "0.3333333")
        xml.element("hidden", value: "0")
        xml.element("idnumber", value: question.id)
        answers(question, to: &xml)
        if !question.tags.isEmpty {
            xml.start("tags")
            for tag in question.tags {
                xml.start("tag")
                xml.element("text", value: tag)
                xml.close()
            }
            xml.close()
        }
        xml.close()
    }

    /// `<name format="html"><text><![CDATA[…]]></text></name>`.
    static func html(_ name: String, _ xhtml: String, to xml: inout XMLTextWriter) {
        xml.start(name, [("format", "html")])
        xml.cdataElement("text", value: xhtml)
        xml.close()
    }

    /// An `<answer>` with its text, feedback and any extra elements.
    static func answer(fraction: String, format: String, text: String, feedback: String?,
                       to xml: inout XMLTextWriter, extra: (inout XMLTextWriter) -> Void = { _ in }) {
        xml.start("answer", [("fraction", fraction), ("format", format)])
        if format == "html" {
            xml.cdataElement("text", value: text)
        } else {
            xml.element("text", value: text)
        }
        html("feedback", feedback.map { XHTMLRenderer.render($0) } ?? "", to: &xml)
        extra(&xml)
        xml.close()
    }

    static func answers(_ question: Question, to xml: inout XMLTextWriter) {
        switch question.kind {
        case .single(let choices, let answer):
            choiceSettings(single: true, shuffle: question.shuffle, to: &xml)
            for (index, choice) in choices.enumerated() {
                Self.answer(fraction: index == answer ? "100" : "0", format: "html",
                            text: XHTMLRenderer.inline(choice.text), feedback: choice.feedback, to: &xml)
            }
        case .multiple(let choices, let answers):
            choiceSettings(single: false, shuffle: question.shuffle, to: &xml)
            let keys = Set(answers)
            let right = GIFTWriter.weight(100 / Double(max(keys.count, 1)))
            // As in the GIFT export: Moodle adds the fractions picked and stops at 0; see docs/interop.md.
            let wrong = question.scoring == .partial ? "-" + right : "-100"
            for (index, choice) in choices.enumerated() {
                Self.answer(fraction: keys.contains(index) ? right : wrong, format: "html",
                            text: XHTMLRenderer.inline(choice.text), feedback: choice.feedback, to: &xml)
            }
        case .truefalse(let answer):
            Self.answer(fraction: answer ? "100" : "0", format: "moodle_auto_format", text: "true", feedback: nil, to: &xml)
            Self.answer(fraction: answer ? "0" : "100", format: "moodle_auto_format", text: "false", feedback: nil, to: &xml)
        case .short(let accepted):
            xml.element("usecase", value: "0")
            for case .text(let text) in accepted {
                Self.answer(fraction: "100", format: "moodle_auto_format", text: text, feedback: nil, to: &xml)
            }
        case .numeric(let value, let tolerance):
            Self.answer(fraction: "100", format: "moodle_auto_format", text: GIFTWriter.number(value), feedback: nil,
                        to: &xml) { xml in
                xml.element("tolerance", value: GIFTWriter.number(tolerance.allowance(for: value)))
            }
        case .order(let items):
            xml.element("layouttype", value: "VERTICAL")
            xml.element("selecttype", value: "ALL")
            xml.element("selectcount", value: "0")
            xml.element("gradingtype", value: question.scoring == .partial ? "ABSOLUTE_POSITION" : "ALL_OR_NOTHING")
            xml.element("showgrading", value: "SHOW")
            xml.element("numberingstyle", value: "none")
            // qtype_ordering reads the right order from the order of the answers. ABSOLUTE_POSITION gives the
            // share of items in their place, as `quiz` does under partial scoring.
            for (index, item) in items.enumerated() {
                Self.answer(fraction: String(index + 1), format: "html", text: XHTMLRenderer.inline(item.text),
                            feedback: nil, to: &xml)
            }
        case .match(let pairs):
            xml.element("shuffleanswers", value: "true")
            for pair in pairs {
                xml.start("subquestion", [("format", "html")])
                xml.cdataElement("text", value: XHTMLRenderer.inline(pair.left))
                xml.start("answer")
                xml.element("text", value: pair.right)
                xml.close()
                xml.close()
            }
        }
    }

    static func choiceSettings(single: Bool, shuffle: Bool, to xml: inout XMLTextWriter) {
        xml.element("single", value: single ? "true" : "false")
        xml.element("shuffleanswers", value: shuffle ? "true" : "false")
        xml.element("answernumbering", value: "abc")
    }

    /// A grade as Moodle writes one, with seven decimals.
    static func decimal(_ value: Double) -> String {
        let scaled = Int((value * 10_000_000).rounded())
        let whole = scaled / 10_000_000
        var fraction = String(abs(scaled % 10_000_000))
        fraction = String(repeating: "0", count: 7 - fraction.count) + fraction
        return "\(whole).\(fraction)"
    }
}

import Foundation
import QuizKit

/// A bank written in the YAML DSL, for `quiz import`.
///
/// Every string is double-quoted with YAML's escapes, so no author text (a colon, a `#`,
/// a leading `-`, `yes`, a line break) can change the file's structure or a value's type.
public enum BankYAMLWriter {
    /// The bank's YAML text.
    public static func yaml(id: String, title: String, lesson: String?, questions: [Question]) -> String {
        var out = "quiz: \(quoted(id))\ntitle: \(quoted(title))\n"
        if let lesson { out += "lesson: \(quoted(lesson))\n" }
        out += "questions:\n"
        for question in questions {
            out += "\n  - id: \(quoted(question.id))\n"
            out += "    section: \(quoted(question.section))\n"
            out += "    type: \(question.type.rawValue)\n"
            out += "    prompt: \(quoted(question.prompt))\n"
            switch question.kind {
            case .single(let choices, let answer):
                out += choiceLines(choices)
                out += "    answer: \(letter(answer))\n"
            case .multiple(let choices, let answers):
                out += choiceLines(choices)
                out += "    answer: [\(answers.map(letter).joined(separator: ", "))]\n"
            case .truefalse(let answer):
                out += "    answer: \(answer)\n"
            case .short(let accepted):
                out += "    answer:\n"
                for answer in accepted {
                    switch answer {
                    case .text(let text): out += "      - \(quoted(text))\n"
                    case .pattern(let pattern): out += "      - \(quoted("/" + pattern + "/"))\n"
                    }
                }
            case .numeric(let answer, let tolerance):
                out += "    answer: \(number(answer))\n"
                switch tolerance {
                case .absolute(let d): if d != 0 { out += "    tolerance: \(number(d))\n" }
                case .percent(let p): out += "    tolerance: \(quoted(number(p) + "%"))\n"
                }
            case .order(let items):
                out += "    items:\n" + items.map { "      - \(quoted($0.text))\n" }.joined()
            case .match(let pairs):
                out += "    pairs:\n" + pairs.map { "      - \(quoted($0.left)): \(quoted($0.right))\n" }.joined()
            }
            if question.type == .multiple || question.type == .order || question.type == .match {
                out += "    scoring: \(question.scoring.rawValue)\n"
            }
            // What the source said beyond the defaults: Moodle's default grade, and choices kept in place.
            if question.points != 1 { out += "    points: \(number(question.points))\n" }
            if !question.shuffle, question.type == .single || question.type == .multiple { out += "    shuffle: false\n" }
            if let explanation = question.explanation { out += "    explanation: \(quoted(explanation))\n" }
            if !question.tags.isEmpty { out += "    tags: [\(question.tags.map(quoted).joined(separator: ", "))]\n" }
        }
        return out
    }

    static func choiceLines(_ choices: [Choice]) -> String {
        var out = "    choices:\n"
        for choice in choices {
            if let feedback = choice.feedback {
                out += "      - text: \(quoted(choice.text))\n        feedback: \(quoted(feedback))\n"
            } else {
                out += "      - \(quoted(choice.text))\n"
            }
        }
        return out
    }

    static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + min(max(index, 0), 25))))
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// A YAML double-quoted scalar holding exactly `text`.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

import QuizKit

/// A bank as Moodle's GIFT text, for `quiz export --format gift`.
///
/// The layout follows Moodle's own GIFT export (`question/format/gift/format.php`): a
/// `$CATEGORY:` line before each run of questions of one section, then per question a
/// comment naming it, one with its `[id:…]` and `[tag:…]`s, `::id::` as its title, the prompt marked `[markdown]`, and its answers
/// in braces, one per line. Order questions and short answers written as regular
/// expressions have no GIFT form; they are left out and named in `skipped`.
public struct GIFTWriter: Sendable {
    /// The GIFT text of the questions that could be written.
    public let text: String
    /// One line per question left out, naming it and saying why.
    public let skipped: [String]

    public init(_ bank: Bank) {
        var out = ""
        var skipped: [String] = []
        var section: String?
        for question in bank.questions {
            guard let answers = Self.answers(question) else {
                skipped.append(Self.reason(question, bank: bank))
                continue
            }
            if question.section != section {
                section = question.section
                out += "$CATEGORY: \(bank.id)/\(question.section)\n\n"
            }
            out += "// question: \(question.id)\n"
            // Moodle reads a question's id number and tags back from this comment.
            out += "// " + (["[id:\(question.id)]"] + question.tags.map { "[tag:\($0)]" }).joined(separator: " ") + "\n"
            out += "::\(Self.escaped(question.id))::[markdown]\(Self.escaped(question.prompt))"
            out += answers + "\n\n"
        }
        text = out
        self.skipped = skipped
    }

    /// Escapes the characters GIFT reserves, as Moodle's `repchar` does: a backslash before
    /// `\ ~ = # { } :`, and a line break written `\n` so each question stays on its lines.
    public static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": out += "\\\(character)"
            case "\n", "\r\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out
    }

    /// A weight as Moodle writes one: at most five decimals, no trailing zeros.
    static func weight(_ percent: Double) -> String {
        number((percent * 100_000).rounded() / 100_000)
    }

    /// A number without a trailing `.0`.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    /// The braces and what they hold, or nil for a question GIFT cannot express.
    static func answers(_ question: Question) -> String? {
        var lines: [String] = []
        switch question.kind {
        case .single(let choices, let answer):
            lines = choices.enumerated().map { index, choice in
                (index == answer ? "=" : "~") + escaped(choice.text) + feedback(choice.feedback)
            }
        case .multiple(let choices, let answers):
            let keys = Set(answers)
            guard !keys.isEmpty else { return nil }
            let right = weight(100 / Double(keys.count))
            // Moodle adds the weights of the picked choices and stops at 0; see docs/interop.md.
            let wrong = question.scoring == .partial ? "-" + right : "-100"
            lines = choices.enumerated().map { index, choice in
                "~%\(keys.contains(index) ? right : wrong)%" + escaped(choice.text) + feedback(choice.feedback)
            }
        case .truefalse(let answer):
            return "{\(answer ? "T" : "F")\(general(question.explanation))}"
        case .short(let accepted):
            var texts: [String] = []
            for answer in accepted {
                guard case .text(let text) = answer else { return nil }
                texts.append("=" + escaped(text))
            }
            lines = texts
        case .numeric(let answer, let tolerance):
            return "{#\(number(answer)):\(number(tolerance.allowance(for: answer)))\(general(question.explanation))}"
        case .order:
            return nil
        case .match(let pairs):
            lines = pairs.map { "=" + escaped($0.left) + " -> " + escaped($0.right) }
        }
        if let explanation = question.explanation { lines.append("####" + escaped(explanation)) }
        return "{\n" + lines.map { "\t" + $0 + "\n" }.joined() + "}"
    }

    static func feedback(_ text: String?) -> String {
        text.map { "#" + escaped($0) } ?? ""
    }

    static func general(_ text: String?) -> String {
        text.map { "####" + escaped($0) } ?? ""
    }

    static func reason(_ question: Question, bank: Bank) -> String {
        let why = switch question.kind {
        case .order: "GIFT has no ordering questions"
        case .short: "GIFT cannot express a regular-expression answer"
        default: "GIFT cannot express it"
        }
        return "\(bank.file): question \(question.id) (\(question.type.rawValue)) is left out of the GIFT export: \(why)"
    }
}

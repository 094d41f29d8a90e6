import Foundation

/// Why a typed line is not an answer: one line saying what was wrong and what is expected.
public struct AnswerError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Reads a line a learner typed as the answer to a question shown in a given layout.
///
/// Case and surrounding space never matter; letters and numbers refer to what
/// was displayed, and the result is in the author's terms. Command words are
/// the session's business: a line that reaches here is meant as an answer.
/// A layout whose arrays do not fit the question is read as the written order.
public enum ResponseParser {
    public static func parse(_ line: String, for question: Question, shown: Presentation) throws(AnswerError) -> Response {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        switch question.kind {
        case .single(let choices, _):
            return .single(shown.choice(at: try oneLetter(text, count: choices.count), count: choices.count))
        case .multiple(let choices, _):
            let picked = try letters(text, count: choices.count)
            return .multiple(picked.map { shown.choice(at: $0, count: choices.count) }.sorted())
        case .truefalse:
            switch text.lowercased() {
            case "t", "true": return .truefalse(true)
            case "f", "false": return .truefalse(false)
            default: throw AnswerError("Answer true or false (t or f).")
            }
        case .short:
            return .short(try shortText(text))
        case .numeric:
            return .numeric(try number(text))
        case .order(let items):
            let numbers = try order(text, count: items.count)
            return .order(numbers.map { shown.item(at: $0, count: items.count) })
        case .match(let pairs):
            let letters = try match(text, count: pairs.count)
            return .match(letters.map { shown.option(at: $0, count: pairs.count) })
        }
    }

    /// Single: exactly one displayed letter, 0-based.
    static func oneLetter(_ text: String, count: Int) throws(AnswerError) -> Int {
        let range = "A to \(ChoiceLetter.name(count - 1))"
        let parts = tokens(text)
        guard parts.count == 1 else {
            if parts.count > 1, parts.allSatisfy({ letterIndex($0) != nil }) {
                throw AnswerError("Pick only one: answer with one letter from \(range).")
            }
            throw AnswerError("Answer with one letter from \(range).")
        }
        guard let shown = letterIndex(parts[0]) else { throw AnswerError("Answer with one letter from \(range).") }
        guard shown < count else {
            throw AnswerError("\"\(ChoiceLetter.name(shown))\" is not a choice: answer with a letter from \(range).")
        }
        return shown
    }

    /// Multiple: one or more displayed letters, each once, in the order typed.
    static func letters(_ text: String, count: Int) throws(AnswerError) -> [Int] {
        let range = "A to \(ChoiceLetter.name(count - 1))"
        let example = count >= 3 ? "A, C" : "A, B"
        let parts = tokens(text)
        guard !parts.isEmpty else {
            throw AnswerError("Answer with one or more letters from \(range), e.g. \"\(example)\".")
        }
        var picked: [Int] = []
        for part in parts {
            if let shown = letterIndex(part) {
                let letter = ChoiceLetter.name(shown)
                guard shown < count else {
                    throw AnswerError("\"\(letter)\" is not a choice: answer with letters from \(range), e.g. \"\(example)\".")
                }
                guard !picked.contains(shown) else {
                    throw AnswerError("\"\(letter)\" is given twice: give each letter once, e.g. \"\(example)\".")
                }
                picked.append(shown)
            } else if part.allSatisfy({ letterIndex(Substring(String($0))).map { $0 < count } ?? false }) {
                throw AnswerError("Separate the letters with commas or spaces, e.g. \"\(example)\".")
            } else {
                throw AnswerError("\"\(part)\" is not a letter: answer with letters from \(range), e.g. \"\(example)\".")
            }
        }
        return picked
    }

    /// Short: the text; a leading `=` (how a command word is given as an answer) is dropped.
    static func shortText(_ text: String) throws(AnswerError) -> String {
        var answer = text
        if answer.hasPrefix("=") {
            answer = String(answer.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard !answer.isEmpty else {
            throw AnswerError("Type your answer as text; to answer with a command word such as \"skip\", start with \"=\".")
        }
        return answer
    }

    /// The parts of a line between spaces, commas and semicolons.
    static func tokens(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
    }

    /// A part that is exactly one ASCII letter, as a 0-based index (`a` and `A` are 0).
    static func letterIndex(_ part: Substring) -> Int? {
        ChoiceLetter.index(of: part)
    }

    /// `1`, `1 and 4`, `1, 3 and 4`.
    static func list(_ numbers: [Int]) -> String {
        let words = numbers.map(String.init)
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " and " + words[words.count - 1]
    }

    /// `what was wrong: what is expected`, or the expectation alone as a sentence.
    static func sentence(_ problem: String?, _ expected: String) -> String {
        guard let problem else { return expected.prefix(1).uppercased() + expected.dropFirst() }
        return problem + ": " + expected
    }
}

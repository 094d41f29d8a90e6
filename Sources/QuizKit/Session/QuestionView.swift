/// A question as laid out for one learner: the prompt, the labelled lines under it, and the form
/// of answer expected when the lines do not make it obvious.
///
/// Labels are what the learner types: display letters follow this attempt's shuffle, so `B` here
/// may be the author's third choice.
public struct QuestionView: Sendable, Equatable {
    /// A line under the prompt: a choice, an item to order, or one side of a match.
    public struct Option: Sendable, Equatable {
        /// `A`…`J` for choices and match options, `1`… for items and match left sides.
        public var label: String
        public var text: String

        public init(label: String, text: String) {
            self.label = label
            self.text = text
        }
    }

    /// The form of answer a question type expects, for the types whose form the lines do not show.
    public enum AnswerForm: Sendable, Equatable {
        /// Words the learner types (a short answer).
        case text
        /// Every right letter of a multiple-choice question.
        case letters
        case trueOrFalse
        case number
        /// Every number 1…`count` once, from the first item to the last.
        case order(count: Int)
        /// Each of 1…`count` paired with a letter.
        case pairs(count: Int)
    }

    public var prompt: String
    public var options: [Option]
    public var form: AnswerForm?

    public init(prompt: String, options: [Option], form: AnswerForm?) {
        self.prompt = prompt
        self.options = options
        self.form = form
    }

    /// The question at its place in an attempt, laid out as that attempt shows it.
    public init(_ item: SessionQuestion) {
        let q = item.question
        let p = item.presentation
        var options: [Option] = []
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            for (shown, index) in p.choices.enumerated() {
                options.append(Option(label: ChoiceLetter.name(shown), text: choices[index].text))
            }
        case .order(let items):
            for (shown, index) in p.items.enumerated() {
                options.append(Option(label: String(shown + 1), text: items[index].text))
            }
        case .match(let pairs):
            for (i, pair) in pairs.enumerated() {
                options.append(Option(label: String(i + 1), text: pair.left))
            }
            for (shown, index) in p.options.enumerated() {
                options.append(Option(label: ChoiceLetter.name(shown), text: pairs[index].right))
            }
        case .truefalse, .short, .numeric:
            break
        }
        self.init(prompt: q.prompt.trimmingTrailingNewlines(), options: options, form: Self.form(of: q))
    }

    static func form(of q: Question) -> AnswerForm? {
        switch q.kind {
        case .single: nil
        case .short: .text
        case .multiple: .letters
        case .truefalse: .trueOrFalse
        case .numeric: .number
        case .order(let items): .order(count: items.count)
        case .match(let pairs): .pairs(count: pairs.count)
        }
    }

    /// A response written the way the learner would type it for this layout (display letters and numbers).
    public static func asTyped(_ response: Response, _ item: SessionQuestion) -> String {
        let p = item.presentation
        func letter(_ written: Int, in order: [Int]) -> String {
            order.firstIndex(of: written).map { ChoiceLetter.name($0) } ?? "?"
        }
        switch response {
        case .single(let i): return letter(i, in: p.choices)
        case .multiple(let picks): return picks.map { letter($0, in: p.choices) }.sorted().joined(separator: " ")
        case .truefalse(let b): return b ? "true" : "false"
        case .short(let s): return s
        case .numeric: return response.canonical
        case .order(let items): return items.map { i in p.items.firstIndex(of: i).map { String($0 + 1) } ?? "?" }.joined(separator: " ")
        case .match(let rights): return rights.enumerated().map { "\($0.offset + 1)\(letter($0.element, in: p.options))" }.joined(separator: " ")
        }
    }

    /// The right answer in the author's words, e.g. `B) 101 Switching Protocols` (letters as shown to this learner).
    public static func rightAnswer(_ item: SessionQuestion) -> String {
        let q = item.question
        let p = item.presentation
        switch q.kind {
        case .single(let choices, let answer):
            let shown = p.choices.firstIndex(of: answer) ?? answer
            return "\(ChoiceLetter.name(shown))) \(choices[answer].text)"
        case .multiple(let choices, let answers):
            return answers.map { a in
                let shown = p.choices.firstIndex(of: a) ?? a
                return "\(ChoiceLetter.name(shown))) \(choices[a].text)"
            }.sorted().joined(separator: "; ")
        case .truefalse(let answer): return answer ? "true" : "false"
        case .short(let accepted):
            guard let first = accepted.first else { return "" }
            switch first {
            case .text(let t): return t
            case .pattern(let pattern): return "text matching /\(pattern)/"
            }
        case .numeric(let answer, let tolerance):
            let value = Response.numeric(answer).canonical
            switch tolerance {
            case .absolute(let d) where d > 0: return "\(value) (± \(Response.numeric(d).canonical))"
            case .percent(let pc) where pc > 0: return "\(value) (± \(Response.numeric(pc).canonical)%)"
            default: return value
            }
        case .order(let items):
            let numbers = items.indices.map { i in p.items.firstIndex(of: i).map { String($0 + 1) } ?? "?" }
            return numbers.joined(separator: " ") + " (" + items.map(\.text).joined(separator: " → ") + ")"
        case .match(let pairs):
            return pairs.indices.map { i in
                let shown = p.options.firstIndex(of: i) ?? i
                return "\(i + 1)\(ChoiceLetter.name(shown))"
            }.joined(separator: " ") + " (" + pairs.map { "\($0.left) → \($0.right)" }.joined(separator: "; ") + ")"
        }
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}

extension QuestionView {
    /// A response as the learner typed it, with the text of what it picks, e.g. `C) Retry-After: 10`.
    public static func described(_ response: Response, _ item: SessionQuestion) -> String {
        let typed = asTyped(response, item)
        switch (response, item.question.kind) {
        case (.single(let i), .single(let choices, _)) where choices.indices.contains(i):
            return "\(typed)) \(choices[i].text)"
        case (.multiple(let picks), .multiple(let choices, _)):
            return picks.filter(choices.indices.contains).map { i in
                "\(asTyped(.single(i), item))) \(choices[i].text)"
            }.sorted().joined(separator: "; ")
        default:
            return typed
        }
    }
}

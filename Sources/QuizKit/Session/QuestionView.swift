/// How a question is printed in a session: the prompt, one choice per line, and how to answer.
public enum QuestionView {
    /// The prompt and choice lines (no header), each line ending in a newline.
    public static func body(_ item: SessionQuestion) -> String {
        let q = item.question
        var out = q.prompt.trimmingTrailingNewlines() + "\n"
        let p = item.presentation
        switch q.kind {
        case .single(let choices, _), .multiple(let choices, _):
            for (shown, index) in p.choices.enumerated() {
                out += "  \(ChoiceLetter.name(shown))) \(choices[index].text)\n"
            }
        case .order(let items):
            for (shown, index) in p.items.enumerated() {
                out += "  \(shown + 1)) \(items[index].text)\n"
            }
        case .match(let pairs):
            for (i, pair) in pairs.enumerated() {
                out += "  \(i + 1)) \(pair.left)\n"
            }
            for (shown, index) in p.options.enumerated() {
                out += "  \(ChoiceLetter.name(shown))) \(pairs[index].right)\n"
            }
        case .truefalse, .short, .numeric:
            break
        }
        if let how = howToAnswer(q) { out += "\(how)\n" }
        return out
    }

    /// A short line on the answer's form, for the types whose form is not obvious from the choices.
    static func howToAnswer(_ q: Question) -> String? {
        switch q.kind {
        case .single: nil
        case .multiple: "(Pick every right choice: letters, e.g. a c.)"
        case .truefalse: "(true or false)"
        case .short: nil
        case .numeric: "(a number)"
        case .order(let items): "(Give every number 1–\(items.count) once, first first.)"
        case .match(let pairs): "(Pair each of 1–\(pairs.count) with a letter, e.g. 1B 2A.)"
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

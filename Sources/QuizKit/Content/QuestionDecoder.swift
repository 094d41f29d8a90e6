import Foundation
import Synchronization
import QuizYAML

/// Decodes one question mapping of a bank.
enum QuestionDecoder {
    static let allKeys = BankVocabulary.question.names
    static let choiceKeys = BankVocabulary.choice.names

    static func decode(_ node: Node, defaults: QuestionDefaults, reader: NodeReader) -> Question? {
        guard let pairs = node.mapping else {
            reader.report(.invalidValue, at: node.start,
                          "each question must be a mapping starting with \"- id:\", not \(node.kindDescription)")
            return nil
        }
        reader.beginScope()
        let start = pairs.first?.key.start ?? node.start

        var type = QuestionType.single
        var typeKnown = true
        if let typeNode = pairs.first(where: { $0.key.scalar?.value == "type" })?.value {
            if let t = typeNode.scalar.flatMap({ QuestionType(rawValue: $0.value) }) {
                type = t
            } else {
                typeKnown = false
            }
        }
        let fields = reader.fields(of: pairs, in: "a question", allowed: allKeys) { key in
            guard typeKnown, let types = BankVocabulary.owners(of: key), !types.contains(type) else { return nil }
            let owners = types.map(\.rawValue).joined(separator: ", ")
            return "key \"\(key)\" does not belong to a \(type.rawValue) question (only \(owners)); remove it"
        }
        if !typeKnown, let v = fields.value("type") {
            _ = reader.choice(v, "type", QuestionType.self)
        }

        var q = Question(id: "", section: "", prompt: "", kind: .truefalse(answer: true),
                         points: defaults.points, difficulty: defaults.difficulty, tags: defaults.tags,
                         time: defaults.time, shuffle: defaults.shuffle, place: BankDecoder.places(pairs, start: start, end: node.range.end))
        if let v = fields.value("id") { q.id = reader.id(v, "question id") ?? "" }
        let name = q.id.isEmpty ? "this question" : "question \"\(q.id)\""
        func require(_ key: String, _ how: String) -> Node? {
            if let v = fields[key]?.value { return v }
            reader.report(.missingField, at: start, "\(name) has no \"\(key)\"; \(how)")
            return nil
        }
        if fields["id"] == nil { reader.report(.missingField, at: start, "this question has no \"id\"; add id: with a kebab-case name") }
        if let v = require("section", "add section: with the id of the lesson section it checks") {
            q.section = reader.text(v, "section") ?? ""
        }
        if let v = require("prompt", "add prompt: with the question's text") { q.prompt = reader.text(v, "prompt") ?? "" }
        if let v = fields.value("explanation") { q.explanation = reader.text(v, "explanation") }
        if let v = fields.value("hint") { q.hint = reader.text(v, "hint") }
        if let v = fields.value("points") { q.points = reader.positiveNumber(v, "points") ?? q.points }
        if let v = fields.value("difficulty") { q.difficulty = reader.choice(v, "difficulty", Difficulty.self) }
        if let v = fields.value("tags") { q.tags = reader.texts(v, "tags") ?? [] }
        if let v = fields.value("time") { q.time = reader.duration(v, "time") ?? q.time }
        if let v = fields.value("shuffle") { q.shuffle = reader.bool(v, "shuffle") ?? q.shuffle }
        if let v = fields.value("check") { q.check = reader.bool(v, "check") ?? q.check }
        if [.multiple, .order, .match].contains(type) {
            q.scoring = defaults.scoring
            if let v = fields.value("scoring") { q.scoring = reader.choice(v, "scoring", ScoringPolicy.self) ?? q.scoring }
        }

        if typeKnown {
            switch type {
            case .single, .multiple:
                let choices = require("choices", "add choices: with 2 to 8 options").map { decodeChoices($0, fields, reader) } ?? []
                let answerNode = require("answer", type == .single ? "add answer: with the letter of the right choice"
                                                                   : "add answer: with the letters of the right choices, e.g. [A, C]")
                if type == .single {
                    let answer = answerNode.flatMap { singleAnswer($0, choiceCount: choices.count, reader) } ?? 0
                    q.kind = .single(choices: choices, answer: answer)
                } else {
                    let answers = answerNode.flatMap { multipleAnswer($0, choiceCount: choices.count, reader) } ?? []
                    q.kind = .multiple(choices: choices, answers: answers)
                }
            case .truefalse:
                var answer = true
                if let v = require("answer", "add answer: true or answer: false") {
                    if let b = trueFalse(v) { answer = b } else {
                        reader.report(.answerKey, at: v.start, "answer of a truefalse question must be true or false, not \(NodeReader.quoted(v))")
                    }
                }
                q.kind = .truefalse(answer: answer)
            case .short:
                let accepted = require("answer", "add answer: with the accepted text or a list of them").map { shortAnswers($0, reader) } ?? []
                q.kind = .short(accepted: accepted)
            case .numeric:
                let answer = require("answer", "add answer: with the number").flatMap { reader.number($0, "answer", rule: .answerKey) } ?? 0
                let allowed = fields["tolerance"].flatMap { tolerance($0.value, reader) } ?? Tolerance.absolute(0)
                q.kind = .numeric(answer: answer, tolerance: allowed)
            case .order:
                let items = require("items", "add items: with 2 to 10 steps in the right order")
                    .map { decodeTexts($0, key: fields["items"]?.key ?? $0, what: "items", reader) } ?? []
                q.kind = .order(items: items.map { Item($0.0, mark: $0.1) })
            case .match:
                let pairs = require("pairs", "add pairs: with 2 to 10 lines like \"- left: right\"")
                    .map { decodePairs($0, key: fields["pairs"]?.key ?? $0, reader) } ?? []
                q.kind = .match(pairs: pairs)
            }
        }
        q.flaw = reader.scopeFlaw.map(Question.Flaw.init)
        return q
    }

    static func trueFalse(_ node: Node) -> Bool? {
        guard let s = node.scalar, s.style == .plain else { return nil }
        return s.value == "true" ? true : s.value == "false" ? false : nil
    }

    static func countCheck(_ count: Int, key: Node, what: String, range: ClosedRange<Int>, _ reader: NodeReader) {
        guard !range.contains(count) else { return }
        reader.report(.choiceCount, at: key.start,
                      "\(what) must have \(range.lowerBound) to \(range.upperBound) entries; this one has \(count)")
    }

    static func decodeChoices(_ node: Node, _ fields: NodeReader.Fields, _ reader: NodeReader) -> [Choice] {
        guard let items = node.sequence else {
            reader.report(.invalidValue, at: node.start, "choices must be a list, not \(node.kindDescription)")
            return []
        }
        countCheck(items.count, key: fields["choices"]!.key, what: "choices", range: BankVocabulary.choiceCount, reader)
        var choices: [Choice] = []
        for item in items {
            if let pairs = item.mapping {
                let f = reader.fields(of: pairs, in: "a choice", allowed: choiceKeys)
                guard let textNode = f.value("text") else {
                    reader.report(.missingField, at: item.start, "this choice has no \"text\"; write {text: …, feedback: …}")
                    choices.append(Choice("", mark: item.start))
                    continue
                }
                let text = reader.text(textNode, "choice text") ?? ""
                let feedback = f["feedback"].flatMap { reader.text($0.value, "feedback") }
                choices.append(Choice(text, feedback: feedback, mark: item.start))
            } else {
                choices.append(Choice(reader.text(item, "a choice") ?? "", mark: item.start))
            }
        }
        return choices
    }

    static func decodeTexts(_ node: Node, key: Node, what: String, _ reader: NodeReader) -> [(String, Mark)] {
        guard let items = node.sequence else {
            reader.report(.invalidValue, at: node.start, "\(what) must be a list, not \(node.kindDescription)")
            return []
        }
        countCheck(items.count, key: key, what: what, range: BankVocabulary.arrangementCount, reader)
        return items.map { (reader.text($0, "each of \(what)") ?? "", $0.start) }
    }

    static func decodePairs(_ node: Node, key: Node, _ reader: NodeReader) -> [MatchPair] {
        guard let items = node.sequence else {
            reader.report(.invalidValue, at: node.start, "pairs must be a list of \"- left: right\" lines, not \(node.kindDescription)")
            return []
        }
        countCheck(items.count, key: key, what: "pairs", range: BankVocabulary.arrangementCount, reader)
        var out: [MatchPair] = []
        for item in items {
            guard let pairs = item.mapping, pairs.count == 1 else {
                reader.report(.invalidValue, at: item.start,
                              "each pair must be one \"left: right\" mapping, not \(item.mapping.map { "\($0.count) keys" } ?? item.kindDescription)")
                continue
            }
            let left = reader.text(pairs[0].key, "the left side of a pair") ?? ""
            let right = reader.text(pairs[0].value, "the right side of a pair") ?? ""
            out.append(MatchPair(left, right, mark: item.start))
        }
        return out
    }

    static func letterIndex(_ node: Node, choiceCount: Int, _ reader: NodeReader) -> Int? {
        let range = ChoiceLetter.range(choiceCount > 0 ? choiceCount : ChoiceLetter.maxChoices)
        guard let s = node.scalar, !s.isNull else {
            reader.report(.answerKey, at: node.start, "answer must be a letter (\(range)), not \(node.kindDescription)")
            return nil
        }
        let value = s.value.utf8.count == 1 ? s.value.uppercased() : s.value.trimmingCharacters(in: .whitespaces).uppercased()
        guard let index = ChoiceLetter.index(of: value), index < ChoiceLetter.maxChoices else {
            reader.report(.answerKey, at: node.start, "answer \"\(s.value)\" is not a letter (\(range))")
            return nil
        }
        if choiceCount > 0 && index >= choiceCount {
            reader.report(.answerKey, at: node.start,
                          "answer \"\(value)\" is not one of the \(choiceCount) choices (\(range))")
            return nil
        }
        return index
    }

    static func singleAnswer(_ node: Node, choiceCount: Int, _ reader: NodeReader) -> Int? {
        if node.sequence != nil {
            reader.report(.answerKey, at: node.start,
                          "a single question has one answer letter, not a list; use type: multiple for several right choices")
            return nil
        }
        return letterIndex(node, choiceCount: choiceCount, reader)
    }

    static func multipleAnswer(_ node: Node, choiceCount: Int, _ reader: NodeReader) -> [Int]? {
        guard let items = node.sequence else {
            reader.report(.answerKey, at: node.start,
                          "answer of a multiple question must be a list of letters, e.g. [A, C], not \(NodeReader.quoted(node))")
            return nil
        }
        guard !items.isEmpty else {
            reader.report(.answerKey, at: node.start, "answer is an empty list; name at least one right choice, e.g. [A]")
            return nil
        }
        var seen = Set<Int>()
        var ok = true
        for item in items {
            guard let i = letterIndex(item, choiceCount: choiceCount, reader) else { ok = false; continue }
            if !seen.insert(i).inserted {
                reader.report(.answerKey, at: item.start, "answer names \"\(ChoiceLetter.name(i))\" twice; list each letter once")
                ok = false
            }
        }
        return ok ? seen.sorted() : nil
    }

    static func shortAnswers(_ node: Node, _ reader: NodeReader) -> [ShortAnswer] {
        let nodes: [Node]
        if let items = node.sequence {
            if items.isEmpty {
                reader.report(.answerKey, at: node.start, "answer is an empty list; give at least one accepted answer")
            }
            nodes = items
        } else {
            nodes = [node]
        }
        var out: [ShortAnswer] = []
        for n in nodes {
            guard let text = reader.text(n, "answer", rule: .answerKey) else { continue }
            if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
                let pattern = String(text.dropFirst().dropLast())
                if PatternCheck.compiles(pattern) {
                    out.append(.pattern(pattern))
                } else {
                    reader.report(.answerKey, at: n.start,
                                  "answer \(text) is not a valid regular expression; fix the pattern or write plain text without the slashes")
                }
            } else {
                out.append(.text(text))
            }
        }
        return out
    }

    static func tolerance(_ node: Node, _ reader: NodeReader) -> Tolerance? {
        if let n = NodeReader.number(node), n >= 0 { return .absolute(n) }
        if let s = node.scalar, s.value.hasSuffix("%"), NodeReader.isNumeral(String(s.value.dropLast())),
           let p = Double(s.value.dropLast()), p >= 0 {
            return .percent(p)
        }
        reader.report(.invalidValue, at: node.start,
                      "tolerance must be a number of 0 or more or a percentage like \"5%\", not \(NodeReader.quoted(node))")
        return nil
    }
}

/// Whether a short-answer pattern compiles, remembered per pattern: compiling with ICU
/// is the dearest step of loading a bank, and banks repeat their patterns.
enum PatternCheck {
    private static let known = Mutex<[String: Bool]>([:])

    static func compiles(_ pattern: String) -> Bool {
        if let hit = known.withLock({ $0[pattern] }) { return hit }
        let ok = (try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive])) != nil
        known.withLock { $0[pattern] = ok }
        return ok
    }
}

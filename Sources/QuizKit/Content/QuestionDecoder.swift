import Foundation
import Synchronization
import QuizYAML

/// Decodes one question mapping of a bank.
enum QuestionDecoder {
    static let allKeys = NodeReader.KeySet(BankVocabulary.question.names)
    static let choiceKeys = NodeReader.KeySet(BankVocabulary.choice.names)
    /// The question types each of `allKeys` belongs to (nil: every type).
    static let keyOwners = allKeys.names.map(BankVocabulary.owners(of:))

    static func decode(_ node: Int, defaults: QuestionDefaults, reader: NodeReader) -> Question? {
        let doc = reader.document
        guard doc.isMapping(node) else {
            reader.report(.invalidValue, at: doc.start(node),
                          "each question must be a mapping starting with \"- id:\", not \(doc.kindDescription(node))")
            return nil
        }
        reader.beginScope()
        var start = doc.start(node)
        var type = QuestionType.single
        var typeKnown = true
        var first = true
        for (key, value) in doc.pairs(node) {
            if first { start = doc.start(key); first = false }
            guard doc.scalarEquals(key, "type") else { continue }
            if doc.isScalar(value), let t = QuestionType(rawValue: doc.string(value)) {
                type = t
            } else {
                typeKnown = false
            }
            break
        }
        let fields = reader.fields(of: node, in: "a question", allowed: allKeys) { key, known in
            guard typeKnown, let types = known.map({ keyOwners[$0] }) ?? BankVocabulary.owners(of: key), !types.contains(type) else { return nil }
            let owners = types.map(\.rawValue).joined(separator: ", ")
            return "key \"\(key)\" does not belong to a \(type.rawValue) question (only \(owners)); remove it"
        }
        if !typeKnown, let v = fields.value("type") {
            _ = reader.choice(v, "type", QuestionType.self)
        }

        var place = fields.places
        place.start = start
        place.end = doc.end(node)
        var q = Question(id: "", section: "", prompt: "", kind: .truefalse(answer: true),
                         points: defaults.points, difficulty: defaults.difficulty, tags: defaults.tags,
                         time: defaults.time, shuffle: defaults.shuffle, place: place)
        if let v = fields.value("id") { q.id = reader.id(v, "question id") ?? "" }
        func require(_ key: StaticString, _ how: String) -> Int? {
            if let v = fields.value(key) { return v }
            let name = q.id.isEmpty ? "this question" : "question \"\(q.id)\""
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
                    if let b = reader.plainBool(v) { answer = b } else {
                        reader.report(.answerKey, at: doc.start(v), "answer of a truefalse question must be true or false, not \(reader.quoted(v))")
                    }
                }
                q.kind = .truefalse(answer: answer)
            case .short:
                let accepted = require("answer", "add answer: with the accepted text or a list of them").map { shortAnswers($0, reader) } ?? []
                q.kind = .short(accepted: accepted)
            case .numeric:
                let answer = require("answer", "add answer: with the number").flatMap { reader.number($0, "answer", rule: .answerKey) } ?? 0
                let allowed = fields.value("tolerance").flatMap { tolerance($0, reader) } ?? Tolerance.absolute(0)
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

    static func countCheck(_ count: Int, key: Int, what: String, range: ClosedRange<Int>, _ reader: NodeReader) {
        guard !range.contains(count) else { return }
        reader.report(.choiceCount, at: reader.document.start(key),
                      "\(what) must have \(range.lowerBound) to \(range.upperBound) entries; this one has \(count)")
    }

    static func decodeChoices(_ node: Int, _ fields: NodeReader.Fields, _ reader: NodeReader) -> [Choice] {
        let doc = reader.document
        guard doc.isSequence(node) else {
            reader.report(.invalidValue, at: doc.start(node), "choices must be a list, not \(doc.kindDescription(node))")
            return []
        }
        countCheck(doc.count(node), key: fields["choices"]!.key, what: "choices", range: BankVocabulary.choiceCount, reader)
        var choices: [Choice] = []
        choices.reserveCapacity(doc.count(node))
        for item in doc.items(node) {
            if doc.isMapping(item) {
                let textNode: Int?, feedbackNode: Int?
                if let simple = simpleChoice(item, doc) {
                    (textNode, feedbackNode) = simple
                } else {
                    let f = reader.fields(of: item, in: "a choice", allowed: choiceKeys, places: false)
                    (textNode, feedbackNode) = (f.value("text"), f.value("feedback"))
                }
                guard let textNode else {
                    reader.report(.missingField, at: doc.start(item), "this choice has no \"text\"; write {text: …, feedback: …}")
                    choices.append(Choice("", mark: doc.start(item)))
                    continue
                }
                let text = reader.text(textNode, "choice text") ?? ""
                let feedback = feedbackNode.flatMap { reader.text($0, "feedback") }
                choices.append(Choice(text, feedback: feedback, mark: doc.start(item)))
            } else {
                choices.append(Choice(reader.text(item, "a choice") ?? "", mark: doc.start(item)))
            }
        }
        return choices
    }

    /// The text and feedback nodes of a choice mapping whose keys are only `text` and
    /// `feedback`, each at most once, which `NodeReader.fields` would accept without a finding;
    /// nil for any other mapping, which `fields` reads and reports on.
    static func simpleChoice(_ item: Int, _ doc: YAMLDocument) -> (text: Int?, feedback: Int?)? {
        var text: Int?, feedback: Int?
        for (key, value) in doc.pairs(item) {
            if text == nil, doc.scalarEquals(key, "text") {
                text = value
            } else if feedback == nil, doc.scalarEquals(key, "feedback") {
                feedback = value
            } else {
                return nil
            }
        }
        return (text, feedback)
    }

    static func decodeTexts(_ node: Int, key: Int, what: String, _ reader: NodeReader) -> [(String, Mark)] {
        let doc = reader.document
        guard doc.isSequence(node) else {
            reader.report(.invalidValue, at: doc.start(node), "\(what) must be a list, not \(doc.kindDescription(node))")
            return []
        }
        countCheck(doc.count(node), key: key, what: what, range: BankVocabulary.arrangementCount, reader)
        return doc.items(node).map { (reader.text($0, "each of \(what)") ?? "", doc.start($0)) }
    }

    static func decodePairs(_ node: Int, key: Int, _ reader: NodeReader) -> [MatchPair] {
        let doc = reader.document
        guard doc.isSequence(node) else {
            reader.report(.invalidValue, at: doc.start(node), "pairs must be a list of \"- left: right\" lines, not \(doc.kindDescription(node))")
            return []
        }
        countCheck(doc.count(node), key: key, what: "pairs", range: BankVocabulary.arrangementCount, reader)
        var out: [MatchPair] = []
        for item in doc.items(node) {
            guard doc.isMapping(item), doc.count(item) == 1, let pair = doc.pairs(item).first(where: { _ in true }) else {
                reader.report(.invalidValue, at: doc.start(item),
                              "each pair must be one \"left: right\" mapping, not \(doc.isMapping(item) ? "\(doc.count(item)) keys" : doc.kindDescription(item))")
                continue
            }
            let left = reader.text(pair.key, "the left side of a pair") ?? ""
            let right = reader.text(pair.value, "the right side of a pair") ?? ""
            out.append(MatchPair(left, right, mark: doc.start(item)))
        }
        return out
    }

    static func letterIndex(_ node: Int, choiceCount: Int, _ reader: NodeReader) -> Int? {
        let doc = reader.document
        // The usual answer, one letter of the choices, is told from its byte without a String.
        if doc.byteCount(node) == 1, let byte = doc.firstByte(node), let index = ChoiceLetter.index(ofASCII: byte, upperCaseOnly: false),
           index < ChoiceLetter.maxChoices, choiceCount == 0 || index < choiceCount {
            return index
        }
        let range = ChoiceLetter.range(choiceCount > 0 ? choiceCount : ChoiceLetter.maxChoices)
        guard doc.isScalar(node), !doc.isNull(node) else {
            reader.report(.answerKey, at: doc.start(node), "answer must be a letter (\(range)), not \(doc.kindDescription(node))")
            return nil
        }
        let written = doc.string(node)
        let value = written.utf8.count == 1 ? written.uppercased() : written.trimmingCharacters(in: .whitespaces).uppercased()
        guard let index = ChoiceLetter.index(of: value), index < ChoiceLetter.maxChoices else {
            reader.report(.answerKey, at: doc.start(node), "answer \"\(written)\" is not a letter (\(range))")
            return nil
        }
        if choiceCount > 0 && index >= choiceCount {
            reader.report(.answerKey, at: doc.start(node),
                          "answer \"\(value)\" is not one of the \(choiceCount) choices (\(range))")
            return nil
        }
        return index
    }

    static func singleAnswer(_ node: Int, choiceCount: Int, _ reader: NodeReader) -> Int? {
        if reader.document.isSequence(node) {
            reader.report(.answerKey, at: reader.document.start(node),
                          "a single question has one answer letter, not a list; use type: multiple for several right choices")
            return nil
        }
        return letterIndex(node, choiceCount: choiceCount, reader)
    }

    static func multipleAnswer(_ node: Int, choiceCount: Int, _ reader: NodeReader) -> [Int]? {
        let doc = reader.document
        guard doc.isSequence(node) else {
            reader.report(.answerKey, at: doc.start(node),
                          "answer of a multiple question must be a list of letters, e.g. [A, C], not \(reader.quoted(node))")
            return nil
        }
        guard doc.count(node) > 0 else {
            reader.report(.answerKey, at: doc.start(node), "answer is an empty list; name at least one right choice, e.g. [A]")
            return nil
        }
        var seen: UInt64 = 0  // one bit per letter: letterIndex gives only indexes below maxChoices
        var ok = true
        for item in doc.items(node) {
            guard let i = letterIndex(item, choiceCount: choiceCount, reader) else { ok = false; continue }
            if seen & (1 << UInt64(i)) != 0 {
                reader.report(.answerKey, at: doc.start(item), "answer names \"\(ChoiceLetter.name(i))\" twice; list each letter once")
                ok = false
            }
            seen |= 1 << UInt64(i)
        }
        return ok ? (0..<ChoiceLetter.maxChoices).filter { seen & (1 << UInt64($0)) != 0 } : nil
    }

    static func shortAnswers(_ node: Int, _ reader: NodeReader) -> [ShortAnswer] {
        let doc = reader.document
        let nodes: [Int]
        if doc.isSequence(node) {
            if doc.count(node) == 0 {
                reader.report(.answerKey, at: doc.start(node), "answer is an empty list; give at least one accepted answer")
            }
            nodes = Array(doc.items(node))
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
                    reader.report(.answerKey, at: doc.start(n),
                                  "answer \(text) is not a valid regular expression; fix the pattern or write plain text without the slashes")
                }
            } else {
                out.append(.text(text))
            }
        }
        return out
    }

    static func tolerance(_ node: Int, _ reader: NodeReader) -> Tolerance? {
        let doc = reader.document
        if let n = reader.number(node), n >= 0 { return .absolute(n) }
        if let s = doc.scalar(node), s.value.hasSuffix("%"), NodeReader.isNumeral(String(s.value.dropLast())),
           let p = Double(s.value.dropLast()), p >= 0 {
            return .percent(p)
        }
        reader.report(.invalidValue, at: doc.start(node),
                      "tolerance must be a number of 0 or more or a percentage like \"5%\", not \(reader.quoted(node))")
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

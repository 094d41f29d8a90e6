import Foundation
import QuizYAML

/// Turns a bank file's node tree into a `Bank`, walking the tree by hand so
/// every problem becomes a finding with the place of the node at fault.
///
/// It never stops at the first problem and never throws: a bank with errors
/// is still returned (its broken questions marked invalid) alongside them.
public enum BankDecoder {
    static let bankKeys = BankVocabulary.bank.names
    static let defaultKeys = BankVocabulary.defaults.names

    /// Decodes one bank. `fileStem` is the file name without extension, which the bank id must equal.
    ///
    /// The tree is consumed: each question's nodes are freed as soon as the question is
    /// decoded, so a large bank is never held twice, as nodes and as questions.
    public static func decode(_ tree: consuming Node?, file: String, fileStem: String) -> (bank: Bank?, findings: [Finding]) {
        decode(tree, file: file, fileStem: fileStem, streamed: nil)
    }

    /// Decodes a bank whose questions were already decoded while the file was read
    /// (`streamed`); the tree then holds an empty questions list.
    static func decode(_ tree: consuming Node?, file: String, fileStem: String,
                       streamed: (questions: [Question], findings: [Finding], count: Int)?) -> (bank: Bank?, findings: [Finding]) {
        let reader = NodeReader(file: file)
        guard var root = consume tree, !(root.scalar?.isNull ?? false) else {
            reader.report(.missingField, at: Mark(line: 1, column: 1),
                          "the file is empty; a bank starts with \"quiz: \(fileStem)\", a title and its questions")
            return (nil, reader.findings)
        }
        guard var pairs = root.takeMapping() else {
            reader.report(.invalidValue, at: root.start,
                          "a bank must be a mapping with quiz, title and questions keys, not \(root.kindDescription)")
            return (nil, reader.findings)
        }
        var questionItems: [Node] = []
        if let i = pairs.firstIndex(where: { $0.key.scalar?.value == "questions" }), let items = pairs[i].value.takeSequence() {
            questionItems = items
        }
        let fields = reader.fields(of: pairs, in: "the bank", allowed: bankKeys)
        let start = pairs.first?.key.start ?? root.start
        var bank = Bank(id: fileStem, title: fileStem, lesson: fileStem, file: file,
                        place: places(pairs, start: start))

        if let node = fields.value("quiz"), let id = reader.id(node, "bank id") {
            bank.id = id
            if id != fileStem {
                reader.report(.invalidValue, at: node.start,
                              "bank id \"\(id)\" must equal the file name \"\(fileStem)\"; rename one of them")
            }
            bank.lesson = id
        } else if fields["quiz"] == nil {
            reader.report(.missingField, at: start, "the bank has no \"quiz\" key; add quiz: \(fileStem)")
        }
        if let node = fields.value("title") {
            bank.title = reader.text(node, "title") ?? bank.title
        } else {
            reader.report(.missingField, at: start, "the bank has no \"title\"; add a human title, e.g. title: \(fileStem)")
        }
        if let node = fields.value("lesson"), let lesson = reader.id(node, "lesson") {
            bank.lesson = lesson
        }
        let defaults = fields["defaults"].map { decodeDefaults($0.value, reader) } ?? QuestionDefaults()

        if let pair = fields["questions"] {
            if pair.value.sequence != nil {
                if questionItems.isEmpty && (streamed?.count ?? 0) == 0 {
                    reader.report(.invalidValue, at: pair.value.start, "questions is empty; add at least one question")
                }
                let decoded = streamed.map { (questions: $0.questions, findings: $0.findings) }
                    ?? decodeQuestions(&questionItems, defaults: defaults, file: file)
                bank.questions = decoded.questions
                reader.absorb(decoded.findings)
            } else {
                reader.report(.invalidValue, at: pair.value.start,
                              "questions must be a list of questions (lines starting with \"- id:\"), not \(pair.value.kindDescription)")
            }
        } else {
            reader.report(.missingField, at: start, "the bank has no \"questions\"; add a list of questions")
        }

        if let pair = fields["tests"] {
            if let items = pair.value.sequence {
                for item in items {
                    if let t = TestDecoder.decode(item, reader: reader) { bank.tests.append(t) }
                }
            } else {
                reader.report(.invalidValue, at: pair.value.start,
                              "tests must be a list of practice tests (lines starting with \"- id:\"), not \(pair.value.kindDescription)")
            }
        }
        return (bank, reader.findings)
    }

    /// Decodes the question items, on every core for a large bank: each chunk has its own
    /// reader, and the chunks are joined back in file order.
    static func decodeQuestions(_ items: inout [Node], defaults: QuestionDefaults, file: String) -> (questions: [Question], findings: [Finding]) {
        let total = items.count
        let chunkCount = total < 2_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8, total / 1_000)
        let size = (total + chunkCount - 1) / max(1, chunkCount)
        // Each chunk owns its nodes alone once the whole list is let go, so freeing a decoded
        // question's nodes really returns their memory.
        var list: [Node] = []
        swap(&list, &items)
        nonisolated(unsafe) var chunks: [[Node]] = []
        for c in 0..<chunkCount { chunks.append(Array(list[(c * size)..<min(total, (c + 1) * size)])) }
        list = []
        nonisolated(unsafe) var parts = [(questions: [Question], findings: [Finding])](repeating: ([], []), count: chunkCount)
        parts.withUnsafeMutableBufferPointer { buffer in
            chunks.withUnsafeMutableBufferPointer { inputs in
                nonisolated(unsafe) let out = buffer
                nonisolated(unsafe) let input = inputs
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    let reader = NodeReader(file: file)
                    var mine: [Node] = []
                    swap(&mine, &input[chunk])
                    var questions: [Question] = []
                    questions.reserveCapacity(mine.count)
                    for j in mine.indices {
                        let item = mine[j]
                        mine[j] = spent
                        if let q = QuestionDecoder.decode(item, defaults: defaults, reader: reader) { questions.append(q) }
                    }
                    out[chunk] = (questions, reader.findings)
                }
            }
        }
        if parts.count == 1 { return parts[0] }
        var questions: [Question] = []
        questions.reserveCapacity(items.count)
        var findings: [Finding] = []
        for i in parts.indices {
            questions += parts[i].questions
            findings += parts[i].findings
            parts[i] = ([], [])  // each chunk goes as soon as it is copied, so the bank is never held twice
        }
        return (questions, findings)
    }

    /// What a decoded question's node is replaced with.
    static let spent = Node(.scalar(Scalar("")), range: SourceRange(start: Mark(line: 0, column: 0), end: Mark(line: 0, column: 0)))

    static func decodeDefaults(_ node: Node, _ reader: NodeReader) -> QuestionDefaults {
        var d = QuestionDefaults()
        guard let pairs = node.mapping else {
            reader.report(.invalidValue, at: node.start, "defaults must be a mapping of question keys, not \(node.kindDescription)")
            return d
        }
        let fields = reader.fields(of: pairs, in: "defaults", allowed: defaultKeys) { key in
            QuestionDecoder.allKeys.contains(key) && !defaultKeys.contains(key)
                ? "\"\(key)\" cannot have a default; defaults may set \(defaultKeys.joined(separator: ", "))" : nil
        }
        if let v = fields.value("points") { d.points = reader.positiveNumber(v, "points") ?? d.points }
        if let v = fields.value("time") { d.time = reader.duration(v, "time") ?? d.time }
        if let v = fields.value("shuffle") { d.shuffle = reader.bool(v, "shuffle") ?? d.shuffle }
        if let v = fields.value("scoring") { d.scoring = reader.choice(v, "scoring", ScoringPolicy.self) ?? d.scoring }
        if let v = fields.value("difficulty") { d.difficulty = reader.choice(v, "difficulty", Difficulty.self) }
        if let v = fields.value("tags") { d.tags = reader.texts(v, "tags") ?? [] }
        return d
    }

    /// Where each key and value of a mapping stands.
    static func places(_ pairs: [Pair], start: Mark, end: Mark? = nil) -> Places {
        var p = Places(start: start, end: end ?? pairs.last?.value.range.end ?? start)
        p.entries.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar?.value else { continue }
            p.add(key, key: pair.key.start, value: pair.value.start)
        }
        return p
    }
}

/// Question values set once in a bank's `defaults`.
struct QuestionDefaults {
    var points: Double = 1
    var time: Int = 20
    var shuffle = true
    var scoring: ScoringPolicy = .allOrNothing
    var difficulty: Difficulty?
    var tags: [String] = []
}


import Foundation
import QuizYAML

/// Turns a bank file's parsed document into a `Bank`, walking its nodes by hand so
/// every problem becomes a finding with the place of the node at fault.
///
/// It never stops at the first problem and never throws: a bank with errors
/// is still returned (its broken questions marked invalid) alongside them.
public enum BankDecoder {
    static let bankKeys = NodeReader.KeySet(BankVocabulary.bank.names)
    static let defaultKeys = NodeReader.KeySet(BankVocabulary.defaults.names)

    /// Decodes one bank from a `Node` tree. `fileStem` is the file name without extension,
    /// which the bank id must equal.
    public static func decode(_ tree: Node?, file: String, fileStem: String) -> (bank: Bank?, findings: [Finding]) {
        decode(document: tree.map(YAMLDocument.init), file: file, fileStem: fileStem)
    }

    /// Decodes one bank from its parsed document (nil for a file with no document).
    public static func decode(document: YAMLDocument?, file: String, fileStem: String) -> (bank: Bank?, findings: [Finding]) {
        decode(parts: YAMLParts(document: document), file: file, fileStem: fileStem)
    }

    /// Decodes one bank from its document read in parts (``YAMLParser/parts(_:sequence:limits:splitAbove:)``
    /// with `questions`): the same bank and findings as from the document read whole.
    public static func decode(parts: YAMLParts, file: String, fileStem: String) -> (bank: Bank?, findings: [Finding]) {
        guard let doc = parts.document, !doc.isNull(doc.root) else {
            let reader = NodeReader(file: file, document: YAMLDocument())
            reader.report(.missingField, at: Mark(line: 1, column: 1),
                          "the file is empty; a bank starts with \"quiz: \(fileStem)\", a title and its questions")
            return (nil, reader.findings)
        }
        let reader = NodeReader(file: file, document: doc)
        let root = doc.root
        guard doc.isMapping(root) else {
            reader.report(.invalidValue, at: doc.start(root),
                          "a bank must be a mapping with quiz, title and questions keys, not \(doc.kindDescription(root))")
            return (nil, reader.findings)
        }
        let fields = reader.fields(of: root, in: "the bank", allowed: bankKeys)
        let start = doc.pairs(root).first(where: { _ in true }).map { doc.start($0.key) } ?? doc.start(root)
        var place = fields.places
        place.start = start
        place.end = lastValueEnd(root, doc) ?? start
        var bank = Bank(id: fileStem, title: fileStem, lesson: fileStem, file: file, place: place)

        if let node = fields.value("quiz"), let id = reader.id(node, "bank id") {
            bank.id = id
            if id != fileStem {
                reader.report(.invalidValue, at: doc.start(node),
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
        let defaults = fields.value("defaults").map { decodeDefaults($0, reader) } ?? QuestionDefaults()

        if let list = fields.value("questions") {
            if doc.isSequence(list) {
                if doc.count(list) == 0 {
                    reader.report(.invalidValue, at: doc.start(list), "questions is empty; add at least one question")
                }
                let decoded = decodeQuestions(parts.items(of: list), defaults: defaults, file: file)
                bank.questions = decoded.questions
                reader.absorb(decoded.findings)
            } else {
                reader.report(.invalidValue, at: doc.start(list),
                              "questions must be a list of questions (lines starting with \"- id:\"), not \(doc.kindDescription(list))")
            }
        } else {
            reader.report(.missingField, at: start, "the bank has no \"questions\"; add a list of questions")
        }

        if let list = fields.value("tests") {
            if doc.isSequence(list) {
                for item in doc.items(list) {
                    if let t = TestDecoder.decode(item, reader: reader) { bank.tests.append(t) }
                }
            } else {
                reader.report(.invalidValue, at: doc.start(list),
                              "tests must be a list of practice tests (lines starting with \"- id:\"), not \(doc.kindDescription(list))")
            }
        }
        return (bank, reader.findings)
    }

    /// Where the last value of a mapping ends; nil for an empty mapping.
    static func lastValueEnd(_ mapping: Int, _ doc: YAMLDocument) -> Mark? {
        var last: Int?
        for (_, value) in doc.pairs(mapping) { last = value }
        return last.map { doc.end($0) }
    }

    /// Decodes the question items, on every core for a large bank: each chunk has its own
    /// reader over the same (read-only) document, and the chunks are joined back in file order.
    /// A file read in two parts (``YAMLParts``) gives two runs of items, each in its own document;
    /// no chunk spans two runs.
    static func decodeQuestions(_ runs: [(document: YAMLDocument, items: [Int])], defaults: QuestionDefaults,
                                file: String) -> (questions: [Question], findings: [Finding]) {
        let total = runs.reduce(0) { $0 + $1.items.count }
        let wanted = total < 2_000 ? 1 : min(ProcessInfo.processInfo.activeProcessorCount, 8, total / 1_000)
        // Each run gets its share of the chunks (a file read in two halves, one chunk each on two cores).
        // Every chunk decodes into its own stretch of one buffer (`start`, its items' place in the bank), so
        // the bank is joined by moving the questions, not by copying each (and its strings' references).
        var chunks: [(run: Int, range: Range<Int>, start: Int)] = []
        var placed = 0
        for (r, run) in runs.enumerated() where !run.items.isEmpty {
            let share = max(1, Int((Double(wanted * run.items.count) / Double(total)).rounded()))
            let size = (run.items.count + share - 1) / share
            var lower = 0
            while lower < run.items.count {
                let upper = min(run.items.count, lower + size)
                chunks.append((r, lower..<upper, placed))
                placed += upper - lower
                lower = upper
            }
        }
        if chunks.isEmpty { return ([], []) }
        let chunkCount = chunks.count
        let cut = chunks
        nonisolated(unsafe) let slots = UnsafeMutablePointer<Question>.allocate(capacity: max(total, 1))
        defer { slots.deallocate() }
        @Sendable func decodeChunk(_ chunk: Int) -> (decoded: Int, findings: [Finding]) {
            let (r, range, start) = cut[chunk]
            let reader = NodeReader(file: file, document: runs[r].document)
            let items = runs[r].items
            var decoded = 0
            for j in range {
                if let q = QuestionDecoder.decode(items[j], defaults: defaults, reader: reader) {
                    (slots + start + decoded).initialize(to: q)
                    decoded += 1
                }
            }
            return (decoded, reader.findings)
        }
        nonisolated(unsafe) var parts = [(decoded: Int, findings: [Finding])](repeating: (0, []), count: chunkCount)
        if chunkCount == 1 {
            parts[0] = decodeChunk(0)
        } else {
            parts.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let out = buffer
                DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                    out[chunk] = decodeChunk(chunk)
                }
            }
        }
        let questions = [Question](unsafeUninitializedCapacity: parts.reduce(0) { $0 + $1.decoded }) { buffer, count in
            for (chunk, part) in parts.enumerated() where part.decoded > 0 {
                (buffer.baseAddress! + count).moveInitialize(from: slots + cut[chunk].start, count: part.decoded)
                count += part.decoded
            }
        }
        let findings = parts.flatMap(\.findings)
        return (questions, findings)
    }

    static func decodeDefaults(_ node: Int, _ reader: NodeReader) -> QuestionDefaults {
        var d = QuestionDefaults()
        let doc = reader.document
        guard doc.isMapping(node) else {
            reader.report(.invalidValue, at: doc.start(node), "defaults must be a mapping of question keys, not \(doc.kindDescription(node))")
            return d
        }
        let fields = reader.fields(of: node, in: "defaults", allowed: defaultKeys) { key, _ in
            QuestionDecoder.allKeys.contains(key) && !defaultKeys.contains(key)
                ? "\"\(key)\" cannot have a default; defaults may set \(defaultKeys.names.joined(separator: ", "))" : nil
        }
        if let v = fields.value("points") { d.points = reader.positiveNumber(v, "points") ?? d.points }
        if let v = fields.value("time") { d.time = reader.duration(v, "time") ?? d.time }
        if let v = fields.value("shuffle") { d.shuffle = reader.bool(v, "shuffle") ?? d.shuffle }
        if let v = fields.value("scoring") { d.scoring = reader.choice(v, "scoring", ScoringPolicy.self) ?? d.scoring }
        if let v = fields.value("difficulty") { d.difficulty = reader.choice(v, "difficulty", Difficulty.self) }
        if let v = fields.value("tags") { d.tags = reader.texts(v, "tags") ?? [] }
        return d
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


import QuizYAML

/// Decodes one practice-test mapping of a bank.
enum TestDecoder {
    static let keys = NodeReader.KeySet(BankVocabulary.test.names)
    static let pickKeys = NodeReader.KeySet(BankVocabulary.pick.names)
    static let poolKeys = NodeReader.KeySet(BankVocabulary.pool.names)

    static func decode(_ node: Int, reader: NodeReader) -> PracticeTest? {
        let doc = reader.document
        guard doc.isMapping(node) else {
            reader.report(.invalidValue, at: doc.start(node), "each test must be a mapping starting with \"- id:\", not \(doc.kindDescription(node))")
            return nil
        }
        reader.beginScope()
        let start = doc.pairs(node).first(where: { _ in true }).map { doc.start($0.key) } ?? doc.start(node)
        let fields = reader.fields(of: node, in: "a test", allowed: keys)
        var place = fields.places
        place.start = start
        place.end = doc.end(node)
        var t = PracticeTest(id: "", title: "", place: place)
        if let v = fields.value("id") { t.id = reader.id(v, "test id") ?? "" } else {
            reader.report(.missingField, at: start, "this test has no \"id\"; add id: with a kebab-case name, e.g. id: practice")
        }
        let name = t.id.isEmpty ? "this test" : "test \"\(t.id)\""
        if let v = fields.value("title") { t.title = reader.text(v, "title") ?? "" } else {
            reader.report(.missingField, at: start, "\(name) has no \"title\"; add title: with the name learners see")
        }
        if let v = fields.value("time_limit") { t.timeLimit = reader.duration(v, "time_limit") }
        if let v = fields.value("pick") { t.pick = pick(v, reader) ?? .all }
        if let v = fields.value("from") { t.pool = pool(v, reader) }
        if let v = fields.value("shuffle") { t.shuffle = reader.bool(v, "shuffle") ?? true }
        if let v = fields.value("pass") { t.passMark = passMark(v, reader) ?? 70 }
        if let v = fields.value("penalty"), let p = reader.number(v, "penalty") {
            if (0...1).contains(p) { t.penalty = p } else {
                reader.report(.invalidValue, at: doc.start(v), "penalty must be between 0 and 1 (a fraction of the points), not \(reader.quoted(v))")
            }
        }
        if let v = fields.value("feedback") { t.feedback = reader.choice(v, "feedback", FeedbackTiming.self) ?? .end }
        t.isValid = !reader.scopeHasError
        return t
    }

    static func pick(_ node: Int, _ reader: NodeReader) -> Pick? {
        let doc = reader.document
        if let s = doc.scalar(node) {
            if s.value == "all" { return .all }
            if s.style == .plain, let n = Int(s.value), n > 0 { return .count(n) }
        } else if doc.isMapping(node) {
            let f = reader.fields(of: node, in: "pick", allowed: pickKeys)
            if let v = f.value("per_section") {
                return reader.positiveInteger(v, "per_section").map { .perSection($0) }
            }
            if doc.count(node) > 0 { return nil }
        }
        reader.report(.invalidValue, at: doc.start(node),
                      "pick must be all, a number of questions, or {per_section: N}, not \(reader.quoted(node))")
        return nil
    }

    static func pool(_ node: Int, _ reader: NodeReader) -> PoolFilter {
        var filter = PoolFilter()
        let doc = reader.document
        guard doc.isMapping(node) else {
            reader.report(.invalidValue, at: doc.start(node), "from must be a mapping of sections, tags or difficulty, not \(doc.kindDescription(node))")
            return filter
        }
        let f = reader.fields(of: node, in: "from", allowed: poolKeys)
        if let v = f.value("sections") { filter.sections = reader.texts(v, "sections") }
        if let v = f.value("tags") { filter.tags = reader.texts(v, "tags") }
        if let v = f.value("difficulty") {
            if doc.isSequence(v) {
                filter.difficulty = doc.items(v).compactMap { reader.choice($0, "difficulty", Difficulty.self) }
            } else {
                reader.report(.invalidValue, at: doc.start(v), "difficulty must be a list, e.g. [easy, medium], not \(reader.quoted(v))")
            }
        }
        return filter
    }

    static func passMark(_ node: Int, _ reader: NodeReader) -> Double? {
        if let s = reader.document.scalar(node), s.value.hasSuffix("%") {
            let number = String(s.value.dropLast())
            if NodeReader.isNumeral(number), !number.hasPrefix("+"), let p = Double(number.hasPrefix(".") ? "0" + number : number), (0...100).contains(p) {
                return p
            }
        }
        reader.report(.invalidValue, at: reader.document.start(node),
                      "pass must be a percentage from 0% to 100% written in quotes, e.g. \"70%\", not \(reader.quoted(node))")
        return nil
    }
}

import QuizYAML

/// Decodes one practice-test mapping of a bank.
enum TestDecoder {
    static let keys = BankVocabulary.test.names
    static let pickKeys = BankVocabulary.pick.names
    static let poolKeys = BankVocabulary.pool.names

    static func decode(_ node: Node, reader: NodeReader) -> PracticeTest? {
        guard let pairs = node.mapping else {
            reader.report(.invalidValue, at: node.start, "each test must be a mapping starting with \"- id:\", not \(node.kindDescription)")
            return nil
        }
        reader.beginScope()
        let start = pairs.first?.key.start ?? node.start
        let fields = reader.fields(of: pairs, in: "a test", allowed: keys)
        var t = PracticeTest(id: "", title: "", place: BankDecoder.places(pairs, start: start, end: node.range.end))
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
                reader.report(.invalidValue, at: v.start, "penalty must be between 0 and 1 (a fraction of the points), not \(NodeReader.quoted(v))")
            }
        }
        if let v = fields.value("feedback") { t.feedback = reader.choice(v, "feedback", FeedbackTiming.self) ?? .end }
        t.isValid = !reader.scopeHasError
        return t
    }

    static func pick(_ node: Node, _ reader: NodeReader) -> Pick? {
        if let s = node.scalar {
            if s.value == "all" { return .all }
            if s.style == .plain, let n = Int(s.value), n > 0 { return .count(n) }
        } else if let pairs = node.mapping {
            let f = reader.fields(of: pairs, in: "pick", allowed: pickKeys)
            if let v = f.value("per_section") {
                return reader.positiveInteger(v, "per_section").map { .perSection($0) }
            }
            if pairs.isEmpty == false { return nil }
        }
        reader.report(.invalidValue, at: node.start,
                      "pick must be all, a number of questions, or {per_section: N}, not \(NodeReader.quoted(node))")
        return nil
    }

    static func pool(_ node: Node, _ reader: NodeReader) -> PoolFilter {
        var filter = PoolFilter()
        guard let pairs = node.mapping else {
            reader.report(.invalidValue, at: node.start, "from must be a mapping of sections, tags or difficulty, not \(node.kindDescription)")
            return filter
        }
        let f = reader.fields(of: pairs, in: "from", allowed: poolKeys)
        if let v = f.value("sections") { filter.sections = reader.texts(v, "sections") }
        if let v = f.value("tags") { filter.tags = reader.texts(v, "tags") }
        if let v = f.value("difficulty") {
            if let items = v.sequence {
                filter.difficulty = items.compactMap { reader.choice($0, "difficulty", Difficulty.self) }
            } else {
                reader.report(.invalidValue, at: v.start, "difficulty must be a list, e.g. [easy, medium], not \(NodeReader.quoted(v))")
            }
        }
        return filter
    }

    static func passMark(_ node: Node, _ reader: NodeReader) -> Double? {
        if let s = node.scalar, s.value.hasSuffix("%") {
            let number = String(s.value.dropLast())
            if NodeReader.isNumeral(number), !number.hasPrefix("+"), let p = Double(number.hasPrefix(".") ? "0" + number : number), (0...100).contains(p) {
                return p
            }
        }
        reader.report(.invalidValue, at: node.start,
                      "pass must be a percentage from 0% to 100% written in quotes, e.g. \"70%\", not \(NodeReader.quoted(node))")
        return nil
    }
}

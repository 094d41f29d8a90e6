import Foundation

extension AttemptReport {
    /// The facts of a stored attempt that a report needs.
    public struct Summary: Sendable {
        public var id: String
        public var bank: String
        public var test: String
        public var title: String
        public var seed: UInt64
        public var startedAt: Date
        public var submittedAt: Date?
        public var timeLimit: Int?
        public var elapsed: Double
        public var status: String
        public var passMark: Double
        /// Who took the attempt; nil when the store does not know.
        public var learner: String?

        public init(id: String, bank: String, test: String, title: String, seed: UInt64, startedAt: Date,
                    submittedAt: Date?, timeLimit: Int?, elapsed: Double, status: String, passMark: Double,
                    learner: String? = nil) {
            self.id = id
            self.bank = bank
            self.test = test
            self.title = title
            self.seed = seed
            self.startedAt = startedAt
            self.submittedAt = submittedAt
            self.timeLimit = timeLimit
            self.elapsed = elapsed
            self.status = status
            self.passMark = passMark
            self.learner = learner
        }
    }

    /// One question of the attempt with what was given for it.
    public struct Entry: Sendable {
        public var item: SessionQuestion
        public var lesson: String
        public var section: String
        public var answer: SessionAnswer

        public init(item: SessionQuestion, lesson: String, section: String, answer: SessionAnswer) {
            self.item = item
            self.lesson = lesson
            self.section = section
            self.answer = answer
        }
    }

    /// `sectionOrder` lists `lesson#section` keys in reading order; sections follow it
    /// (others after, in the order the attempt first reached them). `lessons` are the course's
    /// lessons as found on this machine; the report keeps those its sections belong to.
    public init(summary s: Summary, entries: [Entry], sectionOrder: [String] = [], lessons: [ReportLesson] = []) {
        let total = Scorer.total(grades: entries.map(\.answer.grade), passMark: s.passMark)
        attempt = Attempt(id: s.id, bank: s.bank, test: s.test, title: s.title, seed: s.seed,
                          startedAt: Self.timestamp(s.startedAt), submittedAt: s.submittedAt.map(Self.timestamp),
                          timeLimitS: s.timeLimit, elapsedS: Figures.seconds(s.elapsed), status: s.status, learner: s.learner)
        score = Score(total)
        // Sections in the order the attempt first reached them, then sorted by reading order.
        var sections: [SectionScore] = []
        var slot: [String: Int] = [:]
        for e in entries {
            let key = e.lesson + "#" + e.section
            let i: Int
            if let found = slot[key] {
                i = found
            } else {
                i = sections.count
                slot[key] = i
                sections.append(SectionScore(lesson: e.lesson, id: e.section, title: e.item.sectionTitle,
                                             points: .number(0), max: .number(0), questions: 0))
            }
            sections[i].points = .number(Self.value(sections[i].points) + e.answer.grade.points)
            sections[i].max = .number(Self.value(sections[i].max) + e.answer.grade.max)
            sections[i].questions += 1
        }
        let rank = Dictionary(sectionOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let ranked = sections.enumerated().sorted { a, b in
            (rank[a.element.lesson + "#" + a.element.id] ?? Int.max, a.offset) < (rank[b.element.lesson + "#" + b.element.id] ?? Int.max, b.offset)
        }
        self.sections = ranked.map(\.element)
        questions = entries.map { e in
            QuestionResult(position: e.item.position, id: e.item.question.id, section: e.section,
                           type: e.item.question.type.rawValue, response: JSONValue(e.answer.response, for: e.item.question),
                           responseShown: e.answer.response.map { QuestionView.asTyped($0, e.item) },
                           correct: e.answer.response == nil ? nil : e.answer.grade.correct == true,
                           points: .number(e.answer.grade.points), max: .number(e.answer.grade.max),
                           timeS: .number(Figures.seconds(e.answer.timeSpent)), flagged: e.answer.flagged, review: e.item.review)
        }
        let known = Dictionary(lessons.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var used: [ReportLesson] = []
        for section in self.sections where !used.contains(where: { $0.id == section.lesson }) {
            if let lesson = known[section.lesson] { used.append(lesson) }
        }
        self.lessons = used
        details = entries.map { e in
            Detail(prompt: e.item.question.prompt, sectionTitle: e.item.sectionTitle,
                   given: e.answer.response.map { QuestionView.described($0, e.item) },
                   right: QuestionView.rightAnswer(e.item), explanation: e.item.question.explanation,
                   rightResponse: Self.rightResponse(e.item.question),
                   reviewURL: known[e.lesson]?.url.map { $0 + "#" + Self.fragment(e.section) })
        }
    }

    /// The full-marks response to `q` in the author's terms, encoded as a report writes responses.
    static func rightResponse(_ q: Question) -> JSONValue {
        let response: Response
        switch q.kind {
        case .single(_, let answer): response = .single(answer)
        case .multiple(_, let answers): response = .multiple(answers.sorted())
        case .truefalse(let answer): response = .truefalse(answer)
        case .short(let accepted):
            guard let first = accepted.first else { return .null }
            switch first {
            case .text(let text): response = .short(text)
            case .pattern(let pattern): response = .short("/\(pattern)/")
            }
        case .numeric(let answer, _): response = .numeric(answer)
        case .order(let items): response = .order(Array(items.indices))
        case .match(let pairs): response = .match(Array(pairs.indices))
        }
        return JSONValue(response, for: q)
    }

    /// A section id as a URL fragment: characters a fragment cannot hold percent-encoded.
    static func fragment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? id
    }

    static func value(_ v: JSONValue) -> Double {
        if case .number(let n) = v { return n }
        return 0
    }

    static func timestamp(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        f.timeZone = TimeZone(identifier: "UTC")
        return f.string(from: date)
    }
}

extension AttemptReport.Score {
    /// A test's score as reports write it: percent rounded to 2 decimals, the rest unrounded.
    public init(_ total: TestScore) {
        self.init(points: .number(total.points), max: .number(total.max), percent: .number(total.percentRounded),
                  passMark: .number(total.passMark), passed: total.passed)
    }
}

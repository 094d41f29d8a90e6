import QuizYAML

/// Writes and reads banks, and the lessons a bank links to, in the cache's binary format. Places
/// are not kept: a cached bank serves sessions and reports, never lint, which always reads the files.
enum BankArchive {
    static func write(_ bank: Bank, to w: inout ArchiveWriter) {
        w.string(bank.id)
        w.string(bank.title)
        w.string(bank.lesson)
        w.string(bank.file)
        w.array(bank.questions) { w, q in write(q, to: &w) }
        w.array(bank.tests) { w, t in write(t, to: &w) }
    }

    static func readBank(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Bank {
        var bank = Bank(id: try r.string(), title: try r.string(), lesson: try r.string(), file: try r.string())
        bank.questions = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try readQuestion(&r) }
        bank.tests = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try readTest(&r) }
        return bank
    }

    static func write(_ q: Question, to w: inout ArchiveWriter) {
        w.string(q.id)
        w.string(q.section)
        w.string(q.prompt)
        writeKind(q.kind, to: &w)
        w.optional(q.explanation) { $0.string($1) }
        w.optional(q.hint) { $0.string($1) }
        w.double(q.points)
        w.bool(q.scoring == .partial)
        w.optional(q.difficulty) { $0.string($1.rawValue) }
        w.array(q.tags) { $0.string($1) }
        w.int(q.time)
        w.bool(q.shuffle)
        w.bool(q.check)
        w.optional(q.flaw) { w, flaw in
            w.int(flaw.line)
            w.int(flaw.column)
            w.string(flaw.rule.rawValue)
            w.string(flaw.message)
        }
    }

    static func readQuestion(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Question {
        let id = try r.string(), section = try r.string(), prompt = try r.string()
        let kind = try readKind(&r)
        let explanation = try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
        let hint = try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
        let points = try r.double()
        let scoring: ScoringPolicy = try r.bool() ? .partial : .allOrNothing
        let difficulty = try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }.flatMap(Difficulty.init)
        let tags = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
        return Question(id: id, section: section, prompt: prompt, kind: kind, explanation: explanation, hint: hint,
                        points: points, scoring: scoring, difficulty: difficulty, tags: tags, time: try r.int(),
                        shuffle: try r.bool(), check: try r.bool(), flaw: try r.optional(readFlaw))
    }

    static func readFlaw(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Question.Flaw {
        let line = try r.int(), column = try r.int()
        guard let rule = RuleID(rawValue: try r.string()) else { throw ArchiveReader.Damaged() }
        return Question.Flaw(line: line, column: column, rule: rule, message: try r.string())
    }

    static func writeKind(_ kind: Question.Kind, to w: inout ArchiveWriter) {
        func choices(_ c: [Choice], _ w: inout ArchiveWriter) {
            w.array(c) { w, c in
                w.string(c.text)
                w.optional(c.feedback) { $0.string($1) }
            }
        }
        switch kind {
        case .single(let c, let a): w.byte(0); choices(c, &w); w.int(a)
        case .multiple(let c, let a): w.byte(1); choices(c, &w); w.array(a) { $0.int($1) }
        case .truefalse(let a): w.byte(2); w.bool(a)
        case .short(let accepted):
            w.byte(3)
            w.array(accepted) { w, s in
                switch s {
                case .text(let t): w.byte(0); w.string(t)
                case .pattern(let p): w.byte(1); w.string(p)
                }
            }
        case .numeric(let a, let t):
            w.byte(4)
            w.double(a)
            switch t {
            case .absolute(let d): w.byte(0); w.double(d)
            case .percent(let p): w.byte(1); w.double(p)
            }
        case .order(let items): w.byte(5); w.array(items) { $0.string($1.text) }
        case .match(let pairs): w.byte(6); w.array(pairs) { $0.string($1.left); $0.string($1.right) }
        }
    }

    static func readKind(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Question.Kind {
        func choices(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> [Choice] {
            try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
                Choice(try r.string(), feedback: try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() })
            }
        }
        switch try r.byte() {
        case 0: return .single(choices: try choices(&r), answer: try r.int())
        case 1: return .multiple(choices: try choices(&r), answers: try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.int() })
        case 2: return .truefalse(answer: try r.bool())
        case 3:
            return .short(accepted: try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
                try r.byte() == 0 ? .text(try r.string()) : .pattern(try r.string())
            })
        case 4:
            let answer = try r.double()
            let tolerance: Tolerance = try r.byte() == 0 ? .absolute(try r.double()) : .percent(try r.double())
            return .numeric(answer: answer, tolerance: tolerance)
        case 5: return .order(items: try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in Item(try r.string()) })
        case 6: return .match(pairs: try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in MatchPair(try r.string(), try r.string()) })
        default: throw ArchiveReader.Damaged()
        }
    }

    static func write(_ t: PracticeTest, to w: inout ArchiveWriter) {
        w.string(t.id)
        w.string(t.title)
        w.optional(t.timeLimit) { $0.int($1) }
        switch t.pick {
        case .all: w.byte(0)
        case .count(let n): w.byte(1); w.int(n)
        case .perSection(let n): w.byte(2); w.int(n)
        }
        w.optional(t.pool.sections) { w, s in w.array(s) { $0.string($1) } }
        w.optional(t.pool.tags) { w, s in w.array(s) { $0.string($1) } }
        w.optional(t.pool.difficulty) { w, s in w.array(s) { $0.string($1.rawValue) } }
        w.bool(t.shuffle)
        w.double(t.passMark)
        w.double(t.penalty)
        w.bool(t.feedback == .immediate)
        w.bool(t.isValid)
    }

    static func readTest(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> PracticeTest {
        let id = try r.string(), title = try r.string()
        let limit = try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.int() }
        let pick: Pick
        switch try r.byte() {
        case 0: pick = .all
        case 1: pick = .count(try r.int())
        case 2: pick = .perSection(try r.int())
        default: throw ArchiveReader.Damaged()
        }
        let strings = { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> [String] in
            try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
        }
        let sections = try r.optional(strings)
        let tags = try r.optional(strings)
        let difficulty = try r.optional(strings).map { $0.compactMap(Difficulty.init) }
        return PracticeTest(id: id, title: title, timeLimit: limit, pick: pick,
                            pool: PoolFilter(sections: sections, tags: tags, difficulty: difficulty),
                            shuffle: try r.bool(), passMark: try r.double(), penalty: try r.double(),
                            feedback: try r.bool() ? .immediate : .end, isValid: try r.bool())
    }

    static func write(_ lesson: Lesson, to w: inout ArchiveWriter) {
        w.string(lesson.id)
        w.string(lesson.title)
        w.optional(lesson.summary) { $0.string($1) }
        w.array(lesson.links) { w, link in
            w.string(link.title)
            w.string(link.url)
        }
        w.string(lesson.file)
        w.string(lesson.intro)
        w.array(lesson.sections) { w, section in
            w.string(section.id)
            w.string(section.title)
            w.int(section.line)
            w.string(section.body)
            w.int(section.wordCount)
            w.int(section.readingMinutes)
        }
    }

    static func readLesson(_ r: inout ArchiveReader) throws(ArchiveReader.Damaged) -> Lesson {
        let id = try r.string(), title = try r.string()
        let summary = try r.optional { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in try r.string() }
        let links = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
            Lesson.Link(title: try r.string(), url: try r.string())
        }
        let file = try r.string(), intro = try r.string()
        let sections = try r.array { (r: inout ArchiveReader) throws(ArchiveReader.Damaged) in
            Section(id: try r.string(), title: try r.string(), line: try r.int(), body: try r.string(),
                    wordCount: try r.int(), readingMinutes: try r.int())
        }
        return Lesson(id: id, title: title, summary: summary, links: links, file: file, intro: intro, sections: sections)
    }
}

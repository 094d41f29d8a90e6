import QuizKit

/// A decoded bank as `quiz export --format json` writes it (`quiz-bank/1`), for authors' own tools.
///
/// It is the bank after loading, not the file: `defaults` are applied to every question,
/// durations are seconds, and every value is in one form (a short answer is always a
/// list, a tolerance says whether it is absolute or a percentage). It holds no places,
/// times or random ids, so one bank always gives the same bytes. `docs/interop.md`
/// describes each field.
public struct BankJSON: Encodable, Sendable {
    /// Names this layout; a change that would break a reader gets a new number.
    public static let layout = "quiz-bank/1"

    let schema = BankJSON.layout
    let id: String
    let title: String
    let lesson: String
    let file: String
    let questions: [Question]
    let tests: [Test]

    public init(_ bank: Bank) {
        id = bank.id
        title = bank.title
        lesson = bank.lesson
        file = bank.file
        questions = bank.questions.map(Question.init)
        tests = bank.tests.map(Test.init)
    }

    /// The bank as JSON text, pretty-printed with sorted keys and a final newline.
    public func text() throws -> String {
        try JSONDocument.pretty(self)
    }

    struct Question: Encodable, Sendable {
        let id: String
        let section: String
        let type: String
        let prompt: String
        let explanation: String?
        let hint: String?
        let points: Double
        let scoring: String?
        let difficulty: String?
        let tags: [String]
        let time: Int
        let shuffle: Bool
        let check: Bool
        var choices: [Choice]?
        var answer: JSONValue?
        var tolerance: JSONValue?
        var items: [String]?
        var pairs: [Pair]?

        init(_ q: QuizKit.Question) {
            id = q.id
            section = q.section
            type = q.type.rawValue
            prompt = q.prompt
            explanation = q.explanation
            hint = q.hint
            points = q.points
            scoring = BankVocabulary.owners(of: "scoring")?.contains(q.type) == true ? q.scoring.rawValue : nil
            difficulty = q.difficulty?.rawValue
            tags = q.tags
            time = q.time
            shuffle = q.shuffle
            check = q.check
            switch q.kind {
            case .single(let choices, let answer):
                self.choices = choices.map(Choice.init)
                self.answer = .string(ChoiceLetter.name(answer))
            case .multiple(let choices, let answers):
                self.choices = choices.map(Choice.init)
                self.answer = .array(answers.map { .string(ChoiceLetter.name($0)) })
            case .truefalse(let answer):
                self.answer = .bool(answer)
            case .short(let accepted):
                self.answer = .array(accepted.map {
                    switch $0 {
                    case .text(let text): ["text": .string(text)]
                    case .pattern(let pattern): ["pattern": .string(pattern)]
                    }
                })
            case .numeric(let answer, let tolerance):
                self.answer = .number(answer)
                switch tolerance {
                case .absolute(let d): self.tolerance = ["absolute": .number(d)]
                case .percent(let p): self.tolerance = ["percent": .number(p)]
                }
            case .order(let items):
                self.items = items.map(\.text)
            case .match(let pairs):
                self.pairs = pairs.map(Pair.init)
            }
        }
    }

    struct Choice: Encodable, Sendable {
        let text: String
        let feedback: String?

        init(_ c: QuizKit.Choice) {
            text = c.text
            feedback = c.feedback
        }
    }

    struct Pair: Encodable, Sendable {
        let left: String
        let right: String

        init(_ p: MatchPair) {
            left = p.left
            right = p.right
        }
    }

    struct Test: Encodable, Sendable {
        let id: String
        let title: String
        let timeLimit: Int?
        let pick: JSONValue
        let from: Pool?
        let shuffle: Bool
        let pass: Double
        let penalty: Double
        let feedback: String

        enum CodingKeys: String, CodingKey {
            case id, title, timeLimit = "time_limit", pick, from, shuffle, pass, penalty, feedback
        }

        init(_ t: PracticeTest) {
            id = t.id
            title = t.title
            timeLimit = t.timeLimit
            switch t.pick {
            case .all: pick = "all"
            case .count(let n): pick = .number(Double(n))
            case .perSection(let n): pick = ["per_section": .number(Double(n))]
            }
            let pool = Pool(sections: t.pool.sections, tags: t.pool.tags, difficulty: t.pool.difficulty?.map(\.rawValue))
            from = pool.isEmpty ? nil : pool
            shuffle = t.shuffle
            pass = t.passMark
            penalty = t.penalty
            feedback = t.feedback.rawValue
        }
    }

    struct Pool: Encodable, Sendable {
        let sections: [String]?
        let tags: [String]?
        let difficulty: [String]?

        var isEmpty: Bool { sections == nil && tags == nil && difficulty == nil }
    }
}

import Foundation
import QuizKit
import QuizRecords

/// An attempt read back from the store and joined with the bank it was drawn from:
/// the same questions, in the same order and layout, with every answer given.
public struct StoredAttempt {
    public let record: AttemptRecord
    public let items: [SessionQuestion]
    public let answers: [SessionAnswer]
    let sections: [(lesson: String, section: String)]
    /// Every section of the root in reading order, as `lesson#section`.
    let readingOrder: [String]
    /// The root's lessons, with the absolute URL of each file found on this machine.
    let lessons: [ReportLesson]

    public init(_ record: AttemptRecord, store: any AttemptStore, root: ContentRoot) throws {
        self.record = record
        let questionRecords = try store.questions(of: record.id)
        let responses = Dictionary(try store.responses(of: record.id).map { ($0.position, $0) },
                                   uniquingKeysWith: { a, _ in a })
        guard let bank = root.bank(record.bank) else {
            throw UserError("attempt \(record.id) is from bank \"\(record.bank)\", which is not in \(root.url.path); run it from that course's folder or pass --root")
        }
        var items: [SessionQuestion] = []
        var answers: [SessionAnswer] = []
        var sections: [(String, String)] = []
        let decoder = JSONDecoder()
        for q in questionRecords {
            guard let question = bank.questions.first(where: { $0.id == q.questionID }) else {
                throw UserError("question \"\(q.questionID)\" of attempt \(record.id) is no longer in \(bank.file); restore it to use this attempt")
            }
            // A layout saved for another version of the question (choices since added or removed)
            // no longer fits it: show the question as written rather than a broken layout.
            var presentation = (try? decoder.decode(Presentation.self, from: Data(q.presentation.utf8))) ?? Presentation.asWritten(for: question)
            if !Self.fits(presentation, question) { presentation = Presentation.asWritten(for: question) }
            items.append(AttemptPlan.item(position: q.position, question, bank: bank, root: root, presentation: presentation))
            sections.append((q.lesson, q.section))
            if let r = responses[q.position] {
                let response = r.response.flatMap { Response(canonical: $0, for: question) }
                answers.append(SessionAnswer(response: response, grade: Grade(points: r.points, max: q.maxPoints, correct: r.correct),
                                             flagged: r.flagged, timeSpent: r.timeSpent, tries: r.tries, firstTryCorrect: r.firstTryCorrect))
            } else {
                answers.append(.empty(max: q.maxPoints))
            }
        }
        self.items = items
        self.answers = answers
        self.sections = sections
        readingOrder = root.lessons.flatMap { lesson in lesson.sections.map { "\(lesson.id)#\($0.id)" } }
        lessons = root.lessons.map { lesson in
            let file = root.url.appendingPathComponent(lesson.file).standardizedFileURL
            let exists = FileManager.default.fileExists(atPath: file.path)
            return ReportLesson(id: lesson.id, title: lesson.title, path: lesson.file, url: exists ? file.absoluteString : nil)
        }
    }

    /// Whether a stored layout is a rearrangement of exactly this question's choices, items and options.
    static func fits(_ p: Presentation, _ q: Question) -> Bool {
        let written = Presentation.asWritten(for: q)
        return p.choices.sorted() == written.choices && p.items.sorted() == written.items && p.options.sorted() == written.options
    }

    var summary: AttemptReport.Summary {
        AttemptReport.Summary(id: record.id, bank: record.bank, test: record.test ?? record.lesson ?? "", title: record.title,
                              seed: UInt64(bitPattern: record.seed), startedAt: record.startedAt, submittedAt: record.submittedAt,
                              timeLimit: record.timeLimit, elapsed: record.elapsed, status: record.status.rawValue,
                              passMark: record.passMark, learner: record.learner)
    }

    /// The score report of this attempt, as every format renders it.
    public var report: AttemptReport {
        AttemptReport(summary: summary, entries: zip(items, zip(answers, sections)).map { item, rest in
            AttemptReport.Entry(item: item, lesson: rest.1.lesson, section: rest.1.section, answer: rest.0)
        }, sectionOrder: readingOrder, lessons: lessons)
    }

    /// The session settings a resumed test runs with: the stored ones, and the bank's feedback setting.
    public func settings(in root: ContentRoot) -> TestSession.Settings {
        let bank = root.bank(record.bank)
        return TestSession.Settings(title: record.title, subtitle: bank?.title ?? record.bank, seed: UInt64(bitPattern: record.seed),
                                    timeLimit: record.timeLimit.map(Double.init), passMark: record.passMark,
                                    penalty: record.penalty,
                                    immediateFeedback: bank?.test(record.test ?? "")?.feedback == .immediate)
    }
}

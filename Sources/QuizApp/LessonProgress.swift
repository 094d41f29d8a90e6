import QuizKit
import QuizRecords

/// How far a learner has got with one lesson: sections done, quick-check accuracy
/// on first tries, the best practice-test score and the minutes left.
public struct LessonProgress {
    public let lesson: Lesson
    public let plan: StudyPlan
    /// Ids of the sections done.
    public let done: Set<String>
    /// The first try at each quick check (by question id), in the round that first asked it.
    public let firstTries: [String: Bool]
    /// The best score of a submitted or expired practice test; nil if none.
    public let best: TestScore?
    /// Whether a practice test of the lesson has been finished.
    public let testDone: Bool

    /// Reads the lesson's progress: one walk over its quick-check rounds, one over its test attempts.
    public init(_ lesson: Lesson, root: ContentRoot, store: any AttemptStore) throws {
        self.lesson = lesson
        plan = StudyPlan(lesson: lesson, root: root)
        done = Set(try store.progress(lesson: lesson.id).filter(\.isDone).map(\.section))
        var firstTries: [String: Bool] = [:]
        try store.forEachAttempt(AttemptFilter(kind: .check, lesson: lesson.id)) { _, questions, responses in
            let ids = Dictionary(questions.map { ($0.position, $0.questionID) }, uniquingKeysWith: { a, _ in a })
            for r in responses {
                guard let id = ids[r.position], let first = r.firstTryCorrect, firstTries[id] == nil else { continue }
                firstTries[id] = first
            }
        }
        self.firstTries = firstTries
        var best: TestScore?
        var testDone = false
        if let (bank, test) = plan.test {
            try store.forEachAttempt(.finished(bank: bank.id, test: test.id)) { attempt, questions, responses in
                let score = TestScore(attempt, questions: questions, responses: responses)
                testDone = true
                if best.map({ score.percent > $0.percent }) ?? true { best = score }
            }
        }
        self.best = best
        self.testDone = testDone
    }

    /// Sections done, and the practice test when finished.
    public var partsDone: Int { done.count + (testDone ? 1 : 0) }

    /// The one figure for the minutes a lesson still takes, shown by `quiz progress` and in `quiz study`'s headers:
    /// the sections not done, and the practice test when none has been finished.
    public var minutesLeft: Int {
        plan.minutesLeft(done: done, testDone: testDone)
    }

    /// Quick checks right at the first try.
    public var rightFirstTime: Int { firstTries.values.count { $0 } }
}

extension TestScore {
    /// An attempt's score from its stored questions and responses.
    init(_ attempt: AttemptRecord, questions: [AttemptQuestionRecord], responses: [ResponseRecord]) {
        self.init(points: responses.reduce(0) { $0 + $1.points }, max: questions.reduce(0) { $0 + $1.maxPoints },
                  passMark: attempt.passMark)
    }
}

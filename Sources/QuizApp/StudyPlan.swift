import QuizKit

/// The parts of a lesson (its sections, and its practice test when a bank has one) and the time they take.
public struct StudyPlan {
    public let lesson: Lesson
    public let root: ContentRoot

    public init(lesson: Lesson, root: ContentRoot) {
        self.lesson = lesson
        self.root = root
    }

    /// The lesson's practice test: the first test of the first bank for the lesson that has one.
    public var test: (Bank, PracticeTest)? {
        root.banks.first { $0.lesson == lesson.id && !$0.tests.isEmpty }.map { ($0, $0.tests[0]) }
    }

    /// The sections, and the practice test when there is one.
    public var parts: Int { lesson.sections.count + (test == nil ? 0 : 1) }

    /// Minutes to read the sections not in `done` and answer their quick checks, plus the practice test
    /// unless one has been finished. `LessonProgress.minutesLeft` is the figure learners see.
    public func minutesLeft(done: Set<String>, testDone: Bool) -> Int {
        var seconds = 0
        for section in lesson.sections where !done.contains(section.id) {
            seconds += section.readingMinutes * 60
            seconds += root.quickChecks(lesson: lesson.id, section: section.id).reduce(0) { $0 + $1.question.time }
        }
        if !testDone, let (bank, test) = test {
            let draw = TestDraw(test: test, in: bank, root: root)
            seconds += test.timeLimit ?? draw.pool.prefix(draw.drawCount).reduce(0) { $0 + $1.time }
        }
        return Int((Double(seconds) / 60).rounded(.up))
    }

    /// How to name the practice test on the command line: `BANK`, or `BANK/TEST` when the bank has several.
    public var testReference: String? {
        test.map { bank, test in bank.tests.count == 1 ? bank.id : "\(bank.id)/\(test.id)" }
    }
}

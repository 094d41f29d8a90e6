import QuizYAML

/// A question bank: one YAML file under `Quizzes/`.
public struct Bank: Sendable, Identifiable, Equatable {
    public var id: String
    public var title: String
    /// The lesson its plain section ids refer to (default: the bank id).
    public var lesson: String
    /// Path relative to the content root, e.g. `Quizzes/websockets-sse-polling.yaml`.
    public var file: String
    public var questions: [Question]
    public var tests: [PracticeTest]
    public var place: Places

    public init(id: String, title: String, lesson: String, file: String, questions: [Question] = [],
                tests: [PracticeTest] = [], place: Places = Places()) {
        self.id = id
        self.title = title
        self.lesson = lesson
        self.file = file
        self.questions = questions
        self.tests = tests
        self.place = place
    }

    public func test(_ id: String) -> PracticeTest? { tests.first { $0.id == id } }
}

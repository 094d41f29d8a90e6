import Foundation
import QuizApp
import QuizKit
import QuizRecords

/// A course written to a private temporary folder, with a store beside it; removed when dropped.
///
/// Swift may release a value right after its last use, while a runner still writes to the store it was
/// handed: a test keeps its fixture until it ends with `defer { withExtendedLifetime(fixture) {} }`.
final class AppFixture {
    let folder: URL
    let root: ContentRoot
    let store: any AttemptStore

    /// A lesson with two sections; its bank has two quick checks on the first section and a test of both.
    static let lesson = "# Demo\n\n## Alpha\n\nAlpha text.\n\n## Beta\n\nBeta text.\n"
    static let bank = """
        quiz: demo
        title: Demo bank
        questions:
          - id: q1
            section: alpha
            prompt: Which is right?
            choices: [Wrong, Right]
            shuffle: false
            answer: B
            explanation: Because.
          - id: q2
            section: alpha
            type: truefalse
            prompt: True?
            answer: true
            explanation: Yes.
          - id: q3
            section: beta
            type: truefalse
            prompt: False?
            answer: false
            check: false
            explanation: No.
        tests:
          - {id: t, title: Demo test, pass: "50%"}

        """

    init(files: [String: String] = ["Lessons/demo.md": AppFixture.lesson, "Quizzes/demo.yaml": AppFixture.bank]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-app-tests-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        root = ContentRoot.load(at: folder)
        store = try StoreLocation(named: folder.appendingPathComponent("store/quiz.sqlite").path).open()
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    var course: Course { Course(url: folder) }

    func bankAndTest() throws -> (Bank, PracticeTest) {
        try Course.test("demo", in: root)
    }
}

/// A terminal that plays a script of lines and keeps a clock the test moves by hand.
final class ScriptedTerminal: SessionTerminal {
    private var script: [LineOutcome]
    /// Seconds each line takes to arrive.
    let step: Double
    private(set) var now: Double = 1000
    /// Everything the session showed, in order.
    private(set) var shown: [SessionEvent] = []
    /// How many times a line was asked for.
    private(set) var reads = 0

    init(_ lines: [String], step: Double = 5, then end: LineOutcome = .endOfInput) {
        script = lines.map { .line($0) } + [end]
        self.step = step
    }

    func present(_ event: SessionEvent) {
        shown.append(event)
    }

    func nextLine(deadline: Double?) -> LineOutcome {
        reads += 1
        guard !script.isEmpty else { return .endOfInput }
        let next = script.removeFirst()
        if let deadline, now + step > deadline, case .line = next {
            now = deadline
            return .deadline
        }
        now += step
        return next
    }
}

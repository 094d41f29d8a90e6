import Foundation
import QuizKit
import Testing

/// The shipped unit "WebSockets vs SSE vs Polling": its shape is pinned so the content cannot silently drift.
@Suite(.timeLimit(.minutes(1))) struct ShippedCourseTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = ContentRoot.load(at: packageRoot)
    static let lessonID = "websockets-sse-polling"

    static let sections = [
        ("what-is-real-time-communication", "What is Real-Time Communication?"),
        ("polling--client-pull", "Polling — Client Pull"),
        ("server-sent-events-sse--server-push", "Server-Sent Events (SSE) — Server Push"),
        ("websockets--full-duplex", "WebSockets — Full Duplex"),
        ("side-by-side-comparison", "Side-by-Side Comparison"),
        ("when-sse-is-enough-vs-when-websocket-is-needed", "When SSE is Enough vs When WebSocket is Needed"),
        ("reconnection-strategies-and-heartbeats", "Reconnection Strategies and Heartbeats"),
    ]

    @Test func loadsWithoutFindings() {
        #expect(Self.root.findings.isEmpty, "\(Self.root.findings)")
        #expect(Self.root.lessons.map(\.id) == [Self.lessonID])
        #expect(Self.root.banks.map(\.id) == [Self.lessonID])
    }

    @Test func lessonHasTheSevenSectionsInOrder() throws {
        let lesson = try #require(Self.root.lesson(Self.lessonID))
        #expect(lesson.title == "WebSockets vs SSE vs Polling")
        #expect(lesson.sections.map(\.id) == Self.sections.map(\.0))
        #expect(lesson.sections.map(\.title) == Self.sections.map(\.1))
    }

    @Test func eachSectionIsAThreeToFourMinuteRead() throws {
        let lesson = try #require(Self.root.lesson(Self.lessonID))
        for section in lesson.sections {
            #expect((400...800).contains(section.wordCount), "\(section.id): \(section.wordCount) words")
            #expect((2...4).contains(section.readingMinutes), "\(section.id): \(section.readingMinutes) min")
        }
    }

    @Test func sectionsTwoToSevenCarryCode() throws {
        let lesson = try #require(Self.root.lesson(Self.lessonID))
        for section in lesson.sections.dropFirst() {
            #expect(section.body.contains("```"), "\(section.id) has no fenced code example")
        }
    }

    @Test func everySectionHasAtLeastThreeQuickChecks() {
        for (id, _) in Self.sections {
            let checks = Self.root.quickChecks(lesson: Self.lessonID, section: id)
            #expect(checks.count >= 3, "\(id) has \(checks.count) quick checks")
        }
    }

    @Test func thePoolIsLargeAndVaried() throws {
        let bank = try #require(Self.root.bank(Self.lessonID))
        #expect(bank.questions.count >= 42)
        #expect(bank.questions.contains { !$0.check }, "test-only questions carry check: false")
        #expect(Set(bank.questions.map(\.type)).count >= 5)
        #expect(bank.questions.allSatisfy { $0.explanation != nil })
        // The right answer's position is mixed across single-choice questions.
        let letters = bank.questions.compactMap { q -> Int? in if case .single(_, let a) = q.kind { a } else { nil } }
        let most = Dictionary(grouping: letters, by: { $0 }).values.map(\.count).max() ?? 0
        #expect(Double(most) <= Double(letters.count) * 0.4, "one letter is the answer of \(most) of \(letters.count)")
    }

    @Test func theFirstQuickCheckIsThePagesOwn() throws {
        let checks = Self.root.quickChecks(lesson: Self.lessonID, section: "what-is-real-time-communication")
        let first = try #require(checks.first?.question)
        #expect(first.prompt == "What is the primary problem that real-time communication techniques solve?")
        guard case .single(let choices, let answer) = first.kind else {
            Issue.record("the first quick check is a single-choice question")
            return
        }
        #expect(choices.map(\.text) == [
            "Allowing servers to push data to clients without repeated client requests",
            "Making HTTP requests faster and more secure than plain request/response",
            "Reducing the need for databases by keeping application state in the browser",
            "Enabling offline functionality in web apps when the network is unavailable",
        ])
        #expect(answer == 0)
    }

    /// Test-wise learners pick the longest choice, and answer "false" when most statements are false.
    @Test func lengthAndTrueFalseGiveNothingAway() throws {
        let bank = try #require(Self.root.bank(Self.lessonID))
        var counted = 0, keyLongest = 0
        for q in bank.questions {
            guard case .single(let choices, let answer) = q.kind, choices.count >= 3 else { continue }
            counted += 1
            let lengths = choices.map { ShownText.plain($0.text).count }
            if lengths.indices.allSatisfy({ $0 == answer || lengths[$0] <= lengths[answer] }) { keyLongest += 1 }
        }
        #expect(counted >= 8)
        #expect(keyLongest * 3 <= counted, "the right answer is the longest choice (or tied) in \(keyLongest) of \(counted)")
        let answers = bank.questions.compactMap { q -> Bool? in if case .truefalse(let a) = q.kind { a } else { nil } }
        let trues = answers.count { $0 }
        #expect(answers.count >= 6)
        #expect(trues * 3 >= answers.count && trues * 3 <= answers.count * 2, "\(trues) of \(answers.count) true/false answers are true")
    }

    @Test func thePracticeTestDrawsThreePerSectionInSevenMinutes() throws {
        let bank = try #require(Self.root.bank(Self.lessonID))
        let test = try #require(bank.test("practice"))
        #expect(bank.tests.count == 1)
        #expect(test.title == "Practice test")
        #expect(test.pick == .perSection(3))
        #expect(test.timeLimit == 7 * 60)
        #expect(test.passMark == 70)
        let draw = TestDraw(test: test, in: bank, root: Self.root)
        #expect(draw.drawCount == 21)
        #expect(draw.poolBySection.count == 7)
        // Two seeds give different draws: the pool is bigger than one test.
        var a = SeededGenerator(seed: 1), b = SeededGenerator(seed: 2)
        #expect(draw.draw(using: &a).map(\.id) != draw.draw(using: &b).map(\.id))
    }
}

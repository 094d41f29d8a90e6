import Testing
@testable import QuizMarkdown

/// Lessons and questions may be rendered on several threads at once (tests do, and loading decodes banks on a
/// second core): cmark-gfm keeps an extension's special characters in a table shared by the whole process,
/// so parses must not overlap or one loses the other's strikethrough.
@Suite(.timeLimit(.minutes(1))) struct ConcurrentParsingTests {
    @Test func strikethroughSurvivesParsesOnManyThreads() async {
        let wrong = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<300).filter { _ in
                        TerminalRenderer.render("~~old~~ new and | a |\n|---|\n| b |", width: 80, color: false).contains("~")
                    }.count
                }
            }
            return await group.reduce(0, +)
        }
        #expect(wrong == 0, "\(wrong) of 2,400 renders kept the tildes")
    }
}

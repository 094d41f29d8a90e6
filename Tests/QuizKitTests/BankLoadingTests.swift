import Foundation
import QuizKit
import Testing

/// Loading a bank through the streaming path gives the same bank as reading it whole.
@Suite(.timeLimit(.minutes(1))) struct BankLoadingTests {
    static func load(_ yaml: String) throws -> ContentRoot {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        try yaml.write(to: url.appendingPathComponent("Quizzes/demo.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return ContentRoot.load(at: url)
    }

    static let questions = (1...3000).map { "  - {id: q\($0), section: s, prompt: P\($0)?, choices: [Yes, No], answer: A, explanation: E}\n" }.joined()

    @Test func defaultsBeforeTheQuestionsApply() throws {
        let root = try Self.load("quiz: demo\ntitle: Demo\ndefaults: {points: 2, time: 30s}\nquestions:\n" + Self.questions)
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(bank.questions.allSatisfy { $0.points == 2 && $0.time == 30 })
        #expect(bank.questions.map(\.id) == (1...3000).map { "q\($0)" }, "questions keep file order")
    }

    @Test func defaultsAfterTheQuestionsApplyToo() throws {
        let root = try Self.load("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "defaults: {points: 3}\n")
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(bank.questions.allSatisfy { $0.points == 3 })
    }

    @Test func aRepeatedQuestionsKeyIsReportedAndTheFirstListKept() throws {
        let root = try Self.load("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "questions:\n  - {id: extra, section: s, prompt: P, choices: [A1, B1], answer: A}\n")
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(!bank.questions.contains { $0.id == "extra" })
        #expect(root.findings.contains { $0.rule == .duplicateKey })
    }

    @Test func findingsInsideQuestionsKeepTheirPlaces() throws {
        let root = try Self.load("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "  - {id: bad, section: s, prompt: P, choices: [A1, B1], answer: Z}\n")
        let finding = try #require(root.findings.first { $0.rule == .answerKey })
        #expect(finding.line == 3004)
        #expect(root.bank("demo")?.questions.last?.isValid == false)
    }
}

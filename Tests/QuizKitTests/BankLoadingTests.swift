import Foundation
import QuizKit
import QuizYAML
import Testing

/// Loading a bank from its file (parsed straight into the node store, its questions decoded on
/// every core) gives the same bank and findings as decoding a `Node` tree of it.
@Suite(.timeLimit(.minutes(1))) struct BankLoadingTests {
    static func load(_ yaml: String) throws -> ContentRoot {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        try yaml.write(to: url.appendingPathComponent("Quizzes/demo.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        return ContentRoot.load(at: url)
    }

    /// The bank and findings of reading the file whole, the plain way, to compare the streaming path with.
    static func wholeRead(_ yaml: String) throws -> (bank: Bank?, findings: [Finding]) {
        BankDecoder.decode(try YAMLParser.parse(yaml), file: "Quizzes/demo.yaml", fileStem: "demo")
    }

    /// Loads `yaml` through the streaming path and expects the very bank and findings of a whole-file read.
    static func loadAsWhole(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ContentRoot {
        let root = try load(yaml)
        let whole = try wholeRead(yaml)
        #expect(root.banks == [whole.bank].compactMap { $0 }, "the streamed bank equals the whole-file read", sourceLocation: sourceLocation)
        #expect(root.findings == whole.findings, sourceLocation: sourceLocation)
        return root
    }

    static let questions = (1...3000).map { "  - {id: q\($0), section: s, prompt: P\($0)?, choices: [Yes, No], answer: A, explanation: E}\n" }.joined()

    @Test func defaultsBeforeTheQuestionsApply() throws {
        let root = try Self.loadAsWhole("quiz: demo\ntitle: Demo\ndefaults: {points: 2, time: 30s}\nquestions:\n" + Self.questions)
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(bank.questions.allSatisfy { $0.points == 2 && $0.time == 30 })
        #expect(bank.questions.map(\.id) == (1...3000).map { "q\($0)" }, "questions keep file order")
    }

    @Test func defaultsAfterTheQuestionsApplyToo() throws {
        let root = try Self.loadAsWhole("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "defaults: {points: 3}\n")
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(bank.questions.allSatisfy { $0.points == 3 })
    }

    @Test func aRepeatedQuestionsKeyIsReportedAndTheFirstListKept() throws {
        let root = try Self.loadAsWhole("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "questions:\n  - {id: extra, section: s, prompt: P, choices: [A1, B1], answer: A}\n")
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.count == 3000)
        #expect(!bank.questions.contains { $0.id == "extra" })
        #expect(root.findings.contains { $0.rule == .duplicateKey })
    }

    @Test func findingsInsideQuestionsKeepTheirPlaces() throws {
        let root = try Self.loadAsWhole("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "  - {id: bad, section: s, prompt: P, choices: [A1, B1], answer: Z}\n")
        let finding = try #require(root.findings.first { $0.rule == .answerKey })
        #expect(finding.line == 3004)
        #expect(root.bank("demo")?.questions.last?.isValid == false)
    }

    @Test func aLargeBankReadOnTwoCoresGivesTheBankAndFindingsOfAWholeRead() throws {
        // Block-style questions, past the size read in two parts, with mistakes on both sides of the cut.
        var yaml = "quiz: demo\ntitle: Demo\ndefaults:\n  points: 2\nquestions:\n"
        var lines: [String: Int] = [:]
        var line = 6
        for i in 1...2400 {
            lines["q\(i)"] = line
            line += i % 1000 == 0 ? 8 : 7
            yaml += "  - id: q\(i)\n    section: s\n    prompt: |\n      Question \(i), asked at some length so the file grows past the cut.\n"
            yaml += "    choices: [Yes, No]\n    answer: \(i % 800 == 0 ? "Z" : "A")\n    explanation: Because.\n"
            if i % 1000 == 0 { yaml += "    colour: red\n" }
        }
        yaml += "tests:\n  - id: practice\n    draw: 10\n"
        let bytes = Array(yaml.utf8)
        #expect(bytes.count > YAMLParser.partsThreshold)
        #expect(try YAMLParser.parts(bytes, sequence: "questions").rest != nil, "the file is read in two parts")

        let root = try Self.loadAsWhole(yaml)
        let bank = try #require(root.bank("demo"))
        #expect(bank.questions.map(\.id) == (1...2400).map { "q\($0)" })
        #expect(bank.questions.allSatisfy { $0.points == 2 })
        #expect(bank.tests.map(\.id) == ["practice"])
        // Each wrong answer key is reported on its question's `answer:` line, in either part.
        let keys = root.findings.filter { $0.rule == .answerKey }
        #expect(keys.map(\.line) == [800, 1600, 2400].map { lines["q\($0)"]! + 5 })
        #expect(root.findings.filter { $0.rule == .unknownKey && $0.message.contains("colour") }.map(\.line)
                == [1000, 2000].map { lines["q\($0)"]! + 7 })
    }

    @Test func filesWithoutAnInlineDirectiveAreNotedWhileRead() throws {
        let plain = try Self.load("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions)
        #expect(plain.directiveFreeFiles == ["Quizzes/demo.yaml"], "lint need not read it again")
        let marked = try Self.load("quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "  # quizlint: disable=answer-key\n")
        #expect(marked.directiveFreeFiles.isEmpty)
        // The marker found wherever it sits, and nowhere it is not whole.
        for (text, found) in [("quizlint:", true), ("x quizlint:", true), ("quizlint: x", true), ("quizlint", false),
                              ("uizlint:", false), ("quizzlint:", false), ("zzz", false), ("", false)] {
            #expect(Array(text.utf8).withUnsafeBytes { ContentRoot.mentionsDirective($0) } == found, "\(text)")
        }
    }

    @Test func everyQuestionTypeAndTestStreamsAsReadWhole() throws {
        let yaml = ContentCacheTests.everyKey.replacingOccurrences(of: "quiz: every", with: "quiz: demo")
        let root = try Self.loadAsWhole(yaml)
        #expect(root.bank("demo")?.questions.count == 9)
        #expect(root.findings.map(\.rule) == [.answerKey])
    }

    @Test func aSyntaxErrorAfterStreamedQuestionsLeavesOnlyTheSyntaxFinding() throws {
        // 3,000 questions were handed to the decoder before libyaml meets the unclosed list on line 3004.
        let yaml = "quiz: demo\ntitle: Demo\nquestions:\n" + Self.questions + "  - {id: late, section: s, prompt: [P, choices: [A1, B1]}\n"
        let root = try Self.load(yaml)
        #expect(root.banks.isEmpty, "nothing of a broken file is kept")
        #expect(root.brokenFiles == ["Quizzes/demo.yaml"])
        #expect(root.findings.count == 1, "\(root.findings)")
        let finding = try #require(root.findings.first)
        #expect(finding.rule == .yamlSyntax)
        #expect(finding.file == "Quizzes/demo.yaml")
        #expect(finding.line == 3004)
        #expect(throws: YAMLError.self, "a whole-file read fails the same way") { try Self.wholeRead(yaml) }
    }
}

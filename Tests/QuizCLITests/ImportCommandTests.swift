import Foundation
import Testing

/// `quiz import FILE… --from gift` as a user runs it: a bank and a skeleton lesson that lint clean,
/// nothing written for malformed input or over an existing file, and `--lesson` linking.
@Suite(.timeLimit(.minutes(2))) struct ImportCommandTests {
    static let realFiles = QuizProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora/gift_real")

    @Test func realGIFTFilesImportToBanksThatLintWithNoErrors() async throws {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: Self.realFiles.path) else {
            print("skipped: no real GIFT files at \(Self.realFiles.path)")
            return
        }
        let inputs = names.filter { $0.hasSuffix(".gift") || $0.hasSuffix(".gift.txt") }.sorted()
        #expect(!inputs.isEmpty)
        let root = try QuizProcess.root([:])
        defer { try? FileManager.default.removeItem(at: root) }
        for name in inputs {
            let result = try await QuizProcess.run(["import", Self.realFiles.appendingPathComponent(name).path], in: root)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            #expect(result.stderr.contains("quiz: imported "), "\(name)")
        }
        let lint = try await QuizProcess.run(["lint"], in: root)
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect((lint.stdout + lint.stderr).contains("0 errors"), "\(lint.stdout)\(lint.stderr)")
    }

    @Test func aBankAndASkeletonLessonAreWrittenOnceAndOverwrittenOnlyWithForce() async throws {
        let gift = "$CATEGORY: top/Basic facts\n\n::Sky:: The sky is blue.{T####Usually.}\n\n$CATEGORY: top/More: numbers\n\n::Two:: One plus one? {#2}\n\n::Essay:: Tell me. {}\n"
        let root = try QuizProcess.root(["in/Science Quiz.gift": gift])
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try await QuizProcess.run(["import", "in/Science Quiz.gift"], in: root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("in/Science Quiz.gift:9: question \"Essay\" (essay) left out"))
        #expect(first.stderr.contains("quiz: imported 2 questions (1 numeric, 1 truefalse); skipped 1 (1 essay)"))
        let bank = try String(contentsOf: root.appendingPathComponent("Quizzes/science-quiz.yaml"), encoding: .utf8)
        #expect(bank.contains("section: \"basic-facts\"") && bank.contains("section: \"more-numbers\""))
        #expect(bank.contains("explanation: \"Usually.\""))
        let lesson = try String(contentsOf: root.appendingPathComponent("Lessons/science-quiz.md"), encoding: .utf8)
        #expect(lesson.contains("## Basic facts") && lesson.contains("## More: numbers"))
        let lint = try await QuizProcess.run(["lint"], in: root)
        #expect(lint.status == 0, "\(lint.stdout)")

        let again = try await QuizProcess.run(["import", "in/Science Quiz.gift"], in: root)
        #expect(again.status == 2 && again.stderr.contains("pass --force"))
        let forced = try await QuizProcess.run(["import", "in/Science Quiz.gift", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
    }

    @Test func malformedInputGivesFindingsAndWritesNothing() async throws {
        let root = try QuizProcess.root(["bad.gift": "::A:: fine {T}\n\n::B:: broken {=a ~b\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await QuizProcess.run(["import", "bad.gift"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.gift:3:14: error: the { that opens the answers is not closed with }"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Quizzes/bad.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Lessons/bad.md").path))
    }

    @Test func lessonLinksCategoriesToSectionsByTitleOrListsTheUnmatched() async throws {
        let lesson = "---\ntitle: Space\n---\n\n# Space\n\n## The Sun\n\nA star.\n\n## Planets\n\nEight of them.\n"
        let gift = "$CATEGORY: the sun\n\nThe Sun is a star. {T}\n\n$CATEGORY: Planets\n\nMars is red. {T}\n"
        let root = try QuizProcess.root(["Lessons/space.md": lesson, "q.gift": gift, "odd.gift": "$CATEGORY: Moons\n\nMoon? {T}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let linked = try await QuizProcess.run(["import", "q.gift", "--lesson", "space", "--bank", "space-check"], in: root)
        #expect(linked.status == 0, "\(linked.stderr)")
        let bank = try String(contentsOf: root.appendingPathComponent("Quizzes/space-check.yaml"), encoding: .utf8)
        #expect(bank.contains("lesson: \"space\"") && bank.contains("section: \"the-sun\"") && bank.contains("section: \"planets\""))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Lessons/space-check.md").path))
        let lint = try await QuizProcess.run(["lint"], in: root)
        #expect(lint.status == 0, "\(lint.stdout)")
        let unmatched = try await QuizProcess.run(["import", "odd.gift", "--lesson", "space"], in: root)
        #expect(unmatched.status == 1 && unmatched.stderr.contains("\"Moons\""))
    }

    @Test func aMalformedMoodleXMLFileIsAFindingAndNothingIsWritten() async throws {
        let root = try QuizProcess.root(["bad.xml": "<quiz>\n<question type=\"truefalse\">\n</quiz>\n"])
        let result = try await QuizProcess.run(["import", "bad.xml"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("bad.xml:") && result.stderr.contains("nothing was written"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Quizzes/bad.yaml").path))
    }
}

/// Input that is not what `quiz import` expects.
@Suite(.timeLimit(.minutes(2))) struct ImportHostileInputTests {
    @Test func bytesThatAreNotUTF8GiveAFindingOnTheirLine() async throws {
        let root = try QuizProcess.root([:])
        defer { try? FileManager.default.removeItem(at: root) }
        try Data("Q {T}\n\nR \u{FF}".utf8 + [0xC0, 0x41] + Array(" {F}\n".utf8)).write(to: root.appendingPathComponent("odd.gift"))
        let result = try await QuizProcess.run(["import", "odd.gift"], in: root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("odd.gift:3:1: error: the file is not UTF-8 text"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("Quizzes/odd.yaml").path))
    }

    @Test func repeatedTitlesGetUniqueIds() async throws {
        let root = try QuizProcess.root(["t.gift": "::Same title:: One {T}\n\n::Same title:: Two {F}\n\nThree {T}\n"])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await QuizProcess.run(["import", "t.gift"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let bank = try String(contentsOf: root.appendingPathComponent("Quizzes/t.yaml"), encoding: .utf8)
        #expect(bank.contains("id: \"same-title\"") && bank.contains("id: \"same-title-2\"") && bank.contains("id: \"q3\""))
    }
}

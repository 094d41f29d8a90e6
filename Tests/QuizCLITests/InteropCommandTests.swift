import Foundation
import Testing

/// `quiz schema` and `quiz export` as a user runs them.
@Suite(.timeLimit(.minutes(2))) struct InteropCommandTests {
    @Test func schemaPrintsADraft2020Schema() async throws {
        let result = try await QuizProcess.run(["schema"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((schema["required"] as? [String])?.sorted() == ["questions", "quiz", "title"])
    }

    @Test func exportWritesTheShippedBankAsJSONToStdoutOrAFile() async throws {
        let toStdout = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "json"])
        #expect(toStdout.status == 0, "\(toStdout.stderr)")
        let bank = try #require(try JSONSerialization.jsonObject(with: Data(toStdout.stdout.utf8)) as? [String: Any])
        #expect(bank["schema"] as? String == "quiz-bank/1")
        #expect((bank["questions"] as? [Any])?.count == 54)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-export-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let toFile = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "json", "-o", file.path])
        #expect(toFile.status == 0 && toFile.stdout.isEmpty)
        #expect(try String(contentsOf: file, encoding: .utf8) == toStdout.stdout)
    }

    @Test func qtiWritesAZipNamedAfterTheBankAndNeverOverwritesIt() async throws {
        let course = try QuizProcess.root([:])
        let folder = course.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: course) }
        let root = QuizProcess.packageRoot.path
        let first = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "qti", "--root", root], in: folder)
        #expect(first.status == 0 && first.stdout.isEmpty, "\(first.stderr)")
        let zip = folder.appendingPathComponent("websockets-sse-polling.zip")
        let bytes = try Data(contentsOf: zip)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let again = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "qti", "--root", root], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr.contains("websockets-sse-polling.zip already exists"), "\(again.stderr)")
        #expect(try Data(contentsOf: zip) == bytes)
        let named = folder.appendingPathComponent("named.zip")
        let toFile = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "qti", "-o", named.path])
        #expect(toFile.status == 0 && FileManager.default.fileExists(atPath: named.path), "\(toFile.stderr)")
    }

    @Test func exportWritesTheShippedBankAsGIFTAndNamesWhatItLeavesOut() async throws {
        let result = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "gift"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("$CATEGORY: websockets-sse-polling/"))
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.allSatisfy { $0.hasPrefix("quiz: warning: ") && $0.contains("left out of the GIFT export") })
        let titles = result.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }
        #expect(titles.count + warnings.count == 54)
    }

    @Test func exportWritesTheShippedBankAsMoodleXMLAndNamesWhatItLeavesOut() async throws {
        let result = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "moodle-xml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"))
        #expect(result.stdout.contains("<text>$course$/websockets-sse-polling/"))
        let warnings = result.stderr.split(separator: "\n")
        #expect(warnings.allSatisfy { $0.hasPrefix("quiz: warning: ") && $0.contains("left out of the Moodle XML export") })
        let questions = result.stdout.components(separatedBy: "<idnumber>").count - 1
        #expect(questions + warnings.count == 54)
    }

    @Test func anUnknownBankOrFormatIsAUsageError() async throws {
        let bank = try await QuizProcess.run(["export", "websockets-sse-poling", "--format", "json"])
        #expect(bank.status == 2)
        #expect(bank.stderr.contains("no bank \"websockets-sse-poling\"") && bank.stderr.contains("did you mean websockets-sse-polling?"))
        let format = try await QuizProcess.run(["export", "websockets-sse-polling", "--format", "pdf"])
        #expect(format.status == 2)
        #expect(format.stderr.contains("pdf"), "\(format.stderr)")
        let missing = try await QuizProcess.run(["export", "websockets-sse-polling"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--format"), "\(missing.stderr)")
    }

    @Test func aBankWithLintErrorsIsNotExported() async throws {
        let root = try QuizProcess.root([
            "Lessons/demo.md": "# Demo\n\n## Basics\n\nText.\n",
            "Quizzes/demo.yaml": "quiz: demo\ntitle: Demo\nquestions:\n  - id: one\n    section: basics\n    prompt: Which?\n    choices: [a, b]\n    answer: E\n    explanation: E.\n",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await QuizProcess.run(["export", "demo", "--format", "json", "--root", root.path])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("[answer-key]") && result.stderr.contains("has 1 lint error"), "\(result.stderr)")
    }
}

import Foundation
import Testing

/// `quiz lint` as CI runs it: output, exit codes, and one clear line for every way it can fail.
@Suite(.timeLimit(.minutes(2))) struct LintCommandTests {
    static let lesson = "# Demo\n\n## Alpha\n\nText.\n"
    static let goodBank = """
        quiz: demo
        title: Demo
        questions:
          - id: one
            section: alpha
            prompt: Pick one.
            choices: [Red, Blue]
            answer: A
            explanation: Red.

        """

    @Test func shippedContentLintsClean() async throws {
        let result = try await QuizProcess.run(["lint", "--strict"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings in 2 files\n"), "\(result.stdout)")
        #expect(result.stderr.isEmpty)
    }

    @Test func errorsExitOneWithFileLineColumn() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson,
                                         "Quizzes/demo.yaml": Self.goodBank.replacingOccurrences(of: "answer: A", with: "answer: E")])
        let result = try await QuizProcess.run(["lint", "--root", root.path], in: root)
        #expect(result.status == 1)
        #expect(result.stdout == """
            Quizzes/demo.yaml:8:13: error: answer "E" is not one of the 2 choices (A–B) [answer-key]
            1 error, 0 warnings in 2 files

            """)
    }

    @Test func syntaxErrorIsOneLine() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": "quiz: demo\ntitle: [Demo\n"])
        let result = try await QuizProcess.run(["lint", "--root", root.path], in: root)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").filter { $0.hasPrefix("Quizzes/") }
        #expect(lines == ["Quizzes/demo.yaml:2:13: error: the [ list opened on line 2 is not closed; add `]` at its end, or quote an item that holds a comma, `[` or `]` (YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 8)) [yaml-syntax]"])
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test func warningsPassUnlessStrict() async throws {
        let bank = Self.goodBank.replacingOccurrences(of: "    explanation: Red.\n", with: "")
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": bank])
        #expect(try await QuizProcess.run(["lint", "--root", root.path]).status == 0)
        #expect(try await QuizProcess.run(["lint", "--root", root.path, "--strict"]).status == 1)
    }

    @Test(arguments: [
        (["lint", "/no/such/file.yaml"], "no such file or folder"),
        (["lint", "--root", "/no/such/root"], "no such folder"),
        (["lint", "--format", "xml"], "xml"),
        (["lint", "--bogus"], "--bogus"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ mentions: String) async throws {
        let result = try await QuizProcess.run(arguments)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains(mentions), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func noRootFoundExitsTwoWithOneLine() async throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try await QuizProcess.run(["lint"], in: empty)
        #expect(result.status == 2)
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("no content root"))
    }

    @Test func pathsReportOnThoseFilesButCheckTheWholeRoot() async throws {
        let other = Self.goodBank.replacingOccurrences(of: "quiz: demo", with: "quiz: other")
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson, "Quizzes/demo.yaml": Self.goodBank,
                                         "Quizzes/other.yaml": other.replacingOccurrences(of: "lesson", with: "x") + "lesson: demo\n"])
        let result = try await QuizProcess.run(["lint", "Quizzes/other.yaml"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout.contains("Quizzes/other.yaml:4:9: error: question id \"one\" is already used at Quizzes/demo.yaml:4"), "\(result.stdout)")
        #expect(!result.stdout.contains("Quizzes/demo.yaml:4:9"))
        #expect(result.stdout.hasSuffix("in 1 file\n"))
    }

    @Test func jsonIsParseableAndCountsMatch() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson,
                                         "Quizzes/demo.yaml": Self.goodBank.replacingOccurrences(of: "answer: A", with: "answer: [A]")])
        let result = try await QuizProcess.run(["lint", "--root", root.path, "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["errors"] as? Int == 1)
        #expect((object?["findings"] as? [[String: Any]])?.first?["rule"] as? String == "answer-key")
    }

    /// CI runs from the repository's top while the course sits in a folder of it: every path a
    /// format prints must lead to the file from there, and SARIF must define the base it names.
    @Test func fromTheParentOfTheCoursePathsLeadToTheFiles() async throws {
        let root = try QuizProcess.root(["Lessons/demo.md": Self.lesson,
                                         "Quizzes/demo.yaml": Self.goodBank.replacingOccurrences(of: "answer: A", with: "answer: E")])
        let parent = root.deletingLastPathComponent()
        let folder = root.lastPathComponent

        let github = try await QuizProcess.run(["lint", "--root", folder, "--format", "github"], in: parent)
        #expect(github.status == 1)
        let file = try #require(github.stdout.split(separator: ",").first?.split(separator: "=").last.map(String.init))
        #expect(file == "\(folder)/Quizzes/demo.yaml")
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent(file).path))

        let sarif = try await QuizProcess.run(["lint", "--root", folder, "--format", "sarif"], in: parent)
        let log = try #require(JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: Any]])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 1)
        for result in results {
            let location = try #require((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try #require(location["artifactLocation"] as? [String: Any])
            let baseID = try #require(artifact["uriBaseId"] as? String)
            let baseURI = try #require(bases[baseID]?["uri"] as? String)
            let base = try #require(URL(string: baseURI))
            let uri = try #require(artifact["uri"] as? String)
            let resolved = try #require(URL(string: uri, relativeTo: base))
            #expect(FileManager.default.fileExists(atPath: resolved.path), "\(resolved)")
        }
    }
}

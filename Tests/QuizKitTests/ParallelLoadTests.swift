import Foundation
import QuizKit
import Testing

/// A root's files are read on every core at once; what comes out is what reading them one
/// by one gives, in file order, so lint's output does not change from run to run.
@Suite(.timeLimit(.minutes(1))) struct ParallelLoadTests {
    static func bank(_ id: String, questions: Int, extra: String = "") -> String {
        var out = "quiz: \(id)\ntitle: Bank \(id)\nlesson: lesson\nquestions:\n"
        for i in 1...questions {
            out += "  - id: \(id)-q\(i)\n    section: intro\n    type: truefalse\n    prompt: Statement \(i) of \(id).\n"
            out += "    answer: \(i % 2 == 0)\n    explanation: Because \(i).\n\(i % 3 == 0 ? extra : "")"
        }
        return out
    }

    static let files: [String: String] = [
        "Lessons/lesson.md": "# Lesson\n\n## Intro {#intro}\n\nText.\n",
        "Quizzes/alpha.yaml": bank("alpha", questions: 40, extra: "    colour: red\n"),
        "Quizzes/beta.yaml": bank("beta", questions: 25, extra: "    points: -1\n"),
        "Quizzes/gamma.yaml": "quiz: gamma\ntitle: [unclosed\nquestions:\n",
        "Quizzes/delta.yaml": bank("delta", questions: 60, extra: "    hint: \"\"\n"),
        "Quizzes/epsilon.yaml": bank("epsilon", questions: 5),
    ]

    static func root(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-parallel-\(UUID().uuidString)")
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test func loadingAllFilesAtOnceGivesWhatLoadingEachAloneGives() throws {
        let whole = try Self.root(Self.files)
        defer { try? FileManager.default.removeItem(at: whole) }
        let loaded = ContentRoot.load(at: whole)

        var banks: [Bank] = []
        var findings: [Finding] = []
        var broken: Set<String> = []
        for path in Self.files.keys.sorted() {
            let alone = try Self.root([path: Self.files[path]!])
            defer { try? FileManager.default.removeItem(at: alone) }
            let one = ContentRoot.load(at: alone)
            banks += one.banks
            findings += one.findings
            broken.formUnion(one.brokenFiles)
        }
        #expect(loaded.banks.map(\.file) == ["Quizzes/alpha.yaml", "Quizzes/beta.yaml", "Quizzes/delta.yaml", "Quizzes/epsilon.yaml"])
        #expect(loaded.banks == banks)
        #expect(loaded.findings == findings)
        #expect(loaded.brokenFiles == broken)
        #expect(broken == ["Quizzes/gamma.yaml"])
        #expect(loaded.lessons.map(\.id) == ["lesson"])
        // Each bank with an extra key brings its findings, in file order.
        #expect(Set(findings.map(\.file)).isSuperset(of: ["Quizzes/alpha.yaml", "Quizzes/beta.yaml", "Quizzes/delta.yaml", "Quizzes/gamma.yaml"]))
    }
}

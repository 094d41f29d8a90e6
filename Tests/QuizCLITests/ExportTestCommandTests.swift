import Foundation
import Testing

/// `quiz export BANK --test TEST`: one practice test and the questions it can draw, in every format.
@Suite(.timeLimit(.minutes(2))) struct ExportTestCommandTests {
    static let lesson = "---\ntitle: Demo\n---\n\n# Demo\n\n## Alpha\n\nFirst part.\n\n## Beta\n\nSecond part.\n"
    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - id: a-one
            section: alpha
            prompt: Which is first?
            choices: [One, Two]
            answer: A
            explanation: One comes first.
          - id: a-two
            section: alpha
            type: truefalse
            prompt: Two comes after one.
            answer: true
            explanation: It does.
          - id: b-order
            section: beta
            type: order
            prompt: Put them in order.
            items: [One, Two, Three]
            explanation: Counting.
          - id: b-short
            section: beta
            type: short
            prompt: What comes after two?
            answer: [three]
            explanation: Three.
        tests:
          - id: alpha-only
            title: Alpha only
            pick: all
            from: {sections: [alpha]}
          - id: beta-only
            title: Beta only
            pick: 1
            from: {sections: [beta]}

        """

    static func course() throws -> URL {
        try QuizProcess.root(["Lessons/demo.md": lesson, "Quizzes/demo.yaml": bank])
    }

    @Test func jsonGIFTAndMoodleXMLHoldOnlyTheQuestionsTheTestCanDraw() async throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let json = try await QuizProcess.run(["export", "demo", "--format", "json", "--test", "alpha-only"], in: root)
        #expect(json.status == 0, "\(json.stderr)")
        let bank = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((bank["questions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["a-one", "a-two"])
        #expect((bank["tests"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["alpha-only"])

        // The order question is outside the test's pool, so GIFT has nothing to leave out.
        let gift = try await QuizProcess.run(["export", "demo", "--format", "gift", "--test", "alpha-only"], in: root)
        #expect(gift.status == 0 && gift.stderr.isEmpty, "\(gift.stderr)")
        #expect(gift.stdout.split(separator: "\n").filter { $0.hasPrefix("::") }.map { $0.prefix { $0 != "[" } } == ["::a-one::", "::a-two::"])

        let moodle = try await QuizProcess.run(["export", "demo", "--format", "moodle-xml", "--test", "beta-only"], in: root)
        #expect(moodle.status == 0, "\(moodle.stderr)")
        #expect(moodle.stdout.contains("<idnumber>b-order</idnumber>") && moodle.stdout.contains("<idnumber>b-short</idnumber>"))
        #expect(!moodle.stdout.contains("<idnumber>a-one</idnumber>") && !moodle.stdout.contains("<idnumber>a-two</idnumber>"))
    }

    @Test func qtiHoldsTheTestAndItsItemsInAZipNamedForBoth() async throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        let result = try await QuizProcess.run(["export", "demo", "--format", "qti", "--test", "beta-only"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        let zip = root.appendingPathComponent("demo-beta-only.zip")
        let listing = Process()
        listing.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        listing.arguments = ["python3", "-c", "import sys, zipfile; print('\\n'.join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))", zip.path]
        let out = Pipe()
        listing.standardOutput = out
        try listing.run()
        let names = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        listing.waitUntilExit()
        #expect(names.split(separator: "\n") == ["imsmanifest.xml", "items/b-order.xml", "items/b-short.xml", "tests/demo-test-beta-only.xml"])
    }

    @Test func anUnknownTestIsOneLineListingTheBanksTests() async throws {
        let root = try Self.course()
        defer { try? FileManager.default.removeItem(at: root) }
        for format in ["json", "gift", "moodle-xml", "qti"] {
            let result = try await QuizProcess.run(["export", "demo", "--format", format, "--test", "gamma"], in: root)
            #expect(result.status == 2, "\(format)")
            #expect(result.stdout.isEmpty, "\(format)")
            #expect(result.stderr == "quiz: bank demo has no test \"gamma\"; its tests: alpha-only, beta-only\n", "\(format): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("demo-gamma.zip").path))
    }
}

import Foundation
import GRDB
import Testing

/// Whole journeys through the built binary, for what only the running program shows: the clock across a
/// resume, where the store and the course are found, the listings, Ctrl-C while studying, a last line
/// without its newline.
@Suite(.timeLimit(.minutes(2))) struct EndToEndTests {
    static let lesson = "# Demo\n\n## Alpha\n\nText.\n\n## Beta\n\nMore.\n"
    static let bank = """
        quiz: demo
        title: Demo
        questions:
          - {id: q1, section: alpha, prompt: One?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q2, section: alpha, prompt: Two?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
          - {id: q3, section: beta, prompt: Three?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
        tests:
          - {id: practice, title: Practice, time_limit: 10m, shuffle: false}
          - {id: quick, title: Quick, shuffle: false}
          - {id: short, title: Short, time_limit: 5s, shuffle: false}

        """

    /// A course and a store of its own, named by `QUIZ_STORE` as a learner's shell would.
    struct Course {
        let root: URL
        var store: String { root.appendingPathComponent("attempts.sqlite").path }
        var environment: [String: String] { ["QUIZ_STORE": store] }

        init() throws {
            root = try QuizProcess.root(["Lessons/demo.md": EndToEndTests.lesson, "Quizzes/demo.yaml": EndToEndTests.bank])
        }

        func run(_ arguments: [String], stdin: String? = nil, in folder: String? = nil) async throws -> QuizProcess.Result {
            try await QuizProcess.run(arguments, stdin: stdin, in: folder.map { root.appendingPathComponent($0) } ?? root,
                                      environment: environment)
        }

        func start(_ arguments: [String]) throws -> RunningProgram {
            try QuizProcess.start(arguments, in: root, environment: environment, mergingErrors: true)
        }
    }

    /// The seconds left shown in each header `[i/n] M:SS left` of `text`, in order.
    static func secondsLeft(_ text: String) -> [Int] {
        text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("["), let close = line.firstIndex(of: "]"),
                  let left = line.range(of: " left") else { return nil }
            let clock = line[line.index(after: close)..<left.lowerBound].trimmingCharacters(in: .whitespaces)
            let parts = clock.split(separator: ":").compactMap { Int($0) }
            return parts.count == 2 ? parts[0] * 60 + parts[1] : nil
        }
    }

    /// The attempt id in "Continue with: quiz resume ID" or "Saved as attempt ID".
    static func attemptID(_ text: String) -> String? {
        for marker in ["quiz resume ", "Saved as attempt "] {
            if let range = text.range(of: marker, options: .backwards) {
                return String(text[range.upperBound...].prefix { $0.isHexDigit })
            }
        }
        return nil
    }

    @Test func aResumeContinuesWithTheTimeLeftWhenItStopped() async throws {
        let course = try Course()
        let first = try course.start(["take", "demo/practice"])
        #expect(await first.wait(for: "[1/3]"))
        try await Task.sleep(for: .milliseconds(2500))
        first.send("a")
        #expect(await first.wait(for: "[2/3]"))
        first.send("quit")
        try #require(await first.waitForExit())
        let atQuit = try #require(Self.secondsLeft(first.stdout).last)
        #expect(atQuit <= 597 && atQuit >= 540, "some of the 10 minutes went by: \(first.stdout)")
        // A pause between the two costs no time: this is a practice tool.
        try await Task.sleep(for: .seconds(3))
        let resumed = try await course.run(["resume"], stdin: "submit\ny\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let atResume = try #require(Self.secondsLeft(resumed.stdout).first, "\(resumed.stdout)")
        #expect(resumed.stdout.contains("[2/3] "))
        #expect(atResume <= atQuit && atResume >= atQuit - 2, "left at quit \(atQuit) s, at resume \(atResume) s")
        #expect(resumed.stdout.contains("Score 1 / 3"), "\(resumed.stdout)")
    }

    @Test func aResumeAfterTheDeadlineHasPassedStillGetsTheTimeThatWasLeft() async throws {
        let course = try Course()
        let first = try course.start(["take", "demo/short"])
        // Both lines wait in the pipe for the first question, so a slow machine cannot use up the seconds.
        first.send("a")
        first.send("quit")
        try #require(await first.waitForExit())
        #expect(first.stdout.contains("[2/3] "))
        #expect(!first.stdout.contains("Time is up."), "quit in time: \(first.stdout)")
        // The five seconds the test had are over on the clock; the attempt keeps what it had left.
        try await Task.sleep(for: .seconds(6))
        let resumed = try course.start(["resume"])
        #expect(await resumed.wait(for: "[2/3] 0:0"), "the question comes back with its seconds: \(resumed.stdout)")
        try #require(await resumed.waitForExit(within: 10), "the time left runs out by itself")
        #expect(resumed.process.terminationStatus == 0)
        #expect(resumed.stdout.contains("Time is up."))
        #expect(resumed.stdout.contains("Score 1 / 3"), "the answer given before the pause counts: \(resumed.stdout)")
    }

    @Test func quizStoreNamesTheStoreAndTheCourseIsFoundFromASubfolder() async throws {
        let course = try Course()
        try FileManager.default.createDirectory(at: course.root.appendingPathComponent("Lessons/notes/drafts"),
                                                withIntermediateDirectories: true)
        // The last line has no newline: it is read all the same.
        let taken = try await course.run(["take", "demo/quick"], stdin: "a\na\nb\ny", in: "Lessons/notes/drafts")
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("Score 2 / 3"), "\(taken.stdout)")
        #expect(FileManager.default.fileExists(atPath: course.store), "the attempt went to $QUIZ_STORE")
        let id = try #require(Self.attemptID(taken.stdout))
        let history = try await course.run(["history"], in: "Quizzes")
        #expect(history.stdout.contains(id), "\(history.stdout)")
        let elsewhere = try await QuizProcess.run(["history", "--store", SessionTests.store()], in: course.root)
        #expect(!elsewhere.stdout.contains(id), "--store wins over $QUIZ_STORE")

        let list = try await course.run(["list"], in: "Lessons/notes")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout == """
            Lessons
              demo  Demo · 2 sections · ~2 min read
            Banks
              demo  Demo · 3 questions (3 quick checks)
            Tests
              demo/practice  Practice · 3 questions · 10:00 · pass mark 70%
              demo/quick  Quick · 3 questions · untimed · pass mark 70%
              demo/short  Short · 3 questions · 0:05 · pass mark 70%

            """)
    }

    @Test func historyOfOneTestAndResumeByAnIdPrefix() async throws {
        let course = try Course()
        let quick = try await course.run(["take", "demo/quick"], stdin: "a\na\na\ny\n")
        let quickID = try #require(Self.attemptID(quick.stdout))
        let practice = try await course.run(["take", "demo/practice"], stdin: "b\nquit\n")
        let practiceID = try #require(Self.attemptID(practice.stdout))
        let short = try await course.run(["take", "demo/short"], stdin: "quit\n")
        let shortID = try #require(Self.attemptID(short.stdout))

        let history = try await course.run(["history", "--test", "demo/quick"])
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 2, "a header and the one attempt of demo/quick: \(history.stdout)")
        #expect(lines.last?.contains(quickID) == true && lines.last?.contains("3 / 3") == true)
        #expect(!history.stdout.contains(practiceID) && !history.stdout.contains(shortID))

        // Without an id, resume takes the latest unfinished attempt (demo/short); a prefix names another.
        let prefix = String(practiceID.prefix(4))
        let resumed = try await course.run(["resume", prefix], stdin: "submit\ny\n")
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Practice"), "\(resumed.stdout)")
        #expect(resumed.stdout.contains("Score 0 / 3"), "the wrong answer given before is kept: \(resumed.stdout)")
        let latest = try await course.run(["resume"], stdin: "submit\ny\n")
        #expect(latest.stdout.contains("Short"), "\(latest.stdout)")
    }

    @Test func statsSinceADateCountsOnlyTheAttemptsStartedFromThatDay() async throws {
        let course = try Course()
        for answers in ["a\na\na\ny\n", "b\nb\nb\ny\n"] {
            #expect(try await course.run(["take", "demo/quick"], stdin: answers).status == 0)
        }
        // Move the first attempt back to January, as if it had been taken then.
        let queue = try DatabaseQueue(path: course.store)
        try await queue.write { db in
            try db.execute(sql: """
                UPDATE attempt SET started_at = '2026-01-15 10:00:00.000', submitted_at = '2026-01-15 10:05:00.000'
                WHERE rowid = (SELECT min(rowid) FROM attempt)
                """)
        }
        try queue.close()
        func attempts(_ extra: [String]) async throws -> Int? {
            let result = try await course.run(["stats", "demo/quick", "--format", "json"] + extra)
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return object?["attempts"] as? Int
        }
        #expect(try await attempts([]) == 2)
        #expect(try await attempts(["--since", "2026-01-15"]) == 2, "the day itself counts")
        #expect(try await attempts(["--since", "2026-01-16"]) == 1)
        let text = try await course.run(["stats", "demo/quick", "--since", "2026-01-16"])
        #expect(text.stdout.contains("1 attempt by 1 learner · mean 0.00%"), "only the later, all-wrong attempt: \(text.stdout)")
    }

    @Test(arguments: [["study", "demo"], ["check", "alpha"]])
    func ctrlCWhileStudyingSavesWhatWasAnsweredAndExits130(_ arguments: [String]) async throws {
        let course = try Course()
        let session = try course.start(arguments)
        if arguments[0] == "study" {
            #expect(await session.wait(for: "Press Enter"))
            session.send("")
        }
        #expect(await session.wait(for: "Quick check 1 of 2"))
        session.send("a")
        #expect(await session.wait(for: "Quick check 2 of 2"))
        session.interrupt()
        try #require(await session.waitForExit())
        #expect(session.process.terminationStatus == 130, "\(session.stdout)")
        let progress = try await course.run(["progress", "demo"])
        #expect(progress.stdout.contains("Quick checks: 1 of 1 right first time (100%)"), "\(progress.stdout)")
    }
}

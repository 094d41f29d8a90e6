import Foundation
import Testing

/// `quiz take` in the form every suggested command has (`take TEST --store PATH --seed N`) starts without
/// the argument parser; any other spelling goes through it. Both must run the same test the same way.
@Suite(.timeLimit(.minutes(2))) struct TakeArgumentsTests {
    /// The session's text without the line naming the attempt (its id and store are new each time).
    static func session(_ arguments: [String], stdin: String) async throws -> (text: String, status: Int32) {
        let result = try await QuizProcess.run(arguments, stdin: stdin)
        let text = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("Continue with: quiz resume") }.joined(separator: "\n")
        return (text, result.status)
    }

    @Test func everySpellingOfTheSameTestRunsIt() async throws {
        let input = "a\nflag\nlist\nquit\n"
        let plain = try await Self.session(
            ["take", "websockets-sse-polling", "--store", SessionTests.store(), "--seed", "7", "--no-time-limit"], stdin: input)
        #expect(plain.status == 0)
        #expect(plain.text.contains("[1/21]"))
        for spelling in [
            ["take", "--seed=7", "websockets-sse-polling", "--store=\(SessionTests.store())", "--no-time-limit"],
            ["take", "--no-time-limit", "--seed", "7", "--store", SessionTests.store(), "--", "websockets-sse-polling"],
        ] {
            let parsed = try await Self.session(spelling, stdin: input)
            #expect(parsed.status == 0)
            #expect(parsed.text == plain.text, "\(spelling)")
        }
    }

    @Test func aMistakeIsWordedByTheParser() async throws {
        let badSeed = try await QuizProcess.run(["take", "websockets-sse-polling", "--seed", "x", "--store", SessionTests.store()])
        #expect(badSeed.status == 2)
        #expect(badSeed.stdout == "")
        #expect(badSeed.stderr == "quiz: The value 'x' is invalid for '--seed <seed>' (quiz help shows the usage)\n")
        let twoTests = try await QuizProcess.run(["take", "a", "b"])
        #expect(twoTests.status == 2)
        #expect(twoTests.stderr.hasPrefix("quiz: Unexpected argument 'b'"), "\(twoTests.stderr)")
    }
}

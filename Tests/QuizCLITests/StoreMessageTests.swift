import Foundation
import Testing

/// The command line words the store's problems: one line naming the file and the fix.
@Suite(.timeLimit(.minutes(2))) struct StoreMessageTests {
    func storeFile(_ bytes: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("quiz.sqlite").path
        try Data(bytes.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aFileThatIsNotAStoreIsNamedWithTheFix() async throws {
        let path = try storeFile("attempts:\n  - this is not a database\n")
        let result = try await QuizProcess.run(["history", "--store", path])
        #expect(result.status == 2)
        #expect(result.stderr == "quiz: \(path) is not a quiz store (or is damaged); move it away or pass --store\n")
    }

    /// The store opens while the bank is read, but a store it refuses still stops the test before anything is shown.
    @Test func aTestOnAFileThatIsNotAStoreShowsNothing() async throws {
        let path = try storeFile("attempts:\n  - this is not a database\n")
        let result = try await QuizProcess.run(["take", "websockets-sse-polling", "--store", path], stdin: "a\n")
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "quiz: \(path) is not a quiz store (or is damaged); move it away or pass --store\n")
    }

    @Test func anUnknownAttemptNamesTheStoreSearchedAndPointsToItsHistory() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-store-\(UUID().uuidString)/quiz.sqlite").path
        let result = try await QuizProcess.run(["report", "abcdef", "--store", path])
        #expect(result.status == 2)
        #expect(result.stderr == "quiz: no attempt in \(path) has an id starting with \"abcdef\"; "
            + "run `quiz history --store \(path)` to list its attempts, or pass the --store that holds it\n")
        let resume = try await QuizProcess.run(["resume", "--store", path])
        #expect(resume.status == 2)
        #expect(resume.stderr.contains("no practice test is in progress in \(path)"), "\(resume.stderr)")
    }
}

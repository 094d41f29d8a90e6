#if PostgreSQL
import Foundation

/// Runs the `quiz` binary built beside the tests (with the PostgreSQL trait).
enum Quiz {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static var binary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), Bundle.main.bundleURL] {
            let candidate = dir.appendingPathComponent("quiz")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build-pg/debug/quiz")
    }

    /// The environment a run gets: this one without any PostgreSQL or store variables, plus `extra`.
    static func environment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { key, _ in
            !key.hasPrefix("PG") && key != "QUIZ_STORE" && !key.hasPrefix("QUIZ_TEST")
        }
        environment["NO_COLOR"] = "1"
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// Runs `quiz` to the end with `input` on its stdin (empty by default).
    static func run(_ arguments: [String], environment extra: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment(extra)
        process.currentDirectoryURL = FileManager.default.temporaryDirectory
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let stdin = Pipe()
        process.standardInput = input == nil ? FileHandle.nullDevice : stdin
        try process.run()
        if let input {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self),
                      status: process.terminationStatus)
    }

    /// A `quiz` whose input stays open, stdout and stderr gathered together, for a test that drives it line by line.
    final class Live: @unchecked Sendable {
        let process = Process()
        let input = Pipe()
        private let lock = NSLock()
        private var bytes = Data()
        private let done = DispatchGroup()

        init(_ arguments: [String], environment extra: [String: String] = [:]) throws {
            let output = Pipe()
            process.executableURL = Quiz.binary
            process.arguments = arguments
            process.environment = Quiz.environment(extra)
            process.standardInput = input
            process.standardOutput = output
            process.standardError = output
            try process.run()
            done.enter()
            let handle = output.fileHandleForReading
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    lock.withLock { bytes.append(chunk) }
                }
                done.leave()
            }
        }

        var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }

        func send(_ line: String) {
            try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
        }

        func closeInput() {
            try? input.fileHandleForWriting.close()
        }

        /// Waits until the output holds `needle`; false after `seconds`.
        func wait(for needle: String, within seconds: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if text.contains(needle) { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return text.contains(needle)
        }

        /// Waits for the process to end (killing it after `seconds`); its exit status.
        func finish(within seconds: Double = 20) -> Int32 {
            closeInput()
            let deadline = Date().addingTimeInterval(seconds)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            _ = done.wait(timeout: .now() + 5)
            return process.terminationStatus
        }
    }

    /// A fresh content root with one five-question test, `demo/practice`, with no time limit.
    static func course() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-pg-course-\(UUID().uuidString)")
        let bank = """
            quiz: demo
            title: Demo
            questions:
              - {id: q1, section: alpha, prompt: One?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
              - {id: q2, section: alpha, prompt: Two?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
              - {id: q3, section: alpha, prompt: Three?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
              - {id: q4, section: alpha, prompt: Four?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
              - {id: q5, section: alpha, prompt: Five?, choices: [Right, Wrong], shuffle: false, answer: A, explanation: E}
            tests:
              - {id: practice, title: Practice, shuffle: false}

            """
        for (path, text) in ["Lessons/demo.md": "# Demo\n\n## Alpha\n\nText.\n", "Quizzes/demo.yaml": bank] {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }
}
#endif

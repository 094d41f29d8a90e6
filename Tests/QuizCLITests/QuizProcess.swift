import Foundation

/// Runs the built `quiz` binary the way a user or CI would, with piped stdin.
struct QuizProcess {
    struct Result {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// The package root, found from this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `quiz` executable next to the test bundle.
    static var binary: URL {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for dir in [here, here.deletingLastPathComponent(), Bundle.main.bundleURL] {
            let candidate = dir.appendingPathComponent("quiz")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return packageRoot.appendingPathComponent(".build/debug/quiz")
    }

    /// How long one run of `quiz` may take before it is killed and its test fails: generous, since the machine
    /// may be busy, yet far below what the suite's time limits allow.
    static let deadline: Double = 30

    /// Runs `quiz` with arguments, stdin text (then end of input), in a folder, with extra environment.
    /// Throws `RunningProgram.Overdue`, with what it printed, when it does not finish within `seconds`.
    static func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil,
                    environment: [String: String] = [:], within seconds: Double = deadline) async throws -> Result {
        let program = try start(arguments, in: directory, environment: environment)
        program.writeAllThenClose(stdin ?? "")
        try await program.finish(within: seconds)
        return Result(stdout: program.stdout, stderr: program.stderr, status: program.process.terminationStatus)
    }

    /// Starts `quiz` with stdin left open, for a test that drives it line by line; with `mergingErrors`, stderr
    /// lands in `stdout` as a terminal would show both.
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                      mergingErrors: Bool = false) throws -> RunningProgram {
        var env = ["NO_COLOR": "1"]
        for (key, value) in environment { env[key] = value }
        return try RunningProgram(binary, arguments, in: directory ?? packageRoot, environment: env,
                                  mergingErrors: mergingErrors)
    }

    /// A fresh temporary content root holding the given files (path → text).
    static func root(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Quizzes"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Lessons"), withIntermediateDirectories: true)
        for (path, text) in files {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        return url
    }
}

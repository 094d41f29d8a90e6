import Foundation
import Testing

/// Every follow-up command the program prints is meant to be pasted: run it through a shell as printed.
@Suite(.timeLimit(.minutes(1))) struct PastedHintTests {
    /// Runs `line` as a shell would run it pasted, with the built `quiz` first on the PATH.
    static func paste(_ line: String, stdin: String, in directory: URL) async throws -> QuizProcess.Result {
        let bin = QuizProcess.binary.deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let program = try RunningProgram(URL(fileURLWithPath: "/bin/sh"), ["-c", line], in: directory,
                                         environment: ["PATH": path, "NO_COLOR": "1"])
        program.writeAllThenClose(stdin)
        try await program.finish(within: QuizProcess.deadline)
        return QuizProcess.Result(stdout: program.stdout, stderr: program.stderr, status: program.process.terminationStatus)
    }

    /// The text after `marker` on the line that holds it.
    static func command(after marker: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.contains(marker) }
            .map { String($0[$0.range(of: marker)!.upperBound...]) }
    }

    @Test func theResumeHintResumesTheAttemptInTheStoreThatWasGiven() async throws {
        let root = try LiveSessionTests.root(time: "10m")
        // A store in a folder whose name the shell would split: the hint must quote it.
        let store = root.appendingPathComponent("my attempts/it's here.sqlite").path
        let taken = try await QuizProcess.run(["take", "demo", "--store", store, "--seed", "1"], stdin: "a\na\nquit\n", in: root)
        #expect(taken.status == 0, "\(taken.stderr)")
        let resume = try #require(Self.command(after: "Continue with: ", in: taken.stdout), "\(taken.stdout)")
        #expect(resume.hasPrefix("quiz resume "))
        #expect(resume.contains("--store"), "the hint carries the --store that was given: \(resume)")

        let resumed = try await Self.paste(resume, stdin: "submit\ny\n", in: root)
        #expect(resumed.status == 0, "\(resume) failed: \(resumed.stderr)")
        #expect(resumed.stdout.contains("[3/5]"), "the pasted command resumes at the first unanswered question")
        #expect(resumed.stdout.contains("Score 2 / 5 (40.00%)"), "\(resumed.stdout)")

        let export = try #require(Self.command(after: "Export: ", in: resumed.stdout), "\(resumed.stdout)")
        let exported = try await Self.paste(export, stdin: "", in: root)
        #expect(exported.status == 0, "\(export) failed: \(exported.stderr)")
        let page = try String(contentsOf: root.appendingPathComponent("report.html"), encoding: .utf8)
        #expect(page.contains("Practice"))
    }

    @Test func theStudyHintsCarryTheRootAndStore() async throws {
        let root = try LiveSessionTests.root(time: "10m")
        let store = root.appendingPathComponent("store.sqlite").path
        let elsewhere = FileManager.default.temporaryDirectory
        let study = try await QuizProcess.run(["study", "demo", "--root", root.path, "--store", store], stdin: "quit\n", in: elsewhere)
        let again = try #require(Self.command(after: "Continue with: ", in: study.stdout), "\(study.stdout)\(study.stderr)")
        #expect(again == "quiz study demo --root \(root.path) --store \(store)")
        let pasted = try await Self.paste(again, stdin: "quit\n", in: elsewhere)
        #expect(pasted.status == 0, "\(pasted.stderr)")
        #expect(pasted.stdout.hasPrefix("Section 1 of 2"), "\(pasted.stdout)")
    }
}

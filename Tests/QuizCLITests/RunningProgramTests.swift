import Foundation
import Testing

/// The process helper against children that misbehave: none of them can hang the suite, and a test that gives
/// up on one fails with what the child printed.
@Suite(.timeLimit(.minutes(2))) struct RunningProgramTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")
    static let here = FileManager.default.temporaryDirectory

    @Test func aChildThatNeverExitsFailsWithinItsDeadline() async throws {
        let program = try RunningProgram(URL(fileURLWithPath: "/bin/sleep"), ["1000"], in: Self.here)
        let overdue = try await #require(throws: RunningProgram.Overdue.self) { try await program.finish(within: 1) }
        #expect(overdue.waited >= 1 && overdue.waited < 5, "gave up after \(overdue.waited) s")
        #expect(!program.process.isRunning, "the child was killed")
        #expect(overdue.description.hasPrefix("`sleep 1000` did not finish within 1.0 s and was killed"))
    }

    @Test func aChildThatFillsStderrThenHangsIsKilledWithWhatItPrinted() async throws {
        // The shell's `sleep` is a second process holding the same pipes: it must die with the shell.
        let script = "echo started; head -c 200000 /dev/zero | tr '\\000' e >&2; sleep 1000; echo never"
        let program = try RunningProgram(Self.shell, ["-c", script], in: Self.here)
        let overdue = try await #require(throws: RunningProgram.Overdue.self) { try await program.finish(within: 2) }
        #expect(overdue.waited >= 2 && overdue.waited < 6, "gave up after \(overdue.waited) s")
        #expect(overdue.stdout == "started\n")
        #expect(overdue.stderr == String(repeating: "e", count: 200_000))
        #expect(overdue.description.contains("--- stderr (last 4000 characters) ---\n" + String(repeating: "e", count: 4000)))
    }

    @Test func muchOnStderrBeforeStdoutEndsDoesNotBlock() async throws {
        // Far beyond a pipe's buffer: a helper reading stdout to its end before stderr would wait forever here.
        let program = try RunningProgram(Self.shell, ["-c", "head -c 1000000 /dev/zero >&2; echo done"], in: Self.here)
        program.closeInput()
        try await program.finish(within: 20)
        #expect(program.stdout == "done\n")
        #expect(program.stderr.utf8.count == 1_000_000)
        #expect(program.process.terminationStatus == 0)
    }

    @Test func aChildThatNeverReadsItsInputDoesNotBlock() async throws {
        let program = try RunningProgram(Self.shell, ["-c", "echo ok"], in: Self.here)
        program.writeAllThenClose(String(repeating: "x\n", count: 500_000))
        try await program.finish(within: 20)
        #expect(program.stdout == "ok\n")
    }

    @Test func quizItselfRunsUnderTheSameDeadline() async throws {
        // A practice test that nobody answers, with stdin left open, waits for a line: it never ends by itself.
        let program = try QuizProcess.start(["take", "websockets-sse-polling", "--seed", "1", "--store", SessionTests.store()])
        #expect(await program.wait(for: "[1/21]"))
        let overdue = try await #require(throws: RunningProgram.Overdue.self) { try await program.finish(within: 1) }
        #expect(overdue.stdout.contains("[1/21] "), "\(overdue.stdout)")
        #expect(!program.process.isRunning)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One run of `quiz`, measured for that child alone: wall time, CPU time (`wait4`'s `rusage`, so neither the
/// test runner nor the other tests' children count) and peak resident memory (its `VmHWM`, sampled every
/// few milliseconds while it runs).
///
/// Output goes to files rather than pipes, so a run that prints hundreds of thousands of findings cannot
/// block on a full pipe, and a run past its deadline is killed.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Wall time from the spawn until the child was reaped.
    var seconds: Double
    /// User plus system time of the child, all its threads.
    var cpuSeconds: Double
    /// Peak resident set of the child, in megabytes (the last `VmHWM` read before it exited).
    var peakMB: Double

    struct Overdue: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var description: String { "`\(command)` did not finish within \(seconds) s and was killed" }
    }

    struct SpawnFailed: Error, CustomStringConvertible {
        var code: Int32
        var description: String { "could not start quiz: \(String(cString: strerror(code)))" }
    }

    /// Runs `quiz ARGUMENTS` in `directory`, killing it past `deadline` seconds.
    static func quiz(_ arguments: [String], in directory: URL, within deadline: Double = 60) async throws -> MeasuredRun {
        let binary = QuizProcess.binary.path
        let result: Result<MeasuredRun, any Error> = await withCheckedContinuation { continuation in
            // The wait polls: on a thread of its own, so the tests' shared pool is not held.
            Thread.detachNewThread {
                continuation.resume(returning: Result { try run(binary, arguments, in: directory, within: deadline) })
            }
        }
        return try result.get()
    }

    private static func run(_ binary: String, _ arguments: [String], in directory: URL, within deadline: Double) throws -> MeasuredRun {
        let out = directory.appendingPathComponent(".quiz-stdout-\(UUID().uuidString)")
        let err = directory.appendingPathComponent(".quiz-stderr-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        // `exec` keeps the shell's process: the rusage is quiz's own.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, binary] + arguments
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        let env = environment.map { "\($0.key)=\($0.value)" }
        var cArgs = argv.map { strdup($0) } + [nil]
        var cEnv = env.map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        var pid: pid_t = 0
        let start = Date()
        let code = posix_spawn(&pid, "/bin/sh", &actions, nil, &cArgs, &cEnv)
        guard code == 0 else { throw SpawnFailed(code: code) }

        var status: Int32 = 0
        var usage = rusage()
        var killed = false
        var peakKB = 0
        while true {
            // The peak is quiz's own high-water mark, sampled while it runs: `ru_maxrss` would not do, since
            // posix_spawn's child shares the test runner's memory until exec, and Linux counts that peak too.
            // Only once quiz runs: before its exec the status is the shell's, or the runner's it shares.
            if let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               status.hasPrefix("Name:\tquiz\n"),
               let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kb = Int(line.dropFirst("VmHWM:".count).filter(\.isNumber)) {
                peakKB = max(peakKB, kb)
            }
            let reaped = wait4(pid, &status, WNOHANG, &usage)
            if reaped == pid { break }
            if reaped < 0 && errno != EINTR { throw SpawnFailed(code: errno) }
            if !killed && Date().timeIntervalSince(start) > deadline {
                kill(pid, SIGKILL)
                killed = true
            }
            usleep(2_000)
        }
        let seconds = Date().timeIntervalSince(start)
        if killed { throw Overdue(command: (["quiz"] + arguments).joined(separator: " "), seconds: deadline) }
        let exit = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        func secs(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1_000_000 }
        return MeasuredRun(
            status: exit,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "",
            seconds: seconds,
            cpuSeconds: secs(usage.ru_utime) + secs(usage.ru_stime),
            peakMB: Double(peakKB) / 1024)
    }
}

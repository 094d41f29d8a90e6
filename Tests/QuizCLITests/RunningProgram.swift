import Foundation

/// A program a test started: its stdout and stderr are read as they arrive, each on a thread of its own,
/// so a child that fills one pipe while the test waits on the other cannot block, and everything it printed
/// is at hand when the test gives up on it.
///
/// The child leads a process group of its own (Foundation spawns it so), and `kill()` ends the whole group:
/// a shell's children, which hold the same pipes, go with it. A program still running when the value is
/// released is killed, so a failed expectation leaves no process behind.
final class RunningProgram: @unchecked Sendable {
    /// What the program did not do in time, with everything it printed until it was killed.
    struct Overdue: Error, CustomStringConvertible {
        var command: String
        var seconds: Double
        var stdout: String
        var stderr: String

        var description: String {
            "`\(command)` did not finish within \(seconds) s and was killed; it printed:\n"
                + "--- stdout (last 4000 characters) ---\n\(String(stdout.suffix(4000)))\n"
                + "--- stderr (last 4000 characters) ---\n\(String(stderr.suffix(4000)))"
        }
    }

    /// Bytes read from one pipe, shared with the thread that reads it (which must not keep the program alive).
    private final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()
        func append(_ chunk: ArraySlice<UInt8>) { lock.withLock { bytes.append(contentsOf: chunk) } }
        var text: String { lock.withLock { String(decoding: bytes, as: UTF8.self) } }
    }

    let process = Process()
    /// The command line, for messages.
    let command: String
    private let input = Pipe()
    private let outReceived = Received()
    private let errReceived = Received()
    private let readers = DispatchGroup()

    /// Starts `executable`; with `mergingErrors`, stderr lands in `stdout` as a terminal would show both.
    init(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String] = [:],
         mergingErrors: Bool = false) throws {
        signal(SIGPIPE, SIG_IGN) // writing to a child that already exited must fail quietly, not end the test runner
        command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = mergingErrors ? out : Pipe()
        process.standardInput = input
        process.standardOutput = out
        process.standardError = err
        try process.run()
        Self.collect(out.fileHandleForReading, into: outReceived, group: readers)
        if !mergingErrors { Self.collect(err.fileHandleForReading, into: errReceived, group: readers) }
    }

    deinit {
        if process.isRunning { kill() }
    }

    /// What the program wrote to stdout so far.
    var stdout: String { outReceived.text }
    /// What the program wrote to stderr so far.
    var stderr: String { errReceived.text }

    /// Reads one pipe to its end on a thread of its own; `read(2)` rather than `FileHandle`, whose reads
    /// cannot report an error without trapping.
    /// The handle stays captured until the end of the pipe, so its descriptor cannot be closed under the read.
    private static func collect(_ handle: FileHandle, into received: Received, group: DispatchGroup) {
        group.enter()
        Thread.detachNewThread {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(handle.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                received.append(chunk[0..<count])
            }
            group.leave()
        }
    }

    /// Writes `line` and a newline to the program's stdin.
    func send(_ line: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Writes `text` to stdin on a thread of its own, then closes stdin, so a program that never reads
    /// cannot block the test on a full pipe.
    func writeAllThenClose(_ text: String) {
        let handle = input.fileHandleForWriting
        let bytes = Data(text.utf8)
        Thread.detachNewThread {
            if !bytes.isEmpty { try? handle.write(contentsOf: bytes) }
            try? handle.close()
        }
    }

    /// Closes stdin: the program reads end of input.
    func closeInput() { try? input.fileHandleForWriting.close() }

    /// Sends SIGINT to the program alone, as Ctrl-C at a terminal would.
    func interrupt() { _ = Foundation.kill(process.processIdentifier, SIGINT) }

    /// Ends the program and every process of its group at once.
    func kill() {
        let pid = process.processIdentifier
        if Foundation.kill(-pid, SIGKILL) != 0 { _ = Foundation.kill(pid, SIGKILL) }
    }

    /// Whether stdout holds `needle` within `seconds`.
    func wait(for needle: String, within seconds: Double = 15) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if stdout.contains(needle) { return true }
            usleep(20_000)
        }
        return stdout.contains(needle)
    }

    /// Whether the program exited within `seconds`.
    func waitForExit(within seconds: Double = 15) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < end { usleep(10_000) }
        return !process.isRunning
    }

    /// Waits for the program to exit and its pipes to close; past `seconds` it kills the program's group and
    /// throws `Overdue` with what it printed.
    func finish(within seconds: Double) throws {
        let exited = waitForExit(within: seconds)
        // A child of the program may still hold the pipes open after the program itself exited.
        if exited && readers.wait(timeout: .now() + 2) == .success { return }
        kill()
        _ = waitForExit(within: 5)
        _ = readers.wait(timeout: .now() + 2)
        throw Overdue(command: command, seconds: seconds, stdout: stdout, stderr: stderr)
    }
}

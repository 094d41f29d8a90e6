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
        /// Seconds from the start of the wait until the killed program was gone, timed by the waiting thread.
        var waited: Double
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

    /// Writes `text` to stdin as it is, without a newline: a line half typed.
    func type(_ text: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
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

    // Each wait below runs on a thread of its own and polls every 10 ms: tests share a pool of as many threads as
    // cores, so a test blocked on its child would hold back every other test, while a wait on that pool would
    // wake late when it is busy. Here the deadline is kept to the tick, and only the test's resumption waits.

    /// Whether stdout holds `needle` within `seconds`.
    func wait(for needle: String, within seconds: Double = 15) async -> Bool {
        await Self.poll(seconds) { self.stdout.contains(needle) }
    }

    /// Whether the program exited within `seconds`.
    func waitForExit(within seconds: Double = 15) async -> Bool {
        await Self.poll(seconds) { !self.process.isRunning }
    }

    /// Waits for the program to exit and its pipes to close; past `seconds` it kills the program's group and
    /// throws `Overdue` with what it printed.
    func finish(within seconds: Double) async throws {
        let overdue: Overdue? = await Self.onItsOwnThread {
            let start = Date()
            // A child of the program may still hold the pipes open after the program itself exited.
            if Self.pollHere(seconds, until: { !self.process.isRunning }),
               self.readers.wait(timeout: .now() + 2) == .success {
                return nil
            }
            self.kill()
            _ = Self.pollHere(5) { !self.process.isRunning }
            let waited = Date().timeIntervalSince(start)
            _ = self.readers.wait(timeout: .now() + 2)
            return Overdue(command: self.command, seconds: seconds, waited: waited, stdout: self.stdout, stderr: self.stderr)
        }
        if let overdue { throw overdue }
    }

    private static func poll(_ seconds: Double, until condition: @escaping @Sendable () -> Bool) async -> Bool {
        await onItsOwnThread { pollHere(seconds, until: condition) }
    }

    /// Whether `condition` holds within `seconds`, looked at every 10 ms on the calling thread.
    private static func pollHere(_ seconds: Double, until condition: () -> Bool) -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if condition() { return true }
            usleep(10_000)
        }
        return condition()
    }

    private static func onItsOwnThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }
}

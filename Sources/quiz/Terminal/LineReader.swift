import Foundation
import QuizApp

/// Reads stdin one line at a time, and can stop waiting at a deadline.
///
/// It reads the file descriptor directly (no buffered stdio), so a pending
/// read can be abandoned when time runs out without losing any input that
/// arrives later, and it behaves the same on a terminal, a file or a pipe.
final class LineReader {
    /// Longer lines are cut to this many bytes: no answer or command is anywhere near it.
    static let maxLine = 64 * 1024

    private let fd: Int32
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already searched for a newline.
    private var searched = 0
    /// Dropping the rest of an over-long line, up to its newline.
    private var skipping = false
    private var atEnd = false

    init(fd: Int32 = STDIN_FILENO) {
        self.fd = fd
    }

    /// The next line (without its newline), waiting at most until `deadline` (a `Monotonic.now` reading).
    func next(deadline: Double? = nil) -> LineOutcome {
        while true {
            if let newline = buffer[searched...].firstIndex(of: 0x0A) {
                var bytes = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                searched = 0
                if skipping {
                    skipping = false
                    continue
                }
                if bytes.last == 0x0D { bytes.removeLast() }
                return .line(Self.text(bytes))
            }
            searched = buffer.count
            if buffer.count > Self.maxLine {
                if !skipping {
                    // Keep the start of the line; its rest is read and dropped.
                    let head = Array(buffer.prefix(Self.maxLine))
                    buffer.removeAll(keepingCapacity: true)
                    searched = 0
                    skipping = true
                    return .line(Self.text(head))
                }
                buffer.removeAll(keepingCapacity: true)
                searched = 0
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let rest = buffer
                buffer = []
                searched = 0
                if skipping { return .endOfInput }
                return .line(Self.text(rest))
            }
            if Interrupt.requested { return .interrupted }
            var timeout: Int32 = 250
            if let deadline {
                let left = deadline - Monotonic.now
                if left <= 0 {
                    discardPendingInput()
                    return .deadline
                }
                timeout = Int32(min(250, max(1, (left * 1000).rounded(.up))))
            }
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                atEnd = true
                continue
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = read(fd, &chunk, chunk.count)
            if n > 0 {
                buffer.append(contentsOf: chunk[..<n])
            } else if n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN) {
                atEnd = true
            }
        }
    }
}

extension LineReader {
    /// Drops a half-typed line when time runs out: the bytes already read, and at a terminal the
    /// line still being edited in the kernel, which the shell would otherwise receive as a command.
    private func discardPendingInput() {
        buffer.removeAll(keepingCapacity: true)
        searched = 0
        skipping = false
        if isatty(fd) == 1 { tcflush(fd, TCIFLUSH) }
    }

    /// A line's text: invalid UTF-8 repaired, and control characters other than tab dropped,
    /// so a stray NUL or escape sequence never reaches an answer or the store.
    static func text(_ bytes: [UInt8]) -> String {
        let raw = String(decoding: bytes, as: UTF8.self)
        guard raw.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\t" }) else { return raw }
        var clean = String.UnicodeScalarView()
        clean.append(contentsOf: raw.unicodeScalars.filter { $0.properties.generalCategory != .control || $0 == "\t" })
        return String(clean)
    }
}

/// Seconds on a clock that never jumps (for deadlines and time spent).
enum Monotonic {
    static var now: Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

/// SIGINT handling for sessions: the handler only sets a flag; the session loop saves and exits 130.
enum Interrupt {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0

    static var requested: Bool { flag != 0 }

    static func install() {
        signal(SIGINT) { _ in Interrupt.flag = 1 }
        // A parent may have started us with SIGINT blocked; a learner's Ctrl-C must still arrive.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigprocmask(SIG_UNBLOCK, &set, nil)
    }
}

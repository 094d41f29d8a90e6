import Foundation

/// Reads stdin one line at a time, and can stop waiting at a deadline.
///
/// It reads the file descriptor directly (no buffered stdio), so a pending
/// read can be abandoned when time runs out without losing any input that
/// arrives later, and it behaves the same on a terminal, a file or a pipe.
final class LineReader {
    enum Outcome: Equatable {
        case line(String)
        case endOfInput
        case deadline
        case interrupted
    }

    private let fd: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    init(fd: Int32 = STDIN_FILENO) {
        self.fd = fd
    }

    /// The next line (without its newline), waiting at most until `deadline` (a `Monotonic.now` reading).
    func next(deadline: Double? = nil) -> Outcome {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var bytes = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if bytes.last == 0x0D { bytes.removeLast() }
                return .line(String(decoding: bytes, as: UTF8.self))
            }
            if atEnd {
                guard !buffer.isEmpty else { return .endOfInput }
                let rest = buffer
                buffer = []
                return .line(String(decoding: rest, as: UTF8.self))
            }
            if Interrupt.requested { return .interrupted }
            var timeout: Int32 = 250
            if let deadline {
                let left = deadline - Monotonic.now
                if left <= 0 { return .deadline }
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

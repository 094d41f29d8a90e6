import Foundation
import QuizApp
import QuizKit

/// Plain output to the terminal or a pipe.
enum Terminal {
    static func standardError(_ line: String) {
        try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Writes text to stdout exactly as given and flushes, so a program at the other end of a pipe sees it at once.
    static func write(_ text: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    }

    /// Writes text to the file at `path` (`-o`), or to stdout when there is none.
    static func write(_ text: String, toFile path: String?) throws(UserError) {
        guard let path else { return write(text) }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch {
            throw UserError("\(path): cannot be written (\(error.localizedDescription)); check the folder and its permissions")
        }
    }

    /// Whether to colour stdout: only a terminal, and only without NO_COLOR.
    static var colorEnabled: Bool {
        isatty(STDOUT_FILENO) == 1 && getenv("NO_COLOR") == nil
    }

    /// The terminal's height in lines when stdout is a terminal that reports one; nil on a pipe.
    static var height: Int? {
        guard isatty(STDOUT_FILENO) == 1 else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row >= 8 else { return nil }
        return Int(size.ws_row)
    }

    /// The terminal's width when stdout is a terminal; nil on a pipe, whose output is never wrapped.
    static var wrapWidth: Int? { isatty(STDOUT_FILENO) == 1 ? width : nil }

    /// The width to wrap text to.
    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 40 { return min(Int(size.ws_col), 100) }
        if let cols = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), cols >= 40 { return min(cols, 100) }
        return 80
    }
}

extension Terminal {
    /// Writes a message, wrapped at spaces to the terminal's width when stdout is a terminal.
    static func say(_ text: String) {
        write(Wrapping.wrap(text, width: width))
    }

    /// Prints what a session event shows the learner, wrapped to the terminal's width.
    static func show(_ event: SessionEvent) {
        let text = SessionTranscript.render(event)
        guard !text.isEmpty else { return }
        write(Wrapping.wrap(text, width: width))
    }
}

import Foundation
import QuizMarkdown

/// Soft-wraps session text to the terminal width: long lines break at spaces,
/// and continuation lines keep the line's indent (past `A) ` / `1) ` labels too),
/// measured by display width (`TextWrap.wrapLine`). Lines inside fenced code are
/// never broken. Piped output is returned as it is.
enum Wrapping {
    static func wrap(_ text: String, width: Int) -> String {
        // Only a person at a terminal wants wrapping; a program reading a pipe wants one choice per line.
        guard isatty(STDOUT_FILENO) == 1 else { return text }
        var out = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let endsWithNewline = text.hasSuffix("\n")
        if endsWithNewline { lines.removeLast() }
        var inFence = false
        for (i, line) in lines.enumerated() {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            out += inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") ? String(line) : TextWrap.wrapLine(String(line), width: width)
            if i < lines.count - 1 || endsWithNewline { out += "\n" }
        }
        return out
    }
}

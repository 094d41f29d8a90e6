import Foundation
import QuizApp

/// Shows a long text a screenful at a time when stdout is a terminal, so the top of a long
/// lesson section does not scroll away unread. Piped output is written whole: a program
/// reading it sends no keys between pages.
enum Pager {
    /// The line a page ends with; the reader presses Enter for more.
    static let more = "(more · Enter to read on, or q to stop)"

    /// Writes `text` (which has no trailing newline). At a terminal too short for it, stops after
    /// each screenful and reads a line: it returns that line's outcome when it is not a plain
    /// Enter (`q`, end of input, Ctrl-C), else an empty line.
    static func show(_ text: String, on terminal: some SessionTerminal) -> LineOutcome {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let rows = Terminal.height, lines.count > rows - 2 else {
            Terminal.write(text)
            return .line("")
        }
        // Room for the page's text, the "more" line and the prompt.
        let page = max(4, rows - 2)
        var index = 0
        while index < lines.count {
            let end = min(index + page, lines.count)
            Terminal.write(lines[index..<end].joined(separator: "\n"))
            index = end
            guard index < lines.count else { break }
            Terminal.write("\n\(more)\n> ")
            let outcome = terminal.nextLine(deadline: nil)
            guard case .line(let line) = outcome, !["q", "quit"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) else {
                return outcome
            }
        }
        return .line("")
    }
}

import Foundation

/// Soft-wraps session text to the terminal width: long lines break at spaces,
/// and continuation lines keep the line's indent (past `A) ` / `1) ` labels too).
/// Question headers (`[3/21] …`) and lines inside fenced code are never broken.
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
            out += inFence || trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") || line.hasPrefix("[") ? String(line) : wrapLine(String(line), width: width)
            if i < lines.count - 1 || endsWithNewline { out += "\n" }
        }
        return out
    }

    static func wrapLine(_ line: String, width: Int) -> String {
        guard line.count > width else { return line }
        let leading = line.prefix { $0 == " " }.count
        var hanging = leading
        let rest = line.dropFirst(leading)
        if let close = rest.firstIndex(of: ")"), rest.distance(from: rest.startIndex, to: close) <= 2,
           rest[rest.startIndex..<close].allSatisfy({ $0.isLetter || $0.isNumber }) {
            hanging = leading + rest.distance(from: rest.startIndex, to: close) + 2
        }
        let pad = String(repeating: " ", count: hanging)
        var out = String(repeating: " ", count: leading)
        var current = leading
        var first = true
        for word in rest.split(separator: " ", omittingEmptySubsequences: true) {
            if !first && current + 1 + word.count > width {
                out += "\n" + pad
                current = hanging
                first = true
            }
            if !first { out += " "; current += 1 }
            out += word
            current += word.count
            first = false
        }
        return out
    }
}

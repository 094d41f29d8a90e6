/// Markdown text cut into lines, the unit every block rule works on.
///
/// `\r\n`, a lone `\r` and `\n` all end a line, so a file saved on Windows
/// parses exactly like one saved on Linux; a leading byte-order mark is dropped.
/// In Swift `"\r\n"` is one `Character`, so lines are cut on Unicode scalars.
enum MarkdownSource {
    /// The lines of `text`, without their line endings. A final line ending does not add an empty line.
    static func lines(of text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var previousWasCR = false
        for scalar in scalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { lines.append(String(current)) }
        return lines
    }

    /// Columns of leading indentation, a tab counting as reaching the next multiple of 4.
    static func indentation(of line: Substring) -> Int {
        var column = 0
        for character in line {
            if character == " " {
                column += 1
            } else if character == "\t" {
                column += 4 - column % 4
            } else {
                break
            }
        }
        return column
    }

    static func indentation(of line: String) -> Int { indentation(of: line[...]) }

    /// The line with up to `columns` columns of leading indentation removed.
    static func removingIndentation(_ columns: Int, from line: String) -> String {
        var column = 0
        var index = line.startIndex
        while index < line.endIndex, column < columns {
            let character = line[index]
            if character == " " {
                column += 1
            } else if character == "\t" {
                let next = column + 4 - column % 4
                if next > columns {
                    return String(repeating: " ", count: next - columns) + line[line.index(after: index)...]
                }
                column = next
            } else {
                break
            }
            index = line.index(after: index)
        }
        return String(line[index...])
    }

    /// True when `line` opens an HTML comment block: `<!--` at most 3 spaces in.
    static func opensComment(_ line: String) -> Bool {
        indentation(of: line) <= 3 && trimmed(line).hasPrefix("<!--")
    }

    /// True when an HTML comment block ends on `line`, the first line to hold `-->`
    /// (after the `<!--` when `line` is the one that opened it).
    static func closesComment(_ line: String, opening: Bool) -> Bool {
        (opening ? trimmed(line).dropFirst(4) : line[...]).contains("-->")
    }

    static func isBlank(_ line: some StringProtocol) -> Bool {
        line.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The lines with blank lines removed from both ends.
    static func trimmingBlankLines(_ lines: some BidirectionalCollection<String>) -> [String] {
        guard let first = lines.firstIndex(where: { !isBlank($0) }) else { return [] }
        let rest = lines[first...]
        let last = rest.lastIndex(where: { !isBlank($0) })!
        return Array(rest[...last])
    }

    /// Text with whitespace removed from both ends.
    static func trimmed(_ text: some StringProtocol) -> String {
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map { text.index(after: $0) } ?? start
        return String(text[start..<max(start, end)])
    }
}
